/* pl-pack-flow.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-pack"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-pack-flow.h"

/* Fonts: Cantarell, GNOME's typeface, falling back to the system's sans. */
#define FAMILY "Cantarell,Sans"

typedef struct
{
  const char *font;
  PlFlowColor color;
  double      line_spacing;   /* a factor of the font's height */
  double      space_before;   /* points, dropped at the top of a page */
  double      space_after;    /* points, part of the last line */
  int         letter_spacing; /* 1/1024 pt */
  gboolean    heading;        /* keeps with what follows */
} StyleSpec;

static const StyleSpec styles[PL_FLOW_N_STYLES] = {
  [PL_FLOW_BODY]      = { FAMILY " 10.5", PL_FLOW_INK, 1.36, 8, 0, 0, FALSE },
  [PL_FLOW_LEAD]      = { FAMILY " Light 13.5", PL_FLOW_PRIMARY, 1.3, 4, 4, 0, FALSE },
  [PL_FLOW_SMALL]     = { FAMILY " 8.5", PL_FLOW_MUTED, 1.35, 12, 0, 0, FALSE },
  [PL_FLOW_H1]        = { FAMILY " Extra Bold 21", PL_FLOW_PRIMARY, 1.1, 30, 8, 0, TRUE },
  [PL_FLOW_H2]        = { FAMILY " Bold 12.5", PL_FLOW_PRIMARY, 1.15, 18, 0, 0, TRUE },
  [PL_FLOW_H3]        = { FAMILY " Bold 14", PL_FLOW_INK, 1.15, 20, 0, 0, TRUE },
  [PL_FLOW_LABEL]     = { FAMILY " Bold 7.5", PL_FLOW_MUTED, 1.2, 13, 0, 900, TRUE },
  [PL_FLOW_QUOTE]     = { FAMILY " Light 11.5", PL_FLOW_INK, 1.32, 3, 0, 0, FALSE },
  [PL_FLOW_META]      = { FAMILY " 9.5", PL_FLOW_MUTED, 1.25, 2, 0, 0, FALSE },
  [PL_FLOW_CELL]      = { FAMILY " 9.5", PL_FLOW_INK, 1.28, 0, 0, 0, FALSE },
  [PL_FLOW_CELL_HEAD] = { FAMILY " Bold 8.5", PL_FLOW_PAPER, 1.2, 0, 0, 300, FALSE },
  [PL_FLOW_FIGURE]    = { FAMILY " Extra Bold 30", PL_FLOW_ACCENT, 1.0, 0, 0, 0, FALSE },
  [PL_FLOW_CHIP]      = { FAMILY " Bold 10.5", PL_FLOW_PRIMARY, 1.3, 0, 0, 0, FALSE },
  [PL_FLOW_RUNNING]   = { FAMILY " 8", PL_FLOW_MUTED, 1.0, 0, 0, 200, FALSE },
  [PL_FLOW_RUNNING_BOLD] = { FAMILY " Bold 8", PL_FLOW_PRIMARY, 1.0, 0, 0, 200, FALSE },
  [PL_FLOW_COVER_KICKER] = { FAMILY " Bold 9", PL_FLOW_ACCENT, 1.2, 0, 0, 2000, FALSE },
  [PL_FLOW_COVER_TITLE]  = { FAMILY " Extra Bold 30", PL_FLOW_PAPER, 1.08, 0, 0, 0, FALSE },
  [PL_FLOW_COVER_LABEL]  = { FAMILY " 11", PL_FLOW_MUTED, 1.2, 0, 0, 600, FALSE },
  [PL_FLOW_COVER_NAME]   = { FAMILY " Extra Bold 32", PL_FLOW_INK, 1.05, 0, 0, 0, FALSE },
  [PL_FLOW_COVER_FROM]   = { FAMILY " 14", PL_FLOW_PRIMARY, 1.25, 0, 0, 0, FALSE },
  [PL_FLOW_COVER_BLURB]  = { FAMILY " Light 13", PL_FLOW_INK, 1.35, 0, 0, 0, FALSE },
};

