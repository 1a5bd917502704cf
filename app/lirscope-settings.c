/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-settings.c: the app's settings, with or without an installed schema. */
#define G_SETTINGS_ENABLE_BACKEND
#include "lirscope-settings.h"

#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#define SCHEMA_ID "org.lirscope.Lirscope"

/* The schema compiled into the app's resources, loaded from a private copy:
 * a GSettingsSchemaSource reads only files. The mapping outlives the copy. */
static GSettingsSchema *
load_bundled_schema (void)
{
  g_autoptr (GBytes) compiled = NULL;
  g_autoptr (GSettingsSchemaSource) source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GSettingsSchema *schema = NULL;

  compiled = g_resources_lookup_data ("/org/lirscope/Lirscope/gschemas.compiled", 0, NULL);
  dir = g_dir_make_tmp ("lirscope-schema-XXXXXX", NULL);
  if (compiled == NULL || dir == NULL)
    return NULL;
  path = g_build_filename (dir, "gschemas.compiled", NULL);
  if (g_file_set_contents (path, g_bytes_get_data (compiled, NULL), (gssize)g_bytes_get_size (compiled),
                           NULL))
    source = g_settings_schema_source_new_from_directory (dir, NULL, FALSE, NULL);
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, FALSE);
  g_unlink (path);
  g_rmdir (dir);
  return schema;
}

/**
 * lirscope_settings_new:
 *
 * The app's settings. Without an installed schema (run from the build tree
 * with no GSETTINGS_SCHEMA_DIR) they live in memory for this run, with one
 * warning, instead of aborting.
 *
 * Returns: (transfer full): the settings
 */
GSettings *
lirscope_settings_new (void)
{
  static GSettingsSchema *fallback;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) installed =
    source != NULL ? g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE) : NULL;
  g_autoptr (GSettingsBackend) memory = NULL;

  if (installed != NULL)
    return g_settings_new (SCHEMA_ID);
  if (fallback == NULL)
    {
      fallback = load_bundled_schema ();
      g_printerr ("lirscope: the settings schema %s is not installed; settings are kept for this run only\n",
                  SCHEMA_ID);
    }
  g_return_val_if_fail (fallback != NULL, NULL);
  memory = g_memory_settings_backend_new ();
  return g_settings_new_full (fallback, memory, NULL);
}
