// test-softlif.js: libsoftlif from GJS, against the original's algorithm
//
// Copyright 2026 The libsoftlif authors
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Runs with plain `gjs FILE` against the build tree (GI_TYPELIB_PATH,
// LD_LIBRARY_PATH and GJS_PATH are set by `make check`) and prints TAP.
// It passes Arrays, as a program written for 1.0 does, and holds with the
// override (bindings/gjs/overrides/Softlif.js) as without it;
// test-softlif-arrays.js tests what the override adds.
//
// The reference is the original's algorithm in JavaScript doubles
// (original.js); the library is more accurate than that, so the two agree
// to a relative tolerance rather than bit for bit.

imports.gi.versions.Softlif = '1.0';
const {GLib, Softlif} = imports.gi;
const System = imports.system;

imports.searchPath.unshift(GLib.path_get_dirname(System.programPath));
const {
    test, check, checkEqual, checkClose, checkUlps, checkSameBits, checkThrows,
    checkMessageNames, relClose, repr, bytesOf, run,
} = imports.harness;
const {
    DEFAULTS, MNIST, PARAM_SETS, makeNeuron, refRate, refRateDerivative,
    refCurrent, refTuning, refGainBias,
} = imports.original;

/* Inputs {{{ */

// Currents around the threshold, including both sides of the original's
// y < 34 switch for sigma = 0.01 (J = 1.34).
const J_VALUES = [
    -3.0, -1.0, 0.0, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0, 1.001, 1.01, 1.05,
    1.1, 1.25, 1.3399, 1.34, 1.3401, 1.5, 2.0, 3.0, 5.0, 10.0, 35.0, 100.0,
];

const X_VALUES = Array.from({length: 41}, (_, i) => -1.0 + 0.05 * i);
// The last neuron crosses the threshold slowly (J in [0.98, 1.02]).
const GAIN = [0.5, 1.5, 2.0, 0.02];
const BIAS = [0.2, -0.5, 1.0, 1.0];

const MAX_RATES = [100.0, 150.0, 200.0, 250.0, 400.0];
const INTERCEPTS = [-0.5, 0.0, 0.5, 0.9, -0.95];

// The override returns [gain, bias] from gain_bias() and
// max_rates_intercepts(); without it GJS 1.74 puts the boolean return
// value first although it is annotated (skip), so take the last two.
function outPair(result) {
    check(Array.isArray(result), `out arguments came back as ${result}`);
    if (result.length === 3)
        checkEqual(result[0], true, 'the boolean return value');
    check(result.length === 3 || result.length === 2,
        `${result.length} out values, expected 2 (or 3 with the return value)`);
    return result.slice(-2);
}

/* }}} */

/* Construction and properties {{{ */

function checkParams(neuron, p, what) {
    checkEqual(neuron.sigma, p.sigma, `${what} sigma`);
    checkEqual(neuron.tau_rc, p.tau_rc, `${what} tau_rc`);
    checkEqual(neuron.tau_ref, p.tau_ref, `${what} tau_ref`);
    checkEqual(neuron.amplitude, p.amplitude, `${what} amplitude`);
    checkEqual(neuron.epsilon, p.epsilon, `${what} epsilon`);
}

test('new SoftLifRate() has the defaults of nengo_extras', () => {
    const neuron = new Softlif.SoftLifRate();
    check(neuron instanceof Softlif.SoftLifRate, 'not a SoftLifRate');
    check(neuron instanceof Softlif.LifRate, 'not a LifRate');
    check(neuron instanceof Softlif.NeuronType, 'not a NeuronType');
    checkParams(neuron, DEFAULTS, 'new SoftLifRate()');
    checkParams(Softlif.SoftLifRate.new(), DEFAULTS, 'SoftLifRate.new()');
});

test('new SoftLifRate({sigma: 0.5}) sets sigma only', () => {
    const neuron = new Softlif.SoftLifRate({sigma: 0.5});
    checkParams(neuron, {...DEFAULTS, sigma: 0.5}, '{sigma: 0.5}');
    // Both spellings of a hyphenated property name work in GJS.
    checkParams(new Softlif.SoftLifRate({tau_rc: 0.03}), {...DEFAULTS, tau_rc: 0.03}, '{tau_rc}');
    checkParams(new Softlif.SoftLifRate({tauRef: 0.001}), {...DEFAULTS, tau_ref: 0.001}, '{tauRef}');
});

test('SoftLifRate.new_full() sets all parameters', () => {
    const neuron = makeNeuron(MNIST);
    check(neuron instanceof Softlif.SoftLifRate, 'not a SoftLifRate');
    checkParams(neuron, MNIST, 'new_full');
    checkEqual(neuron.tauRc, MNIST.tau_rc, 'tauRc');
    checkEqual(neuron.tauRef, MNIST.tau_ref, 'tauRef');
    checkEqual(neuron.get_sigma(), MNIST.sigma, 'get_sigma()');
    checkEqual(neuron.get_tau_rc(), MNIST.tau_rc, 'get_tau_rc()');
    checkEqual(neuron.get_tau_ref(), MNIST.tau_ref, 'get_tau_ref()');
    checkEqual(neuron.get_amplitude(), MNIST.amplitude, 'get_amplitude()');
    checkEqual(neuron.get_epsilon(), MNIST.epsilon, 'get_epsilon()');
    // epsilon 0 and tau_ref 0 are allowed
    checkParams(Softlif.SoftLifRate.new_full(0.5, 0.02, 0, 1, 0),
        {sigma: 0.5, tau_rc: 0.02, tau_ref: 0, amplitude: 1, epsilon: 0}, 'zeros');
});

test('setters and property assignment agree with the getters', () => {
    const neuron = new Softlif.SoftLifRate();
    neuron.set_sigma(0.25);
    checkEqual(neuron.sigma, 0.25, 'sigma after set_sigma()');
    neuron.sigma = 0.125;
    checkEqual(neuron.get_sigma(), 0.125, 'get_sigma() after assignment');
    neuron.tau_rc = 0.05;
    checkEqual(neuron.get_tau_rc(), 0.05, 'get_tau_rc()');
    neuron.tauRef = 0.004;
    checkEqual(neuron.get_tau_ref(), 0.004, 'get_tau_ref()');
    neuron.set_amplitude(0.5);
    checkEqual(neuron.amplitude, 0.5, 'amplitude');
    neuron.set_epsilon(0);
    checkEqual(neuron.epsilon, 0, 'epsilon');
    // the new parameters reach the computation
    const p = {sigma: 0.125, tau_rc: 0.05, tau_ref: 0.004, amplitude: 0.5, epsilon: 0};
    checkClose(neuron.step(0.001, J_VALUES), J_VALUES.map(J => refRate(p, J)), 1e-12, 'step');
});

test('notify::sigma is emitted only when sigma changes', () => {
    const neuron = new Softlif.SoftLifRate();
    let sigmaNotes = 0, tauRcNotes = 0;
    neuron.connect('notify::sigma', () => sigmaNotes++);
    neuron.connect('notify::tau-rc', () => tauRcNotes++);
    neuron.sigma = 1.0;
    neuron.set_sigma(1.0);
    checkEqual(sigmaNotes, 0, 'notifications for setting the same sigma');
    neuron.sigma = 0.5;
    checkEqual(sigmaNotes, 1, 'notifications after a change');
    neuron.set_sigma(0.5);
    neuron.sigma = 0.5;
    checkEqual(sigmaNotes, 1, 'notifications after setting it again');
    neuron.set_sigma(2.0);
    checkEqual(sigmaNotes, 2, 'notifications after set_sigma()');
    neuron.epsilon = 0;
    neuron.tau_rc = 0.02;
    checkEqual(sigmaNotes, 2, 'sigma notifications for other properties');
    checkEqual(tauRcNotes, 0, 'tau-rc notifications for the same tau_rc');
    neuron.tau_rc = 0.03;
    checkEqual(tauRcNotes, 1, 'tau-rc notifications after a change');
});

/* }}} */

/* Agreement with the original, double precision {{{ */

for (const [label, p] of PARAM_SETS) {
    test(`step agrees with the original (${label})`, () => {
        const neuron = makeNeuron(p);
        const rates = neuron.step(0.001, J_VALUES);
        check(Array.isArray(rates), `step returned ${rates}`);
        const worst = checkClose(rates, J_VALUES.map(J => refRate(p, J)), 1e-12, 'step');
        print(`# largest relative difference ${worst.toExponential(2)}`);
        // a typed array goes in as well as an Array
        checkClose(neuron.step(0.001, new Float64Array(J_VALUES)), rates, 0, 'step(Float64Array)');
        checkEqual(neuron.step(0.001, []).length, 0, 'length of step([])');
    });

    test(`current is gain * x + bias in doubles (${label})`, () => {
        const neuron = makeNeuron(p);
        const J = neuron.current(X_VALUES, GAIN, BIAS);
        const expected = refCurrent(X_VALUES, GAIN, BIAS);
        check(J.length === X_VALUES.length * GAIN.length, `length ${J.length}`);
        for (let i = 0; i < expected.length; i++)
            checkEqual(J[i], expected[i], `current[${i}]`);
    });

    test(`rates agree with the original (${label})`, () => {
        const neuron = makeNeuron(p);
        const rates = neuron.rates(X_VALUES, GAIN, BIAS);
        checkClose(rates, refTuning(refRate, p, X_VALUES, GAIN, BIAS), 1e-12, 'rates');
        // row-major: row s is step() of the currents of sample s
        const s = 7, n = GAIN.length;
        const row = neuron.step(1.0, refCurrent([X_VALUES[s]], GAIN, BIAS));
        checkClose(rates.slice(s * n, (s + 1) * n), row, 0, `row ${s}`);
    });

    test(`derivative agrees with the analytic derivative (${label})`, () => {
        const neuron = makeNeuron(p);
        const deriv = neuron.derivative(X_VALUES, GAIN, BIAS);
        const J = refCurrent(X_VALUES, GAIN, BIAS);
        const expected = J.map((Ji, i) => GAIN[i % GAIN.length] * refRateDerivative(p, Ji));
        const worst = checkClose(deriv, expected, 1e-10, 'derivative');
        print(`# largest relative difference ${worst.toExponential(2)}`);
        check(deriv.some(v => v > 1), 'no derivative above 1: the inputs miss the threshold');
    });
}

/* }}} */

/* Single precision {{{ */

// The float functions take and return floats (JS numbers that are exactly
// representable in single precision); the currents are computed in single
// precision, as numpy does for float32 arrays.
const F_J = J_VALUES.map(Math.fround);
const F_X = X_VALUES.map(Math.fround);
const F_GAIN = GAIN.map(Math.fround);
const F_BIAS = BIAS.map(Math.fround);

for (const [label, p] of PARAM_SETS) {
    test(`step_float is the double result rounded, within 1 ulp (${label})`, () => {
        const neuron = makeNeuron(p);
        const expected = neuron.step(0.001, F_J).map(Math.fround);
        checkUlps(neuron.step_float(0.001, F_J), expected, 1, 'step_float');
    });

    test(`current_float is gain * x + bias in floats (${label})`, () => {
        const neuron = makeNeuron(p);
        const J = neuron.current_float(F_X, F_GAIN, F_BIAS);
        const expected = refCurrent(F_X, F_GAIN, F_BIAS, Math.fround);
        check(J.length === expected.length, `length ${J.length}`);
        for (let i = 0; i < expected.length; i++)
            checkEqual(J[i], expected[i], `current_float[${i}]`);
    });

    test(`rates_float is the double result rounded, within 1 ulp (${label})`, () => {
        const neuron = makeNeuron(p);
        const J = refCurrent(F_X, F_GAIN, F_BIAS, Math.fround);
        const expected = neuron.step(1.0, J).map(Math.fround);
        checkUlps(neuron.rates_float(F_X, F_GAIN, F_BIAS), expected, 1, 'rates_float');
    });

    test(`derivative_float is the double result rounded (${label})`, () => {
        const neuron = makeNeuron(p);
        const J = refCurrent(F_X, F_GAIN, F_BIAS, Math.fround);
        // d rate / d J itself: gain 1, bias 0 leave J unchanged
        const dRate = neuron.derivative(J, [1.0], [0.0]);
        checkUlps(neuron.derivative_float(J, [1.0], [0.0]), dRate.map(Math.fround), 1,
            'derivative_float (gain 1)');
        // times the gain, rounded once more in single precision
        const expected = dRate.map((d, i) => Math.fround(F_GAIN[i % F_GAIN.length] * d));
        checkUlps(neuron.derivative_float(F_X, F_GAIN, F_BIAS), expected, 2, 'derivative_float');
    });
}

/* }}} */

/* GBytes {{{ */

// Typed array -> GBytes through a Uint8Array view of its buffer, and back.
function toBytes(typed) {
    return new GLib.Bytes(bytesOf(typed));
}

function fromBytes(bytes, TypedArray) {
    const data = bytes.get_data();
    // (no ${data} here: GJS 1.74 decodes a Uint8Array from C as UTF-8 in
    // toString())
    check(data instanceof Uint8Array, 'get_data() did not return a Uint8Array');
    check(data.length % TypedArray.BYTES_PER_ELEMENT === 0, `${data.length} bytes`);
    // copy into a fresh, aligned buffer
    return new TypedArray(new Uint8Array(data).buffer);
}

const DTYPES = [
    ['FLOAT64', Float64Array, '', J_VALUES, X_VALUES, GAIN, BIAS],
    ['FLOAT32', Float32Array, '_float', F_J, F_X, F_GAIN, F_BIAS],
];

for (const [dname, TypedArray, suffix, Jv, Xv, Gv, Bv] of DTYPES) {
    const dtype = Softlif.Dtype[dname];

    test(`step_bytes equals step${suffix} bit for bit (${dname})`, () => {
        const neuron = makeNeuron(MNIST);
        const out = neuron.step_bytes(0.001, dtype, toBytes(new TypedArray(Jv)));
        check(out instanceof GLib.Bytes, `step_bytes returned ${out}`);
        checkEqual(out.get_size(), Jv.length * TypedArray.BYTES_PER_ELEMENT, 'size');
        const plain = new TypedArray(neuron[`step${suffix}`](0.001, Jv));
        checkSameBits(fromBytes(out, TypedArray), plain, 'get_data()');
        // toArray() gives the same bytes
        checkSameBits(new TypedArray(out.toArray().slice().buffer), plain, 'toArray()');
        // GLib.Bytes.new() works as well as the constructor
        const out2 = neuron.step_bytes(0.001, dtype, GLib.Bytes.new(bytesOf(new TypedArray(Jv))));
        checkSameBits(fromBytes(out2, TypedArray), plain, 'via GLib.Bytes.new()');
    });

    for (const op of ['current', 'rates', 'derivative']) {
        test(`${op}_bytes equals ${op}${suffix} bit for bit (${dname})`, () => {
            for (const [label, p] of PARAM_SETS) {
                const neuron = makeNeuron(p);
                const out = neuron[`${op}_bytes`](dtype, toBytes(new TypedArray(Xv)),
                    toBytes(new TypedArray(Gv)), toBytes(new TypedArray(Bv)));
                const plain = new TypedArray(neuron[`${op}${suffix}`](Xv, Gv, Bv));
                checkEqual(plain.length, Xv.length * Gv.length, `${label} length`);
                checkSameBits(fromBytes(out, TypedArray), plain, label);
            }
        });
    }

    test(`unaligned data gives identical results (${dname})`, () => {
        const neuron = makeNeuron(MNIST);
        const w = TypedArray.BYTES_PER_ELEMENT;
        // The values at byte offset 1 of a larger buffer.
        const shifted = (values) => {
            const u8 = new Uint8Array(values.length * w + 1);
            u8.set(bytesOf(new TypedArray(values)), 1);
            return u8;
        };
        const aligned = (values) => toBytes(new TypedArray(values));
        // A GBytes made from a view at offset 1; GJS copies the view, so
        // also a sub-GBytes that really points at an odd address.
        const viaView = (values) => new GLib.Bytes(shifted(values).subarray(1));
        const viaSlice = (values) => {
            const whole = new GLib.Bytes(shifted(values));
            return whole.new_from_bytes(1, values.length * w);
        };

        for (const make of [viaView, viaSlice]) {
            const what = make === viaView ? 'view at offset 1' : 'b.new_from_bytes(1, n)';
            checkSameBits(
                fromBytes(neuron.step_bytes(0.001, dtype, make(Jv)), TypedArray),
                fromBytes(neuron.step_bytes(0.001, dtype, aligned(Jv)), TypedArray),
                `step_bytes, ${what}`);
            for (const op of ['current', 'rates', 'derivative']) {
                checkSameBits(
                    fromBytes(neuron[`${op}_bytes`](dtype, make(Xv), make(Gv), make(Bv)), TypedArray),
                    fromBytes(neuron[`${op}_bytes`](dtype, aligned(Xv), aligned(Gv), aligned(Bv)), TypedArray),
                    `${op}_bytes, ${what}`);
            }
        }
    });

    test(`a size that is not whole values is SIZE_MISMATCH, naming the argument (${dname})`, () => {
        const neuron = new Softlif.SoftLifRate();
        const w = TypedArray.BYTES_PER_ELEMENT;
        const good = toBytes(new TypedArray([0.5, 1.0, 1.5]));
        const bad = new GLib.Bytes(new Uint8Array(3 * w + 1));
        let e = checkThrows(() => neuron.step_bytes(0.001, dtype, bad),
            Softlif.Error.SIZE_MISMATCH, 'step_bytes');
        checkMessageNames(e, 'J', 'step_bytes');
        check(e.message.includes(String(3 * w + 1)), `message lacks the size: ${e.message}`);
        check(e.domain === Softlif.error_quark() && e.code === Softlif.Error.SIZE_MISMATCH,
            `domain/code ${e.domain}/${e.code}`);
        for (const op of ['current', 'rates', 'derivative']) {
            const f = neuron[`${op}_bytes`].bind(neuron);
            e = checkThrows(() => f(dtype, bad, good, good), Softlif.Error.SIZE_MISMATCH, `${op}_bytes x`);
            checkMessageNames(e, 'x', `${op}_bytes`);
            e = checkThrows(() => f(dtype, good, bad, good), Softlif.Error.SIZE_MISMATCH, `${op}_bytes gain`);
            checkMessageNames(e, 'gain', `${op}_bytes`);
            e = checkThrows(() => f(dtype, good, good, bad), Softlif.Error.SIZE_MISMATCH, `${op}_bytes bias`);
            checkMessageNames(e, 'bias', `${op}_bytes`);
            // whole values, but gain and bias of different lengths
            const short = toBytes(new TypedArray([0.5, 1.0]));
            e = checkThrows(() => f(dtype, good, good, short), Softlif.Error.SIZE_MISMATCH,
                `${op}_bytes gain/bias`);
            checkMessageNames(e, 'gain', `${op}_bytes`);
            checkMessageNames(e, 'bias', `${op}_bytes`);
        }
    });
}

test('FLOAT32 data read as FLOAT64 is a different computation', () => {
    // Guards the comparisons above against a dtype that is ignored.
    const neuron = new Softlif.SoftLifRate();
    const data = toBytes(new Float32Array([0.5, 1.0, 1.5, 2.0]));
    const as32 = neuron.step_bytes(0.001, Softlif.Dtype.FLOAT32, data);
    const as64 = neuron.step_bytes(0.001, Softlif.Dtype.FLOAT64, data);
    checkEqual(as32.get_size(), 16, 'FLOAT32 result size');
    checkEqual(as64.get_size(), 16, 'FLOAT64 result size');
    checkClose(fromBytes(as32, Float32Array), neuron.step(0.001, [0.5, 1.0, 1.5, 2.0]), 1e-6, 'FLOAT32');
});

test('a million float64 values through rates_bytes', () => {
    const p = MNIST;
    const neuron = makeNeuron(p);
    const n = 1000000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++)
        x[i] = -1.0 + 3.0 * i / (n - 1);
    const out = neuron.rates_bytes(Softlif.Dtype.FLOAT64, toBytes(x),
        toBytes(new Float64Array([1.0])), toBytes(new Float64Array([0.0])));
    checkEqual(out.get_size(), 8 * n, 'size');
    const rates = fromBytes(out, Float64Array);
    for (let i = 0; i < n; i++) {
        const e = refRate(p, x[i]);
        if (!relClose(rates[i], e, 1e-12))
            check(false, `rates[${i}] (x = ${repr(x[i])}): got ${repr(rates[i])}, expected ${repr(e)}`);
    }
    const stepped = fromBytes(neuron.step_bytes(0.001, Softlif.Dtype.FLOAT64, toBytes(x)), Float64Array);
    checkSameBits(stepped, rates, 'step_bytes of the same currents');
});

