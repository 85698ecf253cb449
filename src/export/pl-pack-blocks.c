/* pl-pack-blocks.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-pack-private.h"
#include "pl-records.h"

/* The parts of the employer pack that come from the data rather than from
 * the template's prose: the contents, the live figures, examples by
 * sector, the timeline, the visitors, the contacts and the feedback form;
 * and the template's own drawn elements (callouts, lines to write on). */

/* Employer-facing names of the milestones a coordinator works through;
 * the stored label is used for kinds not listed here. */
static const struct {
  const char *kind;
  const char *label;
} step_labels[] = {
  { "first_contact", N_("First conversation about a placement") },
  { "agreement", N_("Dates and aims agreed with you") },
  { "planner", N_("The teacher completes a pre-placement planner") },
  { "induction", N_("Health and safety and induction arranged") },
  { "confirmation", N_("Final arrangements confirmed") },
  { "reflection", N_("The teacher writes a reflection") },
  { "cascade", N_("What they learned is shared with colleagues") },
  { "observation", N_("Follow-up lesson observation") },
};

static const char *
step_label (const char *kind,
            const char *stored)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_labels); i++)
    if (g_strcmp0 (step_labels[i].kind, kind) == 0)
      return _(step_labels[i].label);

  return stored != NULL ? stored : kind;
}

static char *
escape (const char *text)
{
  return pl_pack_escape (text);
}

static char *
upper_escape (const char *text)
{
  g_autofree char *upper = g_utf8_strup (text, -1);

  return g_markup_escape_text (upper, -1);
}

static void
layouts_free (GPtrArray *layouts)
{
  g_ptr_array_unref (layouts);
}

/* ---------------------------------------------------------------- contents */

#define CONTENTS_ROW 21.0

typedef struct
{
  PlPack *pack;      /* not owned: the pack outlives its flow */
  guint   first;     /* the first entry listed */
} Contents;

static void
draw_contents (cairo_t *cr,
               double   x,
               double   y,
               double   width,
               gpointer user_data)
{
  Contents *contents = user_data;
  PlPack *self = contents->pack;

  for (guint i = contents->first; i < self->contents->len; i++)
    {
      PlPackContentsEntry *entry = g_ptr_array_index (self->contents, i);
      int page = pl_pack_anchor_page (self, entry->anchor);
      g_autofree char *number = g_strdup_printf ("%d", page + 1);
      g_autoptr(PangoLayout) title = pl_flow_create_layout (self->flow, PL_FLOW_BODY,
                                                            entry->markup, width - 60);
      g_autoptr(PangoLayout) digits = pl_flow_create_layout (self->flow, PL_FLOW_CHIP, number, 0);
      double row = y + (i - contents->first) * CONTENTS_ROW;
      PangoRectangle title_rect, digits_rect;

      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      pango_layout_get_extents (title, NULL, &title_rect);
      pango_layout_get_extents (digits, NULL, &digits_rect);

      pl_flow_set_style_color (cr, PL_FLOW_BODY);
      cairo_move_to (cr, x, row);
      pango_cairo_show_layout (cr, title);

      /* A dotted leader from the title to its page number. */
      pl_flow_set_color (cr, PL_FLOW_RULE);
      cairo_set_line_width (cr, 0.8);
      {
        double dashes[] = { 0.8, 3.0 };
        cairo_set_dash (cr, dashes, 2, 0);
      }
      cairo_move_to (cr, x + (double) title_rect.width / PANGO_SCALE + 6, row + 11);
      cairo_line_to (cr, x + width - (double) digits_rect.width / PANGO_SCALE - 6, row + 11);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      pl_flow_set_style_color (cr, PL_FLOW_CHIP);
      cairo_move_to (cr, x + width - (double) digits_rect.width / PANGO_SCALE, row);
      pango_cairo_show_layout (cr, digits);
    }
}

static void
add_contents (PlPack *self)
{
  Contents *contents = g_new0 (Contents, 1);

  /* Only the sections after the one holding the contents. */
  contents->pack = self;
  contents->first = MIN (self->h1_added, self->contents->len);
  pl_flow_add_box (self->flow, (self->contents->len - contents->first) * CONTENTS_ROW, 10,
                   draw_contents, contents, g_free);
}

/* ----------------------------------------------------------------- figures */

typedef struct
{
  GPtrArray *values;    /* of PangoLayout */
  GPtrArray *captions;  /* of PangoLayout */
  double     column;
} Figures;

static void
figures_free (Figures *figures)
{
  g_ptr_array_unref (figures->values);
  g_ptr_array_unref (figures->captions);
  g_free (figures);
}

static void
draw_figures (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              gpointer user_data)
{
  Figures *figures = user_data;

  for (guint i = 0; i < figures->values->len; i++)
    {
      double fx = x + i * (figures->column + 18);
      PangoLayout *value = g_ptr_array_index (figures->values, i);

      pl_flow_set_color (cr, PL_FLOW_ACCENT);
      cairo_rectangle (cr, fx, y, figures->column, 2.5);
      cairo_fill (cr);

      pl_flow_set_style_color (cr, PL_FLOW_FIGURE);
      cairo_move_to (cr, fx, y + 10);
      pango_cairo_show_layout (cr, value);

      pl_flow_set_style_color (cr, PL_FLOW_META);
      cairo_move_to (cr, fx, y + 14 + pl_flow_layout_height (value));
      pango_cairo_show_layout (cr, g_ptr_array_index (figures->captions, i));
    }
}

