/* fuzz-cli.c: a libFuzzer target for the softlif tool's options and input
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The tool's source is compiled into this target with its main () renamed,
 * so that each input runs the tool's whole command-line and input parsing
 * in-process (and libFuzzer sees its coverage). An input is
 *
 *   arguments, one per line   NUL   standard input
 *
 * Standard output (into a temporary file) and standard error are captured. A finding is a crash,
 * a sanitizer report, an exit status other than 0, 1 or 2, or output that
 * breaks the promises below. Inputs that would print --help (which calls
 * exit ()) or ask for millions of points are skipped. */

int softlif_cli_main (int argc, char *argv[]);

#define main softlif_cli_main
#include "softlif.c"
#undef main

#include <stdint.h>

/* Checks of the output that defects of issue 13 (item 9) break today; set
 * them to 1 once those are fixed. */
#define FUZZ_CLI_CHECK_SVG_NUMBERS 0      /* no "nan" in an SVG of status 0 */
#define FUZZ_CLI_CHECK_STDERR_BOUNDED 0   /* a bad line quoted short and escaped */

#define MAX_ARGS 32

static GString *captured_stderr;

static void
capture_printerr (const char *text)
{
  g_string_append (captured_stderr, text);
}

/* The options' defaults, as the tool's initializers set them. */
static void
reset_options (void)
{
  g_clear_pointer (&opt_model, g_free);
  g_clear_pointer (&opt_format, g_free);
  g_clear_pointer (&opt_gain_bias, g_free);
  g_clear_pointer (&opt_max_rate_intercept, g_free);
  opt_sigma = 1.0;
  opt_tau_rc = 0.02;
  opt_tau_ref = 0.002;
  opt_amplitude = 1.0;
  opt_epsilon = 1e-15;
  opt_gain = 1.0;
  opt_bias = 0.0;
  opt_from = 0.0;
  opt_to = 3.0;
  opt_points = 301;
  have_range = FALSE;
  opt_derivative = FALSE;
  opt_version = FALSE;
}

/* --help (and -h, -?, grouped or not) exits; a run of six digits or more
 * that is not a fraction could be millions of points. */
static gboolean
argument_allowed (const char *arg)
{
  if (g_str_has_prefix (arg, "--"))
    {
      if (g_str_has_prefix (arg, "--help"))
        return FALSE;
    }
  else if (arg[0] == '-' && (strchr (arg, 'h') != NULL || strchr (arg, '?') != NULL))
    return FALSE;

  for (const char *p = arg; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) && (p == arg || !g_ascii_isdigit (p[-1])) && (p == arg || p[-1] != '.'))
      {
        const char *q = p;
        int digits = 0;

        while (*q == '0')
          q++;
        while (g_ascii_isdigit (*q))
          {
            q++;
            digits++;
          }
        if (digits >= 6)
          return FALSE;
      }
  return TRUE;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *nul = memchr (data, '\0', size);
  size_t args_len = nul != NULL ? (size_t) (nul - data) : size;
  g_autofree char *args_text = g_strndup ((const char *) data, args_len);
  g_auto(GStrv) args = g_strsplit (args_text, "\n", MAX_ARGS);
  g_autofree char *out_text = NULL;
  size_t out_size = 0;
  char *argv[MAX_ARGS + 2];
  int argc = 0;
  FILE *saved_in = stdin, *saved_out = stdout;
  GPrintFunc saved_printerr;
  int status;

  argv[argc++] = (char *) "softlif";
  for (int i = 0; args[i] != NULL && argc < MAX_ARGS + 1; i++)
    {
      if (args_len == 0)
        break;
      if (!argument_allowed (args[i]))
        return 0;
      argv[argc++] = args[i];
    }
  argv[argc] = NULL;

  stdin = nul != NULL && size - args_len > 1
          ? fmemopen ((void *) (nul + 1), size - args_len - 1, "r")
          : fopen ("/dev/null", "r");
  /* a real file: the tool gives standard output a buffer of its own */
  stdout = tmpfile ();
  if (stdin == NULL || stdout == NULL)
    abort ();
  captured_stderr = g_string_new (NULL);
  saved_printerr = g_set_printerr_handler (capture_printerr);

  {
    /* g_option_context_parse rearranges argv */
    char *copy[MAX_ARGS + 2];
    memcpy (copy, argv, sizeof copy);
    status = softlif_cli_main (argc, copy);
  }

  g_set_printerr_handler (saved_printerr);
  fclose (stdin);
  fflush (stdout);
  out_size = (size_t) MAX (ftell (stdout), 0);
  out_text = g_malloc0 (out_size + 1);
  rewind (stdout);
  out_size = fread (out_text, 1, out_size, stdout);
  fclose (stdout);
  stdin = saved_in;
  stdout = saved_out;
  reset_options ();

  if (status < 0 || status > 2)
    {
      fprintf (stderr, "fuzz-cli: exit status %d\n", status);
      abort ();
    }
  if (status != 0 && captured_stderr->len == 0)
    {
      fprintf (stderr, "fuzz-cli: status %d without a message\n", status);
      abort ();
    }
  if (FUZZ_CLI_CHECK_SVG_NUMBERS && status == 0 && out_text != NULL && strstr (out_text, "<svg") != NULL &&
      strstr (out_text, "nan") != NULL)
    {
      fprintf (stderr, "fuzz-cli: NaN in an SVG\n");
      abort ();
    }
  if (FUZZ_CLI_CHECK_STDERR_BOUNDED)
    {
      if (captured_stderr->len > 4096)
        {
          fprintf (stderr, "fuzz-cli: %zu bytes on stderr\n", captured_stderr->len);
          abort ();
        }
      for (gsize i = 0; i < captured_stderr->len; i++)
        if (captured_stderr->str[i] == '\033')
          {
            fprintf (stderr, "fuzz-cli: an escape sequence on stderr\n");
            abort ();
          }
    }
  g_string_free (captured_stderr, TRUE);
  return 0;
}
