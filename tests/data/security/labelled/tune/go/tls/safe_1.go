package main

import (
	"crypto/tls"
	"net"
)

func dial(addr string) (net.Conn, error) {
	cfg := &tls.Config{ServerName: "example.com"}
	return tls.Dial("tcp", addr, cfg)
}
