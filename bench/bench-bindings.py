#!/usr/bin/env python3
"""Time crossing the language boundary: numpy running the original soft
LIF algorithm against libsoftlif called from Python and GJS.

For n values (default 1e6, float64, one neuron, the parameters of
nengo_extras' Keras MNIST example) it prints the median ns per value over
several runs and the ratios, all measured in this one run:

  numpy, warm       the original's rates / step_math on the same input
                    array every run (the allocator hands back the memory
                    of the previous run)
  numpy, cold       the same, once per fresh interpreter: every array,
                    the original's temporaries included, is new memory
                    whose pages fault in during the call
  override          neuron.rates(x, gain, bias) and neuron.step(dt, J) of
                    the PyGObject override, numpy arrays in and out (also
                    warm and cold)
  bytes             rates_bytes / step_bytes with GLib.Bytes.new(a.tobytes())
                    in and numpy.frombuffer() out (the path before the
                    override)
  array method      the introspected rates() without the override, which
                    converts one element at a time (on 1e5 values)
  gjs               GJS through GBytes, and through the GJS override on
                    Float64Arrays

then the cost of a call on 10 values, four Python threads calling rates
against one thread making the four calls in turn (the library limited to
one thread per call), and the peak memory of a call on 1e7 values.

Usage: bench-bindings.py [N] (run from the build tree with GI_TYPELIB_PATH,
LD_LIBRARY_PATH and SOFTLIF_PYTHONPATH set, as `make bench` does).
"""

import os
import statistics
import subprocess
import sys
import threading
import time

OVERRIDES = os.environ.get("SOFTLIF_PYTHONPATH")
if OVERRIDES:
    sys.path.insert(0, OVERRIDES)

import gi  # noqa: E402
gi.require_version("GLib", "2.0")
gi.require_version("Softlif", "1.0")
from gi.repository import GLib, Softlif  # noqa: E402
from gi.module import get_introspection_module  # noqa: E402

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))
import nengo_original  # noqa: E402

RUNS = 15

# The Keras MNIST example's parameters from nengo_extras.
SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON = 0.01, 0.022, 0.002, 0.063, 1e-15
PARAMS = (SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON)
F64 = Softlif.Dtype.FLOAT64


def original_rates(x, gain, bias):
    return nengo_original.original_rates_method(x, gain, bias, *PARAMS)


def original_step(J, out):
    nengo_original.original_step_math_into(J, out, *PARAMS)


def inputs(n):
    rng = np.random.default_rng(1)
    x = rng.uniform(-1.0, 1.0, n)
    return x, np.array([3.0]), np.array([0.5])


def median_ns(fn, n, runs=RUNS):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e9 / n


def interleaved_ns(fns, n, runs=RUNS):
    """Median ns per value of each function of {name: fn}, run in turn
    round after round, so that a slow spell of the machine hits them all
    alike."""
    times = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(t) * 1e9 / n for name, t in times.items()}


def bytes_of(a):
    return GLib.Bytes.new(a.tobytes())


# One call in a fresh interpreter: "cold", every array new memory. The
# child prints ns per value and its peak memory growth during the call.
CHILD = r"""
import os, sys, time
sys.path[:0] = [os.environ["SOFTLIF_PYTHONPATH"], os.path.join(sys.argv[1], "..", "tests")]
import gi
gi.require_version("GLib", "2.0")
gi.require_version("Softlif", "1.0")
from gi.repository import GLib, Softlif
import numpy as np
import nengo_original
what, n = sys.argv[2], int(float(sys.argv[3]))
params = (0.01, 0.022, 0.002, 0.063, 1e-15)
np.seterr(all="ignore")
x = np.random.default_rng(1).uniform(-1.0, 1.0, n)
gain, bias = np.array([3.0]), np.array([0.5])
neuron = Softlif.SoftLifRate.new_full(*params)
neuron.rates(x[:10], gain, bias)
nengo_original.original_rates_method(x[:10], gain, bias, *params)
calls = {
    "numpy": lambda: nengo_original.original_rates_method(x, gain, bias, *params),
    "override": lambda: neuron.rates(x, gain, bias),
    "bytes": lambda: np.frombuffer(neuron.rates_bytes(
        Softlif.Dtype.FLOAT64, GLib.Bytes.new(x.tobytes()), GLib.Bytes.new(gain.tobytes()),
        GLib.Bytes.new(bias.tobytes())).get_data(), np.float64),
}
def status(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")   # the peak (VmHWM) starts again from the present size
before = status("VmRSS")
t0 = time.perf_counter()
r = calls[what]()
t = time.perf_counter() - t0
print(t * 1e9 / n, (status("VmHWM") - before) / 1024.0)
"""


