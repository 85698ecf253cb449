/* pl-first-run.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-first-run"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-choice-list.h"
#include "pl-first-run.h"
#include "pl-first-step.h"
#include "pl-ics.h"
#include "pl-lifecycle.h"
#include "pl-records.h"
#include "pl-store-choices.h"
#include "pl-terms.h"
#include "pl-window.h"

/* Four steps, each one skippable, then a summary. A step that needs what
 * was skipped (terms and requests need a college) is passed over. */
struct _PlFirstRun
{
  AdwWindow             parent_instance;

  PlContext            *context;
  gint64                partner_id;
  gint64                request_id;
  GArray               *sector_ids;    /* gint64, as the sector rows list them */
  GPtrArray            *done;          /* what was made, for the summary */
  GtkFileChooserNative *chooser;
  gboolean              skipped;       /* a step was skipped or passed over */

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwEntryRow          *college_row;
  GtkButton            *college_button;
  AdwEntryRow          *employer_row;
  AdwComboRow          *employer_sector_row;
  GtkButton            *employer_button;
  AdwEntryRow          *staff_row;
  AdwComboRow          *request_sector_row;
  GtkButton            *request_button;
  AdwStatusPage        *done_page;
};

G_DEFINE_FINAL_TYPE (PlFirstRun, pl_first_run, ADW_TYPE_WINDOW)

static const char * const steps[] = { "college", "terms", "employer", "request", "done" };

static PlStore *
get_store (PlFirstRun *self)
{
  return pl_context_get_store (self->context);
}

/* The text of @row without the spaces around it (transfer full). */
static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gint64
chosen_sector (AdwComboRow *row,
               GArray      *ids)
{
  guint position = adw_combo_row_get_selected (row);

  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

static void
go_to (PlFirstRun *self,
       const char *step)
{
  g_autofree char *subtitle = NULL;

  gtk_stack_set_visible_child_name (self->stack, step);

  for (guint i = 0; i + 1 < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (steps[i], step))
      /* TRANSLATORS: the step of the getting-started window shown, of four */
      subtitle = g_strdup_printf (_("Step %u of %u"), i + 1, (guint) G_N_ELEMENTS (steps) - 1);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (g_str_equal (step, "college"))
    gtk_widget_grab_focus (GTK_WIDGET (self->college_row));
  else if (g_str_equal (step, "employer"))
    gtk_widget_grab_focus (GTK_WIDGET (self->employer_row));
  else if (g_str_equal (step, "request"))
    gtk_widget_grab_focus (GTK_WIDGET (self->staff_row));
  else if (g_str_equal (step, "done"))
    {
      g_autoptr(GString) summary = g_string_new (NULL);

      for (guint i = 0; i < self->done->len; i++)
        g_string_append_printf (summary, "%s\n", (const char *) self->done->pdata[i]);
      if (self->skipped)
        g_string_append (summary, _("What was skipped can be added from the pages of the "
                                    "window."));
      adw_status_page_set_description (self->done_page, g_strstrip (summary->str));
    }
}

static void
advance (PlFirstRun *self)
{
  const char *current = gtk_stack_get_visible_child_name (self->stack);
  guint i = 0;

  while (i < G_N_ELEMENTS (steps) && !g_str_equal (steps[i], current))
    i++;

  for (i++; i < G_N_ELEMENTS (steps); i++)
    {
      /* Terms and requests belong to a college. */
      if (self->partner_id == 0 &&
          (g_str_equal (steps[i], "terms") || g_str_equal (steps[i], "request")))
        {
          self->skipped = TRUE;
          continue;
        }
      break;
    }

  go_to (self, steps[MIN (i, G_N_ELEMENTS (steps) - 1)]);
}

static void
on_skip_clicked (PlFirstRun *self)
{
  self->skipped = TRUE;
  advance (self);
}

static void
on_text_changed (PlFirstRun *self)
{
  g_autofree char *college = row_text (self->college_row);
  g_autofree char *employer = row_text (self->employer_row);
  g_autofree char *staff = row_text (self->staff_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->college_button), *college != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->employer_button),
                            *employer != '\0' && self->sector_ids->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->request_button),
                            *staff != '\0' && self->sector_ids->len > 0);
}

static void
on_college_clicked (PlFirstRun *self)
{
  g_autofree char *name = row_text (self->college_row);
  g_autoptr(PlRecord) partner = NULL;
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    return;

  /* The first partner of a network runs it. */
  partner = pl_first_step_new_partner (name, pl_store_count (get_store (self),
                                                             PL_TYPE_PARTNER) == 0);
  if (!pl_store_insert (get_store (self), partner, &error))
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not add the college"), error);
      return;
    }

  self->partner_id = pl_record_get_id (partner);
  /* TRANSLATORS: a line of the summary; %s is a college */
  g_ptr_array_add (self->done, g_strdup_printf (_("%s is your college."), name));
  advance (self);
}

static void
on_england_clicked (PlFirstRun *self)
{
  g_autoptr(GError) error = NULL;
  guint added = 0;
  GDate today;

  pl_context_get_today (self->context, &today);
  if (!pl_terms_add_england (get_store (self), self->partner_id, &today, &added, &error))
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not add the term dates"), error);
      return;
    }

  g_ptr_array_add (self->done,
                   g_strdup (_("Its terms are England’s typical ones for this academic year and "
                               "the next.")));
  advance (self);
}

