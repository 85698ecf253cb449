/* pl-document-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_DOCUMENT_DIALOG (pl_document_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlDocumentDialog, pl_document_dialog, PL, DOCUMENT_DIALOG, AdwWindow)

PlDocumentDialog *pl_document_dialog_new  (GtkWindow  *parent,
                                           PlStore    *store,
                                           PlRecord   *employer,
                                           PlRecord   *document,
                                           const char *kind);
gboolean          pl_document_dialog_save (PlDocumentDialog *self);

G_END_DECLS
