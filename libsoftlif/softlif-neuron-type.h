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
 *
 * |[<!-- language="C" -->
 * g_autoptr(GBytes) J = g_bytes_new (values, n * sizeof (float));
 * g_autoptr(GBytes) rates = softlif_neuron_type_step_bytes (neuron, 0.001, SOFTLIF_DTYPE_FLOAT32, J, &error);
 * ]|
 *
 * Since: 1.0
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
 * @compute_rates: computes the firing rate in Hz for each of @n input
 *   currents; @out may be the same buffer as @J. No default: a type
 *   without it fails every operation that needs rates with
 *   %SOFTLIF_ERROR_NOT_IMPLEMENTED.
 * @compute_rates_float: the same in single precision; the default converts
 *   to double precision, calls @compute_rates and rounds the results
 * @compute_derivative: computes the derivative of the rate with respect to
 *   the input current for each of @n currents; @out may be @J. No
 *   default: without it the derivative operations fail with
 *   %SOFTLIF_ERROR_NOT_IMPLEMENTED.
 * @compute_derivative_float: the same in single precision; the default
 *   goes through @compute_derivative in double precision
 * @compute_gain_bias: computes gain and bias from maximum rates and
 *   intercepts, checking all values before writing any; called with
 *   arrays of equal length. The default finds the currents numerically
 *   from @compute_rates, for a rate that is 0 up to a threshold current
 *   and increases above it, as nengo's `NeuronType.gain_bias` does.
 * @compute_max_rates_intercepts: the inverse of @compute_gain_bias; the
 *   default is numerical too, from @compute_rates
 * @compute_rates_affine: optional, %NULL by default: the rates of
 *   `J = gain * x + bias` for one neuron in one pass, without storing the
 *   currents; it returns %FALSE, writing nothing, where it leaves the
 *   work to @compute_rates. It must give the very bits of @compute_rates
 *   on the currents of softlif_neuron_type_current(). A subclass that
 *   overrides @compute_rates of a parent that sets it must override or
 *   unset it too. Since: 1.2
 *
 * The virtual methods of a neuron type. A subclass implements the
 * element-wise functions of the input current; the base class builds the
 * currents, checks the arguments and splits the work. The methods fill
 * buffers of the caller, so subclasses are written in C. For a large
 * array the methods run on several threads at once, on parts of the
 * array, so they must only read the instance.
 *
 * A subclass that sets only @compute_rates has every operation but the
 * derivatives:
 *
 * |[<!-- language="C" -->
 * static void
 * my_rate_compute_rates (SoftlifNeuronType *self, const double *J, double *out, gsize n)
 * {
 *   for (gsize i = 0; i < n; i++)
 *     out[i] = J[i] > 1.0 ? 100.0 * (J[i] - 1.0) : 0.0;   // a rectified linear neuron
 * }
 *
 * static void
 * my_rate_class_init (MyRateClass *klass)
 * {
 *   SOFTLIF_NEURON_TYPE_CLASS (klass)->compute_rates = my_rate_compute_rates;
 * }
 * ]|
 */
/**
 * SoftlifNeuronTypeClass::compute_rates: (skip)
 * @self: a #SoftlifNeuronType
 * @J: (array length=n): input currents
 * @out: (array length=n): where to write the rates in Hz
 * @n: the number of currents
 *
 * Computes the firing rate for each input current.
 *
 * |[<!-- language="C" -->
 * klass->compute_rates = my_rate_compute_rates;
 * ]|
 *
 * Since: 1.0
 */

/**
 * SoftlifNeuronTypeClass::compute_rates_float: (skip)
 * @self: a #SoftlifNeuronType
 * @J: (array length=n): input currents
 * @out: (array length=n): where to write the rates in Hz
 * @n: the number of currents
 *
 * Computes the firing rate for each input current in single precision.
 *
 * |[<!-- language="C" -->
 * klass->compute_rates_float = my_rate_compute_rates_float;   // optional
 * ]|
 *
 * Since: 1.0
 */

/**
 * SoftlifNeuronTypeClass::compute_derivative: (skip)
 * @self: a #SoftlifNeuronType
 * @J: (array length=n): input currents
 * @out: (array length=n): where to write the derivatives in Hz per unit
 *   of current
 * @n: the number of currents
 *
 * Computes the derivative of the rate with respect to the current.
 *
 * |[<!-- language="C" -->
 * klass->compute_derivative = my_rate_compute_derivative;
 * ]|
 *
 * Since: 1.0
 */

/**
 * SoftlifNeuronTypeClass::compute_derivative_float: (skip)
 * @self: a #SoftlifNeuronType
 * @J: (array length=n): input currents
 * @out: (array length=n): where to write the derivatives in Hz per unit
 *   of current
 * @n: the number of currents
 *
 * Computes the derivative of the rate with respect to the current in
 * single precision.
 *
 * |[<!-- language="C" -->
 * klass->compute_derivative_float = my_rate_compute_derivative_float;   // optional
 * ]|
 *
 * Since: 1.0
 */

