/* pl-problem.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-problem"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-problem.h"
#include "pl-workdays.h"
#include "pl-store-legacy-private.h"

/* No horizon reaches further than this many days after today, whatever a
 * window says, so that a mistyped year cannot make the arrays huge. */
#define MAX_HORIZON_DAYS (3 * 366)

const char * const pl_weight_keys[PL_N_WEIGHTS] = {
  "weight_sooner",
  "weight_warm",
  "weight_spread",
  "weight_preferred_days",
  "weight_busy",
  "weight_term_end",
};

/* Starting soon and avoiding busy seasons matter most to employers and
 * colleges; the rest breaks ties. */
const int pl_weight_defaults[PL_N_WEIGHTS] = { 3, 2, 1, 1, 2, 1 };

static const char * const rule_names[PL_N_RULES] = {
  "none",
  "sector",
  "window",
  "lead_time",
  "teaching_day",
  "unavailable",
  "partner_holiday",
  "partner_exam",
  "blackout",
  "double_booked",
  "capacity",
  "working_days",
};

static const char * const rule_labels[PL_N_RULES] = {
  N_("no rule"),
  N_("the employer’s sector"),
  N_("the request’s window"),
  N_("the lead time"),
  N_("the staff member’s teaching days"),
  N_("the staff member’s unavailability"),
  N_("the partner’s holidays"),
  N_("the partner’s exams"),
  N_("the employer’s blackout"),
  N_("one place a day for each staff member"),
  N_("the employer’s capacity"),
  N_("working days only"),
};

const char *
pl_rule_label (PlRule rule)
{
  g_return_val_if_fail (rule < PL_N_RULES, "");
  return _(rule_labels[rule]);
}

const char *
pl_rule_to_string (PlRule rule)
{
  g_return_val_if_fail (rule < PL_N_RULES, "none");
  return rule_names[rule];
}

/* A placement as read, before the horizon is known. */
typedef struct
{
  gint64   id;
  gint64   staff_id;
  gint64   sector_id;
  gint64   employer_id;
  PlStatus status;
  guint    length;
  guint32  window_start;   /* 0 when not given */
  guint32  window_end;
  GArray  *terms;          /* guint32 pairs, or NULL */
  GArray  *days;           /* guint32, or NULL */
} RawPlacement;

static void
raw_placement_clear (gpointer data)
{
  RawPlacement *raw = data;

  g_clear_pointer (&raw->terms, g_array_unref);
  g_clear_pointer (&raw->days, g_array_unref);
}

typedef struct
{
  PlProblem    *problem;
  sqlite3      *db;
  guint32       first_julian;   /* today */
  guint32       last_julian;    /* end of the horizon */
  guint        *next_day;       /* [last - first + 1]: pl_problem_day_on_or_after */
  GHashTable   *sector_index;   /* id → index + 1 */
  GHashTable   *partner_index;
  GHashTable   *staff_index;
  GHashTable   *employer_index;
  guint8       *partner_block;  /* [n_partners × n_days] */
  guint8       *all_block;      /* [n_days] exam or unavailable for everyone */
  GArray       *periods;        /* PlProblemPeriod */
} Loader;

static guint32
julian_of (const GDate *date)
{
  return g_date_get_julian (date);
}

static guint32
parse_julian (sqlite3_stmt *stmt,
              int           column)
{
  GDate date;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL ||
      !pl_date_parse ((const char *) sqlite3_column_text (stmt, column), &date))
    return 0;
  return julian_of (&date);
}

static sqlite3_stmt *
prepare (Loader      *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Could not read the network for scheduling: %s"), sqlite3_errmsg (self->db));
      return NULL;
    }
  return stmt;
}

static gboolean
finish (Loader        *self,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Could not read the network for scheduling: %s"), sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

static gint
lookup (GHashTable *index,
        gint64      id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (index, &id)) - 1;
}

