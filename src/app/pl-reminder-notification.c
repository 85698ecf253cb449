/* pl-reminder-notification.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-reminder-notification"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-reminder-notification.h"
#include "pl-reminders.h"

/* The morning notification: one a day, whatever starts the app first (the
 * person, or the desktop at login), with the day's reminders
 * (pl_reminders_for_day(), the list `placements-cli reminders` prints),
 * read as a digest: their numbers and the first few, not all of them.
 * Its actions are the application's, since a notification outlives the
 * window: app.open-overview, and app.open-placement(x) or
 * app.open-employer(x) for the first reminder. */

#define NOTIFICATION_ID "reminders"
#define MAX_LINES 4

static void
add_item_target (GNotification    *notification,
                 const PlReminder *item,
                 gboolean          as_default)
{
  const char *action;
  const char *label;
  gint64 id;

  if (item->kind == PL_REMINDER_MILESTONE)
    {
      action = "app.open-placement";
      label = _("Open Placement");
      id = item->placement_id;
    }
  else
    {
      action = "app.open-employer";
      label = _("Open Employer");
      id = item->employer_id;
    }

  if (as_default)
    g_notification_set_default_action_and_target (notification, action, "x", id);
  else
    g_notification_add_button_with_target (notification, label, action, "x", id);
}

/* @digest: of a non-empty list, keeping at least its first reminder.
 * Returns: the notification that tells of them. */
static GNotification *
notification_new (const PlReminderDigest *digest,
                              const GDate            *today)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  guint total;
  guint overdue;

  g_return_val_if_fail (digest != NULL && digest->n_reminders > 0, NULL);
  g_return_val_if_fail (digest->first->len > 0, NULL);

  total = digest->n_reminders;
  overdue = digest->n_overdue;
  if (overdue > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reminder, %u overdue",
                                          "%u reminders, %u overdue", total),
                             total, overdue);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reminder for today",
                                          "%u reminders for today", total),
                             total);
  body = pl_reminder_digest_summarise (digest, today, MAX_LINES);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_category (notification, "x-placements.reminders");

  /* One thing to do opens it; several open the Overview, which lists them. */
  if (total == 1)
    add_item_target (notification, g_ptr_array_index (digest->first, 0), TRUE);
  else
    {
      g_notification_set_default_action (notification, "app.open-overview");
      add_item_target (notification, g_ptr_array_index (digest->first, 0), FALSE);
    }
  g_notification_add_button (notification, _("Open Overview"), "app.open-overview");

  return g_steal_pointer (&notification);
}

/* Whether the day's notification is still to be sent. */
static gboolean
wanted (GApplication *application,
        GSettings    *settings,
        const GDate  *today)
{
  g_autofree char *today_iso = NULL;
  g_autofree char *last = NULL;

  /* Only a registered, primary instance has a desktop to tell. */
  if (!g_settings_get_boolean (settings, "remind-at-start") ||
      !g_application_get_is_registered (application) ||
      g_application_get_is_remote (application))
    return FALSE;

  today_iso = pl_date_to_iso (today);
  last = g_settings_get_string (settings, "last-reminded");
  return g_strcmp0 (last, today_iso) != 0;
}

static gboolean
send (GApplication *application,
      GSettings    *settings,
      const GDate  *today,
      PlReminderDigest *digest,
      const GError     *error)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *today_iso = NULL;

  if (digest == NULL)
    {
      /* The window that opens shows the same failure where it matters;
       * a notification about a notification would only be noise. */
      g_debug ("No reminders: %s", error->message);
      return FALSE;
    }
  if (digest->n_reminders == 0)
    return FALSE;

  notification = notification_new (digest, today);
  g_application_send_notification (application, NOTIFICATION_ID, notification);
  today_iso = pl_date_to_iso (today);
  g_settings_set_string (settings, "last-reminded", today_iso);
  return TRUE;
}

/**
 * pl_reminder_notification_send:
 * @settings: the application's settings
 *
 * Sends the day's reminders unless the remind-at-start setting is off, one
 * was sent already on @today (the last-reminded setting) or nothing is due.
 *
 * Returns: whether a notification was sent
 */
gboolean
pl_reminder_notification_send (GApplication *application,
                               PlStore      *store,
                               GSettings    *settings,
                               const GDate  *today)
{
  g_autoptr(PlReminderDigest) digest = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  if (!wanted (application, settings, today))
    return FALSE;

  digest = pl_reminders_digest_for_day (store, today, MAX_LINES, &error);
  return send (application, settings, today, digest, error);
}

typedef struct
{
  GApplication *application;
  GSettings    *settings;
  GDate         today;
} Later;

static void
on_reminders_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  Later *later = data;
  g_autoptr(PlReminderDigest) digest = NULL;
  g_autoptr(GError) error = NULL;

  digest = pl_reminders_digest_for_day_finish (PL_STORE (source), result, &error);
  /* Sent once: a second start meanwhile may have sent it already. */
  if (wanted (later->application, later->settings, &later->today))
    send (later->application, later->settings, &later->today, digest, error);

  g_application_release (later->application);
  g_object_unref (later->application);
  g_object_unref (later->settings);
  g_free (later);
}

/**
 * pl_reminder_notification_send_async:
 *
 * As pl_reminder_notification_send(), but the reminders are read in the
 * store's worker, so that the first window shows at once whatever the size
 * of the network. The application is held until they are sent.
 */
void
pl_reminder_notification_send_async (GApplication *application,
                                     PlStore      *store,
                                     GSettings    *settings,
                                     const GDate  *today)
{
  Later *later;

  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (PL_IS_STORE (store));

  if (!wanted (application, settings, today))
    return;

  later = g_new0 (Later, 1);
  later->application = g_object_ref (application);
  later->settings = g_object_ref (settings);
  later->today = *today;
  g_application_hold (application);
  pl_reminders_digest_for_day_async (store, today, MAX_LINES, NULL, on_reminders_read, later);
}
