/* softlif-error.c: the error domain and the translation domain
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#ifdef ENABLE_NLS
#include <libintl.h>
#endif

#include "softlif-private.h"

/**
 * softlif_error_quark:
 *
 * The error domain of libsoftlif; see #SoftlifError.
 *
 * |[<!-- language="C" -->
 * GQuark domain = softlif_error_quark ();   // the same as SOFTLIF_ERROR
 * ]|
 *
 * Returns: the %SOFTLIF_ERROR quark
 */
G_DEFINE_QUARK (softlif-error-quark, softlif_error)

#ifdef ENABLE_NLS
static void
ensure_gettext_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* SOFTLIF_LOCALEDIR: the catalogues of a build tree, for running
       * and testing uninstalled */
      const char *dir = g_getenv ("SOFTLIF_LOCALEDIR");

      bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
      /* GError messages are UTF-8 whatever the locale's charset. */
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&initialized, 1);
    }
}
#endif

const char *
softlif_gettext (const char *msgid)
{
#ifdef ENABLE_NLS
  ensure_gettext_initialized ();

  return g_dgettext (GETTEXT_PACKAGE, msgid);
#else
  return msgid;
#endif
}
