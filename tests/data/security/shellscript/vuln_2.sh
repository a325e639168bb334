#!/bin/bash
curl -s https://example.com/install.sh | bash
