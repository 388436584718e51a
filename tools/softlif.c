/* softlif: the soft LIF and LIF rate neurons from the command line
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* Three modes:
 *
 *   softlif --from -1 --to 1 --points 201 [--derivative]   a tuning curve
 *   softlif < currents.txt                                 one value per line
 *   softlif --gain-bias 200:-0.5 / --max-rate-intercept G:B
 *
 * Tables and CSV are written as the values come (stdin mode streams in
 * blocks); JSON and SVG only once everything is computed, so that a bad
 * line never leaves half a document behind. Exit status: 0, 1 for a bad
 * input line (its number is reported, the lines before it are written),
 * 2 for a bad command line. */

#include "config.h"

#include <errno.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gi18n-lib.h>

#include <softlif.h>

typedef enum {
  FORMAT_TABLE,
  FORMAT_CSV,
  FORMAT_JSON,
  FORMAT_SVG
} Format;

/* The command line */
static char *opt_model = NULL;
static double opt_sigma = 1.0, opt_tau_rc = 0.02, opt_tau_ref = 0.002;
static double opt_amplitude = 1.0, opt_epsilon = 1e-15;
static double opt_gain = 1.0, opt_bias = 0.0;
static double opt_from = 0.0, opt_to = 3.0;
static gint64 opt_points = 301;
static gboolean have_range = FALSE;
static gboolean opt_derivative = FALSE;
static char *opt_format = NULL;
static char *opt_gain_bias = NULL;
static char *opt_max_rate_intercept = NULL;
static gboolean opt_version = FALSE;

#define BLOCK 4096
#define MAX_POINTS 100000000
/* The longest input line, in bytes, and how much of a bad one a message
 * quotes, in characters */
#define MAX_LINE 4096
#define QUOTE_CHARS 40
/* How much of an error message the tool prints, in characters (an
 * option's text, from the command line, can be any length) */
#define MESSAGE_CHARS 400

static void print_error (const GError *error);

/* Numbers are read and written the same way in every locale. */
static gboolean
parse_number (const char  *text,
              double      *value)
{
  char *end = NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  errno = 0;
  /* main() keeps LC_NUMERIC at "C", so strtod reads a dot in every
   * locale (and is faster than g_ascii_strtod, which matters for a million
   * lines) */
  *value = strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  /* an overflowing literal is not a number this tool can use */
  return *end == '\0' && !(errno == ERANGE && isinf (*value));
}

static gboolean
number_option (const char  *name,
               const char  *text,
               gpointer     data,
               GError     **error)
{
  double *target = NULL;

  if (g_str_equal (name, "--sigma"))
    target = &opt_sigma;
  else if (g_str_equal (name, "--tau-rc"))
    target = &opt_tau_rc;
  else if (g_str_equal (name, "--tau-ref"))
    target = &opt_tau_ref;
  else if (g_str_equal (name, "--amplitude"))
    target = &opt_amplitude;
  else if (g_str_equal (name, "--epsilon"))
    target = &opt_epsilon;
  else if (g_str_equal (name, "--gain"))
    target = &opt_gain;
  else if (g_str_equal (name, "--bias"))
    target = &opt_bias;
  else if (g_str_equal (name, "--from"))
    target = &opt_from;
  else if (g_str_equal (name, "--to"))
    target = &opt_to;
  g_assert (target != NULL);

  if (!parse_number (text, target))
    {
      /* TRANSLATORS: the first %s is an option such as --sigma */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a number"), name, text);
      return FALSE;
    }
  if (target == &opt_from || target == &opt_to)
    have_range = TRUE;
  return TRUE;
}

static gboolean
points_option (const char  *name,
               const char  *text,
               gpointer     data,
               GError     **error)
{
  guint64 n = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 2, MAX_POINTS, &n, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a whole number from %d to %d"),
                   name, text, 2, MAX_POINTS);
      return FALSE;
    }
  opt_points = (gint64) n;
  have_range = TRUE;
  return TRUE;
}

