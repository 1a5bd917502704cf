/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-changes-page-private.h: what the GUI tests read of the changes page, and drive. */
#pragma once

#include "lirscope-changes-page.h"

G_BEGIN_DECLS

GListModel *lirscope_changes_page_get_model   (LirscopeChangesPage *self);
const char *lirscope_changes_page_get_summary (LirscopeChangesPage *self);
void        lirscope_changes_page_select      (LirscopeChangesPage *self,
                                               guint                index);

G_END_DECLS
