/* softlif-utils.c: the library's helpers: translations, checks, formatting
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef ENABLE_NLS
#include <libintl.h>
#endif

#include "softlif-private.h"

/* Translations {{{ */

#ifdef ENABLE_NLS
static void
ensure_gettext_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* The installed catalogues only: the translations are printf
       * formats, so no environment variable may choose them. Tests of a
       * build tree rebind the domain after this first binding. */
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      /* GError messages are UTF-8 whatever the locale's charset. */
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&initialized, 1);
    }
}
#endif

const char *
softlif_gettext (const char *msgid)
{
#ifdef ENABLE_NLS
  ensure_gettext_initialized ();

  return g_dgettext (GETTEXT_PACKAGE, msgid);
#else
  return msgid;
#endif
}

/* }}} */

/* Parameters and lengths {{{ */

static void
bound_range (SoftlifBound  bound,
             gdouble      *min,
             gdouble      *max)
{
  switch (bound)
    {
    case SOFTLIF_BOUND_SCALE:
      *min = SOFTLIF_PARAM_SCALE_MIN;
      *max = SOFTLIF_PARAM_SCALE_MAX;
      return;
    case SOFTLIF_BOUND_SCALE_OR_ZERO:
      *min = 0.0;
      *max = SOFTLIF_PARAM_SCALE_MAX;
      return;
    case SOFTLIF_BOUND_AMPLITUDE:
      *min = SOFTLIF_PARAM_AMPLITUDE_MIN;
      *max = SOFTLIF_PARAM_AMPLITUDE_MAX;
      return;
    case SOFTLIF_BOUND_POSITIVE:
    default:
      g_assert_not_reached ();
    }
}

gboolean
softlif_param_is_valid (gdouble      value,
                        SoftlifBound bound)
{
  gdouble min, max;

  if (!isfinite (value))
    return FALSE;
  if (bound == SOFTLIF_BOUND_POSITIVE)
    return value > 0.0;

  bound_range (bound, &min, &max);
  return value >= min && value <= max;    /* -0.0 >= 0.0 too */
}

gboolean
softlif_check_param (const char   *name,
                     gdouble       value,
                     SoftlifBound  bound,
                     GError      **error)
{
  g_autofree char *repr = NULL;
  g_autofree char *min_repr = NULL;
  g_autofree char *max_repr = NULL;
  gdouble min, max;

  if (softlif_param_is_valid (value, bound))
    return TRUE;

  repr = softlif_format_double (value);
  if (bound == SOFTLIF_BOUND_POSITIVE)
    {
      g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER,
                   /* Translators: the first %s is the name of a parameter,
                    * e.g. “dt”, the second its value, e.g. “-1.0”. */
                   _("Invalid value for parameter “%s”: %s; it must be a finite number greater than 0"),
                   name, repr);
      return FALSE;
    }

  bound_range (bound, &min, &max);
  min_repr = softlif_format_double (min);
  max_repr = softlif_format_double (max);
  g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_INVALID_PARAMETER,
               /* Translators: the first %s is the name of a parameter,
                * e.g. “tau_rc”, the second its value, e.g. “-1.0”, the
                * third and fourth the ends of its range, e.g. “1e-50” and
                * “1e+50”. */
               _("Invalid value for parameter “%s”: %s; it must be a number from %s to %s"),
               name, repr, min_repr, max_repr);

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

