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
#include "pl-store-private.h"

/* Evidence is collected once and reused for repeat hosts, so the rule looks
 * at every document of a kind: a kind is covered on a day when one of its
 * documents is in force that day (issued on or before it, when the issue
 * date is known, and expiring on or after it, when it expires at all). A
 * kind with no document is missing; a kind whose documents are all out of
 * force is expired. A placement cannot be confirmed with an employer whose
 * evidence is missing or expired on its first day. */

/* Whether a document is in force on ?2 (issued by then, when the date is
 * known, and not expired before it), as 1 or 0 for max() to pick any. */
#define IN_FORCE(d, day) \
  "max(CASE WHEN (" d "issued_on IS NULL OR " d "issued_on <= " day ")" \
  " AND (" d "expires_on IS NULL OR " d "expires_on >= " day ") THEN 1 ELSE 0 END)"

static const char document_states_sql[] =
  "SELECT kind, " IN_FORCE ("", "?2")
  "  FROM employer_document WHERE employer_id = ?1 GROUP BY kind";

/* The bit of the kind of evidence whose nick is @kind, or 0 for none. */
static PlEvidenceKinds
kind_bit (const char *kind)
{
  int value;

  /* The kinds' values are their places, as the bits are. */
  if (!pl_enum_from_nick (PL_TYPE_DOCUMENT_KIND, kind, &value))
    return 0;
  return 1u << value;
}

static PlEvidenceState
check_one (PlStore     *store,
           gint64       employer_id,
           const char  *on_iso)
{
  PlEvidenceState state = { PL_EVIDENCE_ALL, 0 };
  g_autoptr(PlStmt) stmt = NULL;

  /* Unreadable evidence counts as missing: the rule must fail safe. */
  stmt = pl_db_prepare (pl_store_get_db (store), document_states_sql, NULL);
  if (stmt == NULL)
    return state;

  pl_stmt_bind_int (stmt, 1, employer_id);
  pl_stmt_bind_text (stmt, 2, on_iso);

  while (pl_stmt_next (stmt, NULL))
    {
      PlEvidenceKinds bit = kind_bit (pl_stmt_get_text (stmt, 0));

      state.missing &= ~bit;
      if (pl_stmt_get_int (stmt, 1) == 0)
        state.expired |= bit;
    }

  return state;
}

static GStrv
kinds_to_strv (PlEvidenceKinds kinds)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_kinds = pl_enum_get_n_values (PL_TYPE_DOCUMENT_KIND);

  for (guint i = 0; i < n_kinds; i++)
    {
      int kind = pl_enum_get_value (PL_TYPE_DOCUMENT_KIND, i);

      if (kinds & (1u << kind))
        g_strv_builder_add (builder, pl_enum_to_nick (PL_TYPE_DOCUMENT_KIND, kind));
    }

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

static const char problems_sql[] =
  "SELECT e.id, d.kind, " IN_FORCE ("d.", "?1")
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
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *on_iso = NULL;
  gint64 current = 0;
  PlEvidenceState state = { 0, 0 };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), NULL);

  stmt = pl_db_prepare (pl_store_get_db (store), problems_sql, &failure);
  if (stmt == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot check the employers’ evidence: %s"), failure->message);
      return NULL;
    }

  on_iso = pl_date_to_iso (on_date);
  pl_stmt_bind_text (stmt, 1, on_iso);

  problems = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  /* Rows come grouped by employer: close each employer's state when the
   * next one starts, and once more at the end. */
  for (;;)
    {
      gint64 id = 0;
      gboolean more = pl_stmt_next (stmt, &failure);

      if (more)
        id = pl_stmt_get_int (stmt, 0);

      if (current != 0 && id != current && (state.missing != 0 || state.expired != 0))
        {
          gint64 *key = g_new (gint64, 1);

          *key = current;
          g_hash_table_insert (problems, key, g_memdup2 (&state, sizeof state));
        }

      if (!more)
        break;

      if (id != current)
        {
          current = id;
          state.missing = PL_EVIDENCE_ALL;
          state.expired = 0;
        }

      if (!pl_stmt_is_null (stmt, 1))
        {
          PlEvidenceKinds bit = kind_bit (pl_stmt_get_text (stmt, 1));

          state.missing &= ~bit;
          if (pl_stmt_get_int (stmt, 2) == 0)
            state.expired |= bit;
        }
    }

  if (failure != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot check the employers’ evidence: %s"), failure->message);
      return NULL;
    }

  return g_steal_pointer (&problems);
}
