/* pl-calendar.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-date.h"

gboolean
pl_period_covers (const PlPeriod *period,
                  const GDate    *date)
{
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (g_date_compare (date, &period->start) < 0 || g_date_compare (date, &period->end) >= 0)
    return FALSE;

  /* GDateWeekday is 1 for Monday … 7 for Sunday. */
  return (period->weekdays & (1 << (g_date_get_weekday (date) - 1))) != 0;
}

const char *
pl_period_kind_to_string (PlPeriodKind kind)
{
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i] != NULL; i++)
    if (kind == (PlPeriodKind) (1u << i))
      return pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i];

  g_return_val_if_reached (NULL);
}

PlPeriodKind
pl_period_kind_from_string (const char *text)
{
  for (guint i = 0; text != NULL && pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i] != NULL; i++)
    if (g_str_equal (text, pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i]))
      return 1u << i;

  return 0;
}

const char *
pl_owner_kind_to_string (PlOwnerKind kind)
{
  g_return_val_if_fail (kind <= PL_OWNER_STAFF, NULL);

  return pl_enum_get_nicks (PL_TYPE_OWNER_KIND)[kind];
}

gboolean
pl_owner_kind_from_string (const char  *text,
                           PlOwnerKind *out)
{
  for (guint i = 0; text != NULL && pl_enum_get_nicks (PL_TYPE_OWNER_KIND)[i] != NULL; i++)
    if (g_str_equal (text, pl_enum_get_nicks (PL_TYPE_OWNER_KIND)[i]))
      {
        *out = (PlOwnerKind) i;
        return TRUE;
      }

  return FALSE;
}

/* ------------------------------------------------------------------------
 * Academic years and terms
 */

char *
pl_academic_year_label (int year)
{
  return g_strdup_printf ("%d/%02d", year, (year + 1) % 100);
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

gboolean
pl_academic_year_parse (const char *text,
                        int        *year)
{
  gsize length;
  int first, second;

  g_return_val_if_fail (year != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  length = strlen (text);
  if ((length != 7 && length != 9) || (text[4] != '/' && text[4] != '-') ||
      !all_digits (text, 4) || !all_digits (text + 5, length - 5))
    return FALSE;

  first = (int) g_ascii_strtoll (text, NULL, 10);
  second = (int) g_ascii_strtoll (text + 5, NULL, 10);
  if (length == 7 ? second != (first + 1) % 100 : second != first + 1)
    return FALSE;

  *year = first;
  return TRUE;
}

static int
academic_year_of (const GDate *date)
{
  GDate start;

  pl_date_academic_year_start (date, &start);
  return g_date_get_year (&start);
}

/**
 * pl_calendar_academic_years:
 *
 * Returns: (transfer full) (element-type int): the academic years with terms
 */
GArray *
pl_calendar_academic_years (PlStore  *store,
                            gint64    partner_id,
                            GError  **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!(terms = pl_store_calendar_list_terms (store, partner_id, error)))
    return NULL;

  /* The terms come by start, so the years come in order. */
  for (guint i = 0; i < terms->len; i++)
    {
      const PlPeriod *term = g_ptr_array_index (terms, i);
      int year = academic_year_of (&term->start);

      if (years->len == 0 || g_array_index (years, int, years->len - 1) != year)
        g_array_append_val (years, year);
    }

  return g_steal_pointer (&years);
}

/**
 * pl_calendar_terms_of_year:
 *
 * Returns: (transfer full) (element-type PlPeriod): the terms of the year
 */
GPtrArray *
pl_calendar_terms_of_year (PlStore  *store,
                           gint64    partner_id,
                           int       year,
                           GError  **error)
{
  g_autoptr(GPtrArray) terms = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!(terms = pl_store_calendar_list_terms (store, partner_id, error)))
    return NULL;

  for (guint i = terms->len; i > 0; i--)
    {
      const PlPeriod *term = g_ptr_array_index (terms, i - 1);

      if (academic_year_of (&term->start) != year)
        g_ptr_array_remove_index (terms, i - 1);
    }

  return g_steal_pointer (&terms);
}

/* Lower case, single spaces, no spaces at either end. */
static char *
normalise_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef enum
{
  YEAR_NONE,
  YEAR_CALENDAR,
  YEAR_ACADEMIC,
} YearKind;

/* Splits "spring term 2027" into "spring term" and 2027 (calendar), and
 * "lent term 2026/27" into "lent term" and 2026 (academic). */
static YearKind
split_year (const char  *name,
            char       **base,
            int         *year)
{
  const char *space = strrchr (name, ' ');
  const char *last = space != NULL ? space + 1 : name;
  YearKind kind = YEAR_NONE;

  if (strlen (last) == 4 && all_digits (last, 4))
    {
      *year = (int) g_ascii_strtoll (last, NULL, 10);
      kind = YEAR_CALENDAR;
    }
  else if (pl_academic_year_parse (last, year))
    kind = YEAR_ACADEMIC;

  /* A name that is only a year has no base to match. */
  if (kind == YEAR_NONE || space == NULL)
    {
      *base = g_strdup (name);
      return YEAR_NONE;
    }

  *base = g_strndup (name, space - name);
  return kind;
}

static char *
partner_name (PlStore *store,
              gint64   partner_id)
{
  char *name = NULL;

  if (partner_id != 0)
    name = pl_store_calendar_get_owner_name (store, PL_OWNER_PARTNER, partner_id, NULL);

  return name != NULL ? name : g_strdup (_("the network"));
}

