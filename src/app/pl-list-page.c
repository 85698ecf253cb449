/* pl-list-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-deletion.h"
#include "pl-focus.h"
#include "pl-history-dialog.h"
#include "pl-history.h"
#include "pl-list-page.h"
#include "pl-record-list.h"
#include "pl-window.h"

# include "pl-csv-dialog.h"

/* What the Employers, Staff and Partners pages share: a column view over
 * the store's list of records, sorted by the column headers and filtered
 * by the search field and the page's own conditions; a detail pane that
 * edits the selected record as it is typed into; New, Duplicate and Delete,
 * with Undo. Each page is a subclass with a template that lays out its
 * columns and its detail pane.
 *
 * The models are layered as sysprof does: the store list, then a sort model
 * whose sorter is the column view's, then the filter, then the selection.
 * Sorting comes before filtering so that a keystroke in the search field
 * only filters rows already in order.
 *
 * The page's buttons sit in the window's header bar, outside the page, so
 * its actions are a GSimpleActionGroup ("page") put on both the page and
 * those buttons, rather than class actions only the page could reach.
 *
 * The list and the detail are the two panes of an AdwLeaflet: side by side
 * when the window has room for both, one at a time when it has not. Folded,
 * choosing a row (a click, or Enter) moves on to its detail, and the
 * detail's back button (page.show-list) returns to the list. */

typedef struct
{
  PlContext          *context;

  GListModel         *list;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  PlRecordFilter     *filter;
  PlRecordEditor     *editor;

  GtkColumnView      *column_view;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkWidget          *detail;

  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  guint               open_id;         /* a click on a row, once it has selected */
  gboolean            detail_on_fold;  /* a record was opened, side by side */

  GtkWidget          *header;
  GSimpleActionGroup *actions;

  PlDeletion         *last_deletion;
  guint               deletion_step;   /* the history's length just after it */
  AdwToast           *undo_toast;
  PlRecord           *shown;

  guint               preload_id;
  guint               preload_position;
} PlListPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PlListPage, pl_list_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_HEADER_WIDGET,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const PlListPageInfo *
get_info (PlListPage *self)
{
  return g_type_get_qdata (G_OBJECT_TYPE (self), g_quark_from_static_string ("pl-list-page-info"));
}

/**
 * pl_list_page_class_set_info:
 * @info: (transfer none): lives as long as the program, normally static
 */
void
pl_list_page_class_set_info (PlListPageClass      *klass,
                             const PlListPageInfo *info)
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), g_quark_from_static_string ("pl-list-page-info"),
                    (gpointer) info);
}

static void
set_action_enabled (PlListPage *self,
                    const char *name,
                    gboolean    enabled)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (priv->actions), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  gboolean ready = priv->context != NULL;
  gboolean selected = pl_list_page_get_selected (self) != NULL;

  set_action_enabled (self, "new", ready);
  set_action_enabled (self, "duplicate", ready && selected);
  set_action_enabled (self, "delete", ready && selected);
  set_action_enabled (self, "history", ready && selected);
  set_action_enabled (self, "undo-delete", priv->last_deletion != NULL);
  set_action_enabled (self, "import", ready);
  set_action_enabled (self, "export", ready);
}

static void
update_list_stack (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  const char *name = "list";

  if (priv->list_stack == NULL || priv->list == NULL)
    return;

  if (g_list_model_get_n_items (priv->list) == 0)
    name = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (priv->filter_model)) == 0)
    name = "no-results";

  pl_focus_show_named (priv->list_stack, name, NULL);

  /* With nothing at all to show, what to do next has the whole page, and
   * the focus, if it was in the detail (see pl-focus.c). */
  if (g_str_equal (name, "empty") && pl_focus_leave (priv->detail))
    gtk_widget_child_focus (gtk_stack_get_visible_child (priv->list_stack), GTK_DIR_TAB_FORWARD);
  gtk_widget_set_visible (priv->detail, !g_str_equal (name, "empty"));
}

/* ------------------------------------------------------------------------
 * One pane at a time when the window is narrow
 */

/* Only when folded: side by side, changing the leaflet's visible child
 * would move the focus out of the list into the form (where a field that
 * has the focus no longer takes in others' changes). */
static void
show_detail (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  if (pl_list_page_get_folded (self) && gtk_widget_get_visible (priv->detail))
    adw_leaflet_set_visible_child (priv->leaflet, priv->detail);
}

/* A record opened from elsewhere (an Overview row, a link) while the
 * panes were side by side, or while the page, hidden, had not been laid
 * out since the window was narrowed: once they fold, it is the record,
 * not the list, that shows. */
