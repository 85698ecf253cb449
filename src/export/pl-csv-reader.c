/* pl-csv-reader.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-csv"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pl-csv-reader.h"
#include "pl-error.h"

/* The reader splits records without tracking lines: most files have no
 * error, and counting lines and characters for every field would cost as
 * much as the splitting. Each field remembers the byte where it starts;
 * its line and column are counted only when someone asks, from the last
 * point counted, so a run of questions about one record stays cheap. */

struct _PlCsvReader
{
  const char *data;         /* UTF-8: the caller's text, or @converted */
  gsize       length;
  gsize       pos;          /* next byte to read */
  char       *filename;
  gboolean    started;      /* the encoding and the separator are known */
  gsize       text_start;   /* first byte after the byte order mark */
  char       *converted;    /* the text in UTF-8, when the file was not */
  PlCsvFormat format;
  guint8      ends_field[256]; /* the bytes that end an unquoted field */

  /* The current record: field texts, NUL-terminated, one after another
   * in @buf; where each starts in @buf and in @data. */
  char       *buf;
  gsize       buf_len;
  gsize       buf_size;
  gsize      *field_text;   /* offset in buf */
  gsize      *field_len;
  gsize      *field_start;  /* offset in data */
  guint       n_fields;
  guint       fields_size;
  gsize       record_end;   /* offset in data of the record's line break or EOF */

  /* The last point whose line was counted. */
  gsize       anchor;
  guint       anchor_line;
  gsize       anchor_line_start;
};

/**
 * pl_csv_reader_new:
 * @data: the text; not copied, it must outlive the reader
 * @filename: the name used in messages
 *
 * Returns: (transfer full): a reader positioned before the first record.
 */
PlCsvReader *
pl_csv_reader_new (const char *data,
                   gsize       length,
                   const char *filename)
{
  PlCsvReader *self = g_new0 (PlCsvReader, 1);

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self->data = data ? data : "";
  self->length = length;
  self->filename = g_filename_display_name (filename ? filename : "-");
  self->buf_size = 256;
  self->buf = g_malloc (self->buf_size);
  self->fields_size = 16;
  self->field_text = g_new (gsize, self->fields_size);
  self->field_len = g_new (gsize, self->fields_size);
  self->field_start = g_new (gsize, self->fields_size);
  self->anchor_line = 1;
  self->format.separator = ',';
  self->format.encoding = PL_CSV_ENCODING_UTF8;

  return self;
}

void
pl_csv_reader_free (PlCsvReader *self)
{
  if (self == NULL)
    return;

  g_free (self->filename);
  g_free (self->converted);
  g_free (self->buf);
  g_free (self->field_text);
  g_free (self->field_len);
  g_free (self->field_start);
  g_free (self);
}

/* Counts lines and characters from the anchor up to @offset. A line ends
 * at LF, at CRLF (counted once) or at a CR alone. */
static void
position_of (PlCsvReader *self,
             gsize        offset,
             guint       *line,
             guint       *column)
{
  const guchar *data = (const guchar *) self->data;
  guint chars = 0;

  offset = MIN (offset, self->length);

  if (offset < self->anchor || self->anchor < self->text_start)
    {
      self->anchor = self->text_start;
      self->anchor_line = 1;
      self->anchor_line_start = self->text_start;
    }

  for (gsize i = self->anchor; i < offset; i++)
    {
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= self->length || data[i + 1] != '\n')))
        {
          self->anchor_line++;
          self->anchor_line_start = i + 1;
        }
    }
  self->anchor = offset;

  /* Characters, not bytes: count the bytes that start a UTF-8 sequence. */
  for (gsize i = self->anchor_line_start; i < offset; i++)
    if ((data[i] & 0xC0) != 0x80)
      chars++;

  *line = self->anchor_line;
  *column = chars + 1;
}

static void
set_error_at (PlCsvReader  *self,
              gsize         offset,
              GError      **error,
              int           code,
              const char   *message)
{
  guint line, column;

  position_of (self, offset, &line, &column);
  g_set_error (error, PL_ERROR, code, "%s:%u:%u: %s", self->filename, line, column, message);
}

/* The refusal of text that is not UTF-8, at the byte @bad. */
static void
set_not_utf8_error (PlCsvReader  *self,
                    const char   *bad,
                    GError      **error)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("byte 0x%02X is not UTF-8 text; "
                               "save the file from the spreadsheet as “CSV UTF-8”."),
                             (guchar) *bad);
  set_error_at (self, (gsize) (bad - self->data), error, PL_ERROR_INVALID, message);
}

