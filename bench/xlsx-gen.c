/* xlsx-gen.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* xlsx-gen --seed N --placements N DB
 *
 * Fills DB (made by `placements-cli init`) with the network of
 * xlsx-model.h in one transaction: N placements, N/5 staff, N/20 employers,
 * their days, cascades, milestones and observations. */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "xlsx-model.h"

static const char * const milestone_kinds[MODEL_MILESTONES] = {
  "first_contact", "agreement", "planner", "induction", "confirmation", "reflection", "cascade",
  "observation",
};

static sqlite3 *db;

static void
check (int rc, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "xlsx-gen: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static sqlite3_stmt *
prepare (const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  check (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), sql);
  return stmt;
}

static void
step (sqlite3_stmt *stmt, const char *what)
{
  check (sqlite3_step (stmt), what);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
bind_text (sqlite3_stmt *stmt, int i, const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
}

int
main (int argc, char *argv[])
{
  guint64 seed = 1;
  guint n = 100000;
  const char *path = NULL;
  guint n_staff, n_employers;
  ModelEmployer *employers;
  sqlite3_stmt *partner, *staff, *employer, *placement, *day, *cascade, *milestone, *observation;
  char iso[11];

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        seed = g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--placements") && i + 1 < argc)
        n = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else
        path = argv[i];
    }
  if (path == NULL || n < 20)
    {
      fprintf (stderr, "usage: xlsx-gen [--seed N] [--placements N] DB\n");
      return 2;
    }
  n_staff = n / 5;
  n_employers = n / 20;

  check (sqlite3_open (path, &db), path);
  check (sqlite3_exec (db, "PRAGMA foreign_keys = ON; BEGIN", NULL, NULL, NULL), "begin");

  partner = prepare ("INSERT INTO partner (id, name, region) VALUES (?, ?, 'Yorkshire')");
  for (guint i = 0; i < MODEL_PARTNERS; i++)
    {
      ModelPartner p;

      model_partner (seed, i, &p);
      sqlite3_bind_int (partner, 1, i + 1);
      bind_text (partner, 2, p.partner);
      step (partner, "partner");
    }

  staff = prepare ("INSERT INTO staff (id, partner_id, name, job_title, email, phone, sector_id,"
                   " curriculum_area, teaching_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 3)");
  for (guint i = 0; i < n_staff; i++)
    {
      ModelStaff s;

      model_staff (seed, i, &s);
      sqlite3_bind_int (staff, 1, i + 1);
      sqlite3_bind_int (staff, 2, s.partner + 1);
      bind_text (staff, 3, s.name);
      bind_text (staff, 4, s.job_title);
      bind_text (staff, 5, s.email);
      bind_text (staff, 6, s.phone);
      sqlite3_bind_int (staff, 7, s.sector + 1);
      bind_text (staff, 8, s.curriculum);
      step (staff, "staff");
    }

  employers = g_new (ModelEmployer, n_employers);
  employer = prepare ("INSERT INTO employer (id, name, sector_id, size, address, postcode,"
                      " website, contact_name, contact_email, contact_phone, relationship,"
                      " owner_id, capacity, notice_weeks)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (guint i = 0; i < n_employers; i++)
    {
      ModelEmployer *e = &employers[i];

      model_employer (seed, i, n_staff, e);
      sqlite3_bind_int (employer, 1, i + 1);
      bind_text (employer, 2, e->name);
      sqlite3_bind_int (employer, 3, e->sector + 1);
      bind_text (employer, 4, model_sizes[e->size]);
      bind_text (employer, 5, e->address);
      bind_text (employer, 6, e->postcode);
      bind_text (employer, 7, e->website);
      bind_text (employer, 8, e->contact_name);
      bind_text (employer, 9, e->contact_email);
      bind_text (employer, 10, e->contact_phone);
      bind_text (employer, 11, model_stages[e->stage]);
      sqlite3_bind_int (employer, 12, e->owner + 1);
      sqlite3_bind_int (employer, 13, e->capacity);
      sqlite3_bind_int (employer, 14, e->notice_weeks);
      step (employer, "employer");
    }

  placement = prepare ("INSERT INTO placement (id, staff_id, employer_id, sector_id, status,"
                       " cancel_reason, length, aims) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  day = prepare ("INSERT INTO placement_day (placement_id, day) VALUES (?, ?)");
  cascade = prepare ("INSERT INTO cascade (placement_id, cascade_date, audience, people)"
                     " VALUES (?, ?, ?, ?)");
  milestone = prepare ("INSERT INTO milestone (placement_id, kind, label, due, done)"
                       " VALUES (?, ?, ?, ?, ?)");
  observation = prepare ("INSERT INTO observation (staff_id, placement_id, phase, observed_on,"
                         " observer, independent, industry_standards, technology,"
                         " active_learning, engagement, equality_diversity, differentiation,"
                         " learners_progressed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

  for (guint i = 0; i < n; i++)
    {
      ModelPlacement p;
      guint sector;

      model_placement (seed, i, n_staff, n_employers, &p);
      sector = p.employer >= 0 ? employers[p.employer].sector : p.sector;

      sqlite3_bind_int (placement, 1, i + 1);
      sqlite3_bind_int (placement, 2, p.staff + 1);
      if (p.employer >= 0)
        sqlite3_bind_int (placement, 3, p.employer + 1);
      sqlite3_bind_int (placement, 4, sector + 1);
      bind_text (placement, 5, model_statuses[p.status]);
      if (p.status == 7)
        bind_text (placement, 6, "The employer withdrew.");
      sqlite3_bind_int (placement, 7, MAX (p.n_days, 1));
      sqlite3_bind_int (placement, 8, p.aims);
      step (placement, "placement");

      for (guint d = 0; d < p.n_days; d++)
        {
          GDate date = p.first;

          g_date_add_days (&date, d);
          model_iso (&date, iso);
          sqlite3_bind_int (day, 1, i + 1);
          bind_text (day, 2, iso);
          step (day, "day");
        }

      if (p.colleagues > 0)
        {
          GDate date = p.first;

          g_date_add_days (&date, 21);
          model_iso (&date, iso);
          sqlite3_bind_int (cascade, 1, i + 1);
          bind_text (cascade, 2, iso);
          bind_text (cascade, 3, "colleagues");
          sqlite3_bind_int (cascade, 4, p.colleagues);
          step (cascade, "cascade");
          sqlite3_bind_int (cascade, 1, i + 1);
          bind_text (cascade, 2, iso);
          bind_text (cascade, 3, "students");
          sqlite3_bind_int (cascade, 4, p.students);
          step (cascade, "cascade");
        }

      for (guint m = 0; p.n_days > 0 && m < MODEL_MILESTONES; m++)
        {
          GDate due;
          gboolean done = model_milestone (seed, i, m, &p, &due);

          model_iso (&due, iso);
          sqlite3_bind_int (milestone, 1, i + 1);
          bind_text (milestone, 2, milestone_kinds[m]);
          bind_text (milestone, 3, model_milestones[m].label);
          bind_text (milestone, 4, iso);
          if (done)
            bind_text (milestone, 5, iso);
          step (milestone, "milestone");
        }

      for (guint after = 0; p.observed && after < 2; after++)
        {
          GDate date;
          const guint *ratings = after ? p.after : p.before;

          model_observation_date (&p, after, &date);
          model_iso (&date, iso);
          sqlite3_bind_int (observation, 1, p.staff + 1);
          sqlite3_bind_int (observation, 2, i + 1);
          bind_text (observation, 3, after ? "after" : "before");
          bind_text (observation, 4, iso);
          bind_text (observation, 5, after ? p.observer_after : p.observer_before);
          sqlite3_bind_int (observation, 6, p.independent);
          for (guint c = 0; c < MODEL_CRITERIA; c++)
            sqlite3_bind_int (observation, 7 + c, ratings[c]);
          sqlite3_bind_int (observation, 13, p.progressed);
          step (observation, "observation");
        }
    }

  sqlite3_finalize (partner);
  sqlite3_finalize (staff);
  sqlite3_finalize (employer);
  sqlite3_finalize (placement);
  sqlite3_finalize (day);
  sqlite3_finalize (cascade);
  sqlite3_finalize (milestone);
  sqlite3_finalize (observation);
  check (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), "commit");
  sqlite3_close (db);
  g_free (employers);

  return 0;
}
