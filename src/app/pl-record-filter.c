/* pl-record-filter.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-record-filter"

#include "config.h"

#include "pl-record-filter.h"
#include "pl-search.h"

/* What a list page shows: the records that match the search field (through
 * the full-text index, so a keystroke costs one indexed query and a binary
 * search per row) and the page's own conditions. The record being edited is
 * pinned: it stays in the list while someone changes the very name or
 * sector that made it match, rather than vanishing from under their hands.
 * The pin holds against changes to the data only: when the person changes
 * the search or the conditions, the list shows exactly what they asked. */
struct _PlRecordFilter
{
  GtkFilter           parent_instance;

  PlStore            *store;
  char               *kind;
  char               *table;
  char               *text;
  GArray             *ids;        /* matches of text, NULL when no search */
  PlRecordFilterFunc  func;
  gpointer            func_data;
  gint64              pinned;
};

G_DEFINE_FINAL_TYPE (PlRecordFilter, pl_record_filter, GTK_TYPE_FILTER)

static gboolean
pl_record_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  PlRecordFilter *self = PL_RECORD_FILTER (filter);
  PlRecord *record = item;
  gint64 id = pl_record_get_id (record);

  if (id == self->pinned && id != 0)
    return TRUE;
  if (self->ids != NULL && !pl_search_ids_contain (self->ids, id))
    return FALSE;
  if (self->func != NULL && !self->func (record, self->func_data))
    return FALSE;

  return TRUE;
}

static GtkFilterMatch
pl_record_filter_get_strictness (GtkFilter *filter)
{
  PlRecordFilter *self = PL_RECORD_FILTER (filter);

  /* Saying so lets the filter model hand rows through without reading them. */
  if (!pl_record_filter_is_active (self))
    return GTK_FILTER_MATCH_ALL;

  return GTK_FILTER_MATCH_SOME;
}

static void
pl_record_filter_finalize (GObject *object)
{
  PlRecordFilter *self = PL_RECORD_FILTER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->table, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (pl_record_filter_parent_class)->finalize (object);
}

static void
pl_record_filter_class_init (PlRecordFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = pl_record_filter_finalize;

  filter_class->match = pl_record_filter_match;
  filter_class->get_strictness = pl_record_filter_get_strictness;
}

static void
pl_record_filter_init (PlRecordFilter *self)
{
}

/* Runs the search again; FALSE when the index could not be read, in which
 * case the search is dropped rather than hiding every row. */
static gboolean
search (PlRecordFilter  *self,
        GError         **error)
{
  g_clear_pointer (&self->ids, g_array_unref);

  if (pl_search_is_blank (self->text))
    return TRUE;

  self->ids = pl_search_ids (self->store, self->kind, self->text, error);
  return self->ids != NULL;
}

static void
on_store_changed (PlRecordFilter *self,
                  const char     *table,
                  GArray         *ids,
                  PlStore        *store)
{
  /* A rename can make a record match, or stop matching, the search. */
  if (self->ids != NULL && (table == NULL || g_str_equal (table, self->table)))
    {
      /* The search worked a moment ago; should the index fail now, the
       * list shows every row until the next keystroke says why. */
      search (self, NULL);
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
    }
}

/**
 * pl_record_filter_new:
 * @kind: the kind of record in the search index ("employer", …)
 * @table: the table whose changes call for searching again
 *
 * Returns: (transfer full): a filter that keeps everything until given a
 *   search or a function
 */
PlRecordFilter *
pl_record_filter_new (PlStore    *store,
                      const char *kind,
                      const char *table)
{
  PlRecordFilter *self;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  self = g_object_new (PL_TYPE_RECORD_FILTER, NULL);
  self->store = g_object_ref (store);
  self->kind = g_strdup (kind);
  self->table = g_strdup (table);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/**
 * pl_record_filter_set_search_text:
 *
 * Keeps the records with a word starting with each word of @text; an empty
 * @text keeps all. Returns %FALSE, keeping all, when the search index cannot
 * be read.
 */
gboolean
pl_record_filter_set_search_text (PlRecordFilter  *self,
                                  const char      *text,
                                  GError         **error)
{
  g_autofree char *old = NULL;
  gboolean was_searching;
  gboolean ok;
  GtkFilterChange change;

  g_return_val_if_fail (PL_IS_RECORD_FILTER (self), FALSE);

  if (g_strcmp0 (self->text, text) == 0)
    return TRUE;

  was_searching = self->ids != NULL;
  self->pinned = 0;
  old = g_steal_pointer (&self->text);
  self->text = g_strdup (text);
  ok = search (self, error);

  /* Typing on at the end of the search can only narrow it (every word is a
   * prefix), which lets the filter model look at the rows it shows only. */
  if (!was_searching)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->ids == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (old != NULL && g_str_has_prefix (self->text, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  if (was_searching || self->ids != NULL)
    gtk_filter_changed (GTK_FILTER (self), change);

  return ok;
}

const char *
pl_record_filter_get_search_text (PlRecordFilter *self)
{
  g_return_val_if_fail (PL_IS_RECORD_FILTER (self), NULL);

  return self->text;
}

/**
 * pl_record_filter_set_func:
 * @func: (nullable): the page's conditions, or %NULL for none
 *
 * Sets the page's own conditions and applies them.
 */
void
pl_record_filter_set_func (PlRecordFilter     *self,
                           PlRecordFilterFunc  func,
                           gpointer            user_data)
{
  g_return_if_fail (PL_IS_RECORD_FILTER (self));

  self->pinned = 0;

  if (self->func == NULL && func == NULL)
    return;

  self->func = func;
  self->func_data = user_data;
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * pl_record_filter_refilter:
 *
 * Applies the conditions again, after what they depend on changed.
 */
void
pl_record_filter_refilter (PlRecordFilter *self)
{
  g_return_if_fail (PL_IS_RECORD_FILTER (self));

  if (pl_record_filter_is_active (self))
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * pl_record_filter_set_pinned:
 * @id: the record to keep whatever the conditions, or 0
 *
 * Takes effect at the next change of the conditions, or at
 * pl_record_filter_refilter(): the record edited a moment ago does not
 * vanish the moment another is chosen.
 */
void
pl_record_filter_set_pinned (PlRecordFilter *self,
                             gint64          id)
{
  g_return_if_fail (PL_IS_RECORD_FILTER (self));

  self->pinned = id;
}

gboolean
pl_record_filter_is_active (PlRecordFilter *self)
{
  g_return_val_if_fail (PL_IS_RECORD_FILTER (self), FALSE);

  return self->ids != NULL || self->func != NULL;
}
