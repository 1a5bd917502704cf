/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-order-report.c: `lirscope-cli schedule`: whether the order is the
 * best, the proof or the bracket, the nodes a lower order moves, and what
 * that frees at the given order's peak.
 *
 * The moves: the longest run of nodes that keeps its relative order from
 * the given order to the best one stays; every other node moved, and the
 * nodes moved that run back to back in the best order are told as one
 * block, with the node they now run before. Inputs, params and constants
 * never count as moved: they hold their bytes at every step.
 */
#include "lir-order-report.h"

#include "ir/lir-json-doc-private.h"
#include "lir-format-private.h"
#include "plan/lir-live-set.h"
#include "plan/lir-plan-stats.h"
#include "plan/lir-reorder-private.h"

#include <string.h>

/* A block of moved nodes: best-order positions [first, last], and the
 * node it now runs before (LIR_NO_NODE at the end). */
typedef struct
{
  guint first;
  guint last;
  guint32 before;
} Block;

static gboolean
counts (const LirGraph *graph, guint32 node)
{
  return !lir_op_kind_is_boundary (lir_graph_get_node_kind (graph, node));
}

static guint8 *
moved_nodes (const LirOrderReport *report)
{
  const LirGraph *graph = lir_module_get_graph (lir_order_report_get_module (report));
  guint n, n_given;
  const guint32 *best = lir_order_report_get_best_order (report, &n);
  const guint32 *given = lir_order_report_get_given_order (report, &n_given);
  g_autofree guint8 *skip = g_new0 (guint8, n + 1);

  for (guint i = 0; i < n; i++)
    skip[best[i]] = !counts (graph, best[i]);
  return lir_order_moved (given, best, n, skip);
}

static GArray *
moved_blocks (const LirOrderReport *report)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_autofree guint8 *moved = NULL;
  const LirGraph *graph = lir_module_get_graph (lir_order_report_get_module (report));
  guint n;
  const guint32 *best = lir_order_report_get_best_order (report, &n);

  if (lir_order_report_get_best (report) == NULL)
    return blocks;
  moved = moved_nodes (report);
  for (guint i = 0; i < n; i++)
    {
      Block block = { i, i, LIR_NO_NODE };

      if (!moved[best[i]])
        continue;
      /* Boundary nodes in between do not split a block. */
      while (i + 1 < n && (moved[best[i + 1]] || !counts (graph, best[i + 1])))
        if (moved[best[++i]])
          block.last = i;
      for (guint k = block.last + 1; k < n && block.before == LIR_NO_NODE; k++)
        if (counts (graph, best[k]))
          block.before = best[k];
      g_array_append_val (blocks, block);
    }
  return blocks;
}

static char *
describe_block (const LirOrderReport *report, const Block *block)
{
  const LirGraph *graph = lir_module_get_graph (lir_order_report_get_module (report));
  guint n, count = 0;
  const guint32 *best = lir_order_report_get_best_order (report, &n);
  g_autofree guint8 *moved = moved_nodes (report);
  guint32 last = best[block->last];
  char a[LIR_SHORT_NAME_SIZE], b[LIR_SHORT_NAME_SIZE], c[LIR_SHORT_NAME_SIZE];
  g_autofree char *where = NULL;

  for (guint i = block->first; i <= block->last; i++)
    count += moved[best[i]];
  where = block->before != LIR_NO_NODE
            ? g_strdup_printf ("before %s", lir_graph_get_node_short_label (graph, block->before, c))
            : g_strdup ("at the end");
  if (count == 1)
    return g_strdup_printf ("%s now runs %s", lir_graph_get_node_short_label (graph, best[block->first], a),
                            where);
  return g_strdup_printf ("%s … %s (%u nodes) now run %s",
                          lir_graph_get_node_short_label (graph, best[block->first], a),
                          lir_graph_get_node_short_label (graph, last, b), count, where);
}

/**
 * lir_order_report_list_moves:
 * @report: a report
 * @max_moves: list at most this many blocks; the last line then counts the
 *   rest
 *
 * The nodes the best order moves, a sentence for each block of them run
 * back to back: "aux_classifier.0 … aux_classifier.4 (5 nodes) now run
 * before layer4.0.conv1". Empty when the given order is the best.
 *
 * Returns: (transfer full) (array zero-terminated=1): the sentences
 */
