/* pl-overview.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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

/* The Overview's lists, read at once. */
typedef enum
{
  PL_OVERVIEW_OVERDUE,          /* as pl_overview_overdue_milestones() */
  PL_OVERVIEW_DUE_THIS_WEEK,    /* as pl_overview_due_this_week() */
  PL_OVERVIEW_COMING,           /* as pl_overview_coming_placements(), 30 days */
  PL_OVERVIEW_REQUESTS,         /* as pl_overview_requests_without_dates() */
  PL_OVERVIEW_ATTENTION,        /* as pl_attention_employers() and the Employers page's
                                 * filter, the follow-ups due first, longest waiting first */
  PL_OVERVIEW_N_LISTS
} PlOverviewList;

#define PL_OVERVIEW_COMING_DAYS 30

typedef struct
{
  GPtrArray *items[PL_OVERVIEW_N_LISTS];   /* of PlOverviewItem: the first few */
  guint      totals[PL_OVERVIEW_N_LISTS];  /* how many there are in all */
} PlOverviewLists;

void             pl_overview_lists_free  (PlOverviewLists     *lists);

/* The first @limit items of each list (0: all of them) and how many each
 * has, as of @today; @months is how long without contact is too long (the
 * `attention-months` setting). On a large network the few rows come quickly and only
 * the counts cost more. Returns NULL with @error set when the database
 * fails. */
PlOverviewLists *pl_overview_read        (PlStore             *store,
                                          const GDate         *today,
                                          guint                limit,
                                          guint                months,
                                          GError             **error);
/* The same in the store's worker (see pl-store-job.h), so that the
 * window does not wait for it. */
void             pl_overview_read_async  (PlStore             *store,
                                          const GDate         *today,
                                          guint                limit,
                                          guint                months,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
PlOverviewLists *pl_overview_read_finish (PlStore             *store,
                                          GAsyncResult        *result,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlOverviewItem, pl_overview_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlOverviewLists, pl_overview_lists_free)

G_END_DECLS
