/* pl-context.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-context"

#include "config.h"

#include "pl-context.h"
#include "pl-date.h"
#include "pl-history.h"

/* The services every window and page shares: the store, the settings,
 * the clock and the undo history. It travels down the widget tree as the "context" property, so
 * that nothing reaches for a global and tests can hand in their own. */
struct _PlContext
{
  GObject    parent_instance;

  PlStore   *store;
  GSettings *settings;
  PlHistory *history;
};

G_DEFINE_FINAL_TYPE (PlContext, pl_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * pl_context_new:
 * @store: the open store
 * @settings: the application's settings (schema org.placements.Placements)
 *
 * Returns: (transfer full): a new context holding references to both.
 */
PlContext *
pl_context_new (PlStore   *store,
                GSettings *settings)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PL_TYPE_CONTEXT,
                       "store", store,
                       "settings", settings,
                       NULL);
}

static void
pl_context_finalize (GObject *object)
{
  PlContext *self = (PlContext *)object;

  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pl_context_parent_class)->finalize (object);
}

static void
pl_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PlContext *self = PL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PlContext *self = PL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_context_class_init (PlContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_context_finalize;
  object_class->get_property = pl_context_get_property;
  object_class->set_property = pl_context_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PL_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_context_init (PlContext *self)
{
}

/**
 * pl_context_get_store:
 *
 * Returns: (transfer none): the store
 */
PlStore *
pl_context_get_store (PlContext *self)
{
  g_return_val_if_fail (PL_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * pl_context_get_history:
 *
 * The undo history of everything written to the store through this
 * context, made the first time it is asked for.
 *
 * Returns: (transfer none): the history
 */
PlHistory *
pl_context_get_history (PlContext *self)
{
  g_return_val_if_fail (PL_IS_CONTEXT (self), NULL);

  if (self->history == NULL)
    self->history = pl_history_new (self->store);
  return self->history;
}

/**
 * pl_context_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
pl_context_get_settings (PlContext *self)
{
  g_return_val_if_fail (PL_IS_CONTEXT (self), NULL);

  return self->settings;
}

/**
 * pl_context_get_today:
 * @out: (out caller-allocates): where to put today's date
 *
 * Today as the application sees it: the local date, or PLACEMENTS_TODAY
 * when it is set, so that tests and demonstrations can pin the clock.
 */
void
pl_context_get_today (PlContext *self,
                      GDate     *out)
{
  g_return_if_fail (PL_IS_CONTEXT (self));
  g_return_if_fail (out != NULL);

  pl_date_today (out);
}

/**
 * pl_context_replace:
 * @slot: where @watcher keeps its context
 * @context: (nullable): the context to keep from now on
 * @on_store_changed: the handler of the store's "changed" signal, called
 *   with @watcher as its first argument
 * @watcher: the object that keeps the context
 *
 * Puts @context in @slot and moves @watcher's handler from the old
 * context's store to the new one's, so that a widget handed another
 * context hears only of the store it now shows.
 *
 * Returns: %FALSE when @slot already held @context and nothing changed
 */
gboolean
pl_context_replace (PlContext **slot,
                    PlContext  *context,
                    GCallback   on_store_changed,
                    gpointer    watcher)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (context == NULL || PL_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (on_store_changed != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (watcher), FALSE);

  if (*slot == context)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (pl_context_get_store (*slot),
                                          on_store_changed, watcher);
  g_set_object (slot, context);
  if (context != NULL)
    g_signal_connect_object (pl_context_get_store (context), "changed",
                             on_store_changed, watcher, G_CONNECT_SWAPPED);
  return TRUE;
}
