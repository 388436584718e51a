/* softlif-simd-sse2-private.h: the SIMD layer on SSE2 (two doubles, the x86-64 baseline)
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The operations of softlif-simd-private.h on __m128d, for x86-64 CPUs
 * without AVX2 and FMA (SSE2 is part of x86-64: no target switch). What
 * SSE2 lacks is emulated here:
 *   fused multiply-add   the plain ones (simd_fma, simd_fms, simd_fnma)
 *                        round the product first; the exact ones
 *                        (simd_fms_exact, simd_fnma_exact: errors of
 *                        products, remainders of divisions) use Dekker's
 *                        product, split with 2^27 + 1, as the one-value
 *                        code does without FMA; simd_fms1_c9 (m*c - 1 with
 *                        a 9-bit table value c) splits m after 44 bits, so
 *                        that m_hi*c is exact
 *   blendv               and / andnot / or (mask lanes are all ones or zeros)
 *   gathers, tables      two scalar loads
 *   float loads          two floats through the low 64 bits
 * Results are within the same bounds as the AVX2 code's, though not bit for
 * bit the same (the plain steps round differently). */

#pragma once

#include <emmintrin.h>

typedef __m128d SimdF64;
typedef __m128i SimdI64;
typedef __m128 SimdF32;
typedef __m128i SimdTab4Index;

#define SIMD_WIDTH 2
#define SIMD_WIDTH_F32 4

#define simd_splat(x) _mm_set1_pd (x)
#define simd_splat_i64(x) _mm_set1_epi64x (x)
#define simd_zero() _mm_setzero_pd ()
#define simd_add _mm_add_pd
#define simd_sub _mm_sub_pd
#define simd_mul _mm_mul_pd
#define simd_div _mm_div_pd
#define simd_max _mm_max_pd
#define simd_min _mm_min_pd
#define simd_abs(x) _mm_andnot_pd (simd_splat (-0.0), (x))
#define simd_and _mm_and_pd
#define simd_or _mm_or_pd
#define simd_xor _mm_xor_pd
#define simd_andnot _mm_andnot_pd

/* plain multiply-adds: the product rounds first */
#define simd_fma(a, b, c) simd_add (simd_mul ((a), (b)), (c))
#define simd_fms(a, b, c) simd_sub (simd_mul ((a), (b)), (c))
#define simd_fnma(a, b, c) simd_sub ((c), simd_mul ((a), (b)))

/* Dekker: a*b = p + err exactly (|a|, |b| < 2^995, no underflow), as
 * two_prod of softlif-double-double-private.h without FMA */
static inline __attribute__ ((always_inline)) SimdF64
simd_sse2_split_hi (SimdF64 a)
{
  SimdF64 t = simd_mul (a, simd_splat (134217729.0));     /* 2^27 + 1 */
  return simd_sub (t, simd_sub (t, a));
}

static inline __attribute__ ((always_inline)) SimdF64
simd_sse2_prod_err (SimdF64 a, SimdF64 b, SimdF64 p)
{
  SimdF64 ah = simd_sse2_split_hi (a), bh = simd_sse2_split_hi (b);
  SimdF64 al = simd_sub (a, ah), bl = simd_sub (b, bh);
  return simd_add (simd_add (simd_add (simd_sub (simd_mul (ah, bh), p), simd_mul (ah, bl)),
                             simd_mul (al, bh)), simd_mul (al, bl));
}

/* a*b - c and c - a*b as the FMA gives them wherever p - c is exact
 * (c = p, or c within a factor 2 of p: remainders); then the only rounding
 * is the last one, the FMA's */
static inline __attribute__ ((always_inline)) SimdF64
simd_sse2_fms_exact (SimdF64 a, SimdF64 b, SimdF64 c)
{
  SimdF64 p = simd_mul (a, b);
  return simd_add (simd_sub (p, c), simd_sse2_prod_err (a, b, p));
}

