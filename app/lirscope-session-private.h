/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-session-private.h: the session's state, shared by its files. */
#pragma once

#include "lirscope-file-watch.h"
#include "lirscope-plan-request.h"
#include "lirscope-session.h"

G_BEGIN_DECLS

struct _LirscopeSession
{
  GObject parent_instance;

  GFile *file;
  LirModule *module;
  LirRenderer *renderer;
  LirStatsReport *report;
  LirSearchIndex *search_index;
  LirOrderReport *order;      /* whether another order lowers the peak; NULL if not looked at */
  LirOrderReport *reordering; /* the search that made the plan on screen from the baseline, or NULL */

  GFile *baseline_file;
  LirModule *baseline;
  LirPlanDiff *diff;
  GFile *pending_baseline; /* asked for while work was under way */

  guint32 selected;
  gint64 cursor_step;

  LirscopeFileWatch *watch;
  GCancellable *cancellable;
  guint n_working;
  guint generation; /* of the work under way: progress from older work is stale */
  char *progress;   /* the planner's last progress line while busy, or NULL */
  char *error;

  /* What the next re-plan asks for: the plan on screen's, until the user
   * changes one; and the held plan's values. */
  LirscopePlanRequest *request;
  gboolean user_planned;
  char *default_strategy;
  gboolean default_params; /* params in the arena for graphs without a plan */
};

void lirscope_session_measure_held    (LirscopeSession *self);
void lirscope_session_options_changed (LirscopeSession *self,
                                       gboolean         hold_changed);

G_END_DECLS