void
pl_pack_add_figures (PlPack           *self,
                     const PlPackNode *node)
{
  Figures *figures = g_new0 (Figures, 1);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  double height = 0;

  for (guint i = 0; i < node->children->len; i++)
    {
      const PlPackNode *figure = g_ptr_array_index (node->children, i);

      if (pl_pack_condition_holds (self, figure))
        g_ptr_array_add (shown, (gpointer) figure);
    }
  if (shown->len == 0)
    {
      g_free (figures);
      return;
    }

  figures->values = g_ptr_array_new_with_free_func (g_object_unref);
  figures->captions = g_ptr_array_new_with_free_func (g_object_unref);
  figures->column = (pl_flow_get_width (self->flow) - 18 * (shown->len - 1)) / shown->len;

  for (guint i = 0; i < shown->len; i++)
    {
      const PlPackNode *figure = g_ptr_array_index (shown, i);
      g_autofree char *value = NULL;
      g_autofree char *caption = NULL;
      PangoLayout *v, *c;

      for (guint k = 0; k < figure->children->len; k++)
        {
          const PlPackNode *part = g_ptr_array_index (figure->children, k);

          if (part->kind == PL_PACK_NODE_VALUE)
            value = pl_pack_node_markup (self, part);
          else
            caption = pl_pack_node_markup (self, part);
        }

      v = pl_flow_create_layout (self->flow, PL_FLOW_FIGURE, value ? value : "",
                                 figures->column);
      c = pl_flow_create_layout (self->flow, PL_FLOW_META, caption ? caption : "",
                                 figures->column);
      height = MAX (height, 14 + pl_flow_layout_height (v) + pl_flow_layout_height (c));
      g_ptr_array_add (figures->values, v);
      g_ptr_array_add (figures->captions, c);
    }

  pl_flow_add_box (self->flow, height + 6, 18, draw_figures, figures,
                   (GDestroyNotify) figures_free);
}

/* ----------------------------------------------------------------- callout */

#define CALLOUT_PAD 12.0
#define CALLOUT_BAR 3.0

static void
draw_callout (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              gpointer user_data)
{
  GPtrArray *layouts = user_data;
  double height = 2 * CALLOUT_PAD;
  double ty = y + CALLOUT_PAD;

  for (guint i = 0; i < layouts->len; i++)
    height += pl_flow_layout_height (g_ptr_array_index (layouts, i)) + (i > 0 ? 6 : 0);

  pl_flow_set_color (cr, PL_FLOW_TINT);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  pl_flow_set_color (cr, PL_FLOW_ACCENT);
  cairo_rectangle (cr, x, y, CALLOUT_BAR, height);
  cairo_fill (cr);

  for (guint i = 0; i < layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);

      pl_flow_set_style_color (cr, PL_FLOW_BODY);
      cairo_move_to (cr, x + CALLOUT_BAR + CALLOUT_PAD, ty);
      pango_cairo_show_layout (cr, layout);
      ty += pl_flow_layout_height (layout) + 6;
    }
}

void
pl_pack_add_callout (PlPack           *self,
                     const PlPackNode *node)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double width = pl_flow_get_width (self->flow) - CALLOUT_BAR - 2 * CALLOUT_PAD;
  double height = 2 * CALLOUT_PAD;

  for (guint i = 0; i < node->children->len; i++)
    {
      const PlPackNode *p = g_ptr_array_index (node->children, i);
      g_autofree char *markup = NULL;
      PangoLayout *layout;

      if (!pl_pack_condition_holds (self, p))
        continue;
      markup = pl_pack_node_markup (self, p);
      layout = pl_flow_create_layout (self->flow, PL_FLOW_BODY, markup, width);
      height += pl_flow_layout_height (layout) + (layouts->len > 0 ? 6 : 0);
      g_ptr_array_add (layouts, layout);
    }

  if (layouts->len == 0)
    {
      g_ptr_array_unref (layouts);
      return;
    }
  pl_flow_add_box (self->flow, height, 18, draw_callout, layouts,
                   (GDestroyNotify) layouts_free);
}

/* ------------------------------------------------------ lines and fields */

#define WRITE_LINE 23.0

static void
draw_write_lines (cairo_t *cr,
                  double   x,
                  double   y,
                  double   width,
                  gpointer user_data)
{
  int lines = GPOINTER_TO_INT (user_data);

  pl_flow_set_color (cr, PL_FLOW_RULE);
  cairo_set_line_width (cr, 0.6);
  for (int i = 1; i <= lines; i++)
    {
      cairo_move_to (cr, x, y + i * WRITE_LINE);
      cairo_line_to (cr, x + width, y + i * WRITE_LINE);
    }
  cairo_stroke (cr);
}

void
pl_pack_add_write (PlPack           *self,
                   const PlPackNode *node)
{
  g_autofree char *prompt = pl_pack_node_markup (self, node);
  g_autofree char *bold = g_strdup_printf ("<b>%s</b>", prompt);

  pl_flow_add_text (self->flow, PL_FLOW_BODY, bold, 16, 0, PL_FLOW_MARK_NONE, NULL);
  pl_flow_keep_with_next (self->flow);
  pl_flow_add_box (self->flow, node->lines * WRITE_LINE + 2, 0, draw_write_lines,
                   GINT_TO_POINTER (node->lines), NULL);
}

#define FIELD_HEIGHT 40.0

static void
draw_fields (cairo_t *cr,
             double   x,
             double   y,
             double   width,
             gpointer user_data)
{
  GPtrArray *labels = user_data;
  guint n = labels->len;
  double gap = 18;
  double column = (width - gap * (n - 1)) / n;

  for (guint i = 0; i < n; i++)
    {
      double fx = x + i * (column + gap);

      pl_flow_set_color (cr, PL_FLOW_INK);
      cairo_set_line_width (cr, 0.7);
      cairo_move_to (cr, fx, y + 28);
      cairo_line_to (cr, fx + column, y + 28);
      cairo_stroke (cr);

      pl_flow_set_style_color (cr, PL_FLOW_LABEL);
      cairo_move_to (cr, fx, y + 31);
      pango_cairo_show_layout (cr, g_ptr_array_index (labels, i));
    }
}

void
pl_pack_add_fields (PlPack           *self,
                    const PlPackNode *node)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = node->children->len;
  double column;

  if (n == 0)
    {
      g_ptr_array_unref (labels);
      return;
    }

  column = (pl_flow_get_width (self->flow) - 18 * (n - 1)) / n;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *markup = pl_pack_node_markup (self, g_ptr_array_index (node->children, i));
      g_autofree char *text = NULL;
      g_autofree char *upper = NULL;
      PangoLayout *layout;

      if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
        text = g_strdup (markup);
      upper = upper_escape (text);
      layout = pl_flow_create_layout (self->flow, PL_FLOW_LABEL, upper, column);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      g_ptr_array_add (labels, layout);
    }

  pl_flow_add_box (self->flow, FIELD_HEIGHT, 14, draw_fields, labels,
                   (GDestroyNotify) layouts_free);
}

