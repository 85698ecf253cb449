/* pl-store-lookup.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-lookup"

#include "config.h"

#include "pl-store-lookup.h"
#include "pl-store-private.h"

static void
choice_clear (gpointer data)
{
  PlStoreChoice *choice = data;

  g_free (choice->name);
}

/**
 * pl_store_lookup_choices:
 *
 * Returns: (transfer full) (element-type PlStoreChoice) (nullable): the
 *   records of @type by name
 */
GArray *
pl_store_lookup_choices (PlStore  *store,
                         GType     type,
                         GError  **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GArray) choices = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *sql = NULL;
  PlDb *db;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  g_return_val_if_fail (pl_record_class_find_column (PL_RECORD_CLASS (klass), "name") != NULL,
                        NULL);

  db = pl_store_get_db (store);
  sql = g_strdup_printf ("SELECT id, name FROM %s ORDER BY name %s, id",
                         pl_record_class_get_table (PL_RECORD_CLASS (klass)),
                         pl_db_sql (db, PL_DB_SQL_NOCASE));
  choices = g_array_new (FALSE, FALSE, sizeof (PlStoreChoice));
  g_array_set_clear_func (choices, choice_clear);

  stmt = pl_db_prepare (db, sql, &failure);
  while (stmt != NULL && pl_stmt_next (stmt, &failure))
    {
      PlStoreChoice choice = { pl_stmt_get_int (stmt, 0), pl_stmt_dup_text (stmt, 1) };

      g_array_append_val (choices, choice);
    }

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      pl_store_translate_error (error, NULL);
      return NULL;
    }

  return g_steal_pointer (&choices);
}
