/* test-calendar-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libical/ical.h>
#include <math.h>
#include <string.h>

#include "pl-calendar-page.h"
#include "pl-date.h"
#include "pl-period-dialog.h"
#include "pl-test-gui.h"
#include "pl-test-sqlite.h"

/* The Calendar page on the sample network, in a real window under Xvfb:
 * every placement's days are drawn in the right cells of the right month,
 * the filters keep what they should, and import and export work from the
 * page's actions. */

typedef struct
{
  PlTestGui       gui;
  PlWindow       *window;
  PlCalendarPage *page;
} Fixture;

static PlCalendarPage *shown_page;

/* Lets the page's reads arrive, and pending layout and drawing happen. */
static void
settle (void)
{
  for (guint i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  if (shown_page != NULL && gtk_widget_get_mapped (GTK_WIDGET (shown_page)))
    {
      PL_TEST_WAIT_FOR (!pl_calendar_page_is_reading (shown_page));
      for (guint i = 0; i < 20 && g_main_context_pending (NULL); i++)
        g_main_context_iteration (NULL, FALSE);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *month;

  pl_test_gui_set_up (&f->gui, TRUE);
  g_settings_set_int (f->gui.settings, "window-width", 1200);
  g_settings_set_int (f->gui.settings, "window-height", 780);

  f->window = pl_test_gui_open_window (&f->gui);
  f->page = PL_CALENDAR_PAGE (pl_test_gui_show_page (f->window, "calendar",
                                                     PL_TYPE_CALENDAR_PAGE));
  month = GTK_WIDGET (pl_calendar_page_get_month_view (f->page));
  shown_page = f->page;
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (month));
  settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  shown_page = NULL;
  pl_test_gui_close_window (f->window);
  pl_test_gui_tear_down (&f->gui);
}

static gboolean
has_item (GPtrArray    *items,
          PlAgendaKind  kind,
          gint64        id)
{
  for (guint i = 0; i < items->len; i++)
    {
      PlAgendaItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind && item->id == id)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  gint64  id;
  GStrv   days;
} SamplePlacement;

static GArray *
placements_with_days (PlStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SamplePlacement));

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                                       "SELECT id FROM placement WHERE status <> 'cancelled'"
                                       " AND EXISTS (SELECT 1 FROM placement_day"
                                       " WHERE placement_id = placement.id) ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SamplePlacement placement;

      placement.id = sqlite3_column_int64 (stmt, 0);
      placement.days = pl_store_get_days (store, placement.id);
      g_array_append_val (out, placement);
    }

  return out;
}

static void
free_placements (GArray *placements)
{
  for (guint i = 0; i < placements->len; i++)
    g_strfreev (g_array_index (placements, SamplePlacement, i).days);
  g_array_unref (placements);
}

static gboolean
day_mentions (PlMonthView *view,
              const GDate *day,
              const char  *text)
{
  g_autofree char *description = NULL;

  if (pl_month_view_get_agenda (view) == NULL)
    return FALSE;

  description = pl_agenda_describe_day (pl_month_view_get_agenda (view), day);
  return strstr (description, text) != NULL;
}

/* Shows @date's month and waits until it is laid out with its agenda. */
static void
show_month_of (PlMonthView *view,
               const GDate *date)
{
  pl_month_view_select (view, date);
  settle ();
  PL_TEST_WAIT_FOR (pl_month_view_get_agenda (view) != NULL &&
                    pl_month_view_get_month (view) == (int) g_date_get_month (date));
}

