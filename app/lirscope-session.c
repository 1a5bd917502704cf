/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-session.c: the open plan, its baseline and the work that replaces them.
 *
 * The session owns the model of one window: the module on screen with what
 * core/ builds for it (renderer, statistics report, search index), the
 * baseline and the diff in compare mode, the plan options the next re-plan
 * asks for, the selection and the cursor step, whether work is under way and
 * the last error. Loading, re-planning and reloading run in a GTask thread
 * (lirscope-work.c) that builds all of that; only a success replaces what
 * is on screen, so a bad file or a failed plan leaves the last good plan
 * with an error saying why. The session never touches a widget: widgets
 * bind to its properties and signals.
 *
 * The plan options the controls show are a LirscopePlanRequest
 * (lirscope-plan-request.c): the plan on screen's whenever a plan lands or
 * work is cancelled, changed by the user, and kept when a re-plan fails so
 * that what the user asked for is still there to adjust.
 */
#include "lirscope-session-private.h"
#include "lirscope-work.h"
#include "lir-private.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (LirscopeSession, lirscope_session, G_TYPE_OBJECT)

enum
{
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

enum
{
  SIGNAL_PLAN_CHANGED,
  SIGNAL_DIFF_CHANGED,
  SIGNAL_OPTIONS_CHANGED,
  SIGNAL_REPLANNED,
  SIGNAL_REPORT_CHANGED,
  SIGNAL_ORDER_SEARCHED,
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
  lirscope_plan_request_follow (self->request, self->module);
  g_signal_emit (self, signals[SIGNAL_OPTIONS_CHANGED], 0);
}

/* While the plan is held: the report measures the plan on screen at the
 * values moved to. A value the plan cannot hold is refused with the
 * reason, and the spin goes back. */
void
lirscope_session_measure_held (LirscopeSession *self)
{
  g_autoptr (GError) error = NULL;

  if (self->report == NULL)
    return;
  if (!lirscope_plan_request_measure (self->request, self->report, &error))
    set_error (self, error->message);
  g_signal_emit (self, signals[SIGNAL_REPORT_CHANGED], 0);
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

/* Progress of @generation, on the session's thread: shown while that work
 * is the one under way. */
static void
show_progress (GObject *object, guint generation, const char *text)
{
  LirscopeSession *self = LIRSCOPE_SESSION (object);

  if (generation == self->generation && lirscope_session_get_busy (self))
    set_progress (self, text);
}

static void start_compare (LirscopeSession *self, GFile *baseline);

static void watch_file (LirscopeSession *self);

static void
install (LirscopeSession *self, LirscopeWork *work)
{
  guint32 selected = self->selected;

  /* An opened file becomes the one shown and watched only once it loads. */
  if (work->opening)
    self->user_planned = FALSE;
  if (work->opening && (self->file == NULL || !g_file_equal (self->file, work->file)))
    {
      g_set_object (&self->file, work->file);
      watch_file (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  g_clear_pointer (&self->module, lir_module_unref);
  g_clear_pointer (&self->renderer, lir_renderer_unref);
  g_clear_pointer (&self->report, lir_stats_report_unref);
  g_clear_pointer (&self->search_index, lir_search_index_unref);
  g_clear_pointer (&self->order, lir_order_report_unref);
  self->module = g_steal_pointer (&work->module);
  self->order = g_steal_pointer (&work->order);
  /* A lower-peak order is shown against the order it came from. */
  g_clear_pointer (&self->reordering, lir_order_report_unref);
  if (work->before != NULL)
    {
      self->reordering = g_steal_pointer (&work->search);
      g_clear_object (&self->baseline_file);
      g_clear_pointer (&self->baseline, lir_module_unref);
      self->baseline = g_steal_pointer (&work->before);
    }
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
      g_autofree char *message =
        g_strdup_printf (_ ("This plan is invalid: %u violations (%s). The buffers at fault are outlined in "
                            "red; no efficiency is shown."),
                         (guint)MIN (lir_stats_report_get_n_violations (self->report), G_MAXUINT),
                         ((const LirViolation *)violations->pdata[0])->message);

      set_error (self, message);
    }
  sync_options (self);
  if (!work->keep_view)
    lirscope_plan_request_forget_measured (self->request); /* another file */
  if (lirscope_plan_request_is_measuring (self->request))
    lirscope_session_measure_held (self);
  update_diff (self);
  g_signal_emit (self, signals[SIGNAL_PLAN_CHANGED], 0, work->keep_view);
  /* Always tell: pages rebuild their details for the new plan. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_STEP]);
  if (work->replan)
    g_signal_emit (self, signals[SIGNAL_REPLANNED], 0);
}

static void
report_failure (LirscopeSession *self, LirscopeWork *work, const GError *error)
{
  g_autofree char *message = NULL;

  if (work->baseline)
    message = g_strdup_printf (_ ("Could not open the baseline: %s"), error->message);
  else if (self->module == NULL)
    message = g_strdup_printf (_ ("Could not open the plan: %s"), error->message);
  else if (work->opening)
    message = g_strdup_printf (_ ("Could not open %s. Showing the last good plan."), error->message);
  else if (work->file != NULL)
    /* lir_module_new_from_file's messages start with the path. */
    message = g_strdup_printf (_ ("Could not reload %s. Showing the last good plan."), error->message);
  else
    message = g_strdup_printf (_ ("Could not re-plan: %s. Showing the last good plan."), error->message);
  set_error (self, message);
}

static void
work_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LirscopeSession *self = LIRSCOPE_SESSION (source);
  GTask *task = G_TASK (result);
  LirscopeWork *work = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_error_matches (error, LIR_ERROR, LIR_ERROR_CANCELLED))
        sync_options (self); /* cancelled: the controls go back to what is on screen */
      else
        report_failure (self, work, error); /* the user's options stay, to adjust */
    }
  else if (work->find_order && work->before == NULL)
    {
      /* No lower order: the plan stays; the summary tells. */
      g_clear_pointer (&self->order, lir_order_report_unref);
      self->order = g_steal_pointer (&work->order);
      g_signal_emit (self, signals[SIGNAL_REPORT_CHANGED], 0);
    }
  else if (work->baseline)
    {
      g_clear_pointer (&self->baseline, lir_module_unref);
      self->baseline = g_steal_pointer (&work->module);
      g_clear_pointer (&self->reordering, lir_order_report_unref);
      update_diff (self);
    }
  else
    install (self, work);
  set_working (self, FALSE);
  if (work->find_order && error == NULL)
    g_signal_emit (self, signals[SIGNAL_ORDER_SEARCHED], 0);
  if (self->pending_baseline != NULL && self->n_working == 0)
    {
      g_autoptr (GFile) baseline = g_steal_pointer (&self->pending_baseline);

      if (self->module != NULL)
        start_compare (self, baseline);
    }
}

