/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-window.c: loads and plans off the UI thread, shows the result.
 *
 * The window owns the last good module. Loading, re-planning and reloading
 * run in a GTask thread that builds the module and its renderer; only a
 * success replaces what is on screen, so a bad file or a failed plan leaves
 * the last good plan in place with a banner saying why.
 */
#include "lirscope-window.h"

#include <string.h>

#define RELOAD_DEBOUNCE_MS 300
#define MAX_SEARCH_RESULTS 200
#define MAX_NEIGHBOURS 40
#define MAX_LINKS 60

struct _LirscopeWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkSpinner *spinner;
  GtkButton *cancel_button;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkDropDown *strategy_dropdown;
  GtkDropDown *alignment_dropdown;
  GtkDropDown *color_dropdown;
  GtkStack *main_stack;
  LirscopeTimeline *timeline;
  GtkStack *sidebar_stack;
  GtkBox *summary_box;
  GtkBox *details_box;
  GtkSearchEntry *search_entry;
  GtkLabel *search_status;
  GtkListBox *search_results;
  GtkLabel *status_label;
  GMenu *recent_section;
  GtkLabel *changes_summary;
  GtkListBox *changes_list;

  GSettings *settings;
  GFile *file;
  LirModule *module;
  GFile *baseline_file;
  LirModule *baseline; /* compare mode: the plan this one is compared with */
  GFileMonitor *monitor;
  guint reload_source;
  GCancellable *cancellable;
  guint busy;
  gboolean updating; /* controls are being set from the model */
  gboolean user_planned; /* the user changed a planning control */

  GHashTable *summary_rows; /* title -> AdwActionRow */
  AdwPreferencesGroup *symbols_group;
  GPtrArray *symbol_spins;  /* GtkSpinButton, data "symbol" */
  GArray *search_hits;      /* guint32 */
};

G_DEFINE_FINAL_TYPE (LirscopeWindow, lirscope_window, ADW_TYPE_APPLICATION_WINDOW)

static const guint64 alignments[] = { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096 };

/* ---- banner and toasts ---------------------------------------------------------------- */

static void
show_banner (LirscopeWindow *self, const char *message)
{
  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
hide_banner (LirscopeWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static void
toast (LirscopeWindow *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ---- busy state ----------------------------------------------------------------------- */

static void
set_busy (LirscopeWindow *self, gboolean busy)
{
  self->busy += busy ? 1 : -1;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->busy > 0);
}

static void
cancel_work (LirscopeWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* ---- summary -------------------------------------------------------------------------- */

static void
copy_row (GtkButton *button, AdwActionRow *row)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (button));
  LirscopeWindow *self = LIRSCOPE_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autofree char *message = NULL;

  gdk_clipboard_set_text (clipboard, adw_action_row_get_subtitle (row));
  message = g_strdup_printf ("Copied %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  toast (self, message);
}

static AdwActionRow *
add_summary_row (LirscopeWindow *self, AdwPreferencesGroup *group, const char *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, "—");
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, "Copy");
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_row), row);
  adw_action_row_add_suffix (row, copy);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_hash_table_insert (self->summary_rows, g_strdup (title), row);
  return row;
}

static void
set_summary (LirscopeWindow *self, const char *title, const char *value)
{
  AdwActionRow *row = g_hash_table_lookup (self->summary_rows, title);

  g_return_if_fail (row != NULL);
  adw_action_row_set_subtitle (row, value);
}

static char *
bytes_with_exact (guint64 bytes)
{
  g_autofree char *human = lir_format_bytes (bytes);

  return g_strdup_printf ("%s (%" G_GUINT64_FORMAT " B)", human, bytes);
}

static void
update_summary (LirscopeWindow *self)
{
  LirBufferPlan *plan = lir_module_get_plan (self->module);
  LirGraph *graph = lir_module_get_graph (self->module);
  LirPlanStats stats;
  char fingerprint[17], graph_fingerprint[17];
  g_autofree char *arena = NULL, *unshared = NULL, *saved = NULL, *bound = NULL;
  g_autofree char *saved_text = NULL, *efficiency = NULL, *counts = NULL, *alignment = NULL;
  g_autofree char *peak = NULL;
  const char *strategy = lir_buffer_plan_get_strategy (plan);

  lir_plan_stats_compute (plan, &stats);
  lir_fingerprint_format (lir_fingerprint_module (self->module), fingerprint);
  lir_fingerprint_format (lir_fingerprint_graph (graph), graph_fingerprint);
  arena = bytes_with_exact (stats.arena_size);
  unshared = bytes_with_exact (stats.total_unshared);
  saved = lir_format_bytes (stats.bytes_saved);
  saved_text = g_strdup_printf ("%s (%.1f%%)", saved, stats.saved_fraction * 100);
  bound = bytes_with_exact (stats.lower_bound);
  efficiency = g_strdup_printf ("%.2f%%%s", stats.efficiency * 100,
                                stats.proven_optimal ? " — optimal" : "");
  counts = g_strdup_printf ("%u buffers, %u views, %u nodes", stats.n_buffers, stats.n_views,
                            stats.n_nodes);
  alignment = g_strdup_printf ("%" G_GUINT64_FORMAT " B", lir_buffer_plan_get_alignment (plan));
  peak = g_strdup_printf ("%u", stats.peak_step);

  set_summary (self, "Arena size", arena);
  set_summary (self, "Total unshared", unshared);
  set_summary (self, "Bytes saved", saved_text);
  set_summary (self, "Lower bound", bound);
  set_summary (self, "Efficiency", efficiency);
  set_summary (self, "Peak step", peak);
  set_summary (self, "Buffers", counts);
  set_summary (self, "Strategy", *strategy != '\0' ? strategy : "from the file");
  set_summary (self, "Alignment", alignment);
  set_summary (self, "Fingerprint", fingerprint);
  set_summary (self, "Graph fingerprint", graph_fingerprint);
}

/* ---- symbols -------------------------------------------------------------------------- */

static void start_replan (LirscopeWindow *self);

static void
on_symbol_changed (GtkSpinButton *spin, LirscopeWindow *self)
{
  if (self->updating)
    return;
  self->user_planned = TRUE;
  start_replan (self);
}

