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
#include "pl-store-ics.h"

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
  gint64       placement_id;  /* 0, or the one placement to write */
} Writer;

static void
write_placement_run (Writer               *writer,
                     const PlIcsPlacement *placement,
                     const GDate          *first,
                     const GDate          *after)
{
  GString *out = writer->out;
  PlPlacementStatus status = placement->status;
  g_autofree char *day = ical_date (first);
  g_autofree char *uid = g_strdup_printf ("placement-%" G_GINT64_FORMAT "-%s@placements",
                                          placement->id, day);
  g_autofree char *summary = NULL;
  g_autoptr(GString) location = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);

  if (placement->employer != NULL)
    /* TRANSLATORS: an event in an exported calendar; staff member, employer. */
    summary = g_strdup_printf (_("Industry placement: %s at %s"), placement->staff,
                               placement->employer);
  else
    summary = g_strdup_printf (_("Industry placement: %s"), placement->staff);

  if (placement->address != NULL)
    g_string_append (location, placement->address);
  if (placement->postcode != NULL)
    g_string_append_printf (location, "%s%s", location->len > 0 ? ", " : "", placement->postcode);

  g_string_append_printf (description, _("Sector: %s"), placement->sector);
  g_string_append_c (description, '\n');
  g_string_append_printf (description, _("Status: %s"),
                          pl_enum_get_label (PL_TYPE_PLACEMENT_STATUS, status));
  if (placement->partner != NULL)
    {
      g_string_append_c (description, '\n');
      g_string_append_printf (description, _("Partner: %s"), placement->partner);
    }

  g_string_append (out, "BEGIN:VEVENT\r\n");
  add_line (out, "UID", uid);
  add_stamp (out, placement->updated_at);
  add_date (out, "DTSTART", first);
  add_date (out, "DTEND", after);
  add_text (out, "SUMMARY", summary);
  add_text (out, "LOCATION", location->str);
  add_text (out, "DESCRIPTION", description->str);
  add_text (out, "CATEGORIES", placement->sector);
  /* Until the employer has confirmed, the days may still move. */
  add_line (out, "STATUS",
            status == PL_PLACEMENT_STATUS_REQUEST || status == PL_PLACEMENT_STATUS_PROPOSED ||
            status == PL_PLACEMENT_STATUS_AGREED ? "TENTATIVE" : "CONFIRMED");
  add_line (out, "TRANSP", "OPAQUE");
  g_string_append (out, "END:VEVENT\r\n");
}

/* Placements as all-day events, one per run of consecutive days: a
 * placement on Friday and Monday is two events, as it is two visits. */
static gboolean
write_placements (Writer  *writer,
                  GError **error)
{
  g_autoptr(GPtrArray) placements = NULL;

  placements = pl_store_ics_list_placements (writer->store, writer->owner_kind, writer->owner_id,
                                             error);
  if (placements == NULL)
    return FALSE;

  for (guint i = 0; i < placements->len; i++)
    {
      const PlIcsPlacement *placement = g_ptr_array_index (placements, i);
      g_auto(GStrv) days = pl_store_get_days (writer->store, placement->id);
      GDate first, after;
      gboolean open = FALSE;

      if (writer->placement_id != 0 && placement->id != writer->placement_id)
        continue;

      for (guint d = 0; days[d] != NULL; d++)
        {
          GDate day;

          if (!pl_date_parse (days[d], &day))
            continue;
          if (open && g_date_compare (&day, &after) == 0)
            {
              g_date_add_days (&after, 1);
              continue;
            }
          if (open)
            write_placement_run (writer, placement, &first, &after);
          first = after = day;
          g_date_add_days (&after, 1);
          open = TRUE;
        }
      if (open)
        write_placement_run (writer, placement, &first, &after);
    }

  return TRUE;
}

