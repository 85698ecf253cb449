/* fuzz-csv.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target for the CSV reader and the importer.
 *
 * The first byte of the input picks the kind to import (modulo 5); the
 * rest is the file. Each input is
 *  1. read record by record, asking every field's position, and each
 *     record written back with pl_csv_append_field() and read again, which
 *     must give the same fields (the writer and reader agree);
 *  2. imported into a database holding the sample network, inside an outer
 *     transaction that is rolled back, so every input meets the same data.
 * Crashes, sanitizer reports and failed assertions are findings. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-sample.h"
#include "pl-csv.h"
#include "pl-csv-reader.h"
#include "pl-csv-writer.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static PlStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  store = fuzz_sample_open ();
  return 0;
}

/* Reads @text and, for each record, writes it and reads it back. */
static void
read_all (const char *text,
          size_t      size)
{
  g_autoptr(PlCsvReader) reader = pl_csv_reader_new (text, size, "fuzz.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  while (pl_csv_reader_next (reader, &error))
    {
      guint n = pl_csv_reader_get_n_fields (reader);
      g_autoptr(PlCsvReader) again = NULL;
      g_autoptr(GError) again_error = NULL;
      gsize header_len;
      guint line_no, column;

      g_assert_cmpuint (n, >, 0);
      /* A header of as many fields makes the reader take the comma as the
       * separator, whatever the fields hold. */
      g_string_truncate (line, 0);
      for (guint i = 0; i < n; i++)
        g_string_append (line, i ? ",h" : "h");
      g_string_append_c (line, '\n');
      header_len = line->len;
      for (guint i = 0; i <= n; i++)
        {
          pl_csv_reader_get_position (reader, i, &line_no, &column);
          g_assert_cmpuint (line_no, >=, 1);
          g_assert_cmpuint (column, >=, 1);
        }
      for (guint i = 0; i < n; i++)
        {
          gsize length;
          const char *field = pl_csv_reader_get_field (reader, i, &length);

          g_assert_cmpuint (strlen (field), ==, length);
          g_assert_true (g_utf8_validate (field, -1, NULL));
          pl_csv_append_field (line, field, i == 0);
        }
      g_assert_cmpuint (pl_csv_reader_get_offset (reader), <=, pl_csv_reader_get_length (reader));

      /* The reader gives no record without a value, so every record comes
       * back. */
      again = pl_csv_reader_new (line->str, line->len, "again.csv");
      g_assert_true (pl_csv_reader_next (again, &again_error));
      g_assert_cmpint (pl_csv_reader_get_format (again)->separator, ==, ',');
      g_assert_cmpuint (line->len, >, header_len);
      if (!pl_csv_reader_next (again, &again_error))
        {
          g_assert_no_error (again_error);
          g_assert_not_reached ();
        }
      g_assert_cmpuint (pl_csv_reader_get_n_fields (again), ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (pl_csv_reader_get_field (again, i, NULL), ==,
                         pl_csv_reader_get_field (reader, i, NULL));
      g_assert_false (pl_csv_reader_next (again, &again_error));
      g_assert_no_error (again_error);
    }

  if (error != NULL)
    {
      /* Every refusal says where: FILE:LINE:COLUMN. */
      g_assert_true (g_str_has_prefix (error->message, "fuzz.csv:"));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  const char *text;
  gint64 rows = 0;
  PlCsvKind kind;

  if (size < 1)
    return 0;

  kind = (PlCsvKind) (data[0] % 5);
  text = (const char *) data + 1;
  size--;

  read_all (text, size);

  if (!pl_store_begin (store, &error))
    g_error ("%s", error->message);
  if (!pl_csv_import_data (store, kind, text, size, "fuzz.csv", NULL, NULL, NULL, &rows, NULL, &error))
    g_assert_true (g_str_has_prefix (error->message, "fuzz.csv:"));
  pl_store_rollback (store);

  return 0;
}
