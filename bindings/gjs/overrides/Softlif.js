// Softlif.js: the GJS override of libsoftlif
//
// Copyright 2026 The libsoftlif authors
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// GJS runs _init() below when a program first imports Softlif, from a
// script (imports.gi.Softlif) or an ES module ('gi://Softlif'). It finds
// this file in the overrides/ directory of any gjs-1.0 directory on its
// search path: $(datadir)/gjs-1.0 once installed, GJS_PATH in the build
// tree.
//
// The neuron types' array methods then take Float64Array and Float32Array
// (and Arrays of numbers, as before) and return the same kind of array;
// gain_bias() and max_rates_intercepts() return [gain, bias]. The values
// cross through the *_bytes methods, one copy in and one out, and never
// through the introspected methods that return an array:
//
// - GJS converts a gdouble array one element at a time, in and out;
// - GJS 1.74 aborts the process ("free(): invalid pointer") when it fails
//   to convert any argument of a function that returns a C array with a
//   length: on that failure path it frees the return value, which was
//   never set (docs/reference/gjs.md). A *_bytes method returns a GBytes,
//   which that path leaves alone, and every argument is checked here
//   before the call, so a wrong one is a TypeError.

// GLib's own override gives GLib.Bytes the toArray() that fromBytes() uses.
const {GLib, GObject} = imports.gi;  // eslint-disable-line no-unused-vars

// What an array argument is: an Array of numbers, one of the two typed
// arrays the library computes on, or another numeric typed array.
const PLAIN = 'plain';
const FLOAT64 = 'float64';
const FLOAT32 = 'float32';
const OTHER_TYPED = 'other';

function typeName(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'object' || typeof value === 'function')
        return value.constructor?.name ?? 'Object';
    return typeof value;
}

function named(name, func) {
    Object.defineProperty(func, 'name', {value: name});
    return func;
}

// The kind of @value, or a TypeError naming the argument. Any element of
// an Array that is not a number is an error too: GJS would have made NaN
// of a string and 1 of true.
function arrayKind(value, where, name) {
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
            if (typeof value[i] !== 'number') {
                throw new TypeError(`${where}: “${name}”[${i}] must be a number, ` +
                    `not ${typeName(value[i])}`);
            }
        }
        return PLAIN;
    }
    if (value instanceof Float64Array)
        return FLOAT64;
    if (value instanceof Float32Array)
        return FLOAT32;
    if (ArrayBuffer.isView(value) && !(value instanceof DataView) &&
        !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array))
        return OTHER_TYPED;
    throw new TypeError(`${where}: “${name}” must be an Array of numbers or a typed array, ` +
        `not ${typeName(value)}`);
}

// A call with more arguments than the method takes is a mistake (nengo's
// step(dt, J, output) would otherwise leave output untouched, silently).
function checkArity(args, names, where) {
    if (args.length < names.length)
        throw new TypeError(`${where}: “${names[args.length]}” is missing`);
    if (args.length > names.length) {
        throw new TypeError(`${where}: takes ${names.length} arguments, not ${args.length} ` +
            '(the result is returned: there is no output argument)');
    }
}

function checkNumber(value, where, name) {
    if (typeof value !== 'number')
        throw new TypeError(`${where}: “${name}” must be a number, not ${typeName(value)}`);
}

