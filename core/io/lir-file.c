/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-file.c: reading and writing files so that nothing is lost: inputs
 * of any kind capped in size and read with fallible allocation, outputs
 * written atomically and in place of the right file. */
#include "lir-file-private.h"

#include "ir/lir-error.h"
#include "ir/lir-limits.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads what @fd gives until its end, at most LIR_MAX_FILE_BYTES: standard
 * input, pipes, FIFOs and devices, whose size is not known beforehand.
 * Growth is fallible, so a stream larger than memory is an error. */
static char *
read_stream (int fd, gsize *length, GError **error)
{
  g_autofree char *data = NULL;
  gsize used = 0, capacity = 0;

  for (;;)
    {
      gssize got;

      if (capacity - used < 65536 + 1)
        {
          gsize grown = MAX (capacity * 2, 1 << 20);
          char *bigger;

          if (grown > LIR_MAX_FILE_BYTES + 65536 + 1)
            grown = LIR_MAX_FILE_BYTES + 65536 + 1;
          if ((bigger = g_try_realloc (data, grown)) == NULL)
            {
              g_autofree char *size = g_format_size (grown);

              g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "not enough memory to read it (%s)", size);
              return NULL;
            }
          data = bigger;
          capacity = grown;
        }
      got = read (fd, data + used, 65536);
      if (got == 0)
        break;
      if (got < 0)
        {
          if (errno == EINTR)
            continue;
          g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "cannot read: %s", g_strerror (errno));
          return NULL;
        }
      used += (gsize)got;
      if (used > LIR_MAX_FILE_BYTES)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "larger than %" G_GUINT64_FORMAT " bytes",
                       LIR_MAX_FILE_BYTES);
          return NULL;
        }
    }
  data[used] = '\0';
  *length = used;
  return g_steal_pointer (&data);
}

/* The reason behind a GFileError, without the file name GLib put in it. */
static const char *
file_error_reason (const GError *error)
{
  static const struct
  {
    GFileError code;
    int errnum;
  } reasons[] = {
    { G_FILE_ERROR_NOENT, ENOENT },
    { G_FILE_ERROR_ACCES, EACCES },
    { G_FILE_ERROR_PERM, EPERM },
    { G_FILE_ERROR_ROFS, EROFS },
    { G_FILE_ERROR_NOSPC, ENOSPC },
    { G_FILE_ERROR_ISDIR, EISDIR },
    { G_FILE_ERROR_NOTDIR, ENOTDIR },
    { G_FILE_ERROR_EXIST, EEXIST },
    { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG },
    { G_FILE_ERROR_IO, EIO },
  };

  if (error->domain == G_FILE_ERROR)
    for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
      if (reasons[i].code == (GFileError)error->code)
        return g_strerror (reasons[i].errnum);
  return error->message;
}

/**
 * lir_file_read:
 * @path: a file path, or `-` for standard input
 * @length: (out): the length read
 * @error: return location for a #GError; messages do not name @path
 *
 * Reads a whole file, at most %LIR_MAX_FILE_BYTES: a regular file in one
 * fallible allocation, standard input, FIFOs and devices as streams.
 *
 * Returns: (transfer full): the contents, NUL-terminated, or %NULL
 */
char *
lir_file_read (const char *path, gsize *length, GError **error)
{
  g_autoptr (GError) local = NULL;
  char *data = NULL;
  GStatBuf st;
  gboolean exists;
  int fd;

  g_return_val_if_fail (path != NULL && length != NULL, NULL);
  if (strcmp (path, "-") == 0)
    return read_stream (STDIN_FILENO, length, error);
  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "is a directory");
      return NULL;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      /* A FIFO or a device: its size says nothing, the stream is capped. */
      if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "cannot read: %s", g_strerror (errno));
          return NULL;
        }
      data = read_stream (fd, length, error);
      close (fd);
      return data;
    }
  if (exists && (guint64)st.st_size > LIR_MAX_FILE_BYTES)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "larger than %" G_GUINT64_FORMAT " bytes",
                   LIR_MAX_FILE_BYTES);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, length, &local))
    {
      /* GLib reads a file into one g_try_malloc () block: out of memory
       * is an error there, not an abort. */
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOMEM))
        {
          g_autofree char *size = g_format_size (exists ? (guint64)st.st_size : 0);

          g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "not enough memory to read it (%s)", size);
        }
      else
        g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "cannot read: %s", file_error_reason (local));
      return NULL;
    }
  return data;
}

/* Where a write to @path lands: the file at the end of its symbolic links
 * (so that a link stays a link), even when that file does not exist yet. */
static char *
resolve_target (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      GStatBuf st;
      g_autofree char *target = NULL;
      g_autofree char *dir = NULL;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        break;
      /* An existing file: the kernel knows its real name. */
      if (g_stat (current, &st) == 0)
        {
          char *real = realpath (current, NULL);

          if (real != NULL)
            {
              g_autofree char *owned = g_strdup (real);

              free (real);
              return g_steal_pointer (&owned);
            }
          break;
        }
      /* A dangling link: follow it by hand to the name it will create. */
      if ((target = g_file_read_link (current, NULL)) == NULL)
        break;
      dir = g_path_get_dirname (current);
      g_free (current);
      current =
        g_path_is_absolute (target) ? g_steal_pointer (&target) : g_build_filename (dir, target, NULL);
    }
  return g_steal_pointer (&current);
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize)G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= (gsize)written;
    }
  return TRUE;
}