static void
on_folded_changed (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  if (!priv->detail_on_fold || !pl_list_page_get_folded (self))
    return;

  priv->detail_on_fold = FALSE;
  if (pl_list_page_get_selected (self) != NULL)
    show_detail (self);
}

static void
show_list (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  priv->detail_on_fold = FALSE;
  if (pl_list_page_get_folded (self))
    adw_leaflet_set_visible_child (priv->leaflet, priv->list_pane);
}

static void
action_show_list (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  PlListPage *self = PL_LIST_PAGE (user_data);
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  /* The list shows the name as it was just typed. */
  if (priv->editor != NULL)
    pl_record_editor_flush (priv->editor);
  show_list (self);
}

static gboolean
open_clicked_row (gpointer data)
{
  PlListPage *self = data;
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  priv->open_id = 0;
  if (pl_list_page_get_selected (self) != NULL)
    show_detail (self);

  return G_SOURCE_REMOVE;
}

/* Folded, a click on a row opens it. The row selects itself when the
 * button is released, after this handler (of the capture phase) has run,
 * so the detail follows once the loop is idle. The column headers sort,
 * and open nothing. */
static void
on_list_released (PlListPage      *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  GtkWidget *list = GTK_WIDGET (priv->column_view);

  for (GtkWidget *widget = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != list;
       widget = gtk_widget_get_parent (widget))
    if (g_str_equal (gtk_widget_get_css_name (widget), "row"))
      {
        if (priv->open_id == 0)
          priv->open_id = g_idle_add (open_clicked_row, self);
        return;
      }
}

static const GActionEntry fold_entries[] = {
  { "show-list", action_show_list },
};

static void
on_items_changed (PlListPage *self)
{
  update_list_stack (self);
}

/**
 * pl_list_page_scroll_to_top:
 * @widget: a pane: a scrolled window, inside one, or holding some
 *
 * Scrolls the pane back to its start, for a record newly shown there or a
 * list newly searched: the previous one's position means nothing.
 */
void
pl_list_page_scroll_to_top (GtkWidget *widget)
{
  GtkWidget *scrolled;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      pl_list_page_scroll_to_top (child);
}

static void
on_selection_changed (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  PlRecord *record = gtk_single_selection_get_selected_item (priv->selection);

  if (record == priv->shown)
    return;

  g_set_object (&priv->shown, record);
  pl_record_filter_set_pinned (priv->filter, record ? pl_record_get_id (record) : 0);
  pl_record_editor_set_record (priv->editor, record);
  PL_LIST_PAGE_GET_CLASS (self)->show_record (self, record);
  if (priv->detail != NULL)
    pl_list_page_scroll_to_top (priv->detail);
  update_actions (self);
}

static void scroll_to (GtkColumnView *column_view,
                       guint          position);

static void
on_search_changed (PlListPage     *self,
                   GtkSearchEntry *entry)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  if (priv->filter == NULL)
    return;

  if (!pl_record_filter_set_search_text (priv->filter,
                                         gtk_editable_get_text (GTK_EDITABLE (entry)),
                                         &error))
    pl_list_page_show_error (self, _("Could not search"), error);
  /* A new search starts at the top of what it found, by the list's own
   * scrolling too: the adjustment alone is undone when the view lays out
   * the rows it was told of. */
  pl_list_page_scroll_to_top (GTK_WIDGET (priv->column_view));
  if (g_list_model_get_n_items (G_LIST_MODEL (priv->filter_model)) > 0)
    scroll_to (priv->column_view, 0);
}

static void
on_search_stopped (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));
}

static gboolean
save_editor_again (gpointer   editor,
                   GError   **error)
{
  if (pl_record_editor_save (editor, error))
    return TRUE;
  /* A field that refuses its value says so itself; the disk is fine. */
  return error == NULL || *error == NULL;
}

static void
on_editor_failed (PlListPage     *self,
                  const GError   *error,
                  PlRecordEditor *editor)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);

  /* The editor keeps what was typed; Try Again in the banner saves it. */
  if (window != NULL && g_error_matches (error, PL_ERROR, PL_ERROR_CANNOT_WRITE))
    {
      pl_window_report_write_failure (PL_WINDOW (window), error, save_editor_again,
                                      g_object_ref (editor), g_object_unref);
      return;
    }
  pl_list_page_show_error (self, _("Could not save the changes"), error);
}

