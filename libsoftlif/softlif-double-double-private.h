/* softlif-double-double-private.h: arithmetic in double-double precision
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* A double-double hi + lo carries about 106 bits. The kernels carry every
 * quantity whose rounding would reach the result unattenuated this way, so
 * that only the final division rounds: 0.5 ulp plus a few hundredths.
 * glibc's exp and log are not used on these paths: their 0.52 ulp (and
 * log1p's ~1 ulp) would stack up to ~2 ulp near the threshold.
 *
 * Everything here needs IEEE double arithmetic as written: the library is
 * built with -ffp-contract=off and never with -ffast-math. */

#pragma once

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "softlif-kernels-tables.h"

/* ------------------------------------------------------------------------ */
/* Error-free transformations                                                */

/* s + e == a + b exactly (Knuth TwoSum, no magnitude precondition). */
static inline void
two_sum (double a, double b, double *s, double *e)
{
  double ss = a + b;
  double bb = ss - a;
  *e = (a - (ss - bb)) + (b - bb);
  *s = ss;
}

/* Same, but requires |a| >= |b| (or a == 0).  Used to renormalise. */
static inline void
fast_two_sum (double a, double b, double *s, double *e)
{
  double ss = a + b;
  *e = b - (ss - a);
  *s = ss;
}

/* p + e == a * b exactly.  With hardware FMA this is two instructions.  On
 * baseline x86-64 (no -mfma) fma() would be a libm call through an ifunc
 * (~2-4 ns each, and there are ~10 per evaluation), so by default we use
 * Veltkamp splitting + Dekker's product instead: ~17 flops, all inline.
 * Precondition for the split: |a|,|b| < 2^995 (callers keep inputs there). */
#if defined(__FMA__) || defined(SOFTLIF_USE_LIBM_FMA)
static inline void
two_prod (double a, double b, double *p, double *e)
{
  double pp = a * b;
  *e = fma (a, b, -pp);
  *p = pp;
}
#else
static inline void
split (double a, double *hi, double *lo)
{
  double c = 134217729.0 * a;           /* 2^27 + 1 */
  double h = c - (c - a);
  *hi = h;
  *lo = a - h;
}

static inline void
two_prod (double a, double b, double *p, double *e)
{
  double ah, al, bh, bl;
  double pp = a * b;
  split (a, &ah, &al);
  split (b, &bh, &bl);
  *e = ((ah * bh - pp) + ah * bl + al * bh) + al * bl;
  *p = pp;
}
#endif

/* Double-double arithmetic.  All operands in this file are positive where   */
/* these are used (j, L, D, ...), so the cheap "sloppy" variants are exact   */
/* to ~2^-104 relative: no cancellation between hi parts can occur.         */

static inline void
dd_add (double ah, double al, double bh, double bl, double *rh, double *rl)
{
  double s, e;
  two_sum (ah, bh, &s, &e);
  e += al + bl;
  fast_two_sum (s, e, rh, rl);
}

static inline void
dd_add_d (double ah, double al, double b, double *rh, double *rl)
{
  double s, e;
  two_sum (ah, b, &s, &e);
  e += al;
  fast_two_sum (s, e, rh, rl);
}

static inline void
dd_mul (double ah, double al, double bh, double bl, double *rh, double *rl)
{
  double p, e;
  two_prod (ah, bh, &p, &e);
  e += ah * bl + al * bh;
  fast_two_sum (p, e, rh, rl);
}

static inline void
dd_mul_d (double ah, double al, double b, double *rh, double *rl)
{
  double p, e;
  two_prod (ah, b, &p, &e);
  e += al * b;
  fast_two_sum (p, e, rh, rl);
}

/* (ah+al)/(bh+bl).  q = ah/bh, then one correction from the exact
 * remainder ah - q*bh (ah - p is exact by Sterbenz since p ~ ah). */
