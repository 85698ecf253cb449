/* pl-pack.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-pack"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "pl-date.h"
#include "pl-pack-private.h"

/* The page furniture, in points from the paper's edges. */
#define HEADER_BASELINE 34.0
#define HEADER_RULE     44.0
#define CONTENT_TOP     78.0
#define CONTENT_BOTTOM  64.0   /* from the foot of the page */
#define FOOTER_BASELINE 36.0   /* from the foot of the page */

/* The cover: a band of colour across the top part of the page. */
#define COVER_BAND      0.49

G_DEFINE_FINAL_TYPE (PlPack, pl_pack, G_TYPE_OBJECT)

static void
contents_entry_free (PlPackContentsEntry *entry)
{
  g_free (entry->markup);
  g_free (entry->anchor);
  g_free (entry);
}

static void
pl_pack_finalize (GObject *object)
{
  PlPack *self = PL_PACK (object);

  g_clear_pointer (&self->data, pl_pack_data_free);
  g_clear_pointer (&self->template, pl_pack_template_free);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_clear_pointer (&self->flow, pl_flow_free);
  g_clear_pointer (&self->contents, g_ptr_array_unref);
  g_clear_pointer (&self->anchors, g_hash_table_unref);
  g_free (self->title);
  g_free (self->kicker);
  g_free (self->cover_title);
  g_free (self->prepared_for);
  g_free (self->from);
  g_free (self->blurb);

  G_OBJECT_CLASS (pl_pack_parent_class)->finalize (object);
}

static void
pl_pack_class_init (PlPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_pack_finalize;
}

static void
pl_pack_init (PlPack *self)
{
  self->page_width = PL_PACK_A4_WIDTH;
  self->page_height = PL_PACK_A4_HEIGHT;
  self->contents = g_ptr_array_new_with_free_func ((GDestroyNotify) contents_entry_free);
  self->anchors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

char *
pl_pack_escape (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'' && p > text && g_ascii_isalnum (p[-1]))
        g_string_append (out, "’");
      else
        g_string_append_c (out, *p);
    }

  return g_markup_escape_text (out->str, -1);
}

char *
pl_pack_escape_upper (const char *text)
{
  g_autofree char *upper = g_utf8_strup (text != NULL ? text : "", -1);

  return pl_pack_escape (upper);
}

char *
pl_pack_format_date (const char *iso)
{
  GDate date;
  char buffer[128];

  if (iso == NULL || !pl_date_parse (iso, &date))
    return g_strdup (iso != NULL ? iso : "");

  /* Translators: a date in the employer pack, as strftime() writes it:
   * "Thursday 7 January 2027". %-d is the day without a leading zero. */
  if (g_date_strftime (buffer, sizeof buffer, C_("pack date", "%A %-d %B %Y"), &date) == 0)
    return g_strdup (iso);

  return g_strdup (buffer);
}

