/* pl-solver-search.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-solver"

#include "config.h"

#include <string.h>

#include "pl-solver-private.h"

/* How a plan is found. Placing the most constrained requests first with
 * their best option gets most of the way; when capacity is tight it leaves
 * requests out that a different arrangement could take. Three moves repair
 * that:
 *   - an augmenting path, as in bipartite matching: the request takes an
 *     option held by one other placement, which takes one held by another,
 *     and so on to an open option (found breadth first);
 *   - an ejection chain, the same searched depth first with the best
 *     options first, a few steps deep;
 *   - a large-neighbourhood search that takes out the placements holding
 *     the days of one of a request's options, and a few related ones, and
 *     puts them back, the most constrained first. It runs twice: first
 *     keeping any change that places no fewer (so that it can wander over
 *     plans that place as many), then only changes that lower neither the
 *     number placed nor the score.
 * Everything random comes from one GRand seeded by the caller, and the
 * search stops after a fixed amount of work rather than of time, so the
 * same seed gives the same plan on any machine. */

#define DEFAULT_BUDGET   ((guint64) 5000000)
#define EJECT_DEPTH      3
#define EJECT_BRANCH     6
#define LNS_MIN_SET      2
#define LNS_MAX_SET      12

/* The most any option of m at e can score from start @s on: sooner falls
 * with the day, everything else is at most its full weight. */
static inline gint64
option_bound (PlSolver *self,
              guint     m,
              guint     e,
              guint     s,
              gint64    rest)
{
  guint first = first_start (self, m);
  guint span = self->starts[self->starts_at[m + 1] - 1] - first + 1;

  return (gint64) self->problem->weights[PL_WEIGHT_SOONER] * 100 * (span - (s - first)) / span +
         rest;
}

/* What an option at e can score beyond sooner, at most. */
static gint64
employer_bound (PlSolver *self,
                guint     m,
                guint     e)
{
  const int *w = self->problem->weights;
  gint64 rest = (gint64) (w[PL_WEIGHT_PREFERRED_DAYS] + w[PL_WEIGHT_BUSY] +
                          w[PL_WEIGHT_TERM_END]) * 100 +
                pl_solver_spread_points (self, self->count[e] + 1);

  if (self->problem->employers[e].warm)
    rest += w[PL_WEIGHT_WARM] * 100;
  if (self->job == PL_JOB_REPLAN && self->current_employer[m] >= 0)
    rest += REPLAN_BASE + ((gint) e == self->current_employer[m] ? REPLAN_SAME : 0);
  return rest;
}

/* The best open option of m: most points, then the earlier day, then the
 * employer first in name order. Days are tried in order, so an employer's
 * later days are skipped once even a perfect score there would lose. */
static gboolean
best_option (PlSolver *self,
             guint     m,
             guint    *best_e,
             guint    *best_s)
{
  gint64 best = -1;
  guint best_rank = 0;
  /* A re-plan scores the distance from the old day, not the day itself. */
  gboolean prune = !(self->job == PL_JOB_REPLAN && self->current_employer[m] >= 0);

  for (guint i = self->employers_at[m]; i < self->employers_at[m + 1]; i++)
    {
      guint e = self->employers[i];
      gint64 spread = pl_solver_spread_points (self, self->count[e] + 1);
      gint64 rest = employer_bound (self, m, e);

      /* Visiting an employer costs about as much as looking at an option. */
      self->work++;
      for (guint j = starts_from (self, m, self->problem->employers[e].earliest);
           j < self->starts_at[m + 1]; j++)
        {
          guint s = self->starts[j];
          gint64 points;
          guint rank;

          if (prune && option_bound (self, m, e, s, rest) < best)
            break;
          if (!pl_solver_option_free (self, m, e, s))
            continue;

          points = pl_solver_option_points (self, m, e, s, NULL) + spread;
          rank = pl_solver_appetite_rank (self->problem, e, s);
          if (points > best ||
              (points == best &&
               (rank > best_rank ||
                (rank == best_rank && (s < *best_s || (s == *best_s && e < *best_e))))))
            {
              best = points;
              best_rank = rank;
              *best_e = e;
              *best_s = s;
            }
        }
    }

  return best >= 0;
}

