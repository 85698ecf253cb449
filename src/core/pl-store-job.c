/* pl-store-job.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-job"

#include "config.h"

#include "pl-store-job.h"
#include "pl-store-private.h"

struct _PlStoreJob
{
  PlStore           *store;        /* the caller's */
  PlStoreJobFunc          func;
  gpointer           data;
  GDestroyNotify     data_free;
  GDestroyNotify     result_free;
  PlStoreJobProgressFunc  progress;
  gpointer           progress_data;
  GMainContext      *context;
  GCancellable      *cancellable;
  double             reported;
  GPtrArray         *changes;      /* Change, gathered in the worker thread */
  GPtrArray         *steps;        /* Step, likewise */
};

typedef struct
{
  GBytes *changes;
  char   *label;
} Step;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_bytes_unref (step->changes);
  g_free (step->label);
  g_free (step);
}

typedef struct
{
  char   *table;
  GArray *ids;   /* NULL: many */
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->table);
  g_clear_pointer (&change->ids, g_array_unref);
  g_free (change);
}

static void
job_free (gpointer data)
{
  PlStoreJob *job = data;

  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->changes, g_ptr_array_unref);
  g_clear_pointer (&job->steps, g_ptr_array_unref);
  g_free (job);
}

GCancellable *
pl_store_job_get_cancellable (PlStoreJob *job)
{
  return job->cancellable;
}

gboolean
pl_store_job_is_cancelled (PlStoreJob *job)
{
  return g_cancellable_is_cancelled (job->cancellable);
}

typedef struct
{
  PlStoreJobProgressFunc func;
  gpointer          data;
  double            fraction;
  GCancellable     *cancellable;
} ProgressCall;

static gboolean
progress_in_context (gpointer data)
{
  ProgressCall *call = data;

  /* A cancelled job's caller may be gone already. */
  if (!g_cancellable_is_cancelled (call->cancellable))
    call->func (call->fraction, call->data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_clear_object (&call->cancellable);
  g_free (call);
}

void
pl_store_job_report_progress (PlStoreJob  *job,
                        double  fraction)
{
  ProgressCall *call;

  if (job->progress == NULL)
    return;
  if (fraction < job->reported + 0.01 && fraction < 1.0)
    return;
  job->reported = fraction;

  call = g_new0 (ProgressCall, 1);
  call->func = job->progress;
  call->data = job->progress_data;
  call->fraction = CLAMP (fraction, 0.0, 1.0);
  call->cancellable = g_object_ref (job->cancellable);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_in_context, call,
                              progress_call_free);
}

static void
on_worker_changed (PlStore    *worker,
                   const char *table,
                   GArray     *ids,
                   PlStoreJob      *job)
{
  Change *change = g_new0 (Change, 1);

  change->table = g_strdup (table);
  if (ids != NULL)
    change->ids = g_array_ref (ids);
  g_ptr_array_add (job->changes, change);
}

static void
on_worker_step (PlStore    *worker,
                GBytes     *changes,
                const char *label,
                PlStoreJob      *job)
{
  Step *step = g_new0 (Step, 1);

  step->changes = g_bytes_ref (changes);
  step->label = g_strdup (label);
  g_ptr_array_add (job->steps, step);
}

/* The worker connection: one per store, opened by the first job and used
 * by one job at a time. */
static GMutex worker_lock;

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PlStoreJob *job = task_data;
  g_autoptr(GError) error = NULL;
  PlStore *worker;
  gpointer result;
  gulong handler, step_handler;

  g_mutex_lock (&worker_lock);

  worker = pl_store_get_worker (job->store, &error);
  if (worker == NULL)
    {
      g_mutex_unlock (&worker_lock);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  handler = g_signal_connect (worker, "changed", G_CALLBACK (on_worker_changed), job);
  step_handler = g_signal_connect (worker, "step", G_CALLBACK (on_worker_step), job);
  result = job->func (job, worker, job->data, &error);
  g_signal_handler_disconnect (worker, handler);
  g_signal_handler_disconnect (worker, step_handler);

  /* A job that failed half-way leaves nothing open behind it. */
  pl_store_rollback_open (worker);

  g_mutex_unlock (&worker_lock);

  if (result == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "The job gave no result");
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, job->result_free);
}

typedef struct
{
  GAsyncReadyCallback callback;
  gpointer            user_data;
} Caller;

/* Jobs started in this thread whose callers have not heard back yet. */
static GQuark
running_quark (void)
{
  return g_quark_from_static_string ("pl-store-jobs-running");
}

static void
add_running (PlStore *store,
             int      n)
{
  guint running = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (store), running_quark ()));

  g_object_set_qdata (G_OBJECT (store), running_quark (), GUINT_TO_POINTER (running + n));
}

/**
 * pl_store_get_n_running_jobs:
 *
 * Returns: how many jobs of @store have been started and not yet
 *   reported their end to their callers
 */
guint
pl_store_get_n_running_jobs (PlStore *store)
{
  g_return_val_if_fail (PL_IS_STORE (store), 0);

  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (store), running_quark ()));
}

/* In the caller's context, before the caller hears of the result: the
 * model's listeners learn what the job wrote. */
static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Caller *caller = data;
  PlStoreJob *job = g_task_get_task_data (G_TASK (result));

  if (job->progress != NULL && !g_task_had_error (G_TASK (result)) && job->reported < 1.0)
    job->progress (1.0, job->progress_data);

  for (guint i = 0; i < job->changes->len; i++)
    {
      Change *change = g_ptr_array_index (job->changes, i);

      pl_store_emit_change (job->store, change->table, change->ids);
    }
  g_ptr_array_set_size (job->changes, 0);

  /* What the job did can be undone like anything done here. */
  for (guint i = 0; i < job->steps->len; i++)
    {
      Step *step = g_ptr_array_index (job->steps, i);

      pl_store_emit_step (job->store, step->changes, step->label);
    }
  g_ptr_array_set_size (job->steps, 0);

  caller->callback (source, result, caller->user_data);
  g_free (caller);
  add_running (job->store, -1);
}

void
pl_store_run_async (PlStore             *store,
                    PlStoreJobFunc            func,
                    gpointer             data,
                    GDestroyNotify       data_free,
                    GDestroyNotify       result_free,
                    PlStoreJobProgressFunc    progress,
                    gpointer             progress_data,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PlStoreJob *job;
  Caller *caller;

  g_return_if_fail (PL_IS_STORE (store));
  g_return_if_fail (func != NULL);
  g_return_if_fail (callback != NULL);

  job = g_new0 (PlStoreJob, 1);
  job->store = store;
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  job->changes = g_ptr_array_new_with_free_func (change_free);
  job->steps = g_ptr_array_new_with_free_func (step_free);

  caller = g_new0 (Caller, 1);
  caller->callback = callback;
  caller->user_data = user_data;

  add_running (store, 1);
  task = g_task_new (store, job->cancellable, on_done, caller);
  g_task_set_source_tag (task, pl_store_run_async);
  g_task_set_task_data (task, job, job_free);
  /* A cancelled job still runs to its end (it may be inside a
   * transaction); its result is then dropped. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_in_thread);
}

gpointer
pl_store_run_finish (PlStore       *store,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pl_store_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
