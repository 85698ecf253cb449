/* fuzz-sample.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

PlStore *fuzz_sample_open (void);

G_END_DECLS
