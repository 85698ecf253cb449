/* pl-employers-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-employers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-attention.h"
#include "pl-calendar.h"
#include "pl-focus.h"
#include "pl-store-repeat.h"
#include "pl-contact-dialog.h"
#include "pl-date.h"
#include "pl-date-picker-row.h"
#include "pl-document-dialog.h"
#include "pl-employer-flags.h"
#include "pl-employers-page.h"
#include "pl-evidence.h"
#include "pl-periods-group.h"
#include "pl-record-chooser.h"
#include "pl-record-list.h"
#include "pl-store-appetite.h"
#include "pl-store-job.h"
#include "pl-weekday-picker.h"

# include "pl-csv.h"

/* The employers of the network, and what keeps them warm: the contact log,
 * a named owner, a "do not contact before" date, and the evidence a
 * placement needs. The list can be narrowed to the employers that need
 * attention (pl_attention_employers()), which is what a coordinator looks
 * at first. Two icons in the list say, without opening an employer, that it
 * needs attention or that its evidence is incomplete; both come from one
 * query each over all employers, made again after changes, in an idle. */
struct _PlEmployersPage
{
  PlListPage           parent_instance;

  GHashTable          *attention;   /* id → PlAttention */
  GHashTable          *evidence;    /* id → PlEvidenceState */
  GArray              *sector_ids;  /* of the sector filter's items, 0 first */
  GListModel          *contacts;
  GListModel          *documents;
  GHashTable          *appetites;   /* id → PlAppetite this academic year, when told */
  int                  appetite_year;
  gboolean             showing_appetite; /* the rows are being filled, not edited */
  GCancellable        *flags_cancellable;
  gboolean             flags_running;  /* a thread is working them out */
  gboolean             flags_stale;    /* changed since it started */

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *sector_filter;
  GtkDropDown         *stage_filter;
  GtkDropDown         *appetite_filter;
  GtkToggleButton     *attention_toggle;
  GtkListBox          *invite_list;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *flags_column;
  GtkColumnViewColumn *stage_column;
  GtkColumnViewColumn *last_contact_column;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *detail_pane;
  GtkStack            *detail_stack;
  GtkWidget           *import_button;
  GtkWidget           *attention_banner;
  GtkLabel            *attention_label;
  GtkWidget           *evidence_banner;
  GtkLabel            *evidence_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *sector_row;
  AdwComboRow         *size_row;
  AdwComboRow         *relationship_row;
  PlRecordChooser     *owner_chooser;
  PlDatePickerRow     *not_before_row;
  AdwComboRow         *appetite_row;
  AdwEntryRow         *appetite_reason_row;
  GtkListBox          *contacts_list;
  GtkListBox          *documents_list;
  AdwEntryRow         *contact_name_row;
  AdwEntryRow         *contact_email_row;
  AdwEntryRow         *contact_phone_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *postcode_row;
  AdwEntryRow         *website_row;
  AdwEntryRow         *capacity_row;
  AdwEntryRow         *notice_row;
  PlWeekdayPicker     *preferred_days;
  GtkTextView         *notes_view;
  PlPeriodsGroup      *periods_group;
};

G_DEFINE_FINAL_TYPE (PlEmployersPage, pl_employers_page, PL_TYPE_LIST_PAGE)

enum {
  FLAGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const PlListPageInfo info = {
  .type = G_TYPE_INVALID, /* set in class_init */
  .search_kind = "employer",
  .new_name = N_("New employer %u"),
  .new_tooltip = N_("New Employer"),
  .copy_name = N_("%s (copy)"),
  /* TRANSLATORS: a toast after a deletion; %s is the employer's name. */
  .deleted_toast = N_("“%s” deleted"),
  .csv_kind = PL_CSV_EMPLOYERS,
};

static void
today_iso (PlEmployersPage *self,
           char           **out)
{
  GDate today;

  pl_context_get_today (pl_list_page_get_context (PL_LIST_PAGE (self)), &today);
  *out = pl_date_to_iso (&today);
}

/* Missing evidence matters once an employer is about to host; expired
 * evidence matters whatever the stage. */
static gboolean
evidence_flagged (PlEmployersPage *self,
                  PlRecord        *employer)
{
  gint64 id = pl_record_get_id (employer);
  PlEvidenceState *state = self->evidence ? g_hash_table_lookup (self->evidence, &id) : NULL;
  const char *stage = pl_record_get_string (employer, "relationship");

  if (state == NULL)
    return FALSE;

  return state->expired != 0 ||
         (state->missing != 0 && (g_strcmp0 (stage, "warm") == 0 || g_strcmp0 (stage, "host") == 0));
}

static PlAttention *
attention_of (PlEmployersPage *self,
              PlRecord        *employer)
{
  gint64 id = pl_record_get_id (employer);

  return self->attention ? g_hash_table_lookup (self->attention, &id) : NULL;
}

/* Filtering */

/* The choice in a filter's drop-down; 0, "all", when there is none yet. */
static guint
choice_of (GtkDropDown *drop_down)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  return position == GTK_INVALID_LIST_POSITION ? 0 : position;
}

static PlAppetite
appetite_of (PlEmployersPage *self,
             gint64           id)
{
  gpointer state = self->appetites ? g_hash_table_lookup (self->appetites, &id) : NULL;

  return state != NULL ? (PlAppetite) GPOINTER_TO_INT (state) : PL_APPETITE_UNKNOWN;
}

