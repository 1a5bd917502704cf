/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-api.c: the public API as a program reads it. The input is a script:
 * build a graph (any node kinds, names, shapes, symbols, aliases, orders and
 * outputs, ids possibly out of range), then plan it with options from the
 * input, then ask everything of the plan that the app and the CLI ask.
 *
 * Every call meets its documented preconditions, so any critical is a
 * finding (they are fatal here). Planning may refuse the graph, with a
 * UTF-8 error message; a plan it makes must pass the validator, keep its
 * fingerprint, round-trip through JSON, and give reports and an SVG that
 * are valid UTF-8 (the SVG well-formed XML). */
#include "fuzz-target.h"

#include <math.h>

typedef struct
{
  const guint8 *p, *end;
} Script;

static guint8
take8 (Script *s)
{
  return s->p < s->end ? *s->p++ : 0;
}

static guint32
take32 (Script *s)
{
  guint32 v = 0;

  for (guint i = 0; i < 4; i++)
    v = v << 8 | take8 (s);
  return v;
}

static guint64
take64 (Script *s)
{
  return (guint64)take32 (s) << 32 | take32 (s);
}

/* A size: mostly small, sometimes anything a file can hold. */
static guint64
take_size (Script *s)
{
  guint8 how = take8 (s);

  if (how < 200)
    return how % 64;
  if (how < 250)
    return take32 (s) % 100000;
  return take64 (s) & LIR_MAX_BYTES;
}

/* A valid name from the script's bytes, or a made-up one where those bytes
 * are not a valid name (an invalid one would be a precondition failure). */
static const char *
take_name (Script *s, char buffer[64], gboolean nullable, gboolean may_be_empty)
{
  guint8 length = take8 (s);

  if (nullable && length == 255)
    return NULL;
  length %= 32;
  for (guint i = 0; i < length; i++)
    buffer[i] = (char)take8 (s);
  buffer[length] = '\0';
  if (!lir_limits_check_name (buffer, -1, may_be_empty, NULL))
    g_snprintf (buffer, 64, "n%u", length);
  return buffer;
}

/* A node id: in range, or just past it (planning must refuse those). */
static guint32
take_node (Script *s, LirGraph *graph)
{
  guint n = lir_graph_get_n_nodes (graph);
  guint8 how = take8 (s);

  if (how == 255)
    {
      guint32 any = take32 (s);

      return any == LIR_NO_NODE ? any - 1 : any;
    }
  return n == 0 ? 0 : how % (n + (how > 240));
}

static LirShape
take_shape (Script *s, LirGraph *graph)
{
  LirShape shape = { 0 };
  guint n_symbols = lir_graph_get_n_symbols (graph);

  shape.dtype = take8 (s) % LIR_N_DTYPES;
  shape.n_dims = take8 (s) % 5;

  for (guint d = 0; d < shape.n_dims; d++)
    {
      guint8 how = take8 (s);

      if (how < 40 && n_symbols > 0)
        shape.dims[d] = lir_dim_symbol (how % n_symbols);
      else
        shape.dims[d] = lir_dim_static (take_size (s));
    }
  return shape;
}

