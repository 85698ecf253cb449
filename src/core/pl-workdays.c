/* pl-workdays.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-workdays"

#include "config.h"

#include "pl-date.h"
#include "pl-enums.h"
#include "pl-workdays.h"
#include "pl-store-private.h"

struct _PlWorkdays
{
  gatomicrefcount  ref_count;
  GHashTable      *bank_years;  /* year → GHashTable of julian days */
  GHashTable      *closed;      /* julian days closed by the caller */
};

G_DEFINE_BOXED_TYPE (PlWorkdays, pl_workdays, pl_workdays_ref, pl_workdays_unref)

static void
add_day (GArray *days,
         int     year,
         int     month,
         int     day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_array_append_val (days, date);
}

/* The Monday on or after the first of @month, or the last Monday of it. */
static void
add_monday (GArray *days,
            int     year,
            int     month,
            gboolean last)
{
  GDate date;

  g_date_clear (&date, 1);
  if (last)
    {
      g_date_set_dmy (&date, g_date_get_days_in_month (month, year), month, year);
      while (g_date_get_weekday (&date) != G_DATE_MONDAY)
        g_date_subtract_days (&date, 1);
    }
  else
    {
      g_date_set_dmy (&date, 1, month, year);
      while (g_date_get_weekday (&date) != G_DATE_MONDAY)
        g_date_add_days (&date, 1);
    }
  g_array_append_val (days, date);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

/**
 * pl_bank_holidays_ew:
 *
 * Returns: (transfer full) (element-type GDate): the bank holidays of
 * England and Wales in @year, ascending.
 */
GArray *
pl_bank_holidays_ew (int year)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate date;
  GDateWeekday weekday;

  g_return_val_if_fail (year > 1000 && year < 9000, days);

  /* New Year's Day, moved to the Monday when it falls at a weekend. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
  weekday = g_date_get_weekday (&date);
  if (weekday == G_DATE_SATURDAY)
    g_date_add_days (&date, 2);
  else if (weekday == G_DATE_SUNDAY)
    g_date_add_days (&date, 1);
  g_array_append_val (days, date);

  /* Good Friday and Easter Monday. */
  pl_date_easter_sunday (year, &date);
  g_date_subtract_days (&date, 2);
  g_array_append_val (days, date);
  g_date_add_days (&date, 3);
  g_array_append_val (days, date);

  /* Early May: the first Monday, moved twice for anniversaries of VE Day. */
  if (year == 1995)
    add_day (days, 1995, 5, 8);
  else if (year == 2020)
    add_day (days, 2020, 5, 8);
  else
    add_monday (days, year, G_DATE_MAY, FALSE);

  /* Spring: the last Monday of May, moved for royal jubilees. */
  if (year == 2002)
    {
      add_day (days, 2002, 6, 3);
      add_day (days, 2002, 6, 4);
    }
  else if (year == 2012)
    {
      add_day (days, 2012, 6, 4);
      add_day (days, 2012, 6, 5);
    }
  else if (year == 2022)
    {
      add_day (days, 2022, 6, 2);
      add_day (days, 2022, 6, 3);
    }
  else
    add_monday (days, year, G_DATE_MAY, TRUE);

  /* Summer: the last Monday of August. */
  add_monday (days, year, G_DATE_AUGUST, TRUE);

  /* Christmas and Boxing Day, each moved to the next free weekday. */
  g_date_set_dmy (&date, 25, G_DATE_DECEMBER, year);
  switch (g_date_get_weekday (&date))
    {
    case G_DATE_FRIDAY:       /* Fri 25, Mon 28 */
      add_day (days, year, 12, 25);
      add_day (days, year, 12, 28);
      break;
    case G_DATE_SATURDAY:     /* Mon 27, Tue 28 */
      add_day (days, year, 12, 27);
      add_day (days, year, 12, 28);
      break;
    case G_DATE_SUNDAY:       /* Mon 26, Tue 27 */
      add_day (days, year, 12, 26);
      add_day (days, year, 12, 27);
      break;
    case G_DATE_BAD_WEEKDAY:
    case G_DATE_MONDAY:
    case G_DATE_TUESDAY:
    case G_DATE_WEDNESDAY:
    case G_DATE_THURSDAY:
    default:
      add_day (days, year, 12, 25);
      add_day (days, year, 12, 26);
      break;
    }

  /* Holidays proclaimed once. */
  if (year == 1999)
    add_day (days, 1999, 12, 31);
  else if (year == 2011)
    add_day (days, 2011, 4, 29);
  else if (year == 2022)
    add_day (days, 2022, 9, 19);
  else if (year == 2023)
    add_day (days, 2023, 5, 8);

  g_array_sort (days, compare_dates);
  return days;
}

static GHashTable *
julian_set (GArray *dates)
{
  GHashTable *set = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; dates != NULL && i < dates->len; i++)
    g_hash_table_add (set, GUINT_TO_POINTER (g_date_get_julian (&g_array_index (dates, GDate, i))));

  return set;
}

PlWorkdays *
pl_workdays_new (void)
{
  PlWorkdays *self = g_new0 (PlWorkdays, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->bank_years = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) g_hash_table_unref);
  self->closed = g_hash_table_new (g_direct_hash, g_direct_equal);
  return self;
}

