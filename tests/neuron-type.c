/* neuron-type.c: the classes, their properties, constructors and errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <softlif.h>
#ifdef G_OS_UNIX
#include <sys/resource.h>
#include <unistd.h>
#endif

typedef struct {
  const char *property;   /* GObject name */
  const char *argument;   /* the name new_full and errors use */
  gboolean    zero_ok;    /* >= 0 rather than > 0 */
  double      default_value;
  double      min, max;   /* the documented range (min 0 when zero_ok) */
} Param;

static const Param lif_params[] = {
  { "tau-rc", "tau_rc", FALSE, 0.02, 1e-50, 1e50 },
  { "tau-ref", "tau_ref", TRUE, 0.002, 0.0, 1e50 },
  { "amplitude", "amplitude", FALSE, 1.0, 1e-200, 1e50 },
};

static const Param soft_params[] = {
  { "sigma", "sigma", FALSE, 1.0, 1e-50, 1e50 },
  { "tau-rc", "tau_rc", FALSE, 0.02, 1e-50, 1e50 },
  { "tau-ref", "tau_ref", TRUE, 0.002, 0.0, 1e50 },
  { "amplitude", "amplitude", FALSE, 1.0, 1e-200, 1e50 },
  { "epsilon", "epsilon", TRUE, 1e-15, 0.0, 1e50 },
};

static void
test_hierarchy (void)
{
  g_assert_true (G_TYPE_IS_ABSTRACT (SOFTLIF_TYPE_NEURON_TYPE));
  g_assert_true (G_TYPE_IS_DERIVABLE (SOFTLIF_TYPE_LIF_RATE));
  g_assert_false (G_TYPE_IS_ABSTRACT (SOFTLIF_TYPE_LIF_RATE));
  g_assert_true (G_TYPE_IS_FINAL (SOFTLIF_TYPE_SOFT_LIF_RATE));
  g_assert_true (g_type_is_a (SOFTLIF_TYPE_SOFT_LIF_RATE, SOFTLIF_TYPE_LIF_RATE));
  g_assert_true (g_type_is_a (SOFTLIF_TYPE_LIF_RATE, SOFTLIF_TYPE_NEURON_TYPE));
  g_assert_cmpstr (g_type_name (SOFTLIF_TYPE_SOFT_LIF_RATE), ==, "SoftlifSoftLifRate");
}

static void
test_error_enum (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SOFTLIF_TYPE_ERROR);
  GEnumValue *v = g_enum_get_value (klass, SOFTLIF_ERROR_SIZE_MISMATCH);

  g_assert_nonnull (v);
  g_assert_cmpstr (v->value_nick, ==, "size-mismatch");
  g_assert_cmpstr (g_quark_to_string (SOFTLIF_ERROR), ==, "softlif-error-quark");
}

static void
check_defaults (GObject     *object,
                const Param *params,
                gsize        n_params)
{
  for (gsize i = 0; i < n_params; i++)
    {
      double value = -1.0;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                        params[i].property);

      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_READWRITE);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_object_get (object, params[i].property, &value, NULL);
      g_assert_cmpfloat (value, ==, params[i].default_value);
      g_assert_cmpfloat (G_PARAM_SPEC_DOUBLE (pspec)->default_value, ==,
                         params[i].default_value);
    }
}

