/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-format.c: bytes, counts and shares as people read them.
 *
 * Every figure the CLI, the app and the exports show goes through these, so
 * one plan reads the same everywhere. They follow the process's LC_NUMERIC:
 * the CLI never calls setlocale () and prints C-locale text that scripts can
 * parse; the app, which does, shows the user's decimal and group separators.
 * Machine-readable output (JSON, CSV) never uses them.
 */
#include "lir-format-private.h"

#include <locale.h>
#include <math.h>
#include <string.h>

static const char *const binary_units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };

/**
 * lir_format_count:
 * @count: a whole number
 *
 * Returns: (transfer full): @count with the locale's thousands separator
 *   ("22,376,448" in en_US, "22376448" in the C locale)
 */
char *
lir_format_count (guint64 count)
{
  const struct lconv *conv = localeconv ();
  const char *sep = conv->thousands_sep != NULL ? conv->thousands_sep : "";
  char digits[24];
  GString *out;
  int n, lead;

  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, count);
  if (*sep == '\0')
    return g_strdup (digits);
  out = g_string_sized_new (32);
  lead = n % 3 == 0 ? 3 : n % 3;
  g_string_append_len (out, digits, lead);
  for (int i = lead; i < n; i += 3)
    {
      g_string_append (out, sep);
      g_string_append_len (out, digits + i, 3);
    }
  return g_string_free (out, FALSE);
}

/**
 * lir_format_bytes:
 * @bytes: a size
 *
 * Returns: (transfer full): "512 B", "21.34 MiB": two decimals in binary
 *   units from 1 KiB up
 */
char *
lir_format_bytes (guint64 bytes)
{
  double value = (double)bytes;
  guint unit = 0;

  if (bytes < 1024)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " B", bytes);
  while (value >= 1024.0 && unit + 1 < G_N_ELEMENTS (binary_units))
    {
      value /= 1024.0;
      unit++;
    }
  return g_strdup_printf ("%.2f %s", value, binary_units[unit]);
}

/**
 * lir_format_bytes_exact:
 * @bytes: a size
 *
 * Returns: (transfer full): "21.34 MiB (22376448 B)", or "512 B" when the
 *   short form is already exact
 */
char *
lir_format_bytes_exact (guint64 bytes)
{
  g_autofree char *human = lir_format_bytes (bytes);
  g_autofree char *count = NULL;

  if (bytes < 1024)
    return g_steal_pointer (&human);
  count = lir_format_count (bytes);
  return g_strdup_printf ("%s (%s B)", human, count);
}

/**
 * lir_format_bytes_axis:
 * @bytes: a tick's value
 * @spacing: the distance between neighbouring ticks, in bytes
 *
 * Formats an axis tick with as many decimals as the spacing needs, so
 * that neighbouring ticks never read the same ("21.30 MiB", "21.31 MiB"
 * when zoomed in; "16 MiB", "32 MiB" when not).
 *
 * Returns: (transfer full): the label; "0" for zero
 */
char *
lir_format_bytes_axis (double bytes, double spacing)
{
  double scale = 1;
  guint unit = 0;
  int decimals = 0;

  if (bytes <= 0)
    return g_strdup ("0");
  while (bytes / scale >= 1024.0 && unit + 1 < G_N_ELEMENTS (binary_units))
    {
      scale *= 1024.0;
      unit++;
    }
  /* A finer unit when the spacing is under a thousandth of this one. */
  while (spacing > 0 && unit > 0 && spacing / scale < 0.001)
    {
      scale /= 1024.0;
      unit--;
    }
  if (spacing > 0 && unit > 0)
    {
      double step = spacing / scale;

      /* Enough decimals that one spacing changes the last digit shown. */
      while (decimals < 3 && step * pow (10, decimals) < 0.999)
        decimals++;
    }
  return g_strdup_printf ("%.*f %s", decimals, bytes / scale, binary_units[unit]);
}

/**
 * lir_format_percent:
 * @fraction: 0.25 for a quarter
 * @decimals: digits after the decimal point
 *
 * Returns: (transfer full): "25.0%"
 */
char *
lir_format_percent (double fraction, int decimals)
{
  return g_strdup_printf ("%.*f%%", CLAMP (decimals, 0, 6), fraction * 100.0);
}

/**
 * lir_format_byte_range:
 * @offset: the first byte
 * @size: how many bytes
 *
 * Returns: (transfer full): "1024 – 2048", the half-open range of a slot
 */
char *
lir_format_byte_range (guint64 offset, guint64 size)
{
  g_autofree char *start = lir_format_count (offset);
  g_autofree char *end = lir_format_count (offset + size);

  return g_strdup_printf ("%s – %s", start, end);
}

/**
 * lir_format_step_range:
 * @first_step: the first step a buffer is live
 * @last_step: the last one (inclusive, as in the plan)
 *
 * Returns: (transfer full): "3 – 17", or "3" for a single step
 */
char *
lir_format_step_range (guint32 first_step, guint32 last_step)
{
  if (first_step == last_step)
    return g_strdup_printf ("%u", first_step);
  return g_strdup_printf ("%u – %u", first_step, last_step);
}

/**
 * lir_format_progress:
 * @progress: how far a planning run got
 *
 * The one-line progress report the CLI prints on a terminal and the app
 * shows while it plans: `best-fit: 45,000 of 100,000 buffers placed, best
 * arena 7.41 GiB` (`search: … search steps`; auto's search over
 * placement orders: `orders: 12 tried, best arena …`; the search for a
 * lower-peak execution order: `order: 4,096 of 200,000 states searched,
 * lowest peak 24.5 MiB`).
 *
 * Returns: (transfer full): the line
 */
char *
lir_format_progress (const LirProgress *progress)
{
  GString *out = g_string_new (progress->phase);
  gboolean counted = progress->total > 0 || (strcmp (progress->phase, "orders") == 0 && progress->done > 0);

  if (progress->total > 0)
    {
      g_autofree char *done = lir_format_count (progress->done);
      g_autofree char *total = lir_format_count (progress->total);
      const char *unit = strcmp (progress->phase, "search") == 0  ? "search steps"
                         : strcmp (progress->phase, "order") == 0 ? "states searched"
                                                                  : "buffers placed";

      g_string_append_printf (out, ": %s of %s %s", done, total, unit);
    }
  else if (counted)
    {
      g_autofree char *done = lir_format_count (progress->done);

      g_string_append_printf (out, ": %s tried", done);
    }
  if (progress->best_arena > 0)
    {
      g_autofree char *best = lir_format_bytes (progress->best_arena);

      g_string_append_printf (out, "%s %s %s", counted ? "," : ":",
                              strcmp (progress->phase, "order") == 0 ? "lowest peak" : "best arena", best);
    }
  return g_string_free (out, FALSE);
}

/**
 * lir_format_escape_controls:
 * @text: text for a terminal, names included
 *
 * Names are user data: one holding `ESC [ 2 J` would clear the terminal
 * it is printed on. Every control character but line feed and tab (C0,
 * DEL and the C1 range U+0080 to U+009F) is written as `\xHH` or
 * `\u{HHHH}`, and a byte that is not UTF-8 as `\xHH`.
 *
 * Returns: (transfer full): the text, safe to print
 */
char *
lir_format_escape_controls (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar)*p);
          p++;
          continue;
        }
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
        g_string_append_printf (out, "\\x%02X", c);
      else if (c >= 0x80 && c <= 0x9F)
        g_string_append_printf (out, "\\u{%04X}", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
