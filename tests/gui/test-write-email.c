/* test-write-email.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-employers-page.h"
#include "pl-mail-dialog.h"
#include "pl-test-gui.h"

/* "Write Email…" on the sample's Keel and Anchor Hotel, as a coordinator
 * would: the confirmation, edited, goes to the mail program (a stand-in
 * here that keeps the URI it was given), the contact log has it, and Undo
 * takes the entry back. */

typedef struct
{
  char     *uri;
  gboolean  fail;
} Launcher;

static gboolean
fake_launch (const char  *uri,
             gpointer     user_data,
             GError     **error)
{
  Launcher *launcher = user_data;

  if (launcher->fail)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No application is registered as handling this file");
      return FALSE;
    }
  g_free (launcher->uri);
  launcher->uri = g_strdup (uri);
  return TRUE;
}

static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gint64
count_emails (PlStore    *store,
              gint64      employer_id,
              const char *summary)
{
  g_autoptr(GListModel) contacts = pl_store_list_where (store, PL_TYPE_CONTACT, "employer_id",
                                                        employer_id);
  gint64 n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(PlRecord) contact = g_list_model_get_item (contacts, i);

      if (g_strcmp0 (pl_record_get_string (contact, "channel"), "email") == 0 &&
          g_strcmp0 (pl_record_get_string (contact, "summary"), summary) == 0)
        n++;
    }
  return n;
}

static void
test_write_email (void)
{
  PlTestGui gui = { 0, };
  Launcher launcher = { 0, };
  g_autoptr(PlRecord) keel = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *to = NULL;
  g_autofree char *shown_uri = NULL;
  PlMailDialog *dialog;
  PlWindow *window;
  GtkWidget *page, *button, *subject_row, *undo;
  gint64 n_contacts;

  pl_test_gui_set_up (&gui, TRUE);
  pl_mail_dialog_set_launcher (fake_launch, &launcher);
  g_settings_set_string (gui.settings, "coordinator-name", "Dana Whitfield");
  keel = pl_store_find_by_name (gui.store, PL_TYPE_EMPLOYER, "Keel and Anchor Hotel", &error);
  g_assert_no_error (error);
  n_contacts = pl_store_count (gui.store, PL_TYPE_CONTACT);

  /* The employer's page, and its Write Email… button. */
  window = pl_test_gui_open_window (&gui);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-employer", "x",
                                             pl_record_get_id (keel)));
  page = pl_test_find_descendant (GTK_WIDGET (window), PL_TYPE_EMPLOYERS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "employer.write-email", NULL));
  PL_TEST_WAIT_FOR (pl_test_find_window (PL_TYPE_MAIL_DIALOG) != NULL);
  dialog = PL_MAIL_DIALOG (pl_test_find_window (PL_TYPE_MAIL_DIALOG));

  /* Its placement is agreed: the confirmation is what it offers, filled. */
  g_assert_cmpstr (pl_mail_dialog_get_template (dialog), ==, "confirmation");
  subject_row = pl_test_find_row (GTK_WIDGET (dialog), "Subject");
  g_assert_nonnull (subject_row);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (subject_row)),
                                   "Confirmed: Ellie Fraser at Keel and Anchor Hotel, "));

  /* The user's edit is what goes. */
  subject = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (subject_row)), " & parking", NULL);
  gtk_editable_set_text (GTK_EDITABLE (subject_row), subject);
  shown_uri = pl_mail_dialog_dup_uri (dialog);

  /* No mail program: nothing logged, the dialog stays with its text. */
  launcher.fail = TRUE;
  button = pl_test_find_button (GTK_WIDGET (dialog), "_Open in Mail");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (pl_store_count (gui.store, PL_TYPE_CONTACT), ==, n_contacts);
  g_assert_true (pl_test_find_window (PL_TYPE_MAIL_DIALOG) == GTK_WINDOW (dialog));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), "nothing was logged"));

  launcher.fail = FALSE;
  g_signal_emit_by_name (button, "clicked");
  PL_TEST_WAIT_FOR (pl_test_find_window (PL_TYPE_MAIL_DIALOG) == NULL);

  /* The mail program got the email as edited, to the hotel's contact. */
  g_assert_nonnull (launcher.uri);
  g_assert_cmpstr (launcher.uri, ==, shown_uri);
  parsed = g_uri_parse (launcher.uri, G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (parsed), ==, "mailto");
  to = g_uri_unescape_string (g_uri_get_path (parsed), NULL);
  g_assert_cmpstr (to, ==, "events@keel-and-anchor.example.co.uk");
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (params, "subject"), ==, subject);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (params, "body"),
                                   "Dear Sunita Varma,\r\n"));
  g_assert_nonnull (strstr (g_hash_table_lookup (params, "body"), "Dana Whitfield\r\n"));

  /* The contact log has it, on the page too. */
  g_assert_cmpint (pl_store_count (gui.store, PL_TYPE_CONTACT), ==, n_contacts + 1);
  g_assert_cmpint (count_emails (gui.store, pl_record_get_id (keel), subject), ==, 1);
  PL_TEST_WAIT_FOR (find_label_containing (page, "&amp; parking") != NULL ||
                    find_label_containing (page, "& parking") != NULL);

  /* The toast's Undo takes the entry back. */
  PL_TEST_WAIT_FOR ((undo = pl_test_find_button (GTK_WIDGET (window), "_Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpint (pl_store_count (gui.store, PL_TYPE_CONTACT), ==, n_contacts);
  g_assert_cmpint (count_emails (gui.store, pl_record_get_id (keel), subject), ==, 0);

  pl_mail_dialog_set_launcher (NULL, NULL);
  g_free (launcher.uri);
  pl_test_gui_close_window (window);
  pl_test_gui_tear_down (&gui);
}

/* A milestone row's button writes the email its step calls for. */
static void
test_milestone (void)
{
  PlTestGui gui = { 0, };
  PlWindow *window;
  PlMailDialog *dialog;
  gint64 milestone;
  g_autoptr(GListModel) milestones = NULL;

  pl_test_gui_set_up (&gui, TRUE);
  milestones = pl_store_list (gui.store, PL_TYPE_MILESTONE);
  milestone = 0;
  for (guint i = 0; milestone == 0 && i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(PlRecord) record = g_list_model_get_item (milestones, i);

      if (g_strcmp0 (pl_record_get_string (record, "kind"), "induction") == 0)
        milestone = pl_record_get_id (record);
    }
  g_assert_cmpint (milestone, >, 0);
  g_clear_object (&milestones);

  window = pl_test_gui_open_window (&gui);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.write-email", "(sx)",
                                             "milestone", milestone));
  PL_TEST_WAIT_FOR (pl_test_find_window (PL_TYPE_MAIL_DIALOG) != NULL);
  dialog = PL_MAIL_DIALOG (pl_test_find_window (PL_TYPE_MAIL_DIALOG));
  g_assert_cmpstr (pl_mail_dialog_get_template (dialog), ==, "health_safety");

  pl_test_destroy_window (GTK_WINDOW (dialog));
  pl_test_gui_close_window (window);
  pl_test_gui_tear_down (&gui);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mail/write-email", test_write_email);
  g_test_add_func ("/mail/milestone", test_milestone);

  return g_test_run ();
}
