/* pl-periods-group.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_PERIODS_GROUP (pl_periods_group_get_type ())

G_DECLARE_FINAL_TYPE (PlPeriodsGroup, pl_periods_group, PL, PERIODS_GROUP, AdwPreferencesGroup)

/* The "Calendar" group of an employer's, staff member's or partner's
 * detail pane: that owner's own calendar periods, by start, the past ones
 * folded away; add, edit (PlPeriodDialog) and remove them, with Undo.
 * "owner-kind" is "employer", "staff" or "partner" (set in the .ui);
 * "owner-id" 0 shows nothing. */

void   pl_periods_group_set_context  (PlPeriodsGroup *self,
                                      PlContext      *context);
void   pl_periods_group_set_owner_id (PlPeriodsGroup *self,
                                      gint64          owner_id);
gint64 pl_periods_group_get_owner_id (PlPeriodsGroup *self);

G_END_DECLS
