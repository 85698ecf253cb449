/* bench/shared-edits.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Several coordinators editing one shared data set at once:
 *
 *   shared-edits URI CLIENTS EDITS
 *
 * Each client is a process of its own with its own connection. It first
 * adds REQUESTS requests of its own, for new staff of a sample partner, all
 * at one host the parent adds with room for fewer than all of them, so that
 * the plans compete. Then, once every client is ready, it makes EDITS
 * edits: each reads one of ten employers (chosen at random), appends a
 * token of its own (" c2e517": client 2, edit 517) to its notes and saves.
 * A save refused because another client saved the same employer first
 * (PL_ERROR_CONFLICT) counts as a conflict and the edit is made again from
 * a fresh read, until it lands. Then, once every client has finished
 * editing, each makes one plan and applies it, planning again when the
 * store refuses it for a host another client booked meanwhile, as
 * `placements-cli schedule --apply` does.
 *
 * At the end the parent reads the ten employers' notes and counts the
 * tokens: a lost update is a token whose save succeeded but which is not
 * there. Prints one line of figures, and a line of keys and values
 * ("key=value ...") for scripts. Whether a host ended over capacity is
 * the server's to say: bench/shared.sh asks it.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-date.h"
#include "pl-error.h"
#include "pl-record.h"
#include "pl-records.h"
#include "pl-schedule.h"
#include "pl-store.h"

#define N_EMPLOYERS 10
#define REQUESTS 4
/* The requests' window: three weeks, so that a college's holiday in one of
 * them leaves the others. */
#define WEEKS 3
#define HOST_NAME "Shared Bench Host"

typedef struct
{
  guint  saved;           /* edits that landed */
  guint  conflicts;       /* saves refused with PL_ERROR_CONFLICT */
  guint  failed;          /* edits given up on another error */
  double save_p95_ms;     /* of every pl_store_update call */
  double edit_p95_ms;     /* read to landed save, retries included */
  double plan_ms;         /* run + apply, replans included */
  guint  plan_attempts;
  guint  plan_conflicts;  /* applies refused with PL_ERROR_CONFLICT */
  guint  plan_not_allowed; /* refused with PL_ERROR_NOT_ALLOWED: see plan() */
  guint  placed;          /* by this client's plan */
  gboolean plan_ok;
} ClientResult;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            guint   percent)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (values->len * percent) / 100));
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A barrier across processes: each client writes a byte to @ready and
 * waits for one on @go, which the parent writes once all are ready. */
static gboolean
wait_for_go (int ready,
             int go)
{
  char byte = 'r';

  return write (ready, &byte, 1) == 1 && read (go, &byte, 1) == 1;
}

static void
release (int  ready,
         int  go,
         int  clients)
{
  char byte;

  for (int c = 0; c < clients; c++)
    if (read (ready, &byte, 1) != 1)
      g_error ("a client went away before the barrier");
  for (int c = 0; c < clients; c++)
    if (write (go, "g", 1) != 1)
      g_error ("could not release the clients");
}

static gboolean
insert (PlStore   *store,
        PlRecord  *record,
        GError   **error)
{
  return pl_store_insert (store, record, error);
}

/* REQUESTS requests of the client's own, each for a new member of staff
 * (so that no one is wanted in two places), one day in the same WEEKS at
 * the shared host. */
