/* pl-month-view.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-month-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pl-colors.h"
#include "pl-month-view.h"

/* Sizes in pixels. A day cell is a line with the day's number, the name of
 * a period that starts there and milestone markers, then lanes of bars. */
#define HEADER_HEIGHT   30
#define DAY_LINE        26
#define LANE_HEIGHT     20
#define BAR_HEIGHT      18
#define BAR_INSET       3
#define MARKER_SIZE     8
#define MAX_WEEKS       6
#define MAX_LANES       32

typedef struct
{
  const PlAgendaItem *item;
  guint               row;
  guint               first_col;   /* inclusive */
  guint               last_col;    /* inclusive */
  int                 lane;
  gboolean            continues_before;
  gboolean            continues_after;
} Bar;

/* What shades a day, from the periods that cover it. */
typedef struct
{
  guint             kinds;       /* PlPeriodKind bits */
  gboolean          bank_holiday;
  const PlPeriod   *caption;     /* the period named in the cell, if any */
} DayShade;

struct _PlMonthView
{
  GtkWidget    parent_instance;

  int          year;
  int          month;
  GDate        first;          /* the Monday the view starts on */
  guint        n_weeks;
  GDate        today;
  GDate        selected;

  PlAgenda    *agenda;

  /* Layout, from the last allocation. */
  double       cell_width;
  double       cell_height;
  int          visible_lanes[MAX_WEEKS];
  GArray      *bars;           /* Bar */
  guint        overflow[MAX_WEEKS][7];
  DayShade     shades[MAX_WEEKS][7];

  /* The day popover. */
  GtkWidget   *popover;
  GtkWidget   *popover_title;
  GtkWidget   *popover_periods;
  GtkListBox  *popover_list;
};

G_DEFINE_FINAL_TYPE (PlMonthView, pl_month_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_MONTH,
  N_PROPS
};

enum {
  MONTH_CHANGED,
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* ------------------------------------------------------------------------
 * Dates and cells
 */

static void
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static guint
weekday_column (const GDate *date)
{
  /* Monday is the first column, as English calendars have it. */
  return g_date_get_weekday (date) - 1;
}

/* The cell of @date, or FALSE when it is not shown. */
static gboolean
cell_of (PlMonthView *self,
         const GDate *date,
         guint       *row,
         guint       *col)
{
  int offset = g_date_days_between (&self->first, date);

  if (offset < 0 || offset >= (int) (self->n_weeks * 7))
    return FALSE;

  *row = offset / 7;
  *col = offset % 7;
  return TRUE;
}

static void
date_of_cell (PlMonthView *self,
              guint        row,
              guint        col,
              GDate       *out)
{
  *out = self->first;
  g_date_add_days (out, row * 7 + col);
}

static void
cell_rect (PlMonthView     *self,
           guint            row,
           guint            col,
           graphene_rect_t *out)
{
  graphene_rect_init (out,
                      floor (col * self->cell_width),
                      floor (HEADER_HEIGHT + row * self->cell_height),
                      floor ((col + 1) * self->cell_width) - floor (col * self->cell_width),
                      floor (HEADER_HEIGHT + (row + 1) * self->cell_height) -
                      floor (HEADER_HEIGHT + row * self->cell_height));
}

static gboolean
in_month (PlMonthView *self,
          const GDate *date)
{
  return (int) g_date_get_month (date) == self->month && (int) g_date_get_year (date) == self->year;
}

/* ------------------------------------------------------------------------
 * Layout
 */

static int
shade_priority (PlPeriodKind kind)
{
  switch (kind)
    {
    case PL_PERIOD_BANK_HOLIDAY: return 8;
    case PL_PERIOD_HOLIDAY:      return 7;
    case PL_PERIOD_EXAM:         return 6;
    case PL_PERIOD_INSET:        return 5;
    case PL_PERIOD_BLACKOUT:     return 4;
    case PL_PERIOD_BUSY:         return 3;
    case PL_PERIOD_UNAVAILABLE:  return 2;
    case PL_PERIOD_TERM:         return 1;
    default:                     return 0;
    }
}

static void
layout_shades (PlMonthView *self)
{
  memset (self->shades, 0, sizeof self->shades);
  if (self->agenda == NULL)
    return;

  for (guint row = 0; row < self->n_weeks; row++)
    for (guint col = 0; col < 7; col++)
      {
        DayShade *shade = &self->shades[row][col];
        g_autoptr(GPtrArray) periods = NULL;
        GDate day;

        date_of_cell (self, row, col, &day);
        shade->bank_holiday = pl_agenda_is_bank_holiday (self->agenda, &day);
        periods = pl_agenda_periods_on (self->agenda, &day);

        for (guint i = 0; i < periods->len; i++)
          {
            const PlPeriod *period = g_ptr_array_index (periods, i);
            gboolean starts = g_date_compare (&period->start, &day) == 0;

            shade->kinds |= period->kind;

            /* A period is named where it starts, and again at the start of
             * each week it runs through, except terms, which are long and
             * need naming only once. */
            if (!starts && (period->kind == PL_PERIOD_TERM || col != 0))
              continue;
            if (shade->caption == NULL ||
                shade_priority (period->kind) > shade_priority (shade->caption->kind))
              shade->caption = period;
          }
      }
}

static void
layout_bars (PlMonthView *self)
{
  guint8 used[MAX_WEEKS][7][MAX_LANES];
  int max_lanes;

  g_array_set_size (self->bars, 0);
  memset (self->overflow, 0, sizeof self->overflow);
  memset (used, 0, sizeof used);

  max_lanes = (int) ((self->cell_height - DAY_LINE - 2) / LANE_HEIGHT);
  max_lanes = CLAMP (max_lanes, 0, MAX_LANES);

  for (guint row = 0; row < MAX_WEEKS; row++)
    self->visible_lanes[row] = max_lanes;

  if (self->agenda == NULL)
    return;

  /* Items come longest first within a start day; each takes the lowest
   * lane free on all its days of the week, as GNOME Calendar does. */
  for (guint i = 0; i < self->agenda->items->len; i++)
    {
      const PlAgendaItem *item = g_ptr_array_index (self->agenda->items, i);

      if (item->kind == PL_AGENDA_MILESTONE)
        continue;

      for (guint row = 0; row < self->n_weeks; row++)
        {
          GDate week_start, week_end;
          Bar bar = { item, row, 0, 6, -1, FALSE, FALSE };
          int lane;

          date_of_cell (self, row, 0, &week_start);
          week_end = week_start;
          g_date_add_days (&week_end, 7);
          if (g_date_compare (&item->end, &week_start) <= 0 ||
              g_date_compare (&item->start, &week_end) >= 0)
            continue;

          if (g_date_compare (&item->start, &week_start) > 0)
            bar.first_col = weekday_column (&item->start);
          else
            bar.continues_before = g_date_compare (&item->start, &week_start) < 0;

          if (g_date_compare (&item->end, &week_end) < 0)
            {
              GDate last = item->end;

              g_date_subtract_days (&last, 1);
              bar.last_col = weekday_column (&last);
            }
          else
            bar.continues_after = g_date_compare (&item->end, &week_end) > 0;

          for (lane = 0; lane < MAX_LANES; lane++)
            {
              gboolean free = TRUE;

              for (guint col = bar.first_col; col <= bar.last_col && free; col++)
                free = !used[row][col][lane];
              if (free)
                break;
            }

          if (lane < MAX_LANES)
            {
              for (guint col = bar.first_col; col <= bar.last_col; col++)
                used[row][col][lane] = TRUE;
              bar.lane = lane;
            }
          g_array_append_val (self->bars, bar);
        }
    }

  /* A week whose busiest day needs more lanes than fit gives its last lane
   * to "+N more". */
  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      if (bar->lane < 0 || bar->lane >= max_lanes)
        self->visible_lanes[bar->row] = MAX (0, max_lanes - 1);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      if (bar->lane >= 0 && bar->lane < self->visible_lanes[bar->row])
        continue;
      bar->lane = -1;
      for (guint col = bar->first_col; col <= bar->last_col; col++)
        self->overflow[bar->row][col]++;
    }
}

