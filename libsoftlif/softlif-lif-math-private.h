/* softlif-lif-math-private.h: the LIF rate of an excess current
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* Both neuron types end in the same formula: the LIF rate of the excess
 * current j over the threshold (j = J - 1 for the LIF neuron, a smoothed
 * j for the soft LIF neuron),
 *
 *     rate (j) = amplitude / (tau_ref + tau_rc * log1p (1 / j)).
 *
 * j arrives as a double-double (hi + lo) so that the rounding of J - 1
 * near the threshold does not cost precision. */

#pragma once

#include <math.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double tau_rc;
  double tau_ref;
  double amplitude;
} SoftlifLifParams;

static inline void
softlif_lif_params_init (SoftlifLifParams *p,
                         double            tau_rc,
                         double            tau_ref,
                         double            amplitude)
{
  p->tau_rc = tau_rc;
  p->tau_ref = tau_ref;
  p->amplitude = amplitude;
}

/* Error-free transformations: a + b = hi + *lo exactly. */
static inline double
softlif_two_sum (double  a,
                 double  b,
                 double *lo)
{
  double s = a + b;
  double bb = s - a;

  *lo = (a - (s - bb)) + (b - bb);
  return s;
}

/* rate (j) for j = hi + lo > 0. */
static inline double
softlif_lif_rate_of_excess (const SoftlifLifParams *p,
                            double                  hi,
                            double                  lo)
{
  double j = hi + lo;

  return p->amplitude / (p->tau_ref + p->tau_rc * log1p (1.0 / j));
}

/* d rate / dj for j = hi + lo > 0. */
static inline double
softlif_lif_derivative_of_excess (const SoftlifLifParams *p,
                                  double                  hi,
                                  double                  lo)
{
  double j = hi + lo;
  double d = p->tau_ref + p->tau_rc * log1p (1.0 / j);

  return p->amplitude * p->tau_rc / (d * d * j * (1.0 + j));
}

G_END_DECLS
