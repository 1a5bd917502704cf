/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-peak-page.c: the Peak page: the live set at the peak step (or, when
 * the user pins it to the cursor, at the step under the pointer) as a sortable
 * table, its totals by kind (and by category for a training step), and the
 * buffers that set the arena's height. Every figure comes from core's LirLiveSet; activating a row emits
 * ::node-activated for the window to select and frame the buffer.
 */
#include "lirscope-peak-page-private.h"
#include "lir-private.h"

#include <glib/gi18n.h>

/* ---- one row ---------------------------------------------------------------------------- */

#define LIRSCOPE_TYPE_LIVE_ITEM (lirscope_live_item_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeLiveItem, lirscope_live_item, LIRSCOPE, LIVE_ITEM, GObject)

struct _LirscopeLiveItem
{
  GObject parent_instance;
  LirLiveEntry entry;
  char *name;
  const char *op; /* interned in the graph, which the session keeps */
};

G_DEFINE_FINAL_TYPE (LirscopeLiveItem, lirscope_live_item, G_TYPE_OBJECT)

static void
lirscope_live_item_finalize (GObject *object)
{
  g_free (LIRSCOPE_LIVE_ITEM (object)->name);
  G_OBJECT_CLASS (lirscope_live_item_parent_class)->finalize (object);
}

static void
lirscope_live_item_class_init (LirscopeLiveItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lirscope_live_item_finalize;
}

static void
lirscope_live_item_init (LirscopeLiveItem *self)
{
}

/* ---- the page ----------------------------------------------------------------------------- */

struct _LirscopePeakPage
{
  LirscopePage parent_instance;

  GtkLabel *title_label;
  GtkToggleButton *follow_button;
  GtkLabel *totals_label;
  GtkLabel *arena_label;
  GtkColumnView *column_view;

  GListStore *rows;
  GtkSortListModel *sorted;
  gint64 step;
};

G_DEFINE_FINAL_TYPE (LirscopePeakPage, lirscope_peak_page, LIRSCOPE_TYPE_PAGE)

typedef enum
{
  COLUMN_NAME,
  COLUMN_BYTES,
  COLUMN_SHARE,
  COLUMN_KIND,
  COLUMN_OP,
  COLUMN_STEPS,
  N_COLUMNS
} Column;

static char *
cell_text (LirscopeLiveItem *item, Column column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return item->entry.n_views > 0
               ? g_strdup_printf (ngettext ("%s (+%u view)", "%s (+%u views)", item->entry.n_views),
                                  item->name, item->entry.n_views)
               : g_strdup (item->name);
    case COLUMN_BYTES:
      return lir_format_bytes (item->entry.bytes);
    case COLUMN_SHARE:
      return lir_format_percent (item->entry.share, 1);
    case COLUMN_KIND:
      return g_strdup (lir_buffer_kind_to_string (item->entry.kind));
    case COLUMN_OP:
      return g_strdup (item->op);
    case COLUMN_STEPS:
    default:
      return lir_format_step_range (item->entry.first_step, item->entry.last_step);
    }
}

static int
compare_items (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  const LirscopeLiveItem *a = pa, *b = pb;
  Column column = GPOINTER_TO_INT (user_data);
  int order = 0;

  switch (column)
    {
    case COLUMN_NAME:
      order = g_strcmp0 (a->name, b->name);
      break;
    case COLUMN_BYTES:
    case COLUMN_SHARE:
      order = (a->entry.bytes > b->entry.bytes) - (a->entry.bytes < b->entry.bytes);
      break;
    case COLUMN_KIND:
      order = (int)a->entry.kind - (int)b->entry.kind;
      break;
    case COLUMN_OP:
      order = g_strcmp0 (a->op, b->op);
      break;
    case COLUMN_STEPS:
    default:
      order = (a->entry.first_step > b->entry.first_step) - (a->entry.first_step < b->entry.first_step);
      break;
    }
  if (order == 0)
    order = (a->entry.node > b->entry.node) - (a->entry.node < b->entry.node);
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_BYTES || column == COLUMN_SHARE ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label),
                           column == COLUMN_NAME ? PANGO_ELLIPSIZE_MIDDLE : PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  LirscopeLiveItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = cell_text (item, GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), text);
}

