/* pl-year-strip.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-year-strip"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pl-colors.h"
#include "pl-year-strip.h"

#define GAP          10
#define TITLE_HEIGHT 18
#define PADDING      4
#define MAX_CELL     14
#define N_DAYS       366

/* One flag set per day of the year, worked out when the agenda comes. */
typedef struct
{
  guint   kinds;          /* PlPeriodKind bits */
  gint64  sector_id;      /* of the first placement that day, or 0 */
} DayMarks;

struct _PlYearStrip
{
  GtkWidget  parent_instance;

  int        year;              /* 1 September of this year … */
  GDate      first;
  GDate      today;
  int        current_year;
  int        current_month;
  int        hover_month;       /* 0–11, or -1 */

  PlAgenda  *agenda;
  DayMarks   marks[N_DAYS];
};

G_DEFINE_FINAL_TYPE (PlYearStrip, pl_year_strip, GTK_TYPE_WIDGET)

enum {
  MONTH_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* Month @index (0 = September) of the year. */
static void
month_start (PlYearStrip *self,
             guint        index,
             GDate       *out)
{
  *out = self->first;
  g_date_add_months (out, index);
}

static double
block_width (PlYearStrip *self)
{
  return (gtk_widget_get_width (GTK_WIDGET (self)) - 11 * GAP) / 12.0;
}

static double
cell_size (PlYearStrip *self)
{
  double by_width = floor (block_width (self) / 7);
  double by_height = floor ((gtk_widget_get_height (GTK_WIDGET (self)) - TITLE_HEIGHT -
                             2 * PADDING) / 6);

  return CLAMP (MIN (by_width, by_height), 3, MAX_CELL);
}

static double
block_x (PlYearStrip *self,
         guint        index)
{
  return floor (index * (block_width (self) + GAP));
}

static void
compute_marks (PlYearStrip *self)
{
  memset (self->marks, 0, sizeof self->marks);
  if (self->agenda == NULL)
    return;

  for (guint i = 0; i < self->agenda->periods->len; i++)
    {
      const PlPeriod *period = g_ptr_array_index (self->agenda->periods, i);

      for (GDate day = period->start; g_date_compare (&day, &period->end) < 0;
           g_date_add_days (&day, 1))
        {
          int offset = g_date_days_between (&self->first, &day);

          if (offset < 0)
            continue;
          if (offset >= N_DAYS)
            break;
          if (pl_period_covers (period, &day))
            self->marks[offset].kinds |= period->kind;
        }
    }

  for (guint i = 0; i < self->agenda->bank_holidays->len; i++)
    {
      int offset = g_date_days_between (&self->first,
                                        &g_array_index (self->agenda->bank_holidays, GDate, i));

      if (offset >= 0 && offset < N_DAYS)
        self->marks[offset].kinds |= PL_PERIOD_BANK_HOLIDAY;
    }

  for (guint i = 0; i < self->agenda->items->len; i++)
    {
      const PlAgendaItem *item = g_ptr_array_index (self->agenda->items, i);

      if (item->kind != PL_AGENDA_PLACEMENT)
        continue;

      for (GDate day = item->start; g_date_compare (&day, &item->end) < 0;
           g_date_add_days (&day, 1))
        {
          int offset = g_date_days_between (&self->first, &day);

          if (offset >= 0 && offset < N_DAYS && self->marks[offset].sector_id == 0)
            self->marks[offset].sector_id = item->sector_id;
        }
    }
}

static void
fill (GtkSnapshot   *snapshot,
      const GdkRGBA *color,
      double         x,
      double         y,
      double         w,
      double         h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
fill_round (GtkSnapshot   *snapshot,
            const GdkRGBA *color,
            double         x,
            double         y,
            double         w,
            double         h,
            double         radius)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_pop (snapshot);
}

static void
draw_day (PlYearStrip   *self,
          GtkSnapshot   *snapshot,
          const GDate   *day,
          double         x,
          double         y,
          double         size,
          const GdkRGBA *foreground,
          gboolean       dark)
{
  int offset = g_date_days_between (&self->first, day);
  const DayMarks *marks = offset >= 0 && offset < N_DAYS ? &self->marks[offset] : NULL;
  double inner = size - 1;
  GdkRGBA base = *foreground;
  GdkRGBA tint;
  guint weekday = g_date_get_weekday (day);

  base.alpha = weekday >= G_DATE_SATURDAY ? (dark ? 0.04 : 0.03) : (dark ? 0.10 : 0.07);
  fill (snapshot, &base, x, y, inner, inner);

  if (marks == NULL)
    return;

  /* The strongest reason first, as in the month view. */
  if (marks->kinds & (PL_PERIOD_HOLIDAY | PL_PERIOD_BANK_HOLIDAY))
    {
      pl_period_color (PL_PERIOD_HOLIDAY, &tint);
      tint.alpha = 0.75;
      fill (snapshot, &tint, x, y, inner, inner);
    }
  else if ((marks->kinds & PL_PERIOD_EXAM) && weekday < G_DATE_SATURDAY)
    {
      pl_period_color (PL_PERIOD_EXAM, &tint);
      tint.alpha = 0.6;
      fill (snapshot, &tint, x, y, inner, inner);
    }
  else if ((marks->kinds & PL_PERIOD_INSET) && weekday < G_DATE_SATURDAY)
    {
      pl_period_color (PL_PERIOD_INSET, &tint);
      tint.alpha = 0.6;
      fill (snapshot, &tint, x, y, inner, inner);
    }
  else if ((marks->kinds & PL_PERIOD_TERM) && weekday < G_DATE_SATURDAY)
    {
      pl_period_color (PL_PERIOD_TERM, &tint);
      tint.alpha = dark ? 0.45 : 0.32;
      fill (snapshot, &tint, x, y, inner, inner);
    }

  if (marks->kinds & PL_PERIOD_BLACKOUT)
    {
      pl_period_color (PL_PERIOD_BLACKOUT, &tint);
      tint.alpha = 0.8;
      /* A diagonal half, the strip's version of hatching. */
      {
        cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, inner, inner));

        gdk_cairo_set_source_rgba (cr, &tint);
        cairo_move_to (cr, x, y + inner);
        cairo_line_to (cr, x + inner, y);
        cairo_line_to (cr, x + inner, y + inner);
        cairo_close_path (cr);
        cairo_fill (cr);
        cairo_destroy (cr);
      }
    }

  if (marks->kinds & PL_PERIOD_BUSY)
    {
      pl_period_color (PL_PERIOD_BUSY, &tint);
      fill (snapshot, &tint, x, y + inner - MAX (2, inner / 4), inner, MAX (2, inner / 4));
    }

  if (marks->sector_id != 0)
    {
      double dot = MAX (3, inner * 0.55);

      pl_sector_color (marks->sector_id, &tint);
      fill_round (snapshot, &tint, x + (inner - dot) / 2, y + (inner - dot) / 2, dot, dot, dot / 2);
    }
}

