package main

import "crypto/rand"

func token() []byte {
	b := make([]byte, 16)
	rand.Read(b)
	return b
}
