/* test-reports.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-reports-page.h"
#include "pl-test-cli.h"
#include "pl-test-gui.h"

/* The Reports page driven through its widgets: the choices a coordinator
 * makes, then reports.export-to, the action the save dialog's answer
 * activates (a test cannot answer a native dialog). The workbook is read
 * back with openpyxl. */

typedef struct
{
  PlTestGui  gui;
  char      *xlsx_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  pl_test_gui_set_up (&fixture->gui, TRUE);
  fixture->xlsx_path = g_build_filename (fixture->gui.dir, "partner.xlsx", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->xlsx_path, g_free);
  pl_test_gui_tear_down (&fixture->gui);
}

/* The first descendant of @widget of @type whose "title" is @title (any
 * title when NULL): how a person finds a row, by what it says. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          g_autofree char *child_title = NULL;

          if (title == NULL)
            return child;
          g_object_get (child, "title", &child_title, NULL);
          if (g_strcmp0 (child_title, title) == 0)
            return child;
        }

      if ((found = find_widget (child, type, title)) != NULL)
        return found;
    }

  return NULL;
}

static void
select_item (AdwComboRow *row,
             const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }

  g_error ("no item “%s”", text);
}

typedef struct
{
  PlWindow      *window;
  PlReportsPage *page;
  AdwComboRow   *partner;
  AdwComboRow   *period;
  GtkEditable   *from;
  GtkEditable   *to;
  GtkSwitch     *anonymise;
} Page;

static void
open_page (Fixture *fixture,
           Page    *page)
{
  page->window = pl_test_gui_open_window (&fixture->gui);
  page->page = PL_REPORTS_PAGE (pl_test_gui_show_page (page->window, "reports",
                                                       PL_TYPE_REPORTS_PAGE));
  page->partner = ADW_COMBO_ROW (find_widget (GTK_WIDGET (page->page), ADW_TYPE_COMBO_ROW,
                                              "_Partner"));
  page->period = ADW_COMBO_ROW (find_widget (GTK_WIDGET (page->page), ADW_TYPE_COMBO_ROW,
                                             "P_eriod"));
  page->from = GTK_EDITABLE (find_widget (GTK_WIDGET (page->page), ADW_TYPE_ENTRY_ROW,
                                          "From (YYYY-MM-DD)"));
  page->to = GTK_EDITABLE (find_widget (GTK_WIDGET (page->page), ADW_TYPE_ENTRY_ROW,
                                        "To (YYYY-MM-DD)"));
  page->anonymise = GTK_SWITCH (find_widget (GTK_WIDGET (page->page), GTK_TYPE_SWITCH, NULL));
  g_assert_nonnull (page->partner);
  g_assert_nonnull (page->period);
  g_assert_nonnull (page->from);
  g_assert_nonnull (page->to);
  g_assert_nonnull (page->anonymise);
}

static gboolean
export_to (Page       *page,
           const char *path)
{
  return gtk_widget_activate_action_variant (GTK_WIDGET (page->page), "reports.export-to",
                                             g_variant_new_string (path));
}

/* Runs a Python check over the workbook at @path; asserts that it passes. */
static void
check_workbook (const char *path,
                const char *script)
{
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_auto(PlTestRun) run = { 0 };

  pl_test_run_program (&run, argv, NULL);
  if (run.status != 0)
    g_error ("the workbook check failed:\n%s%s", run.out, run.err);
}

