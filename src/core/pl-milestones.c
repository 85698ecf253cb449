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
#include "pl-enums.h"
#include "pl-milestones-private.h"
#include "pl-store-private.h"

/* Milestones are rows of their own, not computed on the fly, because a done
 * milestone must keep the date it was due when it was done: a placement
 * that moves later does not make last month's phone call late.
 *
 * This file is the one place where a milestone's due date is computed and
 * written: every way a placement gains days (the editor, the Plan page, the
 * scheduler, imports, the sample) ends in pl_milestone_rules_apply(). */

typedef struct
{
  char             *kind;
  char             *label;
  PlMilestoneAnchor anchor;
  int               offset;
  PlMilestoneUnit   unit;
  int               step;  /* the PlPlacementStatus that completes it, or -1 */
} Template;

struct _PlMilestoneRules
{
  GArray     *templates;   /* Template, in the templates' order */
  PlWorkdays *workdays;
  PlStmt     *insert;      /* of pl_milestone_rules_add_walked(), once prepared */
};

static void
template_clear (gpointer data)
{
  Template *t = data;

  g_free (t->kind);
  g_free (t->label);
}

static gboolean
failed (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == PL_DB_ERROR)
    return pl_store_translate_error (error, NULL);
  return FALSE;
}

PlMilestoneRules *
pl_milestone_rules_new (PlStore  *store,
                        GError  **error)
{
  g_autoptr(PlMilestoneRules) rules = g_new0 (PlMilestoneRules, 1);
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  rules->templates = g_array_new (FALSE, TRUE, sizeof (Template));
  g_array_set_clear_func (rules->templates, template_clear);

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT kind, label, anchor, offset, unit, step FROM milestone_template "
                        "ORDER BY position, id", &failure);
  while (stmt != NULL && pl_stmt_next (stmt, &failure))
    {
      Template t = { 0, };
      int anchor = PL_MILESTONE_ANCHOR_FIRST, unit = PL_MILESTONE_UNIT_WEEKS, step = -1;

      pl_enum_from_nick (PL_TYPE_MILESTONE_ANCHOR, pl_stmt_get_text (stmt, 2), &anchor);
      pl_enum_from_nick (PL_TYPE_MILESTONE_UNIT, pl_stmt_get_text (stmt, 4), &unit);
      if (!pl_stmt_is_null (stmt, 5))
        pl_enum_from_nick (PL_TYPE_PLACEMENT_STATUS, pl_stmt_get_text (stmt, 5), &step);
      t.kind = pl_stmt_dup_text (stmt, 0);
      t.label = pl_stmt_dup_text (stmt, 1);
      t.anchor = anchor;
      t.offset = (int) pl_stmt_get_int (stmt, 3);
      t.unit = unit;
      t.step = step;
      g_array_append_val (rules->templates, t);
    }

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      failed (error);
      return NULL;
    }

  rules->workdays = pl_workdays_new_for_store (store);
  return g_steal_pointer (&rules);
}

void
pl_milestone_rules_free (PlMilestoneRules *rules)
{
  if (rules == NULL)
    return;

  g_clear_pointer (&rules->insert, pl_stmt_free);
  g_clear_pointer (&rules->templates, g_array_unref);
  g_clear_pointer (&rules->workdays, pl_workdays_unref);
  g_free (rules);
}

PlWorkdays *
pl_milestone_rules_get_workdays (PlMilestoneRules *rules)
{
  return rules->workdays;
}

void
pl_milestones_due_typed (PlWorkdays        *workdays,
                         const GDate       *first,
                         const GDate       *last,
                         PlMilestoneAnchor  anchor,
                         int                offset,
                         PlMilestoneUnit    unit,
                         GDate             *out)
{
  g_return_if_fail (workdays != NULL && first != NULL && last != NULL && out != NULL);

  *out = anchor == PL_MILESTONE_ANCHOR_LAST ? *last : *first;

  if (unit == PL_MILESTONE_UNIT_WORKING_DAYS)
    {
      pl_workdays_shift (workdays, out, offset);
      return;
    }

  {
    int days = unit == PL_MILESTONE_UNIT_WEEKS ? offset * 7 : offset;

    if (days >= 0)
      g_date_add_days (out, (guint) days);
    else
      g_date_subtract_days (out, (guint) -days);
  }

  /* Before the anchor: done by the working day before. After it: the
   * first working day it can be done on. */
  pl_workdays_snap (workdays, out, offset > 0);
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
  int anchor_value = PL_MILESTONE_ANCHOR_FIRST, unit_value = PL_MILESTONE_UNIT_DAYS;

  pl_enum_from_nick (PL_TYPE_MILESTONE_ANCHOR, anchor, &anchor_value);
  pl_enum_from_nick (PL_TYPE_MILESTONE_UNIT, unit, &unit_value);
  pl_milestones_due_typed (workdays, first, last, anchor_value, offset, unit_value, out);
}

