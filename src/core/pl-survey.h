/* pl-survey.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-records.h"

G_BEGIN_DECLS

/* The questions of a survey kind (the nick of a PlSurveyKind), or NULL. */
const char * const *pl_survey_questions      (const char *kind);

/* A question's short label, as charts, workbooks and dialogs show it
 * (translated); the key itself when it is no question. */
const char         *pl_survey_question_label (const char *key);

/* A few words for a chart's bar, "Would host again" (translated); the
 * question itself goes in the bar's tooltip. */
const char         *pl_survey_question_short_label (const char *key);

G_END_DECLS
