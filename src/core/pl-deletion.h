/* pl-deletion.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_DELETION (pl_deletion_get_type ())

G_DECLARE_FINAL_TYPE (PlDeletion, pl_deletion, PL, DELETION, GObject)

PlDeletion *pl_deletion_run        (PlStore     *store,
                                    GType        type,
                                    gint64       id,
                                    GError     **error);
gboolean    pl_deletion_undo       (PlDeletion  *self,
                                    GError     **error);
gint64      pl_deletion_get_id     (PlDeletion  *self);
/* The rows the deletion removed, the record's own included. */
guint       pl_deletion_get_n_rows (PlDeletion  *self);
char       *pl_deletion_describe_others (PlDeletion *self);

G_END_DECLS
