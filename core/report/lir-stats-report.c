/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-stats-report.c: one wording of a plan's figures.
 *
 * `lirscope-cli stats`, the app's Summary page and the header of every
 * export read their rows from here, so a figure is named and formatted the
 * same way wherever a user meets it. Titles are English, marked N_() so the
 * app can translate them; values go through lir-format.
 */
#include "lir-stats-report.h"
#include "lir-boxed-private.h"
#include "io/lir-json-read-private.h"

#include "lir-format-private.h"
#include "io/lir-json.h"
#include "ir/lir-error.h"
#include "ir/lir-graph-private.h"
#include "plan/lir-fingerprint.h"
#include "plan/lir-live-set.h"
#include "plan/lir-analysis-private.h"
#include "plan/lir-buffer-plan-private.h"
#include "plan/lir-validate.h"

/* Violations kept for the report; the count goes on. */
#define MAX_REPORTED_VIOLATIONS 5

#define N_(text) text

struct _LirStatsReport
{
  gint ref_count;
  LirModule *module;
  LirPlanStats stats;
  guint32 peak_node;
  char *fingerprint;
  char *graph_fingerprint;
  char *rlx_fingerprint; /* RLX's key of this plan, or NULL */
  char *rlx_note;        /* why there is none, or why RLX would miss its cache, or NULL */
  char *values[LIR_N_STATS];
  guint64 n_violations;
  GPtrArray *violations; /* LirViolation, the first few */
  GArray *flagged;       /* guint32: every node a listed violation names */
  /* lir_stats_report_measure_binding (): this plan, used at smaller symbols */
  gboolean measured;
  char *binding_text; /* "seq = 128" */
  guint64 live_at_binding;
  guint64 aligned_at_binding;
};

static const char *const titles[LIR_N_STATS] = {
  [LIR_STAT_VALIDITY] = N_ ("Validity"),
  [LIR_STAT_ARENA_SIZE] = N_ ("Arena size"),
  [LIR_STAT_ALIGNED_LOWER_BOUND] = N_ ("Lower bound"),
  [LIR_STAT_EFFICIENCY] = N_ ("Efficiency"),
  [LIR_STAT_LOWER_BOUND] = N_ ("Peak live bytes"),
  [LIR_STAT_SAVED_BY_SHARING] = N_ ("Saved by sharing"),
  [LIR_STAT_SAVED_BY_VIEWS] = N_ ("Saved by views"),
  [LIR_STAT_TOTAL_UNSHARED] = N_ ("Total unshared (RLX)"),
  [LIR_STAT_BYTES_SAVED] = N_ ("Bytes saved (RLX)"),
  [LIR_STAT_PEAK] = N_ ("Peak"),
  [LIR_STAT_BUFFERS] = N_ ("Buffers"),
  [LIR_STAT_STRATEGY] = N_ ("Strategy"),
  [LIR_STAT_ALIGNMENT] = N_ ("Alignment"),
  [LIR_STAT_SYMBOLS] = N_ ("Symbols"),
  [LIR_STAT_DYNAMIC] = N_ ("Dynamic, not in the arena"),
  [LIR_STAT_AT_BINDING] = N_ ("At the binding"),
  [LIR_STAT_FINGERPRINT] = N_ ("Fingerprint"),
  [LIR_STAT_GRAPH_FINGERPRINT] = N_ ("Graph fingerprint"),
  [LIR_STAT_RLX_FINGERPRINT] = N_ ("RLX cache key"),
};

/**
 * lir_stat_get_title:
 * @stat: a row
 *
 * The title of one row of the statistics.
 *
 * Returns: (transfer none): the row's English title, e.g. "Arena size";
 *   the app passes it through gettext
 */
const char *
lir_stat_get_title (LirStat stat)
{
  g_return_val_if_fail (stat < LIR_N_STATS, NULL);
  return titles[stat];
}

