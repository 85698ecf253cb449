/* pl-date.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-date"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-error.h"

void
pl_date_today (GDate *out)
{
  const char *pinned = g_getenv ("PLACEMENTS_TODAY");
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (out != NULL);

  if (pinned != NULL && pl_date_parse (pinned, out))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

gboolean
pl_date_is_iso (const char *text)
{
  GDate date;

  return pl_date_parse (text, &date);
}

gboolean
pl_date_check_iso (const char  *text,
                   GError     **error)
{
  if (text == NULL || pl_date_is_iso (text))
    return TRUE;

  g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
               _("“%s” is not a date: write it as YYYY-MM-DD."), text);
  return FALSE;
}

gboolean
pl_date_parse (const char *text,
               GDate      *out)
{
  guint y, m, d;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

char *
pl_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

void
pl_date_academic_year_start (const GDate *date,
                             GDate       *out)
{
  GDateYear year;

  g_return_if_fail (date != NULL && out != NULL);

  year = g_date_get_year (date);
  if (g_date_get_month (date) < G_DATE_SEPTEMBER)
    year--;

  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, G_DATE_SEPTEMBER, year);
}

char *
pl_date_iso_add_days (const char *iso,
                      int         days)
{
  GDate date;

  if (!pl_date_parse (iso, &date))
    return NULL;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return pl_date_to_iso (&date);
}

char *
pl_date_format (const char *iso,
                const char *format)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  g_return_val_if_fail (format != NULL, NULL);

  if (!pl_date_parse (iso, &date))
    return NULL;

  /* Noon UTC: a calendar day, whatever the time zone. */
  when = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  return g_date_time_format (when, format);
}

char *
pl_date_describe (const char *iso,
                  gboolean    abbreviated)
{
  char text[64];
  GDate date;

  if (iso == NULL)
    return NULL;

  if (!pl_date_parse (iso, &date))
    return g_strdup (iso);

  /* TRANSLATORS: dates as strftime() writes them: "3 March 2026" and
   * "3 Mar 2026". */
  if (g_date_strftime (text, sizeof text, abbreviated ? _("%-d %b %Y") : _("%-d %B %Y"),
                       &date) == 0)
    return g_strdup (iso);

  return g_strdup (text);
}

/**
 * pl_date_easter_sunday:
 *
 * Easter Sunday in the Gregorian calendar (the anonymous algorithm
 * published in Nature in 1876).
 */
void
pl_date_easter_sunday (int    year,
                       GDate *out)
{
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = ((h + l - 7 * m + 114) % 31) + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

void
pl_date_monday_on_or_after (GDate *date)
{
  while (g_date_get_weekday (date) != G_DATE_MONDAY)
    g_date_add_days (date, 1);
}

void
pl_date_friday_on_or_before (GDate *date)
{
  while (g_date_get_weekday (date) != G_DATE_FRIDAY)
    g_date_subtract_days (date, 1);
}
