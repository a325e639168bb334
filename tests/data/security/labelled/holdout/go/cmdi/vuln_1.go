package main

import (
	"net/http"
	"os/exec"
)

func run(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	out, _ := exec.Command("sh", "-c", "grep "+name+" /etc/app.conf").Output()
	w.Write(out)
}
