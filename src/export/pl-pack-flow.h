/* pl-pack-flow.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A small page-layout engine for the employer pack: text, lists, tables
 * and drawn boxes flow down pages of a given size, split only where a
 * reader would accept it. Lines of a paragraph keep at least two together
 * at either end of a page, headings stay with what follows them, and a
 * table that runs on repeats its header row. Layout happens once, in
 * points, with font metrics that do not depend on the device, so a page
 * draws the same on a PDF surface and on a printer's cairo_t. */

typedef enum
{
  PL_FLOW_BODY,
  PL_FLOW_LEAD,
  PL_FLOW_SMALL,
  PL_FLOW_H1,
  PL_FLOW_H2,
  PL_FLOW_H3,
  PL_FLOW_LABEL,
  PL_FLOW_QUOTE,
  PL_FLOW_META,
  PL_FLOW_CELL,
  PL_FLOW_CELL_HEAD,
  PL_FLOW_FIGURE,
  PL_FLOW_CHIP,
  PL_FLOW_RUNNING,
  PL_FLOW_RUNNING_BOLD,
  PL_FLOW_COVER_KICKER,
  PL_FLOW_COVER_TITLE,
  PL_FLOW_COVER_LABEL,
  PL_FLOW_COVER_NAME,
  PL_FLOW_COVER_FROM,
  PL_FLOW_COVER_BLURB,
  PL_FLOW_N_STYLES
} PlFlowStyle;

typedef enum
{
  PL_FLOW_MARK_NONE,
  PL_FLOW_MARK_BULLET,
  PL_FLOW_MARK_CHECKBOX,
} PlFlowMark;

typedef enum
{
  PL_FLOW_INK,        /* body text */
  PL_FLOW_MUTED,      /* secondary text */
  PL_FLOW_PRIMARY,    /* headings, the cover band */
  PL_FLOW_ACCENT,     /* markers, figures */
  PL_FLOW_TINT,       /* light backgrounds */
  PL_FLOW_RULE,       /* hairlines */
  PL_FLOW_PAPER,      /* white */
  PL_FLOW_COLLEGE,    /* the college's calendar on the timeline */
  PL_FLOW_EMPLOYER,   /* the employer's calendar on the timeline */
} PlFlowColor;

typedef enum
{
  PL_FLOW_CELL_TEXT,
  PL_FLOW_CELL_CHECKBOX,
  PL_FLOW_CELL_MARKER,  /* a numbered circle, filled when done */
} PlFlowCellKind;

typedef struct
{
  PlFlowCellKind  kind;
  const char     *markup;   /* PL_FLOW_CELL_TEXT */
  int             number;   /* PL_FLOW_CELL_MARKER */
  gboolean        filled;   /* PL_FLOW_CELL_MARKER */
  gboolean        center;   /* PL_FLOW_CELL_TEXT: centred in its column */
} PlFlowCell;

typedef struct _PlFlow PlFlow;
typedef struct _PlFlowTable PlFlowTable;

/* Draws a box whose top-left corner is (x, y) and width @width. */
typedef void (*PlFlowDrawFunc) (cairo_t *cr,
                                double   x,
                                double   y,
                                double   width,
                                gpointer data);

PlFlow      *pl_flow_new              (double        page_width,
                                       double        page_height,
                                       double        margin,
                                       double        top,
                                       double        bottom);
void         pl_flow_free             (PlFlow       *self);

/* The width of the text between the margins. */
double       pl_flow_get_width        (PlFlow       *self);

/* A layout in @style with @markup, wrapped at @width points (no wrapping
 * when @width <= 0). Falls back to plain text when the markup (say, of a
 * translation) is not valid. (transfer full) */
PangoLayout *pl_flow_create_layout    (PlFlow       *self,
                                       PlFlowStyle   style,
                                       const char   *markup,
                                       double        width);
/* Height in points of a laid-out layout. */
double       pl_flow_layout_height    (PangoLayout  *layout);
void         pl_flow_set_color        (cairo_t      *cr,
                                       PlFlowColor   color);
void         pl_flow_set_style_color  (cairo_t      *cr,
                                       PlFlowStyle   style);
void         pl_flow_draw_checkbox    (cairo_t      *cr,
                                       double        x,
                                       double        y,
                                       double        size);
void         pl_flow_draw_marker      (PlFlow       *self,
                                       cairo_t      *cr,
                                       double        cx,
                                       double        cy,
                                       double        radius,
                                       int           number,
                                       gboolean      filled);

/* Adds a paragraph; @space_before < 0 takes the style's. Headings keep
 * with what follows. @anchor names the paragraph for
 * pl_flow_get_anchor_page(). */
void         pl_flow_add_text         (PlFlow       *self,
                                       PlFlowStyle   style,
                                       const char   *markup,
                                       double        space_before,
                                       double        indent,
                                       PlFlowMark    mark,
                                       const char   *anchor);
/* An unbreakable box drawn by @draw; @destroy frees @data with the flow. */
void         pl_flow_add_box          (PlFlow        *self,
                                       double         height,
                                       double         space_before,
                                       PlFlowDrawFunc draw,
                                       gpointer       data,
                                       GDestroyNotify destroy);
/* The last thing added stays on the same page as the next one. */
void         pl_flow_keep_with_next   (PlFlow       *self);
void         pl_flow_add_page_break   (PlFlow       *self);

/* A table whose columns share the width in the given proportions. Rows go
 * into the flow as they are added. */
PlFlowTable *pl_flow_add_table        (PlFlow       *self,
                                       guint         n_columns,
                                       const double *fractions,
                                       double        space_before);
void         pl_flow_table_add_row    (PlFlowTable  *table,
                                       gboolean      header,
                                       const PlFlowCell *cells);

void         pl_flow_paginate         (PlFlow       *self);
guint        pl_flow_get_n_pages      (PlFlow       *self);
void         pl_flow_draw_page        (PlFlow       *self,
                                       cairo_t      *cr,
                                       guint         page);
/* The page (from 0) the anchored paragraph landed on, or -1. */
int          pl_flow_get_anchor_page  (PlFlow       *self,
                                       const char   *anchor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlFlow, pl_flow_free)

G_END_DECLS
