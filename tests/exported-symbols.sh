#!/bin/sh
# The shared library exports exactly the documented public API: every
# function with a doc comment in libsoftlif/*.c, and the get_type
# function of every documented type. Prints TAP.

set -u

srcdir=${SOFTLIF_TOP_SRCDIR:?}/libsoftlif
lib=${SOFTLIF_LIBRARY:?}
nm=${NM:-nm}

echo "1..3"

if [ ! -f "$lib" ]; then
  echo "not ok 1 - $lib exists"
  echo "not ok 2 - # SKIP no library"
  echo "not ok 3 - # SKIP no library"
  exit 1
fi
echo "ok 1 - $lib exists"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Functions: a doc comment opens with " * name:" or " * name: (annotation)".
sed -n 's/^ \* \(softlif_[a-z0-9_]*\):.*$/\1/p' "$srcdir"/*.c > "$tmp/documented"
# Types: " * SoftlifName:" alone on its line, class structures excepted.
sed -n 's/^ \* \(Softlif[A-Za-z0-9]*\):$/\1/p' "$srcdir"/*.c "$srcdir"/*.h |
  grep -v 'Class$' |
  sed 's/\([A-Z]\)/_\1/g; s/^_//' | tr 'A-Z' 'a-z' | sed 's/$/_get_type/' >> "$tmp/documented"
sort -u "$tmp/documented" -o "$tmp/documented"

"$nm" -D --defined-only "$lib" | awk '$2 ~ /^[TtDdBbRrVWiu]$/ { print $3 }' |
  grep -v -E '^(_init|_fini|_edata|_end|__bss_start)$' | sort -u > "$tmp/exported"

failed=0
extra=$(comm -23 "$tmp/exported" "$tmp/documented")
if [ -z "$extra" ]; then
  echo "ok 2 - every exported symbol is documented public API ($(wc -l < "$tmp/exported") symbols)"
else
  echo "not ok 2 - symbols exported but not documented public API"
  echo "$extra" | sed 's/^/# /'
  failed=1
fi

missing=$(comm -13 "$tmp/exported" "$tmp/documented")
if [ -z "$missing" ]; then
  echo "ok 3 - every documented function is exported"
else
  echo "not ok 3 - documented functions missing from the library"
  echo "$missing" | sed 's/^/# /'
  failed=1
fi

exit $failed
