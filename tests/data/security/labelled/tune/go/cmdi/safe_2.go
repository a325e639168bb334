package main

import (
	"net/http"
	"os/exec"
	"strconv"
)

func zip(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.Header.Get("X-Level"))
	if err != nil {
		return
	}
	cmd := exec.Command("bash", "-c", "zip -"+strconv.Itoa(n)+" out.zip data")
	cmd.Run()
}
