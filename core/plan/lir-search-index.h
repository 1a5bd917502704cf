/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-search-index.h: find a plan's buffers by name or op, without a scan per keystroke. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-module.h"

G_BEGIN_DECLS

/**
 * LirSearchIndex:
 *
 * An index of a graph's node names and op labels, so that a search by
 * substring does not scan every node at each keystroke.
 */
typedef struct _LirSearchIndex LirSearchIndex;

#define LIR_TYPE_SEARCH_INDEX (lir_search_index_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_search_index_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirSearchIndex *lir_search_index_new  (LirModule            *module);
LIR_AVAILABLE_IN_ALL
LirSearchIndex *lir_search_index_ref (LirSearchIndex *index);
LIR_AVAILABLE_IN_ALL
void            lir_search_index_unref (LirSearchIndex       *index);
LIR_AVAILABLE_IN_ALL
guint           lir_search_index_find (const LirSearchIndex *index,
                                       const char           *text,
                                       guint                 max_nodes,
                                       GArray               *nodes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirSearchIndex, lir_search_index_unref)

G_END_DECLS
