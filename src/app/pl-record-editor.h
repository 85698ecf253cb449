/* pl-record-editor.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_RECORD_EDITOR (pl_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (PlRecordEditor, pl_record_editor, PL, RECORD_EDITOR, GObject)

/* How long typing may pause before what was typed is saved. */
#define PL_RECORD_EDITOR_DELAY_MS 500

PlRecordEditor *pl_record_editor_new          (PlStore        *store,
                                               GType           type);
void            pl_record_editor_bind         (PlRecordEditor *self,
                                               GtkWidget      *widget,
                                               const char     *column);
void            pl_record_editor_bind_ref     (PlRecordEditor *self,
                                               GtkWidget      *widget,
                                               const char     *column,
                                               const char     *none_label);
void            pl_record_editor_set_record   (PlRecordEditor *self,
                                               PlRecord       *record);
PlRecord       *pl_record_editor_get_record   (PlRecordEditor *self);
gboolean        pl_record_editor_flush        (PlRecordEditor *self);
gboolean        pl_record_editor_save         (PlRecordEditor *self,
                                               GError        **error);
void            pl_record_editor_set_manual   (PlRecordEditor *self,
                                               gboolean        manual);
gboolean        pl_record_editor_apply        (PlRecordEditor *self);
void            pl_record_editor_set_error    (PlRecordEditor *self,
                                               const char     *column,
                                               const char     *message);
const char     *pl_record_editor_get_error    (PlRecordEditor *self,
                                               const char     *column);
GtkWidget      *pl_record_editor_get_widget   (PlRecordEditor *self,
                                               const char     *column);

G_END_DECLS
