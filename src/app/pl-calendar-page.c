/* pl-calendar-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-calendar-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pl-calendar-page.h"
#include "pl-colors.h"
#include "pl-date.h"
#include "pl-deletion.h"
#include "pl-first-step.h"
#include "pl-ics.h"
#include "pl-period-dialog.h"
#include "pl-store-choices.h"
#include "pl-store-job.h"
#include "pl-store-periods.h"
#include "pl-window.h"

struct _PlCalendarPage
{
  GtkWidget             parent_instance;

  PlContext            *context;
  GArray               *partner_ids;   /* the drop-downs' ids; 0 first, for "all" */
  GArray               *employer_ids;
  GArray               *staff_ids;
  guint                 reload_source;
  /* Read when next shown: a calendar off screen reads nothing. */
  gboolean              stale;
  gboolean              filters_stale;
  GCancellable         *read_cancellable;
  guint                 n_reading;
  guint                 n_jobs;
  guint                 n_periods;
  GtkFileChooserNative *chooser;
  gboolean              loading_filters;

  /* Template widgets */
  AdwFlap              *flap;
  GtkLabel             *title_label;
  GtkDropDown          *partner_dropdown;
  GtkDropDown          *employer_dropdown;
  GtkDropDown          *staff_dropdown;
  GtkRevealer          *first_step_revealer;
  GtkLabel             *first_step_label;
  GtkButton            *first_step_button;
  GtkLabel             *year_label;
  GtkWidget            *legend_box;
  PlYearStrip          *year_strip;
  PlMonthView          *month_view;
  GtkLabel             *periods_subtitle;
  GtkListBox           *periods_list;
};

G_DEFINE_FINAL_TYPE (PlCalendarPage, pl_calendar_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void reload (PlCalendarPage *self);

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint index = gtk_drop_down_get_selected (dropdown);

  return index < ids->len ? g_array_index (ids, gint64, index) : 0;
}

void
pl_calendar_page_get_filter (PlCalendarPage   *self,
                             PlCalendarFilter *out)
{
  g_return_if_fail (PL_IS_CALENDAR_PAGE (self));

  out->partner_id = selected_id (self->partner_dropdown, self->partner_ids);
  out->employer_id = selected_id (self->employer_dropdown, self->employer_ids);
  out->staff_id = selected_id (self->staff_dropdown, self->staff_ids);
}

/* ------------------------------------------------------------------------
 * Filters
 */

/* Fills a drop-down with "All …" and the records of @type (the members of
 * staff of @partner_id, or of everyone for 0), keeping the chosen id where
 * it is still there. */
