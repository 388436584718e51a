#!/usr/bin/python3
# test-override.py: the PyGObject override, gi/overrides/Softlif.py
#
# Copyright 2026 The libsoftlif authors
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Runs against the build tree (make check sets SOFTLIF_PYTHONPATH to the
# directory of its override) and prints TAP.
#
# Every array result is compared bit for bit with the library's C
# caller-buffer functions (softlif_neuron_type_*_into), called here
# through a few lines of ctypes that share nothing with the override, and
# with the numpy original (nengo_extras' SoftLIFRate) to a tolerance.

import array
import copy
import ctypes
import os
import pickle
import subprocess
import sys
import threading
import time

sys.path[:0] = [os.path.dirname(os.path.abspath(__file__)),
                os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')]
import tap  # noqa: E402
from tap import Failure, check, diag, test  # noqa: E402

# The override is made for numpy arrays and imports numpy itself.
np = tap.import_numpy()

# The override of this build tree, for this process and its children.
OVERRIDES = os.environ['SOFTLIF_PYTHONPATH']
sys.path.insert(0, OVERRIDES)
os.environ['PYTHONPATH'] = os.pathsep.join(
    [OVERRIDES] + [p for p in os.environ.get('PYTHONPATH', '').split(os.pathsep) if p])

import gi  # noqa: E402

gi.require_version('GLib', '2.0')
gi.require_version('Softlif', '1.0')
from gi.repository import GLib, GObject, Softlif  # noqa: E402

from nengo_original import original_rates, original_derivative  # noqa: E402

# MNIST parameters of nengo_extras' Keras example
PARAMS = dict(sigma=0.01, tau_rc=0.022, tau_ref=0.002, amplitude=0.063, epsilon=1e-15)

# Checks {{{


def same_bits(got, want, what):
    """Equal shapes, dtypes and bits (NaNs included)."""
    check(isinstance(got, np.ndarray), '%s: %r is not an ndarray' % (what, type(got)))
    check(got.shape == want.shape, '%s: shape %s, expected %s' % (what, got.shape, want.shape))
    check(got.dtype == want.dtype, '%s: dtype %s, expected %s' % (what, got.dtype, want.dtype))
    g = np.ascontiguousarray(got).view(np.uint8)
    w = np.ascontiguousarray(want).view(np.uint8)
    if not np.array_equal(g, w):
        bad = np.flatnonzero(np.ascontiguousarray(got).ravel() != np.ascontiguousarray(want).ravel())
        raise Failure('%s: %d values differ, first at %d: %r != %r'
                      % (what, bad.size, bad[0], got.ravel()[bad[0]], want.ravel()[bad[0]]))


def expect_error(function, *args, code=Softlif.Error.INVALID_PARAMETER, words=(), **kwargs):
    """Calls function, which must raise Softlif.ValidationError (a
    ValueError and a GLib.Error) with the given code and words."""
    try:
        function(*args, **kwargs)
    except Softlif.ValidationError as e:
        check(isinstance(e, ValueError) and isinstance(e, GLib.Error), 'not a ValueError and GLib.Error')
        check(e.domain == 'softlif-error-quark', 'domain %r' % e.domain)
        check(e.code == int(code), 'code %d, expected %d (%s)' % (e.code, int(code), e.message))
        check(e.matches(Softlif.error_quark(), code), 'matches() is false')
        for w in words:
            check(w in e.message, '%r is not in %r' % (w, e.message))
        check(str(e) == e.message, 'str() is %r' % str(e))
        return e
    raise Failure('%s did not raise' % getattr(function, '__name__', function))

# }}}

# The C reference {{{

_lib = ctypes.CDLL(os.environ['SOFTLIF_LIBRARY'])
_capsule = ctypes.pythonapi.PyCapsule_GetPointer
_capsule.argtypes = [ctypes.py_object, ctypes.c_char_p]
_capsule.restype = ctypes.c_void_p


def c_into(name, neuron, *arrays_and_lengths):
    """Calls softlif_neuron_type_NAME_into (or its _float form) on
    freshly made contiguous arrays; returns nothing, the outputs are
    written in place. Raises on a GError."""
    f = getattr(_lib, 'softlif_neuron_type_' + name)
    args = [ctypes.c_void_p(_capsule(neuron.__gpointer__, None))]
    for a in arrays_and_lengths:
        if isinstance(a, np.ndarray):
            args.append(ctypes.c_void_p(a.ctypes.data))
        elif isinstance(a, float):
            args.append(ctypes.c_double(a))
        else:
            args.append(ctypes.c_size_t(a))
    error = ctypes.c_void_p()
    args.append(ctypes.byref(error))
    f.restype = ctypes.c_int
    if not f(*args):
        raise RuntimeError('%s failed' % name)


def c_tuning(op, neuron, x, gain, bias, dtype):
    """The C result of current/rates/derivative of 1-D x: (len(x), len(gain))."""
    x = np.array(x, dtype, copy=True)
    gain = np.array(gain, dtype, copy=True)
    bias = np.array(bias, dtype, copy=True)
    out = np.empty((x.size, gain.size), dtype)
    suffix = '_float_into' if dtype == np.float32 else '_into'
    c_into(op + suffix, neuron, x, x.size, gain, gain.size, bias, bias.size, out, out.size)
    return out


def c_step(neuron, J, dtype):
    J = np.array(J, dtype, copy=True, order='C')
    out = np.empty(J.shape, dtype)
    suffix = '_float_into' if dtype == np.float32 else '_into'
    c_into('step' + suffix, neuron, 0.001, J, J.size, out, out.size)
    return out


def c_pair(op, neuron, a, b, dtype):
    a = np.array(a, dtype, copy=True)
    b = np.array(b, dtype, copy=True)
    first = np.empty(a.shape, dtype)
    second = np.empty(a.shape, dtype)
    suffix = '_float_into' if dtype == np.float32 else '_into'
    c_into(op + suffix, neuron, a, a.size, b, b.size, first, second, a.size)
    return first, second


def c_columns(op, neuron, x2, gain, bias, dtype):
    """The C result for a 2-D x, element-wise: each column k is neuron k
    on its own samples."""
    out = np.empty(x2.shape, dtype)
    for k in range(x2.shape[1]):
        out[:, k] = c_tuning(op, neuron, x2[:, k], gain[k:k + 1], bias[k:k + 1], dtype)[:, 0]
    return out

# }}}

# Test data {{{


def data(n=101, k=3, dtype=np.float64, seed=1):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.5, 1.5, n).astype(dtype)
    gain = rng.uniform(0.5, 40.0, k).astype(dtype)
    bias = rng.uniform(-5.0, 5.0, k).astype(dtype)
    return x, gain, bias


def neuron():
    return Softlif.SoftLifRate(**PARAMS)

# }}}

# Tests {{{


@test('the override in use is the one of this build tree')
def _():
    module = sys.modules.get('gi.overrides.Softlif')
    check(module is not None, 'no override loaded')
    check(os.path.realpath(module.__file__).startswith(os.path.realpath(OVERRIDES)),
          'override loaded from %s' % module.__file__)
    check(type(neuron()) is Softlif.SoftLifRate and type(Softlif.SoftLifRate.new()) is Softlif.SoftLifRate,
          'objects made in C are not of the override class')


@test('rates, derivative and current of a 1-D x: (n, n_neurons), bit for bit the C functions')
def _():
    n = neuron()
    x, gain, bias = data()
    for op in ('rates', 'derivative', 'current'):
        got = getattr(n, op)(x, gain, bias)
        same_bits(got, c_tuning(op, n, x, gain, bias, np.float64), op)
        check(got.flags.writeable and got.flags.owndata, '%s: result not writable' % op)
    want = original_rates(x, gain, bias, **PARAMS)
    got = n.rates(x, gain, bias)
    rel = np.max(np.abs(got - want) / np.abs(want))
    diag('rates vs the numpy original: %.3g relative' % rel)
    check(rel < 1e-12, 'rates differ from the original by %g' % rel)
    want = original_derivative(x, gain, bias, **PARAMS)
    got = n.derivative(x, gain, bias)
    big = np.abs(want) > 1e-300
    rel = np.max(np.abs(got[big] - want[big]) / np.abs(want[big]))
    diag('derivative vs the numpy original: %.3g relative' % rel)
    check(rel < 1e-6, 'derivative differs from the original by %g' % rel)


@test('lists, scalars, tuples, ints and buffers are taken as nengo takes them')
def _():
    n = neuron()
    x, gain, bias = data(n=7, k=2)
    want = c_tuning('rates', n, x, gain, bias, np.float64)
    same_bits(n.rates(x.tolist(), gain.tolist(), tuple(bias)), want, 'lists')
    same_bits(n.rates(array.array('d', x), memoryview(gain), bias), want, 'buffers')
    same_bits(n.rates(0.5, 3.0, 0.5), c_tuning('rates', n, [0.5], [3.0], [0.5], np.float64), 'scalars')
    same_bits(n.rates(np.float64(0.5), gain, bias), c_tuning('rates', n, [0.5], gain, bias, np.float64),
              'numpy scalar x')
    same_bits(n.rates(x, 3.0, bias), c_tuning('rates', n, x, [3.0, 3.0], bias, np.float64),
              'scalar gain broadcast against bias')
    xi = np.arange(-3, 4)
    same_bits(n.rates(xi, [2, 3], [1, -1]), c_tuning('rates', n, xi, [2, 3], [1, -1], np.float64),
              'integers compute in float64')
    same_bits(n.rates(x.astype(np.float16), gain, bias),
              c_tuning('rates', n, x.astype(np.float16).astype(np.float64), gain, bias, np.float64),
              'float16 computes in float64')
    same_bits(n.rates([True, False], [1.0], [1.5]),
              c_tuning('rates', n, [1.0, 0.0], [1.0], [1.5], np.float64), 'booleans')
    check(n.rates([], gain, bias).shape == (0, 2), 'empty x')


@test('float32 in, float32 out, from the single-precision kernels')
def _():
    n = neuron()
    x, gain, bias = data(dtype=np.float32)
    for op in ('rates', 'derivative', 'current'):
        got = getattr(n, op)(x, gain, bias)
        same_bits(got, c_tuning(op, n, x, gain, bias, np.float32), op + ' float32')
    # a Python scalar keeps float32, a float64 array promotes (as numpy does)
    same_bits(n.rates(x, 3.0, 0.5), c_tuning('rates', n, x, [3.0], [0.5], np.float32), 'float32 x, scalars')
    same_bits(n.rates(x, gain.astype(np.float64), bias),
              c_tuning('rates', n, x, gain, bias, np.float64), 'float32 x, float64 gain')
    same_bits(n.step(0.001, x), c_step(n, x, np.float32), 'step float32')


@test('the _float methods compute in single precision whatever the dtype given')
def _():
    n = neuron()
    x, gain, bias = data()
    x32, g32, b32 = (a.astype(np.float32) for a in (x, gain, bias))
    for op in ('rates', 'derivative', 'current'):
        same_bits(getattr(n, op + '_float')(x, gain, bias), c_tuning(op, n, x32, g32, b32, np.float32),
                  op + '_float of float64')
    same_bits(n.step_float(0.001, x.tolist()), c_step(n, x32, np.float32), 'step_float of a list')
    mr, ic = np.array([100.0, 200.0]), np.array([-0.5, 0.3])
    for op, a, b in (('gain_bias', mr, ic), ('max_rates_intercepts', gain[:2], bias[:2])):
        got = getattr(n, op + '_float')(a, b)
        want = c_pair(op, n, a, b, np.float32)
        same_bits(got[0], want[0], op + '_float first')
        same_bits(got[1], want[1], op + '_float second')


@test('big-endian, strided, Fortran-ordered and read-only input is converted, never misread')
def _():
    n = neuron()
    x, gain, bias = data(n=50)
    want = c_tuning('rates', n, x, gain, bias, np.float64)
    same_bits(n.rates(x.astype('>f8'), gain.astype('>f8'), bias.astype('>f8')), want, 'big-endian')
    wide = np.empty(100)
    wide[::2] = x
    same_bits(n.rates(wide[::2], gain, bias), want, 'strided x')
    same_bits(n.rates(x[::-1][::-1], gain[::-1][::-1], bias), want, 'reversed views')
    ro = x.copy()
    ro.flags.writeable = False
    same_bits(n.rates(ro, gain, bias), want, 'read-only x')
    x2 = np.asfortranarray(np.stack([x, x[::-1], x * 0.5], axis=1))
    same_bits(n.rates(x2, gain, bias), c_columns('rates', n, x2, gain, bias, np.float64), 'Fortran x')
    same_bits(n.step(0.001, x2.astype('>f8')), c_step(n, x2, np.float64), 'big-endian J')
    same_bits(n.rates(x.astype('>f4'), gain.astype('>f4'), bias.astype('>f4')),
              c_tuning('rates', n, x.astype(np.float32), gain.astype(np.float32),
                       bias.astype(np.float32), np.float32), 'big-endian float32')


@test('a 2-D x of shape (n, n_neurons) is element-wise, as in nengo')
def _():
    n = neuron()
    rng = np.random.default_rng(2)
    x2 = rng.uniform(-1.5, 1.5, (40, 3))
    _, gain, bias = data(k=3)
    for dtype in (np.float64, np.float32):
        xd, gd, bd = x2.astype(dtype), gain.astype(dtype), bias.astype(dtype)
        for op in ('rates', 'derivative', 'current'):
            got = getattr(n, op)(xd, gd, bd)
            same_bits(got, c_columns(op, n, xd, gd, bd, dtype), '%s 2-D %s' % (op, np.dtype(dtype)))
    # nengo's own formula for the currents
    same_bits(n.current(x2, gain, bias), gain * x2 + bias, 'current 2-D against numpy')


@test('out= writes into the caller\'s array, checked for shape and dtype')
def _():
    n = neuron()
    x, gain, bias = data(n=20, k=2)
    want = c_tuning('rates', n, x, gain, bias, np.float64)
    out = np.full((20, 2), np.nan)
    r = n.rates(x, gain, bias, out=out)
    check(r is out, 'rates did not return out')
    same_bits(out, want, 'out')
    big = np.zeros((20, 4))
    n.derivative(x, gain, bias, out=big[:, ::2])
    same_bits(big[:, ::2], c_tuning('derivative', n, x, gain, bias, np.float64), 'strided out')
    check(not big[:, 1::2].any(), 'strided out: wrote between its elements')
    swapped = np.zeros((20, 2), '>f8')
    e = expect_error(n.rates, x, gain, bias, out=np.zeros((2, 20)),
                     code=Softlif.Error.SIZE_MISMATCH, words=('(2, 20)', '(20, 2)'))
    diag(e.message)
    expect_error(n.rates, x, gain, bias, out=np.zeros((20, 2), np.float32), words=('float32', 'float64'))
    expect_error(n.rates, x, gain, bias, out=swapped, words=('>f8',))
    ro = np.zeros((20, 2))
    ro.flags.writeable = False
    expect_error(n.rates, x, gain, bias, out=ro, words=('out',))
    expect_error(n.rates, x, gain, bias, out=[[0.0] * 2] * 20, words=('out',))
    # in place: x itself as the output of one neuron
    x1 = x.copy().reshape(20, 1)
    n.rates(x1.ravel(), [3.0], [0.5], out=x1)
    same_bits(x1, c_tuning('rates', n, x, [3.0], [0.5], np.float64), 'in place')


@test('out= over gain or bias of a 2-D x gets the right numbers')
def _():
    n = neuron()
    x2 = np.array([[0.3, 0.7]])
    g, b = np.array([3.0, 2.0]), np.array([0.5, -0.2])
    for op in ('current', 'rates', 'derivative'):
        want = c_columns(op, n, x2, g, b, np.float64)
        gg, bb = g.copy(), b.copy()
        same_bits(getattr(n, op)(x2, gg, b, out=gg.reshape(1, 2)), want, op + ' out over gain')
        same_bits(getattr(n, op)(x2, g, bb, out=bb.reshape(1, 2)), want, op + ' out over bias')
        xx = x2.copy()
        same_bits(getattr(n, op)(xx, g, b, out=xx), want, op + ' out over x')


@test('step(dt, J, output) as nengo: any shape, in place into output')
def _():
    n = neuron()
    rng = np.random.default_rng(3)
    for shape in ((), (7,), (4, 5), (2, 3, 4)):
        J = rng.uniform(-2.0, 4.0, shape)
        got = n.step(0.001, J)
        same_bits(got, c_step(n, J, np.float64), 'step %s' % (shape,))
        output = np.empty(shape)
        check(n.step(0.001, J, output) is output, 'step did not return output')
        same_bits(output, c_step(n, J, np.float64), 'step output %s' % (shape,))
    J = rng.uniform(-2.0, 4.0, 64)
    want = c_step(n, J, np.float64)
    n.step(0.001, J, J)
    same_bits(J, want, 'step with output J itself')
    same_bits(n.step(0.001, [1.5, 2]), c_step(n, [1.5, 2.0], np.float64), 'step of a list')
    expect_error(n.step, -1.0, [1.0], words=('“dt”', '-1.0'))
    expect_error(n.step, 0.001, [1.0, 2.0], np.empty(3), code=Softlif.Error.SIZE_MISMATCH,
                 words=('(3,)', '(2,)'))


@test('gain_bias and max_rates_intercepts: ndarrays, a scalar broadcast against an array')
def _():
    for n in (neuron(), Softlif.LifRate(tau_rc=0.03)):
        max_rates = np.array([100.0, 200.0, 350.0])
        intercepts = np.array([-0.5, 0.0, 0.9])
        gain, bias = n.gain_bias(max_rates, intercepts)
        want_g, want_b = c_pair('gain_bias', n, max_rates, intercepts, np.float64)
        same_bits(gain, want_g, 'gain')
        same_bits(bias, want_b, 'bias')
        # nengo's LIFRate.gain_bias, in numpy
        x = 1.0 / (1 - np.exp((n.tau_ref - (1.0 / max_rates)) / n.tau_rc))
        ng = (1 - x) / (intercepts - 1.0)
        check(np.allclose(gain, ng, rtol=1e-12, atol=0) and np.allclose(bias, 1 - ng * intercepts, rtol=1e-12),
              'gain_bias differs from nengo\'s formula')
        g2, b2 = n.gain_bias(200.0, intercepts)
        wg, wb = c_pair('gain_bias', n, [200.0] * 3, intercepts, np.float64)
        same_bits(g2, wg, 'broadcast gain')
        same_bits(b2, wb, 'broadcast bias')
        r, c = n.max_rates_intercepts(gain, bias)
        wr, wc = c_pair('max_rates_intercepts', n, gain, bias, np.float64)
        same_bits(r, wr, 'max_rates')
        same_bits(c, wc, 'intercepts')
        check(np.allclose(r, max_rates, rtol=1e-12) and np.allclose(c, intercepts, rtol=1e-12, atol=1e-15),
              'max_rates_intercepts does not invert gain_bias')
        g32, b32 = n.gain_bias(max_rates.astype(np.float32), intercepts.astype(np.float32))
        wg, wb = c_pair('gain_bias', n, max_rates, intercepts, np.float32)
        same_bits(g32, wg, 'gain float32')
        g0, b0 = n.gain_bias(200.0, 0.0)
        check(g0.shape == (1,) and b0.shape == (1,), 'scalars give shape %s' % (g0.shape,))
    n = neuron()
    expect_error(n.gain_bias, [100.0, 200.0], [0.0, 0.5, 0.9], code=Softlif.Error.SIZE_MISMATCH,
                 words=('(2,)', '(3,)'))
    expect_error(n.gain_bias, [600.0], [0.0], code=Softlif.Error.OUT_OF_RANGE, words=('600.0',))


@test('shape, length and dtype mistakes raise ValidationError naming both')
def _():
    n = neuron()
    e = expect_error(n.rates, np.zeros((3, 4)), [1.0, 2.0], [0.0, 0.0],
                     code=Softlif.Error.SIZE_MISMATCH, words=('Expected shape (3, 2); got (3, 4)',))
    diag(e.message)
    expect_error(n.rates, np.zeros((2, 3, 2)), [1.0, 2.0], [0.0, 0.0],
                 code=Softlif.Error.SIZE_MISMATCH, words=('(2, 3, 2)',))
    expect_error(n.rates, [0.0], [1.0, 2.0, 3.0], [0.0, 0.0],
                 code=Softlif.Error.SIZE_MISMATCH, words=('(3,)', '(2,)'))
    expect_error(n.current, [0.0], np.ones((2, 2)), [0.0, 0.0],
                 code=Softlif.Error.SIZE_MISMATCH, words=('(2, 2)',))
    expect_error(n.rates, [1j], [1.0], [0.0], words=('“x”', 'complex128'))
    expect_error(n.derivative, [0.0], ['a'], [0.0], words=('“gain”',))
    expect_error(n.rates, [0.0], [1.0], [[0.0], [1.0, 2.0]], words=('“bias”',))
    expect_error(n.step, 0.001, np.array(['a'], dtype=object), words=('“J”', 'object'))
    # what nengo's dtype=float conversion takes, taken
    same_bits(n.rates(2**64, 1.0, 0.0), c_tuning('rates', n, [2.0**64], [1.0], [0.0], np.float64), 'a huge int')
    same_bits(n.rates(np.array([0.5, 1.5], dtype=object), 3, 0),
              c_tuning('rates', n, [0.5, 1.5], [3.0], [0.0], np.float64), 'an object array of numbers')
    try:
        Softlif.NeuronType.step(GObject.Object(), 0.001, [1.0])
    except TypeError:
        pass
    else:
        raise Failure('step on something that is not a neuron did not raise TypeError')


@test('bad parameters raise on every path, and the value stays')
def _():
    n = neuron()
    for make in (lambda: Softlif.SoftLifRate(sigma=-1, tau_rc=0),
                 lambda: Softlif.SoftLifRate(-1.0),
                 lambda: Softlif.SoftLifRate.new_full(-1.0, 0.02, 0.002, 1.0, 1e-15)):
        expect_error(make, words=('“sigma”', '-1.0'))
    expect_error(Softlif.LifRate, tau_ref=float('nan'), words=('“tau_ref”', 'nan'))
    expect_error(Softlif.SoftLifRate, sigma=10**400, words=('“sigma”', 'inf'))
    expect_error(Softlif.LifRate.new_full, 0.02, 0.002, float('inf'), words=('“amplitude”', 'inf'))
    for assign in (lambda: setattr(n, 'sigma', 0.0),
                   lambda: setattr(n.props, 'sigma', 0.0),
                   lambda: n.set_sigma(0.0),
                   lambda: n.set_property('sigma', 0.0),
                   lambda: n.set_properties(sigma=0.0)):
        expect_error(assign, words=('“sigma”', '0.0'))
        check(n.sigma == 0.01, 'sigma changed to %r' % n.sigma)
    for name, bad in (('tau_rc', -0.02), ('tau_ref', -1.0), ('amplitude', float('inf')),
                      ('epsilon', float('nan'))):
        expect_error(setattr, n, name, bad, words=('“%s”' % name,))
        check(getattr(n, name) == PARAMS[name], '%s changed' % name)
    try:
        n.sigma = 'a'
    except TypeError:
        pass
    else:
        raise Failure('a string was taken as sigma')
    try:
        Softlif.SoftLifRate(sigmaa=1.0)
    except TypeError:
        pass
    else:
        raise Failure('an unknown keyword was taken')


CHILD = r"""
import gi
gi.require_version('Softlif', '1.0')
from gi.repository import Softlif
import numpy as np
n = Softlif.SoftLifRate()
for f in (lambda: Softlif.SoftLifRate(sigma=-1, tau_rc=0), lambda: setattr(n, 'sigma', 0),
          lambda: setattr(n.props, 'tau_rc', 0), lambda: n.set_amplitude(-1),
          lambda: n.rates(np.zeros((2, 3)), [1, 2], [0, 0]), lambda: n.step(0, [1]),
          lambda: n.gain_bias([1e6], [0])):
    try:
        f()
    except ValueError as e:
        print(e)
n.tau_rc = 1e50
n.sigma = 1e-50
print(n)
"""


@test('no GLib warning or critical on a Python path; extreme valid values are kept')
def _():
    proc = subprocess.run([sys.executable, '-c', CHILD], capture_output=True, text=True,
                          env=dict(os.environ, G_DEBUG=''))
    diag(proc.stdout)
    check(proc.returncode == 0, 'child failed: %s' % proc.stderr)
    check(proc.stderr == '', 'stderr: %r' % proc.stderr)
    lines = proc.stdout.splitlines()
    check(len(lines) == 8, '%d lines' % len(lines))
    check(lines[-1] == 'SoftLifRate(tau_rc=1e+50, sigma=1e-50)', lines[-1])


GERMAN_CHILD = r"""
import locale, sys
locale.setlocale(locale.LC_ALL, '')
import gi
gi.require_version('GLib', '2.0')
gi.require_version('Softlif', '1.0')
from gi.repository import GLib, Softlif
try:  # the first message makes the library bind its domain ...
    Softlif.LifRate.new_full(-1.0, 0.002, 1.0)
except GLib.Error:
    pass
# ... to the installed catalogues; use the ones built for the tests instead.
locale.bindtextdomain('softlif-1.0', sys.argv[1])
for f in (lambda: Softlif.SoftLifRate(sigma=-1.0),
          lambda: Softlif.SoftLifRate().rates([[0.0, 0.0, 0.0]], [1.0, 2.0], [0.0, 0.0])):
    try:
        f()
    except Softlif.ValidationError as e:
        print(e.message)
"""


@test('the messages are translated: the library\'s and the override\'s')
def _():
    catalogues = os.path.join(os.environ['SOFTLIF_TOP_BUILDDIR'], 'tests', 'locale')
    env = dict(os.environ, LANGUAGE='de', LC_ALL='C.UTF-8')
    out = subprocess.run([sys.executable, '-c', GERMAN_CHILD, catalogues], env=env,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    check(out == ['Ungültiger Wert für den Parameter „sigma“: -1.0; '
                  'er muss eine Zahl von 1e-50 bis 1e+50 sein',
                  'Erwartet wurde die Form (1, 2); erhalten (1, 3)'], 'got %r' % out)


LOCALEDIR_CHILD = r"""
import locale
import gi
gi.require_version('Softlif', '1.0')
from gi.repository import Softlif
Softlif.SoftLifRate()
print(locale.bindtextdomain('softlif-1.0', None))
"""


@test('the override reads no catalogue directory from the environment')
def _():
    crafted = os.path.join(os.environ['SOFTLIF_TOP_BUILDDIR'], 'tests', 'crafted-locale')
    env = dict(os.environ, LANGUAGE='de', LC_ALL='C.UTF-8', SOFTLIF_LOCALEDIR=crafted)
    out = subprocess.run([sys.executable, '-c', LOCALEDIR_CHILD], env=env,
                         capture_output=True, text=True, check=True).stdout.strip()
    check(out != crafted and out.endswith('locale'), 'bound to %r' % out)


@test('parameters as attributes; repr is to_string')
def _():
    n = neuron()
    for name, value in PARAMS.items():
        check(getattr(n, name) == value, '%s = %r' % (name, getattr(n, name)))
        check(getattr(n.props, name) == value, 'props.%s' % name)
    n.sigma = 0.5
    check(n.get_sigma() == 0.5 and n.props.sigma == 0.5, 'sigma not set')
    n.tau_ref = 0
    check(n.tau_ref == 0.0 and type(n.tau_ref) is float, 'tau_ref not set')
    check(repr(n) == n.to_string() == 'SoftLifRate(tau_rc=0.022, tau_ref=0.0, amplitude=0.063, sigma=0.5)',
          repr(n))
    check(repr(Softlif.LifRate()) == 'LifRate()', repr(Softlif.LifRate()))
    check(not hasattr(Softlif.LifRate(), 'sigma'), 'LifRate has a sigma')
    check(Softlif.SoftLifRate.props.sigma.minimum > 0.0, 'sigma\'s range admits 0')
    check(sorted(dir(n.props)) == ['amplitude', 'epsilon', 'sigma', 'tau_rc', 'tau_ref'], dir(n.props))
    check(not hasattr(n.props, 'no_such_thing'), 'props has any name')
    check(copy.copy(n.props).sigma == 0.5, 'props does not copy')


@test('equality and hashing by type and parameters')
def _():
    a, b = neuron(), neuron()
    check(a == b and hash(a) == hash(b) and not (a != b), 'equal neurons')
    check(len({a, b}) == 1, 'a set holds two equal neurons')
    b.sigma = 0.02
    check(a != b and not (a == b), 'different sigma compares equal')
    check(Softlif.LifRate() != Softlif.SoftLifRate(), 'LifRate equals SoftLifRate')
    check(Softlif.LifRate() == Softlif.LifRate(), 'two default LifRate differ')
    check(a != 1 and a != 'SoftLifRate', 'compares equal to something else')


@test('pickle, copy and deepcopy give an equal, separate neuron')
def _():
    a = neuron()
    for b in (pickle.loads(pickle.dumps(a)), copy.copy(a), copy.deepcopy(a),
              pickle.loads(pickle.dumps(a, protocol=0))):
        check(b == a and b is not a, 'not an equal copy: %r' % b)
        b.sigma = 0.5
        check(a.sigma == 0.01, 'the copy shares its parameters')
    lif = Softlif.LifRate(tau_rc=0.03)
    check(pickle.loads(pickle.dumps(lif)) == lif, 'LifRate')
    check(copy.deepcopy([a, a])[0] == a, 'in a list')
    e = pickle.loads(pickle.dumps(Softlif.ValidationError('m', 'softlif-error-quark', 1)))
    check(isinstance(e, Softlif.ValidationError) and e.code == 1, 'the error does not pickle')
    # a fresh interpreter that has not imported Softlif
    blob = pickle.dumps(a)
    code = ('import gi, pickle, sys; gi.require_version("Softlif", "1.0"); '
            'n = pickle.loads(sys.stdin.buffer.read()); '
            'print(repr(n), n.rates([0.5], [3.0], [0.5])[0, 0].hex())')
    proc = subprocess.run([sys.executable, '-c', code], input=blob, capture_output=True)
    check(proc.returncode == 0 and not proc.stderr, proc.stderr.decode())
    want = '%s %s' % (repr(a), float(a.rates([0.5], [3.0], [0.5])[0, 0]).hex())
    check(proc.stdout.decode().strip() == want, '%r, not %r' % (proc.stdout, want))


@test('a subclass written in Python raises UnimplementedError; current still works')
def _():
    # The class methods fill C buffers (caller-allocated arrays), which
    # PyGObject cannot pass to Python: a Python subclass implements none
    # of them, and every operation that needs one says so.
    class PyRate(Softlif.NeuronType):
        pass

    n = PyRate()
    calls = {
        'step': lambda: n.step(0.001, [1.0, 2.0]),
        'rates': lambda: n.rates([0.0, 1.0], [2.0], [0.5]),
        'derivative': lambda: n.derivative([0.0, 1.0], [2.0], [0.5]),
        'gain_bias': lambda: n.gain_bias([100.0], [0.0]),
        'max_rates_intercepts': lambda: n.max_rates_intercepts([2.0], [0.5]),
        'rates_float': lambda: n.rates_float([0.0], [2.0], [0.5]),
    }
    for name, call in calls.items():
        try:
            call()
        except Softlif.UnimplementedError as e:
            check(isinstance(e, NotImplementedError) and isinstance(e, GLib.Error),
                  '%s: %r is not both NotImplementedError and GLib.Error' % (name, e))
            check(e.domain == 'softlif-error-quark' and e.code == int(Softlif.Error.NOT_IMPLEMENTED),
                  '%s: %s %d' % (name, e.domain, e.code))
            check('does not implement' in str(e) and 'compute_' in str(e), '%s: %s' % (name, e))
        else:
            raise Failure('%s on a Python subclass raised nothing' % name)
    same_bits(n.current([0.0, 1.0], [2.0], [0.5]), np.array([[0.5], [2.5]]), 'current')
    # the introspected GBytes form raises the library's GLib.Error itself
    try:
        n.step_bytes(0.001, Softlif.Dtype.FLOAT64, GLib.Bytes.new(np.ones(3).tobytes()))
    except GLib.Error as e:
        check(e.matches(Softlif.error_quark(), int(Softlif.Error.NOT_IMPLEMENTED)), str(e))
    else:
        raise Failure('step_bytes on a Python subclass raised nothing')


@test('the interpreter lock is released while the library computes')
def _():
    n = Softlif.SoftLifRate()
    x = np.linspace(-1.0, 1.0, 4 * 10**6)
    previous = Softlif.get_max_threads()
    Softlif.set_max_threads(1)
    try:
        for attempt in range(3):
            done = threading.Event()
            span = []

            def work():
                t0 = time.perf_counter()
                n.rates(x, [3.0], [0.5])
                span.extend((t0, time.perf_counter()))
                done.set()

            ticks = []
            worker = threading.Thread(target=work)
            worker.start()
            while not done.is_set():
                ticks.append(time.perf_counter())
            worker.join()
            t0, t1 = span
            inside = [t for t in ticks if t0 <= t <= t1]
            # with the lock held, this thread would not run at all
            # during the call; with it released, it keeps counting
            diag('call %.1f ms, %d iterations of the other thread during it'
                 % ((t1 - t0) * 1e3, len(inside)))
            if len(inside) > 100:
                break
        else:
            raise Failure('the other thread did not run during the call')
    finally:
        Softlif.set_max_threads(previous)
    # ctypes releases the lock for a function of a CDLL, never of a PyDLL
    module = sys.modules['gi.overrides.Softlif']
    for functions in module._C.values():
        for f in functions.values():
            check(not f._flags_ & ctypes._FUNCFLAG_PYTHONAPI, '%s keeps the lock' % f.__name__)

# }}}



if __name__ == '__main__':
    sys.exit(tap.main())