static const GOptionEntry entries[] = {
  { "model", 'm', 0, G_OPTION_ARG_STRING, &opt_model,
    N_("The neuron model: soft-lif-rate (default) or lif-rate"), N_("MODEL") },
  { "sigma", 0, 0, G_OPTION_ARG_CALLBACK, number_option,
    N_("Smoothing of the soft LIF, > 0 (default 1)"), N_("SIGMA") },
  { "tau-rc", 0, 0, G_OPTION_ARG_CALLBACK, number_option,
    N_("Membrane time constant in seconds, > 0 (default 0.02)"), N_("SECONDS") },
  { "tau-ref", 0, 0, G_OPTION_ARG_CALLBACK, number_option,
    N_("Refractory period in seconds, >= 0 (default 0.002)"), N_("SECONDS") },
  { "amplitude", 0, 0, G_OPTION_ARG_CALLBACK, number_option,
    N_("Scale of the output, > 0 (default 1)"), N_("AMPLITUDE") },
  { "epsilon", 0, 0, G_OPTION_ARG_CALLBACK, number_option,
    N_("Floor of the soft LIF's j, >= 0 (default 1e-15)"), N_("EPSILON") },
  { "gain", 0, 0, G_OPTION_ARG_CALLBACK, number_option,
    N_("Gain: the current is J = gain × x + bias (default 1)"), N_("GAIN") },
  { "bias", 0, 0, G_OPTION_ARG_CALLBACK, number_option,
    N_("Bias current (default 0)"), N_("BIAS") },
  { "from", 0, 0, G_OPTION_ARG_CALLBACK, number_option,
    N_("Tuning curve: first x (default 0)"), N_("X") },
  { "to", 0, 0, G_OPTION_ARG_CALLBACK, number_option,
    N_("Tuning curve: last x (default 3)"), N_("X") },
  { "points", 'n', 0, G_OPTION_ARG_CALLBACK, points_option,
    N_("Tuning curve: number of points (default 301)"), N_("N") },
  { "derivative", 'd', 0, G_OPTION_ARG_NONE, &opt_derivative,
    N_("Also write d rate / dx in Hz per unit of x"), NULL },
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
    N_("Output format: table (default), csv, json or svg"), N_("FORMAT") },
  { "gain-bias", 0, 0, G_OPTION_ARG_STRING, &opt_gain_bias,
    N_("Print the gain and bias of a neuron with this maximum rate (Hz, at x = 1) and intercept"),
    N_("MAX_RATE:INTERCEPT") },
  { "max-rate-intercept", 0, 0, G_OPTION_ARG_STRING, &opt_max_rate_intercept,
    N_("Print the maximum rate and intercept of a neuron with this gain and bias"),
    N_("GAIN:BIAS") },
  { "version", 'V', 0, G_OPTION_ARG_NONE, &opt_version,
    N_("Print the version and exit"), NULL },
  G_OPTION_ENTRY_NULL
};

/* Output {{{ */

