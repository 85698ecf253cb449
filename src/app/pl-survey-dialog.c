/* pl-survey-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-survey-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-choice-list.h"
#include "pl-date-picker-row.h"
#include "pl-date.h"
#include "pl-store-survey.h"
#include "pl-survey-dialog.h"
#include "pl-survey.h"

/* Paper forms typed in one after another: the survey, the placement and
 * the date stay as they are between responses; each question has Agree,
 * Neutral, Disagree and No answer, and goes back to No answer once a
 * response is added, ready for the next form. Each response is written
 * when added, in its own transaction. */

#define MAX_QUESTIONS 4
#define N_CHOICES 4   /* agree, neutral, disagree, no answer */

struct _PlSurveyDialog
{
  AdwWindow        parent_instance;

  PlContext       *context;
  gint64           fixed_placement;
  GArray          *placement_ids;   /* gint64, parallel to link_row's model */
  GtkWidget       *question_rows[MAX_QUESTIONS];
  GtkToggleButton *choices[MAX_QUESTIONS][N_CHOICES];
  guint            n_added;

  /* Template widgets */
  AdwComboRow         *kind_row;
  AdwComboRow         *link_row;
  PlDatePickerRow     *date_row;
  AdwPreferencesGroup *questions_group;
  GtkLabel            *status_label;
};

G_DEFINE_FINAL_TYPE (PlSurveyDialog, pl_survey_dialog, ADW_TYPE_WINDOW)

static const char *
current_kind (PlSurveyDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == 1 ? "employer" : "student";
}

static void
clear_answers (PlSurveyDialog *self)
{
  for (guint q = 0; q < MAX_QUESTIONS; q++)
    if (self->choices[q][N_CHOICES - 1] != NULL)
      gtk_toggle_button_set_active (self->choices[q][N_CHOICES - 1], TRUE);
}

static void
rebuild_questions (PlSurveyDialog *self)
{
  const char * const *questions = pl_survey_questions (current_kind (self));
  const char *labels[N_CHOICES] = { pl_enum_label ("agree"), pl_enum_label ("neutral"),
                                    pl_enum_label ("disagree"), _("No answer") };

  for (guint q = 0; q < MAX_QUESTIONS; q++)
    {
      if (self->question_rows[q] != NULL)
        adw_preferences_group_remove (self->questions_group, self->question_rows[q]);
      self->question_rows[q] = NULL;
      for (guint c = 0; c < N_CHOICES; c++)
        self->choices[q][c] = NULL;
    }

  for (guint q = 0; questions[q] != NULL && q < MAX_QUESTIONS; q++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      const char *question = pl_survey_question_label (questions[q]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      question, -1);

      for (guint c = 0; c < N_CHOICES; c++)
        {
          GtkWidget *toggle = gtk_toggle_button_new_with_label (labels[c]);

          if (c > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), self->choices[q][0]);
          gtk_box_append (GTK_BOX (box), toggle);
          self->choices[q][c] = GTK_TOGGLE_BUTTON (toggle);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->questions_group, row);
      self->question_rows[q] = row;
    }

  clear_answers (self);
}

static void
on_kind_selected (PlSurveyDialog *self)
{
  rebuild_questions (self);
}

/* "Marguerite Okafor · The Saltmarsh Table · 7 Oct 2025". */
static void
fill_placements (PlSurveyDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->placement_ids, 0);
  if (self->fixed_placement == 0)
    {
      gint64 zero = 0;

      g_array_append_val (self->placement_ids, zero);
      gtk_string_list_append (names, _("None (the whole network)"));
    }

  placements = pl_store_survey_list_placements (pl_context_get_store (self->context),
                                                self->fixed_placement, &error);
  if (placements == NULL)
    g_critical ("Cannot list the placements: %s", error->message);

  for (guint i = 0; placements != NULL && i < placements->len; i++)
    {
      const PlSurveyPlacement *placement = &g_array_index (placements, PlSurveyPlacement, i);
      g_autofree char *when = pl_date_format (placement->first_day, _("%-d %b %Y"));
      g_autofree char *text = NULL;

      if (when != NULL)
        text = g_strdup_printf ("%s · %s · %s", placement->staff, placement->host, when);
      else
        text = g_strdup_printf ("%s · %s", placement->staff, placement->host);
      g_array_append_val (self->placement_ids, placement->id);
      gtk_string_list_append (names, text);
    }

  adw_combo_row_set_model (self->link_row, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_row), self->fixed_placement == 0);
}

