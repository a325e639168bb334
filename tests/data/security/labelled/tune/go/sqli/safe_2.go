package main

import (
	"database/sql"
	"net/http"
	"strconv"
)

func remove(db *sql.DB, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("id"))
	db.Exec("DELETE FROM tags WHERE id = $1", n)
}
