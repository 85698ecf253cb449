/* pl-store-report.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-enums.h"
#include "pl-records.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* The rows of the partner workbook's tables (pl-xlsx.c).
 *
 * A workbook of a large network is written in constant memory, so the rows
 * are not gathered: each pl_store_report_foreach_*() reads its table in one
 * pass and calls @func with each row, in the order the sheet lists them.
 * The text of a row is valid only during the call. @func returns FALSE to
 * stop the pass, keeping its own reason; the pass returns FALSE with
 * @error set only when the records cannot be read.
 *
 * Scope. The filter is the one of pl_stats_compute(), so that the Summary
 * and `placements-cli stats` agree, and each table follows from it:
 * - placements: those of the partner's staff whose first day lies inside
 *   the period (with a period, undated requests drop out);
 * - milestones: those of the placements above;
 * - staff: every member of staff of the partner (of every partner without
 *   one); the period does not remove people;
 * - employers: every employer, for the caller to keep those it needs;
 * - observations: of the partner's staff, dated by the first day of their
 *   placement (or their own date when they have none), as `stats` does;
 * - surveys: the responses `stats` counts;
 * - groups: exchange groups with a member from the partner and a meeting
 *   inside the period, with their members from the partner only. */

typedef struct
{
  gint64      partner_id;   /* 0: every partner */
  const char *from;         /* ISO date, inclusive; NULL: no limit */
  const char *to;           /* ISO date, inclusive; NULL: no limit */
} PlReportFilter;

/* How people are listed: by name, or by id, which says nothing of the
 * names (an anonymised workbook must not tell their alphabetical order). */
typedef enum
{
  PL_REPORT_BY_NAME,
  PL_REPORT_BY_ID,
} PlReportOrder;

/* How many rows the tables of the filter hold together, for progress:
 * placements, their milestones, staff, employers (those hosting one of
 * the placements, for one partner), observations and groups. */
gboolean pl_store_report_count_rows (PlStore              *store,
                                     const PlReportFilter *filter,
                                     gint64               *n_rows,
                                     GError              **error);

typedef struct
{
  gint64             id;
  gint64             staff_id;
  const char        *staff_name;
  const char        *partner;
  gint64             employer_id;   /* 0: no host yet */
  const char        *employer;
  const char        *sector;
  PlPlacementStatus  status;
  const char        *first_day;     /* ISO; NULL without days */
  const char        *last_day;
  gint64             n_days;
  guint              aims;          /* PlAim bits */
  guint              audiences;     /* 1 << each PlCascadeAudience cascaded to */
  gint64             people;        /* reached by the cascades; -1: none recorded */
} PlReportPlacement;

typedef gboolean (*PlReportPlacementFunc) (const PlReportPlacement *row,
                                           gpointer                 user_data);

/* By id. */
gboolean pl_store_report_foreach_placement (PlStore               *store,
                                            const PlReportFilter  *filter,
                                            PlReportPlacementFunc  func,
                                            gpointer               user_data,
                                            GError               **error);

typedef struct
{
  gint64          id;
  const char     *name;
  const char     *sector;
  int             size;            /* a PlEmployerSize; -1: not recorded */
  const char     *address;
  const char     *postcode;
  const char     *website;
  PlRelationship  relationship;
  gint64          capacity;
  gint64          notice_weeks;
  const char     *last_contact;    /* ISO; NULL: none */
  gint64          owner_id;        /* the relationship owner, a member of staff; 0: none */
  const char     *owner_name;
  const char     *contact_name;
  const char     *contact_email;
  const char     *contact_phone;
  PlAppetite      appetite;        /* in the year asked for; PL_APPETITE_UNKNOWN: not told */
  const char     *appetite_reason; /* NULL: none */
} PlReportEmployer;

typedef gboolean (*PlReportEmployerFunc) (const PlReportEmployer *row,
                                          gpointer                user_data);

/* Every employer, whatever the filter, by name, with its appetite in
 * academic @year (by its first calendar year; 0 for none). */
gboolean pl_store_report_foreach_employer (PlStore               *store,
                                           int                    year,
                                           PlReportEmployerFunc   func,
                                           gpointer               user_data,
                                           GError               **error);

