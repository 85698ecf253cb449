/* pl-reminders.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-reminders.h"
#include "pl-store-job.h"
#include "pl-store-reminders.h"

/* The coordinator's morning list: the milestones due today or overdue, the
 * employers to follow up, the documents that run out within
 * PL_REMINDER_DOCUMENT_DAYS days, and the employers that may be contacted
 * again. Overdue things stay on the list until they are dealt with (the
 * milestone done, the employer contacted, the document renewed), because a
 * reminder that stops on its own is one that was missed; the app keeps
 * the notification itself to once a day.
 *
 * An employer with a follow-up due whose "do not contact before" date has
 * also passed is listed once, as the follow-up: both say "get in touch". */

G_DEFINE_BOXED_TYPE (PlReminder, pl_reminder, pl_reminder_copy, pl_reminder_free)

PlReminder *
pl_reminder_copy (const PlReminder *self)
{
  PlReminder *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->date = g_strdup (self->date);
  copy->subject = g_strdup (self->subject);
  copy->staff_name = g_strdup (self->staff_name);
  copy->employer_name = g_strdup (self->employer_name);
  return copy;
}

void
pl_reminder_free (PlReminder *self)
{
  if (self == NULL)
    return;

  g_free (self->date);
  g_free (self->subject);
  g_free (self->staff_name);
  g_free (self->employer_name);
  g_free (self);
}

/**
 * pl_reminder_kind_to_key:
 *
 * Returns: the stable name of @kind used in JSON and action targets
 *   ("milestone", "follow_up", "document", "contactable")
 */
const char *
pl_reminder_kind_to_key (PlReminderKind kind)
{
  switch (kind)
    {
    case PL_REMINDER_MILESTONE:
      return "milestone";
    case PL_REMINDER_FOLLOW_UP:
      return "follow_up";
    case PL_REMINDER_DOCUMENT:
      return "document";
    case PL_REMINDER_CONTACTABLE:
      return "contactable";
    case PL_REMINDER_ASK_AGAIN:
      return "ask_again";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pl_reminders_for_day:
 * @today: the day to remind of
 *
 * Returns: (transfer full) (element-type PlReminder): the reminders by
 *   kind (milestones, follow-ups, documents, employers to contact again),
 *   each by date, each thing once; or %NULL with @error set
 */
GPtrArray *
pl_reminders_for_day (PlStore      *store,
                      const GDate  *today,
                      GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_reminder_free);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) followed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *today_iso = NULL;
  g_autofree char *horizon_iso = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  today_iso = pl_date_to_iso (today);
  horizon_iso = pl_date_iso_add_days (today_iso, PL_REMINDER_DOCUMENT_DAYS);

  if (!pl_store_list_reminders (store, today_iso, horizon_iso, rows, error))
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      PlReminder *item = g_ptr_array_index (rows, i);

      if (item->kind == PL_REMINDER_FOLLOW_UP)
        g_hash_table_add (followed, &item->employer_id);
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_reminder_free);
  for (guint i = 0; i < rows->len; i++)
    {
      PlReminder *item = g_ptr_array_index (rows, i);
      char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                   pl_reminder_kind_to_key (item->kind), item->id);

      if (!g_hash_table_add (seen, key))
        continue;
      if ((item->kind == PL_REMINDER_CONTACTABLE || item->kind == PL_REMINDER_ASK_AGAIN) &&
          g_hash_table_contains (followed, &item->employer_id))
        continue;

      g_ptr_array_add (result, pl_reminder_copy (item));
    }

  return g_steal_pointer (&result);
}

/* "Jo Bloggs at Keel and Anchor Hotel", or just the name before a host is found. */
static char *
milestone_who (const PlReminder *self)
{
  if (self->employer_name != NULL)
    /* Translators: a member of staff and the employer hosting them */
    return g_strdup_printf (_("%s at %s"), self->staff_name, self->employer_name);
  return g_strdup (self->staff_name);
}

/**
 * pl_reminder_describe:
 * @today: the day the list was made for
 *
 * Returns: (transfer full): one line saying what is due and since when
 */
char *
pl_reminder_describe (const PlReminder *self,
                      const GDate      *today)
{
  g_autofree char *date = NULL;
  g_autofree char *who = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  date = pl_date_describe (self->date, FALSE);

  switch (self->kind)
    {
    case PL_REMINDER_MILESTONE:
      who = milestone_who (self);
      if (self->overdue)
        /* Translators: a milestone, who it is for, and the date it was due */
        return g_strdup_printf (_("%s for %s: overdue since %s"), self->subject, who, date);
      /* Translators: a milestone and who it is for */
      return g_strdup_printf (_("%s for %s: due today"), self->subject, who);

    case PL_REMINDER_FOLLOW_UP:
      if (self->overdue)
        return g_strdup_printf (_("Follow up with %s: due since %s"), self->employer_name, date);
      return g_strdup_printf (_("Follow up with %s: due today"), self->employer_name);

    case PL_REMINDER_DOCUMENT:
      /* Translators: a kind of document, an employer, a date */
      return g_strdup_printf (_("%s of %s expires on %s"), self->subject, self->employer_name,
                              date);

    case PL_REMINDER_CONTACTABLE:
      return g_strdup_printf (_("%s may be contacted again since %s"), self->employer_name,
                              date);

    case PL_REMINDER_ASK_AGAIN:
      /* Translators: an employer that said "not this year", and the next
       * academic year ("2027/28") */
      return g_strdup_printf (_("Ask %s again about hosting in %s"), self->employer_name,
                              self->subject);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pl_reminders_summarise:
 * @reminders: (element-type PlReminder): from pl_reminders_for_day()
 * @max_lines: how many reminders to spell out
 *
 * Returns: (transfer full): the first @max_lines reminders, a line each,
 *   and a last line counting the rest
 */
char *
pl_reminders_summarise (GPtrArray   *reminders,
                        const GDate *today,
                        guint        max_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown;

  g_return_val_if_fail (reminders != NULL, NULL);

  shown = MIN (reminders->len, max_lines);

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *line = pl_reminder_describe (g_ptr_array_index (reminders, i), today);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  if (reminders->len > shown)
    {
      guint rest = reminders->len - shown;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                 "and %u more", rest), rest);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gpointer
read_in_worker (PlStoreJob  *job,
                PlStore     *worker,
                gpointer     data,
                GError     **error)
{
  (void) job;
  return pl_reminders_for_day (worker, data, error);
}

/**
 * pl_reminders_for_day_async:
 *
 * pl_reminders_for_day() in the store's worker (see pl-store-job.h), for a
 * window that must not wait for it.
 */
void
pl_reminders_for_day_async (PlStore             *store,
                            const GDate         *today,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (PL_IS_STORE (store));
  g_return_if_fail (today != NULL);

  pl_store_run_async (store, read_in_worker, g_memdup2 (today, sizeof *today), g_free,
                      (GDestroyNotify) g_ptr_array_unref, NULL, NULL, cancellable, callback,
                      user_data);
}

GPtrArray *
pl_reminders_for_day_finish (PlStore       *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  return pl_store_run_finish (store, result, error);
}
