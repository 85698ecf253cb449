/* pl-placement-list.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Which placements a list shows; zero and NULL members mean "any". */
typedef struct
{
  const char *status;
  gint64      partner_id;
  gint64      sector_id;
  gint64      employer_id;
  int         academic_year;   /* 2026 for 2026–27 */
  const char *search;          /* words, matched as prefixes */
  /* Taking place: not cancelled, with a day from @days_from to @days_to
   * (ISO, inclusive); both or neither. */
  const char *days_from;
  const char *days_to;
  gboolean    without_days;    /* only those that have no days yet */
  /* Not cancelled, with a milestone not done due from @milestones_from
   * to @milestones_to (ISO, inclusive); NULL leaves that end open, both
   * NULL: any placement. */
  const char *milestones_from;
  const char *milestones_to;
} PlPlacementFilter;

#define PL_TYPE_PLACEMENT_LIST (pl_placement_list_get_type ())

G_DECLARE_FINAL_TYPE (PlPlacementList, pl_placement_list, PL, PLACEMENT_LIST, GObject)

/* A GListModel of PlPlacement chosen and ordered by the database: those
 * without days first (newest first), then by first day, latest first. It
 * follows the store; records are read only when asked for, so that a
 * list of 100,000 stays light. */
PlPlacementList *pl_placement_list_new        (PlStore                 *store);
void             pl_placement_list_set_filter (PlPlacementList         *self,
                                               const PlPlacementFilter *filter);
/* The position of placement @id, or G_MAXUINT when it is not shown. */
guint            pl_placement_list_find       (PlPlacementList         *self,
                                               gint64                   id);

/* The academic years (by the year they start in) that hold a placement's
 * first day, window or creation, ascending (transfer full, int). */
GArray          *pl_placement_list_years      (PlStore                 *store);

G_END_DECLS
