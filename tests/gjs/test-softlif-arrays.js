// test-softlif-arrays.js: the GJS override, typed arrays in and out
//
// Copyright 2026 The libsoftlif authors
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Runs with plain `gjs FILE` against the build tree, with GJS_PATH naming
// bindings/gjs so that GJS loads the override (as `make check` does), and
// prints TAP. It checks what bindings/gjs/overrides/Softlif.js adds:
// Float64Array and Float32Array in and out of every array method, with the
// original's values and the same bits as the *_bytes methods and as the
// introspected array methods; gain_bias() and max_rates_intercepts() as
// [gain, bias]; and a TypeError naming the argument, where GJS 1.74 alone
// aborts the process.
//
// Two parts run in a child process of this same file: `--raw` prints the
// results of the introspected methods without the override (GJS_PATH
// unset), `--wrong-types` makes every wrongly typed call, so that an abort
// fails one test instead of ending the run.

imports.gi.versions.Softlif = '1.0';
const {Gio, GLib, GObject, Softlif} = imports.gi;
const System = imports.system;

imports.searchPath.unshift(GLib.path_get_dirname(System.programPath));
const {
    test, skip, check, checkEqual, checkClose, checkUlps, checkSameBits, checkThrows,
    checkMessageNames, relClose, repr, bytesOf, run,
} = imports.harness;
const {
    MNIST, PARAM_SETS, makeNeuron, refRate, refRateDerivative, refCurrent, refTuning,
    refGainBias,
} = imports.original;

/* Inputs {{{ */

// Currents around the threshold, both sides of the original's y < 34
// switch for sigma = 0.01 (J = 1.34) included.
const J_VALUES = [
    -3.0, -1.0, 0.0, 0.5, 0.9, 0.99, 1.0, 1.001, 1.01, 1.1, 1.25, 1.3399,
    1.34, 1.3401, 1.5, 2.0, 3.0, 10.0, 35.0, 100.0,
];
const X_VALUES = Array.from({length: 41}, (_, i) => -1.0 + 0.05 * i);
const GAIN = [0.5, 1.5, 2.0, 0.02];
const BIAS = [0.2, -0.5, 1.0, 1.0];

const MAX_RATES = [100.0, 150.0, 200.0, 250.0, 400.0];
const INTERCEPTS = [-0.5, 0.0, 0.5, 0.9, -0.95];
// intercepts 0, 1/3 and -0.2
const PAIR_GAIN = [2.0, 1.5, 10.0];
const PAIR_BIAS = [1.0, 0.5, 3.0];

const F_J = J_VALUES.map(Math.fround);
const F_X = X_VALUES.map(Math.fround);
const F_GAIN = GAIN.map(Math.fround);
const F_BIAS = BIAS.map(Math.fround);

// Every array method of Softlif.NeuronType, called with the inputs above
// made into arrays by @arr: the computations compared bit for bit.
const TUNING = ['current', 'rates', 'derivative'];
const METHODS = [
    {name: 'step', call: (n, arr) => n.step(0.001, arr(J_VALUES))},
    {name: 'step_float', single: true, call: (n, arr) => n.step_float(0.001, arr(J_VALUES))},
    ...TUNING.flatMap(op => [
        {name: op, call: (n, arr) => n[op](arr(X_VALUES), arr(GAIN), arr(BIAS))},
        {
            name: `${op}_float`, single: true,
            call: (n, arr) => n[`${op}_float`](arr(X_VALUES), arr(GAIN), arr(BIAS)),
        },
    ]),
    {name: 'gain_bias', pair: true, call: (n, arr) => n.gain_bias(arr(MAX_RATES), arr(INTERCEPTS))},
    {
        name: 'gain_bias_float', pair: true, single: true,
        call: (n, arr) => n.gain_bias_float(arr(MAX_RATES), arr(INTERCEPTS)),
    },
    {
        name: 'max_rates_intercepts', pair: true,
        call: (n, arr) => n.max_rates_intercepts(arr(PAIR_GAIN), arr(PAIR_BIAS)),
    },
    {
        name: 'max_rates_intercepts_float', pair: true, single: true,
        call: (n, arr) => n.max_rates_intercepts_float(arr(PAIR_GAIN), arr(PAIR_BIAS)),
    },
];

function typeOf(method) {
    return method.single ? Float32Array : Float64Array;
}

// The bytes of a typed array as hex, to carry exact values through JSON.
function hexOf(typed) {
    return Array.from(bytesOf(typed), b => b.toString(16).padStart(2, '0')).join('');
}

