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

/* What the placement editor reads: the choices of its drop-downs, each
 * list read whole in one query (the editor keeps it as a snapshot), and the
 * tally of the surveys linked to the placement. */

static void
choice_clear (gpointer data)
{
  PlPlacementChoice *choice = data;

  g_free (choice->label);
}

static const char *
nocase (PlStore *store)
{
  return pl_db_sql (pl_store_get_db (store), PL_DB_SQL_NOCASE);
}

/* Runs @sql, with @a and @b bound to ?1 and ?2, and makes a choice of each
 * row (id, label). */
static GArray *
read_choices (PlStore     *store,
              const char  *sql,
              gint64       a,
              gint64       b,
              GError     **error)
{
  g_autoptr(GArray) choices = g_array_new (FALSE, TRUE, sizeof (PlPlacementChoice));
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_array_set_clear_func (choices, choice_clear);

  stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);
  if (stmt != NULL)
    {
      pl_stmt_bind_int (stmt, 1, a);
      pl_stmt_bind_int (stmt, 2, b);
      while (pl_stmt_next (stmt, &failure))
        {
          PlPlacementChoice choice;

          choice.id = pl_stmt_get_int (stmt, 0);
          choice.label = pl_stmt_dup_text (stmt, 1);
          g_array_append_val (choices, choice);
        }
    }

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      pl_store_translate_error (error, NULL);
      return NULL;
    }

  return g_steal_pointer (&choices);
}

GArray *
pl_store_placement_staff_choices (PlStore  *store,
                                  GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT s.id, s.name || ' · ' || p.name FROM staff AS s "
                         "JOIN partner AS p ON p.id = s.partner_id ORDER BY s.name %s, s.id",
                         nocase (store));
  return read_choices (store, sql, 0, 0, error);
}

GArray *
pl_store_placement_sector_choices (PlStore  *store,
                                   GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT id, name FROM sector ORDER BY name %s, id", nocase (store));
  return read_choices (store, sql, 0, 0, error);
}

GArray *
pl_store_placement_employer_choices (PlStore  *store,
                                     gint64    sector_id,
                                     gint64    employer_id,
                                     GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT e.id, CASE WHEN e.sector_id = ?1 THEN e.name "
                         "ELSE e.name || ' (' || s.name || ')' END "
                         "FROM employer AS e JOIN sector AS s ON s.id = e.sector_id "
                         "WHERE e.sector_id = ?1 OR e.id = ?2 ORDER BY e.name %s, e.id",
                         nocase (store));
  return read_choices (store, sql, sector_id, employer_id, error);
}

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
