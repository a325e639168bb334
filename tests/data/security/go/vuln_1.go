package main

import "os/exec"

func list(dir string) {
	exec.Command("sh", "-c", "ls "+dir).Run()
}
