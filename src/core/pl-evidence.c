/* pl-evidence.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-evidence.h"
#include "pl-store-legacy-private.h"

/* Evidence is collected once and reused for repeat hosts, so the rule looks
 * at every document of a kind: a kind is covered on a day when one of its
 * documents is in force that day (issued on or before it, when the issue
 * date is known, and expiring on or after it, when it expires at all). A
 * kind with no document is missing; a kind whose documents are all out of
 * force is expired. A placement cannot be confirmed with an employer whose
 * evidence is missing or expired on its first day. */

static const char document_states_sql[] =
  "SELECT kind,"
  "       max((issued_on IS NULL OR issued_on <= ?2) AND (expires_on IS NULL OR expires_on >= ?2))"
  "  FROM employer_document WHERE employer_id = ?1 GROUP BY kind";

static int
kind_index (const char *kind)
{
  for (int i = 0; pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[i] != NULL; i++)
    if (g_strcmp0 (pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[i], kind) == 0)
      return i;

  return -1;
}

static PlEvidenceState
check_one (PlStore     *store,
           gint64       employer_id,
           const char  *on_iso)
{
  PlEvidenceState state = { PL_EVIDENCE_ALL, 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = pl_store_get_sqlite (store);

  /* Unreadable evidence counts as missing: the rule must fail safe. */
  if (sqlite3_prepare_v2 (db, document_states_sql, -1, &stmt, NULL) != SQLITE_OK)
    return state;

  sqlite3_bind_int64 (stmt, 1, employer_id);
  sqlite3_bind_text (stmt, 2, on_iso, -1, SQLITE_TRANSIENT);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int index = kind_index ((const char *) sqlite3_column_text (stmt, 0));

      if (index < 0)
        continue;

      state.missing &= ~(1u << index);
      if (sqlite3_column_int (stmt, 1) == 0)
        state.expired |= 1u << index;
    }

  return state;
}

static GStrv
kinds_to_strv (PlEvidenceKinds kinds)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[i] != NULL; i++)
    if (kinds & (1u << i))
      g_strv_builder_add (builder, pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[i]);

  return g_strv_builder_end (builder);
}

/**
 * pl_evidence_check:
 * @employer_id: the employer
 * @on_date: the day the evidence must be in force, such as a placement's
 *   first day
 * @missing: (out) (optional) (transfer full): the kinds (keys of
 *   pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)) with no document
 * @expired: (out) (optional) (transfer full): the kinds whose documents
 *   are all out of force on @on_date
 *
 * Returns: %TRUE when every kind of evidence is in force on @on_date
 */
gboolean
pl_evidence_check (PlStore      *store,
                   gint64        employer_id,
                   const GDate  *on_date,
                   GStrv        *missing,
                   GStrv        *expired)
{
  g_autofree char *on_iso = NULL;
  PlEvidenceState state;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), FALSE);

  on_iso = pl_date_to_iso (on_date);
  state = check_one (store, employer_id, on_iso);

  if (missing != NULL)
    *missing = kinds_to_strv (state.missing);
  if (expired != NULL)
    *expired = kinds_to_strv (state.expired);

  return state.missing == 0 && state.expired == 0;
}

static char *
join_labels (const char * const *kinds)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      const char *label = pl_enum_label (kinds[i]);

      if (i == 0)
        {
          /* Sentence case: the first label starts the list. */
          g_string_append (text, label);
          continue;
        }

      g_string_append (text, kinds[i + 1] != NULL ? ", " : _(" and "));
      g_string_append_unichar (text, g_unichar_tolower (g_utf8_get_char (label)));
      g_string_append (text, g_utf8_next_char (label));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pl_evidence_describe:
 *
 * Returns: (transfer full): what is missing and what has expired, in
 *   sentences ("Missing: insurance certificate and risk assessment."), or
 *   an empty string when both lists are empty
 */
char *
pl_evidence_describe (const char * const *missing,
                      const char * const *expired)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (missing != NULL && missing[0] != NULL)
    {
      g_autofree char *labels = join_labels (missing);

      g_string_append_printf (text, _("Missing: %s."), labels);
    }

  if (expired != NULL && expired[0] != NULL)
    {
      g_autofree char *labels = join_labels (expired);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Expired: %s."), labels);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pl_evidence_require:
 *
 * The rule as the placement lifecycle applies it: fails with
 * %PL_ERROR_NOT_ALLOWED, naming what is missing or expired, unless every
 * kind of evidence is in force on @on_date.
 */
gboolean
pl_evidence_require (PlStore      *store,
                     gint64        employer_id,
                     const GDate  *on_date,
                     GError      **error)
{
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) expired = NULL;
  g_autofree char *what = NULL;
  g_autofree char *day = NULL;

  if (pl_evidence_check (store, employer_id, on_date, &missing, &expired))
    return TRUE;

  what = pl_evidence_describe ((const char * const *) missing, (const char * const *) expired);
  day = pl_date_to_iso (on_date);
  g_set_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED,
               _("The employer’s evidence is not in force on %s. %s"), day, what);
  return FALSE;
}

static const char problems_sql[] =
  "SELECT e.id, d.kind,"
  "       max((d.issued_on IS NULL OR d.issued_on <= ?1)"
  "           AND (d.expires_on IS NULL OR d.expires_on >= ?1))"
  "  FROM employer AS e LEFT JOIN employer_document AS d ON d.employer_id = e.id"
  " GROUP BY e.id, d.kind";

/**
 * pl_evidence_problems:
 * @on_date: the day the evidence must be in force
 *
 * The same rule for every employer at once, for lists.
 *
 * Returns: (transfer full) (element-type gint64 PlEvidenceState): for each
 *   employer whose evidence is incomplete on @on_date, keyed by a pointer
 *   to its id, what is wrong; %NULL with @error set on failure
 */
GHashTable *
pl_evidence_problems (PlStore      *store,
                      const GDate  *on_date,
                      GError      **error)
{
  g_autoptr(GHashTable) problems = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *on_iso = NULL;
  sqlite3 *db;
  gint64 current = 0;
  PlEvidenceState state = { 0, 0 };
  int rc;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), NULL);

  db = pl_store_get_sqlite (store);
  if (sqlite3_prepare_v2 (db, problems_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot check the employers’ evidence: %s"), sqlite3_errmsg (db));
      return NULL;
    }

  on_iso = pl_date_to_iso (on_date);
  sqlite3_bind_text (stmt, 1, on_iso, -1, SQLITE_TRANSIENT);

  problems = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  /* Rows come grouped by employer: close each employer's state when the
   * next one starts, and once more at the end. */
  for (;;)
    {
      gint64 id = 0;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);

      if (current != 0 && id != current && (state.missing != 0 || state.expired != 0))
        {
          gint64 *key = g_new (gint64, 1);

          *key = current;
          g_hash_table_insert (problems, key, g_memdup2 (&state, sizeof state));
        }

      if (rc != SQLITE_ROW)
        break;

      if (id != current)
        {
          current = id;
          state.missing = PL_EVIDENCE_ALL;
          state.expired = 0;
        }

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          int index = kind_index ((const char *) sqlite3_column_text (stmt, 1));

          if (index >= 0)
            {
              state.missing &= ~(1u << index);
              if (sqlite3_column_int (stmt, 2) == 0)
                state.expired |= 1u << index;
            }
        }
    }

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot check the employers’ evidence: %s"), sqlite3_errmsg (db));
      return NULL;
    }

  return g_steal_pointer (&problems);
}
