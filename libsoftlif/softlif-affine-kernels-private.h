/* softlif-affine-kernels-private.h: the kernels J = g x + b and out *= g
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The tuning functions form the currents and apply the chain rule with
 * these, before and after a model's kernel: the portable loops
 * (softlif-affine.c) and the vector code for each instruction set
 * (softlif-affine-sse2.c, -avx2.c, -avx512.c).
 *
 * affine: J = g x + b rounded twice, as numpy does; per_neuron == 0 takes
 * one g and b and n x, per_neuron != 0 one x and n g and b.
 * scale: out *= g, one g (per_neuron == 0) or n of them. */

#pragma once

#include <stddef.h>

void softlif_affine_f64_generic (const double *x, const double *g, const double *b, int per_neuron, double *J, size_t n);
void softlif_affine_f32_generic (const float *x, const float *g, const float *b, int per_neuron, float *J, size_t n);
void softlif_scale_f64_generic  (const double *g, int per_neuron, double *out, size_t n);
void softlif_scale_f32_generic  (const float *g, int per_neuron, float *out, size_t n);
#ifdef SOFTLIF_HAVE_SSE2
void softlif_affine_f64_sse2 (const double *x, const double *g, const double *b, int per_neuron, double *J, size_t n);
void softlif_affine_f32_sse2 (const float *x, const float *g, const float *b, int per_neuron, float *J, size_t n);
void softlif_scale_f64_sse2  (const double *g, int per_neuron, double *out, size_t n);
void softlif_scale_f32_sse2  (const float *g, int per_neuron, float *out, size_t n);
#endif
#ifdef SOFTLIF_HAVE_AVX2
void softlif_affine_f64_avx2 (const double *x, const double *g, const double *b, int per_neuron, double *J, size_t n);
void softlif_affine_f32_avx2 (const float *x, const float *g, const float *b, int per_neuron, float *J, size_t n);
void softlif_scale_f64_avx2  (const double *g, int per_neuron, double *out, size_t n);
void softlif_scale_f32_avx2  (const float *g, int per_neuron, float *out, size_t n);
#endif
#ifdef SOFTLIF_HAVE_AVX512
void softlif_affine_f64_avx512 (const double *x, const double *g, const double *b, int per_neuron, double *J, size_t n);
void softlif_affine_f32_avx512 (const float *x, const float *g, const float *b, int per_neuron, float *J, size_t n);
void softlif_scale_f64_avx512  (const double *g, int per_neuron, double *out, size_t n);
void softlif_scale_f32_avx512  (const float *g, int per_neuron, float *out, size_t n);
#endif
