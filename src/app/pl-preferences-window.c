/* pl-preferences-window.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-application.h"
#include "pl-mail-templates-page.h"
#include "pl-milestones.h"
#include "pl-preferences-window.h"
#include "pl-window.h"

#ifdef HAVE_LIBPORTAL
#include <libportal/portal.h>
#include <libportal-gtk4/portal-gtk4.h>
#endif
#include "pl-store-access.h"

/* The network's preferences, kept in its database (not in GSettings), so
 * that everyone working on the same network plans with the same rules:
 * the lead time and the milestone templates. Edits to templates are written
 * after a pause and then every placement's undone milestones follow them. */

#define SAVE_DELAY_MS 500

struct _PlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  PlContext            *context;
  GHashTable           *dirty;     /* TemplateRow set */
  guint                 save_id;
  gboolean              loading;

  /* Template widgets */
  AdwActionRow         *location_row;
  GtkWidget            *local_file_row;
  GtkSpinButton        *lead_time_spin;
  AdwPreferencesGroup  *templates_group;
  GtkSwitch            *remind_start_switch;
  GtkWidget            *remind_login_row;
  GtkSwitch            *remind_login_switch;
};

G_DEFINE_FINAL_TYPE (PlPreferencesWindow, pl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  PlPreferencesWindow *self;
  PlRecord            *record;
  AdwExpanderRow      *expander;
  AdwEntryRow         *label_row;
  GtkDropDown         *anchor;
  GtkSpinButton       *amount;
  GtkDropDown         *unit;
  GtkDropDown         *direction;
} TemplateRow;

static void
template_row_free (TemplateRow *row)
{
  g_clear_object (&row->record);
  g_free (row);
}

static PlStore *
get_store (PlPreferencesWindow *self)
{
  return pl_context_get_store (self->context);
}

static void
show_error (PlPreferencesWindow *self,
            const char          *what,
            const GError        *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
update_subtitle (TemplateRow *row)
{
  g_autofree char *text =
    pl_milestones_describe (pl_record_get_string (row->record, "anchor"),
                            (int) pl_record_get_int (row->record, "offset"),
                            pl_record_get_string (row->record, "unit"));

  adw_expander_row_set_subtitle (row->expander, text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander),
                                 pl_record_get_string (row->record, "label"));
}

void
pl_preferences_window_flush (PlPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (PL_IS_PREFERENCES_WINDOW (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (g_hash_table_size (self->dirty) == 0)
    return;

  if (!pl_store_begin (get_store (self), &error))
    goto failed;

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      TemplateRow *row = key;

      if (!pl_store_update (get_store (self), row->record, &error))
        goto failed;
    }

  /* Every placement's undone milestones follow the templates. */
  if (!pl_milestones_update_all (get_store (self), &error) ||
      !pl_store_commit (get_store (self), &error))
    goto failed;

  g_hash_table_remove_all (self->dirty);
  return;

failed:
  pl_store_rollback (get_store (self));
  g_hash_table_remove_all (self->dirty);
  show_error (self, _("Could not save the milestone templates"), error);
}

static gboolean
save_timeout_cb (gpointer data)
{
  PlPreferencesWindow *self = data;

  self->save_id = 0;
  pl_preferences_window_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_template_changed (TemplateRow *row)
{
  PlPreferencesWindow *self = row->self;
  g_autofree char *label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->label_row)));
  int amount = gtk_spin_button_get_value_as_int (row->amount);
  gboolean before = gtk_drop_down_get_selected (row->direction) == 0;
  guint unit = gtk_drop_down_get_selected (row->unit);

  if (self->loading)
    return;

  /* A label may not be empty: keep the last one until one is typed. */
  if (*g_strstrip (label) != '\0')
    pl_record_set_string (row->record, "label", label);
  pl_record_set_string (row->record, "anchor",
                        gtk_drop_down_get_selected (row->anchor) == 1 ? "last" : "first");
  pl_record_set_int (row->record, "offset", before ? -amount : amount);
  if (unit < g_strv_length ((char **) pl_enum_get_nicks (PL_TYPE_MILESTONE_UNIT)))
    pl_record_set_string (row->record, "unit", pl_enum_get_nicks (PL_TYPE_MILESTONE_UNIT)[unit]);

  update_subtitle (row);
  g_hash_table_add (self->dirty, row);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_template_removed_undo (AdwToast            *toast,
                          PlPreferencesWindow *self);

