/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-window-actions.c: the window's actions, file choosers, export,
 * recent files and drag-and-drop.
 *
 * Every action asks the session or the timeline; none keeps state of its
 * own. Actions that need an open plan are disabled while there is none, so
 * the empty window offers only what can work there.
 */
#include "lirscope-window-private.h"

#include "lir-private.h"

#include <glib/gi18n.h>

static const char *const phase_actions[LIR_N_PHASES] = {
  [LIR_PHASE_PROLOGUE] = "show-prologue",
  [LIR_PHASE_STEADY_STATE] = "show-steady-state",
  [LIR_PHASE_EPILOGUE] = "show-epilogue",
};

/* ---- export --------------------------------------------------------------------------- */

/**
 * lirscope_window_export_to:
 * @self: a window
 * @path: where to write; the extension picks SVG, PNG or PDF
 * @visible_region: the zoomed region at the timeline's size, rather than
 *   the whole plan
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set if nothing is open, the extension is
 *   unknown, @path is the open file, or writing failed
 */
gboolean
lirscope_window_export_to (LirscopeWindow *self, const char *path, gboolean visible_region, GError **error)
{
  LirRenderer *renderer = lirscope_session_get_renderer (self->session);
  GFile *file = lirscope_session_get_file (self->session);
  g_autofree char *input = file != NULL ? g_file_get_path (file) : NULL;
  LirRenderOptions options = *lirscope_timeline_get_options (self->timeline);
  LirRenderFormat format;
  LirViewport viewport;
  double width = 1600, height = 900;

  if (renderer == NULL)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, _ ("no plan is open"));
      return FALSE;
    }
  if (!lir_render_format_from_path (path, &format))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, _ ("%s: use a .svg, .png or .pdf name"), path);
      return FALSE;
    }
  if (input != NULL && lir_file_is_same (input, path))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, _ ("%s is the open plan; choose another name"), path);
      return FALSE;
    }
  options.header = TRUE;
  options.cursor_step = -1;
  options.theme = LIR_THEME_LIGHT;
  options.selected = lirscope_session_get_selected (self->session);
  options.diff = lirscope_session_get_diff (self->session);
  options.callouts = TRUE;
  if (visible_region)
    {
      lirscope_timeline_get_viewport (self->timeline, &viewport);
      width = MAX (gtk_widget_get_width (GTK_WIDGET (self->timeline)), 320);
      height = MAX (gtk_widget_get_height (GTK_WIDGET (self->timeline)), 240) + 100;
    }
  else
    lir_renderer_get_full_viewport (renderer, &viewport);
  return lir_renderer_export (renderer, path, format, width, height, &viewport, &options, error);
}

/* The format of the filter the chooser shows. */
static LirRenderFormat
chosen_format (GtkFileChooser *chooser, LirRenderFormat fallback)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_chooser_get_filter (chooser);

  return filter != NULL ? (LirRenderFormat)GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "format"))
                        : fallback;
}

static void
on_export_response (GtkNativeDialog *dialog, int response, LirscopeWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *typed = NULL, *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  typed = g_file_get_path (file);
  if (typed == NULL)
    goto out;
  /* The format picked is the format written, unless the user typed a name
   * that says another; the name suggested follows the format picked. */
  self->export_format = chosen_format (GTK_FILE_CHOOSER (dialog), self->export_format);
  self->export_visible =
    g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "region"), "visible") == 0;
  {
    g_autofree char *base = g_path_get_basename (typed);

    if (g_strcmp0 (base, g_object_get_data (G_OBJECT (dialog), "suggested")) == 0)
      path = lir_render_format_swap_extension (typed, self->export_format);
    else
      path = lir_render_format_apply_to_path (typed, self->export_format);
  }
  if (lirscope_window_export_to (self, path, self->export_visible, &error))
    {
      g_autofree char *message = g_strdup_printf (_ ("Exported %s"), path);

      _lirscope_window_toast (self, message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_ ("Could not export: %s"), error->message);

      _lirscope_window_toast (self, message);
    }
out:
  g_object_unref (dialog);
}

/* Picking another format renames the suggestion to match. */
static void
on_export_filter_changed (GtkFileChooser *chooser, GParamSpec *pspec, LirscopeWindow *self)
{
  g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
  g_autofree char *renamed = NULL;

  if (name == NULL || *name == '\0')
    return;
  renamed = lir_render_format_swap_extension (name, chosen_format (chooser, self->export_format));
  if (g_strcmp0 (renamed, name) != 0)
    {
      gtk_file_chooser_set_current_name (chooser, renamed);
      g_object_set_data_full (G_OBJECT (chooser), "suggested", g_strdup (renamed), g_free);
    }
}

