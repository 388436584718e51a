#!/usr/bin/env python3
"""numpy running the original SoftLIFRate, for bench/softlif-bench.

Reads "op dtype n runs" lines on stdin (op: step, rates or derivative) and
prints "op dtype n ns_per_element" with the median over the runs. The inputs are those of softlif-bench: x spread over
[-1, 1], one neuron with gain 3 and bias 0.5, so J = 3 x + 0.5; the
parameters are the defaults (sigma 1, tau_rc 0.02, tau_ref 0.002,
amplitude 1, epsilon 1e-15).

step and rates run the original's methods as they are called
(SoftLIFRate.step_math writing into a given output array, rates
allocating its output with zeros_like; tests/nengo_original.py); the
derivative is nengo_extras' formula.
"""

import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
from nengo_original import (original_derivative, original_rates, original_rates_method,  # noqa: E402
                            original_step_math_into)

SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON = 1.0, 0.02, 0.002, 1.0, 1e-15


def step_math(J, output):
    original_step_math_into(J, output, SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON)


def rates(x, gain, bias):
    return original_rates_method(x, gain, bias, SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON)


def derivative(x, gain, bias):
    return original_derivative(x, gain, bias, SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON)


def check():
    """rates as written computes what the tests' broadcast form does."""
    for dt in ("float64", "float32"):
        x = np.linspace(-1, 1, 1001).astype(dt)
        gain, bias = np.array([3.0], dt), np.array([0.5], dt)
        want = original_rates(x, gain, bias, SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON)[:, 0]
        if not np.array_equal(rates(x, gain, bias), want):
            sys.exit("bench-numpy.py: SoftLIFRate.rates disagrees with tests/nengo_original.py")


def main():
    np.seterr(all="ignore")   # the original overflows far from threshold, harmlessly
    check()
    for line in sys.stdin:
        op, dtype, n, runs = line.split()
        n, runs = int(n), int(runs)
        dt = np.dtype(dtype)
        x = (-1.0 + 2.0 * np.arange(n) / n).astype(dt)
        gain = np.array([3.0], dt)
        bias = np.array([0.5], dt)
        J = (gain[0] * x + bias[0]).astype(dt)
        out = np.empty_like(J)
        if op == "step":
            fn = lambda: step_math(J, out)
        elif op == "rates":
            fn = lambda: rates(x, gain, bias)
        else:
            fn = lambda: derivative(x, gain, bias)
        inner = max(1, 200000 // n)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            for _ in range(inner):
                fn()
            times.append((time.perf_counter() - t0) / inner)
        print("%s %s %d %.6f" % (op, dtype, n, statistics.median(times) * 1e9 / n), flush=True)


if __name__ == "__main__":
    main()
