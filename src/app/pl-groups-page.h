/* pl-groups-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_GROUPS_PAGE (pl_groups_page_get_type ())

G_DECLARE_FINAL_TYPE (PlGroupsPage, pl_groups_page, PL, GROUPS_PAGE, GtkWidget)

gint64 pl_groups_page_get_selected_id (PlGroupsPage *self);
void   pl_groups_page_select_id       (PlGroupsPage *self,
                                       gint64        group_id);

G_END_DECLS
