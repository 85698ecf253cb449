/* pl-agenda.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-agenda"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-agenda.h"
#include "pl-date.h"
#include "pl-workdays.h"
#include "pl-store-legacy-private.h"

G_DEFINE_BOXED_TYPE (PlAgenda, pl_agenda, pl_agenda_ref, pl_agenda_unref)

static void
agenda_item_free (PlAgendaItem *item)
{
  g_free (item->title);
  g_free (item->detail);
  g_free (item->status);
  g_free (item);
}

PlAgenda *
pl_agenda_ref (PlAgenda *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pl_agenda_unref (PlAgenda *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->periods);
  g_array_unref (self->bank_holidays);
  g_hash_table_unref (self->owner_names);
  g_free (self);
}

static void
set_sql_error (PlStore  *store,
               GError  **error)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("The database could not be read: %s"),
               sqlite3_errmsg (pl_store_get_sqlite (store)));
}

static sqlite3_stmt *
prepare (PlStore                *store,
         const char             *sql,
         const PlCalendarFilter *filter,
         const char             *from,
         const char             *to,
         GError                **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (store, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  /* Every query numbers its parameters the same way. */
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, filter->partner_id);
  sqlite3_bind_int64 (stmt, 4, filter->employer_id);
  sqlite3_bind_int64 (stmt, 5, filter->staff_id);
  return stmt;
}

static const char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* The filter on placements (alias p, its staff s). */
#define PLACEMENT_FILTER \
  " p.status <> 'cancelled'" \
  " AND (?3 = 0 OR s.partner_id = ?3)" \
  " AND (?4 = 0 OR p.employer_id = ?4)" \
  " AND (?5 = 0 OR p.staff_id = ?5)"

static char *
placement_title (const char *staff,
                 const char *employer)
{
  if (employer == NULL)
    return g_strdup (staff);

  /* TRANSLATORS: a placement in the calendar: staff member — employer. */
  return g_strdup_printf (_("%s — %s"), staff, employer);
}