/* The label of @widget's tree that reads @text and is visible. */
static GtkWidget *
find_shown_label (GtkWidget  *widget,
                  const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A day with a busy season or a term but no placement lists the period in
 * its popover and does not say "Nothing planned". */
static void
test_day_popover_periods (Fixture       *f,
                          gconstpointer  data)
{
  PlMonthView *view = pl_calendar_page_get_month_view (f->page);
  GDate day;
  gboolean found = FALSE;

  g_date_set_dmy (&day, 1, G_DATE_NOVEMBER, 2026);
  show_month_of (view, &day);
  for (; g_date_get_month (&day) == G_DATE_NOVEMBER && !found; g_date_add_days (&day, 1))
    {
      g_autoptr(GPtrArray) items = pl_month_view_get_items_for_day (view, &day);
      g_autoptr(GPtrArray) periods = pl_agenda_periods_on (pl_month_view_get_agenda (view), &day);
      g_autofree char *described = NULL;

      if (items->len > 0 || periods->len == 0)
        continue;
      found = TRUE;
      described = pl_agenda_describe_periods (pl_month_view_get_agenda (view), &day);
      pl_month_view_show_day (view, &day);
      settle ();
      g_assert_nonnull (find_shown_label (GTK_WIDGET (view), described));
      g_assert_null (find_shown_label (GTK_WIDGET (view), "Nothing planned"));
    }
  g_assert_true (found);
}

/* Every day of every sample placement is in the cell of its weekday and
 * week, in its month, with the placement's bar drawn inside that cell. */
static void
test_placements_in_cells (Fixture       *f,
                          gconstpointer  data)
{
  PlMonthView *view = pl_calendar_page_get_month_view (f->page);
  GArray *placements = placements_with_days (f->gui.store);
  guint checked_days = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (view));

  g_assert_cmpuint (placements->len, >=, 14);
  g_assert_cmpint (width, >, 7 * 60);

  for (guint p = 0; p < placements->len; p++)
    {
      SamplePlacement *placement = &g_array_index (placements, SamplePlacement, p);

      for (guint d = 0; placement->days[d] != NULL; d++)
        {
          g_autoptr(GPtrArray) items = NULL;
          graphene_rect_t cell, bar;
          GDate day, found, first, end;
          int offset;

          g_assert_true (pl_date_parse (placement->days[d], &day));
          show_month_of (view, &day);

          /* The day is listed with the placement… */
          items = pl_month_view_get_items_for_day (view, &day);
          if (!has_item (items, PL_AGENDA_PLACEMENT, placement->id))
            g_error ("placement %" G_GINT64_FORMAT " is not listed on %s", placement->id,
                     placement->days[d]);

          /* …in the column of its weekday and the row of its week… */
          g_assert_true (pl_month_view_get_day_rect (view, &day, &cell));
          pl_month_view_get_range (view, &first, &end);
          offset = g_date_days_between (&first, &day);
          g_assert_cmpint (offset, >=, 0);
          g_assert_cmpint ((int) (cell.origin.x + cell.size.width / 2) / (width / 7.0), ==,
                           g_date_get_weekday (&day) - 1);
          g_assert_cmpfloat (fabs (cell.size.width - width / 7.0), <, 1.5);
          {
            graphene_rect_t week_start;
            GDate monday = first;

            g_date_add_days (&monday, (offset / 7) * 7);
            g_assert_true (pl_month_view_get_day_rect (view, &monday, &week_start));
            g_assert_cmpfloat (fabs (week_start.origin.y - cell.origin.y), <, 0.5);
          }

          /* …which is where a click lands on that day… */
          g_assert_true (pl_month_view_get_day_at (view, cell.origin.x + cell.size.width / 2,
                                                   cell.origin.y + cell.size.height / 2, &found));
          g_assert_cmpint (g_date_compare (&found, &day), ==, 0);

          /* …and the bar is drawn inside it. */
          if (!pl_month_view_get_item_rect (view, PL_AGENDA_PLACEMENT, placement->id, &day, &bar))
            g_error ("placement %" G_GINT64_FORMAT " has no bar on %s", placement->id,
                     placement->days[d]);
          g_assert_true (graphene_rect_contains_rect (&cell, &bar));
          g_assert_cmpfloat (bar.size.width, >, cell.size.width / 2);
          checked_days++;
        }

      /* The day before its first day shows no bar for it, unless that day
       * is one of its days too. */
      {
        GDate before;

        g_assert_true (pl_date_parse (placement->days[0], &before));
        g_date_subtract_days (&before, 1);
        show_month_of (view, &before);
        {
          g_autoptr(GPtrArray) items = pl_month_view_get_items_for_day (view, &before);
          graphene_rect_t bar;

          g_assert_false (has_item (items, PL_AGENDA_PLACEMENT, placement->id));
          g_assert_false (pl_month_view_get_item_rect (view, PL_AGENDA_PLACEMENT, placement->id,
                                                       &before, &bar));
        }
      }
    }

  g_assert_cmpuint (checked_days, >=, 20);
  free_placements (placements);
}

/* Cancelled placements are not on the calendar. */
static void
test_cancelled_hidden (Fixture       *f,
                       gconstpointer  data)
{
  PlMonthView *view = pl_calendar_page_get_month_view (f->page);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (f->gui.store),
                                       "SELECT p.id, d.day FROM placement p JOIN placement_day d"
                                       " ON d.placement_id = p.id WHERE p.status = 'cancelled'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) items = NULL;
      GDate day;

      g_assert_true (pl_date_parse ((const char *) sqlite3_column_text (stmt, 1), &day));
      show_month_of (view, &day);
      items = pl_month_view_get_items_for_day (view, &day);
      g_assert_false (has_item (items, PL_AGENDA_PLACEMENT, sqlite3_column_int64 (stmt, 0)));
      n++;
    }

  g_assert_cmpuint (n, >, 0);
}

