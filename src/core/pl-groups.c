/* pl-groups.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-groups"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-groups.h"
#include "pl-store-private.h"

/* ------------------------------------------------------------------------
 * Meetings of a period
 */

G_DEFINE_BOXED_TYPE (PlGroupMeetingEvent, pl_group_meeting_event,
                     pl_group_meeting_event_copy, pl_group_meeting_event_free)

/**
 * pl_group_meeting_event_copy:
 *
 * Returns: (transfer full): a copy of @self
 */
PlGroupMeetingEvent *
pl_group_meeting_event_copy (const PlGroupMeetingEvent *self)
{
  PlGroupMeetingEvent *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PlGroupMeetingEvent, 1);
  copy->meeting_id = self->meeting_id;
  copy->group_id = self->group_id;
  copy->date = g_strdup (self->date);
  copy->group_name = g_strdup (self->group_name);
  copy->area = self->area;
  copy->place = g_strdup (self->place);
  copy->notes = g_strdup (self->notes);

  return copy;
}

void
pl_group_meeting_event_free (PlGroupMeetingEvent *self)
{
  if (self == NULL)
    return;

  g_free (self->date);
  g_free (self->group_name);
  g_free (self->place);
  g_free (self->notes);
  g_free (self);
}

/* Sets @error to a sentence with the reason of @failure; returns FALSE. */
static gboolean
read_failed (GError       **error,
             const GError  *failure)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot read the exchange groups: %s"),
               failure->message);
  return FALSE;
}

static gboolean
check_bound (const char  *date,
             GError     **error)
{
  if (date == NULL || pl_date_is_iso (date))
    return TRUE;

  g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
               _("“%s” is not a date (YYYY-MM-DD)."), date);
  return FALSE;
}

/**
 * pl_groups_meetings_between:
 * @from: (nullable): first day, ISO, inclusive; %NULL for no limit
 * @to: (nullable): day after the last, ISO, exclusive; %NULL for no limit
 *
 * The meetings of every exchange group in [@from, @to), in date order
 * (then group name), with the group's name and area: what the Calendar
 * page draws and what the .ics export writes.
 *
 * Returns: (transfer full) (element-type PlGroupMeetingEvent): the
 *   meetings, or %NULL with @error set
 */
GPtrArray *
pl_groups_meetings_between (PlStore     *store,
                            const char  *from,
                            const char  *to,
                            GError     **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!check_bound (from, error) || !check_bound (to, error))
    return NULL;

  /* Only the bounds given appear in the query, so that the database can
   * use the index on meeting_date for them. */
  sql = g_string_new ("SELECT m.id, m.group_id, m.meeting_date, g.name, g.area, m.place, m.notes"
                      " FROM group_meeting AS m JOIN exchange_group AS g ON g.id = m.group_id"
                      " WHERE TRUE");
  if (from != NULL)
    g_string_append (sql, " AND m.meeting_date >= ?1");
  if (to != NULL)
    g_string_append (sql, " AND m.meeting_date < ?2");
  g_string_append_printf (sql, " ORDER BY m.meeting_date, g.name %s, m.id",
                          pl_db_sql (pl_store_get_db (store), PL_DB_SQL_NOCASE));

  stmt = pl_db_prepare (pl_store_get_db (store), sql->str, &failure);
  if (stmt == NULL)
    {
      read_failed (error, failure);
      return NULL;
    }

  if (from != NULL)
    pl_stmt_bind_text (stmt, 1, from);
  if (to != NULL)
    pl_stmt_bind_text (stmt, 2, to);

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_group_meeting_event_free);
  while (pl_stmt_next (stmt, &failure))
    {
      PlGroupMeetingEvent *event = g_new0 (PlGroupMeetingEvent, 1);
      int area = 0;

      event->meeting_id = pl_stmt_get_int (stmt, 0);
      event->group_id = pl_stmt_get_int (stmt, 1);
      event->date = pl_stmt_dup_text (stmt, 2);
      event->group_name = pl_stmt_dup_text (stmt, 3);
      /* The schema allows only the nicks of the areas. */
      pl_enum_from_nick (PL_TYPE_GROUP_AREA, pl_stmt_get_text (stmt, 4), &area);
      event->area = area;
      event->place = pl_stmt_dup_text (stmt, 5);
      event->notes = pl_stmt_dup_text (stmt, 6);
      g_ptr_array_add (events, event);
    }

  if (failure != NULL)
    {
      read_failed (error, failure);
      return NULL;
    }

  return g_steal_pointer (&events);
}

/**
 * pl_groups_meeting_dates:
 * @today: ISO date
 *
 * For each group that has meetings, the date to show beside it in a list:
 * its next meeting on or after @today, or its last one when all are past.
 * The caller tells the two apart by comparing with @today.
 *
 * Returns: (transfer full) (element-type gint64 utf8): group id → ISO
 *   date, or %NULL with @error set
 */
