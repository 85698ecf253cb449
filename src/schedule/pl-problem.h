/* pl-problem.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* The scheduling problem as plain C arrays, read from the store once per job
 * so that the solver never touches SQLite (and can run in a worker thread).
 *
 * Days are indices of *working days* (Monday to Friday less bank holidays
 * and network-wide holidays, as PlWorkdays sees them) from today to the end
 * of the horizon: a placement of length L starting at day s occupies s … s+L-1,
 * which is exactly "L consecutive working days".
 *
 * Every array is in a canonical order that depends on the records' content
 * (names, dates), not on the order they were typed in, so that the same
 * network gives the same plan however it was entered. */

/* The hard rules, in the order in which an explanation applies them. */
typedef enum
{
  PL_RULE_NONE = 0,
  PL_RULE_SECTOR,          /* no employer of the request's sector */
  PL_RULE_WINDOW,          /* the window holds no run of `length` working days */
  PL_RULE_LEAD_TIME,       /* before today + max(network lead time, employer notice) */
  PL_RULE_TEACHING_DAY,    /* on one of the staff member's teaching weekdays */
  PL_RULE_UNAVAILABLE,     /* in one of the staff member's unavailable periods */
  PL_RULE_PARTNER_HOLIDAY, /* in a holiday of the staff member's partner */
  PL_RULE_PARTNER_EXAM,    /* in an exam period of the staff member's partner */
  PL_RULE_NOT_THIS_YEAR,   /* the employer said "not this year" for the day's academic year */
  PL_RULE_BLACKOUT,        /* in one of the employer's blackout periods */
  PL_RULE_DOUBLE_BOOKED,   /* the staff member is placed elsewhere that day */
  PL_RULE_CAPACITY,        /* the employer already hosts `capacity` staff that day */
  PL_RULE_WORKING_DAYS,    /* (re-plan) a day is no longer a working day */
  PL_N_RULES
} PlRule;

/* A stable name for JSON ("capacity", "blackout", …). */
const char *pl_rule_to_string (PlRule rule);
/* The rule in words, for people ("the employer's capacity"). */
const char *pl_rule_label     (PlRule rule);

/* Bits of PlProblem.staff_block: why a staff member cannot be placed on a day. */
enum
{
  PL_BLOCK_TEACHING    = 1 << 0,
  PL_BLOCK_UNAVAILABLE = 1 << 1,
  PL_BLOCK_HOLIDAY     = 1 << 2,
  PL_BLOCK_EXAM        = 1 << 3,
};

/* Preference weights, each 0 to 10; settings keys weight_sooner, … */
typedef enum
{
  PL_WEIGHT_SOONER,
  PL_WEIGHT_WARM,
  PL_WEIGHT_SPREAD,
  PL_WEIGHT_PREFERRED_DAYS,
  PL_WEIGHT_BUSY,
  PL_WEIGHT_TERM_END,
  PL_N_WEIGHTS
} PlWeight;

extern const char * const pl_weight_keys[PL_N_WEIGHTS];
extern const int pl_weight_defaults[PL_N_WEIGHTS];

typedef enum
{
  PL_STATUS_REQUEST,
  PL_STATUS_PROPOSED,
  PL_STATUS_AGREED,
  PL_STATUS_CONFIRMED,
  PL_STATUS_DONE,          /* completed, cascaded or evaluated */
} PlStatus;

/* An inclusive range of working-day indices. */
typedef struct
{
  guint first;
  guint last;
} PlSpan;

typedef struct
{
  gint64   id;
  char    *name;
} PlProblemSector;

typedef struct
{
  gint64   id;
  char    *name;
  guint    sector;
  guint    capacity;
  guint    notice_weeks;
  guint8   preferred;      /* weekday mask, bit 0 = Monday */
  gboolean warm;           /* relationship "warm" or "host" */
  guint    earliest;       /* first day the lead time allows (may be n_days) */
} PlProblemEmployer;

typedef struct
{
  gint64   id;
  char    *name;
  gint     partner;        /* -1 when unknown */
  guint8   teaching;       /* weekday mask, bit 0 = Monday */
} PlProblemStaff;

typedef struct
{
  gint64   id;
  char    *name;
} PlProblemPartner;

/* A placement the jobs may look at: every request, and every other
 * placement that is not cancelled and still has days from today on. */
typedef struct
{
  gint64    id;
  guint     staff;
  guint     sector;
  gint      employer;      /* assigned (or, for a request, required) employer; -1 */
  guint     length;
  PlStatus  status;
  guint32   window_first;  /* the window as Julian days, for explanations */
  guint32   window_last;
  gboolean  window_given;  /* dates or terms, rather than the default window */
  PlSpan   *spans;         /* the window in working days; a run lies inside one */
  guint     n_spans;
  guint    *days;          /* its current days from today on, as working-day indices */
  guint     n_days;
  gboolean  days_off;      /* one of its current days is not a working day */
} PlProblemPlacement;

/* A period that an explanation may quote. */
typedef struct
{
  PlRule   rule;           /* UNAVAILABLE, PARTNER_HOLIDAY, PARTNER_EXAM, BLACKOUT,
                            * NOT_THIS_YEAR (the academic year; label: the reason) */
  gint     owner;          /* staff, partner or employer index; -1 for everyone */
  guint32  first;          /* Julian days, inclusive */
  guint32  last;
  char    *label;
} PlProblemPeriod;

typedef struct
{
  guint32              today;        /* Julian day */
  guint                lead_weeks;   /* the network's lead time */
  guint                lead_earliest; /* first day the network's lead time allows */
  int                  weights[PL_N_WEIGHTS];

  guint                n_days;
  guint32             *julian;       /* [n_days] */
  guint8              *weekday;      /* [n_days], 0 = Monday */

  guint                n_sectors;
  PlProblemSector     *sectors;
  guint                n_partners;
  PlProblemPartner    *partners;
  guint                n_staff;
  PlProblemStaff      *staff;
  guint                n_employers;
  PlProblemEmployer   *employers;
  guint               *sector_employers;      /* employers grouped by sector … */
  guint               *sector_employers_at;   /* … [n_sectors + 1] offsets */
  guint                n_placements;
  PlProblemPlacement  *placements;
  guint                n_periods;
  PlProblemPeriod     *periods;

  guint8              *staff_block;   /* [n_staff × n_days] PL_BLOCK_* bits */
  guint8              *blackout;      /* [n_employers × n_days]; also every day of a
                                       * year the employer said "not this year" to */
  guint8              *appetite;      /* [n_employers × n_days] PlAppetite of the
                                       * academic year holding the day */
  guint8              *busy;          /* [n_employers × n_days] */
  guint16             *taken;         /* [n_employers × n_days] places other partners'
                                       * placements (not readable here) take */
  guint8              *term_end;      /* [n_partners × n_days] last week of a term */
} PlProblem;

PlProblem *pl_problem_new_for_store (PlStore      *store,
                                     const GDate  *today,
                                     GError      **error);
void       pl_problem_free          (PlProblem    *self);

/* The working-day index of @julian, or of the next working day after it
 * (n_days when there is none). */
guint      pl_problem_day_on_or_after (const PlProblem *self,
                                       guint32          julian);
/* The placement index of @placement_id, or -1. */
gint       pl_problem_find_placement  (const PlProblem *self,
                                       gint64           placement_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlProblem, pl_problem_free)

G_END_DECLS
