/* softlif-neuron-type.c: the base class of all neuron types: its defaults, public functions and to_string
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
 * writes into buffers of the caller (the tuning operations and step never
 * allocate then; the gain and bias conversions may use scratch memory of
 * their own). An output buffer
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
 *
 * ## Threads
 *
 * A neuron can be used from several threads at once: calls on the same
 * neuron may run concurrently, and each may itself be split over the
 * library's threads (softlif_set_max_threads()). Changing a parameter
 * (a setter such as softlif_lif_rate_set_tau_rc(), or a property) while
 * calls run is safe too: each call computes all its values with one set
 * of parameters, either the one before or the one after the change,
 * never a mix. A change waits for the calls that are running on the
 * neuron to finish, and calls that start while it waits wait for it. Each
 * property is changed on its own: g_object_set() with several properties
 * changes them one after the other, so a call may see some of them
 * changed; to change several at once under concurrent calls, use a new
 * neuron. Property notifications are emitted after the change, outside
 * any lock, so a handler may compute with the neuron; a class method must
 * not change the parameters of the neuron it computes for. The
 * parameters of a subclass defined outside the library are the
 * subclass's own to protect.
 *
 * Since: 1.0
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "softlif-array-ops-private.h"
#include "softlif-neuron-type-private.h"
#include "softlif-private.h"
#include "softlif-tsan-private.h"

/* A readers-writer lock that lets a waiting writer in before new
 * readers: GRWLock (a POSIX rwlock) may let a setter wait for as long as
 * other threads keep computing. A call takes it once (see the holds
 * below), so writer preference cannot deadlock a nested call. */
typedef struct
{
  GMutex mutex;
  GCond cond;
  guint readers;
  guint writers_waiting;
  gboolean writing;
} ParamsLock;

typedef struct
{
  /* read by calls, written by parameter changes */
  ParamsLock params_lock;
} SoftlifNeuronTypePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SoftlifNeuronType, softlif_neuron_type, G_TYPE_OBJECT)

/* Parameters and calls {{{ */

static void
params_lock_read (ParamsLock *lock)
{
  softlif_mutex_lock (&lock->mutex);
  while (lock->writing || lock->writers_waiting > 0)
    softlif_cond_wait (&lock->cond, &lock->mutex);
  lock->readers++;
  softlif_mutex_unlock (&lock->mutex);
}

static void
params_unlock_read (ParamsLock *lock)
{
  softlif_mutex_lock (&lock->mutex);
  if (--lock->readers == 0 && lock->writers_waiting > 0)
    g_cond_broadcast (&lock->cond);
  softlif_mutex_unlock (&lock->mutex);
}

static void
params_lock_write (ParamsLock *lock)
{
  softlif_mutex_lock (&lock->mutex);
  lock->writers_waiting++;
  while (lock->writing || lock->readers > 0)
    softlif_cond_wait (&lock->cond, &lock->mutex);
  lock->writers_waiting--;
  lock->writing = TRUE;
  softlif_mutex_unlock (&lock->mutex);
}

static void
params_unlock_write (ParamsLock *lock)
{
  softlif_mutex_lock (&lock->mutex);
  lock->writing = FALSE;
  g_cond_broadcast (&lock->cond);
  softlif_mutex_unlock (&lock->mutex);
}

/* The holds of this thread, innermost first. */
static __thread SoftlifParamsHold *thread_holds;

static gboolean
thread_holds_params (SoftlifNeuronType *self)
{
  for (SoftlifParamsHold *h = thread_holds; h != NULL; h = h->prev)
    if (h->self == self)
      return TRUE;
  return FALSE;
}

void
softlif_neuron_type_params_hold (SoftlifNeuronType *self,
                                 SoftlifParamsHold *hold,
                                 gboolean           for_caller)
{
  SoftlifNeuronTypePrivate *priv = softlif_neuron_type_get_instance_private (self);

  /* The lock is not recursive: with a writer waiting, a second read
   * lock of one call would wait for the writer, which waits for the
   * call. */
  hold->self = self;
  hold->locked = !for_caller && !thread_holds_params (self);
  if (hold->locked)
    params_lock_read (&priv->params_lock);
  hold->prev = thread_holds;
  thread_holds = hold;
}

