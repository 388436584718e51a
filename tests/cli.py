#!/usr/bin/env python3
# The softlif command-line tool in every mode, format and error, its
# numbers checked against the library (through softlif-eval, which calls
# it directly), and its messages in German and French. Prints TAP.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Several tests look at one run of the tool: the run is made once, by a
# cached function, and each test checks one thing about it.

import functools
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'python'))
import tap  # noqa: E402
from tap import Skip, check, test  # noqa: E402

# The build tree's copy of the tool, which reads the catalogues compiled
# for the tests; the installed tool reads only its $(localedir).
CLI = os.path.join(os.environ["SOFTLIF_TOP_BUILDDIR"], "tools", "softlif-uninstalled")
INSTALLED_CLI = os.path.join(os.environ["SOFTLIF_TOP_BUILDDIR"], "tools", "softlif")
CRAFTED_LOCALEDIR = os.path.join(os.environ["SOFTLIF_TOP_BUILDDIR"], "tests", "crafted-locale")
EVAL = os.environ["SOFTLIF_EVAL"]
LOCALEDIR = os.path.join(os.environ["SOFTLIF_TOP_BUILDDIR"], "tests", "locale")


def run(args, stdin="", env=None, cli=CLI):
    e = dict(os.environ)
    e.pop("LANGUAGE", None)
    e["LC_ALL"] = "C.UTF-8"
    if env:
        e.update(env)
    p = subprocess.run([cli] + args, input=stdin, capture_output=True, text=True, env=e)
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
CURVE_XS = linspace(-1.0, 2.0, 31)


@functools.lru_cache(maxsize=None)
def csv_curve():
    status, out, err = run(["--from=-1", "--to=2", "--points=31", "--derivative", "--gain=3",
                            "--bias=0.5", "--format=csv"] + MNIST)
    return status, out, err, [line.split(",") for line in out.splitlines()]


@test("curve: CSV has a header and one row per point")
def test_curve_csv():
    status, out, err, rows = csv_curve()
    check(status == 0 and err == "" and rows[0] == ["x", "rate", "derivative"] and
          len(rows) == 32, out + err)


@test("curve: x runs evenly from --from to --to, both ends exact")
def test_curve_x():
    check(same([float(r[0]) for r in csv_curve()[3][1:]], CURVE_XS))


@test("curve: the rates are the library's, bit for bit")
def test_curve_rates():
    check(same([float(r[1]) for r in csv_curve()[3][1:]],
               library("rates", CURVE_XS, 3.0, 0.5, MNIST)))


@test("curve: the derivatives are the library's, bit for bit")
def test_curve_derivatives():
    check(same([float(r[2]) for r in csv_curve()[3][1:]],
               library("derivative", CURVE_XS, 3.0, 0.5, MNIST)))


@functools.lru_cache(maxsize=None)
def lif_table():
    status, out, err = run(["--from=0", "--to=3", "--points=7", "--model=lif-rate"])
    return status, out, err, out.splitlines()


@test("curve: the table is aligned, with a heading")
def test_curve_table():
    status, out, err, lines = lif_table()
    widths = {len(line) for line in lines}
    check(status == 0 and len(lines) == 8 and len(widths) == 1 and "rate (Hz)" in lines[0],
          out + err)


@test("curve: LIF rate table values are the library's")
def test_curve_table_values():
    check(same([float(line.split()[1]) for line in lif_table()[3][1:]],
               library("rates", linspace(0, 3, 7), params=["--type=lif"])))


@test("curve: JSON holds the model, gain, bias and the columns")
def test_curve_json():
    status, out, err = run(["--to=2", "--points=5", "--format=json", "-d"])
    doc = json.loads(out) if status == 0 else {}
    check(doc.get("model") == "SoftLifRate()" and doc.get("gain") == 1 and doc.get("bias") == 0 and
          same(doc.get("x", []), linspace(0, 2, 5)) and
          same(doc.get("rate", []), library("rates", linspace(0, 2, 5))) and
          same(doc.get("derivative", []), library("derivative", linspace(0, 2, 5))), out + err)


@test("curve: SVG is well formed, with labelled axes and both curves")
def test_curve_svg():
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
    check(ok, (texts, npts))
# }}}

# Standard input {{{
STDIN_VALUES = [-1e6, -3.5, 0.0, 0.999, 1.0, 1.5, 2.0, 1e3, 1e300]


@functools.lru_cache(maxsize=None)
def stdin_csv():
    status, out, err = run(["--format=csv", "--gain=2", "--bias=-0.25"],
                           stdin="\n".join("  %r " % v for v in STDIN_VALUES) + "\n")
    return status, out, err, [line.split(",") for line in out.splitlines()]


