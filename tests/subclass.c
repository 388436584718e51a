/* subclass.c: a neuron type written as the SoftlifNeuronTypeClass documentation shows
 *
 * MyRate sets only compute_rates, exactly as the example in
 * softlif-neuron-type.h: every public operation works on it through the
 * base class's defaults (single precision through double precision,
 * gain and bias found numerically), and the derivatives, which have no
 * default, fail with SOFTLIF_ERROR_NOT_IMPLEMENTED and write nothing.
 * The expected values are worked out by hand from the rectified linear
 * rate 100 (J - 1).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>
#include <softlif.h>

/* The example of the documentation {{{ */

#define MY_TYPE_RATE (my_rate_get_type ())
G_DECLARE_FINAL_TYPE (MyRate, my_rate, MY, RATE, SoftlifNeuronType)

struct _MyRate
{
  SoftlifNeuronType parent_instance;
};

G_DEFINE_TYPE (MyRate, my_rate, SOFTLIF_TYPE_NEURON_TYPE)

static void
my_rate_compute_rates (SoftlifNeuronType *self, const double *J, double *out, gsize n)
{
  for (gsize i = 0; i < n; i++)
    out[i] = J[i] > 1.0 ? 100.0 * (J[i] - 1.0) : 0.0;   // a rectified linear neuron
}

static void
my_rate_class_init (MyRateClass *klass)
{
  SOFTLIF_NEURON_TYPE_CLASS (klass)->compute_rates = my_rate_compute_rates;
}

static void
my_rate_init (MyRate *self)
{
}

/* }}} */

/* A type that fires at 10 Hz whatever the current: it has no threshold. */
#define MY_TYPE_CONSTANT (my_constant_get_type ())
G_DECLARE_FINAL_TYPE (MyConstant, my_constant, MY, CONSTANT, SoftlifNeuronType)

struct _MyConstant
{
  SoftlifNeuronType parent_instance;
};

G_DEFINE_TYPE (MyConstant, my_constant, SOFTLIF_TYPE_NEURON_TYPE)

static void
my_constant_compute_rates (SoftlifNeuronType *self, const double *J, double *out, gsize n)
{
  for (gsize i = 0; i < n; i++)
    out[i] = 10.0;
}

static void
my_constant_class_init (MyConstantClass *klass)
{
  SOFTLIF_NEURON_TYPE_CLASS (klass)->compute_rates = my_constant_compute_rates;
}

static void
my_constant_init (MyConstant *self)
{
}

/* A type that sets nothing at all. */
#define MY_TYPE_NOTHING (my_nothing_get_type ())
G_DECLARE_FINAL_TYPE (MyNothing, my_nothing, MY, NOTHING, SoftlifNeuronType)

struct _MyNothing
{
  SoftlifNeuronType parent_instance;
};

G_DEFINE_TYPE (MyNothing, my_nothing, SOFTLIF_TYPE_NEURON_TYPE)

static void
my_nothing_class_init (MyNothingClass *klass)
{
}

static void
my_nothing_init (MyNothing *self)
{
}

static double
expected_rate (double J)
{
  return J > 1.0 ? 100.0 * (J - 1.0) : 0.0;
}

static const double J[] = { -5.0, 0.0, 1.0, 1.5, 2.0, 3.25, 10.0 };
#define N_J G_N_ELEMENTS (J)