static void
pl_year_strip_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PlYearStrip *self = PL_YEAR_STRIP (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double width = block_width (self);
  double size = cell_size (self);
  GdkRGBA foreground, accent;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color",
                                       &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint m = 0; m < 12; m++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      PangoAttrList *attrs = pango_attr_list_new ();
      GDate start, day;
      char name[32];
      double x = block_x (self, m);
      double grid_x = x + floor ((width - 7 * size) / 2);
      gboolean current;
      GdkRGBA title_color = foreground;
      guint first_col;

      month_start (self, m, &start);
      current = (int) g_date_get_year (&start) == self->current_year &&
                (int) g_date_get_month (&start) == self->current_month;

      if (current || (int) m == self->hover_month)
        {
          GdkRGBA highlight = accent;

          highlight.alpha = current ? (dark ? 0.22 : 0.14) : 0.07;
          fill_round (snapshot, &highlight, x - GAP / 2.0 + 1, 0, width + GAP - 2,
                      gtk_widget_get_height (widget), 6);
        }

      /* TRANSLATORS: a month's short name in the year strip, as for g_date_strftime. */
      g_date_strftime (name, sizeof name, _("%b"), &start);
      layout = gtk_widget_create_pango_layout (widget, name);
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_attr_list_insert (attrs, pango_attr_weight_new (current ? PANGO_WEIGHT_BOLD
                                                                    : PANGO_WEIGHT_NORMAL));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      if (current)
        title_color = accent;
      else
        title_color.alpha = 0.75;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (grid_x, PADDING - 1));
      gtk_snapshot_append_layout (snapshot, layout, &title_color);
      gtk_snapshot_restore (snapshot);

      first_col = g_date_get_weekday (&start) - 1;
      day = start;
      for (guint d = 0; d < g_date_get_days_in_month (g_date_get_month (&start),
                                                      g_date_get_year (&start)); d++)
        {
          guint cell = first_col + d;
          double cx = grid_x + (cell % 7) * size;
          double cy = PADDING + TITLE_HEIGHT + (cell / 7) * size;

          draw_day (self, snapshot, &day, cx, cy, size, &foreground, dark);

          if (g_date_valid (&self->today) && g_date_compare (&day, &self->today) == 0)
            {
              float widths[4] = { 1.5, 1.5, 1.5, 1.5 };
              GdkRGBA colors[4] = { foreground, foreground, foreground, foreground };
              GskRoundedRect outline;

              gsk_rounded_rect_init_from_rect (&outline,
                                               &GRAPHENE_RECT_INIT (cx - 1, cy - 1, size + 1, size + 1),
                                               1);
              gtk_snapshot_append_border (snapshot, &outline, widths, colors);
            }

          g_date_add_days (&day, 1);
        }
    }
}

