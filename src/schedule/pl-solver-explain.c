/* pl-solver-explain.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-solver"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-solver-private.h"

/* Why a request could not be placed. Every candidate (employer, first day)
 * of the window is put through the rules in a fixed order and charged to
 * the first rule it breaks. The rule that takes the last candidates is the
 * answer; the rule that took the most, when it is another, is named too,
 * so that "the lead time rules out December" comes with "every Digital
 * employer is in blackout until 5 January". */

enum
{
  STAGE_LEAD,
  STAGE_STAFF,
  STAGE_DECLINED,
  STAGE_BLACKOUT,
  STAGE_BOOKED,
  STAGE_CAPACITY,
  STAGE_REJECTED,
  N_STAGES
};

typedef struct
{
  PlSolver                 *solver;
  const PlProblem          *problem;
  const PlProblemPlacement *placement;
  guint                     m;
  GArray                   *employers;    /* guint */
  guint32                   from;         /* the part of the window worth quoting */
  guint32                   to;
  guint64                   charged[N_STAGES];
  guint64                   staff_bits[4];
  guint8                    bits_seen;
} Explainer;

static char *
format_date (guint32     julian,
             const char *format)
{
  GDate date;
  char buffer[128];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return pl_date_to_iso (&date);
  return g_strdup (buffer);
}

/* "on 3 March 2027", "from 1 to 12 March 2027", "from 14 December 2026 to
 * 5 January 2027". */
static char *
format_range (guint32 first,
              guint32 last)
{
  GDate a, b;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, first);
  g_date_set_julian (&b, last);

  /* TRANSLATORS: a full date in strftime format, as in "3 March 2027". */
  to = format_date (last, _("%-d %B %Y"));
  if (first == last)
    /* TRANSLATORS: %s is a date */
    return g_strdup_printf (_("on %s"), to);

  if (g_date_get_year (&a) != g_date_get_year (&b))
    from = format_date (first, _("%-d %B %Y"));
  else if (g_date_get_month (&a) != g_date_get_month (&b))
    /* TRANSLATORS: a day and month in strftime format, as in "14 December". */
    from = format_date (first, _("%-d %B"));
  else
    /* TRANSLATORS: a day of the month in strftime format, as in "1". */
    from = format_date (first, _("%-d"));

  /* TRANSLATORS: a range of days, as in "from 1 to 12 March 2027" */
  return g_strdup_printf (_("from %s to %s"), from, to);
}

/* "A", "A and B", "A, B and C". */
static char *
join_list (GPtrArray *items)
{
  g_autofree char *text = NULL;

  if (items->len == 0)
    return g_strdup ("");

  text = g_strdup (items->pdata[0]);
  for (guint i = 1; i < items->len; i++)
    {
      char *longer;

      if (i + 1 == items->len)
        /* TRANSLATORS: joins the last two items of a list */
        longer = g_strdup_printf (_("%s and %s"), text, (char *) items->pdata[i]);
      else
        /* TRANSLATORS: joins items of a list before the last two */
        longer = g_strdup_printf (_("%s, %s"), text, (char *) items->pdata[i]);
      g_free (text);
      text = longer;
    }

  return g_steal_pointer (&text);
}

static char *
weekday_list (guint8 mask)
{
  static const char * const names[] = {
    N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"), N_("Fridays"),
  };
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (mask & (1 << i))
      g_ptr_array_add (items, (gpointer) _(names[i]));
  return join_list (items);
}

/* The periods of @rule that @owner (or everyone) has within the window. */
static char *
period_list (Explainer *self,
             PlRule     rule,
             gint       owner)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->problem->n_periods && items->len < 3; i++)
    {
      const PlProblemPeriod *period = &self->problem->periods[i];

      if (period->rule != rule || (period->owner != owner && period->owner != -1))
        continue;
      if (period->last < self->from || period->first > self->to)
        continue;
      g_ptr_array_add (items, format_range (period->first, period->last));
    }

  return items->len > 0 ? join_list (items) : NULL;
}

static const char *
sector_name (Explainer *self)
{
  return self->problem->sectors[self->placement->sector].name;
}

