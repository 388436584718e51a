/* softlif-affine-avx2.c: J = g x + b and out *= g on AVX2+FMA (four doubles)
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#ifdef SOFTLIF_HAVE_AVX2

#include "softlif-affine-kernels-private.h"
#include "softlif-simd-avx2-private.h"
#include "softlif-affine-simd.inc"

void
softlif_affine_f64_avx2 (const double *x, const double *g, const double *b,
                      int per_neuron, double *J, size_t n)
{
  affine_f64_array (x, g, b, per_neuron, J, n);
}

void
softlif_affine_f32_avx2 (const float *x, const float *g, const float *b,
                      int per_neuron, float *J, size_t n)
{
  affine_f32_array (x, g, b, per_neuron, J, n);
}

void
softlif_scale_f64_avx2 (const double *g, int per_neuron, double *out, size_t n)
{
  scale_f64_array (g, per_neuron, out, n);
}

void
softlif_scale_f32_avx2 (const float *g, int per_neuron, float *out, size_t n)
{
  scale_f32_array (g, per_neuron, out, n);
}

#endif /* SOFTLIF_HAVE_AVX2 */
