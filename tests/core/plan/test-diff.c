/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-diff.c: plan diffs on hand-built pairs, one per kind of change, the
 * growth explanation and the JSON report's fields. */
#include "lir-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef enum
{
  VARIANT_BASE,
  VARIANT_BIGGER_B,      /* b's shape grows */
  VARIANT_LONGER_A,      /* the output also reads a: a lives longer */
  VARIANT_VIEW_B,        /* b is a reshape of a */
  VARIANT_EXTRA_NODE,    /* one more node, d */
  VARIANT_REPEATED_NAME, /* two nodes named "x": matching falls back to ids */
} Variant;

/* x -> a -> b -> c (output), f32[64, 256] each, weights w in the arena. */
static LirModule *
build (Variant variant, const char *strategy, gboolean params_in_arena)
{
  g_autoptr (LirGraph) g = lir_graph_new ("chain");
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 64, 256);
  LirShape big = LIR_SHAPE (LIR_DTYPE_F32, 128, 256);
  LirShape flat = LIR_SHAPE (LIR_DTYPE_F32, 64 * 256);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 w = lir_graph_add_param (g, "w", &s);
  guint32 in[] = { x, w };
  guint32 a = lir_graph_add_op (g, "add", in, 2, &s);
  guint32 b, c;
  LirModule *module;

  lir_graph_set_node_name (g, a, "a");
  if (variant == VARIANT_VIEW_B)
    b = lir_graph_add_reshape (g, a, &flat);
  else
    b = lir_graph_add_op (g, "relu", &a, 1, variant == VARIANT_BIGGER_B ? &big : &s);
  lir_graph_set_node_name (g, b, "b");
  if (variant == VARIANT_LONGER_A)
    {
      guint32 both[] = { b, a };
      c = lir_graph_add_op (g, "add", both, 2, &s);
    }
  else
    c = lir_graph_add_op (g, "gelu", &b, 1, &s);
  lir_graph_set_node_name (g, c, "c");
  if (variant == VARIANT_EXTRA_NODE)
    {
      guint32 d = lir_graph_add_op (g, "relu", &c, 1, &s);
      lir_graph_set_node_name (g, d, "d");
      c = d;
    }
  if (variant == VARIANT_REPEATED_NAME)
    lir_graph_set_node_name (g, c, "x");
  lir_graph_set_outputs (g, &c, 1);
  module = lir_module_new (g, NULL);
  lir_plan_options_set_strategy (options, strategy);
  lir_plan_options_set_allocate (options, LIR_OP_PARAM, params_in_arena);
  g_assert_true (lir_module_ensure_plan (module, options, &error));
  g_assert_no_error (error);
  return module;
}

static const LirBufferChange *
change_named (const LirPlanDiff *diff, const char *name)
{
  for (guint i = 0; i < lir_plan_diff_get_n_changes (diff); i++)
    if (g_str_equal (lir_plan_diff_get_change (diff, i)->name, name))
      return lir_plan_diff_get_change (diff, i);
  return NULL;
}

static void
test_identical (void)
{
  g_autoptr (LirModule) a = build (VARIANT_BASE, "best-fit", TRUE);
  g_autoptr (LirModule) b = build (VARIANT_BASE, "best-fit", TRUE);
  g_autoptr (LirPlanDiff) diff = lir_plan_diff_new (a, b);
  g_autofree char *text = lir_plan_diff_to_text (diff, "a.json", "b.json", 0);

  g_assert_true (lir_plan_diff_is_empty (diff));
  g_assert_true (lir_plan_diff_get_same_graph (diff));
  g_assert_true (lir_plan_diff_get_matched_by_name (diff));
  g_assert_cmpuint (lir_plan_diff_get_n_changes (diff), ==, 0);
  g_assert_cmpfloat (lir_plan_diff_get_arena_growth (diff), ==, 0);
  g_assert_nonnull (strstr (text, "No differences"));
}

static void
test_size_changed (void)
{
  g_autoptr (LirModule) a = build (VARIANT_BASE, "best-fit", TRUE);
  g_autoptr (LirModule) b = build (VARIANT_BIGGER_B, "best-fit", TRUE);
  g_autoptr (LirPlanDiff) diff = lir_plan_diff_new (a, b);
  const LirBufferChange *change = change_named (diff, "b");

  g_assert_false (lir_plan_diff_get_same_graph (diff));
  g_assert_nonnull (change);
  g_assert_true (change->flags & LIR_CHANGE_SIZE);
  g_assert_cmpuint (change->size_a, ==, 64 * 256 * 4);
  g_assert_cmpuint (change->size_b, ==, 128 * 256 * 4);
  g_assert_cmpfloat (lir_plan_diff_get_arena_growth (diff), >, 0);
  /* Why it grew: b is live at B's peak with 64 KiB more than at A's. */
  g_assert_cmpuint (lir_plan_diff_get_n_peak_entries (diff), >=, 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < lir_plan_diff_get_n_peak_entries (diff); i++)
      if (g_str_equal (lir_plan_diff_get_peak_entry (diff, i)->name, "b"))
        found = lir_plan_diff_get_peak_entry (diff, i)->bytes == 64 * 256 * 4;
    g_assert_true (found);
  }
  g_assert_cmpuint (lir_plan_diff_get_n_top_entries (diff), >=, 1);
  /* The biggest change comes first. */
  g_assert_cmpstr (lir_plan_diff_get_change (diff, 0)->name, ==, "b");
}