static void
show_status (PlSurveyDialog *self,
             const char     *text,
             gboolean        error)
{
  gtk_label_set_text (self->status_label, text);
  if (error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlSurveyDialog *self = PL_SURVEY_DIALOG (widget);
  PlStore *store = pl_context_get_store (self->context);
  const char *kind = current_kind (self);
  const char * const *questions = pl_survey_questions (kind);
  g_autoptr(PlRecord) response = pl_record_new (PL_TYPE_SURVEY_RESPONSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  guint selected = adw_combo_row_get_selected (self->link_row);
  gint64 placement = selected < self->placement_ids->len
                       ? g_array_index (self->placement_ids, gint64, selected) : 0;
  gboolean answered = FALSE;

  pl_record_set_string (response, "kind", kind);
  pl_record_set_string (response, "responded_on", pl_date_picker_row_get_date (self->date_row));
  /* An employer's answers are about hosting: the store links the host too. */
  if (placement > 0)
    pl_record_set_int (response, "placement_id", placement);

  for (guint q = 0; questions[q] != NULL && q < MAX_QUESTIONS; q++)
    for (guint c = 0; c < N_CHOICES - 1; c++)
      if (gtk_toggle_button_get_active (self->choices[q][c]))
        {
          pl_record_set_string (response, questions[q], pl_enum_get_nicks (PL_TYPE_SURVEY_ANSWER)[c]);
          answered = TRUE;
        }

  if (!answered)
    {
      show_status (self, _("Choose an answer to at least one question first."), TRUE);
      return;
    }

  if (!pl_store_survey_add (store, response, &error))
    {
      show_status (self, error->message, TRUE);
      return;
    }

  self->n_added++;
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u response added",
                                         "%u responses added", self->n_added),
                            self->n_added);
  show_status (self, status, FALSE);
  clear_answers (self);
  if (self->choices[0][0] != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->choices[0][0]));
}

static void
pl_survey_dialog_dispose (GObject *object)
{
  PlSurveyDialog *self = PL_SURVEY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_SURVEY_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->placement_ids, g_array_unref);

  G_OBJECT_CLASS (pl_survey_dialog_parent_class)->dispose (object);
}

static void
pl_survey_dialog_class_init (PlSurveyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_survey_dialog_dispose;

  g_type_ensure (PL_TYPE_DATE_PICKER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-survey-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlSurveyDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PlSurveyDialog, link_row);
  gtk_widget_class_bind_template_child (widget_class, PlSurveyDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PlSurveyDialog, questions_group);
  gtk_widget_class_bind_template_child (widget_class, PlSurveyDialog, status_label);

  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);

  gtk_widget_class_install_action (widget_class, "survey.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "survey.add", NULL);
}

static void
pl_survey_dialog_init (PlSurveyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->placement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  pl_date_picker_row_set_required (self->date_row, TRUE);
  pl_choice_list_show_in_full (self->link_row);
  rebuild_questions (self);
  show_status (self, _("Ctrl+Enter adds the response."), FALSE);
}

/**
 * pl_survey_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @context: the context holding the store
 * @placement_id: the placement every response is about, or 0 to choose
 *
 * Returns: (transfer none): a new dialog, not yet shown; it is destroyed
 *   when closed
 */
PlSurveyDialog *
pl_survey_dialog_new (GtkWindow *parent,
                      PlContext *context,
                      gint64     placement_id)
{
  PlSurveyDialog *self;
  g_autofree char *today = NULL;
  GDate date;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  self = g_object_new (PL_TYPE_SURVEY_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->fixed_placement = MAX (placement_id, 0);
  fill_placements (self);

  pl_context_get_today (context, &date);
  today = pl_date_to_iso (&date);
  pl_date_picker_row_set_date (self->date_row, today);

  return self;
}

guint
pl_survey_dialog_get_n_added (PlSurveyDialog *self)
{
  g_return_val_if_fail (PL_IS_SURVEY_DIALOG (self), 0);
  return self->n_added;
}
