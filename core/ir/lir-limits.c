/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-limits.c: checks of the limits in lir-limits.h, shared by every reader
 * and the builder API. */
#include "lir-limits.h"
#include "lir-limits-private.h"

#include "lir-error.h"

#include <string.h>

/**
 * lir_limits_check_name:
 * @text: a name as it entered (not necessarily NUL-terminated)
 * @length: its length in bytes, or -1 when @text is NUL-terminated
 * @may_be_empty: whether "" is allowed
 * @error: return location for a #GError; the caller prefixes where
 *
 * Whether @text can be a name: valid UTF-8, no NUL byte, at most
 * %LIR_MAX_NAME_LENGTH bytes. Every reader calls this where text enters,
 * so nothing Lirscope writes later carries bytes it cannot read back.
 *
 * Returns: %TRUE if it can
 */
gboolean
lir_limits_check_name (const char *text, gssize length, gboolean may_be_empty, GError **error)
{
  gsize n = length < 0 ? strlen (text) : (gsize)length;
  const char *end;

  if (n == 0 && !may_be_empty)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "a name must not be empty");
      return FALSE;
    }
  if (n > LIR_MAX_NAME_LENGTH)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT,
                   "a name of %" G_GSIZE_FORMAT " bytes, more than the limit of %u", n, LIR_MAX_NAME_LENGTH);
      return FALSE;
    }
  if (memchr (text, '\0', n) != NULL)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "a name contains a NUL character");
      return FALSE;
    }
  /* GLib's check refuses encoded surrogates and overlong forms too. */
  if (!g_utf8_validate_len (text, n, &end))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "a name is not valid UTF-8 (byte 0x%02x at byte %" G_GSIZE_FORMAT ")", (guchar)*end,
                   (gsize)(end - text) + 1);
      return FALSE;
    }
  return TRUE;
}

/**
 * lir_limits_check_alignment:
 * @alignment: an arena alignment in bytes
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @alignment is a power of two no larger than
 *   %LIR_MAX_ALIGNMENT
 */
gboolean
lir_limits_check_alignment (guint64 alignment, GError **error)
{
  if (alignment == 0 || (alignment & (alignment - 1)) != 0)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "alignment %" G_GUINT64_FORMAT " is not a power of two", alignment);
      return FALSE;
    }
  if (alignment > LIR_MAX_ALIGNMENT)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT,
                   "alignment %" G_GUINT64_FORMAT " is more than the limit of 2^40", alignment);
      return FALSE;
    }
  return TRUE;
}

/**
 * lir_limits_reserve:
 * @bytes: how much memory the work about to start needs, about
 * @what: the work, for the message ("reading 2,000,000 buffers")
 * @error: return location for a #GError
 *
 * Asks the system for @bytes once, before work whose many small
 * allocations GLib would end with an abort when memory runs out (under
 * `ulimit -v`, or on a 32-bit address space): then it is a clear error
 * instead. The memory is given back at once.
 *
 * Returns: %TRUE if @bytes could be had
 */
gboolean
lir_limits_reserve (guint64 bytes, const char *what, GError **error)
{
  gpointer probe;

  if (bytes > G_MAXSIZE || (probe = g_try_malloc ((gsize)MAX (bytes, 1))) == NULL)
    {
      g_autofree char *size = g_format_size (bytes);

      g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "not enough memory for %s (about %s)", what, size);
      return FALSE;
    }
  g_free (probe);
  return TRUE;
}

/* The start of @text cut to at most @max bytes at a character boundary. */
static gsize
head_bytes (const char *text, gsize max)
{
  const char *end = text + max;

  while (end > text && (*end & 0xC0) == 0x80)
    end--;
  return (gsize)(end - text);
}

/**
 * lir_name_shorten: (skip)
 * @name: a name, up to %LIR_MAX_NAME_LENGTH bytes
 * @buffer: room for the short form
 *
 * A name as people read it in a window, a picture or a sentence: names of
 * up to 200 bytes as they are; longer ones keep their start and end with
 * "…" between (`layer4.…2.weight` tells a path's last parts apart), so a
 * label never has to lay out kilobytes of text. Full names stay in the
 * files and the JSON outputs.
 *
 * Returns: (transfer none): @name, or @buffer holding its short form
 */
const char *
lir_name_shorten (const char *name, char buffer[LIR_SHORT_NAME_SIZE])
{
  g_return_val_if_fail (name != NULL && buffer != NULL, NULL);

  gsize length = strlen (name), head, tail;
  const char *tail_start;

  if (length <= 200)
    return name;
  head = head_bytes (name, 160);
  /* The last ~80 bytes, starting at a character. */
  tail_start = name + length - 80;
  while ((*tail_start & 0xC0) == 0x80)
    tail_start++;
  tail = length - (gsize)(tail_start - name);
  memcpy (buffer, name, head);
  memcpy (buffer + head, "\xE2\x80\xA6", 3);
  memcpy (buffer + head + 3, tail_start, tail);
  buffer[head + 3 + tail] = '\0';
  return buffer;
}

/**
 * lir_text_quote:
 * @text: text from the user's input, quoted in an error message
 *
 * Error messages repeat what was wrong, and that text may be anything:
 * bytes that are not UTF-8 become U+FFFD, and more than 60 characters are
 * cut with "…", so a message is always valid UTF-8 and one line long.
 *
 * Returns: (transfer full): the text to quote
 */
char *
lir_text_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) > 60)
    {
      char *cut = g_utf8_offset_to_pointer (valid, 59);

      *cut = '\0';
      return g_strconcat (valid, "\xE2\x80\xA6", NULL);
    }
  return g_steal_pointer (&valid);
}
