/* pl-csv-export.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-csv-private.h"
#include "pl-csv-writer.h"
#include "pl-store-legacy-private.h"

/* One query a kind, names resolved and lists gathered by SQL, so that an
 * export of 100,000 placements is one pass. Each cell is written the way
 * the import reads it back: an empty cell only where an empty cell
 * imports as the same value. */

#define ROWS_PER_CHECK 1024

/* Is the schema's default of @column a mask other than "no day"? Then a
 * mask of 0 has to be written out as "none". */
static gboolean
default_is_some_days (sqlite3    *db,
                      const char *table,
                      const char *column)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean result = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT dflt_value FROM pragma_table_info(?1) WHERE name = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0), NULL, 10) != 0;

  return result;
}

/* @text holds items separated by ASCII 31, each of parts separated by
 * ASCII 30, as the export queries gather them. */
static void
append_members (GString    *out,
                const char *text)
{
  g_auto(GStrv) items = g_strsplit (text, "\x1f", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "\x1e", 2);

      if (i > 0)
        g_string_append_c (out, CSV_LIST_SEP);
      pl_csv_append_escaped (out, parts[0], ";");
      if (parts[0] != NULL && parts[1] != NULL && *parts[1] != '\0')
        {
          g_string_append (out, " (");
          pl_csv_append_escaped (out, parts[1], ";");
          g_string_append_c (out, ')');
        }
    }
}

static void
append_parts (GString    *out,
              const char *text)
{
  g_auto(GStrv) items = g_strsplit (text, "\x1f", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "\x1e", -1);
      guint n = g_strv_length (parts);

      /* Trailing empty parts are left out: "Guide|guide", not "Guide|guide||". */
      while (n > 1 && *parts[n - 1] == '\0')
        n--;

      if (i > 0)
        g_string_append_c (out, CSV_LIST_SEP);
      for (guint p = 0; p < n; p++)
        {
          if (p > 0)
            g_string_append_c (out, CSV_PART_SEP);
          pl_csv_append_escaped (out, parts[p], ";|");
        }
    }
}

gboolean
pl_csv_export_file (PlStore       *store,
                    PlCsvKind      kind,
                    const char    *path,
                    GCancellable  *cancellable,
                    gint64        *n_rows,
                    GError       **error)
{
  const CsvKind *spec;
  sqlite3 *db;
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlCsvWriter) writer = NULL;
  g_autofree gboolean *none_for_zero = NULL;
  gint64 rows = 0;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  spec = pl_csv_kind_get (kind);
  db = pl_store_get_sqlite (store);

  none_for_zero = g_new0 (gboolean, spec->n_columns);
  for (guint i = 0; i < spec->n_columns; i++)
    {
      const CsvColumn *column = &spec->columns[i];

      g_string_append_printf (sql, "%s%s", i ? ", " : "", column->export);
      if (column->type == CELL_WEEKDAYS)
        none_for_zero[i] = default_is_some_days (db, spec->table, column->column);
    }
  g_string_append_printf (sql, " FROM %s AS t ORDER BY %s", spec->table, spec->order);

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot read the %s: %s"),
                   spec->name, sqlite3_errmsg (db));
      return FALSE;
    }

  writer = pl_csv_writer_new (path, error);
  if (writer == NULL)
    return FALSE;

  for (guint i = 0; i < spec->n_columns; i++)
    pl_csv_writer_add (writer, spec->columns[i].header);
  if (!pl_csv_writer_end_record (writer, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < spec->n_columns; i++)
        {
          CsvCellType type = spec->columns[i].type;
          const char *text = NULL;
          gint64 number = 0;

          if (sqlite3_column_type (stmt, (int) i) == SQLITE_NULL)
            {
              pl_csv_writer_add (writer, NULL);
              continue;
            }

          /* One accessor a value: converting may move the text. */
          if (type == CELL_BOOL || type == CELL_WEEKDAYS)
            number = sqlite3_column_int64 (stmt, (int) i);
          else
            text = (const char *) sqlite3_column_text (stmt, (int) i);

          g_string_truncate (cell, 0);
          switch (type)
            {
            case CELL_BOOL:
              g_string_append (cell, number ? "yes" : "no");
              break;
            case CELL_WEEKDAYS:
              if (number == 0 && none_for_zero[i])
                g_string_append (cell, "none");
              else
                {
                  g_autofree char *days = pl_csv_format_weekdays (number);
                  g_string_append (cell, days);
                }
              break;
            case CELL_MEMBERS:
              append_members (cell, text);
              break;
            case CELL_MEETINGS:
            case CELL_OUTCOMES:
              append_parts (cell, text);
              break;
            case CELL_TEXT:
            case CELL_ENUM:
            case CELL_INT:
            case CELL_DATE:
            case CELL_SECTOR:
            case CELL_PARTNER:
            case CELL_STAFF:
            case CELL_EMPLOYER:
            case CELL_DAYS:
            default:
              g_string_append (cell, text);
              break;
            }
          pl_csv_writer_add (writer, cell->str);
        }

      if (!pl_csv_writer_end_record (writer, error))
        return FALSE;

      if (++rows % ROWS_PER_CHECK == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot read the %s: %s"),
                   spec->name, sqlite3_errmsg (db));
      return FALSE;
    }

  if (!pl_csv_writer_finish (writer, error))
    return FALSE;

  if (n_rows != NULL)
    *n_rows = rows;
  return TRUE;
}
