/* softlif-parallel.c: splitting large arrays over threads
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdlib.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "softlif-private.h"
#include "softlif-tsan-private.h"

/* Below this many values per thread the cost of waking a thread is not
 * repaid. Measured on a 2-core machine with the soft LIF rate: split at
 * 4096 per thread, 8192 values took twice as long as on one thread; at
 * 32768 values two threads take 20% less time, at 65536 a third less. */
#define MIN_PER_THREAD 16384

/* 0 until first use, then the number of threads a call may use. */
static gint configured_threads = 0;
static GMutex pool_lock;
static GThreadPool *pool = NULL;
#ifdef G_OS_UNIX
static pid_t pool_pid;    /* a child of fork() has the pool but no threads */
#endif

/* Set in the pool's threads: a kernel that calls the library again (a
 * subclass written in C may) must not wait for the pool it occupies. */
static GPrivate in_worker;

/* One call's ranges. Each thread that takes part claims ranges one at a
 * time until none is left, so the caller never waits for a range that no
 * thread has started: when the pool cannot start a thread (a process or
 * memory limit), the caller computes the ranges itself. The pool's queue
 * may keep an item after the call returns (g_thread_pool_push() queues it
 * even when it fails to start a thread), hence the reference count: a
 * late worker finds no range left and only drops its reference. */
typedef struct {
  gint ref_count;             /* atomic */
  SoftlifRangeFunc func;
  gpointer data;
  gsize n;
  gsize chunk;
  gint n_ranges;
  gint next;                  /* atomic: the next range to claim */
  GMutex mutex;
  GCond cond;
  gint done;                  /* ranges finished, under mutex */
} Call;

static guint
default_max_threads (void)
{
  const char *env = g_getenv ("SOFTLIF_NUM_THREADS");

  if (env != NULL && *env != '\0')
    {
      guint64 n;

      static gsize reported = 0;

      if (g_ascii_string_to_unsigned (env, 10, 1, 1024, &n, NULL))
        return (guint) n;
      /* Once, and a message rather than a warning: an environment
       * variable must not abort a program run with fatal warnings. */
      if (g_once_init_enter (&reported))
        {
          g_message ("Ignoring SOFTLIF_NUM_THREADS=%s: not a number from 1 to 1024; "
                     "using the number of processors", env);
          g_once_init_leave (&reported, 1);
        }
    }
  return MAX (g_get_num_processors (), 1);
}

/**
 * softlif_get_max_threads:
 *
 * Gets the number of threads a call may use for a large array: the value
 * set with softlif_set_max_threads(), else the environment variable
 * `SOFTLIF_NUM_THREADS`, else the number of processors. Results do not
 * depend on it: every value is computed the same way whichever thread
 * computes it.
 *
 * |[<!-- language="C" -->
 * g_print ("up to %u threads\n", softlif_get_max_threads ());
 * ]|
 *
 * Returns: the maximum number of threads, at least 1
 *
 * Since: 1.0
 */
guint
softlif_get_max_threads (void)
{
  gint n = g_atomic_int_get (&configured_threads);

  if (n == 0)
    {
      g_atomic_int_compare_and_exchange (&configured_threads, 0, (gint) default_max_threads ());
      n = g_atomic_int_get (&configured_threads);
    }
  return (guint) n;
}

/**
 * softlif_set_max_threads:
 * @max_threads: the number of threads a call may use, from 1 (none but the
 *   caller's) to 1024, or 0 for the default
 *
 * Sets the number of threads that calls on large arrays may use, for the
 * whole process. See softlif_get_max_threads(). The child of a fork()
 * made after a call used threads computes in its calling thread only.
 *
 * |[<!-- language="C" -->
 * softlif_set_max_threads (1);   // compute in the calling thread only
 * softlif_set_max_threads (0);   // back to the default (SOFTLIF_NUM_THREADS or the CPUs)
 * ]|
 *
 * Since: 1.0
 */
void
softlif_set_max_threads (guint max_threads)
{
  g_return_if_fail (max_threads <= 1024);

  g_atomic_int_set (&configured_threads,
                    (gint) (max_threads == 0 ? default_max_threads () : max_threads));
}

static void
call_unref (Call *call)
{
  if (g_atomic_int_dec_and_test (&call->ref_count))
    {
      g_mutex_clear (&call->mutex);
      g_cond_clear (&call->cond);
      g_free (call);
    }
}

