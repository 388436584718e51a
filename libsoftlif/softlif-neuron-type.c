/* softlif-neuron-type.c: the base class of all neuron types
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SoftlifNeuronType:
 *
 * The abstract base class of the neuron models.
 *
 * A neuron type maps an input current `J` to a firing rate in Hz. The
 * base class provides the operations that nengo users know from
 * `nengo.neurons.NeuronType`: [method@Softlif.NeuronType.step] for
 * currents, [method@Softlif.NeuronType.rates] for the tuning curves of a
 * population with `J = gain * x + bias`, their
 * [method@Softlif.NeuronType.derivative], and the conversions between
 * gain and bias and maximum rates and intercepts.
 *
 * Every operation comes in double precision and in single precision (the
 * `_float` functions), and in two forms: one that returns newly allocated
 * arrays, for language bindings, and one with the `_into` suffix that
 * writes into buffers of the caller and never allocates. An output buffer
 * may be the very buffer of an input of the same length, so computing in
 * place is allowed.
 */

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "softlif-neuron-type.h"
#include "softlif-private.h"

/* Work is done in blocks that fit the L1 cache; reading a block of inputs
 * before writing the block of outputs is also what makes in-place
 * computation safe. */
#define BLOCK 256

G_DEFINE_ABSTRACT_TYPE (SoftlifNeuronType, softlif_neuron_type, G_TYPE_OBJECT)

/* Single precision goes through the double precision kernels: the inputs
 * widen exactly and the one rounding at the end keeps the result within
 * one unit in the last place of a float. */
static void
softlif_neuron_type_real_rates_float (SoftlifNeuronType *self,
                                      const gfloat      *J,
                                      gfloat            *out,
                                      gsize              n)
{
  SoftlifNeuronTypeClass *klass = SOFTLIF_NEURON_TYPE_GET_CLASS (self);
  gdouble buf[BLOCK];

  for (gsize start = 0; start < n; start += BLOCK)
    {
      gsize len = MIN (BLOCK, n - start);

      for (gsize i = 0; i < len; i++)
        buf[i] = J[start + i];
      klass->rates_double (self, buf, buf, len);
      for (gsize i = 0; i < len; i++)
        out[start + i] = (gfloat) buf[i];
    }
}

static void
softlif_neuron_type_real_derivative_float (SoftlifNeuronType *self,
                                           const gfloat      *J,
                                           gfloat            *out,
                                           gsize              n)
{
  SoftlifNeuronTypeClass *klass = SOFTLIF_NEURON_TYPE_GET_CLASS (self);
  gdouble buf[BLOCK];

  for (gsize start = 0; start < n; start += BLOCK)
    {
      gsize len = MIN (BLOCK, n - start);

      for (gsize i = 0; i < len; i++)
        buf[i] = J[start + i];
      klass->derivative_double (self, buf, buf, len);
      for (gsize i = 0; i < len; i++)
        out[start + i] = (gfloat) buf[i];
    }
}

static void
softlif_neuron_type_class_init (SoftlifNeuronTypeClass *klass)
{
  klass->rates_float = softlif_neuron_type_real_rates_float;
  klass->derivative_float = softlif_neuron_type_real_derivative_float;
}

static void
softlif_neuron_type_init (SoftlifNeuronType *self)
{
}

/* Parameters and messages {{{ */

gboolean
softlif_param_is_valid (gdouble      value,
                        SoftlifBound bound)
{
  if (!isfinite (value))
    return FALSE;

  switch (bound)
    {
    case SOFTLIF_BOUND_POSITIVE:
      return value > 0.0;
    case SOFTLIF_BOUND_NON_NEGATIVE:
      return value >= 0.0;
    default:
      g_assert_not_reached ();
    }
}

gboolean
softlif_check_param (const char   *name,
                     gdouble       value,
                     SoftlifBound  bound,
                     GError      **error)
{
  g_autofree char *repr = NULL;

  if (softlif_param_is_valid (value, bound))
    return TRUE;

  repr = softlif_format_double (value);
  if (bound == SOFTLIF_BOUND_POSITIVE)
    g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER,
                 /* Translators: the first %s is the name of a parameter,
                  * e.g. “tau_rc”, the second its value, e.g. “-1.0”. */
                 _("Invalid value for parameter “%s”: %s; it must be a finite number greater than 0"),
                 name, repr);
  else
    g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER,
                 /* Translators: the first %s is the name of a parameter,
                  * e.g. “tau_ref”, the second its value, e.g. “nan”. */
                 _("Invalid value for parameter “%s”: %s; it must be a finite number greater than or equal to 0"),
                 name, repr);

  return FALSE;
}

char *
softlif_format_double (gdouble value)
{
  char digits[32];
  int precision;
  int exponent;
  GString *s;
  const char *mantissa;
  gsize n_digits;

  if (isnan (value))
    return g_strdup ("nan");
  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");
  if (value == 0.0)
    return g_strdup (signbit (value) ? "-0.0" : "0.0");

  /* The fewest significant digits that read back exactly. */
  for (precision = 0; precision < 17; precision++)
    {
      char format[16];

      g_snprintf (format, sizeof format, "%%.%de", precision);
      g_ascii_formatd (digits, sizeof digits, format, value);
      if (g_ascii_strtod (digits, NULL) == value)
        break;
    }

  /* digits is "[-]d[.ddd]e±XX"; respell it as Python does. */
  s = g_string_new (NULL);
  mantissa = digits;
  if (*mantissa == '-')
    {
      g_string_append_c (s, '-');
      mantissa++;
    }

  {
    char plain[20];
    const char *e = strchr (mantissa, 'e');
    gsize k = 0;

    g_assert (e != NULL);
    for (const char *p = mantissa; p < e; p++)
      if (g_ascii_isdigit (*p))
        plain[k++] = *p;
    plain[k] = '\0';
    n_digits = k;
    exponent = atoi (e + 1);

    /* Python switches to exponent notation outside [1e-4, 1e16). */
    if (exponent >= -4 && exponent < 16)
      {
        if (exponent < 0)
          {
            g_string_append (s, "0.");
            for (int z = -1; z > exponent; z--)
              g_string_append_c (s, '0');
            g_string_append (s, plain);
          }
        else if ((gsize) exponent + 1 >= n_digits)
          {
            g_string_append (s, plain);
            for (gsize z = n_digits; z < (gsize) exponent + 1; z++)
              g_string_append_c (s, '0');
            g_string_append (s, ".0");
          }
        else
          {
            g_string_append_len (s, plain, exponent + 1);
            g_string_append_c (s, '.');
            g_string_append (s, plain + exponent + 1);
          }
      }
    else
      {
        g_string_append_c (s, plain[0]);
        if (n_digits > 1)
          {
            g_string_append_c (s, '.');
            g_string_append (s, plain + 1);
          }
        g_string_append_printf (s, "e%c%02d", exponent < 0 ? '-' : '+', ABS (exponent));
      }
  }

  return g_string_free (s, FALSE);
}