static void
on_remove_clicked (TemplateRow *row)
{
  PlPreferencesWindow *self = row->self;
  g_autoptr(PlRecord) copy = pl_record_copy (row->record);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  g_autofree char *title = NULL;

  pl_preferences_window_flush (self);

  if (!pl_store_begin (get_store (self), &error) ||
      !pl_store_delete (get_store (self), PL_TYPE_MILESTONE_TEMPLATE,
                        pl_record_get_id (row->record), &error) ||
      !pl_milestones_update_all (get_store (self), &error) ||
      !pl_store_commit (get_store (self), &error))
    {
      pl_store_rollback (get_store (self));
      show_error (self, _("Could not remove the milestone"), error);
      return;
    }

  /* Toast titles are markup. */
  title = g_markup_printf_escaped (_("“%s” removed"), pl_record_get_string (copy, "label"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "template", g_steal_pointer (&copy), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_template_removed_undo), self, 0);

  adw_preferences_group_remove (self->templates_group, GTK_WIDGET (row->expander));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static const char *
unit_label (const char *unit)
{
  if (g_str_equal (unit, "working_days"))
    return _("working days");
  if (g_str_equal (unit, "weeks"))
    return _("weeks");
  return _("days");
}

static void
add_template_row (PlPreferencesWindow *self,
                  PlRecord            *record,
                  gboolean             expanded)
{
  TemplateRow *row = g_new0 (TemplateRow, 1);
  g_autoptr(GtkStringList) anchors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);
  GtkWidget *when = adw_action_row_new ();
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gint64 offset = pl_record_get_int (record, "offset");

  row->self = self;
  row->record = pl_record_copy (record);
  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  row->label_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  row->anchor = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  row->amount = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 520, 1));
  row->unit = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  row->direction = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));

  self->loading = TRUE;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  adw_expander_row_set_expanded (row->expander, expanded);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->label_row), _("Label"));
  gtk_editable_set_text (GTK_EDITABLE (row->label_row), pl_record_get_string (record, "label"));

  /* TRANSLATORS: the end of "12 weeks before the first day" */
  gtk_string_list_append (anchors, _("the first day"));
  gtk_string_list_append (anchors, _("the last day"));
  gtk_drop_down_set_model (row->anchor, G_LIST_MODEL (anchors));
  gtk_drop_down_set_selected (row->anchor,
                              g_strcmp0 (pl_record_get_string (record, "anchor"), "last") == 0);
  gtk_widget_set_valign (GTK_WIDGET (row->anchor), GTK_ALIGN_CENTER);

  gtk_spin_button_set_value (row->amount, ABS (offset));
  gtk_widget_set_valign (GTK_WIDGET (row->amount), GTK_ALIGN_CENTER);
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_MILESTONE_UNIT)[i] != NULL; i++)
    gtk_string_list_append (units, unit_label (pl_enum_get_nicks (PL_TYPE_MILESTONE_UNIT)[i]));
  gtk_drop_down_set_model (row->unit, G_LIST_MODEL (units));
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_MILESTONE_UNIT)[i] != NULL; i++)
    if (g_strcmp0 (pl_enum_get_nicks (PL_TYPE_MILESTONE_UNIT)[i], pl_record_get_string (record, "unit")) == 0)
      gtk_drop_down_set_selected (row->unit, i);
  gtk_widget_set_valign (GTK_WIDGET (row->unit), GTK_ALIGN_CENTER);

  gtk_string_list_append (directions, _("before"));
  gtk_string_list_append (directions, _("after"));
  gtk_drop_down_set_model (row->direction, G_LIST_MODEL (directions));
  gtk_drop_down_set_selected (row->direction, offset > 0 ? 1 : 0);
  gtk_widget_set_valign (GTK_WIDGET (row->direction), GTK_ALIGN_CENTER);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (when), _("When"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->amount));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->unit));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->direction));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->anchor));
  adw_action_row_add_suffix (ADW_ACTION_ROW (when), box);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove This Milestone"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (remove_row),
                               _("Placements keep it only where it is already done."));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);

  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->label_row));
  adw_expander_row_add_row (row->expander, when);
  adw_expander_row_add_row (row->expander, remove_row);

  g_object_set_data_full (G_OBJECT (row->expander), "template-row", row,
                          (GDestroyNotify) template_row_free);
  g_signal_connect_swapped (row->label_row, "changed", G_CALLBACK (on_template_changed), row);
  g_signal_connect_swapped (row->anchor, "notify::selected",
                            G_CALLBACK (on_template_changed), row);
  g_signal_connect_swapped (row->amount, "value-changed", G_CALLBACK (on_template_changed), row);
  g_signal_connect_swapped (row->unit, "notify::selected", G_CALLBACK (on_template_changed), row);
  g_signal_connect_swapped (row->direction, "notify::selected",
                            G_CALLBACK (on_template_changed), row);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), row);

  update_subtitle (row);
  adw_preferences_group_add (self->templates_group, GTK_WIDGET (row->expander));
  self->loading = FALSE;
}

