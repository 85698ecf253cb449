/* pl-store-copy.c: a whole data set from one database into another
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Either side may be a file (SQLite) or a server (PostgreSQL): rows are
 * read and written through the same connection interface, column by
 * column by name, so that a column only one engine has (PostgreSQL's
 * revision) stays on its side.
 */

#define G_LOG_DOMAIN "pl-store"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-db-private.h"
#include "pl-error.h"
#include "pl-store-copy.h"
#include "pl-store-private.h"

/* Every table of the model, each after those it refers to. */
static const char * const copied_tables[] = {
  "settings", "sector", "partner", "staff", "employer", "contact", "employer_document",
  "employer_appetite", "calendar_period", "placement", "placement_day", "placement_term",
  "placement_event", "milestone_template", "milestone", "cascade", "observation", "survey_response",
  "exchange_group", "group_member", "group_meeting", "group_outcome",
};

/* The rows a new data set starts with (sectors, templates, settings)
 * make way for the source's own. */
static const char * const seeded_tables[] = { "milestone_template", "sector", "settings" };

static GStrv
column_names (PlDb        *db,
              const char  *table,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s LIMIT 0", table);
  g_autoptr(PlStmt) stmt = pl_db_prepare_once (db, sql, error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  int n;

  if (stmt == NULL)
    return NULL;
  n = pl_stmt_get_n_columns (stmt);
  for (int i = 0; i < n; i++)
    g_strv_builder_add (names, pl_stmt_get_column_name (stmt, i));
  return g_strv_builder_end (names);
}

static gboolean
copy_table (PlDb                 *from,
            PlDb                 *to,
            const char           *table,
            PlStoreCopyProgress   progress,
            gpointer              user_data,
            GError              **error)
{
  g_auto(GStrv) source_columns = column_names (from, table, error);
  g_auto(GStrv) dest_columns = NULL;
  g_autoptr(GPtrArray) shared = g_ptr_array_new ();
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) insert = NULL;
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(PlStmt) read = NULL;
  g_autoptr(PlStmt) write = NULL;
  g_autoptr(GError) failure = NULL;
  gint64 rows = 0;

  if (source_columns == NULL || (dest_columns = column_names (to, table, error)) == NULL)
    return FALSE;

  for (guint i = 0; source_columns[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) dest_columns, source_columns[i]))
      g_ptr_array_add (shared, source_columns[i]);
  if (shared->len == 0)
    return TRUE;

  insert = g_string_new (NULL);
  g_string_printf (insert, "INSERT INTO %s (", table);
  for (guint i = 0; i < shared->len; i++)
    {
      g_string_append_printf (select, "%s%s", i ? ", " : "", (char *) shared->pdata[i]);
      g_string_append_printf (insert, "%s%s", i ? ", " : "", (char *) shared->pdata[i]);
      g_string_append_printf (values, "%s?%u", i ? ", " : "", i + 1);
    }
  /* In key order (the key comes first), so that the copy reads back in
   * the order of the source. */
  g_string_append_printf (select, " FROM %s ORDER BY %s", table, shared->len > 1 ? "1, 2" : "1");
  g_string_append_printf (insert, ") VALUES (%s)", values->str);

  read = pl_db_prepare_once (from, select->str, error);
  if (read == NULL)
    return FALSE;
  write = pl_db_prepare_once (to, insert->str, error);
  if (write == NULL)
    return FALSE;

  while (pl_stmt_next (read, &failure))
    {
      for (guint i = 0; i < shared->len; i++)
        pl_stmt_bind_text (write, (int) i + 1, pl_stmt_get_text (read, (int) i));
      if (!pl_stmt_run (write, error))
        {
          g_prefix_error (error, _("Cannot copy a row of %s: "), table);
          return FALSE;
        }
      rows++;
    }
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }

  if (g_str_equal ((const char *) shared->pdata[0], "id") && !pl_db_sync_ids (to, table, error))
    return FALSE;

  if (progress != NULL)
    progress (table, rows, user_data);
  return TRUE;
}

gboolean
pl_store_copy (PlStore              *source,
               const char           *dest,
               PlStoreCopyProgress   progress,
               gpointer              user_data,
               GError              **error)
{
  g_autoptr(PlStore) target = NULL;
  PlDb *from, *to;
  gboolean ok = TRUE;

  g_return_val_if_fail (PL_IS_STORE (source), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (g_strcmp0 (pl_store_get_path (source), dest) == 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("“%s” is the data set being copied: give another destination."), dest);
      return FALSE;
    }

  target = pl_store_open (dest, error);
  if (target == NULL)
    return FALSE;
  if (!pl_store_is_empty (target))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("“%s” already holds records: a data set is copied only into an empty one."),
                   dest);
      return FALSE;
    }
  if (pl_store_get_schema_version (source) != pl_store_get_schema_version (target))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("The two data sets have different data formats (%d and %d)."),
                   pl_store_get_schema_version (source), pl_store_get_schema_version (target));
      return FALSE;
    }

  from = pl_store_get_db (source);
  to = pl_store_get_db (target);

  /* One snapshot of the source, one transaction of the destination. */
  if (!pl_db_begin_read (from, error))
    return pl_store_translate_error (error, NULL);
  if (!pl_store_begin (target, error))
    {
      pl_db_end_read (from);
      return FALSE;
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (seeded_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", seeded_tables[i]);

      ok = pl_db_exec (to, sql, error);
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (copied_tables); i++)
    ok = copy_table (from, to, copied_tables[i], progress, user_data, error);

  pl_db_end_read (from);

  if (!ok)
    {
      pl_store_rollback (target);
      pl_store_translate_error (error, NULL);
      g_prefix_error (error, _("Nothing was copied to “%s”: "), dest);
      return FALSE;
    }

  return pl_store_commit (target, error);
}
