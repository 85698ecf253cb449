/* pl-store-schedule.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-lifecycle-private.h"
#include "pl-store-private.h"
#include "pl-store-schedule.h"

/* The planner's reads: a few whole-table queries, joined in memory, so
 * that reading a network of thousands of placements stays one pass over
 * each table. The placements' queries take ?1 = today (ISO); the statuses
 * they compare with are bound after it. */

static const char sectors_sql[] = "SELECT id, name FROM sector ORDER BY name, id";
static const char partners_sql[] = "SELECT id, name FROM partner ORDER BY name, id";

static const char staff_sql[] =
  "SELECT id, name, partner_id, teaching_days FROM staff ORDER BY name, id";

static const char employers_sql[] =
  "SELECT id, name, sector_id, capacity, notice_weeks, preferred_days, relationship"
  " FROM employer ORDER BY name, id";

static const char appetites_sql[] =
  "SELECT employer_id, academic_year, state, reason FROM employer_appetite"
  " ORDER BY employer_id, academic_year";

/* ?2 request, ?3 cancelled. */
static const char placements_sql[] =
  "SELECT p.id, p.staff_id, p.sector_id, p.employer_id, p.status, p.length,"
  " p.window_start, p.window_end FROM placement p"
  " WHERE p.status = ?2"
  " OR (p.status <> ?3 AND EXISTS (SELECT 1 FROM placement_day d"
  "     WHERE d.placement_id = p.id AND d.day >= ?1))"
  " ORDER BY p.id";

/* A window given as terms: the periods' own dates are the window. */
static const char terms_sql[] =
  "SELECT t.placement_id, c.start_date, c.end_date FROM placement_term t"
  " JOIN calendar_period c ON c.id = t.period_id ORDER BY t.placement_id, c.start_date";

static const char days_sql[] =
  "SELECT d.placement_id, d.day FROM placement_day d"
  " WHERE d.day >= ?1 ORDER BY d.placement_id, d.day";

/* On a shared database the server counts every partner's placements
 * (pl_host_occupancy, counts only); what is left once ours are taken
 * away belongs to placements we may not read. */
static const char foreign_sql[] =
  "SELECT o.employer_id, o.day, o.taken - (SELECT count(*) FROM placement_day d"
  " JOIN placement p ON p.id = d.placement_id WHERE p.employer_id = o.employer_id"
  " AND d.day = o.day AND p.status <> 'cancelled') FROM pl_host_occupancy(?1) o";

/* After a plan is written, under the writers' lock: the places taken on
 * an employer's day by everyone, and a staff member's placements on a day
 * (?1 employer or staff, ?2 the day). */
static const char taken_sqlite_sql[] =
  "SELECT count(*) FROM placement_day d JOIN placement p ON p.id = d.placement_id"
  " WHERE p.employer_id = ?1 AND d.day = ?2 AND p.status <> 'cancelled'";
static const char taken_pg_sql[] =
  "SELECT coalesce(sum(taken), 0) FROM pl_host_occupancy(?2) WHERE employer_id = ?1 AND day = ?2";
static const char staff_busy_sql[] =
  "SELECT count(*) FROM placement_day d JOIN placement p ON p.id = d.placement_id"
  " WHERE p.staff_id = ?1 AND d.day = ?2 AND p.status <> 'cancelled'";

/**
 * pl_store_schedule_begin_read:
 *
 * Returns: whether a snapshot began
 */
gboolean
pl_store_schedule_begin_read (PlStore *store)
{
  PlDb *db;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  db = pl_store_get_db (store);
  if (pl_db_in_transaction (db))
    return FALSE;

  /* Not pl_db_begin(): a plain BEGIN takes no lock until a write, so
   * reading keeps no writer waiting. */
  return pl_db_begin_read (db, NULL);
}

void
pl_store_schedule_end_read (PlStore  *store,
                            gboolean  began)
{
  g_return_if_fail (PL_IS_STORE (store));

  if (began)
    pl_db_exec (pl_store_get_db (store), "COMMIT", NULL);
}

