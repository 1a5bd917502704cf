/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-summary-page.c: the Summary page: the statistics report's rows, each
 * with a copy button, and one spin button per symbolic dimension.
 *
 * The rows are core's LirStatsReport, word for word (translated), so the page
 * says what `lirscope-cli stats` and the export header say. With no plan open
 * every row reads "—" and nothing can be copied.
 */
#include "lirscope-summary-page-private.h"

#include <adwaita.h>

#include <glib/gi18n.h>

#define EMPTY_VALUE "—"

struct _LirscopeSummaryPage
{
  LirscopePage parent_instance;

  AdwPreferencesGroup *symbols_group;
  GtkSwitch *hold_switch;
  AdwPreferencesGroup *plan_group;
  AdwPreferencesGroup *identity_group;

  AdwActionRow *rows[LIR_N_STATS];
  AdwActionRow *order_row; /* whether another order lowers the peak */
  GtkWidget *copy_buttons[LIR_N_STATS];
  GPtrArray *symbol_rows; /* AdwActionRow, with data "spin" and "symbol" */
  gboolean updating;      /* spins are being set from the session */
};

G_DEFINE_FINAL_TYPE (LirscopeSummaryPage, lirscope_summary_page, LIRSCOPE_TYPE_PAGE)

static void
copy_value (GtkButton *button, AdwActionRow *row)
{
  GtkWidget *widget = GTK_WIDGET (button);
  g_autofree char *message = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), adw_action_row_get_subtitle (row));
  message = g_strdup_printf (_ ("Copied %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_widget_activate_action (widget, "win.toast", "s", message);
}

/* The order search's verdict, in core's words; graphs too large for the
 * check every plan gets are searched when asked. */
static void
update_order (LirscopeSummaryPage *self)
{
  LirscopeSession *session = lirscope_page_get_session (LIRSCOPE_PAGE (self));
  LirModule *module = session != NULL ? lirscope_session_get_module (session) : NULL;
  LirOrderReport *order = session != NULL ? lirscope_session_get_order (session) : NULL;
  g_autofree char *verdict = order != NULL ? lir_order_report_get_verdict (order) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->order_row),
                          module != NULL && !lir_module_is_buffer_only (module));
  if (verdict != NULL)
    verdict[0] = g_ascii_toupper (verdict[0]);
  adw_action_row_set_subtitle (self->order_row, verdict != NULL ? verdict
                                                : module != NULL
                                                  ? _ ("Not checked for a graph this large: Find a "
                                                       "Lower-Peak Order (Ctrl+Shift+L) "
                                                       "searches it")
                                                  : EMPTY_VALUE);
}

static void
update_rows (LirscopeSummaryPage *self)
{
  const LirStatsReport *report =
    lirscope_page_get_session (LIRSCOPE_PAGE (self)) != NULL
      ? lirscope_session_get_report (lirscope_page_get_session (LIRSCOPE_PAGE (self)))
      : NULL;

  for (guint i = 0; i < LIR_N_STATS; i++)
    {
      const char *value = report != NULL ? lir_stats_report_get_value (report, (LirStat)i) : NULL;

      adw_action_row_set_subtitle (self->rows[i], value != NULL ? value : EMPTY_VALUE);
      gtk_widget_set_sensitive (self->copy_buttons[i], value != NULL);
      /* Rows that only some plans have */
      if (i == LIR_STAT_SYMBOLS || i == LIR_STAT_AT_BINDING || i == LIR_STAT_DYNAMIC)
        gtk_widget_set_visible (GTK_WIDGET (self->rows[i]), value != NULL);
    }
  update_order (self);
}

/* 0 stands for a symbol left unbound: its nodes stay out of the arena. */
static gboolean
on_symbol_output (GtkSpinButton *spin, gpointer user_data)
{
  if (gtk_spin_button_get_value (spin) >= 1)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), _ ("dynamic"));
  return TRUE;
}

static void
on_symbol_changed (GtkSpinButton *spin, LirscopeSummaryPage *self)
{
  if (self->updating || lirscope_page_get_session (LIRSCOPE_PAGE (self)) == NULL)
    return;
  if (gtk_spin_button_get_value (spin) < 1)
    return; /* a symbol is bound, not unbound, from here */
  lirscope_session_set_binding (lirscope_page_get_session (LIRSCOPE_PAGE (self)),
                                g_object_get_data (G_OBJECT (spin), "symbol"),
                                (guint64)gtk_spin_button_get_value (spin));
}

