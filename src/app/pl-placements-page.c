/* pl-placements-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-placements-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-first-step.h"
#include "pl-focus.h"
#include "pl-lifecycle.h"
#include "pl-page-header.h"
#include "pl-list-page.h"
#include "pl-placement-list.h"
#include "pl-placements-page.h"
#include "pl-staff-picker.h"
#include "pl-store-choices.h"
#include "pl-window.h"

/* The placements: a list on the left, chosen by search and filters in the
 * database, and the editor of the selected one on the right. */
struct _PlPlacementsPage
{
  GtkWidget           parent_instance;

  PlContext          *context;
  PlPlacementList    *list;
  GtkSingleSelection *selection;
  gboolean            filling;

  GArray             *partner_ids;   /* gint64, index 0 is "any" */
  GArray             *sector_ids;
  GArray             *employer_ids;
  GArray             *years;         /* int, index 0 is "any" */
  /* A scope the Overview opens the page with, shown above the list. */
  char               *days_from;     /* ISO, with days_to */
  char               *days_to;
  gboolean            without_days;
  char               *milestones_from;
  char               *milestones_to;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *partner_dropdown;
  GtkDropDown        *sector_dropdown;
  GtkDropDown        *employer_dropdown;
  GtkDropDown        *year_dropdown;
  GtkButton          *clear_filters_button;
  GtkRevealer        *scope_revealer;
  GtkLabel           *scope_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkButton          *empty_button;
  PlPlacementEditor  *editor;
  GtkWidget          *header;  /* the New button, in the window's header bar */
};

G_DEFINE_FINAL_TYPE (PlPlacementsPage, pl_placements_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_HEADER_WIDGET,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static PlStore *
get_store (PlPlacementsPage *self)
{
  return pl_context_get_store (self->context);
}

/* List rows ---------------------------------------------------------- */

static void
update_row (GtkListItem *item)
{
  PlRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkLabel *name = GTK_LABEL (gtk_widget_get_first_child (top));
  GtkLabel *status = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (name)));
  GtkLabel *detail = GTK_LABEL (gtk_widget_get_next_sibling (top));
  const char *state = pl_record_get_string (record, "status");
  const char *employer = pl_record_get_string (record, "employer_name");
  const char *first = pl_record_get_string (record, "first_day");
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  GDate date;

  gtk_label_set_label (name, pl_record_get_string (record, "staff_name"));
  gtk_label_set_label (status, pl_enum_label (state));
  gtk_widget_remove_css_class (GTK_WIDGET (status), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (status), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (status), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (status), "dim-label");
  if (g_strcmp0 (state, "cancelled") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (status), "error");
  else if (pl_lifecycle_rank (state) >= 4)
    gtk_widget_add_css_class (GTK_WIDGET (status), "success");
  else if (pl_lifecycle_rank (state) >= 1)
    gtk_widget_add_css_class (GTK_WIDGET (status), "accent");
  else
    gtk_widget_add_css_class (GTK_WIDGET (status), "dim-label");

  if (pl_date_parse (first, &date))
    {
      char buffer[64];

      /* TRANSLATORS: strftime format of a placement's first day in the list */
      g_date_strftime (buffer, sizeof buffer, _("%a %-d %b %Y"), &date);
      when = g_strdup (buffer);
    }
  else
    when = g_strdup (_("no days yet"));

  /* TRANSLATORS: employer (or sector) · first day */
  text = g_strdup_printf (_("%s · %s"),
                          employer ? employer : pl_record_get_string (record, "sector_name"), when);
  gtk_label_set_label (detail, text);
}

static void
on_record_notify (GtkListItem *item)
{
  update_row (item);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (status, "caption");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");

  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GObject *record = gtk_list_item_get_item (item);
  gulong id;

  update_row (item);
  /* The list refreshes records in place after an edit. */
  id = g_signal_connect_swapped (record, "notify::updated-at", G_CALLBACK (on_record_notify), item);
  g_object_set_data (G_OBJECT (item), "notify-id", GSIZE_TO_POINTER ((gsize) id));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "notify-id"));
  GObject *record = gtk_list_item_get_item (item);

  if (id != 0 && record != NULL)
    g_signal_handler_disconnect (record, id);
  g_object_set_data (G_OBJECT (item), "notify-id", NULL);
}

/* Filters ------------------------------------------------------------ */

