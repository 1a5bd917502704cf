/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-diff.c: matches the nodes of two plans and lists what changed.
 *
 * Nodes are matched by label (name, or `%id` for unnamed nodes) when labels
 * are unique in both graphs, else by id. Every node with a slot in either
 * plan is compared; the list is sorted by how many bytes a change concerns.
 * The growth explanation looks at B's peak step: the buffers live there
 * that were not live (or were smaller) at A's peak, and the buffers whose
 * top edge sets B's arena size.
 */
#include "lir-diff.h"
#include "lir-boxed-private.h"
#include "lir-arena-top.h"

#include "lir-live-set.h"

#include <math.h>
#include <string.h>

#include "ir/lir-graph-private.h"
#include "lir-buffer-plan-private.h"
#include "lir-fingerprint.h"

struct _LirPlanDiff
{
  gint ref_count;
  LirModule *a;
  LirModule *b;
  gboolean by_name;
  gboolean same_graph;
  LirPlanStats stats_a;
  LirPlanStats stats_b;
  GArray *changes;      /* LirBufferChange */
  GArray *peak;         /* LirPeakEntry */
  GArray *top;          /* LirPeakEntry */
  guint32 *change_of_b; /* node in B -> change index + 1, 0 if none */
  guint moved_steps;
  GPtrArray *labels; /* owned label strings for unnamed nodes */
};

static const char *
label_of (LirPlanDiff *diff, const LirGraph *graph, guint32 node)
{
  const char *name = lir_graph_get_node_name (graph, node);
  char *label;

  if (name != NULL)
    return name;
  label = g_strdup_printf ("%%%u", node);
  g_ptr_array_add (diff->labels, label);
  return label;
}

/* Label -> node, or NULL if two nodes share a label. */
static GHashTable *
label_index (LirPlanDiff *diff, const LirGraph *graph)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
    {
      const char *label = label_of (diff, graph, id);

      if (g_hash_table_contains (index, label))
        {
          g_hash_table_unref (index);
          return NULL;
        }
      g_hash_table_insert (index, (gpointer)label, GUINT_TO_POINTER (id + 1));
    }
  return index;
}

static int
compare_changes (const void *pa, const void *pb)
{
  const LirBufferChange *a = pa, *b = pb;

  if (a->bytes != b->bytes)
    return a->bytes > b->bytes ? -1 : 1;
  return strcmp (a->name, b->name);
}

static int
compare_entries (const void *pa, const void *pb)
{
  const LirPeakEntry *a = pa, *b = pb;

  if (a->bytes != b->bytes)
    return a->bytes > b->bytes ? -1 : 1;
  return strcmp (a->name, b->name);
}

static void
fill_side (const LirBufferPlan *plan, guint32 node, guint64 *size, guint64 *offset, guint32 *first,
           guint32 *last, LirPhase *phase)
{
  if (node == LIR_NO_NODE)
    return;
  *phase = plan->phases[node];
  if (plan->slot_flags[node] == LIR_SLOT_NONE)
    return;
  *size = plan->slots[node].size;
  *offset = plan->slots[node].offset;
  *first = plan->lifetimes[node].first_step;
  *last = plan->lifetimes[node].last_step;
}

