/* pl-window.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-reports-page.h"
#include "pl-groups-page.h"
#include "pl-overview-page.h"
#include "pl-placements-page.h"
#include "pl-preferences-window.h"
#include "pl-calendar-page.h"
#include "pl-plan-page.h"
#include "pl-deletion.h"
#include "pl-employers-page.h"
#include "pl-first-run.h"
#include "pl-first-step.h"
#include "pl-focus.h"
#include "pl-list-page.h"
#include "pl-mail-dialog.h"
#include "pl-partners-page.h"
#include "pl-sample.h"
#include "pl-staff-page.h"
#include "pl-survey-dialog.h"
#include "pl-survey-import-dialog.h"
#include "pl-window.h"
#include "pl-store-access.h"

/* The window shows one of two views: "welcome" while the database is empty
 * and nobody has chosen how to start, and "main", a sidebar of pages beside
 * the visible page. The sidebar is built from the page stack's own pages, so
 * a new page only needs a child of page_stack with a name, a title and an
 * icon name, and its type in page_types[]. */
struct _PlWindow
{
  AdwApplicationWindow  parent_instance;

  PlContext            *context;
  GtkSelectionModel    *pages;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *view_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkWidget            *content_box;
  AdwWindowTitle       *page_title;
  AdwWindowTitle       *sidebar_title;
  AdwBin               *page_header;
  GtkStack             *page_stack;
  GMenu                *history_section;
  GtkInfoBar           *write_banner;
  guint                 banner_watch_id;
  guint                 n_errors;        /* told in a toast or the banner */
  GtkLabel             *write_banner_label;

  /* What "Try Again" does while the banner shows. */
  PlWindowRetryFunc     retry;
  gpointer              retry_data;
  GDestroyNotify        retry_destroy;
};

enum {
  RESPONSE_RETRY = 1,
  RESPONSE_SAVE_COPY,
};

G_DEFINE_FINAL_TYPE (PlWindow, pl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The pages in sidebar order, for the <primary>1…9 shortcuts, and the
 * type of each: the page stack holds an empty slot for each (an AdwBin),
 * filled when the page is first shown, so that a start builds one page,
 * not nine. */
static const struct {
  const char *name;
  GType     (*get_type) (void);
} page_types[] = {
  { "overview", pl_overview_page_get_type },
  { "placements", pl_placements_page_get_type },
  { "calendar", pl_calendar_page_get_type },
  { "plan", pl_plan_page_get_type },
  { "employers", pl_employers_page_get_type },
  { "staff", pl_staff_page_get_type },
  { "partners", pl_partners_page_get_type },
  { "groups", pl_groups_page_get_type },
  { "reports", pl_reports_page_get_type },
};

/* Returns: (transfer none) (nullable): the page in @slot, a child of
 * page_stack, built now if it is not yet. Pages that need the store
 * declare a writable "context" property, which is set as they are built,
 * so a new page needs no code here. */
static GtkWidget *
pl_window_fill_slot (PlWindow  *self,
                     GtkWidget *slot)
{
  const char *name;
  GtkWidget *page;
  GType type = G_TYPE_INVALID;
  g_autoptr(GTypeClass) klass = NULL;

  if (slot == NULL || !ADW_IS_BIN (slot))
    return NULL;
  if ((page = adw_bin_get_child (ADW_BIN (slot))) != NULL)
    return page;

  name = gtk_stack_page_get_name (gtk_stack_get_page (self->page_stack, slot));
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    if (g_strcmp0 (name, page_types[i].name) == 0)
      type = page_types[i].get_type ();
  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);

  klass = g_type_class_ref (type);
  if (g_object_class_find_property (G_OBJECT_CLASS (klass), "context") != NULL)
    page = g_object_new (type, "context", self->context, NULL);
  else
    page = g_object_new (type, NULL);
  adw_bin_set_child (ADW_BIN (slot), page);

  return page;
}

/* Returns: (transfer none) (nullable): the page called @name, built now
 * if it is not yet, or %NULL when there is none of that name. */
static GtkWidget *
pl_window_ensure_page (PlWindow   *self,
                       const char *name)
{
  if (name == NULL)
    return NULL;
  return pl_window_fill_slot (self, gtk_stack_get_child_by_name (self->page_stack, name));
}

/**
 * pl_window_new:
 * @application: the application
 * @context: the context holding the open store
 *
 * Returns: (transfer full): a new window
 */
