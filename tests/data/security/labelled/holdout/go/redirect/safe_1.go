package main

import "net/http"

func next(w http.ResponseWriter, r *http.Request) {
	_ = r.URL.Query().Get("next")
	http.Redirect(w, r, "/home", http.StatusFound)
}
