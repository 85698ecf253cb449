/* xlsx-model.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* A large, made-up network for the xlsx benchmark, as pure functions of a
 * seed and an index: xlsx-gen writes it into a database, xlsx-plain writes
 * the same cells straight from here with libxlsxwriter alone. Every row is
 * computed from (seed, kind, index) on its own, so either program can
 * compute any row in any order and both get the same values. */

#include <glib.h>
#include <string.h>

#define MODEL_PARTNERS    20
#define MODEL_SECTORS     15
#define MODEL_MILESTONES  8
#define MODEL_CRITERIA    6
#define MODEL_TODAY       "2026-11-22"

/* The sectors of schema v1, in id order. */
static const char * const model_sectors[MODEL_SECTORS] = {
  "Agriculture, Environmental and Animal Care", "Business and Administration",
  "Catering and Hospitality", "Care Services", "Construction", "Creative and Design", "Digital",
  "Education and Childcare", "Engineering and Manufacturing", "Hair and Beauty",
  "Health and Science", "Legal, Finance and Accounting", "Protective Services",
  "Sales, Marketing and Procurement", "Transport and Logistics",
};

static const char * const model_first_names[] = {
  "Amara", "Ben", "Chloe", "Daniel", "Esther", "Farid", "Grace", "Harvey", "Imogen", "Jamal",
  "Keira", "Liam", "Maya", "Nathan", "Olivia", "Pavel", "Queenie", "Rohan", "Sophie", "Tariq",
  "Uma", "Victor", "Wendy", "Xavier", "Yasmin", "Zac", "aoife", "Bartosz", "Ciara", "Dev",
};

static const char * const model_last_names[] = {
  "Ahmed", "Barker", "Chowdhury", "Dawson", "Evans", "Fletcher", "Greenwood", "Hussain",
  "Ingram", "Jackson", "Kowalski", "Lambert", "McAllister", "Nolan", "O'Brien", "Patel",
  "Quinn", "Robinson", "Singh", "Thornton", "Underwood", "Vasquez", "Walker", "Young",
};

static const char * const model_trades[] = {
  "Harbour", "Northgate", "Riverside", "Summit", "Oakfield", "Bridgewater", "Kestrel", "Lantern",
  "Meridian", "Pennine", "Saltmarsh", "Westbrook",
};

static const char * const model_statuses[] = {
  "request", "proposed", "agreed", "confirmed", "completed", "cascaded", "evaluated", "cancelled",
};

static const char * const model_sizes[] = { "micro", "small", "medium", "large" };
static const char * const model_stages[] = { "prospect", "contacted", "warm", "host", "lapsed" };

/* The milestone templates of schema v1: anchor on the last day?, weeks. */
static const struct { const char *label; gboolean last; int weeks; }
model_milestones[MODEL_MILESTONES] = {
  { "First contact with the employer", FALSE, -12 },
  { "Agreement with the employer", FALSE, -8 },
  { "Pre-placement planner completed", FALSE, -4 },
  { "Health and safety and induction arranged", FALSE, -2 },
  { "Placement confirmed", FALSE, -1 },
  { "Reflection written", TRUE, 1 },
  { "Learning cascaded to colleagues", TRUE, 4 },
  { "Follow-up lesson observation", TRUE, 8 },
};

typedef struct
{
  guint64 state;
} ModelRng;

static inline guint64
model_next (ModelRng *rng)
{
  /* splitmix64 */
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint
model_below (ModelRng *rng,
             guint     n)
{
  return (guint) (model_next (rng) % n);
}

static inline ModelRng
model_rng (guint64 seed,
           guint   kind,
           guint64 index)
{
  ModelRng rng = { seed * G_GUINT64_CONSTANT (1000003) + kind * G_GUINT64_CONSTANT (7919) };

  rng.state ^= index * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D);
  model_next (&rng);
  return rng;
}

typedef struct
{
  char partner[40];
} ModelPartner;