static char *
format_bindings (const LirBufferPlan *plan)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lir_buffer_plan_get_n_bindings (plan); i++)
    {
      guint64 value;
      const char *name = lir_buffer_plan_get_binding (plan, i, &value);

      if (value == LIR_NO_VALUE)
        continue;
      g_string_append_printf (out, "%s%s = %" G_GUINT64_FORMAT, out->len > 0 ? ", " : "", name, value);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The nodes RLX leaves out of the arena because their size needs a symbol
 * the plan does not bind: "3 nodes: x f32[s0, s1, 768], %4 f32[…], …". */
static char *
format_dynamic (LirModule *module)
{
  LirGraph *graph = lir_module_get_graph (module);
  guint count;
  g_autofree guint32 *nodes = lir_module_get_dynamic_nodes (module, &count);
  GString *out;
  char scratch[LIR_SHORT_NAME_SIZE];

  if (count == 0)
    return NULL;
  out = g_string_new (NULL);
  if (count == 1)
    g_string_append (out, "1 node: ");
  else
    g_string_append_printf (out, "%u nodes: ", count);
  for (guint i = 0; i < MIN (count, 3); i++)
    {
      g_autofree char *shape = lir_graph_format_node_shape (graph, nodes[i]);

      g_string_append_printf (out, "%s%s %s", i > 0 ? ", " : "",
                              lir_graph_get_node_short_label (graph, nodes[i], scratch), shape);
    }
  if (count > 3)
    g_string_append (out, ", …");
  return g_string_free (out, FALSE);
}

/* RLX's cache key, for a module read from RLX's LIR JSON: the key of this
 * plan and, when it is not the key of the plan RLX wrote, why RLX would
 * miss its cache. */
static void
word_rlx_key (LirStatsReport *r, LirModule *module)
{
  const LirRlxKey *key = lir_graph_get_rlx_key (lir_module_get_graph (module));
  const LirBufferPlan *plan = lir_module_get_plan (module);
  g_autoptr (GError) error = NULL;
  guint64 now, file;
  gboolean arena, alignment;

  if (!lir_module_get_rlx_fingerprint (module, &now, &error))
    {
      r->rlx_note = g_strdup (error->message);
      if (key != NULL) /* an RLX file whose key cannot be computed: say why */
        r->values[LIR_STAT_RLX_FINGERPRINT] = g_strdup_printf ("not known: %s", key->missing);
      return;
    }
  r->rlx_fingerprint = lir_fingerprint_to_string (now);
  if (!lir_module_get_rlx_file_fingerprint (module, &file, NULL) || file == now)
    {
      r->values[LIR_STAT_RLX_FINGERPRINT] = g_strdup (r->rlx_fingerprint);
      return;
    }
  arena = lir_buffer_plan_get_arena_size (plan) != key->file_arena;
  alignment = lir_buffer_plan_get_alignment (plan) != key->file_alignment;
  r->rlx_note =
    g_strdup_printf ("RLX would miss its cache: the %s changed (RLX's plan has key %016" G_GINT64_MODIFIER
                     "x)",
                     arena && alignment ? "arena and the alignment"
                     : arena            ? "arena"
                                        : "alignment",
                     file);
  r->values[LIR_STAT_RLX_FINGERPRINT] = g_strdup_printf ("%s; %s", r->rlx_fingerprint, r->rlx_note);
}

/**
 * lir_stats_report_new:
 * @module: a planned module
 *
 * Computes the statistics and fingerprints of @module's plan and words
 * them.
 *
 * Returns: (transfer full): the report; it keeps a reference to @module
 */
LirStatsReport *
lir_stats_report_new (LirModule *module)
{
  LirStatsReport *r;
  LirBufferPlan *plan;
  LirGraph *graph;
  const char *strategy;
  const guint32 *schedule;
  guint n_schedule;
  char scratch[LIR_SHORT_NAME_SIZE];
  g_autofree char *saved = NULL, *saved_share = NULL, *efficiency = NULL;

  g_return_val_if_fail (module != NULL && lir_module_get_plan (module) != NULL, NULL);
  r = g_new0 (LirStatsReport, 1);
  r->ref_count = 1;
  r->module = lir_module_ref (module);
  plan = lir_module_get_plan (module);
  graph = lir_module_get_graph (module);
  lir_plan_stats_compute (plan, &r->stats);
  r->fingerprint = lir_fingerprint_to_string (lir_module_get_fingerprint (module));
  r->graph_fingerprint = lir_fingerprint_to_string (lir_graph_get_fingerprint (graph));
  schedule = lir_buffer_plan_get_schedule (plan, &n_schedule);
  r->peak_node = r->stats.peak_step < n_schedule ? schedule[r->stats.peak_step] : LIR_NO_NODE;

  r->violations = lir_module_list_violations (module, &r->n_violations);
  r->flagged = g_array_new (FALSE, FALSE, sizeof (guint32));
  {
    g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < r->violations->len; i++)
      {
        const LirViolation *v = r->violations->pdata[i];
        guint32 nodes[2] = { v->node, v->other };

        for (guint k = 0; k < 2; k++)
          if (nodes[k] != LIR_NO_NODE && g_hash_table_add (seen, GUINT_TO_POINTER (nodes[k] + 1)))
            g_array_append_val (r->flagged, nodes[k]);
      }
  }
  if (r->violations->len > MAX_REPORTED_VIOLATIONS)
    g_ptr_array_remove_range (r->violations, MAX_REPORTED_VIOLATIONS,
                              r->violations->len - MAX_REPORTED_VIOLATIONS);
  r->values[LIR_STAT_VALIDITY] = r->n_violations == 0
                                   ? g_strdup ("valid")
                                   : g_strdup_printf ("invalid plan: %" G_GUINT64_FORMAT " violation%s",
                                                      r->n_violations, r->n_violations == 1 ? "" : "s");
  r->values[LIR_STAT_ARENA_SIZE] = lir_format_bytes_exact (r->stats.arena_size);
  r->values[LIR_STAT_ALIGNED_LOWER_BOUND] = lir_format_bytes_exact (r->stats.aligned_lower_bound);
  /* An invalid plan's arena can sit below any bound: no efficiency is true of it. */
  efficiency = lir_format_percent (MIN (r->stats.efficiency, 1.0), 2);
  r->values[LIR_STAT_EFFICIENCY] =
    r->n_violations > 0 ? g_strdup ("not measured: the plan is invalid")
                        : g_strdup_printf ("%s%s", efficiency, r->stats.proven_optimal ? ", optimal" : "");
  r->values[LIR_STAT_LOWER_BOUND] = lir_format_bytes_exact (r->stats.lower_bound);
  /* Sharing saves bytes only where the sharing is sound. */
  r->values[LIR_STAT_SAVED_BY_SHARING] = r->n_violations > 0
                                           ? g_strdup ("not measured: the plan is invalid")
                                           : lir_format_bytes_exact (r->stats.bytes_saved_by_sharing);
  r->values[LIR_STAT_SAVED_BY_VIEWS] = lir_format_bytes_exact (r->stats.bytes_saved_by_views);
  r->values[LIR_STAT_TOTAL_UNSHARED] = lir_format_bytes_exact (r->stats.total_unshared);
  saved = lir_format_bytes (r->stats.bytes_saved);
  saved_share = lir_format_percent (r->stats.saved_fraction, 1);
  r->values[LIR_STAT_BYTES_SAVED] = r->n_violations > 0 ? g_strdup ("not measured: the plan is invalid")
                                                        : g_strdup_printf ("%s (%s)", saved, saved_share);
  if (r->peak_node != LIR_NO_NODE && !lir_module_is_buffer_only (module))
    r->values[LIR_STAT_PEAK] =
      g_strdup_printf ("step %u, %s", r->stats.peak_step,
                       lir_graph_get_node_short_label (graph, r->peak_node, scratch));
  else
    r->values[LIR_STAT_PEAK] = g_strdup_printf ("step %u", r->stats.peak_step);
  r->values[LIR_STAT_BUFFERS] = g_strdup_printf ("%u buffers, %u views, %u nodes", r->stats.n_buffers,
                                                 r->stats.n_views, r->stats.n_nodes);
  strategy = lir_buffer_plan_get_strategy (plan);
  r->values[LIR_STAT_STRATEGY] = g_strdup (*strategy != '\0' ? strategy : "from the file");
  r->values[LIR_STAT_ALIGNMENT] =
    g_strdup_printf ("%" G_GUINT64_FORMAT " B", lir_buffer_plan_get_alignment (plan));
  r->values[LIR_STAT_SYMBOLS] = format_bindings (plan);
  r->values[LIR_STAT_DYNAMIC] = format_dynamic (module);
  r->values[LIR_STAT_FINGERPRINT] = g_strdup (r->fingerprint);
  r->values[LIR_STAT_GRAPH_FINGERPRINT] = g_strdup (r->graph_fingerprint);
  word_rlx_key (r, module);
  return r;
}

