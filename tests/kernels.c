/* kernels.c: the vector kernels agree with the portable ones
 *
 * This program links the kernels' convenience library, so it can run
 * every kernel set the CPU supports side by side; the accuracy tests
 * check the set the library picks against the reference, and CI runs
 * them once more on a build with --disable-simd.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "softlif-soft-lif-math-private.h"
#include "softlif-kernels-private.h"

typedef struct {
  double sigma, tau_rc, tau_ref, amplitude, epsilon;
} Params;

static const Params params[] = {
  { 1.0, 0.02, 0.002, 1.0, 1e-15 },
  { 0.01, 0.022, 0.002, 0.063, 1e-15 },
  { 0.02, 0.02, 0.0, 1.0, 0.0 },
  { 1e-3, 0.02, 0.002, 1.0, 0.0 },
  { 3.0, 0.05, 0.004, 63.0, 1e-15 },
  { 10.0, 0.02, 0.0, 1.0, 0.0 },
  /* a tiny amplitude over a huge tau_rc: the soft derivative's numerator
   * (A / tau_rc) e^y leaves the normal range above y = -600 */
  { 1.0, 0x1p40, 0.0, 0x1p-500, 0.0 },
};

/* Currents from the far tail to far above, the threshold region densely,
 * and the special values. */
static gdouble *
make_currents (gsize *n)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (gdouble));
  static const gdouble special[] = {
    NAN, INFINITY, -INFINITY, 0.0, -0.0, 1.0, 1e300, -1e300, DBL_MAX, -DBL_MAX,
    1e-300, 5e-324, 1.0 + DBL_EPSILON, 1.0 - DBL_EPSILON / 2,
  };

  g_array_append_vals (a, special, G_N_ELEMENTS (special));
  for (int i = 0; i <= 4000; i++)
    {
      gdouble t = -6.0 + 12.0 * i / 4000.0;
      gdouble v = pow (10.0, t);

      g_array_append_val (a, v);
      v = -v;
      g_array_append_val (a, v);
    }
  for (int i = 0; i <= 30000; i++)
    {
      gdouble v = -1.0 + 4.0 * i / 30000.0;

      g_array_append_val (a, v);
    }
  *n = a->len;
  return (gdouble *) g_array_free (a, FALSE);
}

/* The distance between two results in units in the last place of b. */
static gdouble
ulps (gdouble a, gdouble b, gboolean single)
{
  gdouble u;

  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b) ? 0.0 : INFINITY;
  if (a == b)
    return 0.0;
  if (isinf (a) || isinf (b))
    return INFINITY;
  if (single)
    {
      gfloat bf = (gfloat) b;
      u = nextafterf (fabsf (bf), INFINITY) - fabsf (bf);
    }
  else
    u = nextafter (fabs (b), INFINITY) - fabs (b);
  return fabs (a - b) / u;
}

typedef enum {
  SOFT_RATE,
  SOFT_DERIVATIVE,
  LIF_RATE,
  LIF_DERIVATIVE,
  N_FUNCTIONS
} Function;

static const char *function_names[] = { "soft rate", "soft derivative", "lif rate", "lif derivative" };
/* Each set is within its bound of the truth; two sets, within twice. */
static const gdouble max_apart_double[] = { 4.0, 16.0, 4.0, 16.0 };
static const gdouble max_apart_float[] = { 2.0, 4.0, 2.0, 4.0 };