/* Choosing a staff member keeps only their placements; the description of
 * a day (tooltip and accessible description) names what is on it. */
static void
test_filter_and_description (Fixture       *f,
                             gconstpointer  data)
{
  PlMonthView *view = pl_calendar_page_get_month_view (f->page);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PlCalendarFilter filter = { 0 };
  gint64 staff_id, placement_id, other_id;
  g_autofree char *staff_name = NULL;
  GDate day, other_day;

  /* Two placements of different staff in the same month. */
  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (f->gui.store),
                                       "SELECT a.placement_id, a.day, b.placement_id, b.day,"
                                       " p.staff_id, s.name"
                                       " FROM placement_day a JOIN placement_day b"
                                       " ON substr(a.day, 1, 7) = substr(b.day, 1, 7)"
                                       " JOIN placement p ON p.id = a.placement_id"
                                       " JOIN placement q ON q.id = b.placement_id"
                                       " JOIN staff s ON s.id = p.staff_id"
                                       " WHERE p.staff_id <> q.staff_id AND p.status <> 'cancelled'"
                                       " AND q.status <> 'cancelled' ORDER BY a.day LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  placement_id = sqlite3_column_int64 (stmt, 0);
  g_assert_true (pl_date_parse ((const char *) sqlite3_column_text (stmt, 1), &day));
  other_id = sqlite3_column_int64 (stmt, 2);
  g_assert_true (pl_date_parse ((const char *) sqlite3_column_text (stmt, 3), &other_day));
  staff_id = sqlite3_column_int64 (stmt, 4);
  staff_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));

  show_month_of (view, &day);
  {
    g_autoptr(GPtrArray) items = pl_month_view_get_items_for_day (view, &day);
    g_autoptr(GPtrArray) others = pl_month_view_get_items_for_day (view, &other_day);

    g_assert_true (has_item (items, PL_AGENDA_PLACEMENT, placement_id));
    g_assert_true (has_item (others, PL_AGENDA_PLACEMENT, other_id));
  }
  g_assert_true (day_mentions (view, &day, staff_name));

  filter.staff_id = staff_id;
  pl_calendar_page_set_filter (f->page, &filter);
  settle ();
  {
    g_autoptr(GPtrArray) items = pl_month_view_get_items_for_day (view, &day);
    g_autoptr(GPtrArray) others = pl_month_view_get_items_for_day (view, &other_day);
    graphene_rect_t bar;
    PlCalendarFilter shown;

    pl_calendar_page_get_filter (f->page, &shown);
    g_assert_cmpint (shown.staff_id, ==, staff_id);
    g_assert_true (has_item (items, PL_AGENDA_PLACEMENT, placement_id));
    g_assert_false (has_item (others, PL_AGENDA_PLACEMENT, other_id));
    g_assert_false (pl_month_view_get_item_rect (view, PL_AGENDA_PLACEMENT, other_id, &other_day,
                                                 &bar));
    for (guint i = 0; i < items->len; i++)
      {
        PlAgendaItem *item = g_ptr_array_index (items, i);

        if (item->kind == PL_AGENDA_PLACEMENT)
          g_assert_true (g_str_has_prefix (item->title, staff_name));
      }
  }

  memset (&filter, 0, sizeof filter);
  pl_calendar_page_set_filter (f->page, &filter);
  settle ();
  {
    g_autoptr(GPtrArray) others = pl_month_view_get_items_for_day (view, &other_day);

    g_assert_true (has_item (others, PL_AGENDA_PLACEMENT, other_id));
  }
}

