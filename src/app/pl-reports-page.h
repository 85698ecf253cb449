/* pl-reports-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PL_TYPE_REPORTS_PAGE (pl_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (PlReportsPage, pl_reports_page, PL, REPORTS_PAGE, AdwBin)

gboolean pl_reports_page_get_busy (PlReportsPage *self);

G_END_DECLS