static void
add_filter (GtkFileChooser *chooser, const char *name, const char *const *patterns)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* Returns: (transfer full) (nullable): where choosers start: beside the
 * open file, where its pictures and baselines usually are */
GFile *
_lirscope_window_get_chooser_folder (LirscopeWindow *self)
{
  GFile *file = lirscope_session_get_file (self->session);

  return file != NULL ? g_file_get_parent (file) : NULL;
}

static void
start_beside_open_file (LirscopeWindow *self, GtkFileChooser *chooser)
{
  g_autoptr (GFile) folder = _lirscope_window_get_chooser_folder (self);

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static GtkFileFilter *
add_format_filter (GtkFileChooser *chooser, const char *name, LirRenderFormat format)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", lir_render_format_get_extension (format));

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data (G_OBJECT (filter), "format", GINT_TO_POINTER (format));
  gtk_file_chooser_add_filter (chooser, filter);
  return filter;
}

/* Returns: (transfer full): the export chooser, not yet shown, offering
 * the format and region chosen last time */
static GtkFileChooserNative *
new_export_chooser (LirscopeWindow *self)
{
  const char *choice_ids[] = { "whole", "visible", NULL };
  const char *choice_labels[] = { _ ("Whole plan"), _ ("Visible region"), NULL };
  GtkFileChooserNative *dialog;
  GtkFileChooser *chooser;
  GtkFileFilter *filters[3];
  g_autofree char *suggested = NULL;

  dialog = gtk_file_chooser_native_new (_ ("Export the Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  chooser = GTK_FILE_CHOOSER (dialog);
  filters[LIR_RENDER_SVG] = add_format_filter (chooser, _ ("SVG image"), LIR_RENDER_SVG);
  filters[LIR_RENDER_PNG] = add_format_filter (chooser, _ ("PNG image"), LIR_RENDER_PNG);
  filters[LIR_RENDER_PDF] = add_format_filter (chooser, _ ("PDF document"), LIR_RENDER_PDF);
  gtk_file_chooser_set_filter (chooser, filters[self->export_format]);
  gtk_file_chooser_add_choice (chooser, "region", _ ("Export"), choice_ids, choice_labels);
  gtk_file_chooser_set_choice (chooser, "region", self->export_visible ? "visible" : "whole");
  start_beside_open_file (self, chooser);
  suggested = g_strdup_printf ("%s.%s", lir_module_get_name (lirscope_session_get_module (self->session)),
                               lir_render_format_get_extension (self->export_format));
  gtk_file_chooser_set_current_name (chooser, suggested);
  g_object_set_data_full (G_OBJECT (dialog), "suggested", g_strdup (suggested), g_free);
  /* Where the chooser tells (the portal's does not), the suggestion is
   * renamed as soon as another format is picked. */
  g_signal_connect (dialog, "notify::filter", G_CALLBACK (on_export_filter_changed), self);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  return dialog;
}

/* ---- actions -------------------------------------------------------------------------- */

static void
on_open_response (GtkNativeDialog *dialog, int response, LirscopeWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      gboolean baseline = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "baseline"));

      if (baseline)
        lirscope_session_compare (self->session, file);
      else
        lirscope_window_open (self, file);
    }
  g_object_unref (dialog);
}

