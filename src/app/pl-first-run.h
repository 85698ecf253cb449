/* pl-first-run.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_FIRST_RUN (pl_first_run_get_type ())

G_DECLARE_FINAL_TYPE (PlFirstRun, pl_first_run, PL, FIRST_RUN, AdwWindow)

/* The short path from an empty database to a first request: the college,
 * its terms, a first employer, a first request; every step can be
 * skipped. When it closes on its last step, @parent (a PlWindow) opens
 * the request it made. */
PlFirstRun *pl_first_run_new      (GtkWindow  *parent,
                                   PlContext  *context);
/* "college", "terms", "employer", "request" or "done". */
const char *pl_first_run_get_step (PlFirstRun *self);

G_END_DECLS
