/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-plan-options.c: planning options and symbol bindings. */
#include "lir-plan-options.h"
#include "lir-boxed-private.h"
#include "ir/lir-limits-private.h"

#include "ir/lir-error.h"
#include "alloc/lir-strategy.h"
#include "lir-buffer-plan-private.h"
#include "lir-analysis-private.h"

#include <string.h>

struct _LirPlanOptions
{
  char *strategy;    /* NULL: keep an existing plan, or use the default */
  guint64 alignment; /* 0: the default */
  gboolean allocate_params;
  gboolean allocate_inputs;
  gboolean allocate_constants;
  guint allocation_set;      /* bit (1 << kind) per boundary kind the caller set */
  gboolean keep_dynamic;     /* unbound symbols leave their nodes out of the arena */
  gboolean keep_dynamic_set; /* the caller chose it */
  GPtrArray *binding_names;
  GArray *binding_values;
  GArray *schedule; /* guint32 node ids, or NULL for the graph's own order */
  guint64 capacity;
  guint64 effort;
  double time_limit;
  GCancellable *cancellable;
  GCancellable *stop;
  LirProgressFunc progress;
  gpointer progress_data;
};

/**
 * lir_plan_options_new:
 *
 * Options for lir_module_replan(): which strategy, alignment, symbol
 * bindings, which boundary buffers (params, inputs, constants) get arena
 * bytes, and the search's effort, time limit and capacity.
 *
 * Returns: (transfer full): default options: default strategy and
 *   alignment, every boundary buffer in the arena, no bindings
 */
LirPlanOptions *
lir_plan_options_new (void)
{
  LirPlanOptions *options = g_new0 (LirPlanOptions, 1);

  options->allocate_params = options->allocate_inputs = options->allocate_constants = TRUE;
  options->binding_names = g_ptr_array_new_with_free_func (g_free);
  options->binding_values = g_array_new (FALSE, FALSE, sizeof (guint64));
  return options;
}

/**
 * lir_plan_options_copy:
 * @options: options
 *
 * Copies the options; the copy holds its own references to the cancellables.
 *
 * Returns: (transfer full): a deep copy
 */
LirPlanOptions *
lir_plan_options_copy (const LirPlanOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);

  LirPlanOptions *copy = lir_plan_options_new ();

  copy->strategy = g_strdup (options->strategy);
  copy->alignment = options->alignment;
  copy->allocate_params = options->allocate_params;
  copy->allocate_inputs = options->allocate_inputs;
  copy->allocate_constants = options->allocate_constants;
  copy->allocation_set = options->allocation_set;
  copy->keep_dynamic = options->keep_dynamic;
  copy->keep_dynamic_set = options->keep_dynamic_set;
  if (options->schedule != NULL)
    copy->schedule = g_array_copy (options->schedule);
  for (guint i = 0; i < options->binding_names->len; i++)
    lir_plan_options_bind (copy, g_ptr_array_index (options->binding_names, i),
                           g_array_index (options->binding_values, guint64, i));
  copy->capacity = options->capacity;
  copy->effort = options->effort;
  copy->time_limit = options->time_limit;
  g_set_object (&copy->cancellable, options->cancellable);
  g_set_object (&copy->stop, options->stop);
  copy->progress = options->progress;
  copy->progress_data = options->progress_data;
  return copy;
}

/**
 * lir_plan_options_free: (skip)
 * @options: (nullable): options
 *
 * Frees options; %NULL is allowed.
 */
void
lir_plan_options_free (LirPlanOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->strategy);
  g_ptr_array_unref (options->binding_names);
  g_array_unref (options->binding_values);
  g_clear_pointer (&options->schedule, g_array_unref);
  g_clear_object (&options->cancellable);
  g_clear_object (&options->stop);
  g_free (options);
}

/**
 * lir_plan_options_set_strategy:
 * @options: options
 * @strategy: (nullable): a strategy's name (see lir_strategy_list()), or
 *   %NULL for the default
 *
 * Chooses the strategy that plans. An unknown name is an error of
 * lir_module_replan(), which names the strategies there are.
 */
void
lir_plan_options_set_strategy (LirPlanOptions *options, const char *strategy)
{
  g_return_if_fail (options != NULL);

  g_free (options->strategy);
  options->strategy = g_strdup (strategy);
}