static gboolean
term_matches (const PlPeriod *term,
              const char     *name,
              const char     *base,
              YearKind        year_kind,
              int             year)
{
  g_autofree char *label = NULL;
  g_autofree char *label_base = NULL;
  g_autofree char *with_term = NULL;
  int label_year;

  if (term->label == NULL)
    return FALSE;

  label = normalise_name (term->label);
  if (g_str_equal (label, name))
    return TRUE;

  if (year_kind == YEAR_NONE)
    return FALSE;

  split_year (label, &label_base, &label_year);
  with_term = g_strconcat (base, " term", NULL);
  if (!g_str_equal (label_base, base) && !g_str_equal (label_base, with_term))
    return FALSE;

  if (year_kind == YEAR_CALENDAR)
    return (int) g_date_get_year (&term->start) == year;

  return academic_year_of (&term->start) == year;
}

/**
 * pl_calendar_find_term:
 *
 * Returns: (transfer full) (element-type PlPeriod): the periods of the term
 */
GPtrArray *
pl_calendar_find_term (PlStore     *store,
                       gint64       partner_id,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *base = NULL;
  YearKind year_kind;
  int year = 0;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(terms = pl_store_calendar_list_terms (store, partner_id, error)))
    return NULL;

  wanted = normalise_name (name);
  year_kind = split_year (wanted, &base, &year);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_period_free);
  for (guint i = 0; i < terms->len; i++)
    if (term_matches (g_ptr_array_index (terms, i), wanted, base, year_kind, year))
      g_ptr_array_add (found, pl_period_copy (g_ptr_array_index (terms, i)));

  if (found->len == 0)
    {
      g_autofree char *owner = partner_name (store, partner_id);
      g_autoptr(GPtrArray) known = g_ptr_array_new ();
      g_autofree char *list = NULL;

      if (terms->len == 0)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                       _("No term called “%s”: %s has no terms in its calendar yet; "
                         "import its term dates or add them on the Calendar page"),
                       name, owner);
          return NULL;
        }

      /* The most recent few are the ones a person is likely to mean. */
      for (guint i = terms->len; i > 0 && known->len < 6; i--)
        {
          const PlPeriod *term = g_ptr_array_index (terms, i - 1);

          if (term->label != NULL)
            g_ptr_array_insert (known, 0, term->label);
        }
      g_ptr_array_add (known, NULL);
      list = g_strjoinv (", ", (char **) known->pdata);

      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("No term called “%s” for %s; its terms include %s"),
                   name, owner, list);
      return NULL;
    }

  return g_steal_pointer (&found);
}

/* ------------------------------------------------------------------------
 * Placement windows
 */

/**
 * pl_calendar_placement_window:
 *
 * Returns: (transfer full) (element-type PlDateRange): the window's ranges
 */
GArray *
pl_calendar_placement_window (PlStore  *store,
                              gint64    placement_id,
                              GError  **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (PlDateRange));
  GDate window_start, window_end;
  gboolean has_start, has_end;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  terms = pl_store_calendar_get_placement_window (store, placement_id, &window_start, &window_end,
                                                  error);
  if (terms == NULL)
    return NULL;

  has_start = g_date_valid (&window_start);
  has_end = g_date_valid (&window_end);
  if (has_end)
    g_date_add_days (&window_end, 1);

  if (terms->len == 0)
    {
      PlDateRange range;

      if (!has_start && !has_end)
        return g_steal_pointer (&ranges);

      /* An open side stays an invalid (cleared) date. */
      range.start = window_start;
      range.end = window_end;
      g_array_append_val (ranges, range);
      return g_steal_pointer (&ranges);
    }

  /* The terms come by start. */
  for (guint i = 0; i < terms->len; i++)
    {
      const PlPeriod *term = g_ptr_array_index (terms, i);
      PlDateRange range = { term->start, term->end };
      PlDateRange *last = ranges->len > 0 ? &g_array_index (ranges, PlDateRange, ranges->len - 1)
                                          : NULL;

      if (has_start && g_date_compare (&range.start, &window_start) < 0)
        range.start = window_start;
      if (has_end && g_date_compare (&range.end, &window_end) > 0)
        range.end = window_end;
      if (g_date_compare (&range.start, &range.end) >= 0)
        continue;

      if (last != NULL && g_date_compare (&range.start, &last->end) <= 0)
        {
          if (g_date_compare (&range.end, &last->end) > 0)
            last->end = range.end;
        }
      else
        g_array_append_val (ranges, range);
    }

  return g_steal_pointer (&ranges);
}

gboolean
pl_calendar_set_placement_terms (PlStore             *store,
                                 gint64               placement_id,
                                 const char * const  *term_names,
                                 GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 partner_id;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  if (!(partner_id = pl_store_calendar_get_placement_partner (store, placement_id, error)))
    return FALSE;

  /* Resolve every name before writing anything. */
  for (guint i = 0; term_names != NULL && term_names[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) periods = pl_calendar_find_term (store, partner_id, term_names[i],
                                                            error);

      if (periods == NULL)
        return FALSE;
      for (guint j = 0; j < periods->len; j++)
        g_array_append_val (ids, ((PlPeriod *) g_ptr_array_index (periods, j))->id);
    }

  return pl_store_calendar_set_placement_terms (store, placement_id, ids, error);
}
