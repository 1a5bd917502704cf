/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-target.h: every fuzz target exports libFuzzer's entry point; the same
 * source also links into fuzz-replay, which the normal test suite runs over
 * the seed corpora and tests/fuzz/regressions/.
 *
 * The oracles check meaning, not only survival: whatever Lirscope writes
 * is valid UTF-8, reads back, writes back byte for byte, keeps its
 * fingerprint and its statistics; every plan Lirscope makes passes the
 * validator; every SVG is well-formed XML. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#include "lir-private.h"

/* A finding: say what broke, then abort so libFuzzer keeps the input
 * (it does not catch the SIGTRAP g_error() may raise). */
#define fuzz_fail(...)                                                                            \
  do                                                                                              \
    {                                                                                             \
      g_printerr ("fuzz finding: " __VA_ARGS__);                                                  \
      g_printerr ("\n");                                                                          \
      abort ();                                                                                   \
    }                                                                                             \
  while (0)

typedef LirModule *(*FuzzReader) (const char *, gsize, GError **);
typedef char *(*FuzzWriter) (const LirModule *, gsize *);

/* Text Lirscope produced: valid UTF-8 without NUL bytes. */
static inline void
fuzz_check_text (const char *text, gsize length, const char *what)
{
  const char *end;

  if (!g_utf8_validate_len (text, length, &end))
    fuzz_fail ("%s is not valid UTF-8 at byte %" G_GSIZE_FORMAT, what, (gsize)(end - text));
}

/* The figures of two plans that should be the same plan. Whether a plan
 * was proved optimal is a fact of the run that made it, not of the file. */
static inline void
fuzz_check_same_stats (const LirModule *a, const LirModule *b, const char *what)
{
  LirBufferPlan *pa = lir_module_get_plan (a), *pb = lir_module_get_plan (b);
  LirPlanStats sa, sb;

  if ((pa == NULL) != (pb == NULL))
    fuzz_fail ("%s: one side has a plan, the other has none", what);
  if (pa == NULL || lir_module_needs_plan (a))
    return;
  lir_plan_stats_compute (pa, &sa);
  lir_plan_stats_compute (pb, &sb);
  if (sa.n_nodes != sb.n_nodes || sa.n_buffers != sb.n_buffers || sa.n_views != sb.n_views
      || sa.arena_size != sb.arena_size || sa.total_unshared != sb.total_unshared
      || sa.bytes_saved != sb.bytes_saved || sa.bytes_saved_by_sharing != sb.bytes_saved_by_sharing
      || sa.bytes_saved_by_views != sb.bytes_saved_by_views || sa.lower_bound != sb.lower_bound
      || sa.aligned_lower_bound != sb.aligned_lower_bound || sa.peak_step != sb.peak_step
      || sa.efficiency != sb.efficiency || sa.saved_fraction != sb.saved_fraction)
    fuzz_fail ("%s: the statistics changed (arena %" G_GUINT64_FORMAT " vs %" G_GUINT64_FORMAT
               ", lower bound %" G_GUINT64_FORMAT " vs %" G_GUINT64_FORMAT ")",
               what, sa.arena_size, sb.arena_size, sa.lower_bound, sb.lower_bound);
}

static inline guint64
fuzz_violations (LirModule *module)
{
  g_autoptr (GPtrArray) violations = NULL;
  guint64 count = 0;

  if (lir_module_get_plan (module) == NULL || lir_module_needs_plan (module))
    return 0;
  violations = lir_module_list_violations (module, &count);
  return count;
}

/* Writes @module with @write and reads it back with @read: the text is
 * valid UTF-8, reads back, writes back identically, and the module keeps
 * its fingerprint, statistics and validity. */
static inline void
fuzz_check_round_trip (LirModule *module, FuzzReader read, FuzzWriter write, const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) again = NULL;
  g_autofree char *text = NULL, *text_again = NULL;
  gsize length, length_again;

  text = write (module, &length);
  fuzz_check_text (text, length, what);
  again = read (text, length, &error);
  if (again == NULL)
    fuzz_fail ("%s Lirscope wrote does not read back: %s", what, error->message);
  text_again = write (again, &length_again);
  if (length != length_again || memcmp (text, text_again, length) != 0)
    fuzz_fail ("%s Lirscope wrote reads back as another (write, read, write is not identical)", what);
  if (lir_module_get_fingerprint (again) != lir_module_get_fingerprint (module))
    fuzz_fail ("%s Lirscope wrote reads back with another fingerprint", what);
  fuzz_check_same_stats (module, again, what);
  if (fuzz_violations (module) != fuzz_violations (again))
    fuzz_fail ("%s Lirscope wrote reads back with other violations", what);
}

/* Reads with one format's reader; what parses must round-trip. */
static inline void
fuzz_round_trip (const uint8_t *data, size_t size, FuzzReader read, FuzzWriter write, const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = read ((const char *)data, size, &error);

  if (module == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      fuzz_check_text (error->message, strlen (error->message), "an error message");
      return;
    }
  fuzz_check_round_trip (module, read, write, what);
}

/* GMarkup is strict about well-formedness: an SVG it parses is XML. */
static inline void
fuzz_check_svg (const char *svg, gsize length)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;

  fuzz_check_text (svg, length, "an SVG");
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  if (!g_markup_parse_context_parse (context, svg, (gssize)length, &error)
      || !g_markup_parse_context_end_parse (context, &error))
    fuzz_fail ("an SVG Lirscope drew is not well-formed XML: %s", error->message);
}
