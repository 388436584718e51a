/* softlif-affine.c: the portable loops of J = g x + b and out *= g
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "softlif-affine-kernels-private.h"

/* The product, then the sum, each rounded: as numpy computes g * x + b. */
void
softlif_affine_f64_generic (const double *x, const double *g, const double *b,
                            int per_neuron, double *J, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      double p = per_neuron ? g[i] * x[0] : g[0] * x[i];

      J[i] = p + (per_neuron ? b[i] : b[0]);
    }
}

void
softlif_affine_f32_generic (const float *x, const float *g, const float *b,
                            int per_neuron, float *J, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      float p = per_neuron ? g[i] * x[0] : g[0] * x[i];

      J[i] = p + (per_neuron ? b[i] : b[0]);
    }
}

void
softlif_scale_f64_generic (const double *g, int per_neuron, double *out, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] *= per_neuron ? g[i] : g[0];
}

void
softlif_scale_f32_generic (const float *g, int per_neuron, float *out, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] *= per_neuron ? g[i] : g[0];
}
