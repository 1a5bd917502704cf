/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-changes-page.c: the Changes page: how the plan on screen differs
 * from the baseline, in one sentence, then every change, largest first.
 * Choosing a change emits ::node-activated with the buffer as it is now.
 */
#include "lirscope-changes-page-private.h"
#include "lir-private.h"

#include <glib/gi18n.h>

#include "lirscope-node-item.h"

#define MAX_ROWS 10000

struct _LirscopeChangesPage
{
  LirscopePage parent_instance;

  GtkLabel *summary_label;
  GtkListView *list_view;

  GListStore *changes;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (LirscopeChangesPage, lirscope_changes_page, LIRSCOPE_TYPE_PAGE)

static char *
summarize (const LirPlanDiff *diff, GFile *baseline_file, gboolean reordered)
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
  g_autofree char *changes =
    g_strdup_printf (ngettext ("%u change, largest first.", "%u changes, largest first.", n), n);

  /* Translators: "Against base.json: arena 1 MiB → 2 MiB (+100%), efficiency 90% → 80%. Same graph, … */
  return g_strdup_printf (_ ("Against %s: arena %s → %s (%s), efficiency %s → %s. %s. %s"),
                          name != NULL ? name
                          : reordered  ? _ ("the order before")
                                       : _ ("the baseline"),
                          arena_a, arena_b, growth, efficiency_a, efficiency_b,
                          lir_plan_diff_get_same_graph (diff) ? _ ("Same graph, different plan")
                                                              : _ ("The graphs differ"),
                          changes);
}

static void
update (LirscopeChangesPage *self)
{
  const LirPlanDiff *diff = lirscope_session_get_diff (lirscope_page_get_session (LIRSCOPE_PAGE (self)));
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  LirscopeSession *session = lirscope_page_get_session (LIRSCOPE_PAGE (self));

  if (diff == NULL)
    gtk_label_set_text (self->summary_label, _ ("Compare this plan with a baseline (Ctrl+D, or drop a file "
                                                "with Ctrl held) to see what changed."));
  else
    {
      LirOrderReport *reordering = lirscope_session_get_reordering (session);

      summary = summarize (diff, lirscope_session_get_baseline_file (session), reordering != NULL);
      gtk_label_set_text (self->summary_label, summary);
      if (reordering != NULL)
        {
          /* A lower-peak order: its moves come first. */
          g_auto (GStrv) moves = lir_order_report_list_moves (reordering, MAX_ROWS);

          for (guint i = 0; moves[i] != NULL; i++)
            g_ptr_array_add (items, lirscope_node_item_new (LIR_NO_NODE, _ ("Moved"), moves[i]));
        }
      for (guint i = 0; i < MIN (lir_plan_diff_get_n_changes (diff), MAX_ROWS); i++)
        {
          const LirBufferChange *c = lir_plan_diff_get_change (diff, i);
          g_autofree char *what = lir_buffer_change_describe (c);

          g_ptr_array_add (items, lirscope_node_item_new (c->node_b, c->name, what));
        }
    }
  g_list_store_splice (self->changes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->changes)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_selected (GtkSingleSelection *selection, GParamSpec *pspec, LirscopeChangesPage *self)
{
  LirscopeNodeItem *item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL && lirscope_node_item_get_node (item) != LIR_NO_NODE)
    lirscope_page_activate_node (LIRSCOPE_PAGE (self), lirscope_node_item_get_node (item));
}

static void
lirscope_changes_page_session_changed (LirscopePage *page, LirscopeSession *session)
{
  LirscopeChangesPage *self = LIRSCOPE_CHANGES_PAGE (page);

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

  g_clear_object (&self->selection);
  g_clear_object (&self->changes);
  G_OBJECT_CLASS (lirscope_changes_page_parent_class)->dispose (object);
}

static void
lirscope_changes_page_class_init (LirscopeChangesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lirscope_changes_page_dispose;
  LIRSCOPE_PAGE_CLASS (klass)->session_changed = lirscope_changes_page_session_changed;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lirscope/Lirscope/lirscope-changes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LirscopeChangesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopeChangesPage, list_view);
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