static void
on_template_removed_undo (AdwToast            *toast,
                          PlPreferencesWindow *self)
{
  PlRecord *copy = g_object_get_data (G_OBJECT (toast), "template");
  g_autoptr(PlRecord) again = pl_record_copy (copy);
  g_autoptr(GError) error = NULL;

  pl_record_set_id (again, 0);
  if (!pl_store_begin (get_store (self), &error) ||
      !pl_store_insert (get_store (self), again, &error) ||
      !pl_milestones_update_all (get_store (self), &error) ||
      !pl_store_commit (get_store (self), &error))
    {
      pl_store_rollback (get_store (self));
      show_error (self, _("Could not bring the milestone back"), error);
      return;
    }

  add_template_row (self, again, FALSE);
}

static void
add_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (widget);
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  pl_preferences_window_flush (self);

  record = pl_milestone_templates_add (get_store (self), _("New milestone"), &error);
  if (record == NULL)
    {
      show_error (self, _("Could not add a milestone"), error);
      return;
    }

  add_template_row (self, record, TRUE);
}

static void
on_lead_time_changed (PlPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (self->loading || self->context == NULL)
    return;

  value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->lead_time_spin));
  if (!pl_store_set_setting (get_store (self), "lead_time_weeks", value, &error))
    show_error (self, _("Could not save the lead time"), error);
}

/* Where the data lives. The connection itself is changed by the
 * application (app.connect-database, app.use-local-file), which opens a
 * new window over the new store and closes this one. */
static void
load_location (PlPreferencesWindow *self)
{
  PlStore *store = get_store (self);
  g_autofree char *user = NULL;
  g_autofree char *database = NULL;

  if (pl_store_get_login (store, &user, &database))
    {
      g_autofree char *title = g_strdup_printf (_("Shared database %s on %s"), user, database);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->location_row), title);
      adw_action_row_set_subtitle (self->location_row, pl_store_get_path (store));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->location_row),
                                     _("A File on This Computer"));
      adw_action_row_set_subtitle (self->location_row, pl_store_get_path (store));
    }
  gtk_widget_set_visible (self->local_file_row, pl_store_is_shared (store));
}

/* The window belongs to no application (it is transient for one that
 * does), so it offers the application's actions as its own. */
static void
use_local_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GApplication *app = g_application_get_default ();

  if (PL_IS_APPLICATION (app))
    g_action_group_activate_action (G_ACTION_GROUP (app), "use-local-file", NULL);
}

/* Over this window, which is modal: not over the main window under it. */
static void
connect_database_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GApplication *app = g_application_get_default ();

  if (PL_IS_APPLICATION (app))
    pl_application_show_connect_dialog (PL_APPLICATION (app), GTK_WINDOW (widget));
}

static void
load (PlPreferencesWindow *self)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  load_location (self);

  self->loading = TRUE;
  gtk_spin_button_set_value (self->lead_time_spin,
                             pl_store_get_setting_int (get_store (self), "lead_time_weeks", 6));
  self->loading = FALSE;

  templates = pl_milestone_templates_list (get_store (self), &error);
  if (templates == NULL)
    {
      g_critical ("%s", error->message);
      return;
    }

  for (guint i = 0; i < templates->len; i++)
    add_template_row (self, g_ptr_array_index (templates, i), FALSE);
}

