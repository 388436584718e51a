/* version-macros.c: SOFTLIF_VERSION_MIN_REQUIRED and MAX_ALLOWED govern the
 * availability and deprecation macros
 *
 * This file includes softlif.h with the default settings;
 * version-macros-1-2.c with SOFTLIF_VERSION_MIN_REQUIRED set to 1.2 and
 * version-macros-quiet.c with SOFTLIF_DISABLE_DEPRECATION_WARNINGS. Each
 * reports what the macros expand to, and the tests look for the
 * attributes that make the compiler warn.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include <softlif.h>

#include "version-macros.h"

/* Whether a declaration that opens with the expansion gets a warning on use. */
static gboolean
warns (const char *expansion)
{
  return strstr (expansion, "deprecated") != NULL;
}

/* A compiler for which GLib defines no deprecation attribute cannot warn. */
static gboolean
compiler_warns (void)
{
  if (warns (VERSION_MACROS_STRING (G_DEPRECATED)))
    return TRUE;
  g_test_skip ("G_DEPRECATED is empty for this compiler");
  return FALSE;
}

static void
test_stable_versions (void)
{
  /* The stable version: this one for an even minor, the next for an odd one. */
  g_assert_cmpuint (SOFTLIF_VERSION_CUR_STABLE, ==,
                    SOFTLIF_ENCODE_VERSION (SOFTLIF_MAJOR_VERSION,
                                            SOFTLIF_MINOR_VERSION + SOFTLIF_MINOR_VERSION % 2, 0));
  g_assert_cmpuint (SOFTLIF_VERSION_CUR_STABLE, >=, SOFTLIF_VERSION);
  g_assert_cmpuint (SOFTLIF_VERSION_PREV_STABLE, <=, SOFTLIF_VERSION_CUR_STABLE);
  g_assert_cmpuint (SOFTLIF_VERSION_PREV_STABLE, >=, SOFTLIF_VERSION_1_0);
  g_assert_cmpuint (SOFTLIF_VERSION_1_0, <, SOFTLIF_VERSION_1_2);
  g_assert_cmpuint (SOFTLIF_VERSION_1_2, ==, SOFTLIF_ENCODE_VERSION (1, 2, 0));
}

static void
test_defaults (void)
{
  VersionMacros m = VERSION_MACROS_PROBE;

  if (!compiler_warns ())
    return;

  g_assert_cmpuint (m.min_required, ==, SOFTLIF_VERSION_CUR_STABLE);
  g_assert_cmpuint (m.max_allowed, ==,
                    m.min_required > SOFTLIF_VERSION_PREV_STABLE ? m.min_required
                                                                 : SOFTLIF_VERSION_CUR_STABLE);

  /* What is newer than the headers' stable version is unavailable... */
  g_assert_cmpint (warns (m.available_in_1_2), ==, m.max_allowed < SOFTLIF_VERSION_1_2);
  if (m.max_allowed < SOFTLIF_VERSION_1_2)
    g_assert_nonnull (strstr (m.available_in_1_2, "Not available before"));

  /* ...and a deprecation of a later version does not warn. */
  g_assert_cmpint (warns (m.deprecated_in_1_2), ==, m.min_required >= SOFTLIF_VERSION_1_2);
  g_assert_cmpint (warns (m.deprecated_in_1_2_for), ==, m.min_required >= SOFTLIF_VERSION_1_2);
}

static void
test_deprecated (void)
{
  VersionMacros m = VERSION_MACROS_PROBE;

  if (!compiler_warns ())
    return;

  g_assert_true (warns (m.deprecated));
  g_assert_true (warns (m.deprecated_for));
  g_assert_nonnull (strstr (m.deprecated_for, "softlif_replacement"));
  g_assert_true (warns (m.unavailable));
  g_assert_nonnull (strstr (m.unavailable, "Not available before"));
}

static void
test_min_required_1_2 (void)
{
  VersionMacros m;

  if (!compiler_warns ())
    return;

  version_macros_min_1_2 (&m);

  /* MAX_ALLOWED follows a MIN_REQUIRED newer than the previous stable. */
  g_assert_cmpuint (m.min_required, ==, SOFTLIF_VERSION_1_2);
  g_assert_cmpuint (m.max_allowed, ==, SOFTLIF_VERSION_1_2);

  g_assert_true (warns (m.deprecated_in_1_2));
  g_assert_true (warns (m.deprecated_in_1_2_for));
  g_assert_nonnull (strstr (m.deprecated_in_1_2_for, "softlif_replacement"));
  g_assert_false (warns (m.available_in_1_2));
}

static void
test_disable_deprecation_warnings (void)
{
  VersionMacros m;

  version_macros_quiet (&m);

  g_assert_false (warns (m.deprecated));
  g_assert_false (warns (m.deprecated_for));
  g_assert_false (warns (m.unavailable));
  g_assert_false (warns (m.available_in_1_2));
  g_assert_false (warns (m.deprecated_in_1_2));
  g_assert_false (warns (m.deprecated_in_1_2_for));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/version-macros/stable-versions", test_stable_versions);
  g_test_add_func ("/version-macros/defaults", test_defaults);
  g_test_add_func ("/version-macros/deprecated", test_deprecated);
  g_test_add_func ("/version-macros/min-required-1-2", test_min_required_1_2);
  g_test_add_func ("/version-macros/disable-deprecation-warnings",
                   test_disable_deprecation_warnings);

  return g_test_run ();
}