static void
run (const SoftlifKernels             *k,
     Function                          f,
     gboolean                          single,
     const SoftlifSoftLifKernelParams *sp,
     const SoftlifLifKernelParams     *lp,
     const gdouble                    *J,
     gdouble                          *out,
     gsize                             n)
{
  if (!single)
    {
      switch (f)
        {
        case SOFT_RATE: k->soft_rate_f64 (sp, J, out, n); break;
        case SOFT_DERIVATIVE: k->soft_deriv_f64 (sp, J, out, n); break;
        case LIF_RATE: k->lif_rate_f64 (lp, J, out, n); break;
        default: k->lif_deriv_f64 (lp, J, out, n); break;
        }
      return;
    }
  else
    {
      g_autofree gfloat *Jf = g_new (gfloat, n);
      g_autofree gfloat *of = g_new (gfloat, n);

      for (gsize i = 0; i < n; i++)
        Jf[i] = (gfloat) J[i];
      switch (f)
        {
        case SOFT_RATE: k->soft_rate_f32 (sp, Jf, of, n); break;
        case SOFT_DERIVATIVE: k->soft_deriv_f32 (sp, Jf, of, n); break;
        case LIF_RATE: k->lif_rate_f32 (lp, Jf, of, n); break;
        default: k->lif_deriv_f32 (lp, Jf, of, n); break;
        }
      for (gsize i = 0; i < n; i++)
        out[i] = of[i];
    }
}

static void
run_float (const SoftlifKernels             *k,
           Function                          f,
           const SoftlifSoftLifKernelParams *sp,
           const SoftlifLifKernelParams     *lp,
           const gfloat                     *J,
           gfloat                           *out,
           gsize                             n)
{
  switch (f)
    {
    case SOFT_RATE: k->soft_rate_f32 (sp, J, out, n); break;
    case SOFT_DERIVATIVE: k->soft_deriv_f32 (sp, J, out, n); break;
    case LIF_RATE: k->lif_rate_f32 (lp, J, out, n); break;
    default: k->lif_deriv_f32 (lp, J, out, n); break;
    }
}

static void
test_agree_with_generic (void)
{
  const SoftlifKernels * const *sets = softlif_kernels_list ();
  const SoftlifKernels *generic = sets[0];
  gsize n;
  g_autofree gdouble *J = make_currents (&n);
  g_autofree gdouble *want = g_new (gdouble, n);
  g_autofree gdouble *got = g_new (gdouble, n);
  guint compared = 0;

  g_assert_cmpstr (generic->name, ==, "generic");
  for (gsize s = 1; sets[s] != NULL; s++)
    {
      if (!softlif_kernels_supported (sets[s]))
        {
          g_test_message ("the CPU does not run the %s kernels", sets[s]->name);
          continue;
        }
      compared++;
      for (gsize p = 0; p < G_N_ELEMENTS (params); p++)
        {
          SoftParams soft;
          SoftlifSoftLifKernelParams sp;
          SoftlifLifKernelParams lp;

          soft_params_init (&soft, params[p].sigma, params[p].tau_rc, params[p].tau_ref,
                            params[p].amplitude, params[p].epsilon);
          softlif_soft_lif_kernel_params_init (&sp, &soft);
          softlif_lif_kernel_params_init (&lp, params[p].tau_rc, params[p].tau_ref, params[p].amplitude);

          for (Function f = 0; f < N_FUNCTIONS; f++)
            for (int single = 0; single < 2; single++)
              {
                gdouble worst = 0.0;
                gsize worst_i = 0;

                run (generic, f, single, &sp, &lp, J, want, n);
                run (sets[s], f, single, &sp, &lp, J, got, n);
                for (gsize i = 0; i < n; i++)
                  {
                    gdouble d = ulps (got[i], want[i], single);

                    if (d > worst)
                      {
                        worst = d;
                        worst_i = i;
                      }
                  }
                g_test_message ("%s %s %s, sigma %g eps %g: %.3g ulp apart at J = %.17g",
                                sets[s]->name, function_names[f], single ? "float" : "double",
                                params[p].sigma, params[p].epsilon, worst, J[worst_i]);
                if (worst > (single ? max_apart_float : max_apart_double)[f])
                  g_error ("%s %s %s, sigma %g: %.17g vs generic %.17g at J = %.17g",
                           sets[s]->name, function_names[f], single ? "float" : "double",
                           params[p].sigma, got[worst_i], want[worst_i], J[worst_i]);
              }
        }
    }
  g_test_message ("compared %u vector kernel sets with the generic ones", compared);
}

/* A value does not depend on its neighbours: any split of an array (in
 * both precisions), at
 * any alignment, in place or not, gives the same bits. */
