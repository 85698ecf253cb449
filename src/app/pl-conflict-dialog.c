/* pl-conflict-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pl-conflict-dialog.h"

typedef struct
{
  GWeakRef         owner;
  PlConflictChoice choice;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_weak_ref_clear (&pending->owner);
  g_free (pending);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Pending          *pending)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&pending->owner);

  if (owner != NULL)
    pending->choice (owner, g_str_equal (response, "mine"));
}

void
pl_conflict_dialog_present (GtkWidget        *parent,
                            const GError     *error,
                            GObject          *owner,
                            PlConflictChoice  choice)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;
  Pending *pending;

  g_return_if_fail (error != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Changed by Someone Else"),
                                                       error->message));
  adw_message_dialog_add_responses (dialog,
                                    "theirs", _("_Keep Theirs"),
                                    "mine", _("_Use Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "mine", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "theirs");
  adw_message_dialog_set_close_response (dialog, "theirs");

  pending = g_new0 (Pending, 1);
  g_weak_ref_init (&pending->owner, owner);
  pending->choice = choice;
  g_object_set_data_full (G_OBJECT (dialog), "pl-conflict", pending, pending_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), pending);

  gtk_window_present (GTK_WINDOW (dialog));
}