/* Whether [start, end) holds a character of more than one byte that is
 * well-formed UTF-8: a file with some is UTF-8 with a fault, not text in
 * a single-byte encoding, whose accented letters seldom happen to form
 * UTF-8 sequences. */
static gboolean
has_utf8_sequence (const char *text,
                   gsize       length)
{
  gsize i = 0;

  while (i < length)
    {
      gunichar c;

      if ((guchar) text[i] < 0x80)
        {
          i++;
          continue;
        }
      c = g_utf8_get_char_validated (text + i, (gssize) (length - i));
      if (c != (gunichar) -1 && c != (gunichar) -2)
        return TRUE;
      i++;
    }

  return FALSE;
}

/* Reads @length bytes at @text as @charset into UTF-8 text the reader
 * owns. On a fault the position given is that of the first byte that
 * would not convert, counted in the text before it (converted: lines and
 * characters are the same in every encoding). */
static gboolean
convert (PlCsvReader  *self,
         const char   *text,
         gsize         length,
         const char   *charset,
         GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  gsize bytes_read = 0;
  gsize written = 0;
  char *converted;

  converted = g_convert (text, (gssize) length, "UTF-8", charset, &bytes_read, &written,
                         &local_error);
  self->text_start = self->pos = 0;
  /* With @bytes_read asked for, text cut short is no error to g_convert(). */
  if (converted != NULL && bytes_read < length)
    g_clear_pointer (&converted, g_free);
  if (converted != NULL)
    {
      self->converted = converted;
      self->data = converted;
      self->length = written;
      return TRUE;
    }

  self->converted = g_convert (text, (gssize) bytes_read, "UTF-8", charset, NULL, &written, NULL);
  self->data = self->converted != NULL ? self->converted : "";
  self->length = self->converted != NULL ? written : 0;
  self->anchor = self->anchor_line_start = 0;

  if (self->format.encoding == PL_CSV_ENCODING_WINDOWS_1252 && bytes_read < length)
    message = g_strdup_printf (_("byte 0x%02X is neither UTF-8 nor Windows-1252 text; "
                                 "save the file from the spreadsheet as “CSV UTF-8”."),
                               (guchar) text[bytes_read]);
  else
    message = g_strdup (_("the file is marked as UTF-16 text, but this character is cut short "
                          "or is not UTF-16; save the file from the spreadsheet again."));
  set_error_at (self, self->length, error, PL_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_nul (PlCsvReader  *self,
           gsize         start,
           GError      **error)
{
  const char *nul = memchr (self->data + start, '\0', self->length - start);

  if (nul == NULL)
    return TRUE;

  set_error_at (self, (gsize) (nul - self->data), error, PL_ERROR_INVALID,
                _("the file holds a NUL byte, so it is not a text file; "
                  "save it from the spreadsheet as “CSV UTF-8”."));
  return FALSE;
}

/* The separator is whichever of comma, semicolon and tab the header line
 * holds most often outside quotes, a tie going to the comma, then to the
 * semicolon: spreadsheets in much of Europe write semicolons, as the
 * comma is their decimal mark, and "Unicode text" is separated by tabs.
 * A header with none of them has one column. */
static void
find_separator (PlCsvReader *self)
{
  static const char candidates[] = { ',', ';', '\t' };
  const char *data = self->data;
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;
  gsize i = self->text_start;

  while (i < self->length && (data[i] == '\n' || data[i] == '\r'))
    i++;

  for (; i < self->length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[k]++;
    }

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;

  self->format.separator = candidates[best];
  memset (self->ends_field, 0, sizeof self->ends_field);
  self->ends_field[(guchar) self->format.separator] = 1;
  self->ends_field['\r'] = 1;
  self->ends_field['\n'] = 1;
}

static void
append_text (PlCsvReader *self,
             const char  *text,
             gsize        length)
{
  if (self->buf_len + length + 1 > self->buf_size)
    {
      while (self->buf_len + length + 1 > self->buf_size)
        self->buf_size *= 2;
      self->buf = g_realloc (self->buf, self->buf_size);
    }

  memcpy (self->buf + self->buf_len, text, length);
  self->buf_len += length;
}

static void
begin_field (PlCsvReader *self,
             gsize        start)
{
  if (self->n_fields == self->fields_size)
    {
      self->fields_size *= 2;
      self->field_text = g_renew (gsize, self->field_text, self->fields_size);
      self->field_len = g_renew (gsize, self->field_len, self->fields_size);
      self->field_start = g_renew (gsize, self->field_start, self->fields_size);
    }

  self->field_start[self->n_fields] = start;
  self->field_text[self->n_fields] = self->buf_len;
}

static void
end_field (PlCsvReader *self)
{
  self->field_len[self->n_fields] = self->buf_len - self->field_text[self->n_fields];
  append_text (self, "", 0);
  self->buf[self->buf_len++] = '\0';
  self->n_fields++;
}

/* Looks at the start of the file once. UTF-16 (Excel's "Unicode text")
 * is known by its byte order mark; UTF-8, with or without one, is read as
 * it is; text that is not UTF-8 and has no UTF-8 in it is what Excel
 * saves as plain "CSV" on Windows, Windows-1252. Whatever it was, the
 * reader goes on over UTF-8 text, checked whole here. */
static gboolean
start (PlCsvReader  *self,
       GError      **error)
{
  const guchar *data = (const guchar *) self->data;
  const char *bad = NULL;

  self->started = TRUE;

  if (self->length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      self->format.encoding = PL_CSV_ENCODING_UTF16LE;
      if (!convert (self, self->data + 2, self->length - 2, "UTF-16LE", error))
        return FALSE;
    }
  else if (self->length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      self->format.encoding = PL_CSV_ENCODING_UTF16BE;
      if (!convert (self, self->data + 2, self->length - 2, "UTF-16BE", error))
        return FALSE;
    }
  else
    {
      gboolean bom = self->length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;

      self->text_start = self->pos = bom ? 3 : 0;
      self->anchor = self->anchor_line_start = self->text_start;
      if (!check_nul (self, self->text_start, error))
        return FALSE;

      if (!g_utf8_validate_len (self->data + self->text_start, self->length - self->text_start,
                                &bad))
        {
          /* A byte order mark says UTF-8 as plainly as UTF-8 text does. */
          if (bom || has_utf8_sequence (self->data, self->length))
            {
              set_not_utf8_error (self, bad, error);
              return FALSE;
            }
          self->format.encoding = PL_CSV_ENCODING_WINDOWS_1252;
          if (!convert (self, self->data, self->length, "WINDOWS-1252", error))
            return FALSE;
        }
    }

  /* UTF-16 may hold a U+0000 that the bytes did not show. */
  if (self->converted != NULL && !check_nul (self, 0, error))
    return FALSE;

  self->anchor = self->anchor_line_start = self->text_start;
  self->anchor_line = 1;
  find_separator (self);
  return TRUE;
}

/* Reads one record from self->pos; FALSE at the end of the text or, with
 * @error set, on a fault. */
static gboolean
read_record (PlCsvReader  *self,
             GError      **error)
{
  const char *data = self->data;
  gsize length = self->length;
  const guint8 *ends_field = self->ends_field;
  char separator = self->format.separator;
  gsize pos;

  self->n_fields = 0;
  self->buf_len = 0;

  /* Blank lines carry no record; a spreadsheet often leaves some at the end. */
  pos = self->pos;
  while (pos < length && (data[pos] == '\n' || data[pos] == '\r'))
    pos++;
  self->pos = pos;
  if (pos >= length)
    return FALSE;

  for (;;)
    {
      gsize field_start = pos;

      begin_field (self, field_start);

      if (pos < length && data[pos] == '"')
        {
          pos++;
          for (;;)
            {
              const char *quote = memchr (data + pos, '"', length - pos);

              if (quote == NULL)
                {
                  set_error_at (self, field_start, error, PL_ERROR_INVALID,
                                _("this quoted field has no closing quote (\")."));
                  self->pos = length;
                  return FALSE;
                }

              append_text (self, data + pos, (gsize) (quote - (data + pos)));
              pos = (gsize) (quote - data) + 1;
              if (pos < length && data[pos] == '"')
                {
                  append_text (self, "\"", 1);
                  pos++;
                  continue;
                }
              break;
            }

          if (pos < length && !ends_field[(guchar) data[pos]])
            {
              set_error_at (self, pos, error, PL_ERROR_INVALID,
                            _("text follows the closing quote of a quoted field; "
                              "a quote inside a quoted field is written twice (\"\")."));
              self->pos = length;
              return FALSE;
            }
        }
      else
        {
          while (pos < length && !ends_field[(guchar) data[pos]])
            pos++;
          append_text (self, data + field_start, pos - field_start);
        }

      end_field (self);

      if (pos < length && data[pos] == separator)
        {
          pos++;
          continue;
        }

      /* A line break or the end of the text ends the record. */
      self->record_end = pos;
      if (pos < length && data[pos] == '\r')
        pos++;
      if (pos < length && data[pos] == '\n')
        pos++;
      break;
    }

  self->pos = pos;
  return TRUE;
}

/* Whether every field of the current record is empty. */
static gboolean
record_is_empty (PlCsvReader *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (self->field_len[i] > 0)
      return FALSE;
  return TRUE;
}

/**
 * pl_csv_reader_next:
 *
 * Reads the next record, skipping lines that are entirely empty and
 * records with no value in any field (",,,", what a spreadsheet writes
 * for a row whose cells were cleared).
 *
 * Returns: %TRUE when a record was read; %FALSE at the end of the text
 * (@error unset) or when the text is not well-formed CSV (@error set,
 * with FILE:LINE:COLUMN).
 */
gboolean
pl_csv_reader_next (PlCsvReader  *self,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->started && !start (self, error))
    {
      self->n_fields = 0;
      self->pos = self->length;
      return FALSE;
    }

  while (read_record (self, error))
    if (!record_is_empty (self))
      return TRUE;

  return FALSE;
}

guint
pl_csv_reader_get_n_fields (PlCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_fields;
}

/**
 * pl_csv_reader_get_field:
 * @length: (out) (optional): the length in bytes
 *
 * Returns: (transfer none): the text of field @index of the current record,
 * NUL-terminated and without its quotes; valid until the next record.
 */
const char *
pl_csv_reader_get_field (PlCsvReader *self,
                         guint        index,
                         gsize       *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_fields, NULL);

  if (length != NULL)
    *length = self->field_len[index];
  return self->buf + self->field_text[index];
}

