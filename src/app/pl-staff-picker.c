/* pl-staff-picker.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-staff-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-staff-picker.h"

/* A popover to choose a staff member of any partner: a search over names
 * and partners above a list of the staff who match. Staff already chosen
 * (the members of a group) are left out. Choosing emits ::staff-chosen. */
struct _PlStaffPicker
{
  GtkPopover          parent_instance;

  PlStore            *store;
  GListModel         *staff;      /* read when first shown */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GHashTable         *excluded;   /* gint64 staff ids */
  char               *needle;     /* case-folded search text */

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (PlStaffPicker, pl_staff_picker, GTK_TYPE_POPOVER)

enum {
  STAFF_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
match_staff (gpointer item,
             gpointer user_data)
{
  PlStaffPicker *self = user_data;
  PlRecord *staff = item;
  gint64 id = pl_record_get_id (staff);

  if (self->excluded != NULL && g_hash_table_contains (self->excluded, &id))
    return FALSE;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;

  return contains_folded (pl_record_get_string (staff, "name"), self->needle) ||
         contains_folded (pl_record_get_string (staff, "partner_name"), self->needle);
}

static void
update_stack (PlStaffPicker *self)
{
  gboolean empty = self->filtered == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
refilter (PlStaffPicker *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
on_search_changed (PlStaffPicker *self)
{
  g_free (self->needle);
  /* A search entry's delayed "search-changed" can come after it was
   * disposed, when it has no text at all. */
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) ?: "", -1);
  refilter (self);
}

static void
choose (PlStaffPicker *self,
        guint          position)
{
  g_autoptr(PlRecord) staff = NULL;

  if (self->filtered == NULL)
    return;

  staff = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (staff == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[STAFF_CHOSEN], 0, pl_record_get_id (staff));
}

static void
on_list_activate (PlStaffPicker *self,
                  guint          position)
{
  choose (self, position);
}

/* Enter in the search picks the first match, as in a search popover. */
static void
on_search_activate (PlStaffPicker *self)
{
  choose (self, 0);
}

static void
on_show (PlStaffPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  refilter (self);
}

/* The popover gives focus to its first child once it is mapped, after
 * ::show: the search takes it then, so that typing searches at once. */
static void
on_map (PlStaffPicker *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *partner = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (partner), 0);
  gtk_label_set_ellipsize (GTK_LABEL (partner), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (partner, "caption");
  gtk_widget_add_css_class (partner, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), partner);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  PlRecord *staff = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *partner = gtk_widget_get_next_sibling (name);
  const char *job = pl_record_get_string (staff, "job_title");
  g_autofree char *detail = NULL;

  gtk_label_set_text (GTK_LABEL (name), pl_record_get_string (staff, "name"));
  if (job != NULL)
    /* TRANSLATORS: a staff member's partner and job title */
    detail = g_strdup_printf (_("%s · %s"), pl_record_get_string (staff, "partner_name"), job);
  else
    detail = g_strdup (pl_record_get_string (staff, "partner_name"));
  gtk_label_set_text (GTK_LABEL (partner), detail);
}

static void
load_staff (PlStaffPicker *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->staff = pl_store_list (self->store, PL_TYPE_STAFF);
  gtk_filter_list_model_set_model (self->filtered, self->staff);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_stack (self);
}

static void
pl_staff_picker_map (GtkWidget *widget)
{
  PlStaffPicker *self = PL_STAFF_PICKER (widget);

  if (self->staff == NULL && self->store != NULL)
    load_staff (self);

  GTK_WIDGET_CLASS (pl_staff_picker_parent_class)->map (widget);
}

/**
 * pl_staff_picker_set_store:
 *
 * Lists the staff of @store, which follow its changes.
 */
void
pl_staff_picker_set_store (PlStaffPicker *self,
                           PlStore       *store)
{
  g_return_if_fail (PL_IS_STAFF_PICKER (self));
  g_return_if_fail (PL_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_object (&self->staff);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  /* A network's staff are many: they are read when the picker opens. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_staff (self);
}

/**
 * pl_staff_picker_set_excluded:
 * @staff_ids: (nullable) (element-type gint64 gint64): ids not to offer
 */
void
pl_staff_picker_set_excluded (PlStaffPicker *self,
                              GHashTable    *staff_ids)
{
  g_return_if_fail (PL_IS_STAFF_PICKER (self));

  g_clear_pointer (&self->excluded, g_hash_table_unref);
  if (staff_ids != NULL)
    self->excluded = g_hash_table_ref (staff_ids);
  refilter (self);
}

static void
pl_staff_picker_dispose (GObject *object)
{
  PlStaffPicker *self = PL_STAFF_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_STAFF_PICKER);
  g_clear_object (&self->filtered);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (pl_staff_picker_parent_class)->dispose (object);
}

static void
pl_staff_picker_class_init (PlStaffPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_staff_picker_dispose;
  widget_class->map = pl_staff_picker_map;

  /**
   * PlStaffPicker::staff-chosen:
   * @staff_id: the id of the staff member chosen
   */
  signals[STAFF_CHOSEN] =
    g_signal_new ("staff-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-staff-picker.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlStaffPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPicker, list_view);

  gtk_widget_class_bind_template_callback (widget_class, on_show);
  gtk_widget_class_bind_template_callback (widget_class, on_map);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
pl_staff_picker_init (PlStaffPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Whatever has the focus inside the popover (the list, after a click
   * on it), typed text goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (match_staff, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  update_stack (self);
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_drop_down_popup_map (GtkWidget *popover,
                        GtkWidget *search_entry)
{
  gtk_widget_grab_focus (search_entry);
}

/**
 * pl_drop_down_search_at_once:
 * @drop_down: a drop-down with #GtkDropDown:enable-search set
 *
 * Makes the searchable drop-downs of staff (and others) behave as the
 * staff picker does: once open, typed text goes to the search, where GTK
 * 4.8 leaves the focus in the list until the search is clicked.
 */
void
pl_drop_down_search_at_once (GtkDropDown *drop_down)
{
  GtkWidget *entry;
  GtkWidget *popover;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  entry = find_search_entry (GTK_WIDGET (drop_down));
  popover = entry != NULL ? gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER) : NULL;
  if (popover == NULL)
    return;

  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (entry), popover);
  g_signal_connect_object (popover, "map", G_CALLBACK (on_drop_down_popup_map), entry, 0);
}
