/* pl-date-picker-row.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PL_TYPE_DATE_PICKER_ROW (pl_date_picker_row_get_type ())

G_DECLARE_FINAL_TYPE (PlDatePickerRow, pl_date_picker_row, PL, DATE_PICKER_ROW, AdwActionRow)

GtkWidget  *pl_date_picker_row_new      (void);
/* The date as ISO YYYY-MM-DD text, or NULL when none is chosen. */
const char *pl_date_picker_row_get_date (PlDatePickerRow  *self);
void        pl_date_picker_row_set_date (PlDatePickerRow  *self,
                                  const char *date);
void        pl_date_picker_row_set_required (PlDatePickerRow *self,
                                      gboolean   required);

/* Shows @date in words: "Tuesday 30 March 2027" (transfer full). */
char       *pl_date_in_words     (const char *date);

G_END_DECLS
