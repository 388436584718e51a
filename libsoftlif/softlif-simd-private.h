/* softlif-simd-private.h: the contract between the vector kernels and an instruction set
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The vector code of every kernel (softlif-simd-math.inc, softlif-simd-array.inc
 * and the models' softlif-*-simd.inc) is written once over the names below.
 * A layer header, one per instruction set (softlif-simd-sse2-private.h,
 * softlif-simd-avx2-private.h, softlif-simd-avx512-private.h), defines every
 * one of them and then includes this header, which checks that none is
 * missing. A translation unit includes exactly one layer header.
 *
 * Types
 *   SimdF64               a vector of SIMD_WIDTH doubles
 *   SimdI64               a vector of SIMD_WIDTH 64-bit integers
 *   SimdF32               a vector of SIMD_WIDTH_F32 floats (affine and scale only)
 *   SimdTab4Index         a lane index into a 4-entry table (simd_tab4)
 *
 * Constants
 *   SIMD_WIDTH            doubles in a SimdF64
 *   SIMD_WIDTH_F32        floats in a SimdF32
 *
 * Loads, stores, constants
 *   simd_splat (x)            every lane x (a double)
 *   simd_splat_i64 (x)        every lane x (a 64-bit integer)
 *   simd_zero ()              every lane +0.0
 *   simd_loadu (p)            SIMD_WIDTH doubles from p, any alignment
 *   simd_storeu (p, v)        SIMD_WIDTH doubles to p, any alignment
 *   simd_loadu_f32_f64 (p)    SIMD_WIDTH floats from p, widened to doubles
 *   simd_storeu_f64_f32 (p, v) v rounded to SIMD_WIDTH floats, stored to p
 *   simd_gather (base, idx)   lane i is base[idx_i] (idx a SimdI64 of element indices)
 *   simd_tab4_index (k)       the table index of lane i from the low 2 bits of k_i (a SimdI64)
 *   simd_tab4 (tab, ix)       lane i is tab[ix_i]; tab: 8 doubles (4 values twice), 64-byte aligned
 *
 * Arithmetic (IEEE double, round to nearest; never reassociated)
 *   simd_add (a, b), simd_sub (a, b), simd_mul (a, b), simd_div (a, b)
 *   simd_max (a, b), simd_min (a, b)   the SSE semantics: b where either is NaN
 *   simd_abs (a)                       |a| (the sign bit cleared)
 *   simd_fma (a, b, c)        a*b + c, plain: a layer without FMA may round a*b first
 *   simd_fms (a, b, c)        a*b - c, plain
 *   simd_fnma (a, b, c)       c - a*b, plain
 *   simd_fms_exact (a, b, c)  a*b - c as one FMA gives it, where c - a*b is exact once a*b
 *                             is (c == a*b rounded, or a remainder such as nh - q*dh with q
 *                             within an ulp or two of the quotient)
 *   simd_fnma_exact (a, b, c) c - a*b, the same way
 *   simd_fms1_c9 (m, c)       m*c - 1, exact, for m in [1, 2) and c with at most 9
 *                             significant bits (|m*c - 1| <= 2^-7)
 *   simd_recip (x)            1/x within one ulp
 *   simd_div_approx (a, b)    a/b within one ulp (a * simd_recip (b) where that is faster)
 *   simd_recip_f32 (x)        1/x to 2^-40 relative: enough for the float32 paths
 *
 * Masks (a lane of a mask is all ones or all zeros)
 *   simd_cmp_lt (a, b), simd_cmp_le (a, b), simd_cmp_gt (a, b), simd_cmp_ge (a, b)
 *                             ordered comparisons: false where either is NaN
 *   simd_cmp_unord (a, b)     true where either is NaN
 *   simd_select (m, a, b)     m ? a : b, lane by lane
 *   simd_movemask (m)         an int, bit i set where lane i of m is
 *   simd_and (a, b), simd_or (a, b), simd_xor (a, b)   bitwise
 *   simd_andnot (a, b)        ~a & b
 *
 * Integer lanes
 *   simd_as_i64 (v), simd_as_f64 (v)   the same bits seen as the other type
 *   simd_slli_i64 (v, n), simd_srli_i64 (v, n)   shifts by a constant
 *   simd_and_i64 (a, b), simd_or_i64 (a, b)      bitwise
 *   simd_andnot_i64 (a, b)                       ~a & b
 *   simd_add_i64 (a, b), simd_sub_i64 (a, b)     modulo 2^64
 *
 * float32 vectors (the affine and scale kernels)
 *   simd_splat_f32 (x), simd_add_f32 (a, b), simd_mul_f32 (a, b)
 *   simd_loadu_f32 (p), simd_storeu_f32 (p, v)   SIMD_WIDTH_F32 floats, any alignment
 *
 * A layer may have its own code for a kernel (AVX-512 has its own soft LIF):
 * the kernel function, written out in the model's file for that layer
 * (softlif-soft-lif-avx512.c), runs its own code and calls the shared
 * array function (soft_lif_rate_f64_array, ...) for what it leaves aside.
 * That is the only way a layer departs from the shared code. */

