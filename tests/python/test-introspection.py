#!/usr/bin/python3
# test-introspection.py: nothing internal is visible from Python
#
# Copyright 2026 The libsoftlif authors
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# As graphene's tests/introspection.py: the helpers of the library (its
# gettext wrapper, parameter checks, number formatting, double-double
# arithmetic, kernel structs, private instance data) must not reach the
# Softlif namespace, and the namespace must hold exactly the public API.
# The caller-buffer (*_into) functions exist for C and Vala only; the
# compute_* virtual methods are virtual methods, not methods.
#
# Runs against the build tree (make check sets GI_TYPELIB_PATH and
# LD_LIBRARY_PATH) and prints TAP.

import ctypes
import os
import re
import sys
import xml.etree.ElementTree as ET

import gi

gi.require_version('GIRepository', '2.0')
gi.require_version('Softlif', '1.0')
from gi.repository import GIRepository, GObject, Softlif  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402
from tap import Skip, check, diag, test  # noqa: E402

NAMESPACE = 'Softlif'
InfoType = GIRepository.InfoType

REPO = GIRepository.Repository.get_default()
REPO.require(NAMESPACE, '1.0', 0)

# The public API {{{

EXPECTED_INFOS = {
    'NeuronType': InfoType.OBJECT,
    'NeuronTypeClass': InfoType.STRUCT,
    'LifRate': InfoType.OBJECT,
    'LifRateClass': InfoType.STRUCT,
    'SoftLifRate': InfoType.OBJECT,
    'SoftLifRateClass': InfoType.STRUCT,
    'Dtype': InfoType.ENUM,
    'Error': InfoType.ENUM,
    'error_quark': InfoType.FUNCTION,
    'get_max_threads': InfoType.FUNCTION,
    'set_max_threads': InfoType.FUNCTION,
    'MAJOR_VERSION': InfoType.CONSTANT,
    'MINOR_VERSION': InfoType.CONSTANT,
    'MICRO_VERSION': InfoType.CONSTANT,
    'VERSION_S': InfoType.CONSTANT,
}

OPERATIONS = ['step', 'current', 'rates', 'derivative']

EXPECTED_METHODS = {
    'NeuronType': sorted(
        ['to_string', 'gain_bias', 'gain_bias_float', 'max_rates_intercepts',
         'max_rates_intercepts_float']
        + OPERATIONS
        + [op + '_float' for op in OPERATIONS]
        + [op + '_bytes' for op in OPERATIONS]),
    'LifRate': sorted(['new', 'new_full', 'get_tau_rc', 'set_tau_rc', 'get_tau_ref',
                       'set_tau_ref', 'get_amplitude', 'set_amplitude']),
    'SoftLifRate': sorted(['new', 'new_full', 'get_sigma', 'set_sigma', 'get_epsilon',
                           'set_epsilon']),
}

EXPECTED_PROPERTIES = {
    'NeuronType': [],
    'LifRate': ['amplitude', 'tau-rc', 'tau-ref'],
    'SoftLifRate': ['epsilon', 'sigma'],
}

VFUNCS = ['compute_rates', 'compute_rates_float', 'compute_derivative',
          'compute_derivative_float', 'compute_gain_bias',
          'compute_max_rates_intercepts', 'compute_rates_affine']

# The caller-buffer functions: C and Vala only.
INTO = sorted([op + '_into' for op in OPERATIONS]
              + [op + '_float_into' for op in OPERATIONS]
              + ['gain_bias_into', 'gain_bias_float_into',
                 'max_rates_intercepts_into', 'max_rates_intercepts_float_into'])

# }}}

# What must stay inside {{{

# Names of the internal helpers and types (softlif-private.h,
# softlif-double-double-private.h, softlif-lif-math-private.h and the
# static functions and structs of the sources), with and without prefix.
INTERNAL_NAMES = [
    'gettext', 'softlif_gettext',
    'check_param', 'softlif_check_param', 'param_is_valid', 'softlif_param_is_valid',
    'format_double', 'softlif_format_double',
    'Bound', 'SoftlifBound', 'BOUND_POSITIVE', 'BOUND_NON_NEGATIVE',
    'two_sum', 'fast_two_sum', 'two_prod', 'split',
    'dd_add', 'dd_add_d', 'dd_mul', 'dd_mul_d', 'dd_div', 'dd_div_round',
    'pow2i', 'scale2', 'exp_dd', 'log_dd', 'log1p_dd', 'log1p_core', 'exp2_tab',
    'L_from_j', 'D_from_L', 'lif_rate_of_excess',
    'SoftParams', 'SoftCore', 'soft_core', 'soft_rate', 'soft_derivative',
    'soft_params_init', 'lif_rate', 'lif_derivative',
    'LifRatePrivate', 'SoftlifLifRatePrivate', 'NeuronTypePrivate',
    'SoftLifRatePrivate', 'priv',
    'KernelOp', 'TuningOp', 'PairOp', 'run_kernel', 'step_core', 'step_new',
    'tuning_core', 'tuning_new', 'tuning_bytes', 'tuning_shape', 'pair_core',
    'pair_new', 'bytes_elements', 'dtype_size', 'check_same_length',
    'check_output_length', 'BLOCK', 'Y_CUT',
    'softlif_check_same_length', 'softlif_check_output_length', 'softlif_alloc_values',
    'softlif_dtype_size', 'softlif_check_gain_bias_inputs', 'softlif_check_max_rates_intercepts_inputs',
    'SoftlifTuningOp', 'SoftlifPairOp', 'SoftlifMethod', 'softlif_array_step', 'softlif_array_tuning',
    'softlif_array_pair', 'softlif_neuron_type_check_implements', 'missing_method', 'threshold_current',
    'compute_elementwise', 'tuning_range', 'rates_affine',
    # Function-like macros of softlif-version.h
    'CHECK_VERSION', 'ENCODE_VERSION',
]

