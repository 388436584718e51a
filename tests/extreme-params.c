/* extreme-params.c: every parameter the setters accept gives sane numbers
 *
 * The parameters are held to documented ranges (sigma and tau_rc from
 * 1e-50 to 1e50, tau_ref and epsilon from 0 to 1e50, amplitude from
 * 1e-200 to 1e50). This program sweeps their edges and corners with
 * currents across the tails, special values and huge magnitudes, under
 * every kernel set the CPU runs (it links the kernels' convenience
 * library), and asserts against the long double reference: NaN only for
 * a NaN current, never a negative number, no 0 or infinity where the true
 * value is a normal double, and the documented accuracy bounds. It also
 * checks the range errors, -0.0 and the results of gain_bias and
 * max_rates_intercepts.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <softlif.h>

#include "softlif-soft-lif-math-private.h"
#include "softlif-kernels-private.h"
#include "softlif-reference.h"

#define SCALE_MIN 1e-50
#define SCALE_MAX 1e50
#define AMP_MIN 1e-200
#define AMP_MAX 1e50

/* Currents: special values, both tails, the threshold, huge magnitudes. */
static const double currents[] = {
  NAN, INFINITY, -INFINITY, 0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.0, 3.0,
  1.0 + DBL_EPSILON, 1.0 - DBL_EPSILON / 2, 1.0 + 1e-10, 1.0 - 1e-10,
  10.0, -10.0, 41.0, -41.0, 1e3, -1e3, 1e6, -1e6, 1e15, -1e15, 1e30, -1e30,
  1e50, -1e50, 1e100, -1e100, 1e200, -1e200, 0x1p900, 0x1.8p900, 0x1p901,
  -0x1p901, 1e300, -1e300, DBL_MAX, -DBL_MAX, DBL_MIN, 5e-324, -5e-324,
  1e-50, -1e-50, 1 + 1e-50,
};

typedef struct {
  const char *what;
  gboolean derivative;
  gboolean single;
  const SoftlifRefParams *p;
  const char *set;
  guint failures;
  double max_ulp;
} Check;

/* The ulp of a positive normal double or float. */
static double
ulp_of (double v, gboolean single)
{
  int e;

  frexp (v, &e);
  return ldexp (1.0, e - (single ? FLT_MANT_DIG : DBL_MANT_DIG));
}

static void
check_value (Check       *c,
             double       J,
             double       out,
             long double  ref)
{
  const gboolean single = c->single;
  const double big = single ? FLT_MAX : DBL_MAX;
  const double small = single ? FLT_MIN : DBL_MIN;
  const double bound = c->derivative ? (single ? 2.0 : 8.0) : (single ? 1.0 : 2.0);
  double want = single ? (double) (float) ref : (double) ref;
  const char *wrong = NULL;

  if (isnan (J))
    wrong = isnan (out) ? NULL : "not NaN at NaN";
  else if (isnan (out))
    wrong = "NaN";
  else if (signbit (out))
    wrong = "negative";
  else if (want >= small && want <= big && out == 0.0)
    wrong = "a spurious 0";
  else if (want <= big && isinf (out) && ref < (long double) big * (1 - 0x1p-40L))
    wrong = "infinite where the true value is finite";
  else if (isinf (want) && !isinf (out) && out < big * (1 - 0x1p-20))
    wrong = "finite where the true value overflows";
  else if (want >= small && want <= big && isfinite (out))
    {
      double err = (double) (fabsl ((long double) out - ref) / ulp_of (want, single));

      if (err > c->max_ulp)
        c->max_ulp = err;
      if (err > bound)
        wrong = "beyond the accuracy bound";
    }

  if (wrong != NULL)
    {
      if (c->failures < 20)
        g_test_message ("%s %s %s: sigma %g tau_rc %g tau_ref %g amplitude %g epsilon %g, "
                        "J %.17g: %.17g, want %.17Lg: %s",
                        c->set, c->what, single ? "f32" : "f64",
                        c->p->sigma, c->p->tau_rc, c->p->tau_ref, c->p->amplitude,
                        c->p->epsilon, J, out, ref, wrong);
      c->failures++;
    }
}

/* Every value of @values with @n_values entries for each of the five
 * parameters, through every kernel set; @soft chooses the model. */
