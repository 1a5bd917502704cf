/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-diff-report.c: writes a LirPlanDiff for people (largest effects
 * first) and for scripts (one JSON object, fields documented in
 * data/FORMAT.md). */
#include "lir-diff-report.h"
#include "io/lir-json-read-private.h"

#include <math.h>

#include "lir-format-private.h"
#include "io/lir-json.h"

static char *
signed_bytes (guint64 a, guint64 b)
{
  g_autofree char *magnitude = lir_format_bytes (a > b ? a - b : b - a);

  if (a == b)
    return g_strdup ("±0 B");
  return g_strdup_printf ("%s%s", b > a ? "+" : "−", magnitude);
}

/* A signed change with a real minus sign, as in the byte deltas. */
static const char *
sign_of (double delta)
{
  return delta < 0 ? "−" : "+";
}

static void
append_figure (GString *out, const char *title, guint64 a, guint64 b)
{
  g_autofree char *fa = lir_format_bytes (a);
  g_autofree char *fb = lir_format_bytes (b);
  g_autofree char *delta = signed_bytes (a, b);

  g_string_append_printf (out, "  %-15s %s → %s   %s", title, fa, fb, delta);
  if (a > 0 && a != b)
    {
      double percent = ((double)b - (double)a) / (double)a * 100.0;

      g_string_append_printf (out, " (%s%.1f%%)", sign_of (percent), fabs (percent));
    }
  g_string_append_c (out, '\n');
}

/* "step 28 (mlp.swiglu)": a peak step with the node scheduled there. */
static char *
peak_label (LirModule *module, guint32 step)
{
  const guint32 *schedule;
  guint n;
  char scratch[LIR_SHORT_NAME_SIZE];

  schedule = lir_buffer_plan_get_schedule (lir_module_get_plan (module), &n);
  if (step < n && !lir_module_is_buffer_only (module))
    return g_strdup_printf ("step %u (%s)", step,
                            lir_graph_get_node_short_label (lir_module_get_graph (module), schedule[step],
                                                            scratch));
  return g_strdup_printf ("step %u", step);
}

/**
 * lir_buffer_change_describe:
 * @change: a change between two plans
 *
 * Words one change between two plans.
 *
 * Returns: (transfer full): what changed, e.g. "size 1.00 MiB → 2.00 MiB,
 *   moved 0 B → 4.00 KiB, steps 3–5 → 3–9", as the diff report, the app's
 *   Changes page and its Buffer page word it
 */