/* }}} */

/* Errors {{{ */

test('new_full rejects invalid parameters with INVALID_PARAMETER', () => {
    const code = Softlif.Error.INVALID_PARAMETER;
    let e = checkThrows(() => Softlif.SoftLifRate.new_full(-1, 0.02, 0.002, 1, 1e-15), code, 'sigma -1');
    checkMessageNames(e, 'sigma', 'sigma -1');
    check(e.message.includes('-1.0'), `message lacks the value: ${e.message}`);
    e = checkThrows(() => Softlif.SoftLifRate.new_full(0, 0.02, 0.002, 1, 1e-15), code, 'sigma 0');
    checkMessageNames(e, 'sigma', 'sigma 0');
    e = checkThrows(() => Softlif.SoftLifRate.new_full(NaN, 0.02, 0.002, 1, 1e-15), code, 'sigma NaN');
    checkMessageNames(e, 'sigma', 'sigma NaN');
    e = checkThrows(() => Softlif.SoftLifRate.new_full(1, 0, 0.002, 1, 1e-15), code, 'tau_rc 0');
    checkMessageNames(e, 'tau_rc', 'tau_rc 0');
    e = checkThrows(() => Softlif.SoftLifRate.new_full(1, 0.02, -0.001, 1, 1e-15), code, 'tau_ref < 0');
    checkMessageNames(e, 'tau_ref', 'tau_ref < 0');
    e = checkThrows(() => Softlif.SoftLifRate.new_full(1, 0.02, 0.002, Infinity, 1e-15), code, 'amplitude inf');
    checkMessageNames(e, 'amplitude', 'amplitude inf');
    e = checkThrows(() => Softlif.SoftLifRate.new_full(1, 0.02, 0.002, 1, -1e-15), code, 'epsilon < 0');
    checkMessageNames(e, 'epsilon', 'epsilon < 0');
});