static inline void
dd_div (double ah, double al, double bh, double bl, double *rh, double *rl)
{
  double q = ah / bh, p, pe;
  two_prod (q, bh, &p, &pe);
  double r = (((ah - p) - pe) + al - q * bl) / bh;
  fast_two_sum (q, r, rh, rl);
}

/* Same but returns the correctly-rounded-ish double (one final rounding). */
static inline double
dd_div_round (double ah, double al, double bh, double bl)
{
  double q = ah / bh, p, pe;
  two_prod (q, bh, &p, &pe);
  return q + (((ah - p) - pe) + al - q * bl) / bh;
}

/* 2^k for k in [-1022, 1023], by building the bit pattern. */
static inline double
pow2i (int k)
{
  uint64_t u = (uint64_t) (k + 1023) << 52;
  double d;
  memcpy (&d, &u, sizeof d);
  return d;
}

/* x * 2^k, exact whenever the result is normal.  Used for internal
 * rescaling only (results that may be subnormal go through ldexp). */
static inline double
scale2 (double x, int k)
{
  if (k > 1023)
    {
      x *= 0x1p600;
      k -= 600;
      if (k > 1023)
        {
          x *= 0x1p600;
          k -= 600;
          if (k > 1023)
            k = 1023;
        }
    }
  else if (k < -1022)
    {
      x *= 0x1p-600;
      k += 600;
      if (k < -1022)
        {
          x *= 0x1p-600;
          k += 600;
          if (k < -1022)
            k = -1022;
        }
    }
  return x * pow2i (k);
}

/* exp as double-double:  e^(xh+xl) = 2^k * (eh + el), |rel err| < 2^-62,
 * from the table of 2^(i/64) shared with the vector kernels. */

#define INV_LN2_64 0x1.71547652b82fep+6      /* 64/ln2 (rounded, only picks k) */
/* ln2/64 split so that k*LN2_64_HI is exact for |k| < 2^18: 35-bit head. */
#define LN2_64_HI 0x1.62e42fefc0000p-7
#define LN2_64_LO -0x1.c610ca86c3899p-43
#define EXP_SHIFT 0x1.8p52                   /* round-to-int via addition */

/* Requires |xh| <= 2800 and |xl| <= 2^-50 |xh| (ordinary double-double).
 * Returns the power-of-two exponent separately so callers can keep e^y as
 * a normal number even when e^y itself would underflow (the derivative far
 * below threshold needs e^y / j with j ~ eps, which can be normal). */
static inline void
exp_dd (double xh, double xl, int *kout, double *eh, double *el)
{
  double kd = xh * INV_LN2_64 + EXP_SHIFT;
  kd -= EXP_SHIFT;                 /* kd = nearest integer to x*64/ln2 */
  int k = (int) kd;
  /* Exact: kd*LN2_64_HI has <= 53 bits; xh and it agree to within ln2/128,
   * so the difference is representable (either kd == 0, or |xh| >= 2^-8
   * and the result needs < 53 bits). */
  double rh = xh - kd * LN2_64_HI;
  /* kd*LN2_64_LO is ~6e-8 at most; its rounding error (~1e-23) is noise.
   * It must not be neglected itself though: its square is ~1 ulp. */
  double rl = xl - kd * LN2_64_LO;
  double r, re;
  two_sum (rh, rl, &r, &re);          /* |r| <= ln2/128 + tiny, re ~ 2^-60 */
  /* e^r - 1 = r + q with q = r^2 (1/2 + r/6 + ... + r^4/720) + re;
   * truncation r^7/5040 < 3e-20; q <= 1.5e-5 so its rounding is < 2^-68. */
  double q = r * r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120
                                                          + r * (1.0 / 720)))))
             + re;
  int idx = k & 63;
  double th = softlif_exp2_tab[idx][0], tl = softlif_exp2_tab[idx][1];
  /* T*(1 + r + q): th*r is rounded (error <= 2^-53 * 0.0055 relative). */
  double s = th * r + (th * q + tl * (1.0 + r));
  fast_two_sum (th, s, eh, el);
  *kout = (k - idx) / 64;           /* exact division */
}

