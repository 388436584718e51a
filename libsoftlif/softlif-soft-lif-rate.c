/* softlif-soft-lif-rate.c: the soft LIF rate neuron
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SoftlifSoftLifRate:
 *
 * The LIF rate neuron with a smooth tuning curve.
 *
 * The soft LIF neuron of Hunsberger and Eliasmith (2015, “Spiking deep
 * networks with LIF neurons”, arXiv:1510.08829) replaces the excess
 * current `J - 1` of the LIF neuron by a smooth, positive version of it:
 *
 *     y    = (J - 1) / sigma
 *     j    = sigma * log (1 + exp (y)) + epsilon
 *     rate = amplitude / (tau_ref + tau_rc * log1p (1 / j))
 *
 * so that the tuning curve has a continuous derivative and a network of
 * such neurons can be trained by gradient descent, then run with spiking
 * LIF neurons. As sigma goes to 0 the rate tends to that of
 * #SoftlifLifRate. This is `SoftLIFRate` of nengo_extras and nengo_dl,
 * computed to within 2 units in the last place everywhere, without the
 * overflow and the spurious zeros of a direct evaluation.
 *
 * The soft LIF neuron of the Keras MNIST example of nengo_extras:
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * g_autoptr(SoftlifSoftLifRate) neuron =
 *   softlif_soft_lif_rate_new_full (0.01, 0.022, 0.002, 0.063, 1e-15, &error);
 * const double J[] = { 0.5, 1.0, 1.5 };
 * gsize n = 0;
 * g_autofree double *rates =
 *   softlif_neuron_type_step (SOFTLIF_NEURON_TYPE (neuron), 0.001, J, G_N_ELEMENTS (J), &n, &error);
 * ]|
 *
 * Since: 1.0
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "softlif-soft-lif-rate.h"
#include "softlif-neuron-type-private.h"
#include "softlif-private.h"
#include "softlif-soft-lif-math-private.h"
#include "softlif-kernels-private.h"

struct _SoftlifSoftLifRate
{
  SoftlifLifRate parent_instance;

  gdouble sigma;
  gdouble epsilon;
};

enum {
  PROP_0,
  PROP_SIGMA,
  PROP_EPSILON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SoftlifSoftLifRate, softlif_soft_lif_rate, SOFTLIF_TYPE_LIF_RATE)

#define DEFAULT_SIGMA    1.0
#define DEFAULT_EPSILON  1e-15

/* The math {{{ */

/* The parameters in the form the kernels take. Setting them up costs
 * about as much as computing a few hundred rates (logarithms in long
 * double), and the tuning functions call the kernels block by block, so
 * each thread keeps the last set it made and reuses it for as long as the
 * parameters are the same. The key is read while the call holds the
 * parameters (softlif-neuron-type-private.h), so it is one consistent
 * set, the same on every thread of the call. */
typedef struct {
  gdouble key[5];
  gboolean valid;
  SoftParams sp;
  SoftlifSoftLifKernelParams kp;
} SoftCall;

static __thread SoftCall last_call;

static const SoftlifSoftLifKernelParams *
soft_call_params (SoftlifNeuronType *neuron)
{
  SoftlifSoftLifRate *self = SOFTLIF_SOFT_LIF_RATE (neuron);
  SoftlifLifRate *lif = SOFTLIF_LIF_RATE (self);
  const gdouble key[5] = {
    self->sigma,
    softlif_lif_rate_get_tau_rc (lif),
    softlif_lif_rate_get_tau_ref (lif),
    softlif_lif_rate_get_amplitude (lif),
    self->epsilon,
  };
  SoftCall *call = &last_call;

  if (!call->valid || memcmp (key, call->key, sizeof key) != 0)
    {
      soft_params_init (&call->sp, key[0], key[1], key[2], key[3], key[4]);
      softlif_soft_lif_kernel_params_init (&call->kp, &call->sp);
      memcpy (call->key, key, sizeof key);
      call->valid = TRUE;
    }
  return &call->kp;
}

/* compute_rates_affine: the kernels that have a one-pass form of
 * J = gain * x + bias and the rate of J use it. */
static gboolean
softlif_soft_lif_rate_compute_rates_affine (SoftlifNeuronType *neuron,
                                            const gdouble     *x,
                                            gdouble            gain,
                                            gdouble            bias,
                                            gdouble           *out,
                                            gsize              n)
{
  const gdouble gb[2] = { gain, bias };
  const SoftlifKernels *kernels = softlif_kernels_get ();

  if (kernels->soft_rate_f64_affine == NULL)
    return FALSE;
  return kernels->soft_rate_f64_affine (soft_call_params (neuron), x, gb, out, n);
}

/* The four element-wise methods hand the whole range to a kernel. */
#define DEFINE_COMPUTE(method, T, kernel)                                      \
static void                                                                    \
softlif_soft_lif_rate_##method (SoftlifNeuronType *neuron,                     \
                                const T           *J,                          \
                                T                 *out,                        \
                                gsize              n)                          \
{                                                                              \
  softlif_kernels_get ()->kernel (soft_call_params (neuron), J, out, n);       \
}

