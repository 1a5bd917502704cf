/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-validate.c: the validator finds each kind of broken plan, and all of them. */
#include "lir-private.h"
#include "plan/lir-buffer-plan-private.h"

#include <string.h>

typedef struct
{
  LirModule *module;
  LirBufferPlan *plan;
  const LirGraph *graph;
} Fixture;

static guint32
find_node (const LirGraph *graph, const char *name)
{
  for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
    if (g_strcmp0 (lir_graph_get_node_name (graph, id), name) == 0)
      return id;
  g_assert_not_reached ();
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "decoder-block.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();

  f->module = lir_module_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (lir_module_ensure_plan (f->module, options, &error));
  f->plan = lir_module_get_plan (f->module);
  f->graph = lir_module_get_graph (f->module);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  lir_module_unref (f->module);
}

static guint64
count_kind (const LirModule *module, LirViolationKind kind, guint64 *total)
{
  g_autoptr (GPtrArray) violations = lir_module_list_violations (module, total);
  guint64 n = 0;

  for (guint i = 0; i < violations->len; i++)
    if (((LirViolation *)g_ptr_array_index (violations, i))->kind == kind)
      n++;
  return n;
}

static void
test_valid (Fixture *f, gconstpointer data)
{
  guint64 total;
  g_autoptr (GPtrArray) violations = lir_module_list_violations (f->module, &total);
  g_assert_cmpuint (total, ==, 0);
  g_assert_cmpuint (violations->len, ==, 0);
}

static void
test_overlap (Fixture *f, gconstpointer data)
{
  guint32 q = find_node (f->graph, "q_proj"), k = find_node (f->graph, "k_proj");
  guint64 total;

  f->plan->slots[k].offset = f->plan->slots[q].offset;
  g_assert_cmpuint (count_kind (f->module, LIR_VIOLATION_OVERLAP, &total), >=, 1);
}

/* Messages name the nodes (a named node's label is its name). */
static void
test_messages_name_nodes (Fixture *f, gconstpointer data)
{
  guint32 q = find_node (f->graph, "q_proj"), last = find_node (f->graph, "last_token");
  guint64 total;
  g_autoptr (GPtrArray) violations = NULL;
  gboolean misaligned = FALSE, outside = FALSE;

  f->plan->slots[q].offset += 4;
  f->plan->slots[last].offset += 64;
  violations = lir_module_list_violations (f->module, &total);
  for (guint i = 0; i < violations->len; i++)
    {
      const LirViolation *v = g_ptr_array_index (violations, i);

      if (v->kind == LIR_VIOLATION_MISALIGNED)
        misaligned = g_str_has_prefix (v->message, "q_proj: ");
      if (v->kind == LIR_VIOLATION_VIEW_OUTSIDE_ROOT)
        {
          g_autofree char *expected =
            g_strdup_printf ("last_token: view at %s+",
                             lir_graph_get_node_name (f->graph, f->plan->aliases[last].root));

          outside = g_str_has_prefix (v->message, expected);
        }
    }
  g_assert_true (misaligned);
  g_assert_true (outside);
}

static void
test_misaligned_and_arena (Fixture *f, gconstpointer data)
{
  guint32 q = find_node (f->graph, "q_proj");
  guint64 total;

  f->plan->slots[q].offset += 4;
  f->plan->arena_size += 4096;
  g_assert_cmpuint (count_kind (f->module, LIR_VIOLATION_MISALIGNED, &total), ==, 1);
  g_assert_cmpuint (count_kind (f->module, LIR_VIOLATION_ARENA_SIZE, &total), ==, 1);
  /* Every violation is reported, not only the first. */
  g_assert_cmpuint (total, >=, 2);
}

static void
test_out_of_arena (Fixture *f, gconstpointer data)
{
  guint64 total;

  f->plan->arena_size -= 64;
  g_assert_cmpuint (count_kind (f->module, LIR_VIOLATION_OUT_OF_ARENA, &total), >=, 1);
}

