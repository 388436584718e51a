/* softlif-kernels.c: the kernel sets, and the pick of the best one the CPU runs
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "softlif-kernels-private.h"

static const SoftlifKernels generic_kernels = {
  .name = "generic",
  .soft_rate_f64 = softlif_soft_rate_f64_generic,
  .soft_deriv_f64 = softlif_soft_deriv_f64_generic,
  .soft_rate_f32 = softlif_soft_rate_f32_generic,
  .soft_deriv_f32 = softlif_soft_deriv_f32_generic,
  .lif_rate_f64 = softlif_lif_rate_f64_generic,
  .lif_deriv_f64 = softlif_lif_deriv_f64_generic,
  .lif_rate_f32 = softlif_lif_rate_f32_generic,
  .lif_deriv_f32 = softlif_lif_deriv_f32_generic,
  .affine_f64 = softlif_affine_f64_generic,
  .affine_f32 = softlif_affine_f32_generic,
  .scale_f64 = softlif_scale_f64_generic,
  .scale_f32 = softlif_scale_f32_generic,
  .soft_rate_f64_affine = NULL,
};

#ifdef SOFTLIF_HAVE_SSE2
static const SoftlifKernels sse2_kernels = {
  .name = "sse2",
  .soft_rate_f64 = softlif_soft_rate_f64_sse2,
  .soft_deriv_f64 = softlif_soft_deriv_f64_sse2,
  .soft_rate_f32 = softlif_soft_rate_f32_sse2,
  .soft_deriv_f32 = softlif_soft_deriv_f32_sse2,
  .lif_rate_f64 = softlif_lif_rate_f64_sse2,
  .lif_deriv_f64 = softlif_lif_deriv_f64_sse2,
  .lif_rate_f32 = softlif_lif_rate_f32_sse2,
  .lif_deriv_f32 = softlif_lif_deriv_f32_sse2,
  .affine_f64 = softlif_affine_f64_sse2,
  .affine_f32 = softlif_affine_f32_sse2,
  .scale_f64 = softlif_scale_f64_sse2,
  .scale_f32 = softlif_scale_f32_sse2,
  .soft_rate_f64_affine = NULL,
};
#endif

#ifdef SOFTLIF_HAVE_AVX2
static const SoftlifKernels avx2_kernels = {
  .name = "avx2",
  .soft_rate_f64 = softlif_soft_rate_f64_avx2,
  .soft_deriv_f64 = softlif_soft_deriv_f64_avx2,
  .soft_rate_f32 = softlif_soft_rate_f32_avx2,
  .soft_deriv_f32 = softlif_soft_deriv_f32_avx2,
  .lif_rate_f64 = softlif_lif_rate_f64_avx2,
  .lif_deriv_f64 = softlif_lif_deriv_f64_avx2,
  .lif_rate_f32 = softlif_lif_rate_f32_avx2,
  .lif_deriv_f32 = softlif_lif_deriv_f32_avx2,
  .affine_f64 = softlif_affine_f64_avx2,
  .affine_f32 = softlif_affine_f32_avx2,
  .scale_f64 = softlif_scale_f64_avx2,
  .scale_f32 = softlif_scale_f32_avx2,
  .soft_rate_f64_affine = NULL,
};
#endif

#ifdef SOFTLIF_HAVE_AVX512
static const SoftlifKernels avx512_kernels = {
  .name = "avx512",
  .soft_rate_f64 = softlif_soft_rate_f64_avx512,
  .soft_deriv_f64 = softlif_soft_deriv_f64_avx512,
  .soft_rate_f32 = softlif_soft_rate_f32_avx512,
  .soft_deriv_f32 = softlif_soft_deriv_f32_avx512,
  .lif_rate_f64 = softlif_lif_rate_f64_avx512,
  .lif_deriv_f64 = softlif_lif_deriv_f64_avx512,
  .lif_rate_f32 = softlif_lif_rate_f32_avx512,
  .lif_deriv_f32 = softlif_lif_deriv_f32_avx512,
  .affine_f64 = softlif_affine_f64_avx512,
  .affine_f32 = softlif_affine_f32_avx512,
  .scale_f64 = softlif_scale_f64_avx512,
  .scale_f32 = softlif_scale_f32_avx512,
  .soft_rate_f64_affine = softlif_soft_rate_f64_affine_avx512,
};
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
       * comparisons), if this build has it and the CPU runs it; any other
       * value is reported once (a message, not a warning: an environment
       * variable must not abort a program run with fatal warnings) and
       * leaves the best set. */
      if (want != NULL && *want != '\0')
        {
          gsize i;

          for (i = 0; all_kernels[i] != NULL; i++)
            if (g_str_equal (want, all_kernels[i]->name) &&
                softlif_kernels_supported (all_kernels[i]))
              break;
          if (all_kernels[i] != NULL)
            best = all_kernels[i];
          else
            g_message ("Ignoring SOFTLIF_KERNELS=%s: not a kernel set that this build has and this CPU runs; "
                       "using %s", want, best->name);
        }
      g_debug ("array kernels: %s", best->name);
      g_once_init_leave (&chosen, (gsize) best);
    }
  return (const SoftlifKernels *) chosen;
}

