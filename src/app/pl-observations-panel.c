/* pl-observations-panel.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-observations-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date-picker-row.h"
#include "pl-date.h"
#include "pl-impact.h"
#include "pl-observation-dialog.h"
#include "pl-observations-panel.h"
#include "pl-window.h"

/* Lesson observations, by date, each row opening to its ratings in words;
 * and under them, for each person observed, their last rating before a
 * placement against their first after, criterion by criterion, with the
 * improvements marked, as the network's figures count them
 * (pl_impact_improvements()).
 *
 * For a member of staff the panel lists their observations. For a
 * placement it lists those made against it: of its teacher and of
 * colleagues the learning was cascaded to; a new observation may be of
 * either. The lists are rebuilt when the observation table changes, once
 * per commit. */
struct _PlObservationsPanel
{
  GtkWidget            parent_instance;

  PlContext           *context;
  gint64               staff_id;
  gint64               placement_id;
  gint64               teacher_id;    /* the placement's, in placement mode */
  guint                refresh_id;

  /* Template widgets */
  AdwPreferencesGroup *list_group;
  GtkListBox          *list;
  GtkBox              *comparisons_box;
};

G_DEFINE_FINAL_TYPE (PlObservationsPanel, pl_observations_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_STAFF_ID,
  PROP_PLACEMENT_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static PlStore *
get_store (PlObservationsPanel *self)
{
  return pl_context_get_store (self->context);
}

static void
remove_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_LIST_BOX (widget))
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

static void
add_dim_row (GtkListBox *list,
             const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static int
compare_by_date (gconstpointer a,
                 gconstpointer b)
{
  PlRecord *x = *(PlRecord **) a;
  PlRecord *y = *(PlRecord **) b;
  int by_date = g_strcmp0 (pl_record_get_string (x, "observed_on"),
                           pl_record_get_string (y, "observed_on"));

  if (by_date != 0)
    return by_date;
  return pl_record_get_id (x) < pl_record_get_id (y) ? -1 : pl_record_get_id (x) > pl_record_get_id (y);
}

/* The panel's observations, oldest first (transfer full). */
static GPtrArray *
load_observations (PlObservationsPanel *self)
{
  g_autoptr(GListModel) model = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (self->placement_id > 0)
    model = pl_store_list_where (get_store (self), PL_TYPE_OBSERVATION, "placement_id",
                                 self->placement_id);
  else if (self->staff_id > 0)
    model = pl_store_list_where (get_store (self), PL_TYPE_OBSERVATION, "staff_id",
                                 self->staff_id);
  else
    return records;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, g_list_model_get_item (model, i));
  g_ptr_array_sort (records, compare_by_date);
  return records;
}

static char *
placement_words (PlObservationsPanel *self,
                 gint64               placement_id)
{
  g_autoptr(PlRecord) placement = NULL;
  const char *where;

  if (placement_id <= 0)
    return NULL;
  placement = pl_store_get (get_store (self), PL_TYPE_PLACEMENT, placement_id, NULL);
  if (placement == NULL)
    return NULL;

  where = pl_record_get_string (placement, "employer_name");
  if (where == NULL)
    where = pl_record_get_string (placement, "sector_name");

  if (pl_record_get_int (placement, "staff_id") == self->staff_id || self->placement_id > 0)
    return g_strdup (where);
  /* TRANSLATORS: a colleague's placement the observation is against */
  return g_strdup_printf (_("%s’s placement at %s"),
                          pl_record_get_string (placement, "staff_name"), where);
}