/**
 * lir_stats_report_ref: (skip)
 * @report: a report
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @report, with one more reference
 */
LirStatsReport *
lir_stats_report_ref (LirStatsReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_atomic_int_inc (&report->ref_count);
  return report;
}

/**
 * lir_stats_report_unref: (skip)
 * @report: (transfer full): a report
 *
 * Drops a reference; the last one frees it.
 */
void
lir_stats_report_unref (LirStatsReport *report)
{
  g_return_if_fail (report != NULL);
  if (!g_atomic_int_dec_and_test (&report->ref_count))
    return;
  for (guint i = 0; i < LIR_N_STATS; i++)
    g_free (report->values[i]);
  g_clear_pointer (&report->violations, g_ptr_array_unref);
  g_clear_pointer (&report->flagged, g_array_unref);
  g_free (report->binding_text);
  g_free (report->fingerprint);
  g_free (report->graph_fingerprint);
  g_free (report->rlx_fingerprint);
  g_free (report->rlx_note);
  lir_module_unref (report->module);
  g_free (report);
}

/**
 * lir_stats_report_get_stats:
 * @report: a report
 *
 * The figures the report words.
 *
 * Returns: (transfer none): the figures as numbers
 */
const LirPlanStats *
lir_stats_report_get_stats (const LirStatsReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return &report->stats;
}