static void
fill_dropdown (PlCalendarPage *self,
               GtkDropDown    *dropdown,
               GArray         *ids,
               const char     *all,
               GType           type,
               gint64          partner_id,
               gint64          keep)
{
  PlStore *store = pl_context_get_store (self->context);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  gint64 none = 0;
  guint selected = 0;

  if (type == PL_TYPE_STAFF)
    choices = pl_store_list_staff_choices (store, partner_id, &error);
  else
    choices = pl_store_list_choices (store, type, &error);
  if (choices == NULL)
    g_warning ("Cannot read the filter's choices: %s", error->message);

  g_array_set_size (ids, 0);
  g_array_append_val (ids, none);
  gtk_string_list_append (names, all);

  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      const PlChoice *choice = &g_array_index (choices, PlChoice, i);

      if (choice->id == keep)
        selected = ids->len;
      g_array_append_val (ids, choice->id);
      gtk_string_list_append (names, choice->name);
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
load_staff (PlCalendarPage *self,
            gint64          keep)
{
  /* With a partner chosen, only its staff are offered. */
  fill_dropdown (self, self->staff_dropdown, self->staff_ids, _("All staff"), PL_TYPE_STAFF,
                 selected_id (self->partner_dropdown, self->partner_ids), keep);
}

/* The partner and employer drop-downs, keeping the ones chosen. */
static void
fill_owner_filters (PlCalendarPage *self,
                    gint64          partner_id,
                    gint64          employer_id)
{
  fill_dropdown (self, self->partner_dropdown, self->partner_ids, _("All partners"),
                 PL_TYPE_PARTNER, 0, partner_id);
  fill_dropdown (self, self->employer_dropdown, self->employer_ids, _("All employers"),
                 PL_TYPE_EMPLOYER, 0, employer_id);
}

static void
load_filters (PlCalendarPage *self)
{
  PlCalendarFilter filter;

  /* Thousands of names: only for a calendar someone looks at. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->filters_stale = TRUE;
      return;
    }
  self->filters_stale = FALSE;

  pl_calendar_page_get_filter (self, &filter);
  self->loading_filters = TRUE;
  fill_owner_filters (self, filter.partner_id, filter.employer_id);
  load_staff (self, filter.staff_id);
  self->loading_filters = FALSE;
}

static void
on_partner_selected (PlCalendarPage *self)
{
  if (self->loading_filters || self->context == NULL)
    return;

  self->loading_filters = TRUE;
  load_staff (self, selected_id (self->staff_dropdown, self->staff_ids));
  self->loading_filters = FALSE;
  reload (self);
}

static void
on_filter_changed (PlCalendarPage *self)
{
  if (!self->loading_filters)
    reload (self);
}

static guint
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return 0;
}

void
pl_calendar_page_set_filter (PlCalendarPage         *self,
                             const PlCalendarFilter *filter)
{
  g_return_if_fail (PL_IS_CALENDAR_PAGE (self));
  g_return_if_fail (filter != NULL);

  if (self->filters_stale)
    {
      self->filters_stale = FALSE;
      /* Loads them even off screen: the page is about to be shown. */
      self->loading_filters = TRUE;
      fill_owner_filters (self, 0, 0);
      self->loading_filters = FALSE;
    }

  self->loading_filters = TRUE;
  gtk_drop_down_set_selected (self->partner_dropdown, index_of (self->partner_ids,
                                                                 filter->partner_id));
  load_staff (self, filter->staff_id);
  gtk_drop_down_set_selected (self->employer_dropdown, index_of (self->employer_ids,
                                                                  filter->employer_id));
  self->loading_filters = FALSE;
  reload (self);
}

/* Drop-down buttons ellipsize long names; their lists show them whole. */
static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 13);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static void
setup_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  g_signal_connect (button, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_label), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (FALSE));
  g_signal_connect (list, "bind", G_CALLBACK (bind_label), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_drop_down_set_expression (dropdown, expression);
}

/* ------------------------------------------------------------------------
 * Loading
 */

static void
swatch_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  guint kind = GPOINTER_TO_UINT (data);
  GdkRGBA color;

  if (kind == 0)
    {
      /* A milestone. */
      gdk_rgba_parse (&color, "#77767b");
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_move_to (cr, width / 2.0, 2);
      cairo_line_to (cr, width - 2, height - 2);
      cairo_line_to (cr, 2, height - 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      return;
    }

  pl_period_color (kind, &color);
  if (kind == PL_PERIOD_BLACKOUT)
    {
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_clip (cr);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 1.5);
      for (int d = -height; d < width; d += 4)
        {
          cairo_move_to (cr, d, height);
          cairo_line_to (cr, d + height, 0);
        }
      cairo_stroke (cr);
      return;
    }

  if (kind == PL_PERIOD_BUSY)
    {
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_rectangle (cr, 1, 1, width - 2, 3);
      cairo_fill (cr);
      return;
    }

  color.alpha = kind == PL_PERIOD_TERM ? 0.35 : 0.6;
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_rectangle (cr, 1, 1, width - 2, height - 2);
  cairo_fill (cr);
}

static GtkWidget *
swatch_new (guint kind)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), swatch_draw, GUINT_TO_POINTER (kind),
                                  NULL);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  return area;
}

