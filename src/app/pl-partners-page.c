/* pl-partners-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-partners-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-focus.h"
#include "pl-partners-page.h"
#include "pl-periods-group.h"
#include "pl-withdraw-dialog.h"

# include "pl-csv.h"

/* The colleges and training providers of the network. A partner is never
 * simply deleted once it has staff: it withdraws, with a date and a reason,
 * and its open placements are settled (PlWithdrawDialog). */
struct _PlPartnersPage
{
  PlListPage           parent_instance;

  PlRecord            *watched;  /* weak: the partner shown */

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_filter;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *status_column;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *detail_pane;
  GtkStack            *detail_stack;
  GtkWidget           *import_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *region_row;
  GtkSwitch           *lead_switch;
  AdwActionRow        *status_row;
  GtkButton           *withdraw_button;
  GtkButton           *reinstate_button;
  GtkLabel            *staff_count_label;
  AdwEntryRow         *contact_name_row;
  AdwEntryRow         *contact_email_row;
  AdwEntryRow         *contact_phone_row;
  GtkTextView         *notes_view;
  PlPeriodsGroup      *periods_group;
};

G_DEFINE_FINAL_TYPE (PlPartnersPage, pl_partners_page, PL_TYPE_LIST_PAGE)

/* The status chosen in the filter, or NULL for all. */
static const char *
chosen_status (PlPartnersPage *self)
{
  guint position = gtk_drop_down_get_selected (self->status_filter);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > g_strv_length ((char **) pl_enum_get_nicks (PL_TYPE_PARTNER_STATUS)))
    return NULL;

  return pl_enum_get_nicks (PL_TYPE_PARTNER_STATUS)[position - 1];
}

static gboolean
partner_matches (PlRecord *record,
                 gpointer  user_data)
{
  PlPartnersPage *self = user_data;
  const char *status = chosen_status (self);

  return status == NULL ||
         g_strcmp0 (pl_record_get_string (record, "status"), status) == 0;
}

static void
on_filter_changed (PlPartnersPage *self)
{
  PlRecordFilter *filter = pl_list_page_get_filter (PL_LIST_PAGE (self));

  if (filter == NULL)
    return;

  pl_record_filter_set_func (filter, chosen_status (self) != NULL ? partner_matches : NULL, self);
  pl_record_filter_refilter (filter);
}

static void
update_status (PlPartnersPage *self)
{
  PlRecord *partner = pl_list_page_get_selected (PL_LIST_PAGE (self));
  PlStore *store = pl_list_page_get_store (PL_LIST_PAGE (self));
  g_autoptr(GListModel) staff = NULL;
  g_autofree char *count = NULL;
  gboolean withdrawn;

  if (partner == NULL)
    return;

  withdrawn = g_strcmp0 (pl_record_get_string (partner, "status"), "withdrawn") == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->withdraw_button), !withdrawn);
  gtk_widget_set_visible (GTK_WIDGET (self->reinstate_button), withdrawn);

  if (withdrawn)
    {
      g_autofree char *date = pl_date_describe (pl_record_get_string (partner, "withdrawn_on"), FALSE);
      g_autofree char *title = g_strdup_printf (_("Withdrawn on %s"), date);
      const char *reason = pl_record_get_string (partner, "withdrawn_reason");
      g_autofree char *escaped = g_markup_escape_text (reason != NULL ? reason : "", -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
      adw_action_row_set_subtitle (self->status_row, escaped);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Active"));
      adw_action_row_set_subtitle (self->status_row, _("Takes part in the network"));
    }

  staff = pl_store_list_where (store, PL_TYPE_STAFF, "partner_id", pl_record_get_id (partner));
  count = g_strdup_printf ("%u", g_list_model_get_n_items (staff));
  gtk_label_set_text (self->staff_count_label, count);
}

static void
on_partner_notify (PlPartnersPage *self)
{
  update_status (self);
}

