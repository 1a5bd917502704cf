/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-changes-page.h: compare mode's list of what changed from the baseline. */
#pragma once

#include <gtk/gtk.h>

#include "lirscope-session.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_CHANGES_PAGE (lirscope_changes_page_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeChangesPage, lirscope_changes_page, LIRSCOPE, CHANGES_PAGE, GtkWidget)

void        lirscope_changes_page_set_session (LirscopeChangesPage *self,
                                               LirscopeSession     *session);
GListModel *lirscope_changes_page_get_model   (LirscopeChangesPage *self);
void        lirscope_changes_page_select      (LirscopeChangesPage *self,
                                               guint                index);
const char *lirscope_changes_page_get_summary (LirscopeChangesPage *self);

G_END_DECLS
