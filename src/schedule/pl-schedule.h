/* pl-schedule.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pl-solver.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* The scheduling jobs as the CLI and the app run them: read the store,
 * solve, describe the result in names and dates, and write it back. */

/* One placement of a plan: placed (employer and days) or not (rule and
 * reason). For a re-plan, also what it had before. */
typedef struct
{
  gint64   placement_id;
  char    *staff_name;
  char    *sector_name;
  char    *status;          /* its status when the plan was made */
  gint64   employer_id;     /* 0 when not placed */
  char    *employer_name;
  GStrv    days;            /* ISO dates; NULL when not placed */
  gint64   score;
  PlRule   rule;            /* not placed: why; re-plan: what its days broke */
  char    *reason;
  gint64   old_employer_id; /* re-plan */
  GStrv    old_days;
} PlProposal;

#define PL_TYPE_PROPOSAL (pl_proposal_get_type ())
GType       pl_proposal_get_type (void) G_GNUC_CONST;
PlProposal *pl_proposal_copy     (const PlProposal *self);
void        pl_proposal_free     (PlProposal       *self);

typedef struct
{
  GPtrArray *placed;        /* PlProposal, by placement id */
  GPtrArray *unplaced;      /* PlProposal, by placement id */
  guint      n_movable;     /* requests (or broken placements) considered */
  gint64     score;
  double     load_seconds;
  double     solve_seconds;
} PlScheduleResult;

void pl_schedule_result_free (PlScheduleResult *self);

/* A proposal a person turned down: the plan will not make it again. */
typedef struct
{
  gint64      placement_id;
  gint64      employer_id;
  const char *first_day;    /* ISO */
} PlRejection;

typedef struct
{
  guint32            seed;
  gboolean           replan;       /* re-plan broken proposed/agreed placements */
  const PlRejection *rejections;
  guint              n_rejections;
  double             time_limit;   /* seconds; 0 for none */
} PlScheduleOptions;

PlScheduleResult *pl_schedule_run        (PlStore                  *store,
                                          const GDate              *today,
                                          const PlScheduleOptions  *options,
                                          GCancellable             *cancellable,
                                          PlSolverProgress          progress,
                                          gpointer                  progress_data,
                                          GError                  **error);

/* The same on the store's worker connection (pl_store_run_async());
 * @progress is called in the caller's main context. */
void              pl_schedule_run_async  (PlStore                  *store,
                                          const GDate              *today,
                                          const PlScheduleOptions  *options,
                                          GCancellable             *cancellable,
                                          PlSolverProgress          progress,
                                          gpointer                  progress_data,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data);
PlScheduleResult *pl_schedule_run_finish (GAsyncResult             *result,
                                          GError                  **error);

/* {"placed":[{"placement":ID,"employer":NAME,"days":[ISO…]}],
 *  "unplaced":[{"placement":ID,"rule":RULE,"reason":TEXT}]} */
JsonNode         *pl_schedule_result_to_json (const PlScheduleResult *self);

/* What pl_schedule_apply changed, so that it can be undone. */
typedef struct _PlScheduleUndo PlScheduleUndo;

/* Stores the employers and days of @proposals in one transaction, moves
 * them to "proposed" and records the change in each one's history. Fails,
 * writing nothing, when one of them changed since the plan was made. */
gboolean pl_schedule_apply     (PlStore            *store,
                                PlProposal * const *proposals,
                                guint               n_proposals,
                                const GDate        *today,
                                PlScheduleUndo    **undo,
                                GError            **error);
/* Puts back what pl_schedule_apply changed, unless those placements have
 * been changed again since. */
gboolean pl_schedule_undo      (PlStore            *store,
                                PlScheduleUndo     *undo,
                                GError            **error);
void     pl_schedule_undo_free (PlScheduleUndo     *undo);

/* A ranked option for one placement. */
typedef struct
{
  gint64  employer_id;
  char   *employer_name;
  GStrv   days;
  gint64  score;
  GStrv   reasons;          /* short phrases, good first */
} PlSuggestion;

void       pl_suggestion_free  (PlSuggestion *self);

/* The best options for placement @placement_id around every other
 * placement that has days, and around @pending proposals not yet stored
 * (those of a plan on screen), best first (PlSuggestion). */
GPtrArray *pl_schedule_suggest (PlStore            *store,
                                gint64              placement_id,
                                const GDate        *today,
                                PlProposal * const *pending,
                                guint               n_pending,
                                guint               max,
                                GError            **error);

/* How one employer of a request's sector fits it: its best option, or
 * why it cannot take it. */
typedef struct
{
  gint64        employer_id;
  char         *employer_name;
  PlSuggestion *best;       /* NULL when it cannot take the placement */
  PlRule        rule;       /* when it cannot: the rule, and the sentence */
  char         *reason;
} PlEmployerFit;

void       pl_employer_fit_free (PlEmployerFit *self);

/* Every employer of placement @placement_id's sector: those that can take
 * it first, best first as pl_schedule_suggest() ranks them, then those
 * that cannot, by name, each with its reason (PlEmployerFit). Empty when
 * no employer works in the sector. */
GPtrArray *pl_schedule_rank_employers (PlStore      *store,
                                       gint64        placement_id,
                                       const GDate  *today,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlProposal, pl_proposal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlScheduleResult, pl_schedule_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlScheduleUndo, pl_schedule_undo_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSuggestion, pl_suggestion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlEmployerFit, pl_employer_fit_free)

G_END_DECLS