static void
name_clear (gpointer data)
{
  g_free (((PlScheduleName *) data)->name);
}

static void
staff_clear (gpointer data)
{
  g_free (((PlScheduleStaff *) data)->name);
}

static void
employer_clear (gpointer data)
{
  g_free (((PlScheduleEmployer *) data)->name);
}

static void
appetite_clear (gpointer data)
{
  g_free (((PlScheduleAppetite *) data)->reason);
}

static void
placement_clear (gpointer data)
{
  PlSchedulePlacement *placement = data;

  g_clear_pointer (&placement->terms, g_array_unref);
  g_clear_pointer (&placement->days, g_array_unref);
}

void
pl_schedule_network_free (PlScheduleNetwork *network)
{
  if (network == NULL)
    return;

  g_clear_pointer (&network->sectors, g_array_unref);
  g_clear_pointer (&network->partners, g_array_unref);
  g_clear_pointer (&network->staff, g_array_unref);
  g_clear_pointer (&network->employers, g_array_unref);
  g_clear_pointer (&network->placements, g_array_unref);
  g_clear_pointer (&network->foreign, g_array_unref);
  g_clear_pointer (&network->appetites, g_array_unref);
  g_free (network);
}

/* Returns: NULL, for the reader to return */
static gpointer
read_failed (GError       **error,
             const GError  *failure)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
               _("Could not read the network for scheduling: %s"), failure->message);
  return NULL;
}

/* The statement for @sql with @today bound to ?1 (when given), or NULL
 * with @error set. */
static PlStmt *
prepare (PlStore     *store,
         const char  *sql,
         const char  *today,
         GError     **error)
{
  g_autoptr(GError) failure = NULL;
  PlStmt *stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);

  if (stmt == NULL)
    return read_failed (error, failure);

  if (today != NULL)
    pl_stmt_bind_text (stmt, 1, today);
  return stmt;
}

/* The Julian day of column @column, 0 for NULL. */
static guint32
get_julian (PlStmt *stmt,
            int     column)
{
  GDate date;

  if (!pl_date_parse (pl_stmt_get_text (stmt, column), &date))
    return 0;
  return g_date_get_julian (&date);
}

