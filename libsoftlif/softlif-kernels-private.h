/* softlif-kernels-private.h: the array kernels and their dispatch
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The neuron types hand whole arrays of currents to these kernels. Each
 * exists as a portable loop over the one-value functions of
 * softlif-soft-lif-math-private.h and softlif-lif-math-private.h and, where
 * configure found the compiler able, as SSE2, AVX2+FMA and AVX-512 vector code
 * (softlif-kernels-simd.inc); softlif_kernels_get() picks the best the CPU
 * runs, once. The vector code sends the lanes it does not handle (far
 * tail, huge or non-finite J) to the one-value functions, and every value
 * is computed from its own input only, so results do not depend on how an
 * array is split. */

#pragma once

#include <stddef.h>
#include <glib.h>

/* The parameters of the one-value soft LIF functions; the vector code
 * only passes them on, and does not see those functions' double-double
 * helpers, whose names it reuses for its own vector versions. */
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
} SoftlifSimdParams;

typedef struct {
  double tau_rc, tau_ref, A, inv_A, atr_h, atr_l;
} SoftlifHardParams;

/* @sp, already set up for the same parameters, must outlive @p. */
void softlif_simd_params_init (SoftlifSimdParams *p,
                               const SoftParams  *sp);
void softlif_hard_params_init (SoftlifHardParams *p,
                               double             tau_rc,
                               double             tau_ref,
                               double             A);

/* The one-value functions, compiled once for the baseline target. */
double softlif_scalar_soft_rate             (double J, const SoftParams *p);
double softlif_scalar_soft_derivative       (double J, const SoftParams *p);
float  softlif_scalar_soft_rate_float       (float J, const SoftParams *p);
float  softlif_scalar_soft_derivative_float (float J, const SoftParams *p);
double softlif_scalar_lif_rate              (double J, double tau_rc, double tau_ref, double A);
double softlif_scalar_lif_derivative        (double J, double tau_rc, double tau_ref, double A);
float  softlif_scalar_lif_rate_float        (float J, double tau_rc, double tau_ref, double A);
float  softlif_scalar_lif_derivative_float  (float J, double tau_rc, double tau_ref, double A);

#define SOFTLIF_DECLARE_KERNELS(sfx) \
void softlif_soft_rate_f64##sfx (const SoftlifSimdParams *p, const double *J, double *out, size_t n); \
void softlif_soft_deriv_f64##sfx (const SoftlifSimdParams *p, const double *J, double *out, size_t n); \
void softlif_soft_rate_f32##sfx (const SoftlifSimdParams *p, const float *J, float *out, size_t n); \
void softlif_soft_deriv_f32##sfx (const SoftlifSimdParams *p, const float *J, float *out, size_t n); \
void softlif_hard_rate_f64##sfx (const SoftlifHardParams *p, const double *J, double *out, size_t n); \
void softlif_hard_deriv_f64##sfx (const SoftlifHardParams *p, const double *J, double *out, size_t n); \
void softlif_hard_rate_f32##sfx (const SoftlifHardParams *p, const float *J, float *out, size_t n); \
void softlif_hard_deriv_f32##sfx (const SoftlifHardParams *p, const float *J, float *out, size_t n); \
void softlif_affine_f64##sfx (const double *x, const double *g, const double *b, int per_neuron, double *J, size_t n); \
void softlif_affine_f32##sfx (const float *x, const float *g, const float *b, int per_neuron, float *J, size_t n); \
void softlif_scale_f64##sfx (const double *g, int per_neuron, double *out, size_t n); \
void softlif_scale_f32##sfx (const float *g, int per_neuron, float *out, size_t n);

SOFTLIF_DECLARE_KERNELS (_generic)
#ifdef SOFTLIF_HAVE_SSE2
SOFTLIF_DECLARE_KERNELS (_sse2)
#endif
#ifdef SOFTLIF_HAVE_AVX2
SOFTLIF_DECLARE_KERNELS (_avx2)
#endif
#ifdef SOFTLIF_HAVE_AVX512
SOFTLIF_DECLARE_KERNELS (_avx512)
gboolean softlif_soft_rate_f64_affine_avx512 (const SoftlifSimdParams *p, const double *x, const double *gb, double *out, size_t n);
#endif

typedef struct {
  const char *name;
  void (* soft_rate_f64)  (const SoftlifSimdParams *, const double *, double *, size_t);
  void (* soft_deriv_f64) (const SoftlifSimdParams *, const double *, double *, size_t);
  void (* soft_rate_f32)  (const SoftlifSimdParams *, const float *, float *, size_t);
  void (* soft_deriv_f32) (const SoftlifSimdParams *, const float *, float *, size_t);
  void (* hard_rate_f64)  (const SoftlifHardParams *, const double *, double *, size_t);
  void (* hard_deriv_f64) (const SoftlifHardParams *, const double *, double *, size_t);
  void (* hard_rate_f32)  (const SoftlifHardParams *, const float *, float *, size_t);
  void (* hard_deriv_f32) (const SoftlifHardParams *, const float *, float *, size_t);
  /* J = g x + b rounded twice, as numpy does: per_neuron == 0 takes one g
   * and b and n x; per_neuron != 0 one x and n g and b */
  void (* affine_f64) (const double *, const double *, const double *, int, double *, size_t);
  void (* affine_f32) (const float *, const float *, const float *, int, float *, size_t);
  /* out *= g, one g (per_neuron == 0) or n of them */
  void (* scale_f64) (const double *, int, double *, size_t);
  void (* scale_f32) (const float *, int, float *, size_t);
  /* the soft LIF rates of J = gb[0] x + gb[1], with the bits of
   * affine_f64 then soft_rate_f64 but J never stored; NULL in the sets
   * without it, and FALSE (nothing written) for parameters it leaves to
   * that two-step path */
  gboolean (* soft_rate_f64_affine) (const SoftlifSimdParams *, const double *, const double *, double *, size_t);
} SoftlifKernels;

/* The kernels for this CPU. */
const SoftlifKernels *softlif_kernels_get (void);

/* Every set this build has ("generic", "sse2", "avx2", "avx512"), whether or not
 * the CPU runs it, NULL-terminated; and whether the CPU runs @kernels. */
const SoftlifKernels * const *softlif_kernels_list (void);
gboolean softlif_kernels_supported (const SoftlifKernels *kernels);
