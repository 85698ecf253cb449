/* pl-record-chooser.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-record-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-record-chooser.h"

/* Chooses one record among many — a staff member among 50,000 — with a
 * button that shows the choice and a popover to search for another. A
 * GtkDropDown would do for a few dozen choices, but it finds the position
 * of the current choice, and renders it, through its whole model each time
 * it is set; this button only reads the one record it shows, and the
 * popover's list is virtual and searched through the full-text index. */
struct _PlRecordChooser
{
  GtkWidget           parent_instance;

  PlStore            *store;
  GType               type;
  char               *none_label;
  gint64              id;

  GtkWidget          *button;
  GtkWidget          *label;
  GtkWidget          *popover;
  GtkWidget          *search;
  GtkWidget          *none_button;
  GtkWidget          *list_view;
  PlRecordFilter     *filter;
  GtkFilterListModel *model;
};

G_DEFINE_FINAL_TYPE (PlRecordChooser, pl_record_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_label (PlRecordChooser *self)
{
  g_autoptr(PlRecord) record = NULL;
  const char *name = NULL;

  if (self->id != 0 && self->store != NULL)
    record = pl_store_get (self->store, self->type, self->id, NULL);
  if (record != NULL)
    name = pl_record_get_string (record, "name");

  if (name == NULL)
    name = self->none_label != NULL ? self->none_label : _("Choose…");

  gtk_label_set_text (GTK_LABEL (self->label), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
}

static void
choose (PlRecordChooser *self,
        gint64           id)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));

  if (id == self->id)
    return;

  self->id = id;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

static void
on_activate (PlRecordChooser *self,
             guint            position)
{
  g_autoptr(PlRecord) record = NULL;

  if (self->model == NULL)
    return;

  record = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (record != NULL)
    choose (self, pl_record_get_id (record));
}

static void
on_none_clicked (PlRecordChooser *self)
{
  choose (self, 0);
}

static void
on_search_changed (PlRecordChooser *self)
{
  if (self->filter != NULL)
    pl_record_filter_set_search_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search)),
                                      NULL);
}

static void
on_search_activate (PlRecordChooser *self)
{
  /* Enter takes the first match. */
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    on_activate (self, 0);
}

static void build_model (PlRecordChooser *self);

static void
on_popover_show (PlRecordChooser *self)
{
  if (self->model == NULL && self->store != NULL)
    build_model (self);

  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  gtk_widget_grab_focus (self->search);
}

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  PlRecord *record = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  const char *partner = NULL;

  gtk_label_set_text (GTK_LABEL (name), pl_record_get_string (record, "name"));

  /* Who someone works for tells two people of the same name apart. */
  if (pl_record_class_find_column (PL_RECORD_GET_CLASS (record), "partner_name") != NULL)
    partner = pl_record_get_string (record, "partner_name");
  gtk_label_set_text (GTK_LABEL (detail), partner != NULL ? partner : "");
  gtk_widget_set_visible (detail, partner != NULL);
}

static void
pl_record_chooser_dispose (GObject *object)
{
  PlRecordChooser *self = PL_RECORD_CHOOSER (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pl_record_chooser_parent_class)->dispose (object);
}

static void
pl_record_chooser_finalize (GObject *object)
{
  PlRecordChooser *self = PL_RECORD_CHOOSER (object);

  g_clear_pointer (&self->none_label, g_free);

  G_OBJECT_CLASS (pl_record_chooser_parent_class)->finalize (object);
}

