/* pl-cli-reminders.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-calendar.h"
#include "pl-date.h"
#include "pl-reminders.h"
#include "pl-repeat.h"
#include "pl-store-calendar.h"

/* `reminders`: the list behind the app's morning notification
 * (pl_reminders_for_day()), for cron and scripts; `repeat`: next year's
 * request from a placement that has taken place (pl_placement_repeat()).
 * The JSON keys are documented in the README and are stable. */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_id_or_null (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value != 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

int
pl_cli_reminders (PlCli  *cli,
                  int     argc,
                  char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *today_text = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  if (!pl_cli_parse_options ("reminders", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc > 1)
    return pl_cli_usage (_("reminders: unexpected argument “%s”"), argv[1]);
  if (!pl_cli_parse_today ("reminders", today_text, &today))
    return PL_EXIT_USAGE;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  reminders = pl_reminders_for_day (store, &today, &error);
  if (reminders == NULL)
    return pl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < reminders->len; i++)
        {
          PlReminder *item = g_ptr_array_index (reminders, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, pl_reminder_kind_to_key (item->kind));
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, item->id);
          add_id_or_null (builder, "placement", item->placement_id);
          add_id_or_null (builder, "employer_id", item->employer_id);
          add_string_or_null (builder, "employer", item->employer_name);
          add_string_or_null (builder, "staff", item->staff_name);
          add_string_or_null (builder, "subject", item->subject);
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, item->date);
          json_builder_set_member_name (builder, "overdue");
          json_builder_add_boolean_value (builder, item->overdue);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      pl_cli_print_json (root);
      return PL_EXIT_OK;
    }

  if (reminders->len == 0)
    {
      g_print (_("Nothing is due.\n"));
      return PL_EXIT_OK;
    }

  for (guint i = 0; i < reminders->len; i++)
    {
      g_autofree char *line = pl_reminder_describe (g_ptr_array_index (reminders, i), &today);

      g_print ("%s\n", line);
    }

  return PL_EXIT_OK;
}

static char *
record_name (PlStore *store,
             GType    type,
             gint64   id)
{
  g_autoptr(PlRecord) record = id != 0 ? pl_store_get (store, type, id, NULL) : NULL;

  return record != NULL ? g_strdup (pl_record_get_string (record, "name")) : NULL;
}

int
pl_cli_repeat (PlCli  *cli,
               int     argc,
               char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *year_text = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) request = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autofree char *year_label = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *sector = NULL;
  g_autoptr(GString) window = g_string_new (NULL);
  GDate first, last, today;
  guint64 source_id;
  gint64 id;
  int year = 0;

  if (!pl_cli_parse_options ("repeat", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 2)
    return pl_cli_usage (_("repeat: give the ID of a placement that has taken place"));
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &source_id, NULL))
    return pl_cli_usage (_("repeat: “%s” is not a placement ID"), argv[1]);
  if (year_text != NULL && !pl_academic_year_parse (year_text, &year))
    return pl_cli_usage (_("repeat: --year “%s” is not an academic year such as 2027/28"),
                         year_text);

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  pl_date_today (&today);
  id = pl_placement_repeat (store, (gint64) source_id, year, &today, &year, &error);
  if (id == 0)
    return pl_cli_fail (error);

  if (!(request = pl_store_get (store, PL_TYPE_PLACEMENT, id, &error)) ||
      !(terms = pl_store_calendar_get_placement_window (store, id, &first, &last, &error)))
    return pl_cli_fail (error);

  year_label = pl_academic_year_label (year);
  staff = record_name (store, PL_TYPE_STAFF, pl_record_get_int (request, "staff_id"));
  employer = record_name (store, PL_TYPE_EMPLOYER, pl_record_get_int (request, "employer_id"));
  sector = record_name (store, PL_TYPE_SECTOR, pl_record_get_int (request, "sector_id"));

  for (guint i = 0; i < terms->len; i++)
    {
      const PlPeriod *term = g_ptr_array_index (terms, i);

      if (window->len > 0)
        g_string_append (window, ", ");
      g_string_append (window, term->label != NULL ? term->label : "");
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *start = g_date_valid (&first) ? pl_date_to_iso (&first) : NULL;
      g_autofree char *end = g_date_valid (&last) ? pl_date_to_iso (&last) : NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "repeats");
      json_builder_add_int_value (builder, (gint64) source_id);
      json_builder_set_member_name (builder, "year");
      json_builder_add_string_value (builder, year_label);
      add_string_or_null (builder, "staff", staff);
      add_string_or_null (builder, "employer", employer);
      add_string_or_null (builder, "sector", sector);
      add_string_or_null (builder, "window_start", start);
      add_string_or_null (builder, "window_end", end);
      json_builder_set_member_name (builder, "terms");
      json_builder_begin_array (builder);
      for (guint i = 0; i < terms->len; i++)
        {
          const PlPeriod *term = g_ptr_array_index (terms, i);

          json_builder_add_string_value (builder, term->label != NULL ? term->label : "");
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      pl_cli_print_json (root);
      return PL_EXIT_OK;
    }

  if (window->len == 0 && (g_date_valid (&first) || g_date_valid (&last)))
    {
      g_autofree char *start = g_date_valid (&first) ? pl_date_to_iso (&first) : g_strdup ("…");
      g_autofree char *end = g_date_valid (&last) ? pl_date_to_iso (&last) : g_strdup ("…");

      g_string_append_printf (window, "%s – %s", start, end);
    }

  g_print (_("Request %" G_GINT64_FORMAT " for %s: %s, %s, %s; window %s\n"), id, year_label,
           staff != NULL ? staff : "", employer != NULL ? employer : _("no employer"),
           sector != NULL ? sector : "", window->len > 0 ? window->str : _("open"));
  return PL_EXIT_OK;
}