static void
test_split_invariant (void)
{
  const SoftlifKernels * const *sets = softlif_kernels_list ();
  gsize n;
  g_autofree gdouble *J = make_currents (&n);
  g_autofree gdouble *whole = g_new (gdouble, n);
  g_autofree gdouble *pieces = g_new (gdouble, n + 1);
  SoftParams soft;
  SoftlifSoftLifKernelParams sp;
  SoftlifLifKernelParams lp;

  soft_params_init (&soft, 0.02, 0.02, 0.002, 1.0, 1e-15);
  softlif_soft_lif_kernel_params_init (&sp, &soft);
  softlif_lif_kernel_params_init (&lp, 0.02, 0.002, 1.0);

  for (gsize s = 0; sets[s] != NULL; s++)
    {
      if (!softlif_kernels_supported (sets[s]))
        continue;
      for (Function f = 0; f < N_FUNCTIONS; f++)
        {
          gdouble *shifted = pieces + 1;   /* misaligned for doubles' vectors */
          gsize done = 0;
          gsize len = 1;

          run (sets[s], f, FALSE, &sp, &lp, J, whole, n);
          memcpy (shifted, J, n * sizeof (gdouble));
          while (done < n)
            {
              gsize m = MIN (len, n - done);

              /* in place */
              run (sets[s], f, FALSE, &sp, &lp, shifted + done, shifted + done, m);
              done += m;
              len = len * 3 + 1;
            }
          g_assert_cmpmem (whole, n * sizeof (gdouble), shifted, n * sizeof (gdouble));

          /* the same in single precision */
          {
            g_autofree gfloat *Jf = g_new (gfloat, n);
            g_autofree gfloat *wholef = g_new (gfloat, n);
            g_autofree gfloat *piecesf = g_new (gfloat, n + 1);
            gfloat *shiftedf = piecesf + 1;

            for (gsize i = 0; i < n; i++)
              Jf[i] = (gfloat) J[i];
            run_float (sets[s], f, &sp, &lp, Jf, wholef, n);
            memcpy (shiftedf, Jf, n * sizeof (gfloat));
            for (done = 0, len = 1; done < n; len = len * 3 + 1)
              {
                gsize m = MIN (len, n - done);

                run_float (sets[s], f, &sp, &lp, shiftedf + done, shiftedf + done, m);
                done += m;
              }
            g_assert_cmpmem (wholef, n * sizeof (gfloat), shiftedf, n * sizeof (gfloat));
          }
        }
    }
}

/* J = g x + b and out *= g: every set rounds as the portable loop (and
 * numpy), both with one gain for many x and with one x for many gains, at
 * every length around the vector width. */
