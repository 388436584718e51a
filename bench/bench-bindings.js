// Times Softlif's rates_bytes from GJS on a Float64Array: prints the median
// ns per element. Usage: gjs bench-bindings.js N RUNS
imports.gi.versions.Softlif = '1.0';
const {GLib, Softlif} = imports.gi;

const n = Number(ARGV[0] || 1e6);
const runs = Number(ARGV[1] || 7);
const neuron = Softlif.SoftLifRate.new_full(0.01, 0.022, 0.002, 0.063, 1e-15);
const x = new Float64Array(n);
for (let i = 0; i < n; i++)
    x[i] = -1 + 2 * ((i * 7919) % n) / n;
const gain = new Float64Array([3.0]);
const bias = new Float64Array([0.5]);
const bytesOf = a => new GLib.Bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

const times = [];
let out = null;
for (let r = 0; r < runs; r++) {
    const t0 = GLib.get_monotonic_time();
    const bytes = neuron.rates_bytes(Softlif.Dtype.FLOAT64, bytesOf(x), bytesOf(gain), bytesOf(bias));
    const data = bytes.toArray();
    out = new Float64Array(data.buffer, data.byteOffset, data.byteLength / 8);
    times.push((GLib.get_monotonic_time() - t0) * 1000 / n);
}
if (out.length !== n)
    throw new Error(`expected ${n} rates, got ${out.length}`);
times.sort((a, b) => a - b);
print(times[Math.floor(runs / 2)].toFixed(3));