static void
remember (GHashTable *index,
          gint64      id,
          guint       position)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_hash_table_insert (index, key, GINT_TO_POINTER (position + 1));
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static gboolean
load_sectors (Loader  *self,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT id, name FROM sector ORDER BY name, id",
                                          error);
  GArray *array = g_array_new (FALSE, TRUE, sizeof (PlProblemSector));
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlProblemSector sector = { sqlite3_column_int64 (stmt, 0), column_text (stmt, 1) };

      remember (self->sector_index, sector.id, array->len);
      g_array_append_val (array, sector);
    }

  self->problem->n_sectors = array->len;
  self->problem->sectors = (PlProblemSector *) g_array_free (array, FALSE);
  return finish (self, stmt, rc, error);
}

static gboolean
load_partners (Loader  *self,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT id, name FROM partner ORDER BY name, id",
                                          error);
  GArray *array = g_array_new (FALSE, TRUE, sizeof (PlProblemPartner));
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlProblemPartner partner = { sqlite3_column_int64 (stmt, 0), column_text (stmt, 1) };

      remember (self->partner_index, partner.id, array->len);
      g_array_append_val (array, partner);
    }

  self->problem->n_partners = array->len;
  self->problem->partners = (PlProblemPartner *) g_array_free (array, FALSE);
  return finish (self, stmt, rc, error);
}

static gboolean
load_staff (Loader  *self,
            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self, "SELECT id, name, partner_id, teaching_days FROM staff ORDER BY name, id",
             error);
  GArray *array = g_array_new (FALSE, TRUE, sizeof (PlProblemStaff));
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlProblemStaff staff;

      staff.id = sqlite3_column_int64 (stmt, 0);
      staff.name = column_text (stmt, 1);
      staff.partner = lookup (self->partner_index, sqlite3_column_int64 (stmt, 2));
      staff.teaching = (guint8) (sqlite3_column_int (stmt, 3) & 0x7f);
      remember (self->staff_index, staff.id, array->len);
      g_array_append_val (array, staff);
    }

  self->problem->n_staff = array->len;
  self->problem->staff = (PlProblemStaff *) g_array_free (array, FALSE);
  return finish (self, stmt, rc, error);
}

static gboolean
load_employers (Loader  *self,
                GError **error)
{
  PlProblem *problem = self->problem;
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self,
             "SELECT id, name, sector_id, capacity, notice_weeks, preferred_days, relationship"
             " FROM employer ORDER BY name, id",
             error);
  GArray *array = g_array_new (FALSE, TRUE, sizeof (PlProblemEmployer));
  guint *count;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlProblemEmployer employer = { 0 };
      const char *relationship = (const char *) sqlite3_column_text (stmt, 6);
      gint sector = lookup (self->sector_index, sqlite3_column_int64 (stmt, 2));

      if (sector < 0)
        continue;

      employer.id = sqlite3_column_int64 (stmt, 0);
      employer.name = column_text (stmt, 1);
      employer.sector = sector;
      employer.capacity = MAX (1, sqlite3_column_int (stmt, 3));
      employer.notice_weeks = MAX (0, sqlite3_column_int (stmt, 4));
      employer.preferred = (guint8) (sqlite3_column_int (stmt, 5) & 0x7f);
      employer.warm = g_strcmp0 (relationship, "warm") == 0 ||
                      g_strcmp0 (relationship, "host") == 0;
      remember (self->employer_index, employer.id, array->len);
      g_array_append_val (array, employer);
    }

  problem->n_employers = array->len;
  problem->employers = (PlProblemEmployer *) g_array_free (array, FALSE);

  /* Employers by sector, each group in name order. */
  problem->sector_employers_at = g_new0 (guint, problem->n_sectors + 1);
  problem->sector_employers = g_new0 (guint, MAX (1, problem->n_employers));
  count = g_new0 (guint, problem->n_sectors + 1);
  for (guint e = 0; e < problem->n_employers; e++)
    problem->sector_employers_at[problem->employers[e].sector + 1]++;
  for (guint s = 0; s < problem->n_sectors; s++)
    problem->sector_employers_at[s + 1] += problem->sector_employers_at[s];
  for (guint e = 0; e < problem->n_employers; e++)
    {
      guint s = problem->employers[e].sector;

      problem->sector_employers[problem->sector_employers_at[s] + count[s]++] = e;
    }
  g_free (count);

  return finish (self, stmt, rc, error);
}

