/* pl-observation-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-observation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-choice-list.h"
#include "pl-date-picker-row.h"
#include "pl-date.h"
#include "pl-observation-dialog.h"
#include "pl-store-choices.h"
#include "pl-store-observations.h"
#include "pl-window.h"

/* One lesson observation: whom, against which placement and on which side
 * of it, by whom, and a rating per criterion on the scale observers in
 * further education use (1 outstanding … 4 inadequate, or not observed).
 *
 * The placement is one of the staff member's own, or, for a colleague the
 * learning was cascaded to, a placement that has been cascaded. The choices
 * are a snapshot taken when the staff member is chosen, so that a list
 * changing underneath cannot move the selection. Nothing is written until
 * Save; a refusal is shown in the dialog, which stays open with what was
 * typed. */
struct _PlObservationDialog
{
  AdwWindow        parent_instance;

  PlContext       *context;
  PlRecord        *observation;   /* a detached copy; id 0 when new */
  GArray          *staff_ids;     /* gint64, parallel to staff_row's model */
  GArray          *placement_ids; /* gint64, parallel to placement_row's model */
  AdwComboRow     *rating_rows[PL_N_CRITERIA];

  /* Template widgets */
  GtkLabel        *error_label;
  AdwComboRow     *staff_row;
  AdwComboRow     *placement_row;
  AdwComboRow     *phase_row;
  PlDatePickerRow *date_row;
  AdwEntryRow     *observer_row;
  GtkSwitch       *independent_switch;
  AdwPreferencesGroup *ratings_group;
  AdwComboRow     *progressed_row;
  GtkTextView     *notes_view;
};

G_DEFINE_FINAL_TYPE (PlObservationDialog, pl_observation_dialog, ADW_TYPE_WINDOW)

static gint64
id_at (GArray *ids,
       guint   position)
{
  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

const char *
pl_observation_rating_label (int rating)
{
  switch (rating)
    {
    case 1:
      return _("Outstanding");
    case 2:
      return _("Good");
    case 3:
      return _("Requires improvement");
    case 4:
      return _("Inadequate");
    default:
      return _("Not observed");
    }
}

static PlStore *
get_store (PlObservationDialog *self)
{
  return pl_context_get_store (self->context);
}

static void
add_staff (PlObservationDialog *self,
           GtkStringList       *names,
           gint64               id,
           const char          *name,
           const char          *partner)
{
  /* TRANSLATORS: a member of staff to choose: name · partner */
  g_autofree char *label = g_strdup_printf (_("%s · %s"), name, partner);

  g_array_append_val (self->staff_ids, id);
  gtk_string_list_append (names, label);
}

/* The member of staff observed first, then, when another may be chosen,
 * everyone else. */
static void
fill_staff (PlObservationDialog *self,
            gint64               staff_id,
            gboolean             everyone)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(PlRecord) observed = NULL;
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->staff_ids, 0);

  observed = pl_store_get (get_store (self), PL_TYPE_STAFF, staff_id, NULL);
  if (observed != NULL)
    add_staff (self, names, staff_id, pl_record_get_string (observed, "name"),
               pl_record_get_string (observed, "partner_name"));

  if (everyone)
    {
      staff = pl_store_list_staff_choices (get_store (self), 0, &error);
      if (staff == NULL)
        g_critical ("Cannot list the staff: %s", error->message);
    }
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const PlChoice *choice = &g_array_index (staff, PlChoice, i);

      if (choice->id != staff_id)
        add_staff (self, names, choice->id, choice->name, choice->detail);
    }

  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (names));
}

/* "The Saltmarsh Table · 7 Oct 2025", and "Marguerite Okafor at The
 * Saltmarsh Table · 7 Oct 2025" for someone else's. */
static char *
placement_label (const PlObservablePlacement *placement)
{
  const char *where = placement->employer_name != NULL ? placement->employer_name
                                                       : placement->sector_name;
  /* TRANSLATORS: a strftime format for the first day of a placement in a list */
  g_autofree char *when = pl_date_format (placement->first_day, _("%-d %b %Y"));
  g_autofree char *place = when != NULL ? g_strdup_printf ("%s · %s", where, when)
                                        : g_strdup_printf (_("%s · no days yet"), where);

  if (placement->own)
    return g_steal_pointer (&place);
  /* TRANSLATORS: a colleague's placement: "Marguerite Okafor at The Saltmarsh Table · 7 Oct 2025" */
  return g_strdup_printf (_("%s at %s"), placement->staff_name, place);
}

