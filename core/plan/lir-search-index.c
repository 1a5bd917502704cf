/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-search-index.c: a trigram index over buffers' names and op names.
 *
 * Each buffer (every node with a slot) gets one key, its case-folded label
 * and op name separated by a byte that no query contains. Every distinct
 * three-byte gram of the keys has a posting list of the buffers whose key
 * holds it, in id order. A query of three bytes or more takes the shortest
 * posting list among its grams and confirms each candidate with strstr (), so
 * it costs the size of that list, not the number of buffers. Shorter queries
 * match a large share of any plan, so for them a pass over the prebuilt keys
 * is proportional to the answer anyway.
 */
#include "lir-search-index.h"
#include "lir-boxed-private.h"

#include <string.h>

#include "alloc/lir-strategy-private.h"

#define SEPARATOR '\001'

struct _LirSearchIndex
{
  gint ref_count;
  guint n_entries;
  guint32 *nodes;     /* n_entries: the buffers, in id order */
  guint32 *key_start; /* n_entries + 1: key e is keys[key_start[e] ..], NUL-terminated */
  char *keys;
  guint n_grams;
  guint32 *grams;      /* n_grams distinct grams, ascending */
  guint32 *post_start; /* n_grams + 1 */
  guint32 *postings;   /* entry numbers */
};

static inline guint32
gram_at (const char *p)
{
  return (guint32)(guint8)p[0] << 16 | (guint32)(guint8)p[1] << 8 | (guint8)p[2];
}

/**
 * lir_search_index_new:
 * @module: a planned module
 *
 * Indexes a plan's buffers by name and op, so that a search does not scan
 * every buffer for each keystroke.
 *
 * Returns: (transfer full): an index of @module's buffers and views by
 *   label (name or `%id`) and op name, case-insensitive
 */
LirSearchIndex *
lir_search_index_new (LirModule *module)
{
  g_return_val_if_fail (module != NULL && lir_module_get_plan (module) != NULL, NULL);

  LirSearchIndex *index = g_new0 (LirSearchIndex, 1);
  index->ref_count = 1;
  LirGraph *graph = lir_module_get_graph (module);
  LirBufferPlan *plan = lir_module_get_plan (module);
  GString *keys = g_string_new (NULL);
  g_autoptr (GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (LirKeyed));
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
    {
      char scratch[24];
      g_autofree char *label = NULL;
      g_autofree char *op = NULL;
      guint32 entry = nodes->len, start = (guint32)keys->len;

      if (lir_buffer_plan_get_slot (plan, id) == NULL)
        continue;
      label = g_utf8_casefold (lir_graph_get_node_label (graph, id, scratch), -1);
      op = g_utf8_casefold (lir_graph_get_node_op_label (graph, id), -1);
      g_array_append_val (nodes, id);
      g_array_append_val (starts, start);
      g_string_append (keys, label);
      g_string_append_c (keys, SEPARATOR);
      g_string_append (keys, op);
      g_string_append_c (keys, '\0');
      /* Each gram once per key. */
      g_hash_table_remove_all (seen);
      for (const char *p = keys->str + start; p[0] != '\0' && p[1] != '\0' && p[2] != '\0'; p++)
        {
          guint32 gram = gram_at (p);
          LirKeyed pair = { gram, entry };

          if (g_hash_table_add (seen, GUINT_TO_POINTER (gram + 1)))
            g_array_append_val (pairs, pair);
        }
    }
  {
    guint32 end = (guint32)keys->len;

    g_array_append_val (starts, end);
  }
  index->n_entries = nodes->len;
  index->nodes = (guint32 *)g_array_free (g_steal_pointer (&nodes), FALSE);
  index->key_start = (guint32 *)g_array_free (g_steal_pointer (&starts), FALSE);
  index->keys = g_string_free (keys, FALSE);

  /* Stable by gram: each posting list stays in entry (so id) order. */
  lir_keyed_sort ((LirKeyed *)(void *)pairs->data, pairs->len);
  index->grams = g_new (guint32, pairs->len + 1);
  index->post_start = g_new (guint32, pairs->len + 2);
  index->postings = g_new (guint32, pairs->len + 1);
  for (guint i = 0; i < pairs->len; i++)
    {
      const LirKeyed *pair = &g_array_index (pairs, LirKeyed, i);

      if (i == 0 || pair->key != g_array_index (pairs, LirKeyed, i - 1).key)
        {
          index->grams[index->n_grams] = (guint32)pair->key;
          index->post_start[index->n_grams++] = i;
        }
      index->postings[i] = (guint32)pair->value;
    }
  index->post_start[index->n_grams] = pairs->len;
  return index;
}

/**
 * lir_search_index_ref: (skip)
 * @index: an index
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @index, with one more reference
 */
LirSearchIndex *
lir_search_index_ref (LirSearchIndex *index)
{
  g_return_val_if_fail (index != NULL, NULL);
  g_atomic_int_inc (&index->ref_count);
  return index;
}

/**
 * lir_search_index_unref: (skip)
 * @index: (transfer full): an index
 *
 * Drops a reference; the last one frees it.
 */
void
lir_search_index_unref (LirSearchIndex *index)
{
  g_return_if_fail (index != NULL);
  if (!g_atomic_int_dec_and_test (&index->ref_count))
    return;
  g_free (index->nodes);
  g_free (index->key_start);
  g_free (index->keys);
  g_free (index->grams);
  g_free (index->post_start);
  g_free (index->postings);
  g_free (index);
}

/* The posting list of @gram, or NULL when no key holds it. */
static const guint32 *
postings_of (const LirSearchIndex *index, guint32 gram, guint *n)
{
  guint lo = 0, hi = index->n_grams;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (index->grams[mid] < gram)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == index->n_grams || index->grams[lo] != gram)
    {
      *n = 0;
      return NULL;
    }
  *n = index->post_start[lo + 1] - index->post_start[lo];
  return &index->postings[index->post_start[lo]];
}

/**
 * lir_search_index_find: (skip)
 * @index: an index
 * @text: part of a name or op name, any case
 * @max_nodes: append at most this many
 * @nodes: (element-type guint32): where the matching nodes are appended,
 *   in id order
 *
 * Finds the buffers whose label or op name contains @text, in any case.
 *
 * Returns: how many buffers match in all (possibly more than appended);
 *   0 for an empty @text
 */
guint
lir_search_index_find (const LirSearchIndex *index, const char *text, guint max_nodes, GArray *nodes)
{
  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (text != NULL && nodes != NULL, 0);

  g_autofree char *needle = g_utf8_casefold (text, -1);
  gsize length = strlen (needle);
  const guint32 *candidates = NULL;
  guint n_candidates = index->n_entries, total = 0;

  if (length == 0 || strchr (needle, SEPARATOR) != NULL)
    return 0;
  if (length >= 3)
    for (gsize i = 0; i + 3 <= length; i++)
      {
        guint n;
        const guint32 *list = postings_of (index, gram_at (needle + i), &n);

        if (list == NULL)
          return 0;
        if (candidates == NULL || n < n_candidates)
          {
            candidates = list;
            n_candidates = n;
          }
      }
  for (guint c = 0; c < n_candidates; c++)
    {
      guint32 entry = candidates != NULL ? candidates[c] : c;
      const char *key = index->keys + index->key_start[entry];

      if (strstr (key, needle) == NULL)
        continue;
      if (total < max_nodes)
        g_array_append_val (nodes, index->nodes[entry]);
      total++;
    }
  return total;
}

LIR_DEFINE_BOXED_TYPE (LirSearchIndex, lir_search_index, lir_search_index_ref, lir_search_index_unref)