static const char *
staff_name (Explainer *self)
{
  return self->problem->staff[self->placement->staff].name;
}

static char *
explain_lead (Explainer *self)
{
  const PlProblem *problem = self->problem;
  guint weeks = G_MAXUINT;
  guint earliest = problem->n_days;
  guint32 julian;
  g_autofree char *date = NULL;

  for (guint i = 0; i < self->employers->len; i++)
    {
      const PlProblemEmployer *employer = &problem->employers[g_array_index (self->employers,
                                                                             guint, i)];

      weeks = MIN (weeks, MAX (problem->lead_weeks, employer->notice_weeks));
      earliest = MIN (earliest, employer->earliest);
    }

  julian = earliest < problem->n_days ? problem->julian[earliest]
                                      : problem->today + 7 * weeks;
  date = format_date (julian, _("%-d %B %Y"));

  if (weeks == problem->lead_weeks)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The lead time of %u week rules out everything "
                                         "before %s.",
                                         "The lead time of %u weeks rules out everything "
                                         "before %s.", weeks),
                            weeks, date);
  if (self->employers->len == 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s needs %u week’s notice, which rules out "
                                         "everything before %s.",
                                         "%s needs %u weeks’ notice, which rules out "
                                         "everything before %s.", weeks),
                            problem->employers[g_array_index (self->employers, guint, 0)].name,
                            weeks, date);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The lead time and the employers’ notice of at least "
                                       "%u week rule out everything before %s.",
                                       "The lead time and the employers’ notice of at least "
                                       "%u weeks rule out everything before %s.", weeks),
                          weeks, date);
}

static char *
explain_staff (Explainer *self)
{
  const PlProblem *problem = self->problem;
  const PlProblemStaff *staff = &problem->staff[self->placement->staff];
  const char *partner = staff->partner >= 0 ? problem->partners[staff->partner].name : "";
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (self->bits_seen & PL_BLOCK_TEACHING)
    {
      g_autofree char *days = weekday_list (staff->teaching);

      /* TRANSLATORS: follows a person's name; %s is a list of weekdays */
      g_ptr_array_add (clauses, g_strdup_printf (_("teaches on %s"), days));
    }
  if (self->bits_seen & PL_BLOCK_UNAVAILABLE)
    {
      g_autofree char *when = period_list (self, PL_RULE_UNAVAILABLE, self->placement->staff);

      g_ptr_array_add (clauses, when ? g_strdup_printf (_("is unavailable %s"), when)
                                     : g_strdup (_("is unavailable")));
    }
  if (self->bits_seen & PL_BLOCK_HOLIDAY)
    {
      g_autofree char *when = period_list (self, PL_RULE_PARTNER_HOLIDAY, staff->partner);

      /* TRANSLATORS: the first %s is a college, the second when */
      g_ptr_array_add (clauses, g_strdup_printf (_("is on holiday with %s %s"), partner,
                                                 when ? when : ""));
    }
  if (self->bits_seen & PL_BLOCK_EXAM)
    {
      g_autofree char *when = period_list (self, PL_RULE_PARTNER_EXAM, staff->partner);

      /* TRANSLATORS: the first %s is a college, the second when */
      g_ptr_array_add (clauses, g_strdup_printf (_("has exams at %s %s"), partner,
                                                 when ? when : ""));
    }

  joined = join_list (clauses);
  g_strstrip (joined);
  /* TRANSLATORS: a person's name, then what keeps them busy */
  return g_strdup_printf (_("%s %s."), staff->name, joined);
}

static char *
employer_blackouts (Explainer *self,
                    guint      e)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->problem->n_periods && items->len < 3; i++)
    {
      const PlProblemPeriod *period = &self->problem->periods[i];

      if (period->rule != PL_RULE_BLACKOUT || (period->owner != (gint) e && period->owner != -1))
        continue;
      if (period->last < self->from || period->first > self->to)
        continue;
      g_ptr_array_add (items, format_range (period->first, period->last));
    }

  return join_list (items);
}