static void
relayout (PlMonthView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  self->cell_width = width / 7.0;
  self->cell_height = self->n_weeks > 0 ? MAX (0, height - HEADER_HEIGHT) / (double) self->n_weeks
                                        : 0;
  layout_shades (self);
  layout_bars (self);
}

static void
bar_rect (PlMonthView     *self,
          const Bar       *bar,
          graphene_rect_t *out)
{
  graphene_rect_t first, last;
  double left, right;

  cell_rect (self, bar->row, bar->first_col, &first);
  cell_rect (self, bar->row, bar->last_col, &last);
  left = first.origin.x + (bar->continues_before ? 0 : BAR_INSET);
  right = last.origin.x + last.size.width - (bar->continues_after ? 0 : BAR_INSET);
  graphene_rect_init (out, left, first.origin.y + DAY_LINE + bar->lane * LANE_HEIGHT,
                      right - left, BAR_HEIGHT);
}

/* The milestone markers of a day: at the right end of the day line. */
static void
marker_rect (PlMonthView     *self,
             guint            row,
             guint            col,
             guint            index,
             graphene_rect_t *out)
{
  graphene_rect_t cell;

  cell_rect (self, row, col, &cell);
  graphene_rect_init (out,
                      cell.origin.x + cell.size.width - 6 - (index + 1) * (MARKER_SIZE + 3),
                      cell.origin.y + 9, MARKER_SIZE, MARKER_SIZE);
}

/* ------------------------------------------------------------------------
 * Drawing
 */

typedef struct
{
  GdkRGBA foreground;
  GdkRGBA accent;
  GdkRGBA accent_fg;
  GdkRGBA grid;
  GdkRGBA weekend;
  GdkRGBA term;
  GdkRGBA holiday;
  GdkRGBA exam;
  GdkRGBA inset;
  GdkRGBA blackout;
  GdkRGBA busy;
  GdkRGBA unavailable;
  gboolean dark;
} Palette;

static void
rgba (GdkRGBA *out,
      guint    hex,
      double   alpha)
{
  out->red = ((hex >> 16) & 0xff) / 255.0;
  out->green = ((hex >> 8) & 0xff) / 255.0;
  out->blue = (hex & 0xff) / 255.0;
  out->alpha = alpha;
}

