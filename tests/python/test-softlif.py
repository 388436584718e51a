#!/usr/bin/python3
# test-softlif.py: libsoftlif from Python, against the original's numpy
#
# Copyright 2026 The libsoftlif authors
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Runs against the build tree (make check sets GI_TYPELIB_PATH and
# LD_LIBRARY_PATH) and prints TAP.
#
# The numbers are checked against numpy re-implementations of the
# original, SoftLIFRate of nengo_extras (and LIFRate of nengo), written
# from its step_math. The library is more accurate than numpy, so the two
# agree to a relative tolerance; where both compute the same rounded
# operations (the currents, the GBytes and the array forms of one
# function) they must agree bit for bit.
#
# Every method, constructor and property that the typelib lists is
# wrapped on import so that the last test can check that all of them
# were called.

import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402
from tap import Failure, check, diag, test  # noqa: E402

np = tap.import_numpy()

import gi  # noqa: E402

gi.require_version('GIRepository', '2.0')
gi.require_version('Softlif', '1.0')
from gi.repository import GIRepository, GLib, GObject, Softlif  # noqa: E402

NAMESPACE = 'Softlif'
DOMAIN = 'softlif-error-quark'

# The coverage of the introspected API {{{

CALLED = set()
EXERCISED_PROPERTIES = set()


def _record(key, function):
    def wrapper(*args, **kwargs):
        CALLED.add(key)
        return function(*args, **kwargs)
    wrapper.__name__ = key
    return wrapper


def introspected_api():
    """The callables and properties of the namespace, as the typelib lists
    them: {'NeuronType.step': (owner, name, is_method), ...} and
    {'SoftLifRate:sigma', ...}."""
    repo = GIRepository.Repository.get_default()
    repo.require(NAMESPACE, '1.0', 0)
    callables = {}
    properties = set()
    for i in range(repo.get_n_infos(NAMESPACE)):
        info = repo.get_info(NAMESPACE, i)
        kind = info.get_type()
        name = info.get_name()
        if kind == GIRepository.InfoType.OBJECT:
            owner = getattr(Softlif, name)
            for k in range(GIRepository.object_info_get_n_methods(info)):
                m = GIRepository.object_info_get_method(info, k)
                callables['%s.%s' % (name, m.get_name())] = (
                    owner, m.get_name(), GIRepository.callable_info_is_method(m))
            for k in range(GIRepository.object_info_get_n_properties(info)):
                p = GIRepository.object_info_get_property(info, k)
                properties.add('%s:%s' % (name, p.get_name()))
        elif kind in (GIRepository.InfoType.ENUM, GIRepository.InfoType.FLAGS):
            owner = getattr(Softlif, name)
            for k in range(GIRepository.enum_info_get_n_methods(info)):
                m = GIRepository.enum_info_get_method(info, k)
                callables['%s.%s' % (name, m.get_name())] = (owner, m.get_name(), False)
        elif kind == GIRepository.InfoType.FUNCTION:
            callables[name] = (Softlif, name, False)
    return callables, properties


API_CALLABLES, API_PROPERTIES = introspected_api()

for _key, (_owner, _name, _is_method) in API_CALLABLES.items():
    _wrapped = _record(_key, getattr(_owner, _name))
    if _owner is Softlif:
        setattr(Softlif, _name, _wrapped)
    elif _is_method:
        setattr(_owner, _name, _wrapped)
    else:
        setattr(_owner, _name, staticmethod(_wrapped))

# }}}

# The original {{{

EPSILON = 1e-15  # nengo_extras SoftLIFRate._epsilon

DEFAULTS = dict(sigma=1.0, tau_rc=0.02, tau_ref=0.002, amplitude=1.0)
MNIST = dict(sigma=0.01, tau_rc=0.022, tau_ref=0.002, amplitude=0.063)
PARAMETER_SETS = [('defaults', DEFAULTS), ('MNIST', MNIST)]


# nengo_extras' numpy algorithm, shared with the other tests.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from nengo_original import original_current, original_step_math  # noqa: E402


def original_rates(x, gain, bias, **p):
    return original_step_math(original_current(x, gain, bias), **p)


def analytic_derivative(x, gain, bias, sigma, tau_rc, tau_ref, amplitude,
                        epsilon=EPSILON):
    """d rate / dx = gain A tau_rc sigmoid (y) / (D**2 j (1 + j)), with
    y = (J - 1) / sigma, j the smoothed excess current of the original
    including epsilon, D = tau_ref + tau_rc log1p (1 / j). Valid while
    exp (-y) does not overflow (y > -700)."""
    J = original_current(x, gain, bias)
    y = (J - 1) / sigma
    j = J - 1
    valid = y < 34
    j[valid] = sigma * np.log1p(np.exp(y[valid]))
    j += epsilon
    D = tau_ref + tau_rc * np.log1p(1 / j)
    sigmoid = 1 / (1 + np.exp(-y))
    return gain * amplitude * tau_rc * sigmoid / (D * D * j * (1 + j))


def lif_step_math(J, tau_rc, tau_ref, amplitude):
    """nengo LIFRate.step_math."""
    j = J - 1
    out = np.zeros_like(J)
    valid = j > 0
    out[valid] = amplitude / (tau_ref + tau_rc * np.log1p(1. / j[valid]))
    return out


def lif_derivative(x, gain, bias, tau_rc, tau_ref, amplitude):
    """gain A tau_rc / (D**2 j (1 + j)) above the threshold, 0 below."""
    j = original_current(x, gain, bias) - 1
    out = np.zeros_like(j)
    valid = j > 0
    jv = j[valid]
    D = tau_ref + tau_rc * np.log1p(1 / jv)
    g = np.broadcast_to(gain, j.shape)[valid]
    out[valid] = g * amplitude * tau_rc / (D * D * jv * (1 + jv))
    return out


def nengo_gain_bias(max_rates, intercepts, tau_rc, tau_ref):
    """nengo LIFRate.gain_bias."""
    x = 1.0 / (1 - np.exp((tau_ref - (1.0 / max_rates)) / tau_rc))
    gain = (1 - x) / (intercepts - 1.0)
    bias = 1 - gain * intercepts
    return gain, bias


def step_grid(sigma):
    """Currents from -5 to 10 (y / sigma >= -600, where the analytic
    derivative still holds), dense near the threshold, around the branch
    at y = 34 and where sigma * softplus meets epsilon (y near -34.5)."""
    near = np.logspace(-16, -1, 61)
    branch = 1 + 34 * sigma
    parts = [
        np.linspace(-5.0, 10.0, 1501),
        1 + near, 1 - near,
        [1.0, np.nextafter(1.0, 2.0), np.nextafter(1.0, 0.0)],
        [branch, np.nextafter(branch, 0.0), np.nextafter(branch, 100.0)],
        1 - sigma * np.linspace(30.0, 40.0, 21),
    ]
    J = np.concatenate([np.asarray(q, np.float64) for q in parts])
    return J[(J >= -5.0) & (J <= 10.0)]


# Tuning curves: x in [-1, 1]; currents from -4 to 6, one neuron within
# 0.3 of the threshold, one with a negative gain.
X = np.linspace(-1.0, 1.0, 201)
GAIN = np.array([1.0, 2.0, 3.0, 0.3, -2.0, 5.0])
BIAS = np.array([1.0, 0.5, -1.0, 1.001, 2.0, 1.0])

# float64: the original rounds about ten times through functions of
# condition number about 1, so it is within a few 1e-16 of the exact rate
# (tests/compat-original.py measures it against long double); the library
# claims 2 ulps. In the derivative exp (-y) multiplies the error of y by
# up to |y| <= 600.
TOL_F64 = 1e-12
TOL_DERIVATIVE_F64 = 1e-10

# float32 against the original computed in float32: about 12 roundings of
# 2**-24 with condition numbers about 1 make 7e-7; 2e-6 leaves room for the
# ulp or two of numpy's float32 exp and log1p.
TOL_F32 = 2e-6

# }}}

# Helpers {{{




def rel_diff(got, want):
    """|got - want| / |want| elementwise; 0 where both are equal (also
    both infinite) or both NaN."""
    got = np.asarray(got, np.float64)
    want = np.asarray(want, np.float64)
    check(got.shape == want.shape, 'shape %r, not %r' % (got.shape, want.shape))
    with np.errstate(invalid='ignore', divide='ignore'):
        d = np.abs(got - want) / np.abs(want)
    d = np.where(got == want, 0.0, d)
    d = np.where(np.isnan(got) & np.isnan(want), 0.0, d)
    return np.where(np.isnan(d), np.inf, d)


def check_close(what, got, want, tol):
    d = rel_diff(got, want)
    worst = float(np.max(d)) if d.size else 0.0
    diag('%s: max relative difference %.3g over %d values (tolerance %.3g)'
         % (what, worst, d.size, tol))
    if worst > tol:
        i = int(np.argmax(d))
        raise Failure('%s: %r, not %r' % (what, float(np.ravel(got)[i]),
                                          float(np.ravel(want)[i])))


def check_bits(what, got, want):
    """got and want hold the same values bit for bit."""
    got = np.ascontiguousarray(got)
    want = np.ascontiguousarray(want)
    check(got.dtype == want.dtype, '%s: dtype %s, not %s' % (what, got.dtype, want.dtype))
    check(got.shape == want.shape, '%s: shape %r, not %r' % (what, got.shape, want.shape))
    u = np.uint64 if got.dtype == np.float64 else np.uint32
    n = int(np.count_nonzero(got.view(u) != want.view(u)))
    check(n == 0, '%s: %d of %d values differ in their bits' % (what, n, got.size))


def f32_ulps(a, b):
    """The distance in float32 ulps between a and b (finite float32)."""
    def ordered(v):
        i = np.asarray(v, np.float32).view(np.int32).astype(np.int64)
        return np.where(i < 0, -(i & 0x7fffffff), i)
    return np.abs(ordered(a) - ordered(b))


def check_ulps(what, got, want64, max_ulps):
    got = np.asarray(got, np.float32)
    want = np.asarray(want64, np.float64).astype(np.float32)
    check(got.shape == want.shape, 'shape %r, not %r' % (got.shape, want.shape))
    d = f32_ulps(got, want)
    worst = int(np.max(d)) if d.size else 0
    diag('%s: at most %d float32 ulps from the rounded float64 result (tolerance %d)'
         % (what, worst, max_ulps))
    check(worst <= max_ulps, '%s: %d ulps apart' % (what, worst))


def expect_error(code, function, *args, names=()):
    """Calls function(*args), which must raise a GLib.Error of the
    SOFTLIF_ERROR domain with @code, whose message quotes each of @names."""
    try:
        function(*args)
    except GLib.Error as e:
        diag('%s: %s' % (getattr(function, '__name__', 'call'), e.message))
        check(e.domain == DOMAIN, 'domain %r, not %r' % (e.domain, DOMAIN))
        check(e.code == code, 'code %d, not %d (%s)' % (e.code, int(code), e.message))
        check(e.matches(Softlif.error_quark(), code), 'the error does not match')
        for name in names:
            check(name in e.message, 'the message does not name %r: %s' % (name, e.message))
        return e
    raise Failure('%s raised no error' % getattr(function, '__name__', 'call'))


def soft(p, epsilon=EPSILON):
    return Softlif.SoftLifRate.new_full(p['sigma'], p['tau_rc'], p['tau_ref'],
                                        p['amplitude'], epsilon)


def bytes_of(a):
    return GLib.Bytes.new(np.ascontiguousarray(a).tobytes())


def unaligned_bytes_of(a):
    """A GBytes of the values of @a whose data starts one byte past an
    allocation, so it is not aligned for any float type."""
    data = np.ascontiguousarray(a).tobytes()
    whole = GLib.Bytes.new(b'\0' + data)
    return GLib.Bytes.new_from_bytes(whole, 1, len(data))


def array_of(b, dtype):
    data = b.get_data()
    return np.frombuffer(data if data is not None else b'', dtype)

# }}}

# Tests {{{




@test('constructors and construct properties')
def _():
    for neuron in (Softlif.SoftLifRate(), Softlif.SoftLifRate.new()):
        check(isinstance(neuron, Softlif.SoftLifRate), 'not a SoftLifRate')
        check(isinstance(neuron, Softlif.LifRate), 'a SoftLifRate is not a LifRate')
        check(isinstance(neuron, Softlif.NeuronType), 'not a NeuronType')
        check(neuron.props.sigma == 1.0, 'sigma %r' % neuron.props.sigma)

    neuron = Softlif.SoftLifRate(sigma=0.5)
    check(neuron.props.sigma == 0.5, 'sigma=0.5 gave %r' % neuron.props.sigma)
    neuron = Softlif.SoftLifRate(tau_rc=0.022, amplitude=0.063, epsilon=0.0)
    check((neuron.props.tau_rc, neuron.props.amplitude, neuron.props.epsilon)
          == (0.022, 0.063, 0.0), 'construct properties were not applied')

    neuron = Softlif.SoftLifRate.new_full(0.01, 0.022, 0.003, 0.063, 2e-15)
    got = (neuron.get_sigma(), neuron.get_tau_rc(), neuron.get_tau_ref(),
           neuron.get_amplitude(), neuron.get_epsilon())
    check(got == (0.01, 0.022, 0.003, 0.063, 2e-15), 'new_full gave %r' % (got,))

    for lif in (Softlif.LifRate(), Softlif.LifRate.new()):
        check(type(lif) is Softlif.LifRate, 'not a LifRate: %r' % lif)
        check(isinstance(lif, Softlif.NeuronType), 'not a NeuronType')
    lif = Softlif.LifRate.new_full(0.03, 0.001, 2.0)
    got = (lif.get_tau_rc(), lif.get_tau_ref(), lif.get_amplitude())
    check(got == (0.03, 0.001, 2.0), 'LifRate.new_full gave %r' % (got,))

    try:
        Softlif.NeuronType()
    except TypeError as e:
        diag('NeuronType(): %s' % e)
    else:
        raise Failure('the abstract NeuronType could be instantiated')


@test('defaults are those of nengo_extras, in the objects and the param specs')
def _():
    want = {'sigma': 1.0, 'tau-rc': 0.02, 'tau-ref': 0.002, 'amplitude': 1.0,
            'epsilon': 1e-15}
    neuron = Softlif.SoftLifRate()
    for name, value in want.items():
        check(neuron.get_property(name) == value,
              '%s is %r, not %r' % (name, neuron.get_property(name), value))
        pspec = Softlif.SoftLifRate.find_property(name)
        check(pspec.default_value == value,
              'the default of %s is %r' % (name, pspec.default_value))
        check(pspec.value_type == GObject.TYPE_DOUBLE, '%s is not a double' % name)
        flags = pspec.flags
        check(flags & GObject.ParamFlags.READWRITE == GObject.ParamFlags.READWRITE,
              '%s is not read-write' % name)
        check(flags & GObject.ParamFlags.EXPLICIT_NOTIFY, '%s lacks EXPLICIT_NOTIFY' % name)
    lif = Softlif.LifRate()
    for name in ('tau-rc', 'tau-ref', 'amplitude'):
        check(lif.get_property(name) == want[name],
              'LifRate %s is %r' % (name, lif.get_property(name)))


# Values to set each property to, all valid and different from the default.
NEW_VALUES = {'sigma': [0.5, 0.01], 'epsilon': [0.0, 3e-15],
              'tau-rc': [0.022, 0.05], 'tau-ref': [0.0, 0.004],
              'amplitude': [0.063, 2.0]}


def property_objects():
    return {'LifRate': Softlif.LifRate, 'SoftLifRate': Softlif.SoftLifRate}


@test('every property reads and writes through props, getters and setters')
def _():
    for key in sorted(API_PROPERTIES):
        owner, name = key.split(':')
        attr = name.replace('-', '_')
        neuron = property_objects()[owner]()
        getter = getattr(neuron, 'get_' + attr)
        setter = getattr(neuron, 'set_' + attr)
        a, b = NEW_VALUES[name]

        setter(a)
        check(getattr(neuron.props, attr) == a and getter() == a
              and neuron.get_property(name) == a,
              '%s: set_%s(%r) reads back as %r' % (key, attr, a, getattr(neuron.props, attr)))
        setattr(neuron.props, attr, b)
        check(getter() == b, '%s: props.%s = %r reads back as %r' % (key, attr, b, getter()))
        neuron.set_property(name, a)
        check(getter() == a, '%s: set_property(%r) reads back as %r' % (key, a, getter()))
        EXERCISED_PROPERTIES.add(key)


@test('notify is emitted once per change and never when nothing changes')
def _():
    for key in sorted(API_PROPERTIES):
        owner, name = key.split(':')
        attr = name.replace('-', '_')
        neuron = property_objects()[owner]()
        setter = getattr(neuron, 'set_' + attr)
        seen = []
        neuron.connect('notify::' + name, lambda obj, pspec: seen.append(pspec.name))
        a, b = NEW_VALUES[name]

        setter(neuron.get_property(name))
        check(seen == [], '%s: setting the current value notified' % key)
        setter(a)
        check(seen == [name], '%s: a change notified %r' % (key, seen))
        setter(a)
        setattr(neuron.props, attr, a)
        neuron.set_property(name, a)
        check(seen == [name], '%s: setting the same value again notified' % key)
        setattr(neuron.props, attr, b)
        check(seen == [name, name], '%s: a change through props notified %r' % (key, seen))
        EXERCISED_PROPERTIES.add(key)


@test('Dtype and Error enums, the error domain and the version')
def _():
    check(int(Softlif.Dtype.FLOAT64) == 0 and int(Softlif.Dtype.FLOAT32) == 1,
          'Dtype values')
    check(Softlif.Dtype.FLOAT64.value_nick == 'float64'
          and Softlif.Dtype.FLOAT32.value_nick == 'float32', 'Dtype nicks')
    check(Softlif.Dtype.__gtype__.name == 'SoftlifDtype', 'Dtype GType')
    check((int(Softlif.Error.INVALID_PARAMETER), int(Softlif.Error.SIZE_MISMATCH),
           int(Softlif.Error.OUT_OF_RANGE)) == (0, 1, 2), 'Error values')
    check(Softlif.Error.__gtype__.name == 'SoftlifError', 'Error GType')
    quark = Softlif.error_quark()
    check(quark != 0 and quark == Softlif.Error.quark(), 'the two quark functions differ')
    check(GLib.quark_to_string(quark) == DOMAIN, 'the quark is %r' % GLib.quark_to_string(quark))
    check(Softlif.VERSION_S == '%d.%d.%d' % (Softlif.MAJOR_VERSION, Softlif.MINOR_VERSION,
                                             Softlif.MICRO_VERSION),
          'VERSION_S %r' % Softlif.VERSION_S)


def add_numeric_tests(label, p):
    @test('%s: step agrees with the original to %g' % (label, TOL_F64))
    def _():
        J = step_grid(p['sigma'])
        for neuron in [soft(p)] + ([Softlif.SoftLifRate()] if p is DEFAULTS else []):
            got = np.array(neuron.step(0.001, J))
            check_close('step', got, original_step_math(J.copy(), **p), TOL_F64)

    @test('%s: rates (row-major samples x neurons) agree with the original to %g'
          % (label, TOL_F64))
    def _():
        got = np.array(soft(p).rates(X, GAIN, BIAS))
        check(got.size == X.size * GAIN.size, 'length %d' % got.size)
        check_close('rates', got.reshape(X.size, GAIN.size),
                    original_rates(X, GAIN, BIAS, **p), TOL_F64)

    @test('%s: current is numpy\'s gain * x[:, None] + bias bit for bit' % label)
    def _():
        got = np.array(soft(p).current(X, GAIN, BIAS)).reshape(X.size, GAIN.size)
        check_bits('current', got, original_current(X, GAIN, BIAS))

    @test('%s: derivative agrees with the analytic derivative to %g'
          % (label, TOL_DERIVATIVE_F64))
    def _():
        got = np.array(soft(p).derivative(X, GAIN, BIAS)).reshape(X.size, GAIN.size)
        check_close('derivative', got, analytic_derivative(X, GAIN, BIAS, **p),
                    TOL_DERIVATIVE_F64)

    @test('%s: current_float is numpy\'s float32 arithmetic bit for bit' % label)
    def _():
        x, g, b = X.astype(np.float32), GAIN.astype(np.float32), BIAS.astype(np.float32)
        got = np.array(soft(p).current_float(x, g, b), np.float32)
        check_bits('current_float', got.reshape(x.size, g.size), original_current(x, g, b))

    @test('%s: step_float and rates_float are the float64 rates rounded, within 1 ulp'
          % label)
    def _():
        neuron = soft(p)
        J = step_grid(p['sigma']).astype(np.float32)
        got = np.array(neuron.step_float(0.001, J), np.float32)
        check_ulps('step_float', got, neuron.step(0.001, J.astype(np.float64)), 1)
        check_close('step_float against the float32 original', got,
                    original_step_math(J.copy(), **p), TOL_F32)

        x, g, b = X.astype(np.float32), GAIN.astype(np.float32), BIAS.astype(np.float32)
        J = np.array(neuron.current_float(x, g, b), np.float32)
        got = np.array(neuron.rates_float(x, g, b), np.float32)
        # The same float32 currents through the same kernel.
        check_bits('rates_float against step_float of current_float', got,
                   np.array(neuron.step_float(0.001, J), np.float32))
        check_ulps('rates_float', got, neuron.step(0.001, J.astype(np.float64)), 1)
        check_close('rates_float against the float32 original', got,
                    original_rates(x, g, b, **p).ravel(), TOL_F32)

    @test('%s: derivative_float is the float64 derivative rounded, within 1 or 2 ulps'
          % label)
    def _():
        # With gain 1 the float kernel is the float64 one rounded, within
        # 1 ulp. Times a gain, the half ulp of rounding the kernel can be a
        # whole ulp of the product, whose own rounding and that of the
        # reference add half an ulp each: 2 ulps.
        neuron = soft(p)
        x, g, b = X.astype(np.float32), GAIN.astype(np.float32), BIAS.astype(np.float32)
        J = np.array(neuron.current_float(x, g, b), np.float64)
        kernel = np.array(neuron.derivative(J, [1.0], [0.0]))
        ones = np.ones(1, np.float32)
        zeros = np.zeros(1, np.float32)
        got = np.array(neuron.derivative_float(J.astype(np.float32), ones, zeros), np.float32)
        check_ulps('derivative_float with gain 1', got, kernel, 1)
        got = np.array(neuron.derivative_float(x, g, b), np.float32)
        want = kernel * np.tile(g.astype(np.float64), x.size)
        check_ulps('derivative_float', got, want, 2)

    @test('%s: NaN and infinite currents as the original' % label)
    def _():
        J = np.array([np.nan, np.inf, -np.inf, -1e300, 1e300])
        with np.errstate(over='ignore', invalid='ignore'):
            want = original_step_math(J.copy(), **p)
        got = np.array(soft(p).step(0.001, J))
        check(np.isnan(got[0]), 'NaN gave %r' % got[0])
        check_close('non-finite step', got, want, TOL_F64)


for _label, _p in PARAMETER_SETS:
    add_numeric_tests(_label, _p)


@test('changed properties change the results')
def _():
    neuron = Softlif.SoftLifRate()
    J = step_grid(MNIST['sigma'])
    before = np.array(neuron.step(0.001, J))
    neuron.props.sigma = MNIST['sigma']
    neuron.set_tau_rc(MNIST['tau_rc'])
    neuron.props.amplitude = MNIST['amplitude']
    check_close('step after setting the MNIST parameters', neuron.step(0.001, J),
                original_step_math(J.copy(), **MNIST), TOL_F64)
    neuron.set_epsilon(0.0)
    # Far below the threshold epsilon was the floor of j; without it the
    # rate keeps falling.
    got = np.array(neuron.step(0.001, [-5.0]))
    floor = original_step_math(np.array([-5.0]), **MNIST)
    check(got[0] < floor[0], 'epsilon 0 did not lower the floor: %r' % got[0])
    check(not np.array_equal(before, neuron.step(0.001, J)), 'nothing changed')


@test('LifRate agrees with nengo\'s LIFRate')
def _():
    p = dict(tau_rc=0.02, tau_ref=0.002, amplitude=1.0)
    for lif in (Softlif.LifRate(), Softlif.LifRate.new_full(0.022, 0.002, 0.063)):
        if lif.props.amplitude != 1.0:
            p = dict(tau_rc=0.022, tau_ref=0.002, amplitude=0.063)
        J = np.concatenate([np.linspace(-5.0, 10.0, 1501), 1 + np.logspace(-16, -1, 61)])
        got = np.array(lif.step(0.001, J))
        want = lif_step_math(J.copy(), **p)
        check(np.array_equal(got == 0, want == 0), 'silent for other currents')
        check_close('LifRate step', got, want, TOL_F64)
        got = np.array(lif.rates(X, GAIN, BIAS)).reshape(X.size, GAIN.size)
        check_close('LifRate rates', got, lif_step_math(original_current(X, GAIN, BIAS), **p),
                    TOL_F64)
        # Away from the threshold, where the derivative jumps from 0 to inf.
        x = X[np.all(np.abs(original_current(X, GAIN, BIAS) - 1) > 1e-6, axis=1)]
        got = np.array(lif.derivative(x, GAIN, BIAS)).reshape(x.size, GAIN.size)
        check_close('LifRate derivative', got, lif_derivative(x, GAIN, BIAS, **p),
                    TOL_DERIVATIVE_F64)
        got = np.array(lif.step_float(0.001, J.astype(np.float32)), np.float32)
        check_ulps('LifRate step_float', got, lif.step(0.001, J.astype(np.float32)), 1)


def bytes_cases(neuron, dtype):
    """(name, bytes result, array result) for the four operations."""
    t = np.float64 if dtype == Softlif.Dtype.FLOAT64 else np.float32
    suffix = '' if t is np.float64 else '_float'
    J = step_grid(0.01).astype(t)
    x, g, b = X.astype(t), GAIN.astype(t), BIAS.astype(t)
    return t, [
        ('step_bytes', lambda mk: neuron.step_bytes(0.001, dtype, mk(J)),
         getattr(neuron, 'step' + suffix)(0.001, J)),
        ('current_bytes', lambda mk: neuron.current_bytes(dtype, mk(x), mk(g), mk(b)),
         getattr(neuron, 'current' + suffix)(x, g, b)),
        ('rates_bytes', lambda mk: neuron.rates_bytes(dtype, mk(x), mk(g), mk(b)),
         getattr(neuron, 'rates' + suffix)(x, g, b)),
        ('derivative_bytes', lambda mk: neuron.derivative_bytes(dtype, mk(x), mk(g), mk(b)),
         getattr(neuron, 'derivative' + suffix)(x, g, b)),
    ]


for _dtype in (Softlif.Dtype.FLOAT64, Softlif.Dtype.FLOAT32):
    @test('GBytes %s: the four operations equal the array forms bit for bit, '
          'aligned or not' % _dtype.value_nick)
    def _(dtype=_dtype):
        t, cases = bytes_cases(soft(MNIST), dtype)
        for name, call, array_result in cases:
            want = np.array(array_result, t)
            got = array_of(call(bytes_of), t)
            check_bits('%s %s' % (name, dtype.value_nick), got, want)
            got = array_of(call(unaligned_bytes_of), t)
            check_bits('%s %s, unaligned' % (name, dtype.value_nick), got, want)


@test('GBytes: empty data gives empty results')
def _():
    neuron = Softlif.SoftLifRate()
    empty = GLib.Bytes.new(b'')
    one = bytes_of(np.ones(1))
    for dtype in (Softlif.Dtype.FLOAT64, Softlif.Dtype.FLOAT32):
        check(neuron.step_bytes(0.001, dtype, empty).get_size() == 0, 'step_bytes')
    check(neuron.rates_bytes(Softlif.Dtype.FLOAT64, empty, one, one).get_size() == 0,
          'rates_bytes with no samples')
    check(neuron.current_bytes(Softlif.Dtype.FLOAT64, one, empty, empty).get_size() == 0,
          'current_bytes with no neurons')
    check(neuron.step(0.001, []) == [] and neuron.rates([], [1.0], [1.0]) == [],
          'the array forms with no values')


@test('GBytes: sizes that are not whole values fail with SIZE_MISMATCH naming the argument')
def _():
    neuron = Softlif.SoftLifRate()
    code = Softlif.Error.SIZE_MISMATCH
    f64, f32 = Softlif.Dtype.FLOAT64, Softlif.Dtype.FLOAT32
    good = bytes_of(np.ones(2))               # 16 bytes: 2 float64 or 4 float32
    odd = GLib.Bytes.new(b'\0' * 7)
    six = GLib.Bytes.new(b'\0' * 6)
    expect_error(code, neuron.step_bytes, 0.001, f64, odd, names=('“J”', '7'))
    expect_error(code, neuron.step_bytes, 0.001, f32, six, names=('“J”', '6'))
    for op in (neuron.current_bytes, neuron.rates_bytes, neuron.derivative_bytes):
        expect_error(code, op, f64, odd, good, good, names=('“x”',))
        expect_error(code, op, f64, good, odd, good, names=('“gain”',))
        expect_error(code, op, f32, good, good, six, names=('“bias”',))
        # Whole values, but as many gains as biases they are not.
        expect_error(code, op, f64, good, good, bytes_of(np.ones(3)),
                     names=('“gain”', '“bias”'))


@test('gain_bias is nengo\'s, and max_rates_intercepts inverts it to 1e-10')
def _():
    max_rates = np.array([100.0, 150.0, 200.0, 10.0, 499.0, 1.0])
    intercepts = np.array([-0.5, 0.0, 0.5, -0.99, 0.9, 0.999])
    # At 1 Hz the excess current at x = 1, 1 / expm1 (z) with z = 45, is
    # 2e-20: nengo's 1 - x (x = 1 / (1 - e^-z)) cancels, so there the gain
    # is compared with the same value in the form 1 / expm1 (z) / (1 - c);
    # and bias = 1 - gain * c rounds the excess away, so the round trip
    # cannot recover the rate: it is checked from 10 Hz up.
    nengo_ok = max_rates >= 10.0
    for neuron, p in ((soft(MNIST), MNIST), (Softlif.LifRate(), DEFAULTS)):
        gain, bias = neuron.gain_bias(max_rates, intercepts)
        want_gain, want_bias = nengo_gain_bias(max_rates, intercepts, p['tau_rc'], p['tau_ref'])
        check_close('gain', np.array(gain)[nengo_ok], want_gain[nengo_ok], TOL_F64)
        check_close('bias', np.array(bias)[nengo_ok], want_bias[nengo_ok], TOL_F64)
        z = (1 / max_rates - p['tau_ref']) / p['tau_rc']
        want_gain = 1 / np.expm1(z) / (1 - intercepts)
        check_close('gain, stable form', gain, want_gain, TOL_F64)
        check_close('bias, stable form', bias, 1 - want_gain * intercepts, TOL_F64)
        back_rates, back_intercepts = neuron.max_rates_intercepts(gain, bias)
        check_close('max_rates round trip', np.array(back_rates)[nengo_ok],
                    max_rates[nengo_ok], 1e-10)
        check_close('intercepts round trip', np.array(back_intercepts)[nengo_ok],
                    intercepts[nengo_ok], 1e-10)

        # Single precision: widened, computed in double, rounded once.
        r32, c32 = max_rates.astype(np.float32), intercepts.astype(np.float32)
        g32, b32 = neuron.gain_bias_float(r32, c32)
        g64, b64 = neuron.gain_bias(r32.astype(np.float64), c32.astype(np.float64))
        check_bits('gain_bias_float gain', np.array(g32, np.float32), np.array(g64, np.float32))
        check_bits('gain_bias_float bias', np.array(b32, np.float32), np.array(b64, np.float32))
        r, c = neuron.max_rates_intercepts_float(g32, b32)
        r64, c64 = neuron.max_rates_intercepts(np.array(g32, np.float64),
                                               np.array(b32, np.float64))
        check_bits('max_rates_intercepts_float rates', np.array(r, np.float32),
                   np.array(r64, np.float32))
        check_bits('max_rates_intercepts_float intercepts', np.array(c, np.float32),
                   np.array(c64, np.float32))
        # Rounding gain and bias to float32 moves the excess current at
        # x = 1 (>= 0.0118 from 10 Hz up) by about 6e-8, 5e-6 of it; the
        # rate changes by at most as much.
        check_close('float32 max_rates round trip', np.array(r)[nengo_ok],
                    r32[nengo_ok], 1e-5)

    # A neuron silent at x = 1 has maximum rate 0.
    rates, _ = Softlif.LifRate().max_rates_intercepts([1.0], [-0.5])
    check(rates == [0.0], 'silent neuron: %r' % rates)


@test('gain_bias and max_rates_intercepts report bad values')
def _():
    neuron = soft(MNIST)             # 1 / tau_ref = 500 Hz
    out_of_range = Softlif.Error.OUT_OF_RANGE
    for gain_bias in (neuron.gain_bias, neuron.gain_bias_float):
        expect_error(out_of_range, gain_bias, [100.0, 600.0], [0.0, 0.0],
                     names=('600.0', '500.0', 'index 1'))
        expect_error(out_of_range, gain_bias, [500.0], [0.0], names=('500.0',))
        expect_error(out_of_range, gain_bias, [-10.0], [0.0], names=('-10.0',))
        expect_error(out_of_range, gain_bias, [100.0], [1.0], names=('1.0', '“intercepts”'))
        expect_error(Softlif.Error.SIZE_MISMATCH, gain_bias, [100.0, 200.0], [0.0],
                     names=('“max_rates”', '“intercepts”'))
    for inverse in (neuron.max_rates_intercepts, neuron.max_rates_intercepts_float):
        expect_error(out_of_range, inverse, [0.0], [1.0], names=('“gain”',))
        expect_error(out_of_range, inverse, [1.0], [math.inf], names=('inf', '“bias”'))
        expect_error(Softlif.Error.SIZE_MISMATCH, inverse, [1.0, 2.0], [1.0],
                     names=('“gain”', '“bias”'))


@test('tuning operations report mismatched gain and bias; step reports dt <= 0')
def _():
    neuron = Softlif.SoftLifRate()
    for op in (neuron.current, neuron.rates, neuron.derivative,
               neuron.current_float, neuron.rates_float, neuron.derivative_float):
        expect_error(Softlif.Error.SIZE_MISMATCH, op, [0.5], [1.0, 2.0], [1.0],
                     names=('“gain”', '“bias”', '2', '1'))
    for dt in (0.0, -0.001, math.nan, math.inf):
        expect_error(Softlif.Error.INVALID_PARAMETER, neuron.step, dt, [1.5],
                     names=('“dt”',))
        expect_error(Softlif.Error.INVALID_PARAMETER, neuron.step_float, dt, [1.5],
                     names=('“dt”',))
        expect_error(Softlif.Error.INVALID_PARAMETER, neuron.step_bytes, dt,
                     Softlif.Dtype.FLOAT64, bytes_of(np.ones(1)), names=('“dt”',))


@test('new_full rejects invalid parameters and names them')
def _():
    e = expect_error(Softlif.Error.INVALID_PARAMETER, Softlif.SoftLifRate.new_full,
                     -1.0, 0.02, 0.002, 1.0, 1e-15, names=('sigma', '-1.0'))
    check('“sigma”' in e.message, 'sigma is not quoted: %s' % e.message)
    good = [1.0, 0.02, 0.002, 1.0, 1e-15]
    names = ['sigma', 'tau_rc', 'tau_ref', 'amplitude', 'epsilon']
    bad = [0.0, 0.0, -0.001, 0.0, -1e-300]
    for i, name in enumerate(names):
        args = list(good)
        args[i] = bad[i]
        expect_error(Softlif.Error.INVALID_PARAMETER, Softlif.SoftLifRate.new_full, *args,
                     names=('“%s”' % name, repr(bad[i])))
        args[i] = math.nan
        expect_error(Softlif.Error.INVALID_PARAMETER, Softlif.SoftLifRate.new_full, *args,
                     names=('“%s”' % name, 'nan'))
    expect_error(Softlif.Error.INVALID_PARAMETER, Softlif.LifRate.new_full,
                 0.02, -0.001, 1.0, names=('“tau_ref”', '-0.001'))
    expect_error(Softlif.Error.INVALID_PARAMETER, Softlif.LifRate.new_full,
                 math.inf, 0.002, 1.0, names=('“tau_rc”', 'inf'))


@test('new_full holds every parameter to its documented range, edges included')
def _():
    names = ['sigma', 'tau_rc', 'tau_ref', 'amplitude', 'epsilon']
    good = [1.0, 0.02, 0.002, 1.0, 1e-15]
    ranges = [(1e-50, 1e50), (1e-50, 1e50), (0.0, 1e50), (1e-200, 1e50), (0.0, 1e50)]
    for i, (name, (lo, hi)) in enumerate(zip(names, ranges)):
        for v in (lo, hi):
            args = list(good)
            args[i] = v
            Softlif.SoftLifRate.new_full(*args)
        for v in (math.nextafter(lo, -1.0) if lo > 0 else -5e-324, math.nextafter(hi, math.inf)):
            args = list(good)
            args[i] = v
            expect_error(Softlif.Error.INVALID_PARAMETER, Softlif.SoftLifRate.new_full, *args,
                         names=('“%s”' % name, repr(v)))


@test('tau_ref and epsilon -0.0 are kept as +0.0: the rate at J = inf is +inf')
def _():
    neurons = [Softlif.LifRate.new_full(0.02, -0.0, 1.0),
               Softlif.SoftLifRate.new_full(1.0, 0.02, -0.0, 1.0, -0.0)]
    n = Softlif.SoftLifRate()
    n.set_tau_ref(-0.0)
    n.set_epsilon(-0.0)
    neurons.append(n)
    for n in neurons:
        check(math.copysign(1.0, n.get_tau_ref()) == 1.0, '%s: tau_ref %r' % (n, n.get_tau_ref()))
        if isinstance(n, Softlif.SoftLifRate):
            check(math.copysign(1.0, n.get_epsilon()) == 1.0, '%s: epsilon %r' % (n, n.get_epsilon()))
        out = list(n.step(0.001, [math.inf]))
        check(out == [math.inf], '%s: %r at J = inf' % (n, out))


GERMAN_CHILD = r"""
import locale, os, sys
import gi
gi.require_version('GLib', '2.0')
gi.require_version('Softlif', '1.0')
from gi.repository import GLib, Softlif
locale.setlocale(locale.LC_ALL, 'C.UTF-8')
try:  # the first message makes the library bind its domain ...
    Softlif.LifRate.new_full(-1.0, 0.002, 1.0)
except GLib.Error:
    pass
# ... to the installed catalogues; use the one built for the tests instead.
locale.bindtextdomain('softlif-1.0', sys.argv[1])
try:
    Softlif.SoftLifRate.new_full(-1.0, 0.02, 0.002, 1.0, 1e-15)
except GLib.Error as e:
    print(e.message)
"""


@test('errors raise GLib.Error with the translated message')
def _():
    import os
    import subprocess
    builddir = os.environ.get('G_TEST_BUILDDIR', os.path.join(os.path.dirname(__file__), '..'))
    catalogues = os.path.join(builddir, 'locale')
    if not os.path.isdir(catalogues):
        catalogues = os.path.join(builddir, '..', 'locale')
    env = dict(os.environ, LANGUAGE='de', LC_ALL='C.UTF-8')
    out = subprocess.run([sys.executable, '-c', GERMAN_CHILD, catalogues], env=env,
                         capture_output=True, text=True, check=True).stdout.strip()
    check(out == 'Ungültiger Wert für den Parameter „sigma“: -1.0; '
                 'er muss eine Zahl von 1e-50 bis 1e+50 sein', 'got %r' % out)


@test('to_string gives the exact strings of nengo\'s repr')
def _():
    cases = [
        (Softlif.SoftLifRate(), 'SoftLifRate()'),
        (Softlif.LifRate(), 'LifRate()'),
        (Softlif.SoftLifRate.new_full(0.01, 0.022, 0.002, 0.063, 1e-15),
         'SoftLifRate(tau_rc=0.022, amplitude=0.063, sigma=0.01)'),
        (Softlif.SoftLifRate(amplitude=2.0, epsilon=0.0),
         'SoftLifRate(amplitude=2.0, epsilon=0.0)'),
        (Softlif.SoftLifRate(sigma=1e-05), 'SoftLifRate(sigma=1e-05)'),
        (Softlif.LifRate(tau_ref=0.0, tau_rc=0.1), 'LifRate(tau_rc=0.1, tau_ref=0.0)'),
    ]
    for neuron, want in cases:
        got = neuron.to_string()
        check(got == want, '%r, not %r' % (got, want))


@test('to_string spells every number as Python\'s repr does')
def _():
    # amplitude takes 1e-200 to 1e50; epsilon (0 to 1e50) the subnormals
    values = [0.1 + 0.2, 1 / 3, 2.5, 100.0, 1e15, 1e16, 1.5e16, 123456789.0,
              1e-4, 9.999e-5, 1e-200, 1e50, math.nextafter(1e50, 0.0),
              0.063, 12345678901234567.0]
    for v in values:
        neuron = Softlif.SoftLifRate(amplitude=v)
        want = 'SoftLifRate(amplitude=%r)' % v
        check(neuron.to_string() == want, '%r, not %r' % (neuron.to_string(), want))
    for v in [5e-324, 2.2250738585072014e-308, 1e-300]:
        neuron = Softlif.SoftLifRate(epsilon=v)
        want = 'SoftLifRate(epsilon=%r)' % v
        check(neuron.to_string() == want, '%r, not %r' % (neuron.to_string(), want))


def parse_repr(text):
    """'SoftLifRate(a=1.0, b_c=2.0)' -> ('SoftLifRate', {'a': 1.0, 'b_c': 2.0})."""
    m = re.fullmatch(r'(\w+)\((.*)\)', text)
    check(m is not None, 'not NAME(...): %r' % text)
    args = {}
    if m.group(2):
        for item in m.group(2).split(', '):
            key, value = item.split('=')
            args[key] = float(value)
    return m.group(1), args


@test('to_string reads back to the same neuron')
def _():
    neurons = [
        Softlif.SoftLifRate.new_full(0.01, 0.022, 0.002, 0.063, 1e-15),
        Softlif.SoftLifRate(sigma=0.1 + 0.2, tau_rc=1 / 3, tau_ref=0.0,
                            amplitude=1e-200, epsilon=0.0),
        Softlif.SoftLifRate(epsilon=7.5e-16, tau_ref=1e-300),
        Softlif.SoftLifRate(sigma=1e-50, amplitude=1e50, epsilon=5e-324),
        Softlif.LifRate(tau_rc=0.022, amplitude=1e22),
    ]
    for neuron in neurons:
        text = neuron.to_string()
        name, args = parse_repr(text)
        check(name == type(neuron).__name__, 'class %r in %r' % (name, text))
        cls = getattr(Softlif, name)
        rebuilt = cls(**{k.replace('_', '-'): v for k, v in args.items()})
        for pspec in neuron.list_properties():
            a = neuron.get_property(pspec.name)
            b = rebuilt.get_property(pspec.name)
            check(a == b, '%s: %s is %r, read back %r' % (text, pspec.name, a, b))
        check(rebuilt.to_string() == text, '%r read back as %r' % (text, rebuilt.to_string()))
        if cls is Softlif.SoftLifRate:
            full = dict(sigma=1.0, tau_rc=0.02, tau_ref=0.002, amplitude=1.0,
                        epsilon=1e-15)
            full.update(args)
            again = Softlif.SoftLifRate.new_full(full['sigma'], full['tau_rc'],
                                                 full['tau_ref'], full['amplitude'],
                                                 full['epsilon'])
            check(again.to_string() == text, 'new_full read back %r' % again.to_string())


@test('a million float64 values cross as GBytes and come back')
def _():
    neuron = soft(MNIST)
    J = np.linspace(-1.0, 5.0, 1000000)
    out = neuron.step_bytes(0.001, Softlif.Dtype.FLOAT64, bytes_of(J))
    check(out.get_size() == J.nbytes, '%d bytes, not %d' % (out.get_size(), J.nbytes))
    check_close('1e6 step_bytes', array_of(out, np.float64),
                original_step_math(J.copy(), **MNIST), TOL_F64)
    x = np.linspace(-1.0, 1.0, 250000)
    out = neuron.rates_bytes(Softlif.Dtype.FLOAT64, bytes_of(x), bytes_of(GAIN[:4]),
                             bytes_of(BIAS[:4]))
    check_close('1e6 rates_bytes', array_of(out, np.float64).reshape(x.size, 4),
                original_rates(x, GAIN[:4], BIAS[:4], **MNIST), TOL_F64)


@test('the thread count changes no value')
def _():
    neuron = soft(MNIST)
    J = np.linspace(-3.0, 5.0, 300001)
    before = Softlif.get_max_threads()
    check(before >= 1, 'get_max_threads gave %d' % before)
    results = []
    for n in (1, 2, 3):
        Softlif.set_max_threads(n)
        check(Softlif.get_max_threads() == n, 'set_max_threads(%d) did not hold' % n)
        out = neuron.step_bytes(0.001, Softlif.Dtype.FLOAT64, bytes_of(J))
        results.append(array_of(out, np.float64).view(np.uint64))
    Softlif.set_max_threads(0)
    check(Softlif.get_max_threads() >= 1, 'set_max_threads(0) did not restore a default')
    check(all(np.array_equal(results[0], r) for r in results[1:]),
          'results differ between thread counts')


@test('every method, constructor, function and property of the typelib was exercised')
def _():
    missing = sorted(set(API_CALLABLES) - CALLED)
    diag('%d callables and %d properties in the typelib'
         % (len(API_CALLABLES), len(API_PROPERTIES)))
    check({'NeuronType.step_bytes', 'SoftLifRate.new_full', 'LifRate.set_tau_ref',
           'Error.quark', 'error_quark'} <= set(API_CALLABLES),
          'the typelib was not enumerated: %s' % ', '.join(sorted(API_CALLABLES)))
    check(not missing, 'never called: %s' % ', '.join(missing))
    missing = sorted(API_PROPERTIES - EXERCISED_PROPERTIES)
    check(not missing, 'never exercised: %s' % ', '.join(missing))

# }}}

# TAP {{{



if __name__ == '__main__':
    sys.exit(tap.main())

# }}}
