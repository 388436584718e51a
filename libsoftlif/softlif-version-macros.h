/* softlif-version-macros.h: symbol visibility and versioning
 *
 * Copyright 2026 The libsoftlif authors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__SOFTLIF_H_INSIDE__) && !defined(SOFTLIF_COMPILATION)
#error "Only <softlif.h> can be included directly."
#endif

#include <glib.h>

#include "softlif-version.h"

/* Every public declaration opens with SOFTLIF_AVAILABLE_IN_x_y (or, once
 * deprecated, SOFTLIF_DEPRECATED_IN_x_y): the export attribute, plus the
 * warnings that SOFTLIF_VERSION_MIN_REQUIRED and MAX_ALLOWED ask for.
 *
 * Each stable minor release adds its SOFTLIF_VERSION_x_y and the macros of
 * its section at the end of this file. */

/* The build defines _SOFTLIF_EXTERN in config.h to mark symbols for export
 * from a library compiled with -fvisibility=hidden. */
#ifndef _SOFTLIF_EXTERN
#define _SOFTLIF_EXTERN extern
#endif

/**
 * SOFTLIF_DEPRECATED:
 *
 * Marks a declaration as deprecated: code that uses it gets a warning
 * from the compiler, unless it defines SOFTLIF_DISABLE_DEPRECATION_WARNINGS
 * before including `softlif.h`.
 *
 * Since: 1.2
 */

/**
 * SOFTLIF_DEPRECATED_FOR:
 * @f: the name of what replaces the declaration
 *
 * Marks a declaration as deprecated in favour of @f: code that uses it
 * gets a warning naming @f, unless it defines
 * SOFTLIF_DISABLE_DEPRECATION_WARNINGS before including `softlif.h`.
 *
 * Since: 1.2
 */

/**
 * SOFTLIF_UNAVAILABLE:
 * @maj: the major version that introduced the declaration
 * @min: the minor version that introduced the declaration
 *
 * Marks a declaration as newer than the code may use: the compiler warns
 * that it is not available before @maj.@min.
 *
 * The declarations of libsoftlif say in which version they appeared,
 * and in which they were deprecated, with the macros of
 * `softlif-version-macros.h`:
 *
 * - `SOFTLIF_VERSION_1_0`, `SOFTLIF_VERSION_1_2`, ...: each stable
 *   version, packed by SOFTLIF_ENCODE_VERSION();
 * - `SOFTLIF_VERSION_CUR_STABLE` and `SOFTLIF_VERSION_PREV_STABLE`: the
 *   stable version of these headers (for a development version, the
 *   stable one it leads to) and the one before it;
 * - `SOFTLIF_VERSION_MIN_REQUIRED` and `SOFTLIF_VERSION_MAX_ALLOWED`:
 *   set by the code that uses libsoftlif before it includes `softlif.h`,
 *   to one of the `SOFTLIF_VERSION_x_y`: the oldest version it supports
 *   and the newest whose API it may use;
 * - `SOFTLIF_AVAILABLE_IN_1_2`, ...: a declaration that appeared in 1.2,
 *   unavailable (with the warning of SOFTLIF_UNAVAILABLE()) where
 *   `SOFTLIF_VERSION_MAX_ALLOWED` is older;
 * - `SOFTLIF_DEPRECATED_IN_1_2` and SOFTLIF_DEPRECATED_IN_1_2_FOR(): a
 *   declaration deprecated in 1.2, which warns (as `SOFTLIF_DEPRECATED` and
 *   SOFTLIF_DEPRECATED_FOR() do) only where `SOFTLIF_VERSION_MIN_REQUIRED`
 *   is 1.2 or newer.
 *
 * Defining `SOFTLIF_DISABLE_DEPRECATION_WARNINGS` silences both kinds of
 * warning.
 *
 * Since: 1.2
 */

