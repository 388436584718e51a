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
 *
 * The tuning curves of two neurons over three samples:
 *
 * |[<!-- language="C" -->
 * SoftlifNeuronType *neuron = SOFTLIF_NEURON_TYPE (softlif_soft_lif_rate_new ());
 * const double x[] = { -1.0, 0.0, 1.0 }, gain[] = { 2.0, 3.0 }, bias[] = { 0.5, -1.0 };
 * g_autoptr(GError) error = NULL;
 * gsize n = 0;
 * g_autofree double *rates = softlif_neuron_type_rates (neuron, x, 3, gain, 2, bias, 2, &n, &error);
 * // n == 6; rates[s * 2 + k] is neuron k at x[s]
 * g_object_unref (neuron);
 * ]|
 */

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "softlif-neuron-type.h"
#include "softlif-kernels-private.h"
#include "softlif-private.h"

/* Work is done in blocks that fit the L1 cache and are long enough to
 * make the per-call set-up of a kernel negligible; reading a block of
 * inputs before writing the block of outputs is also what makes in-place
 * computation safe. */
#define BLOCK 2048

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
      klass->compute_rates (self, buf, buf, len);
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
      klass->compute_derivative (self, buf, buf, len);
      for (gsize i = 0; i < len; i++)
        out[start + i] = (gfloat) buf[i];
    }
}

static void
softlif_neuron_type_class_init (SoftlifNeuronTypeClass *klass)
{
  klass->compute_rates_float = softlif_neuron_type_real_rates_float;
  klass->compute_derivative_float = softlif_neuron_type_real_derivative_float;
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

/* The operations, for either precision {{{ */

static gsize
dtype_size (SoftlifDtype dtype)
{
  return dtype == SOFTLIF_DTYPE_FLOAT32 ? sizeof (gfloat) : sizeof (gdouble);
}

typedef enum {
  KERNEL_RATES,
  KERNEL_DERIVATIVE
} KernelOp;

/* The element-wise function of the current, on n values of J. */
static void
run_kernel (SoftlifNeuronType *self,
            KernelOp           op,
            SoftlifDtype       dtype,
            gconstpointer      J,
            gpointer           out,
            gsize              n)
{
  SoftlifNeuronTypeClass *klass = SOFTLIF_NEURON_TYPE_GET_CLASS (self);

  if (n == 0)
    return;

  if (dtype == SOFTLIF_DTYPE_FLOAT64)
    (op == KERNEL_RATES ? klass->compute_rates : klass->compute_derivative) (self, J, out, n);
  else
    (op == KERNEL_RATES ? klass->compute_rates_float : klass->compute_derivative_float) (self, J, out, n);
}

typedef enum {
  TUNING_CURRENT,
  TUNING_RATES,
  TUNING_DERIVATIVE
} TuningOp;

/* A call's work, which softlif_parallel_for() splits into ranges. */
typedef struct {
  SoftlifNeuronType *self;
  SoftlifDtype dtype;
  KernelOp kernel_op;         /* step */
  TuningOp tuning_op;         /* current, rates, derivative */
  gconstpointer J;
  gconstpointer x;
  gconstpointer gain;
  gconstpointer bias;
  gsize n_neurons;
  gpointer out;
} Job;

static void
step_range (gpointer data,
            gsize    lo,
            gsize    hi)
{
  Job *job = data;
  gsize width = dtype_size (job->dtype);

  run_kernel (job->self, job->kernel_op, job->dtype,
              (const guint8 *) job->J + lo * width,
              (guint8 *) job->out + lo * width, hi - lo);
}

/* One body for both precisions: J = gain * x + bias in the precision of the
 * data (as numpy computes it), then the kernel on each block of the
 * row-major result. The derivative is taken with respect to x, hence the
 * factor gain. Each block reads its inputs before it writes, which makes
 * computing in place safe. */
#define DEFINE_TUNING_RANGE(T, DTYPE, suffix)                                  \
static void                                                                    \
tuning_range_##suffix (gpointer data,                                          \
                       gsize    lo,                                            \
                       gsize    hi)                                            \
{                                                                              \
  Job *job = data;                                                             \
  const T *x = job->x;                                                         \
  const T *gain = job->gain;                                                   \
  const T *bias = job->bias;                                                   \
  T *out = job->out;                                                           \
  gsize n = job->n_neurons;                                                    \
  gsize s = lo / n;                                                            \
  gsize k = lo % n;                                                            \
  T J[BLOCK];                                                                  \
                                                                               \
  /* the soft LIF forms J = gain * x + bias in its kernel, in one pass */      \
  if (n == 1 && job->tuning_op == TUNING_RATES &&                              \
      FUSED_RATES (job->self, x + lo, gain[0], bias[0], out + lo, hi - lo))    \
    return;                                                                    \
                                                                               \
  for (gsize start = lo; start < hi; start += BLOCK)                           \
    {                                                                          \
      gsize len = MIN (BLOCK, hi - start);                                     \
      T *o = out + start;                                                      \
      /* the currents themselves go straight to the output */                  \
      T *Jb = job->tuning_op == TUNING_CURRENT ? o : J;                        \
                                                                               \
      /* J = gain * x + bias (two roundings, as numpy), a run of neurons       \
       * for one x at a time; one neuron is a plain loop over x */             \
      if (n == 1)                                                              \
        {                                                                      \
          AFFINE (x + s, gain, bias, 0, Jb, len);                              \
          s += len;                                                            \
        }                                                                      \
      else                                                                     \
        for (gsize b = 0; b < len;)                                            \
          {                                                                    \
            gsize run = MIN (n - k, len - b);                                  \
                                                                               \
            AFFINE (x + s, gain + k, bias + k, 1, Jb + b, run);                \
            b += run;                                                          \
            k += run;                                                          \
            if (k == n)                                                        \
              {                                                                \
                k = 0;                                                         \
                s++;                                                           \
              }                                                                \
          }                                                                    \
      if (job->tuning_op == TUNING_RATES)                                      \
        run_kernel (job->self, KERNEL_RATES, DTYPE, J, o, len);                \
      else if (job->tuning_op == TUNING_DERIVATIVE)                            \
        {                                                                      \
          /* the chain rule: gain times the derivative (the gains are          \
           * copied first: @out may be @gain) */                               \
          T g[BLOCK];                                                          \
                                                                               \
          if (n == 1)                                                          \
            g[0] = gain[0];                                                    \
          else                                                                 \
            for (gsize b = 0, kk = start % n; b < len; kk = 0)                 \
              {                                                                \
                gsize run = MIN (n - kk, len - b);                             \
                                                                               \
                memcpy (g + b, gain + kk, run * sizeof (T));                   \
                b += run;                                                      \
              }                                                                \
          run_kernel (job->self, KERNEL_DERIVATIVE, DTYPE, J, o, len);         \
          SCALE (g, n != 1, o, len);                                           \
        }                                                                      \
    }                                                                          \
}

