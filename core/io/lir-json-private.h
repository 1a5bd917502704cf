/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json-private.h: the JSON document model the readers in core/io walk.
 *
 * yajl tokenizes and validates the text; its events are stored in one flat
 * array of values in document order, so a 30 MB plan is read in a single
 * pass with a handful of allocations, and freed in one go. A container's
 * children follow it; each value records how many slots it and its
 * descendants take, which is the step to its next sibling. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The header of Lirscope's documents. */
#define LIR_JSON_GRAPH_FORMAT "lirscope-graph"
#define LIR_JSON_MODULE_FORMAT "lirscope-module"
#define LIR_JSON_FORMAT_VERSION 1

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

/* A JSON path being read, for error messages: "nodes[12].inputs[1]". */
typedef struct
{
  GString *text;
} LirJsonPath;

void      lir_json_path_push_key   (LirJsonPath *path, const char *key, gsize *mark);
void      lir_json_path_push_index (LirJsonPath *path, guint index, gsize *mark);
void      lir_json_path_pop        (LirJsonPath *path, gsize mark);

G_GNUC_PRINTF (3, 4)
void      lir_json_error           (GError **error, const LirJsonPath *path, const char *format, ...);

const LirJsonValue *lir_json_member    (const LirJsonValue *object, const char *key,
                                        gboolean required, const LirJsonPath *path, GError **error);
gboolean            lir_json_to_u64    (const LirJsonValue *value, guint64 max, guint64 *out,
                                        const LirJsonPath *path, GError **error);
gboolean            lir_json_get_u64   (const LirJsonValue *object, const char *key, guint64 max,
                                        guint64 *out, LirJsonPath *path, GError **error);
const LirJsonValue *lir_json_to_object (const LirJsonValue *value, const LirJsonPath *path,
                                        GError **error);
const LirJsonValue *lir_json_to_array  (const LirJsonValue *value, const LirJsonPath *path,
                                        GError **error);
const char         *lir_json_to_string (const LirJsonValue *value, const LirJsonPath *path,
                                        GError **error);
const char         *lir_json_read_name (const LirJsonValue *value, gboolean may_be_empty,
                                        LirJsonPath *path, GError **error);
char               *lir_json_canonical (const LirJsonValue *value);
void                lir_json_append_string (GString *out, const char *text);
void                lir_json_op_label  (const char          *op_name,
                                        const LirJsonValue  *payload,
                                        char               **label,
                                        char               **family);

/* The two parts of a document (lir-json-graph.c, lir-json-plan.c). */
typedef struct _LirGraph LirGraph;
typedef struct _LirBufferPlan LirBufferPlan;

LirGraph      *lir_json_read_graph (const LirJsonValue *object, LirJsonPath *path, GError **error);
LirBufferPlan *lir_json_read_plan  (const LirGraph *graph, const LirJsonValue *object,
                                    LirJsonPath *path, GError **error);

G_END_DECLS