static void
get_palette (GtkWidget *widget,
             Palette   *palette)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, &palette->foreground);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &palette->accent))
    rgba (&palette->accent, 0x3584e4, 1);
  if (!gtk_style_context_lookup_color (context, "accent_fg_color", &palette->accent_fg))
    rgba (&palette->accent_fg, 0xffffff, 1);
  G_GNUC_END_IGNORE_DEPRECATIONS

  palette->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  palette->grid = palette->foreground;
  palette->grid.alpha = palette->dark ? 0.15 : 0.12;
  palette->weekend = palette->foreground;
  palette->weekend.alpha = palette->dark ? 0.05 : 0.035;

  /* Tints that stay readable under text in either style. */
  pl_period_color (PL_PERIOD_TERM, &palette->term);
  palette->term.alpha = palette->dark ? 0.12 : 0.07;
  pl_period_color (PL_PERIOD_HOLIDAY, &palette->holiday);
  palette->holiday.alpha = palette->dark ? 0.20 : 0.17;
  pl_period_color (PL_PERIOD_EXAM, &palette->exam);
  palette->exam.alpha = palette->dark ? 0.22 : 0.12;
  pl_period_color (PL_PERIOD_INSET, &palette->inset);
  palette->inset.alpha = palette->dark ? 0.22 : 0.13;
  pl_period_color (PL_PERIOD_BLACKOUT, &palette->blackout);
  palette->blackout.alpha = palette->dark ? 0.55 : 0.40;
  pl_period_color (PL_PERIOD_BUSY, &palette->busy);
  pl_period_color (PL_PERIOD_UNAVAILABLE, &palette->unavailable);
  palette->unavailable.alpha = 0.45;
}

static void
fill_rect (GtkSnapshot           *snapshot,
           const GdkRGBA         *color,
           const graphene_rect_t *rect)
{
  gtk_snapshot_append_color (snapshot, color, rect);
}

static void
fill_rounded (GtkSnapshot           *snapshot,
              const GdkRGBA         *color,
              const graphene_rect_t *rect,
              float                  radius)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

/* Diagonal lines across @rect: blackouts (and a person's absences) are
 * hatched, so that they read as "no" even to people who do not tell
 * colours apart. */