static void
build_legend (PlCalendarPage *self)
{
  static const struct
  {
    guint       kind;
    const char *label;
  } entries[] = {
    { PL_PERIOD_TERM, N_("Term") },
    { PL_PERIOD_HOLIDAY, N_("Holiday") },
    { PL_PERIOD_EXAM, N_("Exams") },
    { PL_PERIOD_INSET, N_("Training day") },
    { PL_PERIOD_BUSY, N_("Busy season") },
    { PL_PERIOD_BLACKOUT, N_("Blackout") },
    { 0, N_("Milestone") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 5);
      GtkWidget *label = gtk_label_new (_(entries[i].label));

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), swatch_new (entries[i].kind));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (self->legend_box), box);
    }
}

static char *
date_range_text (const PlPeriod *period)
{
  GDate last = period->end;
  char first_text[64], last_text[64];

  g_date_subtract_days (&last, 1);
  if (g_date_compare (&period->start, &last) == 0)
    {
      /* TRANSLATORS: a one-day period's date, as for g_date_strftime. */
      g_date_strftime (first_text, sizeof first_text, _("%-d %b %Y"), &period->start);
      return g_strdup (first_text);
    }

  if (g_date_get_year (&period->start) == g_date_get_year (&last))
    /* TRANSLATORS: the first day of a period in the same year as its last, for g_date_strftime. */
    g_date_strftime (first_text, sizeof first_text, _("%-d %b"), &period->start);
  else
    g_date_strftime (first_text, sizeof first_text, _("%-d %b %Y"), &period->start);
  g_date_strftime (last_text, sizeof last_text, _("%-d %b %Y"), &last);

  /* TRANSLATORS: a period's first and last days. */
  return g_strdup_printf (_("%s – %s"), first_text, last_text);
}

/* A row of the periods list. Its labels have a bounded natural width, so
 * that a long name does not widen the side panel. */
static GtkWidget *
create_period_row (PlCalendarPage *self,
                   PlAgenda       *agenda,
                   const PlPeriod *period)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = NULL;
  GtkWidget *subtitle = NULL;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *kind = pl_enum_label (pl_period_kind_to_string (period->kind));
  const char *owner = pl_agenda_owner_name (agenda, period);
  g_autofree char *dates = date_range_text (period);
  g_autofree char *subtitle_text = NULL;
  g_autofree char *accessible = NULL;

  title = gtk_label_new (period->label != NULL ? period->label : kind);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);

  /* TRANSLATORS: a calendar period in the list: kind · whose · dates. */
  subtitle_text = g_strdup_printf (_("%s · %s · %s"), kind,
                                   owner != NULL ? owner : _("Everyone"), dates);
  subtitle = gtk_label_new (subtitle_text);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 30);
  gtk_label_set_lines (GTK_LABEL (subtitle), 2);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Period"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "calendar.remove-period");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", period->id);

  gtk_box_append (GTK_BOX (box), swatch_new (period->kind));
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  accessible = g_strdup_printf ("%s, %s", period->label != NULL ? period->label : kind,
                                subtitle_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (row, _("Edit Period"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "calendar.edit-period");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", period->id);

  return row;
}

static void
fill_periods (PlCalendarPage *self,
              PlAgenda       *agenda)
{
  GtkWidget *child;
  g_autofree char *year = pl_academic_year_label (pl_year_strip_get_year (self->year_strip));
  g_autofree char *subtitle = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->periods_list))) != NULL)
    gtk_list_box_remove (self->periods_list, child);

  self->n_periods = agenda != NULL ? agenda->periods->len : 0;
  for (guint i = 0; i < self->n_periods; i++)
    gtk_list_box_append (self->periods_list,
                         create_period_row (self, agenda, g_ptr_array_index (agenda->periods, i)));

  if (self->n_periods == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No periods in this academic year. Add one, or import "
                                          "term dates from an iCalendar file."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 18);
      gtk_widget_set_margin_bottom (empty, 18);
      gtk_widget_set_margin_start (empty, 12);
      gtk_widget_set_margin_end (empty, 12);
      gtk_list_box_append (self->periods_list, empty);
      gtk_list_box_row_set_activatable (
        GTK_LIST_BOX_ROW (gtk_widget_get_first_child (GTK_WIDGET (self->periods_list))), FALSE);
    }

  /* TRANSLATORS: under "Periods": the academic year listed and how many. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u period", "%s, %u periods",
                                           self->n_periods),
                              year, self->n_periods);
  gtk_label_set_text (self->periods_subtitle, subtitle);
}

static void
update_titles (PlCalendarPage *self)
{
  g_autofree char *year = pl_academic_year_label (pl_year_strip_get_year (self->year_strip));
  g_autofree char *year_text = NULL;
  char title[64];
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, pl_month_view_get_month (self->month_view),
                  pl_month_view_get_year (self->month_view));
  /* TRANSLATORS: the month shown on the Calendar page, as for g_date_strftime. */
  g_date_strftime (title, sizeof title, _("%B %Y"), &first);
  gtk_label_set_text (self->title_label, title);

  /* TRANSLATORS: the heading of the year strip; %s is like 2026/27. */
  year_text = g_strdup_printf (_("Academic year %s"), year);
  gtk_label_set_text (self->year_label, year_text);
}

