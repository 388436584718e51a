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

/* The admissible range of a model parameter. */
typedef enum {
  SOFTLIF_BOUND_POSITIVE,       /* finite and > 0 */
  SOFTLIF_BOUND_NON_NEGATIVE    /* finite and >= 0 */
} SoftlifBound;

/* The minimum of the GParamSpec of a parameter that must be > 0: the
 * smallest positive (subnormal) double, so that GObject's range check
 * rejects what softlif_param_is_valid() rejects, in every language. */
#define SOFTLIF_PARAM_MIN_POSITIVE DBL_TRUE_MIN

gboolean softlif_param_is_valid  (gdouble        value,
                                  SoftlifBound   bound);
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