/**
 * lir_plan_options_get_strategy:
 * @options: options
 *
 * The name of the strategy lir_module_replan() will use.
 *
 * Returns: (transfer none) (nullable): the chosen strategy, or %NULL
 */
const char *
lir_plan_options_get_strategy (const LirPlanOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);

  return options->strategy;
}

/**
 * lir_plan_options_set_alignment:
 * @options: plan options
 * @alignment: bytes, a power of two, or 0
 *
 * Chooses the alignment every offset and slot size is rounded to, or 0 for
 * the plan's own or the default. Planning refuses one that is not a power
 * of two.
 */
void
lir_plan_options_set_alignment (LirPlanOptions *options, guint64 alignment)
{
  g_return_if_fail (options != NULL);

  options->alignment = alignment;
}

/**
 * lir_plan_options_get_alignment:
 * @options: options
 *
 * The alignment chosen with lir_plan_options_set_alignment().
 *
 * Returns: the alignment, or 0 when none was chosen
 */
guint64
lir_plan_options_get_alignment (const LirPlanOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);

  return options->alignment;
}

/**
 * lir_plan_options_set_allocate:
 * @options: options
 * @boundary_kind: %LIR_OP_INPUT, %LIR_OP_PARAM or %LIR_OP_CONSTANT
 * @allocate: whether such buffers get arena slots
 *
 * RLX's MemoryPlanOptions: a runtime that keeps weights elsewhere leaves
 * params out of the activation arena.
 */
void
lir_plan_options_set_allocate (LirPlanOptions *options, LirOpKind boundary_kind, gboolean allocate)
{
  g_return_if_fail (options != NULL);

  switch (boundary_kind)
    {
    case LIR_OP_INPUT:
      options->allocate_inputs = allocate;
      break;
    case LIR_OP_PARAM:
      options->allocate_params = allocate;
      break;
    case LIR_OP_CONSTANT:
      options->allocate_constants = allocate;
      break;
    default:
      g_return_if_reached ();
    }
  options->allocation_set |= 1u << boundary_kind;
}

/**
 * lir_plan_options_get_allocate:
 * @options: plan options
 * @boundary_kind: an op kind
 *
 * Whether buffers of a boundary kind get arena slots. Other kinds always do.
 *
 * Returns: %TRUE if such buffers get slots
 */
gboolean
lir_plan_options_get_allocate (const LirPlanOptions *options, LirOpKind boundary_kind)
{
  g_return_val_if_fail (options != NULL, TRUE);

  switch (boundary_kind)
    {
    case LIR_OP_INPUT:
      return options->allocate_inputs;
    case LIR_OP_PARAM:
      return options->allocate_params;
    case LIR_OP_CONSTANT:
      return options->allocate_constants;
    default:
      return TRUE;
    }
}

/**
 * lir_plan_options_bind:
 * @options: options
 * @symbol: a symbol name
 * @value: its value; replaces an earlier binding of the same symbol
 *
 * Binds a dynamic dimension symbol to a value for planning.
 */
void
lir_plan_options_bind (LirPlanOptions *options, const char *symbol, guint64 value)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (symbol != NULL);

  for (guint i = 0; i < options->binding_names->len; i++)
    {
      if (strcmp (g_ptr_array_index (options->binding_names, i), symbol) == 0)
        {
          g_array_index (options->binding_values, guint64, i) = value;
          return;
        }
    }
  g_ptr_array_add (options->binding_names, g_strdup (symbol));
  g_array_append_val (options->binding_values, value);
}

/**
 * lir_plan_options_get_binding:
 * @options: options
 * @symbol: a symbol name
 * @value: (out) (optional): the value it is bound to
 *
 * The value lir_plan_options_bind() (or lir_plan_options_inherit()) gave a
 * symbol.
 *
 * Returns: %TRUE if @symbol is bound
 */
