/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-session.c: the open plan, its baseline and the work that replaces them.
 *
 * The session owns the model of one window: the module on screen with what
 * core/ builds for it (renderer, statistics report, search index), the
 * baseline and the diff in compare mode, the plan options the next re-plan
 * asks for, the selection and the cursor step, whether work is under way and
 * the last error. Loading, re-planning and reloading run in a GTask thread
 * that builds all of that; only a success replaces what is on screen, so a
 * bad file or a failed plan leaves the last good plan with an error saying
 * why. The session never touches a widget: widgets bind to its properties
 * and signals.
 */
#include "lirscope-session.h"
#include "lir-private.h"

#include <glib/gi18n.h>

#define RELOAD_DEBOUNCE_MS 300

struct _LirscopeSession
{
  GObject parent_instance;

  GFile *file;
  LirModule *module;
  LirRenderer *renderer;
  LirStatsReport *report;
  LirSearchIndex *search_index;

  GFile *baseline_file;
  LirModule *baseline;
  LirPlanDiff *diff;
  GFile *pending_baseline; /* asked for while work was under way */

  guint32 selected;
  gint64 cursor_step;

  GFileMonitor *monitor;
  guint reload_source;
  GCancellable *cancellable;
  guint n_working;
  guint generation;  /* of the work under way: progress from older work is stale */
  char *progress;    /* the planner's last progress line while busy, or NULL */
  char *error;

  /* Plan options; they follow the plan on screen until the user changes one. */
  char *strategy; /* "" keeps the plan as loaded */
  guint64 alignment;
  gboolean params_in_arena;
  GHashTable *bindings; /* symbol -> guint64 boxed in a pointer-sized slot */
  gboolean hold_plan;    /* moving a symbol measures the plan on screen instead of re-planning */
  GHashTable *measured;  /* symbol -> guint64: values it is measured at, while held */
  gboolean user_planned;
  char *default_strategy;
};

G_DEFINE_FINAL_TYPE (LirscopeSession, lirscope_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_SELECTED,
  PROP_CURSOR_STEP,
  PROP_BUSY,
  PROP_ERROR,
  PROP_COMPARING,
  PROP_HOLD_PLAN,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  SIGNAL_PLAN_CHANGED,
  SIGNAL_DIFF_CHANGED,
  SIGNAL_OPTIONS_CHANGED,
  SIGNAL_REPLANNED,
  SIGNAL_REPORT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- state changes -------------------------------------------------------------------- */

static void
set_error (LirscopeSession *self, const char *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_progress (LirscopeSession *self, const char *progress)
{
  if (g_strcmp0 (self->progress, progress) == 0)
    return;
  g_free (self->progress);
  self->progress = g_strdup (progress);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_working (LirscopeSession *self, gboolean working)
{
  gboolean was = lirscope_session_get_busy (self);

  self->n_working += working ? 1 : -1;
  if (!lirscope_session_get_busy (self))
    set_progress (self, NULL);
  if (was != lirscope_session_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The options shown are those the plan on screen was made with. */
static void
sync_options (LirscopeSession *self)
{
  LirBufferPlan *plan;
  LirGraph *graph;

  g_hash_table_remove_all (self->bindings);
  if (self->module == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_OPTIONS_CHANGED], 0);
      return;
    }
  plan = lir_module_get_plan (self->module);
  graph = lir_module_get_graph (self->module);
  g_free (self->strategy);
  self->strategy = g_strdup (lir_buffer_plan_get_strategy (plan));
  self->alignment = lir_buffer_plan_get_alignment (plan);
  self->params_in_arena = lir_buffer_plan_get_allocates (plan, LIR_OP_PARAM);
  for (guint i = 0; i < lir_graph_get_n_symbols (graph); i++)
    {
      guint64 value = lir_graph_get_symbol_default (graph, i);
      const char *name = lir_graph_get_symbol_name (graph, i);

      for (guint b = 0; b < lir_buffer_plan_get_n_bindings (plan); b++)
        {
          guint64 bound;

          if (g_str_equal (lir_buffer_plan_get_binding (plan, b, &bound), name) && bound != LIR_NO_VALUE)
            value = bound;
        }
      g_hash_table_insert (self->bindings, g_strdup (name), g_memdup2 (&value, sizeof value));
    }
  g_signal_emit (self, signals[SIGNAL_OPTIONS_CHANGED], 0);
}

static void
update_diff (LirscopeSession *self)
{
  g_clear_pointer (&self->diff, lir_plan_diff_unref);
  if (self->baseline != NULL && self->module != NULL)
    self->diff = lir_plan_diff_new (self->baseline, self->module);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARING]);
  g_signal_emit (self, signals[SIGNAL_DIFF_CHANGED], 0);
}

static gboolean
node_has_slot (LirModule *module, guint32 node)
{
  LirBufferPlan *plan = lir_module_get_plan (module);

  return node < lir_buffer_plan_get_n_nodes (plan) && lir_buffer_plan_get_slot (plan, node) != NULL;
}

/* ---- background work ------------------------------------------------------------------ */

typedef struct
{
  GFile *file;             /* load: the file to read */
  LirModule *module;       /* replan: the module; result: the new one */
  LirPlanOptions *options; /* how to plan; NULL keeps a file's plan */
  char *default_strategy;  /* for graphs that come without a plan */
  gboolean keep_view;
  gboolean baseline;       /* the result is the baseline to compare with */
  gboolean replan;         /* the user asked for a new plan */
  /* results, built off the UI thread */
  LirRenderer *renderer;
  LirStatsReport *report;
  LirSearchIndex *search_index;
  /* progress, posted from the worker to the session's thread */
  GWeakRef session;
  GMainContext *context;
  guint generation;
  gint64 last_progress_us;
} Work;

typedef struct
{
  LirscopeSession *session;
  guint generation;
  char *text;
} ProgressUpdate;

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_clear_object (&update->session);
  g_free (update->text);
  g_free (update);
}

