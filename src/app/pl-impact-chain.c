/* pl-impact-chain.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-impact-chain"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date-picker-row.h"
#include "pl-date.h"
#include "pl-impact-chain.h"
#include "pl-stats.h"
#include "pl-impact.h"
#include "pl-observation-dialog.h"
#include "pl-survey.h"

/* The story of one member of staff's placements, in the order it
 * happened: for each placement, what they set out to learn (the planner's
 * aims and goals), what they learned (the reflection) and whom it reached
 * (the cascade); then how their teaching was observed to change, and what
 * their learners and hosts said. Everything comes from pl_impact_chain(),
 * so the page says what `placements-cli impact` prints; it is read again
 * whenever a table it draws on changes. */
struct _PlImpactChain
{
  GtkWidget   parent_instance;

  PlContext  *context;
  gint64      staff_id;
  guint       refresh_id;
  guint       step;        /* the number of the last step shown */

  /* Template widgets */
  GtkLabel   *name_label;
  GtkLabel   *role_label;
  GtkBox     *sections_box;
};

G_DEFINE_FINAL_TYPE (PlImpactChain, pl_impact_chain, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_STAFF_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The tables the chain is made of. */
static const char * const watched_tables[] = {
  "staff", "partner", "placement", "placement_day", "cascade", "observation",
  "survey_response", "employer", NULL
};

static const char *
text_of (JsonObject *object,
         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

static GtkWidget *
add_group (PlImpactChain *self,
           const char    *title,
           const char    *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->sections_box, group);
  return group;
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* A heading over a paragraph of the staff member's own words, which read
 * better as body text than as a dimmed subtitle. */
static void
add_text_block (GtkWidget  *group,
                const char *heading,
                const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text);

  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_dim_row (GtkWidget  *group,
             const char *text)
{
  gtk_widget_add_css_class (add_row (group, text, NULL), "dim-label");
}

static void
add_suffix (GtkWidget  *row,
            const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, style != NULL ? style : "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static void
add_icon (GtkWidget  *row,
          const char *icon,
          const char *style,
          const char *label)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  if (style != NULL)
    gtk_widget_add_css_class (image, style);
  gtk_widget_set_tooltip_text (image, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
}

/* "The Saltmarsh Table" or, before matching, "Digital (no employer yet)". */
static char *
placement_name (JsonObject *placement)
{
  const char *employer = text_of (placement, "employer");

  if (employer != NULL)
    return g_strdup (employer);
  /* TRANSLATORS: a placement request not yet matched, by its sector */
  return g_strdup_printf (_("%s (no employer yet)"), text_of (placement, "sector"));
}

/* The next step's title, numbered down the page; with several placements,
 * whose step it is. */
static char *
step_title (PlImpactChain *self,
            const char    *step,
            JsonObject    *placement,
            guint          n_placements)
{
  g_autofree char *name = NULL;

  self->step++;
  if (placement == NULL || n_placements <= 1)
    /* TRANSLATORS: a numbered step of a story, "1 · Aims" */
    return g_strdup_printf (_("%u · %s"), self->step, step);
  name = placement_name (placement);
  /* TRANSLATORS: a numbered step and the placement it belongs to, "1 · Aims · The Saltmarsh Table" */
  return g_strdup_printf (_("%u · %s · %s"), self->step, step, name);
}

static void
add_placement_steps (PlImpactChain *self,
                     JsonObject    *placement,
                     guint          n_placements,
                     const char    *first_name)
{
  JsonArray *aims = json_object_get_array_member (placement, "aims");
  JsonObject *reflection = json_object_get_object_member (placement, "reflection");
  JsonArray *cascades = json_object_get_array_member (placement, "cascades");
  JsonObject *reached = json_object_get_object_member (placement, "reached");
  const char *first = text_of (placement, "first_day");
  const char *last = text_of (placement, "last_day");
  g_autofree char *name = placement_name (placement);
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *description = NULL;
  GtkWidget *group;
  gboolean any = FALSE;

  /* The placement itself. */
  if (first == NULL)
    when = g_strdup (_("no days yet"));
  else if (g_strcmp0 (first, last) == 0)
    when = pl_date_format (first, _("%-d %B %Y"));
  else
    {
      g_autofree char *from = pl_date_format (first, _("%-d %B %Y"));
      g_autofree char *to = pl_date_format (last, _("%-d %B %Y"));

      /* TRANSLATORS: the first and last day of a placement */
      when = g_strdup_printf (_("%s to %s"), from, to);
    }
  heading = g_strdup_printf ("%s · %s · %s", text_of (placement, "sector"), when,
                             pl_enum_label (text_of (placement, "status")));

  /* 1 · Aims */
  title = step_title (self, _("Aims"), placement, n_placements);
  description = g_strdup_printf (_("What %s set out to learn at %s (%s)."), first_name, name,
                                 heading);
  group = add_group (self, title, description);
  for (guint i = 0; i < json_array_get_length (aims); i++)
    {
      GtkWidget *row = add_row (group, pl_enum_label (json_array_get_string_element (aims, i)),
                                NULL);

      add_icon (row, "emblem-ok-symbolic", "accent", _("Aim"));
      any = TRUE;
    }
  if (text_of (placement, "goals") != NULL)
    add_text_block (group, _("Own goals"), text_of (placement, "goals")), any = TRUE;
  if (text_of (placement, "sector_priority") != NULL)
    add_text_block (group, _("Why this sector is a priority"),
                    text_of (placement, "sector_priority")),
      any = TRUE;
  if (text_of (placement, "equality_aims") != NULL)
    add_text_block (group, _("Equality and diversity aims"), text_of (placement, "equality_aims")),
      any = TRUE;
  if (!any)
    add_dim_row (group, _("The pre-placement planner is empty."));

  /* 2 · Reflection */
  g_clear_pointer (&title, g_free);
  title = step_title (self, _("Reflection"), placement, n_placements);
  group = add_group (self, title, NULL);
  any = FALSE;
  if (text_of (reflection, "learned") != NULL)
    add_text_block (group, _("What was learned"), text_of (reflection, "learned")), any = TRUE;
  if (text_of (reflection, "students") != NULL)
    add_text_block (group, _("What will change for students"), text_of (reflection, "students")),
      any = TRUE;
  if (text_of (reflection, "colleagues") != NULL)
    add_text_block (group, _("What will be passed to colleagues"),
                    text_of (reflection, "colleagues")),
      any = TRUE;
  if (!any)
    add_dim_row (group, _("No reflection written yet."));

  /* 3 · Cascade */
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&description, g_free);
  title = step_title (self, _("Cascade"), placement, n_placements);
  if (json_array_get_length (cascades) > 0)
    {
      gint64 colleagues = json_object_get_int_member (reached, "colleagues");
      gint64 students = json_object_get_int_member (reached, "students");
      g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d colleague",
                                                         "%d colleagues", (gulong) colleagues),
                                            (int) colleagues);
      g_autofree char *s = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d student",
                                                         "%d students", (gulong) students),
                                            (int) students);

      /* TRANSLATORS: "Reached 3 colleagues and 28 students." */
      description = g_strdup_printf (_("Reached %s and %s."), c, s);
    }
  group = add_group (self, title, description);
  for (guint i = 0; i < json_array_get_length (cascades); i++)
    {
      JsonObject *cascade = json_array_get_object_element (cascades, i);
      gint64 people = json_object_get_int_member (cascade, "people");
      g_autofree char *date = pl_date_format (text_of (cascade, "date"), _("%-d %B %Y"));
      g_autofree char *row_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%s · %d person",
                                                                 "%s · %d people",
                                                                 (gulong) people),
                                                    pl_enum_label (text_of (cascade, "audience")),
                                                    (int) people);
      g_autofree char *subtitle = text_of (cascade, "notes") != NULL
        ? g_strdup_printf ("%s · %s", date, text_of (cascade, "notes"))
        : g_strdup (date);

      add_row (group, row_title, subtitle);
    }
  if (json_array_get_length (cascades) == 0)
    add_dim_row (group, _("Not passed on yet."));
}