static gboolean
employer_matches (PlRecord *record,
                  gpointer  user_data)
{
  PlEmployersPage *self = user_data;
  guint sector = choice_of (self->sector_filter);
  guint stage = choice_of (self->stage_filter);

  if (sector > 0 && sector < self->sector_ids->len &&
      pl_record_get_int (record, "sector_id") != g_array_index (self->sector_ids, gint64, sector))
    return FALSE;

  if (stage > 0 && stage <= g_strv_length ((char **) pl_enum_get_nicks (PL_TYPE_RELATIONSHIP)) &&
      g_strcmp0 (pl_record_get_string (record, "relationship"),
                              pl_enum_get_nicks (PL_TYPE_RELATIONSHIP)[stage - 1]) != 0)
    return FALSE;

  if (gtk_toggle_button_get_active (self->attention_toggle) && attention_of (self, record) == NULL)
    return FALSE;

  /* The drop-down lists the appetites in their order, after "any". */
  if (choice_of (self->appetite_filter) > 0 &&
      (guint) appetite_of (self, pl_record_get_id (record)) + 1 != choice_of (self->appetite_filter))
    return FALSE;

  return TRUE;
}

static void
on_filter_changed (PlEmployersPage *self)
{
  PlRecordFilter *filter = pl_list_page_get_filter (PL_LIST_PAGE (self));
  gboolean any;

  if (filter == NULL)
    return;

  any = choice_of (self->sector_filter) > 0 ||
        choice_of (self->stage_filter) > 0 ||
        choice_of (self->appetite_filter) > 0 ||
        gtk_toggle_button_get_active (self->attention_toggle);

  /* No function at all lets the list hand rows through unread. */
  pl_record_filter_set_func (filter, any ? employer_matches : NULL, self);
  pl_record_filter_refilter (filter);
}

/**
 * pl_employers_page_set_needs_attention:
 *
 * Shows only the employers that need attention, as the toggle does; for
 * the Overview's link to this list, which counted all of them: the other
 * filters are cleared.
 */
void
pl_employers_page_set_needs_attention (PlEmployersPage *self,
                                       gboolean         only)
{
  g_return_if_fail (PL_IS_EMPLOYERS_PAGE (self));

  if (only)
    {
      gtk_drop_down_set_selected (self->sector_filter, 0);
      gtk_drop_down_set_selected (self->stage_filter, 0);
      gtk_drop_down_set_selected (self->appetite_filter, 0);
    }
  gtk_toggle_button_set_active (self->attention_toggle, only);
}

/* Invite Back: last year's hosts with nothing this year, worked out when
 * the popover opens (one query, over last year's placements). Each row
 * opens the employer; its button writes to it (win.write-email). */
static GtkWidget *
invite_row_new (PlInviteBack *item,
                const char   *year_label)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *button;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* TRANSLATORS: %d placements took place at the employer in an academic year (%s) */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Hosted %d placement in %s",
                                           "Hosted %d placements in %s", (gulong) item->hosted),
                              (int) item->hosted, year_label);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-employer");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (item->employer_id));

  button = gtk_button_new_with_mnemonic (_("Write _Email…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.write-email");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(sx)", "employer", item->employer_id));
  adw_action_row_add_suffix (row, button);

  return GTK_WIDGET (row);
}

static void
on_invite_popover_show (PlEmployersPage *self)
{
  PlContext *context = pl_list_page_get_context (PL_LIST_PAGE (self));
  g_autoptr(GPtrArray) hosts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_label = NULL;
  GtkWidget *child;
  GDate today, start;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->invite_list))) != NULL)
    gtk_list_box_remove (self->invite_list, child);

  pl_context_get_today (context, &today);
  pl_date_academic_year_start (&today, &start);
  year_label = pl_academic_year_label (g_date_get_year (&start) - 1);

  hosts = pl_store_list_invite_back (pl_list_page_get_store (PL_LIST_PAGE (self)), &today,
                                     &error);
  if (hosts == NULL)
    {
      pl_list_page_show_error (PL_LIST_PAGE (self), _("Could not find last year’s hosts"), error);
      return;
    }

  if (hosts->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("Every host of last year has a placement this year."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_set_placeholder (self->invite_list, label);
      return;
    }

  for (guint i = 0; i < hosts->len; i++)
    gtk_list_box_append (self->invite_list, invite_row_new (g_ptr_array_index (hosts, i),
                                                            year_label));
}

static void
fill_sector_filter (PlEmployersPage *self)
{
  PlStore *store = pl_list_page_get_store (PL_LIST_PAGE (self));
  g_autoptr(GListModel) sectors = pl_store_list (store, PL_TYPE_SECTOR);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->sector_ids, 0);
  g_array_append_val (self->sector_ids, none);
  gtk_string_list_append (names, _("All Sectors"));

  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      g_autoptr(PlRecord) sector = g_list_model_get_item (sectors, i);
      gint64 id = pl_record_get_id (sector);

      g_array_append_val (self->sector_ids, id);
      gtk_string_list_append (names, pl_record_get_string (sector, "name"));
    }

  gtk_drop_down_set_model (self->sector_filter, G_LIST_MODEL (names));
}

/* The flags: needs attention, evidence incomplete
 *
 * Both are one query over every employer (a few hundred milliseconds of CPU
 * at 20,000 employers), worked out again after every change that can alter
 * them — an autosave among others. They are worked out on the store's
 * worker connection, so that neither opening the window nor typing is held
 * up; the list's icons follow when the answer comes. */

typedef struct
{
  GDate       today;
  guint       months;
  GPtrArray  *attention;
  GHashTable *evidence;
} FlagsJob;

