/* pl-employer-chooser.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_EMPLOYER_CHOOSER (pl_employer_chooser_get_type ())

G_DECLARE_FINAL_TYPE (PlEmployerChooser, pl_employer_chooser, PL, EMPLOYER_CHOOSER, AdwWindow)

/* A window to choose the employer of placement @placement_id among those
 * of its sector, ranked by the scheduler; ::employer-chosen tells the
 * choice, and the window closes. */
PlEmployerChooser *pl_employer_chooser_new (GtkWindow *parent,
                                            PlContext *context,
                                            gint64     placement_id);

G_END_DECLS
