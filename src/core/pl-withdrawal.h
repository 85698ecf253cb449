/* pl-withdrawal.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* What becomes of one open placement of a withdrawing partner. */
typedef struct
{
  gint64 placement_id;
  gint64 move_to_staff_id; /* another partner's staff member; 0 to cancel */
} PlWithdrawalChoice;

#define PL_TYPE_WITHDRAWAL (pl_withdrawal_get_type ())

G_DECLARE_FINAL_TYPE (PlWithdrawal, pl_withdrawal, PL, WITHDRAWAL, GObject)

GArray       *pl_withdrawal_open_placements (PlStore                  *store,
                                             gint64                    partner_id);
PlWithdrawal *pl_withdrawal_apply           (PlStore                  *store,
                                             gint64                    partner_id,
                                             const char               *date,
                                             const char               *reason,
                                             const PlWithdrawalChoice *choices,
                                             guint                     n_choices,
                                             GError                  **error);
gboolean      pl_withdrawal_undo            (PlWithdrawal             *self,
                                             GError                  **error);
guint         pl_withdrawal_get_n_cancelled (PlWithdrawal             *self);
guint         pl_withdrawal_get_n_moved     (PlWithdrawal             *self);

G_END_DECLS
