/* softlif-reference.h: a high-precision reference of the neuron models
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* An implementation of the LIF and soft LIF rates and their derivatives
 * that shares no code with the library: the model is evaluated in x87
 * long double (64-bit significand, 11 bits more than a double) and
 * formulated so that no step loses more than a few long double ulps,
 * which keeps the reference within a few thousandths of a double ulp.
 *
 *   - J - 1 is carried exactly as a pair hi + lo, and y = (J - 1) / sigma
 *     as a pair too (the low part is the exact remainder, via fmal): far
 *     below the threshold e^y is as sensitive to y as |y| is large.
 *   - log1p (1 / j) is log1p (j) - log (j) for j < 1: two terms of the
 *     same sign, and 1 / j never overflows.
 *   - Where e^y underflows even a long double (y < -11300), log j is
 *     log sigma + y (log1p (e^y) = e^y to all digits) and sigmoid (y) / j
 *     is 1 / sigma, so the far tail of the pure soft LIF neuron is exact.
 *
 * The arithmetic must really be extended: check with
 * softlif_ref_have_extended_precision() (valgrind, for one, emulates the
 * x87 in double precision). */

#pragma once

#include <float.h>
#include <math.h>
#include <glib.h>

G_BEGIN_DECLS

/* The parameters of a neuron, as doubles like the library's properties.
 * sigma and epsilon are not used by the LIF functions. */
typedef struct {
  double sigma;
  double epsilon;
  double tau_rc;
  double tau_ref;
  double amplitude;
} SoftlifRefParams;

/* Below this y, e^y is not a normal long double (e^-11355 is the least). */
#define SOFTLIF_REF_Y_UNDERFLOW (-11300.0L)

static inline gboolean
softlif_ref_have_extended_precision (void)
{
  volatile long double one = 1.0L;
  volatile long double tiny = 0x1p-63L;

  return LDBL_MANT_DIG >= 64 && one + tiny != one;
}

/* J - 1 = hi + lo exactly (Knuth's two-sum). */
static inline long double
softlif_ref_excess (double       J,
                    long double *lo)
{
  long double a = J;
  long double b = -1.0L;
  long double s = a + b;
  long double bb = s - a;

  *lo = (a - (s - bb)) + (b - bb);
  return s;
}

/* y = (J - 1) / sigma = hi + lo, with lo the exact remainder of the
 * division divided by sigma. */
static inline long double
softlif_ref_scaled_excess (double       J,
                           double       sigma,
                           long double *lo)
{
  long double t_lo;
  long double t_hi = softlif_ref_excess (J, &t_lo);
  long double q = t_hi / sigma;
  long double r = fmal (-q, sigma, t_hi);

  *lo = (r + t_lo) / sigma;
  return q;
}

/* softplus (y) = log (1 + e^y), for a long double y. */
static inline long double
softlif_ref_softplus (long double y)
{
  if (y > 0.0L)
    return y + log1pl (expl (-y));
  return log1pl (expl (y));
}

/* log1p (1 / j) for j > 0. */
static inline long double
softlif_ref_log1p_inv (long double j)
{
  if (j < 1.0L)
    return log1pl (j) - logl (j);
  return log1pl (1.0L / j);
}

/* The LIF rate and derivative once L = log1p (1 / j) and, for the
 * derivative, sigmoid (y) / j and j are known. */
static inline long double
softlif_ref_rate_of_log (const SoftlifRefParams *p,
                         long double             L)
{
  return (long double) p->amplitude / (p->tau_ref + p->tau_rc * L);
}

static inline long double
softlif_ref_derivative_of_log (const SoftlifRefParams *p,
                               long double             L,
                               long double             j,
                               long double             s_over_j)
{
  long double D = p->tau_ref + p->tau_rc * L;

  return (long double) p->amplitude * p->tau_rc * s_over_j / (D * D * (1.0L + j));
}

/* The LIF neuron {{{ */

static inline long double
softlif_ref_lif_rate (const SoftlifRefParams *p,
                      double                  J)
{
  long double lo;
  long double t;

  if (isnan (J))
    return NAN;
  if (!(J > 1.0))
    return 0.0L;
  if (isinf (J))
    return (long double) p->amplitude / p->tau_ref;

  t = softlif_ref_excess (J, &lo);
  t += lo;
  return softlif_ref_rate_of_log (p, softlif_ref_log1p_inv (t));
}