#define AFFINE softlif_kernels_get ()->affine_f64
#define FUSED_RATES softlif_soft_lif_rate_rates_affine
#define SCALE softlif_kernels_get ()->scale_f64
DEFINE_TUNING_RANGE (gdouble, SOFTLIF_DTYPE_FLOAT64, double)
#undef AFFINE
#undef SCALE
#undef FUSED_RATES
#define AFFINE softlif_kernels_get ()->affine_f32
#define FUSED_RATES(self, x, g, b, o, len) FALSE
#define SCALE softlif_kernels_get ()->scale_f32
DEFINE_TUNING_RANGE (gfloat, SOFTLIF_DTYPE_FLOAT32, float)
#undef AFFINE
#undef SCALE
#undef FUSED_RATES

#undef DEFINE_TUNING_RANGE

/* Room for n values; a result too large for memory is an error, not an
 * abort (an easy mistake from Python is to swap the shapes of x and gain). */
static gpointer
alloc_values (gsize     n,
              gsize     width,
              GError  **error)
{
  gpointer p = g_try_malloc_n (MAX (n, 1), width);

  if (p == NULL)
    g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_SIZE_MISMATCH,
                 /* Translators: the number is an array length. */
                 _("A result of %" PRIu64 " values does not fit in memory"),
                 (guint64) n);
  return p;
}

