/* pl-employer-chooser.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-employer-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-employer-chooser.h"
#include "pl-first-step.h"
#include "pl-plan-item.h"
#include "pl-records.h"
#include "pl-schedule.h"
#include "pl-window.h"

/* The way forward for a request that has no employer: every employer of
 * its sector, those that can take it first in the order the suggest job
 * ranks them, with their best dates and why they are good; then those that
 * cannot, each with the rule that rules it out. Any of them can be chosen
 * (a coordinator may know that a host will make room); the days are the
 * Plan page's business. With no employer in the sector, one can be added
 * here and becomes the choice. */
struct _PlEmployerChooser
{
  AdwWindow       parent_instance;

  PlContext      *context;
  gint64          placement_id;
  gint64          sector_id;
  GArray         *employer_ids;    /* gint64, by row index */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkLabel       *intro_label;
  GtkListBox     *list_box;
  AdwStatusPage  *none_page;
  AdwEntryRow    *name_row;
  GtkButton      *add_button;
};

G_DEFINE_FINAL_TYPE (PlEmployerChooser, pl_employer_chooser, ADW_TYPE_WINDOW)

enum {
  EMPLOYER_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choose (PlEmployerChooser *self,
        gint64             employer_id)
{
  g_object_ref (self);
  g_signal_emit (self, signals[EMPLOYER_CHOSEN], 0, employer_id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_row_activated (PlEmployerChooser *self,
                  GtkListBoxRow     *row)
{
  guint index = gtk_list_box_row_get_index (row);

  if (index < self->employer_ids->len)
    choose (self, g_array_index (self->employer_ids, gint64, index));
}

static void
on_name_changed (PlEmployerChooser *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), *g_strstrip (name) != '\0');
}

static void
on_add_clicked (PlEmployerChooser *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_autoptr(PlRecord) employer = NULL;
  g_autoptr(GError) error = NULL;

  if (*g_strstrip (name) == '\0')
    return;

  employer = pl_first_step_new_employer (name, self->sector_id);
  if (!pl_store_insert (pl_context_get_store (self->context), employer, &error))
    {
      /* The name stays typed, to be corrected. */
      adw_status_page_set_description (self->none_page, error->message);
      return;
    }

  choose (self, pl_record_get_id (employer));
}

static GtkWidget *
fit_row (const PlEmployerFit *fit)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (fit->employer_name, -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *icon;

  if (fit->best != NULL)
    {
      g_autofree char *days = pl_plan_format_days ((const char * const *) fit->best->days);
      g_autofree char *reasons = g_strjoinv (", ", fit->best->reasons);

      subtitle = *reasons != '\0' ? g_strdup_printf ("%s\n%s", days, reasons)
                                  : g_steal_pointer (&days);
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
      gtk_widget_set_tooltip_text (icon, _("Can take this placement"));
    }
  else
    {
      subtitle = g_strdup (fit->reason);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("Cannot take this placement now"));
    }

  markup = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
fill (PlEmployerChooser *self)
{
  PlStore *store = pl_context_get_store (self->context);
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(GPtrArray) fits = NULL;
  g_autoptr(GError) error = NULL;
  const char *sector;
  guint n_fit = 0;
  GDate today;

  placement = pl_store_get (store, PL_TYPE_PLACEMENT, self->placement_id, NULL);
  if (placement == NULL)
    return;
  self->sector_id = pl_record_get_int (placement, "sector_id");
  sector = pl_record_get_string (placement, "sector_name");
  adw_window_title_set_subtitle (self->window_title, sector);

  pl_context_get_today (self->context, &today);
  fits = pl_schedule_rank_employers (store, self->placement_id, &today, &error);
  if (fits == NULL)
    {
      /* A placement the scheduler does not look at (its window is over):
       * the sector's employers still, by name. */
      g_autoptr(GListModel) employers =
        pl_store_list_where (store, PL_TYPE_EMPLOYER, "sector_id", self->sector_id);

      fits = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_employer_fit_free);
      for (guint i = 0; i < g_list_model_get_n_items (employers); i++)
        {
          g_autoptr(PlRecord) employer = g_list_model_get_item (employers, i);
          PlEmployerFit *fit = g_new0 (PlEmployerFit, 1);

          fit->employer_id = pl_record_get_id (employer);
          fit->employer_name = g_strdup (pl_record_get_string (employer, "name"));
          fit->reason = g_strdup (error->message);
          g_ptr_array_add (fits, fit);
        }
    }

  for (guint i = 0; i < fits->len; i++)
    {
      const PlEmployerFit *fit = fits->pdata[i];

      g_array_append_val (self->employer_ids, fit->employer_id);
      gtk_list_box_append (self->list_box, fit_row (fit));
      n_fit += fit->best != NULL;
    }

  if (fits->len == 0)
    {
      /* TRANSLATORS: %s is a sector */
      g_autofree char *title = g_strdup_printf (_("No employer works in %s"), sector);

      adw_status_page_set_title (self->none_page, title);
      gtk_stack_set_visible_child_name (self->stack, "none");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  if (n_fit == 0)
    gtk_label_set_label (self->intro_label,
                         _("None of these employers can take the placement in its window now; "
                           "each says why. Choose one anyway if it will make room."));
  else
    gtk_label_set_label (self->intro_label,
                         _("Best first. The days are proposed on the Plan page."));
  gtk_stack_set_visible_child_name (self->stack, "list");
}

PlEmployerChooser *
pl_employer_chooser_new (GtkWindow *parent,
                         PlContext *context,
                         gint64     placement_id)
{
  PlEmployerChooser *self;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  self = g_object_new (PL_TYPE_EMPLOYER_CHOOSER,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->placement_id = placement_id;
  fill (self);
  return self;
}

static void
pl_employer_chooser_dispose (GObject *object)
{
  PlEmployerChooser *self = PL_EMPLOYER_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_EMPLOYER_CHOOSER);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_employer_chooser_parent_class)->dispose (object);
}

static void
pl_employer_chooser_finalize (GObject *object)
{
  PlEmployerChooser *self = PL_EMPLOYER_CHOOSER (object);

  g_array_unref (self->employer_ids);

  G_OBJECT_CLASS (pl_employer_chooser_parent_class)->finalize (object);
}

static void
pl_employer_chooser_class_init (PlEmployerChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_employer_chooser_dispose;
  object_class->finalize = pl_employer_chooser_finalize;

  /**
   * PlEmployerChooser::employer-chosen:
   * @employer_id: the employer chosen (or just added)
   */
  signals[EMPLOYER_CHOSEN] =
    g_signal_new ("employer-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-employer-chooser.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlEmployerChooser, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlEmployerChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, PlEmployerChooser, intro_label);
  gtk_widget_class_bind_template_child (widget_class, PlEmployerChooser, list_box);
  gtk_widget_class_bind_template_child (widget_class, PlEmployerChooser, none_page);
  gtk_widget_class_bind_template_child (widget_class, PlEmployerChooser, name_row);
  gtk_widget_class_bind_template_child (widget_class, PlEmployerChooser, add_button);

  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_employer_chooser_init (PlEmployerChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->employer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}