void
softlif_neuron_type_params_release (SoftlifParamsHold *hold)
{
  g_assert (thread_holds == hold);

  thread_holds = hold->prev;
  if (hold->locked)
    {
      SoftlifNeuronTypePrivate *priv = softlif_neuron_type_get_instance_private (hold->self);

      params_unlock_read (&priv->params_lock);
    }
}

gdouble
softlif_neuron_type_get_param (SoftlifNeuronType *self,
                               const gdouble     *field)
{
  SoftlifParamsHold hold;
  gdouble value;

  softlif_neuron_type_params_hold (self, &hold, FALSE);
  value = *field;
  softlif_neuron_type_params_release (&hold);
  return value;
}

gboolean
softlif_neuron_type_set_param (SoftlifNeuronType *self,
                               gdouble           *field,
                               gdouble            value)
{
  SoftlifNeuronTypePrivate *priv = softlif_neuron_type_get_instance_private (self);
  gboolean changed;

  /* From inside a call on the same neuron (a class method that sets a
   * parameter) this would wait for itself. */
  g_return_val_if_fail (!thread_holds_params (self), FALSE);

  params_lock_write (&priv->params_lock);
  changed = *field != value;
  if (changed)
    *field = value;
  params_unlock_write (&priv->params_lock);
  return changed;
}

/* }}} */

/* The defaults of the class methods {{{ */

/* Single precision through double precision: the inputs widen exactly and
 * the one rounding at the end keeps the result within one unit in the
 * last place of a float. A block at a time, on the stack. */
#define THROUGH_DOUBLE_BLOCK 2048

static void
compute_through_double (SoftlifNeuronType *self,
                        void (* compute) (SoftlifNeuronType *, const gdouble *, gdouble *, gsize),
                        const gfloat      *J,
                        gfloat            *out,
                        gsize              n)
{
  gdouble buf[THROUGH_DOUBLE_BLOCK];

  for (gsize start = 0; start < n; start += THROUGH_DOUBLE_BLOCK)
    {
      gsize len = MIN (THROUGH_DOUBLE_BLOCK, n - start);

      for (gsize i = 0; i < len; i++)
        buf[i] = J[start + i];
      compute (self, buf, buf, len);
      for (gsize i = 0; i < len; i++)
        out[start + i] = (gfloat) buf[i];
    }
}

static void
softlif_neuron_type_real_rates_float (SoftlifNeuronType *self,
                                      const gfloat      *J,
                                      gfloat            *out,
                                      gsize              n)
{
  compute_through_double (self, SOFTLIF_NEURON_TYPE_GET_CLASS (self)->compute_rates, J, out, n);
}

static void
softlif_neuron_type_real_derivative_float (SoftlifNeuronType *self,
                                           const gfloat      *J,
                                           gfloat            *out,
                                           gsize              n)
{
  compute_through_double (self, SOFTLIF_NEURON_TYPE_GET_CLASS (self)->compute_derivative, J, out, n);
}

/* The numerical gain_bias and max_rates_intercepts, for a rate that is 0
 * up to a threshold current and increases above it (nengo's
 * NeuronType.gain_bias samples the rates on a grid; bisection finds the
 * currents to the last bit instead). */

static gdouble
rate_of (SoftlifNeuronType *self,
         gdouble            J)
{
  gdouble rate;

  SOFTLIF_NEURON_TYPE_GET_CLASS (self)->compute_rates (self, &J, &rate, 1);
  return rate;
}

/* Narrows [*lo, *hi] down to two neighbouring doubles, keeping
 * rate (*lo) below @rate and rate (*hi) at or above it (@rate 0: the
 * rate of *lo is 0 and that of *hi positive). */
static void
bisect (SoftlifNeuronType *self,
        gdouble            rate,
        gdouble           *lo,
        gdouble           *hi)
{
  for (;;)
    {
      gdouble mid = *lo + (*hi - *lo) / 2.0;
      gdouble r;

      if (!(mid > *lo && mid < *hi))
        return;
      r = rate_of (self, mid);
      if (rate == 0.0 ? r > 0.0 : r >= rate)
        *hi = mid;
      else
        *lo = mid;
    }
}

/* The largest current of rate 0, below currents of positive rate;
 * FALSE if the rate is 0 everywhere or nowhere in [-2^100, 2^100]. */
