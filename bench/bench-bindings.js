// Times Softlif's rates from GJS on a Float64Array: prints the median ns
// per element. Usage: gjs bench-bindings.js N RUNS [PATH], where PATH is
//
//   bytes  (the default) rates_bytes on GLib.Bytes made from Uint8Array
//          views of the Float64Arrays, the result viewed in place as a
//          Float64Array (GLib.Bytes.toArray())
//   typed  neuron.rates() on the Float64Arrays themselves, a Float64Array
//          back: the override (bindings/gjs/overrides/Softlif.js, found
//          through GJS_PATH in the build tree), which must be loaded
imports.gi.versions.Softlif = '1.0';
const {GLib, Softlif} = imports.gi;
const System = imports.system;

const n = Number(ARGV[0] || 1e6);
const runs = Number(ARGV[1] || 7);
const path = ARGV[2] || 'bytes';
const neuron = Softlif.SoftLifRate.new_full(0.01, 0.022, 0.002, 0.063, 1e-15);
const x = new Float64Array(n);
for (let i = 0; i < n; i++)
    x[i] = -1 + 2 * ((i * 7919) % n) / n;
const gain = new Float64Array([3.0]);
const bias = new Float64Array([0.5]);
const bytesOf = a => new GLib.Bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

const paths = {
    bytes() {
        const bytes = neuron.rates_bytes(Softlif.Dtype.FLOAT64, bytesOf(x), bytesOf(gain), bytesOf(bias));
        const data = bytes.toArray();
        return new Float64Array(data.buffer, data.byteOffset, data.byteLength / 8);
    },
    typed() {
        return neuron.rates(x, gain, bias);
    },
};
if (!(path in paths)) {
    printerr(`bench-bindings.js: unknown path “${path}” (bytes or typed)`);
    System.exit(2);
}
// Without the override, rates() would convert each element and return an
// Array: not the path this is meant to measure.
if (path === 'typed' && !(neuron.rates(x.subarray(0, 1), gain, bias) instanceof Float64Array)) {
    printerr('bench-bindings.js: the Softlif override is not loaded (set GJS_PATH)');
    System.exit(1);
}

const times = [];
let out = null;
for (let r = 0; r < runs; r++) {
    const t0 = GLib.get_monotonic_time();
    out = paths[path]();
    times.push((GLib.get_monotonic_time() - t0) * 1000 / n);
}
if (out.length !== n)
    throw new Error(`expected ${n} rates, got ${out.length}`);
times.sort((a, b) => a - b);
print(times[Math.floor(runs / 2)].toFixed(3));