static void
update_symbols (LirscopeWindow *self)
{
  LirGraph *graph = lir_module_get_graph (self->module);
  LirBufferPlan *plan = lir_module_get_plan (self->module);
  guint n = lir_graph_get_n_symbols (graph);

  /* Rebuild only when the symbols differ (a reload keeps the widgets). */
  if (self->symbol_spins->len == n)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < n && same; i++)
        same = g_str_equal (g_object_get_data (self->symbol_spins->pdata[i], "symbol"),
                            lir_graph_get_symbol_name (graph, i));
      if (!same)
        n = G_MAXUINT;
    }
  if (self->symbol_spins->len != lir_graph_get_n_symbols (graph) || n == G_MAXUINT)
    {
      n = lir_graph_get_n_symbols (graph);
      g_ptr_array_set_size (self->symbol_spins, 0);
      if (self->symbols_group != NULL)
        gtk_box_remove (self->summary_box, GTK_WIDGET (self->symbols_group));
      self->symbols_group = NULL;
      if (n > 0)
        {
          self->symbols_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (self->symbols_group, "Symbols");
          adw_preferences_group_set_description (self->symbols_group,
                                                 "Changing a dimension re-plans the graph.");
          for (guint i = 0; i < n; i++)
            {
              AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
              GtkWidget *spin = gtk_spin_button_new_with_range (1, 1 << 30, 1);

              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                             lir_graph_get_symbol_name (graph, i));
              gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
              g_object_set_data_full (G_OBJECT (spin), "symbol",
                                      g_strdup (lir_graph_get_symbol_name (graph, i)), g_free);
              g_signal_connect (spin, "value-changed", G_CALLBACK (on_symbol_changed), self);
              adw_action_row_add_suffix (row, spin);
              adw_action_row_set_activatable_widget (row, spin);
              adw_preferences_group_add (self->symbols_group, GTK_WIDGET (row));
              g_ptr_array_add (self->symbol_spins, spin);
            }
          gtk_box_insert_child_after (self->summary_box, GTK_WIDGET (self->symbols_group), NULL);
        }
    }
  /* Show the values the plan was made with. */
  self->updating = TRUE;
  for (guint i = 0; i < self->symbol_spins->len; i++)
    {
      const char *name = g_object_get_data (self->symbol_spins->pdata[i], "symbol");
      guint64 value = lir_graph_get_symbol_default (graph, i);

      for (guint b = 0; b < lir_buffer_plan_get_n_bindings (plan); b++)
        {
          guint64 bound;

          if (g_str_equal (lir_buffer_plan_get_binding (plan, b, &bound), name))
            value = bound;
        }
      gtk_spin_button_set_value (self->symbol_spins->pdata[i], (double)value);
    }
  self->updating = FALSE;
}

/* ---- planning controls ---------------------------------------------------------------- */

static void
update_controls (LirscopeWindow *self)
{
  LirBufferPlan *plan = lir_module_get_plan (self->module);
  GListModel *strategies = gtk_drop_down_get_model (self->strategy_dropdown);
  const char *strategy = lir_buffer_plan_get_strategy (plan);
  guint64 alignment = lir_buffer_plan_get_alignment (plan);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->strategy_dropdown, 0);
  for (guint i = 1; i < g_list_model_get_n_items (strategies); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (strategies), i), strategy))
      gtk_drop_down_set_selected (self->strategy_dropdown, i);
  gtk_drop_down_set_selected (self->alignment_dropdown, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < G_N_ELEMENTS (alignments); i++)
    if (alignments[i] == alignment)
      gtk_drop_down_set_selected (self->alignment_dropdown, i);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                          "params-in-arena")),
                             g_variant_new_boolean (lir_buffer_plan_get_allocates (plan, LIR_OP_PARAM)));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "params-in-arena")),
                               !lir_module_is_buffer_only (self->module));
  self->updating = FALSE;
}

/* The options the planning controls describe. */
static LirPlanOptions *
control_options (LirscopeWindow *self)
{
  LirPlanOptions *options = lir_plan_options_new ();
  guint strategy = gtk_drop_down_get_selected (self->strategy_dropdown);
  guint alignment = gtk_drop_down_get_selected (self->alignment_dropdown);
  GListModel *strategies = gtk_drop_down_get_model (self->strategy_dropdown);

  if (strategy != GTK_INVALID_LIST_POSITION && strategy > 0)
    lir_plan_options_set_strategy (options,
                                   gtk_string_list_get_string (GTK_STRING_LIST (strategies), strategy));
  if (alignment < G_N_ELEMENTS (alignments))
    lir_plan_options_set_alignment (options, alignments[alignment]);
  /* Keep what the current plan puts in the arena. */
  if (self->module != NULL)
    {
      static const LirOpKind boundaries[] = { LIR_OP_INPUT, LIR_OP_PARAM, LIR_OP_CONSTANT };
      LirBufferPlan *plan = lir_module_get_plan (self->module);

      for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
        lir_plan_options_set_allocate (options, boundaries[i],
                                       lir_buffer_plan_get_allocates (plan, boundaries[i]));
    }
  {
    GAction *params = g_action_map_lookup_action (G_ACTION_MAP (self), "params-in-arena");
    g_autoptr (GVariant) state = g_action_get_state (params);

    lir_plan_options_set_allocate (options, LIR_OP_PARAM, g_variant_get_boolean (state));
  }
  for (guint i = 0; i < self->symbol_spins->len; i++)
    lir_plan_options_bind (options, g_object_get_data (self->symbol_spins->pdata[i], "symbol"),
                                  (guint64)gtk_spin_button_get_value (self->symbol_spins->pdata[i]));
  return options;
}

static void
on_strategy_changed (GtkDropDown *dropdown, GParamSpec *pspec, LirscopeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->module == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_settings_set_string (self->settings, "strategy",
                         gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)),
                                                     selected));
  self->user_planned = TRUE;
  start_replan (self);
}

static void
on_alignment_changed (GtkDropDown *dropdown, GParamSpec *pspec, LirscopeWindow *self)
{
  if (self->updating || self->module == NULL)
    return;
  self->user_planned = TRUE;
  start_replan (self);
}

/* ---- details of the selection --------------------------------------------------------- */

static void describe_change (const LirBufferChange *c, GString *out);

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
on_link_activated (AdwActionRow *row, LirscopeWindow *self)
{
  guint32 node = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "node"));

  lirscope_timeline_set_selected (self->timeline, node);
}

static void
add_property (AdwPreferencesGroup *group, const char *title, const char *value)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, value);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

