/* bench-schedule.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The scheduler benchmark's three tools, driven by bench/schedule.sh:
 *
 *   bench-schedule generate DB --requests N --employers M [--seed S] [--sectors K] [--tight]
 *       writes a deterministic network over two academic years: partners
 *       with terms, half-terms, holidays and exam seasons; staff with
 *       teaching days; employers with capacity, notice, preferred days,
 *       blackouts and busy seasons; confirmed placements already holding
 *       days; and N requests with windows given as terms, date ranges, a
 *       whole year or nothing.
 *   bench-schedule plan DB [--seed S] [--greedy] [--budget N]
 *       plans and prints one JSON line of figures.
 *   bench-schedule lp DB FILE.lp
 *       writes the same problem as a mixed-integer programme (CPLEX LP
 *       format, read by both CBC and GLPK) and prints the weight M of a
 *       placement, so that objective = M × placed + score.
 *
 * Today is 24 August 2026 unless --today says otherwise. */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pl-date.h"
#include "pl-problem.h"
#include "pl-solver.h"
#include "pl-store.h"
#include "pl-test-sqlite.h"

static const struct
{
  const char *name;
  int         employers;   /* share of employers, ‰ */
  int         requests;    /* share of requests, ‰ */
} sectors[] = {
  { "Catering and Hospitality", 150, 130 },
  { "Digital", 120, 150 },
  { "Construction", 120, 100 },
  { "Engineering and Manufacturing", 100, 100 },
  { "Health and Science", 80, 80 },
  { "Care Services", 80, 70 },
  { "Business and Administration", 70, 60 },
  { "Creative and Design", 60, 90 },
  { "Hair and Beauty", 40, 70 },
  { "Education and Childcare", 40, 40 },
  { "Transport and Logistics", 40, 30 },
  { "Legal, Finance and Accounting", 30, 30 },
  { "Sales, Marketing and Procurement", 30, 20 },
  { "Agriculture, Environmental and Animal Care", 20, 20 },
  { "Protective Services", 20, 10 },
};

