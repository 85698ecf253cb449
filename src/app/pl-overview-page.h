/* pl-overview-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_OVERVIEW_PAGE (pl_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (PlOverviewPage, pl_overview_page, PL, OVERVIEW_PAGE, GtkWidget)

/* Reads the lists and figures again now rather than when idle. */
void       pl_overview_page_refresh         (PlOverviewPage *self);
gboolean   pl_overview_page_is_reading      (PlOverviewPage *self);

/* The box below the figures where charts go; empty and hidden until a
 * chart is added to it. */
GtkBox    *pl_overview_page_get_charts_box  (PlOverviewPage *self);

G_END_DECLS