static gboolean
step_core (SoftlifNeuronType  *self,
           gdouble             dt,
           SoftlifDtype        dtype,
           gconstpointer       J,
           gsize               n_J,
           gpointer            out,
           gsize               n_out,
           GError            **error)
{
  if (!softlif_check_param ("dt", dt, SOFTLIF_BOUND_POSITIVE, error) ||
      !check_output_length (n_out, n_J, error))
    return FALSE;

  {
    Job job = { .self = self, .dtype = dtype, .kernel_op = KERNEL_RATES, .J = J, .out = out };

    softlif_parallel_for (n_J, step_range, &job);
  }
  return TRUE;
}

/* A successful call returns a non-NULL array, even an empty one. */
static gpointer
step_new (SoftlifNeuronType  *self,
          gdouble             dt,
          SoftlifDtype        dtype,
          gconstpointer       J,
          gsize               n_J,
          gsize              *n_out,
          GError            **error)
{
  g_autofree gpointer out = NULL;

  *n_out = 0;
  out = alloc_values (n_J, dtype_size (dtype), error);
  if (out == NULL || !step_core (self, dt, dtype, J, n_J, out, n_J, error))
    return NULL;

  *n_out = n_J;
  return g_steal_pointer (&out);
}

static gboolean
tuning_core (SoftlifNeuronType  *self,
             TuningOp            op,
             SoftlifDtype        dtype,
             gconstpointer       x,
             gsize               n_x,
             gconstpointer       gain,
             gsize               n_gain,
             gconstpointer       bias,
             gsize               n_bias,
             gpointer            out,
             gsize               n_out,
             GError            **error)
{
  gsize n_result;

  if (!tuning_shape (n_x, n_gain, n_bias, &n_result, error) ||
      !check_output_length (n_out, n_result, error))
    return FALSE;

  {
    Job job = { .self = self, .dtype = dtype, .tuning_op = op,
                .x = x, .gain = gain, .bias = bias, .n_neurons = n_gain, .out = out };

    softlif_parallel_for (n_result,
                          dtype == SOFTLIF_DTYPE_FLOAT64 ? tuning_range_double : tuning_range_float,
                          &job);
  }
  return TRUE;
}

static gpointer
tuning_new (SoftlifNeuronType  *self,
            TuningOp            op,
            SoftlifDtype        dtype,
            gconstpointer       x,
            gsize               n_x,
            gconstpointer       gain,
            gsize               n_gain,
            gconstpointer       bias,
            gsize               n_bias,
            gsize              *n_out,
            GError            **error)
{
  g_autofree gpointer out = NULL;
  gsize n_result;

  *n_out = 0;
  if (!tuning_shape (n_x, n_gain, n_bias, &n_result, error))
    return NULL;

  out = alloc_values (n_result, dtype_size (dtype), error);
  if (out == NULL ||
      !tuning_core (self, op, dtype, x, n_x, gain, n_gain, bias, n_bias, out, n_result, error))
    return NULL;

  *n_out = n_result;
  return g_steal_pointer (&out);
}

typedef enum {
  PAIR_GAIN_BIAS,
  PAIR_MAX_RATES_INTERCEPTS
} PairOp;

/* gain_bias and max_rates_intercepts; single precision goes through
 * double precision and rounds once. */
static gboolean
pair_core (SoftlifNeuronType  *self,
           PairOp              op,
           SoftlifDtype        dtype,
           gconstpointer       a,
           gsize               n_a,
           gconstpointer       b,
           gsize               n_b,
           gpointer            out_a,
           gpointer            out_b,
           gsize               n_out,
           GError            **error)
{
  SoftlifNeuronTypeClass *klass = SOFTLIF_NEURON_TYPE_GET_CLASS (self);
  g_autofree gdouble *buf = NULL;
  const gdouble *da = a, *db = b;
  gdouble *ra = out_a, *rb = out_b;
  gboolean ok;

  if (op == PAIR_GAIN_BIAS)
    ok = check_same_length ("max_rates", n_a, "intercepts", n_b, error);
  else
    ok = check_same_length ("gain", n_a, "bias", n_b, error);
  if (!ok || !check_output_length (n_out, n_a, error))
    return FALSE;

  if (dtype == SOFTLIF_DTYPE_FLOAT32)
    {
      gdouble *wa, *wb;

      buf = alloc_values (n_a, 4 * sizeof (gdouble), error);
      if (buf == NULL)
        return FALSE;
      wa = buf;
      wb = buf + n_a;
      for (gsize i = 0; i < n_a; i++)
        {
          wa[i] = ((const gfloat *) a)[i];
          wb[i] = ((const gfloat *) b)[i];
        }
      da = wa;
      db = wb;
      ra = buf + 2 * n_a;
      rb = buf + 3 * n_a;
    }

  if (op == PAIR_GAIN_BIAS)
    ok = klass->compute_gain_bias (self, da, db, ra, rb, n_a, error);
  else
    ok = klass->compute_max_rates_intercepts (self, da, db, ra, rb, n_a, error);
  if (!ok)
    return FALSE;

  if (dtype == SOFTLIF_DTYPE_FLOAT32)
    for (gsize i = 0; i < n_a; i++)
      {
        ((gfloat *) out_a)[i] = (gfloat) ra[i];
        ((gfloat *) out_b)[i] = (gfloat) rb[i];
      }
  return TRUE;
}

