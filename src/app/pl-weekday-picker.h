/* pl-weekday-picker.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_WEEKDAY_PICKER (pl_weekday_picker_get_type ())

G_DECLARE_FINAL_TYPE (PlWeekdayPicker, pl_weekday_picker, PL, WEEKDAY_PICKER, GtkWidget)

int  pl_weekday_picker_get_mask (PlWeekdayPicker *self);
void pl_weekday_picker_set_mask (PlWeekdayPicker *self,
                                 int              mask);

G_END_DECLS
