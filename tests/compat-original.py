#!/usr/bin/python3
# compat-original.py: libsoftlif computes the numbers of nengo_extras
#
# Copyright 2026 The libsoftlif authors
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The contract of SoftlifSoftLifRate is SoftLIFRate of nengo_extras: the
# same rates, to rounding, for the same parameters. nengo is not imported;
# the functions original_* of nengo_original.py redo its numpy code
# operation for operation, so that they also reproduce its float32
# arithmetic. The
# library is reached through the softlif-eval program ($SOFTLIF_EVAL).
#
# The output is TAP; every check prints its measured maximum relative
# difference as a diagnostic.

import os
import subprocess
import sys

sys.path[:0] = [os.path.join(os.path.dirname(os.path.abspath(__file__)), 'python'),
                os.path.dirname(os.path.abspath(__file__))]
import tap  # noqa: E402
from tap import Skip, check, diag, test  # noqa: E402

np = tap.import_numpy()

# The original {{{

# The original, shared with the other tests and the benchmarks.
from nengo_original import (EPSILON, original_current, original_derivative,  # noqa: E402
                            original_rates, original_step_math, softrelu)

# }}}

# The library {{{


class EvalError(Exception):
    pass


def exact_text(values):
    """The values as decimals that read back exactly as doubles; a float32
    array is widened first, which is exact."""
    return ' '.join(repr(v) for v in np.asarray(values, np.float64).ravel().tolist())


