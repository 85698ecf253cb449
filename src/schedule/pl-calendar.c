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
#include "pl-store-legacy-private.h"

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

static gboolean
db_failed (PlStore  *store,
           GError  **error)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
               _("The database could not be read: %s"),
               sqlite3_errmsg (pl_store_get_sqlite (store)));
  return FALSE;
}

static sqlite3_stmt *
prepare (PlStore     *store,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      db_failed (store, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  if (date != NULL && g_date_valid (date))
    sqlite3_bind_text (stmt, index, pl_date_to_iso (date), -1, g_free);
  else
    sqlite3_bind_null (stmt, index);
}

/* The columns every period query selects, in this order. */
#define PERIOD_COLUMNS \
  "id, owner_kind, ifnull(partner_id, ifnull(employer_id, ifnull(staff_id, 0))), kind, label," \
  " start_date, end_date, weekdays"

/* Overlap with [?from, ?to), either bound NULL for none; the stored end is
 * the last day. */
#define PERIOD_OVERLAP(FROM, TO) \
  "(" FROM " IS NULL OR end_date >= " FROM ") AND (" TO " IS NULL OR start_date < " TO ")"

/* "(kind IN ('term', 'exam'))" for a mask; "1" for every kind. */
static char *
kinds_clause (guint kinds)
{
  g_autoptr(GString) clause = NULL;
  gboolean first = TRUE;

  if ((kinds & PL_PERIOD_ANY) == PL_PERIOD_ANY)
    return g_strdup ("1");

  clause = g_string_new ("kind IN (");
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i] != NULL; i++)
    if (kinds & (1u << i))
      {
        g_string_append_printf (clause, "%s'%s'", first ? "" : ", ", pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i]);
        first = FALSE;
      }
  if (first)
    g_string_append (clause, "NULL");
  g_string_append_c (clause, ')');

  return g_string_free (g_steal_pointer (&clause), FALSE);
}

static PlPeriod *
period_from_row (sqlite3_stmt *stmt)
{
  PlPeriod *period = g_new0 (PlPeriod, 1);
  GDate last;

  period->id = sqlite3_column_int64 (stmt, 0);
  pl_owner_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &period->owner_kind);
  period->owner_id = sqlite3_column_int64 (stmt, 2);
  period->kind = pl_period_kind_from_string ((const char *) sqlite3_column_text (stmt, 3));
  period->label = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  /* The schema's CHECKs make both dates valid. */
  pl_date_parse ((const char *) sqlite3_column_text (stmt, 5), &period->start);
  pl_date_parse ((const char *) sqlite3_column_text (stmt, 6), &last);
  period->end = last;
  g_date_add_days (&period->end, 1);
  period->weekdays = (guint8) (sqlite3_column_int (stmt, 7) & 0x7f);

  return period;
}

static GPtrArray *
collect_periods (PlStore       *store,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_period_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (periods, period_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      db_failed (store, error);
      return NULL;
    }

  return g_steal_pointer (&periods);
}