static const Template *
find_template (PlMilestoneRules *rules,
               const char       *kind)
{
  for (guint i = 0; i < rules->templates->len; i++)
    if (g_strcmp0 (g_array_index (rules->templates, Template, i).kind, kind) == 0)
      return &g_array_index (rules->templates, Template, i);
  return NULL;
}

gboolean
pl_milestone_rules_apply (PlMilestoneRules   *rules,
                          PlStore            *store,
                          gint64              placement_id,
                          const char * const *days,
                          GError            **error)
{
  PlDb *db = pl_store_get_db (store);
  g_autoptr(PlStmt) existing = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) stored = NULL;
  g_autoptr(GError) failure = NULL;
  GDate first, last;
  gboolean has_days;

  g_return_val_if_fail (rules != NULL && PL_IS_STORE (store), FALSE);

  if (days == NULL)
    {
      stored = pl_store_get_days (store, placement_id);
      days = (const char * const *) stored;
    }

  has_days = days != NULL && days[0] != NULL &&
             pl_date_parse (days[0], &first) &&
             pl_date_parse (days[g_strv_length ((GStrv) days) - 1], &last);

  existing = pl_db_prepare (db, "SELECT id, kind, label, due, done FROM milestone "
                                "WHERE placement_id = ?1", error);
  if (existing == NULL)
    return failed (error);

  pl_stmt_bind_int (existing, 1, placement_id);
  while (pl_stmt_next (existing, &failure))
    {
      gint64 id = pl_stmt_get_int (existing, 0);
      const char *kind = pl_stmt_get_text (existing, 1);
      const Template *template = has_days ? find_template (rules, kind) : NULL;

      g_hash_table_add (seen, g_strdup (kind));

      /* What is done stays as it was done. */
      if (!pl_stmt_is_null (existing, 4))
        continue;

      if (template == NULL)
        {
          g_autoptr(PlStmt) remove = pl_db_prepare (db, "DELETE FROM milestone WHERE id = ?1",
                                                    error);

          if (remove == NULL)
            return failed (error);
          pl_stmt_bind_int (remove, 1, id);
          if (!pl_stmt_run (remove, error))
            return failed (error);
        }
      else
        {
          GDate date;
          g_autofree char *iso = NULL;
          g_autoptr(PlStmt) update = NULL;

          pl_milestones_due_typed (rules->workdays, &first, &last, template->anchor,
                                   template->offset, template->unit, &date);
          iso = pl_date_to_iso (&date);
          if (g_strcmp0 (iso, pl_stmt_get_text (existing, 3)) == 0 &&
              g_strcmp0 (template->label, pl_stmt_get_text (existing, 2)) == 0)
            continue;

          update = pl_db_prepare (db, "UPDATE milestone SET label = ?2, due = ?3 WHERE id = ?1",
                                  error);
          if (update == NULL)
            return failed (error);
          pl_stmt_bind_int (update, 1, id);
          pl_stmt_bind_text (update, 2, template->label);
          pl_stmt_bind_text (update, 3, iso);
          if (!pl_stmt_run (update, error))
            return failed (error);
        }
    }
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return failed (error);
    }

  for (guint i = 0; has_days && i < rules->templates->len; i++)
    {
      const Template *template = &g_array_index (rules->templates, Template, i);
      g_autoptr(PlStmt) insert = NULL;
      GDate date;
      g_autofree char *iso = NULL;

      if (g_hash_table_contains (seen, template->kind))
        continue;

      pl_milestones_due_typed (rules->workdays, &first, &last, template->anchor,
                               template->offset, template->unit, &date);
      iso = pl_date_to_iso (&date);

      insert = pl_db_prepare (db, "INSERT INTO milestone (placement_id, kind, label, due) "
                                  "VALUES (?1, ?2, ?3, ?4)", error);
      if (insert == NULL)
        return failed (error);
      pl_stmt_bind_int (insert, 1, placement_id);
      pl_stmt_bind_text (insert, 2, template->kind);
      pl_stmt_bind_text (insert, 3, template->label);
      pl_stmt_bind_text (insert, 4, iso);
      if (!pl_stmt_run (insert, error))
        return failed (error);
    }

  return TRUE;
}

/* The one rule for a placement written at @status without having walked
 * the lifecycle there (an import): is the milestone of @template, due on
 * @due, done? As the walk would have left it: ticked when its step
 * (milestone_template.step) is one the walk passes on the way to @status.
 * A placement that has happened (completed, cascaded or evaluated) had its
 * preparation too: the milestones without a step that fall before its
 * first day are ticked as well. A cancelled one stays as it is, untouched:
 * how far it got is not known. */