/**
 * lir_stats_report_get_value:
 * @report: a report
 * @stat: a row
 *
 * One row of the report, worded as the app and `lirscope-cli stats` show it.
 *
 * Returns: (transfer none) (nullable): the row's value as shown, %NULL
 *   when the row does not apply (no symbols are bound)
 */
const char *
lir_stats_report_get_value (const LirStatsReport *report, LirStat stat)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (stat < LIR_N_STATS, NULL);
  return report->values[stat];
}

/**
 * lir_stats_report_get_peak_node:
 * @report: a report
 *
 * The node that runs at the peak step.
 *
 * Returns: the node scheduled at the peak step, or %LIR_NO_NODE
 */
guint32
lir_stats_report_get_peak_node (const LirStatsReport *report)
{
  g_return_val_if_fail (report != NULL, LIR_NO_NODE);

  return report->peak_node;
}

/**
 * lir_stats_report_measure_binding:
 * @report: the report of a plan made at the symbols' upper bounds
 * @binding: options binding the symbols to the values actually run
 * @error: return location for a #GError
 *
 * One plan for every length: the arena stays the one planned at the upper
 * bounds, while the bytes live at the actual binding shrink. Measures those
 * (peak live bytes and the aligned lower bound at @binding, which no
 * placement changes) so the report can say what not re-planning per length
 * costs; adds the "At the binding" row and the JSON fields
 * `live_bytes_at_binding` and `efficiency_at_binding`.
 *
 * Returns: %FALSE with @error set if the binding cannot be applied
 */
