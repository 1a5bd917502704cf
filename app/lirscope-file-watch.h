/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-file-watch.h: a file on disk, watched for the writes that should reload it. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _LirscopeFileWatch LirscopeFileWatch;

/* @changed runs once a burst of writes has stopped (or the file came back);
 * @removed as soon as the file is deleted or moved away; @pending when a
 * reload becomes due, before it runs. */
typedef struct
{
  void (*changed) (gpointer user_data);
  void (*removed) (gpointer user_data);
  void (*pending) (gpointer user_data);
} LirscopeFileWatchFuncs;

LirscopeFileWatch *lirscope_file_watch_new        (GFile                        *file,
                                                   const LirscopeFileWatchFuncs *funcs,
                                                   gpointer                      user_data);
void               lirscope_file_watch_free       (LirscopeFileWatch *watch);
gboolean           lirscope_file_watch_is_pending (LirscopeFileWatch *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirscopeFileWatch, lirscope_file_watch_free)

G_END_DECLS
