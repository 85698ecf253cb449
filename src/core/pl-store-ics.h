/* pl-store-ics.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* What an iCalendar file shows of the model, and the calendar periods one
 * brings into it (term dates, bank holidays, an employer's busy weeks);
 * pl-ics.h reads and writes the files themselves.
 *
 * A calendar belongs to an owner, @owner_kind and @owner_id (0 for
 * PL_OWNER_ALL, which is everything): a member of staff has their
 * placements, those placements' milestones and the meetings of their
 * groups; an employer the placements it hosts and their milestones; a
 * partner its staff's placements and milestones and the meetings of the
 * groups with a member from it. Cancelled placements and their milestones
 * are left out. */

/* A placement that has days. */
typedef struct
{
  gint64             id;
  PlPlacementStatus  status;
  char              *staff;
  char              *employer;    /* NULL while it has no host */
  char              *address;     /* the employer's; may be NULL */
  char              *postcode;    /* the employer's; may be NULL */
  char              *sector;
  char              *partner;     /* the staff member's; may be NULL */
  char              *updated_at;  /* its last change, UTC: 2026-11-22T10:15:00Z */
} PlIcsPlacement;

/* A milestone of such a placement. */
typedef struct
{
  gint64  id;
  char   *label;
  char   *due;         /* ISO */
  char   *done;        /* ISO; NULL while not done */
  char   *updated_at;
  char   *staff;
  char   *employer;    /* NULL while the placement has no host */
  gint64  placement_id;
} PlIcsMilestone;

/* A meeting of an exchange group. */
typedef struct
{
  gint64  id;
  char   *group;
  char   *date;        /* ISO */
  char   *place;       /* may be NULL */
  char   *notes;       /* may be NULL */
  char   *updated_at;
} PlIcsMeeting;

void       pl_ics_placement_free        (PlIcsPlacement  *placement);
void       pl_ics_milestone_free        (PlIcsMilestone  *milestone);
void       pl_ics_meeting_free          (PlIcsMeeting    *meeting);

/* Each returns a new array (transfer full, freeing its elements), or NULL
 * with @error set when the database cannot be read. */

/* The owner's placements that have days, by first day, then id
 * (element-type PlIcsPlacement). */
GPtrArray *pl_store_ics_list_placements (PlStore         *store,
                                         PlOwnerKind      owner_kind,
                                         gint64           owner_id,
                                         GError         **error);
/* The owner's milestones, by due date, then id (element-type
 * PlIcsMilestone). */
GPtrArray *pl_store_ics_list_milestones (PlStore         *store,
                                         PlOwnerKind      owner_kind,
                                         gint64           owner_id,
                                         GError         **error);
/* The owner's group meetings, by date, then id (element-type
 * PlIcsMeeting); none for an employer, who is no member of a group. */
GPtrArray *pl_store_ics_list_meetings   (PlStore         *store,
                                         PlOwnerKind      owner_kind,
                                         gint64           owner_id,
                                         GError         **error);

/* The ids of the partners, employers or members of staff (@owner_kind)
 * called @name, without regard to case, in id order (transfer full,
 * element-type gint64); NULL with @error set when the database cannot be
 * read. */
GArray    *pl_store_ics_find_owners     (PlStore         *store,
                                         PlOwnerKind      owner_kind,
                                         const char      *name,
                                         GError         **error);

/* One period of an imported calendar. */
typedef struct
{
  const char *uid;     /* what finds it again when the file comes again */
  const char *label;   /* may be NULL */
  GDate       start;   /* the first day */
  GDate       end;     /* the day after the last day */
} PlIcsPeriod;

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
} PlIcsPeriodCounts;

/* Writes @periods (element-type PlIcsPeriod) as the owner's calendar
 * periods of @kind (one kind), on every day of the week, in one
 * transaction: all of them or, on any failure, none. A period whose UID
 * the owner already has for @kind is updated, or counted unchanged when it
 * is the same; any other is added. @counts (optional) tells which. When
 * the database refuses a period, @failed (optional) is its index;
 * otherwise it is G_MAXUINT. */
gboolean   pl_store_ics_write_periods   (PlStore            *store,
                                         PlOwnerKind         owner_kind,
                                         gint64              owner_id,
                                         PlPeriodKind        kind,
                                         GArray             *periods,
                                         PlIcsPeriodCounts  *counts,
                                         guint              *failed,
                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlIcsPlacement, pl_ics_placement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlIcsMilestone, pl_ics_milestone_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlIcsMeeting, pl_ics_meeting_free)

G_END_DECLS