gboolean
lir_stats_report_measure_binding (LirStatsReport *report, const LirPlanOptions *binding, GError **error)
{
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (binding != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autoptr (LirPlanOptions) naive = lir_plan_options_copy (binding);
  g_autoptr (LirModule) at = NULL;
  LirPlanStats stats;
  g_autofree char *live = NULL, *share = NULL;

  /* The bounds do not depend on placement: the cheapest plan gives them. */
  lir_plan_options_set_strategy (naive, "naive");
  lir_plan_options_set_capacity (naive, 0);
  at = lir_module_replan (report->module, naive, error);
  if (at == NULL)
    return FALSE;
  /* A plan made for smaller symbols cannot hold larger ones: refuse rather
   * than report an efficiency above 100 %. */
  if (!lir_module_is_buffer_only (report->module))
    {
      LirGraph *graph = lir_module_get_graph (report->module);
      g_autofree guint64 *planned =
        lir_buffer_plan_symbol_values (lir_module_get_plan (report->module), graph);
      g_autofree guint64 *wanted = lir_buffer_plan_symbol_values (lir_module_get_plan (at), graph);

      for (guint i = 0; i < lir_graph_get_n_symbols (graph); i++)
        if (planned[i] != LIR_NO_VALUE && wanted[i] != LIR_NO_VALUE && wanted[i] > planned[i])
          {
            g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                         "%s = %" G_GUINT64_FORMAT " is above the %" G_GUINT64_FORMAT
                         " this plan was made for; plan at the larger value (--max %s=%" G_GUINT64_FORMAT ")",
                         lir_graph_get_symbol_name (graph, i), wanted[i], planned[i],
                         lir_graph_get_symbol_name (graph, i), wanted[i]);
            return FALSE;
          }
    }
  lir_plan_stats_compute (lir_module_get_plan (at), &stats);
  report->measured = TRUE;
  report->live_at_binding = stats.lower_bound;
  report->aligned_at_binding = stats.aligned_lower_bound;
  g_free (report->binding_text);
  report->binding_text = format_bindings (lir_module_get_plan (at));
  live = lir_format_bytes (stats.lower_bound);
  share = lir_format_percent (report->stats.arena_size > 0
                                ? (double)stats.aligned_lower_bound / report->stats.arena_size
                                : 1,
                              1);
  g_free (report->values[LIR_STAT_AT_BINDING]);
  /* Translators: "at seq = 128: 5.20 MiB live, 24.3% efficient in this arena" */
  report->values[LIR_STAT_AT_BINDING] =
    g_strdup_printf ("at %s: %s live, %s efficient in this arena",
                     report->binding_text != NULL ? report->binding_text : "the binding", live, share);
  return TRUE;
}

/**
 * lir_stats_report_forget_binding:
 * @report: a report
 *
 * Undoes lir_stats_report_measure_binding (): the report speaks of its plan
 * at the values it was made for again.
 */
void
lir_stats_report_forget_binding (LirStatsReport *report)
{
  g_return_if_fail (report != NULL);

  report->measured = FALSE;
  g_clear_pointer (&report->binding_text, g_free);
  g_clear_pointer (&report->values[LIR_STAT_AT_BINDING], g_free);
}

/* Returns: whether the plan passed the validator */
/**
 * lir_stats_report_is_valid:
 * @report: a report
 *
 * Whether the plan passed the validator; an invalid plan's report claims no
 * saving.
 *
 * Returns: %TRUE if the plan is valid
 */
gboolean
lir_stats_report_is_valid (const LirStatsReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);

  return report->n_violations == 0;
}

/**
 * lir_stats_report_get_n_violations:
 * @report: a report
 *
 * How many rules the plan breaks.
 *
 * Returns: the number of violations; 0 for a valid plan
 */
guint64
lir_stats_report_get_n_violations (const LirStatsReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_violations;
}

