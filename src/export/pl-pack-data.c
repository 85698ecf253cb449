/* pl-pack-data.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-pack-data.h"
#include "pl-stats.h"
#include "pl-store-legacy-private.h"

/* What an employer pack says about its employer, read once. "Coming"
 * placements are those on their way to happening (request to confirmed)
 * whose last day, if they have days yet, is today or later. */

static const char employer_sql[] =
  "SELECT e.name, sec.name, e.contact_name, e.contact_email, e.contact_phone, e.notice_weeks,"
  "       s.name, s.job_title, s.email, s.phone, s.partner_id"
  " FROM employer e JOIN sector sec ON sec.id = e.sector_id"
  " LEFT JOIN staff s ON s.id = e.owner_id"
  " WHERE e.id = ?1";

static const char visitors_sql[] =
  "WITH v AS ("
  "  SELECT p.id, s.name AS staff_name, s.job_title, pa.name AS partner_name, pa.id AS partner_id,"
  "         p.status, p.aims, p.goals, p.sector_priority, p.equality_aims,"
  "         (SELECT min(day) FROM placement_day d WHERE d.placement_id = p.id) AS first_day,"
  "         (SELECT max(day) FROM placement_day d WHERE d.placement_id = p.id) AS last_day"
  "  FROM placement p JOIN staff s ON s.id = p.staff_id JOIN partner pa ON pa.id = s.partner_id"
  "  WHERE p.employer_id = ?1 AND p.status IN ('request', 'proposed', 'agreed', 'confirmed'))"
  "SELECT id, staff_name, job_title, partner_name, partner_id, status, aims, goals,"
  "       sector_priority, equality_aims"
  " FROM v WHERE last_day IS NULL OR last_day >= ?2"
  " ORDER BY first_day IS NULL, first_day, staff_name, id";

static const char partner_sql[] =
  "SELECT name, contact_name, contact_email, contact_phone FROM partner WHERE id = ?1";

/* When neither the relationship owner nor a visitor names a college, the
 * guide comes from the lead partner (or the first one there is). */
static const char fallback_partner_sql[] =
  "SELECT id FROM partner ORDER BY status = 'active' DESC, is_lead DESC, id LIMIT 1";

static const char milestones_sql[] =
  "SELECT kind, label, due, done FROM milestone WHERE placement_id = ?1 ORDER BY due, id";

static const char periods_sql[] =
  "SELECT kind, label, start_date, end_date, owner_kind = 'employer' FROM calendar_period"
  " WHERE end_date >= ?1 AND start_date <= ?2"
  "   AND ((owner_kind = 'all' AND kind IN ('holiday', 'exam', 'inset'))"
  "     OR (owner_kind = 'partner' AND partner_id = ?3 AND kind IN ('holiday', 'exam', 'inset'))"
  "     OR (owner_kind = 'employer' AND employer_id = ?4 AND kind IN ('busy', 'blackout')))"
  " ORDER BY start_date, end_date, id";

static const char steps_sql[] =
  "SELECT kind, label, anchor, offset, unit FROM milestone_template ORDER BY position, id";

/* One example a sector, from placements that took place: the most complete
 * story first (evaluated, then cascaded, then completed), then the latest.
 * The employer's own sector leads. */
static const char examples_sql[] =
  "WITH took AS ("
  "  SELECT p.*, sec.name AS sector_name, s.job_title, s.name AS staff_name,"
  "         e.name AS employer_name,"
  "         (SELECT count(*) FROM placement_day d WHERE d.placement_id = p.id) AS n_days,"
  "         (SELECT max(day) FROM placement_day d WHERE d.placement_id = p.id) AS last_day"
  "  FROM placement p JOIN sector sec ON sec.id = p.sector_id JOIN staff s ON s.id = p.staff_id"
  "  LEFT JOIN employer e ON e.id = p.employer_id"
  "  WHERE p.status IN ('completed', 'cascaded', 'evaluated')),"
  " ranked AS ("
  "  SELECT took.*, count(*) OVER (PARTITION BY sector_id) AS in_sector,"
  "         row_number () OVER (PARTITION BY sector_id"
  "           ORDER BY ifnull(reflection_students, '') = '',"
  "                    CASE status WHEN 'evaluated' THEN 0 WHEN 'cascaded' THEN 1 ELSE 2 END,"
  "                    last_day DESC, id) AS rank"
  "  FROM took)"
  "SELECT sector_name, in_sector, job_title, CASE WHEN n_days > 0 THEN n_days ELSE length END,"
  "       goals, reflection_students, staff_name, employer_name"
  " FROM ranked WHERE rank = 1"
  " ORDER BY sector_id = (SELECT sector_id FROM employer WHERE id = ?1) DESC,"
  "          in_sector DESC, sector_name";

