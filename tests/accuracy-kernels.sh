#!/bin/sh
# Runs the accuracy test once with each array kernel set this build has
# (SOFTLIF_KERNELS=generic, sse2, avx2, avx512), so every set the CPU runs is held
# to the accuracy bounds, not only the one the library picks. Prints TAP.

set -u

# Without GSL the accuracy program only reports that it needs it.
if [ -n "${SOFTLIF_WITHOUT_GSL:-}" ]; then
  echo "1..0 # SKIP $SOFTLIF_WITHOUT_GSL"
  exit 0
fi

accuracy=${SOFTLIF_ACCURACY:-./accuracy}
n=0
failed=0
for set in generic sse2 avx2 avx512; do
  n=$((n + 1))
  if SOFTLIF_KERNELS=$set G_MESSAGES_DEBUG=Softlif "$accuracy" >accuracy-with-$set.log 2>&1; then
    used=$(sed -n 's/.*array kernels: \([a-z0-9]*\).*/\1/p' accuracy-with-$set.log | head -n 1)
    if [ "$used" = "$set" ]; then
      echo "ok $n - accuracy with the $set kernels"
    else
      echo "ok $n # SKIP the $set kernels are not in this build or not run by this CPU"
    fi
  else
    echo "not ok $n - accuracy with the $set kernels (see tests/accuracy-with-$set.log)"
    sed 's/^/# /' accuracy-with-$set.log | grep -E "^# (not ok|Bail|.*ERROR)" | head -n 20
    failed=1
  fi
done
echo "1..$n"
exit $failed
