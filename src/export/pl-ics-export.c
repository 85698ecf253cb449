/* pl-ics-export.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-ics.h"
#include "pl-store-legacy-private.h"

/* The file is written here rather than through libical's serialiser so
 * that the output is exactly RFC 5545 and the same from one run to the
 * next: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
 * character, TEXT values escaped. DTSTAMP is each record's last change,
 * which is what the RFC asks of a calendar published without a METHOD. */

#define FOLD_OCTETS 75

/* Appends one content line, folded. */
static void
add_line (GString    *out,
          const char *name,
          const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  const char *p = line;
  gsize left = strlen (line);
  gsize room = FOLD_OCTETS;

  while (left > room)
    {
      gsize cut = room;

      /* Back off to the start of a UTF-8 character. */
      while (cut > 0 && ((guchar) p[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (out, p, cut);
      g_string_append (out, "\r\n ");
      p += cut;
      left -= cut;
      room = FOLD_OCTETS - 1;  /* the leading space counts */
    }

  g_string_append_len (out, p, left);
  g_string_append (out, "\r\n");
}

/* RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped. */
static char *
escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case ';': g_string_append (out, "\\;"); break;
      case ',': g_string_append (out, "\\,"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': break;
      default:
        /* Other control characters are not allowed in TEXT. */
        if ((guchar) *p >= 0x20 || *p == '\t')
          g_string_append_c (out, *p);
      }

  return g_string_free (out, FALSE);
}

static void
add_text (GString    *out,
          const char *name,
          const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;

  escaped = escape_text (text);
  add_line (out, name, escaped);
}

static char *
ical_date (const GDate *date)
{
  return g_strdup_printf ("%04u%02u%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
add_date (GString     *out,
          const char  *name,
          const GDate *date)
{
  g_autofree char *value = ical_date (date);
  g_autofree char *prop = g_strconcat (name, ";VALUE=DATE", NULL);

  add_line (out, prop, value);
}

/* A stored UTC timestamp (2026-11-22T10:15:00Z) as 20261122T101500Z. */
static void
add_stamp (GString    *out,
           const char *stamp)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *value = NULL;

  if (stamp != NULL)
    time = g_date_time_new_from_iso8601 (stamp, NULL);
  if (time == NULL)
    time = g_date_time_new_now_utc ();

  value = g_date_time_format (time, "%Y%m%dT%H%M%SZ");
  add_line (out, "DTSTAMP", value);
}

typedef struct
{
  PlStore     *store;
  GString     *out;
  PlOwnerKind  owner_kind;
  gint64       owner_id;
} Writer;

/* "WHERE …" for placements of the owner; ?1 is the owner's id. */
static const char *
placement_filter (PlOwnerKind kind)
{
  switch (kind)
    {
    case PL_OWNER_STAFF:
      return "p.staff_id = ?1";
    case PL_OWNER_EMPLOYER:
      return "p.employer_id = ?1";
    case PL_OWNER_PARTNER:
      return "s.partner_id = ?1";
    case PL_OWNER_ALL:
    default:
      return "?1 = 0";
    }
}

static sqlite3_stmt *
prepare (Writer      *writer,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = pl_store_get_sqlite (writer->store);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("The database could not be read: %s"),
                   sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, writer->owner_id);
  return stmt;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
write_placement_run (Writer       *writer,
                     sqlite3_stmt *row,
                     const GDate  *first,
                     const GDate  *after)
{
  GString *out = writer->out;
  gint64 id = sqlite3_column_int64 (row, 0);
  const char *staff = column_text (row, 1);
  const char *employer = column_text (row, 2);
  const char *status = column_text (row, 6);
  g_autofree char *day = ical_date (first);
  g_autofree char *uid = g_strdup_printf ("placement-%" G_GINT64_FORMAT "-%s@placements", id, day);
  g_autofree char *summary = NULL;
  g_autoptr(GString) location = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);

  if (employer != NULL)
    /* TRANSLATORS: an event in an exported calendar; staff member, employer. */
    summary = g_strdup_printf (_("Industry placement: %s at %s"), staff, employer);
  else
    summary = g_strdup_printf (_("Industry placement: %s"), staff);

  if (column_text (row, 3) != NULL)
    g_string_append (location, column_text (row, 3));
  if (column_text (row, 4) != NULL)
    g_string_append_printf (location, "%s%s", location->len > 0 ? ", " : "", column_text (row, 4));

  g_string_append_printf (description, _("Sector: %s"), column_text (row, 5));
  g_string_append_c (description, '\n');
  g_string_append_printf (description, _("Status: %s"), pl_enum_label (status));
  if (column_text (row, 8) != NULL)
    {
      g_string_append_c (description, '\n');
      g_string_append_printf (description, _("Partner: %s"), column_text (row, 8));
    }

  g_string_append (out, "BEGIN:VEVENT\r\n");
  add_line (out, "UID", uid);
  add_stamp (out, column_text (row, 7));
  add_date (out, "DTSTART", first);
  add_date (out, "DTEND", after);
  add_text (out, "SUMMARY", summary);
  add_text (out, "LOCATION", location->str);
  add_text (out, "DESCRIPTION", description->str);
  add_text (out, "CATEGORIES", column_text (row, 5));
  /* Until the employer has confirmed, the days may still move. */
  add_line (out, "STATUS",
            g_str_equal (status, "request") || g_str_equal (status, "proposed") ||
            g_str_equal (status, "agreed") ? "TENTATIVE" : "CONFIRMED");
  add_line (out, "TRANSP", "OPAQUE");
  g_string_append (out, "END:VEVENT\r\n");
}

/* Placements as all-day events, one per run of consecutive days: a
 * placement on Friday and Monday is two events, as it is two visits. */
static gboolean
write_placements (Writer  *writer,
                  GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(sqlite3_stmt) days = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT p.id, s.name, e.name, e.address, e.postcode, sec.name, p.status,"
                         " p.updated_at, pa.name"
                         " FROM placement p"
                         " JOIN staff s ON s.id = p.staff_id"
                         " JOIN sector sec ON sec.id = p.sector_id"
                         " LEFT JOIN employer e ON e.id = p.employer_id"
                         " LEFT JOIN partner pa ON pa.id = s.partner_id"
                         " WHERE p.status <> 'cancelled' AND %s"
                         " AND EXISTS (SELECT 1 FROM placement_day d WHERE d.placement_id = p.id)"
                         " ORDER BY (SELECT min(day) FROM placement_day d"
                         "           WHERE d.placement_id = p.id), p.id",
                         placement_filter (writer->owner_kind));
  if (!(rows = prepare (writer, sql, error)))
    return FALSE;
  if (!(days = prepare (writer, "SELECT day FROM placement_day WHERE placement_id = ?1"
                                " ORDER BY day", error)))
    return FALSE;

  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      GDate first, after;
      gboolean open = FALSE;

      sqlite3_reset (days);
      sqlite3_bind_int64 (days, 1, sqlite3_column_int64 (rows, 0));
      while (sqlite3_step (days) == SQLITE_ROW)
        {
          GDate day;

          if (!pl_date_parse (column_text (days, 0), &day))
            continue;
          if (open && g_date_compare (&day, &after) == 0)
            {
              g_date_add_days (&after, 1);
              continue;
            }
          if (open)
            write_placement_run (writer, rows, &first, &after);
          first = after = day;
          g_date_add_days (&after, 1);
          open = TRUE;
        }
      if (open)
        write_placement_run (writer, rows, &first, &after);
    }

  return rc == SQLITE_DONE;
}

