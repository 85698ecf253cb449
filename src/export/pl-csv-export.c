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

#include "pl-calendar.h"
#include "pl-csv-private.h"
#include "pl-csv-writer.h"
#include "pl-store-bulk.h"
#include "pl-store-export.h"

/* One reading a kind (pl-store-export.h), names resolved and lists
 * gathered by the store, so that an export of 100,000 placements is one
 * pass. Each cell is written the way the import reads it back: an empty
 * cell only where an empty cell imports as the same value. */

#define ROWS_PER_CHECK 1024

/* @items: a member's name and role, one member after the other. */
static void
append_members (GString            *out,
                const char * const *items)
{
  for (guint i = 0; items[i] != NULL; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, CSV_LIST_SEP);
      pl_csv_append_escaped (out, items[i], ";");
      if (*items[i + 1] != '\0')
        {
          g_string_append (out, " (");
          pl_csv_append_escaped (out, items[i + 1], ";");
          g_string_append_c (out, ')');
        }
    }
}

/* @items: @n_parts parts an item, one item after the other. */
static void
append_parts (GString            *out,
              const char * const *items,
              guint               n_parts)
{
  for (guint i = 0; items[i] != NULL; i += n_parts)
    {
      guint n = n_parts;

      /* Trailing empty parts are left out: "Guide|guide", not "Guide|guide||". */
      while (n > 1 && *items[i + n - 1] == '\0')
        n--;

      if (i > 0)
        g_string_append_c (out, CSV_LIST_SEP);
      for (guint p = 0; p < n; p++)
        {
          if (p > 0)
            g_string_append_c (out, CSV_PART_SEP);
          pl_csv_append_escaped (out, items[i + p], ";|");
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
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(PlStoreRows) reading = NULL;
  g_autoptr(PlCsvWriter) writer = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree gboolean *none_for_zero = NULL;
  gint64 rows = 0;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  spec = pl_csv_kind_get (kind);

  /* A mask of 0 is written out as "none" where an empty cell would import
   * as some days. */
  fields = g_ptr_array_new ();
  none_for_zero = g_new0 (gboolean, spec->n_columns);
  for (guint i = 0; i < spec->n_columns; i++)
    {
      const CsvColumn *column = &spec->columns[i];
      gint64 dflt;

      g_ptr_array_add (fields, (gpointer) column->export);
      if (column->type == CELL_WEEKDAYS)
        none_for_zero[i] = pl_store_bulk_get_default_int (store, spec->get_type (),
                                                          column->column, &dflt) && dflt != 0;
    }
  g_ptr_array_add (fields, NULL);

  reading = pl_store_rows_new (store, spec->get_type (), (const char * const *) fields->pdata,
                               spec->order, &failure);
  if (reading == NULL)
    goto failed;

  writer = pl_csv_writer_new (path, error);
  if (writer == NULL)
    return FALSE;

  for (guint i = 0; i < spec->n_columns; i++)
    pl_csv_writer_add (writer, spec->columns[i].header);
  if (!pl_csv_writer_end_record (writer, error))
    return FALSE;

  while (pl_store_rows_next (reading, &failure))
    {
      for (guint i = 0; i < spec->n_columns; i++)
        {
          CsvCellType type = spec->columns[i].type;
          guint n_parts;

          if (pl_store_rows_is_null (reading, i))
            {
              pl_csv_writer_add (writer, NULL);
              continue;
            }

          g_string_truncate (cell, 0);
          switch (type)
            {
            case CELL_BOOL:
              g_string_append (cell, pl_store_rows_get_int (reading, i) ? "yes" : "no");
              break;
            case CELL_WEEKDAYS:
              {
                gint64 mask = pl_store_rows_get_int (reading, i);

                if (mask == 0 && none_for_zero[i])
                  g_string_append (cell, "none");
                else
                  {
                    g_autofree char *days = pl_csv_format_weekdays (mask);
                    g_string_append (cell, days);
                  }
              }
              break;
            case CELL_DAYS:
              {
                const char * const *days = pl_store_rows_get_list (reading, i, NULL);

                for (guint d = 0; days[d] != NULL; d++)
                  g_string_append_printf (cell, "%s%s", d > 0 ? ";" : "", days[d]);
              }
              break;
            case CELL_MEMBERS:
              append_members (cell, pl_store_rows_get_list (reading, i, NULL));
              break;
            case CELL_APPETITE:
              {
                const char * const *items = pl_store_rows_get_list (reading, i, &n_parts);
                g_autoptr(GPtrArray) named = g_ptr_array_new_with_free_func (g_free);

                /* The year as people write it: 2026/27. */
                for (guint k = 0; items[k] != NULL; k++)
                  g_ptr_array_add (named,
                                   k % n_parts == 0
                                   ? pl_academic_year_label ((int) g_ascii_strtoll (items[k],
                                                                                    NULL, 10))
                                   : g_strdup (items[k]));
                g_ptr_array_add (named, NULL);
                append_parts (cell, (const char * const *) named->pdata, n_parts);
              }
              break;
            case CELL_MEETINGS:
            case CELL_OUTCOMES:
              {
                const char * const *items = pl_store_rows_get_list (reading, i, &n_parts);

                append_parts (cell, items, n_parts);
              }
              break;
            case CELL_TEXT:
            case CELL_ENUM:
            case CELL_INT:
            case CELL_DATE:
            case CELL_SECTOR:
            case CELL_PARTNER:
            case CELL_STAFF:
            case CELL_EMPLOYER:
            default:
              g_string_append (cell, pl_store_rows_get_text (reading, i));
              break;
            }
          pl_csv_writer_add (writer, cell->str);
        }

      if (!pl_csv_writer_end_record (writer, error))
        return FALSE;

      if (++rows % ROWS_PER_CHECK == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  if (failure != NULL)
    goto failed;

  if (!pl_csv_writer_finish (writer, error))
    return FALSE;

  if (n_rows != NULL)
    *n_rows = rows;
  return TRUE;

failed:
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot read the %s: %s"),
               spec->name, failure->message);
  return FALSE;
}
