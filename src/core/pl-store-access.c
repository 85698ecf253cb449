/* pl-store-access.c: partners' access to a shared data set, and its audit
 * trail
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules live in the server (schema/pg/: row-level security policies,
 * pl_grant(), pl_revoke(), the audit triggers); this module only asks.
 */

#define G_LOG_DOMAIN "pl-store"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-db-private.h"
#include "pl-error.h"
#include "pl-store-access.h"
#include "pl-store-private.h"

gboolean
pl_store_is_shared (PlStore *store)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  return pl_db_get_engine (pl_store_get_db (store)) == PL_DB_ENGINE_POSTGRESQL;
}

gboolean
pl_store_get_login (PlStore  *store,
                    char    **user,
                    char    **database)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (user != NULL && database != NULL, FALSE);

  return pl_db_get_login (pl_store_get_db (store), user, database);
}

static gboolean
require_shared (PlStore  *store,
                GError  **error)
{
  if (pl_store_is_shared (store))
    return TRUE;
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
               _("“%s” is a file of one coordinator: access and the audit trail belong to a "
                 "shared (postgresql://) database."), pl_store_get_path (store));
  return FALSE;
}

/* The server's own words (pl_grant raises them) are the message. */
static gboolean
server_refused (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain != PL_ERROR)
    {
      g_autofree char *message = g_strdup ((*error)->message);

      g_clear_error (error);
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID, message);
    }
  return FALSE;
}

gboolean
pl_store_grant (PlStore     *store,
                const char  *role,
                const char  *partner,
                GError     **error)
{
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (role != NULL, FALSE);

  if (!require_shared (store, error))
    return FALSE;

  stmt = pl_db_prepare (pl_store_get_db (store), "SELECT pl_grant(?1, ?2)", error);
  if (stmt == NULL)
    return server_refused (error);
  pl_stmt_bind_text (stmt, 1, role);
  pl_stmt_bind_text (stmt, 2, partner);
  if (!pl_stmt_run (stmt, error))
    return server_refused (error);
  return TRUE;
}

gboolean
pl_store_revoke (PlStore     *store,
                 const char  *role,
                 GError     **error)
{
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (role != NULL, FALSE);

  if (!require_shared (store, error))
    return FALSE;

  stmt = pl_db_prepare (pl_store_get_db (store), "SELECT pl_revoke(?1)", error);
  if (stmt == NULL)
    return server_refused (error);
  pl_stmt_bind_text (stmt, 1, role);
  if (!pl_stmt_run (stmt, error))
    return server_refused (error);
  return TRUE;
}

char *
pl_store_get_scope_label (PlStore *store)
{
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!pl_store_is_shared (store))
    return NULL;

  stmt = pl_db_prepare (pl_store_get_db (store), "SELECT pl_access_label()", NULL);
  if (stmt == NULL || !pl_stmt_next (stmt, NULL))
    return NULL;
  return pl_stmt_dup_text (stmt, 0);
}

/* An audit entry from a row of (id, at, role, tbl, row_id, op, field,
 * old_value, new_value). */
PlAuditEntry *
pl_audit_entry_from_row (PlStmt *stmt)
{
  PlAuditEntry *entry = g_new0 (PlAuditEntry, 1);

  entry->id = pl_stmt_get_int (stmt, 0);
  entry->at = pl_stmt_dup_text (stmt, 1);
  entry->role = pl_stmt_dup_text (stmt, 2);
  entry->table = pl_stmt_dup_text (stmt, 3);
  entry->row_id = pl_stmt_get_int (stmt, 4);
  entry->action = pl_stmt_dup_text (stmt, 5);
  entry->field = pl_stmt_dup_text (stmt, 6);
  entry->old_value = pl_stmt_dup_text (stmt, 7);
  entry->new_value = pl_stmt_dup_text (stmt, 8);
  return entry;
}

void
pl_audit_entry_free (PlAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->role);
  g_free (entry->table);
  g_free (entry->action);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->text);
  g_free (entry);
}

GPtrArray *
pl_store_list_audit (PlStore     *store,
                     const char  *since,
                     const char  *table,
                     gint64       row_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_audit_entry_free);
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  if (!require_shared (store, error))
    return NULL;

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT id, at, role, tbl, row_id, op, field, old_value, new_value"
                        " FROM audit WHERE (?1 IS NULL OR at >= ?1)"
                        " AND (?2 IS NULL OR (tbl = ?2 AND row_id = ?3)) ORDER BY id",
                        &failure);
  if (stmt != NULL)
    {
      pl_stmt_bind_text (stmt, 1, since);
      pl_stmt_bind_text (stmt, 2, table);
      pl_stmt_bind_int (stmt, 3, row_id);
      while (pl_stmt_next (stmt, &failure))
        {
          g_ptr_array_add (entries, pl_audit_entry_from_row (stmt));
        }
    }

  if (failure != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot read the audit trail: %s"),
                   failure->message);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