#ifdef SOFTLIF_DISABLE_DEPRECATION_WARNINGS
#define SOFTLIF_DEPRECATED _SOFTLIF_EXTERN
#define SOFTLIF_DEPRECATED_FOR(f) _SOFTLIF_EXTERN
#define SOFTLIF_UNAVAILABLE(maj,min) _SOFTLIF_EXTERN
#else
#define SOFTLIF_DEPRECATED G_DEPRECATED _SOFTLIF_EXTERN
#define SOFTLIF_DEPRECATED_FOR(f) G_DEPRECATED_FOR (f) _SOFTLIF_EXTERN
#define SOFTLIF_UNAVAILABLE(maj,min) G_UNAVAILABLE (maj, min) _SOFTLIF_EXTERN
#endif

/**
 * SOFTLIF_VERSION_1_0:
 *
 * The version 1.0 of libsoftlif, packed by SOFTLIF_ENCODE_VERSION(), for
 * SOFTLIF_VERSION_MIN_REQUIRED and SOFTLIF_VERSION_MAX_ALLOWED.
 *
 * Since: 1.0
 */
#define SOFTLIF_VERSION_1_0 (SOFTLIF_ENCODE_VERSION (1, 0, 0))

/**
 * SOFTLIF_VERSION_1_2:
 *
 * The version 1.2 of libsoftlif, packed by SOFTLIF_ENCODE_VERSION(), for
 * SOFTLIF_VERSION_MIN_REQUIRED and SOFTLIF_VERSION_MAX_ALLOWED.
 *
 * Since: 1.2
 */
#define SOFTLIF_VERSION_1_2 (SOFTLIF_ENCODE_VERSION (1, 2, 0))

/**
 * SOFTLIF_VERSION_CUR_STABLE:
 *
 * The stable version of these headers, packed by SOFTLIF_ENCODE_VERSION():
 * their own for a stable version (even minor), the next one for a
 * development version (odd minor).
 *
 * Since: 1.2
 */
/**
 * SOFTLIF_VERSION_PREV_STABLE:
 *
 * The stable version before SOFTLIF_VERSION_CUR_STABLE, packed by
 * SOFTLIF_ENCODE_VERSION(); 1.0, the first, has none and counts as its
 * own.
 *
 * Since: 1.2
 */
#if SOFTLIF_MINOR_VERSION % 2
#define SOFTLIF_VERSION_CUR_STABLE \
  (SOFTLIF_ENCODE_VERSION (SOFTLIF_MAJOR_VERSION, SOFTLIF_MINOR_VERSION + 1, 0))
#define SOFTLIF_VERSION_PREV_STABLE \
  (SOFTLIF_ENCODE_VERSION (SOFTLIF_MAJOR_VERSION, SOFTLIF_MINOR_VERSION - 1, 0))
#elif SOFTLIF_MINOR_VERSION >= 2
#define SOFTLIF_VERSION_CUR_STABLE \
  (SOFTLIF_ENCODE_VERSION (SOFTLIF_MAJOR_VERSION, SOFTLIF_MINOR_VERSION, 0))
#define SOFTLIF_VERSION_PREV_STABLE \
  (SOFTLIF_ENCODE_VERSION (SOFTLIF_MAJOR_VERSION, SOFTLIF_MINOR_VERSION - 2, 0))
#else
#define SOFTLIF_VERSION_CUR_STABLE \
  (SOFTLIF_ENCODE_VERSION (SOFTLIF_MAJOR_VERSION, SOFTLIF_MINOR_VERSION, 0))
#define SOFTLIF_VERSION_PREV_STABLE (SOFTLIF_VERSION_CUR_STABLE)
#endif

/**
 * SOFTLIF_VERSION_MIN_REQUIRED:
 *
 * The oldest version of libsoftlif that the code supports, one of the
 * `SOFTLIF_VERSION_x_y`; the code defines it before it includes
 * `softlif.h`. What was deprecated in a later version does not warn.
 *
 * The default is SOFTLIF_VERSION_CUR_STABLE.
 *
 * Since: 1.0
 */
#ifndef SOFTLIF_VERSION_MIN_REQUIRED
#define SOFTLIF_VERSION_MIN_REQUIRED (SOFTLIF_VERSION_CUR_STABLE)
#endif

