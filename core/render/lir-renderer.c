/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-renderer.c: the renderer: what it derives from a plan once, its options, and the words it describes a
 * buffer with. */
#include "lir-render-private.h"
#include "lir-boxed-private.h"
#include "plan/lir-arena-top.h"

#include <string.h>

#include "ir/lir-graph-private.h"
#include "plan/lir-live-set.h"
#include "report/lir-format-private.h"

/* Orders node ids by first step, then id (user_data: the plan). */
int
lir_render_compare_first_step (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  const LirBufferPlan *plan = user_data;
  guint32 a = *(const guint32 *)pa, b = *(const guint32 *)pb;

  if (plan->lifetimes[a].first_step != plan->lifetimes[b].first_step)
    return plan->lifetimes[a].first_step < plan->lifetimes[b].first_step ? -1 : 1;
  return (a > b) - (a < b);
}

typedef struct
{
  const char *name;
  guint64 bytes;
} OpTotal;

static int
compare_op_totals (const void *pa, const void *pb)
{
  const OpTotal *a = pa, *b = pb;

  if (a->bytes != b->bytes)
    return a->bytes > b->bytes ? -1 : 1;
  return strcmp (a->name, b->name);
}

/* Each node's colour under colour-by-category, and which of them a slot
 * uses, so the legend lists only those. */
static void
classify_categories (LirRenderer *r, const LirGraph *graph)
{
  r->categories = g_new0 (guint8, r->plan->n_nodes + 1);
  for (guint32 id = 0; id < r->plan->n_nodes; id++)
    {
      LirCategory category = lir_graph_get_node_category (graph, id);

      r->categories[id] = lir_graph_get_node_saved (graph, id) ? SAVED_ACTIVATION : (guint8)category;
      if (r->plan->slot_flags[id] != LIR_SLOT_NONE)
        r->categories_present |= 1u << r->categories[id];
    }
}

/* Ranks op names by the arena bytes their buffers own, so the legend lists
 * the kinds that matter; ties break by name, keeping colours stable. */
static void
rank_ops (LirRenderer *r)
{
  g_autoptr (GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) sorted = g_array_new (FALSE, FALSE, sizeof (OpTotal));
  g_autoptr (GHashTable) rank = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = r->plan->n_nodes;
  GHashTableIter iter;
  gpointer key, value;

  for (guint32 id = 0; id < n; id++)
    {
      const char *op = lir_graph_get_node_op_family (r->graph, id);
      OpTotal *total = g_hash_table_lookup (totals, op);

      if (total == NULL)
        {
          total = g_new0 (OpTotal, 1);
          total->name = op;
          g_hash_table_insert (totals, (gpointer)op, total);
        }
      if (r->plan->slot_flags[id] & LIR_SLOT_ALLOCATED)
        total->bytes = MIN (total->bytes, G_MAXUINT64 - r->plan->slots[id].size) + r->plan->slots[id].size;
    }
  g_hash_table_iter_init (&iter, totals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_array_append_val (sorted, *(OpTotal *)value);
      g_free (value);
    }
  if (sorted->len > 0)
    qsort (sorted->data, sorted->len, sizeof (OpTotal), compare_op_totals);
  r->n_op_names = MIN (sorted->len, N_OP_COLORS);
  for (guint i = 0; i < r->n_op_names; i++)
    {
      r->op_names[i] = g_array_index (sorted, OpTotal, i).name;
      g_hash_table_insert (rank, (gpointer)r->op_names[i], GUINT_TO_POINTER (i + 1));
    }
  r->op_rank = g_new (guint8, n + 1);
  for (guint32 id = 0; id < n; id++)
    {
      guint found =
        GPOINTER_TO_UINT (g_hash_table_lookup (rank, lir_graph_get_node_op_family (r->graph, id)));

      r->op_rank[id] = found != 0 ? found - 1 : N_OP_COLORS;
    }
}

