/* pl-csv.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-csv-reader.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* The kinds of record that travel as CSV, each with its fixed header. */
typedef enum
{
  PL_CSV_PARTNERS,
  PL_CSV_STAFF,
  PL_CSV_EMPLOYERS,
  PL_CSV_PLACEMENTS,
  PL_CSV_GROUPS,
} PlCsvKind;

gboolean    pl_csv_kind_from_string (const char     *text,
                                     PlCsvKind      *kind);
const char *pl_csv_kind_to_string   (PlCsvKind       kind);

/* Called now and then during an import with the bytes read so far. */
typedef void (*PlCsvProgress) (goffset  done,
                               goffset  total,
                               gpointer user_data);

/* Imports @path as one transaction: on any bad row nothing is written and
 * @error says FILE:LINE:COLUMN: reason. @n_rows receives the rows added,
 * @format how the file was read (see pl_csv_format_describe()); either
 * may be NULL. */
gboolean    pl_csv_import_file      (PlStore        *store,
                                     PlCsvKind       kind,
                                     const char     *path,
                                     PlCsvProgress   progress,
                                     gpointer        user_data,
                                     GCancellable   *cancellable,
                                     gint64         *n_rows,
                                     PlCsvFormat    *format,
                                     GError        **error);

/* The same for text already in memory; @filename names it in messages. */
gboolean    pl_csv_import_data      (PlStore        *store,
                                     PlCsvKind       kind,
                                     const char     *data,
                                     gsize           length,
                                     const char     *filename,
                                     PlCsvProgress   progress,
                                     gpointer        user_data,
                                     GCancellable   *cancellable,
                                     gint64         *n_rows,
                                     PlCsvFormat    *format,
                                     GError        **error);

/* Writes every record of @kind with the same header the import reads, so an
 * export imports again into an empty database. The file appears whole or not
 * at all. */
gboolean    pl_csv_export_file      (PlStore        *store,
                                     PlCsvKind       kind,
                                     const char     *path,
                                     GCancellable   *cancellable,
                                     gint64         *n_rows,
                                     GError        **error);

G_END_DECLS
