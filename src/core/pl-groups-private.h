/* pl-groups-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-groups.h"

G_BEGIN_DECLS

/* What a snapshot holds, for the tests. */
guint pl_group_snapshot_get_n_members  (PlGroupSnapshot *self);
guint pl_group_snapshot_get_n_meetings (PlGroupSnapshot *self);
guint pl_group_snapshot_get_n_outcomes (PlGroupSnapshot *self);

G_END_DECLS