static void
test_defaults (void)
{
  g_autoptr(SoftlifLifRate) lif = softlif_lif_rate_new ();
  g_autoptr(SoftlifSoftLifRate) soft = softlif_soft_lif_rate_new ();

  check_defaults (G_OBJECT (lif), lif_params, G_N_ELEMENTS (lif_params));
  check_defaults (G_OBJECT (soft), soft_params, G_N_ELEMENTS (soft_params));

  g_assert_cmpfloat (softlif_lif_rate_get_tau_rc (lif), ==, 0.02);
  g_assert_cmpfloat (softlif_lif_rate_get_tau_ref (lif), ==, 0.002);
  g_assert_cmpfloat (softlif_lif_rate_get_amplitude (lif), ==, 1.0);
  g_assert_cmpfloat (softlif_soft_lif_rate_get_sigma (soft), ==, 1.0);
  g_assert_cmpfloat (softlif_soft_lif_rate_get_epsilon (soft), ==, 1e-15);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_notify_on_change_only (void)
{
  g_autoptr(SoftlifSoftLifRate) soft = softlif_soft_lif_rate_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (soft_params); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", soft_params[i].property, NULL);
      guint count = 0;
      gulong id = g_signal_connect (soft, signal, G_CALLBACK (count_notify), &count);
      double value;

      g_object_set (soft, soft_params[i].property, soft_params[i].default_value, NULL);
      g_assert_cmpuint (count, ==, 0);

      g_object_set (soft, soft_params[i].property, 0.25, NULL);
      g_assert_cmpuint (count, ==, 1);
      g_object_get (soft, soft_params[i].property, &value, NULL);
      g_assert_cmpfloat (value, ==, 0.25);

      g_object_set (soft, soft_params[i].property, 0.25, NULL);
      g_assert_cmpuint (count, ==, 1);

      g_signal_handler_disconnect (soft, id);
    }

  /* The setters notify too. */
  {
    guint count = 0;

    g_signal_connect (soft, "notify::sigma", G_CALLBACK (count_notify), &count);
    softlif_soft_lif_rate_set_sigma (soft, 0.5);
    softlif_soft_lif_rate_set_sigma (soft, 0.5);
    g_assert_cmpuint (count, ==, 1);
    g_assert_cmpfloat (softlif_soft_lif_rate_get_sigma (soft), ==, 0.5);
  }
}

static void
test_construct_properties (void)
{
  g_autoptr(SoftlifSoftLifRate) soft =
    g_object_new (SOFTLIF_TYPE_SOFT_LIF_RATE,
                  "sigma", 0.01, "tau-rc", 0.022, "tau-ref", 0.0,
                  "amplitude", 0.063, "epsilon", 0.0, NULL);
  SoftlifLifRate *lif = SOFTLIF_LIF_RATE (soft);

  g_assert_cmpfloat (softlif_soft_lif_rate_get_sigma (soft), ==, 0.01);
  g_assert_cmpfloat (softlif_soft_lif_rate_get_epsilon (soft), ==, 0.0);
  g_assert_cmpfloat (softlif_lif_rate_get_tau_rc (lif), ==, 0.022);
  g_assert_cmpfloat (softlif_lif_rate_get_tau_ref (lif), ==, 0.0);
  g_assert_cmpfloat (softlif_lif_rate_get_amplitude (lif), ==, 0.063);
}

static void
test_new_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) soft =
    softlif_soft_lif_rate_new_full (0.5, 0.03, 0.0, 2.0, 0.0, &error);
  g_autoptr(SoftlifLifRate) lif = softlif_lif_rate_new_full (0.05, 0.001, 3.0, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (softlif_soft_lif_rate_get_sigma (soft), ==, 0.5);
  g_assert_cmpfloat (softlif_lif_rate_get_tau_rc (SOFTLIF_LIF_RATE (soft)), ==, 0.03);
  g_assert_cmpfloat (softlif_lif_rate_get_tau_ref (SOFTLIF_LIF_RATE (soft)), ==, 0.0);
  g_assert_cmpfloat (softlif_lif_rate_get_amplitude (SOFTLIF_LIF_RATE (soft)), ==, 2.0);
  g_assert_cmpfloat (softlif_soft_lif_rate_get_epsilon (soft), ==, 0.0);
  g_assert_cmpfloat (softlif_lif_rate_get_tau_rc (lif), ==, 0.05);
  g_assert_cmpfloat (softlif_lif_rate_get_tau_ref (lif), ==, 0.001);
  g_assert_cmpfloat (softlif_lif_rate_get_amplitude (lif), ==, 3.0);
}

/* Values every parameter rejects, with the spelling the message uses. */
static const struct {
  double value;
  const char *text;
  gboolean bad_for_non_negative;
} bad_values[] = {
  { NAN, "nan", TRUE },
  { INFINITY, "inf", TRUE },
  { -INFINITY, "-inf", TRUE },
  { -1.0, "-1.0", TRUE },
  { -1e-300, "-1e-300", TRUE },
  { 0.0, "0.0", FALSE },
};

