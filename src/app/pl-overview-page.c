/* pl-overview-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-bar-chart.h"
#include "pl-date.h"
#include "pl-first-step.h"
#include "pl-overview-page.h"
#include "pl-overview.h"
#include "pl-stats.h"
#include "pl-survey.h"
#include "pl-window.h"

/* What needs doing today, worst first, and the network's figures. Nothing
 * on it is typed in: every row opens the record it is about.
 *
 * The figures (cards and charts) follow the partner and period chosen above
 * them, through the PlStatsFilter of `placements-cli stats`, so that the
 * page and the command agree; the lists of what is due do not, as they are
 * the day's work. Each chart says in words what it draws (PlBarChart's
 * text alternative) and names each bar's figure in its tooltip. */

typedef enum
{
  PERIOD_ALL,
  PERIOD_THIS_YEAR,
  PERIOD_LAST_YEAR,
} Period;

typedef enum
{
  CHART_SECTORS,
  CHART_FUNNEL,
  CHART_IMPROVED,
  CHART_STUDENTS,
  CHART_EMPLOYERS,
  N_CHARTS
} Chart;
struct _PlOverviewPage
{
  GtkWidget            parent_instance;

  PlContext           *context;
  guint                refresh_id;
  GCancellable        *lists_cancellable;
  GCancellable        *figures_cancellable;
  GDate                lists_day;

  /* Template widgets */
  GtkStack            *content_stack;
  AdwStatusPage       *empty_page;
  GtkButton           *empty_button;
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
  AdwPreferencesGroup *figures_group;
  GtkDropDown         *partner_dropdown;
  GtkStringList       *partner_names;
  GtkDropDown         *period_dropdown;
  GtkFlowBox          *cards_box;
  GtkBox              *charts_box;

  PlBarChart          *charts[N_CHARTS];
  GtkLabel            *chart_notes[N_CHARTS];
  gboolean             updating_partners;
};

G_DEFINE_FINAL_TYPE (PlOverviewPage, pl_overview_page, GTK_TYPE_WIDGET)

/* Each list shows this many rows, then "Show all N" opening the page
 * that lists them all. */
#define ROWS 5

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
           guint                total,
           DescribeDate         describe,
           const char          *empty,
           const GDate         *today,
           const char          *show_all_action,
           GVariant            *show_all_target)
{
  g_autoptr(GVariant) target = show_all_target != NULL ? g_variant_ref_sink (show_all_target)
                                                       : NULL;
  remove_all_rows (list);

  /* A list is for reading at a glance: the first rows, and the way to
   * the rest. */
  for (guint i = 0; i < MIN (items->len, ROWS); i++)
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

  if (total > ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      /* TRANSLATORS: the last row of an Overview list, opening the page that
       * lists them all: "Show all 2460" */
      g_autofree char *title = g_strdup_printf (_("Show all %'u"), total);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_widget_add_css_class (row, "accent");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), show_all_action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
      gtk_list_box_append (list, row);
    }

  if (total == 0)
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
    with_count = total > 0 ? g_strdup_printf (_("%s (%'u)"), title, total)
                                : g_strdup (title);
    adw_preferences_group_set_title (group, with_count);
  }
}

