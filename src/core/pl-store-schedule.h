/* pl-store-schedule.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-enums.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* What the planner (src/schedule) reads of the network, and the plans it
 * writes back. The calendars it also reads are pl-calendar.h's, the
 * working days pl-workdays.h's.
 *
 * Dates are Julian day numbers (g_date_get_julian()), 0 for none. */

/* The planner reads the network in parts (this module's, the calendars',
 * the working days, the settings): between these two every read sees it
 * as it was at the first, so that a plan never mixes two states of it.
 * Returns whether a snapshot began (not when the caller already holds a
 * transaction); hand that to pl_store_schedule_end_read(). */
gboolean pl_store_schedule_begin_read (PlStore  *store);
void     pl_store_schedule_end_read   (PlStore  *store,
                                       gboolean  began);

/* A sector or a partner. */
typedef struct
{
  gint64  id;
  char   *name;
} PlScheduleName;

typedef struct
{
  gint64  id;
  char   *name;
  gint64  partner_id;      /* 0 when unknown */
  guint8  teaching_days;   /* weekday mask, bit 0 = Monday */
} PlScheduleStaff;

typedef struct
{
  gint64          id;
  char           *name;
  gint64          sector_id;
  int             capacity;
  int             notice_weeks;
  guint8          preferred_days;  /* weekday mask, bit 0 = Monday */
  PlRelationship  relationship;
} PlScheduleEmployer;

/* An inclusive range of Julian days. */
typedef struct
{
  guint32 first;
  guint32 last;
} PlScheduleRange;

typedef struct
{
  gint64             id;
  gint64             staff_id;
  gint64             sector_id;
  gint64             employer_id;   /* 0 when none */
  PlPlacementStatus  status;
  int                length;
  guint32            window_start;  /* 0 when not given */
  guint32            window_end;    /* 0 when not given */
  GArray            *terms;         /* PlScheduleRange of its terms, by start; NULL for none */
  GArray            *days;          /* guint32, its days from today on, ascending; NULL for none */
} PlSchedulePlacement;

/* What an employer said about hosting in an academic year (by the
 * calendar year of its 1 September); years with nothing said are absent. */
typedef struct
{
  gint64      employer_id;
  int         year;
  PlAppetite  state;
  char       *reason;       /* NULL for none */
} PlScheduleAppetite;

/* How many of an employer's places on a day others' placements take. */
typedef struct
{
  gint64   employer_id;
  guint32  julian;
  guint    taken;
} PlScheduleTaken;

typedef struct
{
  GArray *sectors;      /* PlScheduleName, by name then id */
  GArray *partners;     /* PlScheduleName, by name then id */
  GArray *staff;        /* PlScheduleStaff, by name then id */
  GArray *employers;    /* PlScheduleEmployer, by name then id */
  GArray *placements;   /* PlSchedulePlacement, by id */
  GArray *foreign;      /* PlScheduleTaken: days of hosts taken by placements this
                         * connection may not read (another partner's, on a shared
                         * database); empty otherwise */
  GArray *appetites;    /* PlScheduleAppetite, by employer then year */
} PlScheduleNetwork;

/* The sectors, partners, staff and employers, and the placements a plan
 * may look at: every request, and every other placement that is not
 * cancelled and has a day on @today or later.
 *
 * Returns: (transfer full): the network, or NULL with @error set */
PlScheduleNetwork *pl_store_schedule_read      (PlStore            *store,
                                                const GDate        *today,
                                                GError            **error);
void               pl_schedule_network_free    (PlScheduleNetwork  *network);

/* One placement of a plan a coordinator accepted. */
typedef struct
{
  gint64              placement_id;
  PlPlacementStatus   status;       /* its status when the plan was made */
  gint64              employer_id;
  const char * const *days;         /* ISO dates */
  const char         *reason;       /* for its history */
} PlScheduleChange;

/* What pl_store_schedule_apply() changed, so that it can be undone. */
typedef struct _PlScheduleApplied PlScheduleApplied;

/* Gives each placement of @changes its employer and days (its milestones
 * follow them, as pl_placement_set_days() keeps them) and the status
 * "proposed", recording the step with its reason in the placement's
 * history on @today. One transaction: when one of them no longer exists
 * or its status is no longer the one the plan saw, nothing is written.
 *
 * Returns: (transfer full): what to hand pl_store_schedule_undo(), or NULL
 *   with @error set */
PlScheduleApplied *pl_store_schedule_apply     (PlStore                *store,
                                                const PlScheduleChange *changes,
                                                guint                   n_changes,
                                                const GDate            *today,
                                                GError                **error);
/* Puts back the employer, status and days each placement had and removes
 * the steps from their history, in one transaction; refused, writing
 * nothing, when one of them is no longer proposed with the plan's
 * employer. */
gboolean           pl_store_schedule_undo      (PlStore                *store,
                                                PlScheduleApplied      *applied,
                                                GError                **error);
void               pl_schedule_applied_free    (PlScheduleApplied      *applied);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlScheduleNetwork, pl_schedule_network_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlScheduleApplied, pl_schedule_applied_free)

G_END_DECLS