char **
lir_order_report_list_moves (const LirOrderReport *report, guint max_moves)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_autoptr (GArray) blocks = moved_blocks (report);
  GPtrArray *lines = g_ptr_array_new ();

  for (guint i = 0; i < blocks->len && i < max_moves; i++)
    g_ptr_array_add (lines, describe_block (report, &g_array_index (blocks, Block, i)));
  if (blocks->len > max_moves)
    g_ptr_array_add (lines, g_strdup_printf ("and %u more blocks of moved nodes", blocks->len - max_moves));
  g_ptr_array_add (lines, NULL);
  return (char **)g_ptr_array_free (lines, FALSE);
}

/* The saving, as a share; in bytes when the share rounds to nothing, so
 * that a 4-byte saving never reads as "−0.0%". */
static char *
minus_percent (guint64 from, guint64 to)
{
  double share = from > 0 ? (double)(from - to) / from : 0;
  g_autofree char *text = share < 0.0005 ? lir_format_bytes (from - to) : lir_format_percent (share, 1);

  return g_strdup_printf ("−%s", text);
}

static char *
proof_text (const LirOrderReport *report, guint64 peak)
{
  guint32 node;
  guint64 floor = lir_order_report_get_floor (report, &node);
  g_autofree char *floor_text = lir_format_bytes (floor);
  guint64 n_states = lir_order_report_get_n_states (report);
  g_autofree char *count = lir_format_count (n_states);
  g_autofree char *states = g_strdup_printf ("%s %s", count, n_states == 1 ? "state" : "states");
  char scratch[LIR_SHORT_NAME_SIZE];

  switch (lir_order_report_get_proof (report))
    {
    case LIR_ORDER_PROOF_FLOOR:
      if (node == LIR_NO_NODE) /* the outputs and the arena's fixed part alone */
        return g_strdup_printf ("proved: no order holds less than %s", floor_text);
      return g_strdup_printf ("proved: any order holds %s at %s", floor_text,
                              lir_graph_get_node_short_label (lir_module_get_graph (
                                                                lir_order_report_get_module (report)),
                                                              node, scratch));
    case LIR_ORDER_PROOF_SEARCH:
      return g_strdup_printf ("proved by a search through every order it could not rule out: %s", states);
    case LIR_ORDER_PROOF_NONE:
    default:
      {
        g_autofree char *peak_text = lir_format_bytes (peak);

        return g_strdup_printf ("not decided %s (%s): the lowest peak is between %s and %s",
                                lir_order_report_get_stopped (report) ? "when stopped" : "within the budget",
                                states, floor_text, peak_text);
      }
    }
}

/**
 * lir_order_report_get_verdict:
 * @report: a report
 *
 * One sentence: "the order is optimal (proved: any order holds 9.19 MiB at
 * layer4.0.conv1)", "an order with peak 18.44 MiB (−14.0%) exists, and it
 * is optimal (proved …)", or the bracket when the search ran out of
 * budget.
 *
 * Returns: (transfer full): the verdict
 */
char *
lir_order_report_get_verdict (const LirOrderReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  guint64 given = lir_order_report_get_given_peak (report), best = lir_order_report_get_best_peak (report);
  g_autofree char *proof = proof_text (report, best);
  g_autofree char *best_text = lir_format_bytes (best);
  g_autofree char *percent = minus_percent (given, best);
  gboolean proved = lir_order_report_get_proof (report) != LIR_ORDER_PROOF_NONE;

  if (best >= given)
    return proved ? g_strdup_printf ("the order is optimal (%s)", proof)
                  : g_strdup_printf ("no lower order found; %s", proof);
  return proved ? g_strdup_printf ("an order with peak %s (%s) exists, and it is optimal (%s)", best_text,
                                   percent, proof)
                : g_strdup_printf ("an order with peak %s (%s) exists; %s", best_text, percent, proof);
}

/* The given order's peak step, or G_MAXUINT when the peak is after the
 * last step (outputs only). */
static guint32
given_peak_node (const LirOrderReport *report)
{
  LirBufferPlan *plan = lir_module_get_plan (lir_order_report_get_given_module (report));
  LirPlanStats stats;
  guint n;
  const guint32 *schedule = lir_buffer_plan_get_schedule (plan, &n);

  lir_plan_stats_compute (plan, &stats);
  return stats.peak_step < n ? schedule[stats.peak_step] : LIR_NO_NODE;
}

