/* pl-csv-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-csv-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-csv-dialog.h"
#include "pl-store-job.h"
#include "pl-window.h"

/* CSV import and export from the list pages' menus: a file chooser (the
 * native one, so that it is the portal's inside Flatpak), then the work in
 * a thread on the store's worker connection (pl_store_run_async()), with a
 * progress window and Cancel when it takes more than a moment. An import
 * is all or nothing (pl_csv_import_file()), so Cancel, or a bad row, leaves
 * the database as it was; the lists hear of the rows it wrote once it is
 * done, as of any change.
 *
 * The progress window is built in code rather than from a template: it is
 * three widgets, and this file is linked only once src/export/pl-csv.c is
 * (see src/app/meson.build), which keeps the whole feature in one place. */

/* Below this, no progress window: it would only flash. */
#define PROGRESS_DELAY_MS 300

typedef struct
{
  GtkWindow    *parent;          /* weak */
  PlStore      *store;           /* the application's, whose worker does the job */
  char         *file_path;
  char         *file_name;       /* for messages */
  PlCsvKind     kind;
  gboolean      importing;
  GCancellable *cancellable;

  double        fraction;        /* of an import, as last told */
  gint64        n_rows;          /* written by the job, read once it is done */
  PlCsvFormat   format;          /* likewise: how the file was read */

  GtkWidget    *window;          /* the progress window, once shown */
  GtkWidget    *progress_bar;
  guint         timeout_id;
} Job;

static void
job_free (Job *job)
{
  g_clear_handle_id (&job->timeout_id, g_source_remove);
  if (job->window != NULL)
    gtk_window_destroy (GTK_WINDOW (job->window));
  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->store);
  g_clear_object (&job->cancellable);
  g_free (job->file_path);
  g_free (job->file_name);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* What the rows of a kind are called in a sentence, with their number. */
static char *
describe_rows (PlCsvKind kind,
               gint64    n)
{
  gulong count = (gulong) n;

  switch (kind)
    {
    case PL_CSV_PARTNERS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu partner", "%lu partners", count), count);
    case PL_CSV_STAFF:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu staff member", "%lu staff members", count),
                              count);
    case PL_CSV_EMPLOYERS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu employer", "%lu employers", count), count);
    case PL_CSV_PLACEMENTS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu placement", "%lu placements", count),
                              count);
    case PL_CSV_GROUPS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu group", "%lu groups", count), count);
    }
}

static void
toast (Job        *job,
       const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  if (PL_IS_WINDOW (job->parent))
    pl_window_add_toast (PL_WINDOW (job->parent), adw_toast_new (markup));
}

static void
on_cancel_clicked (Job *job)
{
  g_cancellable_cancel (job->cancellable);
  gtk_widget_set_sensitive (job->window, FALSE);
}

static gboolean
update_progress (gpointer data)
{
  Job *job = data;

  if (job->progress_bar == NULL)
    return G_SOURCE_CONTINUE;

  /* An export does not say how far it has gone: the bar pulses. */
  if (job->importing)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (job->progress_bar), job->fraction);
  else
    gtk_progress_bar_pulse (GTK_PROGRESS_BAR (job->progress_bar));

  return G_SOURCE_CONTINUE;
}

static gboolean
show_progress (gpointer data)
{
  Job *job = data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *label;
  GtkWidget *cancel;
  g_autofree char *text = NULL;

  job->timeout_id = 0;

  job->window = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (job->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (job->window), job->parent);
  gtk_window_set_deletable (GTK_WINDOW (job->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (job->window), 420, -1);
  gtk_window_set_title (GTK_WINDOW (job->window),
                        job->importing ? _("Importing") : _("Exporting"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (header, "flat");

  text = g_strdup_printf (job->importing ? _("Reading “%s”…") : _("Writing “%s”…"), job->file_name);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  job->progress_bar = gtk_progress_bar_new ();

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked), job);

  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), job->progress_bar);
  gtk_box_append (GTK_BOX (box), cancel);

  {
    GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (content), header);
    gtk_box_append (GTK_BOX (content), box);
    adw_window_set_content (ADW_WINDOW (job->window), content);
  }

  gtk_window_present (GTK_WINDOW (job->window));
  job->timeout_id = g_timeout_add (100, update_progress, job);

  return G_SOURCE_REMOVE;
}

/* Called in the worker thread. */
static void
on_import_progress (goffset  done,
                    goffset  total,
                    gpointer user_data)
{
  if (total > 0)
    pl_store_job_report_progress (user_data, (double) done / (double) total);
}

/* Called in the main context. */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  Job *job = user_data;

  job->fraction = fraction;
}

