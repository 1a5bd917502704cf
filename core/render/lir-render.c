/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render.c: lays out and draws the plan timeline on a LirCanvas.
 *
 * From top to bottom: a header (name, figures, fingerprints), a legend, the
 * live-bytes strip chart, the phase band, then the timeline itself with x =
 * schedule step and y = arena offset, 0 at the bottom. A buffer is the
 * rectangle [first step, last step + 1) x [offset, offset + size).
 *
 * Cost is bounded by pixels, not buffers: only buffers the index returns
 * for the visible steps are visited, and those smaller than the canvas's
 * min_item_px in either direction are painted into a coarse grid whose
 * same-coloured cells are merged into rectangles.
 */
#include "lir-render-private.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "report/lir-format.h"
#include "io/lir-io.h"
#include "report/lir-stats-report.h"
#include "ir/lir-error.h"
#include "ir/lir-graph-private.h"
#include "lir-canvas.h"
#include "plan/lir-buffer-plan-private.h"
#include "plan/lir-diff.h"
#include "plan/lir-live-set.h"
#include "plan/lir-fingerprint.h"
#include "plan/lir-plan-stats.h"

#define N_SIZE_CLASSES 5
#define MAX_CALLOUTS 5 /* buffers named at the peak in exports, besides those that set the arena */
#define LOD_EMPTY 0xff


static const Theme themes[] = {
  [LIR_THEME_LIGHT] = {
    .background = { 1, 1, 1, 1 },
    .plot_background = { 0.98, 0.98, 0.98, 1 },
    .foreground = { 0.14, 0.14, 0.16, 1 },
    .muted = { 0.40, 0.40, 0.44, 1 },
    .grid = { 0.0, 0.0, 0.0, 0.08 },
    .outline = { 0.0, 0.0, 0.0, 0.45 },
    .accent = { 0.75, 0.11, 0.16, 1 },
    .arena = { 0.75, 0.11, 0.16, 1 },
    .bound = { 0.15, 0.35, 0.75, 1 },
    .strip_fill = { 0.21, 0.52, 0.89, 0.45 },
  },
  [LIR_THEME_DARK] = {
    .background = { 0.14, 0.14, 0.15, 1 },
    .plot_background = { 0.11, 0.11, 0.12, 1 },
    .foreground = { 0.93, 0.93, 0.93, 1 },
    .muted = { 0.66, 0.66, 0.70, 1 },
    .grid = { 1.0, 1.0, 1.0, 0.08 },
    .outline = { 0.0, 0.0, 0.0, 0.6 },
    .accent = { 1.0, 0.47, 0.0, 1 },
    .arena = { 0.96, 0.38, 0.32, 1 },
    .bound = { 0.47, 0.68, 0.98, 1 },
    .strip_fill = { 0.38, 0.63, 0.92, 0.45 },
  },
};

/* GNOME's palette, so the app and the exports look at home on the desktop. */
const LirRgba lir_render_phase_colors[LIR_PHASE_NONE + 1] = {
  [LIR_PHASE_PROLOGUE] = { 0.21, 0.52, 0.89, 1 },     /* blue 3 */
  [LIR_PHASE_STEADY_STATE] = { 0.18, 0.76, 0.49, 1 }, /* green 4 */
  [LIR_PHASE_EPILOGUE] = { 1.00, 0.47, 0.00, 1 },     /* orange 3 */
  [LIR_PHASE_NONE] = { 0.60, 0.60, 0.59, 1 },         /* light 5 */
};

static const LirRgba op_colors[N_OP_COLORS + 1] = {
  { 0.21, 0.52, 0.89, 1 }, { 0.18, 0.76, 0.49, 1 }, { 1.00, 0.47, 0.00, 1 },
  { 0.57, 0.25, 0.67, 1 }, { 0.96, 0.76, 0.07, 1 }, { 0.88, 0.11, 0.14, 1 },
  { 0.53, 0.37, 0.24, 1 }, { 0.38, 0.63, 0.92, 1 }, { 0.75, 0.38, 0.80, 1 },
  { 0.15, 0.64, 0.41, 1 }, { 0.60, 0.60, 0.59, 1 },
};

static const LirRgba size_colors[N_SIZE_CLASSES] = {
  { 0.60, 0.76, 0.95, 1 }, { 0.38, 0.63, 0.92, 1 }, { 0.21, 0.52, 0.89, 1 },
  { 0.11, 0.44, 0.85, 1 }, { 0.10, 0.30, 0.60, 1 },
};

static const LirRgba kind_colors[LIR_N_BUFFER_KINDS] = {
  [LIR_BUFFER_KIND_INPUT] = { 0.21, 0.52, 0.89, 1 },      /* blue 3 */
  [LIR_BUFFER_KIND_PARAM] = { 0.60, 0.60, 0.59, 1 },      /* light 5 */
  [LIR_BUFFER_KIND_CONSTANT] = { 0.57, 0.25, 0.67, 1 },   /* purple 3 */
  [LIR_BUFFER_KIND_ACTIVATION] = { 0.18, 0.76, 0.49, 1 }, /* green 4 */
  [LIR_BUFFER_KIND_OUTPUT] = { 1.00, 0.47, 0.00, 1 },     /* orange 3 */
};

static const char *const size_class_names[N_SIZE_CLASSES] = {
  "< 4 KiB", "< 64 KiB", "< 1 MiB", "< 16 MiB", "≥ 16 MiB",
};

/* ---- set-up --------------------------------------------------------------------------- */

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
      const char *op = lir_graph_node_op_family (r->graph, id);
      OpTotal *total = g_hash_table_lookup (totals, op);

      if (total == NULL)
        {
          total = g_new0 (OpTotal, 1);
          total->name = op;
          g_hash_table_insert (totals, (gpointer)op, total);
        }
      if (r->plan->slot_flags[id] & LIR_SLOT_ALLOCATED)
        total->bytes = MIN (total->bytes, G_MAXUINT64 - r->plan->slots[id].size) +
                       r->plan->slots[id].size;
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
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (rank, lir_graph_node_op_family (r->graph, id)));

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
  LirRenderer *r = g_new0 (LirRenderer, 1);
  guint n_schedule;
  const guint32 *schedule;

  g_return_val_if_fail (lir_module_get_plan (module) != NULL, NULL);
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
  r->kinds = lir_module_get_buffer_kinds (module);
  r->top_edge = lir_plan_top_edge (r->plan);
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
  if (!lir_module_is_buffer_only (module))
    lir_graph_build_consumers (r->graph, NULL, &r->consumer_start, &r->consumers);
  lir_renderer_init_dynamic (r);

  return r;
}

/**
 * lir_renderer_ref:
 * @renderer: a renderer
 *
 * Returns: (transfer full): @renderer; lir_renderer_free () drops a reference
 */
LirRenderer *
lir_renderer_ref (LirRenderer *r)
{
  g_atomic_int_inc (&r->ref_count);
  return r;
}

void
lir_renderer_free (LirRenderer *r)
{
  if (r == NULL || !g_atomic_int_dec_and_test (&r->ref_count))
    return;
  lir_plan_index_free (r->index);
  lir_module_unref (r->module);
  lir_live_profile_free (r->live);
  g_free (r->op_rank);
  g_free (r->kinds);
  g_array_unref (r->top_edge);
  g_array_unref (r->top_edge_by_step);
  g_free (r->peak_largest);
  g_free (r->step_node);
  lir_column_map_free (r->columns);
  g_free (r->consumer_start);
  g_free (r->consumers);
  g_free (r->dynamic);
  g_free (r->dynamic_lane);
  g_free (r);
}

LirModule *
lir_renderer_get_module (const LirRenderer *r)
{
  return r->module;
}

const LirPlanIndex *
lir_renderer_get_index (const LirRenderer *r)
{
  return r->index;
}

guint
lir_renderer_get_n_steps (const LirRenderer *r)
{
  return r->n_steps;
}

/**
 * lir_renderer_get_live_bytes:
 * @renderer: a renderer
 * @step: a step
 *
 * Returns: owning bytes live at @step
 */
guint64
lir_renderer_get_live_bytes (const LirRenderer *r, guint32 step)
{
  return lir_live_profile_at (r->live, step);
}