static void
build_models (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  const PlListPageInfo *info = get_info (self);
  PlStore *store = pl_context_get_store (priv->context);
  PlRecordClass *klass = g_type_class_ref (info->type);

  g_assert (priv->column_view != NULL);

  priv->list = pl_store_list (store, info->type);
  priv->filter = pl_record_filter_new (store, info->search_kind,
                                       pl_record_class_get_table (klass));
  g_type_class_unref (klass);

  priv->sort_model = gtk_sort_list_model_new (g_object_ref (priv->list),
                                              g_object_ref (gtk_column_view_get_sorter (priv->column_view)));
  priv->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (priv->sort_model)),
                                                  g_object_ref (GTK_FILTER (priv->filter)));
  priv->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->filter_model)));

  priv->editor = pl_record_editor_new (store, info->type);
  g_signal_connect_object (priv->editor, "failed", G_CALLBACK (on_editor_failed), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (priv->list, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->filter_model, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
}

/* The first search or filter reads every record; reading them a few
 * blocks at a time while nothing else happens spares that keystroke. */
static gboolean
preload_step (gpointer data)
{
  PlListPage *self = data;
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  guint n = g_list_model_get_n_items (priv->list);

  for (guint i = 0; i < 4 && priv->preload_position < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (priv->list, priv->preload_position);

      priv->preload_position += 256;
    }

  if (priv->preload_position < n)
    return G_SOURCE_CONTINUE;

  priv->preload_id = 0;
  return G_SOURCE_REMOVE;
}

/* Builds the models and the page's own parts, once, when the page is
 * first needed: opening the window with 50,000 staff should not wait for a
 * Staff page nobody has looked at yet. */
static void
ensure_ready (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  if (priv->list != NULL || priv->context == NULL)
    return;

  build_models (self);
  PL_LIST_PAGE_GET_CLASS (self)->setup (self, priv->context);

  /* Only now that the page has given its columns their factories: rows
   * made before would have no cells. */
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));
  priv->preload_id = g_idle_add_full (G_PRIORITY_LOW, preload_step, self, NULL);

  update_list_stack (self);
  on_selection_changed (self);
  update_actions (self);
}

static void
pl_list_page_map (GtkWidget *widget)
{
  ensure_ready (PL_LIST_PAGE (widget));

  GTK_WIDGET_CLASS (pl_list_page_parent_class)->map (widget);
}

/* Only on a shared database, which keeps who changed what: on a file the
 * action is missing and its menu item hidden (hidden-when). */
static void
action_history (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PlListPage *self = PL_LIST_PAGE (user_data);
  PlRecord *record = pl_list_page_get_selected (self);
  PlHistoryDialog *dialog;

  if (record == NULL)
    return;
  dialog = pl_history_dialog_new (pl_list_page_get_window (self), pl_list_page_get_store (self),
                                  get_info (self)->type, pl_record_get_id (record),
                                  pl_record_get_string (record, "name"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry history_entries[] = {
  { "history", action_history },
};

static void
pl_list_page_set_context (PlListPage *self,
                          PlContext  *context)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  g_return_if_fail (priv->context == NULL);

  if (context == NULL)
    return;

  priv->context = g_object_ref (context);
  if (pl_history_dialog_is_available (pl_context_get_store (context)))
    {
      g_action_map_add_action_entries (G_ACTION_MAP (priv->actions), history_entries,
                                       G_N_ELEMENTS (history_entries), self);
      update_actions (self);
    }

  /* The window hands its context to every page when it opens; a page reads
   * its table only when it is first shown (see ensure_ready()). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_ready (self);
}

/* The pages' own formats (info->new_name and the like) are literals in
 * their class_init, each with the one %u or %s documented in
 * PlListPageInfo, which msgfmt --check also holds translations to; the
 * compiler cannot see them from here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static char *
format_text (const char *format,
             const char *text)
{
  return g_strdup_printf (format, text);
}

static char *
format_number (const char *format,
               guint       n)
{
  return g_strdup_printf (format, n);
}

#pragma GCC diagnostic pop

/* The smallest n for which the name @format gives is free. */
static char *
unused_name (PlListPage *self,
             const char *format,
             const char *base)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  const PlListPageInfo *info = get_info (self);
  PlStore *store = pl_context_get_store (priv->context);
  guint n = (guint) pl_store_count (store, info->type) + 1;

  for (guint tries = 0; ; tries++)
    {
      g_autofree char *name = NULL;
      g_autoptr(PlRecord) taken = NULL;

      if (base != NULL)
        {
          g_autofree char *copy = format_text (format, base);

          name = tries == 0 ? g_steal_pointer (&copy) : g_strdup_printf ("%s %u", copy, tries + 1);
        }
      else
        name = format_number (format, n + tries);

      taken = pl_store_find_by_name (store, info->type, name, NULL);
      if (taken == NULL)
        return g_steal_pointer (&name);
    }
}

/* Shows a record just made, with its name ready to be typed over. */
static void
select_new (PlListPage *self,
            gint64      id)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  GtkWidget *name;

  pl_record_filter_set_pinned (priv->filter, id);
  pl_record_filter_refilter (priv->filter);
  pl_list_page_select (self, id);

  name = pl_record_editor_get_widget (priv->editor, "name");
  if (name != NULL)
    {
      gtk_widget_grab_focus (name);
      gtk_editable_select_region (GTK_EDITABLE (name), 0, -1);
    }
}

static void
insert_and_show (PlListPage *self,
                 PlRecord   *record,
                 const char *what)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  pl_record_editor_flush (priv->editor);

  if (!pl_store_insert (pl_context_get_store (priv->context), record, &error))
    {
      pl_list_page_show_error (self, what, error);
      return;
    }

  select_new (self, pl_record_get_id (record));
}

