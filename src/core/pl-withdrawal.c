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
#include "pl-enums.h"
#include "pl-lifecycle.h"
#include "pl-store-private.h"

/* Partners do withdraw from a network (two of the case study's sixteen
 * placements were cancelled that way), and their placements must then be
 * handled: each open one — from request to confirmed — is either cancelled,
 * with the reason recorded, or handed to a staff member of another partner
 * who takes the place. The partner's status, date and reason and every
 * placement change are one transaction, and can be undone as one. */

struct _PlWithdrawal
{
  GObject   parent_instance;

  PlStore  *store;
  gint64    partner_id;
  GBytes   *changes;     /* what the withdrawal wrote, to undo it exactly */
  guint     n_cancelled;
  guint     n_moved;
  gboolean  undone;
};

G_DEFINE_FINAL_TYPE (PlWithdrawal, pl_withdrawal, G_TYPE_OBJECT)

static void
pl_withdrawal_finalize (GObject *object)
{
  PlWithdrawal *self = PL_WITHDRAWAL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->changes, g_bytes_unref);

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
}

/* Open: from request to confirmed, the part of the walk before it takes
 * place. */
static gboolean
is_open (PlPlacementStatus status)
{
  return status <= PL_PLACEMENT_STATUS_CONFIRMED;
}

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
  g_autoptr(PlStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), ids);

  sql = g_strdup_printf ("SELECT p.id, p.status FROM placement AS p "
                         "JOIN staff AS s ON s.id = p.staff_id "
                         "WHERE s.partner_id = ?1 ORDER BY s.name %s, p.id",
                         pl_db_sql (pl_store_get_db (store), PL_DB_SQL_NOCASE));
  stmt = pl_db_prepare (pl_store_get_db (store), sql, NULL);
  if (stmt == NULL)
    return ids;

  pl_stmt_bind_int (stmt, 1, partner_id);
  while (pl_stmt_next (stmt, NULL))
    {
      gint64 id = pl_stmt_get_int (stmt, 0);
      int status;

      if (pl_enum_from_nick (PL_TYPE_PLACEMENT_STATUS, pl_stmt_get_text (stmt, 1), &status) &&
          is_open (status))
        g_array_append_val (ids, id);
    }

  return ids;
}

static gboolean
apply_choice (PlWithdrawal              *self,
              const PlWithdrawalChoice  *choice,
              const GDate               *date,
              const char                *cancel_reason,
              GError                   **error)
{
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(PlRecord) staff = NULL;
  g_autoptr(PlRecord) owner = NULL;

  placement = pl_store_get (self->store, PL_TYPE_PLACEMENT, choice->placement_id, NULL);
  if (placement != NULL)
    staff = pl_store_get (self->store, PL_TYPE_STAFF, pl_record_get_int (placement, "staff_id"),
                          NULL);
  if (staff == NULL || pl_record_get_int (staff, "partner_id") != self->partner_id ||
      !is_open (pl_record_get_enum (placement, "status")))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("Placement %" G_GINT64_FORMAT " is not one of this partner’s open placements."),
                   choice->placement_id);
      return FALSE;
    }

  if (choice->move_to_staff_id == 0)
    {
      /* The lifecycle's own cancellation: the reason, and the change in
       * the placement's history on the day of the withdrawal. */
      if (!pl_lifecycle_set_status (self->store, choice->placement_id,
                                    pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                                     PL_PLACEMENT_STATUS_CANCELLED),
                                    cancel_reason, date, error))
        return FALSE;
      self->n_cancelled++;
      return TRUE;
    }

  g_clear_object (&staff);
  staff = pl_store_get (self->store, PL_TYPE_STAFF, choice->move_to_staff_id, NULL);
  if (staff == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no staff member number %" G_GINT64_FORMAT " to take the placement."),
                   choice->move_to_staff_id);
      return FALSE;
    }
  owner = pl_store_get (self->store, PL_TYPE_PARTNER, pl_record_get_int (staff, "partner_id"),
                        NULL);
  if (owner == NULL || pl_record_get_id (owner) == self->partner_id ||
      pl_record_get_enum (owner, "status") != PL_PARTNER_STATUS_ACTIVE)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                           _("A placement can only move to a staff member of another partner "
                             "that is still active."));
      return FALSE;
    }

  pl_record_set_int (placement, "staff_id", choice->move_to_staff_id);
  if (!pl_store_update (self->store, placement, error))
    return FALSE;
  self->n_moved++;
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
  gboolean own_recording;
  PlDb *db;
  GDate day;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (choices != NULL || n_choices == 0, NULL);

  if (!pl_date_is_iso (date) || !pl_date_parse (date, &day))
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

  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*stripped != '\0')
    /* TRANSLATORS: the reason recorded on a cancelled placement; %s is the
     * partner's own reason for withdrawing. */
    cancel_reason = g_strdup_printf (_("Partner withdrew: %s"), stripped);
  else
    cancel_reason = g_strdup (_("Partner withdrew"));

  if (!pl_store_begin (store, error))
    return NULL;

  /* As for a deletion (pl-deletion.c): the recording the undo history
   * reads, or one of the withdrawal's own. */
  db = pl_store_get_db (store);
  own_recording = !pl_db_is_recording (db);
  if (own_recording && !pl_db_record_start (db, error))
    {
      pl_store_translate_error (error, NULL);
      goto failed;
    }

  pl_record_set_enum (partner, "status", PL_PARTNER_STATUS_WITHDRAWN);
  pl_record_set_string (partner, "withdrawn_on", date);
  pl_record_set_string (partner, "withdrawn_reason", *stripped != '\0' ? stripped : NULL);
  if (!pl_store_update (store, partner, error))
    goto failed;

  for (guint i = 0; i < n_choices; i++)
    if (!apply_choice (self, &choices[i], &day, cancel_reason, error))
      goto failed;

  /* Whatever was not given a choice is cancelled: a withdrawn partner's
   * staff cannot go on placement for the network. */
  open = pl_withdrawal_open_placements (store, partner_id);
  for (guint i = 0; i < open->len; i++)
    {
      PlWithdrawalChoice cancel = { g_array_index (open, gint64, i), 0 };

      if (!apply_choice (self, &cancel, &day, cancel_reason, error))
        goto failed;
    }

  self->changes = own_recording ? pl_db_record_take (db) : pl_db_record_peek (db);

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
 * pl_withdrawal_apply(), their history included, as one transaction.
 */
gboolean
pl_withdrawal_undo (PlWithdrawal  *self,
                    GError       **error)
{
  g_return_val_if_fail (PL_IS_WITHDRAWAL (self), FALSE);

  if (self->undone)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("The withdrawal has already been undone."));
      return FALSE;
    }

  if (self->changes != NULL &&
      !pl_store_apply_changes (self->store, self->changes, TRUE, error))
    {
      g_prefix_error (error, _("Cannot undo the withdrawal: "));
      return FALSE;
    }

  self->undone = TRUE;
  return TRUE;
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
