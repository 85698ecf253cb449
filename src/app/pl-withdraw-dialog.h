/* pl-withdraw-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_WITHDRAW_DIALOG (pl_withdraw_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlWithdrawDialog, pl_withdraw_dialog, PL, WITHDRAW_DIALOG, AdwWindow)

PlWithdrawDialog *pl_withdraw_dialog_new        (GtkWindow        *parent,
                                                 PlStore          *store,
                                                 PlRecord         *partner,
                                                 const char       *today);
guint             pl_withdraw_dialog_get_n_open (PlWithdrawDialog *self);
void              pl_withdraw_dialog_move_all   (PlWithdrawDialog *self,
                                                 gint64            staff_id);
gboolean          pl_withdraw_dialog_apply      (PlWithdrawDialog *self);

G_END_DECLS