PlWindow *
pl_window_new (PlApplication *application,
               PlContext     *context)
{
  g_return_val_if_fail (PL_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  return g_object_new (PL_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

static void
pl_window_update_actions (PlWindow *self)
{
  PlStore *store = pl_context_get_store (self->context);
  gboolean welcome;

  welcome = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "welcome") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-empty", welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.first-run",
                                 welcome && pl_store_is_empty (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample",
                                 welcome && pl_store_is_empty (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", !welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-first", !welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-placement", !welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-employer", !welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-taking-place", !welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-requests-without-days", !welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-employers-needing-attention",
                                 !welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-milestones-due", !welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.enter-survey", !welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-survey", !welcome);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-survey-file", !welcome);
}

static void
pl_window_show_view (PlWindow   *self,
                     const char *name)
{
  pl_focus_show_named (self->view_stack, name, NULL);
  pl_window_update_actions (self);
}

/* Returns FALSE when there is no page called @name, for example a
 * last-page setting written by a version that had other pages. */
static gboolean
pl_window_show_page (PlWindow   *self,
                     const char *name)
{
  GtkWidget *child;

  if (name == NULL || !(child = gtk_stack_get_child_by_name (self->page_stack, name)))
    return FALSE;

  pl_window_fill_slot (self, child);
  pl_focus_show_child (self->page_stack, child, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  return TRUE;
}

static GtkWidget *
pl_window_create_sidebar_row (gpointer item,
                              gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  label = gtk_label_new (gtk_stack_page_get_title (page));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

/* A page with buttons of its own (New, a menu) offers them as its
 * "header-widget"; the window shows them in its header bar while the page is
 * visible, so a new page needs no code here. */
static void
pl_window_show_page_header (PlWindow  *self,
                            GtkWidget *page)
{
  g_autoptr(GtkWidget) header = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "header-widget") != NULL)
    g_object_get (page, "header-widget", &header, NULL);

  adw_bin_set_child (self->page_header, header);
}

static void
pl_window_page_changed_cb (PlWindow   *self,
                           GParamSpec *pspec,
                           GtkStack   *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  GtkStackPage *page;
  guint n_pages;

  if (child == NULL)
    return;

  page = gtk_stack_get_page (stack, child);
  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
  pl_window_show_page_header (self, pl_window_fill_slot (self, child));

  n_pages = g_list_model_get_n_items (G_LIST_MODEL (self->pages));
  for (guint i = 0; i < n_pages; i++)
    {
      /* GtkStackPage has no autoptr cleanup in GTK 4.8. */
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->pages), i);

      if (item == (GObject *)page)
        {
          gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, i));
          break;
        }
    }

  g_settings_set_string (pl_context_get_settings (self->context),
                         "last-page",
                         gtk_stack_page_get_name (page));
}

static void
on_sidebar_row_selected (GtkListBox    *list_box,
                         GtkListBoxRow *row,
                         PlWindow      *self)
{
  g_autoptr(GObject) page = NULL;

  if (row == NULL)
    return;

  page = g_list_model_get_item (G_LIST_MODEL (self->pages), gtk_list_box_row_get_index (row));
  if (page != NULL)
    pl_focus_show_child (self->page_stack, gtk_stack_page_get_child (GTK_STACK_PAGE (page)), NULL);
}

static void
on_sidebar_row_activated (GtkListBox    *list_box,
                          GtkListBoxRow *row,
                          PlWindow      *self)
{
  /* When folded, choosing a page in the sidebar moves on to the page. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_back_clicked (PlWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_store_changed (PlWindow   *self,
                  const char *table,
                  GArray     *ids,
                  PlStore    *store)
{
  pl_window_update_actions (self);
}

static gboolean
pl_window_wants_welcome (PlStore *store)
{
  return pl_store_is_empty (store) &&
         pl_store_get_setting_int (store, "started_empty", 0) == 0;
}

static void
pl_window_start_empty (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  /* Remembered in the database, so that an empty network chosen on purpose
   * does not greet its owner with the welcome page at every start. */
  if (!pl_store_set_setting (pl_context_get_store (self->context), "started_empty", "1", &error))
    pl_window_show_error (self, _("Could not save the choice"), error);
  pl_window_show_view (self, "main");
}

/* Starts empty, then walks through the first records in a window of
 * its own, which can be closed at any step. */
static void
pl_window_first_run (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  pl_window_start_empty (widget, "win.start-empty", NULL);
  gtk_window_present (GTK_WINDOW (pl_first_run_new (GTK_WINDOW (self), self->context)));
}

