/* softlif-bench: how fast libsoftlif is, against numpy in the same run
 *
 * For n = 1e3 ... 1e7 values in double and single precision it times
 * step, rates and derivative of the soft LIF neuron (nengo_extras'
 * default parameters) and prints the median ns per value of:
 *
 *   lib 1T   the library with one thread
 *   lib NT   the library with all threads (softlif_get_max_threads ())
 *   libm     a plain loop of the formula with the C library's exp and log1p
 *   numpy    numpy running the original algorithm (bench-numpy.py, run by
 *            this program with the Python given in $PYTHON3)
 *
 * and the ratios numpy / lib. The inputs are x spread over [-1, 1], one
 * neuron of gain 3 and bias 0.5 (J = 3 x + 0.5).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <softlif.h>

#define SIGMA     1.0
#define TAU_RC    0.02
#define TAU_REF   0.002
#define AMPLITUDE 1.0
#define EPSILON   1e-15

typedef enum { OP_STEP, OP_RATES, OP_DERIVATIVE, N_OPS } Op;
static const char *op_names[] = { "step", "rates", "derivative" };

static int runs = 15;

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median over the runs of the time of one call, in ns; small calls
 * are repeated so that each run lasts long enough to be measured. */
#define TIME_MEDIAN(result, n, call)                                          \
  G_STMT_START {                                                              \
    double t_[64];                                                            \
    int inner_ = (int) MAX (1, 200000 / (n));                                 \
    for (int r_ = 0; r_ < runs; r_++)                                         \
      {                                                                       \
        gint64 t0_ = g_get_monotonic_time ();                                 \
        for (int i_ = 0; i_ < inner_; i_++)                                   \
          { call; }                                                           \
        t_[r_] = (g_get_monotonic_time () - t0_) * 1000.0 / inner_;           \
      }                                                                       \
    qsort (t_, runs, sizeof (double), compare_double);                        \
    (result) = t_[runs / 2];                                                  \
  } G_STMT_END

/* The formula as anyone would write it, with the C library's functions. */
static void
libm_double (Op op, const double *x, double *out, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      double J = 3.0 * x[i] + 0.5;
      double y = (J - 1.0) / SIGMA;
      double j = SIGMA * log1p (exp (y)) + EPSILON;
      double D = TAU_REF + TAU_RC * log1p (1.0 / j);

      if (op == OP_DERIVATIVE)
        out[i] = 3.0 * AMPLITUDE * TAU_RC / (D * D * j * (1.0 + j) * (1.0 + exp (-y)));
      else
        out[i] = AMPLITUDE / D;
    }
}

static void
libm_float (Op op, const float *x, float *out, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      float J = 3.0f * x[i] + 0.5f;
      float y = (J - 1.0f) / (float) SIGMA;
      float j = (float) SIGMA * log1pf (expf (y)) + (float) EPSILON;
      float D = (float) TAU_REF + (float) TAU_RC * log1pf (1.0f / j);

      if (op == OP_DERIVATIVE)
        out[i] = 3.0f * (float) (AMPLITUDE * TAU_RC) / (D * D * j * (1.0f + j) * (1.0f + expf (-y)));
      else
        out[i] = (float) AMPLITUDE / D;
    }
}

static double
time_library (SoftlifNeuronType *neuron, Op op, gboolean single, gsize n,
              gconstpointer x, gconstpointer J, gpointer out)
{
  static const double gain[] = { 3.0 }, bias[] = { 0.5 };
  static const float gain_f[] = { 3.0f }, bias_f[] = { 0.5f };
  double ns = 0.0;

  switch (op)
    {
    case OP_STEP:
      if (single)
        TIME_MEDIAN (ns, n, softlif_neuron_type_step_float_into (neuron, 0.001, J, n, out, n, NULL));
      else
        TIME_MEDIAN (ns, n, softlif_neuron_type_step_into (neuron, 0.001, J, n, out, n, NULL));
      break;
    case OP_RATES:
      if (single)
        TIME_MEDIAN (ns, n, softlif_neuron_type_rates_float_into (neuron, x, n, gain_f, 1, bias_f, 1, out, n, NULL));
      else
        TIME_MEDIAN (ns, n, softlif_neuron_type_rates_into (neuron, x, n, gain, 1, bias, 1, out, n, NULL));
      break;
    case OP_DERIVATIVE:
    default:
      if (single)
        TIME_MEDIAN (ns, n, softlif_neuron_type_derivative_float_into (neuron, x, n, gain_f, 1, bias_f, 1, out, n, NULL));
      else
        TIME_MEDIAN (ns, n, softlif_neuron_type_derivative_into (neuron, x, n, gain, 1, bias, 1, out, n, NULL));
      break;
    }
  return ns / n;
}

