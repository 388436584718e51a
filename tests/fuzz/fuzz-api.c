/* fuzz-api.c: a libFuzzer target for the public API, results checked
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* From one input this target makes a neuron (either type, through
 * new_full, with parameters that may be invalid), arrays of currents,
 * gains and biases, and computes them in every form the API offers:
 * new arrays, _into, _into in place, GBytes at fuzzer-chosen offsets and
 * lengths, float64 and float32, one thread and several. It aborts when
 *
 *   - an invalid parameter set does not give a GError, or a valid one does;
 *   - the forms disagree in a single bit, or rates () differs from step ()
 *     of the current J = gain x + bias that current () computes, or
 *     derivative () from gain times the derivative at J;
 *   - a rate or a derivative is NaN for an input that is not, or negative;
 *   - a rate or derivative at ordinary parameters is further from the long
 *     double reference (tests/softlif-reference.h) than the documented
 *     bound (tests/accuracy.c);
 *   - an operation that fails writes to its output, or one that succeeds
 *     sets an error.
 *
 * Parameters outside FUZZ_PARAM_MIN..FUZZ_PARAM_MAX are only checked for
 * acceptance or rejection, not computed with: see FUZZ_COMPUTE_EXTREME. */

#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <softlif.h>

#include "../softlif-reference.h"

/* The promised accuracy in ulps, as in tests/accuracy.c. */
#define RATE_ULP_DOUBLE        2.0
#define RATE_ULP_FLOAT         1.0
#define DERIVATIVE_ULP_DOUBLE  8.0
#define DERIVATIVE_ULP_FLOAT   2.0

/* The ordinary range of every parameter (tau_ref and epsilon may also be
 * +0), where results are also compared with the long double reference;
 * with FUZZ_COMPUTE_EXTREME every parameter set the setters accept is
 * computed and checked for its promises (no NaN for a finite current,
 * no negative rate, the forms agreeing). */
#define FUZZ_PARAM_MIN 1e-6
#define FUZZ_PARAM_MAX 1e6
#define FUZZ_COMPUTE_EXTREME 1

/* gain_bias and max_rates_intercepts never report success with an
 * infinite result. */
#define FUZZ_CHECK_PAIRS_FINITE 1

/* Arrays this long are split over threads (MIN_PER_THREAD, twice). */
#define FUZZ_PARALLEL_LENGTH (2 * 16384 + 7)

#define MAX_VALUES 64

/* Reading the input {{{ */

typedef struct {
  const uint8_t *data;
  size_t size;
} Input;

static uint64_t
take (Input  *in,
      size_t  n)
{
  uint64_t v = 0;

  for (size_t i = 0; i < n; i++)
    {
      v = (v << 8) | (in->size > 0 ? in->data[0] : 0);
      if (in->size > 0)
        {
          in->data++;
          in->size--;
        }
    }
  return v;
}

static double
take_bits (Input *in)
{
  uint64_t bits = take (in, 8);
  double d;

  memcpy (&d, &bits, sizeof d);
  return d;
}

/* A parameter: mostly in the ordinary range, sometimes any double. */
static double
take_param (Input    *in,
            gboolean  may_be_zero)
{
  unsigned kind = (unsigned) take (in, 1);

  if (kind < 16)
    return take_bits (in);
  if (may_be_zero && kind < 32)
    return 0.0;
  /* 10^u over [-6, 6] */
  return pow (10.0, -6.0 + 12.0 * (double) take (in, 2) / 65535.0);
}

/* An input value: any double, or one near the threshold 1, or small. */
static double
take_value (Input *in)
{
  unsigned kind = (unsigned) take (in, 1);

  switch (kind % 4)
    {
    case 0:
      return take_bits (in);
    case 1:
      return 1.0 + ldexp ((double) (int16_t) take (in, 2), -(int) (take (in, 1) % 64));
    case 2:
      return (double) (int16_t) take (in, 2) / 256.0;
    default:
      {
        static const double special[] = { 0.0, -0.0, 1.0, INFINITY, -INFINITY, NAN,
                                          DBL_MAX, -DBL_MAX, DBL_MIN, 4.9e-324, 1e17, -1e17 };
        return special[take (in, 1) % G_N_ELEMENTS (special)];
      }
    }
}

