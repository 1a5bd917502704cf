/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-search-page.c: the Search page: buffers whose name or op contains
 * the text, found through core's search index as the user types; Enter or a
 * click emits ::node-activated for the window to select and frame it.
 */
#include "lirscope-search-page-private.h"

#include <glib/gi18n.h>

#include "lirscope-node-item.h"

#define MAX_ROWS 10000

struct _LirscopeSearchPage
{
  LirscopePage parent_instance;

  GtkSearchEntry *search_entry;
  GtkLabel *status_label;
  GtkListView *list_view;

  GListStore *results;
};

G_DEFINE_FINAL_TYPE (LirscopeSearchPage, lirscope_search_page, LIRSCOPE_TYPE_PAGE)

/**
 * lirscope_search_page_search:
 * @self: a search page
 * @text: part of a name or op name, any case
 *
 * Lists the buffers that match (the first 10,000).
 *
 * Returns: how many buffers match in all
 */
guint
lirscope_search_page_search (LirscopeSearchPage *self, const char *text)
{
  const LirSearchIndex *index =
    lirscope_page_get_session (LIRSCOPE_PAGE (self)) != NULL
      ? lirscope_session_get_search_index (lirscope_page_get_session (LIRSCOPE_PAGE (self)))
      : NULL;
  LirModule *module = lirscope_page_get_session (LIRSCOPE_PAGE (self)) != NULL
                        ? lirscope_session_get_module (lirscope_page_get_session (LIRSCOPE_PAGE (self)))
                        : NULL;
  g_autoptr (GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *status = NULL;
  guint matches = 0;

  /* The entry shows what was searched for; its delayed search-changed finds the same. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  if (index != NULL && *text != '\0')
    matches = lir_search_index_find (index, text, MAX_ROWS, nodes);
  for (guint i = 0; i < nodes->len; i++)
    g_ptr_array_add (items, lirscope_node_item_new_for_node (module, g_array_index (nodes, guint32, i)));
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
  if (*text == '\0' || index == NULL)
    status = g_strdup ("");
  else if (matches > nodes->len)
    status = g_strdup_printf (_ ("%u matches, the first %u shown"), matches, nodes->len);
  else
    status = g_strdup_printf (ngettext ("%u match", "%u matches", matches), matches);
  gtk_label_set_text (self->status_label, status);
  return matches;
}

void
lirscope_search_page_activate (LirscopeSearchPage *self, guint index)
{
  g_autoptr (LirscopeNodeItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), index);

  if (item != NULL)
    lirscope_page_activate_node (LIRSCOPE_PAGE (self), lirscope_node_item_get_node (item));
}

void
lirscope_search_page_focus (LirscopeSearchPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Returns: (transfer none): the buffers listed (#LirscopeNodeItem) */
GListModel *
lirscope_search_page_get_model (LirscopeSearchPage *self)
{
  return G_LIST_MODEL (self->results);
}

const char *
lirscope_search_page_get_status (LirscopeSearchPage *self)
{
  return gtk_label_get_text (self->status_label);
}

static void
on_search_changed (GtkSearchEntry *entry, LirscopeSearchPage *self)
{
  lirscope_search_page_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_entry_activate (GtkSearchEntry *entry, LirscopeSearchPage *self)
{
  lirscope_search_page_activate (self, 0);
}

static void
on_row_activated (GtkListView *view, guint position, LirscopeSearchPage *self)
{
  lirscope_search_page_activate (self, position);
}

static void
on_plan_changed (LirscopeSession *session, gboolean keep_view, LirscopeSearchPage *self)
{
  on_search_changed (self->search_entry, self);
}

static void
lirscope_search_page_session_changed (LirscopePage *page, LirscopeSession *session)
{
  LirscopeSearchPage *self = LIRSCOPE_SEARCH_PAGE (page);

  g_signal_connect_object (session, "plan-changed", G_CALLBACK (on_plan_changed), self, 0);
}

static void
lirscope_search_page_dispose (GObject *object)
{
  LirscopeSearchPage *self = LIRSCOPE_SEARCH_PAGE (object);

  g_clear_object (&self->results);
  G_OBJECT_CLASS (lirscope_search_page_parent_class)->dispose (object);
}

static void
lirscope_search_page_class_init (LirscopeSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lirscope_search_page_dispose;
  LIRSCOPE_PAGE_CLASS (klass)->session_changed = lirscope_search_page_session_changed;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lirscope/Lirscope/lirscope-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LirscopeSearchPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LirscopeSearchPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopeSearchPage, list_view);
}

static void
lirscope_search_page_init (LirscopeSearchPage *self)
{
  g_autoptr (GtkListItemFactory) factory = lirscope_node_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->results = g_list_store_new (LIRSCOPE_TYPE_NODE_ITEM);
  {
    g_autoptr (GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  }
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_row_activated), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
}