/* How constrained m is, for the order of construction: the (employer,
 * day) pairs its window, calendar and the lead times leave. */
static guint
count_options (PlSolver *self,
               guint     m)
{
  guint n_options = 0;

  for (guint i = self->employers_at[m]; i < self->employers_at[m + 1]; i++)
    {
      guint e = self->employers[i];

      n_options += self->starts_at[m + 1] - starts_from (self, m,
                                                         self->problem->employers[e].earliest);
    }

  return n_options;
}

typedef struct
{
  gint64 points;
  guint  e;
  guint  s;
  guint  q;
} Ejection;

static int
compare_ejections (gconstpointer a,
                   gconstpointer b)
{
  const Ejection *x = a, *y = b;

  if (x->points != y->points)
    return x->points > y->points ? -1 : 1;
  if (x->s != y->s)
    return x->s < y->s ? -1 : 1;
  if (x->e != y->e)
    return x->e < y->e ? -1 : 1;
  return x->q < y->q ? -1 : x->q > y->q;
}

/* The options of m that are full only because of one movable placement
 * that is not part of the current chain. */
static GArray *
ejections (PlSolver *self,
           guint     m)
{
  const PlProblem *problem = self->problem;
  const PlProblemPlacement *p = placement_of (self, m);
  guint n = self->n_days;
  const guint8 *busy = self->staff_busy + (gsize) p->staff * n;
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Ejection));

  for (guint i = self->employers_at[m]; i < self->employers_at[m + 1]; i++)
    {
      guint e = self->employers[i];
      const guint16 *row = self->load + (gsize) e * n;
      const guint16 *blackout = self->blackout_sum + (gsize) e * (n + 1);
      guint capacity = problem->employers[e].capacity;
      GArray *hosted = self->hosted[e];

      if (hosted->len == 0)
        continue;

      for (guint j = starts_from (self, m, problem->employers[e].earliest);
           j < self->starts_at[m + 1]; j++)
        {
          guint s = self->starts[j];
          gint lo = -1, hi = -1;
          gboolean staff_free = TRUE;

          self->work++;
          if (s + p->length > n || blackout[s + p->length] != blackout[s])
            continue;
          for (guint d = s; d < s + p->length; d++)
            {
              if (busy[d] != 0)
                staff_free = FALSE;
              if (row[d] >= capacity)
                {
                  if (lo < 0)
                    lo = d;
                  hi = d;
                }
            }
          if (!staff_free || lo < 0)
            continue;
          if (self->has_excluded[m] &&
              g_hash_table_contains (self->excluded, &(guint64) { exclusion_key (m, e, s) }))
            continue;

          for (guint h = 0; h < hosted->len; h++)
            {
              guint q = g_array_index (hosted, guint, h);
              gint qs = self->start[q];

              if (self->mark[q] != self->stamp && qs <= lo &&
                  qs + (gint) placement_of (self, q)->length - 1 >= hi)
                {
                  Ejection ejection = { pl_solver_option_points (self, m, e, s, NULL), e, s, q };

                  g_array_append_val (found, ejection);
                  break;
                }
            }
        }
    }

  g_array_sort (found, compare_ejections);
  return found;
}

static gboolean
over_budget (PlSolver *self,
             guint64   budget)
{
  return budget != 0 && self->work >= budget;
}

/* Places m, moving others along a chain of at most @depth ejections when
 * that is what it takes. Leaves everything as it was when it fails. */
