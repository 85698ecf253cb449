/* pl-observation-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_OBSERVATION_DIALOG (pl_observation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlObservationDialog, pl_observation_dialog, PL, OBSERVATION_DIALOG,
                      AdwWindow)

/* Adds or edits a lesson observation. @observation is copied: an existing
 * one (id > 0) to edit, or a new one whose staff_id, and perhaps
 * placement_id, say whom it is about. With @choose_staff the member of
 * staff may be changed: from a placement, its teacher or a colleague. */
PlObservationDialog *pl_observation_dialog_new (GtkWindow *parent,
                                                PlContext *context,
                                                PlRecord  *observation,
                                                gboolean   choose_staff);

/* A rating in words, translated: "Outstanding" … "Inadequate", or "Not
 * observed" for 0. */
const char          *pl_observation_rating_label (int rating);

G_END_DECLS
