/* softlif-soft-lif-math-private.h: the soft LIF rate, one value at a time
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The reference implementation of the soft LIF neuron in double-double
 * arithmetic (0.58 ulp at most): the portable kernel, and the path the
 * vector kernels take for the lanes they leave aside (far tail, huge or
 * non-finite J). See docs/model.md for the regimes. */

#pragma once

#include "softlif-lif-math-private.h"


typedef struct _SoftParams {
  double sigma, tau_rc, tau_ref, A, eps;
  double log_sigma_h, log_sigma_l;  /* log (sigma) as a double-double */
  double atr_h, atr_l;              /* A * tau_rc as a double-double */
  double log_atr;                   /* log (A * tau_rc), single precision path */
  double log_eps;                   /* log (eps), -inf if eps == 0 */
  double rate_at_minus_inf;         /* 0, or A / (tau_ref + tau_rc log1p (1/eps)) */
  double rate_at_plus_inf;          /* A / tau_ref, +inf if tau_ref == 0 */
} SoftParams;

/* Parameters                                                                */

static inline void
soft_params_init (SoftParams *p, double sigma, double tau_rc, double tau_ref,
                  double A, double eps)
{
  p->sigma = sigma;
  p->tau_rc = tau_rc;
  p->tau_ref = tau_ref;
  p->A = A;
  p->eps = eps;
  log_dd (sigma, 0.0, &p->log_sigma_h, &p->log_sigma_l);
  two_prod (A, tau_rc, &p->atr_h, &p->atr_l);
  p->log_atr = log (A * tau_rc);
  p->log_eps = eps > 0 ? log (eps) : -HUGE_VAL;
  p->rate_at_plus_inf = A / tau_ref;        /* +inf when tau_ref == 0 */
  if (eps > 0)
    {
      double Lh, Ll, Dh, Dl;
      L_from_j (eps, 0.0, &Lh, &Ll);
      D_from_L (tau_rc, tau_ref, Lh, Ll, &Dh, &Dl);
      p->rate_at_minus_inf = dd_div_round (A, 0.0, Dh, Dl);
    }
  else
    p->rate_at_minus_inf = 0.0;
}

/* Soft LIF, float64                                                         */

enum
{
  R_NAN, R_PINF, R_MINF,
  R_PLAIN,    /* |J| or |y| > 2^900: plain double, L/D in c->Lh, c->Dh      */
  R_HIGH,     /* y > 40:  softplus(y) = y + e^-y to 2^-60; t = e^-y approx  */
  R_POS,      /* 0 < y <= 40:   t = e^-y (double-double, exact exponent)    */
  R_NEG,      /* -40 < y <= 0:  t = e^y                                     */
  R_LOW0,     /* y <= -40, eps == 0: log domain, L = -(log sigma + y) + ... */
  R_LOWE      /* y <= -40, eps > 0:  t = 2^tk * tm kept unscaled            */
};

/* Crossover |y| = 40: beyond it log1p(e^-|y|) = e^-|y| (1 - O(4e-18)), so
 * the softplus correction is a tiny additive term and needs no accuracy. */
#define Y_CUT 40.0

typedef struct
{
  double jh, jl;          /* j (not in R_LOW0)                */
  double Lh, Ll;          /* log1p(1/j)                       */
  double Dh, Dl;          /* tau_ref + tau_rc*L               */
  double th, tl;          /* t (R_POS, R_NEG) or mantissa (R_LOWE) */
  int tk;                 /* exponent of t (R_LOWE)           */
  double tapx;            /* t approximately (R_HIGH, R_LOW0) */
  double yh;
} SoftCore;

