/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-window.c: one window, one session: layout and wiring.
 *
 * The session (lirscope-session.c) owns what is on screen and the work that
 * changes it; the timeline and the sidebar's pages each bind to it. The
 * window only places them, keeps the header, toolbar, banner and status line
 * in step with the session, and saves the view settings. Its actions, file
 * choosers, export and drag-and-drop live in lirscope-window-actions.c.
 */
#include "lirscope-window-private.h"
#include "lir-private.h"

#include <glib/gi18n.h>

#include "lirscope-settings.h"
#include "lirscope-timeline-input.h"

static const guint64 alignments[] = { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096 };

G_DEFINE_FINAL_TYPE (LirscopeWindow, lirscope_window, ADW_TYPE_APPLICATION_WINDOW)

/* A toast's title is Pango markup; messages carry names and paths. */
void
_lirscope_window_toast (LirscopeWindow *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* ---- following the session ------------------------------------------------------------ */

static void
on_busy (LirscopeSession *session, GParamSpec *pspec, LirscopeWindow *self)
{
  gboolean busy = lirscope_session_get_busy (session);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
}

/* While planning: the planner's phase, buffers placed and best arena so far. */
static void
on_progress (LirscopeSession *session, GParamSpec *pspec, LirscopeWindow *self)
{
  const char *progress = lirscope_session_get_progress (session);

  gtk_label_set_text (self->progress_label, progress != NULL ? progress : "");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), progress != NULL);
}

static void
on_error (LirscopeSession *session, GParamSpec *pspec, LirscopeWindow *self)
{
  const char *error = lirscope_session_get_error (session);

  if (error != NULL)
    gtk_label_set_text (self->banner_label, error);
  gtk_revealer_set_reveal_child (self->banner_revealer, error != NULL);
}

static void
update_title (LirscopeWindow *self)
{
  GFile *file = lirscope_session_get_file (self->session);
  LirModule *module = lirscope_session_get_module (self->session);
  const LirStatsReport *report = lirscope_session_get_report (self->session);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *subtitle = NULL;

  if (report != NULL)
    {
      const LirPlanStats *stats = lir_stats_report_get_stats (report);
      g_autofree char *arena = lir_format_bytes (stats->arena_size);
      g_autofree char *efficiency = lir_format_percent (stats->efficiency, 1);
      char scratch[LIR_SHORT_NAME_SIZE];
      const char *graph_name = lir_name_shorten (lir_module_get_name (module), scratch);

      /* An invalid plan's arena can sit below any bound: no efficiency. */
      if (!lir_stats_report_is_valid (report))
        /* Translators: "decoder-block · arena 21.34 MiB · invalid plan" */
        subtitle = g_strdup_printf (_ ("%s · arena %s · invalid plan"), graph_name, arena);
      else
        /* Translators: "decoder-block · arena 21.34 MiB · 100.0% efficient" */
        subtitle = g_strdup_printf (_ ("%s · arena %s · %s efficient"), graph_name, arena, efficiency);
    }
  adw_window_title_set_title (self->window_title, name != NULL ? name : "Lirscope");
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : "Lirscope");
}

/* The planning controls show the options of the plan on screen, or of the
 * re-plan under way; a cancelled or failed one puts them back. */
static void
on_options_changed (LirscopeSession *session, LirscopeWindow *self)
{
  GListModel *strategies = gtk_drop_down_get_model (self->strategy_dropdown);
  const char *strategy = lirscope_session_get_strategy (session);
  guint64 alignment = lirscope_session_get_alignment (session);
  GAction *params = g_action_map_lookup_action (G_ACTION_MAP (self), "params-in-arena");
  LirModule *module = lirscope_session_get_module (session);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->strategy_dropdown, 0);
  for (guint i = 1; i < g_list_model_get_n_items (strategies); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (strategies), i), strategy))
      gtk_drop_down_set_selected (self->strategy_dropdown, i);
  gtk_drop_down_set_selected (self->alignment_dropdown, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < G_N_ELEMENTS (alignments); i++)
    if (alignments[i] == alignment)
      gtk_drop_down_set_selected (self->alignment_dropdown, i);
  g_simple_action_set_state (G_SIMPLE_ACTION (params),
                             g_variant_new_boolean (lirscope_session_get_params_in_arena (session)));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (params),
                               module != NULL && !lir_module_is_buffer_only (module));
  self->updating = FALSE;
}