static void
test_affine (void)
{
  const SoftlifKernels * const *sets = softlif_kernels_list ();
  const SoftlifKernels *generic = sets[0];
  enum { N = 77 };
  gdouble x[N], g[N], b[N], want[N], got[N];
  gfloat xf[N], gf[N], bf[N], wantf[N], gotf[N];
  GRand *rand = g_rand_new_with_seed (7);
  guint compared = 0;

  for (gsize i = 0; i < N; i++)
    {
      x[i] = g_rand_double_range (rand, -1.0, 1.0);
      g[i] = g_rand_double_range (rand, 0.1, 50.0);
      b[i] = g_rand_double_range (rand, -30.0, 30.0);
      xf[i] = (gfloat) x[i];
      gf[i] = (gfloat) g[i];
      bf[i] = (gfloat) b[i];
    }
  /* the generic loop itself, against the formula */
  generic->affine_f64 (x, g, b, 0, want, N);
  for (gsize i = 0; i < N; i++)
    {
      volatile gdouble p = g[0] * x[i];
      g_assert_cmpfloat (want[i], ==, p + b[0]);
    }
  generic->affine_f32 (xf, gf, bf, 1, wantf, N);
  for (gsize i = 0; i < N; i++)
    {
      volatile gfloat p = gf[i] * xf[0];
      g_assert_cmpfloat (wantf[i], ==, (gfloat) (p + bf[i]));
    }

  for (gsize s = 1; sets[s] != NULL; s++)
    {
      if (!softlif_kernels_supported (sets[s]))
        continue;
      compared++;
      for (int per_neuron = 0; per_neuron < 2; per_neuron++)
        for (gsize n = 0; n <= N; n++)
          {
            generic->affine_f64 (x, g, b, per_neuron, want, n);
            sets[s]->affine_f64 (x, g, b, per_neuron, got, n);
            g_assert_cmpmem (got, n * sizeof *got, want, n * sizeof *want);
            generic->affine_f32 (xf, gf, bf, per_neuron, wantf, n);
            sets[s]->affine_f32 (xf, gf, bf, per_neuron, gotf, n);
            g_assert_cmpmem (gotf, n * sizeof *gotf, wantf, n * sizeof *wantf);
            /* out *= g on the results above */
            generic->scale_f64 (g, per_neuron, want, n);
            sets[s]->scale_f64 (g, per_neuron, got, n);
            g_assert_cmpmem (got, n * sizeof *got, want, n * sizeof *want);
            generic->scale_f32 (gf, per_neuron, wantf, n);
            sets[s]->scale_f32 (gf, per_neuron, gotf, n);
            g_assert_cmpmem (gotf, n * sizeof *gotf, wantf, n * sizeof *wantf);
          }
    }
  /* the fused soft LIF rates of g x + b: the bits of the two steps */
  {
    SoftParams soft;
    SoftlifSoftLifKernelParams sp;
    gsize nJ;
    g_autofree gdouble *xs = make_currents (&nJ);
    g_autofree gdouble *J = g_new (gdouble, nJ);
    g_autofree gdouble *two = g_new (gdouble, nJ);
    g_autofree gdouble *one = g_new (gdouble, nJ);
    static const gdouble gbs[][2] = { { 1.0, 0.0 }, { 3.0, 0.5 }, { -0.7, 1.2 }, { 1e-3, 0.999 } };
    guint fused = 0;
    gboolean have_fused = FALSE;

    for (gsize s = 0; sets[s] != NULL; s++)
      if (softlif_kernels_supported (sets[s]) && sets[s]->soft_rate_f64_affine != NULL)
        have_fused = TRUE;

    for (gsize q = 0; q < G_N_ELEMENTS (params); q++)
      {
        soft_params_init (&soft, params[q].sigma, params[q].tau_rc, params[q].tau_ref,
                          params[q].amplitude, params[q].epsilon);
        softlif_soft_lif_kernel_params_init (&sp, &soft);
        for (gsize s = 0; sets[s] != NULL; s++)
          {
            if (!softlif_kernels_supported (sets[s]) || sets[s]->soft_rate_f64_affine == NULL)
              continue;
            for (gsize k = 0; k < G_N_ELEMENTS (gbs); k++)
              {
                sets[s]->affine_f64 (xs, &gbs[k][0], &gbs[k][1], 0, J, nJ);
                sets[s]->soft_rate_f64 (&sp, J, two, nJ);
                /* FALSE: parameters left to the two-step path */
                if (!sets[s]->soft_rate_f64_affine (&sp, xs, gbs[k], one, nJ))
                  continue;
                fused++;
                g_assert_cmpmem (one, nJ * sizeof *one, two, nJ * sizeof *two);
                /* in place, at an odd length */
                memcpy (one, xs, nJ * sizeof *one);
                g_assert_true (sets[s]->soft_rate_f64_affine (&sp, one, gbs[k], one, nJ - 3));
                g_assert_cmpmem (one, (nJ - 3) * sizeof *one, two, (nJ - 3) * sizeof *two);
              }
          }
      }
    g_test_message ("fused rates compared for %u parameter sets and gains", fused);
    /* the default parameters take the fused path wherever there is one */
    if (have_fused)
      g_assert_cmpuint (fused, >, 0);
  }
  g_test_message ("compared the affine and scale steps of %u vector kernel sets", compared);
  g_rand_free (rand);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kernels/agree-with-generic", test_agree_with_generic);
  g_test_add_func ("/kernels/split-invariant", test_split_invariant);
  g_test_add_func ("/kernels/affine", test_affine);

  return g_test_run ();
}
