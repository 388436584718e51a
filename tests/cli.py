#!/usr/bin/env python3
# The softlif command-line tool in every mode, format and error, its
# numbers checked against the library (through softlif-eval, which calls
# it directly), and its messages in German and French. Prints TAP.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

CLI = os.path.join(os.environ["SOFTLIF_TOP_BUILDDIR"], "tools", "softlif")
EVAL = os.environ["SOFTLIF_EVAL"]
LOCALEDIR = os.path.join(os.environ["SOFTLIF_TOP_BUILDDIR"], "tests", "locale")

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print("%s %d - %s" % ("ok" if ok else "not ok", len(results), name))
    if not ok and detail:
        for line in str(detail).splitlines():
            print("# " + line)


def run(args, stdin="", env=None):
    e = dict(os.environ)
    e.pop("LANGUAGE", None)
    e["LC_ALL"] = "C.UTF-8"
    if env:
        e.update(env)
    p = subprocess.run([CLI] + args, input=stdin, capture_output=True, text=True, env=e)
    return p.returncode, p.stdout, p.stderr


def library(op, xs, gain=1.0, bias=0.0, params=()):
    """The library's values for x (rates or derivative)."""
    text = "%d %s\n1 %r\n%r\n" % (len(xs), " ".join(repr(x) for x in xs), gain, bias)
    p = subprocess.run([EVAL, "--op=" + op] + list(params), input=text, capture_output=True,
                       text=True, check=True)
    return [float(v) for v in p.stdout.split()]


def same(got, want):
    return len(got) == len(want) and all(g == w or (g != g and w != w) for g, w in zip(got, want))


def linspace(a, b, n):
    return [b if k == n - 1 else a + (b - a) * (k / (n - 1)) for k in range(n)]


MNIST = ["--sigma=0.01", "--tau-rc=0.022", "--tau-ref=0.002", "--amplitude=0.063"]

# Tuning curves {{{
xs = linspace(-1.0, 2.0, 31)
status, out, err = run(["--from=-1", "--to=2", "--points=31", "--derivative", "--gain=3",
                        "--bias=0.5", "--format=csv"] + MNIST)
rows = [line.split(",") for line in out.splitlines()]
check("curve: CSV has a header and one row per point", status == 0 and err == "" and
      rows[0] == ["x", "rate", "derivative"] and len(rows) == 32, out + err)
check("curve: x runs evenly from --from to --to, both ends exact",
      same([float(r[0]) for r in rows[1:]], xs))
check("curve: the rates are the library's, bit for bit",
      same([float(r[1]) for r in rows[1:]], library("rates", xs, 3.0, 0.5, MNIST)))
check("curve: the derivatives are the library's, bit for bit",
      same([float(r[2]) for r in rows[1:]], library("derivative", xs, 3.0, 0.5, MNIST)))

status, out, err = run(["--from=0", "--to=3", "--points=7", "--model=lif-rate"])
lines = out.splitlines()
widths = {len(line) for line in lines}
check("curve: the table is aligned, with a heading", status == 0 and len(lines) == 8 and
      len(widths) == 1 and "rate (Hz)" in lines[0], out + err)
check("curve: LIF rate table values are the library's",
      same([float(line.split()[1]) for line in lines[1:]],
           library("rates", linspace(0, 3, 7), params=["--type=lif"])))

status, out, err = run(["--to=2", "--points=5", "--format=json", "-d"])
doc = json.loads(out) if status == 0 else {}
check("curve: JSON holds the model, gain, bias and the columns",
      doc.get("model") == "SoftLifRate()" and doc.get("gain") == 1 and doc.get("bias") == 0 and
      same(doc.get("x", []), linspace(0, 2, 5)) and
      same(doc.get("rate", []), library("rates", linspace(0, 2, 5))) and
      same(doc.get("derivative", []), library("derivative", linspace(0, 2, 5))), out + err)

status, out, err = run(["--from=-2", "--to=2", "--points=50", "--format=svg", "--derivative"])
try:
    svg = ET.fromstring(out)
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in svg.iter(ns + "text")]
    lines = svg.findall(ns + "polyline")
    npts = [len(p.get("points").split()) for p in lines]
    ok = (status == 0 and "firing rate (Hz)" in texts and
          any(t.startswith("x (input") for t in texts) and
          any("d rate / dx" in t for t in texts) and npts == [50, 50])