/* A group of rows that select the node they name. */
static void
add_links (LirscopeWindow *self, const char *title, const guint32 *nodes, guint n)
{
  LirGraph *graph = lir_module_get_graph (self->module);
  LirBufferPlan *plan = lir_module_get_plan (self->module);
  AdwPreferencesGroup *group;

  if (n == 0)
    return;
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, title);
  for (guint i = 0; i < MIN (n, MAX_LINKS); i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      const LirBufferSlot *slot = lir_buffer_plan_slot (plan, nodes[i]);
      g_autofree char *bytes = slot != NULL ? lir_format_bytes (slot->size) : NULL;
      g_autofree char *subtitle = NULL;
      char scratch[24];

      subtitle = g_strdup_printf ("%s%s%s", lir_graph_node_op_name (graph, nodes[i]),
                                  bytes != NULL ? " · " : "", bytes != NULL ? bytes : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     lir_graph_node_label (graph, nodes[i], scratch));
      adw_action_row_set_subtitle (row, subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (slot != NULL)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_object_set_data (G_OBJECT (row), "node", GUINT_TO_POINTER (nodes[i]));
          g_signal_connect (row, "activated", G_CALLBACK (on_link_activated), self);
        }
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
  if (n > MAX_LINKS)
    {
      g_autofree char *more = g_strdup_printf ("and %u more", n - MAX_LINKS);

      adw_preferences_group_set_description (group, more);
    }
  gtk_box_append (self->details_box, GTK_WIDGET (group));
}

static void
update_details (LirscopeWindow *self, guint32 node)
{
  LirGraph *graph;
  LirBufferPlan *plan;
  const LirBufferSlot *slot;
  const LirLifetime *life;
  AdwPreferencesGroup *group;
  g_autoptr (GArray) views = NULL;
  g_autoptr (GArray) sharers = NULL;
  g_autofree char *shape = NULL, *bytes = NULL, *offset = NULL, *steps = NULL;
  const guint32 *readers;
  const guint32 *inputs;
  guint n_readers, n_inputs;
  char scratch[24];

  clear_box (self->details_box);
  if (self->module == NULL || node == LIR_NO_NODE)
    {
      GtkWidget *empty = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "find-location-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), "No Buffer Selected");
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       "Click a buffer on the timeline, or find one by name.");
      gtk_widget_add_css_class (empty, "compact");
      gtk_box_append (self->details_box, empty);
      return;
    }
  graph = lir_module_get_graph (self->module);
  plan = lir_module_get_plan (self->module);
  slot = lir_buffer_plan_slot (plan, node);
  life = lir_buffer_plan_lifetime (plan, node);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, lir_graph_node_label (graph, node, scratch));
  add_property (group, "Op", lir_graph_node_op_name (graph, node));
  if (!lir_module_is_buffer_only (self->module))
    {
      shape = lir_graph_format_shape (graph, node);
      add_property (group, "Shape", shape);
      add_property (group, "Dtype", lir_dtype_to_string (lir_graph_node_dtype (graph, node)));
    }
  if (slot != NULL)
    {
      bytes = bytes_with_exact (slot->size);
      offset = g_strdup_printf ("%" G_GUINT64_FORMAT " – %" G_GUINT64_FORMAT, slot->offset,
                                slot->offset + slot->size);
      steps = g_strdup_printf ("%u – %u", life->first_step, life->last_step);
      add_property (group, "Bytes", bytes);
      add_property (group, "Offset", offset);
      add_property (group, "Steps (first – last)", steps);
    }
  if (lir_buffer_plan_phase_of (plan, node) != LIR_PHASE_NONE)
    add_property (group, "Phase", lir_phase_to_string (lir_buffer_plan_phase_of (plan, node)));
  gtk_box_append (self->details_box, GTK_WIDGET (group));

  /* Compare mode: where the buffer was in the baseline. */
  {
    const LirPlanDiff *diff = lir_renderer_get_diff (lirscope_timeline_get_renderer (self->timeline));
    const LirBufferChange *change = diff != NULL ? lir_plan_diff_find_b (diff, node) : NULL;

    if (change != NULL)
      {
        AdwPreferencesGroup *before = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
        g_autoptr (GString) kinds = g_string_new (NULL);

        describe_change (change, kinds);
        adw_preferences_group_set_title (before, "In the baseline");
        add_property (before, "Changed", kinds->str);
        if (change->node_a != LIR_NO_NODE && change->size_a > 0)
          {
            g_autofree char *a_bytes = bytes_with_exact (change->size_a);
            g_autofree char *a_offset = g_strdup_printf ("%" G_GUINT64_FORMAT " – %" G_GUINT64_FORMAT,
                                                         change->offset_a, change->offset_a + change->size_a);
            g_autofree char *a_steps = g_strdup_printf ("%u – %u", change->first_a, change->last_a);

            add_property (before, "Bytes", a_bytes);
            add_property (before, "Offset", a_offset);
            add_property (before, "Steps (first – last)", a_steps);
          }
        gtk_box_append (self->details_box, GTK_WIDGET (before));
      }
  }

  if (lir_buffer_plan_is_view (plan, node))
    {
      const LirViewAlias *alias = lir_buffer_plan_view_alias (plan, node);
      g_autofree char *title = g_strdup_printf ("View of (at +%" G_GUINT64_FORMAT " B)",
                                                alias->byte_offset);

      add_links (self, title, &alias->root, 1);
    }
  inputs = lir_graph_node_inputs (graph, node, &n_inputs);
  add_links (self, "Producers (inputs)", inputs, n_inputs);
  readers = lir_renderer_get_readers (lirscope_timeline_get_renderer (self->timeline), node, &n_readers);
  add_links (self, "Consumers", readers, n_readers);

  /* Views on it, and the buffers that reuse its bytes at other times. */
  views = g_array_new (FALSE, FALSE, sizeof (guint32));
  sharers = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint32 id = 0; slot != NULL && id < lir_graph_get_n_nodes (graph); id++)
    {
      const LirBufferSlot *other = lir_buffer_plan_slot (plan, id);

      if (id == node || other == NULL)
        continue;
      if (lir_buffer_plan_is_view (plan, id) && lir_buffer_plan_view_alias (plan, id)->root == node)
        g_array_append_val (views, id);
      else if (!lir_buffer_plan_is_view (plan, id) && !lir_buffer_plan_is_view (plan, node) &&
               other->offset < slot->offset + slot->size && slot->offset < other->offset + other->size &&
               sharers->len < MAX_NEIGHBOURS)
        g_array_append_val (sharers, id);
    }
  add_links (self, "Views on it", (const guint32 *)views->data, views->len);
  add_links (self, "Shares its bytes at other steps", (const guint32 *)sharers->data, sharers->len);
}