/* A colleague's story starts with someone else's placement: the learning
 * reached them through its cascade. */
static void
add_reached_by (PlImpactChain *self,
                JsonArray     *reached_by,
                const char    *first_name,
                guint          n_placements)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GtkWidget *group;

  if (json_array_get_length (reached_by) == 0)
    {
      if (n_placements == 0)
        add_dim_row (add_group (self, _("Placements"), NULL), _("No placement yet."));
      return;
    }

  title = step_title (self, _("How the Learning Came"), NULL, 0);
  /* TRANSLATORS: "Fatima was observed against these placements of colleagues, whose learning was passed on to them." */
  description = g_strdup_printf (_("%s was observed against these placements of colleagues, "
                                   "whose learning was passed on."), first_name);
  group = add_group (self, title, description);
  for (guint i = 0; i < json_array_get_length (reached_by); i++)
    {
      JsonObject *other = json_array_get_object_element (reached_by, i);
      const char *where = text_of (other, "employer") != NULL ? text_of (other, "employer")
                                                              : text_of (other, "sector");
      g_autofree char *row_title = NULL;
      g_autofree char *when = pl_date_format (text_of (other, "first_day"), _("%-d %B %Y"));

      /* TRANSLATORS: "Marguerite Okafor’s placement at The Saltmarsh Table" */
      row_title = g_strdup_printf (_("%s’s placement at %s"), text_of (other, "staff"), where);
      add_row (group, row_title, when);
    }
}