static void
flags_job_free (gpointer data)
{
  FlagsJob *job = data;

  g_clear_pointer (&job->attention, g_ptr_array_unref);
  g_clear_pointer (&job->evidence, g_hash_table_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlagsJob, flags_job_free)

static FlagsJob *
flags_job_new (PlEmployersPage *self)
{
  PlContext *context = pl_list_page_get_context (PL_LIST_PAGE (self));
  FlagsJob *job = g_new0 (FlagsJob, 1);

  pl_context_get_today (context, &job->today);
  job->months = (guint) g_settings_get_int (pl_context_get_settings (context), "attention-months");

  return job;
}

/* In the store's worker: what was asked for, and the answers. */
static gpointer
flags_job_run (PlStoreJob  *store_job,
               PlStore     *worker,
               gpointer     data,
               GError     **error)
{
  const FlagsJob *asked = data;
  FlagsJob *answer = g_new0 (FlagsJob, 1);

  answer->today = asked->today;
  answer->months = asked->months;
  answer->attention = pl_attention_employers (worker, &answer->today, answer->months, error);
  if (answer->attention != NULL)
    answer->evidence = pl_evidence_problems (worker, &answer->today, error);
  if (answer->evidence == NULL)
    {
      flags_job_free (answer);
      return NULL;
    }
  return answer;
}

/* Takes the job's results. */
static void
apply_flags (PlEmployersPage *self,
             FlagsJob        *job)
{
  g_clear_pointer (&self->attention, g_hash_table_unref);
  g_clear_pointer (&self->evidence, g_hash_table_unref);

  self->attention = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                           (GDestroyNotify) pl_attention_free);
  /* The items move into the table. */
  g_ptr_array_set_free_func (job->attention, NULL);
  for (guint i = 0; i < job->attention->len; i++)
    {
      PlAttention *item = g_ptr_array_index (job->attention, i);

      g_hash_table_insert (self->attention, &item->employer_id, item);
    }
  g_clear_pointer (&job->attention, g_ptr_array_unref);
  self->evidence = g_steal_pointer (&job->evidence);

  g_signal_emit (self, signals[FLAGS_CHANGED], 0);

  if (gtk_toggle_button_get_active (self->attention_toggle))
    pl_record_filter_refilter (pl_list_page_get_filter (PL_LIST_PAGE (self)));
}

static void
show_flags_error (PlEmployersPage *self,
                  const GError    *error)
{
  pl_list_page_show_error (PL_LIST_PAGE (self), _("Could not find the employers that need attention"),
                           error);
}

static void start_flags (PlEmployersPage *self);

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
on_flags_computed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PlEmployersPage) self = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlagsJob) job = NULL;

  free_weak_ref (user_data);

  /* A page that has gone needs no flags. */
  if (self == NULL)
    return;

  job = pl_store_run_finish (PL_STORE (source), result, &error);
  if (job == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_flags_error (self, error);
    }
  else if (!g_cancellable_is_cancelled (self->flags_cancellable))
    apply_flags (self, job);

  self->flags_running = FALSE;

  /* Changes made while the thread worked call for another look. */
  if (self->flags_stale && !g_cancellable_is_cancelled (self->flags_cancellable))
    start_flags (self);
}

static void
start_flags (PlEmployersPage *self)
{
  GWeakRef *page;

  if (self->flags_running)
    {
      self->flags_stale = TRUE;
      return;
    }

  self->flags_running = TRUE;
  self->flags_stale = FALSE;

  /* The task holds the page weakly: a window closed while the thread works
   * must not keep the page, and through it the store, alive. */
  page = g_new0 (GWeakRef, 1);
  g_weak_ref_init (page, self);
  pl_store_run_async (pl_context_get_store (pl_list_page_get_context (PL_LIST_PAGE (self))),
                      flags_job_run, flags_job_new (self), flags_job_free, flags_job_free,
                      NULL, NULL,
                      self->flags_cancellable, on_flags_computed, page);
}

static void update_detail (PlEmployersPage *self);
static void fill_appetites (PlEmployersPage *self);
static void show_appetite (PlEmployersPage *self);

static void
on_flags_changed (PlEmployersPage *self)
{
  update_detail (self);
}

static void
on_store_changed (PlEmployersPage *self,
                  const char      *table)
{
  static const char * const tables[] = {
    "employer", "contact", "employer_document", "placement", "placement_day", NULL,
  };

  if (table != NULL && g_str_equal (table, "sector"))
    fill_sector_filter (self);

  if (table == NULL || g_str_equal (table, "employer_appetite"))
    {
      fill_appetites (self);
      show_appetite (self);
      if (choice_of (self->appetite_filter) > 0 && pl_list_page_get_filter (PL_LIST_PAGE (self)))
        pl_record_filter_refilter (pl_list_page_get_filter (PL_LIST_PAGE (self)));
    }

  if (table == NULL || g_strv_contains (tables, table))
    start_flags (self);
}

/* Columns */

static char *
format_sector (PlRecord *record)
{
  return g_strdup (pl_record_get_string (record, "sector_name"));
}

static char *
format_stage (PlRecord *record)
{
  return g_strdup (pl_enum_label (pl_record_get_string (record, "relationship")));
}

static char *
format_last_contact (PlRecord *record)
{
  const char *date = pl_record_get_string (record, "last_contact");

  return date != NULL ? pl_date_describe (date, TRUE) : g_strdup (_("Never"));
}

static void
flags_update (GtkListItem *item)
{
  PlEmployersPage *self = g_object_get_data (G_OBJECT (item), "pl-page");
  PlRecord *record = gtk_list_item_get_item (item);

  if (record == NULL || self == NULL)
    return;

  pl_employer_flags_set (PL_EMPLOYER_FLAGS (gtk_list_item_get_child (item)),
                         attention_of (self, record) != NULL,
                         evidence_flagged (self, record));
}

