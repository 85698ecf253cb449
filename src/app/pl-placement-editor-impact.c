/* pl-placement-editor-impact.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-placement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-impact-chain.h"
#include "pl-placement-editor-private.h"
#include "pl-stats.h"
#include "pl-store-placement.h"
#include "pl-survey-dialog.h"
#include "pl-survey-import-dialog.h"
#include "pl-survey.h"

/* The Impact tab: the lesson observations made against the placement (a
 * PlObservationsPanel), the survey responses linked to it with a way to
 * type more in, and the way to the staff member's whole impact chain. */

/* One row per survey: how many responses, and the share who agreed with
 * each question, over those who answered it. */
static void
add_survey_row (PlPlacementEditor *self,
                PlSurveyKind       kind)
{
  const char * const *questions = pl_survey_questions (pl_enum_to_nick (PL_TYPE_SURVEY_KIND,
                                                                        kind));
  g_autoptr(PlPlacementSurveyTally) tally = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row;
  gint64 n;

  tally = pl_store_placement_survey_tally (_pl_placement_editor_get_store (self), self->id, kind,
                                           &error);
  if (tally == NULL)
    {
      g_critical ("%s", error->message);
      return;
    }

  n = tally->responses;
  if (kind == PL_SURVEY_KIND_STUDENT)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Students · %d response",
                                          "Students · %d responses", (gulong) n), (int) n);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Employer · %d response",
                                          "Employer · %d responses", (gulong) n), (int) n);

  for (guint i = 0; i < tally->n_questions; i++)
    {
      if (tally->answered[i] == 0)
        continue;
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      /* TRANSLATORS: the share who agreed and the question, "96% agree · Know more about …" */
      g_string_append_printf (subtitle, _("%d%% agree · %s"),
                              pl_stats_percent (tally->agreed[i], tally->answered[i]),
                              pl_survey_question_label (questions[i]));
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle->len > 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  if (n == 0)
    gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (self->surveys_list, row);
}

void
_pl_placement_editor_rebuild_impact (PlPlacementEditor *self)
{
  const char *staff = pl_record_get_string (self->record, "staff_name");
  g_autofree char *label = NULL;

  pl_observations_panel_set_placement (self->observations_panel, self->id);

  _pl_placement_editor_remove_all_rows (self->surveys_list);
  add_survey_row (self, PL_SURVEY_KIND_STUDENT);
  add_survey_row (self, PL_SURVEY_KIND_EMPLOYER);

  /* TRANSLATORS: a button that opens a staff member's impact chain */
  label = g_strdup_printf (_("Show _Impact for %s…"), staff != NULL ? staff : "");
  gtk_button_set_label (self->impact_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.show-impact",
                                 pl_record_get_int (self->record, "staff_id") > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print-pack",
                                 pl_record_get_int (self->record, "employer_id") > 0);
}

static GtkWindow *
get_root_window (PlPlacementEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
enter_survey_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);

  if (self->id == 0)
    return;
  gtk_window_present (GTK_WINDOW (pl_survey_dialog_new (get_root_window (self), self->context,
                                                        self->id)));
}

/* A survey export whose responses are all about this placement. */
static void
import_survey_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);

  if (self->id == 0)
    return;
  pl_survey_import_dialog_choose (get_root_window (self), self->context, self->id);
}

static void
show_impact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);
  gint64 staff = self->record != NULL ? pl_record_get_int (self->record, "staff_id") : 0;

  if (staff > 0)
    pl_impact_chain_show_window (get_root_window (self), self->context, staff);
}

/* The pack is printed by the application (app.print-pack), which keeps
 * the page set-up; the placement names the employer. */
static void
print_pack_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);
  gint64 employer = self->record != NULL ? pl_record_get_int (self->record, "employer_id") : 0;

  if (employer > 0)
    gtk_widget_activate_action (widget, "app.print-pack", "x", employer);
}

void
_pl_placement_editor_class_init_impact (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.enter-survey", NULL,
                                   enter_survey_action);
  gtk_widget_class_install_action (widget_class, "editor.import-survey", NULL,
                                   import_survey_action);
  gtk_widget_class_install_action (widget_class, "editor.show-impact", NULL, show_impact_action);
  gtk_widget_class_install_action (widget_class, "editor.print-pack", NULL, print_pack_action);
}
