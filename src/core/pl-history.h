/* pl-history.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* The undo history of a window: every change committed to the store while
 * the history exists (an edit, a deletion with all it cascaded, a status
 * change, an import, a plan accepted, a period changed) is one step, to be
 * undone and redone for as long as the history lives. Edits of one record
 * that follow each other within a few seconds are one step, as typing is. */

#define PL_TYPE_HISTORY (pl_history_get_type ())

G_DECLARE_FINAL_TYPE (PlHistory, pl_history, PL, HISTORY, GObject)

/* Turns recording on for @store (and off again when the history goes). */
PlHistory  *pl_history_new            (PlStore    *store);

gboolean    pl_history_get_can_undo   (PlHistory  *self);
gboolean    pl_history_get_can_redo   (PlHistory  *self);
/* What the next undo or redo would do, in words ("Delete Employer"), or
 * NULL. */
const char *pl_history_get_undo_label (PlHistory  *self);
const char *pl_history_get_redo_label (PlHistory  *self);
guint       pl_history_get_n_steps    (PlHistory  *self);

/* Undoes the last step (redoes the last undone one). Refused, with
 * nothing changed, when another program changed its rows since. */
gboolean    pl_history_undo           (PlHistory  *self,
                                       GError    **error);
gboolean    pl_history_redo           (PlHistory  *self,
                                       GError    **error);

/* The words for a step of @changes that its writer did not name. */
char       *pl_history_describe       (GBytes     *changes);

G_END_DECLS
