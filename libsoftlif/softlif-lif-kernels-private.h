/* softlif-lif-kernels-private.h: the LIF's array kernels and their parameters
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* Every LIF kernel: the portable loops (softlif-lif-math.c) and the vector
 * code for each instruction set configure found the compiler able to build
 * (softlif-lif-sse2.c, -avx2.c, -avx512.c), all over the same parameters.
 * NaN and J > 2^64 go to the one-value functions. */

#pragma once

#include <stddef.h>

typedef struct {
  double tau_rc, tau_ref, A, inv_A;
  double atr_h, atr_l;              /* A * tau_rc as a double-double */
} SoftlifLifKernelParams;

void softlif_lif_kernel_params_init (SoftlifLifKernelParams *p,
                                     double                  tau_rc,
                                     double                  tau_ref,
                                     double                  A);

/* The one-value functions, compiled once for the baseline target. */
double softlif_scalar_lif_rate             (double J, double tau_rc, double tau_ref, double A);
double softlif_scalar_lif_derivative       (double J, double tau_rc, double tau_ref, double A);
float  softlif_scalar_lif_rate_float       (float J, double tau_rc, double tau_ref, double A);
float  softlif_scalar_lif_derivative_float (float J, double tau_rc, double tau_ref, double A);

/* The kernels: out[i] = the rate or derivative at J[i], i < n. */
void softlif_lif_rate_f64_generic  (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_lif_deriv_f64_generic (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_lif_rate_f32_generic  (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n);
void softlif_lif_deriv_f32_generic (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n);
#ifdef SOFTLIF_HAVE_SSE2
void softlif_lif_rate_f64_sse2  (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_lif_deriv_f64_sse2 (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_lif_rate_f32_sse2  (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n);
void softlif_lif_deriv_f32_sse2 (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n);
#endif
#ifdef SOFTLIF_HAVE_AVX2
void softlif_lif_rate_f64_avx2  (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_lif_deriv_f64_avx2 (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_lif_rate_f32_avx2  (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n);
void softlif_lif_deriv_f32_avx2 (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n);
#endif
#ifdef SOFTLIF_HAVE_AVX512
void softlif_lif_rate_f64_avx512  (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_lif_deriv_f64_avx512 (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_lif_rate_f32_avx512  (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n);
void softlif_lif_deriv_f32_avx512 (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n);
#endif
