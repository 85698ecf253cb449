/* pl-group-detail.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-group-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-group-detail.h"
#include "pl-groups.h"
#include "pl-meeting-dialog.h"
#include "pl-outcome-dialog.h"
#include "pl-staff-picker.h"
#include "pl-window.h"

/* How long typing must pause before it is saved: long enough not to write
 * a transaction a keystroke, short enough that nothing typed waits long. */
#define SAVE_DELAY_MS 400

/* One exchange group, edited in place: its details are saved as they are
 * typed (each pause one transaction, checked first so that a mistake is
 * said beside the fields rather than written), and its members, meetings
 * and outcomes are lists that follow the store. */
struct _PlGroupDetail
{
  AdwBin             parent_instance;

  PlContext         *context;
  gint64             group_id;
  PlRecord          *group;        /* as last saved; NULL when none is shown */
  GListModel        *members;
  GListModel        *meetings;
  GListModel        *outcomes;
  GHashTable        *member_staff; /* staff ids of the members, for the picker */
  guint              save_source;
  gboolean           loading;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkLabel          *status_label;
  GtkLabel          *subtitle_label;
  AdwEntryRow       *name_row;
  AdwComboRow       *area_row;
  GtkSpinButton     *wave_spin;
  AdwEntryRow       *facilitator_row;
  AdwEntryRow       *aim_row;
  GtkLabel          *error_label;
  GtkTextView       *notes_view;
  GtkMenuButton     *add_member_button;
  PlStaffPicker     *staff_picker;
  GtkListBox        *members_list;
  GtkListBox        *meetings_list;
  GtkListBox        *outcomes_list;
};

G_DEFINE_FINAL_TYPE (PlGroupDetail, pl_group_detail, ADW_TYPE_BIN)

static PlStore *
get_store (PlGroupDetail *self)
{
  return self->context ? pl_context_get_store (self->context) : NULL;
}

static PlWindow *
get_window (PlGroupDetail *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);

  return window ? PL_WINDOW (window) : NULL;
}

static void
show_error (PlGroupDetail *self,
            const char    *what,
            const GError  *error)
{
  PlWindow *window = get_window (self);

  if (window != NULL)
    pl_window_show_error (window, what, error);
  else
    g_critical ("%s: %s", what, error->message);
}

static char *
get_notes (PlGroupDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
selected_area (PlGroupDetail *self)
{
  guint selected = adw_combo_row_get_selected (self->area_row);

  if (selected >= g_strv_length ((char **) pl_group_areas))
    return NULL;
  return pl_group_areas[selected];
}

/* The header follows both what is typed (the name) and what the store
 * derives (status, members). */
static void
update_header (PlGroupDetail *self)
{
  const char *status = NULL;
  const char *area;
  g_autofree char *subtitle = NULL;
  gint64 members = 0;
  int wave;

  if (self->group == NULL)
    return;

  {
    g_autoptr(PlRecord) fresh = pl_store_get (get_store (self), PL_TYPE_GROUP, self->group_id,
                                              NULL);

    if (fresh != NULL)
      {
        status = g_intern_string (pl_record_get_string (fresh, "status"));
        members = pl_record_get_int (fresh, "members");
      }
  }

  gtk_label_set_text (self->title_label, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "forming");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "meeting");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "reported");
  if (status != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status);
  gtk_label_set_text (self->status_label, pl_enum_label (status));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);

  area = pl_enum_label (selected_area (self));
  wave = gtk_spin_button_get_value_as_int (self->wave_spin);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* TRANSLATORS: area · wave · members of a group */
                                           "%s · Wave %d · %" G_GINT64_FORMAT " member",
                                           "%s · Wave %d · %" G_GINT64_FORMAT " members",
                                           members),
                              area, wave, members);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
show_problem (PlGroupDetail *self,
              const char    *message,
              gboolean       in_name)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (message != NULL && in_name)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