except ET.ParseError as e:
    ok, texts, npts = False, str(e), []
check("curve: SVG is well formed, with labelled axes and both curves", ok, (texts, npts))
# }}}

# Standard input {{{
values = [-1e6, -3.5, 0.0, 0.999, 1.0, 1.5, 2.0, 1e3, 1e300]
status, out, err = run(["--format=csv", "--gain=2", "--bias=-0.25"],
                       stdin="\n".join("  %r " % v for v in values) + "\n")
rows = [line.split(",") for line in out.splitlines()]
check("stdin: one CSV row per line, in order", status == 0 and len(rows) == len(values) + 1 and
      same([float(r[0]) for r in rows[1:]], values), out + err)
check("stdin: the rates are the library's",
      same([float(r[1]) for r in rows[1:]], library("rates", values, 2.0, -0.25)))

n = 20000
big = "\n".join(repr(-2.0 + 4.0 * k / n) for k in range(n)) + "\n"
status, out, err = run(["--format=csv"], stdin=big)
got = [float(line.split(",")[1]) for line in out.splitlines()[1:]]
check("stdin: %d lines stream through in blocks" % n,
      status == 0 and same(got, library("rates", [-2.0 + 4.0 * k / n for k in range(n)])), err)

status, out, err = run(["--format=csv"], stdin="1.5\n2\nfoo\n3\n")
check("stdin: a bad line stops with status 1, naming the line",
      status == 1 and err.strip() == "softlif: line 3: “foo” is not a number", err)
rows = [line.split(",") for line in out.splitlines()]
check("stdin: the lines before the bad one are written, nothing after",
      rows[0] == ["x,rate"][0].split(",") and [r[0] for r in rows[1:]] == ["1.5", "2"] and
      same([float(r[1]) for r in rows[1:]], library("rates", [1.5, 2.0])), out)
status, out, err = run(["--format=json"], stdin="1\n\n2\n")
check("stdin: JSON writes nothing when a line is bad (an empty one here)",
      status == 1 and out == "" and "line 2" in err, out + err)
status, out, err = run(["--format=json"], stdin="nan\ninf\n1.5\n")
doc = json.loads(out) if status == 0 else {}
check("stdin: NaN and infinities are written as null in JSON",
      doc.get("x", [None])[0:2] == [None, None] and doc.get("rate", [0])[0] is None and
      doc["rate"][1] == 500.0, out + err)
# }}}

# Edge cases {{{
def run_t(args, stdin=""):
    try:
        return run(args, stdin)
    except subprocess.TimeoutExpired:
        return None, "", "timeout"

status, out, err = run(["--from=1", "--to=1.0000000000000002", "-n", "3", "-f", "svg"])
check("svg: a span lost in x's rounding still ends", status == 0 and out.rstrip().endswith("</svg>"), err)
status, out, err = run(["--amplitude=1.7e305", "--tau-ref=0.00095", "--to=1e15", "-n", "3", "-f", "svg"])
check("svg: rates near the largest double still end", status == 0 and out.rstrip().endswith("</svg>"), err)
status, out, err = run(["--from=-1e308", "--to=1e308", "-n", "3", "-f", "csv"])
xs_ = [float(r.split(",")[0]) for r in out.splitlines()[1:]]
check("curve: a range wider than the largest double has no NaN", status == 0 and xs_ == [-1e308, 0.0, 1e308], out)
status, out, err = run(["--max-rate-intercept=1e-300:1e300", "-f", "json"])
check("max-rate-intercept: JSON stays valid with an infinite intercept",
      status == 0 and json.loads(out).get("intercept", 0) is None, out + err)
