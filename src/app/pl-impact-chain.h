/* pl-impact-chain.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_IMPACT_CHAIN (pl_impact_chain_get_type ())

G_DECLARE_FINAL_TYPE (PlImpactChain, pl_impact_chain, PL, IMPACT_CHAIN, GtkWidget)

/* One member of staff's impact as one page to read from top to bottom:
 * aims → reflection → cascade → observations before and after → survey
 * results of their learners and hosts, from pl_impact_chain() in the core.
 * It does not scroll: put it in a page or window that does. */
GtkWidget *pl_impact_chain_new        (void);
void       pl_impact_chain_set_staff  (PlImpactChain *self,
                                       gint64         staff_id);
gint64     pl_impact_chain_get_staff  (PlImpactChain *self);

/* Opens the chain of @staff_id in a window of its own over @parent, until
 * the Staff page shows it (transfer none). */
GtkWindow *pl_impact_chain_show_window (GtkWindow    *parent,
                                        PlContext    *context,
                                        gint64        staff_id);

G_END_DECLS