static gboolean
check_same_length (const char  *name_a,
                   gsize        n_a,
                   const char  *name_b,
                   gsize        n_b,
                   GError     **error)
{
  if (n_a == n_b)
    return TRUE;

  g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH,
               /* Translators: “%s” are names of arguments, e.g. “gain” and
                * “bias”; the numbers are their lengths. */
               _("The arrays “%s” and “%s” must have the same length, not %" PRIu64 " and %" PRIu64),
               name_a, name_b, (guint64) n_a, (guint64) n_b);
  return FALSE;
}

static gboolean
check_output_length (gsize    n_out,
                     gsize    needed,
                     GError **error)
{
  if (n_out == needed)
    return TRUE;

  g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH,
               /* Translators: the numbers are array lengths. */
               _("The output array has room for %" PRIu64 " values but the result has %" PRIu64),
               (guint64) n_out, (guint64) needed);
  return FALSE;
}

/* The length of a tuning-curve matrix, n_x rows by n_gain columns. */
static gboolean
tuning_shape (gsize    n_x,
              gsize    n_gain,
              gsize    n_bias,
              gsize   *n_result,
              GError **error)
{
  if (!check_same_length ("gain", n_gain, "bias", n_bias, error))
    return FALSE;

  if (!g_size_checked_mul (n_result, n_x, n_gain))
    {
      g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH,
                   /* Translators: the numbers are array lengths. */
                   _("A result of %" PRIu64 " by %" PRIu64 " values is too large"),
                   (guint64) n_x, (guint64) n_gain);
      return FALSE;
    }

  return TRUE;
}

/* }}} */

/* The element-wise operations {{{ */

typedef enum {
  TUNING_CURRENT,
  TUNING_RATES,
  TUNING_DERIVATIVE
} TuningOp;

/* One body for both precisions: J = gain * x + bias in the precision of the
 * data (as numpy computes it), then the kernel on each block. The
 * derivative is taken with respect to x, hence the factor gain. */
#define DEFINE_TUNING(T, suffix)                                               \
static void                                                                    \
tuning_##suffix (SoftlifNeuronType *self,                                      \
                 TuningOp           op,                                        \
                 const T           *x,                                         \
                 gsize              n_x,                                       \
                 const T           *gain,                                      \
                 const T           *bias,                                      \
                 gsize              n_neurons,                                 \
                 T                 *out)                                       \
{                                                                              \
  SoftlifNeuronTypeClass *klass = SOFTLIF_NEURON_TYPE_GET_CLASS (self);        \
  T J[BLOCK];                                                                  \
  T g[BLOCK];                                                                  \
                                                                               \
  for (gsize s = 0; s < n_x; s++)                                              \
    {                                                                          \
      T xs = x[s];                                                             \
                                                                               \
      for (gsize start = 0; start < n_neurons; start += BLOCK)                 \
        {                                                                      \
          gsize len = MIN (BLOCK, n_neurons - start);                          \
          T *row = out + s * n_neurons + start;                                \
                                                                               \
          for (gsize k = 0; k < len; k++)                                      \
            {                                                                  \
              T p = gain[start + k] * xs;                                      \
              g[k] = gain[start + k];                                          \
              J[k] = p + bias[start + k];                                      \
            }                                                                  \
          switch (op)                                                          \
            {                                                                  \
            case TUNING_CURRENT:                                               \
              break;                                                           \
            case TUNING_RATES:                                                 \
              klass->rates_##suffix (self, J, J, len);                         \
              break;                                                           \
            case TUNING_DERIVATIVE:                                            \
              klass->derivative_##suffix (self, J, J, len);                    \
              for (gsize k = 0; k < len; k++)                                  \
                J[k] *= g[k];                                                  \
              break;                                                           \
            default:                                                           \
              g_assert_not_reached ();                                         \
            }                                                                  \
          memcpy (row, J, len * sizeof (T));                                   \
        }                                                                      \
    }                                                                          \
}

DEFINE_TUNING (gdouble, double)
DEFINE_TUNING (gfloat, float)

#undef DEFINE_TUNING

static gboolean
check_dt (gdouble   dt,
          GError  **error)
{
  return softlif_check_param ("dt", dt, SOFTLIF_BOUND_POSITIVE, error);
}

/* }}} */

/* Double precision, caller buffers {{{ */

/**
 * softlif_neuron_type_step_into: (skip)
 * @self: a #SoftlifNeuronType
 * @dt: the time step in seconds; rate neurons do not use it, but it must
 *   be a finite number greater than 0
 * @J: (array length=n_J): input currents (dimensionless)
 * @n_J: the number of currents
 * @out: (array length=n_out): where to write the rates in Hz; may be @J
 * @n_out: the length of @out, equal to @n_J
 * @error: return location for a #GError
 *
 * Computes the firing rate for each input current, as nengo's `step`
 * (`step_math`) does, into a buffer of the caller. Nothing is written
 * when an error is reported.
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_step_into (SoftlifNeuronType  *self,
                               gdouble             dt,
                               const gdouble      *J,
                               gsize               n_J,
                               gdouble            *out,
                               gsize               n_out,
                               GError            **error)
{
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (J != NULL || n_J == 0, FALSE);
  g_return_val_if_fail (out != NULL || n_out == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_dt (dt, error) || !check_output_length (n_out, n_J, error))
    return FALSE;

  if (n_J > 0)
    SOFTLIF_NEURON_TYPE_GET_CLASS (self)->rates_double (self, J, out, n_J);

  return TRUE;
}

/* The three tuning operations share their checks. */
#define TUNING_PRECONDITIONS(self, x, n_x, gain, n_gain, bias, n_bias, out, n_out, error) \
  G_STMT_START {                                                               \
    g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);               \
    g_return_val_if_fail ((x) != NULL || (n_x) == 0, FALSE);                   \
    g_return_val_if_fail ((gain) != NULL || (n_gain) == 0, FALSE);             \
    g_return_val_if_fail ((bias) != NULL || (n_bias) == 0, FALSE);             \
    g_return_val_if_fail ((out) != NULL || (n_out) == 0, FALSE);               \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, FALSE);         \
  } G_STMT_END

