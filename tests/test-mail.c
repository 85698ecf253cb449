/* test-mail.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-date.h"
#include "pl-ics.h"
#include "pl-mail.h"
#include "pl-milestones.h"
#include "pl-store-mail.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"

/* Emails written from templates: what the mail program receives, what the
 * contact log keeps, and the templates a network edits. */

typedef struct
{
  gint64 employer;
  gint64 staff;
  gint64 placement;
} Network;

/* A host with an ampersand in its name and a contact with accents, a
 * teacher with an apostrophe, and a placement on three days in March. */
static Network
make_network (PlStore *store)
{
  const char *days[] = { "2027-03-02", "2027-03-03", "2027-03-04", NULL };
  g_autoptr(PlRecord) employer = NULL;
  g_autoptr(PlRecord) staff = NULL;
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(GError) error = NULL;
  Network n;

  n.employer = pl_test_employer (store, "Fish & Chips Ltd", "host");
  n.staff = pl_test_staff (store, pl_test_partner (store, "Humber College"), "Zoë O'Brien");
  n.placement = pl_test_placement (store, n.staff, n.employer, "agreed", days);
  g_assert_true (pl_milestones_update (store, n.placement, &error));

  employer = pl_store_get (store, PL_TYPE_EMPLOYER, n.employer, &error);
  g_assert_no_error (error);
  pl_record_set_string (employer, "contact_name", "Siân Ó Briain");
  pl_record_set_string (employer, "contact_email", "sian@fish-and-chips.example");
  g_assert_true (pl_store_update (store, employer, &error));

  staff = pl_store_get (store, PL_TYPE_STAFF, n.staff, &error);
  pl_record_set_string (staff, "job_title", "Lecturer in Catering");
  g_assert_true (pl_store_update (store, staff, &error));

  placement = pl_store_get (store, PL_TYPE_PLACEMENT, n.placement, &error);
  pl_record_set_int (placement, "aims", PL_AIM_TEACHING | PL_AIM_EXPERTISE);
  g_assert_true (pl_store_update (store, placement, &error));
  g_assert_no_error (error);
  return n;
}

/* The query's parameters as GLib's URI parser reads them back. */
static GHashTable *
parse_mailto (const char  *uri,
              char       **to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, &error);
  GHashTable *params;

  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (parsed), ==, "mailto");
  *to = g_uri_unescape_string (g_uri_get_path (parsed), NULL);
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  return params;
}

/* Names with ampersands and apostrophes, line breaks of every kind and
 * text beyond ASCII come back exactly (line breaks as CRLF) from GLib's
 * parser; nothing in the URI is left for a mail program to misread. */
static void
test_uri_encoding (void)
{
  const char *to = "sian@fish-and-chips.example";
  const char *subject = "Fish & Chips Ltd: Zoë O'Brien, 2 März? #1 100% = yes+no";
  const char *body = "Dear Siân,\nline two\r\nline three\rCafé Ñandú — 東京 & more\n";
  const char *body_crlf = "Dear Siân,\r\nline two\r\nline three\r\nCafé Ñandú — 東京 & more\r\n";
  g_autofree char *uri = pl_mail_build_uri (to, subject, body);
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *parsed_to = NULL;
  const char *query;

  /* Only ASCII, no space, no raw line break; one "&" between the two
   * fields and none from the text. */
  for (const char *p = uri; *p != '\0'; p++)
    g_assert_true ((guchar) *p > 0x20 && (guchar) *p < 0x7f);
  query = strchr (uri, '?');
  g_assert_nonnull (query);
  g_assert_nonnull (strstr (uri, "%0D%0A"));
  g_assert_nonnull (strstr (uri, "Zo%C3%AB%20O%27Brien"));
  g_assert_nonnull (strstr (uri, "Fish%20%26%20Chips"));
  g_assert_null (strchr (strchr (query, '&') + 1, '&'));
  g_assert_null (strchr (uri, '+'));

  params = parse_mailto (uri, &parsed_to);
  g_assert_cmpstr (parsed_to, ==, to);
  g_assert_cmpuint (g_hash_table_size (params), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (params, "subject"), ==, subject);
  g_assert_cmpstr (g_hash_table_lookup (params, "body"), ==, body_crlf);
}