static void
action_new (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  PlListPage *self = PL_LIST_PAGE (user_data);
  const PlListPageInfo *info = get_info (self);
  g_autoptr(PlRecord) record = pl_record_new (info->type);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = unused_name (self, _(info->new_name), NULL);

  pl_record_set_string (record, "name", name);
  if (!PL_LIST_PAGE_GET_CLASS (self)->prepare_new (self, record, &error))
    {
      /* Without an error the page has led on to the step that comes first. */
      if (error != NULL)
        pl_list_page_show_error (self, _("Could not add a record"), error);
      return;
    }

  insert_and_show (self, record, _("Could not add a record"));
}

static void
action_duplicate (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  PlListPage *self = PL_LIST_PAGE (user_data);
  const PlListPageInfo *info = get_info (self);
  PlRecord *selected = pl_list_page_get_selected (self);
  g_autoptr(PlRecord) copy = NULL;
  g_autofree char *name = NULL;

  if (selected == NULL)
    return;

  copy = pl_record_copy (selected);
  pl_record_set_id (copy, 0);
  name = unused_name (self, _(info->copy_name), pl_record_get_string (selected, "name"));
  pl_record_set_string (copy, "name", name);

  insert_and_show (self, copy, _("Could not duplicate the record"));
}

static void
on_undo_toast_dismissed (PlListPage *self,
                         AdwToast   *toast)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  if (priv->undo_toast != toast)
    return;

  g_clear_object (&priv->undo_toast);
  g_clear_object (&priv->last_deletion);
  update_actions (self);
}

static void
on_undo_clicked (PlListPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "page.undo-delete", NULL);
}

