/* pl-solver.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-solver"

#include "config.h"

#include "pl-solver-private.h"

/* The solver's state: which placements move, their candidates, the
 * occupancy of employers and staff, the options and their points, and
 * suggestions. Finding the plan is in pl-solver-search.c, explaining
 * what cannot be placed in pl-solver-explain.c. */

gint64
pl_solver_spread_points (PlSolver *self,
                         guint     k)
{
  return k == 0 ? 0 : (gint64) self->problem->weights[PL_WEIGHT_SPREAD] * 100 / k;
}

gboolean
pl_solver_option_free (PlSolver *self,
                       guint     m,
                       guint     e,
                       guint     s)
{
  const PlProblem *problem = self->problem;
  const PlProblemPlacement *p = placement_of (self, m);
  guint n = self->n_days;
  guint length = p->length;
  const guint16 *row = self->load + (gsize) e * n;
  const guint8 *busy = self->staff_busy + (gsize) p->staff * n;
  const guint16 *blackout = self->blackout_sum + (gsize) e * (n + 1);
  guint capacity = problem->employers[e].capacity;

  self->work++;

  if (s < problem->employers[e].earliest || s + length > n)
    return FALSE;
  if (blackout[s + length] != blackout[s])
    return FALSE;
  for (guint d = s; d < s + length; d++)
    if (row[d] >= capacity || busy[d] != 0)
      return FALSE;
  if (self->has_excluded[m] &&
      g_hash_table_contains (self->excluded, &(guint64) { exclusion_key (m, e, s) }))
    return FALSE;

  return TRUE;
}

gint64
pl_solver_option_points (PlSolver *self,
                         guint     m,
                         guint     e,
                         guint     s,
                         guint    *reasons)
{
  const PlProblem *problem = self->problem;
  const PlProblemPlacement *p = placement_of (self, m);
  const PlProblemEmployer *employer = &problem->employers[e];
  const int *w = problem->weights;
  guint n = self->n_days;
  guint length = p->length;
  guint first = first_start (self, m);
  guint last = self->starts[self->starts_at[m + 1] - 1];
  guint span = last - first + 1;
  gint partner = problem->staff[p->staff].partner;
  guint n_preferred = 0, n_busy = 0;
  gboolean term_end = FALSE;
  guint why = 0;
  gint64 points;

  for (guint d = s; d < s + length; d++)
    {
      if (employer->preferred & (1 << problem->weekday[d]))
        n_preferred++;
      if (problem->busy[(gsize) e * n + d])
        n_busy++;
      if (partner >= 0 && problem->term_end[(gsize) partner * n + d])
        term_end = TRUE;
    }

  points = (gint64) w[PL_WEIGHT_SOONER] * 100 * (span - (s - first)) / span;
  if (employer->warm)
    points += w[PL_WEIGHT_WARM] * 100;
  points += (gint64) w[PL_WEIGHT_PREFERRED_DAYS] * 100 * n_preferred / length;
  points += (gint64) w[PL_WEIGHT_BUSY] * 100 * (length - n_busy) / length;
  if (!term_end)
    points += w[PL_WEIGHT_TERM_END] * 100;

  if (self->job == PL_JOB_REPLAN && self->current_employer[m] >= 0)
    {
      guint shift = ABS ((gint) s - self->current_start[m]);

      points += REPLAN_BASE - MIN ((gint64) shift * REPLAN_PER_DAY, REPLAN_BASE - 1);
      if ((gint) e == self->current_employer[m])
        {
          points += REPLAN_SAME;
          why |= PL_REASON_SAME_EMPLOYER;
        }
    }

  if (reasons != NULL)
    {
      if (s == first)
        why |= PL_REASON_EARLIEST;
      if (employer->warm)
        why |= PL_REASON_WARM;
      why |= n_preferred == length ? PL_REASON_PREFERRED_DAYS : PL_REASON_OTHER_DAYS;
      if (n_busy > 0)
        why |= PL_REASON_BUSY;
      if (term_end)
        why |= PL_REASON_TERM_END;
      switch (pl_solver_appetite_rank (problem, e, s))
        {
        case 2:
          why |= PL_REASON_LOOKING;
          break;
        case 1:
          why |= PL_REASON_INTERESTED;
          break;
        default:
          break;
        }
      *reasons = why;
    }

  return points;
}

