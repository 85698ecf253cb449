/* pl-reports-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-reports-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-context.h"
#include "pl-date.h"
#include "pl-first-step.h"
#include "pl-reports-page.h"
#include "pl-stats.h"
#include "pl-store-job.h"
#include "pl-window.h"
#include "pl-xlsx.h"

/* The Reports page exports the partner workbook: for every partner or one
 * (several partners are several exports, one file each, so that no partner
 * receives another's rows), over a period, anonymised or not.
 *
 * The export runs in a GTask thread on a store of its own, opened on the
 * same file, because SQLite connections are not shared across threads here.
 * The thread only writes its progress into the job, and the page reads it
 * on a timer, so nothing crosses threads but two integers.
 *
 * reports.export asks where to save with a GtkFileChooserNative;
 * reports.export-to does the same export to a path given as its parameter,
 * for the dialog's answer and for tests. */

typedef enum
{
  PERIOD_THIS_YEAR,
  PERIOD_LAST_YEAR,
  PERIOD_ALL,
  PERIOD_OTHER,
} Period;

struct _PlReportsPage
{
  AdwBin                parent_instance;

  PlContext            *context;
  GListModel           *partners;        /* PlPartner records, following the table */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;     /* of the running export */
  gint                 *permille;        /* the running export's progress, 0–1000 */
  guint                 progress_source;

  /* Template widgets */
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  GtkButton            *empty_button;
  AdwPreferencesGroup  *form;
  AdwComboRow          *partner_row;
  GtkStringList        *partner_names;
  AdwComboRow          *period_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  GtkSwitch            *anonymise_switch;
  GtkWidget            *progress_box;
  GtkProgressBar       *progress_bar;
};

G_DEFINE_FINAL_TYPE (PlReportsPage, pl_reports_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What one export needs, copied from the page so that the thread reads
 * nothing the main loop may change. */
typedef struct
{
  char    *path;
  char    *partner;
  char    *from;
  char    *to;
  gboolean anonymise;
  gint     permille;   /* atomic */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_free (job->partner);
  g_free (job->from);
  g_free (job->to);
  g_free (job);
}

/* The chosen partner's name, or NULL for every partner (transfer none). */
static const char *
pl_reports_page_get_partner (PlReportsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->partner_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->partner_names, selected);
}

/* The period's limits, NULL for none; FALSE when a typed date is wrong. */
static gboolean
pl_reports_page_get_period (PlReportsPage  *self,
                            const char    **from,
                            const char    **to)
{
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  gboolean from_ok = *from_text == '\0' || pl_date_is_iso (from_text);
  gboolean to_ok = *to_text == '\0' || pl_date_is_iso (to_text);

  *from = *from_text != '\0' ? from_text : NULL;
  *to = *to_text != '\0' ? to_text : NULL;

  if (from_ok && to_ok && *from != NULL && *to != NULL && strcmp (*from, *to) > 0)
    to_ok = FALSE;

  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");
  if (to_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");

  return from_ok && to_ok;
}

static void
pl_reports_page_update_actions (PlReportsPage *self)
{
  const char *from;
  const char *to;
  gboolean ready;

  ready = self->context != NULL && self->cancellable == NULL
          && pl_reports_page_get_period (self, &from, &to);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-to", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel", self->cancellable != NULL);
}

static void
pl_reports_page_reload_partners (PlReportsPage *self)
{
  g_autofree char *selected = g_strdup (pl_reports_page_get_partner (self));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = self->partners ? g_list_model_get_n_items (self->partners) : 0;
  guint position = 0;

  g_ptr_array_add (names, (gpointer) _("Every partner"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) partner = g_list_model_get_item (self->partners, i);
      const char *name = pl_record_get_string (partner, "name");

      if (g_strcmp0 (name, selected) == 0)
        position = names->len;
      g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);

  /* Keeps the partner chosen, if it is still there. */
  gtk_string_list_splice (self->partner_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->partner_names)),
                          (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->partner_row, position);
}

static void
on_partners_changed (PlReportsPage *self)
{
  pl_reports_page_reload_partners (self);
}

