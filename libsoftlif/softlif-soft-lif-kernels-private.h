/* softlif-soft-lif-kernels-private.h: the soft LIF's array kernels and their parameters
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* Every soft LIF kernel: the portable loops (softlif-soft-lif-math.c) and
 * the vector code for each instruction set configure found the compiler
 * able to build (softlif-soft-lif-sse2.c, -avx2.c, -avx512.c), all over
 * the same parameters. The vector code sends the lanes it does not handle
 * (far tail, huge or non-finite J) to the one-value functions, and every
 * value is computed from its own input only, so results do not depend on
 * how an array is split. */

#pragma once

#include <stddef.h>
#include <glib.h>

/* The parameters of the one-value functions (softlif-soft-lif-math-private.h);
 * the vector code only passes them on. */
typedef struct _SoftParams SoftParams;

typedef struct {
  /* the model */
  double sigma, tau_rc, tau_ref, A, eps;
  /* constants of the vector paths */
  double inv_sigma, inv_A;
  double log_sigma_h, log_sigma_l;  /* log (sigma) as a double-double */
  double atr_h, atr_l;              /* A * tau_rc as a double-double */
  double y_low0;     /* eps == 0: y <= y_low0 uses L = -(log sigma + y); else -inf */
  double y_min;      /* eps > 0: y <= y_min (-600) is the deep tail (j = eps); else -inf */
  double rate_minf;  /* A / (tau_ref + tau_rc log1p (1/eps)), 0 if eps == 0 */
  int deep_const;    /* eps >= 2^-780: the deep-tail rate is exactly rate_minf */
  double J_max;      /* |J| <= J_max keeps |J-1| and |y| <= 2^63 (else one-value code) */
  int deep_vec;      /* the deep-tail derivative is computed as e^(y + log C) */
  int deriv_vec;     /* |A tau_rc| and |A / tau_rc| in [2^-100, 2^100]: the vector
                      * derivative's numerator stays normal (else one-value code) */
  int rcp_f_ok;      /* float32 paths may use approximate reciprocals */
  double logC_h, logC_l; /* log (A tau_rc / (D_eps^2 eps (1+eps))), D_eps = D at j = eps */
  const SoftParams *sp;  /* for the one-value functions */
} SoftlifSoftLifKernelParams;

/* @sp, already set up for the same parameters, must outlive @p. */
void softlif_soft_lif_kernel_params_init (SoftlifSoftLifKernelParams *p,
                                          const SoftParams           *sp);

/* The one-value functions, compiled once for the baseline target. */
double softlif_scalar_soft_rate             (double J, const SoftParams *p);
double softlif_scalar_soft_derivative       (double J, const SoftParams *p);
float  softlif_scalar_soft_rate_float       (float J, const SoftParams *p);
float  softlif_scalar_soft_derivative_float (float J, const SoftParams *p);

/* The kernels: out[i] = the rate or derivative at J[i], i < n. */
void softlif_soft_rate_f64_generic  (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_soft_deriv_f64_generic (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_soft_rate_f32_generic  (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n);
void softlif_soft_deriv_f32_generic (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n);
#ifdef SOFTLIF_HAVE_SSE2
void softlif_soft_rate_f64_sse2  (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_soft_deriv_f64_sse2 (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_soft_rate_f32_sse2  (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n);
void softlif_soft_deriv_f32_sse2 (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n);
#endif
#ifdef SOFTLIF_HAVE_AVX2
void softlif_soft_rate_f64_avx2  (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_soft_deriv_f64_avx2 (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_soft_rate_f32_avx2  (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n);
void softlif_soft_deriv_f32_avx2 (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n);
#endif
#ifdef SOFTLIF_HAVE_AVX512
void softlif_soft_rate_f64_avx512  (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_soft_deriv_f64_avx512 (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n);
void softlif_soft_rate_f32_avx512  (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n);
void softlif_soft_deriv_f32_avx512 (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n);
/* the rates of J = gb[0] x + gb[1], J never stored; FALSE (nothing
 * written) for the parameters it leaves to the two-step path */
gboolean softlif_soft_rate_f64_affine_avx512 (const SoftlifSoftLifKernelParams *p, const double *x,
                                              const double *gb, double *out, size_t n);
#endif
