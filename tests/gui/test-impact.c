/* test-impact.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-bar-chart.h"
#include "pl-impact-chain.h"
#include "pl-observation-dialog.h"
#include "pl-observations-panel.h"
#include "pl-overview-page.h"
#include "pl-placement-editor.h"
#include "pl-stats.h"
#include "pl-store-job.h"
#include "pl-survey-dialog.h"
#include "pl-survey-import-dialog.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"
#include "pl-test-sqlite.h"

/* The evidence of impact in the app, on the sample network, driven through
 * the widgets: the Overview's charts and their text alternatives follow
 * its partner and period; observations are added, edited and removed in
 * their dialog and show in the comparison and the figures; survey forms
 * are typed in; the impact chain tells one teacher's story and follows the
 * records. gtk_test_init() makes every warning fatal, so each chart that
 * draws with a warning fails here. */

typedef struct
{
  PlTestGui  gui;
  gint64     marguerite;   /* staff */
  gint64     placement;    /* hers */
} Fixture;

static PlStore *settle_store;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  pl_test_gui_set_up (&f->gui, TRUE);
  settle_store = f->gui.store;
  f->marguerite = pl_test_select_int (f->gui.store,
                                      "SELECT id FROM staff WHERE name = 'Marguerite Okafor'");
  f->placement = pl_test_select_int (f->gui.store,
                                     "SELECT id FROM placement WHERE staff_id ="
                                     " (SELECT id FROM staff WHERE name = 'Marguerite Okafor')");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  settle_store = NULL;
  pl_test_gui_tear_down (&f->gui);
}

/* Runs what is due, the Overview's reads in the store's worker too. */
static void
settle (void)
{
  if (settle_store != NULL)
    PL_TEST_WAIT_FOR (pl_store_get_n_running_jobs (settle_store) == 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Widgets of @type under @root, in tree order. */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (root, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];

  g_error ("no row titled “%s”", title);
  return NULL;
}

/* Everything the widget shows as text, one label a line. */
static char *
visible_text (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_visible (labels->pdata[i]))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (labels->pdata[i]));
  return g_string_free (text, FALSE);
}

/* Reads what @widget shows into @text; whether it holds @needle. */
static gboolean
shows (GtkWidget   *widget,
       const char  *needle,
       char       **text)
{
  g_free (*text);
  *text = visible_text (widget);
  return strstr (*text, needle) != NULL;
}

static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (child));
  settle ();
  return GTK_WINDOW (window);
}

/* The Overview's charts ---------------------------------------------- */

/* The window's Overview, its figures read. */
static GtkWidget *
show_overview (PlWindow *window)
{
  GtkWidget *page = pl_test_gui_show_page (window, "overview", PL_TYPE_OVERVIEW_PAGE);

  settle ();
  return page;
}

static GPtrArray *
overview_charts (GtkWidget *page)
{
  GPtrArray *charts = g_ptr_array_new ();

  collect (page, PL_TYPE_BAR_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 5);
  return charts;
}

static char *
describe (GPtrArray *charts,
          guint      i)
{
  return pl_bar_chart_describe (charts->pdata[i]);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack);
}

static void
draw (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
}

