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
 *   bench-start --db PATH|URI [--type WORD [--page NAME[=WORD]]... [--erase] [--repeat N]
 *               [--filter]]
 *   bench-start --empty
 *
 * The program runs the real application, PlApplication as src/app/main.c
 * does, with --db; it only listens: the first "after-paint" of the window's
 * frame clock is the first frame. The clock starts before the program
 * execs itself, so dynamic linking and GTK's start count, as when a person
 * starts the app. --empty shows an empty libadwaita window instead, the
 * floor any GTK 4 app pays, timed the same way as an anchor.
 *
 * With --type, once the window has settled it shows each --page in turn
 * (placements, employers, staff, partners, groups; the Placements page when
 * none is given), types WORD (or the page's own) into its search field a
 * letter at a time (with GTK's search delay set to 0, so that the figures
 * are the work, not the wait) and waits after each letter until the list
 * has been filtered and a frame drawn. --erase then deletes the word a
 * letter at a time, timed the same way, back to the whole list; --repeat
 * does all that N times. With --filter, on the Placements page, the first
 * row is then selected and each status of the status filter picked and
 * "Any status" again, as many times, each change timed the same way. With
 * --idle, the pages are shown only once the start's background reads (the
 * Overview's lists and figures) are done, as a person who reads the
 * Overview first finds them; without it, at once. The pages are reached
 * as a person does: the window's win.show-page, then the page's own search
 * action (<primary>F).
 * Needs a display (xvfb-run). Prints figures and a RESULT line of
 * key=value pairs for bench/shared.sh and bench/keys.sh: the first page's
 * figures as before, and for each page NAME_p50_ms, NAME_p95_ms,
 * NAME_max_ms, every keystroke in NAME_keys_ms and its CPU time in
 * NAME_cpu_keys_ms (comma-separated), and every filter change in
 * filter_ms and cpu_filter_ms;
 * not part of `meson test`.
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
#include "pl-list-page.h"
#include "pl-placements-page.h"
#include "pl-store-job.h"
#include "pl-window.h"

#define T0_VARIABLE "PL_BENCH_START_T0"

static gint64 t0;
static char *type_word;
static char **type_pages;
static gboolean erase;
static gboolean filter;
static gboolean idle_first;
static int repeat = 1;
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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile @p (0 to 100) of sorted @values. */
static double
percentile (GArray *values,
            double  p)
{
  guint rank = (guint) ((p / 100.0) * values->len + 0.999999);

  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

/* The first descendant of @widget (itself included) of @type. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list view of @widget (itself included) showing @list: a drop-down's
 * popover holds a list view of its own. */
static GtkWidget *
find_list_view (GtkWidget  *widget,
                GListModel *list)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

      if (GTK_IS_SINGLE_SELECTION (model) &&
          gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)) == list)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child, list);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The drop-down of @widget (itself included) whose first choice is
 * @label: the editor holds drop-downs too. */
static GtkWidget *
find_drop_down (GtkWidget  *widget,
                const char *label)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *choices = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
      g_autoptr(GObject) first = choices != NULL ? g_list_model_get_item (choices, 0) : NULL;

      if (GTK_IS_STRING_OBJECT (first) &&
          g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (first)), label) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drop_down (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The rows the page lists after its search and filters. */
static GListModel *
page_list (GtkWidget *page)
{
  GtkWidget *view;

  if (PL_IS_PLACEMENTS_PAGE (page))
    return pl_placements_page_get_list (PL_PLACEMENTS_PAGE (page));
  if (PL_IS_LIST_PAGE (page))
    return pl_list_page_get_model (PL_LIST_PAGE (page));
  /* The Groups page: what its column view shows. */
  view = find_descendant (page, GTK_TYPE_COLUMN_VIEW);
  return view != NULL ? G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view))) : NULL;
}

/* The page's search field, focused as <primary>F focuses it. */
static GtkWidget *
focus_search (GtkWidget *window,
              GtkWidget *page)
{
  static const char * const actions[] = { "page.focus-search", "page.search", "groups.find" };
  GtkWidget *focus;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (gtk_widget_activate_action (page, actions[i], NULL))
      break;
  settle (window);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  return focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) : NULL;
}

/* One keystroke: a letter inserted at the end, or (@letter NULL) the last
 * one deleted, timed until the list is filtered and a frame drawn. */
