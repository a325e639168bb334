package main

import (
	"fmt"
	"math/rand"
)

func resetToken() string {
	return fmt.Sprintf("%08x", rand.Int63())
}
