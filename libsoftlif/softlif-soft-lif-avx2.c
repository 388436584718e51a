/* softlif-soft-lif-avx2.c: the soft LIF kernels on AVX2+FMA (four doubles)
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#ifdef SOFTLIF_HAVE_AVX2

#include "softlif-soft-lif-kernels-private.h"
#include "softlif-simd-avx2-private.h"
#include "softlif-soft-lif-simd.inc"

void
softlif_soft_rate_f64_avx2 (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n)
{
  soft_lif_rate_f64_array (p, J, out, n);
}

void
softlif_soft_deriv_f64_avx2 (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n)
{
  soft_lif_deriv_f64_array (p, J, out, n);
}

void
softlif_soft_rate_f32_avx2 (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n)
{
  soft_lif_rate_f32_array (p, J, out, n);
}

void
softlif_soft_deriv_f32_avx2 (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n)
{
  soft_lif_deriv_f32_array (p, J, out, n);
}

#endif /* SOFTLIF_HAVE_AVX2 */