static gboolean
tuning_into_double (SoftlifNeuronType  *self,
                    TuningOp            op,
                    const gdouble      *x,
                    gsize               n_x,
                    const gdouble      *gain,
                    gsize               n_gain,
                    const gdouble      *bias,
                    gsize               n_bias,
                    gdouble            *out,
                    gsize               n_out,
                    GError            **error)
{
  gsize n_result;

  if (!tuning_shape (n_x, n_gain, n_bias, &n_result, error) ||
      !check_output_length (n_out, n_result, error))
    return FALSE;

  tuning_double (self, op, x, n_x, gain, bias, n_gain, out);
  return TRUE;
}

static gboolean
tuning_into_float (SoftlifNeuronType  *self,
                   TuningOp            op,
                   const gfloat       *x,
                   gsize               n_x,
                   const gfloat       *gain,
                   gsize               n_gain,
                   const gfloat       *bias,
                   gsize               n_bias,
                   gfloat             *out,
                   gsize               n_out,
                   GError            **error)
{
  gsize n_result;

  if (!tuning_shape (n_x, n_gain, n_bias, &n_result, error) ||
      !check_output_length (n_out, n_result, error))
    return FALSE;

  tuning_float (self, op, x, n_x, gain, bias, n_gain, out);
  return TRUE;
}

/**
 * softlif_neuron_type_current_into: (skip)
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @out: (array length=n_out): where to write the currents, row-major,
 *   `out[s * n_gain + k] = gain[k] * x[s] + bias[k]`
 * @n_out: the length of @out, @n_x times @n_gain
 * @error: return location for a #GError
 *
 * Computes the input currents of a population for each sample, as nengo
 * broadcasts a one-dimensional @x: first the product, rounded, then the
 * sum, rounded (no fused multiply-add), so that the currents equal
 * numpy's `gain * x[:, None] + bias` bit for bit.
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_current_into (SoftlifNeuronType  *self,
                                  const gdouble      *x,
                                  gsize               n_x,
                                  const gdouble      *gain,
                                  gsize               n_gain,
                                  const gdouble      *bias,
                                  gsize               n_bias,
                                  gdouble            *out,
                                  gsize               n_out,
                                  GError            **error)
{
  TUNING_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, out, n_out, error);

  return tuning_into_double (self, TUNING_CURRENT, x, n_x, gain, n_gain,
                             bias, n_bias, out, n_out, error);
}

/**
 * softlif_neuron_type_rates_into: (skip)
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @out: (array length=n_out): where to write the rates in Hz, row-major,
 *   one row per sample
 * @n_out: the length of @out, @n_x times @n_gain
 * @error: return location for a #GError
 *
 * Computes the tuning curves: the rate of each neuron for each sample,
 * for the currents of softlif_neuron_type_current_into().
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_rates_into (SoftlifNeuronType  *self,
                                const gdouble      *x,
                                gsize               n_x,
                                const gdouble      *gain,
                                gsize               n_gain,
                                const gdouble      *bias,
                                gsize               n_bias,
                                gdouble            *out,
                                gsize               n_out,
                                GError            **error)
{
  TUNING_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, out, n_out, error);

  return tuning_into_double (self, TUNING_RATES, x, n_x, gain, n_gain,
                             bias, n_bias, out, n_out, error);
}

/**
 * softlif_neuron_type_derivative_into: (skip)
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @out: (array length=n_out): where to write the derivatives in Hz per
 *   unit of x, row-major, one row per sample
 * @n_out: the length of @out, @n_x times @n_gain
 * @error: return location for a #GError
 *
 * Computes the derivative of the tuning curves with respect to x:
 * `gain[k]` times the derivative of the rate with respect to the current.
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_derivative_into (SoftlifNeuronType  *self,
                                     const gdouble      *x,
                                     gsize               n_x,
                                     const gdouble      *gain,
                                     gsize               n_gain,
                                     const gdouble      *bias,
                                     gsize               n_bias,
                                     gdouble            *out,
                                     gsize               n_out,
                                     GError            **error)
{
  TUNING_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, out, n_out, error);

  return tuning_into_double (self, TUNING_DERIVATIVE, x, n_x, gain, n_gain,
                             bias, n_bias, out, n_out, error);
}

/**
 * softlif_neuron_type_gain_bias_into: (skip)
 * @self: a #SoftlifNeuronType
 * @max_rates: (array length=n_max_rates): the rate of each neuron at x = 1,
 *   in Hz
 * @n_max_rates: the number of neurons
 * @intercepts: (array length=n_intercepts): the x at which each neuron
 *   starts to fire
 * @n_intercepts: the length of @intercepts, equal to @n_max_rates
 * @gain: (array length=n_out): where to write the gains
 * @bias: (array length=n_out): where to write the biases
 * @n_out: the length of @gain and of @bias
 * @error: return location for a #GError
 *
 * Computes the gain and bias that give each neuron its maximum rate and
 * intercept, with nengo's formulas for the LIF neuron (which do not
 * depend on the amplitude). Fails with %SOFTLIF_ERROR_OUT_OF_RANGE if a
 * maximum rate is not a positive number below 1 / tau_ref or an
 * intercept is not a finite number below 1; nothing is written then.
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_gain_bias_into (SoftlifNeuronType  *self,
                                    const gdouble      *max_rates,
                                    gsize               n_max_rates,
                                    const gdouble      *intercepts,
                                    gsize               n_intercepts,
                                    gdouble            *gain,
                                    gdouble            *bias,
                                    gsize               n_out,
                                    GError            **error)
{
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (max_rates != NULL || n_max_rates == 0, FALSE);
  g_return_val_if_fail (intercepts != NULL || n_intercepts == 0, FALSE);
  g_return_val_if_fail ((gain != NULL && bias != NULL) || n_out == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_same_length ("max_rates", n_max_rates, "intercepts", n_intercepts, error) ||
      !check_output_length (n_out, n_max_rates, error))
    return FALSE;

  return SOFTLIF_NEURON_TYPE_GET_CLASS (self)->gain_bias (self, max_rates, intercepts,
                                                          gain, bias, n_out, error);
}

/**
 * softlif_neuron_type_max_rates_intercepts_into: (skip)
 * @self: a #SoftlifNeuronType
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @max_rates: (array length=n_out): where to write the rates at x = 1, in Hz
 * @intercepts: (array length=n_out): where to write the intercepts
 * @n_out: the length of @max_rates and of @intercepts
 * @error: return location for a #GError
 *
 * The inverse of softlif_neuron_type_gain_bias_into(). A neuron that is
 * silent at x = 1 (`gain + bias <= 1`) has maximum rate 0. Fails with
 * %SOFTLIF_ERROR_OUT_OF_RANGE if a gain is 0 or a value is not finite.
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_max_rates_intercepts_into (SoftlifNeuronType  *self,
                                               const gdouble      *gain,
                                               gsize               n_gain,
                                               const gdouble      *bias,
                                               gsize               n_bias,
                                               gdouble            *max_rates,
                                               gdouble            *intercepts,
                                               gsize               n_out,
                                               GError            **error)
{
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (gain != NULL || n_gain == 0, FALSE);
  g_return_val_if_fail (bias != NULL || n_bias == 0, FALSE);
  g_return_val_if_fail ((max_rates != NULL && intercepts != NULL) || n_out == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_same_length ("gain", n_gain, "bias", n_bias, error) ||
      !check_output_length (n_out, n_gain, error))
    return FALSE;

  return SOFTLIF_NEURON_TYPE_GET_CLASS (self)->max_rates_intercepts (self, gain, bias,
                                                                     max_rates, intercepts,
                                                                     n_out, error);
}

/* }}} */

