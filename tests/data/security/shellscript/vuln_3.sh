#!/bin/bash
curl -k https://internal.example.com/api
