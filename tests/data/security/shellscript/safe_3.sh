#!/bin/bash
chmod 750 /var/app/data