/**
 * pl_csv_reader_get_position:
 * @index: a field of the current record, or the number of fields for the
 *   end of the record
 *
 * Gives the line and the character on that line where the field starts
 * (its opening quote, when it is quoted), both counted from 1.
 */
void
pl_csv_reader_get_position (PlCsvReader *self,
                            guint        index,
                            guint       *line,
                            guint       *column)
{
  guint l, c;

  g_return_if_fail (self != NULL);

  if (index < self->n_fields)
    position_of (self, self->field_start[index], &l, &c);
  else
    position_of (self, self->n_fields > 0 ? self->record_end : self->pos, &l, &c);

  if (line != NULL)
    *line = l;
  if (column != NULL)
    *column = c;
}

/* The file's name as messages give it (UTF-8). */
const char *
pl_csv_reader_get_filename (PlCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->filename;
}

/**
 * pl_csv_reader_get_format:
 *
 * Returns: (transfer none): the separator and the encoding the reader found;
 *   known once the first record has been asked for
 */
const PlCsvFormat *
pl_csv_reader_get_format (PlCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->format;
}

/* The length of the text read, in bytes of UTF-8: with
 * pl_csv_reader_get_offset(), how far the reader has gone. */
gsize
pl_csv_reader_get_length (PlCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->length;
}