static void
on_import_response (PlFirstRun           *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlRecord) partner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *owner = NULL;
  PlIcsImportResult result = { 0 };
  GDate today;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  partner = pl_store_get (get_store (self), PL_TYPE_PARTNER, self->partner_id, NULL);
  if (path == NULL || partner == NULL)
    return;

  owner = g_strdup_printf ("partner:%s", pl_record_get_string (partner, "name"));
  pl_context_get_today (self->context, &today);
  if (!pl_ics_import_file (get_store (self), path, owner, "term", &today, &result, &error))
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not import the terms"), error);
      return;
    }

  g_ptr_array_add (self->done,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u term was imported from the calendar file.",
                                                 "%u terms were imported from the calendar file.",
                                                 result.added),
                                    result.added));
  advance (self);
}

static void
on_import_clicked (PlFirstRun *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Terms"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_employer_clicked (PlFirstRun *self)
{
  g_autofree char *name = row_text (self->employer_row);
  gint64 sector = chosen_sector (self->employer_sector_row, self->sector_ids);
  g_autoptr(PlRecord) employer = NULL;
  g_autoptr(GError) error = NULL;

  if (*name == '\0' || sector == 0)
    return;

  employer = pl_first_step_new_employer (name, sector);
  if (!pl_store_insert (get_store (self), employer, &error))
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not add the employer"), error);
      return;
    }

  /* The first request most likely wants the sector of the first host. */
  adw_combo_row_set_selected (self->request_sector_row,
                              adw_combo_row_get_selected (self->employer_sector_row));
  /* TRANSLATORS: a line of the summary; %s is an employer */
  g_ptr_array_add (self->done, g_strdup_printf (_("%s is your first employer."), name));
  advance (self);
}

static void
on_request_clicked (PlFirstRun *self)
{
  g_autofree char *name = row_text (self->staff_row);
  gint64 sector = chosen_sector (self->request_sector_row, self->sector_ids);
  PlStore *store = get_store (self);
  g_autoptr(PlRecord) staff = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  GDate today;

  if (*name == '\0' || sector == 0 || self->partner_id == 0)
    return;

  staff = pl_record_new (PL_TYPE_STAFF);
  pl_record_set_string (staff, "name", name);
  pl_record_set_int (staff, "partner_id", self->partner_id);
  pl_record_set_int (staff, "sector_id", sector);
  pl_record_set_int (staff, "teaching_days", 0);

  /* The person and their request together, or neither. */
  pl_context_get_today (self->context, &today);
  if (!pl_store_begin (store, &error))
    goto failed;
  if (!pl_store_insert (store, staff, &error))
    {
      pl_store_rollback (store);
      goto failed;
    }
  id = pl_placement_create_request (store, pl_record_get_id (staff), sector, &today, &error);
  if (id == 0)
    {
      pl_store_rollback (store);
      goto failed;
    }
  if (!pl_store_commit (store, &error))
    goto failed;

  self->request_id = id;
  /* TRANSLATORS: a line of the summary; %s is a member of staff */
  g_ptr_array_add (self->done, g_strdup_printf (_("%s’s request waits on the Plan page for an "
                                                  "employer and days."), name));
  advance (self);
  return;

failed:
  pl_widget_show_error (GTK_WIDGET (self), _("Could not create the request"), error);
}

static void
on_finish_clicked (PlFirstRun *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (PL_IS_WINDOW (parent))
    {
      if (self->request_id != 0)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-placement", "x",
                                    self->request_id);
      else
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", "overview");
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_sectors (PlFirstRun *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) sectors = NULL;
  g_autoptr(GError) error = NULL;

  sectors = pl_store_list_choices (get_store (self), PL_TYPE_SECTOR, &error);
  if (sectors == NULL)
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not read the sectors"), error);
      return;
    }

  for (guint i = 0; i < sectors->len; i++)
    {
      const PlChoice *choice = &g_array_index (sectors, PlChoice, i);

      g_array_append_val (self->sector_ids, choice->id);
      gtk_string_list_append (names, choice->name);
    }
  adw_combo_row_set_model (self->employer_sector_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->request_sector_row, G_LIST_MODEL (names));
  pl_choice_list_show_in_full (self->employer_sector_row);
  pl_choice_list_show_in_full (self->request_sector_row);
}

PlFirstRun *
pl_first_run_new (GtkWindow *parent,
                  PlContext *context)
{
  PlFirstRun *self;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  self = g_object_new (PL_TYPE_FIRST_RUN, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  fill_sectors (self);
  on_text_changed (self);
  go_to (self, "college");
  return self;
}

const char *
pl_first_run_get_step (PlFirstRun *self)
{
  g_return_val_if_fail (PL_IS_FIRST_RUN (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
pl_first_run_dispose (GObject *object)
{
  PlFirstRun *self = PL_FIRST_RUN (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_FIRST_RUN);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_first_run_parent_class)->dispose (object);
}

static void
pl_first_run_finalize (GObject *object)
{
  PlFirstRun *self = PL_FIRST_RUN (object);

  g_array_unref (self->sector_ids);
  g_ptr_array_unref (self->done);

  G_OBJECT_CLASS (pl_first_run_parent_class)->finalize (object);
}

static void
pl_first_run_class_init (PlFirstRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_first_run_dispose;
  object_class->finalize = pl_first_run_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-first-run.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, stack);
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, college_row);
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, college_button);
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, employer_row);
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, employer_sector_row);
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, employer_button);
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, staff_row);
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, request_sector_row);
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, request_button);
  gtk_widget_class_bind_template_child (widget_class, PlFirstRun, done_page);

  gtk_widget_class_bind_template_callback (widget_class, on_skip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_college_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_england_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_employer_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_request_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_finish_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_first_run_init (PlFirstRun *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->sector_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->done = g_ptr_array_new_with_free_func (g_free);
}