static const char hosting_sql[] =
  "SELECT e.id FROM employer e"
  " WHERE EXISTS (SELECT 1 FROM placement p WHERE p.employer_id = e.id AND p.status <> 'cancelled')"
  " ORDER BY e.name COLLATE NOCASE, e.id";

static void
visitor_free (PlPackVisitor *v)
{
  g_free (v->staff_name);
  g_free (v->job_title);
  g_free (v->partner_name);
  g_free (v->status);
  g_strfreev (v->days);
  g_free (v->goals);
  g_free (v->sector_priority);
  g_free (v->equality_aims);
  g_free (v);
}

static void
milestone_free (PlPackMilestone *m)
{
  g_free (m->kind);
  g_free (m->label);
  g_free (m->due);
  g_free (m->done);
  g_free (m);
}

static void
period_free (PlPackPeriod *p)
{
  g_free (p->kind);
  g_free (p->label);
  g_free (p->start);
  g_free (p->end);
  g_free (p);
}

static void
step_free (PlPackStep *s)
{
  g_free (s->kind);
  g_free (s->label);
  g_free (s->anchor);
  g_free (s->unit);
  g_free (s);
}

static void
example_free (PlPackExample *e)
{
  g_free (e->sector);
  g_free (e->job_title);
  g_free (e->goals);
  g_free (e->change);
  g_free (e);
}

void
pl_pack_data_free (PlPackData *data)
{
  if (data == NULL)
    return;

  g_free (data->employer);
  g_free (data->sector);
  g_free (data->contact_name);
  g_free (data->contact_email);
  g_free (data->contact_phone);
  g_free (data->owner_name);
  g_free (data->owner_role);
  g_free (data->owner_email);
  g_free (data->owner_phone);
  g_free (data->partner_name);
  g_free (data->partner_contact);
  g_free (data->partner_email);
  g_free (data->partner_phone);
  g_free (data->network_name);
  g_free (data->logo_path);
  g_clear_pointer (&data->stats, json_node_unref);
  g_clear_pointer (&data->visitors, g_ptr_array_unref);
  g_clear_pointer (&data->milestones, g_ptr_array_unref);
  g_clear_pointer (&data->periods, g_ptr_array_unref);
  g_clear_pointer (&data->steps, g_ptr_array_unref);
  g_clear_pointer (&data->examples, g_ptr_array_unref);
  g_free (data);
}

/* A column as a new string, NULL when NULL or blank. */
static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static sqlite3_stmt *
prepare (PlStore     *store,
         const char  *sql,
         GError     **error)
{
  sqlite3 *db = pl_store_get_sqlite (store);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot read the employer pack's data from %s: %s"),
                   pl_store_get_path (store), sqlite3_errmsg (db));
      return NULL;
    }

  return stmt;
}

static gboolean
step_done (PlStore       *store,
           sqlite3_stmt  *stmt,
           int            rc,
           GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
               _("Cannot read the employer pack's data from %s: %s"),
               pl_store_get_path (store), sqlite3_errmsg (pl_store_get_sqlite (store)));
  return FALSE;
}

/* Replaces each case-insensitive, whole-word occurrence of @name in @text
 * by @by, so that examples shown to other employers name neither the
 * teacher nor the host (transfer full). */
static char *
scrub (const char *text,
       const char *name,
       const char *by)
{
  g_autofree char *folded_text = NULL;
  g_autofree char *folded_name = NULL;
  GString *out;
  gsize name_len;
  const char *p;
  const char *hit;

  if (text == NULL || name == NULL || name[0] == '\0')
    return g_strdup (text);

  /* ASCII folding keeps byte offsets equal between the two strings. */
  folded_text = g_ascii_strdown (text, -1);
  folded_name = g_ascii_strdown (name, -1);
  name_len = strlen (folded_name);
  out = g_string_new (NULL);
  p = folded_text;
  for (const char *from = p; (hit = strstr (from, folded_name)) != NULL; )
    {
      gboolean starts = hit == folded_text || !g_ascii_isalnum (hit[-1]);
      gboolean ends = !g_ascii_isalnum (hit[name_len]);

      if (!starts || !ends)
        {
          from = hit + 1;
          continue;
        }
      g_string_append_len (out, text + (p - folded_text), hit - p);
      g_string_append (out, by);
      p = from = hit + name_len;
    }
  g_string_append (out, text + (p - folded_text));

  return g_string_free (out, FALSE);
}