/* Worked out when asked for rather than at every bind: rows are bound
 * by the dozen as the list scrolls or filters. */
static gboolean
on_flags_query_tooltip (GtkWidget   *flags,
                        int          x,
                        int          y,
                        gboolean     keyboard,
                        GtkTooltip  *tooltip,
                        GtkListItem *item)
{
  PlEmployersPage *self = g_object_get_data (G_OBJECT (item), "pl-page");
  PlRecord *record = gtk_list_item_get_item (item);
  g_autoptr(GString) text = g_string_new (NULL);
  PlAttention *reasons;
  GDate today;

  if (self == NULL || record == NULL)
    return FALSE;

  pl_context_get_today (pl_list_page_get_context (PL_LIST_PAGE (self)), &today);
  if ((reasons = attention_of (self, record)) != NULL)
    {
      g_autofree char *why = pl_attention_describe (reasons, &today);

      g_string_append (text, why);
    }
  if (evidence_flagged (self, record))
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, _("Evidence missing or out of date."));
    }

  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
flags_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PlEmployersPage          *self)
{
  GtkWidget *flags = pl_employer_flags_new ();

  gtk_widget_set_has_tooltip (flags, TRUE);
  g_signal_connect (flags, "query-tooltip", G_CALLBACK (on_flags_query_tooltip), item);
  gtk_list_item_set_child (item, flags);
  g_object_set_data (G_OBJECT (item), "pl-page", self);
}

static void
flags_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            PlEmployersPage          *self)
{
  PlRecord *record = gtk_list_item_get_item (item);

  flags_update (item);
  g_signal_connect_object (self, "flags-changed", G_CALLBACK (flags_update), item, G_CONNECT_SWAPPED);
  g_signal_connect_object (record, "notify::relationship", G_CALLBACK (flags_update), item,
                           G_CONNECT_SWAPPED);
}

static void
flags_unbind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PlEmployersPage          *self)
{
  PlRecord *record = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (self, flags_update, item);
  if (record != NULL)
    g_signal_handlers_disconnect_by_func (record, flags_update, item);
}

static int
stage_index (const char *stage)
{
  for (int i = 0; pl_enum_get_nicks (PL_TYPE_RELATIONSHIP)[i] != NULL; i++)
    if (g_strcmp0 (pl_enum_get_nicks (PL_TYPE_RELATIONSHIP)[i], stage) == 0)
      return i;

  return -1;
}

/* Stages sort in the order a relationship goes through them. */
static int
compare_stage (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int x = stage_index (pl_record_get_string ((PlRecord *) a, "relationship"));
  int y = stage_index (pl_record_get_string ((PlRecord *) b, "relationship"));

  return (x > y) - (x < y);
}

static void
setup_columns (PlEmployersPage *self)
{
  PlListPage *page = PL_LIST_PAGE (self);
  g_autoptr(GtkListItemFactory) flags = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) stage_sorter = NULL;

  pl_list_page_add_two_line_column (page, self->name_column, "name", NULL,
                                    "sector-name", format_sector);
  pl_list_page_set_column_sorter (page, self->name_column, "name");
  pl_list_page_add_text_column (page, self->stage_column, "relationship", format_stage);
  stage_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_stage, NULL, NULL));
  gtk_column_view_column_set_sorter (self->stage_column, stage_sorter);
  pl_list_page_add_text_column (page, self->last_contact_column, "last-contact", format_last_contact);
  pl_list_page_set_column_sorter (page, self->last_contact_column, "last-contact");

  g_signal_connect (flags, "setup", G_CALLBACK (flags_setup), self);
  g_signal_connect (flags, "bind", G_CALLBACK (flags_bind), self);
  g_signal_connect (flags, "unbind", G_CALLBACK (flags_unbind), self);
  gtk_column_view_column_set_factory (self->flags_column, flags);
}

/* The detail pane */

static void
update_banners (PlEmployersPage *self,
                PlRecord        *employer)
{
  PlAttention *reasons = attention_of (self, employer);
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) expired = NULL;
  GDate today;

  pl_context_get_today (pl_list_page_get_context (PL_LIST_PAGE (self)), &today);

  gtk_widget_set_visible (self->attention_banner, reasons != NULL);
  if (reasons != NULL)
    {
      g_autofree char *text = pl_attention_describe (reasons, &today);

      gtk_label_set_text (self->attention_label, text);
    }

  if (!pl_evidence_check (pl_list_page_get_store (PL_LIST_PAGE (self)),
                          pl_record_get_id (employer), &today, &missing, &expired))
    {
      g_autofree char *what = pl_evidence_describe ((const char * const *) missing,
                                                    (const char * const *) expired);
      g_autofree char *text = g_strdup_printf (_("%s No placement here can be confirmed until it is in order."),
                                               what);

      gtk_label_set_text (self->evidence_label, text);
      gtk_widget_set_visible (self->evidence_banner, TRUE);
    }
  else
    gtk_widget_set_visible (self->evidence_banner, FALSE);
}

