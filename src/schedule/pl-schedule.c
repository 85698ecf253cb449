/* pl-schedule.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-schedule.h"
#include "pl-store-job.h"
#include "pl-store-schedule.h"

G_DEFINE_BOXED_TYPE (PlProposal, pl_proposal, pl_proposal_copy, pl_proposal_free)

PlProposal *
pl_proposal_copy (const PlProposal *self)
{
  PlProposal *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->staff_name = g_strdup (self->staff_name);
  copy->sector_name = g_strdup (self->sector_name);
  copy->status = g_strdup (self->status);
  copy->employer_name = g_strdup (self->employer_name);
  copy->days = g_strdupv (self->days);
  copy->reason = g_strdup (self->reason);
  copy->old_days = g_strdupv (self->old_days);
  return copy;
}

void
pl_proposal_free (PlProposal *self)
{
  if (self == NULL)
    return;

  g_free (self->staff_name);
  g_free (self->sector_name);
  g_free (self->status);
  g_free (self->employer_name);
  g_strfreev (self->days);
  g_free (self->reason);
  g_strfreev (self->old_days);
  g_free (self);
}

void
pl_schedule_result_free (PlScheduleResult *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->placed, g_ptr_array_unref);
  g_clear_pointer (&self->unplaced, g_ptr_array_unref);
  g_free (self);
}

void
pl_suggestion_free (PlSuggestion *self)
{
  if (self == NULL)
    return;

  g_free (self->employer_name);
  g_strfreev (self->days);
  g_strfreev (self->reasons);
  g_free (self);
}

static const char *
status_name (PlStatus status)
{
  switch (status)
    {
    case PL_STATUS_REQUEST:
      return "request";
    case PL_STATUS_PROPOSED:
      return "proposed";
    case PL_STATUS_AGREED:
      return "agreed";
    case PL_STATUS_CONFIRMED:
      return "confirmed";
    case PL_STATUS_DONE:
    default:
      return "completed";
    }
}

static GStrv
run_days (const PlProblem *problem,
          guint            start,
          guint            length)
{
  GStrv days = g_new0 (char *, length + 1);

  for (guint i = 0; i < length; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, problem->julian[start + i]);
      days[i] = pl_date_to_iso (&date);
    }
  return days;
}

static gint
employer_index (const PlProblem *problem,
                gint64           id)
{
  for (guint e = 0; e < problem->n_employers; e++)
    if (problem->employers[e].id == id)
      return e;
  return -1;
}

static int
compare_proposals (gconstpointer a,
                   gconstpointer b)
{
  const PlProposal *x = *(PlProposal * const *) a;
  const PlProposal *y = *(PlProposal * const *) b;

  return x->placement_id < y->placement_id ? -1 : x->placement_id > y->placement_id;
}

/**
 * pl_schedule_run:
 * @progress: (nullable): called from this thread as the search goes on
 *
 * Plans every open request (or, with options->replan, moves the proposed
 * and agreed placements whose days now break a rule). Writes nothing.
 *
 * Returns: (transfer full): the plan, or %NULL when cancelled or the store
 *   could not be read
 */
