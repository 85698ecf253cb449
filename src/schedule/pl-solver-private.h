/* pl-solver-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-solver.h"

G_BEGIN_DECLS

/* The state shared by pl-solver.c (construction and search) and
 * pl-solver-explain.c. "m" indexes movable placements, "p" the problem's
 * placements, "e" employers, "s" and "d" working days. */
struct _PlSolver
{
  const PlProblem *problem;
  PlJob            job;
  guint            n_days;

  /* Movable placements, in the problem's canonical order. */
  guint            n;
  guint           *movable;       /* [n] m → p */
  gint            *position;      /* [n_placements] p → m, or -1 */
  PlRule          *broken;        /* [n] why a re-plan moves it */
  gint            *current_employer; /* [n] before a re-plan, or -1 */
  gint            *current_start;

  /* Candidates: the starts the staff member's calendar and the window
   * allow (ascending), and the employers of the sector. */
  guint           *starts;
  guint           *starts_at;     /* [n + 1] */
  guint           *employers;
  guint           *employers_at;  /* [n + 1] */

  /* The plan. */
  gint            *employer;      /* [n] or -1 */
  gint            *start;
  gint64          *points;        /* [n] static points of the chosen option */
  guint            placed;
  gint64           score;         /* static points plus spread */

  /* Occupancy: fixed placements plus the plan. */
  guint16         *load;          /* [n_employers × n_days] */
  guint16         *fixed_load;
  guint8          *staff_busy;    /* [n_staff × n_days] */
  guint8          *fixed_staff_busy;
  guint           *count;         /* [n_employers] placements in the horizon */
  guint           *fixed_count;
  guint16         *blackout_sum;  /* [n_employers × (n_days + 1)] prefix sums */
  GArray         **hosted;        /* [n_employers] movable placements there (guint) */
  guint           *hosted_at;     /* [n] position in its employer's list */

  GHashTable      *excluded;      /* packed (m, e, s) */
  gboolean        *has_excluded;  /* [n] */

  /* Search. */
  GRand           *rand;
  guint64          work;          /* options looked at */
  guint            stamp;
  guint           *mark;          /* [n] */
  GArray          *journal;       /* Move, while a change may be undone */
  gboolean         journaling;
};

/* A re-plan keeps what it can: the same employer first, then the nearest
 * dates; the preferences only break ties. */
#define REPLAN_BASE      1000000
#define REPLAN_SAME      1000000
#define REPLAN_PER_DAY   1000

/* A change of one movable placement, kept so that it can be undone. */
typedef struct
{
  guint m;
  gint  employer;   /* before the change */
  gint  start;
} Move;

/* How much an employer wants to host on day @s, to break ties between
 * options of equal points: actively looking, then interested, then the
 * rest ("not this year" never gets this far: it is a hard rule). */
static inline guint
pl_solver_appetite_rank (const PlProblem *problem,
                         guint            e,
                         guint            s)
{
  switch (problem->appetite[(gsize) e * problem->n_days + s])
    {
    case PL_APPETITE_LOOKING:
      return 2;
    case PL_APPETITE_INTERESTED:
      return 1;
    default:
      return 0;
    }
}

static inline const PlProblemPlacement *
placement_of (PlSolver *self,
              guint     m)
{
  return &self->problem->placements[self->movable[m]];
}

static inline guint
first_start (PlSolver *self,
             guint     m)
{
  return self->starts[self->starts_at[m]];
}

/* The first of m's starts on or after @day. */
static inline guint
starts_from (PlSolver *self,
             guint     m,
             guint     day)
{
  guint lo = self->starts_at[m], hi = self->starts_at[m + 1];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->starts[mid] < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static inline guint64
exclusion_key (guint m,
               guint e,
               guint s)
{
  return ((guint64) m << 40) | ((guint64) e << 20) | s;
}

/* Whether option (e, s) is open to movable m now, and its static points. */
gboolean pl_solver_option_free   (PlSolver *self,
                                  guint     m,
                                  guint     e,
                                  guint     s);
gint64   pl_solver_option_points (PlSolver *self,
                                  guint     m,
                                  guint     e,
                                  guint     s,
                                  guint    *reasons);

/* Adds (+1) or removes (-1) m's days at e from s to the occupancy. */
void     pl_solver_occupy        (PlSolver *self,
                                  guint     m,
                                  guint     e,
                                  guint     s,
                                  int       sign);
/* Moves m to (e, s), or out of the plan with e = -1, keeping the score;
 * journaled while self->journaling. */
void     pl_solver_assign        (PlSolver *self,
                                  guint     m,
                                  gint      e,
                                  gint      s);
void     pl_solver_rewind        (PlSolver *self,
                                  guint     mark);

G_END_DECLS
