/* softlif-simd-avx2-private.h: the SIMD layer on AVX2+FMA (four doubles)
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The operations of softlif-simd-private.h on __m256d. Only the AVX2
 * kernel files include it, and only they are compiled with -mavx2 -mfma
 * (SOFTLIF_AVX2_CFLAGS, libsoftlif/Makefile.am), by gcc and clang alike:
 * the dispatcher only calls these kernels on CPUs that have both. */

#pragma once

#if !defined(__AVX2__) || !defined(__FMA__)
#error "the AVX2 kernels are compiled with SOFTLIF_AVX2_CFLAGS (-mavx2 -mfma)"
#endif

#include <stddef.h>
#include <string.h>

#include <immintrin.h>

typedef __m256d SimdF64;
typedef __m256i SimdI64;
typedef __m256 SimdF32;
typedef __m256i SimdTab4Index;

#define SIMD_WIDTH 4
#define SIMD_WIDTH_F32 8

#define simd_splat(x) _mm256_set1_pd (x)
#define simd_splat_i64(x) _mm256_set1_epi64x (x)
#define simd_zero() _mm256_setzero_pd ()
#define simd_add _mm256_add_pd
#define simd_sub _mm256_sub_pd
#define simd_mul _mm256_mul_pd
#define simd_div _mm256_div_pd
#define simd_max _mm256_max_pd
#define simd_min _mm256_min_pd
#define simd_abs(x) _mm256_andnot_pd (simd_splat (-0.0), (x))
#define simd_fma _mm256_fmadd_pd
#define simd_fms _mm256_fmsub_pd
#define simd_fnma _mm256_fnmadd_pd
/* the exact ones: the FMA itself */
#define simd_fms_exact simd_fms
#define simd_fnma_exact simd_fnma
#define simd_fms1_c9(m, c) simd_fms ((m), (c), simd_splat (1.0))
#define simd_recip(x) simd_div (simd_splat (1.0), (x))
#define simd_div_approx(a, b) simd_div ((a), (b))
/* float32 paths: the divider (rcpps and Newton steps measured slower here) */
#define simd_recip_f32(x) simd_div (simd_splat (1.0), (x))

#define simd_and _mm256_and_pd
#define simd_or _mm256_or_pd
#define simd_xor _mm256_xor_pd
#define simd_andnot _mm256_andnot_pd
#define simd_cmp_lt(a, b) _mm256_cmp_pd ((a), (b), _CMP_LT_OQ)
#define simd_cmp_le(a, b) _mm256_cmp_pd ((a), (b), _CMP_LE_OQ)
#define simd_cmp_gt(a, b) _mm256_cmp_pd ((a), (b), _CMP_GT_OQ)
#define simd_cmp_ge(a, b) _mm256_cmp_pd ((a), (b), _CMP_GE_OQ)
#define simd_cmp_unord(a, b) _mm256_cmp_pd ((a), (b), _CMP_UNORD_Q)
#define simd_select(m, a, b) _mm256_blendv_pd ((b), (a), (m))
#define simd_movemask(m) _mm256_movemask_pd (m)

#define simd_as_i64 _mm256_castpd_si256
#define simd_as_f64 _mm256_castsi256_pd
#define simd_slli_i64 _mm256_slli_epi64
#define simd_srli_i64 _mm256_srli_epi64
#define simd_and_i64 _mm256_and_si256
#define simd_or_i64 _mm256_or_si256
#define simd_andnot_i64 _mm256_andnot_si256
#define simd_add_i64 _mm256_add_epi64
#define simd_sub_i64 _mm256_sub_epi64

#define simd_gather(base, idx) _mm256_i64gather_pd ((base), (idx), 8)
#define simd_loadu _mm256_loadu_pd
#define simd_storeu _mm256_storeu_pd
#define simd_loadu_f32_f64(p) _mm256_cvtps_pd (_mm_loadu_ps (p))
#define simd_storeu_f64_f32(p, v) _mm_storeu_ps ((p), _mm256_cvtpd_ps (v))

/* 4-entry register table of doubles: vpermps with the lane index k (mod 4)
 * expanded to the dword pair (2k, 2k+1) */
#define simd_tab4_index(k) _mm256_or_si256 (_mm256_slli_epi32 (_mm256_shuffle_epi32 ((k), 0xA0), 1), \
                                            _mm256_set1_epi64x (0x100000000LL))
#define simd_tab4(tab, ix) \
  _mm256_castps_pd (_mm256_permutevar8x32_ps (_mm256_castpd_ps (_mm256_load_pd (tab)), (ix)))

#define simd_splat_f32(x) _mm256_set1_ps (x)
#define simd_add_f32 _mm256_add_ps
#define simd_mul_f32 _mm256_mul_ps
#define simd_loadu_f32 _mm256_loadu_ps
#define simd_storeu_f32 _mm256_storeu_ps

#include "softlif-simd-private.h"