static void
pl_window_load_sample (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GDate today;

  /* A few hundred rows in one transaction: quick enough for the main loop. */
  pl_context_get_today (self->context, &today);
  pl_store_set_step_label (pl_context_get_store (self->context), _("Load Sample Data"));
  if (!pl_sample_load (pl_context_get_store (self->context), &today, &error))
    {
      pl_window_show_error (self, _("Could not load the sample data"), error);
      return;
    }

  pl_window_show_view (self, "main");
}

static void
pl_window_show_page_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!pl_window_show_page (self, name))
    g_debug ("No page called “%s”", name);
}

/* The way out of an empty page: the record that comes first, made on its
 * own page (a partner before its staff, staff before their requests). */
static void
pl_window_add_first_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlStore *store = pl_context_get_store (self->context);
  const char *what = g_variant_get_string (parameter, NULL);
  const char *missing = NULL;
  const char *page_name = NULL;
  const char *action = "page.new";
  GtkWidget *page;

  if (g_str_equal (what, "request"))
    missing = pl_first_step_missing (store, PL_TYPE_PLACEMENT);
  else if (g_str_equal (what, "staff"))
    missing = pl_first_step_missing (store, PL_TYPE_STAFF);
  if (missing != NULL)
    what = missing;

  if (g_str_equal (what, "partner"))
    page_name = "partners";
  else if (g_str_equal (what, "staff"))
    page_name = "staff";
  else if (g_str_equal (what, "employer"))
    page_name = "employers";
  else if (g_str_equal (what, "request"))
    {
      page_name = "placements";
      action = "page.new-request";
    }

  if (!pl_window_show_page (self, page_name))
    return;
  page = pl_window_ensure_page (self, page_name);
  gtk_widget_activate_action (page, action, NULL);
}

/* Shows the Placements page, for an action to narrow or select; NULL when
 * it cannot be shown (the welcome page). */
static PlPlacementsPage *
show_placements_page (PlWindow *self)
{
  GtkWidget *page;

  if (!pl_window_show_page (self, "placements")
      || !PL_IS_PLACEMENTS_PAGE (page = pl_window_ensure_page (self, "placements")))
    return NULL;
  return PL_PLACEMENTS_PAGE (page);
}

/* Opens a placement from anywhere (the Overview, later the calendar): the
 * Placements page with that placement selected. */
static void
pl_window_open_placement_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  PlPlacementsPage *page = show_placements_page (PL_WINDOW (widget));

  if (page != NULL)
    pl_placements_page_select (page, g_variant_get_int64 (parameter));
}

/* The Overview's "Show all": the Placements page narrowed to what its
 * list showed the first rows of. */
static void
pl_window_show_taking_place_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  PlPlacementsPage *page;
  const char *from, *to;

  g_variant_get (parameter, "(&s&s)", &from, &to);
  if ((page = show_placements_page (PL_WINDOW (widget))) != NULL)
    pl_placements_page_show_taking_place (page, from, to);
}

/* (ss): the first and last due dates, ISO; "" for an open end. */
static void
pl_window_show_milestones_due_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  PlPlacementsPage *page;
  const char *from, *to;

  g_variant_get (parameter, "(&s&s)", &from, &to);
  if (*from == '\0' && *to == '\0')
    return;
  if ((page = show_placements_page (PL_WINDOW (widget))) != NULL)
    pl_placements_page_show_milestones_due (page, *from ? from : NULL, *to ? to : NULL);
}

static void
pl_window_show_requests_without_days_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  PlPlacementsPage *page = show_placements_page (PL_WINDOW (widget));

  if (page != NULL)
    pl_placements_page_show_requests_without_days (page);
}

/* The Overview's "Show all" of the employers needing attention: the
 * Employers page with its own filter of them on. */
static void
pl_window_show_employers_needing_attention_action (GtkWidget  *widget,
                                                   const char *action_name,
                                                   GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  if (pl_window_show_page (self, "employers"))
    {
      GtkWidget *page = pl_window_ensure_page (self, "employers");

      if (PL_IS_EMPLOYERS_PAGE (page))
        pl_employers_page_set_needs_attention (PL_EMPLOYERS_PAGE (page), TRUE);
    }
}

/* Opens an employer from anywhere (the Overview, the calendar): the
 * Employers page with that employer selected. */
static void
pl_window_open_employer_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  GtkWidget *page;

  if (!pl_window_show_page (self, "employers"))
    return;
  if (PL_IS_LIST_PAGE (page = pl_window_ensure_page (self, "employers")))
    pl_list_page_select (PL_LIST_PAGE (page), g_variant_get_int64 (parameter));
}

static void
pl_window_preferences_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (pl_preferences_window_new (GTK_WINDOW (self), self->context)));
}