static PlStatus
parse_status (const char *status)
{
  if (g_strcmp0 (status, "request") == 0)
    return PL_STATUS_REQUEST;
  if (g_strcmp0 (status, "proposed") == 0)
    return PL_STATUS_PROPOSED;
  if (g_strcmp0 (status, "agreed") == 0)
    return PL_STATUS_AGREED;
  if (g_strcmp0 (status, "confirmed") == 0)
    return PL_STATUS_CONFIRMED;
  return PL_STATUS_DONE;
}

static void
append_pair (GArray  **array,
             guint32   a,
             guint32   b)
{
  if (*array == NULL)
    *array = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (*array, a);
  g_array_append_val (*array, b);
}

/* Requests, and every other live placement with days from today on. */
static GArray *
read_placements (Loader  *self,
                 GError **error)
{
  g_autoptr(GArray) raws = g_array_new (FALSE, TRUE, sizeof (RawPlacement));
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) terms = NULL;
  g_autoptr(sqlite3_stmt) days = NULL;
  g_autofree char *today = NULL;
  GDate date;
  int rc;

  g_array_set_clear_func (raws, raw_placement_clear);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, self->first_julian);
  today = pl_date_to_iso (&date);

  stmt = prepare (self,
                  "SELECT p.id, p.staff_id, p.sector_id, p.employer_id, p.status, p.length,"
                  " p.window_start, p.window_end FROM placement p"
                  " WHERE p.status = 'request'"
                  " OR (p.status <> 'cancelled' AND EXISTS (SELECT 1 FROM placement_day d"
                  "     WHERE d.placement_id = p.id AND d.day >= ?1))"
                  " ORDER BY p.id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RawPlacement raw = { 0 };

      raw.id = sqlite3_column_int64 (stmt, 0);
      raw.staff_id = sqlite3_column_int64 (stmt, 1);
      raw.sector_id = sqlite3_column_int64 (stmt, 2);
      raw.employer_id = sqlite3_column_int64 (stmt, 3);
      raw.status = parse_status ((const char *) sqlite3_column_text (stmt, 4));
      raw.length = CLAMP (sqlite3_column_int (stmt, 5), 1, 20);
      raw.window_start = parse_julian (stmt, 6);
      raw.window_end = parse_julian (stmt, 7);
      remember (by_id, raw.id, raws->len);
      g_array_append_val (raws, raw);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  /* A window given as terms: the calendar helper will resolve terms of an
   * academic year by name; here the periods' own dates are the window. */
  terms = prepare (self,
                   "SELECT t.placement_id, c.start_date, c.end_date FROM placement_term t"
                   " JOIN calendar_period c ON c.id = t.period_id ORDER BY t.placement_id,"
                   " c.start_date",
                   error);
  if (terms == NULL)
    return NULL;
  while ((rc = sqlite3_step (terms)) == SQLITE_ROW)
    {
      gint i = lookup (by_id, sqlite3_column_int64 (terms, 0));
      guint32 a = parse_julian (terms, 1);
      guint32 b = parse_julian (terms, 2);

      if (i >= 0 && a != 0 && b != 0)
        append_pair (&g_array_index (raws, RawPlacement, i).terms, a, b);
    }
  if (!finish (self, terms, rc, error))
    return NULL;

  days = prepare (self,
                  "SELECT d.placement_id, d.day FROM placement_day d"
                  " WHERE d.day >= ?1 ORDER BY d.placement_id, d.day",
                  error);
  if (days == NULL)
    return NULL;
  sqlite3_bind_text (days, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (days)) == SQLITE_ROW)
    {
      gint i = lookup (by_id, sqlite3_column_int64 (days, 0));
      guint32 day = parse_julian (days, 1);
      RawPlacement *raw;

      if (i < 0 || day == 0)
        continue;
      raw = &g_array_index (raws, RawPlacement, i);
      if (raw->days == NULL)
        raw->days = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_val (raw->days, day);
    }
  if (!finish (self, days, rc, error))
    return NULL;

  return g_steal_pointer (&raws);
}