static inline int
soft_core (double J, const SoftParams *p, SoftCore *c)
{
  if (J != J)
    return R_NAN;
  if (J == HUGE_VAL)
    return R_PINF;
  if (J == -HUGE_VAL)
    return R_MINF;

  const double sigma = p->sigma, eps = p->eps;
  double dh, dl;
  two_sum (J, -1.0, &dh, &dl);        /* J - 1 exactly */
  double yh = dh / sigma;
  c->yh = yh;
  int regime;

  if (!(fabs (yh) <= 0x1p900 && fabs (dh) <= 0x1p900))
    {
      /* Far outside any physical range: keep it finite and sane, skip the
       * double-double work (the Veltkamp split would overflow). */
      if (yh > 0)
        {
          c->jh = dh + eps;
          c->Lh = log1p (1.0 / c->jh);
        }
      else if (eps == 0)
        {
          /* L = -(log sigma + y) may overflow (y = -inf for J = -DBL_MAX)
           * while the rate is a normal number: keep D*sigma instead. */
          c->jh = p->sigma * (p->tau_ref - p->tau_rc * p->log_sigma_h)
                  - p->tau_rc * dh;                      /* = D * sigma */
          c->Lh = HUGE_VAL;
        }
      else
        {
          c->jh = eps;
          /* 1 / eps overflows for a subnormal eps: log1p (1/j) = -log j + j */
          c->Lh = eps >= 0x1p-990 ? log1p (1.0 / eps) : -log (eps) + eps;
        }
      c->Dh = p->tau_ref + p->tau_rc * c->Lh;
      c->Dl = c->Ll = c->jl = 0.0;
      return R_PLAIN;
    }

  /* y = yh + yl: yl from the exact remainder dh - yh*sigma (dh - pp is
   * exact by Sterbenz) plus the TwoSum tail of J - 1.  Without yl, e^y
   * would carry a relative error of |y|*2^-53, i.e. up to |y|/2 ulp. */
  double yl;
  {
    double pp, pe;
    two_prod (yh, sigma, &pp, &pe);
    yl = (((dh - pp) - pe) + dl) / sigma;
  }

  if (yh > Y_CUT)
    {
      /* j = (J-1) + sigma*e^-y + eps; the e^-y term is < 4.3e-18 relative. */
      c->tapx = yh < 745.0 ? exp (-yh) : 0.0;
      dd_add_d (dh, dl, eps, &c->jh, &c->jl);
      dd_add_d (c->jh, c->jl, sigma * c->tapx, &c->jh, &c->jl);
      regime = R_HIGH;
    }
  else if (yh > 0)
    {
      /* j = (J-1) + sigma*log1p(e^-y) + eps, J-1 exact, no sigma*y rounding */
      int k;
      double mh, ml, sh, sl;
      exp_dd (-yh, -yl, &k, &mh, &ml);
      double s = pow2i (k);
      c->th = mh * s;
      c->tl = ml * s;
      log1p_dd (c->th, c->tl, &sh, &sl);
      dd_mul_d (sh, sl, sigma, &sh, &sl);
      dd_add (dh, dl, sh, sl, &c->jh, &c->jl);
      dd_add_d (c->jh, c->jl, eps, &c->jh, &c->jl);
      regime = R_POS;
    }
  else if (yh > -Y_CUT)
    {
      int k;
      double mh, ml, sh, sl;
      exp_dd (yh, yl, &k, &mh, &ml);
      double s = pow2i (k);
      c->th = mh * s;
      c->tl = ml * s;
      log1p_dd (c->th, c->tl, &sh, &sl);
      dd_mul_d (sh, sl, sigma, &c->jh, &c->jl);
      dd_add_d (c->jh, c->jl, eps, &c->jh, &c->jl);
      regime = R_NEG;
    }
  else if (eps == 0)
    {
      /* j = sigma*t*(1 - t/2 + ...), t = e^y possibly far below DBL_MIN.
       * L = log(1+j) - log j = -(log sigma + y) + t/2 + j + O(t^2).
       * (Needs sigma*e^-40 << 1, i.e. sigma <= ~2^10.) */
      double t = yh > -745.0 ? exp (yh) : 0.0;
      c->tapx = t;
      double ah, al;
      two_sum (-p->log_sigma_h, -yh, &ah, &al);
      al += (-p->log_sigma_l - yl) + (0.5 * t + sigma * t);
      fast_two_sum (ah, al, &c->Lh, &c->Ll);
      D_from_L (p->tau_rc, p->tau_ref, c->Lh, c->Ll, &c->Dh, &c->Dl);
      return R_LOW0;
    }
  else
    {
      /* j = eps + sigma*t (t <= 4.3e-18, softplus(y) = t to 2^-57).  Keep
       * t = 2^tk * (th + tl) unscaled for the derivative. */
      double sh = 0.0, sl = 0.0;
      if (yh > -2800.0)
        {
          exp_dd (yh, yl, &c->tk, &c->th, &c->tl);
          dd_mul_d (c->th, c->tl, sigma, &sh, &sl);
          sh = scale2 (sh, c->tk);
          sl = scale2 (sl, c->tk);
        }
      else
        {
          c->tk = -2000;
          c->th = c->tl = 0.0;
        }
      dd_add_d (sh, sl, eps, &c->jh, &c->jl);
      regime = R_LOWE;
    }

  L_from_j (c->jh, c->jl, &c->Lh, &c->Ll);
  D_from_L (p->tau_rc, p->tau_ref, c->Lh, c->Ll, &c->Dh, &c->Dl);
  return regime;
}