@test("stdin: one CSV row per line, in order")
def test_stdin_rows():
    status, out, err, rows = stdin_csv()
    check(status == 0 and len(rows) == len(STDIN_VALUES) + 1 and
          same([float(r[0]) for r in rows[1:]], STDIN_VALUES), out + err)


@test("stdin: the rates are the library's")
def test_stdin_rates():
    check(same([float(r[1]) for r in stdin_csv()[3][1:]],
               library("rates", STDIN_VALUES, 2.0, -0.25)))


N_STREAMED = 20000


@test("stdin: %d lines stream through in blocks" % N_STREAMED)
def test_stdin_stream():
    n = N_STREAMED
    big = "\n".join(repr(-2.0 + 4.0 * k / n) for k in range(n)) + "\n"
    status, out, err = run(["--format=csv"], stdin=big)
    got = [float(line.split(",")[1]) for line in out.splitlines()[1:]]
    check(status == 0 and same(got, library("rates", [-2.0 + 4.0 * k / n for k in range(n)])),
          err)


@functools.lru_cache(maxsize=None)
def stdin_bad_line():
    return run(["--format=csv"], stdin="1.5\n2\nfoo\n3\n")


@test("stdin: a bad line stops with status 1, naming the line")
def test_stdin_bad_line():
    status, out, err = stdin_bad_line()
    check(status == 1 and err.strip() == "softlif: line 3: “foo” is not a number", err)


@test("stdin: the lines before the bad one are written, nothing after")
def test_stdin_before_bad_line():
    status, out, err = stdin_bad_line()
    rows = [line.split(",") for line in out.splitlines()]
    check(rows[0] == ["x,rate"][0].split(",") and [r[0] for r in rows[1:]] == ["1.5", "2"] and
          same([float(r[1]) for r in rows[1:]], library("rates", [1.5, 2.0])), out)


@test("stdin: JSON writes nothing when a line is bad (an empty one here)")
def test_stdin_json_bad_line():
    status, out, err = run(["--format=json"], stdin="1\n\n2\n")
    check(status == 1 and out == "" and "line 2" in err, out + err)


@test("stdin: NaN and infinities are written as null in JSON")
def test_stdin_json_null():
    status, out, err = run(["--format=json"], stdin="nan\ninf\n1.5\n")
    doc = json.loads(out) if status == 0 else {}
    check(doc.get("x", [None])[0:2] == [None, None] and doc.get("rate", [0])[0] is None and
          doc["rate"][1] == 500.0, out + err)
# }}}

# Edge cases {{{


@test("svg: a span lost in x's rounding still ends")
def test_svg_tiny_span():
    status, out, err = run(["--from=1", "--to=1.0000000000000002", "-n", "3", "-f", "svg"])
    check(status == 0 and out.rstrip().endswith("</svg>"), err)


@test("svg: rates near the largest double still end")
def test_svg_huge_rates():
    # amplitude 1e50 and tau_rc 1e-50 are the ends of their ranges; the rate
    # at x = 1e300 is A / tau_ref = 1.79e308
    status, out, err = run(["--amplitude=1e50", "--tau-rc=1e-50", "--tau-ref=5.6e-259",
                            "--to=1e300", "-n", "3", "-f", "svg"])
    check(status == 0 and out.rstrip().endswith("</svg>"), err)


@test("curve: a range wider than the largest double has no NaN")
def test_curve_huge_range():
    status, out, err = run(["--from=-1e308", "--to=1e308", "-n", "3", "-f", "csv"])
    xs = [float(r.split(",")[0]) for r in out.splitlines()[1:]]
    check(status == 0 and xs == [-1e308, 0.0, 1e308], out)


@test("max-rate-intercept: an infinite intercept is an error, not half a JSON object")
def test_json_infinite_intercept():
    status, out, err = run(["--max-rate-intercept=1e-300:1e300", "-f", "json"])
    check(status != 0 and out == "" and "“intercepts”" in err and "-inf" in err, out + err)


@test("--tau-ref=-0 is tau_ref 0: the rate at x = inf is +inf, never -inf")
def test_tau_ref_negative_zero():
    for model in ("lif-rate", "soft-lif-rate"):
        status, out, err = run(["--tau-ref=-0", "--model=" + model, "-f", "csv"], stdin="inf\n")
        check(status == 0 and out.splitlines()[1:] == ["inf,inf"], model + ": " + out + err)


