#!/bin/bash
cmd="$1"
eval $cmd