/* How far the reader has gone, in bytes, for progress. */
gsize
pl_csv_reader_get_offset (PlCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pos;
}

/* Where the current record starts, in bytes: a cheap way to remember a
 * record and name its line later with pl_csv_reader_get_line_at(). */
gsize
pl_csv_reader_get_record_start (PlCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_fields > 0 ? self->field_start[0] : self->pos;
}

guint
pl_csv_reader_get_line_at (PlCsvReader *self,
                           gsize        offset)
{
  guint line, column;

  g_return_val_if_fail (self != NULL, 0);

  position_of (self, offset, &line, &column);
  return line;
}

/**
 * pl_csv_reader_set_error:
 * @index: the field at fault (see pl_csv_reader_get_position())
 *
 * Sets @error to "FILE:LINE:COLUMN: " and the formatted message.
 */
void
pl_csv_reader_set_error (PlCsvReader  *self,
                         guint         index,
                         GError      **error,
                         int           code,
                         const char   *format,
                         ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  pl_csv_reader_get_position (self, index, &line, &column);
  g_set_error (error, PL_ERROR, code, "%s:%u:%u: %s", self->filename, line, column, message);
}

/* Puts "FILE:LINE:COLUMN: " in front of an error about field @index. */
void
pl_csv_reader_prefix_error (PlCsvReader  *self,
                            guint         index,
                            GError      **error)
{
  guint line, column;

  if (error == NULL || *error == NULL)
    return;

  pl_csv_reader_get_position (self, index, &line, &column);
  g_prefix_error (error, "%s:%u:%u: ", self->filename, line, column);
}

