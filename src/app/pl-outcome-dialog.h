/* pl-outcome-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_OUTCOME_DIALOG (pl_outcome_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlOutcomeDialog, pl_outcome_dialog, PL, OUTCOME_DIALOG, AdwMessageDialog)

PlOutcomeDialog *pl_outcome_dialog_new (GtkWindow *parent,
                                        PlStore   *store,
                                        PlRecord  *outcome);

G_END_DECLS
