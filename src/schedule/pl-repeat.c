/* pl-repeat.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-repeat"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-calendar.h"
#include "pl-lifecycle.h"
#include "pl-repeat.h"
#include "pl-store-calendar.h"
#include "pl-workdays.h"

/* A host that had a member of staff this year is the likeliest host next
 * year (the seeds' "keep employers warm"). Repeating a placement makes a
 * request through pl_placement_create_request(), the one way a request is
 * born, for the same member of staff, employer, sector, length and
 * pre-placement aims, with its window moved to next year:
 *
 *  - the same term of the target year, when the placement fell in a term of
 *    its staff member's college (the terms it named, or else the term
 *    holding its first day). Terms match by label less its year ("Spring
 *    term 2027" is "Spring term 2028" a year on), failing that by their
 *    place in the year (the second term is the second term), so a term
 *    that moves with Easter moves with it;
 *  - otherwise the same dates a year on, the first moved forward and the
 *    last back to a working day (weekends, bank holidays and network-wide
 *    holidays are not), so that the window never opens or closes on a day
 *    nobody works.
 *
 * The request gets no days: the scheduler finds them, as for any request. */

/**
 * pl_placement_can_repeat:
 *
 * Returns: whether @placement has taken place (completed or later), so
 *   that there is something to repeat
 */
gboolean
pl_placement_can_repeat (PlRecord *placement)
{
  int status;

  g_return_val_if_fail (PL_IS_RECORD (placement), FALSE);

  status = pl_record_get_enum (placement, "status");
  return status == PL_PLACEMENT_STATUS_COMPLETED || status == PL_PLACEMENT_STATUS_CASCADED ||
         status == PL_PLACEMENT_STATUS_EVALUATED;
}

static int
academic_year_of (const GDate *date)
{
  GDate start;

  pl_date_academic_year_start (date, &start);
  return g_date_get_year (&start);
}

/* "Spring term 2027" and "Spring Term 2026/27" are both "spring term". */
static char *
base_label (const PlPeriod *term)
{
  g_autofree char *folded = g_utf8_casefold (term->label != NULL ? term->label : "", -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || strpbrk (words[i], "0123456789") != NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The place of @term among the terms of its academic year, from 0. */
static guint
position_in_year (GPtrArray      *terms,
                  const PlPeriod *term)
{
  int year = academic_year_of (&term->start);
  guint position = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      const PlPeriod *other = g_ptr_array_index (terms, i);

      if (other->id == term->id)
        break;
      if (academic_year_of (&other->start) == year)
        position++;
    }

  return position;
}

/* Adds to @ids the terms of @year that are @source's a year (or more) on;
 * FALSE when there is none. */
static gboolean
match_term (GPtrArray      *terms,
            const PlPeriod *source,
            int             year,
            GArray         *ids)
{
  g_autofree char *label = base_label (source);
  guint position = position_in_year (terms, source);
  const PlPeriod *by_position = NULL;
  gboolean found = FALSE;
  guint n = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      const PlPeriod *term = g_ptr_array_index (terms, i);
      g_autofree char *other = NULL;

      if (academic_year_of (&term->start) != year)
        continue;
      if (n++ == position)
        by_position = term;

      other = base_label (term);
      if (*label != '\0' && g_str_equal (label, other))
        {
          g_array_append_val (ids, term->id);
          found = TRUE;
        }
    }

  if (!found && by_position != NULL)
    {
      g_array_append_val (ids, by_position->id);
      found = TRUE;
    }

  return found;
}

/* The terms the source placement fell in: those it named, else the one
 * holding @reference. (transfer full) */
static GPtrArray *
source_terms (GPtrArray   *named,
              GPtrArray   *terms,
              const GDate *reference)
{
  GPtrArray *out = g_ptr_array_new ();

  if (named->len > 0)
    {
      for (guint i = 0; i < named->len; i++)
        for (guint j = 0; j < terms->len; j++)
          if (((PlPeriod *) g_ptr_array_index (terms, j))->id ==
              ((PlPeriod *) g_ptr_array_index (named, i))->id)
            g_ptr_array_add (out, g_ptr_array_index (terms, j));
      if (out->len == named->len)
        return out;
      g_ptr_array_set_size (out, 0);
    }

  for (guint j = 0; j < terms->len; j++)
    {
      PlPeriod *term = g_ptr_array_index (terms, j);

      if (g_date_compare (&term->start, reference) <= 0 &&
          g_date_compare (reference, &term->end) < 0)
        g_ptr_array_add (out, term);
    }

  return out;
}