typedef struct
{
  GRand   *rand;
  sqlite3 *db;
  GDate    today;
  guint    n_sectors;
  gint64   sector_ids[G_N_ELEMENTS (sectors)];
  gboolean tight;
} Generator;

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare_or_die (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static gint64
step_or_die (sqlite3      *db,
             sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return sqlite3_last_insert_rowid (db);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           column,
           const GDate  *date)
{
  g_autofree char *iso = pl_date_to_iso (date);

  sqlite3_bind_text (stmt, column, iso, -1, SQLITE_TRANSIENT);
}

static void
date_dmy (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
date_add (GDate       *out,
          const GDate *from,
          int          days)
{
  *out = *from;
  if (days >= 0)
    g_date_add_days (out, days);
  else
    g_date_subtract_days (out, -days);
}

/* A sector drawn with the weights of @column (0 employers, 1 requests). */
static guint
draw_sector (Generator *self,
             int        column)
{
  int total = 0, pick;

  for (guint i = 0; i < self->n_sectors; i++)
    total += column == 0 ? sectors[i].employers : sectors[i].requests;
  pick = g_rand_int_range (self->rand, 0, total);
  for (guint i = 0; i < self->n_sectors; i++)
    {
      pick -= column == 0 ? sectors[i].employers : sectors[i].requests;
      if (pick < 0)
        return i;
    }
  return 0;
}

static int
draw (Generator  *self,
      const int  *weights,
      guint       n)
{
  int total = 0, pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  pick = g_rand_int_range (self->rand, 0, total);
  for (guint i = 0; i < n; i++)
    if ((pick -= weights[i]) < 0)
      return i;
  return 0;
}

typedef struct
{
  gint64 period_id;
  GDate  start;
  GDate  end;
} Term;

#define N_PARTNERS 25
#define N_YEARS 2

static void
generate (const char *path,
          guint       n_requests,
          guint       n_employers,
          guint32     seed,
          guint       n_sectors,
          gboolean    tight,
          const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  Generator self = { 0 };
  Term terms[N_PARTNERS][N_YEARS * 3];
  gint64 partner_ids[N_PARTNERS];
  g_autofree gint64 *staff_ids = NULL;
  g_autofree guint *staff_partner = NULL;
  g_autofree guint *staff_sector = NULL;
  g_autofree guint *staff_free = NULL;
  g_autofree gint64 *employer_ids = NULL;
  g_autofree guint *employer_sector = NULL;
  GArray *by_sector[G_N_ELEMENTS (sectors)];
  guint n_staff;
  sqlite3_stmt *stmt;
  int first_year;

  store = pl_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  self.rand = g_rand_new_with_seed (seed);
  self.db = pl_store_get_sqlite (store);
  self.today = *today;
  self.n_sectors = CLAMP (n_sectors, 1, G_N_ELEMENTS (sectors));
  self.tight = tight;
  /* The two academic years from the first one the lead time reaches. */
  {
    GDate reach, start;

    date_add (&reach, today, 42);
    pl_date_academic_year_start (&reach, &start);
    first_year = g_date_get_year (&start);
  }

  exec_or_die (self.db, "BEGIN");

  stmt = prepare_or_die (self.db, "SELECT id FROM sector WHERE name = ?");
  for (guint i = 0; i < G_N_ELEMENTS (sectors); i++)
    {
      sqlite3_bind_text (stmt, 1, sectors[i].name, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("no sector %s", sectors[i].name);
      self.sector_ids[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      by_sector[i] = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  sqlite3_finalize (stmt);

  /* Partners and their calendars: three terms a year, each with a
   * half-term; holidays between; exams from mid-May to late June. */
  {
    sqlite3_stmt *partner = prepare_or_die (self.db, "INSERT INTO partner (name, kind) VALUES (?, 'college')");
    sqlite3_stmt *period = prepare_or_die (self.db,
                                           "INSERT INTO calendar_period (owner_kind, partner_id, kind,"
                                           " label, start_date, end_date) VALUES ('partner', ?, ?, ?, ?, ?)");

    for (guint p = 0; p < N_PARTNERS; p++)
      {
        g_autofree char *name = g_strdup_printf ("College %02u", p + 1);
        int shift = g_rand_int_range (self.rand, -3, 4);

        sqlite3_bind_text (partner, 1, name, -1, SQLITE_TRANSIENT);
        partner_ids[p] = step_or_die (self.db, partner);

        for (guint y = 0; y < N_YEARS; y++)
          {
            int year = first_year + y;
            static const int starts[3][2] = { { 7, 9 }, { 5, 1 }, { 12, 4 } };
            static const int ends[3][2] = { { 18, 12 }, { 26, 3 }, { 16, 7 } };
            static const int halves[3][2] = { { 26, 10 }, { 15, 2 }, { 31, 5 } };
            GDate exam_start, exam_end;

            for (guint t = 0; t < 3; t++)
              {
                Term *term = &terms[p][y * 3 + t];
                int ty = t == 0 ? year : year + 1;
                GDate half_start, half_end;

                date_dmy (&term->start, starts[t][0], starts[t][1], ty);
                date_dmy (&term->end, ends[t][0], ends[t][1], ty);
                date_add (&term->start, &term->start, shift);
                date_add (&term->end, &term->end, shift);
                date_dmy (&half_start, halves[t][0], halves[t][1], ty);
                date_add (&half_start, &half_start, shift);
                date_add (&half_end, &half_start, 4);

                sqlite3_bind_int64 (period, 1, partner_ids[p]);
                sqlite3_bind_text (period, 2, "term", -1, SQLITE_STATIC);
                sqlite3_bind_text (period, 3, "Term", -1, SQLITE_STATIC);
                bind_date (period, 4, &term->start);
                bind_date (period, 5, &term->end);
                term->period_id = step_or_die (self.db, period);

                sqlite3_bind_int64 (period, 1, partner_ids[p]);
                sqlite3_bind_text (period, 2, "holiday", -1, SQLITE_STATIC);
                sqlite3_bind_text (period, 3, "Half-term", -1, SQLITE_STATIC);
                bind_date (period, 4, &half_start);
                bind_date (period, 5, &half_end);
                step_or_die (self.db, period);
              }

            date_dmy (&exam_start, 15, 5, year + 1);
            date_dmy (&exam_end, 20, 6, year + 1);
            date_add (&exam_start, &exam_start, g_rand_int_range (self.rand, -7, 8));
            sqlite3_bind_int64 (period, 1, partner_ids[p]);
            sqlite3_bind_text (period, 2, "exam", -1, SQLITE_STATIC);
            sqlite3_bind_text (period, 3, "Exams", -1, SQLITE_STATIC);
            bind_date (period, 4, &exam_start);
            bind_date (period, 5, &exam_end);
            step_or_die (self.db, period);

            /* The holidays between terms. */
            for (guint t = 0; t < 3; t++)
              {
                Term *term = &terms[p][y * 3 + t];
                GDate from, to;

                date_add (&from, &term->end, 1);
                if (t < 2)
                  date_add (&to, &terms[p][y * 3 + t + 1].start, -1);
                else
                  date_dmy (&to, 31, 8, year + 1);
                sqlite3_bind_int64 (period, 1, partner_ids[p]);
                sqlite3_bind_text (period, 2, "holiday", -1, SQLITE_STATIC);
                sqlite3_bind_text (period, 3, "Holiday", -1, SQLITE_STATIC);
                bind_date (period, 4, &from);
                bind_date (period, 5, &to);
                step_or_die (self.db, period);
              }
          }
      }
    sqlite3_finalize (partner);
    sqlite3_finalize (period);
  }

  /* Staff: most have one request, some two. Each is free on one to three
   * weekdays in a row (Friday and Monday are consecutive working days). */
  n_staff = MAX (1, n_requests * 4 / 5);
  staff_ids = g_new0 (gint64, n_staff);
  staff_partner = g_new0 (guint, n_staff);
  staff_sector = g_new0 (guint, n_staff);
  staff_free = g_new0 (guint, n_staff);
  {
    sqlite3_stmt *insert = prepare_or_die (self.db,
                                           "INSERT INTO staff (partner_id, name, sector_id, teaching_days)"
                                           " VALUES (?, ?, ?, ?)");
    static const int free_weights[] = { 30, 45, 25 };

    for (guint s = 0; s < n_staff; s++)
      {
        g_autofree char *name = g_strdup_printf ("Staff %05u", s + 1);
        guint n_free = 1 + draw (&self, free_weights, 3);
        guint first = g_rand_int_range (self.rand, 0, 5);
        guint free_mask = 0;

        for (guint k = 0; k < n_free; k++)
          free_mask |= 1 << ((first + k) % 5);
        staff_partner[s] = g_rand_int_range (self.rand, 0, N_PARTNERS);
        staff_sector[s] = draw_sector (&self, 1);
        staff_free[s] = n_free;

        sqlite3_bind_int64 (insert, 1, partner_ids[staff_partner[s]]);
        sqlite3_bind_text (insert, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (insert, 3, self.sector_ids[staff_sector[s]]);
        sqlite3_bind_int (insert, 4, 0x1f & ~free_mask);
        staff_ids[s] = step_or_die (self.db, insert);
      }
    sqlite3_finalize (insert);
  }

  /* Employers, with their blackouts and busy seasons. */
  employer_ids = g_new0 (gint64, n_employers);
  employer_sector = g_new0 (guint, n_employers);
  {
    sqlite3_stmt *insert = prepare_or_die (self.db,
                                           "INSERT INTO employer (name, sector_id, capacity, notice_weeks,"
                                           " preferred_days, relationship) VALUES (?, ?, ?, ?, ?, ?)");
    sqlite3_stmt *period = prepare_or_die (self.db,
                                           "INSERT INTO calendar_period (owner_kind, employer_id, kind,"
                                           " label, start_date, end_date) VALUES ('employer', ?, ?, ?, ?, ?)");
    static const int capacity_weights[] = { 60, 30, 10 };
    static const int notice[] = { 0, 2, 4, 6, 8, 12 };
    static const int notice_weights[] = { 30, 20, 20, 15, 10, 5 };
    static const char * const relationships[] = { "prospect", "contacted", "warm", "host", "lapsed" };
    static const int relationship_weights[] = { 30, 25, 20, 20, 5 };

    for (guint e = 0; e < n_employers; e++)
      {
        g_autofree char *name = g_strdup_printf ("Employer %04u", e + 1);
        guint sector = draw_sector (&self, 0);
        int preferred = g_rand_int_range (self.rand, 0, 3) == 0
                        ? 1 + g_rand_int_range (self.rand, 0, 31) : 31;

        employer_sector[e] = sector;
        g_array_append_val (by_sector[sector], e);
        sqlite3_bind_text (insert, 1, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (insert, 2, self.sector_ids[sector]);
        sqlite3_bind_int (insert, 3, tight ? 1 : 1 + draw (&self, capacity_weights, 3));
        sqlite3_bind_int (insert, 4, notice[draw (&self, notice_weights, G_N_ELEMENTS (notice))]);
        sqlite3_bind_int (insert, 5, preferred);
        sqlite3_bind_text (insert, 6, relationships[draw (&self, relationship_weights, 5)], -1,
                           SQLITE_STATIC);
        employer_ids[e] = step_or_die (self.db, insert);

        for (guint k = 0; k < 2; k++)
          {
            gboolean blackout = k == 0;
            GDate start, end;

            if (g_rand_int_range (self.rand, 0, 10) >= (blackout ? 3 : 5))
              continue;
            date_add (&start, today, g_rand_int_range (self.rand, 0, 700));
            date_add (&end, &start, 7 * g_rand_int_range (self.rand, blackout ? 1 : 3,
                                                          blackout ? 5 : 9) - 3);
            sqlite3_bind_int64 (period, 1, employer_ids[e]);
            sqlite3_bind_text (period, 2, blackout ? "blackout" : "busy", -1, SQLITE_STATIC);
            sqlite3_bind_text (period, 3, blackout ? "Closed" : "Busy season", -1, SQLITE_STATIC);
            bind_date (period, 4, &start);
            bind_date (period, 5, &end);
            step_or_die (self.db, period);
          }
      }
    sqlite3_finalize (insert);
    sqlite3_finalize (period);
  }

  /* Requests, and some placements already confirmed. */
  {
    sqlite3_stmt *insert = prepare_or_die (self.db,
                                           "INSERT INTO placement (staff_id, sector_id, employer_id, status,"
                                           " window_start, window_end, length) VALUES (?, ?, ?, ?, ?, ?, ?)");
    sqlite3_stmt *term = prepare_or_die (self.db,
                                         "INSERT INTO placement_term (placement_id, period_id) VALUES (?, ?)");
    sqlite3_stmt *day = prepare_or_die (self.db,
                                        "INSERT INTO placement_day (placement_id, day) VALUES (?, ?)");
    static const int window_weights[] = { 45, 35, 15, 5 };
    static const int length_weights[] = { 60, 30, 10 };

    for (guint r = 0; r < n_requests; r++)
      {
        guint s = r < n_staff ? r : (guint) g_rand_int_range (self.rand, 0, n_staff);
        guint partner = staff_partner[s];
        int kind = tight ? 1 : draw (&self, window_weights, 4);
        guint length = 1 + draw (&self, length_weights, 3);
        Term *chosen = &terms[partner][g_rand_int_range (self.rand, 0, N_YEARS * 3)];
        GArray *candidates = by_sector[staff_sector[s]];
        gint64 id;

        /* Most ask for what their free days allow. */
        if (g_rand_int_range (self.rand, 0, 10) != 0)
          length = MIN (length, staff_free[s]);

        sqlite3_bind_int64 (insert, 1, staff_ids[s]);
        sqlite3_bind_int64 (insert, 2, self.sector_ids[staff_sector[s]]);
        if (candidates->len > 0 && g_rand_int_range (self.rand, 0, 20) == 0)
          sqlite3_bind_int64 (insert, 3,
                              employer_ids[g_array_index (candidates, guint,
                                                          g_rand_int_range (self.rand, 0,
                                                                            candidates->len))]);
        sqlite3_bind_text (insert, 4, "request", -1, SQLITE_STATIC);
        if (kind == 1)
          {
            /* A few weeks somewhere in a term. */
            GDate start, end;
            int span = g_date_days_between (&chosen->start, &chosen->end);
            int weeks = tight ? g_rand_int_range (self.rand, 1, 3) : g_rand_int_range (self.rand, 2, 7);

            /* Tight networks crowd into the first month of the spring term. */
            if (tight)
              {
                chosen = &terms[partner][1];
                span = 28;
              }
            date_add (&start, &chosen->start, g_rand_int_range (self.rand, 0, MAX (1, span - 7 * weeks)));
            date_add (&end, &start, 7 * weeks - 3);
            bind_date (insert, 5, &start);
            bind_date (insert, 6, &end);
          }
        else if (kind == 2)
          {
            /* A whole academic year. */
            GDate start, end;
            guint y = g_rand_int_range (self.rand, 0, N_YEARS);

            date_dmy (&start, 1, 9, first_year + y);
            date_dmy (&end, 31, 8, first_year + y + 1);
            bind_date (insert, 5, &start);
            bind_date (insert, 6, &end);
          }
        sqlite3_bind_int (insert, 7, length);
        id = step_or_die (self.db, insert);

        if (kind == 0)
          {
            sqlite3_bind_int64 (term, 1, id);
            sqlite3_bind_int64 (term, 2, chosen->period_id);
            step_or_die (self.db, term);
          }
      }

    /* A tenth of the employers already host someone, confirmed. */
    for (guint e = 0; e < n_employers / 10; e++)
      {
        guint employer = g_rand_int_range (self.rand, 0, n_employers);
        guint s = g_rand_int_range (self.rand, 0, n_staff);
        GDate first;
        gint64 id;

        date_add (&first, today, 42 + g_rand_int_range (self.rand, 0, 600));
        while (g_date_get_weekday (&first) > G_DATE_THURSDAY)
          g_date_add_days (&first, 1);
        sqlite3_bind_int64 (insert, 1, staff_ids[s]);
        sqlite3_bind_int64 (insert, 2, self.sector_ids[employer_sector[employer]]);
        sqlite3_bind_int64 (insert, 3, employer_ids[employer]);
        sqlite3_bind_text (insert, 4, "confirmed", -1, SQLITE_STATIC);
        sqlite3_bind_int (insert, 7, 2);
        id = step_or_die (self.db, insert);
        for (guint k = 0; k < 2; k++)
          {
            GDate d;

            date_add (&d, &first, k);
            sqlite3_bind_int64 (day, 1, id);
            bind_date (day, 2, &d);
            step_or_die (self.db, day);
          }
      }

    sqlite3_finalize (insert);
    sqlite3_finalize (term);
    sqlite3_finalize (day);
  }

  exec_or_die (self.db, "COMMIT");
  g_rand_free (self.rand);
  for (guint i = 0; i < G_N_ELEMENTS (sectors); i++)
    g_array_unref (by_sector[i]);
}

/* CPU time of this process, in milliseconds: the machine may be busy
 * with other work, which wall-clock time would count against us. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
plan (const char  *path,
      const GDate *today,
      guint32      seed,
      gboolean     greedy,
      guint64      budget)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlProblem) problem = NULL;
  g_autoptr(PlSolver) solver = NULL;
  PlSolveOptions options = { 0 };
  gint64 t0, t1, t2, t3;
  double c0, c1, c2;
  guint rules[PL_N_RULES] = { 0 };
  guint n_movable;

  store = pl_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  t0 = g_get_monotonic_time ();
  c0 = cpu_ms ();
  problem = pl_problem_new_for_store (store, today, &error);
  if (problem == NULL)
    g_error ("%s", error->message);
  t1 = g_get_monotonic_time ();
  c1 = cpu_ms ();

  solver = pl_solver_new (problem, PL_JOB_PLAN, -1);
  options.seed = seed;
  options.greedy_only = greedy;
  options.budget = budget;
  if (!pl_solver_solve (solver, &options, &error))
    g_error ("%s", error->message);
  t2 = g_get_monotonic_time ();
  c2 = cpu_ms ();

  n_movable = pl_solver_get_n_movable (solver);
  for (guint i = 0; i < n_movable; i++)
    {
      guint p = pl_solver_get_movable (solver, i);
      g_autofree char *text = NULL;

      if (!pl_solver_get_assignment (solver, p, NULL, NULL))
        {
          rules[pl_solver_explain (solver, p, &text)]++;
          if (g_getenv ("BENCH_VERBOSE") != NULL)
            g_printerr ("unplaced %u (placement %" G_GINT64_FORMAT "): %s\n", i,
                        problem->placements[p].id, text);
        }
    }
  t3 = g_get_monotonic_time ();

  g_print ("{\"requests\": %u, \"employers\": %u, \"days\": %u, \"placed\": %u, \"score\": %"
           G_GINT64_FORMAT ", \"load_ms\": %.1f, \"solve_ms\": %.1f, \"explain_ms\": %.1f,"
           " \"load_cpu_ms\": %.1f, \"solve_cpu_ms\": %.1f, \"unplaced_by_rule\": {",
           n_movable, problem->n_employers, problem->n_days, pl_solver_get_n_placed (solver),
           pl_solver_get_score (solver), (t1 - t0) / 1000.0, (t2 - t1) / 1000.0,
           (t3 - t2) / 1000.0, c1 - c0, c2 - c1);
  for (guint r = 0, first = 1; r < PL_N_RULES; r++)
    if (rules[r] > 0)
      {
        g_print ("%s\"%s\": %u", first ? "" : ", ", pl_rule_to_string (r), rules[r]);
        first = 0;
      }
  g_print ("}}\n");
  return 0;
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

/* The same problem as a mixed-integer programme:
 *   x[r,o] = 1 when request r takes option o (employer, first day);
 *   each request at most one option; on each day each employer at most its
 *   capacity less the fixed placements, each staff member at most one;
 *   z[e,k] is the k-th placement at employer e (its spread points fall
 *   with k, so the relaxation fills them in order and they need not be
 *   integer): Σ x at e = Σ z[e,·] (spread beyond the requests' number is unused);
 *   maximise M × Σ x + Σ points(x) + Σ spread(k) z[e,k]. */
static int
write_lp (const char  *path,
          const GDate *today,
          const char  *out_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlProblem) problem = NULL;
  g_autoptr(PlSolver) solver = NULL;
  g_autoptr(GPtrArray) per_request = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       free_string);
  g_autofree guint *per_employer = NULL;
  guint n_movable, n_days;
  gint64 max_points = 0, big;
  FILE *out;

  store = pl_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  problem = pl_problem_new_for_store (store, today, &error);
  if (problem == NULL)
    g_error ("%s", error->message);
  solver = pl_solver_new (problem, PL_JOB_PLAN, -1);
  n_movable = pl_solver_get_n_movable (solver);
  n_days = problem->n_days;
  per_employer = g_new0 (guint, MAX (1, problem->n_employers));

  for (guint i = 0; i < n_movable; i++)
    {
      GArray *options = pl_solver_static_options (solver, pl_solver_get_movable (solver, i));
      gint64 best = 0;

      for (guint o = 0; o < options->len; o++)
        best = MAX (best, g_array_index (options, PlOption, o).score);
      max_points += best + pl_solver_spread_points (solver, 1);
      g_ptr_array_add (per_request, options);
    }
  /* One more placement must outweigh any difference in points. */
  big = max_points + 1;

  out = fopen (out_path, "w");
  if (out == NULL)
    g_error ("%s: %s", out_path, g_strerror (errno));

  fprintf (out, "\\ Placements plan: %u requests, %u employers, %u days\nMaximize\n obj:\n",
           n_movable, problem->n_employers, n_days);
  for (guint i = 0; i < n_movable; i++)
    {
      GArray *options = per_request->pdata[i];

      for (guint o = 0; o < options->len; o++)
        {
          const PlOption *option = &g_array_index (options, PlOption, o);

          fprintf (out, " + %" G_GINT64_FORMAT " x_%u_%u\n", big + option->score, i, o);
          per_employer[option->employer] = MIN (per_employer[option->employer] + 1, n_movable);
        }
    }
  for (guint e = 0; e < problem->n_employers; e++)
    for (guint k = 1; k <= per_employer[e]; k++)
      {
        gint64 points = pl_solver_spread_points (solver, pl_solver_fixed_count (solver, e) + k);

        if (points > 0)
          fprintf (out, " + %" G_GINT64_FORMAT " z_%u_%u\n", points, e, k);
      }

  fprintf (out, "Subject To\n");
  for (guint i = 0; i < n_movable; i++)
    {
      GArray *options = per_request->pdata[i];
      guint p = pl_solver_get_movable (solver, i);
      const PlProblemPlacement *placement = &problem->placements[p];

      if (options->len == 0)
        continue;
      fprintf (out, " one_%u:\n", i);
      for (guint o = 0; o < options->len; o++)
        fprintf (out, " + x_%u_%u\n", i, o);
      fprintf (out, " <= 1\n");

      for (guint o = 0; o < options->len; o++)
        {
          const PlOption *option = &g_array_index (options, PlOption, o);

          for (guint d = option->start; d < option->start + placement->length; d++)
            {
              g_autofree char *cap = g_strdup_printf ("c %u %u", option->employer, d);
              g_autofree char *busy = g_strdup_printf ("s %u %u", placement->staff, d);
              GString *row;

              row = g_hash_table_lookup (cells, cap);
              if (row == NULL)
                g_hash_table_insert (cells, g_strdup (cap), row = g_string_new (NULL));
              g_string_append_printf (row, " + x_%u_%u\n", i, o);

              row = g_hash_table_lookup (cells, busy);
              if (row == NULL)
                g_hash_table_insert (cells, g_strdup (busy), row = g_string_new (NULL));
              g_string_append_printf (row, " + x_%u_%u\n", i, o);
            }
        }
    }

  {
    g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (cells), (GCompareFunc) strcmp);
    guint n = 0;

    for (GList *l = keys; l != NULL; l = l->next)
      {
        const char *key = l->data;
        GString *row = g_hash_table_lookup (cells, key);
        guint a, b, limit;

        if (sscanf (key + 2, "%u %u", &a, &b) != 2)
          continue;
        if (key[0] == 'c')
          limit = problem->employers[a].capacity - pl_solver_fixed_load (solver, a, b);
        else
          limit = 1;
        /* A row of one option that fits on its own needs no constraint. */
        if (strchr (row->str, '\n') == row->str + row->len - 1 && limit >= 1)
          continue;
        fprintf (out, " %s_%u:\n%s <= %u\n", key[0] == 'c' ? "cap" : "staff", n++, row->str,
                 limit);
      }
  }

  for (guint e = 0; e < problem->n_employers; e++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < n_movable; i++)
        {
          GArray *options = per_request->pdata[i];

          for (guint o = 0; o < options->len; o++)
            if (g_array_index (options, PlOption, o).employer == e)
              {
                if (!any)
                  fprintf (out, " spread_%u:\n", e);
                any = TRUE;
                fprintf (out, " + x_%u_%u\n", i, o);
              }
        }
      if (!any)
        continue;
      for (guint k = 1; k <= per_employer[e]; k++)
        if (pl_solver_spread_points (solver, pl_solver_fixed_count (solver, e) + k) > 0)
          fprintf (out, " - z_%u_%u\n", e, k);
      fprintf (out, " = 0\n");
    }

  fprintf (out, "Bounds\n");
  for (guint e = 0; e < problem->n_employers; e++)
    for (guint k = 1; k <= per_employer[e]; k++)
      if (pl_solver_spread_points (solver, pl_solver_fixed_count (solver, e) + k) > 0)
        fprintf (out, " 0 <= z_%u_%u <= 1\n", e, k);
  fprintf (out, "Binary\n");
  for (guint i = 0; i < n_movable; i++)
    {
      GArray *options = per_request->pdata[i];

      for (guint o = 0; o < options->len; o++)
        fprintf (out, " x_%u_%u\n", i, o);
    }
  fprintf (out, "End\n");
  fclose (out);

  g_print ("{\"big\": %" G_GINT64_FORMAT "}\n", big);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *today_text = NULL;
  gint requests = 100, employers = 20, seed = 1, n_sectors = G_N_ELEMENTS (sectors);
  gint64 budget = 0;
  gboolean tight = FALSE, greedy = FALSE;
  GOptionEntry entries[] = {
    { "requests", 0, 0, G_OPTION_ARG_INT, &requests, "Requests", "N" },
    { "employers", 0, 0, G_OPTION_ARG_INT, &employers, "Employers", "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed", "S" },
    { "sectors", 0, 0, G_OPTION_ARG_INT, &n_sectors, "Sectors used", "K" },
    { "tight", 0, 0, G_OPTION_ARG_NONE, &tight, "Short windows, capacity 1", NULL },
    { "greedy", 0, 0, G_OPTION_ARG_NONE, &greedy, "Construction only", NULL },
    { "budget", 0, 0, G_OPTION_ARG_INT64, &budget, "Improvement budget", "N" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, "Today", "DATE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("generate|plan|lp DB [FILE]");
  g_autoptr(GError) error = NULL;
  GDate today;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 3)
    {
      g_printerr ("%s\n", error ? error->message : "usage: bench-schedule generate|plan|lp DB [FILE]");
      return 2;
    }
  if (!pl_date_parse (today_text ? today_text : "2026-08-24", &today))
    return 2;

  if (g_str_equal (argv[1], "generate"))
    generate (argv[2], requests, employers, seed, n_sectors, tight, &today);
  else if (g_str_equal (argv[1], "plan"))
    return plan (argv[2], &today, seed, greedy, budget);
  else if (g_str_equal (argv[1], "lp") && argc >= 4)
    return write_lp (argv[2], &today, argv[3]);
  else
    return 2;

  return 0;
}