static void
test_overview_charts (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *page = g_object_new (PL_TYPE_OVERVIEW_PAGE, "context", f->gui.context, NULL);
  GtkWindow *window = show_in_window (page);
  g_autoptr(GPtrArray) charts = overview_charts (page);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autofree char *sectors = describe (charts, 0);
  g_autofree char *funnel = describe (charts, 1);
  g_autofree char *improved = describe (charts, 2);
  g_autofree char *students = describe (charts, 3);
  g_autofree char *employers = describe (charts, 4);
  g_autofree char *cards = NULL;
  GtkDropDown *partner, *period;

  /* The case study's figures, in words. */
  g_assert_cmpstr (sectors, ==, "Placements by Sector: Catering and Hospitality 7; Creative and "
                                "Design 3; Digital 3; Construction 1; Engineering and "
                                "Manufacturing 1; Hair and Beauty 1.");
  assert_contains (funnel, "Completed 16");
  assert_contains (funnel, "Evaluated 9");
  assert_contains (improved, "of 24 Staff Observed");
  assert_contains (improved, "Use of technology 9 of 24");
  assert_contains (improved, "Equality and diversity 10 of 24");
  assert_contains (students, "of 73 Responses");
  assert_contains (students, "Learning improved 96 %");
  assert_contains (students, "What happens at work 97 %");
  assert_contains (employers, "of 23 Responses");
  assert_contains (employers, "Would host again 100 %");

  /* Each chart draws, each bar has its tooltip's figure. */
  for (guint i = 0; i < charts->len; i++)
    {
      g_assert_cmpint (gtk_widget_get_height (charts->pdata[i]), >, 0);
      draw (charts->pdata[i]);
    }
  g_assert_cmpint (pl_bar_chart_get_n_bars (charts->pdata[0]), ==, 6);
  g_assert_cmpint (pl_bar_chart_get_n_bars (charts->pdata[1]), ==, 7);

  cards = visible_text (page);
  assert_contains (cards, "Staff observed before and after");
  assert_contains (cards, "356\nStudents reached");

  /* One partner: the charts follow. */
  collect (page, GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 2);
  partner = dropdowns->pdata[0];
  period = dropdowns->pdata[1];
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (partner)), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (partner)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (partner)),
                                               i), "Dearneside College") == 0)
      gtk_drop_down_set_selected (partner, i);
  settle ();

  {
    g_autofree char *after = describe (charts, 0);
    g_autofree char *observed = describe (charts, 2);
    g_autofree char *said = describe (charts, 3);

    g_assert_cmpstr (after, !=, sectors);
    g_assert_cmpstr (after, ==, "Placements by Sector: Creative and Design 1.");
    assert_contains (observed, "of 2 Staff Observed");
    assert_contains (said, "of 1 Response");
    for (guint i = 0; i < charts->len; i++)
      draw (charts->pdata[i]);
  }

  /* Every partner again, this academic year: the pilot was last year. */
  gtk_drop_down_set_selected (partner, 0);
  gtk_drop_down_set_selected (period, 1);
  settle ();
  {
    g_autofree char *after = describe (charts, 0);
    g_autofree char *funnel_now = describe (charts, 1);

    g_assert_cmpstr (after, ==, "Placements by Sector: no data");
    assert_contains (funnel_now, "Proposed 5");
  }

  gtk_drop_down_set_selected (period, 2);
  settle ();
  {
    g_autofree char *after = describe (charts, 0);

    g_assert_cmpstr (after, ==, sectors);
  }

  gtk_window_destroy (window);
}

/* Observations -------------------------------------------------------- */

static PlObservationDialog *
open_add_dialog (GtkWidget *panel)
{
  g_assert_null (pl_test_find_window (PL_TYPE_OBSERVATION_DIALOG));
  g_assert_true (gtk_widget_activate_action (panel, "observations.add", NULL));
  settle ();
  g_assert_nonnull (pl_test_find_window (PL_TYPE_OBSERVATION_DIALOG));
  return PL_OBSERVATION_DIALOG (pl_test_find_window (PL_TYPE_OBSERVATION_DIALOG));
}

static void
set_rating (GtkWidget  *dialog,
            const char *criterion,
            guint       rating)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, ADW_TYPE_COMBO_ROW,
                                                       pl_enum_label (criterion))), rating);
}

static void
save_dialog (GtkWidget *dialog)
{
  g_assert_true (gtk_widget_activate_action (dialog, "observation.save", NULL));
  settle ();
}