/**
 * pl_csv_reader_check_fields:
 * @n_header: the number of fields of the header
 * @nameless: for each field of the header, whether its name is empty
 *
 * Checks that the current record has the header's fields, but for empty
 * ones beyond it or missing ones under columns without a name, and no
 * value under a column without a name: such columns are what a
 * spreadsheet leaves after the last one in use.
 *
 * Returns: %FALSE with @error saying where, otherwise %TRUE
 */
gboolean
pl_csv_reader_check_fields (PlCsvReader     *self,
                            guint            n_header,
                            const gboolean  *nameless,
                            GError         **error)
{
  guint n_fields = pl_csv_reader_get_n_fields (self);

  for (guint f = 0; f < n_fields; f++)
    {
      gsize length;
      const char *text = pl_csv_reader_get_field (self, f, &length);
      g_autofree char *value = NULL;

      if (f < n_header && !nameless[f])
        continue;
      if (length == 0)
        continue;

      value = g_strstrip (g_strdup (text));
      if (*value == '\0')
        continue;

      if (f >= n_header)
        pl_csv_reader_set_error (self, n_header, error, PL_ERROR_INVALID,
                                 _("this row has %u fields but the header has %u; "
                                   "a value with a %s needs quotes around it."),
                                 n_fields, n_header,
                                 pl_csv_separator_name (pl_csv_reader_get_format (self)));
      else
        pl_csv_reader_set_error (self, f, error, PL_ERROR_INVALID,
                                 _("column %u has no name in the header but this row has "
                                   "“%s” in it; name the column or delete it."),
                                 f + 1, value);
      return FALSE;
    }

  for (guint f = n_fields; f < n_header; f++)
    if (!nameless[f])
      {
        pl_csv_reader_set_error (self, n_fields, error, PL_ERROR_INVALID,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "this row has %u field but the header has %u.",
                                              "this row has %u fields but the header has %u.",
                                              n_fields),
                                 n_fields, n_header);
        return FALSE;
      }

  return TRUE;
}

/**
 * pl_csv_format_describe:
 *
 * Returns: (transfer full) (nullable): how the file was read, for the line
 *   that tells of an import ("separated by semicolons, read as
 *   Windows-1252"), or %NULL for comma-separated UTF-8, which needs no word
 */
char *
pl_csv_format_describe (const PlCsvFormat *format)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_return_val_if_fail (format != NULL, NULL);

  if (format->separator == ';')
    g_ptr_array_add (parts, (gpointer) _("separated by semicolons"));
  else if (format->separator == '\t')
    g_ptr_array_add (parts, (gpointer) _("separated by tabs"));

  switch (format->encoding)
    {
    case PL_CSV_ENCODING_UTF16LE:
    case PL_CSV_ENCODING_UTF16BE:
      g_ptr_array_add (parts, (gpointer) _("read as UTF-16"));
      break;
    case PL_CSV_ENCODING_WINDOWS_1252:
      g_ptr_array_add (parts, (gpointer) _("read as Windows-1252"));
      break;
    case PL_CSV_ENCODING_UTF8:
    default:
      break;
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: joins "separated by semicolons" and "read as Windows-1252". */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/**
 * pl_csv_separator_name:
 *
 * Returns: the separator in words, for messages ("comma")
 */
const char *
pl_csv_separator_name (const PlCsvFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);

  switch (format->separator)
    {
    case ';':
      return _("semicolon");
    case '\t':
      return _("tab");
    default:
      return _("comma");
    }
}

/**
 * pl_csv_map_file:
 * @path: a CSV file (never the database: mapping it would drop its locks)
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error saying
 *   "PATH: cannot read the file: reason"
 */
GMappedFile *
pl_csv_map_file (const char  *path,
                 GError     **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  GMappedFile *file;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  saved_errno = errno;
  display = g_filename_display_name (path);
  if (fd < 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("%s: cannot read the file: %s."),
                   display, g_strerror (saved_errno));
      return NULL;
    }

  file = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
  close (fd);
  if (file == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("%s: cannot read the file: %s."),
                   display, local_error->message);
      return NULL;
    }

  return file;
}
