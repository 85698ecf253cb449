/* pl-store-observations.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-observations"

#include "config.h"

#include "pl-store-observations.h"
#include "pl-store-private.h"

PlObservablePlacement *
pl_observable_placement_copy (const PlObservablePlacement *placement)
{
  PlObservablePlacement *copy = g_new0 (PlObservablePlacement, 1);

  copy->placement_id = placement->placement_id;
  copy->own = placement->own;
  copy->staff_name = g_strdup (placement->staff_name);
  copy->employer_name = g_strdup (placement->employer_name);
  copy->sector_name = g_strdup (placement->sector_name);
  copy->first_day = g_strdup (placement->first_day);
  return copy;
}

void
pl_observable_placement_free (PlObservablePlacement *placement)
{
  if (placement == NULL)
    return;

  g_free (placement->staff_name);
  g_free (placement->employer_name);
  g_free (placement->sector_name);
  g_free (placement->first_day);
  g_free (placement);
}

G_DEFINE_BOXED_TYPE (PlObservablePlacement, pl_observable_placement,
                     pl_observable_placement_copy, pl_observable_placement_free)

/* ?1 the observed member of staff, ?2 the placement kept, ?3 the status
 * of a cancelled placement. */
static const char observable_sql[] =
  "SELECT * FROM ("
  " SELECT p.id, p.staff_id = ?1 AS own, s.name AS staff, e.name AS employer, c.name AS sector,"
  "       (SELECT min(day) FROM placement_day WHERE placement_id = p.id) AS first"
  " FROM placement AS p JOIN staff AS s ON s.id = p.staff_id"
  " LEFT JOIN employer AS e ON e.id = p.employer_id"
  " JOIN sector AS c ON c.id = p.sector_id"
  " WHERE p.staff_id = ?1 OR p.id = ?2"
  "    OR (p.status <> ?3"
  "        AND EXISTS (SELECT 1 FROM cascade WHERE cascade.placement_id = p.id))"
  ") AS q ORDER BY own DESC, first IS NULL, first DESC, id";

/**
 * pl_store_list_observable_placements:
 * @staff_id: the member of staff observed
 * @keep_id: a placement to list whichever it is (the one an observation
 *   names already), or 0
 *
 * Returns: (transfer full) (element-type PlObservablePlacement): the
 *   placements, or %NULL with @error set
 */
GPtrArray *
pl_store_list_observable_placements (PlStore  *store,
                                     gint64    staff_id,
                                     gint64    keep_id,
                                     GError  **error)
{
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  placements = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_observable_placement_free);

  stmt = pl_db_prepare (pl_store_get_db (store), observable_sql, &failure);
  if (stmt != NULL)
    {
      pl_stmt_bind_int (stmt, 1, staff_id);
      pl_stmt_bind_int (stmt, 2, keep_id);
      pl_stmt_bind_text (stmt, 3, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                                   PL_PLACEMENT_STATUS_CANCELLED));

      while (pl_stmt_next (stmt, &failure))
        {
          PlObservablePlacement *placement = g_new0 (PlObservablePlacement, 1);

          placement->placement_id = pl_stmt_get_int (stmt, 0);
          placement->own = pl_stmt_get_int (stmt, 1) != 0;
          placement->staff_name = pl_stmt_dup_text (stmt, 2);
          placement->employer_name = pl_stmt_dup_text (stmt, 3);
          placement->sector_name = pl_stmt_dup_text (stmt, 4);
          placement->first_day = pl_stmt_dup_text (stmt, 5);
          g_ptr_array_add (placements, placement);
        }
    }

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      pl_store_translate_error (error, NULL);
      return NULL;
    }

  return g_steal_pointer (&placements);
}