PlScheduleResult *
pl_schedule_run (PlStore                  *store,
                 const GDate              *today,
                 const PlScheduleOptions  *options,
                 GCancellable             *cancellable,
                 PlSolverProgress          progress,
                 gpointer                  progress_data,
                 GError                  **error)
{
  static const PlScheduleOptions defaults = { 0 };
  g_autoptr(PlProblem) problem = NULL;
  g_autoptr(PlSolver) solver = NULL;
  g_autoptr(PlScheduleResult) result = g_new0 (PlScheduleResult, 1);
  g_autoptr(GTimer) timer = g_timer_new ();
  PlSolveOptions solve = { 0 };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (options == NULL)
    options = &defaults;

  problem = pl_problem_new_for_store (store, today, error);
  if (problem == NULL)
    return NULL;
  result->load_seconds = g_timer_elapsed (timer, NULL);
  g_timer_start (timer);

  solver = pl_solver_new (problem, options->replan ? PL_JOB_REPLAN : PL_JOB_PLAN, -1);
  for (guint i = 0; i < options->n_rejections; i++)
    {
      const PlRejection *rejection = &options->rejections[i];
      gint p = pl_problem_find_placement (problem, rejection->placement_id);
      gint e = employer_index (problem, rejection->employer_id);
      GDate first;
      guint s;

      if (p < 0 || e < 0 || !pl_date_parse (rejection->first_day, &first))
        continue;
      s = pl_problem_day_on_or_after (problem, g_date_get_julian (&first));
      if (s < problem->n_days && problem->julian[s] == g_date_get_julian (&first))
        pl_solver_exclude (solver, p, e, s);
    }

  solve.seed = options->seed;
  solve.time_limit = options->time_limit;
  solve.cancellable = cancellable;
  solve.progress = progress;
  solve.progress_data = progress_data;
  if (!pl_solver_solve (solver, &solve, error))
    return NULL;

  result->placed = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_proposal_free);
  result->unplaced = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_proposal_free);
  result->n_movable = pl_solver_get_n_movable (solver);
  result->score = pl_solver_get_score (solver);

  for (guint i = 0; i < result->n_movable; i++)
    {
      guint p = pl_solver_get_movable (solver, i);
      const PlProblemPlacement *placement = &problem->placements[p];
      PlProposal *proposal = g_new0 (PlProposal, 1);
      guint e, s;

      proposal->placement_id = placement->id;
      proposal->staff_name = g_strdup (problem->staff[placement->staff].name);
      proposal->sector_name = g_strdup (problem->sectors[placement->sector].name);
      proposal->status = g_strdup (status_name (placement->status));
      if (options->replan)
        {
          proposal->rule = pl_solver_get_broken_rule (solver, p);
          proposal->old_employer_id = placement->employer >= 0
                                      ? problem->employers[placement->employer].id : 0;
          proposal->old_days = pl_store_get_days (store, placement->id);
        }

      if (pl_solver_get_assignment (solver, p, &e, &s))
        {
          proposal->employer_id = problem->employers[e].id;
          proposal->employer_name = g_strdup (problem->employers[e].name);
          proposal->days = run_days (problem, s, placement->length);
          proposal->score = pl_solver_get_points (solver, p);
          g_ptr_array_add (result->placed, proposal);
        }
      else
        {
          proposal->rule = pl_solver_explain (solver, p, &proposal->reason);
          g_ptr_array_add (result->unplaced, proposal);
        }
    }

  g_ptr_array_sort (result->placed, compare_proposals);
  g_ptr_array_sort (result->unplaced, compare_proposals);
  result->solve_seconds = g_timer_elapsed (timer, NULL);

  return g_steal_pointer (&result);
}

typedef struct
{
  GDate              today;
  PlScheduleOptions  options;
  PlRejection       *rejections;
  GStrv              rejection_days;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_free (run->rejections);
  g_strfreev (run->rejection_days);
  g_free (run);
}

static void
report_progress (double   fraction,
                 gpointer job)
{
  pl_store_job_report_progress (job, fraction);
}

/* In the store's worker connection. */
static gpointer
run_job (PlStoreJob  *job,
         PlStore     *worker,
         gpointer     data,
         GError     **error)
{
  RunData *run = data;

  return pl_schedule_run (worker, &run->today, &run->options, pl_store_job_get_cancellable (job),
                          report_progress, job, error);
}

/**
 * pl_schedule_run_async:
 *
 * Runs pl_schedule_run() on the store's worker connection, reporting
 * @progress in the caller's main context.
 */
void
pl_schedule_run_async (PlStore                 *store,
                       const GDate             *today,
                       const PlScheduleOptions *options,
                       GCancellable            *cancellable,
                       PlSolverProgress         progress,
                       gpointer                 progress_data,
                       GAsyncReadyCallback      callback,
                       gpointer                 user_data)
{
  RunData *run;

  g_return_if_fail (PL_IS_STORE (store));
  g_return_if_fail (today != NULL && g_date_valid (today));

  run = g_new0 (RunData, 1);
  run->today = *today;
  if (options != NULL)
    run->options = *options;

  /* The rejections belong to the caller: copy them for the worker. */
  run->rejections = g_new0 (PlRejection, MAX (1, run->options.n_rejections));
  run->rejection_days = g_new0 (char *, run->options.n_rejections + 1);
  for (guint i = 0; i < run->options.n_rejections; i++)
    {
      run->rejections[i] = options->rejections[i];
      run->rejection_days[i] = g_strdup (options->rejections[i].first_day);
      run->rejections[i].first_day = run->rejection_days[i];
    }
  run->options.rejections = run->rejections;

  pl_store_run_async (store, run_job, run, run_data_free,
                      (GDestroyNotify) pl_schedule_result_free, progress, progress_data,
                      cancellable, callback, user_data);
}