static void
contact_row_update (AdwActionRow *row,
                    GParamSpec   *pspec,
                    PlRecord     *contact)
{
  g_autofree char *date = pl_date_describe (pl_record_get_string (contact, "contact_date"), FALSE);
  const char *who = pl_record_get_string (contact, "staff_name");
  const char *follow_up = pl_record_get_string (contact, "follow_up");
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *suffix = g_object_get_data (G_OBJECT (row), "pl-follow-up");

  /* TRANSLATORS: a contact's heading: date, channel and, maybe, who. */
  if (who != NULL)
    title = g_strdup_printf (_("%s · %s · %s"), date,
                             pl_enum_label (pl_record_get_string (contact, "channel")), who);
  else
    title = g_strdup_printf (_("%s · %s"), date,
                             pl_enum_label (pl_record_get_string (contact, "channel")));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  summary = g_markup_escape_text (pl_record_is_null (contact, "summary")
                                  ? "" : pl_record_get_string (contact, "summary"), -1);
  adw_action_row_set_subtitle (row, summary);

  gtk_widget_set_visible (suffix, follow_up != NULL);
  if (follow_up != NULL)
    {
      g_autofree char *when = pl_date_describe (follow_up, TRUE);
      /* TRANSLATORS: the follow-up date of a contact, as short as possible. */
      g_autofree char *text = g_strdup_printf (_("Follow up %s"), when);

      gtk_label_set_text (GTK_LABEL (suffix), text);
    }
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  PlRecord *contact = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *follow_up = gtk_label_new (NULL);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (follow_up, "caption");
  gtk_widget_add_css_class (follow_up, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), follow_up);
  {
    /* A reply to what was said, or its follow-up, written from here. */
    GtkWidget *email = gtk_button_new_from_icon_name ("mail-send-symbolic");

    gtk_widget_set_valign (email, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (email, "flat");
    gtk_widget_set_tooltip_text (email, _("Write Email…"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (email), "win.write-email");
    gtk_actionable_set_action_target (GTK_ACTIONABLE (email), "(sx)", "contact",
                                      pl_record_get_id (contact));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), email);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data (G_OBJECT (row), "pl-follow-up", follow_up);
  g_object_set_data_full (G_OBJECT (row), "pl-record", g_object_ref (contact), g_object_unref);

  contact_row_update (ADW_ACTION_ROW (row), NULL, contact);
  g_signal_connect_object (contact, "notify", G_CALLBACK (contact_row_update), row,
                           G_CONNECT_SWAPPED);

  return row;
}

/* Newest first. */
static int
compare_contacts (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  int order = g_strcmp0 (pl_record_get_string ((PlRecord *) b, "contact_date"),
                         pl_record_get_string ((PlRecord *) a, "contact_date"));

  if (order != 0)
    return order;

  return (pl_record_get_id ((PlRecord *) b) > pl_record_get_id ((PlRecord *) a)) -
         (pl_record_get_id ((PlRecord *) b) < pl_record_get_id ((PlRecord *) a));
}

static void
fill_documents (PlEmployersPage *self)
{
  PlRecord *employer = pl_list_page_get_selected (PL_LIST_PAGE (self));
  GtkWidget *child;
  guint present = 0;
  g_autofree char *today = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))))
    gtk_list_box_remove (self->documents_list, child);

  if (employer == NULL || self->documents == NULL)
    return;

  today_iso (self, &today);

  for (guint i = 0; i < g_list_model_get_n_items (self->documents); i++)
    {
      g_autoptr(PlRecord) document = g_list_model_get_item (self->documents, i);
      const char *kind = pl_record_get_string (document, "kind");
      const char *reference = pl_record_get_string (document, "reference");
      const char *expires = pl_record_get_string (document, "expires_on");
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GString) subtitle = g_string_new (NULL);

      for (guint k = 0; pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[k] != NULL; k++)
        if (g_strcmp0 (pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[k], kind) == 0)
          present |= 1u << k;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_enum_label (kind));
      if (reference != NULL)
        g_string_append (subtitle, reference);

      if (expires != NULL)
        {
          g_autofree char *date = pl_date_describe (expires, FALSE);
          GtkWidget *label = gtk_label_new (NULL);
          g_autofree char *text = NULL;

          if (g_strcmp0 (expires, today) < 0)
            {
              text = g_strdup_printf (_("Expired on %s"), date);
              gtk_widget_add_css_class (label, "error");
            }
          else
            {
              text = g_strdup_printf (_("Expires on %s"), date);
              gtk_widget_add_css_class (label, "dim-label");
            }
          gtk_label_set_text (GTK_LABEL (label), text);
          gtk_widget_add_css_class (label, "caption");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }

      {
        g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "pl-record", g_object_ref (document), g_object_unref);
      gtk_list_box_append (self->documents_list, row);
    }

  /* The kinds not collected yet, ready to be added. */
  for (guint k = 0; pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[k] != NULL; k++)
    {
      GtkWidget *row;
      GtkWidget *label;

      if (present & (1u << k))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_enum_label (pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[k]));
      label = gtk_label_new (_("Missing"));
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "pl-kind", (gpointer) pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[k]);
      gtk_list_box_append (self->documents_list, row);
    }
}

static void
on_documents_changed (PlEmployersPage *self)
{
  fill_documents (self);
}

/* The appetite of this academic year */

/* What every employer said about the academic year holding today: one
 * small query, made again when an appetite changes. */
static void
fill_appetites (PlEmployersPage *self)
{
  PlStore *store = pl_list_page_get_store (PL_LIST_PAGE (self));
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  pl_context_get_today (pl_list_page_get_context (PL_LIST_PAGE (self)), &today);
  self->appetite_year = pl_appetite_year_of (&today);
  g_hash_table_remove_all (self->appetites);

  entries = pl_store_list_appetite (store, 0, self->appetite_year, &error);
  if (entries == NULL)
    {
      pl_list_page_show_error (PL_LIST_PAGE (self), _("Could not read the employers’ appetite"),
                               error);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const PlAppetiteEntry *entry = entries->pdata[i];

      g_hash_table_insert (self->appetites, g_memdup2 (&entry->employer_id, sizeof (gint64)),
                           GINT_TO_POINTER (entry->state));
    }
}