/* d rate / dJ = A tau_rc / (D^2 (J - 1) J); 0 at and below the threshold.
 * As J -> inf it tends to 0, or to A / tau_rc without refractory period. */
static inline long double
softlif_ref_lif_derivative (const SoftlifRefParams *p,
                            double                  J)
{
  long double lo;
  long double t;

  if (isnan (J))
    return NAN;
  if (!(J > 1.0))
    return 0.0L;
  if (isinf (J))
    return p->tau_ref > 0.0 ? 0.0L : (long double) p->amplitude / p->tau_rc;

  t = softlif_ref_excess (J, &lo);
  t += lo;
  return softlif_ref_derivative_of_log (p, softlif_ref_log1p_inv (t), t, 1.0L / t);
}

/* }}} */

/* The soft LIF neuron {{{ */

/* The smoothed excess current j = sigma softplus (y) + epsilon at a finite
 * J, as L = log1p (1 / j), j itself (0 where it underflows, which only
 * matters in 1 + j) and sigmoid (y) / j. */
static inline void
softlif_ref_soft_state (const SoftlifRefParams *p,
                        double                  J,
                        long double            *L,
                        long double            *j,
                        long double            *s_over_j)
{
  long double sigma = p->sigma;
  long double eps = p->epsilon;
  long double y_lo;
  long double y = softlif_ref_scaled_excess (J, p->sigma, &y_lo);

  if (y > 0.0L)
    {
      long double t_lo;
      long double t = softlif_ref_excess (J, &t_lo);
      long double e = expl (-y);

      e -= e * y_lo;
      /* sigma softplus (y) = (J - 1) + sigma log1p (e^-y): no rounding of
       * sigma * y, and all terms but the tiny t_lo positive. */
      *j = t + ((sigma * log1pl (e) + eps) + t_lo);
      *L = softlif_ref_log1p_inv (*j);
      *s_over_j = 1.0L / ((1.0L + e) * *j);
    }
  else if (y > SOFTLIF_REF_Y_UNDERFLOW)
    {
      long double E = expl (y);
      long double sp;

      E += E * y_lo;
      sp = log1pl (E);
      *j = sigma * sp + eps;
      *L = softlif_ref_log1p_inv (*j);
      /* sigmoid (y) / j = E / ((1 + E) j); without epsilon the ratio
       * E / log1p (E) tends to 1 instead of being 0 / 0. */
      if (eps == 0.0L)
        *s_over_j = (E / sp) / ((1.0L + E) * sigma);
      else
        *s_over_j = E / ((1.0L + E) * *j);
    }
  else if (eps > 0.0L)
    {
      /* sigma e^y is below 1e-4900, nothing next to epsilon. */
      *j = eps;
      *L = softlif_ref_log1p_inv (eps);
      *s_over_j = 0.0L;
    }
  else
    {
      /* log j = log sigma + y + log (log1p (E) / E), the last term -E/2. */
      long double log_j = (logl (sigma) + y_lo) + y;

      *j = 0.0L;
      *L = -log_j;
      *s_over_j = 1.0L / sigma;
    }
}

static inline long double
softlif_ref_soft_rate (const SoftlifRefParams *p,
                       double                  J)
{
  long double L, j, s_over_j;

  if (isnan (J))
    return NAN;
  if (isinf (J))
    {
      if (J > 0.0)
        return (long double) p->amplitude / p->tau_ref;
      if (p->epsilon == 0.0)
        return 0.0L;
      return softlif_ref_rate_of_log (p, softlif_ref_log1p_inv (p->epsilon));
    }

  softlif_ref_soft_state (p, J, &L, &j, &s_over_j);
  return softlif_ref_rate_of_log (p, L);
}

/* d rate / dJ = A tau_rc sigmoid (y) / (D^2 j (1 + j)), D = tau_ref +
 * tau_rc L. Its limits: 0 at -inf, and at +inf those of the LIF neuron. */
static inline long double
softlif_ref_soft_derivative (const SoftlifRefParams *p,
                             double                  J)
{
  long double L, j, s_over_j;

  if (isnan (J))
    return NAN;
  if (isinf (J))
    {
      if (J < 0.0 || p->tau_ref > 0.0)
        return 0.0L;
      return (long double) p->amplitude / p->tau_rc;
    }

  softlif_ref_soft_state (p, J, &L, &j, &s_over_j);
  return softlif_ref_derivative_of_log (p, L, j, s_over_j);
}

/* }}} */

G_END_DECLS
