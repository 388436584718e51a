/* parallel.c: large arrays are split over threads without changing a bit
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <softlif.h>
#ifdef G_OS_UNIX
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#define N 200003   /* large enough to be split, odd so ranges are uneven */

typedef enum {
  OP_STEP,
  OP_RATES,
  OP_DERIVATIVE
} Op;

/* Runs one operation over N values with the given thread count. */
static gdouble *
run_double (SoftlifNeuronType *neuron,
            Op                 op,
            guint              threads,
            gboolean           in_place)
{
  g_autoptr(GError) error = NULL;
  gdouble *x = g_new (gdouble, N);
  const gdouble gain[] = { 2.5 };
  const gdouble bias[] = { 0.75 };
  gdouble *out = in_place ? x : g_new (gdouble, N);
  gboolean ok = FALSE;

  for (gsize i = 0; i < N; i++)
    x[i] = -2.0 + 4.0 * (gdouble) i / N;

  softlif_set_max_threads (threads);
  switch (op)
    {
    case OP_STEP:
      ok = softlif_neuron_type_step_into (neuron, 0.001, x, N, out, N, &error);
      break;
    case OP_RATES:
      ok = softlif_neuron_type_rates_into (neuron, x, N, gain, 1, bias, 1, out, N, &error);
      break;
    case OP_DERIVATIVE:
      ok = softlif_neuron_type_derivative_into (neuron, x, N, gain, 1, bias, 1, out, N, &error);
      break;
    }
  g_assert_no_error (error);
  g_assert_true (ok);

  if (!in_place)
    g_free (x);
  return out;
}

static gfloat *
run_float (SoftlifNeuronType *neuron,
           Op                 op,
           guint              threads)
{
  g_autoptr(GError) error = NULL;
  g_autofree gfloat *x = g_new (gfloat, N);
  const gfloat gain[] = { 2.5f, -1.0f, 3.0f };
  const gfloat bias[] = { 0.75f, 1.5f, 0.0f };
  gfloat *out = g_new (gfloat, 3 * N);
  gboolean ok = FALSE;

  for (gsize i = 0; i < N; i++)
    x[i] = (gfloat) (-2.0 + 4.0 * (gdouble) i / N);

  softlif_set_max_threads (threads);
  switch (op)
    {
    case OP_STEP:
      ok = softlif_neuron_type_step_float_into (neuron, 0.001, x, N, out, N, &error);
      memset (out + N, 0, 2 * N * sizeof (gfloat));
      break;
    case OP_RATES:
      ok = softlif_neuron_type_rates_float_into (neuron, x, N, gain, 3, bias, 3, out, 3 * N, &error);
      break;
    case OP_DERIVATIVE:
      ok = softlif_neuron_type_derivative_float_into (neuron, x, N, gain, 3, bias, 3, out, 3 * N, &error);
      break;
    }
  g_assert_no_error (error);
  g_assert_true (ok);
  return out;
}

static void
check_identical (SoftlifNeuronType *neuron)
{
  for (Op op = OP_STEP; op <= OP_DERIVATIVE; op++)
    for (int in_place = 0; in_place < 2; in_place++)
      {
        g_autofree gdouble *one = run_double (neuron, op, 1, in_place);
        g_autofree gfloat *one_f = run_float (neuron, op, 1);

        for (guint threads = 2; threads <= 5; threads++)
          {
            g_autofree gdouble *many = run_double (neuron, op, threads, in_place);
            g_autofree gfloat *many_f = run_float (neuron, op, threads);

            g_assert_cmpmem (one, N * sizeof (gdouble), many, N * sizeof (gdouble));
            g_assert_cmpmem (one_f, 3 * N * sizeof (gfloat), many_f, 3 * N * sizeof (gfloat));
          }
      }
  softlif_set_max_threads (0);
}

static void
test_soft_identical (void)
{
  g_autoptr(SoftlifSoftLifRate) neuron =
    softlif_soft_lif_rate_new_full (0.02, 0.022, 0.002, 0.063, 0.0, NULL);

  check_identical (SOFTLIF_NEURON_TYPE (neuron));
}

static void
test_lif_identical (void)
{
  g_autoptr(SoftlifLifRate) neuron = softlif_lif_rate_new ();

  check_identical (SOFTLIF_NEURON_TYPE (neuron));
}