/* Whether the ISO dates follow one another day by day. */
static gboolean
consecutive (const char * const *days)
{
  for (guint i = 1; days[i] != NULL; i++)
    {
      g_autofree char *next = pl_date_iso_add_days (days[i - 1], 1);

      if (g_strcmp0 (next, days[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

char *
pl_pack_format_days (const char * const *days)
{
  guint n = days != NULL ? g_strv_length ((char **) days) : 0;
  g_autoptr(GString) out = NULL;

  if (n == 0)
    return g_strdup (_("Dates to be agreed"));
  if (n == 1)
    return pl_pack_format_date (days[0]);

  if (consecutive (days))
    {
      g_autofree char *first = pl_pack_format_date (days[0]);
      g_autofree char *last = pl_pack_format_date (days[n - 1]);

      /* Translators: the first and last day of a placement, then how many
       * days it lasts. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s (%u day)",
                                           "%s to %s (%u days)", n),
                              first, last, n);
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *day = pl_pack_format_date (days[i]);

      if (i > 0)
        /* Translators: between the days of a placement that are not in a row. */
        g_string_append (out, i + 1 < n ? _(", ") : _(" and "));
      g_string_append (out, day);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The numbers of pl_stats_compute(), read without fuss when absent. */
static gint64
stat_number (PlPack     *self,
             const char *object,
             const char *member)
{
  JsonObject *root = json_node_get_object (self->data->stats);
  JsonObject *inner = root;

  if (object != NULL)
    {
      g_auto(GStrv) path = g_strsplit (object, ".", -1);

      for (guint i = 0; path[i] != NULL && inner != NULL; i++)
        inner = json_object_has_member (inner, path[i])
                ? json_object_get_object_member (inner, path[i]) : NULL;
    }

  if (inner == NULL || !json_object_has_member (inner, member))
    return 0;
  return json_object_get_int_member (inner, member);
}

static void
set_value (PlPack     *self,
           const char *name,
           const char *text)
{
  g_hash_table_insert (self->values, g_strdup (name), pl_pack_escape (text));
}

static void
set_number (PlPack     *self,
            const char *name,
            gint64      number)
{
  g_hash_table_insert (self->values, g_strdup (name),
                       g_strdup_printf ("%" G_GINT64_FORMAT, number));
}

static const char *
partner_name (PlPack *self)
{
  if (self->data->partner_name != NULL)
    return self->data->partner_name;
  if (self->data->network_name != NULL)
    return self->data->network_name;
  return _("the college");
}

static void
fill_values (PlPack *self)
{
  PlPackData *data = self->data;

  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  set_value (self, "employer", data->employer);
  set_value (self, "sector", data->sector);
  set_value (self, "partner", partner_name (self));
  set_value (self, "owner", data->owner_name != NULL ? data->owner_name
                            : data->partner_contact != NULL ? data->partner_contact
                            : partner_name (self));
  set_number (self, "notice_weeks", data->notice_weeks);
  set_number (self, "lead_weeks", data->lead_weeks);
  if (data->next != NULL)
    {
      g_autofree char *next = pl_pack_format_date (data->next->days[0]);
      set_value (self, "next_date", next);
    }
  else
    {
      set_value (self, "next_date", "");
    }

  set_number (self, "placements", stat_number (self, "placements", "total"));
  set_number (self, "employers", stat_number (self, NULL, "employers"));
  set_number (self, "sectors", stat_number (self, NULL, "sectors"));
  set_number (self, "staff_engaged", stat_number (self, NULL, "staff_engaged"));
  set_number (self, "students_reached", stat_number (self, NULL, "students_reached"));
  set_number (self, "colleagues_reached", stat_number (self, NULL, "colleagues_reached"));
  set_number (self, "students_know_more_pct",
              stat_number (self, "student_survey.agree_pct", "employment_opportunities"));
  set_number (self, "students_workplace_pct",
              stat_number (self, "student_survey.agree_pct", "workplace"));
  set_number (self, "students_learning_pct",
              stat_number (self, "student_survey.agree_pct", "learning_improved"));
  set_number (self, "student_responses", stat_number (self, "student_survey", "responses"));
  set_number (self, "host_again_pct",
              stat_number (self, "employer_survey.agree_pct", "host_again"));
  set_number (self, "work_with_providers_pct",
              stat_number (self, "employer_survey.agree_pct", "work_with_providers"));
  set_number (self, "vocational_pct",
              stat_number (self, "employer_survey.agree_pct", "vocational_education_important"));
  set_number (self, "employer_responses", stat_number (self, "employer_survey", "responses"));
}

gboolean
pl_pack_condition_holds (PlPack           *self,
                         const PlPackNode *node)
{
  const char *c = node->condition;
  PlPackData *data = self->data;

  if (c == NULL)
    return TRUE;
  if (g_str_equal (c, "coming"))
    return data->visitors->len > 0;
  if (g_str_equal (c, "no-coming"))
    return data->visitors->len == 0;
  if (g_str_equal (c, "history"))
    return stat_number (self, "placements", "total") > 0;
  if (g_str_equal (c, "student-survey"))
    return stat_number (self, "student_survey", "responses") > 0;
  if (g_str_equal (c, "employer-survey"))
    return stat_number (self, "employer_survey", "responses") > 0;
  if (g_str_equal (c, "notice"))
    return data->notice_weeks > 0;
  if (g_str_equal (c, "owner"))
    return data->owner_name != NULL;
  if (g_str_equal (c, "no-owner"))
    return data->owner_name == NULL;

  /* The template parser accepts only the conditions above. */
  g_assert_not_reached ();
}

char *
pl_pack_node_markup (PlPack           *self,
                     const PlPackNode *node)
{
  return pl_pack_template_expand (pl_pack_template_translate (node->text), self->values);
}

static char *
child_markup (PlPack           *self,
              const PlPackNode *node,
              PlPackNodeKind    kind)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      const PlPackNode *child = g_ptr_array_index (node->children, i);

      if (child->kind == kind)
        return pl_pack_node_markup (self, child);
    }

  return g_strdup ("");
}

static void
read_cover (PlPack *self)
{
  const PlPackNode *root = pl_pack_template_get_root (self->template);

  for (guint i = 0; i < root->children->len; i++)
    {
      const PlPackNode *node = g_ptr_array_index (root->children, i);

      if (node->kind == PL_PACK_NODE_TITLE)
        self->title = pl_pack_node_markup (self, node);
      else if (node->kind == PL_PACK_NODE_COVER)
        {
          self->kicker = child_markup (self, node, PL_PACK_NODE_KICKER);
          self->cover_title = child_markup (self, node, PL_PACK_NODE_TITLE);
          self->prepared_for = child_markup (self, node, PL_PACK_NODE_PREPARED_FOR);
          self->from = child_markup (self, node, PL_PACK_NODE_FROM);
          self->blurb = child_markup (self, node, PL_PACK_NODE_BLURB);
        }
    }
}

/* Premultiplied ARGB from a pixbuf, without GDK: the lower layers do not
 * use GTK. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int in_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *in = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int out_stride = cairo_image_surface_get_stride (surface);
  guint8 *out;

  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *src = in + y * in_stride;
      guint32 *dst = (guint32 *) (out + y * out_stride);

      for (int x = 0; x < width; x++)
        {
          guint a = channels == 4 ? src[3] : 255;
          guint r = src[0] * a / 255, g = src[1] * a / 255, b = src[2] * a / 255;

          dst[x] = (a << 24) | (r << 16) | (g << 8) | b;
          src += channels;
        }
    }
  cairo_surface_mark_dirty (surface);

  return surface;
}

static gboolean
load_logo (PlPack      *self,
           const char  *path,
           GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;

  /* Loaded at print resolution and no larger, so a huge photograph does
   * not make a huge PDF. */
  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, 900, 400, TRUE, &local_error);
  if (pixbuf == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("Cannot use “%s” as the logo on the employer pack: %s"),
                   path, local_error->message);
      return FALSE;
    }

  self->logo = surface_from_pixbuf (pixbuf);
  return TRUE;
}

/**
 * pl_pack_new:
 * @options: (nullable): the template and logo to use
 *
 * Reads what the pack says about employer @employer_id, as of today.
 *
 * Returns: (transfer full) (nullable): the pack, or NULL with
 *   PL_ERROR_NOT_FOUND for an unknown employer, or PL_ERROR_INVALID for a
 *   template or logo that cannot be used
 */
PlPack *
pl_pack_new (PlStore             *store,
             gint64               employer_id,
             const PlPackOptions *options,
             GError             **error)
{
  g_autoptr(PlPack) self = NULL;
  PlPackOptions defaults = { NULL, NULL };
  const char *logo;
  GDate today;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (options == NULL)
    options = &defaults;

  self = g_object_new (PL_TYPE_PACK, NULL);
  pl_date_today (&today);
  if (!(self->data = pl_pack_data_load (store, employer_id, &today, error)))
    return NULL;
  if (!(self->template = pl_pack_template_load (options->template_path, error)))
    return NULL;

  logo = options->logo_path != NULL ? options->logo_path : self->data->logo_path;
  if (logo != NULL && !load_logo (self, logo, error))
    return NULL;

  fill_values (self);
  read_cover (self);

  return g_steal_pointer (&self);
}

const char *
pl_pack_get_employer_name (PlPack *self)
{
  g_return_val_if_fail (PL_IS_PACK (self), NULL);

  return self->data->employer;
}

/* Sections' headings, numbered for the contents before anything is laid
 * out, so that the contents know their own length. */
static void
collect_contents (PlPack *self)
{
  const PlPackNode *root = pl_pack_template_get_root (self->template);

  g_ptr_array_set_size (self->contents, 0);
  g_hash_table_remove_all (self->anchors);

  for (guint i = 0; i < root->children->len; i++)
    {
      const PlPackNode *section = g_ptr_array_index (root->children, i);

      if (section->kind != PL_PACK_NODE_SECTION || !pl_pack_condition_holds (self, section))
        continue;

      for (guint k = 0; k < section->children->len; k++)
        {
          const PlPackNode *node = g_ptr_array_index (section->children, k);
          PlPackContentsEntry *entry;

          if (node->kind != PL_PACK_NODE_H1 || !pl_pack_condition_holds (self, node))
            continue;

          entry = g_new0 (PlPackContentsEntry, 1);
          entry->markup = pl_pack_node_markup (self, node);
          entry->anchor = g_strdup_printf ("h1-%u", self->contents->len);
          g_hash_table_insert (self->anchors, (gpointer) node, g_strdup (entry->anchor));
          g_ptr_array_add (self->contents, entry);
        }
    }
}

static void
add_node (PlPack           *self,
          const PlPackNode *node)
{
  PlFlow *flow = self->flow;
  g_autofree char *markup = NULL;

  if (!pl_pack_condition_holds (self, node))
    return;

  switch (node->kind)
    {
    case PL_PACK_NODE_H1:
      markup = pl_pack_node_markup (self, node);
      pl_flow_add_text (flow, PL_FLOW_H1, markup, -1, 0, PL_FLOW_MARK_NONE,
                        g_hash_table_lookup (self->anchors, node));
      self->h1_added++;
      break;

    case PL_PACK_NODE_H2:
      markup = pl_pack_node_markup (self, node);
      pl_flow_add_text (flow, PL_FLOW_H2, markup, -1, 0, PL_FLOW_MARK_NONE, NULL);
      break;

    case PL_PACK_NODE_P:
      {
        PlFlowStyle style = PL_FLOW_BODY;

        double space = -1;

        if (g_strcmp0 (node->style, "lead") == 0)
          style = PL_FLOW_LEAD;
        else if (g_strcmp0 (node->style, "small") == 0)
          style = PL_FLOW_SMALL;
        /* A lead paragraph away from a heading closes a section: it
         * stands apart. */
        if (style == PL_FLOW_LEAD && !self->after_heading)
          space = 24;
        markup = pl_pack_node_markup (self, node);
        pl_flow_add_text (flow, style, markup, space, 0, PL_FLOW_MARK_NONE, NULL);
      }
      break;

    case PL_PACK_NODE_LIST:
    case PL_PACK_NODE_CHECKLIST:
      {
        gboolean check = node->kind == PL_PACK_NODE_CHECKLIST;
        gboolean first = TRUE;

        for (guint i = 0; i < node->children->len; i++)
          {
            const PlPackNode *item = g_ptr_array_index (node->children, i);
            g_autofree char *text = NULL;

            if (!pl_pack_condition_holds (self, item))
              continue;
            text = pl_pack_node_markup (self, item);
            pl_flow_add_text (flow, PL_FLOW_BODY, text, first ? 8 : (check ? 6 : 4),
                              check ? 24 : 18,
                              check ? PL_FLOW_MARK_CHECKBOX : PL_FLOW_MARK_BULLET, NULL);
            first = FALSE;
          }
      }
      break;

    case PL_PACK_NODE_TABLE:
      {
        g_auto(GStrv) parts = g_strsplit (node->style != NULL ? node->style : "", ",", -1);
        g_autofree double *fractions = NULL;
        guint n_columns = 0;
        PlFlowTable *table;

        for (guint i = 0; i < node->children->len; i++)
          {
            const PlPackNode *row = g_ptr_array_index (node->children, i);
            n_columns = MAX (n_columns, row->children->len);
          }
        if (n_columns == 0)
          break;

        fractions = g_new0 (double, n_columns);
        for (guint i = 0; i < n_columns; i++)
          {
            double f = i < g_strv_length (parts) ? g_ascii_strtod (parts[i], NULL) : 0;
            fractions[i] = f > 0 ? f : 1;
          }

        table = pl_flow_add_table (flow, n_columns, fractions, 10);
        for (guint i = 0; i < node->children->len; i++)
          {
            const PlPackNode *row = g_ptr_array_index (node->children, i);
            g_autofree PlFlowCell *cells = g_new0 (PlFlowCell, n_columns);
            g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

            if (!pl_pack_condition_holds (self, row))
              continue;
            for (guint c = 0; c < n_columns; c++)
              {
                char *text = c < row->children->len
                             ? pl_pack_node_markup (self, g_ptr_array_index (row->children, c))
                             : g_strdup ("");
                g_ptr_array_add (texts, text);
                cells[c].kind = PL_FLOW_CELL_TEXT;
                cells[c].markup = text;
              }
            pl_flow_table_add_row (table, row->header, cells);
          }
      }
      break;

    case PL_PACK_NODE_CALLOUT:
      pl_pack_add_callout (self, node);
      break;

    case PL_PACK_NODE_FIGURES:
      pl_pack_add_figures (self, node);
      break;

    case PL_PACK_NODE_WRITE:
      pl_pack_add_write (self, node);
      break;

    case PL_PACK_NODE_FIELDS:
      pl_pack_add_fields (self, node);
      break;

    case PL_PACK_NODE_PAGEBREAK:
      pl_flow_add_page_break (flow);
      break;

    case PL_PACK_NODE_BLOCK:
      pl_pack_add_block (self, node);
      break;

    default:
      /* The parser allows nothing else in a section. */
      g_assert_not_reached ();
    }

  self->after_heading = node->kind == PL_PACK_NODE_H1 || node->kind == PL_PACK_NODE_H2;
}

static void
lay_out (PlPack *self)
{
  const PlPackNode *root = pl_pack_template_get_root (self->template);
  gboolean first = TRUE;

  g_clear_pointer (&self->flow, pl_flow_free);
  self->flow = pl_flow_new (self->page_width, self->page_height, PL_PACK_MARGIN,
                            CONTENT_TOP, self->page_height - CONTENT_BOTTOM);
  collect_contents (self);
  self->h1_added = 0;

  for (guint i = 0; i < root->children->len; i++)
    {
      const PlPackNode *section = g_ptr_array_index (root->children, i);

      if (section->kind != PL_PACK_NODE_SECTION || !pl_pack_condition_holds (self, section))
        continue;

      if (section->new_page && !first)
        pl_flow_add_page_break (self->flow);
      for (guint k = 0; k < section->children->len; k++)
        add_node (self, g_ptr_array_index (section->children, k));
      first = FALSE;
    }

  pl_flow_paginate (self->flow);
}

void
pl_pack_set_page_size (PlPack *self,
                       double  width,
                       double  height)
{
  g_return_if_fail (PL_IS_PACK (self));
  g_return_if_fail (width > 2 * PL_PACK_MARGIN && height > CONTENT_TOP + CONTENT_BOTTOM);

  /* Whole points: GTK's A4 (595.276 × 841.89) then lays out exactly as the
   * PDF's (595 × 842), so paper and file show the same pages. */
  width = round (width);
  height = round (height);

  if (self->flow != NULL && width == self->page_width && height == self->page_height)
    return;

  self->page_width = width;
  self->page_height = height;
  lay_out (self);
}

static PlFlow *
ensure_flow (PlPack *self)
{
  if (self->flow == NULL)
    lay_out (self);
  return self->flow;
}

guint
pl_pack_get_n_pages (PlPack *self)
{
  g_return_val_if_fail (PL_IS_PACK (self), 0);

  /* The cover, then the flowing pages. */
  return 1 + pl_flow_get_n_pages (ensure_flow (self));
}

/* Plain text of some markup, for text that is transformed (upper case)
 * or shown where emphasis makes no sense (transfer full). */
static char *
plain (const char *markup)
{
  char *text = NULL;

  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return g_strdup (markup);
  return text;
}

static char *
upper_markup (const char *markup)
{
  g_autofree char *text = plain (markup);
  g_autofree char *upper = g_utf8_strup (text, -1);

  return g_markup_escape_text (upper, -1);
}

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         PlFlowStyle  style,
         double       x,
         double       y)
{
  pl_flow_set_style_color (cr, style);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A layout in @style no taller than @max_height: the font shrinks in
 * steps down to @min_size points before giving up. */
static PangoLayout *
fitted_layout (PlFlow      *flow,
               PlFlowStyle  style,
               const char  *markup,
               double       width,
               double       max_height,
               double       min_size)
{
  PangoLayout *layout = pl_flow_create_layout (flow, style, markup, width);
  PangoFontDescription *font =
    pango_font_description_copy (pango_layout_get_font_description (layout));
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  while (pl_flow_layout_height (layout) > max_height && size > min_size)
    {
      size = MAX (min_size, size * 0.85);
      pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
      pango_layout_set_font_description (layout, font);
    }
  pango_font_description_free (font);

  return layout;
}

static void
draw_logo (PlPack  *self,
           cairo_t *cr,
           double   x,
           double   y,
           double   max_width,
           double   max_height)
{
  double w = cairo_image_surface_get_width (self->logo);
  double h = cairo_image_surface_get_height (self->logo);
  double scale = MIN (max_width / w, max_height / h);
  double pad = 10;

  /* On a white card, so that any logo reads against the band. */
  pl_flow_set_color (cr, PL_FLOW_PAPER);
  cairo_rectangle (cr, x, y, w * scale + 2 * pad, h * scale + 2 * pad);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x + pad, y + pad);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, self->logo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
draw_cover (PlPack  *self,
            cairo_t *cr)
{
  PlFlow *flow = self->flow;
  double w = self->page_width, h = self->page_height;
  double m = PL_PACK_MARGIN;
  double text_width = w - 2 * m;
  double band = h * COVER_BAND;
  g_autoptr(PangoLayout) kicker = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) label = NULL;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) from = NULL;
  g_autoptr(PangoLayout) blurb = NULL;
  g_autoptr(PangoLayout) date = NULL;
  g_autofree char *kicker_text = upper_markup (self->kicker);
  g_autofree char *label_text = upper_markup (self->prepared_for);
  g_autofree char *name_text = pl_pack_escape (self->data->employer);
  char date_text[128] = "";
  double y;

  /* The band, with a thin accent rule along its foot. */
  pl_flow_set_color (cr, PL_FLOW_PRIMARY);
  cairo_rectangle (cr, 0, 0, w, band);
  cairo_fill (cr);
  pl_flow_set_color (cr, PL_FLOW_ACCENT);
  cairo_rectangle (cr, 0, band, w, 5);
  cairo_fill (cr);

  if (self->logo != NULL)
    {
      draw_logo (self, cr, m, 48, 170, 56);
    }
  else
    {
      /* Without a logo, the college's name stands in its place. */
      g_autofree char *partner = upper_markup (partner_name (self));
      g_autoptr(PangoLayout) issuer = pl_flow_create_layout (flow, PL_FLOW_COVER_KICKER, partner,
                                                             text_width * 0.6);

      pango_layout_set_ellipsize (issuer, PANGO_ELLIPSIZE_END);
      pl_flow_set_color (cr, PL_FLOW_PAPER);
      cairo_move_to (cr, m, 52);
      pango_cairo_show_layout (cr, issuer);
    }

  /* A quiet echo of the planning timeline inside: steps along a line that
   * runs off the edge of the page. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.16);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, w * 0.42, 150);
  cairo_line_to (cr, w, 150);
  cairo_stroke (cr);
  for (int i = 0; i < 6; i++)
    {
      double cx = w * 0.46 + i * 52;

      cairo_new_path (cr);
      cairo_arc (cr, cx, 150, i == 4 ? 11 : 7, 0, 2 * G_PI);
      if (i < 2)
        {
          cairo_fill (cr);
        }
      else if (i == 4)
        {
          pl_flow_set_color (cr, PL_FLOW_ACCENT);
          cairo_fill (cr);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.16);
        }
      else
        {
          pl_flow_set_color (cr, PL_FLOW_PRIMARY);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.16);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);

  /* Title and kicker sit on the lower part of the band. */
  title = fitted_layout (flow, PL_FLOW_COVER_TITLE, self->cover_title, text_width,
                         band - 170, 18);
  kicker = pl_flow_create_layout (flow, PL_FLOW_COVER_KICKER, kicker_text, text_width);
  y = band - 44 - pl_flow_layout_height (title);
  show_at (cr, title, PL_FLOW_COVER_TITLE, m, y);
  show_at (cr, kicker, PL_FLOW_COVER_KICKER, m, y - 14 - pl_flow_layout_height (kicker));

  /* Who it is for, large, and from whom. */
  y = band + 46;
  label = pl_flow_create_layout (flow, PL_FLOW_COVER_LABEL, label_text, text_width);
  show_at (cr, label, PL_FLOW_COVER_LABEL, m, y);
  y += pl_flow_layout_height (label) + 8;
  name = fitted_layout (flow, PL_FLOW_COVER_NAME, name_text, text_width, 180, 14);
  show_at (cr, name, PL_FLOW_COVER_NAME, m, y);
  y += pl_flow_layout_height (name) + 10;
  from = pl_flow_create_layout (flow, PL_FLOW_COVER_FROM, self->from, text_width);
  show_at (cr, from, PL_FLOW_COVER_FROM, m, y);
  y += pl_flow_layout_height (from) + 30;

  /* The blurb stays clear of the foot of the page. */
  blurb = fitted_layout (flow, PL_FLOW_COVER_BLURB, self->blurb, text_width * 0.82,
                         h - 110 - y, 8);
  if (y + pl_flow_layout_height (blurb) < h - 100)
    show_at (cr, blurb, PL_FLOW_COVER_BLURB, m, y);

  /* The foot: a rule and the month the pack was made. */
  pl_flow_set_color (cr, PL_FLOW_RULE);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, m, h - 76);
  cairo_line_to (cr, w - m, h - 76);
  cairo_stroke (cr);

  /* Translators: the month and year on the cover of the employer pack, as
   * strftime() writes them: "November 2026". */
  g_date_strftime (date_text, sizeof date_text, C_("pack cover date", "%B %Y"),
                   &self->data->today);
  {
    const char *preparer = self->data->owner_name != NULL ? self->data->owner_name
                                                          : self->data->partner_contact;
    g_autofree char *escaped = g_markup_escape_text (date_text, -1);
    g_autofree char *prepared_by = NULL;
    g_autofree char *who_markup = NULL;
    g_autoptr(PangoLayout) who = NULL;
    PangoRectangle logical;

    /* Translators: at the foot of the pack's cover, the person who made it. */
    prepared_by = preparer != NULL ? g_strdup_printf (_("Prepared by %s"), preparer)
                                   : g_strdup (partner_name (self));
    who_markup = pl_pack_escape (prepared_by);
    who = pl_flow_create_layout (flow, PL_FLOW_RUNNING_BOLD, who_markup, text_width * 0.6);
    date = pl_flow_create_layout (flow, PL_FLOW_RUNNING, escaped, 0);
    pango_layout_set_ellipsize (who, PANGO_ELLIPSIZE_END);
    show_at (cr, who, PL_FLOW_RUNNING_BOLD, m, h - 64);
    pango_layout_get_extents (date, NULL, &logical);
    show_at (cr, date, PL_FLOW_RUNNING, w - m - (double) logical.width / PANGO_SCALE, h - 64);
  }
}