static gboolean
try_insert (PlSolver *self,
            guint     m,
            guint     depth,
            guint64   budget)
{
  g_autoptr(GArray) found = NULL;
  guint tried[EJECT_BRANCH];
  guint n_tried = 0;
  guint e = 0, s = 0;

  if (best_option (self, m, &e, &s))
    {
      pl_solver_assign (self, m, e, s);
      return TRUE;
    }
  if (depth == 0 || over_budget (self, budget))
    return FALSE;

  self->mark[m] = self->stamp;
  found = ejections (self, m);

  for (guint i = 0; i < found->len && n_tried < EJECT_BRANCH; i++)
    {
      Ejection *ejection = &g_array_index (found, Ejection, i);
      guint q = ejection->q;
      gint qe, qs;
      gboolean seen = FALSE;

      for (guint t = 0; t < n_tried; t++)
        seen |= tried[t] == q;
      if (seen || self->mark[q] == self->stamp || self->employer[q] < 0)
        continue;
      tried[n_tried++] = q;

      qe = self->employer[q];
      qs = self->start[q];
      pl_solver_assign (self, q, -1, -1);
      if (!pl_solver_option_free (self, m, ejection->e, ejection->s))
        {
          pl_solver_assign (self, q, qe, qs);
          continue;
        }
      pl_solver_assign (self, m, ejection->e, ejection->s);
      if (try_insert (self, q, depth - 1, budget))
        return TRUE;
      pl_solver_assign (self, m, -1, -1);
      pl_solver_assign (self, q, qe, qs);
    }

  return FALSE;
}

/* The movable placement that alone keeps option (e, s) from m, if there
 * is one: -1 when the option is closed for another reason or is open. */
static gint
sole_blocker (PlSolver *self,
              guint     m,
              guint     e,
              guint     s)
{
  const PlProblemPlacement *p = placement_of (self, m);
  guint n = self->n_days;
  const guint16 *row = self->load + (gsize) e * n;
  const guint8 *busy = self->staff_busy + (gsize) p->staff * n;
  const guint16 *blackout = self->blackout_sum + (gsize) e * (n + 1);
  guint capacity = self->problem->employers[e].capacity;
  GArray *hosted = self->hosted[e];
  gint lo = -1, hi = -1;

  self->work++;
  if (s + p->length > n || blackout[s + p->length] != blackout[s])
    return -1;
  for (guint d = s; d < s + p->length; d++)
    {
      if (busy[d] != 0)
        return -1;
      if (row[d] >= capacity)
        {
          if (lo < 0)
            lo = d;
          hi = d;
        }
    }
  if (lo < 0)
    return -1;
  if (self->has_excluded[m] &&
      g_hash_table_contains (self->excluded, &(guint64) { exclusion_key (m, e, s) }))
    return -1;

  for (guint h = 0; h < hosted->len; h++)
    {
      guint q = g_array_index (hosted, guint, h);
      gint qs = self->start[q];

      if (qs <= lo && qs + (gint) placement_of (self, q)->length - 1 >= hi)
        return q;
    }
  return -1;
}

/* Places unplaced m along an augmenting path, as in bipartite matching:
 * m takes an option held by q1, q1 one held by q2, …, and the last one an
 * open option. The path is found breadth first, so it is the shortest,
 * and checked move by move as it is applied; on any failure nothing
 * changes. */