static void
fill_dropdown (GtkDropDown *dropdown,
               GArray      *ids,
               const char  *any,
               PlStore     *store,
               GType        type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) choices = pl_store_list_choices (store, type, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 selected = 0;
  guint position = 0;
  gint64 zero = 0;

  if (choices == NULL)
    g_warning ("Cannot read the filter's choices: %s", error->message);

  if (ids->len > 0 && gtk_drop_down_get_selected (dropdown) < ids->len)
    selected = g_array_index (ids, gint64, gtk_drop_down_get_selected (dropdown));

  g_array_set_size (ids, 0);
  g_array_append_val (ids, zero);
  gtk_string_list_append (names, any);

  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      const PlChoice *choice = &g_array_index (choices, PlChoice, i);

      if (choice->id == selected)
        position = ids->len;
      g_array_append_val (ids, choice->id);
      gtk_string_list_append (names, choice->name);
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, position);
}

static void
fill_years (PlPlacementsPage *self)
{
  g_autoptr(GArray) years = pl_placement_list_years (get_store (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  int selected = 0;
  guint position = 0;
  int any = 0;

  if (self->years->len > 0 && gtk_drop_down_get_selected (self->year_dropdown) < self->years->len)
    selected = g_array_index (self->years, int, gtk_drop_down_get_selected (self->year_dropdown));

  g_array_set_size (self->years, 0);
  g_array_append_val (self->years, any);
  gtk_string_list_append (names, _("Any year"));

  /* Latest first: this year is the one wanted most. */
  for (guint i = years->len; i > 0; i--)
    {
      int year = g_array_index (years, int, i - 1);
      g_autofree char *label = g_strdup_printf ("%d–%02d", year, (year + 1) % 100);

      if (year == selected)
        position = self->years->len;
      g_array_append_val (self->years, year);
      gtk_string_list_append (names, label);
    }

  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->year_dropdown, position);
}

static void
fill_filters (PlPlacementsPage *self)
{
  PlStore *store = get_store (self);

  self->filling = TRUE;
  fill_dropdown (self->partner_dropdown, self->partner_ids, _("Any partner"), store,
                 PL_TYPE_PARTNER);
  fill_dropdown (self->sector_dropdown, self->sector_ids, _("Any sector"), store,
                 PL_TYPE_SECTOR);
  fill_dropdown (self->employer_dropdown, self->employer_ids, _("Any employer"), store,
                 PL_TYPE_EMPLOYER);
  fill_years (self);
  self->filling = FALSE;
}

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

static void
update_empty_state (PlPlacementsPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;

  if (empty && pl_store_count (get_store (self), PL_TYPE_PLACEMENT) == 0)
    {
      /* What comes first, when something does, is the way forward; nothing
       * was searched for, so no magnifier. */
      adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Placements Yet"));
      pl_first_step_update (self->empty_page, self->empty_button, get_store (self),
                            PL_TYPE_PLACEMENT,
                            _("Start a request with a staff member and a sector."),
                            _("_New Request"), "page.new-request");
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Placements Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words or fewer filters."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), FALSE);
    }
  pl_focus_show_named (self->list_stack, empty ? "empty" : "list", NULL);
}

/* Keeps the placement in the editor selected in the list, when shown. */
static void
reselect (PlPlacementsPage *self)
{
  gint64 id = pl_placement_editor_get_placement (self->editor);
  guint position = id > 0 ? pl_placement_list_find (self->list, id) : G_MAXUINT;

  /* Not gtk_selection_model_unselect_all(): GtkSingleSelection does not
   * implement it in GTK 4.8, and it then leaves the row selected. */
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

/* Says above the list what the Overview's "Show all" narrowed it to. */
static void
update_scope (PlPlacementsPage *self)
{
  g_autofree char *text = NULL;

  if (self->days_from != NULL)
    {
      g_autofree char *from = pl_date_describe (self->days_from, FALSE);
      g_autofree char *to = pl_date_describe (self->days_to, FALSE);

      /* TRANSLATORS: the Placements list narrowed to dates,
       * "Taking place from 22 November 2026 to 22 December 2026" */
      text = g_strdup_printf (_("Taking place from %s to %s"), from, to);
    }
  else if (self->without_days)
    text = g_strdup (_("Without days yet"));
  else if (self->milestones_from != NULL && self->milestones_to != NULL)
    {
      g_autofree char *from = pl_date_describe (self->milestones_from, FALSE);
      g_autofree char *to = pl_date_describe (self->milestones_to, FALSE);

      /* TRANSLATORS: the Placements list narrowed to what is due,
       * "A milestone due from 22 November 2026 to 28 November 2026" */
      text = g_strdup_printf (_("A milestone due from %s to %s"), from, to);
    }
  else if (self->milestones_to != NULL)
    {
      g_autofree char *to = pl_date_describe (self->milestones_to, FALSE);

      /* TRANSLATORS: "A milestone overdue, due by 21 November 2026" */
      text = g_strdup_printf (_("A milestone overdue, due by %s"), to);
    }

  if (text != NULL)
    gtk_label_set_label (self->scope_label, text);
  gtk_revealer_set_reveal_child (self->scope_revealer, text != NULL);
}

static void
apply_filters (PlPlacementsPage *self)
{
  PlPlacementFilter filter = { 0 };
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint year = gtk_drop_down_get_selected (self->year_dropdown);
  guint active = 0;
  g_autofree char *label = NULL;

  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    filter.status = pl_enum_get_nicks (PL_TYPE_PLACEMENT_STATUS)[status - 1];
  filter.partner_id = selected_id (self->partner_dropdown, self->partner_ids);
  filter.sector_id = selected_id (self->sector_dropdown, self->sector_ids);
  filter.employer_id = selected_id (self->employer_dropdown, self->employer_ids);
  if (year > 0 && year < self->years->len)
    filter.academic_year = g_array_index (self->years, int, year);
  filter.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter.days_from = self->days_from;
  filter.days_to = self->days_to;
  filter.without_days = self->without_days;
  filter.milestones_from = self->milestones_from;
  filter.milestones_to = self->milestones_to;

  pl_placement_list_set_filter (self->list, &filter);
  update_scope (self);

  active = (filter.status != NULL) + (filter.partner_id != 0) + (filter.sector_id != 0) +
           (filter.employer_id != 0) + (filter.academic_year != 0) +
           (self->days_from != NULL) + self->without_days +
           (self->milestones_from != NULL || self->milestones_to != NULL);
  label = active > 0 ? g_strdup_printf (_("Filters (%u)"), active) : g_strdup (_("Filters"));
  gtk_menu_button_set_label (self->filter_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_filters_button), active > 0);

  update_empty_state (self);
  reselect (self);
}

static void
on_filter_changed (PlPlacementsPage *self)
{
  if (!self->filling && self->list != NULL)
    apply_filters (self);
}

static void
on_search_changed (PlPlacementsPage *self)
{
  if (self->list != NULL)
    apply_filters (self);
  /* A new search starts at the top of what it found: the list view's own
   * scrolling, as setting the adjustment alone is undone when the view
   * lays out the rows it was told of. */
  pl_list_page_scroll_to_top (GTK_WIDGET (self->list_view));
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
clear_filters (PlPlacementsPage *self)
{
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->partner_dropdown, 0);
  gtk_drop_down_set_selected (self->sector_dropdown, 0);
  gtk_drop_down_set_selected (self->employer_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  g_clear_pointer (&self->days_from, g_free);
  g_clear_pointer (&self->days_to, g_free);
  self->without_days = FALSE;
  g_clear_pointer (&self->milestones_from, g_free);
  g_clear_pointer (&self->milestones_to, g_free);
  self->filling = FALSE;
}

static void
on_clear_filters_clicked (PlPlacementsPage *self)
{
  clear_filters (self);
  if (self->list != NULL)
    apply_filters (self);
}

/* Selection ---------------------------------------------------------- */

static void
on_selected_item_changed (PlPlacementsPage *self)
{
  PlRecord *record = gtk_single_selection_get_selected_item (self->selection);

  /* Losing the selection to a filter keeps the placement open. */
  if (record != NULL)
    pl_placement_editor_set_placement (self->editor, pl_record_get_id (record));
}

static void
on_row_activated (PlPlacementsPage *self)
{
  /* Folded into one column, choosing a placement moves on to it. */
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->editor));
}

