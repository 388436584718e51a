/* softlif-soft-lif-avx512.c: the soft LIF kernels on AVX-512, with their own float64 and float32 code
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The soft LIF has its own AVX-512 code: register-table logarithms and
 * exponential, vgetexp/vgetmant, no gathers, one straight path for
 * ordinary lanes. The shared vector code (softlif-soft-lif-simd.inc, on
 * the AVX-512 layer) serves the lanes and the parameter sets this code
 * leaves aside; each kernel function below says which.
 *
 * ==== float64 rate and derivative ====
 *
 *   y = (J-1)/sigma,  j = sigma log1p(e^-|y|) + (J-1)^+ + eps,
 *   rate = A / (tau_ref + tau_rc log1p(1/j))
 *
 * Structure
 *   One lean straight-line path written with native AVX-512 operations
 *   (opmasks, vgetexp/vgetmant, vscalef, 16-entry vpermt2pd register tables --
 *   no gathers --, two correctly rounded divisions vdivpd with exact
 *   remainders) for all
 *   "ordinary" lanes:
 *       |J| <= J_fast = min(J_max, 2^40, sigma 2^50)   (false for NaN, +-inf)
 *   Every lane of every vector goes through it; if some lane of a vector is
 *   not ordinary, that vector is also run through the shared vector code
 *   (soft_lif_rate_f64_group of softlif-soft-lif-simd.inc: low0 log domain, deep tail, scalar
 *   fallback for NaN/inf/huge J) and ONLY the non-ordinary lanes take that
 *   result (rate64_fix).  So a lane's result depends only on its own input: no
 *   cross-lane data, array splitting cannot change any bit.
 *   Parameter sets outside the analysed ranges (rate64_fast_params_ok, and
 *   eps/sigma > 2^-30) use the shared vector code for the whole array.
 *   Compile-time specializations (12 loops): S1 = (sigma == 1) (its own
 *   reduction of the exponential and its own sum for j, below), eps == 0 or not,
 *   TREF = 0 (tau_ref == 0), 1 (tau_ref/tau_rc < 1/16 or > 256: D by an
 *   ordered Fast2Sum), 2 (tau_ref/tau_rc folded into the L log table).
 *
 *   eps > 0 and y <= -600 (deep tail) is ordinary: with -|y| clamped at -600
 *   (S1: the exponent of t clamped at -870), j = eps + sigma t = eps (1 + <
 *   2^-75) (eps >= 2^-780, sigma <= 2^10), so the deep-tail limit comes out of
 *   the same arithmetic.  eps == 0,
 *   y in (-600, y_low0]: j = sigma e^y (normal), u = 1/j <= 2^910, and
 *   L = log(1 + u) is computed by the same code; for y <= -600 (eps == 0) the
 *   log-domain value L = -(log sigma + y) (double-double, exact Fast2Sum) is
 *   blended in (eps == 0 loops only, 7 ops).
 *
 * Steps (per lane; "exact" = no rounding error)
 *   S1 (r64_exp_s1): J - 1 is not formed exactly; t = e^-|y| from a
 *     reduction of J itself: r = +-(J - (1 + n ln2_hi)) - n ln2_lo with the
 *     first sum exact and the difference small (one rounding of a <= 2^-5.5
 *     quantity); same polynomial and table as below.
 *   Otherwise:
 *   d + dl = J - 1 (TwoSum), y = yh + yl (yl from the exact fma remainder).
 *   t = e^(a + al), a = max(-|yh|, -600), al = -sign(y) yl (|yl| <= 1/4 by
 *     J_fast, so where a is clamped t stays normal and negligible):
 *     k = round(16 a / ln2), n = k/16, r = (a - n ln2_hi) (exact) + (al - n ln2_lo),
 *     |r| <= ln2/32 + 2^-50;  e^r - 1 = r + r^2 P(r), P near-minimax degree 5
 *     (error < 2^-64 relative);  2^((k mod 16)/16) = Th + Tl from a 16-entry
 *     register table (2 x vpermt2pd), t = scalef(Th + (Th p + Tl), n).
 *     Error <= 0.5 ulp (last addition) + ~2^-58: t is the only plain-double
 *     quantity on the path, as in the shared code.
 *   sp = log1p(t) + eps/sigma, t in (0, 1] (r64_log1p_t): k = round(15 t),
 *     c_k ~ 1/(1 + k/15) (10 bits, c_0 = 1), -log c_k = lch + lcl, three 16-entry register
 *     tables (softlif-soft-lif-tables-avx512.h); p = RN((1+t) c), rh = p - 1 (exact), rl = (1+t) c - p
 *     (one rounding of a 2^-53 quantity), |rh| <= 1/30;
 *     log1p(rh + rl) = rh + rl (1 - rh) + rh^2 Q(rh), Q near-minimax degree 8
 *     (|Q error| |rh| <= 2^-60.3);  lch + rh by an exact Fast2Sum (lch is 0
 *     or > 1/30); eps/sigma is pre-added to the lcl table (rate64_tab_eps).
 *     Result s2 + lo, not normalized, relative error ~2^-58.
 *   j = sigma sp + (d + dl)^+ as jh + jl (exact product remainder, ordered
 *     Fast2Sum; all terms >= 0), not normalized (|jl| <~ 2^-6 jh or jh == 0).
 *     S1: j = s2 + lo (y <= 0) or J + (s2 - 1) + lo (y > 0; s2 - 1 exact,
 *     |J| > 1 >= |s2 - 1|: exact Fast2Sum).
 *   u = 1/j: uh = RN(1 / RN(jh + jl)) (vdivpd; < 1 ulp, so 1 - uh (jh + jl)
 *     has a 53-bit exact value), u = uh (1 + ue), ue = 1 - uh jh - uh jl: one
 *     rounding of a <= 2^-6 quantity, 2^-59 relative.  (One vdivpd costs
 *     about a cycle of issue; the divider's 14-16 cycles per vector overlap
 *     the rest, where rcp14 and a Newton step took six operations.)
 *   L' = log(1 + u) (+ tau_ref/tau_rc when TREF == 2) (r64_log1p_u): 1 + u is
 *     only formed rounded, for e and k; r = (c 2^-e - 1) + uh c 2^-e (1 + ue)
 *     with the first sum exact, same Q; e ln2_hi42 + lch exact (lch a
 *     multiple of 2^-42, also after folding K = tau_ref/tau_rc into it), and
 *     s1 = e ln2 + lch (+ K) is 0 or > |rh|: exact Fast2Sum.  Relative error
 *     ~2^-58 (when c = 1, e = 0, L = rh (1 + O(rh)) with rh exact).
 *   rate = A' / L' with A' = A/tau_rc (double-double) when TREF != 1, else
 *     A / D with D = tau_ref + tau_rc L (exact product remainder, ordered
 *     Fast2Sum): q = RN(Ah / RN(L')) (vdivpd), r = A' - q Lh - q Ll (+ Al)
 *     (first step rounds a <= 2^-6 A' quantity: 2^-59; r is ~2^-52 A'),
 *     inv = q / Ah (~1/L' to 2^-51), rate = q + r inv: one rounding (0.5 ulp)
 *     + ~2^-59.
 * Error budget (ulp of the rate; a relative error of 2^-53 is <= 1 ulp):
 *   final rounding 0.5;  t's 0.5-ulp rounding reaches the rate with weight
 *   (dsp/sp)(sigma sp/j)(j |dL/dj| / L)(tau_rc L / D) <= 1 * 1 * 1/((1+j) L) * 1
 *   <= ~0.75 (large sigma near threshold; small elsewhere), as in the shared code;
 *   logs ~2^-58 each, the non-normalized remainders 3 x 2^-59, rest <= 2^-60:
 *   together <= ~0.15 ulp.  Bound ~1.4 ulp; measured 1.10 on the thorough
 *   grid (the shared code: 1.15), 1.23 at sigma = 1024 in a random sweep.
 * Ranges (rate64_fast_params_ok): sigma in [2^-40, 2^10], tau_rc in
 *   [2^-40, 2^40], tau_ref = 0 or in [2^-60, 2^40], |A| in [2^-500, 2^500],
 *   eps = 0 or in [2^-780, 1] and eps/sigma <= 2^-30: then j is in
 *   [min(eps, sigma e^-600)/2, 2^41], and 1/j, 1 + 1/j, L, D, A/D and every
 *   intermediate stay normal and finite.
 *
 * ==== float32 rate and derivative ====
 *
 * Computation: plain double on 8 lanes (zmm), float result rounded once at the
 * end (vcvtpd2ps).  No gathers: exp and both logs use register tables
 * (vpermpd: 8 entries in one zmm; vpermt2pd: 16 entries in two zmm), vgetmant/vgetexp for the log reduction,
 * vscalef for 2^k, vrangepd for -min(|y|, 600), rcp14 + one cubic Newton step
 * for both reciprocals.  ~59 zmm uops per 8 values (rate), ~68 (derivative).
 *
 *   y  = (J - 1) / sigma = fma(J, 1/sigma, -1/sigma)  (one rounding, as before)
 *   t  = e^-min(|y|, 600)
 *   sp = log1p(t) + max(y, 0): bucket k = round(15 (1 + t)), r = fma(t, c_k, c_k - 1)
 *        (= (1 + t) c_k - 1 with one rounding, exact t in the c = 1 bucket),
 *        log1p(t) = T_k + r (1 + r Q(r))   (no r^2: t may be ~e^-600)
 *   j  = sigma sp + eps
 *   u  = 1/j,  w2 = fl(1 + u),  w2l = [u < 1] (u - (w2 - 1))  (exact low part)
 *   L  = log(w2) + w2l: w2 = 2^e m (vgetexp/vgetmant, m in [1,2)), k = round(15 m),
 *        r = m c_k - 1, log w2 = e ln2 + T_k + r + r^2 Q(r)
 *   (eps == 0, y <= y_low0:  L = -(log sigma + y))
 *   D' = D / A  = tau_ref/A + (tau_rc/A) L,  rate = 1 / D'
 *   D" = D / sqrt(A tau_rc),  deriv = s / (D"^2 j (1 + j) (1 + t)),  s = (y > 0 ? 1 : t)
 *        (eps == 0, y <= y_low0: 1 / (sigma D"^2); eps > 0, y <= -600: 0)
 *
 * ERROR BUDGET (relative errors of the double computation; one float ulp is
 * 2^-24..2^-23 relative, so a relative error d adds at most d 2^24 ulp).
 * Accurate polynomial set ("fast = 0", used by the derivative) first, the
 * cheaper set ("fast = 1", used by the rate: ~5% faster there) in brackets:
 *   exp   2^(i/8) table (2^-53) x degree-4 minimax e^r on |r| <= ln2/16:
 *         2^-33.5 (softlif-soft-lif-tables-f32-avx512.h) [2^(i/16), degree 3 on |r| <= ln2/32: 2^-29.7].
 *         Reduction r = a - (k/8) ln2 in one fma: |k/8| <= 866, ln2
 *         rounding 2^-54 relative -> 2^-44 absolute in r.      <= 2^-33.4 [2^-29.6]
 *   logs  degree-6 log1p minimax: 2^-36.5 relative to log1p(r), |r| <= 1/30
 *         [degree 5: 2^-30.3].  Outside the c = 1 bucket the result is
 *         >= 0.064 (|T_k| or ln2) while |log1p r| <= 0.034, so the relative
 *         error there is smaller still; T_k, e ln2: 2^-53.   <= 2^-36.4 [2^-30.3] each
 *   low parts: r = t exactly in the c = 1 bucket of sp (no w needed);
 *         w2l added as is instead of w2l/w2: |w2l u| <= 2^-53 relative;
 *         dropping w2l for u >= 1 costs <= 2^-53 / ln2.
 *   reciprocals: rcp14 (<= 2^-14) + cubic step: <= 2^-41 each.
 *   ~15 further double roundings (y, j, D, products): 2^-53 each; the
 *         parameter quotients tau/A, tau/sqrt(A tau_rc): 2^-52.
 *   Propagation to the rate: a relative error in t, sp, j or L reaches it
 *   with weight <= 1 (t -> log1p t: t/((1+t) log1p t) <= 1; sp -> j:
 *   sigma sp / j <= 1; j -> L: 1/((1+j) L) <= 1; L -> D: tau_rc L / D <= 1).
 *   Sum: 2^-33.4 + 2 x 2^-36.4 + 2^-47 ~ 2^-33 = 0.002 ulp [2^-28.6 = 0.04 ulp],
 *   so the float result is within 0.5 + 0.002 [0.04] ulp; measured (against
 *   quadruple precision, 16.1M points) 0.5006 [0.511].  Derivative: t enters twice more (s and
 *   1 + t, weight <= 1 each) plus 6 roundings: <= 2^-32 = 0.004 ulp
 *   [2^-27.8 = 0.07]; measured 0.5013 [0.5185].  The rate kernel uses the
 *   cheaper set (0.511 ulp), the derivative the accurate one (0.5013 ulp).
 *   Subnormal float results (derivative tail) come from a double with the
 *   same relative error, rounded once by vcvtpd2ps.
 *
 * Lane classes: NaN / +-inf -> scalar library code (one vfpclassps per 16
 * inputs, one branch per group on the common path).  Every other finite float J
 * goes through the straight-line path (|J| <= FLT_MAX: all intermediates stay
 * normal doubles: t >= e^-600, j >= sigma e^-600, u <= 1/j, no r^2 of a tiny r).
 * The two remaining classes (eps == 0 far tail; eps > 0 deep-tail derivative,
 * which is < 2^-600 and 0 in float) are a compare + masked op, compiled in only
 * for the parameter sets that need them.  No data crosses lanes; tails go
 * through the same per-lane code on a padded vector, so results are
 * bit-identical however an array is split. */

