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
#include "pl-group-detail.h"
#include "pl-groups-page.h"
#include "pl-groups.h"
#include "pl-window.h"

/* The professional exchange groups: a table that can be searched by name,
 * filtered by area and status and sorted by any column, beside the chosen
 * group's details. The models are layered as the conventions say:
 *
 *   every group → filter (name, area, status) → sort (column view) →
 *   single selection → column view
 *
 * The store's list replaces its records when a group is added or deleted;
 * the page then selects the same group again by its id. */
struct _PlGroupsPage
{
  GtkWidget           parent_instance;

  PlContext          *context;
  GListModel         *groups;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *needle;         /* case-folded search text */
  char               *today;          /* ISO */
  GHashTable         *meeting_dates;  /* group id → ISO date of next or last meeting */
  GPtrArray          *meeting_labels; /* the bound cells of the Meeting column */
  gint64              selected_id;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_box;
  GtkWidget          *detail_box;
  GtkStack           *content_stack;
  GtkStack           *list_stack;
  GtkStack           *detail_stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *area_filter;
  GtkDropDown        *status_filter;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *area_column;
  GtkColumnViewColumn *wave_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *members_column;
  GtkColumnViewColumn *meeting_column;
  PlGroupDetail      *detail;
};

G_DEFINE_FINAL_TYPE (PlGroupsPage, pl_groups_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const statuses[] = { "forming", "meeting", "reported", NULL };

static PlStore *
get_store (PlGroupsPage *self)
{
  return self->context ? pl_context_get_store (self->context) : NULL;
}

static int
index_of (const char * const *keys,
          const char         *key)
{
  for (int i = 0; key != NULL && keys[i] != NULL; i++)
    if (g_str_equal (keys[i], key))
      return i;
  return -1;
}

/* ------------------------------------------------------------------------
 * Filtering and sorting
 */

static const char *
chosen_area (PlGroupsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->area_filter);

  /* The first item is "All areas". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **) pl_group_areas))
    return NULL;
  return pl_group_areas[selected - 1];
}

static const char *
chosen_status (PlGroupsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **) statuses))
    return NULL;
  return statuses[selected - 1];
}

static gboolean
match_group (gpointer item,
             gpointer user_data)
{
  PlGroupsPage *self = user_data;
  PlRecord *group = item;
  const char *area = chosen_area (self);
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

static int
compare_area (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const char *la = pl_enum_label (pl_record_get_string ((PlRecord *) a, "area"));
  const char *lb = pl_enum_label (pl_record_get_string ((PlRecord *) b, "area"));

  return gtk_ordering_from_cmpfunc (g_utf8_collate (la, lb));
}

/* Forming, meeting, reported: the order a group goes through them. */
static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int ia = index_of (statuses, pl_record_get_string ((PlRecord *) a, "status"));
  int ib = index_of (statuses, pl_record_get_string ((PlRecord *) b, "status"));

  return gtk_ordering_from_cmpfunc (ia - ib);
}

static const char *
meeting_date_of (PlGroupsPage *self,
                 PlRecord     *group)
{
  gint64 id = pl_record_get_id (group);

  return self->meeting_dates ? g_hash_table_lookup (self->meeting_dates, &id) : NULL;
}

/* Groups without meetings come last either way round. */
static int
compare_meeting (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  PlGroupsPage *self = user_data;
  const char *da = meeting_date_of (self, (PlRecord *) a);
  const char *db = meeting_date_of (self, (PlRecord *) b);

  if (da == NULL || db == NULL)
    return gtk_ordering_from_cmpfunc ((da == NULL) - (db == NULL));
  return gtk_ordering_from_cmpfunc (strcmp (da, db));
}

static void
set_column_sorters (PlGroupsPage *self)
{
  g_autoptr(GtkSorter) name = NULL;
  g_autoptr(GtkSorter) area = NULL;
  g_autoptr(GtkSorter) wave = NULL;
  g_autoptr(GtkSorter) status = NULL;
  g_autoptr(GtkSorter) members = NULL;
  g_autoptr(GtkSorter) meeting = NULL;

  name = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (PL_TYPE_GROUP, NULL,
                                                                         "name")));
  area = GTK_SORTER (gtk_custom_sorter_new (compare_area, NULL, NULL));
  wave = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (PL_TYPE_GROUP, NULL,
                                                                          "wave")));
  status = GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL));
  members = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (PL_TYPE_GROUP, NULL,
                                                                             "members")));
  meeting = GTK_SORTER (gtk_custom_sorter_new (compare_meeting, self, NULL));

  gtk_column_view_column_set_sorter (self->name_column, name);
  gtk_column_view_column_set_sorter (self->area_column, area);
  gtk_column_view_column_set_sorter (self->wave_column, wave);
  gtk_column_view_column_set_sorter (self->status_column, status);
  gtk_column_view_column_set_sorter (self->members_column, members);
  gtk_column_view_column_set_sorter (self->meeting_column, meeting);
}

