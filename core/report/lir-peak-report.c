/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-peak-report.c: `lirscope-cli peak`: the live set at a step, largest
 * first, its totals by kind and op, the fragmentation there, and the buffers
 * that set the arena with the stack under the highest of them.
 */
#include "lir-peak-report.h"
#include "lir-boxed-private.h"
#include "io/lir-json-read-private.h"

#include "plan/lir-arena-top.h"

#include "lir-format-private.h"
#include "io/lir-json.h"
#include "plan/lir-live-set.h"

/* Pads by characters, not bytes: "26 – 28" has a three-byte dash. */
static void
append_padded (GString *out, const char *text, int width)
{
  glong n = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  /* A long cell still gets one space before the next. */
  for (g_string_append_c (out, ' '), n++; n < width; n++)
    g_string_append_c (out, ' ');
}

/* A node's label: shortened in text (lir_name_shorten ()), whole in JSON. */
static const char *
label_of (LirModule *module, guint32 node, char scratch[LIR_SHORT_NAME_SIZE])
{
  return lir_graph_get_node_short_label (lir_module_get_graph (module), node, scratch);
}

static const char *
full_label_of (LirModule *module, guint32 node, char scratch[24])
{
  return lir_graph_get_node_label (lir_module_get_graph (module), node, scratch);
}

struct _LirPeakReport
{
  gint ref_count;
  LirModule *module;
  LirPlanIndex *index;
  guint32 step;
  LirLiveSet *set;
};

/**
 * lir_peak_report_new:
 * @module: a planned module
 * @index: its plan's index
 * @step: the step to explain: the peak step, or any other
 *
 * What fills the arena at @step and what sets the arena's height: the live
 * set there, largest first, with its totals by kind and op and the
 * fragmentation, and the buffers whose top edge is the arena with the stack
 * under the highest of them (`lirscope-cli peak`).
 *
 * Returns: (transfer full): the report
 */
LirPeakReport *
lir_peak_report_new (LirModule *module, LirPlanIndex *index, guint32 step)
{
  LirPeakReport *report;

  g_return_val_if_fail (module != NULL && lir_module_get_plan (module) != NULL, NULL);
  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (lir_plan_index_get_plan (index) == lir_module_get_plan (module), NULL);
  g_return_val_if_fail (step < MAX (lir_buffer_plan_get_n_steps (lir_module_get_plan (module)), 1), NULL);
  report = g_new0 (LirPeakReport, 1);
  report->ref_count = 1;
  report->module = lir_module_ref (module);
  report->index = lir_plan_index_ref (index);
  report->step = step;
  report->set = lir_live_set_new (module, index, step);
  return report;
}

/**
 * lir_peak_report_ref: (skip)
 * @report: a report
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @report, with one more reference
 */
LirPeakReport *
lir_peak_report_ref (LirPeakReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_atomic_int_inc (&report->ref_count);
  return report;
}

/**
 * lir_peak_report_unref: (skip)
 * @report: (transfer full): a report
 *
 * Drops a reference; the last one frees it.
 */
void
lir_peak_report_unref (LirPeakReport *report)
{
  g_return_if_fail (report != NULL);
  if (!g_atomic_int_dec_and_test (&report->ref_count))
    return;
  lir_module_unref (report->module);
  lir_plan_index_unref (report->index);
  lir_live_set_unref (report->set);
  g_free (report);
}

/**
 * lir_peak_report_get_live_set:
 * @report: a report
 *
 * The buffers live at the report's step.
 *
 * Returns: (transfer none): the live set at the report's step
 */
LirLiveSet *
lir_peak_report_get_live_set (const LirPeakReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->set;
}

/**
 * lir_live_set_format_kind_totals:
 * @set: a live set
 *
 * The bytes of each kind of buffer live at the set's step, in words.
 *
 * Returns: (transfer full): "input 128.00 KiB (9.8%) · activation 1.13 MiB
 *   (89.0%)": the kinds present, with their share of the live bytes
 */
char *
lir_live_set_format_kind_totals (const LirLiveSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  GString *out;
  guint64 live;

  out = g_string_new (NULL);
  live = MAX (lir_live_set_get_live_bytes (set), 1);

  for (guint k = 0; k < LIR_N_BUFFER_KINDS; k++)
    {
      guint64 bytes = lir_live_set_get_kind_bytes (set, (LirBufferKind)k);
      g_autofree char *b = NULL, *share = NULL;

      if (bytes == 0)
        continue;
      b = lir_format_bytes (bytes);
      share = lir_format_percent ((double)bytes / (double)live, 1);
      g_string_append_printf (out, "%s%s %s (%s)", out->len > 0 ? " · " : "",
                              lir_buffer_kind_to_string ((LirBufferKind)k), b, share);
    }
  return g_string_free (out, FALSE);
}