static gboolean
collect_placements (PlStore                *store,
                    PlAgenda               *agenda,
                    const PlCalendarFilter *filter,
                    const char             *from,
                    const char             *to,
                    GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PlAgendaItem *run = NULL;
  gint64 run_placement = 0;
  int rc;

  stmt = prepare (store,
                  "SELECT p.id, d.day, s.name, e.name, p.employer_id, p.sector_id, p.status"
                  " FROM placement_day d"
                  " JOIN placement p ON p.id = d.placement_id"
                  " JOIN staff s ON s.id = p.staff_id"
                  " LEFT JOIN employer e ON e.id = p.employer_id"
                  " WHERE d.day >= ?1 AND d.day < ?2 AND" PLACEMENT_FILTER
                  " ORDER BY p.id, d.day",
                  filter, from, to, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GDate day;

      if (!pl_date_parse (text_at (stmt, 1), &day))
        continue;

      /* A day right after the run continues it. */
      if (run != NULL && run_placement == id && g_date_compare (&day, &run->end) == 0)
        {
          g_date_add_days (&run->end, 1);
          continue;
        }

      run = g_new0 (PlAgendaItem, 1);
      run->kind = PL_AGENDA_PLACEMENT;
      run->id = run->placement_id = run_placement = id;
      run->title = placement_title (text_at (stmt, 2), text_at (stmt, 3));
      run->employer_id = sqlite3_column_int64 (stmt, 4);
      run->sector_id = sqlite3_column_int64 (stmt, 5);
      run->status = g_strdup (text_at (stmt, 6));
      run->detail = g_strdup (pl_enum_label (run->status));
      run->start = run->end = day;
      g_date_add_days (&run->end, 1);
      g_ptr_array_add (agenda->items, run);
    }

  if (rc != SQLITE_DONE)
    {
      set_sql_error (store, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
collect_milestones (PlStore                *store,
                    PlAgenda               *agenda,
                    const PlCalendarFilter *filter,
                    const char             *from,
                    const char             *to,
                    GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (store,
                  "SELECT m.id, m.placement_id, m.label, m.due, m.done, s.name, e.name,"
                  " p.employer_id, p.sector_id"
                  " FROM milestone m"
                  " JOIN placement p ON p.id = m.placement_id"
                  " JOIN staff s ON s.id = p.staff_id"
                  " LEFT JOIN employer e ON e.id = p.employer_id"
                  " WHERE m.due >= ?1 AND m.due < ?2 AND" PLACEMENT_FILTER
                  " ORDER BY m.due, m.id",
                  filter, from, to, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlAgendaItem *item;
      GDate due;

      if (!pl_date_parse (text_at (stmt, 3), &due))
        continue;

      item = g_new0 (PlAgendaItem, 1);
      item->kind = PL_AGENDA_MILESTONE;
      item->id = sqlite3_column_int64 (stmt, 0);
      item->placement_id = sqlite3_column_int64 (stmt, 1);
      item->title = g_strdup (text_at (stmt, 2));
      item->detail = placement_title (text_at (stmt, 5), text_at (stmt, 6));
      item->done = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      item->employer_id = sqlite3_column_int64 (stmt, 7);
      item->sector_id = sqlite3_column_int64 (stmt, 8);
      item->start = item->end = due;
      g_date_add_days (&item->end, 1);
      g_ptr_array_add (agenda->items, item);
    }

  if (rc != SQLITE_DONE)
    {
      set_sql_error (store, error);
      return FALSE;
    }

  return TRUE;
}

/* Meetings of the groups the filter's people belong to; employers are not
 * members of practitioner groups, so an employer filter shows none. */
static gboolean
collect_meetings (PlStore                *store,
                  PlAgenda               *agenda,
                  const PlCalendarFilter *filter,
                  const char             *from,
                  const char             *to,
                  GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (filter->employer_id != 0)
    return TRUE;

  stmt = prepare (store,
                  "SELECT m.id, m.group_id, g.name, m.meeting_date, m.place"
                  " FROM group_meeting m JOIN exchange_group g ON g.id = m.group_id"
                  " WHERE m.meeting_date >= ?1 AND m.meeting_date < ?2"
                  " AND (?5 = 0 OR EXISTS (SELECT 1 FROM group_member gm"
                  "                        WHERE gm.group_id = g.id AND gm.staff_id = ?5))"
                  " AND (?3 = 0 OR EXISTS (SELECT 1 FROM group_member gm"
                  "                        JOIN staff s ON s.id = gm.staff_id"
                  "                        WHERE gm.group_id = g.id AND s.partner_id = ?3))"
                  " ORDER BY m.meeting_date, m.id",
                  filter, from, to, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlAgendaItem *item;
      GDate day;

      if (!pl_date_parse (text_at (stmt, 3), &day))
        continue;

      item = g_new0 (PlAgendaItem, 1);
      item->kind = PL_AGENDA_MEETING;
      item->id = sqlite3_column_int64 (stmt, 0);
      item->group_id = sqlite3_column_int64 (stmt, 1);
      /* TRANSLATORS: an exchange-group meeting in the calendar; %s is the group. */
      item->title = g_strdup_printf (_("%s meeting"), text_at (stmt, 2));
      item->detail = g_strdup (text_at (stmt, 4));
      item->start = item->end = day;
      g_date_add_days (&item->end, 1);
      g_ptr_array_add (agenda->items, item);
    }

  if (rc != SQLITE_DONE)
    {
      set_sql_error (store, error);
      return FALSE;
    }

  return TRUE;
}

static void
collect_owner_names (PlStore  *store,
                     PlAgenda *agenda)
{
  static const char * const tables[] = { NULL, "partner", "employer", "staff" };

  for (guint i = 0; i < agenda->periods->len; i++)
    {
      PlPeriod *period = g_ptr_array_index (agenda->periods, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *key = NULL;
      g_autofree char *sql = NULL;

      if (period->owner_kind == PL_OWNER_ALL)
        continue;

      key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, tables[period->owner_kind], period->owner_id);
      if (g_hash_table_contains (agenda->owner_names, key))
        continue;

      sql = g_strdup_printf ("SELECT name FROM %s WHERE id = ?", tables[period->owner_kind]);
      if (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_int64 (stmt, 1, period->owner_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (agenda->owner_names, g_steal_pointer (&key),
                             g_strdup (text_at (stmt, 0)));
    }
}

static gint
compare_items (gconstpointer a,
               gconstpointer b)
{
  const PlAgendaItem *x = *(PlAgendaItem * const *) a;
  const PlAgendaItem *y = *(PlAgendaItem * const *) b;
  int by_start = g_date_compare (&x->start, &y->start);

  if (by_start != 0)
    return by_start;
  /* Longer bars first, so that they keep the top lanes. */
  if (g_date_compare (&x->end, &y->end) != 0)
    return -g_date_compare (&x->end, &y->end);
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return x->id < y->id ? -1 : x->id > y->id;
}

/**
 * pl_agenda_collect:
 *
 * Returns: (transfer full): the agenda
 */
PlAgenda *
pl_agenda_collect (PlStore                 *store,
                   const PlCalendarFilter  *filter,
                   const GDate             *from,
                   const GDate             *to,
                   GError                 **error)
{
  g_autoptr(PlAgenda) agenda = NULL;
  g_autoptr(PlWorkdays) workdays = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  agenda = g_new0 (PlAgenda, 1);
  g_atomic_ref_count_init (&agenda->ref_count);
  agenda->from = *from;
  agenda->to = *to;
  agenda->items = g_ptr_array_new_with_free_func ((GDestroyNotify) agenda_item_free);
  agenda->bank_holidays = g_array_new (FALSE, FALSE, sizeof (GDate));
  agenda->owner_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  agenda->periods = pl_calendar_list_for_filter (store, filter, PL_PERIOD_ANY, from, to, error);
  if (agenda->periods == NULL)
    {
      agenda->periods = g_ptr_array_new ();
      return NULL;
    }

  from_iso = pl_date_to_iso (from);
  to_iso = pl_date_to_iso (to);
  if (!collect_placements (store, agenda, filter, from_iso, to_iso, error) ||
      !collect_milestones (store, agenda, filter, from_iso, to_iso, error) ||
      !collect_meetings (store, agenda, filter, from_iso, to_iso, error))
    return NULL;
  g_ptr_array_sort (agenda->items, compare_items);

  collect_owner_names (store, agenda);

  /* Computed bank holidays, or the imported list for a year that has one. */
  workdays = pl_workdays_new_for_store (store);
  for (GDate day = *from; g_date_compare (&day, to) < 0; g_date_add_days (&day, 1))
    if (pl_workdays_is_bank_holiday (workdays, &day))
      g_array_append_val (agenda->bank_holidays, day);

  return g_steal_pointer (&agenda);
}

gboolean
pl_agenda_is_bank_holiday (PlAgenda    *self,
                           const GDate *date)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->bank_holidays->len; i++)
    if (g_date_compare (&g_array_index (self->bank_holidays, GDate, i), date) == 0)
      return TRUE;

  return FALSE;
}

const char *
pl_agenda_owner_name (PlAgenda       *self,
                      const PlPeriod *period)
{
  static const char * const tables[] = { NULL, "partner", "employer", "staff" };
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL && period != NULL, NULL);

  if (period->owner_kind == PL_OWNER_ALL)
    return NULL;

  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, tables[period->owner_kind], period->owner_id);
  return g_hash_table_lookup (self->owner_names, key);
}

static gboolean
item_on (const PlAgendaItem *item,
         const GDate        *date)
{
  return g_date_compare (&item->start, date) <= 0 && g_date_compare (date, &item->end) < 0;
}

/**
 * pl_agenda_items_on:
 *
 * Returns: (transfer container) (element-type PlAgendaItem): the day's items
 */
GPtrArray *
pl_agenda_items_on (PlAgenda    *self,
                    const GDate *date)
{
  GPtrArray *items = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, items);

  for (guint i = 0; i < self->items->len; i++)
    if (item_on (g_ptr_array_index (self->items, i), date))
      g_ptr_array_add (items, g_ptr_array_index (self->items, i));

  return items;
}