/* 31 August of the academic year after the one holding @julian. */
static guint32
default_window_end (guint32 julian)
{
  GDate date, start;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  pl_date_academic_year_start (&date, &start);
  g_date_set_dmy (&start, 31, G_DATE_AUGUST, g_date_get_year (&start) + 2);
  return julian_of (&start);
}

guint
pl_problem_day_on_or_after (const PlProblem *self,
                            guint32          julian)
{
  guint lo = 0, hi = self->n_days;

  /* The first working day whose Julian day is at least @julian. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->julian[mid] < julian)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
build_days (Loader  *self,
            PlStore *store)
{
  PlProblem *problem = self->problem;
  g_autoptr(PlWorkdays) workdays = pl_workdays_new_for_store (store);
  GArray *julian = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *weekday = g_array_new (FALSE, FALSE, sizeof (guint8));

  for (guint32 j = self->first_julian; j <= self->last_julian; j++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, j);
      if (pl_workdays_is_working (workdays, &date))
        {
          guint8 w = g_date_get_weekday (&date) - G_DATE_MONDAY;

          g_array_append_val (julian, j);
          g_array_append_val (weekday, w);
        }
    }

  problem->n_days = julian->len;
  problem->julian = (guint32 *) g_array_free (julian, FALSE);
  problem->weekday = (guint8 *) g_array_free (weekday, FALSE);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const PlSpan *x = a, *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return x->last < y->last ? -1 : x->last > y->last;
}

/* The window in working days: sorted, overlapping spans merged. */
static void
set_spans (PlProblem          *problem,
           PlProblemPlacement *placement,
           GArray             *ranges)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PlSpan));

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      guint32 a = g_array_index (ranges, guint32, i);
      guint32 b = g_array_index (ranges, guint32, i + 1);
      PlSpan span;

      span.first = pl_problem_day_on_or_after (problem, a);
      span.last = pl_problem_day_on_or_after (problem, b + 1);
      if (span.last == 0 || span.first >= span.last)
        continue;
      span.last--;
      g_array_append_val (spans, span);
    }

  g_array_sort (spans, compare_spans);
  for (guint i = 1; i < spans->len;)
    {
      PlSpan *prev = &g_array_index (spans, PlSpan, i - 1);
      PlSpan *span = &g_array_index (spans, PlSpan, i);

      if (span->first <= prev->last + 1)
        {
          prev->last = MAX (prev->last, span->last);
          g_array_remove_index (spans, i);
        }
      else
        i++;
    }

  placement->n_spans = spans->len;
  placement->spans = (PlSpan *) g_array_free (spans, FALSE);
}

