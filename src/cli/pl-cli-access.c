/* pl-cli-access.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-error.h"
#include "pl-records.h"
#include "pl-store-access.h"
#include "pl-store-audit.h"

/* `grant`, `revoke` and `history`: a shared data set's coordinators and
 * its audit trail. The server decides and keeps both; these only ask.
 * `history KIND ID` is one record's, in the words the app shows. */

int
pl_cli_grant (PlCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *partner = NULL;
  gboolean lead = FALSE;
  GOptionEntry entries[] = {
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, NULL, NULL },
    { "lead", 0, 0, G_OPTION_ARG_NONE, &lead, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!pl_cli_parse_options ("grant", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 2)
    return pl_cli_usage (_("grant: give exactly one ROLE (a PostgreSQL login)"));
  if ((partner != NULL) == lead)
    return pl_cli_usage (_("grant: give either --partner NAME or --lead"));

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);
  if (!pl_store_grant (store, argv[1], partner, &error))
    return pl_cli_fail (error);

  if (lead)
    g_print (_("%s coordinates the whole network\n"), argv[1]);
  else
    g_print (_("%s coordinates %s\n"), argv[1], partner);
  return PL_EXIT_OK;
}

int
pl_cli_revoke (PlCli  *cli,
               int     argc,
               char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!pl_cli_parse_options ("revoke", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 2)
    return pl_cli_usage (_("revoke: give exactly one ROLE"));

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);
  if (!pl_store_revoke (store, argv[1], &error))
    return pl_cli_fail (error);

  g_print (_("%s no longer has access\n"), argv[1]);
  return PL_EXIT_OK;
}

static JsonNode *
entry_to_json (const PlAuditEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, entry->id);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, entry->at);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, entry->role);
  json_builder_set_member_name (builder, "table");
  json_builder_add_string_value (builder, entry->table);
  json_builder_set_member_name (builder, "row");
  json_builder_add_int_value (builder, entry->row_id);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, entry->action);
  json_builder_set_member_name (builder, "field");
  if (entry->field != NULL)
    json_builder_add_string_value (builder, entry->field);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "old");
  if (entry->old_value != NULL)
    json_builder_add_string_value (builder, entry->old_value);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "new");
  if (entry->new_value != NULL)
    json_builder_add_string_value (builder, entry->new_value);
  else
    json_builder_add_null_value (builder);
  if (entry->text != NULL)
    {
      json_builder_set_member_name (builder, "change");
      json_builder_add_string_value (builder, entry->text);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The kinds of record whose history `history KIND ID` shows, as `list`
 * names them, or one of them. */
static const struct
{
  const char *kind;
  const char *plural;
  GType     (*get_type) (void);
} history_kinds[] = {
  { "partner", "partners", pl_partner_get_type },
  { "staff", "staff", pl_staff_get_type },
  { "employer", "employers", pl_employer_get_type },
  { "placement", "placements", pl_placement_get_type },
  { "group", "groups", pl_group_get_type },
};

static GType
history_kind_type (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (history_kinds); i++)
    if (g_str_equal (kind, history_kinds[i].kind) || g_str_equal (kind, history_kinds[i].plural))
      return history_kinds[i].get_type ();
  return G_TYPE_INVALID;
}

/* The record named by @what: its id, or its name. */
static gint64
find_record (PlStore     *store,
             GType        type,
             const char  *kind,
             const char  *what,
             GError     **error)
{
  g_autoptr(PlRecord) record = NULL;
  guint64 id;

  if (g_ascii_string_to_unsigned (what, 10, 1, G_MAXINT64, &id, NULL))
    return (gint64) id;

  if (type == PL_TYPE_PLACEMENT)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("history: “%s” is not a placement’s number"), what);
      return 0;
    }
  record = pl_store_find_by_name (store, type, what, error);
  if (record == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND, _("history: no %s is called “%s”"),
                     kind, what);
      return 0;
    }
  return pl_record_get_id (record);
}

int
pl_cli_history (PlCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *since = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GPtrArray) entries_found = NULL;
  g_autoptr(GError) error = NULL;
  GType type = G_TYPE_INVALID;

  if (!pl_cli_parse_options ("history", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc == 2 || argc > 3)
    return pl_cli_usage (_("history: give no argument, or a KIND and the record’s ID"));
  if (argc == 3)
    {
      type = history_kind_type (argv[1]);
      if (type == G_TYPE_INVALID)
        return pl_cli_usage (_("history: unknown kind “%s” (partner, staff, employer, "
                               "placement, group)"), argv[1]);
    }

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (type == G_TYPE_INVALID)
    entries_found = pl_store_list_audit (store, since, NULL, 0, &error);
  else
    {
      gint64 id = find_record (store, type, argv[1], argv[2], &error);
      g_autoptr(PlRecord) record = NULL;

      if (id == 0)
        return pl_cli_fail (error);
      entries_found = pl_store_list_record_audit (store, type, id, &error);
      if (entries_found != NULL && entries_found->len == 0 &&
          (record = pl_store_get (store, type, id, NULL)) == NULL)
        {
          g_set_error (&error, PL_ERROR, PL_ERROR_NOT_FOUND,
                       _("history: there is no %s %" G_GINT64_FORMAT), argv[1], id);
          g_clear_pointer (&entries_found, g_ptr_array_unref);
        }
      /* As the whole trail does: from @since, compared as the server does. */
      for (guint i = entries_found != NULL ? entries_found->len : 0; since != NULL && i > 0; i--)
        if (g_strcmp0 (((PlAuditEntry *) entries_found->pdata[i - 1])->at, since) < 0)
          g_ptr_array_remove_index (entries_found, i - 1);
    }
  if (entries_found == NULL)
    return pl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < entries_found->len; i++)
        json_array_add_element (array, entry_to_json (entries_found->pdata[i]));
      json_node_set_array (root, array);
      pl_cli_print_json (root);
      return PL_EXIT_OK;
    }

  for (guint i = 0; i < entries_found->len; i++)
    {
      const PlAuditEntry *entry = entries_found->pdata[i];

      if (entry->text != NULL)
        /* TRANSLATORS: time, role, and what changed in words */
        g_print (_("%s  %s  %s\n"), entry->at, entry->role, entry->text);
      else if (entry->field != NULL)
        /* TRANSLATORS: time, role, action, table, row, field, old and new value */
        g_print (_("%s  %s  %s %s %" G_GINT64_FORMAT ": %s “%s” → “%s”\n"), entry->at, entry->role,
                 entry->action, entry->table, entry->row_id, entry->field,
                 entry->old_value ? entry->old_value : "", entry->new_value ? entry->new_value : "");
      else
        g_print ("%s  %s  %s %s %" G_GINT64_FORMAT "\n", entry->at, entry->role, entry->action,
                 entry->table, entry->row_id);
    }
  return PL_EXIT_OK;
}