static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  PlMonthView *view = pl_calendar_page_get_month_view (f->page);
  PlYearStrip *strip = pl_calendar_page_get_year_strip (f->page);
  GDate today;

  /* The page opens on today (pinned to 22 November 2026). */
  pl_date_today (&today);
  g_assert_cmpint (pl_month_view_get_month (view), ==, g_date_get_month (&today));
  g_assert_cmpint (pl_year_strip_get_year (strip), ==, 2026);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.next", NULL));
  g_assert_cmpint (pl_month_view_get_month (view), ==, 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.next", NULL));
  g_assert_cmpint (pl_month_view_get_month (view), ==, 1);
  g_assert_cmpint (pl_month_view_get_year (view), ==, 2027);
  /* January is still the 2026/27 academic year. */
  g_assert_cmpint (pl_year_strip_get_year (strip), ==, 2026);

  for (guint i = 0; i < 8; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.next", NULL);
  g_assert_cmpint (pl_month_view_get_month (view), ==, 9);
  g_assert_cmpint (pl_year_strip_get_year (strip), ==, 2027);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.previous", NULL));
  g_assert_cmpint (pl_month_view_get_month (view), ==, 8);
  g_assert_cmpint (pl_year_strip_get_year (strip), ==, 2026);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.today", NULL));
  g_assert_cmpint (pl_month_view_get_month (view), ==, 11);
  g_assert_cmpint (pl_month_view_get_year (view), ==, 2026);

  /* Clicking March in the strip shows March. */
  settle ();
  {
    int width = gtk_widget_get_width (GTK_WIDGET (strip));
    int year = 0, month = 0;

    g_assert_true (pl_year_strip_get_month_at (strip, width * (6.5 / 12), 20, &year, &month));
    g_assert_cmpint (month, ==, 3);
    g_assert_cmpint (year, ==, 2027);
    g_signal_emit_by_name (strip, "month-activated", year, month);
    g_assert_cmpint (pl_month_view_get_month (view), ==, 3);
  }
}

static void
test_import_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *cam = g_test_build_filename (G_TEST_DIST, "..", "data", "cam-term-dates.ics",
                                                NULL);
  g_autofree char *out = g_build_filename (f->gui.dir, "export.ics", NULL);
  g_autofree char *contents = NULL;
  gint64 before = pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD);
  PlMonthView *view = pl_calendar_page_get_month_view (f->page);
  icalcomponent *calendar;
  guint n_events = 0;

  g_assert_true (g_file_test (cam, G_FILE_TEST_IS_REGULAR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.import-file",
                                             "(sss)", cam, "partner:Humber Estuary College",
                                             "term"));
  g_assert_true (pl_calendar_page_get_busy (f->page));
  PL_TEST_WAIT_FOR (!pl_calendar_page_get_busy (f->page));
  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD), ==, before + 389);

  /* The page reloads: the month shows the imported Lent term. */
  {
    GDate day;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 20, G_DATE_JANUARY, 2027);
    show_month_of (view, &day);
    PL_TEST_WAIT_FOR (day_mentions (view, &day, "Full Lent term"));
  }

  /* Importing it again adds nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.import-file", "(sss)", cam,
                              "partner:Humber Estuary College", "term");
  PL_TEST_WAIT_FOR (!pl_calendar_page_get_busy (f->page));
  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD), ==, before + 389);

  /* A bad owner changes nothing and says why (in a toast). */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.import-file", "(sss)", cam,
                              "partner:Nowhere", "term");
  PL_TEST_WAIT_FOR (!pl_calendar_page_get_busy (f->page));
  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD), ==, before + 389);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.export-file", "s",
                                             out));
  PL_TEST_WAIT_FOR (!pl_calendar_page_get_busy (f->page));
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));

  calendar = icalparser_parse_string (contents);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    n_events++;
  g_assert_cmpuint (n_events, >, 14);
  icalcomponent_free (calendar);
}

/* Whether a label of @widget's tree shows text that holds @part. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, part))
      return TRUE;

  return FALSE;
}

/* A refused calendar is named in the toast as it is everywhere: the whole
 * path, the line, the reason; and the database is as it was. */
static void
test_import_error_names_path (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->gui.dir, "staff leave.ics", NULL);
  g_autofree char *expected = NULL;
  gint64 before = pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD);

  g_assert_true (g_file_set_contents (bad,
                                      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                                      "UID:a@example\r\nDESCRIPTION:\r\n"
                                      "DTSTART;VALUE=DATE:20271304\r\nEND:VEVENT\r\n"
                                      "END:VCALENDAR\r\n", -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.import-file", "(sss)", bad, "all",
                              "unavailable");
  PL_TEST_WAIT_FOR (!pl_calendar_page_get_busy (f->page));
  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD), ==, before);

  expected = g_strdup_printf ("%s:6: DTSTART: “20271304” is not a date", bad);
  PL_TEST_WAIT_FOR (shows_text (GTK_WIDGET (f->window), expected));
}

