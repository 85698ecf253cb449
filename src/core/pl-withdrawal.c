/* pl-withdrawal.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-withdrawal"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-withdrawal.h"
#include "pl-store-legacy-private.h"

/* Partners do withdraw from a network (two of the case study's sixteen
 * placements were cancelled that way), and their placements must then be
 * handled: each open one — from request to confirmed — is either cancelled,
 * with the reason recorded, or handed to a staff member of another partner
 * who takes the place. The partner's status, date and reason and every
 * placement change are one transaction, and can be undone as one. */

typedef struct
{
  gint64  placement_id;
  char   *status;
  char   *cancel_reason;
  gint64  staff_id;
  gint64  event_id;       /* the status change recorded, 0 when moved */
} PlacementBefore;

struct _PlWithdrawal
{
  GObject   parent_instance;

  PlStore  *store;
  gint64    partner_id;
  char     *status;
  char     *withdrawn_on;
  char     *withdrawn_reason;
  GArray   *placements;  /* PlacementBefore */
  guint     n_cancelled;
  guint     n_moved;
  gboolean  undone;
};

G_DEFINE_FINAL_TYPE (PlWithdrawal, pl_withdrawal, G_TYPE_OBJECT)

static void
placement_before_clear (gpointer data)
{
  PlacementBefore *before = data;

  g_free (before->status);
  g_free (before->cancel_reason);
}

static void
pl_withdrawal_finalize (GObject *object)
{
  PlWithdrawal *self = PL_WITHDRAWAL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->withdrawn_on, g_free);
  g_clear_pointer (&self->withdrawn_reason, g_free);
  g_clear_pointer (&self->placements, g_array_unref);

  G_OBJECT_CLASS (pl_withdrawal_parent_class)->finalize (object);
}

static void
pl_withdrawal_class_init (PlWithdrawalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_withdrawal_finalize;
}

static void
pl_withdrawal_init (PlWithdrawal *self)
{
  self->placements = g_array_new (FALSE, TRUE, sizeof (PlacementBefore));
  g_array_set_clear_func (self->placements, placement_before_clear);
}

#define OPEN_STATUSES "('request', 'proposed', 'agreed', 'confirmed')"
static const char * const open_statuses[] = { "request", "proposed", "agreed", "confirmed", NULL };

/**
 * pl_withdrawal_open_placements:
 *
 * Returns: (transfer full) (element-type gint64): the placements of
 *   @partner_id's staff that are still open (request to confirmed), by
 *   staff name then id
 */
GArray *
pl_withdrawal_open_placements (PlStore *store,
                               gint64   partner_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), ids);

  if (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                          "SELECT p.id FROM placement AS p JOIN staff AS s ON s.id = p.staff_id "
                          "WHERE s.partner_id = ?1 AND p.status IN " OPEN_STATUSES " "
                          "ORDER BY s.name COLLATE NOCASE, p.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return ids;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  return ids;
}

static gboolean
sql_failed (PlStore  *store,
            GError  **error)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot record the withdrawal: %s"),
               sqlite3_errmsg (pl_store_get_sqlite (store)));
  return FALSE;
}

static gboolean
run (PlStore      *store,
     const char   *sql,
     GError      **error,
     const char   *types,
     ...)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  va_list args;

  if (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    return sql_failed (store, error);

  /* 's' binds a string (NULL binds NULL), 'i' a gint64. */
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 's')
        {
          const char *text = va_arg (args, const char *);

          if (text != NULL)
            sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (stmt, i + 1);
        }
      else
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
    }
  va_end (args);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sql_failed (store, error);

  return TRUE;
}

