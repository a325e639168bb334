#!/bin/bash
set -euo pipefail
ls -l -- "$1"
