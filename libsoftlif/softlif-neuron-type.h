/* softlif-neuron-type.h: the base class of all neuron types
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__SOFTLIF_H_INSIDE__) && !defined(SOFTLIF_COMPILATION)
#error "Only <softlif.h> can be included directly."
#endif

#include <glib-object.h>

#include "softlif-version-macros.h"

G_BEGIN_DECLS

/**
 * SoftlifDtype:
 * @SOFTLIF_DTYPE_FLOAT64: IEEE 754 double precision, #gdouble, numpy's
 *   `float64`
 * @SOFTLIF_DTYPE_FLOAT32: IEEE 754 single precision, #gfloat, numpy's
 *   `float32`
 *
 * The type of the values packed in a #GBytes, in the byte order of the
 * host.
 */
typedef enum {
  SOFTLIF_DTYPE_FLOAT64,
  SOFTLIF_DTYPE_FLOAT32
} SoftlifDtype;

#define SOFTLIF_TYPE_NEURON_TYPE (softlif_neuron_type_get_type ())

SOFTLIF_AVAILABLE_IN_1_0
G_DECLARE_DERIVABLE_TYPE (SoftlifNeuronType, softlif_neuron_type, SOFTLIF, NEURON_TYPE, GObject)

/**
 * SoftlifNeuronTypeClass:
 * @rates_double: computes the firing rate in Hz for each of @n input
 *   currents; @out may be the same buffer as @J
 * @rates_float: the same in single precision
 * @derivative_double: computes the derivative of the rate with respect to
 *   the input current for each of @n currents; @out may be @J
 * @derivative_float: the same in single precision
 * @gain_bias: computes gain and bias from maximum rates and intercepts;
 *   called with validated, equally long arrays
 * @max_rates_intercepts: the inverse of @gain_bias
 *
 * The virtual methods of a neuron type. A subclass implements the
 * element-wise functions of the input current; the base class builds
 * the currents, checks the arguments and splits the work.
 */
struct _SoftlifNeuronTypeClass
{
  /*< private >*/
  GObjectClass parent_class;

  /*< public >*/
  void     (* rates_double)         (SoftlifNeuronType  *self,
                                     const gdouble      *J,
                                     gdouble            *out,
                                     gsize               n);
  void     (* rates_float)          (SoftlifNeuronType  *self,
                                     const gfloat       *J,
                                     gfloat             *out,
                                     gsize               n);
  void     (* derivative_double)    (SoftlifNeuronType  *self,
                                     const gdouble      *J,
                                     gdouble            *out,
                                     gsize               n);
  void     (* derivative_float)     (SoftlifNeuronType  *self,
                                     const gfloat       *J,
                                     gfloat             *out,
                                     gsize               n);
  gboolean (* gain_bias)            (SoftlifNeuronType  *self,
                                     const gdouble      *max_rates,
                                     const gdouble      *intercepts,
                                     gdouble            *gain,
                                     gdouble            *bias,
                                     gsize               n,
                                     GError            **error);
  gboolean (* max_rates_intercepts) (SoftlifNeuronType  *self,
                                     const gdouble      *gain,
                                     const gdouble      *bias,
                                     gdouble            *max_rates,
                                     gdouble            *intercepts,
                                     gsize               n,
                                     GError            **error);

  /*< private >*/
  gpointer padding[12];
};

SOFTLIF_AVAILABLE_IN_1_0
gchar *    softlif_neuron_type_to_string                   (SoftlifNeuronType  *self);

