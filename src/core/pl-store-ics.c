/* pl-store-ics.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-ics"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-store-ics.h"
#include "pl-store-private.h"

/* The queries of an exported calendar take ?1, the owner's id (0 for
 * everything), and ?2, the status of a cancelled placement. */

void
pl_ics_placement_free (PlIcsPlacement *placement)
{
  if (placement == NULL)
    return;

  g_free (placement->staff);
  g_free (placement->employer);
  g_free (placement->address);
  g_free (placement->postcode);
  g_free (placement->sector);
  g_free (placement->partner);
  g_free (placement->updated_at);
  g_free (placement);
}

void
pl_ics_milestone_free (PlIcsMilestone *milestone)
{
  if (milestone == NULL)
    return;

  g_free (milestone->label);
  g_free (milestone->due);
  g_free (milestone->done);
  g_free (milestone->updated_at);
  g_free (milestone->staff);
  g_free (milestone->employer);
  g_free (milestone);
}

void
pl_ics_meeting_free (PlIcsMeeting *meeting)
{
  if (meeting == NULL)
    return;

  g_free (meeting->group);
  g_free (meeting->date);
  g_free (meeting->place);
  g_free (meeting->notes);
  g_free (meeting->updated_at);
  g_free (meeting);
}

static gboolean
read_failed (GError       **error,
             const GError  *failure)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("The database could not be read: %s"),
               failure->message);
  return FALSE;
}

/* The condition on placements "p" of their staff member "s" that keeps the
 * owner's. */