/* }}} */

/* Checks {{{ */

static void
fail (const char *what,
      double      J,
      double      got,
      long double want)
{
  fprintf (stderr, "fuzz-api: %s at J = %.17g: got %.17g, want %.21Lg\n", what, J, got, want);
  abort ();
}

#define CHECK(cond, what)                                                   \
  G_STMT_START {                                                            \
    if (!(cond))                                                            \
      {                                                                     \
        fprintf (stderr, "fuzz-api: %s:%d: %s: %s\n", __FILE__, __LINE__,   \
                 what, #cond);                                              \
        abort ();                                                           \
      }                                                                     \
  } G_STMT_END

/* The unit in the last place of the format ref rounds to. */
static long double
ulp_of (long double ref,
        gboolean    is_float)
{
  int mant = is_float ? FLT_MANT_DIG : DBL_MANT_DIG;
  int min_exp = is_float ? FLT_MIN_EXP : DBL_MIN_EXP;
  int e = min_exp;

  if (ref != 0.0L)
    frexpl (ref, &e);
  return ldexpl (1.0L, MAX (e, min_exp) - mant);
}

/* value within bound ulps of ref; beyond the largest finite value of the
 * format, an infinity or that value. */
static gboolean
within (double      value,
        long double ref,
        gboolean    is_float,
        double      bound)
{
  long double max = is_float ? FLT_MAX : DBL_MAX;

  if (isnan (ref))
    return isnan (value);
  if (fabsl (ref) >= max)
    return value == ref || (signbit (value) == signbit (ref) && fabs (value) >= (double) max * (1.0 - 1e-6));
  if (isinf (value))
    return FALSE;
  return fabsl ((long double) value - ref) <= bound * ulp_of (ref, is_float);
}

static void
check_errorless (gboolean  ok,
                 GError   *error,
                 const char *what)
{
  if (!ok || error != NULL)
    {
      fprintf (stderr, "fuzz-api: %s failed: %s\n", what, error != NULL ? error->message : "(no error set)");
      abort ();
    }
}

/* }}} */

typedef struct {
  SoftlifNeuronType *neuron;
  gboolean soft;
  SoftlifRefParams p;
  gboolean ordinary;
} Neuron;

static gboolean
in_range (double v,
          gboolean may_be_zero)
{
  return (may_be_zero && v == 0.0 && !signbit (v)) || (v >= FUZZ_PARAM_MIN && v <= FUZZ_PARAM_MAX);
}

/* The ranges of the parameters, as docs/reference/model.md gives them:
 * sigma and tau_rc in [1e-50, 1e50], tau_ref and epsilon in [0, 1e50]
 * (-0.0 is 0), amplitude in [1e-200, 1e50]. */
static gboolean
param_within (double v,
              double lo,
              double hi)
{
  return v >= lo && v <= hi;
}

static gboolean
params_valid (const SoftlifRefParams *p,
              gboolean                soft)
{
  if (!(param_within (p->tau_rc, 1e-50, 1e50) && param_within (p->tau_ref, 0.0, 1e50) &&
        param_within (p->amplitude, 1e-200, 1e50)))
    return FALSE;
  return !soft || (param_within (p->sigma, 1e-50, 1e50) && param_within (p->epsilon, 0.0, 1e50));
}

/* Makes the neuron; NULL when the parameters were (rightly) rejected. */
static gboolean
make_neuron (Input  *in,
             Neuron *n)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  n->soft = take (in, 1) & 1;
  n->p.sigma = take_param (in, FALSE);
  n->p.tau_rc = take_param (in, FALSE);
  n->p.tau_ref = take_param (in, TRUE);
  n->p.amplitude = take_param (in, FALSE);
  n->p.epsilon = take_param (in, TRUE);
  if (!n->soft)
    n->p.sigma = n->p.epsilon = 0.0;

  if (n->soft)
    n->neuron = SOFTLIF_NEURON_TYPE (softlif_soft_lif_rate_new_full (n->p.sigma, n->p.tau_rc, n->p.tau_ref,
                                                                     n->p.amplitude, n->p.epsilon, &error));
  else
    n->neuron = SOFTLIF_NEURON_TYPE (softlif_lif_rate_new_full (n->p.tau_rc, n->p.tau_ref,
                                                                n->p.amplitude, &error));
  valid = params_valid (&n->p, n->soft);
  if (n->neuron == NULL)
    {
      CHECK (!valid, "valid parameters rejected");
      CHECK (error != NULL && error->domain == SOFTLIF_ERROR &&
             error->code == SOFTLIF_ERROR_INVALID_PARAMETER && error->message[0] != '\0',
             "rejected parameters without a proper GError");
      return FALSE;
    }
  CHECK (valid, "invalid parameters accepted");
  CHECK (error == NULL, "success with an error set");
  n->ordinary = in_range (n->p.tau_rc, FALSE) && in_range (n->p.tau_ref, TRUE) &&
                in_range (n->p.amplitude, FALSE) &&
                (!n->soft || (in_range (n->p.sigma, FALSE) && in_range (n->p.epsilon, TRUE)));
  return TRUE;
}