/* --------------------------------------------------------- sector examples */

/* Examples are illustrations: long stories are cut at a word. */
static char *
shorten (const char *text,
         glong       max_chars)
{
  g_autoptr(GString) out = NULL;
  const char *cut;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);

  cut = g_utf8_offset_to_pointer (text, max_chars);
  out = g_string_new_len (text, cut - text);
  while (out->len > 0 && !g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && (g_ascii_isspace (out->str[out->len - 1]) ||
                          strchr (",;:.", out->str[out->len - 1]) != NULL))
    g_string_truncate (out, out->len - 1);
  g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_sector_examples (PlPack *self)
{
  static const double fractions[] = { 0.25, 0.33, 0.42 };
  PlFlowTable *table;
  PlFlowCell head[3] = { { 0 } };
  g_autofree char *h0 = escape (_("Sector"));
  g_autofree char *h1 = escape (_("Who went, and for how long"));
  g_autofree char *h2 = escape (_("What changed for their students"));

  if (self->data->examples->len == 0)
    return;

  table = pl_flow_add_table (self->flow, 3, fractions, 12);
  head[0].markup = h0;
  head[1].markup = h1;
  head[2].markup = h2;
  pl_flow_table_add_row (table, TRUE, head);

  /* A handful is enough to show the range; the employer's own sector
   * comes first. */
  for (guint i = 0; i < MIN (self->data->examples->len, 4); i++)
    {
      PlPackExample *e = g_ptr_array_index (self->data->examples, i);
      PlFlowCell cells[3] = { { 0 } };
      g_autofree char *sector = escape (e->sector);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%" G_GINT64_FORMAT " placement",
                                                             "%" G_GINT64_FORMAT " placements",
                                                             (gulong) e->count),
                                                e->count);
      g_autofree char *days_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day",
                                                                 "%d days", (gulong) e->n_days),
                                                    e->n_days);
      /* "5 days" stays on one line. */
      g_auto(GStrv) words = g_strsplit (days_text, " ", -1);
      g_autofree char *days = g_strjoinv ("\u00a0", words);
      g_autofree char *who = escape (e->job_title != NULL ? e->job_title : _("A teacher"));
      g_autofree char *goals_short = shorten (e->goals, 120);
      g_autofree char *change_short = shorten (e->change, 200);
      /* Translators: the teacher's own words, quoted. */
      g_autofree char *goals = g_strdup_printf (_("“%s”"), goals_short);
      g_autofree char *change = g_strdup_printf (_("“%s”"), change_short);
      g_autofree char *goals_markup = escape (goals);
      g_autofree char *change_markup = escape (change);
      g_autofree char *c0 = g_strdup_printf ("<b>%s</b>\n<span size=\"small\">%s</span>",
                                             sector, count);
      g_autofree char *c1 = g_strdup_printf ("<b>%s</b>, %s\n<span size=\"small\">%s</span>",
                                             who, days, goals_markup);
      g_autofree char *c1_plain = g_strdup_printf ("<b>%s</b>, %s", who, days);

      cells[0].markup = c0;
      cells[1].markup = e->goals != NULL ? c1 : c1_plain;
      cells[2].markup = e->change != NULL ? change_markup : "—";
      pl_flow_table_add_row (table, FALSE, cells);
    }
}

/* ---------------------------------------------------------------- timeline */

typedef struct
{
  guint32  day;        /* Julian day */
  int      number;
  gboolean done;
} Event;

typedef struct
{
  guint32  first;
  guint32  last;
  gboolean employer;
  char    *label;
} Band;

typedef struct
{
  PlFlow   *flow;      /* not owned */
  gboolean  generic;   /* weeks around a placement rather than dates */
  guint32   start;
  guint32   end;
  guint32   place_first;
  guint32   place_last;
  guint32   today;     /* 0 when outside the range */
  GArray   *events;    /* of Event */
  GArray   *rows;      /* of int, the marker row of each event */
  GArray   *bands;     /* of Band */
  int       n_rows;
  double    axis;      /* from the top of the box */
  double    height;
} Timeline;

#define LANE_LABEL   88.0
#define MARKER_ROW   19.0
#define LANE_HEIGHT  14.0
#define GENERIC_ZERO 100000  /* the placement's "day" when there are no dates */

static void
band_clear (Band *band)
{
  g_free (band->label);
}

static void
timeline_free (Timeline *t)
{
  g_array_unref (t->events);
  g_array_unref (t->rows);
  g_array_unref (t->bands);
  g_free (t);
}

static guint32
julian (const char *iso)
{
  GDate date;

  if (!pl_date_parse (iso, &date))
    return 0;
  return g_date_get_julian (&date);
}

static double
day_x (Timeline *t,
       double    x,
       double    width,
       guint32   day)
{
  double left = x + LANE_LABEL;
  double span = MAX (1, t->end - t->start);

  return left + (width - LANE_LABEL) * ((double) day - t->start) / span;
}

