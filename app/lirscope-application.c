/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-application.c: one window per file given, an empty one otherwise. */
#include "lirscope-application.h"

#include <glib/gi18n.h>

#include "lirscope-window.h"

struct _LirscopeApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (LirscopeApplication, lirscope_application, ADW_TYPE_APPLICATION)

static void
lirscope_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (lirscope_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
}

static void
lirscope_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      LirscopeWindow *window = lirscope_window_new (GTK_APPLICATION (app));

      lirscope_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
action_about (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  const char *developers[] = { _ ("The Lirscope developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* property names and values in pairs */
  /* clang-format off */
  adw_show_about_window (parent,
                         "application-name", "Lirscope",
                         "application-icon", "org.lirscope.Lirscope",
                         "version", LIRSCOPE_VERSION,
                         "comments", _("Inspect, re-plan and compare the memory plans of ML compilers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/lirscope/lirscope",
                         NULL);
  /* clang-format on */
}

static void
action_quit (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Close each window (saving its size) rather than quitting hard. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }
}

static void
lirscope_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", action_about, NULL, NULL, NULL, { 0 } },
    { "quit", action_quit, NULL, NULL, NULL, { 0 } },
  };
  static const char *const quit[] = { "<Control>q", NULL };
  static const char *const close[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (lirscope_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close);
}

static void
lirscope_application_class_init (LirscopeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = lirscope_application_activate;
  app_class->open = lirscope_application_open;
  app_class->startup = lirscope_application_startup;
}

static void
lirscope_application_init (LirscopeApplication *self)
{
}

LirscopeApplication *
lirscope_application_new (void)
{
  /* property names and values in pairs */
  /* clang-format off */
  return g_object_new (LIRSCOPE_TYPE_APPLICATION,
                       "application-id", "org.lirscope.Lirscope",
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/lirscope/Lirscope",
                       NULL);
  /* clang-format on */
}