static gboolean
pair_new (SoftlifNeuronType  *self,
          PairOp              op,
          SoftlifDtype        dtype,
          gconstpointer       a,
          gsize               n_a,
          gconstpointer       b,
          gsize               n_b,
          gpointer           *out_a,
          gsize              *n_out_a,
          gpointer           *out_b,
          gsize              *n_out_b,
          GError            **error)
{
  g_autofree gpointer ra = NULL;
  g_autofree gpointer rb = NULL;

  *out_a = *out_b = NULL;
  *n_out_a = *n_out_b = 0;
  ra = alloc_values (n_a, dtype_size (dtype), error);
  rb = ra != NULL ? alloc_values (n_a, dtype_size (dtype), error) : NULL;
  if (rb == NULL ||
      !pair_core (self, op, dtype, a, n_a, b, n_b, ra, rb, n_a, error))
    return FALSE;

  *out_a = g_steal_pointer (&ra);
  *out_b = g_steal_pointer (&rb);
  *n_out_a = *n_out_b = n_a;
  return TRUE;
}

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
  gsize width = dtype_size (dtype);
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
    data = *copy = g_memdup2 (data, size);
  *elements = data;
  *n = size / width;
  return TRUE;
}

/* }}} */

/* The preconditions of the tuning operations. */
#define TUNING_PRECONDITIONS(self, x, n_x, gain, n_gain, bias, n_bias, out, n_out, error) \
  G_STMT_START {                                                               \
    g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);               \
    g_return_val_if_fail ((x) != NULL || (n_x) == 0, FALSE);                   \
    g_return_val_if_fail ((gain) != NULL || (n_gain) == 0, FALSE);             \
    g_return_val_if_fail ((bias) != NULL || (n_bias) == 0, FALSE);             \
    g_return_val_if_fail ((out) != NULL || (n_out) == 0, FALSE);               \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, FALSE);         \
  } G_STMT_END