static void
test_observations (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *panel = g_object_new (PL_TYPE_OBSERVATIONS_PANEL, "context", f->gui.context, NULL);
  GtkWindow *window;
  PlObservationDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *text = NULL;
  gint64 yusuf = pl_test_select_int (f->gui.store,
                                     "SELECT id FROM staff WHERE name = 'Yusuf Demir'");
  gint64 id;

  /* Yusuf has a request and no observation yet. */
  pl_observations_panel_set_staff (PL_OBSERVATIONS_PANEL (panel), yusuf);
  window = show_in_window (panel);
  text = visible_text (panel);
  assert_contains (text, "No lesson observed yet");
  before = pl_stats_compute (f->gui.store, NULL, &error);
  g_assert_no_error (error);

  /* Before: technology 3 (requires improvement), engagement 2. */
  dialog = open_add_dialog (panel);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                       "_Before or After")), 0);
  set_rating (GTK_WIDGET (dialog), "technology", 3);
  set_rating (GTK_WIDGET (dialog), "engagement", 2);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Observer")), "Joan Whitaker");
  save_dialog (GTK_WIDGET (dialog));
  g_assert_null (pl_test_find_window (PL_TYPE_OBSERVATION_DIALOG));
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT count(*) FROM observation WHERE staff_id ="
                                       " (SELECT id FROM staff WHERE name = 'Yusuf Demir')"),
                   ==, 1);
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT technology FROM observation WHERE observer ="
                                       " 'Joan Whitaker' AND phase = 'before'"
                                       " ORDER BY id DESC LIMIT 1"), ==, 3);

  /* After: technology 1, engagement 2 (a tie). */
  dialog = open_add_dialog (panel);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                       "_Before or After")), 1);
  set_rating (GTK_WIDGET (dialog), "technology", 1);
  set_rating (GTK_WIDGET (dialog), "engagement", 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                       "Learners _Progressed")), 1);
  save_dialog (GTK_WIDGET (dialog));
  PL_TEST_WAIT_FOR (shows (panel, "improved in 1 criterion", &text));
  assert_contains (text, "Requires improvement → Outstanding");

  /* The figures count one more person observed, improved in technology. */
  after = pl_stats_compute (f->gui.store, NULL, &error);
  g_assert_no_error (error);
  {
    JsonObject *b = json_object_get_object_member (json_node_get_object (before), "observations");
    JsonObject *a = json_object_get_object_member (json_node_get_object (after), "observations");

    g_assert_cmpint (json_object_get_int_member (a, "staff_observed"), ==,
                     json_object_get_int_member (b, "staff_observed") + 1);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (a, "improved"),
                                                 "technology"), ==,
                     json_object_get_int_member (json_object_get_object_member (b, "improved"),
                                                 "technology") + 1);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (a, "improved"),
                                                 "engagement"), ==,
                     json_object_get_int_member (json_object_get_object_member (b, "improved"),
                                                 "engagement"));
  }

  /* Edit the "after": engagement 1 now improves too. The dialog opens with
   * what was saved. */
  id = pl_test_select_int (f->gui.store, "SELECT max(id) FROM observation");
  g_assert_true (gtk_widget_activate_action (panel, "observations.edit", "x", id));
  settle ();
  dialog = PL_OBSERVATION_DIALOG (pl_test_find_window (PL_TYPE_OBSERVATION_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog),
                                                                         ADW_TYPE_COMBO_ROW,
                                                                         "Use of technology"))),
                    ==, 1);
  set_rating (GTK_WIDGET (dialog), "engagement", 1);
  save_dialog (GTK_WIDGET (dialog));
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT engagement FROM observation ORDER BY id DESC"),
                   ==, 1);
  PL_TEST_WAIT_FOR (shows (panel, "improved in 2 criteria", &text));

  /* Remove it: the comparison waits for an "after" again. */
  g_assert_true (gtk_widget_activate_action (panel, "observations.remove", "x", id));
  PL_TEST_WAIT_FOR (shows (panel, "an observation after one will show", &text));
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT count(*) FROM observation WHERE staff_id ="
                                       " (SELECT id FROM staff WHERE name = 'Yusuf Demir')"),
                   ==, 1);

  gtk_window_destroy (window);
}

/* From a placement: its teacher by default, or a colleague. */
static void
test_observations_of_placement (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *panel = g_object_new (PL_TYPE_OBSERVATIONS_PANEL, "context", f->gui.context, NULL);
  GtkWindow *window;
  PlObservationDialog *dialog;
  g_autofree char *text = NULL;
  GtkWidget *staff_row;
  GtkWidget *placement_row;
  gint64 count = pl_test_select_int (f->gui.store, "SELECT count(*) FROM observation");

  pl_observations_panel_set_placement (PL_OBSERVATIONS_PANEL (panel), f->placement);
  window = show_in_window (panel);
  text = visible_text (panel);
  /* Hers and her colleague's, and both comparisons. */
  assert_contains (text, "Marguerite Okafor · Before the placement");
  assert_contains (text, "Samira Haddad · After the placement");
  assert_contains (text, "Before and After: Marguerite Okafor");
  assert_contains (text, "Before and After: Samira Haddad");

  dialog = open_add_dialog (panel);
  staff_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Staff Member Observed");
  placement_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Placement");
  g_assert_true (gtk_widget_get_sensitive (staff_row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (staff_row)), ==, 0);
  {
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (placement_row));
    g_autofree char *chosen = g_strdup (gtk_string_list_get_string (
      GTK_STRING_LIST (model), adw_combo_row_get_selected (ADW_COMBO_ROW (placement_row))));

    assert_contains (chosen, "The Saltmarsh Table");
  }

  /* A colleague: the placement stays chosen, as someone else's. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (staff_row), 3);
  {
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (placement_row));
    const char *chosen = gtk_string_list_get_string (
      GTK_STRING_LIST (model), adw_combo_row_get_selected (ADW_COMBO_ROW (placement_row)));

    assert_contains (chosen, "Marguerite Okafor at The Saltmarsh Table");
  }
  set_rating (GTK_WIDGET (dialog), "active_learning", 2);

  /* Today is after the placement: "before" it is refused, and the dialog
   * keeps what was typed. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                       "_Before or After")), 0);
  save_dialog (GTK_WIDGET (dialog));
  g_assert_true (pl_test_find_window (PL_TYPE_OBSERVATION_DIALOG) == GTK_WINDOW (dialog));
  g_clear_pointer (&text, g_free);
  text = visible_text (GTK_WIDGET (dialog));
  assert_contains (text, "A lesson observed before the placement is on or before its first day");
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT count(*) FROM observation"), ==, count);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                       "_Before or After")), 1);
  save_dialog (GTK_WIDGET (dialog));
  g_assert_null (pl_test_find_window (PL_TYPE_OBSERVATION_DIALOG));
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT count(*) FROM observation"), ==, count + 1);
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT placement_id FROM observation ORDER BY id DESC"),
                   ==, f->placement);
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT staff_id FROM observation ORDER BY id DESC"),
                   !=, f->marguerite);

  gtk_window_destroy (window);
}

/* Surveys ------------------------------------------------------------- */

