/* pl-page-header.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-page-header.h"

/* A button of a page's that the window shows in its header bar (the page's
 * "header-widget"), as the Employers, Staff and Partners pages have theirs.
 * It sits outside the page, where the page's class actions cannot be
 * reached by name, so a click activates the action on the page itself. */

static void
on_clicked (GtkWidget *page,
            GtkButton *button)
{
  gtk_widget_activate_action (page, g_object_get_data (G_OBJECT (button), "pl-action"), NULL);
}

/**
 * pl_page_header_button_new:
 * @page: the page whose action the button runs
 * @icon_name: the button's icon
 * @tooltip: its tooltip, also its accessible name
 * @action_name: an action of @page's, such as "groups.new"
 *
 * Returns: (transfer full): the button, owned by the caller (the page),
 *   which gives it to the window as its header widget
 */
GtkWidget *
pl_page_header_button_new (GtkWidget  *page,
                           const char *icon_name,
                           const char *tooltip,
                           const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "pl-action", g_strdup (action_name), g_free);
  /* Disconnected when the page goes, should the header bar outlive it. */
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_clicked), page, G_CONNECT_SWAPPED);

  return g_object_ref_sink (button);
}

/**
 * pl_page_header_release:
 * @header: the page's header widget, cleared
 *
 * Takes the header widget out of the header bar, if it is there, and drops
 * the page's reference, for the page's dispose.
 */
void
pl_page_header_release (GtkWidget **header)
{
  if (*header != NULL && gtk_widget_get_parent (*header) != NULL)
    gtk_widget_unparent (*header);
  g_clear_object (header);
}