static gboolean
apply_progress (gpointer data)
{
  ProgressUpdate *update = data;

  if (update->generation == update->session->generation
      && lirscope_session_get_busy (update->session))
    set_progress (update->session, update->text);
  return G_SOURCE_REMOVE;
}

/* On the worker thread, a few times a second at most: the line goes to the
 * session's thread, which shows it while this work is the one under way. */
static void
work_progress (const LirProgress *progress, gpointer user_data)
{
  Work *work = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressUpdate *update;

  if (now - work->last_progress_us < G_USEC_PER_SEC / 5)
    return;
  work->last_progress_us = now;
  update = g_new0 (ProgressUpdate, 1);
  update->session = g_weak_ref_get (&work->session);
  if (update->session == NULL)
    {
      g_free (update);
      return;
    }
  update->generation = work->generation;
  update->text = lir_format_progress (progress);
  g_main_context_invoke_full (work->context, G_PRIORITY_DEFAULT, apply_progress, update,
                              progress_update_free);
}

static void
work_free (Work *work)
{
  g_weak_ref_clear (&work->session);
  g_clear_pointer (&work->context, g_main_context_unref);
  g_clear_object (&work->file);
  g_clear_pointer (&work->module, lir_module_unref);
  g_clear_pointer (&work->options, lir_plan_options_free);
  g_clear_pointer (&work->renderer, lir_renderer_unref);
  g_clear_pointer (&work->report, lir_stats_report_unref);
  g_clear_pointer (&work->search_index, lir_search_index_unref);
  g_free (work->default_strategy);
  g_free (work);
}

