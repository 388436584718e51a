/* softlif-soft-lif-rate.h: the soft LIF rate neuron
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__SOFTLIF_H_INSIDE__) && !defined(SOFTLIF_COMPILATION)
#error "Only <softlif.h> can be included directly."
#endif

#include "softlif-lif-rate.h"

G_BEGIN_DECLS

#define SOFTLIF_TYPE_SOFT_LIF_RATE (softlif_soft_lif_rate_get_type ())

SOFTLIF_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (SoftlifSoftLifRate, softlif_soft_lif_rate, SOFTLIF, SOFT_LIF_RATE, SoftlifLifRate)

SOFTLIF_AVAILABLE_IN_1_0
SoftlifSoftLifRate *softlif_soft_lif_rate_new          (void);
SOFTLIF_AVAILABLE_IN_1_0
SoftlifSoftLifRate *softlif_soft_lif_rate_new_full     (gdouble              sigma,
                                                        gdouble              tau_rc,
                                                        gdouble              tau_ref,
                                                        gdouble              amplitude,
                                                        gdouble              epsilon,
                                                        GError             **error);

SOFTLIF_AVAILABLE_IN_1_0
gdouble             softlif_soft_lif_rate_get_sigma    (SoftlifSoftLifRate  *self);
SOFTLIF_AVAILABLE_IN_1_0
void                softlif_soft_lif_rate_set_sigma    (SoftlifSoftLifRate  *self,
                                                        gdouble              sigma);
SOFTLIF_AVAILABLE_IN_1_0
gdouble             softlif_soft_lif_rate_get_epsilon  (SoftlifSoftLifRate  *self);
SOFTLIF_AVAILABLE_IN_1_0
void                softlif_soft_lif_rate_set_epsilon  (SoftlifSoftLifRate  *self,
                                                        gdouble              epsilon);

G_END_DECLS
