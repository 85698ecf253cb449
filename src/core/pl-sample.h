/* pl-sample.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Loads the sample network into an empty store: the case study's pilot year
 * (the academic year before the one holding @today) as individual records,
 * and a pipeline for the current year. One transaction: all or nothing. */
gboolean pl_sample_load (PlStore     *store,
                         const GDate *today,
                         GError     **error);

G_END_DECLS