static gboolean
work_load (Work *work, GCancellable *cancellable, GError **error)
{
  g_autofree char *path = g_file_get_path (work->file);
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirPlanOptions) fallback = NULL;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("only local files can be opened"));
      return FALSE;
    }
  module = lir_module_new_from_file (path, error);
  if (module == NULL)
    return FALSE;
  /* A graph, or a buffer list without offsets: planned as the user last chose. */
  if (work->options == NULL && lir_module_needs_plan (module))
    {
      fallback = lir_plan_options_new ();
      lir_plan_options_set_strategy (fallback, work->default_strategy);
      lir_plan_options_set_cancellable (fallback, cancellable);
      lir_plan_options_set_progress (fallback, work_progress, work);
    }
  if (work->options != NULL)
    lir_plan_options_set_cancellable (work->options, cancellable);
  if (!lir_module_ensure_plan (module, work->options != NULL ? work->options : fallback, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  work->module = g_steal_pointer (&module);
  return TRUE;
}

static void
work_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;

  if (work->file != NULL)
    {
      if (!work_load (work, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      LirModule *planned;

      lir_plan_options_set_cancellable (work->options, cancellable);
      planned = lir_module_replan (work->module, work->options, &error);
      if (planned == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      lir_module_unref (work->module);
      work->module = planned;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!work->baseline)
    {
      work->renderer = lir_renderer_new (work->module);
      work->report = lir_stats_report_new (work->module);
      work->search_index = lir_search_index_new (work->module);
    }
  g_task_return_boolean (task, TRUE);
}

static void start_compare (LirscopeSession *self, GFile *baseline);

/* While the plan is held: the report measures the plan on screen at the
 * values moved to (its arena against the bytes live there), the way
 * `lirscope-cli stats --max … --bind …` does. A value the plan cannot hold
 * is refused with the reason, and the spin goes back. */
static void
measure_held (LirscopeSession *self)
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
      g_signal_emit (self, signals[SIGNAL_REPORT_CHANGED], 0);
      return;
    }
  options = lir_plan_options_new ();
  g_hash_table_iter_init (&iter, self->bindings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    lir_plan_options_bind (options, key, *(guint64 *)value);
  g_hash_table_iter_init (&iter, self->measured);
  while (g_hash_table_iter_next (&iter, &key, &value))
    lir_plan_options_bind (options, key, *(guint64 *)value);
  if (!lir_stats_report_measure_binding (self->report, options, &error))
    {
      g_hash_table_remove_all (self->measured);
      lir_stats_report_forget_binding (self->report);
      set_error (self, error->message);
    }
  g_signal_emit (self, signals[SIGNAL_REPORT_CHANGED], 0);
}

static void
install (LirscopeSession *self, Work *work)
{
  guint32 selected = self->selected;

  g_clear_pointer (&self->module, lir_module_unref);
  g_clear_pointer (&self->renderer, lir_renderer_unref);
  g_clear_pointer (&self->report, lir_stats_report_unref);
  g_clear_pointer (&self->search_index, lir_search_index_unref);
  self->module = g_steal_pointer (&work->module);
  self->renderer = g_steal_pointer (&work->renderer);
  self->report = g_steal_pointer (&work->report);
  self->search_index = g_steal_pointer (&work->search_index);
  if (!work->keep_view || !node_has_slot (self->module, selected))
    selected = LIR_NO_NODE;
  self->selected = selected;
  self->cursor_step = -1;
  set_error (self, NULL);
  if (!lir_stats_report_is_valid (self->report))
    {
      const GPtrArray *violations = lir_stats_report_get_violations (self->report);
      g_autofree char *message = g_strdup_printf (
        _("This plan is invalid: %u violations (%s). The buffers at fault are outlined in red; no efficiency is shown."),
        (guint)MIN (lir_stats_report_get_n_violations (self->report), G_MAXUINT),
        ((const LirViolation *)violations->pdata[0])->message);

      set_error (self, message);
    }
  sync_options (self);
  if (!work->keep_view)
    g_hash_table_remove_all (self->measured); /* another file */
  if (self->hold_plan && g_hash_table_size (self->measured) > 0)
    measure_held (self);
  update_diff (self);
  g_signal_emit (self, signals[SIGNAL_PLAN_CHANGED], 0, work->keep_view);
  /* Always tell: pages rebuild their details for the new plan. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_STEP]);
  if (work->replan)
    g_signal_emit (self, signals[SIGNAL_REPLANNED], 0);
}

static void
report_failure (LirscopeSession *self, Work *work, const GError *error)
{
  g_autofree char *message = NULL;

  if (work->baseline)
    message = g_strdup_printf (_("Could not open the baseline: %s"), error->message);
  else if (self->module == NULL)
    message = g_strdup_printf (_("Could not open the plan: %s"), error->message);
  else if (work->file != NULL)
    /* lir_module_new_from_file's messages start with the path. */
    message = g_strdup_printf (_("Could not reload %s. Showing the last good plan."), error->message);
  else
    message = g_strdup_printf (_("Could not re-plan: %s. Showing the last good plan."), error->message);
  set_error (self, message);
}

static void
work_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LirscopeSession *self = LIRSCOPE_SESSION (source);
  GTask *task = G_TASK (result);
  Work *work = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, LIR_ERROR, LIR_ERROR_CANCELLED))
        report_failure (self, work, error);
      /* The controls go back to what is on screen. */
      sync_options (self);
    }
  else if (work->baseline)
    {
      g_clear_pointer (&self->baseline, lir_module_unref);
      self->baseline = g_steal_pointer (&work->module);
      update_diff (self);
    }
  else
    install (self, work);
  set_working (self, FALSE);
  if (self->pending_baseline != NULL && self->n_working == 0)
    {
      g_autoptr (GFile) baseline = g_steal_pointer (&self->pending_baseline);

      if (self->module != NULL)
        start_compare (self, baseline);
    }
}