static double
keystroke (GtkWidget  *window,
           GtkWidget  *entry,
           const char *letter,
           double     *cpu_used)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  int length = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

  /* One letter inserted or deleted, as a key press does; setting the whole
   * text would empty the field first and show every row in between. */
  if (letter != NULL)
    gtk_editable_insert_text (GTK_EDITABLE (entry), letter, 1, &length);
  else
    gtk_editable_delete_text (GTK_EDITABLE (entry), length - 1, length);
  settle (window);
  *cpu_used = cpu_ms () - cpu_start;
  return ms_since (start);
}

/* One pick in a drop-down, timed until the list is filtered and a frame
 * drawn. */
static double
pick (GtkWidget   *window,
      GtkDropDown *dropdown,
      guint        position,
      double      *cpu_used)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();

  gtk_drop_down_set_selected (dropdown, position);
  settle (window);
  *cpu_used = cpu_ms () - cpu_start;
  return ms_since (start);
}

/* With a row selected, each status of the status filter and "Any status"
 * again after each. */
static void
change_filters (GtkWidget  *window,
                GtkWidget  *page,
                GListModel *list)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GString) cpu_changes = g_string_new (NULL);
  GtkWidget *dropdown = find_drop_down (page, g_dgettext (GETTEXT_PACKAGE, "Any status"));
  GtkWidget *view = find_list_view (page, list);
  GListModel *statuses;

  if (dropdown == NULL || view == NULL)
    {
      g_printerr ("bench-start: no status filter or list view on the Placements page\n");
      finish (1);
    }
  statuses = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  if (g_list_model_get_n_items (list) > 0)
    gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (view)), 0, TRUE);
  settle (window);

  for (int round = 0; round < repeat; round++)
    for (guint status = 1; status < g_list_model_get_n_items (statuses); status++)
      for (guint back = 0; back < 2; back++)
        {
          guint position = back ? 0 : status;
          g_autoptr(GtkStringObject) label = g_list_model_get_item (statuses, position);
          double cpu, ms = pick (window, GTK_DROP_DOWN (dropdown), position, &cpu);

          g_array_append_val (wall, ms);
          g_string_append_printf (changes, "%s%.1f", changes->len > 0 ? "," : "", ms);
          g_string_append_printf (cpu_changes, "%s%.1f", cpu_changes->len > 0 ? "," : "", cpu);
          g_print ("  %-36s %8.1f ms (cpu %.1f), %u shown\n",
                   gtk_string_object_get_string (label), ms, cpu, g_list_model_get_n_items (list));
        }
  if (wall->len == 0)
    return;

  g_array_sort (wall, compare_doubles);
  g_string_append_printf (result_line, " filter_ms=%s cpu_filter_ms=%s", changes->str,
                          cpu_changes->str);
  g_print ("  %-36s p50 %.1f ms, p95 %.1f ms of %u changes\n", "status filter",
           percentile (wall, 50), percentile (wall, 95), wall->len);
}