/* One row per symbol of the graph; rebuilt only when the symbols differ. */
static void
rebuild_symbols (LirscopeSummaryPage *self)
{
  LirModule *module = lirscope_session_get_module (lirscope_page_get_session (LIRSCOPE_PAGE (self)));
  LirGraph *graph = module != NULL ? lir_module_get_graph (module) : NULL;
  guint n = graph != NULL ? lir_graph_get_n_symbols (graph) : 0;
  gboolean same = self->symbol_rows->len == n;

  for (guint i = 0; i < n && same; i++)
    same = g_str_equal (g_object_get_data (self->symbol_rows->pdata[i], "symbol"),
                        lir_graph_get_symbol_name (graph, i));
  if (same)
    return;
  for (guint i = 0; i < self->symbol_rows->len; i++)
    adw_preferences_group_remove (self->symbols_group, self->symbol_rows->pdata[i]);
  g_ptr_array_set_size (self->symbol_rows, 0);
  for (guint i = 0; i < n; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 1 << 30, 1);
      const char *name = lir_graph_get_symbol_name (graph, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (spin), "symbol", g_strdup (name), g_free);
      g_object_set_data_full (G_OBJECT (row), "symbol", g_strdup (name), g_free);
      g_object_set_data (G_OBJECT (row), "spin", spin);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_symbol_changed), self);
      g_signal_connect (spin, "output", G_CALLBACK (on_symbol_output), NULL);
      adw_action_row_add_suffix (row, spin);
      adw_action_row_set_activatable_widget (row, spin);
      adw_preferences_group_add (self->symbols_group, GTK_WIDGET (row));
      g_ptr_array_add (self->symbol_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->symbols_group), n > 0);
}

/* Sets the hold switch as a user would. */
void
lirscope_summary_page_set_hold (LirscopeSummaryPage *self, gboolean hold)
{
  gtk_switch_set_active (self->hold_switch, hold);
}

/* The spins show the values the next plan asks for (after a cancel: the
 * plan's), or while the plan is held the values it is measured at, up to
 * the ones it was made for. */
static void
update_symbol_values (LirscopeSummaryPage *self)
{
  gboolean held = lirscope_session_get_hold_plan (lirscope_page_get_session (LIRSCOPE_PAGE (self)));

  self->updating = TRUE;
  adw_preferences_group_set_description (self->symbols_group,
                                         held ? _ ("The plan stays as made; a smaller value shows what this "
                                                   "plan wastes there.")
                                              : _ ("Changing a dimension re-plans the graph."));
  for (guint i = 0; i < self->symbol_rows->len; i++)
    {
      GObject *row = self->symbol_rows->pdata[i];
      const char *symbol = g_object_get_data (row, "symbol");
      guint64 value = lirscope_session_get_binding (lirscope_page_get_session (LIRSCOPE_PAGE (self)), symbol);
      guint64 planned =
        lirscope_session_get_plan_binding (lirscope_page_get_session (LIRSCOPE_PAGE (self)), symbol);
      GtkSpinButton *spin = g_object_get_data (row, "spin");

      gtk_spin_button_set_range (spin, value == LIR_NO_VALUE ? 0 : 1,
                                 held && planned != LIR_NO_VALUE ? (double)planned : (double)(1 << 30));
      gtk_spin_button_set_value (spin, value == LIR_NO_VALUE ? 0 : (double)value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value == LIR_NO_VALUE
                                                           ? _ ("Unbound: its nodes stay out of the arena")
                                                           : NULL);
    }
  self->updating = FALSE;
}

static void
on_plan_changed (LirscopeSession *session, gboolean keep_view, LirscopeSummaryPage *self)
{
  update_rows (self);
  rebuild_symbols (self);
  update_symbol_values (self);
}