static void
on_month_read (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(PlCalendarPage) self = data;
  g_autoptr(PlAgenda) month = NULL;
  g_autoptr(GError) error = NULL;

  month = pl_agenda_collect_finish (PL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (month == NULL)
    g_warning ("The calendar could not be read: %s", error->message);
  pl_month_view_set_agenda (self->month_view, month);
  self->n_reading--;
}

static void
on_year_read (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(PlCalendarPage) self = data;
  g_autoptr(PlAgenda) year = NULL;
  g_autoptr(GError) error = NULL;

  year = pl_agenda_collect_finish (PL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (year == NULL)
    g_warning ("The calendar could not be read: %s", error->message);
  pl_year_strip_set_agenda (self->year_strip, year);
  fill_periods (self, year);
  self->n_reading--;
}

/* Reads the month and the academic year shown in the store's worker: a
 * network's month holds thousands of days, and the window must not wait
 * for them. What is shown stays until the new read arrives; a read that
 * a newer one overtakes is dropped. */
/* Before the first placement, the step that comes first: the calendar
 * stays below it, as terms and holidays are worth seeing already. */
static void
update_first_step (PlCalendarPage *self,
                   PlStore        *store)
{
  gboolean empty = !pl_store_has_any (store, PL_TYPE_PLACEMENT);

  if (empty)
    {
      const char *description, *label, *action;

      pl_first_step_describe (store, PL_TYPE_PLACEMENT,
                              _("No placement is planned yet. A request shows here once it "
                                "has its days, beside the terms and the employers’ busy "
                                "seasons."),
                              _("_New Request"), "win.add-first::request",
                              &description, &label, &action);
      gtk_label_set_text (self->first_step_label, description);
      pl_first_step_set_button (self->first_step_button, label, action);
    }
  gtk_revealer_set_reveal_child (self->first_step_revealer, empty);
}

static void
reload (PlCalendarPage *self)
{
  PlCalendarFilter filter;
  GDate first, end, academic;
  PlStore *store;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->context == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  store = pl_context_get_store (self->context);
  update_first_step (self, store);
  pl_calendar_page_get_filter (self, &filter);

  /* The strip follows the academic year of the month shown. */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, pl_month_view_get_month (self->month_view),
                  pl_month_view_get_year (self->month_view));
  pl_date_academic_year_start (&first, &academic);
  pl_year_strip_set_year (self->year_strip, g_date_get_year (&academic));
  pl_year_strip_set_current (self->year_strip, pl_month_view_get_year (self->month_view),
                             pl_month_view_get_month (self->month_view));
  update_titles (self);

  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  self->read_cancellable = g_cancellable_new ();
  self->n_reading = 2;

  pl_month_view_get_range (self->month_view, &first, &end);
  pl_agenda_collect_async (store, &filter, &first, &end, self->read_cancellable, on_month_read,
                           g_object_ref (self));
  pl_year_strip_get_range (self->year_strip, &first, &end);
  pl_agenda_collect_async (store, &filter, &first, &end, self->read_cancellable, on_year_read,
                           g_object_ref (self));
}

/**
 * pl_calendar_page_is_reading:
 *
 * Returns: whether the month or the year shown is still being read
 */
gboolean
pl_calendar_page_is_reading (PlCalendarPage *self)
{
  g_return_val_if_fail (PL_IS_CALENDAR_PAGE (self), FALSE);

  return self->n_reading > 0 || self->stale;
}

static gboolean
reload_idle (gpointer data)
{
  PlCalendarPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (PlCalendarPage *self,
                  const char     *table)
{
  static const char * const shown[] = {
    "calendar_period", "placement", "placement_day", "milestone", "group_meeting",
    "exchange_group", "group_member", "partner", "employer", "staff", "sector", NULL
  };

  if (!g_strv_contains (shown, table))
    return;

  /* Names in the filters. */
  if (g_str_equal (table, "partner") || g_str_equal (table, "employer") ||
      g_str_equal (table, "staff"))
    load_filters (self);

  /* Several tables change together; one reload does for all. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle, self);
}

static void
on_month_changed (PlCalendarPage *self)
{
  reload (self);
}

static void
on_month_activated (PlCalendarPage *self,
                    int             year,
                    int             month)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, month, year);
  pl_month_view_select (self->month_view, &day);
  gtk_widget_grab_focus (GTK_WIDGET (self->month_view));
}

static void
on_item_activated (PlCalendarPage *self,
                   guint           kind,
                   gint64          id)
{
  PlAgenda *agenda = pl_month_view_get_agenda (self->month_view);

  switch (kind)
    {
    case PL_AGENDA_PLACEMENT:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-placement", "x", id);
      break;

    case PL_AGENDA_MILESTONE:
      /* A milestone is a step of its placement. */
      for (guint i = 0; agenda != NULL && i < agenda->items->len; i++)
        {
          PlAgendaItem *item = g_ptr_array_index (agenda->items, i);

          if (item->kind == PL_AGENDA_MILESTONE && item->id == id)
            {
              gtk_widget_activate_action (GTK_WIDGET (self), "win.open-placement", "x",
                                          item->placement_id);
              break;
            }
        }
      break;

    case PL_AGENDA_MEETING:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "groups");
      break;

    default:
      break;
    }
}

