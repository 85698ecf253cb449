/* test-pack-print.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pl-pack.h"
#include "pl-pack-print.h"
#include "pl-pack-preview.h"
#include "pl-test-gui.h"
#include "pl-test-pdf.h"

/* Printing the employer pack through GtkPrintOperation, as the app does,
 * with the "export to PDF" action so that no printer and no person is
 * needed: the pages that come out are read back with poppler's tools. */

typedef struct
{
  PlTestGui  gui;
  gint64     employer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) employer = NULL;

  pl_test_gui_set_up (&f->gui, TRUE);
  employer = pl_store_find_by_name (f->gui.store, PL_TYPE_EMPLOYER, "Keel and Anchor Hotel",
                                    &error);
  g_assert_no_error (error);
  f->employer = pl_record_get_id (employer);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pl_test_gui_tear_down (&f->gui);
}

static void
export_through_gtk (Fixture    *f,
                    const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  operation = pl_pack_print_operation_new (f->gui.store, f->employer, f->gui.settings, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *printed = g_build_filename (f->gui.dir, "printed.pdf", NULL);
  g_autofree char *written = g_build_filename (f->gui.dir, "written.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *written_text = NULL;
  g_autoptr(PlPack) pack = NULL;
  g_autoptr(GVariant) setup = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_variant_n_children (g_settings_get_value (f->gui.settings, "page-setup")),
                    ==, 0);
  export_through_gtk (f, printed);

  /* Every page of the pack, on A4 unless the person chose other paper. */
  pack = pl_pack_new (f->gui.store, f->employer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_test_pdf_pages (printed), >=, 4);
  g_assert_cmpuint (pl_test_pdf_pages (printed), ==, pl_pack_get_n_pages (pack));
  info = pl_test_pdf_tool ("pdfinfo", printed, NULL);
  g_assert_nonnull (strstr (info, "pts (A4)"));

  /* The printer gets the very pages the PDF export writes. */
  g_assert_true (pl_pack_write_pdf (pack, written, &error));
  g_assert_no_error (error);
  printed_text = pl_test_pdf_tool ("pdftotext", printed, NULL);
  written_text = pl_test_pdf_tool ("pdftotext", written, NULL);
  g_assert_nonnull (strstr (printed_text, "Keel and Anchor Hotel"));
  g_assert_nonnull (strstr (printed_text, "Ellie Fraser"));
  g_assert_cmpstr (printed_text, ==, written_text);

  /* The page set-up is kept for next time. */
  setup = g_settings_get_value (f->gui.settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (setup), >, 0);
}

/* The printer and its options chosen last time are offered again, and kept
 * after a print that went through. */
static void
test_print_settings_kept (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *printed = g_build_filename (f->gui.dir, "copies.pdf", NULL);
  g_autoptr(GtkPrintSettings) before = gtk_print_settings_new ();
  g_autoptr(GtkPrintSettings) after = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *offered;

  gtk_print_settings_set_n_copies (before, 3);
  gtk_print_settings_set_printer (before, "Staff room");
  g_settings_set_value (f->gui.settings, "print-settings", gtk_print_settings_to_gvariant (before));

  operation = pl_pack_print_operation_new (f->gui.store, f->employer, f->gui.settings, &error);
  g_assert_no_error (error);
  offered = gtk_print_operation_get_print_settings (operation);
  g_assert_nonnull (offered);
  g_assert_cmpint (gtk_print_settings_get_n_copies (offered), ==, 3);

  /* Forgotten meanwhile: only the finished print can bring them back. */
  g_settings_reset (f->gui.settings, "print-settings");
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  saved = g_settings_get_value (f->gui.settings, "print-settings");
  after = gtk_print_settings_new_from_gvariant (saved);
  g_assert_cmpint (gtk_print_settings_get_n_copies (after), ==, 3);
  g_assert_cmpstr (gtk_print_settings_get_printer (after), ==, "Staff room");
}

static void
test_other_paper (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *printed = g_build_filename (f->gui.dir, "letter.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bbox = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);

  /* A page set-up saved by an earlier print, on US Letter. */
  gtk_page_setup_set_paper_size (setup, letter);
  g_settings_set_value (f->gui.settings, "page-setup", gtk_page_setup_to_gvariant (setup));

  export_through_gtk (f, printed);
  info = pl_test_pdf_tool ("pdfinfo", printed, NULL);
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));

  /* Laid out afresh for the wider, shorter sheet: all there, and every
   * word inside the margins. */
  text = pl_test_pdf_tool ("pdftotext", printed, NULL);
  g_assert_nonnull (strstr (text, "Ellie Fraser"));
  bbox = pl_test_pdf_tool ("pdftotext", printed, "-bbox");
  for (const char *p = strstr (bbox, "<word "); p != NULL; p = strstr (p + 1, "<word "))
    {
      double x_min = g_ascii_strtod (strstr (p, "xMin=\"") + 6, NULL);
      double x_max = g_ascii_strtod (strstr (p, "xMax=\"") + 6, NULL);
      double y_max = g_ascii_strtod (strstr (p, "yMax=\"") + 6, NULL);

      g_assert_cmpfloat (x_min, >=, PL_PACK_MARGIN - 0.5);
      g_assert_cmpfloat (x_max, <=, 612 - PL_PACK_MARGIN + 0.5);
      g_assert_cmpfloat (y_max, <=, 792);
    }
}

