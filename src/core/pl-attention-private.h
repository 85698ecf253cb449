/* pl-attention-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-attention.h"

G_BEGIN_DECLS

/* The entry of @employer_id in a list from pl_attention_employers(), for
 * the tests (transfer none, nullable). */
PlAttention *pl_attention_find (GPtrArray *attention,
                                gint64     employer_id);

G_END_DECLS