/* Milestones as to-dos, due on their day. */
static gboolean
write_milestones (Writer  *writer,
                  GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT m.id, m.label, m.due, m.done, m.updated_at, s.name, e.name"
                         " FROM milestone m"
                         " JOIN placement p ON p.id = m.placement_id"
                         " JOIN staff s ON s.id = p.staff_id"
                         " LEFT JOIN employer e ON e.id = p.employer_id"
                         " WHERE p.status <> 'cancelled' AND %s"
                         " ORDER BY m.due, m.id",
                         placement_filter (writer->owner_kind));
  if (!(rows = prepare (writer, sql, error)))
    return FALSE;

  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      GString *out = writer->out;
      g_autofree char *uid = g_strdup_printf ("milestone-%" G_GINT64_FORMAT "@placements",
                                              (gint64) sqlite3_column_int64 (rows, 0));
      g_autofree char *summary = NULL;
      GDate due, done;

      if (!pl_date_parse (column_text (rows, 2), &due))
        continue;

      if (column_text (rows, 6) != NULL)
        /* TRANSLATORS: a to-do in an exported calendar: milestone (staff member, employer). */
        summary = g_strdup_printf (_("%s (%s, %s)"), column_text (rows, 1), column_text (rows, 5),
                                   column_text (rows, 6));
      else
        summary = g_strdup_printf (_("%s (%s)"), column_text (rows, 1), column_text (rows, 5));

      g_string_append (out, "BEGIN:VTODO\r\n");
      add_line (out, "UID", uid);
      add_stamp (out, column_text (rows, 4));
      add_date (out, "DUE", &due);
      add_text (out, "SUMMARY", summary);
      if (pl_date_parse (column_text (rows, 3), &done))
        {
          g_autofree char *day = ical_date (&done);
          g_autofree char *completed = g_strconcat (day, "T120000Z", NULL);

          add_line (out, "STATUS", "COMPLETED");
          add_line (out, "COMPLETED", completed);
        }
      else
        add_line (out, "STATUS", "NEEDS-ACTION");
      g_string_append (out, "END:VTODO\r\n");
    }

  return rc == SQLITE_DONE;
}