static void
draw_furniture (PlPack  *self,
                cairo_t *cr,
                guint    page,
                guint    n_pages)
{
  PlFlow *flow = self->flow;
  double w = self->page_width, h = self->page_height;
  double m = PL_PACK_MARGIN;
  double half = (w - 2 * m) / 2 - 8;
  g_autofree char *employer = pl_pack_escape (self->data->employer);
  g_autofree char *partner = g_markup_escape_text (partner_name (self), -1);
  g_autofree char *number = NULL;
  g_autofree char *number_markup = NULL;
  g_autoptr(PangoLayout) title = pl_flow_create_layout (flow, PL_FLOW_RUNNING, self->title, half);
  g_autoptr(PangoLayout) name = pl_flow_create_layout (flow, PL_FLOW_RUNNING_BOLD, employer, half);
  g_autoptr(PangoLayout) left = pl_flow_create_layout (flow, PL_FLOW_RUNNING, partner, half);
  g_autoptr(PangoLayout) right = NULL;
  PangoRectangle logical;

  /* One line each: a long name is cut short, never wrapped. */
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (name, PANGO_ALIGN_RIGHT);

  show_at (cr, title, PL_FLOW_RUNNING, m, HEADER_BASELINE - 9);
  show_at (cr, name, PL_FLOW_RUNNING_BOLD, w - m - half, HEADER_BASELINE - 9);
  pl_flow_set_color (cr, PL_FLOW_RULE);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, m, HEADER_RULE);
  cairo_line_to (cr, w - m, HEADER_RULE);
  cairo_stroke (cr);

  /* Translators: the page number at the foot of each page of the pack. */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  number_markup = g_markup_escape_text (number, -1);
  right = pl_flow_create_layout (flow, PL_FLOW_RUNNING, number_markup, 0);
  pango_layout_get_extents (right, NULL, &logical);
  show_at (cr, left, PL_FLOW_RUNNING, m, h - FOOTER_BASELINE - 9);
  show_at (cr, right, PL_FLOW_RUNNING, w - m - (double) logical.width / PANGO_SCALE,
           h - FOOTER_BASELINE - 9);
}

