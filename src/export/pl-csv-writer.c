/* pl-csv-writer.c
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

#include "pl-csv-writer.h"
#include "pl-error.h"

#define FLUSH_SIZE (256 * 1024)

struct _PlCsvWriter
{
  char    *path;
  char    *tmp_path;
  int      fd;
  GString *buffer;
  gboolean first;     /* the next field starts a record */
};

/**
 * pl_csv_writer_new:
 *
 * Starts a file that will replace @path. The text begins with a UTF-8
 * byte order mark, without which Excel takes the file for the legacy
 * code page of Windows and garbles every accent and dash.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set.
 */
PlCsvWriter *
pl_csv_writer_new (const char  *path,
                   GError     **error)
{
  g_autoptr(PlCsvWriter) self = g_new0 (PlCsvWriter, 1);

  g_return_val_if_fail (path != NULL, NULL);

  self->fd = -1;
  self->path = g_strdup (path);
  self->tmp_path = g_strconcat (path, ".XXXXXX", NULL);

  /* mkstemp gives mode 0600: the file holds personal data. */
  self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   display, g_strerror (saved));
      g_clear_pointer (&self->tmp_path, g_free);
      return NULL;
    }

  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  g_string_append (self->buffer, "\xEF\xBB\xBF");
  self->first = TRUE;

  return g_steal_pointer (&self);
}

/* Leaves no temporary file behind when the export did not finish. */
void
pl_csv_writer_free (PlCsvWriter *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  if (self->buffer != NULL)
    g_string_free (self->buffer, TRUE);
  g_free (self);
}

static gboolean
set_write_error (PlCsvWriter  *self,
                 int           saved_errno,
                 GError      **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot write “%s”: %s"),
               display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
flush (PlCsvWriter  *self,
       GError      **error)
{
  gsize done = 0;

  while (done < self->buffer->len)
    {
      gssize n = write (self->fd, self->buffer->str + done, self->buffer->len - done);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return set_write_error (self, errno, error);
        }
      done += (gsize) n;
    }

  g_string_truncate (self->buffer, 0);
  return TRUE;
}

void
pl_csv_append_field (GString    *line,
                     const char *text,
                     gboolean    first)
{
  if (!first)
    g_string_append_c (line, ',');

  if (text == NULL || *text == '\0')
    return;

  /* A field that starts with U+FEFF is quoted too: at the start of a
   * file, a reader would take it for the byte order mark. */
  if (strpbrk (text, ",\"\r\n") == NULL && !g_str_has_prefix (text, "\xEF\xBB\xBF"))
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

void
pl_csv_writer_add (PlCsvWriter *self,
                   const char  *text)
{
  g_return_if_fail (self != NULL && self->fd >= 0);

  pl_csv_append_field (self->buffer, text, self->first);
  self->first = FALSE;
}

gboolean
pl_csv_writer_end_record (PlCsvWriter  *self,
                          GError      **error)
{
  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  g_string_append (self->buffer, "\r\n");
  self->first = TRUE;

  if (self->buffer->len >= FLUSH_SIZE)
    return flush (self, error);
  return TRUE;
}

/**
 * pl_csv_writer_finish:
 *
 * Writes what is left, makes it durable and puts the file in place.
 */
gboolean
pl_csv_writer_finish (PlCsvWriter  *self,
                      GError      **error)
{
  int fd;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  if (!flush (self, error))
    return FALSE;

  if (fsync (self->fd) != 0)
    return set_write_error (self, errno, error);

  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0)
    return set_write_error (self, errno, error);

  if (g_rename (self->tmp_path, self->path) != 0)
    return set_write_error (self, errno, error);

  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}
