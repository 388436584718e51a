/* replay.c: runs a fuzz target over its seed corpus, without libFuzzer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* Linked with one fuzz target, this main () feeds it every file of the
 * directories and files named on the command line (by default the target's
 * corpus in the source tree, FUZZ_CORPUS_DIR) and prints one TAP line per
 * file; arguments starting with '-' are ignored. A target reports a finding by aborting, as under libFuzzer; any
 * compiler builds this. */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_path (GPtrArray  *files,
          const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_strdup (names->pdata[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  int status = 0;

  /* options (the test harness passes -k --tap) are ignored */
  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-')
      add_path (files, argv[i]);
  if (files->len == 0)
    {
      const char *srcdir = g_getenv ("SOFTLIF_TOP_SRCDIR");
      g_autofree char *dir = srcdir != NULL ? g_build_filename (srcdir, "tests", FUZZ_CORPUS_DIR, NULL)
                                            : g_strdup (FUZZ_CORPUS_DIR);

      add_path (files, dir);
    }

  if (files->len == 0)
    {
      printf ("1..0 # SKIP no corpus files\n");
      return 0;
    }
  printf ("1..%u\n", files->len);
  fflush (stdout);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          status = 1;
          continue;
        }
      /* a copy of its own, so that a read past the end is caught */
      {
        g_autofree uint8_t *data = g_memdup2 (contents, length);

        LLVMFuzzerTestOneInput (data, length);
      }
      printf ("ok %u - %s\n", i + 1, path);
      fflush (stdout);
    }
  return status;
}