static LirLiveSet *
live_at (LirModule *module, guint32 node)
{
  LirBufferPlan *plan = lir_module_get_plan (module);
  g_autoptr (LirPlanIndex) index = lir_plan_index_new (plan);

  return lir_live_set_new (module, index, lir_buffer_plan_get_step (plan, node));
}

/* The buffers live in @a's set and not in @b's, largest first. */
static GArray *
only_in (const LirLiveSet *a, const LirLiveSet *b)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (LirLiveEntry));
  g_autoptr (GHashTable) in_b = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < lir_live_set_get_n_entries (b); i++)
    g_hash_table_add (in_b, GUINT_TO_POINTER (lir_live_set_get_entry (b, i)->node + 1));
  for (guint i = 0; i < lir_live_set_get_n_entries (a); i++)
    if (!g_hash_table_contains (in_b, GUINT_TO_POINTER (lir_live_set_get_entry (a, i)->node + 1)))
      g_array_append_vals (out, lir_live_set_get_entry (a, i), 1);
  return out;
}

/* At the given order's peak: what the best order freed before it or makes
 * after it, and what it keeps live there instead. */
static void
peak_changes (const LirOrderReport *report, guint32 peak, GArray **freed, GArray **later, GArray **added)
{
  LirBufferPlan *best = lir_module_get_plan (lir_order_report_get_best (report));
  g_autoptr (LirLiveSet) before = live_at (lir_order_report_get_given_module (report), peak);
  g_autoptr (LirLiveSet) after = live_at (lir_order_report_get_best (report), peak);
  g_autoptr (GArray) gone = only_in (before, after);
  guint32 step = lir_buffer_plan_get_step (best, peak);

  *freed = g_array_new (FALSE, FALSE, sizeof (LirLiveEntry));
  *later = g_array_new (FALSE, FALSE, sizeof (LirLiveEntry));
  for (guint i = 0; i < gone->len; i++)
    {
      const LirLiveEntry *e = &g_array_index (gone, LirLiveEntry, i);

      g_array_append_vals (lir_buffer_plan_get_lifetime (best, e->node)->last_step < step ? *freed : *later,
                           e, 1);
    }
  *added = only_in (after, before);
}

static void
append_entries (GString *out, const LirGraph *graph, const GArray *entries, guint max)
{
  char scratch[LIR_SHORT_NAME_SIZE];

  for (guint i = 0; i < entries->len && i < max; i++)
    {
      const LirLiveEntry *e = &g_array_index (entries, LirLiveEntry, i);
      g_autofree char *bytes = lir_format_bytes (e->bytes);

      g_string_append_printf (out, "%s%s (%s)", i > 0 ? ", " : "",
                              lir_graph_get_node_short_label (graph, e->node, scratch), bytes);
    }
  if (entries->len > max)
    g_string_append_printf (out, " and %u more", entries->len - max);
}

static void
append_arena_text (GString *out, const LirOrderReport *report, LirModule *given_placed)
{
  LirBufferPlan *given = lir_module_get_plan (given_placed),
                *best = lir_module_get_plan (lir_order_report_get_best (report));
  g_autofree char *a = lir_format_bytes (lir_buffer_plan_get_arena_size (given));
  g_autofree char *b = lir_format_bytes (lir_buffer_plan_get_arena_size (best));

  g_string_append_printf (out, "  arena          %s → %s, both placed by %s\n", a, b,
                          lir_buffer_plan_get_strategy (best));
}

/**
 * lir_order_report_to_text:
 * @report: a report
 * @given_placed: (nullable): the module in its own order, planned with the
 *   options of the search, to compare the arena sizes
 *
 * Words the report as `lirscope-cli schedule` prints it: the given order's
 * peak and where, the floor and where it binds, the best order found, the
 * verdict, the moves, and what the moves free at the given order's peak.
 *
 * Returns: (transfer full): the report, for people
 */