/* log as double-double.                                                     */
/*   log(1+v) = 2 atanh(s),  s = v/(2+v),  for v in [sqrt(1/2)-1, sqrt2-1]   */
/* so |s| <= 0.1716, s^2 <= 0.02944; 2 atanh(s) = 2s + 2s*z*Q(z), z = s^2.   */
/* The series part is <= 1% of the result, so evaluating it in plain double */
/* costs < 0.01 ulp; 2s itself is carried as a double-double.               */

/* ln 2 = LN2_HI42 + LN2_LO42 (softlif-kernels-tables.h), the head of 42 bits:
 * e*LN2_HI42 is exact for |e| < 2^11 */
#define SQRT2 1.4142135623730951
#define SQRT1_2M1 -0.29289321881345248   /* sqrt(1/2) - 1 (rounded)  */
#define SQRT2M1 0.41421356237309503      /* sqrt(2) - 1 (rounded)    */

/* log(1 + (vh + vl)) for vh in [sqrt(1/2)-1, sqrt(2)-1]. */
static inline void
log1p_core (double vh, double vl, double *lh, double *ll)
{
  double bh, be, bl;
  two_sum (2.0, vh, &bh, &be);
  bl = be + vl;
  double sh = vh / bh, p, pe;
  two_prod (sh, bh, &p, &pe);
  double sl = (((vh - p) - pe) + vl - sh * bl) / bh;
  double z = sh * sh;
  /* Taylor coefficients 1/(2i+3); z^10/23 omitted: contributes < 2^-60. */
  double Q = 1.0 / 3 + z * (1.0 / 5 + z * (1.0 / 7 + z * (1.0 / 9 + z * (1.0 / 11
             + z * (1.0 / 13 + z * (1.0 / 15 + z * (1.0 / 17 + z * (1.0 / 19
             + z * (1.0 / 21)))))))));
  double tail = 2.0 * sl + 2.0 * sh * (z * Q);
  fast_two_sum (2.0 * sh, tail, lh, ll);
}

/* log(xh + xl), x > 0 finite (xh may be subnormal). */
static inline void
log_dd (double xh, double xl, double *lh, double *ll)
{
  int eadj = 0;
  if (xh < 0x1p-1022)
    {
      xh *= 0x1p54;
      xl *= 0x1p54;
      eadj = -54;
    }
  uint64_t u;
  memcpy (&u, &xh, sizeof u);
  int e = (int) ((u >> 52) & 0x7ff) - 1023;
  u = (u & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
  double mh;
  memcpy (&mh, &u, sizeof mh);          /* mh in [1,2) */
  if (mh > SQRT2)
    {
      mh *= 0.5;                        /* -> [sqrt(1/2), 1) */
      e += 1;
    }
  double ml = scale2 (xl, -e);          /* exact */
  e += eadj;
  double ch, cl;
  log1p_core (mh - 1.0, ml, &ch, &cl);  /* mh - 1 exact (Sterbenz) */
  if (e == 0)
    {
      *lh = ch;
      *ll = cl;
      return;
    }
  double s, se;
  two_sum ((double) e * LN2_HI42, ch, &s, &se);
  se += (double) e * LN2_LO42 + cl;
  fast_two_sum (s, se, lh, ll);
}

/* log1p(uh + ul), u > -1. */
static inline void
log1p_dd (double uh, double ul, double *lh, double *ll)
{
  if (uh > SQRT1_2M1 && uh < SQRT2M1)
    {
      log1p_core (uh, ul, lh, ll);
      return;
    }
  double wh, we;
  two_sum (1.0, uh, &wh, &we);
  log_dd (wh, we + ul, lh, ll);
}