static void
test_unknown_employer (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;

  operation = pl_pack_print_operation_new (f->gui.store, 999999, f->gui.settings, &error);
  g_assert_null (operation);
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
}

/* Print to File offers the employer's name in Documents (or home), not
 * output.pdf in whatever folder the app was started from. */
static void
test_print_to_file_default (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *expected = NULL;
  GtkPrintSettings *offered;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    folder = g_get_home_dir ();
  expected = g_build_filename (folder, "Keel-and-Anchor-Hotel.pdf", NULL);

  operation = pl_pack_print_operation_new (f->gui.store, f->employer, f->gui.settings, &error);
  g_assert_no_error (error);
  offered = gtk_print_operation_get_print_settings (operation);
  g_assert_nonnull (offered);
  {
    g_autofree char *path =
      g_filename_from_uri (gtk_print_settings_get (offered, GTK_PRINT_SETTINGS_OUTPUT_URI),
                           NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (path, ==, expected);
  }
}

/* The label of @widget's tree that reads @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Is the pixel at @x, @y of @surface (ARGB32) white? */
static gboolean
is_white (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint32 *pixel;

  cairo_surface_flush (surface);
  pixel = (const guint32 *) (cairo_image_surface_get_data (surface) +
                             y * cairo_image_surface_get_stride (surface)) + x;
  return (*pixel & 0xffffff) == 0xffffff;
}

/* Print Preview opens inside the app, with the pack's real pages: as many
 * as the printed pack has, one at a time, drawn by the same renderer. */
static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (&f->gui);
  g_autoptr(PlPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  PlPackPreview *preview;
  GtkWidget *label;
  guint n_pages;

  pack = pl_pack_new (f->gui.store, f->employer, NULL, &error);
  g_assert_no_error (error);
  n_pages = pl_pack_get_n_pages (pack);
  g_assert_cmpuint (n_pages, >=, 4);

  g_action_group_activate_action (G_ACTION_GROUP (pl_test_gui_get_application ()),
                                  "preview-pack", g_variant_new_int64 (f->employer));
  PL_TEST_WAIT_FOR ((preview = (PlPackPreview *) pl_test_find_window (PL_TYPE_PACK_PREVIEW)) !=
                    NULL);
  PL_TEST_WAIT_FOR (pl_pack_preview_get_n_pages (preview) > 0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preview)) == GTK_WINDOW (window));
  g_assert_cmpuint (pl_pack_preview_get_n_pages (preview), ==, n_pages);

  first = g_strdup_printf ("Page 1 of %u", n_pages);
  second = g_strdup_printf ("Page 2 of %u", n_pages);
  label = find_label (GTK_WIDGET (preview), first);
  g_assert_nonnull (label);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous", NULL) &&
                  pl_pack_preview_get_page (preview) != 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL));
  g_assert_cmpuint (pl_pack_preview_get_page (preview), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, second);

  /* The page is drawn: white paper with the pack's ink on it. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 400);
    cairo_t *cr = cairo_create (surface);
    gboolean inked = FALSE;

    cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
    cairo_paint (cr);
    pl_pack_preview_draw (preview, cr, 300, 400);
    cairo_destroy (cr);
    g_assert_true (is_white (surface, 150, 390 - 18 - 4));
    for (int y = 40; y < 360 && !inked; y++)
      for (int x = 40; x < 260 && !inked; x++)
        inked = !is_white (surface, x, y);
    g_assert_true (inked);
    cairo_surface_destroy (surface);
  }

  /* Never past the last page. */
  pl_pack_preview_set_page (preview, n_pages + 5);
  g_assert_cmpuint (pl_pack_preview_get_page (preview), ==, n_pages - 1);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL) &&
                  pl_pack_preview_get_page (preview) != n_pages - 1);

  gtk_window_close (GTK_WINDOW (preview));
  PL_TEST_WAIT_FOR (pl_test_find_window (PL_TYPE_PACK_PREVIEW) == NULL);
  pl_test_gui_close_window (window);
}

/* The employer and placement pages reach the pack through these actions,
 * with the employer's id as the target. */
static void
test_application_actions (void)
{
  g_autoptr(PlApplication) app = pl_application_new (APP_ID ".PackTest",
                                                     G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "print-pack", "preview-pack" };

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const GVariantType *type;

      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), names[i]));
      type = g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), names[i]);
      g_assert_nonnull (type);
      g_assert_true (g_variant_type_equal (type, G_VARIANT_TYPE_INT64));
      g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), names[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/pack/export", test_export);
  ADD ("/gui/pack/print-settings-kept", test_print_settings_kept);
  ADD ("/gui/pack/other-paper", test_other_paper);
  ADD ("/gui/pack/unknown-employer", test_unknown_employer);
  ADD ("/gui/pack/print-to-file-default", test_print_to_file_default);
  ADD ("/gui/pack/preview", test_preview);
  g_test_add_func ("/gui/pack/application-actions", test_application_actions);

#undef ADD

  return g_test_run ();
}