test('dt <= 0 is INVALID_PARAMETER', () => {
    const neuron = new Softlif.SoftLifRate();
    const code = Softlif.Error.INVALID_PARAMETER;
    for (const dt of [0, -0.001, NaN]) {
        let e = checkThrows(() => neuron.step(dt, [1.5]), code, `step dt ${dt}`);
        checkMessageNames(e, 'dt', `step dt ${dt}`);
        e = checkThrows(() => neuron.step_float(dt, [1.5]), code, `step_float dt ${dt}`);
        checkMessageNames(e, 'dt', `step_float dt ${dt}`);
        e = checkThrows(() => neuron.step_bytes(dt, Softlif.Dtype.FLOAT64, toBytes(new Float64Array([1.5]))),
            code, `step_bytes dt ${dt}`);
        checkMessageNames(e, 'dt', `step_bytes dt ${dt}`);
    }
});

test('gain and bias of different lengths are SIZE_MISMATCH', () => {
    const neuron = new Softlif.SoftLifRate();
    const code = Softlif.Error.SIZE_MISMATCH;
    for (const op of ['current', 'rates', 'derivative', 'current_float', 'rates_float', 'derivative_float']) {
        const e = checkThrows(() => neuron[op]([0.0, 0.5], [1.0, 2.0], [1.0]), code, op);
        checkMessageNames(e, 'gain', op);
        checkMessageNames(e, 'bias', op);
    }
    let e = checkThrows(() => neuron.gain_bias([100.0, 200.0], [0.0]), code, 'gain_bias');
    checkMessageNames(e, 'max_rates', 'gain_bias');
    checkMessageNames(e, 'intercepts', 'gain_bias');
    e = checkThrows(() => neuron.max_rates_intercepts([1.0], [1.0, 2.0]), code, 'max_rates_intercepts');
    checkMessageNames(e, 'gain', 'max_rates_intercepts');
});

