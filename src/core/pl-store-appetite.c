/* pl-store-appetite.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-appetite"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-store-appetite.h"
#include "pl-store-private.h"

/* One row per employer and year that has been told; "unknown" is the
 * absence of a row, so that forgetting is a deletion and a new year starts
 * unknown for everyone. */

static const char set_sql[] =
  "INSERT INTO employer_appetite (employer_id, academic_year, state, reason)"
  " VALUES (?1, ?2, ?3, ?4)"
  " ON CONFLICT (employer_id, academic_year)"
  " DO UPDATE SET state = excluded.state, reason = excluded.reason";

static const char forget_sql[] =
  "DELETE FROM employer_appetite WHERE employer_id = ?1 AND academic_year = ?2";

static const char get_sql[] =
  "SELECT state, reason FROM employer_appetite WHERE employer_id = ?1 AND academic_year = ?2";

/* ?1 employer (0 for all), ?2 year (0 for all). */
static const char list_sql[] =
  "SELECT a.employer_id, e.name, a.academic_year, a.state, a.reason"
  " FROM employer_appetite a JOIN employer e ON e.id = a.employer_id"
  " WHERE (?1 = 0 OR a.employer_id = ?1) AND (?2 = 0 OR a.academic_year = ?2)"
  " ORDER BY e.name, e.id, a.academic_year";

static const char with_state_sql[] =
  "SELECT employer_id FROM employer_appetite WHERE academic_year = ?1 AND state = ?2";

static const char unknown_sql[] =
  "SELECT e.id FROM employer e WHERE NOT EXISTS (SELECT 1 FROM employer_appetite a"
  " WHERE a.employer_id = e.id AND a.academic_year = ?1)";

void
pl_appetite_entry_free (PlAppetiteEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->employer_name);
  g_free (entry->reason);
  g_free (entry);
}

int
pl_appetite_year_of (const GDate *date)
{
  GDate start;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  pl_date_academic_year_start (date, &start);
  return g_date_get_year (&start);
}

static PlAppetite
state_of (const char *nick)
{
  int state = PL_APPETITE_UNKNOWN;

  pl_enum_from_nick (PL_TYPE_APPETITE, nick, &state);
  return state;
}

/**
 * pl_store_set_appetite:
 * @reason: (nullable): why, for "not this year"; a note otherwise
 *
 * Returns: %TRUE when recorded; %FALSE with @error set, and nothing changed
 */
gboolean
pl_store_set_appetite (PlStore     *store,
                       gint64       employer_id,
                       int          year,
                       PlAppetite   state,
                       const char  *reason,
                       GError     **error)
{
  g_autoptr(PlRecord) employer = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autofree char *why = NULL;
  PlDb *db;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  employer = pl_store_get (store, PL_TYPE_EMPLOYER, employer_id, NULL);
  if (employer == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no employer with id %" G_GINT64_FORMAT "."), employer_id);
      return FALSE;
    }
  if (year < 1900 || year > 2999)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("%d is not an academic year Placements can record."), year);
      return FALSE;
    }
  if (pl_enum_to_nick (PL_TYPE_APPETITE, state) == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID, _("%d is not an appetite."), state);
      return FALSE;
    }

  why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (state == PL_APPETITE_NOT_THIS_YEAR && *why == '\0')
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("%s: “not this year” needs a reason, such as “refurbishment”."),
                   pl_record_get_string (employer, "name"));
      return FALSE;
    }

  db = pl_store_get_db (store);
  /* A step of its own unless it is part of the caller's. */
  if (!pl_db_in_transaction (db))
    /* TRANSLATORS: the name of a step that can be undone */
    pl_store_set_step_label (store, _("Set Appetite"));
  if (!pl_store_begin (store, error))
    return FALSE;

  stmt = pl_db_prepare (db, state == PL_APPETITE_UNKNOWN ? forget_sql : set_sql, error);
  if (stmt == NULL)
    goto failed;
  pl_stmt_bind_int (stmt, 1, employer_id);
  pl_stmt_bind_int (stmt, 2, year);
  if (state != PL_APPETITE_UNKNOWN)
    {
      pl_stmt_bind_text (stmt, 3, pl_enum_to_nick (PL_TYPE_APPETITE, state));
      if (*why != '\0')
        pl_stmt_bind_text (stmt, 4, why);
      else
        pl_stmt_bind_null (stmt, 4);
    }
  if (!pl_stmt_run (stmt, error))
    goto failed;

  return pl_store_commit (store, error);

