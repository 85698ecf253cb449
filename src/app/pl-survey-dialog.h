/* pl-survey-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_SURVEY_DIALOG (pl_survey_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlSurveyDialog, pl_survey_dialog, PL, SURVEY_DIALOG, AdwWindow)

/* Entry of anonymous survey responses, one after another. With
 * @placement_id > 0 every response is linked to that placement; otherwise
 * the placement is chosen in the dialog (or none). */
PlSurveyDialog *pl_survey_dialog_new         (GtkWindow      *parent,
                                              PlContext      *context,
                                              gint64          placement_id);
/* How many responses were added since the dialog opened. */
guint           pl_survey_dialog_get_n_added (PlSurveyDialog *self);

G_END_DECLS