function u8(typed) {
    return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

/* }}} */

/* The children {{{ */

// --raw: the introspected methods on Arrays, as GJS converts them, as hex
// keyed by parameter set and method.
function rawChild() {
    const out = {};
    out.overrideLoaded = new Softlif.SoftLifRate().gain_bias([100.0], [0.0]).length === 2;
    for (const [label, p] of PARAM_SETS) {
        const neuron = makeNeuron(p);
        for (const method of METHODS) {
            const Type = typeOf(method);
            const result = method.call(neuron, v => v);
            if (method.pair) {
                // [true, first, second] in GJS 1.74
                const [a, b] = result.slice(-2);
                out[`${label} ${method.name} 0`] = hexOf(new Type(a));
                out[`${label} ${method.name} 1`] = hexOf(new Type(b));
            } else {
                out[`${label} ${method.name}`] = hexOf(new Type(result));
            }
        }
    }
    print(JSON.stringify(out));
}

// The values each array argument is tried with, and whether it must name
// the argument (the index of an element for the Arrays).
const WRONG_ARRAYS = [
    ['true', () => true],
    ['1', () => 1],
    ['a string', () => '0.5'],
    ['null', () => null],
    ['undefined', () => undefined],
    ['an object', () => ({length: 1, 0: 0.5})],
    ['an Array holding a string', () => [0.5, '1']],
    ['an Array holding a BigInt', () => [1n]],
    ['an Array holding true', () => [true]],
    ['an Array with a hole', () => [0.5, , 1.0]],   // eslint-disable-line no-sparse-arrays
    ['a BigInt64Array', () => new BigInt64Array(1)],
    ['a DataView', () => new DataView(new ArrayBuffer(8))],
    ['a GLib.Bytes', () => new GLib.Bytes(new Uint8Array(8))],
    ['a neuron', () => new Softlif.LifRate()],
];

// The argument names of each method, in order; 'dt' is a number.
const ARGUMENTS = {
    step: ['dt', 'J'],
    current: ['x', 'gain', 'bias'],
    rates: ['x', 'gain', 'bias'],
    derivative: ['x', 'gain', 'bias'],
    gain_bias: ['max_rates', 'intercepts'],
    max_rates_intercepts: ['gain', 'bias'],
};

const GOOD = {
    dt: 0.001, J: [1.5], x: [0.5], gain: [2.0], bias: [1.0],
    max_rates: [100.0], intercepts: [0.0],
};

// --wrong-types: prints "case: DESCRIPTION" before each call and then
// "NAME: MESSAGE" of what it threw, or "returned".
function wrongTypesChild() {
    const neuron = new Softlif.SoftLifRate();
    const attempt = (description, func) => {
        print(`case: ${description}`);
        try {
            func();
            print('returned');
        } catch (e) {
            print(`${e.constructor.name}: ${e.message}`);
        }
    };
    for (const [op, names] of Object.entries(ARGUMENTS)) {
        for (const name of [op, `${op}_float`]) {
            for (const [k, argName] of names.entries()) {
                const wrongs = argName === 'dt'
                    ? [['a string', () => '0.001'], ['null', () => null], ['a BigInt', () => 1n],
                        ['undefined', () => undefined]]
                    : WRONG_ARRAYS;
                for (const [what, make] of wrongs) {
                    const args = names.map(a => GOOD[a]);
                    args[k] = make();
                    attempt(`${name} ${argName} ${what}`, () => neuron[name](...args));
                }
                // missing
                const args = names.slice(0, k).map(a => GOOD[a]);
                attempt(`${name} ${argName} missing`, () => neuron[name](...args));
            }
            attempt(`${name} this not-a-neuron`,
                () => Softlif.NeuronType.prototype[name].apply({}, names.map(a => GOOD[a])));
        }
    }
}

// Runs gjs with @args, GJS_PATH and the rest of the environment as they
// are, less the variables named in @unset; returns its output and how it
// ended.
function runGjs(args, unset = []) {
    const launcher = new Gio.SubprocessLauncher({
        flags: Gio.SubprocessFlags.STDOUT_PIPE | Gio.SubprocessFlags.STDERR_PIPE,
    });
    for (const name of unset)
        launcher.unsetenv(name);
    const proc = launcher.spawnv([GLib.getenv('GJS') || 'gjs', ...args]);
    const [, stdout, stderr] = proc.communicate_utf8(null, null);
    return {
        stdout, stderr,
        signal: proc.get_if_signaled() ? proc.get_term_sig() : 0,
        status: proc.get_if_exited() ? proc.get_exit_status() : -1,
    };
}

/* }}} */

/* Checks {{{ */

function checkType(value, Type, what) {
    check(value instanceof Type,
        `${what}: ${value?.constructor?.name ?? value}, expected a ${Type.name}`);
}

function checkPair(result, Type, what) {
    check(Array.isArray(result), `${what}: ${result}, expected an Array of two`);
    checkEqual(result.length, 2, `${what}: length`);
    checkType(result[0], Type, `${what}[0]`);
    checkType(result[1], Type, `${what}[1]`);
    return result;
}

// The result of a GBytes method, viewed as @Type.
function viewOf(bytes, Type) {
    const data = bytes.toArray();
    return new Type(data.buffer, data.byteOffset, data.byteLength / Type.BYTES_PER_ELEMENT);
}

/* }}} */

/* The override is there {{{ */

function overrideLoaded() {
    const neuron = new Softlif.SoftLifRate();
    return neuron.gain_bias([100.0], [0.0]).length === 2 &&
        neuron.step(0.001, new Float64Array([1.5])) instanceof Float64Array;
}

/* }}} */

/* Float64Array {{{ */

for (const [label, p] of PARAM_SETS) {
    test(`Float64Array in, Float64Array out, the original's values (${label})`, () => {
        const neuron = makeNeuron(p);
        const f64 = v => new Float64Array(v);

        const rates = neuron.step(0.001, f64(J_VALUES));
        checkType(rates, Float64Array, 'step');
        checkClose(rates, J_VALUES.map(J => refRate(p, J)), 1e-12, 'step');

        const J = neuron.current(f64(X_VALUES), f64(GAIN), f64(BIAS));
        checkType(J, Float64Array, 'current');
        const expectedJ = refCurrent(X_VALUES, GAIN, BIAS);
        checkEqual(J.length, expectedJ.length, 'current length');
        for (let i = 0; i < J.length; i++)
            checkEqual(J[i], expectedJ[i], `current[${i}]`);

        const tuning = neuron.rates(f64(X_VALUES), f64(GAIN), f64(BIAS));
        checkType(tuning, Float64Array, 'rates');
        checkClose(tuning, refTuning(refRate, p, X_VALUES, GAIN, BIAS), 1e-12, 'rates');

        const deriv = neuron.derivative(f64(X_VALUES), f64(GAIN), f64(BIAS));
        checkType(deriv, Float64Array, 'derivative');
        const expectedDeriv = expectedJ.map((Ji, i) => GAIN[i % GAIN.length] * refRateDerivative(p, Ji));
        checkClose(deriv, expectedDeriv, 1e-10, 'derivative');
    });
}

/* }}} */

/* Float32Array {{{ */

for (const [label, p] of PARAM_SETS) {
    test(`Float32Array in, Float32Array out, in single precision (${label})`, () => {
        const neuron = makeNeuron(p);
        const f32 = v => new Float32Array(v);

        // The double result rounded, within 1 ulp, as for step_float.
        const rates = neuron.step(0.001, f32(F_J));
        checkType(rates, Float32Array, 'step');
        checkUlps(rates, Array.from(neuron.step(0.001, new Float64Array(F_J)), Math.fround), 1, 'step');

        // gain * x + bias in floats
        const J = neuron.current(f32(F_X), f32(F_GAIN), f32(F_BIAS));
        checkType(J, Float32Array, 'current');
        const expectedJ = refCurrent(F_X, F_GAIN, F_BIAS, Math.fround);
        checkEqual(J.length, expectedJ.length, 'current length');
        for (let i = 0; i < J.length; i++)
            checkEqual(J[i], expectedJ[i], `current[${i}]`);

        const doubleRates = neuron.step(1.0, new Float64Array(expectedJ));
        const tuning = neuron.rates(f32(F_X), f32(F_GAIN), f32(F_BIAS));
        checkType(tuning, Float32Array, 'rates');
        checkUlps(tuning, Array.from(doubleRates, Math.fround), 1, 'rates');

        // d rate / d J in double precision, times the gain in single
        const dRate = neuron.derivative(new Float64Array(expectedJ), [1.0], [0.0]);
        const deriv = neuron.derivative(f32(F_X), f32(F_GAIN), f32(F_BIAS));
        checkType(deriv, Float32Array, 'derivative');
        checkUlps(deriv, Array.from(dRate, (d, i) => Math.fround(F_GAIN[i % F_GAIN.length] * d)), 2,
            'derivative');

        // The _float methods compute the same, whatever array they get.
        for (const op of TUNING) {
            const ref = neuron[op](f32(F_X), f32(F_GAIN), f32(F_BIAS));
            const viaFloat = neuron[`${op}_float`](f32(F_X), f32(F_GAIN), f32(F_BIAS));
            checkType(viaFloat, Float32Array, `${op}_float`);
            checkSameBits(viaFloat, ref, `${op}_float(Float32Array)`);
            checkSameBits(neuron[`${op}_float`](new Float64Array(X_VALUES), new Float64Array(GAIN),
                new Float64Array(BIAS)), ref, `${op}_float(Float64Array)`);
        }
        checkSameBits(neuron.step_float(0.001, new Float64Array(J_VALUES)), rates,
            'step_float(Float64Array)');
    });
}

/* }}} */

/* Bit for bit with the other paths {{{ */

for (const [dname, Type] of [['FLOAT64', Float64Array], ['FLOAT32', Float32Array]]) {
    test(`typed arrays give the bits of the *_bytes methods (${dname})`, () => {
        const dtype = Softlif.Dtype[dname];
        const bytes = v => new GLib.Bytes(u8(new Type(v)));
        for (const [label, p] of PARAM_SETS) {
            const neuron = makeNeuron(p);
            checkSameBits(neuron.step(0.001, new Type(J_VALUES)),
                viewOf(neuron.step_bytes(0.001, dtype, bytes(J_VALUES)), Type), `${label} step`);
            for (const op of TUNING) {
                checkSameBits(neuron[op](new Type(X_VALUES), new Type(GAIN), new Type(BIAS)),
                    viewOf(neuron[`${op}_bytes`](dtype, bytes(X_VALUES), bytes(GAIN), bytes(BIAS)), Type),
                    `${label} ${op}`);
            }
        }
    });
}

test('typed arrays give the bits of the introspected array methods (without the override)', () => {
    const child = runGjs([System.programPath, '--raw'], ['GJS_PATH']);
    check(child.signal === 0 && child.status === 0,
        `the child ended with signal ${child.signal}, status ${child.status}: ${child.stderr}`);
    const raw = JSON.parse(child.stdout);
    if (raw.overrideLoaded)
        skip('the override is installed where GJS always finds it');
    let compared = 0;
    for (const [label, p] of PARAM_SETS) {
        const neuron = makeNeuron(p);
        for (const method of METHODS) {
            const Type = typeOf(method);
            const result = method.call(neuron, v => new Float64Array(v));
            const results = method.pair ? checkPair(result, Type, method.name) : [result];
            results.forEach((r, i) => {
                checkType(r, Type, `${label} ${method.name}`);
                const key = method.pair ? `${label} ${method.name} ${i}` : `${label} ${method.name}`;
                check(key in raw, `the child did not compute ${key}`);
                check(hexOf(r) === raw[key], `${key}: ${repr(r)} differs from the introspected method's ` +
                    `${repr(new Type(Uint8Array.from(raw[key].match(/../g) ?? [], h => parseInt(h, 16)).buffer))}`);
                compared++;
            });
        }
    }
    print(`# ${compared} results compared`);
});

test('Arrays in, Arrays out, with the bits of typed arrays', () => {
    const neuron = makeNeuron(MNIST);
    for (const method of METHODS) {
        const Type = typeOf(method);
        const plain = method.call(neuron, v => v.slice());
        const typed = method.call(neuron, v => new Float64Array(v));
        if (method.pair) {
            checkEqual(plain.length, 2, `${method.name} length`);
            for (let i = 0; i < 2; i++) {
                check(Array.isArray(plain[i]), `${method.name}[${i}] is not an Array`);
                checkSameBits(new Type(plain[i]), typed[i], `${method.name}[${i}]`);
            }
        } else {
            check(Array.isArray(plain), `${method.name} returned ${plain?.constructor?.name}, not an Array`);
            checkSameBits(new Type(plain), typed, method.name);
        }
    }
});

test('mixed and other typed arrays compute in double precision', () => {
    const neuron = makeNeuron(MNIST);
    // float values, which every kind of array holds exactly
    const expected = neuron.rates(new Float64Array(F_X), new Float64Array(F_GAIN), new Float64Array(F_BIAS));
    const mixed = [
        ['Float32Array x, Array gain and bias', () => neuron.rates(new Float32Array(F_X), F_GAIN, F_BIAS)],
        ['Float32Array x and gain, Float64Array bias',
            () => neuron.rates(new Float32Array(F_X), new Float32Array(F_GAIN), new Float64Array(F_BIAS))],
        ['Array x, Float32Array gain and bias',
            () => neuron.rates(F_X, new Float32Array(F_GAIN), new Float32Array(F_BIAS))],
    ];
    for (const [what, call] of mixed) {
        const result = call();
        checkType(result, Float64Array, what);
        checkSameBits(result, expected, what);
    }
    // Integers as numpy takes them: converted to float64.
    const ints = Int16Array.from([-3, -1, 0, 1, 2, 5]);
    const viaInts = neuron.step(0.001, ints);
    checkType(viaInts, Float64Array, 'step(Int16Array)');
    checkSameBits(viaInts, neuron.step(0.001, Float64Array.from(ints)), 'step(Int16Array)');
    const viaBytes = neuron.step_float(0.001, Uint8Array.from([0, 1, 2, 200]));
    checkType(viaBytes, Float32Array, 'step_float(Uint8Array)');
    checkSameBits(viaBytes, neuron.step(0.001, Float32Array.from([0, 1, 2, 200])), 'step_float(Uint8Array)');
});

test('views at an offset into a larger buffer', () => {
    const neuron = makeNeuron(MNIST);
    for (const Type of [Float64Array, Float32Array]) {
        // a view that starts one element in: 4 bytes for a Float32Array,
        // not a multiple of 8
        const whole = new Type(X_VALUES.length + 2);
        whole.set(X_VALUES, 1);
        const view = whole.subarray(1, 1 + X_VALUES.length);
        const gain = new Type(GAIN), bias = new Type(BIAS);
        checkSameBits(neuron.rates(view, gain, bias), neuron.rates(new Type(X_VALUES), gain, bias),
            `${Type.name} at byte offset ${view.byteOffset}`);
        checkSameBits(neuron.step(0.001, view), neuron.step(0.001, new Type(X_VALUES)),
            `step, ${Type.name} at byte offset ${view.byteOffset}`);
    }
});

/* }}} */

/* Gain and bias {{{ */

for (const [label, p] of PARAM_SETS) {
    test(`gain_bias and max_rates_intercepts destructure as [gain, bias] (${label})`, () => {
        const neuron = makeNeuron(p);
        const [refGain, refBias] = refGainBias(p, MAX_RATES, INTERCEPTS);

        const [gain, bias] = checkPair(
            neuron.gain_bias(new Float64Array(MAX_RATES), new Float64Array(INTERCEPTS)),
            Float64Array, 'gain_bias');
        checkClose(gain, refGain, 1e-10, 'gain');
        checkClose(bias, refBias, 1e-10, 'bias');
        const [maxRates, intercepts] = checkPair(neuron.max_rates_intercepts(gain, bias),
            Float64Array, 'max_rates_intercepts');
        checkClose(maxRates, MAX_RATES, 1e-10, 'max_rates');
        for (let i = 0; i < INTERCEPTS.length; i++) {
            check(Math.abs(intercepts[i] - INTERCEPTS[i]) <= 1e-10 * Math.max(1, Math.abs(INTERCEPTS[i])),
                `intercepts[${i}]: got ${repr(intercepts[i])}, expected ${repr(INTERCEPTS[i])}`);
        }

        // Arrays as before, without the boolean in front
        const plain = neuron.gain_bias(MAX_RATES, INTERCEPTS);
        checkEqual(plain.length, 2, 'gain_bias(Array, Array) length');
        check(Array.isArray(plain[0]) && Array.isArray(plain[1]), 'gain_bias(Array, Array) gives Arrays');
        checkSameBits(new Float64Array(plain[0]), gain, 'gain from Arrays');

        // Float32Array: computed in double precision from the floats and
        // rounded once, as gain_bias_float does
        const fMaxRates = new Float32Array(MAX_RATES), fIntercepts = new Float32Array(INTERCEPTS);
        const [fGain, fBias] = checkPair(neuron.gain_bias(fMaxRates, fIntercepts), Float32Array,
            'gain_bias(Float32Array)');
        const [dGain, dBias] = neuron.gain_bias(new Float64Array(fMaxRates), new Float64Array(fIntercepts));
        checkSameBits(fGain, Float32Array.from(dGain), 'float gain');
        checkSameBits(fBias, Float32Array.from(dBias), 'float bias');
        const [fRates, fIntercepts2] = checkPair(neuron.max_rates_intercepts(fGain, fBias), Float32Array,
            'max_rates_intercepts(Float32Array)');
        checkClose(fRates, MAX_RATES, 1e-5, 'float max_rates');
        checkEqual(fIntercepts2.length, INTERCEPTS.length, 'float intercepts length');
        checkPair(neuron.gain_bias_float(new Float64Array(MAX_RATES), INTERCEPTS), Float32Array,
            'gain_bias_float(Float64Array, Array)');
    });
}

/* }}} */

/* Results and inputs {{{ */

test('results are new, writable arrays and the inputs are left alone', () => {
    const neuron = makeNeuron(MNIST);
    for (const Type of [Float64Array, Float32Array]) {
        const x = new Type(X_VALUES), gain = new Type(GAIN), bias = new Type(BIAS);
        const before = hexOf(x) + hexOf(gain) + hexOf(bias);
        const first = neuron.rates(x, gain, bias);
        const second = neuron.rates(x, gain, bias);
        checkEqual(hexOf(x) + hexOf(gain) + hexOf(bias), before, `${Type.name} inputs after the calls`);
        check(first.buffer !== second.buffer && first.buffer !== x.buffer,
            `${Type.name}: results share a buffer`);
        const kept = first[0];
        second[0] = 42;
        checkEqual(second[0], 42, `${Type.name}: writing into the result`);
        checkEqual(first[0], kept, `${Type.name}: the other result after the write`);
        checkEqual(neuron.rates(x, gain, bias)[0], kept, `${Type.name}: a third call after the write`);
    }
});

test('empty arrays give empty arrays', () => {
    const neuron = new Softlif.SoftLifRate();
    const none = new Float64Array(0);
    for (const [what, result, Type] of [
        ['step', neuron.step(0.001, none), Float64Array],
        ['step_float', neuron.step_float(0.001, none), Float32Array],
        ['rates with no x', neuron.rates(none, new Float64Array([1.0]), new Float64Array([0.0])), Float64Array],
        ['rates with no neurons', neuron.rates(new Float64Array([0.5]), none, none), Float64Array],
        ['derivative_float', neuron.derivative_float(none, none, none), Float32Array],
    ]) {
        checkType(result, Type, what);
        checkEqual(result.length, 0, `${what} length`);
    }
    const [gain, bias] = checkPair(neuron.gain_bias(none, none), Float64Array, 'gain_bias');
    checkEqual(gain.length + bias.length, 0, 'gain_bias lengths');
    const plain = neuron.step(0.001, []);
    check(Array.isArray(plain) && plain.length === 0, `step([]) gave ${plain}`);
});

test('a million values through rates and step', () => {
    const p = MNIST;
    const neuron = makeNeuron(p);
    const n = 1000000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++)
        x[i] = -1.0 + 3.0 * i / (n - 1);
    const rates = neuron.rates(x, new Float64Array([1.0]), new Float64Array([0.0]));
    checkType(rates, Float64Array, 'rates');
    checkEqual(rates.length, n, 'length');
    for (let i = 0; i < n; i++) {
        const e = refRate(p, x[i]);
        if (!relClose(rates[i], e, 1e-12))
            check(false, `rates[${i}] (x = ${repr(x[i])}): got ${repr(rates[i])}, expected ${repr(e)}`);
    }
    checkSameBits(neuron.step(0.001, x), rates, 'step of the same currents');
    const x32 = new Float32Array(x);
    checkSameBits(neuron.step(0.001, x32),
        viewOf(neuron.step_bytes(0.001, Softlif.Dtype.FLOAT32, u8(x32)), Float32Array), 'float32 step');
});