test('a maximum rate of 1/tau_ref or more is OUT_OF_RANGE', () => {
    const neuron = new Softlif.SoftLifRate();   // tau_ref = 0.002: limit 500 Hz
    const code = Softlif.Error.OUT_OF_RANGE;
    for (const r of [500.0, 600.0]) {
        const e = checkThrows(() => neuron.gain_bias([100.0, r], [0.0, 0.0]), code, `max rate ${r}`);
        checkMessageNames(e, 'max_rates', `max rate ${r}`);
    }
    // just below the limit is fine
    const [gain] = outPair(neuron.gain_bias([499.0], [0.0]));
    check(gain[0] > 0, `gain ${gain[0]} for 499 Hz`);
    for (const r of [0.0, -10.0, Infinity])
        checkThrows(() => neuron.gain_bias([r], [0.0]), code, `max rate ${r}`);
    let e = checkThrows(() => neuron.gain_bias([100.0], [1.0]), code, 'intercept 1');
    checkMessageNames(e, 'intercepts', 'intercept 1');
    e = checkThrows(() => neuron.max_rates_intercepts([0.0], [1.0]), code, 'gain 0');
    checkMessageNames(e, 'gain', 'gain 0');
});

/* }}} */

/* Gain and bias {{{ */

for (const [label, p] of PARAM_SETS) {
    test(`gain_bias matches nengo and max_rates_intercepts inverts it (${label})`, () => {
        const neuron = makeNeuron(p);
        const [gain, bias] = outPair(neuron.gain_bias(MAX_RATES, INTERCEPTS));
        check(Array.isArray(gain) && Array.isArray(bias), 'gain and bias are not arrays');
        const [refGain, refBias] = refGainBias(p, MAX_RATES, INTERCEPTS);
        checkClose(gain, refGain, 1e-10, 'gain');
        checkClose(bias, refBias, 1e-10, 'bias');
        const [maxRates, intercepts] = outPair(neuron.max_rates_intercepts(gain, bias));
        checkClose(maxRates, MAX_RATES, 1e-10, 'max_rates');
        // intercepts near 0 make a relative comparison meaningless
        for (let i = 0; i < INTERCEPTS.length; i++) {
            check(Math.abs(intercepts[i] - INTERCEPTS[i]) <= 1e-10 * Math.max(1, Math.abs(INTERCEPTS[i])),
                `intercepts[${i}]: got ${repr(intercepts[i])}, expected ${repr(INTERCEPTS[i])}`);
        }
        // The single precision forms compute in double precision from the
        // float inputs and round once.
        const fMaxRates = MAX_RATES.map(Math.fround), fIntercepts = INTERCEPTS.map(Math.fround);
        const [dGain, dBias] = outPair(neuron.gain_bias(fMaxRates, fIntercepts));
        const [fGain, fBias] = outPair(neuron.gain_bias_float(fMaxRates, fIntercepts));
        checkUlps(fGain, dGain.map(Math.fround), 0, 'gain_bias_float gain');
        checkUlps(fBias, dBias.map(Math.fround), 0, 'gain_bias_float bias');
        const [dRates, dIntercepts] = outPair(neuron.max_rates_intercepts(fGain, fBias));
        const [fRates, fIntercepts2] = outPair(neuron.max_rates_intercepts_float(fGain, fBias));
        checkUlps(fRates, dRates.map(Math.fround), 0, 'max_rates_intercepts_float max_rates');
        checkUlps(fIntercepts2, dIntercepts.map(Math.fround), 0, 'max_rates_intercepts_float intercepts');
        checkClose(fRates, MAX_RATES, 1e-5, 'max_rates_intercepts_float round trip');
    });
}

