/* pl-placements-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"
#include "pl-placement-editor.h"

G_BEGIN_DECLS

#define PL_TYPE_PLACEMENTS_PAGE (pl_placements_page_get_type ())

G_DECLARE_FINAL_TYPE (PlPlacementsPage, pl_placements_page, PL, PLACEMENTS_PAGE, GtkWidget)

/* Shows placement @id in the editor and selects it in the list, clearing
 * the search and filters when they hide it. */
void               pl_placements_page_select     (PlPlacementsPage *self,
                                                  gint64            id);
PlPlacementEditor *pl_placements_page_get_editor (PlPlacementsPage *self);
GListModel        *pl_placements_page_get_list   (PlPlacementsPage *self);

/* The Overview's "Show all": the list narrowed to placements taking place
 * from @from to @to (ISO, inclusive), or to requests without days. */
void pl_placements_page_show_taking_place          (PlPlacementsPage *self,
                                                    const char       *from,
                                                    const char       *to);
void pl_placements_page_show_requests_without_days (PlPlacementsPage *self);
/* ... or to those with a milestone not done due from @from to @to (ISO,
 * inclusive; either may be NULL for an open end). */
void pl_placements_page_show_milestones_due        (PlPlacementsPage *self,
                                                    const char       *from,
                                                    const char       *to);

G_END_DECLS