/* }}} */

/* Errors {{{ */

test('the library\'s errors are still GLib.Error, with their codes and messages', () => {
    const neuron = new Softlif.SoftLifRate();   // tau_ref = 0.002: at most 500 Hz
    for (const Type of [Float64Array, Float32Array]) {
        const t = v => new Type(v);
        for (const op of TUNING) {
            for (const name of [op, `${op}_float`]) {
                const e = checkThrows(() => neuron[name](t([0.0, 0.5]), t([1.0, 2.0]), t([1.0])),
                    Softlif.Error.SIZE_MISMATCH, `${name}(${Type.name})`);
                checkMessageNames(e, 'gain', name);
                checkMessageNames(e, 'bias', name);
            }
        }
        for (const dt of [0, -0.001, NaN]) {
            for (const name of ['step', 'step_float']) {
                const e = checkThrows(() => neuron[name](dt, t([1.5])), Softlif.Error.INVALID_PARAMETER,
                    `${name}(${dt}, ${Type.name})`);
                checkMessageNames(e, 'dt', name);
            }
        }
        for (const name of ['gain_bias', 'gain_bias_float']) {
            let e = checkThrows(() => neuron[name](t([100.0, 600.0]), t([0.0, 0.0])),
                Softlif.Error.OUT_OF_RANGE, `${name}(${Type.name}) 600 Hz`);
            checkMessageNames(e, 'max_rates', name);
            e = checkThrows(() => neuron[name](t([100.0, 200.0]), t([0.0])),
                Softlif.Error.SIZE_MISMATCH, `${name}(${Type.name}) lengths`);
            checkMessageNames(e, 'intercepts', name);
        }
        for (const name of ['max_rates_intercepts', 'max_rates_intercepts_float']) {
            const e = checkThrows(() => neuron[name](t([0.0]), t([1.0])), Softlif.Error.OUT_OF_RANGE,
                `${name}(${Type.name}) gain 0`);
            checkMessageNames(e, 'gain', name);
        }
    }
});