#include "config.h"

#ifdef SOFTLIF_HAVE_AVX512

#include <math.h>

#include "softlif-soft-lif-kernels-private.h"
#include "softlif-simd-avx512-private.h"
#include "softlif-soft-lif-simd.inc"
#include "softlif-soft-lif-tables-avx512.h"
#include "softlif-soft-lif-tables-f32-avx512.h"

/* ==== float64 ==== */


#define UNROLL64 5                /* vectors per step of the float64 loops */
#define R64_UNR 8
#define R64_PRAGMA(x) _Pragma (#x)
#define R64_UNROLL(n) R64_PRAGMA (GCC unroll n)
#define R64_FOR R64_UNROLL (R64_UNR) for (int u = 0; u < NU; u++)


static int
rate64_fast_params_ok (const SoftlifSoftLifKernelParams *p)
{
  double aA = fabs (p->A);
  return p->sigma >= 0x1p-40 && p->sigma <= 0x1p10
         && p->tau_rc >= 0x1p-40 && p->tau_rc <= 0x1p40
         && (p->tau_ref == 0 || (p->tau_ref >= 0x1p-60 && p->tau_ref <= 0x1p40))
         && aA >= 0x1p-500 && aA <= 0x1p500
         && (p->eps == 0 || (p->eps >= 0x1p-780 && p->eps <= 1.0));
}

/* The logarithms: three 16-entry register tables (vpermt2pd, bit 3 of the
 * index selects the register; softlif-soft-lif-tables-avx512.h): c_k ~ 1/(1 + k/15)
 * with at most 10 significant bits (c_0 = 1), -log c_k = lch + lcl, lch a
 * multiple of 2^-42.  A reduction gives r = w c_k 2^-e - 1 = rh + rl, |r| <=
 * 1/30, and r64_log_tail returns
 *     e ln2 + lch + lcl + log1p(rh + rl),
 *     log1p(rh + rl) = rh + rl (1 - rh) + rh^2 Q(rh),
 * Q near-minimax degree 8 (|Q error| |r| <= 2^-60.3), as Lh + Ll, not
 * normalized (Lh == 0 or |Ll| <= ~2^-6 Lh), relative error ~2^-58: e ln2_hi42
 * + lch is exact (LN2_HI42, lch multiples of 2^-42), and s1 = e ln2 + lch is
 * 0 (k = e = 0, c = 1) or > |rh|, so the Fast2Sum with rh is exact.
 * A table may have a constant folded in: K = tau_ref/tau_rc (rate64_tab_fold:
 * lch' = lch + K rounded to a multiple of 2^-42, lcl' the rest; s1 >= K -
 * tiny >= 1/16 > |rh|, so the Fast2Sum stays exact) or eps/sigma in lcl
 * (rate64_tab_eps). */
typedef struct { __m512d c0, c1, h0, h1, l0, l1; } R64LogTab;

SIMD_INLINE void
r64_log_tail (__m512d rh, __m512d rl, __m512d e, __m512d lch, __m512d lcl,
              __m512d *Lh, __m512d *Ll, const int E)
{
  const __m512d r2 = _mm512_mul_pd (rh, rh);
  /* Q = even(r^2) + r odd(r^2): two short Horner chains */
  __m512d qe = _mm512_fmadd_pd (r2, simd_splat (LOG16_M8), simd_splat (LOG16_M6));
  qe = _mm512_fmadd_pd (r2, qe, simd_splat (LOG16_M4));
  qe = _mm512_fmadd_pd (r2, qe, simd_splat (LOG16_M2));
  qe = _mm512_fmadd_pd (r2, qe, simd_splat (LOG16_M0));
  __m512d qo = _mm512_fmadd_pd (r2, simd_splat (LOG16_M7), simd_splat (LOG16_M5));
  qo = _mm512_fmadd_pd (r2, qo, simd_splat (LOG16_M3));
  qo = _mm512_fmadd_pd (r2, qo, simd_splat (LOG16_M1));
  const __m512d Q = _mm512_fmadd_pd (rh, qo, qe);
  __m512d lo = _mm512_fmadd_pd (r2, Q, _mm512_fnmadd_pd (rh, rl, rl));   /* + rl (1 - rh) */
  lo = _mm512_add_pd (lo, E ? _mm512_fmadd_pd (e, simd_splat (LN2_LO42), lcl) : lcl);
  const __m512d s1 = E ? _mm512_fmadd_pd (e, simd_splat (LN2_HI42), lch) : lch;   /* exact */
  const __m512d s2 = _mm512_add_pd (s1, rh);                            /* s1 == 0 or s1 > |rh| */
  lo = _mm512_add_pd (lo, _mm512_sub_pd (rh, _mm512_sub_pd (s2, s1)));
  *Lh = s2;
  *Ll = lo;
}

/* log1p(t) for t in (0, 1] (the softplus): w = 1 + t is never formed;
 * k = round(15 t) (exact rounding by the SHIFT fma; t = 1 gives k = 15,
 * whose interval [1 + 14.5/15, 2] is closed at 2 in the generator), e = 0,
 * p = RN((1 + t) c), rh = p - 1 (exact, p in [0.96, 1.04]),
 * rl = (1 + t) c - p = fma(t, c, c - p) (c - p exact by Sterbenz; one
 * rounding of a ~2^-53 quantity). */
