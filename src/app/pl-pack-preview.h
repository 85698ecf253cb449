/* pl-pack-preview.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PL_TYPE_PACK_PREVIEW (pl_pack_preview_get_type ())

G_DECLARE_FINAL_TYPE (PlPackPreview, pl_pack_preview, PL, PACK_PREVIEW, AdwWindow)

void  pl_pack_preview_attach      (GtkPrintOperation *operation);

guint pl_pack_preview_get_n_pages (PlPackPreview     *self);
guint pl_pack_preview_get_page    (PlPackPreview     *self);
void  pl_pack_preview_set_page    (PlPackPreview     *self,
                                   guint              page);
void  pl_pack_preview_draw        (PlPackPreview     *self,
                                   cairo_t           *cr,
                                   int                width,
                                   int                height);

G_END_DECLS
