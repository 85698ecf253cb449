/* pl-store-calendar.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-calendar"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-store-calendar.h"
#include "pl-store-private.h"

/* The queries of the calendars. A period query takes ?1 and ?2, the range
 * [from, to) as ISO dates (NULL for no bound), and the owners it is about
 * from ?3 on; its kinds are kept while reading the rows, so that the text
 * of each query never varies. calendar_period is "c" throughout. */

G_DEFINE_BOXED_TYPE (PlPeriod, pl_period, pl_period_copy, pl_period_free)

PlPeriod *
pl_period_copy (const PlPeriod *period)
{
  PlPeriod *copy;

  g_return_val_if_fail (period != NULL, NULL);

  copy = g_memdup2 (period, sizeof *period);
  copy->label = g_strdup (period->label);
  return copy;
}

void
pl_period_free (PlPeriod *period)
{
  if (period == NULL)
    return;

  g_free (period->label);
  g_free (period);
}

/* Sets @error to a sentence with the reason of @failure; returns FALSE. */
static gboolean
read_failed (GError       **error,
             const GError  *failure)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("The database could not be read: %s"),
               failure->message);
  return FALSE;
}

static PlStmt *
prepare (PlStore     *store,
         const char  *sql,
         GError     **error)
{
  g_autoptr(GError) failure = NULL;
  PlStmt *stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);

  if (stmt == NULL)
    read_failed (error, failure);
  return stmt;
}

/* NULL, or an invalid date, binds NULL: no bound. */
static void
bind_date (PlStmt      *stmt,
           int          index,
           const GDate *date)
{
  g_autofree char *iso = NULL;

  if (date != NULL && g_date_valid (date))
    iso = pl_date_to_iso (date);
  pl_stmt_bind_text (stmt, index, iso);
}

/* The columns every period query selects, in this order. */
#define PERIOD_COLUMNS \
  "c.id, c.owner_kind, coalesce(c.partner_id, c.employer_id, c.staff_id, 0), c.kind, c.label," \
  " c.start_date, c.end_date, c.weekdays"

/* The periods where @CONDITION holds that overlap [?1, ?2); the stored end
 * is the last day. */
#define PERIODS_WHERE(CONDITION) \
  "SELECT " PERIOD_COLUMNS " FROM calendar_period c" \
  " WHERE (" CONDITION ")" \
  "   AND (?1 IS NULL OR c.end_date >= ?1) AND (?2 IS NULL OR c.start_date < ?2)" \
  " ORDER BY c.start_date, c.id"

/* The periods of @kinds among the rows of @stmt, or NULL with @error set
 * (transfer full). */
static GPtrArray *
collect_periods (PlStmt  *stmt,
                 guint    kinds,
                 GError **error)
{
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_period_free);
  g_autoptr(GError) failure = NULL;

  while (pl_stmt_next (stmt, &failure))
    {
      PlPeriod *period;
      int owner_kind = PL_OWNER_ALL;
      int kind = 0;
      GDate last;

      /* The schema allows only the nicks of the enumerations, and makes
       * both dates valid. */
      pl_enum_from_nick (PL_TYPE_PERIOD_KIND, pl_stmt_get_text (stmt, 3), &kind);
      if ((kind & kinds) == 0)
        continue;

      period = g_new0 (PlPeriod, 1);
      period->id = pl_stmt_get_int (stmt, 0);
      pl_enum_from_nick (PL_TYPE_OWNER_KIND, pl_stmt_get_text (stmt, 1), &owner_kind);
      period->owner_kind = owner_kind;
      period->owner_id = pl_stmt_get_int (stmt, 2);
      period->kind = kind;
      period->label = pl_stmt_dup_text (stmt, 4);
      pl_date_parse (pl_stmt_get_text (stmt, 5), &period->start);
      pl_date_parse (pl_stmt_get_text (stmt, 6), &last);
      period->end = last;
      g_date_add_days (&period->end, 1);
      period->weekdays = (guint8) (pl_stmt_get_int (stmt, 7) & 0x7f);
      g_ptr_array_add (periods, period);
    }

  if (failure != NULL)
    {
      read_failed (error, failure);
      return NULL;
    }

  return g_steal_pointer (&periods);
}

