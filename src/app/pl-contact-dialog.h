/* pl-contact-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_CONTACT_DIALOG (pl_contact_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlContactDialog, pl_contact_dialog, PL, CONTACT_DIALOG, AdwWindow)

PlContactDialog *pl_contact_dialog_new (GtkWindow  *parent,
                                        PlStore    *store,
                                        PlRecord   *employer,
                                        PlRecord   *contact,
                                        const char *today);
gboolean         pl_contact_dialog_save (PlContactDialog *self);

G_END_DECLS
