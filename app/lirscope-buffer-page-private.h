/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-buffer-page-private.h: what the GUI tests read of the buffer page, and drive. */
#pragma once

#include "lirscope-buffer-page.h"

G_BEGIN_DECLS

const char *lirscope_buffer_page_get_field   (LirscopeBufferPage  *self,
                                               LirscopeBufferField  field);
GListModel *lirscope_buffer_page_get_links    (LirscopeBufferPage  *self,
                                               LirscopeBufferLinks  links);
const char *lirscope_buffer_page_get_title    (LirscopeBufferPage *self);

G_END_DECLS