/* The partner list, keeping the one chosen while it is still there. */
static void
reload_partners (PlOverviewPage *self)
{
  g_autoptr(GListModel) partners = pl_store_list (pl_context_get_store (self->context),
                                                  PL_TYPE_PARTNER);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint selected = gtk_drop_down_get_selected (self->partner_dropdown);
  g_autofree char *current = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->partner_names));
  guint position = 0;
  gboolean same;

  if (selected > 0 && selected < n)
    current = g_strdup (gtk_string_list_get_string (self->partner_names, selected));

  g_ptr_array_add (names, g_strdup (_("Every partner")));
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(PlRecord) partner = g_list_model_get_item (partners, i);
      const char *name = pl_record_get_string (partner, "name");

      if (g_strcmp0 (name, current) == 0)
        position = names->len;
      g_ptr_array_add (names, g_strdup (name));
    }

  same = names->len == n;
  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (names->pdata[i], gtk_string_list_get_string (self->partner_names, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (names, NULL);
  self->updating_partners = TRUE;
  gtk_string_list_splice (self->partner_names, 0, n, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->partner_dropdown, position);
  self->updating_partners = FALSE;
}

/* The filter the dropdowns say; @from and @to are filled for a period. */
static void
get_filter (PlOverviewPage *self,
            PlStatsFilter  *filter,
            char          **from,
            char          **to)
{
  guint partner = gtk_drop_down_get_selected (self->partner_dropdown);
  Period period = gtk_drop_down_get_selected (self->period_dropdown);
  GDate today, start, end;

  filter->partner = NULL;
  filter->from = filter->to = NULL;
  *from = *to = NULL;

  if (partner > 0 && partner < g_list_model_get_n_items (G_LIST_MODEL (self->partner_names)))
    filter->partner = gtk_string_list_get_string (self->partner_names, partner);

  if (period != PERIOD_THIS_YEAR && period != PERIOD_LAST_YEAR)
    return;

  pl_context_get_today (self->context, &today);
  pl_date_academic_year_start (&today, &start);
  if (period == PERIOD_LAST_YEAR)
    g_date_subtract_years (&start, 1);
  end = start;
  g_date_add_years (&end, 1);
  g_date_subtract_days (&end, 1);
  filter->from = *from = pl_date_to_iso (&start);
  filter->to = *to = pl_date_to_iso (&end);
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
  g_autofree char *accessible = g_strdup_printf ("%s: %s", label, text);

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
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_flow_box_append (self->cards_box, box);
}

static void
fill_cards (PlOverviewPage *self,
            JsonObject     *root)
{
  JsonObject *observations = json_object_get_object_member (root, "observations");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_flow_box_remove (self->cards_box, child);

  add_card (self, json_object_get_int_member (json_object_get_object_member (root, "placements"),
                                              "total"),
            _("Placements that took place"));
  add_card (self, json_object_get_int_member (root, "employers"), _("Employers hosting"));
  add_card (self, json_object_get_int_member (root, "sectors"), _("Sectors"));
  add_card (self, json_object_get_int_member (root, "staff_engaged"), _("Staff engaged"));
  add_card (self, json_object_get_int_member (root, "colleagues_reached"),
            _("Colleagues reached"));
  add_card (self, json_object_get_int_member (root, "students_reached"), _("Students reached"));
  add_card (self, json_object_get_int_member (observations, "staff_observed"),
            _("Staff observed before and after"));
  add_card (self, json_object_get_int_member (json_object_get_object_member (root,
                                                                             "student_survey"),
                                              "responses"),
            _("Student survey responses"));
  add_card (self, json_object_get_int_member (json_object_get_object_member (root,
                                                                             "employer_survey"),
                                              "responses"),
            _("Employer survey responses"));
}

static void
set_chart_note (PlOverviewPage *self,
                Chart           chart,
                const char     *note)
{
  gtk_label_set_text (self->chart_notes[chart], note);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_notes[chart]), note != NULL);
}

static void
fill_sectors (PlOverviewPage *self,
              JsonObject     *placements)
{
  PlBarChart *chart = self->charts[CHART_SECTORS];
  JsonObject *by_sector = json_object_get_object_member (placements, "by_sector");
  g_autoptr(GList) sectors = json_object_get_members (by_sector);

  pl_bar_chart_clear (chart);
  for (GList *l = sectors; l != NULL; l = l->next)
    {
      gint64 n = json_object_get_int_member (by_sector, l->data);
      g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%s: %d placement took place",
                                                               "%s: %d placements took place",
                                                               (gulong) n),
                                                  (const char *) l->data, (int) n);

      pl_bar_chart_add (chart, l->data, n, tooltip);
    }
  set_chart_note (self, CHART_SECTORS,
                  sectors == NULL ? _("No placement took place in this period.") : NULL);
}

/* How many placements reached each step: a placement at "cascaded" has
 * passed every step before it. Cancelled ones are left out. */
