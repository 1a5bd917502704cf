/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-live-set.c: the buffers live at one step, largest first, with totals by
 * kind and op.
 *
 * The live set comes from the plan index in O((k + 1) log n) for k buffers
 * and views live there, so the app can follow the cursor. Views own no
 * bytes: each is listed under its root and counted once, with the root.
 */
#include "lir-live-set.h"
#include "lir-boxed-private.h"

#include "lir-analysis-private.h"
#include "lir-buffer-kind.h"
#include "lir-buffer-plan-private.h"

struct _LirLiveSet
{
  gint ref_count;
  guint32 step;
  guint64 live_bytes;
  GArray *entries;     /* LirLiveEntry, largest first */
  guint32 *view_start; /* entries->len + 1 */
  GArray *views;       /* guint32, grouped by entry */
  guint64 kind_bytes[LIR_N_BUFFER_KINDS];
  guint64 category_bytes[LIR_N_CATEGORIES]; /* by the root's category */
  guint64 saved_bytes;                      /* roots saved for the backward, or with a saved view */
  GArray *ops;                              /* LirLiveOpTotal, largest first */
};

static int
compare_entries (gconstpointer pa, gconstpointer pb)
{
  const LirLiveEntry *a = pa, *b = pb;

  if (a->bytes != b->bytes)
    return a->bytes > b->bytes ? -1 : 1;
  return (a->node > b->node) - (a->node < b->node);
}

static int
compare_ops (gconstpointer pa, gconstpointer pb)
{
  const LirLiveOpTotal *a = pa, *b = pb;

  if (a->bytes != b->bytes)
    return a->bytes > b->bytes ? -1 : 1;
  return g_strcmp0 (a->op, b->op);
}

/* A training step's totals: each root's bytes under its own category, and
 * as saved when it or a view of it live here is read by the backward. */
static void
count_categories (LirLiveSet *set, const LirGraph *graph)
{
  for (guint i = 0; i < set->entries->len; i++)
    {
      const LirLiveEntry *e = &g_array_index (set->entries, LirLiveEntry, i);
      gboolean saved = lir_graph_get_node_saved (graph, e->node);

      set->category_bytes[lir_graph_get_node_category (graph, e->node)] += e->bytes;
      for (guint v = set->view_start[i]; v < set->view_start[i + 1] && !saved; v++)
        saved = lir_graph_get_node_saved (graph, g_array_index (set->views, guint32, v));
      if (saved)
        set->saved_bytes += e->bytes;
    }
}

/**
 * lir_live_set_new:
 * @module: a planned module
 * @index: (transfer none): the index of @module's plan
 * @step: a step of the plan
 *
 * What fills the arena at one step: the buffers live there, largest first (a
 * view listed under its root), with their totals by kind and by op.
 *
 * Returns: (transfer full): the buffers live at @step
 */
