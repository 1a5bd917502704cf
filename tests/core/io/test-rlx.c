/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rlx.c: RLX's serialized LirModule: the import, its plan kept as RLX
 * wrote it, rlx-greedy reproducing RLX's assignments byte for byte, and
 * independence from the files' map order. The files in tests/data/rlx were
 * built by hand to serde's encoding; their assignments were worked out by
 * hand from RLX's greedy rule (see tests/data/rlx/README.md). */
#include "lir-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

static char *
rlx_path (const char *name)
{
  return g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", name, NULL);
}

static LirModule *
load (const char *name)
{
  g_autofree char *path = rlx_path (name);
  g_autoptr (GError) error = NULL;
  LirModule *module = lir_module_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (module);
  return module;
}

static guint32
by_name (LirGraph *graph, const char *name)
{
  for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
    if (g_strcmp0 (lir_graph_get_node_name (graph, id), name) == 0)
      return id;
  g_error ("no node named %s", name);
  return LIR_NO_NODE;
}

static void
assert_valid (LirModule *module)
{
  guint64 count;
  g_autoptr (GPtrArray) violations = lir_module_list_violations (module, &count);

  for (guint i = 0; i < violations->len; i++)
    g_test_message ("%s", ((LirViolation *)g_ptr_array_index (violations, i))->message);
  g_assert_cmpuint (count, ==, 0);
}

static void
test_static_import (void)
{
  g_autoptr (LirModule) module = load ("rlx-static.json");
  LirGraph *graph = lir_module_get_graph (module);
  LirBufferPlan *plan = lir_module_get_plan (module);
  guint32 mm = by_name (graph, "%2"), cast = by_name (graph, "%5"), fused = by_name (graph, "block0.norm");
  guint32 table = by_name (graph, "table"), silu = by_name (graph, "%9");
  const LirViewAlias *alias;

  g_assert_cmpstr (lir_module_get_name (module), ==, "rlx-static");
  g_assert_cmpuint (lir_graph_get_n_nodes (graph), ==, 9);
  /* Names: RLX's name, else the input/param name, else %<RLX id> (ids have gaps). */
  g_assert_cmpint (lir_graph_get_node_kind (graph, by_name (graph, "x")), ==, LIR_OP_INPUT);
  g_assert_cmpint (lir_graph_get_node_kind (graph, by_name (graph, "w")), ==, LIR_OP_PARAM);
  g_assert_cmpint (lir_graph_get_node_kind (graph, mm), ==, LIR_OP_MATMUL);
  g_assert_cmpint (lir_graph_get_node_kind (graph, table), ==, LIR_OP_CONSTANT);
  /* Unknown variants are opaque ops named after the variant, fields as attrs. */
  g_assert_cmpint (lir_graph_get_node_kind (graph, fused), ==, LIR_OP_OPAQUE);
  g_assert_cmpstr (lir_graph_get_node_op_name (graph, fused), ==, "FusedRmsNormRope");
  g_assert_nonnull (strstr (lir_graph_get_node_attrs (graph, fused), "\"eps\""));
  g_assert_cmpstr (lir_graph_get_node_op_name (graph, silu), ==, "Silu");
  /* 64 KiB of constant data is summarised, not kept as attributes. */
  g_assert_nonnull (strstr (lir_graph_get_node_attrs (graph, table), "elided_bytes"));

  /* RLX's plan as written: the nested view chain resolves to the matmul. */
  g_assert_cmpstr (lir_buffer_plan_get_strategy (plan), ==, "rlx");
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (plan), ==, 66112);
  g_assert_cmpuint (lir_buffer_plan_get_alignment (plan), ==, 64);
  g_assert_true (lir_buffer_plan_is_view (plan, cast));
  alias = lir_buffer_plan_get_view_alias (plan, cast);
  g_assert_cmpuint (alias->root, ==, mm);
  g_assert_cmpuint (alias->byte_offset, ==, 32);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, cast)->offset, ==, 65920 + 32);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, table)->offset, ==, 0);
  g_assert_cmpint (lir_buffer_plan_get_phase (plan, mm), ==, LIR_PHASE_STEADY_STATE);
  g_assert_cmpint (lir_buffer_plan_get_phase (plan, silu), ==, LIR_PHASE_EPILOGUE);
  /* Liveness from RLX's rules: reads through the views keep the matmul
   * alive to the fused op's step. */
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, mm)->first_step, ==, 3);
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, mm)->last_step, ==, 7);
  assert_valid (module);
}