static void
on_folded_changed (PlPlacementsPage *self)
{
  g_object_set (self->editor, "show-back-button", adw_leaflet_get_folded (self->leaflet), NULL);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlPlacementsPage *self = PL_PLACEMENTS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
on_items_changed (PlPlacementsPage *self)
{
  update_empty_state (self);
  reselect (self);
}

static void ensure_list (PlPlacementsPage *self);

void
pl_placements_page_select (PlPlacementsPage *self,
                           gint64            id)
{
  guint position;

  g_return_if_fail (PL_IS_PLACEMENTS_PAGE (self));

  ensure_list (self);
  pl_placement_editor_set_placement (self->editor, id);

  position = pl_placement_list_find (self->list, id);
  if (position == G_MAXUINT)
    {
      /* Shown only when nothing hides it. */
      clear_filters (self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      apply_filters (self);
      position = pl_placement_list_find (self->list, id);
    }

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->editor));
  if (position != G_MAXUINT)
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  position);
    }
}

PlPlacementEditor *
pl_placements_page_get_editor (PlPlacementsPage *self)
{
  g_return_val_if_fail (PL_IS_PLACEMENTS_PAGE (self), NULL);
  return self->editor;
}

/**
 * pl_placements_page_get_list:
 *
 * Returns: (transfer none): the placements the list shows
 */
