/* pl-history.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-history"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-history.h"
#include "pl-records.h"
#include "pl-store-private.h"

/* Steps are kept while they fit in this much memory; the oldest go first.
 * An import of 100,000 placements is some tens of megabytes. */
#define MAX_BYTES (96 * 1024 * 1024)

/* Saves of one record closer together than this are one step. */
#define COALESCE_USEC (5 * G_USEC_PER_SEC)

typedef struct
{
  GBytes *changes;
  char   *label;
  gint64  last_write;   /* monotonic time of its last part */
  char   *coalesce_key; /* "table:id" of a lone unnamed edit, else NULL */
} Step;

struct _PlHistory
{
  GObject    parent_instance;

  PlStore   *store;
  GQueue     undo;   /* Step, newest first */
  GQueue     redo;   /* Step, next to redo first */
  gsize      bytes;
};

G_DEFINE_FINAL_TYPE (PlHistory, pl_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (gpointer data)
{
  Step *step = data;

  g_bytes_unref (step->changes);
  g_free (step->label);
  g_free (step->coalesce_key);
  g_free (step);
}

static void
notify_all (PlHistory *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static char *
kind_label (const char *table,
            gboolean    lower)
{
  GType type = pl_record_type_for_table (table);
  const char *label;

  if (type == G_TYPE_INVALID)
    label = _("Record");
  else
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);

      label = _(pl_record_class_get_label (PL_RECORD_CLASS (klass)));
    }

  return lower ? g_utf8_strdown (label, -1) : g_strdup (label);
}

/**
 * pl_history_describe:
 *
 * Returns: (transfer full): words for @changes ("Delete Employer")
 */
char *
pl_history_describe (GBytes *changes)
{
  g_autoptr(GArray) summary = pl_db_changes_summary (changes);
  const PlDbTableChanges *main;
  g_autofree char *kind = NULL;

  if (summary->len == 0)
    return g_strdup (_("Change"));

  /* The table written first is what the step was about; the rest followed
   * from it (a deletion's cascade, a placement's milestones). */
  main = &g_array_index (summary, PlDbTableChanges, 0);

  if (main->deleted > 0)
    {
      if (main->deleted == 1)
        {
          kind = kind_label (main->table, FALSE);
          return g_strdup_printf (_("Delete %s"), kind);
        }
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Record",
                                           "Delete %u Records", main->deleted),
                              main->deleted);
    }

  if (main->inserted > 0)
    {
      if (main->inserted == 1)
        {
          kind = kind_label (main->table, FALSE);
          return g_strdup_printf (_("Add %s"), kind);
        }
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add %u Record",
                                           "Add %u Records", main->inserted),
                              main->inserted);
    }

  if (main->updated == 1)
    {
      kind = kind_label (main->table, FALSE);
      return g_strdup_printf (_("Edit %s"), kind);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edit %u Record",
                                       "Edit %u Records", main->updated),
                          main->updated);
}

/* "table:id" when @changes is one UPDATE of one row, else NULL. */
static char *
lone_edit (GBytes *changes)
{
  g_autoptr(GArray) summary = pl_db_changes_summary (changes);
  const PlDbTableChanges *only;

  if (summary->len != 1)
    return NULL;
  only = &g_array_index (summary, PlDbTableChanges, 0);
  if (only->updated != 1 || only->inserted != 0 || only->deleted != 0 || only->first_id == 0)
    return NULL;

  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, only->table, only->first_id);
}

static void
clear_queue (PlHistory *self,
             GQueue    *queue)
{
  Step *step;

  while ((step = g_queue_pop_head (queue)) != NULL)
    {
      self->bytes -= g_bytes_get_size (step->changes);
      step_free (step);
    }
}

static void
push_undo (PlHistory *self,
           Step      *step)
{
  g_queue_push_head (&self->undo, step);
  self->bytes += g_bytes_get_size (step->changes);

  /* The newest step always stays, however large. */
  while (self->bytes > MAX_BYTES && self->undo.length > 1)
    {
      Step *oldest = g_queue_pop_tail (&self->undo);

      self->bytes -= g_bytes_get_size (oldest->changes);
      step_free (oldest);
    }
}