/* Checks what is typed and writes it in one transaction. A problem is
 * shown beside the fields and nothing is written until it is fixed. */
static void
save_now (PlGroupDetail *self)
{
  g_autoptr(PlRecord) edited = NULL;
  g_autoptr(PlRecord) same_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *notes = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->group == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  notes = get_notes (self);

  edited = pl_record_copy (self->group);
  pl_record_set_string (edited, "name", name);
  pl_record_set_string (edited, "area", selected_area (self));
  pl_record_set_int (edited, "wave", gtk_spin_button_get_value_as_int (self->wave_spin));
  pl_record_set_string (edited, "facilitator",
                        gtk_editable_get_text (GTK_EDITABLE (self->facilitator_row)));
  pl_record_set_string (edited, "aim", gtk_editable_get_text (GTK_EDITABLE (self->aim_row)));
  pl_record_set_string (edited, "notes", notes);

  if (*name == '\0')
    {
      show_problem (self, _("A group needs a name; the last one given is kept until then."),
                    TRUE);
      return;
    }

  same_name = pl_store_find_by_name (get_store (self), PL_TYPE_GROUP, name, NULL);
  if (same_name != NULL && pl_record_get_id (same_name) != self->group_id)
    {
      g_autofree char *message =
        g_strdup_printf (_("Another group is called “%s”; names must be unique."),
                         pl_record_get_string (same_name, "name"));

      show_problem (self, message, TRUE);
      return;
    }

  if (!pl_record_validate (edited, &error) ||
      !pl_store_update (get_store (self), edited, &error))
    {
      show_problem (self, error->message, FALSE);
      return;
    }

  show_problem (self, NULL, FALSE);
  g_set_object (&self->group, edited);
}

