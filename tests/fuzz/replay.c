/* replay.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

/* Runs every file of the directories (or the files) given through the
 * fuzz target once, so that the seed corpus and every crash ever found stay
 * regression tests in builds without libFuzzer. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);
/* Optional in a target, as with libFuzzer: called once before the inputs. */
int LLVMFuzzerInitialize (int *argc, char ***argv) __attribute__ ((weak));

static guint
replay_file (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);

  LLVMFuzzerTestOneInput ((const guint8 *) data, length);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          n += replay_file (argv[i]);
          continue;
        }

      dir = g_dir_open (argv[i], 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);

          n += replay_file (path);
        }
    }

  g_print ("%u inputs replayed\n", n);
  return n > 0 ? 0 : 1;
}