static SoftlifNeuronType *
soft_new_with (gsize    which,
               double   value,
               GError **error)
{
  double v[] = { 1.0, 0.02, 0.002, 1.0, 1e-15 };

  v[which] = value;
  return (SoftlifNeuronType *) softlif_soft_lif_rate_new_full (v[0], v[1], v[2], v[3], v[4], error);
}

static SoftlifNeuronType *
lif_new_with (gsize    which,
              double   value,
              GError **error)
{
  double v[] = { 0.02, 0.002, 1.0 };

  v[which] = value;
  return (SoftlifNeuronType *) softlif_lif_rate_new_full (v[0], v[1], v[2], error);
}

static void
check_new_full_rejects (const Param *params,
                        gsize        n_params,
                        SoftlifNeuronType *(*make) (gsize, double, GError **))
{
  for (gsize i = 0; i < n_params; i++)
    for (gsize b = 0; b < G_N_ELEMENTS (bad_values); b++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(SoftlifNeuronType) neuron = NULL;
        gboolean rejected = !params[i].zero_ok || bad_values[b].bad_for_non_negative;

        neuron = make (i, bad_values[b].value, &error);
        if (!rejected)
          {
            g_assert_no_error (error);
            g_assert_nonnull (neuron);
            continue;
          }

        g_assert_null (neuron);
        g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
        /* The message names the parameter and the value. */
        {
          g_autofree char *name = g_strdup_printf ("“%s”", params[i].argument);
          g_autofree char *value = g_strdup_printf (": %s;", bad_values[b].text);

          g_test_message ("%s", error->message);
          g_assert_nonnull (strstr (error->message, name));
          g_assert_nonnull (strstr (error->message, value));
        }
      }
}

static void
test_new_full_rejects (void)
{
  check_new_full_rejects (soft_params, G_N_ELEMENTS (soft_params), soft_new_with);
  check_new_full_rejects (lif_params, G_N_ELEMENTS (lif_params), lif_new_with);
}

/* A setter given a value out of range is a programmer error: a critical
 * warning, and the value stays. */
static void
test_setters_reject (void)
{
#ifdef SOFTLIF_LIBRARY_WITHOUT_CHECKS
  g_test_skip ("the library was built with --enable-debug=no, without the checks of programmer errors");
  return;
#endif

  if (g_test_subprocess ())
    {
      g_autoptr(SoftlifSoftLifRate) soft = softlif_soft_lif_rate_new ();

      softlif_soft_lif_rate_set_sigma (soft, NAN);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*softlif_soft_lif_rate_set_sigma*softlif_param_is_valid*");
}

/* Counts the warnings and criticals a rejected property value causes,
 * instead of aborting on them. */
static gboolean
count_rejections (const char     *log_domain,
                  GLogLevelFlags  log_level,
                  const char     *message,
                  gpointer        data)
{
  if (g_strcmp0 (log_domain, "Softlif") == 0 ||
      g_strcmp0 (log_domain, "GLib-GObject") == 0)
    {
      (*(guint *) data)++;
      return FALSE;
    }
  return TRUE;
}

/* In a subprocess: GLib reports every fatal-flagged message on the TAP
 * stream, even one the handler then lets through. */
static void
test_properties_reject (void)
{
  g_autoptr(SoftlifSoftLifRate) soft = NULL;

#ifdef SOFTLIF_LIBRARY_WITHOUT_CHECKS
  /* what GObject's range check lets through, the setter refuses with a
   * check of programmer errors */
  g_test_skip ("the library was built with --enable-debug=no, without the checks of programmer errors");
  return;
#endif

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*value \"nan\"*invalid or out of range for property 'sigma'*");
      g_test_trap_assert_stderr ("*value \"0.000000\"*invalid or out of range for property 'tau-rc'*");
      return;
    }

  soft = softlif_soft_lif_rate_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (soft_params); i++)
    for (gsize b = 0; b < G_N_ELEMENTS (bad_values); b++)
      {
        double value = -42.0;
        gboolean rejected = !soft_params[i].zero_ok || bad_values[b].bad_for_non_negative;
        guint count = 0;
        guint complaints = 0;
        gulong id;

        if (!rejected)
          continue;

        /* GObject's range check or, for what passes it (0 for a
         * parameter that must be positive), the setter says no. */

        id = g_signal_connect (soft, "notify", G_CALLBACK (count_notify), &count);
        g_test_log_set_fatal_handler (count_rejections, &complaints);
        g_object_set (soft, soft_params[i].property, bad_values[b].value, NULL);
        g_test_log_set_fatal_handler (NULL, NULL);
        g_signal_handler_disconnect (soft, id);
        g_assert_cmpuint (complaints, ==, 1);

        g_object_get (soft, soft_params[i].property, &value, NULL);
        g_assert_cmpfloat (value, ==, soft_params[i].default_value);
        g_assert_cmpuint (count, ==, 0);
      }
}

