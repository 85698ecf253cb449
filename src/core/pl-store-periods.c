/* pl-store-periods.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-periods"

#include "config.h"

#include "pl-store-periods.h"
#include "pl-store-private.h"

/**
 * pl_store_count_period_windows:
 * @period_id: a calendar period
 *
 * Returns: the number of placements whose window names @period_id
 */
gint64
pl_store_count_period_windows (PlStore  *store,
                               gint64    period_id,
                               GError  **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  gint64 n = 0;

  g_return_val_if_fail (PL_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT count(*) FROM placement_term WHERE period_id = ?1", &failure);
  if (stmt != NULL)
    {
      pl_stmt_bind_int (stmt, 1, period_id);
      if (pl_stmt_next (stmt, &failure))
        n = pl_stmt_get_int (stmt, 0);
    }

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      pl_store_translate_error (error, NULL);
      return 0;
    }

  return n;
}
