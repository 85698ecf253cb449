/* pl-milestones-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-enums.h"
#include "pl-milestones.h"

G_BEGIN_DECLS

/* For the writers of src/core that give many placements their days at
 * once (imports, the scheduler, the sample): the templates and working
 * days read once, then applied to each placement. */
typedef struct _PlMilestoneRules PlMilestoneRules;

PlMilestoneRules *pl_milestone_rules_new          (PlStore           *store,
                                                   GError           **error);
void              pl_milestone_rules_free         (PlMilestoneRules  *rules);
PlWorkdays       *pl_milestone_rules_get_workdays (PlMilestoneRules  *rules);

/* pl_milestones_update() for one placement whose days are @days (NULL:
 * as stored), inside the caller's transaction. */
gboolean          pl_milestone_rules_apply        (PlMilestoneRules   *rules,
                                                   PlStore            *store,
                                                   gint64              placement_id,
                                                   const char * const *days,
                                                   GError            **error);

/* The milestones of a placement just written at @status with days from
 * @first_day to @last_day (ISO dates) and none yet, done as if it had
 * walked the lifecycle to @status on @today: the bulk import's one rule. */
gboolean          pl_milestone_rules_add_walked   (PlMilestoneRules   *rules,
                                                   PlStore            *store,
                                                   gint64              placement_id,
                                                   PlPlacementStatus   status,
                                                   const char         *first_day,
                                                   const char         *last_day,
                                                   const GDate        *today,
                                                   GError            **error);

/* pl_milestones_due() with the template's terms as values. */
void              pl_milestones_due_typed         (PlWorkdays        *workdays,
                                                   const GDate       *first,
                                                   const GDate       *last,
                                                   PlMilestoneAnchor  anchor,
                                                   int                offset,
                                                   PlMilestoneUnit    unit,
                                                   GDate             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlMilestoneRules, pl_milestone_rules_free)

G_END_DECLS
