/* pl-list-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"
#include "pl-record-editor.h"
#include "pl-record-filter.h"

G_BEGIN_DECLS

#define PL_TYPE_LIST_PAGE (pl_list_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (PlListPage, pl_list_page, PL, LIST_PAGE, GtkWidget)

/* Turns a record into the text of a cell (transfer full, nullable). */
typedef char *(*PlColumnFormat) (PlRecord *record);

struct _PlListPageClass
{
  GtkWidgetClass parent_class;

  /* Called once the page has its context: build what needs the store. */
  void     (*setup)         (PlListPage    *self,
                             PlContext     *context);
  /* Gives a new record what a blank one needs besides its name; FALSE with
   * @error when one cannot be made, or without when the page has led on to
   * what must come first (a staff member needs a partner). */
  gboolean (*prepare_new)   (PlListPage    *self,
                             PlRecord      *record,
                             GError       **error);
  /* Shows @record, or nothing, in the detail pane. */
  void     (*show_record)   (PlListPage    *self,
                             PlRecord      *record);
  /* Deleting @record was refused because others depend on it: explain,
   * and offer what can be done instead. */
  void     (*refuse_delete) (PlListPage    *self,
                             PlRecord      *record,
                             const GError  *error);
};

/* What each page says about its records, in its class_init. */
typedef struct
{
  GType       type;            /* the record type listed */
  const char *search_kind;     /* its kind in the search index */
  const char *new_name;        /* "New employer %u": a blank record's name */
  const char *new_tooltip;     /* "New Employer" */
  const char *copy_name;       /* "%s (copy)" */
  const char *deleted_toast;   /* "“%s” deleted" */
  int         csv_kind;        /* its PlCsvKind */
} PlListPageInfo;

void            pl_list_page_class_set_info  (PlListPageClass      *klass,
                                              const PlListPageInfo *info);

void            pl_list_page_scroll_to_top   (GtkWidget            *widget);

void            pl_list_page_set_list_widgets (PlListPage     *self,
                                               GtkColumnView  *column_view,
                                               GtkSearchEntry *search_entry,
                                               GtkStack       *list_stack,
                                               GtkWidget      *detail,
                                               GtkWidget      *import_button);
void            pl_list_page_set_panes        (PlListPage     *self,
                                               AdwLeaflet     *leaflet,
                                               GtkWidget      *list_pane);
gboolean        pl_list_page_get_folded       (PlListPage     *self);
PlContext      *pl_list_page_get_context     (PlListPage     *self);
PlStore        *pl_list_page_get_store       (PlListPage     *self);
PlRecordEditor *pl_list_page_get_editor      (PlListPage     *self);
PlRecordFilter *pl_list_page_get_filter      (PlListPage     *self);
GListModel     *pl_list_page_get_model       (PlListPage     *self);
PlRecord       *pl_list_page_get_selected    (PlListPage     *self);
gboolean        pl_list_page_select          (PlListPage     *self,
                                              gint64          id);
GtkWidget      *pl_list_page_get_header      (PlListPage     *self);
void            pl_list_page_add_toast       (PlListPage     *self,
                                              AdwToast       *toast);
void            pl_list_page_show_error      (PlListPage     *self,
                                              const char     *what,
                                              const GError   *error);
GtkWindow      *pl_list_page_get_window      (PlListPage     *self);

void            pl_list_page_add_text_column (PlListPage     *self,
                                              GtkColumnViewColumn *column,
                                              const char     *property,
                                              PlColumnFormat  format);
void            pl_list_page_add_two_line_column (PlListPage   *self,
                                                  GtkColumnViewColumn *column,
                                                  const char   *property,
                                                  PlColumnFormat format,
                                                  const char   *subtitle_property,
                                                  PlColumnFormat subtitle_format);
void            pl_list_page_set_column_sorter (PlListPage   *self,
                                                GtkColumnViewColumn *column,
                                                const char   *property);

G_END_DECLS
