/* pl-record-filter.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_RECORD_FILTER (pl_record_filter_get_type ())

G_DECLARE_FINAL_TYPE (PlRecordFilter, pl_record_filter, PL, RECORD_FILTER, GtkFilter)

/* A page's own conditions (sector, status, …); TRUE keeps @record. */
typedef gboolean (*PlRecordFilterFunc) (PlRecord *record,
                                        gpointer  user_data);

PlRecordFilter *pl_record_filter_new             (PlStore            *store,
                                                  const char         *kind,
                                                  const char         *table);
gboolean        pl_record_filter_set_search_text (PlRecordFilter     *self,
                                                  const char         *text,
                                                  GError            **error);
const char     *pl_record_filter_get_search_text (PlRecordFilter     *self);
void            pl_record_filter_set_func        (PlRecordFilter     *self,
                                                  PlRecordFilterFunc  func,
                                                  gpointer            user_data);
void            pl_record_filter_refilter        (PlRecordFilter     *self);
void            pl_record_filter_set_pinned      (PlRecordFilter     *self,
                                                  gint64              id);
gboolean        pl_record_filter_is_active       (PlRecordFilter     *self);

G_END_DECLS