# Any name in the typelib that looks like one of those.
INTERNAL_PATTERN = re.compile(
    r'gettext|check_param|param_is_valid|format_double|two_sum|two_prod'
    r'|(^|_)dd_|_dd$|exp_dd|L_from_j|D_from_L|SoftParams|SoftCore|Bound'
    r'|Private|(^|_)priv($|_)|(^|_)kernel|_into$', re.IGNORECASE)

# Symbols that the shared library must not export (-fvisibility=hidden).
INTERNAL_SYMBOLS = ['softlif_gettext', 'softlif_check_param',
                    'softlif_param_is_valid', 'softlif_format_double',
                    'softlif_check_same_length', 'softlif_alloc_values',
                    'softlif_array_step', 'softlif_array_tuning_new', 'softlif_array_pair',
                    'softlif_neuron_type_check_implements']

# }}}

# Helpers {{{




def infos():
    """{name: info} of the namespace in the typelib."""
    result = {}
    for i in range(REPO.get_n_infos(NAMESPACE)):
        info = REPO.get_info(NAMESPACE, i)
        result[info.get_name()] = info
    return result


def object_members(info):
    """(methods, vfuncs, properties, fields) of an object info."""
    gi_ = GIRepository
    methods = [gi_.object_info_get_method(info, i).get_name()
               for i in range(gi_.object_info_get_n_methods(info))]
    vfuncs = [gi_.object_info_get_vfunc(info, i).get_name()
              for i in range(gi_.object_info_get_n_vfuncs(info))]
    props = [gi_.object_info_get_property(info, i).get_name()
             for i in range(gi_.object_info_get_n_properties(info))]
    fields = [gi_.object_info_get_field(info, i).get_name()
              for i in range(gi_.object_info_get_n_fields(info))]
    return methods, vfuncs, props, fields


def all_typelib_names():
    """Every name in the namespace: infos, their methods, virtual methods,
    properties, signals, fields, constants and enum values, and the C
    symbols of all functions; as (where, name) pairs."""
    gi_ = GIRepository
    names = []
    for name, info in infos().items():
        names.append((name, name))
        kind = info.get_type()
        functions = []
        if kind == InfoType.OBJECT:
            methods = [gi_.object_info_get_method(info, i)
                       for i in range(gi_.object_info_get_n_methods(info))]
            functions += methods
            members = object_members(info)
            for group in members:
                names += [('%s.%s' % (name, m), m) for m in group]
            names += [('%s::%s' % (name, gi_.object_info_get_signal(info, i).get_name()),
                       gi_.object_info_get_signal(info, i).get_name())
                      for i in range(gi_.object_info_get_n_signals(info))]
            names += [('%s.%s' % (name, gi_.object_info_get_constant(info, i).get_name()),
                       gi_.object_info_get_constant(info, i).get_name())
                      for i in range(gi_.object_info_get_n_constants(info))]
        elif kind == InfoType.STRUCT:
            names += [('%s.%s' % (name, gi_.struct_info_get_field(info, i).get_name()),
                       gi_.struct_info_get_field(info, i).get_name())
                      for i in range(gi_.struct_info_get_n_fields(info))]
            methods = [gi_.struct_info_get_method(info, i)
                       for i in range(gi_.struct_info_get_n_methods(info))]
            functions += methods
            names += [('%s.%s' % (name, m.get_name()), m.get_name()) for m in methods]
        elif kind == InfoType.ENUM:
            names += [('%s.%s' % (name, gi_.enum_info_get_value(info, i).get_name()),
                       gi_.enum_info_get_value(info, i).get_name())
                      for i in range(gi_.enum_info_get_n_values(info))]
            methods = [gi_.enum_info_get_method(info, i)
                       for i in range(gi_.enum_info_get_n_methods(info))]
            functions += methods
            names += [('%s.%s' % (name, m.get_name()), m.get_name()) for m in methods]
        elif kind == InfoType.FUNCTION:
            functions.append(info)
        for f in functions:
            names.append(('symbol of %s.%s' % (name, f.get_name()),
                          gi_.function_info_get_symbol(f)))
    return names