failed:
  pl_store_rollback (store);
  return pl_store_translate_error (error, NULL);
}

/**
 * pl_store_get_appetite:
 * @reason: (out) (optional) (transfer full) (nullable)
 */
PlAppetite
pl_store_get_appetite (PlStore  *store,
                       gint64    employer_id,
                       int       year,
                       char    **reason)
{
  g_autoptr(PlStmt) stmt = NULL;
  PlAppetite state = PL_APPETITE_UNKNOWN;

  g_return_val_if_fail (PL_IS_STORE (store), PL_APPETITE_UNKNOWN);

  if (reason != NULL)
    *reason = NULL;

  stmt = pl_db_prepare (pl_store_get_db (store), get_sql, NULL);
  if (stmt == NULL)
    return PL_APPETITE_UNKNOWN;
  pl_stmt_bind_int (stmt, 1, employer_id);
  pl_stmt_bind_int (stmt, 2, year);
  if (pl_stmt_next (stmt, NULL))
    {
      state = state_of (pl_stmt_get_text (stmt, 0));
      if (reason != NULL)
        *reason = g_strdup (pl_stmt_get_text (stmt, 1));
    }
  return state;
}

/**
 * pl_store_list_appetite:
 *
 * Returns: (transfer full) (element-type PlAppetiteEntry)
 */
GPtrArray *
pl_store_list_appetite (PlStore  *store,
                        gint64    employer_id,
                        int       year,
                        GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_appetite_entry_free);
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  stmt = pl_db_prepare (pl_store_get_db (store), list_sql, error);
  if (stmt == NULL)
    {
      pl_store_translate_error (error, NULL);
      return NULL;
    }
  pl_stmt_bind_int (stmt, 1, employer_id);
  pl_stmt_bind_int (stmt, 2, year);
  while (pl_stmt_next (stmt, &failure))
    {
      PlAppetiteEntry *entry = g_new0 (PlAppetiteEntry, 1);

      entry->employer_id = pl_stmt_get_int (stmt, 0);
      entry->employer_name = g_strdup (pl_stmt_get_text (stmt, 1));
      entry->year = (int) pl_stmt_get_int (stmt, 2);
      entry->state = state_of (pl_stmt_get_text (stmt, 3));
      entry->reason = g_strdup (pl_stmt_get_text (stmt, 4));
      g_ptr_array_add (entries, entry);
    }
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      pl_store_translate_error (error, NULL);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/**
 * pl_store_appetite_employers:
 *
 * Returns: (transfer full): the set of employer ids
 */
GHashTable *
pl_store_appetite_employers (PlStore     *store,
                             int          year,
                             PlAppetite   state,
                             GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  stmt = pl_db_prepare (pl_store_get_db (store),
                        state == PL_APPETITE_UNKNOWN ? unknown_sql : with_state_sql, error);
  if (stmt == NULL)
    {
      pl_store_translate_error (error, NULL);
      return NULL;
    }
  pl_stmt_bind_int (stmt, 1, year);
  if (state != PL_APPETITE_UNKNOWN)
    pl_stmt_bind_text (stmt, 2, pl_enum_to_nick (PL_TYPE_APPETITE, state));
  while (pl_stmt_next (stmt, &failure))
    g_hash_table_add (ids, g_memdup2 (&(gint64) { pl_stmt_get_int (stmt, 0) }, sizeof (gint64)));
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      pl_store_translate_error (error, NULL);
      return NULL;
    }
  return g_steal_pointer (&ids);
}
