/* pl-test-milestones.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Fails the test unless placement @placement_id has exactly one milestone
 * per template, each with the template's label and, while it is not done,
 * the due date the model computes (pl_milestones_due() over the store's
 * working days, bank holidays included) from its first and last day. A
 * placement without days must have no undone milestone. */
void pl_test_assert_model_milestones (PlStore *store,
                                      gint64   placement_id);

G_END_DECLS
