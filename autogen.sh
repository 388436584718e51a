#!/bin/sh
# Generates the build system from a git checkout; tarballs do not need it.
set -e

srcdir=$(dirname "$0")
test -n "$srcdir" || srcdir=.

olddir=$(pwd)
cd "$srcdir"

test -f libsoftlif/softlif.h || {
  echo "autogen.sh: run this from the top of the libsoftlif tree" >&2
  exit 1
}

autoreconf --force --install --verbose || exit 1

cd "$olddir"
if [ -z "$NOCONFIGURE" ]; then
  "$srcdir"/configure "$@"
fi