/* Double precision, new arrays {{{ */

/* g_new() returns NULL for 0 elements; a successful call returns non-NULL. */
#define NEW_ARRAY(T, n) g_new (T, MAX ((n), 1))

/**
 * softlif_neuron_type_step:
 * @self: a #SoftlifNeuronType
 * @dt: the time step in seconds; rate neurons do not use it, but it must
 *   be a finite number greater than 0
 * @J: (array length=n_J): input currents (dimensionless)
 * @n_J: the number of currents
 * @n_out: (out): return location for the length of the result
 * @error: return location for a #GError
 *
 * Computes the firing rate in Hz for each input current, as nengo's
 * `step` (`step_math`) does.
 *
 * Returns: (transfer full) (array length=n_out) (nullable): the rates, or
 *   %NULL if @error was set
 */
gdouble *
softlif_neuron_type_step (SoftlifNeuronType  *self,
                          gdouble             dt,
                          const gdouble      *J,
                          gsize               n_J,
                          gsize              *n_out,
                          GError            **error)
{
  g_autofree gdouble *out = NULL;

  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), NULL);
  g_return_val_if_fail (J != NULL || n_J == 0, NULL);
  g_return_val_if_fail (n_out != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  *n_out = 0;
  out = NEW_ARRAY (gdouble, n_J);
  if (!softlif_neuron_type_step_into (self, dt, J, n_J, out, n_J, error))
    return NULL;

  *n_out = n_J;
  return g_steal_pointer (&out);
}

static gdouble *
tuning_new_double (SoftlifNeuronType  *self,
                   TuningOp            op,
                   const gdouble      *x,
                   gsize               n_x,
                   const gdouble      *gain,
                   gsize               n_gain,
                   const gdouble      *bias,
                   gsize               n_bias,
                   gsize              *n_out,
                   GError            **error)
{
  g_autofree gdouble *out = NULL;
  gsize n_result;

  *n_out = 0;
  if (!tuning_shape (n_x, n_gain, n_bias, &n_result, error))
    return NULL;

  out = NEW_ARRAY (gdouble, n_result);
  tuning_double (self, op, x, n_x, gain, bias, n_gain, out);
  *n_out = n_result;
  return g_steal_pointer (&out);
}

#define TUNING_NEW_PRECONDITIONS(self, x, n_x, gain, n_gain, bias, n_bias, n_out, error) \
  G_STMT_START {                                                               \
    g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), NULL);                \
    g_return_val_if_fail ((x) != NULL || (n_x) == 0, NULL);                    \
    g_return_val_if_fail ((gain) != NULL || (n_gain) == 0, NULL);              \
    g_return_val_if_fail ((bias) != NULL || (n_bias) == 0, NULL);              \
    g_return_val_if_fail ((n_out) != NULL, NULL);                              \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, NULL);          \
  } G_STMT_END

/**
 * softlif_neuron_type_current:
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @n_out: (out): return location for the length of the result
 * @error: return location for a #GError
 *
 * Computes the input currents `J[s][k] = gain[k] * x[s] + bias[k]`, as a
 * row-major matrix of @n_x rows and @n_gain columns, exactly as numpy's
 * `gain * x[:, None] + bias`. Fails with %SOFTLIF_ERROR_SIZE_MISMATCH if
 * @gain and @bias differ in length.
 *
 * Returns: (transfer full) (array length=n_out) (nullable): the currents,
 *   or %NULL if @error was set
 */
gdouble *
softlif_neuron_type_current (SoftlifNeuronType  *self,
                             const gdouble      *x,
                             gsize               n_x,
                             const gdouble      *gain,
                             gsize               n_gain,
                             const gdouble      *bias,
                             gsize               n_bias,
                             gsize              *n_out,
                             GError            **error)
{
  TUNING_NEW_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, n_out, error);

  return tuning_new_double (self, TUNING_CURRENT, x, n_x, gain, n_gain, bias, n_bias,
                            n_out, error);
}

