/* pl-date-row.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PL_TYPE_DATE_ROW (pl_date_row_get_type ())

G_DECLARE_FINAL_TYPE (PlDateRow, pl_date_row, PL, DATE_ROW, AdwEntryRow)

GtkWidget *pl_date_row_new          (void);
char      *pl_date_row_get_date     (PlDateRow  *self);
void       pl_date_row_set_date     (PlDateRow  *self,
                                     const char *iso);
gboolean   pl_date_row_get_required (PlDateRow  *self);
void       pl_date_row_set_required (PlDateRow  *self,
                                     gboolean    required);
gboolean   pl_date_row_is_valid     (PlDateRow  *self);

G_END_DECLS
