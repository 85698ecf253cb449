/* pl-history-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_HISTORY_DIALOG (pl_history_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlHistoryDialog, pl_history_dialog, PL, HISTORY_DIALOG, AdwWindow)

/* Whether @store keeps a history of changes to show (a shared database
 * does, a file does not). */
gboolean         pl_history_dialog_is_available (PlStore         *store);

PlHistoryDialog *pl_history_dialog_new          (GtkWindow       *parent,
                                                 PlStore         *store,
                                                 GType            type,
                                                 gint64           id,
                                                 const char      *name);

/* The rows as shown, newest first: what changed (one line a change), then
 * a line "when · who" (transfer full). */
GStrv            pl_history_dialog_dup_rows     (PlHistoryDialog *self);

G_END_DECLS