/* Filled from the records: the host's contact, the teacher, the days in
 * words, the aims and the signature; an unknown field stays as typed. */
static void
test_fill (PlTestDb      *db,
           gconstpointer  data)
{
  Network n = make_network (db->store);
  GDate today = pl_test_date ("2026-11-22");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlMailFields) fields = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *filled_subject = NULL;
  g_autofree char *filled_body = NULL;
  g_autofree char *odd = NULL;

  fields = pl_mail_fields_new (db->store, "employer", n.employer, 0, "Alex Coordinator", &today,
                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fields->to, ==, "sian@fish-and-chips.example");
  g_assert_cmpint (fields->placement_id, ==, n.placement);
  g_assert_cmpint (fields->employer_id, ==, n.employer);
  /* Agreed: the next email is the confirmation. */
  g_assert_cmpstr (fields->suggested, ==, "confirmation");

  g_assert_false (pl_mail_get_texts (db->store, "confirmation", &subject, &body));
  filled_subject = pl_mail_fill (subject, fields);
  filled_body = pl_mail_fill (body, fields);
  g_assert_cmpstr (filled_subject, ==,
                   "Confirmed: Zoë O'Brien at Fish & Chips Ltd, Tuesday 2 to Thursday 4 March 2027");
  g_assert_true (g_str_has_prefix (filled_body, "Dear Siân Ó Briain,\n"));
  g_assert_nonnull (strstr (filled_body, "Zoë O'Brien (Lecturer in Catering)"));
  g_assert_nonnull (strstr (filled_body, "- Improve teaching, learning and assessment\n"
                                         "- Update commercial and industrial expertise\n"));
  g_assert_nonnull (strstr (filled_body, "Alex Coordinator\n"));
  g_assert_null (strchr (filled_body, '{'));

  odd = pl_mail_fill ("{employer} {no_such_field} {", fields);
  g_assert_cmpstr (odd, ==, "Fish & Chips Ltd {no_such_field} {");
}

/* A milestone's email speaks of its own placement and step; a staff
 * member's goes to their host; a placement that is not the record's is
 * refused with its number. */
static void
test_records (PlTestDb      *db,
              gconstpointer  data)
{
  Network n = make_network (db->store);
  GDate today = pl_test_date ("2026-11-22");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlMailFields) fields = NULL;
  gint64 milestone;
  gint64 other;

  milestone = pl_test_query_int (db->store,
                                 "SELECT id FROM milestone WHERE placement_id = ?1 "
                                 "AND kind = 'induction'", n.placement);
  g_assert_cmpint (milestone, >, 0);
  fields = pl_mail_fields_new (db->store, "milestone", milestone, 0, NULL, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fields->suggested, ==, "health_safety");
  g_assert_cmpint (fields->placement_id, ==, n.placement);
  g_assert_cmpint (fields->employer_id, ==, n.employer);
  g_clear_pointer (&fields, pl_mail_fields_free);

  fields = pl_mail_fields_new (db->store, "staff", n.staff, 0, NULL, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fields->employer_id, ==, n.employer);
  g_assert_cmpstr (pl_mail_fields_get (fields, "employer"), ==, "Fish & Chips Ltd");
  g_clear_pointer (&fields, pl_mail_fields_free);

  other = pl_test_placement (db->store, n.staff, 0, "request", NULL);
  fields = pl_mail_fields_new (db->store, "employer", n.employer, other, NULL, &today, &error);
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is not one of Fish & Chips Ltd’s placements"));
  g_assert_null (fields);
  g_clear_error (&error);

  fields = pl_mail_fields_new (db->store, "partner", 1, 0, NULL, &today, &error);
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_assert_null (fields);
}