def child(what, n):
    env = dict(os.environ, SOFTLIF_PYTHONPATH=OVERRIDES or "")
    res = subprocess.run([sys.executable, "-c", CHILD, HERE, what, str(n)], env=env,
                         capture_output=True, text=True, check=True)
    ns, mib = res.stdout.split()
    return float(ns), float(mib)


def cold_ns(what, n, runs=7):
    return statistics.median(child(what, n)[0] for _ in range(runs))


def threads_time(neuron, x, gain, bias, outs):
    """Seconds for len(outs) Python threads each calling rates once (into
    its own array of outs, or a new one where that is None)."""
    barrier = threading.Barrier(len(outs) + 1)

    def work(out):
        barrier.wait()
        neuron.rates(x, gain, bias, out=out)

    workers = [threading.Thread(target=work, args=(out,)) for out in outs]
    for w in workers:
        w.start()
    t0 = time.perf_counter()
    barrier.wait()
    for w in workers:
        w.join()
    return time.perf_counter() - t0


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10**6
    np.seterr(all="ignore")   # the original overflows far from threshold, harmlessly
    override = sys.modules.get("gi.overrides.Softlif")
    if override is None or not OVERRIDES or not override.__file__.startswith(OVERRIDES):
        print("bench-bindings: the override of this build tree is not loaded", file=sys.stderr)
        return 1

    x, gain, bias = inputs(n)
    J = gain[0] * x + bias[0]
    out = np.empty_like(J)
    neuron = Softlif.SoftLifRate.new_full(*PARAMS)
    raw = get_introspection_module("Softlif").NeuronType

    def via_bytes():
        r = neuron.rates_bytes(F64, bytes_of(x), bytes_of(gain), bytes_of(bias))
        return np.frombuffer(r.get_data(), np.float64)

    def step_bytes():
        r = neuron.step_bytes(0.001, F64, bytes_of(J))
        return np.frombuffer(r.get_data(), np.float64)

    # Same numbers first, then the clock.
    want = original_rates(x, gain, bias).ravel()
    for name, got in (("override", neuron.rates(x, gain, bias).ravel()), ("bytes", via_bytes())):
        rel = np.max(np.abs(got - want) / np.abs(want))
        if not rel <= 1e-12:
            print("bench-bindings: %s differs from numpy by %g" % (name, rel), file=sys.stderr)
            return 1
    if not np.array_equal(neuron.step(0.001, J), step_bytes()):
        print("bench-bindings: step differs from step_bytes", file=sys.stderr)
        return 1

    print("CPU: %s; %d threads for the library; numpy %s" % (cpu_name(), Softlif.get_max_threads(),
                                                           np.__version__))
    print("soft LIF, float64, n = %d, MNIST parameters; ns per value, median of %d runs "
          "(cold: of 7 fresh interpreters)" % (n, RUNS))

    warm = interleaved_ns({
        "numpy original, warm": lambda: original_rates(x, gain, bias),
        "override rates(), warm": lambda: neuron.rates(x, gain, bias),
        "override rates(out=)": lambda: neuron.rates(x, gain, bias, out=out.reshape(n, 1)),
        "bytes rates_bytes(), warm": via_bytes,
    }, n)
    rates = {
        "numpy original, warm": warm["numpy original, warm"],
        "numpy original, cold": cold_ns("numpy", n),
        "override rates(), warm": warm["override rates(), warm"],
        "override rates(), cold": cold_ns("override", n),
        "override rates(out=)": warm["override rates(out=)"],
        "bytes rates_bytes(), warm": warm["bytes rates_bytes(), warm"],
        "bytes rates_bytes(), cold": cold_ns("bytes", n),
    }
    n_small = min(n, 10**5)
    xs = x[:n_small]
    rates["array method rates()"] = median_ns(lambda: raw.rates(neuron, xs, gain, bias), n_small, 3)

    gjs = os.environ.get("GJS", "gjs")
    script = os.path.join(HERE, "bench-bindings.js")
    for path, label in (("bytes", "gjs rates_bytes()"), ("typed", "gjs override rates()")):
        try:
            res = subprocess.run([gjs, script, str(n), str(RUNS), path], capture_output=True,
                                 text=True, check=True)
            rates[label] = float(res.stdout.split()[-1])
        except (OSError, subprocess.CalledProcessError, ValueError) as e:
            print("bench-bindings: %s not measured: %s" % (label, e), file=sys.stderr)

    steps = interleaved_ns({
        "numpy original step_math, warm": lambda: original_step(J, out),
        "override step(), warm": lambda: neuron.step(0.001, J),
        "override step(output=)": lambda: neuron.step(0.001, J, out),
        "bytes step_bytes(), warm": step_bytes,
    }, n)

    def table(title, rows, numpy_warm, numpy_cold=None):
        print()
        print("%-34s %11s %14s %14s" % (title, "ns/value", "numpy warm /", "numpy cold /"))
        for name, ns in rows.items():
            cold = "%13.2fx" % (numpy_cold / ns) if numpy_cold else "%14s" % ""
            print("%-34s %11.2f %13.2fx %s" % (name, ns, numpy_warm / ns, cold))

    table("rates(x, gain, bias)", rates, rates["numpy original, warm"], rates["numpy original, cold"])
    table("step(dt, J)", steps, steps["numpy original step_math, warm"])
    print()
    print("override / bytes path: rates %.2f (warm), %.2f (cold); step %.2f"
          % (rates["override rates(), warm"] / rates["bytes rates_bytes(), warm"],
             rates["override rates(), cold"] / rates["bytes rates_bytes(), cold"],
             steps["override step(), warm"] / steps["bytes step_bytes(), warm"]))

    # A small call: the fixed cost of the Python layer.
    x10 = x[:10].copy()
    us = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        for _ in range(1000):
            neuron.rates(x10, gain, bias)
        us.append((time.perf_counter() - t0) * 1e3)
    print("a call on 10 values: %.1f us (override rates(), median of %d x 1000 calls)"
          % (statistics.median(us), RUNS))

    # Python threads: the interpreter lock is released during the call.
    previous = Softlif.get_max_threads()
    Softlif.set_max_threads(1)
    try:
        print("four rates() calls on %d values, the library limited to 1 thread per call "
              "(median of 7):" % n)
        for label, outs in (("new output arrays", [None] * 4),
                            ("out= arrays", [np.empty((n, 1)) for _ in range(4)])):
            serial, parallel = [], []
            for _ in range(7):
                t0 = time.perf_counter()
                for out4 in outs:
                    neuron.rates(x, gain, bias, out=out4)
                serial.append(time.perf_counter() - t0)
                parallel.append(threads_time(neuron, x, gain, bias, outs))
            s, p = statistics.median(serial), statistics.median(parallel)
            print("  %-18s one Python thread %.1f ms, four Python threads %.1f ms: %.2fx"
                  % (label + ":", s * 1e3, p * 1e3, s / p))
    finally:
        Softlif.set_max_threads(previous)

    big = 10**7
    print("peak memory added by one call on %d float64 values (input: %.0f MiB):" % (big, big * 8 / 2**20))
    for what in ("override", "bytes", "numpy"):
        print("  %-9s %7.0f MiB" % (what, child(what, big)[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