static gboolean
save_timeout_cb (gpointer data)
{
  PlGroupDetail *self = data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (PlGroupDetail *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_field_changed (PlGroupDetail *self)
{
  if (self->loading || self->group == NULL)
    return;

  gtk_label_set_text (self->title_label, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  schedule_save (self);
}

/* A choice from a list is a finished edit: saved at once. */
static void
on_choice_changed (PlGroupDetail *self)
{
  if (self->loading || self->group == NULL)
    return;

  save_now (self);
  update_header (self);
}

/**
 * pl_group_detail_flush:
 *
 * Saves what is waiting to be saved, now.
 */
void
pl_group_detail_flush (PlGroupDetail *self)
{
  g_return_if_fail (PL_IS_GROUP_DETAIL (self));

  if (self->save_source != 0)
    save_now (self);
}

/* ------------------------------------------------------------------------
 * Removing a member, meeting or outcome, with Undo
 */

typedef struct
{
  PlStore  *store;
  PlRecord *record;
  GWeakRef  window;
} UndoRemove;

static void
undo_remove_free (gpointer  data,
                  GClosure *closure)
{
  UndoRemove *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->record);
  g_weak_ref_clear (&undo->window);
  g_free (undo);
}

static void
on_undo_remove (AdwToast   *toast,
                UndoRemove *undo)
{
  g_autoptr(PlRecord) copy = pl_record_copy (undo->record);
  g_autoptr(GError) error = NULL;

  pl_record_set_id (copy, 0);
  if (!pl_store_insert (undo->store, copy, &error))
    {
      g_autoptr(PlWindow) window = g_weak_ref_get (&undo->window);

      if (window != NULL)
        pl_window_show_error (window, _("Could not undo"), error);
    }
}

static void
remove_with_undo (PlGroupDetail *self,
                  PlRecord      *record,
                  const char    *title)
{
  g_autoptr(GError) error = NULL;
  PlWindow *window = get_window (self);
  UndoRemove *undo;
  AdwToast *toast;

  undo = g_new0 (UndoRemove, 1);
  undo->store = g_object_ref (get_store (self));
  undo->record = pl_record_copy (record);
  g_weak_ref_init (&undo->window, window);

  if (!pl_store_delete (get_store (self), G_OBJECT_TYPE (record), pl_record_get_id (record),
                        &error))
    {
      undo_remove_free (undo, NULL);
      show_error (self, _("Could not remove it"), error);
      return;
    }

  if (window == NULL)
    {
      undo_remove_free (undo, NULL);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove), undo,
                         undo_remove_free, 0);
  pl_window_add_toast (window, toast);
}

static PlRecord *
row_record (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row ? g_object_get_data (G_OBJECT (row), "record") : NULL;
}

static GtkWidget *
new_remove_button (PlGroupDetail *self,
                   const char    *tooltip,
                   GCallback      callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
new_row (PlRecord   *record,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* What people type is text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  return row;
}

/* ------------------------------------------------------------------------
 * Members
 */

/* A role is saved as it is typed, like the group's own fields. The write
 * happens from an idle when the row goes away with a change pending, so
 * that it never runs inside the list's own rebuilding. */
typedef struct
{
  PlStore  *store;
  GWeakRef  detail;
  gint64    member_id;
  char     *role;
  guint     source;
} RoleEdit;

static void
role_edit_free (RoleEdit *edit)
{
  g_clear_handle_id (&edit->source, g_source_remove);
  g_clear_object (&edit->store);
  g_weak_ref_clear (&edit->detail);
  g_free (edit->role);
  g_free (edit);
}

static gboolean
role_edit_write (gpointer data)
{
  RoleEdit *edit = data;
  g_autoptr(PlRecord) member = NULL;
  g_autoptr(GError) error = NULL;

  edit->source = 0;
  member = pl_store_get (edit->store, PL_TYPE_GROUP_MEMBER, edit->member_id, &error);
  if (member != NULL && g_strcmp0 (pl_record_get_string (member, "role"), edit->role) != 0)
    {
      pl_record_set_string (member, "role", edit->role);
      pl_store_update (edit->store, member, &error);
    }

  if (error != NULL && !g_error_matches (error, PL_ERROR, PL_ERROR_NOT_FOUND))
    {
      g_autoptr(PlGroupDetail) detail = g_weak_ref_get (&edit->detail);

      if (detail != NULL)
        show_error (detail, _("Could not save the role"), error);
    }

  return G_SOURCE_REMOVE;
}

static void
role_edit_finish (gpointer data)
{
  RoleEdit *edit = data;

  if (edit->source == 0)
    {
      role_edit_free (edit);
      return;
    }

  g_source_remove (edit->source);
  edit->source = 0;
  g_idle_add_full (G_PRIORITY_DEFAULT, (GSourceFunc) role_edit_write, edit,
                   (GDestroyNotify) role_edit_free);
}

static void
on_role_changed (GtkEditable *entry,
                 RoleEdit    *edit)
{
  g_free (edit->role);
  edit->role = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_clear_handle_id (&edit->source, g_source_remove);
  edit->source = g_timeout_add (SAVE_DELAY_MS, role_edit_write, edit);
}

static void
on_remove_member_clicked (PlGroupDetail *self,
                          GtkButton     *button)
{
  PlRecord *member = row_record (GTK_WIDGET (button));
  g_autofree char *title = NULL;

  if (member == NULL)
    return;

  title = g_strdup_printf (_("%s removed from the group"),
                           pl_record_get_string (member, "staff_name"));
  remove_with_undo (self, member, title);
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  PlGroupDetail *self = user_data;
  PlRecord *member = item;
  GtkWidget *row = new_row (member, pl_record_get_string (member, "staff_name"),
                            pl_record_get_string (member, "partner_name"));
  GtkWidget *entry = gtk_entry_new ();
  RoleEdit *edit = g_new0 (RoleEdit, 1);

  edit->store = g_object_ref (get_store (self));
  g_weak_ref_init (&edit->detail, self);
  edit->member_id = pl_record_get_id (member);

  gtk_editable_set_text (GTK_EDITABLE (entry), pl_record_get_string (member, "role") ?: "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Role"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Role"), -1);
  g_object_set_data_full (G_OBJECT (entry), "role-edit", edit, role_edit_finish);
  g_signal_connect (entry, "changed", G_CALLBACK (on_role_changed), edit);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_remove_button (self, _("Remove from the Group"),
                                                G_CALLBACK (on_remove_member_clicked)));
  return row;
}

static void
update_member_staff (PlGroupDetail *self)
{
  guint n = self->members ? g_list_model_get_n_items (self->members) : 0;

  g_hash_table_remove_all (self->member_staff);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) member = g_list_model_get_item (self->members, i);
      gint64 *id = g_new (gint64, 1);

      *id = pl_record_get_int (member, "staff_id");
      g_hash_table_add (self->member_staff, id);
    }

  pl_staff_picker_set_excluded (self->staff_picker, self->member_staff);
}