static void
action_delete (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PlListPage *self = PL_LIST_PAGE (user_data);
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  const PlListPageInfo *info = get_info (self);
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(PlDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *others = NULL;
  AdwToast *toast;

  if (pl_list_page_get_selected (self) == NULL)
    return;

  /* Whatever was typed into the record is saved first, so that undoing
   * the deletion brings back the record as it was last seen. */
  pl_record_editor_flush (priv->editor);
  record = g_object_ref (pl_list_page_get_selected (self));

  deletion = pl_deletion_run (pl_context_get_store (priv->context), info->type,
                              pl_record_get_id (record), &error);
  if (deletion == NULL)
    {
      if (g_error_matches (error, PL_ERROR, PL_ERROR_IN_USE))
        PL_LIST_PAGE_GET_CLASS (self)->refuse_delete (self, record, error);
      else
        pl_list_page_show_error (self, _("Could not delete the record"), error);
      return;
    }

  /* The last deletion's toast would undo this one now. */
  if (priv->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->undo_toast, self);
      pl_window_dismiss_toast (priv->undo_toast);
      g_clear_object (&priv->undo_toast);
    }

  g_set_object (&priv->last_deletion, deletion);
  priv->deletion_step = pl_history_get_n_steps (pl_context_get_history (priv->context));

  escaped = g_markup_escape_text (pl_record_get_string (record, "name"), -1);
  title = format_text (_(info->deleted_toast), escaped);
  others = pl_deletion_describe_others (deletion);
  if (others != NULL)
    {
      g_autofree char *escaped_others = g_markup_escape_text (others, -1);
      g_autofree char *with = NULL;

      /* TRANSLATORS: "“Quayside Kitchen” deleted, with 2 contacts and 1 document" */
      with = g_strdup_printf (_("%s, with %s"), title, escaped_others);
      g_free (title);
      title = g_steal_pointer (&with);
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  g_set_object (&priv->undo_toast, toast);
  pl_list_page_add_toast (self, toast);

  /* What was open is gone: folded, the list is what is left to see. */
  show_list (self);
  update_actions (self);
}

static void
action_undo_delete (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PlListPage *self = PL_LIST_PAGE (user_data);
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  g_autoptr(PlDeletion) deletion = g_steal_pointer (&priv->last_deletion);
  g_autoptr(AdwToast) toast = g_steal_pointer (&priv->undo_toast);
  g_autoptr(GError) error = NULL;
  PlHistory *history;
  gboolean undone;

  if (deletion == NULL)
    return;

  if (toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      pl_window_dismiss_toast (toast);
    }

  /* While the deletion is still the last step, the history undoes it, so
   * that it leaves the history as any undo does (and can be redone). */
  history = pl_context_get_history (priv->context);
  if (pl_history_get_can_undo (history) &&
      pl_history_get_n_steps (history) == priv->deletion_step)
    undone = pl_history_undo (history, &error);
  else
    undone = pl_deletion_undo (deletion, &error);

  if (!undone)
    pl_list_page_show_error (self, _("Could not undo the deletion"), error);
  else
    select_new (self, pl_deletion_get_id (deletion));

  update_actions (self);
}

static void
action_search (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PlListPage *self = PL_LIST_PAGE (user_data);
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

static void
action_import (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PlListPage *self = PL_LIST_PAGE (user_data);

  pl_csv_dialog_import (pl_list_page_get_window (self), pl_list_page_get_store (self),
                        get_info (self)->csv_kind);
}

static void
action_export (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PlListPage *self = PL_LIST_PAGE (user_data);

  pl_csv_dialog_export (pl_list_page_get_window (self), pl_list_page_get_store (self),
                        get_info (self)->csv_kind);
}

static const GActionEntry action_entries[] = {
  { "new", action_new },
  { "duplicate", action_duplicate },
  { "delete", action_delete },
  { "undo-delete", action_undo_delete },
  { "search", action_search },
  { "import", action_import },
  { "export", action_export },
};

static GtkWidget *
build_header (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *more = gtk_menu_button_new ();

  g_menu_append (edit, _("_Duplicate"), "page.duplicate");
  g_menu_append (edit, _("_Delete"), "page.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  {
    g_autoptr(GMenu) history = g_menu_new ();
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Change _History"), "page.history");

    g_menu_item_set_attribute (item, "hidden-when", "s", "action-missing");
    g_menu_append_item (history, item);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (history));
  }
  {
    g_autoptr(GMenu) csv = g_menu_new ();

    g_menu_append (csv, _("_Import from CSV…"), "page.import");
    g_menu_append (csv, _("_Export to CSV…"), "page.export");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (csv));
  }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "page.new");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (more, _("More Actions"));

  gtk_box_append (GTK_BOX (box), add);
  gtk_box_append (GTK_BOX (box), more);
  gtk_widget_insert_action_group (box, "page", G_ACTION_GROUP (priv->actions));

  return g_object_ref_sink (box);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        modifiers,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                                          gtk_named_action_new (action)));
}

static void
pl_list_page_dispose (GObject *object)
{
  PlListPage *self = PL_LIST_PAGE (object);
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  GtkWidget *child;

  g_clear_handle_id (&priv->preload_id, g_source_remove);
  g_clear_handle_id (&priv->open_id, g_source_remove);

  /* Saves what is pending while the store is still there. */
  if (priv->editor != NULL)
    g_object_run_dispose (G_OBJECT (priv->editor));

  if (priv->column_view != NULL)
    gtk_column_view_set_model (priv->column_view, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  if (priv->header != NULL && gtk_widget_get_parent (priv->header) != NULL)
    gtk_widget_unparent (priv->header);
  g_clear_object (&priv->header);

  g_clear_object (&priv->editor);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->filter_model);
  g_clear_object (&priv->sort_model);
  g_clear_object (&priv->filter);
  g_clear_object (&priv->list);
  g_clear_object (&priv->shown);
  g_clear_object (&priv->last_deletion);
  g_clear_object (&priv->undo_toast);
  g_clear_object (&priv->actions);
  g_clear_object (&priv->context);

  priv->column_view = NULL;
  priv->search_entry = NULL;
  priv->list_stack = NULL;
  priv->detail = NULL;
  priv->leaflet = NULL;
  priv->list_pane = NULL;

  G_OBJECT_CLASS (pl_list_page_parent_class)->dispose (object);
}

static void
pl_list_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlListPage *self = PL_LIST_PAGE (object);
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;

    case PROP_HEADER_WIDGET:
      g_value_set_object (value, priv->header);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_list_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlListPage *self = PL_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      pl_list_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_list_page_real_setup (PlListPage *self,
                         PlContext  *context)
{
}

static gboolean
pl_list_page_real_prepare_new (PlListPage  *self,
                               PlRecord    *record,
                               GError     **error)
{
  return TRUE;
}