static gboolean
augment (PlSolver *self,
         guint     m,
         guint64   budget)
{
  g_autofree guint *queue = g_new (guint, self->n);
  g_autofree gint *from = g_new (gint, self->n);
  g_autofree guint *via_e = g_new (guint, self->n);
  g_autofree guint *via_s = g_new (guint, self->n);
  guint head = 0, tail = 0;
  gint end = -1;
  guint end_e = 0, end_s = 0;
  guint mark;

  self->stamp++;
  self->mark[m] = self->stamp;
  from[m] = -1;
  queue[tail++] = m;

  while (head < tail && end < 0 && !over_budget (self, budget))
    {
      guint u = queue[head++];
      gint ue = self->employer[u], us = self->start[u];

      /* Its own days do not stand in its way. */
      if (ue >= 0)
        pl_solver_occupy (self, u, ue, us, -1);

      for (guint i = self->employers_at[u]; i < self->employers_at[u + 1] && end < 0; i++)
        {
          guint e = self->employers[i];

          for (guint j = starts_from (self, u, self->problem->employers[e].earliest);
               j < self->starts_at[u + 1]; j++)
            {
              guint s = self->starts[j];
              gint q;

              if ((gint) e == ue && (gint) s == us)
                continue;
              if (pl_solver_option_free (self, u, e, s))
                {
                  end = u;
                  end_e = e;
                  end_s = s;
                  break;
                }
              q = sole_blocker (self, u, e, s);
              if (q >= 0 && q != (gint) u && self->mark[q] != self->stamp)
                {
                  self->mark[q] = self->stamp;
                  from[q] = u;
                  via_e[q] = e;
                  via_s[q] = s;
                  queue[tail++] = q;
                }
            }
        }

      if (ue >= 0)
        pl_solver_occupy (self, u, ue, us, +1);
    }

  if (end < 0)
    return FALSE;

  /* From the end of the path back to m. */
  mark = self->journal != NULL ? self->journal->len : 0;
  if (self->journal == NULL)
    self->journal = g_array_new (FALSE, FALSE, sizeof (Move));
  {
    gboolean journaling = self->journaling;
    gint u = end;
    guint e = end_e, s = end_s;

    self->journaling = TRUE;
    while (u >= 0)
      {
        if (self->employer[u] >= 0)
          pl_solver_assign (self, u, -1, -1);
        if (!pl_solver_option_free (self, u, e, s))
          {
            pl_solver_rewind (self, mark);
            self->journaling = journaling;
            return FALSE;
          }
        pl_solver_assign (self, u, e, s);
        if (from[u] < 0)
          break;
        e = via_e[u];
        s = via_s[u];
        u = from[u];
      }
    if (!journaling)
      g_array_set_size (self->journal, mark);
    self->journaling = journaling;
  }

  return TRUE;
}

/* Sector neighbours in window order, for picking related requests. */
typedef struct
{
  guint *order;        /* movable placements by sector, then window */
  guint *order_at;     /* [n_sectors + 1] */
  guint *position;     /* [n] m → index in order */
  guint *window_first; /* [n] working days */
  guint *window_last;
} Neighbours;