static inline double
soft_rate (double J, const SoftParams *p)
{
  SoftCore c;
  switch (soft_core (J, p, &c))
    {
    case R_NAN:
      return J;
    case R_PINF:
      return p->rate_at_plus_inf;
    case R_MINF:
      return p->rate_at_minus_inf;
    case R_PLAIN:
      if (c.yh > 0 && c.Dh < 0x1p-800)   /* tau_ref ~ 0, D ~ tau_rc/j tiny */
        return (p->A / (p->tau_ref * c.jh + p->tau_rc)) * c.jh;
      if (c.yh <= 0 && p->eps == 0)
        {
          if (c.jh < HUGE_VAL)
            return (p->A * p->sigma) / c.jh;
          /* D sigma overflowed (a large tau_rc times a huge J): the same
           * with D sigma scaled by 2^-600, scaled back once at the end. */
          double Ds = (p->sigma * 0x1p-600) * (p->tau_ref - p->tau_rc * p->log_sigma_h)
                      - p->tau_rc * ((J - 1.0) * 0x1p-600);
          return ldexp ((p->A * p->sigma) / Ds, -600);
        }
      return p->A / c.Dh;
    case R_HIGH:
      if (c.Dh < 0x1p-800)                /* D = tau_rc / j loses digits */
        return (p->A / (p->tau_ref * c.jh + p->tau_rc)) * c.jh;
      /* fall through */
    default:
      {
        /* Near J = 2^900 without a refractory period the rate can
         * overflow, where the double-double division gives inf - inf. */
        double r = dd_div_round (p->A, 0.0, c.Dh, c.Dl);
        return isnan (r) ? p->A / c.Dh : r;
      }
    }
}

