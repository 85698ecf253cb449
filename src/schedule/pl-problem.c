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

#include "pl-calendar.h"
#include "pl-date.h"
#include "pl-problem.h"
#include "pl-store-schedule.h"
#include "pl-workdays.h"

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
  "not_this_year",
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
  N_("the employer’s “not this year”"),
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

typedef struct
{
  PlProblem    *problem;
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

static void
load_sectors (Loader *self,
              GArray *sectors)
{
  PlProblem *problem = self->problem;

  problem->n_sectors = sectors->len;
  problem->sectors = g_new0 (PlProblemSector, MAX (1, sectors->len));
  for (guint i = 0; i < sectors->len; i++)
    {
      const PlScheduleName *sector = &g_array_index (sectors, PlScheduleName, i);

      problem->sectors[i].id = sector->id;
      problem->sectors[i].name = g_strdup (sector->name);
      remember (self->sector_index, sector->id, i);
    }
}

static void
load_partners (Loader *self,
               GArray *partners)
{
  PlProblem *problem = self->problem;

  problem->n_partners = partners->len;
  problem->partners = g_new0 (PlProblemPartner, MAX (1, partners->len));
  for (guint i = 0; i < partners->len; i++)
    {
      const PlScheduleName *partner = &g_array_index (partners, PlScheduleName, i);

      problem->partners[i].id = partner->id;
      problem->partners[i].name = g_strdup (partner->name);
      remember (self->partner_index, partner->id, i);
    }
}

static void
load_staff (Loader *self,
            GArray *staff)
{
  PlProblem *problem = self->problem;

  problem->n_staff = staff->len;
  problem->staff = g_new0 (PlProblemStaff, MAX (1, staff->len));
  for (guint i = 0; i < staff->len; i++)
    {
      const PlScheduleStaff *member = &g_array_index (staff, PlScheduleStaff, i);

      problem->staff[i].id = member->id;
      problem->staff[i].name = g_strdup (member->name);
      problem->staff[i].partner = lookup (self->partner_index, member->partner_id);
      problem->staff[i].teaching = member->teaching_days;
      remember (self->staff_index, member->id, i);
    }
}

static void
load_employers (Loader *self,
                GArray *employers)
{
  PlProblem *problem = self->problem;
  GArray *array = g_array_new (FALSE, TRUE, sizeof (PlProblemEmployer));
  guint *count;

  for (guint i = 0; i < employers->len; i++)
    {
      const PlScheduleEmployer *row = &g_array_index (employers, PlScheduleEmployer, i);
      PlProblemEmployer employer = { 0 };
      gint sector = lookup (self->sector_index, row->sector_id);

      if (sector < 0)
        continue;

      employer.id = row->id;
      employer.name = g_strdup (row->name);
      employer.sector = sector;
      employer.capacity = MAX (1, row->capacity);
      employer.notice_weeks = MAX (0, row->notice_weeks);
      employer.preferred = row->preferred_days;
      employer.warm = row->relationship == PL_RELATIONSHIP_WARM ||
                      row->relationship == PL_RELATIONSHIP_HOST;
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
}

static PlStatus
status_of (PlPlacementStatus status)
{
  switch (status)
    {
    case PL_PLACEMENT_STATUS_REQUEST:
      return PL_STATUS_REQUEST;
    case PL_PLACEMENT_STATUS_PROPOSED:
      return PL_STATUS_PROPOSED;
    case PL_PLACEMENT_STATUS_AGREED:
      return PL_STATUS_AGREED;
    case PL_PLACEMENT_STATUS_CONFIRMED:
      return PL_STATUS_CONFIRMED;
    default:
      return PL_STATUS_DONE;
    }
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

static void
build_placements (Loader *self,
                  GArray *placements)
{
  PlProblem *problem = self->problem;
  guint32 default_end = default_window_end (problem->today + 7 * problem->lead_weeks);
  GArray *array = g_array_new (FALSE, TRUE, sizeof (PlProblemPlacement));

  for (guint i = 0; i < placements->len; i++)
    {
      const PlSchedulePlacement *raw = &g_array_index (placements, PlSchedulePlacement, i);
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
      placement.length = CLAMP (raw->length, 1, 20);
      placement.status = status_of (raw->status);

      if (raw->terms != NULL)
        {
          placement.window_given = TRUE;
          placement.window_first = G_MAXUINT32;
          for (guint t = 0; t < raw->terms->len; t++)
            {
              const PlScheduleRange *term = &g_array_index (raw->terms, PlScheduleRange, t);
              guint32 a = MAX (term->first, clip_start);
              guint32 b = MIN (term->last, clip_end);

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

/* In the order explanations quote them: by first day, then last day. */
static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const PlPeriod *x = *(PlPeriod * const *) a;
  const PlPeriod *y = *(PlPeriod * const *) b;
  int order = g_date_compare (&x->start, &y->start);

  if (order == 0)
    order = g_date_compare (&x->end, &y->end);
  if (order == 0)
    order = x->id < y->id ? -1 : x->id > y->id;
  return order;
}

static gboolean
load_periods (Loader  *self,
              PlStore *store,
              GError **error)
{
  PlProblem *problem = self->problem;
  guint n = problem->n_days;
  g_autoptr(GPtrArray) periods = NULL;
  GDate first, after_last;

  g_date_clear (&first, 1);
  g_date_set_julian (&first, self->first_julian);
  g_date_clear (&after_last, 1);
  g_date_set_julian (&after_last, self->last_julian + 1);

  periods = pl_store_calendar_list_periods (store,
                                      PL_PERIOD_TERM | PL_PERIOD_HOLIDAY | PL_PERIOD_EXAM |
                                      PL_PERIOD_BLACKOUT | PL_PERIOD_BUSY | PL_PERIOD_UNAVAILABLE,
                                      &first, &after_last, error);
  if (periods == NULL)
    return FALSE;
  g_ptr_array_sort (periods, compare_periods);

  for (guint i = 0; i < periods->len; i++)
    {
      const PlPeriod *period = periods->pdata[i];
      PlPeriodKind kind = period->kind;
      const char *label = period->label;
      guint32 a = julian_of (&period->start);
      guint32 b = julian_of (&period->end) - 1;
      guint8 weekdays = period->weekdays;
      gboolean everyone = period->owner_kind == PL_OWNER_ALL;
      gint partner = -1, employer = -1, staff = -1;

      if (period->owner_kind == PL_OWNER_PARTNER &&
          (partner = lookup (self->partner_index, period->owner_id)) < 0)
        continue;
      if (period->owner_kind == PL_OWNER_EMPLOYER &&
          (employer = lookup (self->employer_index, period->owner_id)) < 0)
        continue;
      if (period->owner_kind == PL_OWNER_STAFF &&
          (staff = lookup (self->staff_index, period->owner_id)) < 0)
        continue;

      if (kind == PL_PERIOD_TERM && (everyone || partner >= 0))
        {
          /* The last week of a term: its last seven calendar days. */
          guint32 from = MAX (a, b >= 6 ? b - 6 : 0);

          for (guint p = 0; p < problem->n_partners; p++)
            if (everyone || (gint) p == partner)
              mark_range (problem->term_end + p * n, problem, from, b, weekdays, 1);
        }
      else if ((kind == PL_PERIOD_HOLIDAY || kind == PL_PERIOD_EXAM) && partner >= 0)
        {
          gboolean exam = kind == PL_PERIOD_EXAM;

          mark_range (self->partner_block + partner * n, problem, a, b, weekdays,
                      exam ? PL_BLOCK_EXAM : PL_BLOCK_HOLIDAY);
          add_period (self, exam ? PL_RULE_PARTNER_EXAM : PL_RULE_PARTNER_HOLIDAY, partner, a, b,
                      label);
        }
      else if (kind == PL_PERIOD_EXAM && everyone)
        {
          mark_range (self->all_block, problem, a, b, weekdays, PL_BLOCK_EXAM);
          add_period (self, PL_RULE_PARTNER_EXAM, -1, a, b, label);
        }
      else if (staff >= 0 && (kind == PL_PERIOD_UNAVAILABLE || kind == PL_PERIOD_HOLIDAY ||
                              kind == PL_PERIOD_EXAM))
        {
          /* A staff member's own leave, whatever it was filed as. */
          mark_range (problem->staff_block + staff * n, problem, a, b, weekdays,
                      PL_BLOCK_UNAVAILABLE);
          add_period (self, PL_RULE_UNAVAILABLE, staff, a, b, label);
        }
      else if (kind == PL_PERIOD_UNAVAILABLE && everyone)
        {
          mark_range (self->all_block, problem, a, b, weekdays, PL_BLOCK_UNAVAILABLE);
          add_period (self, PL_RULE_UNAVAILABLE, -1, a, b, label);
        }
      else if ((kind == PL_PERIOD_BLACKOUT || kind == PL_PERIOD_HOLIDAY) &&
               (employer >= 0 || (everyone && kind == PL_PERIOD_BLACKOUT)))
        {
          /* An employer's own closure is a blackout by another name. */
          for (guint e = 0; e < problem->n_employers; e++)
            if (everyone || (gint) e == employer)
              mark_range (problem->blackout + e * n, problem, a, b, weekdays, 1);
          add_period (self, PL_RULE_BLACKOUT, employer, a, b, label);
        }
      else if (kind == PL_PERIOD_BUSY && (employer >= 0 || everyone))
        {
          for (guint e = 0; e < problem->n_employers; e++)
            if (everyone || (gint) e == employer)
              mark_range (problem->busy + e * n, problem, a, b, weekdays, 1);
        }
    }

  return TRUE;
}

/* What each employer said about each academic year of the horizon. "Not
 * this year" closes the employer for the whole year, as a blackout does,
 * and is remembered with its reason so that an explanation can quote it. */
static void
load_appetites (Loader *self,
                GArray *appetites)
{
  PlProblem *problem = self->problem;
  guint n = problem->n_days;

  for (guint i = 0; i < appetites->len; i++)
    {
      const PlScheduleAppetite *row = &g_array_index (appetites, PlScheduleAppetite, i);
      gint e = lookup (self->employer_index, row->employer_id);
      GDate start, end;
      guint32 first, last;

      if (e < 0 || row->state == PL_APPETITE_UNKNOWN || !g_date_valid_year (row->year))
        continue;

      g_date_clear (&start, 1);
      g_date_set_dmy (&start, 1, G_DATE_SEPTEMBER, row->year);
      g_date_clear (&end, 1);
      g_date_set_dmy (&end, 31, G_DATE_AUGUST, row->year + 1);
      first = julian_of (&start);
      last = julian_of (&end);
      if (last < self->first_julian || first > self->last_julian)
        continue;

      for (guint d = pl_problem_day_on_or_after (problem, first);
           d < n && problem->julian[d] <= last; d++)
        {
          problem->appetite[(gsize) e * n + d] = (guint8) row->state;
          if (row->state == PL_APPETITE_NOT_THIS_YEAR)
            problem->blackout[(gsize) e * n + d] = 1;
        }
      if (row->state == PL_APPETITE_NOT_THIS_YEAR)
        add_period (self, PL_RULE_NOT_THIS_YEAR, e, first, last, row->reason);
    }
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
  g_autoptr(PlScheduleNetwork) network = NULL;
  GArray *placements;
  Loader loader = { 0 };
  gboolean snapshot;
  gboolean ok = FALSE;
  guint n;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  loader.problem = problem;
  loader.sector_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.partner_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.staff_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.employer_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.periods = g_array_new (FALSE, TRUE, sizeof (PlProblemPeriod));

  /* One snapshot of the database, unless the caller already holds one. */
  snapshot = pl_store_schedule_begin_read (store);

  problem->today = julian_of (today);
  problem->lead_weeks = CLAMP (pl_store_get_setting_int (store, "lead_time_weeks", 6), 0, 104);
  for (guint w = 0; w < PL_N_WEIGHTS; w++)
    problem->weights[w] = CLAMP (pl_store_get_setting_int (store, pl_weight_keys[w],
                                                           pl_weight_defaults[w]), 0, 10);

  network = pl_store_schedule_read (store, today, error);
  if (network == NULL)
    goto out;

  loader.first_julian = problem->today;
  load_sectors (&loader, network->sectors);
  load_partners (&loader, network->partners);
  load_staff (&loader, network->staff);
  load_employers (&loader, network->employers);
  placements = network->placements;

  /* The horizon runs from today to the last window or day of interest. */
  loader.last_julian = default_window_end (problem->today + 7 * problem->lead_weeks);
  for (guint i = 0; i < placements->len; i++)
    {
      const PlSchedulePlacement *raw = &g_array_index (placements, PlSchedulePlacement, i);

      loader.last_julian = MAX (loader.last_julian, raw->window_end);
      if (raw->window_start != 0 && raw->window_end == 0)
        loader.last_julian = MAX (loader.last_julian, default_window_end (raw->window_start));
      for (guint t = 0; raw->terms != NULL && t < raw->terms->len; t++)
        loader.last_julian = MAX (loader.last_julian,
                                  g_array_index (raw->terms, PlScheduleRange, t).last);
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
  problem->appetite = g_new0 (guint8, (gsize) MAX (1, problem->n_employers * n));
  problem->term_end = g_new0 (guint8, (gsize) MAX (1, problem->n_partners * n));
  problem->taken = g_new0 (guint16, (gsize) MAX (1, problem->n_employers * n));
  for (guint i = 0; network->foreign != NULL && i < network->foreign->len; i++)
    {
      const PlScheduleTaken *day = &g_array_index (network->foreign, PlScheduleTaken, i);
      gint e = lookup (loader.employer_index, day->employer_id);
      guint d = pl_problem_day_on_or_after (problem, day->julian);

      if (e >= 0 && d < n && problem->julian[d] == day->julian)
        problem->taken[(gsize) e * n + d] += (guint16) MIN (day->taken, G_MAXUINT16);
    }
  loader.partner_block = g_new0 (guint8, (gsize) MAX (1, problem->n_partners * n));
  loader.all_block = g_new0 (guint8, MAX (1, n));

  build_placements (&loader, placements);
  if (!load_periods (&loader, store, error))
    goto out;
  load_appetites (&loader, network->appetites);
  build_staff_blocks (&loader);

  if (problem->n_placements > 1)
    qsort (problem->placements, problem->n_placements, sizeof (PlProblemPlacement),
           compare_placements);

  problem->n_periods = loader.periods->len;
  problem->periods = (PlProblemPeriod *) g_array_free (g_steal_pointer (&loader.periods), FALSE);
  ok = TRUE;

out:
  pl_store_schedule_end_read (store, snapshot);
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
  g_free (self->appetite);
  g_free (self->taken);
  g_free (self->term_end);
  g_free (self);
}
