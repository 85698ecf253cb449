/* pl-attention.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-attention"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-attention-private.h"
#include "pl-date.h"
#include "pl-store-private.h"

/* The seeds' lesson is that employers must be kept warm: a coordinator
 * starts the day with the employers somebody should call. An employer is
 * listed when
 *  - the follow-up date of its last contact has come (an earlier contact's
 *    follow-up is settled by any contact after it);
 *  - nobody has contacted it for @months months (counted from the day the
 *    record was created when there has been no contact at all), unless the
 *    relationship has lapsed;
 *  - it is warm or a host but has no placement this academic year: none with
 *    a day since 1 September, and none still being arranged without days.
 * An employer that asked not to be contacted before a date after today is
 * left out: listing it would invite exactly the call it asked to be spared. */

G_DEFINE_BOXED_TYPE (PlAttention, pl_attention, pl_attention_copy, pl_attention_free)

PlAttention *
pl_attention_copy (const PlAttention *self)
{
  PlAttention *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PlAttention, 1);
  copy->employer_id = self->employer_id;
  copy->reasons = self->reasons;
  copy->last_contact = g_strdup (self->last_contact);
  copy->follow_up = g_strdup (self->follow_up);

  return copy;
}

void
pl_attention_free (PlAttention *self)
{
  if (self == NULL)
    return;

  g_free (self->last_contact);
  g_free (self->follow_up);
  g_free (self);
}

/* ?1, ?2: the academic year; ?3 the status of a cancelled placement;
 * ?4 to ?7 those of a placement still being arranged (request to
 * confirmed). */
static const char attention_sql[] =
  "SELECT e.id, e.relationship, e.do_not_contact_before, substr(e.created_at, 1, 10),"
  "       c.contact_date, c.follow_up,"
  "       EXISTS (SELECT 1 FROM placement AS p"
  "                WHERE p.employer_id = e.id AND p.status <> ?3"
  "                  AND (EXISTS (SELECT 1 FROM placement_day AS d"
  "                                WHERE d.placement_id = p.id AND d.day >= ?1 AND d.day < ?2)"
  "                       OR (p.status IN (?4, ?5, ?6, ?7)"
  "                           AND NOT EXISTS (SELECT 1 FROM placement_day AS d"
  "                                            WHERE d.placement_id = p.id))))"
  "  FROM employer AS e"
  "  LEFT JOIN contact AS c"
  "    ON c.id = (SELECT id FROM contact WHERE employer_id = e.id"
  "                ORDER BY contact_date DESC, id DESC LIMIT 1)"
  " ORDER BY e.name COLLATE NOCASE, e.id";

static const PlPlacementStatus arranging[] = {
  PL_PLACEMENT_STATUS_REQUEST, PL_PLACEMENT_STATUS_PROPOSED, PL_PLACEMENT_STATUS_AGREED,
  PL_PLACEMENT_STATUS_CONFIRMED,
};

/**
 * pl_attention_employers:
 * @today: the day to judge on
 * @months: how long without contact is too long (the `attention-months`
 *   setting)
 *
 * Returns: (transfer full) (element-type PlAttention): the employers that
 *   need attention, in name order, or %NULL with @error set
 */
