/* pl-groups-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-groups-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-focus.h"
#include "pl-group-detail.h"
#include "pl-groups-page-private.h"
#include "pl-page-header.h"

/* The professional exchange groups: a table that can be searched by name,
 * filtered by area and status and sorted by any column, beside the chosen
 * group's details. The models are layered as the conventions say:
 *
 *   every group → filter (name, area, status) → sort (column view) →
 *   single selection → column view
 *
 * The store's list replaces its records when a group is added or deleted;
 * the page then selects the same group again by its id. */

G_DEFINE_FINAL_TYPE (PlGroupsPage, pl_groups_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_HEADER_WIDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char * const pl_groups_page_statuses[] = { "forming", "meeting", "reported", NULL };

PlStore *
pl_groups_page_get_store (PlGroupsPage *self)
{
  return self->context ? pl_context_get_store (self->context) : NULL;
}

/* ------------------------------------------------------------------------
 * Filtering
 */

const char *
pl_groups_page_chosen_area (PlGroupsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->area_filter);

  /* The first item is "All areas". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **) pl_enum_get_nicks (PL_TYPE_GROUP_AREA)))
    return NULL;
  return pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[selected - 1];
}

static const char *
chosen_status (PlGroupsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **) pl_groups_page_statuses))
    return NULL;
  return pl_groups_page_statuses[selected - 1];
}

static gboolean
match_group (gpointer item,
             gpointer user_data)
{
  PlGroupsPage *self = user_data;
  PlRecord *group = item;
  const char *area = pl_groups_page_chosen_area (self);
  const char *status = chosen_status (self);

  if (area != NULL && g_strcmp0 (pl_record_get_string (group, "area"), area) != 0)
    return FALSE;
  if (status != NULL && g_strcmp0 (pl_record_get_string (group, "status"), status) != 0)
    return FALSE;

  if (self->needle != NULL && *self->needle != '\0')
    {
      g_autofree char *name = g_utf8_casefold (pl_record_get_string (group, "name") ?: "", -1);

      if (strstr (name, self->needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------
 * Selection
 */

static void
update_actions (PlGroupsPage *self)
{
  gboolean selected = self->selected_id != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "groups.new", self->context != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "groups.duplicate", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "groups.delete", selected);
}

static void
update_stacks (PlGroupsPage *self)
{
  gboolean any = self->groups != NULL && g_list_model_get_n_items (self->groups) > 0;
  gboolean shown = self->filtered != NULL &&
                   g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;

  pl_focus_show_named (self->content_stack, any ? "groups" : "empty", NULL);
  pl_focus_show_named (self->list_stack, shown ? "list" : "no-results", NULL);
  pl_focus_show_named (self->detail_stack,
                       pl_group_detail_get_group_id (self->detail) != 0 ? "detail" : "none",
                       GTK_WIDGET (self->column_view));
}

static guint
find_position (PlGroupsPage *self,
               gint64        group_id)
{
  guint n;

  if (self->selection == NULL || group_id == 0)
    return GTK_INVALID_LIST_POSITION;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) group = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (pl_record_get_id (group) == group_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
show_group (PlGroupsPage *self,
            gint64        group_id)
{
  self->selected_id = group_id;
  pl_group_detail_set_group_id (self->detail, group_id);
  update_stacks (self);
  update_actions (self);
}

static void
on_selected_item_changed (PlGroupsPage       *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  PlRecord *group = gtk_single_selection_get_selected_item (selection);

  if (group != NULL)
    {
      show_group (self, pl_record_get_id (group));
      return;
    }

  /* The store's list was replaced (a group added or deleted): when the
   * group shown is still there, under a new record, it is selected again
   * once the list has taken the change in. */
  if (find_position (self, self->selected_id) != GTK_INVALID_LIST_POSITION)
    return;

  show_group (self, 0);
}

/* Connected after the column view's own handler, so that selecting from
 * here happens once the view knows the new items. */
static void
on_selection_items_changed (PlGroupsPage *self)
{
  if (gtk_single_selection_get_selected_item (self->selection) == NULL && self->selected_id != 0)
    {
      guint position = find_position (self, self->selected_id);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->selection, position);
      else
        show_group (self, 0);
    }

  update_stacks (self);
}

gint64
pl_groups_page_get_selected_id (PlGroupsPage *self)
{
  g_return_val_if_fail (PL_IS_GROUPS_PAGE (self), 0);
  return self->selected_id;
}

static void
clear_filters (PlGroupsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->area_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
}

/**
 * pl_groups_page_select_id:
 *
 * Selects and shows @group_id, clearing the search and filters when they
 * hide it, and scrolls it into view.
 */