static const char one_partner_script[] =
  "import re, sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "assert wb.sheetnames == ['Summary', 'Placements', 'Employers', 'Staff', 'Milestones',"
  " 'Observations', 'Surveys', 'Groups'], wb.sheetnames\n"
  "rows = list(wb['Placements'].iter_rows(min_row=2, values_only=True))\n"
  "assert rows, 'no placements'\n"
  "for row in rows:\n"
  "    assert re.match(r'^S-\\d{4}$', row[1]), row\n"
  "    assert row[2] == 'Humber Estuary College', row\n"
  "    assert '2025-09-01' <= row[6].date().isoformat() <= '2026-08-31', row\n"
  "said = {r[0]: r[1] for r in wb['Summary'].iter_rows(values_only=True)}\n"
  "assert said['Partner'] == 'Humber Estuary College', said\n"
  "assert said['Anonymised'].startswith('Yes'), said\n";

static void
test_export_one_partner (Fixture       *fixture,
                         gconstpointer  data)
{
  Page page;

  open_page (fixture, &page);

  /* PLACEMENTS_TODAY is 2026-11-22: last academic year is the sample's pilot. */
  select_item (page.period, "Last academic year");
  g_assert_cmpstr (gtk_editable_get_text (page.from), ==, "2025-09-01");
  g_assert_cmpstr (gtk_editable_get_text (page.to), ==, "2026-08-31");
  select_item (page.period, "This academic year");
  g_assert_cmpstr (gtk_editable_get_text (page.from), ==, "2026-09-01");
  g_assert_cmpstr (gtk_editable_get_text (page.to), ==, "2027-08-31");
  select_item (page.period, "Last academic year");

  select_item (page.partner, "Humber Estuary College");
  gtk_switch_set_active (page.anonymise, TRUE);

  g_assert_true (export_to (&page, fixture->xlsx_path));
  g_assert_true (pl_reports_page_get_busy (page.page));
  PL_TEST_WAIT_FOR (!pl_reports_page_get_busy (page.page));

  g_assert_true (g_file_test (fixture->xlsx_path, G_FILE_TEST_IS_REGULAR));
  check_workbook (fixture->xlsx_path, one_partner_script);

  pl_test_gui_close_window (page.window);
}

static void
test_other_dates_are_checked (Fixture       *fixture,
                              gconstpointer  data)
{
  Page page;

  open_page (fixture, &page);

  select_item (page.period, "Other dates");
  gtk_editable_set_text (page.from, "2026-02-30");
  gtk_editable_set_text (page.to, "2026-08-31");
  /* An impossible date: nothing can be exported until it is put right. */
  export_to (&page, fixture->xlsx_path);
  g_assert_false (pl_reports_page_get_busy (page.page));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (page.from), "error"));

  /* A period that ends before it starts is refused too. */
  gtk_editable_set_text (page.from, "2026-09-01");
  export_to (&page, fixture->xlsx_path);
  g_assert_false (pl_reports_page_get_busy (page.page));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (page.to), "error"));

  gtk_editable_set_text (page.from, "2026-03-01");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (page.from), "error"));
  g_assert_true (export_to (&page, fixture->xlsx_path));
  PL_TEST_WAIT_FOR (!pl_reports_page_get_busy (page.page));
  g_assert_true (g_file_test (fixture->xlsx_path, G_FILE_TEST_IS_REGULAR));

  pl_test_gui_close_window (page.window);
}

static void
test_cancel_leaves_no_partial_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  Page page;

  open_page (fixture, &page);

  g_assert_true (export_to (&page, fixture->xlsx_path));
  g_assert_true (pl_reports_page_get_busy (page.page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page.page), "reports.cancel", NULL));
  PL_TEST_WAIT_FOR (!pl_reports_page_get_busy (page.page));

  /* The export stopped, or had finished first: either way no temporary
   * file is left beside the database, and a workbook there is whole. */
  dir = g_dir_open (fixture->gui.dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".partner.xlsx."));
  if (g_file_test (fixture->xlsx_path, G_FILE_TEST_EXISTS))
    check_workbook (fixture->xlsx_path,
                    "import sys, openpyxl\n"
                    "assert len(openpyxl.load_workbook(sys.argv[1]).sheetnames) == 8\n");

  pl_test_gui_close_window (page.window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/reports/export-one-partner", test_export_one_partner);
  ADD ("/gui/reports/other-dates-checked", test_other_dates_are_checked);
  ADD ("/gui/reports/cancel", test_cancel_leaves_no_partial_file);

#undef ADD

  return g_test_run ();
}