/* Runs the period query @sql with the range bound and @owners at ?3 on. */
static GPtrArray *
list_periods (PlStore       *store,
              const char    *sql,
              guint          kinds,
              const GDate   *from,
              const GDate   *to,
              const gint64  *owners,
              guint          n_owners,
              GError       **error)
{
  g_autoptr(PlStmt) stmt = prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;

  bind_date (stmt, 1, from);
  bind_date (stmt, 2, to);
  for (guint i = 0; i < n_owners; i++)
    pl_stmt_bind_int (stmt, 3 + i, owners[i]);

  return collect_periods (stmt, kinds, error);
}

/**
 * pl_store_calendar_list_periods:
 *
 * Returns: (transfer full) (element-type PlPeriod): every period of @kinds
 *   in the range
 */
GPtrArray *
pl_store_calendar_list_periods (PlStore      *store,
                                guint         kinds,
                                const GDate  *from,
                                const GDate  *to,
                                GError      **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return list_periods (store, PERIODS_WHERE ("TRUE"), kinds, from, to, NULL, 0, error);
}

/**
 * pl_store_calendar_list_affecting:
 *
 * Returns: (transfer full) (element-type PlPeriod): the periods that apply
 *   to the owner
 */
GPtrArray *
pl_store_calendar_list_affecting (PlStore      *store,
                                  PlOwnerKind   owner_kind,
                                  gint64        owner_id,
                                  guint         kinds,
                                  const GDate  *from,
                                  const GDate  *to,
                                  GError      **error)
{
  static const char * const sql[] = {
    [PL_OWNER_ALL] = PERIODS_WHERE ("c.owner_kind = 'all'"),
    [PL_OWNER_PARTNER] = PERIODS_WHERE ("c.owner_kind = 'all'"
                                        " OR (c.owner_kind = 'partner' AND c.partner_id = ?3)"),
    [PL_OWNER_EMPLOYER] = PERIODS_WHERE ("c.owner_kind = 'all'"
                                         " OR (c.owner_kind = 'employer' AND c.employer_id = ?3)"),
    [PL_OWNER_STAFF] = PERIODS_WHERE ("c.owner_kind = 'all'"
                                      " OR (c.owner_kind = 'partner'"
                                      "     AND c.partner_id = (SELECT partner_id FROM staff"
                                      "                         WHERE id = ?3))"
                                      " OR (c.owner_kind = 'staff' AND c.staff_id = ?3)"),
  };
  g_autofree char *name = NULL;
  gboolean owned;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (owner_kind <= PL_OWNER_STAFF, NULL);

  owned = owner_kind != PL_OWNER_ALL;
  if (owned && !(name = pl_store_calendar_get_owner_name (store, owner_kind, owner_id, error)))
    return NULL;

  return list_periods (store, sql[owner_kind], kinds, from, to, &owner_id, owned ? 1 : 0, error);
}

/**
 * pl_store_calendar_list_for_filter:
 *
 * Returns: (transfer full) (element-type PlPeriod): the periods the
 *   Calendar page shows for @filter
 */
GPtrArray *
pl_store_calendar_list_for_filter (PlStore                 *store,
                                   const PlCalendarFilter  *filter,
                                   guint                    kinds,
                                   const GDate             *from,
                                   const GDate             *to,
                                   GError                 **error)
{
  static const char sql[] =
    PERIODS_WHERE ("c.owner_kind = 'all'"
                   " OR (c.owner_kind = 'partner' AND (?3 = 0 OR c.partner_id = ?3)"
                   "     AND (?5 = 0 OR c.partner_id = (SELECT partner_id FROM staff"
                   "                                    WHERE id = ?5)))"
                   " OR (c.owner_kind = 'employer' AND (?4 = 0 OR c.employer_id = ?4))"
                   " OR (c.owner_kind = 'staff' AND ?5 <> 0 AND c.staff_id = ?5)");
  gint64 owners[3];

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  owners[0] = filter->partner_id;
  owners[1] = filter->employer_id;
  owners[2] = filter->staff_id;
  return list_periods (store, sql, kinds, from, to, owners, G_N_ELEMENTS (owners), error);
}