static int
compare_neighbours (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const PlSolver *self = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  const PlProblemPlacement *px = &self->problem->placements[self->movable[x]];
  const PlProblemPlacement *py = &self->problem->placements[self->movable[y]];

  if (px->sector != py->sector)
    return px->sector < py->sector ? -1 : 1;
  if (px->window_first != py->window_first)
    return px->window_first < py->window_first ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
neighbours_init (Neighbours *nb,
                 PlSolver   *self)
{
  const PlProblem *problem = self->problem;

  nb->order = g_new0 (guint, MAX (1, self->n));
  nb->order_at = g_new0 (guint, problem->n_sectors + 1);
  nb->position = g_new0 (guint, MAX (1, self->n));
  nb->window_first = g_new0 (guint, MAX (1, self->n));
  nb->window_last = g_new0 (guint, MAX (1, self->n));

  for (guint m = 0; m < self->n; m++)
    {
      const PlProblemPlacement *p = placement_of (self, m);

      nb->order[m] = m;
      nb->order_at[p->sector + 1]++;
      nb->window_first[m] = self->starts_at[m] < self->starts_at[m + 1] ? first_start (self, m) : 0;
      nb->window_last[m] = self->starts_at[m] < self->starts_at[m + 1]
                           ? self->starts[self->starts_at[m + 1] - 1] + p->length : 0;
    }
  for (guint s = 0; s < problem->n_sectors; s++)
    nb->order_at[s + 1] += nb->order_at[s];

  g_qsort_with_data (nb->order, self->n, sizeof (guint), compare_neighbours, self);

  for (guint i = 0; i < self->n; i++)
    nb->position[nb->order[i]] = i;
}

static void
neighbours_clear (Neighbours *nb)
{
  g_free (nb->order);
  g_free (nb->order_at);
  g_free (nb->position);
  g_free (nb->window_first);
  g_free (nb->window_last);
}

static gboolean
in_set (const guint *set,
        guint        n,
        guint        m)
{
  for (guint i = 0; i < n; i++)
    if (set[i] == m)
      return TRUE;
  return FALSE;
}

/* A few requests that compete with @seed: those holding the days of one of
 * its options (all of them, so that taking them out frees the option),
 * then others from its sector with overlapping windows. */
static guint
pick_neighbourhood (PlSolver   *self,
                    Neighbours *nb,
                    guint       seed,
                    guint      *set,
                    guint       size)
{
  const PlProblemPlacement *p = placement_of (self, seed);
  guint n_set = 0;
  guint lo = nb->order_at[p->sector], hi = nb->order_at[p->sector + 1];
  guint reach = 4 * size;

  set[n_set++] = seed;

  if (self->employers_at[seed] < self->employers_at[seed + 1])
    {
      guint e = self->employers[g_rand_int_range (self->rand, self->employers_at[seed],
                                                  self->employers_at[seed + 1])];
      guint first = starts_from (self, seed, self->problem->employers[e].earliest);
      GArray *hosted = self->hosted[e];

      if (first < self->starts_at[seed + 1])
        {
          guint s = self->starts[g_rand_int_range (self->rand, first, self->starts_at[seed + 1])];
          guint from = g_rand_int_range (self->rand, 0, MAX (1, hosted->len));

          for (guint h = 0; h < hosted->len && n_set < size; h++)
            {
              guint q = g_array_index (hosted, guint, (from + h) % hosted->len);
              gint qs = self->start[q];

              if (qs <= (gint) (s + p->length - 1) &&
                  qs + (gint) placement_of (self, q)->length - 1 >= (gint) s &&
                  !in_set (set, n_set, q))
                set[n_set++] = q;
            }
        }
    }

  for (guint tries = 0; tries < 3 * size && n_set < size && hi - lo > 1; tries++)
    {
      gint at = (gint) nb->position[seed] + g_rand_int_range (self->rand, -(gint) reach,
                                                             (gint) reach + 1);
      guint q;

      if (at < (gint) lo || at >= (gint) hi)
        continue;
      q = nb->order[at];
      if (nb->window_first[q] <= nb->window_last[seed] &&
          nb->window_last[q] >= nb->window_first[seed] && !in_set (set, n_set, q))
        set[n_set++] = q;
    }

  return n_set;
}

static gboolean
better (guint  placed,
        gint64 score,
        guint  than_placed,
        gint64 than_score)
{
  return placed > than_placed || (placed == than_placed && score > than_score);
}

static void
report (const PlSolveOptions *options,
        double                fraction)
{
  if (options != NULL && options->progress != NULL)
    options->progress (CLAMP (fraction, 0.0, 1.0), options->progress_data);
}

static gboolean
should_stop (const PlSolveOptions *options,
             gint64                deadline)
{
  if (options != NULL && g_cancellable_is_cancelled (options->cancellable))
    return TRUE;
  return deadline != 0 && g_get_monotonic_time () >= deadline;
}

static int
compare_by_options (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const guint *n_options = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (n_options[x] != n_options[y])
    return n_options[x] < n_options[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

typedef struct
{
  gint   *employer;
  gint   *start;
  guint   placed;
  gint64  score;
} Snapshot;

static void
snapshot_take (PlSolver *self,
               Snapshot *snapshot)
{
  memcpy (snapshot->employer, self->employer, sizeof (gint) * self->n);
  memcpy (snapshot->start, self->start, sizeof (gint) * self->n);
  snapshot->placed = self->placed;
  snapshot->score = self->score;
}

static void
snapshot_restore (PlSolver *self,
                  Snapshot *snapshot)
{
  for (guint m = 0; m < self->n; m++)
    if (self->employer[m] >= 0)
      pl_solver_assign (self, m, -1, -1);
  for (guint m = 0; m < self->n; m++)
    if (snapshot->employer[m] >= 0)
      pl_solver_assign (self, m, snapshot->employer[m], snapshot->start[m]);
  g_assert (self->placed == snapshot->placed && self->score == snapshot->score);
}

/* One phase of ruin and recreate. With @count_only a change is kept when
 * it places no fewer, whatever its score, and the best plan seen is the
 * one left at the end; otherwise it must not lower the score either.
 * FALSE when the caller asked to stop. */
static gboolean
search (PlSolver             *self,
        Neighbours           *nb,
        const guint          *n_options,
        gboolean              count_only,
        guint64               budget,
        guint                 max_stall,
        const PlSolveOptions *options,
        gint64                deadline,
        double                from,
        double                to)
{
  g_autofree gint *best_employer = g_new (gint, MAX (1, self->n));
  g_autofree gint *best_start = g_new (gint, MAX (1, self->n));
  Snapshot best = { best_employer, best_start, 0, 0 };
  guint set[LNS_MAX_SET];
  guint stall = 0;
  gboolean stopped = FALSE;

  snapshot_take (self, &best);

  for (guint iteration = 0; self->n > 0 && stall < max_stall && !over_budget (self, budget);
       iteration++)
    {
      guint before_placed = self->placed;
      gint64 before_score = self->score;
      guint size = g_rand_int_range (self->rand, LNS_MIN_SET, LNS_MAX_SET + 1);
      guint seed, n_set;
      gboolean worse;

      if (iteration % 32 == 0)
        {
          if (should_stop (options, deadline))
            {
              stopped = TRUE;
              break;
            }
          report (options, from + (to - from) * MAX ((double) self->work / budget,
                                                      (double) stall / max_stall));
        }

      /* Half the time, start from a request that is not placed but has
       * options. */
      seed = g_rand_int_range (self->rand, 0, self->n);
      if (self->placed < self->n && g_rand_boolean (self->rand))
        for (guint i = 0; i < self->n; i++)
          {
            guint m = (seed + i) % self->n;

            if (self->employer[m] < 0 && n_options[m] > 0)
              {
                seed = m;
                break;
              }
          }

      /* A request left out may fit along an augmenting path. */
      if (self->employer[seed] < 0 && n_options[seed] > 0 && augment (self, seed, 0))
        {
          if (better (self->placed, self->score, best.placed, best.score))
            snapshot_take (self, &best);
          stall = 0;
          continue;
        }

      n_set = pick_neighbourhood (self, nb, seed, set, size);

      g_array_set_size (self->journal, 0);
      self->journaling = TRUE;
      for (guint i = 0; i < n_set; i++)
        if (self->employer[set[i]] >= 0)
          pl_solver_assign (self, set[i], -1, -1);

      /* Back in: the seed first, then the most constrained; ties in a
       * random order. */
      for (guint i = n_set; i > 2; i--)
        {
          guint j = 1 + g_rand_int_range (self->rand, 0, i - 1);
          guint t = set[i - 1];

          set[i - 1] = set[j];
          set[j] = t;
        }
      for (guint i = 2; i < n_set; i++)
        for (guint j = i; j > 1 && n_options[set[j]] < n_options[set[j - 1]]; j--)
          {
            guint t = set[j];

            set[j] = set[j - 1];
            set[j - 1] = t;
          }

      for (guint i = 0; i < n_set; i++)
        {
          guint e = 0, s = 0;

          if (best_option (self, set[i], &e, &s))
            pl_solver_assign (self, set[i], e, s);
        }
      for (guint i = 0; i < n_set; i++)
        if (self->employer[set[i]] < 0)
          {
            self->stamp++;
            try_insert (self, set[i], 2, 0);
          }
      self->journaling = FALSE;

      if (count_only)
        worse = self->placed < before_placed;
      else
        worse = better (before_placed, before_score, self->placed, self->score);

      if (worse)
        {
          pl_solver_rewind (self, 0);
          stall++;
          continue;
        }

      if (better (self->placed, self->score, best.placed, best.score))
        {
          /* In the first phase only more placed counts as progress. */
          if (!count_only || self->placed > best.placed)
            stall = 0;
          else
            stall++;
          snapshot_take (self, &best);
        }
      else
        stall++;
    }

  if (better (best.placed, best.score, self->placed, self->score))
    snapshot_restore (self, &best);

  return !stopped;
}

/**
 * pl_solver_solve:
 *
 * Places the movable placements: construction, then improvement unless
 * @options asks for construction only.
 *
 * Returns: %FALSE with G_IO_ERROR_CANCELLED when cancelled
 */
gboolean
pl_solver_solve (PlSolver             *self,
                 const PlSolveOptions *options,
                 GError              **error)
{
  guint64 budget = options != NULL && options->budget != 0 ? options->budget : DEFAULT_BUDGET;
  gint64 deadline = 0;
  g_autofree guint *order = NULL;
  g_autofree guint *n_options = NULL;
  Neighbours nb = { 0 };
  guint max_stall, n_open;

  g_return_val_if_fail (self != NULL, FALSE);

  if (options != NULL && options->time_limit > 0)
    deadline = g_get_monotonic_time () + (gint64) (options->time_limit * G_USEC_PER_SEC);
  g_rand_set_seed (self->rand, options != NULL ? options->seed : 0);
  self->work = 0;

  /* Construction: the fewest options first. */
  order = g_new0 (guint, MAX (1, self->n));
  n_options = g_new0 (guint, MAX (1, self->n));
  for (guint m = 0; m < self->n; m++)
    {
      if (self->employer[m] >= 0)
        pl_solver_assign (self, m, -1, -1);
      order[m] = m;
      n_options[m] = count_options (self, m);
    }
  g_qsort_with_data (order, self->n, sizeof (guint), compare_by_options, n_options);
  report (options, 0.05);

  for (guint i = 0; i < self->n; i++)
    {
      guint e = 0, s = 0;

      if (i % 256 == 0 && should_stop (options, deadline))
        goto done;
      if (best_option (self, order[i], &e, &s))
        pl_solver_assign (self, order[i], e, s);
    }
  report (options, 0.2);

  if (options != NULL && options->greedy_only)
    goto done;

  /* Repair: ejection chains for what construction left out. */
  self->work = 0;
  for (guint i = 0; i < self->n && !over_budget (self, budget / 2); i++)
    {
      if (i % 64 == 0 && should_stop (options, deadline))
        goto done;
      if (self->employer[order[i]] >= 0)
        continue;
      if (!augment (self, order[i], budget / 2))
        {
          self->stamp++;
          try_insert (self, order[i], EJECT_DEPTH, budget / 2);
        }
    }

  /* Improvement: ruin and recreate small neighbourhoods, first for the
   * number placed alone (any score will do, which lets the search wander
   * over plans that place as many), then for the score. */
  neighbours_init (&nb, self);
  if (self->journal == NULL)
    self->journal = g_array_new (FALSE, FALSE, sizeof (Move));
  max_stall = 250 + 25 * self->n;
  n_open = 0;
  for (guint m = 0; m < self->n; m++)
    n_open += n_options[m] > 0;
  /* When everything that has an option is placed, the count is as high
   * as it can be. */
  if (self->placed < n_open &&
      !search (self, &nb, n_options, TRUE, budget / 2, 4 * max_stall, options, deadline, 0.2, 0.6))
    goto done;
  if (!search (self, &nb, n_options, FALSE, budget, max_stall, options, deadline, 0.6, 1.0))
    goto done;

done:
  /* Whatever stopped the search, nothing that fits is left out. */
  for (guint i = 0; i < self->n; i++)
    {
      guint e = 0, s = 0;

      if (self->employer[order[i]] < 0 && best_option (self, order[i], &e, &s))
        pl_solver_assign (self, order[i], e, s);
    }

  self->journaling = FALSE;
  g_clear_pointer (&self->journal, g_array_unref);
  neighbours_clear (&nb);
  report (options, 1.0);

  if (options != NULL && g_cancellable_set_error_if_cancelled (options->cancellable, error))
    return FALSE;
  return TRUE;
}