/* Fills @fd, a new file replacing @old (or none), and syncs it. */
static gboolean
fill_file (int fd, const char *data, gsize length, mode_t mode, const GStatBuf *old)
{
  /* The replaced file's owner where the writer may give it (as root);
   * otherwise the file becomes the writer's, as any new file would. */
  if (old != NULL && fchown (fd, old->st_uid, old->st_gid) != 0)
    errno = 0;
  /* The mode explicitly: umask must not narrow a replaced file's. */
  return fchmod (fd, mode) == 0 && write_all (fd, data, length) && fsync (fd) == 0;
}

/* Writes @data into a new file in @dir and returns a temporary name it
 * has only once it is complete and synced. An anonymous O_TMPFILE is
 * tried first, so a writer killed half-way leaves nothing behind; where
 * the file system (or a missing /proc) does not allow it, a named
 * temporary file, removed on failure. NULL with @errnum on failure. */
static char *
write_temporary (const char *dir, const char *base, const char *data, gsize length, mode_t mode,
                 const GStatBuf *old, int *errnum)
{
  g_autofree char *temp = NULL;
  int fd;

#ifdef O_TMPFILE
  fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
  if (fd >= 0)
    {
      char proc[64];

      errno = 0;
      if (!fill_file (fd, data, length, mode, old))
        {
          *errnum = errno != 0 ? errno : EIO;
          close (fd);
          return NULL;
        }
      g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
      for (guint attempt = 0; attempt < 100; attempt++)
        {
          g_free (temp);
          temp = g_strdup_printf ("%s/.%s.%06x", dir, base, g_random_int () & 0xFFFFFF);
          if (linkat (AT_FDCWD, proc, AT_FDCWD, temp, AT_SYMLINK_FOLLOW) == 0)
            {
              close (fd);
              return g_steal_pointer (&temp);
            }
          if (errno != EEXIST)
            break;
        }
      close (fd);
    }
#endif
  g_free (temp);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  if ((fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, mode)) < 0)
    {
      *errnum = errno;
      return NULL;
    }
  errno = 0;
  if (!fill_file (fd, data, length, mode, old))
    {
      *errnum = errno != 0 ? errno : EIO;
      close (fd);
      g_unlink (temp);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temp);
}

/**
 * lir_file_write:
 * @path: destination, or `-` for standard output
 * @data: (array length=length) (element-type guint8): bytes to write
 * @length: their length
 * @error: return location for a #GError
 *
 * Writes @data so that nothing is lost: into a temporary file beside the
 * destination, synced, then renamed into place, so a reader never sees
 * half a file and a full disk leaves the old file as it was. A symbolic
 * link is followed (the link stays); the mode and owner of a replaced
 * file are kept; a file with other hard links is rewritten in place once
 * the new contents are safely on disk beside it, so the links stay one
 * file; a device or FIFO (`/dev/stdout`, `/dev/fd/N`) is written to
 * directly.
 *
 * Returns: %TRUE on success
 */
gboolean
lir_file_write (const char *path, const char *data, gsize length, GError **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  GStatBuf st;
  gboolean exists;
  mode_t mode;
  int errnum = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "cannot write standard output: %s",
                       g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "%s: cannot write: %s", path, g_strerror (EISDIR));
      return FALSE;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      /* A stream: nothing to replace, so nothing to make atomic. */
      int fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);

      if (fd < 0 || !write_all (fd, data, length))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "%s: cannot write: %s", path, g_strerror (errno));
          if (fd >= 0)
            close (fd);
          return FALSE;
        }
      close (fd);
      return TRUE;
    }
  target = resolve_target (path);
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  if (exists)
    mode = st.st_mode & 07777;
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      mode = 0666 & ~mask;
    }
  temp = write_temporary (dir, base, data, length, mode, exists ? &st : NULL, &errnum);
  if (temp == NULL)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "%s: cannot write: %s", path, g_strerror (errnum));
      return FALSE;
    }
  if (exists && st.st_nlink > 1)
    {
      /* The new contents are safe in @temp; copy them over the shared file. */
      int fd = g_open (target, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);

      if (fd < 0 || !write_all (fd, data, length) || fsync (fd) != 0)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "%s: cannot write: %s (the new contents are in %s)",
                       path, g_strerror (errno), temp);
          if (fd >= 0)
            close (fd);
          return FALSE;
        }
      close (fd);
      g_unlink (temp);
      return TRUE;
    }
  if (g_rename (temp, target) != 0)
    {
      errnum = errno;
      g_unlink (temp);
      g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "%s: cannot write: %s", path, g_strerror (errnum));
      return FALSE;
    }
  {
    /* The rename itself is only durable once the directory is synced. */
    int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        close (dir_fd);
      }
  }
  return TRUE;
}

/* stat () of a path, or of standard input or output for "-". */
static gboolean
stat_path (const char *path, int fd_for_dash, GStatBuf *st)
{
  if (strcmp (path, "-") == 0)
    return fstat (fd_for_dash, st) == 0 && S_ISREG (st->st_mode);
  return g_stat (path, st) == 0;
}

/**
 * lir_file_is_same:
 * @input: a path read from, `-` for standard input
 * @output: a path written to, `-` for standard output
 *
 * Returns: %TRUE if both name the same existing file, so @output must not
 *   be written (`plan - -o in.json < in.json` would replace its input)
 */
gboolean
lir_file_is_same (const char *input, const char *output)
{
  GStatBuf sa, sb;

  g_return_val_if_fail (input != NULL && output != NULL, FALSE);
  if (!stat_path (input, STDIN_FILENO, &sa) || !stat_path (output, STDOUT_FILENO, &sb))
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