/* The range of each property is the one its setter accepts (sigma and
 * tau_rc from 1e-50 to 1e50, tau_ref and epsilon from 0 to 1e50, amplitude
 * from 1e-200 to 1e50), so that GObject's own check refuses what the
 * class refuses. (GLib 2.74's g_object_set_property() compares the value
 * rounded to single precision, so there it misjudges values beyond the
 * float range; the range itself, which g_param_value_validate() applies
 * exactly, is what this checks.) */
static void
check_pspec_ranges (GObjectClass *klass,
                    const Param  *params,
                    gsize         n_params)
{
  const double values[] = {
    NAN, -INFINITY, -G_MAXDOUBLE, -1.0, -DBL_MIN, -DBL_TRUE_MIN, -0.0, 0.0,
    DBL_TRUE_MIN, DBL_MIN, 1e-300, 1e-200, nextafter (1e-200, 0.0), 1e-50,
    nextafter (1e-50, 0.0), 1.0, 1e50, nextafter (1e50, INFINITY), 1e300,
    G_MAXDOUBLE, INFINITY,
  };

  for (gsize i = 0; i < n_params; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, params[i].property);

      g_assert_nonnull (pspec);
      for (gsize k = 0; k < G_N_ELEMENTS (values); k++)
        {
          double v = values[k];
          gboolean accepted = v >= params[i].min && v <= params[i].max
                              && (params[i].zero_ok || v > 0.0);
          GValue value = G_VALUE_INIT;

          g_value_init (&value, G_TYPE_DOUBLE);
          g_value_set_double (&value, v);
          g_test_message ("%s = %g", params[i].property, v);
          /* validate returns TRUE when it had to change the value */
          g_assert_cmpint (!g_param_value_validate (pspec, &value), ==, accepted);
          g_value_unset (&value);
        }
    }
}

static void
test_pspec_ranges (void)
{
  g_autoptr(GTypeClass) lif = g_type_class_ref (SOFTLIF_TYPE_LIF_RATE);
  g_autoptr(GTypeClass) soft = g_type_class_ref (SOFTLIF_TYPE_SOFT_LIF_RATE);

  check_pspec_ranges (G_OBJECT_CLASS (lif), lif_params, G_N_ELEMENTS (lif_params));
  check_pspec_ranges (G_OBJECT_CLASS (soft), soft_params, G_N_ELEMENTS (soft_params));
}

static void
check_repr (SoftlifNeuronType *neuron,
            const char        *expected)
{
  g_autofree char *repr = softlif_neuron_type_to_string (neuron);

  g_assert_cmpstr (repr, ==, expected);
}

