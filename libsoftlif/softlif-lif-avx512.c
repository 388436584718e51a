/* softlif-lif-avx512.c: the LIF kernels on AVX-512 (eight doubles)
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#ifdef SOFTLIF_HAVE_AVX512

#include "softlif-lif-kernels-private.h"
#include "softlif-simd-avx512-private.h"
#include "softlif-lif-simd.inc"

void
softlif_lif_rate_f64_avx512 (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n)
{
  lif_rate_f64_array (p, J, out, n);
}

void
softlif_lif_deriv_f64_avx512 (const SoftlifLifKernelParams *p, const double *J, double *out, size_t n)
{
  lif_deriv_f64_array (p, J, out, n);
}

void
softlif_lif_rate_f32_avx512 (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n)
{
  lif_rate_f32_array (p, J, out, n);
}

void
softlif_lif_deriv_f32_avx512 (const SoftlifLifKernelParams *p, const float *J, float *out, size_t n)
{
  lif_deriv_f32_array (p, J, out, n);
}

#endif /* SOFTLIF_HAVE_AVX512 */
