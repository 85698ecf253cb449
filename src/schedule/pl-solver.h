/* pl-solver.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-problem.h"

G_BEGIN_DECLS

/* The scheduling jobs over a PlProblem. Each job decides which placements
 * may move ("movable"); every other placement that has days keeps them and
 * counts against the employers' capacity and its staff member's days.
 *
 * Scores are whole points, higher is better, never negative. Per placement:
 *   sooner          weight × 100 on the first possible day of its window,
 *                   falling linearly to weight × 100 / span on the last;
 *   warm            weight × 100 with a warm or host employer;
 *   preferred days  weight × 100 × (days on the employer's preferred weekdays) / length;
 *   busy            weight × 100 × (days outside the employer's busy periods) / length;
 *   term end        weight × 100 unless a day falls in the last week of a term
 *                   of the staff member's partner;
 * and per employer, spread: the k-th placement it hosts in the horizon
 * (counting those already fixed) earns weight × 100 / k, so that load
 * spreads over employers. A plan maximises the number placed first, then
 * the total score. */

typedef enum
{
  PL_JOB_PLAN,      /* every request may move */
  PL_JOB_REPLAN,    /* proposed and agreed placements that now break a rule may move */
  PL_JOB_SUGGEST,   /* one placement may move */
} PlJob;

/* What makes an option good or bad, for people to read. */
enum
{
  PL_REASON_EARLIEST       = 1 << 0,  /* the first possible day */
  PL_REASON_WARM           = 1 << 1,  /* warm or host employer */
  PL_REASON_PREFERRED_DAYS = 1 << 2,  /* every day on the employer's preferred weekdays */
  PL_REASON_OTHER_DAYS     = 1 << 3,  /* some day not on them */
  PL_REASON_BUSY           = 1 << 4,  /* some day in the employer's busy period */
  PL_REASON_TERM_END       = 1 << 5,  /* some day in the last week of a term */
  PL_REASON_SHARED         = 1 << 6,  /* the employer hosts others in the horizon */
  PL_REASON_SAME_EMPLOYER  = 1 << 7,  /* (re-plan) the employer it had */
  PL_REASON_LOOKING        = 1 << 8,  /* the employer is actively looking that year */
  PL_REASON_INTERESTED     = 1 << 9,  /* the employer is interested that year */
};

typedef struct
{
  guint   employer;
  guint   start;          /* first working-day index */
  gint64  score;
  guint   reasons;        /* PL_REASON_* */
  guint   days_later;     /* calendar days after the first possible day */
  guint   others;         /* placements the employer hosts in the horizon */
  guint   appetite;       /* pl_solver_appetite_rank() of its first day */
} PlOption;

typedef void (*PlSolverProgress) (double   fraction,
                                  gpointer user_data);

typedef struct
{
  guint32           seed;
  gboolean          greedy_only;    /* construction only, for comparisons */
  guint64           budget;         /* options the improvement may look at; 0: default */
  double            time_limit;     /* seconds; 0: none. A safety net only: a plan
                                       stopped by it may differ from run to run */
  GCancellable     *cancellable;
  PlSolverProgress  progress;       /* called from the solving thread */
  gpointer          progress_data;
} PlSolveOptions;

typedef struct _PlSolver PlSolver;

/* @placement is the placement index for PL_JOB_SUGGEST, otherwise -1. The
 * solver keeps a pointer to @problem, which must outlive it. */
PlSolver *pl_solver_new              (const PlProblem      *problem,
                                      PlJob                 job,
                                      gint                  placement);
void      pl_solver_free             (PlSolver             *self);

/* Never propose @employer from @start for @placement (a rejected proposal). */
void      pl_solver_exclude          (PlSolver             *self,
                                      guint                 placement,
                                      guint                 employer,
                                      guint                 start);

/* Places the movable placements. Fails only when cancelled
 * (G_IO_ERROR_CANCELLED); the best plan found so far is kept. */
gboolean  pl_solver_solve            (PlSolver             *self,
                                      const PlSolveOptions *options,
                                      GError              **error);

guint     pl_solver_get_n_movable    (PlSolver             *self);
/* The placement index of the @i-th movable placement. */
guint     pl_solver_get_movable      (PlSolver             *self,
                                      guint                 i);
/* Why a re-plan moves the placement (PL_RULE_NONE for other jobs). */
PlRule    pl_solver_get_broken_rule  (PlSolver             *self,
                                      guint                 placement);
gboolean  pl_solver_get_assignment   (PlSolver             *self,
                                      guint                 placement,
                                      guint                *employer,
                                      guint                *start);
/* The points of the placement's option, without spread. */
gint64    pl_solver_get_points       (PlSolver             *self,
                                      guint                 placement);
guint     pl_solver_get_n_placed     (PlSolver             *self);
gint64    pl_solver_get_score        (PlSolver             *self);

/* For an unplaced placement: the rule that rules out its last options,
 * and a sentence naming the rule and the dates (transfer full). */
PlRule    pl_solver_explain          (PlSolver             *self,
                                      guint                 placement,
                                      char                **text);

/* The same for @employer (an employer index) on its own: the rule and the
 * sentence that rule it out for @placement, PL_RULE_NONE when it fits. */
PlRule    pl_solver_explain_employer (PlSolver             *self,
                                      guint                 placement,
                                      guint                 employer,
                                      char                **text);

/* Feasible options for @placement around the current plan, best first,
 * at most three per employer and @max in all (PlOption). */
GArray   *pl_solver_suggest          (PlSolver             *self,
                                      guint                 placement,
                                      guint                 max);

/* For comparisons with an exact solver: every option of @placement that
 * the fixed placements allow, with its score without spread (PlOption),
 * the spread points of an employer's @k-th placement, and what the fixed
 * placements use. */
GArray   *pl_solver_static_options   (PlSolver             *self,
                                      guint                 placement);
gint64    pl_solver_spread_points    (PlSolver             *self,
                                      guint                 k);
guint     pl_solver_fixed_count      (PlSolver             *self,
                                      guint                 employer);
guint     pl_solver_fixed_load       (PlSolver             *self,
                                      guint                 employer,
                                      guint                 day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSolver, pl_solver_free)

G_END_DECLS