/* ------------------------------------------------------------------------
 * Navigation
 */

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  pl_month_view_move (PL_CALENDAR_PAGE (widget)->month_view, -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pl_month_view_move (PL_CALENDAR_PAGE (widget)->month_view, 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (widget);
  GDate today;

  if (self->context == NULL)
    return;

  pl_context_get_today (self->context, &today);
  pl_month_view_set_today (self->month_view, &today);
  pl_year_strip_set_today (self->year_strip, &today);
  pl_month_view_select (self->month_view, &today);
}

/* ------------------------------------------------------------------------
 * Jobs in a thread, on the store's worker connection, which tells the
 * page's store what they wrote when they finish.
 */

typedef struct
{
  PlCalendarPage    *page;
  char              *path;
  char              *owner;
  char              *kind;
  PlOwnerKind        owner_kind;
  gint64             owner_id;
  GDate              today;
  PlIcsImportResult  result;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->page);
  g_free (job->path);
  g_free (job->owner);
  g_free (job->kind);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
set_busy (PlCalendarPage *self,
          gboolean        busy)
{
  if (busy)
    self->n_jobs++;
  else
    self->n_jobs--;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.import", self->n_jobs == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.import-file", self->n_jobs == 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_toast (PlCalendarPage *self,
            const char     *text)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);
  g_autofree char *markup = g_markup_escape_text (text, -1);

  if (window != NULL)
    pl_window_add_toast (PL_WINDOW (window), adw_toast_new (markup));
}