static void
test_view_outside_root (Fixture *f, gconstpointer data)
{
  guint32 last = find_node (f->graph, "last_token");
  guint64 total;

  f->plan->slots[last].offset += 64;
  g_assert_cmpuint (count_kind (f->module, LIR_VIOLATION_VIEW_OUTSIDE_ROOT, &total), ==, 1);
}

static void
test_view_mismatch (Fixture *f, gconstpointer data)
{
  guint32 last = find_node (f->graph, "last_token");
  guint64 total;

  f->plan->aliases[last].byte_offset = 0;
  g_assert_cmpuint (count_kind (f->module, LIR_VIOLATION_VIEW_MISMATCH, &total), ==, 1);
}

static void
test_schedule (Fixture *f, gconstpointer data)
{
  guint32 *schedule = (guint32 *)f->plan->schedule->data;
  guint32 first = schedule[0];
  guint64 total;

  schedule[0] = schedule[f->plan->schedule->len - 1];
  schedule[f->plan->schedule->len - 1] = first;
  g_assert_cmpuint (count_kind (f->module, LIR_VIOLATION_SCHEDULE, &total), ==, 1);
}

static void
test_size_and_missing (Fixture *f, gconstpointer data)
{
  guint32 q = find_node (f->graph, "q_proj"), v = find_node (f->graph, "v_proj");
  guint64 total;

  f->plan->slots[q].size -= 4;
  f->plan->slot_flags[v] = 0;
  g_assert_cmpuint (count_kind (f->module, LIR_VIOLATION_SIZE_MISMATCH, &total), ==, 1);
  g_assert_cmpuint (count_kind (f->module, LIR_VIOLATION_MISSING_SLOT, &total), ==, 1);
}

/* The sweep over an offset-ordered live set reports exactly the pairs of
 * buffers that share bytes while both are live, as a check of every pair
 * finds them: on thousands of random buffer lists, packed (valid) and
 * jumbled (many overlaps, chains of them). */
static void
test_overlaps_match_pairs (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261207);

  for (guint round = 0; round < 2000; round++)
    {
      guint n = g_rand_int_range (rand, 1, 40);
      gboolean jumbled = round % 2 == 1;
      guint64 lower[40], upper[40], size[40], offset[40], pairs = 0, total = 0, top = 0;
      g_autoptr (GString) csv = g_string_new ("id,lower,upper,size,offset\n");
      g_autoptr (LirModule) module = NULL;
      g_autoptr (GError) error = NULL;

      for (guint i = 0; i < n; i++)
        {
          lower[i] = g_rand_int_range (rand, 0, 30);
          upper[i] = lower[i] + g_rand_int_range (rand, 1, 10);
          size[i] = g_rand_int_range (rand, 1, 64);
          /* Packed: stacked so nothing shares; jumbled: anywhere low. */
          offset[i] = jumbled ? (guint64)g_rand_int_range (rand, 0, 128) : top;
          top += size[i];
          g_string_append_printf (csv,
                                  "b%u,%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT
                                  ",%" G_GUINT64_FORMAT "\n",
                                  i, lower[i], upper[i], size[i], offset[i]);
        }
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          pairs += lower[i] < upper[j] && lower[j] < upper[i] && offset[i] < offset[j] + size[j]
                   && offset[j] < offset[i] + size[i];
      module = lir_module_new_from_csv (csv->str, csv->len, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (count_kind (module, LIR_VIOLATION_OVERLAP, &total), ==, pairs);
      if (!jumbled)
        g_assert_cmpuint (total, ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/plan/validate/valid", test_valid);
  ADD ("/plan/validate/overlap", test_overlap);
  ADD ("/plan/validate/messages-name-nodes", test_messages_name_nodes);
  ADD ("/plan/validate/misaligned-and-arena", test_misaligned_and_arena);
  ADD ("/plan/validate/out-of-arena", test_out_of_arena);
  ADD ("/plan/validate/view-outside-root", test_view_outside_root);
  ADD ("/plan/validate/view-mismatch", test_view_mismatch);
  ADD ("/plan/validate/schedule", test_schedule);
  ADD ("/plan/validate/size-and-missing", test_size_and_missing);
  g_test_add_func ("/plan/validate/overlaps-match-pairs", test_overlaps_match_pairs);
  return g_test_run ();
}
