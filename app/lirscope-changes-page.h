/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-changes-page.h: compare mode's list of what changed from the baseline. */
#pragma once

#include "lirscope-page.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_CHANGES_PAGE (lirscope_changes_page_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeChangesPage, lirscope_changes_page, LIRSCOPE, CHANGES_PAGE, LirscopePage)


G_END_DECLS