static void
pl_year_strip_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 12 * 7 * 3 + 11 * GAP;
      *natural = 12 * 7 * 10 + 11 * GAP;
    }
  else
    {
      *minimum = TITLE_HEIGHT + 2 * PADDING + 6 * 5;
      *natural = TITLE_HEIGHT + 2 * PADDING + 6 * 10;
    }
}

gboolean
pl_year_strip_get_month_at (PlYearStrip *self,
                            double       x,
                            double       y,
                            int         *year,
                            int         *month)
{
  double width;
  int index;
  GDate start;

  g_return_val_if_fail (PL_IS_YEAR_STRIP (self), FALSE);

  width = block_width (self);
  if (x < 0 || width <= 0)
    return FALSE;

  /* The gap belongs to the nearer month. */
  index = (int) floor ((x + GAP / 2.0) / (width + GAP));
  if (index < 0 || index > 11)
    return FALSE;

  month_start (self, index, &start);
  *year = g_date_get_year (&start);
  *month = g_date_get_month (&start);
  return TRUE;
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             PlYearStrip     *self)
{
  int year, month;

  if (pl_year_strip_get_month_at (self, x, y, &year, &month))
    g_signal_emit (self, signals[MONTH_ACTIVATED], 0, year, month);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           PlYearStrip              *self)
{
  int year, month;
  int index = -1;

  if (pl_year_strip_get_month_at (self, x, y, &year, &month))
    index = (month + 3) % 12;  /* September is 0 */

  if (index != self->hover_month)
    {
      self->hover_month = index;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          PlYearStrip              *self)
{
  self->hover_month = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The day under the pointer, or nothing. */
static gboolean
day_at (PlYearStrip *self,
        double       x,
        double       y,
        GDate       *out)
{
  double size = cell_size (self);
  double width = block_width (self);
  int year, month;
  guint index, first_col, cell;
  double grid_x;
  int col, row;
  GDate start;

  if (!pl_year_strip_get_month_at (self, x, y, &year, &month))
    return FALSE;

  index = (month + 3) % 12;
  month_start (self, index, &start);
  grid_x = block_x (self, index) + floor ((width - 7 * size) / 2);
  col = (int) floor ((x - grid_x) / size);
  row = (int) floor ((y - PADDING - TITLE_HEIGHT) / size);
  if (col < 0 || col > 6 || row < 0 || row > 5)
    return FALSE;

  first_col = g_date_get_weekday (&start) - 1;
  cell = row * 7 + col;
  if (cell < first_col || cell - first_col >= g_date_get_days_in_month (month, year))
    return FALSE;

  set_date (out, cell - first_col + 1, month, year);
  return TRUE;
}

static gboolean
pl_year_strip_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  PlYearStrip *self = PL_YEAR_STRIP (widget);
  g_autofree char *text = NULL;
  GDate day;
  int year, month;

  if (!keyboard && self->agenda != NULL && day_at (self, x, y, &day))
    text = pl_agenda_describe_day (self->agenda, &day);
  else if (!keyboard && pl_year_strip_get_month_at (self, x, y, &year, &month))
    {
      char name[64];

      set_date (&day, 1, month, year);
      /* TRANSLATORS: tooltip of a month in the year strip, as for g_date_strftime. */
      g_date_strftime (name, sizeof name, _("Show %B %Y"), &day);
      text = g_strdup (name);
    }

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pl_year_strip_dispose (GObject *object)
{
  PlYearStrip *self = (PlYearStrip *)object;

  g_clear_pointer (&self->agenda, pl_agenda_unref);

  G_OBJECT_CLASS (pl_year_strip_parent_class)->dispose (object);
}

static void
pl_year_strip_class_init (PlYearStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_year_strip_dispose;

  widget_class->snapshot = pl_year_strip_snapshot;
  widget_class->measure = pl_year_strip_measure;
  widget_class->query_tooltip = pl_year_strip_query_tooltip;

  /**
   * PlYearStrip::month-activated:
   * @year: the year
   * @month: the month, 1 to 12
   *
   * A month was clicked.
   */
  signals [MONTH_ACTIVATED] =
    g_signal_new ("month-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "yearstrip");
}

static void
pl_year_strip_init (PlYearStrip *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover_month = -1;
  g_date_clear (&self->today, 1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  g_signal_connect_object (click, "released", G_CALLBACK (on_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  pl_year_strip_set_year (self, 2026);
}

PlYearStrip *
pl_year_strip_new (void)
{
  return g_object_new (PL_TYPE_YEAR_STRIP, NULL);
}

void
pl_year_strip_set_year (PlYearStrip *self,
                        int          year)
{
  g_return_if_fail (PL_IS_YEAR_STRIP (self));

  if (self->year == year)
    return;

  self->year = year;
  set_date (&self->first, 1, G_DATE_SEPTEMBER, year);
  g_clear_pointer (&self->agenda, pl_agenda_unref);
  compute_marks (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
pl_year_strip_get_year (PlYearStrip *self)
{
  g_return_val_if_fail (PL_IS_YEAR_STRIP (self), 0);
  return self->year;
}

void
pl_year_strip_get_range (PlYearStrip *self,
                         GDate       *first,
                         GDate       *end)
{
  g_return_if_fail (PL_IS_YEAR_STRIP (self));

  *first = self->first;
  set_date (end, 1, G_DATE_SEPTEMBER, self->year + 1);
}

void
pl_year_strip_set_agenda (PlYearStrip *self,
                          PlAgenda    *agenda)
{
  g_return_if_fail (PL_IS_YEAR_STRIP (self));

  if (agenda != NULL)
    pl_agenda_ref (agenda);
  g_clear_pointer (&self->agenda, pl_agenda_unref);
  self->agenda = agenda;
  compute_marks (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pl_year_strip_set_today (PlYearStrip *self,
                         const GDate *today)
{
  g_return_if_fail (PL_IS_YEAR_STRIP (self));

  self->today = *today;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pl_year_strip_set_current (PlYearStrip *self,
                           int          year,
                           int          month)
{
  g_return_if_fail (PL_IS_YEAR_STRIP (self));

  self->current_year = year;
  self->current_month = month;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
