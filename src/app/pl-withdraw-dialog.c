/* pl-withdraw-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-withdraw-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-date-picker-row.h"
#include "pl-record-chooser.h"
#include "pl-record-editor.h"
#include "pl-window.h"
#include "pl-withdraw-dialog.h"
#include "pl-withdrawal.h"

/* Marks a partner withdrawn: when and why, and what becomes of each of its
 * open placements — cancelled, or handed to a staff member of another
 * active partner — one by one or all at once. Everything happens in one
 * transaction (pl_withdrawal_apply()) and can be undone from the toast. */
struct _PlWithdrawDialog
{
  AdwWindow            parent_instance;

  PlStore             *store;
  PlRecord            *partner;    /* a copy, holding the date and reason typed */
  PlRecordEditor      *editor;
  GHashTable          *active;     /* ids of active partners other than this one */
  GPtrArray           *rows;       /* one PlRecordChooser per open placement; 0 cancels */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *main_group;
  PlDatePickerRow          *date_row;
  AdwEntryRow         *reason_row;
  AdwPreferencesGroup *placements_group;
  AdwActionRow        *all_row;
  PlRecordChooser     *all_chooser;
};

G_DEFINE_FINAL_TYPE (PlWithdrawDialog, pl_withdraw_dialog, ADW_TYPE_WINDOW)

static gboolean
may_take_over (PlRecord *item,
               gpointer  user_data)
{
  PlWithdrawDialog *self = user_data;
  gint64 partner = pl_record_get_int (item, "partner_id");

  return g_hash_table_contains (self->active, &partner);
}

static void
find_active_partners (PlWithdrawDialog *self)
{
  g_autoptr(GListModel) partners = pl_store_list (self->store, PL_TYPE_PARTNER);

  self->active = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(PlRecord) partner = g_list_model_get_item (partners, i);
      gint64 *id;

      if (pl_record_get_id (partner) == pl_record_get_id (self->partner) ||
          g_strcmp0 (pl_record_get_string (partner, "status"), "active") != 0)
        continue;

      id = g_new (gint64, 1);
      *id = pl_record_get_id (partner);
      g_hash_table_add (self->active, id);
    }
}

/* Who may take a placement over: "Cancel it" (no one), or a staff member
 * of another active partner. */
static GtkWidget *
new_choice (PlWithdrawDialog *self)
{
  GtkWidget *chooser = pl_record_chooser_new ();

  pl_record_chooser_setup (PL_RECORD_CHOOSER (chooser), self->store, PL_TYPE_STAFF, "staff",
                           _("Cancel it"));
  pl_record_chooser_set_func (PL_RECORD_CHOOSER (chooser), may_take_over, self);
  gtk_widget_set_valign (chooser, GTK_ALIGN_CENTER);
  return chooser;
}

static void
on_all_changed (PlWithdrawDialog *self)
{
  gint64 id = pl_record_chooser_get_id (self->all_chooser);

  for (guint i = 0; i < self->rows->len; i++)
    pl_record_chooser_set_id (g_ptr_array_index (self->rows, i), id);
}