static void
on_selection_changed (LirscopeTimeline *timeline, guint node, LirscopeWindow *self)
{
  update_details (self, node);
  if (node != LIR_NO_NODE &&
      !g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "search"))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "buffer");
}

static void
on_cursor_changed (LirscopeTimeline *timeline, gint64 step, LirscopeWindow *self)
{
  LirRenderer *renderer = lirscope_timeline_get_renderer (timeline);
  g_autoptr (GArray) live = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  const guint32 *schedule;
  guint n_schedule;
  char scratch[24];

  if (renderer == NULL || step < 0)
    {
      gtk_label_set_text (self->status_label, "");
      return;
    }
  live = g_array_new (FALSE, FALSE, sizeof (guint32));
  lir_plan_index_query (lir_renderer_get_index (renderer), (guint32)step, (guint32)step, live);
  bytes = lir_format_bytes (lir_renderer_get_live_bytes (renderer, (guint32)step));
  schedule = lir_buffer_plan_get_schedule (lir_module_get_plan (self->module), &n_schedule);
  if ((guint64)step < n_schedule)
    text = g_strdup_printf ("Step %" G_GINT64_FORMAT " (%s, %s) · %s live in %u buffers and views", step,
                            lir_graph_node_label (lir_module_get_graph (self->module), schedule[step], scratch),
                            lir_graph_node_op_name (lir_module_get_graph (self->module), schedule[step]),
                            bytes, live->len);
  else
    text = g_strdup_printf ("Step %" G_GINT64_FORMAT " · %s live in %u buffers and views", step, bytes,
                            live->len);
  gtk_label_set_text (self->status_label, text);
}

/* ---- search --------------------------------------------------------------------------- */

/**
 * lirscope_window_search:
 * @self: a window
 * @text: a name or op to look for (case-insensitive, substring)
 *
 * Returns: how many buffers matched (the list shows the first 200)
 */
guint
lirscope_window_search (LirscopeWindow *self, const char *text)
{
  LirGraph *graph;
  LirBufferPlan *plan;
  g_autofree char *needle = g_utf8_casefold (text, -1);
  guint matches = 0;
  g_autofree char *status = NULL;

  g_array_set_size (self->search_hits, 0);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))) != NULL;)
    gtk_list_box_remove (self->search_results, child);
  if (self->module == NULL || *needle == '\0')
    {
      gtk_label_set_text (self->search_status, "");
      return 0;
    }
  graph = lir_module_get_graph (self->module);
  plan = lir_module_get_plan (self->module);
  for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
    {
      char scratch[24];
      g_autofree char *name = NULL;
      g_autofree char *op = NULL;

      if (lir_buffer_plan_slot (plan, id) == NULL)
        continue;
      name = g_utf8_casefold (lir_graph_node_label (graph, id, scratch), -1);
      op = g_utf8_casefold (lir_graph_node_op_name (graph, id), -1);
      if (strstr (name, needle) == NULL && strstr (op, needle) == NULL)
        continue;
      matches++;
      if (self->search_hits->len < MAX_SEARCH_RESULTS)
        {
          GtkWidget *label;
          g_autofree char *bytes = lir_format_bytes (lir_buffer_plan_slot (plan, id)->size);
          g_autofree char *line = g_strdup_printf ("%s — %s, %s", lir_graph_node_label (graph, id, scratch),
                                                   lir_graph_node_op_name (graph, id), bytes);

          label = gtk_label_new (line);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_list_box_append (self->search_results, label);
          g_array_append_val (self->search_hits, id);
        }
    }
  status = matches > MAX_SEARCH_RESULTS
             ? g_strdup_printf ("%u matches, the first %u shown", matches, MAX_SEARCH_RESULTS)
             : g_strdup_printf ("%u match%s", matches, matches == 1 ? "" : "es");
  gtk_label_set_text (self->search_status, status);
  return matches;
}

void
lirscope_window_activate_search_result (LirscopeWindow *self, guint index)
{
  guint32 node;

  if (index >= self->search_hits->len)
    return;
  node = g_array_index (self->search_hits, guint32, index);
  lirscope_timeline_set_selected (self->timeline, node);
  lirscope_timeline_zoom_to_node (self->timeline, node);
}

static void
on_search_changed (GtkSearchEntry *entry, LirscopeWindow *self)
{
  lirscope_window_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_activate (GtkSearchEntry *entry, LirscopeWindow *self)
{
  lirscope_window_activate_search_result (self, 0);
}

static void
on_search_row_activated (GtkListBox *box, GtkListBoxRow *row, LirscopeWindow *self)
{
  lirscope_window_activate_search_result (self, (guint)gtk_list_box_row_get_index (row));
}

/* ---- compare mode --------------------------------------------------------------------- */

static void
describe_change (const LirBufferChange *c, GString *out)
{
  static const LirChangeFlags order[] = {
    LIR_CHANGE_ADDED, LIR_CHANGE_REMOVED, LIR_CHANGE_ENTERED_ARENA, LIR_CHANGE_LEFT_ARENA,
    LIR_CHANGE_SIZE, LIR_CHANGE_OFFSET, LIR_CHANGE_LIFETIME, LIR_CHANGE_BECAME_VIEW,
    LIR_CHANGE_STOPPED_VIEW, LIR_CHANGE_PHASE, LIR_CHANGE_STEP,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (c->flags & order[i])
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", lir_change_flag_to_string (order[i]));
}

static void
on_change_selected (GtkListBox *box, GtkListBoxRow *row, LirscopeWindow *self)
{
  const LirPlanDiff *diff;
  const LirBufferChange *change;

  if (row == NULL || (diff = lir_renderer_get_diff (lirscope_timeline_get_renderer (self->timeline))) == NULL)
    return;
  change = lir_plan_diff_get_change (diff, (guint)gtk_list_box_row_get_index (row));
  if (change->node_b != LIR_NO_NODE)
    {
      lirscope_timeline_set_selected (self->timeline, change->node_b);
      lirscope_timeline_zoom_to_node (self->timeline, change->node_b);
    }
}

/* Compares the plan on screen with the baseline, if there is one. */
static void
apply_diff (LirscopeWindow *self)
{
  LirRenderer *renderer = lirscope_timeline_get_renderer (self->timeline);
  LirPlanDiff *diff;
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  const LirPlanStats *a, *b;
  guint n;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list))) != NULL;)
    gtk_list_box_remove (self->changes_list, child);
  if (renderer == NULL)
    return;
  if (self->baseline == NULL)
    {
      lir_renderer_set_diff (renderer, NULL);
      gtk_label_set_text (self->changes_summary, "Compare this plan with a baseline (Ctrl+D, or drop a "
                                                 "file with Ctrl held) to see what changed.");
      gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
      return;
    }
  diff = lir_plan_diff_new (self->baseline, self->module);
  lir_renderer_set_diff (renderer, diff);
  a = lir_plan_diff_get_stats (diff, FALSE);
  b = lir_plan_diff_get_stats (diff, TRUE);
  n = lir_plan_diff_get_n_changes (diff);
  name = g_file_get_basename (self->baseline_file);
  {
    g_autofree char *arena_a = lir_format_bytes (a->arena_size);
    g_autofree char *arena_b = lir_format_bytes (b->arena_size);

    summary = g_strdup_printf ("Against %s: arena %s → %s (%+.1f%%), efficiency %.1f%% → %.1f%%. "
                               "%s. %u change%s, largest first.",
                               name, arena_a, arena_b, lir_plan_diff_arena_growth (diff),
                               a->efficiency * 100, b->efficiency * 100,
                               lir_plan_diff_same_graph (diff) ? "Same graph, different plan"
                                                               : "The graphs differ",
                               n, n == 1 ? "" : "s");
  }
  gtk_label_set_text (self->changes_summary, summary);
  for (guint i = 0; i < MIN (n, 500u); i++)
    {
      const LirBufferChange *c = lir_plan_diff_get_change (diff, i);
      g_autoptr (GString) kinds = g_string_new (NULL);
      g_autofree char *bytes = lir_format_bytes (c->bytes);
      g_autofree char *line = NULL;
      GtkWidget *label;

      describe_change (c, kinds);
      line = g_strdup_printf ("%s — %s (%s)", c->name, kinds->str, bytes);
      label = gtk_label_new (line);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_append (self->changes_list, label);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
}