static void
show_appetite (PlEmployersPage *self)
{
  PlRecord *employer = pl_list_page_get_selected (PL_LIST_PAGE (self));
  g_autofree char *reason = NULL;
  g_autofree char *year = NULL;
  g_autofree char *title = NULL;
  PlAppetite state = PL_APPETITE_UNKNOWN;

  /* Not set up yet. */
  if (self->appetite_year == 0)
    return;

  if (employer != NULL)
    state = pl_store_get_appetite (pl_list_page_get_store (PL_LIST_PAGE (self)),
                                   pl_record_get_id (employer), self->appetite_year, &reason);

  year = g_strdup_printf ("%d/%02d", self->appetite_year, (self->appetite_year + 1) % 100);
  /* TRANSLATORS: %s is an academic year, as in "2026/27" */
  title = g_strdup_printf (_("Appetite in %s"), year);

  self->showing_appetite = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->appetite_row), title);
  adw_combo_row_set_selected (self->appetite_row, (guint) state);
  gtk_editable_set_text (GTK_EDITABLE (self->appetite_reason_row), reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->appetite_reason_row), state != PL_APPETITE_UNKNOWN);
  self->showing_appetite = FALSE;
}

static void
save_appetite (PlEmployersPage *self)
{
  PlRecord *employer = pl_list_page_get_selected (PL_LIST_PAGE (self));
  PlAppetite state = (PlAppetite) adw_combo_row_get_selected (self->appetite_row);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->appetite_reason_row));
  g_autofree char *stripped = g_strstrip (g_strdup (reason));
  g_autoptr(GError) error = NULL;

  if (employer == NULL || state > PL_APPETITE_ARRANGED)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->appetite_reason_row), state != PL_APPETITE_UNKNOWN);

  /* "Not this year" waits for its reason, which the planner quotes. */
  if (state == PL_APPETITE_NOT_THIS_YEAR && *stripped == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->appetite_reason_row));
      return;
    }

  if (!pl_store_set_appetite (pl_list_page_get_store (PL_LIST_PAGE (self)),
                              pl_record_get_id (employer), self->appetite_year, state,
                              state == PL_APPETITE_UNKNOWN ? NULL : reason, &error))
    {
      pl_list_page_show_error (PL_LIST_PAGE (self), _("Could not record the appetite"), error);
      show_appetite (self);
    }
}

static void
on_appetite_selected (PlEmployersPage *self)
{
  if (!self->showing_appetite)
    save_appetite (self);
}

static void
on_appetite_reason_apply (PlEmployersPage *self)
{
  save_appetite (self);
}

static void
update_detail (PlEmployersPage *self)
{
  PlRecord *employer = pl_list_page_get_selected (PL_LIST_PAGE (self));

  if (employer != NULL)
    update_banners (self, employer);
}

static void
pl_employers_page_show_record (PlListPage *page,
                               PlRecord   *record)
{
  PlEmployersPage *self = PL_EMPLOYERS_PAGE (page);
  PlStore *store = pl_list_page_get_store (page);

  pl_focus_show_named (self->detail_stack, record != NULL ? "record" : "none",
                       GTK_WIDGET (self->column_view));
  pl_periods_group_set_owner_id (self->periods_group,
                                 record != NULL ? pl_record_get_id (record) : 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "employer.log-contact", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "employer.write-email", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "employer.print-pack", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "employer.preview-pack", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "employer.add-document", record != NULL);

  g_clear_object (&self->contacts);
  g_clear_object (&self->documents);
  show_appetite (self);

  if (record == NULL)
    {
      gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
      fill_documents (self);
      return;
    }

  {
    g_autoptr(GListModel) contacts = pl_store_list_where (store, PL_TYPE_CONTACT, "employer_id",
                                                           pl_record_get_id (record));
    GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_contacts, NULL, NULL));

    self->contacts = G_LIST_MODEL (gtk_sort_list_model_new (g_steal_pointer (&contacts), sorter));
    gtk_list_box_bind_model (self->contacts_list, self->contacts, create_contact_row, self, NULL);
  }

  self->documents = pl_store_list_where (store, PL_TYPE_EMPLOYER_DOCUMENT, "employer_id",
                                         pl_record_get_id (record));
  g_signal_connect_object (self->documents, "items-changed", G_CALLBACK (on_documents_changed), self,
                           G_CONNECT_SWAPPED);
  fill_documents (self);
  update_banners (self, record);
}

static void
open_contact (PlEmployersPage *self,
              PlRecord        *contact)
{
  PlRecord *employer = pl_list_page_get_selected (PL_LIST_PAGE (self));
  g_autofree char *today = NULL;
  PlContactDialog *dialog;

  if (employer == NULL)
    return;

  today_iso (self, &today);
  dialog = pl_contact_dialog_new (pl_list_page_get_window (PL_LIST_PAGE (self)),
                                  pl_list_page_get_store (PL_LIST_PAGE (self)),
                                  employer, contact, today);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_contact_activated (PlEmployersPage *self,
                      GtkListBoxRow   *row)
{
  open_contact (self, g_object_get_data (G_OBJECT (row), "pl-record"));
}

/* The pack is printed by the application (app.print-pack and
 * app.preview-pack), which keeps the page set-up; this names the employer. */
static void
print_pack_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlRecord *employer = pl_list_page_get_selected (PL_LIST_PAGE (widget));

  if (employer == NULL)
    return;

  gtk_widget_activate_action (widget,
                              g_str_equal (action_name, "employer.preview-pack")
                                ? "app.preview-pack" : "app.print-pack",
                              "x", pl_record_get_id (employer));
}

