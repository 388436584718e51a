/* tuning.c: currents, tuning curves, gain and bias, and their errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <float.h>
#include <math.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include <softlif.h>

#include "softlif-reference.h"

/* More neurons than the library's block of 256, so that the tests cross
 * a block boundary. */
#define N_NEURONS 300
#define N_SAMPLES 7

/* Whatever the library must not write. */
#define SENTINEL (-12345.0)

typedef enum {
  OP_CURRENT,
  OP_RATES,
  OP_DERIVATIVE,
  N_OPS
} Op;

static const char *const op_names[N_OPS] = { "current", "rates", "derivative" };

/* Helpers {{{ */

static SoftlifNeuronType *
new_lif (void)
{
  return (SoftlifNeuronType *) softlif_lif_rate_new ();
}

/* A soft LIF neuron whose parameters all differ from the defaults. */
static SoftlifNeuronType *
new_soft (void)
{
  return (SoftlifNeuronType *) softlif_soft_lif_rate_new_full (0.1, 0.03, 0.001, 0.7, 1e-15, NULL);
}

/* The tests that run for both classes get an index into this. */
static SoftlifNeuronType *(*const factories[]) (void) = { new_lif, new_soft };

static SoftlifNeuronType *
new_neuron (gconstpointer data)
{
  return factories[GPOINTER_TO_INT (data)] ();
}

