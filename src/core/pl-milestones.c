/* pl-milestones.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-milestones"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-milestones.h"
#include "pl-store-legacy-private.h"

/* Milestones are rows of their own, not computed on the fly, because a done
 * milestone must keep the date it was due when it was done: a placement
 * that moves later does not make last month's phone call late. */

typedef struct
{
  char *kind;
  char *label;
  char *anchor;
  int   offset;
  char *unit;
} Template;

static void
template_clear (gpointer data)
{
  Template *t = data;

  g_free (t->kind);
  g_free (t->label);
  g_free (t->anchor);
  g_free (t->unit);
}

static gboolean
sql_failed (PlStore  *store,
            GError  **error)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot update the milestones: %s"),
               sqlite3_errmsg (pl_store_get_sqlite (store)));
  return FALSE;
}

static GArray *
load_templates (PlStore  *store,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) templates = g_array_new (FALSE, TRUE, sizeof (Template));
  int rc;

  g_array_set_clear_func (templates, template_clear);

  if (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                          "SELECT kind, label, anchor, offset, unit FROM milestone_template "
                          "ORDER BY position, id", -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_failed (store, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Template t;

      t.kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      t.label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      t.anchor = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      t.offset = sqlite3_column_int (stmt, 3);
      t.unit = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_array_append_val (templates, t);
    }

  if (rc != SQLITE_DONE)
    {
      sql_failed (store, error);
      return NULL;
    }

  return g_steal_pointer (&templates);
}

void
pl_milestones_due (PlWorkdays  *workdays,
                   const GDate *first,
                   const GDate *last,
                   const char  *anchor,
                   int          offset,
                   const char  *unit,
                   GDate       *out)
{
  g_return_if_fail (workdays != NULL && first != NULL && last != NULL && out != NULL);

  *out = g_strcmp0 (anchor, "last") == 0 ? *last : *first;

  if (g_strcmp0 (unit, "working_days") == 0)
    {
      pl_workdays_shift (workdays, out, offset);
      return;
    }

  {
    int days = g_strcmp0 (unit, "weeks") == 0 ? offset * 7 : offset;

    if (days >= 0)
      g_date_add_days (out, (guint) days);
    else
      g_date_subtract_days (out, (guint) -days);
  }

  /* Before the anchor: done by the working day before. After it: the
   * first working day it can be done on. */
  pl_workdays_snap (workdays, out, offset > 0);
}

static gboolean
update_one (PlStore    *store,
            PlWorkdays *workdays,
            GArray     *templates,
            gint64      placement_id,
            GError    **error)
{
  sqlite3 *db = pl_store_get_sqlite (store);
  g_autoptr(sqlite3_stmt) existing = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) days = pl_store_get_days (store, placement_id);
  GDate first, last;
  gboolean has_days = days != NULL && days[0] != NULL;
  int rc;

  if (has_days &&
      (!pl_date_parse (days[0], &first) || !pl_date_parse (days[g_strv_length (days) - 1], &last)))
    has_days = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT id, kind, label, due, done FROM milestone "
                              "WHERE placement_id = ?1", -1, &existing, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO milestone (placement_id, kind, label, due) "
                              "VALUES (?1, ?2, ?3, ?4)", -1, &insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "UPDATE milestone SET label = ?2, due = ?3 WHERE id = ?1",
                          -1, &update, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "DELETE FROM milestone WHERE id = ?1",
                          -1, &remove, NULL) != SQLITE_OK)
    return sql_failed (store, error);

  sqlite3_bind_int64 (existing, 1, placement_id);
  while ((rc = sqlite3_step (existing)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (existing, 0);
      const char *kind = (const char *) sqlite3_column_text (existing, 1);
      const char *label = (const char *) sqlite3_column_text (existing, 2);
      const char *due = (const char *) sqlite3_column_text (existing, 3);
      gboolean done = sqlite3_column_type (existing, 4) != SQLITE_NULL;
      const Template *template = NULL;

      g_hash_table_add (seen, g_strdup (kind));

      /* What is done stays as it was done. */
      if (done)
        continue;

      for (guint i = 0; has_days && i < templates->len; i++)
        if (g_str_equal (g_array_index (templates, Template, i).kind, kind))
          template = &g_array_index (templates, Template, i);

      if (template == NULL)
        {
          sqlite3_reset (remove);
          sqlite3_bind_int64 (remove, 1, id);
          if (sqlite3_step (remove) != SQLITE_DONE)
            return sql_failed (store, error);
        }
      else
        {
          GDate date;
          g_autofree char *iso = NULL;

          pl_milestones_due (workdays, &first, &last, template->anchor, template->offset,
                             template->unit, &date);
          iso = pl_date_to_iso (&date);
          if (g_strcmp0 (iso, due) == 0 && g_strcmp0 (label, template->label) == 0)
            continue;

          sqlite3_reset (update);
          sqlite3_bind_int64 (update, 1, id);
          sqlite3_bind_text (update, 2, template->label, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (update, 3, iso, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (update) != SQLITE_DONE)
            return sql_failed (store, error);
        }
    }
  if (rc != SQLITE_DONE)
    return sql_failed (store, error);

  for (guint i = 0; has_days && i < templates->len; i++)
    {
      const Template *template = &g_array_index (templates, Template, i);
      GDate date;
      g_autofree char *iso = NULL;

      if (g_hash_table_contains (seen, template->kind))
        continue;

      pl_milestones_due (workdays, &first, &last, template->anchor, template->offset,
                         template->unit, &date);
      iso = pl_date_to_iso (&date);

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, placement_id);
      sqlite3_bind_text (insert, 2, template->kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, template->label, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, iso, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (insert) != SQLITE_DONE)
        return sql_failed (store, error);
    }

  pl_store_emit_changed (store, "milestone");
  return TRUE;
}

