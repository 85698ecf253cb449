/* bench-directory.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the Employers and Staff pages cope with a large network: fills a
 * database (20,000 employers and 50,000 staff by default), opens the real
 * pages on it in a window, and times what a person does — typing into the
 * search field a letter at a time, choosing a filter, sorting by a column,
 * editing a field — including the main loop's work after each step. Needs a
 * display (run it under xvfb-run). Not part of `meson test`: speed is
 * reported, not asserted.
 *
 *   bench-directory [--employers N] [--staff N] [--db PATH] [--keep]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pl-attention.h"
#include "pl-context.h"
#include "pl-date.h"
#include "pl-employers-page.h"
#include "pl-evidence.h"
#include "pl-staff-page.h"
#include "pl-store.h"
#include "pl-test-sqlite.h"

static const char * const first_words[] = {
  "Quay", "Harbour", "Anchor", "North", "South", "Bright", "Green", "Old", "Mill", "River",
  "Castle", "Bridge", "Park", "Hill", "Vale", "Wharf", "Dock", "Field", "Stone", "Oak",
  "Humber", "Marsh", "Beacon", "Cliff", "Meadow", "Foundry", "Lantern", "Saltmarsh", "Keel", "Wold",
};
static const char * const trades[] = {
  "Kitchen", "Hotel", "Bakery", "Builders", "Media", "Software", "Salon", "Farm Shop", "Freight",
  "Care Home", "Engineering", "Design", "Accountancy", "Garage", "Printworks", "Dental Practice",
};
static const char * const given[] = {
  "Amira", "Ben", "Chloe", "Daniel", "Ellie", "Faisal", "Grace", "Hamish", "Imran", "Jodie",
  "Kieran", "Liam", "Mei", "Nadia", "Owen", "Priya", "Rhys", "Sofia", "Tomasz", "Yusuf",
};
static const char * const family[] = {
  "Okafor", "Bello", "Adamson", "Okonkwo", "Fraser", "Rahman", "Mensah", "Lawrie", "Siddiqui",
  "Kaur", "Ashworth", "Oduya", "Chan", "Hussain", "Pryce", "Nair", "Evans", "Rossi", "Nowak", "Ali",
};
static const char * const titles[] = {
  "Lecturer in Catering", "Course Leader, IT", "Lecturer in Construction", "Head of Department",
  "Lecturer in Media", "Skills Trainer", "Curriculum Manager", "Assessor",
};

/* The process's CPU time, not the wall clock: on a shared machine the
 * wall clock counts other programs too. Both are reported. */
static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
monotonic_us (void)
{
  return g_get_monotonic_time ();
}

static void
check (int      rc,
       sqlite3 *db)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("%s", sqlite3_errmsg (db));
}

/* A quick, deterministic fill through prepared statements in one
 * transaction (the triggers keep the search index as the app's writes do). */