/**
 * pl_schedule_run_finish:
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
PlScheduleResult *
pl_schedule_run_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return pl_store_run_finish (g_task_get_source_object (G_TASK (result)), result, error);
}

/**
 * pl_schedule_result_to_json:
 *
 * Returns: (transfer full): the plan in the shape the README documents
 */
JsonNode *
pl_schedule_result_to_json (const PlScheduleResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "placed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->placed->len; i++)
    {
      const PlProposal *proposal = self->placed->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "placement");
      json_builder_add_int_value (builder, proposal->placement_id);
      json_builder_set_member_name (builder, "employer");
      json_builder_add_string_value (builder, proposal->employer_name);
      json_builder_set_member_name (builder, "days");
      json_builder_begin_array (builder);
      for (guint d = 0; proposal->days[d] != NULL; d++)
        json_builder_add_string_value (builder, proposal->days[d]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "unplaced");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->unplaced->len; i++)
    {
      const PlProposal *proposal = self->unplaced->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "placement");
      json_builder_add_int_value (builder, proposal->placement_id);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, pl_rule_to_string (proposal->rule));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, proposal->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* What the store changed, as pl_store_schedule_apply() tells it. */
struct _PlScheduleUndo
{
  PlScheduleApplied *applied;
};

void
pl_schedule_undo_free (PlScheduleUndo *undo)
{
  if (undo == NULL)
    return;

  pl_schedule_applied_free (undo->applied);
  g_free (undo);
}

/**
 * pl_schedule_apply:
 * @undo: (out) (optional) (transfer full): what to hand pl_schedule_undo
 */
gboolean
pl_schedule_apply (PlStore            *store,
                   PlProposal * const *proposals,
                   guint               n_proposals,
                   const GDate        *today,
                   PlScheduleUndo    **undo,
                   GError            **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (PlScheduleChange));
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  PlScheduleApplied *applied;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  for (guint i = 0; i < n_proposals; i++)
    {
      const PlProposal *proposal = proposals[i];
      PlScheduleChange change = { 0 };
      /* Text that is no status matches none, and the store refuses it. */
      int status = -1;
      char *reason;

      if (proposal->days == NULL || proposal->employer_id == 0)
        continue;

      if (proposal->old_days != NULL)
        /* TRANSLATORS: %s is a rule, as in "the employer’s blackout" */
        reason = g_strdup_printf (_("Moved by the re-plan: its days broke %s."),
                                  pl_rule_label (proposal->rule));
      else
        reason = g_strdup (_("Proposed by the planner"));
      g_ptr_array_add (reasons, reason);

      pl_enum_from_nick (PL_TYPE_PLACEMENT_STATUS, proposal->status, &status);
      change.placement_id = proposal->placement_id;
      change.status = status;
      change.employer_id = proposal->employer_id;
      change.days = (const char * const *) proposal->days;
      change.reason = reason;
      g_array_append_val (changes, change);
    }

  applied = pl_store_schedule_apply (store, (const PlScheduleChange *) changes->data,
                                     changes->len, today, error);
  if (applied == NULL)
    return FALSE;

  if (undo != NULL)
    {
      *undo = g_new0 (PlScheduleUndo, 1);
      (*undo)->applied = applied;
    }
  else
    pl_schedule_applied_free (applied);
  return TRUE;
}

gboolean
pl_schedule_undo (PlStore         *store,
                  PlScheduleUndo  *undo,
                  GError         **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  return pl_store_schedule_undo (store, undo->applied, error);
}

