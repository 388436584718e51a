// original.js: the original's algorithm, element by element, for the GJS
// tests
//
// Copyright 2026 The libsoftlif authors
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A re-implementation of nengo_extras' SoftLIFRate
// (reference/seed-softlifrate.py) and nengo's LIFRate.gain_bias in
// JavaScript doubles, as numpy evaluates them; the library is more
// accurate than that, so the two agree to a relative tolerance rather than
// bit for bit. Imported as imports.original.

imports.gi.versions.Softlif = '1.0';
const {Softlif} = imports.gi;

var DEFAULTS = {sigma: 1.0, tau_rc: 0.02, tau_ref: 0.002, amplitude: 1.0, epsilon: 1e-15};
// nengo_extras' Keras MNIST example
var MNIST = {sigma: 0.01, tau_rc: 0.022, tau_ref: 0.002, amplitude: 0.063, epsilon: 1e-15};
var PARAM_SETS = [['defaults', DEFAULTS], ['MNIST', MNIST]];

function makeNeuron(p) {
    return Softlif.SoftLifRate.new_full(p.sigma, p.tau_rc, p.tau_ref, p.amplitude, p.epsilon);
}

// step_math, element by element
function refExcess(p, J) {
    let x = J - 1;
    const y = x / p.sigma;
    if (y < 34)
        x = p.sigma * Math.log1p(Math.exp(y));
    return x + p.epsilon;
}

function refRate(p, J) {
    const x = refExcess(p, J);
    return p.amplitude / (p.tau_ref + p.tau_rc * Math.log1p(1 / x));
}

// d rate / d J = A tau_rc sigmoid(y) / (D^2 j (1 + j))
function refRateDerivative(p, J) {
    const y = (J - 1) / p.sigma;
    const sigmoid = y < 0 ? Math.exp(y) / (1 + Math.exp(y)) : 1 / (1 + Math.exp(-y));
    const j = refExcess(p, J);
    const D = p.tau_ref + p.tau_rc * Math.log1p(1 / j);
    return p.amplitude * p.tau_rc * sigmoid / (D * D * j * (1 + j));
}

// rates: J = gain * x, then J += bias, n_samples x n_neurons row-major
function refCurrent(x, gain, bias, round = v => v) {
    const J = [];
    for (const xs of x) {
        for (let k = 0; k < gain.length; k++)
            J.push(round(round(gain[k] * xs) + bias[k]));
    }
    return J;
}

function refTuning(func, p, x, gain, bias) {
    return refCurrent(x, gain, bias).map(J => func(p, J));
}

// nengo's LIFRate.gain_bias and max_rates_intercepts
function refGainBias(p, maxRates, intercepts) {
    const gain = [], bias = [];
    for (let i = 0; i < maxRates.length; i++) {
        const x = 1 / (1 - Math.exp((p.tau_ref - 1 / maxRates[i]) / p.tau_rc));
        gain.push((1 - x) / (intercepts[i] - 1));
        bias.push(1 - gain[i] * intercepts[i]);
    }
    return [gain, bias];
}