static void
sweep (gboolean      soft,
       const double *sigmas, gsize n_sigmas,
       const double *tau_rcs, gsize n_tau_rcs,
       const double *tau_refs, gsize n_tau_refs,
       const double *amps, gsize n_amps,
       const double *epss, gsize n_epss)
{
  const SoftlifKernels * const *sets = softlif_kernels_list ();
  const gsize n = G_N_ELEMENTS (currents);
  float Jf[G_N_ELEMENTS (currents)];
  double out[G_N_ELEMENTS (currents)];
  float outf[G_N_ELEMENTS (currents)];
  guint failures = 0;
  double max_ulp[4] = { 0 };

  for (gsize k = 0; k < n; k++)
    Jf[k] = (float) currents[k];

  for (gsize s = 0; sets[s] != NULL; s++)
    {
      const SoftlifKernels *set = sets[s];

      if (!softlif_kernels_supported (set))
        continue;
      for (gsize a = 0; a < n_sigmas; a++)
      for (gsize b = 0; b < n_tau_rcs; b++)
      for (gsize r = 0; r < n_tau_refs; r++)
      for (gsize m = 0; m < n_amps; m++)
      for (gsize e = 0; e < n_epss; e++)
        {
          SoftlifRefParams p = { sigmas[a], epss[e], tau_rcs[b], tau_refs[r], amps[m] };
          SoftParams sp;
          SoftlifSoftLifKernelParams kp;
          SoftlifLifKernelParams lp;

          if (soft)
            {
              soft_params_init (&sp, p.sigma, p.tau_rc, p.tau_ref, p.amplitude, p.epsilon);
              softlif_soft_lif_kernel_params_init (&kp, &sp);
            }
          else
            softlif_lif_kernel_params_init (&lp, p.tau_rc, p.tau_ref, p.amplitude);

          for (int d = 0; d < 2; d++)
            {
              Check c64 = { soft ? "soft" : "lif", d, FALSE, &p, set->name, 0, 0 };
              Check c32 = { soft ? "soft" : "lif", d, TRUE, &p, set->name, 0, 0 };

              c64.what = d ? (soft ? "soft derivative" : "lif derivative") : (soft ? "soft rate" : "lif rate");
              c32.what = c64.what;
              if (soft)
                {
                  (d ? set->soft_deriv_f64 : set->soft_rate_f64) (&kp, currents, out, n);
                  (d ? set->soft_deriv_f32 : set->soft_rate_f32) (&kp, Jf, outf, n);
                }
              else
                {
                  (d ? set->lif_deriv_f64 : set->lif_rate_f64) (&lp, currents, out, n);
                  (d ? set->lif_deriv_f32 : set->lif_rate_f32) (&lp, Jf, outf, n);
                }
              for (gsize k = 0; k < n; k++)
                {
                  long double ref, reff;

                  if (soft)
                    {
                      ref = d ? softlif_ref_soft_derivative (&p, currents[k]) : softlif_ref_soft_rate (&p, currents[k]);
                      reff = d ? softlif_ref_soft_derivative (&p, Jf[k]) : softlif_ref_soft_rate (&p, Jf[k]);
                    }
                  else
                    {
                      ref = d ? softlif_ref_lif_derivative (&p, currents[k]) : softlif_ref_lif_rate (&p, currents[k]);
                      reff = d ? softlif_ref_lif_derivative (&p, Jf[k]) : softlif_ref_lif_rate (&p, Jf[k]);
                    }
                  check_value (&c64, currents[k], out[k], ref);
                  check_value (&c32, Jf[k], outf[k], reff);
                }
              failures += c64.failures + c32.failures;
              max_ulp[2 * d] = MAX (max_ulp[2 * d], c64.max_ulp);
              max_ulp[2 * d + 1] = MAX (max_ulp[2 * d + 1], c32.max_ulp);
            }
        }
    }
  g_test_message ("%s: at most %.3g ulp (rate f64), %.3g (rate f32), %.3g (derivative f64), %.3g (derivative f32)",
                  soft ? "soft LIF" : "LIF", max_ulp[0], max_ulp[1], max_ulp[2], max_ulp[3]);
  g_assert_cmpuint (failures, ==, 0);
}