/**
 * lir_renderer_get_readers:
 * @renderer: a renderer
 * @node: a node id
 * @n_readers: (out): how many
 *
 * Returns: (transfer none) (array length=n_readers) (nullable): the nodes
 *   that take @node as an input (the selection highlights their steps);
 *   %NULL for buffer-only plans
 */
const guint32 *
lir_renderer_get_readers (const LirRenderer *r, guint32 node, guint *n_readers)
{
  *n_readers = 0;
  if (r->consumers == NULL || node >= r->plan->n_nodes)
    return NULL;
  *n_readers = r->consumer_start[node + 1] - r->consumer_start[node];
  return &r->consumers[r->consumer_start[node]];
}

void
lir_render_options_init (LirRenderOptions *options)
{
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
 * lir_render_format_from_path:
 * @path: an output path
 * @format: (out): the format its extension names
 *
 * Returns: %FALSE unless @path ends in .svg, .png or .pdf (any case)
 */
gboolean
lir_render_format_from_path (const char *path, LirRenderFormat *format)
{
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
 * lir_renderer_full_viewport:
 * @renderer: a renderer
 * @viewport: (out caller-allocates): every step, and the arena with headroom
 */
void
lir_renderer_full_viewport (const LirRenderer *r, LirViewport *viewport)
{
  double top = (double)MAX (MAX (r->stats.arena_size, r->max_live), 1);

  viewport->step_start = 0;
  viewport->step_end = r->n_steps;
  viewport->byte_start = 0;
  viewport->byte_end = top * 1.06;
}

/* ---- layout and scales ---------------------------------------------------------------- */

#define MARGIN 10.0
#define AXIS_LEFT 74.0
#define AXIS_BOTTOM 44.0
#define LINE 17.0

static double
header_height (const LirRenderer *r, const LirRenderOptions *o)
{
  /* title, two lines of figures, fingerprints, legend */
  return o->header ? MARGIN + 5 * LINE + 4 : 0;
}

void
lir_renderer_layout (const LirRenderer *r, double width, double height,
                     const LirRenderOptions *o, LirRenderLayout *l)
{
  double top, rest;

  memset (l, 0, sizeof *l);
  l->columns = o->all_steps ? NULL : r->columns;
  l->header_height = header_height (r, o);
  top = l->header_height + (o->header ? 0 : MARGIN);
  l->plot_x = AXIS_LEFT;
  l->plot_width = MAX (width - AXIS_LEFT - MARGIN - 6, 1);
  rest = MAX (height - top - AXIS_BOTTOM, 1);
  if (o->strip)
    {
      l->strip_x = l->plot_x;
      l->strip_width = l->plot_width;
      l->strip_y = top;
      l->strip_height = CLAMP (rest * 0.18, 30.0, 110.0);
      if (l->strip_height > rest / 2)
        l->strip_height = rest / 3;
      top += l->strip_height + 4;
    }
  if (r->has_phases)
    {
      l->band_y = top;
      l->band_height = 14;
      top += l->band_height + 2;
    }
  if (r->n_dynamic_lanes > 0)
    {
      l->dynamic_y = top;
      l->dynamic_height = lir_renderer_dynamic_height (r);
      top += l->dynamic_height + 2;
    }
  l->plot_y = top;
  l->plot_height = MAX (height - top - AXIS_BOTTOM, 1);
}

/**
 * lir_render_layout_x_of_step:
 * @layout: a layout
 * @viewport: the visible region
 * @step: a step (fractional: 2.5 is the middle of step 2)
 *
 * Returns: the pixel column of @step
 */
double
lir_render_layout_x_of_step (const LirRenderLayout *layout, const LirViewport *viewport, double step)
{
  double start = lir_render_layout_column_of_step (layout, viewport->step_start);
  double span = lir_render_layout_column_of_step (layout, viewport->step_end) - start;

  return layout->plot_x
         + (lir_render_layout_column_of_step (layout, step) - start) * layout->plot_width
               / (span > 0 ? span : 1);
}

/**
 * lir_render_layout_y_of_byte:
 * @layout: a layout
 * @viewport: the visible region
 * @byte: an arena offset
 *
 * Returns: the pixel row of @byte (offset 0 is at the bottom)
 */
double
lir_render_layout_y_of_byte (const LirRenderLayout *layout, const LirViewport *viewport, double byte)
{
  double span = viewport->byte_end - viewport->byte_start;

  return layout->plot_y + layout->plot_height -
         (byte - viewport->byte_start) * layout->plot_height / (span > 0 ? span : 1);
}

/**
 * lir_render_layout_step_at:
 * @layout: a layout
 * @viewport: the visible region
 * @x: a pixel column
 *
 * Returns: the (fractional) step under @x; floor it for the step index
 */
double
lir_render_layout_step_at (const LirRenderLayout *layout, const LirViewport *viewport, double x)
{
  double start = lir_render_layout_column_of_step (layout, viewport->step_start);
  double span = lir_render_layout_column_of_step (layout, viewport->step_end) - start;

  return lir_render_layout_step_of_column (
    layout, start + (x - layout->plot_x) * span / MAX (layout->plot_width, 1));
}

/**
 * lir_render_layout_byte_at:
 * @layout: a layout
 * @viewport: the visible region
 * @y: a pixel row
 *
 * Returns: the arena offset under @y
 */
double
lir_render_layout_byte_at (const LirRenderLayout *layout, const LirViewport *viewport, double y)
{
  return viewport->byte_start + (layout->plot_y + layout->plot_height - y) *
                                  (viewport->byte_end - viewport->byte_start) /
                                  MAX (layout->plot_height, 1);
}

/* Nice tick spacing for steps: 1, 2 or 5 times a power of ten. */
static double
nice_step_spacing (double min_spacing)
{
  double power = 1;

  if (min_spacing <= 1)
    return 1;
  while (power * 10 <= min_spacing)
    power *= 10;
  if (power >= min_spacing)
    return power;
  if (2 * power >= min_spacing)
    return 2 * power;
  if (5 * power >= min_spacing)
    return 5 * power;
  return 10 * power;
}

/* Byte ticks at powers of two, which read naturally in KiB/MiB. */
static double
nice_byte_spacing (double min_spacing)
{
  double spacing = 1;

  while (spacing < min_spacing && spacing < 1e300)
    spacing *= 2;
  return spacing;
}

/* ---- colours -------------------------------------------------------------------------- */

static guint
size_class (guint64 bytes)
{
  if (bytes < 4096)
    return 0;
  if (bytes < 65536)
    return 1;
  if (bytes < 1048576)
    return 2;
  if (bytes < 16777216)
    return 3;
  return 4;
}

/* Phase colouring means nothing without phases (MiniMalloc CSV): fall back to size. */
static LirColorBy
effective_color_by (const Frame *f)
{
  if (f->o->color_by == LIR_COLOR_BY_PHASE && !f->r->has_phases)
    return LIR_COLOR_BY_SIZE;
  return f->o->color_by;
}

/* A small integer per colour, for the level-of-detail grid. */
static guint8
color_key (const Frame *f, guint32 id)
{
  const LirBufferPlan *plan = f->r->plan;

  switch (effective_color_by (f))
    {
    case LIR_COLOR_BY_OP:
      return f->r->op_rank[id];
    case LIR_COLOR_BY_SIZE:
      return size_class (plan->slots[id].size);
    case LIR_COLOR_BY_KIND:
      return f->r->kinds[id];
    case LIR_COLOR_BY_PHASE:
    default:
      return plan->phases[id];
    }
}

static LirRgba
key_color (const Frame *f, guint8 key)
{
  switch (effective_color_by (f))
    {
    case LIR_COLOR_BY_OP:
      return op_colors[MIN (key, N_OP_COLORS)];
    case LIR_COLOR_BY_SIZE:
      return size_colors[MIN (key, N_SIZE_CLASSES - 1)];
    case LIR_COLOR_BY_KIND:
      return kind_colors[MIN (key, LIR_N_BUFFER_KINDS - 1)];
    case LIR_COLOR_BY_PHASE:
    default:
      return lir_render_phase_colors[MIN (key, LIR_PHASE_NONE)];
    }
}

static gboolean
is_dimmed (const Frame *f, guint32 id)
{
  guint phase = f->r->plan->phases[id];

  return phase < LIR_PHASE_NONE && (f->o->hidden_phases & (1u << phase)) != 0;
}

/* ---- descriptions --------------------------------------------------------------------- */

/**
 * lir_renderer_describe:
 * @renderer: a renderer
 * @node: a node (one without a slot is described as out of the arena)
 *
 * Returns: (transfer full): several lines about the buffer, as the SVG
 *   tooltips and the app show them
 */
char *
lir_renderer_describe (const LirRenderer *r, guint32 node)
{
  const LirBufferPlan *plan = r->plan;
  const LirBufferSlot *slot = &plan->slots[node];
  const LirLifetime *life = &plan->lifetimes[node];
  char scratch[LIR_SHORT_NAME_SIZE];
  GString *out;
  g_autofree char *bytes = NULL, *op = NULL;
  gboolean in_place;

  if (plan->slot_flags[node] == LIR_SLOT_NONE)
    return lir_renderer_describe_dynamic (r, node);
  out = g_string_new (lir_graph_node_short_label (r->graph, node, scratch));
  bytes = lir_format_bytes_exact (slot->size);
  op = lir_graph_describe_op (r->graph, node);
  in_place = lir_graph_node_alias (r->graph, node, NULL, NULL) == LIR_ALIAS_INPLACE;

  g_string_append_printf (out, "\nop %s", op);
  if (!lir_module_is_buffer_only (r->module))
    {
      g_autofree char *shape = lir_graph_format_shape (r->graph, node);

      g_string_append_printf (out, ", shape %s", shape);
    }
  g_string_append_printf (out, "\n%s at offset %" G_GUINT64_FORMAT, bytes, slot->offset);
  g_string_append_printf (out, "\nsteps %u–%u", life->first_step, life->last_step);
  if (plan->phases[node] != LIR_PHASE_NONE)
    g_string_append_printf (out, ", %s", lir_phase_get_label (plan->phases[node]));
  if (plan->aliases[node].root != LIR_NO_NODE)
    g_string_append_printf (out, "\n%s %s at +%" G_GUINT64_FORMAT " B",
                            in_place ? "writes into" : "view of",
                            lir_graph_node_short_label (r->graph, plan->aliases[node].root, scratch),
                            plan->aliases[node].byte_offset);
  return g_string_free (out, FALSE);
}

/* ---- buffers -------------------------------------------------------------------------- */

typedef struct
{
  double x0, y0, x1, y1; /* clipped to the plot, pixels */
  gboolean whole;        /* big enough to draw on its own */
} Box;

static gboolean
buffer_box (const Frame *f, guint32 id, Box *box)
{
  const LirBufferPlan *plan = f->r->plan;
  const LirLifetime *life = &plan->lifetimes[id];
  const LirBufferSlot *slot = &plan->slots[id];
  double x0 = step_x (f, life->first_step), x1 = step_x (f, (double)life->last_step + 1);
  double y1 = byte_y (f, (double)slot->offset);
  double y0 = byte_y (f, (double)slot->offset + (double)slot->size);
  double min = f->canvas->min_item_px;

  if (x1 <= f->l.plot_x || x0 >= f->l.plot_x + f->l.plot_width || y1 <= f->l.plot_y ||
      y0 >= f->l.plot_y + f->l.plot_height)
    return FALSE;
  box->whole = x1 - x0 >= min && y1 - y0 >= min;
  box->x0 = MAX (x0, f->l.plot_x - 2);
  box->x1 = MIN (x1, f->l.plot_x + f->l.plot_width + 2);
  box->y0 = MAX (y0, f->l.plot_y - 2);
  box->y1 = MIN (y1, f->l.plot_y + f->l.plot_height + 2);
  return TRUE;
}

/* The level-of-detail grid: one colour key per cell, merged into
 * rectangles row by row, and rows into taller rectangles when a run
 * repeats exactly in the next row. */
typedef struct
{
  guint cols, rows;
  double cell;
  guint8 *keys;
  guint merged[256]; /* buffers merged, per colour key, for the title */
} LodGrid;

typedef struct
{
  guint x0, x1, y0;
  guint8 key;
} Run;

static void
lod_mark (LodGrid *g, const Frame *f, const Box *box, guint8 key)
{
  guint c0 = (guint)MAX ((box->x0 - f->l.plot_x) / g->cell, 0);
  guint c1 = (guint)MAX (ceil ((box->x1 - f->l.plot_x) / g->cell), c0 + 1);
  guint r0 = (guint)MAX ((box->y0 - f->l.plot_y) / g->cell, 0);
  guint r1 = (guint)MAX (ceil ((box->y1 - f->l.plot_y) / g->cell), r0 + 1);

  c1 = MIN (c1, g->cols);
  r1 = MIN (r1, g->rows);
  g->merged[key]++;
  /* The larger key wins a contested cell, so the result does not depend
   * on visiting order (LOD_EMPTY is 0xff: compare with key + 1). */
  for (guint row = r0; row < r1; row++)
    {
      guint8 *cells = &g->keys[row * g->cols];

      for (guint col = c0; col < c1; col++)
        if ((guint8)(cells[col] + 1) < key + 1)
          cells[col] = key;
    }
}

/* Merged cells are batched per colour and filled in one call: cairo fills
 * a path of many rectangles far faster than many one-rectangle fills. */
static void
lod_emit (const LodGrid *g, GArray **batches, const Run *run, guint y1)
{
  double rect[4] = { run->x0 * g->cell, run->y0 * g->cell, (run->x1 - run->x0) * g->cell,
                     (y1 - run->y0) * g->cell };

  if (batches[run->key] == NULL)
    batches[run->key] = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (batches[run->key], rect, 4);
}

static void
lod_flush (const Frame *f, const LodGrid *g)
{
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) next = g_array_new (FALSE, FALSE, sizeof (Run));
  GArray *batches[256] = { NULL };

  for (guint row = 0; row <= g->rows; row++)
    {
      guint o = 0;

      g_array_set_size (next, 0);
      for (guint col = 0; row < g->rows && col < g->cols;)
        {
          const guint8 *keys = &g->keys[row * g->cols];
          Run run = { col, col, row, keys[col] };

          while (run.x1 < g->cols && keys[run.x1] == run.key)
            run.x1++;
          col = run.x1;
          if (run.key == LOD_EMPTY)
            continue;
          /* Extend the open run above when it spans the same cells. */
          while (o < open->len && g_array_index (open, Run, o).x0 < run.x0)
            lod_emit (g, batches, &g_array_index (open, Run, o++), row);
          if (o < open->len && g_array_index (open, Run, o).x0 == run.x0 &&
              g_array_index (open, Run, o).x1 == run.x1 && g_array_index (open, Run, o).key == run.key)
            g_array_append_val (next, g_array_index (open, Run, o++));
          else
            g_array_append_val (next, run);
        }
      for (; o < open->len; o++)
        lod_emit (g, batches, &g_array_index (open, Run, o), row);
      {
        GArray *swap = open;
        open = next;
        next = swap;
      }
    }
  for (guint key = 0; key < G_N_ELEMENTS (batches); key++)
    {
      LirRgba color;

      if (batches[key] == NULL)
        continue;
      color = key_color (f, (guint8)key);
      color.a = 0.8;
      if (f->canvas->wants_titles)
        {
          g_autofree char *title =
            g_strdup_printf ("%u buffers too small to draw one by one; zoom in", g->merged[key]);

          f->canvas->funcs->begin_item (f->canvas, "lod", title);
        }
      f->canvas->funcs->fill_rects (f->canvas, f->l.plot_x, f->l.plot_y,
                                    (const double *)batches[key]->data, batches[key]->len / 4,
                                    &color);
      if (f->canvas->wants_titles)
        f->canvas->funcs->end_item (f->canvas);
      g_array_unref (batches[key]);
    }
}

static void
draw_buffer_label (const Frame *f, guint32 id, const Box *box)
{
  char scratch[LIR_SHORT_NAME_SIZE];
  const char *label = lir_graph_node_short_label (f->r->graph, id, scratch);
  double width, avail_w = box->x1 - box->x0 - 6, avail_h = box->y1 - box->y0;
  double size = FONT_SMALL;
  LirRgba ink = { 0, 0, 0, 0.85 };

  if (avail_h < size + 3 || avail_w < 12)
    return;
  width = f->canvas->funcs->text_width (f->canvas, label, size, FALSE);
  if (width > avail_w)
    return;
  f->canvas->funcs->text (f->canvas, box->x0 + 3, box->y0 + MIN (avail_h / 2 + size / 2.8, size + 2),
                          label, size, FALSE, LIR_ALIGN_START, &ink);
}

static void
draw_whole_buffer (const Frame *f, guint32 id, const Box *box, gboolean view)
{
  LirCanvas *c = f->canvas;
  LirRgba color = key_color (f, color_key (f, id));
  double w = box->x1 - box->x0, h = box->y1 - box->y0;
  gboolean dim = is_dimmed (f, id);

  if (c->wants_titles)
    {
      g_autofree char *title = lir_renderer_describe (f->r, id);

      c->funcs->begin_item (c, view ? "view" : "buffer", title);
    }
  if (view)
    {
      /* A view borrows its root's bytes: hatched and dashed, never filled
       * like an allocation. */
      LirRgba hatch = with_alpha (f->theme->foreground, dim ? 0.12 : 0.45);

      c->funcs->hatch_rect (c, box->x0, box->y0, w, h, &hatch);
      if (w >= 3 && h >= 3)
        c->funcs->stroke_rect (c, box->x0, box->y0, w, h, &hatch, 1.0, TRUE);
    }
  else
    {
      color.a = dim ? 0.15 : 0.88;
      c->funcs->fill_rect (c, box->x0, box->y0, w, h, &color);
      if (w >= 4 && h >= 4)
        {
          LirRgba outline = with_alpha (f->theme->outline, dim ? 0.1 : 0.45);

          c->funcs->stroke_rect (c, box->x0, box->y0, w, h, &outline, 1.0, FALSE);
        }
      if (f->o->labels && !dim)
        draw_buffer_label (f, id, box);
    }
  if (c->wants_titles)
    c->funcs->end_item (c);
}

static void
draw_buffers (const Frame *f)
{
  const LirBufferPlan *plan = f->r->plan;
  g_autoptr (GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 first = (guint32)CLAMP (floor (f->vp.step_start), 0, G_MAXUINT32);
  guint32 last = (guint32)CLAMP (ceil (f->vp.step_end), 0, G_MAXUINT32);
  g_autofree LodGrid *grid_storage = g_new0 (LodGrid, 1);
  LodGrid *grid = grid_storage;
  gboolean any_lod = FALSE;

  if (f->vp.step_end <= 0)
    return;
  lir_plan_index_query (f->r->index, first, last, visible);
  grid->cell = MAX (f->canvas->min_item_px, 1.0);
  grid->cols = (guint)ceil (f->l.plot_width / grid->cell);
  grid->rows = (guint)ceil (f->l.plot_height / grid->cell);
  grid->keys = g_malloc ((gsize)grid->cols * grid->rows);
  memset (grid->keys, LOD_EMPTY, (gsize)grid->cols * grid->rows);

  /* Owning buffers first, then views on top of them. On screen, small
   * buffers (no outline, no label) are batched per colour. */
  for (int pass = 0; pass < 2; pass++)
    {
      GArray *batches[256] = { NULL };

      for (guint i = 0; i < visible->len; i++)
        {
          guint32 id = g_array_index (visible, guint32, i);
          gboolean view = (plan->slot_flags[id] & LIR_SLOT_VIEW) != 0;
          Box box;

          if (view != (pass == 1) || !buffer_box (f, id, &box))
            continue;
          if (!box.whole)
            {
              if (!view)
                {
                  lod_mark (grid, f, &box, color_key (f, id));
                  any_lod = TRUE;
                }
            }
          else if (!view && !f->canvas->wants_titles && !is_dimmed (f, id) &&
                   (box.x1 - box.x0 < 4 || box.y1 - box.y0 < 4))
            {
              guint8 key = color_key (f, id);
              double rect[4] = { box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0 };

              if (batches[key] == NULL)
                batches[key] = g_array_new (FALSE, FALSE, sizeof (double));
              g_array_append_vals (batches[key], rect, 4);
            }
          else
            draw_whole_buffer (f, id, &box, view);
        }
      for (guint key = 0; key < G_N_ELEMENTS (batches); key++)
        if (batches[key] != NULL)
          {
            LirRgba color = key_color (f, (guint8)key);

            color.a = 0.88;
            f->canvas->funcs->fill_rects (f->canvas, 0, 0, (const double *)batches[key]->data,
                                          batches[key]->len / 4, &color);
            g_array_unref (batches[key]);
          }
      if (pass == 0 && any_lod)
        lod_flush (f, grid);
    }
  g_free (grid->keys);
}

/* ---- diff overlay ------------------------------------------------------------------- */

static const LirRgba diff_added = { 0.15, 0.64, 0.41, 1 };
static const LirRgba diff_resized = { 0.90, 0.38, 0.0, 1 };
static const LirRgba diff_moved = { 0.11, 0.44, 0.85, 1 };
static const LirRgba diff_removed = { 0.75, 0.11, 0.16, 1 };

/* The rectangle a buffer had in A, on this plan's axes. */
static gboolean
ghost_box (const Frame *f, const LirBufferChange *c, Box *box)
{
  double x0 = step_x (f, c->first_a), x1 = step_x (f, (double)c->last_a + 1);
  double y1 = byte_y (f, (double)c->offset_a), y0 = byte_y (f, (double)c->offset_a + (double)c->size_a);

  if (c->size_a == 0 || x1 <= f->l.plot_x || x0 >= f->l.plot_x + f->l.plot_width || y1 <= f->l.plot_y ||
      y0 >= f->l.plot_y + f->l.plot_height)
    return FALSE;
  box->x0 = MAX (x0, f->l.plot_x - 2);
  box->x1 = MIN (x1, f->l.plot_x + f->l.plot_width + 2);
  box->y0 = MAX (y0, f->l.plot_y - 2);
  box->y1 = MIN (y1, f->l.plot_y + f->l.plot_height + 2);
  box->whole = TRUE;
  return TRUE;
}

static void
draw_diff (const Frame *f)
{
  const LirPlanDiff *diff = f->o->diff;
  LirCanvas *c = f->canvas;

  if (diff == NULL)
    return;
  for (guint i = 0; i < lir_plan_diff_get_n_changes (diff); i++)
    {
      const LirBufferChange *change = lir_plan_diff_get_change (diff, i);
      const LirRgba *color;
      Box box;

      /* A's place, dashed, for what moved, changed size or went away. */
      if ((change->flags & (LIR_CHANGE_OFFSET | LIR_CHANGE_SIZE | LIR_CHANGE_LIFETIME |
                            LIR_CHANGE_REMOVED | LIR_CHANGE_LEFT_ARENA)) &&
          ghost_box (f, change, &box) && box.x1 - box.x0 >= 2 && box.y1 - box.y0 >= 2)
        {
          const LirRgba *ghost = (change->flags & (LIR_CHANGE_REMOVED | LIR_CHANGE_LEFT_ARENA))
                                   ? &diff_removed : &f->theme->muted;

          c->funcs->stroke_rect (c, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0, ghost, 1.0, TRUE);
        }
      if (change->node_b == LIR_NO_NODE || f->r->plan->slot_flags[change->node_b] == LIR_SLOT_NONE ||
          !buffer_box (f, change->node_b, &box))
        continue;
      if (change->flags & (LIR_CHANGE_ADDED | LIR_CHANGE_ENTERED_ARENA))
        color = &diff_added;
      else if (change->flags & LIR_CHANGE_SIZE)
        color = &diff_resized;
      else if (change->flags & (LIR_CHANGE_OFFSET | LIR_CHANGE_LIFETIME))
        color = &diff_moved;
      else
        continue;
      c->funcs->stroke_rect (c, box.x0, box.y0, MAX (box.x1 - box.x0, 2), MAX (box.y1 - box.y0, 2), color,
                             2.0, FALSE);
    }
}

/* ---- axes, lines and overlays --------------------------------------------------------- */

static void
draw_byte_axis (const Frame *f)
{
  LirCanvas *c = f->canvas;
  double range = f->vp.byte_end - f->vp.byte_start;
  double spacing = nice_byte_spacing (range / MAX (f->l.plot_height / 42.0, 1));
  double tick = ceil (f->vp.byte_start / spacing) * spacing;

  for (guint n = 0; tick <= f->vp.byte_end && n < 200; tick += spacing, n++)
    {
      double y = byte_y (f, tick);
      g_autofree char *label = NULL;

      c->funcs->line (c, f->l.plot_x, y, f->l.plot_x + f->l.plot_width, y, &f->theme->grid, 1.0,
                      FALSE);
      /* A label at the very top would run into the phase band's. */
      if (y < f->l.plot_y + FONT_SMALL - 2)
        continue;
      label = lir_format_bytes_axis (tick, spacing);
      c->funcs->text (c, f->l.plot_x - 6, y + 3.5, label, FONT_SMALL, FALSE, LIR_ALIGN_END,
                      &f->theme->muted);
    }
}

static void
draw_step_axis (const Frame *f)
{
  LirCanvas *c = f->canvas;
  double spacing = nice_step_spacing (64.0 / f->px_per_step);
  double tick = ceil (f->col_start / spacing) * spacing;
  double axis_y = f->l.plot_y + f->l.plot_height;
  double names_end = -1e9;
  gboolean names = f->o->labels && f->px_per_step >= 24 && !lir_module_is_buffer_only (f->r->module);

  /* Ticks are spaced in drawn columns and name the step drawn there (just
   * right of the tick: column 0 is also where collapsed steps 0, 1… sit). */
  for (guint n = 0; tick < f->col_end && n < 400; tick += spacing, n++)
    {
      double step = lir_render_layout_step_of_column (&f->l, tick + 1e-6) - 1e-6;
      double x = step_x (f, step);
      char label[24];

      c->funcs->line (c, x, f->l.plot_y, x, axis_y, &f->theme->grid, 1.0, FALSE);
      g_snprintf (label, sizeof label, "%.0f", step);
      if (x + c->funcs->text_width (c, label, FONT_SMALL, FALSE) <= f->width - 2)
        c->funcs->text (c, x, axis_y + 13, label, FONT_SMALL, FALSE, LIR_ALIGN_START,
                        &f->theme->muted);
    }
  if (!names)
    return;
  /* Node names under the steps when there is room; a label that would
   * touch the previous one is dropped. */
  for (double s = floor (MAX (f->vp.step_start, 0)); s < MIN (f->vp.step_end, f->r->n_steps); s++)
    {
      guint32 node = s < f->r->n_step_nodes ? f->r->step_node[(guint)s] : LIR_NO_NODE;
      const char *name;
      double x, width;
      char scratch[LIR_SHORT_NAME_SIZE];

      if (node == LIR_NO_NODE)
        continue;
      if (step_x (f, s + 1) - step_x (f, s) < 1)
        continue; /* a collapsed step */
      name = lir_graph_node_short_label (f->r->graph, node, scratch);
      width = c->funcs->text_width (c, name, FONT_SMALL, FALSE);
      x = step_x (f, s + 0.5) - width / 2;
      if (width > f->px_per_step - 4 || x < names_end + 6 || x < f->l.plot_x ||
          x + width > f->l.plot_x + f->l.plot_width)
        continue;
      c->funcs->text (c, x, axis_y + 28, name, FONT_SMALL, FALSE, LIR_ALIGN_START,
                      &f->theme->foreground);
      names_end = x + width;
    }
}

/* A reference line across the plot, its label on a plate at the right end:
 * above the line, or below it when @below or when there is no room above. */
static void
draw_hline (const Frame *f, double bytes, const LirRgba *color, gboolean dashed, gboolean below,
            const char *label)
{
  LirCanvas *c = f->canvas;
  double y = byte_y (f, bytes);
  double width = c->funcs->text_width (c, label, FONT_SMALL, TRUE);
  double right = f->l.plot_x + f->l.plot_width - 4;
  LirRgba plate = with_alpha (f->theme->plot_background, 0.85);
  double base;

  if (y < f->l.plot_y - 0.5 || y > f->l.plot_y + f->l.plot_height + 0.5)
    return;
  c->funcs->line (c, f->l.plot_x, y, f->l.plot_x + f->l.plot_width, y, color, 1.5, dashed);
  if (y - FONT_SMALL - 4 < f->l.plot_y)
    below = TRUE;
  else if (y + FONT_SMALL + 4 > f->l.plot_y + f->l.plot_height)
    below = FALSE;
  base = below ? y + FONT_SMALL + 2 : y - 4;
  c->funcs->fill_rect (c, right - width - 3, base - FONT_SMALL, width + 6, FONT_SMALL + 3, &plate);
  c->funcs->text (c, right, base, label, FONT_SMALL, TRUE, LIR_ALIGN_END, color);
}

static void
draw_reference_lines (const Frame *f)
{
  const LirPlanStats *s = &f->r->stats;
  g_autofree char *arena = lir_format_bytes (s->arena_size);
  g_autofree char *bound = lir_format_bytes (s->lower_bound);

  /* When the two lines coincide, one label says both. */
  if (s->arena_size == s->lower_bound)
    {
      g_autofree char *both = g_strdup_printf ("arena = lower bound = %s", arena);

      draw_hline (f, (double)s->arena_size, &f->theme->arena, FALSE, FALSE, both);
    }
  else
    {
      g_autofree char *arena_label = g_strdup_printf ("arena %s", arena);
      g_autofree char *bound_label = g_strdup_printf ("lower bound %s", bound);

      /* The bound is the lower line: its label hangs below it, clear of the arena's. */
      draw_hline (f, (double)s->lower_bound, &f->theme->bound, TRUE, TRUE, bound_label);
      draw_hline (f, (double)s->arena_size, &f->theme->arena, FALSE, FALSE, arena_label);
    }
}

/* The peak step: a dashed line through the plot, named under the step axis
 * (outside the plot, so it never covers a buffer or a reference label). */
static void
draw_peak_mark (const Frame *f)
{
  LirCanvas *c = f->canvas;
  const LirPlanStats *s = &f->r->stats;
  double x = step_x (f, s->peak_step + 0.5);
  double axis_y = f->l.plot_y + f->l.plot_height;
  double width = c->funcs->text_width (c, "▲ peak", FONT_SMALL, TRUE);
  double footer = c->funcs->text_width (c, "schedule step →", FONT_SMALL, FALSE);

  if (s->lower_bound == 0 || x < f->l.plot_x || x > f->l.plot_x + f->l.plot_width)
    return;
  c->funcs->push_clip (c, f->l.plot_x, f->l.plot_y, f->l.plot_width, f->l.plot_height);
  c->funcs->line (c, x, f->l.plot_y, x, axis_y, &f->theme->bound, 1.0, TRUE);
  c->funcs->pop_clip (c);
  x = CLAMP (x - width / 2, f->l.plot_x, f->l.plot_x + f->l.plot_width - width);
  if (x + width > f->l.plot_x + f->l.plot_width - footer - 8)
    return;
  c->funcs->text (c, x, f->height - 4, "▲ peak", FONT_SMALL, TRUE, LIR_ALIGN_START, &f->theme->bound);
}

/* The buffers that set the arena: a thick arena-coloured bar on their top
 * edge, drawn whatever their size, so a thin one is still seen. */
static void
draw_top_edge (const Frame *f)
{
  LirCanvas *c = f->canvas;
  const LirBufferPlan *plan = f->r->plan;
  double y = byte_y (f, (double)plan->arena_size);

  double run_start = 0, run_end = -1;

  if (y < f->l.plot_y - 2 || y > f->l.plot_y + f->l.plot_height + 2)
    return;
  /* Bars that touch on screen merge into one, so thousands of them stay one shape. */
  for (guint i = 0; i <= f->r->top_edge_by_step->len; i++)
    {
      double x0 = 0, x1 = -1;

      if (i < f->r->top_edge_by_step->len)
        {
          const LirLifetime *life = &plan->lifetimes[g_array_index (f->r->top_edge_by_step, guint32, i)];

          x0 = MAX (step_x (f, life->first_step), f->l.plot_x);
          x1 = MIN (step_x (f, (double)life->last_step + 1), f->l.plot_x + f->l.plot_width);
          if (x1 <= x0)
            continue;
          if (run_end >= run_start && x0 <= run_end + 1)
            {
              run_end = MAX (run_end, x1);
              continue;
            }
        }
      if (run_end >= run_start)
        c->funcs->fill_rect (c, run_start, y, MAX (run_end - run_start, 2), 3, &f->theme->arena);
      run_start = x0;
      run_end = x1;
    }
}

/* An invalid plan's overlapping buffers, outlined in red. */
static void
draw_flagged (const Frame *f)
{
  for (guint i = 0; i < f->o->n_flagged; i++)
    {
      Box box;
      guint32 id = f->o->flagged[i];

      if (id < f->r->plan->n_nodes && f->r->plan->slot_flags[id] != LIR_SLOT_NONE && buffer_box (f, id, &box))
        f->canvas->funcs->stroke_rect (f->canvas, box.x0, box.y0, MAX (box.x1 - box.x0, 3), MAX (box.y1 - box.y0, 3),
                                       &diff_removed, 2.5, FALSE);
    }
}

typedef struct
{
  guint32 node;
  gboolean sets_arena;
} Callout;

/* Exports name what matters however thin it is on the page: the buffers that
 * set the arena and the largest ones at the peak. The labels stand in one
 * column at the plot's top left, each on its own line (so they never
 * overlap each other, nor the reference labels at the right end or the
 * peak mark under the axis), with a leader to the buffer. */
static void
draw_callouts (const Frame *f)
{
  LirCanvas *c = f->canvas;
  const LirBufferPlan *plan = f->r->plan;
  Callout callouts[2 * MAX_CALLOUTS];
  guint n = 0;
  double y = f->l.plot_y + FONT_SMALL + 6;
  LirRgba plate = with_alpha (f->theme->background, 0.9);

  for (guint i = 0; i < f->r->top_edge->len && n < MAX_CALLOUTS; i++)
    callouts[n++] = (Callout){ g_array_index (f->r->top_edge, guint32, i), TRUE };
  for (guint i = 0; i < f->r->n_peak_largest && n < G_N_ELEMENTS (callouts); i++)
    {
      gboolean seen = FALSE;

      for (guint k = 0; k < n; k++)
        seen |= callouts[k].node == f->r->peak_largest[i];
      if (!seen)
        callouts[n++] = (Callout){ f->r->peak_largest[i], FALSE };
    }
  for (guint i = 0; i < n && y + LINE < f->l.plot_y + f->l.plot_height; i++)
    {
      guint32 id = callouts[i].node;
      const LirLifetime *life = &plan->lifetimes[id];
      const LirBufferSlot *slot = &plan->slots[id];
      char scratch[LIR_SHORT_NAME_SIZE];
      g_autofree char *bytes = lir_format_bytes (slot->size);
      g_autofree char *text = g_strdup_printf ("%s%s · %s", callouts[i].sets_arena ? "sets the arena: " : "",
                                               lir_graph_node_short_label (f->r->graph, id, scratch), bytes);
      double width = c->funcs->text_width (c, text, FONT_SMALL, TRUE);
      double x = f->l.plot_x + 6;
      double mid_step = CLAMP (((double)life->first_step + life->last_step + 1) / 2, f->vp.step_start, f->vp.step_end);
      double tx = step_x (f, mid_step);
      double ty = callouts[i].sets_arena ? byte_y (f, (double)slot->offset + (double)slot->size)
                                         : byte_y (f, (double)slot->offset + (double)slot->size / 2);

      ty = CLAMP (ty, f->l.plot_y, f->l.plot_y + f->l.plot_height);
      c->funcs->line (c, x + width + 3, y - FONT_SMALL / 3, tx, ty,
                      callouts[i].sets_arena ? &f->theme->arena : &f->theme->muted, 1.0, TRUE);
      c->funcs->fill_rect (c, x - 3, y - FONT_SMALL, width + 6, FONT_SMALL + 4, &plate);
      c->funcs->text (c, x, y, text, FONT_SMALL, TRUE, LIR_ALIGN_START,
                      callouts[i].sets_arena ? &f->theme->arena : &f->theme->foreground);
      y += LINE;
    }
}

static void
draw_selection (const Frame *f)
{
  LirCanvas *c = f->canvas;
  const LirBufferPlan *plan = f->r->plan;
  guint32 id = f->o->selected;
  const LirLifetime *life;
  double axis_y = f->l.plot_y + f->l.plot_height;
  Box box;

  if (id == LIR_NO_NODE || id >= plan->n_nodes || plan->slot_flags[id] == LIR_SLOT_NONE)
    return;
  life = &plan->lifetimes[id];
  /* The lifetime as a bar on the step axis, readers as ticks on it. */
  {
    double x0 = MAX (step_x (f, life->first_step), f->l.plot_x);
    double x1 = MIN (step_x (f, (double)life->last_step + 1), f->l.plot_x + f->l.plot_width);
    LirRgba bar = with_alpha (f->theme->accent, 0.35);

    if (x1 > x0)
      c->funcs->fill_rect (c, x0, axis_y + 1, x1 - x0, 4, &bar);
  }
  if (f->r->consumers != NULL)
    {
      for (guint32 k = f->r->consumer_start[id]; k < f->r->consumer_start[id + 1]; k++)
        {
          guint32 step = plan->step_of[f->r->consumers[k]];
          double x;

          if (step == G_MAXUINT32)
            continue;
          x = step_x (f, step + 0.5);
          if (x >= f->l.plot_x && x <= f->l.plot_x + f->l.plot_width)
            c->funcs->line (c, x, f->l.plot_y, x, axis_y + 5, &f->theme->accent, 1.0, TRUE);
        }
    }
  if (buffer_box (f, id, &box))
    {
      double w = MAX (box.x1 - box.x0, 3), h = MAX (box.y1 - box.y0, 3);

      c->funcs->stroke_rect (c, box.x0 - 1, box.y0 - 1, w + 2, h + 2, &f->theme->accent, 2.5, FALSE);
    }
}

static void
draw_cursor (const Frame *f)
{
  LirCanvas *c = f->canvas;
  gint64 step = f->o->cursor_step;
  double x;
  g_autofree char *bytes = NULL;
  g_autofree char *label = NULL;

  if (step < 0 || (guint64)step >= f->r->n_steps)
    return;
  x = step_x (f, step + 0.5);
  if (x < f->l.plot_x || x > f->l.plot_x + f->l.plot_width)
    return;
  bytes = lir_format_bytes (lir_live_profile_at (f->r->live, (guint32)step));
  label = g_strdup_printf ("step %" G_GINT64_FORMAT " · live %s", step, bytes);
  c->funcs->line (c, x, f->l.plot_y, x, f->l.plot_y + f->l.plot_height, &f->theme->foreground, 1.0,
                  FALSE);
  /* At the foot of the plot, on a plate, clear of the reference lines' labels. */
  {
    double width = c->funcs->text_width (c, label, FONT_SMALL, TRUE);
    gboolean right = x + 10 + width < f->l.plot_x + f->l.plot_width;
    double left = right ? x + 4 : x - 4 - width;
    double base = f->l.plot_y + f->l.plot_height - 6;
    LirRgba plate = with_alpha (f->theme->background, 0.85);

    c->funcs->fill_rect (c, left - 3, base - FONT_SMALL - 1, width + 6, FONT_SMALL + 5, &plate);
    c->funcs->text (c, left, base, label, FONT_SMALL, TRUE, LIR_ALIGN_START, &f->theme->foreground);
  }
}

/* ---- header and legend ---------------------------------------------------------------- */

/* "Arena size 21.34 MiB (22376448 B) · Bytes saved …": the report's rows, worded as everywhere. */
static char *
header_line (const LirStatsReport *report, const LirStat *stats, guint n)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *value = lir_stats_report_get_value (report, stats[i]);

      /* Validity is said only when it fails. */
      if (stats[i] == LIR_STAT_VALIDITY && lir_stats_report_is_valid (report))
        continue;
      if (value != NULL)
        g_string_append_printf (line, "%s%s %s", line->len > 0 ? " · " : "",
                                lir_stat_get_title (stats[i]), value);
    }
  return g_string_free (line, FALSE);
}

