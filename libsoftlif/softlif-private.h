/* softlif-private.h: helpers shared inside libsoftlif, never installed
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

/* The rates of J = g x + b for a SoftlifSoftLifRate in one pass (J is never
 * stored), where the kernels have such a pass; FALSE, doing nothing,
 * otherwise. */
gboolean softlif_soft_lif_rate_rates_affine (SoftlifNeuronType *neuron,
                                             const gdouble     *x,
                                             gdouble            g,
                                             gdouble            b,
                                             gdouble           *out,
                                             gsize              n);

/* Work on [lo, hi) of an array of n values. */
typedef void (* SoftlifRangeFunc) (gpointer data,
                                   gsize    lo,
                                   gsize    hi);

void     softlif_parallel_for    (gsize            n,
                                  SoftlifRangeFunc func,
                                  gpointer         data);

G_END_DECLS