static void
test_step (void)
{
  g_autoptr(SoftlifNeuronType) neuron = g_object_new (MY_TYPE_RATE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree double *rates = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) result = NULL;
  float Jf[N_J], outf[N_J];
  double out[N_J];
  gsize n = 0;

  rates = softlif_neuron_type_step (neuron, 0.001, J, N_J, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_J);
  g_assert_true (softlif_neuron_type_step_into (neuron, 0.001, J, N_J, out, N_J, &error));
  for (gsize i = 0; i < N_J; i++)
    {
      g_assert_cmpfloat (rates[i], ==, expected_rate (J[i]));
      g_assert_cmpfloat (out[i], ==, expected_rate (J[i]));
      Jf[i] = (float) J[i];
    }

  /* single precision through the double precision method */
  g_assert_true (softlif_neuron_type_step_float_into (neuron, 0.001, Jf, N_J, outf, N_J, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i < N_J; i++)
    g_assert_cmpfloat (outf[i], ==, (float) expected_rate (J[i]));

  bytes = g_bytes_new (J, sizeof J);
  result = softlif_neuron_type_step_bytes (neuron, 0.001, SOFTLIF_DTYPE_FLOAT64, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (result, NULL), g_bytes_get_size (result), out, sizeof out);
}

static void
test_tuning (void)
{
  g_autoptr(SoftlifNeuronType) neuron = g_object_new (MY_TYPE_RATE, NULL);
  g_autoptr(GError) error = NULL;
  const double x[] = { -1.0, 0.0, 0.5, 1.0 }, gain[] = { 2.0, 3.0 }, bias[] = { 0.5, -1.0 };
  const float xf[] = { -1.0f, 0.0f, 0.5f, 1.0f }, gainf[] = { 2.0f, 3.0f }, biasf[] = { 0.5f, -1.0f };
  g_autofree double *currents = NULL, *rates = NULL;
  g_autofree float *ratesf = NULL;
  gsize n = 0, nf = 0;

  currents = softlif_neuron_type_current (neuron, x, 4, gain, 2, bias, 2, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 8);
  rates = softlif_neuron_type_rates (neuron, x, 4, gain, 2, bias, 2, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 8);
  ratesf = softlif_neuron_type_rates_float (neuron, xf, 4, gainf, 2, biasf, 2, &nf, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nf, ==, 8);
  for (gsize s = 0; s < 4; s++)
    for (gsize k = 0; k < 2; k++)
      {
        double Jsk = gain[k] * x[s] + bias[k];

        g_assert_cmpfloat (currents[s * 2 + k], ==, Jsk);
        g_assert_cmpfloat (rates[s * 2 + k], ==, expected_rate (Jsk));
        g_assert_cmpfloat (ratesf[s * 2 + k], ==, (float) expected_rate (Jsk));
      }
}

/* The derivatives have no default: every form fails the same way and
 * leaves the output alone. */
static void
test_derivative_not_implemented (void)
{
  g_autoptr(SoftlifNeuronType) neuron = g_object_new (MY_TYPE_RATE, NULL);
  const double x[] = { 0.0, 1.0 }, gain[] = { 2.0 }, bias[] = { 0.5 };
  const float xf[] = { 0.0f, 1.0f }, gainf[] = { 2.0f }, biasf[] = { 0.5f };
  double out[2] = { -7.0, -7.0 };
  float outf[2] = { -7.0f, -7.0f };
  gsize n = 99;

  for (int form = 0; form < 5; form++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree double *r = NULL;
      g_autofree float *rf = NULL;
      g_autoptr(GBytes) rb = NULL;
      gboolean ok = TRUE;

      switch (form)
        {
        case 0:
          r = softlif_neuron_type_derivative (neuron, x, 2, gain, 1, bias, 1, &n, &error);
          ok = r != NULL;
          g_assert_cmpuint (n, ==, 0);
          break;
        case 1:
          ok = softlif_neuron_type_derivative_into (neuron, x, 2, gain, 1, bias, 1, out, 2, &error);
          break;
        case 2:
          rf = softlif_neuron_type_derivative_float (neuron, xf, 2, gainf, 1, biasf, 1, &n, &error);
          ok = rf != NULL;
          break;
        case 3:
          ok = softlif_neuron_type_derivative_float_into (neuron, xf, 2, gainf, 1, biasf, 1, outf, 2, &error);
          break;
        default:
          {
            g_autoptr(GBytes) bx = g_bytes_new (x, sizeof x);
            g_autoptr(GBytes) bg = g_bytes_new (gain, sizeof gain);
            g_autoptr(GBytes) bb = g_bytes_new (bias, sizeof bias);

            rb = softlif_neuron_type_derivative_bytes (neuron, SOFTLIF_DTYPE_FLOAT64, bx, bg, bb, &error);
            ok = rb != NULL;
          }
        }
      g_assert_false (ok);
      g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_NOT_IMPLEMENTED);
      g_assert_cmpstr (error->message, ==, "The neuron type “MyRate” does not implement “compute_derivative”");
    }
  g_assert_cmpfloat (out[0], ==, -7.0);
  g_assert_cmpfloat (out[1], ==, -7.0);
  g_assert_cmpfloat (outf[0], ==, -7.0f);
  g_assert_cmpfloat (outf[1], ==, -7.0f);
}

/* Numerically: the threshold current is 1 and a rate r is reached at
 * J = 1 + r / 100, so max rate 200 at x = 1 and intercept -0.5 need
 * gain 4/3 and bias 5/3 (and back). */