static void
on_plan_changed (LirscopeSession *session, gboolean keep_view, LirscopeWindow *self)
{
  gboolean open = lirscope_session_get_module (session) != NULL;

  gtk_stack_set_visible_child_name (self->main_stack, open ? "timeline" : "empty");
  gtk_widget_set_sensitive (self->toolbar, open);
  update_title (self);
  _lirscope_window_actions_update (self);
}

/* Only a plan the user asked for and got is remembered for the next launch. */
static void
on_replanned (LirscopeSession *session, LirscopeWindow *self)
{
  const char *strategy = lirscope_session_get_strategy (session);

  if (*strategy != '\0')
    g_settings_set_string (self->settings, "strategy", strategy);
  g_settings_set_boolean (self->settings, "params-in-arena", lirscope_session_get_params_in_arena (session));
  lirscope_session_set_default_params_in_arena (session, lirscope_session_get_params_in_arena (session));
}

/* The verdict of a search the user asked for. */
static void
on_order_searched (LirscopeSession *session, LirscopeWindow *self)
{
  LirOrderReport *search = lirscope_session_get_reordering (session) != NULL
                             ? lirscope_session_get_reordering (session)
                             : lirscope_session_get_order (session);
  g_autofree char *verdict = search != NULL ? lir_order_report_get_verdict (search) : NULL;

  if (verdict == NULL)
    return;

  verdict[0] = g_ascii_toupper (verdict[0]);
  _lirscope_window_toast (self, verdict);
}

static void
on_selected (LirscopeSession *session, GParamSpec *pspec, LirscopeWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->sidebar_stack);

  /* A list the user is working through stays on screen. */
  if (lirscope_session_get_selected (session) != LIR_NO_NODE && !g_str_equal (page, "search")
      && !g_str_equal (page, "peak"))
    adw_view_stack_set_visible_child_name (self->sidebar_stack, "buffer");
  _lirscope_window_actions_update (self);
}

static void
on_comparing (LirscopeSession *session, GParamSpec *pspec, LirscopeWindow *self)
{
  if (lirscope_session_get_diff (session) != NULL)
    adw_view_stack_set_visible_child_name (self->sidebar_stack, "changes");
  _lirscope_window_actions_update (self);
}

static void
on_cursor (LirscopeSession *session, GParamSpec *pspec, LirscopeWindow *self)
{
  LirRenderer *renderer = lirscope_session_get_renderer (session);
  LirModule *module = lirscope_session_get_module (session);
  gint64 step = lirscope_session_get_cursor_step (session);
  g_autoptr (GArray) live = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  const guint32 *schedule;
  guint n_schedule;
  char scratch[LIR_SHORT_NAME_SIZE];

  if (renderer == NULL || step < 0)
    {
      gtk_label_set_text (self->status_label, "");
      return;
    }
  live = g_array_new (FALSE, FALSE, sizeof (guint32));
  lir_plan_index_query (lir_renderer_get_index (renderer), (guint32)step, (guint32)step, live);
  bytes = lir_format_bytes (lir_renderer_get_live_bytes (renderer, (guint32)step));
  schedule = lir_buffer_plan_get_schedule (lir_module_get_plan (module), &n_schedule);
  if ((guint64)step < n_schedule && !lir_module_is_buffer_only (module))
    text = g_strdup_printf (_ ("Step %u (%s, %s) · %s live in %u buffers and views"), (guint)step,
                            lir_graph_get_node_short_label (lir_module_get_graph (module), schedule[step],
                                                            scratch),
                            lir_graph_get_node_op_label (lir_module_get_graph (module), schedule[step]),
                            bytes, live->len);
  else
    text = g_strdup_printf (_ ("Step %u · %s live in %u buffers and views"), (guint)step, bytes, live->len);
  gtk_label_set_text (self->status_label, text);
}

/* A list chose a buffer: select it and frame it on the timeline. */
static void
on_node_activated (GtkWidget *page, guint node, LirscopeWindow *self)
{
  lirscope_session_select (self->session, node);
  lirscope_timeline_zoom_to_node (self->timeline, node);
}

/* ---- controls ------------------------------------------------------------------------- */