static void
draw_tick_label (Timeline   *t,
                 cairo_t    *cr,
                 const char *text,
                 double      x,
                 double      y,
                 double      max_x)
{
  g_autofree char *markup = escape (text);
  g_autoptr(PangoLayout) layout = pl_flow_create_layout (t->flow, PL_FLOW_RUNNING, markup, 0);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  /* A label that would cross the right margin moves left of its tick. */
  if (x + 3 + (double) logical.width / PANGO_SCALE > max_x)
    x = max_x - 3 - (double) logical.width / PANGO_SCALE;
  pl_flow_set_color (cr, PL_FLOW_MUTED);
  cairo_move_to (cr, x + 3, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_ticks (Timeline *t,
            cairo_t  *cr,
            double    x,
            double    y,
            double    width,
            double    bottom)
{
  GDate date;

  cairo_set_line_width (cr, 0.5);
  if (t->generic)
    {
      /* Every two weeks, counted from the placement. */
      for (int week = -52; week <= 52; week += 2)
        {
          guint32 day = GENERIC_ZERO + week * 7;
          g_autofree char *label = NULL;
          double tx;

          if (day < t->start || day > t->end)
            continue;
          tx = day_x (t, x, width, day);
          pl_flow_set_color (cr, PL_FLOW_RULE);
          cairo_move_to (cr, tx, y + 12);
          cairo_line_to (cr, tx, bottom);
          cairo_stroke (cr);
          /* A true minus sign, as in print. */
          label = week == 0 ? g_strdup ("0")
                            : g_strdup_printf ("%s%d", week < 0 ? "−" : "+", ABS (week));
          draw_tick_label (t, cr, label, tx, y, x + width);
        }
      return;
    }

  /* The first of each month, named; January carries its year. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, t->start);
  g_date_set_day (&date, 1);
  for (;;)
    {
      guint32 day;
      char label[64];
      double tx;

      g_date_add_months (&date, 1);
      day = g_date_get_julian (&date);
      if (day > t->end)
        break;
      tx = day_x (t, x, width, day);
      pl_flow_set_color (cr, PL_FLOW_RULE);
      cairo_move_to (cr, tx, y + 12);
      cairo_line_to (cr, tx, bottom);
      cairo_stroke (cr);
      if (g_date_get_month (&date) == G_DATE_JANUARY)
        /* Translators: a month on the timeline axis, strftime() format. */
        g_date_strftime (label, sizeof label, C_("timeline month", "%b %Y"), &date);
      else
        /* Translators: a month on the timeline axis, strftime() format. */
        g_date_strftime (label, sizeof label, C_("timeline month", "%b"), &date);
      draw_tick_label (t, cr, label, tx, y, x + width);
    }
}

static void
draw_lane (Timeline   *t,
           cairo_t    *cr,
           double      x,
           double      y,
           double      width,
           gboolean    employer,
           const char *name)
{
  g_autofree char *upper = upper_escape (name);
  g_autoptr(PangoLayout) label = pl_flow_create_layout (t->flow, PL_FLOW_LABEL, upper,
                                                        LANE_LABEL - 8);
  double left = x + LANE_LABEL;
  guint shown = 0;

  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  pl_flow_set_style_color (cr, PL_FLOW_LABEL);
  cairo_move_to (cr, x, y + (LANE_HEIGHT - pl_flow_layout_height (label)) / 2);
  pango_cairo_show_layout (cr, label);

  pl_flow_set_color (cr, PL_FLOW_TINT);
  cairo_rectangle (cr, left, y, width - LANE_LABEL, LANE_HEIGHT);
  cairo_fill (cr);

  for (guint i = 0; i < t->bands->len; i++)
    {
      Band *band = &g_array_index (t->bands, Band, i);
      double bx0, bx1;

      if (band->employer != employer)
        continue;
      bx0 = day_x (t, x, width, MAX (band->first, t->start));
      bx1 = day_x (t, x, width, MIN (band->last + 1, t->end));
      if (bx1 <= bx0)
        continue;

      pl_flow_set_color (cr, employer ? PL_FLOW_EMPLOYER : PL_FLOW_COLLEGE);
      cairo_rectangle (cr, bx0, y, MAX (1.5, bx1 - bx0), LANE_HEIGHT);
      cairo_fill (cr);

      /* Named only where the whole name fits: the legend explains the
       * colours, and a cut-off name helps no one. */
      if (band->label != NULL)
        {
          g_autofree char *markup = escape (band->label);
          g_autoptr(PangoLayout) text = pl_flow_create_layout (t->flow, PL_FLOW_RUNNING,
                                                               markup, 0);
          PangoRectangle logical;

          pango_layout_get_extents (text, NULL, &logical);
          if ((double) logical.width / PANGO_SCALE <= bx1 - bx0 - 6)
            {
              pl_flow_set_color (cr, PL_FLOW_INK);
              cairo_move_to (cr, bx0 + 3, y + (LANE_HEIGHT - pl_flow_layout_height (text)) / 2);
              pango_cairo_show_layout (cr, text);
            }
        }
      shown++;
    }

  if (shown == 0)
    {
      g_autofree char *markup = escape (employer ? _("No busy periods recorded")
                                                 : _("No holidays or examinations"));
      g_autoptr(PangoLayout) text = pl_flow_create_layout (t->flow, PL_FLOW_RUNNING, markup, 0);
      PangoRectangle logical;

      /* At the far end, clear of today's line, which is near the start. */
      pango_layout_get_extents (text, NULL, &logical);
      pl_flow_set_color (cr, PL_FLOW_MUTED);
      cairo_move_to (cr, x + width - 6 - (double) logical.width / PANGO_SCALE,
                     y + (LANE_HEIGHT - pl_flow_layout_height (text)) / 2);
      pango_cairo_show_layout (cr, text);
    }
}

static double
draw_legend_entry (Timeline    *t,
                   cairo_t     *cr,
                   double       x,
                   double       y,
                   PlFlowColor  color,
                   const char  *text)
{
  g_autofree char *markup = escape (text);
  g_autoptr(PangoLayout) layout = pl_flow_create_layout (t->flow, PL_FLOW_RUNNING, markup, 0);
  PangoRectangle logical;

  pl_flow_set_color (cr, color);
  cairo_rectangle (cr, x, y, 10, 9);
  cairo_fill (cr);

  pango_layout_get_extents (layout, NULL, &logical);
  pl_flow_set_color (cr, PL_FLOW_MUTED);
  cairo_move_to (cr, x + 14, y + 4.5 - pl_flow_layout_height (layout) / 2);
  pango_cairo_show_layout (cr, layout);

  return x + 14 + (double) logical.width / PANGO_SCALE + 16;
}

static void
draw_timeline (cairo_t *cr,
               double   x,
               double   y,
               double   width,
               gpointer user_data)
{
  Timeline *t = user_data;
  double axis = y + t->axis;
  double lanes = axis + 26;
  double bottom = t->generic ? axis + 6 : lanes + 2 * LANE_HEIGHT + 5;
  double px0, px1;

  draw_ticks (t, cr, x, y, width, bottom);

  if (!t->generic)
    {
      draw_lane (t, cr, x, lanes, width, FALSE, _("College"));
      draw_lane (t, cr, x, lanes + LANE_HEIGHT + 5, width, TRUE, _("Your business"));
    }

  /* The axis, and the placement on it. */
  pl_flow_set_color (cr, PL_FLOW_PRIMARY);
  cairo_set_line_width (cr, 1.4);
  cairo_move_to (cr, x + LANE_LABEL, axis);
  cairo_line_to (cr, x + width, axis);
  cairo_stroke (cr);

  px0 = day_x (t, x, width, t->place_first);
  px1 = MAX (px0 + 6, day_x (t, x, width, t->place_last + 1));
  pl_flow_set_color (cr, PL_FLOW_ACCENT);
  cairo_rectangle (cr, px0, axis - 5, px1 - px0, 10);
  cairo_fill (cr);
  if (!t->generic)
    {
      /* Down through both calendars, so that what surrounds the days shows. */
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, (px0 + px1) / 2, axis + 19);
      cairo_line_to (cr, (px0 + px1) / 2, bottom);
      cairo_stroke (cr);
    }
  {
    g_autofree char *label = upper_escape (_("Placement"));
    g_autoptr(PangoLayout) layout = pl_flow_create_layout (t->flow, PL_FLOW_LABEL, label, 0);
    PangoRectangle logical;
    double lx;

    pango_layout_get_extents (layout, NULL, &logical);
    lx = (px0 + px1) / 2 - (double) logical.width / PANGO_SCALE / 2;
    lx = CLAMP (lx, x + LANE_LABEL, x + width - (double) logical.width / PANGO_SCALE);
    pl_flow_set_color (cr, PL_FLOW_ACCENT);
    cairo_move_to (cr, lx, axis + 7);
    pango_cairo_show_layout (cr, layout);
  }

  if (t->generic)
    {
      g_autofree char *caption = escape (_("Weeks before and after the placement"));
      g_autoptr(PangoLayout) layout = pl_flow_create_layout (t->flow, PL_FLOW_RUNNING, caption,
                                                             LANE_LABEL - 8);

      pl_flow_set_color (cr, PL_FLOW_MUTED);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }

  /* Today, when it falls inside. */
  if (t->today != 0)
    {
      double tx = day_x (t, x, width, t->today);
      double dashes[] = { 2.0, 2.0 };
      g_autofree char *label = escape (_("Today"));
      g_autoptr(PangoLayout) layout = pl_flow_create_layout (t->flow, PL_FLOW_RUNNING_BOLD,
                                                             label, 0);
      PangoRectangle logical;

      pl_flow_set_color (cr, PL_FLOW_ACCENT);
      cairo_set_line_width (cr, 0.9);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, tx, y + 14);
      cairo_line_to (cr, tx, bottom + 3);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      pango_layout_get_extents (layout, NULL, &logical);
      cairo_move_to (cr, CLAMP (tx - (double) logical.width / PANGO_SCALE / 2, x + LANE_LABEL,
                                x + width - (double) logical.width / PANGO_SCALE),
                     bottom + 5);
      pango_cairo_show_layout (cr, layout);
    }

  if (!t->generic)
    {
      double lx = x + LANE_LABEL;
      double ly = bottom + 20;

      lx = draw_legend_entry (t, cr, lx, ly, PL_FLOW_COLLEGE,
                              _("College holidays and examinations"));
      draw_legend_entry (t, cr, lx, ly, PL_FLOW_EMPLOYER, _("Your busy periods"));
    }

  /* The numbered steps, on stems above the axis. */
  for (guint i = 0; i < t->events->len; i++)
    {
      Event *event = &g_array_index (t->events, Event, i);
      int row = g_array_index (t->rows, int, i);
      double ex = day_x (t, x, width, event->day);
      double ey = axis - 14 - row * MARKER_ROW;

      pl_flow_set_color (cr, PL_FLOW_PRIMARY);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, ex, ey);
      cairo_line_to (cr, ex, axis);
      cairo_stroke (cr);
      pl_flow_draw_marker (t->flow, cr, ex, ey, 7.5, event->number, event->done);
    }
}