static void
on_period_selected (PlReportsPage *self)
{
  Period period = adw_combo_row_get_selected (self->period_row);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate today;
  GDate start;

  /* Only "Other dates" are typed; the other presets show what they mean,
   * and "All dates" has nothing to show. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row), period == PERIOD_OTHER);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_row), period == PERIOD_OTHER);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), period != PERIOD_ALL);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), period != PERIOD_ALL);

  if (self->context == NULL || period == PERIOD_OTHER)
    {
      pl_reports_page_update_actions (self);
      return;
    }

  pl_context_get_today (self->context, &today);
  pl_date_academic_year_start (&today, &start);
  if (period == PERIOD_LAST_YEAR)
    g_date_subtract_years (&start, 1);

  if (period != PERIOD_ALL)
    {
      GDate end = start;

      g_date_add_years (&end, 1);
      g_date_subtract_days (&end, 1);
      from = pl_date_to_iso (&start);
      to = pl_date_to_iso (&end);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to ? to : "");
  pl_reports_page_update_actions (self);
}

static void
on_date_changed (PlReportsPage *self)
{
  pl_reports_page_update_actions (self);
}

static gboolean
on_progress_tick (gpointer user_data)
{
  PlReportsPage *self = user_data;
  int permille = g_atomic_int_get (self->permille);
  g_autofree char *text = NULL;

  text = pl_stats_format_percent (permille / 10);
  gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  gtk_progress_bar_set_text (self->progress_bar, text);

  return G_SOURCE_CONTINUE;
}

static void
pl_reports_page_set_busy (PlReportsPage *self,
                          GCancellable  *cancellable,
                          gint          *permille)
{
  gboolean busy = cancellable != NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_set_object (&self->cancellable, cancellable);
  self->permille = permille;

  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !busy);
  gtk_widget_set_visible (self->progress_box, busy);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, NULL);
      self->progress_source = g_timeout_add (100, on_progress_tick, self);
    }

  pl_reports_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_export_progress (gint64   done,
                    gint64   total,
                    gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->permille, total > 0 ? (gint) (done * 1000 / total) : 0);
}

/* In the store's worker; the result is where the workbook went. */
static gpointer
export_run (PlStoreJob  *store_job,
            PlStore     *worker,
            gpointer     data,
            GError     **error)
{
  ExportJob *job = data;
  PlXlsxOptions options = {
    .partner = job->partner,
    .from = job->from,
    .to = job->to,
    .anonymise = job->anonymise,
  };

  if (!pl_xlsx_export (worker, job->path, &options, pl_store_job_get_cancellable (store_job),
                       on_export_progress, job, error))
    return NULL;
  return g_strdup (job->path);
}

static void
on_open_folder_clicked (AdwToast *toast,
                        PlWindow *window)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "folder-uri");
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    pl_window_show_error (window, _("Could not open the folder"), error);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PlReportsPage) self = user_data;
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;
  AdwToast *toast;

  /* The page may have been disposed while the thread finished. */
  if (self->progress_box == NULL)
    return;

  pl_reports_page_set_busy (self, NULL, NULL);

  path = pl_store_run_finish (PL_STORE (object), result, &error);
  if (path == NULL)
    {
      if (window == NULL)
        g_warning ("Could not export the workbook: %s", error->message);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pl_window_add_toast (PL_WINDOW (window), adw_toast_new (_("Export cancelled")));
      else
        pl_window_show_error (PL_WINDOW (window), _("Could not export the workbook"), error);
      return;
    }

  if (window == NULL)
    return;

  /* Toast titles are Pango markup. */
  name = g_path_get_basename (path);
  markup = g_markup_printf_escaped (_("Workbook saved as “%s”"), name);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("Open Folder"));
  file = g_file_new_for_path (path);
  {
    g_autoptr(GFile) parent = g_file_get_parent (file);

    folder = g_file_get_uri (parent);
  }
  g_object_set_data_full (G_OBJECT (toast), "folder-uri", g_steal_pointer (&folder), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_folder_clicked), window,
                           0);
  pl_window_add_toast (PL_WINDOW (window), toast);
}

static void
pl_reports_page_export_to (PlReportsPage *self,
                           const char    *path)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ExportJob *job;
  const char *from;
  const char *to;

  if (self->context == NULL || self->cancellable != NULL
      || !pl_reports_page_get_period (self, &from, &to))
    return;

  job = g_new0 (ExportJob, 1);
  job->path = g_strdup (path);
  job->partner = g_strdup (pl_reports_page_get_partner (self));
  job->from = g_strdup (from);
  job->to = g_strdup (to);
  job->anonymise = gtk_switch_get_active (self->anonymise_switch);

  pl_reports_page_set_busy (self, cancellable, &job->permille);
  pl_store_run_async (pl_context_get_store (self->context), export_run, job,
                      (GDestroyNotify) export_job_free, g_free, NULL, NULL, cancellable,
                      export_done, g_object_ref (self));
}