/* Paper survey forms typed in, linked to a placement or to none. */
static void
pl_window_enter_survey_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (pl_survey_dialog_new (GTK_WINDOW (self), self->context, 0)));
}

/* A survey export chosen, previewed, then imported all or nothing. */
static void
pl_window_import_survey_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  pl_survey_import_dialog_choose (GTK_WINDOW (self), self->context, 0);
}

/* The same with the file given, as a drop or a test gives it. */
static void
pl_window_import_survey_file_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);

  gtk_window_present (GTK_WINDOW (pl_survey_import_dialog_new (GTK_WINDOW (self), self->context,
                                                               path, 0)));
}

static void
pl_window_restore_state (PlWindow *self)
{
  GSettings *settings = pl_context_get_settings (self->context);
  g_autofree char *last_page = NULL;
  int width;
  int height;

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = g_settings_get_string (settings, "last-page");
  if (!pl_window_show_page (self, last_page))
    pl_window_show_page (self, page_types[0].name);
}

static gboolean
pl_window_close_request (GtkWindow *window)
{
  PlWindow *self = PL_WINDOW (window);
  GSettings *settings = pl_context_get_settings (self->context);
  int width;
  int height;

  /* The default size is the unmaximized size, which is the one to restore. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (pl_window_parent_class)->close_request (window);
}

/* The primary menu names what Undo and Redo would do, as GNOME's editors
 * do: "Undo Delete Employer". */
static void
pl_window_update_history (PlWindow *self)
{
  PlHistory *history = pl_context_get_history (self->context);
  const char *undo = pl_history_get_undo_label (history);
  const char *redo = pl_history_get_redo_label (history);
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  /* TRANSLATORS: %s is what would be undone, such as "Delete Employer". */
  undo_label = undo ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* TRANSLATORS: %s is what would be done again, such as "Delete Employer". */
  redo_label = redo ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));

  g_menu_remove_all (self->history_section);
  g_menu_append (self->history_section, undo_label, "win.undo");
  g_menu_append (self->history_section, redo_label, "win.redo");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", undo != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", redo != NULL);
}

static void
pl_window_walk_history (PlWindow *self,
                        gboolean  back)
{
  PlHistory *history = pl_context_get_history (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (back ? pl_history_get_undo_label (history)
                                          : pl_history_get_redo_label (history));
  gboolean ok;

  if (label == NULL)
    return;

  ok = back ? pl_history_undo (history, &error) : pl_history_redo (history, &error);
  if (!ok)
    {
      pl_window_show_error (self, back ? _("Could not undo") : _("Could not redo"), error);
      return;
    }

  {
    g_autofree char *text = NULL;
    g_autofree char *markup = NULL;
    AdwToast *toast;

    /* TRANSLATORS: %s is what was undone (redone), such as "Delete Employer". */
    text = g_strdup_printf (back ? _("Undone: %s") : _("Redone: %s"), label);
    markup = g_markup_escape_text (text, -1);
    toast = adw_toast_new (markup);
    adw_toast_set_timeout (toast, 3);
    pl_window_add_toast (self, toast);
  }
}

static void on_undo_toast_clicked (AdwToast *toast,
                                   PlWindow *self);

static void
on_history_moved (AdwToast   *toast,
                  GParamSpec *pspec,
                  PlHistory  *history)
{
  /* Its Undo would now undo something else, even in the moment it may
   * still show. */
  g_signal_handlers_disconnect_matched (toast, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        on_undo_toast_clicked, NULL);
  pl_window_dismiss_toast (toast);
}

/* The toast dismisses itself after its button; the undo must not dismiss
 * it a second time. */
static void
on_undo_toast_clicked (AdwToast *toast,
                       PlWindow *self)
{
  g_signal_handlers_disconnect_by_func (g_object_get_data (G_OBJECT (toast), "pl-history"),
                                        on_history_moved, toast);
  pl_window_walk_history (self, TRUE);
}

/* A toast must be dismissed once only: the history stops being heard
 * when the toast goes, whatever took it away. */
static void
on_undo_toast_dismissed (AdwToast  *toast,
                         PlHistory *history)
{
  g_signal_handlers_disconnect_by_func (history, on_history_moved, toast);
}

/**
 * pl_window_add_undo_toast:
 * @title: what was just done, in Pango markup ("Contact deleted")
 *
 * Tells of the change just committed, with an Undo button that undoes the
 * last step of the window's history, which that change is. The toast goes
 * as soon as the history moves on, since its Undo would then undo
 * something else; Ctrl+Z and the primary menu still reach the change for
 * as long as the window is open.
 *
 * Returns: (transfer none): the toast, for a caller that wants to hear of
 *   its Undo too
 */
AdwToast *
pl_window_add_undo_toast (PlWindow   *self,
                          const char *title)
{
  PlHistory *history;
  AdwToast *toast;

  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  history = pl_context_get_history (self->context);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_clicked), self, 0);
  /* The toast may outlive the window, the history never. */
  g_object_set_data_full (G_OBJECT (toast), "pl-history", g_object_ref (history), g_object_unref);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), history, 0);
  g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (on_history_moved), toast,
                           G_CONNECT_SWAPPED);
  pl_window_add_toast (self, toast);
  return toast;
}