status, out, err = run(["-f", "csv"], stdin="1\0abc\n")
check("stdin: a line with a NUL byte is refused", status == 1 and "line 1" in err, err)
if os.path.exists("/dev/full"):
    e = dict(os.environ)
    e["LC_ALL"] = "C.UTF-8"
    with open("/dev/full", "w") as full:
        p = subprocess.run([CLI, "--gain-bias=200:-0.5"], stdout=full, stderr=subprocess.PIPE, text=True, env=e)
    check("a full disk is an error (status 1)", p.returncode == 1 and "could not write" in p.stderr, p.stderr)
# }}}

# gain and bias {{{
status, out, err = run(["--gain-bias=200:-0.5", "--model=lif-rate"])
g = float(out.split()[2]) if status == 0 else 0.0
b = float(out.split()[5]) if status == 0 else 0.0
check("gain-bias: gives a neuron that fires at 200 Hz at x = 1",
      status == 0 and abs(library("rates", [1.0], g, b, ["--type=lif"])[0] - 200.0) < 1e-9 and
      abs(g * -0.5 + b - 1.0) < 1e-12, out + err)
status, out, err = run(["--max-rate-intercept=%r:%r" % (g, b), "--model=lif-rate", "--format=json"])
doc = json.loads(out) if status == 0 else {}
check("max-rate-intercept: the inverse, in JSON",
      abs(doc.get("max_rate", 0) - 200.0) < 1e-9 and abs(doc.get("intercept", 0) + 0.5) < 1e-12,
      out + err)
# }}}

# Errors {{{
for args, stdin, want in [
    (["--bogus"], "", "Unknown option --bogus"),
    (["--sigma=abc", "--from=0"], "", "--sigma: “abc” is not a number"),
    (["--sigma=-1", "--from=0"], "", "“sigma”"),
    (["--tau-ref=-0.5", "--to=1"], "", "“tau_ref”"),
    (["--points=1"], "", "--points"),
    (["--model=izhikevich"], "", "izhikevich"),
    (["--format=png", "--to=1"], "", "png"),
    (["--gain-bias=200"], "", "MAX_RATE:INTERCEPT"),
    (["--gain-bias=200:2"], "", "intercept"),
    (["--gain=inf", "--to=1"], "", "finite"),
    (["extra", "--to=1"], "", "extra"),
]:
    status, out, err = run(args, stdin)
    check("error %s: status 2, one line on stderr, nothing on stdout" % " ".join(args),
          status == 2 and out == "" and len(err.splitlines()) == 1 and want in err, (status, out, err))
# }}}

# --help, --version and German {{{
status, out, err = run(["--version"])
check("--version", status == 0 and out.startswith("softlif 1.") and err == "", out + err)
status, out, err = run(["--help"])
check("--help lists the options", status == 0 and "--gain-bias=MAX_RATE:INTERCEPT" in out and
      "--tau-rc=SECONDS" in out, out)

# C.UTF-8 is built into glibc and gettext honours LANGUAGE in it, so no
# locale has to be generated; the catalogues are the build tree's.
for lang, words in [("de", ("Zeitkonstante", "Ungültiger Wert", "Zeile 2", "Rate (Hz)")),
                    ("fr", ("Constante de temps", "Valeur invalide", "ligne 2", "taux (Hz)"))]:
    env = {"LANGUAGE": lang, "SOFTLIF_LOCALEDIR": LOCALEDIR}
    if not os.path.isfile(os.path.join(LOCALEDIR, lang, "LC_MESSAGES", "softlif-1.0.mo")):
        for _ in range(4):
            results.append(True)
            print("ok %d # SKIP no %s catalogue in %s" % (len(results), lang, LOCALEDIR))
        continue
    status, out, err = run(["--help"], env=env)
    check("%s: --help is translated" % lang, status == 0 and words[0] in out, out)
    status, out, err = run(["--sigma=-1", "--to=1"], env=env)
    check("%s: a parameter error from the library" % lang, status == 2 and words[1] in err, err)
    status, out, err = run([], stdin="1\nx\n", env=env)
    check("%s: a bad input line" % lang, status == 1 and words[2] in err, err)
    status, out, err = run(["--to=1", "--points=3"], env=env)
    check("%s: the table headings; the numbers keep their dot" % lang,
          status == 0 and words[3] in out and "0.5" in out, out)
# }}}

print("1..%d" % len(results))
sys.exit(0 if all(results) else 1)