static char *
explain_blackout (Explainer *self)
{
  const PlProblem *problem = self->problem;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  gboolean same = TRUE;

  first = employer_blackouts (self, g_array_index (self->employers, guint, 0));
  if (self->employers->len == 1)
    /* TRANSLATORS: an employer, then when it is in blackout */
    return g_strdup_printf (_("%s is in blackout %s."),
                            problem->employers[g_array_index (self->employers, guint, 0)].name,
                            first);

  for (guint i = 0; i < self->employers->len; i++)
    {
      guint e = g_array_index (self->employers, guint, i);
      g_autofree char *when = employer_blackouts (self, e);

      same &= g_str_equal (when, first);
      if (*when != '\0' && items->len < 4)
        g_ptr_array_add (items, g_strdup_printf ("%s %s", problem->employers[e].name, when));
    }

  if (same && *first != '\0')
    /* TRANSLATORS: a sector, then when its employers are in blackout */
    return g_strdup_printf (_("Every %s employer is in blackout %s."), sector_name (self), first);

  {
    g_autoptr(GString) list = g_string_new (NULL);

    for (guint i = 0; i < items->len; i++)
      {
        if (i > 0)
          /* TRANSLATORS: separates employers and their blackouts in a list */
          g_string_append (list, _("; "));
        g_string_append (list, items->pdata[i]);
      }
    /* TRANSLATORS: a sector, then its employers and their blackouts */
    return g_strdup_printf (_("The %s employers are in blackout on every remaining day: %s."),
                            sector_name (self), list->str);
  }
}

/* The employer's own words, for each one that said "not this year" to a
 * year of the window: "Keel and Anchor Hotel said not this year:
 * refurbishment." */
static char *
explain_declined (Explainer *self)
{
  const PlProblem *problem = self->problem;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->employers->len; i++)
    {
      guint e = g_array_index (self->employers, guint, i);

      for (guint j = 0; j < problem->n_periods; j++)
        {
          const PlProblemPeriod *period = &problem->periods[j];

          if (period->rule != PL_RULE_NOT_THIS_YEAR || period->owner != (gint) e)
            continue;
          if (period->last < self->from || period->first > self->to)
            continue;
          if (period->label != NULL && *period->label != '\0')
            /* TRANSLATORS: an employer, then the reason it gave */
            g_ptr_array_add (items, g_strdup_printf (_("%s said not this year: %s."),
                                                     problem->employers[e].name, period->label));
          else
            g_ptr_array_add (items, g_strdup_printf (_("%s said not this year."),
                                                     problem->employers[e].name));
          break;
        }
    }

  if (items->len == 0)
    return g_strdup (_("The employers said not this year."));

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, items->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
explain_booked (Explainer *self)
{
  const PlProblem *problem = self->problem;
  PlSolver *solver = self->solver;
  const guint8 *busy = solver->staff_busy + (gsize) self->placement->staff * solver->n_days;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint d = 0; d < solver->n_days && items->len < 3; d++)
    {
      guint e = d;

      if (busy[d] == 0 || problem->julian[d] < self->from || problem->julian[d] > self->to)
        continue;
      while (e + 1 < solver->n_days && busy[e + 1] != 0 && problem->julian[e + 1] <= self->to)
        e++;
      g_ptr_array_add (items, format_range (problem->julian[d], problem->julian[e]));
      d = e;
    }

  list = join_list (items);
  /* TRANSLATORS: a person, then the days they are placed elsewhere */
  return g_strdup_printf (_("%s is already placed elsewhere %s."), staff_name (self), list);
}

static char *
explain_capacity (Explainer *self)
{
  if (self->employers->len == 1)
    return g_strdup_printf (_("%s has no capacity left on any remaining day of the window."),
                            self->problem->employers[g_array_index (self->employers,
                                                                    guint, 0)].name);
  return g_strdup_printf (_("No %s employer has capacity left on any remaining day of the "
                            "window."), sector_name (self));
}

static char *
explain_stage (Explainer *self,
               guint      stage)
{
  switch (stage)
    {
    case STAGE_LEAD:
      return explain_lead (self);
    case STAGE_STAFF:
      return explain_staff (self);
    case STAGE_DECLINED:
      return explain_declined (self);
    case STAGE_BLACKOUT:
      return explain_blackout (self);
    case STAGE_BOOKED:
      return explain_booked (self);
    case STAGE_CAPACITY:
      return explain_capacity (self);
    case STAGE_REJECTED:
    default:
      return g_strdup (_("Every remaining option was rejected."));
    }
}