/**
 * lir_renderer_new:
 * @module: a planned module
 *
 * Precomputes what every frame needs: statistics, live bytes per step, the
 * interval index, colours and fingerprints.
 *
 * Returns: (transfer full): a renderer holding a reference to @module
 */
LirRenderer *
lir_renderer_new (LirModule *module)
{
  g_return_val_if_fail (module != NULL && lir_module_get_plan (module) != NULL, NULL);

  LirRenderer *r = g_new0 (LirRenderer, 1);
  guint n_schedule;
  const guint32 *schedule;

  r->ref_count = 1;
  r->module = lir_module_ref (module);
  r->plan = lir_module_get_plan (module);
  r->graph = lir_module_get_graph (module);
  r->index = lir_plan_index_new (r->plan);
  lir_plan_stats_compute (r->plan, &r->stats);
  r->live = lir_live_profile_new (r->plan);
  r->n_steps = lir_buffer_plan_get_n_steps (r->plan);
  for (guint32 id = 0; id < r->plan->n_nodes; id++)
    if (r->plan->slot_flags[id] != LIR_SLOT_NONE)
      r->n_steps = MAX (r->n_steps, r->plan->lifetimes[id].last_step + 1);
  r->n_steps = MAX (r->n_steps, 1);
  r->max_live = r->stats.lower_bound;
  rank_ops (r);
  r->kinds = lir_module_get_buffer_kinds (module, NULL);
  classify_categories (r, lir_module_get_graph (module));
  r->top_edge = lir_buffer_plan_get_top_edge (r->plan);
  r->top_edge_by_step = g_array_copy (r->top_edge);
  g_array_sort_with_data (r->top_edge_by_step, lir_render_compare_first_step, r->plan);
  {
    g_autoptr (LirLiveSet) peak = lir_live_set_new (module, r->index, r->stats.peak_step);

    r->n_peak_largest = MIN (lir_live_set_get_n_entries (peak), MAX_CALLOUTS);
    r->peak_largest = g_new (guint32, r->n_peak_largest + 1);
    for (guint i = 0; i < r->n_peak_largest; i++)
      r->peak_largest[i] = lir_live_set_get_entry (peak, i)->node;
  }

  schedule = lir_buffer_plan_get_schedule (r->plan, &n_schedule);
  r->n_step_nodes = MIN (n_schedule, r->n_steps);
  r->step_node = g_memdup2 (schedule, sizeof (guint32) * r->n_step_nodes);
  r->columns = lir_column_map_new (r);
  for (guint32 id = 0; id < r->plan->n_nodes; id++)
    if (r->plan->phases[id] != LIR_PHASE_NONE)
      r->has_phases = TRUE;
  r->has_regions = !lir_module_is_buffer_only (module) && lir_graph_has_regions (r->graph);
  if (!lir_module_is_buffer_only (module))
    lir_graph_build_consumers (r->graph, NULL, &r->consumer_start, &r->consumers);
  lir_renderer_init_dynamic (r);

  return r;
}

/**
 * lir_renderer_ref: (skip)
 * @renderer: a renderer
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @renderer; lir_renderer_unref () drops a reference
 */
LirRenderer *
lir_renderer_ref (LirRenderer *renderer)
{
  g_return_val_if_fail (renderer != NULL, NULL);

  g_atomic_int_inc (&renderer->ref_count);
  return renderer;
}

/**
 * lir_renderer_unref: (skip)
 * @renderer: (nullable) (transfer full): a renderer
 *
 * Drops a reference; the last one frees the renderer. %NULL is allowed.
 */
void
lir_renderer_unref (LirRenderer *renderer)
{
  if (renderer == NULL || !g_atomic_int_dec_and_test (&renderer->ref_count))
    return;
  lir_plan_index_unref (renderer->index);
  lir_module_unref (renderer->module);
  lir_live_profile_free (renderer->live);
  g_free (renderer->op_rank);
  g_free (renderer->kinds);
  g_free (renderer->categories);
  g_array_unref (renderer->top_edge);
  g_array_unref (renderer->top_edge_by_step);
  g_free (renderer->peak_largest);
  g_free (renderer->step_node);
  lir_column_map_free (renderer->columns);
  g_free (renderer->consumer_start);
  g_free (renderer->consumers);
  g_free (renderer->dynamic);
  g_free (renderer->dynamic_lane);
  g_free (renderer);
}

