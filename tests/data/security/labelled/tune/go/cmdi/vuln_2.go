package main

import (
	"net/http"
	"os/exec"
)

func zip(w http.ResponseWriter, r *http.Request) {
	name := r.Header.Get("X-Name")
	cmd := exec.Command("bash", "-c", "zip out.zip "+name)
	cmd.Run()
}
