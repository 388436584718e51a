/* softlif-error.c: the error domain of the library
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

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
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (softlif-error-quark, softlif_error)