static void
start_work (LirscopeSession *self, Work *work)
{
  g_autoptr (GTask) task = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, work_done, NULL);
  g_weak_ref_init (&work->session, self);
  work->context = g_main_context_ref_thread_default ();
  work->generation = ++self->generation;
  if (work->options != NULL)
    lir_plan_options_set_progress (work->options, work_progress, work);
  g_task_set_task_data (task, work, (GDestroyNotify)work_free);
  g_task_set_return_on_cancel (task, FALSE);
  set_working (self, TRUE);
  g_task_run_in_thread (task, work_thread);
}

/* The options the controls describe, for a re-plan of the module on screen. */
static LirPlanOptions *
current_options (LirscopeSession *self)
{
  static const LirOpKind boundaries[] = { LIR_OP_INPUT, LIR_OP_CONSTANT };
  LirPlanOptions *options = lir_plan_options_new ();
  LirBufferPlan *plan = lir_module_get_plan (self->module);
  GHashTableIter iter;
  gpointer name, value;

  if (self->strategy != NULL && *self->strategy != '\0')
    lir_plan_options_set_strategy (options, self->strategy);
  if (self->alignment > 0)
    lir_plan_options_set_alignment (options, self->alignment);
  for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
    lir_plan_options_set_allocate (options, boundaries[i], lir_buffer_plan_get_allocates (plan, boundaries[i]));
  lir_plan_options_set_allocate (options, LIR_OP_PARAM, self->params_in_arena);
  g_hash_table_iter_init (&iter, self->bindings);
  while (g_hash_table_iter_next (&iter, &name, &value))
    lir_plan_options_bind (options, name, *(guint64 *)value);
  return options;
}

static void
start_load (LirscopeSession *self, gboolean keep_view)
{
  Work *work = g_new0 (Work, 1);

  work->file = g_object_ref (self->file);
  /* After the user re-planned, a reload keeps their choices. */
  work->options = self->user_planned && self->module != NULL ? current_options (self) : NULL;
  work->default_strategy = g_strdup (self->default_strategy);
  work->keep_view = keep_view;
  start_work (self, work);
}

static void
start_compare (LirscopeSession *self, GFile *baseline)
{
  Work *work = g_new0 (Work, 1);

  g_set_object (&self->baseline_file, baseline);
  work->file = g_object_ref (baseline);
  work->default_strategy = g_strdup (self->default_strategy);
  work->baseline = TRUE;
  start_work (self, work);
}

/* ---- the file on disk ----------------------------------------------------------------- */