static void
draw_header (const Frame *f)
{
  static const LirStat row1[] = { LIR_STAT_VALIDITY, LIR_STAT_ARENA_SIZE, LIR_STAT_ALIGNED_LOWER_BOUND,
                                  LIR_STAT_EFFICIENCY, LIR_STAT_PEAK };
  static const LirStat row2[] = { LIR_STAT_LOWER_BOUND, LIR_STAT_SAVED_BY_SHARING, LIR_STAT_SAVED_BY_VIEWS,
                                  LIR_STAT_BYTES_SAVED, LIR_STAT_BUFFERS };
  static const LirStat row3[] = { LIR_STAT_STRATEGY, LIR_STAT_ALIGNMENT, LIR_STAT_SYMBOLS,
                                  LIR_STAT_FINGERPRINT, LIR_STAT_GRAPH_FINGERPRINT };
  LirCanvas *c = f->canvas;
  const LirRenderer *r = f->r;
  const char *name = lir_module_get_name (r->module);
  const char *title = name != NULL && *name != '\0' ? name : "(unnamed)";
  /* Only exports draw the header; the report (which validates the plan) is
   * made here rather than with every renderer, so opening a plan in the app,
   * whose session has its own report, does not validate it twice. */
  g_autoptr (LirStatsReport) report = lir_stats_report_new (r->module);
  g_autofree char *line1 = header_line (report, row1, G_N_ELEMENTS (row1));
  g_autofree char *line2 = header_line (report, row2, G_N_ELEMENTS (row2));
  g_autofree char *line3 = header_line (report, row3, G_N_ELEMENTS (row3));
  double y = MARGIN + FONT_TITLE;

  c->funcs->text (c, MARGIN, y, title, FONT_TITLE, TRUE, LIR_ALIGN_START, &f->theme->foreground);
  if (f->o->diff != NULL)
    {
      const LirPlanDiff *diff = f->o->diff;
      g_autofree char *arena_a = lir_format_bytes (lir_plan_diff_get_stats (diff, FALSE)->arena_size);
      g_autofree char *arena_b = lir_format_bytes (r->stats.arena_size);
      g_autofree char *versus = NULL;

      versus = g_strdup_printf ("compared with %s: arena %s → %s (%+.1f%%), %u changes",
                                lir_module_get_name (lir_plan_diff_get_a (diff)), arena_a, arena_b,
                                lir_plan_diff_arena_growth (diff), lir_plan_diff_get_n_changes (diff));
      c->funcs->text (c, MARGIN + c->funcs->text_width (c, title, FONT_TITLE, TRUE) + 14, y, versus,
                      FONT, TRUE, LIR_ALIGN_START, &f->theme->accent);
    }
  y += LINE + 1;
  c->funcs->text (c, MARGIN, y, line1, FONT, FALSE, LIR_ALIGN_START, &f->theme->foreground);
  y += LINE;
  c->funcs->text (c, MARGIN, y, line2, FONT, FALSE, LIR_ALIGN_START, &f->theme->foreground);
  y += LINE;
  c->funcs->text (c, MARGIN, y, line3, FONT, FALSE, LIR_ALIGN_START, &f->theme->muted);
}

