/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-plan-request.c: what a session's next re-plan asks for.
 *
 * One LirPlanOptions: the plan on screen's (lir_plan_options_inherit ())
 * until the user changes a strategy, an alignment, whether params are in
 * the arena, or a symbol's value. While the plan is held, a symbol moved to
 * another value is not bound but measured: the plan on screen is measured
 * there instead (one plan for every length). Each change says what the
 * session must do about it; the request knows no session.
 */
#include "lirscope-plan-request.h"

struct _LirscopePlanRequest
{
  LirPlanOptions *options;
  GHashTable *measured; /* symbol -> guint64, while held */
  gboolean hold;
};

LirscopePlanRequest *
lirscope_plan_request_new (void)
{
  LirscopePlanRequest *request = g_new0 (LirscopePlanRequest, 1);

  request->options = lir_plan_options_new ();
  request->measured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return request;
}

void
lirscope_plan_request_free (LirscopePlanRequest *request)
{
  if (request == NULL)
    return;
  lir_plan_options_free (request->options);
  g_hash_table_unref (request->measured);
  g_free (request);
}

/* The request becomes what @module's plan was made with: its strategy,
 * alignment, boundary buffers and bindings, and the graph's defaults for
 * symbols the plan leaves unbound. */
void
lirscope_plan_request_follow (LirscopePlanRequest *request, LirModule *module)
{
  LirBufferPlan *plan;
  LirGraph *graph;

  g_clear_pointer (&request->options, lir_plan_options_free);
  request->options = lir_plan_options_new ();
  if (module == NULL)
    return;
  plan = lir_module_get_plan (module);
  graph = lir_module_get_graph (module);
  /* A strategy Lirscope does not have (RLX's own, "rlx") stays unset: a
   * re-plan then keeps the plan's way (lir_module_replan ()). */
  if (lir_strategy_find (lir_buffer_plan_get_strategy (plan), NULL) != NULL)
    lir_plan_options_set_strategy (request->options, lir_buffer_plan_get_strategy (plan));
  lir_plan_options_inherit (request->options, plan);
  for (guint i = 0; i < lir_graph_get_n_symbols (graph); i++)
    {
      const char *name = lir_graph_get_symbol_name (graph, i);
      guint64 value = lir_graph_get_symbol_default (graph, i);

      if (value != LIR_NO_VALUE && !lir_plan_options_get_binding (request->options, name, NULL))
        lir_plan_options_bind (request->options, name, value);
    }
}

/* Returns: (transfer full): the options a re-plan of @module uses */
LirPlanOptions *
lirscope_plan_request_get_options (LirscopePlanRequest *request, LirModule *module)
{
  LirPlanOptions *options = lir_plan_options_copy (request->options);

  lir_plan_options_inherit (options, lir_module_get_plan (module));
  return options;
}

/* Measures the held plan's @report at the values moved to (its arena
 * against the bytes live there), the way `lirscope-cli stats --max …
 * --bind …` does; with none moved, the report speaks of the plan's own
 * values again. A value the plan cannot hold is refused: the values go
 * back, and @error says why. */
gboolean
lirscope_plan_request_measure (LirscopePlanRequest *request, LirStatsReport *report, GError **error)
{
  g_autoptr (LirPlanOptions) options = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (request->measured) == 0)
    {
      lir_stats_report_forget_binding (report);
      return TRUE;
    }
  options = lir_plan_options_copy (request->options);
  g_hash_table_iter_init (&iter, request->measured);
  while (g_hash_table_iter_next (&iter, &key, &value))
    lir_plan_options_bind (options, key, *(guint64 *)value);
  if (lir_stats_report_measure_binding (report, options, error))
    return TRUE;
  g_hash_table_remove_all (request->measured);
  lir_stats_report_forget_binding (report);
  return FALSE;
}

/* Another file: the values moved to belong to the last one. */
void
lirscope_plan_request_forget_measured (LirscopePlanRequest *request)
{
  g_hash_table_remove_all (request->measured);
}

/* Returns: whether the plan is held with symbols moved */
gboolean
lirscope_plan_request_is_measuring (LirscopePlanRequest *request)
{
  return request->hold && g_hash_table_size (request->measured) > 0;
}

const char *
lirscope_plan_request_get_strategy (LirscopePlanRequest *request)
{
  const char *strategy = lir_plan_options_get_strategy (request->options);

  return strategy != NULL ? strategy : "";
}