static gboolean
build_placements (Loader  *self,
                  GArray  *raws)
{
  PlProblem *problem = self->problem;
  guint32 default_end = default_window_end (problem->today + 7 * problem->lead_weeks);
  GArray *array = g_array_new (FALSE, TRUE, sizeof (PlProblemPlacement));

  for (guint i = 0; i < raws->len; i++)
    {
      RawPlacement *raw = &g_array_index (raws, RawPlacement, i);
      PlProblemPlacement placement = { 0 };
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint32));
      guint32 clip_start = raw->window_start ? raw->window_start : problem->today;
      guint32 clip_end = raw->window_end ? raw->window_end : G_MAXUINT32;
      gint staff = lookup (self->staff_index, raw->staff_id);
      gint sector = lookup (self->sector_index, raw->sector_id);

      if (staff < 0 || sector < 0)
        continue;

      placement.id = raw->id;
      placement.staff = staff;
      placement.sector = sector;
      placement.employer = raw->employer_id ? lookup (self->employer_index, raw->employer_id) : -1;
      placement.length = raw->length;
      placement.status = raw->status;

      if (raw->terms != NULL)
        {
          placement.window_given = TRUE;
          placement.window_first = G_MAXUINT32;
          for (guint t = 0; t + 1 < raw->terms->len; t += 2)
            {
              guint32 a = MAX (g_array_index (raw->terms, guint32, t), clip_start);
              guint32 b = MIN (g_array_index (raw->terms, guint32, t + 1), clip_end);

              placement.window_first = MIN (placement.window_first, a);
              placement.window_last = MAX (placement.window_last, b);
              if (a <= b)
                append_pair (&ranges, a, b);
            }
        }
      else
        {
          placement.window_given = raw->window_start != 0 || raw->window_end != 0;
          placement.window_first = raw->window_start ? raw->window_start : problem->today;
          if (raw->window_end != 0)
            placement.window_last = raw->window_end;
          else
            placement.window_last = MAX (default_end, default_window_end (placement.window_first));
          append_pair (&ranges, placement.window_first, placement.window_last);
        }
      set_spans (problem, &placement, ranges);

      if (raw->days != NULL)
        {
          placement.days = g_new0 (guint, raw->days->len);
          for (guint d = 0; d < raw->days->len; d++)
            {
              guint32 julian = g_array_index (raw->days, guint32, d);
              guint index = pl_problem_day_on_or_after (problem, julian);

              if (index < problem->n_days && problem->julian[index] == julian)
                placement.days[placement.n_days++] = index;
              else
                placement.days_off = TRUE;
            }
        }

      g_array_append_val (array, placement);
    }

  problem->n_placements = array->len;
  problem->placements = (PlProblemPlacement *) g_array_free (array, FALSE);
  return TRUE;
}

/* Content first: the same network typed in another order sorts the same. */
static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const PlProblemPlacement *x = a, *y = b;
  gint ex = x->employer, ey = y->employer;

  if (x->staff != y->staff)
    return x->staff < y->staff ? -1 : 1;
  if (x->sector != y->sector)
    return x->sector < y->sector ? -1 : 1;
  if (x->window_first != y->window_first)
    return x->window_first < y->window_first ? -1 : 1;
  if (x->window_last != y->window_last)
    return x->window_last < y->window_last ? -1 : 1;
  if (x->length != y->length)
    return x->length < y->length ? -1 : 1;
  if (x->status != y->status)
    return x->status < y->status ? -1 : 1;
  if (ex != ey)
    return ex < ey ? -1 : 1;
  if (x->n_days != y->n_days)
    return x->n_days < y->n_days ? -1 : 1;
  for (guint i = 0; i < x->n_days; i++)
    if (x->days[i] != y->days[i])
      return x->days[i] < y->days[i] ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void
mark_range (guint8          *row,
            const PlProblem *problem,
            guint32          first,
            guint32          last,
            guint8           weekdays,
            guint8           bits)
{
  for (guint i = pl_problem_day_on_or_after (problem, first);
       i < problem->n_days && problem->julian[i] <= last; i++)
    if (weekdays & (1 << problem->weekday[i]))
      row[i] |= bits;
}

static void
add_period (Loader     *self,
            PlRule      rule,
            gint        owner,
            guint32     first,
            guint32     last,
            const char *label)
{
  PlProblemPeriod period = { rule, owner, first, last, g_strdup (label) };

  g_array_append_val (self->periods, period);
}

