/* pl-pack.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* The employer toolkit pack: the guide for an employer hosting teaching
 * staff, filled in for one employer and laid out on pages. The same pages
 * draw to a PDF file (pl_pack_write_pdf) and, through pl-pack-print.c, to
 * a printer. */

/* A4 in PostScript points, as the PDF's page size. */
#define PL_PACK_A4_WIDTH  595.0
#define PL_PACK_A4_HEIGHT 842.0
/* Nothing is drawn nearer than this to the left or right edge. */
#define PL_PACK_MARGIN    56.0

typedef struct
{
  const char *template_path;  /* NULL: the person's own copy, or the built-in guide */
  const char *logo_path;      /* NULL: the pack_logo setting, if any */
} PlPackOptions;

#define PL_TYPE_PACK (pl_pack_get_type ())

G_DECLARE_FINAL_TYPE (PlPack, pl_pack, PL, PACK, GObject)

PlPack     *pl_pack_new               (PlStore             *store,
                                       gint64               employer_id,
                                       const PlPackOptions *options,
                                       GError             **error);

const char *pl_pack_get_employer_name (PlPack              *self);

/* Lays the pack out on pages of the given size, in points. Until this is
 * called, the pages are A4. */
void        pl_pack_set_page_size     (PlPack              *self,
                                       double               width,
                                       double               height);
guint       pl_pack_get_n_pages       (PlPack              *self);
/* Draws page @page (from 0) with (0, 0) at the paper's top-left corner
 * and one unit a point. */
void        pl_pack_draw_page         (PlPack              *self,
                                       cairo_t             *cr,
                                       guint                page);

/* Writes an A4 PDF; the file appears whole, replacing any old one, or not
 * at all. */
gboolean    pl_pack_write_pdf         (PlPack              *self,
                                       const char          *path,
                                       GError             **error);

/* A file name stem for @employer_name made only of ASCII letters, digits,
 * '-' and '_', never empty, never longer than 60 bytes (transfer full). */
char       *pl_pack_file_stem         (const char          *employer_name);

G_END_DECLS
