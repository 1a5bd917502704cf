/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fingerprint.c: pinned vectors, stability and sensitivity. */
#include "lir-private.h"
#include "plan/lir-buffer-plan-private.h"

#define PINNED_GRAPH "488612f9a1206524"
#define PINNED_MODULE "05dad31576c96768"

static LirModule *
tiny_module (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 2);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 y = lir_graph_add_op (g, "relu", &x, 1, &s);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (LirBufferPlan) plan = NULL;

  lir_graph_set_outputs (g, &y, 1);
  lir_plan_options_set_strategy (options, "rlx-greedy");
  plan = lir_graph_plan (g, options, NULL);
  return lir_module_new (g, plan);
}

/* Pinned: these change only when the canonical encoding (data/FORMAT.md) does. */
static void
test_pinned_vectors (void)
{
  g_autoptr (LirModule) module = tiny_module ();
  g_autofree char *graph =
    lir_fingerprint_to_string (lir_graph_get_fingerprint (lir_module_get_graph (module)));
  g_autofree char *whole = lir_fingerprint_to_string (lir_module_get_fingerprint (module));

  g_assert_cmpstr (graph, ==, PINNED_GRAPH);
  g_assert_cmpstr (whole, ==, PINNED_MODULE);
}

static void
test_stable_and_round_trip (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "decoder-block.json", NULL);
  g_autoptr (LirModule) module = lir_module_new_from_file (path, NULL);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (LirModule) again = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (lir_module_ensure_plan (module, options, NULL));
  g_assert_cmpuint (lir_module_get_fingerprint (module), ==, lir_module_get_fingerprint (module));
  text = lir_module_to_json (module, &length);
  again = lir_module_new_from_json (text, length, NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (lir_module_get_fingerprint (again), ==, lir_module_get_fingerprint (module));
  g_assert_cmpuint (lir_graph_get_fingerprint (lir_module_get_graph (again)), ==,
                    lir_graph_get_fingerprint (lir_module_get_graph (module)));
}

/* A one-byte change of any slot changes the module fingerprint, never the graph's. */
static void
test_sensitive_to_every_slot (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "decoder-block.json", NULL);
  g_autoptr (LirModule) module = lir_module_new_from_file (path, NULL);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  LirBufferPlan *plan;
  guint64 base, graph_base;

  g_assert_true (lir_module_ensure_plan (module, options, NULL));
  plan = lir_module_get_plan (module);
  base = lir_module_get_fingerprint (module);
  graph_base = lir_graph_get_fingerprint (lir_module_get_graph (module));
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      if (lir_buffer_plan_get_slot (plan, id) == NULL)
        continue;
      plan->slots[id].offset += 1;
      g_assert_cmpuint (lir_module_get_fingerprint (module), !=, base);
      plan->slots[id].offset -= 1;
      plan->slots[id].size += 1;
      g_assert_cmpuint (lir_module_get_fingerprint (module), !=, base);
      plan->slots[id].size -= 1;
      g_assert_cmpuint (lir_graph_get_fingerprint (lir_module_get_graph (module)), ==, graph_base);
    }
  g_assert_cmpuint (lir_module_get_fingerprint (module), ==, base);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/fingerprint/pinned", test_pinned_vectors);
  g_test_add_func ("/plan/fingerprint/stable-round-trip", test_stable_and_round_trip);
  g_test_add_func ("/plan/fingerprint/every-slot", test_sensitive_to_every_slot);
  return g_test_run ();
}
