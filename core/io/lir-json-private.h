/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-json-private.h: JSON helpers shared by the readers in core/io. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

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

JsonNode *lir_json_member          (JsonObject *object, const char *key, gboolean required,
                                    const LirJsonPath *path, GError **error);
gboolean  lir_json_to_u64          (JsonNode *node, guint64 max, guint64 *out,
                                    const LirJsonPath *path, GError **error);
gboolean  lir_json_get_u64         (JsonObject *object, const char *key, guint64 max,
                                    guint64 *out, LirJsonPath *path, GError **error);
JsonObject *lir_json_to_object     (JsonNode *node, const LirJsonPath *path, GError **error);
JsonArray *lir_json_to_array       (JsonNode *node, const LirJsonPath *path, GError **error);
const char *lir_json_to_string     (JsonNode *node, const LirJsonPath *path, GError **error);
char      *lir_json_canonical      (JsonNode *node);
void      lir_json_append_string   (GString *out, const char *text);
JsonNode *lir_json_parse           (const char *data, gsize length, GError **error);

G_END_DECLS