static char *
anonymise (const char *text,
           const char *staff_name,
           const char *employer_name)
{
  g_autofree char *without_employer = scrub (text, employer_name, _("the host"));
  g_autofree char *without_staff = scrub (without_employer, staff_name, _("the teacher"));
  g_auto(GStrv) names = staff_name != NULL ? g_strsplit (staff_name, " ", -1) : NULL;
  char *out = g_steal_pointer (&without_staff);

  /* A first or last name on its own gives the teacher away too. */
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (strlen (names[i]) < 3)
        continue;
      {
        g_autofree char *previous = out;
        out = scrub (previous, names[i], _("the teacher"));
      }
    }

  return out;
}

static gboolean
load_employer (PlPackData  *data,
               PlStore     *store,
               gint64      *owner_partner,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (store, employer_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->employer_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no employer with id %" G_GINT64_FORMAT "."), data->employer_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return step_done (store, stmt, rc, error);

  data->employer = column_text (stmt, 0);
  data->sector = column_text (stmt, 1);
  data->contact_name = column_text (stmt, 2);
  data->contact_email = column_text (stmt, 3);
  data->contact_phone = column_text (stmt, 4);
  data->notice_weeks = sqlite3_column_int (stmt, 5);
  data->owner_name = column_text (stmt, 6);
  data->owner_role = column_text (stmt, 7);
  data->owner_email = column_text (stmt, 8);
  data->owner_phone = column_text (stmt, 9);
  *owner_partner = sqlite3_column_int64 (stmt, 10);

  return TRUE;
}

static gboolean
load_visitors (PlPackData  *data,
               PlStore     *store,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (store, visitors_sql, error);
  g_autofree char *today = pl_date_to_iso (&data->today);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->employer_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlPackVisitor *v = g_new0 (PlPackVisitor, 1);

      v->placement_id = sqlite3_column_int64 (stmt, 0);
      v->staff_name = column_text (stmt, 1);
      v->job_title = column_text (stmt, 2);
      v->partner_name = column_text (stmt, 3);
      v->partner_id = sqlite3_column_int64 (stmt, 4);
      v->status = column_text (stmt, 5);
      v->aims = (guint) sqlite3_column_int (stmt, 6);
      v->goals = column_text (stmt, 7);
      v->sector_priority = column_text (stmt, 8);
      v->equality_aims = column_text (stmt, 9);
      v->days = pl_store_get_days (store, v->placement_id);
      g_ptr_array_add (data->visitors, v);

      if (data->next == NULL && v->days[0] != NULL)
        data->next = v;
    }

  return step_done (store, stmt, rc, error);
}

