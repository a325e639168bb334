#!/bin/bash
chmod 777 /var/app/data