GPtrArray *
pl_attention_employers (PlStore      *store,
                        const GDate  *today,
                        guint         months,
                        GError      **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *cutoff_iso = NULL;
  g_autofree char *year_start_iso = NULL;
  g_autofree char *year_end_iso = NULL;
  GDate cutoff;
  GDate year_start;
  GDate year_end;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  today_iso = pl_date_to_iso (today);

  cutoff = *today;
  g_date_subtract_months (&cutoff, months);
  cutoff_iso = pl_date_to_iso (&cutoff);

  pl_date_academic_year_start (today, &year_start);
  year_end = year_start;
  g_date_add_years (&year_end, 1);
  year_start_iso = pl_date_to_iso (&year_start);
  year_end_iso = pl_date_to_iso (&year_end);

  stmt = pl_db_prepare (pl_store_get_db (store), attention_sql, &failure);
  if (stmt == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot find the employers that need attention: %s"), failure->message);
      return NULL;
    }
  pl_stmt_bind_text (stmt, 1, year_start_iso);
  pl_stmt_bind_text (stmt, 2, year_end_iso);
  pl_stmt_bind_text (stmt, 3, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS,
                                               PL_PLACEMENT_STATUS_CANCELLED));
  for (guint i = 0; i < G_N_ELEMENTS (arranging); i++)
    pl_stmt_bind_text (stmt, 4 + (int) i, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS, arranging[i]));

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_attention_free);

  while (pl_stmt_next (stmt, &failure))
    {
      const char *not_before = pl_stmt_get_text (stmt, 2);
      const char *created = pl_stmt_get_text (stmt, 3);
      const char *last_contact = pl_stmt_get_text (stmt, 4);
      const char *follow_up = pl_stmt_get_text (stmt, 5);
      gboolean placed = pl_stmt_get_int (stmt, 6) != 0;
      int relationship = PL_RELATIONSHIP_PROSPECT;
      PlAttentionReasons reasons = 0;
      PlAttention *item;

      if (not_before != NULL && g_strcmp0 (not_before, today_iso) > 0)
        continue;

      pl_enum_from_nick (PL_TYPE_RELATIONSHIP, pl_stmt_get_text (stmt, 1), &relationship);

      if (follow_up != NULL && g_strcmp0 (follow_up, today_iso) <= 0)
        reasons |= PL_ATTENTION_FOLLOW_UP_DUE;

      if (relationship != PL_RELATIONSHIP_LAPSED &&
          g_strcmp0 (last_contact != NULL ? last_contact : created, cutoff_iso) < 0)
        reasons |= PL_ATTENTION_NOT_CONTACTED;

      if ((relationship == PL_RELATIONSHIP_WARM || relationship == PL_RELATIONSHIP_HOST) &&
          !placed)
        reasons |= PL_ATTENTION_NO_PLACEMENT;

      if (reasons == 0)
        continue;

      item = g_new0 (PlAttention, 1);
      item->employer_id = pl_stmt_get_int (stmt, 0);
      item->reasons = reasons;
      item->last_contact = g_strdup (last_contact);
      if (reasons & PL_ATTENTION_FOLLOW_UP_DUE)
        item->follow_up = g_strdup (follow_up);
      g_ptr_array_add (result, item);
    }

  if (failure != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot find the employers that need attention: %s"), failure->message);
      return NULL;
    }

  return g_steal_pointer (&result);
}

/**
 * pl_attention_find: (skip)
 * @attention: (element-type PlAttention): from pl_attention_employers()
 *
 * Returns: (transfer none) (nullable): the entry for @employer_id, if any
 */
PlAttention *
pl_attention_find (GPtrArray *attention,
                   gint64     employer_id)
{
  g_return_val_if_fail (attention != NULL, NULL);

  for (guint i = 0; i < attention->len; i++)
    {
      PlAttention *item = g_ptr_array_index (attention, i);

      if (item->employer_id == employer_id)
        return item;
    }

  return NULL;
}

/**
 * pl_attention_describe:
 * @today: the day the list was made for
 *
 * Returns: (transfer full): the reasons in words, one sentence a line, such
 *   as "Follow-up due since 3 March 2026."
 */
char *
pl_attention_describe (const PlAttention *self,
                       const GDate       *today)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (self->reasons & PL_ATTENTION_FOLLOW_UP_DUE)
    {
      g_autofree char *today_iso = pl_date_to_iso (today);
      g_autofree char *date = pl_date_describe (self->follow_up, FALSE);

      if (g_strcmp0 (self->follow_up, today_iso) == 0)
        g_string_append (text, _("Follow-up due today."));
      else
        g_string_append_printf (text, _("Follow-up due since %s."), date);
    }

  if (self->reasons & PL_ATTENTION_NOT_CONTACTED)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');

      if (self->last_contact != NULL)
        {
          g_autofree char *date = pl_date_describe (self->last_contact, FALSE);

          g_string_append_printf (text, _("Not contacted since %s."), date);
        }
      else
        g_string_append (text, _("Never contacted."));
    }

  if (self->reasons & PL_ATTENTION_NO_PLACEMENT)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, _("No placement this academic year."));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