static gboolean
owner_exists (PlStore      *store,
              PlOwnerKind   owner_kind,
              gint64        owner_id,
              GError      **error)
{
  static const char * const tables[] = { NULL, "partner", "employer", "staff" };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  if (owner_kind == PL_OWNER_ALL)
    return TRUE;

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", tables[owner_kind]);
  if (!(stmt = prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

  g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
               _("There is no %s with number %" G_GINT64_FORMAT),
               pl_enum_label (tables[owner_kind]), owner_id);
  return FALSE;
}

/**
 * pl_calendar_list_affecting:
 *
 * Returns: (transfer full) (element-type PlPeriod): the periods that apply
 *   to the owner
 */
GPtrArray *
pl_calendar_list_affecting (PlStore      *store,
                            PlOwnerKind   owner_kind,
                            gint64        owner_id,
                            guint         kinds,
                            const GDate  *from,
                            const GDate  *to,
                            GError      **error)
{
  static const char * const owners[] = {
    [PL_OWNER_ALL] = "owner_kind = 'all'",
    [PL_OWNER_PARTNER] = "owner_kind = 'all' OR (owner_kind = 'partner' AND partner_id = ?3)",
    [PL_OWNER_EMPLOYER] = "owner_kind = 'all' OR (owner_kind = 'employer' AND employer_id = ?3)",
    [PL_OWNER_STAFF] = "owner_kind = 'all'"
                       " OR (owner_kind = 'partner'"
                       "     AND partner_id = (SELECT partner_id FROM staff WHERE id = ?3))"
                       " OR (owner_kind = 'staff' AND staff_id = ?3)",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *kinds_sql = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (owner_kind <= PL_OWNER_STAFF, NULL);

  if (!owner_exists (store, owner_kind, owner_id, error))
    return NULL;

  kinds_sql = kinds_clause (kinds);
  sql = g_strdup_printf ("SELECT " PERIOD_COLUMNS " FROM calendar_period"
                         " WHERE (%s) AND %s AND " PERIOD_OVERLAP ("?1", "?2")
                         " ORDER BY start_date, id",
                         owners[owner_kind], kinds_sql);
  if (!(stmt = prepare (store, sql, error)))
    return NULL;

  bind_date (stmt, 1, from);
  bind_date (stmt, 2, to);
  if (owner_kind != PL_OWNER_ALL)
    sqlite3_bind_int64 (stmt, 3, owner_id);

  return collect_periods (store, stmt, error);
}

/**
 * pl_calendar_list_periods:
 *
 * Returns: (transfer full) (element-type PlPeriod): every period of @kinds
 *   in the range
 */
GPtrArray *
pl_calendar_list_periods (PlStore      *store,
                          guint         kinds,
                          const GDate  *from,
                          const GDate  *to,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *kinds_sql = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  kinds_sql = kinds_clause (kinds);
  sql = g_strdup_printf ("SELECT " PERIOD_COLUMNS " FROM calendar_period"
                         " WHERE %s AND " PERIOD_OVERLAP ("?1", "?2")
                         " ORDER BY start_date, id",
                         kinds_sql);
  if (!(stmt = prepare (store, sql, error)))
    return NULL;

  bind_date (stmt, 1, from);
  bind_date (stmt, 2, to);

  return collect_periods (store, stmt, error);
}

/**
 * pl_calendar_list_for_filter:
 *
 * Returns: (transfer full) (element-type PlPeriod): the periods the
 *   Calendar page shows for @filter
 */
GPtrArray *
pl_calendar_list_for_filter (PlStore                 *store,
                             const PlCalendarFilter  *filter,
                             guint                    kinds,
                             const GDate             *from,
                             const GDate             *to,
                             GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *kinds_sql = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  kinds_sql = kinds_clause (kinds);
  sql = g_strdup_printf ("SELECT " PERIOD_COLUMNS " FROM calendar_period"
                         " WHERE (owner_kind = 'all'"
                         "   OR (owner_kind = 'partner' AND (?3 = 0 OR partner_id = ?3)"
                         "       AND (?5 = 0 OR partner_id = (SELECT partner_id FROM staff"
                         "                                     WHERE id = ?5)))"
                         "   OR (owner_kind = 'employer' AND (?4 = 0 OR employer_id = ?4))"
                         "   OR (owner_kind = 'staff' AND ?5 <> 0 AND staff_id = ?5))"
                         " AND %s AND " PERIOD_OVERLAP ("?1", "?2")
                         " ORDER BY start_date, id",
                         kinds_sql);
  if (!(stmt = prepare (store, sql, error)))
    return NULL;

  bind_date (stmt, 1, from);
  bind_date (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, filter->partner_id);
  sqlite3_bind_int64 (stmt, 4, filter->employer_id);
  sqlite3_bind_int64 (stmt, 5, filter->staff_id);

  return collect_periods (store, stmt, error);
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

/* Terms are a partner's own, or the network's when it has none. */
static gint64
term_owner (PlStore  *store,
            gint64    partner_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (partner_id == 0)
    return 0;

  stmt = prepare (store,
                  "SELECT 1 FROM calendar_period"
                  " WHERE owner_kind = 'partner' AND partner_id = ? AND kind = 'term' LIMIT 1",
                  NULL);
  if (stmt == NULL)
    return partner_id;
  sqlite3_bind_int64 (stmt, 1, partner_id);

  return sqlite3_step (stmt) == SQLITE_ROW ? partner_id : 0;
}

/* Every term that @partner_id lives by, by start. */
static GPtrArray *
list_terms (PlStore  *store,
            gint64    partner_id,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 owner;

  if (partner_id != 0 && !owner_exists (store, PL_OWNER_PARTNER, partner_id, error))
    return NULL;

  owner = term_owner (store, partner_id);
  stmt = prepare (store,
                  "SELECT " PERIOD_COLUMNS " FROM calendar_period"
                  " WHERE kind = 'term'"
                  "   AND (CASE WHEN ?1 = 0 THEN owner_kind = 'all'"
                  "        ELSE owner_kind = 'partner' AND partner_id = ?1 END)"
                  " ORDER BY start_date, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, owner);

  return collect_periods (store, stmt, error);
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

  if (!(terms = list_terms (store, partner_id, error)))
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

  if (!(terms = list_terms (store, partner_id, error)))
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
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (partner_id == 0 ||
      !(stmt = prepare (store, "SELECT name FROM partner WHERE id = ?", NULL)))
    return g_strdup (_("the network"));

  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return g_strdup (_("the network"));
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

  if (!(terms = list_terms (store, partner_id, error)))
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

static gint
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  return g_date_compare (&((const PlDateRange *) a)->start, &((const PlDateRange *) b)->start);
}

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
  g_autoptr(sqlite3_stmt) placement = NULL;
  g_autoptr(sqlite3_stmt) terms = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (PlDateRange));
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (PlDateRange));
  GDate window_start, window_end;
  gboolean has_start, has_end;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  placement = prepare (store, "SELECT window_start, window_end FROM placement WHERE id = ?", error);
  if (placement == NULL)
    return NULL;
  sqlite3_bind_int64 (placement, 1, placement_id);
  if (sqlite3_step (placement) != SQLITE_ROW)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no placement with number %" G_GINT64_FORMAT), placement_id);
      return NULL;
    }

  g_date_clear (&window_start, 1);
  g_date_clear (&window_end, 1);
  has_start = pl_date_parse ((const char *) sqlite3_column_text (placement, 0), &window_start);
  has_end = pl_date_parse ((const char *) sqlite3_column_text (placement, 1), &window_end);
  if (has_end)
    g_date_add_days (&window_end, 1);

  terms = prepare (store,
                   "SELECT p.start_date, p.end_date FROM placement_term t"
                   " JOIN calendar_period p ON p.id = t.period_id"
                   " WHERE t.placement_id = ? ORDER BY p.start_date",
                   error);
  if (terms == NULL)
    return NULL;
  sqlite3_bind_int64 (terms, 1, placement_id);
  while ((rc = sqlite3_step (terms)) == SQLITE_ROW)
    {
      PlDateRange range;

      pl_date_parse ((const char *) sqlite3_column_text (terms, 0), &range.start);
      pl_date_parse ((const char *) sqlite3_column_text (terms, 1), &range.end);
      g_date_add_days (&range.end, 1);
      g_array_append_val (ranges, range);
    }
  if (rc != SQLITE_DONE)
    {
      db_failed (store, error);
      return NULL;
    }

  if (ranges->len == 0)
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

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      PlDateRange range = g_array_index (ranges, PlDateRange, i);
      PlDateRange *last = merged->len > 0 ? &g_array_index (merged, PlDateRange, merged->len - 1)
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
        g_array_append_val (merged, range);
    }

  return g_steal_pointer (&merged);
}

