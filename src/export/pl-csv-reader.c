/* pl-csv-reader.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-csv-reader.h"
#include "pl-error.h"

/* The reader splits records without tracking lines: most files have no
 * error, and counting lines and characters for every field would cost as
 * much as the splitting. Each field remembers the byte where it starts;
 * its line and column are counted only when someone asks, from the last
 * point counted, so a run of questions about one record stays cheap. */

struct _PlCsvReader
{
  const char *data;
  gsize       length;
  gsize       pos;          /* next byte to read */
  char       *filename;
  gboolean    started;      /* the byte order mark has been looked at */
  gsize       text_start;   /* first byte after the byte order mark */

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

/* The bytes that end an unquoted field. */
static const guint8 ends_field[256] = {
  [','] = 1, ['\r'] = 1, ['\n'] = 1,
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

  return self;
}

void
pl_csv_reader_free (PlCsvReader *self)
{
  if (self == NULL)
    return;

  g_free (self->filename);
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

/* FALSE, with the position of the first byte that is not UTF-8 text, when
 * [start, end) holds one. */
static gboolean
check_utf8 (PlCsvReader  *self,
            gsize         start,
            gsize         end,
            GError      **error)
{
  const char *bad = NULL;
  g_autofree char *message = NULL;
  guchar byte;

  if (end <= start || g_utf8_validate_len (self->data + start, end - start, &bad))
    return TRUE;

  byte = (guchar) *bad;
  if (byte == 0)
    message = g_strdup (_("the file holds a NUL byte, so it is not a text file; "
                          "save it from the spreadsheet as “CSV UTF-8”."));
  else
    message = g_strdup_printf (_("byte 0x%02X is not UTF-8 text; "
                                 "save the file from the spreadsheet as “CSV UTF-8”."),
                               byte);
  set_error_at (self, (gsize) (bad - self->data), error, PL_ERROR_INVALID, message);
  return FALSE;
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

/* Looks at the start of the file once: a UTF-8 byte order mark is
 * skipped; UTF-16 is refused with advice, as it is what some spreadsheets
 * save as "Unicode text". */
static gboolean
start (PlCsvReader  *self,
       GError      **error)
{
  const guchar *data = (const guchar *) self->data;

  self->started = TRUE;

  if (self->length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    self->text_start = self->pos = 3;
  else if (self->length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                                 (data[0] == 0xFE && data[1] == 0xFF)))
    {
      set_error_at (self, 0, error, PL_ERROR_INVALID,
                    _("the file is UTF-16 text; save it from the spreadsheet as “CSV UTF-8”."));
      return FALSE;
    }

  self->anchor = self->anchor_line_start = self->text_start;
  return TRUE;
}

/**
 * pl_csv_reader_next:
 *
 * Reads the next record, skipping lines that are entirely empty.
 *
 * Returns: %TRUE when a record was read; %FALSE at the end of the text
 * (@error unset) or when the text is not well-formed CSV (@error set,
 * with FILE:LINE:COLUMN).
 */
gboolean
pl_csv_reader_next (PlCsvReader  *self,
                    GError      **error)
{
  const char *data = self->data;
  gsize length = self->length;
  gsize record_start;
  gsize pos;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->started && !start (self, error))
    return FALSE;

  self->n_fields = 0;
  self->buf_len = 0;

  /* Blank lines carry no record; a spreadsheet often leaves some at the end. */
  pos = self->pos;
  while (pos < length && (data[pos] == '\n' || data[pos] == '\r'))
    pos++;
  self->pos = pos;
  if (pos >= length)
    return FALSE;

  record_start = pos;

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
                  if (check_utf8 (self, record_start, field_start, error))
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
              if (check_utf8 (self, record_start, pos, error))
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

      if (pos < length && data[pos] == ',')
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

  if (!check_utf8 (self, record_start, self->record_end, error))
    {
      self->pos = length;
      return FALSE;
    }

  return TRUE;
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
