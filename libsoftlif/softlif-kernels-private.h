/* softlif-kernels-private.h: the table of array kernels, and the pick of one for this CPU
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The neuron types hand whole arrays of currents to kernels. Every kernel
 * exists as a portable loop and, where configure found the compiler able,
 * as SSE2, AVX2+FMA and AVX-512 vector code; a SoftlifKernels table holds
 * one set of them, and softlif_kernels_get() picks the best set the CPU
 * runs, once. The kernels themselves are declared by their families:
 * softlif-soft-lif-kernels-private.h, softlif-lif-kernels-private.h and
 * softlif-affine-kernels-private.h. */

#pragma once

#include <stddef.h>
#include <glib.h>

#include "softlif-affine-kernels-private.h"
#include "softlif-lif-kernels-private.h"
#include "softlif-soft-lif-kernels-private.h"

typedef struct {
  const char *name;
  /* the soft LIF */
  void (* soft_rate_f64)  (const SoftlifSoftLifKernelParams *, const double *, double *, size_t);
  void (* soft_deriv_f64) (const SoftlifSoftLifKernelParams *, const double *, double *, size_t);
  void (* soft_rate_f32)  (const SoftlifSoftLifKernelParams *, const float *, float *, size_t);
  void (* soft_deriv_f32) (const SoftlifSoftLifKernelParams *, const float *, float *, size_t);
  /* the LIF */
  void (* lif_rate_f64)  (const SoftlifLifKernelParams *, const double *, double *, size_t);
  void (* lif_deriv_f64) (const SoftlifLifKernelParams *, const double *, double *, size_t);
  void (* lif_rate_f32)  (const SoftlifLifKernelParams *, const float *, float *, size_t);
  void (* lif_deriv_f32) (const SoftlifLifKernelParams *, const float *, float *, size_t);
  /* J = g x + b rounded twice, as numpy does: per_neuron == 0 takes one g
   * and b and n x; per_neuron != 0 one x and n g and b */
  void (* affine_f64) (const double *, const double *, const double *, int, double *, size_t);
  void (* affine_f32) (const float *, const float *, const float *, int, float *, size_t);
  /* out *= g, one g (per_neuron == 0) or n of them */
  void (* scale_f64) (const double *, int, double *, size_t);
  void (* scale_f32) (const float *, int, float *, size_t);
  /* the soft LIF rates of J = gb[0] x + gb[1], with the bits of
   * affine_f64 then soft_rate_f64 but J never stored; NULL in the sets
   * without it, and FALSE (nothing written) for parameters it leaves to
   * that two-step path */
  gboolean (* soft_rate_f64_affine) (const SoftlifSoftLifKernelParams *, const double *, const double *, double *, size_t);
} SoftlifKernels;

/* The kernels for this CPU. */
const SoftlifKernels *softlif_kernels_get (void);

/* Every set this build has ("generic", "sse2", "avx2", "avx512"), whether or not
 * the CPU runs it, NULL-terminated; and whether the CPU runs @kernels. */
const SoftlifKernels * const *softlif_kernels_list (void);
gboolean softlif_kernels_supported (const SoftlifKernels *kernels);
