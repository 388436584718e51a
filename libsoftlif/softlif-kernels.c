/* softlif-kernels.c: kernel parameters, the portable kernels, dispatch
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "softlif-soft-lif-math-private.h"
#include "softlif-kernels-private.h"

void
softlif_simd_params_init (SoftlifSimdParams *p,
                          const SoftParams  *sp)
{
  double sigma = sp->sigma, tau_rc = sp->tau_rc, tau_ref = sp->tau_ref;
  double A = sp->A, eps = sp->eps;

  p->sigma = sigma;
  p->tau_rc = tau_rc;
  p->tau_ref = tau_ref;
  p->A = A;
  p->eps = eps;
  p->inv_sigma = 1.0 / sigma;
  p->inv_A = 1.0 / A;
  log_dd (sigma, 0.0, &p->log_sigma_h, &p->log_sigma_l);
  two_prod (A, tau_rc, &p->atr_h, &p->atr_l);
  p->sp = sp;
  p->rate_minf = sp->rate_at_minus_inf;
  if (eps == 0)
    {
      /* The log domain once sigma e^y (1/2 + sigma) < 2^-60 relative. */
      p->y_low0 = -40.0 - (sigma > 1.0 ? log (sigma) : 0.0);
      p->y_min = -HUGE_VAL;
      p->deep_const = 0;
    }
  else
    {
      /* Below y = -600 (e^y < 2.7e-261) j = eps to 2^-70 when
       * eps >= 2^-780 (and sigma <= 2^10); above it every intermediate of
       * the vector path stays a normal number, which matters because
       * subnormal operands cost a hundred times more. */
      p->y_low0 = -HUGE_VAL;
      p->y_min = -600.0;
      p->deep_const = eps >= 0x1p-780 && sigma <= 0x1p10;
    }
  p->J_max = fmin (0x1p63, sigma * 0x1p63);
  /* float32 reciprocals through rcp14 / rcpps: 1/j with j in
   * [sigma e^-43 or eps, 2^64], D in [tau_rc 2^-64, tau_ref + 750 tau_rc],
   * the derivative's denominators ~ D^2 j (1+j) */
  p->rcp_f_ok = sigma >= 0x1p-30 && sigma <= 0x1p20
                && (eps == 0 || (eps >= 0x1p-60 && eps <= 0x1p20))
                && tau_rc >= 0x1p-20 && tau_rc <= 0x1p10 && tau_ref <= 0x1p10 && A > 0;
  /* The deep-tail derivative (eps > 0, y <= -600) is
   * A tau_rc sigmoid (y) / (D^2 j (1+j)) with j = eps + O(sigma e^-600),
   * that is C e^y; log C in long double (2^-58 absolute is enough). */
  {
    double atr = fabs (A * tau_rc), aotr = fabs (A / tau_rc);

    p->deriv_vec = atr >= 0x1p-100 && atr <= 0x1p100 && aotr >= 0x1p-100 && aotr <= 0x1p100;
  }
  p->deep_vec = 0;
  p->logC_h = p->logC_l = 0;
  if (eps >= 0x1p-780 && sigma <= 0x1p10)
    {
      long double e = eps;
      long double D = (long double) tau_ref + (long double) tau_rc * log1pl (1.0L / e);
      long double lc = logl ((long double) A * tau_rc) - 2 * logl (D) - logl (e) - log1pl (e);

      if (isfinite ((double) lc) && lc < 400 && lc > -400)
        {
          p->deep_vec = 1;
          p->logC_h = (double) lc;
          p->logC_l = (double) (lc - p->logC_h);
        }
    }
}

void
softlif_hard_params_init (SoftlifHardParams *p,
                          double             tau_rc,
                          double             tau_ref,
                          double             A)
{
  p->tau_rc = tau_rc;
  p->tau_ref = tau_ref;
  p->A = A;
  p->inv_A = 1.0 / A;
  two_prod (A, tau_rc, &p->atr_h, &p->atr_l);
}