/**
 * lir_stats_report_get_violations:
 * @report: a report
 *
 * The violations the report lists.
 *
 * Returns: (transfer none) (element-type LirViolation): the first few
 *   violations, in the validator's order
 */
const GPtrArray *
lir_stats_report_get_violations (const LirStatsReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->violations;
}

/**
 * lir_stats_report_get_flagged:
 * @report: a report
 * @n_nodes: (out): how many
 *
 * The buffers the timeline outlines as wrong.
 *
 * Returns: (transfer none) (array length=n_nodes): the nodes the validator
 *   found at fault (each buffer of an overlap), to outline
 */
const guint32 *
lir_stats_report_get_flagged (const LirStatsReport *report, guint *n_nodes)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);

  *n_nodes = report->flagged->len;
  return (const guint32 *)(void *)report->flagged->data;
}

/**
 * lir_stats_report_to_text:
 * @report: a report
 *
 * Words the report as `lirscope-cli stats` prints it; an invalid plan's
 * report starts with its violations.
 *
 * Returns: (transfer full): the module's name, then one "Title  value" line
 *   per row that applies, as `lirscope-cli stats` prints them
 */
char *
lir_stats_report_to_text (const LirStatsReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  GString *out = g_string_new (NULL);
  int width = 0;

  for (guint i = 0; i < LIR_N_STATS; i++)
    width = MAX (width, (int)g_utf8_strlen (titles[i], -1));
  g_string_append_printf (out, "%s\n", lir_module_get_name (report->module));
  if (report->n_violations > 0)
    {
      g_string_append_printf (out, "  %s\n", report->values[LIR_STAT_VALIDITY]);
      for (guint i = 0; i < report->violations->len; i++)
        g_string_append_printf (out, "    %s\n",
                                ((const LirViolation *)report->violations->pdata[i])->message);
      if (report->n_violations > report->violations->len)
        g_string_append_printf (out,
                                "    … and %" G_GUINT64_FORMAT " more (lirscope-cli validate lists all)\n",
                                report->n_violations - report->violations->len);
    }
  for (guint i = 0; i < LIR_N_STATS; i++)
    if (report->values[i] != NULL && !(i == LIR_STAT_VALIDITY && report->n_violations > 0))
      g_string_append_printf (out, "  %-*s  %s\n", width, titles[i], report->values[i]);
  return g_string_free (out, FALSE);
}

static void
json_number (GString *out, const char *key, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "  \"%s\": %s,\n", key, g_ascii_formatd (buf, sizeof buf, "%.6f", value));
}

static void
json_string (GString *out, const char *key, const char *value)
{
  g_string_append_printf (out, "  \"%s\": ", key);
  lir_json_append_string (out, value);
  g_string_append (out, ",\n");
}

/**
 * lir_stats_report_to_json:
 * @report: a report
 * @plan_seconds: how long planning took, or < 0 to leave it out
 *
 * The report as `lirscope-cli stats --json` prints it.
 *
 * Returns: (transfer full): one JSON object with the figures as numbers
 *   (`lirscope-cli stats --json`; data/FORMAT.md lists the fields)
 */