static void
build_graph (Script *s, LirGraph *graph)
{
  guint n_steps = take8 (s) % 48;
  char name[64], other[64];

  for (guint i = 0; i < n_steps && s->p < s->end; i++)
    {
      /* Every operand is read before the call, in this order: C leaves the
       * order of a call's arguments open, and a finding must replay the
       * same with every compiler. */
      guint8 op = take8 (s) % 16;
      LirShape shape = take_shape (s, graph);
      guint32 inputs[4];
      guint n_inputs = take8 (s) % 5;
      guint32 n = lir_graph_get_n_nodes (graph);
      guint32 a, b;
      guint8 small;
      guint64 size, size2;
      const char *node_name, *op_name;

      for (guint k = 0; k < n_inputs; k++)
        inputs[k] = take_node (s, graph);
      a = take_node (s, graph);
      b = take_node (s, graph);
      small = take8 (s);
      size = take_size (s);
      size2 = take_size (s);
      node_name = take_name (s, name, TRUE, TRUE);
      op_name = take_name (s, other, FALSE, FALSE);
      switch (op)
        {
        case 0:
          lir_graph_add_input (graph, node_name, &shape);
          break;
        case 1:
          lir_graph_add_param (graph, node_name, &shape);
          break;
        case 2:
          lir_graph_add_constant (graph, node_name, &shape);
          break;
        case 3:
          lir_graph_add_op (graph, op_name, inputs, n_inputs, &shape);
          break;
        case 4:
          lir_graph_add_matmul (graph, a, b, &shape);
          break;
        case 5:
          lir_graph_add_reshape (graph, a, &shape);
          break;
        case 6:
          lir_graph_add_cast (graph, a, small % LIR_N_DTYPES, &shape);
          break;
        case 7:
          lir_graph_add_narrow (graph, a, small % 5, size, size2, &shape);
          break;
        case 8:
          lir_graph_add_sample (graph, a, &shape);
          break;
        case 9:
          if (lir_graph_get_n_symbols (graph) < LIR_MAX_SYMBOLS)
            lir_graph_add_symbol (graph, op_name, size);
          break;
        case 10:
          lir_graph_add_node (graph, small % LIR_N_OP_KINDS, op_name, node_name, inputs, n_inputs, &shape,
                              NULL);
          break;
        case 11:
          if (n > 0)
            lir_graph_set_node_alias (graph, a % n, b, size, small % (LIR_ALIAS_INPLACE + 1));
          break;
        case 12:
          if (n > 0)
            lir_graph_set_node_has_buffer (graph, a % n, small & 1);
          break;
        case 13:
          if (n > 0)
            lir_graph_set_node_result_of (graph, a % n, b);
          break;
        case 14:
          if (n > 0)
            lir_graph_set_node_op_label (graph, a % n, op_name, small & 1 ? NULL : op_name);
          break;
        default:
          {
            g_autoptr (GError) error = NULL;
            g_autofree guint32 *order = g_new (guint32, n + 1);

            for (guint32 k = 0; k < n; k++)
              order[k] = n - 1 - k; /* reversed: often not topological */
            if (n > 0 && small < 64)
              order[size % n] = b;
            if (!lir_graph_set_order (graph, order, n, &error))
              fuzz_check_text (error->message, strlen (error->message), "an order's error");
          }
          break;
        }
    }
  if (lir_graph_get_n_nodes (graph) > 0)
    {
      guint32 outputs[3];
      guint n_outputs = take8 (s) % 4;

      for (guint k = 0; k < n_outputs; k++)
        outputs[k] = take_node (s, graph);
      lir_graph_set_outputs (graph, outputs, n_outputs);
    }
}

static LirPlanOptions *
take_options (Script *s, LirGraph *graph)
{
  LirPlanOptions *options = lir_plan_options_new ();
  guint n_strategies;
  const LirStrategy *const *strategies = lir_strategy_list (&n_strategies);
  guint8 flags = take8 (s);

  lir_plan_options_set_strategy (options, lir_strategy_get_name (strategies[take8 (s) % n_strategies]));
  lir_plan_options_set_effort (options, 1 + take8 (s) * 8); /* small: a fuzz run is short */
  if (flags & 1)
    lir_plan_options_set_alignment (options, G_GUINT64_CONSTANT (1) << (take8 (s) % 48));
  if (flags & 2)
    lir_plan_options_set_allocate (options, LIR_OP_PARAM, FALSE);
  if (flags & 4)
    lir_plan_options_set_allocate (options, LIR_OP_INPUT, FALSE);
  if (flags & 8)
    lir_plan_options_set_capacity (options, take_size (s));
  for (guint32 i = 0; i < lir_graph_get_n_symbols (graph); i++)
    if (take8 (s) & 1)
      lir_plan_options_bind (options, lir_graph_get_symbol_name (graph, i), take_size (s));
  return options;
}

