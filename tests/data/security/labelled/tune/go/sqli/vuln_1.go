package main

import (
	"database/sql"
	"net/http"
)

func user(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	rows, _ := db.Query("SELECT name FROM users WHERE id = '" + id + "'")
	defer rows.Close()
}
