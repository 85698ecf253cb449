/* pl-placement-editor-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-date-picker-row.h"
#include "pl-observations-panel.h"
#include "pl-placement-editor.h"
#include "pl-store.h"

G_BEGIN_DECLS

#define SAVE_DELAY_MS 400

/* The multi-line texts the editor holds. */
#define N_TEXTS 7

struct _PlPlacementEditor
{
  GtkWidget       parent_instance;

  PlContext      *context;
  GtkWidget      *focus_fallback;  /* weak */
  gint64          id;
  PlRecord       *record;          /* working copy */
  PlRecord       *snapshot;        /* as opened, for undo */
  PlRecord       *base;            /* as last read or saved: what typing began from */
  gboolean        asking;          /* a conflict is being decided */
  GStrv           snapshot_days;
  GStrv           days;
  guint           save_id;
  guint           refresh_id;
  gboolean        loading;
  gboolean        saving;
  gboolean        disposing;       /* no toasts while the editor goes */
  char           *missing_for;     /* the status the missing list is about, or NULL */
  AdwToast       *edit_toast;

  GtkStringList  *staff_names;
  GArray         *staff_ids;       /* gint64, parallel to staff_names */
  GtkStringList  *sector_names;
  GArray         *sector_ids;
  GtkStringList  *employer_names;
  GArray         *employer_ids;    /* gint64, parallel to employer_names */
  GtkCheckButton *aim_checks[PL_N_AIMS];
  GtkTextView    *texts[N_TEXTS];   /* the template's text views, as text_columns */

  /* Template widgets */
  GtkStack             *stack;
  GtkButton            *back_button;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkMenuButton        *history_button;
  GtkListBox           *history_list;
  GtkButton            *changes_button;
  GtkMenuButton        *more_button;
  GtkButton            *advance_button;
  GtkButton            *reopen_button;
  GtkLabel             *status_label;
  GtkLevelBar          *progress_bar;
  GtkLabel             *cancelled_label;
  AdwPreferencesGroup  *missing_group;
  GtkListBox           *missing_list;
  AdwViewStack         *view_stack;
  AdwActionRow         *staff_row;
  GtkDropDown          *staff_dropdown;
  AdwComboRow          *sector_row;
  AdwComboRow          *employer_row;
  AdwActionRow         *employer_choose_row;
  PlDatePickerRow            *window_start_row;
  PlDatePickerRow            *window_end_row;
  GtkSpinButton        *length_spin;
  PlDatePickerRow            *standby_row;
  AdwPreferencesGroup  *days_group;
  GtkMenuButton        *add_day_button;
  GtkPopover           *add_day_popover;
  GtkCalendar          *add_day_calendar;
  GtkListBox           *days_list;
  GtkTextView          *notes_view;
  GtkListBox           *aims_list;
  GtkTextView          *goals_view;
  GtkTextView          *priority_view;
  GtkTextView          *equality_view;
  GtkListBox           *milestones_list;
  GtkTextView          *learned_view;
  GtkTextView          *students_view;
  GtkTextView          *colleagues_view;
  GtkListBox           *cascade_list;
  PlObservationsPanel  *observations_panel;
  AdwPreferencesGroup  *surveys_group;
  GtkListBox           *surveys_list;
  GtkButton            *impact_button;
};

/* Shared by the files of the editor. */
PlStore    *_pl_placement_editor_get_store           (PlPlacementEditor *self);
const char *_pl_placement_editor_current_status      (PlPlacementEditor *self);
void        _pl_placement_editor_show_error          (PlPlacementEditor *self,
                                                      const char        *what,
                                                      const GError      *error);
void        _pl_placement_editor_add_toast           (PlPlacementEditor *self,
                                                      AdwToast          *toast);
void        _pl_placement_editor_show_edit_toast     (PlPlacementEditor *self);
void        _pl_placement_editor_remove_all_rows     (GtkListBox        *list);
void        _pl_placement_editor_reload              (PlPlacementEditor *self);

void        _pl_placement_editor_update_header       (PlPlacementEditor *self);
void        _pl_placement_editor_update_history      (PlPlacementEditor *self);
void        _pl_placement_editor_update_missing      (PlPlacementEditor *self);
void        _pl_placement_editor_rebuild_days        (PlPlacementEditor *self);
void        _pl_placement_editor_rebuild_milestones  (PlPlacementEditor *self);
void        _pl_placement_editor_rebuild_cascades    (PlPlacementEditor *self);
void        _pl_placement_editor_rebuild_impact      (PlPlacementEditor *self);

void        _pl_placement_editor_class_init_status   (GtkWidgetClass    *widget_class);
void        _pl_placement_editor_class_init_records  (GtkWidgetClass    *widget_class);
void        _pl_placement_editor_class_init_impact   (GtkWidgetClass    *widget_class);

G_END_DECLS