/**
 * pl_workdays_new_for_store:
 *
 * Working days as the network sees them: bank holidays (an imported list of
 * bank holidays for a year, stored as network-wide `bank_holiday` periods,
 * replaces the computed one for that year) and network-wide holidays closed.
 *
 * Returns: (transfer full): a new calendar.
 */
PlWorkdays *
pl_workdays_new_for_store (PlStore *store)
{
  PlWorkdays *self = pl_workdays_new ();
  g_autoptr(GHashTable) imported = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          (GDestroyNotify) g_array_unref);
  g_autoptr(PlStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PL_IS_STORE (store), self);

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT kind, start_date, end_date FROM calendar_period "
                        "WHERE owner_kind = 'all' AND kind IN ('holiday', 'bank_holiday')",
                        NULL);
  if (stmt == NULL)
    return self;

  while (pl_stmt_next (stmt, NULL))
    {
      PlPeriodKind kind = 0;
      GDate first, last;

      if (!pl_enum_from_nick (PL_TYPE_PERIOD_KIND, pl_stmt_get_text (stmt, 0), (int *) &kind) ||
          !pl_date_parse (pl_stmt_get_text (stmt, 1), &first) ||
          !pl_date_parse (pl_stmt_get_text (stmt, 2), &last))
        continue;

      if (kind == PL_PERIOD_HOLIDAY)
        {
          pl_workdays_close (self, &first, &last);
          continue;
        }

      for (GDate d = first; g_date_compare (&d, &last) <= 0; g_date_add_days (&d, 1))
        {
          int year = g_date_get_year (&d);
          GArray *dates = g_hash_table_lookup (imported, GINT_TO_POINTER (year));

          if (dates == NULL)
            {
              dates = g_array_new (FALSE, FALSE, sizeof (GDate));
              g_hash_table_insert (imported, GINT_TO_POINTER (year), dates);
            }
          g_array_append_val (dates, d);
        }
    }

  g_hash_table_iter_init (&iter, imported);
  while (g_hash_table_iter_next (&iter, &key, &value))
    pl_workdays_set_bank_holidays (self, GPOINTER_TO_INT (key), value);

  return self;
}

PlWorkdays *
pl_workdays_ref (PlWorkdays *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pl_workdays_unref (PlWorkdays *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->bank_years);
      g_hash_table_unref (self->closed);
      g_free (self);
    }
}

void
pl_workdays_set_bank_holidays (PlWorkdays *self,
                               int         year,
                               GArray     *dates)
{
  g_return_if_fail (self != NULL);
  g_hash_table_replace (self->bank_years, GINT_TO_POINTER (year), julian_set (dates));
}

void
pl_workdays_close (PlWorkdays  *self,
                   const GDate *first,
                   const GDate *last)
{
  g_return_if_fail (self != NULL && g_date_valid (first) && g_date_valid (last));

  for (guint32 j = g_date_get_julian (first); j <= g_date_get_julian (last); j++)
    g_hash_table_add (self->closed, GUINT_TO_POINTER (j));
}

gboolean
pl_workdays_is_bank_holiday (PlWorkdays  *self,
                             const GDate *date)
{
  int year;
  GHashTable *set;

  g_return_val_if_fail (self != NULL && g_date_valid (date), FALSE);

  year = g_date_get_year (date);
  set = g_hash_table_lookup (self->bank_years, GINT_TO_POINTER (year));
  if (set == NULL)
    {
      g_autoptr(GArray) computed = pl_bank_holidays_ew (year);

      set = julian_set (computed);
      g_hash_table_insert (self->bank_years, GINT_TO_POINTER (year), set);
    }

  return g_hash_table_contains (set, GUINT_TO_POINTER (g_date_get_julian (date)));
}

gboolean
pl_workdays_is_working (PlWorkdays  *self,
                        const GDate *date)
{
  GDateWeekday weekday;

  g_return_val_if_fail (self != NULL && g_date_valid (date), FALSE);

  weekday = g_date_get_weekday (date);
  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return FALSE;
  if (g_hash_table_contains (self->closed, GUINT_TO_POINTER (g_date_get_julian (date))))
    return FALSE;
  return !pl_workdays_is_bank_holiday (self, date);
}

void
pl_workdays_shift (PlWorkdays *self,
                   GDate      *date,
                   int         n)
{
  int step = n < 0 ? -1 : 1;

  g_return_if_fail (self != NULL && g_date_valid (date));

  for (int moved = 0; moved != n; moved += step)
    {
      do
        {
          if (step > 0)
            g_date_add_days (date, 1);
          else
            g_date_subtract_days (date, 1);
        }
      while (!pl_workdays_is_working (self, date));
    }
}

void
pl_workdays_snap (PlWorkdays *self,
                  GDate      *date,
                  gboolean    forward)
{
  g_return_if_fail (self != NULL && g_date_valid (date));

  while (!pl_workdays_is_working (self, date))
    {
      if (forward)
        g_date_add_days (date, 1);
      else
        g_date_subtract_days (date, 1);
    }
}
