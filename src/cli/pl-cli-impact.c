/* pl-cli-impact.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-impact.h"
#include "pl-stats.h"
#include "pl-survey.h"

/* `impact --staff NAME [--json]`: the impact chain of one member of
 * staff, from the aims of their placements to their learners' surveys. */

static const char *
text_or (JsonObject *object,
         const char *member,
         const char *fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return fallback;
  return json_node_get_string (node);
}

static void
print_text (const char *label,
            JsonObject *object,
            const char *member)
{
  const char *text = text_or (object, member, NULL);

  if (text != NULL)
    g_print ("  %s: %s\n", label, text);
}

static void
print_placement (JsonObject *placement)
{
  JsonArray *aims = json_object_get_array_member (placement, "aims");
  JsonArray *cascades = json_object_get_array_member (placement, "cascades");
  JsonObject *reflection = json_object_get_object_member (placement, "reflection");
  const char *first = text_or (placement, "first_day", NULL);
  const char *last = text_or (placement, "last_day", NULL);

  g_print (_("Placement %" G_GINT64_FORMAT ": %s, %s (%s)\n"),
           json_object_get_int_member (placement, "id"),
           text_or (placement, "employer", _("no employer yet")),
           text_or (placement, "sector", ""),
           pl_enum_label (text_or (placement, "status", "")));
  if (first != NULL && g_strcmp0 (first, last) != 0)
    g_print (_("  Days: %s to %s\n"), first, last);
  else if (first != NULL)
    g_print (_("  Day: %s\n"), first);

  for (guint i = 0; i < json_array_get_length (aims); i++)
    g_print (_("  Aim: %s\n"), pl_enum_label (json_array_get_string_element (aims, i)));
  print_text (_("Own goals"), placement, "goals");
  print_text (_("Why this sector"), placement, "sector_priority");
  print_text (_("Equality and diversity aims"), placement, "equality_aims");
  print_text (_("What was learned"), reflection, "learned");
  print_text (_("What will change for students"), reflection, "students");
  print_text (_("What will be passed to colleagues"), reflection, "colleagues");

  for (guint i = 0; i < json_array_get_length (cascades); i++)
    {
      JsonObject *cascade = json_array_get_object_element (cascades, i);

      g_print (_("  Cascade %s: %" G_GINT64_FORMAT " (%s)\n"), text_or (cascade, "date", ""),
               json_object_get_int_member (cascade, "people"),
               pl_enum_label (text_or (cascade, "audience", "")));
    }
}

static void
print_side (const char *label,
            JsonObject *observations,
            const char *member)
{
  JsonNode *node = json_object_get_member (observations, member);
  JsonObject *side;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_print (_("  %s: none\n"), label);
      return;
    }

  side = json_node_get_object (node);
  g_print ("  %s: %s, %s%s\n", label, text_or (side, "date", ""),
           text_or (side, "observer", _("observer not recorded")),
           json_object_get_boolean_member (side, "independent") ? _(" (independent)") : "");
}

static void
print_rating (JsonObject *criterion,
              const char *member)
{
  JsonNode *node = json_object_get_member (criterion, member);

  if (JSON_NODE_HOLDS_NULL (node))
    g_print ("%s", "–");
  else
    g_print ("%" G_GINT64_FORMAT, json_node_get_int (node));
}

static void
print_survey (const char *label,
              JsonObject *survey,
              const char * const *questions)
{
  JsonObject *pct = json_object_get_object_member (survey, "agree_pct");
  JsonObject *answered = json_object_get_object_member (survey, "answered");

  gint64 n = json_object_get_int_member (survey, "responses");

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %" G_GINT64_FORMAT " response\n",
                        "%s: %" G_GINT64_FORMAT " responses\n", (gulong) MIN (n, G_MAXLONG)),
           label, n);
  for (guint i = 0; questions[i] != NULL; i++)
    if (json_object_get_int_member (answered, questions[i]) > 0)
      {
        g_autofree char *percent =
          pl_stats_format_percent ((int) json_object_get_int_member (pct, questions[i]));

        g_print ("  %5s  %s\n", percent, pl_survey_question_label (questions[i]));
      }
}

