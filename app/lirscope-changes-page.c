/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-changes-page.c: the Changes page: how the plan on screen differs
 * from the baseline, in one sentence, then every change, largest first.
 * Choosing a change emits ::node-activated with the buffer as it is now.
 */
#include "lirscope-changes-page.h"
#include "lir-private.h"

#include <glib/gi18n.h>

#include "lirscope-node-item.h"

#define MAX_ROWS 10000

struct _LirscopeChangesPage
{
  GtkWidget parent_instance;

  GtkLabel *summary_label;
  GtkListView *list_view;

  LirscopeSession *session;
  GListStore *changes;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (LirscopeChangesPage, lirscope_changes_page, GTK_TYPE_WIDGET)

enum { SIGNAL_NODE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
summarize (const LirPlanDiff *diff, GFile *baseline_file)
{
  const LirPlanStats *a = lir_plan_diff_get_stats (diff, FALSE);
  const LirPlanStats *b = lir_plan_diff_get_stats (diff, TRUE);
  guint n = lir_plan_diff_get_n_changes (diff);
  g_autofree char *name = baseline_file != NULL ? g_file_get_basename (baseline_file) : NULL;
  g_autofree char *arena_a = lir_format_bytes (a->arena_size);
  g_autofree char *arena_b = lir_format_bytes (b->arena_size);
  g_autofree char *efficiency_a = lir_format_percent (a->efficiency, 1);
  g_autofree char *efficiency_b = lir_format_percent (b->efficiency, 1);
  g_autofree char *growth = g_strdup_printf ("%+.1f%%", lir_plan_diff_get_arena_growth (diff));
  g_autofree char *changes = g_strdup_printf (ngettext ("%u change, largest first.", "%u changes, largest first.", n), n);

  /* Translators: "Against base.json: arena 1 MiB → 2 MiB (+100%), efficiency 90% → 80%. Same graph, … */
  return g_strdup_printf (_("Against %s: arena %s → %s (%s), efficiency %s → %s. %s. %s"),
                          name != NULL ? name : _("the baseline"), arena_a, arena_b, growth, efficiency_a,
                          efficiency_b,
                          lir_plan_diff_get_same_graph (diff) ? _("Same graph, different plan") : _("The graphs differ"),
                          changes);
}

static void
update (LirscopeChangesPage *self)
{
  const LirPlanDiff *diff = lirscope_session_get_diff (self->session);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  if (diff == NULL)
    gtk_label_set_text (self->summary_label, _("Compare this plan with a baseline (Ctrl+D, or drop a file "
                                               "with Ctrl held) to see what changed."));
  else
    {
      summary = summarize (diff, lirscope_session_get_baseline_file (self->session));
      gtk_label_set_text (self->summary_label, summary);
      for (guint i = 0; i < MIN (lir_plan_diff_get_n_changes (diff), MAX_ROWS); i++)
        {
          const LirBufferChange *c = lir_plan_diff_get_change (diff, i);
          g_autofree char *what = lir_buffer_change_describe (c);

          g_ptr_array_add (items, lirscope_node_item_new (c->node_b, c->name, what));
        }
    }
  g_list_store_splice (self->changes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->changes)), items->pdata,
                       items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_selected (GtkSingleSelection *selection, GParamSpec *pspec, LirscopeChangesPage *self)
{
  LirscopeNodeItem *item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL && lirscope_node_item_get_node (item) != LIR_NO_NODE)
    g_signal_emit (self, signals[SIGNAL_NODE_ACTIVATED], 0, lirscope_node_item_get_node (item));
}

void
lirscope_changes_page_set_session (LirscopeChangesPage *self, LirscopeSession *session)
{
  g_return_if_fail (self->session == NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "diff-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/* Returns: (transfer none): the changes listed (#LirscopeNodeItem), largest first */
GListModel *
lirscope_changes_page_get_model (LirscopeChangesPage *self)
{
  return G_LIST_MODEL (self->changes);
}

/* Selects the change at @index as a click in the list does. */
void
lirscope_changes_page_select (LirscopeChangesPage *self, guint index)
{
  gtk_single_selection_set_selected (self->selection, index);
}

const char *
lirscope_changes_page_get_summary (LirscopeChangesPage *self)
{
  return gtk_label_get_text (self->summary_label);
}

static void
lirscope_changes_page_dispose (GObject *object)
{
  LirscopeChangesPage *self = LIRSCOPE_CHANGES_PAGE (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIRSCOPE_TYPE_CHANGES_PAGE);
  /* The template's unnamed top-level children are ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->changes);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (lirscope_changes_page_parent_class)->dispose (object);
}

static void
lirscope_changes_page_class_init (LirscopeChangesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lirscope_changes_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lirscope/Lirscope/lirscope-changes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LirscopeChangesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopeChangesPage, list_view);

  /**
   * LirscopeChangesPage::node-activated:
   * @node: the changed buffer in the plan on screen
   */
  signals[SIGNAL_NODE_ACTIVATED] = g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
lirscope_changes_page_init (LirscopeChangesPage *self)
{
  g_autoptr (GtkListItemFactory) factory = lirscope_node_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->changes = g_list_store_new (LIRSCOPE_TYPE_NODE_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->changes)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selected), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->list_view, factory);
}