#pragma once

#include <stddef.h>
#include <string.h>

/* always inlined: the vector helpers are small and their callers depend on
 * constant arguments (group sizes, kernel variants) being propagated */
#define SIMD_INLINE static inline __attribute__ ((always_inline))
/* kept out of line: a cold path, or one specialization among several */
#define SIMD_NOINLINE __attribute__ ((noinline))

/* The kernels work on groups of SIMD_GROUP vectors at once, each stage
 * issued for all of them back to back, so that the out-of-order core
 * overlaps their long dependency chains (one vector's is ~250 cycles:
 * exp -> table -> log -> div -> table -> log -> div). No data crosses lanes
 * or vectors, so the grouping never changes a result. */
#define SIMD_GROUP 6
#define SIMD_GROUP_FOR(u, nu) _Pragma ("GCC unroll 8") for (int u = 0; u < (nu); u++)

#if !defined (SIMD_WIDTH) || !defined (SIMD_WIDTH_F32)
#error "include a layer header (softlif-simd-<isa>-private.h), not this one"
#endif

/* every operation above, defined by the layer */
#if !defined (simd_splat) || !defined (simd_splat_i64) || !defined (simd_zero) \
    || !defined (simd_loadu) || !defined (simd_storeu) \
    || !defined (simd_loadu_f32_f64) || !defined (simd_storeu_f64_f32) \
    || !defined (simd_gather) || !defined (simd_tab4_index) || !defined (simd_tab4) \
    || !defined (simd_add) || !defined (simd_sub) || !defined (simd_mul) || !defined (simd_div) \
    || !defined (simd_max) || !defined (simd_min) || !defined (simd_abs) \
    || !defined (simd_fma) || !defined (simd_fms) || !defined (simd_fnma) \
    || !defined (simd_fms_exact) || !defined (simd_fnma_exact) || !defined (simd_fms1_c9) \
    || !defined (simd_recip) || !defined (simd_div_approx) || !defined (simd_recip_f32) \
    || !defined (simd_cmp_lt) || !defined (simd_cmp_le) || !defined (simd_cmp_gt) \
    || !defined (simd_cmp_ge) || !defined (simd_cmp_unord) \
    || !defined (simd_select) || !defined (simd_movemask) \
    || !defined (simd_and) || !defined (simd_or) || !defined (simd_xor) || !defined (simd_andnot) \
    || !defined (simd_as_i64) || !defined (simd_as_f64) \
    || !defined (simd_slli_i64) || !defined (simd_srli_i64) \
    || !defined (simd_and_i64) || !defined (simd_or_i64) || !defined (simd_andnot_i64) \
    || !defined (simd_add_i64) || !defined (simd_sub_i64) \
    || !defined (simd_splat_f32) || !defined (simd_add_f32) || !defined (simd_mul_f32) \
    || !defined (simd_loadu_f32) || !defined (simd_storeu_f32)
#error "the SIMD layer does not define every operation of softlif-simd-private.h"
#endif