/* Double precision, new arrays */
SOFTLIF_AVAILABLE_IN_1_0
gdouble *  softlif_neuron_type_step                        (SoftlifNeuronType  *self,
                                                            gdouble             dt,
                                                            const gdouble      *J,
                                                            gsize               n_J,
                                                            gsize              *n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gdouble *  softlif_neuron_type_current                     (SoftlifNeuronType  *self,
                                                            const gdouble      *x,
                                                            gsize               n_x,
                                                            const gdouble      *gain,
                                                            gsize               n_gain,
                                                            const gdouble      *bias,
                                                            gsize               n_bias,
                                                            gsize              *n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gdouble *  softlif_neuron_type_rates                       (SoftlifNeuronType  *self,
                                                            const gdouble      *x,
                                                            gsize               n_x,
                                                            const gdouble      *gain,
                                                            gsize               n_gain,
                                                            const gdouble      *bias,
                                                            gsize               n_bias,
                                                            gsize              *n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gdouble *  softlif_neuron_type_derivative                  (SoftlifNeuronType  *self,
                                                            const gdouble      *x,
                                                            gsize               n_x,
                                                            const gdouble      *gain,
                                                            gsize               n_gain,
                                                            const gdouble      *bias,
                                                            gsize               n_bias,
                                                            gsize              *n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_gain_bias                   (SoftlifNeuronType  *self,
                                                            const gdouble      *max_rates,
                                                            gsize               n_max_rates,
                                                            const gdouble      *intercepts,
                                                            gsize               n_intercepts,
                                                            gdouble           **gain,
                                                            gdouble           **bias,
                                                            gsize              *n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_max_rates_intercepts        (SoftlifNeuronType  *self,
                                                            const gdouble      *gain,
                                                            gsize               n_gain,
                                                            const gdouble      *bias,
                                                            gsize               n_bias,
                                                            gdouble           **max_rates,
                                                            gdouble           **intercepts,
                                                            gsize              *n_out,
                                                            GError            **error);

/* Double precision, caller buffers */
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_step_into                   (SoftlifNeuronType  *self,
                                                            gdouble             dt,
                                                            const gdouble      *J,
                                                            gsize               n_J,
                                                            gdouble            *out,
                                                            gsize               n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_current_into                (SoftlifNeuronType  *self,
                                                            const gdouble      *x,
                                                            gsize               n_x,
                                                            const gdouble      *gain,
                                                            gsize               n_gain,
                                                            const gdouble      *bias,
                                                            gsize               n_bias,
                                                            gdouble            *out,
                                                            gsize               n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_rates_into                  (SoftlifNeuronType  *self,
                                                            const gdouble      *x,
                                                            gsize               n_x,
                                                            const gdouble      *gain,
                                                            gsize               n_gain,
                                                            const gdouble      *bias,
                                                            gsize               n_bias,
                                                            gdouble            *out,
                                                            gsize               n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_derivative_into             (SoftlifNeuronType  *self,
                                                            const gdouble      *x,
                                                            gsize               n_x,
                                                            const gdouble      *gain,
                                                            gsize               n_gain,
                                                            const gdouble      *bias,
                                                            gsize               n_bias,
                                                            gdouble            *out,
                                                            gsize               n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_gain_bias_into              (SoftlifNeuronType  *self,
                                                            const gdouble      *max_rates,
                                                            gsize               n_max_rates,
                                                            const gdouble      *intercepts,
                                                            gsize               n_intercepts,
                                                            gdouble            *gain,
                                                            gdouble            *bias,
                                                            gsize               n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_max_rates_intercepts_into   (SoftlifNeuronType  *self,
                                                            const gdouble      *gain,
                                                            gsize               n_gain,
                                                            const gdouble      *bias,
                                                            gsize               n_bias,
                                                            gdouble            *max_rates,
                                                            gdouble            *intercepts,
                                                            gsize               n_out,
                                                            GError            **error);

/* Single precision, new arrays */
SOFTLIF_AVAILABLE_IN_1_0
gfloat *   softlif_neuron_type_step_float                  (SoftlifNeuronType  *self,
                                                            gdouble             dt,
                                                            const gfloat       *J,
                                                            gsize               n_J,
                                                            gsize              *n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gfloat *   softlif_neuron_type_current_float               (SoftlifNeuronType  *self,
                                                            const gfloat       *x,
                                                            gsize               n_x,
                                                            const gfloat       *gain,
                                                            gsize               n_gain,
                                                            const gfloat       *bias,
                                                            gsize               n_bias,
                                                            gsize              *n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gfloat *   softlif_neuron_type_rates_float                 (SoftlifNeuronType  *self,
                                                            const gfloat       *x,
                                                            gsize               n_x,
                                                            const gfloat       *gain,
                                                            gsize               n_gain,
                                                            const gfloat       *bias,
                                                            gsize               n_bias,
                                                            gsize              *n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gfloat *   softlif_neuron_type_derivative_float            (SoftlifNeuronType  *self,
                                                            const gfloat       *x,
                                                            gsize               n_x,
                                                            const gfloat       *gain,
                                                            gsize               n_gain,
                                                            const gfloat       *bias,
                                                            gsize               n_bias,
                                                            gsize              *n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_gain_bias_float             (SoftlifNeuronType  *self,
                                                            const gfloat       *max_rates,
                                                            gsize               n_max_rates,
                                                            const gfloat       *intercepts,
                                                            gsize               n_intercepts,
                                                            gfloat            **gain,
                                                            gfloat            **bias,
                                                            gsize              *n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_max_rates_intercepts_float  (SoftlifNeuronType  *self,
                                                            const gfloat       *gain,
                                                            gsize               n_gain,
                                                            const gfloat       *bias,
                                                            gsize               n_bias,
                                                            gfloat            **max_rates,
                                                            gfloat            **intercepts,
                                                            gsize              *n_out,
                                                            GError            **error);

/* Single precision, caller buffers */
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_step_float_into             (SoftlifNeuronType  *self,
                                                            gdouble             dt,
                                                            const gfloat       *J,
                                                            gsize               n_J,
                                                            gfloat             *out,
                                                            gsize               n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_current_float_into          (SoftlifNeuronType  *self,
                                                            const gfloat       *x,
                                                            gsize               n_x,
                                                            const gfloat       *gain,
                                                            gsize               n_gain,
                                                            const gfloat       *bias,
                                                            gsize               n_bias,
                                                            gfloat             *out,
                                                            gsize               n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_rates_float_into            (SoftlifNeuronType  *self,
                                                            const gfloat       *x,
                                                            gsize               n_x,
                                                            const gfloat       *gain,
                                                            gsize               n_gain,
                                                            const gfloat       *bias,
                                                            gsize               n_bias,
                                                            gfloat             *out,
                                                            gsize               n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_derivative_float_into       (SoftlifNeuronType  *self,
                                                            const gfloat       *x,
                                                            gsize               n_x,
                                                            const gfloat       *gain,
                                                            gsize               n_gain,
                                                            const gfloat       *bias,
                                                            gsize               n_bias,
                                                            gfloat             *out,
                                                            gsize               n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_gain_bias_float_into        (SoftlifNeuronType  *self,
                                                            const gfloat       *max_rates,
                                                            gsize               n_max_rates,
                                                            const gfloat       *intercepts,
                                                            gsize               n_intercepts,
                                                            gfloat             *gain,
                                                            gfloat             *bias,
                                                            gsize               n_out,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_max_rates_intercepts_float_into (SoftlifNeuronType *self,
                                                            const gfloat       *gain,
                                                            gsize               n_gain,
                                                            const gfloat       *bias,
                                                            gsize               n_bias,
                                                            gfloat             *max_rates,
                                                            gfloat             *intercepts,
                                                            gsize               n_out,
                                                            GError            **error);

/* GBytes, for large arrays in language bindings */
SOFTLIF_AVAILABLE_IN_1_0
GBytes *   softlif_neuron_type_step_bytes                  (SoftlifNeuronType  *self,
                                                            gdouble             dt,
                                                            SoftlifDtype        dtype,
                                                            GBytes             *J,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
GBytes *   softlif_neuron_type_current_bytes               (SoftlifNeuronType  *self,
                                                            SoftlifDtype        dtype,
                                                            GBytes             *x,
                                                            GBytes             *gain,
                                                            GBytes             *bias,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
GBytes *   softlif_neuron_type_rates_bytes                 (SoftlifNeuronType  *self,
                                                            SoftlifDtype        dtype,
                                                            GBytes             *x,
                                                            GBytes             *gain,
                                                            GBytes             *bias,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
GBytes *   softlif_neuron_type_derivative_bytes            (SoftlifNeuronType  *self,
                                                            SoftlifDtype        dtype,
                                                            GBytes             *x,
                                                            GBytes             *gain,
                                                            GBytes             *bias,
                                                            GError            **error);

G_END_DECLS
