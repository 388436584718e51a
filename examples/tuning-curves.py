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

    GI_TYPELIB_PATH=_build/libsoftlif LD_LIBRARY_PATH=_build/libsoftlif/.libs \\
    PYTHONPATH=_build/bindings/python python3 examples/tuning-curves.py

(PYTHONPATH finds the override gi/overrides/Softlif.py, which an
installed libsoftlif puts where PyGObject looks.)
"""

import sys

import gi

gi.require_version('Softlif', '1.0')
from gi.repository import Softlif  # noqa: E402

import numpy as np  # noqa: E402

N_X = 21


def main():
    try:
        neuron = Softlif.SoftLifRate(sigma=0.01, tau_rc=0.022, tau_ref=0.002, amplitude=0.063)
        gain, bias = neuron.gain_bias([100.0, 150.0, 200.0], [-0.5, 0.0, 0.5])
        x = -1.0 + 0.1 * np.arange(N_X)
        # One row per x, one column per neuron.
        rates = neuron.rates(x, gain, bias)
    except Softlif.ValidationError as e:
        print("tuning-curves: %s" % e, file=sys.stderr)
        return 1

    print("# %r" % neuron)
    print("# gain " + " ".join("%.9f" % g for g in gain))
    print("# bias " + " ".join("%.9f" % b for b in bias))
    for xi, row in zip(x, rates):
        print("%.2f" % xi + "".join(" %.9f" % r for r in row))
    return 0


if __name__ == '__main__':
    sys.exit(main())