DEFINE_COMPUTE (compute_rates, gdouble, soft_rate_f64)
DEFINE_COMPUTE (compute_derivative, gdouble, soft_deriv_f64)
DEFINE_COMPUTE (compute_rates_float, gfloat, soft_rate_f32)
DEFINE_COMPUTE (compute_derivative_float, gfloat, soft_deriv_f32)

#undef DEFINE_COMPUTE

/* }}} */

/* GObject {{{ */

static void
softlif_soft_lif_rate_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SoftlifSoftLifRate *self = SOFTLIF_SOFT_LIF_RATE (object);

  switch (prop_id)
    {
    case PROP_SIGMA:
      softlif_soft_lif_rate_set_sigma (self, g_value_get_double (value));
      break;
    case PROP_EPSILON:
      softlif_soft_lif_rate_set_epsilon (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
softlif_soft_lif_rate_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SoftlifSoftLifRate *self = SOFTLIF_SOFT_LIF_RATE (object);

  switch (prop_id)
    {
    case PROP_SIGMA:
      g_value_set_double (value, softlif_neuron_type_get_param (SOFTLIF_NEURON_TYPE (self), &self->sigma));
      break;
    case PROP_EPSILON:
      g_value_set_double (value, softlif_neuron_type_get_param (SOFTLIF_NEURON_TYPE (self), &self->epsilon));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
softlif_soft_lif_rate_class_init (SoftlifSoftLifRateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SoftlifNeuronTypeClass *neuron_class = SOFTLIF_NEURON_TYPE_CLASS (klass);

  object_class->set_property = softlif_soft_lif_rate_set_property;
  object_class->get_property = softlif_soft_lif_rate_get_property;

  neuron_class->compute_rates = softlif_soft_lif_rate_compute_rates;
  neuron_class->compute_derivative = softlif_soft_lif_rate_compute_derivative;
  neuron_class->compute_rates_float = softlif_soft_lif_rate_compute_rates_float;
  neuron_class->compute_derivative_float = softlif_soft_lif_rate_compute_derivative_float;
  neuron_class->compute_rates_affine = softlif_soft_lif_rate_compute_rates_affine;

  /**
   * SoftlifSoftLifRate:sigma:
   *
   * The amount of smoothing around the firing threshold, in units of the
   * input current (larger is smoother). From 1e-50 to 1e50, the range
   * of the property; setting anything else is a programmer error and is
   * ignored.
   */
  properties[PROP_SIGMA] =
    g_param_spec_double ("sigma", NULL, NULL,
                         SOFTLIF_PARAM_SCALE_MIN, SOFTLIF_PARAM_SCALE_MAX, DEFAULT_SIGMA,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SoftlifSoftLifRate:epsilon:
   *
   * A small current added to the smoothed excess current, in units of
   * the input current, as the original SoftLIFRate does (1e-15), to keep the rate
   * away from an exact 0. With 0 the neuron is the pure soft LIF neuron,
   * whose rate far below the threshold decays like 1 / |J| instead of
   * flooring at amplitude / (tau_ref + tau_rc * log1p (1 / epsilon)).
   * From 0 to 1e50; -0.0 is stored as 0.0.
   */
  properties[PROP_EPSILON] =
    g_param_spec_double ("epsilon", NULL, NULL,
                         0.0, SOFTLIF_PARAM_SCALE_MAX, DEFAULT_EPSILON,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
softlif_soft_lif_rate_init (SoftlifSoftLifRate *self)
{
  self->sigma = DEFAULT_SIGMA;
  self->epsilon = DEFAULT_EPSILON;
}

/* }}} */

/* Public API {{{ */

/**
 * softlif_soft_lif_rate_new:
 *
 * Creates a soft LIF rate neuron with the defaults of the original SoftLIFRate:
 * sigma 1, tau-rc 0.02 s, tau-ref 0.002 s, amplitude 1, epsilon 1e-15.
 *
 * |[<!-- language="C" -->
 * g_autoptr(SoftlifSoftLifRate) neuron = softlif_soft_lif_rate_new ();
 * ]|
 *
 * Returns: (transfer full): a new #SoftlifSoftLifRate
 *
 * Since: 1.0
 */
SoftlifSoftLifRate *
softlif_soft_lif_rate_new (void)
{
  return g_object_new (SOFTLIF_TYPE_SOFT_LIF_RATE, NULL);
}

/**
 * softlif_soft_lif_rate_new_full:
 * @sigma: the smoothing, from 1e-50 to 1e50
 * @tau_rc: the membrane RC time constant in seconds, from 1e-50 to 1e50
 * @tau_ref: the refractory period in seconds, from 0 to 1e50 (-0.0 is stored as 0.0)
 * @amplitude: the output scale, from 1e-200 to 1e50
 * @epsilon: the current added after smoothing, from 0 to 1e50 (-0.0 is stored as 0.0)
 * @error: return location for a #GError
 *
 * Creates a soft LIF rate neuron with the given parameters. A parameter
 * out of its range fails with %SOFTLIF_ERROR_INVALID_PARAMETER and a
 * message that names it.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * g_autoptr(SoftlifSoftLifRate) neuron =
 *   softlif_soft_lif_rate_new_full (0.0, 0.02, 0.002, 1.0, 1e-15, &error);
 * if (neuron == NULL)
 *   g_printerr ("%s\n", error->message);   // names “sigma” and the value 0.0
 * ]|
 *
 * Returns: (transfer full) (nullable): a new #SoftlifSoftLifRate, or
 *   %NULL if @error was set
 *
 * Since: 1.0
 */
SoftlifSoftLifRate *
softlif_soft_lif_rate_new_full (gdouble   sigma,
                                gdouble   tau_rc,
                                gdouble   tau_ref,
                                gdouble   amplitude,
                                gdouble   epsilon,
                                GError  **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!softlif_check_param ("sigma", sigma, SOFTLIF_BOUND_SCALE, error) ||
      !softlif_check_param ("tau_rc", tau_rc, SOFTLIF_BOUND_SCALE, error) ||
      !softlif_check_param ("tau_ref", tau_ref, SOFTLIF_BOUND_SCALE_OR_ZERO, error) ||
      !softlif_check_param ("amplitude", amplitude, SOFTLIF_BOUND_AMPLITUDE, error) ||
      !softlif_check_param ("epsilon", epsilon, SOFTLIF_BOUND_SCALE_OR_ZERO, error))
    return NULL;

  return g_object_new (SOFTLIF_TYPE_SOFT_LIF_RATE,
                       "sigma", sigma,
                       "tau-rc", tau_rc,
                       "tau-ref", tau_ref,
                       "amplitude", amplitude,
                       "epsilon", epsilon,
                       NULL);
}

/**
 * softlif_soft_lif_rate_get_sigma:
 * @self: a #SoftlifSoftLifRate
 *
 * Gets the smoothing around the threshold.
 *
 * |[<!-- language="C" -->
 * double sigma = softlif_soft_lif_rate_get_sigma (neuron);   // 1 by default
 * ]|
 *
 * Returns: sigma
 *
 * Since: 1.0
 */
gdouble
softlif_soft_lif_rate_get_sigma (SoftlifSoftLifRate *self)
{
  g_return_val_if_fail (SOFTLIF_IS_SOFT_LIF_RATE (self), 0.0);

  return softlif_neuron_type_get_param (SOFTLIF_NEURON_TYPE (self), &self->sigma);
}

/**
 * softlif_soft_lif_rate_set_sigma:
 * @self: a #SoftlifSoftLifRate
 * @sigma: the smoothing, from 1e-50 to 1e50
 *
 * Sets the smoothing around the threshold.
 *
 * |[<!-- language="C" -->
 * softlif_soft_lif_rate_set_sigma (neuron, 0.02);
 * ]|
 *
 * Since: 1.0
 */
void
softlif_soft_lif_rate_set_sigma (SoftlifSoftLifRate *self,
                                 gdouble             sigma)
{
  g_return_if_fail (SOFTLIF_IS_SOFT_LIF_RATE (self));
  g_return_if_fail (softlif_param_is_valid (sigma, SOFTLIF_BOUND_SCALE));

  if (!softlif_neuron_type_set_param (SOFTLIF_NEURON_TYPE (self), &self->sigma, sigma))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGMA]);
}

/**
 * softlif_soft_lif_rate_get_epsilon:
 * @self: a #SoftlifSoftLifRate
 *
 * Gets the current added after the smoothing.
 *
 * |[<!-- language="C" -->
 * double epsilon = softlif_soft_lif_rate_get_epsilon (neuron);   // 1e-15 by default
 * ]|
 *
 * Returns: epsilon
 *
 * Since: 1.0
 */
gdouble
softlif_soft_lif_rate_get_epsilon (SoftlifSoftLifRate *self)
{
  g_return_val_if_fail (SOFTLIF_IS_SOFT_LIF_RATE (self), 0.0);

  return softlif_neuron_type_get_param (SOFTLIF_NEURON_TYPE (self), &self->epsilon);
}

/**
 * softlif_soft_lif_rate_set_epsilon:
 * @self: a #SoftlifSoftLifRate
 * @epsilon: the current added after smoothing, from 0 to 1e50 (-0.0 is stored as 0.0)
 *
 * Sets the current added after the smoothing.
 *
 * |[<!-- language="C" -->
 * softlif_soft_lif_rate_set_epsilon (neuron, 0.0);   // no floor
 * ]|
 *
 * Since: 1.0
 */
void
softlif_soft_lif_rate_set_epsilon (SoftlifSoftLifRate *self,
                                   gdouble             epsilon)
{
  g_return_if_fail (SOFTLIF_IS_SOFT_LIF_RATE (self));
  g_return_if_fail (softlif_param_is_valid (epsilon, SOFTLIF_BOUND_SCALE_OR_ZERO));
  epsilon = softlif_param_normalize (epsilon);

  if (!softlif_neuron_type_set_param (SOFTLIF_NEURON_TYPE (self), &self->epsilon, epsilon))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPSILON]);
}

/* }}} */