static void
test_lifetime_changed (void)
{
  g_autoptr (LirModule) a = build (VARIANT_BASE, "best-fit", TRUE);
  g_autoptr (LirModule) b = build (VARIANT_LONGER_A, "best-fit", TRUE);
  g_autoptr (LirPlanDiff) diff = lir_plan_diff_new (a, b);
  const LirBufferChange *change = change_named (diff, "a");

  g_assert_nonnull (change);
  g_assert_true (change->flags & LIR_CHANGE_LIFETIME);
  g_assert_cmpuint (change->last_b, >, change->last_a);
}

static void
test_offsets_moved (void)
{
  g_autoptr (LirModule) a = build (VARIANT_BASE, "best-fit", TRUE);
  g_autoptr (LirModule) b = build (VARIANT_BASE, "naive", TRUE);
  g_autoptr (LirPlanDiff) diff = lir_plan_diff_new (a, b);
  g_autofree char *text = lir_plan_diff_to_text (diff, "a.json", "b.json", 0);

  /* Same graph, different plan: the planner changed. */
  g_assert_true (lir_plan_diff_get_same_graph (diff));
  g_assert_false (lir_plan_diff_is_empty (diff));
  g_assert_cmpuint (lir_plan_diff_count_changes (diff, LIR_CHANGE_OFFSET), >=, 1);
  g_assert_cmpuint (lir_plan_diff_count_changes (diff, LIR_CHANGE_SIZE), ==, 0);
  g_assert_nonnull (strstr (text, "same graph, different plan"));
  g_assert_nonnull (strstr (text, "moved"));
  g_assert_cmpfloat (lir_plan_diff_get_efficiency_drop (diff), >, 0);
}

static void
test_view_changes (void)
{
  g_autoptr (LirModule) a = build (VARIANT_BASE, "best-fit", TRUE);
  g_autoptr (LirModule) b = build (VARIANT_VIEW_B, "best-fit", TRUE);
  g_autoptr (LirPlanDiff) forward = lir_plan_diff_new (a, b);
  g_autoptr (LirPlanDiff) backward = lir_plan_diff_new (b, a);

  g_assert_true (change_named (forward, "b")->flags & LIR_CHANGE_BECAME_VIEW);
  g_assert_true (change_named (backward, "b")->flags & LIR_CHANGE_STOPPED_VIEW);
}

static void
test_added_removed (void)
{
  g_autoptr (LirModule) a = build (VARIANT_BASE, "best-fit", TRUE);
  g_autoptr (LirModule) b = build (VARIANT_EXTRA_NODE, "best-fit", TRUE);
  g_autoptr (LirPlanDiff) forward = lir_plan_diff_new (a, b);
  g_autoptr (LirPlanDiff) backward = lir_plan_diff_new (b, a);

  g_assert_true (change_named (forward, "d")->flags & LIR_CHANGE_ADDED);
  g_assert_cmpuint (change_named (forward, "d")->node_a, ==, LIR_NO_NODE);
  g_assert_cmpuint (lir_plan_diff_count_changes (forward, LIR_CHANGE_ADDED), ==, 1);
  g_assert_true (change_named (backward, "d")->flags & LIR_CHANGE_REMOVED);
  g_assert_cmpuint (lir_plan_diff_count_changes (backward, LIR_CHANGE_REMOVED), ==, 1);
}

static void
test_arena_membership (void)
{
  g_autoptr (LirModule) a = build (VARIANT_BASE, "best-fit", TRUE);
  g_autoptr (LirModule) b = build (VARIANT_BASE, "best-fit", FALSE);
  g_autoptr (LirPlanDiff) forward = lir_plan_diff_new (a, b);
  g_autoptr (LirPlanDiff) backward = lir_plan_diff_new (b, a);

  g_assert_true (change_named (forward, "w")->flags & LIR_CHANGE_LEFT_ARENA);
  g_assert_true (change_named (backward, "w")->flags & LIR_CHANGE_ENTERED_ARENA);
  g_assert_cmpfloat (lir_plan_diff_get_arena_growth (forward), <, 0);
}