/* ------------------------------------------------------------------------
 * Cells
 */

typedef void (*CellUpdate) (PlGroupsPage *self,
                            GtkLabel     *label,
                            PlRecord     *group);

typedef struct
{
  PlGroupsPage *self;
  GtkLabel     *label;
  CellUpdate    update;
} CellBinding;

static void
on_cell_notify (PlRecord    *group,
                GParamSpec  *pspec,
                CellBinding *binding)
{
  binding->update (binding->self, binding->label, group);
}

/* Shows @property of the row's group in its label, and follows it: the
 * store refreshes records in place when they are edited. */
static void
bind_cell (PlGroupsPage *self,
           GtkListItem  *item,
           const char   *property,
           CellUpdate    update)
{
  PlRecord *group = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  CellBinding *binding = g_new0 (CellBinding, 1);
  gulong handler;

  binding->self = self;
  binding->label = label;
  binding->update = update;
  update (self, label, group);
  handler = g_signal_connect_data (group, signal, G_CALLBACK (on_cell_notify), binding,
                                   (GClosureNotify) (void (*) (void)) g_free, 0);
  g_object_set_data (G_OBJECT (item), "pl-handler", GSIZE_TO_POINTER ((gsize) handler));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PlGroupsPage             *self)
{
  PlRecord *group = gtk_list_item_get_item (item);
  gulong handler = (gulong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "pl-handler"));

  if (handler != 0 && group != NULL)
    g_signal_handler_disconnect (group, handler);
  g_object_set_data (G_OBJECT (item), "pl-handler", NULL);
}

static GtkWidget *
new_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static void
setup_label_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PlGroupsPage             *self)
{
  gtk_list_item_set_child (item, new_label ());
}

static void
setup_number_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   PlGroupsPage             *self)
{
  GtkWidget *label = new_label ();

  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
setup_status_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   PlGroupsPage             *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "status-pill");
  gtk_list_item_set_child (item, label);
}

static void
update_name (PlGroupsPage *self,
             GtkLabel     *label,
             PlRecord     *group)
{
  gtk_label_set_text (label, pl_record_get_string (group, "name"));
}

static void
update_area (PlGroupsPage *self,
             GtkLabel     *label,
             PlRecord     *group)
{
  gtk_label_set_text (label, pl_enum_label (pl_record_get_string (group, "area")));
}

static void
update_number (GtkLabel *label,
               gint64    number)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  gtk_label_set_text (label, text);
}

static void
update_wave (PlGroupsPage *self,
             GtkLabel     *label,
             PlRecord     *group)
{
  update_number (label, pl_record_get_int (group, "wave"));
}

static void
update_members (PlGroupsPage *self,
                GtkLabel     *label,
                PlRecord     *group)
{
  update_number (label, pl_record_get_int (group, "members"));
}

static void
update_status (PlGroupsPage *self,
               GtkLabel     *label,
               PlRecord     *group)
{
  const char *status = pl_record_get_string (group, "status");

  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), statuses[i]);
  if (status != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), status);
  gtk_label_set_text (label, pl_enum_label (status));
}

static void
update_meeting (PlGroupsPage *self,
                GtkLabel     *label,
                PlRecord     *group)
{
  const char *date = meeting_date_of (self, group);
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  if (date == NULL)
    {
      gtk_label_set_text (label, "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("No meetings yet"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      return;
    }

  /* TRANSLATORS: a date in a narrow column, see g_date_time_format() */
  shown = pl_date_format (date, _("%-d %b %Y"));
  if (g_strcmp0 (date, self->today) >= 0)
    {
      /* TRANSLATORS: the date of a group's next meeting */
      text = g_strdup_printf (_("Next %s"), shown);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("The next meeting"));
    }
  else
    {
      /* TRANSLATORS: the date of a group's last meeting, all being past */
      text = g_strdup_printf (_("Last %s"), shown);
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("The last meeting; none is planned"));
    }
  gtk_label_set_text (label, text);
}

