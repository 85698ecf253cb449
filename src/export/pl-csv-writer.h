/* pl-csv-writer.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes RFC 4180 CSV to a file that appears whole or not at all: the
 * records go to a temporary file beside it, which replaces the file only
 * when pl_csv_writer_finish() succeeds. Lines end in CRLF; a field is
 * quoted when it holds a comma, a quote or a line break. */
typedef struct _PlCsvWriter PlCsvWriter;

PlCsvWriter *pl_csv_writer_new        (const char   *path,
                                       GError      **error);
void         pl_csv_writer_free       (PlCsvWriter  *self);

void         pl_csv_writer_add        (PlCsvWriter  *self,
                                       const char   *text);
gboolean     pl_csv_writer_end_record (PlCsvWriter  *self,
                                       GError      **error);
gboolean     pl_csv_writer_finish     (PlCsvWriter  *self,
                                       GError      **error);

/* Appends @text (NULL for empty) to @line as one field, quoted if needed,
 * with a comma before it unless @first. */
void         pl_csv_append_field      (GString      *line,
                                       const char   *text,
                                       gboolean      first);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlCsvWriter, pl_csv_writer_free)

G_END_DECLS
