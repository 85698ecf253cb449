/* pl-survey-import-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-survey-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-survey-import-dialog.h"
#include "pl-survey-import.h"
#include "pl-survey.h"
#include "pl-window.h"

/* A survey export (Google Forms, Microsoft Forms, a spreadsheet) seen
 * before it is imported: how many responses it adds, how many rows it
 * skips, how the file was read, its first responses, or the fault that
 * refuses it, in the same PATH:LINE:COLUMN: words as the CLI. Import
 * writes all of it or nothing (pl_survey_import_file(), the CLI's own
 * path) and, like every change, is one step of the window's history, so
 * the toast offers Undo.
 *
 * The file is read on the main thread, twice (preview, then import):
 * survey exports are hundreds of rows, read in milliseconds, and the
 * import's step must be recorded by the window's own connection for Undo.
 * The window is built in code, as the CSV progress window is: it is a
 * handful of widgets filled from the preview. */

#define N_FIRST 5

struct _PlSurveyImportDialog
{
  AdwWindow            parent_instance;

  PlContext           *context;
  char                *path;
  char                *name;        /* for the toast */
  gint64               placement_id;
  gboolean             can_import;

  AdwComboRow         *kind_row;
  GtkLabel            *summary_label;
  GtkLabel            *problem_label;
  AdwPreferencesGroup *first_group;
  GPtrArray           *first_rows;  /* of GtkWidget, in first_group */
};

G_DEFINE_FINAL_TYPE (PlSurveyImportDialog, pl_survey_import_dialog, ADW_TYPE_WINDOW)

static const char *
current_kind (PlSurveyImportDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == 1 ? "employer" : "student";
}

static void
clear_first_rows (PlSurveyImportDialog *self)
{
  for (guint i = 0; i < self->first_rows->len; i++)
    adw_preferences_group_remove (self->first_group, self->first_rows->pdata[i]);
  g_ptr_array_set_size (self->first_rows, 0);
}

/* "Learning improved: Agree · Workplace: Neutral". */
static char *
describe_answers (PlRecord           *response,
                  const char * const *questions)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint q = 0; questions[q] != NULL; q++)
    {
      const char *answer = pl_record_get_string (response, questions[q]);

      if (answer == NULL || *answer == '\0')
        continue;
      g_string_append_printf (text, "%s%s: %s", text->len > 0 ? " · " : "",
                              pl_survey_question_short_label (questions[q]),
                              pl_enum_label (answer));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_outcome (const char      *kind,
                  const char      *name,
                  const PlSurveyPreview *preview)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *how = pl_csv_format_describe (&preview->format);
  gulong n = (gulong) MIN (preview->n_rows, G_MAXLONG);

  if (g_str_equal (kind, "student"))
    /* TRANSLATORS: "3 student survey responses will be added from forms.csv" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%lu student survey response will be added "
                                               "from %s",
                                               "%lu student survey responses will be added "
                                               "from %s", n), n, name);
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%lu employer survey response will be added "
                                               "from %s",
                                               "%lu employer survey responses will be added "
                                               "from %s", n), n, name);
  if (how != NULL)
    /* TRANSLATORS: how the file was read, after the count */
    g_string_append_printf (text, _(" (%s)"), how);
  g_string_append (text, ".");

  if (preview->n_empty > 0)
    {
      gulong empty = (gulong) MIN (preview->n_empty, G_MAXLONG);

      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%lu row answers no question and will be "
                                                 "skipped.",
                                                 "%lu rows answer no question and will be "
                                                 "skipped.", empty), empty);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_actions (PlSurveyImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", self->can_import);
}

static void
show_problem (PlSurveyImportDialog *self,
              const char           *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

/* Reads the file for @kind; TRUE when it would import. */
static gboolean
preview (PlSurveyImportDialog *self,
         const char           *kind)
{
  PlSurveyLink link = { .placement_id = self->placement_id };
  PlSurveyPreview preview;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean ok;

  clear_first_rows (self);
  ok = pl_survey_preview_file (pl_context_get_store (self->context), kind, self->path, &link,
                               N_FIRST, &preview, &error);

  if (ok)
    {
      const char * const *questions = pl_survey_questions (kind);

      summary = describe_outcome (kind, self->name, &preview);
      for (guint i = 0; i < preview.responses->len; i++)
        {
          PlRecord *response = preview.responses->pdata[i];
          g_autofree char *answers = describe_answers (response, questions);
          g_autofree char *when = pl_date_describe (pl_record_get_string (response,
                                                                          "responded_on"),
                                                    TRUE);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), answers);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          adw_preferences_group_add (self->first_group, row);
          g_ptr_array_add (self->first_rows, row);
        }
      if (preview.n_rows > preview.responses->len)
        {
          g_autofree char *more = NULL;
          gulong n = (gulong) MIN (preview.n_rows - preview.responses->len, G_MAXLONG);
          GtkWidget *row = adw_action_row_new ();

          more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %lu more response",
                                               "And %lu more responses", n), n);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
          gtk_widget_add_css_class (row, "dim-label");
          adw_preferences_group_add (self->first_group, row);
          g_ptr_array_add (self->first_rows, row);
        }
      if (preview.n_rows == 0)
        ok = FALSE;
    }
  else
    summary = g_strdup (_("Nothing will be imported: correct the file and choose it again."));

  gtk_label_set_text (self->summary_label, summary);
  show_problem (self, error != NULL ? error->message : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->first_group), self->first_rows->len > 0);
  pl_survey_preview_clear (&preview);

  self->can_import = ok;
  update_actions (self);
  return ok;
}

