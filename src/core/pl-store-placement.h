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
 * choices of its drop-downs and the surveys linked to the placement. */

/* One choice of a drop-down: the record it picks and the words naming it. */
typedef struct
{
  gint64  id;
  char   *label;
} PlPlacementChoice;

/* Each returns a new array of PlPlacementChoice (transfer full; freeing it
 * frees the labels), or NULL with @error set. */

/* Every member of staff, "name · partner", by name. */
GArray *pl_store_placement_staff_choices    (PlStore  *store,
                                             GError  **error);
/* Every sector, by name. */
GArray *pl_store_placement_sector_choices   (PlStore  *store,
                                             GError  **error);
/* The employers of @sector_id, and @employer_id should it be of another
 * sector ("name (its sector)"), by name. */
GArray *pl_store_placement_employer_choices (PlStore  *store,
                                             gint64    sector_id,
                                             gint64    employer_id,
                                             GError  **error);

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
