/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-window-private.h: the window's parts, shared with its actions and drag-and-drop. */
#pragma once

#include "lirscope-legend.h"
#include "lirscope-window.h"

G_BEGIN_DECLS

struct _LirscopeWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkSpinner *spinner;
  GtkLabel *progress_label;
  GtkButton *cancel_button;
  GtkWidget *export_button;
  GtkWidget *reload_button;
  GtkToggleButton *sidebar_button;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkWidget *toolbar;
  GtkDropDown *strategy_dropdown;
  GtkDropDown *alignment_dropdown;
  AdwFlap *flap;
  GtkStack *main_stack;
  LirscopeTimeline *timeline;
  LirscopeLegend *legend;
  AdwViewStack *sidebar_stack;
  LirscopeSummaryPage *summary_page;
  LirscopePeakPage *peak_page;
  LirscopeBufferPage *buffer_page;
  LirscopeChangesPage *changes_page;
  LirscopeSearchPage *search_page;
  GtkLabel *status_label;
  GMenu *recent_section;
  GMenu *phases_section;

  GSettings *settings;
  LirscopeSession *session;
  gboolean updating; /* controls are being set from the session */
  /* The export chooser's last choices, offered again. */
  LirRenderFormat export_format;
  gboolean export_visible;
};

void _lirscope_window_class_actions_init (GtkWidgetClass *widget_class);
void _lirscope_window_actions_init       (LirscopeWindow *self);
void _lirscope_window_actions_update     (LirscopeWindow *self);
void _lirscope_window_dnd_init           (LirscopeWindow *self);
GFile *_lirscope_window_get_chooser_folder (LirscopeWindow *self);
void _lirscope_window_toast              (LirscopeWindow *self,
                                          const char     *message);

/* For the GUI tests and the app bench. */
const char          *lirscope_window_get_banner_text  (LirscopeWindow *self);
LirscopeBufferPage  *lirscope_window_get_buffer_page  (LirscopeWindow *self);
LirscopeChangesPage *lirscope_window_get_changes_page (LirscopeWindow *self);
LirscopePeakPage    *lirscope_window_get_peak_page    (LirscopeWindow *self);
LirscopeSearchPage  *lirscope_window_get_search_page  (LirscopeWindow *self);
LirscopeSession     *lirscope_window_get_session      (LirscopeWindow *self);
const char          *lirscope_window_get_shown_strategy (LirscopeWindow *self);
const char          *lirscope_window_get_sidebar_page (LirscopeWindow *self);
LirscopeSummaryPage *lirscope_window_get_summary_page (LirscopeWindow *self);
LirscopeTimeline    *lirscope_window_get_timeline     (LirscopeWindow *self);
void                 lirscope_window_select_strategy  (LirscopeWindow *self,
                                                       const char     *strategy);

G_END_DECLS
