/* softlif-neuron-type-bytes.c: the GBytes forms of the SoftlifNeuronType operations, for language bindings
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* A thin adapter: the values of each GBytes are checked for a whole
 * number of values, aligned (copied if need be), and handed to the same
 * array operations as the typed functions. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "softlif-array-ops-private.h"
#include "softlif-private.h"

/* The values in @bytes as an array aligned for @dtype: the data itself
 * when it is aligned (a GBytes made from a Python bytes object or a slice
 * need not be), else a copy left in @copy for the caller to free. */
static gboolean
bytes_elements (GBytes         *bytes,
                const char     *name,
                SoftlifDtype    dtype,
                gconstpointer  *elements,
                gsize          *n,
                gpointer       *copy,
                GError        **error)
{
  gsize size;
  gsize width = softlif_dtype_size (dtype);
  gconstpointer data = g_bytes_get_data (bytes, &size);

  *copy = NULL;
  if (size % width != 0)
    {
      g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH,
                   /* Translators: “%s” is the name of an argument, e.g.
                    * “J”; the numbers are a size and a value's size in
                    * bytes, e.g. 8 for float64. */
                   _("The data “%s” has %" PRIu64 " bytes, not a whole number of %" PRIu64 "-byte values"),
                   name, (guint64) size, (guint64) width);
      return FALSE;
    }

  if (size > 0 && (guintptr) data % width != 0)
    {
      /* the copy may not fit in memory: an error, not an abort */
      *copy = g_try_malloc (size);
      if (*copy == NULL)
        {
          g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_TOO_LARGE,
                       /* Translators: “%s” is the name of an argument,
                        * e.g. “J”; the number is a size in bytes. */
                       _("The data “%s” of %" PRIu64 " bytes is not aligned and its copy does not fit in memory"),
                       name, (guint64) size);
          return FALSE;
        }
      data = memcpy (*copy, data, size);
    }
  *elements = data;
  *n = size / width;
  return TRUE;
}

/**
 * softlif_neuron_type_step_bytes:
 * @self: a #SoftlifNeuronType
 * @dt: the time step in seconds, a finite number greater than 0
 * @dtype: the element type of @J and of the result
 * @J: input currents, packed values of type @dtype in the byte order of
 *   the host
 * @error: return location for a #GError
 *
 * The form of softlif_neuron_type_step() for large arrays in language
 * bindings: the data crosses as one block of bytes instead of one
 * element at a time. From Python with numpy:
 *
 * |[<!-- language="plain" -->
 * J = numpy.linspace(-1.0, 5.0, 1000000)
 * out = neuron.step_bytes(0.001, Softlif.Dtype.FLOAT64, GLib.Bytes.new(J.tobytes()))
 * rates = numpy.frombuffer(out.get_data(), numpy.float64)
 * ]|
 *
 * The data need not be aligned. Fails with %SOFTLIF_ERROR_SIZE_MISMATCH if
 * the size of @J is not a whole number of values.
 *
 * Returns: (transfer full) (nullable): the rates in Hz, as values of type
 *   @dtype, or %NULL if @error was set
 *
 * Since: 1.0
 */
GBytes *
softlif_neuron_type_step_bytes (SoftlifNeuronType  *self,
                                gdouble             dt,
                                SoftlifDtype        dtype,
                                GBytes             *J,
                                GError            **error)
{
  g_autofree gpointer J_copy = NULL;
  g_autofree gpointer out = NULL;
  gconstpointer J_data;
  gsize n_J, n_out;

  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), NULL);
  g_return_val_if_fail (dtype == SOFTLIF_DTYPE_FLOAT64 || dtype == SOFTLIF_DTYPE_FLOAT32, NULL);
  g_return_val_if_fail (J != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bytes_elements (J, "J", dtype, &J_data, &n_J, &J_copy, error))
    return NULL;

  out = softlif_array_step_new (self, dt, dtype, J_data, n_J, &n_out, error);
  if (out == NULL)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&out), n_out * softlif_dtype_size (dtype));
}

static GBytes *
tuning_bytes (SoftlifNeuronType  *self,
              SoftlifTuningOp     op,
              SoftlifDtype        dtype,
              GBytes             *x,
              GBytes             *gain,
              GBytes             *bias,
              GError            **error)
{
  g_autofree gpointer x_copy = NULL;
  g_autofree gpointer gain_copy = NULL;
  g_autofree gpointer bias_copy = NULL;
  g_autofree gpointer out = NULL;
  gconstpointer x_data, gain_data, bias_data;
  gsize n_x, n_gain, n_bias, n_out;

  if (!bytes_elements (x, "x", dtype, &x_data, &n_x, &x_copy, error) ||
      !bytes_elements (gain, "gain", dtype, &gain_data, &n_gain, &gain_copy, error) ||
      !bytes_elements (bias, "bias", dtype, &bias_data, &n_bias, &bias_copy, error))
    return NULL;

  out = softlif_array_tuning_new (self, op, dtype, x_data, n_x, gain_data, n_gain, bias_data, n_bias,
                    &n_out, error);
  if (out == NULL)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&out), n_out * softlif_dtype_size (dtype));
}