static void
on_strategy_changed (GtkDropDown *dropdown, GParamSpec *pspec, LirscopeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GListModel *model = gtk_drop_down_get_model (dropdown);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  lirscope_session_set_strategy (self->session,
                                 selected == 0
                                   ? ""
                                   : gtk_string_list_get_string (GTK_STRING_LIST (model), selected));
}

static void
on_alignment_changed (GtkDropDown *dropdown, GParamSpec *pspec, LirscopeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || selected >= G_N_ELEMENTS (alignments))
    return;
  lirscope_session_set_alignment (self->session, alignments[selected]);
}

static void
on_dark_changed (AdwStyleManager *manager, GParamSpec *pspec, LirscopeWindow *self)
{
  lirscope_timeline_set_dark (self->timeline, adw_style_manager_get_dark (manager));
}

static void
setup_dropdowns (LirscopeWindow *self)
{
  g_autoptr (GtkStringList) strategies = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) alignment_names = gtk_string_list_new (NULL);
  const LirStrategy *const *list;
  guint n;

  gtk_string_list_append (strategies, _ ("as loaded"));
  list = lir_strategy_list (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (strategies, lir_strategy_get_name (list[i]));
  gtk_drop_down_set_model (self->strategy_dropdown, G_LIST_MODEL (strategies));
  for (guint i = 0; i < G_N_ELEMENTS (alignments); i++)
    {
      g_autofree char *label = g_strdup_printf ("%u B", (guint)alignments[i]);

      gtk_string_list_append (alignment_names, label);
    }
  gtk_drop_down_set_model (self->alignment_dropdown, G_LIST_MODEL (alignment_names));
  g_signal_connect (self->strategy_dropdown, "notify::selected", G_CALLBACK (on_strategy_changed), self);
  g_signal_connect (self->alignment_dropdown, "notify::selected", G_CALLBACK (on_alignment_changed), self);
}

/* ---- object --------------------------------------------------------------------------- */

static gboolean
lirscope_window_close_request (GtkWindow *window)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return GTK_WINDOW_CLASS (lirscope_window_parent_class)->close_request (window);
}

static void
lirscope_window_dispose (GObject *object)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (object);

  if (self->session != NULL)
    {
      lirscope_session_cancel (self->session);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  /* Settings outlive windows: their actions and bindings go with the window. */
  g_action_map_remove_action (G_ACTION_MAP (self), "color-by");
  g_action_map_remove_action (G_ACTION_MAP (self), "focus-activations");
  g_action_map_remove_action (G_ACTION_MAP (self), "all-steps");
  if (self->timeline != NULL)
    {
      g_settings_unbind (self->timeline, "focus-activations");
      g_settings_unbind (self->timeline, "all-steps");
    }
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIRSCOPE_TYPE_WINDOW);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (lirscope_window_parent_class)->dispose (object);
}

static void
lirscope_window_finalize (GObject *object)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (lirscope_window_parent_class)->finalize (object);
}

static void
lirscope_window_class_init (LirscopeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lirscope_window_dispose;
  object_class->finalize = lirscope_window_finalize;
  window_class->close_request = lirscope_window_close_request;

  g_type_ensure (LIRSCOPE_TYPE_TIMELINE);
  g_type_ensure (LIRSCOPE_TYPE_LEGEND);
  g_type_ensure (LIRSCOPE_TYPE_SUMMARY_PAGE);
  g_type_ensure (LIRSCOPE_TYPE_BUFFER_PAGE);
  g_type_ensure (LIRSCOPE_TYPE_PEAK_PAGE);
  g_type_ensure (LIRSCOPE_TYPE_CHANGES_PAGE);
  g_type_ensure (LIRSCOPE_TYPE_SEARCH_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lirscope/Lirscope/lirscope-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, strategy_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, alignment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, summary_page);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, buffer_page);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, peak_page);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, changes_page);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, search_page);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, phases_section);
  _lirscope_window_class_actions_init (widget_class);
}