typedef struct
{
  const Frame *f;
  double x, y;
} Legend;

/* Adds one legend entry unless it would run off the canvas. */
static void
legend_add (Legend *lg, const LirRgba *swatch, gboolean hatched, gboolean line, gboolean dashed,
            const char *label)
{
  const Frame *f = lg->f;
  LirCanvas *c = f->canvas;
  double width = 16 + c->funcs->text_width (c, label, FONT_SMALL, FALSE) + 14;

  if (lg->x + width > f->width - MARGIN)
    return;
  if (line)
    c->funcs->line (c, lg->x, lg->y - 3.5, lg->x + 12, lg->y - 3.5, swatch, 2.0, dashed);
  else if (hatched)
    {
      c->funcs->hatch_rect (c, lg->x, lg->y - 9, 12, 10, swatch);
      c->funcs->stroke_rect (c, lg->x, lg->y - 9, 12, 10, swatch, 1.0, TRUE);
    }
  else
    c->funcs->fill_rect (c, lg->x, lg->y - 9, 12, 10, swatch);
  c->funcs->text (c, lg->x + 16, lg->y, label, FONT_SMALL, FALSE, LIR_ALIGN_START,
                  &f->theme->foreground);
  lg->x += width;
}

static void
draw_legend (const Frame *f, double y)
{
  Legend lg = { f, MARGIN, y };
  LirRgba hatch = with_alpha (f->theme->foreground, 0.45);

  switch (effective_color_by (f))
    {
    case LIR_COLOR_BY_OP:
      for (guint i = 0; i < f->r->n_op_names; i++)
        legend_add (&lg, &op_colors[i], FALSE, FALSE, FALSE, f->r->op_names[i]);
      if (f->r->n_op_names == N_OP_COLORS)
        legend_add (&lg, &op_colors[N_OP_COLORS], FALSE, FALSE, FALSE, "other");
      break;
    case LIR_COLOR_BY_SIZE:
      for (guint i = 0; i < N_SIZE_CLASSES; i++)
        legend_add (&lg, &size_colors[i], FALSE, FALSE, FALSE, size_class_names[i]);
      break;
    case LIR_COLOR_BY_KIND:
      for (guint k = 0; k < LIR_N_BUFFER_KINDS; k++)
        legend_add (&lg, &kind_colors[k], FALSE, FALSE, FALSE, lir_buffer_kind_to_string ((LirBufferKind)k));
      break;
    case LIR_COLOR_BY_PHASE:
    default:
      for (guint p = 0; p <= LIR_PHASE_NONE; p++)
        legend_add (&lg, &lir_render_phase_colors[p], FALSE, FALSE, FALSE,
                    lir_phase_get_label ((LirPhase)p));
      break;
    }
  legend_add (&lg, &hatch, TRUE, FALSE, FALSE, "view (shares its root's bytes)");
  if (f->r->n_dynamic > 0)
    {
      LirRgba dynamic_hatch = lir_render_dynamic_hatch (f);

      legend_add (&lg, &dynamic_hatch, TRUE, FALSE, FALSE, "dynamic, not in the arena");
    }
  if (f->o->diff != NULL)
    {
      legend_add (&lg, &diff_added, FALSE, TRUE, FALSE, "added");
      legend_add (&lg, &diff_resized, FALSE, TRUE, FALSE, "resized");
      legend_add (&lg, &diff_moved, FALSE, TRUE, FALSE, "moved");
      legend_add (&lg, &f->theme->muted, FALSE, TRUE, TRUE, "where it was in A");
      legend_add (&lg, &diff_removed, FALSE, TRUE, TRUE, "gone from A");
    }
  legend_add (&lg, &f->theme->arena, FALSE, TRUE, FALSE, "arena size");
  legend_add (&lg, &f->theme->arena, FALSE, TRUE, FALSE, "sets the arena (bar on its top)");
  legend_add (&lg, &f->theme->bound, FALSE, TRUE, TRUE, "lower bound / peak");
  legend_add (&lg, &f->theme->accent, FALSE, TRUE, TRUE, "selection's readers");
  if (f->o->n_flagged > 0)
    legend_add (&lg, &diff_removed, FALSE, TRUE, FALSE, "overlaps (invalid)");
}