/**
 * lir_live_set_format_category_totals:
 * @set: a live set
 *
 * The bytes of each category (a training step's parameters, activations,
 * gradients, …) live at the set's step, in words.
 *
 * Returns: (transfer full): "activation 98.00 MiB (71.2%, saved 96.00 MiB)
 *   · gradient 20.00 MiB (14.5%)": the categories present with their share
 *   of the live bytes; "" when no live buffer has a category
 */
char *
lir_live_set_format_category_totals (const LirLiveSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  GString *out = g_string_new (NULL);
  guint64 live = MAX (lir_live_set_get_live_bytes (set), 1);
  gboolean any = FALSE;

  for (guint c = LIR_CATEGORY_NONE + 1; c < LIR_N_CATEGORIES; c++)
    any |= lir_live_set_get_category_bytes (set, (LirCategory)c) > 0;
  for (guint c = 0; c < LIR_N_CATEGORIES && any; c++)
    {
      guint64 bytes = lir_live_set_get_category_bytes (set, (LirCategory)c);
      g_autofree char *b = NULL, *share = NULL;

      if (bytes == 0)
        continue;
      b = lir_format_bytes (bytes);
      share = lir_format_percent ((double)bytes / (double)live, 1);
      g_string_append_printf (out, "%s%s %s (%s", out->len > 0 ? " · " : "",
                              c == LIR_CATEGORY_NONE ? "uncategorized"
                                                     : lir_category_to_string ((LirCategory)c),
                              b, share);
      if (c == LIR_CATEGORY_ACTIVATION && lir_live_set_get_saved_bytes (set) > 0)
        {
          g_autofree char *saved = lir_format_bytes (lir_live_set_get_saved_bytes (set));

          g_string_append_printf (out, ", saved %s", saved);
        }
      g_string_append_c (out, ')');
    }
  return g_string_free (out, FALSE);
}

/**
 * lir_peak_report_to_text:
 * @report: a report
 * @max_buffers: list at most this many buffers
 *
 * Words the report as `lirscope-cli peak` prints it: the live set with its
 * totals by kind and op, the fragmentation, and what sets the arena's
 * height.
 *
 * Returns: (transfer full): the report, for people
 */
