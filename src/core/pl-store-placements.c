/* pl-store-placements.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-placements"

#include "config.h"

#include "pl-store-placements.h"
#include "pl-store-private.h"

PlOpenRequest *
pl_open_request_copy (const PlOpenRequest *request)
{
  PlOpenRequest *copy = g_new0 (PlOpenRequest, 1);

  copy->placement_id = request->placement_id;
  copy->staff_name = g_strdup (request->staff_name);
  copy->sector_name = g_strdup (request->sector_name);
  copy->window_start = g_strdup (request->window_start);
  copy->window_end = g_strdup (request->window_end);
  copy->length = request->length;
  copy->terms = g_strdupv (request->terms);
  return copy;
}

void
pl_open_request_free (PlOpenRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->staff_name);
  g_free (request->sector_name);
  g_free (request->window_start);
  g_free (request->window_end);
  g_strfreev (request->terms);
  g_free (request);
}

G_DEFINE_BOXED_TYPE (PlOpenRequest, pl_open_request, pl_open_request_copy, pl_open_request_free)

/* ?1 is the status of a request. */
static const char requests_sql[] =
  "SELECT p.id, s.name, c.name, p.window_start, p.window_end, p.length"
  " FROM placement AS p JOIN staff AS s ON s.id = p.staff_id"
  " JOIN sector AS c ON c.id = p.sector_id"
  " WHERE p.status = ?1 ORDER BY s.name, p.id";

/* The terms of every request's window, request by request. */
static const char terms_sql[] =
  "SELECT t.placement_id, coalesce(k.label, k.start_date)"
  " FROM placement_term AS t JOIN calendar_period AS k ON k.id = t.period_id"
  " JOIN placement AS p ON p.id = t.placement_id"
  " WHERE p.status = ?1 ORDER BY t.placement_id, t.period_id";

static PlStmt *
prepare_for_requests (PlStore     *store,
                      const char  *sql,
                      GError     **error)
{
  PlStmt *stmt = pl_db_prepare (pl_store_get_db (store), sql, error);

  if (stmt != NULL)
    pl_stmt_bind_text (stmt, 1, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                                 PL_PLACEMENT_STATUS_REQUEST));
  return stmt;
}

/* Ends the terms gathered for @request (nullable: a request that was not
 * listed). */
static void
set_terms (PlOpenRequest *request,
           GStrvBuilder  *terms)
{
  if (request == NULL)
    return;

  g_strfreev (request->terms);
  request->terms = g_strv_builder_end (terms);
}

/* Gives each request of @by_id (placement id → PlOpenRequest) its terms. */
static gboolean
read_terms (PlStore     *store,
            GHashTable  *by_id,
            GError     **error)
{
  g_autoptr(PlStmt) stmt = prepare_for_requests (store, terms_sql, error);
  g_autoptr(GStrvBuilder) terms = NULL;
  g_autoptr(GError) failure = NULL;
  PlOpenRequest *request = NULL;
  gint64 last = 0;

  if (stmt == NULL)
    return FALSE;

  /* The rows come request by request: a request's terms end where the
   * next one's begin. */
  while (pl_stmt_next (stmt, &failure))
    {
      gint64 id = pl_stmt_get_int (stmt, 0);

      if (terms == NULL || id != last)
        {
          if (terms != NULL)
            set_terms (request, terms);
          g_clear_pointer (&terms, g_strv_builder_unref);
          terms = g_strv_builder_new ();
          request = g_hash_table_lookup (by_id, &id);
          last = id;
        }
      g_strv_builder_add (terms, pl_stmt_get_text (stmt, 1));
    }

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }

  if (terms != NULL)
    set_terms (request, terms);
  return TRUE;
}

/**
 * pl_store_list_open_requests:
 *
 * Returns: (transfer full) (element-type PlOpenRequest): the open requests,
 *   or %NULL with @error set
 */
GPtrArray *
pl_store_list_open_requests (PlStore  *store,
                             GError  **error)
{
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_open_request_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  stmt = prepare_for_requests (store, requests_sql, &failure);
  if (stmt != NULL)
    while (pl_stmt_next (stmt, &failure))
      {
        PlOpenRequest *request = g_new0 (PlOpenRequest, 1);

        request->placement_id = pl_stmt_get_int (stmt, 0);
        request->staff_name = pl_stmt_dup_text (stmt, 1);
        request->sector_name = pl_stmt_dup_text (stmt, 2);
        request->window_start = pl_stmt_dup_text (stmt, 3);
        request->window_end = pl_stmt_dup_text (stmt, 4);
        request->length = (int) pl_stmt_get_int (stmt, 5);
        request->terms = g_new0 (char *, 1);
        g_ptr_array_add (requests, request);
        g_hash_table_insert (by_id, &request->placement_id, request);
      }

  if (failure == NULL)
    read_terms (store, by_id, &failure);

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      pl_store_translate_error (error, NULL);
      return NULL;
    }

  return g_steal_pointer (&requests);
}
