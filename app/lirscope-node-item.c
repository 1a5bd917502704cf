/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-node-item.c: the item and row factory every sidebar list shares.
 *
 * Search results, changes and the Buffer page's links are all "a node, what
 * it is called, a line about it"; one item type and one factory draw them
 * the same way in every GtkListView.
 */
#include "lirscope-node-item.h"
#include "lir-private.h"

struct _LirscopeNodeItem
{
  GObject parent_instance;
  guint32 node;
  char *title;
  char *subtitle;
};

G_DEFINE_FINAL_TYPE (LirscopeNodeItem, lirscope_node_item, G_TYPE_OBJECT)

static void
lirscope_node_item_finalize (GObject *object)
{
  LirscopeNodeItem *self = LIRSCOPE_NODE_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);
  G_OBJECT_CLASS (lirscope_node_item_parent_class)->finalize (object);
}

static void
lirscope_node_item_class_init (LirscopeNodeItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lirscope_node_item_finalize;
}

static void
lirscope_node_item_init (LirscopeNodeItem *self)
{
  self->node = LIR_NO_NODE;
}

/**
 * lirscope_node_item_new:
 * @node: the node a click selects, or %LIR_NO_NODE
 * @title: the first line
 * @subtitle: (nullable): the second, dimmed
 *
 * Returns: (transfer full): a new item
 */
LirscopeNodeItem *
lirscope_node_item_new (guint32 node, const char *title, const char *subtitle)
{
  LirscopeNodeItem *self = g_object_new (LIRSCOPE_TYPE_NODE_ITEM, NULL);

  self->node = node;
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  return self;
}

/**
 * lirscope_node_item_new_for_node:
 * @module: a planned module
 * @node: one of its nodes
 *
 * Returns: (transfer full): the node's label, with its op and its bytes
 */
LirscopeNodeItem *
lirscope_node_item_new_for_node (LirModule *module, guint32 node)
{
  LirGraph *graph = lir_module_get_graph (module);
  const LirBufferSlot *slot = lir_buffer_plan_get_slot (lir_module_get_plan (module), node);
  g_autofree char *bytes = slot != NULL ? lir_format_bytes (slot->size) : NULL;
  g_autofree char *subtitle = NULL;
  char scratch[LIR_SHORT_NAME_SIZE];

  subtitle = g_strdup_printf ("%s%s%s", lir_graph_get_node_op_label (graph, node), bytes != NULL ? " · " : "",
                              bytes != NULL ? bytes : "");
  return lirscope_node_item_new (slot != NULL ? node : LIR_NO_NODE,
                                 lir_graph_get_node_short_label (graph, node, scratch), subtitle);
}

guint32
lirscope_node_item_get_node (LirscopeNodeItem *self)
{
  return self->node;
}

const char *
lirscope_node_item_get_title (LirscopeNodeItem *self)
{
  return self->title;
}

const char *
lirscope_node_item_get_subtitle (LirscopeNodeItem *self)
{
  return self->subtitle;
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  LirscopeNodeItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);

  gtk_label_set_text (GTK_LABEL (title), item->title);
  gtk_label_set_text (GTK_LABEL (subtitle), item->subtitle != NULL ? item->subtitle : "");
  gtk_widget_set_visible (subtitle, item->subtitle != NULL && *item->subtitle != '\0');
  gtk_widget_set_tooltip_text (box, item->title);
  gtk_list_item_set_activatable (list_item, item->node != LIR_NO_NODE);
}

/* Returns: (transfer full): the factory for lists of #LirscopeNodeItem */
GtkListItemFactory *
lirscope_node_item_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  return factory;
}
