/* corpus.c: prints a hash of the output of every public operation
 *
 * One line per case, "<case> <sha256>", for the kernel set the library
 * picks (SOFTLIF_KERNELS chooses one). corpus.sh runs this program once
 * per kernel set and compares the lines with tests/corpus.txt, so that a
 * change meant to leave the numbers alone (a refactoring, a new
 * compiler flag) is held to every bit of every result. HACKING.md says
 * how to regenerate the file when a kernel is meant to change.
 *
 * The cases: both neuron types on several parameter sets (defaults,
 * narrow and wide sigma, epsilon 0 and tiny, tau_ref 0, extreme scales);
 * currents through the tails, the threshold and the special values;
 * every operation in both precisions, where the three forms (new array,
 * caller buffer, GBytes) and computing in place must agree bit for bit
 * before one hash is taken; errors as their code and message.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <softlif.h>

static gboolean all_forms_agree = TRUE;

/* Inputs {{{ */

static GArray *
make_currents (void)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (gdouble));
  static const gdouble special[] = {
    NAN, INFINITY, -INFINITY, 0.0, -0.0, 1.0, -1.0, 2.0, 1e300, -1e300,
    DBL_MAX, -DBL_MAX, DBL_MIN, 5e-324, -5e-324, 1.0 + DBL_EPSILON,
    1.0 - DBL_EPSILON / 2, 1.0 + 1e-9, 1.0 - 1e-9, 0x1p63, -0x1p63, 0x1p64,
    -745.0, -600.0, -700.0, -40.0, 40.0, 1e15, 1e16, 1e17, FLT_MAX,
    (double) FLT_MAX * 2, FLT_MIN, 1e-45,
  };

  g_array_append_vals (a, special, G_N_ELEMENTS (special));
  /* both signs of 10^-8 .. 10^8, then the threshold region densely; the
   * length is not a multiple of any vector width */
  for (int i = 0; i <= 640; i++)
    {
      gdouble v = pow (10.0, -8.0 + 16.0 * i / 640.0);

      g_array_append_val (a, v);
      v = -v;
      g_array_append_val (a, v);
    }
  for (int i = 0; i <= 1500; i++)
    {
      gdouble v = -1.0 + 4.0 * i / 1500.0;

      g_array_append_val (a, v);
    }
  for (int i = 0; i <= 200; i++)
    {
      gdouble v = -2000.0 + 10.0 * i;

      g_array_append_val (a, v);
    }
  return a;
}

static GArray *
make_x (void)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (gdouble));
  static const gdouble special[] = { NAN, INFINITY, -INFINITY, -0.0, 1e300, -1e300 };

  g_array_append_vals (a, special, G_N_ELEMENTS (special));
  for (int i = 0; i <= 3000; i++)
    {
      gdouble v = -1.5 + 3.0 * i / 3000.0;

      g_array_append_val (a, v);
    }
  return a;
}

/* }}} */

/* Hashing {{{ */

static void
print_hash (const char    *name,
            gconstpointer  data,
            gsize          size)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint64 n = size;

  g_checksum_update (sum, (const guchar *) &n, sizeof n);
  if (size > 0)
    g_checksum_update (sum, data, size);
  g_print ("%s %s\n", name, g_checksum_get_string (sum));
}

static void
print_error (const char   *name,
             const GError *error)
{
  g_autofree char *text = g_strdup_printf ("error %s %d %s", g_quark_to_string (error->domain),
                                           error->code, error->message);

  print_hash (name, text, strlen (text));
}

static void
expect_same (const char    *name,
             const char    *form,
             gconstpointer  a,
             gconstpointer  b,
             gsize          size)
{
  if (size > 0 && memcmp (a, b, size) != 0)
    {
      g_printerr ("%s: the %s form differs\n", name, form);
      all_forms_agree = FALSE;
    }
}

/* }}} */

