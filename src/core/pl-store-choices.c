/* pl-store-choices.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-choices"

#include "config.h"

#include "pl-store-choices.h"
#include "pl-store-private.h"

/* Every query gives (id, name, detail or NULL) rows in the order the list
 * shows. */

static void
choice_clear (gpointer data)
{
  PlChoice *choice = data;

  g_free (choice->name);
  g_free (choice->detail);
}

/* Runs @sql, with @n_ids ids bound to ?1, ?2… (0 binds NULL), into
 * choices. */
static GArray *
read_choices (PlStore       *store,
              const char    *sql,
              const gint64  *ids,
              guint          n_ids,
              GError       **error)
{
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (PlChoice));
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_array_set_clear_func (choices, choice_clear);

  stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);
  if (stmt != NULL)
    {
      for (guint i = 0; i < n_ids; i++)
        pl_stmt_bind_id (stmt, (int) i + 1, ids[i]);
      while (pl_stmt_next (stmt, &failure))
        {
          PlChoice choice;

          choice.id = pl_stmt_get_int (stmt, 0);
          choice.name = pl_stmt_dup_text (stmt, 1);
          choice.detail = pl_stmt_dup_text (stmt, 2);
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

/**
 * pl_store_list_choices:
 * @type: a #PlRecord type whose table has a name column
 *
 * Returns: (transfer full) (element-type PlChoice): the records of @type,
 *   or %NULL with @error set
 */
GArray *
pl_store_list_choices (PlStore  *store,
                       GType     type,
                       GError  **error)
{
  PlRecordClass *klass;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (type == PL_TYPE_STAFF)
    return pl_store_list_staff_choices (store, 0, error);

  klass = g_type_class_ref (type);
  if (pl_record_class_find_column (klass, "name") != NULL)
    /* The table is the type's own, never anything a caller wrote. */
    sql = g_strdup_printf ("SELECT id, name, NULL FROM %s ORDER BY name %s, id",
                           pl_record_class_get_table (klass),
                           pl_db_sql (pl_store_get_db (store), PL_DB_SQL_NOCASE));
  g_type_class_unref (klass);
  g_return_val_if_fail (sql != NULL, NULL);

  return read_choices (store, sql, NULL, 0, error);
}

/**
 * pl_store_list_staff_choices:
 * @partner_id: whose staff, or 0 for everyone's
 *
 * Returns: (transfer full) (element-type PlChoice): the members of staff,
 *   with their partners' names, or %NULL with @error set
 */
GArray *
pl_store_list_staff_choices (PlStore  *store,
                             gint64    partner_id,
                             GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strdup_printf ("SELECT s.id, s.name, p.name FROM staff AS s"
                         " JOIN partner AS p ON p.id = s.partner_id"
                         " WHERE ?1 IS NULL OR s.partner_id = ?1"
                         " ORDER BY s.name %s, s.id",
                         pl_db_sql (pl_store_get_db (store), PL_DB_SQL_NOCASE));
  return read_choices (store, sql, &partner_id, 1, error);
}

/**
 * pl_store_list_employer_choices:
 * @sector_id: the sector whose employers are offered
 * @employer_id: an employer to offer too, or 0
 *
 * Returns: (transfer full) (element-type PlChoice): the employers, by
 *   name, or %NULL with @error set
 */
GArray *
pl_store_list_employer_choices (PlStore  *store,
                                gint64    sector_id,
                                gint64    employer_id,
                                GError  **error)
{
  const gint64 ids[] = { sector_id, employer_id };
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strdup_printf ("SELECT e.id, e.name, CASE WHEN e.sector_id = ?1 THEN NULL"
                         " ELSE s.name END"
                         " FROM employer AS e JOIN sector AS s ON s.id = e.sector_id"
                         " WHERE e.sector_id = ?1 OR e.id = ?2 ORDER BY e.name %s, e.id",
                         pl_db_sql (pl_store_get_db (store), PL_DB_SQL_NOCASE));
  return read_choices (store, sql, ids, G_N_ELEMENTS (ids), error);
}