static void
hatch (GtkSnapshot           *snapshot,
       const GdkRGBA         *color,
       const graphene_rect_t *rect,
       double                 spacing)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, rect);
  double w = rect->size.width;
  double h = rect->size.height;
  double x0 = rect->origin.x;
  double y0 = rect->origin.y;

  cairo_rectangle (cr, x0, y0, w, h);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 1.5);
  /* Lines anchored to the widget, so neighbouring cells join up. */
  for (double d = -h - fmod (x0 + y0, spacing); d < w; d += spacing)
    {
      cairo_move_to (cr, x0 + d, y0 + h);
      cairo_line_to (cr, x0 + d + h, y0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
draw_text (PlMonthView           *self,
           GtkSnapshot           *snapshot,
           const char            *text,
           const GdkRGBA         *color,
           double                 x,
           double                 y,
           double                 max_width,
           double                 scale,
           gboolean               bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A period's name in a day cell: small and italic, never bold, so that it
 * reads as a label of the shading and not as a placement. */
static void
draw_caption (PlMonthView   *self,
              GtkSnapshot   *snapshot,
              const char    *text,
              const GdkRGBA *color,
              double         x,
              double         y,
              double         max_width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.75));
  pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static int
text_width (PlMonthView *self,
            const char  *text,
            double       scale,
            gboolean     bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
draw_header (PlMonthView *self,
             GtkSnapshot *snapshot,
             Palette     *palette)
{
  GdkRGBA dim = palette->foreground;
  GDate day = self->first;

  dim.alpha = 0.6;
  for (guint col = 0; col < 7; col++, g_date_add_days (&day, 1))
    {
      char name[32];
      graphene_rect_t cell;

      cell_rect (self, 0, col, &cell);
      /* TRANSLATORS: the weekday heading of the month view, as for g_date_strftime. */
      g_date_strftime (name, sizeof name,
                       self->cell_width > 110 ? _("%A") : _("%a"), &day);
      draw_text (self, snapshot, name, &dim, cell.origin.x + 8, 7, cell.size.width - 12, 0.85,
                 TRUE);
    }
}

static void
draw_cell_background (PlMonthView *self,
                      GtkSnapshot *snapshot,
                      Palette     *palette,
                      guint        row,
                      guint        col)
{
  const DayShade *shade = &self->shades[row][col];
  graphene_rect_t cell;

  cell_rect (self, row, col, &cell);

  if (col >= 5)
    fill_rect (snapshot, &palette->weekend, &cell);

  /* One tint per day, the strongest reason the day is unusual. Terms,
   * exams and training days are about working days, so weekends keep
   * their own shade. */
  if (shade->bank_holiday || (shade->kinds & (PL_PERIOD_HOLIDAY | PL_PERIOD_BANK_HOLIDAY)))
    fill_rect (snapshot, &palette->holiday, &cell);
  else if ((shade->kinds & PL_PERIOD_EXAM) && col < 5)
    fill_rect (snapshot, &palette->exam, &cell);
  else if ((shade->kinds & PL_PERIOD_INSET) && col < 5)
    fill_rect (snapshot, &palette->inset, &cell);
  else if ((shade->kinds & PL_PERIOD_TERM) && col < 5)
    fill_rect (snapshot, &palette->term, &cell);

  if (shade->kinds & PL_PERIOD_BLACKOUT)
    hatch (snapshot, &palette->blackout, &cell, 9);
  else if (shade->kinds & PL_PERIOD_UNAVAILABLE)
    hatch (snapshot, &palette->unavailable, &cell, 9);

  /* Busy seasons: a band along the top of each day, inset so that it
   * does not read as a grid line. */
  if (shade->kinds & PL_PERIOD_BUSY)
    fill_rounded (snapshot, &palette->busy,
                  &GRAPHENE_RECT_INIT (cell.origin.x + 4, cell.origin.y + 2, cell.size.width - 8, 3),
                  1.5);
}

static void
draw_grid (PlMonthView *self,
           GtkSnapshot *snapshot,
           Palette     *palette)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  for (guint row = 0; row <= self->n_weeks; row++)
    {
      graphene_rect_t cell;

      cell_rect (self, MIN (row, self->n_weeks - 1), 0, &cell);
      fill_rect (snapshot, &palette->grid,
                 &GRAPHENE_RECT_INIT (0, row < self->n_weeks ? cell.origin.y
                                                             : cell.origin.y + cell.size.height - 1,
                                      width, 1));
    }

  for (guint col = 1; col < 7; col++)
    {
      graphene_rect_t cell;

      cell_rect (self, 0, col, &cell);
      fill_rect (snapshot, &palette->grid,
                 &GRAPHENE_RECT_INIT (cell.origin.x, HEADER_HEIGHT, 1,
                                      self->n_weeks * self->cell_height));
    }
}

static char *
caption_text (PlMonthView    *self,
              const DayShade *shade)
{
  const PlPeriod *period = shade->caption;
  const char *label;
  const char *owner;

  if (period == NULL)
    return shade->bank_holiday ? g_strdup (_("Bank holiday")) : NULL;
  if (shade->bank_holiday)
    return g_strdup (_("Bank holiday"));

  label = period->label != NULL ? period->label
                                : pl_enum_label (pl_period_kind_to_string (period->kind));
  owner = pl_agenda_owner_name (self->agenda, period);

  /* An employer's or a person's period says whose it is. */
  if (owner != NULL && (period->owner_kind == PL_OWNER_EMPLOYER ||
                        period->owner_kind == PL_OWNER_STAFF))
    /* TRANSLATORS: a period named in a calendar cell: whose: what. */
    return g_strdup_printf (_("%s: %s"), owner, label);

  return g_strdup (label);
}

static void
draw_day_line (PlMonthView *self,
               GtkSnapshot *snapshot,
               Palette     *palette,
               guint        row,
               guint        col)
{
  g_autofree char *number = NULL;
  g_autofree char *caption = NULL;
  graphene_rect_t cell;
  GdkRGBA color = palette->foreground;
  GDate day;
  gboolean is_today;
  int number_width;
  guint n_markers = 0;
  double caption_x;
  double caption_room;

  cell_rect (self, row, col, &cell);
  date_of_cell (self, row, col, &day);
  is_today = g_date_valid (&self->today) && g_date_compare (&day, &self->today) == 0;

  number = g_strdup_printf ("%u", g_date_get_day (&day));
  number_width = text_width (self, number, 0.9, TRUE);

  if (!in_month (self, &day))
    color.alpha = 0.4;

  if (is_today)
    {
      double size = 22;
      double cx = cell.origin.x + 6 + MAX (size, number_width + 10) / 2;

      fill_rounded (snapshot, &palette->accent,
                    &GRAPHENE_RECT_INIT (cx - MAX (size, number_width + 10) / 2,
                                         cell.origin.y + 4,
                                         MAX (size, number_width + 10), size),
                    size / 2);
      draw_text (self, snapshot, number, &palette->accent_fg, cx - number_width / 2.0,
                 cell.origin.y + 6, -1, 0.9, TRUE);
      caption_x = cx + MAX (size, number_width + 10) / 2 + 6;
    }
  else
    {
      draw_text (self, snapshot, number, &color, cell.origin.x + 9, cell.origin.y + 6, -1, 0.9,
                 TRUE);
      caption_x = cell.origin.x + 9 + number_width + 8;
    }

  /* Milestone markers: small triangles, filled until done. */
  if (self->agenda != NULL)
    {
      g_autoptr(GPtrArray) items = pl_agenda_items_on (self->agenda, &day);
      guint room = (guint) MAX (0, (cell.size.width - 60) / (MARKER_SIZE + 3));

      for (guint i = 0; i < items->len; i++)
        {
          const PlAgendaItem *item = g_ptr_array_index (items, i);
          graphene_rect_t marker;
          GdkRGBA fill;
          cairo_t *cr;

          if (item->kind != PL_AGENDA_MILESTONE)
            continue;
          /* Markers that do not fit are in the day's list and tooltip. */
          if (n_markers >= room)
            break;

          marker_rect (self, row, col, n_markers++, &marker);
          pl_sector_color (item->sector_id, &fill);
          cr = gtk_snapshot_append_cairo (snapshot, &marker);
          cairo_move_to (cr, marker.origin.x + marker.size.width / 2, marker.origin.y);
          cairo_line_to (cr, marker.origin.x + marker.size.width, marker.origin.y + marker.size.height);
          cairo_line_to (cr, marker.origin.x, marker.origin.y + marker.size.height);
          cairo_close_path (cr);
          gdk_cairo_set_source_rgba (cr, &fill);
          if (item->done)
            {
              cairo_set_line_width (cr, 1.2);
              cairo_stroke (cr);
            }
          else
            cairo_fill (cr);
          cairo_destroy (cr);
        }
    }

  caption = caption_text (self, &self->shades[row][col]);
  caption_room = cell.origin.x + cell.size.width - caption_x - 6 -
                 n_markers * (MARKER_SIZE + 3);
  if (caption != NULL && caption_room > 24)
    {
      const PlPeriod *period = self->shades[row][col].caption;
      GdkRGBA dim = palette->foreground;
      GdkRGBA stripe;

      /* A period's name is not a placement: no chip, but a thin stripe of
       * the period's colour and slanted, dim text, like a band's label. */
      if (period != NULL)
        pl_period_color (period->kind, &stripe);
      else
        pl_period_color (PL_PERIOD_HOLIDAY, &stripe);
      stripe.alpha = in_month (self, &day) ? 0.9 : 0.4;
      fill_rect (snapshot, &stripe, &GRAPHENE_RECT_INIT (caption_x, cell.origin.y + 8, 2, 12));
      dim.alpha = in_month (self, &day) ? 0.62 : 0.32;
      draw_caption (self, snapshot, caption, &dim, caption_x + 5, cell.origin.y + 8,
                    caption_room - 5);
    }
}

static void
draw_bar (PlMonthView *self,
          GtkSnapshot *snapshot,
          Palette     *palette,
          const Bar   *bar)
{
  const PlAgendaItem *item = bar->item;
  graphene_rect_t rect;
  GskRoundedRect rounded;
  GdkRGBA fill, text, border;
  graphene_size_t left = GRAPHENE_SIZE_INIT (bar->continues_before ? 0 : 4,
                                             bar->continues_before ? 0 : 4);
  graphene_size_t right = GRAPHENE_SIZE_INIT (bar->continues_after ? 0 : 4,
                                              bar->continues_after ? 0 : 4);
  gboolean outlined = item->kind == PL_AGENDA_MEETING;

  bar_rect (self, bar, &rect);
  gsk_rounded_rect_init (&rounded, &rect, &left, &right, &right, &left);

  if (outlined)
    {
      /* Meetings are outlined in the accent colour, so that placements
       * stand out. */
      fill = palette->accent;
      fill.alpha = palette->dark ? 0.25 : 0.12;
      border = palette->accent;
    }
  else
    {
      pl_sector_color (item->sector_id, &fill);
      border = fill;
      /* A placement not yet agreed may still move: a light bar with its
       * sector's outline, instead of a solid one. */
      outlined = g_strcmp0 (item->status, "request") == 0 ||
                 g_strcmp0 (item->status, "proposed") == 0;
      if (outlined)
        fill.alpha = palette->dark ? 0.30 : 0.18;
    }

  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  gtk_snapshot_pop (snapshot);

  if (outlined)
    {
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA colors[4] = { border, border, border, border };

      gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
      text = palette->foreground;
    }
  else
    pl_color_text_on (&fill, &text);

  draw_text (self, snapshot, item->title, &text, rect.origin.x + 6, rect.origin.y + 1,
             rect.size.width - 10, 0.8, FALSE);
}

static void
draw_overflow (PlMonthView *self,
               GtkSnapshot *snapshot,
               Palette     *palette,
               guint        row,
               guint        col)
{
  g_autofree char *text = NULL;
  graphene_rect_t cell;
  GdkRGBA dim = palette->foreground;

  if (self->overflow[row][col] == 0)
    return;

  cell_rect (self, row, col, &cell);
  /* TRANSLATORS: items of a calendar day that do not fit in its cell. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more",
                                       self->overflow[row][col]),
                          self->overflow[row][col]);
  dim.alpha = 0.75;
  draw_text (self, snapshot, text, &dim, cell.origin.x + 8,
             cell.origin.y + DAY_LINE + self->visible_lanes[row] * LANE_HEIGHT + 1,
             cell.size.width - 12, 0.8, TRUE);
}

static void
draw_selection (PlMonthView *self,
                GtkSnapshot *snapshot,
                Palette     *palette)
{
  graphene_rect_t cell;
  GskRoundedRect rounded;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4];
  guint row, col;

  if (!g_date_valid (&self->selected) || !cell_of (self, &self->selected, &row, &col))
    return;

  cell_rect (self, row, col, &cell);
  graphene_rect_inset (&cell, 1, 1);
  gsk_rounded_rect_init_from_rect (&rounded, &cell, 3);
  for (guint i = 0; i < 4; i++)
    {
      colors[i] = palette->accent;
      colors[i].alpha = gtk_widget_has_focus (GTK_WIDGET (self)) ? 1.0 : 0.5;
    }
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static void
pl_month_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PlMonthView *self = PL_MONTH_VIEW (widget);
  Palette palette;

  get_palette (widget, &palette);

  for (guint row = 0; row < self->n_weeks; row++)
    for (guint col = 0; col < 7; col++)
      draw_cell_background (self, snapshot, &palette, row, col);

  draw_grid (self, snapshot, &palette);
  draw_header (self, snapshot, &palette);

  for (guint row = 0; row < self->n_weeks; row++)
    for (guint col = 0; col < 7; col++)
      draw_day_line (self, snapshot, &palette, row, col);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      if (bar->lane >= 0)
        draw_bar (self, snapshot, &palette, bar);
    }

  for (guint row = 0; row < self->n_weeks; row++)
    for (guint col = 0; col < 7; col++)
      draw_overflow (self, snapshot, &palette, row, col);

  draw_selection (self, snapshot, &palette);
}

/* ------------------------------------------------------------------------
 * The day popover
 */

static void
swatch_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  const GdkRGBA *color = g_object_get_data (G_OBJECT (area), "color");
  gboolean outlined = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "outlined"));
  gboolean triangle = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "triangle"));

  gdk_cairo_set_source_rgba (cr, color);
  if (triangle)
    {
      cairo_move_to (cr, width / 2.0, 1);
      cairo_line_to (cr, width - 1, height - 1);
      cairo_line_to (cr, 1, height - 1);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);

  if (outlined)
    {
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static GtkWidget *
create_item_row (PlMonthView        *self,
                 const PlAgendaItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *title = gtk_label_new (item->title);
  GtkWidget *detail = NULL;
  GdkRGBA *color = g_new (GdkRGBA, 1);
  g_autofree char *subtitle = NULL;

  if (item->kind == PL_AGENDA_MEETING)
    {
      Palette palette;

      get_palette (GTK_WIDGET (self), &palette);
      *color = palette.accent;
      g_object_set_data (G_OBJECT (swatch), "outlined", GINT_TO_POINTER (TRUE));
      subtitle = item->detail != NULL ? g_strdup_printf (_("Group meeting, %s"), item->detail)
                                      : g_strdup (_("Group meeting"));
    }
  else
    {
      pl_sector_color (item->sector_id, color);
      if (item->kind == PL_AGENDA_MILESTONE)
        {
          g_object_set_data (G_OBJECT (swatch), "triangle", GINT_TO_POINTER (TRUE));
          g_object_set_data (G_OBJECT (swatch), "outlined", GINT_TO_POINTER (item->done));
          subtitle = g_strdup_printf (item->done ? _("Milestone done · %s")
                                                 : _("Milestone due · %s"),
                                      item->detail);
        }
      else
        /* TRANSLATORS: a placement in a calendar day's list; %s is its status. */
        subtitle = g_strdup_printf (_("Placement · %s"), item->detail);
    }

  g_object_set_data_full (G_OBJECT (swatch), "color", color, g_free);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw, NULL, NULL);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  detail = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (item->kind));
  g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&item->id, sizeof item->id), g_free);

  return row;
}