GListModel *
pl_placements_page_get_list (PlPlacementsPage *self)
{
  g_return_val_if_fail (PL_IS_PLACEMENTS_PAGE (self), NULL);

  ensure_list (self);
  return G_LIST_MODEL (self->list);
}

/* New request -------------------------------------------------------- */

typedef struct
{
  PlPlacementsPage *self;
  GtkDropDown      *staff;
  AdwComboRow      *sector;
  GArray           *staff_ids;
  GArray           *sector_ids;
  AdwMessageDialog *dialog;
} NewRequest;

static void
new_request_free (gpointer  user_data,
                  GClosure *closure)
{
  NewRequest *data = user_data;

  g_array_unref (data->staff_ids);
  g_array_unref (data->sector_ids);
  g_free (data);
}

static void
on_new_staff_selected (NewRequest *data)
{
  guint staff = gtk_drop_down_get_selected (data->staff);
  g_autoptr(PlRecord) record = NULL;
  gint64 sector;

  /* The staff member's own sector is the likely one. */
  if (staff >= data->staff_ids->len)
    return;
  record = pl_store_get (get_store (data->self), PL_TYPE_STAFF,
                         g_array_index (data->staff_ids, gint64, staff), NULL);
  if (record == NULL)
    return;
  sector = pl_record_get_int (record, "sector_id");
  /* Someone with no sector of their own: the choice is left to make, not
   * kept from the person chosen before. */
  adw_combo_row_set_selected (data->sector, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; sector != 0 && i < data->sector_ids->len; i++)
    if (g_array_index (data->sector_ids, gint64, i) == sector)
      adw_combo_row_set_selected (data->sector, i);
}

static void
update_new_request (NewRequest *data)
{
  if (data->dialog != NULL)
    adw_message_dialog_set_response_enabled (data->dialog, "create",
                                             gtk_drop_down_get_selected (data->staff) <
                                               data->staff_ids->len &&
                                             adw_combo_row_get_selected (data->sector) <
                                               data->sector_ids->len);
}

static void
on_new_request_response (AdwMessageDialog *dialog,
                         const char       *response,
                         NewRequest       *data)
{
  PlPlacementsPage *self = data->self;
  guint staff = gtk_drop_down_get_selected (data->staff);
  guint sector = adw_combo_row_get_selected (data->sector);
  g_autoptr(GError) error = NULL;
  gint64 id;
  GDate today;

  if (!g_str_equal (response, "create") || staff >= data->staff_ids->len ||
      sector >= data->sector_ids->len)
    return;

  pl_context_get_today (self->context, &today);
  id = pl_placement_create_request (get_store (self),
                                    g_array_index (data->staff_ids, gint64, staff),
                                    g_array_index (data->sector_ids, gint64, sector), &today,
                                    &error);
  if (id == 0)
    {
      PlWindow *window = PL_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW));

      if (window != NULL)
        pl_window_show_error (window, _("Could not create the request"), error);
      return;
    }

  pl_placements_page_select (self, id);
}