static GtkToggleButton *
find_answer (GtkWidget  *dialog,
             guint       question,
             const char *label)
{
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  guint seen = 0;

  collect (dialog, GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), label) == 0 && seen++ == question)
      return toggles->pdata[i];

  g_error ("no “%s” for question %u", label, question);
  return NULL;
}

static void
test_survey_dialog (Fixture       *f,
                    gconstpointer  data)
{
  PlSurveyDialog *dialog = pl_survey_dialog_new (NULL, f->gui.context, f->placement);
  gint64 linked = pl_test_select_int (f->gui.store,
                                      "SELECT count(*) FROM survey_response WHERE"
                                      " kind = 'student' AND placement_id = (SELECT id FROM"
                                      " placement WHERE staff_id = (SELECT id FROM staff"
                                      " WHERE name = 'Marguerite Okafor'))");
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  /* Nothing chosen: refused, nothing written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "survey.add", NULL));
  g_assert_cmpuint (pl_survey_dialog_get_n_added (dialog), ==, 0);
  text = visible_text (GTK_WIDGET (dialog));
  assert_contains (text, "Choose an answer to at least one question first.");

  /* Two forms, one after another. */
  gtk_toggle_button_set_active (find_answer (GTK_WIDGET (dialog), 0, "Agree"), TRUE);
  gtk_toggle_button_set_active (find_answer (GTK_WIDGET (dialog), 1, "Disagree"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "survey.add", NULL));
  /* The answers go back to "No answer" for the next form. */
  g_assert_true (gtk_toggle_button_get_active (find_answer (GTK_WIDGET (dialog), 0,
                                                            "No answer")));
  gtk_toggle_button_set_active (find_answer (GTK_WIDGET (dialog), 2, "Neutral"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "survey.add", NULL));
  g_assert_cmpuint (pl_survey_dialog_get_n_added (dialog), ==, 2);

  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT count(*) FROM survey_response WHERE"
                                       " kind = 'student' AND placement_id = (SELECT id FROM"
                                       " placement WHERE staff_id = (SELECT id FROM staff"
                                       " WHERE name = 'Marguerite Okafor'))"), ==, linked + 2);
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT count(*) FROM survey_response WHERE id >="
                                       " (SELECT max(id) - 1 FROM survey_response)"
                                       " AND responded_on = '2026-11-22'"), ==, 2);
  g_assert_cmpint (pl_test_select_int (f->gui.store, "SELECT learning_improved = 'agree'"
                                                     " AND employment_opportunities = 'disagree'"
                                                     " AND workplace IS NULL FROM survey_response"
                                                     " ORDER BY id DESC LIMIT 1 OFFSET 1"), ==, 1);

  /* Employers: the host is linked with the placement. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                       "_Survey")), 1);
  gtk_toggle_button_set_active (find_answer (GTK_WIDGET (dialog), 1, "Agree"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "survey.add", NULL));
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT host_again = 'agree' AND employer_id IS NOT NULL"
                                       " AND kind = 'employer'"
                                       " FROM survey_response ORDER BY id DESC"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Importing a survey export ------------------------------------------ */