gboolean
lir_plan_options_get_binding (const LirPlanOptions *options, const char *symbol, guint64 *value)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (symbol != NULL, FALSE);

  for (guint i = 0; i < options->binding_names->len; i++)
    if (strcmp (g_ptr_array_index (options->binding_names, i), symbol) == 0)
      {
        if (value != NULL)
          *value = g_array_index (options->binding_values, guint64, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * lir_plan_options_inherit:
 * @options: options
 * @plan: the plan being replaced
 *
 * Fills what @options leave open from @plan: its alignment, which
 * boundary kinds it put in the arena, and its symbol bindings. Re-planning
 * with only a new strategy then changes only the placement.
 */
void
lir_plan_options_inherit (LirPlanOptions *options, const LirBufferPlan *plan)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (plan != NULL);

  if (options->alignment == 0)
    options->alignment = lir_buffer_plan_get_alignment (plan);
  /* Each kind the caller left alone stays as the plan had it. */
  if (!(options->allocation_set & (1u << LIR_OP_PARAM)))
    options->allocate_params = lir_buffer_plan_get_allocates (plan, LIR_OP_PARAM);
  if (!(options->allocation_set & (1u << LIR_OP_INPUT)))
    options->allocate_inputs = lir_buffer_plan_get_allocates (plan, LIR_OP_INPUT);
  if (!(options->allocation_set & (1u << LIR_OP_CONSTANT)))
    options->allocate_constants = lir_buffer_plan_get_allocates (plan, LIR_OP_CONSTANT);
  /* The plan's order (a reordered plan stays reordered), unless the
   * options give one; a buffer list has lifetimes, not an order. */
  if (options->schedule == NULL && !lir_buffer_plan_has_explicit_lifetimes (plan)
      && lir_graph_is_topological (plan->graph, (const guint32 *)(void *)plan->schedule->data,
                                   plan->schedule->len))
    {
      options->schedule = g_array_sized_new (FALSE, FALSE, sizeof (guint32), plan->schedule->len);
      g_array_append_vals (options->schedule, plan->schedule->data, plan->schedule->len);
    }
  /* A plan that leaves symbols unbound (RLX's dynamic plans) has its
   * dynamic nodes out of the arena: a re-plan binding only some of them
   * keeps the rest so. */
  if (!options->keep_dynamic_set)
    options->keep_dynamic = lir_buffer_plan_get_n_bindings (plan) < lir_graph_get_n_symbols (plan->graph);
  for (guint i = 0; i < lir_buffer_plan_get_n_bindings (plan); i++)
    {
      guint64 value;
      const char *name = lir_buffer_plan_get_binding (plan, i, &value);
      gboolean bound = FALSE;

      for (guint j = 0; j < options->binding_names->len && !bound; j++)
        bound = strcmp (g_ptr_array_index (options->binding_names, j), name) == 0;
      if (!bound)
        lir_plan_options_bind (options, name, value);
    }
}

/**
 * lir_plan_options_parse_binding:
 * @options: options
 * @text: `SYMBOL=N`
 * @error: return location for a #GError
 *
 * Parses and adds a binding given as text, as the CLI's `--bind` takes it.
 *
 * Returns: %TRUE if @text was a valid binding
 */
gboolean
lir_plan_options_parse_binding (LirPlanOptions *options, const char *text, GError **error)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  const char *eq = strchr (text, '=');
  g_autofree char *name = NULL;
  g_autofree char *quoted = lir_text_quote (text);
  guint64 value;

  if (eq == NULL || eq == text)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "binding \"%s\" is not of the form SYMBOL=N", quoted);
      return FALSE;
    }
  name = g_strndup (text, eq - text);
  if (!lir_limits_check_name (name, -1, FALSE, NULL))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "binding \"%s\": the symbol is not a valid name",
                   quoted);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (eq + 1, 10, 0, G_MAXINT64, &value, NULL))
    {
      g_autofree char *quoted_value = lir_text_quote (eq + 1);

      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "binding \"%s\": \"%s\" is not a non-negative integer", quoted, quoted_value);
      return FALSE;
    }
  lir_plan_options_bind (options, name, value);
  return TRUE;
}

/**
 * lir_plan_options_set_keep_dynamic:
 * @options: options
 * @keep_dynamic: whether unbound symbols are allowed
 *
 * What planning does with a symbol that has no value: by default it is an
 * error naming the symbol; with @keep_dynamic, the nodes whose size needs
 * it stay out of the arena, as RLX plans a dynamic module (the report lists
 * them). A re-plan of a plan that left symbols unbound keeps them dynamic
 * unless told otherwise (lir_plan_options_inherit()).
 */
void
lir_plan_options_set_keep_dynamic (LirPlanOptions *options, gboolean keep_dynamic)
{
  g_return_if_fail (options != NULL);

  options->keep_dynamic = keep_dynamic;
  options->keep_dynamic_set = TRUE;
}