static const struct {
  double r, g, b;
} colors[] = {
  [PL_FLOW_INK]      = { 0.13, 0.15, 0.17 },
  [PL_FLOW_MUTED]    = { 0.37, 0.42, 0.46 },
  [PL_FLOW_PRIMARY]  = { 0.08, 0.30, 0.40 },
  [PL_FLOW_ACCENT]   = { 0.89, 0.47, 0.18 },
  [PL_FLOW_TINT]     = { 0.925, 0.953, 0.961 },
  [PL_FLOW_RULE]     = { 0.78, 0.83, 0.85 },
  [PL_FLOW_PAPER]    = { 1.0, 1.0, 1.0 },
  [PL_FLOW_COLLEGE]  = { 0.62, 0.77, 0.84 },
  [PL_FLOW_EMPLOYER] = { 0.97, 0.80, 0.62 },
};

/* Table cells: inner padding, and the width of a marker or box column. */
#define CELL_PAD_X 6.0
#define CELL_PAD_Y 4.5
#define CHECKBOX_SIZE 11.0
#define MARKER_RADIUS 6.5

typedef enum
{
  ITEM_LINE,
  ITEM_BOX,
  ITEM_ROW,
  ITEM_BREAK,
} ItemKind;

typedef struct _Row Row;

typedef struct _Item Item;

struct _Item
{
  ItemKind        kind;
  double          height;
  double          space_before;
  gboolean        keep_with_next;

  /* ITEM_LINE: one line of a shared layout. */
  PangoLayout    *layout;
  int             line;
  double          x;          /* where the layout starts */
  double          baseline;   /* from the item's top */
  double          line_x;     /* the line's offset inside the layout */
  PlFlowStyle     style;
  PlFlowMark      mark;
  char           *anchor;

  /* ITEM_BOX */
  PlFlowDrawFunc  draw;
  gpointer        data;
  GDestroyNotify  destroy;

  /* ITEM_ROW */
  Row            *row;
  Item           *repeat;     /* the header to draw first on a new page */

  /* Where pagination put it. */
  int             page;
  double          y;
};

struct _PlFlowTable
{
  PlFlow  *flow;
  guint    n_columns;
  double  *x;                 /* column starts, relative to the left margin */
  double  *widths;
  Item    *header;
  guint    n_rows;            /* body rows so far, for shading */
};

struct _Row
{
  PlFlowTable *table;
  gboolean     header;
  gboolean     shaded;
  gboolean     has_shapes;      /* a check box or a marker among the cells */
  PlFlowCell  *cells;          /* markup owned below */
  PangoLayout **layouts;       /* NULL for cells that are not text */
};

typedef struct
{
  Item   *item;
  double  y;
} Placed;

struct _PlFlow
{
  PangoContext *context;
  double        page_width;
  double        page_height;
  double        margin;
  double        top;
  double        bottom;

  GPtrArray    *items;        /* of Item */
  GPtrArray    *tables;       /* of PlFlowTable, owned */
  GPtrArray    *pages;        /* of GArray of Placed */
};

static void
row_free (Row *row)
{
  for (guint i = 0; i < row->table->n_columns; i++)
    {
      g_clear_object (&row->layouts[i]);
      g_free ((char *) row->cells[i].markup);
    }
  g_free (row->layouts);
  g_free (row->cells);
  g_free (row);
}

static void
item_free (Item *item)
{
  g_clear_object (&item->layout);
  g_free (item->anchor);
  if (item->destroy != NULL)
    item->destroy (item->data);
  if (item->row != NULL)
    row_free (item->row);
  g_free (item);
}

static void
table_free (PlFlowTable *table)
{
  g_free (table->x);
  g_free (table->widths);
  g_free (table);
}