char *
lir_peak_report_to_text (const LirPeakReport *report, guint max_buffers)
{
  g_return_val_if_fail (report != NULL, NULL);

  LirModule *module = report->module;
  LirPlanIndex *index = report->index;
  LirLiveSet *set = report->set;
  guint32 step = report->step;
  LirBufferPlan *plan = lir_module_get_plan (module);
  g_autoptr (GArray) top = lir_buffer_plan_get_top_edge (plan);
  guint64 live = lir_live_set_get_live_bytes (set), arena = lir_buffer_plan_get_arena_size (plan);
  const guint32 *schedule;
  guint n_schedule, n = lir_live_set_get_n_entries (set);
  GString *out = g_string_new (NULL);
  g_autofree char *live_text = lir_format_bytes_exact (live);
  g_autofree char *arena_text = lir_format_bytes_exact (arena);
  g_autofree char *frag_text = lir_format_bytes_exact (arena - MIN (arena, live));
  char scratch[LIR_SHORT_NAME_SIZE];

  schedule = lir_buffer_plan_get_schedule (plan, &n_schedule);
  g_string_append_printf (out, "%s: step %u", lir_module_get_name (module), step);
  if (step < n_schedule && !lir_module_is_buffer_only (module))
    g_string_append_printf (out, ", %s", label_of (module, schedule[step], scratch));
  g_string_append_printf (out, "\n  live bytes     %s in %u buffers\n", live_text, n);
  g_string_append_printf (out, "  arena size     %s\n  fragmentation  %s (arena − live bytes here)\n",
                          arena_text, frag_text);
  {
    g_autofree char *kinds = lir_live_set_format_kind_totals (set);

    g_autofree char *categories = lir_live_set_format_category_totals (set);

    g_string_append_printf (out, "  by kind        %s", kinds);
    if (categories[0] != '\0')
      g_string_append_printf (out, "\n  by category    %s", categories);
  }
  g_string_append (out, "\n  by op         ");
  for (guint i = 0; i < MIN (lir_live_set_get_n_ops (set), 6u); i++)
    {
      const LirLiveOpTotal *op = lir_live_set_get_op (set, i);
      g_autofree char *b = lir_format_bytes (op->bytes);

      g_string_append_printf (out, " %s %s%s", op->op, b,
                              i + 1 < MIN (lir_live_set_get_n_ops (set), 6u) ? "," : "");
    }
  if (lir_live_set_get_n_ops (set) > 6)
    g_string_append_printf (out, " … (%u ops)", lir_live_set_get_n_ops (set));
  g_string_append (out, "\n  sets the arena");
  for (guint i = 0; i < top->len; i++)
    g_string_append_printf (out, "%s %s", i > 0 ? "," : "",
                            label_of (module, g_array_index (top, guint32, i), scratch));
  if (top->len > 0)
    {
      g_autoptr (GArray) chain =
        lir_buffer_plan_get_arena_chain (plan, index, g_array_index (top, guint32, 0));

      if (chain->len > 1)
        {
          g_string_append (out, "\n  stacked under  ");
          for (guint i = 1; i < chain->len; i++)
            g_string_append_printf (out, "%s%s", i > 1 ? " ← " : "",
                                    label_of (module, g_array_index (chain, guint32, i), scratch));
        }
    }
  g_string_append (out,
                   "\n\n  bytes        share   offset      steps         kind        op            name\n");
  for (guint i = 0; i < MIN (n, max_buffers); i++)
    {
      const LirLiveEntry *e = lir_live_set_get_entry (set, i);
      g_autofree char *b = lir_format_bytes (e->bytes);
      g_autofree char *share = lir_format_percent (e->share, 1);
      g_autofree char *steps = lir_format_step_range (e->first_step, e->last_step);
      guint n_views;

      g_autofree char *offset = g_strdup_printf ("%" G_GUINT64_FORMAT, e->offset);

      lir_live_set_get_views (set, i, &n_views);
      g_string_append (out, "  ");
      append_padded (out, b, 13);
      append_padded (out, share, 8);
      append_padded (out, offset, 12);
      append_padded (out, steps, 14);
      append_padded (out, lir_buffer_kind_to_string (e->kind), 12);
      append_padded (out, lir_graph_get_node_op_label (lir_module_get_graph (module), e->node), 14);
      g_string_append (out, label_of (module, e->node, scratch));
      if (n_views > 0)
        g_string_append_printf (out, " (+%u view%s)", n_views, n_views == 1 ? "" : "s");
      g_string_append_c (out, '\n');
    }
  if (n > max_buffers)
    g_string_append_printf (out, "  … and %u more (--top N, or --json for all)\n", n - max_buffers);
  return g_string_free (out, FALSE);
}

static void
append_named_nodes (GString *out, LirModule *module, const GArray *nodes)
{
  const LirBufferPlan *plan = lir_module_get_plan (module);
  char scratch[LIR_SHORT_NAME_SIZE];

  g_string_append_c (out, '[');
  for (guint i = 0; i < nodes->len; i++)
    {
      guint32 id = g_array_index (nodes, guint32, i);
      const LirBufferSlot *slot = lir_buffer_plan_get_slot (plan, id);

      g_string_append (out, i > 0 ? ",{\"name\":" : "{\"name\":");
      lir_json_append_string (out, full_label_of (module, id, scratch));
      g_string_append_printf (out,
                              ",\"node\":%u,\"bytes\":%" G_GUINT64_FORMAT ",\"offset\":%" G_GUINT64_FORMAT
                              ",\"size\":%" G_GUINT64_FORMAT "}",
                              id, slot->size, slot->offset, slot->size);
    }
  g_string_append_c (out, ']');
}

/**
 * lir_peak_report_to_json:
 * @report: a report
 * @max_buffers: list at most this many buffers (%G_MAXUINT for all)
 *
 * The report as `lirscope-cli peak --json` prints it.
 *
 * Returns: (transfer full): one JSON object (data/FORMAT.md lists the fields)
 */
