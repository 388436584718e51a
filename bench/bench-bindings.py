#!/usr/bin/env python3
"""Time crossing the language boundary: numpy running the original
soft LIF algorithm against libsoftlif called from Python and GJS.

For n values (default 1e6, float64) it prints the median ns per element
over several runs and the ratio to numpy, all measured in this one run:

  numpy            the nengo_extras algorithm in numpy (rates of x, gain, bias)
  rates_bytes      Softlif from Python through GBytes, including tobytes()
                   of the inputs and numpy.frombuffer() of the result
  rates (array)    Softlif from Python through the plain array method,
                   which PyGObject converts one element at a time
  gjs rates_bytes  Softlif from GJS through GBytes over a Float64Array

Usage: bench-bindings.py [N] (run from the build tree with GI_TYPELIB_PATH
and LD_LIBRARY_PATH set, as `make bench` does).
"""

import os
import statistics
import subprocess
import sys
import time

import gi
gi.require_version("GLib", "2.0")
gi.require_version("Softlif", "1.0")
from gi.repository import GLib, Softlif  # noqa: E402

import numpy as np  # noqa: E402

# nengo_extras' algorithm, as the tests re-implement it.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
import nengo_original  # noqa: E402

RUNS = 7

# The Keras MNIST example's parameters from nengo_extras.
SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON = 0.01, 0.022, 0.002, 0.063, 1e-15


def original_rates(x, gain, bias):
    return nengo_original.original_rates_method(x, gain, bias, SIGMA, TAU_RC, TAU_REF,
                                                AMPLITUDE, EPSILON)


def median_ns(fn, n, runs=RUNS):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e9 / n


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10**6
    rng = np.random.default_rng(1)
    x = rng.uniform(-1.0, 1.0, n)
    gain = np.array([3.0])
    bias = np.array([0.5])
    neuron = Softlif.SoftLifRate.new_full(SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON)
    f64 = Softlif.Dtype.FLOAT64

    def via_bytes():
        out = neuron.rates_bytes(f64, GLib.Bytes.new(x.tobytes()),
                                 GLib.Bytes.new(gain.tobytes()),
                                 GLib.Bytes.new(bias.tobytes()))
        return np.frombuffer(out.get_data(), np.float64)

    # Same numbers first, then the clock.
    want = original_rates(x, gain, bias).ravel()
    got = via_bytes()
    rel = np.max(np.abs(got - want) / np.abs(want))
    if not rel <= 1e-12:
        print("bench-bindings: results differ from numpy by %g" % rel, file=sys.stderr)
        return 1

    rows = [("numpy (original algorithm)", median_ns(lambda: original_rates(x, gain, bias), n))]
    rows.append(("Python rates_bytes (GBytes)", median_ns(via_bytes, n)))
    n_small = min(n, 10**5)
    xs = x[:n_small]
    rows.append(("Python rates (array)", median_ns(lambda: neuron.rates(xs, gain, bias), n_small, 3)))

    gjs = os.environ.get("GJS", "gjs")
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-bindings.js")
    try:
        res = subprocess.run([gjs, script, str(n), str(RUNS)], capture_output=True,
                             text=True, check=True)
        rows.append(("GJS rates_bytes (GBytes)", float(res.stdout.split()[-1])))
    except (OSError, subprocess.CalledProcessError, ValueError) as e:
        print("bench-bindings: GJS not measured: %s" % e, file=sys.stderr)

    numpy_ns = rows[0][1]
    print("soft LIF rates, float64, n = %d (median of %d runs; the array method on %d)"
          % (n, RUNS, n_small))
    print("%-30s %12s %14s" % ("", "ns/element", "vs numpy"))
    for name, ns in rows:
        print("%-30s %12.2f %13.2fx" % (name, ns, numpy_ns / ns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
