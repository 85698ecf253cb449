/* pl-overview-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-overview-page.h"
#include "pl-overview.h"
#include "pl-stats.h"

/* What needs doing today, worst first, and the network's figures. Nothing
 * on it is typed in: every row opens the record it is about. */
struct _PlOverviewPage
{
  GtkWidget            parent_instance;

  PlContext           *context;
  guint                refresh_id;

  /* Template widgets */
  AdwPreferencesGroup *overdue_group;
  GtkListBox          *overdue_list;
  AdwPreferencesGroup *week_group;
  GtkListBox          *week_list;
  AdwPreferencesGroup *coming_group;
  GtkListBox          *coming_list;
  AdwPreferencesGroup *requests_group;
  GtkListBox          *requests_list;
  AdwPreferencesGroup *employers_group;
  GtkListBox          *employers_list;
  GtkFlowBox          *cards_box;
  GtkBox              *charts_box;
};

G_DEFINE_FINAL_TYPE (PlOverviewPage, pl_overview_page, GTK_TYPE_WIDGET)

#define MAX_ROWS 12

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef char *(*DescribeDate) (const char *date, const GDate *today, const char **style);

static int
days_between (const GDate *from,
              const char  *iso)
{
  GDate date;

  if (!pl_date_parse (iso, &date))
    return 0;
  return g_date_days_between (from, &date);
}

static char *
describe_late (const char  *date,
               const GDate *today,
               const char **style)
{
  int late = -days_between (today, date);

  *style = "error";
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", late),
                          late);
}

static char *
describe_soon (const char  *date,
               const GDate *today,
               const char **style)
{
  int in = days_between (today, date);
  GDate d;
  char text[64];

  *style = in == 0 ? "warning" : NULL;
  if (in < 0)
    return g_strdup (_("Under way"));
  if (in == 0)
    return g_strdup (_("Today"));
  if (in == 1)
    return g_strdup (_("Tomorrow"));
  if (in < 7 && pl_date_parse (date, &d) && g_date_strftime (text, sizeof text, "%A", &d) > 0)
    return g_strdup (text);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day", "In %d days", in), in);
}