static gpointer
to_dtype (const gdouble *v,
          gsize          n,
          SoftlifDtype   dtype)
{
  if (dtype == SOFTLIF_DTYPE_FLOAT64)
    return g_memdup2 (v, MAX (n, 1) * sizeof (gdouble));
  else
    {
      gfloat *f = g_new (gfloat, MAX (n, 1));

      for (gsize i = 0; i < n; i++)
        f[i] = (gfloat) v[i];
      return f;
    }
}

static gsize
width (SoftlifDtype dtype)
{
  return dtype == SOFTLIF_DTYPE_FLOAT64 ? sizeof (gdouble) : sizeof (gfloat);
}

/* step: new array, caller buffer, in place, GBytes (aligned and not) */
static void
check_step (SoftlifNeuronType *neuron,
            const char        *prefix,
            SoftlifDtype       dtype,
            const gdouble     *J64,
            gsize              n)
{
  g_autofree char *name = g_strdup_printf ("%s/step/%s", prefix,
                                           dtype == SOFTLIF_DTYPE_FLOAT64 ? "f64" : "f32");
  g_autofree gpointer J = to_dtype (J64, n, dtype);
  g_autofree gpointer out = NULL;
  g_autofree gpointer into = g_malloc (n * width (dtype));
  g_autofree gpointer inplace = g_memdup2 (J, n * width (dtype));
  g_autofree guint8 *shifted = g_malloc (n * width (dtype) + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) unaligned = NULL;
  g_autoptr(GBytes) result = NULL;
  g_autoptr(GBytes) result2 = NULL;
  g_autoptr(GError) error = NULL;
  gsize n_out = 0;
  gboolean ok;

  if (dtype == SOFTLIF_DTYPE_FLOAT64)
    {
      out = softlif_neuron_type_step (neuron, 0.001, J, n, &n_out, &error);
      ok = softlif_neuron_type_step_into (neuron, 0.001, J, n, into, n, NULL);
      ok = ok && softlif_neuron_type_step_into (neuron, 0.001, inplace, n, inplace, n, NULL);
    }
  else
    {
      out = softlif_neuron_type_step_float (neuron, 0.001, J, n, &n_out, &error);
      ok = softlif_neuron_type_step_float_into (neuron, 0.001, J, n, into, n, NULL);
      ok = ok && softlif_neuron_type_step_float_into (neuron, 0.001, inplace, n, inplace, n, NULL);
    }
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (n_out, ==, n);

  bytes = g_bytes_new (J, n * width (dtype));
  memcpy (shifted + 1, J, n * width (dtype));
  unaligned = g_bytes_new_static (shifted + 1, n * width (dtype));
  result = softlif_neuron_type_step_bytes (neuron, 0.001, dtype, bytes, &error);
  g_assert_no_error (error);
  result2 = softlif_neuron_type_step_bytes (neuron, 0.001, dtype, unaligned, &error);
  g_assert_no_error (error);

  expect_same (name, "caller-buffer", out, into, n * width (dtype));
  expect_same (name, "in-place", out, inplace, n * width (dtype));
  expect_same (name, "GBytes", out, g_bytes_get_data (result, NULL), n * width (dtype));
  expect_same (name, "unaligned GBytes", out, g_bytes_get_data (result2, NULL), n * width (dtype));
  print_hash (name, out, n * width (dtype));
}

typedef enum { OP_CURRENT, OP_RATES, OP_DERIVATIVE } TuningOp;
static const char *tuning_names[] = { "current", "rates", "derivative" };

typedef gpointer (* NewFunc) (SoftlifNeuronType *, gconstpointer, gsize, gconstpointer, gsize,
                              gconstpointer, gsize, gsize *, GError **);
typedef gboolean (* IntoFunc) (SoftlifNeuronType *, gconstpointer, gsize, gconstpointer, gsize,
                               gconstpointer, gsize, gpointer, gsize, GError **);
typedef GBytes * (* BytesFunc) (SoftlifNeuronType *, SoftlifDtype, GBytes *, GBytes *, GBytes *,
                                GError **);