static inline void
model_partner (guint64       seed,
               guint         i,     /* 0-based; id i + 1 */
               ModelPartner *out)
{
  g_snprintf (out->partner, sizeof out->partner, "Partner College %02u", i + 1);
}

typedef struct
{
  guint partner;        /* 0-based */
  char  name[48];
  char  job_title[48];
  char  email[80];
  char  phone[20];      /* "" when none */
  guint sector;         /* 0-based */
  char  curriculum[32];
} ModelStaff;

static inline void
model_staff (guint64     seed,
             guint       i,
             ModelStaff *out)
{
  ModelRng rng = model_rng (seed, 1, i);
  const char *first = model_first_names[model_below (&rng, G_N_ELEMENTS (model_first_names))];
  const char *last = model_last_names[model_below (&rng, G_N_ELEMENTS (model_last_names))];

  out->partner = i % MODEL_PARTNERS;
  out->sector = model_below (&rng, MODEL_SECTORS);
  g_snprintf (out->name, sizeof out->name, "%s %s", first, last);
  g_snprintf (out->job_title, sizeof out->job_title, "Lecturer in %s",
              model_sectors[out->sector]);
  g_snprintf (out->email, sizeof out->email, "staff%06u@partner%02u.example.ac.uk", i + 1,
              out->partner + 1);
  if (model_below (&rng, 3) == 0)
    g_snprintf (out->phone, sizeof out->phone, "01632 %06u", 100000 + i);
  else
    out->phone[0] = '\0';
  g_snprintf (out->curriculum, sizeof out->curriculum, "Curriculum area %u",
              model_below (&rng, 40) + 1);
}

typedef struct
{
  char  name[48];
  guint sector;
  guint size;
  char  address[64];
  char  postcode[12];
  char  website[64];
  char  contact_name[48];
  char  contact_email[80];
  char  contact_phone[20];
  guint stage;
  guint capacity;
  guint notice_weeks;
  guint owner;          /* 0-based staff index */
} ModelEmployer;

static inline void
model_employer (guint64        seed,
                guint          i,
                guint          n_staff,
                ModelEmployer *out)
{
  ModelRng rng = model_rng (seed, 2, i);
  const char *trade = model_trades[model_below (&rng, G_N_ELEMENTS (model_trades))];

  out->sector = model_below (&rng, MODEL_SECTORS);
  out->size = model_below (&rng, 4);
  g_snprintf (out->name, sizeof out->name, "%s %s %05u", trade,
              strchr (model_sectors[out->sector], ' ') ? "Group" : model_sectors[out->sector],
              i + 1);
  g_snprintf (out->address, sizeof out->address, "%u Station Road", model_below (&rng, 200) + 1);
  g_snprintf (out->postcode, sizeof out->postcode, "HU%u %uAB", model_below (&rng, 20) + 1,
              model_below (&rng, 9) + 1);
  g_snprintf (out->website, sizeof out->website, "https://employer%05u.example.co.uk", i + 1);
  g_snprintf (out->contact_name, sizeof out->contact_name, "%s %s",
              model_first_names[model_below (&rng, G_N_ELEMENTS (model_first_names))],
              model_last_names[model_below (&rng, G_N_ELEMENTS (model_last_names))]);
  g_snprintf (out->contact_email, sizeof out->contact_email, "contact@employer%05u.example.co.uk",
              i + 1);
  g_snprintf (out->contact_phone, sizeof out->contact_phone, "01632 %06u", 500000 + i);
  out->stage = model_below (&rng, 5);
  out->capacity = model_below (&rng, 4) + 1;
  out->notice_weeks = model_below (&rng, 9);
  out->owner = model_below (&rng, n_staff);
}