static void
compare_pair (LirPlanDiff *diff, guint32 na, guint32 nb, const char *name)
{
  const LirBufferPlan *pa = lir_module_get_plan (diff->a), *pb = lir_module_get_plan (diff->b);
  gboolean slot_a = na != LIR_NO_NODE && pa->slot_flags[na] != LIR_SLOT_NONE;
  gboolean slot_b = nb != LIR_NO_NODE && pb->slot_flags[nb] != LIR_SLOT_NONE;
  LirBufferChange c = { name, na, nb, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, LIR_PHASE_NONE, LIR_PHASE_NONE };

  fill_side (pa, na, &c.size_a, &c.offset_a, &c.first_a, &c.last_a, &c.phase_a);
  fill_side (pb, nb, &c.size_b, &c.offset_b, &c.first_b, &c.last_b, &c.phase_b);
  if (na != LIR_NO_NODE && nb != LIR_NO_NODE && pa->step_of[na] != pb->step_of[nb] && !pa->explicit_lifetimes
      && !pb->explicit_lifetimes)
    {
      diff->moved_steps++;
      c.flags |= LIR_CHANGE_STEP;
    }
  if (na == LIR_NO_NODE)
    {
      c.flags |= LIR_CHANGE_ADDED;
      c.bytes = c.size_b;
    }
  else if (nb == LIR_NO_NODE)
    {
      c.flags |= LIR_CHANGE_REMOVED;
      c.bytes = c.size_a;
    }
  else if (slot_a && !slot_b)
    {
      c.flags |= LIR_CHANGE_LEFT_ARENA;
      c.bytes = c.size_a;
    }
  else if (!slot_a && slot_b)
    {
      c.flags |= LIR_CHANGE_ENTERED_ARENA;
      c.bytes = c.size_b;
    }
  else if (slot_a && slot_b)
    {
      gboolean view_a = (pa->slot_flags[na] & LIR_SLOT_VIEW) != 0;
      gboolean view_b = (pb->slot_flags[nb] & LIR_SLOT_VIEW) != 0;

      if (c.size_a != c.size_b)
        {
          c.flags |= LIR_CHANGE_SIZE;
          c.bytes = MAX (c.bytes, c.size_a > c.size_b ? c.size_a - c.size_b : c.size_b - c.size_a);
        }
      if (c.offset_a != c.offset_b)
        {
          c.flags |= LIR_CHANGE_OFFSET;
          c.bytes = MAX (c.bytes, c.size_b);
        }
      if (c.first_a != c.first_b || c.last_a != c.last_b)
        {
          c.flags |= LIR_CHANGE_LIFETIME;
          c.bytes = MAX (c.bytes, c.size_b);
        }
      if (view_a != view_b)
        {
          c.flags |= view_b ? LIR_CHANGE_BECAME_VIEW : LIR_CHANGE_STOPPED_VIEW;
          c.bytes = MAX (c.bytes, MAX (c.size_a, c.size_b));
        }
    }
  if (na != LIR_NO_NODE && nb != LIR_NO_NODE && c.phase_a != c.phase_b)
    c.flags |= LIR_CHANGE_PHASE;
  /* Only buffers, and nodes that came or went, are listed. */
  if (c.flags == 0 || (c.flags == LIR_CHANGE_STEP && !slot_a && !slot_b)
      || (!slot_a && !slot_b && !(c.flags & (LIR_CHANGE_ADDED | LIR_CHANGE_REMOVED))))
    return;
  g_array_append_val (diff->changes, c);
}

static gboolean
live_at (const LirBufferPlan *plan, guint32 node, guint32 step)
{
  return plan->lifetimes[node].first_step <= step && step <= plan->lifetimes[node].last_step;
}

static void
explain_growth (LirPlanDiff *diff, const guint32 *a_of_b)
{
  const LirBufferPlan *pa = lir_module_get_plan (diff->a), *pb = lir_module_get_plan (diff->b);
  LirGraph *gb = lir_module_get_graph (diff->b);
  guint32 peak_a = diff->stats_a.peak_step, peak_b = diff->stats_b.peak_step;

  for (guint32 nb = 0; nb < pb->n_nodes; nb++)
    {
      guint32 na = a_of_b[nb];
      guint64 before = 0;

      if (!(pb->slot_flags[nb] & LIR_SLOT_ALLOCATED))
        continue;
      if (!live_at (pb, nb, peak_b))
        continue;
      if (na != LIR_NO_NODE && (pa->slot_flags[na] & LIR_SLOT_ALLOCATED) && live_at (pa, na, peak_a))
        before = pa->slots[na].size;
      if (pb->slots[nb].size > before)
        {
          LirPeakEntry e = { label_of (diff, gb, nb), nb, pb->slots[nb].size - before, pb->slots[nb].offset,
                             pb->slots[nb].size };

          g_array_append_val (diff->peak, e);
        }
    }
  if (diff->peak->len > 0)
    qsort (diff->peak->data, diff->peak->len, sizeof (LirPeakEntry), compare_entries);
  /* What sets B's arena, worded as `lirscope-cli peak` words it. */
  {
    g_autoptr (GArray) top = lir_buffer_plan_get_top_edge (pb);

    for (guint i = 0; i < top->len; i++)
      {
        guint32 nb = g_array_index (top, guint32, i);
        LirPeakEntry e = { label_of (diff, gb, nb), nb, pb->slots[nb].size, pb->slots[nb].offset,
                           pb->slots[nb].size };

        g_array_append_val (diff->top, e);
      }
  }
}

/**
 * lir_plan_diff_new:
 * @a: the baseline, planned
 * @b: the plan to explain, planned
 *
 * Compares two planned modules buffer by buffer: nodes are matched by name
 * when the names are unique in both graphs, by id otherwise. The diff holds
 * references to both modules.
 *
 * Returns: (transfer full): the differences from @a to @b
 */