/* Places the markers on as few rows as keep them from touching. */
static void
assign_rows (Timeline *t,
             double    width)
{
  double last[4] = { -1e9, -1e9, -1e9, -1e9 };

  t->n_rows = 1;
  for (guint i = 0; i < t->events->len; i++)
    {
      Event *event = &g_array_index (t->events, Event, i);
      double ex = day_x (t, 0, width, event->day);
      int row = 0;

      while (row < 3 && ex - last[row] < 17)
        row++;
      if (row == 3)
        {
          /* Crowded: the row that has been free the longest. */
          row = 0;
          for (int r = 1; r < 4; r++)
            if (last[r] < last[row])
              row = r;
        }
      last[row] = ex;
      g_array_append_val (t->rows, row);
      t->n_rows = MAX (t->n_rows, row + 1);
    }
}

static gint64
step_offset_days (const PlPackStep *step)
{
  if (g_strcmp0 (step->unit, "weeks") == 0)
    return (gint64) step->offset * 7;
  if (g_strcmp0 (step->unit, "working_days") == 0)
    return (gint64) step->offset * 7 / 5;
  return step->offset;
}

static Timeline *
build_timeline (PlPack *self)
{
  PlPackData *data = self->data;
  Timeline *t = g_new0 (Timeline, 1);
  guint32 today = g_date_get_julian (&data->today);
  guint32 low, high;

  t->flow = self->flow;
  t->events = g_array_new (FALSE, FALSE, sizeof (Event));
  t->rows = g_array_new (FALSE, FALSE, sizeof (int));
  t->bands = g_array_new (FALSE, FALSE, sizeof (Band));
  g_array_set_clear_func (t->bands, (GDestroyNotify) band_clear);

  if (data->next != NULL)
    {
      guint n_days = g_strv_length (data->next->days);

      t->place_first = julian (data->next->days[0]);
      t->place_last = julian (data->next->days[n_days - 1]);
      for (guint i = 0; i < data->milestones->len; i++)
        {
          PlPackMilestone *m = g_ptr_array_index (data->milestones, i);
          Event event = { julian (m->due), (int) i + 1, m->done != NULL };

          g_array_append_val (t->events, event);
        }
      for (guint i = 0; i < data->periods->len; i++)
        {
          PlPackPeriod *p = g_ptr_array_index (data->periods, i);
          Band band = { julian (p->start), julian (p->end), p->employer, g_strdup (p->label) };

          g_array_append_val (t->bands, band);
        }
    }
  else
    {
      t->generic = TRUE;
      t->place_first = t->place_last = GENERIC_ZERO;
      for (guint i = 0; i < data->steps->len; i++)
        {
          PlPackStep *s = g_ptr_array_index (data->steps, i);
          Event event = { 0, (int) i + 1, FALSE };

          event.day = (guint32) (GENERIC_ZERO + step_offset_days (s));
          g_array_append_val (t->events, event);
        }
    }

  low = t->place_first;
  high = t->place_last;
  for (guint i = 0; i < t->events->len; i++)
    {
      Event *event = &g_array_index (t->events, Event, i);

      low = MIN (low, event->day);
      high = MAX (high, event->day);
    }
  /* A little room at each end, so no marker sits on the edge. */
  t->start = low - MAX (7, (high - low) / 20);
  t->end = high + MAX (7, (high - low) / 20);
  if (!t->generic && today >= t->start && today <= t->end)
    t->today = today;

  assign_rows (t, pl_flow_get_width (self->flow));
  t->axis = 16 + t->n_rows * MARKER_ROW + 4;
  t->height = t->generic ? t->axis + 24 : t->axis + 26 + 2 * LANE_HEIGHT + 5 + 20 + 10;

  return t;
}

