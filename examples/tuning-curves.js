// tuning-curves.js: the tuning curves of three soft LIF neurons, from GJS
//
// Prints the same table as tuning-curves.c, tuning-curves.py and
// tuning-curves.vala. Run with:
//
//   GI_TYPELIB_PATH=... LD_LIBRARY_PATH=... gjs tuning-curves.js
//
// SPDX-License-Identifier: LGPL-2.1-or-later

imports.gi.versions.Softlif = '1.0';
const {Softlif} = imports.gi;

// sigma, tau_rc, tau_ref, amplitude, epsilon: nengo_extras' MNIST example
const neuron = Softlif.SoftLifRate.new_full(0.01, 0.022, 0.002, 0.063, 1e-15);

const maxRates = [100.0, 150.0, 200.0];
const intercepts = [-0.5, 0.0, 0.5];
// GJS 1.74 returns the skipped boolean too: [true, gain, bias].
const [gain, bias] = neuron.gain_bias(maxRates, intercepts).slice(-2);

const x = Array.from({length: 21}, (_, i) => -1.0 + 0.1 * i);
const rates = neuron.rates(x, gain, bias);   // row-major, 21 x 3

// toFixed(9) prints what C's "%.9f" prints for these values.
const fixed = values => values.map(v => v.toFixed(9)).join(' ');

print(`# ${neuron.to_string()}`);
print(`# gain ${fixed(gain)}`);
print(`# bias ${fixed(bias)}`);
x.forEach((xi, i) => {
    const row = rates.slice(i * gain.length, (i + 1) * gain.length);
    print(`${xi.toFixed(2)} ${fixed(row)}`);
});