SIMD_INLINE void
r64_log1p_t (const R64LogTab *T, __m512d t, __m512d *Lh, __m512d *Ll)
{
  const __m512i ki = _mm512_castpd_si512 (_mm512_fmadd_pd (t, simd_splat (15.0), simd_splat (SHIFT)));
  const __m512d c = _mm512_permutex2var_pd (T->c0, ki, T->c1);
  const __m512d lch = _mm512_permutex2var_pd (T->h0, ki, T->h1);
  const __m512d lcl = _mm512_permutex2var_pd (T->l0, ki, T->l1);
  const __m512d p = _mm512_fmadd_pd (t, c, c);
  const __m512d rh = _mm512_sub_pd (p, simd_splat (1.0));                         /* exact */
  const __m512d rl = _mm512_fmadd_pd (t, c, _mm512_sub_pd (c, p));
  r64_log_tail (rh, rl, simd_zero (), lch, lcl, Lh, Ll, 0);
}

/* L = log(1 + u) for u = uh (1 + ue) > 0 (|ue| <= 2^-52, 1 + u finite, 1/u
 * normal).  w = 1 + u is never formed exactly: its rounding wh = RN(1 + uh)
 * = 2^e m (vgetexp/vgetmant) only picks e and k = round(LOG16_KSLOPE m - 15);
 * the slope 15 (1 - 2^-30) moves each interval's lower bound up by a factor
 * >= 1 + 2^-31, more than wh and 1 + u can differ.  With c' = c_k 2^-e,
 *     r = (1 + u) c' - 1 = (c' - 1) + uh c' + uh c' ue:
 * c' - 1 is exact (c_k has <= 10 significant bits; for e > 43, where it
 * rounds, its 2^-54 error is < 2^-58.9 of L > 29), P = RN(uh c'), Pe = uh c' - P
 * (exact), rh = (c' - 1) + P is exact: both terms are multiples of ulp(P)
 * (c' - 1 of 2^-(e+10), and P >= 2^-6), and |rh| <= P (r >= 0, or r < 0 and
 * |r| <= (1 - c')/2: the generator checks this on every interval),
 * rl = Pe + P ue (P for uh c': a 2^-53 change of a 2^-52 P term; one
 * rounding of it). */
SIMD_INLINE void
r64_log1p_u (const R64LogTab *T, __m512d uh, __m512d ue, __m512d *Lh, __m512d *Ll)
{
  const __m512d wh = _mm512_add_pd (simd_splat (1.0), uh);
  const __m512d e = _mm512_getexp_pd (wh);                               /* exact */
  const __m512d m = _mm512_getmant_pd (wh, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_zero);
  const __m512i ki = _mm512_castpd_si512 (_mm512_fmadd_pd (m, simd_splat (LOG16_KSLOPE), simd_splat (SHIFT - 15.0)));
  const __m512d c = _mm512_permutex2var_pd (T->c0, ki, T->c1);
  const __m512d lch = _mm512_permutex2var_pd (T->h0, ki, T->h1);
  const __m512d lcl = _mm512_permutex2var_pd (T->l0, ki, T->l1);
  const __m512d cs = _mm512_scalef_pd (c, _mm512_xor_pd (e, simd_splat (-0.0)));  /* c 2^-e */
  const __m512d P = _mm512_mul_pd (uh, cs);
  const __m512d Pe = _mm512_fmsub_pd (uh, cs, P);                        /* exact */
  const __m512d rh = _mm512_add_pd (_mm512_sub_pd (cs, simd_splat (1.0)), P);     /* exact */
  const __m512d rl = _mm512_fmadd_pd (P, ue, Pe);
  r64_log_tail (rh, rl, e, lch, lcl, Lh, Ll, 1);
}

/* sigma == 1: t = e^-|y|, y = J - 1, without forming J - 1 exactly.
 * a = -|y| is only needed rounded (d = RN(J - 1)) for the index: k =
 * round(16 a / ln2), n = k/16 <= 0; then with n' = |n| sign(d) (n itself where
 * y <= 0, -n where y > 0), c1 = 1 + n' LN2_HI42 is exact (n' LN2_HI42 is a multiple
 * of 2^-43 below 2^10 in magnitude for |y| < ~1000; beyond, t is clamped
 * anyway), and
 *     r = a - n ln2 = sign (J - c1) - n LN2_LO42,  sign = +1 (y <= 0), -1 (y > 0),
 * where J - c1 = +-(r + n LN2_LO42) is small (<= ln2/32 + 2^-32): its one
 * rounding is <= 2^-59 absolute, 2^-59 relative in t.  t = 2^n 2^(f/16) e^r
 * with the exponent clamped at -870 (t ~ 2^-870 for y < ~-603: negligible
 * against eps >= 2^-780 (t/eps < 2^-85), the log-domain lanes are
 * replaced when eps == 0 and the derivative sends them to the shared code;
 * t stays normal, so no subnormal arithmetic).
 * Ordinary: |d| <= J_fast - 2 (false for NaN), so |J| <= J_fast.
 * kpos: y > 0.  eps == 0: y = d + dl (TwoSum) is kept for the log domain. */
SIMD_INLINE __m512d
r64_exp_s1 (const SoftlifSoftLifKernelParams *p, __m512d x, double J_fast,
            __m512d EH0, __m512d EH1, __m512d EL0, __m512d EL1,
            __mmask8 *kpos, __mmask8 *slow, __mmask8 *kdeep, __m512d *ysave, __m512d *ylsave,
            const int EPS, const int DERIV)
{
  const __m512i S = _mm512_set1_epi64 ((long long) 0x8000000000000000ULL);
  __m512d d = _mm512_sub_pd (x, simd_splat (1.0));
  __m512d na = _mm512_or_pd (d, simd_splat (-0.0));                                 /* -|d| */
  __mmask8 ok = _mm512_cmp_pd_mask (na, simd_splat (2.0 - J_fast), _CMP_GE_OQ);
  *slow = (__mmask8) ~ok;
  if (!EPS)
    {
      /* eps == 0, y <= -600: log domain, L = -(log sigma + y) (blended later) */
      __m512d bb = _mm512_sub_pd (d, x);
      *ylsave = _mm512_add_pd (_mm512_sub_pd (x, _mm512_sub_pd (d, bb)),
                               _mm512_sub_pd (simd_splat (-1.0), bb));            /* TwoSum(J, -1) */
      *ysave = d;
      *kdeep = _mm512_cmp_pd_mask (d, simd_splat (-600.0), _CMP_LE_OQ);
    }
  if (DERIV)
    *slow |= _mm512_cmp_pd_mask (d, simd_splat (-600.0), _CMP_LE_OQ);
  *kpos = _mm512_cmp_pd_mask (d, simd_zero (), _CMP_GT_OQ);
  __m512d kd = _mm512_fmadd_pd (na, simd_splat (INV_LN2_16), simd_splat (SHIFT));
  __m512i ki = _mm512_castpd_si512 (kd);                                   /* low 4 bits: k mod 16 */
  __m512d n = _mm512_fmsub_pd (kd, simd_splat (0.0625), simd_splat (SHIFT * 0.0625));       /* exact, <= 0 */
  /* n' = d's sign bit with n's other bits (n <= 0: |n| sign(d)) */
  __m512d nt = _mm512_castsi512_pd (_mm512_ternarylogic_epi64 (_mm512_castpd_si512 (n),
                                    _mm512_castpd_si512 (d), S, 0xd8));
  __m512d c1 = _mm512_fmadd_pd (nt, simd_splat (LN2_16_HI * 16), simd_splat (1.0));        /* exact */
  __m512d df = _mm512_sub_pd (x, c1);
  /* sign flipped where d's sign bit is clear (y > 0) */
  __m512d sd = _mm512_castsi512_pd (_mm512_ternarylogic_epi64 (_mm512_castpd_si512 (df),
                                    _mm512_castpd_si512 (d), S, 0xd2));
  __m512d r = _mm512_fnmadd_pd (n, simd_splat (LN2_16_LO * 16), sd);
  __m512d q = _mm512_fmadd_pd (r, simd_splat (EXP16_C7), simd_splat (EXP16_C6));
  q = _mm512_fmadd_pd (r, q, simd_splat (EXP16_C5));
  q = _mm512_fmadd_pd (r, q, simd_splat (EXP16_C4));
  q = _mm512_fmadd_pd (r, q, simd_splat (EXP16_C3));
  q = _mm512_fmadd_pd (r, q, simd_splat (EXP16_C2));
  __m512d pm = _mm512_fmadd_pd (_mm512_mul_pd (r, r), q, r);             /* e^r - 1 */
  __m512d Th = _mm512_permutex2var_pd (EH0, ki, EH1);
  __m512d Tl = _mm512_permutex2var_pd (EL0, ki, EL1);
  __m512d e = _mm512_add_pd (Th, _mm512_fmadd_pd (Th, pm, Tl));
  return _mm512_scalef_pd (e, _mm512_max_pd (n, simd_splat (-870.0)));
}

/* The ordinary path for NU vectors, stage by stage (each stage issued for all
 * NU vectors back to back, as in softlif-soft-lif-simd.inc: one vector's dependency
 * chain is far longer than the out-of-order window).  Returns, per vector,
 * the mask of lanes that are NOT ordinary (their out[] lanes are garbage).
 * S1 (sigma == 1), EPS (eps != 0), TREF (0: tau_ref == 0; 1: D = tau_ref +
 * tau_rc L by an ordered Fast2Sum; 2: tau_ref/tau_rc >= 1/16 folded into the
 * L table TL, D = tau_rc (L + tau_ref/tau_rc)) are compile-time
 * specializations; S1 has its own exponential (r64_exp_s1) and sum for j,
 * which round differently from the general code in rare last bits. */