@test("stdin: a line with a NUL byte is refused")
def test_stdin_nul():
    status, out, err = run(["-f", "csv"], stdin="1\0abc\n")
    check(status == 1 and "line 1" in err, err)


def svg_plot(out):
    """The plot's rectangle (x0, y0, x1, y1) and every point of every curve."""
    svg = ET.fromstring(out)
    ns = "{http://www.w3.org/2000/svg}"
    rect = [r for r in svg.iter(ns + "rect") if r.get("x") is not None][0]
    x0, y0 = float(rect.get("x")), float(rect.get("y"))
    box = (x0, y0, x0 + float(rect.get("width")), y0 + float(rect.get("height")))
    points = [tuple(float(v) for v in pt.split(","))
              for line in svg.iter(ns + "polyline") for pt in line.get("points").split()]
    return box, points


def inside(box, points):
    return len(points) > 0 and all(box[0] <= px <= box[2] and box[1] <= py <= box[3]
                                   for px, py in points)


@test("svg: one large x (a range lost in rounding) is drawn, no NaN")
def test_svg_one_large_x():
    for x in ("1e17", "-1.7e308", "1.7e308", "5e-324", "0"):
        status, out, err = run(["-f", "svg", "-d"], stdin=x + "\n")
        box, points = svg_plot(out) if status == 0 else (None, [])
        check(status == 0 and "nan" not in out and inside(box, points), (x, out[-300:] + err))


@test("svg: every point inside the plot, negative and huge values included")
def test_svg_inside():
    for args in (["--gain=-1", "--from=-2", "--to=2"],        # a negative derivative
                 ["--gain=-3", "--bias=2", "--from=-1e308", "--to=1e308"],
                 ["--amplitude=1e50", "--tau-rc=1e-50", "--tau-ref=1e-50", "--gain=-1", "--from=-1e15",
                  "--to=0"]):
        status, out, err = run(args + ["-n", "41", "-f", "svg", "-d"])
        box, points = svg_plot(out) if status == 0 else (None, [])
        check(status == 0 and "nan" not in out and inside(box, points),
              (args, [p for p in points if not inside(box, [p])][:3], err))


@test("stdin: a bad line is quoted short, its control characters escaped")
def test_stdin_bad_line_quoted():
    status, out, err = run(["-f", "csv"], stdin="1\n\x1b[31m\u202e" + "x" * 4000 + "\n")
    check(status == 1 and len(err) < 200 and "\x1b" not in err and "\u202e" not in err and
          err.strip() == "softlif: line 2: “\\x1B[31m\\u202E%s…” is not a number" % ("x" * 34) and
          out == "x,rate\n1,50.347297940886236\n", err[:300])


@test("stdin: bytes that are not UTF-8 are escaped")
def test_stdin_bad_bytes():
    e = dict(os.environ, LC_ALL="C.UTF-8")
    e.pop("LANGUAGE", None)
    p = subprocess.run([CLI], input=b"\xff\x9b2J\\\r\n", capture_output=True, env=e)
    check(p.returncode == 1 and
          p.stderr.decode("utf-8") == "softlif: line 1: “\\xFF\\x9B2J\\\\” is not a number\n",
          p.stderr)


@test("stdin: a line longer than 4096 bytes is an error naming it and the limit")
def test_stdin_long_line():
    status, out, err = run(["-f", "csv"], stdin="1\n" + " " * 4095 + "2\n" + "3" * 100000 + "\n4\n")
    check(status == 1 and err == "softlif: line 3 is longer than 4096 bytes\n" and
          out.splitlines()[1:] == ["1,50.347297940886236", "2,75.058774692275506"], err[:300])


@test("a full disk is an error (status 1)")
def test_full_disk():
    if not os.path.exists("/dev/full"):
        raise Skip("no /dev/full")
    e = dict(os.environ)
    e["LC_ALL"] = "C.UTF-8"
    with open("/dev/full", "w") as full:
        p = subprocess.run([CLI, "--gain-bias=200:-0.5"], stdout=full, stderr=subprocess.PIPE,
                           text=True, env=e)
    check(p.returncode == 1 and "could not write" in p.stderr, p.stderr)
# }}}

# gain and bias {{{


@functools.lru_cache(maxsize=None)
def gain_bias():
    status, out, err = run(["--gain-bias=200:-0.5", "--model=lif-rate"])
    g = float(out.split()[2]) if status == 0 else 0.0
    b = float(out.split()[5]) if status == 0 else 0.0
    return status, out, err, g, b