/* Asks bench-numpy.py for all the numbers at once. */
static GHashTable *
time_numpy (const char *script, const gsize *sizes, int n_sizes)
{
  const char *python = g_getenv ("PYTHON3");
  g_autoptr(GString) requests = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *stdin_path = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int status = 0;
  int fd;

  for (int s = 0; s < n_sizes; s++)
    for (int single = 0; single < 2; single++)
      for (Op op = 0; op < N_OPS; op++)
        g_string_append_printf (requests, "%s %s %" G_GSIZE_FORMAT " %d\n", op_names[op],
                                single ? "float32" : "float64", sizes[s], runs);

  fd = g_file_open_tmp ("softlif-bench-XXXXXX", &stdin_path, &error);
  if (fd < 0 || !g_file_set_contents (stdin_path, requests->str, -1, &error))
    {
      g_printerr ("softlif-bench: %s\n", error->message);
      return table;
    }
  close (fd);

  {
    g_autofree char *cmd = g_strdup_printf ("sh -c '\"$0\" \"$1\" < \"$2\"' %s %s %s",
                                            python != NULL ? python : "/usr/bin/python3",
                                            script, stdin_path);
    if (!g_spawn_command_line_sync (cmd, &out, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      g_printerr ("softlif-bench: numpy not measured: %s\n", error->message);
  }
  g_unlink (stdin_path);

  lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  for (int i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", 4);
      double *ns;

      if (g_strv_length (f) != 4)
        continue;
      ns = g_new (double, 1);
      *ns = g_ascii_strtod (f[3], NULL);
      g_hash_table_insert (table, g_strdup_printf ("%s %s %s", f[0], f[1], f[2]), ns);
    }
  return table;
}

int
main (int argc, char *argv[])
{
  static const gsize all_sizes[] = { 1000, 10000, 100000, 1000000, 10000000 };
  gsize max_n = 10000000;
  int n_sizes = G_N_ELEMENTS (all_sizes);
  g_autoptr(SoftlifSoftLifRate) soft = softlif_soft_lif_rate_new ();
  SoftlifNeuronType *neuron = SOFTLIF_NEURON_TYPE (soft);
  g_autoptr(GHashTable) numpy = NULL;
  g_autofree char *script = NULL;
  g_autofree double *x = NULL, *J = NULL, *out = NULL;
  g_autofree float *x_f = NULL, *J_f = NULL, *out_f = NULL;
  guint threads = softlif_get_max_threads ();
  const char *quick = g_getenv ("SOFTLIF_BENCH_QUICK");

  /* SOFTLIF_BENCH_QUICK=1 stops at 1e6, for a faster look. */
  if (quick != NULL && *quick == '1')
    {
      n_sizes--;
      max_n = all_sizes[n_sizes - 1];
    }

  if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
    {
      gboolean help = argc == 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"));

      fprintf (help ? stdout : stderr,
               "usage: softlif-bench [DIR]\n"
               "Times the library against numpy; DIR holds bench-numpy.py (default: .).\n"
               "Environment: PYTHON3 (default /usr/bin/python3), SOFTLIF_BENCH_QUICK=1\n"
               "(stop at n = 1e6), SOFTLIF_KERNELS, SOFTLIF_NUM_THREADS.\n");
      return help ? 0 : 2;
    }
  script = g_build_filename (argc > 1 ? argv[1] : ".", "bench-numpy.py", NULL);
  x = g_new (double, max_n);
  J = g_new (double, max_n);
  out = g_new (double, max_n);
  x_f = g_new (float, max_n);
  J_f = g_new (float, max_n);
  out_f = g_new (float, max_n);

  g_print ("softlif-bench: soft LIF (sigma 1, tau_rc 0.02, tau_ref 0.002, amplitude 1, "
           "epsilon 1e-15), J = 3 x + 0.5, x in [-1, 1]\n");
  g_print ("ns per value, median of %d runs; all threads = %u; ratios are numpy / libsoftlif\n\n",
           runs, threads);
  numpy = time_numpy (script, all_sizes, n_sizes);

  g_print ("%-7s %-10s %9s %9s %9s %9s %9s %9s %9s\n", "dtype", "op", "n",
           "lib 1T", "lib NT", "libm", "numpy", "np/1T", "np/NT");
  for (int single = 0; single < 2; single++)
    for (Op op = 0; op < N_OPS; op++)
      for (int s = 0; s < n_sizes; s++)
        {
          gsize n = all_sizes[s];
          double one, all, plain = 0.0, *np_ns;
          g_autofree char *key = g_strdup_printf ("%s %s %" G_GSIZE_FORMAT, op_names[op],
                                                  single ? "float32" : "float64", n);

          for (gsize i = 0; i < n; i++)
            {
              x[i] = -1.0 + 2.0 * (double) i / (double) n;
              J[i] = 3.0 * x[i] + 0.5;
              x_f[i] = (float) x[i];
              J_f[i] = 3.0f * x_f[i] + 0.5f;
            }

          softlif_set_max_threads (1);
          one = time_library (neuron, op, single, n, single ? (gpointer) x_f : (gpointer) x,
                              single ? (gpointer) J_f : (gpointer) J,
                              single ? (gpointer) out_f : (gpointer) out);
          softlif_set_max_threads (threads);
          all = time_library (neuron, op, single, n, single ? (gpointer) x_f : (gpointer) x,
                              single ? (gpointer) J_f : (gpointer) J,
                              single ? (gpointer) out_f : (gpointer) out);
          if (single)
            TIME_MEDIAN (plain, n, libm_float (op, x_f, out_f, n));
          else
            TIME_MEDIAN (plain, n, libm_double (op, x, out, n));
          plain /= n;

          np_ns = g_hash_table_lookup (numpy, key);
          if (np_ns != NULL)
            g_print ("%-7s %-10s %9" G_GSIZE_FORMAT " %9.2f %9.2f %9.2f %9.2f %8.2fx %8.2fx\n",
                     single ? "float32" : "float64", op_names[op], n, one, all, plain,
                     *np_ns, *np_ns / one, *np_ns / all);
          else
            g_print ("%-7s %-10s %9" G_GSIZE_FORMAT " %9.2f %9.2f %9.2f %9s\n",
                     single ? "float32" : "float64", op_names[op], n, one, all, plain, "-");
        }

  /* What a call costs beyond its values. */
  {
    double one_value;
    double x1[1] = { 0.5 }, out1[1];

    softlif_set_max_threads (1);
    TIME_MEDIAN (one_value, 1, softlif_neuron_type_step_into (neuron, 0.001, x1, 1, out1, 1, NULL));
    g_print ("\nper-call cost of step_into on 1 value: %.0f ns\n", one_value);
  }

  return 0;
}