static char *
dup_name (PlStmt *stmt,
          int     column)
{
  const char *text = pl_stmt_get_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* (id, name) rows: the sectors or the partners. */
static GArray *
read_names (PlStore     *store,
            const char  *sql,
            GError     **error)
{
  g_autoptr(PlStmt) stmt = prepare (store, sql, NULL, error);
  g_autoptr(GArray) names = g_array_new (FALSE, TRUE, sizeof (PlScheduleName));
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return NULL;

  g_array_set_clear_func (names, name_clear);
  while (pl_stmt_next (stmt, &failure))
    {
      PlScheduleName name = { pl_stmt_get_int (stmt, 0), dup_name (stmt, 1) };

      g_array_append_val (names, name);
    }

  if (failure != NULL)
    return read_failed (error, failure);
  return g_steal_pointer (&names);
}

static GArray *
read_staff (PlStore  *store,
            GError  **error)
{
  g_autoptr(PlStmt) stmt = prepare (store, staff_sql, NULL, error);
  g_autoptr(GArray) staff = g_array_new (FALSE, TRUE, sizeof (PlScheduleStaff));
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return NULL;

  g_array_set_clear_func (staff, staff_clear);
  while (pl_stmt_next (stmt, &failure))
    {
      PlScheduleStaff member;

      member.id = pl_stmt_get_int (stmt, 0);
      member.name = dup_name (stmt, 1);
      member.partner_id = pl_stmt_get_int (stmt, 2);
      member.teaching_days = (guint8) (pl_stmt_get_int (stmt, 3) & 0x7f);
      g_array_append_val (staff, member);
    }

  if (failure != NULL)
    return read_failed (error, failure);
  return g_steal_pointer (&staff);
}

static GArray *
read_employers (PlStore  *store,
                GError  **error)
{
  g_autoptr(PlStmt) stmt = prepare (store, employers_sql, NULL, error);
  g_autoptr(GArray) employers = g_array_new (FALSE, TRUE, sizeof (PlScheduleEmployer));
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return NULL;

  g_array_set_clear_func (employers, employer_clear);
  while (pl_stmt_next (stmt, &failure))
    {
      PlScheduleEmployer employer;
      int relationship = PL_RELATIONSHIP_PROSPECT;

      pl_enum_from_nick (PL_TYPE_RELATIONSHIP, pl_stmt_get_text (stmt, 6), &relationship);
      employer.id = pl_stmt_get_int (stmt, 0);
      employer.name = dup_name (stmt, 1);
      employer.sector_id = pl_stmt_get_int (stmt, 2);
      employer.capacity = (int) pl_stmt_get_int (stmt, 3);
      employer.notice_weeks = (int) pl_stmt_get_int (stmt, 4);
      employer.preferred_days = (guint8) (pl_stmt_get_int (stmt, 5) & 0x7f);
      employer.relationship = relationship;
      g_array_append_val (employers, employer);
    }

  if (failure != NULL)
    return read_failed (error, failure);
  return g_steal_pointer (&employers);
}

static GArray *
read_appetites (PlStore  *store,
                GError  **error)
{
  g_autoptr(PlStmt) stmt = prepare (store, appetites_sql, NULL, error);
  g_autoptr(GArray) appetites = g_array_new (FALSE, TRUE, sizeof (PlScheduleAppetite));
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return NULL;

  g_array_set_clear_func (appetites, appetite_clear);
  while (pl_stmt_next (stmt, &failure))
    {
      PlScheduleAppetite appetite = { 0 };
      int state = PL_APPETITE_UNKNOWN;

      pl_enum_from_nick (PL_TYPE_APPETITE, pl_stmt_get_text (stmt, 2), &state);
      appetite.employer_id = pl_stmt_get_int (stmt, 0);
      appetite.year = (int) pl_stmt_get_int (stmt, 1);
      appetite.state = state;
      appetite.reason = g_strdup (pl_stmt_get_text (stmt, 3));
      g_array_append_val (appetites, appetite);
    }

  if (failure != NULL)
    return read_failed (error, failure);
  return g_steal_pointer (&appetites);
}

static int
compare_placement_ids (gconstpointer a,
                       gconstpointer b)
{
  gint64 x = ((const PlSchedulePlacement *) a)->id;
  gint64 y = ((const PlSchedulePlacement *) b)->id;

  return x < y ? -1 : x > y;
}

/* The placement of @id in @placements (in id order), or NULL. */
static PlSchedulePlacement *
find_placement (GArray *placements,
                gint64  id)
{
  PlSchedulePlacement key = { .id = id };
  guint index;

  if (!g_array_binary_search (placements, &key, compare_placement_ids, &index))
    return NULL;
  return &g_array_index (placements, PlSchedulePlacement, index);
}

static GArray *
read_placements (PlStore     *store,
                 const char  *today,
                 GError     **error)
{
  g_autoptr(GArray) placements = g_array_new (FALSE, TRUE, sizeof (PlSchedulePlacement));
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(PlStmt) terms = NULL;
  g_autoptr(PlStmt) days = NULL;
  g_autoptr(GError) failure = NULL;

  g_array_set_clear_func (placements, placement_clear);

  stmt = prepare (store, placements_sql, today, error);
  if (stmt == NULL)
    return NULL;
  pl_stmt_bind_text (stmt, 2, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                               PL_PLACEMENT_STATUS_REQUEST));
  pl_stmt_bind_text (stmt, 3, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                               PL_PLACEMENT_STATUS_CANCELLED));
  while (pl_stmt_next (stmt, &failure))
    {
      PlSchedulePlacement placement = { 0 };
      int status = PL_PLACEMENT_STATUS_REQUEST;

      pl_enum_from_nick (PL_TYPE_PLACEMENT_STATUS, pl_stmt_get_text (stmt, 4), &status);
      placement.id = pl_stmt_get_int (stmt, 0);
      placement.staff_id = pl_stmt_get_int (stmt, 1);
      placement.sector_id = pl_stmt_get_int (stmt, 2);
      placement.employer_id = pl_stmt_get_int (stmt, 3);
      placement.status = status;
      placement.length = (int) pl_stmt_get_int (stmt, 5);
      placement.window_start = get_julian (stmt, 6);
      placement.window_end = get_julian (stmt, 7);
      g_array_append_val (placements, placement);
    }
  if (failure != NULL)
    return read_failed (error, failure);

  terms = prepare (store, terms_sql, NULL, error);
  if (terms == NULL)
    return NULL;
  while (pl_stmt_next (terms, &failure))
    {
      PlSchedulePlacement *placement = find_placement (placements, pl_stmt_get_int (terms, 0));
      PlScheduleRange range = { get_julian (terms, 1), get_julian (terms, 2) };

      if (placement == NULL || range.first == 0 || range.last == 0)
        continue;
      if (placement->terms == NULL)
        placement->terms = g_array_new (FALSE, FALSE, sizeof (PlScheduleRange));
      g_array_append_val (placement->terms, range);
    }
  if (failure != NULL)
    return read_failed (error, failure);

  days = prepare (store, days_sql, today, error);
  if (days == NULL)
    return NULL;
  while (pl_stmt_next (days, &failure))
    {
      PlSchedulePlacement *placement = find_placement (placements, pl_stmt_get_int (days, 0));
      guint32 day = get_julian (days, 1);

      if (placement == NULL || day == 0)
        continue;
      if (placement->days == NULL)
        placement->days = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_val (placement->days, day);
    }
  if (failure != NULL)
    return read_failed (error, failure);

  return g_steal_pointer (&placements);
}