static void
add_timeline (PlPack *self)
{
  Timeline *t = build_timeline (self);

  pl_flow_add_box (self->flow, t->height, 16, draw_timeline, t,
                   (GDestroyNotify) timeline_free);
}

static char *
relative_when (const PlPackStep *step)
{
  int n = ABS (step->offset);
  gboolean before = step->offset < 0;

  if (step->offset == 0)
    return g_strdup (g_strcmp0 (step->anchor, "last") == 0 ? _("On the last day")
                                                            : _("On the first day"));

  if (g_strcmp0 (step->unit, "weeks") == 0)
    return g_strdup_printf (before
                            ? g_dngettext (GETTEXT_PACKAGE, "%d week before", "%d weeks before", n)
                            : g_dngettext (GETTEXT_PACKAGE, "%d week after", "%d weeks after", n),
                            n);
  if (g_strcmp0 (step->unit, "working_days") == 0)
    return g_strdup_printf (before
                            ? g_dngettext (GETTEXT_PACKAGE, "%d working day before",
                                           "%d working days before", n)
                            : g_dngettext (GETTEXT_PACKAGE, "%d working day after",
                                           "%d working days after", n),
                            n);
  return g_strdup_printf (before
                          ? g_dngettext (GETTEXT_PACKAGE, "%d day before", "%d days before", n)
                          : g_dngettext (GETTEXT_PACKAGE, "%d day after", "%d days after", n),
                          n);
}

static void
add_placement_row (PlPack      *self,
                   PlFlowTable *table,
                   guint        n_columns)
{
  PlPackVisitor *next = self->data->next;
  PlFlowCell cells[4] = { { 0 } };
  guint n_days = g_strv_length (next->days);
  g_autofree char *first = pl_pack_format_date (next->days[0]);
  g_autofree char *length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days",
                                                          n_days), n_days);
  /* The first day, and how long: the full range is on the visitor's card. */
  g_autofree char *when = n_days > 1
                          ? g_strdup_printf ("<b>%s</b>\n<span size=\"small\">%s</span>",
                                             first, length)
                          : g_strdup_printf ("<b>%s</b>", first);
  g_autofree char *name = escape (next->staff_name);
  g_autofree char *what = g_strdup_printf (_("<b>The placement</b> — %s"), name);
  g_autofree char *status = escape (pl_enum_label (next->status));

  cells[0].kind = PL_FLOW_CELL_TEXT;
  cells[0].markup = "<span foreground=\"#e37830\" weight=\"heavy\">■</span>";
  cells[1].markup = when;
  cells[2].markup = what;
  cells[3].markup = status;
  pl_flow_table_add_row (table, FALSE, cells);
}