/* @strategy: a strategy's name; "" keeps the file's plan */
LirscopeRequestChange
lirscope_plan_request_set_strategy (LirscopePlanRequest *request, const char *strategy)
{
  if (g_strcmp0 (strategy, lirscope_plan_request_get_strategy (request)) == 0)
    return LIRSCOPE_REQUEST_NOTHING;
  lir_plan_options_set_strategy (request->options, strategy != NULL && *strategy != '\0' ? strategy : NULL);
  return LIRSCOPE_REQUEST_REPLAN;
}

guint64
lirscope_plan_request_get_alignment (LirscopePlanRequest *request)
{
  return lir_plan_options_get_alignment (request->options);
}

LirscopeRequestChange
lirscope_plan_request_set_alignment (LirscopePlanRequest *request, guint64 alignment)
{
  if (alignment == lirscope_plan_request_get_alignment (request))
    return LIRSCOPE_REQUEST_NOTHING;
  lir_plan_options_set_alignment (request->options, alignment);
  return LIRSCOPE_REQUEST_REPLAN;
}

gboolean
lirscope_plan_request_get_params (LirscopePlanRequest *request)
{
  return lir_plan_options_get_allocate (request->options, LIR_OP_PARAM);
}

LirscopeRequestChange
lirscope_plan_request_set_params (LirscopePlanRequest *request, gboolean params_in_arena)
{
  if (!params_in_arena == !lirscope_plan_request_get_params (request))
    return LIRSCOPE_REQUEST_NOTHING;
  lir_plan_options_set_allocate (request->options, LIR_OP_PARAM, params_in_arena);
  return LIRSCOPE_REQUEST_REPLAN;
}

/* Returns: the value @symbol is bound to in the plan (held or next), %LIR_NO_VALUE if none */
guint64
lirscope_plan_request_get_plan_binding (LirscopePlanRequest *request, const char *symbol)
{
  guint64 value;

  return lir_plan_options_get_binding (request->options, symbol, &value) ? value : LIR_NO_VALUE;
}

/* Returns: the value @symbol is bound to in the next plan or, while the
 *   plan is held, the value it is measured at; %LIR_NO_VALUE if none */
guint64
lirscope_plan_request_get_binding (LirscopePlanRequest *request, const char *symbol)
{
  const guint64 *value = g_hash_table_lookup (request->measured, symbol);

  return value != NULL ? *value : lirscope_plan_request_get_plan_binding (request, symbol);
}

/* Binds @symbol for the next plan or, while the plan is held, moves the
 * value it is measured at (back to the plan's value: measured no more). */
LirscopeRequestChange
lirscope_plan_request_set_binding (LirscopePlanRequest *request, const char *symbol, guint64 value)
{
  if (lirscope_plan_request_get_binding (request, symbol) == value)
    return LIRSCOPE_REQUEST_NOTHING;
  if (!request->hold)
    {
      lir_plan_options_bind (request->options, symbol, value);
      return LIRSCOPE_REQUEST_REPLAN;
    }
  if (value == lirscope_plan_request_get_plan_binding (request, symbol))
    g_hash_table_remove (request->measured, symbol);
  else
    g_hash_table_insert (request->measured, g_strdup (symbol), g_memdup2 (&value, sizeof value));
  return LIRSCOPE_REQUEST_MEASURE;
}

gboolean
lirscope_plan_request_get_hold (LirscopePlanRequest *request)
{
  return request->hold;
}

/* Letting go of a plan with symbols moved binds them there: a re-plan. */
LirscopeRequestChange
lirscope_plan_request_set_hold (LirscopePlanRequest *request, gboolean hold)
{
  GHashTableIter iter;
  gpointer key, value;

  if (!hold == !request->hold)
    return LIRSCOPE_REQUEST_NOTHING;
  request->hold = hold;
  if (hold || g_hash_table_size (request->measured) == 0)
    return LIRSCOPE_REQUEST_NOTHING;
  g_hash_table_iter_init (&iter, request->measured);
  while (g_hash_table_iter_next (&iter, &key, &value))
    lir_plan_options_bind (request->options, key, *(guint64 *)value);
  g_hash_table_remove_all (request->measured);
  return LIRSCOPE_REQUEST_REPLAN;
}
