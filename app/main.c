/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: lirscope, the desktop app. */
#include <glib/gi18n.h>
#include <locale.h>

#include "lirscope-application.h"

int
main (int argc, char **argv)
{
  g_autoptr (LirscopeApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name ("Lirscope");
  app = lirscope_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
