/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-session-private.h: the session's state, shared by lirscope-session.c
 * (loading, work, the object) and lirscope-session-options.c (the options the
 * next re-plan asks for, and the held plan). */
#pragma once

#include "lirscope-session.h"
#include "lirscope-file-watch.h"

G_BEGIN_DECLS

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

  LirscopeFileWatch *watch;
  GCancellable *cancellable;
  guint n_working;
  guint generation;  /* of the work under way: progress from older work is stale */
  char *progress;    /* the planner's last progress line while busy, or NULL */
  char *error;

  /* What the next re-plan asks for: the plan on screen's, until the user
   * changes one. */
  LirPlanOptions *options;
  gboolean hold_plan;    /* moving a symbol measures the plan on screen instead of re-planning */
  GHashTable *measured;  /* symbol -> guint64: values it is measured at, while held */
  gboolean user_planned;
  char *default_strategy;
};

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

extern GParamSpec *lirscope_session_properties[N_PROPS];
extern guint lirscope_session_signals[N_SIGNALS];

void lirscope_session_set_error     (LirscopeSession *self,
                                     const char      *message);
void lirscope_session_sync_options  (LirscopeSession *self);
void lirscope_session_measure_held  (LirscopeSession *self);

G_END_DECLS