/* ---- installing a result -------------------------------------------------------------- */

static void apply_diff (LirscopeWindow *self);

static void
update_title (LirscopeWindow *self)
{
  g_autofree char *name = self->file != NULL ? g_file_get_basename (self->file) : NULL;
  g_autofree char *subtitle = NULL;
  LirPlanStats stats;

  lir_plan_stats_compute (lir_module_get_plan (self->module), &stats);
  {
    g_autofree char *arena = lir_format_bytes (stats.arena_size);

    subtitle = g_strdup_printf ("%s · arena %s · %.1f%% efficient", lir_module_get_name (self->module),
                                arena, stats.efficiency * 100);
  }
  adw_window_title_set_title (self->window_title, name != NULL ? name : "Lirscope");
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : "Lirscope");
}

static void
install (LirscopeWindow *self, LirModule *module, LirRenderer *renderer, gboolean keep_view)
{
  g_clear_pointer (&self->module, lir_module_unref);
  self->module = lir_module_ref (module);
  lirscope_timeline_set_renderer (self->timeline, renderer, keep_view);
  gtk_stack_set_visible_child_name (self->main_stack, "timeline");
  update_title (self);
  update_summary (self);
  update_symbols (self);
  update_controls (self);
  lirscope_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  apply_diff (self);
  hide_banner (self);
}

/* ---- background work ------------------------------------------------------------------ */

typedef struct
{
  GFile *file;             /* load: the file to read */
  LirModule *module;       /* replan: the module; result: the new one */
  LirPlanOptions *options; /* how to plan; NULL keeps a file's plan */
  char *default_strategy;  /* for graphs that come without a plan */
  LirRenderer *renderer;   /* result */
  gboolean keep_view;
  gboolean baseline;       /* the result is the baseline to compare with */
} Work;

static void
work_free (Work *work)
{
  g_clear_object (&work->file);
  g_clear_pointer (&work->module, lir_module_unref);
  g_clear_pointer (&work->options, lir_plan_options_free);
  g_clear_pointer (&work->renderer, lir_renderer_free);
  g_free (work->default_strategy);
  g_free (work);
}

static void
work_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;

  if (work->file != NULL)
    {
      g_autofree char *path = g_file_get_path (work->file);
      g_autoptr (LirModule) module = NULL;
      g_autoptr (LirPlanOptions) fallback = NULL;

      if (path == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   "only local files can be opened");
          return;
        }
      module = lir_io_load (path, &error);
      if (module == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (work->options == NULL && lir_module_get_plan (module) == NULL)
        {
          fallback = lir_plan_options_new ();
          lir_plan_options_set_strategy (fallback, work->default_strategy);
        }
      if (work->options != NULL)
        lir_plan_options_set_cancellable (work->options, cancellable);
      if (!lir_module_ensure_plan (module, work->options != NULL ? work->options : fallback, &error))
        {
          g_prefix_error (&error, "%s: ", path);
          g_task_return_error (task, error);
          return;
        }
      work->module = g_steal_pointer (&module);
    }
  else
    {
      LirModule *planned;

      lir_plan_options_set_cancellable (work->options, cancellable);
      planned = lir_module_replan (work->module, work->options, &error);
      if (planned == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      lir_module_unref (work->module);
      work->module = planned;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!work->baseline)
    work->renderer = lir_renderer_new (work->module);
  g_task_return_boolean (task, TRUE);
}

static void
work_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (source);
  GTask *task = G_TASK (result);
  Work *work = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (task, &error))
    {
      g_autofree char *message = NULL;
      g_autofree char *name = self->file != NULL ? g_file_get_parse_name (self->file) : NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, LIR_ERROR, LIR_ERROR_CANCELLED))
        return;
      if (work->baseline)
        message = g_strdup_printf ("Could not open the baseline: %s", error->message);
      else if (self->module == NULL)
        message = g_strdup_printf ("Could not open the plan: %s", error->message);
      else if (work->file != NULL)
        message = g_strdup_printf ("Could not load %s: %s. Showing the last good plan.",
                                   name != NULL ? name : "the file", error->message);
      else
        message = g_strdup_printf ("Could not re-plan: %s. Showing the last good plan.", error->message);
      show_banner (self, message);
      return;
    }
  if (work->baseline)
    {
      g_clear_pointer (&self->baseline, lir_module_unref);
      self->baseline = lir_module_ref (work->module);
      apply_diff (self);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "changes");
      return;
    }
  install (self, work->module, g_steal_pointer (&work->renderer), work->keep_view);
  if (g_object_get_data (G_OBJECT (self), "pending-baseline") != NULL)
    {
      g_autoptr (GFile) baseline = g_object_steal_data (G_OBJECT (self), "pending-baseline");

      lirscope_window_compare (self, baseline);
    }
}

