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
 * sector, the visitors, the contacts and the feedback form; and the
 * template's own drawn elements (callouts, lines to write on). The
 * timeline is in pl-pack-timeline.c. */

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
      upper = pl_pack_escape_upper (text);
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
  g_autofree char *h0 = pl_pack_escape (_("Sector"));
  g_autofree char *h1 = pl_pack_escape (_("Who went, and for how long"));
  g_autofree char *h2 = pl_pack_escape (_("What changed for their students"));

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
      g_autofree char *sector = pl_pack_escape (e->sector);
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
      g_autofree char *who = pl_pack_escape (e->job_title != NULL ? e->job_title : _("A teacher"));
      g_autofree char *goals_short = shorten (e->goals, 120);
      g_autofree char *change_short = shorten (e->change, 200);
      /* Translators: the teacher's own words, quoted. */
      g_autofree char *goals = g_strdup_printf (_("“%s”"), goals_short);
      g_autofree char *change = g_strdup_printf (_("“%s”"), change_short);
      g_autofree char *goals_markup = pl_pack_escape (goals);
      g_autofree char *change_markup = pl_pack_escape (change);
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
  g_autofree char *upper = pl_pack_escape_upper (text);

  pl_flow_add_text (self->flow, PL_FLOW_LABEL, upper, -1, 0, PL_FLOW_MARK_NONE, NULL);
}

static void
add_visitor (PlPack        *self,
             PlPackVisitor *v)
{
  PlFlow *flow = self->flow;
  g_autofree char *name = pl_pack_escape (v->staff_name);
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
      g_autofree char *markup = pl_pack_escape (meta->str);

      pl_flow_add_text (flow, PL_FLOW_META, markup, -1, 0, PL_FLOW_MARK_NONE, NULL);
      pl_flow_keep_with_next (flow);
    }

  /* Dates that are not yet agreed say so. */
  if (v->days[0] != NULL && (g_strcmp0 (v->status, "request") == 0 ||
                             g_strcmp0 (v->status, "proposed") == 0))
    when = g_strdup_printf (_("%s (proposed)"), days);
  else
    when = g_strdup (days);
  when_markup = pl_pack_escape (when);
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
          aim = pl_pack_escape (pl_enum_label (pl_aim_keys[i]));
          pl_flow_add_text (flow, PL_FLOW_BODY, aim, first ? 5 : 2, 18, PL_FLOW_MARK_BULLET,
                            NULL);
          first = FALSE;
        }
    }

  if (v->goals != NULL)
    {
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), v->goals);
      g_autofree char *markup = pl_pack_escape (quoted);

      add_label (self, _("In their own words"));
      pl_flow_add_text (flow, PL_FLOW_QUOTE, markup, -1, 0, PL_FLOW_MARK_NONE, NULL);
    }

  if (v->sector_priority != NULL)
    {
      g_autofree char *markup = pl_pack_escape (v->sector_priority);

      add_label (self, _("Why your sector matters to them"));
      pl_flow_add_text (flow, PL_FLOW_BODY, markup, 3, 0, PL_FLOW_MARK_NONE, NULL);
    }

  if (v->equality_aims != NULL)
    {
      g_autofree char *markup = pl_pack_escape (v->equality_aims);

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
  escaped = pl_pack_escape (value);
  if (body->len > 0)
    g_string_append_c (body, '\n');
  if (label != NULL)
    {
      g_autofree char *label_markup = pl_pack_escape (label);
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
  g_autofree char *upper = pl_pack_escape_upper (label);
  double width = pl_flow_get_width (flow);

  if (name == NULL && role == NULL && organisation == NULL && email == NULL && phone == NULL)
    return;

  if (name != NULL)
    {
      g_autofree char *escaped = pl_pack_escape (name);
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
  g_autofree char *h0 = pl_pack_escape (_("Statement"));
  g_autofree char *h1 = pl_pack_escape (pl_enum_label ("agree"));
  g_autofree char *h2 = pl_pack_escape (pl_enum_label ("neutral"));
  g_autofree char *h3 = pl_pack_escape (pl_enum_label ("disagree"));

  head[0].markup = h0;
  head[1].markup = h1;
  head[2].markup = h2;
  head[3].markup = h3;
  head[1].center = head[2].center = head[3].center = TRUE;
  pl_flow_table_add_row (table, TRUE, head);

  for (guint i = 0; pl_employer_questions[i] != NULL; i++)
    {
      PlFlowCell cells[4] = { { 0 } };
      g_autofree char *question = pl_pack_escape (pl_enum_label (pl_employer_questions[i]));

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
    pl_pack_add_timeline (self);
  else if (g_str_equal (name, "timeline-steps"))
    pl_pack_add_timeline_steps (self);
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