static void
fill_funnel (PlOverviewPage *self,
             JsonObject     *placements)
{
  PlBarChart *chart = self->charts[CHART_FUNNEL];
  JsonObject *by_status = json_object_get_object_member (placements, "by_status");
  guint n_steps = g_strv_length ((char **) pl_enum_get_nicks (PL_TYPE_PLACEMENT_STATUS)) - 1;
  gint64 reached = 0;
  gint64 *at = g_newa (gint64, n_steps);

  g_assert (g_str_equal (pl_enum_get_nicks (PL_TYPE_PLACEMENT_STATUS)[n_steps], "cancelled"));

  for (guint i = 0; i < n_steps; i++)
    {
      at[i] = json_object_get_int_member (by_status, pl_enum_get_nicks (PL_TYPE_PLACEMENT_STATUS)[i]);
      reached += at[i];
    }

  pl_bar_chart_clear (chart);
  for (guint i = 0; i < n_steps; i++)
    {
      const char *label = pl_enum_label (pl_enum_get_nicks (PL_TYPE_PLACEMENT_STATUS)[i]);
      g_autofree char *tooltip = NULL;

      /* TRANSLATORS: "Agreed: 14 placements reached this step, 1 is at it now" */
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s: %d placement reached this step, %d at it now",
                                              "%s: %d placements reached this step, %d at it now",
                                              (gulong) reached),
                                 label, (int) reached, (int) at[i]);
      pl_bar_chart_add (chart, label, reached, tooltip);
      reached -= at[i];
    }
  set_chart_note (self, CHART_FUNNEL, NULL);
}

static void
fill_improved (PlOverviewPage *self,
               JsonObject     *observations)
{
  PlBarChart *chart = self->charts[CHART_IMPROVED];
  JsonObject *improved = json_object_get_object_member (observations, "improved");
  gint64 observed = json_object_get_int_member (observations, "staff_observed");
  g_autofree char *title = NULL;
  g_autofree char *suffix = NULL;

  /* TRANSLATORS: a chart's title, "Improvements per Criterion, of 24 Staff Observed" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Improvements per Criterion, of %d Staff Member Observed",
                                        "Improvements per Criterion, of %d Staff Observed",
                                        (gulong) observed),
                           (int) observed);
  /* TRANSLATORS: after a count on a chart, "9 of 24" */
  suffix = g_strdup_printf (_("of %d"), (int) observed);
  pl_bar_chart_set_title (chart, title);
  pl_bar_chart_set_scale (chart, observed, suffix);

  pl_bar_chart_clear (chart);
  for (guint i = 0; i < PL_N_CRITERIA; i++)
    {
      gint64 n = json_object_get_int_member (improved, pl_criteria[i]);
      const char *label = pl_enum_label (pl_criteria[i]);
      g_autofree char *tooltip = NULL;

      /* TRANSLATORS: "Use of technology: 9 of 24 staff observed improved (38%)";
       * write the percentage as your language does */
      tooltip = g_strdup_printf (_("%s: %d of %d staff observed improved (%d%%)"), label, (int) n,
                                 (int) observed, pl_stats_percent (n, observed));
      pl_bar_chart_add (chart, label, n, tooltip);
    }
  set_chart_note (self, CHART_IMPROVED,
                  observed == 0 ? _("Nobody was observed both before and after a placement in "
                                    "this period.") : NULL);
}

static void
fill_survey (PlOverviewPage *self,
             Chart           which,
             JsonObject     *survey,
             const char     *kind)
{
  PlBarChart *chart = self->charts[which];
  const char * const *questions = pl_survey_questions (kind);
  JsonObject *pct = json_object_get_object_member (survey, "agree_pct");
  JsonObject *agreed = json_object_get_object_member (survey, "agreed");
  JsonObject *answered = json_object_get_object_member (survey, "answered");
  gint64 responses = json_object_get_int_member (survey, "responses");
  g_autofree char *title = NULL;

  if (g_str_equal (kind, "student"))
    /* TRANSLATORS: a chart's title, "Students Who Agree, of 73 Responses" */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Students Who Agree, of %d Response",
                                          "Students Who Agree, of %d Responses",
                                          (gulong) responses), (int) responses);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Employers Who Agree, of %d Response",
                                          "Employers Who Agree, of %d Responses",
                                          (gulong) responses), (int) responses);
  pl_bar_chart_set_title (chart, title);

  pl_bar_chart_clear (chart);
  for (guint i = 0; questions[i] != NULL; i++)
    {
      gint64 n = json_object_get_int_member (answered, questions[i]);
      const char *label = pl_survey_question_short_label (questions[i]);
      g_autofree char *tooltip = NULL;

      /* A question nobody answered has no percentage to draw. */
      if (n == 0)
        continue;
      /* TRANSLATORS: "Know more about the workplace: 97% agree (71 of 73 who answered)";
       * write the percentage as your language does */
      tooltip = g_strdup_printf (_("%s: %d%% agree (%d of %d who answered)"),
                                 pl_survey_question_label (questions[i]),
                                 (int) json_object_get_int_member (pct, questions[i]),
                                 (int) json_object_get_int_member (agreed, questions[i]), (int) n);
      pl_bar_chart_add (chart, label, json_object_get_int_member (pct, questions[i]), tooltip);
    }
  set_chart_note (self, which,
                  pl_bar_chart_get_n_bars (chart) == 0 ? _("No response in this period.") : NULL);
}