/* step and derivative at J = x in float64, every form agreeing, against
 * the reference. */
static void
check_step_f64 (const Neuron *n,
                const double *J,
                gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_autofree double *rate = NULL;
  g_autofree double *deriv = NULL;
  g_autofree double *buf = g_new (double, len + 1);
  double one = 1.0, zero = 0.0;
  gsize n_out = 0;

  rate = softlif_neuron_type_step (n->neuron, 0.001, J, len, &n_out, &error);
  check_errorless (rate != NULL || len == 0, error, "step");
  CHECK (n_out == len, "step: length");

  /* into, and in place */
  memcpy (buf, J, len * sizeof (double));
  check_errorless (softlif_neuron_type_step_into (n->neuron, 0.001, buf, len, buf, len, &error), error,
                   "step_into in place");
  CHECK (len == 0 || memcmp (buf, rate, len * sizeof (double)) == 0, "step in place differs");

  /* derivative at J: gain 1, bias 0 keep J */
  deriv = softlif_neuron_type_derivative (n->neuron, J, len, &one, 1, &zero, 1, &n_out, &error);
  check_errorless (deriv != NULL || len == 0, error, "derivative");
  CHECK (n_out == len, "derivative: length");

  for (gsize i = 0; i < len; i++)
    {
      if (!isnan (J[i]))
        {
          if (isnan (rate[i]) || rate[i] < 0.0)
            fail ("rate NaN or negative", J[i], rate[i], 0);
          if (isnan (deriv[i]) || deriv[i] < 0.0)
            fail ("derivative NaN or negative", J[i], deriv[i], 0);
        }
      if (n->ordinary && softlif_ref_have_extended_precision ())
        {
          long double r = n->soft ? softlif_ref_soft_rate (&n->p, J[i]) : softlif_ref_lif_rate (&n->p, J[i]);
          long double d = n->soft ? softlif_ref_soft_derivative (&n->p, J[i])
                                  : softlif_ref_lif_derivative (&n->p, J[i]);
          double Jd = J[i] == 0.0 ? 0.0 : J[i];

          if (!within (rate[i], r, FALSE, RATE_ULP_DOUBLE))
            fail ("rate beyond the bound", Jd, rate[i], r);
          /* the LIF neuron's derivative jumps at J = 1 */
          if (!within (deriv[i], d, FALSE, DERIVATIVE_ULP_DOUBLE))
            fail ("derivative beyond the bound", Jd, deriv[i], d);
        }
    }
}