static void
pl_partners_page_show_record (PlListPage *page,
                              PlRecord   *record)
{
  PlPartnersPage *self = PL_PARTNERS_PAGE (page);

  pl_focus_show_named (self->detail_stack, record != NULL ? "record" : "none",
                       GTK_WIDGET (self->column_view));
  pl_periods_group_set_owner_id (self->periods_group,
                                 record != NULL ? pl_record_get_id (record) : 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.withdraw", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.reinstate", record != NULL);

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, on_partner_notify, self);
  g_set_weak_pointer (&self->watched, record);

  if (record != NULL)
    {
      g_signal_connect_object (record, "notify::status", G_CALLBACK (on_partner_notify), self,
                               G_CONNECT_SWAPPED);
      update_status (self);
    }
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlPartnersPage *self = PL_PARTNERS_PAGE (widget);
  PlRecord *partner = pl_list_page_get_selected (PL_LIST_PAGE (self));
  g_autofree char *today = NULL;
  PlWithdrawDialog *dialog;
  GDate date;

  if (partner == NULL)
    return;

  pl_record_editor_flush (pl_list_page_get_editor (PL_LIST_PAGE (self)));
  pl_context_get_today (pl_list_page_get_context (PL_LIST_PAGE (self)), &date);
  today = pl_date_to_iso (&date);
  dialog = pl_withdraw_dialog_new (pl_list_page_get_window (PL_LIST_PAGE (self)),
                                   pl_list_page_get_store (PL_LIST_PAGE (self)), partner, today);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reinstate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlPartnersPage *self = PL_PARTNERS_PAGE (widget);
  PlRecord *partner = pl_list_page_get_selected (PL_LIST_PAGE (self));
  g_autoptr(PlRecord) active = NULL;
  g_autoptr(GError) error = NULL;

  if (partner == NULL)
    return;

  /* The date and reason of the withdrawal stay, as history. */
  active = pl_record_copy (partner);
  pl_record_set_string (active, "status", "active");
  if (!pl_store_update (pl_list_page_get_store (PL_LIST_PAGE (self)), active, &error))
    pl_list_page_show_error (PL_LIST_PAGE (self), _("Could not reinstate the partner"), error);
}

static void
on_refuse_response (PlPartnersPage   *self,
                    const char       *response)
{
  if (g_strcmp0 (response, "withdraw") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "partner.withdraw", NULL);
}

