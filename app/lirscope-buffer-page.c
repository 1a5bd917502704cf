/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-buffer-page.c: the Buffer page: the selected buffer's op, shape,
 * bytes, offset, lifetime and phase; in compare mode where it was in the
 * baseline; then lists of the buffers related to it (its root, producers,
 * consumers, views, and the buffers that reuse its bytes), each a link that
 * selects that buffer. The related buffers come from core's indexes.
 */
#include "lirscope-buffer-page-private.h"

#include <adwaita.h>
#include "lir-private.h"

#include <glib/gi18n.h>

#include "lirscope-node-item.h"

#define MAX_LINKS 60

enum
{
  BASELINE_CHANGED,
  BASELINE_BYTES,
  BASELINE_OFFSET,
  BASELINE_STEPS,
  N_BASELINE_ROWS
};

struct _LirscopeBufferPage
{
  LirscopePage parent_instance;

  GtkStack *stack;
  GtkBox *content;
  AdwPreferencesGroup *properties_group;
  AdwPreferencesGroup *baseline_group;

  AdwActionRow *fields[LIRSCOPE_N_FIELDS];
  AdwActionRow *baseline_rows[N_BASELINE_ROWS];
  AdwPreferencesGroup *link_groups[LIRSCOPE_N_LINKS];
  GListStore *links[LIRSCOPE_N_LINKS];
  char *title; /* the buffer's label as shown, before markup escaping */
};

G_DEFINE_FINAL_TYPE (LirscopeBufferPage, lirscope_buffer_page, LIRSCOPE_TYPE_PAGE)

static const char *const field_titles[LIRSCOPE_N_FIELDS] = {
  N_ ("Op"),    N_ ("Shape"),        N_ ("Dtype"), N_ ("Bytes"), N_ ("Offset"), N_ ("Steps (first – last)"),
  N_ ("Phase"), N_ ("Made by pass"),
};

static const char *const baseline_titles[N_BASELINE_ROWS] = {
  N_ ("Changed"),
  N_ ("Bytes"),
  N_ ("Offset"),
  N_ ("Steps (first – last)"),
};

static const char *const link_titles[LIRSCOPE_N_LINKS] = {
  N_ ("View Of"),
  N_ ("Producers (Inputs)"),
  N_ ("Consumers"),
  N_ ("Views on It"),
  N_ ("Shares Its Bytes at Other Steps"),
};

static void
set_row (AdwActionRow *row, const char *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL);
  if (value != NULL)
    adw_action_row_set_subtitle (row, value);
}

static void
fill_links (LirscopeBufferPage *self, LirscopeBufferLinks which, const guint32 *nodes, guint n, guint total)
{
  LirModule *module = lirscope_session_get_module (lirscope_page_get_session (LIRSCOPE_PAGE (self)));
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *more = NULL;

  for (guint i = 0; i < MIN (n, MAX_LINKS); i++)
    g_ptr_array_add (items, lirscope_node_item_new_for_node (module, nodes[i]));
  g_list_store_splice (self->links[which], 0, g_list_model_get_n_items (G_LIST_MODEL (self->links[which])),
                       items->pdata, items->len);
  if (total > items->len)
    more = g_strdup_printf (ngettext ("and %u more", "and %u more", total - items->len), total - items->len);
  adw_preferences_group_set_description (self->link_groups[which], more);
  gtk_widget_set_visible (GTK_WIDGET (self->link_groups[which]), items->len > 0);
}

static void
update_baseline (LirscopeBufferPage *self, guint32 node)
{
  const LirPlanDiff *diff = lirscope_session_get_diff (lirscope_page_get_session (LIRSCOPE_PAGE (self)));
  const LirBufferChange *change = diff != NULL ? lir_plan_diff_find_change_for_b (diff, node) : NULL;
  g_autofree char *what = NULL, *bytes = NULL, *offset = NULL, *steps = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->baseline_group), change != NULL);
  if (change == NULL)
    return;
  what = lir_buffer_change_describe (change);
  if (change->node_a != LIR_NO_NODE && change->size_a > 0)
    {
      bytes = lir_format_bytes_exact (change->size_a);
      offset = lir_format_byte_range (change->offset_a, change->size_a);
      steps = lir_format_step_range (change->first_a, change->last_a);
    }
  set_row (self->baseline_rows[BASELINE_CHANGED], what);
  set_row (self->baseline_rows[BASELINE_BYTES], bytes);
  set_row (self->baseline_rows[BASELINE_OFFSET], offset);
  set_row (self->baseline_rows[BASELINE_STEPS], steps);
}