static void
start_work (LirscopeWindow *self, Work *work)
{
  g_autoptr (GTask) task = NULL;

  cancel_work (self);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, work_done, NULL);
  g_task_set_task_data (task, work, (GDestroyNotify)work_free);
  g_task_set_return_on_cancel (task, FALSE);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, work_thread);
}

static void
start_replan (LirscopeWindow *self)
{
  Work *work;

  if (self->module == NULL)
    return;
  work = g_new0 (Work, 1);
  work->module = lir_module_ref (self->module);
  work->options = control_options (self);
  work->keep_view = TRUE;
  start_work (self, work);
}

static void
start_load (LirscopeWindow *self, gboolean keep_view)
{
  Work *work = g_new0 (Work, 1);

  work->file = g_object_ref (self->file);
  /* After the user re-planned, a reload keeps their choices. */
  work->options = self->user_planned && self->module != NULL ? control_options (self) : NULL;
  work->default_strategy = g_settings_get_string (self->settings, "strategy");
  work->keep_view = keep_view;
  start_work (self, work);
}

/* ---- files ---------------------------------------------------------------------------- */

static gboolean
reload_timeout (gpointer user_data)
{
  LirscopeWindow *self = user_data;

  self->reload_source = 0;
  if (self->file != NULL)
    start_load (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Debounced: a writer's burst of events gives one reload after it stops. */
static void
on_file_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                 LirscopeWindow *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      {
        g_autofree char *name = g_file_get_parse_name (self->file);
        g_autofree char *message = g_strdup_printf ("%s was removed. Showing the last good plan; "
                                                    "it reloads when the file is back.", name);

        show_banner (self, message);
        return;
      }
    case G_FILE_MONITOR_EVENT_RENAMED:
      if (other == NULL || !g_file_equal (other, self->file))
        return;
      break;
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;
    default:
      break;
    }
  if (self->reload_source != 0)
    g_source_remove (self->reload_source);
  self->reload_source = g_timeout_add (RELOAD_DEBOUNCE_MS, reload_timeout, self);
}

static void
watch_file (LirscopeWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_warning ("cannot watch the file for changes: %s", error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

/**
 * lirscope_window_open:
 * @self: a window
 * @file: a plan, graph or buffer list
 *
 * Loads and (if needed) plans @file in the background; the window shows it
 * when done, or a banner if it cannot be read.
 */
void
lirscope_window_open (LirscopeWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_set_object (&self->file, file);
  self->user_planned = FALSE;
  watch_file (self);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  start_load (self, FALSE);
}

/**
 * lirscope_window_compare:
 * @self: a window showing a plan
 * @baseline: (nullable): the plan to compare with, %NULL to stop comparing
 *
 * Loads @baseline in the background, then outlines on the timeline what
 * changed from it and lists the changes, largest first.
 */
void
lirscope_window_compare (LirscopeWindow *self, GFile *baseline)
{
  Work *work;

  if (baseline == NULL)
    {
      g_clear_object (&self->baseline_file);
      g_clear_pointer (&self->baseline, lir_module_unref);
      apply_diff (self);
      return;
    }
  if (self->busy > 0)
    {
      /* Do not cancel a load or plan in flight: compare once it lands. */
      g_object_set_data_full (G_OBJECT (self), "pending-baseline", g_object_ref (baseline), g_object_unref);
      return;
    }
  g_set_object (&self->baseline_file, baseline);
  work = g_new0 (Work, 1);
  work->file = g_object_ref (baseline);
  work->default_strategy = g_settings_get_string (self->settings, "strategy");
  work->baseline = TRUE;
  start_work (self, work);
}

/* Selects the change at @index as a click in the Changes list does. */
void
lirscope_window_select_change (LirscopeWindow *self, guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->changes_list, (int)index);

  if (row != NULL)
    gtk_list_box_select_row (self->changes_list, row);
}

void
lirscope_window_reload (LirscopeWindow *self)
{
  if (self->file != NULL)
    start_load (self, TRUE);
}

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
lirscope_window_export_to (LirscopeWindow *self, const char *path, gboolean visible_region,
                           GError **error)
{
  LirRenderer *renderer = lirscope_timeline_get_renderer (self->timeline);
  g_autofree char *input = self->file != NULL ? g_file_get_path (self->file) : NULL;
  LirRenderOptions options = *lirscope_timeline_get_options (self->timeline);
  LirRenderFormat format;
  LirViewport viewport;
  double width = 1600, height = 900;

  if (renderer == NULL)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "no plan is open");
      return FALSE;
    }
  if (!lir_render_format_from_path (path, &format))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%s: use a .svg, .png or .pdf name", path);
      return FALSE;
    }
  if (input != NULL && lir_io_same_file (input, path))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%s is the open plan; choose another name",
                   path);
      return FALSE;
    }
  options.header = TRUE;
  options.cursor_step = -1;
  options.theme = LIR_THEME_LIGHT;
  if (visible_region)
    {
      lirscope_timeline_get_viewport (self->timeline, &viewport);
      width = MAX (gtk_widget_get_width (GTK_WIDGET (self->timeline)), 320);
      height = MAX (gtk_widget_get_height (GTK_WIDGET (self->timeline)), 240) + 100;
    }
  else
    lir_renderer_full_viewport (renderer, &viewport);
  return lir_renderer_export (renderer, path, format, width, height, &viewport, &options, error);
}

static void
on_export_response (GtkNativeDialog *dialog, int response, LirscopeWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  const char *region;
  LirRenderFormat format;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;
  if (!lir_render_format_from_path (path, &format))
    {
      char *with_extension = g_strconcat (path, ".svg", NULL);

      g_free (path);
      path = with_extension;
    }
  region = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "region");
  if (lirscope_window_export_to (self, path, g_strcmp0 (region, "visible") == 0, &error))
    {
      g_autofree char *message = g_strdup_printf ("Exported %s", path);

      toast (self, message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf ("Could not export: %s", error->message);

      show_banner (self, message);
    }
out:
  g_object_unref (dialog);
}

/* ---- actions -------------------------------------------------------------------------- */

static void
on_open_response (GtkNativeDialog *dialog, int response, LirscopeWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      lirscope_window_open (self, file);
    }
  g_object_unref (dialog);
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

