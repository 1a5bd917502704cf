/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-replay.c: runs a fuzz target over files and directories without
 * libFuzzer, so the normal test suite replays the seeds and every input a
 * fuzzer ever crashed on (tests/fuzz/regressions/). */
#include <glib.h>
#include <stdio.h>

#include "fuzz-target.h"

static guint
replay (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      guint count = 0;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          count += replay (child);
        }
      return count;
    }
  if (!g_file_get_contents (path, &data, &length, NULL))
    g_error ("cannot read %s", path);
  LLVMFuzzerTestOneInput ((const uint8_t *)data, length);
  return 1;
}

int
main (int argc, char **argv)
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    count += replay (argv[i]);
  printf ("replayed %u inputs\n", count);
  return count > 0 ? 0 : 1;
}