#define TUNING_BYTES_PRECONDITIONS(self, dtype, x, gain, bias, error)          \
  G_STMT_START {                                                               \
    g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), NULL);                \
    g_return_val_if_fail ((dtype) == SOFTLIF_DTYPE_FLOAT64 ||                  \
                          (dtype) == SOFTLIF_DTYPE_FLOAT32, NULL);             \
    g_return_val_if_fail ((x) != NULL, NULL);                                  \
    g_return_val_if_fail ((gain) != NULL, NULL);                               \
    g_return_val_if_fail ((bias) != NULL, NULL);                               \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, NULL);          \
  } G_STMT_END

/**
 * softlif_neuron_type_current_bytes:
 * @self: a #SoftlifNeuronType
 * @dtype: the element type of the data and of the result
 * @x: the represented values, one per sample, of type @dtype
 * @gain: the gain of each neuron, of type @dtype
 * @bias: the bias current of each neuron, as many values as @gain
 * @error: return location for a #GError
 *
 * The #GBytes form of softlif_neuron_type_current(); see
 * softlif_neuron_type_step_bytes().
 *
 * From Python with numpy:
 *
 * |[<!-- language="plain" -->
 * J = neuron.current_bytes(Softlif.Dtype.FLOAT64, GLib.Bytes.new(x.tobytes()),
 *                          GLib.Bytes.new(gain.tobytes()), GLib.Bytes.new(bias.tobytes()))
 * J = numpy.frombuffer(J.get_data(), numpy.float64)
 * ]|
 *
 * Returns: (transfer full) (nullable): the currents, row-major, one row
 *   per sample, or %NULL if @error was set
 *
 * Since: 1.0
 */
GBytes *
softlif_neuron_type_current_bytes (SoftlifNeuronType  *self,
                                   SoftlifDtype        dtype,
                                   GBytes             *x,
                                   GBytes             *gain,
                                   GBytes             *bias,
                                   GError            **error)
{
  TUNING_BYTES_PRECONDITIONS (self, dtype, x, gain, bias, error);

  return tuning_bytes (self, SOFTLIF_TUNING_CURRENT, dtype, x, gain, bias, error);
}

/**
 * softlif_neuron_type_rates_bytes:
 * @self: a #SoftlifNeuronType
 * @dtype: the element type of the data and of the result
 * @x: the represented values, one per sample, of type @dtype
 * @gain: the gain of each neuron, of type @dtype
 * @bias: the bias current of each neuron, as many values as @gain
 * @error: return location for a #GError
 *
 * The #GBytes form of softlif_neuron_type_rates(); see
 * softlif_neuron_type_step_bytes().
 *
 * From Python with numpy:
 *
 * |[<!-- language="plain" -->
 * out = neuron.rates_bytes(Softlif.Dtype.FLOAT64, GLib.Bytes.new(x.tobytes()),
 *                          GLib.Bytes.new(gain.tobytes()), GLib.Bytes.new(bias.tobytes()))
 * rates = numpy.frombuffer(out.get_data(), numpy.float64).reshape(len(x), len(gain))
 * ]|
 *
 * Returns: (transfer full) (nullable): the rates in Hz, row-major, one
 *   row per sample, or %NULL if @error was set
 *
 * Since: 1.0
 */
GBytes *
softlif_neuron_type_rates_bytes (SoftlifNeuronType  *self,
                                 SoftlifDtype        dtype,
                                 GBytes             *x,
                                 GBytes             *gain,
                                 GBytes             *bias,
                                 GError            **error)
{
  TUNING_BYTES_PRECONDITIONS (self, dtype, x, gain, bias, error);

  return tuning_bytes (self, SOFTLIF_TUNING_RATES, dtype, x, gain, bias, error);
}

/**
 * softlif_neuron_type_derivative_bytes:
 * @self: a #SoftlifNeuronType
 * @dtype: the element type of the data and of the result
 * @x: the represented values, one per sample, of type @dtype
 * @gain: the gain of each neuron, of type @dtype
 * @bias: the bias current of each neuron, as many values as @gain
 * @error: return location for a #GError
 *
 * The #GBytes form of softlif_neuron_type_derivative(); see
 * softlif_neuron_type_step_bytes().
 *
 * From Python with numpy, in single precision:
 *
 * |[<!-- language="plain" -->
 * out = neuron.derivative_bytes(Softlif.Dtype.FLOAT32, GLib.Bytes.new(x.astype(numpy.float32).tobytes()),
 *                               GLib.Bytes.new(gain.astype(numpy.float32).tobytes()),
 *                               GLib.Bytes.new(bias.astype(numpy.float32).tobytes()))
 * slope = numpy.frombuffer(out.get_data(), numpy.float32)
 * ]|
 *
 * Returns: (transfer full) (nullable): the derivatives with respect to x,
 *   row-major, one row per sample, or %NULL if @error was set
 *
 * Since: 1.0
 */
GBytes *
softlif_neuron_type_derivative_bytes (SoftlifNeuronType  *self,
                                      SoftlifDtype        dtype,
                                      GBytes             *x,
                                      GBytes             *gain,
                                      GBytes             *bias,
                                      GError            **error)
{
  TUNING_BYTES_PRECONDITIONS (self, dtype, x, gain, bias, error);

  return tuning_bytes (self, SOFTLIF_TUNING_DERIVATIVE, dtype, x, gain, bias, error);
}