gboolean
pl_calendar_set_placement_terms (PlStore             *store,
                                 gint64               placement_id,
                                 const char * const  *term_names,
                                 GError             **error)
{
  g_autoptr(sqlite3_stmt) placement = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 partner_id;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  placement = prepare (store,
                       "SELECT s.partner_id FROM placement p JOIN staff s ON s.id = p.staff_id"
                       " WHERE p.id = ?",
                       error);
  if (placement == NULL)
    return FALSE;
  sqlite3_bind_int64 (placement, 1, placement_id);
  if (sqlite3_step (placement) != SQLITE_ROW)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no placement with number %" G_GINT64_FORMAT), placement_id);
      return FALSE;
    }
  partner_id = sqlite3_column_int64 (placement, 0);

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

  if (!(clear = prepare (store, "DELETE FROM placement_term WHERE placement_id = ?", error)) ||
      !(insert = prepare (store,
                          "INSERT OR IGNORE INTO placement_term (placement_id, period_id)"
                          " VALUES (?, ?)",
                          error)))
    return FALSE;

  if (!pl_store_begin (store, error))
    return FALSE;

  sqlite3_bind_int64 (clear, 1, placement_id);
  if (sqlite3_step (clear) != SQLITE_DONE)
    goto failed;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, placement_id);
      sqlite3_bind_int64 (insert, 2, g_array_index (ids, gint64, i));
      if (sqlite3_step (insert) != SQLITE_DONE)
        goto failed;
    }

  pl_store_emit_changed (store, "placement_term");
  return pl_store_commit (store, error);

failed:
  db_failed (store, error);
  pl_store_rollback (store);
  return FALSE;
}
