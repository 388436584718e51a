/* softlif.h: the libsoftlif umbrella header
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __SOFTLIF_H_INSIDE__

#include "softlif-version.h"
#include "softlif-version-macros.h"
#include "softlif-error.h"
#include "softlif-enum-types.h"
#include "softlif-neuron-type.h"
#include "softlif-parallel.h"
#include "softlif-lif-rate.h"
#include "softlif-soft-lif-rate.h"

#undef __SOFTLIF_H_INSIDE__