char *
lir_order_report_to_text (const LirOrderReport *report, LirModule *given_placed)
{
  g_return_val_if_fail (report != NULL, NULL);

  LirModule *module = lir_order_report_get_module (report);
  const LirGraph *graph = lir_module_get_graph (module);
  GString *out = g_string_new (NULL);
  guint32 peak = given_peak_node (report), floor_node;
  guint64 floor = lir_order_report_get_floor (report, &floor_node);
  g_autofree char *given_text = lir_format_bytes (lir_order_report_get_given_peak (report));
  g_autofree char *floor_text = lir_format_bytes (floor);
  g_autofree char *verdict = lir_order_report_get_verdict (report);
  char scratch[LIR_SHORT_NAME_SIZE];
  guint n;

  lir_order_report_get_best_order (report, &n);
  g_string_append_printf (out, "%s: execution order of %u nodes\n  given order    peak %s",
                          lir_module_get_name (module), n, given_text);
  if (peak != LIR_NO_NODE)
    g_string_append_printf (out, " at %s", lir_graph_get_node_short_label (graph, peak, scratch));
  g_string_append_printf (out, "\n  floor          %s", floor_text);
  if (floor_node != LIR_NO_NODE)
    g_string_append_printf (out, " at %s: any order holds this much when it runs",
                            lir_graph_get_node_short_label (graph, floor_node, scratch));
  if (lir_order_report_get_best (report) != NULL)
    {
      g_autofree char *best_text = lir_format_bytes (lir_order_report_get_best_peak (report));
      g_autofree char *percent =
        minus_percent (lir_order_report_get_given_peak (report), lir_order_report_get_best_peak (report));

      g_string_append_printf (out, "\n  best order     peak %s (%s), found by %s", best_text, percent,
                              lir_order_report_get_method (report));
    }
  g_string_append_printf (out, "\n  verdict        %s\n", verdict);
  if (lir_order_report_get_best (report) == NULL)
    return g_string_free (out, FALSE);
  if (given_placed != NULL)
    append_arena_text (out, report, given_placed);
  {
    g_auto (GStrv) moves = lir_order_report_list_moves (report, 8);

    for (guint i = 0; moves[i] != NULL; i++)
      g_string_append_printf (out, "  %-14s %s\n", i == 0 ? "moves" : "", moves[i]);
  }
  if (peak != LIR_NO_NODE)
    {
      g_autoptr (GArray) freed = NULL;
      g_autoptr (GArray) later = NULL;
      g_autoptr (GArray) added = NULL;
      const char *titles[] = { "freed before it", "made after it", "live there instead" };
      GArray *lists[] = { NULL, NULL, NULL };

      peak_changes (report, peak, &freed, &later, &added);
      lists[0] = freed;
      lists[1] = later;
      lists[2] = added;
      g_string_append_printf (out, "  at %s, the given order's peak:\n",
                              lir_graph_get_node_short_label (graph, peak, scratch));
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        {
          if (lists[i]->len == 0)
            continue;
          g_string_append_printf (out, "    %-20s ", titles[i]);
          append_entries (out, graph, lists[i], 6);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static void
append_node_json (GString *out, const LirGraph *graph, guint32 node)
{
  char scratch[24];

  if (node == LIR_NO_NODE)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_printf (out, "{\"node\": %u, \"name\": ", node);
  lir_json_append_string (out, lir_graph_get_node_label (graph, node, scratch));
  g_string_append_c (out, '}');
}

static void
append_entries_json (GString *out, const LirGraph *graph, const GArray *entries)
{
  char scratch[24];

  g_string_append_c (out, '[');
  for (guint i = 0; i < entries->len; i++)
    {
      const LirLiveEntry *e = &g_array_index (entries, LirLiveEntry, i);

      g_string_append_printf (out, "%s{\"node\": %u, \"name\": ", i > 0 ? ", " : "", e->node);
      lir_json_append_string (out, lir_graph_get_node_label (graph, e->node, scratch));
      g_string_append_printf (out, ", \"bytes\": %" G_GUINT64_FORMAT "}", e->bytes);
    }
  g_string_append_c (out, ']');
}

static void
append_moves_json (GString *out, const LirOrderReport *report)
{
  g_autoptr (GArray) blocks = moved_blocks (report);
  g_autofree guint8 *moved = moved_nodes (report);
  guint n;
  const guint32 *best = lir_order_report_get_best_order (report, &n);

  g_string_append (out, ",\n  \"moves\": [");
  for (guint b = 0; b < blocks->len; b++)
    {
      const Block *block = &g_array_index (blocks, Block, b);
      g_autofree char *text = describe_block (report, block);
      gboolean first = TRUE;

      g_string_append_printf (out, "%s\n    {\"nodes\": [", b > 0 ? "," : "");
      for (guint i = block->first; i <= block->last; i++)
        if (moved[best[i]])
          {
            g_string_append_printf (out, "%s%u", first ? "" : ", ", best[i]);
            first = FALSE;
          }
      g_string_append (out, "], \"before\": ");
      if (block->before != LIR_NO_NODE)
        g_string_append_printf (out, "%u", block->before);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"text\": ");
      lir_json_append_string (out, text);
      g_string_append_c (out, '}');
    }
  g_string_append (out, blocks->len > 0 ? "\n  ]" : "]");
}

static const char *const proof_names[] = {
  [LIR_ORDER_PROOF_NONE] = "none",
  [LIR_ORDER_PROOF_FLOOR] = "floor",
  [LIR_ORDER_PROOF_SEARCH] = "search",
};

/**
 * lir_order_report_to_json:
 * @report: a report
 * @given_placed: (nullable): the module in its own order, planned with the
 *   options of the search, to compare the arena sizes
 *
 * The report as `lirscope-cli schedule --json` prints it.
 *
 * Returns: (transfer full): one JSON object (data/FORMAT.md lists the fields)
 */
char *
lir_order_report_to_json (const LirOrderReport *report, LirModule *given_placed)
{
  g_return_val_if_fail (report != NULL, NULL);

  LirModule *module = lir_order_report_get_module (report), *best_module = lir_order_report_get_best (report);
  const LirGraph *graph = lir_module_get_graph (module);
  guint64 given = lir_order_report_get_given_peak (report), best = lir_order_report_get_best_peak (report);
  guint32 peak = given_peak_node (report), floor_node;
  guint64 floor = lir_order_report_get_floor (report, &floor_node);
  g_autofree char *verdict = lir_order_report_get_verdict (report);
  GString *out = g_string_new ("{\n  \"name\": ");
  guint n;
  const guint32 *order = lir_order_report_get_best_order (report, &n);

  lir_json_append_string (out, lir_module_get_name (module));
  g_string_append_printf (out,
                          ",\n  \"nodes\": %u,\n  \"given_peak\": %" G_GUINT64_FORMAT
                          ",\n  \"given_peak_node\": ",
                          n, given);
  append_node_json (out, graph, peak);
  g_string_append_printf (out, ",\n  \"floor\": %" G_GUINT64_FORMAT ",\n  \"floor_node\": ", floor);
  append_node_json (out, graph, floor_node);
  g_string_append_printf (out,
                          ",\n  \"best_peak\": %" G_GUINT64_FORMAT ",\n  \"saving\": %" G_GUINT64_FORMAT
                          ",\n  \"saving_fraction\": %.6f,\n  \"proof\": \"%s\",\n  \"optimal\": %s,\n  "
                          "\"found_by\": ",
                          best, given - best, given > 0 ? (double)(given - best) / given : 0.0,
                          proof_names[lir_order_report_get_proof (report)],
                          lir_order_report_get_proof (report) != LIR_ORDER_PROOF_NONE ? "true" : "false");
  lir_json_append_string (out, lir_order_report_get_method (report));
  g_string_append_printf (out, ",\n  \"states\": %" G_GUINT64_FORMAT ",\n  \"verdict\": ",
                          lir_order_report_get_n_states (report));
  lir_json_append_string (out, verdict);
  if (best_module != NULL && given_placed != NULL)
    {
      g_string_append (out, ",\n  \"arena\": {\"strategy\": ");
      lir_json_append_string (out, lir_buffer_plan_get_strategy (lir_module_get_plan (best_module)));
      g_string_append_printf (out, ", \"given\": %" G_GUINT64_FORMAT ", \"best\": %" G_GUINT64_FORMAT "}",
                              lir_buffer_plan_get_arena_size (lir_module_get_plan (given_placed)),
                              lir_buffer_plan_get_arena_size (lir_module_get_plan (best_module)));
    }
  append_moves_json (out, report);
  if (best_module != NULL && peak != LIR_NO_NODE)
    {
      g_autoptr (GArray) freed = NULL;
      g_autoptr (GArray) later = NULL;
      g_autoptr (GArray) added = NULL;

      peak_changes (report, peak, &freed, &later, &added);
      g_string_append (out, ",\n  \"at_given_peak\": {\"freed_before\": ");
      append_entries_json (out, graph, freed);
      g_string_append (out, ", \"made_after\": ");
      append_entries_json (out, graph, later);
      g_string_append (out, ", \"live_instead\": ");
      append_entries_json (out, graph, added);
      g_string_append_c (out, '}');
    }
  g_string_append (out, ",\n  \"order\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? ", " : "", order[i]);
  g_string_append (out, "]\n}\n");
  return g_string_free (out, FALSE);
}