static void
rebuild_placements (PlObservationDialog *self,
                    gint64               staff_id,
                    gint64               keep)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GError) error = NULL;
  gint64 none = 0;
  guint position;

  g_array_set_size (self->placement_ids, 0);
  g_array_append_val (self->placement_ids, none);
  gtk_string_list_append (names, _("None"));

  /* Own placements first, latest first; then the cascaded placements of
   * others, whose learning may have reached this colleague. */
  placements = pl_store_list_observable_placements (get_store (self), staff_id, keep, &error);
  if (placements == NULL)
    g_critical ("Cannot list the placements to observe: %s", error->message);
  for (guint i = 0; placements != NULL && i < placements->len; i++)
    {
      const PlObservablePlacement *placement = g_ptr_array_index (placements, i);
      g_autofree char *label = placement_label (placement);

      g_array_append_val (self->placement_ids, placement->placement_id);
      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->placement_row, G_LIST_MODEL (names));

  position = position_of (self->placement_ids, keep);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  adw_combo_row_set_selected (self->placement_row, position);
}

static void
on_staff_selected (PlObservationDialog *self)
{
  gint64 staff;
  gint64 placement;

  if (self->observation == NULL)
    return;

  staff = id_at (self->staff_ids, adw_combo_row_get_selected (self->staff_row));
  placement = id_at (self->placement_ids, adw_combo_row_get_selected (self->placement_row));
  rebuild_placements (self, staff, placement);
}

static void
show_error (PlObservationDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* "Before" and "after" are about the placement's days: a lesson before
 * it cannot come after its first day, one after it cannot come before its
 * last. A placement without days yet says nothing. */
static gboolean
check_side (PlObservationDialog *self)
{
  gint64 placement_id = id_at (self->placement_ids,
                               adw_combo_row_get_selected (self->placement_row));
  gboolean after = adw_combo_row_get_selected (self->phase_row) == 1;
  const char *date = pl_date_picker_row_get_date (self->date_row);
  g_autoptr(PlRecord) placement = NULL;
  g_autofree char *words = NULL;
  g_autofree char *message = NULL;
  const char *first, *last;

  if (placement_id <= 0)
    return TRUE;
  placement = pl_store_get (get_store (self), PL_TYPE_PLACEMENT, placement_id, NULL);
  if (placement == NULL)
    return TRUE;
  first = pl_record_get_string (placement, "first_day");
  last = pl_record_get_string (placement, "last_day");

  if (!after && first != NULL && g_strcmp0 (date, first) > 0)
    {
      words = pl_date_in_words (first);
      message = g_strdup_printf (_("A lesson observed before the placement is on or before its "
                                   "first day, %s. Change the date, or choose “After the "
                                   "placement”."), words);
    }
  else if (after && last != NULL && g_strcmp0 (date, last) < 0)
    {
      words = pl_date_in_words (last);
      message = g_strdup_printf (_("A lesson observed after the placement is on or after its "
                                   "last day, %s. Change the date, or choose “Before the "
                                   "placement”."), words);
    }

  if (message == NULL)
    return TRUE;
  show_error (self, message);
  return FALSE;
}

static char *
notes_text (PlObservationDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlObservationDialog *self = PL_OBSERVATION_DIALOG (widget);
  PlRecord *record = self->observation;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = notes_text (self);
  const char *observer = gtk_editable_get_text (GTK_EDITABLE (self->observer_row));
  guint progressed = adw_combo_row_get_selected (self->progressed_row);
  gboolean ok;

  if (pl_date_picker_row_get_date (self->date_row) == NULL)
    {
      show_error (self, _("Choose the day of the lesson."));
      return;
    }
  if (!check_side (self))
    return;

  pl_record_set_int (record, "staff_id",
                     id_at (self->staff_ids, adw_combo_row_get_selected (self->staff_row)));
  pl_record_set_int (record, "placement_id",
                     id_at (self->placement_ids,
                            adw_combo_row_get_selected (self->placement_row)));
  pl_record_set_string (record, "phase",
                        pl_enum_get_nicks (PL_TYPE_OBSERVATION_PHASE)[adw_combo_row_get_selected (self->phase_row)]);
  pl_record_set_string (record, "observed_on", pl_date_picker_row_get_date (self->date_row));
  pl_record_set_string (record, "observer", *observer != '\0' ? observer : NULL);
  pl_record_set_bool (record, "independent",
                      gtk_switch_get_active (self->independent_switch));
  for (guint i = 0; i < PL_N_CRITERIA; i++)
    {
      guint rating = adw_combo_row_get_selected (self->rating_rows[i]);

      /* The rows list "Not observed", then 1 to 4. */
      if (rating >= 1 && rating <= 4)
        pl_record_set_int (record, pl_criteria[i], rating);
      else
        pl_record_set_null (record, pl_criteria[i]);
    }
  if (progressed == 1 || progressed == 2)
    pl_record_set_bool (record, "learners_progressed", progressed == 1);
  else
    pl_record_set_null (record, "learners_progressed");
  pl_record_set_string (record, "notes", *notes != '\0' ? notes : NULL);

  if (pl_record_get_id (record) > 0)
    ok = pl_store_update (get_store (self), record, &error);
  else
    ok = pl_store_insert (get_store (self), record, &error);

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pl_observation_dialog_dispose (GObject *object)
{
  PlObservationDialog *self = PL_OBSERVATION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_OBSERVATION_DIALOG);
  g_clear_object (&self->observation);
  g_clear_object (&self->context);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->placement_ids, g_array_unref);

  G_OBJECT_CLASS (pl_observation_dialog_parent_class)->dispose (object);
}

