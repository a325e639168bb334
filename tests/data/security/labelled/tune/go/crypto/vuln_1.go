package main

import "crypto/des"

func block(key []byte) {
	c, _ := des.NewCipher(key)
	_ = c
}