static const char *
placement_filter (PlOwnerKind owner_kind)
{
  switch (owner_kind)
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

typedef gpointer (*MakeRow) (PlStmt *stmt);

/* A query of the calendar, in two halves around the owner's condition. */
typedef struct
{
  const char *head;
  const char *tail;
} Query;

/* Runs @query with @filter, the owner bound (and the cancelled status, when
 * @placements), and turns each row into an element with @make. */
static GPtrArray *
collect (PlStore         *store,
         const Query     *query,
         const char      *filter,
         gint64           owner_id,
         gboolean         placements,
         MakeRow          make,
         GDestroyNotify   free_func,
         GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  g_autofree char *sql = g_strconcat (query->head, filter, query->tail, NULL);
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  /* Kept: there are only as many texts as kinds of owner. */
  stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);
  if (stmt != NULL)
    {
      pl_stmt_bind_int (stmt, 1, owner_id);
      if (placements)
        pl_stmt_bind_text (stmt, 2, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                                     PL_PLACEMENT_STATUS_CANCELLED));
      while (pl_stmt_next (stmt, &failure))
        g_ptr_array_add (rows, make (stmt));
    }

  if (failure != NULL)
    {
      read_failed (error, failure);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static const Query placements_query = {
  "SELECT p.id, p.status, s.name, e.name, e.address, e.postcode, sec.name, pa.name, p.updated_at"
  " FROM placement p"
  " JOIN staff s ON s.id = p.staff_id"
  " JOIN sector sec ON sec.id = p.sector_id"
  " LEFT JOIN employer e ON e.id = p.employer_id"
  " LEFT JOIN partner pa ON pa.id = s.partner_id"
  " WHERE p.status <> ?2 AND ",
  " AND EXISTS (SELECT 1 FROM placement_day d WHERE d.placement_id = p.id)"
  " ORDER BY (SELECT min(day) FROM placement_day d WHERE d.placement_id = p.id), p.id"
};

static gpointer
make_placement (PlStmt *stmt)
{
  PlIcsPlacement *placement = g_new0 (PlIcsPlacement, 1);
  int status = PL_PLACEMENT_STATUS_REQUEST;

  /* The schema allows only the enumeration's nicks. */
  pl_enum_from_nick (PL_TYPE_PLACEMENT_STATUS, pl_stmt_get_text (stmt, 1), &status);

  placement->id = pl_stmt_get_int (stmt, 0);
  placement->status = status;
  placement->staff = pl_stmt_dup_text (stmt, 2);
  placement->employer = pl_stmt_dup_text (stmt, 3);
  placement->address = pl_stmt_dup_text (stmt, 4);
  placement->postcode = pl_stmt_dup_text (stmt, 5);
  placement->sector = pl_stmt_dup_text (stmt, 6);
  placement->partner = pl_stmt_dup_text (stmt, 7);
  placement->updated_at = pl_stmt_dup_text (stmt, 8);
  return placement;
}

GPtrArray *
pl_store_ics_list_placements (PlStore      *store,
                              PlOwnerKind   owner_kind,
                              gint64        owner_id,
                              GError      **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return collect (store, &placements_query, placement_filter (owner_kind), owner_id, TRUE,
                  make_placement, (GDestroyNotify) pl_ics_placement_free, error);
}

static const Query milestones_query = {
  "SELECT m.id, m.label, m.due, m.done, m.updated_at, s.name, e.name, m.placement_id"
  " FROM milestone m"
  " JOIN placement p ON p.id = m.placement_id"
  " JOIN staff s ON s.id = p.staff_id"
  " LEFT JOIN employer e ON e.id = p.employer_id"
  " WHERE p.status <> ?2 AND ",
  " ORDER BY m.due, m.id"
};

static gpointer
make_milestone (PlStmt *stmt)
{
  PlIcsMilestone *milestone = g_new0 (PlIcsMilestone, 1);

  milestone->id = pl_stmt_get_int (stmt, 0);
  milestone->label = pl_stmt_dup_text (stmt, 1);
  milestone->due = pl_stmt_dup_text (stmt, 2);
  milestone->done = pl_stmt_dup_text (stmt, 3);
  milestone->updated_at = pl_stmt_dup_text (stmt, 4);
  milestone->staff = pl_stmt_dup_text (stmt, 5);
  milestone->employer = pl_stmt_dup_text (stmt, 6);
  milestone->placement_id = pl_stmt_get_int (stmt, 7);
  return milestone;
}

GPtrArray *
pl_store_ics_list_milestones (PlStore      *store,
                              PlOwnerKind   owner_kind,
                              gint64        owner_id,
                              GError      **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return collect (store, &milestones_query, placement_filter (owner_kind), owner_id, TRUE,
                  make_milestone, (GDestroyNotify) pl_ics_milestone_free, error);
}

static const Query meetings_query = {
  "SELECT m.id, g.name, m.meeting_date, m.place, m.notes, m.updated_at"
  " FROM group_meeting m JOIN exchange_group g ON g.id = m.group_id"
  " WHERE ",
  " ORDER BY m.meeting_date, m.id"
};

static gpointer
make_meeting (PlStmt *stmt)
{
  PlIcsMeeting *meeting = g_new0 (PlIcsMeeting, 1);

  meeting->id = pl_stmt_get_int (stmt, 0);
  meeting->group = pl_stmt_dup_text (stmt, 1);
  meeting->date = pl_stmt_dup_text (stmt, 2);
  meeting->place = pl_stmt_dup_text (stmt, 3);
  meeting->notes = pl_stmt_dup_text (stmt, 4);
  meeting->updated_at = pl_stmt_dup_text (stmt, 5);
  return meeting;
}

GPtrArray *
pl_store_ics_list_meetings (PlStore      *store,
                            PlOwnerKind   owner_kind,
                            gint64        owner_id,
                            GError      **error)
{
  const char *filter;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  switch (owner_kind)
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
      return g_ptr_array_new_with_free_func ((GDestroyNotify) pl_ics_meeting_free);
    case PL_OWNER_ALL:
    default:
      filter = "?1 = 0";
      break;
    }

  return collect (store, &meetings_query, filter, owner_id, FALSE, make_meeting,
                  (GDestroyNotify) pl_ics_meeting_free, error);
}

