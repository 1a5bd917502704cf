/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-index.c: what the app asks instead of scanning a plan: the views of a
 * root, the buffers that reuse a buffer's bytes, the live set at a step,
 * name and op search, and the statistics, each against a brute-force answer. */
#include "lir-private.h"

#include <locale.h>
#include <string.h>

/* A random graph with views: reshapes and narrows of earlier results. */
static LirModule *
random_module (GRand *rand)
{
  g_autoptr (LirGraph) g = lir_graph_new ("random");
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 16, 8);
  guint n = g_rand_int_range (rand, 2, 80);
  guint32 last = lir_graph_add_input (g, "x", &s);
  g_autoptr (LirBufferPlan) plan = NULL;

  for (guint i = 1; i < n; i++)
    {
      guint32 pick = g_rand_int_range (rand, 0, (gint32)lir_graph_get_n_nodes (g));
      g_autofree char *name = g_strdup_printf ("%s.%u", g_rand_boolean (rand) ? "layer" : "block", i);
      LirShape t = LIR_SHAPE (LIR_DTYPE_F32, 16, 8);
      LirShape flat = LIR_SHAPE (LIR_DTYPE_F32, 128);
      guint32 in[2] = { last, pick };

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          last = lir_graph_add_reshape (g, last, &flat);
          last = lir_graph_add_reshape (g, last, &t);
          break;
        default:
          last = lir_graph_add_op (g, g_rand_boolean (rand) ? "matmul_like" : "add", in, 2, &t);
          break;
        }
      lir_graph_set_node_name (g, last, name);
    }
  lir_graph_set_outputs (g, &last, 1);
  lir_plan_options_set_strategy (options, g_rand_boolean (rand) ? "best-fit" : "rlx-greedy");
  plan = lir_graph_plan (g, options, &error);
  g_assert_no_error (error);
  return lir_module_new (g, plan);
}

static gboolean
overlaps (const LirBufferSlot *a, const LirBufferSlot *b)
{
  return a->offset < b->offset + b->size && b->offset < a->offset + a->size;
}

static void
test_views_and_sharers (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr (LirModule) module = random_module (rand);
      LirBufferPlan *plan = lir_module_get_plan (module);
      g_autoptr (LirPlanIndex) index = lir_plan_index_new (plan);
      guint n = lir_buffer_plan_get_n_nodes (plan);

      for (guint32 node = 0; node < n; node++)
        {
          g_autoptr (GArray) expected_views = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_autoptr (GArray) expected_sharers = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_autoptr (GArray) sharers = g_array_new (FALSE, FALSE, sizeof (guint32));
          const LirBufferSlot *slot = lir_buffer_plan_get_slot (plan, node);
          const guint32 *views;
          guint n_views, total;

          for (guint32 other = 0; other < n; other++)
            {
              const LirBufferSlot *o = lir_buffer_plan_get_slot (plan, other);

              if (o == NULL)
                continue;
              if (lir_buffer_plan_is_view (plan, other)
                  && lir_buffer_plan_get_view_alias (plan, other)->root == node)
                g_array_append_val (expected_views, other);
              if (slot != NULL && other != node && !lir_buffer_plan_is_view (plan, other)
                  && !lir_buffer_plan_is_view (plan, node) && slot->size > 0 && o->size > 0
                  && overlaps (slot, o))
                g_array_append_val (expected_sharers, other);
            }
          views = lir_plan_index_get_views_of (index, node, &n_views);
          g_assert_cmpmem (views, n_views * sizeof (guint32), expected_views->data,
                           expected_views->len * sizeof (guint32));
          total = lir_plan_index_get_sharers (index, node, G_MAXUINT, sharers);
          g_assert_cmpuint (total, ==, expected_sharers->len);
          /* Same set (the index lists them by offset). */
          for (guint i = 0; i < expected_sharers->len; i++)
            {
              gboolean found = FALSE;

              for (guint j = 0; j < sharers->len; j++)
                found |= g_array_index (sharers, guint32, j) == g_array_index (expected_sharers, guint32, i);
              g_assert_true (found);
            }
          /* A cap appends no more than asked, and still counts them all. */
          g_array_set_size (sharers, 0);
          g_assert_cmpuint (lir_plan_index_get_sharers (index, node, 1, sharers), ==, total);
          g_assert_cmpuint (sharers->len, ==, MIN (total, 1));
        }
    }
}

