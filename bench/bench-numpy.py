#!/usr/bin/env python3
"""numpy running nengo_extras' SoftLIFRate, for bench/softlif-bench.

Reads "op dtype n runs" lines on stdin (op: step, rates or derivative) and
prints "op dtype n ns_per_element" with the median over the runs. The
inputs are those of softlif-bench: x spread over [-1, 1], one neuron with
gain 3 and bias 0.5, so J = 3 x + 0.5; the parameters are the defaults
(sigma 1, tau_rc 0.02, tau_ref 0.002, amplitude 1, epsilon 1e-15).
"""

import os
import statistics
import sys
import time

import numpy as np

# nengo_extras' algorithm, as the tests re-implement it.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
from nengo_original import original_current, original_derivative, original_step_math  # noqa: E402

SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON = 1.0, 0.02, 0.002, 1.0, 1e-15


def step_math(J):
    return original_step_math(J, SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON)


def rates(x, gain, bias):
    return step_math(original_current(x, gain, bias))


def derivative(x, gain, bias):
    return original_derivative(x, gain, bias, SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON)


def main():
    np.seterr(all="ignore")   # the original overflows far from threshold, harmlessly
    for line in sys.stdin:
        op, dtype, n, runs = line.split()
        n, runs = int(n), int(runs)
        dt = np.dtype(dtype)
        x = (-1.0 + 2.0 * np.arange(n) / n).astype(dt)
        gain = np.array([3.0], dt)
        bias = np.array([0.5], dt)
        J = (gain[0] * x + bias[0]).astype(dt)
        if op == "step":
            fn = lambda: step_math(J)
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
