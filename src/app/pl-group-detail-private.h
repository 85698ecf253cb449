/* pl-group-detail-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-group-detail.h"
#include "pl-staff-picker.h"
#include "pl-window.h"

G_BEGIN_DECLS

/* How long typing must pause before it is saved: long enough not to write
 * a transaction a keystroke, short enough that nothing typed waits long. */
#define SAVE_DELAY_MS 400

/* Shared by pl-group-detail.c (the group's own fields) and
 * pl-group-detail-rows.c (its members, meetings and outcomes). */
struct _PlGroupDetail
{
  AdwBin             parent_instance;

  PlContext         *context;
  gint64             group_id;
  PlRecord          *group;        /* as last saved; NULL when none is shown */
  GListModel        *members;
  GListModel        *meetings;
  GListModel        *outcomes;
  GHashTable        *member_staff; /* staff ids of the members, for the picker */
  guint              save_source;
  gboolean           loading;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkLabel          *status_label;
  GtkLabel          *subtitle_label;
  AdwEntryRow       *name_row;
  AdwComboRow       *area_row;
  GtkSpinButton     *wave_spin;
  AdwEntryRow       *facilitator_row;
  GtkLabel          *error_label;
  GtkTextView       *aim_view;
  GtkTextView       *notes_view;
  PlStaffPicker     *staff_picker;
  GtkListBox        *members_list;
  GtkListBox        *meetings_list;
  GtkListBox        *outcomes_list;
};

PlStore  *pl_group_detail_get_store       (PlGroupDetail  *self);
PlWindow *pl_group_detail_get_window      (PlGroupDetail  *self);
void      pl_group_detail_show_error      (PlGroupDetail  *self,
                                           const char     *what,
                                           const GError   *error);

void      pl_group_detail_class_init_rows (GtkWidgetClass *widget_class);
void      pl_group_detail_bind_lists      (PlGroupDetail  *self);
void      pl_group_detail_unbind_lists    (PlGroupDetail  *self);

G_END_DECLS