static void
on_popover_row_activated (PlMonthView   *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  guint kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kind"));
  const gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, kind, *id);
}

static void
create_popover (PlMonthView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_RIGHT);

  self->popover_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->popover_title), 0);
  gtk_widget_add_css_class (self->popover_title, "heading");
  gtk_widget_set_margin_start (self->popover_title, 6);
  gtk_widget_set_margin_top (self->popover_title, 4);

  self->popover_periods = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->popover_periods), 0);
  gtk_label_set_wrap (GTK_LABEL (self->popover_periods), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->popover_periods), 44);
  gtk_widget_add_css_class (self->popover_periods, "dim-label");
  gtk_widget_set_margin_start (self->popover_periods, 6);
  gtk_widget_set_margin_end (self->popover_periods, 6);

  self->popover_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->popover_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->popover_list), "navigation-sidebar");
  g_signal_connect_object (self->popover_list, "row-activated",
                           G_CALLBACK (on_popover_row_activated), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->popover_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_widget_set_size_request (scroller, 300, -1);

  gtk_box_append (GTK_BOX (box), self->popover_title);
  gtk_box_append (GTK_BOX (box), self->popover_periods);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
}

void
pl_month_view_show_day (PlMonthView *self,
                        const GDate *date)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *period_text = NULL;
  graphene_rect_t rect;
  GtkWidget *child;
  char title[128];

  g_return_if_fail (PL_IS_MONTH_VIEW (self));

  pl_month_view_select (self, date);
  if (!pl_month_view_get_day_rect (self, date, &rect))
    return;

  /* TRANSLATORS: the heading of a calendar day's list, as for g_date_strftime. */
  g_date_strftime (title, sizeof title, _("%A %-d %B"), date);
  gtk_label_set_text (GTK_LABEL (self->popover_title), title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->popover_list))) != NULL)
    gtk_list_box_remove (self->popover_list, child);

  if (self->agenda != NULL)
    {
      items = pl_agenda_items_on (self->agenda, date);
      period_text = pl_agenda_describe_periods (self->agenda, date);

      for (guint i = 0; i < items->len; i++)
        gtk_list_box_append (self->popover_list, create_item_row (self, g_ptr_array_index (items, i)));
    }

  gtk_label_set_text (GTK_LABEL (self->popover_periods), period_text != NULL ? period_text : "");
  gtk_widget_set_visible (self->popover_periods, period_text != NULL);

  /* A day in a period is not empty: the periods are listed above, and
   * "Nothing planned" would contradict them. */
  gtk_widget_set_visible (GTK_WIDGET (self->popover_list),
                          (items != NULL && items->len > 0) || period_text == NULL);
  if ((items == NULL || items->len == 0) && period_text == NULL)
    {
      GtkWidget *empty = gtk_label_new (_("Nothing planned"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 6);
      gtk_widget_set_margin_bottom (empty, 6);
      gtk_list_box_append (self->popover_list, empty);
      gtk_list_box_row_set_activatable (
        GTK_LIST_BOX_ROW (gtk_widget_get_first_child (GTK_WIDGET (self->popover_list))), FALSE);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                                                 (int) rect.size.width, (int) rect.size.height });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* ------------------------------------------------------------------------
 * Input
 */

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  PlMonthView     *self)
{
  GDate day;

  if (!pl_month_view_get_day_at (self, x, y, &day))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  pl_month_view_show_day (self, &day);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           PlMonthView              *self)
{
  /* A notch of the wheel is a month, as in GNOME Calendar. */
  if (dy > 0.5)
    pl_month_view_move (self, 1);
  else if (dy < -0.5)
    pl_month_view_move (self, -1);
  else
    return FALSE;

  return TRUE;
}

