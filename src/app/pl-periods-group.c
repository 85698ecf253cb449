/* pl-periods-group.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-periods-group"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-deletion.h"
#include "pl-period-dialog.h"
#include "pl-periods-group.h"
#include "pl-window.h"

/* One owner's periods are a handful (a college's terms and holidays for a
 * few years, an employer's busy seasons), so the rows are built afresh
 * whenever calendar_period changes, which also keeps them in date order
 * after an edit moves a period. */
struct _PlPeriodsGroup
{
  AdwPreferencesGroup  parent_instance;

  PlContext           *context;
  char                *owner_kind;
  gint64               owner_id;
  gboolean             past_expanded;  /* kept across rebuilds */
  AdwExpanderRow      *past_row;       /* in periods_list, or NULL */

  /* Template widgets */
  GtkListBox          *periods_list;
};

G_DEFINE_FINAL_TYPE (PlPeriodsGroup, pl_periods_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_OWNER_KIND,
  PROP_OWNER_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The calendar_period column naming the owner, or NULL. */
static const char *
owner_column (PlPeriodsGroup *self)
{
  if (g_strcmp0 (self->owner_kind, "employer") == 0)
    return "employer_id";
  if (g_strcmp0 (self->owner_kind, "staff") == 0)
    return "staff_id";
  if (g_strcmp0 (self->owner_kind, "partner") == 0)
    return "partner_id";
  return NULL;
}

static GtkWindow *
parent_window (PlPeriodsGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
present_dialog (PlPeriodsGroup *self,
                gint64          period_id)
{
  PlCalendarFilter owner = { 0 };
  PlPeriodDialog *dialog;

  if (self->context == NULL || (period_id == 0 && self->owner_id == 0))
    return;

  if (g_strcmp0 (self->owner_kind, "employer") == 0)
    owner.employer_id = self->owner_id;
  else if (g_strcmp0 (self->owner_kind, "staff") == 0)
    owner.staff_id = self->owner_id;
  else if (g_strcmp0 (self->owner_kind, "partner") == 0)
    owner.partner_id = self->owner_id;

  dialog = pl_period_dialog_new (self->context, period_id, &owner, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Removes at once and offers Undo, which puts the period back as it was
 * (same id, so placements whose window it was keep it too). */
static void
remove_period (PlPeriodsGroup *self,
               PlRecord       *period)
{
  g_autoptr(PlDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  GtkWindow *window = parent_window (self);
  const char *label = pl_record_get_string (period, "label");

  deletion = pl_deletion_run (pl_context_get_store (self->context), PL_TYPE_CALENDAR_PERIOD,
                              pl_record_get_id (period), &error);
  if (deletion == NULL)
    {
      if (PL_IS_WINDOW (window))
        pl_window_show_error (PL_WINDOW (window), _("Could not remove the period"), error);
      return;
    }

  if (!PL_IS_WINDOW (window))
    return;

  /* TRANSLATORS: a toast; %s is the period's name or kind. */
  title = g_strdup_printf (_("“%s” removed"),
                           label != NULL && *label != '\0'
                             ? label : pl_enum_label (pl_record_get_string (period, "kind")));
  markup = g_markup_escape_text (title, -1);
  pl_window_add_undo_toast (PL_WINDOW (window), markup);
}

static void
on_remove_clicked (PlPeriodsGroup *self,
                   GtkButton      *button)
{
  PlRecord *period = g_object_get_data (G_OBJECT (button), "pl-record");

  /* The rows, this button among them, are rebuilt during the removal. */
  if (period != NULL && self->context != NULL)
    {
      g_autoptr(PlRecord) keep = g_object_ref (period);

      remove_period (self, keep);
    }
}

static void
on_row_activated (PlPeriodsGroup *self,
                  AdwActionRow   *row)
{
  PlRecord *period = g_object_get_data (G_OBJECT (row), "pl-record");

  if (period != NULL)
    present_dialog (self, pl_record_get_id (period));
}

/* "Busy season · 14 Nov 2026 – 4 Jan 2027 · Mon, Tue", the kind first
 * because the title is the period's own name when it has one. */
static char *
describe_period (PlRecord *period)
{
  const char *start = pl_record_get_string (period, "start_date");
  const char *end = pl_record_get_string (period, "end_date");
  gint64 weekdays = pl_record_get_int (period, "weekdays");
  g_autofree char *first = pl_date_describe (start, TRUE);
  g_autofree char *last = pl_date_describe (end, TRUE);
  GString *text = g_string_new (pl_enum_label (pl_record_get_string (period, "kind")));

  g_string_append (text, " · ");
  if (g_strcmp0 (start, end) == 0)
    g_string_append (text, first);
  else
    /* TRANSLATORS: a range of days, first and last inclusive. */
    g_string_append_printf (text, _("%s – %s"), first, last);

  if ((weekdays & 0x7f) != 0x7f)
    {
      GDate monday;
      gboolean any = FALSE;

      /* 4 January 2027 is a Monday. */
      g_date_clear (&monday, 1);
      g_date_set_dmy (&monday, 4, G_DATE_JANUARY, 2027);
      g_string_append (text, " · ");
      for (guint i = 0; i < 7; i++, g_date_add_days (&monday, 1))
        if ((weekdays & (1 << i)) != 0)
          {
            char name[32];

            /* TRANSLATORS: a short weekday name, as for g_date_strftime. */
            g_date_strftime (name, sizeof name, _("%a"), &monday);
            g_string_append_printf (text, "%s%s", any ? ", " : "", name);
            any = TRUE;
          }
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
new_period_row (PlPeriodsGroup *self,
                PlRecord       *period)
{
  const char *label = pl_record_get_string (period, "label");
  g_autofree char *subtitle = describe_period (period);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* What people type is text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 label != NULL && *label != '\0'
                                   ? label : pl_enum_label (pl_record_get_string (period, "kind")));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "pl-record", g_object_ref (period), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Period"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Period"), -1);
  g_object_set_data_full (G_OBJECT (remove), "pl-record", g_object_ref (period), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  PlRecord *x = *(PlRecord **) a;
  PlRecord *y = *(PlRecord **) b;
  int order = g_strcmp0 (pl_record_get_string (x, "start_date"),
                         pl_record_get_string (y, "start_date"));

  if (order != 0)
    return order;

  return (pl_record_get_id (x) > pl_record_get_id (y)) - (pl_record_get_id (x) < pl_record_get_id (y));
}

static void
rebuild (PlPeriodsGroup *self)
{
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = NULL;
  const char *column = owner_column (self);
  GtkWidget *child;
  guint n_past = 0;

  if (self->past_row != NULL)
    self->past_expanded = adw_expander_row_get_expanded (self->past_row);
  self->past_row = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->periods_list))) != NULL)
    gtk_list_box_remove (self->periods_list, child);

  if (self->context != NULL && column != NULL && self->owner_id != 0)
    {
      g_autoptr(GListModel) list = pl_store_list_where (pl_context_get_store (self->context),
                                                        PL_TYPE_CALENDAR_PERIOD, column,
                                                        self->owner_id);
      GDate date;

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (periods, g_list_model_get_item (list, i));
      g_ptr_array_sort (periods, compare_periods);

      pl_context_get_today (self->context, &date);
      today = pl_date_to_iso (&date);
    }

  /* Periods over and done with are history: out of the way, not gone. */
  for (guint i = 0; i < periods->len; i++)
    if (g_strcmp0 (pl_record_get_string (periods->pdata[i], "end_date"), today) < 0)
      n_past++;

  if (n_past > 0)
    {
      g_autofree char *subtitle = NULL;

      self->past_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->past_row), _("Past Periods"));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u period that has ended",
                                               "%u periods that have ended", n_past), n_past);
      adw_expander_row_set_subtitle (self->past_row, subtitle);
      adw_expander_row_set_expanded (self->past_row, self->past_expanded);
    }

  for (guint i = 0; i < periods->len; i++)
    {
      PlRecord *period = periods->pdata[i];
      GtkWidget *row = new_period_row (self, period);

      if (g_strcmp0 (pl_record_get_string (period, "end_date"), today) < 0)
        adw_expander_row_add_row (self->past_row, row);
      else
        gtk_list_box_append (self->periods_list, row);
    }

  if (self->past_row != NULL)
    gtk_list_box_append (self->periods_list, GTK_WIDGET (self->past_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "periods.add",
                                 self->context != NULL && self->owner_id != 0);
}