static void
on_figures_computed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(PlOverviewPage) self = data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  node = pl_stats_compute_finish (PL_STORE (source), result, &error);
  if (node == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pl_widget_show_error (GTK_WIDGET (self), _("Could not count the figures"), error);
      return;
    }
  g_clear_object (&self->figures_cancellable);
  root = json_node_get_object (node);

  fill_cards (self, root);
  fill_sectors (self, json_object_get_object_member (root, "placements"));
  fill_funnel (self, json_object_get_object_member (root, "placements"));
  fill_improved (self, json_object_get_object_member (root, "observations"));
  fill_survey (self, CHART_STUDENTS, json_object_get_object_member (root, "student_survey"),
               "student");
  fill_survey (self, CHART_EMPLOYERS, json_object_get_object_member (root, "employer_survey"),
               "employer");
}

/* The figures are counted over the whole network: in the store's worker,
 * the previous count given up when the filter changes meanwhile. */
static void
fill_figures (PlOverviewPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  PlStatsFilter filter;

  reload_partners (self);
  get_filter (self, &filter, &from, &to);

  g_cancellable_cancel (self->figures_cancellable);
  g_clear_object (&self->figures_cancellable);
  self->figures_cancellable = g_cancellable_new ();
  pl_stats_compute_async (pl_context_get_store (self->context), &filter,
                          self->figures_cancellable, on_figures_computed, g_object_ref (self));
}

static void
on_filter_changed (PlOverviewPage *self)
{
  if (self->updating_partners || self->context == NULL)
    return;
  fill_figures (self);
}

static void
on_lists_read (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(PlOverviewPage) self = data;
  g_autoptr(PlOverviewLists) lists = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *yesterday = NULL;
  g_autofree char *week_end = NULL;
  GDate today;

  lists = pl_overview_read_finish (PL_STORE (source), result, &error);
  if (lists == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pl_widget_show_error (GTK_WIDGET (self), _("Could not read what is due"), error);
      return;
    }
  g_clear_object (&self->lists_cancellable);

  /* The day the lists were read for. */
  today = self->lists_day;
  from = pl_date_to_iso (&today);
  to = pl_date_iso_add_days (from, PL_OVERVIEW_COMING_DAYS);

#define LIST(KIND) lists->items[KIND], lists->totals[KIND]
  yesterday = pl_date_iso_add_days (from, -1);
  week_end = pl_date_iso_add_days (from, 6);
  fill_list (self, self->overdue_group, self->overdue_list, LIST (PL_OVERVIEW_OVERDUE),
             describe_late, _("Nothing is overdue."), &today, "win.show-milestones-due",
             g_variant_new ("(ss)", "", yesterday));
  fill_list (self, self->week_group, self->week_list, LIST (PL_OVERVIEW_DUE_THIS_WEEK),
             describe_soon, _("Nothing is due in the next seven days."), &today,
             "win.show-milestones-due", g_variant_new ("(ss)", from, week_end));
  fill_list (self, self->coming_group, self->coming_list, LIST (PL_OVERVIEW_COMING),
             describe_soon, _("No placement takes place in the next 30 days."), &today,
             "win.show-taking-place", g_variant_new ("(ss)", from, to));
  fill_list (self, self->requests_group, self->requests_list, LIST (PL_OVERVIEW_REQUESTS), NULL,
             _("Every request has its days."), &today, "win.show-requests-without-days", NULL);
  fill_list (self, self->employers_group, self->employers_list, LIST (PL_OVERVIEW_ATTENTION),
             describe_follow_up, _("No employer needs attention."), &today,
             "win.show-employers-needing-attention", NULL);
#undef LIST
}

