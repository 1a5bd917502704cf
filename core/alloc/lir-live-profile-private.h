/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-live-profile-private.h: bytes live per step, for the lower bound and the live-bytes strip. */
#pragma once

#include "lir-alloc-private.h"

G_BEGIN_DECLS

/**
 * LirLiveProfile:
 *
 * The bytes of owning buffers live at each step, stored as a step function
 * with one piece per change: its size follows the number of buffers, not the
 * number of steps (a MiniMalloc CSV may span hundreds of millions of steps).
 */
typedef struct _LirLiveProfile LirLiveProfile;

LirLiveProfile *lir_live_profile_new_for_buffers (const LirAllocBuffer *buffers,
                                                  guint                 n_buffers);
void            lir_live_profile_free   (LirLiveProfile       *profile);
guint64         lir_live_profile_at     (const LirLiveProfile *profile,
                                         guint32               step);
guint64         lir_live_profile_max    (const LirLiveProfile *profile,
                                         guint32               start,
                                         guint32               end,
                                         guint32              *where);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirLiveProfile, lir_live_profile_free)

G_END_DECLS
