/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-placer.h: placement in a given order over a time index, shared by the heuristic strategies. */
#pragma once

#include "lir-strategy-private.h"

G_BEGIN_DECLS

typedef struct _LirPlacer LirPlacer;

LirPlacer *lir_placer_new   (const LirAllocRequest *request,
                             const guint32         *order,
                             LirGapRule             rule);
void       lir_placer_free  (LirPlacer             *placer);
gboolean   lir_placer_place (LirPlacer             *placer,
                             guint                  k,
                             guint64               *offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirPlacer, lir_placer_free)

G_END_DECLS
