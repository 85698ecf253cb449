/* pl-pack-data.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pl-store-pack.h"

G_BEGIN_DECLS

/* Everything the employer pack shows about one employer, read from the
 * store in one go (pl-store-pack.h, whose rows these are), so that drawing
 * pages never touches the database. Every string is plain text (not
 * markup) and may be NULL when not recorded. */

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPackData, pl_pack_data_free)

G_END_DECLS