gboolean
softlif_check_same_length (const char  *name_a,
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

gboolean
softlif_check_output_length (gsize    n_out,
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

/* The inputs of gain_bias: maximum rates finite, > 0 and below
 * 1 / @tau_ref, intercepts finite and below 1. */
gboolean
softlif_check_gain_bias_inputs (const gdouble  *max_rates,
                                const gdouble  *intercepts,
                                gsize           n,
                                gdouble         tau_ref,
                                GError        **error)
{
  for (gsize i = 0; i < n; i++)
    {
      if (!(isfinite (max_rates[i]) && max_rates[i] > 0.0))
        {
          g_autofree char *r = softlif_format_double (max_rates[i]);

          g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE,
                       /* Translators: %s is a rate such as “-10.0”, the
                        * number an index into the array “max_rates”. */
                       _("Invalid maximum rate %s Hz at index %" PRIu64 " of “max_rates”: it must be a finite number greater than 0"),
                       r, (guint64) i);
          return FALSE;
        }
      if (!(1.0 / max_rates[i] > tau_ref))
        {
          g_autofree char *r = softlif_format_double (max_rates[i]);
          g_autofree char *limit = softlif_format_double (1.0 / tau_ref);

          g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE,
                       /* Translators: the first %s is a rate such as
                        * “600.0”, the number an index into “max_rates”,
                        * the last %s the limit 1 / tau_ref, e.g. “500.0”. */
                       _("Maximum rate %s Hz at index %" PRIu64 " of “max_rates” is not below 1/tau_ref = %s Hz"),
                       r, (guint64) i, limit);
          return FALSE;
        }
      if (!(isfinite (intercepts[i]) && intercepts[i] < 1.0))
        {
          g_autofree char *c = softlif_format_double (intercepts[i]);

          g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE,
                       /* Translators: %s is an intercept such as “1.5”,
                        * the number an index into “intercepts”. */
                       _("Invalid intercept %s at index %" PRIu64 " of “intercepts”: it must be a finite number below 1"),
                       c, (guint64) i);
          return FALSE;
        }
    }

  return TRUE;
}

/* The inputs of max_rates_intercepts: gains finite and not 0, biases
 * finite. */
gboolean
softlif_check_max_rates_intercepts_inputs (const gdouble  *gain,
                                           const gdouble  *bias,
                                           gsize           n,
                                           GError        **error)
{
  for (gsize i = 0; i < n; i++)
    {
      if (!(isfinite (gain[i]) && gain[i] != 0.0))
        {
          g_autofree char *g = softlif_format_double (gain[i]);

          g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE,
                       /* Translators: %s is a gain such as “0.0”, the
                        * number an index into the array “gain”. */
                       _("Invalid gain %s at index %" PRIu64 " of “gain”: it must be a finite number other than 0"),
                       g, (guint64) i);
          return FALSE;
        }
      if (!isfinite (bias[i]))
        {
          g_autofree char *b = softlif_format_double (bias[i]);

          g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE,
                       /* Translators: %s is a bias such as “inf”, the
                        * number an index into the array “bias”. */
                       _("Invalid bias %s at index %" PRIu64 " of “bias”: it must be a finite number"),
                       b, (guint64) i);
          return FALSE;
        }
    }

  return TRUE;
}

/* Room for n values of @width bytes; a result too large for memory is an
 * error, not an abort (an easy mistake from Python is to swap the shapes
 * of x and gain). */
gboolean
softlif_check_finite_result (const char  *name,
                             gsize        index,
                             gdouble      value,
                             GError     **error)
{
  g_autofree char *repr = NULL;

  if (isfinite (value))
    return TRUE;

  repr = softlif_format_double (value);
  g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_OUT_OF_RANGE,
               /* Translators: the first %s is a result such as “inf”, the
                * number its index, the last %s the name of the output,
                * e.g. “gain”. */
               _("Result %s at index %" PRIu64 " of “%s” is not a finite number; the inputs are beyond what the neuron can represent"),
               repr, (guint64) index, name);
  return FALSE;
}

gpointer
softlif_alloc_values (gsize     n,
                      gsize     width,
                      GError  **error)
{
  gpointer p = g_try_malloc_n (MAX (n, 1), width);

  if (p == NULL)
    g_set_error (error, SOFTLIF_ERROR, SOFTLIF_ERROR_TOO_LARGE,
                 /* Translators: the number is an array length. */
                 _("A result of %" PRIu64 " values does not fit in memory"),
                 (guint64) n);
  return p;
}

gsize
softlif_dtype_size (SoftlifDtype dtype)
{
  return dtype == SOFTLIF_DTYPE_FLOAT32 ? sizeof (gfloat) : sizeof (gdouble);
}

/* }}} */