// The class methods fill C buffers, which GJS cannot hand to JavaScript:
// a subclass written in JavaScript has none of them. Every operation that
// needs one throws NOT_IMPLEMENTED (in 1.0 this crashed the process on a
// NULL class method); current() needs none.
const JsRate = GObject.registerClass({GTypeName: 'JsRate'}, class JsRate extends Softlif.NeuronType {});

test('a subclass written in JavaScript throws NOT_IMPLEMENTED, and current() works', () => {
    const neuron = new JsRate();
    for (const Type of [Float64Array, Float32Array]) {
        const t = v => new Type(v);
        const calls = {
            step: () => neuron.step(0.001, t([1.0, 2.0])),
            rates: () => neuron.rates(t([0.0, 1.0]), t([2.0]), t([0.5])),
            derivative: () => neuron.derivative(t([0.0, 1.0]), t([2.0]), t([0.5])),
            gain_bias: () => neuron.gain_bias(t([100.0]), t([0.0])),
            max_rates_intercepts: () => neuron.max_rates_intercepts(t([2.0]), t([0.5])),
        };
        for (const [name, call] of Object.entries(calls)) {
            const e = checkThrows(call, Softlif.Error.NOT_IMPLEMENTED, `${name}(${Type.name})`);
            checkMessageNames(e, 'JsRate', name);
        }
    }
    checkThrows(() => neuron.step_bytes(0.001, Softlif.Dtype.FLOAT64, bytesOf(new Float64Array([1.5]))),
        Softlif.Error.NOT_IMPLEMENTED, 'step_bytes');
    checkSameBits(neuron.current(new Float64Array([0.0, 1.0]), new Float64Array([2.0]),
        new Float64Array([0.5])), new Float64Array([0.5, 2.5]), 'current');
});

