#!/bin/sh
# The four tuning-curve examples (C, Vala, Python, JavaScript) print the
# same bytes, and the numbers of the C one are the rates of the nengo
# formula for the gain, bias and x it prints. Prints TAP.

set -u

srcdir=${SOFTLIF_EXAMPLES_SRCDIR:?}
builddir=${SOFTLIF_EXAMPLES_BUILDDIR:?}
python3=${PYTHON3:?}
gjs=${GJS:-}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  echo "not ok $n - $1"
  failed=1
}

skip () {
  n=$((n + 1))
  echo "ok $n # SKIP $1"
}

# Prints the lines of a file as TAP comments.
comment () {
  sed 's/^/# /' "$1"
}

echo "1..8"

# run NAME COMMAND...: runs an example into $tmp/NAME.out, one test.
run () {
  name=$1
  shift
  if "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"; then
    lines=$(wc -l < "$tmp/$name.out")
    if [ "$lines" -eq 24 ]; then
      ok "the $name example exits with 0 and prints 24 lines"
    else
      not_ok "the $name example prints 24 lines, not $lines"
      comment "$tmp/$name.out"
    fi
  else
    not_ok "the $name example exits with status 0, not $?"
    comment "$tmp/$name.err"
  fi
}

# same NAME: compares $tmp/NAME.out with the C output, one test.
same () {
  name=$1
  if [ ! -f "$tmp/$name.out" ]; then
    skip "no $name output"
  elif cmp -s "$tmp/c.out" "$tmp/$name.out"; then
    ok "the $name example prints the same bytes as the C one"
  else
    not_ok "the $name example prints the same bytes as the C one"
    diff -u "$tmp/c.out" "$tmp/$name.out" > "$tmp/$name.diff"
    comment "$tmp/$name.diff"
  fi
}

run c "$builddir/tuning-curves"

# Without valac (or vapigen) the Vala example is not built.
if [ -x "$builddir/tuning-curves-vala" ]; then
  run vala "$builddir/tuning-curves-vala"
else
  skip "the Vala example was not built"
fi

# The Python example (and the override it uses) needs numpy.
if [ -z "${SOFTLIF_WITHOUT_NUMPY:-}" ]; then
  run python env PYTHONPATH="${SOFTLIF_PYTHONPATH:?}" "$python3" "$srcdir/tuning-curves.py"
else
  skip "the Python example $SOFTLIF_WITHOUT_NUMPY"
fi

if [ -n "$gjs" ] && [ "$gjs" != no ]; then
  run js "$gjs" "$srcdir/tuning-curves.js"
else
  skip "gjs is not available"
fi

same vala
same python
same js

# The numbers, recomputed from the printed gain and bias with the
# formulas of nengo (LIFRate.gain_bias) and nengo_extras (SoftLIFRate).
if "$python3" - "$tmp/c.out" > "$tmp/check.out" 2>&1 <<'EOF'
import math
import sys

sigma, tau_rc, tau_ref, amplitude = 0.01, 0.022, 0.002, 0.063
max_rates = [100.0, 150.0, 200.0]
intercepts = [-0.5, 0.0, 0.5]


def rate(J):
    x = J - 1
    y = x / sigma
    if y < 34:
        x = sigma * math.log1p(math.exp(y))
    x += 1e-15
    return amplitude / (tau_ref + tau_rc * math.log1p(1 / x))


def close(a, b, rtol, atol=0.0):
    return abs(a - b) <= atol + rtol * abs(b)


errors = []
lines = open(sys.argv[1]).read().split("\n")
if lines[-1] != "" or len(lines) != 25:
    sys.exit("expected 24 lines ending in a newline")
lines.pop()

name = "# SoftLifRate(tau_rc=0.022, amplitude=0.063, sigma=0.01)"
if lines[0] != name:
    errors.append("line 1 is %r, not %r" % (lines[0], name))

fields = [line.split(" ") for line in lines[1:3]]
if [f[:2] for f in fields] != [["#", "gain"], ["#", "bias"]] or any(len(f) != 5 for f in fields):
    sys.exit("lines 2 and 3 are not '# gain' and '# bias' with 3 values")
gain = [float(v) for v in fields[0][2:]]
bias = [float(v) for v in fields[1][2:]]
for k in range(3):
    z = (1 / max_rates[k] - tau_ref) / tau_rc
    g = 1 / (1 - math.exp(-z))
    g = (1 - g) / (intercepts[k] - 1)
    b = 1 - g * intercepts[k]
    # 9 decimals: half a unit of 1e-9 plus the rounding of the formula.
    if not close(gain[k], g, 1e-12, 6e-10):
        errors.append("gain[%d] is %r, nengo gives %r" % (k, gain[k], g))
    if not close(bias[k], b, 1e-12, 6e-10):
        errors.append("bias[%d] is %r, nengo gives %r" % (k, bias[k], b))

for i, line in enumerate(lines[3:]):
    x = -1.0 + 0.1 * i
    f = line.split(" ")
    if len(f) != 4 or f[0] != "%.2f" % x:
        errors.append("row %d is %r, not x = %.2f and 3 rates" % (i, line, x))
        continue
    for k in range(3):
        r = rate(gain[k] * x + bias[k])
        if not close(float(f[k + 1]), r, 1e-6):
            errors.append("rate of neuron %d at x = %s is %s, nengo gives %r"
                          % (k, f[0], f[k + 1], r))

print("\n".join(errors))
sys.exit(1 if errors else 0)
EOF
then
  ok "the C example's numbers agree with the nengo formulas"
else
  not_ok "the C example's numbers agree with the nengo formulas"
  comment "$tmp/check.out"
fi

exit $failed