static void
action_open (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new ("Open a Memory Plan", GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 "_Open", "_Cancel");
  static const char *const plans[] = { "*.json", "*.csv", NULL };
  static const char *const all[] = { "*", NULL };

  add_filter (GTK_FILE_CHOOSER (dialog), "Plans, graphs and buffer lists", plans);
  add_filter (GTK_FILE_CHOOSER (dialog), "All files", all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
action_open_uri (GtkWidget *widget, const char *name, GVariant *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  lirscope_window_open (LIRSCOPE_WINDOW (widget), file);
}

static void
on_compare_response (GtkNativeDialog *dialog, int response, LirscopeWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      lirscope_window_compare (self, file);
    }
  g_object_unref (dialog);
}

static void
action_compare (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (widget);
  GtkFileChooserNative *dialog;
  static const char *const plans[] = { "*.json", "*.csv", NULL };

  if (self->module == NULL)
    {
      toast (self, "Open a plan first");
      return;
    }
  dialog = gtk_file_chooser_native_new ("Compare With a Baseline", GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, "_Compare", "_Cancel");
  add_filter (GTK_FILE_CHOOSER (dialog), "Plans, graphs and buffer lists", plans);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_compare_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
action_stop_comparing (GtkWidget *widget, const char *name, GVariant *parameter)
{
  lirscope_window_compare (LIRSCOPE_WINDOW (widget), NULL);
}

static void
action_export (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (widget);
  GtkFileChooserNative *dialog;
  static const char *const svg[] = { "*.svg", NULL };
  static const char *const png[] = { "*.png", NULL };
  static const char *const pdf[] = { "*.pdf", NULL };
  static const char *choice_ids[] = { "whole", "visible", NULL };
  static const char *choice_labels[] = { "Whole plan", "Visible region", NULL };
  g_autofree char *suggested = NULL;

  if (lirscope_timeline_get_renderer (self->timeline) == NULL)
    return;
  dialog = gtk_file_chooser_native_new ("Export the Plan", GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        "_Export", "_Cancel");
  add_filter (GTK_FILE_CHOOSER (dialog), "SVG image", svg);
  add_filter (GTK_FILE_CHOOSER (dialog), "PNG image", png);
  add_filter (GTK_FILE_CHOOSER (dialog), "PDF document", pdf);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "region", "Export", choice_ids,
                               choice_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "region", "whole");
  suggested = g_strdup_printf ("%s.svg", lir_module_get_name (self->module));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
action_reload (GtkWidget *widget, const char *name, GVariant *parameter)
{
  lirscope_window_reload (LIRSCOPE_WINDOW (widget));
}

static void
action_cancel (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (widget);

  if (self->busy > 0)
    {
      cancel_work (self);
      toast (self, "Cancelled");
    }
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
  else if (!lirscope_timeline_zoom_to_node (self->timeline, lirscope_timeline_get_selected (self->timeline)))
    toast (self, "Select a buffer first");
}

static void
action_search (GtkWidget *widget, const char *name, GVariant *parameter)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
action_dismiss_banner (GtkWidget *widget, const char *name, GVariant *parameter)
{
  hide_banner (LIRSCOPE_WINDOW (widget));
}

/* ---- settings-backed view state ------------------------------------------------------- */

static void
update_hidden_phases (LirscopeWindow *self)
{
  static const char *const names[] = { "show-prologue", "show-steady-state", "show-epilogue" };
  guint hidden = 0;

  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[p]);
      g_autoptr (GVariant) state = g_action_get_state (action);

      if (!g_variant_get_boolean (state))
        hidden |= 1u << p;
    }
  lirscope_timeline_set_hidden_phases (self->timeline, hidden);
}

static void
toggle_phase (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_autoptr (GVariant) state = g_action_get_state (G_ACTION (action));

  g_simple_action_set_state (action, g_variant_new_boolean (!g_variant_get_boolean (state)));
  update_hidden_phases (user_data);
}

static void
toggle_params (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LirscopeWindow *self = user_data;
  g_autoptr (GVariant) state = g_action_get_state (G_ACTION (action));

  g_simple_action_set_state (action, g_variant_new_boolean (!g_variant_get_boolean (state)));
  if (self->module == NULL)
    return;
  self->user_planned = TRUE;
  start_replan (self);
}

static void
on_color_by_setting (GSettings *settings, const char *key, LirscopeWindow *self)
{
  int color_by = g_settings_get_enum (settings, "color-by");

  lirscope_timeline_set_color_by (self->timeline, (LirColorBy)color_by);
  if (gtk_drop_down_get_selected (self->color_dropdown) != (guint)color_by)
    gtk_drop_down_set_selected (self->color_dropdown, (guint)color_by);
}

static void
on_color_dropdown (GtkDropDown *dropdown, GParamSpec *pspec, LirscopeWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected <= LIR_COLOR_BY_SIZE && (int)selected != g_settings_get_enum (self->settings, "color-by"))
    g_settings_set_enum (self->settings, "color-by", (int)selected);
}

static void
on_dark_changed (AdwStyleManager *manager, GParamSpec *pspec, LirscopeWindow *self)
{
  lirscope_timeline_set_dark (self->timeline, adw_style_manager_get_dark (manager));
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

      if (!gtk_recent_info_has_application (info, g_get_application_name ()) ||
          !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-uri",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_section, item);
      added++;
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
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
  if (second == NULL && (state & GDK_CONTROL_MASK) && self->module != NULL)
    {
      lirscope_window_compare (self, file);
      return TRUE;
    }
  lirscope_window_open (self, file);
  if (second != NULL)
    {
      /* The baseline loads after the plan: queue it behind the open. */
      g_object_set_data_full (G_OBJECT (self), "pending-baseline", g_object_ref (second), g_object_unref);
    }
  return TRUE;
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

  cancel_work (self);
  if (self->reload_source != 0)
    g_source_remove (self->reload_source);
  self->reload_source = 0;
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIRSCOPE_TYPE_WINDOW);
  G_OBJECT_CLASS (lirscope_window_parent_class)->dispose (object);
}

static void
lirscope_window_finalize (GObject *object)
{
  LirscopeWindow *self = LIRSCOPE_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->file);
  g_clear_pointer (&self->module, lir_module_unref);
  g_clear_object (&self->baseline_file);
  g_clear_pointer (&self->baseline, lir_module_unref);
  g_clear_pointer (&self->summary_rows, g_hash_table_unref);
  g_clear_pointer (&self->symbol_spins, g_ptr_array_unref);
  g_clear_pointer (&self->search_hits, g_array_unref);
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
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lirscope/Lirscope/lirscope-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, strategy_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, alignment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, color_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, summary_box);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, details_box);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, search_status);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, changes_summary);
  gtk_widget_class_bind_template_child (widget_class, LirscopeWindow, changes_list);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", action_open_uri);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, action_compare);
  gtk_widget_class_install_action (widget_class, "win.stop-comparing", NULL, action_stop_comparing);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, action_reload);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, action_cancel);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-selection", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL, action_dismiss_banner);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, GDK_CONTROL_MASK,
                                       "win.zoom-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
}

