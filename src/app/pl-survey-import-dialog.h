/* pl-survey-import-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_SURVEY_IMPORT_DIALOG (pl_survey_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlSurveyImportDialog, pl_survey_import_dialog, PL, SURVEY_IMPORT_DIALOG,
                      AdwWindow)

/* The preview of a survey export at @path and its import, all or nothing,
 * as `placements-cli import survey` does it; with @placement_id > 0 every
 * response is linked to that placement. */
PlSurveyImportDialog *pl_survey_import_dialog_new (GtkWindow  *parent,
                                                   PlContext  *context,
                                                   const char *path,
                                                   gint64      placement_id);

/* Asks for a survey export, then shows its preview. */
void                  pl_survey_import_dialog_choose (GtkWindow *parent,
                                                      PlContext *context,
                                                      gint64     placement_id);

G_END_DECLS