/**
 * pl_milestones_update:
 *
 * Returns: %TRUE on success; on failure the caller's transaction (or the
 * one this opened) has been rolled back.
 */
gboolean
pl_milestones_update (PlStore  *store,
                      gint64    placement_id,
                      GError  **error)
{
  g_autoptr(GArray) templates = NULL;
  g_autoptr(PlWorkdays) workdays = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;

  templates = load_templates (store, error);
  workdays = pl_workdays_new_for_store (store);
  if (templates == NULL || !update_one (store, workdays, templates, placement_id, error))
    {
      pl_store_rollback (store);
      return FALSE;
    }

  return pl_store_commit (store, error);
}

gboolean
pl_milestones_update_all (PlStore  *store,
                          GError  **error)
{
  g_autoptr(GArray) templates = NULL;
  g_autoptr(PlWorkdays) workdays = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;

  /* Every placement that has days or milestones: one that lost its days
   * keeps only what was done. */
  if (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                          "SELECT placement_id FROM placement_day "
                          "UNION SELECT placement_id FROM milestone", -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_failed (store, error);
      pl_store_rollback (store);
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  templates = load_templates (store, error);
  workdays = pl_workdays_new_for_store (store);
  if (templates == NULL)
    {
      pl_store_rollback (store);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    if (!update_one (store, workdays, templates, g_array_index (ids, gint64, i), error))
      {
        pl_store_rollback (store);
        return FALSE;
      }

  return pl_store_commit (store, error);
}

gboolean
pl_milestones_set_done (PlStore      *store,
                        gint64        milestone_id,
                        const GDate  *done,
                        GError      **error)
{
  g_autoptr(PlRecord) milestone = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  milestone = pl_store_get (store, PL_TYPE_MILESTONE, milestone_id, error);
  if (milestone == NULL)
    return FALSE;

  if (done != NULL)
    {
      g_autofree char *iso = pl_date_to_iso (done);
      pl_record_set_string (milestone, "done", iso);
    }
  else
    pl_record_set_null (milestone, "done");

  return pl_store_update (store, milestone, error);
}

JsonNode *
pl_milestones_to_json (PlStore     *store,
                       const GDate *today,
                       gboolean     overdue_only)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso_today = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  iso_today = pl_date_to_iso (today);

  json_builder_begin_array (builder);

  if (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                          "SELECT m.placement_id, s.name, m.kind, m.label, m.due, m.done, "
                          "  (m.done IS NULL AND m.due < ?1) "
                          "FROM milestone AS m "
                          "JOIN placement AS p ON p.id = m.placement_id "
                          "JOIN staff AS s ON s.id = p.staff_id "
                          "LEFT JOIN milestone_template AS t ON t.kind = m.kind "
                          "WHERE p.status <> 'cancelled' "
                          "  AND (?2 = 0 OR (m.done IS NULL AND m.due < ?1)) "
                          "ORDER BY m.due, m.placement_id, ifnull(t.position, 0), m.id",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, iso_today, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, overdue_only ? 1 : 0);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "placement");
          json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
          json_builder_set_member_name (builder, "staff");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 3));
          json_builder_set_member_name (builder, "due");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 4));
          json_builder_set_member_name (builder, "done");
          if (sqlite3_column_type (stmt, 5) == SQLITE_NULL)
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 5));
          json_builder_set_member_name (builder, "overdue");
          json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 6) != 0);
          json_builder_end_object (builder);
        }
    }
  else
    g_critical ("Cannot list milestones: %s", sqlite3_errmsg (pl_store_get_sqlite (store)));

  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

char *
pl_milestones_describe (const char *anchor,
                        int         offset,
                        const char *unit)
{
  gboolean last = g_strcmp0 (anchor, "last") == 0;
  int n = ABS (offset);
  g_autofree char *amount = NULL;

  if (offset == 0)
    return g_strdup (last ? _("On the last day") : _("On the first day"));

  if (g_strcmp0 (unit, "weeks") == 0)
    amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", n), n);
  else if (g_strcmp0 (unit, "working_days") == 0)
    amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days",
                                           n), n);
  else
    amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", n), n);

  if (offset < 0)
    /* TRANSLATORS: %s is an amount such as "12 weeks" */
    return g_strdup_printf (last ? _("%s before the last day") : _("%s before the first day"),
                            amount);
  /* TRANSLATORS: %s is an amount such as "4 weeks" */
  return g_strdup_printf (last ? _("%s after the last day") : _("%s after the first day"), amount);
}