static void
test_dynamic_import (void)
{
  g_autoptr (LirModule) module = load ("rlx-dynamic.json");
  LirGraph *graph = lir_module_get_graph (module);
  LirBufferPlan *plan = lir_module_get_plan (module);
  guint32 up = by_name (graph, "block0.up"), narrow = by_name (graph, "%15");
  guint32 symbol;
  guint64 value;

  /* The dynamic symbol gets its value from RLX's sizes: 8192 B of f16[s1, 128]. */
  g_assert_true (lir_graph_lookup_symbol (graph, "s1", &symbol));
  g_assert_cmpuint (lir_graph_get_symbol_default (graph, symbol), ==, 32);
  g_assert_cmpuint (lir_buffer_plan_get_n_bindings (plan), ==, 1);
  g_assert_cmpstr (lir_buffer_plan_get_binding (plan, 0, &value), ==, "s1");
  g_assert_cmpuint (value, ==, 32);
  g_assert_cmpuint (lir_buffer_plan_get_view_alias (plan, narrow)->root, ==, up);
  g_assert_cmpuint (lir_buffer_plan_get_view_alias (plan, narrow)->byte_offset, ==, 1024);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, narrow)->size, ==, 2048);
  g_assert_cmpint (lir_graph_get_node_kind (graph, by_name (graph, "%20")), ==, LIR_OP_SAMPLE);
  g_assert_cmpstr (lir_graph_get_node_op_name (graph, by_name (graph, "probs")), ==, "Softmax");
  assert_valid (module);
}

/* rlx-greedy, re-planning the imported graph, lands every buffer where RLX did. */
static void
test_rlx_greedy_reproduces (gconstpointer data)
{
  g_autoptr (LirModule) module = load (data);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) replanned = NULL;
  LirBufferPlan *rlx, *ours;
  guint compared = 0;

  lir_plan_options_set_strategy (options, "rlx-greedy");
  replanned = lir_module_replan (module, options, &error);
  g_assert_no_error (error);
  rlx = lir_module_get_plan (module);
  ours = lir_module_get_plan (replanned);
  g_assert_cmpuint (lir_buffer_plan_get_alignment (ours), ==, lir_buffer_plan_get_alignment (rlx));
  for (guint32 id = 0; id < lir_buffer_plan_get_n_nodes (rlx); id++)
    {
      const LirBufferSlot *a = lir_buffer_plan_get_slot (rlx, id), *b = lir_buffer_plan_get_slot (ours, id);

      g_assert_true ((a == NULL) == (b == NULL));
      if (a == NULL)
        continue;
      g_assert_cmpuint (a->offset, ==, b->offset);
      g_assert_cmpuint (a->size, ==, b->size);
      compared++;
    }
  g_assert_cmpuint (compared, >=, 5);
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (ours), ==, lir_buffer_plan_get_arena_size (rlx));
  assert_valid (replanned);

  /* auto never does worse than RLX's own plan. */
  lir_plan_options_set_strategy (options, "auto");
  g_clear_pointer (&replanned, lir_module_unref);
  replanned = lir_module_replan (module, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (replanned)), <=,
                    lir_buffer_plan_get_arena_size (rlx));
  assert_valid (replanned);
}

