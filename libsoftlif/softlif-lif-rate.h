/* softlif-lif-rate.h: the leaky integrate-and-fire rate neuron
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__SOFTLIF_H_INSIDE__) && !defined(SOFTLIF_COMPILATION)
#error "Only <softlif.h> can be included directly."
#endif

#include "softlif-neuron-type.h"

G_BEGIN_DECLS

#define SOFTLIF_TYPE_LIF_RATE (softlif_lif_rate_get_type ())

SOFTLIF_AVAILABLE_IN_1_0
G_DECLARE_DERIVABLE_TYPE (SoftlifLifRate, softlif_lif_rate, SOFTLIF, LIF_RATE, SoftlifNeuronType)

/**
 * SoftlifLifRateClass:
 *
 * The class structure of #SoftlifLifRate.
 *
 * |[<!-- language="C" -->
 * G_DECLARE_DERIVABLE_TYPE (MyRate, my_rate, MY, RATE, SoftlifLifRate)
 * ]|
 *
 * Since: 1.0
 */
struct _SoftlifLifRateClass
{
  /*< private >*/
  SoftlifNeuronTypeClass parent_class;

  gpointer padding[8];
};

SOFTLIF_AVAILABLE_IN_1_0
SoftlifLifRate *softlif_lif_rate_new            (void);
SOFTLIF_AVAILABLE_IN_1_0
SoftlifLifRate *softlif_lif_rate_new_full       (gdouble          tau_rc,
                                                 gdouble          tau_ref,
                                                 gdouble          amplitude,
                                                 GError         **error);

SOFTLIF_AVAILABLE_IN_1_0
gdouble         softlif_lif_rate_get_tau_rc     (SoftlifLifRate  *self);
SOFTLIF_AVAILABLE_IN_1_0
void            softlif_lif_rate_set_tau_rc     (SoftlifLifRate  *self,
                                                 gdouble          tau_rc);
SOFTLIF_AVAILABLE_IN_1_0
gdouble         softlif_lif_rate_get_tau_ref    (SoftlifLifRate  *self);
SOFTLIF_AVAILABLE_IN_1_0
void            softlif_lif_rate_set_tau_ref    (SoftlifLifRate  *self,
                                                 gdouble          tau_ref);
SOFTLIF_AVAILABLE_IN_1_0
gdouble         softlif_lif_rate_get_amplitude  (SoftlifLifRate  *self);
SOFTLIF_AVAILABLE_IN_1_0
void            softlif_lif_rate_set_amplitude  (SoftlifLifRate  *self,
                                                 gdouble          amplitude);

G_END_DECLS