static gboolean
load_partner (PlPackData  *data,
              PlStore     *store,
              gint64       partner_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (partner_id == 0)
    {
      g_autoptr(sqlite3_stmt) fallback = prepare (store, fallback_partner_sql, error);

      if (fallback == NULL)
        return FALSE;
      rc = sqlite3_step (fallback);
      if (rc != SQLITE_ROW)
        return step_done (store, fallback, rc, error);
      partner_id = sqlite3_column_int64 (fallback, 0);
    }

  if ((stmt = prepare (store, partner_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, partner_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return step_done (store, stmt, rc, error);

  data->partner_name = column_text (stmt, 0);
  data->partner_contact = column_text (stmt, 1);
  data->partner_email = column_text (stmt, 2);
  data->partner_phone = column_text (stmt, 3);
  return TRUE;
}

static gboolean
load_timeline (PlPackData  *data,
               PlStore     *store,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) steps = prepare (store, steps_sql, error);
  g_autoptr(sqlite3_stmt) milestones = NULL;
  g_autoptr(sqlite3_stmt) periods = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int rc;

  if (steps == NULL)
    return FALSE;
  while ((rc = sqlite3_step (steps)) == SQLITE_ROW)
    {
      PlPackStep *s = g_new0 (PlPackStep, 1);

      s->kind = column_text (steps, 0);
      s->label = column_text (steps, 1);
      s->anchor = column_text (steps, 2);
      s->offset = sqlite3_column_int (steps, 3);
      s->unit = column_text (steps, 4);
      g_ptr_array_add (data->steps, s);
    }
  if (!step_done (store, steps, rc, error))
    return FALSE;

  if (data->next == NULL)
    return TRUE;

  if ((milestones = prepare (store, milestones_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (milestones, 1, data->next->placement_id);
  while ((rc = sqlite3_step (milestones)) == SQLITE_ROW)
    {
      PlPackMilestone *m = g_new0 (PlPackMilestone, 1);

      m->kind = column_text (milestones, 0);
      m->label = column_text (milestones, 1);
      m->due = column_text (milestones, 2);
      m->done = column_text (milestones, 3);
      g_ptr_array_add (data->milestones, m);
    }
  if (!step_done (store, milestones, rc, error))
    return FALSE;

  /* The calendars around the whole timeline: from the earliest step to the
   * latest, the placement's days included. */
  from = g_strdup (data->next->days[0]);
  to = g_strdup (data->next->days[g_strv_length (data->next->days) - 1]);
  for (guint i = 0; i < data->milestones->len; i++)
    {
      PlPackMilestone *m = g_ptr_array_index (data->milestones, i);

      if (strcmp (m->due, from) < 0)
        {
          g_free (from);
          from = g_strdup (m->due);
        }
      if (strcmp (m->due, to) > 0)
        {
          g_free (to);
          to = g_strdup (m->due);
        }
    }

  if ((periods = prepare (store, periods_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (periods, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (periods, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (periods, 3, data->next->partner_id);
  sqlite3_bind_int64 (periods, 4, data->employer_id);
  while ((rc = sqlite3_step (periods)) == SQLITE_ROW)
    {
      PlPackPeriod *p = g_new0 (PlPackPeriod, 1);

      p->kind = column_text (periods, 0);
      p->label = column_text (periods, 1);
      p->start = column_text (periods, 2);
      p->end = column_text (periods, 3);
      p->employer = sqlite3_column_int (periods, 4) != 0;
      g_ptr_array_add (data->periods, p);
    }

  return step_done (store, periods, rc, error);
}

static gboolean
load_examples (PlPackData  *data,
               PlStore     *store,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (store, examples_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->employer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlPackExample *e = g_new0 (PlPackExample, 1);
      g_autofree char *goals = column_text (stmt, 4);
      g_autofree char *change = column_text (stmt, 5);
      g_autofree char *staff = column_text (stmt, 6);
      g_autofree char *employer = column_text (stmt, 7);

      e->sector = column_text (stmt, 0);
      e->count = sqlite3_column_int64 (stmt, 1);
      e->job_title = column_text (stmt, 2);
      e->n_days = sqlite3_column_int (stmt, 3);
      e->goals = anonymise (goals, staff, employer);
      e->change = anonymise (change, staff, employer);
      g_ptr_array_add (data->examples, e);
    }

  return step_done (store, stmt, rc, error);
}

/**
 * pl_pack_data_load:
 * @today: the date the pack is made on; coming placements are counted from it
 *
 * Returns: (transfer full) (nullable): the pack's data, or NULL with
 *   PL_ERROR_NOT_FOUND for an unknown employer
 */
PlPackData *
pl_pack_data_load (PlStore      *store,
                   gint64        employer_id,
                   const GDate  *today,
                   GError      **error)
{
  g_autoptr(PlPackData) data = g_new0 (PlPackData, 1);
  gint64 partner_id = 0;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  data->today = *today;
  data->employer_id = employer_id;
  data->visitors = g_ptr_array_new_with_free_func ((GDestroyNotify) visitor_free);
  data->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) milestone_free);
  data->periods = g_ptr_array_new_with_free_func ((GDestroyNotify) period_free);
  data->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  data->examples = g_ptr_array_new_with_free_func ((GDestroyNotify) example_free);

  if (!load_employer (data, store, &partner_id, error) ||
      !load_visitors (data, store, error))
    return NULL;

  /* The college that speaks in the guide: the relationship owner's, or
   * else the one sending the next visitor. */
  if (partner_id == 0 && data->visitors->len > 0)
    partner_id = ((PlPackVisitor *) g_ptr_array_index (data->visitors, 0))->partner_id;
  if (!load_partner (data, store, partner_id, error) ||
      !load_timeline (data, store, error) ||
      !load_examples (data, store, error))
    return NULL;

  data->network_name = pl_store_get_setting (store, "network_name");
  data->lead_weeks = (int) pl_store_get_setting_int (store, "lead_time_weeks", 6);
  data->logo_path = pl_store_get_setting (store, "pack_logo");
  if (data->logo_path != NULL && g_strstrip (data->logo_path)[0] == '\0')
    g_clear_pointer (&data->logo_path, g_free);

  if ((data->stats = pl_stats_compute (store, NULL, error)) == NULL)
    return NULL;

  return g_steal_pointer (&data);
}

/**
 * pl_pack_data_hosting_employers:
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids
 */
GArray *
pl_pack_data_hosting_employers (PlStore  *store,
                                GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if ((stmt = prepare (store, hosting_sql, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!step_done (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&ids);
}