/* ---- the one drawing path ------------------------------------------------------------- */

static void
draw_frame (const LirRenderer *r, LirCanvas *canvas, double width, double height,
            const LirViewport *viewport, const LirRenderOptions *options)
{
  Frame f = { 0 };
  LirCanvas *c = canvas;

  f.r = r;
  f.o = options;
  f.theme = &themes[options->theme == LIR_THEME_DARK ? LIR_THEME_DARK : LIR_THEME_LIGHT];
  f.canvas = canvas;
  f.width = width;
  f.height = height;
  f.vp = *viewport;
  /* A degenerate viewport would divide by zero; widen it to something drawable. */
  if (!(f.vp.step_end > f.vp.step_start))
    f.vp.step_end = f.vp.step_start + 1;
  if (!(f.vp.byte_end > f.vp.byte_start))
    f.vp.byte_end = f.vp.byte_start + 1;
  lir_renderer_layout (r, width, height, options, &f.l);
  f.col_start = lir_render_layout_column_of_step (&f.l, f.vp.step_start);
  f.col_end = lir_render_layout_column_of_step (&f.l, f.vp.step_end);
  if (!(f.col_end > f.col_start))
    f.col_end = f.col_start + 1;
  f.px_per_step = f.l.plot_width / (f.col_end - f.col_start);
  f.px_per_byte = f.l.plot_height / (f.vp.byte_end - f.vp.byte_start);

  c->funcs->fill_rect (c, 0, 0, width, height, &f.theme->background);
  if (options->header)
    {
      draw_header (&f);
      draw_legend (&f, MARGIN + FONT_TITLE + 4 * LINE + 1);
    }
  if (options->strip)
    {
      c->funcs->push_clip (c, f.l.strip_x, f.l.strip_y - 2, f.l.strip_width, f.l.strip_height + 2);
      lir_render_draw_strip (&f);
      c->funcs->pop_clip (c);
      c->funcs->text (c, f.l.strip_x - 6, f.l.strip_y + 10, "live", FONT_SMALL, TRUE,
                      LIR_ALIGN_END, &f.theme->muted);
    }
  if (r->has_phases)
    lir_render_draw_phase_band (&f);
  if (f.l.dynamic_height > 0)
    lir_render_draw_dynamic_band (&f);

  c->funcs->fill_rect (c, f.l.plot_x, f.l.plot_y, f.l.plot_width, f.l.plot_height,
                       &f.theme->plot_background);
  draw_byte_axis (&f);
  c->funcs->push_clip (c, f.l.plot_x, f.l.plot_y, f.l.plot_width, f.l.plot_height);
  draw_buffers (&f);
  draw_diff (&f);
  draw_top_edge (&f);
  draw_flagged (&f);
  draw_reference_lines (&f);
  draw_cursor (&f);
  c->funcs->pop_clip (c);
  draw_step_axis (&f);
  draw_peak_mark (&f);
  if (options->callouts)
    draw_callouts (&f);
  c->funcs->push_clip (c, f.l.plot_x - 4, f.l.plot_y - 4, f.l.plot_width + 8,
                       f.l.plot_height + 12);
  draw_selection (&f);
  c->funcs->pop_clip (c);
  c->funcs->text (c, f.l.plot_x + f.l.plot_width, height - 4, "schedule step →", FONT_SMALL, FALSE,
                  LIR_ALIGN_END, &f.theme->muted);
}