static void
on_kind_selected (PlSurveyImportDialog *self)
{
  if (self->path != NULL)
    preview (self, current_kind (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlSurveyImportDialog *self = PL_SURVEY_IMPORT_DIALOG (widget);
  PlStore *store = pl_context_get_store (self->context);
  PlSurveyLink link = { .placement_id = self->placement_id };
  const char *kind = current_kind (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  gint64 n_rows = 0;
  gulong n;

  if (!self->can_import)
    return;

  pl_store_set_step_label (store, _("Import Survey Responses"));
  if (!pl_survey_import_file (store, kind, self->path, &link, &n_rows, NULL, NULL, &error))
    {
      /* The file changed since the preview: say so, and offer nothing. */
      self->can_import = FALSE;
      update_actions (self);
      show_problem (self, error->message);
      return;
    }

  n = (gulong) MIN (n_rows, G_MAXLONG);
  if (g_str_equal (kind, "student"))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Imported %lu student survey response from %s",
                                         "Imported %lu student survey responses from %s", n),
                            n, self->name);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Imported %lu employer survey response from %s",
                                         "Imported %lu employer survey responses from %s", n),
                            n, self->name);
  markup = g_markup_escape_text (text, -1);
  if (PL_IS_WINDOW (parent))
    pl_window_add_undo_toast (PL_WINDOW (parent), markup);

  gtk_window_close (GTK_WINDOW (self));
}

static void
pl_survey_import_dialog_dispose (GObject *object)
{
  PlSurveyImportDialog *self = PL_SURVEY_IMPORT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->first_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_survey_import_dialog_parent_class)->dispose (object);
}

static void
pl_survey_import_dialog_finalize (GObject *object)
{
  PlSurveyImportDialog *self = PL_SURVEY_IMPORT_DIALOG (object);

  g_free (self->path);
  g_free (self->name);

  G_OBJECT_CLASS (pl_survey_import_dialog_parent_class)->finalize (object);
}

static void
pl_survey_import_dialog_class_init (PlSurveyImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_survey_import_dialog_dispose;
  object_class->finalize = pl_survey_import_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_survey_import_dialog_init (PlSurveyImportDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *kind_group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->first_rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Import Survey Responses"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 560);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "import.import");
  gtk_widget_add_css_class (import, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), import);

  gtk_string_list_append (kinds, _("Student survey"));
  gtk_string_list_append (kinds, _("Employer survey"));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("_Survey"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->kind_row), TRUE);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (kind_group), GTK_WIDGET (self->kind_row));

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_wrap_mode (self->problem_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_label_set_selectable (self->problem_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);

  self->first_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->first_group, _("First Responses"));
  gtk_widget_set_visible (GTK_WIDGET (self->first_group), FALSE);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), kind_group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->first_group));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (self), content);

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected),
                            self);
  update_actions (self);
}

/**
 * pl_survey_import_dialog_new:
 * @parent: (nullable): the window whose history and toasts the import joins
 * @path: the survey export
 * @placement_id: the placement every response is linked to, or 0
 *
 * Reads @path at once: as a student survey, or as an employer survey when
 * only that reads.
 *
 * Returns: (transfer none): a new dialog, not yet shown; it is destroyed
 *   when closed
 */
PlSurveyImportDialog *
pl_survey_import_dialog_new (GtkWindow  *parent,
                             PlContext  *context,
                             const char *path,
                             gint64      placement_id)
{
  PlSurveyImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PL_TYPE_SURVEY_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->placement_id = MAX (placement_id, 0);
  self->name = g_filename_display_basename (path);
  self->path = g_strdup (path);

  /* Which survey the file is: the header says, not the person. */
  if (!preview (self, "student"))
    {
      adw_combo_row_set_selected (self->kind_row, 1);
      if (!self->can_import)
        adw_combo_row_set_selected (self->kind_row, 0);
    }

  return self;
}

typedef struct
{
  GtkWindow *parent;   /* weak */
  PlContext *context;
  gint64     placement_id;
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
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_window_present (GTK_WINDOW (pl_survey_import_dialog_new (choice->parent,
                                                                     choice->context, path,
                                                                     choice->placement_id)));
    }

  g_clear_weak_pointer (&choice->parent);
  g_object_unref (choice->context);
  g_free (choice);
  g_object_unref (chooser);
}

/**
 * pl_survey_import_dialog_choose:
 *
 * Asks for a survey export (the native file chooser, the portal's inside
 * Flatpak), then presents its preview.
 */
void
pl_survey_import_dialog_choose (GtkWindow *parent,
                                PlContext *context,
                                gint64     placement_id)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  Choice *choice = g_new0 (Choice, 1);

  g_return_if_fail (PL_IS_CONTEXT (context));

  g_set_weak_pointer (&choice->parent, parent);
  choice->context = g_object_ref (context);
  choice->placement_id = placement_id;

  chooser = gtk_file_chooser_native_new (_("Import Survey Responses"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