test('a wrongly typed argument is a TypeError naming it, and no abort', () => {
    const child = runGjs([System.programPath, '--wrong-types']);
    check(child.signal === 0, `the child was killed by signal ${child.signal} ` +
        `after ${child.stdout.trim().split('\n').slice(-1)[0]}`);
    checkEqual(child.status, 0, 'the exit status of the child');
    checkEqual(child.stderr, '', 'what the child printed on stderr');
    const lines = child.stdout.trim().split('\n');
    let cases = 0;
    for (let i = 0; i < lines.length; i += 2) {
        const m = /^case: (\S+) (\S+) (.*)$/.exec(lines[i]);
        check(m !== null, `unexpected line from the child: ${lines[i]}`);
        const [, method, argName, what] = m;
        const outcome = lines[i + 1] ?? '(nothing)';
        check(outcome.startsWith('TypeError: '), `${method}, ${argName} ${what}: ${outcome}`);
        check(outcome.includes(`Softlif.NeuronType.${method}`),
            `${method}, ${argName} ${what}: the message does not name the method: ${outcome}`);
        if (argName !== 'this')
            checkMessageNames({message: outcome}, argName, `${method}, ${argName} ${what}`);
        cases++;
    }
    check(cases > 400, `only ${cases} cases`);
    print(`# ${cases} calls, each a TypeError`);
});

