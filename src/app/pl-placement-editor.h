/* pl-placement-editor.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_PLACEMENT_EDITOR (pl_placement_editor_get_type ())

G_DECLARE_FINAL_TYPE (PlPlacementEditor, pl_placement_editor, PL, PLACEMENT_EDITOR, GtkWidget)

void    pl_placement_editor_set_placement     (PlPlacementEditor *self,
                                               gint64             id);
gint64  pl_placement_editor_get_placement     (PlPlacementEditor *self);

/* What takes the keyboard focus when the placement being edited goes
 * while the focus is in it (the list it was chosen from). */
void    pl_placement_editor_set_focus_fallback (PlPlacementEditor *self,
                                                GtkWidget         *fallback);

/* Writes what is being typed now rather than after the pause. */
void    pl_placement_editor_flush             (PlPlacementEditor *self);

/* The items the editor lists as missing after a refused step, as shown
 * (transfer full); empty when none is shown. */
GStrv   pl_placement_editor_dup_missing_items (PlPlacementEditor *self);

G_END_DECLS