test('gain_bias of no neurons is two empty arrays', () => {
    const [gain, bias] = outPair(new Softlif.SoftLifRate().gain_bias([], []));
    checkEqual(gain.length, 0, 'gain length');
    checkEqual(bias.length, 0, 'bias length');
});

/* }}} */

/* to_string {{{ */

test('to_string spells exactly the changed parameters', () => {
    const cases = [
        [new Softlif.SoftLifRate(), 'SoftLifRate()'],
        [new Softlif.SoftLifRate({sigma: 0.5}), 'SoftLifRate(sigma=0.5)'],
        [makeNeuron(MNIST), 'SoftLifRate(tau_rc=0.022, amplitude=0.063, sigma=0.01)'],
        [Softlif.SoftLifRate.new_full(1.0, 0.02, 0.0, 2.0, 0.0),
            'SoftLifRate(tau_ref=0.0, amplitude=2.0, epsilon=0.0)'],
        [new Softlif.SoftLifRate({sigma: 1e-5, amplitude: 1e16}),
            'SoftLifRate(amplitude=1e+16, sigma=1e-05)'],
        [new Softlif.SoftLifRate({sigma: 0.1 + 0.2, tau_rc: 1234.5}),
            'SoftLifRate(tau_rc=1234.5, sigma=0.30000000000000004)'],
        [new Softlif.LifRate(), 'LifRate()'],
        [Softlif.LifRate.new_full(0.022, 0.002, 0.063), 'LifRate(tau_rc=0.022, amplitude=0.063)'],
    ];
    for (const [neuron, expected] of cases)
        checkEqual(neuron.to_string(), expected, 'to_string()');
});