static gboolean
load_periods (Loader  *self,
              GError **error)
{
  PlProblem *problem = self->problem;
  guint n = problem->n_days;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate date;
  int rc;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, self->first_julian);
  first = pl_date_to_iso (&date);
  g_date_set_julian (&date, self->last_julian);
  last = pl_date_to_iso (&date);

  stmt = prepare (self,
                  "SELECT owner_kind, partner_id, employer_id, staff_id, kind, label, start_date,"
                  " end_date, weekdays FROM calendar_period"
                  " WHERE end_date >= ?1 AND start_date <= ?2"
                  " AND kind IN ('term', 'holiday', 'exam', 'blackout', 'busy', 'unavailable')"
                  " ORDER BY start_date, end_date, id",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *owner_kind = (const char *) sqlite3_column_text (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 4);
      const char *label = (const char *) sqlite3_column_text (stmt, 5);
      guint32 a = parse_julian (stmt, 6);
      guint32 b = parse_julian (stmt, 7);
      guint8 weekdays = (guint8) (sqlite3_column_int (stmt, 8) & 0x7f);
      gboolean everyone = g_strcmp0 (owner_kind, "all") == 0;
      gint partner = -1, employer = -1, staff = -1;

      if (a == 0 || b == 0)
        continue;

      if (g_strcmp0 (owner_kind, "partner") == 0 &&
          (partner = lookup (self->partner_index, sqlite3_column_int64 (stmt, 1))) < 0)
        continue;
      if (g_strcmp0 (owner_kind, "employer") == 0 &&
          (employer = lookup (self->employer_index, sqlite3_column_int64 (stmt, 2))) < 0)
        continue;
      if (g_strcmp0 (owner_kind, "staff") == 0 &&
          (staff = lookup (self->staff_index, sqlite3_column_int64 (stmt, 3))) < 0)
        continue;

      if (g_str_equal (kind, "term") && (everyone || partner >= 0))
        {
          /* The last week of a term: its last seven calendar days. */
          guint32 from = MAX (a, b >= 6 ? b - 6 : 0);

          for (guint p = 0; p < problem->n_partners; p++)
            if (everyone || (gint) p == partner)
              mark_range (problem->term_end + p * n, problem, from, b, weekdays, 1);
        }
      else if ((g_str_equal (kind, "holiday") || g_str_equal (kind, "exam")) && partner >= 0)
        {
          gboolean exam = g_str_equal (kind, "exam");

          mark_range (self->partner_block + partner * n, problem, a, b, weekdays,
                      exam ? PL_BLOCK_EXAM : PL_BLOCK_HOLIDAY);
          add_period (self, exam ? PL_RULE_PARTNER_EXAM : PL_RULE_PARTNER_HOLIDAY, partner, a, b,
                      label);
        }
      else if (g_str_equal (kind, "exam") && everyone)
        {
          mark_range (self->all_block, problem, a, b, weekdays, PL_BLOCK_EXAM);
          add_period (self, PL_RULE_PARTNER_EXAM, -1, a, b, label);
        }
      else if (staff >= 0 && (g_str_equal (kind, "unavailable") || g_str_equal (kind, "holiday") ||
                              g_str_equal (kind, "exam")))
        {
          /* A staff member's own leave, whatever it was filed as. */
          mark_range (problem->staff_block + staff * n, problem, a, b, weekdays,
                      PL_BLOCK_UNAVAILABLE);
          add_period (self, PL_RULE_UNAVAILABLE, staff, a, b, label);
        }
      else if (g_str_equal (kind, "unavailable") && everyone)
        {
          mark_range (self->all_block, problem, a, b, weekdays, PL_BLOCK_UNAVAILABLE);
          add_period (self, PL_RULE_UNAVAILABLE, -1, a, b, label);
        }
      else if ((g_str_equal (kind, "blackout") || g_str_equal (kind, "holiday")) &&
               (employer >= 0 || (everyone && g_str_equal (kind, "blackout"))))
        {
          /* An employer's own closure is a blackout by another name. */
          for (guint e = 0; e < problem->n_employers; e++)
            if (everyone || (gint) e == employer)
              mark_range (problem->blackout + e * n, problem, a, b, weekdays, 1);
          add_period (self, PL_RULE_BLACKOUT, employer, a, b, label);
        }
      else if (g_str_equal (kind, "busy") && (employer >= 0 || everyone))
        {
          for (guint e = 0; e < problem->n_employers; e++)
            if (everyone || (gint) e == employer)
              mark_range (problem->busy + e * n, problem, a, b, weekdays, 1);
        }
    }

  return finish (self, stmt, rc, error);
}