void
pl_groups_page_select_id (PlGroupsPage *self,
                          gint64        group_id)
{
  guint position;

  g_return_if_fail (PL_IS_GROUPS_PAGE (self));

  position = find_position (self, group_id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      clear_filters (self);
      /* The search entry reports its change after a delay; the filter is
       * brought up to date now. */
      g_clear_pointer (&self->needle, g_free);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      position = find_position (self, group_id);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  self->selected_id = group_id;
  gtk_single_selection_set_selected (self->selection, position);
  show_group (self, group_id);
  /* GTK 4.8 has no gtk_column_view_scroll_to(); the list view inside the
   * column view has the action, and any of its cells reaches it. */
  if (self->meeting_labels->len > 0)
    gtk_widget_activate_action (g_ptr_array_index (self->meeting_labels, 0),
                                "list.scroll-to-item", "u", position);
}

/* ------------------------------------------------------------------------
 * Search and filters
 */

static void
on_search_changed (PlGroupsPage *self)
{
  g_free (self->needle);
  /* A search entry's delayed "search-changed" can come after it was
   * disposed, when it has no text at all. */
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) ?: "", -1);
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_stop_search (PlGroupsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_filter_changed (PlGroupsPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ------------------------------------------------------------------------
 * Set-up
 */

static void
on_store_changed (PlGroupsPage *self,
                  const char   *table,
                  GArray       *ids,
                  PlStore      *store)
{
  if (table != NULL && !g_str_equal (table, "exchange_group") &&
      !g_str_has_prefix (table, "group_") && !g_str_equal (table, "staff"))
    return;

  /* Records change in place as they are edited; the order and the filter
   * may depend on what changed. */
  pl_groups_page_refresh_meeting_dates (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
  update_stacks (self);
}

static void
pl_groups_page_set_context (PlGroupsPage *self,
                            PlContext    *context)
{
  GtkSorter *sorter;
  PlStore *store;
  GDate today;

  g_return_if_fail (self->context == NULL);

  if (context == NULL)
    return;

  self->context = g_object_ref (context);
  store = pl_context_get_store (context);

  pl_context_get_today (context, &today);
  self->today = pl_date_to_iso (&today);

  self->groups = pl_store_list (store, PL_TYPE_GROUP);
  self->filter = gtk_custom_filter_new (match_group, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (self->groups),
                                              g_object_ref (GTK_FILTER (self->filter)));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  pl_groups_page_refresh_meeting_dates (self);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_selection_items_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  pl_group_detail_set_context (self->detail, context);

  update_stacks (self);
  update_actions (self);
}

static void
pl_groups_page_dispose (GObject *object)
{
  PlGroupsPage *self = PL_GROUPS_PAGE (object);

  /* The detail saves what is pending as it goes; the page need not hear
   * of it any more. */
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (pl_context_get_store (self->context), self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  g_clear_handle_id (&self->open_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_GROUPS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->groups);
  g_clear_object (&self->context);
  pl_page_header_release (&self->header);

  G_OBJECT_CLASS (pl_groups_page_parent_class)->dispose (object);
}

static void
pl_groups_page_finalize (GObject *object)
{
  PlGroupsPage *self = PL_GROUPS_PAGE (object);

  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->meeting_dates, g_hash_table_unref);
  g_clear_pointer (&self->meeting_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_groups_page_parent_class)->finalize (object);
}

static void
pl_groups_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlGroupsPage *self = PL_GROUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_HEADER_WIDGET:
      g_value_set_object (value, self->header);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_groups_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PlGroupsPage *self = PL_GROUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      pl_groups_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_groups_page_class_init (PlGroupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_groups_page_dispose;
  object_class->finalize = pl_groups_page_finalize;
  object_class->get_property = pl_groups_page_get_property;
  object_class->set_property = pl_groups_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * PlGroupsPage:header-widget:
   *
   * The page's New button, which the window shows in its header bar while
   * the page is shown, as on the other list pages.
   */
  properties[PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PL_TYPE_GROUP_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-groups-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, area_filter);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, meeting_column);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, detail);

  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  pl_groups_page_class_init_columns (widget_class);
  pl_groups_page_class_init_actions (widget_class);
}

static void
pl_groups_page_init (PlGroupsPage *self)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->meeting_labels = g_ptr_array_new ();
  self->header = pl_page_header_button_new (GTK_WIDGET (self), "list-add-symbolic",
                                            _("New Group"), "groups.new");

  gtk_string_list_append (areas, _("All areas"));
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[i] != NULL; i++)
    gtk_string_list_append (areas, pl_enum_label (pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[i]));
  gtk_drop_down_set_model (self->area_filter, G_LIST_MODEL (areas));

  gtk_string_list_append (states, _("All statuses"));
  for (guint i = 0; pl_groups_page_statuses[i] != NULL; i++)
    gtk_string_list_append (states, pl_enum_label (pl_groups_page_statuses[i]));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (states));

  pl_groups_page_set_column_sorters (self);
  pl_groups_page_init_actions (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  update_stacks (self);
  update_actions (self);
}
