/* pl-partners-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-list-page.h"

G_BEGIN_DECLS

#define PL_TYPE_PARTNERS_PAGE (pl_partners_page_get_type ())

G_DECLARE_FINAL_TYPE (PlPartnersPage, pl_partners_page, PL, PARTNERS_PAGE, PlListPage)

G_END_DECLS
