#!/usr/bin/env python3
"""numpy running nengo_extras' SoftLIFRate, for bench/softlif-bench.

Reads "op dtype n runs" lines on stdin (op: step, rates or derivative) and
prints "op dtype n ns_per_element" with the median over the runs. The
inputs are those of softlif-bench: x spread over [-1, 1], one neuron with
gain 3 and bias 0.5, so J = 3 x + 0.5; the parameters are the defaults
(sigma 1, tau_rc 0.02, tau_ref 0.002, amplitude 1, epsilon 1e-15).
"""

import statistics
import sys
import time

import numpy as np

SIGMA, TAU_RC, TAU_REF, AMPLITUDE, EPSILON = 1.0, 0.02, 0.002, 1.0, 1e-15


def step_math(J):
    """nengo_extras' SoftLIFRate.step_math, as written there."""
    x = J - 1
    y = x / SIGMA
    valid = y < 34
    y_v = y[valid]
    np.exp(y_v, out=y_v)
    np.log1p(y_v, out=y_v)
    y_v *= SIGMA
    x[valid] = y_v
    x += EPSILON
    out = np.empty_like(J)
    out[:] = AMPLITUDE / (TAU_REF + TAU_RC * np.log1p(1.0 / x))
    return out


def rates(x, gain, bias):
    J = gain * x[:, None]
    J += bias
    return step_math(J)


def derivative(x, gain, bias):
    """nengo_extras' SoftLIFRate.derivative formula."""
    J = gain * x[:, None]
    J += bias
    y = J - 1
    yy = y / SIGMA
    j = SIGMA * np.logaddexp(0, yy) + EPSILON
    vv = AMPLITUDE / (TAU_REF + TAU_RC * np.log1p(1.0 / j))
    return gain * TAU_RC * vv * vv / (AMPLITUDE * j * (j + 1) * (1 + np.exp(-yy)))


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