static void
on_staff_chosen (PlGroupDetail *self,
                 gint64         staff_id)
{
  g_autoptr(PlRecord) member = pl_record_new (PL_TYPE_GROUP_MEMBER);
  g_autoptr(GError) error = NULL;

  if (self->group == NULL)
    return;

  pl_record_set_int (member, "group_id", self->group_id);
  pl_record_set_int (member, "staff_id", staff_id);
  pl_record_set_string (member, "role", _("member"));
  if (!pl_store_insert (get_store (self), member, &error))
    show_error (self, _("Could not add the member"), error);
}

/* ------------------------------------------------------------------------
 * Meetings
 */

static void
on_remove_meeting_clicked (PlGroupDetail *self,
                           GtkButton     *button)
{
  PlRecord *meeting = row_record (GTK_WIDGET (button));
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  if (meeting == NULL)
    return;

  date = pl_date_format (pl_record_get_string (meeting, "meeting_date"), "%-d %B %Y");
  title = g_strdup_printf (_("Meeting of %s removed"), date);
  remove_with_undo (self, meeting, title);
}

static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  PlGroupDetail *self = user_data;
  PlRecord *meeting = item;
  const char *place = pl_record_get_string (meeting, "place");
  const char *notes = pl_record_get_string (meeting, "notes");
  /* TRANSLATORS: a meeting's date, see g_date_time_format() */
  g_autofree char *date = pl_date_format (pl_record_get_string (meeting, "meeting_date"),
                                          _("%A %-d %B %Y"));
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (place != NULL && notes != NULL)
    /* TRANSLATORS: a meeting's place and notes */
    subtitle = g_strdup_printf (_("%s — %s"), place, notes);
  else
    subtitle = g_strdup (place ? place : notes);

  row = new_row (meeting, date, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_remove_button (self, _("Remove the Meeting"),
                                                G_CALLBACK (on_remove_meeting_clicked)));
  return row;
}

static void
open_meeting_dialog (PlGroupDetail *self,
                     PlRecord      *meeting)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PlMeetingDialog *dialog;

  if (!GTK_IS_WINDOW (root))
    return;

  dialog = pl_meeting_dialog_new (GTK_WINDOW (root), get_store (self), meeting);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_meeting_activated (PlGroupDetail *self,
                      GtkListBoxRow *row)
{
  PlRecord *meeting = g_object_get_data (G_OBJECT (row), "record");

  pl_group_detail_flush (self);
  if (meeting != NULL)
    open_meeting_dialog (self, meeting);
}

static void
add_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlGroupDetail *self = PL_GROUP_DETAIL (widget);
  g_autoptr(PlRecord) meeting = pl_record_new (PL_TYPE_GROUP_MEETING);
  guint n;

  if (self->group == NULL)
    return;

  pl_group_detail_flush (self);
  pl_record_set_int (meeting, "group_id", self->group_id);

  /* Groups usually meet where they met last time. */
  n = g_list_model_get_n_items (self->meetings);
  if (n > 0)
    {
      g_autoptr(PlRecord) last = g_list_model_get_item (self->meetings, n - 1);

      pl_record_set_string (meeting, "place", pl_record_get_string (last, "place"));
    }

  open_meeting_dialog (self, meeting);
}

