/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-canvas.c: what every canvas back end does to the text it is given.
 *
 * Names come from users' files: valid UTF-8, but possibly holding Unicode
 * noncharacters (U+FFFE, U+FDD0 …) or control characters, which cairo refuses
 * to draw (it stops with "invalid UTF-8") and XML 1.0 does not allow even
 * escaped. Both back ends draw U+FFFD in their place, so every export of
 * every loadable file succeeds and its SVG parses.
 */
#include "lir-canvas-private.h"

static gboolean
is_drawable (gunichar c)
{
  if (c < 0x20)
    return c == '\n' || c == '\t';
  if (c >= 0xFDD0 && c <= 0xFDEF)
    return FALSE;
  if ((c & 0xFFFE) == 0xFFFE)
    return FALSE;
  return g_unichar_validate (c);
}

/**
 * lir_canvas_clean_text:
 * @text: text to draw
 * @owned: (out): set to a cleaned copy when one was needed, else %NULL;
 *   the caller frees it
 *
 * Returns: (transfer none): @text, or *@owned when @text held anything a
 *   back end cannot write (each such character, or invalid byte, becomes
 *   U+FFFD)
 */
const char *
lir_canvas_clean_text (const char *text, char **owned)
{
  GString *clean = NULL;
  const char *p = text;

  *owned = NULL;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *next = c == (gunichar)-1 || c == (gunichar)-2 ? p + 1 : g_utf8_next_char (p);

      if (c == (gunichar)-1 || c == (gunichar)-2 || !is_drawable (c))
        {
          if (clean == NULL)
            clean = g_string_new_len (text, p - text);
          g_string_append_unichar (clean, 0xFFFD);
        }
      else if (clean != NULL)
        g_string_append_len (clean, p, next - p);
      p = next;
    }
  if (clean == NULL)
    return text;
  *owned = g_string_free (clean, FALSE);
  return *owned;
}