#define TUNING_NEW_PRECONDITIONS(self, x, n_x, gain, n_gain, bias, n_bias, n_out, error) \
  G_STMT_START {                                                               \
    g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), NULL);                \
    g_return_val_if_fail ((x) != NULL || (n_x) == 0, NULL);                    \
    g_return_val_if_fail ((gain) != NULL || (n_gain) == 0, NULL);              \
    g_return_val_if_fail ((bias) != NULL || (n_bias) == 0, NULL);              \
    g_return_val_if_fail ((n_out) != NULL, NULL);                              \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, NULL);          \
  } G_STMT_END

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
 * |[<!-- language="C" -->
 * const double J[] = { 0.5, 1.5 };
 * double out[2];
 * if (!softlif_neuron_type_step_into (neuron, 0.001, J, 2, out, 2, &error))
 *   return FALSE;
 * ]|
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

  return step_core (self, dt, SOFTLIF_DTYPE_FLOAT64, J, n_J, out, n_out, error);
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
 * |[<!-- language="C" -->
 * const double x[] = { 0.0, 1.0 }, gain[] = { 3.0 }, bias[] = { 0.5 };
 * double out[2];
 * softlif_neuron_type_current_into (neuron, x, 2, gain, 1, bias, 1, out, 2, &error);   // 0.5, 3.5
 * ]|
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

  return tuning_core (self, TUNING_CURRENT, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
                      out, n_out, error);
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
 * |[<!-- language="C" -->
 * const double x[] = { 0.0, 1.0 }, gain[] = { 3.0 }, bias[] = { 0.5 };
 * double out[2];
 * softlif_neuron_type_rates_into (neuron, x, 2, gain, 1, bias, 1, out, 2, &error);
 * ]|
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

  return tuning_core (self, TUNING_RATES, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
                      out, n_out, error);
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
 * |[<!-- language="C" -->
 * const double x[] = { 0.0, 1.0 }, gain[] = { 3.0 }, bias[] = { 0.5 };
 * double out[2];
 * softlif_neuron_type_derivative_into (neuron, x, 2, gain, 1, bias, 1, out, 2, &error);
 * ]|
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

  return tuning_core (self, TUNING_DERIVATIVE, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
                      out, n_out, error);
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
 * |[<!-- language="C" -->
 * const double max_rates[] = { 200.0, 100.0 }, intercepts[] = { -0.5, 0.2 };
 * double gain[2], bias[2];
 * softlif_neuron_type_gain_bias_into (neuron, max_rates, 2, intercepts, 2, gain, bias, 2, &error);
 * ]|
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

  return pair_core (self, PAIR_GAIN_BIAS, SOFTLIF_DTYPE_FLOAT64, max_rates, n_max_rates, intercepts, n_intercepts,
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
 * |[<!-- language="C" -->
 * const double gain[] = { 4.12 }, bias[] = { 3.06 };
 * double max_rates[1], intercepts[1];
 * softlif_neuron_type_max_rates_intercepts_into (neuron, gain, 1, bias, 1, max_rates, intercepts, 1, &error);
 * ]|
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

  return pair_core (self, PAIR_MAX_RATES_INTERCEPTS, SOFTLIF_DTYPE_FLOAT64, gain, n_gain, bias, n_bias,
                    max_rates, intercepts, n_out, error);
}

/* }}} */

