/* softlif-eval.c: evaluates a neuron type on numbers read from stdin
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* compat-original.py compares the library with the numpy original through
 * this program, so that the test needs nothing but numpy.
 *
 *     softlif-eval [--type=soft|lif] [--sigma=S] [--tau-rc=T] [--tau-ref=T]
 *                  [--amplitude=A] [--epsilon=E] [--dt=DT]
 *                  [--op=step|current|rates|derivative]
 *                  [--dtype=float64|float32]
 *
 * A parameter that is not given takes the default of the neuron type.
 * Standard input holds whitespace-separated numbers:
 *
 *     step:     J_1 … J_n                       (to the end of the input)
 *     others:   N_X x_1 … x_N_X
 *               N_NEURONS gain_1 … gain_N_NEURONS
 *               bias_1 …                        (to the end of the input)
 *
 * The biases run to the end of the input so that a wrong count reaches the
 * library, which reports it. The results are printed one per line, for
 * the tuning operations row by row (all neurons of x_1, then of x_2, …),
 * with 17 significant digits for float64 and 9 for float32, enough to
 * read back the exact value. An error is printed on stderr and the exit
 * status is 1. */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <softlif.h>

/* Options {{{ */

typedef enum {
  PARAM_SIGMA,
  PARAM_TAU_RC,
  PARAM_TAU_REF,
  PARAM_AMPLITUDE,
  PARAM_EPSILON,
  N_PARAMS
} ParamId;

/* A neuron parameter; its long option is named after its property. */
typedef struct {
  const char *name;
  gdouble     value;
  gboolean    given;
} Parameter;

static Parameter parameters[N_PARAMS] = {
  [PARAM_SIGMA]     = { "sigma", 0.0, FALSE },
  [PARAM_TAU_RC]    = { "tau-rc", 0.0, FALSE },
  [PARAM_TAU_REF]   = { "tau-ref", 0.0, FALSE },
  [PARAM_AMPLITUDE] = { "amplitude", 0.0, FALSE },
  [PARAM_EPSILON]   = { "epsilon", 0.0, FALSE },
};

typedef enum {
  OP_STEP,
  OP_CURRENT,
  OP_RATES,
  OP_DERIVATIVE
} Operation;

static const char *op_names[] = { "step", "current", "rates", "derivative", NULL };
static const char *type_names[] = { "soft", "lif", NULL };
static const char *dtype_names[] = { "float64", "float32", NULL };

static char *opt_type = NULL;
static char *opt_op = NULL;
static char *opt_dtype = NULL;
static gdouble opt_dt = 0.001;

static gboolean
parse_double (const char  *text,
              gdouble     *value,
              GError     **error)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      g_set_error (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_INVALID,
                   "“%s” is not a number", text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_parameter (const char  *option_name,
                 const char  *value,
                 gpointer     data,
                 GError     **error)
{
  /* GOption passes the long name with its dashes. */
  const char *name = option_name + strspn (option_name, "-");

  for (gsize i = 0; i < N_PARAMS; i++)
    {
      if (!g_str_equal (name, parameters[i].name))
        continue;

      if (!parse_double (value, &parameters[i].value, error))
        {
          g_prefix_error (error, "%s: ", option_name);
          return FALSE;
        }
      parameters[i].given = TRUE;
      return TRUE;
    }

  g_assert_not_reached ();
}

static const GOptionEntry entries[] = {
  { "type", 0, 0, G_OPTION_ARG_STRING, &opt_type,
    "The neuron type: soft (default) or lif", "TYPE" },
  { "sigma", 0, 0, G_OPTION_ARG_CALLBACK, parse_parameter,
    "The smoothing of the soft LIF neuron", "SIGMA" },
  { "tau-rc", 0, 0, G_OPTION_ARG_CALLBACK, parse_parameter,
    "The membrane RC time constant in seconds", "TAU" },
  { "tau-ref", 0, 0, G_OPTION_ARG_CALLBACK, parse_parameter,
    "The refractory period in seconds", "TAU" },
  { "amplitude", 0, 0, G_OPTION_ARG_CALLBACK, parse_parameter,
    "The scale of the output", "A" },
  { "epsilon", 0, 0, G_OPTION_ARG_CALLBACK, parse_parameter,
    "The current added after the smoothing (soft LIF)", "EPS" },
  { "dt", 0, 0, G_OPTION_ARG_DOUBLE, &opt_dt,
    "The time step of step, in seconds (default 0.001)", "DT" },
  { "op", 0, 0, G_OPTION_ARG_STRING, &opt_op,
    "step (default), current, rates or derivative", "OP" },
  { "dtype", 0, 0, G_OPTION_ARG_STRING, &opt_dtype,
    "float64 (default) or float32", "DTYPE" },
  { NULL }
};

/* The index of @value in the NULL-terminated @names; NULL picks the first. */
static gboolean
lookup_choice (const char   *option_name,
               const char   *value,
               const char  **names,
               guint        *index,
               GError      **error)
{
  g_autofree char *choices = NULL;

  if (value == NULL)
    {
      *index = 0;
      return TRUE;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (value, names[i]))
        {
          *index = i;
          return TRUE;
        }
    }

  choices = g_strjoinv (", ", (char **) names);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "%s: “%s” is not one of %s", option_name, value, choices);
  return FALSE;
}

