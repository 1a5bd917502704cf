/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-detect-private.h: which format a file is in, told from its content. */
#pragma once

#include "lir-json-read-private.h"

G_BEGIN_DECLS

/* What the text of a file is. */
typedef enum
{
  LIR_TEXT_JSON, /* a JSON object or array: a document */
  LIR_TEXT_CSV,  /* a CSV with a header row: a buffer list */
} LirTextKind;

/* What a JSON document is. */
typedef enum
{
  LIR_DOCUMENT_LIRSCOPE, /* a Lirscope graph or module document ("format") */
  LIR_DOCUMENT_RLX,      /* RLX's serialized LirModule ("mir" and "buffers") */
} LirDocumentKind;

gboolean        lir_detect_text     (const char  *data,
                                     gsize        length,
                                     LirTextKind *kind,
                                     gsize       *start,
                                     GError     **error);
LirDocumentKind lir_detect_document (const LirJsonValue *root);

G_END_DECLS