typedef struct
{
  gint64      id;
  const char *name;
  const char *partner;
  const char *job_title;
  const char *sector;
  const char *curriculum_area;
  const char *email;
  const char *phone;
  gint64      n_groups;           /* exchange groups they belong to */
} PlReportStaff;

typedef gboolean (*PlReportStaffFunc) (const PlReportStaff *row,
                                       gpointer             user_data);

gboolean pl_store_report_foreach_staff (PlStore               *store,
                                        const PlReportFilter  *filter,
                                        PlReportOrder          order,
                                        PlReportStaffFunc      func,
                                        gpointer               user_data,
                                        GError               **error);

typedef struct
{
  gint64      id;
  const char *label;
  const char *due;                /* ISO */
  const char *done;               /* ISO; NULL: not done */
} PlReportMilestone;

/* The milestones of one placement, by due date, then in the order they
 * were entered. */
typedef struct
{
  gint64                   placement_id;
  gint64                   staff_id;
  const char              *staff_name;
  const char              *employer;
  guint                    n_milestones;
  const PlReportMilestone *milestones;
} PlReportMilestones;

typedef gboolean (*PlReportMilestonesFunc) (const PlReportMilestones *row,
                                            gpointer                  user_data);

/* One call for each placement that has milestones, by placement id. */
gboolean pl_store_report_foreach_milestones (PlStore                *store,
                                             const PlReportFilter   *filter,
                                             PlReportMilestonesFunc  func,
                                             gpointer                user_data,
                                             GError                **error);

typedef struct
{
  gint64              staff_id;
  const char         *staff_name;
  const char         *partner;
  gint64              placement_id;           /* 0: none */
  PlObservationPhase  phase;
  const char         *observed_on;            /* ISO */
  gint64              observer_id;            /* the member of staff the observer is; 0: none */
  const char         *observer;               /* as written; NULL: not recorded */
  gboolean            independent;
  int                 ratings[PL_N_CRITERIA]; /* of pl_criteria, in order; 0: not rated */
  int                 learners_progressed;    /* 1 yes, 0 no, -1 not recorded */
} PlReportObservation;

typedef gboolean (*PlReportObservationFunc) (const PlReportObservation *row,
                                             gpointer                   user_data);

/* By date, then in the order they were entered. */
gboolean pl_store_report_foreach_observation (PlStore                 *store,
                                              const PlReportFilter    *filter,
                                              PlReportObservationFunc  func,
                                              gpointer                 user_data,
                                              GError                 **error);

/* How the responses of the filter answered one question. */
typedef struct
{
  const char *question;           /* the key, of pl_survey_questions() */
  gint64      answered;
  gint64      agree;
  gint64      neutral;
  gint64      disagree;
} PlReportAnswers;

/* One element for each question of @kind's survey, in its order (transfer
 * full), or NULL with @error set. */
GArray  *pl_store_report_survey (PlStore               *store,
                                 const PlReportFilter  *filter,
                                 PlSurveyKind           kind,
                                 GError               **error);

typedef struct
{
  gint64      staff_id;
  const char *name;
  const char *role;               /* NULL or empty: none given */
} PlReportMember;

typedef struct
{
  gint64                id;
  const char           *name;
  PlGroupArea           area;
  gint64                wave;
  PlGroupStatus         status;
  gint64                facilitator_id;   /* the member of staff the facilitator is; 0: none */
  const char           *facilitator;      /* as written; NULL: not recorded */
  gint64                n_organisations;  /* the partners of the members below */
  gint64                n_meetings;
  const char           *first_meeting;    /* ISO; NULL: no meeting */
  const char           *last_meeting;
  gint64                n_outcomes;
  const char           *outcome_titles;   /* "title; title", by date; NULL: none */
  guint                 n_members;        /* of the filter's partner */
  const PlReportMember *members;
} PlReportGroup;

typedef gboolean (*PlReportGroupFunc) (const PlReportGroup *row,
                                       gpointer             user_data);

/* By wave, then by name; each group's members in @order. */
gboolean pl_store_report_foreach_group (PlStore               *store,
                                        const PlReportFilter  *filter,
                                        PlReportOrder          order,
                                        PlReportGroupFunc      func,
                                        gpointer               user_data,
                                        GError               **error);

G_END_DECLS