static void
write_email_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlRecord *employer = pl_list_page_get_selected (PL_LIST_PAGE (widget));

  if (employer != NULL)
    gtk_widget_activate_action (widget, "win.write-email", "(sx)", "employer",
                                pl_record_get_id (employer));
}

static void
log_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_contact (PL_EMPLOYERS_PAGE (widget), NULL);
}

static void
open_document (PlEmployersPage *self,
               PlRecord        *document,
               const char      *kind)
{
  PlRecord *employer = pl_list_page_get_selected (PL_LIST_PAGE (self));
  PlDocumentDialog *dialog;

  if (employer == NULL)
    return;

  dialog = pl_document_dialog_new (pl_list_page_get_window (PL_LIST_PAGE (self)),
                                   pl_list_page_get_store (PL_LIST_PAGE (self)),
                                   employer, document, kind);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_document_activated (PlEmployersPage *self,
                       GtkListBoxRow   *row)
{
  open_document (self, g_object_get_data (G_OBJECT (row), "pl-record"),
                 g_object_get_data (G_OBJECT (row), "pl-kind"));
}

static void
add_document_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_document (PL_EMPLOYERS_PAGE (widget), NULL, NULL);
}

/* Deletion refused: the employer has placements. */

static void
on_refuse_response (PlEmployersPage  *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  PlRecord *employer = g_object_get_data (G_OBJECT (dialog), "pl-record");
  g_autoptr(PlRecord) lapsed = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "lapse") != 0 || employer == NULL)
    return;

  lapsed = pl_store_get (pl_list_page_get_store (PL_LIST_PAGE (self)), PL_TYPE_EMPLOYER,
                         pl_record_get_id (employer), &error);
  if (lapsed != NULL)
    {
      pl_record_set_string (lapsed, "relationship", "lapsed");
      pl_store_update (pl_list_page_get_store (PL_LIST_PAGE (self)), lapsed, &error);
    }

  if (error != NULL)
    pl_list_page_show_error (PL_LIST_PAGE (self), _("Could not mark the employer as lapsed"), error);
}

static void
pl_employers_page_refuse_delete (PlListPage   *page,
                                 PlRecord     *record,
                                 const GError *error)
{
  PlEmployersPage *self = PL_EMPLOYERS_PAGE (page);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("%s\n\nMark it as lapsed instead: its history stays, and it is no "
                            "longer counted as a warm employer."), error->message);
  dialog = adw_message_dialog_new (pl_list_page_get_window (page),
                                   _("This Employer Has Placements"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "lapse", _("_Mark as Lapsed"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "lapse",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "lapse");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pl-record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_refuse_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
pl_employers_page_prepare_new (PlListPage  *page,
                               PlRecord    *record,
                               GError     **error)
{
  PlEmployersPage *self = PL_EMPLOYERS_PAGE (page);
  guint sector = choice_of (self->sector_filter);
  guint stage = choice_of (self->stage_filter);

  /* A new employer starts in the sector and stage the list shows, so that
   * it does not vanish from it; otherwise in the first sector. */
  if (sector == 0 || sector >= self->sector_ids->len)
    sector = 1;
  if (sector >= self->sector_ids->len)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                           _("There are no sectors to put an employer in."));
      return FALSE;
    }

  pl_record_set_int (record, "sector_id", g_array_index (self->sector_ids, gint64, sector));
  pl_record_set_string (record, "relationship",
                        stage > 0 ? pl_enum_get_nicks (PL_TYPE_RELATIONSHIP)[stage - 1] : "prospect");
  pl_record_set_int (record, "capacity", 1);
  pl_record_set_int (record, "notice_weeks", 0);
  pl_record_set_int (record, "preferred_days", 31);

  return TRUE;
}

static void
on_attention_months_changed (PlEmployersPage *self)
{
  start_flags (self);
}

static void
pl_employers_page_setup (PlListPage *page,
                         PlContext  *context)
{
  PlEmployersPage *self = PL_EMPLOYERS_PAGE (page);
  PlRecordEditor *editor = pl_list_page_get_editor (page);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  pl_periods_group_set_context (self->periods_group, context);

  fill_sector_filter (self);
  gtk_string_list_append (stages, _("All Stages"));
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_RELATIONSHIP)[i] != NULL; i++)
    gtk_string_list_append (stages, pl_enum_label (pl_enum_get_nicks (PL_TYPE_RELATIONSHIP)[i]));
  gtk_drop_down_set_model (self->stage_filter, G_LIST_MODEL (stages));

  {
    g_autoptr(GtkStringList) filter = gtk_string_list_new (NULL);
    g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

    gtk_string_list_append (filter, _("Any Appetite"));
    for (guint i = 0; i < pl_enum_get_n_values (PL_TYPE_APPETITE); i++)
      {
        const char *label = pl_enum_get_label (PL_TYPE_APPETITE, pl_enum_get_value (PL_TYPE_APPETITE,
                                                                                    i));

        gtk_string_list_append (filter, label);
        gtk_string_list_append (states, label);
      }
    gtk_drop_down_set_model (self->appetite_filter, G_LIST_MODEL (filter));
    self->showing_appetite = TRUE;
    adw_combo_row_set_model (self->appetite_row, G_LIST_MODEL (states));
    self->showing_appetite = FALSE;
    g_signal_connect_object (self->appetite_row, "notify::selected",
                             G_CALLBACK (on_appetite_selected), self, G_CONNECT_SWAPPED);
    fill_appetites (self);
  }

  setup_columns (self);

  pl_record_editor_bind (editor, GTK_WIDGET (self->name_row), "name");
  pl_record_editor_bind_ref (editor, GTK_WIDGET (self->sector_row), "sector_id", NULL);
  pl_record_editor_bind (editor, GTK_WIDGET (self->size_row), "size");
  pl_record_editor_bind (editor, GTK_WIDGET (self->relationship_row), "relationship");
  pl_record_editor_bind_ref (editor, GTK_WIDGET (self->owner_chooser), "owner_id", _("Nobody"));
  pl_record_editor_bind (editor, GTK_WIDGET (self->not_before_row), "do_not_contact_before");
  pl_record_editor_bind (editor, GTK_WIDGET (self->contact_name_row), "contact_name");
  pl_record_editor_bind (editor, GTK_WIDGET (self->contact_email_row), "contact_email");
  pl_record_editor_bind (editor, GTK_WIDGET (self->contact_phone_row), "contact_phone");
  pl_record_editor_bind (editor, GTK_WIDGET (self->address_row), "address");
  pl_record_editor_bind (editor, GTK_WIDGET (self->postcode_row), "postcode");
  pl_record_editor_bind (editor, GTK_WIDGET (self->website_row), "website");
  pl_record_editor_bind (editor, GTK_WIDGET (self->capacity_row), "capacity");
  pl_record_editor_bind (editor, GTK_WIDGET (self->notice_row), "notice_weeks");
  pl_record_editor_bind (editor, GTK_WIDGET (self->preferred_days), "preferred_days");
  pl_record_editor_bind (editor, GTK_WIDGET (self->notes_view), "notes");

  g_signal_connect_object (pl_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pl_context_get_settings (context), "changed::attention-months",
                           G_CALLBACK (on_attention_months_changed), self, G_CONNECT_SWAPPED);

  /* In a thread from the start: every page is set up when the window
   * opens, and the window must show at once. The icons and the "Needs
   * attention" filter follow a moment later. */
  start_flags (self);
}

