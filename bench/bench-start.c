/* bench/bench-start.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the app takes from being started to its first frame, and a
 * keystroke in a list's search field after that, on any database (a file or
 * a postgresql:// URI):
 *
 *   bench-start --db PATH|URI [--type WORD] [--page NAME] [--switch]
 *   bench-start --empty
 *
 * The program runs the real application, PlApplication as src/app/main.c
 * does, with --db; it only listens: the first "after-paint" of the window's
 * frame clock is the first frame. The clock starts before the program
 * execs itself, so dynamic linking and GTK's start count, as when a person
 * starts the app. --empty shows an empty libadwaita window instead, the
 * floor any GTK 4 app pays, timed the same way as an anchor.
 *
 * With --type, once the window has settled it shows the Placements page,
 * types WORD into its search field a letter at a time (with GTK's search
 * delay set to 0, so that the figures are the work, not the wait) and
 * waits after each letter until the list has been filtered and a frame
 * drawn, then empties the field the same way. --page types into another
 * page's search field (employers, staff, partners, groups) instead.
 * --switch first shows each list page twice in turn and times each switch
 * to the first frame drawn after it. Needs a display (xvfb-run). Prints figures and a RESULT line of
 * key=value pairs for bench/shared.sh; not part of `meson test`.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <adwaita.h>

#include "pl-application.h"
#include "pl-placements-page.h"
#include "pl-window.h"

#define T0_VARIABLE "PL_BENCH_START_T0"

static gint64 t0;
static char *type_word;
static char *type_page;
static gboolean switch_pages;
static GString *result_line;

static double
cpu_ms (void)
{
  struct rusage usage;

  /* The process's own, across the exec: the server's time is not in it. */
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
         usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

/* The main thread's alone: what a keystroke costs the window, whatever
 * else runs beside it. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
finish (int status)
{
  g_print ("RESULT%s\n", result_line->str);
  fflush (stdout);
  /* Nothing to save: leave at once rather than time the teardown. */
  _exit (status);
}