test('too many or too few arguments are a TypeError, not silently ignored', () => {
    const neuron = new Softlif.SoftLifRate();
    const J = new Float64Array([1.5, 2.0]);
    const out = new Float64Array(2);
    const calls = [
        ['step', () => neuron.step(0.001, J, out)],
        ['step_float', () => neuron.step_float(0.001)],
        ['rates', () => neuron.rates(J, J, J, out)],
        ['derivative', () => neuron.derivative(J, J)],
        ['current_float', () => neuron.current_float(J, J, J, out)],
        ['gain_bias', () => neuron.gain_bias(J, J, out)],
        ['max_rates_intercepts_float', () => neuron.max_rates_intercepts_float(J)],
    ];
    for (const [name, call] of calls) {
        let error = null;
        try {
            call();
        } catch (e) {
            error = e;
        }
        check(error instanceof TypeError, `${name}: ${error}`);
        check(error.message.includes(`Softlif.NeuronType.${name}`), `${name}: ${error.message}`);
    }
    checkEqual(out[0], 0, 'out was written');
});

test('bad parameters throw the library\'s GLib.Error on every path, with no GLib warning', () => {
    const child = runGjs(['-c', `
        imports.gi.versions.Softlif = '1.0';
        const {GLib, Softlif} = imports.gi;
        const n = new Softlif.SoftLifRate({sigma: 0.01, tauRc: 0.022});
        const attempts = [
            ['sigma', () => { n.sigma = -1; }],
            ['tau_rc', () => { n.tauRc = 0; }],
            ['tau_ref', () => { n['tau-ref'] = -1; }],
            ['amplitude', () => n.set_amplitude(Infinity)],
            ['epsilon', () => { n.epsilon = NaN; }],
            ['sigma', () => new Softlif.SoftLifRate({sigma: 0})],
            ['tau_rc', () => new Softlif.LifRate({'tau-rc': -0.02})],
            ['tau_ref', () => { const l = new Softlif.LifRate(); l.tau_ref = -1; }],
        ];
        for (const [name, attempt] of attempts) {
            try {
                attempt();
                print('no error: ' + name);
            } catch (e) {
                print((e instanceof GLib.Error) + ' ' + e.code + ' ' + name + ' ' + e.message);
            }
        }
        n.tau_rc = 1e50;
        n.sigma = 1e-50;
        print(n.to_string());
    `]);
    checkEqual(child.stderr, '', 'stderr');
    const lines = child.stdout.trim().split('\n');
    checkEqual(lines.length, 9, 'lines printed');
    for (const line of lines.slice(0, 8)) {
        const [isError, code, name, ...message] = line.split(' ');
        check(isError === 'true' && Number(code) === Softlif.Error.INVALID_PARAMETER, line);
        check(message.join(' ').includes(`“${name}”`), `${line}: the message does not name ${name}`);
    }
    checkEqual(lines[8], 'SoftLifRate(tau_rc=1e+50, sigma=1e-50)', 'the values kept');
});