/* ------------------------------------------------------------------------
 * Outcomes
 */

typedef struct
{
  GWeakRef window;
  char    *link;
} Launch;

static void
launch_free (Launch *launch)
{
  g_weak_ref_clear (&launch->window);
  g_free (launch->link);
  g_free (launch);
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Launch *launch = data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autoptr(PlWindow) window = g_weak_ref_get (&launch->window);

      if (window != NULL)
        pl_window_show_error (window, _("Could not open the outcome"), error);
    }

  launch_free (launch);
}

static void
on_open_outcome_clicked (PlGroupDetail *self,
                         GtkButton     *button)
{
  PlRecord *outcome = row_record (GTK_WIDGET (button));
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  Launch *launch;

  if (outcome == NULL || pl_record_get_string (outcome, "link") == NULL)
    return;

  uri = pl_outcome_link_to_uri (pl_record_get_string (outcome, "link"), &error);
  if (uri == NULL)
    {
      show_error (self, _("Could not open the outcome"), error);
      return;
    }

  if (g_str_has_prefix (uri, "file:"))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      if (!g_file_query_exists (file, NULL))
        {
          g_autofree char *path = g_file_get_path (file);

          g_set_error (&error, PL_ERROR, PL_ERROR_NOT_FOUND,
                       _("There is no file “%s”."), path ? path : uri);
          show_error (self, _("Could not open the outcome"), error);
          return;
        }
    }

  launch = g_new0 (Launch, 1);
  g_weak_ref_init (&launch->window, get_window (self));
  launch->link = g_strdup (uri);
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                    gtk_widget_get_display (GTK_WIDGET (self))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, on_launched, launch);
}

static void
on_remove_outcome_clicked (PlGroupDetail *self,
                           GtkButton     *button)
{
  PlRecord *outcome = row_record (GTK_WIDGET (button));
  g_autofree char *title = NULL;

  if (outcome == NULL)
    return;

  title = g_strdup_printf (_("Outcome “%s” removed"), pl_record_get_string (outcome, "title"));
  remove_with_undo (self, outcome, title);
}