static void
show_open_chooser (LirscopeWindow *self, gboolean baseline)
{
  static const char *const plans[] = { "*.json", "*.csv", NULL };
  static const char *const all[] = { "*", NULL };
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (baseline ? _ ("Compare With a Baseline") : _ ("Open a Memory Plan"),
                                 GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 baseline ? _ ("_Compare") : _ ("_Open"), _ ("_Cancel"));

  add_filter (GTK_FILE_CHOOSER (dialog), _ ("Plans, graphs and buffer lists"), plans);
  add_filter (GTK_FILE_CHOOSER (dialog), _ ("All files"), all);
  start_beside_open_file (self, GTK_FILE_CHOOSER (dialog));
  g_object_set_data (G_OBJECT (dialog), "baseline", GINT_TO_POINTER (baseline));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
action_open (GtkWidget *widget, const char *name, GVariant *parameter)
{
  show_open_chooser (LIRSCOPE_WINDOW (widget), FALSE);
}

static void
action_open_uri (GtkWidget *widget, const char *name, GVariant *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  lirscope_window_open (LIRSCOPE_WINDOW (widget), file);
}

static void
action_compare (GtkWidget *widget, const char *name, GVariant *parameter)
{
  show_open_chooser (LIRSCOPE_WINDOW (widget), TRUE);
}

static void
action_stop_comparing (GtkWidget *widget, const char *name, GVariant *parameter)
{
  lirscope_session_compare (LIRSCOPE_WINDOW (widget)->session, NULL);
}

static void
action_export (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (widget);
  GtkFileChooserNative *dialog = new_export_chooser (self);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
action_reload (GtkWidget *widget, const char *name, GVariant *parameter)
{
  lirscope_session_reload (LIRSCOPE_WINDOW (widget)->session);
}

static void
action_find_order (GtkWidget *widget, const char *name, GVariant *parameter)
{
  lirscope_session_find_order (LIRSCOPE_WINDOW (widget)->session);
}

static void
action_cancel (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (widget);

  if (lirscope_session_cancel (self->session))
    _lirscope_window_toast (self, _ ("Cancelled"));
}

static void
action_zoom (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (widget);
  double w = gtk_widget_get_width (GTK_WIDGET (self->timeline));
  double h = gtk_widget_get_height (GTK_WIDGET (self->timeline));

  if (g_str_equal (name, "win.zoom-in"))
    lirscope_timeline_zoom (self->timeline, 1.5, 1, w / 2, h / 2);
  else if (g_str_equal (name, "win.zoom-out"))
    lirscope_timeline_zoom (self->timeline, 1 / 1.5, 1, w / 2, h / 2);
  else if (g_str_equal (name, "win.zoom-fit"))
    lirscope_timeline_fit (self->timeline);
  else
    lirscope_timeline_zoom_to_node (self->timeline, lirscope_session_get_selected (self->session));
}

static void
action_search (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  adw_view_stack_set_visible_child_name (self->sidebar_stack, "search");
  lirscope_search_page_focus (self->search_page);
}

static void
action_toggle_sidebar (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
action_dismiss_banner (GtkWidget *widget, const char *name, GVariant *parameter)
{
  lirscope_session_clear_error (LIRSCOPE_WINDOW (widget)->session);
}

static void
action_toast (GtkWidget *widget, const char *name, GVariant *parameter)
{
  _lirscope_window_toast (LIRSCOPE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

void
_lirscope_window_class_actions_init (GtkWidgetClass *widget_class)
{
  static const struct
  {
    const char *name;
    GtkWidgetActionActivateFunc activate;
    const char *parameter;
    guint key;
    GdkModifierType modifiers;
  } actions[] = {
    { "win.open", action_open, NULL, GDK_KEY_o, GDK_CONTROL_MASK },
    { "win.open-uri", action_open_uri, "s", 0, 0 },
    { "win.export", action_export, NULL, GDK_KEY_e, GDK_CONTROL_MASK },
    { "win.compare", action_compare, NULL, GDK_KEY_d, GDK_CONTROL_MASK },
    { "win.stop-comparing", action_stop_comparing, NULL, 0, 0 },
    { "win.reload", action_reload, NULL, GDK_KEY_r, GDK_CONTROL_MASK },
    { "win.find-order", action_find_order, NULL, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "win.cancel", action_cancel, NULL, GDK_KEY_Escape, 0 },
    { "win.zoom-in", action_zoom, NULL, GDK_KEY_plus, GDK_CONTROL_MASK },
    { "win.zoom-out", action_zoom, NULL, GDK_KEY_minus, GDK_CONTROL_MASK },
    { "win.zoom-fit", action_zoom, NULL, GDK_KEY_0, GDK_CONTROL_MASK },
    { "win.zoom-selection", action_zoom, NULL, GDK_KEY_period, GDK_CONTROL_MASK },
    { "win.search", action_search, NULL, GDK_KEY_f, GDK_CONTROL_MASK },
    { "win.toggle-sidebar", action_toggle_sidebar, NULL, GDK_KEY_F9, 0 },
    { "win.dismiss-banner", action_dismiss_banner, NULL, 0, 0 },
    { "win.toast", action_toast, "s", 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter,
                                       actions[i].activate);
      if (actions[i].key != 0)
        gtk_widget_class_add_binding_action (widget_class, actions[i].key, actions[i].modifiers,
                                             actions[i].name, NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
}

/* Actions that need a plan are off while there is none. */
void
_lirscope_window_actions_update (LirscopeWindow *self)
{
  static const char *const need_plan[] = { "win.export",   "win.compare",  "win.zoom-in",
                                           "win.zoom-out", "win.zoom-fit", "win.search" };
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = lirscope_session_get_module (self->session) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (need_plan); i++)
    gtk_widget_action_set_enabled (widget, need_plan[i], open);
  gtk_widget_action_set_enabled (widget, "win.reload", lirscope_session_get_file (self->session) != NULL);
  gtk_widget_action_set_enabled (widget, "win.find-order",
                                 open
                                   && !lir_module_is_buffer_only (
                                     lirscope_session_get_module (self->session)));
  gtk_widget_action_set_enabled (widget, "win.stop-comparing",
                                 lirscope_session_get_diff (self->session) != NULL);
  gtk_widget_action_set_enabled (widget, "win.zoom-selection",
                                 open && lirscope_session_get_selected (self->session) != LIR_NO_NODE);
}

/* ---- view state ----------------------------------------------------------------------- */

static void
toggle_phase (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LirscopeWindow *self = user_data;
  g_autoptr (GVariant) state = g_action_get_state (G_ACTION (action));
  guint hidden = 0;

  g_simple_action_set_state (action, g_variant_new_boolean (!g_variant_get_boolean (state)));
  for (guint p = 0; p < LIR_N_PHASES; p++)
    {
      g_autoptr (GVariant) shown =
        g_action_get_state (g_action_map_lookup_action (G_ACTION_MAP (self), phase_actions[p]));

      if (!g_variant_get_boolean (shown))
        hidden |= 1u << p;
    }
  lirscope_timeline_set_hidden_phases (self->timeline, hidden);
}

static void
toggle_params (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LirscopeWindow *self = user_data;
  g_autoptr (GVariant) state = g_action_get_state (G_ACTION (action));
  gboolean params = !g_variant_get_boolean (state);

  g_simple_action_set_state (action, g_variant_new_boolean (params));
  lirscope_session_set_params_in_arena (self->session, params);
}

static void
on_color_by_setting (GSettings *settings, const char *key, LirscopeWindow *self)
{
  lirscope_timeline_set_color_by (self->timeline, (LirColorBy)g_settings_get_enum (settings, "color-by"));
}

static void
update_recent (LirscopeWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint added = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL && added < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr (GMenuItem) item = NULL;

      if (!gtk_recent_info_has_application (info, g_get_application_name ())
          || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-uri",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_section, item);
      added++;
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

void
_lirscope_window_actions_init (LirscopeWindow *self)
{
  g_autoptr (GSimpleAction) params =
    g_simple_action_new_stateful ("params-in-arena", NULL, g_variant_new_boolean (TRUE));
  g_autoptr (GAction) color_by = g_settings_create_action (self->settings, "color-by");
  g_autoptr (GAction) focus = g_settings_create_action (self->settings, "focus-activations");
  g_autoptr (GAction) all_steps = g_settings_create_action (self->settings, "all-steps");

  for (guint p = 0; p < LIR_N_PHASES; p++)
    {
      g_autoptr (GSimpleAction) action =
        g_simple_action_new_stateful (phase_actions[p], NULL, g_variant_new_boolean (TRUE));
      g_autofree char *detailed = g_strconcat ("win.", phase_actions[p], NULL);

      g_signal_connect (action, "activate", G_CALLBACK (toggle_phase), self);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
      /* The phases' names come from core, as the band and the Buffer page show them. */
      g_menu_append (self->phases_section, _ (lir_phase_get_label ((LirPhase)p)), detailed);
    }
  g_signal_connect (params, "activate", G_CALLBACK (toggle_params), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (params));
  g_action_map_add_action (G_ACTION_MAP (self), color_by);
  g_action_map_add_action (G_ACTION_MAP (self), focus);
  g_action_map_add_action (G_ACTION_MAP (self), all_steps);
  g_settings_bind (self->settings, "focus-activations", self->timeline, "focus-activations",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "all-steps", self->timeline, "all-steps", G_SETTINGS_BIND_GET);
  g_signal_connect (self->settings, "changed::color-by", G_CALLBACK (on_color_by_setting), self);
  on_color_by_setting (self->settings, "color-by", self);
  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed", G_CALLBACK (update_recent), self);
  update_recent (self);
}

/* ---- drag and drop -------------------------------------------------------------------- */

/* One file opens; two files open the first and compare it with the second;
 * one file dropped with Ctrl held on an open plan becomes its baseline. */
static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, LirscopeWindow *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (target));
  GFile *file = NULL, *second = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      file = files != NULL ? files->data : NULL;
      second = files != NULL && files->next != NULL ? files->next->data : NULL;
    }
  if (file == NULL)
    return FALSE;
  if (second == NULL && (state & GDK_CONTROL_MASK) && lirscope_session_get_module (self->session) != NULL)
    {
      lirscope_session_compare (self->session, file);
      return TRUE;
    }
  lirscope_window_open (self, file);
  /* The session compares once the plan has landed. */
  if (second != NULL)
    lirscope_session_compare (self->session, second);
  return TRUE;
}

void
_lirscope_window_dnd_init (LirscopeWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/**
 * lirscope_window_open:
 * @self: a window
 * @file: a plan, graph or buffer list
 *
 * Loads @file in the window's session; the window shows it when done, or a
 * banner if it cannot be read.
 */
void
lirscope_window_open (LirscopeWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  lirscope_session_open (self->session, file);
}