#ifdef HAVE_LIBPORTAL
static void
on_background_requested (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(PlPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean wanted = gtk_switch_get_active (self->remind_login_switch);
  gboolean granted = xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error);

  /* The switch shows what the desktop agreed to, and the setting (which the
   * --background start reads) follows it. */
  if (!granted && wanted)
    {
      self->loading = TRUE;
      gtk_switch_set_active (self->remind_login_switch, FALSE);
      self->loading = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pl_widget_show_error (GTK_WIDGET (self), _("Could not start at login"), error);
    }
  gtk_switch_set_state (self->remind_login_switch, granted ? wanted : FALSE);
  if (self->context != NULL)
    g_settings_set_boolean (pl_context_get_settings (self->context), "remind-at-login",
                            granted ? wanted : FALSE);
}
#endif

/* Asks the Background portal to start the app at login (or no longer),
 * with --background so that it reminds and quits. */
static gboolean
on_remind_login_state_set (PlPreferencesWindow *self,
                           gboolean             state,
                           GtkSwitch           *toggle)
{
#ifdef HAVE_LIBPORTAL
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(GPtrArray) command = NULL;
  XdpParent *parent;

  if (self->loading)
    return FALSE;

  portal = xdp_portal_new ();
  command = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (command, g_strdup ("placements"));
  g_ptr_array_add (command, g_strdup ("--background"));

  parent = xdp_parent_new_gtk (GTK_WINDOW (self));
  xdp_portal_request_background (portal, parent,
                                 _("Placements sends the day’s reminders when you log in"),
                                 command,
                                 state ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 NULL, on_background_requested, g_object_ref (self));
  xdp_parent_free (parent);
  /* The state follows when the desktop has answered. */
  return TRUE;
#else
  return FALSE;
#endif
}

static gboolean
pl_preferences_window_close_request (GtkWindow *window)
{
  pl_preferences_window_flush (PL_PREFERENCES_WINDOW (window));
  return GTK_WINDOW_CLASS (pl_preferences_window_parent_class)->close_request (window);
}

static void
pl_preferences_window_dispose (GObject *object)
{
  PlPreferencesWindow *self = (PlPreferencesWindow *)object;

  if (self->context != NULL && self->dirty != NULL)
    pl_preferences_window_flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_preferences_window_parent_class)->dispose (object);
}

static void
pl_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_preferences_window_constructed (GObject *object)
{
  PlPreferencesWindow *self = (PlPreferencesWindow *)object;
  GSettings *settings;

  G_OBJECT_CLASS (pl_preferences_window_parent_class)->constructed (object);

  g_assert (PL_IS_CONTEXT (self->context));
  load (self);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (pl_mail_templates_page_new (self->context)));
  settings = pl_context_get_settings (self->context);
  g_settings_bind (settings, "remind-at-start", self->remind_start_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  self->loading = TRUE;
  gtk_switch_set_active (self->remind_login_switch,
                         g_settings_get_boolean (settings, "remind-at-login"));
  gtk_switch_set_state (self->remind_login_switch,
                        g_settings_get_boolean (settings, "remind-at-login"));
  self->loading = FALSE;
#ifndef HAVE_LIBPORTAL
  /* Without libportal there is no asking the desktop to start us. */
  gtk_widget_set_visible (self->remind_login_row, FALSE);
#endif
}

static void
pl_preferences_window_class_init (PlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pl_preferences_window_constructed;
  object_class->dispose = pl_preferences_window_dispose;
  object_class->get_property = pl_preferences_window_get_property;
  object_class->set_property = pl_preferences_window_set_property;
  window_class->close_request = pl_preferences_window_close_request;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/placements/Placements/pl-preferences-window.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, local_file_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, lead_time_spin);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, templates_group);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, remind_start_switch);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, remind_login_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, remind_login_switch);

  gtk_widget_class_bind_template_callback (widget_class, on_lead_time_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remind_login_state_set);

  gtk_widget_class_install_action (widget_class, "prefs.add-template", NULL, add_template_action);
  gtk_widget_class_install_action (widget_class, "prefs.connect-database", NULL,
                                   connect_database_action);
  gtk_widget_class_install_action (widget_class, "prefs.use-local-file", NULL,
                                   use_local_file_action);
}

static void
pl_preferences_window_init (PlPreferencesWindow *self)
{
  self->dirty = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

/**
 * pl_preferences_window_new:
 *
 * Returns: (transfer full): a new preferences window for the network in
 *   @context
 */
PlPreferencesWindow *
pl_preferences_window_new (GtkWindow *parent,
                           PlContext *context)
{
  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  return g_object_new (PL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "context", context,
                       NULL);
}