SIMD_INLINE void
rate64_fast (const SoftlifSoftLifKernelParams *p, const R64LogTab *T, const R64LogTab *TL, const double *Aq,
             const double *Cq, const double J_fast,
             const __m512d *J, __m512d *out, __mmask8 *slow, const int NU,
             const int S1, const int EPS, const int TREF, const int DERIV)
{
  const __m512d one = simd_splat (1.0);
  __m512d d[UNROLL64], dl[UNROLL64], t[UNROLL64];
  __m512d uh[UNROLL64], ue[UNROLL64], jh[UNROLL64], jl[UNROLL64];
  __mmask8 kpos[UNROLL64], kdeep[UNROLL64];
  __m512d ysave[UNROLL64], ylsave[UNROLL64];

  /* y, and t = e^(a + al), a = max(-|y|, -600), al = -sign(y) yl (S1:
   * r64_exp_s1) */
  {
    const __m512d EH0 = _mm512_load_pd (softlif_exp16_hi), EH1 = _mm512_load_pd (softlif_exp16_hi + 8);
    const __m512d EL0 = _mm512_load_pd (softlif_exp16_lo), EL1 = _mm512_load_pd (softlif_exp16_lo + 8);
    R64_FOR
      {
        __m512d x = J[u];
        if (S1)
          {
            t[u] = r64_exp_s1 (p, x, J_fast, EH0, EH1, EL0, EL1, &kpos[u], &slow[u],
                               &kdeep[u], &ysave[u], &ylsave[u], EPS, DERIV);
            continue;
          }
        d[u] = _mm512_sub_pd (x, one);
        __m512d bb = _mm512_sub_pd (d[u], x);
        dl[u] = _mm512_add_pd (_mm512_sub_pd (x, _mm512_sub_pd (d[u], bb)),
                               _mm512_sub_pd (simd_splat (-1.0), bb));           /* TwoSum(J, -1) */
        const __m512d sig = simd_splat (p->sigma), isig = simd_splat (p->inv_sigma);
        __m512d yh = _mm512_mul_pd (d[u], isig);
        __m512d yl = _mm512_mul_pd (_mm512_add_pd (_mm512_fnmadd_pd (yh, sig, d[u]), dl[u]), isig);
        /* ordinary: |J| <= J_fast (false for NaN), and y > -600 unless eps > 0
         * (then deep_const holds, see rate64_fast_params_ok) */
        __mmask8 ok = _mm512_cmp_pd_mask (_mm512_abs_pd (x), simd_splat (J_fast), _CMP_LE_OQ);
        if (!EPS)
          {
            /* eps == 0, y <= -600: log domain, L = -(log sigma + y) (blended below) */
            kdeep[u] = _mm512_cmp_pd_mask (yh, simd_splat (-600.0), _CMP_LE_OQ);
            ysave[u] = yh;
            ylsave[u] = yl;
          }
        slow[u] = (__mmask8) ~ok;
        /* the derivative needs e^y itself below y = -600 (C e^y or the log
         * domain): the shared code */
        if (DERIV)
          slow[u] |= _mm512_cmp_pd_mask (yh, simd_splat (-600.0), _CMP_LE_OQ);
        kpos[u] = _mm512_cmp_pd_mask (yh, simd_zero (), _CMP_GT_OQ);
        __m512d na = _mm512_or_pd (yh, simd_splat (-0.0));                        /* -|y| */
        __m512d a = _mm512_max_pd (na, simd_splat (-600.0));
        /* al = y > 0 ? -yl : yl.  |y| <= 2^51 (J_fast), so |yl| <= 1/4: where
         * -|y| is clamped at -600, t = e^(-600 + al) stays negligible (< 2^-864
         * relative to j) and normal */
        __m512d al = _mm512_mask_sub_pd (yl, kpos[u], simd_zero (), yl);
        /* k = round(16 a / ln2), n = k/16 (exact), r = a - n ln2 (exact) + (al - n ln2_lo) */
        __m512d kd = _mm512_fmadd_pd (a, simd_splat (INV_LN2_16), simd_splat (SHIFT));
        __m512i ki = _mm512_castpd_si512 (kd);                           /* low 4 bits: k mod 16 */
        __m512d n = _mm512_fmsub_pd (kd, simd_splat (0.0625), simd_splat (SHIFT * 0.0625)); /* exact */
        __m512d r = _mm512_fnmadd_pd (n, simd_splat (LN2_16_HI * 16), a);        /* exact */
        r = _mm512_add_pd (r, _mm512_fnmadd_pd (n, simd_splat (LN2_16_LO * 16), al));
        /* e^r - 1 = r + r^2 (C2 + C3 r + ... + C7 r^5), Horner (the latency is
         * hidden by the interleaved vectors; one op less than Estrin) */
        __m512d q = _mm512_fmadd_pd (r, simd_splat (EXP16_C7), simd_splat (EXP16_C6));
        q = _mm512_fmadd_pd (r, q, simd_splat (EXP16_C5));
        q = _mm512_fmadd_pd (r, q, simd_splat (EXP16_C4));
        q = _mm512_fmadd_pd (r, q, simd_splat (EXP16_C3));
        q = _mm512_fmadd_pd (r, q, simd_splat (EXP16_C2));
        __m512d pm = _mm512_fmadd_pd (_mm512_mul_pd (r, r), q, r);       /* e^r - 1 */
        __m512d Th = _mm512_permutex2var_pd (EH0, ki, EH1);
        __m512d Tl = _mm512_permutex2var_pd (EL0, ki, EL1);
        __m512d e = _mm512_add_pd (Th, _mm512_fmadd_pd (Th, pm, Tl));
        t[u] = _mm512_scalef_pd (e, n);                                  /* * 2^floor(n) */
      }
  }

  /* softplus = log(1 + t) as sh + sl; j = sigma sp + (J-1)^+ + eps as jh + jl;
   * u = 1/j = uh (1 + ue) */
  R64_FOR
    {
      __m512d sh, sl;
      r64_log1p_t (T, t[u], &sh, &sl);                                 /* log1p(t) (+ eps/sigma) */
      if (S1)
        {
          /* j = sp (y <= 0), or J + (sh - 1) + sl (y > 0): sh - 1 is exact
           * (sh = lch + rh exactly, a multiple of 2^-53 below 0.7) and
           * |J| > 1 >= |sh - 1|, so the Fast2Sum is exact */
          __m512d s2m1 = _mm512_sub_pd (sh, one);
          jh[u] = _mm512_mask_add_pd (sh, kpos[u], J[u], s2m1);
          __m512d z = _mm512_maskz_sub_pd (kpos[u], jh[u], J[u]);
          jl[u] = _mm512_add_pd (sl, _mm512_maskz_sub_pd (kpos[u], s2m1, z));
        }
      else
        {
          const __m512d sig = simd_splat (p->sigma);
          __m512d ph = _mm512_mul_pd (sig, sh);
          __m512d pl = _mm512_fmadd_pd (sig, sl, _mm512_fmsub_pd (sig, sh, ph));
          __m512d e1;
          v_fast_two_sum_ordered (ph, _mm512_maskz_mov_pd (kpos[u], d[u]), &jh[u], &e1);
          jl[u] = _mm512_add_pd (e1, _mm512_add_pd (pl, _mm512_maskz_mov_pd (kpos[u], dl[u])));
        }
      if (DERIV && EPS)
        {
          __m512d s2, e2;
          v_fast_two_sum_ordered (jh[u], simd_splat (p->eps), &s2, &e2);
          jh[u] = s2;
          jl[u] = _mm512_add_pd (jl[u], e2);
        }
      /* u = 1/(jh + jl) = uh (1 + ue); jh + jl is not normalized (|jl| <= ~2^-6 jh,
       * or jh == 0): uh = 1/RN(jh + jl) to < 1 ulp, and the remainder
       * 1 - uh jh - uh jl is formed with one rounding of a ~2^-6 quantity
       * (2^-59 relative in u) and one exact step */
      uh[u] = _mm512_div_pd (one, _mm512_add_pd (jh[u], jl[u]));
      ue[u] = _mm512_fnmadd_pd (uh[u], jl[u], _mm512_fnmadd_pd (uh[u], jh[u], one));
    }

  /* L = log(1 + u), D = tau_ref + tau_rc L, rate = A / D */
  R64_FOR
    {
      const __m512d trc = simd_splat (p->tau_rc), A = simd_splat (p->A), Ah = simd_splat (Aq[0]), Al = simd_splat (Aq[1]);
      __m512d Lh, Ll;
      r64_log1p_u (TL, uh[u], ue[u], &Lh, &Ll);           /* TREF == 2: L + tau_ref/tau_rc */
      if (!EPS)
        {
          /* y <= -600, eps == 0: j = sigma e^y (1 + O(e^y)), L = -(log sigma + y)
           * (+ K when TREF == 2) = (Ch + Cl) - (yh + yl); |yh| >= 600 > |Ch|:
           * Fast2Sum(-yh, Ch) exact */
          __m512d s = _mm512_sub_pd (simd_splat (Cq[0]), ysave[u]);
          __m512d e = _mm512_sub_pd (simd_splat (Cq[0]), _mm512_add_pd (s, ysave[u]));
          e = _mm512_add_pd (e, _mm512_sub_pd (simd_splat (Cq[1]), ylsave[u]));
          Lh = _mm512_mask_mov_pd (Lh, kdeep[u], s);
          Ll = _mm512_mask_mov_pd (Ll, kdeep[u], e);
        }
      if (DERIV)
        {
          /* deriv = A tau_rc [t] / (D^2 j (1+j) (1+t)), [t] where y <= 0;
           * with D = tau_rc L' (TREF != 1) that is A' [t] / (L'^2 j (1+j) (1+t)).
           * B = L' (or D), j and the products are carried as hi + lo with
           * exact product remainders, so only t's rounding (0.5 ulp where
           * y <= 0) and the final division's reach the result. */
          __m512d Bh = Lh, Bl = Ll, Nh = Ah, Nl = Al;
          if (TREF == 1)
            {
              Bh = _mm512_mul_pd (trc, Lh);
              Bl = _mm512_fmadd_pd (trc, Ll, _mm512_fmsub_pd (trc, Lh, Bh));
              __m512d s, e;
              v_fast_two_sum_ordered (Bh, simd_splat (p->tau_ref), &s, &e);
              Bh = s;
              Bl = _mm512_add_pd (Bl, e);
              Nh = simd_splat (p->atr_h);
              Nl = simd_splat (p->atr_l);
            }
          /* normalize B and j (their low parts may reach 2^-6 of the high) */
          __m512d s = _mm512_add_pd (Bh, Bl);
          Bl = _mm512_sub_pd (Bl, _mm512_sub_pd (s, Bh));
          Bh = s;
          __m512d jn = _mm512_add_pd (jh[u], jl[u]);
          __m512d jnl = _mm512_sub_pd (jl[u], _mm512_sub_pd (jn, jh[u]));
          __m512d B2h = _mm512_mul_pd (Bh, Bh);
          __m512d B2l = _mm512_fmadd_pd (_mm512_add_pd (Bh, Bh), Bl, _mm512_fmsub_pd (Bh, Bh, B2h));
          __m512d oh, ol;
          v_fast_two_sum_ordered (one, jn, &oh, &ol);
          ol = _mm512_add_pd (ol, jnl);
          __m512d Ph = _mm512_mul_pd (jn, oh);
          __m512d Pl = _mm512_fmadd_pd (jnl, oh, _mm512_fmadd_pd (jn, ol, _mm512_fmsub_pd (jn, oh, Ph)));
          __m512d Xh = _mm512_mul_pd (B2h, Ph);
          __m512d Xl = _mm512_fmadd_pd (B2l, Ph, _mm512_fmadd_pd (B2h, Pl, _mm512_fmsub_pd (B2h, Ph, Xh)));
          __m512d th = _mm512_add_pd (one, t[u]);                         /* t <= 1 */
          __m512d tl = _mm512_sub_pd (t[u], _mm512_sub_pd (th, one));
          __m512d zh = _mm512_mul_pd (Xh, th);
          __m512d zl = _mm512_fmadd_pd (Xl, th, _mm512_fmadd_pd (Xh, tl, _mm512_fmsub_pd (Xh, th, zh)));
          __m512d nh = _mm512_mul_pd (Nh, t[u]);
          __m512d nl = _mm512_fmadd_pd (Nl, t[u], _mm512_fmsub_pd (Nh, t[u], nh));
          nh = _mm512_mask_mov_pd (nh, kpos[u], Nh);
          nl = _mm512_mask_mov_pd (nl, kpos[u], Nl);
          /* q = RN(nh / zh); the remainder r is ~2^-51 nh (z normalized),
           * so 1/zh to 2^-14 (rcp14) is enough to add it */
          __m512d q = _mm512_div_pd (nh, zh);
          __m512d inv = _mm512_rcp14_pd (zh);
          __m512d r = _mm512_fnmadd_pd (q, zl, _mm512_add_pd (_mm512_fnmadd_pd (q, zh, nh), nl));
          out[u] = _mm512_fmadd_pd (r, inv, q);
        }
      else if (TREF == 1)
        {
          /* D = tau_ref + tau_rc L as Dh + Dl, rate = A / D */
          __m512d Dh = _mm512_mul_pd (trc, Lh);
          __m512d Dl = _mm512_fmadd_pd (trc, Ll, _mm512_fmsub_pd (trc, Lh, Dh));
          __m512d s, e;
          v_fast_two_sum_ordered (Dh, simd_splat (p->tau_ref), &s, &e);
          Dh = s;
          Dl = _mm512_add_pd (Dl, e);
          __m512d q = _mm512_div_pd (A, _mm512_add_pd (Dh, Dl));   /* Dh + Dl not normalized */
          __m512d inv = _mm512_mul_pd (q, simd_splat (p->inv_A));           /* ~1/D */
          __m512d r = _mm512_fnmadd_pd (q, Dl, _mm512_fnmadd_pd (q, Dh, A));
          out[u] = _mm512_fmadd_pd (r, inv, q);
        }
      else
        {
          /* rate = A' / L', A' = A/tau_rc = Ah + Al (dd), L' = L (+ tau_ref/tau_rc
           * when TREF == 2) = Lh + Ll: one division, exact-ish remainder */
          /* Lh + Ll not normalized: q = Ah / RN(Lh + Ll) (the remainder
           * below uses the exact pair; its first step rounds a <= 2^-6 A'
           * quantity: 2^-59 relative) */
          __m512d q = _mm512_div_pd (Ah, _mm512_add_pd (Lh, Ll));
          __m512d inv = _mm512_mul_pd (q, simd_splat (Aq[2]));                       /* ~1/L' */
          __m512d r = _mm512_fnmadd_pd (q, Ll, _mm512_fnmadd_pd (q, Lh, Ah));
          out[u] = _mm512_fmadd_pd (_mm512_add_pd (r, Al), inv, q);
        }
    }
}

