#!/usr/bin/env python3
# Draws the figures of the reference from the library's own numbers: the
# softlif tool computes every curve (--format=json), this script only lays
# them out as SVG with labelled axes and a legend.
#
#   figures.py SOFTLIF_TOOL OUTPUT_DIR
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import math
import os
import subprocess
import sys
from xml.sax.saxutils import escape

TOOL, OUTDIR = sys.argv[1], sys.argv[2]
COLOURS = ["#000000", "#d62728", "#ff7f0e", "#2ca02c", "#1f77b4"]
CURVES = [("LIF (sigma → 0)", ["--model=lif-rate"])] + [
    ("soft LIF, sigma = %s" % s, ["--sigma=%s" % s]) for s in ("0.02", "0.1", "0.3", "1")]


def curve(args, derivative):
    cmd = [TOOL, "--from=-1", "--to=3", "--points=401", "--format=json"] + args
    if derivative:
        cmd.append("--derivative")
    doc = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    return doc["x"], doc["derivative" if derivative else "rate"]


def nice_step(span):
    raw = span / 5.0
    p = 10 ** math.floor(math.log10(raw))
    m = raw / p
    return (1 if m < 1.5 else 2 if m < 3.5 else 5 if m < 7.5 else 10) * p


def label(v):
    return ("%.10g" % v).replace("-", "−")


def figure(name, title, ylabel, derivative, ymax):
    W, H, L, R, T, B = 640, 420, 80, 200, 40, 60
    pw, ph = W - L - R, H - T - B
    x0, x1 = -1.0, 3.0
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
           'font-family="sans-serif" font-size="13">' % (W, H, W, H),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%g" y="%g" text-anchor="middle">%s</text>' % (L + pw / 2, T - 16, escape(title)),
           '<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="black"/>' % (L, T, pw, ph)]
    for v in range(-1, 4):
        px = L + (v - x0) / (x1 - x0) * pw
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="black"/>' % (px, T + ph, px, T + ph + 5))
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (px, T + ph + 20, label(v)))
    step = nice_step(ymax)
    k = 0
    while k * step <= ymax * (1 + 1e-9):
        py = T + ph - k * step / ymax * ph
        out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="black"/>' % (L - 5, py, L, py))
        out.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>' % (L - 8, py + 4, label(k * step)))
        k += 1
    out.append('<text x="%g" y="%d" text-anchor="middle">%s</text>'
               % (L + pw / 2, H - 15, "current J (in units of the threshold current)"))
    out.append('<text x="22" y="%g" text-anchor="middle" transform="rotate(-90 22 %g)">%s</text>'
               % (T + ph / 2, T + ph / 2, escape(ylabel)))
    for i, (name_, args) in enumerate(CURVES):
        xs, ys = curve(args, derivative)
        pts = []
        for x, y in zip(xs, ys):
            if y is None:
                continue
            pts.append("%.2f,%.2f" % (L + (x - x0) / (x1 - x0) * pw, T + ph - min(y, ymax) / ymax * ph))
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>'
                   % (COLOURS[i], " ".join(pts)))
        ly = T + 20 + 22 * i
        out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/>'
                   % (W - R + 15, ly, W - R + 40, ly, COLOURS[i]))
        out.append('<text x="%d" y="%d">%s</text>' % (W - R + 48, ly + 4, escape(name_)))
    out.append('</svg>')
    with open(os.path.join(OUTDIR, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


figure("tuning-curves.svg", "Tuning curves (tau_rc = 0.02 s, tau_ref = 0.002 s)",
       "firing rate (Hz)", False, 120.0)
figure("derivative.svg", "Derivatives of the tuning curves",
       "d rate / dJ (Hz per unit of current)", True, 200.0)