static gboolean
add_requests (PlStore      *store,
              int           client,
              const GDate  *monday,
              GError      **error)
{
  g_autoptr(PlRecord) host = pl_store_find_by_name (store, PL_TYPE_EMPLOYER, HOST_NAME, error);
  g_autoptr(PlRecord) someone = pl_store_get (store, PL_TYPE_STAFF, 1, error);
  char start[11], end[11];
  GDate last = *monday;

  if (host == NULL || someone == NULL)
    return FALSE;
  g_date_add_days (&last, 7 * (WEEKS - 1) + 4);
  g_date_strftime (start, sizeof start, "%Y-%m-%d", monday);
  g_date_strftime (end, sizeof end, "%Y-%m-%d", &last);

  for (int i = 0; i < REQUESTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bench Lecturer %d-%d", client, i + 1);
      g_autoptr(PlRecord) staff = pl_record_new (PL_TYPE_STAFF);
      g_autoptr(PlRecord) request = pl_record_new (PL_TYPE_PLACEMENT);

      g_object_set (staff, "partner-id", pl_record_get_int (someone, "partner_id"),
                    "name", name, "teaching-days", (gint64) 0, NULL);
      if (!insert (store, staff, error))
        return FALSE;
      g_object_set (request, "staff-id", pl_record_get_id (staff),
                    "sector-id", pl_record_get_int (host, "sector_id"),
                    "employer-id", pl_record_get_id (host), "status", "request",
                    "length", (gint64) 1, "aims", (gint64) 1,
                    "window-start", start, "window-end", end, NULL);
      if (!insert (store, request, error))
        return FALSE;
    }
  return TRUE;
}

static void
edit (PlStore      *store,
      GRand        *rand,
      int           client,
      int           n,
      GArray       *saves,
      GArray       *edits,
      ClientResult *result)
{
  gint64 id = g_rand_int_range (rand, 1, N_EMPLOYERS + 1);
  gint64 edit_start = g_get_monotonic_time ();

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlRecord) employer = pl_store_get (store, PL_TYPE_EMPLOYER, id, &error);
      g_autofree char *notes = NULL;
      gint64 start;
      double ms;
      gboolean saved;

      if (employer == NULL)
        {
          g_printerr ("client %d: employer %" G_GINT64_FORMAT ": %s\n", client, id,
                      error ? error->message : "not found");
          result->failed++;
          return;
        }
      notes = g_strdup_printf ("%s c%de%d", pl_record_get_string (employer, "notes") ?: "",
                               client, n);
      g_object_set (employer, "notes", notes, NULL);

      start = g_get_monotonic_time ();
      saved = pl_store_update (store, employer, &error);
      ms = ms_since (start);
      g_array_append_val (saves, ms);
      if (saved)
        {
          ms = ms_since (edit_start);
          g_array_append_val (edits, ms);
          result->saved++;
          return;
        }
      if (!g_error_matches (error, PL_ERROR, PL_ERROR_CONFLICT))
        {
          g_printerr ("client %d: %s\n", client, error->message);
          result->failed++;
          return;
        }
      result->conflicts++;
    }
}

static void
plan (PlStore      *store,
      int           client,
      ClientResult *result)
{
  g_autoptr(GError) error = NULL;
  PlScheduleOptions options = { .seed = (guint32) client };
  gint64 start = g_get_monotonic_time ();
  GDate today;

  pl_date_today (&today);
  for (guint attempt = 1; attempt <= 10; attempt++)
    {
      PlScheduleResult *run = pl_schedule_run (store, &today, &options, NULL, NULL, NULL, &error);
      gboolean applied;

      result->plan_attempts = attempt;
      if (run == NULL)
        break;
      applied = pl_schedule_apply (store, (PlProposal * const *) run->placed->pdata,
                                   run->placed->len, &today, NULL, &error);
      if (applied)
        result->placed = run->placed->len;
      pl_schedule_result_free (run);
      if (applied)
        {
          result->plan_ok = TRUE;
          break;
        }
      /* A request another client's plan has just proposed is refused as
       * PL_ERROR_NOT_ALLOWED ("has changed since the plan was made"), not
       * as a conflict, so `placements-cli schedule --apply` gives up on
       * it. It is a change made meanwhile all the same: planned again
       * here, and counted apart, so that the figures show how often. */
      if (g_error_matches (error, PL_ERROR, PL_ERROR_CONFLICT))
        result->plan_conflicts++;
      else if (g_error_matches (error, PL_ERROR, PL_ERROR_NOT_ALLOWED))
        result->plan_not_allowed++;
      else
        break;
      g_clear_error (&error);
    }
  if (error != NULL)
    g_printerr ("client %d: plan: %s\n", client, error->message);
  result->plan_ms = ms_since (start);
}

