/* pl-survey-import.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-csv-reader.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* What every response of a file is linked to, and the date of responses
 * whose row gives none. Ids are 0 for "not linked". */
typedef struct
{
  gint64      placement_id;
  gint64      staff_id;
  gint64      employer_id;
  const char *date;          /* ISO; NULL: today */
} PlSurveyLink;

/* Imports the anonymous responses of a survey export (@kind "student" or
 * "employer") as one transaction: on any fault nothing is written and
 * @error says FILE:LINE:COLUMN: reason. The header names the questions by
 * key or by their text; see pl-survey-import.c for what else it may hold.
 * @n_rows receives the responses added, @n_empty the rows skipped because
 * they answered nothing, @format how the file was read (any may be NULL). */
gboolean pl_survey_import_file (PlStore             *store,
                                const char          *kind,
                                const char          *path,
                                const PlSurveyLink  *link,
                                gint64              *n_rows,
                                gint64              *n_empty,
                                PlCsvFormat         *format,
                                GError             **error);

/* The same for text in memory; @filename names it in messages. */
gboolean pl_survey_import_data (PlStore             *store,
                                const char          *kind,
                                const char          *data,
                                gsize                length,
                                const char          *filename,
                                const PlSurveyLink  *link,
                                gint64              *n_rows,
                                gint64              *n_empty,
                                PlCsvFormat         *format,
                                GError             **error);

/* What an import of a file would add. */
typedef struct
{
  gint64       n_rows;      /* responses */
  gint64       n_empty;     /* rows that answered nothing, to be skipped */
  PlCsvFormat  format;
  GPtrArray   *responses;   /* (element-type PlRecord) the first ones, not yet stored */
} PlSurveyPreview;

/* Reads @path as pl_survey_import_file() does and writes nothing; FALSE
 * with the same @error the import would give. */
gboolean pl_survey_preview_file  (PlStore             *store,
                                  const char          *kind,
                                  const char          *path,
                                  const PlSurveyLink  *link,
                                  guint                max_responses,
                                  PlSurveyPreview     *preview,
                                  GError             **error);
void     pl_survey_preview_clear (PlSurveyPreview     *preview);

/* The answer key ("agree", "neutral", "disagree") a cell of a survey
 * export means, "" for no answer, or NULL when it is no answer we know. */
const char *pl_survey_parse_answer (const char *text);

/* The question of @kind a column header names, by key or by text (case,
 * punctuation and a leading "Q1." aside), or NULL. */
const char *pl_survey_match_question (const char *kind,
                                      const char *header);

G_END_DECLS