static GStrv
reason_phrases (const PlOption *option)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (option->reasons & PL_REASON_SAME_EMPLOYER)
    g_strv_builder_add (builder, _("Same employer as before"));
  if (option->reasons & PL_REASON_EARLIEST)
    g_strv_builder_add (builder, _("Earliest possible dates"));
  else if (option->days_later >= 7)
    {
      guint weeks = option->days_later / 7;
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week after the earliest",
                                      "%u weeks after the earliest", weeks), weeks);

      g_strv_builder_add (builder, text);
    }
  if (option->reasons & PL_REASON_LOOKING)
    g_strv_builder_add (builder, _("Actively looking this year"));
  if (option->reasons & PL_REASON_INTERESTED)
    g_strv_builder_add (builder, _("Interested this year"));
  if (option->reasons & PL_REASON_WARM)
    g_strv_builder_add (builder, _("Warm relationship"));
  if (option->reasons & PL_REASON_PREFERRED_DAYS)
    g_strv_builder_add (builder, _("On the employer’s preferred days"));
  if (option->reasons & PL_REASON_OTHER_DAYS)
    g_strv_builder_add (builder, _("Not on the employer’s preferred days"));
  if (option->reasons & PL_REASON_BUSY)
    g_strv_builder_add (builder, _("In the employer’s busy period"));
  if (option->reasons & PL_REASON_TERM_END)
    g_strv_builder_add (builder, _("In the last week of term"));
  if (option->reasons & PL_REASON_SHARED)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The employer already hosts %u placement",
                                      "The employer already hosts %u placements", option->others),
                         option->others);

      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

/* The store's problem as of @today, with @placement_id's index in it at
 * @index; NULL with @error set when that placement is not one to plan. */
static PlProblem *
problem_for_placement (PlStore      *store,
                       const GDate  *today,
                       gint64        placement_id,
                       gint         *index,
                       GError      **error)
{
  g_autoptr(PlProblem) problem = pl_problem_new_for_store (store, today, error);

  if (problem == NULL)
    return NULL;

  *index = pl_problem_find_placement (problem, placement_id);
  if (*index < 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("Placement %" G_GINT64_FORMAT " is neither a request nor a placement "
                     "still to come."), placement_id);
      return NULL;
    }
  return g_steal_pointer (&problem);
}

/* Counts proposals still on screen as if they had been stored. */
static void
hold_pending (PlProblem          *problem,
              PlProposal * const *pending,
              guint               n_pending,
              gint64              except)
{
  for (guint i = 0; i < n_pending; i++)
    {
      const PlProposal *proposal = pending[i];
      PlProblemPlacement *placement;
      gint p, e;

      if (proposal->placement_id == except || proposal->days == NULL)
        continue;
      p = pl_problem_find_placement (problem, proposal->placement_id);
      e = employer_index (problem, proposal->employer_id);
      if (p < 0 || e < 0)
        continue;

      placement = &problem->placements[p];
      g_free (placement->days);
      placement->days = g_new0 (guint, g_strv_length (proposal->days) + 1);
      placement->n_days = 0;
      for (guint d = 0; proposal->days[d] != NULL; d++)
        {
          GDate date;
          guint index;

          if (!pl_date_parse (proposal->days[d], &date))
            continue;
          index = pl_problem_day_on_or_after (problem, g_date_get_julian (&date));
          if (index < problem->n_days && problem->julian[index] == g_date_get_julian (&date))
            placement->days[placement->n_days++] = index;
        }
      placement->employer = e;
      placement->status = PL_STATUS_PROPOSED;
      placement->days_off = FALSE;
    }
}

/**
 * pl_schedule_suggest:
 *
 * Returns: (transfer full) (element-type PlSuggestion): the options, best
 *   first, or %NULL with @error set
 */
GPtrArray *
pl_schedule_suggest (PlStore            *store,
                     gint64              placement_id,
                     const GDate        *today,
                     PlProposal * const *pending,
                     guint               n_pending,
                     guint               max,
                     GError            **error)
{
  g_autoptr(PlProblem) problem = NULL;
  g_autoptr(PlSolver) solver = NULL;
  g_autoptr(GArray) options = NULL;
  GPtrArray *suggestions;
  gint p;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  problem = problem_for_placement (store, today, placement_id, &p, error);
  if (problem == NULL)
    return NULL;

  hold_pending (problem, pending, n_pending, placement_id);
  solver = pl_solver_new (problem, PL_JOB_SUGGEST, p);
  options = pl_solver_suggest (solver, p, max);

  suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_suggestion_free);
  for (guint i = 0; i < options->len; i++)
    {
      const PlOption *option = &g_array_index (options, PlOption, i);
      PlSuggestion *suggestion = g_new0 (PlSuggestion, 1);

      suggestion->employer_id = problem->employers[option->employer].id;
      suggestion->employer_name = g_strdup (problem->employers[option->employer].name);
      suggestion->days = run_days (problem, option->start, problem->placements[p].length);
      suggestion->score = option->score;
      suggestion->reasons = reason_phrases (option);
      g_ptr_array_add (suggestions, suggestion);
    }

  return suggestions;
}

