/* softlif-array-ops.c: the array operations under every public call of SoftlifNeuronType
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* Each operation checks lengths and parameters, then hands ranges of the
 * result to softlif_parallel_for(), which runs them on one or more
 * threads. A range is worked in blocks: the currents of a block are
 * formed by the affine kernel, then the class method of the neuron type
 * maps them to rates or derivatives. Both precisions go through the same
 * code; what depends on the precision is the size of a value and which
 * kernel or class method is called (compute_elementwise(), affine() and
 * scale() below). */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "softlif-array-ops-private.h"
#include "softlif-kernels-private.h"
#include "softlif-neuron-type-private.h"
#include "softlif-private.h"

/* Work is done in blocks that fit the L1 cache and are long enough to
 * make the per-call set-up of a kernel negligible; reading a block of
 * inputs before writing the block of outputs is also what makes in-place
 * computation safe. */
#define BLOCK 2048

/* The precision-dependent steps {{{ */

/* The element-wise class method of the current, on n values of J. */
static void
compute_elementwise (SoftlifNeuronType *self,
                     SoftlifMethod      method,
                     SoftlifDtype       dtype,
                     gconstpointer      J,
                     gpointer           out,
                     gsize              n)
{
  SoftlifNeuronTypeClass *klass = SOFTLIF_NEURON_TYPE_GET_CLASS (self);

  if (n == 0)
    return;

  if (dtype == SOFTLIF_DTYPE_FLOAT64)
    (method == SOFTLIF_METHOD_RATES ? klass->compute_rates : klass->compute_derivative) (self, J, out, n);
  else
    (method == SOFTLIF_METHOD_RATES ? klass->compute_rates_float : klass->compute_derivative_float) (self, J, out, n);
}

/* J = g x + b, rounded twice as numpy does: one g and b and n x, or
 * (per_neuron) one x and n g and b. */
static void
affine (SoftlifDtype   dtype,
        gconstpointer  x,
        gconstpointer  g,
        gconstpointer  b,
        gboolean       per_neuron,
        gpointer       J,
        gsize          n)
{
  const SoftlifKernels *kernels = softlif_kernels_get ();

  if (dtype == SOFTLIF_DTYPE_FLOAT64)
    kernels->affine_f64 (x, g, b, per_neuron, J, n);
  else
    kernels->affine_f32 (x, g, b, per_neuron, J, n);
}

/* out *= g: one g, or (per_neuron) n of them. */
static void
scale (SoftlifDtype   dtype,
       gconstpointer  g,
       gboolean       per_neuron,
       gpointer       out,
       gsize          n)
{
  const SoftlifKernels *kernels = softlif_kernels_get ();

  if (dtype == SOFTLIF_DTYPE_FLOAT64)
    kernels->scale_f64 (g, per_neuron, out, n);
  else
    kernels->scale_f32 (g, per_neuron, out, n);
}

/* }}} */

/* Ranges {{{ */

/* A call's work, which softlif_parallel_for() splits into ranges. */
typedef struct {
  SoftlifNeuronType *self;
  SoftlifDtype dtype;
  SoftlifTuningOp op;         /* tuning_range */
  gconstpointer J;            /* step_range */
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
  gsize width = softlif_dtype_size (job->dtype);
  SoftlifParamsHold hold;

  softlif_neuron_type_params_hold (job->self, &hold, TRUE);
  compute_elementwise (job->self, SOFTLIF_METHOD_RATES, job->dtype,
                       (const guint8 *) job->J + lo * width,
                       (guint8 *) job->out + lo * width, hi - lo);
  softlif_neuron_type_params_release (&hold);
}

/* The rates of one neuron in one pass, where its class has such a pass
 * (compute_rates_affine, double precision only). */
static gboolean
rates_affine (Job   *job,
              gsize  lo,
              gsize  hi)
{
  SoftlifNeuronTypeClass *klass = SOFTLIF_NEURON_TYPE_GET_CLASS (job->self);
  const gdouble *x = job->x, *gain = job->gain, *bias = job->bias;

  if (klass->compute_rates_affine == NULL || job->dtype != SOFTLIF_DTYPE_FLOAT64)
    return FALSE;
  return klass->compute_rates_affine (job->self, x + lo, gain[0], bias[0], (gdouble *) job->out + lo, hi - lo);
}

/* J = gain * x + bias in the precision of the data (as numpy computes
 * it), then the class method on each block of the row-major result. The
 * derivative is taken with respect to x, hence the factor gain. Each
 * block reads its inputs before it writes, which makes computing in place
 * safe. */