/**
 * pl_agenda_periods_on:
 *
 * Returns: (transfer container) (element-type PlPeriod): the day's periods
 */
GPtrArray *
pl_agenda_periods_on (PlAgenda    *self,
                      const GDate *date)
{
  GPtrArray *periods = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, periods);

  for (guint i = 0; i < self->periods->len; i++)
    if (pl_period_covers (g_ptr_array_index (self->periods, i), date))
      g_ptr_array_add (periods, g_ptr_array_index (self->periods, i));

  return periods;
}

char *
pl_agenda_describe_periods (PlAgenda    *self,
                            const GDate *date)
{
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) done = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_val_if_fail (self != NULL, NULL);

  if (pl_agenda_is_bank_holiday (self, date))
    g_string_append (out, _("Bank holiday"));

  periods = pl_agenda_periods_on (self, date);
  for (guint i = 0; i < periods->len; i++)
    {
      const PlPeriod *period = g_ptr_array_index (periods, i);
      const char *kind = pl_enum_label (pl_period_kind_to_string (period->kind));
      const char *label = period->label != NULL ? period->label : kind;
      g_autoptr(GString) owners = g_string_new (NULL);
      gboolean everyone = FALSE;

      if (g_hash_table_contains (done, period))
        continue;

      /* The same period of several colleges is one line naming them all. */
      for (guint j = i; j < periods->len; j++)
        {
          const PlPeriod *other = g_ptr_array_index (periods, j);
          const char *owner;

          if (other->kind != period->kind || g_strcmp0 (other->label, period->label) != 0)
            continue;
          g_hash_table_add (done, (gpointer) other);
          owner = pl_agenda_owner_name (self, other);
          if (owner == NULL)
            everyone = TRUE;
          else
            g_string_append_printf (owners, "%s%s", owners->len > 0 ? ", " : "", owner);
        }

      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* TRANSLATORS: kind of period: its name, as in "Busy season: Wedding season 2027". */
      g_string_append_printf (out, _("%s: %s"), kind, label);
      if (owners->len > 0 && !everyone)
        g_string_append_printf (out, " (%s)", owners->str);
    }

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
pl_agenda_describe_day (PlAgenda    *self,
                        const GDate *date)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *periods = NULL;
  g_autoptr(GPtrArray) items = NULL;
  char day[128];

  g_return_val_if_fail (self != NULL, NULL);

  /* TRANSLATORS: the date a calendar cell describes, as for g_date_strftime. */
  g_date_strftime (day, sizeof day, _("%A %-d %B %Y"), date);
  g_string_append (out, day);

  periods = pl_agenda_describe_periods (self, date);
  if (periods != NULL)
    g_string_append_printf (out, "\n%s", periods);

  items = pl_agenda_items_on (self, date);
  for (guint i = 0; i < items->len; i++)
    {
      PlAgendaItem *item = g_ptr_array_index (items, i);

      switch (item->kind)
        {
        case PL_AGENDA_PLACEMENT:
          /* TRANSLATORS: a placement on a calendar day: who and where (status). */
          g_string_append_printf (out, "\n%s", item->title);
          g_string_append_printf (out, _(" (placement, %s)"), item->detail);
          break;

        case PL_AGENDA_MILESTONE:
          g_string_append_printf (out, "\n%s", item->title);
          g_string_append_printf (out, item->done ? _(" (milestone, done: %s)")
                                                  : _(" (milestone due: %s)"),
                                  item->detail);
          break;

        case PL_AGENDA_MEETING:
          g_string_append_printf (out, "\n%s", item->title);
          if (item->detail != NULL)
            g_string_append_printf (out, " (%s)", item->detail);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
