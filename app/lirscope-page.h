/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-page.h: what every page of the window shares. */
#pragma once

#include <gtk/gtk.h>

#include "lirscope-session.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_PAGE (lirscope_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (LirscopePage, lirscope_page, LIRSCOPE, PAGE, GtkWidget)

/**
 * LirscopePageClass:
 * @session_changed: the page was given its session: connect to its signals
 *   and show what it holds
 *
 * A page of the window: it shows part of a session and can ask the window
 * to select and frame a buffer (::node-activated). The base class holds
 * the session, disposes the page's template and unparents its children.
 */
struct _LirscopePageClass
{
  GtkWidgetClass parent_class;

  void (*session_changed) (LirscopePage    *self,
                           LirscopeSession *session);
};

LirscopeSession *lirscope_page_get_session   (LirscopePage    *self);
void             lirscope_page_set_session   (LirscopePage    *self,
                                              LirscopeSession *session);
void             lirscope_page_activate_node (LirscopePage    *self,
                                              guint32          node);

G_END_DECLS