static void
build_summary (LirscopeWindow *self)
{
  static const char *const plan_rows[] = { "Arena size", "Total unshared", "Bytes saved",
                                            "Lower bound", "Efficiency", "Peak step", "Buffers" };
  static const char *const id_rows[] = { "Strategy", "Alignment", "Fingerprint", "Graph fingerprint" };
  AdwPreferencesGroup *plan = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *ids = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (plan, "Plan");
  for (guint i = 0; i < G_N_ELEMENTS (plan_rows); i++)
    add_summary_row (self, plan, plan_rows[i]);
  adw_preferences_group_set_title (ids, "Identity");
  for (guint i = 0; i < G_N_ELEMENTS (id_rows); i++)
    add_summary_row (self, ids, id_rows[i]);
  gtk_box_append (self->summary_box, GTK_WIDGET (plan));
  gtk_box_append (self->summary_box, GTK_WIDGET (ids));
}

static void
lirscope_window_init (LirscopeWindow *self)
{
  g_autoptr (GtkStringList) strategies = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) alignment_names = gtk_string_list_new (NULL);
  g_autoptr (GSimpleActionGroup) unused = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const char *const phase_actions[] = { "show-prologue", "show-steady-state", "show-epilogue" };
  GtkDropTarget *drop;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  const LirStrategy *const *list;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new ("org.lirscope.Lirscope");
  self->summary_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->symbol_spins = g_ptr_array_new ();
  self->search_hits = g_array_new (FALSE, FALSE, sizeof (guint32));

  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_string_list_append (strategies, "as loaded");
  list = lir_strategy_list (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (strategies, list[i]->name);
  gtk_drop_down_set_model (self->strategy_dropdown, G_LIST_MODEL (strategies));
  for (guint i = 0; i < G_N_ELEMENTS (alignments); i++)
    {
      g_autofree char *label = g_strdup_printf ("%" G_GUINT64_FORMAT " B", alignments[i]);

      gtk_string_list_append (alignment_names, label);
    }
  gtk_drop_down_set_model (self->alignment_dropdown, G_LIST_MODEL (alignment_names));
  g_signal_connect (self->strategy_dropdown, "notify::selected", G_CALLBACK (on_strategy_changed), self);
  g_signal_connect (self->alignment_dropdown, "notify::selected", G_CALLBACK (on_alignment_changed), self);

  for (guint p = 0; p < G_N_ELEMENTS (phase_actions); p++)
    {
      g_autoptr (GSimpleAction) action =
        g_simple_action_new_stateful (phase_actions[p], NULL, g_variant_new_boolean (TRUE));

      g_signal_connect (action, "activate", G_CALLBACK (toggle_phase), self);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }
  {
    g_autoptr (GSimpleAction) params =
      g_simple_action_new_stateful ("params-in-arena", NULL, g_variant_new_boolean (TRUE));

    g_signal_connect (params, "activate", G_CALLBACK (toggle_params), self);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (params));
  }
  {
    g_autoptr (GAction) color_by = g_settings_create_action (self->settings, "color-by");

    g_action_map_add_action (G_ACTION_MAP (self), color_by);
  }
  g_signal_connect (self->settings, "changed::color-by", G_CALLBACK (on_color_by_setting), self);
  on_color_by_setting (self->settings, "color-by", self);
  g_signal_connect (self->color_dropdown, "notify::selected", G_CALLBACK (on_color_dropdown), self);

  g_signal_connect (style, "notify::dark", G_CALLBACK (on_dark_changed), self);
  on_dark_changed (style, NULL, self);

  g_signal_connect (self->timeline, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (self->timeline, "cursor-changed", G_CALLBACK (on_cursor_changed), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect (self->search_results, "row-activated", G_CALLBACK (on_search_row_activated), self);
  g_signal_connect (self->changes_list, "row-selected", G_CALLBACK (on_change_selected), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);

  build_summary (self);
  update_details (self, LIR_NO_NODE);
  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed", G_CALLBACK (update_recent), self);
  update_recent (self);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

LirscopeWindow *
lirscope_window_new (GtkApplication *application)
{
  return g_object_new (LIRSCOPE_TYPE_WINDOW, "application", application, NULL);
}

gboolean
lirscope_window_is_busy (LirscopeWindow *self)
{
  return self->busy > 0 || self->reload_source != 0;
}

/**
 * lirscope_window_get_module:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the plan on screen
 */
LirModule *
lirscope_window_get_module (LirscopeWindow *self)
{
  return self->module;
}

GFile *
lirscope_window_get_file (LirscopeWindow *self)
{
  return self->file;
}

LirscopeTimeline *
lirscope_window_get_timeline (LirscopeWindow *self)
{
  return self->timeline;
}

/**
 * lirscope_window_get_banner_text:
 * @self: a window
 *
 * Returns: (nullable): the error banner's text, %NULL when it is hidden
 */
const char *
lirscope_window_get_banner_text (LirscopeWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_text (self->banner_label);
}

/**
 * lirscope_window_get_summary:
 * @self: a window
 * @title: a summary row's title, e.g. "Arena size"
 *
 * Returns: (nullable): the row's value as shown
 */
const char *
lirscope_window_get_summary (LirscopeWindow *self, const char *title)
{
  AdwActionRow *row = g_hash_table_lookup (self->summary_rows, title);

  return row != NULL ? adw_action_row_get_subtitle (row) : NULL;
}

/* Selects a strategy as the drop-down does (re-plans in the background). */
void
lirscope_window_set_strategy (LirscopeWindow *self, const char *strategy)
{
  GListModel *model = gtk_drop_down_get_model (self->strategy_dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), strategy))
      gtk_drop_down_set_selected (self->strategy_dropdown, i);
}

/* Sets a symbol's spin button as a user would (re-plans in the background). */
void
lirscope_window_set_binding (LirscopeWindow *self, const char *symbol, guint64 value)
{
  for (guint i = 0; i < self->symbol_spins->len; i++)
    if (g_str_equal (g_object_get_data (self->symbol_spins->pdata[i], "symbol"), symbol))
      gtk_spin_button_set_value (self->symbol_spins->pdata[i], (double)value);
}
