/* pl-overview.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* One line of the Overview: what needs doing, and the record it opens. */
typedef struct
{
  gint64  placement_id;   /* the placement it opens, or 0 */
  gint64  employer_id;    /* the employer it opens when placement_id is 0 */
  gint64  milestone_id;   /* for a milestone, or 0 */
  char   *title;
  char   *subtitle;
  char   *date;           /* ISO: when it is due, or when the placement starts */
} PlOverviewItem;

#define PL_TYPE_OVERVIEW_ITEM (pl_overview_item_get_type ())

GType           pl_overview_item_get_type (void) G_GNUC_CONST;
PlOverviewItem *pl_overview_item_copy     (const PlOverviewItem *item);
void            pl_overview_item_free     (PlOverviewItem       *item);

/* Each returns a new array of PlOverviewItem (transfer full, freeing its
 * items), in the order a coordinator deals with them. Cancelled placements
 * are left out everywhere. */

/* Milestones not done whose due date is before @today, oldest first. */
GPtrArray *pl_overview_overdue_milestones          (PlStore     *store,
                                                    const GDate *today);
/* Milestones not done due from @today to six days after it. */
GPtrArray *pl_overview_due_this_week               (PlStore     *store,
                                                    const GDate *today);
/* Placements with a day from @today to @days days after it, by first day. */
GPtrArray *pl_overview_coming_placements           (PlStore     *store,
                                                    const GDate *today,
                                                    int          days);
/* Requests that have no days yet, oldest first. */
GPtrArray *pl_overview_requests_without_dates      (PlStore     *store);
/* Employers whose latest contact asked for a follow-up on or before
 * @today, unless they asked not to be contacted before a later date. */
GPtrArray *pl_overview_employers_needing_attention (PlStore     *store,
                                                    const GDate *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlOverviewItem, pl_overview_item_free)

G_END_DECLS
