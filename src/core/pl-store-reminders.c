/* pl-store-reminders.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-store-private.h"
#include "pl-store-reminders.h"

/* Milestones not done whose due date has come, of placements that still
 * go ahead. ?1 today, ?3 the cancelled status. */
static const char milestones_sql[] =
  "SELECT m.id, m.placement_id, coalesce(p.employer_id, 0), m.due, m.label, s.name, e.name"
  "  FROM milestone AS m"
  "  JOIN placement AS p ON p.id = m.placement_id"
  "  JOIN staff AS s ON s.id = p.staff_id"
  "  LEFT JOIN employer AS e ON e.id = p.employer_id"
  "  LEFT JOIN milestone_template AS t ON t.kind = m.kind"
  " WHERE m.done IS NULL AND m.due <= ?1 AND p.status <> ?3"
  " ORDER BY m.due, m.placement_id, coalesce(t.position, 0), m.id";

/* The follow-up of each employer's last contact (a later contact settles
 * an earlier one's follow-up, as the attention list has it), unless the
 * employer asked not to be contacted until after today. */
static const char follow_ups_sql[] =
  "SELECT c.id, e.id, c.follow_up, e.name"
  "  FROM employer AS e"
  "  JOIN contact AS c"
  "    ON c.id = (SELECT id FROM contact WHERE employer_id = e.id"
  "                ORDER BY contact_date DESC, id DESC LIMIT 1)"
  " WHERE c.follow_up IS NOT NULL AND c.follow_up <= ?1"
  "   AND (e.do_not_contact_before IS NULL OR e.do_not_contact_before <= ?1)"
  " ORDER BY c.follow_up, e.name, e.id";

/* Documents expiring from today to the horizon that no document of the
 * same kind for the same employer outlasts (a renewal settles them). */
static const char documents_sql[] =
  "SELECT d.id, e.id, d.expires_on, d.kind, e.name"
  "  FROM employer_document AS d"
  "  JOIN employer AS e ON e.id = d.employer_id"
  " WHERE d.expires_on >= ?1 AND d.expires_on <= ?2"
  "   AND NOT EXISTS (SELECT 1 FROM employer_document AS n"
  "                    WHERE n.employer_id = d.employer_id AND n.kind = d.kind"
  "                      AND n.expires_on > d.expires_on)"
  " ORDER BY d.expires_on, e.name, d.id";

/* Employers whose "do not contact before" date has come and whom nobody
 * has contacted since. */
static const char contactable_sql[] =
  "SELECT e.id, e.do_not_contact_before, e.name"
  "  FROM employer AS e"
  " WHERE e.do_not_contact_before IS NOT NULL AND e.do_not_contact_before <= ?1"
  "   AND NOT EXISTS (SELECT 1 FROM contact AS c"
  "                    WHERE c.employer_id = e.id AND c.contact_date >= e.do_not_contact_before)"
  " ORDER BY e.do_not_contact_before, e.name, e.id";

/* Employers whose last answer was "not this year" for a year, given on or
 * before ?2 (a term ago), asked nothing about a later year and not
 * contacted since, unless they asked not to be contacted yet. */
static const char ask_again_sql[] =
  "SELECT e.id, substr(a.updated_at, 1, 10), a.academic_year, e.name"
  "  FROM employer_appetite AS a"
  "  JOIN employer AS e ON e.id = a.employer_id"
  " WHERE a.state = 'not_this_year' AND substr(a.updated_at, 1, 10) <= ?2"
  "   AND NOT EXISTS (SELECT 1 FROM employer_appetite AS n"
  "                    WHERE n.employer_id = a.employer_id"
  "                      AND n.academic_year > a.academic_year)"
  "   AND NOT EXISTS (SELECT 1 FROM contact AS c"
  "                    WHERE c.employer_id = e.id"
  "                      AND c.contact_date >= substr(a.updated_at, 1, 10))"
  "   AND (e.do_not_contact_before IS NULL OR e.do_not_contact_before <= ?1)"
  " ORDER BY a.updated_at, e.name, e.id";

static PlStmt *
prepare (PlStore     *store,
         const char  *sql,
         const char  *today,
         const char  *horizon,
         GError     **error)
{
  PlStmt *stmt = pl_db_prepare (pl_store_get_db (store), sql, error);

  if (stmt == NULL)
    return NULL;

  pl_stmt_bind_text (stmt, 1, today);
  if (sql == documents_sql)
    pl_stmt_bind_text (stmt, 2, horizon);
  if (sql == ask_again_sql)
    {
      g_autofree char *cutoff = pl_date_iso_add_days (today, -PL_REMINDER_ASK_AGAIN_DAYS);

      pl_stmt_bind_text (stmt, 2, cutoff);
    }
  if (sql == milestones_sql)
    pl_stmt_bind_text (stmt, 3, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                                 PL_PLACEMENT_STATUS_CANCELLED));
  return stmt;
}