static void
test_max_threads (void)
{
  softlif_set_max_threads (3);
  g_assert_cmpuint (softlif_get_max_threads (), ==, 3);
  softlif_set_max_threads (1);
  g_assert_cmpuint (softlif_get_max_threads (), ==, 1);
  softlif_set_max_threads (0);
  if (g_getenv ("SOFTLIF_NUM_THREADS") == NULL)
    g_assert_cmpuint (softlif_get_max_threads (), ==, MAX (g_get_num_processors (), 1));
}

/* The environment sets the default, read at first use. */
static void
test_environment (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("SOFTLIF_NUM_THREADS", "7", TRUE);
      g_assert_cmpuint (softlif_get_max_threads (), ==, 7);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* An invalid value is reported once, never as a warning (fatal under
 * G_DEBUG=fatal-warnings), and the default is used. */
static void
test_environment_invalid (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpstr (g_getenv ("SOFTLIF_NUM_THREADS"), ==, "many");
      g_assert_cmpuint (softlif_get_max_threads (), ==, MAX (g_get_num_processors (), 1));
      softlif_set_max_threads (0);
      g_assert_cmpuint (softlif_get_max_threads (), ==, MAX (g_get_num_processors (), 1));
      return;
    }

  g_setenv ("SOFTLIF_NUM_THREADS", "many", TRUE);
  g_setenv ("G_DEBUG", "fatal-warnings", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("SOFTLIF_NUM_THREADS");
  g_unsetenv ("G_DEBUG");
  g_test_trap_assert_passed ();
  /* once, though read twice */
  g_test_trap_assert_stderr ("*Ignoring SOFTLIF_NUM_THREADS=many*");
  g_test_trap_assert_stderr_unmatched ("*Ignoring SOFTLIF_NUM_THREADS=many*Ignoring SOFTLIF_NUM_THREADS*");
}

/* An unknown kernel set is reported, not ignored silently, nor fatal,
 * and the library computes with its own pick. */
static void
test_environment_kernels_unknown (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(SoftlifLifRate) neuron = softlif_lif_rate_new ();
      const gdouble J[] = { 2.0 };
      gdouble rate = 0.0;

      g_assert_true (softlif_neuron_type_step_into (SOFTLIF_NEURON_TYPE (neuron), 0.001, J, 1, &rate, 1, NULL));
      /* 1 / (0.002 + 0.02 ln 2) */
      g_assert_cmpfloat (fabs (rate - 63.04000219064139), <, 1e-12);
      return;
    }

  g_setenv ("SOFTLIF_KERNELS", "mmx", TRUE);
  g_setenv ("G_DEBUG", "fatal-warnings", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("SOFTLIF_KERNELS");
  g_unsetenv ("G_DEBUG");
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Ignoring SOFTLIF_KERNELS=mmx*using *");
}

/* A neuron type written in C whose kernel calls the library again, as a
 * subclass may: the inner call runs on a pool thread and must not wait
 * for the pool it occupies. */
#define TEST_TYPE_WRAP (test_wrap_get_type ())
G_DECLARE_FINAL_TYPE (TestWrap, test_wrap, TEST, WRAP, SoftlifNeuronType)

struct _TestWrap
{
  SoftlifNeuronType parent_instance;
  SoftlifNeuronType *inner;
};

G_DEFINE_FINAL_TYPE (TestWrap, test_wrap, SOFTLIF_TYPE_NEURON_TYPE)

static void
test_wrap_compute_rates (SoftlifNeuronType *neuron,
                         const gdouble     *J,
                         gdouble           *out,
                         gsize              n)
{
  g_assert_true (softlif_neuron_type_step_into (TEST_WRAP (neuron)->inner, 0.001, J, n, out, n, NULL));
}

static void
test_wrap_finalize (GObject *object)
{
  g_clear_object (&TEST_WRAP (object)->inner);
  G_OBJECT_CLASS (test_wrap_parent_class)->finalize (object);
}

static void
test_wrap_class_init (TestWrapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_wrap_finalize;
  SOFTLIF_NEURON_TYPE_CLASS (klass)->compute_rates = test_wrap_compute_rates;
}

static void
test_wrap_init (TestWrap *self)
{
  self->inner = SOFTLIF_NEURON_TYPE (softlif_soft_lif_rate_new ());
}

static void
test_nested_call (void)
{
  g_autoptr(TestWrap) wrap = g_object_new (TEST_TYPE_WRAP, NULL);
  g_autofree gdouble *direct = run_double (wrap->inner, OP_STEP, 1, FALSE);
  g_autofree gdouble *nested = NULL;

  /* Without the guard this waits forever. */
  nested = run_double (SOFTLIF_NEURON_TYPE (wrap), OP_STEP, 4, FALSE);
  g_assert_cmpmem (direct, N * sizeof (gdouble), nested, N * sizeof (gdouble));
  softlif_set_max_threads (0);
}

/* The child of a fork() inherits the pool but none of its threads. */
static void
test_fork (void)
{
#ifdef G_OS_UNIX
  g_autoptr(SoftlifSoftLifRate) neuron = softlif_soft_lif_rate_new ();
  g_autofree gdouble *parent = run_double (SOFTLIF_NEURON_TYPE (neuron), OP_RATES, 2, FALSE);
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      gdouble *child;

      alarm (60);
      child = run_double (SOFTLIF_NEURON_TYPE (neuron), OP_RATES, 2, FALSE);
      _exit (memcmp (parent, child, N * sizeof (gdouble)) == 0 ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  softlif_set_max_threads (0);
#else
  g_test_skip ("no fork() here");
#endif
}

#ifdef G_OS_UNIX
/* The bytes of address space this process has mapped. */
static gsize
mapped_bytes (void)
{
  g_autofree char *statm = NULL;
  guint64 pages = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%" G_GUINT64_FORMAT, &pages), ==, 1);
  return (gsize) pages * (gsize) sysconf (_SC_PAGESIZE);
}
#endif

/* When no thread can be started (here: too little address space left
 * for a thread's stack, as under `ulimit -v`), a call on 1e6 values
 * with several threads computes them all in the calling thread instead
 * of waiting for threads that never come. */
static void
test_no_thread (void)
{
#if defined(G_OS_UNIX) && defined(RLIMIT_AS)
  if (!g_file_test ("/proc/self/statm", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc/self/statm");
      return;
    }
  if (g_test_subprocess ())
    {
      const gsize n = 1000000;
      const gdouble tau_rc = 0.02, tau_ref = 0.002;
      const gdouble gain[] = { 1.0 }, bias[] = { 0.0 };
      g_autoptr(SoftlifLifRate) neuron = softlif_lif_rate_new_full (tau_rc, tau_ref, 1.0, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree gdouble *x = g_new (gdouble, n);
      g_autofree gdouble *out = g_new0 (gdouble, n);
      struct rlimit limit;

      for (gsize i = 0; i < n; i++)
        x[i] = 0.5 + 4.0 * (gdouble) i / (gdouble) n;

      /* a few MiB to spare: less than one thread's stack */
      g_assert_cmpint (getrlimit (RLIMIT_AS, &limit), ==, 0);
      limit.rlim_cur = mapped_bytes () + 4 * 1024 * 1024;
      g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);

      softlif_set_max_threads (4);
      g_assert_true (softlif_neuron_type_rates_into (SOFTLIF_NEURON_TYPE (neuron), x, n, gain, 1, bias, 1,
                                                     out, n, &error));
      g_assert_no_error (error);

      /* the LIF rate in long double */
      for (gsize i = 0; i < n; i++)
        {
          long double J = x[i];
          long double rate = J > 1.0L ? 1.0L / (tau_ref + tau_rc * log1pl (1.0L / (J - 1.0L))) : 0.0L;

          if (rate == 0.0L)
            g_assert_cmpfloat (out[i], ==, 0.0);
          else
            g_assert_cmpfloat (fabsl ((out[i] - rate) / rate), <, 1e-14);
        }
      g_test_message ("%" G_GSIZE_FORMAT " values computed with at most %" G_GSIZE_FORMAT
                      " bytes of address space", n, (gsize) limit.rlim_cur);
      return;
    }

  /* Without the fallback the call waits forever: the timeout fails it. */
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
#else
  g_test_skip ("no RLIMIT_AS here");
#endif
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parallel/max-threads", test_max_threads);
  g_test_add_func ("/parallel/environment", test_environment);
  g_test_add_func ("/parallel/environment-invalid", test_environment_invalid);
  g_test_add_func ("/parallel/environment-kernels-unknown", test_environment_kernels_unknown);
  g_test_add_func ("/parallel/soft-lif-rate/bit-identical", test_soft_identical);
  g_test_add_func ("/parallel/lif-rate/bit-identical", test_lif_identical);
  g_test_add_func ("/parallel/nested-call", test_nested_call);
  g_test_add_func ("/parallel/fork", test_fork);
  g_test_add_func ("/parallel/no-thread", test_no_thread);

  return g_test_run ();
}
