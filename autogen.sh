#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# autogen.sh: regenerate the build system (configure, Makefile.in, po/) from a git checkout.
set -e
cd "$(dirname "$0")"
autoreconf -fi
