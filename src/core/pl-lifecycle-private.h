/* pl-lifecycle-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-lifecycle.h"
#include "pl-milestones-private.h"

G_BEGIN_DECLS

/* For the writers of src/core that give many placements their days in one
 * transaction (imports, the scheduler, the sample): the one rule of
 * pl_placement_set_days(), inside the caller's transaction. */
gboolean pl_placement_set_days_with_rules (PlStore            *store,
                                           PlMilestoneRules   *rules,
                                           gint64              placement_id,
                                           const char * const *days,
                                           GError            **error);

G_END_DECLS
