/* pl-store-calendar.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pl-enums.h"
#include "pl-groups.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* What the calendars read and write: the dated periods of colleges,
 * employers, staff and the whole network (terms, holidays, busy seasons,
 * closures, bank holidays…), the terms a placement is to fall in, and what
 * a calendar view shows of placements, milestones and group meetings.
 * pl-calendar.h (src/schedule) builds the calendar's rules on it.
 *
 * Dates follow the house rule: in code a range is half-open, [start, end),
 * so a period's @end is the day AFTER its last day; the database and people
 * see the last day. */

#define PL_TYPE_PERIOD (pl_period_get_type ())

/* One period, as the solver and the views read it. */
typedef struct
{
  gint64        id;          /* 0 for a computed period */
  PlOwnerKind   owner_kind;
  gint64        owner_id;    /* partner, employer or staff id; 0 for PL_OWNER_ALL */
  PlPeriodKind  kind;
  char         *label;       /* may be NULL */
  GDate         start;       /* the first day */
  GDate         end;         /* the day after the last day */
  guint8        weekdays;    /* days of the week it applies on: bit 0 Monday … bit 6 Sunday */
} PlPeriod;

GType         pl_period_get_type            (void) G_GNUC_CONST;
PlPeriod     *pl_period_copy                (const PlPeriod *period);
void          pl_period_free                (PlPeriod       *period);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPeriod, pl_period_free)

/* What the Calendar page shows for a filter: each id is 0 for "any".
 * Network-wide periods always; a partner's when no partner (nor staff
 * member) is chosen or it is the chosen one (or the chosen staff member's);
 * an employer's when no employer is chosen or it is the chosen one; a staff
 * member's only when that staff member is chosen (one person's leave is
 * not the network's business until someone looks at that person). */
typedef struct
{
  gint64 partner_id;
  gint64 employer_id;
  gint64 staff_id;
} PlCalendarFilter;

/* Each list below is of PlPeriod (transfer full), ordered by start, then
 * id, or NULL with @error set. @kinds is a mask of PlPeriodKind; @from and
 * @to bound the periods that overlap [@from, @to), either NULL for no
 * bound. */

/* Every period of @kinds, whoever owns it. */
GPtrArray    *pl_store_calendar_list_periods     (PlStore                *store,
                                                  guint                   kinds,
                                                  const GDate            *from,
                                                  const GDate            *to,
                                                  GError                **error);
/* The periods that apply to an owner: the network's, and for a partner or
 * an employer its own; for a member of staff their partner's and their
 * own. PL_ERROR_NOT_FOUND when the owner does not exist. */
GPtrArray    *pl_store_calendar_list_affecting   (PlStore                *store,
                                                  PlOwnerKind             owner_kind,
                                                  gint64                  owner_id,
                                                  guint                   kinds,
                                                  const GDate            *from,
                                                  const GDate            *to,
                                                  GError                **error);
/* The periods the Calendar page shows for @filter (see PlCalendarFilter). */
GPtrArray    *pl_store_calendar_list_for_filter  (PlStore                *store,
                                                  const PlCalendarFilter *filter,
                                                  guint                   kinds,
                                                  const GDate            *from,
                                                  const GDate            *to,
                                                  GError                **error);
/* The terms @partner_id lives by: its own, or the network-wide ones when
 * it has none (0: the network's). PL_ERROR_NOT_FOUND for an unknown
 * partner. */
GPtrArray    *pl_store_calendar_list_terms       (PlStore                *store,
                                                  gint64                  partner_id,
                                                  GError                **error);

/* The name of the partner, employer or member of staff @owner_id (transfer
 * full), or NULL with PL_ERROR_NOT_FOUND when there is none. */
char         *pl_store_calendar_get_owner_name   (PlStore                *store,
                                                  PlOwnerKind             owner_kind,
                                                  gint64                  owner_id,
                                                  GError                **error);

/* The window @placement_id sets itself: @first and @last, the first and
 * last days it allows (each cleared when not set), and the terms linked to
 * it, by start (transfer full, element-type PlPeriod); NULL with
 * PL_ERROR_NOT_FOUND when there is no such placement. */
GPtrArray    *pl_store_calendar_get_placement_window (PlStore            *store,
                                                      gint64              placement_id,
                                                      GDate              *first,
                                                      GDate              *last,
                                                      GError            **error);
/* The partner of the placement's member of staff, whose terms it falls
 * in; 0 with PL_ERROR_NOT_FOUND when there is no such placement. */
gint64        pl_store_calendar_get_placement_partner (PlStore           *store,
                                                       gint64             placement_id,
                                                       GError           **error);
/* Links @placement_id to the terms @period_ids (gint64), replacing those
 * it had; an empty or NULL array removes them. One transaction. */
gboolean      pl_store_calendar_set_placement_terms (PlStore             *store,
                                                     gint64               placement_id,
                                                     GArray              *period_ids,
                                                     GError             **error);

/* A milestone of a placement, as a calendar shows it. */
typedef struct
{
  gint64    id;
  char     *label;
  GDate     due;
  gboolean  done;
} PlCalendarMilestone;

/* A placement as a calendar shows it, with what it has in a range. */
typedef struct
{
  gint64             id;
  char              *staff_name;
  char              *employer_name;  /* NULL when it has no employer */
  gint64             employer_id;    /* 0 when none */
  gint64             sector_id;
  PlPlacementStatus  status;
  GArray            *days;           /* GDate, ascending: its days in the range */
  GArray            *milestones;     /* PlCalendarMilestone, by due date: those due in the range */
} PlCalendarPlacement;

void          pl_calendar_placement_free         (PlCalendarPlacement    *placement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlCalendarPlacement, pl_calendar_placement_free)

/* The placements of @filter, cancelled ones left out, that have days or
 * milestones due in [@from, @to), by id (transfer full, element-type
 * PlCalendarPlacement); NULL with @error set. */
GPtrArray    *pl_store_calendar_list_placements  (PlStore                *store,
                                                  const PlCalendarFilter *filter,
                                                  const GDate            *from,
                                                  const GDate            *to,
                                                  GError                **error);
/* The meetings in [@from, @to) of the exchange groups that the filter's
 * people belong to: with a member of staff chosen, the groups they are in;
 * with a partner, those with one of its staff; with an employer none, as
 * employers are not members of practitioner groups (transfer full,
 * element-type PlGroupMeetingEvent); NULL with @error set. */
GPtrArray    *pl_store_calendar_list_meetings    (PlStore                *store,
                                                  const PlCalendarFilter *filter,
                                                  const GDate            *from,
                                                  const GDate            *to,
                                                  GError                **error);

G_END_DECLS
