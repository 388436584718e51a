/* softlif-private.h: the library's helpers (softlif-utils.c, softlif-parallel.c), never installed
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <float.h>

#include "softlif.h"

G_BEGIN_DECLS

/* Translations: the library binds its text domain itself, once, on first
 * use, so that callers need not know about it (as GLib does). */
const char *softlif_gettext (const char *msgid) G_GNUC_FORMAT (1);

#define _(s)  softlif_gettext (s)
#define N_(s) (s)

/* The admissible range of a parameter. The model parameters are held to
 * ranges that cover any choice of units many times over and keep every
 * intermediate of the kernels (products such as A tau_rc, D^2 j (1 + j))
 * inside the normal double range: within them no parameter set gives NaN,
 * a wrong sign or a spurious 0 for a finite current (tests/extreme-params.c
 * sweeps their edges and corners under every kernel set). */
typedef enum {
  SOFTLIF_BOUND_POSITIVE,       /* finite and > 0 (dt) */
  SOFTLIF_BOUND_SCALE,          /* [SOFTLIF_PARAM_SCALE_MIN, SOFTLIF_PARAM_SCALE_MAX]: sigma, tau_rc */
  SOFTLIF_BOUND_SCALE_OR_ZERO,  /* [0, SOFTLIF_PARAM_SCALE_MAX]: tau_ref, epsilon */
  SOFTLIF_BOUND_AMPLITUDE       /* [SOFTLIF_PARAM_AMPLITUDE_MIN, SOFTLIF_PARAM_AMPLITUDE_MAX] */
} SoftlifBound;

/* The ranges, also those of the GParamSpecs, so that GObject's range check
 * rejects what softlif_param_is_valid() rejects, in every language. */
#define SOFTLIF_PARAM_SCALE_MIN      1e-50
#define SOFTLIF_PARAM_SCALE_MAX      1e50
#define SOFTLIF_PARAM_AMPLITUDE_MIN  1e-200
#define SOFTLIF_PARAM_AMPLITUDE_MAX  1e50

/* -0.0 is a valid 0: the setters store it as +0.0 (softlif_param_normalize),
 * as Python's -0.0 == 0.0, so that 1 / tau_ref is +inf, never -inf. */
#define softlif_param_normalize(value) ((value) + 0.0)

gboolean softlif_param_is_valid  (gdouble        value,
                                  SoftlifBound   bound);
/* softlif_param_is_valid() or SOFTLIF_ERROR_INVALID_PARAMETER naming the
 * parameter, its value and its range. */
gboolean softlif_check_param     (const char    *name,
                                  gdouble        value,
                                  SoftlifBound   bound,
                                  GError       **error);

/* The shortest text that reads back as @value, spelled as Python's repr()
 * does ("0.5", "2.0", "1e-15", "inf", "nan"); never locale dependent. */
char *   softlif_format_double   (gdouble        value);

/* The length checks of the array operations: SOFTLIF_ERROR_SIZE_MISMATCH
 * naming the arguments and their lengths. */
gboolean softlif_check_same_length   (const char  *name_a,
                                      gsize        n_a,
                                      const char  *name_b,
                                      gsize        n_b,
                                      GError     **error);
gboolean softlif_check_output_length (gsize        n_out,
                                      gsize        needed,
                                      GError     **error);

/* The checks of the inputs of gain_bias (maximum rates finite, > 0 and
 * below 1 / @tau_ref; intercepts finite and below 1) and of
 * max_rates_intercepts (gains finite and not 0; biases finite), before
 * anything is written: SOFTLIF_ERROR_OUT_OF_RANGE naming the first bad
 * value and its index. */
gboolean softlif_check_gain_bias_inputs            (const gdouble  *max_rates,
                                                    const gdouble  *intercepts,
                                                    gsize           n,
                                                    gdouble         tau_ref,
                                                    GError        **error);
gboolean softlif_check_max_rates_intercepts_inputs (const gdouble  *gain,
                                                    const gdouble  *bias,
                                                    gsize           n,
                                                    GError        **error);

/* TRUE if the result @value at @index of the output @name is finite, else
 * SOFTLIF_ERROR_OUT_OF_RANGE naming the three: gain_bias and
 * max_rates_intercepts check every result before writing any. */
gboolean softlif_check_finite_result (const char  *name,
                                      gsize        index,
                                      gdouble      value,
                                      GError     **error);

/* Room for @n values of @width bytes, or SOFTLIF_ERROR_TOO_LARGE. */
gpointer softlif_alloc_values        (gsize        n,
                                      gsize        width,
                                      GError     **error);

/* The size of one value of @dtype in bytes. */
gsize    softlif_dtype_size          (SoftlifDtype dtype);

/* Work on [lo, hi) of an array of n values. */
typedef void (* SoftlifRangeFunc) (gpointer data,
                                   gsize    lo,
                                   gsize    hi);

void     softlif_parallel_for    (gsize            n,
                                  SoftlifRangeFunc func,
                                  gpointer         data);

G_END_DECLS
