/* softlif-kernels-avx2.c: AVX2+FMA kernels for the soft LIF and LIF rate neurons
 *
 * Build: gcc -std=gnu11 -O2 -ffp-contract=off (no -mavx2 needed: the file
 * switches the target itself; never -ffast-math).
 *
 * Soft LIF float64: plain double with compensation only where a rounding
 * reaches the result with weight ~1 (y = yh + yl; softplus, j, L and D as
 * hi + lo; A/D rounded once). Soft LIF float32: plain double (relative
 * error ~1e-11), rounded once. LIF: double-double, one final rounding.
 *
 * Soft LIF lane classes (y = (J-1)/sigma):
 *   main  finite, |J| <= J_max      j = sigma*log1p(e^-|y|) + (y>0 ? J-1 : 0) + eps
 *                                   (e^-|y| clamped at e^-600: negligible for y > 40)
 *   low0  eps == 0, y <= y_low0     L = -(log sigma + y)      (log domain)
 *   deep  eps > 0, y <= -600        rate = rate_minf (eps >= 2^-780), else one-value
 *                                   code; derivative = e^(y + log C) (deep_vec)
 *   fallback: NaN, +-inf, |J| > J_max -> the library's one-value code.
 * Expensive stages run only when at least one lane needs them; every lane's
 * result depends only on its own input (no cross-lane data), so results are
 * bit-identical however an array is split.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "config.h"

#ifdef SOFTLIF_HAVE_AVX2

#include "softlif-kernels-private.h"
#include "softlif-kernels-tables.h"

#pragma GCC push_options
#pragma GCC target ("avx2,fma")
#include <immintrin.h>

typedef __m256d V;
typedef __m256i VI;
#define W 4
#define FN(x) x##_avx2
#define AI static inline __attribute__ ((always_inline))

#define C(x) _mm256_set1_pd (x)
#define CI(x) _mm256_set1_epi64x (x)
#define VZERO _mm256_setzero_pd ()
#define vadd _mm256_add_pd
#define vsub _mm256_sub_pd
#define vmul _mm256_mul_pd
#define vdiv _mm256_div_pd
#define vmax _mm256_max_pd
#define vmin _mm256_min_pd
#define vfma _mm256_fmadd_pd    /* a*b + c   */
#define vfms _mm256_fmsub_pd    /* a*b - c   */
#define vfnma _mm256_fnmadd_pd  /* c - a*b   */
/* the exact uses (see softlif-kernels-simd.inc): the FMA itself */
#define vfms_x vfms
#define vfnma_x vfnma
#define vfms1_c9(m, c) vfms ((m), (c), C (1.0))
#define vand _mm256_and_pd
#define vor _mm256_or_pd
#define vxor _mm256_xor_pd
#define vandn _mm256_andnot_pd  /* ~a & b */
/* lane masks are vectors of all-ones / all-zeros lanes */
#define vsel(m, a, b) _mm256_blendv_pd ((b), (a), (m))   /* m ? a : b */
#define vcmp(a, b, op) _mm256_cmp_pd ((a), (b), (op))
#define vmask(m) _mm256_movemask_pd (m)
#define vabs(x) _mm256_andnot_pd (C (-0.0), (x))
#define CAST_I _mm256_castpd_si256
#define CAST_D _mm256_castsi256_pd
#define vslli _mm256_slli_epi64
#define vsrli _mm256_srli_epi64
#define viand _mm256_and_si256
#define vior _mm256_or_si256
#define viandn _mm256_andnot_si256
#define visub _mm256_sub_epi64
#define viadd _mm256_add_epi64
#define VGATHER(base, idx) _mm256_i64gather_pd ((base), (idx), 8)
#define VLOADU _mm256_loadu_pd
#define VSTOREU _mm256_storeu_pd
#define VLOADU_PS _mm_loadu_ps
#define VSTOREU_PS _mm_storeu_ps
#define VCVT_PS_PD _mm256_cvtps_pd
#define VCVT_PD_PS _mm256_cvtpd_ps
/* float32 vectors of affine_f32 and scale_f32 */
typedef __m256 VF;
#define WF 8
#define CF(x) _mm256_set1_ps (x)
#define vaddf _mm256_add_ps
#define vmulf _mm256_mul_ps
#define VLOADUF _mm256_loadu_ps
#define VSTOREUF _mm256_storeu_ps

#define VRECIP(x) vdiv (C (1.0), (x))
#define VDIVA(a, b) vdiv ((a), (b))

/* 4-entry register table of doubles: vpermps with the lane index k (mod 4)
 * expanded to the dword pair (2k, 2k+1) */
typedef __m256i VTI;
#define VTAB_IDX(kb) _mm256_or_si256 (_mm256_slli_epi32 (_mm256_shuffle_epi32 ((kb), 0xA0), 1), \
                                      _mm256_set1_epi64x (0x100000000LL))
#define VTAB(tab, ix) _mm256_castps_pd (_mm256_permutevar8x32_ps (_mm256_castpd_ps (tab), (ix)))
#define VTABLOAD(p) _mm256_load_pd (p)

/* float32 reciprocals: the divider (rcpps and Newton steps measured slower here) */
#define VRCP_F(x) vdiv (C (1.0), (x))

#include "softlif-kernels-simd.inc"

#pragma GCC pop_options

#endif /* SOFTLIF_HAVE_AVX2 */