/**
 * pl_store_schedule_read:
 * @today: the day the plan is made
 *
 * Returns: (transfer full): the network, or %NULL with @error set
 */
static GArray *
read_foreign (PlStore     *store,
              const char  *today,
              GError     **error)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, TRUE, sizeof (PlScheduleTaken));
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  if (pl_db_get_engine (pl_store_get_db (store)) != PL_DB_ENGINE_POSTGRESQL)
    return g_steal_pointer (&taken);

  stmt = prepare (store, foreign_sql, today, error);
  if (stmt == NULL)
    return NULL;
  while (pl_stmt_next (stmt, &failure))
    {
      PlScheduleTaken day = { pl_stmt_get_int (stmt, 0), get_julian (stmt, 1),
                              (guint) MAX (0, pl_stmt_get_int (stmt, 2)) };

      if (day.taken > 0 && day.julian != 0)
        g_array_append_val (taken, day);
    }
  if (failure != NULL)
    return read_failed (error, g_steal_pointer (&failure));
  return g_steal_pointer (&taken);
}

/* Whether the plan, now written, overfills a host or puts someone in two
 * places: another coordinator may have planned at the same time. */
static gboolean
check_booked (PlStore                 *store,
              const PlScheduleChange  *change,
              GError                 **error)
{
  PlDb *db = pl_store_get_db (store);
  g_autoptr(PlRecord) employer = pl_store_get (store, PL_TYPE_EMPLOYER, change->employer_id, NULL);
  g_autoptr(PlRecord) placement = pl_store_get (store, PL_TYPE_PLACEMENT, change->placement_id,
                                                NULL);
  gint64 capacity = employer ? pl_record_get_int (employer, "capacity") : 1;
  gint64 staff_id = placement ? pl_record_get_int (placement, "staff_id") : 0;
  gboolean shared = pl_db_get_engine (db) == PL_DB_ENGINE_POSTGRESQL;

  for (guint d = 0; change->days != NULL && change->days[d] != NULL; d++)
    {
      g_autoptr(PlStmt) taken = pl_db_prepare (db, shared ? taken_pg_sql : taken_sqlite_sql, error);
      g_autoptr(PlStmt) busy = NULL;

      if (taken == NULL)
        return FALSE;
      pl_stmt_bind_int (taken, 1, change->employer_id);
      pl_stmt_bind_text (taken, 2, change->days[d]);
      if (!pl_stmt_next (taken, error))
        return FALSE;
      if (pl_stmt_get_int (taken, 0) > capacity)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_CONFLICT,
                       _("%s was booked on %s by someone else while the plan was made; "
                         "plan again."),
                       employer ? pl_record_get_string (employer, "name") : "?", change->days[d]);
          return FALSE;
        }
      g_clear_pointer (&taken, pl_stmt_free);

      busy = pl_db_prepare (db, staff_busy_sql, error);
      if (busy == NULL)
        return FALSE;
      pl_stmt_bind_int (busy, 1, staff_id);
      pl_stmt_bind_text (busy, 2, change->days[d]);
      if (!pl_stmt_next (busy, error))
        return FALSE;
      if (pl_stmt_get_int (busy, 0) > 1)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_CONFLICT,
                       _("Placement %" G_GINT64_FORMAT "’s staff member was booked elsewhere on %s "
                         "while the plan was made; plan again."),
                       change->placement_id, change->days[d]);
          return FALSE;
        }
    }

  return TRUE;
}