char *
lir_stats_report_to_json (const LirStatsReport *report, double plan_seconds)
{
  g_return_val_if_fail (report != NULL, NULL);

  const LirPlanStats *s = &report->stats;
  LirBufferPlan *plan = lir_module_get_plan (report->module);
  GString *out = g_string_new ("{\n");
  char scratch[24];

  json_string (out, "name", lir_module_get_name (report->module));
  g_string_append_printf (out, "  \"nodes\": %u,\n  \"buffers\": %u,\n  \"views\": %u,\n", s->n_nodes,
                          s->n_buffers, s->n_views);
  g_string_append_printf (out, "  \"steps\": %u,\n", lir_buffer_plan_get_n_steps (plan));
  g_string_append_printf (out, "  \"arena_size\": %" G_GUINT64_FORMAT ",\n", s->arena_size);
  g_string_append_printf (out, "  \"total_unshared\": %" G_GUINT64_FORMAT ",\n", s->total_unshared);
  if (report->n_violations == 0)
    {
      g_string_append_printf (out, "  \"bytes_saved\": %" G_GUINT64_FORMAT ",\n", s->bytes_saved);
      g_string_append_printf (out, "  \"bytes_saved_by_sharing\": %" G_GUINT64_FORMAT ",\n",
                              s->bytes_saved_by_sharing);
    }
  else
    g_string_append (out, "  \"bytes_saved\": null,\n  \"bytes_saved_by_sharing\": null,\n");
  g_string_append_printf (out, "  \"bytes_saved_by_views\": %" G_GUINT64_FORMAT ",\n",
                          s->bytes_saved_by_views);
  g_string_append_printf (out, "  \"lower_bound\": %" G_GUINT64_FORMAT ",\n", s->lower_bound);
  g_string_append_printf (out, "  \"aligned_lower_bound\": %" G_GUINT64_FORMAT ",\n", s->aligned_lower_bound);
  g_string_append_printf (out, "  \"valid\": %s,\n", report->n_violations == 0 ? "true" : "false");
  g_string_append_printf (out, "  \"violations\": %" G_GUINT64_FORMAT ",\n", report->n_violations);
  if (report->n_violations == 0)
    json_number (out, "efficiency", s->efficiency);
  else
    g_string_append (out, "  \"efficiency\": null,\n");
  g_string_append_printf (out, "  \"peak_step\": %u,\n", s->peak_step);
  if (report->peak_node != LIR_NO_NODE)
    json_string (out, "peak_node",
                 lir_graph_get_node_label (lir_module_get_graph (report->module), report->peak_node,
                                           scratch));
  g_string_append_printf (out, "  \"alignment\": %" G_GUINT64_FORMAT ",\n",
                          lir_buffer_plan_get_alignment (plan));
  json_string (out, "strategy", lir_buffer_plan_get_strategy (plan));
  g_string_append_printf (out, "  \"proven_optimal\": %s,\n", s->proven_optimal ? "true" : "false");
  json_string (out, "fingerprint", report->fingerprint);
  if (plan_seconds >= 0)
    json_number (out, "plan_seconds", plan_seconds);
  if (report->measured)
    {
      g_string_append (out, "  \"max_bindings\": {");
      for (guint i = 0; i < lir_buffer_plan_get_n_bindings (plan); i++)
        {
          guint64 value;
          const char *name = lir_buffer_plan_get_binding (plan, i, &value);

          if (value == LIR_NO_VALUE)
            continue;
          g_string_append (out, out->str[out->len - 1] == '{' ? "" : ", ");
          lir_json_append_string (out, name);
          g_string_append_printf (out, ": %" G_GUINT64_FORMAT, value);
        }
      g_string_append_printf (out, "},\n  \"live_bytes_at_binding\": %" G_GUINT64_FORMAT ",\n",
                              report->live_at_binding);
      json_number (out, "efficiency_at_binding",
                   report->stats.arena_size > 0
                     ? (double)report->aligned_at_binding / report->stats.arena_size
                     : 1);
    }
  g_string_append (out, "  \"graph_fingerprint\": ");
  lir_json_append_string (out, report->graph_fingerprint);
  g_string_append (out, ",\n  \"rlx_fingerprint\": ");
  if (report->rlx_fingerprint != NULL)
    lir_json_append_string (out, report->rlx_fingerprint);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n  \"rlx_fingerprint_note\": ");
  if (report->rlx_note != NULL)
    lir_json_append_string (out, report->rlx_note);
  else
    g_string_append (out, "null");
  g_string_append (out, "\n}\n");
  return g_string_free (out, FALSE);
}

LIR_DEFINE_BOXED_TYPE (LirStatsReport, lir_stats_report, lir_stats_report_ref, lir_stats_report_unref)