/* }}} */

/* The neuron {{{ */

/* A neuron of the chosen type with the given parameters and the type's
 * defaults for the others; new_full() checks them. */
static SoftlifNeuronType *
new_neuron (guint    type,
            GError **error)
{
  g_autoptr(SoftlifNeuronType) defaults = NULL;
  GObjectClass *klass;
  gdouble v[N_PARAMS] = { 0.0, };

  if (type == 0)
    defaults = SOFTLIF_NEURON_TYPE (softlif_soft_lif_rate_new ());
  else
    defaults = SOFTLIF_NEURON_TYPE (softlif_lif_rate_new ());

  klass = G_OBJECT_GET_CLASS (defaults);
  for (gsize i = 0; i < N_PARAMS; i++)
    {
      if (g_object_class_find_property (klass, parameters[i].name) == NULL)
        {
          if (parameters[i].given)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--%s does not apply to --type=%s",
                           parameters[i].name, type_names[type]);
              return NULL;
            }
          continue;
        }

      if (parameters[i].given)
        v[i] = parameters[i].value;
      else
        g_object_get (defaults, parameters[i].name, &v[i], NULL);
    }

  if (type == 0)
    return SOFTLIF_NEURON_TYPE (softlif_soft_lif_rate_new_full (v[PARAM_SIGMA],
                                                                v[PARAM_TAU_RC],
                                                                v[PARAM_TAU_REF],
                                                                v[PARAM_AMPLITUDE],
                                                                v[PARAM_EPSILON],
                                                                error));

  return SOFTLIF_NEURON_TYPE (softlif_lif_rate_new_full (v[PARAM_TAU_RC],
                                                         v[PARAM_TAU_REF],
                                                         v[PARAM_AMPLITUDE],
                                                         error));
}

/* }}} */

/* The input {{{ */

typedef struct {
  char  **tokens;
  gsize   pos;
} Input;

