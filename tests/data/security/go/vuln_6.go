package main

import (
	"database/sql"
	"fmt"
)

func find(db *sql.DB, id string) {
	db.Query(fmt.Sprintf("SELECT * FROM users WHERE id = %s", id))
}
