/* softlif-lif-math-private.h: the LIF rate of an excess current
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* Both neuron types end in the same formula: the LIF rate of the excess
 * current j over the threshold (j = J - 1 for the LIF neuron, the smoothed
 * j for the soft LIF neuron),
 *
 *     L = log1p (1 / j),  D = tau_ref + tau_rc * L,  rate = amplitude / D.
 *
 * j arrives as a double-double so that neither the rounding of J - 1 near
 * the threshold nor that of the smoothing costs precision; L and D stay
 * double-doubles and only the final division rounds. */

#pragma once

#include "softlif-double-double-private.h"

/* L = log1p (1/j) for j = jh + jl > 0. 1/j is formed as a double-double
 * (exact remainder 1 - u*jh), then log1p_dd works on w = 1 + 1/j without
 * ever rounding w to a double. */
static inline void
L_from_j (double jh, double jl, double *Lh, double *Ll)
{
  if (jh >= 0x1p-990)
    {
      double uh = 1.0 / jh, p, pe;
      two_prod (uh, jh, &p, &pe);
      double ul = (((1.0 - p) - pe) - uh * jl) / jh;
      log1p_dd (uh, ul, Lh, Ll);
    }
  else
    {
      /* 1/j would overflow the split; here log1p (1/j) = -log j + j + O(j^2). */
      double lh, ll;
      log_dd (jh, jl, &lh, &ll);
      *Lh = -lh;
      *Ll = -ll + jh;
    }
}

/* D = tau_ref + tau_rc * L. */
static inline void
D_from_L (double tau_rc, double tau_ref, double Lh, double Ll,
          double *Dh, double *Dl)
{
  double ph, pe;
  two_prod (tau_rc, Lh, &ph, &pe);
  pe += tau_rc * Ll;
  dd_add_d (ph, pe, tau_ref, Dh, Dl);
}

/* The LIF rate of an excess current x = xh + xl > 0 (finite). */
static inline double
lif_rate_of_excess (double tau_rc, double tau_ref, double A, double xh, double xl)
{
  double Lh, Ll, Dh, Dl;

  if (xh > 0x1p600)
    {
      /* log1p (1/x) = 1/x (1 - 2^-601). Form D*x, not D: with tau_ref == 0,
       * D = tau_rc/x would be subnormal (tau_rc = 1e-50 at x = 2^900) and
       * lose its digits. */
      double Dx = tau_ref * xh + tau_rc;
      double q = A / Dx;
      /* A huge D x, or A / Dx subnormal (a small amplitude over a large
       * D x, which needs Dx > 1e101 in the parameters' ranges): then
       * tau_ref x dominates and D = tau_ref + tau_rc / x is normal. */
      if (!(Dx < 0x1p1000) || q < 0x1p-1000)
        return A / (tau_ref + tau_rc / xh);
      return q * xh;
    }
  L_from_j (xh, xl, &Lh, &Ll);
  D_from_L (tau_rc, tau_ref, Lh, Ll, &Dh, &Dl);
  /* An overflowing rate (tau_ref == 0, x near 2^900) makes the
   * double-double division inf - inf. */
  double r = dd_div_round (A, 0.0, Dh, Dl);
  return isnan (r) ? A / Dh : r;
}

/* The LIF neuron, one value at a time. */

/* For 1 < J <= 2, J - 1 is exact (Sterbenz); above, TwoSum keeps the
 * tail. 1/(J - 1) and its log1p are double-doubles, so the threshold
 * region (L ~ 36 at J = 1 + 2^-52) is as accurate as anywhere else. */
static inline double
lif_rate (double J, double tau_rc, double tau_ref, double A)
{
  double xh, xl;

  if (isnan (J))
    return J;
  if (!(J > 1.0))
    return 0.0;
  if (J == HUGE_VAL)
    return A / tau_ref;                 /* +inf without a refractory period */
  two_sum (J, -1.0, &xh, &xl);
  return lif_rate_of_excess (tau_rc, tau_ref, A, xh, xl);
}

/* d rate / dJ = A tau_rc / (D^2 (J - 1) J) above the threshold, 0 at and
 * below it, where the one-sided derivatives are +inf and 0. Always inlined:
 * its callers are alone in their file, whose size bounds how much the
 * compiler inlines, and would otherwise keep part of it out of line. */
static inline __attribute__ ((always_inline)) double
lif_derivative (double J, double tau_rc, double tau_ref, double A)
{
  double xh, xl, Lh, Ll, Dh, Dl, ah, al, bh, bl, qh, ql, nh, nl;

  if (isnan (J))
    return J;
  if (!(J > 1.0))
    return 0.0;
  if (J == HUGE_VAL)
    return tau_ref > 0.0 ? 0.0 : A / tau_rc;   /* rate ~ A J / tau_rc */
  two_sum (J, -1.0, &xh, &xl);
  if (xh > 0x1p600)
    {
      double Dx = tau_ref * xh + tau_rc;     /* D (J-1); D J = Dx (1 + 1/x) */
      return ((A * tau_rc) / Dx) / (Dx * (1.0 + 1.0 / xh));
    }
  L_from_j (xh, xl, &Lh, &Ll);
  D_from_L (tau_rc, tau_ref, Lh, Ll, &Dh, &Dl);
  two_prod (A, tau_rc, &nh, &nl);
  /* A tau_rc / ((D (J-1)) (D J)), dividing twice so that nothing overflows;
   * J = 1 + x is the exact double J. */
  dd_mul (Dh, Dl, xh, xl, &ah, &al);
  dd_mul_d (Dh, Dl, J, &bh, &bl);
  dd_div (nh, nl, ah, al, &qh, &ql);
  /* D (J-1) overflows near x = 2^900 with a large tau_ref (the result
   * underflows): plain doubles then, instead of the NaN of inf - inf. */
  double r = dd_div_round (qh, ql, bh, bl);
  return isnan (r) ? (nh / (Dh * xh)) / (Dh * J) : r;
}

/* Single precision: plain double is ~2^-21 float ulp off, so one rounding
 * to float keeps the result within 0.5 + 2^-20 ulp. J - 1 is exact. */
static inline float
lif_rate_float (float Jf, double tau_rc, double tau_ref, double A)
{
  double J = Jf;

  if (isnan (J))
    return Jf;
  if (!(J > 1.0))
    return 0.0f;
  return (float) (A / (tau_ref + tau_rc * log1p (1.0 / (J - 1.0))));
}

static inline float
lif_derivative_float (float Jf, double tau_rc, double tau_ref, double A)
{
  double J = Jf, x, D;

  if (isnan (J))
    return Jf;
  if (!(J > 1.0))
    return 0.0f;
  if (J == HUGE_VAL)
    return tau_ref > 0.0 ? 0.0f : (float) (A / tau_rc);
  x = J - 1.0;
  D = tau_ref + tau_rc * log1p (1.0 / x);
  return (float) (((A * tau_rc) / (D * x)) / (D * J));
}