static void
build_staff_blocks (Loader *self)
{
  PlProblem *problem = self->problem;
  guint n = problem->n_days;

  for (guint s = 0; s < problem->n_staff; s++)
    {
      const PlProblemStaff *staff = &problem->staff[s];
      guint8 *row = problem->staff_block + s * n;
      const guint8 *partner = staff->partner >= 0 ? self->partner_block + staff->partner * n : NULL;

      for (guint d = 0; d < n; d++)
        {
          if (staff->teaching & (1 << problem->weekday[d]))
            row[d] |= PL_BLOCK_TEACHING;
          row[d] |= self->all_block[d];
          if (partner != NULL)
            row[d] |= partner[d];
        }
    }
}

/**
 * pl_problem_new_for_store:
 * @today: the day the plan is made; nothing is placed before it
 *
 * Reads everything a scheduling job needs in one read transaction.
 *
 * Returns: (transfer full): the problem, or %NULL with @error set
 */
PlProblem *
pl_problem_new_for_store (PlStore      *store,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(PlProblem) problem = g_new0 (PlProblem, 1);
  g_autoptr(GArray) raws = NULL;
  Loader loader = { 0 };
  gboolean own_transaction;
  gboolean ok = FALSE;
  guint n;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  loader.problem = problem;
  loader.db = pl_store_get_sqlite (store);
  loader.sector_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.partner_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.staff_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.employer_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.periods = g_array_new (FALSE, TRUE, sizeof (PlProblemPeriod));

  problem->today = julian_of (today);
  problem->lead_weeks = CLAMP (pl_store_get_setting_int (store, "lead_time_weeks", 6), 0, 104);
  for (guint w = 0; w < PL_N_WEIGHTS; w++)
    problem->weights[w] = CLAMP (pl_store_get_setting_int (store, pl_weight_keys[w],
                                                           pl_weight_defaults[w]), 0, 10);

  /* One snapshot of the database, unless the caller already holds one. */
  own_transaction = sqlite3_get_autocommit (loader.db) != 0;
  if (own_transaction)
    sqlite3_exec (loader.db, "BEGIN DEFERRED", NULL, NULL, NULL);

  loader.first_julian = problem->today;
  if (!load_sectors (&loader, error) || !load_partners (&loader, error) ||
      !load_staff (&loader, error) || !load_employers (&loader, error))
    goto out;
  if (!(raws = read_placements (&loader, error)))
    goto out;

  /* The horizon runs from today to the last window or day of interest. */
  loader.last_julian = default_window_end (problem->today + 7 * problem->lead_weeks);
  for (guint i = 0; i < raws->len; i++)
    {
      RawPlacement *raw = &g_array_index (raws, RawPlacement, i);

      loader.last_julian = MAX (loader.last_julian, raw->window_end);
      if (raw->window_start != 0 && raw->window_end == 0)
        loader.last_julian = MAX (loader.last_julian, default_window_end (raw->window_start));
      for (guint t = 1; raw->terms != NULL && t < raw->terms->len; t += 2)
        loader.last_julian = MAX (loader.last_julian, g_array_index (raw->terms, guint32, t));
      if (raw->days != NULL && raw->days->len > 0)
        loader.last_julian = MAX (loader.last_julian,
                                  g_array_index (raw->days, guint32, raw->days->len - 1));
    }
  loader.last_julian = MIN (loader.last_julian, problem->today + MAX_HORIZON_DAYS);

  build_days (&loader, store);
  n = problem->n_days;
  problem->lead_earliest = pl_problem_day_on_or_after (problem,
                                                       problem->today + 7 * problem->lead_weeks);
  for (guint e = 0; e < problem->n_employers; e++)
    {
      PlProblemEmployer *employer = &problem->employers[e];
      guint weeks = MAX (problem->lead_weeks, employer->notice_weeks);

      employer->earliest = pl_problem_day_on_or_after (problem, problem->today + 7 * weeks);
    }

  problem->staff_block = g_new0 (guint8, (gsize) MAX (1, problem->n_staff * n));
  problem->blackout = g_new0 (guint8, (gsize) MAX (1, problem->n_employers * n));
  problem->busy = g_new0 (guint8, (gsize) MAX (1, problem->n_employers * n));
  problem->term_end = g_new0 (guint8, (gsize) MAX (1, problem->n_partners * n));
  loader.partner_block = g_new0 (guint8, (gsize) MAX (1, problem->n_partners * n));
  loader.all_block = g_new0 (guint8, MAX (1, n));

  if (!build_placements (&loader, raws) || !load_periods (&loader, error))
    goto out;
  build_staff_blocks (&loader);

  if (problem->n_placements > 1)
    qsort (problem->placements, problem->n_placements, sizeof (PlProblemPlacement),
           compare_placements);

  problem->n_periods = loader.periods->len;
  problem->periods = (PlProblemPeriod *) g_array_free (g_steal_pointer (&loader.periods), FALSE);
  ok = TRUE;

out:
  if (own_transaction)
    sqlite3_exec (loader.db, "COMMIT", NULL, NULL, NULL);
  g_clear_pointer (&loader.sector_index, g_hash_table_unref);
  g_clear_pointer (&loader.partner_index, g_hash_table_unref);
  g_clear_pointer (&loader.staff_index, g_hash_table_unref);
  g_clear_pointer (&loader.employer_index, g_hash_table_unref);
  g_clear_pointer (&loader.partner_block, g_free);
  g_clear_pointer (&loader.all_block, g_free);
  if (loader.periods != NULL)
    {
      for (guint i = 0; i < loader.periods->len; i++)
        g_free (g_array_index (loader.periods, PlProblemPeriod, i).label);
      g_array_unref (loader.periods);
    }

  return ok ? g_steal_pointer (&problem) : NULL;
}

gint
pl_problem_find_placement (const PlProblem *self,
                           gint64           placement_id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->n_placements; i++)
    if (self->placements[i].id == placement_id)
      return i;
  return -1;
}

void
pl_problem_free (PlProblem *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_sectors; i++)
    g_free (self->sectors[i].name);
  for (guint i = 0; i < self->n_partners; i++)
    g_free (self->partners[i].name);
  for (guint i = 0; i < self->n_staff; i++)
    g_free (self->staff[i].name);
  for (guint i = 0; i < self->n_employers; i++)
    g_free (self->employers[i].name);
  for (guint i = 0; i < self->n_placements; i++)
    {
      g_free (self->placements[i].spans);
      g_free (self->placements[i].days);
    }
  for (guint i = 0; i < self->n_periods; i++)
    g_free (self->periods[i].label);

  g_free (self->julian);
  g_free (self->weekday);
  g_free (self->sectors);
  g_free (self->partners);
  g_free (self->staff);
  g_free (self->employers);
  g_free (self->sector_employers);
  g_free (self->sector_employers_at);
  g_free (self->placements);
  g_free (self->periods);
  g_free (self->staff_block);
  g_free (self->blackout);
  g_free (self->busy);
  g_free (self->term_end);
  g_free (self);
}
