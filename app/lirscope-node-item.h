/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-node-item.h: one row of the sidebar's lists: a node, a title, a subtitle. */
#pragma once

#include <gtk/gtk.h>

#include "lir.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_NODE_ITEM (lirscope_node_item_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeNodeItem, lirscope_node_item, LIRSCOPE, NODE_ITEM, GObject)

LirscopeNodeItem   *lirscope_node_item_new          (guint32     node,
                                                     const char *title,
                                                     const char *subtitle);
LirscopeNodeItem   *lirscope_node_item_new_for_node (LirModule  *module,
                                                     guint32     node);
guint32             lirscope_node_item_get_node     (LirscopeNodeItem *self);
const char         *lirscope_node_item_get_title    (LirscopeNodeItem *self);
const char         *lirscope_node_item_get_subtitle (LirscopeNodeItem *self);
GtkListItemFactory *lirscope_node_item_factory_new  (void);

G_END_DECLS