static const NewFunc new_funcs[2][3] = {
  { (NewFunc) softlif_neuron_type_current, (NewFunc) softlif_neuron_type_rates,
    (NewFunc) softlif_neuron_type_derivative },
  { (NewFunc) softlif_neuron_type_current_float, (NewFunc) softlif_neuron_type_rates_float,
    (NewFunc) softlif_neuron_type_derivative_float },
};
static const IntoFunc into_funcs[2][3] = {
  { (IntoFunc) softlif_neuron_type_current_into, (IntoFunc) softlif_neuron_type_rates_into,
    (IntoFunc) softlif_neuron_type_derivative_into },
  { (IntoFunc) softlif_neuron_type_current_float_into, (IntoFunc) softlif_neuron_type_rates_float_into,
    (IntoFunc) softlif_neuron_type_derivative_float_into },
};
static const BytesFunc bytes_funcs[3] = {
  softlif_neuron_type_current_bytes, softlif_neuron_type_rates_bytes,
  softlif_neuron_type_derivative_bytes,
};

/* current, rates, derivative of n_x samples and n_g neurons; with one
 * neuron also in place over x (out == x) */
static void
check_tuning (SoftlifNeuronType *neuron,
              const char        *prefix,
              TuningOp           op,
              SoftlifDtype       dtype,
              const gdouble     *x64,
              gsize              n_x,
              const gdouble     *gain64,
              const gdouble     *bias64,
              gsize              n_g)
{
  int d = dtype == SOFTLIF_DTYPE_FLOAT64 ? 0 : 1;
  g_autofree char *name = g_strdup_printf ("%s/%s/%s/%" G_GSIZE_FORMAT "-neurons", prefix,
                                           tuning_names[op], d == 0 ? "f64" : "f32", n_g);
  g_autofree gpointer x = to_dtype (x64, n_x, dtype);
  g_autofree gpointer gain = to_dtype (gain64, n_g, dtype);
  g_autofree gpointer bias = to_dtype (bias64, n_g, dtype);
  gsize n = n_x * n_g, size = n * width (dtype);
  g_autofree gpointer out = NULL;
  g_autofree gpointer into = g_malloc (size);
  g_autoptr(GBytes) bx = g_bytes_new (x, n_x * width (dtype));
  g_autoptr(GBytes) bg = g_bytes_new (gain, n_g * width (dtype));
  g_autoptr(GBytes) bb = g_bytes_new (bias, n_g * width (dtype));
  g_autoptr(GBytes) result = NULL;
  g_autoptr(GError) error = NULL;
  gsize n_out = 0;

  out = new_funcs[d][op] (neuron, x, n_x, gain, n_g, bias, n_g, &n_out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_out, ==, n);
  g_assert_true (into_funcs[d][op] (neuron, x, n_x, gain, n_g, bias, n_g, into, n, &error));
  result = bytes_funcs[op] (neuron, dtype, bx, bg, bb, &error);
  g_assert_no_error (error);
  expect_same (name, "caller-buffer", out, into, size);
  expect_same (name, "GBytes", out, g_bytes_get_data (result, NULL), size);
  if (n_g == 1)
    {
      g_autofree gpointer inplace = g_memdup2 (x, size);

      g_assert_true (into_funcs[d][op] (neuron, inplace, n_x, gain, 1, bias, 1, inplace, n, &error));
      expect_same (name, "in-place", out, inplace, size);
    }
  print_hash (name, out, size);
}

typedef enum { OP_GAIN_BIAS, OP_MAX_RATES_INTERCEPTS } PairOp;

/* gain_bias or max_rates_intercepts, both forms; an error is hashed as
 * its code and message */
