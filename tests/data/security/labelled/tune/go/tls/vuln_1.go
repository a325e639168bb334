package main

import (
	"crypto/tls"
	"net"
)

func dial(addr string) (net.Conn, error) {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true
	return tls.Dial("tcp", addr, cfg)
}