static gboolean
threshold_current (SoftlifNeuronType  *self,
                   gdouble            *J_threshold,
                   GError            **error)
{
  gdouble lo = -1.0, hi = 1.0;

  while (!(rate_of (self, lo) <= 0.0) && lo > -0x1p100)
    lo *= 2.0;
  while (!(rate_of (self, hi) > 0.0) && hi < 0x1p100)
    hi *= 2.0;
  if (!(rate_of (self, lo) <= 0.0 && rate_of (self, hi) > 0.0))
    {
      g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is the name of a neuron type, e.g.
                    * “MyRate”. */
                   _("The neuron type “%s” has no threshold current, below which it is silent and above which it fires"),
                   G_OBJECT_TYPE_NAME (self));
      return FALSE;
    }
  bisect (self, 0.0, &lo, &hi);
  *J_threshold = lo;
  return TRUE;
}

static gboolean
softlif_neuron_type_real_gain_bias (SoftlifNeuronType  *self,
                                    const gdouble      *max_rates,
                                    const gdouble      *intercepts,
                                    gdouble            *gain,
                                    gdouble            *bias,
                                    gsize               n,
                                    GError            **error)
{
  g_autofree gdouble *J_max = NULL;
  gdouble J_threshold;

  if (!softlif_check_gain_bias_inputs (max_rates, intercepts, n, 0.0, error))
    return FALSE;
  if (n == 0)
    return TRUE;
  if (!threshold_current (self, &J_threshold, error) ||
      (J_max = softlif_alloc_values (n, sizeof (gdouble), error)) == NULL)
    return FALSE;

  /* the smallest current that reaches each maximum rate */
  for (gsize i = 0; i < n; i++)
    {
      gdouble lo = J_threshold, step = 1.0;

      while (!(rate_of (self, J_threshold + step) >= max_rates[i]) && step < 0x1p100)
        {
          lo = J_threshold + step;
          step *= 2.0;
        }
      J_max[i] = J_threshold + step;
      if (!(rate_of (self, J_max[i]) >= max_rates[i]))
        {
          g_autofree char *r = softlif_format_double (max_rates[i]);

          g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE,
                       /* Translators: %s is a rate such as “600.0”, the
                        * number an index into “max_rates”, the last %s the
                        * name of a neuron type. */
                       _("Maximum rate %s Hz at index %" PRIu64 " of “max_rates” is above every rate of the neuron type “%s”"),
                       r, (guint64) i, G_OBJECT_TYPE_NAME (self));
          return FALSE;
        }
      bisect (self, max_rates[i], &lo, &J_max[i]);
    }

  /* the line through (intercept, J_threshold) and (1, J_max); every
   * result checked before one is written */
  for (gsize i = 0; i < n; i++)
    {
      gdouble g = (J_max[i] - J_threshold) / (1.0 - intercepts[i]);

      if (!softlif_check_finite_result ("gain", i, g, error) ||
          !softlif_check_finite_result ("bias", i, J_max[i] - g, error))
        return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      gdouble g = (J_max[i] - J_threshold) / (1.0 - intercepts[i]);

      gain[i] = g;
      bias[i] = J_max[i] - g;
    }
  return TRUE;
}

static gboolean
softlif_neuron_type_real_max_rates_intercepts (SoftlifNeuronType  *self,
                                               const gdouble      *gain,
                                               const gdouble      *bias,
                                               gdouble            *max_rates,
                                               gdouble            *intercepts,
                                               gsize               n,
                                               GError            **error)
{
  gdouble J_threshold;

  if (!softlif_check_max_rates_intercepts_inputs (gain, bias, n, error))
    return FALSE;
  if (n == 0)
    return TRUE;
  if (!threshold_current (self, &J_threshold, error))
    return FALSE;

  /* the rate at x = 1 and the x of the threshold current (the outputs
   * may be the inputs) */
  for (gsize i = 0; i < n; i++)
    {
      gdouble g = gain[i], b = bias[i];

      if (!softlif_check_finite_result ("max_rates", i, rate_of (self, g + b), error) ||
          !softlif_check_finite_result ("intercepts", i, (J_threshold - b) / g, error))
        return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      gdouble g = gain[i], b = bias[i];

      max_rates[i] = rate_of (self, g + b);
      intercepts[i] = (J_threshold - b) / g;
    }
  return TRUE;
}

static void
softlif_neuron_type_finalize (GObject *object)
{
  SoftlifNeuronTypePrivate *priv = softlif_neuron_type_get_instance_private (SOFTLIF_NEURON_TYPE (object));

  g_mutex_clear (&priv->params_lock.mutex);
  g_cond_clear (&priv->params_lock.cond);
  G_OBJECT_CLASS (softlif_neuron_type_parent_class)->finalize (object);
}

