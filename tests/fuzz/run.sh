#!/bin/sh
# Builds the fuzz targets with clang and libFuzzer (with AddressSanitizer
# and UndefinedBehaviorSanitizer) against a build tree of the library, then
# fuzzes each for a bounded time, starting from its seed corpus.
#
#   sh tests/fuzz/run.sh BUILDDIR [SECONDS]
#
# BUILDDIR is a tree configured with CC=clang and
# CFLAGS="-fsanitize=fuzzer-no-link,address,undefined ..." (see
# build-aux/debian.sh). Each run prints its executions and time; the
# exit status is not 0 if a target found anything (the crashing input is
# left in BUILDDIR/fuzz/). SOFTLIF_KERNELS may pick the kernel set.

set -eu

builddir=$(cd "$1" && pwd)
seconds=${2:-60}
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
out="$builddir/fuzz"
mkdir -p "$out"

cc=${CC:-clang}
flags="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
cppflags="-I$builddir -I$srcdir/libsoftlif -I$builddir/libsoftlif -I$srcdir/tests -I$srcdir/tools"
cppflags="$cppflags -DLOCALEDIR=\"/nonexistent\" -DG_LOG_DOMAIN=\"Softlif-Fuzz\""
glib=$(pkg-config --cflags --libs gobject-2.0)
lib="$builddir/libsoftlif/.libs"

for target in ${SOFTLIF_FUZZ_TARGETS:-api cli}; do
  # shellcheck disable=SC2086
  $cc $flags $cppflags -o "$out/fuzz-$target" "$srcdir/tests/fuzz/fuzz-$target.c" \
    -L"$lib" -lsoftlif-1.0 -Wl,-rpath,"$lib" $glib -lm
done

status=0
for target in ${SOFTLIF_FUZZ_TARGETS:-api cli}; do
  # a working corpus of its own, seeded from the tree's
  work="$out/corpus-$target"
  mkdir -p "$work"
  cp "$srcdir/tests/fuzz/corpus/$target/"* "$work/"
  start=$(date +%s)
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     "$out/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
       -print_final_stats=1 -artifact_prefix="$out/$target-" "$work" > "$out/$target.log" 2>&1; then
    result="0 findings"
  else
    result="FINDING (see $out/$target.log and $out/$target-*)"
    status=1
    tail -n 60 "$out/$target.log"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$target.log" | tail -n 1)
  echo "fuzz-$target${SOFTLIF_KERNELS:+ (SOFTLIF_KERNELS=$SOFTLIF_KERNELS)}: ${runs:-?} executions in $(( $(date +%s) - start )) s, $result"
done
exit "$status"
