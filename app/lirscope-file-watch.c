/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-file-watch.c: a file on disk, watched for the writes that should reload it.
 *
 * A compiler rewriting a plan sends a burst of events (create, changes,
 * rename over the old file): they are debounced into one reload once the
 * burst stops. A file deleted or moved away is reported at once; it reloads
 * when it is back. Attribute changes and unmounts are ignored.
 */
#include "lirscope-file-watch.h"

#define RELOAD_DEBOUNCE_MS 300

struct _LirscopeFileWatch
{
  GFile *file;
  GFileMonitor *monitor;
  guint reload_source;
  LirscopeFileWatchFuncs funcs;
  gpointer user_data;
};

static gboolean
reload_timeout (gpointer data)
{
  LirscopeFileWatch *watch = data;

  watch->reload_source = 0;
  watch->funcs.changed (watch->user_data);
  return G_SOURCE_REMOVE;
}

static void
on_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event, gpointer data)
{
  LirscopeFileWatch *watch = data;
  gboolean was_pending = watch->reload_source != 0;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      watch->funcs.removed (watch->user_data);
      return;
    case G_FILE_MONITOR_EVENT_RENAMED:
      if (other == NULL || !g_file_equal (other, watch->file))
        return;
      break;
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;
    default:
      break;
    }
  g_clear_handle_id (&watch->reload_source, g_source_remove);
  watch->reload_source = g_timeout_add (RELOAD_DEBOUNCE_MS, reload_timeout, watch);
  if (!was_pending)
    watch->funcs.pending (watch->user_data);
}

/* Returns: (transfer full): the watch; a file that cannot be watched gives
 *   a watch that never fires, with a warning */
LirscopeFileWatch *
lirscope_file_watch_new (GFile *file, const LirscopeFileWatchFuncs *funcs, gpointer user_data)
{
  LirscopeFileWatch *watch = g_new0 (LirscopeFileWatch, 1);
  g_autoptr (GError) error = NULL;

  watch->file = g_object_ref (file);
  watch->funcs = *funcs;
  watch->user_data = user_data;
  watch->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (watch->monitor == NULL)
    g_warning ("cannot watch the file for changes: %s", error->message);
  else
    g_signal_connect (watch->monitor, "changed", G_CALLBACK (on_changed), watch);
  return watch;
}

void
lirscope_file_watch_free (LirscopeFileWatch *watch)
{
  if (watch == NULL)
    return;
  g_clear_handle_id (&watch->reload_source, g_source_remove);
  if (watch->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (watch->monitor, watch);
      g_file_monitor_cancel (watch->monitor);
    }
  g_clear_object (&watch->monitor);
  g_clear_object (&watch->file);
  g_free (watch);
}

/* Returns: whether a reload is due (writes seen, the burst not over yet) */
gboolean
lirscope_file_watch_is_pending (LirscopeFileWatch *watch)
{
  return watch != NULL && watch->reload_source != 0;
}
