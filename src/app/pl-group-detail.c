/* pl-group-detail.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-group-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-choice-list.h"
#include "pl-group-detail-private.h"

/* One exchange group, edited in place: its details are saved as they are
 * typed (each pause one transaction, checked first so that a mistake is
 * said beside the fields rather than written), and its members, meetings
 * and outcomes are lists that follow the store. */
G_DEFINE_FINAL_TYPE (PlGroupDetail, pl_group_detail, ADW_TYPE_BIN)

PlStore *
pl_group_detail_get_store (PlGroupDetail *self)
{
  return self->context ? pl_context_get_store (self->context) : NULL;
}

PlWindow *
pl_group_detail_get_window (PlGroupDetail *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);

  return window ? PL_WINDOW (window) : NULL;
}

void
pl_group_detail_show_error (PlGroupDetail *self,
                            const char    *what,
                            const GError  *error)
{
  pl_widget_show_error (GTK_WIDGET (self), what, error);
}

static char *
get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
selected_area (PlGroupDetail *self)
{
  guint selected = adw_combo_row_get_selected (self->area_row);

  if (selected >= g_strv_length ((char **) pl_enum_get_nicks (PL_TYPE_GROUP_AREA)))
    return NULL;
  return pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[selected];
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
    g_autoptr(PlRecord) fresh = pl_store_get (pl_group_detail_get_store (self), PL_TYPE_GROUP,
                                              self->group_id, NULL);

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
  g_autofree char *aim = NULL;
  g_autofree char *notes = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->group == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  aim = get_text (self->aim_view);
  notes = get_text (self->notes_view);

  edited = pl_record_copy (self->group);
  pl_record_set_string (edited, "name", name);
  pl_record_set_string (edited, "area", selected_area (self));
  pl_record_set_int (edited, "wave", gtk_spin_button_get_value_as_int (self->wave_spin));
  pl_record_set_string (edited, "facilitator",
                        gtk_editable_get_text (GTK_EDITABLE (self->facilitator_row)));
  pl_record_set_string (edited, "aim", aim);
  pl_record_set_string (edited, "notes", notes);

  if (*name == '\0')
    {
      show_problem (self, _("A group needs a name; the last one given is kept until then."),
                    TRUE);
      return;
    }

  same_name = pl_store_find_by_name (pl_group_detail_get_store (self), PL_TYPE_GROUP, name, NULL);
  if (same_name != NULL && pl_record_get_id (same_name) != self->group_id)
    {
      g_autofree char *message =
        g_strdup_printf (_("Another group is called “%s”; names must be unique."),
                         pl_record_get_string (same_name, "name"));

      show_problem (self, message, TRUE);
      return;
    }

  if (!pl_record_validate (edited, &error) ||
      !pl_store_update (pl_group_detail_get_store (self), edited, &error))
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
 * Loading a group
 */

static void
load_group (PlGroupDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  const char *area;

  pl_group_detail_unbind_lists (self);
  g_clear_object (&self->group);
  show_problem (self, NULL, FALSE);

  if (self->group_id == 0 || pl_group_detail_get_store (self) == NULL)
    return;

  self->group = pl_store_get (pl_group_detail_get_store (self), PL_TYPE_GROUP, self->group_id,
                              &error);
  if (self->group == NULL)
    {
      self->group_id = 0;
      return;
    }

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         pl_record_get_string (self->group, "name"));
  area = pl_record_get_string (self->group, "area");
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[i] != NULL; i++)
    if (g_strcmp0 (pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[i], area) == 0)
      adw_combo_row_set_selected (self->area_row, i);
  gtk_spin_button_set_value (self->wave_spin, pl_record_get_int (self->group, "wave"));
  gtk_editable_set_text (GTK_EDITABLE (self->facilitator_row),
                         pl_record_get_string (self->group, "facilitator") ?: "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->aim_view),
                            pl_record_get_string (self->group, "aim") ?: "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            pl_record_get_string (self->group, "notes") ?: "", -1);

  self->loading = FALSE;

  pl_group_detail_bind_lists (self);

  update_header (self);
}

static void
on_store_changed (PlGroupDetail *self,
                  const char    *table,
                  GArray        *ids,
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
  pl_group_detail_unbind_lists (self);

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
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, aim_view);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, staff_picker);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, members_list);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, PlGroupDetail, outcomes_list);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);

  pl_group_detail_class_init_rows (widget_class);
}

static void
pl_group_detail_init (PlGroupDetail *self)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[i] != NULL; i++)
    gtk_string_list_append (areas, pl_enum_label (pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[i]));
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));
  pl_choice_list_show_in_full (self->area_row);

  self->member_staff = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->aim_view), "changed",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-meeting", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-outcome", FALSE);
}