/* Before the first placement there is nothing due and nothing to count:
 * the page offers the step that comes first instead of empty lists. */
static void
update_empty (PlOverviewPage *self)
{
  PlStore *store = pl_context_get_store (self->context);
  gboolean empty = !pl_store_has_any (store, PL_TYPE_PLACEMENT);

  if (empty)
    pl_first_step_update (self->empty_page, self->empty_button, store, PL_TYPE_PLACEMENT,
                          _("What is due each day, the placements coming up and the network’s "
                            "figures appear here once there is a first request."),
                          _("_New Request"), "win.add-first::request");
  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "lists");
}

/**
 * pl_overview_page_refresh:
 *
 * Reads the lists and the figures again, in the store's worker: the page
 * keeps what it shows until they arrive, so that nothing jumps.
 */
void
pl_overview_page_refresh (PlOverviewPage *self)
{
  g_return_if_fail (PL_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->context == NULL)
    return;

  pl_context_get_today (self->context, &self->lists_day);
  update_empty (self);

  g_cancellable_cancel (self->lists_cancellable);
  g_clear_object (&self->lists_cancellable);
  self->lists_cancellable = g_cancellable_new ();
  /* One row more than a list shows tells whether there are more. */
  pl_overview_read_async (pl_context_get_store (self->context), &self->lists_day, ROWS + 1,
                          (guint) g_settings_get_int (pl_context_get_settings (self->context),
                                                      "attention-months"),
                          self->lists_cancellable, on_lists_read, g_object_ref (self));
  fill_figures (self);
}

/**
 * pl_overview_page_is_reading:
 *
 * Returns: whether the lists or the figures are still being read.
 */
gboolean
pl_overview_page_is_reading (PlOverviewPage *self)
{
  g_return_val_if_fail (PL_IS_OVERVIEW_PAGE (self), FALSE);

  return self->lists_cancellable != NULL || self->figures_cancellable != NULL;
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
  g_cancellable_cancel (self->lists_cancellable);
  g_clear_object (&self->lists_cancellable);
  g_cancellable_cancel (self->figures_cancellable);
  g_clear_object (&self->figures_cancellable);
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
          /* Which employers need attention depends on it. */
          g_signal_connect_object (pl_context_get_settings (self->context),
                                   "changed::attention-months",
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
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, empty_button);
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
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, figures_group);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, partner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, partner_names);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, PlOverviewPage, charts_box);

  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
}

static void
pl_overview_page_init (PlOverviewPage *self)
{
  static const char * const titles[N_CHARTS] = {
    N_("Placements by Sector"),
    N_("Placements by Step Reached"),
    NULL, /* set with the figures */
    NULL,
    NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->content_stack, "lists");

  gtk_string_list_append (self->partner_names, _("Every partner"));

  /* Each chart in a card of its own, with a line for when it is empty. */
  for (guint i = 0; i < N_CHARTS; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *chart = pl_bar_chart_new ();
      GtkWidget *note = gtk_label_new (NULL);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_margin_top (chart, 18);
      gtk_widget_set_margin_bottom (chart, 18);
      gtk_widget_set_margin_start (chart, 18);
      gtk_widget_set_margin_end (chart, 18);
      if (titles[i] != NULL)
        pl_bar_chart_set_title (PL_BAR_CHART (chart), _(titles[i]));
      if (i == CHART_STUDENTS || i == CHART_EMPLOYERS)
        pl_bar_chart_set_scale (PL_BAR_CHART (chart), 100, "%");

      gtk_widget_add_css_class (note, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_set_margin_start (note, 18);
      gtk_widget_set_margin_end (note, 18);
      gtk_widget_set_margin_bottom (note, 18);
      gtk_widget_set_visible (note, FALSE);

      gtk_box_append (GTK_BOX (card), chart);
      gtk_box_append (GTK_BOX (card), note);
      gtk_box_append (self->charts_box, card);
      self->charts[i] = PL_BAR_CHART (chart);
      self->chart_notes[i] = GTK_LABEL (note);
    }
}