/* The expected strings are what Python's repr() writes for these floats. */
static void
test_to_string (void)
{
  g_autoptr(SoftlifSoftLifRate) soft = softlif_soft_lif_rate_new ();
  g_autoptr(SoftlifLifRate) lif = softlif_lif_rate_new ();
  g_autoptr(SoftlifSoftLifRate) mnist =
    softlif_soft_lif_rate_new_full (0.01, 0.022, 0.002, 0.063, 1e-15, NULL);

  check_repr (SOFTLIF_NEURON_TYPE (soft), "SoftLifRate()");
  check_repr (SOFTLIF_NEURON_TYPE (lif), "LifRate()");
  check_repr (SOFTLIF_NEURON_TYPE (mnist),
              "SoftLifRate(tau_rc=0.022, amplitude=0.063, sigma=0.01)");

  softlif_soft_lif_rate_set_sigma (soft, 0.5);
  check_repr (SOFTLIF_NEURON_TYPE (soft), "SoftLifRate(sigma=0.5)");

  softlif_lif_rate_set_amplitude (SOFTLIF_LIF_RATE (soft), 2.0);
  softlif_soft_lif_rate_set_epsilon (soft, 0.0);
  check_repr (SOFTLIF_NEURON_TYPE (soft), "SoftLifRate(amplitude=2.0, sigma=0.5, epsilon=0.0)");

  softlif_lif_rate_set_tau_rc (lif, 1e16);
  softlif_lif_rate_set_tau_ref (lif, 1e-05);
  softlif_lif_rate_set_amplitude (lif, 123456.0);
  check_repr (SOFTLIF_NEURON_TYPE (lif), "LifRate(tau_rc=1e+16, tau_ref=1e-05, amplitude=123456.0)");

  softlif_lif_rate_set_tau_rc (lif, 0.1 + 0.2);
  softlif_lif_rate_set_tau_ref (lif, 0.0001);
  softlif_lif_rate_set_amplitude (lif, 1.0 / 3.0);
  check_repr (SOFTLIF_NEURON_TYPE (lif),
              "LifRate(tau_rc=0.30000000000000004, tau_ref=0.0001, amplitude=0.3333333333333333)");

  softlif_lif_rate_set_tau_rc (lif, 1.5e49);
  softlif_lif_rate_set_tau_ref (lif, 5e-324);
  softlif_lif_rate_set_amplitude (lif, 1234567890123456.7);
  check_repr (SOFTLIF_NEURON_TYPE (lif),
              "LifRate(tau_rc=1.5e+49, tau_ref=5e-324, amplitude=1234567890123456.8)");
}

/* Every value reads back exactly from the representation. */
static void
test_to_string_round_trips (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261130);

  for (int trial = 0; trial < 2000; trial++)
    {
      double v[5];
      g_autoptr(SoftlifSoftLifRate) soft = NULL;
      g_autofree char *repr = NULL;
      g_auto(GStrv) fields = NULL;
      const char *names[] = { "tau_rc", "tau_ref", "amplitude", "sigma", "epsilon" };

      for (int k = 0; k < 5; k++)
        v[k] = exp (g_rand_double_range (rand, -40.0, 40.0));
      soft = softlif_soft_lif_rate_new_full (v[3], v[0], v[1], v[2], v[4], NULL);
      repr = softlif_neuron_type_to_string (SOFTLIF_NEURON_TYPE (soft));

      g_assert_true (g_str_has_prefix (repr, "SoftLifRate("));
      g_assert_true (g_str_has_suffix (repr, ")"));
      repr[strlen (repr) - 1] = '\0';
      fields = g_strsplit (repr + strlen ("SoftLifRate("), ", ", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      for (int k = 0; k < 5; k++)
        {
          g_autofree char *prefix = g_strconcat (names[k], "=", NULL);
          char *end;
          double back;

          g_assert_true (g_str_has_prefix (fields[k], prefix));
          back = g_ascii_strtod (fields[k] + strlen (prefix), &end);
          g_assert_cmpint (*end, ==, '\0');
          g_assert_cmpfloat (back, ==, v[k]);
        }
    }
}

/* A result larger than memory is reported, not an abort. The lengths
 * here claim far more than the buffers hold: the inputs are not read
 * when the result cannot be allocated, which is what is tested. */
static void
test_result_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) neuron = softlif_soft_lif_rate_new ();
  const double x[1] = { 0.0 }, gain[1] = { 1.0 }, bias[1] = { 1.0 };
  gsize n_out = 7;
  const gsize n_x = (gsize) 1 << 40, n_neurons = (gsize) 1 << 22;
  g_autofree double *r = NULL;

  r = softlif_neuron_type_rates (SOFTLIF_NEURON_TYPE (neuron), x, n_x, gain, n_neurons,
                                 bias, n_neurons, &n_out, &error);
  g_assert_null (r);
  g_assert_cmpuint (n_out, ==, 0);
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "4611686018427387904"));
}