static void
test_gain_bias (void)
{
  g_autoptr(SoftlifNeuronType) neuron = g_object_new (MY_TYPE_RATE, NULL);
  g_autoptr(GError) error = NULL;
  const double max_rates[] = { 200.0, 50.0 }, intercepts[] = { -0.5, 0.75 };
  /* 50 Hz at J = 1.5; the line through (0.75, 1) and (1, 1.5) */
  const double want_gain[] = { 4.0 / 3.0, 2.0 }, want_bias[] = { 5.0 / 3.0, -0.5 };
  const float max_rates_f[] = { 200.0f }, intercepts_f[] = { -0.5f };
  g_autofree double *gain = NULL, *bias = NULL, *back_rates = NULL, *back_intercepts = NULL;
  float gain_f[1], bias_f[1];
  gsize n_gain = 0, n_bias = 0;

  g_assert_true (softlif_neuron_type_gain_bias (neuron, max_rates, 2, intercepts, 2,
                                                &gain, &n_gain, &bias, &n_bias, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_gain, ==, 2);
  for (gsize i = 0; i < 2; i++)
    {
      g_assert_cmpfloat_with_epsilon (gain[i], want_gain[i], 1e-14);
      g_assert_cmpfloat_with_epsilon (bias[i], want_bias[i], 1e-14);
    }

  g_assert_true (softlif_neuron_type_max_rates_intercepts (neuron, gain, 2, bias, 2, &back_rates, &n_gain,
                                                           &back_intercepts, &n_bias, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i < 2; i++)
    {
      g_assert_cmpfloat_with_epsilon (back_rates[i], max_rates[i], 1e-11);
      g_assert_cmpfloat_with_epsilon (back_intercepts[i], intercepts[i], 1e-14);
    }

  g_assert_true (softlif_neuron_type_gain_bias_float_into (neuron, max_rates_f, 1, intercepts_f, 1,
                                                           gain_f, bias_f, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gain_f[0], ==, (float) (4.0 / 3.0));
  g_assert_cmpfloat (bias_f[0], ==, (float) (5.0 / 3.0));
}

static void
test_gain_bias_errors (void)
{
  g_autoptr(SoftlifNeuronType) neuron = g_object_new (MY_TYPE_RATE, NULL);
  g_autoptr(SoftlifNeuronType) constant = g_object_new (MY_TYPE_CONSTANT, NULL);
  g_autoptr(GError) error = NULL;
  const double max_rates[] = { 200.0, -1.0 }, intercepts[] = { 0.0, 0.0 };
  double gain[2] = { -7.0, -7.0 }, bias[2] = { -7.0, -7.0 };

  /* the same checks as the LIF's, before anything is written */
  g_assert_false (softlif_neuron_type_gain_bias_into (neuron, max_rates, 2, intercepts, 2, gain, bias, 2, &error));
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "-1.0"));
  g_assert_cmpfloat (gain[0], ==, -7.0);
  g_clear_error (&error);

  /* no threshold current */
  g_assert_false (softlif_neuron_type_gain_bias_into (constant, max_rates, 1, intercepts, 1, gain, bias, 1, &error));
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==,
                   "The neuron type “MyConstant” has no threshold current, below which it is silent and above which it fires");
  g_assert_cmpfloat (gain[0], ==, -7.0);
}

static void
test_to_string (void)
{
  g_autoptr(SoftlifNeuronType) neuron = g_object_new (MY_TYPE_RATE, NULL);
  g_autofree char *text = softlif_neuron_type_to_string (neuron);

  g_assert_cmpstr (text, ==, "MyRate()");
}

/* A type without compute_rates fails every operation that needs rates
 * (the class struct has no default to call), but still forms currents. */
static void
test_nothing_implemented (void)
{
  g_autoptr(SoftlifNeuronType) neuron = g_object_new (MY_TYPE_NOTHING, NULL);
  g_autoptr(GError) error = NULL;
  const double x[] = { 0.0, 1.0 }, gain[] = { 2.0 }, bias[] = { 0.5 }, max_rates[] = { 100.0 };
  const float Jf[] = { 2.0f };
  double out[2] = { -7.0, -7.0 }, out2[1];
  float outf[1] = { -7.0f };

  g_assert_false (softlif_neuron_type_step_into (neuron, 0.001, x, 2, out, 2, &error));
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_NOT_IMPLEMENTED);
  g_assert_cmpstr (error->message, ==, "The neuron type “MyNothing” does not implement “compute_rates”");
  g_clear_error (&error);
  g_assert_false (softlif_neuron_type_step_float_into (neuron, 0.001, Jf, 1, outf, 1, &error));
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_NOT_IMPLEMENTED);
  g_clear_error (&error);
  g_assert_false (softlif_neuron_type_rates_into (neuron, x, 2, gain, 1, bias, 1, out, 2, &error));
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_NOT_IMPLEMENTED);
  g_clear_error (&error);
  g_assert_false (softlif_neuron_type_gain_bias_into (neuron, max_rates, 1, x, 1, out, out2, 1, &error));
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_NOT_IMPLEMENTED);
  g_assert_cmpstr (error->message, ==, "The neuron type “MyNothing” does not implement “compute_rates”");
  g_clear_error (&error);
  g_assert_cmpfloat (out[0], ==, -7.0);
  g_assert_cmpfloat (outf[0], ==, -7.0f);

  g_assert_true (softlif_neuron_type_current_into (neuron, x, 2, gain, 1, bias, 1, out, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (out[0], ==, 0.5);
  g_assert_cmpfloat (out[1], ==, 2.5);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/subclass/header-example/step", test_step);
  g_test_add_func ("/subclass/header-example/tuning", test_tuning);
  g_test_add_func ("/subclass/header-example/derivative-not-implemented", test_derivative_not_implemented);
  g_test_add_func ("/subclass/header-example/gain-bias-numerical", test_gain_bias);
  g_test_add_func ("/subclass/gain-bias-errors", test_gain_bias_errors);
  g_test_add_func ("/subclass/header-example/to-string", test_to_string);
  g_test_add_func ("/subclass/nothing-implemented", test_nothing_implemented);

  return g_test_run ();
}
