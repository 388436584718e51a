#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""tuning-curves: the tuning curves of a small soft LIF population.

Three neurons with the parameters of the nengo_extras Keras MNIST
example, given by their maximum rates and intercepts, as nengo specifies
an ensemble. Prints gain and bias, then the rate of each neuron for x
from -1 to 1.

tuning-curves.c, tuning-curves.js and tuning-curves.vala print the same
bytes; tests/examples-agree.sh checks that they do. Run it against the
build tree with

    GI_TYPELIB_PATH=_build/libsoftlif \\
    LD_LIBRARY_PATH=_build/libsoftlif/.libs python3 examples/tuning-curves.py
"""

import sys

import gi

gi.require_version('Softlif', '1.0')
from gi.repository import GLib, Softlif  # noqa: E402

N_X = 21


def main():
    max_rates = [100.0, 150.0, 200.0]
    intercepts = [-0.5, 0.0, 0.5]

    try:
        # sigma, tau_rc, tau_ref, amplitude, epsilon
        neuron = Softlif.SoftLifRate.new_full(0.01, 0.022, 0.002, 0.063, 1e-15)
        gain, bias = neuron.gain_bias(max_rates, intercepts)
        x = [-1.0 + 0.1 * i for i in range(N_X)]
        # One row per x, one column per neuron.
        rates = neuron.rates(x, gain, bias)
    except GLib.Error as e:
        print("tuning-curves: %s" % e.message, file=sys.stderr)
        return 1

    n = len(gain)
    print("# " + neuron.to_string())
    print("# gain " + " ".join("%.9f" % g for g in gain))
    print("# bias " + " ".join("%.9f" % b for b in bias))
    for i, xi in enumerate(x):
        row = rates[i * n:(i + 1) * n]
        print("%.2f" % xi + "".join(" %.9f" % r for r in row))
    return 0


if __name__ == '__main__':
    sys.exit(main())