/* Rebuilds every object with its members in reverse order. */
static JsonNode *
reversed (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *in = json_node_get_object (node), *out = json_object_new ();
      g_autoptr (GList) members = json_object_get_members (in);

      members = g_list_reverse (members);
      JsonNode *result = json_node_alloc ();

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (out, l->data, reversed (json_object_get_member (in, l->data)));
      json_node_init_object (result, out);
      json_object_unref (out);
      return result;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *in = json_node_get_array (node), *out = json_array_new ();

      JsonNode *result = json_node_alloc ();

      for (guint i = 0; i < json_array_get_length (in); i++)
        json_array_add_element (out, reversed (json_array_get_element (in, i)));
      json_node_init_array (result, out);
      json_array_unref (out);
      return result;
    }
  return json_node_copy (node);
}

static void
test_map_order (void)
{
  static const char *const names[] = { "rlx-static.json", "rlx-dynamic.json", "rlx-branches.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = rlx_path (names[i]);
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (JsonNode) flipped = NULL;
      g_autoptr (LirModule) a = load (names[i]);
      g_autoptr (LirModule) b = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;
      gsize length;

      g_assert_true (json_parser_load_from_file (parser, path, NULL));
      flipped = reversed (json_parser_get_root (parser));
      json_generator_set_root (generator, flipped);
      text = json_generator_to_data (generator, &length);
      b = lir_module_new_from_data (text, length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (lir_module_get_fingerprint (a), ==, lir_module_get_fingerprint (b));
    }
}

/* On rlx-branches.json RLX's greedy rule leaves a hole that auto closes:
 * the diff reports the saving, same graph, and the new plan at the bound. */
static void
test_diff_shows_saving (void)
{
  g_autoptr (LirModule) module = load ("rlx-branches.json");
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (LirModule) ours = NULL;
  g_autoptr (LirPlanDiff) diff = NULL;
  g_autoptr (GError) error = NULL;
  const LirPlanStats *a, *b;

  lir_plan_options_inherit (options, lir_module_get_plan (module));
  lir_plan_options_set_strategy (options, "auto");
  ours = lir_module_replan (module, options, &error);
  g_assert_no_error (error);
  diff = lir_plan_diff_new (module, ours);
  a = lir_plan_diff_get_stats (diff, FALSE);
  b = lir_plan_diff_get_stats (diff, TRUE);
  g_assert_true (lir_plan_diff_get_same_graph (diff));
  g_assert_true (lir_plan_diff_get_matched_by_name (diff));
  g_assert_cmpuint (a->arena_size, ==, 278528);
  g_assert_cmpuint (b->arena_size, ==, b->lower_bound);
  g_assert_cmpfloat (lir_plan_diff_get_arena_growth (diff), <, -20.0);
  g_assert_cmpuint (lir_plan_diff_count_changes (diff, LIR_CHANGE_OFFSET), >, 0);
  g_assert_cmpuint (lir_plan_diff_count_changes (diff, LIR_CHANGE_SIZE), ==, 0);
  assert_valid (ours);
}

/* ---- files RLX's own compiler wrote (tests/data/rlx/real) ----------------------------- */

static guint64
figure (const char *figures, const char *key)
{
  g_autofree char *pattern = g_strdup_printf ("(?m)^%s: ([0-9]+)", key);
  g_autoptr (GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *value = NULL;

  g_assert_true (g_regex_match (regex, figures, 0, &match));
  value = g_match_info_fetch (match, 1);
  return g_ascii_strtoull (value, NULL, 10);
}

/* Each real file reads, validates, and reports RLX's own figures. */
static void
test_real_file_figures (gconstpointer data)
{
  const char *name = data;
  g_autofree char *json = g_strdup_printf ("real/%s.json", name);
  g_autofree char *figures_path =
    g_strdup_printf ("%s/rlx/real/%s.rlx-figures.txt", g_getenv ("LIRSCOPE_TEST_DATA"), name);
  g_autofree char *figures = NULL;
  g_autoptr (LirModule) module = load (json);
  g_autoptr (GPtrArray) violations = NULL;
  LirBufferPlan *plan = lir_module_get_plan (module);
  LirPlanStats stats;
  guint64 n_violations;
  guint assignments = 0, aliases = 0;

  g_assert_true (g_file_get_contents (figures_path, &figures, NULL, NULL));
  violations = lir_module_list_violations (module, &n_violations);
  if (n_violations > 0)
    g_test_message ("%s", ((const LirViolation *)violations->pdata[0])->message);
  g_assert_cmpuint (n_violations, ==, 0);
  lir_plan_stats_compute (plan, &stats);
  g_assert_cmpuint (stats.arena_size, ==, figure (figures, "arena_size"));
  g_assert_cmpuint (stats.total_unshared, ==, figure (figures, "total_unshared_bytes"));
  g_assert_cmpuint (stats.bytes_saved, ==, figure (figures, "bytes_saved"));
  g_assert_cmpuint (lir_buffer_plan_get_alignment (plan), ==, figure (figures, "alignment"));
  for (guint32 id = 0; id < lir_buffer_plan_get_n_nodes (plan); id++)
    {
      assignments += lir_buffer_plan_get_slot (plan, id) != NULL; /* RLX assigns views too */
      aliases += lir_buffer_plan_get_view_alias (plan, id) != NULL
                 && lir_buffer_plan_get_view_alias (plan, id)->root != LIR_NO_NODE;
    }
  g_assert_cmpuint (assignments, ==, figure (figures, "assignments"));
  g_assert_cmpuint (aliases, ==, figure (figures, "view_aliases"));
}

/* Binding the symbols re-plans as RLX's specialize () does; a dynamic input
 * never turns inputs off, missing static params still mean params are out. */
static void
test_real_dynamic_specialize (void)
{
  static const struct
  {
    const char *name;
    guint64 seq_rows;
    guint n_symbols;
    guint64 arena;
  } cases[] = {
    { "real/c_dynamic.json", 128, 3, 21245952 },
    { "real/h_dynamic_hir.json", 128, 2, 5901312 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (LirModule) module = load (cases[c].name);
      g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
      g_autoptr (LirModule) bound = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) violations = NULL;
      guint64 n_violations;

      g_assert_true (lir_buffer_plan_get_allocates (lir_module_get_plan (module), LIR_OP_INPUT));
      lir_plan_options_set_strategy (options, "rlx-greedy");
      lir_plan_options_bind (options, "s0", 1);
      lir_plan_options_bind (options, "s1", cases[c].seq_rows);
      if (cases[c].n_symbols > 2)
        lir_plan_options_bind (options, "s2", cases[c].seq_rows);
      bound = lir_module_replan (module, options, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (bound)), ==, cases[c].arena);
      violations = lir_module_list_violations (bound, &n_violations);
      g_assert_cmpuint (n_violations, ==, 0);
    }
  {
    g_autoptr (LirModule) noparams = load ("real/e_gpt2_block_noparams.json");

    g_assert_false (lir_buffer_plan_get_allocates (lir_module_get_plan (noparams), LIR_OP_PARAM));
  }
}

/* RLX's payloads reach the labels (Binary(Add) is not Binary(Mul)), the
 * colour family keeps one reshape, origin.pass reaches the user, and the
 * fingerprint does not move. */
static void
test_real_labels (void)
{
  g_autoptr (LirModule) module = load ("real/b_gpt2_block.json");
  LirGraph *graph = lir_module_get_graph (module);
  gboolean add = FALSE, reshape = FALSE, plain = FALSE, fused = FALSE;

  for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
    {
      const char *label = lir_graph_get_node_op_label (graph, id);

      if (g_strcmp0 (label, "Binary(Add)") == 0)
        {
          add = TRUE;
          g_assert_cmpstr (lir_graph_get_node_op_family (graph, id), ==, "Binary(Add)");
          g_assert_cmpstr (lir_graph_get_node_op_name (graph, id), ==, "Binary");
        }
      if (g_str_has_prefix (label, "reshape(["))
        {
          reshape = TRUE;
          g_assert_cmpstr (lir_graph_get_node_op_family (graph, id), ==, "reshape");
        }
      if (g_strcmp0 (label, "matmul") == 0)
        plain = TRUE;
      g_assert_nonnull (lir_graph_get_node_origin (graph, id));
      fused |= g_strcmp0 (lir_graph_get_node_origin (graph, id), "fuse_matmul_bias_act") == 0;
    }
  g_assert_true (add && reshape && plain && fused);
  {
    g_autoptr (LirStatsReport) report = lir_stats_report_new (module);
    g_autofree char *path = rlx_path ("real/b_gpt2_block.rlx-figures.txt");
    g_autofree char *figures = NULL;

    g_assert_true (g_file_get_contents (path, &figures, NULL, NULL));
    /* RLX's fingerprint is its own DefaultHasher's; ours stays what it was before labels. */
    g_assert_cmpstr (lir_stats_report_get_value (report, LIR_STAT_FINGERPRINT), ==, "8734518bd71c7ded");
  }
}

/* A dynamic plan lists what it left out of the arena, with symbolic shapes. */
static void
test_real_dynamic_listed (void)
{
  g_autoptr (LirModule) module = load ("real/c_dynamic.json");
  g_autoptr (LirStatsReport) report = lir_stats_report_new (module);
  const char *dynamic = lir_stats_report_get_value (report, LIR_STAT_DYNAMIC);

  g_assert_nonnull (dynamic);
  g_assert_true (g_str_has_prefix (dynamic, "7 nodes: x f32[s0, s1, 768]"));
  g_assert_true (lir_stats_report_is_valid (report));
}

/* Every real RLX file keeps its fingerprint, its statistics and its text
 * through a write and a read: unbound symbols included (c_dynamic has
 * three), which once came back as bindings of 2^64 - 1. */
static void
test_real_round_trip (void)
{
  g_autofree char *dir_path = rlx_path ("real");
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *relative = NULL;
      g_autoptr (LirModule) module = NULL;
      g_autoptr (LirModule) back = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL, *again = NULL;
      LirPlanStats stats, back_stats;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      relative = g_build_filename ("real", name, NULL);
      module = load (relative);
      text = lir_module_to_json (module, NULL);
      back = lir_module_new_from_json (text, strlen (text), &error);
      g_assert_no_error (error);
      g_assert_cmphex (lir_module_get_fingerprint (back), ==, lir_module_get_fingerprint (module));
      g_assert_cmphex (lir_graph_get_fingerprint (lir_module_get_graph (back)), ==,
                       lir_graph_get_fingerprint (lir_module_get_graph (module)));
      again = lir_module_to_json (back, NULL);
      g_assert_cmpstr (text, ==, again);
      lir_plan_stats_compute (lir_module_get_plan (module), &stats);
      lir_plan_stats_compute (lir_module_get_plan (back), &back_stats);
      g_assert_cmpmem (&stats, sizeof stats, &back_stats, sizeof back_stats);
      files++;
    }
  g_assert_cmpuint (files, ==, 8);
}