static void
add_side_text (GString    *text,
               JsonObject *side)
{
  g_autofree char *date = pl_date_format (text_of (side, "date"), _("%-d %b %Y"));

  g_string_append (text, date);
  if (text_of (side, "observer") != NULL)
    g_string_append_printf (text, ", %s", text_of (side, "observer"));
  if (json_object_get_boolean_member (side, "independent"))
    g_string_append_printf (text, ", %s", _("independent"));
}

static void
add_observations (PlImpactChain *self,
                  JsonObject    *root)
{
  JsonObject *observations = json_object_get_object_member (root, "observations");
  JsonArray *criteria = json_object_get_array_member (observations, "criteria");
  JsonArray *colleagues = json_object_get_array_member (root, "colleagues");
  JsonNode *before = json_object_get_member (observations, "before");
  JsonNode *after = json_object_get_member (observations, "after");
  gboolean observed = json_object_get_boolean_member (observations, "observed");
  g_autoptr(GString) description = g_string_new (NULL);
  GtkWidget *group;

  if (observed)
    {
      gint64 improved = json_object_get_int_member (observations, "improved");
      JsonNode *progressed = json_object_get_member (observations, "learners_progressed");

      g_string_append (description, _("The last lesson observed before ("));
      add_side_text (description, json_node_get_object (before));
      g_string_append (description, _(") against the first after ("));
      add_side_text (description, json_node_get_object (after));
      g_string_append (description, "). ");
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE, "Improved in %d criterion of %d.",
                                           "Improved in %d criteria of %d.", (gulong) improved),
                              (int) improved, PL_N_CRITERIA);
      if (!JSON_NODE_HOLDS_NULL (progressed))
        g_string_append_printf (description, " %s",
                                json_node_get_boolean (progressed)
                                  ? _("Learners progressed.")
                                  : _("Learners did not progress in that lesson."));
    }
  else if (!JSON_NODE_HOLDS_NULL (before))
    g_string_append (description, _("Observed before the placement; a lesson observed after it "
                                    "will show what changed."));
  else if (!JSON_NODE_HOLDS_NULL (after))
    g_string_append (description, _("Observed after the placement only: with no lesson observed "
                                    "before, there is nothing to compare."));
  else
    g_string_append (description, _("No lesson observed yet."));

  {
    g_autofree char *title = step_title (self, _("Observations Before and After"), NULL, 0);

    group = add_group (self, title, description->str);
  }

  if (observed)
    for (guint i = 0; i < json_array_get_length (criteria); i++)
      {
        JsonObject *criterion = json_array_get_object_element (criteria, i);
        JsonNode *b = json_object_get_member (criterion, "before");
        JsonNode *a = json_object_get_member (criterion, "after");
        int rb = JSON_NODE_HOLDS_NULL (b) ? 0 : (int) json_node_get_int (b);
        int ra = JSON_NODE_HOLDS_NULL (a) ? 0 : (int) json_node_get_int (a);
        g_autofree char *subtitle = NULL;
        GtkWidget *row;
        char before_text[8] = "–";
        char after_text[8] = "–";
        g_autofree char *change = NULL;

        /* Nothing to say about a criterion neither lesson showed. */
        if (rb == 0 && ra == 0)
          continue;

        subtitle = g_strdup_printf (_("%s → %s"), pl_observation_rating_label (rb),
                                    pl_observation_rating_label (ra));
        row = add_row (group, pl_enum_label (text_of (criterion, "key")), subtitle);

        if (rb > 0)
          g_snprintf (before_text, sizeof before_text, "%d", rb);
        if (ra > 0)
          g_snprintf (after_text, sizeof after_text, "%d", ra);
        change = g_strdup_printf ("%s → %s", before_text, after_text);
        add_suffix (row, change, NULL);
        if (json_object_get_boolean_member (criterion, "improved"))
          add_icon (row, "emblem-ok-symbolic", "success", _("Improved"));
        else
          {
            GtkWidget *space = gtk_image_new ();

            /* Keeps the titles in one column. */
            gtk_image_set_pixel_size (GTK_IMAGE (space), 16);
            adw_action_row_add_prefix (ADW_ACTION_ROW (row), space);
          }
      }

  /* Colleagues observed against these placements: the cascade's reach. */
  for (guint i = 0; i < json_array_get_length (colleagues); i++)
    {
      JsonObject *colleague = json_array_get_object_element (colleagues, i);
      gint64 improved = json_object_get_int_member (colleague, "improved");
      g_autofree char *title = g_strdup_printf (_("Colleague: %s"), text_of (colleague, "name"));
      g_autofree char *subtitle = NULL;

      if (json_object_get_boolean_member (colleague, "observed"))
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Observed before and after the cascade: "
                                                 "improved in %d criterion",
                                                 "Observed before and after the cascade: "
                                                 "improved in %d criteria", (gulong) improved),
                                    (int) improved);
      else
        subtitle = g_strdup (_("Not yet observed both before and after"));
      add_row (group, title, subtitle);
    }
}

