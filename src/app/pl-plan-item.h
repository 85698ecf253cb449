/* pl-plan-item.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pl-schedule.h"

G_BEGIN_DECLS

/* One open request on the Plan page, with what the last plan made of it. */
typedef enum
{
  PL_PLAN_ITEM_OPEN,       /* not planned yet */
  PL_PLAN_ITEM_PROPOSED,   /* the plan has an employer and days for it */
  PL_PLAN_ITEM_UNPLACED,   /* the plan could not place it; see the reason */
} PlPlanItemState;

#define PL_TYPE_PLAN_ITEM (pl_plan_item_get_type ())

G_DECLARE_FINAL_TYPE (PlPlanItem, pl_plan_item, PL, PLAN_ITEM, GObject)

PlPlanItem       *pl_plan_item_new           (gint64            placement_id,
                                              const char       *staff,
                                              const char       *sector,
                                              const char       *window,
                                              guint             length);
gint64            pl_plan_item_get_placement_id (PlPlanItem     *self);
const char       *pl_plan_item_get_staff     (PlPlanItem       *self);
PlPlanItemState   pl_plan_item_get_state     (PlPlanItem       *self);
/* The plan's proposal (placed or not), or NULL while open. */
const PlProposal *pl_plan_item_get_proposal  (PlPlanItem       *self);
void              pl_plan_item_set_proposal  (PlPlanItem       *self,
                                              const PlProposal *proposal);
/* The employer and days, the reason it cannot be placed, or "". */
const char       *pl_plan_item_get_summary   (PlPlanItem       *self);

/* "Mon 1 Mar 2027", "Fri 29 Jan – Mon 1 Feb 2027" (transfer full). */
char             *pl_plan_format_days        (const char * const *days);
/* "18 Jan – 12 Mar 2027", for windows (transfer full). */
char             *pl_plan_format_range       (const char         *first,
                                              const char         *last);

G_END_DECLS