static GtkWidget *
make_observation_row (PlObservationsPanel *self,
                      PlRecord            *observation)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gint64 id = pl_record_get_id (observation);
  const char *phase = pl_record_get_string (observation, "phase");
  const char *observer = pl_record_get_string (observation, "observer");
  const char *notes = pl_record_get_string (observation, "notes");
  g_autofree char *when = pl_date_in_words (pl_record_get_string (observation, "observed_on"));
  g_autofree char *where = placement_words (self,
                                            pl_record_get_int (observation, "placement_id"));
  g_autoptr(GString) subtitle = g_string_new (when);
  g_autofree char *title = NULL;
  g_autofree char *edit_action = NULL;
  g_autofree char *remove_action = NULL;
  guint rated = 0;

  /* A placement's list holds several people; a person's, several placements. */
  if (self->placement_id > 0)
    title = g_strdup_printf ("%s · %s", pl_record_get_string (observation, "staff_name"),
                             pl_enum_label (phase));
  else if (where != NULL)
    title = g_strdup_printf ("%s · %s", pl_enum_label (phase), where);
  else
    title = g_strdup (pl_enum_label (phase));

  if (observer != NULL)
    g_string_append_printf (subtitle, " · %s", observer);
  if (pl_record_get_bool (observation, "independent"))
    g_string_append_printf (subtitle, " · %s", _("independent"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);

  for (guint i = 0; i < PL_N_CRITERIA; i++)
    {
      GtkWidget *line = adw_action_row_new ();
      GtkWidget *value;
      int rating = pl_record_is_null (observation, pl_criteria[i])
                     ? 0 : (int) pl_record_get_int (observation, pl_criteria[i]);
      g_autofree char *text = rating > 0
        ? g_strdup_printf (_("%d · %s"), rating, pl_observation_rating_label (rating))
        : g_strdup (pl_observation_rating_label (0));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), pl_enum_label (pl_criteria[i]));
      value = gtk_label_new (text);
      if (rating == 0)
        gtk_widget_add_css_class (value, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (line), value);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
      rated += rating > 0;
    }

  if (!pl_record_is_null (observation, "learners_progressed"))
    {
      GtkWidget *line = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), _("Learners progressed"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (line),
                                 gtk_label_new (pl_record_get_bool (observation,
                                                                    "learners_progressed")
                                                  ? _("Yes") : _("No")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
    }

  if (notes != NULL)
    {
      GtkWidget *line = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), notes);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (line), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
    }

  edit_action = g_strdup_printf ("observations.edit(int64 %" G_GINT64_FORMAT ")", id);
  remove_action = g_strdup_printf ("observations.remove(int64 %" G_GINT64_FORMAT ")", id);
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (edit), edit_action);
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (remove), remove_action);
  gtk_widget_set_tooltip_text (edit, _("Edit"));
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Edit observation"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove observation"), -1);
  /* Each action goes before the ones added earlier: remove, then edit,
   * reads edit, remove as on the cascade rows. */
  for (GtkWidget *b = remove; b != NULL; b = b == remove ? edit : NULL)
    {
      gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (b, "flat");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), b);
    }

  if (rated == 0)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* One person's last before against first after, a row per criterion. */
