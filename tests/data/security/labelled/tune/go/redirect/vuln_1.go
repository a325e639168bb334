package main

import "net/http"

func back(w http.ResponseWriter, r *http.Request) {
	dest := r.FormValue("return")
	w.Header().Set("Location", dest)
	w.WriteHeader(http.StatusSeeOther)
}