/**
 * pl_store_calendar_list_terms:
 *
 * Returns: (transfer full) (element-type PlPeriod): the terms the partner
 *   lives by
 */
GPtrArray *
pl_store_calendar_list_terms (PlStore  *store,
                              gint64    partner_id,
                              GError  **error)
{
  /* ?1 is never a partner's id when it is 0: the network's terms. */
  static const char sql[] =
    "SELECT " PERIOD_COLUMNS " FROM calendar_period c"
    " WHERE c.kind = 'term'"
    "   AND CASE WHEN EXISTS (SELECT 1 FROM calendar_period o"
    "                         WHERE o.owner_kind = 'partner' AND o.partner_id = ?1"
    "                           AND o.kind = 'term')"
    "       THEN c.owner_kind = 'partner' AND c.partner_id = ?1"
    "       ELSE c.owner_kind = 'all' END"
    " ORDER BY c.start_date, c.id";
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (partner_id != 0)
    {
      g_autofree char *name = pl_store_calendar_get_owner_name (store, PL_OWNER_PARTNER,
                                                                partner_id, error);

      if (name == NULL)
        return NULL;
    }

  if (!(stmt = prepare (store, sql, error)))
    return NULL;
  pl_stmt_bind_int (stmt, 1, partner_id);

  return collect_periods (stmt, PL_PERIOD_TERM, error);
}

/**
 * pl_store_calendar_get_owner_name:
 *
 * Returns: (transfer full): the owner's name, or %NULL with @error set
 */
char *
pl_store_calendar_get_owner_name (PlStore      *store,
                                  PlOwnerKind   owner_kind,
                                  gint64        owner_id,
                                  GError      **error)
{
  static const char * const sql[] = {
    [PL_OWNER_PARTNER] = "SELECT name FROM partner WHERE id = ?1",
    [PL_OWNER_EMPLOYER] = "SELECT name FROM employer WHERE id = ?1",
    [PL_OWNER_STAFF] = "SELECT name FROM staff WHERE id = ?1",
  };
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (owner_kind > PL_OWNER_ALL && owner_kind <= PL_OWNER_STAFF, NULL);

  if (!(stmt = prepare (store, sql[owner_kind], error)))
    return NULL;
  pl_stmt_bind_int (stmt, 1, owner_id);

  if (pl_stmt_next (stmt, &failure))
    return pl_stmt_dup_text (stmt, 0);

  if (failure != NULL)
    read_failed (error, failure);
  else
    g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                 _("There is no %s with number %" G_GINT64_FORMAT),
                 pl_enum_get_label (PL_TYPE_OWNER_KIND, owner_kind), owner_id);
  return NULL;
}

/* Steps the lookup of one placement: FALSE, with @error set, when it
 * failed or found none. */
static gboolean
find_placement (PlStmt  *stmt,
                gint64   placement_id,
                GError **error)
{
  g_autoptr(GError) failure = NULL;

  pl_stmt_bind_int (stmt, 1, placement_id);
  if (pl_stmt_next (stmt, &failure))
    return TRUE;

  if (failure != NULL)
    return read_failed (error, failure);

  g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
               _("There is no placement with number %" G_GINT64_FORMAT), placement_id);
  return FALSE;
}

/**
 * pl_store_calendar_get_placement_window:
 * @first: (out caller-allocates): the first day allowed, cleared when open
 * @last: (out caller-allocates): the last day allowed, cleared when open
 *
 * Returns: (transfer full) (element-type PlPeriod): the placement's terms
 */
