/* i18n.c: error messages are translated through the library's own domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <locale.h>
#include <math.h>
#include <string.h>
#include <libintl.h>
#include <softlif.h>

/* The library binds its text domain to the installed catalogues on first
 * use; these tests point it at the German catalogue compiled into the
 * build tree afterwards. */
static void
use_build_tree_catalogues (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifLifRate) neuron = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "locale", NULL);

  /* Any translated message makes the library bind its domain. */
  neuron = softlif_lif_rate_new_full (-1.0, 0.002, 1.0, &error);
  g_assert_null (neuron);
  g_assert_nonnull (error);

  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  bindtextdomain (GETTEXT_PACKAGE, dir);
}

/* C.UTF-8 is built into glibc; gettext honours LANGUAGE in every locale
 * but "C", so no German locale needs to be installed. */
static void
switch_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_assert_nonnull (setlocale (LC_ALL, language != NULL ? "C.UTF-8" : "C"));
}

static void
test_binds_own_domain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) neuron = NULL;
  const char *bound;

  if (g_test_subprocess ())
    {
      /* A fresh process: the domain is bound to the installed
       * catalogues by the library itself, not by the program. */
      neuron = softlif_soft_lif_rate_new_full (0.0, 0.02, 0.002, 1.0, 1e-15, &error);
      g_assert_null (neuron);
      g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
      bound = bindtextdomain (GETTEXT_PACKAGE, NULL);
      g_assert_cmpstr (bound, ==, LOCALEDIR);
      g_assert_cmpstr (bind_textdomain_codeset (GETTEXT_PACKAGE, NULL), ==, "UTF-8");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* SOFTLIF_LOCALEDIR pointing at a hostile catalogue (a translation that
 * prints the stack) changes nothing: the library reads no directory from
 * the environment. */
static void
test_environment_ignored (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) neuron = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *crafted = g_test_build_filename (G_TEST_BUILT, "crafted-locale", NULL);

      g_assert_true (g_file_test (crafted, G_FILE_TEST_IS_DIR));
      g_setenv ("SOFTLIF_LOCALEDIR", crafted, TRUE);
      switch_language ("de");
      neuron = softlif_soft_lif_rate_new_full (-1.0, 0.02, 0.002, 1.0, 1e-15, &error);
      g_assert_null (neuron);
      g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
      g_assert_null (strstr (error->message, "gefälscht"));
      g_assert_cmpstr (bindtextdomain (GETTEXT_PACKAGE, NULL), ==, LOCALEDIR);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_parameter_error_german (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifSoftLifRate) neuron = NULL;

  switch_language ("de");
  neuron = softlif_soft_lif_rate_new_full (-1.0, 0.02, 0.002, 1.0, 1e-15, &error);
  switch_language (NULL);

  g_assert_null (neuron);
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
  g_assert_cmpstr (error->message, ==,
                   "Ungültiger Wert für den Parameter „sigma“: -1.0; "
                   "er muss eine Zahl von 1e-50 bis 1e+50 sein");
}

static void
test_parameter_error_english (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifLifRate) neuron = NULL;

  switch_language (NULL);
  neuron = softlif_lif_rate_new_full (0.02, NAN, 1.0, &error);

  g_assert_null (neuron);
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER);
  g_assert_cmpstr (error->message, ==,
                   "Invalid value for parameter “tau_ref”: nan; "
                   "it must be a number from 0.0 to 1e+50");
}

/* The lengths go through a system-dependent format (PRIu64). */
static void
test_size_error_german (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifLifRate) neuron = softlif_lif_rate_new ();
  const double x[] = { 0.0 };
  const double gain[] = { 1.0, 2.0 };
  const double bias[] = { 1.0, 2.0, 3.0 };
  g_autofree double *r = NULL;
  gsize n_out = 42;

  switch_language ("de");
  r = softlif_neuron_type_rates (SOFTLIF_NEURON_TYPE (neuron), x, 1, gain, 2, bias, 3,
                                 &n_out, &error);
  switch_language (NULL);

  g_assert_null (r);
  g_assert_cmpuint (n_out, ==, 0);
  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
  g_assert_cmpstr (error->message, ==,
                   "Die Felder „gain“ und „bias“ müssen gleich lang sein, nicht 2 und 3");
}

static void
test_range_error_german (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifLifRate) neuron = softlif_lif_rate_new ();
  const double max_rates[] = { 100.0, 600.0 };
  const double intercepts[] = { 0.0, 0.5 };
  double gain[2] = { -7.0, -7.0 };
  double bias[2] = { -7.0, -7.0 };

  switch_language ("de");
  g_assert_false (softlif_neuron_type_gain_bias_into (SOFTLIF_NEURON_TYPE (neuron),
                                                      max_rates, 2, intercepts, 2,
                                                      gain, bias, 2, &error));
  switch_language (NULL);

  g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==,
                   "Die Maximalrate 600.0 Hz an Index 1 von „max_rates“ liegt nicht "
                   "unter 1/tau_ref = 500.0 Hz");
  /* Nothing is written when an error is reported. */
  g_assert_cmpfloat (gain[0], ==, -7.0);
  g_assert_cmpfloat (bias[0], ==, -7.0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/binds-own-domain", test_binds_own_domain);
  g_test_add_func ("/i18n/environment-ignored", test_environment_ignored);

  /* A subprocess checks the binding the library makes by itself. */
  if (!g_test_subprocess ())
    use_build_tree_catalogues ();
  g_test_add_func ("/i18n/parameter-error/german", test_parameter_error_german);
  g_test_add_func ("/i18n/parameter-error/english", test_parameter_error_english);
  g_test_add_func ("/i18n/size-error/german", test_size_error_german);
  g_test_add_func ("/i18n/range-error/german", test_range_error_german);

  return g_test_run ();
}
