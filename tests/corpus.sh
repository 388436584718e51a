#!/bin/sh
# Holds every public operation to the outputs recorded in corpus.txt, bit
# for bit, once with each array kernel set this build has and the CPU runs
# (SOFTLIF_KERNELS=generic, sse2, avx2, avx512) and once with the set the
# library picks itself. Prints TAP.
#
# corpus.txt keeps one line per architecture, kernel set and case:
#   <host_cpu> <set> <case> <sha256 of the output>
# Architectures or kernel sets without lines report SKIP. To record the
# outputs again after a change that is meant to change numbers, run
#   make -C tests corpus-regenerate
# (see HACKING.md) and commit corpus.txt with the change.

set -u

corpus=${SOFTLIF_CORPUS:-./corpus}
expected_file=${SOFTLIF_TOP_SRCDIR:-..}/tests/corpus.txt
arch=${SOFTLIF_HOST_CPU:-unknown}
regenerate=no
[ "${1-}" = --regenerate ] && regenerate=yes

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
for set in generic sse2 avx2 avx512 default; do
  n=$((n + 1))
  if [ "$set" = default ]; then
    env -u SOFTLIF_KERNELS G_MESSAGES_DEBUG=Softlif "$corpus" >"$tmp/out" 2>"$tmp/err"
  else
    SOFTLIF_KERNELS=$set G_MESSAGES_DEBUG=Softlif "$corpus" >"$tmp/out" 2>"$tmp/err"
  fi
  status=$?
  used=$(sed -n 's/.*array kernels: \([a-z0-9]*\).*/\1/p' "$tmp/err" | head -n 1)
  if [ $status -ne 0 ]; then
    echo "not ok $n - the corpus program failed with the $set kernels"
    sed 's/^/# /' "$tmp/err" | grep -v 'array kernels' | head -n 20
    failed=1
    continue
  fi
  if [ "$set" != default ] && [ "$used" != "$set" ]; then
    echo "ok $n # SKIP the $set kernels are not in this build or not run by this CPU"
    continue
  fi
  if [ $regenerate = yes ]; then
    if [ "$set" != default ]; then
      sed "s/^/$arch $set /" "$tmp/out" >>"$tmp/new"
      echo "ok $n - recorded the outputs of the $set kernels"
    else
      echo "ok $n # SKIP nothing to record for the default set"
    fi
    continue
  fi
  grep "^$arch $used " "$expected_file" | cut -d' ' -f3- >"$tmp/expected"
  if [ ! -s "$tmp/expected" ]; then
    echo "ok $n # SKIP no corpus recorded for the $used kernels on $arch"
    continue
  fi
  if cmp -s "$tmp/expected" "$tmp/out"; then
    echo "ok $n - $(wc -l <"$tmp/out") outputs of the $used kernels bit for bit as recorded${set:+ ($set)}"
  else
    echo "not ok $n - outputs of the $used kernels differ from corpus.txt ($set)"
    diff "$tmp/expected" "$tmp/out" | grep '^[<>]' | head -n 20 | sed 's/^/# /'
    failed=1
  fi
done
echo "1..$n"

if [ $regenerate = yes ] && [ $failed -eq 0 ]; then
  { grep -v "^$arch " "$expected_file" 2>/dev/null; cat "$tmp/new"; } >"$tmp/all"
  cp "$tmp/all" "$expected_file"
  echo "# wrote $expected_file"
fi
exit $failed