/* Shortest of %.15g, %.16g and %.17g that reads back the same double. */
static void
format_number (char   *buf,
               gsize   size,
               double  value)
{
  if (isnan (value))
    {
      g_strlcpy (buf, "nan", size);
      return;
    }
  if (isinf (value))
    {
      g_strlcpy (buf, value > 0 ? "inf" : "-inf", size);
      return;
    }
  for (int digits = 15; digits <= 17; digits++)
    {
      g_snprintf (buf, size, "%.*g", digits, value);
      if (digits == 17 || g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

/* 17 significant digits, in the layout of %.17g, for 1e-11 <= |v| < 1e16:
 * d = |v| 10^k in [1e16, 1e17) with 10^k exact in long double (k <= 27),
 * so d is off by at most 2^-64 relative (0.006 units of the last digit)
 * and its rounding N is within 0.506 units of the true value, less than
 * half a double ulp (at least 0.55 units there): N 10^-k reads back as v.
 * printf's exact arithmetic costs ten times more, too much for a million
 * rows. FALSE outside that range. */
static gboolean
format_17_fast (char   *buf,
                gsize   size,
                double  value)
{
  static const long double p10[] = {
    1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L, 1e11L, 1e12L, 1e13L,
    1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L, 1e21L, 1e22L, 1e23L, 1e24L, 1e25L,
    1e26L, 1e27L,
  };
  double a = fabs (value);
  char digits[18], *p = buf;
  long double d;
  guint64 N;
  int k, E, last;

#if LDBL_MANT_DIG < 64
  /* the argument below needs the 64-bit significand of x86's long double */
  return FALSE;
#endif
  if (!(a >= 1e-11 && a < 1e16) || size < 32)
    return FALSE;
  k = 16 - (int) floor (log10 (a));
  k = CLAMP (k, 1, 27);
  d = (long double) a * p10[k];
  if (d < 1e16L && k < 27)
    d = (long double) a * p10[++k];
  else if (d >= 1e17L && k > 1)
    d = (long double) a * p10[--k];
  if (!(d >= 1e16L && d < 1e17L))
    return FALSE;
  N = (guint64) llroundl (d);
  if (N >= G_GUINT64_CONSTANT (100000000000000000))
    {
      N /= 10;                  /* 99999999999999999.6 rounded up */
      k--;
    }
  for (int i = 16; i >= 0; i--, N /= 10)
    digits[i] = (char) ('0' + N % 10);
  digits[17] = '\0';
  for (last = 16; last > 0 && digits[last] == '0'; last--)
    ;
  E = 16 - k;                   /* the exponent of the first digit */
  if (value < 0)
    *p++ = '-';
  if (E < -4)
    {
      /* d.ddde-XX */
      *p++ = digits[0];
      if (last > 0)
        {
          *p++ = '.';
          memcpy (p, digits + 1, last);
          p += last;
        }
      g_snprintf (p, size - (p - buf), "e-%02d", -E);
      return TRUE;
    }
  if (E < 0)
    {
      *p++ = '0';
      *p++ = '.';
      for (int i = 0; i < -E - 1; i++)
        *p++ = '0';
      memcpy (p, digits, last + 1);
      p += last + 1;
    }
  else
    {
      memcpy (p, digits, E + 1);
      p += E + 1;
      if (last > E)
        {
          *p++ = '.';
          memcpy (p, digits + E + 1, last - E);
          p += last - E;
        }
    }
  *p = '\0';
  return TRUE;
}

/* 17 significant digits: reads back exactly (the rows of a million-line
 * stream cannot afford the retries of the shortest form) */
static void
format_exact (char   *buf,
              gsize   size,
              double  value)
{
  if (!isfinite (value))
    format_number (buf, size, value);
  else if (value == 0.0)
    g_strlcpy (buf, signbit (value) ? "-0" : "0", size);
  else if (!format_17_fast (buf, size, value))
    g_snprintf (buf, size, "%.17g", value);
}

typedef struct {
  Format format;
  gboolean derivative;
  gboolean header_done;
  gsize rows;
  /* JSON and SVG collect the values first */
  GArray *xs, *rates, *derivs;
} Output;

static const char *
column_name (int column)
{
  static const char *names[] = { "x", "rate", "derivative" };
  return names[column];
}

static void
output_header (Output *out)
{
  if (out->header_done)
    return;
  out->header_done = TRUE;
  if (out->format == FORMAT_CSV)
    printf (out->derivative ? "x,rate,derivative\n" : "x,rate\n");
  else if (out->format == FORMAT_TABLE)
    printf (out->derivative ? "%24s %24s %24s\n" : "%24s %24s\n",
            /* TRANSLATORS: table headings; keep them short */
            _("x"), _("rate (Hz)"), _("d rate/dx (Hz)"));
}

/* @x_text: the values of x as they were read (stdin mode), or NULL */
static void
output_rows (Output        *out,
             const double  *x,
             const char   **x_text,
             const double  *rate,
             const double  *deriv,
             gsize          n)
{
  char a[32], b[32], c[32];

  if (out->format == FORMAT_JSON || out->format == FORMAT_SVG)
    {
      g_array_append_vals (out->xs, x, n);
      g_array_append_vals (out->rates, rate, n);
      if (out->derivative)
        g_array_append_vals (out->derivs, deriv, n);
      out->rows += n;
      return;
    }
  output_header (out);
  for (gsize i = 0; i < n; i++)
    {
      const char *xs = a;

      if (x_text != NULL)
        xs = x_text[i];
      else
        format_number (a, sizeof a, x[i]);
      format_exact (b, sizeof b, rate[i]);
      if (out->derivative)
        format_exact (c, sizeof c, deriv[i]);
      if (out->format == FORMAT_CSV)
        {
          /* (printf's parsing of the format shows in a million rows) */
          fputs_unlocked (xs, stdout);
          putc_unlocked (',', stdout);
          fputs_unlocked (b, stdout);
          if (out->derivative)
            {
              putc_unlocked (',', stdout);
              fputs_unlocked (c, stdout);
            }
          putc_unlocked ('\n', stdout);
        }
      else if (out->derivative)
        printf ("%24s %24s %24s\n", xs, b, c);
      else
        printf ("%24s %24s\n", xs, b);
    }
  out->rows += n;
}

static void
json_number (GString *s,
             double   value)
{
  char buf[32];

  /* JSON has no infinities or NaN */
  if (!isfinite (value))
    {
      g_string_append (s, "null");
      return;
    }
  format_number (buf, sizeof buf, value);
  g_string_append (s, buf);
}

static void
output_json (Output            *out,
             SoftlifNeuronType *neuron)
{
  g_autoptr(GString) s = g_string_new ("{\n  \"model\": ");
  g_autofree char *repr = softlif_neuron_type_to_string (neuron);
  g_autofree char *quoted = g_strescape (repr, NULL);
  GArray *columns[] = { out->xs, out->rates, out->derivs };

  g_string_append_printf (s, "\"%s\",\n  \"gain\": ", quoted);
  json_number (s, opt_gain);
  g_string_append (s, ",\n  \"bias\": ");
  json_number (s, opt_bias);
  for (int c = 0; c < (out->derivative ? 3 : 2); c++)
    {
      g_string_append_printf (s, ",\n  \"%s\": [", column_name (c));
      for (gsize i = 0; i < columns[c]->len; i++)
        {
          if (i > 0)
            g_string_append (s, ", ");
          json_number (s, g_array_index (columns[c], double, i));
        }
      g_string_append (s, "]");
    }
  g_string_append (s, "\n}\n");
  fputs (s->str, stdout);
}

/* A step of 1, 2 or 5 times a power of ten giving about 5 ticks over
 * [lo, hi]; (hi - lo) / 5 is computed from the halves, which cannot
 * overflow. */
static double
tick_step (double lo,
           double hi)
{
  double raw = (hi * 0.5 - lo * 0.5) / 2.5;
  double p = pow (10.0, floor (log10 (raw)));
  double m = raw / p;

  return (m < 1.5 ? 1.0 : m < 3.5 ? 2.0 : m < 7.5 ? 5.0 : 10.0) * p;
}

static void
svg_text (GString    *s,
          double      x,
          double      y,
          const char *anchor,
          const char *extra,
          const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (s, "  <text x=\"%s\" y=\"%s\" text-anchor=\"%s\"%s>%s</text>\n",
                          g_ascii_formatd (bx, sizeof bx, "%.1f", x),
                          g_ascii_formatd (by, sizeof by, "%.1f", y),
                          anchor, extra, escaped);
}

/* A finite range [lo, hi], lo < hi, to draw the finite values found
 * between lo and hi in: one value becomes a range around it, none [0, 1]. */
static void
widen_range (double *lo,
             double *hi)
{
  if (!(isfinite (*lo) && isfinite (*hi) && *lo <= *hi))
    {
      *lo = 0.0;
      *hi = 1.0;
    }
  else if (*lo == *hi)
    {
      /* wide enough not to be lost in the rounding of a large value */
      double d = MAX (1.0, fabs (*lo) * 0x1p-20);

      *lo = MAX (*lo - d, -DBL_MAX);
      *hi = MIN (*hi + d, DBL_MAX);
    }
}

/* Where v lies between lo and hi, from 0 to 1, and never outside: the
 * halves, since hi - lo may overflow. */
static double
fraction (double v,
          double lo,
          double hi)
{
  double f = (v * 0.5 - lo * 0.5) / (hi * 0.5 - lo * 0.5);

  return isnan (f) ? 0.0 : CLAMP (f, 0.0, 1.0);
}

/* The curve (rate, and the derivative in a second colour on its own
 * axis) with labelled axes in plain SVG. Every point drawn lies inside
 * the plot, whatever the values. */
static void
output_svg (Output            *out,
            SoftlifNeuronType *neuron)
{
  const double W = 640, H = 420, L = 80, R = out->derivative ? 80 : 30, T = 40, B = 60;
  const double pw = W - L - R, ph = H - T - B;
  const double *x = (const double *) out->xs->data;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *title = softlif_neuron_type_to_string (neuron);
  double x0 = INFINITY, x1 = -INFINITY;
  /* each axis includes 0 */
  double ymin[2] = { 0.0, 0.0 }, ymax[2] = { 0.0, 0.0 };
  GArray *curves[] = { out->rates, out->derivs };
  static const char *colours[] = { "#1f77b4", "#d62728" };
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE];

  for (gsize i = 0; i < out->rows; i++)
    if (isfinite (x[i]))
      {
        x0 = MIN (x0, x[i]);
        x1 = MAX (x1, x[i]);
      }
  widen_range (&x0, &x1);
  for (int c = 0; c < (out->derivative ? 2 : 1); c++)
    {
      double step;

      for (gsize i = 0; i < out->rows; i++)
        {
          double v = g_array_index (curves[c], double, i);
          if (isfinite (v))
            {
              ymin[c] = MIN (ymin[c], v);
              ymax[c] = MAX (ymax[c], v);
            }
        }
      if (ymin[c] == ymax[c])
        ymax[c] = 1.0;          /* all 0: the axis from 0 to 1 */
      widen_range (&ymin[c], &ymax[c]);
      /* round the ends out to a tick, unless that overflows */
      step = tick_step (ymin[c], ymax[c]);
      if (isfinite (step) && step > 0.0)
        {
          double top = ceil (ymax[c] / step * 1.0000001) * step;
          double bottom = floor (ymin[c] / step * 1.0000001) * step;

          if (isfinite (top) && top >= ymax[c])
            ymax[c] = top;
          if (isfinite (bottom) && bottom <= ymin[c])
            ymin[c] = bottom;
        }
    }

  g_string_append_printf (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                          "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">\n"
                          "  <rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                          (int) W, (int) H, (int) W, (int) H);
  svg_text (s, L + pw / 2, T - 16, "middle", "", title);
  g_string_append_printf (s, "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>\n",
                          (int) L, (int) T, (int) pw, (int) ph);

  /* x ticks */
  {
    double step = tick_step (x0, x1);

    double first = ceil (x0 / step) * step;

    /* at most a dozen ticks, counted: a step lost in x's rounding would
     * otherwise never end the loop */
    for (int t = 0; t <= 12 && isfinite (step) && first + (t - 1) * step < first + t * step; t++)
      {
        double v = first + t * step;

        if (v > x1 + step * 1e-9)
          break;
        double px = L + fraction (v, x0, x1) * pw;
        char label[32];

        format_number (label, sizeof label, fabs (v) < step * 1e-9 ? 0.0 : v);
        g_string_append_printf (s, "  <line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"black\"/>\n",
                                g_ascii_formatd (b1, sizeof b1, "%.1f", px), (int) (T + ph),
                                g_ascii_formatd (b2, sizeof b2, "%.1f", px), (int) (T + ph + 5));
        svg_text (s, px, T + ph + 20, "middle", "", label);
      }
  }
  /* y ticks, left (rate) and right (derivative) */
  for (int c = 0; c < (out->derivative ? 2 : 1); c++)
    {
      double step = tick_step (ymin[c], ymax[c]);
      double first = ceil (ymin[c] / step) * step;

      for (int t = 0; t <= 12 && isfinite (step) && step > 0.0 &&
                      first + (t - 1) * step < first + t * step; t++)
        {
          double v = first + t * step;

          if (!(v <= ymax[c] + step * 1e-9))
            break;
          if (fabs (v) < step * 1e-9)
            v = 0.0;
          double py = T + ph - fraction (v, ymin[c], ymax[c]) * ph;
          double ax = c == 0 ? L : L + pw;
          char label[32];

          format_number (label, sizeof label, v);
          g_string_append_printf (s, "  <line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"black\"/>\n",
                                  (int) (c == 0 ? ax - 5 : ax), g_ascii_formatd (b1, sizeof b1, "%.1f", py),
                                  (int) (c == 0 ? ax : ax + 5), g_ascii_formatd (b2, sizeof b2, "%.1f", py));
          svg_text (s, c == 0 ? ax - 8 : ax + 8, py + 4, c == 0 ? "end" : "start",
                    c == 0 ? "" : " fill=\"#d62728\"", label);
        }
    }
  /* axis labels */
  svg_text (s, L + pw / 2, H - 15, "middle", "",
            /* TRANSLATORS: the label of the horizontal axis of the plot */
            _("x (input; current J = gain × x + bias)"));
  {
    g_autofree char *rot = g_strdup_printf (" transform=\"rotate(-90 %d %d)\"", 22, (int) (T + ph / 2));
    svg_text (s, 22, T + ph / 2, "middle", rot, _("firing rate (Hz)"));
  }
  if (out->derivative)
    {
      g_autofree char *rot = g_strdup_printf (" transform=\"rotate(90 %d %d)\" fill=\"#d62728\"",
                                              (int) (W - 18), (int) (T + ph / 2));
      svg_text (s, W - 18, T + ph / 2, "middle", rot, _("d rate / dx (Hz per unit of x)"));
    }

  /* the curves, broken where a value is not finite */
  for (int c = 0; c < (out->derivative ? 2 : 1); c++)
    {
      gboolean open = FALSE;

      for (gsize i = 0; i < out->rows; i++)
        {
          double v = g_array_index (curves[c], double, i);

          if (!isfinite (v) || !isfinite (x[i]))
            {
              if (open)
                g_string_append (s, "\"/>\n");
              open = FALSE;
              continue;
            }
          if (!open)
            g_string_append_printf (s, "  <polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
                                    colours[c]);
          g_string_append_printf (s, "%s%s,%s", open ? " " : "",
                                  g_ascii_formatd (b1, sizeof b1, "%.2f", L + fraction (x[i], x0, x1) * pw),
                                  g_ascii_formatd (b2, sizeof b2, "%.2f",
                                                   T + ph - fraction (v, ymin[c], ymax[c]) * ph));
          open = TRUE;
        }
      if (open)
        g_string_append (s, "\"/>\n");
    }
  g_string_append (s, "</svg>\n");
  fputs (s->str, stdout);
}

static void
output_finish (Output            *out,
               SoftlifNeuronType *neuron)
{
  if (out->format == FORMAT_JSON)
    output_json (out, neuron);
  else if (out->format == FORMAT_SVG)
    output_svg (out, neuron);
  else
    output_header (out);
}

/* }}} */

/* The modes {{{ */

static gboolean
compute (SoftlifNeuronType  *neuron,
         Output             *out,
         const double       *x,
         const char        **x_text,
         gsize               n,
         double             *rate,
         double             *deriv,
         GError            **error)
{
  if (!softlif_neuron_type_rates_into (neuron, x, n, &opt_gain, 1, &opt_bias, 1, rate, n, error))
    return FALSE;
  if (out->derivative &&
      !softlif_neuron_type_derivative_into (neuron, x, n, &opt_gain, 1, &opt_bias, 1, deriv, n, error))
    return FALSE;
  output_rows (out, x, x_text, rate, deriv, n);
  return TRUE;
}

static int
run_curve (SoftlifNeuronType *neuron,
           Output            *out)
{
  g_autofree double *x = g_new (double, BLOCK);
  g_autofree double *rate = g_new (double, BLOCK);
  g_autofree double *deriv = g_new (double, BLOCK);
  g_autoptr(GError) error = NULL;

  for (gint64 start = 0; start < opt_points; start += BLOCK)
    {
      gsize n = (gsize) MIN (BLOCK, opt_points - start);

      for (gsize i = 0; i < n; i++)
        {
          gint64 k = start + (gint64) i;
          /* both ends exactly */
          double t = (double) k / (double) (opt_points - 1);

          /* both ends exactly; the form without the difference where
           * --to - --from overflows */
          x[i] = k == opt_points - 1 ? opt_to
                 : isfinite (opt_to - opt_from) ? opt_from + (opt_to - opt_from) * t
                 : opt_from * (1.0 - t) + opt_to * t;
        }
      if (!compute (neuron, out, x, NULL, n, rate, deriv, &error))
        {
          print_error (error);
          return 1;
        }
    }
  output_finish (out, neuron);
  return 0;
}

#define LINE_END (-1)
#define LINE_TOO_LONG (-2)

/* Reads a line of at most MAX_LINE bytes into @line (MAX_LINE + 1 bytes),
 * without its newline and NUL-terminated; returns its length, LINE_END at
 * the end of the input or on an error, LINE_TOO_LONG (having read
 * MAX_LINE + 1 bytes of it) for a longer line: the memory used does not
 * grow with the input. */
static gssize
read_line (FILE *in,
           char *line)
{
  gsize len = 0;
  int c;

  while ((c = getc_unlocked (in)) != EOF && c != '\n')
    {
      if (len == MAX_LINE)
        return LINE_TOO_LONG;
      line[len++] = (char) c;
    }
  if (c == EOF && len == 0)
    return LINE_END;
  line[len] = '\0';
  return (gssize) len;
}

/* The beginning of a bad line for a message: at most QUOTE_CHARS
 * characters, with “…” when cut; characters that do not print (such as
 * the escape that starts a terminal sequence), bytes that are not UTF-8
 * and backslashes escaped, so that nothing reaches the terminal raw. */
static char *
quote_text (const char *line,
            gsize       len,
            int         max_chars)
{
  GString *s = g_string_new (NULL);
  const char *p = line, *end = line + len;
  int chars = 0;

  /* not the trailing blanks, such as a CR */
  while (end > line && g_ascii_isspace (end[-1]))
    end--;
  while (p < end)
    {
      gunichar c;

      if (chars == max_chars)
        {
          g_string_append (s, "…");
          break;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (s, "\\x%02X", (guchar) *p);
          p++;
        }
      else
        {
          if (c == '\\')
            g_string_append (s, "\\\\");
          else if (!g_unichar_isprint (c) && c < 0x100)    /* controls */
            g_string_append_printf (s, "\\x%02X", c);
          else if (!g_unichar_isprint (c))                  /* bidi marks */
            g_string_append_printf (s, "\\u%04X", c);
          else
            g_string_append_len (s, p, g_utf8_next_char (p) - p);
          p = g_utf8_next_char (p);
        }
      chars++;
    }
  return g_string_free (s, FALSE);
}

/* An error on standard error, escaped as a bad line is: a message can
 * quote the command line (an unknown option, a bad number). */
static void
print_error (const GError *error)
{
  g_autofree char *text = quote_text (error->message, strlen (error->message), MESSAGE_CHARS);

  g_printerr ("%s: %s\n", g_get_prgname (), text);
}

static int
run_stdin (SoftlifNeuronType *neuron,
           Output            *out)
{
  g_autofree double *x = g_new (double, BLOCK);
  g_autofree double *rate = g_new (double, BLOCK);
  g_autofree double *deriv = g_new (double, BLOCK);
  g_autoptr(GError) error = NULL;
  /* the lines of a block as read (trimmed), echoed as x */
  g_autoptr(GStringChunk) texts = g_string_chunk_new (BLOCK * 24);
  g_autofree const char **x_text = g_new (const char *, BLOCK);
  char line[MAX_LINE + 1];
  gssize len;
  guint64 line_no = 0;
  gsize n = 0;
  int status = 0;

  while ((len = read_line (stdin, line)) != LINE_END)
    {
      line_no++;
      /* a NUL byte would hide the rest of the line */
      if (len >= 0 && strlen (line) == (size_t) len && parse_number (line, &x[n]))
        x_text[n] = g_string_chunk_insert (texts, g_strstrip (line));
      else
        {
          g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, line_no);

          /* the lines before are written; this one is not */
          if (n > 0 && !compute (neuron, out, x, x_text, n, rate, deriv, &error))
            break;
          n = 0;
          if (len == LINE_TOO_LONG)
            {
              /* TRANSLATORS: the second %s is a line number, %d a number of bytes */
              g_printerr (_("%s: line %s is longer than %d bytes\n"), g_get_prgname (), number,
                          MAX_LINE);
            }
          else
            {
              g_autofree char *quoted = quote_text (line, (gsize) len, QUOTE_CHARS);

              /* TRANSLATORS: the second %s is a line number, the third the
               * line (its beginning if it is long) */
              g_printerr (_("%s: line %s: “%s” is not a number\n"), g_get_prgname (), number,
                          quoted);
            }
          status = 1;
          break;
        }
      if (++n == BLOCK)
        {
          if (!compute (neuron, out, x, x_text, n, rate, deriv, &error))
            break;
          n = 0;
          g_string_chunk_clear (texts);
        }
    }
  if (status == 0 && error == NULL && ferror (stdin))
    {
      int saved = errno;

      /* what was read is written, then the error */
      if (n > 0)
        compute (neuron, out, x, x_text, n, rate, deriv, &error);
      n = 0;
      g_printerr (_("%s: could not read the input: %s\n"), g_get_prgname (), g_strerror (saved));
      status = 1;
    }
  if (error == NULL && status == 0 && n > 0)
    compute (neuron, out, x, x_text, n, rate, deriv, &error);
  if (error != NULL)
    {
      print_error (error);
      return 1;
    }
  if (status != 0)
    {
      /* JSON and SVG wrote nothing; tables and CSV stop at the bad line */
      fflush (stdout);
      return status;
    }
  output_finish (out, neuron);
  return 0;
}

/* "A:B" as two numbers */
static gboolean
parse_pair (const char *option,
            const char *text,
            double     *a,
            double     *b)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);

  if (g_strv_length (parts) == 2 && parse_number (parts[0], a) && parse_number (parts[1], b))
    return TRUE;
  /* TRANSLATORS: the first %s is an option, the second what was given, and
   * the third the expected form, such as MAX_RATE:INTERCEPT */
  {
    g_autofree char *quoted = quote_text (text, strlen (text), QUOTE_CHARS);

    g_printerr (_("%s: %s: “%s” is not of the form %s\n"), g_get_prgname (), option, quoted,
                g_str_equal (option, "--gain-bias") ? _("MAX_RATE:INTERCEPT") : _("GAIN:BIAS"));
  }
  return FALSE;
}