/**
 * pl_flow_new:
 * @margin: left and right margin, in points
 * @top: where the text of a page starts
 * @bottom: where it must end
 *
 * Returns: (transfer full): an empty flow
 */
PlFlow *
pl_flow_new (double page_width,
             double page_height,
             double margin,
             double top,
             double bottom)
{
  PlFlow *self = g_new0 (PlFlow, 1);
  cairo_font_options_t *options;

  self->page_width = page_width;
  self->page_height = page_height;
  self->margin = margin;
  self->top = top;
  self->bottom = bottom;
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  /* Unhinted metrics at 72 dpi: one unit is one point on every device, so
   * what was measured here is what the printer draws. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  return self;
}

void
pl_flow_free (PlFlow *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->tables);
  g_object_unref (self->context);
  g_free (self);
}

double
pl_flow_get_width (PlFlow *self)
{
  return self->page_width - 2 * self->margin;
}

void
pl_flow_set_color (cairo_t     *cr,
                   PlFlowColor  color)
{
  cairo_set_source_rgb (cr, colors[color].r, colors[color].g, colors[color].b);
}

void
pl_flow_set_style_color (cairo_t     *cr,
                         PlFlowStyle  style)
{
  pl_flow_set_color (cr, styles[style].color);
}

PangoLayout *
pl_flow_create_layout (PlFlow      *self,
                       PlFlowStyle  style,
                       const char  *markup,
                       double       width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (styles[style].font);
  PangoAttrList *attrs = NULL;
  g_autofree char *text = NULL;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_line_spacing (layout, (float) styles[style].line_spacing);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      /* A word longer than the line (a web address, an e-mail) is broken
       * rather than left to run into the margin. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  if (pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, NULL))
    {
      pango_layout_set_text (layout, text, -1);
    }
  else
    {
      pango_layout_set_text (layout, markup, -1);
      attrs = pango_attr_list_new ();
    }

  if (styles[style].letter_spacing != 0)
    pango_attr_list_insert_before (attrs, pango_attr_letter_spacing_new (
                                   styles[style].letter_spacing * PANGO_SCALE / 1024));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

double
pl_flow_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

void
pl_flow_draw_checkbox (cairo_t *cr,
                       double   x,
                       double   y,
                       double   size)
{
  cairo_save (cr);
  pl_flow_set_color (cr, PL_FLOW_PAPER);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill_preserve (cr);
  pl_flow_set_color (cr, PL_FLOW_PRIMARY);
  cairo_set_line_width (cr, 0.9);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
pl_flow_draw_marker (PlFlow   *self,
                     cairo_t  *cr,
                     double    cx,
                     double    cy,
                     double    radius,
                     int       number,
                     gboolean  filled)
{
  g_autofree char *digits = g_strdup_printf ("%d", number);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle ink;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  if (filled)
    {
      pl_flow_set_color (cr, PL_FLOW_PRIMARY);
      cairo_fill (cr);
    }
  else
    {
      pl_flow_set_color (cr, PL_FLOW_PAPER);
      cairo_fill_preserve (cr);
      pl_flow_set_color (cr, PL_FLOW_PRIMARY);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }

  layout = pl_flow_create_layout (self, PL_FLOW_CELL_HEAD, digits, 0);
  pango_layout_get_extents (layout, &ink, NULL);
  pl_flow_set_color (cr, filled ? PL_FLOW_PAPER : PL_FLOW_PRIMARY);
  cairo_move_to (cr, cx - (ink.x + ink.width / 2.0) / PANGO_SCALE,
                 cy - (ink.y + ink.height / 2.0) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static Item *
add_item (PlFlow   *self,
          ItemKind  kind)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->page = -1;
  g_ptr_array_add (self->items, item);
  return item;
}

static Item *
last_item (PlFlow *self)
{
  if (self->items->len == 0)
    return NULL;
  return g_ptr_array_index (self->items, self->items->len - 1);
}

void
pl_flow_add_text (PlFlow      *self,
                  PlFlowStyle  style,
                  const char  *markup,
                  double       space_before,
                  double       indent,
                  PlFlowMark   mark,
                  const char  *anchor)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  int n_lines;
  double total;
  int i = 0;

  g_return_if_fail (markup != NULL);

  layout = pl_flow_create_layout (self, style, markup, pl_flow_get_width (self) - indent);
  n_lines = pango_layout_get_line_count (layout);
  total = pl_flow_layout_height (layout);
  if (space_before < 0)
    space_before = styles[style].space_before;

  iter = pango_layout_get_iter (layout);
  do
    {
      Item *item = add_item (self, ITEM_LINE);
      PangoRectangle logical;
      double top, next_top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      item->baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;
      item->line_x = (double) logical.x / PANGO_SCALE;
      if (pango_layout_iter_next_line (iter))
        {
          PangoRectangle next;

          pango_layout_iter_get_line_extents (iter, NULL, &next);
          next_top = (double) next.y / PANGO_SCALE;
        }
      else
        {
          next_top = total + styles[style].space_after;
        }

      item->layout = g_object_ref (layout);
      item->line = i;
      item->x = self->margin + indent;
      item->height = next_top - top;
      item->style = style;
      item->space_before = i == 0 ? space_before : 0;
      item->mark = i == 0 ? mark : PL_FLOW_MARK_NONE;
      item->anchor = i == 0 ? g_strdup (anchor) : NULL;
      /* No first line alone at the foot of a page, no last line alone at
       * the head of one; a heading never leaves what it introduces. */
      item->keep_with_next = styles[style].heading
                             || (i == 0 && n_lines > 1)
                             || (i == n_lines - 2);
      if (i == n_lines - 1 && !styles[style].heading)
        item->keep_with_next = FALSE;
      i++;
    }
  while (i < n_lines);
  pango_layout_iter_free (iter);
}