/**
 * pl_window_delete_from_dialog:
 * @dialog: a dialog editing one record, transient for the window
 * @errors: the dialog's group whose description tells why it failed
 * @store: the store holding the record
 * @type: the record's type
 * @id: the record's id
 * @done: what was done, for the undo toast ("Contact deleted")
 *
 * Deletes the record a dialog edits as its Delete button does: the dialog
 * closes and its window offers to undo; when the store refuses, the
 * dialog stays open and says why.
 */
void
pl_window_delete_from_dialog (GtkWindow           *dialog,
                              AdwPreferencesGroup *errors,
                              PlStore             *store,
                              GType                type,
                              gint64               id,
                              const char          *done)
{
  g_autoptr(PlDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (errors));
  g_return_if_fail (PL_IS_STORE (store));
  g_return_if_fail (done != NULL);

  deletion = pl_deletion_run (store, type, id, &error);
  if (deletion == NULL)
    {
      adw_preferences_group_set_description (errors, error->message);
      return;
    }

  parent = gtk_window_get_transient_for (dialog);
  if (PL_IS_WINDOW (parent))
    pl_window_add_undo_toast (PL_WINDOW (parent), done);

  gtk_window_destroy (dialog);
}

/* win.write-email (sx): an email from a template about the record of a
 * kind ("employer", "contact", "staff", "milestone") and id. Every page
 * that shows one of those offers it with this one action. */