/* Binding some of a dynamic module's symbols re-plans the nodes they size
 * and leaves the others dynamic (no slot), as RLX does: the plan validates
 * at every step, and with all three bound it is the CLI's 54.01 MiB. */
static void
test_real_partial_binding (void)
{
  g_autoptr (LirModule) module = load ("real/c_dynamic.json");
  g_autoptr (LirModule) current = lir_module_ref (module);
  static const struct
  {
    const char *symbol;
    guint64 value;
  } steps[] = { { "s0", 4 }, { "s1", 512 }, { "s2", 2048 } };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
      g_autoptr (GError) error = NULL;
      LirModule *next;
      guint dynamic = 0;

      lir_plan_options_bind (options, steps[i].symbol, steps[i].value);
      next = lir_module_replan (current, options, &error);
      g_assert_no_error (error);
      g_assert_true (lir_module_validate (next, &error));
      g_assert_cmpstr (lir_buffer_plan_get_strategy (lir_module_get_plan (next)), ==, "rlx-greedy");
      g_free (lir_module_get_dynamic_nodes (next, &dynamic));
      g_assert_cmpuint (dynamic > 0, ==, i < 2);
      lir_module_unref (current);
      current = next;
    }
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (current)), ==, 56635392);
  {
    /* Told not to keep symbols dynamic, an unbound one is an error. */
    g_autoptr (LirPlanOptions) strict = lir_plan_options_new ();
    g_autoptr (GError) error = NULL;
    g_autoptr (LirModule) refused = NULL;

    lir_plan_options_set_keep_dynamic (strict, FALSE);
    refused = lir_module_replan (module, strict, &error);
    g_assert_null (refused);
    g_assert_error (error, LIR_ERROR, LIR_ERROR_UNBOUND_SYMBOL);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rlx/static-import", test_static_import);
  g_test_add_func ("/rlx/dynamic-import", test_dynamic_import);
  g_test_add_data_func ("/rlx/rlx-greedy-reproduces/static", "rlx-static.json", test_rlx_greedy_reproduces);
  g_test_add_data_func ("/rlx/rlx-greedy-reproduces/dynamic", "rlx-dynamic.json", test_rlx_greedy_reproduces);
  g_test_add_data_func ("/rlx/rlx-greedy-reproduces/branches", "rlx-branches.json",
                        test_rlx_greedy_reproduces);
  g_test_add_func ("/rlx/diff-shows-saving", test_diff_shows_saving);
  g_test_add_func ("/rlx/map-order", test_map_order);
  {
    static const char *const real[] = {
      "a_mlp_2layer",          "b_gpt2_block",      "c_dynamic",     "c_dynamic_specialized",
      "e_gpt2_block_noparams", "g_const_viewchain", "h_dynamic_hir", "h_dynamic_hir_specialized"
    };

    for (guint i = 0; i < G_N_ELEMENTS (real); i++)
      {
        g_autofree char *test_path = g_strdup_printf ("/rlx/real/figures/%s", real[i]);

        g_test_add_data_func (test_path, real[i], test_real_file_figures);
      }
  }
  g_test_add_func ("/rlx/real/dynamic-specialize", test_real_dynamic_specialize);
  g_test_add_func ("/rlx/real/labels", test_real_labels);
  g_test_add_func ("/rlx/real/round-trip", test_real_round_trip);
  g_test_add_func ("/rlx/real/dynamic-listed", test_real_dynamic_listed);
  g_test_add_func ("/rlx/real/partial-binding", test_real_partial_binding);
  g_test_add_data_func ("/rlx/rlx-greedy-reproduces/real-mlp", "real/a_mlp_2layer.json",
                        test_rlx_greedy_reproduces);
  g_test_add_data_func ("/rlx/rlx-greedy-reproduces/real-gpt2", "real/b_gpt2_block.json",
                        test_rlx_greedy_reproduces);
  g_test_add_data_func ("/rlx/rlx-greedy-reproduces/real-noparams", "real/e_gpt2_block_noparams.json",
                        test_rlx_greedy_reproduces);
  g_test_add_data_func ("/rlx/rlx-greedy-reproduces/real-viewchain", "real/g_const_viewchain.json",
                        test_rlx_greedy_reproduces);
  g_test_add_data_func ("/rlx/rlx-greedy-reproduces/real-c-specialized", "real/c_dynamic_specialized.json",
                        test_rlx_greedy_reproduces);
  return g_test_run ();
}