static PlRule
stage_rule (Explainer *self,
            guint      stage)
{
  static const PlRule staff_rules[] = {
    PL_RULE_TEACHING_DAY, PL_RULE_UNAVAILABLE, PL_RULE_PARTNER_HOLIDAY, PL_RULE_PARTNER_EXAM,
  };
  guint best = 0;

  switch (stage)
    {
    case STAGE_LEAD:
      return PL_RULE_LEAD_TIME;
    case STAGE_STAFF:
      for (guint b = 1; b < G_N_ELEMENTS (staff_rules); b++)
        if (self->staff_bits[b] > self->staff_bits[best])
          best = b;
      return staff_rules[best];
    case STAGE_DECLINED:
      return PL_RULE_NOT_THIS_YEAR;
    case STAGE_BLACKOUT:
      return PL_RULE_BLACKOUT;
    case STAGE_BOOKED:
      return PL_RULE_DOUBLE_BOOKED;
    case STAGE_CAPACITY:
      return PL_RULE_CAPACITY;
    case STAGE_REJECTED:
    default:
      return PL_RULE_NONE;
    }
}

/* Charges one candidate to the first rule it breaks; N_STAGES when none. */
static guint
charge (Explainer *self,
        guint      e,
        guint      s)
{
  PlSolver *solver = self->solver;
  const PlProblem *problem = self->problem;
  guint n = solver->n_days;
  guint length = self->placement->length;
  const guint8 *block = problem->staff_block + (gsize) self->placement->staff * n;
  const guint8 *busy = solver->staff_busy + (gsize) self->placement->staff * n;
  const guint16 *load = solver->load + (gsize) e * n;
  guint8 bits = 0;
  gboolean declined = FALSE, blackout = FALSE, booked = FALSE, full = FALSE;

  if (s < problem->employers[e].earliest || s < problem->lead_earliest)
    return STAGE_LEAD;

  for (guint d = s; d < s + length; d++)
    {
      bits |= block[d];
      declined |= problem->appetite[(gsize) e * n + d] == PL_APPETITE_NOT_THIS_YEAR;
      blackout |= problem->blackout[(gsize) e * n + d] != 0;
      booked |= busy[d] != 0;
      full |= load[d] >= problem->employers[e].capacity;
    }

  if (bits != 0)
    {
      self->bits_seen |= bits;
      for (guint b = 0; b < 4; b++)
        if (bits & (1 << b))
          self->staff_bits[b]++;
      return STAGE_STAFF;
    }
  if (declined)
    return STAGE_DECLINED;
  if (blackout)
    return STAGE_BLACKOUT;
  if (booked)
    return STAGE_BOOKED;
  if (full)
    return STAGE_CAPACITY;
  if (solver->has_excluded[self->m])
    return STAGE_REJECTED;
  return N_STAGES;
}

/* Explains @placement among the employers of its sector, or with @only
 * (an employer index) among that one alone. */
