/* pl-colors.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The fixed palette of sector colours: fifteen, one for each default T Level
 * route (sector ids 1–15); a sector added later reuses them in turn. The
 * same sector has the same colour on every page and in every run. */
#define PL_N_SECTOR_COLORS 15

void     pl_sector_color        (gint64         sector_id,
                                 GdkRGBA       *out);

/* The colour of a kind of calendar period (a PlPeriodKind bit), opaque:
 * views choose how strongly to tint with it. */
void     pl_period_color        (guint          kind,
                                 GdkRGBA       *out);

/* Black or white, whichever reads better on @background. */
void     pl_color_text_on       (const GdkRGBA *background,
                                 GdkRGBA       *out);

G_END_DECLS
