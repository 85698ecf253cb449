/* pl-staff-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-staff-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-first-step.h"
#include "pl-focus.h"
#include "pl-impact-chain.h"
#include "pl-observations-panel.h"
#include "pl-periods-group.h"
#include "pl-staff-page.h"
#include "pl-weekday-picker.h"

# include "pl-csv.h"

/* The teachers and managers of the partner colleges: who they are, whom
 * they work for, what they teach, and the weekdays they teach on (the
 * scheduler keeps placements off those). */
struct _PlStaffPage
{
  PlListPage           parent_instance;

  GArray              *partner_ids;  /* of the partner filter's items, 0 first */
  GArray              *sector_ids;   /* of the sector filter's items, 0 first */

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *partner_filter;
  GtkDropDown         *sector_filter;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *partner_column;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *detail_pane;
  GtkStack            *detail_stack;
  GtkWidget           *import_button;
  AdwStatusPage       *empty_page;
  GtkButton           *new_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *partner_row;
  AdwEntryRow         *job_title_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  AdwComboRow         *sector_row;
  AdwEntryRow         *curriculum_row;
  PlWeekdayPicker     *teaching_days;
  GtkTextView         *notes_view;
  PlPeriodsGroup      *periods_group;
  PlObservationsPanel *observations_panel;
  PlImpactChain       *impact_chain;
};

G_DEFINE_FINAL_TYPE (PlStaffPage, pl_staff_page, PL_TYPE_LIST_PAGE)

/* Fills @drop_down with "All …" then every record of @type, keeping their
 * ids in @ids at the same positions. */
static void
fill_choices (PlStore     *store,
              GType        type,
              const char  *all,
              GtkDropDown *drop_down,
              GArray      *ids)
{
  g_autoptr(GListModel) records = pl_store_list (store, type);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) old_ids = g_array_copy (ids);
  GListModel *old_names = gtk_drop_down_get_model (drop_down);
  gboolean same;
  gint64 none = 0;

  g_array_set_size (ids, 0);
  g_array_append_val (ids, none);
  gtk_string_list_append (names, all);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(PlRecord) record = g_list_model_get_item (records, i);
      gint64 id = pl_record_get_id (record);

      g_array_append_val (ids, id);
      gtk_string_list_append (names, pl_record_get_string (record, "name"));
    }

  /* A partner's every autosave comes here: leave the choices (and the
   * filter) alone unless a name or the list changed. */
  same = old_names != NULL && old_ids->len == ids->len &&
         g_list_model_get_n_items (old_names) == ids->len;
  for (guint i = 0; same && i < ids->len; i++)
    same = g_array_index (old_ids, gint64, i) == g_array_index (ids, gint64, i) &&
           g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (old_names), i),
                      gtk_string_list_get_string (names, i)) == 0;

  if (!same)
    gtk_drop_down_set_model (drop_down, G_LIST_MODEL (names));
}

static gint64
chosen_id (GtkDropDown *drop_down,
           GArray      *ids)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  if (position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return 0;

  return g_array_index (ids, gint64, position);
}

static gboolean
staff_matches (PlRecord *record,
               gpointer  user_data)
{
  PlStaffPage *self = user_data;
  gint64 partner = chosen_id (self->partner_filter, self->partner_ids);
  gint64 sector = chosen_id (self->sector_filter, self->sector_ids);

  if (partner != 0 && pl_record_get_int (record, "partner_id") != partner)
    return FALSE;
  if (sector != 0 && pl_record_get_int (record, "sector_id") != sector)
    return FALSE;

  return TRUE;
}

static void
on_filter_changed (PlStaffPage *self)
{
  PlRecordFilter *filter = pl_list_page_get_filter (PL_LIST_PAGE (self));
  gboolean any;

  if (filter == NULL)
    return;

  any = chosen_id (self->partner_filter, self->partner_ids) != 0 ||
        chosen_id (self->sector_filter, self->sector_ids) != 0;
  pl_record_filter_set_func (filter, any ? staff_matches : NULL, self);
  pl_record_filter_refilter (filter);
}