/**
 * softlif_neuron_type_rates:
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @n_out: (out): return location for the length of the result
 * @error: return location for a #GError
 *
 * Computes the tuning curves: the rate in Hz of each neuron for each
 * sample, a row-major matrix of @n_x rows and @n_gain columns, for the
 * currents of softlif_neuron_type_current(). This is nengo's `rates`.
 *
 * Returns: (transfer full) (array length=n_out) (nullable): the rates, or
 *   %NULL if @error was set
 */
gdouble *
softlif_neuron_type_rates (SoftlifNeuronType  *self,
                           const gdouble      *x,
                           gsize               n_x,
                           const gdouble      *gain,
                           gsize               n_gain,
                           const gdouble      *bias,
                           gsize               n_bias,
                           gsize              *n_out,
                           GError            **error)
{
  TUNING_NEW_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, n_out, error);

  return tuning_new_double (self, TUNING_RATES, x, n_x, gain, n_gain, bias, n_bias,
                            n_out, error);
}

/**
 * softlif_neuron_type_derivative:
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @n_out: (out): return location for the length of the result
 * @error: return location for a #GError
 *
 * Computes the derivative of the tuning curves with respect to x, in Hz
 * per unit of x, shaped as the result of softlif_neuron_type_rates().
 *
 * Returns: (transfer full) (array length=n_out) (nullable): the
 *   derivatives, or %NULL if @error was set
 */
gdouble *
softlif_neuron_type_derivative (SoftlifNeuronType  *self,
                                const gdouble      *x,
                                gsize               n_x,
                                const gdouble      *gain,
                                gsize               n_gain,
                                const gdouble      *bias,
                                gsize               n_bias,
                                gsize              *n_out,
                                GError            **error)
{
  TUNING_NEW_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, n_out, error);

  return tuning_new_double (self, TUNING_DERIVATIVE, x, n_x, gain, n_gain, bias, n_bias,
                            n_out, error);
}

/**
 * softlif_neuron_type_gain_bias:
 * @self: a #SoftlifNeuronType
 * @max_rates: (array length=n_max_rates): the rate of each neuron at x = 1,
 *   in Hz
 * @n_max_rates: the number of neurons
 * @intercepts: (array length=n_intercepts): the x at which each neuron
 *   starts to fire
 * @n_intercepts: the length of @intercepts, equal to @n_max_rates
 * @gain: (out) (transfer full) (array length=n_out): return location for
 *   the gains
 * @bias: (out) (transfer full) (array length=n_out): return location for
 *   the biases
 * @n_out: (out): return location for the number of neurons
 * @error: return location for a #GError
 *
 * Computes the gain and bias that give each neuron its maximum rate and
 * intercept; see softlif_neuron_type_gain_bias_into().
 *
 * Returns: (skip): %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_gain_bias (SoftlifNeuronType  *self,
                               const gdouble      *max_rates,
                               gsize               n_max_rates,
                               const gdouble      *intercepts,
                               gsize               n_intercepts,
                               gdouble           **gain,
                               gdouble           **bias,
                               gsize              *n_out,
                               GError            **error)
{
  g_autofree gdouble *g = NULL;
  g_autofree gdouble *b = NULL;

  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (max_rates != NULL || n_max_rates == 0, FALSE);
  g_return_val_if_fail (intercepts != NULL || n_intercepts == 0, FALSE);
  g_return_val_if_fail (gain != NULL && bias != NULL && n_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *gain = *bias = NULL;
  *n_out = 0;
  g = NEW_ARRAY (gdouble, n_max_rates);
  b = NEW_ARRAY (gdouble, n_max_rates);
  if (!softlif_neuron_type_gain_bias_into (self, max_rates, n_max_rates,
                                           intercepts, n_intercepts,
                                           g, b, n_max_rates, error))
    return FALSE;

  *gain = g_steal_pointer (&g);
  *bias = g_steal_pointer (&b);
  *n_out = n_max_rates;
  return TRUE;
}

/**
 * softlif_neuron_type_max_rates_intercepts:
 * @self: a #SoftlifNeuronType
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @max_rates: (out) (transfer full) (array length=n_out): return location
 *   for the rates at x = 1, in Hz
 * @intercepts: (out) (transfer full) (array length=n_out): return location
 *   for the intercepts
 * @n_out: (out): return location for the number of neurons
 * @error: return location for a #GError
 *
 * The inverse of softlif_neuron_type_gain_bias(); see
 * softlif_neuron_type_max_rates_intercepts_into().
 *
 * Returns: (skip): %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_max_rates_intercepts (SoftlifNeuronType  *self,
                                          const gdouble      *gain,
                                          gsize               n_gain,
                                          const gdouble      *bias,
                                          gsize               n_bias,
                                          gdouble           **max_rates,
                                          gdouble           **intercepts,
                                          gsize              *n_out,
                                          GError            **error)
{
  g_autofree gdouble *m = NULL;
  g_autofree gdouble *c = NULL;

  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (gain != NULL || n_gain == 0, FALSE);
  g_return_val_if_fail (bias != NULL || n_bias == 0, FALSE);
  g_return_val_if_fail (max_rates != NULL && intercepts != NULL && n_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *max_rates = *intercepts = NULL;
  *n_out = 0;
  m = NEW_ARRAY (gdouble, n_gain);
  c = NEW_ARRAY (gdouble, n_gain);
  if (!softlif_neuron_type_max_rates_intercepts_into (self, gain, n_gain, bias, n_bias,
                                                      m, c, n_gain, error))
    return FALSE;

  *max_rates = g_steal_pointer (&m);
  *intercepts = g_steal_pointer (&c);
  *n_out = n_gain;
  return TRUE;
}

/* }}} */

/* Single precision, caller buffers {{{ */

