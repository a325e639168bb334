package main

import (
	"net/http"
	"os"
)

func read(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	data, _ := os.ReadFile("/srv/files/" + name)
	w.Write(data)
}