static void
on_step (PlStore    *store,
         GBytes     *changes,
         const char *label,
         PlHistory  *self)
{
  Step *top = g_queue_peek_head (&self->undo);
  g_autofree char *key = label == NULL ? lone_edit (changes) : NULL;
  gint64 now = g_get_monotonic_time ();

  /* A new change makes what was undone unreachable, as in every editor. */
  clear_queue (self, &self->redo);

  if (key != NULL && top != NULL && g_strcmp0 (top->coalesce_key, key) == 0 &&
      now - top->last_write < COALESCE_USEC)
    {
      GBytes *joined = pl_db_changes_concat (top->changes, changes);

      if (joined != NULL)
        {
          self->bytes -= g_bytes_get_size (top->changes);
          g_bytes_unref (top->changes);
          top->changes = joined;
          self->bytes += g_bytes_get_size (joined);
          top->last_write = now;
          notify_all (self);
          return;
        }
    }

  {
    Step *step = g_new0 (Step, 1);

    step->changes = g_bytes_ref (changes);
    step->label = label ? g_strdup (label) : pl_history_describe (changes);
    step->last_write = now;
    step->coalesce_key = g_steal_pointer (&key);
    push_undo (self, step);
  }

  notify_all (self);
}

gboolean
pl_history_undo (PlHistory  *self,
                 GError    **error)
{
  Step *step;

  g_return_val_if_fail (PL_IS_HISTORY (self), FALSE);

  step = g_queue_peek_head (&self->undo);
  if (step == NULL)
    return TRUE;

  if (!pl_store_apply_changes (self->store, step->changes, TRUE, error))
    {
      g_prefix_error (error, _("Cannot undo “%s”: "), step->label);
      return FALSE;
    }

  g_queue_pop_head (&self->undo);
  /* A step undone is never joined with the next edit. */
  g_clear_pointer (&step->coalesce_key, g_free);
  g_queue_push_head (&self->redo, step);
  notify_all (self);
  return TRUE;
}

gboolean
pl_history_redo (PlHistory  *self,
                 GError    **error)
{
  Step *step;

  g_return_val_if_fail (PL_IS_HISTORY (self), FALSE);

  step = g_queue_peek_head (&self->redo);
  if (step == NULL)
    return TRUE;

  if (!pl_store_apply_changes (self->store, step->changes, FALSE, error))
    {
      g_prefix_error (error, _("Cannot redo “%s”: "), step->label);
      return FALSE;
    }

  g_queue_pop_head (&self->redo);
  g_queue_push_head (&self->undo, step);
  notify_all (self);
  return TRUE;
}

gboolean
pl_history_get_can_undo (PlHistory *self)
{
  g_return_val_if_fail (PL_IS_HISTORY (self), FALSE);
  return self->undo.length > 0;
}

gboolean
pl_history_get_can_redo (PlHistory *self)
{
  g_return_val_if_fail (PL_IS_HISTORY (self), FALSE);
  return self->redo.length > 0;
}

const char *
pl_history_get_undo_label (PlHistory *self)
{
  Step *step;

  g_return_val_if_fail (PL_IS_HISTORY (self), NULL);
  step = g_queue_peek_head (&self->undo);
  return step ? step->label : NULL;
}

const char *
pl_history_get_redo_label (PlHistory *self)
{
  Step *step;

  g_return_val_if_fail (PL_IS_HISTORY (self), NULL);
  step = g_queue_peek_head (&self->redo);
  return step ? step->label : NULL;
}

guint
pl_history_get_n_steps (PlHistory *self)
{
  g_return_val_if_fail (PL_IS_HISTORY (self), 0);
  return self->undo.length;
}

static void
pl_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PlHistory *self = PL_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pl_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pl_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, pl_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, pl_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_history_dispose (GObject *object)
{
  PlHistory *self = PL_HISTORY (object);

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      pl_store_set_recording (self->store, FALSE);
      g_clear_object (&self->store);
    }
  clear_queue (self, &self->undo);
  clear_queue (self, &self->redo);

  G_OBJECT_CLASS (pl_history_parent_class)->dispose (object);
}

static void
pl_history_class_init (PlHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pl_history_get_property;
  object_class->dispose = pl_history_dispose;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_history_init (PlHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * pl_history_new:
 *
 * Returns: (transfer full): an empty history that records from now on
 */
PlHistory *
pl_history_new (PlStore *store)
{
  PlHistory *self;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  self = g_object_new (PL_TYPE_HISTORY, NULL);
  self->store = g_object_ref (store);
  pl_store_set_recording (store, TRUE);
  g_signal_connect (store, "step", G_CALLBACK (on_step), self);

  return self;
}
