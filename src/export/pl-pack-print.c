/* pl-pack-print.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "pl-pack.h"
#include "pl-pack-print.h"

/* The print entry point of the employer pack: the one file of the lower
 * layers that uses GTK, and it is built into the app's library. The pages
 * come from the same PlPack that writes the PDF; they are laid out again in
 * begin-print for the paper the person chose, with the full sheet as the
 * drawing area so that the pack's own margins hold on every printer. */

typedef struct
{
  PlPack    *pack;
  GSettings *settings;   /* nullable */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->pack);
  g_clear_object (&job->settings);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  pl_pack_set_page_size (job->pack, gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) pl_pack_get_n_pages (job->pack));

  /* The paper chosen in the dialog is what the next print starts from. */
  if (job->settings != NULL)
    {
      GtkPageSetup *setup = gtk_print_context_get_page_setup (context);

      g_settings_set_value (job->settings, "page-setup", gtk_page_setup_to_gvariant (setup));
    }
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  pl_pack_draw_page (job->pack, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  GtkPrintSettings *print_settings;

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY || job->settings == NULL)
    return;

  print_settings = gtk_print_operation_get_print_settings (operation);
  if (print_settings != NULL)
    g_settings_set_value (job->settings, "print-settings",
                          gtk_print_settings_to_gvariant (print_settings));
}

static GtkPageSetup *
saved_page_setup (GSettings *settings)
{
  g_autoptr(GVariant) saved = NULL;
  GtkPageSetup *setup;

  if (settings != NULL)
    saved = g_settings_get_value (settings, "page-setup");

  if (saved == NULL || g_variant_n_children (saved) == 0)
    {
      /* The guide is designed on A4; other paper is laid out afresh. */
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (setup, a4);
      return setup;
    }

  return gtk_page_setup_new_from_gvariant (saved);
}

/**
 * pl_pack_print_default_uri:
 * @employer_name: the employer the pack is for
 *
 * Where Print to File writes the pack unless the person chooses otherwise:
 * a file named after the employer in the Documents folder, or in the home
 * folder where there is none (GTK would write output.pdf in the current
 * folder).
 *
 * Returns: (transfer full): a file:// URI
 */
char *
pl_pack_print_default_uri (const char *employer_name)
{
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *stem = pl_pack_file_stem (employer_name);
  g_autofree char *name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *path = NULL;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    folder = g_get_home_dir ();
  path = g_build_filename (folder, name, NULL);

  return g_filename_to_uri (path, NULL, NULL);
}

/**
 * pl_pack_print_operation_new:
 *
 * Returns: (transfer full) (nullable): the operation, or NULL with @error
 *   when the pack cannot be made (an unknown employer, a bad template)
 */
GtkPrintOperation *
pl_pack_print_operation_new (PlStore    *store,
                             gint64      employer_id,
                             GSettings  *settings,
                             GError    **error)
{
  g_autoptr(PlPack) pack = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperation *operation;
  PrintJob *job;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  pack = pl_pack_new (store, employer_id, NULL, error);
  if (pack == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  /* Translators: the name of a print job; %s is the employer. */
  job_name = g_strdup_printf (_("Employer pack for %s"), pl_pack_get_employer_name (pack));
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  setup = saved_page_setup (settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  {
    g_autoptr(GtkPrintSettings) print_settings = NULL;
    g_autofree char *uri = pl_pack_print_default_uri (pl_pack_get_employer_name (pack));

    if (settings != NULL)
      {
        g_autoptr(GVariant) saved = g_settings_get_value (settings, "print-settings");

        if (g_variant_n_children (saved) > 0)
          print_settings = gtk_print_settings_new_from_gvariant (saved);
      }
    if (print_settings == NULL)
      print_settings = gtk_print_settings_new ();
    /* Print to File offers this employer's pack by name, not the file of
     * the last print nor GTK's output.pdf in the current folder. */
    gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
    gtk_print_operation_set_print_settings (operation, print_settings);
  }

  job = g_new0 (PrintJob, 1);
  job->pack = g_steal_pointer (&pack);
  job->settings = settings != NULL ? g_object_ref (settings) : NULL;
  g_object_set_data_full (G_OBJECT (operation), "pl-pack-job", job,
                          (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);

  return operation;
}

gboolean
pl_pack_print_with_settings (GtkWindow                *parent,
                             PlStore                  *store,
                             gint64                    employer_id,
                             GSettings                *settings,
                             GtkPrintOperationAction   action,
                             GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);

  operation = pl_pack_print_operation_new (store, employer_id, settings, error);
  if (operation == NULL)
    return FALSE;

  result = gtk_print_operation_run (operation, action, parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * pl_pack_print:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Returns: FALSE with @error when the pack could not be made or printed; a
 *   print the person cancels is not an error
 */
gboolean
pl_pack_print (GtkWindow                *parent,
               PlStore                  *store,
               gint64                    employer_id,
               GtkPrintOperationAction   action,
               GError                  **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return pl_pack_print_with_settings (parent, store, employer_id, settings, action, error);
}
