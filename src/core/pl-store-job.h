/* pl-store-job.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* Slow work (an import, an export, a plan) runs in a worker thread on the
 * store's one worker connection, a second connection to the same database
 * that jobs take in turn. What a job writes is told through the store's
 * own ::changed, in the caller's main context, once the job has finished;
 * its progress reaches the caller there too. Every `_async`/`_finish` pair
 * of the lower layers is built on this. */

typedef struct _PlStoreJob PlStoreJob;

/* The work, run in the worker thread with @worker, the worker connection:
 * returns the result (freed with the @result_free given to
 * pl_store_run_async() when nobody takes it), or NULL with @error set. A
 * job with nothing to return returns any non-NULL pointer, as
 * GINT_TO_POINTER (TRUE). */
typedef gpointer (*PlStoreJobFunc) (PlStoreJob    *job,
                               PlStore  *worker,
                               gpointer  data,
                               GError  **error);

/* Called in the caller's main context, at most every 1 %, and with 1.0 at
 * the end of a job that reported progress. */
typedef void (*PlStoreJobProgressFunc) (double   fraction,
                                   gpointer user_data);

void          pl_store_run_async      (PlStore             *store,
                                       PlStoreJobFunc            func,
                                       gpointer             data,
                                       GDestroyNotify       data_free,
                                       GDestroyNotify       result_free,
                                       PlStoreJobProgressFunc    progress,
                                       gpointer             progress_data,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* Returns: (transfer full): the job's result, or NULL with @error set
 * (G_IO_ERROR_CANCELLED when it was cancelled). */
gpointer      pl_store_run_finish     (PlStore             *store,
                                       GAsyncResult        *result,
                                       GError             **error);

guint         pl_store_get_n_running_jobs (PlStore            *store);

/* For the job function. */
GCancellable *pl_store_job_get_cancellable  (PlStoreJob               *job);
gboolean      pl_store_job_is_cancelled     (PlStoreJob               *job);
void          pl_store_job_report_progress  (PlStoreJob               *job,
                                       double               fraction);

G_END_DECLS