static void
pl_list_page_real_show_record (PlListPage *self,
                               PlRecord   *record)
{
}

static void
pl_list_page_real_refuse_delete (PlListPage   *self,
                                 PlRecord     *record,
                                 const GError *error)
{
  pl_list_page_show_error (self, _("Could not delete the record"), error);
}

static void
pl_list_page_class_init (PlListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_list_page_dispose;
  object_class->get_property = pl_list_page_get_property;
  object_class->set_property = pl_list_page_set_property;

  widget_class->map = pl_list_page_map;

  klass->setup = pl_list_page_real_setup;
  klass->prepare_new = pl_list_page_real_prepare_new;
  klass->show_record = pl_list_page_real_show_record;
  klass->refuse_delete = pl_list_page_real_refuse_delete;

  /**
   * PlListPage:context:
   *
   * The window hands its context to the page once; the page then builds
   * its models.
   */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * PlListPage:header-widget:
   *
   * The page's buttons, which the window shows in its header bar while
   * the page is visible.
   */
  properties [PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pl_list_page_init (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  GtkEventController *shortcuts;

  priv->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (priv->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  g_action_map_add_action_entries (G_ACTION_MAP (priv->actions), fold_entries,
                                   G_N_ELEMENTS (fold_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "page", G_ACTION_GROUP (priv->actions));

  priv->header = build_header (self);

  /* Managed by the window, so they work wherever the focus is, but only
   * while the page is on screen (a hidden page is not mapped). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_n, GDK_CONTROL_MASK, "page.new");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_f, GDK_CONTROL_MASK, "page.search");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_d, GDK_CONTROL_MASK, "page.duplicate");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_z, GDK_CONTROL_MASK, "page.undo-delete");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_actions (self);
}

/**
 * pl_list_page_set_list_widgets:
 *
 * Called by each page's init, after its template: the widgets of the list
 * that the shared code drives. @list_stack has the children "list",
 * "empty" (no records at all) and "no-results" (none matches); @detail is
 * hidden while there is no record at all; @import_button, in the empty
 * state, shows only when CSV import is built in.
 */
void
pl_list_page_set_list_widgets (PlListPage     *self,
                               GtkColumnView  *column_view,
                               GtkSearchEntry *search_entry,
                               GtkStack       *list_stack,
                               GtkWidget      *detail,
                               GtkWidget      *import_button)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  GtkEventController *keys;
  const PlListPageInfo *info = get_info (self);

  g_return_if_fail (PL_IS_LIST_PAGE (self));

  priv->column_view = column_view;
  priv->search_entry = search_entry;
  priv->list_stack = list_stack;
  priv->detail = detail;

  gtk_widget_set_visible (import_button, TRUE);

  g_signal_connect_object (search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (search_entry, "stop-search", G_CALLBACK (on_search_stopped), self,
                           G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (search_entry, GTK_WIDGET (column_view));

  /* Delete deletes only from the list itself: elsewhere the key belongs to
   * the text being edited, or to the sidebar. */
  keys = gtk_shortcut_controller_new ();
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Delete, 0, "page.delete");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Delete, 0, "page.delete");
  gtk_widget_add_controller (GTK_WIDGET (column_view), keys);

  gtk_widget_set_tooltip_text (gtk_widget_get_first_child (priv->header), _(info->new_tooltip));
}

/**
 * pl_list_page_set_panes:
 * @leaflet: holds @list_pane and the detail given to
 *   pl_list_page_set_list_widgets(), side by side or one at a time
 *
 * Called by each page's init, after pl_list_page_set_list_widgets().
 */
void
pl_list_page_set_panes (PlListPage *self,
                        AdwLeaflet *leaflet,
                        GtkWidget  *list_pane)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  GtkGesture *click;

  g_return_if_fail (PL_IS_LIST_PAGE (self));
  g_return_if_fail (priv->column_view != NULL);
  g_return_if_fail (gtk_widget_get_parent (list_pane) == GTK_WIDGET (leaflet));
  g_return_if_fail (gtk_widget_get_parent (priv->detail) == GTK_WIDGET (leaflet));

  priv->leaflet = leaflet;
  priv->list_pane = list_pane;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (on_list_released), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (priv->column_view), GTK_EVENT_CONTROLLER (click));

  /* Enter, or a double click. */
  g_signal_connect_object (priv->column_view, "activate", G_CALLBACK (show_detail), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * pl_list_page_get_folded:
 *
 * Returns: whether the list and the detail are shown one at a time
 */
gboolean
pl_list_page_get_folded (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_LIST_PAGE (self), FALSE);
  return priv->leaflet != NULL && adw_leaflet_get_folded (priv->leaflet);
}

PlContext *
pl_list_page_get_context (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_LIST_PAGE (self), NULL);
  return priv->context;
}

PlStore *
pl_list_page_get_store (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_LIST_PAGE (self), NULL);
  return priv->context ? pl_context_get_store (priv->context) : NULL;
}

/**
 * pl_list_page_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor of the selected record,
 *   once the page has its context
 */
PlRecordEditor *
pl_list_page_get_editor (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_LIST_PAGE (self), NULL);
  ensure_ready (self);
  return priv->editor;
}

