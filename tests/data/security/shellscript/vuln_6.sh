#!/bin/bash
rm -rf $TARGET/