static void
pl_partners_page_refuse_delete (PlListPage   *page,
                                PlRecord     *record,
                                const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gboolean withdrawn = g_strcmp0 (pl_record_get_string (record, "status"), "withdrawn") == 0;

  if (withdrawn)
    body = g_strdup_printf (_("%s\n\nIt has already withdrawn from the network; its records stay "
                              "as history."), error->message);
  else
    body = g_strdup_printf (_("%s\n\nMark it as withdrawn instead: its history stays, and its open "
                              "placements can be cancelled or given to other partners’ staff."),
                            error->message);

  dialog = adw_message_dialog_new (pl_list_page_get_window (page), _("This Partner Has Staff"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (!withdrawn)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "withdraw", _("Mark as _Withdrawn…"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "withdraw");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_refuse_response), page,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
pl_partners_page_prepare_new (PlListPage  *page,
                              PlRecord    *record,
                              GError     **error)
{
  pl_record_set_string (record, "kind", "college");
  pl_record_set_string (record, "status", "active");
  pl_record_set_bool (record, "is_lead", FALSE);
  return TRUE;
}

static char *
format_kind (PlRecord *record)
{
  return g_strdup (pl_enum_label (pl_record_get_string (record, "kind")));
}

static char *
format_status (PlRecord *record)
{
  if (g_strcmp0 (pl_record_get_string (record, "status"), "active") == 0 &&
      pl_record_get_bool (record, "is_lead"))
    return g_strdup (_("Active, lead"));

  return g_strdup (pl_enum_label (pl_record_get_string (record, "status")));
}

static void
pl_partners_page_setup (PlListPage *page,
                        PlContext  *context)
{
  PlPartnersPage *self = PL_PARTNERS_PAGE (page);
  PlRecordEditor *editor = pl_list_page_get_editor (page);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  pl_periods_group_set_context (self->periods_group, context);

  gtk_string_list_append (statuses, _("All Partners"));
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_PARTNER_STATUS)[i] != NULL; i++)
    gtk_string_list_append (statuses, pl_enum_label (pl_enum_get_nicks (PL_TYPE_PARTNER_STATUS)[i]));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));

  pl_list_page_add_two_line_column (page, self->name_column, "name", NULL, "region", NULL);
  pl_list_page_set_column_sorter (page, self->name_column, "name");
  pl_list_page_add_text_column (page, self->kind_column, "kind", format_kind);
  pl_list_page_set_column_sorter (page, self->kind_column, "kind");
  pl_list_page_add_text_column (page, self->status_column, "status", format_status);
  pl_list_page_set_column_sorter (page, self->status_column, "status");

  pl_record_editor_bind (editor, GTK_WIDGET (self->name_row), "name");
  pl_record_editor_bind (editor, GTK_WIDGET (self->kind_row), "kind");
  pl_record_editor_bind (editor, GTK_WIDGET (self->region_row), "region");
  pl_record_editor_bind (editor, GTK_WIDGET (self->lead_switch), "is_lead");
  pl_record_editor_bind (editor, GTK_WIDGET (self->contact_name_row), "contact_name");
  pl_record_editor_bind (editor, GTK_WIDGET (self->contact_email_row), "contact_email");
  pl_record_editor_bind (editor, GTK_WIDGET (self->contact_phone_row), "contact_phone");
  pl_record_editor_bind (editor, GTK_WIDGET (self->notes_view), "notes");
}

static void
pl_partners_page_dispose (GObject *object)
{
  PlPartnersPage *self = PL_PARTNERS_PAGE (object);

  g_clear_weak_pointer (&self->watched);

  G_OBJECT_CLASS (pl_partners_page_parent_class)->dispose (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PL_TYPE_PARTNERS_PAGE);
}

static void
pl_partners_page_class_init (PlPartnersPageClass *klass)
{
  static PlListPageInfo info = {
    .search_kind = "partner",
    .new_name = N_("New partner %u"),
    .new_tooltip = N_("New Partner"),
    .copy_name = N_("%s (copy)"),
    /* TRANSLATORS: a toast after a deletion; %s is the partner's name. */
    .deleted_toast = N_("“%s” deleted"),
    .csv_kind = PL_CSV_PARTNERS,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlListPageClass *page_class = PL_LIST_PAGE_CLASS (klass);

  object_class->dispose = pl_partners_page_dispose;

  page_class->setup = pl_partners_page_setup;
  page_class->prepare_new = pl_partners_page_prepare_new;
  page_class->show_record = pl_partners_page_show_record;
  page_class->refuse_delete = pl_partners_page_refuse_delete;

  info.type = PL_TYPE_PARTNER;
  pl_list_page_class_set_info (page_class, &info);

  g_type_ensure (PL_TYPE_PERIODS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-partners-page.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, kind_column);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, lead_switch);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, reinstate_button);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, staff_count_label);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PlPartnersPage, periods_group);

  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "partner.withdraw", NULL, withdraw_action);
  gtk_widget_class_install_action (widget_class, "partner.reinstate", NULL, reinstate_action);
}

static void
pl_partners_page_init (PlPartnersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pl_list_page_set_list_widgets (PL_LIST_PAGE (self), self->column_view, self->search_entry,
                                 self->list_stack, self->detail_pane, self->import_button);
  pl_list_page_set_panes (PL_LIST_PAGE (self), self->leaflet, self->list_pane);
}
