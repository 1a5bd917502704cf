/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json-read-private.h: what the readers of core/io share: JSON paths for
 * errors, typed access, and the two parts of a document. */
#pragma once

#include "ir/lir-json-doc-private.h"

G_BEGIN_DECLS

/* The header of Lirscope's documents. */
#define LIR_JSON_GRAPH_FORMAT "lirscope-graph"
#define LIR_JSON_MODULE_FORMAT "lirscope-module"
#define LIR_JSON_FORMAT_VERSION 1

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
