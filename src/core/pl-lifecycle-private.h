/* pl-lifecycle-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-lifecycle.h"
#include "pl-enums.h"
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

typedef enum
{
  PL_LIFECYCLE_MOVE_AGAIN = 1 << 0,  /* a move to the status it has is a step too */
} PlLifecycleMoveFlags;

/* The one way a status changes (pl_lifecycle_change_status(), the
 * planner), and its undo, inside the caller's transaction. */
PlStatusChange *pl_lifecycle_move      (PlStore              *store,
                                        PlMilestoneRules     *rules,
                                        PlRecord             *placement,
                                        PlPlacementStatus     to,
                                        const char           *reason,
                                        PlLifecycleMoveFlags  flags,
                                        const GDate          *today,
                                        GError              **error);
gboolean        pl_lifecycle_move_back (PlStore              *store,
                                        PlStatusChange       *change,
                                        PlRecord             *placement,
                                        GError              **error);

G_END_DECLS
