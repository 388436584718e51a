// harness.js: a tiny TAP harness and the checks the GJS tests share
//
// Copyright 2026 The libsoftlif authors
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A test script puts its own directory first on imports.searchPath and
// imports this as imports.harness; test() registers a test, run() runs
// them all and prints TAP.

imports.gi.versions.Softlif = '1.0';
const {GLib, Softlif} = imports.gi;
const System = imports.system;

const tests = [];

function test(name, func) {
    tests.push({name, func});
}

var CheckFailed = class CheckFailed extends Error {};

// Thrown by skip(): the test reports ok with a SKIP directive.
var Skipped = class Skipped extends Error {};

function skip(reason) {
    throw new Skipped(reason);
}

function check(cond, what) {
    if (!cond)
        throw new CheckFailed(what);
}

function repr(v) {
    if (typeof v === 'number')
        return Object.is(v, -0) ? '-0' : v.toPrecision(17);
    if (typeof v === 'string')
        return JSON.stringify(v);
    if (v !== null && typeof v === 'object' && typeof v.length === 'number')
        return `[${Array.from(v, repr).join(', ')}]`;
    return String(v);
}

function checkEqual(actual, expected, what) {
    check(Object.is(actual, expected),
        `${what}: got ${repr(actual)}, expected ${repr(expected)}`);
}

// |a - b| <= rtol * max(|a|, |b|); exact equality (including two zeros or
// two infinities) always passes, a NaN never does.
function relClose(a, b, rtol) {
    if (a === b)
        return true;
    return Math.abs(a - b) <= rtol * Math.max(Math.abs(a), Math.abs(b));
}

function checkClose(actual, expected, rtol, what) {
    check(actual.length === expected.length,
        `${what}: length ${actual.length}, expected ${expected.length}`);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) {
        const a = actual[i], e = expected[i];
        check(relClose(a, e, rtol),
            `${what}[${i}]: got ${repr(a)}, expected ${repr(e)} (rtol ${rtol})`);
        if (a !== e)
            worst = Math.max(worst, Math.abs(a - e) / Math.max(Math.abs(a), Math.abs(e)));
    }
    return worst;
}

// The distance in units in the last place between two floats of the same
// sign, from their bit patterns.
const f32Scratch = new Float32Array(2);
const u32Scratch = new Uint32Array(f32Scratch.buffer);
function floatUlps(a, b) {
    f32Scratch[0] = a;
    f32Scratch[1] = b;
    if (f32Scratch[0] === f32Scratch[1])
        return 0;
    if (Math.sign(a) !== Math.sign(b) || Number.isNaN(a) || Number.isNaN(b))
        return Infinity;
    return Math.abs(u32Scratch[0] - u32Scratch[1]);
}

function checkUlps(actual, expected, maxUlps, what) {
    check(actual.length === expected.length,
        `${what}: length ${actual.length}, expected ${expected.length}`);
    for (let i = 0; i < expected.length; i++) {
        check(Math.fround(actual[i]) === actual[i],
            `${what}[${i}]: ${repr(actual[i])} is not a float`);
        const d = floatUlps(actual[i], expected[i]);
        check(d <= maxUlps,
            `${what}[${i}]: got ${repr(actual[i])}, expected ${repr(expected[i])}, ${d} ulp apart (max ${maxUlps})`);
    }
}

// The bytes of a typed array (or of a GBytes' data), for comparing bit for
// bit: NaN payloads and signed zeros included.
function bytesOf(view) {
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function checkSameBits(actual, expected, what) {
    const a = bytesOf(actual), e = bytesOf(expected);
    check(a.length === e.length, `${what}: ${a.length} bytes, expected ${e.length}`);
    for (let i = 0; i < e.length; i++) {
        if (a[i] !== e[i]) {
            const w = actual.BYTES_PER_ELEMENT, k = Math.floor(i / w);
            throw new CheckFailed(`${what}: differs at element ${k}: ` +
                `${repr(actual[k])} vs ${repr(expected[k])}`);
        }
    }
}

// Calls func, which must throw a GLib.Error of the Softlif domain with
// @code; returns the error for further checks.
function checkThrows(func, code, what) {
    let error = null;
    try {
        func();
    } catch (e) {
        error = e;
    }
    check(error !== null, `${what}: did not throw`);
    check(error instanceof GLib.Error, `${what}: threw ${error}, not a GLib.Error`);
    check(error.matches(Softlif.Error, code),
        `${what}: error ${error.domain}:${error.code} (${error.message}), ` +
        `expected ${Softlif.error_quark()}:${code}`);
    return error;
}

// The name as a word of its own, whatever quotes a translation uses.
function checkMessageNames(error, name, what) {
    check(new RegExp(`(^|\\W)${name}(\\W|$)`).test(error.message),
        `${what}: message does not name “${name}”: ${error.message}`);
}

// Runs the tests registered so far and prints TAP; exits with status 1
// if any failed.
function run() {
    print(`1..${tests.length}`);
    let failures = 0;
    tests.forEach(({name, func}, i) => {
        try {
            func();
            print(`ok ${i + 1} - ${name}`);
        } catch (e) {
            if (e instanceof Skipped) {
                print(`ok ${i + 1} - ${name} # SKIP ${e.message}`);
                return;
            }
            failures++;
            print(`not ok ${i + 1} - ${name}`);
            for (const line of String(e instanceof CheckFailed ? e.message : `${e}\n${e.stack}`).split('\n'))
                print(`# ${line}`);
        }
    });

    if (failures > 0) {
        print(`# ${failures} of ${tests.length} tests failed`);
        System.exit(1);
    }
}