LirLiveSet *
lir_live_set_new (LirModule *module, const LirPlanIndex *index, guint32 step)
{
  g_return_val_if_fail (module != NULL && lir_module_get_plan (module) != NULL && index != NULL, NULL);
  g_return_val_if_fail (lir_plan_index_get_plan (index) == lir_module_get_plan (module), NULL);
  g_return_val_if_fail (step < MAX (lir_buffer_plan_get_n_steps (lir_module_get_plan (module)), 1), NULL);

  const LirBufferPlan *plan = lir_module_get_plan (module);
  LirGraph *graph = lir_module_get_graph (module);
  LirLiveSet *set = g_new0 (LirLiveSet, 1);
  set->ref_count = 1;
  g_autoptr (GArray) live = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GHashTable) entry_of = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) op_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) view_pairs = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
  g_autofree guint *fill = NULL;

  set->step = step;
  set->entries = g_array_new (FALSE, FALSE, sizeof (LirLiveEntry));
  set->views = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 16); /* ->data never NULL */
  set->ops = g_array_new (FALSE, FALSE, sizeof (LirLiveOpTotal));
  lir_plan_index_query (index, step, step, live);
  for (guint i = 0; i < live->len; i++)
    {
      guint32 id = g_array_index (live, guint32, i);
      LirLiveEntry e;

      if (plan->slot_flags[id] != LIR_SLOT_ALLOCATED)
        continue;
      e = (LirLiveEntry){ id,
                          plan->slots[id].size,
                          plan->slots[id].offset,
                          plan->lifetimes[id].first_step,
                          plan->lifetimes[id].last_step,
                          lir_module_get_buffer_kind (module, id),
                          0,
                          0 };
      g_array_append_val (set->entries, e);
      set->live_bytes += e.bytes;
      set->kind_bytes[e.kind] += e.bytes;
    }
  g_array_sort (set->entries, compare_entries);
  for (guint i = 0; i < set->entries->len; i++)
    {
      LirLiveEntry *e = &g_array_index (set->entries, LirLiveEntry, i);
      const char *op = lir_graph_get_node_op_family (graph, e->node);
      gpointer slot;

      e->share = set->live_bytes > 0 ? (double)e->bytes / (double)set->live_bytes : 0;
      g_hash_table_insert (entry_of, GUINT_TO_POINTER (e->node + 1), GUINT_TO_POINTER (i));
      if (!g_hash_table_lookup_extended (op_index, op, NULL, &slot))
        {
          LirLiveOpTotal total = { op, 0 };

          slot = GUINT_TO_POINTER (set->ops->len);
          g_hash_table_insert (op_index, (gpointer)op, slot);
          g_array_append_val (set->ops, total);
        }
      g_array_index (set->ops, LirLiveOpTotal, GPOINTER_TO_UINT (slot)).bytes += e->bytes;
    }
  g_array_sort (set->ops, compare_ops);

  /* Views, grouped under their roots' entries (CSR), in id order. */
  set->view_start = g_new0 (guint32, set->entries->len + 1);
  for (guint i = 0; i < live->len; i++)
    {
      guint32 id = g_array_index (live, guint32, i);
      gpointer entry;

      if (!(plan->slot_flags[id] & LIR_SLOT_VIEW)
          || !g_hash_table_lookup_extended (entry_of, GUINT_TO_POINTER (plan->aliases[id].root + 1), NULL,
                                            &entry))
        continue;
      {
        guint32 pair[2] = { GPOINTER_TO_UINT (entry), id };

        g_array_append_val (view_pairs, pair);
        set->view_start[GPOINTER_TO_UINT (entry) + 1]++;
      }
    }
  for (guint i = 0; i < set->entries->len; i++)
    {
      g_array_index (set->entries, LirLiveEntry, i).n_views = set->view_start[i + 1];
      set->view_start[i + 1] += set->view_start[i];
    }
  g_array_set_size (set->views, view_pairs->len);
  fill = g_new (guint, set->entries->len + 1);
  for (guint i = 0; i <= set->entries->len; i++)
    fill[i] = set->view_start[i];
  for (guint i = 0; i < view_pairs->len; i++)
    {
      const guint32 *pair = (const guint32 *)(void *)(view_pairs->data + (gsize)i * sizeof (guint32) * 2);

      g_array_index (set->views, guint32, fill[pair[0]]++) = pair[1];
    }
  count_categories (set, graph);
  return set;
}

/**
 * lir_live_set_ref: (skip)
 * @set: a live set
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @set, with one more reference
 */
LirLiveSet *
lir_live_set_ref (LirLiveSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_atomic_int_inc (&set->ref_count);
  return set;
}

/**
 * lir_live_set_unref: (skip)
 * @set: (transfer full): a live set
 *
 * Drops a reference; the last one frees it.
 */
void
lir_live_set_unref (LirLiveSet *set)
{
  g_return_if_fail (set != NULL);
  if (!g_atomic_int_dec_and_test (&set->ref_count))
    return;
  g_array_unref (set->entries);
  g_array_unref (set->views);
  g_array_unref (set->ops);
  g_free (set->view_start);
  g_free (set);
}

/**
 * lir_live_set_get_step:
 * @set: a live set
 *
 * The step the set was taken at.
 *
 * Returns: the step
 */
guint32
lir_live_set_get_step (const LirLiveSet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return set->step;
}

/* Returns: the bytes of the owning buffers live at the step (views not again) */
/**
 * lir_live_set_get_live_bytes:
 * @set: a live set
 *
 * The bytes of the buffers live at the step (views count with their roots).
 *
 * Returns: the live bytes
 */