/**
 * lir_renderer_get_module:
 * @renderer: a renderer
 *
 * The module the renderer draws.
 *
 * Returns: (transfer none): the module
 */
LirModule *
lir_renderer_get_module (const LirRenderer *renderer)
{
  g_return_val_if_fail (renderer != NULL, NULL);

  return renderer->module;
}

/**
 * lir_renderer_get_index:
 * @renderer: a renderer
 *
 * The interval index of the drawn plan, for hit tests and range queries.
 *
 * Returns: (transfer none): the index
 */
const LirPlanIndex *
lir_renderer_get_index (const LirRenderer *renderer)
{
  g_return_val_if_fail (renderer != NULL, NULL);

  return renderer->index;
}

/**
 * lir_renderer_get_n_steps:
 * @renderer: a renderer
 *
 * How many schedule steps the drawn plan has.
 *
 * Returns: the number of steps
 */
guint
lir_renderer_get_n_steps (const LirRenderer *renderer)
{
  g_return_val_if_fail (renderer != NULL, 0);

  return renderer->n_steps;
}

/**
 * lir_renderer_get_live_bytes:
 * @renderer: a renderer
 * @step: a step
 *
 * The live-bytes strip's value at one step.
 *
 * Returns: owning bytes live at @step
 */
guint64
lir_renderer_get_live_bytes (const LirRenderer *renderer, guint32 step)
{
  g_return_val_if_fail (renderer != NULL, 0);

  return lir_live_profile_at (renderer->live, step);
}

/**
 * lir_renderer_get_readers:
 * @renderer: a renderer
 * @node: a node id
 * @n_readers: (out): how many
 *
 * The readers the selection highlights.
 *
 * Returns: (transfer none) (array length=n_readers) (nullable): the nodes
 *   that take @node as an input (the selection highlights their steps);
 *   %NULL for buffer-only plans
 */
const guint32 *
lir_renderer_get_readers (const LirRenderer *renderer, guint32 node, guint *n_readers)
{
  g_return_val_if_fail (renderer != NULL, NULL);
  g_return_val_if_fail (n_readers != NULL, NULL);

  *n_readers = 0;
  if (renderer->consumers == NULL || node >= renderer->plan->n_nodes)
    return NULL;
  *n_readers = renderer->consumer_start[node + 1] - renderer->consumer_start[node];
  return &renderer->consumers[renderer->consumer_start[node]];
}

/**
 * lir_render_options_init:
 * @options: (out caller-allocates): options to fill
 *
 * Fills @options with the defaults: coloured by phase, light, with labels,
 * the header and the live-bytes strip, nothing selected, no cursor, no diff,
 * and only the steps that run.
 */
void
lir_render_options_init (LirRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (LirRenderOptions){
    .color_by = LIR_COLOR_BY_PHASE,
    .theme = LIR_THEME_LIGHT,
    .labels = TRUE,
    .header = TRUE,
    .strip = TRUE,
    .hidden_phases = 0,
    .selected = LIR_NO_NODE,
    .cursor_step = -1,
    .diff = NULL,
    .all_steps = FALSE,
  };
}

/**
 * lir_render_format_get_extension:
 * @format: a format
 *
 * The file name extension of a format, for names that have none yet.
 *
 * Returns: (transfer none): `svg`, `png` or `pdf`
 */
const char *
lir_render_format_get_extension (LirRenderFormat format)
{
  switch (format)
    {
    case LIR_RENDER_PNG:
      return "png";
    case LIR_RENDER_PDF:
      return "pdf";
    case LIR_RENDER_SVG:
    default:
      return "svg";
    }
}

