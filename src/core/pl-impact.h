/* pl-impact.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* One lesson observation as the improvement rule reads it. */
typedef struct
{
  gint64 id;                          /* 0: there is none */
  char   date[11];                    /* ISO, empty when there is none */
  int    ratings[PL_N_CRITERIA];      /* 1 outstanding … 4 inadequate; 0 not observed */
  int    learners_progressed;         /* 1 yes, 0 no, -1 not recorded */
} PlObservationSide;

/* A member of staff's last observation before and first after. */
typedef struct
{
  gint64            staff_id;
  PlObservationSide before;
  PlObservationSide after;
} PlObservationPair;

/* What the rule says for one member of staff. */
typedef struct
{
  PlObservationPair pair;
  gboolean          observed;                  /* both a before and an after */
  gboolean          improved[PL_N_CRITERIA];
  guint             n_improved;
} PlImprovements;

/* The last observation of @staff_id before a placement and the first
 * after, and per criterion whether it improved. Same-day observations go
 * in the order they were entered. FALSE with @error only when the store
 * fails; a member of staff never observed gives observed = FALSE. */
gboolean    pl_impact_improvements    (PlStore            *store,
                                       gint64              staff_id,
                                       PlImprovements     *out,
                                       GError            **error);

/* The member of staff called @name (ignoring case): 0 with
 * PL_ERROR_NOT_FOUND when nobody is, or PL_ERROR_INVALID when several
 * people are. */
gint64      pl_impact_find_staff      (PlStore            *store,
                                       const char         *name,
                                       GError            **error);

/* The story of one member of staff's placements, from aims to surveys, as
 * the JSON object `placements-cli impact --json` prints (transfer full);
 * see the comment at the top of pl-impact.c for its members. */
JsonNode   *pl_impact_chain           (PlStore            *store,
                                       gint64              staff_id,
                                       GError            **error);

G_END_DECLS