static void
shift_years (GDate *date,
             int    years)
{
  /* GLib moves 29 February to the 28th in a year without one. */
  if (years > 0)
    g_date_add_years (date, (guint) years);
}

static void
set_optional (PlRecord    *record,
              const char  *field,
              PlRecord    *from)
{
  if (pl_record_is_null (from, field))
    pl_record_set_null (record, field);
  else
    pl_record_set_string (record, field, pl_record_get_string (from, field));
}

/* The window in academic year @year: the matching terms, else the
 * source's first and last days moved on and snapped to working days. */
typedef struct
{
  GPtrArray  *terms;       /* all the partner's terms */
  GPtrArray  *from_terms;  /* the terms the placement fell in */
  PlWorkdays *workdays;
  int         source_year;
  guint       length;      /* the placement's number of days */
  gboolean    has_first, has_last;
  GDate       first, last;
} Source;

typedef struct
{
  GArray   *ids;
  gboolean  has_first, has_last;
  GDate     first, last;
  GDate     start;         /* the window's first day; cleared when open */
} Window;

static void
window_for_year (const Source *source,
                 int           year,
                 Window       *out)
{
  g_array_set_size (out->ids, 0);
  out->has_first = out->has_last = FALSE;
  g_date_clear (&out->start, 1);

  for (guint i = 0; i < source->from_terms->len; i++)
    if (!match_term (source->terms, g_ptr_array_index (source->from_terms, i), year, out->ids))
      {
        g_array_set_size (out->ids, 0);
        break;
      }

  for (guint i = 0; i < out->ids->len; i++)
    for (guint j = 0; j < source->terms->len; j++)
      {
        const PlPeriod *term = g_ptr_array_index (source->terms, j);

        if (term->id == g_array_index (out->ids, gint64, i) &&
            (!g_date_valid (&out->start) || g_date_compare (&term->start, &out->start) < 0))
          out->start = term->start;
      }
  if (out->ids->len > 0)
    return;

  out->has_first = source->has_first;
  out->has_last = source->has_last;
  out->first = source->first;
  out->last = source->last;
  if (out->has_first)
    {
      shift_years (&out->first, year - source->source_year);
      pl_workdays_snap (source->workdays, &out->first, TRUE);
      out->start = out->first;
    }
  if (out->has_last)
    {
      shift_years (&out->last, year - source->source_year);
      pl_workdays_snap (source->workdays, &out->last, FALSE);
      if (out->has_first && g_date_compare (&out->last, &out->first) < 0)
        out->last = out->first;
    }

  /* Dates moved on by a year fall on other weekdays: the window keeps
   * room for the placement's days, as it had. */
  if (out->has_first && out->has_last)
    {
      GDate day = out->first;
      guint working = 0;

      for (; g_date_compare (&day, &out->last) <= 0; g_date_add_days (&day, 1))
        if (pl_workdays_is_working (source->workdays, &day))
          working++;
      for (; working < source->length; working++)
        pl_workdays_shift (source->workdays, &out->last, 1);
    }
}

/**
 * pl_placement_repeat:
 * @placement_id: a completed, cascaded or evaluated placement
 * @year: the academic year of the request (2027 for 2027/28), or 0 for the
 *   first one after the placement's, no earlier than @today's, whose window
 *   has not begun by @today
 * @today: the day the request is made on
 * @out_year: (out) (optional): the academic year of the request
 *
 * Makes next year's request from @placement_id (see above), in one
 * transaction.
 *
 * Returns: the new request's id, or 0 with @error set
 */