LirPlanDiff *
lir_plan_diff_new (LirModule *a, LirModule *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, NULL);
  g_return_val_if_fail (lir_module_get_plan (a) != NULL && lir_module_get_plan (b) != NULL, NULL);

  LirPlanDiff *diff = g_new0 (LirPlanDiff, 1);
  LirGraph *ga = lir_module_get_graph (a), *gb = lir_module_get_graph (b);
  guint n_a = lir_graph_get_n_nodes (ga), n_b = lir_graph_get_n_nodes (gb);
  g_autoptr (GHashTable) index_a = NULL;
  g_autoptr (GHashTable) index_b = NULL;
  g_autofree guint32 *b_of_a = g_new (guint32, n_a + 1);
  g_autofree guint32 *a_of_b = g_new (guint32, n_b + 1);

  diff->ref_count = 1;
  diff->a = lir_module_ref (a);
  diff->b = lir_module_ref (b);
  diff->changes = g_array_new (FALSE, FALSE, sizeof (LirBufferChange));
  diff->peak = g_array_new (FALSE, FALSE, sizeof (LirPeakEntry));
  diff->top = g_array_new (FALSE, FALSE, sizeof (LirPeakEntry));
  diff->labels = g_ptr_array_new_with_free_func (g_free);
  lir_plan_stats_compute (lir_module_get_plan (a), &diff->stats_a);
  lir_plan_stats_compute (lir_module_get_plan (b), &diff->stats_b);
  diff->same_graph = lir_graph_get_fingerprint (ga) == lir_graph_get_fingerprint (gb);

  index_a = label_index (diff, ga);
  index_b = label_index (diff, gb);
  diff->by_name = index_a != NULL && index_b != NULL;
  for (guint32 i = 0; i < n_b; i++)
    a_of_b[i] = LIR_NO_NODE;
  for (guint32 na = 0; na < n_a; na++)
    {
      guint32 nb = LIR_NO_NODE;

      if (diff->by_name)
        {
          gpointer found = g_hash_table_lookup (index_b, label_of (diff, ga, na));

          if (found != NULL)
            nb = GPOINTER_TO_UINT (found) - 1;
        }
      else if (na < n_b)
        nb = na;
      b_of_a[na] = nb;
      if (nb != LIR_NO_NODE)
        a_of_b[nb] = na;
    }
  for (guint32 na = 0; na < n_a; na++)
    compare_pair (diff, na, b_of_a[na], label_of (diff, ga, na));
  for (guint32 nb = 0; nb < n_b; nb++)
    if (a_of_b[nb] == LIR_NO_NODE)
      compare_pair (diff, LIR_NO_NODE, nb, label_of (diff, gb, nb));
  if (diff->changes->len > 0)
    qsort (diff->changes->data, diff->changes->len, sizeof (LirBufferChange), compare_changes);
  diff->change_of_b = g_new0 (guint32, n_b + 1);
  for (guint i = 0; i < diff->changes->len; i++)
    {
      guint32 nb = g_array_index (diff->changes, LirBufferChange, i).node_b;

      if (nb != LIR_NO_NODE)
        diff->change_of_b[nb] = i + 1;
    }
  explain_growth (diff, a_of_b);
  return diff;
}

/**
 * lir_plan_diff_ref: (skip)
 * @diff: a diff
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @diff; lir_plan_diff_unref () drops a reference
 */
LirPlanDiff *
lir_plan_diff_ref (LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, NULL);

  g_atomic_int_inc (&diff->ref_count);
  return diff;
}

/**
 * lir_plan_diff_unref: (skip)
 * @diff: (transfer full): a diff
 *
 * Drops a reference; the last one frees the diff.
 */
void
lir_plan_diff_unref (LirPlanDiff *diff)
{
  g_return_if_fail (diff != NULL);

  if (!g_atomic_int_dec_and_test (&diff->ref_count))
    return;
  lir_module_unref (diff->a);
  lir_module_unref (diff->b);
  g_array_unref (diff->changes);
  g_array_unref (diff->peak);
  g_array_unref (diff->top);
  g_ptr_array_unref (diff->labels);
  g_free (diff->change_of_b);
  g_free (diff);
}

/**
 * lir_plan_diff_get_a:
 * @diff: a diff
 *
 * The baseline the diff compares with.
 *
 * Returns: (transfer none): plan A's module
 */