static void
check_renderer (Script *s, LirModule *planned, LirModule *other, const LirStatsReport *stats)
{
  g_autoptr (LirRenderer) renderer = lir_renderer_new (planned);
  g_autoptr (LirPlanDiff) diff = other != NULL ? lir_plan_diff_new (other, planned) : NULL;
  guint n = lir_graph_get_n_nodes (lir_module_get_graph (planned));
  LirRenderOptions options;
  LirRenderLayout layout;
  LirViewport viewport;
  g_autofree char *svg = NULL;
  gsize length;
  double area[4], width, height;

  lir_render_options_init (&options);
  options.color_by = take8 (s) % 4;
  options.theme = take8 (s) & 1;
  options.labels = take8 (s) & 1;
  options.all_steps = take8 (s) & 1;
  options.callouts = take8 (s) & 1;
  options.hidden_phases = take8 (s);
  options.selected = n > 0 && (take8 (s) & 1) ? take32 (s) % n : LIR_NO_NODE;
  options.cursor_step = (gint64)(take32 (s) % (lir_renderer_get_n_steps (renderer) + 2)) - 1;
  options.flagged = lir_stats_report_get_flagged (stats, &options.n_flagged);
  options.diff = diff;
  lir_renderer_get_full_viewport (renderer, &viewport);
  if (take8 (s) & 1)
    {
      /* Any finite viewport, however odd, is drawable. */
      viewport.step_start = (gint32)take32 (s) / 256.0;
      viewport.step_end = (gint32)take32 (s) / 256.0;
      viewport.byte_start = (double)(gint64)take64 (s);
      viewport.byte_end = (double)(gint64)take64 (s);
    }
  width = 16 + take8 (s) * 4;
  height = 16 + take8 (s) * 4;
  svg = lir_renderer_to_svg (renderer, width, height, &viewport, &options, &length);
  fuzz_check_svg (svg, length);
  lir_renderer_compute_layout (renderer, 640, 480, &options, &layout);
  for (guint k = 0; k < 4; k++)
    {
      double x = take8 (s) * 3.0, y = take8 (s) * 2.0;
      double step = lir_render_layout_step_at (&layout, &viewport, x);
      double byte = lir_render_layout_byte_at (&layout, &viewport, y);
      guint32 hit = lir_plan_index_hit (lir_renderer_get_index (renderer),
                                        step >= 0 && step < G_MAXUINT32 ? (guint32)step : 0,
                                        byte >= 0 && byte < 1.8e19 ? (guint64)byte : 0);
      guint32 dynamic = lir_renderer_get_dynamic_at (renderer, &layout, &viewport, x, y, area);

      if (hit != LIR_NO_NODE)
        {
          g_autofree char *text = NULL;

          if (hit >= n)
            fuzz_fail ("the index hit node %u of %u", hit, n);
          text = lir_renderer_describe (renderer, hit);
          fuzz_check_text (text, strlen (text), "a buffer's description");
        }
      if (dynamic != LIR_NO_NODE)
        {
          g_autofree char *text = NULL;

          if (dynamic >= n)
            fuzz_fail ("the dynamic band hit node %u of %u", dynamic, n);
          text = lir_renderer_describe_dynamic (renderer, dynamic);
          fuzz_check_text (text, strlen (text), "a dynamic node's description");
        }
    }
}

