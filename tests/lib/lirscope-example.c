/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The README's example: load a plan or graph, plan it with a named strategy,
 * validate it, print the arena and the fingerprint. Build it with
 *   cc lirscope-example.c $(pkg-config --cflags --libs lirscope-1)
 */
#include <lir.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = NULL, planned = NULL;
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GPtrArray) violations = NULL;
  guint64 n_violations = 0;
  g_autofree char *fingerprint = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s FILE STRATEGY\n", argv[0]);
      return 2;
    }
  module = lir_module_new_from_file (argv[1], &error);
  lir_plan_options_set_strategy (options, argv[2]);
  if (module != NULL)
    planned = lir_module_replan (module, options, &error);
  if (planned == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 2;
    }
  violations = lir_module_list_violations (planned, &n_violations);
  fingerprint = lir_fingerprint_to_string (lir_module_get_fingerprint (planned));
  printf ("arena %" G_GUINT64_FORMAT " B, %s, fingerprint %s\n",
          lir_buffer_plan_get_arena_size (lir_module_get_plan (planned)),
          n_violations == 0 ? "valid" : "INVALID", fingerprint);
  return n_violations == 0 ? 0 : 1;
}
