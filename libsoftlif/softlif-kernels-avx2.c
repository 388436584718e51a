/* softlif-kernels-avx2.c: AVX2+FMA kernels for the soft LIF and LIF rate neurons
 *
 * Build: gcc -std=gnu11 -O2 -ffp-contract=off (no -mavx2 needed: the file
 * switches the target itself; never -ffast-math).
 *
 * float64: every quantity whose rounding reaches the result is carried as an
 * unevaluated sum hi + lo ("double-double light": error-free transforms via
 * FMA, low parts in plain double), so only the final division rounds.
 * float32: computed in plain double (relative error ~2^-48) and rounded once.
 *
 * Per 4-lane vector the lanes are classified (y = (J-1)/sigma):
 *   high  y > 40                    j = (J-1) + eps           (no exp/log1p)
 *   mid   y_min < y <= 40, not low0 j = sigma*log1p(e^-|y|) + (y>0 ? J-1 : 0) + eps
 *   low0  eps == 0, y <= y_low0     L = -(log sigma + y)      (log domain)
 *   deep  eps > 0, y <= -600        rate = rate_minf (eps >= 2^-780), else scalar
 *   fallback: NaN, +-inf, |J-1| or |y| > 2^64 -> the library's scalar code.
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

#define VRECIP(x) vdiv (C (1.0), (x))
#define VDIVA(a, b) vdiv ((a), (b))

#include "softlif-kernels-simd.inc"

#pragma GCC pop_options

#endif /* SOFTLIF_HAVE_AVX2 */