/**
 * lir_render_format_apply_to_path:
 * @path: a file name as a user typed it
 * @format: the format the user chose
 *
 * The name to export @path to in @format: a name that already ends in an
 * image extension keeps it (it says what the user wants), any other gets
 * @format's appended (`r50-visible` becomes `r50-visible.pdf`).
 *
 * Returns: (transfer full): the name to write
 */
char *
lir_render_format_apply_to_path (const char *path, LirRenderFormat format)
{
  LirRenderFormat named;

  g_return_val_if_fail (path != NULL, NULL);

  if (lir_render_format_from_path (path, &named))
    return g_strdup (path);
  return g_strdup_printf ("%s.%s", path, lir_render_format_get_extension (format));
}

/**
 * lir_render_format_swap_extension:
 * @name: a suggested file name
 * @format: the format now chosen
 *
 * The suggested name for another format: an image extension is replaced,
 * any other name gets one.
 *
 * Returns: (transfer full): @name with @format's extension
 */
char *
lir_render_format_swap_extension (const char *name, LirRenderFormat format)
{
  LirRenderFormat named;
  const char *dot;

  g_return_val_if_fail (name != NULL, NULL);

  dot = strrchr (name, '.');
  if (dot != NULL && lir_render_format_from_path (name, &named))
    return g_strdup_printf ("%.*s.%s", (int)(dot - name), name, lir_render_format_get_extension (format));
  return g_strdup_printf ("%s.%s", name, lir_render_format_get_extension (format));
}

/**
 * lir_render_format_from_path:
 * @path: an output path
 * @format: (out): the format its extension names
 *
 * The image format an output path's extension names.
 *
 * Returns: %FALSE unless @path ends in .svg, .png or .pdf (any case)
 */
gboolean
lir_render_format_from_path (const char *path, LirRenderFormat *format)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  const char *dot = strrchr (path, '.');

  if (dot == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = LIR_RENDER_SVG;
  else if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = LIR_RENDER_PNG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = LIR_RENDER_PDF;
  else
    return FALSE;
  return TRUE;
}

/**
 * lir_renderer_get_full_viewport:
 * @renderer: a renderer
 * @viewport: (out caller-allocates): every step, and the arena with headroom
 *
 * The viewport that shows the whole plan.
 */
void
lir_renderer_get_full_viewport (const LirRenderer *renderer, LirViewport *viewport)
{
  g_return_if_fail (renderer != NULL);
  g_return_if_fail (viewport != NULL);

  double top = (double)MAX (MAX (renderer->stats.arena_size, renderer->max_live), 1);

  viewport->step_start = 0;
  viewport->step_end = renderer->n_steps;
  viewport->byte_start = 0;
  viewport->byte_end = top * 1.06;
}

/**
 * lir_renderer_describe:
 * @renderer: a renderer
 * @node: a node (one without a slot is described as out of the arena)
 *
 * Describes one buffer: name, op, shape, size and offset, steps, phase and
 * the buffer it views.
 *
 * Returns: (transfer full): several lines about the buffer, as the SVG
 *   tooltips and the app show them
 */