static gboolean
walked_done (const Template    *template,
             PlPlacementStatus  status,
             const GDate       *due,
             const GDate       *first)
{
  if (status == PL_PLACEMENT_STATUS_CANCELLED)
    return FALSE;

  if (template->step >= 0)
    return template->step > PL_PLACEMENT_STATUS_REQUEST &&
           template->step != PL_PLACEMENT_STATUS_CANCELLED &&
           template->step <= (int) status;

  return status >= PL_PLACEMENT_STATUS_COMPLETED && g_date_compare (due, first) < 0;
}

static void
format_iso (const GDate *date,
            char         out[16])
{
  g_snprintf (out, 16, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/**
 * pl_milestone_rules_add_walked: (skip)
 *
 * The milestones of placement @placement_id, just written at @status with
 * days from @first_day to @last_day and no milestones yet: each template's,
 * due as pl_milestone_rules_apply() has it, and done on @today when the
 * lifecycle's walk to @status would have ticked it (walked_done()). One
 * statement, prepared once for @rules, a milestone. Inside the caller's
 * transaction; on failure the caller rolls back.
 */
gboolean
pl_milestone_rules_add_walked (PlMilestoneRules   *rules,
                               PlStore            *store,
                               gint64              placement_id,
                               PlPlacementStatus   status,
                               const char         *first_day,
                               const char         *last_day,
                               const GDate        *today,
                               GError            **error)
{
  GDate first, last;
  char done_on[16];

  g_return_val_if_fail (rules != NULL && PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!pl_date_parse (first_day, &first) || !pl_date_parse (last_day, &last))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."),
                   pl_date_parse (first_day, &first) ? last_day : first_day);
      return FALSE;
    }

  if (rules->insert == NULL)
    {
      rules->insert = pl_db_prepare (pl_store_get_db (store),
                                     "INSERT INTO milestone (placement_id, kind, label, due, done) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (rules->insert == NULL)
        return failed (error);
    }

  format_iso (today, done_on);
  for (guint i = 0; i < rules->templates->len; i++)
    {
      const Template *template = &g_array_index (rules->templates, Template, i);
      GDate due;
      char iso[16];

      pl_milestones_due_typed (rules->workdays, &first, &last, template->anchor,
                               template->offset, template->unit, &due);
      format_iso (&due, iso);

      pl_stmt_bind_int (rules->insert, 1, placement_id);
      pl_stmt_bind_text (rules->insert, 2, template->kind);
      pl_stmt_bind_text (rules->insert, 3, template->label);
      pl_stmt_bind_text (rules->insert, 4, iso);
      pl_stmt_bind_text (rules->insert, 5,
                         walked_done (template, status, &due, &first) ? done_on : NULL);
      if (!pl_stmt_run (rules->insert, error))
        return failed (error);
    }

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
  return pl_milestones_update_many (store, &placement_id, 1, error);
}

gboolean
pl_milestones_update_many (PlStore       *store,
                           const gint64  *placement_ids,
                           guint          n_placements,
                           GError       **error)
{
  g_autoptr(PlMilestoneRules) rules = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;

  rules = pl_milestone_rules_new (store, error);
  if (rules == NULL)
    {
      pl_store_rollback (store);
      return FALSE;
    }

  for (guint i = 0; i < n_placements; i++)
    if (!pl_milestone_rules_apply (rules, store, placement_ids[i], NULL, error))
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
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;

  /* Every placement that has days or milestones: one that lost its days
   * keeps only what was done. */
  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT placement_id FROM placement_day "
                        "UNION SELECT placement_id FROM milestone", &failure);
  while (stmt != NULL && pl_stmt_next (stmt, &failure))
    {
      gint64 id = pl_stmt_get_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_clear_pointer (&stmt, pl_stmt_free);

  if (failure != NULL)
    {
      pl_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&failure));
      return failed (error);
    }

  /* On failure, that has rolled back the whole. */
  if (!pl_milestones_update_many (store, (const gint64 *) ids->data, ids->len, error))
    return FALSE;

  return pl_store_commit (store, error);
}

/* Whole records of @type matching @where (over alias "t", with @id bound
 * to ?1 unless it is 0), in the order it gives. */