PlScheduleNetwork *
pl_store_schedule_read (PlStore      *store,
                        const GDate  *today,
                        GError      **error)
{
  g_autoptr(PlScheduleNetwork) network = g_new0 (PlScheduleNetwork, 1);
  g_autofree char *iso = NULL;
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  iso = pl_date_to_iso (today);
  began = pl_store_schedule_begin_read (store);
  ok = (network->sectors = read_names (store, sectors_sql, error)) != NULL &&
       (network->partners = read_names (store, partners_sql, error)) != NULL &&
       (network->staff = read_staff (store, error)) != NULL &&
       (network->employers = read_employers (store, error)) != NULL &&
       (network->appetites = read_appetites (store, error)) != NULL &&
       (network->placements = read_placements (store, iso, error)) != NULL &&
       (network->foreign = read_foreign (store, iso, error)) != NULL;
  pl_store_schedule_end_read (store, began);

  return ok ? g_steal_pointer (&network) : NULL;
}

/* One placement as a plan found it, and what the plan gave it. */
typedef struct
{
  gint64          placement_id;
  gint64          employer_id;      /* 0 for none */
  GStrv           days;
  gint64          new_employer_id;
  PlStatusChange *change;
} Applied;

struct _PlScheduleApplied
{
  GArray *placements;   /* Applied */
};

static void
applied_clear (gpointer data)
{
  Applied *item = data;

  g_strfreev (item->days);
  g_clear_pointer (&item->change, pl_status_change_free);
}

void
pl_schedule_applied_free (PlScheduleApplied *applied)
{
  if (applied == NULL)
    return;

  g_array_unref (applied->placements);
  g_free (applied);
}

/* Gives one placement its days and employer and moves it to "proposed"
 * through the lifecycle, which keeps its milestones and history as every
 * other step does. */
static gboolean
apply_one (PlStore                 *store,
           PlMilestoneRules        *rules,
           const PlScheduleChange  *change,
           const GDate             *today,
           Applied                 *item,
           GError                 **error)
{
  g_autoptr(PlRecord) placement = NULL;
  PlPlacementStatus status;

  placement = pl_store_get (store, PL_TYPE_PLACEMENT, change->placement_id, NULL);
  if (placement == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("Placement %" G_GINT64_FORMAT " no longer exists; plan again."),
                   change->placement_id);
      return FALSE;
    }

  status = pl_record_get_enum (placement, "status");
  if (status != change->status)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_CONFLICT,
                   _("Placement %" G_GINT64_FORMAT " has changed since the plan was made "
                     "(it is now “%s”); plan again."),
                   change->placement_id, pl_enum_get_label (PL_TYPE_PLACEMENT_STATUS, status));
      return FALSE;
    }

  item->placement_id = change->placement_id;
  item->employer_id = pl_record_get_int (placement, "employer_id");
  item->new_employer_id = change->employer_id;
  item->days = pl_store_get_days (store, change->placement_id);

  /* Days and milestones move together, so a coordinator sees at once
   * when the first call for a proposal must happen; the record is read
   * again for the step, with the days it now has. */
  if (!pl_placement_set_days_with_rules (store, rules, change->placement_id, change->days,
                                         error))
    return FALSE;

  g_clear_object (&placement);
  placement = pl_store_get (store, PL_TYPE_PLACEMENT, change->placement_id, error);
  if (placement == NULL)
    return FALSE;

  pl_record_set_int (placement, "employer_id", change->employer_id);
  item->change = pl_lifecycle_move (store, rules, placement, PL_PLACEMENT_STATUS_PROPOSED,
                                    change->reason, PL_LIFECYCLE_MOVE_AGAIN, today, error);
  return item->change != NULL;
}

