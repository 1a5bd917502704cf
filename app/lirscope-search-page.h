/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-search-page.h: find buffers by name or op. */
#pragma once

#include <gtk/gtk.h>

#include "lirscope-session.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_SEARCH_PAGE (lirscope_search_page_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeSearchPage, lirscope_search_page, LIRSCOPE, SEARCH_PAGE, GtkWidget)

void        lirscope_search_page_set_session (LirscopeSearchPage *self,
                                              LirscopeSession    *session);
guint       lirscope_search_page_search      (LirscopeSearchPage *self,
                                              const char         *text);
void        lirscope_search_page_activate    (LirscopeSearchPage *self,
                                              guint               index);
void        lirscope_search_page_focus       (LirscopeSearchPage *self);
GListModel *lirscope_search_page_get_model   (LirscopeSearchPage *self);
const char *lirscope_search_page_get_status  (LirscopeSearchPage *self);

G_END_DECLS
