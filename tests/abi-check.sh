#!/bin/sh
# The ABI of the built library against the 1.0 baseline
# (tests/abi/libsoftlif-1.0.abi, written by abidw from the 1.0 release):
# additions are fine, any incompatible change fails. Prints TAP; without
# abidiff it reports SKIP, unless SOFTLIF_REQUIRE_ABIDIFF is set (CI).
#
# To record a baseline from a build of a release (BUILD, its source SRC):
#   abidw --no-corpus-path --load-all-types --drop-private-types \
#     $(for h in $public_headers; do echo --hf SRC/libsoftlif/$h; done) \
#     --out-file tests/abi/libsoftlif-1.0.abi BUILD/libsoftlif/.libs/libsoftlif-1.0.so
#
# The types of the public headers count, those reachable from no function
# (the class structures) included; the private headers share their
# directory, so they are named one by one.

baseline="$SOFTLIF_TOP_SRCDIR/tests/abi/libsoftlif-1.0.abi"
public_headers="softlif.h softlif-error.h softlif-neuron-type.h softlif-lif-rate.h
  softlif-soft-lif-rate.h softlif-parallel.h softlif-version-macros.h"

echo "1..1"
if ! command -v abidiff >/dev/null 2>&1; then
  if [ -n "${SOFTLIF_REQUIRE_ABIDIFF:-}" ]; then
    echo "not ok 1 - abidiff is required but not installed (abigail-tools)"
    exit 1
  fi
  echo "ok 1 # SKIP abidiff is not installed (abigail-tools)"
  exit 0
fi

headers=""
for h in $public_headers; do
  headers="$headers --hf2 $SOFTLIF_TOP_SRCDIR/libsoftlif/$h"
done
# shellcheck disable=SC2086
abidiff --non-reachable-types --drop-private-types $headers \
  "$baseline" "$SOFTLIF_LIBRARY" > abi-check.out 2>&1
rc=$?
sed 's/^/# /' abi-check.out
rm -f abi-check.out
# abidiff's status is a bit field: 1 an error, 2 a usage error, 4 a
# change, 8 an incompatible change. 4 alone (additions, or changes the
# tool judges compatible) passes.
if [ $((rc & 11)) -ne 0 ]; then
  echo "not ok 1 - the ABI changed incompatibly since 1.0 (abidiff status $rc)"
  exit 1
fi
echo "ok 1 - the ABI is compatible with 1.0 (abidiff status $rc)"
