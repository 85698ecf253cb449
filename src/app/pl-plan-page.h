/* pl-plan-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PL_TYPE_PLAN_PAGE (pl_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (PlPlanPage, pl_plan_page, PL, PLAN_PAGE, AdwBin)

/* The open requests as the page lists them (PlPlanItem), in list order. */
GListModel *pl_plan_page_get_items   (PlPlanPage *self);
gboolean    pl_plan_page_is_planning (PlPlanPage *self);
/* Planning, or checking the placements against the calendars. */
gboolean    pl_plan_page_is_busy     (PlPlanPage *self);
/* Proposed and agreed placements that the calendars no longer allow, as
 * the last check (run after every change) found them. */
guint       pl_plan_page_get_n_broken (PlPlanPage *self);

G_END_DECLS