static void
pl_record_chooser_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlRecordChooser *self = PL_RECORD_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_record_chooser_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlRecordChooser *self = PL_RECORD_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_ID:
      pl_record_chooser_set_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_record_chooser_class_init (PlRecordChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_record_chooser_dispose;
  object_class->finalize = pl_record_chooser_finalize;
  object_class->get_property = pl_record_chooser_get_property;
  object_class->set_property = pl_record_chooser_set_property;

  /**
   * PlRecordChooser:id:
   *
   * The record chosen, 0 for none; notified when the person chooses.
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pl_record_chooser_init (PlRecordChooser *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->label = gtk_label_new (NULL);
  /* Room for a staff member's name and college ("Sofia Marques ·
   * Dearneside College") where the row has it; cut short only when not. */
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->label), 44);
  gtk_label_set_width_chars (GTK_LABEL (self->label), 10);
  gtk_box_append (GTK_BOX (content), self->label);
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("pan-down-symbolic"));

  self->search = gtk_search_entry_new ();
  /* GtkSearchEntry's own placeholder setter is GTK 4.10. */
  g_object_set (self->search, "placeholder-text", _("Search"), NULL);
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "activate", G_CALLBACK (on_search_activate), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), NULL);
  self->list_view = gtk_list_view_new (NULL, g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate), self,
                           G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_widget_set_size_request (scrolled, 300, -1);

  self->none_button = gtk_button_new ();
  gtk_widget_add_css_class (self->none_button, "flat");
  gtk_widget_set_visible (self->none_button, FALSE);
  g_signal_connect_object (self->none_button, "clicked", G_CALLBACK (on_none_clicked), self,
                           G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), self->search);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), self->none_button);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (on_popover_show), self,
                           G_CONNECT_SWAPPED);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), content);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  update_label (self);
}

GtkWidget *
pl_record_chooser_new (void)
{
  return g_object_new (PL_TYPE_RECORD_CHOOSER, NULL);
}

/**
 * pl_record_chooser_setup:
 * @type: the #PlRecord type to choose among
 * @search_kind: its kind in the search index
 * @none_label: (nullable): what the button says, and the choice is called,
 *   when there is none ("Nobody"); %NULL when a choice is required
 *
 * Gives the chooser its choices; the list is read from the store only as
 * the popover shows it.
 */
void
pl_record_chooser_setup (PlRecordChooser *self,
                         PlStore         *store,
                         GType            type,
                         const char      *search_kind,
                         const char      *none_label)
{
  PlRecordClass *klass;

  g_return_if_fail (PL_IS_RECORD_CHOOSER (self));
  g_return_if_fail (PL_IS_STORE (store));

  g_set_object (&self->store, store);
  self->type = type;
  g_free (self->none_label);
  self->none_label = g_strdup (none_label);

  klass = g_type_class_ref (type);
  g_clear_object (&self->filter);
  self->filter = pl_record_filter_new (store, search_kind, pl_record_class_get_table (klass));
  g_type_class_unref (klass);

  /* The list of choices is read when the popover first opens. */
  g_clear_object (&self->model);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), NULL);

  gtk_widget_set_visible (self->none_button, none_label != NULL);
  if (none_label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->none_button), none_label);

  update_label (self);
}

/* The list of 50,000 staff is not read for a button that may never be
 * pressed: a page shows one chooser per record it shows. */
static void
build_model (PlRecordChooser *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->model = gtk_filter_list_model_new (pl_store_list (self->store, self->type),
                                           g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), GTK_SELECTION_MODEL (selection));
}

/**
 * pl_record_chooser_set_func:
 * @func: (nullable): which records may be chosen
 *
 * Narrows the choices, such as to the staff of active partners.
 */
void
pl_record_chooser_set_func (PlRecordChooser    *self,
                            PlRecordFilterFunc  func,
                            gpointer            user_data)
{
  g_return_if_fail (PL_IS_RECORD_CHOOSER (self));
  g_return_if_fail (self->filter != NULL);

  pl_record_filter_set_func (self->filter, func, user_data);
}

gint64
pl_record_chooser_get_id (PlRecordChooser *self)
{
  g_return_val_if_fail (PL_IS_RECORD_CHOOSER (self), 0);

  return self->id;
}

/**
 * pl_record_chooser_set_id:
 *
 * Shows @id as the choice (0 for none) and notifies :id.
 */
void
pl_record_chooser_set_id (PlRecordChooser *self,
                          gint64           id)
{
  g_return_if_fail (PL_IS_RECORD_CHOOSER (self));

  if (self->id == id)
    return;

  self->id = id;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}
