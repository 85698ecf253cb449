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

/**
 * pl_survey_questions:
 * @kind: (nullable): the nick of a #PlSurveyKind
 *
 * Returns: (transfer none) (nullable): the question keys (columns of
 *   survey_response) of that kind of survey, or %NULL for no kind
 */
const char * const *
pl_survey_questions (const char *kind)
{
  int value;

  if (!pl_enum_from_nick (PL_TYPE_SURVEY_KIND, kind, &value))
    return NULL;

  switch ((PlSurveyKind) value)
    {
    case PL_SURVEY_KIND_STUDENT:
      return pl_student_questions;
    case PL_SURVEY_KIND_EMPLOYER:
      return pl_employer_questions;
    default:
      return NULL;
    }
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
  if (column == NULL || column->type != PL_COLUMN_ENUM || column->enum_type != pl_survey_answer_get_type)
    return key;

  return _(column->label);
}

const char *
pl_survey_question_short_label (const char *key)
{
  static const struct
  {
    const char *key;
    const char *label;
  } labels[] = {
    { "learning_improved", N_("Learning improved") },
    { "employment_opportunities", N_("Employment opportunities") },
    { "workplace", N_("What happens at work") },
    { "equality_diversity", N_("Equality and diversity") },
    { "vocational_education_important", N_("Vocational education matters") },
    { "host_again", N_("Would host again") },
    { "work_with_providers", N_("Would work with providers") },
  };

  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return _(labels[i].label);

  return pl_survey_question_label (key);
}