/* The one-value functions {{{ */

double
softlif_scalar_soft_rate (double J, const SoftParams *p)
{
  return soft_rate (J, p);
}

double
softlif_scalar_soft_derivative (double J, const SoftParams *p)
{
  return soft_derivative (J, p);
}

float
softlif_scalar_soft_rate_float (float J, const SoftParams *p)
{
  return soft_rate_float (J, p);
}

float
softlif_scalar_soft_derivative_float (float J, const SoftParams *p)
{
  return soft_derivative_float (J, p);
}

double
softlif_scalar_lif_rate (double J, double tau_rc, double tau_ref, double A)
{
  return lif_rate (J, tau_rc, tau_ref, A);
}

double
softlif_scalar_lif_derivative (double J, double tau_rc, double tau_ref, double A)
{
  return lif_derivative (J, tau_rc, tau_ref, A);
}

float
softlif_scalar_lif_rate_float (float J, double tau_rc, double tau_ref, double A)
{
  return lif_rate_float (J, tau_rc, tau_ref, A);
}

float
softlif_scalar_lif_derivative_float (float J, double tau_rc, double tau_ref, double A)
{
  return lif_derivative_float (J, tau_rc, tau_ref, A);
}

/* }}} */

/* The portable kernels {{{ */

#define DEFINE_GENERIC(name, T, PT, expr)                                     \
void                                                                          \
name##_generic (const PT *p, const T *J, T *out, size_t n)                    \
{                                                                             \
  for (size_t i = 0; i < n; i++)                                              \
    out[i] = expr;                                                            \
}

DEFINE_GENERIC (softlif_soft_rate_f64, double, SoftlifSimdParams, soft_rate (J[i], p->sp))
DEFINE_GENERIC (softlif_soft_deriv_f64, double, SoftlifSimdParams, soft_derivative (J[i], p->sp))
DEFINE_GENERIC (softlif_soft_rate_f32, float, SoftlifSimdParams, soft_rate_float (J[i], p->sp))
DEFINE_GENERIC (softlif_soft_deriv_f32, float, SoftlifSimdParams, soft_derivative_float (J[i], p->sp))
DEFINE_GENERIC (softlif_hard_rate_f64, double, SoftlifHardParams, lif_rate (J[i], p->tau_rc, p->tau_ref, p->A))
DEFINE_GENERIC (softlif_hard_deriv_f64, double, SoftlifHardParams, lif_derivative (J[i], p->tau_rc, p->tau_ref, p->A))
DEFINE_GENERIC (softlif_hard_rate_f32, float, SoftlifHardParams, lif_rate_float (J[i], p->tau_rc, p->tau_ref, p->A))
DEFINE_GENERIC (softlif_hard_deriv_f32, float, SoftlifHardParams, lif_derivative_float (J[i], p->tau_rc, p->tau_ref, p->A))

#undef DEFINE_GENERIC

#define DEFINE_AFFINE(sfx, T)                                                 \
void                                                                          \
softlif_affine_##sfx##_generic (const T *x, const T *g, const T *b,           \
                                int per_neuron, T *J, size_t n)               \
{                                                                             \
  for (size_t i = 0; i < n; i++)                                              \
    {                                                                         \
      T p = per_neuron ? g[i] * x[0] : g[0] * x[i];                           \
      J[i] = p + (per_neuron ? b[i] : b[0]);                                  \
    }                                                                         \
}

#define DEFINE_SCALE(sfx, T)                                                  \
void                                                                          \
softlif_scale_##sfx##_generic (const T *g, int per_neuron, T *out, size_t n)  \
{                                                                             \
  for (size_t i = 0; i < n; i++)                                              \
    out[i] *= per_neuron ? g[i] : g[0];                                       \
}

DEFINE_AFFINE (f64, double)
DEFINE_AFFINE (f32, float)
DEFINE_SCALE (f64, double)
DEFINE_SCALE (f32, float)