#define LEGEND_HEIGHT 18.0

/* Returns: the height lir_renderer_draw_legend () needs, in pixels */
double
lir_renderer_legend_height (void)
{
  return LEGEND_HEIGHT;
}

/**
 * lir_renderer_draw_legend:
 * @renderer: a renderer
 * @cr: where to draw; the area is (0, 0, @width, legend height)
 * @width: the width available; entries that do not fit are left out
 * @options: the options the timeline is drawn with
 *
 * The legend the exports carry, as one row, for the app to show beside its
 * timeline: the colours of the current colour-by, views, the diff's marks,
 * the arena and bound lines, the selection's readers.
 */
void
lir_renderer_draw_legend (const LirRenderer *renderer, cairo_t *cr, double width, const LirRenderOptions *options)
{
  g_autoptr (LirCanvas) canvas = lir_canvas_cairo_new (cr);
  Frame f = { 0 };

  f.r = renderer;
  f.o = options;
  f.theme = &themes[options->theme == LIR_THEME_DARK ? LIR_THEME_DARK : LIR_THEME_LIGHT];
  f.canvas = canvas;
  f.width = width;
  f.height = LEGEND_HEIGHT;
  cairo_save (cr);
  draw_legend (&f, LEGEND_HEIGHT - 5);
  cairo_restore (cr);
}