GArray *
pl_store_ics_find_owners (PlStore      *store,
                          PlOwnerKind   owner_kind,
                          const char   *name,
                          GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *sql;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  switch (owner_kind)
    {
    case PL_OWNER_PARTNER:
      sql = "SELECT id FROM partner WHERE name = ?1 COLLATE NOCASE ORDER BY id";
      break;
    case PL_OWNER_EMPLOYER:
      sql = "SELECT id FROM employer WHERE name = ?1 COLLATE NOCASE ORDER BY id";
      break;
    case PL_OWNER_STAFF:
      sql = "SELECT id FROM staff WHERE name = ?1 COLLATE NOCASE ORDER BY id";
      break;
    case PL_OWNER_ALL:
    default:
      g_return_val_if_reached (NULL);
    }

  stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);
  if (stmt != NULL)
    {
      pl_stmt_bind_text (stmt, 1, name);
      while (pl_stmt_next (stmt, &failure))
        {
          gint64 id = pl_stmt_get_int (stmt, 0);

          g_array_append_val (ids, id);
        }
    }

  if (failure != NULL)
    {
      read_failed (error, failure);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* A period of the owner's calendar that an import may find again. */
typedef struct
{
  gint64    id;
  char     *label;
  char     *start;   /* ISO */
  char     *last;    /* ISO, the last day */
  gboolean  every_day;
} Known;

static void
known_free (Known *known)
{
  g_free (known->label);
  g_free (known->start);
  g_free (known->last);
  g_free (known);
}

/* The owner's periods of ?2 that have a UID; ?1 is the owner's kind and
 * ?3 its id (0 for everyone), whose column the kind of owner tells. */
static const char known_sql[] =
  "SELECT id, uid, label, start_date, end_date, weekdays FROM calendar_period"
  " WHERE owner_kind = ?1 AND kind = ?2 AND uid IS NOT NULL"
  " AND coalesce(partner_id, employer_id, staff_id, 0) = ?3";

/* ?7, ?8 and ?9: the partner, employer and staff member, 0 for none. */
static const char insert_sql[] =
  "INSERT INTO calendar_period (owner_kind, kind, label, start_date, end_date, uid, source,"
  " partner_id, employer_id, staff_id)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'ics', ?7, ?8, ?9) RETURNING id";

/* Every day of the week: the periods of a file are whole days. The row's
 * touch trigger sets updated_at. */
static const char update_sql[] =
  "UPDATE calendar_period SET label = ?2, start_date = ?3, end_date = ?4, weekdays = 127,"
  " source = 'ics' WHERE id = ?1";

/* The owner's periods of @kind that have a UID, by UID (transfer full). */
static GHashTable *
read_known (PlDb        *db,
            const char  *owner_kind,
            const char  *kind,
            gint64       owner_id,
            GError     **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) known_free);
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  if (!(stmt = pl_db_prepare (db, known_sql, error)))
    return NULL;

  pl_stmt_bind_text (stmt, 1, owner_kind);
  pl_stmt_bind_text (stmt, 2, kind);
  pl_stmt_bind_int (stmt, 3, owner_id);
  while (pl_stmt_next (stmt, &failure))
    {
      Known *period = g_new0 (Known, 1);

      period->id = pl_stmt_get_int (stmt, 0);
      period->label = pl_stmt_dup_text (stmt, 2);
      period->start = pl_stmt_dup_text (stmt, 3);
      period->last = pl_stmt_dup_text (stmt, 4);
      period->every_day = pl_stmt_get_int (stmt, 5) == 127;
      g_hash_table_insert (known, pl_stmt_dup_text (stmt, 1), period);
    }

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return NULL;
    }

  return g_steal_pointer (&known);
}

/* Adds @period, or updates @found with it; the row's id, or 0 with @error
 * set. */
