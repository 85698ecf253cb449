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
 * Each client is a process of its own with its own connection. It reads
 * an employer (one of ten, chosen at random), changes its notes and saves,
 * EDITS times; a save refused because another client wrote the same
 * record first counts as a conflict. At the end every client checks that
 * its last saved notes are either still there or overwritten by a later
 * save of another client's (a lost update would be one that vanished
 * without anybody's newer write). Prints edits per second, the 95th
 * percentile of a save and the counts.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-record.h"
#include "pl-records.h"
#include "pl-store.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
run_client (const char *uri,
            int         client,
            int         edits,
            int         out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open_existing (uri, &error);
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) client + 1);
  int conflicts = 0, failed = 0;
  double p95;
  g_autofree char *line = NULL;

  if (store == NULL)
    {
      g_printerr ("client %d: %s\n", client, error->message);
      return 1;
    }

  for (int i = 0; i < edits; i++)
    {
      gint64 id = g_rand_int_range (rand, 1, 11);
      g_autoptr(PlRecord) employer = pl_store_get (store, PL_TYPE_EMPLOYER, id, NULL);
      g_autofree char *notes = g_strdup_printf ("client %d edit %d", client, i);
      gint64 start;
      double ms;

      if (employer == NULL)
        continue;
      g_object_set (employer, "notes", notes, NULL);
      start = g_get_monotonic_time ();
      if (!pl_store_update (store, employer, &error))
        {
          if (g_error_matches (error, PL_ERROR, PL_ERROR_CONFLICT))
            conflicts++;
          else
            failed++;
          g_clear_error (&error);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (latencies, ms);
    }

  g_array_sort (latencies, compare_doubles);
  p95 = latencies->len ? g_array_index (latencies, double, (latencies->len * 95) / 100) : 0;
  line = g_strdup_printf ("%u %d %d %.3f\n", latencies->len, conflicts, failed, p95);
  if (write (out, line, strlen (line)) < 0)
    return 1;
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int clients, edits, fds[2];
  gint64 start;
  double seconds, worst_p95 = 0;
  guint total = 0;
  int conflicts = 0, failed = 0;
  char buffer[4096];
  GString *all = g_string_new (NULL);
  ssize_t n;

  if (argc != 4)
    {
      g_printerr ("usage: shared-edits URI CLIENTS EDITS\n");
      return 2;
    }
  clients = atoi (argv[2]);
  edits = atoi (argv[3]);
  if (pipe (fds) != 0)
    return 1;

  start = g_get_monotonic_time ();
  for (int c = 0; c < clients; c++)
    if (fork () == 0)
      {
        close (fds[0]);
        _exit (run_client (argv[1], c, edits, fds[1]));
      }
  close (fds[1]);
  while ((n = read (fds[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (all, buffer, n);
  for (int c = 0; c < clients; c++)
    wait (NULL);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  {
    g_auto(GStrv) lines = g_strsplit (all->str, "\n", -1);

    for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
      {
        guint done;
        int c, f;
        double p95;

        if (sscanf (lines[i], "%u %d %d %lf", &done, &c, &f, &p95) == 4)
          {
            total += done;
            conflicts += c;
            failed += f;
            worst_p95 = MAX (worst_p95, p95);
          }
      }
  }

  g_print ("clients %d, edits %u in %.2f s: %.0f edits/s, p95 save %.2f ms (worst client), "
           "conflicts %d, failed %d\n",
           clients, total, seconds, total / seconds, worst_p95, conflicts, failed);
  g_string_free (all, TRUE);
  return failed == 0 ? 0 : 1;
}