static gboolean
reload_timeout (gpointer user_data)
{
  LirscopeSession *self = user_data;

  self->reload_source = 0;
  if (self->file != NULL)
    start_load (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Debounced: a writer's burst of events gives one reload after it stops. */
static void
on_file_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                 LirscopeSession *self)
{
  gboolean was_busy = lirscope_session_get_busy (self);

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      {
        g_autofree char *name = g_file_get_parse_name (self->file);
        g_autofree char *message =
          g_strdup_printf (_("%s was removed. Showing the last good plan; it reloads when the file is back."),
                           name);

        set_error (self, message);
        return;
      }
    case G_FILE_MONITOR_EVENT_RENAMED:
      if (other == NULL || !g_file_equal (other, self->file))
        return;
      break;
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;
    default:
      break;
    }
  if (self->reload_source != 0)
    g_source_remove (self->reload_source);
  self->reload_source = g_timeout_add (RELOAD_DEBOUNCE_MS, reload_timeout, self);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
watch_file (LirscopeSession *self)
{
  g_autoptr (GError) error = NULL;

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_warning ("cannot watch the file for changes: %s", error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

/* ---- methods -------------------------------------------------------------------------- */

/**
 * lirscope_session_open:
 * @self: a session
 * @file: a plan, graph or buffer list
 *
 * Loads and (if needed) plans @file in the background, and watches it: the
 * plan reloads whenever the file changes.
 */
void
lirscope_session_open (LirscopeSession *self, GFile *file)
{
  g_return_if_fail (G_IS_FILE (file));
  g_set_object (&self->file, file);
  self->user_planned = FALSE;
  watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  start_load (self, FALSE);
}

void
lirscope_session_reload (LirscopeSession *self)
{
  if (self->file != NULL)
    start_load (self, TRUE);
}

/**
 * lirscope_session_compare:
 * @self: a session showing a plan
 * @baseline: (nullable): the plan to compare with, %NULL to stop comparing
 *
 * Loads @baseline in the background and compares the plan on screen with
 * it. Asked while other work is under way, it waits for that work.
 */
void
lirscope_session_compare (LirscopeSession *self, GFile *baseline)
{
  if (baseline == NULL)
    {
      g_clear_object (&self->pending_baseline);
      g_clear_object (&self->baseline_file);
      g_clear_pointer (&self->baseline, lir_module_unref);
      update_diff (self);
      return;
    }
  if (self->n_working > 0 || self->module == NULL)
    {
      /* Do not cancel a load or plan in flight: compare once it lands. */
      g_set_object (&self->pending_baseline, baseline);
      return;
    }
  start_compare (self, baseline);
}

/* Re-plans the module on screen with the current options. */
void
lirscope_session_replan (LirscopeSession *self)
{
  Work *work;

  if (self->module == NULL)
    return;
  self->user_planned = TRUE;
  work = g_new0 (Work, 1);
  work->module = lir_module_ref (self->module);
  work->options = current_options (self);
  work->keep_view = TRUE;
  work->replan = TRUE;
  start_work (self, work);
}

/**
 * lirscope_session_cancel:
 * @self: a session
 *
 * Stops the load or plan under way; the plan on screen stays and the
 * options go back to the ones it was made with.
 *
 * Returns: %TRUE if there was work to stop
 */
gboolean
lirscope_session_cancel (LirscopeSession *self)
{
  if (self->n_working == 0 || self->cancellable == NULL)
    return FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pending_baseline);
  return TRUE;
}

/* Selects a node with a slot, or nothing for %LIR_NO_NODE or a node without one. */
void
lirscope_session_select (LirscopeSession *self, guint32 node)
{
  if (self->module == NULL || !node_has_slot (self->module, node))
    node = LIR_NO_NODE;
  if (node == self->selected)
    return;
  self->selected = node;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
lirscope_session_set_cursor_step (LirscopeSession *self, gint64 step)
{
  if (self->renderer == NULL || step < 0 || step >= lir_renderer_get_n_steps (self->renderer))
    step = -1;
  if (step == self->cursor_step)
    return;
  self->cursor_step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_STEP]);
}

void
lirscope_session_clear_error (LirscopeSession *self)
{
  set_error (self, NULL);
}

/* ---- options -------------------------------------------------------------------------- */

const char *
lirscope_session_get_strategy (LirscopeSession *self)
{
  return self->strategy != NULL ? self->strategy : "";
}

/* Asks for a re-plan with @strategy ("" keeps the file's plan). */
void
lirscope_session_set_strategy (LirscopeSession *self, const char *strategy)
{
  if (self->module == NULL || g_strcmp0 (strategy, self->strategy) == 0)
    return;
  g_free (self->strategy);
  self->strategy = g_strdup (strategy);
  lirscope_session_replan (self);
}

guint64
lirscope_session_get_alignment (LirscopeSession *self)
{
  return self->alignment;
}

void
lirscope_session_set_alignment (LirscopeSession *self, guint64 alignment)
{
  if (self->module == NULL || alignment == self->alignment)
    return;
  self->alignment = alignment;
  lirscope_session_replan (self);
}

gboolean
lirscope_session_get_params_in_arena (LirscopeSession *self)
{
  return self->params_in_arena;
}

void
lirscope_session_set_params_in_arena (LirscopeSession *self, gboolean params_in_arena)
{
  if (self->module == NULL || !params_in_arena == !self->params_in_arena)
    return;
  self->params_in_arena = params_in_arena;
  lirscope_session_replan (self);
}

/* Returns: the value @symbol is bound to in the next plan or, while the plan
 *   is held, the value it is measured at; %LIR_NO_VALUE if none */
guint64
lirscope_session_get_binding (LirscopeSession *self, const char *symbol)
{
  const guint64 *value = g_hash_table_lookup (self->measured, symbol);

  if (value == NULL)
    value = g_hash_table_lookup (self->bindings, symbol);
  return value != NULL ? *value : LIR_NO_VALUE;
}

/* Returns: the value @symbol is bound to in the plan (held or next), %LIR_NO_VALUE if none */
guint64
lirscope_session_get_plan_binding (LirscopeSession *self, const char *symbol)
{
  const guint64 *value = g_hash_table_lookup (self->bindings, symbol);

  return value != NULL ? *value : LIR_NO_VALUE;
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
      measure_held (self);
      g_signal_emit (self, signals[SIGNAL_OPTIONS_CHANGED], 0);
      return;
    }
  g_hash_table_insert (self->bindings, g_strdup (symbol), g_memdup2 (&value, sizeof value));
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
        g_hash_table_insert (self->bindings, g_strdup (key), g_memdup2 (value, sizeof (guint64)));
      g_hash_table_remove_all (self->measured);
      lirscope_session_replan (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLD_PLAN]);
  g_signal_emit (self, signals[SIGNAL_OPTIONS_CHANGED], 0);
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