test('an ES module gets the override too', () => {
    const dir = GLib.dir_make_tmp('softlif-gjs-XXXXXX');
    const path = GLib.build_filenamev([dir, 'module.js']);
    try {
        GLib.file_set_contents(path, [
            "import Softlif from 'gi://Softlif?version=1.0';",
            'const neuron = new Softlif.SoftLifRate();',
            'const [gain, bias] = neuron.gain_bias(new Float64Array([100]), new Float64Array([0]));',
            'const rates = neuron.rates(new Float32Array([0.5]), new Float32Array(gain), new Float32Array(bias));',
            'print(gain.constructor.name, bias.constructor.name, rates.constructor.name, rates.length);',
        ].join('\n'));
        const child = runGjs(['-m', path]);
        checkEqual(child.stderr, '', 'stderr');
        checkEqual(child.stdout.trim(), 'Float64Array Float64Array Float32Array 1', 'output');
    } finally {
        GLib.unlink(path);
        GLib.rmdir(dir);
    }
});

/* }}} */

/* Run {{{ */

if (ARGV[0] === '--raw') {
    rawChild();
} else if (ARGV[0] === '--wrong-types') {
    wrongTypesChild();
} else if (!overrideLoaded()) {
    print('Bail out! The Softlif override is not loaded: ' +
        'GJS_PATH must name the bindings/gjs directory of the source tree');
    System.exit(1);
} else {
    run();
}

/* }}} */
