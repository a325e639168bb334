package main

import "net/http"

func back(w http.ResponseWriter, r *http.Request) {
	dest := r.FormValue("return")
	if dest != "/home" {
		dest = "/"
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
