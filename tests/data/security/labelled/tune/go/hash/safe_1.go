package main

import (
	"crypto/sha256"
	"encoding/hex"
)

func digest(pw string) string {
	sum := sha256.Sum256([]byte(pw))
	return hex.EncodeToString(sum[:])
}
