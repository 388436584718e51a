/* softlif-lif-sse2.c: the LIF kernels on SSE2 (two doubles, the x86-64 baseline)
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#ifdef SOFTLIF_HAVE_SSE2

#include "softlif-lif-kernels-private.h"
#include "softlif-simd-sse2-private.h"
#include "softlif-lif-simd.inc"

void
softlif_lif_rate_f64_sse2 (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n)
{
  lif_rate_f64_array (p, J, out, n);
}

void
softlif_lif_deriv_f64_sse2 (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n)
{
  lif_deriv_f64_array (p, J, out, n);
}

void
softlif_lif_rate_f32_sse2 (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n)
{
  lif_rate_f32_array (p, J, out, n);
}

void
softlif_lif_deriv_f32_sse2 (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n)
{
  lif_deriv_f32_array (p, J, out, n);
}

#endif /* SOFTLIF_HAVE_SSE2 */
