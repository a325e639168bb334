#!/bin/bash
mysql -u app -e "SELECT * FROM users WHERE name = '$1'"
