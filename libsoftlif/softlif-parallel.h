/* softlif-parallel.h: how many threads the library may use
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__SOFTLIF_H_INSIDE__) && !defined(SOFTLIF_COMPILATION)
#error "Only <softlif.h> can be included directly."
#endif

#include <glib.h>

#include "softlif-version-macros.h"

G_BEGIN_DECLS

SOFTLIF_AVAILABLE_IN_1_0
guint softlif_get_max_threads (void);
SOFTLIF_AVAILABLE_IN_1_0
void  softlif_set_max_threads (guint max_threads);

G_END_DECLS