static void
move_selection (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlMonthView *self = PL_MONTH_VIEW (widget);
  int days = g_variant_get_int32 (parameter);
  GDate day = self->selected;

  if (!g_date_valid (&day))
    set_date (&day, 1, self->month, self->year);
  else if (days > 0)
    g_date_add_days (&day, days);
  else
    g_date_subtract_days (&day, -days);

  pl_month_view_select (self, &day);
}

static void
show_selected (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlMonthView *self = PL_MONTH_VIEW (widget);

  if (g_date_valid (&self->selected))
    pl_month_view_show_day (self, &self->selected);
}

static gboolean
pl_month_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  PlMonthView *self = PL_MONTH_VIEW (widget);
  g_autofree char *text = NULL;
  graphene_rect_t rect;
  GDate day;

  if (keyboard)
    day = self->selected;
  else if (!pl_month_view_get_day_at (self, x, y, &day))
    return FALSE;

  if (self->agenda == NULL || !g_date_valid (&day) ||
      !pl_month_view_get_day_rect (self, &day, &rect))
    return FALSE;

  text = pl_agenda_describe_day (self->agenda, &day);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                                                       (int) rect.size.width,
                                                       (int) rect.size.height });
  return TRUE;
}

/* Screen readers read the month, then the selected day and what is on it. */
static void
update_accessible (PlMonthView *self)
{
  g_autofree char *description = NULL;
  GDate first;
  char label[64];

  set_date (&first, 1, self->month, self->year);
  /* TRANSLATORS: the month shown, as for g_date_strftime. */
  g_date_strftime (label, sizeof label, _("%B %Y"), &first);

  if (self->agenda != NULL && g_date_valid (&self->selected))
    description = pl_agenda_describe_day (self->agenda, &self->selected);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

/* ------------------------------------------------------------------------
 * GtkWidget
 */

static void
pl_month_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 7 * 48;
      *natural = 7 * 120;
    }
  else
    {
      *minimum = HEADER_HEIGHT + MAX_WEEKS * (DAY_LINE + LANE_HEIGHT);
      *natural = HEADER_HEIGHT + MAX_WEEKS * (DAY_LINE + 3 * LANE_HEIGHT + 4);
    }
}