/* A logged email is one contact: channel email, the subject as summary,
 * today's date, the template's follow-up; without an employer nothing is
 * written. */
static void
test_log (PlTestDb      *db,
          gconstpointer  data)
{
  Network n = make_network (db->store);
  GDate today = pl_test_date ("2026-11-22");
  const PlMailTemplate *confirmation = pl_mail_find_template ("confirmation");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlMailFields) fields = NULL;
  g_autoptr(PlRecord) contact = NULL;
  g_autofree char *follow_up = NULL;
  gint64 before = pl_store_count (db->store, PL_TYPE_CONTACT);
  gint64 id;

  fields = pl_mail_fields_new (db->store, "employer", n.employer, 0, NULL, &today, &error);
  g_assert_no_error (error);
  id = pl_mail_log (db->store, fields, "confirmation", "Confirmed: Zoë", &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_count (db->store, PL_TYPE_CONTACT), ==, before + 1);

  contact = pl_store_get (db->store, PL_TYPE_CONTACT, id, &error);
  g_assert_no_error (error);
  follow_up = pl_date_iso_add_days ("2026-11-22", confirmation->follow_up_days);
  g_assert_cmpint (pl_record_get_int (contact, "employer_id"), ==, n.employer);
  g_assert_cmpstr (pl_record_get_string (contact, "channel"), ==, "email");
  g_assert_cmpstr (pl_record_get_string (contact, "summary"), ==, "Confirmed: Zoë");
  g_assert_cmpstr (pl_record_get_string (contact, "contact_date"), ==, "2026-11-22");
  g_assert_cmpstr (pl_record_get_string (contact, "follow_up"), ==, follow_up);
  g_assert_cmpstr (follow_up, >, "2026-11-22");

  /* No subject: no summary for the log, so no entry. */
  g_assert_cmpint (pl_mail_log (db->store, fields, "confirmation", "  ", &today, &error), ==, 0);
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_clear_error (&error);

  fields->employer_id = 0;
  g_assert_cmpint (pl_mail_log (db->store, fields, "thank_you", "Thanks", &today, &error), ==, 0);
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_assert_cmpint (pl_store_count (db->store, PL_TYPE_CONTACT), ==, before + 1);
}

/* An edit is what everyone on the data set writes with; a reset brings
 * the built-in text back. */
static void
test_edited_template (PlTestDb      *db,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *builtin_subject = NULL;
  g_autofree char *builtin_body = NULL;
  char *subject = NULL;
  char *body = NULL;

  g_assert_false (pl_mail_get_texts (db->store, "thank_you", &builtin_subject, &builtin_body));

  g_assert_true (pl_store_set_mail_template (db->store, "thank_you", "Thanks, {contact}!",
                                             "Cheers,\n{coordinator}\n", &error));
  g_assert_no_error (error);
  g_assert_true (pl_mail_get_texts (db->store, "thank_you", &subject, &body));
  g_assert_cmpstr (subject, ==, "Thanks, {contact}!");
  g_assert_cmpstr (body, ==, "Cheers,\n{coordinator}\n");
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);

  /* The others are untouched. */
  g_assert_false (pl_store_get_mail_template (db->store, "agreement", &subject, &body));

  g_assert_true (pl_store_reset_mail_template (db->store, "thank_you", &error));
  g_assert_no_error (error);
  g_assert_false (pl_mail_get_texts (db->store, "thank_you", &subject, &body));
  g_assert_cmpstr (subject, ==, builtin_subject);
  g_assert_cmpstr (body, ==, builtin_body);
  g_free (subject);
  g_free (body);
}

/* The calendar file a confirmation carries has that placement and its
 * milestones only. */