static void
print_chain (JsonObject *root)
{
  JsonObject *staff = json_object_get_object_member (root, "staff");
  JsonArray *placements = json_object_get_array_member (root, "placements");
  JsonObject *observations = json_object_get_object_member (root, "observations");
  JsonArray *criteria = json_object_get_array_member (observations, "criteria");
  JsonArray *colleagues = json_object_get_array_member (root, "colleagues");
  JsonArray *reached_by = json_object_get_array_member (root, "reached_by");
  JsonObject *surveys = json_object_get_object_member (root, "surveys");

  g_print ("%s · %s\n", text_or (staff, "name", ""), text_or (staff, "partner", ""));
  for (guint i = 0; i < json_array_get_length (placements); i++)
    print_placement (json_array_get_object_element (placements, i));
  if (json_array_get_length (placements) == 0)
    g_print (_("No placement yet.\n"));
  for (guint i = 0; i < json_array_get_length (reached_by); i++)
    {
      JsonObject *other = json_array_get_object_element (reached_by, i);

      g_print (_("Reached through %s’s placement at %s\n"), text_or (other, "staff", ""),
               text_or (other, "employer", text_or (other, "sector", "")));
    }

  g_print (_("Observations: %" G_GINT64_FORMAT "\n"),
           json_object_get_int_member (observations, "count"));
  print_side (_("Last before"), observations, "before");
  print_side (_("First after"), observations, "after");
  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      JsonObject *criterion = json_array_get_object_element (criteria, i);

      /* Nothing to say about a criterion neither lesson showed. */
      if (JSON_NODE_HOLDS_NULL (json_object_get_member (criterion, "before"))
          && JSON_NODE_HOLDS_NULL (json_object_get_member (criterion, "after")))
        continue;
      g_print ("  %-40s ", pl_enum_label (text_or (criterion, "key", "")));
      print_rating (criterion, "before");
      g_print (" → ");
      print_rating (criterion, "after");
      g_print ("%s\n", json_object_get_boolean_member (criterion, "improved")
                         ? _("  improved") : "");
    }
  if (json_object_get_boolean_member (observations, "observed"))
    g_print (_("  Improved in %" G_GINT64_FORMAT " of %d criteria\n"),
             json_object_get_int_member (observations, "improved"), PL_N_CRITERIA);

  for (guint i = 0; i < json_array_get_length (colleagues); i++)
    {
      JsonObject *colleague = json_array_get_object_element (colleagues, i);

      if (json_object_get_boolean_member (colleague, "observed"))
        g_print (_("Colleague observed: %s, improved in %" G_GINT64_FORMAT " criteria\n"),
                 text_or (colleague, "name", ""),
                 json_object_get_int_member (colleague, "improved"));
      else
        g_print (_("Colleague observed: %s, not yet before and after\n"),
                 text_or (colleague, "name", ""));
    }

  print_survey (_("Student survey"), json_object_get_object_member (surveys, "student"),
                pl_student_questions);
  print_survey (_("Employer survey"), json_object_get_object_member (surveys, "employer"),
                pl_employer_questions);
}

int
pl_cli_impact (PlCli  *cli,
               int     argc,
               char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *staff = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  gint64 staff_id;

  if (!pl_cli_parse_options ("impact", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc > 1)
    return pl_cli_usage (_("impact: unexpected argument “%s”"), argv[1]);
  if (staff == NULL)
    return pl_cli_usage (_("impact: give --staff NAME"));

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  staff_id = pl_impact_find_staff (store, staff, &error);
  if (staff_id == 0)
    return pl_cli_fail (error);

  node = pl_impact_chain (store, staff_id, &error);
  if (node == NULL)
    return pl_cli_fail (error);

  if (json)
    pl_cli_print_json (node);
  else
    print_chain (json_node_get_object (node));

  return PL_EXIT_OK;
}