static void
add_placement_row (PlWithdrawDialog *self,
                   gint64            placement_id)
{
  g_autoptr(PlRecord) placement = pl_store_get (self->store, PL_TYPE_PLACEMENT, placement_id, NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *row;
  GtkWidget *chooser;
  const char *employer;
  const char *first_day;

  if (placement == NULL)
    return;

  /* TRANSLATORS: a placement: the staff member, then the sector. */
  title = g_strdup_printf (_("%s, %s"), pl_record_get_string (placement, "staff_name"),
                          pl_record_get_string (placement, "sector_name"));
  g_string_append (subtitle, pl_enum_label (pl_record_get_string (placement, "status")));
  employer = pl_record_get_string (placement, "employer_name");
  if (employer != NULL)
    g_string_append_printf (subtitle, " · %s", employer);
  first_day = pl_record_get_string (placement, "first_day");
  if (first_day != NULL)
    {
      g_autofree char *date = pl_date_describe (first_day, TRUE);

      g_string_append_printf (subtitle, " · %s", date);
    }

  row = adw_action_row_new ();
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  g_free (escaped);
  escaped = g_markup_escape_text (subtitle->str, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);

  chooser = new_choice (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What becomes of this placement"), -1);
  g_object_set_data_full (G_OBJECT (chooser), "pl-placement", g_object_ref (placement),
                          g_object_unref);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chooser);
  adw_preferences_group_add (self->placements_group, row);
  g_ptr_array_add (self->rows, chooser);
}

/**
 * pl_withdraw_dialog_apply:
 *
 * What the Withdraw button does: checks the date, records the withdrawal
 * with the choices made, offers Undo in a toast and closes.
 *
 * Returns: whether the withdrawal was recorded
 */
gboolean
pl_withdraw_dialog_apply (PlWithdrawDialog *self)
{
  g_autoptr(PlWithdrawal) withdrawal = NULL;
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (PlWithdrawalChoice));
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  GtkWindow *parent;
  guint n_cancelled, n_moved;

  g_return_val_if_fail (PL_IS_WITHDRAW_DIALOG (self), FALSE);

  if (!pl_record_editor_apply (self->editor))
    return FALSE;

  if (pl_record_is_null (self->partner, "withdrawn_on"))
    {
      pl_record_editor_set_error (self->editor, "withdrawn_on", _("Say when the partner withdrew."));
      return FALSE;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      PlRecordChooser *chooser = g_ptr_array_index (self->rows, i);
      PlRecord *placement = g_object_get_data (G_OBJECT (chooser), "pl-placement");
      PlWithdrawalChoice choice = { pl_record_get_id (placement), pl_record_chooser_get_id (chooser) };

      g_array_append_val (choices, choice);
    }

  withdrawal = pl_withdrawal_apply (self->store, pl_record_get_id (self->partner),
                                    pl_record_get_string (self->partner, "withdrawn_on"),
                                    pl_record_get_string (self->partner, "withdrawn_reason"),
                                    (const PlWithdrawalChoice *) (gpointer) choices->data,
                                    choices->len, &error);
  if (withdrawal == NULL)
    {
      adw_preferences_group_set_description (self->main_group, error->message);
      return FALSE;
    }

  n_cancelled = pl_withdrawal_get_n_cancelled (withdrawal);
  n_moved = pl_withdrawal_get_n_moved (withdrawal);
  escaped = g_markup_escape_text (pl_record_get_string (self->partner, "name"), -1);
  if (n_cancelled + n_moved == 0)
    title = g_strdup_printf (_("“%s” withdrawn"), escaped);
  else
    /* TRANSLATORS: "“Brightpath Training” withdrawn: 2 placements cancelled, 1 moved" */
    title = g_strdup_printf (_("“%s” withdrawn: %u placements cancelled, %u moved"),
                             escaped, n_cancelled, n_moved);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (PL_IS_WINDOW (parent))
    pl_window_add_undo_toast (PL_WINDOW (parent), title);

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_withdraw_clicked (PlWithdrawDialog *self)
{
  pl_withdraw_dialog_apply (self);
}

/**
 * pl_withdraw_dialog_get_n_open:
 *
 * Returns: how many open placements the dialog lists
 */
guint
pl_withdraw_dialog_get_n_open (PlWithdrawDialog *self)
{
  g_return_val_if_fail (PL_IS_WITHDRAW_DIALOG (self), 0);

  return self->rows->len;
}

/**
 * pl_withdraw_dialog_move_all:
 * @staff_id: who takes every open placement, or 0 to cancel them all
 *
 * Chooses in "For all of them", as a person would.
 */
void
pl_withdraw_dialog_move_all (PlWithdrawDialog *self,
                             gint64            staff_id)
{
  g_return_if_fail (PL_IS_WITHDRAW_DIALOG (self));

  pl_record_chooser_set_id (self->all_chooser, staff_id);
}

static void
pl_withdraw_dialog_dispose (GObject *object)
{
  PlWithdrawDialog *self = PL_WITHDRAW_DIALOG (object);

  g_clear_object (&self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WITHDRAW_DIALOG);

  G_OBJECT_CLASS (pl_withdraw_dialog_parent_class)->dispose (object);
}

static void
pl_withdraw_dialog_finalize (GObject *object)
{
  PlWithdrawDialog *self = PL_WITHDRAW_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->active, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_withdraw_dialog_parent_class)->finalize (object);
}