void
pl_solver_occupy (PlSolver *self,
        guint     m,
        guint     e,
        guint     s,
        int       sign)
{
  const PlProblemPlacement *p = placement_of (self, m);
  guint16 *row = self->load + (gsize) e * self->n_days;
  guint8 *busy = self->staff_busy + (gsize) p->staff * self->n_days;

  for (guint d = s; d < s + p->length; d++)
    {
      row[d] += sign;
      busy[d] += sign;
    }
}

void
pl_solver_assign (PlSolver *self,
                guint     m,
                gint      e,
                gint      s)
{
  gint old = self->employer[m];

  if (self->journaling)
    {
      Move move = { m, old, self->start[m] };

      g_array_append_val (self->journal, move);
    }

  if (old >= 0)
    {
      GArray *hosted = self->hosted[old];
      guint at = self->hosted_at[m];
      guint last = g_array_index (hosted, guint, hosted->len - 1);

      pl_solver_occupy (self, m, old, self->start[m], -1);
      self->score -= self->points[m] + pl_solver_spread_points (self, self->count[old]);
      self->count[old]--;
      self->placed--;

      g_array_index (hosted, guint, at) = last;
      self->hosted_at[last] = at;
      g_array_set_size (hosted, hosted->len - 1);
    }

  self->employer[m] = e;
  self->start[m] = s;

  if (e >= 0)
    {
      pl_solver_occupy (self, m, e, s, +1);
      self->count[e]++;
      self->points[m] = pl_solver_option_points (self, m, e, s, NULL);
      self->score += self->points[m] + pl_solver_spread_points (self, self->count[e]);
      self->placed++;

      self->hosted_at[m] = self->hosted[e]->len;
      g_array_append_val (self->hosted[e], m);
    }
}

/* Undoes the journal from @mark on, newest first. */
void
pl_solver_rewind (PlSolver *self,
                guint     mark)
{
  gboolean journaling = self->journaling;

  self->journaling = FALSE;
  for (guint i = self->journal->len; i > mark; i--)
    {
      Move *move = &g_array_index (self->journal, Move, i - 1);

      pl_solver_assign (self, move->m, move->employer, move->start);
    }
  g_array_set_size (self->journal, mark);
  self->journaling = journaling;
}

static void
add_fixed (PlSolver *self,
           guint     p)
{
  const PlProblemPlacement *placement = &self->problem->placements[p];
  guint n = self->n_days;

  for (guint i = 0; i < placement->n_days; i++)
    {
      guint d = placement->days[i];

      if (placement->employer >= 0)
        {
          self->load[(gsize) placement->employer * n + d]++;
          self->fixed_load[(gsize) placement->employer * n + d]++;
        }
      self->staff_busy[(gsize) placement->staff * n + d]++;
      self->fixed_staff_busy[(gsize) placement->staff * n + d]++;
    }

  if (placement->employer >= 0 && placement->n_days > 0)
    {
      self->count[placement->employer]++;
      self->fixed_count[placement->employer]++;
    }
}

/* Which rule the days of a proposed or agreed placement now break, given
 * the placements already kept. */
static PlRule
check_kept (PlSolver *self,
            guint     p)
{
  const PlProblem *problem = self->problem;
  const PlProblemPlacement *placement = &problem->placements[p];
  guint n = self->n_days;
  gint e = placement->employer;

  if (placement->days_off)
    return PL_RULE_WORKING_DAYS;

  for (guint i = 0; i < placement->n_days; i++)
    {
      guint d = placement->days[i];
      guint8 block = problem->staff_block[(gsize) placement->staff * n + d];

      if (block & PL_BLOCK_TEACHING)
        return PL_RULE_TEACHING_DAY;
      if (block & PL_BLOCK_UNAVAILABLE)
        return PL_RULE_UNAVAILABLE;
      if (block & PL_BLOCK_HOLIDAY)
        return PL_RULE_PARTNER_HOLIDAY;
      if (block & PL_BLOCK_EXAM)
        return PL_RULE_PARTNER_EXAM;
      if (problem->appetite[(gsize) e * n + d] == PL_APPETITE_NOT_THIS_YEAR)
        return PL_RULE_NOT_THIS_YEAR;
      if (problem->blackout[(gsize) e * n + d])
        return PL_RULE_BLACKOUT;
      if (self->staff_busy[(gsize) placement->staff * n + d])
        return PL_RULE_DOUBLE_BOOKED;
      if (self->load[(gsize) e * n + d] >= problem->employers[e].capacity)
        return PL_RULE_CAPACITY;
    }

  return PL_RULE_NONE;
}

