/* pl-store-pack.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-store-pack.h"
#include "pl-store-private.h"

/* What an employer pack says about its employer. The statuses, kinds and
 * owners the queries compare with are bound as their nicks. */

static const char employer_sql[] =
  "SELECT e.name, sec.name, e.contact_name, e.contact_email, e.contact_phone, e.notice_weeks,"
  "       s.name, s.job_title, s.email, s.phone, s.partner_id"
  " FROM employer e JOIN sector sec ON sec.id = e.sector_id"
  " LEFT JOIN staff s ON s.id = e.owner_id"
  " WHERE e.id = ?1";

/* ?1 the employer, ?2 today, ?3 to ?6 the statuses of a placement on its
 * way to happening. */
static const char visitors_sql[] =
  "WITH v AS ("
  "  SELECT p.id, s.name AS staff_name, s.job_title, pa.name AS partner_name, pa.id AS partner_id,"
  "         p.status, p.aims, p.goals, p.sector_priority, p.equality_aims,"
  "         (SELECT min(day) FROM placement_day d WHERE d.placement_id = p.id) AS first_day,"
  "         (SELECT max(day) FROM placement_day d WHERE d.placement_id = p.id) AS last_day"
  "  FROM placement p JOIN staff s ON s.id = p.staff_id JOIN partner pa ON pa.id = s.partner_id"
  "  WHERE p.employer_id = ?1 AND p.status IN (?3, ?4, ?5, ?6))"
  "SELECT id, staff_name, job_title, partner_name, partner_id, status, aims, goals,"
  "       sector_priority, equality_aims"
  " FROM v WHERE last_day IS NULL OR last_day >= ?2"
  " ORDER BY first_day IS NULL, first_day, staff_name, id";

static const char partner_sql[] =
  "SELECT name, contact_name, contact_email, contact_phone FROM partner WHERE id = ?1";

/* ?1 the status of a partner that takes part. */
static const char lead_partner_sql[] =
  "SELECT id FROM partner ORDER BY status = ?1 DESC, is_lead DESC, id LIMIT 1";

static const char milestones_sql[] =
  "SELECT kind, label, due, done FROM milestone WHERE placement_id = ?1 ORDER BY due, id";

/* ?1, ?2 the dates, ?3 the partner, ?4 the employer; ?5 to ?7 the owners
 * every college, a partner and an employer; ?8 to ?10 the kinds of a
 * college's periods, ?11 and ?12 those of an employer's. */
static const char periods_sql[] =
  "SELECT kind, label, start_date, end_date, owner_kind = ?7 FROM calendar_period"
  " WHERE end_date >= ?1 AND start_date <= ?2"
  "   AND ((owner_kind = ?5 AND kind IN (?8, ?9, ?10))"
  "     OR (owner_kind = ?6 AND partner_id = ?3 AND kind IN (?8, ?9, ?10))"
  "     OR (owner_kind = ?7 AND employer_id = ?4 AND kind IN (?11, ?12)))"
  " ORDER BY start_date, end_date, id";

static const char steps_sql[] =
  "SELECT kind, label, anchor, offset, unit FROM milestone_template ORDER BY position, id";

/* One example a sector, from placements that took place (?2 completed,
 * ?3 cascaded, ?4 evaluated): the most complete story first (evaluated,
 * then cascaded, then completed), then the latest. The sector of the
 * employer ?1 leads. */
static const char examples_sql[] =
  "WITH took AS ("
  "  SELECT p.*, sec.name AS sector_name, s.job_title, s.name AS staff_name,"
  "         e.name AS employer_name,"
  "         (SELECT count(*) FROM placement_day d WHERE d.placement_id = p.id) AS n_days,"
  "         (SELECT max(day) FROM placement_day d WHERE d.placement_id = p.id) AS last_day"
  "  FROM placement p JOIN sector sec ON sec.id = p.sector_id JOIN staff s ON s.id = p.staff_id"
  "  LEFT JOIN employer e ON e.id = p.employer_id"
  "  WHERE p.status IN (?2, ?3, ?4)),"
  " ranked AS ("
  "  SELECT took.*, count(*) OVER (PARTITION BY sector_id) AS in_sector,"
  "         row_number () OVER (PARTITION BY sector_id"
  "           ORDER BY coalesce(reflection_students, '') = '',"
  "                    CASE status WHEN ?4 THEN 0 WHEN ?3 THEN 1 ELSE 2 END,"
  "                    last_day DESC, id) AS rank"
  "  FROM took)"
  "SELECT sector_name, in_sector, job_title, CASE WHEN n_days > 0 THEN n_days ELSE length END,"
  "       goals, reflection_students, staff_name, employer_name"
  " FROM ranked WHERE rank = 1"
  " ORDER BY sector_id = (SELECT sector_id FROM employer WHERE id = ?1) DESC,"
  "          in_sector DESC, sector_name";

