/* softlif-lif-rate.c: the leaky integrate-and-fire rate neuron
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * SoftlifLifRate:
 *
 * The rate of a leaky integrate-and-fire (LIF) neuron.
 *
 * For an input current `J` (in units of the firing threshold) the
 * neuron fires at
 *
 *     rate = amplitude / (tau_ref + tau_rc * log1p (1 / (J - 1)))
 *
 * for `J > 1` and is silent (rate 0) for `J <= 1`. This is nengo's
 * `LIFRate`. Its derivative is infinite at the threshold and 0 below it;
 * see #SoftlifSoftLifRate for a neuron with a smooth tuning curve.
 *
 * |[<!-- language="C" -->
 * g_autoptr(SoftlifLifRate) neuron = softlif_lif_rate_new ();   // tau_rc 0.02 s, tau_ref 0.002 s
 * const double J[] = { 0.5, 1.5, 2.0 };
 * gsize n = 0;
 * g_autofree double *rates =
 *   softlif_neuron_type_step (SOFTLIF_NEURON_TYPE (neuron), 0.001, J, G_N_ELEMENTS (J), &n, NULL);
 * // rates: 0, 41.71…, 63.04… Hz
 * ]|
 *
 * Since: 1.0
 */

#include "config.h"

#include <math.h>

#include "softlif-lif-rate.h"
#include "softlif-neuron-type-private.h"
#include "softlif-private.h"
#include "softlif-lif-math-private.h"
#include "softlif-kernels-private.h"

typedef struct
{
  gdouble tau_rc;
  gdouble tau_ref;
  gdouble amplitude;
} SoftlifLifRatePrivate;

enum {
  PROP_0,
  PROP_TAU_RC,
  PROP_TAU_REF,
  PROP_AMPLITUDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (SoftlifLifRate, softlif_lif_rate, SOFTLIF_TYPE_NEURON_TYPE)

#define DEFAULT_TAU_RC     0.02
#define DEFAULT_TAU_REF    0.002
#define DEFAULT_AMPLITUDE  1.0

/* The math {{{ */

#define LIF_PARAMS(neuron, priv) \
  SoftlifLifRatePrivate *priv = \
    softlif_lif_rate_get_instance_private (SOFTLIF_LIF_RATE (neuron))

static void
lif_params_from_object (SoftlifLifKernelParams *p,
                        SoftlifNeuronType      *neuron)
{
  LIF_PARAMS (neuron, priv);

  softlif_lif_kernel_params_init (p, priv->tau_rc, priv->tau_ref, priv->amplitude);
}

/* The four element-wise methods hand the whole range to a kernel. */
#define DEFINE_COMPUTE(method, T, kernel)                                      \
static void                                                                    \
softlif_lif_rate_##method (SoftlifNeuronType *neuron,                          \
                           const T           *J,                               \
                           T                 *out,                             \
                           gsize              n)                               \
{                                                                              \
  SoftlifLifKernelParams p;                                                    \
                                                                               \
  lif_params_from_object (&p, neuron);                                         \
  softlif_kernels_get ()->kernel (&p, J, out, n);                              \
}

DEFINE_COMPUTE (compute_rates, gdouble, lif_rate_f64)
DEFINE_COMPUTE (compute_derivative, gdouble, lif_deriv_f64)
DEFINE_COMPUTE (compute_rates_float, gfloat, lif_rate_f32)
DEFINE_COMPUTE (compute_derivative_float, gfloat, lif_deriv_f32)

#undef DEFINE_COMPUTE

/* nengo's LIFRate.gain_bias: the current J at x = 1 that gives the
 * maximum rate, J - 1 = 1 / expm1 ((1 / max_rate - tau_ref) / tau_rc),
 * then the line through (intercept, 1) and (1, J). */
static void
lif_gain_bias_one (SoftlifLifRatePrivate *priv,
                   gdouble                max_rate,
                   gdouble                intercept,
                   gdouble               *gain,
                   gdouble               *bias)
{
  gdouble z = (1.0 / max_rate - priv->tau_ref) / priv->tau_rc;
  gdouble excess = 1.0 / expm1 (z);
  gdouble g = excess / (1.0 - intercept);

  *gain = g;
  *bias = 1.0 - g * intercept;
}