gint64
pl_placement_repeat (PlStore      *store,
                     gint64        placement_id,
                     int           year,
                     const GDate  *today,
                     int          *out_year,
                     GError      **error)
{
  g_autoptr(PlRecord) source = NULL;
  g_autoptr(PlRecord) request = NULL;
  g_autoptr(GPtrArray) named = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) from_terms = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PlWorkdays) workdays = NULL;
  g_auto(GStrv) days = NULL;
  g_autoptr(GError) local = NULL;
  GDate window_first, window_last, reference;
  Source from = { 0 };
  Window window = { 0 };
  gint64 partner_id;
  gint64 id;

  g_return_val_if_fail (PL_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  source = pl_store_get (store, PL_TYPE_PLACEMENT, placement_id, &local);
  if (source == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no placement %" G_GINT64_FORMAT "."), placement_id);
      return 0;
    }
  if (!pl_placement_can_repeat (source))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED,
                   _("Placement %" G_GINT64_FORMAT " is %s: only a completed, cascaded or "
                     "evaluated placement can be repeated next year."),
                   placement_id,
                   pl_enum_get_label (PL_TYPE_PLACEMENT_STATUS,
                                      pl_record_get_enum (source, "status")));
      return 0;
    }

  named = pl_store_calendar_get_placement_window (store, placement_id, &window_first,
                                                  &window_last, error);
  if (named == NULL)
    return 0;
  if (!(partner_id = pl_store_calendar_get_placement_partner (store, placement_id, error)))
    return 0;
  if (!(terms = pl_store_calendar_list_terms (store, partner_id, error)))
    return 0;

  /* Where the placement was: its window when it set one, else its days. */
  days = pl_store_get_days (store, placement_id);
  if (days != NULL && days[0] != NULL)
    {
      pl_date_parse (days[0], &from.first);
      pl_date_parse (days[g_strv_length (days) - 1], &from.last);
      from.has_first = from.has_last = TRUE;
    }
  if (g_date_valid (&window_first) || g_date_valid (&window_last))
    {
      from.has_first = g_date_valid (&window_first);
      from.has_last = g_date_valid (&window_last);
      from.first = window_first;
      from.last = window_last;
    }

  if (days != NULL && days[0] != NULL)
    pl_date_parse (days[0], &reference);
  else if (named->len > 0)
    reference = ((PlPeriod *) g_ptr_array_index (named, 0))->start;
  else if (from.has_first || from.has_last)
    reference = from.has_first ? from.first : from.last;
  else
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("Placement %" G_GINT64_FORMAT " has neither days nor a window, so there "
                     "are no dates to move to next year."), placement_id);
      return 0;
    }

  from.source_year = academic_year_of (&reference);
  from.length = (guint) MAX (pl_record_get_int (source, "length"), 1);
  if (year != 0 && year <= from.source_year)
    {
      g_autofree char *wanted = pl_academic_year_label (year);
      g_autofree char *was = pl_academic_year_label (from.source_year);

      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("Placement %" G_GINT64_FORMAT " was in %s: it can be repeated in a later "
                     "year, not in %s."), placement_id, was, wanted);
      return 0;
    }

  from_terms = source_terms (named, terms, &reference);
  workdays = pl_workdays_new_for_store (store);
  from.terms = terms;
  from.from_terms = from_terms;
  from.workdays = workdays;
  window.ids = ids;

  if (year != 0)
    window_for_year (&from, year, &window);
  else
    {
      /* A placement of two years ago repeats this year, and one whose term
       * has begun this year repeats the year after: a request for a window
       * already under way leaves no time to arrange it. */
      year = MAX (from.source_year + 1, academic_year_of (today));
      window_for_year (&from, year, &window);
      if (g_date_valid (&window.start) && g_date_compare (&window.start, today) <= 0)
        window_for_year (&from, ++year, &window);
    }

  if (!pl_store_begin (store, error))
    return 0;

  id = pl_placement_create_request (store, pl_record_get_int (source, "staff_id"),
                                    pl_record_get_int (source, "sector_id"), today, error);
  if (id == 0 || !(request = pl_store_get (store, PL_TYPE_PLACEMENT, id, error)))
    goto fail;

  if (!pl_record_is_null (source, "employer_id"))
    pl_record_set_int (request, "employer_id", pl_record_get_int (source, "employer_id"));
  pl_record_set_int (request, "length", pl_record_get_int (source, "length"));
  pl_record_set_int (request, "aims", pl_record_get_int (source, "aims"));
  set_optional (request, "goals", source);
  set_optional (request, "sector_priority", source);
  set_optional (request, "equality_aims", source);

  if (window.has_first)
    {
      g_autofree char *iso = pl_date_to_iso (&window.first);

      pl_record_set_string (request, "window_start", iso);
    }
  if (window.has_last)
    {
      g_autofree char *iso = pl_date_to_iso (&window.last);

      pl_record_set_string (request, "window_end", iso);
    }

  if (!pl_store_update (store, request, error))
    goto fail;
  if (ids->len > 0 && !pl_store_calendar_set_placement_terms (store, id, ids, error))
    goto fail;
  if (!pl_store_commit (store, error))
    return 0;

  if (out_year != NULL)
    *out_year = year;
  return id;

fail:
  pl_store_rollback (store);
  return 0;
}