GPtrArray *
pl_store_calendar_get_placement_window (PlStore  *store,
                                        gint64    placement_id,
                                        GDate    *first,
                                        GDate    *last,
                                        GError  **error)
{
  g_autoptr(PlStmt) placement = NULL;
  g_autoptr(PlStmt) terms = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  placement = prepare (store, "SELECT window_start, window_end FROM placement WHERE id = ?1",
                       error);
  if (placement == NULL || !find_placement (placement, placement_id, error))
    return NULL;

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  pl_date_parse (pl_stmt_get_text (placement, 0), first);
  pl_date_parse (pl_stmt_get_text (placement, 1), last);

  terms = prepare (store,
                   "SELECT " PERIOD_COLUMNS " FROM placement_term t"
                   " JOIN calendar_period c ON c.id = t.period_id"
                   " WHERE t.placement_id = ?1 ORDER BY c.start_date, c.id",
                   error);
  if (terms == NULL)
    return NULL;
  pl_stmt_bind_int (terms, 1, placement_id);

  return collect_periods (terms, PL_PERIOD_ANY, error);
}

gint64
pl_store_calendar_get_placement_partner (PlStore  *store,
                                         gint64    placement_id,
                                         GError  **error)
{
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), 0);

  stmt = prepare (store,
                  "SELECT s.partner_id FROM placement p JOIN staff s ON s.id = p.staff_id"
                  " WHERE p.id = ?1",
                  error);
  if (stmt == NULL || !find_placement (stmt, placement_id, error))
    return 0;

  return pl_stmt_get_int (stmt, 0);
}