static gboolean
softlif_lif_rate_gain_bias (SoftlifNeuronType  *neuron,
                            const gdouble      *max_rates,
                            const gdouble      *intercepts,
                            gdouble            *gain,
                            gdouble            *bias,
                            gsize               n,
                            GError            **error)
{
  LIF_PARAMS (neuron, priv);

  /* Check everything before writing anything. */
  if (!softlif_check_gain_bias_inputs (max_rates, intercepts, n, priv->tau_ref, error))
    return FALSE;

  /* Check every result before writing one (the outputs may be the inputs). */
  for (gsize i = 0; i < n; i++)
    {
      gdouble g, b;

      lif_gain_bias_one (priv, max_rates[i], intercepts[i], &g, &b);
      if (!softlif_check_finite_result ("gain", i, g, error) ||
          !softlif_check_finite_result ("bias", i, b, error))
        return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    lif_gain_bias_one (priv, max_rates[i], intercepts[i], &gain[i], &bias[i]);

  return TRUE;
}

/* The maximum rate is the rate at x = 1 of a neuron of amplitude 1. */
static void
lif_max_rate_intercept_one (SoftlifLifRatePrivate *priv,
                            gdouble                g,
                            gdouble                b,
                            gdouble               *max_rate,
                            gdouble               *intercept)
{
  gdouble hi, lo;

  two_sum (g, b - 1.0, &hi, &lo);
  *max_rate = hi > 0.0 ? lif_rate_of_excess (priv->tau_rc, priv->tau_ref, 1.0, hi, lo) : 0.0;
  *intercept = (1.0 - b) / g;
}

static gboolean
softlif_lif_rate_max_rates_intercepts (SoftlifNeuronType  *neuron,
                                       const gdouble      *gain,
                                       const gdouble      *bias,
                                       gdouble            *max_rates,
                                       gdouble            *intercepts,
                                       gsize               n,
                                       GError            **error)
{
  LIF_PARAMS (neuron, priv);

  if (!softlif_check_max_rates_intercepts_inputs (gain, bias, n, error))
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      gdouble r, c;

      lif_max_rate_intercept_one (priv, gain[i], bias[i], &r, &c);
      if (!softlif_check_finite_result ("max_rates", i, r, error) ||
          !softlif_check_finite_result ("intercepts", i, c, error))
        return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      gdouble g = gain[i], b = bias[i];

      lif_max_rate_intercept_one (priv, g, b, &max_rates[i], &intercepts[i]);
    }

  return TRUE;
}

/* }}} */

/* GObject {{{ */

