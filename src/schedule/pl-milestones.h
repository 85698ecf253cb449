/* pl-milestones.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Brings the milestones of a placement in line with its days and the
 * milestone templates: creates the missing ones, moves the undone ones when
 * the days moved, never moves one that is done, and removes undone ones
 * when the placement has no days. Part of the caller's transaction if any. */
gboolean pl_milestones_update (PlStore  *store,
                               gint64    placement_id,
                               GError  **error);

G_END_DECLS