/* Starts @func on @job, which the callback frees. */
static void
job_start (Job                 *job,
           PlStoreJobFunc       func,
           GAsyncReadyCallback  callback)
{
  set_busy (job->page, TRUE);
  pl_store_run_async (pl_context_get_store (job->page->context), func, job, NULL, NULL, NULL,
                      NULL, NULL, callback, job);
}

static gpointer
import_job (PlStoreJob  *store_job,
            PlStore     *worker,
            gpointer     data,
            GError     **error)
{
  Job *job = data;

  if (!pl_ics_import_file (worker, job->path, job->owner, job->kind, &job->today, &job->result,
                           error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(Job) job = data;
  PlCalendarPage *self = job->page;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (pl_store_run_finish (PL_STORE (object), result, &error) == NULL)
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not import the calendar"), error);
      return;
    }

  {
    g_autofree char *name = g_path_get_basename (job->path);
    g_autofree char *skipped = pl_ics_describe_skipped (&job->result);
    g_autofree char *text = NULL;

    if (job->result.added + job->result.updated == 0)
      /* TRANSLATORS: after importing a calendar file that changed nothing. */
      text = g_strdup_printf (_("“%s” holds no new or changed periods"), name);
    else
      /* TRANSLATORS: after importing a calendar file: file, counts. */
      text = g_strdup_printf (_("Imported “%s”: %u new, %u updated"), name, job->result.added,
                              job->result.updated);
    if (skipped != NULL)
      {
        g_autofree char *counts = g_steal_pointer (&text);

        /* TRANSLATORS: the result of an import, then what it left out. */
        text = g_strdup_printf (_("%s; %s"), counts, skipped);
      }
    show_toast (self, text);
  }
}

static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (widget);
  Job *job;

  if (self->context == NULL)
    return;

  job = g_new0 (Job, 1);
  job->page = g_object_ref (self);
  g_variant_get (parameter, "(sss)", &job->path, &job->owner, &job->kind);
  pl_context_get_today (self->context, &job->today);
  job_start (job, import_job, import_done);
}

static void
on_import_chosen (PlCalendarPage *self,
                  const char     *path,
                  const char     *owner,
                  const char     *kind)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.import-file", "(sss)", path, owner,
                              kind);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (widget);
  PlPeriodDialog *dialog;
  PlCalendarFilter filter;

  if (self->context == NULL)
    return;

  pl_calendar_page_get_filter (self, &filter);
  dialog = pl_period_dialog_new_import (self->context, &filter);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_import_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gpointer
export_job (PlStoreJob  *store_job,
            PlStore     *worker,
            gpointer     data,
            GError     **error)
{
  Job *job = data;

  if (!pl_ics_export_file (worker, job->path, job->owner_kind, job->owner_id, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(Job) job = data;
  PlCalendarPage *self = job->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  set_busy (self, FALSE);
  if (pl_store_run_finish (PL_STORE (object), result, &error) == NULL)
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not export the calendar"), error);
      return;
    }

  name = g_path_get_basename (job->path);
  /* TRANSLATORS: after exporting a calendar; %s is the file's name. */
  text = g_strdup_printf (_("Calendar exported to “%s”"), name);
  show_toast (self, text);
}

/* The owner whose calendar an export writes: the narrowest filter. */
static void
export_owner (PlCalendarPage *self,
              PlOwnerKind    *kind,
              gint64         *id)
{
  PlCalendarFilter filter;

  pl_calendar_page_get_filter (self, &filter);
  *kind = PL_OWNER_ALL;
  *id = 0;
  if (filter.staff_id != 0)
    *kind = PL_OWNER_STAFF, *id = filter.staff_id;
  else if (filter.employer_id != 0)
    *kind = PL_OWNER_EMPLOYER, *id = filter.employer_id;
  else if (filter.partner_id != 0)
    *kind = PL_OWNER_PARTNER, *id = filter.partner_id;
}

static void
export_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (widget);
  Job *job;

  if (self->context == NULL)
    return;

  job = g_new0 (Job, 1);
  job->page = g_object_ref (self);
  job->path = g_variant_dup_string (parameter, NULL);
  export_owner (self, &job->owner_kind, &job->owner_id);
  job_start (job, export_job, export_done);
}