void
pl_flow_add_box (PlFlow         *self,
                 double          height,
                 double          space_before,
                 PlFlowDrawFunc  draw,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  Item *item = add_item (self, ITEM_BOX);

  item->height = height;
  item->space_before = space_before;
  item->draw = draw;
  item->data = data;
  item->destroy = destroy;
}

void
pl_flow_keep_with_next (PlFlow *self)
{
  Item *item = last_item (self);

  if (item != NULL && item->kind != ITEM_BREAK)
    item->keep_with_next = TRUE;
}

void
pl_flow_add_page_break (PlFlow *self)
{
  Item *item = last_item (self);

  /* Two breaks in a row make one: no empty page. */
  if (item != NULL && item->kind == ITEM_BREAK)
    return;
  add_item (self, ITEM_BREAK);
}

PlFlowTable *
pl_flow_add_table (PlFlow       *self,
                   guint         n_columns,
                   const double *fractions,
                   double        space_before)
{
  PlFlowTable *table = g_new0 (PlFlowTable, 1);
  double sum = 0, x = 0;
  Item *spacer;

  table->flow = self;
  table->n_columns = n_columns;
  table->x = g_new0 (double, n_columns);
  table->widths = g_new0 (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    sum += fractions[i];
  for (guint i = 0; i < n_columns; i++)
    {
      table->x[i] = x;
      table->widths[i] = pl_flow_get_width (self) * fractions[i] / sum;
      x += table->widths[i];
    }
  g_ptr_array_add (self->tables, table);

  /* The space above the table belongs to its first row; an empty box
   * carries it so that rows need not know which one is first. */
  spacer = add_item (self, ITEM_BOX);
  spacer->space_before = space_before;
  spacer->keep_with_next = TRUE;

  return table;
}

void
pl_flow_table_add_row (PlFlowTable      *table,
                       gboolean          header,
                       const PlFlowCell *cells)
{
  PlFlow *self = table->flow;
  Row *row = g_new0 (Row, 1);
  Item *item;
  double height = 0;

  row->table = table;
  row->header = header;
  row->shaded = !header && (table->n_rows++ % 2 == 1);
  row->cells = g_new0 (PlFlowCell, table->n_columns);
  row->layouts = g_new0 (PangoLayout *, table->n_columns);

  for (guint i = 0; i < table->n_columns; i++)
    {
      row->cells[i] = cells[i];
      row->cells[i].markup = g_strdup (cells[i].markup);
      if (cells[i].kind == PL_FLOW_CELL_TEXT)
        {
          row->layouts[i] = pl_flow_create_layout (self,
                                                   header ? PL_FLOW_CELL_HEAD : PL_FLOW_CELL,
                                                   cells[i].markup ? cells[i].markup : "",
                                                   table->widths[i] - 2 * CELL_PAD_X);
          if (cells[i].center)
            pango_layout_set_alignment (row->layouts[i], PANGO_ALIGN_CENTER);
          height = MAX (height, pl_flow_layout_height (row->layouts[i]));
        }
      else
        {
          row->has_shapes = TRUE;
          /* Room to tick a box by hand. */
          height = MAX (height, cells[i].kind == PL_FLOW_CELL_MARKER ? 2 * MARKER_RADIUS
                                                                     : CHECKBOX_SIZE + 6);
        }
    }

  item = add_item (self, ITEM_ROW);
  item->row = row;
  item->height = height + 2 * CELL_PAD_Y;
  /* A header row is never the last thing on a page. */
  item->keep_with_next = header;
  if (header)
    table->header = item;
  else
    item->repeat = table->header;
}

static void
draw_row (PlFlow  *self,
          cairo_t *cr,
          Item    *item,
          double   y)
{
  Row *row = item->row;
  PlFlowTable *table = row->table;
  double left = self->margin;
  double width = pl_flow_get_width (self);

  if (row->header || row->shaded)
    {
      pl_flow_set_color (cr, row->header ? PL_FLOW_PRIMARY : PL_FLOW_TINT);
      cairo_rectangle (cr, left, y, width, item->height);
      cairo_fill (cr);
    }
  if (!row->header)
    {
      pl_flow_set_color (cr, PL_FLOW_RULE);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, left, y + item->height - 0.25);
      cairo_line_to (cr, left + width, y + item->height - 0.25);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      double cx = left + table->x[i];
      double cw = table->widths[i];

      switch (row->cells[i].kind)
        {
        case PL_FLOW_CELL_TEXT:
          {
            double ty = y + CELL_PAD_Y;

            /* Beside a box or a marker, text sits level with it. */
            if (row->has_shapes)
              ty = y + (item->height - pl_flow_layout_height (row->layouts[i])) / 2;
            pl_flow_set_style_color (cr, row->header ? PL_FLOW_CELL_HEAD : PL_FLOW_CELL);
            cairo_move_to (cr, cx + CELL_PAD_X, ty);
            pango_cairo_show_layout (cr, row->layouts[i]);
          }
          break;

        case PL_FLOW_CELL_CHECKBOX:
          pl_flow_draw_checkbox (cr, cx + (cw - CHECKBOX_SIZE) / 2,
                                 y + (item->height - CHECKBOX_SIZE) / 2, CHECKBOX_SIZE);
          break;

        case PL_FLOW_CELL_MARKER:
          pl_flow_draw_marker (self, cr, cx + CELL_PAD_X + MARKER_RADIUS,
                               y + item->height / 2, MARKER_RADIUS,
                               row->cells[i].number, row->cells[i].filled);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
draw_line (PlFlow  *self,
           cairo_t *cr,
           Item    *item,
           double   y)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (item->layout, item->line);
  double baseline = y + item->baseline;

  if (item->mark == PL_FLOW_MARK_BULLET)
    {
      /* A round bullet sitting on the x-height, in the accent colour. */
      pl_flow_set_color (cr, PL_FLOW_ACCENT);
      cairo_new_path (cr);
      cairo_arc (cr, item->x - 10.5, baseline - 3.6, 2.1, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else if (item->mark == PL_FLOW_MARK_CHECKBOX)
    {
      pl_flow_draw_checkbox (cr, item->x - 20, baseline - 9.5, CHECKBOX_SIZE);
    }

  pl_flow_set_style_color (cr, item->style);
  cairo_move_to (cr, item->x + item->line_x, baseline);
  pango_cairo_show_layout_line (cr, line);
}

static GArray *
new_page (PlFlow *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       guint   index,
       Item   *item,
       double  y)
{
  Placed placed = { item, y };

  g_array_append_val (page, placed);
  if (item->page < 0)
    {
      item->page = (int) index;
      item->y = y;
    }
}

void
pl_flow_paginate (PlFlow *self)
{
  GArray *page;
  double y = self->top;
  guint n = self->items->len;
  guint i = 0;

  g_ptr_array_set_size (self->pages, 0);
  page = new_page (self);

  while (i < n)
    {
      Item *first = g_ptr_array_index (self->items, i);
      double group = 0;
      guint j = i;

      if (first->kind == ITEM_BREAK)
        {
          if (page->len > 0)
            {
              page = new_page (self);
              y = self->top;
            }
          i++;
          continue;
        }

      /* The run of items that must share a page. */
      for (;;)
        {
          Item *item = g_ptr_array_index (self->items, j);

          group += (j > i ? item->space_before : 0) + item->height;
          if (!item->keep_with_next || j + 1 >= n ||
              ((Item *) g_ptr_array_index (self->items, j + 1))->kind == ITEM_BREAK)
            break;
          j++;
        }

      if (page->len > 0 && y + first->space_before + group > self->bottom &&
          group <= self->bottom - self->top)
        {
          page = new_page (self);
          y = self->top;
        }

      /* Place one by one: a run taller than a page still breaks. */
      for (guint k = i; k <= j; k++)
        {
          Item *item = g_ptr_array_index (self->items, k);
          double space = page->len > 0 ? item->space_before : 0;

          if (page->len > 0 && y + space + item->height > self->bottom)
            {
              page = new_page (self);
              y = self->top;
              space = 0;
            }
          if (page->len == 0 && item->repeat != NULL)
            {
              place (page, self->pages->len - 1, item->repeat, y);
              y += item->repeat->height;
            }
          place (page, self->pages->len - 1, item, y + space);
          y += space + item->height;
        }
      i = j + 1;
    }

  if (page->len == 0 && self->pages->len > 1)
    g_ptr_array_set_size (self->pages, self->pages->len - 1);
}

guint
pl_flow_get_n_pages (PlFlow *self)
{
  return self->pages->len;
}

void
pl_flow_draw_page (PlFlow  *self,
                   cairo_t *cr,
                   guint    index)
{
  GArray *page;

  g_return_if_fail (index < self->pages->len);

  page = g_ptr_array_index (self->pages, index);
  for (guint i = 0; i < page->len; i++)
    {
      Placed *placed = &g_array_index (page, Placed, i);
      Item *item = placed->item;

      cairo_save (cr);
      switch (item->kind)
        {
        case ITEM_LINE:
          draw_line (self, cr, item, placed->y);
          break;

        case ITEM_BOX:
          if (item->draw != NULL)
            item->draw (cr, self->margin, placed->y, pl_flow_get_width (self), item->data);
          break;

        case ITEM_ROW:
          draw_row (self, cr, item, placed->y);
          break;

        case ITEM_BREAK:
        default:
          break;
        }
      cairo_restore (cr);
    }
}

int
pl_flow_get_anchor_page (PlFlow     *self,
                         const char *anchor)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->anchor != NULL && g_str_equal (item->anchor, anchor))
        return item->page;
    }

  return -1;
}