static void
update (LirscopeBufferPage *self)
{
  LirModule *module = lirscope_session_get_module (lirscope_page_get_session (LIRSCOPE_PAGE (self)));
  guint32 node = lirscope_session_get_selected (lirscope_page_get_session (LIRSCOPE_PAGE (self)));
  LirGraph *graph;
  LirBufferPlan *plan;
  LirRenderer *renderer;
  const LirBufferSlot *slot;
  const LirLifetime *life;
  const guint32 *nodes;
  guint n;
  g_autofree char *shape = NULL, *bytes = NULL, *offset = NULL, *steps = NULL, *title = NULL;
  g_autoptr (GArray) sharers = g_array_new (FALSE, FALSE, sizeof (guint32));
  gboolean buffer_only;
  char scratch[LIR_SHORT_NAME_SIZE];

  if (module == NULL || node == LIR_NO_NODE)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "buffer");
  graph = lir_module_get_graph (module);
  plan = lir_module_get_plan (module);
  renderer = lirscope_session_get_renderer (lirscope_page_get_session (LIRSCOPE_PAGE (self)));
  slot = lir_buffer_plan_get_slot (plan, node);
  life = lir_buffer_plan_get_lifetime (plan, node);
  buffer_only = lir_module_is_buffer_only (module);

  /* A group's title is Pango markup; a name is not. */
  g_free (self->title);
  self->title = g_strdup (lir_graph_get_node_short_label (graph, node, scratch));
  title = g_markup_escape_text (self->title, -1);
  adw_preferences_group_set_title (self->properties_group, title);
  if (!buffer_only)
    shape = lir_graph_format_node_shape (graph, node);
  bytes = lir_format_bytes_exact (slot->size);
  offset = lir_format_byte_range (slot->offset, slot->size);
  steps = lir_format_step_range (life->first_step, life->last_step);
  set_row (self->fields[LIRSCOPE_FIELD_OP], lir_graph_get_node_op_label (graph, node));
  set_row (self->fields[LIRSCOPE_FIELD_SHAPE], shape);
  set_row (self->fields[LIRSCOPE_FIELD_DTYPE],
           buffer_only ? NULL : lir_dtype_to_string (lir_graph_get_node_dtype (graph, node)));
  set_row (self->fields[LIRSCOPE_FIELD_BYTES], bytes);
  set_row (self->fields[LIRSCOPE_FIELD_OFFSET], offset);
  set_row (self->fields[LIRSCOPE_FIELD_STEPS], steps);
  set_row (self->fields[LIRSCOPE_FIELD_PHASE],
           lir_buffer_plan_get_phase (plan, node) != LIR_PHASE_NONE
             ? _ (lir_phase_get_label (lir_buffer_plan_get_phase (plan, node)))
             : NULL);
  set_row (self->fields[LIRSCOPE_FIELD_ORIGIN], lir_graph_get_node_origin (graph, node));
  update_baseline (self, node);

  if (lir_buffer_plan_is_view (plan, node))
    {
      const LirViewAlias *alias = lir_buffer_plan_get_view_alias (plan, node);
      g_autofree char *at = lir_format_count (alias->byte_offset);
      g_autofree char *view_title = g_strdup_printf (_ ("View Of (at +%s B)"), at);

      adw_preferences_group_set_title (self->link_groups[LIRSCOPE_LINKS_VIEW_OF], view_title);
      fill_links (self, LIRSCOPE_LINKS_VIEW_OF, &alias->root, 1, 1);
    }
  else
    fill_links (self, LIRSCOPE_LINKS_VIEW_OF, NULL, 0, 0);
  nodes = lir_graph_get_node_inputs (graph, node, &n);
  fill_links (self, LIRSCOPE_LINKS_PRODUCERS, nodes, n, n);
  nodes = lir_renderer_get_readers (renderer, node, &n);
  fill_links (self, LIRSCOPE_LINKS_CONSUMERS, nodes, n, n);
  nodes = lir_plan_index_get_views_of (lir_renderer_get_index (renderer), node, &n);
  fill_links (self, LIRSCOPE_LINKS_VIEWS, nodes, n, n);
  n = lir_plan_index_get_sharers (lir_renderer_get_index (renderer), node, MAX_LINKS, sharers);
  fill_links (self, LIRSCOPE_LINKS_SHARERS, (const guint32 *)(void *)sharers->data, sharers->len, n);
}