/* ?1 the status of a cancelled placement. */
static const char hosting_sql[] =
  "SELECT e.id FROM employer e"
  " WHERE EXISTS (SELECT 1 FROM placement p WHERE p.employer_id = e.id AND p.status <> ?1)"
  " ORDER BY e.name COLLATE NOCASE, e.id";

void
pl_pack_employer_free (PlPackEmployer *employer)
{
  if (employer == NULL)
    return;

  g_free (employer->name);
  g_free (employer->sector);
  g_free (employer->contact_name);
  g_free (employer->contact_email);
  g_free (employer->contact_phone);
  g_free (employer->owner_name);
  g_free (employer->owner_role);
  g_free (employer->owner_email);
  g_free (employer->owner_phone);
  g_free (employer);
}

void
pl_pack_partner_free (PlPackPartner *partner)
{
  if (partner == NULL)
    return;

  g_free (partner->name);
  g_free (partner->contact);
  g_free (partner->email);
  g_free (partner->phone);
  g_free (partner);
}

void
pl_pack_visitor_free (PlPackVisitor *visitor)
{
  if (visitor == NULL)
    return;

  g_free (visitor->staff_name);
  g_free (visitor->job_title);
  g_free (visitor->partner_name);
  g_free (visitor->status);
  g_strfreev (visitor->days);
  g_free (visitor->goals);
  g_free (visitor->sector_priority);
  g_free (visitor->equality_aims);
  g_free (visitor);
}

void
pl_pack_milestone_free (PlPackMilestone *milestone)
{
  if (milestone == NULL)
    return;

  g_free (milestone->kind);
  g_free (milestone->label);
  g_free (milestone->due);
  g_free (milestone->done);
  g_free (milestone);
}

void
pl_pack_period_free (PlPackPeriod *period)
{
  if (period == NULL)
    return;

  g_free (period->kind);
  g_free (period->label);
  g_free (period->start);
  g_free (period->end);
  g_free (period);
}

void
pl_pack_step_free (PlPackStep *step)
{
  if (step == NULL)
    return;

  g_free (step->kind);
  g_free (step->label);
  g_free (step->anchor);
  g_free (step->unit);
  g_free (step);
}

void
pl_pack_example_free (PlPackExample *example)
{
  if (example == NULL)
    return;

  g_free (example->sector);
  g_free (example->job_title);
  g_free (example->goals);
  g_free (example->change);
  g_free (example);
}

/* Sets @error from *@failure, a failure to read, which it takes; returns
 * FALSE. */
static gboolean
read_failed (PlStore  *store,
             GError  **failure,
             GError  **error)
{
  pl_store_translate_error (failure, NULL);
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
               _("Cannot read the employer pack's data from %s: %s"),
               pl_store_get_path (store), (*failure)->message);
  g_clear_error (failure);
  return FALSE;
}

/* The statement for @sql, or NULL with @error set. */
static PlStmt *
prepare (PlStore     *store,
         const char  *sql,
         GError     **error)
{
  g_autoptr(GError) failure = NULL;
  PlStmt *stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);

  if (stmt == NULL)
    read_failed (store, &failure, error);
  return stmt;
}

/* Steps to the first row of @stmt, telling in @found whether there is
 * one; FALSE with @error set when it cannot be read. */
static gboolean
first_row (PlStore   *store,
           PlStmt    *stmt,
           gboolean  *found,
           GError   **error)
{
  g_autoptr(GError) failure = NULL;

  *found = pl_stmt_next (stmt, &failure);
  return failure == NULL || read_failed (store, &failure, error);
}