static GPtrArray *
read_records (PlStore     *store,
              GType        type,
              const char  *where,
              gint64       id,
              GError     **error)
{
  PlRecordClass *klass = g_type_class_ref (type);
  g_autofree char *sql = pl_store_select_sql (store, klass, where);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_type_class_unref (klass);

  stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);
  if (stmt != NULL && id != 0)
    pl_stmt_bind_int (stmt, 1, id);
  while (stmt != NULL && pl_stmt_next (stmt, &failure))
    {
      PlRecord *record = pl_record_new (type);

      pl_store_load_record (record, stmt);
      g_ptr_array_add (records, record);
    }

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      failed (error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

GPtrArray *
pl_milestones_list_for_placement (PlStore  *store,
                                  gint64    placement_id,
                                  GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return read_records (store, PL_TYPE_MILESTONE,
                       "t.placement_id = ?1 ORDER BY t.due, "
                       "coalesce((SELECT position FROM milestone_template "
                       "          WHERE kind = t.kind), 0), t.id",
                       placement_id, error);
}

GPtrArray *
pl_milestone_templates_list (PlStore  *store,
                             GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return read_records (store, PL_TYPE_MILESTONE_TEMPLATE, "1 = 1 ORDER BY t.position, t.id", 0,
                       error);
}

PlRecord *
pl_milestone_templates_add (PlStore     *store,
                            const char  *label,
                            GError     **error)
{
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *kind = NULL;
  gint64 next = 1;
  gint64 position = 1;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (!pl_store_begin (store, error))
    return NULL;

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT coalesce(max(id), 0) + 1, coalesce(max(position), 0) + 1 "
                        "FROM milestone_template", &failure);
  if (stmt != NULL && pl_stmt_next (stmt, &failure))
    {
      next = pl_stmt_get_int (stmt, 0);
      position = pl_stmt_get_int (stmt, 1);
    }
  g_clear_pointer (&stmt, pl_stmt_free);

  if (failure != NULL)
    {
      pl_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&failure));
      failed (error);
      return NULL;
    }

  kind = g_strdup_printf ("custom_%" G_GINT64_FORMAT, next);
  record = pl_record_new (PL_TYPE_MILESTONE_TEMPLATE);
  pl_record_set_string (record, "kind", kind);
  pl_record_set_string (record, "label", label);
  pl_record_set_string (record, "anchor",
                        pl_enum_to_nick (PL_TYPE_MILESTONE_ANCHOR, PL_MILESTONE_ANCHOR_FIRST));
  pl_record_set_int (record, "offset", -1);
  pl_record_set_string (record, "unit",
                        pl_enum_to_nick (PL_TYPE_MILESTONE_UNIT, PL_MILESTONE_UNIT_WEEKS));
  pl_record_set_int (record, "position", position);

  if (!pl_store_insert (store, record, error) ||
      !pl_milestones_update_all (store, error) ||
      !pl_store_commit (store, error))
    {
      pl_store_rollback (store);
      return NULL;
    }

  return g_steal_pointer (&record);
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
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *iso_today = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  iso_today = pl_date_to_iso (today);

  json_builder_begin_array (builder);

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT m.placement_id, s.name, m.kind, m.label, m.due, m.done, "
                        "  (m.done IS NULL AND m.due < ?1) "
                        "FROM milestone AS m "
                        "JOIN placement AS p ON p.id = m.placement_id "
                        "JOIN staff AS s ON s.id = p.staff_id "
                        "LEFT JOIN milestone_template AS t ON t.kind = m.kind "
                        "WHERE p.status <> ?3 "
                        "  AND (?2 = 0 OR (m.done IS NULL AND m.due < ?1)) "
                        "ORDER BY m.due, m.placement_id, coalesce(t.position, 0), m.id",
                        &failure);
  if (stmt != NULL)
    {
      pl_stmt_bind_text (stmt, 1, iso_today);
      pl_stmt_bind_int (stmt, 2, overdue_only ? 1 : 0);
      pl_stmt_bind_text (stmt, 3, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                                   PL_PLACEMENT_STATUS_CANCELLED));

      while (pl_stmt_next (stmt, &failure))
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "placement");
          json_builder_add_int_value (builder, pl_stmt_get_int (stmt, 0));
          json_builder_set_member_name (builder, "staff");
          json_builder_add_string_value (builder, pl_stmt_get_text (stmt, 1));
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, pl_stmt_get_text (stmt, 2));
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, pl_stmt_get_text (stmt, 3));
          json_builder_set_member_name (builder, "due");
          json_builder_add_string_value (builder, pl_stmt_get_text (stmt, 4));
          json_builder_set_member_name (builder, "done");
          if (pl_stmt_is_null (stmt, 5))
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, pl_stmt_get_text (stmt, 5));
          json_builder_set_member_name (builder, "overdue");
          json_builder_add_boolean_value (builder, pl_stmt_get_int (stmt, 6) != 0);
          json_builder_end_object (builder);
        }
    }
  if (failure != NULL)
    g_critical ("Cannot list milestones: %s", failure->message);

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