static gboolean
apply_choice (PlWithdrawal              *self,
              const PlWithdrawalChoice  *choice,
              const char                *date,
              const char                *cancel_reason,
              GError                   **error)
{
  sqlite3 *db = pl_store_get_sqlite (self->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PlacementBefore before = { 0, };

  if (sqlite3_prepare_v2 (db,
                          "SELECT p.status, p.cancel_reason, p.staff_id, s.partner_id "
                          "FROM placement AS p JOIN staff AS s ON s.id = p.staff_id WHERE p.id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sql_failed (self->store, error);
  sqlite3_bind_int64 (stmt, 1, choice->placement_id);

  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int64 (stmt, 3) != self->partner_id ||
      !g_strv_contains (open_statuses, (const char *) sqlite3_column_text (stmt, 0)))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("Placement %" G_GINT64_FORMAT " is not one of this partner’s open placements."),
                   choice->placement_id);
      return FALSE;
    }

  before.placement_id = choice->placement_id;
  before.status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  before.cancel_reason = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  before.staff_id = sqlite3_column_int64 (stmt, 2);
  g_array_append_val (self->placements, before);

  if (choice->move_to_staff_id == 0)
    {
      if (!run (self->store,
                "UPDATE placement SET status = 'cancelled', cancel_reason = ?1 WHERE id = ?2",
                error, "si", cancel_reason, choice->placement_id) ||
          !run (self->store,
                "INSERT INTO placement_event (placement_id, changed_on, from_status, to_status, reason) "
                "VALUES (?1, ?2, ?3, 'cancelled', ?4)",
                error, "isss", choice->placement_id, date, before.status, cancel_reason))
        return FALSE;

      g_array_index (self->placements, PlacementBefore, self->placements->len - 1).event_id =
        sqlite3_last_insert_rowid (db);
      self->n_cancelled++;
    }
  else
    {
      g_autoptr(sqlite3_stmt) staff = NULL;
      gint64 partner = 0;
      const char *status = NULL;

      if (sqlite3_prepare_v2 (db,
                              "SELECT s.partner_id, p.status FROM staff AS s "
                              "JOIN partner AS p ON p.id = s.partner_id WHERE s.id = ?1",
                              -1, &staff, NULL) != SQLITE_OK)
        return sql_failed (self->store, error);
      sqlite3_bind_int64 (staff, 1, choice->move_to_staff_id);
      if (sqlite3_step (staff) == SQLITE_ROW)
        {
          partner = sqlite3_column_int64 (staff, 0);
          status = (const char *) sqlite3_column_text (staff, 1);
        }

      if (partner == 0)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                       _("There is no staff member number %" G_GINT64_FORMAT " to take the placement."),
                       choice->move_to_staff_id);
          return FALSE;
        }
      if (partner == self->partner_id || g_strcmp0 (status, "active") != 0)
        {
          g_set_error_literal (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                               _("A placement can only move to a staff member of another partner "
                                 "that is still active."));
          return FALSE;
        }

      if (!run (self->store, "UPDATE placement SET staff_id = ?1 WHERE id = ?2",
                error, "ii", choice->move_to_staff_id, choice->placement_id))
        return FALSE;
      self->n_moved++;
    }

  return TRUE;
}

/**
 * pl_withdrawal_apply:
 * @partner_id: the partner that withdraws
 * @date: the day it withdrew (ISO)
 * @reason: (nullable): why, in the partner's words
 * @choices: (array length=n_choices): what becomes of each of its open
 *   placements; open placements not listed are cancelled
 *
 * Marks the partner withdrawn and settles its open placements, as one
 * transaction: cancelled ones get the reason "Partner withdrew" (and
 * @reason after it) and a status change in their history.
 *
 * Returns: (transfer full): the withdrawal, for pl_withdrawal_undo(), or
 *   %NULL with @error set and nothing changed
 */