GHashTable *
pl_groups_meeting_dates (PlStore     *store,
                         const char  *today,
                         GError     **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GHashTable) dates = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!check_bound (today, error))
    return NULL;

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT group_id, coalesce(min(CASE WHEN meeting_date >= ?1"
                        "                               THEN meeting_date END),"
                        "                          max(meeting_date))"
                        " FROM group_meeting GROUP BY group_id",
                        &failure);
  if (stmt == NULL)
    {
      read_failed (error, failure);
      return NULL;
    }
  pl_stmt_bind_text (stmt, 1, today);

  dates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while (pl_stmt_next (stmt, &failure))
    {
      gint64 *id = g_new (gint64, 1);

      *id = pl_stmt_get_int (stmt, 0);
      g_hash_table_insert (dates, id, pl_stmt_dup_text (stmt, 1));
    }

  if (failure != NULL)
    {
      read_failed (error, failure);
      return NULL;
    }

  return g_steal_pointer (&dates);
}

/* ------------------------------------------------------------------------
 * Duplicate
 */

static gboolean
name_taken (PlStore    *store,
            const char *name)
{
  g_autoptr(PlRecord) existing = pl_store_find_by_name (store, PL_TYPE_GROUP, name, NULL);

  return existing != NULL;
}

static char *
copy_name (PlStore    *store,
           const char *name)
{
  /* TRANSLATORS: the name of a duplicated exchange group */
  char *candidate = g_strdup_printf (_("%s (copy)"), name);

  for (guint n = 2; name_taken (store, candidate); n++)
    {
      g_free (candidate);
      /* TRANSLATORS: the name of a duplicated exchange group when
       * “Name (copy)” is taken already */
      candidate = g_strdup_printf (_("%s (copy %u)"), name, n);
    }

  return candidate;
}

/**
 * pl_group_duplicate:
 *
 * Starts a new group from an existing one, for the next wave of the same
 * theme: same area, wave, aim, facilitator, notes and members, named
 * “Name (copy)”. Meetings and outcomes stay with the original: they are
 * what that group did. One transaction.
 *
 * Returns: the id of the new group, or 0 with @error set
 */
gint64
pl_group_duplicate (PlStore  *store,
                    gint64    group_id,
                    GError  **error)
{
  static const char * const copied[] = { "area", "aim", "facilitator", "notes" };
  g_autoptr(PlRecord) group = NULL;
  g_autoptr(PlRecord) copy = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), 0);

  if (!(group = pl_store_get (store, PL_TYPE_GROUP, group_id, error)))
    return 0;

  name = copy_name (store, pl_record_get_string (group, "name"));
  copy = pl_record_new (PL_TYPE_GROUP);
  pl_record_set_string (copy, "name", name);
  pl_record_set_int (copy, "wave", pl_record_get_int (group, "wave"));
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    pl_record_set_string (copy, copied[i], pl_record_get_string (group, copied[i]));

  if (!pl_store_begin (store, error))
    return 0;

  if (!pl_store_insert (store, copy, error))
    goto failed;

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "INSERT INTO group_member (group_id, staff_id, role)"
                        " SELECT ?1, staff_id, role FROM group_member WHERE group_id = ?2"
                        " ORDER BY id",
                        &failure);
  if (stmt == NULL)
    {
      read_failed (error, failure);
      goto failed;
    }
  pl_stmt_bind_int (stmt, 1, pl_record_get_id (copy));
  pl_stmt_bind_int (stmt, 2, group_id);
  if (!pl_stmt_run (stmt, &failure))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot copy the members: %s"),
                   failure->message);
      goto failed;
    }

  if (!pl_store_commit (store, error))
    return 0;

  return pl_record_get_id (copy);

failed:
  pl_store_rollback (store);
  return 0;
}

/* ------------------------------------------------------------------------
 * Outcome links
 */

static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme;
  const char *host;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && host != NULL && *host != '\0';
}

/**
 * pl_outcome_link_to_uri:
 * @link: what was typed as the outcome's link or file
 *
 * An outcome is a report or a resource shared with others: on the web, or
 * a file on a shared drive. This says which, and how to open it.
 *
 * Returns: (transfer full): the URI, or %NULL with %PL_ERROR_INVALID
 */
char *
pl_outcome_link_to_uri (const char  *link,
                        GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (link != NULL, NULL);

  text = g_strstrip (g_strdup (link));

  if (g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://") ||
      g_str_has_prefix (text, "HTTP://") || g_str_has_prefix (text, "HTTPS://"))
    {
      if (strpbrk (text, " \t\r\n") == NULL && is_web_address (text))
        return g_steal_pointer (&text);
    }
  else if (g_str_has_prefix (text, "file://"))
    {
      g_autofree char *path = g_filename_from_uri (text, NULL, NULL);

      if (path != NULL)
        return g_steal_pointer (&text);
    }
  else if (g_path_is_absolute (text))
    return g_filename_to_uri (text, NULL, error);
  else if (g_str_has_prefix (text, "~/"))
    {
      g_autofree char *path = g_build_filename (g_get_home_dir (), text + 2, NULL);

      return g_filename_to_uri (path, NULL, error);
    }

  g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
               _("“%s” is neither a web address (https://…) nor the full path of a file."),
               link);
  return NULL;
}