static inline double
soft_derivative (double J, const SoftParams *p)
{
  SoftCore c;
  const double ath = p->atr_h, atl = p->atr_l;
  double nh, nl, ah, al, bh, bl, qh, ql;

  switch (soft_core (J, p, &c))
    {
    case R_NAN:
      return J;
    case R_PINF:
      return p->tau_ref > 0.0 ? 0.0 : p->A / p->tau_rc;  /* rate ~ A j / tau_rc */
    case R_MINF:
      return 0.0;

    case R_PLAIN:
      if (c.yh > 0)
        {
          /* D j = tau_ref j + tau_rc (log1p(1/j) = 1/j to 2^-500) */
          double Dj = p->tau_ref * c.jh + p->tau_rc;
          return (ath / Dj) / (Dj * (1.0 + 1.0 / c.jh));
        }
      if (p->eps == 0)          /* A tau_rc / (sigma D^2), c.jh = sigma D */
        return ((ath * p->sigma) / c.jh) / c.jh;
      return 0.0;

    case R_HIGH:
      if (c.Dh < 0x1p-800)
        {
          /* D = tau_rc / j is subnormal (tau_ref ~ 0, j ~ 2^900): D j */
          double Dj = p->tau_ref * c.jh + p->tau_rc;
          return (ath / Dj) / (Dj * (1.0 + 1.0 / c.jh));
        }
      /* sigmoid(y) = 1 - t.  Divide twice rather than forming D^2 j (1+j),
       * which overflows for huge J although the quotient is representable
       * (tau_ref == 0: D ~ tau_rc/j). */
      nh = ath;
      nl = atl - ath * c.tapx;
      dd_mul (c.Dh, c.Dl, c.jh, c.jl, &ah, &al);               /* D j     */
      dd_add_d (c.jh, c.jl, 1.0, &bh, &bl);
      dd_mul (c.Dh, c.Dl, bh, bl, &bh, &bl);                   /* D (1+j) */
      dd_div (nh, nl, ah, al, &qh, &ql);
      {
        /* D j overflows near J = 2^900 with a large tau_ref (the result
         * underflows): plain doubles then, not the NaN of inf - inf. */
        double r = dd_div_round (qh, ql, bh, bl);
        return isnan (r) ? (nh / (c.Dh * c.jh)) / (c.Dh * (c.jh + 1.0)) : r;
      }

    case R_POS:
      /* sigmoid(y) = 1/(1+t); all factors are moderate here (j <= ~41 sigma). */
      dd_mul (c.Dh, c.Dl, c.jh, c.jl, &ah, &al);               /* D j        */
      dd_add_d (c.jh, c.jl, 1.0, &bh, &bl);
      dd_mul (c.Dh, c.Dl, bh, bl, &bh, &bl);                   /* D (1+j)    */
      dd_mul (ah, al, bh, bl, &ah, &al);
      dd_add_d (c.th, c.tl, 1.0, &bh, &bl);                    /* 1 + t      */
      dd_mul (ah, al, bh, bl, &ah, &al);
      return dd_div_round (ath, atl, ah, al);

    case R_NEG:
      /* sigmoid(y) = t/(1+t); with eps == 0, t/j -> 1/sigma smoothly. */
      dd_mul (ath, atl, c.th, c.tl, &nh, &nl);
      dd_mul (c.Dh, c.Dl, c.jh, c.jl, &ah, &al);
      dd_add_d (c.jh, c.jl, 1.0, &bh, &bl);
      dd_mul (c.Dh, c.Dl, bh, bl, &bh, &bl);
      dd_mul (ah, al, bh, bl, &ah, &al);
      dd_add_d (c.th, c.tl, 1.0, &bh, &bl);
      dd_mul (ah, al, bh, bl, &ah, &al);
      return dd_div_round (nh, nl, ah, al);

    case R_LOW0:
      /* sigmoid(y)/j = (1 - t/2 + O(t^2))/sigma and 1 + j = 1 + sigma t:
       * the e^y factor cancels exactly, the result is ~A/(sigma tau_rc y^2).
       * D can be ~2^500 here, so divide by D twice instead of squaring. */
      dd_mul_d (c.Dh, c.Dl, p->sigma, &ah, &al);
      /* 1 + (sigma + 1/2) t is ~1 + 4e-17: keep it as a double-double. */
      dd_mul (ah, al, 1.0, (p->sigma + 0.5) * c.tapx, &ah, &al);
      dd_div (ath, atl, ah, al, &qh, &ql);
      return dd_div_round (qh, ql, c.Dh, c.Dl);

    case R_LOWE:
    default:
      {
        /* deriv = 2^tk * A tau_rc tm / ((1+t) D^2 j (1+j)): evaluate with the
         * mantissa tm and apply 2^tk last, so e^y never underflows on its own. */
        if (c.th == 0.0)
          return 0.0;
        /* j >= epsilon may be far below DBL_MIN (a subnormal epsilon), where
         * D^2 j would underflow: use its mantissa jm = j 2^-kj and fold
         * 2^-kj into the final scale, K = tk - kj. */
        int kj = ilogb (c.jh);
        double jmh = scale2 (c.jh, -kj), jml = scale2 (c.jl, -kj);
        int K = c.tk - kj;
        double tt = scale2 (c.th, c.tk);  /* t itself, only for 1 + t */
        dd_mul (ath, atl, c.th, c.tl, &nh, &nl);
        dd_mul (c.Dh, c.Dl, c.Dh, c.Dl, &ah, &al);
        dd_mul (ah, al, jmh, jml, &ah, &al);
        dd_add_d (c.jh, c.jl, 1.0, &bh, &bl);
        dd_mul (ah, al, bh, bl, &ah, &al);
        dd_mul (ah, al, 1.0, tt, &ah, &al);
        /* The quotient alone can overflow (a huge A tau_rc over a tiny D^2 j)
         * where the result does not: scale the numerator first by 2^k1, k1
         * between 0 and K, which brings the quotient towards 1 and keeps the
         * numerator normal (exact); the rest of 2^K comes last. Within the
         * parameters' ranges nh and ah are normal numbers, so ilogb is
         * exact; the test keeps a NaN or 0 from reaching it. */
        int k1 = isnormal (ah) && isnormal (nh) ? ilogb (ah) - ilogb (nh) : 0;
        int klo = K < 0 ? K : 0, khi = K < 0 ? 0 : K;
        k1 = k1 < klo ? klo : k1 > khi ? khi : k1;
        dd_div (ldexp (nh, k1), ldexp (nl, k1), ah, al, &qh, &ql);
        double q = qh + ql;
        /* Scale once; ldexp rounds correctly into the subnormal range. */
        return ldexp (q, K - k1);
      }
    }
}