static void
lirscope_summary_page_session_changed (LirscopePage *page, LirscopeSession *session)
{
  LirscopeSummaryPage *self = LIRSCOPE_SUMMARY_PAGE (page);

  g_signal_connect_object (session, "plan-changed", G_CALLBACK (on_plan_changed), self, 0);
  g_signal_connect_object (session, "options-changed", G_CALLBACK (update_symbol_values), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "report-changed", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_object_bind_property (session, "hold-plan", self->hold_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_rows (self);
}

/* Returns: the execution order row as shown */
const char *
lirscope_summary_page_get_order (LirscopeSummaryPage *self)
{
  return adw_action_row_get_subtitle (self->order_row);
}

/* Returns: the row's value as shown ("—" when no plan is open) */
const char *
lirscope_summary_page_get_value (LirscopeSummaryPage *self, LirStat stat)
{
  g_return_val_if_fail (stat < LIR_N_STATS, NULL);
  return adw_action_row_get_subtitle (self->rows[stat]);
}

gboolean
lirscope_summary_page_can_copy (LirscopeSummaryPage *self, LirStat stat)
{
  g_return_val_if_fail (stat < LIR_N_STATS, FALSE);
  return gtk_widget_get_sensitive (self->copy_buttons[stat]);
}

/* Sets a symbol's spin button as a user would. Returns: %FALSE if there is none */
gboolean
lirscope_summary_page_set_symbol (LirscopeSummaryPage *self, const char *symbol, guint64 value)
{
  for (guint i = 0; i < self->symbol_rows->len; i++)
    if (g_str_equal (g_object_get_data (self->symbol_rows->pdata[i], "symbol"), symbol))
      {
        gtk_spin_button_set_value (g_object_get_data (self->symbol_rows->pdata[i], "spin"), (double)value);
        return TRUE;
      }
  return FALSE;
}

static void
lirscope_summary_page_finalize (GObject *object)
{
  LirscopeSummaryPage *self = LIRSCOPE_SUMMARY_PAGE (object);

  g_clear_pointer (&self->symbol_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (lirscope_summary_page_parent_class)->finalize (object);
}

static void
lirscope_summary_page_class_init (LirscopeSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  LIRSCOPE_PAGE_CLASS (klass)->session_changed = lirscope_summary_page_session_changed;
  object_class->finalize = lirscope_summary_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lirscope/Lirscope/lirscope-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LirscopeSummaryPage, symbols_group);
  gtk_widget_class_bind_template_child (widget_class, LirscopeSummaryPage, hold_switch);
  gtk_widget_class_bind_template_child (widget_class, LirscopeSummaryPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, LirscopeSummaryPage, identity_group);
}

static void
lirscope_summary_page_init (LirscopeSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->symbol_rows = g_ptr_array_new ();
  for (guint i = 0; i < LIR_N_STATS; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (lir_stat_get_title ((LirStat)i)));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (row, EMPTY_VALUE);
      gtk_widget_add_css_class (GTK_WIDGET (row), "property");
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _ ("Copy"));
      gtk_widget_set_sensitive (copy, FALSE);
      g_signal_connect (copy, "clicked", G_CALLBACK (copy_value), row);
      adw_action_row_add_suffix (row, copy);
      adw_preferences_group_add (i < LIR_STAT_PEAK ? self->plan_group : self->identity_group,
                                 GTK_WIDGET (row));
      self->rows[i] = row;
      self->copy_buttons[i] = copy;
    }
  {
    GtkWidget *find = gtk_button_new_with_mnemonic (_ ("_Find…"));

    self->order_row = ADW_ACTION_ROW (adw_action_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->order_row), _ ("Execution order"));
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->order_row), FALSE);
    adw_action_row_set_subtitle (self->order_row, EMPTY_VALUE);
    gtk_widget_add_css_class (GTK_WIDGET (self->order_row), "property");
    gtk_widget_set_valign (find, GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (find, _ ("Find an execution order with a lower peak (Ctrl+Shift+L)"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (find), "win.find-order");
    adw_action_row_add_suffix (self->order_row, find);
    adw_preferences_group_add (self->plan_group, GTK_WIDGET (self->order_row));
  }
  gtk_widget_set_visible (GTK_WIDGET (self->rows[LIR_STAT_SYMBOLS]), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->rows[LIR_STAT_AT_BINDING]), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->rows[LIR_STAT_DYNAMIC]), FALSE);
}