static void
pl_window_write_email_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *kind;
  gint64 id;
  PlMailDialog *dialog;

  g_variant_get (parameter, "(&sx)", &kind, &id);
  dialog = pl_mail_dialog_new (self, kind, id, &error);
  if (dialog == NULL)
    {
      pl_window_show_error (self, _("Could not write the email"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pl_window_undo_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pl_window_walk_history (PL_WINDOW (widget), TRUE);
}

static void
pl_window_redo_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pl_window_walk_history (PL_WINDOW (widget), FALSE);
}

static void
pl_window_clear_retry (PlWindow *self)
{
  if (self->retry_destroy != NULL && self->retry_data != NULL)
    self->retry_destroy (self->retry_data);
  self->retry = NULL;
  self->retry_data = NULL;
  self->retry_destroy = NULL;
}

static void
on_copy_chosen (GtkNativeDialog *chooser,
                int              response,
                PlWindow        *self);

static void
pl_window_save_copy (PlWindow *self)
{
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save a Copy of the Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  name = g_path_get_basename (pl_store_get_path (pl_context_get_store (self->context)));
  {
    g_autofree char *stem = g_str_has_suffix (name, ".db")
                            ? g_strndup (name, strlen (name) - 3) : g_strdup (name);
    g_autofree char *suggested = g_strdup_printf (_("%s (copy).db"), stem);

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_copy_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  /* The dialog keeps itself alive until it answers. */
  g_object_set_data_full (G_OBJECT (self), "pl-save-copy-chooser", g_steal_pointer (&chooser),
                          g_object_unref);
}

static void
on_copy_chosen (GtkNativeDialog *chooser,
                int              response,
                PlWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;

  /* The open connection still reads every committed change, even of a
   * file removed under it. */
  if (!pl_store_backup (pl_context_get_store (self->context), path, &error))
    {
      pl_window_show_error (self, _("Could not save a copy"), error);
      return;
    }

  {
    g_autofree char *shown = g_filename_display_basename (path);
    g_autofree char *text = g_strdup_printf (_("Saved a copy as “%s”"), shown);
    g_autofree char *markup = g_markup_escape_text (text, -1);

    pl_window_add_toast (self, adw_toast_new (markup));
  }
}

static void
on_write_banner_response (PlWindow   *self,
                          int         response,
                          GtkInfoBar *banner)
{
  if (response == RESPONSE_SAVE_COPY)
    {
      pl_window_save_copy (self);
      return;
    }

  if (response == RESPONSE_RETRY)
    {
      g_autoptr(GError) error = NULL;

      if (self->retry != NULL && !self->retry (self->retry_data, &error))
        {
                  pl_window_report_write_failure (self, error, NULL, NULL, NULL);
          return;
        }
      pl_window_clear_retry (self);
      gtk_info_bar_set_revealed (self->write_banner, FALSE);
    }
}

static void try_again_when_back (PlWindow *self);

static void
on_reachable_changed (PlWindow *self)
{
  PlStore *store = pl_context_get_store (self->context);

  if (!pl_store_get_reachable (store))
    {
      g_autoptr(GError) error = g_error_new_literal (PL_ERROR, PL_ERROR_CANNOT_WRITE,
                                                     _("The shared database cannot be reached; "
                                                       "trying again every few seconds."));

      /* A change already waiting keeps its Try Again. */
      pl_window_report_write_failure (self, error, NULL, NULL, NULL);
      return;
    }

  try_again_when_back (self);
}

/* The server is back, or answers again: what waited is written now, as if
 * Try Again were pressed. */
static void
try_again_when_back (PlWindow *self)
{
  if (!gtk_info_bar_get_revealed (self->write_banner))
    return;

  on_write_banner_response (self, RESPONSE_RETRY, self->write_banner);
  if (!gtk_info_bar_get_revealed (self->write_banner))
    pl_window_add_toast (self, adw_toast_new (_("The shared database is back; changes are saved")));
}

/* While the banner says a shared database cannot be reached, it is asked
 * again every few seconds (a failure may be told after it came back). */
static gboolean
on_banner_watch (gpointer data)
{
  PlWindow *self = data;

  if (!gtk_info_bar_get_revealed (self->write_banner))
    {
      self->banner_watch_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (pl_store_ping (pl_context_get_store (self->context)))
    try_again_when_back (self);

  if (!gtk_info_bar_get_revealed (self->write_banner))
    {
      self->banner_watch_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
pl_window_constructed (GObject *object)
{
  PlWindow *self = (PlWindow *)object;
  PlStore *store;

  G_OBJECT_CLASS (pl_window_parent_class)->constructed (object);

  g_assert (PL_IS_CONTEXT (self->context));
  store = pl_context_get_store (self->context);

  /* On a shared database the server shows a partner's coordinator only
   * that partner's people: say whose. */
  if (pl_store_is_shared (store))
    {
      g_autofree char *scope = pl_store_get_scope_label (store);
      g_autofree char *subtitle = scope != NULL
                                  ? g_strdup_printf (_("Showing %s"), scope)
                                  : g_strdup (_("Showing the whole network"));

      adw_window_title_set_subtitle (self->sidebar_title, subtitle);
    }

  self->pages = gtk_stack_get_pages (self->page_stack);
  gtk_list_box_bind_model (self->sidebar,
                           G_LIST_MODEL (self->pages),
                           pl_window_create_sidebar_row,
                           self, NULL);

  /* Connected only now that the context is set: the stack already changed
   * its visible child while the template was being built. */
  g_signal_connect_object (self->page_stack, "notify::visible-child",
                           G_CALLBACK (pl_window_page_changed_cb), self,
                           G_CONNECT_SWAPPED);
  pl_window_restore_state (self);
  pl_window_page_changed_cb (self, NULL, self->page_stack);

  /* Other coordinators' changes come in, and a server that went away is
   * said to have gone until it answers again. */
  pl_store_follow_others (store);
  g_signal_connect_object (store, "notify::reachable",
                           G_CALLBACK (on_reachable_changed), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (store, "changed",
                           G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (pl_context_get_history (self->context), "notify::undo-label",
                           G_CALLBACK (pl_window_update_history), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pl_context_get_history (self->context), "notify::redo-label",
                           G_CALLBACK (pl_window_update_history), self, G_CONNECT_SWAPPED);
  pl_window_update_history (self);

  pl_window_show_view (self, pl_window_wants_welcome (store) ? "welcome" : "main");
}

static void
pl_window_dispose (GObject *object)
{
  PlWindow *self = (PlWindow *)object;

  g_clear_handle_id (&self->banner_watch_id, g_source_remove);

  /* The header widgets belong to the pages. */
  if (self->page_header != NULL)
    adw_bin_set_child (self->page_header, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WINDOW);

  pl_window_clear_retry (self);
  g_clear_object (&self->pages);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_window_parent_class)->dispose (object);
}

static void
pl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlWindow *self = PL_WINDOW (object);

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
pl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlWindow *self = PL_WINDOW (object);

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
pl_window_class_init (PlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pl_window_constructed;
  object_class->dispose = pl_window_dispose;
  object_class->get_property = pl_window_get_property;
  object_class->set_property = pl_window_set_property;

  window_class->close_request = pl_window_close_request;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-window.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, page_header);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, write_banner);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, write_banner_label);
  gtk_widget_class_bind_template_callback (widget_class, on_write_banner_response);

  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL,
                                   pl_window_start_empty);
  gtk_widget_class_install_action (widget_class, "win.first-run", NULL,
                                   pl_window_first_run);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL,
                                   pl_window_load_sample);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s",
                                   pl_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.add-first", "s",
                                   pl_window_add_first_action);
  gtk_widget_class_install_action (widget_class, "win.open-placement", "x",
                                   pl_window_open_placement_action);
  gtk_widget_class_install_action (widget_class, "win.open-employer", "x",
                                   pl_window_open_employer_action);
  gtk_widget_class_install_action (widget_class, "win.show-taking-place", "(ss)",
                                   pl_window_show_taking_place_action);
  gtk_widget_class_install_action (widget_class, "win.show-milestones-due", "(ss)",
                                   pl_window_show_milestones_due_action);
  gtk_widget_class_install_action (widget_class, "win.show-requests-without-days", NULL,
                                   pl_window_show_requests_without_days_action);
  gtk_widget_class_install_action (widget_class, "win.show-employers-needing-attention", NULL,
                                   pl_window_show_employers_needing_attention_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL,
                                   pl_window_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.enter-survey", NULL,
                                   pl_window_enter_survey_action);
  gtk_widget_class_install_action (widget_class, "win.import-survey", NULL,
                                   pl_window_import_survey_action);
  gtk_widget_class_install_action (widget_class, "win.import-survey-file", "s",
                                   pl_window_import_survey_file_action);
  gtk_widget_class_install_action (widget_class, "win.write-email", "(sx)",
                                   pl_window_write_email_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, pl_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, pl_window_redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_types[i].name);
}

