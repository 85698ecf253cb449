/* pl-observations-panel.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_OBSERVATIONS_PANEL (pl_observations_panel_get_type ())

G_DECLARE_FINAL_TYPE (PlObservationsPanel, pl_observations_panel, PL, OBSERVATIONS_PANEL,
                      GtkWidget)

/* The lesson observations of one member of staff, or of one placement (its
 * teacher's and its cascade colleagues'), with add, edit and remove, and
 * the before-and-after comparison of each person observed. It does not
 * scroll: put it in a page that does. */
GtkWidget *pl_observations_panel_new           (void);
void       pl_observations_panel_set_staff     (PlObservationsPanel *self,
                                                gint64               staff_id);
gint64     pl_observations_panel_get_staff     (PlObservationsPanel *self);
void       pl_observations_panel_set_placement (PlObservationsPanel *self,
                                                gint64               placement_id);
gint64     pl_observations_panel_get_placement (PlObservationsPanel *self);

G_END_DECLS