static void
test_search_index (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  static const char *const queries[] = {
    "l",   "la", "lay",         "LAYER", "layer.1", "block.2", "add",
    "ADD", "%",  "matmul_like", "r.1",   "yer",     "zzz",     "layer.10"
  };

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr (LirModule) module = random_module (rand);
      g_autoptr (LirSearchIndex) index = lir_search_index_new (module);
      LirGraph *graph = lir_module_get_graph (module);
      LirBufferPlan *plan = lir_module_get_plan (module);

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          g_autoptr (GArray) got = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_autoptr (GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_autofree char *needle = g_utf8_casefold (queries[q], -1);
          guint total;

          for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
            {
              char scratch[24];
              g_autofree char *label = NULL, *op = NULL;

              if (lir_buffer_plan_get_slot (plan, id) == NULL)
                continue;
              label = g_utf8_casefold (lir_graph_get_node_label (graph, id, scratch), -1);
              op = g_utf8_casefold (lir_graph_get_node_op_name (graph, id), -1);
              if (strstr (label, needle) != NULL || strstr (op, needle) != NULL)
                g_array_append_val (expected, id);
            }
          total = lir_search_index_find (index, queries[q], G_MAXUINT, got);
          g_assert_cmpuint (total, ==, expected->len);
          g_assert_cmpmem (got->data, got->len * sizeof (guint32), expected->data,
                           expected->len * sizeof (guint32));
          g_array_set_size (got, 0);
          g_assert_cmpuint (lir_search_index_find (index, queries[q], 2, got), ==, total);
          g_assert_cmpuint (got->len, ==, MIN (total, 2));
        }
      {
        g_autoptr (GArray) none = g_array_new (FALSE, FALSE, sizeof (guint32));

        g_assert_cmpuint (lir_search_index_find (index, "", 10, none), ==, 0);
      }
    }
}

static guint64
round_up (guint64 size, guint64 alignment)
{
  return (size + alignment - 1) / alignment * alignment;
}

/* The aligned lower bound against a step-by-step count; no strategy's arena
 * is below it; naive saves nothing by sharing. */
static void
test_honest_statistics (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  static const char *const strategies[] = { "naive", "best-fit", "rlx-greedy", "exact" };

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr (GString) csv = g_string_new ("id,lower,upper,size\n");
      guint n = g_rand_int_range (rand, 1, 14);
      guint64 alignment = 1u << g_rand_int_range (rand, 0, 8);
      g_autoptr (LirModule) source = NULL;
      g_autoptr (GError) error = NULL;

      for (guint b = 0; b < n; b++)
        {
          guint lower = g_rand_int_range (rand, 0, 12);

          g_string_append_printf (csv, "%u,%u,%u,%u\n", b, lower, lower + g_rand_int_range (rand, 1, 6),
                                  g_rand_int_range (rand, 1, 300));
        }
      source = lir_module_new_from_data (csv->str, csv->len, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < G_N_ELEMENTS (strategies); k++)
        {
          g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
          g_autoptr (LirModule) module = NULL;
          LirBufferPlan *plan;
          LirPlanStats stats;
          guint64 expected = 0, sum_aligned = 0;

          lir_plan_options_set_strategy (options, strategies[k]);
          lir_plan_options_set_alignment (options, alignment);
          module = lir_module_replan (source, options, &error);
          g_assert_no_error (error);
          plan = lir_module_get_plan (module);
          lir_plan_stats_compute (plan, &stats);
          for (guint32 step = 0; step < 20; step++)
            {
              guint64 sum = 0, slack = 0;

              for (guint32 id = 0; id < lir_buffer_plan_get_n_nodes (plan); id++)
                {
                  const LirBufferSlot *slot = lir_buffer_plan_get_slot (plan, id);
                  const LirLifetime *life = lir_buffer_plan_get_lifetime (plan, id);

                  if (slot == NULL || lir_buffer_plan_is_view (plan, id) || life->first_step > step
                      || life->last_step < step)
                    continue;
                  sum += round_up (slot->size, alignment);
                  slack = MAX (slack, round_up (slot->size, alignment) - slot->size);
                }
              expected = MAX (expected, sum - slack);
            }
          for (guint32 id = 0; id < lir_buffer_plan_get_n_nodes (plan); id++)
            sum_aligned += round_up (lir_buffer_plan_get_slot (plan, id)->size, alignment);
          g_assert_cmpuint (stats.aligned_lower_bound, ==, expected);
          g_assert_cmpuint (stats.aligned_lower_bound, >=, stats.lower_bound);
          g_assert_cmpuint (stats.aligned_lower_bound, <=, stats.arena_size);
          g_assert_cmpfloat (stats.efficiency, <=, 1.0);
          g_assert_cmpuint (stats.bytes_saved_by_views, ==, 0);
          g_assert_cmpuint (stats.bytes_saved_by_sharing, ==,
                            sum_aligned - MIN (sum_aligned, round_up (stats.arena_size, alignment)));
          if (k == 0)
            g_assert_cmpuint (stats.bytes_saved_by_sharing, ==, 0);
          if (k == 3 && stats.proven_optimal)
            g_assert_cmpuint (stats.aligned_lower_bound, <=, stats.arena_size);
        }
    }
}