static void
start_work (LirscopeSession *self, LirscopeWork *work)
{
  g_autoptr (GTask) task = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, work_done, NULL);
  lirscope_work_report_to (work, G_OBJECT (self), ++self->generation, show_progress);
  g_task_set_task_data (task, work, (GDestroyNotify)lirscope_work_free);
  g_task_set_return_on_cancel (task, FALSE);
  set_working (self, TRUE);
  g_task_run_in_thread (task, lirscope_work_run);
}

/* The options the controls describe, for a re-plan of the module on screen. */
static LirPlanOptions *
current_options (LirscopeSession *self)
{
  return lirscope_plan_request_get_options (self->request, self->module);
}

static void
start_load (LirscopeSession *self, gboolean keep_view)
{
  /* After the user re-planned, a reload keeps their choices. */
  LirscopeWork *work =
    lirscope_work_new_load (self->file,
                            self->user_planned && self->module != NULL ? current_options (self) : NULL,
                            self->default_strategy);
  work->default_params = self->default_params;

  work->keep_view = keep_view;
  start_work (self, work);
}

static void
start_compare (LirscopeSession *self, GFile *baseline)
{
  LirscopeWork *work = lirscope_work_new_load (baseline, NULL, self->default_strategy);

  work->default_params = self->default_params;

  g_set_object (&self->baseline_file, baseline);
  work->baseline = TRUE;
  start_work (self, work);
}

/* ---- the file on disk ----------------------------------------------------------------- */

static void
on_file_changed (gpointer user_data)
{
  LirscopeSession *self = user_data;

  start_load (self, TRUE);
}

static void
on_file_removed (gpointer user_data)
{
  LirscopeSession *self = user_data;
  g_autofree char *name = g_file_get_parse_name (self->file);
  g_autofree char *message =
    g_strdup_printf (_ ("%s was removed. Showing the last good plan; it reloads when the file is back."),
                     name);

  set_error (self, message);
}