/**
 * lir_plan_options_get_keep_dynamic:
 * @options: options
 *
 * Whether unbound symbols leave their nodes out of the arena.
 *
 * Returns: %TRUE if they do, %FALSE if they are an error
 */
gboolean
lir_plan_options_get_keep_dynamic (const LirPlanOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return options->keep_dynamic;
}

/**
 * lir_plan_options_set_schedule:
 * @options: options
 * @schedule: (array length=n_schedule) (nullable): node ids in the order
 *   they run, every node once after its inputs; %NULL for the graph's own
 *   order
 * @n_schedule: the number of ids
 *
 * Plans with this execution order instead of the graph's own (a lower-peak
 * order lir_module_find_order () found, say). Planning refuses an order
 * that is not a topological order of all the graph's nodes.
 */
void
lir_plan_options_set_schedule (LirPlanOptions *options, const guint32 *schedule, guint n_schedule)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (schedule != NULL || n_schedule == 0);

  g_clear_pointer (&options->schedule, g_array_unref);
  if (schedule == NULL)
    return;
  options->schedule = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_schedule);
  g_array_append_vals (options->schedule, schedule, n_schedule);
}

/**
 * lir_plan_options_get_schedule:
 * @options: options
 * @n_schedule: (out): the number of ids
 *
 * The execution order set with lir_plan_options_set_schedule ().
 *
 * Returns: (transfer none) (array length=n_schedule) (nullable): the
 *   order, or %NULL for the graph's own
 */
const guint32 *
lir_plan_options_get_schedule (const LirPlanOptions *options, guint *n_schedule)
{
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (n_schedule != NULL, NULL);

  *n_schedule = options->schedule != NULL ? options->schedule->len : 0;
  return options->schedule != NULL ? (const guint32 *)(void *)options->schedule->data : NULL;
}

/**
 * lir_plan_options_set_capacity:
 * @options: plan options
 * @capacity: bytes, or 0 for the smallest arena found
 *
 * Asks for an arena of at most @capacity bytes: searching strategies stop at
 * the first plan that fits, and fail when they prove none does.
 */
void
lir_plan_options_set_capacity (LirPlanOptions *options, guint64 capacity)
{
  g_return_if_fail (options != NULL);

  options->capacity = capacity;
}

/**
 * lir_plan_options_get_capacity:
 * @options: plan options
 *
 * The capacity asked for.
 *
 * Returns: bytes, or 0 for none
 */
guint64
lir_plan_options_get_capacity (const LirPlanOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);

  return options->capacity;
}

/**
 * lir_plan_options_set_effort:
 * @options: plan options
 * @effort: search steps, or 0 for the default
 *
 * Bounds a searching strategy's work in search steps, so that the result
 * does not depend on the machine.
 */
void
lir_plan_options_set_effort (LirPlanOptions *options, guint64 effort)
{
  g_return_if_fail (options != NULL);

  options->effort = effort;
}

/**
 * lir_plan_options_get_effort:
 * @options: plan options
 *
 * The effort budget.
 *
 * Returns: search steps, or 0 for the default
 */
guint64
lir_plan_options_get_effort (const LirPlanOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);

  return options->effort;
}

/**
 * lir_plan_options_set_time_limit:
 * @options: options
 * @seconds: a wall-clock bound for searching strategies, 0 for none
 *
 * Opt-in: with a time limit, how far a search gets depends on the machine,
 * so the same input may give different plans. The effort budget does not.
 */
void
lir_plan_options_set_time_limit (LirPlanOptions *options, double seconds)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (seconds >= 0);

  options->time_limit = seconds;
}

/**
 * lir_plan_options_get_time_limit:
 * @options: plan options
 *
 * The wall-clock bound.
 *
 * Returns: seconds, 0 for none
 */
double
lir_plan_options_get_time_limit (const LirPlanOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);

  return options->time_limit;
}

/**
 * lir_plan_options_set_cancellable:
 * @options: plan options
 * @cancellable: (nullable): cancels the run
 *
 * What cancels a run: once cancelled, planning fails with
 * %LIR_ERROR_CANCELLED and no plan.
 */
void
lir_plan_options_set_cancellable (LirPlanOptions *options, GCancellable *cancellable)
{
  g_return_if_fail (options != NULL);

  g_set_object (&options->cancellable, cancellable);
}