/* Non-ordinary lanes of one vector: the shared vector code (which itself sends
 * NaN/inf/|J| > J_max, and the deep tail when !deep_const, to the library's
 * scalar code); only the lanes in `slow` take its result. */
static SIMD_NOINLINE __m512d
rate64_fix (const SoftlifSoftLifKernelParams *p, __m512d J, __m512d r, __mmask8 slow, const int DERIV)
{
  SimdF64 Jv[1] = { J }, o[1];
  int fb[1];
  if (DERIV)
    soft_lif_deriv_f64_group (p, Jv, o, fb, 1);
  else
    soft_lif_rate_f64_group (p, Jv, o, fb, 1);
  r = _mm512_mask_mov_pd (r, slow, o[0]);
  if (fb[0] & slow)
    {
      double Js[8], os[8];
      _mm512_storeu_pd (Js, J);
      _mm512_storeu_pd (os, r);
      for (int k = 0; k < 8; k++)
        if ((fb[0] & slow) >> k & 1)
          os[k] = DERIV ? softlif_scalar_soft_derivative (Js[k], p->sp)
                        : softlif_scalar_soft_rate (Js[k], p->sp);
      r = _mm512_loadu_pd (os);
    }
  return r;
}

/* whole arrays for the parameter sets outside the analysed ranges: the
 * shared code, kept out of line as the cold path it is */
static SIMD_NOINLINE void
soft_lif_rate_f64_shared (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n)
{
  soft_lif_rate_f64_array (p, J, out, n);
}

static SIMD_NOINLINE void
soft_lif_deriv_f64_shared (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n)
{
  soft_lif_deriv_f64_array (p, J, out, n);
}

/* TL = T with K = tau_ref/tau_rc folded in: -log c_k + K = lch'_k + lcl'_k,
 * lch' a multiple of 2^-42 (so e LN2_HI42 + lch' stays exact), |lcl'| <= 2^-43;
 * all steps exact except the last sum (error ~2^-96 absolute, K >= 1/16). */
static void
rate64_tab_fold (const SoftlifSoftLifKernelParams *p, R64LogTab *TL)
{
  double Kh = p->tau_ref / p->tau_rc;
  double Kl = fma (-Kh, p->tau_rc, p->tau_ref) / p->tau_rc;
  double H[16] __attribute__ ((aligned (64))), Lo[16] __attribute__ ((aligned (64)));
  for (int k = 0; k < 16; k++)
    {
      double a = softlif_log16_lch[k], s = a + Kh, bb = s - a;
      double e = (a - (s - bb)) + (Kh - bb);                   /* TwoSum, exact */
      volatile double sh = s + 0x1.8p10;                        /* round to 2^-42 */
      double h = sh - 0x1.8p10;                                 /* (s < 2^9) */
      H[k] = h;
      Lo[k] = (s - h) + e + (softlif_log16_lcl[k] + Kl);          /* s - h exact */
    }
  TL->h0 = _mm512_load_pd (H); TL->h1 = _mm512_load_pd (H + 8);
  TL->l0 = _mm512_load_pd (Lo); TL->l1 = _mm512_load_pd (Lo + 8);
}

/* T with eps/sigma folded into lcl (softplus log only): the log then returns
 * log(w) + eps/sigma, so j = sigma (sp + eps/sigma) + (J-1)^+ needs no
 * separate (ordered) sum for eps.  Used when eps/sigma <= 2^-30 (else the
 * driver uses the shared vector code): lcl'_k = RN(lcl_k + eps/sigma) has absolute error
 * <= 2^-83 (k > 0, where sp >= 0.06) and is exact for k = 0 (lcl_0 = 0).  Where
 * eps/sigma is not small against the low part of sp (sp <~ 2^-25), the sum
 * lo + eps' and the final Fast2Sum round with <= 2^-53 relative to j, but
 * there j <= sigma 2^-24, L >= 9.7 and the weight of j's relative error in the
 * rate, tau_rc/((1+j) D) <= 1/L, is < 0.11 (<= 0.2 ulp; t's weight is as
 * small there).  eps/sigma itself is rounded once: relative 2^-53 on the eps
 * part of j, weight <= 1/L < 0.03 where eps dominates j. */