static int
run_gain_bias (SoftlifNeuronType *neuron,
               Format             format)
{
  g_autoptr(GError) error = NULL;
  gboolean forward = opt_gain_bias != NULL;
  double in[2], out[2];
  char a[32], b[32], ia[32], ib[32];
  const char *names[2];

  if (!parse_pair (forward ? "--gain-bias" : "--max-rate-intercept",
                   forward ? opt_gain_bias : opt_max_rate_intercept, &in[0], &in[1]))
    return 2;
  if (forward ? !softlif_neuron_type_gain_bias_into (neuron, &in[0], 1, &in[1], 1, &out[0], &out[1], 1, &error)
              : !softlif_neuron_type_max_rates_intercepts_into (neuron, &in[0], 1, &in[1], 1,
                                                                &out[0], &out[1], 1, &error))
    {
      print_error (error);
      return 2;
    }
  names[0] = forward ? "gain" : "max_rate";
  names[1] = forward ? "bias" : "intercept";
  format_number (a, sizeof a, out[0]);
  format_number (b, sizeof b, out[1]);
  format_number (ia, sizeof ia, in[0]);
  format_number (ib, sizeof ib, in[1]);
  switch (format)
    {
    case FORMAT_CSV:
      printf ("%s,%s,%s,%s\n%s,%s,%s,%s\n", forward ? "max_rate" : "gain", forward ? "intercept" : "bias",
              names[0], names[1], ia, ib, a, b);
      break;
    case FORMAT_JSON:
      {
        g_autoptr(GString) j = g_string_new ("{");
        const char *keys[4] = { forward ? "max_rate" : "gain", forward ? "intercept" : "bias",
                                names[0], names[1] };
        const double vals[4] = { in[0], in[1], out[0], out[1] };

        for (int q = 0; q < 4; q++)
          {
            g_string_append_printf (j, "%s\"%s\": ", q > 0 ? ", " : "", keys[q]);
            json_number (j, vals[q]);
          }
        g_string_append (j, "}\n");
        fputs (j->str, stdout);
      }
      break;
    default:
      printf ("%s = %s\n%s = %s\n", names[0], a, names[1], b);
      break;
    }
  return 0;
}