static GtkWidget *
create_outcome_row (gpointer item,
                    gpointer user_data)
{
  PlGroupDetail *self = user_data;
  PlRecord *outcome = item;
  const char *kind = pl_enum_label (pl_record_get_string (outcome, "kind"));
  g_autofree char *date = pl_date_format (pl_record_get_string (outcome, "outcome_date"),
                                          "%-d %B %Y");
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (date != NULL)
    /* TRANSLATORS: an outcome's kind and date, as “Report · 20 July 2026” */
    subtitle = g_strdup_printf (_("%s · %s"), kind, date);
  else
    subtitle = g_strdup (kind);

  row = new_row (outcome, pl_record_get_string (outcome, "title"), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (pl_record_get_string (outcome, "description") != NULL)
    gtk_widget_set_tooltip_text (row, pl_record_get_string (outcome, "description"));

  if (pl_record_get_string (outcome, "link") != NULL)
    {
      GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (open, pl_record_get_string (outcome, "link"));
      g_signal_connect_object (open, "clicked", G_CALLBACK (on_open_outcome_clicked), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_remove_button (self, _("Remove the Outcome"),
                                                G_CALLBACK (on_remove_outcome_clicked)));
  return row;
}

static void
open_outcome_dialog (PlGroupDetail *self,
                     PlRecord      *outcome)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PlOutcomeDialog *dialog;

  if (!GTK_IS_WINDOW (root))
    return;

  dialog = pl_outcome_dialog_new (GTK_WINDOW (root), get_store (self), outcome);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_outcome_activated (PlGroupDetail *self,
                      GtkListBoxRow *row)
{
  PlRecord *outcome = g_object_get_data (G_OBJECT (row), "record");

  pl_group_detail_flush (self);
  if (outcome != NULL)
    open_outcome_dialog (self, outcome);
}

static void
add_outcome_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlGroupDetail *self = PL_GROUP_DETAIL (widget);
  g_autoptr(PlRecord) outcome = pl_record_new (PL_TYPE_GROUP_OUTCOME);
  g_autofree char *today = NULL;
  GDate date;

  if (self->group == NULL)
    return;

  pl_group_detail_flush (self);
  pl_context_get_today (self->context, &date);
  today = pl_date_to_iso (&date);
  pl_record_set_int (outcome, "group_id", self->group_id);
  pl_record_set_string (outcome, "kind", "report");
  pl_record_set_string (outcome, "outcome_date", today);

  open_outcome_dialog (self, outcome);
}

/* ------------------------------------------------------------------------
 * Loading a group
 */

/* Outcomes in date order, undated ones last, then by title. (GTK 4.8's
 * string sorter does not accept the NULL of an empty date.) */
static int
compare_outcomes (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const char *da = pl_record_get_string ((PlRecord *) a, "outcome_date");
  const char *db = pl_record_get_string ((PlRecord *) b, "outcome_date");
  int order;

  if (da == NULL || db == NULL)
    order = (da == NULL) - (db == NULL);
  else
    order = strcmp (da, db);

  if (order == 0)
    order = g_utf8_collate (pl_record_get_string ((PlRecord *) a, "title"),
                            pl_record_get_string ((PlRecord *) b, "title"));

  return gtk_ordering_from_cmpfunc (order);
}

/* @property is never empty: members by staff name, meetings by date. */
static GListModel *
sorted_children (PlGroupDetail *self,
                 GType          type,
                 const char    *property)
{
  GListModel *children = pl_store_list_where (get_store (self), type, "group_id", self->group_id);
  GtkSorter *sorter;

  if (property != NULL)
    sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (type, NULL,
                                                                             property)));
  else
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_outcomes, NULL, NULL));

  return G_LIST_MODEL (gtk_sort_list_model_new (children, sorter));
}

static void
unbind_lists (PlGroupDetail *self)
{
  gtk_list_box_bind_model (self->members_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->meetings_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->outcomes_list, NULL, NULL, NULL, NULL);

  if (self->members != NULL)
    g_signal_handlers_disconnect_by_func (self->members, update_member_staff, self);
  g_clear_object (&self->members);
  g_clear_object (&self->meetings);
  g_clear_object (&self->outcomes);
}

static void
load_group (PlGroupDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  const char *area;

  unbind_lists (self);
  g_clear_object (&self->group);
  show_problem (self, NULL, FALSE);

  if (self->group_id == 0 || get_store (self) == NULL)
    return;

  self->group = pl_store_get (get_store (self), PL_TYPE_GROUP, self->group_id, &error);
  if (self->group == NULL)
    {
      self->group_id = 0;
      return;
    }

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         pl_record_get_string (self->group, "name"));
  area = pl_record_get_string (self->group, "area");
  for (guint i = 0; pl_group_areas[i] != NULL; i++)
    if (g_strcmp0 (pl_group_areas[i], area) == 0)
      adw_combo_row_set_selected (self->area_row, i);
  gtk_spin_button_set_value (self->wave_spin, pl_record_get_int (self->group, "wave"));
  gtk_editable_set_text (GTK_EDITABLE (self->facilitator_row),
                         pl_record_get_string (self->group, "facilitator") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->aim_row),
                         pl_record_get_string (self->group, "aim") ?: "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            pl_record_get_string (self->group, "notes") ?: "", -1);

  self->loading = FALSE;

  self->members = sorted_children (self, PL_TYPE_GROUP_MEMBER, "staff-name");
  self->meetings = sorted_children (self, PL_TYPE_GROUP_MEETING, "meeting-date");
  self->outcomes = sorted_children (self, PL_TYPE_GROUP_OUTCOME, NULL);

  gtk_list_box_bind_model (self->members_list, self->members, create_member_row, self, NULL);
  gtk_list_box_bind_model (self->meetings_list, self->meetings, create_meeting_row, self, NULL);
  gtk_list_box_bind_model (self->outcomes_list, self->outcomes, create_outcome_row, self, NULL);
  g_signal_connect_swapped (self->members, "items-changed", G_CALLBACK (update_member_staff),
                            self);
  update_member_staff (self);

  update_header (self);
}