static void
on_store_changed (PlPeriodsGroup *self,
                  const char     *table)
{
  if (table == NULL || g_str_equal (table, "calendar_period"))
    rebuild (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  present_dialog (PL_PERIODS_GROUP (widget), 0);
}

void
pl_periods_group_set_context (PlPeriodsGroup *self,
                              PlContext      *context)
{
  g_return_if_fail (PL_IS_PERIODS_GROUP (self));
  g_return_if_fail (context == NULL || PL_IS_CONTEXT (context));

  if (!pl_context_replace (&self->context, context, G_CALLBACK (on_store_changed), self))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

void
pl_periods_group_set_owner_id (PlPeriodsGroup *self,
                               gint64          owner_id)
{
  g_return_if_fail (PL_IS_PERIODS_GROUP (self));

  if (self->owner_id == owner_id)
    return;

  self->owner_id = owner_id;
  self->past_expanded = FALSE;
  if (self->past_row != NULL)
    adw_expander_row_set_expanded (self->past_row, FALSE);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

gint64
pl_periods_group_get_owner_id (PlPeriodsGroup *self)
{
  g_return_val_if_fail (PL_IS_PERIODS_GROUP (self), 0);

  return self->owner_id;
}

static void
pl_periods_group_dispose (GObject *object)
{
  PlPeriodsGroup *self = (PlPeriodsGroup *)object;

  self->past_row = NULL;
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PERIODS_GROUP);

  G_OBJECT_CLASS (pl_periods_group_parent_class)->dispose (object);
}

static void
pl_periods_group_finalize (GObject *object)
{
  PlPeriodsGroup *self = (PlPeriodsGroup *)object;

  g_free (self->owner_kind);

  G_OBJECT_CLASS (pl_periods_group_parent_class)->finalize (object);
}

static void
pl_periods_group_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlPeriodsGroup *self = PL_PERIODS_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_OWNER_KIND:
      g_value_set_string (value, self->owner_kind);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_periods_group_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlPeriodsGroup *self = PL_PERIODS_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      pl_periods_group_set_context (self, g_value_get_object (value));
      break;
    case PROP_OWNER_KIND:
      if (g_strcmp0 (self->owner_kind, g_value_get_string (value)) != 0)
        {
          g_free (self->owner_kind);
          self->owner_kind = g_value_dup_string (value);
          rebuild (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_OWNER_ID:
      pl_periods_group_set_owner_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_periods_group_class_init (PlPeriodsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_periods_group_dispose;
  object_class->finalize = pl_periods_group_finalize;
  object_class->get_property = pl_periods_group_get_property;
  object_class->set_property = pl_periods_group_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_OWNER_KIND] =
    g_param_spec_string ("owner-kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-periods-group.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlPeriodsGroup, periods_list);

  gtk_widget_class_install_action (widget_class, "periods.add", NULL, add_action);
}

static void
pl_periods_group_init (PlPeriodsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "periods.add", FALSE);
}
