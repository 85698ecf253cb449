/* pl-store-survey.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-survey"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-store-private.h"
#include "pl-store-survey.h"

/* The employer of placement ?1. */
static const char host_sql[] = "SELECT employer_id FROM placement WHERE id = ?1";

gboolean
pl_store_survey_add (PlStore   *store,
                     PlRecord  *response,
                     GError   **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (response, PL_TYPE_SURVEY_RESPONSE), FALSE);

  if (pl_record_get_enum (response, "kind") == PL_SURVEY_KIND_EMPLOYER
      && pl_record_get_int (response, "placement_id") > 0
      && pl_record_is_null (response, "employer_id"))
    {
      g_autoptr(PlStmt) stmt = NULL;
      g_autoptr(GError) failure = NULL;

      stmt = pl_db_prepare (pl_store_get_db (store), host_sql, &failure);
      if (stmt != NULL)
        {
          pl_stmt_bind_int (stmt, 1, pl_record_get_int (response, "placement_id"));
          if (pl_stmt_next (stmt, &failure) && !pl_stmt_is_null (stmt, 0))
            pl_record_set_int (response, "employer_id", pl_stmt_get_int (stmt, 0));
        }

      if (failure != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return pl_store_translate_error (error, response);
        }
    }

  /* A placement that does not exist is refused here, as any other
   * reference to nothing. */
  return pl_store_insert (store, response, error);
}

static void
survey_placement_clear (gpointer data)
{
  PlSurveyPlacement *placement = data;

  g_free (placement->staff);
  g_free (placement->host);
  g_free (placement->first_day);
}

/* ?1: the one placement, or 0; ?2 to ?4: the statuses of a placement that
 * took place. Placements without days come last. (Ordered outside, as an
 * alias inside an expression of ORDER BY is SQLite's alone.) */
static const char placements_sql[] =
  "SELECT * FROM ("
  " SELECT p.id, s.name AS staff, coalesce(e.name, sec.name) AS host,"
  "       (SELECT min(day) FROM placement_day WHERE placement_id = p.id) AS first"
  " FROM placement p JOIN staff s ON s.id = p.staff_id"
  " LEFT JOIN employer e ON e.id = p.employer_id JOIN sector sec ON sec.id = p.sector_id"
  " WHERE (?1 > 0 AND p.id = ?1)"
  "    OR (?1 = 0 AND p.status IN (?2, ?3, ?4))"
  ") AS q ORDER BY first IS NULL, first DESC, staff COLLATE NOCASE";

GArray *
pl_store_survey_list_placements (PlStore  *store,
                                 gint64    placement_id,
                                 GError  **error)
{
  static const PlPlacementStatus took_place[] = {
    PL_PLACEMENT_STATUS_COMPLETED, PL_PLACEMENT_STATUS_CASCADED, PL_PLACEMENT_STATUS_EVALUATED,
  };
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (PlSurveyPlacement));
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  g_array_set_clear_func (placements, survey_placement_clear);

  stmt = pl_db_prepare (pl_store_get_db (store), placements_sql, &failure);
  if (stmt != NULL)
    {
      pl_stmt_bind_int (stmt, 1, MAX (placement_id, 0));
      for (guint i = 0; i < G_N_ELEMENTS (took_place); i++)
        pl_stmt_bind_text (stmt, 2 + (int) i,
                           pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS, took_place[i]));

      while (pl_stmt_next (stmt, &failure))
        {
          PlSurveyPlacement placement;

          placement.id = pl_stmt_get_int (stmt, 0);
          placement.staff = pl_stmt_dup_text (stmt, 1);
          placement.host = pl_stmt_dup_text (stmt, 2);
          placement.first_day = pl_stmt_dup_text (stmt, 3);
          g_array_append_val (placements, placement);
        }
    }

  if (failure != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot read the database: %s"),
                   failure->message);
      return NULL;
    }

  return g_steal_pointer (&placements);
}
