/* pl-pack-data.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* Everything the employer pack shows about one employer, read from the
 * store in one go, so that drawing pages never touches the database. Every
 * string is plain text (not markup) and may be NULL when not recorded. */

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

typedef struct
{
  GDate          today;

  gint64         employer_id;
  char          *employer;
  char          *sector;
  char          *contact_name;
  char          *contact_email;
  char          *contact_phone;
  int            notice_weeks;

  char          *owner_name;
  char          *owner_role;
  char          *owner_email;
  char          *owner_phone;

  char          *partner_name;
  char          *partner_contact;
  char          *partner_email;
  char          *partner_phone;

  char          *network_name;
  int            lead_weeks;
  char          *logo_path;    /* the pack_logo setting */

  JsonNode      *stats;        /* pl_stats_compute() over the whole network */

  GPtrArray     *visitors;     /* of PlPackVisitor: coming placements, soonest first */
  PlPackVisitor *next;         /* the first visitor with days, or NULL */
  GPtrArray     *milestones;   /* of PlPackMilestone: the next placement's, by date */
  GPtrArray     *periods;      /* of PlPackPeriod around the next placement */
  GPtrArray     *steps;        /* of PlPackStep: the milestone templates */
  GPtrArray     *examples;     /* of PlPackExample, one a sector */
} PlPackData;

PlPackData *pl_pack_data_load (PlStore      *store,
                               gint64        employer_id,
                               const GDate  *today,
                               GError      **error);
void        pl_pack_data_free (PlPackData   *data);

/* Ids of the employers a pack is made for with --all: those with at least
 * one placement that is not cancelled, in name order. */
GArray     *pl_pack_data_hosting_employers (PlStore  *store,
                                            GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPackData, pl_pack_data_free)

G_END_DECLS