PlWithdrawal *
pl_withdrawal_apply (PlStore                   *store,
                     gint64                     partner_id,
                     const char                *date,
                     const char                *reason,
                     const PlWithdrawalChoice  *choices,
                     guint                      n_choices,
                     GError                   **error)
{
  g_autoptr(PlWithdrawal) self = NULL;
  g_autoptr(PlRecord) partner = NULL;
  g_autoptr(GArray) open = NULL;
  g_autofree char *cancel_reason = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (choices != NULL || n_choices == 0, NULL);

  if (!pl_date_is_iso (date))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), date ? date : "");
      return NULL;
    }

  partner = pl_store_get (store, PL_TYPE_PARTNER, partner_id, error);
  if (partner == NULL)
    return NULL;

  self = g_object_new (PL_TYPE_WITHDRAWAL, NULL);
  self->store = g_object_ref (store);
  self->partner_id = partner_id;
  self->status = g_strdup (pl_record_get_string (partner, "status"));
  self->withdrawn_on = g_strdup (pl_record_get_string (partner, "withdrawn_on"));
  self->withdrawn_reason = g_strdup (pl_record_get_string (partner, "withdrawn_reason"));

  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*stripped != '\0')
    /* TRANSLATORS: the reason recorded on a cancelled placement; %s is the
     * partner's own reason for withdrawing. */
    cancel_reason = g_strdup_printf (_("Partner withdrew: %s"), stripped);
  else
    cancel_reason = g_strdup (_("Partner withdrew"));

  if (!pl_store_begin (store, error))
    return NULL;

  pl_record_set_string (partner, "status", "withdrawn");
  pl_record_set_string (partner, "withdrawn_on", date);
  pl_record_set_string (partner, "withdrawn_reason", *stripped != '\0' ? stripped : NULL);
  if (!pl_store_update (store, partner, error))
    goto failed;

  for (guint i = 0; i < n_choices; i++)
    if (!apply_choice (self, &choices[i], date, cancel_reason, error))
      goto failed;

  /* Whatever was not given a choice is cancelled: a withdrawn partner's
   * staff cannot go on placement for the network. */
  open = pl_withdrawal_open_placements (store, partner_id);
  for (guint i = 0; i < open->len; i++)
    {
      PlWithdrawalChoice cancel = { g_array_index (open, gint64, i), 0 };

      if (!apply_choice (self, &cancel, date, cancel_reason, error))
        goto failed;
    }

  pl_store_emit_changed (store, "placement");
  pl_store_emit_changed (store, "placement_event");

  if (!pl_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&self);

failed:
  pl_store_rollback (store);
  return NULL;
}

/**
 * pl_withdrawal_undo:
 *
 * Puts the partner and its placements back as they were before
 * pl_withdrawal_apply(), as one transaction.
 */
gboolean
pl_withdrawal_undo (PlWithdrawal  *self,
                    GError       **error)
{
  g_autoptr(PlRecord) partner = NULL;

  g_return_val_if_fail (PL_IS_WITHDRAWAL (self), FALSE);

  if (self->undone)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("The withdrawal has already been undone."));
      return FALSE;
    }

  if (!pl_store_begin (self->store, error))
    return FALSE;

  partner = pl_store_get (self->store, PL_TYPE_PARTNER, self->partner_id, error);
  if (partner == NULL)
    goto failed;

  pl_record_set_string (partner, "status", self->status);
  pl_record_set_string (partner, "withdrawn_on", self->withdrawn_on);
  pl_record_set_string (partner, "withdrawn_reason", self->withdrawn_reason);
  if (!pl_store_update (self->store, partner, error))
    goto failed;

  for (guint i = self->placements->len; i-- > 0;)
    {
      PlacementBefore *before = &g_array_index (self->placements, PlacementBefore, i);

      if (!run (self->store,
                "UPDATE placement SET status = ?1, cancel_reason = ?2, staff_id = ?3 WHERE id = ?4",
                error, "ssii", before->status, before->cancel_reason, before->staff_id,
                before->placement_id))
        goto failed;

      if (before->event_id != 0 &&
          !run (self->store, "DELETE FROM placement_event WHERE id = ?1",
                error, "i", before->event_id))
        goto failed;
    }

  pl_store_emit_changed (self->store, "placement");
  pl_store_emit_changed (self->store, "placement_event");

  if (!pl_store_commit (self->store, error))
    return FALSE;

  self->undone = TRUE;
  return TRUE;

failed:
  pl_store_rollback (self->store);
  return FALSE;
}

guint
pl_withdrawal_get_n_cancelled (PlWithdrawal *self)
{
  g_return_val_if_fail (PL_IS_WITHDRAWAL (self), 0);
  return self->n_cancelled;
}

guint
pl_withdrawal_get_n_moved (PlWithdrawal *self)
{
  g_return_val_if_fail (PL_IS_WITHDRAWAL (self), 0);
  return self->n_moved;
}
