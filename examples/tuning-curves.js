// tuning-curves.js: the tuning curves of three soft LIF neurons, from GJS
//
// Prints the same table as tuning-curves.c, tuning-curves.py and
// tuning-curves.vala. Run with:
//
//   GI_TYPELIB_PATH=... LD_LIBRARY_PATH=... GJS_PATH=.../bindings/gjs gjs tuning-curves.js
//
// GJS_PATH is for a build tree only: installed, the library's GJS override
// sits in $(datadir)/gjs-1.0/overrides, where GJS finds it. The override
// gives gain_bias() its [gain, bias] and rates() its Float64Array.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

imports.gi.versions.Softlif = '1.0';
const {Softlif} = imports.gi;

// sigma, tau_rc, tau_ref, amplitude, epsilon: nengo_extras' MNIST example
const neuron = Softlif.SoftLifRate.new_full(0.01, 0.022, 0.002, 0.063, 1e-15);

const maxRates = new Float64Array([100.0, 150.0, 200.0]);
const intercepts = new Float64Array([-0.5, 0.0, 0.5]);
const [gain, bias] = neuron.gain_bias(maxRates, intercepts);

const x = Float64Array.from({length: 21}, (_, i) => -1.0 + 0.1 * i);
const rates = neuron.rates(x, gain, bias);   // a Float64Array, row-major, 21 x 3

// toFixed(9) prints what C's "%.9f" prints for these values.
const fixed = values => Array.from(values, v => v.toFixed(9)).join(' ');

print(`# ${neuron.to_string()}`);
print(`# gain ${fixed(gain)}`);
print(`# bias ${fixed(bias)}`);
x.forEach((xi, i) => {
    const row = rates.subarray(i * gain.length, (i + 1) * gain.length);
    print(`${xi.toFixed(2)} ${fixed(row)}`);
});
