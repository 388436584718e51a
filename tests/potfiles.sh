#!/bin/sh
# po/POTFILES.in lists every source file with translatable strings, and
# only those: a file that marks a string with _() or N_() but is missing
# from it would never reach the translators. Prints TAP.

set -u

top=${SOFTLIF_TOP_SRCDIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$top" && grep -l -E '(^|[^A-Za-z0-9_])N?_ \(|(^|[^A-Za-z0-9_])N?_\(' \
   libsoftlif/*.c tools/*.c bindings/python/gi/overrides/*.py.in 2>/dev/null | sort) > "$tmp/marked"
grep -v -E '^(#|$)' "$top/po/POTFILES.in" | sort > "$tmp/listed"

n=0
status=0
n=$((n + 1))
missing=$(comm -23 "$tmp/marked" "$tmp/listed")
if [ -z "$missing" ]; then
  echo "ok $n - every file with translatable strings is in po/POTFILES.in"
else
  echo "not ok $n - missing from po/POTFILES.in: $(echo $missing)"
  status=1
fi
n=$((n + 1))
extra=$(comm -13 "$tmp/marked" "$tmp/listed")
if [ -z "$extra" ]; then
  echo "ok $n - po/POTFILES.in lists no file without translatable strings"
else
  echo "not ok $n - in po/POTFILES.in without translatable strings: $(echo $extra)"
  status=1
fi
echo "1..$n"
exit $status