static void
rate64_tab_eps (const SoftlifSoftLifKernelParams *p, R64LogTab *T)
{
  double e = p->eps / p->sigma;
  double Lo[16] __attribute__ ((aligned (64)));
  for (int k = 0; k < 16; k++)
    Lo[k] = softlif_log16_lcl[k] + e;
  T->l0 = _mm512_load_pd (Lo); T->l1 = _mm512_load_pd (Lo + 8);
}

/* array loop for one specialization: UNROLL64 vectors per step, then single
 * vectors with a masked load/store (padding lanes J = 2, discarded) through
 * the same per-lane arithmetic */
SIMD_INLINE void
rate64_loop (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n,
             const int S1, const int EPS, const int TREF, const int DERIV)
{
  /* |y| <= 2^51 on ordinary lanes (see the al comment in rate64_fast) */
  const double J_fast = fmin (fmin (p->J_max, 0x1p40), p->sigma * 0x1p50);
  R64LogTab T, TL;
  T.c0 = _mm512_load_pd (softlif_log16_c); T.c1 = _mm512_load_pd (softlif_log16_c + 8);
  T.h0 = _mm512_load_pd (softlif_log16_lch); T.h1 = _mm512_load_pd (softlif_log16_lch + 8);
  T.l0 = _mm512_load_pd (softlif_log16_lcl); T.l1 = _mm512_load_pd (softlif_log16_lcl + 8);
  TL = T;
  if (TREF == 2)
    rate64_tab_fold (p, &TL);
  /* the derivative depends one to one on j: eps is added exactly there */
  if (EPS && !DERIV)
    rate64_tab_eps (p, &T);
  /* A' = A / tau_rc as a double-double */
  double Aq[3];
  Aq[0] = p->A / p->tau_rc;
  Aq[1] = fma (-Aq[0], p->tau_rc, p->A) / p->tau_rc;
  Aq[2] = 1.0 / Aq[0];                  /* q / Ah ~ 1/L' for the remainder */
  /* eps == 0 deep lanes: C = -log sigma (+ K = tau_ref/tau_rc when TREF == 2), dd */
  double Cq[2] = { -p->log_sigma_h, -p->log_sigma_l };
  if (TREF == 2)
    {
      double Kh = p->tau_ref / p->tau_rc, Kl = fma (-Kh, p->tau_rc, p->tau_ref) / p->tau_rc;
      double a = Cq[0], sum = a + Kh, bb = sum - a;
      double err = (a - (sum - bb)) + (Kh - bb);                          /* TwoSum */
      Cq[0] = sum;
      Cq[1] = err + (Cq[1] + Kl);
    }
  /* gb: J = g x + b (rounded twice, as the affine kernels) from x in J */
  const __m512d gv = simd_splat (gb != NULL ? gb[0] : 1.0), bv = simd_splat (gb != NULL ? gb[1] : 0.0);
  size_t i = 0;
  __m512d Jv[UNROLL64], r[UNROLL64];
  __mmask8 slow[UNROLL64];
  for (; i + 8 * UNROLL64 <= n; i += 8 * UNROLL64)
    {
      for (int u = 0; u < UNROLL64; u++)
        Jv[u] = gb == NULL ? _mm512_loadu_pd (J + i + 8 * u)
                : _mm512_add_pd (_mm512_mul_pd (gv, _mm512_loadu_pd (J + i + 8 * u)), bv);
      rate64_fast (p, &T, &TL, Aq, Cq, J_fast, Jv, r, slow, UNROLL64, S1, EPS, TREF, DERIV);
      for (int u = 0; u < UNROLL64; u++)
        {
          if (__builtin_expect (slow[u] != 0, 0))
            r[u] = rate64_fix (p, Jv[u], r[u], slow[u], DERIV);
          _mm512_storeu_pd (out + i + 8 * u, r[u]);
        }
    }
  for (; i < n; i += 8)
    {
      size_t m = n - i < 8 ? n - i : 8;
      __mmask8 km = (__mmask8) ((1u << m) - 1);
      Jv[0] = _mm512_mask_loadu_pd (simd_splat (2.0), km, J + i);
      if (gb != NULL)
        Jv[0] = _mm512_mask_add_pd (Jv[0], km, _mm512_mul_pd (gv, Jv[0]), bv);
      rate64_fast (p, &T, &TL, Aq, Cq, J_fast, Jv, r, slow, 1, S1, EPS, TREF, DERIV);
      if (slow[0] & km)
        r[0] = rate64_fix (p, Jv[0], r[0], slow[0] & km, DERIV);
      _mm512_mask_storeu_pd (out + i, km, r[0]);
    }
}

/* The twelve specializations, each for the rate and the derivative:
 * rate64_<S1><EPS><TREF> (sigma == 1, eps != 0, the TREF case) */

static SIMD_NOINLINE void
rate64_loop_000 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 0, 0, 0);
}

static SIMD_NOINLINE void
deriv64_loop_000 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 0, 0, 1);
}

static SIMD_NOINLINE void
rate64_loop_001 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 0, 1, 0);
}

static SIMD_NOINLINE void
deriv64_loop_001 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 0, 1, 1);
}

static SIMD_NOINLINE void
rate64_loop_002 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 0, 2, 0);
}

static SIMD_NOINLINE void
deriv64_loop_002 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 0, 2, 1);
}

static SIMD_NOINLINE void
rate64_loop_010 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 1, 0, 0);
}

static SIMD_NOINLINE void
deriv64_loop_010 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 1, 0, 1);
}

static SIMD_NOINLINE void
rate64_loop_011 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 1, 1, 0);
}

static SIMD_NOINLINE void
deriv64_loop_011 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 1, 1, 1);
}

static SIMD_NOINLINE void
rate64_loop_012 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 1, 2, 0);
}

static SIMD_NOINLINE void
deriv64_loop_012 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 0, 1, 2, 1);
}

static SIMD_NOINLINE void
rate64_loop_100 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 0, 0, 0);
}

static SIMD_NOINLINE void
deriv64_loop_100 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 0, 0, 1);
}

static SIMD_NOINLINE void
rate64_loop_101 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 0, 1, 0);
}

static SIMD_NOINLINE void
deriv64_loop_101 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 0, 1, 1);
}

static SIMD_NOINLINE void
rate64_loop_102 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 0, 2, 0);
}

static SIMD_NOINLINE void
deriv64_loop_102 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 0, 2, 1);
}

static SIMD_NOINLINE void
rate64_loop_110 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 1, 0, 0);
}

static SIMD_NOINLINE void
deriv64_loop_110 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 1, 0, 1);
}

static SIMD_NOINLINE void
rate64_loop_111 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 1, 1, 0);
}

static SIMD_NOINLINE void
deriv64_loop_111 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 1, 1, 1);
}

static SIMD_NOINLINE void
rate64_loop_112 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 1, 2, 0);
}

static SIMD_NOINLINE void
deriv64_loop_112 (const SoftlifSoftLifKernelParams *p, const double *J, const double *gb, double *out, size_t n)
{
  rate64_loop (p, J, gb, out, n, 1, 1, 2, 1);
}

typedef void R64LoopFn (const SoftlifSoftLifKernelParams *, const double *, const double *, double *, size_t);

/* the specialized loop for these parameters, or NULL for the shared code */
static R64LoopFn *
rate64_pick (const SoftlifSoftLifKernelParams *p, const int DERIV)
{
  static R64LoopFn *const R[12] = {
    rate64_loop_000, rate64_loop_001, rate64_loop_002, rate64_loop_010, rate64_loop_011, rate64_loop_012,
    rate64_loop_100, rate64_loop_101, rate64_loop_102, rate64_loop_110, rate64_loop_111, rate64_loop_112 };
  static R64LoopFn *const D[12] = {
    deriv64_loop_000, deriv64_loop_001, deriv64_loop_002, deriv64_loop_010, deriv64_loop_011, deriv64_loop_012,
    deriv64_loop_100, deriv64_loop_101, deriv64_loop_102, deriv64_loop_110, deriv64_loop_111, deriv64_loop_112 };
  if (!rate64_fast_params_ok (p))
    return NULL;
  /* large eps: not analysed for the folded-eps table */
  if (p->eps != 0 && !(p->eps <= p->sigma * 0x1p-30))
    return NULL;
  int tr = p->tau_ref == 0 ? 0 : p->tau_ref >= p->tau_rc * 0.0625 && p->tau_ref <= p->tau_rc * 256 ? 2 : 1;
  /* the derivative's numerator N t (N = A/tau_rc, or A tau_rc when TREF ==
   * 1) must stay normal down to t = e^-600 ~ 2^-866: the same condition as
   * the shared vector code's (deriv_vec), which then hands them on too */
  if (DERIV && !p->deriv_vec)
    return NULL;
  int i = (p->sigma == 1.0) * 6 + (p->eps != 0) * 3 + tr;
  return DERIV ? D[i] : R[i];
}

void
softlif_soft_rate_f64_avx512 (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n)
{
  R64LoopFn *f = rate64_pick (p, 0);

  if (f != NULL)
    f (p, J, NULL, out, n);
  else
    soft_lif_rate_f64_shared (p, J, out, n);
}

void
softlif_soft_deriv_f64_avx512 (const SoftlifSoftLifKernelParams *p, const double *J, double *out, size_t n)
{
  R64LoopFn *f = rate64_pick (p, 1);

  if (f != NULL)
    f (p, J, NULL, out, n);
  else
    soft_lif_deriv_f64_shared (p, J, out, n);
}

/* rates of J = g x + b, gb = { g, b }: J is formed in the registers;
 * FALSE for the parameters the straight path does not take */