/* A file name that says what the workbook holds. */
static char *
pl_reports_page_suggest_name (PlReportsPage *self)
{
  const char *partner = pl_reports_page_get_partner (self);
  g_autofree char *network = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *name = NULL;
  GDate today;

  pl_context_get_today (self->context, &today);
  today_iso = pl_date_to_iso (&today);
  if (partner == NULL)
    partner = network = pl_store_get_setting (pl_context_get_store (self->context),
                                              "network_name");
  if (partner == NULL || *partner == '\0')
    partner = _("Placements");

  if (gtk_switch_get_active (self->anonymise_switch))
    /* TRANSLATORS: a file name: partner, date */
    name = g_strdup_printf (_("%s %s anonymised.xlsx"), partner, today_iso);
  else
    /* TRANSLATORS: a file name: partner, date */
    name = g_strdup_printf (_("%s %s.xlsx"), partner, today_iso);

  return g_strdelimit (g_steal_pointer (&name), "/\\", '-');
}

static void
on_chooser_response (PlReportsPage        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && (path = g_file_get_path (file)) != NULL)
    {
      /* What partners open is a workbook by its extension. */
      if (!g_str_has_suffix (path, ".xlsx"))
        {
          char *with_suffix = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          path = with_suffix;
        }
      pl_reports_page_export_to (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
pl_reports_page_export_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PlReportsPage *self = PL_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Workbook"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = pl_reports_page_suggest_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
pl_reports_page_export_to_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  pl_reports_page_export_to (PL_REPORTS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
pl_reports_page_cancel_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PlReportsPage *self = PL_REPORTS_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Before the first placement a workbook would be empty tables: the page
 * offers the step that comes first instead. */
static void
update_empty (PlReportsPage *self)
{
  PlStore *store;
  gboolean empty;

  if (self->context == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  store = pl_context_get_store (self->context);
  empty = !pl_store_has_any (store, PL_TYPE_PLACEMENT);
  if (empty)
    pl_first_step_update (self->empty_page, self->empty_button, store, PL_TYPE_PLACEMENT,
                          _("The partner workbook counts placements, the staff they engaged "
                            "and the learners they reached: it can be made once there is a "
                            "first request."),
                          _("_New Request"), "win.add-first::request");
  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "form");
}

static void
on_store_changed (PlReportsPage *self,
                  const char    *table)
{
  if (g_str_equal (table, "placement") || g_str_equal (table, "partner") ||
      g_str_equal (table, "staff"))
    update_empty (self);
}

static void
pl_reports_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pl_reports_page_parent_class)->map (widget);
  update_empty (PL_REPORTS_PAGE (widget));
}

static void
pl_reports_page_set_context (PlReportsPage *self,
                             PlContext     *context)
{
  if (!g_set_object (&self->context, context))
    return;

  g_clear_object (&self->partners);
  if (context != NULL)
    {
      self->partners = pl_store_list (pl_context_get_store (context), PL_TYPE_PARTNER);
      g_signal_connect_object (self->partners, "items-changed",
                               G_CALLBACK (on_partners_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pl_context_get_store (context), "changed",
                               G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
    }
  update_empty (self);

  pl_reports_page_reload_partners (self);
  on_period_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
pl_reports_page_dispose (GObject *object)
{
  PlReportsPage *self = (PlReportsPage *)object;

  /* A running export stops; its task keeps the page alive until it has. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  /* The bin's child is a template child: unparented once, by the bin. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_REPORTS_PAGE);

  G_OBJECT_CLASS (pl_reports_page_parent_class)->dispose (object);
}

static void
pl_reports_page_finalize (GObject *object)
{
  PlReportsPage *self = (PlReportsPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->partners);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_reports_page_parent_class)->finalize (object);
}

static void
pl_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlReportsPage *self = PL_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, pl_reports_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlReportsPage *self = PL_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      pl_reports_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_reports_page_class_init (PlReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_reports_page_dispose;
  object_class->finalize = pl_reports_page_finalize;
  object_class->get_property = pl_reports_page_get_property;
  object_class->set_property = pl_reports_page_set_property;
  widget_class->map = pl_reports_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-reports-page.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, form);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, partner_row);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, partner_names);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, anonymise_switch);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PlReportsPage, progress_bar);

  gtk_widget_class_bind_template_callback (widget_class, on_period_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);

  gtk_widget_class_install_action (widget_class, "reports.export", NULL,
                                   pl_reports_page_export_action);
  gtk_widget_class_install_action (widget_class, "reports.export-to", "s",
                                   pl_reports_page_export_to_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel", NULL,
                                   pl_reports_page_cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "reports.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reports.cancel", NULL);
}

static void
pl_reports_page_init (PlReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->content_stack, "form");

  adw_combo_row_set_selected (self->period_row, PERIOD_ALL);
  pl_reports_page_reload_partners (self);
  pl_reports_page_update_actions (self);
}

/**
 * pl_reports_page_get_busy:
 *
 * Returns: whether an export is running
 */
gboolean
pl_reports_page_get_busy (PlReportsPage *self)
{
  g_return_val_if_fail (PL_IS_REPORTS_PAGE (self), FALSE);

  return self->cancellable != NULL;
}