gboolean
pl_store_calendar_set_placement_terms (PlStore  *store,
                                       gint64    placement_id,
                                       GArray   *period_ids,
                                       GError  **error)
{
  PlDb *db;
  g_autoptr(PlStmt) clear = NULL;
  g_autoptr(PlStmt) insert = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  db = pl_store_get_db (store);
  if (!(clear = pl_db_prepare (db, "DELETE FROM placement_term WHERE placement_id = ?1", error)) ||
      !(insert = pl_db_prepare (db,
                                "INSERT INTO placement_term (placement_id, period_id)"
                                " VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                                error)))
    return pl_store_translate_error (error, NULL);

  if (!pl_store_begin (store, error))
    return FALSE;

  pl_stmt_bind_int (clear, 1, placement_id);
  if (!pl_stmt_run (clear, error))
    goto failed;

  for (guint i = 0; period_ids != NULL && i < period_ids->len; i++)
    {
      pl_stmt_bind_int (insert, 1, placement_id);
      pl_stmt_bind_int (insert, 2, g_array_index (period_ids, gint64, i));
      if (!pl_stmt_run (insert, error))
        goto failed;
    }

  /* placement_term keeps no row ids, so the connection cannot tell of its
   * rows: the terms are the placement's. */
  pl_store_note_change (store, "placement", placement_id);
  return pl_store_commit (store, error);

failed:
  pl_store_rollback (store);
  return pl_store_translate_error (error, NULL);
}

/* ------------------------------------------------------------------------
 * What a calendar view shows
 */

static void
milestone_clear (gpointer data)
{
  PlCalendarMilestone *milestone = data;

  g_free (milestone->label);
}

void
pl_calendar_placement_free (PlCalendarPlacement *placement)
{
  if (placement == NULL)
    return;

  g_free (placement->staff_name);
  g_free (placement->employer_name);
  g_array_unref (placement->days);
  g_array_unref (placement->milestones);
  g_free (placement);
}

/* The placement's columns, first in each query of placements' dates, and
 * the filter: ?1 and ?2 the range [from, to), ?3 to ?5 the filter's
 * partner, employer and staff member (0 for any), ?6 the cancelled status,
 * left out. @ROW is the alias of the table whose rows have a placement_id. */
#define PLACEMENT_COLUMNS "p.id, s.name, e.name, p.employer_id, p.sector_id, p.status"
#define PLACEMENT_OF(ROW) \
  " JOIN placement p ON p.id = " ROW ".placement_id" \
  " JOIN staff s ON s.id = p.staff_id" \
  " LEFT JOIN employer e ON e.id = p.employer_id" \
  " WHERE p.status <> ?6" \
  "   AND (?3 = 0 OR s.partner_id = ?3)" \
  "   AND (?4 = 0 OR p.employer_id = ?4)" \
  "   AND (?5 = 0 OR p.staff_id = ?5)"
#define N_PLACEMENT_COLUMNS 6

static const char days_sql[] =
  "SELECT " PLACEMENT_COLUMNS ", d.day FROM placement_day d" PLACEMENT_OF ("d")
  " AND d.day >= ?1 AND d.day < ?2"
  " ORDER BY p.id, d.day";

static const char milestones_sql[] =
  "SELECT " PLACEMENT_COLUMNS ", m.id, m.label, m.due, m.done FROM milestone m" PLACEMENT_OF ("m")
  " AND m.due >= ?1 AND m.due < ?2"
  " ORDER BY m.due, m.id";

typedef struct
{
  GPtrArray  *placements;   /* PlCalendarPlacement, owned */
  GHashTable *by_id;        /* &id → the same placements */
} Placements;

/* The placement of the current row of @stmt, read the first time it comes. */
static PlCalendarPlacement *
placement_of_row (Placements *found,
                  PlStmt     *stmt)
{
  gint64 id = pl_stmt_get_int (stmt, 0);
  PlCalendarPlacement *placement = g_hash_table_lookup (found->by_id, &id);
  int status = 0;

  if (placement != NULL)
    return placement;

  placement = g_new0 (PlCalendarPlacement, 1);
  placement->id = id;
  placement->staff_name = pl_stmt_dup_text (stmt, 1);
  placement->employer_name = pl_stmt_dup_text (stmt, 2);
  placement->employer_id = pl_stmt_get_int (stmt, 3);
  placement->sector_id = pl_stmt_get_int (stmt, 4);
  /* The schema allows only the nicks of the statuses. */
  pl_enum_from_nick (PL_TYPE_PLACEMENT_STATUS, pl_stmt_get_text (stmt, 5), &status);
  placement->status = status;
  placement->days = g_array_new (FALSE, FALSE, sizeof (GDate));
  placement->milestones = g_array_new (FALSE, FALSE, sizeof (PlCalendarMilestone));
  g_array_set_clear_func (placement->milestones, milestone_clear);

  g_ptr_array_add (found->placements, placement);
  g_hash_table_insert (found->by_id, &placement->id, placement);
  return placement;
}

static PlStmt *
prepare_placements (PlStore                 *store,
                    const char              *sql,
                    const PlCalendarFilter  *filter,
                    const char              *from,
                    const char              *to,
                    GError                 **error)
{
  PlStmt *stmt = prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;

  pl_stmt_bind_text (stmt, 1, from);
  pl_stmt_bind_text (stmt, 2, to);
  pl_stmt_bind_int (stmt, 3, filter->partner_id);
  pl_stmt_bind_int (stmt, 4, filter->employer_id);
  pl_stmt_bind_int (stmt, 5, filter->staff_id);
  pl_stmt_bind_text (stmt, 6, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                               PL_PLACEMENT_STATUS_CANCELLED));
  return stmt;
}

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const PlCalendarPlacement *x = *(PlCalendarPlacement * const *) a;
  const PlCalendarPlacement *y = *(PlCalendarPlacement * const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

/**
 * pl_store_calendar_list_placements:
 *
 * Returns: (transfer full) (element-type PlCalendarPlacement): the
 *   placements with days or milestones in the range
 */
GPtrArray *
pl_store_calendar_list_placements (PlStore                 *store,
                                   const PlCalendarFilter  *filter,
                                   const GDate             *from,
                                   const GDate             *to,
                                   GError                 **error)
{
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(PlStmt) days = NULL;
  g_autoptr(PlStmt) milestones = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  Placements found;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  placements = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_calendar_placement_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  found.placements = placements;
  found.by_id = by_id;
  from_iso = pl_date_to_iso (from);
  to_iso = pl_date_to_iso (to);

  if (!(days = prepare_placements (store, days_sql, filter, from_iso, to_iso, error)))
    return NULL;
  while (pl_stmt_next (days, &failure))
    {
      PlCalendarPlacement *placement = placement_of_row (&found, days);
      GDate day;

      if (pl_date_parse (pl_stmt_get_text (days, N_PLACEMENT_COLUMNS), &day))
        g_array_append_val (placement->days, day);
    }
  if (failure != NULL)
    {
      read_failed (error, failure);
      return NULL;
    }

  if (!(milestones = prepare_placements (store, milestones_sql, filter, from_iso, to_iso, error)))
    return NULL;
  while (pl_stmt_next (milestones, &failure))
    {
      PlCalendarPlacement *placement = placement_of_row (&found, milestones);
      PlCalendarMilestone milestone = { 0 };

      if (!pl_date_parse (pl_stmt_get_text (milestones, N_PLACEMENT_COLUMNS + 2), &milestone.due))
        continue;

      milestone.id = pl_stmt_get_int (milestones, N_PLACEMENT_COLUMNS);
      milestone.label = pl_stmt_dup_text (milestones, N_PLACEMENT_COLUMNS + 1);
      milestone.done = !pl_stmt_is_null (milestones, N_PLACEMENT_COLUMNS + 3);
      g_array_append_val (placement->milestones, milestone);
    }
  if (failure != NULL)
    {
      read_failed (error, failure);
      return NULL;
    }

  g_ptr_array_sort (placements, compare_placements);
  return g_steal_pointer (&placements);
}

/* The ids of the groups the filter's people belong to, as a set of
 * gint64 (transfer full), or NULL with @error set. */
static GHashTable *
list_groups_of (PlStore                 *store,
                const PlCalendarFilter  *filter,
                GError                 **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GError) failure = NULL;

  stmt = prepare (store,
                  "SELECT g.id FROM exchange_group g"
                  " WHERE (?2 = 0 OR EXISTS (SELECT 1 FROM group_member gm"
                  "                          WHERE gm.group_id = g.id AND gm.staff_id = ?2))"
                  "   AND (?1 = 0 OR EXISTS (SELECT 1 FROM group_member gm"
                  "                          JOIN staff s ON s.id = gm.staff_id"
                  "                          WHERE gm.group_id = g.id AND s.partner_id = ?1))",
                  error);
  if (stmt == NULL)
    return NULL;
  pl_stmt_bind_int (stmt, 1, filter->partner_id);
  pl_stmt_bind_int (stmt, 2, filter->staff_id);

  groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while (pl_stmt_next (stmt, &failure))
    {
      gint64 id = pl_stmt_get_int (stmt, 0);

      g_hash_table_add (groups, g_memdup2 (&id, sizeof id));
    }
  if (failure != NULL)
    {
      read_failed (error, failure);
      return NULL;
    }

  return g_steal_pointer (&groups);
}

/**
 * pl_store_calendar_list_meetings:
 *
 * Returns: (transfer full) (element-type PlGroupMeetingEvent): the
 *   meetings of the filter's groups in the range
 */
GPtrArray *
pl_store_calendar_list_meetings (PlStore                 *store,
                                 const PlCalendarFilter  *filter,
                                 const GDate             *from,
                                 const GDate             *to,
                                 GError                 **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  if (filter->employer_id != 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) pl_group_meeting_event_free);

  from_iso = pl_date_to_iso (from);
  to_iso = pl_date_to_iso (to);
  meetings = pl_groups_meetings_between (store, from_iso, to_iso, error);
  if (meetings == NULL || (filter->partner_id == 0 && filter->staff_id == 0))
    return g_steal_pointer (&meetings);

  if (!(groups = list_groups_of (store, filter, error)))
    return NULL;
  for (guint i = meetings->len; i > 0; i--)
    {
      const PlGroupMeetingEvent *meeting = g_ptr_array_index (meetings, i - 1);

      if (!g_hash_table_contains (groups, &meeting->group_id))
        g_ptr_array_remove_index (meetings, i - 1);
    }

  return g_steal_pointer (&meetings);
}