static void
fill (PlStore *store,
      guint    n_employers,
      guint    n_staff)
{
  sqlite3 *db = pl_store_get_sqlite (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  sqlite3_stmt *stmt;
  static const char * const stages[] = { "prospect", "contacted", "warm", "host", "lapsed" };
  static const char * const kinds[] = { "insurance", "health_safety_policy", "risk_assessment", "agreement" };
  guint n_partners = 20;

  pl_store_begin (store, NULL);

  check (sqlite3_prepare_v2 (db, "INSERT INTO partner (name, region) VALUES (?1, 'Yorkshire')",
                             -1, &stmt, NULL), db);
  for (guint i = 0; i < n_partners; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s College %u", first_words[i % G_N_ELEMENTS (first_words)], i + 1);

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (stmt), db);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  check (sqlite3_prepare_v2 (db,
                             "INSERT INTO staff (partner_id, name, job_title, email, sector_id, teaching_days) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &stmt, NULL), db);
  for (guint i = 0; i < n_staff; i++)
    {
      const char *g = given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))];
      const char *f = family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))];
      g_autofree char *name = g_strdup_printf ("%s %s %u", g, f, i + 1);
      g_autofree char *email = g_strdup_printf ("%c.%s%u@college.example.ac.uk", g_ascii_tolower (g[0]),
                                                f, i + 1);

      sqlite3_bind_int (stmt, 1, 1 + i % n_partners);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, titles[i % G_N_ELEMENTS (titles)], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, email, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, 1 + g_rand_int_range (rand, 0, 15));
      sqlite3_bind_int (stmt, 6, g_rand_int_range (rand, 0, 32));
      check (sqlite3_step (stmt), db);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  check (sqlite3_prepare_v2 (db,
                             "INSERT INTO employer (name, sector_id, relationship, owner_id, postcode, "
                             "contact_name, notes) VALUES (?1, ?2, ?3, ?4, 'HU1 1AA', ?5, ?6)",
                             -1, &stmt, NULL), db);
  for (guint i = 0; i < n_employers; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %s %u",
                                               first_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_words))],
                                               first_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_words))],
                                               trades[g_rand_int_range (rand, 0, G_N_ELEMENTS (trades))], i + 1);
      g_autofree char *contact = g_strdup_printf ("%s %s", given[i % G_N_ELEMENTS (given)],
                                                  family[(i / 7) % G_N_ELEMENTS (family)]);

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, 1 + g_rand_int_range (rand, 0, 15));
      sqlite3_bind_text (stmt, 3, stages[g_rand_int_range (rand, 0, G_N_ELEMENTS (stages))], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, 1 + g_rand_int_range (rand, 0, n_staff));
      sqlite3_bind_text (stmt, 5, contact, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, "Interested in hosting; prefers spring dates.", -1, SQLITE_STATIC);
      check (sqlite3_step (stmt), db);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  /* Two contacts and two documents an employer, on average. */
  check (sqlite3_prepare_v2 (db,
                             "INSERT INTO contact (employer_id, staff_id, contact_date, channel, summary, follow_up) "
                             "VALUES (?1, ?2, ?3, 'call', 'Talked about dates', ?4)", -1, &stmt, NULL), db);
  for (guint i = 0; i < n_employers * 2; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 12),
                                               g_rand_int_range (rand, 1, 29));
      g_autofree char *follow = g_strdup_printf ("2026-12-%02d", g_rand_int_range (rand, 1, 29));

      sqlite3_bind_int (stmt, 1, 1 + g_rand_int_range (rand, 0, n_employers));
      sqlite3_bind_int (stmt, 2, 1 + g_rand_int_range (rand, 0, n_staff));
      sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
      if (g_rand_boolean (rand))
        sqlite3_bind_text (stmt, 4, follow, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 4);
      check (sqlite3_step (stmt), db);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  check (sqlite3_prepare_v2 (db,
                             "INSERT INTO employer_document (employer_id, kind, reference, expires_on) "
                             "VALUES (?1, ?2, 'On file', ?3)", -1, &stmt, NULL), db);
  for (guint i = 0; i < n_employers * 2; i++)
    {
      g_autofree char *expires = g_strdup_printf ("%d-06-30", g_rand_int_range (rand, 2025, 2029));

      sqlite3_bind_int (stmt, 1, 1 + g_rand_int_range (rand, 0, n_employers));
      sqlite3_bind_text (stmt, 2, kinds[g_rand_int_range (rand, 0, 4)], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, expires, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (stmt), db);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  pl_store_commit (store, NULL);
}

/* Lets the main loop do all it has to (filtering, layout of the rows on
 * screen) and a frame be drawn. */