static void
check_pair (SoftlifNeuronType *neuron,
            const char        *prefix,
            const char        *label,
            PairOp             op,
            SoftlifDtype       dtype,
            const gdouble     *a64,
            const gdouble     *b64,
            gsize              n)
{
  int d = dtype == SOFTLIF_DTYPE_FLOAT64 ? 0 : 1;
  g_autofree char *name = g_strdup_printf ("%s/%s/%s/%s", prefix,
                                           op == OP_GAIN_BIAS ? "gain-bias" : "max-rates-intercepts",
                                           d == 0 ? "f64" : "f32", label);
  g_autofree gpointer a = to_dtype (a64, n, dtype);
  g_autofree gpointer b = to_dtype (b64, n, dtype);
  g_autofree gpointer ra = NULL, rb = NULL;
  g_autofree gpointer ia = g_malloc0 (MAX (n, 1) * width (dtype));
  g_autofree gpointer ib = g_malloc0 (MAX (n, 1) * width (dtype));
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  gsize na = 0, nb = 0;
  gboolean ok, ok2;

  if (op == OP_GAIN_BIAS && d == 0)
    {
      ok = softlif_neuron_type_gain_bias (neuron, a, n, b, n, (gdouble **) &ra, &na, (gdouble **) &rb, &nb, &error);
      ok2 = softlif_neuron_type_gain_bias_into (neuron, a, n, b, n, ia, ib, n, &error2);
    }
  else if (op == OP_GAIN_BIAS)
    {
      ok = softlif_neuron_type_gain_bias_float (neuron, a, n, b, n, (gfloat **) &ra, &na, (gfloat **) &rb, &nb, &error);
      ok2 = softlif_neuron_type_gain_bias_float_into (neuron, a, n, b, n, ia, ib, n, &error2);
    }
  else if (d == 0)
    {
      ok = softlif_neuron_type_max_rates_intercepts (neuron, a, n, b, n, (gdouble **) &ra, &na,
                                                     (gdouble **) &rb, &nb, &error);
      ok2 = softlif_neuron_type_max_rates_intercepts_into (neuron, a, n, b, n, ia, ib, n, &error2);
    }
  else
    {
      ok = softlif_neuron_type_max_rates_intercepts_float (neuron, a, n, b, n, (gfloat **) &ra, &na,
                                                           (gfloat **) &rb, &nb, &error);
      ok2 = softlif_neuron_type_max_rates_intercepts_float_into (neuron, a, n, b, n, ia, ib, n, &error2);
    }

  g_assert_cmpint (ok, ==, ok2);
  if (!ok)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error2);
      if (error->code != error2->code || strcmp (error->message, error2->message) != 0)
        {
          g_printerr ("%s: the caller-buffer form fails differently\n", name);
          all_forms_agree = FALSE;
        }
      print_error (name, error);
      return;
    }
  g_assert_cmpuint (na, ==, n);
  g_assert_cmpuint (nb, ==, n);
  expect_same (name, "caller-buffer", ra, ia, n * width (dtype));
  expect_same (name, "caller-buffer", rb, ib, n * width (dtype));
  {
    g_autofree guint8 *both = g_malloc (MAX (2 * n * width (dtype), 1));

    memcpy (both, ra, n * width (dtype));
    memcpy (both + n * width (dtype), rb, n * width (dtype));
    print_hash (name, both, 2 * n * width (dtype));
  }
}