static void
test_placement_ics (PlTestDb      *db,
                    gconstpointer  data)
{
  Network n = make_network (db->store);
  const char *days[] = { "2027-05-10", NULL };
  gint64 other = pl_test_placement (db->store, n.staff, n.employer, "agreed", days);
  gboolean updated = pl_milestones_update (db->store, other, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = pl_ics_export_placement (db->store, n.placement, &error);
  g_autofree char *mine = g_strdup_printf ("UID:placement-%" G_GINT64_FORMAT "-20270302@",
                                           n.placement);
  g_autofree char *theirs = g_strdup_printf ("UID:placement-%" G_GINT64_FORMAT "-", other);
  gint64 milestone = pl_test_query_int (db->store,
                                        "SELECT min(id) FROM milestone WHERE placement_id = ?1",
                                        other);
  g_autofree char *their_todo = g_strdup_printf ("UID:milestone-%" G_GINT64_FORMAT "@", milestone);

  g_assert_true (updated);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, mine));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20270302"));
  g_assert_nonnull (strstr (text, "BEGIN:VTODO"));
  g_assert_null (strstr (text, theirs));
  g_assert_null (strstr (text, their_todo));
}

/* placements-cli mail prints the URI of the filled template; with --log
 * the contact log has it; bad input changes nothing. */
static void
test_cli (PlTestDb      *db,
          gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *to = NULL;
  g_autofree char *uri = NULL;
  gint64 n_contacts;

  make_network (db->store);
  n_contacts = pl_store_count (db->store, PL_TYPE_CONTACT);

  /* The CLI is another connection; this one sees what it commits. */

  uri = g_strstrip (g_strdup (pl_test_cli_ok (&run, db->path, "mail", "--employer",
                                              "fish & chips ltd", "--template", "confirmation",
                                              "--coordinator", "Alex Coordinator", NULL)));
  params = parse_mailto (uri, &to);
  g_assert_cmpstr (to, ==, "sian@fish-and-chips.example");
  g_assert_cmpstr (g_hash_table_lookup (params, "subject"), ==,
                   "Confirmed: Zoë O'Brien at Fish & Chips Ltd, Tuesday 2 to Thursday 4 March 2027");
  g_assert_true (g_str_has_suffix (g_hash_table_lookup (params, "body"),
                                   "Alex Coordinator\r\nPlacements network\r\n"));
  pl_test_run_clear (&run);

  /* Printing alone logs nothing. */
  g_assert_cmpint (pl_store_count (db->store, PL_TYPE_CONTACT), ==, n_contacts);

  pl_test_run_cli (&run, db->path, "mail", "--employer", "Nobody Ltd", "--template", "agreement",
                   "--log", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Nobody Ltd"));
  pl_test_run_clear (&run);

  pl_test_run_cli (&run, db->path, "mail", "--employer", "Fish & Chips Ltd", "--template",
                   "postcard", "--log", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“postcard” is not a template"));
  pl_test_run_clear (&run);

  pl_test_cli_ok (&run, db->path, "mail", "--employer", "Fish & Chips Ltd", "--template",
                  "agreement", "--log", "--today", "2026-11-23", NULL);
  pl_test_run_clear (&run);

  g_assert_cmpint (pl_store_count (db->store, PL_TYPE_CONTACT), ==, n_contacts + 1);
  {
    g_autofree char *summary = pl_test_select_text (db->store,
                                                    "SELECT summary || '|' || channel || '|' || "
                                                    "contact_date || '|' || follow_up "
                                                    "FROM contact ORDER BY id DESC LIMIT 1");

    g_assert_cmpstr (summary, ==,
                     "Placement agreement for Zoë O'Brien at Fish & Chips Ltd|email|2026-11-23|"
                     "2026-11-30");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, PlTestDb, NULL, pl_test_db_set_up, func, pl_test_db_tear_down)

  g_test_add_func ("/mail/uri-encoding", test_uri_encoding);
  ADD ("/mail/fill", test_fill);
  ADD ("/mail/records", test_records);
  ADD ("/mail/log", test_log);
  ADD ("/mail/edited-template", test_edited_template);
  ADD ("/mail/placement-ics", test_placement_ics);
  ADD ("/mail/cli", test_cli);

  return g_test_run ();
}