gboolean
softlif_soft_rate_f64_affine_avx512 (const SoftlifSoftLifKernelParams *p, const double *x, const double *gb,
                                     double *out, size_t n)
{
  R64LoopFn *f = rate64_pick (p, 0);

  if (f == NULL)
    return FALSE;
  f (p, x, gb, out, n);
  return TRUE;
}

/* ==== float32 ==== */



/* Two polynomial sets ("fast" argument of the functions below, a compile-time
 * constant in each kernel):
 *   fast = 0: exp 2^(i/8) table (vpermpd) + degree 4 (2^-33.5), log1p degree 6 (2^-36.5)
 *   fast = 1: exp 2^(i/16) table (vpermt2pd) + degree 3 (2^-29.7), log1p degree 5 (2^-30.3)
 * fast = 1 is ~5% faster for the rate (3 uops fewer of ~60; 8 of 8 alternating
 * runs) and not measurably faster for the derivative, so: */
#define LF_RATE_FAST 1
#define LF_DERIV_FAST 0

/* e^a for a in [-600, 0]: a = k ln2/N + r, e^a = 2^floor(k/N) 2^((k mod N)/N) e^r
 * (N = 8, or 16 when fast; k/N from one fma with 1.5*2^52/N, table by
 * vpermpd / vpermt2pd, which use the index mod 8 / mod 16) */
SIMD_INLINE __m512d lf_exp (__m512d a, const int fast)
{
  __m512d kd, T, r, p;
  __m512i kb;
  if (!fast)
    {
  /* kd = 1.5*2^49 + k/8 exactly (ulp 1/8): its low 3 mantissa bits are k mod 8,
   * kd - 1.5*2^49 = k/8 exactly, and vscalefpd uses floor(k/8) */
      kd = _mm512_fmadd_pd (a, simd_splat (1.0 / LF_LN2), simd_splat (SHIFT / 8));
      kb = _mm512_castpd_si512 (kd);
      kd = _mm512_sub_pd (kd, simd_splat (SHIFT / 8));
      r = _mm512_fnmadd_pd (kd, simd_splat (LF_LN2), a);
      p = _mm512_fmadd_pd (simd_splat (LF_EXP8_C4), r, simd_splat (LF_EXP8_C3));
      p = _mm512_fmadd_pd (p, r, simd_splat (LF_EXP8_C2));
      p = _mm512_fmadd_pd (p, r, simd_splat (LF_EXP8_C1));
      p = _mm512_fmadd_pd (p, r, simd_splat (LF_EXP8_C0));
      T = _mm512_permutexvar_pd (kb, _mm512_load_pd (softlif_f32_exp8));
    }
  else
    {
      /* the same with N = 16: kd = 1.5*2^48 + k/16 */
      kd = _mm512_fmadd_pd (a, simd_splat (1.0 / LF_LN2), simd_splat (SHIFT / 16));
      kb = _mm512_castpd_si512 (kd);
      kd = _mm512_sub_pd (kd, simd_splat (SHIFT / 16));
      r = _mm512_fnmadd_pd (kd, simd_splat (LF_LN2), a);
      p = _mm512_fmadd_pd (simd_splat (LF_EXP16_C3), r, simd_splat (LF_EXP16_C2));
      p = _mm512_fmadd_pd (p, r, simd_splat (LF_EXP16_C1));
      p = _mm512_fmadd_pd (p, r, simd_splat (LF_EXP16_C0));
      T = _mm512_permutex2var_pd (_mm512_load_pd (softlif_f32_exp16), kb, _mm512_load_pd (softlif_f32_exp16 + 8));
    }
  T = _mm512_scalef_pd (T, kd);                        /* * 2^floor(k/N) */
  return _mm512_mul_pd (T, p);
}

/* Q(r) with log1p(r) ~ r + r^2 Q(r), |r| <= 1/30 */
SIMD_INLINE __m512d lf_log1p_q (__m512d r, const int fast)   /* degree 4 (fast: 3) */
{
  if (!fast)
    {
      __m512d q = _mm512_fmadd_pd (simd_splat (LF_LOG4_Q4), r, simd_splat (LF_LOG4_Q3));
      q = _mm512_fmadd_pd (q, r, simd_splat (LF_LOG4_Q2));
      q = _mm512_fmadd_pd (q, r, simd_splat (LF_LOG4_Q1));
      return _mm512_fmadd_pd (q, r, simd_splat (LF_LOG4_Q0));
    }
  __m512d q = _mm512_fmadd_pd (simd_splat (LF_LOG3_Q3), r, simd_splat (LF_LOG3_Q2));
  q = _mm512_fmadd_pd (q, r, simd_splat (LF_LOG3_Q1));
  return _mm512_fmadd_pd (q, r, simd_splat (LF_LOG3_Q0));
}
/* log1p(r) = r + r^2 Q(r) (r^2 in parallel with Q: shorter latency); for r
 * that is 0 or >= 2^-60 in magnitude (never a subnormal r^2) */
SIMD_INLINE __m512d lf_log1p_poly (__m512d r, const int fast)
{
  return _mm512_fmadd_pd (_mm512_mul_pd (r, r), lf_log1p_q (r, fast), r);
}
/* log1p(r) = r (1 + r Q(r)) for r that may be tiny (r = t = e^-|y| >= e^-600):
 * no product below the normal range (r^2 would be subnormal for t < 2^-511:
 * microcode assists, 2.5x slower on tail-heavy data) */
SIMD_INLINE __m512d lf_log1p_poly_tiny (__m512d r, const int fast)
{
  return _mm512_mul_pd (r, _mm512_fmadd_pd (r, lf_log1p_q (r, fast), simd_splat (1.0)));
}

/* register tables (vpermt2pd: index bits 0..3) */
#define LF_TAB(tab, kb) _mm512_permutex2var_pd (_mm512_load_pd (tab), (kb), _mm512_load_pd ((tab) + 8))

/* log1p(t) for t in [0, 1]: w = 1 + t in [1, 2], bucket k = round(15 (1 + t))
 * (bits of one fma), r = (1 + t) c_k - 1 = fma(t, c_k, c_k - 1) with one
 * rounding (no need for w or its low part: r = t exactly in the c = 1 bucket),
 * log1p(t) = T_k + log1p(r). */
SIMD_INLINE __m512d lf_log1p01 (__m512d t, __m512d add, const int fast)     /* returns log1p(t) + add */
{
  __m512i kb = _mm512_castpd_si512 (_mm512_fmadd_pd (t, simd_splat (15.0), simd_splat (SHIFT + 15.0)));
  __m512d r = _mm512_fmadd_pd (t, LF_TAB (softlif_f32_logc, kb), LF_TAB (softlif_f32_logcm1, kb));
  return _mm512_add_pd (_mm512_add_pd (LF_TAB (softlif_f32_logT, kb), add), lf_log1p_poly_tiny (r, fast));
}

/* log(w) for finite w >= 1: w = 2^e m, m in [1, 2) (vgetexp/vgetmant),
 * bucket k = round(15 m), r = m c_k - 1, log w = e ln2 + T_k + log1p(r). */
SIMD_INLINE __m512d lf_log (__m512d w, __m512d add, const int fast)          /* returns log(w) + add */
{
  __m512d m = _mm512_getmant_pd (w, _MM_MANT_NORM_1_2, _MM_MANT_SIGN_src);
  __m512d e = _mm512_getexp_pd (w);
  __m512i kb = _mm512_castpd_si512 (_mm512_fmadd_pd (m, simd_splat (15.0), simd_splat (SHIFT)));
  __m512d r = _mm512_fmsub_pd (m, LF_TAB (softlif_f32_logc, kb), simd_splat (1.0));
  __m512d hi = _mm512_add_pd (_mm512_fmadd_pd (e, simd_splat (LF_LN2), LF_TAB (softlif_f32_logT, kb)), add);
  return _mm512_add_pd (hi, lf_log1p_poly (r, fast));
}

#define LF_NV 8           /* double vectors (8 lanes each) per group: fewer leave the ~150-cycle
                             chains latency bound (4: +35%), more spill (10-16: no gain) */
#define LF_FOR _Pragma ("GCC unroll 8") for (int u = 0; u < NV; u++)

/* Per-lane core, NV vectors stage by stage (their ~150-cycle chains overlap).
 * Returns D (and j, t, y, low0/deep masks for the derivative). */
typedef struct { __m512d D[LF_NV], j[LF_NV], t[LF_NV], y[LF_NV]; __mmask8 low0[LF_NV], deep[LF_NV]; } LfCore;