static void
build_candidates (PlSolver *self)
{
  const PlProblem *problem = self->problem;
  guint n = self->n_days;
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *employers = g_array_new (FALSE, FALSE, sizeof (guint));

  self->starts_at = g_new0 (guint, self->n + 1);
  self->employers_at = g_new0 (guint, self->n + 1);

  for (guint m = 0; m < self->n; m++)
    {
      const PlProblemPlacement *p = placement_of (self, m);
      const guint8 *block = problem->staff_block + (gsize) p->staff * n;
      const guint8 *busy = self->fixed_staff_busy + (gsize) p->staff * n;

      /* Runs of the staff member's free working days inside the window. */
      for (guint i = 0; i < p->n_spans; i++)
        {
          guint first = MAX (p->spans[i].first, problem->lead_earliest);
          guint bad = 0;

          if (p->spans[i].last + 1 < first + p->length)
            continue;
          for (guint d = first; d <= p->spans[i].last; d++)
            {
              if (block[d] != 0 || busy[d] != 0)
                bad = d + 1;
              if (d + 1 >= first + p->length && bad <= d + 1 - p->length)
                {
                  guint s = d + 1 - p->length;

                  g_array_append_val (starts, s);
                }
            }
        }
      self->starts_at[m + 1] = starts->len;

      if (p->status == PL_STATUS_REQUEST && p->employer >= 0)
        {
          guint e = p->employer;

          if (problem->employers[e].sector == p->sector)
            g_array_append_val (employers, e);
        }
      else
        g_array_append_vals (employers,
                             problem->sector_employers + problem->sector_employers_at[p->sector],
                             problem->sector_employers_at[p->sector + 1] -
                             problem->sector_employers_at[p->sector]);

      /* Without a start there is nothing to try at any employer. */
      if (self->starts_at[m + 1] == self->starts_at[m])
        g_array_set_size (employers, self->employers_at[m]);
      self->employers_at[m + 1] = employers->len;
    }

  self->starts = (guint *) g_array_free (starts, FALSE);
  self->employers = (guint *) g_array_free (employers, FALSE);
}

/**
 * pl_solver_new:
 *
 * Returns: (transfer full): a solver for @job, with the fixed placements'
 *   days counted and nothing movable placed yet
 */
