/* pl-date-entry-row.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PL_TYPE_DATE_ENTRY_ROW (pl_date_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (PlDateEntryRow, pl_date_entry_row, PL, DATE_ENTRY_ROW, AdwEntryRow)

G_END_DECLS