/* An element of a list, made from the current row of a statement. */
typedef gpointer (*MakeElement) (PlStore *store,
                                 PlStmt  *stmt);

/* Each row of @stmt made into an element by @make (transfer full), or
 * NULL with @error set. */
static GPtrArray *
collect (PlStore         *store,
         PlStmt          *stmt,
         MakeElement      make,
         GDestroyNotify   free_element,
         GError         **error)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (free_element);
  g_autoptr(GError) failure = NULL;

  while (pl_stmt_next (stmt, &failure))
    g_ptr_array_add (elements, make (store, stmt));

  if (failure != NULL)
    {
      read_failed (store, &failure, error);
      return NULL;
    }
  return g_steal_pointer (&elements);
}

/* Binds the nicks of the @n @values of @type to the parameters from
 * @first on. */
static void
bind_nicks (PlStmt    *stmt,
            int        first,
            GType      type,
            const int *values,
            guint      n)
{
  for (guint i = 0; i < n; i++)
    pl_stmt_bind_text (stmt, first + (int) i, pl_enum_to_nick (type, values[i]));
}

/* A column as a new string, NULL when NULL or blank. */
static char *
dup_text (PlStmt *stmt,
          int     column)
{
  char *copy = pl_stmt_dup_text (stmt, column);

  if (copy == NULL)
    return NULL;
  g_strstrip (copy);
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/**
 * pl_store_pack_get_employer:
 *
 * Returns: (transfer full) (nullable): the employer and their owner
 */
PlPackEmployer *
pl_store_pack_get_employer (PlStore  *store,
                            gint64    employer_id,
                            GError  **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  PlPackEmployer *employer;
  gboolean found;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!(stmt = prepare (store, employer_sql, error)))
    return NULL;

  pl_stmt_bind_int (stmt, 1, employer_id);
  if (!first_row (store, stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no employer with id %" G_GINT64_FORMAT "."), employer_id);
      return NULL;
    }

  employer = g_new0 (PlPackEmployer, 1);
  employer->name = dup_text (stmt, 0);
  employer->sector = dup_text (stmt, 1);
  employer->contact_name = dup_text (stmt, 2);
  employer->contact_email = dup_text (stmt, 3);
  employer->contact_phone = dup_text (stmt, 4);
  employer->notice_weeks = (int) pl_stmt_get_int (stmt, 5);
  employer->owner_name = dup_text (stmt, 6);
  employer->owner_role = dup_text (stmt, 7);
  employer->owner_email = dup_text (stmt, 8);
  employer->owner_phone = dup_text (stmt, 9);
  employer->owner_partner_id = pl_stmt_get_int (stmt, 10);
  return employer;
}

static gpointer
make_visitor (PlStore *store,
              PlStmt  *stmt)
{
  PlPackVisitor *visitor = g_new0 (PlPackVisitor, 1);

  visitor->placement_id = pl_stmt_get_int (stmt, 0);
  visitor->staff_name = dup_text (stmt, 1);
  visitor->job_title = dup_text (stmt, 2);
  visitor->partner_name = dup_text (stmt, 3);
  visitor->partner_id = pl_stmt_get_int (stmt, 4);
  visitor->status = dup_text (stmt, 5);
  visitor->aims = (guint) pl_stmt_get_int (stmt, 6);
  visitor->goals = dup_text (stmt, 7);
  visitor->sector_priority = dup_text (stmt, 8);
  visitor->equality_aims = dup_text (stmt, 9);
  visitor->days = pl_store_get_days (store, visitor->placement_id);
  return visitor;
}

/**
 * pl_store_pack_list_visitors:
 *
 * Returns: (transfer full) (element-type PlPackVisitor) (nullable): the
 *   coming placements
 */
GPtrArray *
pl_store_pack_list_visitors (PlStore      *store,
                             gint64        employer_id,
                             const GDate  *today,
                             GError      **error)
{
  static const int coming[] = {
    PL_PLACEMENT_STATUS_REQUEST, PL_PLACEMENT_STATUS_PROPOSED,
    PL_PLACEMENT_STATUS_AGREED, PL_PLACEMENT_STATUS_CONFIRMED,
  };
  g_autoptr(PlStmt) stmt = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!(stmt = prepare (store, visitors_sql, error)))
    return NULL;

  iso = pl_date_to_iso (today);
  pl_stmt_bind_int (stmt, 1, employer_id);
  pl_stmt_bind_text (stmt, 2, iso);
  bind_nicks (stmt, 3, PL_TYPE_PLACEMENT_STATUS, coming, G_N_ELEMENTS (coming));
  return collect (store, stmt, make_visitor, (GDestroyNotify) pl_pack_visitor_free, error);
}