/**
 * pl_list_page_get_filter:
 *
 * Returns: (transfer none): the filter, for the page's own conditions
 */
PlRecordFilter *
pl_list_page_get_filter (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_LIST_PAGE (self), NULL);
  ensure_ready (self);
  return priv->filter;
}

/**
 * pl_list_page_get_model:
 *
 * Returns: (transfer none): the rows shown, sorted and filtered
 */
GListModel *
pl_list_page_get_model (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_LIST_PAGE (self), NULL);
  ensure_ready (self);
  return G_LIST_MODEL (priv->filter_model);
}

/**
 * pl_list_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the record shown in the detail pane
 */
PlRecord *
pl_list_page_get_selected (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_LIST_PAGE (self), NULL);
  ensure_ready (self);
  return priv->selection ? gtk_single_selection_get_selected_item (priv->selection) : NULL;
}

/* GtkColumnView has no gtk_column_view_scroll_to() before GTK 4.12; the
 * list view inside it has had a "list.scroll-to-item" action since 4.0. */
static void
scroll_to (GtkColumnView *column_view,
           guint          position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/**
 * pl_list_page_select:
 *
 * Selects record @id and scrolls to it, if it is shown, and shows its
 * detail (on its own when the panes are folded into one, or once they
 * fold).
 *
 * Returns: whether it is shown
 */
gboolean
pl_list_page_select (PlListPage *self,
                     gint64      id)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);
  guint n;

  g_return_val_if_fail (PL_IS_LIST_PAGE (self), FALSE);
  ensure_ready (self);

  if (priv->filter_model == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (priv->filter_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) record = g_list_model_get_item (G_LIST_MODEL (priv->filter_model), i);

      if (pl_record_get_id (record) != id)
        continue;

      gtk_single_selection_set_selected (priv->selection, i);
      scroll_to (priv->column_view, i);
      priv->detail_on_fold = !pl_list_page_get_folded (self);
      show_detail (self);
      return TRUE;
    }

  return FALSE;
}

/**
 * pl_list_page_get_header:
 *
 * Returns: (transfer none): the widget for the window's header bar
 */
GtkWidget *
pl_list_page_get_header (PlListPage *self)
{
  PlListPagePrivate *priv = pl_list_page_get_instance_private (self);

  g_return_val_if_fail (PL_IS_LIST_PAGE (self), NULL);
  return priv->header;
}

/**
 * pl_list_page_get_window:
 *
 * Returns: (transfer none) (nullable): the window the page is in
 */
GtkWindow *
pl_list_page_get_window (PlListPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * pl_list_page_add_toast:
 * @toast: (transfer full): the toast
 */
void
pl_list_page_add_toast (PlListPage *self,
                        AdwToast   *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);

  if (window != NULL)
    pl_window_add_toast (PL_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
pl_list_page_show_error (PlListPage   *self,
                         const char   *what,
                         const GError *error)
{
  pl_widget_show_error (GTK_WIDGET (self), what, error);
}

typedef struct
{
  char           *property;
  PlColumnFormat  format;
  char           *subtitle_property;  /* a dim second line, or NULL */
  PlColumnFormat  subtitle_format;
} TextColumn;

static void
text_column_free (gpointer data)
{
  TextColumn *column = data;

  g_free (column->property);
  g_free (column->subtitle_property);
  g_free (column);
}

/* One label a cell, even for two lines (the second in Pango markup): GTK
 * 4.8 keeps up to 200 rows of widgets alive and rebuilds them when a filter
 * changes the rows shown, so every widget a row saves counts. */
static void
text_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TextColumn               *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column->subtitle_property != NULL)
    {
      /* Each of the two lines is ellipsized on its own. */
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_set_margin_bottom (label, 3);
    }
  gtk_list_item_set_child (item, label);
}

static char *
cell_text (PlRecord       *record,
           const char     *property,
           PlColumnFormat  format)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (format != NULL)
    return format (record);

  g_object_get_property (G_OBJECT (record), property, &value);
  if (G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));

  return NULL;
}