/* Lets the main loop do all it has to and one more frame be drawn. */
static void
settle (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  gtk_widget_queue_draw (window);
  while (gdk_frame_clock_get_frame_counter (clock) == frame && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits for the next frame drawn, leaving what is idle for later. */
static void
next_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (window);
  while (gdk_frame_clock_get_frame_counter (clock) == frame && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The first descendant of @widget of @type, depth first. */
static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The rows a page's list shows, whatever its kind of list. */
static guint
rows_shown (GtkWidget *page)
{
  GtkWidget *view;
  GListModel *model = NULL;

  if (PL_IS_PLACEMENTS_PAGE (page))
    model = pl_placements_page_get_list (PL_PLACEMENTS_PAGE (page));
  else if ((view = find_child (page, GTK_TYPE_COLUMN_VIEW)) != NULL)
    model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static void
switch_between_pages (GtkWidget *window)
{
  /* Not the Overview, which has work of its own at each showing. */
  static const char * const pages[] = { "placements", "employers", "staff", "partners",
                                        "groups" };

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        gint64 start = g_get_monotonic_time ();
        double main_start = thread_cpu_ms (), frame_ms, frame_cpu, ms;

        /* To the first frame that shows it, then until all is idle. */
        gtk_widget_activate_action (window, "win.show-page", "s", pages[i]);
        next_frame (window);
        frame_ms = ms_since (start);
        frame_cpu = thread_cpu_ms () - main_start;
        settle (window);
        ms = ms_since (start);
        g_print ("  %-36s %8.1f ms to a frame (main thread %.1f), %.1f ms settled\n", pages[i],
                 frame_ms, frame_cpu, ms);
        g_string_append_printf (result_line, " switch%u_%s_ms=%.1f", round + 1, pages[i],
                                frame_ms);
      }
}

static void
type_into_placements (GtkWidget *window)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  const char *name = type_page != NULL ? type_page : "placements";
  GtkWidget *page = pl_window_get_page (PL_WINDOW (window), name);
  GtkWidget *entry;
  gint64 start;
  double cpu_start, ms;

  start = g_get_monotonic_time ();
  cpu_start = thread_cpu_ms ();
  gtk_widget_activate_action (window, "win.show-page", "s", name);
  settle (window);
  ms = ms_since (start);
  g_print ("  showing the %-23s %8.1f ms (main thread %.1f), %u rows\n", name, ms,
           thread_cpu_ms () - cpu_start, rows_shown (page));
  g_string_append_printf (result_line, " page_ms=%.1f", ms);

  /* The page's own search field, as <primary>F reaches it. */
  if (PL_IS_PLACEMENTS_PAGE (page))
    gtk_widget_activate_action (page, "page.focus-search", NULL);
  else if (g_str_equal (name, "groups"))
    gtk_widget_activate_action (page, "groups.find", NULL);
  else
    gtk_widget_activate_action (page, "page.search", NULL);
  settle (window);
  entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert (entry != NULL);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);

  for (size_t i = 1; i <= strlen (type_word); i++)
    {
      g_autofree char *text = g_strndup (type_word, i);
      int position = (int) i - 1;
      double wall_ms, cpu_key, main_start = thread_cpu_ms (), main_key;

      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      /* One letter inserted, as a key press does; setting the whole text
       * would empty the field first and show every row in between. */
      gtk_editable_insert_text (GTK_EDITABLE (entry), type_word + i - 1, 1, &position);
      settle (window);

      wall_ms = ms_since (start);
      cpu_key = cpu_ms () - cpu_start;
      main_key = thread_cpu_ms () - main_start;
      g_array_append_val (wall, wall_ms);
      g_array_append_val (cpu, cpu_key);
      g_print ("  %-36s %8.1f ms (cpu %.1f, main thread %.1f), %u shown\n", text, wall_ms,
               cpu_key, main_key, rows_shown (page));
      g_string_append_printf (result_line, " shown%zu=%u", i, rows_shown (page));
    }
  g_string_append_printf (result_line, " key1_ms=%.1f key1_cpu_ms=%.1f",
                          g_array_index (wall, double, 0), g_array_index (cpu, double, 0));
  g_array_sort (wall, compare_doubles);
  g_string_append_printf (result_line, " key_median_ms=%.1f key_max_ms=%.1f keys=%u",
                          g_array_index (wall, double, wall->len / 2),
                          g_array_index (wall, double, wall->len - 1), wall->len);

  /* Emptied at once, as select-all and Backspace do. */
  start = g_get_monotonic_time ();
  cpu_start = thread_cpu_ms ();
  gtk_editable_delete_text (GTK_EDITABLE (entry), 0, -1);
  settle (window);
  ms = ms_since (start);
  g_print ("  %-36s %8.1f ms (main thread %.1f), %u shown\n", "(cleared)", ms,
           thread_cpu_ms () - cpu_start, rows_shown (page));
  g_string_append_printf (result_line, " clear_ms=%.1f", ms);
}

static gboolean
after_first_frame (gpointer data)
{
  GtkWidget *window = data;
  gint64 start = g_get_monotonic_time ();

  /* What the window does in idle time once shown (reading ahead). */
  settle (window);
  g_print ("  %-36s %8.1f ms more\n", "settled", ms_since (start));
  g_string_append_printf (result_line, " settled_ms=%.1f", (g_get_monotonic_time () - t0) / 1e3);

  if (switch_pages)
    switch_between_pages (window);
  if (type_word != NULL)
    type_into_placements (window);
  finish (0);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  double ms = (g_get_monotonic_time () - t0) / 1e3;
  double cpu = cpu_ms ();

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  g_print ("  %-36s %8.1f ms (cpu %.1f)\n", "start to first frame", ms, cpu);
  g_string_append_printf (result_line, " first_frame_ms=%.1f first_frame_cpu_ms=%.1f", ms, cpu);
  g_idle_add_full (G_PRIORITY_LOW, after_first_frame, window, NULL);
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        empty)
{
  if (!empty && !PL_IS_WINDOW (window))
    {
      /* The dialog saying the database could not be opened. */
      g_printerr ("bench-start: the app did not open its main window\n");
      finish (1);
    }
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

static void
on_empty_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Empty");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GApplication) app = NULL;
  g_autofree char *db = NULL;
  const char *t0_text = g_getenv (T0_VARIABLE);
  gboolean empty = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database (file or postgresql:// URI)", "PATH" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_word, "Type WORD into the Placements search", "WORD" },
    { "page", 0, 0, G_OPTION_ARG_STRING, &type_page, "Type into this page's search instead", "NAME" },
    { "switch", 0, 0, G_OPTION_ARG_NONE, &switch_pages, "Time switches between the list pages", NULL },
    { "empty", 0, 0, G_OPTION_ARG_NONE, &empty, "An empty libadwaita window instead", NULL },
    { NULL }
  };

  /* Start the clock, then start again as a person's launcher would. */
  if (t0_text == NULL)
    {
      g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());

      g_setenv (T0_VARIABLE, now, TRUE);
      execv ("/proc/self/exe", argv);
      g_printerr ("bench-start: could not run itself again: %s\n", g_strerror (errno));
      return 1;
    }
  t0 = g_ascii_strtoll (t0_text, NULL, 10);

  options = g_option_context_new (NULL);
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || (db == NULL) == !empty)
    {
      g_printerr ("usage: bench-start --db PATH|URI [--type WORD] | --empty\n");
      return 2;
    }
  result_line = g_string_new (NULL);

  if (empty)
    {
      app = G_APPLICATION (adw_application_new ("org.example.PlacementsBenchEmpty",
                                                G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (on_empty_activate), NULL);
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), GINT_TO_POINTER (1));
      return g_application_run (app, 0, NULL);
    }
  else
    {
      char *app_argv[] = { (char *) "placements", (char *) "--db", db, NULL };

      app = G_APPLICATION (pl_application_new (APP_ID, G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
      return g_application_run (app, 3, app_argv);
    }
}