static void
pl_withdraw_dialog_class_init (PlWithdrawDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_withdraw_dialog_dispose;
  object_class->finalize = pl_withdraw_dialog_finalize;

  g_type_ensure (PL_TYPE_DATE_PICKER_ROW);
  g_type_ensure (PL_TYPE_RECORD_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-withdraw-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlWithdrawDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlWithdrawDialog, main_group);
  gtk_widget_class_bind_template_child (widget_class, PlWithdrawDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PlWithdrawDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, PlWithdrawDialog, placements_group);
  gtk_widget_class_bind_template_child (widget_class, PlWithdrawDialog, all_row);
  gtk_widget_class_bind_template_child (widget_class, PlWithdrawDialog, all_chooser);

  gtk_widget_class_bind_template_callback (widget_class, on_withdraw_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_withdraw_dialog_init (PlWithdrawDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
}

/**
 * pl_withdraw_dialog_new:
 * @partner: the partner that withdraws
 * @today: the date offered (ISO)
 *
 * Returns: (transfer none): the dialog, transient for @parent and not yet
 *   shown; it destroys itself when done
 */
PlWithdrawDialog *
pl_withdraw_dialog_new (GtkWindow  *parent,
                        PlStore    *store,
                        PlRecord   *partner,
                        const char *today)
{
  PlWithdrawDialog *self;
  g_autoptr(GArray) open = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_PARTNER (partner), NULL);

  self = g_object_new (PL_TYPE_WITHDRAW_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->partner = pl_record_copy (partner);
  pl_record_set_string (self->partner, "withdrawn_on", today);
  pl_record_set_null (self->partner, "withdrawn_reason");

  adw_window_title_set_subtitle (self->window_title, pl_record_get_string (partner, "name"));

  self->editor = pl_record_editor_new (store, PL_TYPE_PARTNER);
  pl_record_editor_set_manual (self->editor, TRUE);
  pl_record_editor_bind (self->editor, GTK_WIDGET (self->date_row), "withdrawn_on");
  pl_record_editor_bind (self->editor, GTK_WIDGET (self->reason_row), "withdrawn_reason");
  pl_record_editor_set_record (self->editor, self->partner);

  find_active_partners (self);
  pl_record_chooser_setup (self->all_chooser, store, PL_TYPE_STAFF, "staff", _("Cancel them"));
  pl_record_chooser_set_func (self->all_chooser, may_take_over, self);
  g_signal_connect_object (self->all_chooser, "notify::id", G_CALLBACK (on_all_changed), self,
                           G_CONNECT_SWAPPED);

  open = pl_withdrawal_open_placements (store, pl_record_get_id (partner));
  for (guint i = 0; i < open->len; i++)
    add_placement_row (self, g_array_index (open, gint64, i));

  if (open->len == 0)
    gtk_widget_set_visible (GTK_WIDGET (self->placements_group), FALSE);
  else
    {
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "This placement of the partner’s staff is still "
                                                  "open. Cancel it, with the reason recorded, or "
                                                  "give it to a staff member of another partner.",
                                                  "These %u placements of the partner’s staff are "
                                                  "still open. Cancel them, with the reason "
                                                  "recorded, or give them to staff members of "
                                                  "other partners.",
                                                  open->len),
                                     open->len);
      adw_preferences_group_set_description (self->placements_group, description);
      gtk_widget_set_visible (GTK_WIDGET (self->all_row), open->len > 1);
    }

  return self;
}
