/* pl-choice-list.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-choice-list.h"

/* The list a combo row drops down, with every choice in full. The default
 * list cuts long choices short ("Agriculture, Environm…") to the width of
 * the row's value; here the popover is as wide as its longest choice, and
 * one longer than a line wraps rather than losing its end. The chosen one
 * keeps its check mark, as in the default list. */

#define MAX_CHARS 48

static char *
choice_text (AdwComboRow *row,
             gpointer     item)
{
  GtkExpression *expression = adw_combo_row_get_expression (row);
  GValue value = G_VALUE_INIT;
  char *text = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));

  if (expression == NULL || !gtk_expression_evaluate (expression, item, &value))
    return g_strdup ("");

  if (G_VALUE_HOLDS_STRING (&value))
    text = g_value_dup_string (&value);
  g_value_unset (&value);

  return text != NULL ? text : g_strdup ("");
}

static void
update_check (GtkListItem *item,
              GParamSpec  *pspec,
              AdwComboRow *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_last_child (box);
  guint position = gtk_list_item_get_position (item);

  gtk_widget_set_opacity (check,
                          position != GTK_INVALID_LIST_POSITION &&
                          position == adw_combo_row_get_selected (row) ? 1 : 0);
}

static void
on_selected_changed (AdwComboRow *row,
                     GParamSpec  *pspec,
                     GtkListItem *item)
{
  update_check (item, NULL, row);
}

static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CHARS);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *text = choice_text (row, gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_selected_changed), item, 0);
  g_signal_connect_object (item, "notify::position", G_CALLBACK (update_check), row, 0);
  update_check (item, NULL, row);
}

static void
unbind_choice (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, on_selected_changed, item);
  g_signal_handlers_disconnect_by_func (item, update_check, row);
}

/**
 * pl_choice_list_show_in_full:
 * @row: a combo row whose choices are strings, or records named by the
 *   row's expression
 *
 * Makes the list @row drops down show each choice whole.
 */
void
pl_choice_list_show_in_full (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* The factory lives no longer than the row, which it points to. */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), row);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_choice), row);
  adw_combo_row_set_list_factory (row, factory);
}
