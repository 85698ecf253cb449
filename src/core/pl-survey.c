/* pl-survey.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-survey"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-survey.h"

const char * const *
pl_survey_questions (const char *kind)
{
  if (g_strcmp0 (kind, "student") == 0)
    return pl_student_questions;
  if (g_strcmp0 (kind, "employer") == 0)
    return pl_employer_questions;
  return NULL;
}

/* The survey_response column's label: pl_enum_label() cannot tell the
 * student question equality_diversity from the observation criterion of
 * the same key. */
const char *
pl_survey_question_label (const char *key)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (PL_TYPE_SURVEY_RESPONSE);
  const PlColumn *column;

  g_return_val_if_fail (key != NULL, NULL);

  column = pl_record_class_find_column (PL_RECORD_CLASS (klass), key);
  if (column == NULL || column->type != PL_COLUMN_ENUM || column->choices != pl_survey_answers)
    return key;

  return _(column->label);
}