char *
lir_renderer_describe (const LirRenderer *renderer, guint32 node)
{
  g_return_val_if_fail (renderer != NULL, NULL);
  g_return_val_if_fail (node < renderer->plan->n_nodes, NULL);

  const LirBufferPlan *plan = renderer->plan;
  const LirBufferSlot *slot = &plan->slots[node];
  const LirLifetime *life = &plan->lifetimes[node];
  char scratch[LIR_SHORT_NAME_SIZE];
  GString *out;
  g_autofree char *bytes = NULL, *op = NULL;
  gboolean in_place;

  if (plan->slot_flags[node] == LIR_SLOT_NONE)
    return lir_renderer_describe_dynamic (renderer, node);
  out = g_string_new (lir_graph_get_node_short_label (renderer->graph, node, scratch));
  bytes = lir_format_bytes_exact (slot->size);
  op = lir_graph_describe_node_op (renderer->graph, node);
  in_place = lir_graph_get_node_alias (renderer->graph, node, NULL, NULL) == LIR_ALIAS_INPLACE;

  g_string_append_printf (out, "\nop %s", op);
  if (!lir_module_is_buffer_only (renderer->module))
    {
      g_autofree char *shape = lir_graph_format_node_shape (renderer->graph, node);

      g_string_append_printf (out, ", shape %s", shape);
    }
  g_string_append_printf (out, "\n%s at offset %" G_GUINT64_FORMAT, bytes, slot->offset);
  g_string_append_printf (out, "\nsteps %u–%u", life->first_step, life->last_step);
  if (renderer->has_regions || renderer->categories_present & ~1u)
    {
      /* A training step: what the bytes are for, and where they are made. */
      LirCategory category = lir_graph_get_node_category (renderer->graph, node);
      LirRegion region = lir_graph_get_node_region (renderer->graph, node);

      if (region != LIR_REGION_NONE)
        g_string_append_printf (out, ", %s", lir_region_get_label (region));
      if (category != LIR_CATEGORY_NONE)
        g_string_append_printf (out, "\n%s%s", lir_category_get_label (category),
                                lir_graph_get_node_saved (renderer->graph, node)
                                  ? ", saved for the backward pass"
                                  : "");
    }
  else if (plan->phases[node] != LIR_PHASE_NONE)
    g_string_append_printf (out, ", %s", lir_phase_get_label (plan->phases[node]));
  if (plan->aliases[node].root != LIR_NO_NODE)
    g_string_append_printf (out, "\n%s %s at +%" G_GUINT64_FORMAT " B", in_place ? "writes into" : "view of",
                            lir_graph_get_node_short_label (renderer->graph, plan->aliases[node].root,
                                                            scratch),
                            plan->aliases[node].byte_offset);
  return g_string_free (out, FALSE);
}

/**
 * lir_renderer_get_activation_viewport:
 * @renderer: a renderer
 * @viewport: (out caller-allocates): every step, and the bytes activations use
 *
 * A plan whose params dwarf its activations (a language model's embedding
 * alone can be most of the arena) opens on the activations: this is the byte
 * range of every buffer that is not a param or constant, with some room.
 *
 * Returns: %TRUE if params and constants take more than half the arena's
 *   height and there are activations to show; %FALSE (and the full view)
 *   otherwise
 */
gboolean
lir_renderer_get_activation_viewport (const LirRenderer *renderer, LirViewport *viewport)
{
  g_return_val_if_fail (renderer != NULL, FALSE);
  g_return_val_if_fail (viewport != NULL, FALSE);

  const LirBufferPlan *plan = renderer->plan;
  guint64 low = G_MAXUINT64, high = 0, weights = 0;

  lir_renderer_get_full_viewport (renderer, viewport);
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      guint64 end = plan->slots[id].offset + plan->slots[id].size;

      if (plan->slot_flags[id] != LIR_SLOT_ALLOCATED || plan->slots[id].size == 0)
        continue;
      if (renderer->kinds[id] == LIR_BUFFER_KIND_PARAM || renderer->kinds[id] == LIR_BUFFER_KIND_CONSTANT)
        weights += plan->slots[id].size;
      else
        {
          low = MIN (low, plan->slots[id].offset);
          high = MAX (high, end);
        }
    }
  if (high <= low || weights * 2 <= plan->arena_size)
    return FALSE;
  {
    double margin = (double)(high - low) * 0.06;

    viewport->byte_start = MAX ((double)low - margin, 0);
    viewport->byte_end = MIN ((double)high + margin, viewport->byte_end);
  }
  return TRUE;
}

LIR_DEFINE_BOXED_TYPE (LirRenderer, lir_renderer, lir_renderer_ref, lir_renderer_unref)

LIR_DEFINE_VALUE_TYPE (LirViewport, lir_viewport)

LIR_DEFINE_VALUE_TYPE (LirRenderOptions, lir_render_options)

LIR_DEFINE_VALUE_TYPE (LirRenderLayout, lir_render_layout)