PlSolver *
pl_solver_new (const PlProblem *problem,
               PlJob            job,
               gint             placement)
{
  PlSolver *self = g_new0 (PlSolver, 1);
  guint n, n_employers;
  GArray *movable = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *broken = g_array_new (FALSE, FALSE, sizeof (PlRule));

  g_return_val_if_fail (problem != NULL, self);

  self->problem = problem;
  self->job = job;
  self->n_days = n = problem->n_days;
  n_employers = problem->n_employers;

  self->load = g_new0 (guint16, (gsize) MAX (1, n_employers * n));
  self->fixed_load = g_new0 (guint16, (gsize) MAX (1, n_employers * n));
  self->staff_busy = g_new0 (guint8, (gsize) MAX (1, problem->n_staff * n));
  self->fixed_staff_busy = g_new0 (guint8, (gsize) MAX (1, problem->n_staff * n));
  self->count = g_new0 (guint, MAX (1, n_employers));
  self->fixed_count = g_new0 (guint, MAX (1, n_employers));
  self->blackout_sum = g_new0 (guint16, (gsize) n_employers * (n + 1) + 1);
  self->hosted = g_new0 (GArray *, MAX (1, n_employers));
  self->position = g_new (gint, MAX (1, problem->n_placements));
  self->excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rand = g_rand_new_with_seed (0);

  for (guint e = 0; e < n_employers; e++)
    {
      guint16 *sum = self->blackout_sum + (gsize) e * (n + 1);

      for (guint d = 0; d < n; d++)
        sum[d + 1] = sum[d] + problem->blackout[(gsize) e * n + d];
      self->hosted[e] = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  for (guint p = 0; p < problem->n_placements; p++)
    self->position[p] = -1;

  /* Places other partners' placements take (a shared database): fixed
   * load of no placement of ours. */
  if (problem->taken != NULL)
    for (gsize i = 0; i < (gsize) n_employers * n; i++)
      {
        self->load[i] += problem->taken[i];
        self->fixed_load[i] += problem->taken[i];
      }

  /* Placements that keep their days whatever the job. */
  for (guint p = 0; p < problem->n_placements; p++)
    {
      const PlProblemPlacement *pp = &problem->placements[p];
      gboolean moves;

      switch (job)
        {
        case PL_JOB_PLAN:
          moves = pp->status == PL_STATUS_REQUEST;
          break;
        case PL_JOB_SUGGEST:
          moves = (gint) p == placement;
          break;
        case PL_JOB_REPLAN:
        default:
          /* Checked below, agreed ones before proposed ones. */
          moves = pp->status == PL_STATUS_REQUEST || pp->status == PL_STATUS_PROPOSED ||
                  pp->status == PL_STATUS_AGREED;
          break;
        }

      if (!moves && pp->status != PL_STATUS_REQUEST)
        add_fixed (self, p);
      else if (moves && job != PL_JOB_REPLAN)
        {
          PlRule none = PL_RULE_NONE;

          g_array_append_val (movable, p);
          g_array_append_val (broken, none);
        }
    }

  if (job == PL_JOB_REPLAN)
    {
      static const PlStatus kept_first[] = { PL_STATUS_AGREED, PL_STATUS_PROPOSED };

      for (guint k = 0; k < G_N_ELEMENTS (kept_first); k++)
        for (guint p = 0; p < problem->n_placements; p++)
          {
            const PlProblemPlacement *pp = &problem->placements[p];
            PlRule rule;

            if (pp->status != kept_first[k])
              continue;
            if (pp->employer < 0 || (pp->n_days == 0 && !pp->days_off))
              {
                /* Nothing to check; its days still keep its staff member busy. */
                add_fixed (self, p);
                continue;
              }

            rule = check_kept (self, p);
            if (rule == PL_RULE_NONE)
              add_fixed (self, p);
            else
              {
                g_array_append_val (movable, p);
                g_array_append_val (broken, rule);
              }
          }
      /* Back in canonical order, whatever order they were checked in. */
      {
        g_autofree guint *sorted = g_new0 (guint, MAX (1, movable->len));
        g_autofree PlRule *rules = g_new0 (PlRule, MAX (1, movable->len));
        guint k = 0;

        for (guint p = 0; p < problem->n_placements; p++)
          for (guint i = 0; i < movable->len; i++)
            if (g_array_index (movable, guint, i) == p)
              {
                sorted[k] = p;
                rules[k++] = g_array_index (broken, PlRule, i);
              }
        for (guint i = 0; i < k; i++)
          {
            g_array_index (movable, guint, i) = sorted[i];
            g_array_index (broken, PlRule, i) = rules[i];
          }
      }
    }

  self->n = movable->len;
  self->movable = (guint *) g_array_free (movable, FALSE);
  self->broken = (PlRule *) g_array_free (broken, FALSE);
  self->employer = g_new (gint, MAX (1, self->n));
  self->start = g_new (gint, MAX (1, self->n));
  self->points = g_new0 (gint64, MAX (1, self->n));
  self->hosted_at = g_new0 (guint, MAX (1, self->n));
  self->mark = g_new0 (guint, MAX (1, self->n));
  self->has_excluded = g_new0 (gboolean, MAX (1, self->n));
  self->current_employer = g_new (gint, MAX (1, self->n));
  self->current_start = g_new (gint, MAX (1, self->n));

  for (guint m = 0; m < self->n; m++)
    {
      const PlProblemPlacement *pp = placement_of (self, m);

      self->position[self->movable[m]] = m;
      self->employer[m] = -1;
      self->start[m] = -1;
      self->current_employer[m] = pp->n_days > 0 ? pp->employer : -1;
      self->current_start[m] = pp->n_days > 0 ? (gint) pp->days[0] : -1;
    }

  build_candidates (self);

  return self;
}

void
pl_solver_free (PlSolver *self)
{
  if (self == NULL)
    return;

  for (guint e = 0; e < self->problem->n_employers; e++)
    g_array_unref (self->hosted[e]);

  g_free (self->movable);
  g_free (self->position);
  g_free (self->broken);
  g_free (self->current_employer);
  g_free (self->current_start);
  g_free (self->starts);
  g_free (self->starts_at);
  g_free (self->employers);
  g_free (self->employers_at);
  g_free (self->employer);
  g_free (self->start);
  g_free (self->points);
  g_free (self->load);
  g_free (self->fixed_load);
  g_free (self->staff_busy);
  g_free (self->fixed_staff_busy);
  g_free (self->count);
  g_free (self->fixed_count);
  g_free (self->blackout_sum);
  g_free (self->hosted);
  g_free (self->hosted_at);
  g_free (self->mark);
  g_free (self->has_excluded);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_pointer (&self->journal, g_array_unref);
  g_rand_free (self->rand);
  g_free (self);
}

void
pl_solver_exclude (PlSolver *self,
                   guint     placement,
                   guint     employer,
                   guint     start)
{
  guint64 *key;
  gint m;

  g_return_if_fail (self != NULL);
  g_return_if_fail (placement < self->problem->n_placements);

  m = self->position[placement];
  if (m < 0)
    return;

  key = g_new (guint64, 1);
  *key = exclusion_key (m, employer, start);
  g_hash_table_add (self->excluded, key);
  self->has_excluded[m] = TRUE;
}

guint
pl_solver_get_n_movable (PlSolver *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

guint
pl_solver_get_movable (PlSolver *self,
                       guint     i)
{
  g_return_val_if_fail (self != NULL && i < self->n, 0);
  return self->movable[i];
}

PlRule
pl_solver_get_broken_rule (PlSolver *self,
                           guint     placement)
{
  gint m;

  g_return_val_if_fail (self != NULL, PL_RULE_NONE);
  g_return_val_if_fail (placement < self->problem->n_placements, PL_RULE_NONE);

  m = self->position[placement];
  return m < 0 ? PL_RULE_NONE : self->broken[m];
}

gboolean
pl_solver_get_assignment (PlSolver *self,
                          guint     placement,
                          guint    *employer,
                          guint    *start)
{
  gint m;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (placement < self->problem->n_placements, FALSE);

  m = self->position[placement];
  if (m < 0 || self->employer[m] < 0)
    return FALSE;

  if (employer != NULL)
    *employer = self->employer[m];
  if (start != NULL)
    *start = self->start[m];
  return TRUE;
}

gint64
pl_solver_get_points (PlSolver *self,
                      guint     placement)
{
  gint m;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (placement < self->problem->n_placements, 0);

  m = self->position[placement];
  return m < 0 || self->employer[m] < 0 ? 0 : self->points[m];
}

guint
pl_solver_get_n_placed (PlSolver *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->placed;
}

gint64
pl_solver_get_score (PlSolver *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->score;
}

static int
compare_options (gconstpointer a,
                 gconstpointer b)
{
  const PlOption *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  /* First among equals: the employers that want to host. */
  if (x->appetite != y->appetite)
    return x->appetite > y->appetite ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->employer < y->employer ? -1 : x->employer > y->employer;
}

/**
 * pl_solver_suggest:
 *
 * Returns: (transfer full) (element-type PlOption): the options, best first
 */
GArray *
pl_solver_suggest (PlSolver *self,
                   guint     placement,
                   guint     max)
{
  GArray *options = g_array_new (FALSE, FALSE, sizeof (PlOption));
  g_autofree guint *per_employer = NULL;
  gint m, kept_employer, kept_start;
  guint earliest = G_MAXUINT;

  g_return_val_if_fail (self != NULL, options);
  g_return_val_if_fail (placement < self->problem->n_placements, options);

  m = self->position[placement];
  if (m < 0)
    return options;

  /* The alternatives are around everything else, not around itself. */
  kept_employer = self->employer[m];
  kept_start = self->start[m];
  if (kept_employer >= 0)
    pl_solver_assign (self, m, -1, -1);

  for (guint i = self->employers_at[m]; i < self->employers_at[m + 1]; i++)
    {
      guint e = self->employers[i];

      for (guint j = starts_from (self, m, self->problem->employers[e].earliest);
           j < self->starts_at[m + 1]; j++)
        {
          guint s = self->starts[j];
          PlOption option = { e, s, 0, 0, 0, self->count[e],
                              pl_solver_appetite_rank (self->problem, e, s) };

          if (!pl_solver_option_free (self, m, e, s))
            continue;
          option.score = pl_solver_option_points (self, m, e, s, &option.reasons) +
                         pl_solver_spread_points (self, self->count[e] + 1);
          option.reasons &= ~PL_REASON_EARLIEST;
          if (option.others > 0)
            option.reasons |= PL_REASON_SHARED;
          earliest = MIN (earliest, s);
          g_array_append_val (options, option);
        }
    }

  if (kept_employer >= 0)
    pl_solver_assign (self, m, kept_employer, kept_start);

  g_array_sort (options, compare_options);

  /* A short list with some variety: at most three days per employer. */
  per_employer = g_new0 (guint, MAX (1, self->problem->n_employers));
  for (guint i = 0; i < options->len;)
    {
      PlOption *option = &g_array_index (options, PlOption, i);

      if (per_employer[option->employer]++ >= 3)
        {
          g_array_remove_index (options, i);
          continue;
        }
      option->days_later = self->problem->julian[option->start] - self->problem->julian[earliest];
      if (option->start == earliest)
        option->reasons |= PL_REASON_EARLIEST;
      i++;
    }
  if (options->len > max)
    g_array_set_size (options, max);

  return options;
}

/**
 * pl_solver_static_options:
 *
 * Returns: (transfer full) (element-type PlOption): every option the fixed
 *   placements leave open, with its points without spread
 */
GArray *
pl_solver_static_options (PlSolver *self,
                          guint     placement)
{
  const PlProblem *problem;
  GArray *options = g_array_new (FALSE, FALSE, sizeof (PlOption));
  const PlProblemPlacement *p;
  gint m;
  guint n;

  g_return_val_if_fail (self != NULL, options);

  problem = self->problem;
  n = self->n_days;
  m = self->position[placement];
  if (m < 0)
    return options;
  p = placement_of (self, m);

  for (guint i = self->employers_at[m]; i < self->employers_at[m + 1]; i++)
    {
      guint e = self->employers[i];
      const guint16 *fixed = self->fixed_load + (gsize) e * n;
      const guint16 *blackout = self->blackout_sum + (gsize) e * (n + 1);

      for (guint j = starts_from (self, m, problem->employers[e].earliest);
           j < self->starts_at[m + 1]; j++)
        {
          guint s = self->starts[j];
          PlOption option = { e, s, 0, 0, 0, 0 };
          gboolean open = blackout[s + p->length] == blackout[s];

          for (guint d = s; open && d < s + p->length; d++)
            open = fixed[d] < problem->employers[e].capacity;
          if (!open || (self->has_excluded[m] &&
                        g_hash_table_contains (self->excluded,
                                               &(guint64) { exclusion_key (m, e, s) })))
            continue;

          option.score = pl_solver_option_points (self, m, e, s, &option.reasons);
          g_array_append_val (options, option);
        }
    }

  return options;
}

guint
pl_solver_fixed_count (PlSolver *self,
                       guint     employer)
{
  g_return_val_if_fail (self != NULL && employer < self->problem->n_employers, 0);
  return self->fixed_count[employer];
}

guint
pl_solver_fixed_load (PlSolver *self,
                      guint     employer,
                      guint     day)
{
  g_return_val_if_fail (self != NULL && employer < self->problem->n_employers, 0);
  g_return_val_if_fail (day < self->n_days, 0);
  return self->fixed_load[(gsize) employer * self->n_days + day];
}