static void
add_timeline_steps (PlPack *self)
{
  static const double real[] = { 0.06, 0.31, 0.48, 0.15 };
  static const double generic[] = { 0.06, 0.31, 0.63 };
  PlPackData *data = self->data;
  gboolean is_generic = data->next == NULL;
  guint n_columns = is_generic ? 3 : 4;
  PlFlowTable *table;
  PlFlowCell head[4] = { { 0 } };
  g_autofree char *h1 = escape (_("When"));
  g_autofree char *h2 = escape (_("Step"));
  g_autofree char *h3 = escape (_("Progress"));
  gboolean placement_shown = FALSE;

  table = pl_flow_add_table (self->flow, n_columns, is_generic ? generic : real, 14);
  head[0].markup = "";
  head[1].markup = h1;
  head[2].markup = h2;
  head[3].markup = h3;
  pl_flow_table_add_row (table, TRUE, head);

  if (is_generic)
    {
      for (guint i = 0; i < data->steps->len; i++)
        {
          PlPackStep *s = g_ptr_array_index (data->steps, i);
          PlFlowCell cells[3] = { { 0 } };
          g_autofree char *when = relative_when (s);
          g_autofree char *when_markup = escape (when);
          g_autofree char *what = escape (step_label (s->kind, s->label));

          cells[0].kind = PL_FLOW_CELL_MARKER;
          cells[0].number = (int) i + 1;
          cells[1].markup = when_markup;
          cells[2].markup = what;
          pl_flow_table_add_row (table, FALSE, cells);
        }
      return;
    }

  for (guint i = 0; i < data->milestones->len; i++)
    {
      PlPackMilestone *m = g_ptr_array_index (data->milestones, i);
      PlFlowCell cells[4] = { { 0 } };
      g_autofree char *when = pl_pack_format_date (m->due);
      g_autofree char *when_markup = escape (when);
      g_autofree char *what = escape (step_label (m->kind, m->label));
      g_autofree char *progress = escape (m->done != NULL ? _("Done") : _("To come"));

      /* The placement itself, in its place among the steps. */
      if (!placement_shown && strcmp (m->due, data->next->days[0]) > 0)
        {
          add_placement_row (self, table, n_columns);
          placement_shown = TRUE;
        }

      cells[0].kind = PL_FLOW_CELL_MARKER;
      cells[0].number = (int) i + 1;
      cells[0].filled = m->done != NULL;
      cells[1].markup = when_markup;
      cells[2].markup = what;
      cells[3].markup = progress;
      pl_flow_table_add_row (table, FALSE, cells);
    }
  if (!placement_shown)
    add_placement_row (self, table, n_columns);
}

/* ----------------------------------------------------------- who is coming */

typedef struct
{
  PangoLayout *layout;
} Chip;

static void
chip_free (Chip *chip)
{
  g_object_unref (chip->layout);
  g_free (chip);
}

static void
draw_chip (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           gpointer user_data)
{
  Chip *chip = user_data;
  PangoRectangle logical;
  double w, h;

  pango_layout_get_extents (chip->layout, NULL, &logical);
  w = MIN (width, (double) logical.width / PANGO_SCALE + 20);
  h = pl_flow_layout_height (chip->layout) + 8;

  pl_flow_set_color (cr, PL_FLOW_TINT);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  pl_flow_set_color (cr, PL_FLOW_ACCENT);
  cairo_rectangle (cr, x, y, 3, h);
  cairo_fill (cr);

  pl_flow_set_style_color (cr, PL_FLOW_CHIP);
  cairo_move_to (cr, x + 11, y + 4);
  pango_cairo_show_layout (cr, chip->layout);
}

static void
draw_separator (cairo_t *cr,
                double   x,
                double   y,
                double   width,
                gpointer user_data)
{
  pl_flow_set_color (cr, PL_FLOW_RULE);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, y + 0.5);
  cairo_line_to (cr, x + width, y + 0.5);
  cairo_stroke (cr);
}

static void
add_label (PlPack     *self,
           const char *text)
{
  g_autofree char *upper = upper_escape (text);

  pl_flow_add_text (self->flow, PL_FLOW_LABEL, upper, -1, 0, PL_FLOW_MARK_NONE, NULL);
}

static void
add_visitor (PlPack        *self,
             PlPackVisitor *v)
{
  PlFlow *flow = self->flow;
  g_autofree char *name = escape (v->staff_name);
  g_autofree char *days = pl_pack_format_days ((const char * const *) v->days);
  g_autofree char *when = NULL;
  g_autofree char *when_markup = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);
  Chip *chip = g_new0 (Chip, 1);

  pl_flow_add_text (flow, PL_FLOW_H3, name, -1, 0, PL_FLOW_MARK_NONE, NULL);

  if (v->job_title != NULL)
    g_string_append (meta, v->job_title);
  if (v->partner_name != NULL)
    g_string_append_printf (meta, "%s%s", meta->len > 0 ? ", " : "", v->partner_name);
  if (meta->len > 0)
    {
      g_autofree char *markup = escape (meta->str);

      pl_flow_add_text (flow, PL_FLOW_META, markup, -1, 0, PL_FLOW_MARK_NONE, NULL);
      pl_flow_keep_with_next (flow);
    }

  /* Dates that are not yet agreed say so. */
  if (v->days[0] != NULL && (g_strcmp0 (v->status, "request") == 0 ||
                             g_strcmp0 (v->status, "proposed") == 0))
    when = g_strdup_printf (_("%s (proposed)"), days);
  else
    when = g_strdup (days);
  when_markup = escape (when);
  chip->layout = pl_flow_create_layout (flow, PL_FLOW_CHIP, when_markup,
                                        pl_flow_get_width (flow) - 20);
  pl_flow_add_box (flow, pl_flow_layout_height (chip->layout) + 8, 8, draw_chip, chip,
                   (GDestroyNotify) chip_free);
  pl_flow_keep_with_next (flow);

  if (v->aims != 0)
    {
      gboolean first = TRUE;

      add_label (self, _("What they hope to gain"));
      for (guint i = 0; i < PL_N_AIMS; i++)
        {
          g_autofree char *aim = NULL;

          if ((v->aims & (1u << i)) == 0)
            continue;
          aim = escape (pl_enum_label (pl_aim_keys[i]));
          pl_flow_add_text (flow, PL_FLOW_BODY, aim, first ? 5 : 2, 18, PL_FLOW_MARK_BULLET,
                            NULL);
          first = FALSE;
        }
    }

  if (v->goals != NULL)
    {
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), v->goals);
      g_autofree char *markup = escape (quoted);

      add_label (self, _("In their own words"));
      pl_flow_add_text (flow, PL_FLOW_QUOTE, markup, -1, 0, PL_FLOW_MARK_NONE, NULL);
    }

  if (v->sector_priority != NULL)
    {
      g_autofree char *markup = escape (v->sector_priority);

      add_label (self, _("Why your sector matters to them"));
      pl_flow_add_text (flow, PL_FLOW_BODY, markup, 3, 0, PL_FLOW_MARK_NONE, NULL);
    }

  if (v->equality_aims != NULL)
    {
      g_autofree char *markup = escape (v->equality_aims);

      add_label (self, _("Equality and diversity"));
      pl_flow_add_text (flow, PL_FLOW_BODY, markup, 3, 0, PL_FLOW_MARK_NONE, NULL);
    }
}