def gir_path():
    """The GIR next to the typelib (the build tree), or in the build
    directory that make check names; None if neither exists."""
    candidates = [re.sub(r'\.typelib$', '.gir', REPO.get_typelib_path(NAMESPACE) or '')]
    top = os.environ.get('SOFTLIF_TOP_BUILDDIR')
    if top:
        candidates.append(os.path.join(top, 'libsoftlif', 'Softlif-1.0.gir'))
    for path in candidates:
        if path.endswith('.gir') and os.path.exists(path):
            return path
    return None


GIR_NS = {'core': 'http://www.gtk.org/introspection/core/1.0',
          'c': 'http://www.gtk.org/introspection/c/1.0'}

# }}}

# Tests {{{





@test('introspection basically works')
def _():
    neuron = Softlif.SoftLifRate.new()
    check(neuron is not None and neuron.to_string() == 'SoftLifRate()',
          'SoftLifRate.new() gave %r' % neuron)
    diag('typelib %s, library %s' % (REPO.get_typelib_path(NAMESPACE),
                                     REPO.get_shared_library(NAMESPACE)))


@test('the namespace holds exactly the public types, functions and constants')
def _():
    got = {name: info.get_type() for name, info in infos().items()}
    missing = sorted(set(EXPECTED_INFOS) - set(got))
    extra = sorted(set(got) - set(EXPECTED_INFOS))
    check(not missing, 'missing from the typelib: %s' % ', '.join(missing))
    check(not extra, 'unexpected in the typelib: %s' % ', '.join(extra))
    for name, kind in EXPECTED_INFOS.items():
        check(got[name] == kind, '%s is a %s, not a %s' % (name, got[name], kind))


@test('the Python module shows exactly those names')
def _():
    public = {n for n in dir(Softlif) if not n.startswith('_')}
    check(public == set(EXPECTED_INFOS),
          'dir(Softlif) differs: extra %s, missing %s'
          % (sorted(public - set(EXPECTED_INFOS)), sorted(set(EXPECTED_INFOS) - public)))


@test('no internal helper or type is reachable from the module or the classes')
def _():
    owners = [('Softlif', Softlif)] + [
        ('Softlif.' + n, getattr(Softlif, n))
        for n in ('NeuronType', 'LifRate', 'SoftLifRate', 'NeuronTypeClass',
                  'LifRateClass', 'SoftLifRateClass', 'Dtype', 'Error')]
    instances = [('SoftLifRate()', Softlif.SoftLifRate()), ('LifRate()', Softlif.LifRate())]
    for where, owner in owners + instances:
        for name in INTERNAL_NAMES:
            check(not hasattr(owner, name), '%s.%s is visible' % (where, name))
    # Beyond GObject.Object, the classes add only names of the public API.
    base = set(dir(GObject.Object))
    for where, owner in owners[1:4] + instances:
        for name in sorted(set(dir(owner)) - base):
            check(not INTERNAL_PATTERN.search(name), '%s.%s looks internal' % (where, name))


@test('no name or symbol in the typelib looks internal')
def _():
    names = all_typelib_names()
    diag('%d names and symbols in the typelib' % len(names))
    check(len(names) > 50, 'only %d names: the scan found nothing' % len(names))
    for where, name in names:
        check(not INTERNAL_PATTERN.search(name), '%s: %r looks internal' % (where, name))
    for name in INTERNAL_NAMES:
        check(REPO.find_by_name(NAMESPACE, name) is None, '%s is in the typelib' % name)
    symbols = [name for where, name in names if where.startswith('symbol of ')]
    for symbol in symbols:
        check(symbol.startswith('softlif_'), 'symbol %s lacks the softlif_ prefix' % symbol)


@test('the classes have exactly their public methods, properties and fields')
def _():
    table = infos()
    for name, methods in EXPECTED_METHODS.items():
        got_methods, _vfuncs, props, fields = object_members(table[name])
        check(sorted(got_methods) == methods,
              '%s methods differ: extra %s, missing %s'
              % (name, sorted(set(got_methods) - set(methods)),
                 sorted(set(methods) - set(got_methods))))
        check(sorted(props) == EXPECTED_PROPERTIES[name],
              '%s properties: %s' % (name, props))
        # The instance structs hold only the parent; SoftLifRate is final
        # and opaque, LifRate keeps its parameters in private data.
        want_fields = [] if name == 'SoftLifRate' else ['parent_instance']
        check(fields == want_fields, '%s fields: %s' % (name, fields))
        cls = getattr(Softlif, name)
        for m in methods:
            check(callable(getattr(cls, m, None)), 'Softlif.%s.%s is not callable' % (name, m))
    check(GIRepository.object_info_get_abstract(table['NeuronType']), 'NeuronType is not abstract')
    check(GIRepository.object_info_get_final(table['SoftLifRate']), 'SoftLifRate is not final')
    for name in ('NeuronType', 'LifRate', 'SoftLifRate'):
        check(GIRepository.object_info_get_n_signals(table[name]) == 0, '%s has signals' % name)