static void
softlif_lif_rate_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SoftlifLifRate *self = SOFTLIF_LIF_RATE (object);

  switch (prop_id)
    {
    case PROP_TAU_RC:
      softlif_lif_rate_set_tau_rc (self, g_value_get_double (value));
      break;
    case PROP_TAU_REF:
      softlif_lif_rate_set_tau_ref (self, g_value_get_double (value));
      break;
    case PROP_AMPLITUDE:
      softlif_lif_rate_set_amplitude (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
softlif_lif_rate_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SoftlifLifRatePrivate *priv =
    softlif_lif_rate_get_instance_private (SOFTLIF_LIF_RATE (object));

  switch (prop_id)
    {
    case PROP_TAU_RC:
      g_value_set_double (value, softlif_neuron_type_get_param (SOFTLIF_NEURON_TYPE (object), &priv->tau_rc));
      break;
    case PROP_TAU_REF:
      g_value_set_double (value, softlif_neuron_type_get_param (SOFTLIF_NEURON_TYPE (object), &priv->tau_ref));
      break;
    case PROP_AMPLITUDE:
      g_value_set_double (value, softlif_neuron_type_get_param (SOFTLIF_NEURON_TYPE (object), &priv->amplitude));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
softlif_lif_rate_class_init (SoftlifLifRateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SoftlifNeuronTypeClass *neuron_class = SOFTLIF_NEURON_TYPE_CLASS (klass);

  object_class->set_property = softlif_lif_rate_set_property;
  object_class->get_property = softlif_lif_rate_get_property;

  neuron_class->compute_rates = softlif_lif_rate_compute_rates;
  neuron_class->compute_derivative = softlif_lif_rate_compute_derivative;
  neuron_class->compute_rates_float = softlif_lif_rate_compute_rates_float;
  neuron_class->compute_derivative_float = softlif_lif_rate_compute_derivative_float;
  neuron_class->compute_gain_bias = softlif_lif_rate_gain_bias;
  neuron_class->compute_max_rates_intercepts = softlif_lif_rate_max_rates_intercepts;

  /**
   * SoftlifLifRate:tau-rc:
   *
   * The membrane RC time constant, in seconds: how quickly the membrane
   * voltage decays to zero without input (larger is slower). From 1e-50
   * to 1e50, the range of the property (far beyond any choice of units;
   * it keeps every intermediate of the computation finite); setting
   * anything else is a programmer error and is ignored.
   */
  properties[PROP_TAU_RC] =
    g_param_spec_double ("tau-rc", NULL, NULL,
                         SOFTLIF_PARAM_SCALE_MIN, SOFTLIF_PARAM_SCALE_MAX, DEFAULT_TAU_RC,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SoftlifLifRate:tau-ref:
   *
   * The absolute refractory period, in seconds: how long the membrane
   * voltage is held at zero after a spike. The rate never exceeds
   * 1 / tau-ref. From 0 to 1e50; -0.0 is stored as 0.0.
   */
  properties[PROP_TAU_REF] =
    g_param_spec_double ("tau-ref", NULL, NULL,
                         0.0, SOFTLIF_PARAM_SCALE_MAX, DEFAULT_TAU_REF,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SoftlifLifRate:amplitude:
   *
   * A scale factor on the output (dimensionless): the relative amplitude
   * of the output spikes. From 1e-200 to 1e50.
   */
  properties[PROP_AMPLITUDE] =
    g_param_spec_double ("amplitude", NULL, NULL,
                         SOFTLIF_PARAM_AMPLITUDE_MIN, SOFTLIF_PARAM_AMPLITUDE_MAX, DEFAULT_AMPLITUDE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
softlif_lif_rate_init (SoftlifLifRate *self)
{
  SoftlifLifRatePrivate *priv = softlif_lif_rate_get_instance_private (self);

  priv->tau_rc = DEFAULT_TAU_RC;
  priv->tau_ref = DEFAULT_TAU_REF;
  priv->amplitude = DEFAULT_AMPLITUDE;
}

/* }}} */

/* Public API {{{ */

/**
 * softlif_lif_rate_new:
 *
 * Creates a LIF rate neuron with nengo's defaults: tau-rc 0.02 s,
 * tau-ref 0.002 s, amplitude 1.
 *
 * |[<!-- language="C" -->
 * g_autoptr(SoftlifLifRate) neuron = softlif_lif_rate_new ();
 * ]|
 *
 * Returns: (transfer full): a new #SoftlifLifRate
 *
 * Since: 1.0
 */
SoftlifLifRate *
softlif_lif_rate_new (void)
{
  return g_object_new (SOFTLIF_TYPE_LIF_RATE, NULL);
}

/**
 * softlif_lif_rate_new_full:
 * @tau_rc: the membrane RC time constant in seconds, from 1e-50 to 1e50
 * @tau_ref: the refractory period in seconds, from 0 to 1e50 (-0.0 is stored as 0.0)
 * @amplitude: the output scale, from 1e-200 to 1e50
 * @error: return location for a #GError
 *
 * Creates a LIF rate neuron with the given parameters. A parameter out of
 * its range fails with %SOFTLIF_ERROR_INVALID_PARAMETER and a message
 * that names it.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * g_autoptr(SoftlifLifRate) neuron = softlif_lif_rate_new_full (0.02, 0.0, 1.0, &error);
 * // no refractory period: the rate grows without bound with the current
 * ]|
 *
 * Returns: (transfer full) (nullable): a new #SoftlifLifRate, or %NULL if
 *   @error was set
 *
 * Since: 1.0
 */
SoftlifLifRate *
softlif_lif_rate_new_full (gdouble   tau_rc,
                           gdouble   tau_ref,
                           gdouble   amplitude,
                           GError  **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!softlif_check_param ("tau_rc", tau_rc, SOFTLIF_BOUND_SCALE, error) ||
      !softlif_check_param ("tau_ref", tau_ref, SOFTLIF_BOUND_SCALE_OR_ZERO, error) ||
      !softlif_check_param ("amplitude", amplitude, SOFTLIF_BOUND_AMPLITUDE, error))
    return NULL;

  return g_object_new (SOFTLIF_TYPE_LIF_RATE,
                       "tau-rc", tau_rc,
                       "tau-ref", tau_ref,
                       "amplitude", amplitude,
                       NULL);
}

/**
 * softlif_lif_rate_get_tau_rc:
 * @self: a #SoftlifLifRate
 *
 * Gets the membrane RC time constant.
 *
 * |[<!-- language="C" -->
 * double tau_rc = softlif_lif_rate_get_tau_rc (neuron);   // 0.02 by default
 * ]|
 *
 * Returns: tau-rc, in seconds
 *
 * Since: 1.0
 */
gdouble
softlif_lif_rate_get_tau_rc (SoftlifLifRate *self)
{
  SoftlifLifRatePrivate *priv;

  g_return_val_if_fail (SOFTLIF_IS_LIF_RATE (self), 0.0);

  priv = softlif_lif_rate_get_instance_private (self);
  return softlif_neuron_type_get_param (SOFTLIF_NEURON_TYPE (self), &priv->tau_rc);
}

/**
 * softlif_lif_rate_set_tau_rc:
 * @self: a #SoftlifLifRate
 * @tau_rc: the membrane RC time constant in seconds, from 1e-50 to 1e50
 *
 * Sets the membrane RC time constant.
 *
 * |[<!-- language="C" -->
 * softlif_lif_rate_set_tau_rc (neuron, 0.022);
 * ]|
 *
 * Since: 1.0
 */
void
softlif_lif_rate_set_tau_rc (SoftlifLifRate *self,
                             gdouble         tau_rc)
{
  SoftlifLifRatePrivate *priv;

  g_return_if_fail (SOFTLIF_IS_LIF_RATE (self));
  g_return_if_fail (softlif_param_is_valid (tau_rc, SOFTLIF_BOUND_SCALE));

  priv = softlif_lif_rate_get_instance_private (self);
  if (!softlif_neuron_type_set_param (SOFTLIF_NEURON_TYPE (self), &priv->tau_rc, tau_rc))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAU_RC]);
}

/**
 * softlif_lif_rate_get_tau_ref:
 * @self: a #SoftlifLifRate
 *
 * Gets the refractory period.
 *
 * |[<!-- language="C" -->
 * double tau_ref = softlif_lif_rate_get_tau_ref (neuron);   // 0.002 by default
 * ]|
 *
 * Returns: tau-ref, in seconds
 *
 * Since: 1.0
 */
gdouble
softlif_lif_rate_get_tau_ref (SoftlifLifRate *self)
{
  SoftlifLifRatePrivate *priv;

  g_return_val_if_fail (SOFTLIF_IS_LIF_RATE (self), 0.0);

  priv = softlif_lif_rate_get_instance_private (self);
  return softlif_neuron_type_get_param (SOFTLIF_NEURON_TYPE (self), &priv->tau_ref);
}

/**
 * softlif_lif_rate_set_tau_ref:
 * @self: a #SoftlifLifRate
 * @tau_ref: the refractory period in seconds, from 0 to 1e50 (-0.0 is stored as 0.0)
 *
 * Sets the refractory period.
 *
 * |[<!-- language="C" -->
 * softlif_lif_rate_set_tau_ref (neuron, 0.0);   // no refractory period
 * ]|
 *
 * Since: 1.0
 */
void
softlif_lif_rate_set_tau_ref (SoftlifLifRate *self,
                              gdouble         tau_ref)
{
  SoftlifLifRatePrivate *priv;

  g_return_if_fail (SOFTLIF_IS_LIF_RATE (self));
  g_return_if_fail (softlif_param_is_valid (tau_ref, SOFTLIF_BOUND_SCALE_OR_ZERO));
  tau_ref = softlif_param_normalize (tau_ref);

  priv = softlif_lif_rate_get_instance_private (self);
  if (!softlif_neuron_type_set_param (SOFTLIF_NEURON_TYPE (self), &priv->tau_ref, tau_ref))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAU_REF]);
}

/**
 * softlif_lif_rate_get_amplitude:
 * @self: a #SoftlifLifRate
 *
 * Gets the output scale factor.
 *
 * |[<!-- language="C" -->
 * double amplitude = softlif_lif_rate_get_amplitude (neuron);   // 1 by default
 * ]|
 *
 * Returns: the amplitude (dimensionless)
 *
 * Since: 1.0
 */
gdouble
softlif_lif_rate_get_amplitude (SoftlifLifRate *self)
{
  SoftlifLifRatePrivate *priv;

  g_return_val_if_fail (SOFTLIF_IS_LIF_RATE (self), 0.0);

  priv = softlif_lif_rate_get_instance_private (self);
  return softlif_neuron_type_get_param (SOFTLIF_NEURON_TYPE (self), &priv->amplitude);
}

/**
 * softlif_lif_rate_set_amplitude:
 * @self: a #SoftlifLifRate
 * @amplitude: the output scale, from 1e-200 to 1e50
 *
 * Sets the output scale factor.
 *
 * |[<!-- language="C" -->
 * softlif_lif_rate_set_amplitude (neuron, 0.063);
 * ]|
 *
 * Since: 1.0
 */
void
softlif_lif_rate_set_amplitude (SoftlifLifRate *self,
                                gdouble         amplitude)
{
  SoftlifLifRatePrivate *priv;

  g_return_if_fail (SOFTLIF_IS_LIF_RATE (self));
  g_return_if_fail (softlif_param_is_valid (amplitude, SOFTLIF_BOUND_AMPLITUDE));

  priv = softlif_lif_rate_get_instance_private (self);
  if (!softlif_neuron_type_set_param (SOFTLIF_NEURON_TYPE (self), &priv->amplitude, amplitude))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMPLITUDE]);
}

/* }}} */