static void
on_link_activated (GtkListView *view, guint position, LirscopeBufferPage *self)
{
  g_autoptr (LirscopeNodeItem) item =
    g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);

  if (item != NULL && lirscope_node_item_get_node (item) != LIR_NO_NODE)
    lirscope_session_select (lirscope_page_get_session (LIRSCOPE_PAGE (self)),
                             lirscope_node_item_get_node (item));
}

static void
lirscope_buffer_page_session_changed (LirscopePage *page, LirscopeSession *session)
{
  LirscopeBufferPage *self = LIRSCOPE_BUFFER_PAGE (page);

  g_signal_connect_object (session, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "diff-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/* Returns: (nullable): the selected buffer's name, %NULL when none is */
const char *
lirscope_buffer_page_get_title (LirscopeBufferPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "buffer") != 0)
    return NULL;
  return self->title;
}

/* Returns: (nullable): a field's value as shown, %NULL when it does not apply */
const char *
lirscope_buffer_page_get_field (LirscopeBufferPage *self, LirscopeBufferField field)
{
  g_return_val_if_fail (field < LIRSCOPE_N_FIELDS, NULL);
  if (lirscope_buffer_page_get_title (self) == NULL
      || !gtk_widget_get_visible (GTK_WIDGET (self->fields[field])))
    return NULL;
  return adw_action_row_get_subtitle (self->fields[field]);
}

/* Returns: (transfer none): one list of related buffers (#LirscopeNodeItem) */
GListModel *
lirscope_buffer_page_get_links (LirscopeBufferPage *self, LirscopeBufferLinks links)
{
  g_return_val_if_fail (links < LIRSCOPE_N_LINKS, NULL);
  return G_LIST_MODEL (self->links[links]);
}

static AdwActionRow *
property_row (AdwPreferencesGroup *group, const char *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
lirscope_buffer_page_dispose (GObject *object)
{
  LirscopeBufferPage *self = LIRSCOPE_BUFFER_PAGE (object);

  for (guint i = 0; i < LIRSCOPE_N_LINKS; i++)
    g_clear_object (&self->links[i]);
  g_clear_pointer (&self->title, g_free);
  G_OBJECT_CLASS (lirscope_buffer_page_parent_class)->dispose (object);
}

static void
lirscope_buffer_page_class_init (LirscopeBufferPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lirscope_buffer_page_dispose;
  LIRSCOPE_PAGE_CLASS (klass)->session_changed = lirscope_buffer_page_session_changed;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lirscope/Lirscope/lirscope-buffer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LirscopeBufferPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LirscopeBufferPage, content);
  gtk_widget_class_bind_template_child (widget_class, LirscopeBufferPage, properties_group);
  gtk_widget_class_bind_template_child (widget_class, LirscopeBufferPage, baseline_group);
}

static void
lirscope_buffer_page_init (LirscopeBufferPage *self)
{
  g_autoptr (GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < LIRSCOPE_N_FIELDS; i++)
    self->fields[i] = property_row (self->properties_group, _ (field_titles[i]));
  for (guint i = 0; i < N_BASELINE_ROWS; i++)
    self->baseline_rows[i] = property_row (self->baseline_group, _ (baseline_titles[i]));
  factory = lirscope_node_item_factory_new ();
  for (guint i = 0; i < LIRSCOPE_N_LINKS; i++)
    {
      GtkWidget *view;

      self->links[i] = g_list_store_new (LIRSCOPE_TYPE_NODE_ITEM);
      view = gtk_list_view_new (GTK_SELECTION_MODEL (
                                  gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->links[i])))),
                                g_object_ref (factory));
      gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
      gtk_widget_add_css_class (view, "card");
      g_signal_connect (view, "activate", G_CALLBACK (on_link_activated), self);
      self->link_groups[i] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->link_groups[i], _ (link_titles[i]));
      adw_preferences_group_add (self->link_groups[i], view);
      gtk_widget_set_visible (GTK_WIDGET (self->link_groups[i]), FALSE);
      gtk_box_append (self->content, GTK_WIDGET (self->link_groups[i]));
    }
}
