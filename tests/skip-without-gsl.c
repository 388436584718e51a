/* skip-without-gsl.c: a test that checks against GSL, built without GSL
 *
 * configure builds accuracy and tuning from this file when it finds no
 * GSL (or is told not to use it): each reports its one test as skipped,
 * with the reason, rather than vanishing from the test suite.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib.h>

static void
test_needs_gsl (void)
{
  const char *reason = g_getenv ("SOFTLIF_WITHOUT_GSL");

  g_test_skip (reason != NULL && *reason != '\0' ? reason : "needs GSL: built without it");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/needs-gsl", test_needs_gsl);

  return g_test_run ();
}