static gint64
write_period (PlDb               *db,
              const char         *owner_kind,
              const char         *kind,
              const gint64       *owners,
              const PlIcsPeriod  *period,
              const char         *start,
              const char         *last,
              const Known        *found,
              GError            **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  if (found != NULL)
    {
      if (!(stmt = pl_db_prepare (db, update_sql, error)))
        return 0;

      pl_stmt_bind_int (stmt, 1, found->id);
      pl_stmt_bind_text (stmt, 2, period->label);
      pl_stmt_bind_text (stmt, 3, start);
      pl_stmt_bind_text (stmt, 4, last);
      return pl_stmt_run (stmt, error) ? found->id : 0;
    }

  if (!(stmt = pl_db_prepare (db, insert_sql, error)))
    return 0;

  pl_stmt_bind_text (stmt, 1, owner_kind);
  pl_stmt_bind_text (stmt, 2, kind);
  pl_stmt_bind_text (stmt, 3, period->label);
  pl_stmt_bind_text (stmt, 4, start);
  pl_stmt_bind_text (stmt, 5, last);
  pl_stmt_bind_text (stmt, 6, period->uid);
  for (guint k = 0; k < 3; k++)
    pl_stmt_bind_id (stmt, 7 + (int) k, owners[k]);

  if (pl_stmt_next (stmt, &failure))
    return pl_stmt_get_int (stmt, 0);
  if (failure == NULL)
    g_set_error (&failure, PL_DB_ERROR, PL_DB_ERROR_FAILED, "no id returned");
  g_propagate_error (error, g_steal_pointer (&failure));
  return 0;
}

static gboolean
write_failed (PlStore  *store,
              GError  **error)
{
  g_autoptr(PlRecord) period = pl_record_new (PL_TYPE_CALENDAR_PERIOD);

  pl_store_rollback (store);
  return pl_store_translate_error (error, period);
}

gboolean
pl_store_ics_write_periods (PlStore            *store,
                            PlOwnerKind         owner_kind,
                            gint64              owner_id,
                            PlPeriodKind        kind,
                            GArray             *periods,
                            PlIcsPeriodCounts  *counts,
                            guint              *failed,
                            GError            **error)
{
  PlDb *db;
  const char *owner_nick = pl_enum_to_nick (PL_TYPE_OWNER_KIND, owner_kind);
  const char *kind_nick = pl_enum_to_nick (PL_TYPE_PERIOD_KIND, kind);
  gint64 owners[3] = { 0, 0, 0 };  /* partner, employer, staff */
  PlIcsPeriodCounts written = { 0 };
  g_autoptr(GHashTable) known = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (owner_nick != NULL && kind_nick != NULL, FALSE);
  g_return_val_if_fail (periods != NULL, FALSE);

  db = pl_store_get_db (store);
  if (failed != NULL)
    *failed = G_MAXUINT;
  if (owner_kind != PL_OWNER_ALL)
    owners[owner_kind - PL_OWNER_PARTNER] = owner_id;

  if (!pl_store_begin (store, error))
    return FALSE;

  if (!(known = read_known (db, owner_nick, kind_nick, owner_id, error)))
    return write_failed (store, error);

  for (guint i = 0; i < periods->len; i++)
    {
      const PlIcsPeriod *period = &g_array_index (periods, PlIcsPeriod, i);
      g_autofree char *start = pl_date_to_iso (&period->start);
      g_autofree char *last = NULL;
      GDate last_day = period->end;
      Known *found = g_hash_table_lookup (known, period->uid);
      Known *now;
      gint64 id;

      g_date_subtract_days (&last_day, 1);
      last = pl_date_to_iso (&last_day);

      if (found != NULL && found->every_day && g_strcmp0 (found->label, period->label) == 0
          && g_str_equal (found->start, start) && g_str_equal (found->last, last))
        {
          written.unchanged++;
          continue;
        }

      id = write_period (db, owner_nick, kind_nick, owners, period, start, last, found, error);
      if (id == 0)
        {
          if (failed != NULL)
            *failed = i;
          return write_failed (store, error);
        }

      if (found != NULL)
        written.updated++;
      else
        written.added++;

      /* A UID that comes twice in a file finds the period it wrote. */
      now = g_new0 (Known, 1);
      now->id = id;
      now->label = g_strdup (period->label);
      now->start = g_steal_pointer (&start);
      now->last = g_steal_pointer (&last);
      now->every_day = TRUE;
      g_hash_table_insert (known, g_strdup (period->uid), now);
    }

  if (!pl_store_commit (store, error))
    return FALSE;

  if (counts != NULL)
    *counts = written;
  return TRUE;
}
