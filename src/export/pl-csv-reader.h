/* pl-csv-reader.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An RFC 4180 reader over text held in memory: quoted fields with ""
 * escapes, separators and line breaks inside quotes, CRLF or LF line ends.
 * The separator is a comma, a semicolon or a tab, whichever the header
 * line uses. The text is UTF-8 with or without a byte order mark, UTF-16
 * with one, or Windows-1252 when it is not UTF-8; other bytes are refused
 * with their position. Records with no value at all are skipped. Positions are physical: the line of the file (counting the
 * line breaks inside quoted fields) and the character on that line where a
 * field starts, both from 1, as compilers and editors count them. */
typedef struct _PlCsvReader PlCsvReader;

typedef enum
{
  PL_CSV_ENCODING_UTF8,
  PL_CSV_ENCODING_UTF16LE,
  PL_CSV_ENCODING_UTF16BE,
  PL_CSV_ENCODING_WINDOWS_1252,
} PlCsvEncoding;

/* How a file was read. */
typedef struct
{
  char          separator;   /* ',', ';' or '\t' */
  PlCsvEncoding encoding;
} PlCsvFormat;

char        *pl_csv_format_describe     (const PlCsvFormat *format);
const char  *pl_csv_separator_name      (const PlCsvFormat *format);
GMappedFile *pl_csv_map_file            (const char   *path,
                                         GError      **error);

PlCsvReader *pl_csv_reader_new          (const char   *data,
                                         gsize         length,
                                         const char   *filename);
void         pl_csv_reader_free         (PlCsvReader  *self);

gboolean     pl_csv_reader_next         (PlCsvReader  *self,
                                         GError      **error);
guint        pl_csv_reader_get_n_fields (PlCsvReader  *self);
const char  *pl_csv_reader_get_field    (PlCsvReader  *self,
                                         guint         index,
                                         gsize        *length);
void         pl_csv_reader_get_position (PlCsvReader  *self,
                                         guint         index,
                                         guint        *line,
                                         guint        *column);
const char  *pl_csv_reader_get_filename (PlCsvReader  *self);
const PlCsvFormat *pl_csv_reader_get_format (PlCsvReader *self);
gsize        pl_csv_reader_get_length   (PlCsvReader  *self);
gsize        pl_csv_reader_get_offset   (PlCsvReader  *self);
gsize        pl_csv_reader_get_record_start (PlCsvReader *self);
guint        pl_csv_reader_get_line_at  (PlCsvReader  *self,
                                         gsize         offset);

gboolean     pl_csv_reader_check_fields (PlCsvReader     *self,
                                         guint            n_header,
                                         const gboolean  *nameless,
                                         GError         **error);

void         pl_csv_reader_set_error    (PlCsvReader  *self,
                                         guint         index,
                                         GError      **error,
                                         int           code,
                                         const char   *format,
                                         ...) G_GNUC_PRINTF (5, 6);
void         pl_csv_reader_prefix_error (PlCsvReader  *self,
                                         guint         index,
                                         GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlCsvReader, pl_csv_reader_free)

G_END_DECLS