/* Rewrites a module document: schedule order and one node's phase. */
static LirModule *
edited (LirModule *module, gboolean swap_schedule, gboolean change_phase)
{
  g_autofree char *text = lir_module_to_json (module, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  JsonObject *plan;
  gsize length;
  LirModule *result;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  plan = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "plan");
  if (swap_schedule)
    {
      /* x and w are independent: run w first. */
      JsonArray *schedule = json_object_get_array_member (plan, "schedule");
      gint64 first = json_array_get_int_element (schedule, 0),
             second = json_array_get_int_element (schedule, 1);

      json_node_set_int (json_array_get_element (schedule, 0), second);
      json_node_set_int (json_array_get_element (schedule, 1), first);
    }
  if (change_phase)
    {
      JsonArray *phases = json_object_get_array_member (plan, "phases");

      json_node_set_string (json_array_get_element (phases, 3), "epilogue");
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  out = json_generator_to_data (generator, &length);
  result = lir_module_new_from_data (out, length, &error);
  g_assert_no_error (error);
  return result;
}

static void
test_schedule_and_phase (void)
{
  g_autoptr (LirModule) a = build (VARIANT_BASE, "best-fit", TRUE);
  g_autoptr (LirModule) b = edited (a, TRUE, FALSE);
  g_autoptr (LirModule) c = edited (a, FALSE, TRUE);
  g_autoptr (LirPlanDiff) steps = lir_plan_diff_new (a, b);
  g_autoptr (LirPlanDiff) phase = lir_plan_diff_new (a, c);

  g_assert_cmpuint (lir_plan_diff_get_n_moved_steps (steps), ==, 2);
  g_assert_true (change_named (steps, "x")->flags & LIR_CHANGE_STEP);
  g_assert_false (lir_plan_diff_is_empty (steps));
  g_assert_true (change_named (phase, "b")->flags & LIR_CHANGE_PHASE);
  g_assert_cmpint (change_named (phase, "b")->phase_b, ==, LIR_PHASE_EPILOGUE);
}

static void
test_match_by_id (void)
{
  g_autoptr (LirModule) a = build (VARIANT_REPEATED_NAME, "best-fit", TRUE);
  g_autoptr (LirModule) b = build (VARIANT_REPEATED_NAME, "naive", TRUE);
  g_autoptr (LirPlanDiff) diff = lir_plan_diff_new (a, b);
  g_autofree char *text = lir_plan_diff_to_text (diff, "a", "b", 0);

  g_assert_false (lir_plan_diff_get_matched_by_name (diff));
  g_assert_nonnull (strstr (text, "matched by id"));
  for (guint i = 0; i < lir_plan_diff_get_n_changes (diff); i++)
    g_assert_cmpuint (lir_plan_diff_get_change (diff, i)->node_a, ==,
                      lir_plan_diff_get_change (diff, i)->node_b);
}

static void
test_json_report (void)
{
  static const char *const fields[] = {
    "a",           "b",
    "matched_by",  "same_graph",
    "empty",       "arena_size",
    "lower_bound", "fragmentation",
    "efficiency",  "peak_step",
    "nodes_added", "nodes_removed",
    "steps_moved", "growth_at_peak",
    "arena_top",   "changes",
  };
  g_autoptr (LirModule) a = build (VARIANT_BASE, "best-fit", TRUE);
  g_autoptr (LirModule) b = build (VARIANT_BIGGER_B, "best-fit", TRUE);
  g_autoptr (LirPlanDiff) diff = lir_plan_diff_new (a, b);
  g_autofree char *json = lir_plan_diff_to_json (diff, "a \"quoted\".json", "b.json");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *arena, *first;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (json_object_has_member (root, fields[i]));
  g_assert_cmpstr (json_object_get_string_member (root, "a"), ==, "a \"quoted\".json");
  arena = json_object_get_object_member (root, "arena_size");
  g_assert_cmpint (json_object_get_int_member (arena, "a"), ==,
                   lir_plan_diff_get_stats (diff, FALSE)->arena_size);
  g_assert_cmpint (json_object_get_int_member (arena, "delta"), ==,
                   (gint64)lir_plan_diff_get_stats (diff, TRUE)->arena_size
                     - (gint64)lir_plan_diff_get_stats (diff, FALSE)->arena_size);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "changes")), ==,
                    lir_plan_diff_get_n_changes (diff));
  first = json_array_get_object_element (json_object_get_array_member (root, "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "b");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (first, "kinds"), 0), ==,
                   "size");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diff/identical", test_identical);
  g_test_add_func ("/diff/size", test_size_changed);
  g_test_add_func ("/diff/lifetime", test_lifetime_changed);
  g_test_add_func ("/diff/offsets", test_offsets_moved);
  g_test_add_func ("/diff/views", test_view_changes);
  g_test_add_func ("/diff/added-removed", test_added_removed);
  g_test_add_func ("/diff/arena-membership", test_arena_membership);
  g_test_add_func ("/diff/schedule-and-phase", test_schedule_and_phase);
  g_test_add_func ("/diff/match-by-id", test_match_by_id);
  g_test_add_func ("/diff/json", test_json_report);
  return g_test_run ();
}
