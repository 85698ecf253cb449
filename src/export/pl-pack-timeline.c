/* pl-pack-timeline.c
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

/* The planning timeline of the employer pack: the steps of the employer's
 * next placement drawn to scale on a line of dates, over the two calendars
 * that decide when a placement can happen (the college's holidays and
 * examinations, the employer's busy periods), then listed in a table with
 * their real dates. With no placement coming, the usual steps in weeks
 * around a placement. */

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
  g_autofree char *markup = pl_pack_escape (text);
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
  g_autofree char *upper = pl_pack_escape_upper (name);
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
          g_autofree char *markup = pl_pack_escape (band->label);
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
      g_autofree char *markup = pl_pack_escape (employer ? _("No busy periods recorded")
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
  g_autofree char *markup = pl_pack_escape (text);
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
    g_autofree char *label = pl_pack_escape_upper (_("Placement"));
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
      g_autofree char *caption = pl_pack_escape (_("Weeks before and after the placement"));
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
      g_autofree char *label = pl_pack_escape (_("Today"));
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

void
pl_pack_add_timeline (PlPack *self)
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
  g_autofree char *name = pl_pack_escape (next->staff_name);
  g_autofree char *what = g_strdup_printf (_("<b>The placement</b> — %s"), name);
  g_autofree char *status = pl_pack_escape (pl_enum_label (next->status));

  cells[0].kind = PL_FLOW_CELL_TEXT;
  cells[0].markup = "<span foreground=\"#e37830\" weight=\"heavy\">■</span>";
  cells[1].markup = when;
  cells[2].markup = what;
  cells[3].markup = status;
  pl_flow_table_add_row (table, FALSE, cells);
}

void
pl_pack_add_timeline_steps (PlPack *self)
{
  static const double real[] = { 0.06, 0.31, 0.48, 0.15 };
  static const double generic[] = { 0.06, 0.31, 0.63 };
  PlPackData *data = self->data;
  gboolean is_generic = data->next == NULL;
  guint n_columns = is_generic ? 3 : 4;
  PlFlowTable *table;
  PlFlowCell head[4] = { { 0 } };
  g_autofree char *h1 = pl_pack_escape (_("When"));
  g_autofree char *h2 = pl_pack_escape (_("Step"));
  g_autofree char *h3 = pl_pack_escape (_("Progress"));
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
          g_autofree char *when_markup = pl_pack_escape (when);
          g_autofree char *what = pl_pack_escape (step_label (s->kind, s->label));

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
      g_autofree char *when_markup = pl_pack_escape (when);
      g_autofree char *what = pl_pack_escape (step_label (m->kind, m->label));
      g_autofree char *progress = pl_pack_escape (m->done != NULL ? _("Done") : _("To come"));

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
