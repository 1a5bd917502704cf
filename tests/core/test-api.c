/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-api.c: every public function survives NULL arguments.
 *
 * The table comes from the installed headers (tests/lib/gen-null-calls.py),
 * so a new function is covered as soon as it is declared. Each is called
 * with NULL for every pointer and 0 for every number: it must not crash
 * (the sanitizer builds run this too), must not hand back something it
 * owns, and a method must say what was wrong with a critical. */
#include "lir.h"

typedef struct
{
  const char *name;
  gpointer (*call) (void);
  gboolean returns_owned;
  gboolean is_method;
} NullCall;

#include "null-calls.h"

/* Functions for which NULL is a documented, valid argument. */
static const char *const accepts_null[] = {
  "lir_graph_unref",       "lir_buffer_plan_unref",  "lir_module_unref",   "lir_plan_options_free",
  "lir_plan_index_unref",  "lir_search_index_unref", "lir_live_set_unref", "lir_plan_diff_unref",
  "lir_peak_report_unref", "lir_order_report_unref", "lir_renderer_unref", "lir_plan_options_changes_plan",
  "lir_strategy_list",     "lir_strategy_find",      "lir_graph_new",      "lir_shape_new_static_boxed",
};

static guint criticals;

static void
count_criticals (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  criticals++;
}

static gboolean
accepts (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepts_null); i++)
    if (strcmp (accepts_null[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_null_arguments (void)
{
  guint silent = 0;

  /* Criticals are what is expected here: counted, not fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_handler ("Lir", G_LOG_LEVEL_CRITICAL, count_criticals, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (null_calls); i++)
    {
      const NullCall *c = &null_calls[i];
      guint before = criticals;
      gpointer result = c->call ();

      g_test_message ("%s: %u critical(s), returned %p", c->name, criticals - before, result);
      /* What a documented NULL makes is freed; the rest must be NULL. */
      if (accepts (c->name) && c->returns_owned && result != NULL)
        {
          if (strcmp (c->name, "lir_graph_new") == 0)
            lir_graph_unref (result);
          else
            g_free (result);
        }
      else if (c->returns_owned && result != NULL)
        {
          g_printerr ("%s (NULL, …) returned an object it owns\n", c->name);
          silent++;
        }
      if (c->is_method && criticals == before && !accepts (c->name))
        {
          g_printerr ("%s accepts a NULL instance without a critical\n", c->name);
          silent++;
        }
    }
  g_assert_cmpuint (silent, ==, 0);
  g_assert_cmpuint (G_N_ELEMENTS (null_calls), >, 200);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/null-arguments", test_null_arguments);
  return g_test_run ();
}
