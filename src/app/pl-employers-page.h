/* pl-employers-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-list-page.h"

G_BEGIN_DECLS

#define PL_TYPE_EMPLOYERS_PAGE (pl_employers_page_get_type ())

G_DECLARE_FINAL_TYPE (PlEmployersPage, pl_employers_page, PL, EMPLOYERS_PAGE, PlListPage)

void pl_employers_page_set_needs_attention (PlEmployersPage *self,
                                            gboolean         only);

G_END_DECLS