static void
pl_month_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  PlMonthView *self = PL_MONTH_VIEW (widget);

  relayout (self);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

/* The day popover goes with the view: left open while its window closes,
 * GTK 4.8 would go on to place it against a surface that is gone. */
static void
pl_month_view_unmap (GtkWidget *widget)
{
  PlMonthView *self = PL_MONTH_VIEW (widget);

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  GTK_WIDGET_CLASS (pl_month_view_parent_class)->unmap (widget);
}

static void
pl_month_view_dispose (GObject *object)
{
  PlMonthView *self = (PlMonthView *)object;

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->agenda, pl_agenda_unref);

  G_OBJECT_CLASS (pl_month_view_parent_class)->dispose (object);
}

static void
pl_month_view_finalize (GObject *object)
{
  PlMonthView *self = (PlMonthView *)object;

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (pl_month_view_parent_class)->finalize (object);
}

static void
pl_month_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlMonthView *self = PL_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_month_view_class_init (PlMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_month_view_dispose;
  object_class->finalize = pl_month_view_finalize;
  object_class->get_property = pl_month_view_get_property;

  widget_class->snapshot = pl_month_view_snapshot;
  widget_class->measure = pl_month_view_measure;
  widget_class->size_allocate = pl_month_view_size_allocate;
  widget_class->unmap = pl_month_view_unmap;
  widget_class->query_tooltip = pl_month_view_query_tooltip;

  properties [PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 1, 9999, 2026,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MONTH] =
    g_param_spec_int ("month", NULL, NULL, 1, 12, 1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlMonthView::month-changed:
   *
   * The view shows another month; its owner gives it that month's agenda.
   */
  signals [MONTH_CHANGED] =
    g_signal_new ("month-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  /**
   * PlMonthView::item-activated:
   * @kind: a #PlAgendaKind
   * @id: the placement's, milestone's or meeting's id
   *
   * An item of a day's list was chosen.
   */
  signals [ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "month.move-selection", "i", move_selection);
  gtk_widget_class_install_action (widget_class, "month.show-selected", NULL, show_selected);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0,
                                       "month.move-selection", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0,
                                       "month.move-selection", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0,
                                       "month.move-selection", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0,
                                       "month.move-selection", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "month.show-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "month.show-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0,
                                       "month.show-selected", NULL);

  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pl_month_view_init (PlMonthView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                     GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);

  self->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  g_date_clear (&self->today, 1);
  g_date_clear (&self->selected, 1);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  create_popover (self);
  pl_month_view_set_month (self, 2026, 9);
}

PlMonthView *
pl_month_view_new (void)
{
  return g_object_new (PL_TYPE_MONTH_VIEW, NULL);
}

void
pl_month_view_set_month (PlMonthView *self,
                         int          year,
                         int          month)
{
  GDate last;

  g_return_if_fail (PL_IS_MONTH_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12 && year >= 1 && year <= 9999);

  if (self->year == year && self->month == month && self->n_weeks > 0)
    return;

  self->year = year;
  self->month = month;

  set_date (&self->first, 1, month, year);
  g_date_subtract_days (&self->first, weekday_column (&self->first));
  set_date (&last, g_date_get_days_in_month (month, year), month, year);
  self->n_weeks = (g_date_days_between (&self->first, &last) / 7) + 1;

  /* The old agenda covers other days. */
  g_clear_pointer (&self->agenda, pl_agenda_unref);
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  relayout (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
  g_signal_emit (self, signals[MONTH_CHANGED], 0);
}

int
pl_month_view_get_year (PlMonthView *self)
{
  g_return_val_if_fail (PL_IS_MONTH_VIEW (self), 0);
  return self->year;
}

int
pl_month_view_get_month (PlMonthView *self)
{
  g_return_val_if_fail (PL_IS_MONTH_VIEW (self), 0);
  return self->month;
}

void
pl_month_view_move (PlMonthView *self,
                    int          months)
{
  GDate day;

  g_return_if_fail (PL_IS_MONTH_VIEW (self));

  /* The selection moves with the month, to the same day where it can. */
  if (g_date_valid (&self->selected))
    day = self->selected;
  else
    set_date (&day, 1, self->month, self->year);

  if (months > 0)
    g_date_add_months (&day, months);
  else
    g_date_subtract_months (&day, -months);

  pl_month_view_select (self, &day);
}

void
pl_month_view_set_today (PlMonthView *self,
                         const GDate *today)
{
  g_return_if_fail (PL_IS_MONTH_VIEW (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pl_month_view_select (PlMonthView *self,
                      const GDate *date)
{
  g_return_if_fail (PL_IS_MONTH_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->selected = *date;
  pl_month_view_set_month (self, g_date_get_year (date), g_date_get_month (date));
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pl_month_view_get_selected (PlMonthView *self,
                            GDate       *out)
{
  g_return_if_fail (PL_IS_MONTH_VIEW (self));
  *out = self->selected;
}

void
pl_month_view_get_range (PlMonthView *self,
                         GDate       *first,
                         GDate       *end)
{
  g_return_if_fail (PL_IS_MONTH_VIEW (self));

  *first = self->first;
  *end = self->first;
  g_date_add_days (end, self->n_weeks * 7);
}

void
pl_month_view_set_agenda (PlMonthView *self,
                          PlAgenda    *agenda)
{
  g_return_if_fail (PL_IS_MONTH_VIEW (self));

  if (agenda != NULL)
    pl_agenda_ref (agenda);
  g_clear_pointer (&self->agenda, pl_agenda_unref);
  self->agenda = agenda;

  relayout (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pl_month_view_get_agenda:
 *
 * Returns: (transfer none) (nullable): what the view shows
 */
PlAgenda *
pl_month_view_get_agenda (PlMonthView *self)
{
  g_return_val_if_fail (PL_IS_MONTH_VIEW (self), NULL);
  return self->agenda;
}

gboolean
pl_month_view_get_day_rect (PlMonthView     *self,
                            const GDate     *date,
                            graphene_rect_t *out)
{
  guint row, col;

  g_return_val_if_fail (PL_IS_MONTH_VIEW (self), FALSE);

  if (!cell_of (self, date, &row, &col))
    return FALSE;

  cell_rect (self, row, col, out);
  return TRUE;
}

gboolean
pl_month_view_get_day_at (PlMonthView *self,
                          double       x,
                          double       y,
                          GDate       *out)
{
  int row, col;

  g_return_val_if_fail (PL_IS_MONTH_VIEW (self), FALSE);

  if (self->cell_width <= 0 || self->cell_height <= 0 || y < HEADER_HEIGHT || x < 0)
    return FALSE;

  col = (int) (x / self->cell_width);
  row = (int) ((y - HEADER_HEIGHT) / self->cell_height);
  if (col < 0 || col >= 7 || row < 0 || row >= (int) self->n_weeks)
    return FALSE;

  date_of_cell (self, row, col, out);
  return TRUE;
}

/**
 * pl_month_view_get_items_for_day:
 *
 * Returns: (transfer container) (element-type PlAgendaItem): the day's items
 */
GPtrArray *
pl_month_view_get_items_for_day (PlMonthView *self,
                                 const GDate *date)
{
  g_return_val_if_fail (PL_IS_MONTH_VIEW (self), NULL);

  if (self->agenda == NULL)
    return g_ptr_array_new ();

  return pl_agenda_items_on (self->agenda, date);
}

gboolean
pl_month_view_get_item_rect (PlMonthView     *self,
                             PlAgendaKind     kind,
                             gint64           id,
                             const GDate     *date,
                             graphene_rect_t *out)
{
  graphene_rect_t cell;
  guint row, col;

  g_return_val_if_fail (PL_IS_MONTH_VIEW (self), FALSE);

  if (self->agenda == NULL || !cell_of (self, date, &row, &col))
    return FALSE;
  cell_rect (self, row, col, &cell);

  if (kind == PL_AGENDA_MILESTONE)
    {
      g_autoptr(GPtrArray) items = pl_agenda_items_on (self->agenda, date);
      guint index = 0;

      for (guint i = 0; i < items->len; i++)
        {
          const PlAgendaItem *item = g_ptr_array_index (items, i);

          if (item->kind != PL_AGENDA_MILESTONE)
            continue;
          if (item->id == id)
            {
              marker_rect (self, row, col, index, out);
              return TRUE;
            }
          index++;
        }
      return FALSE;
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      graphene_rect_t rect;

      if (bar->item->kind != kind || bar->item->id != id || bar->row != row ||
          col < bar->first_col || col > bar->last_col || bar->lane < 0)
        continue;

      /* The piece of the bar over that day's column. */
      bar_rect (self, bar, &rect);
      return graphene_rect_intersection (&rect,
                                         &GRAPHENE_RECT_INIT (cell.origin.x, rect.origin.y,
                                                              cell.size.width, rect.size.height),
                                         out);
    }

  return FALSE;
}
