/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-search-page-private.h: what the GUI tests read of the search page, and drive. */
#pragma once

#include "lirscope-search-page.h"

G_BEGIN_DECLS

void        lirscope_search_page_activate    (LirscopeSearchPage *self,
                                              guint               index);
GListModel *lirscope_search_page_get_model   (LirscopeSearchPage *self);
const char *lirscope_search_page_get_status  (LirscopeSearchPage *self);
guint       lirscope_search_page_search      (LirscopeSearchPage *self,
                                              const char         *text);

G_END_DECLS
