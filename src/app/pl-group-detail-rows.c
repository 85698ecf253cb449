/* pl-group-detail-rows.c
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
#include "pl-group-detail-private.h"
#include "pl-groups.h"
#include "pl-meeting-dialog.h"
#include "pl-outcome-dialog.h"

/* The three lists of a group's detail: members (with their role, saved as
 * it is typed), meetings and outcomes (edited in dialogs), each row with a
 * Remove button whose toast can undo it. */

/* ------------------------------------------------------------------------
 * Removing a member, meeting or outcome, with Undo
 */

/* Removes at once; Undo in the toast (or Ctrl+Z later) puts the row back
 * as it was, with its id. */
static void
remove_with_undo (PlGroupDetail *self,
                  PlRecord      *record,
                  const char    *title)
{
  g_autoptr(GError) error = NULL;
  PlWindow *window = pl_group_detail_get_window (self);

  if (!pl_store_delete (pl_group_detail_get_store (self), G_OBJECT_TYPE (record),
                        pl_record_get_id (record), &error))
    {
      pl_group_detail_show_error (self, _("Could not remove it"), error);
      return;
    }

  if (window != NULL)
    pl_window_add_undo_toast (window, title);
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

/* On a shared database a partner's coordinator sees a network group's
 * members of other partners without their names (the server keeps those
 * people to their own partner). */
static const char *
member_name (PlRecord *member)
{
  const char *name = pl_record_get_string (member, "staff_name");

  return name != NULL ? name : _("Someone at another partner");
}


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
        pl_group_detail_show_error (detail, _("Could not save the role"), error);
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

  title = g_strdup_printf (_("%s removed from the group"), member_name (member));
  remove_with_undo (self, member, title);
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  PlGroupDetail *self = user_data;
  PlRecord *member = item;
  GtkWidget *row = new_row (member, member_name (member),
                            pl_record_get_string (member, "partner_name"));
  GtkWidget *entry = gtk_entry_new ();
  RoleEdit *edit = g_new0 (RoleEdit, 1);

  edit->store = g_object_ref (pl_group_detail_get_store (self));
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
  if (!pl_store_insert (pl_group_detail_get_store (self), member, &error))
    pl_group_detail_show_error (self, _("Could not add the member"), error);
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

  dialog = pl_meeting_dialog_new (GTK_WINDOW (root), pl_group_detail_get_store (self), meeting);
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
      pl_group_detail_show_error (self, _("Could not open the outcome"), error);
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
          pl_group_detail_show_error (self, _("Could not open the outcome"), error);
          return;
        }
    }

  launch = g_new0 (Launch, 1);
  g_weak_ref_init (&launch->window, pl_group_detail_get_window (self));
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

  dialog = pl_outcome_dialog_new (GTK_WINDOW (root), pl_group_detail_get_store (self), outcome);
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
 * The lists
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

/* Members by name, those whose name the server keeps from us last (GTK
 * 4.8's string sorter does not take a missing string). */
static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *x = pl_record_get_string ((PlRecord *) a, "staff_name");
  const char *y = pl_record_get_string ((PlRecord *) b, "staff_name");

  if (x == NULL || y == NULL)
    return (x == NULL) - (y == NULL);
  return g_utf8_collate (x, y);
}

/* Meetings by date (never empty), members and outcomes by their own rule. */
static GListModel *
sorted_children (PlGroupDetail *self,
                 GType          type,
                 const char    *property)
{
  GListModel *children = pl_store_list_where (pl_group_detail_get_store (self), type,
                                              "group_id", self->group_id);
  GtkSorter *sorter;

  if (type == PL_TYPE_GROUP_MEMBER)
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_members, NULL, NULL));
  else if (property != NULL)
    sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (type, NULL,
                                                                             property)));
  else
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_outcomes, NULL, NULL));

  return G_LIST_MODEL (gtk_sort_list_model_new (children, sorter));
}

void
pl_group_detail_unbind_lists (PlGroupDetail *self)
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

void
pl_group_detail_bind_lists (PlGroupDetail *self)
{
  self->members = sorted_children (self, PL_TYPE_GROUP_MEMBER, NULL);
  self->meetings = sorted_children (self, PL_TYPE_GROUP_MEETING, "meeting-date");
  self->outcomes = sorted_children (self, PL_TYPE_GROUP_OUTCOME, NULL);

  gtk_list_box_bind_model (self->members_list, self->members, create_member_row, self, NULL);
  gtk_list_box_bind_model (self->meetings_list, self->meetings, create_meeting_row, self, NULL);
  gtk_list_box_bind_model (self->outcomes_list, self->outcomes, create_outcome_row, self, NULL);
  g_signal_connect_swapped (self->members, "items-changed", G_CALLBACK (update_member_staff),
                            self);
  update_member_staff (self);
}

void
pl_group_detail_class_init_rows (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_staff_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_outcome_activated);

  gtk_widget_class_install_action (widget_class, "detail.add-meeting", NULL, add_meeting_action);
  gtk_widget_class_install_action (widget_class, "detail.add-outcome", NULL, add_outcome_action);
}