// "Name(k=v, ...)" -> a new neuron
function parseNeuron(text) {
    const m = /^(\w+)\((.*)\)$/.exec(text);
    check(m !== null, `cannot parse ${text}`);
    const props = {};
    if (m[2] !== '') {
        for (const item of m[2].split(', ')) {
            const [key, value] = item.split('=');
            props[key] = Number(value);
            check(!Number.isNaN(props[key]), `cannot parse ${item}`);
        }
    }
    check(m[1] in Softlif, `no class ${m[1]}`);
    return new Softlif[m[1]](props);
}

test('to_string reads back to an equal neuron', () => {
    const neurons = [
        new Softlif.SoftLifRate(),
        makeNeuron(MNIST),
        Softlif.SoftLifRate.new_full(Math.PI / 7, 1 / 3, 0.0, 2 / 3, 0.0),
        Softlif.SoftLifRate.new_full(1e-50, 123456789.123, 5e-324, 1e-200, 1e50),
        Softlif.LifRate.new_full(0.1 + 0.2, 0.003, 0.7),
    ];
    for (const neuron of neurons) {
        const text = neuron.to_string();
        const copy = parseNeuron(text);
        checkEqual(copy.constructor.name, neuron.constructor.name, `class of ${text}`);
        for (const name of ['tau_rc', 'tau_ref', 'amplitude'])
            checkEqual(copy[name], neuron[name], `${name} of ${text}`);
        if (neuron instanceof Softlif.SoftLifRate) {
            checkEqual(copy.sigma, neuron.sigma, `sigma of ${text}`);
            checkEqual(copy.epsilon, neuron.epsilon, `epsilon of ${text}`);
        }
        checkEqual(copy.to_string(), text, 'to_string() of the copy');
    }
});

/* }}} */

/* Run {{{ */

run();

/* }}} */
