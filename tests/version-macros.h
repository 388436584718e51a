/* version-macros.h: what the version macros expand to, in one translation unit
 *
 * Each source of the version-macros test includes softlif.h under its own
 * version settings and fills a VersionMacros with VERSION_MACROS_PROBE.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

typedef struct {
  guint       min_required;
  guint       max_allowed;
  const char *deprecated;
  const char *deprecated_for;
  const char *unavailable;
  const char *available_in_1_2;
  const char *deprecated_in_1_2;
  const char *deprecated_in_1_2_for;
} VersionMacros;

#define VERSION_MACROS_STRING(...) VERSION_MACROS_STRING_ (__VA_ARGS__)
#define VERSION_MACROS_STRING_(...) #__VA_ARGS__

#define VERSION_MACROS_PROBE { \
  SOFTLIF_VERSION_MIN_REQUIRED, \
  SOFTLIF_VERSION_MAX_ALLOWED, \
  VERSION_MACROS_STRING (SOFTLIF_DEPRECATED), \
  VERSION_MACROS_STRING (SOFTLIF_DEPRECATED_FOR (softlif_replacement)), \
  VERSION_MACROS_STRING (SOFTLIF_UNAVAILABLE (1, 2)), \
  VERSION_MACROS_STRING (SOFTLIF_AVAILABLE_IN_1_2), \
  VERSION_MACROS_STRING (SOFTLIF_DEPRECATED_IN_1_2), \
  VERSION_MACROS_STRING (SOFTLIF_DEPRECATED_IN_1_2_FOR (softlif_replacement)), \
}

/* SOFTLIF_VERSION_MIN_REQUIRED = SOFTLIF_VERSION_1_2 */
void version_macros_min_1_2 (VersionMacros *macros);

/* SOFTLIF_DISABLE_DEPRECATION_WARNINGS */
void version_macros_quiet (VersionMacros *macros);