static PlReminder *
reminder_new (PlReminderKind  kind,
              const char     *date,
              const char     *today)
{
  PlReminder *item = g_new0 (PlReminder, 1);

  item->kind = kind;
  item->date = g_strdup (date);
  item->overdue = g_strcmp0 (date, today) < 0;
  return item;
}

static gboolean
read_rows (PlStore         *store,
           const char      *sql,
           const char      *today,
           const char      *horizon,
           PlReminderFunc   func,
           gpointer         user_data,
           GError         **error)
{
  g_autoptr(PlStmt) stmt = prepare (store, sql, today, horizon, error);
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return FALSE;

  while (pl_stmt_next (stmt, &failure))
    {
      PlReminder *item;

      if (sql == milestones_sql)
        {
          item = reminder_new (PL_REMINDER_MILESTONE, pl_stmt_get_text (stmt, 3), today);
          item->id = pl_stmt_get_int (stmt, 0);
          item->placement_id = pl_stmt_get_int (stmt, 1);
          item->employer_id = pl_stmt_get_int (stmt, 2);
          item->subject = pl_stmt_dup_text (stmt, 4);
          item->staff_name = pl_stmt_dup_text (stmt, 5);
          item->employer_name = pl_stmt_dup_text (stmt, 6);
        }
      else if (sql == follow_ups_sql)
        {
          item = reminder_new (PL_REMINDER_FOLLOW_UP, pl_stmt_get_text (stmt, 2), today);
          item->id = pl_stmt_get_int (stmt, 0);
          item->employer_id = pl_stmt_get_int (stmt, 1);
          item->employer_name = pl_stmt_dup_text (stmt, 3);
        }
      else if (sql == documents_sql)
        {
          item = reminder_new (PL_REMINDER_DOCUMENT, pl_stmt_get_text (stmt, 2), today);
          item->id = pl_stmt_get_int (stmt, 0);
          item->employer_id = pl_stmt_get_int (stmt, 1);
          item->subject = g_strdup (pl_enum_get_nick_label (PL_TYPE_DOCUMENT_KIND,
                                                            pl_stmt_get_text (stmt, 3)));
          item->employer_name = pl_stmt_dup_text (stmt, 4);
        }
      else if (sql == ask_again_sql)
        {
          g_autofree char *due = pl_date_iso_add_days (pl_stmt_get_text (stmt, 1),
                                                       PL_REMINDER_ASK_AGAIN_DAYS);
          gint64 year = pl_stmt_get_int (stmt, 2) + 1;

          item = reminder_new (PL_REMINDER_ASK_AGAIN, due, today);
          item->id = pl_stmt_get_int (stmt, 0);
          item->employer_id = item->id;
          item->subject = g_strdup_printf ("%" G_GINT64_FORMAT "/%02d", year,
                                           (int) ((year + 1) % 100));
          item->employer_name = pl_stmt_dup_text (stmt, 3);
        }
      else
        {
          item = reminder_new (PL_REMINDER_CONTACTABLE, pl_stmt_get_text (stmt, 1), today);
          item->id = pl_stmt_get_int (stmt, 0);
          item->employer_id = item->id;
          item->employer_name = pl_stmt_dup_text (stmt, 2);
        }

      func (item, user_data);
    }

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }

  return TRUE;
}

/**
 * pl_store_list_reminders:
 * @func: called with each reminder, which it takes
 *
 * Returns: %FALSE with @error set when the database cannot be read; what
 *   was given to @func before stays given
 */
gboolean
pl_store_list_reminders (PlStore         *store,
                         const char      *today,
                         const char      *horizon,
                         PlReminderFunc   func,
                         gpointer         user_data,
                         GError         **error)
{
  static const char * const queries[] = {
    milestones_sql, follow_ups_sql, documents_sql, contactable_sql, ask_again_sql,
  };
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && horizon != NULL && func != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (!read_rows (store, queries[i], today, horizon, func, user_data, &failure))
      {
        g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                     _("Cannot read what is due: %s"), failure->message);
        return FALSE;
      }

  return TRUE;
}