static void
add_survey (PlImpactChain *self,
            JsonObject    *survey,
            const char    *kind,
            const char    *first_name)
{
  const char * const *questions = pl_survey_questions (kind);
  JsonObject *pct = json_object_get_object_member (survey, "agree_pct");
  JsonObject *agreed = json_object_get_object_member (survey, "agreed");
  JsonObject *answered = json_object_get_object_member (survey, "answered");
  gint64 responses = json_object_get_int_member (survey, "responses");
  g_autofree char *description = NULL;
  GtkWidget *group;
  g_autofree char *title = step_title (self, g_str_equal (kind, "student")
                                               ? _("What Students Said")
                                               : _("What Employers Said"), NULL, 0);

  /* TRANSLATORS: "5 responses linked to Marguerite or to the placements." */
  if (responses > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%d response linked to %s or to the placements.",
                                                "%d responses linked to %s or to the placements.",
                                                (gulong) responses), (int) responses, first_name);
  group = add_group (self, title, description);

  if (responses == 0)
    {
      add_dim_row (group, g_str_equal (kind, "student") ? _("No student survey linked yet.")
                                                       : _("No employer survey linked yet."));
      return;
    }

  for (guint i = 0; questions[i] != NULL; i++)
    {
      gint64 n = json_object_get_int_member (answered, questions[i]);
      gint64 yes = json_object_get_int_member (agreed, questions[i]);
      g_autofree char *subtitle = NULL;
      g_autofree char *percent = NULL;
      GtkWidget *row;

      if (n == 0)
        continue;
      /* TRANSLATORS: "5 of 6 who answered agreed" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d who answered agreed",
                                               "%d of %d who answered agreed", (gulong) n),
                                  (int) yes, (int) n);
      percent = pl_stats_format_percent ((int) json_object_get_int_member (pct, questions[i]));
      row = add_row (group, pl_survey_question_label (questions[i]), subtitle);
      add_suffix (row, percent, "heading");
    }
}

static void
remove_sections (PlImpactChain *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
}

static void
pl_impact_chain_refresh (PlImpactChain *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *role = NULL;
  JsonObject *root, *staff, *surveys;
  JsonArray *placements;
  const char *name;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  remove_sections (self);
  gtk_label_set_text (self->name_label, "");
  gtk_label_set_text (self->role_label, "");

  if (self->context == NULL || self->staff_id <= 0)
    return;

  node = pl_impact_chain (pl_context_get_store (self->context), self->staff_id, &error);
  if (node == NULL)
    {
      gtk_label_set_text (self->name_label, _("No Impact to Show"));
      gtk_label_set_text (self->role_label, error->message);
      return;
    }

  root = json_node_get_object (node);
  staff = json_object_get_object_member (root, "staff");
  placements = json_object_get_array_member (root, "placements");
  surveys = json_object_get_object_member (root, "surveys");

  name = text_of (staff, "name");
  gtk_label_set_text (self->name_label, name);
  if (text_of (staff, "job_title") != NULL)
    role = g_strdup_printf ("%s · %s", text_of (staff, "job_title"), text_of (staff, "partner"));
  else
    role = g_strdup (text_of (staff, "partner"));
  gtk_label_set_text (self->role_label, role);

  /* "Marguerite set out to learn": the first word of the name reads as
   * a person, where the full name would be heavy in every step. */
  first_name = g_strdup (name);
  if (strchr (first_name, ' ') != NULL)
    *strchr (first_name, ' ') = '\0';

  self->step = 0;
  for (guint i = 0; i < json_array_get_length (placements); i++)
    add_placement_steps (self, json_array_get_object_element (placements, i),
                         json_array_get_length (placements), first_name);
  add_reached_by (self, json_object_get_array_member (root, "reached_by"), first_name,
                  json_array_get_length (placements));

  add_observations (self, root);
  add_survey (self, json_object_get_object_member (surveys, "student"), "student", first_name);
  add_survey (self, json_object_get_object_member (surveys, "employer"), "employer", first_name);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  PlImpactChain *self = data;

  self->refresh_id = 0;
  pl_impact_chain_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (PlImpactChain *self,
                  const char    *table)
{
  if (!g_strv_contains (watched_tables, table))
    return;

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
set_context (PlImpactChain *self,
             PlContext     *context)
{
  if (!pl_context_replace (&self->context, context, G_CALLBACK (on_store_changed), self))
    return;

  pl_impact_chain_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
pl_impact_chain_dispose (GObject *object)
{
  PlImpactChain *self = (PlImpactChain *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_IMPACT_CHAIN);
  /* The template's top child has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_impact_chain_parent_class)->dispose (object);
}

static void
pl_impact_chain_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlImpactChain *self = PL_IMPACT_CHAIN (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->staff_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_impact_chain_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PlImpactChain *self = PL_IMPACT_CHAIN (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;

    case PROP_STAFF_ID:
      pl_impact_chain_set_staff (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_impact_chain_class_init (PlImpactChainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_impact_chain_dispose;
  object_class->get_property = pl_impact_chain_get_property;
  object_class->set_property = pl_impact_chain_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STAFF_ID] =
    g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-impact-chain.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlImpactChain, name_label);
  gtk_widget_class_bind_template_child (widget_class, PlImpactChain, role_label);
  gtk_widget_class_bind_template_child (widget_class, PlImpactChain, sections_box);
}

static void
pl_impact_chain_init (PlImpactChain *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pl_impact_chain_new (void)
{
  return g_object_new (PL_TYPE_IMPACT_CHAIN, NULL);
}

void
pl_impact_chain_set_staff (PlImpactChain *self,
                           gint64         staff_id)
{
  g_return_if_fail (PL_IS_IMPACT_CHAIN (self));

  if (self->staff_id == staff_id)
    return;

  self->staff_id = staff_id;
  pl_impact_chain_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
}

gint64
pl_impact_chain_get_staff (PlImpactChain *self)
{
  g_return_val_if_fail (PL_IS_IMPACT_CHAIN (self), 0);
  return self->staff_id;
}

/**
 * pl_impact_chain_show_window:
 * @parent: (nullable): the window it belongs to
 * @context: the context holding the store
 * @staff_id: the member of staff
 *
 * Returns: (transfer none): the window, shown; destroyed when closed
 */
GtkWindow *
pl_impact_chain_show_window (GtkWindow *parent,
                             PlContext *context,
                             gint64     staff_id)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *chain = pl_impact_chain_new ();

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  {
    g_autoptr(PlRecord) staff = pl_store_get (pl_context_get_store (context), PL_TYPE_STAFF,
                                              staff_id, NULL);
    g_autofree char *title = NULL;

    /* TRANSLATORS: the title of a window showing one person's impact */
    title = staff != NULL ? g_strdup_printf (_("Impact of %s"),
                                             pl_record_get_string (staff, "name"))
                          : g_strdup (_("Impact"));
    gtk_window_set_title (GTK_WINDOW (window), title);
  }
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 820);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  g_object_set (chain, "context", context, "staff-id", staff_id, NULL);
  gtk_widget_set_margin_top (chain, 24);
  gtk_widget_set_margin_bottom (chain, 24);
  gtk_widget_set_margin_start (chain, 12);
  gtk_widget_set_margin_end (chain, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), chain);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                    0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