/* The id of the partner that speaks for the network: an active one, the
 * lead if it is, else the first; left alone when there is no partner. */
static gboolean
find_lead_partner (PlStore  *store,
                   gint64   *partner_id,
                   GError  **error)
{
  g_autoptr(PlStmt) stmt = prepare (store, lead_partner_sql, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  pl_stmt_bind_text (stmt, 1, pl_enum_to_nick (PL_TYPE_PARTNER_STATUS, PL_PARTNER_STATUS_ACTIVE));
  if (!first_row (store, stmt, &found, error))
    return FALSE;
  if (found)
    *partner_id = pl_stmt_get_int (stmt, 0);
  return TRUE;
}

/**
 * pl_store_pack_get_partner:
 *
 * Returns: (transfer full) (nullable): the partner
 */
PlPackPartner *
pl_store_pack_get_partner (PlStore  *store,
                           gint64    partner_id,
                           GError  **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  PlPackPartner *partner;
  gboolean found;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  /* Without any partner, the id stays 0, which no partner has. */
  if ((partner_id == 0 && !find_lead_partner (store, &partner_id, error))
      || !(stmt = prepare (store, partner_sql, error)))
    return NULL;

  pl_stmt_bind_int (stmt, 1, partner_id);
  if (!first_row (store, stmt, &found, error))
    return NULL;

  partner = g_new0 (PlPackPartner, 1);
  if (found)
    {
      partner->name = dup_text (stmt, 0);
      partner->contact = dup_text (stmt, 1);
      partner->email = dup_text (stmt, 2);
      partner->phone = dup_text (stmt, 3);
    }
  return partner;
}

static gpointer
make_step (PlStore *store,
           PlStmt  *stmt)
{
  PlPackStep *step = g_new0 (PlPackStep, 1);

  step->kind = dup_text (stmt, 0);
  step->label = dup_text (stmt, 1);
  step->anchor = dup_text (stmt, 2);
  step->offset = (int) pl_stmt_get_int (stmt, 3);
  step->unit = dup_text (stmt, 4);
  return step;
}

/**
 * pl_store_pack_list_steps:
 *
 * Returns: (transfer full) (element-type PlPackStep) (nullable): the steps
 */
GPtrArray *
pl_store_pack_list_steps (PlStore  *store,
                          GError  **error)
{
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!(stmt = prepare (store, steps_sql, error)))
    return NULL;
  return collect (store, stmt, make_step, (GDestroyNotify) pl_pack_step_free, error);
}

static gpointer
make_milestone (PlStore *store,
                PlStmt  *stmt)
{
  PlPackMilestone *milestone = g_new0 (PlPackMilestone, 1);

  milestone->kind = dup_text (stmt, 0);
  milestone->label = dup_text (stmt, 1);
  milestone->due = dup_text (stmt, 2);
  milestone->done = dup_text (stmt, 3);
  return milestone;
}

/**
 * pl_store_pack_list_milestones:
 *
 * Returns: (transfer full) (element-type PlPackMilestone) (nullable): the
 *   milestones
 */
GPtrArray *
pl_store_pack_list_milestones (PlStore  *store,
                               gint64    placement_id,
                               GError  **error)
{
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!(stmt = prepare (store, milestones_sql, error)))
    return NULL;
  pl_stmt_bind_int (stmt, 1, placement_id);
  return collect (store, stmt, make_milestone, (GDestroyNotify) pl_pack_milestone_free, error);
}