static void
check_step_f32 (const Neuron *n,
                const double *Jd,
                gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_autofree float *J = g_new (float, len + 1);
  g_autofree float *rate = NULL;
  g_autofree float *deriv = NULL;
  g_autofree float *buf = g_new (float, len + 1);
  float one = 1.0f, zero = 0.0f;
  gsize n_out = 0;

  for (gsize i = 0; i < len; i++)
    J[i] = (float) Jd[i];

  rate = softlif_neuron_type_step_float (n->neuron, 0.001, J, len, &n_out, &error);
  check_errorless (rate != NULL || len == 0, error, "step_float");
  memcpy (buf, J, len * sizeof (float));
  check_errorless (softlif_neuron_type_step_float_into (n->neuron, 0.001, buf, len, buf, len, &error), error,
                   "step_float_into in place");
  CHECK (len == 0 || memcmp (buf, rate, len * sizeof (float)) == 0, "step_float in place differs");
  deriv = softlif_neuron_type_derivative_float (n->neuron, J, len, &one, 1, &zero, 1, &n_out, &error);
  check_errorless (deriv != NULL || len == 0, error, "derivative_float");

  for (gsize i = 0; i < len; i++)
    {
      if (!isnan (J[i]))
        {
          if (isnan (rate[i]) || rate[i] < 0.0f)
            fail ("float rate NaN or negative", J[i], rate[i], 0);
          if (isnan (deriv[i]) || deriv[i] < 0.0f)
            fail ("float derivative NaN or negative", J[i], deriv[i], 0);
        }
      if (n->ordinary && softlif_ref_have_extended_precision ())
        {
          long double r = n->soft ? softlif_ref_soft_rate (&n->p, J[i]) : softlif_ref_lif_rate (&n->p, J[i]);
          long double d = n->soft ? softlif_ref_soft_derivative (&n->p, J[i])
                                  : softlif_ref_lif_derivative (&n->p, J[i]);

          if (!within (rate[i], r, TRUE, RATE_ULP_FLOAT))
            fail ("float rate beyond the bound", J[i], rate[i], r);
          if (!within (deriv[i], d, TRUE, DERIVATIVE_ULP_FLOAT))
            fail ("float derivative beyond the bound", J[i], deriv[i], d);
        }
    }
}

/* A GBytes holding len bytes of src at a byte offset inside a larger
 * buffer (so that its data may be misaligned). */
static GBytes *
bytes_at (const void *src,
          gsize       len,
          gsize       offset)
{
  g_autoptr(GBytes) whole = NULL;
  guint8 *buf = g_malloc (len + offset + 1);

  memset (buf, 0xA5, len + offset + 1);
  if (len > 0)
    memcpy (buf + offset, src, len);
  whole = g_bytes_new_take (buf, len + offset + 1);
  return g_bytes_new_from_bytes (whole, offset, len);
}

/* rates, derivative and current on x, gain, bias in one dtype and all
 * forms; rates = step (current) and derivative = gain * derivative at J. */
/* Equal bits, or both NaN: IEEE 754 leaves the sign of a NaN result open,
 * and the AVX-512 one-pass rates (a current never stored) give a NaN
 * current's rate another sign than the two-step path does. */
static gboolean
same_values (const void *a,
             const void *b,
             gsize       n,
             gboolean    is_float)
{
  for (gsize i = 0; i < n; i++)
    {
      if (is_float)
        {
          float fa = ((const float *) a)[i], fb = ((const float *) b)[i];

          if (memcmp (&fa, &fb, sizeof fa) != 0 && !(isnan (fa) && isnan (fb)))
            return FALSE;
        }
      else
        {
          double da = ((const double *) a)[i], db = ((const double *) b)[i];

          if (memcmp (&da, &db, sizeof da) != 0 && !(isnan (da) && isnan (db)))
            return FALSE;
        }
    }
  return TRUE;
}

