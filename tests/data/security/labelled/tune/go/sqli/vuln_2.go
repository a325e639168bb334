package main

import (
	"database/sql"
	"fmt"
	"net/http"
)

func remove(db *sql.DB, r *http.Request) {
	name := r.FormValue("name")
	q := fmt.Sprintf("DELETE FROM tags WHERE name = '%s'", name)
	db.Exec(q)
}