static void
softlif_neuron_type_class_init (SoftlifNeuronTypeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = softlif_neuron_type_finalize;

  /* compute_rates and compute_derivative have no default (the operations
   * that need them fail, see softlif_neuron_type_check_implements());
   * compute_rates_affine is optional. */
  klass->compute_rates_float = softlif_neuron_type_real_rates_float;
  klass->compute_derivative_float = softlif_neuron_type_real_derivative_float;
  klass->compute_gain_bias = softlif_neuron_type_real_gain_bias;
  klass->compute_max_rates_intercepts = softlif_neuron_type_real_max_rates_intercepts;
}

static void
softlif_neuron_type_init (SoftlifNeuronType *self)
{
  SoftlifNeuronTypePrivate *priv = softlif_neuron_type_get_instance_private (self);

  g_mutex_init (&priv->params_lock.mutex);
  g_cond_init (&priv->params_lock.cond);
}

/* The class method of @klass that @method in @dtype lacks, or NULL. */
static const char *
missing_method (SoftlifNeuronTypeClass *klass,
                SoftlifMethod           method,
                SoftlifDtype            dtype)
{
  gboolean single = dtype == SOFTLIF_DTYPE_FLOAT32;

  switch (method)
    {
    case SOFTLIF_METHOD_RATES:
      if (single && klass->compute_rates_float == NULL)
        return "compute_rates_float";
      if (klass->compute_rates == NULL &&
          (!single || klass->compute_rates_float == softlif_neuron_type_real_rates_float))
        return "compute_rates";
      return NULL;
    case SOFTLIF_METHOD_DERIVATIVE:
      if (single && klass->compute_derivative_float == NULL)
        return "compute_derivative_float";
      if (klass->compute_derivative == NULL &&
          (!single || klass->compute_derivative_float == softlif_neuron_type_real_derivative_float))
        return "compute_derivative";
      return NULL;
    case SOFTLIF_METHOD_GAIN_BIAS:
      if (klass->compute_gain_bias == NULL)
        return "compute_gain_bias";
      if (klass->compute_gain_bias == softlif_neuron_type_real_gain_bias && klass->compute_rates == NULL)
        return "compute_rates";
      return NULL;
    case SOFTLIF_METHOD_MAX_RATES_INTERCEPTS:
      if (klass->compute_max_rates_intercepts == NULL)
        return "compute_max_rates_intercepts";
      if (klass->compute_max_rates_intercepts == softlif_neuron_type_real_max_rates_intercepts &&
          klass->compute_rates == NULL)
        return "compute_rates";
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

gboolean
softlif_neuron_type_check_implements (SoftlifNeuronType  *self,
                                      SoftlifMethod       method,
                                      SoftlifDtype        dtype,
                                      GError            **error)
{
  const char *missing = missing_method (SOFTLIF_NEURON_TYPE_GET_CLASS (self), method, dtype);

  if (missing == NULL)
    return TRUE;

  g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_NOT_IMPLEMENTED,
               /* Translators: the first %s is the name of a neuron type,
                * e.g. “MyRate”, the second a class method, e.g.
                * “compute_derivative”. */
               _("The neuron type “%s” does not implement “%s”"),
               G_OBJECT_TYPE_NAME (self), missing);
  return FALSE;
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

#define STEP_PRECONDITIONS(self, J, n_J, out, n_out, error)                     \
  G_STMT_START {                                                               \
    g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);               \
    g_return_val_if_fail ((J) != NULL || (n_J) == 0, FALSE);                   \
    g_return_val_if_fail ((out) != NULL || (n_out) == 0, FALSE);               \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, FALSE);         \
  } G_STMT_END

#define STEP_NEW_PRECONDITIONS(self, J, n_J, n_out, error)                     \
  G_STMT_START {                                                               \
    g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), NULL);                \
    g_return_val_if_fail ((J) != NULL || (n_J) == 0, NULL);                    \
    g_return_val_if_fail ((n_out) != NULL, NULL);                              \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, NULL);          \
  } G_STMT_END