SIMD_INLINE void
lf_core (const SoftlifSoftLifKernelParams *p, const double *dc, const __m512d *J, LfCore *c, const int NV, const int deriv, const int eps0)
{
  const __m512d one = simd_splat (1.0);
  const int fast = deriv ? LF_DERIV_FAST : LF_RATE_FAST;
  __m512d *y = c->y, sp[LF_NV], w2[LF_NV], wl2[LF_NV], L[LF_NV];
  LF_FOR
    {
      /* y = (J - 1) / sigma as fl((J - 1) * inv_sigma): one fma, same bits as
       * x = J - 1 (exact) followed by x * inv_sigma */
      y[u] = _mm512_fmadd_pd (J[u], simd_splat (p->inv_sigma), simd_splat (-p->inv_sigma));
      /* t = e^-min(|y|, 600): vrangepd imm 0x0e = min of |.|, sign set */
      c->t[u] = lf_exp (_mm512_range_pd (y[u], simd_splat (600.0), 0x0e), fast);
    }
  LF_FOR
    {
      sp[u] = lf_log1p01 (c->t[u], _mm512_max_pd (y[u], _mm512_setzero_pd ()), fast);   /* log1p(t) + max(y, 0) */
    }
  LF_FOR
    {
      /* j = sigma (log1p(t) + max(y, 0)) + eps  (sigma y = J - 1 to 2^-52 relative) */
      __m512d j = _mm512_fmadd_pd (simd_splat (p->sigma), sp[u], simd_splat (eps0 ? 0.0 : p->eps));
      c->j[u] = j;
      __m512d uu = simd_recip_f32 (j);
      w2[u] = _mm512_add_pd (one, uu);
      wl2[u] = _mm512_maskz_sub_pd (_mm512_cmp_pd_mask (uu, one, _CMP_LT_OQ), uu,
                                    _mm512_sub_pd (w2[u], one));
    }
  LF_FOR L[u] = lf_log (w2[u], wl2[u], fast);
  LF_FOR
    {
      if (eps0)
        {
          c->low0[u] = _mm512_cmp_pd_mask (y[u], simd_splat (p->y_low0), _CMP_LE_OQ);
          L[u] = _mm512_mask_sub_pd (L[u], c->low0[u], simd_splat (-p->log_sigma_h), y[u]);
        }
      else if (deriv)
        c->deep[u] = _mm512_cmp_pd_mask (y[u], simd_splat (p->y_min), _CMP_LE_OQ);
      c->D[u] = _mm512_fmadd_pd (simd_splat (dc[1]), L[u], simd_splat (dc[0]));   /* D / A (rate) or D / sqrt(A tau_rc) (deriv) */
    }
}

SIMD_INLINE void
lf_rate_vec (const SoftlifSoftLifKernelParams *p, const double *dc, const __m512d *J, __m512d *out, const int NV, const int eps0)
{
  LfCore c;
  lf_core (p, dc, J, &c, NV, 0, eps0);
  LF_FOR out[u] = simd_recip_f32 (c.D[u]);                           /* A / D = 1 / (D / A) */
}

SIMD_INLINE void
lf_deriv_vec (const SoftlifSoftLifKernelParams *p, const double *dc, const __m512d *J, __m512d *out, const int NV, const int eps0)
{
  LfCore c;
  lf_core (p, dc, J, &c, NV, 1, eps0);
  const __m512d one = simd_splat (1.0);
  LF_FOR
    {
      __m512d D2 = _mm512_mul_pd (c.D[u], c.D[u]);
      __mmask8 s1 = _mm512_cmp_pd_mask (c.y[u], _mm512_setzero_pd (), _CMP_GT_OQ);
      if (eps0)
        s1 |= c.low0[u];
      /* D here is D / sqrt(A tau_rc): deriv = s / (D^2 j (1 + j) (1 + t)) */
      __m512d num = _mm512_mask_mov_pd (c.t[u], s1, one);
      __m512d jj = _mm512_fmadd_pd (c.j[u], c.j[u], c.j[u]);              /* j (1 + j) */
      __m512d den = _mm512_mul_pd (D2, _mm512_fmadd_pd (jj, c.t[u], jj));  /* * (1 + t) */
      if (eps0)
        den = _mm512_mask_mul_pd (den, c.low0[u], D2, simd_splat (p->sigma));
      __m512d o = _mm512_mul_pd (num, simd_recip_f32 (den));
      if (!eps0)
        o = _mm512_mask_mov_pd (o, c.deep[u], _mm512_setzero_pd ());
      out[u] = o;
    }
}

/* parameters for which the analysis above holds (else: the generic kernel) */
static int
lf_params_ok (const SoftlifSoftLifKernelParams *p)
{
  return p->rcp_f_ok && p->A >= 0x1p-100 && p->A <= 0x1p100 && p->tau_ref >= 0 && p->sigma >= 0x1p-20 && p->sigma <= 0x1p10
         && (p->eps == 0 || (p->deep_const && p->eps >= 0x1p-149));
}

/* Driver: groups of LF_NV vectors (8*LF_NV floats); NaN/inf lanes are found
 * with one float compare per 16 inputs and redone by the scalar code; the
 * tail goes through the same code on a padded vector. */
SIMD_INLINE void
lf_loop (const SoftlifSoftLifKernelParams *pp, const float *J, float *out, size_t n, const int eps0,
         const int deriv)
{
  const SoftlifSoftLifKernelParams pl = *pp, *p = &pl;   /* local copy: no aliasing with out */
  /* D = tau_ref + tau_rc L pre-divided by A (rate) or sqrt(A tau_rc) (deriv),
   * saving the final multiplication (2^-53 relative each) */
  const double sc = deriv ? 1.0 / sqrt (p->A * p->tau_rc) : 1.0 / p->A;
  const double dc[2] = { p->tau_ref * sc, p->tau_rc * sc };
  size_t i = 0;
  __m512d Jv[LF_NV], r[LF_NV];

  for (; i + 8 * LF_NV <= n; i += 8 * LF_NV)
    {
      __mmask16 bad = 0;
      for (int u = 0; u < LF_NV; u += 2)
        {
          __m512 f = _mm512_loadu_ps (J + i + 8 * u);
          bad |= _mm512_fpclass_ps_mask (f, 0x99);   /* QNaN, SNaN, +inf, -inf */
          Jv[u] = _mm512_cvtps_pd (_mm512_castps512_ps256 (f));
          Jv[u + 1] = _mm512_cvtps_pd (_mm256_castpd_ps (_mm512_extractf64x4_pd (_mm512_castps_pd (f), 1)));
        }
      if (deriv)
        lf_deriv_vec (p, dc, Jv, r, LF_NV, eps0);
      else
        lf_rate_vec (p, dc, Jv, r, LF_NV, eps0);
      for (int u = 0; u < LF_NV; u++)
        _mm256_storeu_ps (out + i + 8 * u, _mm512_cvtpd_ps (r[u]));
      if (__builtin_expect (bad != 0, 0))
        for (int u = 0; u < LF_NV; u++)
          {
            /* the inputs from Jv: @out may be @J */
            double Js[8];
            _mm512_storeu_pd (Js, Jv[u]);
            for (int k = 0; k < 8; k++)
              if (!(fabs (Js[k]) <= __FLT_MAX__))
                out[i + 8 * u + k] = deriv ? softlif_scalar_soft_derivative_float ((float) Js[k], p->sp)
                                           : softlif_scalar_soft_rate_float ((float) Js[k], p->sp);
          }
    }
  for (; i < n; i += 8)
    {
      float Jf[8], o[8];
      for (int k = 0; k < 8; k++) Jf[k] = 2.0f;
      size_t m = n - i < 8 ? n - i : 8;
      memcpy (Jf, J + i, m * sizeof *J);
      Jv[0] = _mm512_cvtps_pd (_mm256_loadu_ps (Jf));
      if (deriv)
        lf_deriv_vec (p, dc, Jv, r, 1, eps0);
      else
        lf_rate_vec (p, dc, Jv, r, 1, eps0);
      _mm256_storeu_ps (o, _mm512_cvtpd_ps (r[0]));
      for (size_t k = 0; k < m; k++)
        out[i + k] = fabsf (Jf[k]) <= __FLT_MAX__ ? o[k]
                     : deriv ? softlif_scalar_soft_derivative_float (Jf[k], p->sp)
                             : softlif_scalar_soft_rate_float (Jf[k], p->sp);
    }
}

/* the shared code, out of line, for the parameter sets outside the analysis */
static SIMD_NOINLINE void
soft_lif_rate_f32_shared (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n)
{
  soft_lif_rate_f32_array (p, J, out, n);
}

static SIMD_NOINLINE void
soft_lif_deriv_f32_shared (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n)
{
  soft_lif_deriv_f32_array (p, J, out, n);
}

void
softlif_soft_rate_f32_avx512 (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n)
{
  if (!lf_params_ok (p))
    soft_lif_rate_f32_shared (p, J, out, n);
  else if (p->eps == 0)
    lf_loop (p, J, out, n, 1, 0);
  else
    lf_loop (p, J, out, n, 0, 0);
}

/* The float32 derivative's denominator D^2 j (1 + j) (1 + t) goes through
 * rcp14, whose reciprocal of a subnormal overflows (then NaN). With eps > 0
 * the lanes above the deep tail have j >= eps + sigma e^-600, D >= tau_rc
 * log1p (1/j) and so D^2 j (1 + j) >= tau_rc^2 min (j, 1) / 2: below
 * 2^-1000 for that bound (tau_rc and eps tiny together) the one-value code
 * computes every value. With eps == 0 the far tail (y <= y_low0) has its
 * own denominator D^2 sigma and j >= min (sigma, 1) e^-40 elsewhere, always
 * normal within the parameter ranges. */
static int
deriv_f32_den_normal (const SoftlifSoftLifKernelParams *p)
{
  double j_lo;

  if (p->eps == 0)
    return 1;
  j_lo = fmin (p->eps + p->sigma * 0x1p-866, 1.0);
  return p->tau_rc * p->tau_rc * j_lo >= 0x1p-1000;
}

void
softlif_soft_deriv_f32_avx512 (const SoftlifSoftLifKernelParams *p, const float *J, float *out, size_t n)
{
  if (!deriv_f32_den_normal (p))
    softlif_soft_deriv_f32_generic (p, J, out, n);
  else if (!lf_params_ok (p))
    soft_lif_deriv_f32_shared (p, J, out, n);
  else if (p->eps == 0)
    lf_loop (p, J, out, n, 1, 1);
  else
    lf_loop (p, J, out, n, 0, 1);
}

#endif /* SOFTLIF_HAVE_AVX512 */