/**
 * softlif_neuron_type_step_float_into: (skip)
 * @self: a #SoftlifNeuronType
 * @dt: the time step in seconds, a finite number greater than 0
 * @J: (array length=n_J): input currents
 * @n_J: the number of currents
 * @out: (array length=n_out): where to write the rates in Hz; may be @J
 * @n_out: the length of @out, equal to @n_J
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_step_into(); each
 * result is within one unit in the last place of the exact rate.
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_step_float_into (SoftlifNeuronType  *self,
                                     gdouble             dt,
                                     const gfloat       *J,
                                     gsize               n_J,
                                     gfloat             *out,
                                     gsize               n_out,
                                     GError            **error)
{
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (J != NULL || n_J == 0, FALSE);
  g_return_val_if_fail (out != NULL || n_out == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_dt (dt, error) || !check_output_length (n_out, n_J, error))
    return FALSE;

  if (n_J > 0)
    SOFTLIF_NEURON_TYPE_GET_CLASS (self)->rates_float (self, J, out, n_J);

  return TRUE;
}

/**
 * softlif_neuron_type_current_float_into: (skip)
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @out: (array length=n_out): where to write the currents, row-major
 * @n_out: the length of @out, @n_x times @n_gain
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_current_into(),
 * computed in single precision as numpy computes float32 arrays.
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_current_float_into (SoftlifNeuronType  *self,
                                        const gfloat       *x,
                                        gsize               n_x,
                                        const gfloat       *gain,
                                        gsize               n_gain,
                                        const gfloat       *bias,
                                        gsize               n_bias,
                                        gfloat             *out,
                                        gsize               n_out,
                                        GError            **error)
{
  TUNING_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, out, n_out, error);

  return tuning_into_float (self, TUNING_CURRENT, x, n_x, gain, n_gain,
                            bias, n_bias, out, n_out, error);
}

/**
 * softlif_neuron_type_rates_float_into: (skip)
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @out: (array length=n_out): where to write the rates in Hz, row-major
 * @n_out: the length of @out, @n_x times @n_gain
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_rates_into().
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_rates_float_into (SoftlifNeuronType  *self,
                                      const gfloat       *x,
                                      gsize               n_x,
                                      const gfloat       *gain,
                                      gsize               n_gain,
                                      const gfloat       *bias,
                                      gsize               n_bias,
                                      gfloat             *out,
                                      gsize               n_out,
                                      GError            **error)
{
  TUNING_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, out, n_out, error);

  return tuning_into_float (self, TUNING_RATES, x, n_x, gain, n_gain,
                            bias, n_bias, out, n_out, error);
}

/**
 * softlif_neuron_type_derivative_float_into: (skip)
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @out: (array length=n_out): where to write the derivatives, row-major
 * @n_out: the length of @out, @n_x times @n_gain
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_derivative_into().
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_derivative_float_into (SoftlifNeuronType  *self,
                                           const gfloat       *x,
                                           gsize               n_x,
                                           const gfloat       *gain,
                                           gsize               n_gain,
                                           const gfloat       *bias,
                                           gsize               n_bias,
                                           gfloat             *out,
                                           gsize               n_out,
                                           GError            **error)
{
  TUNING_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, out, n_out, error);

  return tuning_into_float (self, TUNING_DERIVATIVE, x, n_x, gain, n_gain,
                            bias, n_bias, out, n_out, error);
}

/* Gain and bias are computed in double precision and rounded once. */
typedef enum {
  PAIR_GAIN_BIAS,
  PAIR_MAX_RATES_INTERCEPTS
} PairOp;

static gboolean
pair_float_into (SoftlifNeuronType  *self,
                 PairOp              op,
                 const gfloat       *a,
                 gsize               n_a,
                 const gfloat       *b,
                 gsize               n_b,
                 gfloat             *out_a,
                 gfloat             *out_b,
                 gsize               n_out,
                 GError            **error)
{
  g_autofree gdouble *buf = NULL;
  gdouble *da, *db, *ra, *rb;
  gboolean ok;

  if (op == PAIR_GAIN_BIAS)
    ok = check_same_length ("max_rates", n_a, "intercepts", n_b, error);
  else
    ok = check_same_length ("gain", n_a, "bias", n_b, error);
  if (!ok || !check_output_length (n_out, n_a, error))
    return FALSE;

  buf = NEW_ARRAY (gdouble, 4 * n_a);
  da = buf;
  db = buf + n_a;
  ra = buf + 2 * n_a;
  rb = buf + 3 * n_a;
  for (gsize i = 0; i < n_a; i++)
    {
      da[i] = a[i];
      db[i] = b[i];
    }

  if (op == PAIR_GAIN_BIAS)
    ok = softlif_neuron_type_gain_bias_into (self, da, n_a, db, n_a, ra, rb, n_a, error);
  else
    ok = softlif_neuron_type_max_rates_intercepts_into (self, da, n_a, db, n_a, ra, rb, n_a, error);
  if (!ok)
    return FALSE;

  for (gsize i = 0; i < n_a; i++)
    {
      out_a[i] = (gfloat) ra[i];
      out_b[i] = (gfloat) rb[i];
    }
  return TRUE;
}

/**
 * softlif_neuron_type_gain_bias_float_into: (skip)
 * @self: a #SoftlifNeuronType
 * @max_rates: (array length=n_max_rates): the rate of each neuron at x = 1,
 *   in Hz
 * @n_max_rates: the number of neurons
 * @intercepts: (array length=n_intercepts): the x at which each neuron
 *   starts to fire
 * @n_intercepts: the length of @intercepts, equal to @n_max_rates
 * @gain: (array length=n_out): where to write the gains
 * @bias: (array length=n_out): where to write the biases
 * @n_out: the length of @gain and of @bias
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_gain_bias_into().
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_gain_bias_float_into (SoftlifNeuronType  *self,
                                          const gfloat       *max_rates,
                                          gsize               n_max_rates,
                                          const gfloat       *intercepts,
                                          gsize               n_intercepts,
                                          gfloat             *gain,
                                          gfloat             *bias,
                                          gsize               n_out,
                                          GError            **error)
{
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (max_rates != NULL || n_max_rates == 0, FALSE);
  g_return_val_if_fail (intercepts != NULL || n_intercepts == 0, FALSE);
  g_return_val_if_fail ((gain != NULL && bias != NULL) || n_out == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return pair_float_into (self, PAIR_GAIN_BIAS, max_rates, n_max_rates,
                          intercepts, n_intercepts, gain, bias, n_out, error);
}

/**
 * softlif_neuron_type_max_rates_intercepts_float_into: (skip)
 * @self: a #SoftlifNeuronType
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @max_rates: (array length=n_out): where to write the rates at x = 1, in Hz
 * @intercepts: (array length=n_out): where to write the intercepts
 * @n_out: the length of @max_rates and of @intercepts
 * @error: return location for a #GError
 *
 * The single precision form of
 * softlif_neuron_type_max_rates_intercepts_into().
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_max_rates_intercepts_float_into (SoftlifNeuronType  *self,
                                                     const gfloat       *gain,
                                                     gsize               n_gain,
                                                     const gfloat       *bias,
                                                     gsize               n_bias,
                                                     gfloat             *max_rates,
                                                     gfloat             *intercepts,
                                                     gsize               n_out,
                                                     GError            **error)
{
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (gain != NULL || n_gain == 0, FALSE);
  g_return_val_if_fail (bias != NULL || n_bias == 0, FALSE);
  g_return_val_if_fail ((max_rates != NULL && intercepts != NULL) || n_out == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return pair_float_into (self, PAIR_MAX_RATES_INTERCEPTS, gain, n_gain,
                          bias, n_bias, max_rates, intercepts, n_out, error);
}

/* }}} */