static int
run_client (const char   *uri,
            int           client,
            int           edits,
            const GDate  *monday,
            int           ready,
            int           go,
            int           out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open_existing (uri, &error);
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edit_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) client + 1);
  ClientResult result = { 0 };

  if (store == NULL || !add_requests (store, client, monday, &error))
    {
      g_printerr ("client %d: %s\n", client, error->message);
      wait_for_go (ready, go);
      wait_for_go (ready, go);
      return 1;
    }

  if (!wait_for_go (ready, go))
    return 1;
  for (int i = 0; i < edits; i++)
    edit (store, rand, client, i, saves, edit_times, &result);
  result.save_p95_ms = percentile (saves, 95);
  result.edit_p95_ms = percentile (edit_times, 95);

  if (!wait_for_go (ready, go))
    return 1;
  plan (store, client, &result);

  /* One write of a struct under PIPE_BUF is atomic, so clients' results
   * do not interleave. */
  G_STATIC_ASSERT (sizeof result < 512);
  if (write (out, &result, sizeof result) != sizeof result)
    return 1;
  return result.failed == 0 && result.plan_ok ? 0 : 1;
}

/* The shared host the plans compete for: room for one a day, so that with
 * four clients some of the requests cannot be placed. */
static gboolean
add_host (PlStore  *store,
          GError  **error)
{
  g_autoptr(PlRecord) host = pl_store_find_by_name (store, PL_TYPE_EMPLOYER, HOST_NAME, NULL);
  g_autoptr(PlRecord) model = NULL;

  if (host != NULL)
    return TRUE;
  model = pl_store_get (store, PL_TYPE_EMPLOYER, 1, error);
  if (model == NULL)
    return FALSE;
  host = pl_record_new (PL_TYPE_EMPLOYER);
  g_object_set (host, "name", HOST_NAME, "sector-id", pl_record_get_int (model, "sector_id"),
                "relationship", "host", "capacity", (gint64) 1, "notice-weeks", (gint64) 0,
                "preferred-days", (gint64) 31,
                NULL);
  return pl_store_insert (store, host, error);
}

/* Tokens in the ten employers' notes, each counted once; a token present
 * twice would be a save applied twice, and is counted apart. */