static char *
arena_setters (LirModule *module, const LirPlanIndex *index)
{
  LirBufferPlan *plan = lir_module_get_plan (module);
  LirGraph *graph = lir_module_get_graph (module);
  g_autoptr (GArray) top = lir_buffer_plan_get_top_edge (plan);
  g_autoptr (GArray) chain = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  char scratch[LIR_SHORT_NAME_SIZE];

  if (top->len == 0)
    return g_strdup ("");
  for (guint i = 0; i < top->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            lir_graph_get_node_short_label (graph, g_array_index (top, guint32, i), scratch));
  chain = lir_buffer_plan_get_arena_chain (plan, index, g_array_index (top, guint32, 0));
  if (chain->len > 1)
    {
      g_autofree char *under =
        g_strdup_printf (ngettext ("%u buffer", "%u buffers", chain->len - 1), chain->len - 1);

      /* Translators: "Sets the arena: lm_head, on a stack of 12 buffers live with it" */
      return g_strdup_printf (_ ("Sets the arena: %s, on a stack of %s live with it"), names->str, under);
    }
  return g_strdup_printf (_ ("Sets the arena: %s"), names->str);
}

static void
show_step (LirscopePeakPage *self, gint64 step)
{
  LirModule *module = lirscope_session_get_module (lirscope_page_get_session (LIRSCOPE_PAGE (self)));
  LirRenderer *renderer = lirscope_session_get_renderer (lirscope_page_get_session (LIRSCOPE_PAGE (self)));
  g_autoptr (LirLiveSet) set = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL, *totals = NULL, *live = NULL, *setters = NULL;
  const guint32 *schedule;
  guint n_schedule;
  char scratch[LIR_SHORT_NAME_SIZE];

  self->step = step;
  if (module == NULL || renderer == NULL || step < 0)
    {
      g_list_store_remove_all (self->rows);
      gtk_label_set_text (self->title_label, _ ("No plan open"));
      gtk_label_set_text (self->totals_label, "");
      gtk_label_set_text (self->arena_label, "");
      return;
    }
  set = lir_live_set_new (module, lir_renderer_get_index (renderer), (guint32)step);
  for (guint i = 0; i < lir_live_set_get_n_entries (set); i++)
    {
      LirscopeLiveItem *item = g_object_new (LIRSCOPE_TYPE_LIVE_ITEM, NULL);

      item->entry = *lir_live_set_get_entry (set, i);
      item->name =
        g_strdup (lir_graph_get_node_short_label (lir_module_get_graph (module), item->entry.node, scratch));
      item->op = lir_graph_get_node_op_label (lir_module_get_graph (module), item->entry.node);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), items->pdata,
                       items->len);
  live = lir_format_bytes (lir_live_set_get_live_bytes (set));
  schedule = lir_buffer_plan_get_schedule (lir_module_get_plan (module), &n_schedule);
  if ((guint64)step < n_schedule && !lir_module_is_buffer_only (module))
    title = g_strdup_printf (_ ("Step %u, %s: %s live in %u buffers"), (guint)step,
                             lir_graph_get_node_short_label (lir_module_get_graph (module), schedule[step],
                                                             scratch),
                             live, lir_live_set_get_n_entries (set));
  else
    title = g_strdup_printf (_ ("Step %u: %s live in %u buffers"), (guint)step, live,
                             lir_live_set_get_n_entries (set));
  gtk_label_set_text (self->title_label, title);
  {
    g_autofree char *kinds = lir_live_set_format_kind_totals (set);
    g_autofree char *categories = lir_live_set_format_category_totals (set);

    /* A training step's categories say more than kinds: both, one a line. */
    totals = categories[0] != '\0' ? g_strdup_printf ("%s\n%s", kinds, categories) : g_steal_pointer (&kinds);
  }
  gtk_label_set_text (self->totals_label, totals);
  setters = arena_setters (module, lir_renderer_get_index (renderer));
  gtk_label_set_text (self->arena_label, setters);
}

static gint64
peak_step (LirscopePeakPage *self)
{
  const LirStatsReport *report =
    lirscope_session_get_report (lirscope_page_get_session (LIRSCOPE_PAGE (self)));

  return report != NULL ? (gint64)lir_stats_report_get_stats (report)->peak_step : -1;
}

static void
on_plan_changed (LirscopeSession *session, gboolean keep_view, LirscopePeakPage *self)
{
  show_step (self, peak_step (self));
}

