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

typedef struct {
  GMutex mutex;
  GCond cond;
  guint pending;
} Latch;

typedef struct {
  SoftlifRangeFunc func;
  gpointer data;
  gsize lo;
  gsize hi;
  Latch *latch;
} Task;

static guint
default_max_threads (void)
{
  const char *env = g_getenv ("SOFTLIF_NUM_THREADS");

  if (env != NULL && *env != '\0')
    {
      guint64 n;

      if (g_ascii_string_to_unsigned (env, 10, 1, 1024, &n, NULL))
        return (guint) n;
      g_warning ("Ignoring SOFTLIF_NUM_THREADS=%s: not a number from 1 to 1024", env);
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
run_task (gpointer task_data,
          gpointer pool_data)
{
  Task *task = task_data;
  Latch *latch = task->latch;

  g_private_set (&in_worker, GINT_TO_POINTER (1));
  task->func (task->data, task->lo, task->hi);

  g_mutex_lock (&latch->mutex);
  if (--latch->pending == 0)
    g_cond_signal (&latch->cond);
  g_mutex_unlock (&latch->mutex);
}

/* The workers beyond the calling thread, created on first use; NULL in
 * the child of a fork() after the pool was made, which runs serially. */
static GThreadPool *
get_pool (guint n_workers)
{
  GThreadPool *p;

  g_mutex_lock (&pool_lock);
  if (pool == NULL)
    {
      pool = g_thread_pool_new (run_task, NULL, (gint) n_workers, FALSE, NULL);
#ifdef G_OS_UNIX
      pool_pid = getpid ();
#endif
    }
#ifdef G_OS_UNIX
  if (pool_pid != getpid ())
    {
      g_mutex_unlock (&pool_lock);
      return NULL;
    }
#endif
  if ((guint) g_thread_pool_get_max_threads (pool) < n_workers)
    g_thread_pool_set_max_threads (pool, (gint) n_workers, NULL);
  p = pool;
  g_mutex_unlock (&pool_lock);

  return p;
}

/* Calls func on ranges that cover [0, n), in parallel when n is large.
 * The ranges are disjoint and each is done by one thread, so a function
 * that works element by element gives the same result for any split. */
void
softlif_parallel_for (gsize            n,
                      SoftlifRangeFunc func,
                      gpointer         data)
{
  guint n_threads = softlif_get_max_threads ();
  gsize chunk;
  g_autofree Task *tasks = NULL;
  GThreadPool *workers;
  Latch latch;

  n_threads = (guint) MIN ((gsize) n_threads, n / MIN_PER_THREAD);
  workers = n_threads > 1 && g_private_get (&in_worker) == NULL ? get_pool (n_threads - 1) : NULL;
  if (workers == NULL)
    {
      if (n > 0)
        func (data, 0, n);
      return;
    }

  chunk = (n + n_threads - 1) / n_threads;
  tasks = g_new (Task, n_threads);

  g_mutex_init (&latch.mutex);
  g_cond_init (&latch.cond);
  latch.pending = n_threads - 1;

  for (guint t = 0; t < n_threads; t++)
    {
      tasks[t].func = func;
      tasks[t].data = data;
      tasks[t].lo = MIN (n, t * chunk);
      tasks[t].hi = MIN (n, (t + 1) * chunk);
      tasks[t].latch = &latch;
    }
  for (guint t = 1; t < n_threads; t++)
    g_thread_pool_push (workers, &tasks[t], NULL);

  /* The caller does the first range itself. */
  func (data, tasks[0].lo, tasks[0].hi);

  g_mutex_lock (&latch.mutex);
  while (latch.pending > 0)
    g_cond_wait (&latch.cond, &latch.mutex);
  g_mutex_unlock (&latch.mutex);

  g_mutex_clear (&latch.mutex);
  g_cond_clear (&latch.cond);
}