static void
on_export_response (PlCalendarPage       *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "calendar.export-file", "s", path);
    }

  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (widget);
  g_autoptr(GtkFileFilter) ics = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  PlOwnerKind kind;
  gint64 id;

  if (self->context == NULL)
    return;

  export_owner (self, &kind, &id);
  if (kind != PL_OWNER_ALL)
    {
      GtkDropDown *dropdown = kind == PL_OWNER_STAFF ? self->staff_dropdown
                            : kind == PL_OWNER_EMPLOYER ? self->employer_dropdown
                            : self->partner_dropdown;
      GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

      suggested = g_strdup_printf ("%s.ics", gtk_string_object_get_string (item));
      g_strdelimit (suggested, "/\\:", '-');
    }
  else
    suggested = g_strdup (_("placements.ics"));

  gtk_file_filter_set_name (ics, _("iCalendar files"));
  gtk_file_filter_add_pattern (ics, "*.ics");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Calendar"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), ics);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------------
 * Periods
 */

static void
present_period_dialog (PlCalendarPage *self,
                       gint64          period_id)
{
  PlCalendarFilter filter;
  PlPeriodDialog *dialog;
  GDate selected;

  if (self->context == NULL)
    return;

  pl_calendar_page_get_filter (self, &filter);
  pl_month_view_get_selected (self->month_view, &selected);
  dialog = pl_period_dialog_new (self->context, period_id, &filter, &selected);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_period_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  present_period_dialog (PL_CALENDAR_PAGE (widget), 0);
}

static void
edit_period_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  present_period_dialog (PL_CALENDAR_PAGE (widget), g_variant_get_int64 (parameter));
}

/* Removes at once, as every deletion does: the toast says which period
 * went (several may share a name, so with its dates) and what it took
 * along, and its Undo, Ctrl+Z or the menu put it back. */
static void
remove_period_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(PlRecord) period = NULL;
  g_autoptr(PlDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *window;
  const char *label;
  gint64 n_windows;

  if (self->context == NULL)
    return;

  period = pl_store_get (pl_context_get_store (self->context), PL_TYPE_CALENDAR_PERIOD, id, NULL);
  if (period == NULL)
    return;

  label = pl_record_get_string (period, "label");
  if (label == NULL || *label == '\0')
    label = pl_enum_label (pl_record_get_string (period, "kind"));
  n_windows = pl_store_count_period_windows (pl_context_get_store (self->context), id, NULL);

  deletion = pl_deletion_run (pl_context_get_store (self->context), PL_TYPE_CALENDAR_PERIOD, id,
                              &error);
  if (deletion == NULL)
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not remove the period"), error);
      return;
    }

  window = gtk_widget_get_ancestor (widget, PL_TYPE_WINDOW);
  if (window == NULL)
    return;

  start = pl_date_describe (pl_record_get_string (period, "start_date"), TRUE);
  end = pl_date_describe (pl_record_get_string (period, "end_date"), TRUE);
  if (n_windows > 0)
    /* TRANSLATORS: a toast: the period's name, its first and last day, and
     * how many placement requests had it as their window */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "“%s” (%s to %s) removed; %u request loses it as "
                                          "its window",
                                          "“%s” (%s to %s) removed; %u requests lose it as "
                                          "their window",
                                          (guint) n_windows),
                             label, start, end, (guint) n_windows);
  else
    /* TRANSLATORS: a toast: the period's name, its first and last day */
    title = g_strdup_printf (_("“%s” (%s to %s) removed"), label, start, end);
  markup = g_markup_escape_text (title, -1);
  pl_window_add_undo_toast (PL_WINDOW (window), markup);
}