void
pl_pack_draw_page (PlPack  *self,
                   cairo_t *cr,
                   guint    page)
{
  guint n_pages;

  g_return_if_fail (PL_IS_PACK (self));
  g_return_if_fail (cr != NULL);

  n_pages = pl_pack_get_n_pages (self);
  g_return_if_fail (page < n_pages);

  cairo_save (cr);
  if (page == 0)
    {
      draw_cover (self, cr);
    }
  else
    {
      draw_furniture (self, cr, page, n_pages);
      pl_flow_draw_page (self->flow, cr, page - 1);
    }
  cairo_restore (cr);
}

int
pl_pack_anchor_page (PlPack     *self,
                     const char *anchor)
{
  int page = pl_flow_get_anchor_page (self->flow, anchor);

  return page < 0 ? -1 : page + 1;
}

gboolean
pl_pack_write_pdf (PlPack      *self,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *title_plain = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;
  int fd;

  g_return_val_if_fail (PL_IS_PACK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pl_pack_set_page_size (self, PL_PACK_A4_WIDTH, PL_PACK_A4_HEIGHT);
  n_pages = pl_pack_get_n_pages (self);

  /* Written beside the destination, then renamed over it. */
  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".pack-XXXXXX.pdf", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  surface = cairo_pdf_surface_create (tmp, self->page_width, self->page_height);
  title_plain = plain (self->title);
  title = g_strdup_printf ("%s — %s", title_plain, self->data->employer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Placements");
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      pl_pack_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, cairo_status_to_string (status));
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}

char *
pl_pack_file_stem (const char *employer_name)
{
  g_autofree char *ascii = NULL;
  GString *out;
  gboolean gap = FALSE;

  g_return_val_if_fail (employer_name != NULL, NULL);

  /* "Café Zoë & Sons" → "Cafe-Zoe-Sons": transliterated, every run of
   * anything else one dash, so no slash, no dot and no leading dash. */
  ascii = g_str_to_ascii (employer_name, "C");
  out = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0' && out->len < 60; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_')
        {
          if (gap && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, *p);
          gap = FALSE;
        }
      else
        {
          gap = TRUE;
        }
    }
  if (out->len > 60)
    g_string_truncate (out, 60);
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "employer");

  return g_string_free (out, FALSE);
}
