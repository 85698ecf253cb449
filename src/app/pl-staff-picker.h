/* pl-staff-picker.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_STAFF_PICKER (pl_staff_picker_get_type ())

G_DECLARE_FINAL_TYPE (PlStaffPicker, pl_staff_picker, PL, STAFF_PICKER, GtkPopover)

void pl_staff_picker_set_store    (PlStaffPicker *self,
                                   PlStore       *store);
void pl_staff_picker_set_excluded (PlStaffPicker *self,
                                   GHashTable    *staff_ids);

/* Searchable drop-downs take typing as soon as they open. */
void pl_drop_down_search_at_once  (GtkDropDown   *drop_down);

G_END_DECLS