static guint
count_tokens (PlStore *store,
              guint   *duplicates)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *duplicates = 0;
  for (gint64 id = 1; id <= N_EMPLOYERS; id++)
    {
      g_autoptr(PlRecord) employer = pl_store_get (store, PL_TYPE_EMPLOYER, id, NULL);
      g_auto(GStrv) words = NULL;

      if (employer == NULL)
        continue;
      words = g_strsplit (pl_record_get_string (employer, "notes") ?: "", " ", -1);
      for (guint i = 0; words[i] != NULL; i++)
        {
          int c, e, consumed = 0;

          if (sscanf (words[i], "c%de%d%n", &c, &e, &consumed) != 2 ||
              consumed != (int) strlen (words[i]))
            continue;
          if (!g_hash_table_add (seen, g_strdup (words[i])))
            (*duplicates)++;
        }
    }
  return g_hash_table_size (seen);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GArray) plan_ms = g_array_new (FALSE, FALSE, sizeof (double));
  int clients, edits, ready[2], go[2], out[2];
  gint64 start;
  double edit_seconds, plan_seconds, save_p95 = 0, edit_p95 = 0;
  guint saved = 0, conflicts = 0, failed = 0, placed = 0, plans_ok = 0;
  guint plan_conflicts = 0, plan_not_allowed = 0;
  guint before, after, duplicates_before, duplicates, received = 0;
  ClientResult result;
  GDate monday;

  setlocale (LC_ALL, "");
  if (argc != 4 || (clients = atoi (argv[2])) < 1 || (edits = atoi (argv[3])) < 0)
    {
      g_printerr ("usage: shared-edits URI CLIENTS EDITS\n");
      return 2;
    }

  store = pl_store_open_existing (argv[1], &error);
  if (store == NULL || !add_host (store, &error))
    {
      g_printerr ("shared-edits: %s\n", error->message);
      return 1;
    }
  before = count_tokens (store, &duplicates_before);

  /* Weeks far enough ahead for any notice, and the same for everyone. */
  pl_date_today (&monday);
  g_date_add_days (&monday, 70);
  while (g_date_get_weekday (&monday) != G_DATE_MONDAY)
    g_date_add_days (&monday, 1);

  if (pipe (ready) != 0 || pipe (go) != 0 || pipe (out) != 0)
    return 1;
  for (int c = 0; c < clients; c++)
    if (fork () == 0)
      {
        close (ready[0]);
        close (go[1]);
        close (out[0]);
        _exit (run_client (argv[1], c, edits, &monday, ready[1], go[0], out[1]));
      }
  close (ready[1]);
  close (go[0]);
  close (out[1]);

  /* Every client has its requests and connection: edit, all at once. */
  release (ready[0], go[1], clients);
  start = g_get_monotonic_time ();
  /* Every client has finished editing: plan, all at once. */
  release (ready[0], go[1], clients);
  edit_seconds = (g_get_monotonic_time () - start) / 1e6;
  start = g_get_monotonic_time ();

  while (read (out[0], &result, sizeof result) == sizeof result)
    {
      received++;
      saved += result.saved;
      conflicts += result.conflicts;
      failed += result.failed;
      save_p95 = MAX (save_p95, result.save_p95_ms);
      edit_p95 = MAX (edit_p95, result.edit_p95_ms);
      placed += result.placed;
      plan_conflicts += result.plan_conflicts;
      plan_not_allowed += result.plan_not_allowed;
      plans_ok += result.plan_ok;
      g_array_append_val (plan_ms, result.plan_ms);
    }
  plan_seconds = (g_get_monotonic_time () - start) / 1e6;
  for (int c = 0; c < clients; c++)
    wait (NULL);

  after = count_tokens (store, &duplicates);
  {
    guint present = after - before;
    int lost = (int) saved - (int) present;

    g_print ("clients %d, %u edits saved in %.2f s: %.0f edits/s, p95 save %.2f ms, "
             "p95 edit (with retries) %.2f ms, conflicts %u, lost updates %d, "
             "duplicated %u, failed %u; plans: %u of %d applied, %u placed, planned again "
             "after %u conflicts and %u \"changed since the plan was made\", "
             "%.0f ms a client (median), %.0f ms slowest, %.2f s all\n",
             clients, saved, edit_seconds, saved / edit_seconds, save_p95, edit_p95, conflicts,
             lost, duplicates - duplicates_before, failed, plans_ok, clients, placed,
             plan_conflicts, plan_not_allowed, percentile (plan_ms, 50),
             percentile (plan_ms, 100), plan_seconds);
    g_print ("RESULT clients=%d saved=%u seconds=%.3f edits_per_s=%.1f save_p95_ms=%.2f "
             "edit_p95_ms=%.2f conflicts=%u lost=%d duplicated=%u failed=%u plans_ok=%u "
             "placed=%u plan_conflicts=%u plan_not_allowed=%u plan_median_ms=%.0f "
             "plan_max_ms=%.0f\n",
             clients, saved, edit_seconds, saved / edit_seconds, save_p95, edit_p95, conflicts,
             lost, duplicates - duplicates_before, failed, plans_ok, placed, plan_conflicts,
             plan_not_allowed,
             percentile (plan_ms, 50), percentile (plan_ms, 100));

    return received == (guint) clients && failed == 0 && lost == 0 &&
           plans_ok == (guint) clients ? 0 : 1;
  }
}
