/* softlif-tsan-private.h: the happens-before edges of GLib's locks and thread pool, told to ThreadSanitizer
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* GMutex, GCond and GThreadPool synchronize with futexes and atomics
 * inside libglib, which is not instrumented: ThreadSanitizer sees no
 * edge between an unlock and the next lock, nor between pushing a task
 * and a worker running it, and reports every access they order as a
 * race. The library says where these edges are: a release on an address
 * before each handoff (an unlock, a push to the pool), an acquire on the
 * same address after each receive (a lock, a wake from g_cond_wait(), a
 * task starting). A race that no such edge orders is still reported.
 *
 * Without -fsanitize=thread the macros are empty and the functions below
 * are the GLib calls alone. */

#pragma once

#include <glib.h>

#if defined(__SANITIZE_THREAD__)
# define SOFTLIF_TSAN 1
#elif defined(__has_feature)
# if __has_feature(thread_sanitizer)
#  define SOFTLIF_TSAN 1
# endif
#endif

G_BEGIN_DECLS

#ifdef SOFTLIF_TSAN
/* from <sanitizer/tsan_interface.h>, which not every compiler installs */
void __tsan_acquire (void *addr);
void __tsan_release (void *addr);

# define SOFTLIF_TSAN_ACQUIRE(addr) __tsan_acquire ((void *) (addr))
# define SOFTLIF_TSAN_RELEASE(addr) __tsan_release ((void *) (addr))
#else
# define SOFTLIF_TSAN_ACQUIRE(addr) ((void) 0)
# define SOFTLIF_TSAN_RELEASE(addr) ((void) 0)
#endif

/* g_mutex_lock(): what the previous holder did happens before */
static inline void
softlif_mutex_lock (GMutex *mutex)
{
  g_mutex_lock (mutex);
  SOFTLIF_TSAN_ACQUIRE (mutex);
}

static inline void
softlif_mutex_unlock (GMutex *mutex)
{
  SOFTLIF_TSAN_RELEASE (mutex);
  g_mutex_unlock (mutex);
}

/* g_cond_wait() unlocks @mutex while it waits and locks it again */
static inline void
softlif_cond_wait (GCond  *cond,
                   GMutex *mutex)
{
  SOFTLIF_TSAN_RELEASE (mutex);
  g_cond_wait (cond, mutex);
  SOFTLIF_TSAN_ACQUIRE (mutex);
}

G_END_DECLS
