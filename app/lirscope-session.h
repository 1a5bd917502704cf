/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-session.h: what the user is looking at, and the work that changes it. */
#pragma once

#include <gio/gio.h>

#include "lir.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_SESSION (lirscope_session_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeSession, lirscope_session, LIRSCOPE, SESSION, GObject)

LirscopeSession      *lirscope_session_new                  (void);

void                  lirscope_session_open                 (LirscopeSession *self,
                                                             GFile           *file);
void                  lirscope_session_reload               (LirscopeSession *self);
void                  lirscope_session_compare              (LirscopeSession *self,
                                                             GFile           *baseline);
void                  lirscope_session_replan               (LirscopeSession *self);
void                  lirscope_session_find_order           (LirscopeSession *self);
gboolean              lirscope_session_cancel               (LirscopeSession *self);
void                  lirscope_session_select               (LirscopeSession *self,
                                                             guint32          node);
void                  lirscope_session_set_cursor_step      (LirscopeSession *self,
                                                             gint64           step);
void                  lirscope_session_clear_error          (LirscopeSession *self);

GFile                *lirscope_session_get_file             (LirscopeSession *self);
LirModule            *lirscope_session_get_module           (LirscopeSession *self);
LirRenderer          *lirscope_session_get_renderer         (LirscopeSession *self);
const LirStatsReport *lirscope_session_get_report           (LirscopeSession *self);
const LirSearchIndex *lirscope_session_get_search_index     (LirscopeSession *self);
GFile                *lirscope_session_get_baseline_file    (LirscopeSession *self);
LirModule            *lirscope_session_get_baseline         (LirscopeSession *self);
const LirPlanDiff    *lirscope_session_get_diff             (LirscopeSession *self);
LirOrderReport       *lirscope_session_get_order            (LirscopeSession *self);
LirOrderReport       *lirscope_session_get_reordering       (LirscopeSession *self);
guint32               lirscope_session_get_selected         (LirscopeSession *self);
gint64                lirscope_session_get_cursor_step      (LirscopeSession *self);
gboolean              lirscope_session_get_busy             (LirscopeSession *self);
const char           *lirscope_session_get_error            (LirscopeSession *self);
const char           *lirscope_session_get_progress         (LirscopeSession *self);

/* Plan options: what the next re-plan asks for. */
const char           *lirscope_session_get_strategy         (LirscopeSession *self);
void                  lirscope_session_set_strategy         (LirscopeSession *self,
                                                             const char      *strategy);
guint64               lirscope_session_get_alignment        (LirscopeSession *self);
void                  lirscope_session_set_alignment        (LirscopeSession *self,
                                                             guint64          alignment);
gboolean              lirscope_session_get_params_in_arena  (LirscopeSession *self);
void                  lirscope_session_set_params_in_arena  (LirscopeSession *self,
                                                             gboolean         params_in_arena);
guint64               lirscope_session_get_binding          (LirscopeSession *self,
                                                             const char      *symbol);
void                  lirscope_session_set_binding          (LirscopeSession *self,
                                                             const char      *symbol,
                                                             guint64          value);
guint64               lirscope_session_get_plan_binding     (LirscopeSession *self,
                                                             const char      *symbol);
gboolean              lirscope_session_get_hold_plan        (LirscopeSession *self);
void                  lirscope_session_set_hold_plan        (LirscopeSession *self,
                                                             gboolean         hold);
const char           *lirscope_session_get_default_strategy (LirscopeSession *self);
void                  lirscope_session_set_default_strategy (LirscopeSession *self,
                                                             const char      *strategy);
void                  lirscope_session_set_default_params_in_arena (LirscopeSession *self,
                                                                    gboolean         params_in_arena);

G_END_DECLS