/* }}} */

/* The status, or 1 if standard output could not be written. */
static int
finish_output (int status)
{
  errno = 0;
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr (_("%s: could not write the output: %s\n"), g_get_prgname (),
                  g_strerror (errno != 0 ? errno : EIO));
      return 1;
    }
  return status;
}

/* The tool shares the library's text domain. Its translations are printf
 * formats, so the directory is compiled in, never read from the
 * environment. */
static void
bind_catalogues (void)
{
#ifdef SOFTLIF_UNINSTALLED_LOCALEDIR
  /* The build tree's copy for the tests: the library binds the domain to
   * the installed catalogues on its first message, so have it send one
   * first, then point the domain at the build tree's catalogues. */
  g_autoptr(GError) error = NULL;
  SoftlifLifRate *invalid = softlif_lif_rate_new_full (-1.0, 0.002, 1.0, &error);

  g_clear_object (&invalid);
  bindtextdomain (GETTEXT_PACKAGE, SOFTLIF_UNINSTALLED_LOCALEDIR);
#else
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
#endif
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

static SoftlifNeuronType *
make_neuron (GError **error)
{
  if (opt_model == NULL || g_str_equal (opt_model, "soft-lif-rate"))
    return (SoftlifNeuronType *) softlif_soft_lif_rate_new_full (opt_sigma, opt_tau_rc, opt_tau_ref,
                                                                 opt_amplitude, opt_epsilon, error);
  if (g_str_equal (opt_model, "lif-rate"))
    return (SoftlifNeuronType *) softlif_lif_rate_new_full (opt_tau_rc, opt_tau_ref, opt_amplitude, error);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* TRANSLATORS: %s is what was given; keep the model names as they are */
               _("--model: “%s” is not a model (soft-lif-rate or lif-rate)"), opt_model);
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoftlifNeuronType) neuron = NULL;
  g_autofree char *summary = NULL;
  Output out = { 0 };
  int status;

  static char stdout_buffer[1 << 16];

  setvbuf (stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
  setlocale (LC_ALL, "");
  /* numbers are written with a dot whatever the locale */
  setlocale (LC_NUMERIC, "C");
  bind_catalogues ();
  g_set_prgname ("softlif");

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  summary = g_strdup_printf ("%s\n\n%s\n%s\n%s",
                             _("Firing rates of the soft LIF and LIF rate neurons."),
                             _("With --from, --to or --points: a tuning curve over x."),
                             _("Otherwise: values of x from standard input, one per line."),
                             _("With --gain-bias or --max-rate-intercept: those conversions."));
  g_option_context_set_summary (context, summary);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (error);
      return 2;
    }
  if (opt_version)
    {
      printf ("softlif %s\n", PACKAGE_VERSION);
      return finish_output (0);
    }
  if (argc > 1)
    {
      g_autofree char *quoted = quote_text (argv[1], strlen (argv[1]), QUOTE_CHARS);

      g_printerr (_("%s: unexpected argument “%s”\n"), g_get_prgname (), quoted);
      return 2;
    }
  if (opt_format == NULL || g_str_equal (opt_format, "table"))
    out.format = FORMAT_TABLE;
  else if (g_str_equal (opt_format, "csv"))
    out.format = FORMAT_CSV;
  else if (g_str_equal (opt_format, "json"))
    out.format = FORMAT_JSON;
  else if (g_str_equal (opt_format, "svg"))
    out.format = FORMAT_SVG;
  else
    {
      g_autofree char *quoted = quote_text (opt_format, strlen (opt_format), QUOTE_CHARS);

      g_printerr (_("%s: --format: “%s” is not a format (table, csv, json or svg)\n"),
                  g_get_prgname (), quoted);
      return 2;
    }
  if (!isfinite (opt_gain) || !isfinite (opt_bias) || !isfinite (opt_from) || !isfinite (opt_to))
    {
      g_printerr (_("%s: --gain, --bias, --from and --to must be finite\n"), g_get_prgname ());
      return 2;
    }
  if (opt_gain_bias != NULL && opt_max_rate_intercept != NULL)
    {
      g_printerr (_("%s: --gain-bias and --max-rate-intercept cannot be used together\n"),
                  g_get_prgname ());
      return 2;
    }

  neuron = make_neuron (&error);
  if (neuron == NULL)
    {
      print_error (error);
      return 2;
    }

  if (opt_gain_bias != NULL || opt_max_rate_intercept != NULL)
    return finish_output (run_gain_bias (neuron, out.format));

  out.derivative = opt_derivative;
  out.xs = g_array_new (FALSE, FALSE, sizeof (double));
  out.rates = g_array_new (FALSE, FALSE, sizeof (double));
  out.derivs = g_array_new (FALSE, FALSE, sizeof (double));
  status = have_range ? run_curve (neuron, &out) : run_stdin (neuron, &out);
  g_array_unref (out.xs);
  g_array_unref (out.rates);
  g_array_unref (out.derivs);
  return finish_output (status);
}
