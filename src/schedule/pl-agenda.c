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
#include "pl-store-job.h"
#include "pl-workdays.h"

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

static char *
placement_title (const char *staff,
                 const char *employer)
{
  if (employer == NULL)
    return g_strdup (staff);

  /* TRANSLATORS: a placement in the calendar: staff member — employer. */
  return g_strdup_printf (_("%s — %s"), staff, employer);
}

static PlAgendaItem *
item_new (PlAgendaKind  kind,
          gint64        id,
          const GDate  *day)
{
  PlAgendaItem *item = g_new0 (PlAgendaItem, 1);

  item->kind = kind;
  item->id = id;
  item->start = item->end = *day;
  g_date_add_days (&item->end, 1);
  return item;
}

/* One bar per run of consecutive days of each placement, and its
 * milestones. */
static void
add_placement (PlAgenda                  *agenda,
               const PlCalendarPlacement *placement)
{
  g_autofree char *title = placement_title (placement->staff_name, placement->employer_name);
  PlAgendaItem *run = NULL;

  for (guint i = 0; i < placement->days->len; i++)
    {
      const GDate *day = &g_array_index (placement->days, GDate, i);

      /* A day right after the run continues it. */
      if (run != NULL && g_date_compare (day, &run->end) == 0)
        {
          g_date_add_days (&run->end, 1);
          continue;
        }

      run = item_new (PL_AGENDA_PLACEMENT, placement->id, day);
      run->placement_id = placement->id;
      run->title = g_strdup (title);
      run->employer_id = placement->employer_id;
      run->sector_id = placement->sector_id;
      run->status = g_strdup (pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS, placement->status));
      run->detail = g_strdup (pl_enum_get_label (PL_TYPE_PLACEMENT_STATUS, placement->status));
      g_ptr_array_add (agenda->items, run);
    }

  for (guint i = 0; i < placement->milestones->len; i++)
    {
      const PlCalendarMilestone *milestone = &g_array_index (placement->milestones,
                                                             PlCalendarMilestone, i);
      PlAgendaItem *item = item_new (PL_AGENDA_MILESTONE, milestone->id, &milestone->due);

      item->placement_id = placement->id;
      item->title = g_strdup (milestone->label);
      item->detail = g_strdup (title);
      item->done = milestone->done;
      item->employer_id = placement->employer_id;
      item->sector_id = placement->sector_id;
      g_ptr_array_add (agenda->items, item);
    }
}

static void
add_meeting (PlAgenda                  *agenda,
             const PlGroupMeetingEvent *meeting)
{
  PlAgendaItem *item;
  GDate day;

  if (!pl_date_parse (meeting->date, &day))
    return;

  item = item_new (PL_AGENDA_MEETING, meeting->meeting_id, &day);
  item->group_id = meeting->group_id;
  /* TRANSLATORS: an exchange-group meeting in the calendar; %s is the group. */
  item->title = g_strdup_printf (_("%s meeting"), meeting->group_name);
  item->detail = g_strdup (meeting->place);
  g_ptr_array_add (agenda->items, item);
}

static char *
owner_key (const PlPeriod *period)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                          pl_enum_to_nick (PL_TYPE_OWNER_KIND, period->owner_kind),
                          period->owner_id);
}

static void
collect_owner_names (PlStore  *store,
                     PlAgenda *agenda)
{
  for (guint i = 0; i < agenda->periods->len; i++)
    {
      PlPeriod *period = g_ptr_array_index (agenda->periods, i);
      g_autofree char *key = NULL;
      char *name;

      if (period->owner_kind == PL_OWNER_ALL)
        continue;

      key = owner_key (period);
      if (g_hash_table_contains (agenda->owner_names, key))
        continue;

      name = pl_store_calendar_get_owner_name (store, period->owner_kind, period->owner_id, NULL);
      if (name != NULL)
        g_hash_table_insert (agenda->owner_names, g_steal_pointer (&key), name);
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
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

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

  agenda->periods = pl_store_calendar_list_for_filter (store, filter, PL_PERIOD_ANY, from, to, error);
  if (agenda->periods == NULL)
    {
      agenda->periods = g_ptr_array_new ();
      return NULL;
    }

  if (!(placements = pl_store_calendar_list_placements (store, filter, from, to, error)) ||
      !(meetings = pl_store_calendar_list_meetings (store, filter, from, to, error)))
    return NULL;
  for (guint i = 0; i < placements->len; i++)
    add_placement (agenda, g_ptr_array_index (placements, i));
  for (guint i = 0; i < meetings->len; i++)
    add_meeting (agenda, g_ptr_array_index (meetings, i));
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
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL && period != NULL, NULL);

  if (period->owner_kind == PL_OWNER_ALL)
    return NULL;

  key = owner_key (period);
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

typedef struct
{
  PlCalendarFilter filter;
  GDate            from;
  GDate            to;
} CollectJob;

static gpointer
collect_in_worker (PlStoreJob  *job,
                   PlStore     *worker,
                   gpointer     data,
                   GError     **error)
{
  CollectJob *collect = data;

  (void) job;
  return pl_agenda_collect (worker, &collect->filter, &collect->from, &collect->to, error);
}

/**
 * pl_agenda_collect_async:
 *
 * pl_agenda_collect() in the store's worker (see pl-store-job.h), so that
 * a calendar of a large network is shown at once and filled when read.
 */
void
pl_agenda_collect_async (PlStore                *store,
                         const PlCalendarFilter *filter,
                         const GDate            *from,
                         const GDate            *to,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  CollectJob *job;

  g_return_if_fail (PL_IS_STORE (store));
  g_return_if_fail (filter != NULL && from != NULL && to != NULL);

  job = g_new0 (CollectJob, 1);
  job->filter = *filter;
  job->from = *from;
  job->to = *to;
  pl_store_run_async (store, collect_in_worker, job, g_free, (GDestroyNotify) pl_agenda_unref,
                      NULL, NULL, cancellable, callback, user_data);
}

PlAgenda *
pl_agenda_collect_finish (PlStore       *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  return pl_store_run_finish (store, result, error);
}