/**
 * lir_plan_options_get_cancellable:
 * @options: options
 *
 * The cancellable set with lir_plan_options_set_cancellable().
 *
 * Returns: (transfer none) (nullable): what cancels a long search
 */
GCancellable *
lir_plan_options_get_cancellable (const LirPlanOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);

  return options->cancellable;
}

/**
 * lir_plan_options_set_stop:
 * @options: options
 * @stop: (nullable): cancelled to stop early
 *
 * Where a long run can be stopped without losing it (Ctrl+C in the CLI):
 * once @stop is cancelled, the strategy finishes at once with the best
 * valid plan it has, and lir_buffer_plan_get_stopped_early() says so. A
 * plan stopped this way may exceed the capacity asked for. Unlike the
 * cancellable, which drops the run.
 */
void
lir_plan_options_set_stop (LirPlanOptions *options, GCancellable *stop)
{
  g_return_if_fail (options != NULL);

  g_set_object (&options->stop, stop);
}

/**
 * lir_plan_options_get_stop:
 * @options: options
 *
 * The cancellable set with lir_plan_options_set_stop().
 *
 * Returns: (transfer none) (nullable): what stops a long run early
 */
GCancellable *
lir_plan_options_get_stop (const LirPlanOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);

  return options->stop;
}

/**
 * lir_plan_options_set_progress: (skip)
 * @options: options
 * @progress: (nullable): hears how planning goes, on the planning thread
 * @user_data: data for @progress, which must outlive the options' use
 *
 * Reports a long planning run's phase, buffers placed and best arena so
 * far, a few times a second at most from one strategy.
 */
void
lir_plan_options_set_progress (LirPlanOptions *options, LirProgressFunc progress, gpointer user_data)
{
  g_return_if_fail (options != NULL);

  options->progress = progress;
  options->progress_data = user_data;
}

/**
 * lir_plan_options_get_progress: (skip)
 * @options: options
 * @user_data: (out) (optional): the data given with it
 *
 * The progress function set with lir_plan_options_set_progress().
 *
 * Returns: (nullable): the progress function
 */
LirProgressFunc
lir_plan_options_get_progress (const LirPlanOptions *options, gpointer *user_data)
{
  g_return_val_if_fail (options != NULL, NULL);

  if (user_data != NULL)
    *user_data = options->progress_data;
  return options->progress;
}

/**
 * lir_plan_options_changes_plan:
 * @options: (nullable): options
 *
 * Whether a file's own plan can stand under these options.
 *
 * Returns: %TRUE if the options ask for something an existing plan may not
 *   have (a strategy, an alignment, bindings, boundary allocation, a
 *   capacity), so an input that already has a plan must be re-planned
 */
gboolean
lir_plan_options_changes_plan (const LirPlanOptions *options)
{
  if (options == NULL)
    return FALSE;
  return options->strategy != NULL || options->alignment != 0 || options->binding_names->len > 0
         || options->allocation_set != 0 || options->capacity != 0;
}

/**
 * lir_plan_options_resolve_symbols:
 * @options: options
 * @graph: the graph to plan
 * @error: return location for a #GError
 *
 * Each graph symbol takes its binding from @options, else the graph's
 * default, else stays unbound (%LIR_NO_VALUE). Binding a symbol the graph
 * does not have is an error, so a typo does not pass silently.
 *
 * Returns: (transfer full) (array): one value per graph symbol, or %NULL
 */
guint64 *
lir_plan_options_resolve_symbols (const LirPlanOptions *options, const LirGraph *graph, GError **error)
{
  guint n_symbols = lir_graph_get_n_symbols (graph);
  g_autofree guint64 *values = g_new (guint64, n_symbols + 1);

  for (guint32 s = 0; s < n_symbols; s++)
    values[s] = lir_graph_get_symbol_default (graph, s);
  for (guint i = 0; i < options->binding_names->len; i++)
    {
      const char *name = g_ptr_array_index (options->binding_names, i);
      guint32 symbol;

      if (!lir_graph_lookup_symbol (graph, name, &symbol))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_NOT_FOUND, "the graph has no symbol named \"%s\"", name);
          return NULL;
        }
      values[symbol] = g_array_index (options->binding_values, guint64, i);
    }
  return g_steal_pointer (&values);
}

LIR_DEFINE_BOXED_TYPE (LirPlanOptions, lir_plan_options, lir_plan_options_copy, lir_plan_options_free)