static void
input_clear (Input *input)
{
  g_clear_pointer (&input->tokens, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Input, input_clear)

static gboolean
input_read (Input   *input,
            GError **error)
{
  g_autoptr(GIOChannel) channel = g_io_channel_unix_new (fileno (stdin));
  g_autofree char *text = NULL;
  gsize length;
  char **all;
  gsize n = 0;

  if (g_io_channel_set_encoding (channel, NULL, error) != G_IO_STATUS_NORMAL ||
      g_io_channel_read_to_end (channel, &text, &length, error) != G_IO_STATUS_NORMAL)
    {
      g_prefix_error (error, "Could not read standard input: ");
      return FALSE;
    }

  /* Keep the non-empty pieces only. */
  all = g_strsplit_set (text, " \t\r\n\v\f", -1);
  for (gsize i = 0; all[i] != NULL; i++)
    {
      if (all[i][0] != '\0')
        all[n++] = all[i];
      else
        g_free (all[i]);
    }
  all[n] = NULL;

  input->tokens = all;
  input->pos = 0;
  return TRUE;
}

static gboolean
input_read_count (Input       *input,
                  const char  *what,
                  gsize       *count,
                  GError     **error)
{
  const char *token = input->tokens[input->pos];
  guint64 value;

  if (token == NULL)
    {
      g_set_error (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_INVALID,
                   "The input ends before the number of %s", what);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (token, 10, 0, G_MAXSIZE, &value, error))
    {
      g_prefix_error (error, "The number of %s: ", what);
      return FALSE;
    }

  input->pos++;
  *count = value;
  return TRUE;
}

/* Reads @count numbers, or all that are left if @count is G_MAXSIZE. */
static GArray *
input_read_values (Input       *input,
                   const char  *what,
                   gsize        count,
                   GError     **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gdouble));

  for (gsize i = 0; i < count; i++)
    {
      const char *token = input->tokens[input->pos];
      gdouble value;

      if (token == NULL)
        {
          if (count == G_MAXSIZE)
            break;

          g_set_error (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_INVALID,
                       "Expected %" G_GSIZE_FORMAT " %s but the input ends after %" G_GSIZE_FORMAT,
                       count, what, i);
          return NULL;
        }

      if (!parse_double (token, &value, error))
        {
          g_prefix_error (error, "%s: ", what);
          return NULL;
        }

      g_array_append_val (values, value);
      input->pos++;
    }

  return g_steal_pointer (&values);
}

static gfloat *
to_float (GArray *values)
{
  gfloat *out = g_new (gfloat, MAX (values->len, 1));

  for (guint i = 0; i < values->len; i++)
    out[i] = (gfloat) g_array_index (values, gdouble, i);

  return out;
}

/* }}} */

/* Evaluation {{{ */

typedef gdouble *(* TuningDoubleFunc) (SoftlifNeuronType  *self,
                                       const gdouble      *x,
                                       gsize               n_x,
                                       const gdouble      *gain,
                                       gsize               n_gain,
                                       const gdouble      *bias,
                                       gsize               n_bias,
                                       gsize              *n_out,
                                       GError            **error);

typedef gfloat *(* TuningFloatFunc) (SoftlifNeuronType  *self,
                                     const gfloat       *x,
                                     gsize               n_x,
                                     const gfloat       *gain,
                                     gsize               n_gain,
                                     const gfloat       *bias,
                                     gsize               n_bias,
                                     gsize              *n_out,
                                     GError            **error);

static const TuningDoubleFunc tuning_double[] = {
  [OP_CURRENT] = softlif_neuron_type_current,
  [OP_RATES] = softlif_neuron_type_rates,
  [OP_DERIVATIVE] = softlif_neuron_type_derivative,
};

static const TuningFloatFunc tuning_float[] = {
  [OP_CURRENT] = softlif_neuron_type_current_float,
  [OP_RATES] = softlif_neuron_type_rates_float,
  [OP_DERIVATIVE] = softlif_neuron_type_derivative_float,
};

typedef struct {
  GArray *x;
  GArray *gain;
  GArray *bias;
} TuningInput;

