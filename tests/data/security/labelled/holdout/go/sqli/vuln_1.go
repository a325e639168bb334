package main

import (
	"database/sql"
	"fmt"
	"net/http"
)

func find(db *sql.DB, r *http.Request) {
	name := r.URL.Query().Get("name")
	q := fmt.Sprintf("SELECT id FROM users WHERE name = '%s'", name)
	db.QueryRow(q)
}