/* gain_bias and max_rates_intercepts: inputs a and b, outputs c and d */
#define PAIR_PRECONDITIONS(self, a, n_a, b, n_b, c, d, n_out, error)           \
  G_STMT_START {                                                               \
    g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);               \
    g_return_val_if_fail ((a) != NULL || (n_a) == 0, FALSE);                   \
    g_return_val_if_fail ((b) != NULL || (n_b) == 0, FALSE);                   \
    g_return_val_if_fail (((c) != NULL && (d) != NULL) || (n_out) == 0, FALSE); \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, FALSE);         \
  } G_STMT_END

#define PAIR_NEW_PRECONDITIONS(self, a, n_a, b, n_b, c, n_c, d, n_d, error)    \
  G_STMT_START {                                                               \
    g_return_val_if_fail (SOFTLIF_IS_NEURON_TYPE (self), FALSE);               \
    g_return_val_if_fail ((a) != NULL || (n_a) == 0, FALSE);                   \
    g_return_val_if_fail ((b) != NULL || (n_b) == 0, FALSE);                   \
    g_return_val_if_fail ((c) != NULL && (n_c) != NULL, FALSE);                \
    g_return_val_if_fail ((d) != NULL && (n_d) != NULL, FALSE);                \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, FALSE);         \
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
 *
 * Since: 1.0
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
  STEP_PRECONDITIONS (self, J, n_J, out, n_out, error);

  return softlif_array_step (self, dt, SOFTLIF_DTYPE_FLOAT64, J, n_J, out, n_out, error);
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
 *
 * Since: 1.0
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

  return softlif_array_tuning (self, SOFTLIF_TUNING_CURRENT, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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

  return softlif_array_tuning (self, SOFTLIF_TUNING_RATES, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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

  return softlif_array_tuning (self, SOFTLIF_TUNING_DERIVATIVE, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
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
 * intercept: for #SoftlifLifRate and #SoftlifSoftLifRate with nengo's
 * formulas for the LIF neuron (which do not depend on the amplitude),
 * for other types with their #SoftlifNeuronTypeClass.compute_gain_bias
 * (by default numerically, from the rates). Fails with
 * %SOFTLIF_ERROR_OUT_OF_RANGE if a maximum rate is not a positive number
 * below 1 / tau_ref (or a rate the type cannot reach) or an intercept is
 * not a finite number below 1, and with %SOFTLIF_ERROR_NOT_IMPLEMENTED
 * for a type that has no way to compute it; nothing is written then.
 *
 * |[<!-- language="C" -->
 * const double max_rates[] = { 200.0, 100.0 }, intercepts[] = { -0.5, 0.2 };
 * double gain[2], bias[2];
 * softlif_neuron_type_gain_bias_into (neuron, max_rates, 2, intercepts, 2, gain, bias, 2, &error);
 * ]|
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 *
 * Since: 1.0
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
  PAIR_PRECONDITIONS (self, max_rates, n_max_rates, intercepts, n_intercepts, gain, bias, n_out, error);

  return softlif_array_pair (self, SOFTLIF_PAIR_GAIN_BIAS, SOFTLIF_DTYPE_FLOAT64, max_rates, n_max_rates, intercepts, n_intercepts,
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
 * silent at x = 1 (`gain + bias <= 1` for the LIF types) has maximum rate
 * 0. Fails with %SOFTLIF_ERROR_OUT_OF_RANGE if a gain is 0 or a value is
 * not finite (or, for the numerical default, if the type has no threshold
 * current), and with %SOFTLIF_ERROR_NOT_IMPLEMENTED for a type that has
 * no way to compute it.
 *
 * |[<!-- language="C" -->
 * const double gain[] = { 4.12 }, bias[] = { 3.06 };
 * double max_rates[1], intercepts[1];
 * softlif_neuron_type_max_rates_intercepts_into (neuron, gain, 1, bias, 1, max_rates, intercepts, 1, &error);
 * ]|
 *
 * Returns: %TRUE on success, %FALSE if @error was set
 *
 * Since: 1.0
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
  PAIR_PRECONDITIONS (self, gain, n_gain, bias, n_bias, max_rates, intercepts, n_out, error);

  return softlif_array_pair (self, SOFTLIF_PAIR_MAX_RATES_INTERCEPTS, SOFTLIF_DTYPE_FLOAT64, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
 */
gdouble *
softlif_neuron_type_step (SoftlifNeuronType  *self,
                          gdouble             dt,
                          const gdouble      *J,
                          gsize               n_J,
                          gsize              *n_out,
                          GError            **error)
{
  STEP_NEW_PRECONDITIONS (self, J, n_J, n_out, error);

  return softlif_array_step_new (self, dt, SOFTLIF_DTYPE_FLOAT64, J, n_J, n_out, error);
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
 *
 * Since: 1.0
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

  return softlif_array_tuning_new (self, SOFTLIF_TUNING_CURRENT, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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

  return softlif_array_tuning_new (self, SOFTLIF_TUNING_RATES, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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

  return softlif_array_tuning_new (self, SOFTLIF_TUNING_DERIVATIVE, SOFTLIF_DTYPE_FLOAT64, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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
  PAIR_NEW_PRECONDITIONS (self, max_rates, n_max_rates, intercepts, n_intercepts, gain, n_gain, bias, n_bias, error);

  return softlif_array_pair_new (self, SOFTLIF_PAIR_GAIN_BIAS, SOFTLIF_DTYPE_FLOAT64, max_rates, n_max_rates, intercepts, n_intercepts,
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
 *
 * Since: 1.0
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
  PAIR_NEW_PRECONDITIONS (self, gain, n_gain, bias, n_bias, max_rates, n_max_rates, intercepts, n_intercepts, error);

  return softlif_array_pair_new (self, SOFTLIF_PAIR_MAX_RATES_INTERCEPTS, SOFTLIF_DTYPE_FLOAT64, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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
  STEP_PRECONDITIONS (self, J, n_J, out, n_out, error);

  return softlif_array_step (self, dt, SOFTLIF_DTYPE_FLOAT32, J, n_J, out, n_out, error);
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
 *
 * Since: 1.0
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

  return softlif_array_tuning (self, SOFTLIF_TUNING_CURRENT, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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

  return softlif_array_tuning (self, SOFTLIF_TUNING_RATES, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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

  return softlif_array_tuning (self, SOFTLIF_TUNING_DERIVATIVE, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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
  PAIR_PRECONDITIONS (self, max_rates, n_max_rates, intercepts, n_intercepts, gain, bias, n_out, error);

  return softlif_array_pair (self, SOFTLIF_PAIR_GAIN_BIAS, SOFTLIF_DTYPE_FLOAT32, max_rates, n_max_rates, intercepts, n_intercepts,
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
 *
 * Since: 1.0
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
  PAIR_PRECONDITIONS (self, gain, n_gain, bias, n_bias, max_rates, intercepts, n_out, error);

  return softlif_array_pair (self, SOFTLIF_PAIR_MAX_RATES_INTERCEPTS, SOFTLIF_DTYPE_FLOAT32, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
 */
gfloat *
softlif_neuron_type_step_float (SoftlifNeuronType  *self,
                                gdouble             dt,
                                const gfloat       *J,
                                gsize               n_J,
                                gsize              *n_out,
                                GError            **error)
{
  STEP_NEW_PRECONDITIONS (self, J, n_J, n_out, error);

  return softlif_array_step_new (self, dt, SOFTLIF_DTYPE_FLOAT32, J, n_J, n_out, error);
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
 *
 * Since: 1.0
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

  return softlif_array_tuning_new (self, SOFTLIF_TUNING_CURRENT, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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

  return softlif_array_tuning_new (self, SOFTLIF_TUNING_RATES, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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

  return softlif_array_tuning_new (self, SOFTLIF_TUNING_DERIVATIVE, SOFTLIF_DTYPE_FLOAT32, x, n_x, gain, n_gain, bias, n_bias,
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
 *
 * Since: 1.0
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
  PAIR_NEW_PRECONDITIONS (self, max_rates, n_max_rates, intercepts, n_intercepts, gain, n_gain, bias, n_bias, error);

  return softlif_array_pair_new (self, SOFTLIF_PAIR_GAIN_BIAS, SOFTLIF_DTYPE_FLOAT32, max_rates, n_max_rates, intercepts, n_intercepts,
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
 *
 * Since: 1.0
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
  PAIR_NEW_PRECONDITIONS (self, gain, n_gain, bias, n_bias, max_rates, n_max_rates, intercepts, n_intercepts, error);

  return softlif_array_pair_new (self, SOFTLIF_PAIR_MAX_RATES_INTERCEPTS, SOFTLIF_DTYPE_FLOAT32, gain, n_gain, bias, n_bias,
                   (gpointer *) max_rates, n_max_rates, (gpointer *) intercepts, n_intercepts, error);
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
 *
 * Since: 1.0
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