/**
 * lir_renderer_activation_viewport:
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
lir_renderer_activation_viewport (const LirRenderer *r, LirViewport *viewport)
{
  const LirBufferPlan *plan = r->plan;
  guint64 low = G_MAXUINT64, high = 0, weights = 0;

  lir_renderer_full_viewport (r, viewport);
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      guint64 end = plan->slots[id].offset + plan->slots[id].size;

      if (plan->slot_flags[id] != LIR_SLOT_ALLOCATED || plan->slots[id].size == 0)
        continue;
      if (r->kinds[id] == LIR_BUFFER_KIND_PARAM || r->kinds[id] == LIR_BUFFER_KIND_CONSTANT)
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

/**
 * lir_renderer_draw:
 * @renderer: a renderer
 * @cr: where to draw; the area is (0, 0, @width, @height) in user units
 * @width: width in pixels
 * @height: height in pixels
 * @viewport: (nullable): the steps and bytes to show, %NULL for the whole plan
 * @options: (nullable): what to draw, %NULL for lir_render_options_init ()'s defaults
 *
 * The drawing path the app's timeline widget and the PNG and PDF exports share.
 */
void
lir_renderer_draw (const LirRenderer *renderer, cairo_t *cr, double width, double height,
                   const LirViewport *viewport, const LirRenderOptions *options)
{
  g_autoptr (LirCanvas) canvas = lir_canvas_cairo_new (cr);

  cairo_save (cr);
  draw_frame (renderer, canvas, width, height, viewport, options);
  cairo_restore (cr);
}

