/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-category.c: category and region names, as graph documents write them
 * and as people read them. */
#include "lir-category.h"

/* Marks the labels for the app's catalog; core itself prints English. */
#define N_(text) text

#include <string.h>

/* The tokens are PyTorch's memory categories, lower case. */
static const char *const category_names[] = {
  "none", "input", "parameter", "optimizer_state", "activation", "gradient", "autograd_detail", "temporary",
};
static const char *const category_labels[] = {
  N_ ("No category"), N_ ("Input"),    N_ ("Parameter"),       N_ ("Optimizer state"),
  N_ ("Activation"),  N_ ("Gradient"), N_ ("Autograd detail"), N_ ("Temporary"),
};
static const char *const region_names[] = { "none", "forward", "backward", "optimizer" };
static const char *const region_labels[] = { N_ ("No region"), N_ ("Forward"), N_ ("Backward"),
                                             N_ ("Optimizer") };

G_STATIC_ASSERT (G_N_ELEMENTS (category_names) == LIR_N_CATEGORIES);
G_STATIC_ASSERT (G_N_ELEMENTS (category_labels) == LIR_N_CATEGORIES);
G_STATIC_ASSERT (G_N_ELEMENTS (region_names) == LIR_N_REGIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (region_labels) == LIR_N_REGIONS);

static gboolean
find (const char *const *names, guint n, const char *text, guint *out)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (text, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * lir_category_to_string:
 * @category: a category
 *
 * Names @category the way graph documents write it (`optimizer_state`).
 *
 * Returns: (transfer none): the token
 */
const char *
lir_category_to_string (LirCategory category)
{
  g_return_val_if_fail (category < LIR_N_CATEGORIES, "none");
  return category_names[category];
}

/**
 * lir_category_get_label:
 * @category: a category
 *
 * The name people read ("Optimizer state"). English, marked for the app's
 * translation.
 *
 * Returns: (transfer none): the label
 */
const char *
lir_category_get_label (LirCategory category)
{
  g_return_val_if_fail (category < LIR_N_CATEGORIES, "");
  return category_labels[category];
}

/**
 * lir_category_from_string:
 * @text: a token lir_category_to_string () gives
 * @out_category: (out): the category
 *
 * Reads a category as graph documents write it.
 *
 * Returns: %TRUE if @text names a category
 */
gboolean
lir_category_from_string (const char *text, LirCategory *out_category)
{
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_category != NULL, FALSE);

  if (!find (category_names, LIR_N_CATEGORIES, text, &i))
    return FALSE;
  *out_category = (LirCategory)i;
  return TRUE;
}

/**
 * lir_region_to_string:
 * @region: a region
 *
 * Names @region the way graph documents write it (`backward`).
 *
 * Returns: (transfer none): the token
 */
const char *
lir_region_to_string (LirRegion region)
{
  g_return_val_if_fail (region < LIR_N_REGIONS, "none");
  return region_names[region];
}

/**
 * lir_region_get_label:
 * @region: a region
 *
 * The name people read ("Backward"). English, marked for the app's
 * translation.
 *
 * Returns: (transfer none): the label
 */
const char *
lir_region_get_label (LirRegion region)
{
  g_return_val_if_fail (region < LIR_N_REGIONS, "");
  return region_labels[region];
}

/**
 * lir_region_from_string:
 * @text: a token lir_region_to_string () gives
 * @out_region: (out): the region
 *
 * Reads a region as graph documents write it.
 *
 * Returns: %TRUE if @text names a region
 */
gboolean
lir_region_from_string (const char *text, LirRegion *out_region)
{
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_region != NULL, FALSE);

  if (!find (region_names, LIR_N_REGIONS, text, &i))
    return FALSE;
  *out_region = (LirRegion)i;
  return TRUE;
}