static PlRule
explain_among (PlSolver  *self,
               guint      placement,
               gint       only,
               char     **text)
{
  Explainer ex = { 0 };
  const PlProblemPlacement *p;
  g_autoptr(GArray) employers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *main_text = NULL;
  g_autofree char *other_text = NULL;
  gint m;
  gint last = -1, most = -1;
  gboolean open = FALSE;

  g_return_val_if_fail (self != NULL && text != NULL, PL_RULE_NONE);
  g_return_val_if_fail (placement < self->problem->n_placements, PL_RULE_NONE);

  *text = NULL;
  m = self->position[placement];
  if (m < 0 || self->employer[m] >= 0)
    return PL_RULE_NONE;

  p = &self->problem->placements[placement];
  ex.solver = self;
  ex.problem = self->problem;
  ex.placement = p;
  ex.m = m;
  ex.employers = employers;
  ex.from = MAX (p->window_first, self->problem->today);
  ex.to = p->window_last;

  /* The sector. */
  if (only >= 0)
    {
      guint e = (guint) only;

      g_array_append_val (employers, e);
    }
  else if (p->status == PL_STATUS_REQUEST && p->employer >= 0)
    {
      const PlProblemEmployer *chosen = &self->problem->employers[p->employer];

      if (chosen->sector != p->sector)
        {
          /* TRANSLATORS: an employer, its sector, the sector asked for */
          *text = g_strdup_printf (_("%s works in %s, not in %s."), chosen->name,
                                   self->problem->sectors[chosen->sector].name, sector_name (&ex));
          return PL_RULE_SECTOR;
        }
      g_array_append_val (employers, p->employer);
    }
  else
    g_array_append_vals (employers,
                         self->problem->sector_employers + self->problem->sector_employers_at[p->sector],
                         self->problem->sector_employers_at[p->sector + 1] -
                         self->problem->sector_employers_at[p->sector]);
  if (employers->len == 0)
    {
      *text = g_strdup_printf (_("No employer works in the %s sector."), sector_name (&ex));
      return PL_RULE_SECTOR;
    }

  /* The window. */
  for (guint i = 0; i < p->n_spans; i++)
    for (guint s = p->spans[i].first; s + p->length <= p->spans[i].last + 1; s++)
      g_array_append_val (starts, s);
  if (starts->len == 0)
    {
      g_autofree char *range = format_range (p->window_first, MAX (p->window_first,
                                                                   p->window_last));

      if (p->window_last < self->problem->today)
        *text = g_strdup_printf (_("The window %s has already passed."), range);
      else
        *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The window %s does not hold %u working day.",
                                              "The window %s does not hold %u consecutive "
                                              "working days.", p->length),
                                 range, p->length);
      return PL_RULE_WINDOW;
    }

  for (guint i = 0; i < employers->len; i++)
    for (guint j = 0; j < starts->len; j++)
      {
        guint stage = charge (&ex, g_array_index (employers, guint, i),
                              g_array_index (starts, guint, j));

        if (stage == N_STAGES)
          open = TRUE;
        else
          ex.charged[stage]++;
      }

  if (open)
    {
      *text = g_strdup (_("It fits now; plan again to place it."));
      return PL_RULE_NONE;
    }

  for (guint stage = 0; stage < N_STAGES; stage++)
    if (ex.charged[stage] > 0)
      {
        last = stage;
        if (most < 0 || ex.charged[stage] > ex.charged[most])
          most = stage;
      }
  g_assert (last >= 0);

  main_text = explain_stage (&ex, last);
  /* For one employer of several, what rules out that employer alone: the
   * staff member's own days are said once, for the whole request. */
  if (most != last && most != STAGE_REJECTED && only < 0)
    other_text = explain_stage (&ex, most);

  *text = other_text ? g_strdup_printf ("%s %s", other_text, main_text)
                     : g_steal_pointer (&main_text);
  return stage_rule (&ex, last);
}

/**
 * pl_solver_explain:
 * @text: (out) (transfer full): a sentence or two for people
 *
 * Returns: the rule that rules out the placement's last options, or
 *   %PL_RULE_NONE when it is placed or could be
 */
PlRule
pl_solver_explain (PlSolver  *self,
                   guint      placement,
                   char     **text)
{
  return explain_among (self, placement, -1, text);
}

/**
 * pl_solver_explain_employer:
 * @employer: an employer index, of the placement's sector
 * @text: (out) (transfer full): a sentence or two for people
 *
 * Why @employer alone cannot take @placement, as pl_solver_explain() says
 * it for the whole sector.
 *
 * Returns: the rule that rules out the employer's last options, or
 *   %PL_RULE_NONE when it could take the placement
 */
PlRule
pl_solver_explain_employer (PlSolver  *self,
                            guint      placement,
                            guint      employer,
                            char     **text)
{
  g_return_val_if_fail (self != NULL && text != NULL, PL_RULE_NONE);
  g_return_val_if_fail (employer < self->problem->n_employers, PL_RULE_NONE);

  return explain_among (self, placement, (gint) employer, text);
}