/* Exchange-group meetings of the groups the owner belongs to. */
static gboolean
write_meetings (Writer  *writer,
                GError **error)
{
  const char *filter;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  int rc;

  switch (writer->owner_kind)
    {
    case PL_OWNER_STAFF:
      filter = "EXISTS (SELECT 1 FROM group_member gm WHERE gm.group_id = g.id"
               " AND gm.staff_id = ?1)";
      break;
    case PL_OWNER_PARTNER:
      filter = "EXISTS (SELECT 1 FROM group_member gm JOIN staff s ON s.id = gm.staff_id"
               " WHERE gm.group_id = g.id AND s.partner_id = ?1)";
      break;
    case PL_OWNER_EMPLOYER:
      /* Employers are not members of practitioner groups. */
      return TRUE;
    case PL_OWNER_ALL:
    default:
      filter = "?1 = 0";
      break;
    }

  sql = g_strdup_printf ("SELECT m.id, g.name, m.meeting_date, m.place, m.notes, m.updated_at"
                         " FROM group_meeting m JOIN exchange_group g ON g.id = m.group_id"
                         " WHERE %s ORDER BY m.meeting_date, m.id",
                         filter);
  if (!(rows = prepare (writer, sql, error)))
    return FALSE;

  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      GString *out = writer->out;
      g_autofree char *uid = g_strdup_printf ("group-meeting-%" G_GINT64_FORMAT "@placements",
                                              (gint64) sqlite3_column_int64 (rows, 0));
      /* TRANSLATORS: an event in an exported calendar; %s is the group's name. */
      g_autofree char *summary = g_strdup_printf (_("%s meeting"), column_text (rows, 1));
      GDate day, after;

      if (!pl_date_parse (column_text (rows, 2), &day))
        continue;
      after = day;
      g_date_add_days (&after, 1);

      g_string_append (out, "BEGIN:VEVENT\r\n");
      add_line (out, "UID", uid);
      add_stamp (out, column_text (rows, 5));
      add_date (out, "DTSTART", &day);
      add_date (out, "DTEND", &after);
      add_text (out, "SUMMARY", summary);
      add_text (out, "LOCATION", column_text (rows, 3));
      add_text (out, "DESCRIPTION", column_text (rows, 4));
      add_line (out, "TRANSP", "OPAQUE");
      g_string_append (out, "END:VEVENT\r\n");
    }

  return rc == SQLITE_DONE;
}

/**
 * pl_ics_export:
 *
 * Returns: (transfer full): the calendar as iCalendar text
 */
char *
pl_ics_export (PlStore      *store,
               PlOwnerKind   owner_kind,
               gint64        owner_id,
               GError      **error)
{
  static const char * const tables[] = { NULL, "partner", "employer", "staff" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *network = NULL;
  g_autofree char *calendar_name = NULL;
  Writer writer = { store, out, owner_kind, owner_id };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (owner_kind <= PL_OWNER_STAFF, NULL);

  network = pl_store_get_setting (store, "network_name");
  if (owner_kind == PL_OWNER_ALL)
    calendar_name = g_strdup (network != NULL ? network : "Placements");
  else
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM %s WHERE id = ?1",
                                              tables[owner_kind]);
      g_autoptr(sqlite3_stmt) stmt = prepare (&writer, sql, error);

      if (stmt == NULL)
        return NULL;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                       _("There is no %s with number %" G_GINT64_FORMAT),
                       pl_enum_label (tables[owner_kind]), owner_id);
          return NULL;
        }
      /* TRANSLATORS: the name of an exported calendar: network — person or organisation. */
      calendar_name = g_strdup_printf (_("%s — %s"), network != NULL ? network : "Placements",
                                       column_text (stmt, 0));
    }

  g_string_append (out, "BEGIN:VCALENDAR\r\n");
  add_line (out, "VERSION", "2.0");
  add_line (out, "PRODID", "-//Placements//Placements " PACKAGE_VERSION "//EN");
  add_line (out, "CALSCALE", "GREGORIAN");
  add_text (out, "X-WR-CALNAME", calendar_name);

  if (!write_placements (&writer, error) ||
      !write_milestones (&writer, error) ||
      !write_meetings (&writer, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("The database could not be read: %s"),
                     sqlite3_errmsg (pl_store_get_sqlite (store)));
      return NULL;
    }

  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
pl_ics_export_file (PlStore      *store,
                    const char   *path,
                    PlOwnerKind   owner_kind,
                    gint64        owner_id,
                    GError      **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(text = pl_ics_export (store, owner_kind, owner_id, error)))
    return FALSE;

  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}
