/* pl-store-repeat.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* A host of last academic year with no placement this year: the employers
 * the Employers page's "Invite Back" lists. */
typedef struct
{
  gint64  employer_id;
  char   *name;
  gint64  hosted;       /* placements that took place there last year */
} PlInviteBack;

void       pl_invite_back_free        (PlInviteBack *self);
GPtrArray *pl_store_list_invite_back  (PlStore      *store,
                                       const GDate  *today,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlInviteBack, pl_invite_back_free)

G_END_DECLS
