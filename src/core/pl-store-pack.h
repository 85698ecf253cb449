/* pl-store-pack.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* What the printed employer pack (src/export/pl-pack*.c) reads about one
 * employer. Every string is plain text (not markup), stripped, and NULL
 * when blank or not recorded. Each function returns NULL with @error set
 * when the records cannot be read; arrays free their elements. */

/* The employer, and the member of staff who owns the relationship. */
typedef struct
{
  char   *name;
  char   *sector;
  char   *contact_name;
  char   *contact_email;
  char   *contact_phone;
  int     notice_weeks;
  char   *owner_name;
  char   *owner_role;             /* their job title */
  char   *owner_email;
  char   *owner_phone;
  gint64  owner_partner_id;       /* 0: no owner */
} PlPackEmployer;

/* A partner's name and the person to speak to there. */
typedef struct
{
  char *name;
  char *contact;
  char *email;
  char *phone;
} PlPackPartner;

typedef struct
{
  gint64  placement_id;
  char   *staff_name;
  char   *job_title;
  char   *partner_name;
  gint64  partner_id;
  char   *status;
  GStrv   days;             /* ascending ISO dates; empty when not yet set */
  guint   aims;             /* PlAim bits */
  char   *goals;
  char   *sector_priority;
  char   *equality_aims;
} PlPackVisitor;

typedef struct
{
  char *kind;
  char *label;
  char *due;                /* ISO */
  char *done;               /* ISO or NULL */
} PlPackMilestone;

typedef struct
{
  char     *kind;           /* holiday, exam, inset (college); busy, blackout (employer) */
  char     *label;
  char     *start;          /* ISO, inclusive */
  char     *end;            /* ISO, inclusive */
  gboolean  employer;       /* the employer's own calendar rather than the college's */
} PlPackPeriod;

typedef struct
{
  char   *kind;
  char   *label;
  char   *anchor;           /* first or last */
  int     offset;
  char   *unit;             /* days, working_days or weeks */
} PlPackStep;

typedef struct
{
  char   *sector;
  gint64  count;            /* placements that took place in the sector */
  char   *job_title;
  int     n_days;
  char   *goals;            /* anonymised */
  char   *change;           /* what changed for students, anonymised */
} PlPackExample;

void             pl_pack_employer_free  (PlPackEmployer  *employer);
void             pl_pack_partner_free   (PlPackPartner   *partner);
void             pl_pack_visitor_free   (PlPackVisitor   *visitor);
void             pl_pack_milestone_free (PlPackMilestone *milestone);
void             pl_pack_period_free    (PlPackPeriod    *period);
void             pl_pack_step_free      (PlPackStep      *step);
void             pl_pack_example_free   (PlPackExample   *example);

/* (transfer full): PL_ERROR_NOT_FOUND for an unknown employer. */
PlPackEmployer  *pl_store_pack_get_employer      (PlStore      *store,
                                                  gint64        employer_id,
                                                  GError      **error);
/* The placements coming to @employer_id: on their way to happening
 * (request to confirmed) and, if they have days yet, with a last day on
 * or after @today; those with days first, soonest first (element-type
 * PlPackVisitor). */
GPtrArray       *pl_store_pack_list_visitors     (PlStore      *store,
                                                  gint64        employer_id,
                                                  const GDate  *today,
                                                  GError      **error);
/* The college that speaks in the guide: @partner_id, or for 0 the one
 * that speaks for the network, an active partner, the lead first, else
 * the first entered (transfer full). Every member is NULL when there is
 * no such partner. */
PlPackPartner   *pl_store_pack_get_partner       (PlStore      *store,
                                                  gint64        partner_id,
                                                  GError      **error);
/* The milestone templates, in order (element-type PlPackStep). */
GPtrArray       *pl_store_pack_list_steps        (PlStore      *store,
                                                  GError      **error);
/* A placement's milestones, by due date (element-type PlPackMilestone). */
GPtrArray       *pl_store_pack_list_milestones   (PlStore      *store,
                                                  gint64        placement_id,
                                                  GError      **error);
/* The periods that meet [@from, @to] (ISO dates): the holidays, exams and
 * INSET days of every college and of @partner_id, and the busy times and
 * blackouts of @employer_id, by date (element-type PlPackPeriod). */
GPtrArray       *pl_store_pack_list_periods      (PlStore      *store,
                                                  const char   *from,
                                                  const char   *to,
                                                  gint64        partner_id,
                                                  gint64        employer_id,
                                                  GError      **error);
/* One example a sector, from placements that took place, for @employer_id
 * to read: the goals and what changed for students name neither the
 * teacher nor the host. @employer_id's sector comes first, then those with
 * the most placements (element-type PlPackExample). */
GPtrArray       *pl_store_pack_list_examples     (PlStore      *store,
                                                  gint64        employer_id,
                                                  GError      **error);
/* The ids of the employers with at least one placement that is not
 * cancelled, in name order (element-type gint64). */
GArray          *pl_store_pack_hosting_employers (PlStore      *store,
                                                  GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPackEmployer, pl_pack_employer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPackPartner, pl_pack_partner_free)

G_END_DECLS
