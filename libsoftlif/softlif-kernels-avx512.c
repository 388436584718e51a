/* softlif-kernels-avx512.c: AVX-512 (F+DQ) kernels, the AVX2 code on 8 lanes
 *
 * Build: gcc -std=gnu11 -O2 -ffp-contract=off (no -mavx2 needed: the file
 * switches the target itself; never -ffast-math).
 *
 * Soft LIF float64: plain double with compensation only where a rounding
 * reaches the result with weight ~1 (y = yh + yl; softplus, j, L and D as
 * hi + lo; A/D rounded once). Soft LIF float32: plain double (relative
 * error ~1e-11), rounded once. LIF: double-double, one final rounding.
 *
 * The soft LIF has its own AVX-512 code: float64 rate and derivative in
 * softlif-kernels-rate64-avx512.inc, float32 in softlif-kernels-f32-avx512.inc
 * (register-table logarithms and exponential, vgetexp/vgetmant, no gathers,
 * no divisions, one straight path for ordinary lanes; the shared code below
 * for the rest).
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

#ifdef SOFTLIF_HAVE_AVX512

#include "softlif-kernels-private.h"
#include "softlif-kernels-tables.h"

#pragma GCC push_options
#pragma GCC target ("avx512f,avx512dq,avx2,fma")
#include <immintrin.h>

typedef __m512d V;
typedef __m512i VI;
#define W 8
#define FN(x) x##_avx512
#define AI static inline __attribute__ ((always_inline))

#define C(x) _mm512_set1_pd (x)
#define CI(x) _mm512_set1_epi64 (x)
#define VZERO _mm512_setzero_pd ()
#define vadd _mm512_add_pd
#define vsub _mm512_sub_pd
#define vmul _mm512_mul_pd
#define vdiv _mm512_div_pd
#define vmax _mm512_max_pd
#define vmin _mm512_min_pd
#define vfma _mm512_fmadd_pd
#define vfms _mm512_fmsub_pd
#define vfnma _mm512_fnmadd_pd
/* the exact uses (see softlif-kernels-simd.inc): the FMA itself */
#define vfms_x vfms
#define vfnma_x vfnma
#define vfms1_c9(m, c) vfms ((m), (c), C (1.0))
#define vand _mm512_and_pd
#define vor _mm512_or_pd
#define vxor _mm512_xor_pd
#define vandn _mm512_andnot_pd
/* lane masks kept as all-ones vectors (as in the AVX2 code) */
#define K2V(k) _mm512_castsi512_pd (_mm512_movm_epi64 (k))
#define V2K(m) _mm512_movepi64_mask (_mm512_castpd_si512 (m))
#define vsel(m, a, b) _mm512_mask_blend_pd (V2K (m), (b), (a))
#define vcmp(a, b, op) K2V (_mm512_cmp_pd_mask ((a), (b), (op)))
#define vmask(m) ((int) V2K (m))
#define vabs(x) _mm512_andnot_pd (C (-0.0), (x))
#define CAST_I _mm512_castpd_si512
#define CAST_D _mm512_castsi512_pd
#define vslli _mm512_slli_epi64
#define vsrli _mm512_srli_epi64
#define viand _mm512_and_si512
#define vior _mm512_or_si512
#define viandn _mm512_andnot_si512
#define visub _mm512_sub_epi64
#define viadd _mm512_add_epi64
#define VGATHER(base, idx) _mm512_i64gather_pd ((idx), (base), 8)
#define VLOADU _mm512_loadu_pd
#define VSTOREU _mm512_storeu_pd
#define VLOADU_PS _mm256_loadu_ps
#define VSTOREU_PS _mm256_storeu_ps
#define VCVT_PS_PD _mm512_cvtps_pd
#define VCVT_PD_PS _mm512_cvtpd_ps
/* float32 vectors of affine_f32 and scale_f32 */
typedef __m256 VF;
#define WF 8
#define CF(x) _mm256_set1_ps (x)
#define vaddf _mm256_add_ps
#define vmulf _mm256_mul_ps
#define VLOADUF _mm256_loadu_ps
#define VSTOREUF _mm256_storeu_ps

/* reciprocal: rcp14 + two Newton steps (rel. err ~2^-56, within 1 ulp of
 * 1/x, which is all the exact-remainder corrections need); keeps the
 * (slow, unpipelined-ish) divider out of the loop */
AI V vrecip_nr (V x)
{
  V r = _mm512_rcp14_pd (x);
  r = vfma (r, vfnma (r, x, C (1.0)), r);
  V e = vfnma (r, x, C (1.0));
  return vfma (r, vfma (e, e, e), r);   /* third-order step */
}
#define VRECIP(x) vrecip_nr (x)
#define VDIVA(a, b) vmul ((a), vrecip_nr (b))

/* register table (8 entries, the 4 values repeated): vpermpd uses the index mod 8 */
typedef __m512i VTI;
#define VTAB_IDX(kb) (kb)
#define VTAB(tab, ix) _mm512_permutexvar_pd ((ix), (tab))
#define VTABLOAD(p) _mm512_load_pd (p)

/* float32 paths: rcp14 and one cubic step, rel. err ~2^-42 */
AI V vrcp_f (V x)
{
  V r = _mm512_rcp14_pd (x);
  V e = vfnma (r, x, C (1.0));
  return vfma (r, vfma (e, e, e), r);
}
#define VRCP_F(x) vrcp_f (x)

#define SOFTLIF_CUSTOM_RATE_F64 1
#define SOFT_F32_FN(x) x##_avx512_shared
void softlif_soft_rate_f32_avx512_shared (const SoftlifSimdParams *p, const float *J, float *out, size_t n);
void softlif_soft_deriv_f32_avx512_shared (const SoftlifSimdParams *p, const float *J, float *out, size_t n);
#include "softlif-kernels-simd.inc"
#include "softlif-kernels-rate64-avx512.inc"   /* softlif_soft_{rate,deriv}_f64_avx512 */
#include "softlif-kernels-f32-avx512.inc"      /* softlif_soft_{rate,deriv}_f32_avx512 */

#pragma GCC pop_options

#endif /* SOFTLIF_HAVE_AVX512 */
