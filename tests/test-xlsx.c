/* test-xlsx.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pl-test-data.h"
#include "pl-xlsx.h"

/* pl_xlsx_export() as the app calls it: progress, cancellation and the
 * promise that a failed or cancelled export leaves nothing behind. What the
 * workbook holds is checked by check-xlsx.py, which reads it back. */

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("placements-xlsx-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "sample.db", NULL);
  f->store = pl_store_open (db, &error);
  g_assert_no_error (error);
  pl_test_load_sample (f->store);

  f->path = g_build_filename (f->dir, "out", "partners.xlsx", NULL);
  {
    g_autofree char *out = g_path_get_dirname (f->path);

    g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  pl_test_remove_folder (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The names in the folder of @f->path, sorted and joined by spaces. */
static char *
list_output_folder (Fixture *f)
{
  g_autofree char *out = g_path_get_dirname (f->path);
  g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

typedef struct
{
  gint64        last_done;
  gint64        last_total;
  guint         calls;
  GCancellable *cancel_at_first_call;
} Progress;

static void
on_progress (gint64   done,
             gint64   total,
             gpointer user_data)
{
  Progress *progress = user_data;

  /* Never backwards, never past the total. */
  g_assert_cmpint (done, >=, progress->last_done);
  g_assert_cmpint (done, <=, total);
  progress->last_done = done;
  progress->last_total = total;
  progress->calls++;

  if (progress->cancel_at_first_call != NULL)
    g_cancellable_cancel (progress->cancel_at_first_call);
}

static void
test_progress_reaches_the_total (Fixture       *f,
                                 gconstpointer  data)
{
  PlXlsxOptions options = { 0 };
  Progress progress = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (pl_xlsx_export (f->store, f->path, &options, NULL, on_progress, &progress,
                                 &error));
  g_assert_no_error (error);

  g_assert_cmpuint (progress.calls, >=, 2);
  /* Every table row of the sample: far more than the 26 placements. */
  g_assert_cmpint (progress.last_total, >, 300);
  g_assert_cmpint (progress.last_done, ==, progress.last_total);

  listing = list_output_folder (f);
  g_assert_cmpstr (listing, ==, "partners.xlsx");
}

static void
test_cancel_leaves_nothing (Fixture       *f,
                            gconstpointer  data)
{
  PlXlsxOptions options = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { .cancel_at_first_call = cancellable };
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (pl_xlsx_export (f->store, f->path, &options, cancellable, on_progress,
                                  &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  listing = list_output_folder (f);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_failure_keeps_an_earlier_file (Fixture       *f,
                                    gconstpointer  data)
{
  PlXlsxOptions options = { .partner = "Nobody College" };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (g_file_set_contents (f->path, "an earlier workbook", -1, NULL));

  g_assert_false (pl_xlsx_export (f->store, f->path, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nobody College"));

  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "an earlier workbook");
  listing = list_output_folder (f);
  g_assert_cmpstr (listing, ==, "partners.xlsx");
}

static void
test_success_replaces_an_earlier_file (Fixture       *f,
                                       gconstpointer  data)
{
  PlXlsxOptions options = { .partner = "dearneside college" };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (f->path, "an earlier workbook", -1, NULL));

  /* Partner names are matched ignoring case, as `stats` matches them. */
  g_assert_true (pl_xlsx_export (f->store, f->path, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 2, "PK", 2);
}

static void
test_unwritable_folder (Fixture       *f,
                        gconstpointer  data)
{
  PlXlsxOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "missing", "partners.xlsx", NULL);

  g_assert_false (pl_xlsx_export (f->store, path, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_FAILED);
  /* The message says where. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_dates (Fixture       *f,
                gconstpointer  data)
{
  PlXlsxOptions options = { .from = "2026-02-30" };
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (pl_xlsx_export (f->store, f->path, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  listing = list_output_folder (f);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_staff_codes (void)
{
  g_autofree char *small = pl_xlsx_staff_code (42);
  g_autofree char *large = pl_xlsx_staff_code (123456);

  g_assert_cmpstr (small, ==, "S-0042");
  g_assert_cmpstr (large, ==, "S-123456");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx/staff-codes", test_staff_codes);
  g_test_add ("/xlsx/progress", Fixture, NULL, fixture_set_up, test_progress_reaches_the_total,
              fixture_tear_down);
  g_test_add ("/xlsx/cancel", Fixture, NULL, fixture_set_up, test_cancel_leaves_nothing,
              fixture_tear_down);
  g_test_add ("/xlsx/failure-keeps-earlier-file", Fixture, NULL, fixture_set_up,
              test_failure_keeps_an_earlier_file, fixture_tear_down);
  g_test_add ("/xlsx/success-replaces-earlier-file", Fixture, NULL, fixture_set_up,
              test_success_replaces_an_earlier_file, fixture_tear_down);
  g_test_add ("/xlsx/unwritable-folder", Fixture, NULL, fixture_set_up, test_unwritable_folder,
              fixture_tear_down);
  g_test_add ("/xlsx/bad-dates", Fixture, NULL, fixture_set_up, test_bad_dates,
              fixture_tear_down);

  return g_test_run ();
}