/* The live set and the top edge against brute force on random plans. */
static void
test_live_set (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (17);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr (LirModule) module = random_module (rand);
      LirBufferPlan *plan = lir_module_get_plan (module);
      g_autoptr (LirPlanIndex) index = lir_plan_index_new (plan);
      g_autoptr (GArray) top = lir_buffer_plan_get_top_edge (plan);
      guint n = lir_buffer_plan_get_n_nodes (plan), n_top = 0;

      for (guint32 step = 0; step < lir_buffer_plan_get_n_steps (plan); step++)
        {
          g_autoptr (LirLiveSet) set = lir_live_set_new (module, index, step);
          guint64 live = 0, kinds[LIR_N_BUFFER_KINDS] = { 0 }, previous = G_MAXUINT64;
          guint n_owning = 0, n_views = 0, listed_views = 0;

          for (guint32 id = 0; id < n; id++)
            {
              const LirBufferSlot *slot = lir_buffer_plan_get_slot (plan, id);
              const LirLifetime *life = lir_buffer_plan_get_lifetime (plan, id);

              if (slot == NULL || life->first_step > step || life->last_step < step)
                continue;
              if (lir_buffer_plan_is_view (plan, id))
                {
                  n_views++;
                  continue;
                }
              n_owning++;
              live += slot->size;
              kinds[lir_module_get_buffer_kind (module, id)] += slot->size;
            }
          g_assert_cmpuint (lir_live_set_get_n_entries (set), ==, n_owning);
          g_assert_cmpuint (lir_live_set_get_live_bytes (set), ==, live);
          for (guint k = 0; k < LIR_N_BUFFER_KINDS; k++)
            g_assert_cmpuint (lir_live_set_get_kind_bytes (set, (LirBufferKind)k), ==, kinds[k]);
          for (guint e = 0; e < lir_live_set_get_n_entries (set); e++)
            {
              const LirLiveEntry *entry = lir_live_set_get_entry (set, e);
              const guint32 *views;
              guint count;

              g_assert_cmpuint (entry->bytes, <=, previous);
              previous = entry->bytes;
              g_assert_cmpuint (entry->bytes, ==, lir_buffer_plan_get_slot (plan, entry->node)->size);
              g_assert_true (entry->first_step <= step && entry->last_step >= step);
              views = lir_live_set_get_views (set, e, &count);
              g_assert_cmpuint (count, ==, entry->n_views);
              for (guint v = 0; v < count; v++)
                g_assert_cmpuint (lir_buffer_plan_get_view_alias (plan, views[v])->root, ==, entry->node);
              listed_views += count;
            }
          g_assert_cmpuint (listed_views, ==, n_views);
        }
      for (guint32 id = 0; id < n; id++)
        {
          const LirBufferSlot *slot = lir_buffer_plan_get_slot (plan, id);

          if (slot != NULL && !lir_buffer_plan_is_view (plan, id) && slot->size > 0
              && slot->offset + slot->size == lir_buffer_plan_get_arena_size (plan))
            n_top++;
        }
      g_assert_cmpuint (top->len, ==, n_top);
      if (top->len > 0)
        {
          g_autoptr (GArray) chain =
            lir_buffer_plan_get_arena_chain (plan, index, g_array_index (top, guint32, 0));

          /* Each one lies wholly under the one before, and they meet in time. */
          for (guint c = 1; c < chain->len; c++)
            {
              guint32 upper = g_array_index (chain, guint32, c - 1),
                      lower = g_array_index (chain, guint32, c);
              const LirLifetime *a = lir_buffer_plan_get_lifetime (plan, upper),
                                *b = lir_buffer_plan_get_lifetime (plan, lower);

              g_assert_cmpuint (lir_buffer_plan_get_slot (plan, lower)->offset
                                  + lir_buffer_plan_get_slot (plan, lower)->size,
                                <=, lir_buffer_plan_get_slot (plan, upper)->offset);
              g_assert_true (a->first_step <= b->last_step && b->first_step <= a->last_step);
            }
        }
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/index/views-and-sharers", test_views_and_sharers);
  g_test_add_func ("/plan/stats/honest", test_honest_statistics);
  g_test_add_func ("/plan/live-set/matches-brute-force", test_live_set);
  g_test_add_func ("/plan/search-index/matches-brute-force", test_search_index);
  return g_test_run ();
}