/**
 * lir_renderer_to_svg:
 * @renderer: a renderer
 * @width: width in pixels
 * @height: height in pixels
 * @viewport: (nullable): the steps and bytes to show, %NULL for the whole plan
 * @options: (nullable): what to draw, %NULL for lir_render_options_init ()'s defaults
 * @length: (out) (optional): the text's length
 *
 * Returns: (transfer full): the same picture as an SVG document, with a
 *   <title> per buffer
 */
char *
lir_renderer_to_svg (const LirRenderer *renderer, double width, double height,
                     const LirViewport *viewport, const LirRenderOptions *options, gsize *length)
{
  const Theme *theme = &themes[options->theme == LIR_THEME_DARK ? LIR_THEME_DARK : LIR_THEME_LIGHT];
  LirRgba hatch = with_alpha (theme->foreground, 0.45);
  g_autoptr (LirCanvas) canvas = lir_canvas_svg_new (width, height, &hatch);

  draw_frame (renderer, canvas, width, height, viewport, options);
  return lir_canvas_svg_finish (canvas, length);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Cairo cannot allocate surfaces past 32767 pixels a side. */
#define MAX_RASTER_SIDE 32767.0

/**
 * lir_renderer_export_bytes:
 * @renderer: a renderer
 * @format: SVG, PNG or PDF
 * @width: width in pixels (points for PDF)
 * @height: height in pixels (points for PDF)
 * @viewport: (nullable): the steps and bytes to show, %NULL for the whole plan
 * @options: (nullable): what to draw, %NULL for lir_render_options_init ()'s defaults
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the encoded image
 */
GBytes *
lir_renderer_export_bytes (const LirRenderer *renderer, LirRenderFormat format, double width,
                           double height, const LirViewport *viewport,
                           const LirRenderOptions *options, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  LirViewport full;
  LirRenderOptions defaults;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!(width >= 16 && height >= 16 && width <= MAX_RASTER_SIDE && height <= MAX_RASTER_SIDE))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT,
                   "image size %gx%g is out of range (16 to %.0f pixels a side)", width, height,
                   MAX_RASTER_SIDE);
      return NULL;
    }
  if (viewport == NULL)
    {
      lir_renderer_full_viewport (renderer, &full);
      viewport = &full;
    }
  if (options == NULL)
    {
      lir_render_options_init (&defaults);
      options = &defaults;
    }
  if (format == LIR_RENDER_SVG)
    {
      gsize length;
      char *svg = lir_renderer_to_svg (renderer, width, height, viewport, options, &length);

      return g_bytes_new_take (svg, length);
    }
  if (format == LIR_RENDER_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (width), (int)ceil (height));
  else
    surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
  cr = cairo_create (surface);
  lir_renderer_draw (renderer, cr, width, height, viewport, options);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == LIR_RENDER_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface); /* a PDF is complete only now */
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "drawing failed: %s",
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * lir_renderer_export:
 * @renderer: a renderer
 * @path: the file to write, atomically
 * @format: SVG, PNG or PDF
 * @width: width in pixels (points for PDF)
 * @height: height in pixels (points for PDF)
 * @viewport: (nullable): the steps and bytes to show, %NULL for the whole plan
 * @options: (nullable): what to draw, %NULL for lir_render_options_init ()'s defaults
 * @error: return location for a #GError
 *
 * Draws the plan's timeline (x: schedule step, y: arena offset) with its
 * header and legend into a file, written atomically. The same drawing path
 * serves the app and `lirscope-cli render`.
 *
 * Returns: %FALSE with @error set if drawing or writing failed
 */
gboolean
lir_renderer_export (const LirRenderer *renderer, const char *path, LirRenderFormat format,
                     double width, double height, const LirViewport *viewport,
                     const LirRenderOptions *options, GError **error)
{
  g_autoptr (GBytes) bytes =
    lir_renderer_export_bytes (renderer, format, width, height, viewport, options, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &length);
  return lir_io_write_atomic (path, data, length, error);
}