static void
tuning_range_held (Job   *job,
                   gsize  lo,
                   gsize  hi)
{
  gsize w = softlif_dtype_size (job->dtype);
  const guint8 *x = job->x, *gain = job->gain, *bias = job->bias;
  guint8 *out = job->out;
  gsize n = job->n_neurons;
  gsize s = lo / n;
  gsize k = lo % n;
  /* a block of currents and of gains, of either precision */
  union { gdouble f64[BLOCK]; gfloat f32[BLOCK]; } J, g;

  if (n == 1 && job->op == SOFTLIF_TUNING_RATES && rates_affine (job, lo, hi))
    return;

  for (gsize start = lo; start < hi; start += BLOCK)
    {
      gsize len = MIN (BLOCK, hi - start);
      guint8 *o = out + start * w;
      /* the currents themselves go straight to the output */
      gpointer Jb = job->op == SOFTLIF_TUNING_CURRENT ? (gpointer) o : (gpointer) &J;

      /* a run of neurons for one x at a time; one neuron is a plain loop
       * over x */
      if (n == 1)
        {
          affine (job->dtype, x + s * w, gain, bias, FALSE, Jb, len);
          s += len;
        }
      else
        for (gsize b = 0; b < len;)
          {
            gsize run = MIN (n - k, len - b);

            affine (job->dtype, x + s * w, gain + k * w, bias + k * w, TRUE, (guint8 *) Jb + b * w, run);
            b += run;
            k += run;
            if (k == n)
              {
                k = 0;
                s++;
              }
          }

      if (job->op == SOFTLIF_TUNING_RATES)
        compute_elementwise (job->self, SOFTLIF_METHOD_RATES, job->dtype, &J, o, len);
      else if (job->op == SOFTLIF_TUNING_DERIVATIVE)
        {
          /* the chain rule: gain times the derivative (the gains are
           * copied first: @out may be @gain) */
          if (n == 1)
            memcpy (&g, gain, w);
          else
            for (gsize b = 0, kk = start % n; b < len; kk = 0)
              {
                gsize run = MIN (n - kk, len - b);

                memcpy ((guint8 *) &g + b * w, gain + kk * w, run * w);
                b += run;
              }
          compute_elementwise (job->self, SOFTLIF_METHOD_DERIVATIVE, job->dtype, &J, o, len);
          scale (job->dtype, &g, n != 1, o, len);
        }
    }
}

/* On every thread of a call, the caller's hold on the parameters: a
 * class method may read them through the public getters, or call the
 * library again on the same neuron, without locking again. */
static void
tuning_range (gpointer data,
              gsize    lo,
              gsize    hi)
{
  Job *job = data;
  SoftlifParamsHold hold;

  softlif_neuron_type_params_hold (job->self, &hold, TRUE);
  tuning_range_held (job, lo, hi);
  softlif_neuron_type_params_release (&hold);
}

/* }}} */

/* Runs @func over [0, n) on the library's threads with one set of the
 * neuron's parameters for the whole call (each range holds it too, see
 * step_range and tuning_range). */
static void
parallel_for_holding (SoftlifNeuronType *self,
                      gsize              n,
                      SoftlifRangeFunc   func,
                      Job               *job)
{
  SoftlifParamsHold hold;

  softlif_neuron_type_params_hold (self, &hold, FALSE);
  softlif_parallel_for (n, func, job);
  softlif_neuron_type_params_release (&hold);
}

/* step {{{ */

gboolean
softlif_array_step (SoftlifNeuronType  *self,
                    gdouble             dt,
                    SoftlifDtype        dtype,
                    gconstpointer       J,
                    gsize               n_J,
                    gpointer            out,
                    gsize               n_out,
                    GError            **error)
{
  Job job = { .self = self, .dtype = dtype, .J = J, .out = out };

  if (!softlif_check_param ("dt", dt, SOFTLIF_BOUND_POSITIVE, error) ||
      !softlif_check_output_length (n_out, n_J, error) ||
      !softlif_neuron_type_check_implements (self, SOFTLIF_METHOD_RATES, dtype, error))
    return FALSE;

  parallel_for_holding (self, n_J, step_range, &job);
  return TRUE;
}

gpointer
softlif_array_step_new (SoftlifNeuronType  *self,
                        gdouble             dt,
                        SoftlifDtype        dtype,
                        gconstpointer       J,
                        gsize               n_J,
                        gsize              *n_out,
                        GError            **error)
{
  g_autofree gpointer out = NULL;

  *n_out = 0;
  out = softlif_alloc_values (n_J, softlif_dtype_size (dtype), error);
  if (out == NULL || !softlif_array_step (self, dt, dtype, J, n_J, out, n_J, error))
    return NULL;

  *n_out = n_J;
  return g_steal_pointer (&out);
}