static char *
describe_follow_up (const char  *date,
                    const GDate *today,
                    const char **style)
{
  int ago = -days_between (today, date);

  *style = ago > 0 ? "warning" : NULL;
  if (ago <= 0)
    return g_strdup (_("Due today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", ago), ago);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_list (PlOverviewPage      *self,
           AdwPreferencesGroup *group,
           GtkListBox          *list,
           GPtrArray           *items,
           DescribeDate         describe,
           const char          *empty,
           const GDate         *today)
{
  remove_all_rows (list);

  /* A list is for reading at a glance: the first rows, and how many more. */
  for (guint i = 0; i < MIN (items->len, MAX_ROWS); i++)
    {
      PlOverviewItem *item = items->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

      if (describe != NULL && item->date != NULL)
        {
          const char *style = NULL;
          g_autofree char *when = describe (item->date, today, &style);
          GtkWidget *label = gtk_label_new (when);

          gtk_widget_add_css_class (label, "caption-heading");
          if (style != NULL)
            gtk_widget_add_css_class (label, style);
          else
            gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

      /* Each row opens its record. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (item->placement_id > 0)
        gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", item->placement_id);
      else
        gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", item->employer_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row),
                                      item->placement_id > 0 ? "win.open-placement"
                                                             : "win.open-employer");
      gtk_list_box_append (list, row);
    }

  if (items->len > MAX_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      guint more = items->len - MAX_ROWS;
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more",
                                                             "And %u more", more), more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
    }

  if (items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), empty);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
    }

  /* The count beside the title says how much there is at a glance. */
  {
    const char *title = g_object_get_data (G_OBJECT (group), "title");
    g_autofree char *with_count = NULL;

    if (title == NULL)
      {
        g_object_set_data_full (G_OBJECT (group), "title",
                                g_strdup (adw_preferences_group_get_title (group)), g_free);
        title = g_object_get_data (G_OBJECT (group), "title");
      }
    /* TRANSLATORS: a list's title and how many items it has, "Overdue (3)" */
    with_count = items->len > 0 ? g_strdup_printf (_("%s (%u)"), title, items->len)
                                : g_strdup (title);
    adw_preferences_group_set_title (group, with_count);
  }
}

static void
add_card (PlOverviewPage *self,
          gint64          value,
          const char     *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number;
  GtkWidget *caption = gtk_label_new (label);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  number = gtk_label_new (text);
  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (number, 18);
  gtk_widget_set_margin_bottom (caption, 18);
  gtk_widget_set_margin_start (caption, 12);
  gtk_widget_set_margin_end (caption, 12);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_flow_box_append (self->cards_box, box);
}

static void
fill_cards (PlOverviewPage *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  JsonObject *root;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_flow_box_remove (self->cards_box, child);

  node = pl_stats_compute (pl_context_get_store (self->context), NULL, &error);
  if (node == NULL)
    {
      g_warning ("Cannot compute the figures: %s", error->message);
      return;
    }
  root = json_node_get_object (node);

  add_card (self, json_object_get_int_member (json_object_get_object_member (root, "placements"),
                                              "total"),
            _("Placements that took place"));
  add_card (self, json_object_get_int_member (root, "employers"), _("Employers hosting"));
  add_card (self, json_object_get_int_member (root, "sectors"), _("Sectors"));
  add_card (self, json_object_get_int_member (root, "staff_engaged"), _("Staff engaged"));
  add_card (self, json_object_get_int_member (root, "colleagues_reached"),
            _("Colleagues reached"));
  add_card (self, json_object_get_int_member (root, "students_reached"), _("Students reached"));
}

void
pl_overview_page_refresh (PlOverviewPage *self)
{
  PlStore *store;
  GDate today;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GPtrArray) coming = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) employers = NULL;

  g_return_if_fail (PL_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->context == NULL)
    return;

  store = pl_context_get_store (self->context);
  pl_context_get_today (self->context, &today);

  overdue = pl_overview_overdue_milestones (store, &today);
  week = pl_overview_due_this_week (store, &today);
  coming = pl_overview_coming_placements (store, &today, 30);
  requests = pl_overview_requests_without_dates (store);
  employers = pl_overview_employers_needing_attention (store, &today);

  fill_list (self, self->overdue_group, self->overdue_list, overdue, describe_late,
             _("Nothing is overdue."), &today);
  fill_list (self, self->week_group, self->week_list, week, describe_soon,
             _("Nothing is due in the next seven days."), &today);
  fill_list (self, self->coming_group, self->coming_list, coming, describe_soon,
             _("No placement takes place in the next 30 days."), &today);
  fill_list (self, self->requests_group, self->requests_list, requests, NULL,
             _("Every request has its days."), &today);
  fill_list (self, self->employers_group, self->employers_list, employers, describe_follow_up,
             _("No follow-up is due."), &today);
  fill_cards (self);
}

GtkBox *
pl_overview_page_get_charts_box (PlOverviewPage *self)
{
  g_return_val_if_fail (PL_IS_OVERVIEW_PAGE (self), NULL);
  return self->charts_box;
}

static gboolean
refresh_idle_cb (gpointer data)
{
  PlOverviewPage *self = data;

  self->refresh_id = 0;
  pl_overview_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (PlOverviewPage *self)
{
  /* Read when next shown; nobody looks at it meanwhile. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* Many tables change in one commit: read once, when idle. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
pl_overview_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pl_overview_page_parent_class)->map (widget);

  /* The day may have changed since the page was last shown. */
  pl_overview_page_refresh (PL_OVERVIEW_PAGE (widget));
}

static void
pl_overview_page_dispose (GObject *object)
{
  PlOverviewPage *self = (PlOverviewPage *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_OVERVIEW_PAGE);
  /* The template's top child has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_overview_page_parent_class)->dispose (object);
}

static void
pl_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlOverviewPage *self = PL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlOverviewPage *self = PL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_return_if_fail (self->context == NULL);
      self->context = g_value_dup_object (value);
      if (self->context != NULL)
        {
          g_signal_connect_object (pl_context_get_store (self->context), "changed",
                                   G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
          if (gtk_widget_get_mapped (GTK_WIDGET (self)))
            pl_overview_page_refresh (self);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_overview_page_class_init (PlOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_overview_page_dispose;
  object_class->get_property = pl_overview_page_get_property;
  object_class->set_property = pl_overview_page_set_property;
  widget_class->map = pl_overview_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-overview-page.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, week_group);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, week_list);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, coming_group);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, coming_list);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, requests_group);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, requests_list);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, employers_group);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, employers_list);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, charts_box);
}

static void
pl_overview_page_init (PlOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
