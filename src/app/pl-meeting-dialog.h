/* pl-meeting-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_MEETING_DIALOG (pl_meeting_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlMeetingDialog, pl_meeting_dialog, PL, MEETING_DIALOG, AdwMessageDialog)

PlMeetingDialog *pl_meeting_dialog_new (GtkWindow *parent,
                                        PlStore   *store,
                                        PlRecord  *meeting);

G_END_DECLS