guint64
lir_live_set_get_live_bytes (const LirLiveSet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return set->live_bytes;
}

/**
 * lir_live_set_get_n_entries:
 * @set: a live set
 *
 * How many buffers are live at the step.
 *
 * Returns: the number of entries
 */
guint
lir_live_set_get_n_entries (const LirLiveSet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return set->entries->len;
}

/* Returns: (transfer none): entry @index, largest first */
/**
 * lir_live_set_get_entry:
 * @set: a live set
 * @index: an entry, below lir_live_set_get_n_entries ()
 *
 * One live buffer, largest first.
 *
 * Returns: (transfer none): the entry
 */
const LirLiveEntry *
lir_live_set_get_entry (const LirLiveSet *set, guint index)
{
  g_return_val_if_fail (set != NULL && index < set->entries->len, NULL);
  return &g_array_index (set->entries, LirLiveEntry, index);
}

/**
 * lir_live_set_get_views:
 * @set: a live set
 * @index: an entry
 * @n_views: (out): how many
 *
 * The views of one live buffer that are live at the step.
 *
 * Returns: (transfer none) (array length=n_views): the entry's views live
 *   at the step, in id order
 */
const guint32 *
lir_live_set_get_views (const LirLiveSet *set, guint index, guint *n_views)
{
  g_return_val_if_fail (n_views != NULL, NULL);
  g_return_val_if_fail (set != NULL && index < set->entries->len, NULL);
  *n_views = set->view_start[index + 1] - set->view_start[index];
  return &g_array_index (set->views, guint32, set->view_start[index]);
}

/**
 * lir_live_set_get_kind_bytes:
 * @set: a live set
 * @kind: a kind
 *
 * The live bytes of one kind of buffer.
 *
 * Returns: the bytes
 */
guint64
lir_live_set_get_kind_bytes (const LirLiveSet *set, LirBufferKind kind)
{
  g_return_val_if_fail (set != NULL && kind < LIR_N_BUFFER_KINDS, 0);
  return set->kind_bytes[kind];
}

/**
 * lir_live_set_get_category_bytes:
 * @set: a live set
 * @category: a category
 *
 * The live bytes of buffers whose root has @category (a training step's
 * document; everything is %LIR_CATEGORY_NONE in others).
 *
 * Returns: the bytes
 */
guint64
lir_live_set_get_category_bytes (const LirLiveSet *set, LirCategory category)
{
  g_return_val_if_fail (set != NULL && category < LIR_N_CATEGORIES, 0);
  return set->category_bytes[category];
}

/**
 * lir_live_set_get_saved_bytes:
 * @set: a live set
 *
 * The live bytes saved for the backward pass: buffers whose root, or a
 * view of it live at the set's step, is a saved activation.
 *
 * Returns: the bytes
 */
guint64
lir_live_set_get_saved_bytes (const LirLiveSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->saved_bytes;
}

/**
 * lir_live_set_get_n_ops:
 * @set: a live set
 *
 * How many ops made the live buffers.
 *
 * Returns: the number of ops
 */
guint
lir_live_set_get_n_ops (const LirLiveSet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return set->ops->len;
}

/* Returns: (transfer none): the live bytes of one op, largest first */
/**
 * lir_live_set_get_op:
 * @set: a live set
 * @index: an op total, below lir_live_set_get_n_ops ()
 *
 * The live bytes one op made, largest first.
 *
 * Returns: (transfer none): the total
 */
const LirLiveOpTotal *
lir_live_set_get_op (const LirLiveSet *set, guint index)
{
  g_return_val_if_fail (set != NULL && index < set->ops->len, NULL);
  return &g_array_index (set->ops, LirLiveOpTotal, index);
}

LIR_DEFINE_BOXED_TYPE (LirLiveSet, lir_live_set, lir_live_set_ref, lir_live_set_unref)

LIR_DEFINE_VALUE_TYPE (LirLiveEntry, lir_live_entry)

LIR_DEFINE_VALUE_TYPE_WITH_STRING (LirLiveOpTotal, lir_live_op_total, op)