static GtkWidget *
make_comparison (PlObservationsPanel *self,
                 gint64               staff_id)
{
  g_autoptr(PlRecord) staff = pl_store_get (get_store (self), PL_TYPE_STAFF, staff_id, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  PlImprovements result;

  if (staff == NULL)
    return NULL;

  if (!pl_impact_improvements (get_store (self), staff_id, &result, &error))
    {
      g_warning ("Cannot compare the observations: %s", error->message);
      return NULL;
    }

  /* TRANSLATORS: the title of a person's comparison of observations */
  title = g_strdup_printf (_("Before and After: %s"), pl_record_get_string (staff, "name"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  if (result.observed)
    {
      g_autofree char *before = pl_date_format (result.pair.before.date, _("%-d %b %Y"));
      g_autofree char *after = pl_date_format (result.pair.after.date, _("%-d %b %Y"));

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "The last lesson before (%s) against the "
                                                  "first after (%s): improved in %u criterion "
                                                  "of %d.",
                                                  "The last lesson before (%s) against the "
                                                  "first after (%s): improved in %u criteria "
                                                  "of %d.", result.n_improved),
                                     before, after, result.n_improved, PL_N_CRITERIA);
    }
  else if (result.pair.before.id > 0)
    description = g_strdup (_("Observed before a placement; an observation after one will show "
                              "what changed."));
  else if (result.pair.after.id > 0)
    description = g_strdup (_("Observed after a placement only; with no lesson observed before, "
                              "there is nothing to compare."));
  else
    description = g_strdup (_("Not observed yet."));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  if (!result.observed)
    return group;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < PL_N_CRITERIA; i++)
    {
      int before = result.pair.before.ratings[i];
      int after = result.pair.after.ratings[i];
      GtkWidget *row;
      GtkWidget *label;
      g_autofree char *subtitle = NULL;
      g_autofree char *change = NULL;
      char before_text[8] = "–";
      char after_text[8] = "–";

      /* Nothing to say about a criterion neither lesson showed. */
      if (before == 0 && after == 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_enum_label (pl_criteria[i]));
      /* TRANSLATORS: a rating before and after, in words: "Good → Outstanding" */
      subtitle = g_strdup_printf (_("%s → %s"), pl_observation_rating_label (before),
                                  pl_observation_rating_label (after));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (before > 0)
        g_snprintf (before_text, sizeof before_text, "%d", before);
      if (after > 0)
        g_snprintf (after_text, sizeof after_text, "%d", after);
      change = g_strdup_printf ("%s → %s", before_text, after_text);
      label = gtk_label_new (change);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

      if (result.improved[i])
        {
          GtkWidget *mark = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

          gtk_widget_add_css_class (mark, "success");
          gtk_widget_set_tooltip_text (mark, _("Improved"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Improved"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
        }
      else
        {
          GtkWidget *space = gtk_image_new ();

          /* Keeps the numbers in one column. */
          gtk_image_set_pixel_size (GTK_IMAGE (space), 16);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), space);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  return group;
}

static void
pl_observations_panel_refresh (PlObservationsPanel *self)
{
  g_autoptr(GPtrArray) observations = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  remove_children (GTK_WIDGET (self->list));
  remove_children (GTK_WIDGET (self->comparisons_box));

  if (self->context == NULL || (self->staff_id <= 0 && self->placement_id <= 0))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "observations.add", FALSE);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observations.add", TRUE);

  observations = load_observations (self);
  for (guint i = 0; i < observations->len; i++)
    gtk_list_box_append (self->list, make_observation_row (self, observations->pdata[i]));

  if (observations->len == 0)
    add_dim_row (self->list, self->placement_id > 0
                               ? _("No lesson observed against this placement yet")
                               : _("No lesson observed yet"));

  /* Whom to compare: the person, or the placement's teacher first and
   * then each colleague observed against it. */
  if (self->placement_id > 0)
    {
      if (self->teacher_id > 0)
        g_array_append_val (people, self->teacher_id);
    }
  else
    g_array_append_val (people, self->staff_id);

  for (guint i = 0; i < observations->len; i++)
    {
      gint64 staff = pl_record_get_int (observations->pdata[i], "staff_id");
      gboolean seen = FALSE;

      for (guint j = 0; j < people->len && !seen; j++)
        seen = g_array_index (people, gint64, j) == staff;
      if (!seen)
        g_array_append_val (people, staff);
    }

  for (guint i = 0; i < people->len; i++)
    {
      GtkWidget *comparison = make_comparison (self, g_array_index (people, gint64, i));

      if (comparison != NULL)
        gtk_box_append (self->comparisons_box, comparison);
    }
}

static gboolean
refresh_idle_cb (gpointer data)
{
  PlObservationsPanel *self = data;

  self->refresh_id = 0;
  pl_observations_panel_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (PlObservationsPanel *self,
                  const char          *table)
{
  if (g_strcmp0 (table, "observation") != 0 && g_strcmp0 (table, "staff") != 0
      && g_strcmp0 (table, "placement") != 0)
    return;

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static GtkWindow *
get_parent_window (PlObservationsPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlObservationsPanel *self = PL_OBSERVATIONS_PANEL (widget);
  g_autoptr(PlRecord) observation = pl_record_new (PL_TYPE_OBSERVATION);
  PlObservationDialog *dialog;

  if (self->context == NULL)
    return;

  if (self->placement_id > 0)
    {
      pl_record_set_int (observation, "staff_id", self->teacher_id);
      pl_record_set_int (observation, "placement_id", self->placement_id);
    }
  else if (self->staff_id > 0)
    pl_record_set_int (observation, "staff_id", self->staff_id);
  else
    return;

  dialog = pl_observation_dialog_new (get_parent_window (self), self->context, observation,
                                      self->placement_id > 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlObservationsPanel *self = PL_OBSERVATIONS_PANEL (widget);
  g_autoptr(PlRecord) observation = NULL;
  g_autoptr(GError) error = NULL;
  PlObservationDialog *dialog;

  if (self->context == NULL)
    return;

  observation = pl_store_get (get_store (self), PL_TYPE_OBSERVATION,
                              g_variant_get_int64 (parameter), &error);
  if (observation == NULL)
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not open the observation"), error);
      return;
    }

  dialog = pl_observation_dialog_new (get_parent_window (self), self->context, observation,
                                      self->placement_id > 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlObservationsPanel *self = PL_OBSERVATIONS_PANEL (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  if (self->context == NULL)
    return;

  if (!pl_store_delete (get_store (self), PL_TYPE_OBSERVATION, id, &error))
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not remove the observation"), error);
      return;
    }

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);
  if (window == NULL)
    return;

  pl_window_add_undo_toast (PL_WINDOW (window), _("Observation removed"));
}

static void
set_context (PlObservationsPanel *self,
             PlContext           *context)
{
  if (!pl_context_replace (&self->context, context, G_CALLBACK (on_store_changed), self))
    return;

  pl_observations_panel_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
pl_observations_panel_dispose (GObject *object)
{
  PlObservationsPanel *self = (PlObservationsPanel *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_OBSERVATIONS_PANEL);
  /* The template's top child has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_observations_panel_parent_class)->dispose (object);
}

static void
pl_observations_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlObservationsPanel *self = PL_OBSERVATIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->staff_id);
      break;

    case PROP_PLACEMENT_ID:
      g_value_set_int64 (value, self->placement_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_observations_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlObservationsPanel *self = PL_OBSERVATIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;

    case PROP_STAFF_ID:
      pl_observations_panel_set_staff (self, g_value_get_int64 (value));
      break;

    case PROP_PLACEMENT_ID:
      pl_observations_panel_set_placement (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_observations_panel_class_init (PlObservationsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_observations_panel_dispose;
  object_class->get_property = pl_observations_panel_get_property;
  object_class->set_property = pl_observations_panel_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STAFF_ID] =
    g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PLACEMENT_ID] =
    g_param_spec_int64 ("placement-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-observations-panel.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlObservationsPanel, list_group);
  gtk_widget_class_bind_template_child (widget_class, PlObservationsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, PlObservationsPanel, comparisons_box);

  gtk_widget_class_install_action (widget_class, "observations.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "observations.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "observations.remove", "x", remove_action);
}

static void
pl_observations_panel_init (PlObservationsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "observations.add", FALSE);
}

GtkWidget *
pl_observations_panel_new (void)
{
  return g_object_new (PL_TYPE_OBSERVATIONS_PANEL, NULL);
}

/**
 * pl_observations_panel_set_staff:
 * @staff_id: the member of staff, or 0
 *
 * Shows the observations of one member of staff (and forgets a placement).
 */
void
pl_observations_panel_set_staff (PlObservationsPanel *self,
                                 gint64               staff_id)
{
  g_return_if_fail (PL_IS_OBSERVATIONS_PANEL (self));

  if (self->staff_id == staff_id && self->placement_id == 0)
    return;

  self->staff_id = staff_id;
  self->placement_id = 0;
  self->teacher_id = 0;
  pl_observations_panel_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEMENT_ID]);
}

gint64
pl_observations_panel_get_staff (PlObservationsPanel *self)
{
  g_return_val_if_fail (PL_IS_OBSERVATIONS_PANEL (self), 0);
  return self->staff_id;
}

/**
 * pl_observations_panel_set_placement:
 * @placement_id: the placement, or 0
 *
 * Shows the observations made against one placement: of its teacher and
 * of the colleagues its learning reached.
 */
void
pl_observations_panel_set_placement (PlObservationsPanel *self,
                                     gint64               placement_id)
{
  g_autoptr(PlRecord) placement = NULL;

  g_return_if_fail (PL_IS_OBSERVATIONS_PANEL (self));

  if (self->context != NULL && placement_id > 0)
    placement = pl_store_get (get_store (self), PL_TYPE_PLACEMENT, placement_id, NULL);

  self->placement_id = placement_id;
  self->teacher_id = placement != NULL ? pl_record_get_int (placement, "staff_id") : 0;
  self->staff_id = self->teacher_id;
  pl_observations_panel_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEMENT_ID]);
}

gint64
pl_observations_panel_get_placement (PlObservationsPanel *self)
{
  g_return_val_if_fail (PL_IS_OBSERVATIONS_PANEL (self), 0);
  return self->placement_id;
}
