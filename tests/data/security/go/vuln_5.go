package main

import "math/rand"

func token() int {
	token := rand.Intn(1000000)
	return token
}