def library(params, op, dtype, numbers):
    """Runs softlif-eval and returns its results as float64."""
    args = [os.environ['SOFTLIF_EVAL'], '--op', op, '--dtype', dtype]
    for name, value in params.items():
        args += ['--' + name, repr(value)]
    proc = subprocess.run(args, input=numbers, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        raise EvalError('%s failed (%d): %s'
                        % (' '.join(args[1:]), proc.returncode, proc.stderr.strip()))
    return np.array(proc.stdout.split(), dtype=np.float64)


def library_step(params, J, dtype):
    return library(params, 'step', dtype, exact_text(J))


def library_tuning(params, op, x, gain, bias, dtype):
    numbers = '%d %s\n%d %s\n%s\n' % (len(x), exact_text(x),
                                       len(gain), exact_text(gain),
                                       exact_text(bias))
    return library(params, op, dtype, numbers).reshape(len(x), len(gain))

# }}}

# The parameter sets and the grids {{{

# Only the options given are passed; the defaults set passes none, so it
# also checks that the library's defaults are those of nengo_extras.
PARAMETER_SETS = [
    ('nengo_extras defaults', {},
     dict(sigma=1.0, tau_rc=0.02, tau_ref=0.002, amplitude=1.0)),
    ('nengo_extras Keras MNIST example',
     {'sigma': 0.01, 'tau-rc': 0.022, 'tau-ref': 0.002, 'amplitude': 0.063,
      'epsilon': EPSILON},
     dict(sigma=0.01, tau_rc=0.022, tau_ref=0.002, amplitude=0.063)),
    ('sigma 0.02, tau_ref 0',
     {'sigma': 0.02, 'tau-rc': 0.02, 'tau-ref': 0.0, 'amplitude': 1.0,
      'epsilon': EPSILON},
     dict(sigma=0.02, tau_rc=0.02, tau_ref=0.0, amplitude=1.0)),
    ('sigma 3, amplitude 0.5',
     {'sigma': 3.0, 'tau-rc': 0.05, 'tau-ref': 0.004, 'amplitude': 0.5,
      'epsilon': EPSILON},
     dict(sigma=3.0, tau_rc=0.05, tau_ref=0.004, amplitude=0.5)),
]

# Tuning curves: x in [-1, 1] for neurons whose currents span [-10, 100],
# one that stays within 0.01 of the threshold and one with a negative gain.
X = np.linspace(-1.0, 1.0, 401)
GAIN = np.array([1.0, 0.01, 2.0, 5.0, 20.0, 50.0, 0.3, -2.0, 4.5])
BIAS = np.array([1.0, 1.0, 0.5, -4.0, 1.0, 50.0, 1.001, 2.0, -5.5])


def step_grid(sigma):
    """Currents from -10 to 100, dense near the threshold 1, around the
    branch at (J - 1) / sigma = 34 and where sigma * softplus meets
    epsilon, (J - 1) / sigma near -34.5."""
    near = np.logspace(-16, -1, 151)
    branch = 1 + 34 * sigma
    parts = [
        np.linspace(-10.0, 100.0, 2201),
        1 + np.linspace(-0.1, 0.1, 2001),
        1 + near, 1 - near,
        [1.0, np.nextafter(1.0, 2.0), np.nextafter(1.0, 0.0)],
        [branch, np.nextafter(branch, 0.0), np.nextafter(branch, 100.0)],
        branch + sigma * np.linspace(-1.0, 1.0, 101),
        1 - sigma * np.linspace(30.0, 40.0, 101),
    ]
    J = np.concatenate([np.asarray(p, np.float64) for p in parts])
    return J[(J >= -10.0) & (J <= 100.0)]

# }}}

# Checks {{{

F32_EPS = float(np.finfo(np.float32).eps)

# float64: the original rounds about ten times, each time to within half
# an ulp and through functions whose condition number is at most about 1,
# so its rates are within a few 1e-16 of the exact value; in the derivative
# exp (-y / sigma) multiplies the error of y / sigma by up to 700, so 1e-13.
# check_original_accuracy measures both; the library claims 2 ulps.
TOL_RATES_F64 = 1e-12
TOL_DERIVATIVE_F64 = 1e-10

# float32: the original rounds every step to float32 (numpy keeps float32
# arrays float32 against Python scalars) and rounds sigma, tau_rc, tau_ref,
# amplitude and epsilon to float32 as well; the library evaluates in
# double and rounds once. About 12 roundings of 2**-24 with condition
# numbers at most about 1 make 7e-7; 2e-6 leaves room for the ulp or two
# of numpy's float32 exp and log1p.
TOL_RATES_F32 = 2e-6

# The float32 derivative has one more factor: below the threshold it is
# about proportional to exp (y / sigma), whose relative error is |y / sigma|
# times that of y / sigma, itself up to 2 * 2**-24 = F32_EPS (the rounding
# of sigma and of the quotient). Hence a tolerance that grows with
# -y / sigma, twice that estimate. Above the threshold the sigmoid is flat.
def tol_derivative_f32(z):
    return TOL_RATES_F32 + 2 * F32_EPS * np.maximum(-z, 0)


# Below these y / sigma the original's derivative is degraded: exp
# (-y / sigma) overflows near 709.8 (float64) and 88.7 (float32), and
# before that the result leaves the normal range. There the library only
# has to be tiny and non-negative (see derivative_bound).
DERIVATIVE_CUTOFF = {'float64': -700.0, 'float32': -80.0}


def derivative_bound(gain, z_max, p):
    """An upper bound of |derivative| where y / sigma <= z_max < -40:
    sigmoid < exp (z_max), j >= epsilon, and D is smallest at the largest
    j, epsilon + sigma * exp (z_max)."""
    j_max = EPSILON + p['sigma'] * np.exp(z_max)
    d_min = p['tau_ref'] + p['tau_rc'] * np.log1p(1 / j_max)
    return (np.abs(gain) * p['amplitude'] * p['tau_rc'] * np.exp(z_max)
            / (d_min ** 2 * EPSILON))


def rel_diff(got, want):
    """|got - want| / |want|, in long double if want is."""
    t = np.result_type(np.asarray(want).dtype, np.float64)
    got = np.asarray(got, t)
    want = np.asarray(want, t)
    assert got.shape == want.shape, (got.shape, want.shape)
    assert np.all(np.isfinite(want)) and np.all(want != 0), \
        'the reference is not finite and non-zero'
    with np.errstate(invalid='ignore'):
        d = np.abs(got - want) / np.abs(want)
    return np.where(np.isfinite(got), d, np.inf)


def report(what, d, tol, n):
    worst = float(np.max(d)) if d.size else 0.0
    diag('%s: max relative difference %.3g over %d values (tolerance %.3g)'
         % (what, worst, n, tol))
    return worst


def check_step(p_opts, p, dtype):
    t = np.float64 if dtype == 'float64' else np.float32
    tol = TOL_RATES_F64 if dtype == 'float64' else TOL_RATES_F32
    J = step_grid(p['sigma']).astype(t)
    want = original_step_math(J.copy(), **p)
    check(want.dtype == t, 'the original computed in %s' % want.dtype)
    got = library_step(p_opts, J, dtype)
    d = rel_diff(got, want)
    worst = report('step', d, tol, d.size)
    i = int(np.argmax(d))
    check(worst <= tol, 'J = %r: library %r, original %r'
          % (float(J[i]), float(got[i]), float(want[i])))


def check_rates(p_opts, p, dtype):
    t = np.float64 if dtype == 'float64' else np.float32
    tol = TOL_RATES_F64 if dtype == 'float64' else TOL_RATES_F32
    x, gain, bias = X.astype(t), GAIN.astype(t), BIAS.astype(t)
    want = original_rates(x, gain, bias, **p)
    check(want.dtype == t, 'the original computed in %s' % want.dtype)
    got = library_tuning(p_opts, 'rates', x, gain, bias, dtype)
    d = rel_diff(got, want)
    worst = report('rates', d, tol, d.size)
    s, k = np.unravel_index(int(np.argmax(d)), d.shape)
    check(worst <= tol, 'x = %r, gain = %r, bias = %r: library %r, original %r'
          % (float(x[s]), float(gain[k]), float(bias[k]),
             float(got[s, k]), float(want[s, k])))


def check_derivative(p_opts, p, dtype):
    t = np.float64 if dtype == 'float64' else np.float32
    x, gain, bias = X.astype(t), GAIN.astype(t), BIAS.astype(t)
    want = original_derivative(x, gain, bias, **p)
    check(want.dtype == t, 'the original computed in %s' % want.dtype)
    got = library_tuning(p_opts, 'derivative', x, gain, bias, dtype)
    check(got.shape == want.shape, 'shape %r, not %r' % (got.shape, want.shape))

    # y / sigma as the library sees it: from the same J, in double.
    J = original_current(x, gain, bias).astype(np.float64)
    z = (J - 1) / p['sigma']
    cutoff = DERIVATIVE_CUTOFF[dtype]
    good = z > cutoff
    check(np.all(np.isfinite(want[good]))
          and np.all(np.abs(want[good]) >= np.finfo(t).tiny),
          'the original is not a normal number on y / sigma > %g' % cutoff)

    d = rel_diff(got[good], want[good])
    if dtype == 'float64':
        tol = np.full(d.shape, TOL_DERIVATIVE_F64)
    else:
        tol = tol_derivative_f32(z[good])
    worst = report('derivative on y / sigma > %g' % cutoff, d, float(np.max(tol)),
                   d.size)
    diag('largest share of the tolerance: %.3g' % float(np.max(d / tol)))
    i = int(np.argmax(d / tol))
    check(np.all(d <= tol), 'y / sigma = %r: library %r, original %r'
          % (float(z[good][i]), float(got[good][i]), float(want[good][i])))

    # Far below the threshold the derivative is tiny; the library must
    # neither overflow nor change sign there.
    far = ~good
    bound = 2 * derivative_bound(np.broadcast_to(gain, z.shape)[far].astype(np.float64),
                                 cutoff, p)
    diag('%d values with y / sigma <= %g, all in [0, %.3g]'
         % (int(np.count_nonzero(far)), cutoff,
            float(np.max(bound)) if bound.size else 0.0))
    sign = np.sign(np.broadcast_to(gain, z.shape)[far])
    check(np.all(np.isfinite(got[far])) and np.all(got[far] * sign >= 0)
          and np.all(np.abs(got[far]) <= bound),
          'the derivative far below the threshold is not tiny and of the sign of gain')


def check_current(dtype):
    """The library forms J = gain * x + bias exactly as numpy does, so the
    comparisons above start from the same currents."""
    t = np.float64 if dtype == 'float64' else np.float32
    x, gain, bias = X.astype(t), GAIN.astype(t), BIAS.astype(t)
    want = original_current(x, gain, bias)
    got = library_tuning({}, 'current', x, gain, bias, dtype).astype(t)
    n = int(np.count_nonzero(got != want))
    diag('%s current: %d of %d values differ from numpy' % (dtype, n, want.size))
    check(n == 0, 'J = gain * x + bias is not computed as numpy does')


def check_original_accuracy(p):
    """The original is itself accurate on these grids: its float64 values
    agree with the same formulas evaluated in long double, so comparing
    with it to 1e-12 (1e-10 for the derivative) is meaningful."""
    J = step_grid(p['sigma'])
    x, gain, bias = X, GAIN, BIAS
    ld = np.longdouble
    worst = {}

    want = original_step_math(J.astype(ld), **p)
    worst['step'] = rel_diff(original_step_math(J.copy(), **p), want)

    Jt = original_current(x, gain, bias)
    want = original_step_math(Jt.astype(ld), **p)
    worst['rates'] = rel_diff(original_rates(x, gain, bias, **p), want)

    # The derivative from the same float64 currents, in long double.
    z = (Jt - 1) / p['sigma']
    good = z > DERIVATIVE_CUTOFF['float64']
    y = Jt.astype(ld) - 1
    j = softrelu(y, p['sigma']) + EPSILON
    v = p['amplitude'] / (p['tau_ref'] + p['tau_rc'] * np.log1p(1 / j))
    want = (gain * p['tau_rc'] * v * v) / (
        p['amplitude'] * j * (j + 1) * (1 + np.exp(-y / p['sigma'])))
    got = original_derivative(x, gain, bias, **p)
    worst['derivative'] = rel_diff(got[good], want[good])

    for name, d in worst.items():
        tol = TOL_DERIVATIVE_F64 if name == 'derivative' else TOL_RATES_F64
        report('numpy %s against long double' % name, d, tol / 100, d.size)
        check(np.max(d) <= tol / 100,
              'the original %s is off by %.3g' % (name, float(np.max(d))))

# }}}

# The tests {{{


@test('float64 current is numpy\'s gain * x[:, None] + bias')
def test_current_float64():
    check_current('float64')


@test('float32 current is numpy\'s gain * x[:, None] + bias')
def test_current_float32():
    check_current('float32')


LONG_DOUBLE = np.finfo(np.longdouble).eps < np.finfo(np.float64).eps

for name, opts, p in PARAMETER_SETS:
    @test('%s: the numpy original is accurate' % name)
    def test_original_accuracy(p=p):
        if not LONG_DOUBLE:
            raise Skip('long double is no wider than double')
        check_original_accuracy(p)

    for dtype in ('float64', 'float32'):
        for what, fn in (('step', check_step), ('rates', check_rates),
                         ('derivative', check_derivative)):
            @test('%s: %s %s matches the original' % (name, dtype, what))
            def test_matches(fn=fn, opts=opts, p=p, dtype=dtype):
                fn(opts, p, dtype)

# }}}


if __name__ == '__main__':
    if 'SOFTLIF_EVAL' not in os.environ:
        print('Bail out! SOFTLIF_EVAL is not set; run this through make check')
        sys.exit(99)
    sys.exit(tap.main())

# Needs nothing beyond numpy, tap.py and the Python standard library.
