/* softlif-version-macros.h: symbol visibility and versioning
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

#include "softlif-version.h"

/* The build defines _SOFTLIF_EXTERN in config.h to mark symbols for export
 * from a library compiled with -fvisibility=hidden. */
#ifndef _SOFTLIF_EXTERN
#define _SOFTLIF_EXTERN extern
#endif

#define SOFTLIF_VERSION_1_0 (SOFTLIF_ENCODE_VERSION (1, 0, 0))

#ifndef SOFTLIF_VERSION_MIN_REQUIRED
#define SOFTLIF_VERSION_MIN_REQUIRED (SOFTLIF_VERSION_1_0)
#endif

#ifndef SOFTLIF_VERSION_MAX_ALLOWED
#define SOFTLIF_VERSION_MAX_ALLOWED (SOFTLIF_VERSION_1_0)
#endif

#if SOFTLIF_VERSION_MAX_ALLOWED < SOFTLIF_VERSION_MIN_REQUIRED
#error "SOFTLIF_VERSION_MAX_ALLOWED must be >= SOFTLIF_VERSION_MIN_REQUIRED"
#endif

#define SOFTLIF_AVAILABLE_IN_ALL _SOFTLIF_EXTERN

#define SOFTLIF_AVAILABLE_IN_1_0 _SOFTLIF_EXTERN
