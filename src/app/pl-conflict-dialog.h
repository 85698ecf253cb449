/* pl-conflict-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with TRUE for "Use Mine", FALSE for "Keep Theirs". */
typedef void (*PlConflictChoice) (GObject  *owner,
                                  gboolean  use_mine);

/* On a shared data set a save can meet a newer change by someone else
 * (PL_ERROR_CONFLICT): asks whether to keep theirs or write what was
 * typed over it. @choice is called once, unless @owner is gone first;
 * closing the dialog keeps theirs only when nothing else is chosen —
 * what was typed stays in the fields either way until the choice. */
void pl_conflict_dialog_present (GtkWidget        *parent,
                                 const GError     *error,
                                 GObject          *owner,
                                 PlConflictChoice  choice);

G_END_DECLS
