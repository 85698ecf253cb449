/* pl-history-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-history-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-history-dialog.h"
#include "pl-records.h"
#include "pl-store-access.h"
#include "pl-store-audit.h"

/* Who changed one record, when, and what: the server's audit trail of a
 * shared database, newest first, one row a save (the changes one role
 * wrote in one second). It follows the store: a change to the record, by
 * this window or by another coordinator, shows as soon as the store tells
 * of it. */

/* One row: the changes of one save. Only this dialog shows them. */
#define PL_TYPE_HISTORY_STEP (pl_history_step_get_type ())

G_DECLARE_FINAL_TYPE (PlHistoryStep, pl_history_step, PL, HISTORY_STEP, GObject)

struct _PlHistoryStep
{
  GObject  parent_instance;

  char    *at;       /* UTC, ISO 8601, as the server wrote it */
  char    *role;
  GString *changes;  /* one line a change */
};

G_DEFINE_FINAL_TYPE (PlHistoryStep, pl_history_step, G_TYPE_OBJECT)

static void
pl_history_step_finalize (GObject *object)
{
  PlHistoryStep *self = PL_HISTORY_STEP (object);

  g_free (self->at);
  g_free (self->role);
  g_string_free (self->changes, TRUE);

  G_OBJECT_CLASS (pl_history_step_parent_class)->finalize (object);
}

static void
pl_history_step_class_init (PlHistoryStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_history_step_finalize;
}

static void
pl_history_step_init (PlHistoryStep *self)
{
  self->changes = g_string_new (NULL);
}

/* "7 Dec 2026, 09:14", in local time. */
static char *
step_when (PlHistoryStep *step)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (step->at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (step->at);
  local = g_date_time_to_local (utc);
  /* TRANSLATORS: when a change was saved, as for g_date_time_format():
   * "7 Dec 2026, 09:14" */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

static char *
step_subtitle (PlHistoryStep *step)
{
  g_autofree char *when = step_when (step);

  /* TRANSLATORS: when a change was saved, and the database login (role)
   * that saved it */
  return g_strdup_printf (_("%s · %s"), when, step->role);
}

struct _PlHistoryDialog
{
  AdwWindow     parent_instance;

  PlStore      *store;
  GType         type;
  gint64        id;
  const char   *table;
  GListStore   *steps;
  guint         reload_id;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListView    *list_view;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (PlHistoryDialog, pl_history_dialog, ADW_TYPE_WINDOW)

gboolean
pl_history_dialog_is_available (PlStore *store)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  return pl_store_is_shared (store);
}

static gboolean
steps_equal (PlHistoryStep *a,
             PlHistoryStep *b)
{
  return g_strcmp0 (a->at, b->at) == 0 && g_strcmp0 (a->role, b->role) == 0 &&
         g_string_equal (a->changes, b->changes);
}

static void
reload (PlHistoryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);
  PlHistoryStep *step = NULL;
  guint n_old;
  guint kept = 0;

  entries = pl_store_list_record_audit (self->store, self->type, self->id, &error);
  if (entries == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* Newest first; the entries come oldest first. */
  for (guint i = entries->len; i > 0; i--)
    {
      const PlAuditEntry *entry = entries->pdata[i - 1];

      if (step == NULL || g_strcmp0 (step->at, entry->at) != 0 ||
          g_strcmp0 (step->role, entry->role) != 0)
        {
          step = g_object_new (PL_TYPE_HISTORY_STEP, NULL);
          step->at = g_strdup (entry->at);
          step->role = g_strdup (entry->role);
          g_ptr_array_add (steps, step);
        }
      /* Within one save, in the order it was written. */
      if (step->changes->len > 0)
        g_string_prepend_c (step->changes, '\n');
      g_string_prepend (step->changes, entry->text);
    }

  /* The trail only grows at its newest end: keep the rows that are still
   * the same (the oldest ones), so that the view keeps its place. */
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  while (kept < n_old && kept < steps->len)
    {
      g_autoptr(PlHistoryStep) old = g_list_model_get_item (G_LIST_MODEL (self->steps),
                                                            n_old - kept - 1);

      if (!steps_equal (old, steps->pdata[steps->len - kept - 1]))
        break;
      kept++;
    }
  g_list_store_splice (self->steps, 0, n_old - kept, steps->pdata, steps->len - kept);
  gtk_stack_set_visible_child_name (self->stack, steps->len > 0 ? "list" : "empty");
}

static gboolean
reload_cb (gpointer data)
{
  PlHistoryDialog *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A save writes several tables at once (a placement, its days, its
 * milestones): one reload for them all. */
static void
on_store_changed (PlHistoryDialog *self,
                  const char      *table)
{
  static const char * const parts[] = { "placement_day", "placement_term", "milestone", NULL };

  if (g_strcmp0 (table, self->table) != 0 &&
      !(self->type == PL_TYPE_PLACEMENT && g_strv_contains (parts, table)))
    return;

  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *changes = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (changes), 0);
  gtk_label_set_wrap (GTK_LABEL (changes), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (changes), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), changes);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  PlHistoryStep *step = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *changes = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (changes);
  g_autofree char *text = step_subtitle (step);

  gtk_label_set_text (GTK_LABEL (changes), step->changes->str);
  gtk_label_set_text (GTK_LABEL (subtitle), text);
}

