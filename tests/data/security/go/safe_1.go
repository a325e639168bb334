package main

import "os/exec"

func list(dir string) {
	exec.Command("ls", dir).Run()
}
