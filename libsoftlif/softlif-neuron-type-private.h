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

G_END_DECLS