static void
pl_window_init (PlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_info_bar_add_button (self->write_banner, _("_Try Again"), RESPONSE_RETRY);
  gtk_info_bar_add_button (self->write_banner, _("Save a _Copy…"), RESPONSE_SAVE_COPY);
}

/**
 * pl_window_get_context:
 *
 * Returns: (transfer none): the window's context
 */
PlContext *
pl_window_get_context (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * pl_window_get_visible_view:
 *
 * Returns: "welcome" or "main"
 */
const char *
pl_window_get_visible_view (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

/**
 * pl_window_get_visible_page:
 *
 * Returns: the name of the page shown beside the sidebar, such as
 *   "overview", even while the welcome view covers it
 */
const char *
pl_window_get_visible_page (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

/**
 * pl_window_get_page:
 * @name: a page's name, such as "calendar"
 *
 * Returns: (transfer none) (nullable): the page's widget
 */
GtkWidget *
pl_window_get_page (PlWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  return pl_window_ensure_page (self, name);
}

/**
 * pl_window_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast over the window; pages reach it through
 * gtk_widget_get_ancestor (page, PL_TYPE_WINDOW).
 */
/* libadwaita 1.2 frees a toast's state when its hide animation ends, even
 * while its show animation still runs, which then ends in freed memory: a
 * toast dismissed less than 0.2 s after it came up crashes the app a
 * moment later (fixed in libadwaita 1.3, "toast-overlay: Prevent show_done
 * from firing after hide_done"; Debian 12 has 1.2.2). So a dismissal waits
 * until the toast last shown, or shown in place of one dismissed, has been
 * up for longer than the longest show animation (0.5 s). */
#define TOAST_SETTLED_US (600 * G_TIME_SPAN_MILLISECOND)

static gint64 toasts_moved_at;

static void
on_any_toast_dismissed (AdwToast *toast)
{
  toasts_moved_at = g_get_monotonic_time ();
}

static gboolean
dismiss_toast_later (gpointer data)
{
  g_object_set_data (data, "pl-dismissing", NULL);
  pl_window_dismiss_toast (ADW_TOAST (data));
  return G_SOURCE_REMOVE;
}

/**
 * pl_window_dismiss_toast:
 * @toast: a toast given to pl_window_add_toast()
 *
 * Takes @toast away, now or as soon as that is safe (see above). A caller
 * whose toast must not act any more disconnects its handlers first.
 */
void
pl_window_dismiss_toast (AdwToast *toast)
{
  gint64 wait;

  g_return_if_fail (ADW_IS_TOAST (toast));

  /* Asked again while it waits: once is enough. */
  if (g_object_get_data (G_OBJECT (toast), "pl-dismissing") != NULL)
    return;

  wait = toasts_moved_at + TOAST_SETTLED_US - g_get_monotonic_time ();
  if (wait <= 0)
    {
      adw_toast_dismiss (toast);
      return;
    }

  g_object_set_data (G_OBJECT (toast), "pl-dismissing", GINT_TO_POINTER (TRUE));
  g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (wait / G_TIME_SPAN_MILLISECOND) + 1,
                      dismiss_toast_later, g_object_ref (toast), g_object_unref);
}

void
pl_window_add_toast (PlWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  toasts_moved_at = g_get_monotonic_time ();
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_any_toast_dismissed), NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * pl_widget_show_error:
 * @widget: the widget whose work failed, in a window or a dialog of one
 * @what: what failed, as a translated sentence without a full stop
 * @error: why
 *
 * Shows the failure in @widget's window as pl_window_show_error() does;
 * a dialog's is the window it belongs to. Only a widget in no window at
 * all (which no person can see) logs it instead.
 */
void
pl_widget_show_error (GtkWidget    *widget,
                      const char   *what,
                      const GError *error)
{
  GtkWidget *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (what != NULL);
  g_return_if_fail (error != NULL);

  window = gtk_widget_get_ancestor (widget, PL_TYPE_WINDOW);
  if (window == NULL && GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    window = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (gtk_widget_get_root (widget))));

  if (PL_IS_WINDOW (window))
    pl_window_show_error (PL_WINDOW (window), what, error);
  else
    g_critical ("%s: %s", what, error->message);
}

/**
 * pl_window_show_error:
 * @what: what failed, as a translated sentence without a full stop,
 *   such as _("Could not load the sample data")
 * @error: why
 *
 * Shows the failure in a toast that stays until it is dismissed, so that
 * there is time to read it.
 */
void
pl_window_show_error (PlWindow     *self,
                      const char   *what,
                      const GError *error)
{
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_if_fail (PL_IS_WINDOW (self));
  g_return_if_fail (what != NULL);
  g_return_if_fail (error != NULL);

  self->n_errors++;

  /* Not a mistake of the person but of the disk: it stays in view until
   * writing works again. */
  if (g_error_matches (error, PL_ERROR, PL_ERROR_CANNOT_WRITE))
    {
      pl_window_report_write_failure (self, error, NULL, NULL, NULL);
      return;
    }

  /* TRANSLATORS: the first %s says what failed, the second why. */
  text = g_strdup_printf (_("%s: %s"), what, error->message);
  /* Toast titles are Pango markup. */
  markup = g_markup_escape_text (text, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 0);
  pl_window_add_toast (self, toast);
}

/**
 * pl_window_report_write_failure:
 * @error: why the change could not be written
 * @retry: (nullable): writes the change again; called by "Try Again"
 * @retry_data: (closure retry): for @retry
 * @retry_destroy: frees @retry_data when the banner is done with it
 *
 * Shows the banner that says changes cannot be saved, with Try Again and
 * Save a Copy. The caller keeps what was typed, so that nothing is lost
 * while the disk is full or the file is read-only.
 */
void
pl_window_report_write_failure (PlWindow          *self,
                                const GError      *error,
                                PlWindowRetryFunc  retry,
                                gpointer           retry_data,
                                GDestroyNotify     retry_destroy)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PL_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (retry != NULL)
    {
      pl_window_clear_retry (self);
      self->retry = retry;
      self->retry_data = retry_data;
      self->retry_destroy = retry_destroy;
    }

  /* TRANSLATORS: %s says why, such as "The disk is full: nothing was saved." */
  text = g_strdup_printf (_("Changes cannot be saved. %s What you typed is kept."),
                          error->message);
  gtk_label_set_text (self->write_banner_label, text);
  gtk_info_bar_set_revealed (self->write_banner, TRUE);

  if (self->banner_watch_id == 0 && pl_store_is_shared (pl_context_get_store (self->context)))
    self->banner_watch_id = g_timeout_add_seconds (2, on_banner_watch, self);
}

/**
 * pl_window_get_n_errors:
 *
 * Returns: how many failures the window has told of (in a toast or the
 *   banner) since it opened
 */
guint
pl_window_get_n_errors (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), 0);

  return self->n_errors;
}

/**
 * pl_window_get_write_banner_shown:
 *
 * Returns: whether the banner about changes that cannot be saved shows
 */
gboolean
pl_window_get_write_banner_shown (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  return gtk_info_bar_get_revealed (self->write_banner);
}