#undef DEFINE_AFFINE
#undef DEFINE_SCALE

/* }}} */

/* Dispatch {{{ */

#define KERNEL_SET(sfx, label, rate_affine)                                   \
  {                                                                           \
    label,                                                                    \
    softlif_soft_rate_f64##sfx, softlif_soft_deriv_f64##sfx,                  \
    softlif_soft_rate_f32##sfx, softlif_soft_deriv_f32##sfx,                  \
    softlif_hard_rate_f64##sfx, softlif_hard_deriv_f64##sfx,                  \
    softlif_hard_rate_f32##sfx, softlif_hard_deriv_f32##sfx,                  \
    softlif_affine_f64##sfx, softlif_affine_f32##sfx,                         \
    softlif_scale_f64##sfx, softlif_scale_f32##sfx,                           \
    rate_affine,                                                              \
  }

static const SoftlifKernels generic_kernels = KERNEL_SET (_generic, "generic", NULL);
#ifdef SOFTLIF_HAVE_SSE2
static const SoftlifKernels sse2_kernels = KERNEL_SET (_sse2, "sse2", NULL);
#endif
#ifdef SOFTLIF_HAVE_AVX2
static const SoftlifKernels avx2_kernels = KERNEL_SET (_avx2, "avx2", NULL);
#endif
#ifdef SOFTLIF_HAVE_AVX512
static const SoftlifKernels avx512_kernels = KERNEL_SET (_avx512, "avx512", softlif_soft_rate_f64_affine_avx512);
#endif

static const SoftlifKernels * const all_kernels[] = {
  &generic_kernels,
#ifdef SOFTLIF_HAVE_SSE2
  &sse2_kernels,
#endif
#ifdef SOFTLIF_HAVE_AVX2
  &avx2_kernels,
#endif
#ifdef SOFTLIF_HAVE_AVX512
  &avx512_kernels,
#endif
  NULL
};

const SoftlifKernels * const *
softlif_kernels_list (void)
{
  return all_kernels;
}

gboolean
softlif_kernels_supported (const SoftlifKernels *kernels)
{
#if defined(SOFTLIF_HAVE_SSE2) || defined(SOFTLIF_HAVE_AVX2) || defined(SOFTLIF_HAVE_AVX512)
  __builtin_cpu_init ();
#endif
#ifdef SOFTLIF_HAVE_SSE2
  if (kernels == &sse2_kernels)
    return __builtin_cpu_supports ("sse2");
#endif
#ifdef SOFTLIF_HAVE_AVX2
  if (kernels == &avx2_kernels)
    return __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma");
#endif
#ifdef SOFTLIF_HAVE_AVX512
  if (kernels == &avx512_kernels)
    return __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma") &&
           __builtin_cpu_supports ("avx512f") && __builtin_cpu_supports ("avx512dq");
#endif
  return kernels == &generic_kernels;
}

const SoftlifKernels *
softlif_kernels_get (void)
{
  static gsize chosen = 0;

  if (g_once_init_enter (&chosen))
    {
      const SoftlifKernels *best = &generic_kernels;
      const char *want = g_getenv ("SOFTLIF_KERNELS");

      /* The list is ordered from the most portable to the fastest. */
      for (gsize i = 0; all_kernels[i] != NULL; i++)
        if (softlif_kernels_supported (all_kernels[i]))
          best = all_kernels[i];
      /* SOFTLIF_KERNELS=generic|sse2|avx2|avx512 picks a set (for tests and
       * comparisons), if this build has it and the CPU runs it. */
      for (gsize i = 0; want != NULL && all_kernels[i] != NULL; i++)
        if (g_str_equal (want, all_kernels[i]->name) &&
            softlif_kernels_supported (all_kernels[i]))
          best = all_kernels[i];
      g_debug ("array kernels: %s", best->name);
      g_once_init_leave (&chosen, (gsize) best);
    }
  return (const SoftlifKernels *) chosen;
}

/* }}} */