/* ---- getters -------------------------------------------------------------------------- */

GFile *
lirscope_session_get_file (LirscopeSession *self)
{
  return self->file;
}

/**
 * lirscope_session_get_module:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the plan on screen
 */
LirModule *
lirscope_session_get_module (LirscopeSession *self)
{
  return self->module;
}

/* Returns: (transfer none) (nullable): how the plan on screen is drawn */
LirRenderer *
lirscope_session_get_renderer (LirscopeSession *self)
{
  return self->renderer;
}

/* Returns: (transfer none) (nullable): the plan's figures, worded */
const LirStatsReport *
lirscope_session_get_report (LirscopeSession *self)
{
  return self->report;
}

/* Returns: (transfer none) (nullable): the plan's buffers by name and op */
const LirSearchIndex *
lirscope_session_get_search_index (LirscopeSession *self)
{
  return self->search_index;
}

GFile *
lirscope_session_get_baseline_file (LirscopeSession *self)
{
  return self->baseline_file;
}

LirModule *
lirscope_session_get_baseline (LirscopeSession *self)
{
  return self->baseline;
}

/* Returns: (transfer none) (nullable): baseline → plan on screen, in compare mode */
const LirPlanDiff *
lirscope_session_get_diff (LirscopeSession *self)
{
  return self->diff;
}

guint32
lirscope_session_get_selected (LirscopeSession *self)
{
  return self->selected;
}

gint64
lirscope_session_get_cursor_step (LirscopeSession *self)
{
  return self->cursor_step;
}

/**
 * lirscope_session_get_progress:
 * @self: a session
 *
 * Returns: (nullable): the planner's last progress line while busy
 */
const char *
lirscope_session_get_progress (LirscopeSession *self)
{
  return self->progress;
}

/* Returns: whether a load, plan or debounced reload is under way */
gboolean
lirscope_session_get_busy (LirscopeSession *self)
{
  return self->n_working > 0 || self->reload_source != 0;
}