static double *
tuning_new (SoftlifNeuronType  *neuron,
            Op                  op,
            const double       *x,
            gsize               n_x,
            const double       *gain,
            gsize               n_gain,
            const double       *bias,
            gsize               n_bias,
            gsize              *n_out,
            GError            **error)
{
  switch (op)
    {
    case OP_CURRENT:
      return softlif_neuron_type_current (neuron, x, n_x, gain, n_gain, bias, n_bias, n_out, error);
    case OP_RATES:
      return softlif_neuron_type_rates (neuron, x, n_x, gain, n_gain, bias, n_bias, n_out, error);
    case OP_DERIVATIVE:
      return softlif_neuron_type_derivative (neuron, x, n_x, gain, n_gain, bias, n_bias, n_out, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
tuning_into (SoftlifNeuronType  *neuron,
             Op                  op,
             const double       *x,
             gsize               n_x,
             const double       *gain,
             gsize               n_gain,
             const double       *bias,
             gsize               n_bias,
             double             *out,
             gsize               n_out,
             GError            **error)
{
  switch (op)
    {
    case OP_CURRENT:
      return softlif_neuron_type_current_into (neuron, x, n_x, gain, n_gain, bias, n_bias,
                                               out, n_out, error);
    case OP_RATES:
      return softlif_neuron_type_rates_into (neuron, x, n_x, gain, n_gain, bias, n_bias,
                                             out, n_out, error);
    case OP_DERIVATIVE:
      return softlif_neuron_type_derivative_into (neuron, x, n_x, gain, n_gain, bias, n_bias,
                                                  out, n_out, error);
    default:
      g_assert_not_reached ();
    }
}

static float *
tuning_new_float (SoftlifNeuronType  *neuron,
                  Op                  op,
                  const float        *x,
                  gsize               n_x,
                  const float        *gain,
                  gsize               n_gain,
                  const float        *bias,
                  gsize               n_bias,
                  gsize              *n_out,
                  GError            **error)
{
  switch (op)
    {
    case OP_CURRENT:
      return softlif_neuron_type_current_float (neuron, x, n_x, gain, n_gain, bias, n_bias,
                                                n_out, error);
    case OP_RATES:
      return softlif_neuron_type_rates_float (neuron, x, n_x, gain, n_gain, bias, n_bias,
                                              n_out, error);
    case OP_DERIVATIVE:
      return softlif_neuron_type_derivative_float (neuron, x, n_x, gain, n_gain, bias, n_bias,
                                                   n_out, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
tuning_into_float (SoftlifNeuronType  *neuron,
                   Op                  op,
                   const float        *x,
                   gsize               n_x,
                   const float        *gain,
                   gsize               n_gain,
                   const float        *bias,
                   gsize               n_bias,
                   float              *out,
                   gsize               n_out,
                   GError            **error)
{
  switch (op)
    {
    case OP_CURRENT:
      return softlif_neuron_type_current_float_into (neuron, x, n_x, gain, n_gain, bias, n_bias,
                                                     out, n_out, error);
    case OP_RATES:
      return softlif_neuron_type_rates_float_into (neuron, x, n_x, gain, n_gain, bias, n_bias,
                                                   out, n_out, error);
    case OP_DERIVATIVE:
      return softlif_neuron_type_derivative_float_into (neuron, x, n_x, gain, n_gain, bias, n_bias,
                                                        out, n_out, error);
    default:
      g_assert_not_reached ();
    }
}

/* The same value: both NaN, or equal with the same sign of zero. */
static gboolean
same_double (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b && signbit (a) == signbit (b);
}

static void
assert_same_doubles (const double *a,
                     const double *b,
                     gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (!same_double (a[i], b[i]))
      {
        g_test_message ("index %" G_GSIZE_FORMAT ": %.17g != %.17g", i, a[i], b[i]);
        g_assert_cmpmem (&a[i], sizeof (double), &b[i], sizeof (double));
        return;
      }
}

static void
assert_same_floats (const float *a,
                    const float *b,
                    gsize        n)
{
  for (gsize i = 0; i < n; i++)
    if (!same_double (a[i], b[i]))
      {
        g_test_message ("index %" G_GSIZE_FORMAT ": %.9g != %.9g", i, a[i], b[i]);
        g_assert_cmpmem (&a[i], sizeof (float), &b[i], sizeof (float));
        return;
      }
}

static void
assert_all_sentinel (const double *a,
                     gsize         n)
{
  for (gsize i = 0; i < n; i++)
    g_assert_cmpfloat (a[i], ==, SENTINEL);
}

static void
assert_all_sentinel_float (const float *a,
                           gsize        n)
{
  for (gsize i = 0; i < n; i++)
    g_assert_cmpfloat (a[i], ==, (float) SENTINEL);
}

static double *
new_sentinels (gsize n)
{
  double *a = g_new (double, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    a[i] = SENTINEL;
  return a;
}

static float *
new_sentinels_float (gsize n)
{
  float *a = g_new (float, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    a[i] = (float) SENTINEL;
  return a;
}

/* Samples and a population whose currents cover both sides of the
 * threshold, with a few exact zeros and special values among them. */
static void
fill_population (double *x,
                 gsize   n_x,
                 double *gain,
                 double *bias,
                 gsize   n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);

  for (gsize s = 0; s < n_x; s++)
    x[s] = g_rand_double_range (rand, -1.5, 1.5);
  if (n_x > 2)
    {
      x[0] = 0.0;
      x[1] = 1.0;
    }
  for (gsize k = 0; k < n; k++)
    {
      gain[k] = exp (g_rand_double_range (rand, -3.0, 3.0)) * (g_rand_boolean (rand) ? 1 : -1);
      bias[k] = g_rand_double_range (rand, -5.0, 5.0);
    }
  if (n > 3)
    {
      gain[0] = 0.0;
      bias[1] = -0.0;
      gain[2] = INFINITY;
      bias[3] = NAN;
    }
}

static void
fill_population_float (float *x,
                       gsize  n_x,
                       float *gain,
                       float *bias,
                       gsize  n)
{
  g_autofree double *dx = g_new (double, n_x);
  g_autofree double *dg = g_new (double, n);
  g_autofree double *db = g_new (double, n);

  fill_population (dx, n_x, dg, db, n);
  for (gsize s = 0; s < n_x; s++)
    x[s] = (float) dx[s];
  for (gsize k = 0; k < n; k++)
    {
      gain[k] = (float) dg[k];
      bias[k] = (float) db[k];
    }
}

/* }}} */

/* Shapes and layout {{{ */

/* current[s * n + k] is gain[k] * x[s] + bias[k], rounded twice as numpy
 * rounds it; rates and derivative are the element-wise functions of those
 * very currents. */
static void
test_layout (gconstpointer data)
{
  g_autoptr(SoftlifNeuronType) neuron = new_neuron (data);
  g_autoptr(GError) error = NULL;
  double x[N_SAMPLES], gain[N_NEURONS], bias[N_NEURONS];
  const double one = 1.0, zero = 0.0;
  g_autofree double *current = NULL, *rates = NULL, *derivative = NULL;
  g_autofree double *want_current = g_new (double, N_SAMPLES * N_NEURONS);
  g_autofree double *want_rates = NULL, *d = NULL;
  g_autofree double *want_derivative = g_new (double, N_SAMPLES * N_NEURONS);
  g_autofree double *into = g_new (double, N_SAMPLES * N_NEURONS);
  gsize n_out = 0;

  fill_population (x, N_SAMPLES, gain, bias, N_NEURONS);
  for (gsize s = 0; s < N_SAMPLES; s++)
    for (gsize k = 0; k < N_NEURONS; k++)
      {
        /* volatile: two roundings, never a fused multiply-add. */
        volatile double product = gain[k] * x[s];
        volatile double sum = product + bias[k];

        want_current[s * N_NEURONS + k] = sum;
      }

  current = softlif_neuron_type_current (neuron, x, N_SAMPLES, gain, N_NEURONS, bias, N_NEURONS,
                                         &n_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_out, ==, N_SAMPLES * N_NEURONS);
  assert_same_doubles (current, want_current, n_out);

  want_rates = softlif_neuron_type_step (neuron, 0.001, want_current, N_SAMPLES * N_NEURONS,
                                         &n_out, &error);
  g_assert_no_error (error);
  rates = softlif_neuron_type_rates (neuron, x, N_SAMPLES, gain, N_NEURONS, bias, N_NEURONS,
                                     &n_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_out, ==, N_SAMPLES * N_NEURONS);
  assert_same_doubles (rates, want_rates, n_out);

  /* d rate / dx = gain * d rate / dJ, with d rate / dJ at J exactly. */
  d = softlif_neuron_type_derivative (neuron, want_current, N_SAMPLES * N_NEURONS,
                                      &one, 1, &zero, 1, &n_out, &error);
  g_assert_no_error (error);
  for (gsize s = 0; s < N_SAMPLES; s++)
    for (gsize k = 0; k < N_NEURONS; k++)
      {
        volatile double product = gain[k] * d[s * N_NEURONS + k];

        want_derivative[s * N_NEURONS + k] = product;
      }
  derivative = softlif_neuron_type_derivative (neuron, x, N_SAMPLES, gain, N_NEURONS, bias,
                                               N_NEURONS, &n_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_out, ==, N_SAMPLES * N_NEURONS);
  assert_same_doubles (derivative, want_derivative, n_out);

  /* The caller-buffer forms write the same. */
  for (Op op = OP_CURRENT; op < N_OPS; op++)
    {
      const double *want = op == OP_CURRENT ? want_current : op == OP_RATES ? want_rates : want_derivative;

      g_test_message ("%s_into", op_names[op]);
      g_assert_true (tuning_into (neuron, op, x, N_SAMPLES, gain, N_NEURONS, bias, N_NEURONS,
                                  into, N_SAMPLES * N_NEURONS, &error));
      g_assert_no_error (error);
      assert_same_doubles (into, want, N_SAMPLES * N_NEURONS);
    }

  /* A small case written out by hand: 2 samples by 3 neurons. */
  {
    const double x2[] = { 0.5, -2.0 };
    const double g2[] = { 1.0, 2.0, 4.0 };
    const double b2[] = { 0.25, 0.5, 1.0 };
    const double want2[] = { 0.75, 1.5, 3.0, -1.75, -3.5, -7.0 };
    g_autofree double *c2 = softlif_neuron_type_current (neuron, x2, 2, g2, 3, b2, 3, &n_out, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (n_out, ==, 6);
    assert_same_doubles (c2, want2, 6);
  }
}

static void
test_layout_float (gconstpointer data)
{
  g_autoptr(SoftlifNeuronType) neuron = new_neuron (data);
  g_autoptr(GError) error = NULL;
  float x[N_SAMPLES], gain[N_NEURONS], bias[N_NEURONS];
  const float one = 1.0f, zero = 0.0f;
  g_autofree float *current = NULL, *rates = NULL, *derivative = NULL;
  g_autofree float *want_current = g_new (float, N_SAMPLES * N_NEURONS);
  g_autofree float *want_rates = NULL, *d = NULL;
  g_autofree float *want_derivative = g_new (float, N_SAMPLES * N_NEURONS);
  g_autofree float *into = g_new (float, N_SAMPLES * N_NEURONS);
  gsize n_out = 0;

  fill_population_float (x, N_SAMPLES, gain, bias, N_NEURONS);
  for (gsize s = 0; s < N_SAMPLES; s++)
    for (gsize k = 0; k < N_NEURONS; k++)
      {
        /* In float arithmetic, as numpy computes float32 arrays. */
        volatile float product = gain[k] * x[s];
        volatile float sum = product + bias[k];

        want_current[s * N_NEURONS + k] = sum;
      }

  current = softlif_neuron_type_current_float (neuron, x, N_SAMPLES, gain, N_NEURONS, bias,
                                               N_NEURONS, &n_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_out, ==, N_SAMPLES * N_NEURONS);
  assert_same_floats (current, want_current, n_out);

  want_rates = softlif_neuron_type_step_float (neuron, 0.001, want_current,
                                               N_SAMPLES * N_NEURONS, &n_out, &error);
  g_assert_no_error (error);
  rates = softlif_neuron_type_rates_float (neuron, x, N_SAMPLES, gain, N_NEURONS, bias,
                                           N_NEURONS, &n_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_out, ==, N_SAMPLES * N_NEURONS);
  assert_same_floats (rates, want_rates, n_out);

  d = softlif_neuron_type_derivative_float (neuron, want_current, N_SAMPLES * N_NEURONS,
                                            &one, 1, &zero, 1, &n_out, &error);
  g_assert_no_error (error);
  for (gsize s = 0; s < N_SAMPLES; s++)
    for (gsize k = 0; k < N_NEURONS; k++)
      {
        volatile float product = gain[k] * d[s * N_NEURONS + k];

        want_derivative[s * N_NEURONS + k] = product;
      }
  derivative = softlif_neuron_type_derivative_float (neuron, x, N_SAMPLES, gain, N_NEURONS,
                                                     bias, N_NEURONS, &n_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_out, ==, N_SAMPLES * N_NEURONS);
  assert_same_floats (derivative, want_derivative, n_out);

  for (Op op = OP_CURRENT; op < N_OPS; op++)
    {
      const float *want = op == OP_CURRENT ? want_current : op == OP_RATES ? want_rates : want_derivative;

      g_test_message ("%s_float_into", op_names[op]);
      g_assert_true (tuning_into_float (neuron, op, x, N_SAMPLES, gain, N_NEURONS, bias, N_NEURONS,
                                        into, N_SAMPLES * N_NEURONS, &error));
      g_assert_no_error (error);
      assert_same_floats (into, want, N_SAMPLES * N_NEURONS);
    }
}

/* step is the element-wise rate, here checked on values that are not
 * currents of a population. */
static void
test_step_into (gconstpointer data)
{
  g_autoptr(SoftlifNeuronType) neuron = new_neuron (data);
  g_autoptr(GError) error = NULL;
  const double J[] = { -3.0, 0.0, 0.999, 1.0, 1.001, 2.0, 50.0, INFINITY, -INFINITY, NAN };
  const float Jf[] = { -3.0f, 0.0f, 0.999f, 1.0f, 1.001f, 2.0f, 50.0f, INFINITY, -INFINITY, NAN };
  double out[G_N_ELEMENTS (J)];
  float out_f[G_N_ELEMENTS (J)];
  g_autofree double *step = NULL;
  g_autofree float *step_f = NULL;
  gsize n_out = 0;

  step = softlif_neuron_type_step (neuron, 0.001, J, G_N_ELEMENTS (J), &n_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_out, ==, G_N_ELEMENTS (J));
  g_assert_true (softlif_neuron_type_step_into (neuron, 0.001, J, G_N_ELEMENTS (J),
                                                out, G_N_ELEMENTS (out), &error));
  g_assert_no_error (error);
  assert_same_doubles (out, step, G_N_ELEMENTS (J));

  step_f = softlif_neuron_type_step_float (neuron, 0.001, Jf, G_N_ELEMENTS (Jf), &n_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_out, ==, G_N_ELEMENTS (Jf));
  g_assert_true (softlif_neuron_type_step_float_into (neuron, 0.001, Jf, G_N_ELEMENTS (Jf),
                                                      out_f, G_N_ELEMENTS (out_f), &error));
  g_assert_no_error (error);
  assert_same_floats (out_f, step_f, G_N_ELEMENTS (Jf));

  /* The rates are finite and 0 at and below the threshold only for the
   * LIF neuron; the time step does not matter for a rate neuron. */
  for (gsize i = 0; i < 7; i++)
    g_assert_true (isfinite (step[i]) && step[i] >= 0.0);
  {
    g_autofree double *other_dt = softlif_neuron_type_step (neuron, 0.5, J, G_N_ELEMENTS (J),
                                                            &n_out, &error);

    g_assert_no_error (error);
    assert_same_doubles (other_dt, step, G_N_ELEMENTS (J));
  }
}

/* }}} */

/* In place {{{ */

/* The output may be the very buffer of an input of the same length: x
 * when there is one neuron, gain or bias when there is one sample. */
static void
test_in_place (gconstpointer data)
{
  g_autoptr(SoftlifNeuronType) neuron = new_neuron (data);
  g_autoptr(GError) error = NULL;
  enum { N = 600 };
  double x[N], gain[N], bias[N];
  double buf[N];

  fill_population (x, N, gain, bias, N);

  for (Op op = OP_CURRENT; op < N_OPS; op++)
    {
      gsize n_out = 0;
      g_autofree double *want_x = tuning_new (neuron, op, x, N, &gain[5], 1, &bias[5], 1,
                                              &n_out, &error);
      g_autofree double *want_gain = tuning_new (neuron, op, &x[5], 1, gain, N, bias, N,
                                                 &n_out, &error);

      g_assert_no_error (error);
      g_test_message ("%s in place", op_names[op]);

      /* out == x, n_neurons == 1 */
      memcpy (buf, x, sizeof buf);
      g_assert_true (tuning_into (neuron, op, buf, N, &gain[5], 1, &bias[5], 1, buf, N, &error));
      g_assert_no_error (error);
      assert_same_doubles (buf, want_x, N);

      /* out == gain, n_samples == 1 */
      memcpy (buf, gain, sizeof buf);
      g_assert_true (tuning_into (neuron, op, &x[5], 1, buf, N, bias, N, buf, N, &error));
      g_assert_no_error (error);
      assert_same_doubles (buf, want_gain, N);

      /* out == bias, n_samples == 1 */
      memcpy (buf, bias, sizeof buf);
      g_assert_true (tuning_into (neuron, op, &x[5], 1, gain, N, buf, N, buf, N, &error));
      g_assert_no_error (error);
      assert_same_doubles (buf, want_gain, N);
    }

  /* out == J */
  {
    gsize n_out = 0;
    g_autofree double *want = softlif_neuron_type_step (neuron, 0.001, bias, N, &n_out, &error);

    g_assert_no_error (error);
    memcpy (buf, bias, sizeof buf);
    g_assert_true (softlif_neuron_type_step_into (neuron, 0.001, buf, N, buf, N, &error));
    g_assert_no_error (error);
    assert_same_doubles (buf, want, N);
  }
}

static void
test_in_place_float (gconstpointer data)
{
  g_autoptr(SoftlifNeuronType) neuron = new_neuron (data);
  g_autoptr(GError) error = NULL;
  enum { N = 600 };
  float x[N], gain[N], bias[N];
  float buf[N];

  fill_population_float (x, N, gain, bias, N);

  for (Op op = OP_CURRENT; op < N_OPS; op++)
    {
      gsize n_out = 0;
      g_autofree float *want_x = tuning_new_float (neuron, op, x, N, &gain[5], 1, &bias[5], 1,
                                                   &n_out, &error);
      g_autofree float *want_gain = tuning_new_float (neuron, op, &x[5], 1, gain, N, bias, N,
                                                      &n_out, &error);

      g_assert_no_error (error);
      g_test_message ("%s_float in place", op_names[op]);

      memcpy (buf, x, sizeof buf);
      g_assert_true (tuning_into_float (neuron, op, buf, N, &gain[5], 1, &bias[5], 1, buf, N, &error));
      g_assert_no_error (error);
      assert_same_floats (buf, want_x, N);

      memcpy (buf, gain, sizeof buf);
      g_assert_true (tuning_into_float (neuron, op, &x[5], 1, buf, N, bias, N, buf, N, &error));
      g_assert_no_error (error);
      assert_same_floats (buf, want_gain, N);

      memcpy (buf, bias, sizeof buf);
      g_assert_true (tuning_into_float (neuron, op, &x[5], 1, gain, N, buf, N, buf, N, &error));
      g_assert_no_error (error);
      assert_same_floats (buf, want_gain, N);
    }

  {
    gsize n_out = 0;
    g_autofree float *want = softlif_neuron_type_step_float (neuron, 0.001, bias, N, &n_out, &error);

    g_assert_no_error (error);
    memcpy (buf, bias, sizeof buf);
    g_assert_true (softlif_neuron_type_step_float_into (neuron, 0.001, buf, N, buf, N, &error));
    g_assert_no_error (error);
    assert_same_floats (buf, want, N);
  }
}

/* }}} */

/* Empty arrays {{{ */

/* Zero-length arrays are valid, NULL or not: the result is an empty,
 * non-NULL array. */
static void
test_empty (void)
{
  g_autoptr(SoftlifNeuronType) neuron = new_soft ();
  g_autoptr(GError) error = NULL;
  const double three[] = { 0.5, 1.0, 2.0 };
  const float three_f[] = { 0.5f, 1.0f, 2.0f };

  {
    gsize n_out = 99;
    g_autofree double *out = softlif_neuron_type_step (neuron, 0.001, NULL, 0, &n_out, &error);
    g_autofree float *out_f = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (out);
    g_assert_cmpuint (n_out, ==, 0);

    n_out = 99;
    out_f = softlif_neuron_type_step_float (neuron, 0.001, NULL, 0, &n_out, &error);
    g_assert_no_error (error);
    g_assert_nonnull (out_f);
    g_assert_cmpuint (n_out, ==, 0);

    g_assert_true (softlif_neuron_type_step_into (neuron, 0.001, NULL, 0, NULL, 0, &error));
    g_assert_no_error (error);
    g_assert_true (softlif_neuron_type_step_float_into (neuron, 0.001, NULL, 0, NULL, 0, &error));
    g_assert_no_error (error);
  }

  for (Op op = OP_CURRENT; op < N_OPS; op++)
    {
      /* No samples, or no neurons. */
      for (int which = 0; which < 2; which++)
        {
          gsize n_x = which == 0 ? 0 : 3;
          gsize n = which == 0 ? 3 : 0;
          const double *x = which == 0 ? NULL : three;
          const double *g = which == 0 ? three : NULL;
          const float *x_f = which == 0 ? NULL : three_f;
          const float *g_f = which == 0 ? three_f : NULL;
          gsize n_out = 99;
          g_autofree double *out = NULL;
          g_autofree float *out_f = NULL;

          g_test_message ("%s with %" G_GSIZE_FORMAT " samples and %" G_GSIZE_FORMAT " neurons",
                          op_names[op], n_x, n);
          out = tuning_new (neuron, op, x, n_x, g, n, g, n, &n_out, &error);
          g_assert_no_error (error);
          g_assert_nonnull (out);
          g_assert_cmpuint (n_out, ==, 0);

          n_out = 99;
          out_f = tuning_new_float (neuron, op, x_f, n_x, g_f, n, g_f, n, &n_out, &error);
          g_assert_no_error (error);
          g_assert_nonnull (out_f);
          g_assert_cmpuint (n_out, ==, 0);

          g_assert_true (tuning_into (neuron, op, x, n_x, g, n, g, n, NULL, 0, &error));
          g_assert_no_error (error);
          g_assert_true (tuning_into_float (neuron, op, x_f, n_x, g_f, n, g_f, n, NULL, 0, &error));
          g_assert_no_error (error);
        }
    }

  {
    g_autofree double *gain = NULL, *bias = NULL;
    g_autofree float *gain_f = NULL, *bias_f = NULL;
    gsize n_out = 99;

    g_assert_true (softlif_neuron_type_gain_bias (neuron, NULL, 0, NULL, 0, &gain, &n_out, &bias, &n_out, &error));
    g_assert_no_error (error);
    g_assert_nonnull (gain);
    g_assert_nonnull (bias);
    g_assert_cmpuint (n_out, ==, 0);

    n_out = 99;
    g_assert_true (softlif_neuron_type_gain_bias_float (neuron, NULL, 0, NULL, 0, &gain_f, &n_out, &bias_f, &n_out, &error));
    g_assert_no_error (error);
    g_assert_nonnull (gain_f);
    g_assert_nonnull (bias_f);
    g_assert_cmpuint (n_out, ==, 0);

    g_assert_true (softlif_neuron_type_gain_bias_into (neuron, NULL, 0, NULL, 0, NULL, NULL, 0,
                                                       &error));
    g_assert_no_error (error);
    g_assert_true (softlif_neuron_type_gain_bias_float_into (neuron, NULL, 0, NULL, 0, NULL, NULL,
                                                             0, &error));
    g_assert_no_error (error);
  }

  {
    g_autofree double *max_rates = NULL, *intercepts = NULL;
    g_autofree float *max_rates_f = NULL, *intercepts_f = NULL;
    gsize n_out = 99;

    g_assert_true (softlif_neuron_type_max_rates_intercepts (neuron, NULL, 0, NULL, 0, &max_rates, &n_out, &intercepts, &n_out, &error));
    g_assert_no_error (error);
    g_assert_nonnull (max_rates);
    g_assert_nonnull (intercepts);
    g_assert_cmpuint (n_out, ==, 0);

    n_out = 99;
    g_assert_true (softlif_neuron_type_max_rates_intercepts_float (neuron, NULL, 0, NULL, 0,
                                                                   &max_rates_f, &n_out, &intercepts_f, &n_out, &error));
    g_assert_no_error (error);
    g_assert_nonnull (max_rates_f);
    g_assert_nonnull (intercepts_f);
    g_assert_cmpuint (n_out, ==, 0);

    g_assert_true (softlif_neuron_type_max_rates_intercepts_into (neuron, NULL, 0, NULL, 0, NULL,
                                                                  NULL, 0, &error));
    g_assert_no_error (error);
    g_assert_true (softlif_neuron_type_max_rates_intercepts_float_into (neuron, NULL, 0, NULL, 0,
                                                                        NULL, NULL, 0, &error));
    g_assert_no_error (error);
  }
}

/* }}} */

/* Size errors {{{ */

/* gain and bias of different lengths: SIZE_MISMATCH, no result, and the
 * caller's buffer untouched. */
static void
test_gain_bias_length_mismatch (void)
{
  g_autoptr(SoftlifNeuronType) neuron = new_soft ();
  const double x[] = { 0.5, 1.0 };
  const double gain[] = { 1.0, 2.0, 3.0 };
  const double bias[] = { 0.5, 0.5 };
  const float x_f[] = { 0.5f, 1.0f };
  const float gain_f[] = { 1.0f, 2.0f, 3.0f };
  const float bias_f[] = { 0.5f, 0.5f };

  for (Op op = OP_CURRENT; op < N_OPS; op++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) error_f = NULL;
      g_autoptr(GError) error_into = NULL;
      g_autoptr(GError) error_into_f = NULL;
      g_autofree double *buf = new_sentinels (6);
      g_autofree float *buf_f = new_sentinels_float (6);
      gsize n_out = 99;
      g_autofree double *out = NULL;
      g_autofree float *out_f = NULL;

      g_test_message ("%s", op_names[op]);
      out = tuning_new (neuron, op, x, 2, gain, 3, bias, 2, &n_out, &error);
      g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
      g_assert_null (out);
      g_assert_cmpuint (n_out, ==, 0);

      n_out = 99;
      out_f = tuning_new_float (neuron, op, x_f, 2, gain_f, 3, bias_f, 2, &n_out, &error_f);
      g_assert_error (error_f, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
      g_assert_null (out_f);
      g_assert_cmpuint (n_out, ==, 0);

      /* Room for either reading of the shape. */
      g_assert_false (tuning_into (neuron, op, x, 2, gain, 3, bias, 2, buf, 6, &error_into));
      g_assert_error (error_into, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
      assert_all_sentinel (buf, 6);

      g_assert_false (tuning_into_float (neuron, op, x_f, 2, gain_f, 3, bias_f, 2, buf_f, 6,
                                         &error_into_f));
      g_assert_error (error_into_f, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
      assert_all_sentinel_float (buf_f, 6);
    }

  /* The same for the pairs. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GError) error_into = NULL;
    g_autofree double *a = NULL, *b = NULL;
    g_autofree double *buf_a = new_sentinels (3);
    g_autofree double *buf_b = new_sentinels (3);
    const double rates[] = { 100.0, 200.0, 300.0 };
    const double intercepts[] = { 0.0, 0.5 };
    gsize n_out = 99;

    g_assert_false (softlif_neuron_type_gain_bias (neuron, rates, 3, intercepts, 2, &a, &n_out, &b, &n_out, &error));
    g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
    g_assert_null (a);
    g_assert_null (b);
    g_assert_cmpuint (n_out, ==, 0);

    g_assert_false (softlif_neuron_type_gain_bias_into (neuron, rates, 3, intercepts, 2,
                                                        buf_a, buf_b, 3, &error_into));
    g_assert_error (error_into, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
    assert_all_sentinel (buf_a, 3);
    assert_all_sentinel (buf_b, 3);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GError) error_into = NULL;
    g_autofree double *a = NULL, *b = NULL;
    g_autofree double *buf_a = new_sentinels (3);
    g_autofree double *buf_b = new_sentinels (3);
    gsize n_out = 99;

    g_assert_false (softlif_neuron_type_max_rates_intercepts (neuron, gain, 3, bias, 2, &a, &n_out, &b, &n_out, &error));
    g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
    g_assert_null (a);
    g_assert_null (b);
    g_assert_cmpuint (n_out, ==, 0);

    g_assert_false (softlif_neuron_type_max_rates_intercepts_into (neuron, gain, 3, bias, 2,
                                                                   buf_a, buf_b, 3, &error_into));
    g_assert_error (error_into, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
    assert_all_sentinel (buf_a, 3);
    assert_all_sentinel (buf_b, 3);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GError) error_into = NULL;
    g_autofree float *a = NULL, *b = NULL;
    g_autofree float *buf_a = new_sentinels_float (3);
    g_autofree float *buf_b = new_sentinels_float (3);
    const float rates[] = { 100.0f, 200.0f, 300.0f };
    const float intercepts[] = { 0.0f, 0.5f };
    gsize n_out = 99;

    g_assert_false (softlif_neuron_type_gain_bias_float (neuron, rates, 3, intercepts, 2, &a, &n_out, &b, &n_out, &error));
    g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
    g_assert_null (a);
    g_assert_cmpuint (n_out, ==, 0);

    g_assert_false (softlif_neuron_type_max_rates_intercepts_float_into (neuron, gain_f, 3, bias_f, 2,
                                                                         buf_a, buf_b, 3, &error_into));
    g_assert_error (error_into, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
    assert_all_sentinel_float (buf_a, 3);
    assert_all_sentinel_float (buf_b, 3);
  }
}

/* An output buffer of the wrong length: SIZE_MISMATCH, nothing written,
 * for a buffer one too short or one too long. */
static void
test_wrong_output_length (void)
{
  g_autoptr(SoftlifNeuronType) neuron = new_lif ();
  const double x[] = { 0.5, 1.0 };
  const double gain[] = { 1.0, 2.0, 3.0 };
  const double bias[] = { 0.5, 0.5, 0.5 };
  const float x_f[] = { 0.5f, 1.0f };
  const float gain_f[] = { 1.0f, 2.0f, 3.0f };
  const float bias_f[] = { 0.5f, 0.5f, 0.5f };
  const double rates[] = { 100.0, 200.0, 300.0 };
  const double intercepts[] = { 0.0, 0.5, -0.5 };
  const float rates_f[] = { 100.0f, 200.0f, 300.0f };
  const float intercepts_f[] = { 0.0f, 0.5f, -0.5f };

  for (int delta = -1; delta <= 1; delta += 2)
    {
      g_autofree double *buf = new_sentinels (8);
      g_autofree double *buf2 = new_sentinels (8);
      g_autofree float *buf_f = new_sentinels_float (8);
      g_autofree float *buf2_f = new_sentinels_float (8);

      for (Op op = OP_CURRENT; op < N_OPS; op++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GError) error_f = NULL;

          g_assert_false (tuning_into (neuron, op, x, 2, gain, 3, bias, 3, buf, 6 + delta, &error));
          g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
          assert_all_sentinel (buf, 8);

          g_assert_false (tuning_into_float (neuron, op, x_f, 2, gain_f, 3, bias_f, 3,
                                             buf_f, 6 + delta, &error_f));
          g_assert_error (error_f, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
          assert_all_sentinel_float (buf_f, 8);
        }

      {
        g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
        g_autoptr(GError) e5 = NULL, e6 = NULL, e7 = NULL, e8 = NULL;

        g_assert_false (softlif_neuron_type_step_into (neuron, 0.001, gain, 3, buf, 3 + delta, &e1));
        g_assert_error (e1, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
        g_assert_false (softlif_neuron_type_step_float_into (neuron, 0.001, gain_f, 3, buf_f,
                                                             3 + delta, &e2));
        g_assert_error (e2, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);

        g_assert_false (softlif_neuron_type_gain_bias_into (neuron, rates, 3, intercepts, 3,
                                                            buf, buf2, 3 + delta, &e3));
        g_assert_error (e3, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
        g_assert_false (softlif_neuron_type_gain_bias_float_into (neuron, rates_f, 3, intercepts_f, 3,
                                                                  buf_f, buf2_f, 3 + delta, &e4));
        g_assert_error (e4, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);

        g_assert_false (softlif_neuron_type_max_rates_intercepts_into (neuron, gain, 3, bias, 3,
                                                                       buf, buf2, 3 + delta, &e5));
        g_assert_error (e5, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
        g_assert_false (softlif_neuron_type_max_rates_intercepts_float_into (neuron, gain_f, 3,
                                                                             bias_f, 3, buf_f,
                                                                             buf2_f, 3 + delta,
                                                                             &e6));
        g_assert_error (e6, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);

        /* No room at all for a non-empty result. */
        g_assert_false (softlif_neuron_type_step_into (neuron, 0.001, gain, 3, NULL, 0, &e7));
        g_assert_error (e7, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
        g_assert_false (softlif_neuron_type_rates_into (neuron, x, 2, gain, 3, bias, 3, NULL, 0, &e8));
        g_assert_error (e8, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
      }

      assert_all_sentinel (buf, 8);
      assert_all_sentinel (buf2, 8);
      assert_all_sentinel_float (buf_f, 8);
      assert_all_sentinel_float (buf2_f, 8);
    }
}

/* }}} */

/* The time step {{{ */

static void
test_invalid_dt (void)
{
  g_autoptr(SoftlifNeuronType) neuron = new_soft ();
  const double bad[] = { 0.0, -0.0, -0.001, -INFINITY, INFINITY, NAN };
  const double J[] = { 0.5, 1.5 };
  const float J_f[] = { 0.5f, 1.5f };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
      double buf[2] = { SENTINEL, SENTINEL };
      float buf_f[2] = { (float) SENTINEL, (float) SENTINEL };
      gsize n_out = 99;
      g_autofree double *out = NULL;
      g_autofree float *out_f = NULL;

      g_test_message ("dt = %g", bad[i]);
      out = softlif_neuron_type_step (neuron, bad[i], J, 2, &n_out, &e1);
      g_assert_error (e1, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
      g_assert_null (out);
      g_assert_cmpuint (n_out, ==, 0);

      n_out = 99;
      out_f = softlif_neuron_type_step_float (neuron, bad[i], J_f, 2, &n_out, &e2);
      g_assert_error (e2, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
      g_assert_null (out_f);
      g_assert_cmpuint (n_out, ==, 0);

      g_assert_false (softlif_neuron_type_step_into (neuron, bad[i], J, 2, buf, 2, &e3));
      g_assert_error (e3, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
      assert_all_sentinel (buf, 2);

      g_assert_false (softlif_neuron_type_step_float_into (neuron, bad[i], J_f, 2, buf_f, 2, &e4));
      g_assert_error (e4, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
      assert_all_sentinel_float (buf_f, 2);
    }

  /* Even with nothing to compute. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (softlif_neuron_type_step_into (neuron, 0.0, NULL, 0, NULL, 0, &error));
    g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
  }
}

/* }}} */

/* Programmer errors {{{ */

/* NULL for an array with elements is a programmer error: a critical
 * warning, which the test harness makes fatal. */
typedef enum {
  NULL_STEP_J,
  NULL_STEP_INTO_OUT,
  NULL_STEP_N_OUT,
  NULL_RATES_X,
  NULL_RATES_GAIN,
  NULL_RATES_BIAS,
  NULL_RATES_INTO_OUT,
  NULL_CURRENT_FLOAT_X,
  NULL_DERIVATIVE_FLOAT_INTO_OUT,
  NULL_GAIN_BIAS_MAX_RATES,
  NULL_GAIN_BIAS_INTO_BIAS,
  NULL_MAX_RATES_INTERCEPTS_INTO_OUT,
  N_NULL_CASES
} NullCase;

static const char *const null_case_names[N_NULL_CASES] = {
  "step-J", "step-into-out", "step-n-out", "rates-x", "rates-gain", "rates-bias",
  "rates-into-out", "current-float-x", "derivative-float-into-out",
  "gain-bias-max-rates", "gain-bias-into-bias", "max-rates-intercepts-into-out",
};

static void
call_with_null (NullCase which)
{
  g_autoptr(SoftlifNeuronType) neuron = new_lif ();
  const double a[] = { 0.5, 1.5, 2.5, 3.5 };
  const float a_f[] = { 0.5f, 1.5f, 2.5f, 3.5f };
  double out[4];
  float out_f[4];
  gsize n_out;
  g_autofree double *r = NULL, *r2 = NULL;
  g_autofree float *r_f = NULL;

  switch (which)
    {
    case NULL_STEP_J:
      r = softlif_neuron_type_step (neuron, 0.001, NULL, 3, &n_out, NULL);
      break;
    case NULL_STEP_INTO_OUT:
      softlif_neuron_type_step_into (neuron, 0.001, a, 3, NULL, 3, NULL);
      break;
    case NULL_STEP_N_OUT:
      r = softlif_neuron_type_step (neuron, 0.001, a, 3, NULL, NULL);
      break;
    case NULL_RATES_X:
      r = softlif_neuron_type_rates (neuron, NULL, 2, a, 2, a, 2, &n_out, NULL);
      break;
    case NULL_RATES_GAIN:
      r = softlif_neuron_type_rates (neuron, a, 2, NULL, 2, a, 2, &n_out, NULL);
      break;
    case NULL_RATES_BIAS:
      r = softlif_neuron_type_rates (neuron, a, 2, a, 2, NULL, 2, &n_out, NULL);
      break;
    case NULL_RATES_INTO_OUT:
      softlif_neuron_type_rates_into (neuron, a, 2, a, 2, a, 2, NULL, 4, NULL);
      break;
    case NULL_CURRENT_FLOAT_X:
      r_f = softlif_neuron_type_current_float (neuron, NULL, 2, a_f, 2, a_f, 2, &n_out, NULL);
      break;
    case NULL_DERIVATIVE_FLOAT_INTO_OUT:
      softlif_neuron_type_derivative_float_into (neuron, a_f, 2, a_f, 2, a_f, 2, NULL, 4, NULL);
      break;
    case NULL_GAIN_BIAS_MAX_RATES:
      softlif_neuron_type_gain_bias (neuron, NULL, 2, a, 2, &r, &n_out, &r2, &n_out, NULL);
      break;
    case NULL_GAIN_BIAS_INTO_BIAS:
      softlif_neuron_type_gain_bias_into (neuron, a, 2, a, 2, out, NULL, 2, NULL);
      break;
    case NULL_MAX_RATES_INTERCEPTS_INTO_OUT:
      softlif_neuron_type_max_rates_intercepts_float_into (neuron, a_f, 2, a_f, 2, NULL, out_f, 2,
                                                           NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_null_array (gconstpointer data)
{
  NullCase which = GPOINTER_TO_INT (data);

#ifdef SOFTLIF_LIBRARY_WITHOUT_CHECKS
  g_test_skip ("the library was built with --enable-debug=no, without the checks of programmer errors");
  return;
#endif

  if (g_test_subprocess ())
    {
      call_with_null (which);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*");
}

/* }}} */

/* Gain and bias {{{ */

/* The reference LIF rate of amplitude 1 (nengo's gain_bias ignores the
 * amplitude) as a function of u = log (J - 1): the excess current spans
 * hundreds of decades, and J itself could not hold 1 + 1e-22. */
typedef struct {
  SoftlifRefParams p;
  double max_rate;
} RootProblem;

static double
rate_minus_target (double  u,
                   void   *data)
{
  const RootProblem *rp = data;
  long double t = expl ((long double) u);

  return (double) (softlif_ref_rate_of_log (&rp->p, softlif_ref_log1p_inv (t)) - rp->max_rate);
}

/* The excess current J - 1 at which the reference rate is max_rate, by
 * Brent's method on u = log (J - 1) in [-740, 60]. */
static long double
excess_for_rate (const SoftlifRefParams *p,
                 double                  max_rate)
{
  RootProblem rp = { *p, max_rate };
  gsl_function f = { rate_minus_target, &rp };
  gsl_root_fsolver *solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  double lo = -740.0, hi = 60.0, u = 0.0;
  int status = GSL_CONTINUE;

  rp.p.amplitude = 1.0;
  g_assert_cmpint (gsl_root_fsolver_set (solver, &f, lo, hi), ==, GSL_SUCCESS);
  for (int iter = 0; iter < 200 && status == GSL_CONTINUE; iter++)
    {
      g_assert_cmpint (gsl_root_fsolver_iterate (solver), ==, GSL_SUCCESS);
      u = gsl_root_fsolver_root (solver);
      lo = gsl_root_fsolver_x_lower (solver);
      hi = gsl_root_fsolver_x_upper (solver);
      status = gsl_root_test_interval (lo, hi, 1e-15, 1e-15);
    }
  gsl_root_fsolver_free (solver);
  g_assert_cmpint (status, ==, GSL_SUCCESS);
  return expl ((long double) u);
}

static double
relative_error (long double value,
                long double want,
                long double scale)
{
  return (double) (fabsl (value - want) / scale);
}

/* gain and bias against the line through (intercept, 1) and (1, J) with
 * J from a root finder on the reference rate. */
static void
test_gain_bias_root_finder (void)
{
  static const double tau_rcs[] = { 0.02, 0.05 };
  static const double tau_refs[] = { 0.002, 0.0005, 0.0 };
  static const double fractions[] = { 1e-3, 0.02, 0.1, 0.25, 0.5, 0.8, 0.95, 0.99 };
  static const double intercepts[] = { -0.999, -0.5, 0.0, 0.3, 0.5, 0.95 };
  double worst_gain = 0.0, worst_bias = 0.0;

  for (gsize a = 0; a < G_N_ELEMENTS (tau_rcs); a++)
    for (gsize b = 0; b < G_N_ELEMENTS (tau_refs); b++)
      {
        SoftlifRefParams p = { .sigma = 0.5, .epsilon = 1e-15, .tau_rc = tau_rcs[a],
                               .tau_ref = tau_refs[b], .amplitude = 0.063 };
        /* Without a refractory period there is no upper limit. */
        double top = p.tau_ref > 0.0 ? 1.0 / p.tau_ref : 5000.0;
        g_autoptr(SoftlifNeuronType) lif =
          (SoftlifNeuronType *) softlif_lif_rate_new_full (p.tau_rc, p.tau_ref, 1.0, NULL);
        g_autoptr(SoftlifNeuronType) soft =
          (SoftlifNeuronType *) softlif_soft_lif_rate_new_full (p.sigma, p.tau_rc, p.tau_ref,
                                                                p.amplitude, p.epsilon, NULL);
        gsize n = G_N_ELEMENTS (fractions) * G_N_ELEMENTS (intercepts);
        g_autofree double *max_rates = g_new (double, n);
        g_autofree double *c = g_new (double, n);
        g_autofree double *gain = NULL, *bias = NULL, *gain_soft = NULL, *bias_soft = NULL;
        g_autoptr(GError) error = NULL;
        gsize n_out = 0;

        for (gsize i = 0; i < G_N_ELEMENTS (fractions); i++)
          for (gsize k = 0; k < G_N_ELEMENTS (intercepts); k++)
            {
              max_rates[i * G_N_ELEMENTS (intercepts) + k] = fractions[i] * top;
              c[i * G_N_ELEMENTS (intercepts) + k] = intercepts[k];
            }

        g_assert_true (softlif_neuron_type_gain_bias (lif, max_rates, n, c, n, &gain, &n_out, &bias, &n_out, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (n_out, ==, n);

        /* The soft LIF neuron uses the same formulas, whatever its
         * amplitude and sigma. */
        g_assert_true (softlif_neuron_type_gain_bias (soft, max_rates, n, c, n, &gain_soft, &n_out, &bias_soft, &n_out, &error));
        g_assert_no_error (error);
        g_assert_cmpmem (gain_soft, n * sizeof (double), gain, n * sizeof (double));
        g_assert_cmpmem (bias_soft, n * sizeof (double), bias, n * sizeof (double));

        for (gsize i = 0; i < n; i++)
          {
            long double t = excess_for_rate (&p, max_rates[i]);
            long double g = t / (1.0L - c[i]);
            long double bb = 1.0L - g * c[i];

            worst_gain = MAX (worst_gain, relative_error (gain[i], g, g));
            /* bias may cancel to 0: relative to the terms of 1 - g c. */
            worst_bias = MAX (worst_bias, relative_error (bias[i], bb, 1.0L + fabsl (g * c[i])));
          }
      }

  g_test_message ("largest relative error: gain %.3g, bias %.3g", worst_gain, worst_bias);
  g_assert_cmpfloat (worst_gain, <=, 1e-10);
  g_assert_cmpfloat (worst_bias, <=, 1e-10);
}

/* gain_bias and max_rates_intercepts undo each other where the numbers
 * are well conditioned: rates not too close to 0 or to 1 / tau_ref, so
 * that the excess current J - 1 is not lost next to the bias. */
static void
test_round_trip (gconstpointer data)
{
  g_autoptr(SoftlifNeuronType) neuron = new_neuron (data);
  static const double rates[] = { 10.0, 40.0, 100.0, 200.0, 300.0, 400.0, 450.0 };
  static const double intercepts[] = { -0.99, -0.5, 0.0, 0.25, 0.5, 0.9 };
  static const double gains[] = { 0.5, 1.0, 2.0, 10.0, 50.0 };
  static const double excesses[] = { 0.01, 0.1, 1.0, 10.0, 100.0 };
  /* In float the rounding of a bias near 1 must not swamp the excess
   * current, nor the rounding of an intercept near 1 its distance to 1:
   * no rates as low as 10 Hz, no excess current much below the gain. */
  static const float rates_f[] = { 40.0f, 100.0f, 200.0f, 300.0f, 400.0f, 450.0f };
  static const float gains_f[] = { 0.5f, 1.0f, 2.0f, 5.0f };
  static const float excesses_f[] = { 0.1f, 1.0f, 10.0f, 100.0f };
  enum { N1 = G_N_ELEMENTS (rates) * G_N_ELEMENTS (intercepts),
         N2 = G_N_ELEMENTS (gains) * G_N_ELEMENTS (excesses),
         N1F = G_N_ELEMENTS (rates_f) * G_N_ELEMENTS (intercepts),
         N2F = G_N_ELEMENTS (gains_f) * G_N_ELEMENTS (excesses_f) };
  double m[N1], c[N1], g[N2], b[N2];
  float m_f[N1F], c_f[N1F], g_f[N2F], b_f[N2F];
  double worst = 0.0, worst_f = 0.0;

  for (gsize i = 0; i < G_N_ELEMENTS (rates); i++)
    for (gsize k = 0; k < G_N_ELEMENTS (intercepts); k++)
      {
        m[i * G_N_ELEMENTS (intercepts) + k] = rates[i];
        c[i * G_N_ELEMENTS (intercepts) + k] = intercepts[k];
      }
  for (gsize i = 0; i < G_N_ELEMENTS (rates_f); i++)
    for (gsize k = 0; k < G_N_ELEMENTS (intercepts); k++)
      {
        m_f[i * G_N_ELEMENTS (intercepts) + k] = rates_f[i];
        c_f[i * G_N_ELEMENTS (intercepts) + k] = intercepts[k];
      }
  for (gsize i = 0; i < G_N_ELEMENTS (gains); i++)
    for (gsize k = 0; k < G_N_ELEMENTS (excesses); k++)
      {
        g[i * G_N_ELEMENTS (excesses) + k] = gains[i];
        b[i * G_N_ELEMENTS (excesses) + k] = 1.0 + excesses[k] - gains[i];
      }
  for (gsize i = 0; i < G_N_ELEMENTS (gains_f); i++)
    for (gsize k = 0; k < G_N_ELEMENTS (excesses_f); k++)
      {
        g_f[i * G_N_ELEMENTS (excesses_f) + k] = gains_f[i];
        b_f[i * G_N_ELEMENTS (excesses_f) + k] = 1.0f + excesses_f[k] - gains_f[i];
      }

  /* double: (max rate, intercept) -> (gain, bias) -> back, and the
   * other way round. */
  {
    g_autoptr(GError) error = NULL;
    double gain[N1], bias[N1], m2[N1], c2[N1];
    double m3[N2], c3[N2], g3[N2], b3[N2];

    g_assert_true (softlif_neuron_type_gain_bias_into (neuron, m, N1, c, N1, gain, bias, N1, &error));
    g_assert_no_error (error);
    g_assert_true (softlif_neuron_type_max_rates_intercepts_into (neuron, gain, N1, bias, N1,
                                                                  m2, c2, N1, &error));
    g_assert_no_error (error);
    for (gsize i = 0; i < N1; i++)
      {
        worst = MAX (worst, fabs (m2[i] - m[i]) / m[i]);
        worst = MAX (worst, fabs (c2[i] - c[i]) / MAX (fabs (c[i]), 1.0));
      }

    g_assert_true (softlif_neuron_type_max_rates_intercepts_into (neuron, g, N2, b, N2,
                                                                  m3, c3, N2, &error));
    g_assert_no_error (error);
    g_assert_true (softlif_neuron_type_gain_bias_into (neuron, m3, N2, c3, N2, g3, b3, N2, &error));
    g_assert_no_error (error);
    for (gsize i = 0; i < N2; i++)
      {
        worst = MAX (worst, fabs (g3[i] - g[i]) / g[i]);
        worst = MAX (worst, fabs (b3[i] - b[i]) / MAX (fabs (b[i]), g[i]));
      }
  }

  /* float, to float precision. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree float *gain = NULL, *bias = NULL, *m2 = NULL, *c2 = NULL;
    g_autofree float *m3 = NULL, *c3 = NULL, *g3 = NULL, *b3 = NULL;
    gsize n_out = 0;

    g_assert_true (softlif_neuron_type_gain_bias_float (neuron, m_f, N1F, c_f, N1F, &gain, &n_out, &bias, &n_out, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_out, ==, N1F);
    g_assert_true (softlif_neuron_type_max_rates_intercepts_float (neuron, gain, N1F, bias, N1F,
                                                                   &m2, &n_out, &c2, &n_out, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_out, ==, N1F);
    for (gsize i = 0; i < N1F; i++)
      {
        worst_f = MAX (worst_f, fabs (m2[i] - m_f[i]) / m_f[i]);
        worst_f = MAX (worst_f, fabs (c2[i] - c_f[i]) / MAX (fabs (c_f[i]), 1.0));
      }

    g_assert_true (softlif_neuron_type_max_rates_intercepts_float (neuron, g_f, N2F, b_f, N2F,
                                                                   &m3, &n_out, &c3, &n_out, &error));
    g_assert_no_error (error);
    g_assert_true (softlif_neuron_type_gain_bias_float (neuron, m3, N2F, c3, N2F, &g3, &n_out, &b3, &n_out, &error));
    g_assert_no_error (error);
    for (gsize i = 0; i < N2F; i++)
      {
        worst_f = MAX (worst_f, fabs (g3[i] - g_f[i]) / g_f[i]);
        worst_f = MAX (worst_f, fabs (b3[i] - b_f[i]) / MAX (fabs (b_f[i]), g_f[i]));
      }
  }

  g_test_message ("largest relative round-trip error: double %.3g, float %.3g", worst, worst_f);
  g_assert_cmpfloat (worst, <=, 1e-10);
  g_assert_cmpfloat (worst_f, <=, 1e-5);
}

/* A maximum rate or intercept out of range: OUT_OF_RANGE, and nothing
 * written even for the valid neurons before it. */
static void
test_gain_bias_out_of_range (void)
{
  g_autoptr(SoftlifNeuronType) neuron = new_soft ();   /* tau_ref 0.001 */
  static const struct {
    double max_rate;
    double intercept;
  } bad[] = {
    { 1000.0, 0.0 },            /* = 1 / tau_ref */
    { 1500.0, 0.0 },
    { 0.0, 0.0 },
    { -10.0, 0.0 },
    { NAN, 0.0 },
    { INFINITY, 0.0 },
    { 100.0, 1.0 },
    { 100.0, 1.5 },
    { 100.0, NAN },
    { 100.0, INFINITY },
    { 100.0, -INFINITY },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
      const double m[] = { 100.0, 200.0, bad[i].max_rate };
      const double c[] = { 0.0, 0.5, bad[i].intercept };
      const float m_f[] = { 100.0f, 200.0f, (float) bad[i].max_rate };
      const float c_f[] = { 0.0f, 0.5f, (float) bad[i].intercept };
      g_autofree double *gain = NULL, *bias = NULL;
      g_autofree float *gain_f = NULL, *bias_f = NULL;
      g_autofree double *buf_g = new_sentinels (3);
      g_autofree double *buf_b = new_sentinels (3);
      g_autofree float *buf_g_f = new_sentinels_float (3);
      g_autofree float *buf_b_f = new_sentinels_float (3);
      gsize n_out = 99;

      g_test_message ("max rate %g, intercept %g", bad[i].max_rate, bad[i].intercept);
      g_assert_false (softlif_neuron_type_gain_bias (neuron, m, 3, c, 3, &gain, &n_out, &bias, &n_out, &e1));
      g_assert_error (e1, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
      g_assert_null (gain);
      g_assert_null (bias);
      g_assert_cmpuint (n_out, ==, 0);

      g_assert_false (softlif_neuron_type_gain_bias_into (neuron, m, 3, c, 3, buf_g, buf_b, 3, &e2));
      g_assert_error (e2, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
      assert_all_sentinel (buf_g, 3);
      assert_all_sentinel (buf_b, 3);

      n_out = 99;
      g_assert_false (softlif_neuron_type_gain_bias_float (neuron, m_f, 3, c_f, 3, &gain_f, &n_out, &bias_f, &n_out, &e3));
      g_assert_error (e3, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
      g_assert_null (gain_f);
      g_assert_cmpuint (n_out, ==, 0);

      g_assert_false (softlif_neuron_type_gain_bias_float_into (neuron, m_f, 3, c_f, 3,
                                                                buf_g_f, buf_b_f, 3, &e4));
      g_assert_error (e4, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
      assert_all_sentinel_float (buf_g_f, 3);
      assert_all_sentinel_float (buf_b_f, 3);
    }

  /* Just below 1 / tau_ref works; without a refractory period any
   * positive rate does. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SoftlifNeuronType) no_ref =
      (SoftlifNeuronType *) softlif_lif_rate_new_full (0.02, 0.0, 1.0, NULL);
    const double m[] = { 999.0, 1e6 };
    const double c[] = { 0.0, -0.5 };
    double gain[2], bias[2];

    g_assert_true (softlif_neuron_type_gain_bias_into (neuron, m, 1, c, 1, gain, bias, 1, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (gain[0], >, 0.0);
    g_assert_true (softlif_neuron_type_gain_bias_into (no_ref, m, 2, c, 2, gain, bias, 2, &error));
    g_assert_no_error (error);
    g_assert_true (isfinite (gain[1]) && gain[1] > gain[0]);
  }
}

/* A gain of 0 or a value that is not finite: OUT_OF_RANGE, nothing written. */
static void
test_max_rates_intercepts_out_of_range (void)
{
  g_autoptr(SoftlifNeuronType) neuron = new_lif ();
  static const struct {
    double gain;
    double bias;
  } bad[] = {
    { 0.0, 1.5 },
    { -0.0, 1.5 },
    { NAN, 1.5 },
    { INFINITY, 1.5 },
    { -INFINITY, 1.5 },
    { 2.0, NAN },
    { 2.0, INFINITY },
    { 2.0, -INFINITY },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;
      const double g[] = { 1.0, 2.0, bad[i].gain };
      const double b[] = { 0.5, 0.0, bad[i].bias };
      const float g_f[] = { 1.0f, 2.0f, (float) bad[i].gain };
      const float b_f[] = { 0.5f, 0.0f, (float) bad[i].bias };
      g_autofree double *m = NULL, *c = NULL;
      g_autofree double *buf_m = new_sentinels (3);
      g_autofree double *buf_c = new_sentinels (3);
      g_autofree float *buf_m_f = new_sentinels_float (3);
      g_autofree float *buf_c_f = new_sentinels_float (3);
      gsize n_out = 99;

      g_test_message ("gain %g, bias %g", bad[i].gain, bad[i].bias);
      g_assert_false (softlif_neuron_type_max_rates_intercepts (neuron, g, 3, b, 3, &m, &n_out, &c, &n_out, &e1));
      g_assert_error (e1, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
      g_assert_null (m);
      g_assert_null (c);
      g_assert_cmpuint (n_out, ==, 0);

      g_assert_false (softlif_neuron_type_max_rates_intercepts_into (neuron, g, 3, b, 3,
                                                                     buf_m, buf_c, 3, &e2));
      g_assert_error (e2, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
      assert_all_sentinel (buf_m, 3);
      assert_all_sentinel (buf_c, 3);

      g_assert_false (softlif_neuron_type_max_rates_intercepts_float_into (neuron, g_f, 3, b_f, 3,
                                                                           buf_m_f, buf_c_f, 3,
                                                                           &e3));
      g_assert_error (e3, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
      assert_all_sentinel_float (buf_m_f, 3);
      assert_all_sentinel_float (buf_c_f, 3);
    }
}

/* The maximum rate is the reference LIF rate of amplitude 1 at x = 1,
 * J = gain + bias; 0 for a neuron silent there. */
static void
test_max_rates_intercepts_values (gconstpointer data)
{
  g_autoptr(SoftlifNeuronType) neuron = new_neuron (data);
  static const double g[] = { 1.0, 0.5, -1.0, 1e-3, 2.0, 0.7, 30.0, -4.0 };
  static const double b[] = { 0.0, 0.2, 1.5, 0.0, 0.0, 0.5, -20.0, 7.5 };
  enum { N = G_N_ELEMENTS (g) };
  SoftlifRefParams p = { 0 };
  double m[N], c[N];
  g_autoptr(GError) error = NULL;

  g_object_get (neuron, "tau-rc", &p.tau_rc, "tau-ref", &p.tau_ref, NULL);
  p.amplitude = 1.0;

  g_assert_true (softlif_neuron_type_max_rates_intercepts_into (neuron, g, N, b, N, m, c, N, &error));
  g_assert_no_error (error);

  for (gsize i = 0; i < N; i++)
    {
      long double t = (long double) g[i] + b[i] - 1.0L;

      g_test_message ("gain %g, bias %g: max rate %.17g, intercept %.17g", g[i], b[i], m[i], c[i]);
      g_assert_cmpfloat (c[i], ==, (1.0 - b[i]) / g[i]);
      if (t <= 0.0L)
        g_assert_cmpfloat (m[i], ==, 0.0);
      else
        {
          long double want = softlif_ref_rate_of_log (&p, softlif_ref_log1p_inv (t));

          g_assert_cmpfloat (relative_error (m[i], want, want), <=, 1e-12);
        }
    }
  /* The first four are silent at x = 1, the others not. */
  g_assert_cmpfloat (m[0], ==, 0.0);
  g_assert_cmpfloat (m[3], ==, 0.0);
  g_assert_cmpfloat (m[4], >, 0.0);
  g_assert_cmpfloat (m[7], >, 0.0);

  /* The float form, to float precision. */
  {
    float g_f[N], b_f[N], m_f[N], c_f[N];

    for (gsize i = 0; i < N; i++)
      {
        g_f[i] = (float) g[i];
        b_f[i] = (float) b[i];
      }
    g_assert_true (softlif_neuron_type_max_rates_intercepts_float_into (neuron, g_f, N, b_f, N,
                                                                        m_f, c_f, N, &error));
    g_assert_no_error (error);
    for (gsize i = 0; i < N; i++)
      {
        g_assert_cmpfloat (fabs (m_f[i] - m[i]), <=, 1e-6 * m[i]);
        g_assert_cmpfloat (fabs (c_f[i] - c[i]), <=, 1e-6 * fabs (c[i]));
      }
  }
}

/* }}} */

int
main (int argc, char *argv[])
{
  static const char *const class_names[] = { "lif-rate", "soft-lif-rate" };

  g_test_init (&argc, &argv, NULL);
  /* Report every failing test, not only the first one. */
  g_test_set_nonfatal_assertions ();
  gsl_set_error_handler_off ();

  for (gsize i = 0; i < G_N_ELEMENTS (factories); i++)
    {
      gconstpointer f = GINT_TO_POINTER (i);
      g_autofree char *layout = g_strdup_printf ("/%s/rates/row-major", class_names[i]);
      g_autofree char *layout_f = g_strdup_printf ("/%s/rates/row-major-float", class_names[i]);
      g_autofree char *step = g_strdup_printf ("/%s/step/into-matches-new", class_names[i]);
      g_autofree char *in_place = g_strdup_printf ("/%s/rates/in-place", class_names[i]);
      g_autofree char *in_place_f = g_strdup_printf ("/%s/rates/in-place-float", class_names[i]);
      g_autofree char *round_trip = g_strdup_printf ("/%s/gain-bias/round-trip", class_names[i]);
      g_autofree char *values = g_strdup_printf ("/%s/max-rates-intercepts/values", class_names[i]);

      g_test_add_data_func (layout, f, test_layout);
      g_test_add_data_func (layout_f, f, test_layout_float);
      g_test_add_data_func (step, f, test_step_into);
      g_test_add_data_func (in_place, f, test_in_place);
      g_test_add_data_func (in_place_f, f, test_in_place_float);
      g_test_add_data_func (round_trip, f, test_round_trip);
      g_test_add_data_func (values, f, test_max_rates_intercepts_values);
    }

  g_test_add_func ("/neuron-type/empty-arrays", test_empty);
  g_test_add_func ("/neuron-type/size-mismatch/gain-bias", test_gain_bias_length_mismatch);
  g_test_add_func ("/neuron-type/size-mismatch/output", test_wrong_output_length);
  g_test_add_func ("/neuron-type/step/invalid-dt", test_invalid_dt);
  for (int i = 0; i < N_NULL_CASES; i++)
    {
      g_autofree char *path = g_strdup_printf ("/neuron-type/programmer-error/null-%s",
                                               null_case_names[i]);

      g_test_add_data_func (path, GINT_TO_POINTER (i), test_null_array);
    }

  g_test_add_func ("/lif-rate/gain-bias/matches-root-finder", test_gain_bias_root_finder);
  g_test_add_func ("/neuron-type/gain-bias/out-of-range", test_gain_bias_out_of_range);
  g_test_add_func ("/neuron-type/max-rates-intercepts/out-of-range",
                   test_max_rates_intercepts_out_of_range);

  return g_test_run ();
}