static void
settle (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 frame = clock ? gdk_frame_clock_get_frame_counter (clock) : 0;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  /* One frame after the change, so that its layout counts. */
  if (clock != NULL)
    {
      gtk_widget_queue_draw (window);
      while (gdk_frame_clock_get_frame_counter (clock) == frame && g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
    }
}

typedef struct
{
  gint64 wall;
  gint64 cpu;
} Clock;

static Clock
clock_start (void)
{
  return (Clock) { monotonic_us (), cpu_us () };
}

static double
ms_since (gint64 start)
{
  return (monotonic_us () - start) / 1000.0;
}

/* Elapsed time, as "12.3 ms (cpu 4.5)". */
static char *
elapsed (Clock start)
{
  return g_strdup_printf ("%8.2f ms (cpu %7.2f)", (monotonic_us () - start.wall) / 1000.0,
                          (cpu_us () - start.cpu) / 1000.0);
}

static void
report (const char *label,
        Clock       start)
{
  g_autofree char *time = elapsed (start);

  printf ("  %-44s %s\n", label, time);
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report_typing (const char *label,
               GArray     *times)
{
  double total = 0;

  for (guint i = 0; i < times->len; i++)
    total += g_array_index (times, double, i);
  g_array_sort (times, compare_double);
  printf ("  %-44s cpu: median %6.2f ms, max %7.2f ms, mean %6.2f ms (%u keys)\n", label,
          g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len - 1),
          total / times->len, times->len);
}

/* Types @word a letter at a time, then deletes it a letter at a time. */
static void
type_word (PlListPage *page,
           GtkWidget  *window,
           const char *word,
           GArray     *typing,
           GArray     *erasing)
{
  PlRecordFilter *filter = pl_list_page_get_filter (page);
  size_t n = strlen (word);

  for (size_t i = 1; i <= n; i++)
    {
      g_autofree char *text = g_strndup (word, i);
      gint64 start = monotonic_us ();
      gint64 cpu = cpu_us ();
      double ms, filter_ms;

      pl_record_filter_set_search_text (filter, text, NULL);
      filter_ms = ms_since (start);
      settle (window);
      ms = (cpu_us () - cpu) / 1000.0;
      g_array_append_val (typing, ms);
      if (g_getenv ("BENCH_VERBOSE"))
        printf ("    \"%s\": %u shown, filter %.2f ms, total %.2f ms\n", text,
                g_list_model_get_n_items (pl_list_page_get_model (page)), filter_ms, ms);
    }

  for (size_t i = n; i-- > 0;)
    {
      g_autofree char *text = g_strndup (word, i);
      gint64 start = monotonic_us ();
      gint64 cpu = cpu_us ();
      double ms, filter_ms;

      pl_record_filter_set_search_text (filter, text, NULL);
      filter_ms = ms_since (start);
      settle (window);
      ms = (cpu_us () - cpu) / 1000.0;
      g_array_append_val (erasing, ms);
      if (g_getenv ("BENCH_VERBOSE"))
        printf ("    \"%s\": %u shown, filter %.2f ms, total %.2f ms\n", text,
                g_list_model_get_n_items (pl_list_page_get_model (page)), filter_ms, ms);
    }
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);

  return n;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
bench_page (PlContext  *context,
            GType       type,
            const char *title,
            const char * const *words)
{
  g_autoptr(GArray) typing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) erasing = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  PlListPage *page;
  GtkColumnView *view;
  GListModel *columns;
  Clock start;
  long rss_before = rss_kb ();

  printf ("%s (%u rows)\n", title,
          (guint) pl_store_count (pl_context_get_store (context),
                                  type == PL_TYPE_EMPLOYERS_PAGE ? PL_TYPE_EMPLOYER : PL_TYPE_STAFF));

  start = clock_start ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  page = g_object_new (type, "context", context, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_main_context_iteration (NULL, TRUE);
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
    gint64 frame = gdk_frame_clock_get_frame_counter (clock);

    /* Until the page has been drawn once, not until the reading ahead in
     * idle time is over. */
    while (gdk_frame_clock_get_frame_counter (clock) < frame + 1)
      g_main_context_iteration (NULL, TRUE);
  }
  report ("open the page, first frame", start);

  /* Idle time after opening, in which the page reads its rows ahead. */
  start = clock_start ();
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  report ("  reading ahead in idle time", start);
  printf ("  %-44s %7u (list %u)\n", "widgets in the page", count_widgets (GTK_WIDGET (page)),
          count_widgets (find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW)));

  /* Showing another record in the detail pane. */
  {
    GListModel *model = pl_list_page_get_model (page);
    g_autoptr(PlRecord) second = g_list_model_get_item (model, 1);
    g_autoptr(PlRecord) third = g_list_model_get_item (model, 2);

    start = clock_start ();
    pl_list_page_select (page, pl_record_get_id (second));
    report ("selecting another record", start);
    settle (window);
    report ("  with the frame that follows", start);
    start = clock_start ();
    pl_list_page_select (page, pl_record_get_id (third));
    settle (window);
    report ("and another, with its frame", start);
  }

  /* The first keystroke: the rows were read ahead, but GTK rebuilds the
   * rows it keeps. */
  start = clock_start ();
  pl_record_filter_set_search_text (pl_list_page_get_filter (page), words[0], NULL);
  settle (window);
  report ("first keystroke", start);
  pl_record_filter_set_search_text (pl_list_page_get_filter (page), "", NULL);
  settle (window);

  for (guint i = 0; words[i] != NULL; i++)
    type_word (page, window, words[i], typing, erasing);
  report_typing ("typing, a letter at a time", typing);
  report_typing ("erasing, a letter at a time", erasing);

  /* The same keystrokes with the column view detached: the share of the
   * search index and the models, without GTK's rows. */
  {
    GtkColumnView *detached = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
    g_autoptr(GtkSelectionModel) shown = g_object_ref (gtk_column_view_get_model (detached));

    g_array_set_size (typing, 0);
    g_array_set_size (erasing, 0);
    gtk_column_view_set_model (detached, NULL);
    for (guint i = 0; words[i] != NULL; i++)
      type_word (page, window, words[i], typing, erasing);
    gtk_column_view_set_model (detached, shown);
    settle (window);
    report_typing ("  the same, search and models only", typing);
    report_typing ("  erasing, search and models only", erasing);
  }

  /* A filter drop-down: the second choice, then all again. */
  {
    GtkWidget *drop_down = find_descendant (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN);

    start = clock_start ();
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 1);
    settle (window);
    report ("choosing a filter", start);
    start = clock_start ();
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 0);
    settle (window);
    report ("clearing it", start);
  }

  if (type == PL_TYPE_EMPLOYERS_PAGE)
    {
      start = clock_start ();
      pl_employers_page_set_needs_attention (PL_EMPLOYERS_PAGE (page), TRUE);
      settle (window);
      report ("\"Needs attention\" on", start);
      pl_employers_page_set_needs_attention (PL_EMPLOYERS_PAGE (page), FALSE);
      settle (window);
    }

  view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  columns = gtk_column_view_get_columns (view);
  {
    g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 0);

    start = clock_start ();
    gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
    settle (window);
    report ("sorting by name, descending", start);

    start = clock_start ();
    pl_record_filter_set_search_text (pl_list_page_get_filter (page), words[0], NULL);
    settle (window);
    report ("a keystroke while sorted", start);
    pl_record_filter_set_search_text (pl_list_page_get_filter (page), "", NULL);
    gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
    settle (window);
  }

  /* An edit: the save, and the list and flags catching up. */
  {
    PlRecordEditor *editor = pl_list_page_get_editor (page);
    GtkWidget *notes = pl_record_editor_get_widget (editor, "notes");
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
    g_autoptr(PlRecord) first = g_list_model_get_item (pl_list_page_get_model (page), 0);

    pl_list_page_select (page, pl_record_get_id (first));
    settle (window);
    g_autofree char *text = g_strdup_printf ("Edited by the benchmark at %" G_GINT64_FORMAT,
                                             g_get_real_time ());

    start = clock_start ();
    gtk_text_buffer_set_text (buffer, text, -1);
    pl_record_editor_flush (editor);
    report ("saving an edit", start);
    settle (window);
    report ("  and the list catching up (flags in a thread)", start);
  }

  printf ("  %-44s %7ld MB more resident\n", "memory, all rows read", (rss_kb () - rss_before) / 1024);
  printf ("  %-44s %7u\n", "widgets in the page", count_widgets (GTK_WIDGET (page)));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const employer_words[] = { "harbour", "quay kitchen", "foundry", NULL };
  static const char * const staff_words[] = { "amira", "okafor 12", "lecturer", NULL };
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PlContext) context = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Clock clock;
  int n_employers = 20000;
  int n_staff = 50000;
  gboolean keep = FALSE;
  gint64 start;
  GOptionEntry entries[] = {
    { "employers", 0, 0, G_OPTION_ARG_INT, &n_employers, "Employers to generate", "N" },
    { "staff", 0, 0, G_OPTION_ARG_INT, &n_staff, "Staff to generate", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "Database to use (filled when empty)", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated database", NULL },
    { NULL }
  };

  options = g_option_context_new (NULL);
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  gtk_init ();
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (path == NULL)
    {
      dir = g_dir_make_tmp ("placements-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bench.db", NULL);
    }

  store = pl_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (pl_store_count (store, PL_TYPE_EMPLOYER) == 0)
    {
      start = monotonic_us ();
      fill (store, (guint) n_employers, (guint) n_staff);
      printf ("Generated %d employers, %d staff, %d contacts, %d documents in %.0f ms\n\n",
              n_employers, n_staff, n_employers * 2, n_employers * 2, ms_since (start));
    }

  settings = g_settings_new (APP_ID);
  context = pl_context_new (store, settings);

  /* The queries behind the employers list's flags, on their own. */
  {
    g_autoptr(GPtrArray) attention = NULL;
    g_autoptr(GHashTable) problems = NULL;
    GDate today;

    pl_date_today (&today);
    clock = clock_start ();
    attention = pl_attention_employers (store, &today, 6, NULL);
    report ("pl_attention_employers", clock);
    clock = clock_start ();
    problems = pl_evidence_problems (store, &today, NULL);
    report ("pl_evidence_problems", clock);
    printf ("\n");
  }

  bench_page (context, PL_TYPE_EMPLOYERS_PAGE, "Employers page", employer_words);
  printf ("\n");
  bench_page (context, PL_TYPE_STAFF_PAGE, "Staff page", staff_words);

  g_clear_object (&context);
  g_clear_object (&store);
  if (dir != NULL && !keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  else
    printf ("\nDatabase kept: %s\n", path);

  return 0;
}