@test("gain-bias: gives a neuron that fires at 200 Hz at x = 1")
def test_gain_bias():
    status, out, err, g, b = gain_bias()
    check(status == 0 and abs(library("rates", [1.0], g, b, ["--type=lif"])[0] - 200.0) < 1e-9 and
          abs(g * -0.5 + b - 1.0) < 1e-12, out + err)


@test("max-rate-intercept: the inverse, in JSON")
def test_max_rate_intercept():
    g, b = gain_bias()[3:]
    status, out, err = run(["--max-rate-intercept=%r:%r" % (g, b), "--model=lif-rate",
                            "--format=json"])
    doc = json.loads(out) if status == 0 else {}
    check(abs(doc.get("max_rate", 0) - 200.0) < 1e-9 and abs(doc.get("intercept", 0) + 0.5) < 1e-12,
          out + err)
# }}}

# Errors {{{
for args, want in [
    (["--bogus"], "Unknown option --bogus"),
    (["--sigma=abc", "--from=0"], "--sigma: “abc” is not a number"),
    (["--sigma=-1", "--from=0"], "“sigma”"),
    (["--tau-ref=-0.5", "--to=1"], "“tau_ref”"),
    (["--points=1"], "--points"),
    (["--model=izhikevich"], "izhikevich"),
    (["--format=png", "--to=1"], "png"),
    (["--gain-bias=200"], "MAX_RATE:INTERCEPT"),
    (["--gain-bias=200:2"], "intercept"),
    (["--gain=inf", "--to=1"], "finite"),
    (["extra", "--to=1"], "extra"),
]:
    @test("error %s: status 2, one line on stderr, nothing on stdout" % " ".join(args))
    def test_error(args=args, want=want):
        status, out, err = run(args)
        check(status == 2 and out == "" and len(err.splitlines()) == 1 and want in err,
              (status, out, err))
# }}}

# --help, --version and German {{{


@test("--version")
def test_version():
    status, out, err = run(["--version"])
    check(status == 0 and out.startswith("softlif 1.") and err == "", out + err)


@test("--help lists the options")
def test_help():
    status, out, err = run(["--help"])
    check(status == 0 and "--gain-bias=MAX_RATE:INTERCEPT" in out and "--tau-rc=SECONDS" in out,
          out)


# C.UTF-8 is built into glibc and gettext honours LANGUAGE in it, so no
# locale has to be generated; the catalogues are the build tree's.
def translated(lang):
    """The environment of a run in LANGUAGE lang; a skip without its catalogue."""
    if not os.path.isfile(os.path.join(LOCALEDIR, lang, "LC_MESSAGES", "softlif-1.0.mo")):
        raise Skip("no %s catalogue in %s" % (lang, LOCALEDIR))
    return {"LANGUAGE": lang}


@test("the installed tool ignores SOFTLIF_LOCALEDIR (a hostile catalogue)")
def test_localedir_ignored():
    if not os.path.isdir(CRAFTED_LOCALEDIR):
        raise Skip("no catalogue in %s" % CRAFTED_LOCALEDIR)
    status, out, err = run(["--sigma=-1", "--to=1"], cli=INSTALLED_CLI,
                           env={"LANGUAGE": "de", "SOFTLIF_LOCALEDIR": CRAFTED_LOCALEDIR})
    check(status == 2 and "gefälscht" not in err and "sigma" in err, err)


for lang, words in [("de", ("Zeitkonstante", "Ungültiger Wert", "Zeile 2", "Rate (Hz)")),
                    ("fr", ("Constante de temps", "Valeur invalide", "ligne 2", "taux (Hz)"))]:
    @test("%s: --help is translated" % lang)
    def test_translated_help(lang=lang, words=words):
        status, out, err = run(["--help"], env=translated(lang))
        check(status == 0 and words[0] in out, out)

    @test("%s: a parameter error from the library" % lang)
    def test_translated_error(lang=lang, words=words):
        status, out, err = run(["--sigma=-1", "--to=1"], env=translated(lang))
        check(status == 2 and words[1] in err, err)

    @test("%s: a bad input line" % lang)
    def test_translated_bad_line(lang=lang, words=words):
        status, out, err = run([], stdin="1\nx\n", env=translated(lang))
        check(status == 1 and words[2] in err, err)

    @test("%s: the table headings; the numbers keep their dot" % lang)
    def test_translated_table(lang=lang, words=words):
        status, out, err = run(["--to=1", "--points=3"], env=translated(lang))
        check(status == 0 and words[3] in out and "0.5" in out, out)
# }}}


if __name__ == "__main__":
    sys.exit(tap.main())