/* A reload is due: the session is busy from now on. */
static void
on_reload_pending (gpointer user_data)
{
  LirscopeSession *self = user_data;

  if (self->n_working == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
watch_file (LirscopeSession *self)
{
  static const LirscopeFileWatchFuncs funcs = { on_file_changed, on_file_removed, on_reload_pending };

  g_clear_pointer (&self->watch, lirscope_file_watch_free);
  self->watch = lirscope_file_watch_new (self->file, &funcs, self);
}

/* ---- methods -------------------------------------------------------------------------- */

/**
 * lirscope_session_open:
 * @self: a session
 * @file: a plan, graph or buffer list
 *
 * Loads and (if needed) plans @file in the background, and watches it: the
 * plan reloads whenever the file changes. If it cannot be read while a
 * plan is shown, that plan, its file and its watch stay.
 */
void
lirscope_session_open (LirscopeSession *self, GFile *file)
{
  LirscopeWork *work;

  g_return_if_fail (G_IS_FILE (file));
  /* With nothing on screen the file is the session's at once, so that a
   * reload retries it; otherwise only once it has loaded: a file that
   * fails leaves the last good plan, its file and its watch. */
  if (self->module == NULL)
    {
      g_set_object (&self->file, file);
      watch_file (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  work = lirscope_work_new_load (file, NULL, self->default_strategy);
  work->default_params = self->default_params;
  work->opening = TRUE;
  start_work (self, work);
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
      g_clear_pointer (&self->reordering, lir_order_report_unref);
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
  LirscopeWork *work;

  if (self->module == NULL)
    return;
  self->user_planned = TRUE;
  work = lirscope_work_new_replan (self->module, current_options (self));
  work->keep_view = TRUE;
  work->replan = TRUE;
  start_work (self, work);
}

/**
 * lirscope_session_find_order:
 * @self: a session
 *
 * Looks for an execution order with a lower peak, with the current
 * options. A lower order replaces the plan on screen, compared with the
 * plan it came from (its moves on the Changes page); either way the
 * verdict is lirscope_session_get_order ()'s.
 */
void
lirscope_session_find_order (LirscopeSession *self)
{
  LirscopeWork *work;

  if (self->module == NULL || lir_module_is_buffer_only (self->module))
    return;
  work = lirscope_work_new_find_order (self->module, current_options (self));
  work->keep_view = TRUE;
  start_work (self, work);
  set_progress (self, _ ("Looking for an execution order with a lower peak…"));
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

/* Tells the controls that the options changed (lirscope-session-options.c). */
void
lirscope_session_options_changed (LirscopeSession *self, gboolean hold_changed)
{
  if (hold_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLD_PLAN]);
  g_signal_emit (self, signals[SIGNAL_OPTIONS_CHANGED], 0);
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

/* Returns: (transfer none) (nullable): whether another order of the plan on
 *   screen lowers its peak, or %NULL if that was not looked at */
LirOrderReport *
lirscope_session_get_order (LirscopeSession *self)
{
  return self->order;
}

/* Returns: (transfer none) (nullable): the search that made the plan on
 *   screen, a lower-peak order of the baseline, or %NULL */
LirOrderReport *
lirscope_session_get_reordering (LirscopeSession *self)
{
  return self->baseline != NULL ? self->reordering : NULL;
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
  return self->n_working > 0 || lirscope_file_watch_is_pending (self->watch);
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
      g_value_set_boolean (value, lirscope_plan_request_get_hold (self->request));
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
  g_clear_pointer (&self->watch, lirscope_file_watch_free);
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
  g_clear_pointer (&self->order, lir_order_report_unref);
  g_clear_pointer (&self->reordering, lir_order_report_unref);
  g_clear_object (&self->baseline_file);
  g_clear_object (&self->pending_baseline);
  g_clear_pointer (&self->baseline, lir_module_unref);
  g_clear_pointer (&self->diff, lir_plan_diff_unref);
  g_clear_pointer (&self->request, lirscope_plan_request_free);
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

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT32, LIR_NO_NODE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR_STEP] =
    g_param_spec_int64 ("cursor-step", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOLD_PLAN] =
    g_param_spec_boolean ("hold-plan", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LirscopeSession:progress:
   *
   * While busy planning, the planner's last progress line (phase, buffers
   * placed, best arena so far), or %NULL.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_string ("progress", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LirscopeSession::plan-changed:
   * @keep_view: the new plan replaces the same file's (a reload or a
   *   re-plan): views keep their zoom where they can
   */
  signals[SIGNAL_PLAN_CHANGED] = g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
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
  /* A search the user asked for ended: lirscope_session_get_order () has the verdict. */
  signals[SIGNAL_ORDER_SEARCHED] = g_signal_new ("order-searched", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lirscope_session_init (LirscopeSession *self)
{
  self->selected = LIR_NO_NODE;
  self->cursor_step = -1;
  self->request = lirscope_plan_request_new ();
  self->default_strategy = g_strdup ("auto");
  self->default_params = TRUE; /* as the CLI plans; the window follows its setting */
}

LirscopeSession *
lirscope_session_new (void)
{
  return g_object_new (LIRSCOPE_TYPE_SESSION, NULL);
}
