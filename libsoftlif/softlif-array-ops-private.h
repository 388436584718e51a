/* softlif-array-ops-private.h: the array operations under every public call of SoftlifNeuronType
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The public functions of softlif-neuron-type.c and the GBytes adapter
 * check their preconditions and call these, which check lengths and
 * parameters, split the work into blocks and threads, and call the class
 * methods; the arrays hold values of @dtype. The _new forms allocate the
 * result (never NULL on success, even when empty); the others write into
 * buffers of the caller and write nothing when they fail. */

#pragma once

#include "softlif-neuron-type.h"

G_BEGIN_DECLS

typedef enum {
  SOFTLIF_TUNING_CURRENT,       /* J = gain * x + bias */
  SOFTLIF_TUNING_RATES,         /* the rates of J */
  SOFTLIF_TUNING_DERIVATIVE     /* d rates / dx: gain times the derivative */
} SoftlifTuningOp;

typedef enum {
  SOFTLIF_PAIR_GAIN_BIAS,               /* (max_rates, intercepts) -> (gain, bias) */
  SOFTLIF_PAIR_MAX_RATES_INTERCEPTS     /* (gain, bias) -> (max_rates, intercepts) */
} SoftlifPairOp;

/* The rates of n_J currents (nengo's step). */
gboolean softlif_array_step        (SoftlifNeuronType  *self,
                                    gdouble             dt,
                                    SoftlifDtype        dtype,
                                    gconstpointer       J,
                                    gsize               n_J,
                                    gpointer            out,
                                    gsize               n_out,
                                    GError            **error);
gpointer softlif_array_step_new    (SoftlifNeuronType  *self,
                                    gdouble             dt,
                                    SoftlifDtype        dtype,
                                    gconstpointer       J,
                                    gsize               n_J,
                                    gsize              *n_out,
                                    GError            **error);

/* The n_x by n_gain row-major result of @op. */
gboolean softlif_array_tuning      (SoftlifNeuronType  *self,
                                    SoftlifTuningOp     op,
                                    SoftlifDtype        dtype,
                                    gconstpointer       x,
                                    gsize               n_x,
                                    gconstpointer       gain,
                                    gsize               n_gain,
                                    gconstpointer       bias,
                                    gsize               n_bias,
                                    gpointer            out,
                                    gsize               n_out,
                                    GError            **error);
gpointer softlif_array_tuning_new  (SoftlifNeuronType  *self,
                                    SoftlifTuningOp     op,
                                    SoftlifDtype        dtype,
                                    gconstpointer       x,
                                    gsize               n_x,
                                    gconstpointer       gain,
                                    gsize               n_gain,
                                    gconstpointer       bias,
                                    gsize               n_bias,
                                    gsize              *n_out,
                                    GError            **error);

/* Two arrays of n_a values from two of the same length. */
gboolean softlif_array_pair        (SoftlifNeuronType  *self,
                                    SoftlifPairOp       op,
                                    SoftlifDtype        dtype,
                                    gconstpointer       a,
                                    gsize               n_a,
                                    gconstpointer       b,
                                    gsize               n_b,
                                    gpointer            out_a,
                                    gpointer            out_b,
                                    gsize               n_out,
                                    GError            **error);
gboolean softlif_array_pair_new    (SoftlifNeuronType  *self,
                                    SoftlifPairOp       op,
                                    SoftlifDtype        dtype,
                                    gconstpointer       a,
                                    gsize               n_a,
                                    gconstpointer       b,
                                    gsize               n_b,
                                    gpointer           *out_a,
                                    gsize              *n_out_a,
                                    gpointer           *out_b,
                                    gsize              *n_out_b,
                                    GError            **error);

G_END_DECLS