/**
 * SOFTLIF_VERSION_MAX_ALLOWED:
 *
 * The newest version of libsoftlif whose API the code may use, one of the
 * `SOFTLIF_VERSION_x_y`; the code defines it before it includes
 * `softlif.h`. What appeared in a later version warns.
 *
 * The default is SOFTLIF_VERSION_MIN_REQUIRED where that is newer than
 * SOFTLIF_VERSION_PREV_STABLE, SOFTLIF_VERSION_CUR_STABLE otherwise.
 *
 * Since: 1.0
 */
#ifndef SOFTLIF_VERSION_MAX_ALLOWED
#if SOFTLIF_VERSION_MIN_REQUIRED > SOFTLIF_VERSION_PREV_STABLE
#define SOFTLIF_VERSION_MAX_ALLOWED (SOFTLIF_VERSION_MIN_REQUIRED)
#else
#define SOFTLIF_VERSION_MAX_ALLOWED (SOFTLIF_VERSION_CUR_STABLE)
#endif
#endif

#if SOFTLIF_VERSION_MAX_ALLOWED < SOFTLIF_VERSION_MIN_REQUIRED
#error "SOFTLIF_VERSION_MAX_ALLOWED must be >= SOFTLIF_VERSION_MIN_REQUIRED"
#endif
#if SOFTLIF_VERSION_MIN_REQUIRED < SOFTLIF_VERSION_1_0
#error "SOFTLIF_VERSION_MIN_REQUIRED must be >= SOFTLIF_VERSION_1_0"
#endif

/**
 * SOFTLIF_AVAILABLE_IN_ALL:
 *
 * Marks a declaration as public in every version of libsoftlif.
 *
 * Since: 1.0
 */
#define SOFTLIF_AVAILABLE_IN_ALL _SOFTLIF_EXTERN

/* 1.0 */

/**
 * SOFTLIF_AVAILABLE_IN_1_0:
 *
 * Marks a declaration as public since libsoftlif 1.0.
 *
 * Since: 1.0
 */
#define SOFTLIF_AVAILABLE_IN_1_0 _SOFTLIF_EXTERN

/* 1.2 */

/**
 * SOFTLIF_AVAILABLE_IN_1_2:
 *
 * Marks a declaration as public since libsoftlif 1.2: a use warns where
 * SOFTLIF_VERSION_MAX_ALLOWED is older than SOFTLIF_VERSION_1_2.
 *
 * Since: 1.2
 */
#if SOFTLIF_VERSION_MAX_ALLOWED < SOFTLIF_VERSION_1_2
#define SOFTLIF_AVAILABLE_IN_1_2 SOFTLIF_UNAVAILABLE (1, 2)
#else
#define SOFTLIF_AVAILABLE_IN_1_2 _SOFTLIF_EXTERN
#endif

/**
 * SOFTLIF_DEPRECATED_IN_1_2:
 *
 * Marks a declaration as deprecated since libsoftlif 1.2: a use warns
 * where SOFTLIF_VERSION_MIN_REQUIRED is SOFTLIF_VERSION_1_2 or newer.
 *
 * Since: 1.2
 */
/**
 * SOFTLIF_DEPRECATED_IN_1_2_FOR:
 * @f: the name of what replaces the declaration
 *
 * Marks a declaration as deprecated since libsoftlif 1.2 in favour of @f:
 * a use warns, naming @f, where SOFTLIF_VERSION_MIN_REQUIRED is
 * SOFTLIF_VERSION_1_2 or newer.
 *
 * Since: 1.2
 */
#if SOFTLIF_VERSION_MIN_REQUIRED >= SOFTLIF_VERSION_1_2
#define SOFTLIF_DEPRECATED_IN_1_2 SOFTLIF_DEPRECATED
#define SOFTLIF_DEPRECATED_IN_1_2_FOR(f) SOFTLIF_DEPRECATED_FOR (f)
#else
#define SOFTLIF_DEPRECATED_IN_1_2 _SOFTLIF_EXTERN
#define SOFTLIF_DEPRECATED_IN_1_2_FOR(f) _SOFTLIF_EXTERN
#endif