/* Double precision, new arrays {{{ */

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
 * |[<!-- language="C" -->
 * SoftlifNeuronType *neuron = SOFTLIF_NEURON_TYPE (softlif_soft_lif_rate_new ());
 * const double J[] = { 1.5 };
 * gsize n = 0;
 * g_autofree double *rates = softlif_neuron_type_step (neuron, 0.001, J, 1, &n, NULL);
 * // rates[0] == 62.0066… Hz (sigma 1, tau_rc 0.02 s, tau_ref 0.002 s)
 * ]|
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
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), NULL);
  g_return_val_if_fail (J != NULL || n_J == 0, NULL);
  g_return_val_if_fail (n_out != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return step_new (self, dt, SOFTLIF_DTYPE_FLOAT64, J, n_J, n_out, error);
}

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
 * |[<!-- language="C" -->
 * const double x[] = { 0.0, 1.0 }, gain[] = { 2.0 }, bias[] = { 0.5 };
 * gsize n = 0;
 * g_autofree double *J = softlif_neuron_type_current (neuron, x, 2, gain, 1, bias, 1, &n, NULL);
 * // J: 0.5, 2.5
 * ]|
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

  return tuning_new (self, TUNING_CURRENT, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
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
 * |[<!-- language="C" -->
 * const double x[] = { -1.0, 0.0, 1.0 }, gain[] = { 2.0, 3.0 }, bias[] = { 0.5, -1.0 };
 * gsize n = 0;
 * g_autofree double *rates = softlif_neuron_type_rates (neuron, x, 3, gain, 2, bias, 2, &n, &error);
 * // rates[s * 2 + k]: neuron k at x[s]
 * ]|
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

  return tuning_new (self, TUNING_RATES, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
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
 * |[<!-- language="C" -->
 * const double x[] = { 0.0, 0.5 }, gain[] = { 3.0 }, bias[] = { 0.5 };
 * gsize n = 0;
 * g_autofree double *slope = softlif_neuron_type_derivative (neuron, x, 2, gain, 1, bias, 1, &n, &error);
 * // slope[s]: d rate / dx in Hz per unit of x, at J = 3 x + 0.5
 * ]|
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

  return tuning_new (self, TUNING_DERIVATIVE, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
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
 * @gain: (out) (transfer full) (array length=n_gain): return location for
 *   the gains
 * @n_gain: (out): return location for the number of neurons
 * @bias: (out) (transfer full) (array length=n_bias): return location for
 *   the biases
 * @n_bias: (out): return location for the number of neurons
 * @error: return location for a #GError
 *
 * Computes the gain and bias that give each neuron its maximum rate and
 * intercept; see softlif_neuron_type_gain_bias_into().
 *
 * |[<!-- language="C" -->
 * const double max_rates[] = { 200.0 }, intercepts[] = { -0.5 };
 * g_autofree double *gain = NULL, *bias = NULL;
 * gsize n_gain = 0, n_bias = 0;
 * if (softlif_neuron_type_gain_bias (neuron, max_rates, 1, intercepts, 1,
 *                                    &gain, &n_gain, &bias, &n_bias, &error))
 *   g_print ("gain %g, bias %g\n", gain[0], bias[0]);   // LIF: 4.119…, 3.060…
 * ]|
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
                               gsize              *n_gain,
                               gdouble           **bias,
                               gsize              *n_bias,
                               GError            **error)
{
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (max_rates != NULL || n_max_rates == 0, FALSE);
  g_return_val_if_fail (intercepts != NULL || n_intercepts == 0, FALSE);
  g_return_val_if_fail (gain != NULL && n_gain != NULL, FALSE);
  g_return_val_if_fail (bias != NULL && n_bias != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return pair_new (self, PAIR_GAIN_BIAS, SOFTLIF_DTYPE_FLOAT64, max_rates, n_max_rates, intercepts, n_intercepts,
                   (gpointer *) gain, n_gain, (gpointer *) bias, n_bias, error);
}

/**
 * softlif_neuron_type_max_rates_intercepts:
 * @self: a #SoftlifNeuronType
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @max_rates: (out) (transfer full) (array length=n_max_rates): return location
 *   for the rates at x = 1, in Hz
 * @n_max_rates: (out): return location for the number of neurons
 * @intercepts: (out) (transfer full) (array length=n_intercepts): return location
 *   for the intercepts
 * @n_intercepts: (out): return location for the number of neurons
 * @error: return location for a #GError
 *
 * The inverse of softlif_neuron_type_gain_bias(); see
 * softlif_neuron_type_max_rates_intercepts_into().
 *
 * |[<!-- language="C" -->
 * const double gain[] = { 4.119441321117611 }, bias[] = { 3.0597206605588054 };
 * g_autofree double *max_rates = NULL, *intercepts = NULL;
 * gsize n_rates = 0, n_intercepts = 0;
 * softlif_neuron_type_max_rates_intercepts (neuron, gain, 1, bias, 1, &max_rates, &n_rates,
 *                                           &intercepts, &n_intercepts, &error);
 * // for a LIF neuron: 200 Hz and -0.5
 * ]|
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
                                          gsize              *n_max_rates,
                                          gdouble           **intercepts,
                                          gsize              *n_intercepts,
                                          GError            **error)
{
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (gain != NULL || n_gain == 0, FALSE);
  g_return_val_if_fail (bias != NULL || n_bias == 0, FALSE);
  g_return_val_if_fail (max_rates != NULL && n_max_rates != NULL, FALSE);
  g_return_val_if_fail (intercepts != NULL && n_intercepts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return pair_new (self, PAIR_MAX_RATES_INTERCEPTS, SOFTLIF_DTYPE_FLOAT64, gain, n_gain, bias, n_bias,
                   (gpointer *) max_rates, n_max_rates, (gpointer *) intercepts, n_intercepts, error);
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
 * |[<!-- language="C" -->
 * const float J[] = { 0.5f, 1.5f };
 * float out[2];
 * softlif_neuron_type_step_float_into (neuron, 0.001, J, 2, out, 2, &error);
 * ]|
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

  return step_core (self, dt, SOFTLIF_DTYPE_FLOAT32, J, n_J, out, n_out, error);
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
 * |[<!-- language="C" -->
 * const float x[] = { 0.0f, 1.0f }, gain[] = { 3.0f }, bias[] = { 0.5f };
 * float out[2];
 * softlif_neuron_type_current_float_into (neuron, x, 2, gain, 1, bias, 1, out, 2, &error);
 * ]|
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

  return tuning_core (self, TUNING_CURRENT, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
                      out, n_out, error);
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
 * |[<!-- language="C" -->
 * const float x[] = { 0.0f, 1.0f }, gain[] = { 3.0f }, bias[] = { 0.5f };
 * float out[2];
 * softlif_neuron_type_rates_float_into (neuron, x, 2, gain, 1, bias, 1, out, 2, &error);
 * ]|
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

  return tuning_core (self, TUNING_RATES, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
                      out, n_out, error);
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
 * |[<!-- language="C" -->
 * const float x[] = { 0.0f, 1.0f }, gain[] = { 3.0f }, bias[] = { 0.5f };
 * float out[2];
 * softlif_neuron_type_derivative_float_into (neuron, x, 2, gain, 1, bias, 1, out, 2, &error);
 * ]|
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

  return tuning_core (self, TUNING_DERIVATIVE, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
                      out, n_out, error);
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
 * |[<!-- language="C" -->
 * const float max_rates[] = { 200.0f }, intercepts[] = { -0.5f };
 * float gain[1], bias[1];
 * softlif_neuron_type_gain_bias_float_into (neuron, max_rates, 1, intercepts, 1, gain, bias, 1, &error);
 * ]|
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

  return pair_core (self, PAIR_GAIN_BIAS, SOFTLIF_DTYPE_FLOAT32, max_rates, n_max_rates, intercepts, n_intercepts,
                    gain, bias, n_out, error);
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
 * |[<!-- language="C" -->
 * const float gain[] = { 4.12f }, bias[] = { 3.06f };
 * float max_rates[1], intercepts[1];
 * softlif_neuron_type_max_rates_intercepts_float_into (neuron, gain, 1, bias, 1, max_rates, intercepts, 1, &error);
 * ]|
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

  return pair_core (self, PAIR_MAX_RATES_INTERCEPTS, SOFTLIF_DTYPE_FLOAT32, gain, n_gain, bias, n_bias,
                    max_rates, intercepts, n_out, error);
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
 * |[<!-- language="C" -->
 * const float J[] = { 0.5f, 1.5f };
 * gsize n = 0;
 * g_autofree float *rates = softlif_neuron_type_step_float (neuron, 0.001, J, 2, &n, &error);
 * ]|
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
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), NULL);
  g_return_val_if_fail (J != NULL || n_J == 0, NULL);
  g_return_val_if_fail (n_out != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return step_new (self, dt, SOFTLIF_DTYPE_FLOAT32, J, n_J, n_out, error);
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
 * |[<!-- language="C" -->
 * const float x[] = { 0.0f, 1.0f }, gain[] = { 3.0f }, bias[] = { 0.5f };
 * gsize n = 0;
 * g_autofree float *J = softlif_neuron_type_current_float (neuron, x, 2, gain, 1, bias, 1, &n, &error);
 * ]|
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

  return tuning_new (self, TUNING_CURRENT, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
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
 * |[<!-- language="C" -->
 * const float x[] = { 0.0f, 1.0f }, gain[] = { 3.0f }, bias[] = { 0.5f };
 * gsize n = 0;
 * g_autofree float *rates = softlif_neuron_type_rates_float (neuron, x, 2, gain, 1, bias, 1, &n, &error);
 * ]|
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

  return tuning_new (self, TUNING_RATES, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
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
 * |[<!-- language="C" -->
 * const float x[] = { 0.0f, 1.0f }, gain[] = { 3.0f }, bias[] = { 0.5f };
 * gsize n = 0;
 * g_autofree float *slope = softlif_neuron_type_derivative_float (neuron, x, 2, gain, 1, bias, 1, &n, &error);
 * ]|
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

  return tuning_new (self, TUNING_DERIVATIVE, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
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
 * @gain: (out) (transfer full) (array length=n_gain): return location for
 *   the gains
 * @n_gain: (out): return location for the number of neurons
 * @bias: (out) (transfer full) (array length=n_bias): return location for
 *   the biases
 * @n_bias: (out): return location for the number of neurons
 * @error: return location for a #GError
 *
 * The single precision form of softlif_neuron_type_gain_bias().
 *
 * |[<!-- language="C" -->
 * const float max_rates[] = { 200.0f }, intercepts[] = { -0.5f };
 * g_autofree float *gain = NULL, *bias = NULL;
 * gsize n_gain = 0, n_bias = 0;
 * softlif_neuron_type_gain_bias_float (neuron, max_rates, 1, intercepts, 1,
 *                                      &gain, &n_gain, &bias, &n_bias, &error);
 * ]|
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
                                     gsize              *n_gain,
                                     gfloat            **bias,
                                     gsize              *n_bias,
                                     GError            **error)
{
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (max_rates != NULL || n_max_rates == 0, FALSE);
  g_return_val_if_fail (intercepts != NULL || n_intercepts == 0, FALSE);
  g_return_val_if_fail (gain != NULL && n_gain != NULL, FALSE);
  g_return_val_if_fail (bias != NULL && n_bias != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return pair_new (self, PAIR_GAIN_BIAS, SOFTLIF_DTYPE_FLOAT32, max_rates, n_max_rates, intercepts, n_intercepts,
                   (gpointer *) gain, n_gain, (gpointer *) bias, n_bias, error);
}

/**
 * softlif_neuron_type_max_rates_intercepts_float:
 * @self: a #SoftlifNeuronType
 * @gain: (array length=n_gain): the gain of each neuron
 * @n_gain: the number of neurons
 * @bias: (array length=n_bias): the bias current of each neuron
 * @n_bias: the length of @bias, equal to @n_gain
 * @max_rates: (out) (transfer full) (array length=n_max_rates): return location
 *   for the rates at x = 1, in Hz
 * @n_max_rates: (out): return location for the number of neurons
 * @intercepts: (out) (transfer full) (array length=n_intercepts): return location
 *   for the intercepts
 * @n_intercepts: (out): return location for the number of neurons
 * @error: return location for a #GError
 *
 * The single precision form of
 * softlif_neuron_type_max_rates_intercepts().
 *
 * |[<!-- language="C" -->
 * const float gain[] = { 4.12f }, bias[] = { 3.06f };
 * g_autofree float *max_rates = NULL, *intercepts = NULL;
 * gsize n_rates = 0, n_intercepts = 0;
 * softlif_neuron_type_max_rates_intercepts_float (neuron, gain, 1, bias, 1, &max_rates, &n_rates,
 *                                                 &intercepts, &n_intercepts, &error);
 * ]|
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
                                                gsize              *n_max_rates,
                                                gfloat            **intercepts,
                                                gsize              *n_intercepts,
                                                GError            **error)
{
  g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);
  g_return_val_if_fail (gain != NULL || n_gain == 0, FALSE);
  g_return_val_if_fail (bias != NULL || n_bias == 0, FALSE);
  g_return_val_if_fail (max_rates != NULL && n_max_rates != NULL, FALSE);
  g_return_val_if_fail (intercepts != NULL && n_intercepts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return pair_new (self, PAIR_MAX_RATES_INTERCEPTS, SOFTLIF_DTYPE_FLOAT32, gain, n_gain, bias, n_bias,
                   (gpointer *) max_rates, n_max_rates, (gpointer *) intercepts, n_intercepts, error);
}

/* }}} */

/* GBytes {{{ */

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

  out = step_new (self, dt, dtype, J_data, n_J, &n_out, error);
  if (out == NULL)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&out), n_out * dtype_size (dtype));
}

static GBytes *
tuning_bytes (SoftlifNeuronType  *self,
              TuningOp            op,
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

  out = tuning_new (self, op, dtype, x_data, n_x, gain_data, n_gain, bias_data, n_bias,
                    &n_out, error);
  if (out == NULL)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&out), n_out * dtype_size (dtype));
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

  return tuning_bytes (self, TUNING_CURRENT, dtype, x, gain, bias, error);
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

  return tuning_bytes (self, TUNING_RATES, dtype, x, gain, bias, error);
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

  return tuning_bytes (self, TUNING_DERIVATIVE, dtype, x, gain, bias, error);
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
 * |[<!-- language="C" -->
 * g_autoptr(SoftlifSoftLifRate) neuron =
 *   softlif_soft_lif_rate_new_full (0.01, 0.022, 0.002, 0.063, 1e-15, NULL);
 * g_autofree char *text = softlif_neuron_type_to_string (SOFTLIF_NEURON_TYPE (neuron));
 * // "SoftLifRate(tau_rc=0.022, amplitude=0.063, sigma=0.01)"
 * ]|
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