static void
check_neuron (SoftlifNeuronType *neuron,
              const char        *prefix,
              GArray            *currents,
              GArray            *xs)
{
  static const gdouble gain1[] = { 3.5 }, bias1[] = { -0.25 };
  static const gdouble gain5[] = { 2.0, -1.5, 0.0, 1e-3, 40.0 };
  static const gdouble bias5[] = { 0.5, 1.0, 2.5, 1.0, -10.0 };
  static const gdouble max_rates[] = { 200.0, 100.0, 400.0, 1.0, 499.0, 0.0, -5.0, 1e6, NAN };
  static const gdouble intercepts[] = { -0.5, 0.2, 0.9, -0.99, 0.0, 0.5, 0.5, 0.0, 0.0 };
  static const gdouble gains[] = { 4.12, 1.0, -2.0, 1e-8, 3e5, 0.0, INFINITY };
  static const gdouble biases[] = { 3.06, 0.5, 1.0, 1.0, -1e5, 1.0, 0.0 };
  g_autofree char *text = softlif_neuron_type_to_string (neuron);
  g_autofree char *repr_name = g_strdup_printf ("%s/to-string", prefix);

  print_hash (repr_name, text, strlen (text));
  for (SoftlifDtype dtype = SOFTLIF_DTYPE_FLOAT64; dtype <= SOFTLIF_DTYPE_FLOAT32; dtype++)
    {
      check_step (neuron, prefix, dtype, (const gdouble *) currents->data, currents->len);
      for (TuningOp op = OP_CURRENT; op <= OP_DERIVATIVE; op++)
        {
          check_tuning (neuron, prefix, op, dtype, (const gdouble *) xs->data, xs->len, gain1, bias1, 1);
          check_tuning (neuron, prefix, op, dtype, (const gdouble *) xs->data, xs->len, gain5, bias5, 5);
        }
      /* the valid inputs, then each with one bad value */
      check_pair (neuron, prefix, "valid", OP_GAIN_BIAS, dtype, max_rates, intercepts, 5);
      check_pair (neuron, prefix, "zero-rate", OP_GAIN_BIAS, dtype, max_rates + 5, intercepts + 5, 1);
      check_pair (neuron, prefix, "negative-rate", OP_GAIN_BIAS, dtype, max_rates + 6, intercepts + 6, 1);
      check_pair (neuron, prefix, "too-fast", OP_GAIN_BIAS, dtype, max_rates + 7, intercepts + 7, 1);
      check_pair (neuron, prefix, "nan-rate", OP_GAIN_BIAS, dtype, max_rates + 8, intercepts + 8, 1);
      check_pair (neuron, prefix, "valid", OP_MAX_RATES_INTERCEPTS, dtype, gains, biases, 5);
      check_pair (neuron, prefix, "zero-gain", OP_MAX_RATES_INTERCEPTS, dtype, gains + 5, biases + 5, 1);
      check_pair (neuron, prefix, "inf-gain", OP_MAX_RATES_INTERCEPTS, dtype, gains + 6, biases + 6, 1);
    }
}

int
main (int    argc,
      char **argv)
{
  /* sigma, tau_rc, tau_ref, amplitude, epsilon */
  static const gdouble soft_params[][5] = {
    { 1.0, 0.02, 0.002, 1.0, 1e-15 },
    { 0.01, 0.022, 0.002, 0.063, 1e-15 },
    { 0.02, 0.02, 0.0, 1.0, 0.0 },
    { 1e-30, 0.02, 0.002, 1.0, 1e-15 },
    { 3.0, 0.05, 0.004, 63.0, 1e-300 },
    { 1e6, 10.0, 1.0, 1e-200, 1e10 },
    { 1.0, 0x1p40, 0.0, 0x1p-500, 0.0 },
    { 50.0, 1e-10, 0.002, 1e3, 1e-3 },
  };
  /* tau_rc, tau_ref, amplitude */
  static const gdouble lif_params[][3] = {
    { 0.02, 0.002, 1.0 },
    { 0.05, 0.0, 2.0 },
    { 1e-10, 0.002, 1e3 },
    { 0x1p40, 1.0, 0x1p-500 },
  };
  g_autoptr(GArray) currents = make_currents ();
  g_autoptr(GArray) xs = make_x ();

  /* the library's debug line (which kernel set) goes to stderr */
  g_log_writer_default_set_use_stderr (TRUE);

  for (gsize i = 0; i < G_N_ELEMENTS (soft_params); i++)
    {
      const gdouble *p = soft_params[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(SoftlifSoftLifRate) neuron =
        softlif_soft_lif_rate_new_full (p[0], p[1], p[2], p[3], p[4], &error);
      g_autofree char *prefix = g_strdup_printf ("soft-lif-rate-%" G_GSIZE_FORMAT, i);

      g_assert_no_error (error);
      check_neuron (SOFTLIF_NEURON_TYPE (neuron), prefix, currents, xs);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (lif_params); i++)
    {
      const gdouble *p = lif_params[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(SoftlifLifRate) neuron = softlif_lif_rate_new_full (p[0], p[1], p[2], &error);
      g_autofree char *prefix = g_strdup_printf ("lif-rate-%" G_GSIZE_FORMAT, i);

      g_assert_no_error (error);
      check_neuron (SOFTLIF_NEURON_TYPE (neuron), prefix, currents, xs);
    }

  return all_forms_agree ? 0 : 1;
}