static void
new_request_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlPlacementsPage *self = PL_PLACEMENTS_PAGE (widget);
  NewRequest *data = g_new0 (NewRequest, 1);
  g_autoptr(GtkStringList) staff_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sector_names = gtk_string_list_new (NULL);
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GArray) sectors = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *list, *staff_row;
  const char *missing;

  /* A request is for someone: with nobody to choose, the dialog could not
   * be completed, so the step that comes first is taken instead. */
  missing = pl_first_step_missing (get_store (self), PL_TYPE_PLACEMENT);
  if (missing != NULL)
    {
      PlWindow *window = PL_WINDOW (gtk_widget_get_ancestor (widget, PL_TYPE_WINDOW));

      g_free (data);
      if (window != NULL)
        pl_window_add_toast (window,
                             adw_toast_new (g_str_equal (missing, "partner")
                                            ? _("Requests are for the staff of a college: "
                                                "add your college first.")
                                            : _("Every request is for a member of staff: "
                                                "add them first.")));
      gtk_widget_activate_action (widget, "win.add-first", "s", "request");
      return;
    }

  data->self = self;
  data->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->sector_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  staff = pl_store_list_staff_choices (get_store (self), 0, &error);
  if (staff != NULL)
    sectors = pl_store_list_choices (get_store (self), PL_TYPE_SECTOR, &error);
  if (sectors == NULL)
    g_warning ("Cannot read the choices of a new request: %s", error->message);

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const PlChoice *choice = &g_array_index (staff, PlChoice, i);
      /* TRANSLATORS: a member of staff to choose: name · partner */
      g_autofree char *label = g_strdup_printf (_("%s · %s"), choice->name, choice->detail);

      g_array_append_val (data->staff_ids, choice->id);
      gtk_string_list_append (staff_names, label);
    }
  for (guint i = 0; sectors != NULL && i < sectors->len; i++)
    {
      const PlChoice *choice = &g_array_index (sectors, PlChoice, i);

      g_array_append_val (data->sector_ids, choice->id);
      gtk_string_list_append (sector_names, choice->name);
    }

  data->staff = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_expression (data->staff,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_model (data->staff, G_LIST_MODEL (staff_names));
  gtk_drop_down_set_enable_search (data->staff, TRUE);
  pl_drop_down_search_at_once (data->staff);
  gtk_widget_set_valign (GTK_WIDGET (data->staff), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (data->staff), "flat");
  staff_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (staff_row), _("Staff Member"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (staff_row), GTK_WIDGET (data->staff));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (staff_row), GTK_WIDGET (data->staff));

  data->sector = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->sector), _("Sector"));
  adw_combo_row_set_model (data->sector, G_LIST_MODEL (sector_names));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), staff_row);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->sector));

  g_signal_connect_swapped (data->staff, "notify::selected", G_CALLBACK (on_new_staff_selected),
                            data);
  on_new_staff_selected (data);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("New Placement Request"),
                                   _("Who wants a placement, and in which sector. The employer "
                                     "and the days can be chosen later."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  data->dialog = ADW_MESSAGE_DIALOG (dialog);
  update_new_request (data);
  g_signal_connect_swapped (data->staff, "notify::selected", G_CALLBACK (update_new_request),
                            data);
  g_signal_connect_swapped (data->sector, "notify::selected", G_CALLBACK (update_new_request),
                            data);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_new_request_response), data,
                         new_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PL_PLACEMENTS_PAGE (widget)->search_entry));
}

/* Setup -------------------------------------------------------------- */

/* The list is read when the page is first shown, not when the window is
 * built: with 100,000 placements that read is the slowest thing the page
 * does, and the window opens on the Overview. */
static void
ensure_list (PlPlacementsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  if (self->list != NULL || self->context == NULL)
    return;

  factory = gtk_signal_list_item_factory_new ();
  self->list = pl_placement_list_new (get_store (self));
  /* The model is set once autoselect is off: given it before, the
   * selection would pick the first row, which would then look chosen with
   * no placement open (and stay so: see reselect()). */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_single_click_activate (self->list_view, FALSE);
  pl_placement_editor_set_focus_fallback (self->editor, GTK_WIDGET (self->list_view));
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);

  update_empty_state (self);
  reselect (self);
}

static void
on_filter_popover_show (PlPlacementsPage *self)
{
  /* Partners, sectors, employers and years as they are now. */
  fill_filters (self);
}

/* A partner or staff member added elsewhere changes the way forward. */
static void
on_store_changed (PlPlacementsPage *self,
                  const char       *table)
{
  if (self->list != NULL &&
      (table == NULL || g_str_equal (table, "partner") || g_str_equal (table, "staff")))
    update_empty_state (self);
}

