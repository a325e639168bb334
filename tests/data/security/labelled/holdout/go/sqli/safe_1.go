package main

import (
	"database/sql"
	"net/http"
)

func find(db *sql.DB, r *http.Request) {
	name := r.URL.Query().Get("name")
	db.QueryRow("SELECT id FROM users WHERE name = $1", name)
}