// The bytes of @value as values of @Type, for a GBytes argument: a view of
// its own memory when it is a @Type already, of a converted copy otherwise.
// GJS copies the view into a new GBytes.
function bytesOf(value, Type) {
    const typed = value instanceof Type ? value : new Type(value);
    return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

// The values of a GBytes that the library returned, as a new @Type, or an
// Array when @plain. toArray() is a view of the GBytes' own memory
// (allocated by g_malloc(), so aligned); the result is a copy in memory of
// the JS engine's. Returning the view would save that copy, but the
// garbage collector does not count memory it does not own: a loop of large
// calls would grow without bound before a collection freed any of it.
function fromBytes(bytes, Type, plain) {
    const data = bytes.toArray();
    const view = new Type(data.buffer, data.byteOffset,
        data.byteLength / Type.BYTES_PER_ELEMENT);
    return plain ? Array.from(view) : view.slice();
}

function _init() {
    const Softlif = this;
    const NeuronType = Softlif.NeuronType;
    const proto = NeuronType.prototype;

    // The introspected methods this override calls, before it replaces
    // any of them.
    const introspected = {};
    for (const name of ['step_bytes', 'current_bytes', 'rates_bytes', 'derivative_bytes',
        'gain_bias', 'gain_bias_float', 'max_rates_intercepts', 'max_rates_intercepts_float'])
        introspected[name] = proto[name];

    function checkInstance(self, where) {
        if (!(self instanceof NeuronType))
            throw new TypeError(`${where}: called on ${typeName(self)}, not a Softlif.NeuronType`);
    }

    // Single precision for the _float methods and for Float32Array
    // arguments only; double precision otherwise, as numpy computes.
    function precision(single, kinds) {
        const f32 = single || kinds.every(k => k === FLOAT32);
        return f32
            ? {dtype: Softlif.Dtype.FLOAT32, Type: Float32Array}
            : {dtype: Softlif.Dtype.FLOAT64, Type: Float64Array};
    }

    // step(dt, J), step_float(dt, J)
    for (const single of [false, true]) {
        const name = single ? 'step_float' : 'step';
        const where = `Softlif.NeuronType.${name}`;
        proto[name] = named(name, function (dt, J) {
            checkInstance(this, where);
            checkArity(arguments, ['dt', 'J'], where);
            checkNumber(dt, where, 'dt');
            const kind = arrayKind(J, where, 'J');
            const {dtype, Type} = precision(single, [kind]);
            const out = introspected.step_bytes.call(this, dt, dtype, bytesOf(J, Type));
            return fromBytes(out, Type, kind === PLAIN);
        });
    }

    // current, rates, derivative (x, gain, bias), and their _float forms
    for (const op of ['current', 'rates', 'derivative']) {
        for (const single of [false, true]) {
            const name = single ? `${op}_float` : op;
            const where = `Softlif.NeuronType.${name}`;
            const bytesMethod = introspected[`${op}_bytes`];
            proto[name] = named(name, function (x, gain, bias) {
                checkInstance(this, where);
                checkArity(arguments, ['x', 'gain', 'bias'], where);
                const kinds = [
                    arrayKind(x, where, 'x'),
                    arrayKind(gain, where, 'gain'),
                    arrayKind(bias, where, 'bias'),
                ];
                const {dtype, Type} = precision(single, kinds);
                const out = bytesMethod.call(this, dtype, bytesOf(x, Type),
                    bytesOf(gain, Type), bytesOf(bias, Type));
                return fromBytes(out, Type, kinds.every(k => k === PLAIN));
            });
        }
    }

    // gain_bias(max_rates, intercepts), max_rates_intercepts(gain, bias)
    // and their _float forms return [first, second]. GJS 1.74 puts the
    // boolean return value first although it is annotated (skip)
    // (https://gitlab.gnome.org/GNOME/gjs/-/issues/59); a GJS that skips
    // it returns the pair alone, so take the last two.
    const pairs = [
        ['gain_bias', 'max_rates', 'intercepts'],
        ['max_rates_intercepts', 'gain', 'bias'],
    ];
    for (const [op, firstName, secondName] of pairs) {
        for (const single of [false, true]) {
            const name = single ? `${op}_float` : op;
            const where = `Softlif.NeuronType.${name}`;
            proto[name] = named(name, function (first, second) {
                checkInstance(this, where);
                checkArity(arguments, [firstName, secondName], where);
                const kinds = [
                    arrayKind(first, where, firstName),
                    arrayKind(second, where, secondName),
                ];
                const {dtype, Type} = precision(single, kinds);
                // The arrays are as long as the number of neurons: GJS
                // converts them, from Arrays or typed arrays alike.
                const method = dtype === Softlif.Dtype.FLOAT32
                    ? introspected[`${op}_float`] : introspected[op];
                const [a, b] = method.call(this, first, second).slice(-2);
                if (kinds.every(k => k === PLAIN))
                    return [a, b];
                return [Type.from(a), Type.from(b)];
            });
        }
    }

    // Parameters: a bad value would reach GObject, which prints a warning
    // (or the setter a critical) and keeps the old value. It is checked
    // first, with the full set it would make, by the library's new_full(),
    // which throws its GLib.Error: INVALID_PARAMETER, naming the parameter
    // and the value, translated.
    const parameterSets = [
        [Softlif.LifRate, ['tau_rc', 'tau_ref', 'amplitude'],
            p => Softlif.LifRate.new_full(p.tau_rc, p.tau_ref, p.amplitude)],
        [Softlif.SoftLifRate, ['sigma', 'tau_rc', 'tau_ref', 'amplitude', 'epsilon'],
            p => Softlif.SoftLifRate.new_full(p.sigma, p.tau_rc, p.tau_ref, p.amplitude, p.epsilon)],
    ];
    const snake = key => key.replace(/-/g, '_').replace(/[A-Z]/g, c => `_${c.toLowerCase()}`);
    const camel = name => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

    for (const [Class, names, check] of parameterSets) {
        const classProto = Class.prototype;
        const current = self => Object.fromEntries(names.map(n => [n, self[n]]));
        // Checks @changes ({snake_name: value}) against the rest of @base.
        const checkChanges = (base, changes) => check(Object.assign(base, changes));

        const init = classProto._init;
        classProto._init = function (props = {}) {
            const changes = {};
            for (const [key, value] of Object.entries(props ?? {})) {
                if (names.includes(snake(key)))
                    changes[snake(key)] = value;
            }
            if (Object.keys(changes).length > 0) {
                const defaults = Object.fromEntries(names.map(n =>
                    [n, GObject.Object.find_property.call(Class, n.replace(/_/g, '-')).get_default_value()]));
                checkChanges(defaults, changes);
            }
            return init.call(this, props);
        };

        for (const name of names) {
            const setter = classProto[`set_${name}`];
            const checkedSet = function (value) {
                checkChanges(current(this), {[name]: value});
                setter.call(this, value);
            };
            classProto[`set_${name}`] = named(`set_${name}`, checkedSet);
            // n.tau_rc, n.tauRc and n['tau-rc'] alike ("in" makes GJS
            // define the accessors it defines on first use)
            for (const key of new Set([name, camel(name), name.replace(/_/g, '-')])) {
                if (!(key in classProto))
                    continue;
                const descriptor = Object.getOwnPropertyDescriptor(classProto, key) ??
                    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(classProto), key);
                if (!descriptor?.get)
                    continue;
                Object.defineProperty(classProto, key, {
                    get: descriptor.get,
                    set: checkedSet,
                    configurable: true,
                    enumerable: descriptor.enumerable,
                });
            }
        }
    }
}