@test('the enums: Dtype, and Error as the error domain')
def _():
    table = infos()
    values = lambda info: [GIRepository.enum_info_get_value(info, i).get_name()
                           for i in range(GIRepository.enum_info_get_n_values(info))]
    check(values(table['Dtype']) == ['float64', 'float32'], 'Dtype: %s' % values(table['Dtype']))
    check(values(table['Error']) == ['invalid_parameter', 'size_mismatch', 'out_of_range',
                                     'too_large', 'not_implemented'],
          'Error: %s' % values(table['Error']))
    check(GIRepository.enum_info_get_error_domain(table['Error']) == 'softlif-error-quark',
          'Error domain %r' % GIRepository.enum_info_get_error_domain(table['Error']))
    check(GIRepository.enum_info_get_error_domain(table['Dtype']) is None,
          'Dtype is an error domain')


@test('the *_into functions are not introspectable and not callable from Python')
def _():
    info = infos()['NeuronType']
    instance = Softlif.SoftLifRate()
    for name in INTO:
        check(GIRepository.object_info_find_method(info, name) is None,
              'NeuronType.%s is in the typelib' % name)
        check(not hasattr(Softlif.NeuronType, name), 'Softlif.NeuronType.%s exists' % name)
        check(not hasattr(instance, name), 'SoftLifRate().%s exists' % name)
        check(not hasattr(Softlif, 'neuron_type_' + name), 'Softlif.neuron_type_%s exists' % name)
    # They do exist, for C: exported from the library.
    library = ctypes.CDLL(REPO.get_shared_library(NAMESPACE).split(',')[0])
    for name in INTO:
        check(hasattr(library, 'softlif_neuron_type_' + name),
              'softlif_neuron_type_%s is not exported: the check above is void' % name)


@test('the GIR marks exactly the *_into functions and the vfuncs as not introspectable')
def _():
    path = gir_path()
    if path is None:
        raise Skip('no GIR next to the typelib')
    root = ET.parse(path).getroot()
    ns = root.find('core:namespace', GIR_NS)
    hidden = set()
    shown = set()
    for element in ns.iter():
        tag = element.tag.split('}')[1]
        if tag not in ('method', 'constructor', 'function', 'virtual-method',
                       'class', 'record', 'enumeration', 'constant'):
            continue
        name = element.get('name')
        if element.get('introspectable') == '0':
            hidden.add(name)
        elif tag in ('method', 'constructor'):
            shown.add(name)
    hidden -= {'CHECK_VERSION', 'ENCODE_VERSION'}   # function macros
    check(hidden == set(INTO) | set(VFUNCS), 'not introspectable: %s' % sorted(hidden))
    want = set(EXPECTED_METHODS['NeuronType'] + EXPECTED_METHODS['LifRate']
               + EXPECTED_METHODS['SoftLifRate'])
    check(shown == want, 'introspectable methods differ: extra %s, missing %s'
          % (sorted(shown - want), sorted(want - shown)))


@test('the compute_* virtual methods, which fill C buffers, are hidden')
def _():
    info = infos()['NeuronType']
    instance = Softlif.SoftLifRate()
    for name in VFUNCS:
        check(GIRepository.object_info_find_method(info, name) is None,
              '%s is a method' % name)
        check(GIRepository.object_info_find_vfunc(info, name) is None,
              '%s is an introspectable vfunc' % name)
        check(not hasattr(Softlif.NeuronType, name), 'Softlif.NeuronType.%s exists' % name)
        check(not hasattr(instance, name), 'SoftLifRate().%s exists' % name)
        check(not hasattr(Softlif.NeuronType, 'do_' + name),
              'Softlif.NeuronType.do_%s exists' % name)


@test('the private helpers are not exported from the shared library')
def _():
    library = ctypes.CDLL(REPO.get_shared_library(NAMESPACE).split(',')[0])
    check(hasattr(library, 'softlif_soft_lif_rate_new'), 'the public API is not exported')
    for symbol in INTERNAL_SYMBOLS:
        check(not hasattr(library, symbol), '%s is exported' % symbol)

# }}}

# TAP {{{



if __name__ == '__main__':
    sys.exit(tap.main())

# }}}
