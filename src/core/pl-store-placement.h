/* pl-store-placement.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-enums.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* What the placement editor reads besides the placement itself: the
 * surveys linked to the placement. (Its drop-downs' choices come from
 * pl-store-choices.h.) */

/* The responses of one kind of survey linked to a placement, and for each
 * question of pl_survey_questions() of that kind, in its order, how many
 * agreed and how many answered. */
typedef struct
{
  gint64  responses;
  guint   n_questions;
  gint64 *agreed;
  gint64 *answered;
} PlPlacementSurveyTally;

/* (transfer full): the tally, or NULL with @error set. */
PlPlacementSurveyTally *pl_store_placement_survey_tally (PlStore                *store,
                                                         gint64                  placement_id,
                                                         PlSurveyKind            kind,
                                                         GError                **error);
void                    pl_placement_survey_tally_free  (PlPlacementSurveyTally *tally);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPlacementSurveyTally, pl_placement_survey_tally_free)

G_END_DECLS
