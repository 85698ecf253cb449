/* pl-search.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-search"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-search-private.h"
#include "pl-store-private.h"

/* Full-text search runs on SQLite's FTS5 index (the table "search", kept by
 * the schema's triggers); its MATCH queries are SQLite's own, so they are
 * built here and in pl-placement-list.c only. */

static gboolean
has_word_characters (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/**
 * pl_search_build_query: (skip)
 * @text: what a person typed into a search field
 *
 * Turns @text into an FTS5 query in which every word must match the start
 * of a word of the record: «quay side» becomes `"quay"* "side"*`. Each word
 * is quoted (with its own quotes doubled), so that what people type is
 * never read as FTS5 syntax: «NOT», «a:b» or an unbalanced quote are only
 * words. Words with no letter or digit are dropped, as the index has none.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text holds
 *   nothing to search for
 */
char *
pl_search_build_query (const char *text)
{
  g_autoptr(GString) query = NULL;
  g_auto(GStrv) words = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  query = g_string_new (NULL);
  words = g_strsplit_set (text, " \t\r\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!has_word_characters (words[i]))
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');

      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * pl_search_is_blank:
 * @text: (nullable): what a person typed into a search field
 *
 * Returns: whether @text has no word to search for, so that a search of
 *   it would find everything rather than nothing
 */
gboolean
pl_search_is_blank (const char *text)
{
  g_autofree char *query = pl_search_build_query (text);

  return query == NULL;
}

/**
 * pl_search_build_word_queries: (skip)
 * @text: (nullable): what a person typed
 *
 * Each word a prefix, quoted so that FTS5 reads it as plain text. At most
 * a few words count: enough to narrow any list.
 *
 * Returns: (transfer full) (nullable): one query a word, or %NULL when
 *   @text is %NULL
 */
GStrv
pl_search_build_word_queries (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (text == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  words = g_str_tokenize_and_fold (text, NULL, NULL);
  for (guint i = 0; words[i] != NULL && i < 8; i++)
    {
      g_auto(GStrv) parts = g_strsplit (words[i], "\"", -1);
      g_autofree char *quoted = g_strjoinv ("\"\"", parts);
      g_autofree char *query = g_strdup_printf ("\"%s\"*", quoted);

      g_strv_builder_add (builder, query);
    }

  return g_strv_builder_end (builder);
}

/* On SQLite, the schema's triggers give each row of the index the rowid
 * id * 8 + the number of its kind (schema/v1.sql, "The search index"), so
 * that a search can say a row's kind and id from the index alone, without
 * reading the row: for a one-letter word, most of the cost. */
static const char * const sqlite_kinds[8] = {
  NULL, "partner", "staff", "employer", "placement", "contact", "group", NULL
};

/**
 * pl_search_word_ids: (skip)
 * @query: one query of pl_search_build_word_queries()
 * @kinds: (array zero-terminated=1): the kinds wanted
 * @found: one array (gint64, in no order) per kind of @kinds, added to
 *
 * Finds the records of each of @kinds whose indexed text matches @query,
 * with one read of the index for all of them.
 *
 * Returns: %FALSE with @error set when the index cannot be read
 */
gboolean
pl_search_word_ids (PlStore            *store,
                    const char         *query,
                    const char * const *kinds,
                    GArray            **found,
                    GError            **error)
{
  PlDb *db = pl_store_get_db (store);
  gboolean sqlite = pl_db_get_engine (db) == PL_DB_ENGINE_SQLITE;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *sql = NULL;
  int by_code[8];

  for (guint code = 0; code < 8; code++)
    {
      by_code[code] = -1;
      for (guint k = 0; sqlite_kinds[code] != NULL && kinds[k] != NULL; k++)
        if (g_str_equal (kinds[k], sqlite_kinds[code]))
          by_code[code] = (int) k;
    }

  if (sqlite)
    sql = g_strdup ("SELECT rowid FROM search WHERE search MATCH ?1");
  else
    sql = g_strdup_printf ("SELECT rec_id, kind FROM search WHERE %s(?1)",
                           pl_db_sql (db, PL_DB_SQL_SEARCH));

  stmt = pl_db_prepare (db, sql, &failure);
  if (stmt != NULL)
    pl_stmt_bind_text (stmt, 1, query);
  while (stmt != NULL && pl_stmt_next (stmt, &failure))
    {
      gint64 id;
      int k = -1;

      if (sqlite)
        {
          gint64 rowid = pl_stmt_get_int (stmt, 0);

          id = rowid >> 3;
          k = by_code[rowid & 7];
        }
      else
        {
          const char *kind = pl_stmt_get_text (stmt, 1);

          id = pl_stmt_get_int (stmt, 0);
          for (guint i = 0; kinds[i] != NULL && kind != NULL; i++)
            if (g_str_equal (kinds[i], kind))
              k = (int) i;
        }

      if (k >= 0)
        g_array_append_val (found[k], id);
    }

  if (failure != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot search: %s"), failure->message);
      return FALSE;
    }
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * pl_search_ids:
 * @kind: the kind of record in the search index: "employer", "staff",
 *   "partner", "placement", "contact" or "group"
 * @text: what a person typed
 *
 * Finds the records of @kind whose indexed text (names, notes and the like)
 * has a word starting with each word of @text.
 *
 * Returns: (transfer full) (nullable): the matching ids in ascending order
 *   (for pl_search_ids_contain()), or %NULL with @error set when the index
 *   cannot be read. An empty array when @text holds nothing to search for.
 */
GArray *
pl_search_ids (PlStore     *store,
               const char  *kind,
               const char  *text,
               GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *query = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  query = pl_search_build_query (text);
  if (query == NULL)
    return g_steal_pointer (&ids);

  {
    PlDb *db = pl_store_get_db (store);
    int code = 0;
    g_autofree char *sql = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (sqlite_kinds); i++)
      if (g_strcmp0 (sqlite_kinds[i], kind) == 0)
        code = (int) i;

    /* The kind from the rowid (see sqlite_kinds), not from the row. */
    if (pl_db_get_engine (db) == PL_DB_ENGINE_SQLITE && code > 0)
      sql = g_strdup_printf ("SELECT rowid >> 3 FROM search WHERE search MATCH ?1 "
                             "AND (rowid & 7) = %d AND ?2 IS NOT NULL", code);
    else
      sql = g_strdup_printf ("SELECT rec_id FROM search WHERE %s(?1) AND kind = ?2",
                             pl_db_sql (db, PL_DB_SQL_SEARCH));

    stmt = pl_db_prepare (db, sql, &failure);
  }
  if (stmt != NULL)
    {
      pl_stmt_bind_text (stmt, 1, query);
      pl_stmt_bind_text (stmt, 2, kind);

      while (pl_stmt_next (stmt, &failure))
        {
          gint64 id = pl_stmt_get_int (stmt, 0);

          g_array_append_val (ids, id);
        }
    }

  if (failure != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot search: %s"), failure->message);
      return NULL;
    }

  g_array_sort (ids, compare_ids);
  return g_steal_pointer (&ids);
}

/**
 * pl_search_ids_contain:
 * @ids: ids from pl_search_ids()
 *
 * Returns: whether @id is among @ids, in logarithmic time.
 */
gboolean
pl_search_ids_contain (GArray *ids,
                       gint64  id)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (ids != NULL, FALSE);

  hi = ids->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 value = g_array_index (ids, gint64, mid);

      if (value == id)
        return TRUE;
      if (value < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return FALSE;
}
