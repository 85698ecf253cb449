/* pl-terms.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-terms"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-error.h"
#include "pl-records.h"
#include "pl-terms.h"

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
week_from_monday (PlDateSpan *span,
                  int         year,
                  int         month,
                  int         day)
{
  set_date (&span->start, year, month, day);
  pl_date_monday_on_or_after (&span->start);
  span->end = span->start;
  g_date_add_days (&span->end, 4);
}

/**
 * pl_academic_year_england:
 * @year: the calendar year in whose September the academic year starts
 * @out: (out caller-allocates): the dates
 */
void
pl_academic_year_england (int             year,
                          PlAcademicYear *out)
{
  GDate easter;

  g_return_if_fail (out != NULL);

  out->year = year;

  set_date (&out->term[0].start, year, 9, 3);
  pl_date_monday_on_or_after (&out->term[0].start);
  set_date (&out->term[0].end, year, 12, 19);
  pl_date_friday_on_or_before (&out->term[0].end);

  set_date (&out->term[1].start, year + 1, 1, 4);
  pl_date_monday_on_or_after (&out->term[1].start);
  pl_date_easter_sunday (year + 1, &easter);
  out->term[1].end = easter;
  g_date_subtract_days (&out->term[1].end, 9);

  out->term[2].start = easter;
  g_date_add_days (&out->term[2].start, 8);
  set_date (&out->term[2].end, year + 1, 7, 18);
  pl_date_friday_on_or_before (&out->term[2].end);

  /* The last week of October, the middle of February and the week of the
   * late May bank holiday. */
  week_from_monday (&out->half_term[0], year, 10, 23);
  week_from_monday (&out->half_term[1], year + 1, 2, 14);
  week_from_monday (&out->half_term[2], year + 1, 5, 25);

  out->christmas.start = out->term[0].end;
  g_date_add_days (&out->christmas.start, 1);
  out->christmas.end = out->term[1].start;
  g_date_subtract_days (&out->christmas.end, 1);

  out->easter.start = out->term[1].end;
  g_date_add_days (&out->easter.start, 1);
  out->easter.end = out->term[2].start;
  g_date_subtract_days (&out->easter.end, 1);
}

static gboolean
has_period (GListModel  *periods,
            const char  *kind,
            const char  *start,
            const char  *end)
{
  for (guint i = 0; i < g_list_model_get_n_items (periods); i++)
    {
      g_autoptr(PlRecord) period = g_list_model_get_item (periods, i);

      if (g_strcmp0 (pl_record_get_string (period, "kind"), kind) == 0 &&
          g_strcmp0 (pl_record_get_string (period, "start_date"), start) == 0 &&
          g_strcmp0 (pl_record_get_string (period, "end_date"), end) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
add_span (PlStore          *store,
          GListModel       *existing,
          gint64            partner_id,
          const char       *kind,
          const char       *label,
          const PlDateSpan *span,
          guint            *n_added,
          GError          **error)
{
  g_autoptr(PlRecord) period = NULL;
  g_autofree char *start = pl_date_to_iso (&span->start);
  g_autofree char *end = pl_date_to_iso (&span->end);

  if (has_period (existing, kind, start, end))
    return TRUE;

  period = pl_record_new (PL_TYPE_CALENDAR_PERIOD);
  pl_record_set_string (period, "owner_kind", "partner");
  pl_record_set_int (period, "partner_id", partner_id);
  pl_record_set_string (period, "kind", kind);
  pl_record_set_string (period, "label", label);
  pl_record_set_string (period, "start_date", start);
  pl_record_set_string (period, "end_date", end);
  pl_record_set_int (period, "weekdays", 127);
  pl_record_set_string (period, "source", "manual");
  if (!pl_store_insert (store, period, error))
    return FALSE;

  (*n_added)++;
  return TRUE;
}

/**
 * pl_terms_add_england:
 * @n_added: (out) (optional): how many periods were added
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
pl_terms_add_england (PlStore      *store,
                      gint64        partner_id,
                      const GDate  *today,
                      guint        *n_added,
                      GError      **error)
{
  g_autoptr(PlRecord) partner = NULL;
  g_autoptr(GListModel) existing = NULL;
  GDate year_start;
  guint added = 0;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  partner = pl_store_get (store, PL_TYPE_PARTNER, partner_id, NULL);
  if (partner == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no partner %" G_GINT64_FORMAT " to give term dates to."),
                   partner_id);
      return FALSE;
    }

  existing = pl_store_list_where (store, PL_TYPE_CALENDAR_PERIOD, "partner_id", partner_id);
  pl_date_academic_year_start (today, &year_start);

  if (!pl_store_begin (store, error))
    return FALSE;

  for (int y = 0; y < 2; y++)
    {
      static const char * const terms[] = { N_("Autumn term"), N_("Spring term"),
                                             N_("Summer term") };
      static const char * const halves[] = { N_("Autumn half-term"), N_("February half-term"),
                                              N_("May half-term") };
      PlAcademicYear year;

      pl_academic_year_england (g_date_get_year (&year_start) + y, &year);
      for (guint t = 0; t < 3; t++)
        if (!add_span (store, existing, partner_id, "term", _(terms[t]), &year.term[t],
                       &added, error) ||
            !add_span (store, existing, partner_id, "holiday", _(halves[t]), &year.half_term[t],
                       &added, error))
          {
            pl_store_rollback (store);
            return FALSE;
          }
    }

  if (!pl_store_commit (store, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}
