/* pl-record-chooser.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-record-filter.h"
#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_RECORD_CHOOSER (pl_record_chooser_get_type ())

G_DECLARE_FINAL_TYPE (PlRecordChooser, pl_record_chooser, PL, RECORD_CHOOSER, GtkWidget)

GtkWidget *pl_record_chooser_new      (void);
void       pl_record_chooser_setup    (PlRecordChooser    *self,
                                       PlStore            *store,
                                       GType               type,
                                       const char         *search_kind,
                                       const char         *none_label);
void       pl_record_chooser_set_func (PlRecordChooser    *self,
                                       PlRecordFilterFunc  func,
                                       gpointer            user_data);
gint64     pl_record_chooser_get_id   (PlRecordChooser    *self);
void       pl_record_chooser_set_id   (PlRecordChooser    *self,
                                       gint64              id);

G_END_DECLS