static void
add_who_is_coming (PlPack *self)
{
  for (guint i = 0; i < self->data->visitors->len; i++)
    {
      if (i > 0)
        pl_flow_add_box (self->flow, 1, 18, draw_separator, NULL, NULL);
      add_visitor (self, g_ptr_array_index (self->data->visitors, i));
    }
}

/* ---------------------------------------------------------------- contacts */

#define CARD_PAD   12.0
#define CARD_LABEL 128.0

typedef struct
{
  PangoLayout *label;
  PangoLayout *body;
} Card;

static void
card_free (Card *card)
{
  g_object_unref (card->label);
  g_object_unref (card->body);
  g_free (card);
}

static void
draw_card (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           gpointer user_data)
{
  Card *card = user_data;
  double height = MAX (pl_flow_layout_height (card->label),
                       pl_flow_layout_height (card->body)) + 2 * CARD_PAD;

  pl_flow_set_color (cr, PL_FLOW_TINT);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  pl_flow_set_color (cr, PL_FLOW_PRIMARY);
  cairo_rectangle (cr, x, y, 3, height);
  cairo_fill (cr);

  pl_flow_set_style_color (cr, PL_FLOW_LABEL);
  cairo_move_to (cr, x + CARD_PAD + 3, y + CARD_PAD + 2);
  pango_cairo_show_layout (cr, card->label);

  pl_flow_set_style_color (cr, PL_FLOW_BODY);
  cairo_move_to (cr, x + CARD_LABEL + CARD_PAD, y + CARD_PAD);
  pango_cairo_show_layout (cr, card->body);
}

static void
append_line (GString    *body,
             const char *label,
             const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = escape (value);
  if (body->len > 0)
    g_string_append_c (body, '\n');
  if (label != NULL)
    {
      g_autofree char *label_markup = escape (label);
      g_string_append_printf (body, "<span foreground=\"#5e6b75\">%s</span>  %s",
                              label_markup, escaped);
    }
  else
    {
      g_string_append (body, escaped);
    }
}

static void
add_card (PlPack     *self,
          const char *label,
          const char *name,
          const char *role,
          const char *organisation,
          const char *email,
          const char *phone)
{
  PlFlow *flow = self->flow;
  Card *card;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *upper = upper_escape (label);
  double width = pl_flow_get_width (flow);

  if (name == NULL && role == NULL && organisation == NULL && email == NULL && phone == NULL)
    return;

  if (name != NULL)
    {
      g_autofree char *escaped = escape (name);
      g_string_append_printf (body, "<span size=\"large\" weight=\"bold\">%s</span>", escaped);
    }
  append_line (body, NULL, role);
  append_line (body, NULL, organisation);
  append_line (body, _("Email"), email);
  append_line (body, _("Phone"), phone);

  card = g_new0 (Card, 1);
  card->label = pl_flow_create_layout (flow, PL_FLOW_LABEL, upper, CARD_LABEL - 2 * CARD_PAD);
  card->body = pl_flow_create_layout (flow, PL_FLOW_BODY, body->str,
                                      width - CARD_LABEL - 2 * CARD_PAD);
  pl_flow_add_box (flow,
                   MAX (pl_flow_layout_height (card->label),
                        pl_flow_layout_height (card->body)) + 2 * CARD_PAD,
                   12, draw_card, card, (GDestroyNotify) card_free);
}

static void
add_contacts (PlPack *self)
{
  PlPackData *data = self->data;

  if (data->owner_name != NULL)
    add_card (self, _("Your contact at the college"), data->owner_name, data->owner_role,
              data->partner_name, data->owner_email, data->owner_phone);
  add_card (self, _("The college"), data->partner_name,
            g_strcmp0 (data->partner_contact, data->owner_name) != 0 ? data->partner_contact : NULL,
            NULL, data->partner_email, data->partner_phone);
  add_card (self, _("Your details, as we hold them"), data->employer, data->contact_name, NULL,
            data->contact_email, data->contact_phone);
}

/* ------------------------------------------------------------ feedback form */

static void
add_feedback_form (PlPack *self)
{
  static const double fractions[] = { 0.58, 0.14, 0.14, 0.14 };
  PlFlowTable *table = pl_flow_add_table (self->flow, 4, fractions, 14);
  PlFlowCell head[4] = { { 0 } };
  g_autofree char *h0 = escape (_("Statement"));
  g_autofree char *h1 = escape (pl_enum_label ("agree"));
  g_autofree char *h2 = escape (pl_enum_label ("neutral"));
  g_autofree char *h3 = escape (pl_enum_label ("disagree"));

  head[0].markup = h0;
  head[1].markup = h1;
  head[2].markup = h2;
  head[3].markup = h3;
  head[1].center = head[2].center = head[3].center = TRUE;
  pl_flow_table_add_row (table, TRUE, head);

  for (guint i = 0; pl_employer_questions[i] != NULL; i++)
    {
      PlFlowCell cells[4] = { { 0 } };
      g_autofree char *question = escape (pl_enum_label (pl_employer_questions[i]));

      cells[0].markup = question;
      cells[1].kind = cells[2].kind = cells[3].kind = PL_FLOW_CELL_CHECKBOX;
      pl_flow_table_add_row (table, FALSE, cells);
    }
}

void
pl_pack_add_block (PlPack           *self,
                   const PlPackNode *block)
{
  const char *name = block->name;

  if (g_str_equal (name, "contents"))
    add_contents (self);
  else if (g_str_equal (name, "sector-examples"))
    add_sector_examples (self);
  else if (g_str_equal (name, "timeline"))
    add_timeline (self);
  else if (g_str_equal (name, "timeline-steps"))
    add_timeline_steps (self);
  else if (g_str_equal (name, "who-is-coming"))
    add_who_is_coming (self);
  else if (g_str_equal (name, "contacts"))
    add_contacts (self);
  else if (g_str_equal (name, "feedback-form"))
    add_feedback_form (self);
  else
    /* The template parser accepts only the blocks above. */
    g_assert_not_reached ();
}