LirModule *
lir_plan_diff_get_a (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, NULL);

  return diff->a;
}

/**
 * lir_plan_diff_get_b:
 * @diff: a diff
 *
 * The plan the diff explains.
 *
 * Returns: (transfer none): plan B's module
 */
LirModule *
lir_plan_diff_get_b (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, NULL);

  return diff->b;
}

/* TRUE when nodes were matched by label, FALSE when by id (labels repeat). */
/**
 * lir_plan_diff_get_matched_by_name:
 * @diff: a diff
 *
 * Whether nodes were matched by name (unique in both graphs) rather than by
 * id.
 *
 * Returns: %TRUE when matched by name
 */
gboolean
lir_plan_diff_get_matched_by_name (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, FALSE);

  return diff->by_name;
}

/* TRUE when both graphs have the same graph fingerprint: only the plan differs. */
/**
 * lir_plan_diff_get_same_graph:
 * @diff: a diff
 *
 * Whether both plans are of the same graph (equal graph fingerprints): then
 * only the plan differs.
 *
 * Returns: %TRUE for the same graph
 */
gboolean
lir_plan_diff_get_same_graph (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, FALSE);

  return diff->same_graph;
}

/**
 * lir_plan_diff_get_stats:
 * @diff: a diff
 * @b: %TRUE for plan B, %FALSE for plan A
 *
 * The figures of one of the two plans.
 *
 * Returns: (transfer none): the statistics
 */
const LirPlanStats *
lir_plan_diff_get_stats (const LirPlanDiff *diff, gboolean b)
{
  g_return_val_if_fail (diff != NULL, NULL);

  return b ? &diff->stats_b : &diff->stats_a;
}

/**
 * lir_plan_diff_get_n_changes:
 * @diff: a diff
 *
 * The number of nodes whose buffer differs between the two plans in any way
 * #LirChangeFlags names (added, removed, resized, moved, …).
 *
 * Returns: the number of changed buffers
 */
guint
lir_plan_diff_get_n_changes (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);

  return diff->changes->len;
}

/**
 * lir_plan_diff_get_change:
 * @diff: a diff
 * @index: an index
 *
 * One changed buffer, largest change first.
 */
const LirBufferChange *
lir_plan_diff_get_change (const LirPlanDiff *diff, guint index)
{
  g_return_val_if_fail (diff != NULL && index < diff->changes->len, NULL);
  return &g_array_index (diff->changes, LirBufferChange, index);
}

/**
 * lir_plan_diff_find_change_for_b:
 * @diff: a diff
 * @node_b: a node of B
 *
 * The change of one of plan B's nodes.
 *
 * Returns: (nullable): the change listed for @node_b, if any
 */
const LirBufferChange *
lir_plan_diff_find_change_for_b (const LirPlanDiff *diff, guint32 node_b)
{
  g_return_val_if_fail (diff != NULL, NULL);

  if (node_b >= lir_graph_get_n_nodes (lir_module_get_graph (diff->b)) || diff->change_of_b[node_b] == 0)
    return NULL;
  return &g_array_index (diff->changes, LirBufferChange, diff->change_of_b[node_b] - 1);
}

/* How many listed changes carry @flag. */
/**
 * lir_plan_diff_count_changes:
 * @diff: a diff
 * @flag: one change flag
 *
 * How many changes carry one flag.
 *
 * Returns: the number of changes with @flag
 */
guint
lir_plan_diff_count_changes (const LirPlanDiff *diff, LirChangeFlags flag)
{
  g_return_val_if_fail (diff != NULL, 0);

  guint count = 0;

  for (guint i = 0; i < diff->changes->len; i++)
    count += (g_array_index (diff->changes, LirBufferChange, i).flags & flag) != 0;
  return count;
}

/* Matched nodes that run at a different step. */
/**
 * lir_plan_diff_get_n_moved_steps:
 * @diff: a diff
 *
 * How many nodes run at another step in B than in A.
 *
 * Returns: the number of moved steps
 */
guint
lir_plan_diff_get_n_moved_steps (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);

  return diff->moved_steps;
}

/**
 * lir_plan_diff_get_n_peak_entries:
 * @diff: a diff
 *
 * How many buffers are listed live at B's peak.
 *
 * Returns: the number of entries
 */
guint
lir_plan_diff_get_n_peak_entries (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);

  return diff->peak->len;
}