/**
 * pl_history_dialog_dup_rows:
 *
 * Returns: (transfer full): each row's changes and its "when · who" line,
 *   newest first
 */
GStrv
pl_history_dialog_dup_rows (PlHistoryDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model;

  g_return_val_if_fail (PL_IS_HISTORY_DIALOG (self), NULL);

  model = G_LIST_MODEL (self->steps);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlHistoryStep) step = g_list_model_get_item (model, i);
      g_autofree char *subtitle = step_subtitle (step);
      g_autofree char *row = g_strdup_printf ("%s\n%s", step->changes->str, subtitle);

      g_strv_builder_add (builder, row);
    }
  return g_strv_builder_end (builder);
}

static void
pl_history_dialog_dispose (GObject *object)
{
  PlHistoryDialog *self = PL_HISTORY_DIALOG (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_HISTORY_DIALOG);

  G_OBJECT_CLASS (pl_history_dialog_parent_class)->dispose (object);
}

static void
pl_history_dialog_finalize (GObject *object)
{
  PlHistoryDialog *self = PL_HISTORY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->steps);

  G_OBJECT_CLASS (pl_history_dialog_parent_class)->finalize (object);
}

static void
pl_history_dialog_class_init (PlHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_history_dialog_dispose;
  object_class->finalize = pl_history_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-history-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PlHistoryDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlHistoryDialog, error_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_history_dialog_init (PlHistoryDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->steps = g_list_store_new (PL_TYPE_HISTORY_STEP);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (G_LIST_MODEL (self->steps)))));
}

/**
 * pl_history_dialog_new:
 * @type: the record type (PL_TYPE_STAFF, PL_TYPE_PLACEMENT, …)
 * @id: the record's id
 * @name: (nullable): what the window says it is the history of
 *
 * Returns: (transfer none): the dialog, transient for @parent and not yet
 *   shown; it destroys itself when closed
 */
PlHistoryDialog *
pl_history_dialog_new (GtkWindow  *parent,
                       PlStore    *store,
                       GType       type,
                       gint64      id,
                       const char *name)
{
  PlHistoryDialog *self;
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);

  self = g_object_new (PL_TYPE_HISTORY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  self->id = id;
  klass = g_type_class_ref (type);
  /* Record classes live as long as the program. */
  self->table = pl_record_class_get_table (PL_RECORD_CLASS (klass));

  adw_window_title_set_subtitle (self->window_title, name);
  if (name != NULL)
    {
      /* TRANSLATORS: the window's title, with the record's name */
      g_autofree char *title = g_strdup_printf (_("Change History of %s"), name);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }

  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  reload (self);
  return self;
}