static void
on_store_changed (PlGroupDetail *self,
                  const char    *table,
                  PlStore       *store)
{
  /* Only what the store derives is read again: the fields keep what is
   * being typed. */
  if (self->group != NULL)
    update_header (self);
}

gint64
pl_group_detail_get_group_id (PlGroupDetail *self)
{
  g_return_val_if_fail (PL_IS_GROUP_DETAIL (self), 0);
  return self->group_id;
}

/**
 * pl_group_detail_set_group_id:
 * @group_id: the group to show, or 0 for none
 *
 * Saves what was typed for the group shown so far, then shows @group_id.
 */
void
pl_group_detail_set_group_id (PlGroupDetail *self,
                              gint64         group_id)
{
  g_return_if_fail (PL_IS_GROUP_DETAIL (self));

  pl_group_detail_flush (self);

  if (self->group_id == group_id && (group_id == 0 || self->group != NULL))
    return;

  self->group_id = group_id;
  load_group (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-meeting", self->group != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-outcome", self->group != NULL);
}

void
pl_group_detail_set_context (PlGroupDetail *self,
                             PlContext     *context)
{
  g_return_if_fail (PL_IS_GROUP_DETAIL (self));
  g_return_if_fail (PL_IS_CONTEXT (context));

  if (self->context == context)
    return;

  pl_group_detail_set_group_id (self, 0);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (pl_context_get_store (self->context),
                                          on_store_changed, self);
  g_set_object (&self->context, context);
  g_signal_connect_object (pl_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  pl_staff_picker_set_store (self->staff_picker, pl_context_get_store (context));
}

/**
 * pl_group_detail_focus_name:
 *
 * Puts the cursor in the name, with the name selected, for a new group.
 */
void
pl_group_detail_focus_name (PlGroupDetail *self)
{
  g_return_if_fail (PL_IS_GROUP_DETAIL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

static void
pl_group_detail_dispose (GObject *object)
{
  PlGroupDetail *self = PL_GROUP_DETAIL (object);

  /* Nothing typed is lost when the window closes within the delay. */
  pl_group_detail_flush (self);
  unbind_lists (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_GROUP_DETAIL);

  g_clear_object (&self->group);
  g_clear_object (&self->context);
  g_clear_pointer (&self->member_staff, g_hash_table_unref);

  G_OBJECT_CLASS (pl_group_detail_parent_class)->dispose (object);
}

static void
pl_group_detail_class_init (PlGroupDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_group_detail_dispose;

  g_type_ensure (PL_TYPE_STAFF_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-group-detail.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, area_row);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, wave_spin);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, aim_row);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, staff_picker);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, members_list);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, outcomes_list);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_outcome_activated);

  gtk_widget_class_install_action (widget_class, "detail.add-meeting", NULL, add_meeting_action);
  gtk_widget_class_install_action (widget_class, "detail.add-outcome", NULL, add_outcome_action);
}

static void
pl_group_detail_init (PlGroupDetail *self)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; pl_group_areas[i] != NULL; i++)
    gtk_string_list_append (areas, pl_enum_label (pl_group_areas[i]));
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));

  self->member_staff = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-meeting", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-outcome", FALSE);
}