static void
fill_filters (PlStaffPage *self,
              const char  *table)
{
  PlStore *store = pl_list_page_get_store (PL_LIST_PAGE (self));
  gint64 partner = chosen_id (self->partner_filter, self->partner_ids);
  gint64 sector = chosen_id (self->sector_filter, self->sector_ids);

  /* The choice made stays made when the list of choices is read again. */
  if (table == NULL || g_str_equal (table, "partner"))
    {
      fill_choices (store, PL_TYPE_PARTNER, _("All Partners"), self->partner_filter, self->partner_ids);
      for (guint i = 0; i < self->partner_ids->len; i++)
        if (g_array_index (self->partner_ids, gint64, i) == partner)
          gtk_drop_down_set_selected (self->partner_filter, i);
    }

  if (table == NULL || g_str_equal (table, "sector"))
    {
      fill_choices (store, PL_TYPE_SECTOR, _("All Sectors"), self->sector_filter, self->sector_ids);
      for (guint i = 0; i < self->sector_ids->len; i++)
        if (g_array_index (self->sector_ids, gint64, i) == sector)
          gtk_drop_down_set_selected (self->sector_filter, i);
    }
}

/* With no partner yet, the empty list leads to adding one. */
static void
update_empty_page (PlStaffPage *self)
{
  pl_first_step_update (self->empty_page, self->new_button,
                        pl_list_page_get_store (PL_LIST_PAGE (self)), PL_TYPE_STAFF,
                        _("Add the teachers and managers of the partner colleges who go on "
                          "placements, or import them from a CSV file."),
                        _("_New Staff Member"), "page.new");
}

static void
on_store_changed (PlStaffPage *self,
                  const char  *table)
{
  if (table == NULL || g_str_equal (table, "partner") || g_str_equal (table, "sector"))
    fill_filters (self, table);
  if (table == NULL || g_str_equal (table, "partner"))
    update_empty_page (self);
}

static void
pl_staff_page_show_record (PlListPage *page,
                           PlRecord   *record)
{
  PlStaffPage *self = PL_STAFF_PAGE (page);

  pl_focus_show_named (self->detail_stack, record != NULL ? "record" : "none",
                       GTK_WIDGET (self->column_view));
  pl_periods_group_set_owner_id (self->periods_group,
                                 record != NULL ? pl_record_get_id (record) : 0);
  /* The story of one person's placement, on the page where their record is. */
  pl_observations_panel_set_staff (self->observations_panel,
                                   record != NULL ? pl_record_get_id (record) : 0);
  pl_impact_chain_set_staff (self->impact_chain, record != NULL ? pl_record_get_id (record) : 0);
}

static gboolean
pl_staff_page_prepare_new (PlListPage  *page,
                           PlRecord    *record,
                           GError     **error)
{
  PlStaffPage *self = PL_STAFF_PAGE (page);
  gint64 partner = chosen_id (self->partner_filter, self->partner_ids);
  gint64 sector = chosen_id (self->sector_filter, self->sector_ids);

  /* In the partner the list shows, so that the newcomer stays in view. */
  if (partner == 0 && self->partner_ids->len > 1)
    partner = g_array_index (self->partner_ids, gint64, 1);

  if (partner == 0)
    {
      pl_list_page_add_toast (page, adw_toast_new (_("Every staff member belongs to a partner: "
                                                     "add your college first.")));
      gtk_widget_activate_action (GTK_WIDGET (page), "win.add-first", "s", "partner");
      return FALSE;
    }

  pl_record_set_int (record, "partner_id", partner);
  if (sector != 0)
    pl_record_set_int (record, "sector_id", sector);
  pl_record_set_int (record, "teaching_days", 0);

  return TRUE;
}

