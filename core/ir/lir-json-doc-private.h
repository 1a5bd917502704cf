/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json-doc-private.h: the JSON document model: what the readers of
 * core/io walk, and the canonical text the graph keeps attributes in.
 *
 * yajl tokenizes and validates the text; its events are stored in one flat
 * array of values in document order, so a 30 MB plan is read in a single
 * pass with a handful of allocations, and freed in one go. A container's
 * children follow it; each value records how many slots it and its
 * descendants take, which is the step to its next sibling. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIR_JSON_NULL,
  LIR_JSON_BOOLEAN,
  LIR_JSON_INTEGER,
  LIR_JSON_DOUBLE,
  LIR_JSON_STRING,
  LIR_JSON_ARRAY,
  LIR_JSON_OBJECT,
} LirJsonType;

typedef struct
{
  const char *key; /* the member name when the parent is an object */
  union
  {
    gint64 integer;
    double number;
    const char *string;
    gboolean boolean;
  } v;
  guint32 length; /* children of an array or object */
  guint32 skip;   /* slots taken by this value and its descendants */
  LirJsonType type;
} LirJsonValue;

typedef struct _LirJsonDoc LirJsonDoc;

LirJsonDoc *lir_json_parse (const char *data, gsize length, GError **error);
const LirJsonValue *lir_json_doc_get_root (const LirJsonDoc *doc);
void lir_json_doc_free (LirJsonDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirJsonDoc, lir_json_doc_free)

/* The first child of a non-empty container, and the sibling after @value. */
static inline const LirJsonValue *
lir_json_first (const LirJsonValue *container)
{
  return container + 1;
}

static inline const LirJsonValue *
lir_json_next (const LirJsonValue *value)
{
  return value + value->skip;
}

/* Iterates the children of an array or object: @child and the index @i.
 * The outer loop only declares @child and runs once, so break works. */
#define LIR_JSON_FOREACH(child, i, container)                                            \
  for (const LirJsonValue *child = lir_json_first (container), *child##_end_ = NULL;      \
       child##_end_ == NULL; child##_end_ = child)                                        \
    for (guint i = 0; i < (container)->length; i++, child = lir_json_next (child))

const LirJsonValue *lir_json_get (const LirJsonValue *object, const char *key);
const LirJsonValue **lir_json_sorted_members (const LirJsonValue *object, guint *n);

/* Absent or null. */
static inline gboolean
lir_json_is_null (const LirJsonValue *value)
{
  return value == NULL || value->type == LIR_JSON_NULL;
}

char *lir_json_canonical        (const LirJsonValue *value);
void  lir_json_append_canonical (GString *out, const LirJsonValue *value);
void  lir_json_append_string    (GString *out, const char *text);

G_END_DECLS
