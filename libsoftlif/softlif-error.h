/* softlif-error.h: errors reported by libsoftlif
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

/**
 * SOFTLIF_ERROR:
 *
 * The error domain of libsoftlif.
 *
 * |[<!-- language="C" -->
 * if (g_error_matches (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER))
 *   g_printerr ("%s\n", error->message);
 * ]|
 *
 * Since: 1.0
 */
#define SOFTLIF_ERROR (softlif_error_quark ())

/**
 * SoftlifError:
 * @SOFTLIF_ERROR_INVALID_PARAMETER: a model parameter or an argument such
 *   as the time step is out of its range, or not a finite number
 * @SOFTLIF_ERROR_SIZE_MISMATCH: array lengths that must agree do not
 * @SOFTLIF_ERROR_OUT_OF_RANGE: an input value lies outside the domain of
 *   the function, e.g. a maximum rate the neuron cannot reach
 * @SOFTLIF_ERROR_TOO_LARGE: a result too large to allocate, or whose size
 *   does not fit in a `gsize` (Since: 1.2)
 * @SOFTLIF_ERROR_NOT_IMPLEMENTED: the neuron type does not implement the
 *   operation, e.g. a subclass without
 *   #SoftlifNeuronTypeClass.compute_derivative (Since: 1.2)
 *
 * Error codes in the %SOFTLIF_ERROR domain.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * if (!softlif_neuron_type_step_into (neuron, 0.001, J, 4, out, 3, &error))
 *   g_assert_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH);
 * ]|
 */
typedef enum {
  SOFTLIF_ERROR_INVALID_PARAMETER,
  SOFTLIF_ERROR_SIZE_MISMATCH,
  SOFTLIF_ERROR_OUT_OF_RANGE,
  SOFTLIF_ERROR_TOO_LARGE,
  SOFTLIF_ERROR_NOT_IMPLEMENTED
} SoftlifError;

SOFTLIF_AVAILABLE_IN_1_0
GQuark softlif_error_quark (void);

G_END_DECLS
