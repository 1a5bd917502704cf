/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-search-page.h: find buffers by name or op. */
#pragma once

#include "lirscope-page.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_SEARCH_PAGE (lirscope_search_page_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeSearchPage, lirscope_search_page, LIRSCOPE, SEARCH_PAGE, LirscopePage)

void        lirscope_search_page_focus       (LirscopeSearchPage *self);

G_END_DECLS