char *
lir_buffer_change_describe (const LirBufferChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  GString *out = g_string_new (NULL);
  gboolean first = TRUE;

#define SEP() (first ? (first = FALSE, "") : ", ")
  {
    static const struct
    {
      LirChangeFlags flag;
      const char *what;
      gboolean in_b;
    } sized[] = {
      { LIR_CHANGE_ADDED, "added", TRUE },
      { LIR_CHANGE_REMOVED, "removed", FALSE },
      { LIR_CHANGE_ENTERED_ARENA, "now in the arena", TRUE },
      { LIR_CHANGE_LEFT_ARENA, "no longer in the arena", FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (sized); i++)
      if (change->flags & sized[i].flag)
        {
          g_autofree char *size = lir_format_bytes (sized[i].in_b ? change->size_b : change->size_a);

          g_string_append_printf (out, "%s%s (%s)", SEP (), sized[i].what, size);
        }
  }
  if (change->flags & LIR_CHANGE_SIZE)
    {
      g_autofree char *a = lir_format_bytes (change->size_a);
      g_autofree char *b = lir_format_bytes (change->size_b);
      g_string_append_printf (out, "%ssize %s → %s", SEP (), a, b);
    }
  if (change->flags & LIR_CHANGE_OFFSET)
    {
      /* Offsets in the units sizes are read in: "moved 0 B → 136.73 MiB". */
      g_autofree char *a = lir_format_bytes (change->offset_a);
      g_autofree char *b = lir_format_bytes (change->offset_b);
      g_string_append_printf (out, "%smoved %s → %s", SEP (), a, b);
    }
  if (change->flags & LIR_CHANGE_LIFETIME)
    g_string_append_printf (out, "%ssteps %u–%u → %u–%u", SEP (), change->first_a, change->last_a,
                            change->first_b, change->last_b);
  if (change->flags & LIR_CHANGE_BECAME_VIEW)
    g_string_append_printf (out, "%sbecame a view", SEP ());
  if (change->flags & LIR_CHANGE_STOPPED_VIEW)
    g_string_append_printf (out, "%sstopped being a view", SEP ());
  if (change->flags & LIR_CHANGE_PHASE)
    g_string_append_printf (out, "%sphase %s → %s", SEP (), lir_phase_get_label (change->phase_a),
                            lir_phase_get_label (change->phase_b));
  if (change->flags & LIR_CHANGE_STEP)
    g_string_append_printf (out, "%sruns at another step", SEP ());
#undef SEP
  return g_string_free (out, FALSE);
}

static void
append_change (GString *out, const LirBufferChange *c)
{
  g_autofree char *what = lir_buffer_change_describe (c);

  g_string_append_printf (out, "  %-24s %s\n", c->name, what);
}

/**
 * lir_plan_diff_to_text:
 * @diff: a diff
 * @label_a: how to call A (its file name)
 * @label_b: how to call B
 * @max_changes: list at most this many changes (0: all)
 *
 * Words a diff as `lirscope-cli diff` prints it: the arena and bound
 * changes, then the changed buffers.
 *
 * Returns: (transfer full): the report, largest effects first
 */
char *
lir_plan_diff_to_text (const LirPlanDiff *diff, const char *label_a, const char *label_b, guint max_changes)
{
  g_return_val_if_fail (diff != NULL, NULL);
  g_return_val_if_fail (label_a != NULL, NULL);
  g_return_val_if_fail (label_b != NULL, NULL);

  GString *out = g_string_new (NULL);
  const LirPlanStats *a = lir_plan_diff_get_stats (diff, FALSE), *b = lir_plan_diff_get_stats (diff, TRUE);
  guint n = lir_plan_diff_get_n_changes (diff);
  guint shown = max_changes == 0 ? n : MIN (n, max_changes);
  const char *strategy_a = lir_buffer_plan_get_strategy (lir_module_get_plan (lir_plan_diff_get_a (diff)));
  const char *strategy_b = lir_buffer_plan_get_strategy (lir_module_get_plan (lir_plan_diff_get_b (diff)));

  g_string_append_printf (out, "A: %s (%s, %s)\nB: %s (%s, %s)\n", label_a,
                          lir_module_get_name (lir_plan_diff_get_a (diff)),
                          *strategy_a != '\0' ? strategy_a : "plan from the file", label_b,
                          lir_module_get_name (lir_plan_diff_get_b (diff)),
                          *strategy_b != '\0' ? strategy_b : "plan from the file");
  if (lir_plan_diff_is_empty (diff))
    {
      g_string_append (out, "No differences: same buffers, same places, same arena.\n");
      return g_string_free (out, FALSE);
    }
  g_string_append_printf (out, "Nodes matched by %s; %s.\n\n",
                          lir_plan_diff_get_matched_by_name (diff) ? "name" : "id (names repeat)",
                          lir_plan_diff_get_same_graph (diff)
                            ? "same graph, different plan (the planner changed)"
                            : "the graphs differ");
  append_figure (out, "arena", a->arena_size, b->arena_size);
  append_figure (out, "lower bound", a->lower_bound, b->lower_bound);
  append_figure (out, "fragmentation", a->arena_size - MIN (a->lower_bound, a->arena_size),
                 b->arena_size - MIN (b->lower_bound, b->arena_size));
  g_string_append_printf (out, "  %-15s %.1f%% → %.1f%%   %s%.1f points\n", "efficiency", a->efficiency * 100,
                          b->efficiency * 100, sign_of (b->efficiency - a->efficiency),
                          fabs (b->efficiency - a->efficiency) * 100);
  g_string_append_printf (out, "  %-15s %u added, %u removed; %u run at another step\n", "nodes",
                          lir_plan_diff_count_changes (diff, LIR_CHANGE_ADDED),
                          lir_plan_diff_count_changes (diff, LIR_CHANGE_REMOVED),
                          lir_plan_diff_get_n_moved_steps (diff));

  g_string_append_printf (out, "\n%s\n",
                          b->arena_size > a->arena_size ? "Why B's arena is larger:"
                                                        : "What sets B's arena:");
  {
    g_autofree char *peak_b = peak_label (lir_plan_diff_get_b (diff), b->peak_step);
    g_autofree char *peak_a = peak_label (lir_plan_diff_get_a (diff), a->peak_step);

    g_string_append_printf (out, "  B peaks at %s, A at %s.\n", peak_b, peak_a);
  }
  if (lir_plan_diff_get_n_peak_entries (diff) > 0)
    {
      g_string_append (out, "  Live at B's peak and not (or smaller) at A's:\n");
      for (guint i = 0; i < MIN (lir_plan_diff_get_n_peak_entries (diff), 10); i++)
        {
          const LirPeakEntry *e = lir_plan_diff_get_peak_entry (diff, i);
          g_autofree char *bytes = lir_format_bytes (e->bytes);

          g_string_append_printf (out, "    %-22s +%s\n", e->name, bytes);
        }
    }
  for (guint i = 0; i < MIN (lir_plan_diff_get_n_top_entries (diff), 5); i++)
    {
      const LirPeakEntry *e = lir_plan_diff_get_top_entry (diff, i);
      g_autofree char *size = lir_format_bytes (e->size);

      g_string_append_printf (out, "  %s %s ends at the arena's top (offset %" G_GUINT64_FORMAT ", %s).\n",
                              i == 0 ? "Top edge:" : "         ", e->name, e->offset, size);
    }
  if (n > 0)
    {
      g_string_append_printf (out, "\nChanges, largest first (%u):\n", n);
      for (guint i = 0; i < shown; i++)
        append_change (out, lir_plan_diff_get_change (diff, i));
      if (shown < n)
        g_string_append_printf (out, "  … and %u more (--json lists all)\n", n - shown);
    }
  return g_string_free (out, FALSE);
}

static void
json_key (GString *out, const char *key)
{
  lir_json_append_string (out, key);
  g_string_append_c (out, ':');
}

static void
json_double (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

static void
json_pair (GString *out, const char *key, guint64 a, guint64 b)
{
  json_key (out, key);
  g_string_append_printf (out,
                          "{\"a\":%" G_GUINT64_FORMAT ",\"b\":%" G_GUINT64_FORMAT
                          ",\"delta\":%" G_GINT64_FORMAT ",\"percent\":",
                          a, b, (gint64)b - (gint64)a);
  json_double (out, a == 0 ? (b == 0 ? 0 : INFINITY) : ((double)b - (double)a) / (double)a * 100.0);
  g_string_append (out, "},");
}

static void
json_node_ref (GString *out, const char *key, guint32 node)
{
  json_key (out, key);
  if (node == LIR_NO_NODE)
    g_string_append (out, "null,");
  else
    g_string_append_printf (out, "%u,", node);
}

static void
json_entries (GString *out, const char *key, const LirPlanDiff *diff, gboolean top)
{
  guint n = top ? lir_plan_diff_get_n_top_entries (diff) : lir_plan_diff_get_n_peak_entries (diff);

  json_key (out, key);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      const LirPeakEntry *e =
        top ? lir_plan_diff_get_top_entry (diff, i) : lir_plan_diff_get_peak_entry (diff, i);

      g_string_append (out, i > 0 ? ",{" : "{");
      json_key (out, "name");
      lir_json_append_string (out, e->name);
      g_string_append_printf (out,
                              ",\"node\":%u,\"bytes\":%" G_GUINT64_FORMAT ",\"offset\":%" G_GUINT64_FORMAT
                              ",\"size\":%" G_GUINT64_FORMAT "}",
                              e->node_b, e->bytes, e->offset, e->size);
    }
  g_string_append_c (out, ']');
}

/**
 * lir_plan_diff_to_json:
 * @diff: a diff
 * @label_a: how to call A (its file name)
 * @label_b: how to call B
 *
 * A diff as `lirscope-cli diff --json` prints it.
 *
 * Returns: (transfer full): one JSON object, every change listed
 */
char *
lir_plan_diff_to_json (const LirPlanDiff *diff, const char *label_a, const char *label_b)
{
  g_return_val_if_fail (diff != NULL, NULL);
  g_return_val_if_fail (label_a != NULL, NULL);
  g_return_val_if_fail (label_b != NULL, NULL);

  GString *out = g_string_new ("{");
  const LirPlanStats *a = lir_plan_diff_get_stats (diff, FALSE), *b = lir_plan_diff_get_stats (diff, TRUE);

  json_key (out, "a");
  lir_json_append_string (out, label_a);
  g_string_append_c (out, ',');
  json_key (out, "b");
  lir_json_append_string (out, label_b);
  g_string_append_printf (out, ",\"matched_by\":\"%s\",\"same_graph\":%s,\"empty\":%s,",
                          lir_plan_diff_get_matched_by_name (diff) ? "name" : "id",
                          lir_plan_diff_get_same_graph (diff) ? "true" : "false",
                          lir_plan_diff_is_empty (diff) ? "true" : "false");
  json_pair (out, "arena_size", a->arena_size, b->arena_size);
  json_pair (out, "lower_bound", a->lower_bound, b->lower_bound);
  json_pair (out, "fragmentation", a->arena_size - MIN (a->lower_bound, a->arena_size),
             b->arena_size - MIN (b->lower_bound, b->arena_size));
  json_key (out, "efficiency");
  g_string_append (out, "{\"a\":");
  json_double (out, a->efficiency);
  g_string_append (out, ",\"b\":");
  json_double (out, b->efficiency);
  g_string_append (out, ",\"drop_points\":");
  json_double (out, lir_plan_diff_get_efficiency_drop (diff));
  g_string_append_printf (out, "},\"peak_step\":{\"a\":%u,\"b\":%u},", a->peak_step, b->peak_step);
  g_string_append_printf (out, "\"nodes_added\":%u,\"nodes_removed\":%u,\"steps_moved\":%u,",
                          lir_plan_diff_count_changes (diff, LIR_CHANGE_ADDED),
                          lir_plan_diff_count_changes (diff, LIR_CHANGE_REMOVED),
                          lir_plan_diff_get_n_moved_steps (diff));
  json_entries (out, "growth_at_peak", diff, FALSE);
  g_string_append_c (out, ',');
  json_entries (out, "arena_top", diff, TRUE);
  g_string_append (out, ",\"changes\":[");
  for (guint i = 0; i < lir_plan_diff_get_n_changes (diff); i++)
    {
      const LirBufferChange *c = lir_plan_diff_get_change (diff, i);
      gboolean first = TRUE;

      g_string_append (out, i > 0 ? ",\n{" : "\n{");
      json_key (out, "name");
      lir_json_append_string (out, c->name);
      g_string_append_c (out, ',');
      json_node_ref (out, "node_a", c->node_a);
      json_node_ref (out, "node_b", c->node_b);
      json_key (out, "kinds");
      g_string_append_c (out, '[');
      for (guint bit = 0; bit < LIR_N_CHANGE_KINDS; bit++)
        if (c->flags & (1u << bit))
          {
            g_string_append_printf (out, "%s\"%s\"", first ? "" : ",",
                                    lir_change_flags_to_string ((LirChangeFlags)(1u << bit)));
            first = FALSE;
          }
      g_string_append_printf (out,
                              "],\"bytes\":%" G_GUINT64_FORMAT ",\"size\":{\"a\":%" G_GUINT64_FORMAT
                              ",\"b\":%" G_GUINT64_FORMAT "},\"offset\":{\"a\":%" G_GUINT64_FORMAT
                              ",\"b\":%" G_GUINT64_FORMAT "},\"steps\":{\"a\":[%u,%u],\"b\":[%u,%u]},"
                              "\"phase\":{\"a\":\"%s\",\"b\":\"%s\"}}",
                              c->bytes, c->size_a, c->size_b, c->offset_a, c->offset_b, c->first_a, c->last_a,
                              c->first_b, c->last_b, lir_phase_to_string (c->phase_a),
                              lir_phase_to_string (c->phase_b));
    }
  g_string_append (out, "]}\n");
  return g_string_free (out, FALSE);
}