static void
text_update (GtkListItem *item)
{
  TextColumn *column = g_object_get_data (G_OBJECT (item), "pl-text-column");
  PlRecord *record = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *markup = NULL;

  if (record == NULL)
    return;

  text = cell_text (record, column->property, column->format);
  if (column->subtitle_property == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
      return;
    }

  /* The second line looks as a caption in a dim label would. */
  subtitle = cell_text (record, column->subtitle_property, column->subtitle_format);
  markup = g_markup_printf_escaped ("%s\n<span size=\"smaller\" alpha=\"55%%\">%s</span>",
                                    text != NULL ? text : "", subtitle != NULL ? subtitle : "");
  gtk_label_set_markup (GTK_LABEL (label), markup);
}

static void
text_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           TextColumn               *column)
{
  PlRecord *record = gtk_list_item_get_item (item);
  g_autofree char *signal = g_strdup_printf ("notify::%s", column->property);

  g_object_set_data (G_OBJECT (item), "pl-text-column", column);
  text_update (item);

  /* The store list updates records in place; the row follows. */
  g_signal_connect_object (record, signal, G_CALLBACK (text_update), item, G_CONNECT_SWAPPED);
  if (column->subtitle_property != NULL)
    {
      g_autofree char *subtitle_signal = g_strdup_printf ("notify::%s", column->subtitle_property);

      g_signal_connect_object (record, subtitle_signal, G_CALLBACK (text_update), item,
                               G_CONNECT_SWAPPED);
    }
}

static char *
text_or_empty (gpointer    unused,
               const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

static void
text_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TextColumn               *column)
{
  PlRecord *record = gtk_list_item_get_item (item);

  if (record != NULL)
    g_signal_handlers_disconnect_by_func (record, text_update, item);
}

/**
 * pl_list_page_add_text_column:
 * @column: a column of the page's column view, from its template
 * @property: the record property shown, whose changes redraw the cell
 * @format: (nullable): turns the record into the text shown; the
 *   property's value as it is when %NULL
 *
 * Gives @column a factory of labels. Only the rows on screen have
 * widgets; the column view recycles them as the list scrolls.
 */
void
pl_list_page_add_text_column (PlListPage          *self,
                              GtkColumnViewColumn *column,
                              const char          *property,
                              PlColumnFormat       format)
{
  pl_list_page_add_two_line_column (self, column, property, format, NULL, NULL);
}

/**
 * pl_list_page_add_two_line_column:
 * @subtitle_property: (nullable): the property shown dimmed under the
 *   first, so that a narrow list still says, say, an employer's sector
 * @subtitle_format: (nullable): as @format, for the second line
 *
 * Like pl_list_page_add_text_column(), with a second line.
 */
void
pl_list_page_add_two_line_column (PlListPage          *self,
                                  GtkColumnViewColumn *column,
                                  const char          *property,
                                  PlColumnFormat       format,
                                  const char          *subtitle_property,
                                  PlColumnFormat       subtitle_format)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  TextColumn *data = g_new0 (TextColumn, 1);

  data->property = g_strdup (property);
  data->format = format;
  data->subtitle_property = g_strdup (subtitle_property);
  data->subtitle_format = subtitle_format;
  g_object_set_data_full (G_OBJECT (factory), "pl-text-column", data, text_column_free);

  g_signal_connect (factory, "setup", G_CALLBACK (text_setup), data);
  g_signal_connect (factory, "bind", G_CALLBACK (text_bind), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (text_unbind), data);

  gtk_column_view_column_set_factory (column, factory);
}

/**
 * pl_list_page_set_column_sorter:
 *
 * Sorts @column by @property of the records: text without regard to case,
 * numbers as numbers.
 */
void
pl_list_page_set_column_sorter (PlListPage          *self,
                                GtkColumnViewColumn *column,
                                const char          *property)
{
  const PlListPageInfo *info = get_info (self);
  GObjectClass *klass = g_type_class_ref (info->type);
  GParamSpec *pspec = g_object_class_find_property (klass, property);
  GtkExpression *expression;
  g_autoptr(GtkSorter) sorter = NULL;

  g_return_if_fail (pspec != NULL);

  expression = gtk_property_expression_new (info->type, NULL, property);
  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      /* GTK 4.8's string sorter does not take a missing text (a staff
       * member with no job title, an employer never contacted): it sorts
       * as empty, first. */
      GtkExpression *text = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &expression,
                                                         G_CALLBACK (text_or_empty), NULL,
                                                         NULL);

      sorter = GTK_SORTER (gtk_string_sorter_new (text));
    }
  else
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));

  gtk_column_view_column_set_sorter (column, sorter);
  g_type_class_unref (klass);
}