static void
lirscope_window_init (LirscopeWindow *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *strategy = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  lirscope_timeline_attach_input (self->timeline);
  self->settings = lirscope_settings_new ();
  self->session = lirscope_session_new ();
  strategy = g_settings_get_string (self->settings, "strategy");
  lirscope_session_set_default_strategy (self->session, strategy);
  lirscope_session_set_default_params_in_arena (self->session,
                                                g_settings_get_boolean (self->settings, "params-in-arena"));

  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_object_bind_property (self->flap, "reveal-flap", self->sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  lirscope_timeline_set_session (self->timeline, self->session);
  lirscope_legend_set_timeline (self->legend, self->timeline, self->session);
  lirscope_page_set_session (LIRSCOPE_PAGE (self->summary_page), self->session);
  lirscope_page_set_session (LIRSCOPE_PAGE (self->buffer_page), self->session);
  lirscope_page_set_session (LIRSCOPE_PAGE (self->peak_page), self->session);
  lirscope_page_set_session (LIRSCOPE_PAGE (self->changes_page), self->session);
  lirscope_page_set_session (LIRSCOPE_PAGE (self->search_page), self->session);
  g_signal_connect (self->changes_page, "node-activated", G_CALLBACK (on_node_activated), self);
  g_signal_connect (self->search_page, "node-activated", G_CALLBACK (on_node_activated), self);
  g_signal_connect (self->peak_page, "node-activated", G_CALLBACK (on_node_activated), self);

  setup_dropdowns (self);
  _lirscope_window_actions_init (self);
  _lirscope_window_dnd_init (self);

  g_signal_connect (self->session, "notify::busy", G_CALLBACK (on_busy), self);
  g_signal_connect (self->session, "notify::progress", G_CALLBACK (on_progress), self);
  g_signal_connect (self->session, "notify::error", G_CALLBACK (on_error), self);
  g_signal_connect (self->session, "plan-changed", G_CALLBACK (on_plan_changed), self);
  g_signal_connect (self->session, "options-changed", G_CALLBACK (on_options_changed), self);
  g_signal_connect (self->session, "replanned", G_CALLBACK (on_replanned), self);
  g_signal_connect (self->session, "order-searched", G_CALLBACK (on_order_searched), self);
  g_signal_connect (self->session, "notify::selected", G_CALLBACK (on_selected), self);
  g_signal_connect (self->session, "notify::comparing", G_CALLBACK (on_comparing), self);
  g_signal_connect (self->session, "notify::cursor-step", G_CALLBACK (on_cursor), self);
  g_signal_connect (style, "notify::dark", G_CALLBACK (on_dark_changed), self);
  on_dark_changed (style, NULL, self);
  on_plan_changed (self->session, FALSE, self);
  on_options_changed (self->session, self);
}

LirscopeWindow *
lirscope_window_new (GtkApplication *application)
{
  return g_object_new (LIRSCOPE_TYPE_WINDOW, "application", application, NULL);
}

/* Returns: (transfer none): the window's session */
LirscopeSession *
lirscope_window_get_session (LirscopeWindow *self)
{
  return self->session;
}

LirscopeTimeline *
lirscope_window_get_timeline (LirscopeWindow *self)
{
  return self->timeline;
}

LirscopeSummaryPage *
lirscope_window_get_summary_page (LirscopeWindow *self)
{
  return self->summary_page;
}

LirscopeBufferPage *
lirscope_window_get_buffer_page (LirscopeWindow *self)
{
  return self->buffer_page;
}

LirscopePeakPage *
lirscope_window_get_peak_page (LirscopeWindow *self)
{
  return self->peak_page;
}

LirscopeChangesPage *
lirscope_window_get_changes_page (LirscopeWindow *self)
{
  return self->changes_page;
}

LirscopeSearchPage *
lirscope_window_get_search_page (LirscopeWindow *self)
{
  return self->search_page;
}

/* Returns: (nullable): the error banner's text, %NULL when it is hidden */
const char *
lirscope_window_get_banner_text (LirscopeWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_text (self->banner_label);
}

/* Returns: the name of the sidebar page on show: summary, buffer, changes or search */
const char *
lirscope_window_get_sidebar_page (LirscopeWindow *self)
{
  return adw_view_stack_get_visible_child_name (self->sidebar_stack);
}

/* Chooses a strategy in the drop-down as a user would (re-plans in the background). */
void
lirscope_window_select_strategy (LirscopeWindow *self, const char *strategy)
{
  GListModel *model = gtk_drop_down_get_model (self->strategy_dropdown);

  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), strategy))
      gtk_drop_down_set_selected (self->strategy_dropdown, i);
}

/* Returns: the strategy the drop-down shows ("" for "as loaded") */
const char *
lirscope_window_get_shown_strategy (LirscopeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->strategy_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return "";
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (self->strategy_dropdown)),
                                     selected);
}