void
pl_employer_fit_free (PlEmployerFit *self)
{
  if (self == NULL)
    return;

  g_free (self->employer_name);
  g_clear_pointer (&self->best, pl_suggestion_free);
  g_free (self->reason);
  g_free (self);
}

static PlSuggestion *
suggestion_new (const PlProblem *problem,
                guint            placement,
                const PlOption  *option)
{
  PlSuggestion *suggestion = g_new0 (PlSuggestion, 1);

  suggestion->employer_id = problem->employers[option->employer].id;
  suggestion->employer_name = g_strdup (problem->employers[option->employer].name);
  suggestion->days = run_days (problem, option->start, problem->placements[placement].length);
  suggestion->score = option->score;
  suggestion->reasons = reason_phrases (option);
  return suggestion;
}

static int
compare_unfit (gconstpointer a,
               gconstpointer b)
{
  const PlEmployerFit *x = *(const PlEmployerFit * const *) a;
  const PlEmployerFit *y = *(const PlEmployerFit * const *) b;
  g_autofree char *kx = g_utf8_collate_key (x->employer_name, -1);
  g_autofree char *ky = g_utf8_collate_key (y->employer_name, -1);
  int order = strcmp (kx, ky);

  return order != 0 ? order : (x->employer_id > y->employer_id) - (x->employer_id < y->employer_id);
}

/**
 * pl_schedule_rank_employers:
 *
 * Returns: (transfer full) (element-type PlEmployerFit): the employers,
 *   or %NULL with @error set
 */
GPtrArray *
pl_schedule_rank_employers (PlStore      *store,
                            gint64        placement_id,
                            const GDate  *today,
                            GError      **error)
{
  g_autoptr(PlProblem) problem = NULL;
  g_autoptr(PlSolver) solver = NULL;
  g_autoptr(GArray) options = NULL;
  g_autoptr(GPtrArray) unfit = NULL;
  g_autofree gboolean *seen = NULL;
  GPtrArray *fits;
  const PlProblemPlacement *placement;
  guint first, last;
  gint p;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  problem = problem_for_placement (store, today, placement_id, &p, error);
  if (problem == NULL)
    return NULL;
  placement = &problem->placements[p];
  first = problem->sector_employers_at[placement->sector];
  last = problem->sector_employers_at[placement->sector + 1];

  solver = pl_solver_new (problem, PL_JOB_SUGGEST, p);
  /* At most three options an employer: enough to reach each one's best. */
  options = pl_solver_suggest (solver, p, 3 * MAX (last - first, 1));
  seen = g_new0 (gboolean, problem->n_employers);
  fits = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_employer_fit_free);

  for (guint i = 0; i < options->len; i++)
    {
      const PlOption *option = &g_array_index (options, PlOption, i);
      PlEmployerFit *fit;

      if (seen[option->employer])
        continue;
      seen[option->employer] = TRUE;
      fit = g_new0 (PlEmployerFit, 1);
      fit->employer_id = problem->employers[option->employer].id;
      fit->employer_name = g_strdup (problem->employers[option->employer].name);
      fit->best = suggestion_new (problem, p, option);
      g_ptr_array_add (fits, fit);
    }

  unfit = g_ptr_array_new ();
  for (guint i = first; i < last; i++)
    {
      guint e = problem->sector_employers[i];
      PlEmployerFit *fit;

      if (seen[e])
        continue;
      fit = g_new0 (PlEmployerFit, 1);
      fit->employer_id = problem->employers[e].id;
      fit->employer_name = g_strdup (problem->employers[e].name);
      fit->rule = pl_solver_explain_employer (solver, p, e, &fit->reason);
      if (fit->reason == NULL)
        fit->reason = g_strdup (_("No days fit this placement now."));
      g_ptr_array_add (unfit, fit);
    }
  g_ptr_array_sort (unfit, compare_unfit);
  for (guint i = 0; i < unfit->len; i++)
    g_ptr_array_add (fits, unfit->pdata[i]);

  return fits;
}