/* Single precision, new arrays {{{ */

/**
 * softlif_neuron_type_step_float:
 * @self: a #SoftlifNeuronType
 * @dt: the time step in seconds, a finite number greater than 0
 * @J: (array length=n_J): input currents
 * @n_J: the number of currents
 * @n_out: (out): return location for the length of the result
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_step().
 *
 * Returns: (transfer full) (array length=n_out) (nullable): the rates in
 *   Hz, or %NULL if @error was set
 */
gfloat *
softlif_neuron_type_step_float (SoftlifNeuronType  *self,
                                gdouble             dt,
                                const gfloat       *J,
                                gsize               n_J,
                                gsize              *n_out,
                                GError            **error)
{
  g_autofree gfloat *out = NULL;

  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), NULL);
  g_return_val_if_fail (J != NULL || n_J == 0, NULL);
  g_return_val_if_fail (n_out != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  *n_out = 0;
  out = NEW_ARRAY (gfloat, n_J);
  if (!softlif_neuron_type_step_float_into (self, dt, J, n_J, out, n_J, error))
    return NULL;

  *n_out = n_J;
  return g_steal_pointer (&out);
}

static gfloat *
tuning_new_float (SoftlifNeuronType  *self,
                  TuningOp            op,
                  const gfloat       *x,
                  gsize               n_x,
                  const gfloat       *gain,
                  gsize               n_gain,
                  const gfloat       *bias,
                  gsize               n_bias,
                  gsize              *n_out,
                  GError            **error)
{
  g_autofree gfloat *out = NULL;
  gsize n_result;

  *n_out = 0;
  if (!tuning_shape (n_x, n_gain, n_bias, &n_result, error))
    return NULL;

  out = NEW_ARRAY (gfloat, n_result);
  tuning_float (self, op, x, n_x, gain, bias, n_gain, out);
  *n_out = n_result;
  return g_steal_pointer (&out);
}

/**
 * softlif_neuron_type_current_float:
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @n_out: (out): return location for the length of the result
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_current().
 *
 * Returns: (transfer full) (array length=n_out) (nullable): the currents,
 *   or %NULL if @error was set
 */
gfloat *
softlif_neuron_type_current_float (SoftlifNeuronType  *self,
                                   const gfloat       *x,
                                   gsize               n_x,
                                   const gfloat       *gain,
                                   gsize               n_gain,
                                   const gfloat       *bias,
                                   gsize               n_bias,
                                   gsize              *n_out,
                                   GError            **error)
{
  TUNING_NEW_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, n_out, error);

  return tuning_new_float (self, TUNING_CURRENT, x, n_x, gain, n_gain, bias, n_bias,
                           n_out, error);
}

/**
 * softlif_neuron_type_rates_float:
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @n_out: (out): return location for the length of the result
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_rates().
 *
 * Returns: (transfer full) (array length=n_out) (nullable): the rates, or
 *   %NULL if @error was set
 */
gfloat *
softlif_neuron_type_rates_float (SoftlifNeuronType  *self,
                                 const gfloat       *x,
                                 gsize               n_x,
                                 const gfloat       *gain,
                                 gsize               n_gain,
                                 const gfloat       *bias,
                                 gsize               n_bias,
                                 gsize              *n_out,
                                 GError            **error)
{
  TUNING_NEW_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, n_out, error);

  return tuning_new_float (self, TUNING_RATES, x, n_x, gain, n_gain, bias, n_bias,
                           n_out, error);
}

/**
 * softlif_neuron_type_derivative_float:
 * @self: a #SoftlifNeuronType
 * @x: (array length=n_x): the represented values, one per sample
 * @n_x: the number of samples
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @n_out: (out): return location for the length of the result
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_derivative().
 *
 * Returns: (transfer full) (array length=n_out) (nullable): the
 *   derivatives, or %NULL if @error was set
 */
gfloat *
softlif_neuron_type_derivative_float (SoftlifNeuronType  *self,
                                      const gfloat       *x,
                                      gsize               n_x,
                                      const gfloat       *gain,
                                      gsize               n_gain,
                                      const gfloat       *bias,
                                      gsize               n_bias,
                                      gsize              *n_out,
                                      GError            **error)
{
  TUNING_NEW_PRECONDITIONS (self, x, n_x, gain, n_gain, bias, n_bias, n_out, error);

  return tuning_new_float (self, TUNING_DERIVATIVE, x, n_x, gain, n_gain, bias, n_bias,
                           n_out, error);
}

