/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c: how figures are worded: bytes, ranges, axis ticks, progress. */
#include "lir-private.h"

#include <locale.h>
#include <string.h>

static void
test_format_bytes (void)
{
  static const struct
  {
    guint64 bytes;
    const char *human;
    const char *exact;
  } cases[] = {
    { 0, "0 B", "0 B" },
    { 1023, "1023 B", "1023 B" },
    { 1024, "1.00 KiB", "1.00 KiB (1024 B)" },
    { 22376448, "21.34 MiB", "21.34 MiB (22376448 B)" },
    { G_GUINT64_CONSTANT (1) << 40, "1.00 TiB", "1.00 TiB (1099511627776 B)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *human = lir_format_bytes (cases[i].bytes);
      g_autofree char *exact = lir_format_bytes_exact (cases[i].bytes);

      g_assert_cmpstr (human, ==, cases[i].human);
      g_assert_cmpstr (exact, ==, cases[i].exact);
    }
}

/* The progress line the CLI and the app share, in the C locale. */
static void
test_format_progress (void)
{
  static const struct
  {
    LirProgress progress;
    const char *text;
  } cases[] = {
    { { "best-fit", 45000, 100000, 0 }, "best-fit: 45000 of 100000 buffers placed" },
    { { "search", 131072, 200000, 1300000 }, "search: 131072 of 200000 search steps, best arena 1.24 MiB" },
    { { "orders", 12, 0, 1024 }, "orders: 12 tried, best arena 1.00 KiB" },
    { { "placing", 4096, 20000, 0 }, "placing: 4096 of 20000 buffers placed" },
    { { "search", 0, 0, 2048 }, "search: best arena 2.00 KiB" },
    { { "order", 4096, 200000, 1300000 }, "order: 4096 of 200000 states searched, lowest peak 1.24 MiB" },
    { { "naive", 0, 0, 0 }, "naive" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lir_format_progress (&cases[i].progress);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Zoomed in, neighbouring ticks never read the same (they were all "21.3 MiB"). */
static void
test_format_axis_ticks_distinct (void)
{
  static const double spacings[] = { 1, 64, 1024, 4096, 65536, 1 << 20, 16 << 20 };

  for (guint s = 0; s < G_N_ELEMENTS (spacings); s++)
    {
      g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      double start = (double)(G_GUINT64_CONSTANT (1) << 30) + 22376448 - 3 * spacings[s];

      for (int k = 0; k < 7; k++)
        {
          char *label = lir_format_bytes_axis (start + k * spacings[s], spacings[s]);

          g_test_message ("spacing %g: %s", spacings[s], label);

          g_assert_true (g_hash_table_add (seen, label));
        }
    }
  {
    g_autofree char *whole = lir_format_bytes_axis (16 << 20, 16 << 20);

    g_assert_cmpstr (whole, ==, "16 MiB");
  }
}

static void
test_format_ranges (void)
{
  g_autofree char *bytes = lir_format_byte_range (1024, 1024);
  g_autofree char *steps = lir_format_step_range (3, 17);
  g_autofree char *one = lir_format_step_range (4, 4);
  g_autofree char *percent = lir_format_percent (0.082, 1);

  g_assert_cmpstr (bytes, ==, "1024 – 2048");
  g_assert_cmpstr (steps, ==, "3 – 17");
  g_assert_cmpstr (one, ==, "4");
  g_assert_cmpstr (percent, ==, "8.2%");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/format/bytes", test_format_bytes);
  g_test_add_func ("/report/format/axis-ticks-distinct", test_format_axis_ticks_distinct);
  g_test_add_func ("/report/format/ranges", test_format_ranges);
  g_test_add_func ("/report/format/progress", test_format_progress);
  return g_test_run ();
}