/* ------------------------------------------------------------------------
 * GObject
 */

static void
set_context (PlCalendarPage *self,
             PlContext      *context)
{
  GDate today;

  if (!g_set_object (&self->context, context) || context == NULL)
    return;

  g_signal_connect_object (pl_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  load_filters (self);

  pl_context_get_today (context, &today);
  pl_month_view_set_today (self->month_view, &today);
  pl_year_strip_set_today (self->year_strip, &today);
  pl_month_view_select (self->month_view, &today);
  reload (self);
}

static void
pl_calendar_page_map (GtkWidget *widget)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (widget);

  GTK_WIDGET_CLASS (pl_calendar_page_parent_class)->map (widget);

  if (self->filters_stale)
    load_filters (self);
  /* A change made while hidden is read now, not an idle later. */
  if (self->stale || self->reload_source != 0)
    reload (self);
}

static void
pl_calendar_page_dispose (GObject *object)
{
  PlCalendarPage *self = (PlCalendarPage *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  /* Nothing is read for a page going away, whatever its widgets say as
   * they go. */
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_CALENDAR_PAGE);
  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_clear_pointer (&self->employer_ids, g_array_unref);
  g_clear_pointer (&self->staff_ids, g_array_unref);

  G_OBJECT_CLASS (pl_calendar_page_parent_class)->dispose (object);
}

static void
pl_calendar_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->n_jobs > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_calendar_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlCalendarPage *self = PL_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_calendar_page_class_init (PlCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_calendar_page_dispose;
  object_class->get_property = pl_calendar_page_get_property;
  object_class->set_property = pl_calendar_page_set_property;
  widget_class->map = pl_calendar_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PL_TYPE_MONTH_VIEW);
  g_type_ensure (PL_TYPE_YEAR_STRIP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-calendar-page.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, flap);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, partner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, employer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, first_step_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, first_step_label);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, first_step_button);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, year_label);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, year_strip);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, periods_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PlCalendarPage, periods_list);

  gtk_widget_class_bind_template_callback (widget_class, on_partner_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_month_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_month_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "calendar.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "calendar.import-file", "(sss)",
                                   import_file_action);
  gtk_widget_class_install_action (widget_class, "calendar.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-file", "s", export_file_action);
  gtk_widget_class_install_action (widget_class, "calendar.add-period", NULL, add_period_action);
  gtk_widget_class_install_action (widget_class, "calendar.edit-period", "x", edit_period_action);
  gtk_widget_class_install_action (widget_class, "calendar.remove-period", "x",
                                   remove_period_action);

  /* As GNOME Calendar: Alt+arrows and Page Up/Down move by a month,
   * Ctrl+T goes to today. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "calendar.today", NULL);
}

static void
pl_calendar_page_init (PlCalendarPage *self)
{
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->employer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_dropdown (self->partner_dropdown);
  setup_dropdown (self->employer_dropdown);
  setup_dropdown (self->staff_dropdown);
  build_legend (self);
}

PlMonthView *
pl_calendar_page_get_month_view (PlCalendarPage *self)
{
  g_return_val_if_fail (PL_IS_CALENDAR_PAGE (self), NULL);
  return self->month_view;
}

PlYearStrip *
pl_calendar_page_get_year_strip (PlCalendarPage *self)
{
  g_return_val_if_fail (PL_IS_CALENDAR_PAGE (self), NULL);
  return self->year_strip;
}

gboolean
pl_calendar_page_get_busy (PlCalendarPage *self)
{
  g_return_val_if_fail (PL_IS_CALENDAR_PAGE (self), FALSE);
  return self->n_jobs > 0;
}

guint
pl_calendar_page_get_n_periods (PlCalendarPage *self)
{
  g_return_val_if_fail (PL_IS_CALENDAR_PAGE (self), 0);
  return self->n_periods;
}