/**
 * softlif_neuron_type_gain_bias_float:
 * @self: a #SoftlifNeuronType
 * @max_rates: (array length=n_max_rates): the rate of each neuron at x = 1,
 *   in Hz
 * @n_max_rates: the number of neurons
 * @intercepts: (array length=n_intercepts): the x at which each neuron
 *   starts to fire
 * @n_intercepts: the length of @intercepts, equal to @n_max_rates
 * @gain: (out) (transfer full) (array length=n_out): return location for
 *   the gains
 * @bias: (out) (transfer full) (array length=n_out): return location for
 *   the biases
 * @n_out: (out): return location for the number of neurons
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_gain_bias().
 *
 * Returns: (skip): %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_gain_bias_float (SoftlifNeuronType  *self,
                                     const gfloat       *max_rates,
                                     gsize               n_max_rates,
                                     const gfloat       *intercepts,
                                     gsize               n_intercepts,
                                     gfloat            **gain,
                                     gfloat            **bias,
                                     gsize              *n_out,
                                     GError            **error)
{
  g_autofree gfloat *g = NULL;
  g_autofree gfloat *b = NULL;

  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (max_rates != NULL || n_max_rates == 0, FALSE);
  g_return_val_if_fail (intercepts != NULL || n_intercepts == 0, FALSE);
  g_return_val_if_fail (gain != NULL && bias != NULL && n_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *gain = *bias = NULL;
  *n_out = 0;
  g = NEW_ARRAY (gfloat, n_max_rates);
  b = NEW_ARRAY (gfloat, n_max_rates);
  if (!pair_float_into (self, PAIR_GAIN_BIAS, max_rates, n_max_rates,
                        intercepts, n_intercepts, g, b, n_max_rates, error))
    return FALSE;

  *gain = g_steal_pointer (&g);
  *bias = g_steal_pointer (&b);
  *n_out = n_max_rates;
  return TRUE;
}

/**
 * softlif_neuron_type_max_rates_intercepts_float:
 * @self: a #SoftlifNeuronType
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @max_rates: (out) (transfer full) (array length=n_out): return location
 *   for the rates at x = 1, in Hz
 * @intercepts: (out) (transfer full) (array length=n_out): return location
 *   for the intercepts
 * @n_out: (out): return location for the number of neurons
 * @error: return location for a #GError
 *
 * The single precision form of
 * softlif_neuron_type_max_rates_intercepts().
 *
 * Returns: (skip): %TRUE on success, %FALSE if @error was set
 */
gboolean
softlif_neuron_type_max_rates_intercepts_float (SoftlifNeuronType  *self,
                                                const gfloat       *gain,
                                                gsize               n_gain,
                                                const gfloat       *bias,
                                                gsize               n_bias,
                                                gfloat            **max_rates,
                                                gfloat            **intercepts,
                                                gsize              *n_out,
                                                GError            **error)
{
  g_autofree gfloat *m = NULL;
  g_autofree gfloat *c = NULL;

  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (gain != NULL || n_gain == 0, FALSE);
  g_return_val_if_fail (bias != NULL || n_bias == 0, FALSE);
  g_return_val_if_fail (max_rates != NULL && intercepts != NULL && n_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *max_rates = *intercepts = NULL;
  *n_out = 0;
  m = NEW_ARRAY (gfloat, n_gain);
  c = NEW_ARRAY (gfloat, n_gain);
  if (!pair_float_into (self, PAIR_MAX_RATES_INTERCEPTS, gain, n_gain,
                        bias, n_bias, m, c, n_gain, error))
    return FALSE;

  *max_rates = g_steal_pointer (&m);
  *intercepts = g_steal_pointer (&c);
  *n_out = n_gain;
  return TRUE;
}

/* }}} */

/* Representation {{{ */

static int
compare_param_id (gconstpointer a,
                  gconstpointer b)
{
  const GParamSpec *pa = *(GParamSpec * const *) a;
  const GParamSpec *pb = *(GParamSpec * const *) b;

  return (pa->param_id > pb->param_id) - (pa->param_id < pb->param_id);
}

/* Appends the parameters that a class introduces and that differ from
 * their defaults, in the order the class installed them. */
static void
append_changed_params (GObject  *object,
                       GType     owner,
                       GString  *repr,
                       gboolean *first)
{
  guint n_pspecs;
  g_autofree GParamSpec **pspecs =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_autoptr(GPtrArray) own = g_ptr_array_new ();

  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->owner_type == owner && G_IS_PARAM_SPEC_DOUBLE (pspecs[i]))
      g_ptr_array_add (own, pspecs[i]);
  g_ptr_array_sort (own, compare_param_id);

  for (guint i = 0; i < own->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (own, i);
      const GValue *dflt = g_param_spec_get_default_value (pspec);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;

      g_value_init (&value, G_TYPE_DOUBLE);
      g_object_get_property (object, pspec->name, &value);
      if (g_value_get_double (&value) == g_value_get_double (dflt))
        continue;

      /* Python spells the argument names with underscores. */
      name = g_strdelimit (g_strdup (pspec->name), "-", '_');
      text = softlif_format_double (g_value_get_double (&value));
      g_string_append_printf (repr, "%s%s=%s", *first ? "" : ", ", name, text);
      *first = FALSE;
    }
}

/**
 * softlif_neuron_type_to_string:
 * @self: a #SoftlifNeuronType
 *
 * Describes the neuron type as nengo does, e.g.
 * `SoftLifRate(tau_rc=0.022, sigma=0.01)`: the class name and exactly
 * the parameters that differ from their defaults, with values written
 * so that they read back exactly.
 *
 * Returns: (transfer full): a newly allocated string
 */
gchar *
softlif_neuron_type_to_string (SoftlifNeuronType *self)
{
  g_autoptr(GArray) chain = NULL;
  const char *type_name;
  GString *repr;
  gboolean first = TRUE;

  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), NULL);

  type_name = G_OBJECT_TYPE_NAME (self);
  if (g_str_has_prefix (type_name, "Softlif"))
    type_name += strlen ("Softlif");
  repr = g_string_new (type_name);
  g_string_append_c (repr, '(');

  /* Base classes first, as nengo lists the LIF parameters before sigma. */
  chain = g_array_new (FALSE, FALSE, sizeof (GType));
  for (GType t = G_OBJECT_TYPE (self); t != SOFTLIF_TYPE_NEURON_TYPE; t = g_type_parent (t))
    g_array_prepend_val (chain, t);
  for (guint i = 0; i < chain->len; i++)
    append_changed_params (G_OBJECT (self), g_array_index (chain, GType, i), repr, &first);

  g_string_append_c (repr, ')');
  return g_string_free (repr, FALSE);
}

/* }}} */
