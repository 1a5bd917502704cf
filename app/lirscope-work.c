/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-work.c: one load or re-plan of a session, run on a worker thread.
 *
 * A GTask thread reads the file (or takes the module), plans it when it
 * needs a plan (or looks for a lower-peak order of it), and builds
 * everything the window shows for it: renderer, statistics report, search
 * index, and whether another order would lower the peak. Nothing here touches the session, which
 * installs the results on its own thread once the task returns; progress
 * lines go there through the session's main context, a few a second.
 */
#include "lirscope-work.h"
#include "lir-private.h"

#include <glib/gi18n.h>

/* How often, at most, a progress line is posted. */
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 5)

/* Every plan's order is checked in the background up to this many nodes,
 * within this budget of search states (under 0.1 s on the torchvision
 * models, about 0.5 s when a 3,000-node graph uses it all); larger graphs
 * are searched when the user asks. */
#define CHECK_ORDER_MAX_NODES 3000
#define CHECK_ORDER_BUDGET 100000

LirscopeWork *
lirscope_work_new_load (GFile *file, LirPlanOptions *options, const char *default_strategy)
{
  LirscopeWork *work = g_new0 (LirscopeWork, 1);

  work->file = g_object_ref (file);
  work->options = options;
  work->default_strategy = g_strdup (default_strategy);
  return work;
}

LirscopeWork *
lirscope_work_new_replan (LirModule *module, LirPlanOptions *options)
{
  LirscopeWork *work = g_new0 (LirscopeWork, 1);

  work->module = lir_module_ref (module);
  work->options = options;
  return work;
}

/* The user's "Find a Lower-Peak Order": the search with its whole budget. */
LirscopeWork *
lirscope_work_new_find_order (LirModule *module, LirPlanOptions *options)
{
  LirscopeWork *work = lirscope_work_new_replan (module, options);

  work->find_order = TRUE;
  return work;
}

void
lirscope_work_free (LirscopeWork *work)
{
  g_weak_ref_clear (&work->session);
  g_clear_pointer (&work->context, g_main_context_unref);
  g_clear_object (&work->file);
  g_clear_pointer (&work->module, lir_module_unref);
  g_clear_pointer (&work->options, lir_plan_options_free);
  g_clear_pointer (&work->renderer, lir_renderer_unref);
  g_clear_pointer (&work->report, lir_stats_report_unref);
  g_clear_pointer (&work->search_index, lir_search_index_unref);
  g_clear_pointer (&work->order, lir_order_report_unref);
  g_clear_pointer (&work->search, lir_order_report_unref);
  g_clear_pointer (&work->before, lir_module_unref);
  g_free (work->default_strategy);
  g_free (work);
}

typedef struct
{
  GObject *session;
  LirscopeWorkShowProgress show;
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

  update->show (update->session, update->generation, update->text);
  return G_SOURCE_REMOVE;
}

/* On the worker thread: the line goes to the session's thread. */
static void
work_progress (const LirProgress *progress, gpointer user_data)
{
  LirscopeWork *work = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressUpdate *update;

  if (now - work->last_progress_us < PROGRESS_INTERVAL_US)
    return;
  work->last_progress_us = now;
  update = g_new0 (ProgressUpdate, 1);
  update->session = g_weak_ref_get (&work->session);
  if (update->session == NULL)
    {
      g_free (update);
      return;
    }
  update->show = work->show_progress;
  update->generation = work->generation;
  update->text = lir_format_progress (progress);
  g_main_context_invoke_full (work->context, G_PRIORITY_DEFAULT, apply_progress, update,
                              progress_update_free);
}

/* Called on the session's thread before the work starts: progress will be
 * shown there with @show_progress, as work @generation. */
void
lirscope_work_report_to (LirscopeWork *work, GObject *session, guint generation,
                         LirscopeWorkShowProgress show_progress)
{
  g_weak_ref_init (&work->session, session);
  work->context = g_main_context_ref_thread_default ();
  work->generation = generation;
  work->show_progress = show_progress;
}

/* The options planning uses: the work's own, else (for a graph without a
 * plan) the default strategy; both report progress and can be cancelled. */
static LirPlanOptions *
planning_options (LirscopeWork *work, gboolean needs_plan, GCancellable *cancellable)
{
  if (work->options == NULL && !needs_plan)
    return NULL;
  if (work->options == NULL)
    {
      work->options = lir_plan_options_new ();
      lir_plan_options_set_strategy (work->options, work->default_strategy);
      lir_plan_options_set_allocate (work->options, LIR_OP_PARAM, work->default_params);
    }
  lir_plan_options_set_cancellable (work->options, cancellable);
  if (work->show_progress != NULL)
    lir_plan_options_set_progress (work->options, work_progress, work);
  return work->options;
}

static gboolean
work_load (LirscopeWork *work, GCancellable *cancellable, GError **error)
{
  g_autofree char *path = g_file_get_path (work->file);
  g_autoptr (LirModule) module = NULL;
  LirPlanOptions *options;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _ ("only local files can be opened"));
      return FALSE;
    }
  module = lir_module_new_from_file (path, error);
  if (module == NULL)
    return FALSE;
  /* A graph, or a buffer list without offsets, is planned as the user last
   * chose; a file's own plan stays unless the work says otherwise. */
  options = planning_options (work, lir_module_needs_plan (module), cancellable);
  if (!lir_module_ensure_plan (module, options, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  work->module = g_steal_pointer (&module);
  return TRUE;
}

static gboolean
work_replan (LirscopeWork *work, GCancellable *cancellable, GError **error)
{
  LirModule *planned = lir_module_replan (work->module, planning_options (work, TRUE, cancellable), error);

  if (planned == NULL)
    return FALSE;
  lir_module_unref (work->module);
  work->module = planned;
  return TRUE;
}

/* The search; a lower order's module replaces the work's, which stays as
 * what it started from, and gets its own check. */
static gboolean
work_find_order (LirscopeWork *work, GCancellable *cancellable, GError **error)
{
  work->search = lir_module_find_order (work->module, planning_options (work, TRUE, cancellable), 0, error);
  if (work->search == NULL)
    return FALSE;
  if (lir_order_report_get_best (work->search) != NULL)
    {
      work->before = g_steal_pointer (&work->module);
      work->module = lir_module_ref (lir_order_report_get_best (work->search));
    }
  else
    work->order = lir_order_report_ref (work->search);
  return TRUE;
}

/* The quick check every plan gets, with the options its plan was made with. */
static void
check_order (LirscopeWork *work, GCancellable *cancellable)
{
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();

  if (lir_module_is_buffer_only (work->module)
      || lir_graph_get_n_nodes (lir_module_get_graph (work->module)) > CHECK_ORDER_MAX_NODES)
    return;
  lir_plan_options_set_cancellable (options, cancellable);
  work->order = lir_module_find_order (work->module, options, CHECK_ORDER_BUDGET, NULL);
}

/* A GTaskThreadFunc: the task's data is the work. */
void
lirscope_work_run (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LirscopeWork *work = task_data;
  GError *error = NULL;
  gboolean done;

  if (work->find_order)
    done = work_find_order (work, cancellable, &error);
  else if (work->file != NULL)
    done = work_load (work, cancellable, &error);
  else
    done = work_replan (work, cancellable, &error);
  if (!done)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!work->baseline)
    {
      work->renderer = lir_renderer_new (work->module);
      work->report = lir_stats_report_new (work->module);
      work->search_index = lir_search_index_new (work->module);
      if (work->order == NULL)
        check_order (work, cancellable);
    }
  g_task_return_boolean (task, TRUE);
}