/* n_x times n_gain overflows a gsize: SOFTLIF_ERROR_TOO_LARGE before
 * anything is read or written. */
static void
test_result_size_overflows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) neuron = softlif_soft_lif_rate_new ();
  const double x[1] = { 0.0 }, gain[1] = { 1.0 }, bias[1] = { 1.0 };
  double out[1] = { -7.0 };
  const gsize n_x = (gsize) 1 << (sizeof (gsize) * 4), n_neurons = ((gsize) 1 << (sizeof (gsize) * 4)) + 1;

  g_assert_false (softlif_neuron_type_rates_into (SOFTLIF_NEURON_TYPE (neuron), x, n_x, gain, n_neurons,
                                                  bias, n_neurons, out, 1, &error));
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "is too large"));
  g_assert_cmpfloat (out[0], ==, -7.0);
}

/* A misaligned GBytes is copied before it is read; a copy that does not
 * fit in memory (here: RLIMIT_AS, in a child) is an error, not an
 * abort. */
static void
test_bytes_copy_too_large (void)
{
#if defined(G_OS_UNIX) && defined(RLIMIT_AS)
#if defined(__SANITIZE_ADDRESS__)
  /* AddressSanitizer's allocator aborts when an address-space limit
   * refuses it memory, before malloc can return NULL */
  g_test_skip ("an address-space limit cannot be tested under AddressSanitizer");
  return;
#endif
  if (!g_file_test ("/proc/self/statm", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc/self/statm");
      return;
    }
  if (g_test_subprocess ())
    {
      const gsize size = 64 * 1024 * 1024;
      g_autoptr(GError) error = NULL;
      g_autoptr(SoftlifSoftLifRate) neuron = softlif_soft_lif_rate_new ();
      g_autofree guint8 *buf = g_malloc0 (size + 8);
      g_autoptr(GBytes) J = g_bytes_new_static (buf + 1, size);   /* misaligned */
      g_autoptr(GBytes) rates = NULL;
      g_autofree char *statm = NULL;
      guint64 pages = 0;
      struct rlimit limit;

      /* 16 MiB to spare: less than the copy */
      g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
      g_assert_cmpint (sscanf (statm, "%" G_GUINT64_FORMAT, &pages), ==, 1);
      g_assert_cmpint (getrlimit (RLIMIT_AS, &limit), ==, 0);
      limit.rlim_cur = (rlim_t) (pages * (guint64) sysconf (_SC_PAGESIZE) + 16 * 1024 * 1024);
      g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);

      rates = softlif_neuron_type_step_bytes (SOFTLIF_NEURON_TYPE (neuron), 0.001,
                                              SOFTLIF_DTYPE_FLOAT64, J, &error);
      g_assert_null (rates);
      g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "“J”"));
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
#else
  g_test_skip ("no RLIMIT_AS here");
#endif
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/neuron-type/hierarchy", test_hierarchy);
  g_test_add_func ("/neuron-type/error-enum", test_error_enum);
  g_test_add_func ("/neuron-type/properties/defaults", test_defaults);
  g_test_add_func ("/neuron-type/properties/notify-on-change-only", test_notify_on_change_only);
  g_test_add_func ("/neuron-type/properties/construct", test_construct_properties);
  g_test_add_func ("/neuron-type/properties/reject-invalid", test_properties_reject);
  g_test_add_func ("/neuron-type/properties/range-is-the-setters", test_pspec_ranges);
  g_test_add_func ("/neuron-type/setters/reject-invalid", test_setters_reject);
  g_test_add_func ("/neuron-type/new-full/values", test_new_full);
  g_test_add_func ("/neuron-type/new-full/reject-invalid", test_new_full_rejects);
  g_test_add_func ("/neuron-type/to-string/python-repr", test_to_string);
  g_test_add_func ("/neuron-type/to-string/round-trips", test_to_string_round_trips);
  g_test_add_func ("/neuron-type/result-too-large", test_result_too_large);
  g_test_add_func ("/neuron-type/result-size-overflows", test_result_size_overflows);
  g_test_add_func ("/neuron-type/bytes/copy-too-large", test_bytes_copy_too_large);

  return g_test_run ();
}
