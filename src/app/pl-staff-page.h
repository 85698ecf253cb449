/* pl-staff-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-list-page.h"

G_BEGIN_DECLS

#define PL_TYPE_STAFF_PAGE (pl_staff_page_get_type ())

G_DECLARE_FINAL_TYPE (PlStaffPage, pl_staff_page, PL, STAFF_PAGE, PlListPage)

G_END_DECLS