static void
setup_store (PlPlacementsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  g_object_set (self->editor, "context", self->context, NULL);

  self->filling = TRUE;
  gtk_string_list_append (statuses, _("Any status"));
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_PLACEMENT_STATUS)[i] != NULL; i++)
    gtk_string_list_append (statuses, pl_enum_label (pl_enum_get_nicks (PL_TYPE_PLACEMENT_STATUS)[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  self->filling = FALSE;

  g_signal_connect_object (get_store (self), "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_list (self);
}

static void
pl_placements_page_map (GtkWidget *widget)
{
  ensure_list (PL_PLACEMENTS_PAGE (widget));

  GTK_WIDGET_CLASS (pl_placements_page_parent_class)->map (widget);
}

static void
pl_placements_page_dispose (GObject *object)
{
  PlPlacementsPage *self = (PlPlacementsPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PLACEMENTS_PAGE);
  /* The template's top child has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_clear_pointer (&self->sector_ids, g_array_unref);
  g_clear_pointer (&self->employer_ids, g_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->days_from, g_free);
  g_clear_pointer (&self->days_to, g_free);
  g_clear_pointer (&self->milestones_from, g_free);
  g_clear_pointer (&self->milestones_to, g_free);
  g_clear_object (&self->context);
  pl_page_header_release (&self->header);

  G_OBJECT_CLASS (pl_placements_page_parent_class)->dispose (object);
}

static void
pl_placements_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlPlacementsPage *self = PL_PLACEMENTS_PAGE (object);

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
pl_placements_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlPlacementsPage *self = PL_PLACEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_return_if_fail (self->context == NULL);
      self->context = g_value_dup_object (value);
      if (self->context != NULL)
        setup_store (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_placements_page_class_init (PlPlacementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_placements_page_dispose;
  object_class->get_property = pl_placements_page_get_property;
  object_class->set_property = pl_placements_page_set_property;
  widget_class->map = pl_placements_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The New button, in the window's header bar as on the other list pages. */
  properties [PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PL_TYPE_PLACEMENT_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-placements-page.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, partner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, employer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, scope_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, scope_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementsPage, editor);

  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_popover_show);

  gtk_widget_class_install_action (widget_class, "page.new-request", NULL, new_request_action);
  gtk_widget_class_install_action (widget_class, "page.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "page.show-list", NULL, show_list_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "page.new-request", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "page.focus-search", NULL);
}

static void
pl_placements_page_init (PlPlacementsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->header = pl_page_header_button_new (GTK_WIDGET (self), "list-add-symbolic",
                                            _("New Request"), "page.new-request");
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sector_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->employer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
}

/**
 * pl_placements_page_show_taking_place:
 * @from: the first day, ISO
 * @to: the last day, ISO (inclusive)
 *
 * Lists only the placements that take place between @from and @to, as the
 * Overview's "Show all" asks; the search and other filters are cleared.
 */
void
pl_placements_page_show_taking_place (PlPlacementsPage *self,
                                      const char       *from,
                                      const char       *to)
{
  g_return_if_fail (PL_IS_PLACEMENTS_PAGE (self));
  g_return_if_fail (from != NULL && to != NULL);

  ensure_list (self);
  clear_filters (self);
  self->days_from = g_strdup (from);
  self->days_to = g_strdup (to);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_filters (self);
}

/**
 * pl_placements_page_show_milestones_due:
 * @from: (nullable): the first due date, ISO, or NULL for any before @to
 * @to: (nullable): the last due date, ISO (inclusive), or NULL
 *
 * Lists only the placements with a milestone not done due between @from
 * and @to, as the Overview's "Show all" of what is overdue or due this
 * week asks; the search and other filters are cleared.
 */
void
pl_placements_page_show_milestones_due (PlPlacementsPage *self,
                                        const char       *from,
                                        const char       *to)
{
  g_return_if_fail (PL_IS_PLACEMENTS_PAGE (self));
  g_return_if_fail (from != NULL || to != NULL);

  ensure_list (self);
  clear_filters (self);
  self->milestones_from = g_strdup (from);
  self->milestones_to = g_strdup (to);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_filters (self);
}

/**
 * pl_placements_page_show_requests_without_days:
 *
 * Lists only the requests that have no days yet.
 */
void
pl_placements_page_show_requests_without_days (PlPlacementsPage *self)
{
  const char * const *nicks = pl_enum_get_nicks (PL_TYPE_PLACEMENT_STATUS);

  g_return_if_fail (PL_IS_PLACEMENTS_PAGE (self));

  ensure_list (self);
  clear_filters (self);
  self->filling = TRUE;
  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], "request"))
      gtk_drop_down_set_selected (self->status_dropdown, i + 1);
  self->filling = FALSE;
  self->without_days = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_filters (self);
}