/**
 * pl_store_schedule_apply:
 * @changes: (array length=n_changes)
 * @today: the day the plan is accepted, for the history
 *
 * Returns: (transfer full): what to hand pl_store_schedule_undo(), or
 *   %NULL with @error set
 */
PlScheduleApplied *
pl_store_schedule_apply (PlStore                 *store,
                         const PlScheduleChange  *changes,
                         guint                    n_changes,
                         const GDate             *today,
                         GError                 **error)
{
  g_autoptr(PlScheduleApplied) applied = g_new0 (PlScheduleApplied, 1);
  g_autoptr(PlMilestoneRules) rules = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (changes != NULL || n_changes == 0, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  applied->placements = g_array_new (FALSE, TRUE, sizeof (Applied));
  g_array_set_clear_func (applied->placements, applied_clear);

  if (!pl_store_begin (store, error))
    return NULL;

  /* The templates and working days, read once for the whole plan. */
  rules = pl_milestone_rules_new (store, error);
  if (rules == NULL)
    goto failed;

  for (guint i = 0; i < n_changes; i++)
    {
      Applied item = { 0 };
      gboolean ok = apply_one (store, rules, &changes[i], today, &item, error);

      g_array_append_val (applied->placements, item);
      if (!ok)
        goto failed;
    }

  for (guint i = 0; i < n_changes; i++)
    if (!check_booked (store, &changes[i], error))
      goto failed;

  if (!pl_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&applied);

failed:
  pl_store_rollback (store);
  return NULL;
}

gboolean
pl_store_schedule_undo (PlStore            *store,
                        PlScheduleApplied  *applied,
                        GError            **error)
{
  g_autoptr(PlMilestoneRules) rules = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (applied != NULL, FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;

  rules = pl_milestone_rules_new (store, error);
  if (rules == NULL)
    goto failed;

  /* Backwards, so that a placement the plan touched twice ends as it began. */
  for (guint i = applied->placements->len; i-- > 0;)
    {
      const Applied *item = &g_array_index (applied->placements, Applied, i);
      g_autoptr(PlRecord) placement = NULL;

      placement = pl_store_get (store, PL_TYPE_PLACEMENT, item->placement_id, NULL);
      if (placement == NULL ||
          pl_record_get_enum (placement, "status") != PL_PLACEMENT_STATUS_PROPOSED ||
          pl_record_get_int (placement, "employer_id") != item->new_employer_id)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED,
                       _("Placement %" G_GINT64_FORMAT " has changed since; it was left as "
                         "it is."), item->placement_id);
          goto failed;
        }

      /* The reverse of apply_one(): the step (and what it ticked) first,
       * then the days the milestones follow. */
      pl_record_set_int (placement, "employer_id", item->employer_id);
      if (!pl_lifecycle_move_back (store, item->change, placement, error) ||
          !pl_placement_set_days_with_rules (store, rules, item->placement_id,
                                             (const char * const *) item->days, error))
        goto failed;
    }

  return pl_store_commit (store, error);

failed:
  pl_store_rollback (store);
  return FALSE;
}