/**
 * SoftlifNeuronTypeClass::compute_gain_bias: (skip)
 * @self: a #SoftlifNeuronType
 * @max_rates: (array length=n): the rate of each neuron at x = 1, in Hz
 * @intercepts: (array length=n): the x at which each neuron starts to fire
 * @gain: (array length=n): where to write the gains
 * @bias: (array length=n): where to write the biases
 * @n: the number of neurons
 * @error: return location for a #GError
 *
 * Computes gain and bias from maximum rates and intercepts.
 *
 * |[<!-- language="C" -->
 * klass->compute_gain_bias = my_rate_compute_gain_bias;
 * ]|
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 *
 * Since: 1.0
 */

/**
 * SoftlifNeuronTypeClass::compute_max_rates_intercepts: (skip)
 * @self: a #SoftlifNeuronType
 * @gain: (array length=n): the gain of each neuron
 * @bias: (array length=n): the bias of each neuron
 * @max_rates: (array length=n): where to write the rates at x = 1, in Hz
 * @intercepts: (array length=n): where to write the intercepts
 * @n: the number of neurons
 * @error: return location for a #GError
 *
 * Computes maximum rates and intercepts from gain and bias.
 *
 * |[<!-- language="C" -->
 * klass->compute_max_rates_intercepts = my_rate_compute_max_rates_intercepts;
 * ]|
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 *
 * Since: 1.0
 */

/**
 * SoftlifNeuronTypeClass::compute_rates_affine: (skip)
 * @self: a #SoftlifNeuronType
 * @x: (array length=n): the represented values
 * @gain: the gain of the neuron
 * @bias: the bias current of the neuron
 * @out: (array length=n): where to write the rates in Hz; may be @x
 * @n: the number of values
 *
 * Computes the rates of the currents `gain * x[i] + bias` (rounded as
 * softlif_neuron_type_current() rounds them) in one pass.
 *
 * |[<!-- language="C" -->
 * klass->compute_rates_affine = my_rate_compute_rates_affine;   // optional
 * ]|
 *
 * Returns: %TRUE if it wrote the rates, %FALSE if it left them to
 *   @compute_rates
 *
 * Since: 1.2
 */

struct _SoftlifNeuronTypeClass
{
  /*< private >*/
  GObjectClass parent_class;

  /*< public >*/
  void     (* compute_rates)                (SoftlifNeuronType  *self,
                                             const gdouble      *J,
                                             gdouble            *out,
                                             gsize               n);
  void     (* compute_rates_float)          (SoftlifNeuronType  *self,
                                             const gfloat       *J,
                                             gfloat             *out,
                                             gsize               n);
  void     (* compute_derivative)           (SoftlifNeuronType  *self,
                                             const gdouble      *J,
                                             gdouble            *out,
                                             gsize               n);
  void     (* compute_derivative_float)     (SoftlifNeuronType  *self,
                                             const gfloat       *J,
                                             gfloat             *out,
                                             gsize               n);
  gboolean (* compute_gain_bias)            (SoftlifNeuronType  *self,
                                             const gdouble      *max_rates,
                                             const gdouble      *intercepts,
                                             gdouble            *gain,
                                             gdouble            *bias,
                                             gsize               n,
                                             GError            **error);
  gboolean (* compute_max_rates_intercepts) (SoftlifNeuronType  *self,
                                             const gdouble      *gain,
                                             const gdouble      *bias,
                                             gdouble            *max_rates,
                                             gdouble            *intercepts,
                                             gsize               n,
                                             GError            **error);

  gboolean (* compute_rates_affine)         (SoftlifNeuronType  *self,
                                             const gdouble      *x,
                                             gdouble             gain,
                                             gdouble             bias,
                                             gdouble            *out,
                                             gsize               n);

  /*< private >*/
  gpointer padding[11];
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
                                                            gsize              *n_gain,
                                                            gdouble           **bias,
                                                            gsize              *n_bias,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_max_rates_intercepts        (SoftlifNeuronType  *self,
                                                            const gdouble      *gain,
                                                            gsize               n_gain,
                                                            const gdouble      *bias,
                                                            gsize               n_bias,
                                                            gdouble           **max_rates,
                                                            gsize              *n_max_rates,
                                                            gdouble           **intercepts,
                                                            gsize              *n_intercepts,
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
                                                            gsize              *n_gain,
                                                            gfloat            **bias,
                                                            gsize              *n_bias,
                                                            GError            **error);
SOFTLIF_AVAILABLE_IN_1_0
gboolean   softlif_neuron_type_max_rates_intercepts_float  (SoftlifNeuronType  *self,
                                                            const gfloat       *gain,
                                                            gsize               n_gain,
                                                            const gfloat       *bias,
                                                            gsize               n_bias,
                                                            gfloat            **max_rates,
                                                            gsize              *n_max_rates,
                                                            gfloat            **intercepts,
                                                            gsize              *n_intercepts,
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