typedef struct
{
  guint  staff;         /* 0-based */
  int    employer;      /* 0-based; -1 for none */
  guint  sector;
  guint  status;        /* index in model_statuses */
  guint  n_days;        /* 0 for a request without days */
  GDate  first;
  guint  aims;
  guint  colleagues;    /* cascade people; 0 for no cascade row */
  guint  students;
  gboolean observed;    /* a before and an after observation */
  guint  before[MODEL_CRITERIA];
  guint  after[MODEL_CRITERIA];
  char   observer_before[32];
  char   observer_after[32];
  gboolean independent;
  gboolean progressed;
} ModelPlacement;

static inline void
model_placement (guint64         seed,
                 guint           i,
                 guint           n_staff,
                 guint           n_employers,
                 ModelPlacement *out)
{
  ModelRng rng = model_rng (seed, 3, i);
  static const guint status_weights[] = { 10, 8, 8, 10, 14, 20, 25, 5 };
  guint pick = model_below (&rng, 100);
  guint day;

  memset (out, 0, sizeof *out);
  out->staff = model_below (&rng, n_staff);
  out->employer = (int) model_below (&rng, n_employers);
  for (out->status = 0; pick >= status_weights[out->status]; out->status++)
    pick -= status_weights[out->status];
  if (out->status == 0)
    out->employer = -1;
  out->sector = model_below (&rng, MODEL_SECTORS);
  out->aims = model_below (&rng, 127) + 1;

  /* Requests have no days yet; the rest one to five working days from
   * September 2024 on, Monday to Friday. */
  if (out->status != 0)
    {
      out->n_days = model_below (&rng, 5) + 1;
      g_date_clear (&out->first, 1);
      g_date_set_dmy (&out->first, 2, G_DATE_SEPTEMBER, 2024);  /* a Monday */
      day = model_below (&rng, 150) * 7 + model_below (&rng, 6 - out->n_days);
      g_date_add_days (&out->first, day);
    }

  if (out->status == 5 || out->status == 6)
    {
      out->colleagues = model_below (&rng, 12) + 1;
      out->students = model_below (&rng, 60) + 5;
    }

  if (out->status == 6 && model_below (&rng, 10) < 6)
    {
      out->observed = TRUE;
      for (guint c = 0; c < MODEL_CRITERIA; c++)
        {
          int better = (int) model_below (&rng, 2);

          out->before[c] = model_below (&rng, 4) + 1;
          out->after[c] = MAX (1, (int) out->before[c] - better);
        }
      g_snprintf (out->observer_before, sizeof out->observer_before, "Observer %02u",
                  model_below (&rng, 30) + 1);
      g_snprintf (out->observer_after, sizeof out->observer_after, "Observer %02u",
                  model_below (&rng, 30) + 1);
      out->independent = model_below (&rng, 3) == 0;
      out->progressed = model_below (&rng, 10) < 8;
    }
}

/* The milestone @m of a placement with days: its due date, and whether it
 * is done (those due before MODEL_TODAY mostly are). */
static inline gboolean
model_milestone (guint64               seed,
                 guint                 i,
                 guint                 m,
                 const ModelPlacement *p,
                 GDate                *due)
{
  ModelRng rng = model_rng (seed, 4, (guint64) i * MODEL_MILESTONES + m);
  GDate today;

  *due = p->first;
  if (model_milestones[m].last)
    g_date_add_days (due, p->n_days - 1);
  if (model_milestones[m].weeks < 0)
    g_date_subtract_days (due, -7 * model_milestones[m].weeks);
  else
    g_date_add_days (due, 7 * model_milestones[m].weeks);

  g_date_clear (&today, 1);
  g_date_set_parse (&today, MODEL_TODAY);
  return g_date_compare (due, &today) < 0 && model_below (&rng, 10) < 9;
}

/* An observation date: before = two weeks before the first day, after =
 * six weeks after it. */
static inline void
model_observation_date (const ModelPlacement *p,
                        gboolean              after,
                        GDate                *out)
{
  *out = p->first;
  if (after)
    g_date_add_days (out, 42);
  else
    g_date_subtract_days (out, 14);
}

static inline void
model_iso (const GDate *date,
           char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}
