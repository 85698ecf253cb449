/* pl-store-repeat.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-repeat"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-store-private.h"
#include "pl-store-repeat.h"

/* Last year's hosts: an employer where a placement took place (completed
 * or later) on a day of last academic year, [?1, ?2). Not invited back
 * when it has a placement, not cancelled, with a day from this year's
 * start (?2) on, or one being arranged without days yet (a request that
 * "Repeat Next Year" made counts: it is the invitation). ?3 to ?5 are the
 * statuses of having taken place, ?6 cancelled, ?7 to ?10 arranging. */
static const char invite_back_sql[] =
  "SELECT e.id, e.name, count(DISTINCT p.id)"
  "  FROM employer AS e"
  "  JOIN placement AS p ON p.employer_id = e.id"
  " WHERE p.status IN (?3, ?4, ?5)"
  "   AND EXISTS (SELECT 1 FROM placement_day AS d"
  "                WHERE d.placement_id = p.id AND d.day >= ?1 AND d.day < ?2)"
  "   AND NOT EXISTS (SELECT 1 FROM placement AS q"
  "                    WHERE q.employer_id = e.id AND q.status <> ?6"
  "                      AND (EXISTS (SELECT 1 FROM placement_day AS d"
  "                                    WHERE d.placement_id = q.id AND d.day >= ?2)"
  "                           OR (q.status IN (?7, ?8, ?9, ?10)"
  "                               AND NOT EXISTS (SELECT 1 FROM placement_day AS d"
  "                                                WHERE d.placement_id = q.id))))"
  " GROUP BY e.id, e.name"
  " ORDER BY e.name, e.id";

void
pl_invite_back_free (PlInviteBack *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self);
}

/**
 * pl_store_list_invite_back:
 * @today: a day of "this" academic year
 *
 * Returns: (transfer full) (element-type PlInviteBack): last academic
 *   year's hosts with no placement this year, by name; %NULL with @error
 */
GPtrArray *
pl_store_list_invite_back (PlStore      *store,
                           const GDate  *today,
                           GError      **error)
{
  static const PlPlacementStatus took_place[] = {
    PL_PLACEMENT_STATUS_COMPLETED, PL_PLACEMENT_STATUS_CASCADED, PL_PLACEMENT_STATUS_EVALUATED,
  };
  static const PlPlacementStatus arranging[] = {
    PL_PLACEMENT_STATUS_REQUEST, PL_PLACEMENT_STATUS_PROPOSED, PL_PLACEMENT_STATUS_AGREED,
    PL_PLACEMENT_STATUS_CONFIRMED,
  };
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *last_start = NULL;
  g_autofree char *this_start = NULL;
  GDate start, last;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  pl_date_academic_year_start (today, &start);
  last = start;
  g_date_subtract_years (&last, 1);
  last_start = pl_date_to_iso (&last);
  this_start = pl_date_to_iso (&start);

  stmt = pl_db_prepare (pl_store_get_db (store), invite_back_sql, &failure);
  if (stmt != NULL)
    {
      pl_stmt_bind_text (stmt, 1, last_start);
      pl_stmt_bind_text (stmt, 2, this_start);
      for (guint i = 0; i < G_N_ELEMENTS (took_place); i++)
        pl_stmt_bind_text (stmt, 3 + (int) i,
                           pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS, took_place[i]));
      pl_stmt_bind_text (stmt, 6, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                                   PL_PLACEMENT_STATUS_CANCELLED));
      for (guint i = 0; i < G_N_ELEMENTS (arranging); i++)
        pl_stmt_bind_text (stmt, 7 + (int) i,
                           pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS, arranging[i]));

      result = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_invite_back_free);
      while (pl_stmt_next (stmt, &failure))
        {
          PlInviteBack *item = g_new0 (PlInviteBack, 1);

          item->employer_id = pl_stmt_get_int (stmt, 0);
          item->name = pl_stmt_dup_text (stmt, 1);
          item->hosted = pl_stmt_get_int (stmt, 2);
          g_ptr_array_add (result, item);
        }
    }

  if (failure != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot find last year’s hosts: %s"), failure->message);
      return NULL;
    }

  return g_steal_pointer (&result);
}
