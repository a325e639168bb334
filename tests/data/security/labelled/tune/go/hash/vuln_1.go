package main

import (
	"crypto/md5"
	"encoding/hex"
)

func digest(pw string) string {
	sum := md5.Sum([]byte(pw))
	return hex.EncodeToString(sum[:])
}