static gpointer
import_in_worker (PlStoreJob  *store_job,
                  PlStore     *worker,
                  gpointer     data,
                  GError     **error)
{
  Job *job = data;

  if (!pl_csv_import_file (worker, job->kind, job->file_path, on_import_progress, store_job,
                           pl_store_job_get_cancellable (store_job), &job->n_rows, &job->format,
                           error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static gpointer
export_in_worker (PlStoreJob  *store_job,
                  PlStore     *worker,
                  gpointer     data,
                  GError     **error)
{
  Job *job = data;

  if (!pl_csv_export_file (worker, job->kind, job->file_path,
                           pl_store_job_get_cancellable (store_job), &job->n_rows, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *text = NULL;

  if (pl_store_run_finish (PL_STORE (source), result, &error) == NULL)
    {
      GtkWidget *dialog;
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          toast (job, job->importing ? _("Import cancelled; nothing was changed")
                                     : _("Export cancelled"));
          return;
        }

      /* The message says where (FILE:LINE:COLUMN) and why; the person
       * needs it whole, and longer than a toast lasts. */
      heading = g_strdup_printf (job->importing ? _("Could Not Import “%s”")
                                                : _("Could Not Export to “%s”"),
                                 job->file_name);
      body = job->importing
        ? g_strdup_printf (_("%s\n\nNothing was imported: correct the file and import it again."),
                           error->message)
        : g_strdup (error->message);
      dialog = adw_message_dialog_new (job->parent, heading, body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  rows = describe_rows (job->kind, job->n_rows);
  if (job->importing)
    {
      g_autofree char *how = pl_csv_format_describe (&job->format);

      if (how != NULL)
        /* TRANSLATORS: "Imported 1,204 employers from employers.csv (separated by
         * semicolons, read as Windows-1252)" */
        text = g_strdup_printf (_("Imported %s from %s (%s)"), rows, job->file_name, how);
      else
        /* TRANSLATORS: "Imported 1,204 employers from employers.csv" */
        text = g_strdup_printf (_("Imported %s from %s"), rows, job->file_name);
    }
  else
    /* TRANSLATORS: "Exported 1,204 employers to employers.csv" */
    text = g_strdup_printf (_("Exported %s to %s"), rows, job->file_name);

  toast (job, text);
}

/* Runs @func on the store's worker; the job is freed once it is done. */
static void
run (Job            *job,
     PlStoreJobFunc  func)
{
  job->timeout_id = g_timeout_add (PROGRESS_DELAY_MS, show_progress, job);
  pl_store_run_async (job->store, func, job, NULL, NULL, job->importing ? on_progress : NULL,
                      job, job->cancellable, on_job_done, job);
}

static Job *
job_new (GtkWindow *parent,
         PlStore   *store,
         PlCsvKind  kind,
         gboolean   importing,
         GFile     *file)
{
  Job *job = g_new0 (Job, 1);

  g_set_weak_pointer (&job->parent, parent);
  job->store = g_object_ref (store);
  job->file_path = g_file_get_path (file);
  job->file_name = g_file_get_basename (file);
  job->kind = kind;
  job->importing = importing;
  job->cancellable = g_cancellable_new ();

  return job;
}

static void
add_csv_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (chooser, csv);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

typedef struct
{
  GtkWindow *parent;
  PlStore   *store;
  PlCsvKind  kind;
  gboolean   importing;
} Choice;

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         data)
{
  Choice *choice = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (choice->importing)
        pl_csv_dialog_import_file (choice->parent, choice->store, choice->kind, file);
      else
        pl_csv_dialog_export_file (choice->parent, choice->store, choice->kind, file);
    }

  g_object_unref (choice->store);
  g_free (choice);
  g_object_unref (chooser);
}

static void
choose_file (GtkWindow *parent,
             PlStore   *store,
             PlCsvKind  kind,
             gboolean   importing)
{
  GtkFileChooserNative *chooser;
  Choice *choice = g_new0 (Choice, 1);

  choice->parent = parent;
  choice->store = g_object_ref (store);
  choice->kind = kind;
  choice->importing = importing;

  if (importing)
    chooser = gtk_file_chooser_native_new (_("Import from CSV"), parent,
                                           GTK_FILE_CHOOSER_ACTION_OPEN,
                                           _("_Import"), _("_Cancel"));
  else
    {
      g_autofree char *name = g_strdup_printf ("%s.csv", pl_csv_kind_to_string (kind));

      chooser = gtk_file_chooser_native_new (_("Export to CSV"), parent,
                                             GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Export"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_csv_filter (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * pl_csv_dialog_import_file:
 * @file: the CSV file, already chosen (dropped on the window, say)
 *
 * Imports @file as pl_csv_dialog_import() does once a file is chosen.
 */
void
pl_csv_dialog_import_file (GtkWindow *parent,
                           PlStore   *store,
                           PlCsvKind  kind,
                           GFile     *file)
{
  g_return_if_fail (PL_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  run (job_new (parent, store, kind, TRUE, file), import_in_worker);
}

/**
 * pl_csv_dialog_export_file:
 * @file: where to write
 *
 * Exports to @file as pl_csv_dialog_export() does once a file is chosen.
 */
void
pl_csv_dialog_export_file (GtkWindow *parent,
                           PlStore   *store,
                           PlCsvKind  kind,
                           GFile     *file)
{
  g_return_if_fail (PL_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  run (job_new (parent, store, kind, FALSE, file), export_in_worker);
}

/**
 * pl_csv_dialog_import:
 * @parent: the window the file chooser and the progress belong to
 * @store: the application's store, whose lists are told of the import
 * @kind: what the file holds
 *
 * Asks for a CSV file and imports it, as one transaction, in a thread. The
 * outcome shows in a toast, or, for a file that is refused, in a dialog
 * that says where and why.
 */
void
pl_csv_dialog_import (GtkWindow *parent,
                      PlStore   *store,
                      PlCsvKind  kind)
{
  g_return_if_fail (PL_IS_STORE (store));

  choose_file (parent, store, kind, TRUE);
}

/**
 * pl_csv_dialog_export:
 *
 * Asks where to write the CSV file of @kind and writes it in a thread.
 */
void
pl_csv_dialog_export (GtkWindow *parent,
                      PlStore   *store,
                      PlCsvKind  kind)
{
  g_return_if_fail (PL_IS_STORE (store));

  choose_file (parent, store, kind, FALSE);
}
