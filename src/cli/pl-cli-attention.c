/* pl-cli-attention.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-attention.h"
#include "pl-cli.h"
#include "pl-date.h"

/* `attention`: the employers somebody should get in touch with, and why
 * (pl_attention_employers(), the same list as the app's "Needs attention"
 * filter), for a morning e-mail or a script. The JSON keys are documented
 * in the README and are stable. */

static const struct {
  PlAttentionReasons  reason;
  const char         *key;
} reason_keys[] = {
  { PL_ATTENTION_FOLLOW_UP_DUE, "follow_up_due" },
  { PL_ATTENTION_NOT_CONTACTED, "not_contacted" },
  { PL_ATTENTION_NO_PLACEMENT, "no_placement" },
};

static char *
employer_name (PlStore *store,
               gint64   id)
{
  g_autoptr(PlRecord) employer = pl_store_get (store, PL_TYPE_EMPLOYER, id, NULL);

  return employer != NULL ? g_strdup (pl_record_get_string (employer, "name")) : NULL;
}

int
pl_cli_attention (PlCli  *cli,
                  int     argc,
                  char  **argv)
{
  gboolean json = FALSE;
  int months = 6;
  g_autofree char *today_text = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "months", 0, 0, G_OPTION_ARG_INT, &months, NULL, NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GPtrArray) attention = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  if (!pl_cli_parse_options ("attention", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc > 1)
    return pl_cli_usage (_("attention: unexpected argument “%s”"), argv[1]);
  /* The same range as the app's attention-months setting. */
  if (months < 1 || months > 36)
    return pl_cli_usage (_("attention: --months must be between 1 and 36"));
  if (!pl_cli_parse_today ("attention", today_text, &today))
    return PL_EXIT_USAGE;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  attention = pl_attention_employers (store, &today, (guint) months, &error);
  if (attention == NULL)
    return pl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < attention->len; i++)
        {
          PlAttention *item = g_ptr_array_index (attention, i);
          g_autofree char *name = employer_name (store, item->employer_id);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, item->employer_id);
          json_builder_set_member_name (builder, "employer");
          json_builder_add_string_value (builder, name);
          json_builder_set_member_name (builder, "reasons");
          json_builder_begin_array (builder);
          for (guint r = 0; r < G_N_ELEMENTS (reason_keys); r++)
            if (item->reasons & reason_keys[r].reason)
              json_builder_add_string_value (builder, reason_keys[r].key);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "last_contact");
          if (item->last_contact != NULL)
            json_builder_add_string_value (builder, item->last_contact);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "follow_up");
          if (item->follow_up != NULL)
            json_builder_add_string_value (builder, item->follow_up);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      pl_cli_print_json (root);
      return PL_EXIT_OK;
    }

  if (attention->len == 0)
    {
      g_print (_("No employer needs attention.\n"));
      return PL_EXIT_OK;
    }

  for (guint i = 0; i < attention->len; i++)
    {
      PlAttention *item = g_ptr_array_index (attention, i);
      g_autofree char *name = employer_name (store, item->employer_id);
      g_autofree char *why = pl_attention_describe (item, &today);
      g_auto(GStrv) lines = g_strsplit (why, "\n", -1);
      g_autofree char *joined = g_strjoinv (" ", lines);

      g_print ("%s: %s\n", name, joined);
    }

  return PL_EXIT_OK;
}