/* Buffers live at B's peak with more bytes than at A's peak, largest first. */
/**
 * lir_plan_diff_get_peak_entry:
 * @diff: a diff
 * @index: an index
 *
 * One buffer live at B's peak, largest first.
 */
const LirPeakEntry *
lir_plan_diff_get_peak_entry (const LirPlanDiff *diff, guint index)
{
  g_return_val_if_fail (diff != NULL && index < diff->peak->len, NULL);
  return &g_array_index (diff->peak, LirPeakEntry, index);
}

/**
 * lir_plan_diff_get_n_top_entries:
 * @diff: a diff
 *
 * How many buffers set B's arena (their top edge is the arena).
 *
 * Returns: the number of entries
 */
guint
lir_plan_diff_get_n_top_entries (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);

  return diff->top->len;
}

/* Buffers whose top edge is B's arena size. */
/**
 * lir_plan_diff_get_top_entry:
 * @diff: a diff
 * @index: an index
 *
 * One buffer that sets B's arena, largest first.
 */
const LirPeakEntry *
lir_plan_diff_get_top_entry (const LirPlanDiff *diff, guint index)
{
  g_return_val_if_fail (diff != NULL && index < diff->top->len, NULL);
  return &g_array_index (diff->top, LirPeakEntry, index);
}

/**
 * lir_plan_diff_is_empty:
 * @diff: a diff
 *
 * Whether the two plans are the same: the same arena, lower bound and
 * buffers, and the same schedule.
 *
 * Returns: %TRUE if nothing changed
 */
gboolean
lir_plan_diff_is_empty (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, TRUE);

  return diff->changes->len == 0 && diff->moved_steps == 0
         && diff->stats_a.arena_size == diff->stats_b.arena_size
         && diff->stats_a.lower_bound == diff->stats_b.lower_bound;
}

/**
 * lir_plan_diff_get_arena_growth:
 * @diff: a diff
 *
 * How much larger @diff's plan B's arena is than A's: the figure behind
 * `lirscope-cli diff --fail-if-arena-grows`.
 *
 * Returns: B's arena relative to A's, in percent (+12.5 means 12.5 %
 *   larger); infinity when A's arena is empty and B's is not
 */
double
lir_plan_diff_get_arena_growth (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);

  double a = (double)diff->stats_a.arena_size, b = (double)diff->stats_b.arena_size;

  if (a == 0)
    return b == 0 ? 0 : INFINITY;
  return (b - a) / a * 100.0;
}

/* How many percentage points B's efficiency is below A's (negative: above). */
/**
 * lir_plan_diff_get_efficiency_drop:
 * @diff: a diff
 *
 * How many percentage points less efficient B is than A: the figure behind
 * `lirscope-cli diff --fail-if-efficiency-drops`.
 *
 * Returns: the drop in points (negative when B is more efficient)
 */
double
lir_plan_diff_get_efficiency_drop (const LirPlanDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);

  return (diff->stats_a.efficiency - diff->stats_b.efficiency) * 100.0;
}

/**
 * lir_change_flags_to_string:
 * @flag: one change flag
 *
 * Names one change flag in words (`resized`, `moved`…).
 *
 * Returns: (transfer none): the word
 */
const char *
lir_change_flags_to_string (LirChangeFlags flag)
{
  switch (flag)
    {
    case LIR_CHANGE_ADDED:
      return "added";
    case LIR_CHANGE_REMOVED:
      return "removed";
    case LIR_CHANGE_SIZE:
      return "size";
    case LIR_CHANGE_LIFETIME:
      return "lifetime";
    case LIR_CHANGE_OFFSET:
      return "offset";
    case LIR_CHANGE_PHASE:
      return "phase";
    case LIR_CHANGE_BECAME_VIEW:
      return "became_view";
    case LIR_CHANGE_STOPPED_VIEW:
      return "stopped_being_view";
    case LIR_CHANGE_ENTERED_ARENA:
      return "entered_arena";
    case LIR_CHANGE_LEFT_ARENA:
      return "left_arena";
    case LIR_CHANGE_STEP:
      return "step";
    default:
      return "unknown";
    }
}

LIR_DEFINE_BOXED_TYPE (LirPlanDiff, lir_plan_diff, lir_plan_diff_ref, lir_plan_diff_unref)

LIR_DEFINE_VALUE_TYPE_WITH_STRING (LirBufferChange, lir_buffer_change, name)

LIR_DEFINE_VALUE_TYPE_WITH_STRING (LirPeakEntry, lir_peak_entry, name)
