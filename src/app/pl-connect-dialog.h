/* pl-connect-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-application.h"

G_BEGIN_DECLS

#define PL_TYPE_CONNECT_DIALOG (pl_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlConnectDialog, pl_connect_dialog, PL, CONNECT_DIALOG, AdwWindow)

PlConnectDialog *pl_connect_dialog_new         (PlApplication   *application,
                                                GtkWindow       *parent,
                                                const char      *uri);
/* Why the dialog is shown, in place of the last connection's error. */
void             pl_connect_dialog_set_message (PlConnectDialog *self,
                                                const char      *message);
const char      *pl_connect_dialog_get_message (PlConnectDialog *self);
gboolean         pl_connect_dialog_get_busy    (PlConnectDialog *self);

G_END_DECLS
