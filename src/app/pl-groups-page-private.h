/* pl-groups-page-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-group-detail.h"
#include "pl-groups-page.h"

G_BEGIN_DECLS

/* Shared by pl-groups-page.c (models, selection, filters),
 * pl-groups-page-columns.c (the table's cells and sorters) and
 * pl-groups-page-actions.c (New, Duplicate, Delete, navigation). */
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
  gboolean            meeting_descending; /* how the view sorts the Meeting column */
  gboolean            probing_sort_order;
  GtkWidget          *header;         /* the New button, in the window's header bar */
  guint               open_id;        /* a click on a row, once it has selected */

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
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *meeting_column;
  PlGroupDetail      *detail;
};

extern const char * const pl_groups_page_statuses[];

PlStore    *pl_groups_page_get_store             (PlGroupsPage   *self);
const char *pl_groups_page_chosen_area           (PlGroupsPage   *self);

void        pl_groups_page_class_init_columns    (GtkWidgetClass *widget_class);
void        pl_groups_page_set_column_sorters    (PlGroupsPage   *self);
void        pl_groups_page_refresh_meeting_dates (PlGroupsPage   *self);

void        pl_groups_page_class_init_actions    (GtkWidgetClass *widget_class);
void        pl_groups_page_init_actions          (PlGroupsPage   *self);

G_END_DECLS