static void
tuning_input_clear (TuningInput *in)
{
  g_clear_pointer (&in->x, g_array_unref);
  g_clear_pointer (&in->gain, g_array_unref);
  g_clear_pointer (&in->bias, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TuningInput, tuning_input_clear)

static gboolean
tuning_input_read (TuningInput  *in,
                   Input        *input,
                   GError      **error)
{
  gsize n_x;
  gsize n_neurons;

  if (!input_read_count (input, "x values", &n_x, error) ||
      (in->x = input_read_values (input, "x values", n_x, error)) == NULL ||
      !input_read_count (input, "neurons", &n_neurons, error) ||
      (in->gain = input_read_values (input, "gains", n_neurons, error)) == NULL ||
      (in->bias = input_read_values (input, "biases", G_MAXSIZE, error)) == NULL)
    return FALSE;

  return TRUE;
}

static void
print_double (GString *out,
              gdouble  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", value));
  g_string_append_c (out, '\n');
}

static void
print_float (GString *out,
             gfloat   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.9g", value));
  g_string_append_c (out, '\n');
}

static gboolean
evaluate_double (SoftlifNeuronType  *neuron,
                 Operation           op,
                 Input              *input,
                 GString            *out,
                 GError            **error)
{
  g_autofree gdouble *result = NULL;
  gsize n_result = 0;

  if (op == OP_STEP)
    {
      g_autoptr(GArray) J = input_read_values (input, "currents", G_MAXSIZE, error);

      if (J == NULL)
        return FALSE;
      result = softlif_neuron_type_step (neuron, opt_dt, (gdouble *) J->data, J->len,
                                         &n_result, error);
    }
  else
    {
      g_auto(TuningInput) in = { NULL, };

      if (!tuning_input_read (&in, input, error))
        return FALSE;
      result = tuning_double[op] (neuron,
                                  (gdouble *) in.x->data, in.x->len,
                                  (gdouble *) in.gain->data, in.gain->len,
                                  (gdouble *) in.bias->data, in.bias->len,
                                  &n_result, error);
    }

  if (result == NULL)
    return FALSE;

  for (gsize i = 0; i < n_result; i++)
    print_double (out, result[i]);

  return TRUE;
}

static gboolean
evaluate_float (SoftlifNeuronType  *neuron,
                Operation           op,
                Input              *input,
                GString            *out,
                GError            **error)
{
  g_autofree gfloat *result = NULL;
  gsize n_result = 0;

  /* The numbers are read as doubles and rounded once to float: the test
   * writes float32 values exactly. */
  if (op == OP_STEP)
    {
      g_autoptr(GArray) values = input_read_values (input, "currents", G_MAXSIZE, error);
      g_autofree gfloat *J = NULL;

      if (values == NULL)
        return FALSE;
      J = to_float (values);
      result = softlif_neuron_type_step_float (neuron, opt_dt, J, values->len,
                                               &n_result, error);
    }
  else
    {
      g_auto(TuningInput) in = { NULL, };
      g_autofree gfloat *x = NULL;
      g_autofree gfloat *gain = NULL;
      g_autofree gfloat *bias = NULL;

      if (!tuning_input_read (&in, input, error))
        return FALSE;
      x = to_float (in.x);
      gain = to_float (in.gain);
      bias = to_float (in.bias);
      result = tuning_float[op] (neuron,
                                 x, in.x->len,
                                 gain, in.gain->len,
                                 bias, in.bias->len,
                                 &n_result, error);
    }

  if (result == NULL)
    return FALSE;

  for (gsize i = 0; i < n_result; i++)
    print_float (out, result[i]);

  return TRUE;
}

/* }}} */

static gboolean
run (int      *argc,
     char   ***argv,
     GError  **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SoftlifNeuronType) neuron = NULL;
  g_auto(Input) input = { NULL, };
  g_autoptr(GString) out = g_string_new (NULL);
  guint type;
  guint op;
  guint dtype;
  gboolean ok;

  context = g_option_context_new ("— evaluate a neuron type on numbers from stdin");
  g_option_context_set_summary (context,
    "For step, stdin holds the currents J. For current, rates and derivative\n"
    "it holds N_X, N_X values of x, N_NEURONS, N_NEURONS gains and then the\n"
    "biases. The results are printed one per line, row by row.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   "Unexpected argument “%s”; the numbers are read from stdin",
                   (*argv)[1]);
      return FALSE;
    }

  if (!lookup_choice ("--type", opt_type, type_names, &type, error) ||
      !lookup_choice ("--op", opt_op, op_names, &op, error) ||
      !lookup_choice ("--dtype", opt_dtype, dtype_names, &dtype, error))
    return FALSE;

  neuron = new_neuron (type, error);
  if (neuron == NULL || !input_read (&input, error))
    return FALSE;

  if (dtype == 0)
    ok = evaluate_double (neuron, op, &input, out, error);
  else
    ok = evaluate_float (neuron, op, &input, out, error);
  if (!ok)
    return FALSE;

  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO,
                   "Could not write the results to standard output");
      return FALSE;
    }

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_set_prgname ("softlif-eval");
  if (!run (&argc, &argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