/* float32 paths.  Plain double with glibc exp/log/log1p: the double result */
/* has relative error ~1e-15 = 2^-21 float ulp, so rounding it to float     */
/* gives <= 0.5 + 2^-20 ulp.  Only the regime structure (log domain, no     */
/* intermediate underflow) matters here, not double-double tricks.         */

/* log j and log1p(1/j) for y <= -600 (sigma e^y < 1e-259): log domain. */
static inline double
f32_low_L (double y, const SoftParams *p, double *logj, double *j)
{
  double a = p->log_sigma_h + y;            /* log(sigma e^y) */
  if (p->eps > 1e-200)
    {
      *j = p->eps;                          /* sigma e^y negligible */
      *logj = p->log_eps;
      return log1p (1.0 / p->eps);
    }
  double b = p->log_eps;                    /* -inf if eps == 0 */
  double lj = a > b ? a + log1p (exp (b - a)) : b + log1p (exp (a - b));
  *logj = lj;
  *j = 0.0;                                 /* < 1e-200: only 1+j matters */
  return -lj;                               /* log1p(1/j) = -log j + O(j) */
}

static inline float
soft_rate_float (float Jf, const SoftParams *p)
{
  double J = Jf, L;
  if (J != J)
    return Jf;
  if (J == HUGE_VAL)
    return (float) p->rate_at_plus_inf;
  if (J == -HUGE_VAL)
    return (float) p->rate_at_minus_inf;
  double d = J - 1.0;                       /* exact for |J| < 2^29 */
  double y = d / p->sigma;
  if (y > 0)
    L = log1p (1.0 / (d + p->sigma * log1p (exp (-y)) + p->eps));
  else if (y > -600)
    L = log1p (1.0 / (p->sigma * log1p (exp (y)) + p->eps));
  else
    {
      double lj, j;
      L = f32_low_L (y, p, &lj, &j);
    }
  return (float) (p->A / (p->tau_ref + p->tau_rc * L));
}

static inline float
soft_derivative_float (float Jf, const SoftParams *p)
{
  double J = Jf;
  if (J != J)
    return Jf;
  if (J == HUGE_VAL)
    return p->tau_ref > 0.0 ? 0.0f : (float) (p->A / p->tau_rc);
  if (J == -HUGE_VAL)
    return 0.0f;
  const double sigma = p->sigma, atr = p->A * p->tau_rc;
  double d = J - 1.0;
  double y = d / sigma, j, D, r;
  if (y > 0)
    {
      double t = exp (-y);
      j = d + sigma * log1p (t) + p->eps;
      D = p->tau_ref + p->tau_rc * log1p (1.0 / j);
      r = (atr / ((1.0 + t) * D * j)) / (D * (1.0 + j));
    }
  else if (y > -600)
    {
      double t = exp (y), sp = log1p (t);
      j = sigma * sp + p->eps;
      D = p->tau_ref + p->tau_rc * log1p (1.0 / j);
      r = atr * t / ((1.0 + t) * D * D * j * (1.0 + j));
    }
  else
    {
      double lj;
      D = p->tau_ref + p->tau_rc * f32_low_L (y, p, &lj, &j);
      if (p->eps == 0)
        r = atr / (sigma * D * D);          /* e^y cancels against j */
      else                                  /* e^y / j in the log domain */
        r = exp (p->log_atr + y - lj - log1p (j) - 2.0 * log (D));
    }
  return (float) r;
}