static void
check_tuning (Input        *in,
              const Neuron *n,
              gboolean      is_float,
              const double *xd,
              gsize         n_x,
              const double *gd,
              const double *bd,
              gsize         n_g)
{
  gsize es = is_float ? sizeof (float) : sizeof (double);
  SoftlifDtype dtype = is_float ? SOFTLIF_DTYPE_FLOAT32 : SOFTLIF_DTYPE_FLOAT64;
  g_autofree void *x = g_malloc (n_x * es + 8);
  g_autofree void *g = g_malloc (n_g * es + 8);
  g_autofree void *b = g_malloc (n_g * es + 8);
  gsize n_out = n_x * n_g;
  g_autofree void *J = g_malloc (n_out * es + 8);
  g_autofree void *rates = g_malloc (n_out * es + 8);
  g_autofree void *deriv = g_malloc (n_out * es + 8);
  g_autofree void *tmp = g_malloc (n_out * es + 8);
  g_autoptr(GError) error = NULL;
  gsize off_x, off_g, off_b, cut;

  for (gsize i = 0; i < n_x; i++)
    is_float ? (void) (((float *) x)[i] = (float) xd[i]) : (void) (((double *) x)[i] = xd[i]);
  for (gsize i = 0; i < n_g; i++)
    {
      is_float ? (void) (((float *) g)[i] = (float) gd[i]) : (void) (((double *) g)[i] = gd[i]);
      is_float ? (void) (((float *) b)[i] = (float) bd[i]) : (void) (((double *) b)[i] = bd[i]);
    }

#define TUNE(op, out_)                                                                          \
  (is_float ? softlif_neuron_type_##op##_float_into (n->neuron, x, n_x, g, n_g, b, n_g, out_, n_out, &error) \
            : softlif_neuron_type_##op##_into (n->neuron, x, n_x, g, n_g, b, n_g, out_, n_out, &error))

  check_errorless (TUNE (current, J), error, "current_into");
  check_errorless (TUNE (rates, rates), error, "rates_into");
  check_errorless (TUNE (derivative, deriv), error, "derivative_into");

  /* rates = step (J) */
  if (is_float)
    check_errorless (softlif_neuron_type_step_float_into (n->neuron, 0.001, J, n_out, tmp, n_out, &error),
                     error, "step_float_into");
  else
    check_errorless (softlif_neuron_type_step_into (n->neuron, 0.001, J, n_out, tmp, n_out, &error),
                     error, "step_into");
  CHECK (same_values (tmp, rates, n_out, is_float), "rates differ from step of current");

  /* derivative = gain * (derivative at J) */
  {
    double one = 1.0, zero = 0.0;
    float onef = 1.0f, zerof = 0.0f;

    if (is_float)
      check_errorless (softlif_neuron_type_derivative_float_into (n->neuron, J, n_out, &onef, 1, &zerof, 1,
                                                                  tmp, n_out, &error), error, "derivative_float_into");
    else
      check_errorless (softlif_neuron_type_derivative_into (n->neuron, J, n_out, &one, 1, &zero, 1,
                                                            tmp, n_out, &error), error, "derivative_into");
    for (gsize s = 0; s < n_x; s++)
      for (gsize k = 0; k < n_g; k++)
        {
          gsize i = s * n_g + k;

          if (is_float)
            {
              float want = ((float *) g)[k] * ((float *) tmp)[i];
              float got = ((float *) deriv)[i];

              CHECK (memcmp (&want, &got, sizeof want) == 0 || (isnan (want) && isnan (got)),
                     "float derivative differs from gain times the derivative at J");
            }
          else
            {
              double want = ((double *) g)[k] * ((double *) tmp)[i];
              double got = ((double *) deriv)[i];

              CHECK (memcmp (&want, &got, sizeof want) == 0 || (isnan (want) && isnan (got)),
                     "derivative differs from gain times the derivative at J");
            }
        }
  }

  /* new arrays */
  {
    gsize m = 0;
    g_autofree void *r2 = is_float
      ? (void *) softlif_neuron_type_rates_float (n->neuron, x, n_x, g, n_g, b, n_g, &m, &error)
      : (void *) softlif_neuron_type_rates (n->neuron, x, n_x, g, n_g, b, n_g, &m, &error);

    check_errorless (r2 != NULL || n_out == 0, error, "rates");
    CHECK (m == n_out && (n_out == 0 || memcmp (r2, rates, n_out * es) == 0), "rates new array differs");
  }

  /* in place: the output is the input x when n_g == 1 */
  if (n_g == 1 && n_x > 0)
    {
      memcpy (tmp, x, n_x * es);
      check_errorless (is_float
                         ? softlif_neuron_type_rates_float_into (n->neuron, tmp, n_x, g, 1, b, 1, tmp, n_x, &error)
                         : softlif_neuron_type_rates_into (n->neuron, tmp, n_x, g, 1, b, 1, tmp, n_x, &error),
                       error, "rates_into in place");
      CHECK (memcmp (tmp, rates, n_x * es) == 0, "rates in place differs");
    }

  /* a wrong output length: an error and nothing written */
  if (n_out > 0)
    {
      memset (tmp, 0x5A, n_out * es);
      CHECK (!(is_float
                 ? softlif_neuron_type_rates_float_into (n->neuron, x, n_x, g, n_g, b, n_g, tmp, n_out - 1, &error)
                 : softlif_neuron_type_rates_into (n->neuron, x, n_x, g, n_g, b, n_g, tmp, n_out - 1, &error)),
             "a short output accepted");
      CHECK (error != NULL && error->domain == SOFTLIF_ERROR, "a short output without a GError");
      g_clear_error (&error);
      for (gsize i = 0; i < n_out * es; i++)
        CHECK (((guint8 *) tmp)[i] == 0x5A, "written to the output on error");
    }

  /* GBytes at fuzzer-chosen offsets; a length that is not a whole number
   * of elements, or mismatched gain and bias, must be a GError */
  off_x = take (in, 1) % 16;
  off_g = take (in, 1) % 16;
  off_b = take (in, 1) % 16;
  cut = take (in, 1) % 8 == 0 ? 1 + take (in, 1) % (es - 1) : 0;
  {
    gsize len_b = n_g * es >= cut ? n_g * es - cut : n_g * es;
    g_autoptr(GBytes) bx = bytes_at (x, n_x * es, off_x);
    g_autoptr(GBytes) bg = bytes_at (g, n_g * es, off_g);
    g_autoptr(GBytes) bb = bytes_at (b, len_b, off_b);
    g_autoptr(GBytes) rb = softlif_neuron_type_rates_bytes (n->neuron, dtype, bx, bg, bb, &error);
    g_autoptr(GBytes) db = NULL;

    if (len_b != n_g * es)
      {
        CHECK (rb == NULL && error != NULL && error->domain == SOFTLIF_ERROR,
               "a GBytes of a wrong length without a GError");
        g_clear_error (&error);
      }
    else
      {
        gsize size = 0;
        const void *data;

        check_errorless (rb != NULL, error, "rates_bytes");
        data = g_bytes_get_data (rb, &size);
        CHECK (size == n_out * es && (n_out == 0 || memcmp (data, rates, size) == 0), "rates_bytes differs");
        db = softlif_neuron_type_derivative_bytes (n->neuron, dtype, bx, bg, bb, &error);
        check_errorless (db != NULL, error, "derivative_bytes");
        data = g_bytes_get_data (db, &size);
        CHECK (size == n_out * es && (n_out == 0 || memcmp (data, deriv, size) == 0), "derivative_bytes differs");
      }
  }
  {
    g_autoptr(GBytes) bj = bytes_at (J, n_out * es, off_x);
    g_autoptr(GBytes) sb = softlif_neuron_type_step_bytes (n->neuron, 0.001, dtype, bj, &error);
    gsize size = 0;
    const void *data;

    check_errorless (sb != NULL, error, "step_bytes");
    data = g_bytes_get_data (sb, &size);
    CHECK (size == n_out * es && (n_out == 0 || same_values (data, rates, n_out, is_float)), "step_bytes differs");
  }
#undef TUNE
}

/* One thread against several, on an array long enough to be split. */
static void
check_threads (const Neuron *n,
               const double *values,
               gsize         n_values,
               double        gain,
               double        bias)
{
  g_autoptr(GError) error = NULL;
  gsize len = FUZZ_PARALLEL_LENGTH;
  g_autofree double *x = g_new (double, len);
  g_autofree double *one = g_new (double, len);
  g_autofree double *many = g_new (double, len);
  guint saved = softlif_get_max_threads ();

  for (gsize i = 0; i < len; i++)
    x[i] = values[i % n_values] + (double) (i / n_values) * 1e-3;
  softlif_set_max_threads (1);
  check_errorless (softlif_neuron_type_rates_into (n->neuron, x, len, &gain, 1, &bias, 1, one, len, &error),
                   error, "rates_into, 1 thread");
  softlif_set_max_threads (4);
  check_errorless (softlif_neuron_type_rates_into (n->neuron, x, len, &gain, 1, &bias, 1, many, len, &error),
                   error, "rates_into, 4 threads");
  CHECK (same_values (one, many, len, FALSE), "1 thread and 4 threads differ");
  softlif_set_max_threads (saved);
}

static void
check_pairs (const Neuron *n,
             const double *a,
             const double *b,
             gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_autofree double *c = g_new (double, len + 1);
  g_autofree double *d = g_new (double, len + 1);
  gboolean ok;

  for (int which = 0; which < 2; which++)
    {
      memset (c, 0x5A, len * sizeof (double));
      memset (d, 0x5A, len * sizeof (double));
      ok = which == 0 ? softlif_neuron_type_gain_bias_into (n->neuron, a, len, b, len, c, d, len, &error)
                      : softlif_neuron_type_max_rates_intercepts_into (n->neuron, a, len, b, len, c, d, len, &error);
      if (!ok)
        {
          CHECK (error != NULL && error->domain == SOFTLIF_ERROR && error->message[0] != '\0',
                 "a conversion failed without a GError");
          for (gsize i = 0; i < len * sizeof (double); i++)
            CHECK (((guint8 *) c)[i] == 0x5A && ((guint8 *) d)[i] == 0x5A, "written to the output on error");
          g_clear_error (&error);
          continue;
        }
      CHECK (error == NULL, "success with an error set");
      for (gsize i = 0; i < len; i++)
        {
          CHECK (!isnan (c[i]) && !isnan (d[i]), "a conversion gave NaN");
          if (FUZZ_CHECK_PAIRS_FINITE)
            CHECK (isfinite (c[i]) && isfinite (d[i]), "a conversion succeeded with an infinite result");
        }
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Input in = { data, size };
  Neuron n = { 0 };
  double x[MAX_VALUES], gain[8], bias[8];
  gsize n_x, n_g;
  unsigned flags;

  if (!make_neuron (&in, &n))
    return 0;
  if (!n.ordinary && !FUZZ_COMPUTE_EXTREME)
    {
      g_object_unref (n.neuron);
      return 0;
    }

  flags = (unsigned) take (&in, 1);
  n_x = take (&in, 1) % (MAX_VALUES + 1);
  n_g = take (&in, 1) % 5;
  for (gsize i = 0; i < n_x; i++)
    x[i] = take_value (&in);
  for (gsize k = 0; k < n_g; k++)
    {
      gain[k] = take_value (&in);
      bias[k] = take_value (&in);
    }

  check_step_f64 (&n, x, n_x);
  check_step_f32 (&n, x, n_x);
  check_tuning (&in, &n, FALSE, x, n_x, gain, bias, n_g);
  check_tuning (&in, &n, TRUE, x, n_x, gain, bias, n_g);
  if ((flags & 1) && n_x > 0 && n_g > 0)
    check_threads (&n, x, n_x, gain[0], bias[0]);
  if (flags & 2)
    check_pairs (&n, x, x + n_x / 2, n_x / 2);

  g_object_unref (n.neuron);
  return 0;
}
