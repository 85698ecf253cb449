/* pl-groups-page-actions.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-groups-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-deletion.h"
#include "pl-groups-page-private.h"
#include "pl-groups.h"
#include "pl-window.h"

/* What the page does: New, Duplicate, Delete with Undo, Find, and moving
 * between the list and the detail when they do not fit side by side. */

/* ------------------------------------------------------------------------
 * Navigation when the list and the detail do not fit side by side
 */

/* Also when the leaflet is not folded (or not yet laid out, just after the
 * empty state gave way to the list): it is the pane shown once it folds. */
static void
show_detail_pane (PlGroupsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail_box);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlGroupsPage *self = PL_GROUPS_PAGE (widget);

  pl_group_detail_flush (self->detail);
  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
}

static gboolean
open_clicked_row (gpointer data)
{
  PlGroupsPage *self = data;

  self->open_id = 0;
  if (adw_leaflet_get_folded (self->leaflet) && self->selected_id != 0)
    show_detail_pane (self);

  return G_SOURCE_REMOVE;
}

/* Folded, one click on a row opens its group, as on the other list pages
 * (pl-list-page.c); side by side, a click selects and the detail follows.
 * The column view's single-click-activate cannot do it: in GTK 4.8 a
 * click on one of its cells only selects the row. The row selects
 * itself when the button is released, after this handler (of the capture
 * phase) has run, so the detail follows once the loop is idle. The column
 * headers sort, and open nothing. */
static void
on_list_released (PlGroupsPage    *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GtkWidget *list = GTK_WIDGET (self->column_view);

  for (GtkWidget *widget = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != list;
       widget = gtk_widget_get_parent (widget))
    if (g_str_equal (gtk_widget_get_css_name (widget), "row"))
      {
        if (self->open_id == 0)
          self->open_id = g_idle_add (open_clicked_row, self);
        return;
      }
}

/* What the instance needs besides its class's actions: the table's
 * clicks. */
void
pl_groups_page_init_actions (PlGroupsPage *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (on_list_released), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
}

static void
on_row_activated (PlGroupsPage *self,
                  guint         position)
{
  g_autoptr(PlRecord) group = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (group == NULL)
    return;

  pl_groups_page_select_id (self, pl_record_get_id (group));
  show_detail_pane (self);
}

/* ------------------------------------------------------------------------
 * Actions
 */

static char *
new_group_name (PlStore *store)
{
  char *name = g_strdup (_("New group"));

  for (guint n = 2; ; n++)
    {
      g_autoptr(PlRecord) existing = pl_store_find_by_name (store, PL_TYPE_GROUP, name, NULL);

      if (existing == NULL)
        return name;

      g_free (name);
      /* TRANSLATORS: the name of a new group when “New group” is taken */
      name = g_strdup_printf (_("New group %u"), n);
    }
}

/* A new group starts in the current wave (the highest so far) and in the
 * area being looked at, or the chosen group's, so that it needs as little
 * changing as possible. */
static void
new_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlGroupsPage *self = PL_GROUPS_PAGE (widget);
  g_autoptr(PlRecord) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *area;
  gint64 wave = 1;
  guint n;

  if (self->context == NULL)
    return;

  pl_group_detail_flush (self->detail);

  n = g_list_model_get_n_items (self->groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) other = g_list_model_get_item (self->groups, i);

      wave = MAX (wave, pl_record_get_int (other, "wave"));
    }

  area = pl_groups_page_chosen_area (self);
  if (area == NULL && self->selected_id != 0)
    {
      g_autoptr(PlRecord) selected = pl_store_get (pl_groups_page_get_store (self), PL_TYPE_GROUP,
                                                   self->selected_id, NULL);

      if (selected != NULL)
        area = g_intern_string (pl_record_get_string (selected, "area"));
    }

  name = new_group_name (pl_groups_page_get_store (self));
  group = pl_record_new (PL_TYPE_GROUP);
  pl_record_set_string (group, "name", name);
  pl_record_set_string (group, "area", area ? area : pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[0]);
  pl_record_set_int (group, "wave", wave);

  if (!pl_store_insert (pl_groups_page_get_store (self), group, &error))
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not create the group"), error);
      return;
    }

  pl_groups_page_select_id (self, pl_record_get_id (group));
  show_detail_pane (self);
  pl_group_detail_focus_name (self->detail);
}

static void
duplicate_group_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlGroupsPage *self = PL_GROUPS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->selected_id == 0)
    return;

  pl_group_detail_flush (self->detail);

  id = pl_group_duplicate (pl_groups_page_get_store (self), self->selected_id, &error);
  if (id == 0)
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not duplicate the group"), error);
      return;
    }

  pl_groups_page_select_id (self, id);
  show_detail_pane (self);
  pl_group_detail_focus_name (self->detail);
}

/* After Undo, the group is back with its id: show it again. */
static void
on_delete_undone (AdwToast     *toast,
                  PlGroupsPage *self)
{
  pl_groups_page_select_id (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast),
                                                                       "pl-group-id")));
}

static void
delete_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlGroupsPage *self = PL_GROUPS_PAGE (widget);
  g_autoptr(PlDeletion) deletion = NULL;
  g_autoptr(PlRecord) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *others = NULL;
  GtkWidget *window;
  AdwToast *toast;
  guint position;
  guint n;

  if (self->selected_id == 0)
    return;

  /* What was typed is saved first, so that Undo brings it back too. */
  pl_group_detail_flush (self->detail);
  position = gtk_single_selection_get_selected (self->selection);

  group = pl_store_get (pl_groups_page_get_store (self), PL_TYPE_GROUP, self->selected_id, &error);
  if (group != NULL)
    deletion = pl_deletion_run (pl_groups_page_get_store (self), PL_TYPE_GROUP,
                                self->selected_id, &error);
  if (deletion == NULL)
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not delete the group"), error);
      return;
    }

  adw_leaflet_set_visible_child (self->leaflet, self->list_box);

  /* The next group takes the deleted one's place, as in a file list, and
   * keeps the focus in the list. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(PlRecord) next = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                        MIN (position, n - 1));

      pl_groups_page_select_id (self, pl_record_get_id (next));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);
  if (window == NULL)
    return;

  title = g_markup_printf_escaped (_("Group “%s” deleted"), pl_record_get_string (group, "name"));
  others = pl_deletion_describe_others (deletion);
  if (others != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (others, -1);
      g_autofree char *with = NULL;

      /* TRANSLATORS: "Group “Maths resilience” deleted, with 4 members and 2 meetings" */
      with = g_strdup_printf (_("%s, with %s"), title, escaped);
      g_free (title);
      title = g_steal_pointer (&with);
    }
  toast = pl_window_add_undo_toast (PL_WINDOW (window), title);
  g_object_set_data (G_OBJECT (toast), "pl-group-id",
                     GSIZE_TO_POINTER (pl_deletion_get_id (deletion)));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_delete_undone), self,
                           G_CONNECT_AFTER);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlGroupsPage *self = PL_GROUPS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
pl_groups_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "groups.new", NULL, new_group_action);
  gtk_widget_class_install_action (widget_class, "groups.duplicate", NULL,
                                   duplicate_group_action);
  gtk_widget_class_install_action (widget_class, "groups.delete", NULL, delete_group_action);
  gtk_widget_class_install_action (widget_class, "groups.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "groups.back", NULL, back_action);
}