static const double scales[] = { SCALE_MIN, 1e-25, 1e-3, 0.02, 1.0, 2000.0, 1e25, SCALE_MAX };
static const double scales_or_zero[] = { 0.0, 5e-324, 1e-300, SCALE_MIN, 0.002, 1.0, SCALE_MAX };
static const double amplitudes[] = { AMP_MIN, 1e-30, 1e-25, 1.0, 1e25, AMP_MAX };

static void
test_sweep_lif (void)
{
  static const double one[] = { 1.0 };

  sweep (FALSE, one, 1, scales, G_N_ELEMENTS (scales),
         scales_or_zero, G_N_ELEMENTS (scales_or_zero),
         amplitudes, G_N_ELEMENTS (amplitudes), one, 1);
}

static void
test_sweep_soft (void)
{
  static const double sigmas[] = { SCALE_MIN, 1e-3, 1.0, 2000.0, SCALE_MAX };
  static const double tau_rcs[] = { SCALE_MIN, 0.02, SCALE_MAX };
  static const double tau_refs[] = { 0.0, 5e-324, 0.002, SCALE_MAX };
  static const double amps[] = { AMP_MIN, 1e-25, 1.0, AMP_MAX };
  static const double epss[] = { 0.0, 5e-324, DBL_MIN, 1e-300, 1e-15, 1.0, SCALE_MAX };

  sweep (TRUE, sigmas, G_N_ELEMENTS (sigmas), tau_rcs, G_N_ELEMENTS (tau_rcs),
         tau_refs, G_N_ELEMENTS (tau_refs), amps, G_N_ELEMENTS (amps),
         epss, G_N_ELEMENTS (epss));
}

/* The cases of the report, each at a corner of the ranges. */
static void
test_sweep_reported (void)
{
  static const double sigmas[] = { 0.0078, 1.0 };
  static const double tau_rcs[] = { 0.02, 1.2e29, SCALE_MAX };
  static const double tau_refs[] = { 0.0, 0.002 };
  static const double amps[] = { 1e-30, 1e-25, AMP_MAX };
  static const double epss[] = { 0.0, 1e-15, SCALE_MAX };

  sweep (TRUE, sigmas, 2, tau_rcs, 3, tau_refs, 2, amps, 3, epss, 3);
  sweep (FALSE, sigmas, 1, tau_rcs, 3, tau_refs, 2, amps, 3, epss, 1);
}

/* Out of range: SOFTLIF_ERROR_INVALID_PARAMETER naming the parameter, the
 * value and the range; the edges themselves are accepted. */
static void
test_ranges (void)
{
  static const struct {
    double p[5];
    const char *name;
  } bad[] = {
    { { 1e51, 0.02, 0.002, 1.0, 0.0 }, "sigma" },
    { { 1e-51, 0.02, 0.002, 1.0, 0.0 }, "sigma" },
    { { 1.0, 1e300, 0.002, 1.0, 0.0 }, "tau_rc" },
    { { 1.0, 1e-300, 0.002, 1.0, 0.0 }, "tau_rc" },
    { { 1.0, 0.02, 1e51, 1.0, 0.0 }, "tau_ref" },
    { { 1.0, 0.02, 0.002, 1e299, 0.0 }, "amplitude" },
    { { 1.0, 0.02, 0.002, 1e-201, 0.0 }, "amplitude" },
    { { 1.0, 0.02, 0.002, 1.0, 1e300 }, "epsilon" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) edge =
    softlif_soft_lif_rate_new_full (SCALE_MIN, SCALE_MAX, SCALE_MAX, AMP_MIN, SCALE_MAX, &error);

  g_assert_no_error (error);
  g_assert_nonnull (edge);
  g_clear_object (&edge);
  edge = softlif_soft_lif_rate_new_full (SCALE_MAX, SCALE_MIN, 0.0, AMP_MAX, 0.0, &error);
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const double *p = bad[i].p;
      g_autoptr(GError) e = NULL;
      g_autoptr(SoftlifSoftLifRate) n =
        softlif_soft_lif_rate_new_full (p[0], p[1], p[2], p[3], p[4], &e);

      g_assert_null (n);
      g_assert_error (e, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
      g_assert_nonnull (strstr (e->message, bad[i].name));
      g_assert_nonnull (strstr (e->message, "1e"));
    }
}

/* -0.0 is stored as +0.0: the rate at J = +inf is +inf, not -inf. */
static void
test_negative_zero (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) soft =
    softlif_soft_lif_rate_new_full (1.0, 0.02, -0.0, 1.0, -0.0, &error);
  g_autoptr(SoftlifLifRate) lif = softlif_lif_rate_new_full (0.02, -0.0, 1.0, &error);
  g_autoptr(SoftlifLifRate) set = softlif_lif_rate_new ();
  const double J[] = { INFINITY }, one[] = { 1.0 }, zero[] = { 0.0 };
  double out[1];

  g_assert_no_error (error);
  g_assert_false (signbit (softlif_lif_rate_get_tau_ref (SOFTLIF_LIF_RATE (soft))));
  g_assert_false (signbit (softlif_soft_lif_rate_get_epsilon (soft)));
  g_assert_false (signbit (softlif_lif_rate_get_tau_ref (lif)));
  softlif_lif_rate_set_tau_ref (set, -0.0);
  g_assert_false (signbit (softlif_lif_rate_get_tau_ref (set)));

  g_assert_true (softlif_neuron_type_rates_into (SOFTLIF_NEURON_TYPE (soft), J, 1, one, 1, zero, 1, out, 1, &error));
  g_assert_no_error (error);
  g_assert_true (out[0] == INFINITY);
  g_assert_true (softlif_neuron_type_rates_into (SOFTLIF_NEURON_TYPE (lif), J, 1, one, 1, zero, 1, out, 1, &error));
  g_assert_true (out[0] == INFINITY);
  g_assert_true (softlif_neuron_type_rates_into (SOFTLIF_NEURON_TYPE (set), J, 1, one, 1, zero, 1, out, 1, &error));
  g_assert_true (out[0] == INFINITY);
}