static inline __attribute__ ((always_inline)) SimdF64
simd_sse2_fnma_exact (SimdF64 a, SimdF64 b, SimdF64 c)
{
  SimdF64 p = simd_mul (a, b);
  return simd_sub (simd_sub (c, p), simd_sse2_prod_err (a, b, p));
}

/* m*c - 1, m in [1, 2), c with at most 9 significant bits: m_hi (44 bits)
 * times c is exact, and so is every step after it */
static inline __attribute__ ((always_inline)) SimdF64
simd_sse2_fms1_c9 (SimdF64 m, SimdF64 c)
{
  SimdF64 mh = _mm_and_pd (m, _mm_castsi128_pd (_mm_set1_epi64x ((long long) 0xfffffffffffffe00ULL)));
  return simd_add (simd_sub (simd_mul (mh, c), simd_splat (1.0)), simd_mul (simd_sub (m, mh), c));
}

#define simd_fms_exact simd_sse2_fms_exact
#define simd_fnma_exact simd_sse2_fnma_exact
#define simd_fms1_c9 simd_sse2_fms1_c9

#define simd_recip(x) simd_div (simd_splat (1.0), (x))
#define simd_div_approx(a, b) simd_div ((a), (b))
#define simd_recip_f32(x) simd_div (simd_splat (1.0), (x))

/* the SSE2 compares of the same ordered predicates (they differ from the
 * AVX ones only in signalling on quiet NaNs, which nothing here traps) */
#define simd_cmp_lt _mm_cmplt_pd
#define simd_cmp_le _mm_cmple_pd
#define simd_cmp_gt _mm_cmpgt_pd
#define simd_cmp_ge _mm_cmpge_pd
#define simd_cmp_unord _mm_cmpunord_pd
#define simd_select(m, a, b) _mm_or_pd (_mm_and_pd ((m), (a)), _mm_andnot_pd ((m), (b)))
#define simd_movemask(m) _mm_movemask_pd (m)

#define simd_as_i64 _mm_castpd_si128
#define simd_as_f64 _mm_castsi128_pd
#define simd_slli_i64 _mm_slli_epi64
#define simd_srli_i64 _mm_srli_epi64
#define simd_and_i64 _mm_and_si128
#define simd_or_i64 _mm_or_si128
#define simd_andnot_i64 _mm_andnot_si128
#define simd_add_i64 _mm_add_epi64
#define simd_sub_i64 _mm_sub_epi64

/* two scalar loads (indices in doubles) */
static inline __attribute__ ((always_inline)) SimdF64
simd_sse2_gather (const double *base, SimdI64 idx)
{
  long long i0 = _mm_cvtsi128_si64 (idx);
  long long i1 = _mm_cvtsi128_si64 (_mm_unpackhi_epi64 (idx, idx));
  return _mm_loadh_pd (_mm_load_sd (base + i0), base + i1);
}

#define simd_gather(base, idx) simd_sse2_gather ((base), (idx))
#define simd_loadu _mm_loadu_pd
#define simd_storeu _mm_storeu_pd
/* two floats in the low 64 bits */
#define simd_loadu_f32_f64(p) \
  _mm_cvtps_pd (_mm_castsi128_ps (_mm_loadl_epi64 ((const __m128i *) (const void *) (p))))
#define simd_storeu_f64_f32(p, v) \
  _mm_storel_epi64 ((__m128i *) (void *) (p), _mm_castps_si128 (_mm_cvtpd_ps (v)))

/* 4-entry tables: the lane index k (mod 4), two scalar loads */
#define simd_tab4_index(k) _mm_and_si128 ((k), _mm_set1_epi64x (3))
#define simd_tab4(tab, ix) simd_sse2_gather ((tab), (ix))

#define simd_splat_f32(x) _mm_set1_ps (x)
#define simd_add_f32 _mm_add_ps
#define simd_mul_f32 _mm_mul_ps
#define simd_loadu_f32 _mm_loadu_ps
#define simd_storeu_f32 _mm_storeu_ps

#include "softlif-simd-private.h"
