#!/bin/bash
tmp="$(mktemp)"
echo "hello" > "$tmp"