static PlSurveyImportDialog *
find_import_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (PL_IS_SURVEY_IMPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gint64
count_students (Fixture *f)
{
  return pl_test_select_int (f->gui.store,
                             "SELECT count(*) FROM survey_response WHERE kind = 'student'");
}

/* A form tool's export saved by a spreadsheet in Europe (semicolons,
 * Windows-1252), opened from the Overview's figures: the preview says what
 * will be added and writes nothing; Import adds it all, the figures shown
 * follow, and Undo takes it back. A refused file shows where and why and
 * cannot be imported. */
static void
test_import_survey (Fixture       *f,
                    gconstpointer  data)
{
  static const char export[] =
    "Timestamp;Email address;My learning improved through workplace information;"
    "I know more about what happens in the workplace;;\r\n"
    "20/11/2026 10:02;r\xE9mi@example.org;Strongly agree;Neutral;;\r\n"
    ";;;;;\r\n"
    "21/11/2026 14:40;;Disagree;Agree;;\r\n"
    "21/11/2026 15:00;;;;;\r\n";
  static const char broken[] = "learning_improved,workplace\nagree,maybe\n";
  g_autofree char *path = pl_test_write_file (f->gui.dir, "survey.csv", export, -1);
  g_autofree char *bad = pl_test_write_file (f->gui.dir, "broken.csv", broken, -1);
  g_autofree char *where = g_strdup_printf ("%s:2:7: column “workplace”: “maybe” is not an answer",
                                            bad);
  PlWindow *window = pl_test_gui_open_window (&f->gui);
  GtkWidget *page = show_overview (window);
  g_autoptr(GPtrArray) charts = overview_charts (page);
  PlSurveyImportDialog *dialog;
  gint64 before = count_students (f);
  g_autofree char *students = describe (charts, 3);
  g_autofree char *text = NULL;

  g_assert_cmpint (before, ==, 73);
  assert_contains (students, "of 73 Responses");
  g_assert_true (shows (page, "73\nStudent survey responses", &text));

  /* The preview, read as the CLI reads it; nothing written yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-survey-file", "s",
                                             path));
  PL_TEST_WAIT_FOR ((dialog = find_import_dialog ()) != NULL
                    && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  text = visible_text (GTK_WIDGET (dialog));
  assert_contains (text, "2 student survey responses will be added from survey.csv (separated by "
                         "semicolons, read as Windows-1252). 1 row answers no question and will "
                         "be skipped.");
  assert_contains (text, "Learning improved: Agree · What happens at work: Neutral");
  assert_contains (text, "Learning improved: Disagree · What happens at work: Agree");
  g_assert_cmpint (count_students (f), ==, before);

  /* Import: all of it, and the Overview's figures follow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  PL_TEST_WAIT_FOR (find_import_dialog () == NULL);
  g_assert_cmpint (count_students (f), ==, before + 2);
  g_assert_cmpint (pl_test_select_int (f->gui.store,
                                       "SELECT count(*) FROM survey_response WHERE kind = "
                                       "'student' AND responded_on = '2026-11-21' AND "
                                       "learning_improved = 'disagree' AND workplace = 'agree'"),
                   ==, 1);
  PL_TEST_WAIT_FOR (shows (page, "75\nStudent survey responses", &text));
  g_clear_pointer (&students, g_free);
  students = describe (charts, 3);
  assert_contains (students, "of 75 Responses");

  /* Undo takes the whole import back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  PL_TEST_WAIT_FOR (count_students (f) == before);
  PL_TEST_WAIT_FOR (shows (page, "73\nStudent survey responses", &text));

  /* A refused file: the fault, where it is, and no Import. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-survey-file", "s",
                                             bad));
  PL_TEST_WAIT_FOR ((dialog = find_import_dialog ()) != NULL
                    && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  text = visible_text (GTK_WIDGET (dialog));
  assert_contains (text, where);
  assert_contains (text, "Nothing will be imported");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  settle ();
  g_assert_true (find_import_dialog () == dialog);
  g_assert_cmpint (count_students (f), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));

  pl_test_gui_close_window (window);
}

/* The chain ----------------------------------------------------------- */

static void
test_chain (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *chain = g_object_new (PL_TYPE_IMPACT_CHAIN, "context", f->gui.context,
                                   "staff-id", f->marguerite, NULL);
  GtkWindow *window = show_in_window (chain);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = visible_text (chain);
  g_autoptr(PlRecord) response = pl_record_new (PL_TYPE_SURVEY_RESPONSE);

  /* The story in order: aims, reflection, cascade, observations, surveys. */
  assert_contains (text, "Marguerite Okafor\n");
  assert_contains (text, "1 · Aims");
  assert_contains (text, "Improve teaching, learning and assessment");
  assert_contains (text, "tasting menu");
  assert_contains (text, "2 · Reflection");
  assert_contains (text, "Pan-Asian flavours");
  assert_contains (text, "3 · Cascade");
  assert_contains (text, "Reached 3 colleagues and 28 students.");
  assert_contains (text, "4 · Observations Before and After");
  assert_contains (text, "Improved in 3 criteria of 6.");
  assert_contains (text, "Colleague: Samira Haddad");
  assert_contains (text, "5 responses linked to Marguerite");
  g_assert_true (strstr (text, "1 · Aims") < strstr (text, "3 · Cascade"));
  g_assert_true (strstr (text, "3 · Cascade") < strstr (text, "4 · Observations"));

  /* A new response shows once committed. */
  pl_record_set_string (response, "kind", "student");
  pl_record_set_int (response, "placement_id", f->placement);
  pl_record_set_string (response, "workplace", "disagree");
  g_assert_true (pl_store_insert (f->gui.store, response, &error));
  g_assert_no_error (error);
  PL_TEST_WAIT_FOR (shows (chain, "6 responses linked to Marguerite", &text));
  assert_contains (text, "5 of 6 who answered agreed");

  /* A colleague's story starts with the placement whose cascade reached
   * her; the steps are numbered down the page. */
  pl_impact_chain_set_staff (PL_IMPACT_CHAIN (chain),
                             pl_test_select_int (f->gui.store, "SELECT id FROM staff"
                                                               " WHERE name = 'Samira Haddad'"));
  g_clear_pointer (&text, g_free);
  text = visible_text (chain);
  assert_contains (text, "1 · How the Learning Came");
  assert_contains (text, "Marguerite Okafor’s placement at The Saltmarsh Table");
  assert_contains (text, "2 · Observations Before and After");
  g_assert_null (strstr (text, "Aims"));

  gtk_window_destroy (window);
}

/* The placement editor's Impact tab reaches the chain. */
static void
test_editor_shows_impact (Fixture       *f,
                          gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (&f->gui);
  GtkWidget *editor;
  g_autoptr(GPtrArray) editors = g_ptr_array_new ();
  GtkWindow *impact;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-placement", "x",
                                             f->placement));
  settle ();
  collect (GTK_WIDGET (window), PL_TYPE_PLACEMENT_EDITOR, editors);
  g_assert_cmpuint (editors->len, ==, 1);
  editor = editors->pdata[0];
  PL_TEST_WAIT_FOR (pl_placement_editor_get_placement (PL_PLACEMENT_EDITOR (editor)) ==
                    f->placement);

  {
    g_autofree char *text = visible_text (editor);

    assert_contains (text, "Show Impact for Marguerite Okafor…");
    assert_contains (text, "Students · 5 responses");
  }

  g_assert_true (gtk_widget_activate_action (editor, "editor.show-impact", NULL));
  settle ();
  impact = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
        g_autoptr(GPtrArray) chains = g_ptr_array_new ();

        /* The main window's Staff page holds a chain of its own. */
        if (PL_IS_WINDOW (w))
          continue;
        collect (GTK_WIDGET (w), PL_TYPE_IMPACT_CHAIN, chains);
        if (chains->len == 1)
          {
            g_assert_cmpint (pl_impact_chain_get_staff (chains->pdata[0]), ==, f->marguerite);
            impact = w;
          }
      }
  }
  g_assert_nonnull (impact);
  g_assert_cmpstr (gtk_window_get_title (impact), ==, "Impact of Marguerite Okafor");

  gtk_window_destroy (impact);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/impact/overview-charts", test_overview_charts);
  ADD ("/gui/impact/observations", test_observations);
  ADD ("/gui/impact/observations-of-placement", test_observations_of_placement);
  ADD ("/gui/impact/survey-dialog", test_survey_dialog);
  ADD ("/gui/impact/import-survey", test_import_survey);
  ADD ("/gui/impact/chain", test_chain);
  ADD ("/gui/impact/editor-shows-impact", test_editor_shows_impact);
#undef ADD

  return g_test_run ();
}