static gpointer
make_period (PlStore *store,
             PlStmt  *stmt)
{
  PlPackPeriod *period = g_new0 (PlPackPeriod, 1);

  period->kind = dup_text (stmt, 0);
  period->label = dup_text (stmt, 1);
  period->start = dup_text (stmt, 2);
  period->end = dup_text (stmt, 3);
  period->employer = pl_stmt_get_int (stmt, 4) != 0;
  return period;
}

/**
 * pl_store_pack_list_periods:
 *
 * Returns: (transfer full) (element-type PlPackPeriod) (nullable): the
 *   periods
 */
GPtrArray *
pl_store_pack_list_periods (PlStore     *store,
                            const char  *from,
                            const char  *to,
                            gint64       partner_id,
                            gint64       employer_id,
                            GError     **error)
{
  static const int owners[] = { PL_OWNER_ALL, PL_OWNER_PARTNER, PL_OWNER_EMPLOYER };
  static const int college[] = { PL_PERIOD_HOLIDAY, PL_PERIOD_EXAM, PL_PERIOD_INSET };
  static const int employer[] = { PL_PERIOD_BUSY, PL_PERIOD_BLACKOUT };
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (!(stmt = prepare (store, periods_sql, error)))
    return NULL;

  pl_stmt_bind_text (stmt, 1, from);
  pl_stmt_bind_text (stmt, 2, to);
  pl_stmt_bind_int (stmt, 3, partner_id);
  pl_stmt_bind_int (stmt, 4, employer_id);
  bind_nicks (stmt, 5, PL_TYPE_OWNER_KIND, owners, G_N_ELEMENTS (owners));
  bind_nicks (stmt, 8, PL_TYPE_PERIOD_KIND, college, G_N_ELEMENTS (college));
  bind_nicks (stmt, 11, PL_TYPE_PERIOD_KIND, employer, G_N_ELEMENTS (employer));
  return collect (store, stmt, make_period, (GDestroyNotify) pl_pack_period_free, error);
}

/* Replaces each case-insensitive, whole-word occurrence of @name in @text
 * by @by (transfer full). */
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

/* @text naming neither the teacher nor the host, so that an example shown
 * to other employers gives neither away (transfer full). */
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

static gpointer
make_example (PlStore *store,
              PlStmt  *stmt)
{
  PlPackExample *example = g_new0 (PlPackExample, 1);
  g_autofree char *goals = dup_text (stmt, 4);
  g_autofree char *change = dup_text (stmt, 5);
  g_autofree char *staff = dup_text (stmt, 6);
  g_autofree char *employer = dup_text (stmt, 7);

  example->sector = dup_text (stmt, 0);
  example->count = pl_stmt_get_int (stmt, 1);
  example->job_title = dup_text (stmt, 2);
  example->n_days = (int) pl_stmt_get_int (stmt, 3);
  example->goals = anonymise (goals, staff, employer);
  example->change = anonymise (change, staff, employer);
  return example;
}

/**
 * pl_store_pack_list_examples:
 *
 * Returns: (transfer full) (element-type PlPackExample) (nullable): the
 *   examples
 */
GPtrArray *
pl_store_pack_list_examples (PlStore  *store,
                             gint64    employer_id,
                             GError  **error)
{
  static const int took_place[] = {
    PL_PLACEMENT_STATUS_COMPLETED, PL_PLACEMENT_STATUS_CASCADED, PL_PLACEMENT_STATUS_EVALUATED,
  };
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!(stmt = prepare (store, examples_sql, error)))
    return NULL;

  pl_stmt_bind_int (stmt, 1, employer_id);
  bind_nicks (stmt, 2, PL_TYPE_PLACEMENT_STATUS, took_place, G_N_ELEMENTS (took_place));
  return collect (store, stmt, make_example, (GDestroyNotify) pl_pack_example_free, error);
}

/**
 * pl_store_pack_hosting_employers:
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids
 */
GArray *
pl_store_pack_hosting_employers (PlStore  *store,
                                 GError  **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!(stmt = prepare (store, hosting_sql, error)))
    return NULL;

  pl_stmt_bind_text (stmt, 1, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                               PL_PLACEMENT_STATUS_CANCELLED));
  while (pl_stmt_next (stmt, &failure))
    {
      gint64 id = pl_stmt_get_int (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (failure != NULL)
    {
      read_failed (store, &failure, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}
