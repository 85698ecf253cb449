/* pl-choice-list.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void pl_choice_list_show_in_full (AdwComboRow *row);

G_END_DECLS
