/* softlif-lif-math.c: the LIF's kernel parameters, one-value functions and portable kernels
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "softlif-lif-math-private.h"
#include "softlif-lif-kernels-private.h"

void
softlif_lif_kernel_params_init (SoftlifLifKernelParams *p,
                                double                  tau_rc,
                                double                  tau_ref,
                                double                  A)
{
  p->tau_rc = tau_rc;
  p->tau_ref = tau_ref;
  p->A = A;
  p->inv_A = 1.0 / A;
  two_prod (A, tau_rc, &p->atr_h, &p->atr_l);
}

/* The one-value functions, for the lanes the vector code leaves aside */

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

/* The portable kernels: the one-value functions in a loop */

void
softlif_lif_rate_f64_generic (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] = lif_rate (J[i], p->tau_rc, p->tau_ref, p->A);
}

void
softlif_lif_deriv_f64_generic (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] = lif_derivative (J[i], p->tau_rc, p->tau_ref, p->A);
}

void
softlif_lif_rate_f32_generic (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] = lif_rate_float (J[i], p->tau_rc, p->tau_ref, p->A);
}

void
softlif_lif_deriv_f32_generic (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n)
{
  for (size_t i = 0; i < n; i++)
    out[i] = lif_derivative_float (J[i], p->tau_rc, p->tau_ref, p->A);
}
