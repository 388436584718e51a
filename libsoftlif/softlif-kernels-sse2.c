/* softlif-kernels-sse2.c: SSE2 kernels (the x86-64 baseline) for the soft LIF
 * and LIF rate neurons
 *
 * Build: gcc -std=gnu11 -O2 -ffp-contract=off (SSE2 is part of x86-64: no
 * target switch needed; never -ffast-math).
 *
 * The shared vector code of softlif-kernels-simd.inc on two lanes (__m128d),
 * for x86-64 CPUs without AVX2 and FMA. What SSE2 lacks is emulated here:
 *   fused multiply-add   the plain uses (vfma, vfms, vfnma) round the
 *                        product first; the exact ones (vfms_x, vfnma_x:
 *                        errors of products, remainders of divisions) use
 *                        Dekker's product, split with 2^27 + 1, as the
 *                        one-value code does without FMA; vfms1_c9
 *                        (m*c - 1 with a 9-bit table value c) splits m
 *                        after 44 bits, so that m_hi*c is exact
 *   blendv               and / andnot / or (lane masks are all ones or zeros)
 *   cmp with a predicate the SSE2 compares of the same ordered predicates
 *   gathers, register    two scalar loads
 *   tables
 *   float loads          two floats through the low 64 bits
 * Results are within the same bounds as the AVX2 code's, though not bit for
 * bit the same (the plain steps round differently).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "config.h"

#ifdef SOFTLIF_HAVE_SSE2

#include "softlif-kernels-private.h"
#include "softlif-kernels-tables.h"

#include <emmintrin.h>

typedef __m128d V;
typedef __m128i VI;
#define W 2
#define FN(x) x##_sse2
#define AI static inline __attribute__ ((always_inline))

#define C(x) _mm_set1_pd (x)
#define CI(x) _mm_set1_epi64x (x)
#define VZERO _mm_setzero_pd ()
#define vadd _mm_add_pd
#define vsub _mm_sub_pd
#define vmul _mm_mul_pd
#define vdiv _mm_div_pd
#define vmax _mm_max_pd
#define vmin _mm_min_pd
#define vand _mm_and_pd
#define vor _mm_or_pd
#define vxor _mm_xor_pd
#define vandn _mm_andnot_pd  /* ~a & b */

/* plain multiply-adds: the product rounds first */
#define vfma(a, b, c) vadd (vmul ((a), (b)), (c))   /* a*b + c */
#define vfms(a, b, c) vsub (vmul ((a), (b)), (c))   /* a*b - c */
#define vfnma(a, b, c) vsub ((c), vmul ((a), (b)))  /* c - a*b */

/* Dekker: a*b = p + err exactly (|a|, |b| < 2^995, no underflow), as
 * two_prod of softlif-double-double-private.h without FMA */
AI V v_split_hi (V a)
{
  V t = vmul (a, C (134217729.0));                /* 2^27 + 1 */
  return vsub (t, vsub (t, a));
}
AI V v_prod_err (V a, V b, V p)
{
  V ah = v_split_hi (a), bh = v_split_hi (b);
  V al = vsub (a, ah), bl = vsub (b, bh);
  return vadd (vadd (vadd (vsub (vmul (ah, bh), p), vmul (ah, bl)), vmul (al, bh)), vmul (al, bl));
}
/* a*b - c and c - a*b as the FMA gives them wherever p - c is exact
 * (c = p, or c within a factor 2 of p: remainders); then the only rounding
 * is the last one, the FMA's */
AI V vfms_x (V a, V b, V c)
{
  V p = vmul (a, b);
  return vadd (vsub (p, c), v_prod_err (a, b, p));
}
AI V vfnma_x (V a, V b, V c)
{
  V p = vmul (a, b);
  return vsub (vsub (c, p), v_prod_err (a, b, p));
}
/* m*c - 1, m in [1, 2), c with at most 9 significant bits: m_hi (44 bits)
 * times c is exact, and so is every step after it */
AI V vfms1_c9 (V m, V c)
{
  V mh = _mm_and_pd (m, _mm_castsi128_pd (_mm_set1_epi64x ((long long) 0xfffffffffffffe00ULL)));
  return vadd (vsub (vmul (mh, c), C (1.0)), vmul (vsub (m, mh), c));
}

/* lane masks are vectors of all-ones / all-zeros lanes */
#define vsel(m, a, b) _mm_or_pd (_mm_and_pd ((m), (a)), _mm_andnot_pd ((m), (b)))   /* m ? a : b */
/* the predicates the shared code uses, by name (the SSE2 compares are the
 * same ones up to the signalling of quiet NaNs, which nothing here traps) */
#define vcmp(a, b, op) vcmp_##op ((a), (b))
#define vcmp__CMP_LE_OQ _mm_cmple_pd
#define vcmp__CMP_LT_OQ _mm_cmplt_pd
#define vcmp__CMP_GE_OQ _mm_cmpge_pd
#define vcmp__CMP_GT_OQ _mm_cmpgt_pd
#define vcmp__CMP_UNORD_Q _mm_cmpunord_pd
#define vmask(m) _mm_movemask_pd (m)
#define vabs(x) _mm_andnot_pd (C (-0.0), (x))
#define CAST_I _mm_castpd_si128
#define CAST_D _mm_castsi128_pd
#define vslli _mm_slli_epi64
#define vsrli _mm_srli_epi64
#define viand _mm_and_si128
#define vior _mm_or_si128
#define viandn _mm_andnot_si128
#define visub _mm_sub_epi64
#define viadd _mm_add_epi64

/* two scalar loads (indices in doubles) */
AI V v_gather (const double *base, VI idx)
{
  long long i0 = _mm_cvtsi128_si64 (idx);
  long long i1 = _mm_cvtsi128_si64 (_mm_unpackhi_epi64 (idx, idx));
  return _mm_loadh_pd (_mm_load_sd (base + i0), base + i1);
}
#define VGATHER(base, idx) v_gather ((base), (idx))
#define VLOADU _mm_loadu_pd
#define VSTOREU _mm_storeu_pd
/* two floats in the low 64 bits */
#define VLOADU_PS(p) _mm_castsi128_ps (_mm_loadl_epi64 ((const __m128i *) (const void *) (p)))
#define VSTOREU_PS(p, v) _mm_storel_epi64 ((__m128i *) (void *) (p), _mm_castps_si128 (v))
#define VCVT_PS_PD _mm_cvtps_pd
#define VCVT_PD_PS _mm_cvtpd_ps

#define VRECIP(x) vdiv (C (1.0), (x))
#define VDIVA(a, b) vdiv ((a), (b))

/* 4-entry tables: the lane index k (mod 4), two scalar loads */
typedef __m128i VTI;
#define VTAB_IDX(kb) _mm_and_si128 ((kb), _mm_set1_epi64x (3))
#define VTAB(tab, ix) v_gather ((tab), (ix))
#define VTABLOAD(p) (p)

#define VRCP_F(x) vdiv (C (1.0), (x))

/* float32 vectors of affine_f32 and scale_f32 */
typedef __m128 VF;
#define WF 4
#define CF(x) _mm_set1_ps (x)
#define vaddf _mm_add_ps
#define vmulf _mm_mul_ps
#define VLOADUF _mm_loadu_ps
#define VSTOREUF _mm_storeu_ps

#include "softlif-kernels-simd.inc"

#endif /* SOFTLIF_HAVE_SSE2 */