static void
bind_name_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PlGroupsPage             *self)
{
  bind_cell (self, item, "name", update_name);
}

static void
bind_area_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PlGroupsPage             *self)
{
  bind_cell (self, item, "area", update_area);
}

static void
bind_wave_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PlGroupsPage             *self)
{
  bind_cell (self, item, "wave", update_wave);
}

static void
bind_status_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PlGroupsPage             *self)
{
  bind_cell (self, item, "status", update_status);
}

static void
bind_members_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   PlGroupsPage             *self)
{
  bind_cell (self, item, "members", update_members);
}

/* Meeting dates are not a property of the record (they depend on today),
 * so the page keeps its bound cells and updates them itself. */
static void
bind_meeting_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   PlGroupsPage             *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  g_object_set_data_full (G_OBJECT (label), "pl-group",
                          g_object_ref (gtk_list_item_get_item (item)), g_object_unref);
  update_meeting (self, GTK_LABEL (label), gtk_list_item_get_item (item));
  g_ptr_array_add (self->meeting_labels, label);
}

static void
unbind_meeting_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     PlGroupsPage             *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  g_ptr_array_remove_fast (self->meeting_labels, label);
  g_object_set_data (G_OBJECT (label), "pl-group", NULL);
}

static void
refresh_meeting_dates (PlGroupsPage *self)
{
  g_autoptr(GError) error = NULL;
  GHashTable *dates;

  dates = pl_groups_meeting_dates (get_store (self), self->today, &error);
  if (dates == NULL)
    {
      g_warning ("Cannot read the meeting dates: %s", error->message);
      return;
    }

  g_clear_pointer (&self->meeting_dates, g_hash_table_unref);
  self->meeting_dates = dates;

  for (guint i = 0; i < self->meeting_labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (self->meeting_labels, i);

      update_meeting (self, label, g_object_get_data (G_OBJECT (label), "pl-group"));
    }
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

  gtk_stack_set_visible_child_name (self->content_stack, any ? "groups" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, shown ? "list" : "no-results");
  gtk_stack_set_visible_child_name (self->detail_stack,
                                    pl_group_detail_get_group_id (self->detail) != 0
                                    ? "detail" : "none");
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

/* Folded, the list works as a list of links (one click opens a group), as
 * in Settings; side by side, a click selects and the detail follows. */
static void
on_folded_changed (PlGroupsPage *self)
{
  gtk_column_view_set_single_click_activate (self->column_view,
                                             adw_leaflet_get_folded (self->leaflet));
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
 * Search and filters
 */

static void
on_search_changed (PlGroupsPage *self)
{
  g_free (self->needle);
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
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
 * Actions
 */

static void
show_error (PlGroupsPage *self,
            const char   *what,
            const GError *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);

  if (window != NULL)
    pl_window_show_error (PL_WINDOW (window), what, error);
  else
    g_critical ("%s: %s", what, error->message);
}

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

  area = chosen_area (self);
  if (area == NULL && self->selected_id != 0)
    {
      g_autoptr(PlRecord) selected = pl_store_get (get_store (self), PL_TYPE_GROUP,
                                                   self->selected_id, NULL);

      if (selected != NULL)
        area = g_intern_string (pl_record_get_string (selected, "area"));
    }

  name = new_group_name (get_store (self));
  group = pl_record_new (PL_TYPE_GROUP);
  pl_record_set_string (group, "name", name);
  pl_record_set_string (group, "area", area ? area : pl_group_areas[0]);
  pl_record_set_int (group, "wave", wave);

  if (!pl_store_insert (get_store (self), group, &error))
    {
      show_error (self, _("Could not create the group"), error);
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

  id = pl_group_duplicate (get_store (self), self->selected_id, &error);
  if (id == 0)
    {
      show_error (self, _("Could not duplicate the group"), error);
      return;
    }

  pl_groups_page_select_id (self, id);
  show_detail_pane (self);
  pl_group_detail_focus_name (self->detail);
}

typedef struct
{
  PlStore         *store;
  PlGroupSnapshot *snapshot;
  GWeakRef         page;
} UndoDelete;

static void
undo_delete_free (gpointer  data,
                  GClosure *closure)
{
  UndoDelete *undo = data;

  g_clear_object (&undo->store);
  g_clear_pointer (&undo->snapshot, pl_group_snapshot_unref);
  g_weak_ref_clear (&undo->page);
  g_free (undo);
}

static void
on_undo_delete (AdwToast   *toast,
                UndoDelete *undo)
{
  g_autoptr(PlGroupsPage) self = g_weak_ref_get (&undo->page);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = pl_group_restore (undo->store, undo->snapshot, &error);
  if (self == NULL)
    return;

  if (id == 0)
    show_error (self, _("Could not restore the group"), error);
  else
    pl_groups_page_select_id (self, id);
}

static void
delete_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlGroupsPage *self = PL_GROUPS_PAGE (widget);
  g_autoptr(PlGroupSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *window;
  UndoDelete *undo;
  AdwToast *toast;
  guint position;
  guint n;

  if (self->selected_id == 0)
    return;

  /* What was typed is saved first, so that Undo brings it back too. */
  pl_group_detail_flush (self->detail);
  position = gtk_single_selection_get_selected (self->selection);

  snapshot = pl_group_snapshot (get_store (self), self->selected_id, &error);
  if (snapshot == NULL ||
      !pl_store_delete (get_store (self), PL_TYPE_GROUP, self->selected_id, &error))
    {
      show_error (self, _("Could not delete the group"), error);
      return;
    }

  adw_leaflet_set_visible_child (self->leaflet, self->list_box);

  /* The next group takes the deleted one's place, as in a file list. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(PlRecord) next = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                        MIN (position, n - 1));

      pl_groups_page_select_id (self, pl_record_get_id (next));
    }

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);
  if (window == NULL)
    return;

  undo = g_new0 (UndoDelete, 1);
  undo->store = g_object_ref (get_store (self));
  undo->snapshot = pl_group_snapshot_ref (snapshot);
  g_weak_ref_init (&undo->page, self);

  title = g_markup_printf_escaped (_("Group “%s” deleted"),
                                   pl_record_get_string (pl_group_snapshot_get_group (snapshot),
                                                         "name"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete), undo,
                         undo_delete_free, 0);
  pl_window_add_toast (PL_WINDOW (window), toast);
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

/* ------------------------------------------------------------------------
 * Set-up
 */

static void
on_store_changed (PlGroupsPage *self,
                  const char   *table,
                  PlStore      *store)
{
  if (table != NULL && !g_str_equal (table, "exchange_group") &&
      !g_str_has_prefix (table, "group_") && !g_str_equal (table, "staff"))
    return;

  /* Records change in place as they are edited; the order and the filter
   * may depend on what changed. */
  refresh_meeting_dates (self);
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

  refresh_meeting_dates (self);

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

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_GROUPS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->groups);
  g_clear_object (&self->context);

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
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, area_column);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, wave_column);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, members_column);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, meeting_column);
  gtk_widget_class_bind_template_child (widget_class, PlGroupsPage, detail);

  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, setup_label_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_number_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_area_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_wave_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_members_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_meeting_cell);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell);
  gtk_widget_class_bind_template_callback (widget_class, unbind_meeting_cell);

  gtk_widget_class_install_action (widget_class, "groups.new", NULL, new_group_action);
  gtk_widget_class_install_action (widget_class, "groups.duplicate", NULL,
                                   duplicate_group_action);
  gtk_widget_class_install_action (widget_class, "groups.delete", NULL, delete_group_action);
  gtk_widget_class_install_action (widget_class, "groups.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "groups.back", NULL, back_action);
}

static void
pl_groups_page_init (PlGroupsPage *self)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->meeting_labels = g_ptr_array_new ();

  gtk_string_list_append (areas, _("All areas"));
  for (guint i = 0; pl_group_areas[i] != NULL; i++)
    gtk_string_list_append (areas, pl_enum_label (pl_group_areas[i]));
  gtk_drop_down_set_model (self->area_filter, G_LIST_MODEL (areas));

  gtk_string_list_append (states, _("All statuses"));
  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (states, pl_enum_label (statuses[i]));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (states));

  set_column_sorters (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  update_stacks (self);
  update_actions (self);
}