static void
pl_employers_page_dispose (GObject *object)
{
  PlEmployersPage *self = PL_EMPLOYERS_PAGE (object);

  g_cancellable_cancel (self->flags_cancellable);
  if (self->contacts_list != NULL)
    gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->contacts);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (pl_employers_page_parent_class)->dispose (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_EMPLOYERS_PAGE);
}

static void
pl_employers_page_finalize (GObject *object)
{
  PlEmployersPage *self = PL_EMPLOYERS_PAGE (object);

  g_clear_pointer (&self->attention, g_hash_table_unref);
  g_clear_pointer (&self->evidence, g_hash_table_unref);
  g_clear_pointer (&self->sector_ids, g_array_unref);
  g_clear_pointer (&self->appetites, g_hash_table_unref);
  g_clear_object (&self->flags_cancellable);

  G_OBJECT_CLASS (pl_employers_page_parent_class)->finalize (object);
}

static void
pl_employers_page_class_init (PlEmployersPageClass *klass)
{
  static PlListPageInfo page_info;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PlListPageClass *page_class = PL_LIST_PAGE_CLASS (klass);

  object_class->dispose = pl_employers_page_dispose;
  object_class->finalize = pl_employers_page_finalize;

  page_class->setup = pl_employers_page_setup;
  page_class->prepare_new = pl_employers_page_prepare_new;
  page_class->show_record = pl_employers_page_show_record;
  page_class->refuse_delete = pl_employers_page_refuse_delete;

  page_info = info;
  page_info.type = PL_TYPE_EMPLOYER;
  pl_list_page_class_set_info (page_class, &page_info);

  /**
   * PlEmployersPage::flags-changed:
   *
   * The employers that need attention, or whose evidence is incomplete,
   * have been worked out again; rows on screen redraw their icons.
   */
  signals[FLAGS_CHANGED] =
    g_signal_new ("flags-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (PL_TYPE_DATE_PICKER_ROW);
  g_type_ensure (PL_TYPE_WEEKDAY_PICKER);
  g_type_ensure (PL_TYPE_RECORD_CHOOSER);
  g_type_ensure (PL_TYPE_PERIODS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-employers-page.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, sector_filter);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, appetite_filter);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, appetite_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, appetite_reason_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, attention_toggle);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, invite_list);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, flags_column);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, stage_column);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, last_contact_column);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, attention_banner);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, attention_label);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, evidence_banner);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, sector_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, size_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, relationship_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, owner_chooser);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, not_before_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, documents_list);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, website_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, notice_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, preferred_days);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PlEmployersPage, periods_group);

  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_appetite_reason_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_invite_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_document_activated);

  gtk_widget_class_install_action (widget_class, "employer.log-contact", NULL, log_contact_action);
  gtk_widget_class_install_action (widget_class, "employer.write-email", NULL, write_email_action);
  gtk_widget_class_install_action (widget_class, "employer.print-pack", NULL, print_pack_action);
  gtk_widget_class_install_action (widget_class, "employer.preview-pack", NULL, print_pack_action);
  gtk_widget_class_install_action (widget_class, "employer.add-document", NULL, add_document_action);
}

static void
pl_employers_page_init (PlEmployersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sector_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->flags_cancellable = g_cancellable_new ();
  self->appetites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  pl_list_page_set_list_widgets (PL_LIST_PAGE (self), self->column_view, self->search_entry,
                                 self->list_stack, self->detail_pane, self->import_button);
  pl_list_page_set_panes (PL_LIST_PAGE (self), self->leaflet, self->list_pane);
  gtk_list_box_set_placeholder (self->contacts_list,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("No contacts logged yet"),
                                              "margin-top", 18,
                                              "margin-bottom", 18,
                                              "css-classes", (const char * const []) { "dim-label", NULL },
                                              NULL));
  g_signal_connect_swapped (self, "flags-changed", G_CALLBACK (on_flags_changed), self);
}