static void
pl_observation_dialog_class_init (PlObservationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_observation_dialog_dispose;

  g_type_ensure (PL_TYPE_DATE_PICKER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-observation-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlObservationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlObservationDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, PlObservationDialog, placement_row);
  gtk_widget_class_bind_template_child (widget_class, PlObservationDialog, phase_row);
  gtk_widget_class_bind_template_child (widget_class, PlObservationDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PlObservationDialog, observer_row);
  gtk_widget_class_bind_template_child (widget_class, PlObservationDialog, independent_switch);
  gtk_widget_class_bind_template_child (widget_class, PlObservationDialog, ratings_group);
  gtk_widget_class_bind_template_child (widget_class, PlObservationDialog, progressed_row);
  gtk_widget_class_bind_template_child (widget_class, PlObservationDialog, notes_view);

  gtk_widget_class_bind_template_callback (widget_class, on_staff_selected);

  gtk_widget_class_install_action (widget_class, "observation.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "observation.save", NULL);
}

static void
pl_observation_dialog_init (PlObservationDialog *self)
{
  g_autoptr(GtkStringList) scale = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) phases = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->placement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  pl_choice_list_show_in_full (self->staff_row);
  pl_choice_list_show_in_full (self->placement_row);
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_OBSERVATION_PHASE)[i] != NULL; i++)
    gtk_string_list_append (phases, pl_enum_label (pl_enum_get_nicks (PL_TYPE_OBSERVATION_PHASE)[i]));
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (phases));

  /* The scale in words, in the order of the ratings. */
  gtk_string_list_append (scale, pl_observation_rating_label (0));
  for (int rating = 1; rating <= 4; rating++)
    {
      /* TRANSLATORS: a rating and its meaning, "2 · Good" */
      g_autofree char *text = g_strdup_printf (_("%d · %s"), rating,
                                               pl_observation_rating_label (rating));

      gtk_string_list_append (scale, text);
    }

  for (guint i = 0; i < PL_N_CRITERIA; i++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_enum_label (pl_criteria[i]));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (scale));
      pl_choice_list_show_in_full (ADW_COMBO_ROW (row));
      adw_preferences_group_add (self->ratings_group, row);
      self->rating_rows[i] = ADW_COMBO_ROW (row);
    }

  pl_date_picker_row_set_required (self->date_row, TRUE);
}

