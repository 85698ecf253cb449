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

/* What every reader of the list does with the rows as they come: each
 * thing once, and an employer with a follow-up due not listed again as one
 * to contact. Milestones need no check, since their query gives each
 * milestone once; holding an id for each of them would cost as much as the
 * reminders the digest below does without. */
typedef struct
{
  GHashTable *seen[PL_REMINDER_ASK_AGAIN + 1];
  GHashTable *followed;
  void      (*take) (PlReminder *item,
                     gpointer    data);
  gpointer    data;
} Filter;

static void
filter_item (PlReminder *item,
             gpointer    data)
{
  Filter *filter = data;

  if (item->kind != PL_REMINDER_MILESTONE)
    {
      GHashTable **seen = &filter->seen[item->kind];

      if (*seen == NULL)
        *seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      if (!g_hash_table_add (*seen, g_memdup2 (&item->id, sizeof item->id)) ||
          ((item->kind == PL_REMINDER_CONTACTABLE || item->kind == PL_REMINDER_ASK_AGAIN) &&
           g_hash_table_contains (filter->followed, &item->employer_id)))
        {
          pl_reminder_free (item);
          return;
        }
      if (item->kind == PL_REMINDER_FOLLOW_UP)
        g_hash_table_add (filter->followed, g_memdup2 (&item->employer_id,
                                                       sizeof item->employer_id));
    }

  filter->take (item, filter->data);
}

static gboolean
read_filtered (PlStore      *store,
               const GDate  *today,
               void        (*take) (PlReminder *item,
                                    gpointer    data),
               gpointer      data,
               GError      **error)
{
  Filter filter = { { NULL }, NULL, take, data };
  g_autofree char *today_iso = pl_date_to_iso (today);
  g_autofree char *horizon_iso = pl_date_iso_add_days (today_iso, PL_REMINDER_DOCUMENT_DAYS);
  gboolean ok;

  filter.followed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ok = pl_store_list_reminders (store, today_iso, horizon_iso, filter_item, &filter, error);

  g_hash_table_unref (filter.followed);
  for (guint i = 0; i < G_N_ELEMENTS (filter.seen); i++)
    g_clear_pointer (&filter.seen[i], g_hash_table_unref);
  return ok;
}

static void
take_into_array (PlReminder *item,
                 gpointer    data)
{
  g_ptr_array_add (data, item);
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
  g_autoptr(GPtrArray) result = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_reminder_free);
  if (!read_filtered (store, today, take_into_array, result, error))
    return NULL;
  return g_steal_pointer (&result);
}

void
pl_reminder_digest_free (PlReminderDigest *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->first, g_ptr_array_unref);
  g_free (self);
}

typedef struct
{
  PlReminderDigest *digest;
  guint             max_first;
} Digesting;

static void
take_into_digest (PlReminder *item,
                  gpointer    data)
{
  Digesting *digesting = data;
  PlReminderDigest *digest = digesting->digest;

  digest->n_reminders++;
  if (item->overdue)
    digest->n_overdue++;

  if (digest->first->len < digesting->max_first)
    g_ptr_array_add (digest->first, item);
  else
    pl_reminder_free (item);
}

/**
 * pl_reminders_digest_for_day:
 * @today: the day to remind of
 * @max_first: how many of the reminders to keep
 *
 * What pl_reminders_for_day() gives, counted rather than held: at 100,000
 * placements tens of thousands of milestones can be overdue, and a
 * notification tells of only the first few.
 *
 * Returns: (transfer full): how many reminders there are, how many of them
 *   are overdue, and the first @max_first of them in the list's order; or
 *   %NULL with @error set
 */
PlReminderDigest *
pl_reminders_digest_for_day (PlStore      *store,
                             const GDate  *today,
                             guint         max_first,
                             GError      **error)
{
  g_autoptr(PlReminderDigest) digest = g_new0 (PlReminderDigest, 1);
  Digesting digesting = { digest, max_first };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  digest->first = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_reminder_free);
  if (!read_filtered (store, today, take_into_digest, &digesting, error))
    return NULL;
  return g_steal_pointer (&digest);
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

static char *
summarise (GPtrArray   *first,
           guint        total,
           const GDate *today,
           guint        max_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (first->len, max_lines);

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *line = pl_reminder_describe (g_ptr_array_index (first, i), today);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  if (total > shown)
    {
      guint rest = total - shown;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                 "and %u more", rest), rest);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
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
  g_return_val_if_fail (reminders != NULL, NULL);

  return summarise (reminders, reminders->len, today, max_lines);
}

/**
 * pl_reminder_digest_summarise:
 * @max_lines: how many reminders to spell out, at most the digest's first
 *
 * Returns: (transfer full): what pl_reminders_summarise() says of the
 *   whole list
 */
char *
pl_reminder_digest_summarise (const PlReminderDigest *self,
                              const GDate            *today,
                              guint                   max_lines)
{
  g_return_val_if_fail (self != NULL, NULL);

  return summarise (self->first, self->n_reminders, today, max_lines);
}

typedef struct
{
  GDate today;
  guint max_first;
} DigestJob;

static gpointer
digest_in_worker (PlStoreJob  *job,
                  PlStore     *worker,
                  gpointer     data,
                  GError     **error)
{
  DigestJob *asked = data;

  (void) job;
  return pl_reminders_digest_for_day (worker, &asked->today, asked->max_first, error);
}

/**
 * pl_reminders_digest_for_day_async:
 *
 * pl_reminders_digest_for_day() in the store's worker, for the start-up
 * notification.
 */
void
pl_reminders_digest_for_day_async (PlStore             *store,
                                   const GDate         *today,
                                   guint                max_first,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  DigestJob *asked;

  g_return_if_fail (PL_IS_STORE (store));
  g_return_if_fail (today != NULL);

  asked = g_new0 (DigestJob, 1);
  asked->today = *today;
  asked->max_first = max_first;
  pl_store_run_async (store, digest_in_worker, asked, g_free,
                      (GDestroyNotify) pl_reminder_digest_free, NULL, NULL, cancellable,
                      callback, user_data);
}

PlReminderDigest *
pl_reminders_digest_for_day_finish (PlStore       *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return pl_store_run_finish (store, result, error);
}
