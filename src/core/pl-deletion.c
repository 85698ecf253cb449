/* pl-deletion.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-deletion"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-deletion.h"
#include "pl-store-private.h"

/* Deleting a record takes others with it: an employer's contacts and
 * evidence go too (ON DELETE CASCADE), and a staff member's name disappears
 * from the contacts they made (ON DELETE SET NULL). The connection records
 * every row the deletion and its cascades write (the same recording undo
 * uses, pl-db.c), so that the deletion can say what went and be put back
 * exactly — same ids, same time stamps — and a table added to the schema
 * later is covered without a change here. */

struct _PlDeletion
{
  GObject    parent_instance;

  PlStore   *store;
  gint64     id;
  char      *table;
  GBytes    *changes;   /* what the deletion wrote */
  GArray    *summary;   /* PlDbTableChanges */
  gboolean   undone;
};

G_DEFINE_FINAL_TYPE (PlDeletion, pl_deletion, G_TYPE_OBJECT)

static void
pl_deletion_finalize (GObject *object)
{
  PlDeletion *self = PL_DELETION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->table, g_free);
  g_clear_pointer (&self->changes, g_bytes_unref);
  g_clear_pointer (&self->summary, g_array_unref);

  G_OBJECT_CLASS (pl_deletion_parent_class)->finalize (object);
}

static void
pl_deletion_class_init (PlDeletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_deletion_finalize;
}

static void
pl_deletion_init (PlDeletion *self)
{
}

/**
 * pl_deletion_run:
 * @type: a #PlRecord type
 * @id: the record to delete
 *
 * Deletes a record, with what its foreign keys take along, as one
 * transaction, keeping what is needed to undo it. Fails like
 * pl_store_delete(): with %PL_ERROR_IN_USE, and a message naming them, when
 * other records depend on it; nothing is changed then.
 *
 * Returns: (transfer full): the deletion, for pl_deletion_undo(), or %NULL
 *   with @error set
 */
PlDeletion *
pl_deletion_run (PlStore  *store,
                 GType     type,
                 gint64    id,
                 GError  **error)
{
  g_autoptr(PlDeletion) self = NULL;
  PlRecordClass *klass;
  PlDb *db;
  gboolean own_recording;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);
  g_return_val_if_fail (id > 0, NULL);

  klass = g_type_class_ref (type);
  self = g_object_new (PL_TYPE_DELETION, NULL);
  self->store = g_object_ref (store);
  self->id = id;
  self->table = g_strdup (pl_record_class_get_table (klass));
  g_type_class_unref (klass);

  if (!pl_store_begin (store, error))
    return NULL;

  /* When the store records for undo already (the application), the
   * deletion reads the same recording; otherwise it keeps its own. */
  db = pl_store_get_db (store);
  own_recording = !pl_db_is_recording (db);
  if (own_recording && !pl_db_record_start (db, error))
    {
      pl_store_rollback (store);
      pl_store_translate_error (error, NULL);
      return NULL;
    }

  if (!pl_store_delete (store, type, id, error))
    {
      pl_store_rollback (store);
      return NULL;
    }

  self->changes = own_recording ? pl_db_record_take (db) : pl_db_record_peek (db);
  if (self->changes == NULL)
    {
      pl_store_rollback (store);
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot keep a copy for undoing the deletion."));
      return NULL;
    }
  self->summary = pl_db_changes_summary (self->changes);

  if (!pl_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pl_deletion_undo:
 *
 * Puts back everything the deletion removed or cleared, as it was. Refused
 * (with nothing changed) once undone, or when a row it would restore has
 * been written since.
 */
gboolean
pl_deletion_undo (PlDeletion  *self,
                  GError     **error)
{
  g_return_val_if_fail (PL_IS_DELETION (self), FALSE);

  if (self->undone)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_NOT_ALLOWED,
                           _("The deletion has already been undone."));
      return FALSE;
    }

  if (!pl_store_apply_changes (self->store, self->changes, TRUE, error))
    {
      g_prefix_error (error, _("Cannot undo the deletion: "));
      return FALSE;
    }

  self->undone = TRUE;
  return TRUE;
}

gint64
pl_deletion_get_id (PlDeletion *self)
{
  g_return_val_if_fail (PL_IS_DELETION (self), 0);
  return self->id;
}

guint
pl_deletion_get_n_rows (PlDeletion *self)
{
  guint n = 0;

  g_return_val_if_fail (PL_IS_DELETION (self), 0);

  for (guint i = 0; i < self->summary->len; i++)
    n += g_array_index (self->summary, PlDbTableChanges, i).deleted;
  return n;
}

/* The records a person counts when told what went with another; the
 * rows inside a placement (its days, milestones, history) go unsaid. */
static char *
count_phrase (const char *table,
              guint       n)
{
  if (g_str_equal (table, "contact"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", n), n);
  if (g_str_equal (table, "employer_document"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);
  if (g_str_equal (table, "calendar_period"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u calendar period",
                                         "%u calendar periods", n), n);
  if (g_str_equal (table, "placement"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u placement", "%u placements", n),
                            n);
  if (g_str_equal (table, "observation"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u observation", "%u observations",
                                         n), n);
  if (g_str_equal (table, "cascade"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cascade", "%u cascades", n), n);
  if (g_str_equal (table, "survey_response"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u survey response",
                                         "%u survey responses", n), n);
  if (g_str_equal (table, "group_member"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group membership",
                                         "%u group memberships", n), n);
  if (g_str_equal (table, "group_meeting"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings", n), n);
  if (g_str_equal (table, "group_outcome"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outcome", "%u outcomes", n), n);
  return NULL;
}

/**
 * pl_deletion_describe_others:
 *
 * What went with the record, in words ("2 contacts and 1 document"), for
 * the toast that says the record was deleted.
 *
 * Returns: (transfer full) (nullable): the words, or %NULL when nothing
 *   else went
 */
char *
pl_deletion_describe_others (PlDeletion *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  char *last;

  g_return_val_if_fail (PL_IS_DELETION (self), NULL);

  for (guint i = 0; i < self->summary->len; i++)
    {
      const PlDbTableChanges *t = &g_array_index (self->summary, PlDbTableChanges, i);
      char *phrase;

      if (t->deleted == 0 || g_str_equal (t->table, self->table))
        continue;
      phrase = count_phrase (t->table, t->deleted);
      if (phrase != NULL)
        g_ptr_array_add (parts, phrase);
    }

  if (parts->len == 0)
    return NULL;
  if (parts->len == 1)
    return g_strdup (g_ptr_array_index (parts, 0));

  /* "2 contacts, 1 document and 3 placements" */
  last = g_ptr_array_steal_index (parts, parts->len - 1);
  g_ptr_array_add (parts, NULL);
  first = g_strjoinv (", ", (char **) parts->pdata);
  {
    g_autofree char *owned_last = last;

    /* TRANSLATORS: the end of a list: "2 contacts, 1 document and 3 placements" */
    return g_strdup_printf (_("%s and %s"), first, owned_last);
  }
}