/* Before the placement until its last day has passed. */
static guint
default_phase (PlObservationDialog *self,
               gint64               placement_id)
{
  g_autoptr(PlRecord) placement = NULL;
  g_autofree char *today = NULL;
  const char *last;
  GDate date;

  if (placement_id <= 0)
    return 0;
  placement = pl_store_get (get_store (self), PL_TYPE_PLACEMENT, placement_id, NULL);
  last = placement != NULL ? pl_record_get_string (placement, "last_day") : NULL;
  pl_context_get_today (self->context, &date);
  today = pl_date_to_iso (&date);

  return last != NULL && g_strcmp0 (last, today) < 0 ? 1 : 0;
}

/**
 * pl_observation_dialog_new:
 * @parent: the window the dialog belongs to
 * @context: the context holding the store
 * @observation: the observation to edit, or a new one with its staff_id
 * @choose_staff: whether the member of staff may be changed
 *
 * Returns: (transfer none): a new dialog, not yet shown; it is destroyed
 *   when closed
 */
PlObservationDialog *
pl_observation_dialog_new (GtkWindow *parent,
                           PlContext *context,
                           PlRecord  *observation,
                           gboolean   choose_staff)
{
  PlObservationDialog *self;
  PlRecord *record;
  gint64 staff_id;
  gint64 placement_id;
  gboolean is_new;
  guint position;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PL_IS_OBSERVATION (observation), NULL);

  is_new = pl_record_get_id (observation) == 0;
  self = g_object_new (PL_TYPE_OBSERVATION_DIALOG,
                       "transient-for", parent,
                       "title", is_new ? _("New Lesson Observation")
                                       : _("Edit Lesson Observation"),
                       NULL);
  self->context = g_object_ref (context);
  record = pl_record_copy (observation);
  staff_id = pl_record_get_int (record, "staff_id");
  placement_id = pl_record_get_int (record, "placement_id");

  /* The placement's teacher first, then everyone else. */
  fill_staff (self, staff_id, choose_staff);
  position = position_of (self->staff_ids, staff_id);
  adw_combo_row_set_selected (self->staff_row, position != GTK_INVALID_LIST_POSITION ? position
                                                                                     : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->staff_row), choose_staff);
  if (!choose_staff)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->staff_row), NULL);

  if (is_new && placement_id == 0)
    {
      /* A new observation is most likely about their latest placement. */
      rebuild_placements (self, staff_id, 0);
      if (self->placement_ids->len > 1)
        adw_combo_row_set_selected (self->placement_row, 1);
    }
  else
    rebuild_placements (self, staff_id, placement_id);

  if (is_new)
    {
      GDate today;
      g_autofree char *iso = NULL;

      pl_context_get_today (context, &today);
      iso = pl_date_to_iso (&today);
      pl_date_picker_row_set_date (self->date_row, iso);
      adw_combo_row_set_selected (self->phase_row,
                                  default_phase (self, id_at (self->placement_ids,
                                                              adw_combo_row_get_selected (
                                                                self->placement_row))));
    }
  else
    {
      const char *phase = pl_record_get_string (record, "phase");
      const char *notes = pl_record_get_string (record, "notes");

      adw_combo_row_set_selected (self->phase_row, g_strcmp0 (phase, "after") == 0 ? 1 : 0);
      pl_date_picker_row_set_date (self->date_row, pl_record_get_string (record, "observed_on"));
      gtk_editable_set_text (GTK_EDITABLE (self->observer_row),
                             pl_record_get_string (record, "observer") ?: "");
      gtk_switch_set_active (self->independent_switch,
                             pl_record_get_bool (record, "independent"));
      for (guint i = 0; i < PL_N_CRITERIA; i++)
        adw_combo_row_set_selected (self->rating_rows[i],
                                    pl_record_is_null (record, pl_criteria[i])
                                      ? 0 : (guint) pl_record_get_int (record, pl_criteria[i]));
      if (pl_record_is_null (record, "learners_progressed"))
        adw_combo_row_set_selected (self->progressed_row, 0);
      else
        adw_combo_row_set_selected (self->progressed_row,
                                    pl_record_get_bool (record, "learners_progressed") ? 1 : 2);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ?: "", -1);
    }

  /* Set last: choosing the staff member above rebuilds the placements
   * only once the record is there. */
  self->observation = record;
  return self;
}
