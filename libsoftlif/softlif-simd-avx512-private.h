/* softlif-simd-avx512-private.h: the SIMD layer on AVX-512 F+DQ (eight doubles)
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The operations of softlif-simd-private.h on __m512d: the AVX2 code on
 * eight lanes. Masks are kept as all-ones vectors, as in the AVX2 layer,
 * and turned into opmasks where an instruction needs one. Only the
 * AVX-512 kernel files include it, and only they are compiled with
 * -mavx512f -mavx512dq -mavx2 -mfma (SOFTLIF_AVX512_CFLAGS,
 * libsoftlif/Makefile.am), by gcc and clang alike. */

#pragma once

#if !defined(__AVX512F__) || !defined(__AVX512DQ__) || !defined(__AVX2__) || !defined(__FMA__)
#error "the AVX-512 kernels are compiled with SOFTLIF_AVX512_CFLAGS (-mavx512f -mavx512dq -mavx2 -mfma)"
#endif

#include <stddef.h>
#include <string.h>

#include <immintrin.h>

typedef __m512d SimdF64;
typedef __m512i SimdI64;
typedef __m256 SimdF32;
typedef __m512i SimdTab4Index;

#define SIMD_WIDTH 8
#define SIMD_WIDTH_F32 8

#define simd_splat(x) _mm512_set1_pd (x)
#define simd_splat_i64(x) _mm512_set1_epi64 (x)
#define simd_zero() _mm512_setzero_pd ()
#define simd_add _mm512_add_pd
#define simd_sub _mm512_sub_pd
#define simd_mul _mm512_mul_pd
#define simd_div _mm512_div_pd
#define simd_max _mm512_max_pd
#define simd_min _mm512_min_pd
#define simd_abs(x) _mm512_andnot_pd (simd_splat (-0.0), (x))
#define simd_fma _mm512_fmadd_pd
#define simd_fms _mm512_fmsub_pd
#define simd_fnma _mm512_fnmadd_pd
/* the exact ones: the FMA itself */
#define simd_fms_exact simd_fms
#define simd_fnma_exact simd_fnma
#define simd_fms1_c9(m, c) simd_fms ((m), (c), simd_splat (1.0))

/* reciprocal: rcp14 + two Newton steps (rel. err ~2^-56, within 1 ulp of
 * 1/x, which is all the exact-remainder corrections need); keeps the
 * divider out of the loop */
static inline __attribute__ ((always_inline)) SimdF64
simd_avx512_recip (SimdF64 x)
{
  SimdF64 r = _mm512_rcp14_pd (x);
  r = simd_fma (r, simd_fnma (r, x, simd_splat (1.0)), r);
  SimdF64 e = simd_fnma (r, x, simd_splat (1.0));
  return simd_fma (r, simd_fma (e, e, e), r);   /* third-order step */
}

/* float32 paths: rcp14 and one cubic step, rel. err ~2^-42 */
static inline __attribute__ ((always_inline)) SimdF64
simd_avx512_recip_f32 (SimdF64 x)
{
  SimdF64 r = _mm512_rcp14_pd (x);
  SimdF64 e = simd_fnma (r, x, simd_splat (1.0));
  return simd_fma (r, simd_fma (e, e, e), r);
}

#define simd_recip(x) simd_avx512_recip (x)
#define simd_div_approx(a, b) simd_mul ((a), simd_avx512_recip (b))
#define simd_recip_f32(x) simd_avx512_recip_f32 (x)

#define simd_and _mm512_and_pd
#define simd_or _mm512_or_pd
#define simd_xor _mm512_xor_pd
#define simd_andnot _mm512_andnot_pd
/* opmask <-> all-ones lanes */
#define simd_avx512_from_mask(k) _mm512_castsi512_pd (_mm512_movm_epi64 (k))
#define simd_avx512_to_mask(m) _mm512_movepi64_mask (_mm512_castpd_si512 (m))
#define simd_cmp_lt(a, b) simd_avx512_from_mask (_mm512_cmp_pd_mask ((a), (b), _CMP_LT_OQ))
#define simd_cmp_le(a, b) simd_avx512_from_mask (_mm512_cmp_pd_mask ((a), (b), _CMP_LE_OQ))
#define simd_cmp_gt(a, b) simd_avx512_from_mask (_mm512_cmp_pd_mask ((a), (b), _CMP_GT_OQ))
#define simd_cmp_ge(a, b) simd_avx512_from_mask (_mm512_cmp_pd_mask ((a), (b), _CMP_GE_OQ))
#define simd_cmp_unord(a, b) simd_avx512_from_mask (_mm512_cmp_pd_mask ((a), (b), _CMP_UNORD_Q))
#define simd_select(m, a, b) _mm512_mask_blend_pd (simd_avx512_to_mask (m), (b), (a))
#define simd_movemask(m) ((int) simd_avx512_to_mask (m))

#define simd_as_i64 _mm512_castpd_si512
#define simd_as_f64 _mm512_castsi512_pd
#define simd_slli_i64 _mm512_slli_epi64
#define simd_srli_i64 _mm512_srli_epi64
#define simd_and_i64 _mm512_and_si512
#define simd_or_i64 _mm512_or_si512
#define simd_andnot_i64 _mm512_andnot_si512
#define simd_add_i64 _mm512_add_epi64
#define simd_sub_i64 _mm512_sub_epi64

#define simd_gather(base, idx) _mm512_i64gather_pd ((idx), (base), 8)
#define simd_loadu _mm512_loadu_pd
#define simd_storeu _mm512_storeu_pd
#define simd_loadu_f32_f64(p) _mm512_cvtps_pd (_mm256_loadu_ps (p))
#define simd_storeu_f64_f32(p, v) _mm256_storeu_ps ((p), _mm512_cvtpd_ps (v))

/* register table (8 entries, the 4 values repeated): vpermpd uses the index mod 8 */
#define simd_tab4_index(k) (k)
#define simd_tab4(tab, ix) _mm512_permutexvar_pd ((ix), _mm512_load_pd (tab))

#define simd_splat_f32(x) _mm256_set1_ps (x)
#define simd_add_f32 _mm256_add_ps
#define simd_mul_f32 _mm256_mul_ps
#define simd_loadu_f32 _mm256_loadu_ps
#define simd_storeu_f32 _mm256_storeu_ps

#include "softlif-simd-private.h"