static void
pl_staff_page_refuse_delete (PlListPage   *page,
                             PlRecord     *record,
                             const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Nothing can stand in for a person on a placement: the placements
   * must be cancelled or handed to a colleague first. */
  body = g_strdup_printf (_("%s\n\nCancel their placements, or give them to a colleague, "
                            "before deleting this staff member."), error->message);
  dialog = adw_message_dialog_new (pl_list_page_get_window (page),
                                   _("This Staff Member Has Placements"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_partner (PlRecord *record)
{
  return g_strdup (pl_record_get_string (record, "partner_name"));
}

static char *
format_sector (PlRecord *record)
{
  return g_strdup (pl_record_get_string (record, "sector_name"));
}

static void
pl_staff_page_setup (PlListPage *page,
                     PlContext  *context)
{
  PlStaffPage *self = PL_STAFF_PAGE (page);
  PlRecordEditor *editor = pl_list_page_get_editor (page);

  pl_periods_group_set_context (self->periods_group, context);
  g_object_set (self->observations_panel, "context", context, NULL);
  g_object_set (self->impact_chain, "context", context, NULL);

  fill_filters (self, NULL);

  pl_list_page_add_two_line_column (page, self->name_column, "name", NULL, "job-title", NULL);
  pl_list_page_set_column_sorter (page, self->name_column, "name");
  pl_list_page_add_two_line_column (page, self->partner_column, "partner-name", format_partner,
                                    "sector-name", format_sector);
  pl_list_page_set_column_sorter (page, self->partner_column, "partner-name");

  pl_record_editor_bind (editor, GTK_WIDGET (self->name_row), "name");
  pl_record_editor_bind_ref (editor, GTK_WIDGET (self->partner_row), "partner_id", NULL);
  pl_record_editor_bind (editor, GTK_WIDGET (self->job_title_row), "job_title");
  pl_record_editor_bind (editor, GTK_WIDGET (self->email_row), "email");
  pl_record_editor_bind (editor, GTK_WIDGET (self->phone_row), "phone");
  pl_record_editor_bind_ref (editor, GTK_WIDGET (self->sector_row), "sector_id", _("Not set"));
  pl_record_editor_bind (editor, GTK_WIDGET (self->curriculum_row), "curriculum_area");
  pl_record_editor_bind (editor, GTK_WIDGET (self->teaching_days), "teaching_days");
  pl_record_editor_bind (editor, GTK_WIDGET (self->notes_view), "notes");

  g_signal_connect_object (pl_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  update_empty_page (self);
}

static void
pl_staff_page_dispose (GObject *object)
{
  G_OBJECT_CLASS (pl_staff_page_parent_class)->dispose (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PL_TYPE_STAFF_PAGE);
}

static void
pl_staff_page_finalize (GObject *object)
{
  PlStaffPage *self = PL_STAFF_PAGE (object);

  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_clear_pointer (&self->sector_ids, g_array_unref);

  G_OBJECT_CLASS (pl_staff_page_parent_class)->finalize (object);
}

static void
write_email_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlRecord *staff = pl_list_page_get_selected (PL_LIST_PAGE (widget));

  if (staff != NULL)
    gtk_widget_activate_action (widget, "win.write-email", "(sx)", "staff",
                                pl_record_get_id (staff));
}

static void
pl_staff_page_class_init (PlStaffPageClass *klass)
{
  static PlListPageInfo info = {
    .search_kind = "staff",
    .new_name = N_("New staff member %u"),
    .new_tooltip = N_("New Staff Member"),
    .copy_name = N_("%s (copy)"),
    /* TRANSLATORS: a toast after a deletion; %s is the person's name. */
    .deleted_toast = N_("“%s” deleted"),
    .csv_kind = PL_CSV_STAFF,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlListPageClass *page_class = PL_LIST_PAGE_CLASS (klass);

  object_class->dispose = pl_staff_page_dispose;
  object_class->finalize = pl_staff_page_finalize;

  page_class->setup = pl_staff_page_setup;
  page_class->prepare_new = pl_staff_page_prepare_new;
  page_class->show_record = pl_staff_page_show_record;
  page_class->refuse_delete = pl_staff_page_refuse_delete;

  info.type = PL_TYPE_STAFF;
  pl_list_page_class_set_info (page_class, &info);

  g_type_ensure (PL_TYPE_WEEKDAY_PICKER);
  g_type_ensure (PL_TYPE_PERIODS_GROUP);
  g_type_ensure (PL_TYPE_OBSERVATIONS_PANEL);
  g_type_ensure (PL_TYPE_IMPACT_CHAIN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-staff-page.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, partner_filter);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, sector_filter);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, partner_column);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, partner_row);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, job_title_row);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, sector_row);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, curriculum_row);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, teaching_days);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, periods_group);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, observations_panel);
  gtk_widget_class_bind_template_child (widget_class, PlStaffPage, impact_chain);

  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "staff.write-email", NULL, write_email_action);
}

static void
pl_staff_page_init (PlStaffPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sector_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  pl_list_page_set_list_widgets (PL_LIST_PAGE (self), self->column_view, self->search_entry,
                                 self->list_stack, self->detail_pane, self->import_button);
  pl_list_page_set_panes (PL_LIST_PAGE (self), self->leaflet, self->list_pane);
}
