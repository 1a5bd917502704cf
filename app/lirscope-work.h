/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-work.h: one load or re-plan of a session, run on a worker thread. */
#pragma once

#include <gio/gio.h>

#include "lir.h"

G_BEGIN_DECLS

/* Shows a progress line on the session's thread, if @generation is still
 * the work under way there. */
typedef void (*LirscopeWorkShowProgress) (GObject *session, guint generation, const char *text);

typedef struct
{
  GFile *file;             /* load: the file to read */
  LirModule *module;       /* re-plan: the module; on success, the result */
  LirPlanOptions *options; /* how to plan; NULL keeps a file's plan */
  char *default_strategy;  /* for graphs that come without a plan */
  gboolean default_params; /* whether such graphs plan their params in the arena */
  gboolean keep_view;      /* the result replaces the same file's plan */
  gboolean opening;        /* another file: on success it becomes the session's */
  gboolean baseline;       /* the result is the baseline to compare with */
  gboolean replan;         /* the user asked for a new plan */
  gboolean find_order;     /* the user asked for a lower-peak order of the module */
  /* Results, built off the session's thread. */
  LirRenderer *renderer;
  LirStatsReport *report;
  LirSearchIndex *search_index;
  LirOrderReport *order;   /* whether another order lowers the peak, if it was looked at */
  LirOrderReport *search;  /* find_order: the search the user asked for */
  LirModule *before;       /* find_order: the module it started from, if an order was lower */
  /* Progress, posted from the worker to the session's thread. */
  GWeakRef session;
  GMainContext *context;
  LirscopeWorkShowProgress show_progress;
  guint generation;
  gint64 last_progress_us;
} LirscopeWork;

LirscopeWork *lirscope_work_new_load   (GFile          *file,
                                        LirPlanOptions *options,
                                        const char     *default_strategy);
LirscopeWork *lirscope_work_new_replan (LirModule      *module,
                                        LirPlanOptions *options);
LirscopeWork *lirscope_work_new_find_order (LirModule      *module,
                                            LirPlanOptions *options);
void          lirscope_work_free       (LirscopeWork   *work);
void          lirscope_work_report_to  (LirscopeWork             *work,
                                        GObject                  *session,
                                        guint                     generation,
                                        LirscopeWorkShowProgress  show_progress);
void          lirscope_work_run        (GTask        *task,
                                        gpointer      source,
                                        gpointer      task_data,
                                        GCancellable *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirscopeWork, lirscope_work_free)

G_END_DECLS