/* Claims and computes ranges of @call until none is left. */
static void
call_run_ranges (Call *call)
{
  gint r;
  gint done = 0;

  while ((r = g_atomic_int_add (&call->next, 1)) < call->n_ranges)
    {
      gsize lo = MIN (call->n, (gsize) r * call->chunk);
      gsize hi = MIN (call->n, (gsize) (r + 1) * call->chunk);

      call->func (call->data, lo, hi);
      done++;
    }
  if (done == 0)
    return;

  /* The caller sees the ranges finished through the mutex (signalled
   * while held): what this thread wrote happens before the call returns. */
  softlif_mutex_lock (&call->mutex);
  call->done += done;
  if (call->done == call->n_ranges)
    g_cond_signal (&call->cond);
  softlif_mutex_unlock (&call->mutex);
}

static void
run_task (gpointer task_data,
          gpointer pool_data)
{
  Call *call = task_data;

  /* the caller's writes to @call and to its data, before the push */
  SOFTLIF_TSAN_ACQUIRE (call);
  g_private_set (&in_worker, GINT_TO_POINTER (1));
  call_run_ranges (call);
  call_unref (call);
}

/* The workers beyond the calling thread, created on first use; NULL in
 * the child of a fork() after the pool was made, which runs serially. */
static GThreadPool *
get_pool (guint n_workers)
{
  GThreadPool *p;

  softlif_mutex_lock (&pool_lock);
  if (pool == NULL)
    {
      g_autoptr(GError) error = NULL;

      pool = g_thread_pool_new (run_task, NULL, (gint) n_workers, FALSE, &error);
      if (pool == NULL)
        {
          g_debug ("No thread pool, computing in the calling thread: %s", error->message);
          softlif_mutex_unlock (&pool_lock);
          return NULL;
        }
#ifdef G_OS_UNIX
      pool_pid = getpid ();
#endif
    }
#ifdef G_OS_UNIX
  if (pool_pid != getpid ())
    {
      softlif_mutex_unlock (&pool_lock);
      return NULL;
    }
#endif
  if ((guint) g_thread_pool_get_max_threads (pool) < n_workers)
    g_thread_pool_set_max_threads (pool, (gint) n_workers, NULL);
  p = pool;
  softlif_mutex_unlock (&pool_lock);

  return p;
}

/* Calls func on ranges that cover [0, n), in parallel when n is large.
 * The ranges are disjoint and each is done by one thread, so a function
 * that works element by element gives the same result for any split.
 * Whatever the pool can do, this returns once every range is done. */
void
softlif_parallel_for (gsize            n,
                      SoftlifRangeFunc func,
                      gpointer         data)
{
  guint n_threads = softlif_get_max_threads ();
  GThreadPool *workers;
  Call *call;

  n_threads = (guint) MIN ((gsize) n_threads, n / MIN_PER_THREAD);
  workers = n_threads > 1 && g_private_get (&in_worker) == NULL ? get_pool (n_threads - 1) : NULL;
  if (workers == NULL)
    {
      if (n > 0)
        func (data, 0, n);
      return;
    }

  call = g_new0 (Call, 1);
  call->ref_count = 1;
  call->func = func;
  call->data = data;
  call->n = n;
  call->chunk = (n + n_threads - 1) / n_threads;
  call->n_ranges = (gint) n_threads;
  g_mutex_init (&call->mutex);
  g_cond_init (&call->cond);

  for (guint t = 1; t < n_threads; t++)
    {
      g_autoptr(GError) error = NULL;

      g_atomic_int_inc (&call->ref_count);
      SOFTLIF_TSAN_RELEASE (call);
      if (!g_thread_pool_push (workers, call, &error))
        {
          /* The item is queued all the same, and holds its reference. */
          g_debug ("Computing in the calling thread: %s", error->message);
          break;
        }
    }

  /* The caller computes whatever no worker has claimed, then waits for
   * the ranges that workers are computing. */
  call_run_ranges (call);

  softlif_mutex_lock (&call->mutex);
  while (call->done < call->n_ranges)
    softlif_cond_wait (&call->cond, &call->mutex);
  softlif_mutex_unlock (&call->mutex);

  call_unref (call);
}
