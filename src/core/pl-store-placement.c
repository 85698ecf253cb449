/* pl-store-placement.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-placement"

#include "config.h"

#include "pl-stats-private.h"
#include "pl-store-placement.h"
#include "pl-survey.h"

/* What the placement editor reads besides the placement: the tally of the
 * surveys linked to it. (Its drop-downs' choices are pl-store-choices'.) */

void
pl_placement_survey_tally_free (PlPlacementSurveyTally *tally)
{
  if (tally == NULL)
    return;

  g_free (tally->agreed);
  g_free (tally->answered);
  g_free (tally);
}

PlPlacementSurveyTally *
pl_store_placement_survey_tally (PlStore       *store,
                                 gint64         placement_id,
                                 PlSurveyKind   kind,
                                 GError       **error)
{
  const char *nick = pl_enum_to_nick (PL_TYPE_SURVEY_KIND, kind);
  const char * const *questions = pl_survey_questions (nick);
  g_autoptr(PlPlacementSurveyTally) tally = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (questions != NULL, NULL);

  columns = pl_stats_survey_columns (questions, 3);
  sql = g_strdup_printf ("SELECT count(*)%s FROM survey_response AS r "
                         "WHERE r.kind = ?1 AND r.placement_id = ?2", columns);
  stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);
  if (stmt == NULL)
    {
      pl_stats_failed (error, failure);
      return NULL;
    }

  pl_stmt_bind_text (stmt, 1, nick);
  pl_stmt_bind_int (stmt, 2, placement_id);
  pl_stmt_bind_text (stmt, 3, pl_enum_to_nick (PL_TYPE_SURVEY_ANSWER, PL_SURVEY_ANSWER_AGREE));
  if (!pl_stmt_next (stmt, &failure))
    {
      pl_stats_failed (error, failure);
      return NULL;
    }

  tally = g_new0 (PlPlacementSurveyTally, 1);
  tally->responses = pl_stmt_get_int (stmt, 0);
  tally->n_questions = g_strv_length ((char **) questions);
  tally->agreed = g_new0 (gint64, tally->n_questions);
  tally->answered = g_new0 (gint64, tally->n_questions);
  for (guint i = 0; i < tally->n_questions; i++)
    {
      tally->agreed[i] = pl_stmt_get_int (stmt, 1 + 2 * i);
      tally->answered[i] = pl_stmt_get_int (stmt, 2 + 2 * i);
    }

  return g_steal_pointer (&tally);
}
