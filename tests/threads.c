/* threads.c: calls on one neuron from several threads while another changes its parameters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* The contract of SoftlifNeuronType: a parameter change during a call
 * gives that call all the old or all the new parameters. Compute threads
 * call the tuning operations on one neuron while a setter thread walks
 * its parameters around a cycle of states (one property at a time) and
 * changes the library's thread count; every result must equal, bit for
 * bit, the result of one state, computed beforehand on a neuron of its
 * own. */

#include <string.h>
#include <softlif.h>

#define N_X       40000   /* samples: with 2 neurons, 80000 values a call */
#define N_COMPUTE 3       /* compute threads */
#define N_STATES  4

typedef enum {
  OP_RATES,
  OP_DERIVATIVE,
  OP_RATES_ONE,           /* one neuron: the one-pass affine path */
  N_OPS
} Op;

/* The cycle: (sigma, tau_rc) A -> (B, A) -> B -> (A, B) -> A ... */
static const gdouble sigmas[N_STATES] = { 0.02, 0.5, 0.5, 0.02 };
static const gdouble tau_rcs[N_STATES] = { 0.02, 0.02, 0.05, 0.05 };

static gdouble x[N_X];
static const gdouble gain[2] = { 2.5, -1.5 }, bias[2] = { 0.75, 1.25 };
static gdouble *expected[N_OPS][N_STATES];

typedef struct {
  SoftlifNeuronType *neuron;
  gint stop;                  /* atomic */
  guint64 calls;
  guint64 values;
  guint64 mixed;
  guint64 per_state[N_STATES];
} Worker;

static gsize
op_length (Op op)
{
  return op == OP_RATES_ONE ? N_X : 2 * N_X;
}

static void
compute (SoftlifNeuronType *neuron,
         Op                 op,
         gdouble           *out)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (op)
    {
    case OP_RATES:
      ok = softlif_neuron_type_rates_into (neuron, x, N_X, gain, 2, bias, 2, out, 2 * N_X, &error);
      break;
    case OP_DERIVATIVE:
      ok = softlif_neuron_type_derivative_into (neuron, x, N_X, gain, 2, bias, 2, out, 2 * N_X, &error);
      break;
    case OP_RATES_ONE:
      ok = softlif_neuron_type_rates_into (neuron, x, N_X, gain, 1, bias, 1, out, N_X, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
  g_assert_true (ok);
}

static gpointer
compute_thread (gpointer data)
{
  Worker *w = data;
  g_autofree gdouble *out = g_new (gdouble, 2 * N_X);

  for (guint i = 0; !g_atomic_int_get (&w->stop); i++)
    {
      Op op = i % N_OPS;
      gsize n = op_length (op);
      int s;

      compute (w->neuron, op, out);
      for (s = 0; s < N_STATES; s++)
        if (memcmp (out, expected[op][s], n * sizeof (gdouble)) == 0)
          break;
      if (s == N_STATES)
        w->mixed++;
      else
        w->per_state[s]++;
      w->calls++;
      w->values += n;
    }
  return NULL;
}

static void
run (SoftlifNeuronType *neuron,
     void             (*set_state) (SoftlifNeuronType *, int),
     void             (*set_all) (SoftlifNeuronType *, int))
{
  Worker workers[N_COMPUTE] = { { 0 } };
  GThread *threads[N_COMPUTE];
  gdouble seconds = g_test_slow () ? 20.0 : 2.0;
  guint64 flips = 0, calls = 0, values = 0, mixed = 0, per_state[N_STATES] = { 0 };
  g_autoptr(GTimer) timer = NULL;

  for (gsize i = 0; i < N_X; i++)
    x[i] = -2.0 + 4.0 * (gdouble) i / N_X;

  /* the result of each state, on a neuron of its own, in one thread */
  softlif_set_max_threads (1);
  for (int s = 0; s < N_STATES; s++)
    {
      g_autoptr(SoftlifNeuronType) ref = g_object_new (G_OBJECT_TYPE (neuron), NULL);

      set_all (ref, s);
      for (Op op = 0; op < N_OPS; op++)
        {
          expected[op][s] = g_new (gdouble, op_length (op));
          compute (ref, op, expected[op][s]);
        }
    }
  /* the states differ everywhere that matters */
  for (int s = 1; s < N_STATES; s++)
    g_assert_true (memcmp (expected[OP_RATES][0], expected[OP_RATES][s], 2 * N_X * sizeof (gdouble)) != 0);

  set_all (neuron, 0);
  for (int t = 0; t < N_COMPUTE; t++)
    {
      workers[t].neuron = neuron;
      threads[t] = g_thread_new ("compute", compute_thread, &workers[t]);
    }

  timer = g_timer_new ();
  while (g_timer_elapsed (timer, NULL) < seconds)
    {
      set_state (neuron, (int) ((flips + 1) % N_STATES));
      softlif_set_max_threads (1 + (guint) (flips % 4));
      flips++;
      g_thread_yield ();
    }

  for (int t = 0; t < N_COMPUTE; t++)
    g_atomic_int_set (&workers[t].stop, 1);
  for (int t = 0; t < N_COMPUTE; t++)
    {
      g_thread_join (threads[t]);
      calls += workers[t].calls;
      values += workers[t].values;
      mixed += workers[t].mixed;
      for (int s = 0; s < N_STATES; s++)
        per_state[s] += workers[t].per_state[s];
    }
  softlif_set_max_threads (0);

  g_test_message ("%s: %d compute threads and 1 setter, %" G_GUINT64_FORMAT " parameter changes, "
                  "%" G_GUINT64_FORMAT " calls, %" G_GUINT64_FORMAT " values checked, "
                  "results per state %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
                  ", %" G_GUINT64_FORMAT " mixed",
                  G_OBJECT_TYPE_NAME (neuron), N_COMPUTE, flips, calls, values,
                  per_state[0], per_state[1], per_state[2], per_state[3], mixed);

  for (Op op = 0; op < N_OPS; op++)
    for (int s = 0; s < N_STATES; s++)
      g_clear_pointer (&expected[op][s], g_free);

  g_assert_cmpuint (mixed, ==, 0);
  g_assert_cmpuint (calls, >, 0);
}

/* The soft LIF: sigma and tau_rc; states differ by one property from the
 * one before. */
static void
soft_set_state (SoftlifNeuronType *neuron,
                int                s)
{
  softlif_soft_lif_rate_set_sigma (SOFTLIF_SOFT_LIF_RATE (neuron), sigmas[s]);
  softlif_lif_rate_set_tau_rc (SOFTLIF_LIF_RATE (neuron), tau_rcs[s]);
}

static void
test_soft_lif_rate (void)
{
  g_autoptr(SoftlifSoftLifRate) neuron = softlif_soft_lif_rate_new ();

  run (SOFTLIF_NEURON_TYPE (neuron), soft_set_state, soft_set_state);
}

/* The LIF: tau_rc and amplitude, through g_object_set() one at a time. */
static void
lif_set_state (SoftlifNeuronType *neuron,
               int                s)
{
  g_object_set (neuron, "amplitude", 1.0 + sigmas[s], NULL);
  g_object_set (neuron, "tau-rc", tau_rcs[s], NULL);
}

static void
test_lif_rate (void)
{
  g_autoptr(SoftlifLifRate) neuron = softlif_lif_rate_new ();

  run (SOFTLIF_NEURON_TYPE (neuron), lif_set_state, lif_set_state);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/threads/soft-lif-rate/parameters-change-during-calls", test_soft_lif_rate);
  g_test_add_func ("/threads/lif-rate/parameters-change-during-calls", test_lif_rate);

  return g_test_run ();
}
