/* version-macros-quiet.c: the version macros with deprecation warnings off
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#define SOFTLIF_DISABLE_DEPRECATION_WARNINGS

#include <softlif.h>

#include "version-macros.h"

void
version_macros_quiet (VersionMacros *macros)
{
  *macros = (VersionMacros) VERSION_MACROS_PROBE;
}