/* Returns: (nullable): why the last load or plan failed, %NULL if it did not */
const char *
lirscope_session_get_error (LirscopeSession *self)
{
  return self->error;
}

/* ---- object --------------------------------------------------------------------------- */

static void
lirscope_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LirscopeSession *self = LIRSCOPE_SESSION (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    case PROP_CURSOR_STEP:
      g_value_set_int64 (value, self->cursor_step);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, lirscope_session_get_busy (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_COMPARING:
      g_value_set_boolean (value, self->diff != NULL);
      break;
    case PROP_HOLD_PLAN:
      g_value_set_boolean (value, self->hold_plan);
      break;
    case PROP_PROGRESS:
      g_value_set_string (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lirscope_session_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LirscopeSession *self = LIRSCOPE_SESSION (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      lirscope_session_select (self, g_value_get_uint (value));
      break;
    case PROP_CURSOR_STEP:
      lirscope_session_set_cursor_step (self, g_value_get_int64 (value));
      break;
    case PROP_HOLD_PLAN:
      lirscope_session_set_hold_plan (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lirscope_session_dispose (GObject *object)
{
  LirscopeSession *self = LIRSCOPE_SESSION (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  G_OBJECT_CLASS (lirscope_session_parent_class)->dispose (object);
}

static void
lirscope_session_finalize (GObject *object)
{
  LirscopeSession *self = LIRSCOPE_SESSION (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->module, lir_module_unref);
  g_clear_pointer (&self->renderer, lir_renderer_unref);
  g_clear_pointer (&self->report, lir_stats_report_unref);
  g_clear_pointer (&self->search_index, lir_search_index_unref);
  g_clear_object (&self->baseline_file);
  g_clear_object (&self->pending_baseline);
  g_clear_pointer (&self->baseline, lir_module_unref);
  g_clear_pointer (&self->diff, lir_plan_diff_unref);
  g_clear_pointer (&self->bindings, g_hash_table_unref);
  g_clear_pointer (&self->measured, g_hash_table_unref);
  g_free (self->strategy);
  g_free (self->default_strategy);
  g_free (self->error);
  g_free (self->progress);
  G_OBJECT_CLASS (lirscope_session_parent_class)->finalize (object);
}

static void
lirscope_session_class_init (LirscopeSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lirscope_session_get_property;
  object_class->set_property = lirscope_session_set_property;
  object_class->dispose = lirscope_session_dispose;
  object_class->finalize = lirscope_session_finalize;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] = g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT32, LIR_NO_NODE,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR_STEP] = g_param_spec_int64 ("cursor-step", NULL, NULL, -1, G_MAXINT64, -1,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARING] = g_param_spec_boolean ("comparing", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOLD_PLAN] = g_param_spec_boolean ("hold-plan", NULL, NULL, FALSE,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  /**
   * LirscopeSession:progress:
   *
   * While busy planning, the planner's last progress line (phase, buffers
   * placed, best arena so far), or %NULL.
   */
  properties[PROP_PROGRESS] = g_param_spec_string ("progress", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LirscopeSession::plan-changed:
   * @keep_view: the new plan replaces the same file's (a reload or a
   *   re-plan): views keep their zoom where they can
   */
  signals[SIGNAL_PLAN_CHANGED] =
    g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /* The diff appeared, changed or went away. */
  signals[SIGNAL_DIFF_CHANGED] = g_signal_new ("diff-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The plan options changed: controls show them again. */
  signals[SIGNAL_OPTIONS_CHANGED] = g_signal_new ("options-changed", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A re-plan the user asked for landed (after plan-changed). */
  signals[SIGNAL_REPLANNED] = g_signal_new ("replanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The report changed without a new plan (a held plan measured at other values). */
  signals[SIGNAL_REPORT_CHANGED] = g_signal_new ("report-changed", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lirscope_session_init (LirscopeSession *self)
{
  self->selected = LIR_NO_NODE;
  self->cursor_step = -1;
  self->bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->measured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->default_strategy = g_strdup ("auto");
}

LirscopeSession *
lirscope_session_new (void)
{
  return g_object_new (LIRSCOPE_TYPE_SESSION, NULL);
}
