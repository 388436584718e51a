/* softlif-soft-lif-math.c: the soft LIF's kernel parameters, one-value functions and portable kernels
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "softlif-soft-lif-math-private.h"
#include "softlif-soft-lif-kernels-private.h"

/* The constants of the vector paths, and which of them apply. */
void
softlif_soft_lif_kernel_params_init (SoftlifSoftLifKernelParams *p,
                                     const SoftParams           *sp)
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

/* The one-value functions, for the lanes the vector code leaves aside */

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

/* The portable kernels: the one-value functions in a loop */

void
softlif_soft_rate_f64_generic (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] = soft_rate (J[i], p->sp);
}

void
softlif_soft_deriv_f64_generic (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] = soft_derivative (J[i], p->sp);
}

void
softlif_soft_rate_f32_generic (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] = soft_rate_float (J[i], p->sp);
}

void
softlif_soft_deriv_f32_generic (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] = soft_derivative_float (J[i], p->sp);
}