/* gain_bias and max_rates_intercepts fail rather than return infinities,
 * and write nothing. */
static void
check_infinite_results (SoftlifNeuronType *neuron)
{
  /* the second value: a gain of 2e298 / 1e-16 */
  const double max_rates[] = { 100.0, 1e300 };
  const double intercepts[] = { 0.0, 0.9999999999999999 };
  /* the second value: an intercept of (1 - 1e300) / 1e-300 */
  const double gains[] = { 1.0, 1e-300 };
  const double biases[] = { 1.0, -1e300 };
  double a[2] = { 7.0, 7.0 }, b[2] = { 7.0, 7.0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (softlif_neuron_type_gain_bias_into (neuron, max_rates, 2, intercepts, 2,
                                                      a, b, 2, &error));
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "index 1"));
  g_assert_cmpfloat (a[0], ==, 7.0);
  g_assert_cmpfloat (b[0], ==, 7.0);
  g_clear_error (&error);

  g_assert_false (softlif_neuron_type_max_rates_intercepts_into (neuron, gains, 2, biases, 2,
                                                                 a, b, 2, &error));
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "index 1"));
  g_assert_cmpfloat (a[0], ==, 7.0);
  g_assert_cmpfloat (b[0], ==, 7.0);
}

static void
test_infinite_results_lif (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifLifRate) lif = softlif_lif_rate_new_full (0.02, 0.0, 1.0, &error);

  g_assert_no_error (error);
  check_infinite_results (SOFTLIF_NEURON_TYPE (lif));
}

static void
test_infinite_results_soft (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) soft =
    softlif_soft_lif_rate_new_full (1e-3, 0.02, 0.0, 1.0, 0.0, &error);

  g_assert_no_error (error);
  check_infinite_results (SOFTLIF_NEURON_TYPE (soft));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!softlif_ref_have_extended_precision ())
    {
      g_test_skip ("the reference needs an extended long double");
      return g_test_run ();
    }

  g_test_add_func ("/extreme-params/ranges", test_ranges);
  g_test_add_func ("/extreme-params/negative-zero", test_negative_zero);
  g_test_add_func ("/extreme-params/gain-bias/infinite-results/lif", test_infinite_results_lif);
  g_test_add_func ("/extreme-params/gain-bias/infinite-results/soft-lif", test_infinite_results_soft);
  g_test_add_func ("/extreme-params/sweep/reported", test_sweep_reported);
  g_test_add_func ("/extreme-params/sweep/lif", test_sweep_lif);
  g_test_add_func ("/extreme-params/sweep/soft-lif", test_sweep_soft);

  return g_test_run ();
}
