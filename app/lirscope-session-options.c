/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-session-options.c: what the session's next re-plan asks for.
 *
 * One LirPlanOptions: the plan on screen's (lir_plan_options_inherit ())
 * until the user changes a strategy, an alignment, whether params are in
 * the arena, or a symbol's value; each change re-plans. While the plan is
 * held, moving a symbol measures the plan on screen at the new value
 * instead (one plan for every length).
 */
#include "lirscope-session-private.h"
#include "lir-private.h"

/* The options shown are those the plan on screen was made with: its
 * strategy, alignment, boundary buffers and bindings, and the graph's
 * defaults for symbols the plan leaves unbound. */
void
lirscope_session_sync_options (LirscopeSession *self)
{
  LirBufferPlan *plan;
  LirGraph *graph;

  g_clear_pointer (&self->options, lir_plan_options_free);
  self->options = lir_plan_options_new ();
  if (self->module == NULL)
    {
      g_signal_emit (self, lirscope_session_signals[SIGNAL_OPTIONS_CHANGED], 0);
      return;
    }
  plan = lir_module_get_plan (self->module);
  graph = lir_module_get_graph (self->module);
  lir_plan_options_set_strategy (self->options, lir_buffer_plan_get_strategy (plan));
  lir_plan_options_inherit (self->options, plan);
  for (guint i = 0; i < lir_graph_get_n_symbols (graph); i++)
    {
      const char *name = lir_graph_get_symbol_name (graph, i);
      guint64 value = lir_graph_get_symbol_default (graph, i);

      if (value != LIR_NO_VALUE && !lir_plan_options_get_binding (self->options, name, NULL))
        lir_plan_options_bind (self->options, name, value);
    }
  g_signal_emit (self, lirscope_session_signals[SIGNAL_OPTIONS_CHANGED], 0);
}

/* While the plan is held: the report measures the plan on screen at the
 * values moved to (its arena against the bytes live there), the way
 * `lirscope-cli stats --max … --bind …` does. A value the plan cannot hold
 * is refused with the reason, and the spin goes back. */
void
lirscope_session_measure_held (LirscopeSession *self)
{
  g_autoptr (LirPlanOptions) options = NULL;
  g_autoptr (GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (self->report == NULL)
    return;
  if (g_hash_table_size (self->measured) == 0)
    {
      lir_stats_report_forget_binding (self->report);
      g_signal_emit (self, lirscope_session_signals[SIGNAL_REPORT_CHANGED], 0);
      return;
    }
  options = lir_plan_options_copy (self->options);
  g_hash_table_iter_init (&iter, self->measured);
  while (g_hash_table_iter_next (&iter, &key, &value))
    lir_plan_options_bind (options, key, *(guint64 *)value);
  if (!lir_stats_report_measure_binding (self->report, options, &error))
    {
      g_hash_table_remove_all (self->measured);
      lir_stats_report_forget_binding (self->report);
      lirscope_session_set_error (self, error->message);
    }
  g_signal_emit (self, lirscope_session_signals[SIGNAL_REPORT_CHANGED], 0);
}

const char *
lirscope_session_get_strategy (LirscopeSession *self)
{
  const char *strategy = lir_plan_options_get_strategy (self->options);

  return strategy != NULL ? strategy : "";
}

/* Asks for a re-plan with @strategy ("" keeps the file's plan). */
void
lirscope_session_set_strategy (LirscopeSession *self, const char *strategy)
{
  if (self->module == NULL || g_strcmp0 (strategy, lirscope_session_get_strategy (self)) == 0)
    return;
  lir_plan_options_set_strategy (self->options, strategy != NULL && *strategy != '\0' ? strategy : NULL);
  lirscope_session_replan (self);
}

guint64
lirscope_session_get_alignment (LirscopeSession *self)
{
  return lir_plan_options_get_alignment (self->options);
}

void
lirscope_session_set_alignment (LirscopeSession *self, guint64 alignment)
{
  if (self->module == NULL || alignment == lirscope_session_get_alignment (self))
    return;
  lir_plan_options_set_alignment (self->options, alignment);
  lirscope_session_replan (self);
}

gboolean
lirscope_session_get_params_in_arena (LirscopeSession *self)
{
  return lir_plan_options_get_allocate (self->options, LIR_OP_PARAM);
}

void
lirscope_session_set_params_in_arena (LirscopeSession *self, gboolean params_in_arena)
{
  if (self->module == NULL || !params_in_arena == !lirscope_session_get_params_in_arena (self))
    return;
  lir_plan_options_set_allocate (self->options, LIR_OP_PARAM, params_in_arena);
  lirscope_session_replan (self);
}

/* Returns: the value @symbol is bound to in the next plan or, while the plan
 *   is held, the value it is measured at; %LIR_NO_VALUE if none */
guint64
lirscope_session_get_binding (LirscopeSession *self, const char *symbol)
{
  const guint64 *value = g_hash_table_lookup (self->measured, symbol);

  return value != NULL ? *value : lirscope_session_get_plan_binding (self, symbol);
}

/* Returns: the value @symbol is bound to in the plan (held or next), %LIR_NO_VALUE if none */
guint64
lirscope_session_get_plan_binding (LirscopeSession *self, const char *symbol)
{
  guint64 value;

  return lir_plan_options_get_binding (self->options, symbol, &value) ? value : LIR_NO_VALUE;
}

/* Re-plans at @value or, while the plan is held, measures the plan there. */
void
lirscope_session_set_binding (LirscopeSession *self, const char *symbol, guint64 value)
{
  if (self->module == NULL || lirscope_session_get_binding (self, symbol) == value)
    return;
  if (self->hold_plan)
    {
      if (value == lirscope_session_get_plan_binding (self, symbol))
        g_hash_table_remove (self->measured, symbol);
      else
        g_hash_table_insert (self->measured, g_strdup (symbol), g_memdup2 (&value, sizeof value));
      lirscope_session_measure_held (self);
      g_signal_emit (self, lirscope_session_signals[SIGNAL_OPTIONS_CHANGED], 0);
      return;
    }
  lir_plan_options_bind (self->options, symbol, value);
  lirscope_session_replan (self);
}

gboolean
lirscope_session_get_hold_plan (LirscopeSession *self)
{
  return self->hold_plan;
}

/**
 * lirscope_session_set_hold_plan:
 * @self: a session
 * @hold: whether to hold the plan
 *
 * One plan for every length: while held, moving a symbol below the value
 * the plan was made for measures this plan there instead of re-planning.
 * Letting go re-plans at the values moved to.
 */
void
lirscope_session_set_hold_plan (LirscopeSession *self, gboolean hold)
{
  if (!hold == !self->hold_plan)
    return;
  self->hold_plan = hold;
  if (!hold && g_hash_table_size (self->measured) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->measured);
      while (g_hash_table_iter_next (&iter, &key, &value))
        lir_plan_options_bind (self->options, key, *(guint64 *)value);
      g_hash_table_remove_all (self->measured);
      lirscope_session_replan (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), lirscope_session_properties[PROP_HOLD_PLAN]);
  g_signal_emit (self, lirscope_session_signals[SIGNAL_OPTIONS_CHANGED], 0);
}

const char *
lirscope_session_get_default_strategy (LirscopeSession *self)
{
  return self->default_strategy;
}

/* The strategy for graphs that arrive without a plan. */
void
lirscope_session_set_default_strategy (LirscopeSession *self, const char *strategy)
{
  g_free (self->default_strategy);
  self->default_strategy = g_strdup (strategy != NULL && *strategy != '\0' ? strategy : "auto");
}
