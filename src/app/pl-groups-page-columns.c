/* pl-groups-page-columns.c
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
#include "pl-groups-page-private.h"
#include "pl-groups.h"

/* The columns of the groups table: how each cell shows its group and
 * follows its changes, and how each column sorts. The table is narrow
 * enough to sit beside the detail: the area, wave and size are a dim
 * second line under the name, as the other list pages show a record's
 * sector or job title. */

static int
index_of (const char * const *keys,
          const char         *key)
{
  for (int i = 0; key != NULL && keys[i] != NULL; i++)
    if (g_str_equal (keys[i], key))
      return i;
  return -1;
}

/* Forming, meeting, reported: the order a group goes through them. */
static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int ia = index_of (pl_groups_page_statuses, pl_record_get_string ((PlRecord *) a, "status"));
  int ib = index_of (pl_groups_page_statuses, pl_record_get_string ((PlRecord *) b, "status"));

  return gtk_ordering_from_cmpfunc (ia - ib);
}

static const char *
meeting_date_of (PlGroupsPage *self,
                 PlRecord     *group)
{
  gint64 id = pl_record_get_id (group);

  return self->meeting_dates ? g_hash_table_lookup (self->meeting_dates, &id) : NULL;
}

/* Groups without meetings come last either way round: they have nothing
 * to be sorted by. The column view turns this sorter's answers round when
 * it sorts descending, so then they are put first, to end up last. */
static int
compare_meeting (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  PlGroupsPage *self = user_data;
  const char *da;
  const char *db;

  if (self->probing_sort_order)
    return GTK_ORDERING_SMALLER;

  da = meeting_date_of (self, (PlRecord *) a);
  db = meeting_date_of (self, (PlRecord *) b);
  if (da == NULL || db == NULL)
    {
      int last = (da == NULL) - (db == NULL);

      return gtk_ordering_from_cmpfunc (self->meeting_descending ? -last : last);
    }
  return gtk_ordering_from_cmpfunc (strcmp (da, db));
}

/* GTK 4.8 does not tell which way the column view sorts a column (4.10
 * has gtk_column_view_sorter_get_primary_sort_order()), so the page asks
 * the view's sorter each time it changes: two groups of the same name are
 * equal by every other column, and the meeting column answers "before";
 * turned round, the meeting column sorts descending. Connected before the
 * sort model is made, so this runs before the model sorts again. */
static void
on_view_sorter_changed (PlGroupsPage *self,
                        int           change,
                        GtkSorter    *sorter)
{
  g_autoptr(PlRecord) a = pl_record_new (PL_TYPE_GROUP);
  g_autoptr(PlRecord) b = pl_record_new (PL_TYPE_GROUP);

  /* Named: the string sorter takes no missing text. */
  pl_record_set_string (a, "name", "-");
  pl_record_set_string (b, "name", "-");
  self->probing_sort_order = TRUE;
  self->meeting_descending = gtk_sorter_compare (sorter, a, b) == GTK_ORDERING_LARGER;
  self->probing_sort_order = FALSE;
}

void
pl_groups_page_set_column_sorters (PlGroupsPage *self)
{
  g_autoptr(GtkSorter) name = NULL;
  g_autoptr(GtkSorter) status = NULL;
  g_autoptr(GtkSorter) meeting = NULL;

  name = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (PL_TYPE_GROUP, NULL,
                                                                         "name")));
  status = GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL));
  meeting = GTK_SORTER (gtk_custom_sorter_new (compare_meeting, self, NULL));

  gtk_column_view_column_set_sorter (self->name_column, name);
  gtk_column_view_column_set_sorter (self->status_column, status);
  gtk_column_view_column_set_sorter (self->meeting_column, meeting);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_view_sorter_changed), self, G_CONNECT_SWAPPED);
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
  /* Without a property, any change of the group's. */
  g_autofree char *signal = g_strconcat ("notify", property ? "::" : NULL, property, NULL);
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
setup_status_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   PlGroupsPage             *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "status-pill");
  gtk_list_item_set_child (item, label);
}

/* One label for both lines, as pl_list_page_add_two_line_column() does:
 * each line is ellipsized on its own, and the tooltip has the whole name. */
static void
update_name (PlGroupsPage *self,
             GtkLabel     *label,
             PlRecord     *group)
{
  const char *name = pl_record_get_string (group, "name");
  int members = (int) pl_record_get_int (group, "members");
  g_autofree char *count = NULL;
  g_autofree char *details = NULL;
  g_autofree char *markup = NULL;

  count = g_strdup_printf (ngettext ("%d member", "%d members", members), members);
  /* TRANSLATORS: under a group's name in the list: its area, its wave and
   * its members, "Maths · Wave 2 · 4 members" */
  details = g_strdup_printf (_("%s · Wave %d · %s"),
                             pl_enum_label (pl_record_get_string (group, "area")),
                             (int) pl_record_get_int (group, "wave"), count);
  markup = g_markup_printf_escaped ("%s\n<span size=\"smaller\" alpha=\"55%%\">%s</span>",
                                    name != NULL ? name : "", details);
  gtk_label_set_markup (label, markup);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), name);
}

static void
update_status (PlGroupsPage *self,
               GtkLabel     *label,
               PlRecord     *group)
{
  const char *status = pl_record_get_string (group, "status");

  for (guint i = 0; pl_groups_page_statuses[i] != NULL; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), pl_groups_page_statuses[i]);
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
  bind_cell (self, item, NULL, update_name);
}

static void
bind_status_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PlGroupsPage             *self)
{
  bind_cell (self, item, "status", update_status);
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

void
pl_groups_page_refresh_meeting_dates (PlGroupsPage *self)
{
  g_autoptr(GError) error = NULL;
  GHashTable *dates;

  dates = pl_groups_meeting_dates (pl_groups_page_get_store (self), self->today, &error);
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

void
pl_groups_page_class_init_columns (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, setup_label_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_meeting_cell);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell);
  gtk_widget_class_bind_template_callback (widget_class, unbind_meeting_cell);
}