static void
on_cursor (LirscopeSession *session, GParamSpec *pspec, LirscopePeakPage *self)
{
  gint64 cursor = lirscope_session_get_cursor_step (session);

  if (gtk_toggle_button_get_active (self->follow_button) && cursor >= 0 && cursor != self->step)
    show_step (self, cursor);
}

static void
on_follow_toggled (GtkToggleButton *button, LirscopePeakPage *self)
{
  gint64 cursor = lirscope_session_get_cursor_step (lirscope_page_get_session (LIRSCOPE_PAGE (self)));

  show_step (self, gtk_toggle_button_get_active (button) && cursor >= 0 ? cursor : peak_step (self));
}

static void
on_activate (GtkColumnView *view, guint position, LirscopePeakPage *self)
{
  lirscope_peak_page_activate (self, position);
}

static void
lirscope_peak_page_session_changed (LirscopePage *page, LirscopeSession *session)
{
  LirscopePeakPage *self = LIRSCOPE_PEAK_PAGE (page);

  g_signal_connect_object (session, "plan-changed", G_CALLBACK (on_plan_changed), self, 0);
  g_signal_connect_object (session, "notify::cursor-step", G_CALLBACK (on_cursor), self, 0);
  show_step (self, -1);
}

/* Returns: (transfer none): the rows as shown, in the table's sort order */
GListModel *
lirscope_peak_page_get_model (LirscopePeakPage *self)
{
  return G_LIST_MODEL (self->sorted);
}

/* Returns: the step shown, -1 with no plan */
gint64
lirscope_peak_page_get_step (LirscopePeakPage *self)
{
  return self->step;
}

/* Pins the page to the cursor (%TRUE) or back to the peak, as the toggle does. */
void
lirscope_peak_page_set_follow (LirscopePeakPage *self, gboolean follow)
{
  gtk_toggle_button_set_active (self->follow_button, follow);
}

/* Activates a row (in sort order) as a click does. */
void
lirscope_peak_page_activate (LirscopePeakPage *self, guint position)
{
  g_autoptr (LirscopeLiveItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item != NULL)
    lirscope_page_activate_node (LIRSCOPE_PAGE (self), item->entry.node);
}

const char *
lirscope_peak_page_get_title (LirscopePeakPage *self)
{
  return gtk_label_get_text (self->title_label);
}

const char *
lirscope_peak_page_get_totals (LirscopePeakPage *self)
{
  return gtk_label_get_text (self->totals_label);
}

static void
lirscope_peak_page_dispose (GObject *object)
{
  LirscopePeakPage *self = LIRSCOPE_PEAK_PAGE (object);

  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (lirscope_peak_page_parent_class)->dispose (object);
}

static void
lirscope_peak_page_class_init (LirscopePeakPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lirscope_peak_page_dispose;
  LIRSCOPE_PAGE_CLASS (klass)->session_changed = lirscope_peak_page_session_changed;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lirscope/Lirscope/lirscope-peak-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LirscopePeakPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopePeakPage, follow_button);
  gtk_widget_class_bind_template_child (widget_class, LirscopePeakPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopePeakPage, arena_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopePeakPage, column_view);
}

static void
lirscope_peak_page_init (LirscopePeakPage *self)
{
  static const char *const titles[N_COLUMNS] = {
    N_ ("Buffer"), N_ ("Bytes"), N_ ("Share"), N_ ("Kind"), N_ ("Op"), N_ ("Steps"),
  };
  /* Wide enough for their figures; the table scrolls sideways in a narrow sidebar. */
  static const int widths[N_COLUMNS] = { 140, 90, 64, 90, 90, 76 };
  GtkColumnViewColumn *bytes_column = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->step = -1;
  self->rows = g_list_store_new (LIRSCOPE_TYPE_LIVE_ITEM);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (c), NULL));

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_ (titles[c]), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == COLUMN_NAME);
      gtk_column_view_column_set_fixed_width (column, widths[c]);
      gtk_column_view_append_column (self->column_view, column);
      if (c == COLUMN_BYTES)
        bytes_column = column;
      g_object_unref (sorter);
      if (c != COLUMN_BYTES)
        g_object_unref (column);
    }
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  {
    g_autoptr (GtkSingleSelection) selection =
      gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));

    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }
  /* Largest first, as the live set comes. */
  gtk_column_view_sort_by_column (self->column_view, bytes_column, GTK_SORT_DESCENDING);
  g_object_unref (bytes_column);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect (self->follow_button, "toggled", G_CALLBACK (on_follow_toggled), self);
}