/* Milestones as to-dos, due on their day. */
static gboolean
write_milestones (Writer  *writer,
                  GError **error)
{
  g_autoptr(GPtrArray) milestones = NULL;

  milestones = pl_store_ics_list_milestones (writer->store, writer->owner_kind, writer->owner_id,
                                             error);
  if (milestones == NULL)
    return FALSE;

  for (guint i = 0; i < milestones->len; i++)
    {
      const PlIcsMilestone *milestone = g_ptr_array_index (milestones, i);
      GString *out = writer->out;
      g_autofree char *uid = g_strdup_printf ("milestone-%" G_GINT64_FORMAT "@placements",
                                              milestone->id);
      g_autofree char *summary = NULL;
      GDate due, done;

      if (writer->placement_id != 0 && milestone->placement_id != writer->placement_id)
        continue;
      if (!pl_date_parse (milestone->due, &due))
        continue;

      if (milestone->employer != NULL)
        /* TRANSLATORS: a to-do in an exported calendar: milestone (staff member, employer). */
        summary = g_strdup_printf (_("%s (%s, %s)"), milestone->label, milestone->staff,
                                   milestone->employer);
      else
        summary = g_strdup_printf (_("%s (%s)"), milestone->label, milestone->staff);

      g_string_append (out, "BEGIN:VTODO\r\n");
      add_line (out, "UID", uid);
      add_stamp (out, milestone->updated_at);
      add_date (out, "DUE", &due);
      add_text (out, "SUMMARY", summary);
      if (pl_date_parse (milestone->done, &done))
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

  return TRUE;
}

/* Exchange-group meetings of the groups the owner belongs to. */
static gboolean
write_meetings (Writer  *writer,
                GError **error)
{
  g_autoptr(GPtrArray) meetings = NULL;

  meetings = pl_store_ics_list_meetings (writer->store, writer->owner_kind, writer->owner_id,
                                         error);
  if (meetings == NULL)
    return FALSE;

  for (guint i = 0; i < meetings->len; i++)
    {
      const PlIcsMeeting *meeting = g_ptr_array_index (meetings, i);
      GString *out = writer->out;
      g_autofree char *uid = g_strdup_printf ("group-meeting-%" G_GINT64_FORMAT "@placements",
                                              meeting->id);
      /* TRANSLATORS: an event in an exported calendar; %s is the group's name. */
      g_autofree char *summary = g_strdup_printf (_("%s meeting"), meeting->group);
      GDate day, after;

      if (!pl_date_parse (meeting->date, &day))
        continue;
      after = day;
      g_date_add_days (&after, 1);

      g_string_append (out, "BEGIN:VEVENT\r\n");
      add_line (out, "UID", uid);
      add_stamp (out, meeting->updated_at);
      add_date (out, "DTSTART", &day);
      add_date (out, "DTEND", &after);
      add_text (out, "SUMMARY", summary);
      add_text (out, "LOCATION", meeting->place);
      add_text (out, "DESCRIPTION", meeting->notes);
      add_line (out, "TRANSP", "OPAQUE");
      g_string_append (out, "END:VEVENT\r\n");
    }

  return TRUE;
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
  const GType types[] = { G_TYPE_INVALID, PL_TYPE_PARTNER, PL_TYPE_EMPLOYER, PL_TYPE_STAFF };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *network = NULL;
  g_autofree char *calendar_name = NULL;
  Writer writer = { store, out, owner_kind, owner_id, 0 };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (owner_kind <= PL_OWNER_STAFF, NULL);

  network = pl_store_get_setting (store, "network_name");
  if (owner_kind == PL_OWNER_ALL)
    calendar_name = g_strdup (network != NULL ? network : "Placements");
  else
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(PlRecord) owner = pl_store_get (store, types[owner_kind], owner_id,
                                                &local_error);

      if (owner == NULL)
        {
          if (g_error_matches (local_error, PL_ERROR, PL_ERROR_NOT_FOUND))
            g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                         _("There is no %s with number %" G_GINT64_FORMAT),
                         pl_enum_get_label (PL_TYPE_OWNER_KIND, owner_kind), owner_id);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* TRANSLATORS: the name of an exported calendar: network — person or organisation. */
      calendar_name = g_strdup_printf (_("%s — %s"), network != NULL ? network : "Placements",
                                       pl_record_get_string (owner, "name"));
    }

  g_string_append (out, "BEGIN:VCALENDAR\r\n");
  add_line (out, "VERSION", "2.0");
  add_line (out, "PRODID", "-//Placements//Placements " PACKAGE_VERSION "//EN");
  add_line (out, "CALSCALE", "GREGORIAN");
  add_text (out, "X-WR-CALNAME", calendar_name);

  if (!write_placements (&writer, error) ||
      !write_milestones (&writer, error) ||
      !write_meetings (&writer, error))
    return NULL;

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

/**
 * pl_ics_export_placement:
 *
 * One placement's calendar, to send with its confirmation: its days as
 * events and its milestones as to-dos, written as pl_ics_export() writes
 * them (the same UIDs, so that an import of both does not double them).
 *
 * Returns: (transfer full): the iCalendar text (CRLF lines), or NULL
 */
char *
pl_ics_export_placement (PlStore  *store,
                         gint64    placement_id,
                         GError  **error)
{
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(PlRecord) staff = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *calendar_name = NULL;
  Writer writer = { store, out, PL_OWNER_STAFF, 0, placement_id };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!(placement = pl_store_get (store, PL_TYPE_PLACEMENT, placement_id, error)) ||
      !(staff = pl_store_get (store, PL_TYPE_STAFF, pl_record_get_int (placement, "staff_id"),
                              error)))
    return NULL;

  /* Every placement has a member of staff; an employer it may lack. */
  writer.owner_id = pl_record_get_id (staff);
  /* TRANSLATORS: the name of one placement's calendar; %s is the staff member. */
  calendar_name = g_strdup_printf (_("Industry placement: %s"), pl_record_get_string (staff, "name"));

  g_string_append (out, "BEGIN:VCALENDAR\r\n");
  add_line (out, "VERSION", "2.0");
  add_line (out, "PRODID", "-//Placements//Placements " PACKAGE_VERSION "//EN");
  add_line (out, "CALSCALE", "GREGORIAN");
  add_text (out, "X-WR-CALNAME", calendar_name);

  if (!write_placements (&writer, error) || !write_milestones (&writer, error))
    return NULL;

  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