static void
type_into_page (GtkWidget  *window,
                const char *name,
                const char *word,
                gboolean    first)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GString) cpu_keys = g_string_new (NULL);
  GtkWidget *page;
  GtkWidget *entry;
  GListModel *list;
  gint64 start;
  double cpu_start, ms, cpu_key, key1_ms = 0, key1_cpu = 0;

  /* A page is built when first shown: that is timed with the switch. */
  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  gtk_widget_activate_action (window, "win.show-page", "s", name);
  settle (window);
  ms = ms_since (start);
  if ((page = pl_window_get_page (PL_WINDOW (window), name)) == NULL)
    {
      g_printerr ("bench-start: the window has no page “%s”\n", name);
      finish (1);
    }
  list = page_list (page);
  g_print ("  showing the %-23s %8.1f ms (cpu %.1f), %u rows\n", name, ms,
           cpu_ms () - cpu_start, list != NULL ? g_list_model_get_n_items (list) : 0);
  if (first)
    g_string_append_printf (result_line, " page_ms=%.1f", ms);
  g_string_append_printf (result_line, " %s_page_ms=%.1f", name, ms);

  entry = focus_search (window, page);
  if (entry == NULL || list == NULL)
    {
      g_printerr ("bench-start: no search field or list on the page “%s”\n", name);
      finish (1);
    }
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);

  for (int round = 0; round < repeat; round++)
    {
      for (const char *letter = word; *letter != '\0'; letter++)
        {
          ms = keystroke (window, entry, letter, &cpu_key);
          if (wall->len == 0)
            key1_ms = ms, key1_cpu = cpu_key;
          g_array_append_val (wall, ms);
          g_string_append_printf (keys, "%s%.1f", keys->len > 0 ? "," : "", ms);
          g_string_append_printf (cpu_keys, "%s%.1f", cpu_keys->len > 0 ? "," : "", cpu_key);
          g_print ("  %-36s %8.1f ms (cpu %.1f), %u shown\n",
                   gtk_editable_get_text (GTK_EDITABLE (entry)), ms, cpu_key,
                   g_list_model_get_n_items (list));
          if (first && round == 0)
            g_string_append_printf (result_line, " shown%td=%u", letter - word + 1,
                                    g_list_model_get_n_items (list));
        }
      while (erase && *gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
        {
          ms = keystroke (window, entry, NULL, &cpu_key);
          g_array_append_val (wall, ms);
          g_string_append_printf (keys, ",%.1f", ms);
          g_string_append_printf (cpu_keys, ",%.1f", cpu_key);
          g_print ("  %-36s %8.1f ms (cpu %.1f), %u shown\n", "(backspace)", ms, cpu_key,
                   g_list_model_get_n_items (list));
        }
    }
  if (filter && PL_IS_PLACEMENTS_PAGE (page))
    change_filters (window, page, list);
  if (wall->len == 0)
    return;

  g_array_sort (wall, compare_doubles);
  if (first)
    {
      g_string_append_printf (result_line, " key1_ms=%.1f key1_cpu_ms=%.1f", key1_ms, key1_cpu);
      g_string_append_printf (result_line, " key_median_ms=%.1f key_max_ms=%.1f keys=%u",
                              g_array_index (wall, double, wall->len / 2),
                              g_array_index (wall, double, wall->len - 1), wall->len);
    }
  g_string_append_printf (result_line, " %s_p50_ms=%.1f %s_p95_ms=%.1f %s_max_ms=%.1f %s_keys_ms=%s",
                          name, percentile (wall, 50), name, percentile (wall, 95),
                          name, g_array_index (wall, double, wall->len - 1), name, keys->str);
  g_string_append_printf (result_line, " %s_cpu_keys_ms=%s", name, cpu_keys->str);
  g_print ("  %-36s p50 %.1f ms, p95 %.1f ms of %u keystrokes\n", name,
           percentile (wall, 50), percentile (wall, 95), wall->len);
}

static void
type_into_pages (GtkWidget *window)
{
  static const char * const placements_only[] = { "placements", NULL };
  const char * const *pages = type_pages != NULL ? (const char * const *) type_pages : placements_only;

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_auto(GStrv) name_word = g_strsplit (pages[i], "=", 2);

      type_into_page (window, name_word[0], name_word[1] != NULL ? name_word[1] : type_word != NULL ? type_word : "",
                      i == 0);
    }
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

  if (idle_first)
    {
      PlStore *store = pl_context_get_store (pl_window_get_context (PL_WINDOW (window)));
      gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      /* As a person who reads the Overview before going on would find it. */
      start = g_get_monotonic_time ();
      while (pl_store_get_n_running_jobs (store) > 0 && g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      settle (window);
      g_print ("  %-36s %8.1f ms more\n", "background reads done", ms_since (start));
      g_string_append_printf (result_line, " idle_ms=%.1f", (g_get_monotonic_time () - t0) / 1e3);
    }

  if (type_word != NULL || type_pages != NULL)
    type_into_pages (window);
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
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_word, "Type WORD into the pages' search", "WORD" },
    { "page", 0, 0, G_OPTION_ARG_STRING_ARRAY, &type_pages, "A page to type into (placements by default), with its own word", "NAME[=WORD]" },
    { "erase", 0, 0, G_OPTION_ARG_NONE, &erase, "Delete the word again a letter at a time", NULL },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Type (and erase) the word N times", "N" },
    { "filter", 0, 0, G_OPTION_ARG_NONE, &filter, "Change the Placements page's status filter too", NULL },
    { "idle", 0, 0, G_OPTION_ARG_NONE, &idle_first, "Wait for the start's background reads before showing pages", NULL },
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
      g_printerr ("usage: bench-start --db PATH|URI [--type WORD [--page NAME[=WORD]]... [--erase] [--repeat N] [--filter]] | --empty\n");
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