/* The toast after an import says how many free events it left out. */
static void
test_import_says_free_left_out (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->gui.dir, "shifts.ics", NULL);
  gint64 before = pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD);

  g_assert_true (g_file_set_contents (path,
                                      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                      "BEGIN:VEVENT\r\nUID:busy@example\r\n"
                                      "DTSTART;VALUE=DATE:20270301\r\nEND:VEVENT\r\n"
                                      "BEGIN:VEVENT\r\nUID:free1@example\r\nTRANSP:TRANSPARENT\r\n"
                                      "DTSTART;VALUE=DATE:20270302\r\nEND:VEVENT\r\n"
                                      "BEGIN:VEVENT\r\nUID:free2@example\r\nTRANSP:TRANSPARENT\r\n"
                                      "DTSTART;VALUE=DATE:20270303\r\nEND:VEVENT\r\n"
                                      "END:VCALENDAR\r\n", -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "calendar.import-file", "(sss)", path, "all",
                              "unavailable");
  PL_TEST_WAIT_FOR (!pl_calendar_page_get_busy (f->page));
  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD), ==, before + 1);
  PL_TEST_WAIT_FOR (shows_text (GTK_WIDGET (f->window),
                                "1 new, 0 updated; 2 events marked free (TRANSP:TRANSPARENT) left "
                                "out: they block no one"));
}

static void
test_period_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PlCalendarFilter filter = { 0 };
  PlPeriodDialog *dialog;
  gint64 employer_id;
  gint64 before = pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD);
  g_autoptr(PlRecord) employer = NULL;

  employer = pl_store_find_by_name (f->gui.store, PL_TYPE_EMPLOYER, "The Saltmarsh Table", &error);
  g_assert_no_error (error);
  employer_id = pl_record_get_id (employer);
  filter.employer_id = employer_id;

  /* A new period for the chosen employer: a blackout, once filled in. */
  dialog = pl_period_dialog_new (f->gui.context, 0, &filter, NULL);
  g_object_ref_sink (dialog);
  g_assert_false (pl_period_dialog_save (dialog, &error));
  g_clear_error (&error);

  pl_period_dialog_fill (dialog, "blackout", "Kitchen refit", -1, 0, "2027-02-08", "2027-02-01");
  g_assert_false (pl_period_dialog_save (dialog, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before"));
  g_clear_error (&error);
  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD), ==, before);

  pl_period_dialog_fill (dialog, NULL, NULL, -1, 0, NULL, "2027-02-19");
  g_assert_true (pl_period_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD), ==, before + 1);

  {
    g_autoptr(GPtrArray) periods = NULL;
    PlPeriod *period;
    GDate from, to;

    pl_date_parse ("2027-02-08", &from);
    pl_date_parse ("2027-02-09", &to);
    periods = pl_store_calendar_list_affecting (f->gui.store, PL_OWNER_EMPLOYER, employer_id,
                                          PL_PERIOD_BLACKOUT, &from, &to, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (periods->len, ==, 1);
    period = g_ptr_array_index (periods, 0);
    g_assert_cmpstr (period->label, ==, "Kitchen refit");

    /* The page shows it: the month of 8 February is hatched there. */
    show_month_of (pl_calendar_page_get_month_view (f->page), &from);
    PL_TEST_WAIT_FOR (day_mentions (pl_calendar_page_get_month_view (f->page), &from,
                                    "Kitchen refit"));

    /* Editing it changes the same row. */
    dialog = pl_period_dialog_new (f->gui.context, period->id, NULL, NULL);
    g_object_ref_sink (dialog);
    pl_period_dialog_fill (dialog, NULL, "Kitchen refit (longer)", -1, 0, NULL, "2027-02-26");
    g_assert_true (pl_period_dialog_save (dialog, &error));
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_object_unref (dialog);
    g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_CALENDAR_PERIOD), ==, before + 1);
    {
      g_autoptr(PlRecord) record = pl_store_get (f->gui.store, PL_TYPE_CALENDAR_PERIOD, period->id,
                                                 &error);

      g_assert_cmpstr (pl_record_get_string (record, "end_date"), ==, "2027-02-26");
      g_assert_cmpstr (pl_record_get_string (record, "label"), ==, "Kitchen refit (longer)");
    }
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/calendar/placements-in-cells", test_placements_in_cells);
  ADD ("/gui/calendar/cancelled-hidden", test_cancelled_hidden);
  ADD ("/gui/calendar/filter-and-description", test_filter_and_description);
  ADD ("/gui/calendar/navigation", test_navigation);
  ADD ("/gui/calendar/day-popover-periods", test_day_popover_periods);
  ADD ("/gui/calendar/import-export", test_import_export);
  ADD ("/gui/calendar/import-error-names-path", test_import_error_names_path);
  ADD ("/gui/calendar/import-says-free-left-out", test_import_says_free_left_out);
  ADD ("/gui/calendar/period-dialog", test_period_dialog);

#undef ADD

  return g_test_run ();
}