char *
lir_peak_report_to_json (const LirPeakReport *report, guint max_buffers)
{
  g_return_val_if_fail (report != NULL, NULL);

  LirModule *module = report->module;
  LirPlanIndex *index = report->index;
  LirLiveSet *set = report->set;
  guint32 step = report->step;
  LirBufferPlan *plan = lir_module_get_plan (module);
  LirGraph *graph = lir_module_get_graph (module);
  g_autoptr (GArray) top = lir_buffer_plan_get_top_edge (plan);
  g_autoptr (GArray) chain =
    top->len > 0 ? lir_buffer_plan_get_arena_chain (plan, index, g_array_index (top, guint32, 0))
                 : g_array_new (FALSE, FALSE, sizeof (guint32));
  guint64 live = lir_live_set_get_live_bytes (set), arena = lir_buffer_plan_get_arena_size (plan);
  GString *out = g_string_new ("{\n  \"name\": ");
  const guint32 *schedule;
  guint n_schedule, n = lir_live_set_get_n_entries (set);
  char scratch[LIR_SHORT_NAME_SIZE];

  lir_json_append_string (out, lir_module_get_name (module));
  schedule = lir_buffer_plan_get_schedule (plan, &n_schedule);
  g_string_append_printf (out, ",\n  \"step\": %u,\n  \"node\": ", step);
  if (step < n_schedule && !lir_module_is_buffer_only (module))
    lir_json_append_string (out, full_label_of (module, schedule[step], scratch));
  else
    g_string_append (out, "null");
  g_string_append_printf (out,
                          ",\n  \"live_bytes\": %" G_GUINT64_FORMAT ",\n  \"arena_size\": %" G_GUINT64_FORMAT
                          ",\n  \"fragmentation\": %" G_GUINT64_FORMAT ",\n  \"buffers\": [",
                          live, arena, arena - MIN (arena, live));
  for (guint i = 0; i < MIN (n, max_buffers); i++)
    {
      const LirLiveEntry *e = lir_live_set_get_entry (set, i);
      guint n_views;
      const guint32 *views = lir_live_set_get_views (set, i, &n_views);

      g_string_append_printf (out, "%s\n    {\"node\": %u, \"name\": ", i > 0 ? "," : "", e->node);
      lir_json_append_string (out, full_label_of (module, e->node, scratch));
      g_string_append_printf (out,
                              ", \"bytes\": %" G_GUINT64_FORMAT ", \"offset\": %" G_GUINT64_FORMAT
                              ", \"first_step\": %u, \"last_step\": %u, \"kind\": \"%s\", \"op\": ",
                              e->bytes, e->offset, e->first_step, e->last_step,
                              lir_buffer_kind_to_string (e->kind));
      lir_json_append_string (out, lir_graph_get_node_op_label (graph, e->node));
      g_string_append (out, ", \"views\": [");
      for (guint v = 0; v < n_views; v++)
        {
          g_string_append (out, v > 0 ? ", " : "");
          lir_json_append_string (out, full_label_of (module, views[v], scratch));
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "\n  ],\n  \"by_kind\": {");
  for (guint k = 0; k < LIR_N_BUFFER_KINDS; k++)
    g_string_append_printf (out, "%s\"%s\": %" G_GUINT64_FORMAT, k > 0 ? ", " : "",
                            lir_buffer_kind_to_string ((LirBufferKind)k),
                            lir_live_set_get_kind_bytes (set, (LirBufferKind)k));
  g_string_append (out, "},\n  \"by_category\": {");
  for (guint c = 0; c < LIR_N_CATEGORIES; c++)
    g_string_append_printf (out, "%s\"%s\": %" G_GUINT64_FORMAT, c > 0 ? ", " : "",
                            lir_category_to_string ((LirCategory)c),
                            lir_live_set_get_category_bytes (set, (LirCategory)c));
  g_string_append_printf (out, "},\n  \"saved_bytes\": %" G_GUINT64_FORMAT,
                          lir_live_set_get_saved_bytes (set));
  g_string_append (out, ",\n  \"by_op\": {");
  for (guint i = 0; i < lir_live_set_get_n_ops (set); i++)
    {
      const LirLiveOpTotal *op = lir_live_set_get_op (set, i);

      g_string_append (out, i > 0 ? ", " : "");
      lir_json_append_string (out, op->op);
      g_string_append_printf (out, ": %" G_GUINT64_FORMAT, op->bytes);
    }
  g_string_append (out, "},\n  \"top_edge\": ");
  append_named_nodes (out, module, top);
  g_string_append (out, ",\n  \"arena_chain\": ");
  append_named_nodes (out, module, chain);
  g_string_append (out, "\n}\n");
  return g_string_free (out, FALSE);
}

LIR_DEFINE_BOXED_TYPE (LirPeakReport, lir_peak_report, lir_peak_report_ref, lir_peak_report_unref)