/* }}} */

/* current, rates, derivative {{{ */

/* The length of a tuning-curve matrix, n_x rows by n_gain columns. */
static gboolean
tuning_shape (gsize    n_x,
              gsize    n_gain,
              gsize    n_bias,
              gsize   *n_result,
              GError **error)
{
  if (!softlif_check_same_length ("gain", n_gain, "bias", n_bias, error))
    return FALSE;

  if (!g_size_checked_mul (n_result, n_x, n_gain))
    {
      g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_TOO_LARGE,
                   /* Translators: the numbers are array lengths. */
                   _("A result of %" PRIu64 " by %" PRIu64 " values is too large"),
                   (guint64) n_x, (guint64) n_gain);
      return FALSE;
    }

  return TRUE;
}

gboolean
softlif_array_tuning (SoftlifNeuronType  *self,
                      SoftlifTuningOp     op,
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
  Job job = { .self = self, .dtype = dtype, .op = op,
              .x = x, .gain = gain, .bias = bias, .n_neurons = n_gain, .out = out };
  gsize n_result;

  if (!tuning_shape (n_x, n_gain, n_bias, &n_result, error) ||
      !softlif_check_output_length (n_out, n_result, error))
    return FALSE;
  if (op != SOFTLIF_TUNING_CURRENT &&
      !softlif_neuron_type_check_implements (self,
                                             op == SOFTLIF_TUNING_RATES ? SOFTLIF_METHOD_RATES
                                                                        : SOFTLIF_METHOD_DERIVATIVE,
                                             dtype, error))
    return FALSE;

  parallel_for_holding (self, n_result, tuning_range, &job);
  return TRUE;
}

gpointer
softlif_array_tuning_new (SoftlifNeuronType  *self,
                          SoftlifTuningOp     op,
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

  out = softlif_alloc_values (n_result, softlif_dtype_size (dtype), error);
  if (out == NULL ||
      !softlif_array_tuning (self, op, dtype, x, n_x, gain, n_gain, bias, n_bias, out, n_result, error))
    return NULL;

  *n_out = n_result;
  return g_steal_pointer (&out);
}

/* }}} */

/* gain_bias, max_rates_intercepts {{{ */

/* Single precision goes through double precision and rounds once. */
gboolean
softlif_array_pair (SoftlifNeuronType  *self,
                    SoftlifPairOp       op,
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
  SoftlifParamsHold hold;
  gboolean ok;

  if (op == SOFTLIF_PAIR_GAIN_BIAS)
    ok = softlif_check_same_length ("max_rates", n_a, "intercepts", n_b, error);
  else
    ok = softlif_check_same_length ("gain", n_a, "bias", n_b, error);
  if (!ok || !softlif_check_output_length (n_out, n_a, error) ||
      !softlif_neuron_type_check_implements (self,
                                             op == SOFTLIF_PAIR_GAIN_BIAS ? SOFTLIF_METHOD_GAIN_BIAS
                                                                          : SOFTLIF_METHOD_MAX_RATES_INTERCEPTS,
                                             dtype, error))
    return FALSE;

  if (dtype == SOFTLIF_DTYPE_FLOAT32)
    {
      gdouble *wa, *wb;

      buf = softlif_alloc_values (n_a, 4 * sizeof (gdouble), error);
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

  /* one set of parameters for the whole call */
  softlif_neuron_type_params_hold (self, &hold, FALSE);
  if (op == SOFTLIF_PAIR_GAIN_BIAS)
    ok = klass->compute_gain_bias (self, da, db, ra, rb, n_a, error);
  else
    ok = klass->compute_max_rates_intercepts (self, da, db, ra, rb, n_a, error);
  softlif_neuron_type_params_release (&hold);
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

gboolean
softlif_array_pair_new (SoftlifNeuronType  *self,
                        SoftlifPairOp       op,
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
  ra = softlif_alloc_values (n_a, softlif_dtype_size (dtype), error);
  rb = ra != NULL ? softlif_alloc_values (n_a, softlif_dtype_size (dtype), error) : NULL;
  if (rb == NULL ||
      !softlif_array_pair (self, op, dtype, a, n_a, b, n_b, ra, rb, n_a, error))
    return FALSE;

  *out_a = g_steal_pointer (&ra);
  *out_b = g_steal_pointer (&rb);
  *n_out_a = *n_out_b = n_a;
  return TRUE;
}

/* }}} */
