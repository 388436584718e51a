/* version-macros-1-2.c: the version macros for code that requires 1.2
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#define SOFTLIF_VERSION_MIN_REQUIRED SOFTLIF_VERSION_1_2

#include <softlif.h>

#include "version-macros.h"

/* The attribute is on the declaration, where the compiler can tell. */
SOFTLIF_DEPRECATED_IN_1_2 int version_macros_deprecated_in_1_2 (void);
SOFTLIF_AVAILABLE_IN_1_2 int version_macros_available_in_1_2 (void);
#if defined(__has_builtin)
#if __has_builtin (__builtin_has_attribute)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
G_STATIC_ASSERT (__builtin_has_attribute (version_macros_deprecated_in_1_2, deprecated));
G_STATIC_ASSERT (!__builtin_has_attribute (version_macros_available_in_1_2, deprecated));
G_GNUC_END_IGNORE_DEPRECATIONS
#endif
#endif

void
version_macros_min_1_2 (VersionMacros *macros)
{
  *macros = (VersionMacros) VERSION_MACROS_PROBE;
}
