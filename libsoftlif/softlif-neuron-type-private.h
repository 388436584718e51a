/* softlif-neuron-type-private.h: what the array operations ask of the base class
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "softlif-neuron-type.h"

G_BEGIN_DECLS

/* The class methods an operation needs, in either precision. */
typedef enum {
  SOFTLIF_METHOD_RATES,
  SOFTLIF_METHOD_DERIVATIVE,
  SOFTLIF_METHOD_GAIN_BIAS,
  SOFTLIF_METHOD_MAX_RATES_INTERCEPTS
} SoftlifMethod;

/* TRUE if the class of @self has what @method needs in @dtype (its own
 * method, or a default that it can run); else FALSE with
 * SOFTLIF_ERROR_NOT_IMPLEMENTED naming the type and the class method. */
gboolean softlif_neuron_type_check_implements (SoftlifNeuronType  *self,
                                               SoftlifMethod       method,
                                               SoftlifDtype        dtype,
                                               GError            **error);

/* The parameters of a neuron and calls: every call holds a read lock on
 * its neuron's parameters from its checks to its last value (a snapshot
 * of all of them, without a copy), and every parameter change takes the
 * write lock; see the class documentation in softlif-neuron-type.c. */

/* A call's hold on the parameters of @self, on the stack of each thread
 * that works for the call. */
typedef struct _SoftlifParamsHold SoftlifParamsHold;
struct _SoftlifParamsHold {
  SoftlifNeuronType *self;
  gboolean locked;
  SoftlifParamsHold *prev;
};

/* Begins a hold on the parameters of @self for this thread: takes the
 * read lock, unless this thread already holds it (a nested call on the
 * same neuron) or @for_caller (a worker thread of a call whose caller
 * holds it). Holds end in the reverse order. */
void     softlif_neuron_type_params_hold    (SoftlifNeuronType *self,
                                             SoftlifParamsHold *hold,
                                             gboolean           for_caller);
void     softlif_neuron_type_params_release (SoftlifParamsHold *hold);

/* A parameter of @self, read under the lock. */
gdouble  softlif_neuron_type_get_param      (SoftlifNeuronType *self,
                                             const gdouble     *field);

/* Sets a parameter of @self under the write lock; FALSE if it already
 * had that value (nothing to notify). The caller notifies, outside the
 * lock. */
gboolean softlif_neuron_type_set_param      (SoftlifNeuronType *self,
                                             gdouble           *field,
                                             gdouble            value);

G_END_DECLS