static void
check_plan (Script *s, LirModule *planned, const LirPlanOptions *options)
{
  g_autoptr (LirStatsReport) stats = lir_stats_report_new (planned);
  LirBufferPlan *plan = lir_module_get_plan (planned);
  g_autoptr (LirPlanIndex) index = lir_plan_index_new (plan);
  g_autoptr (LirSearchIndex) search = lir_search_index_new (planned);
  g_autoptr (LirPlanOptions) naive_options = lir_plan_options_copy (options);
  g_autoptr (LirModule) naive = NULL;
  g_autoptr (GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GError) error = NULL;
  guint n_steps = MAX (lir_buffer_plan_get_n_steps (plan), 1);
  guint32 step = take32 (s) % n_steps;
  g_autoptr (LirPeakReport) peak = lir_peak_report_new (planned, index, step);
  g_autofree char *peak_text = lir_peak_report_to_text (peak, take8 (s));
  g_autofree char *stats_text = lir_stats_report_to_text (stats);
  g_autofree char *stats_json = lir_stats_report_to_json (stats, -1);
  char name[64];

  if (fuzz_violations (planned) != 0 || !lir_stats_report_is_valid (stats))
    fuzz_fail ("a plan Lirscope made does not pass its validator");
  if (lir_module_get_fingerprint (planned) != lir_module_get_fingerprint (planned))
    fuzz_fail ("a fingerprint changed between two calls");
  fuzz_check_text (peak_text, strlen (peak_text), "the peak report");
  fuzz_check_text (stats_text, strlen (stats_text), "the stats report");
  fuzz_check_text (stats_json, strlen (stats_json), "the stats report's JSON");
  fuzz_check_round_trip (planned, lir_module_new_from_json, lir_module_to_json, "a module's JSON");

  lir_search_index_find (search, take_name (s, name, FALSE, FALSE), 16, nodes);
  lir_plan_index_query (index, step, step + take8 (s), nodes);
  for (guint i = 0; i < nodes->len; i++)
    if (g_array_index (nodes, guint32, i) >= lir_buffer_plan_get_n_nodes (plan))
      fuzz_fail ("an index answered a node out of range");
  if (!lir_stats_report_measure_binding (stats, options, &error))
    fuzz_check_text (error->message, strlen (error->message), "a binding's error");
  g_clear_error (&error);

  lir_plan_options_set_strategy (naive_options, "naive");
  lir_plan_options_set_capacity (naive_options, 0);
  naive = lir_module_replan (planned, naive_options, &error);
  if (naive == NULL)
    {
      /* Stacking every buffer can overflow where sharing fits. */
      if (!g_error_matches (error, LIR_ERROR, LIR_ERROR_OVERFLOW))
        fuzz_fail ("naive cannot re-plan what another strategy planned: %s", error->message);
      fuzz_check_text (error->message, strlen (error->message), "naive's error");
    }
  else
    {
      g_autoptr (LirPlanDiff) diff = lir_plan_diff_new (naive, planned);
      g_autofree char *text = lir_plan_diff_to_text (diff, "a", "b", take8 (s));
      g_autofree char *json = lir_plan_diff_to_json (diff, "a", "b");

      fuzz_check_text (text, strlen (text), "a diff");
      fuzz_check_text (json, strlen (json), "a diff's JSON");
    }
  check_renderer (s, planned, naive, stats);
}

/* libFuzzer keeps the input on abort(), not on GLib's breakpoint trap. */
static void
abort_on_critical (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  g_log_default_handler (domain, level, message, data);
  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR))
    fuzz_fail ("a %s: %s", level & G_LOG_LEVEL_WARNING ? "warning" : "critical", message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  Script s = { data, data + size };
  char name[64];
  g_autoptr (LirGraph) graph = NULL;
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirModule) planned = NULL;
  g_autoptr (LirPlanOptions) options = NULL;
  g_autoptr (GError) error = NULL;

  /* Every call below meets its preconditions: a critical is a bug. */
  g_log_set_default_handler (abort_on_critical, NULL);
  graph = lir_graph_new (take_name (&s, name, TRUE, TRUE));
  build_graph (&s, graph);
  module = lir_module_new (graph, NULL);
  options = take_options (&s, graph);
  planned = lir_module_replan (module, options, &error);
  if (planned == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        fuzz_fail ("planning failed without saying why");
      fuzz_check_text (error->message, strlen (error->message), "a planning error");
      if (lir_module_validate (module, NULL))
        fuzz_fail ("an unplanned module validates");
      return 0;
    }
  check_plan (&s, planned, options);
  return 0;
}
