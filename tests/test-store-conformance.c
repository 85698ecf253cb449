/* test-store-conformance.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-lifecycle.h"
#include "pl-reminders.h"
#include "pl-repeat.h"
#include "pl-search.h"
#include "pl-store.h"
#include "pl-store-appetite.h"
#include "pl-store-bulk.h"
#include "pl-date.h"
#include "pl-milestones.h"
#include "pl-placement-list.h"
#include "pl-store-repeat.h"
#include "pl-test-store.h"

/* What every backend of the store must do, written once against its
 * public interface only: create, read, update, delete, list, search,
 * notifications, transactions, undo steps, bulk import. It runs on the SQLite backend;
 * PLACEMENTS_TEST_STORE names another (see pl-test-store.h). */

typedef PlTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  pl_test_store_set_up (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pl_test_store_tear_down (f);
}

/* Every record type goes through create, read, update and delete, with the
 * parents it needs. Each step reads back from the database, not the object. */
typedef struct
{
  GType       type;
  const char *column;     /* a text or date column to update */
  const char *value;
} CrudCase;

static void
check_crud (PlStore        *store,
            PlRecord       *record,
            const CrudCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) read = NULL;
  g_autoptr(PlRecord) updated = NULL;
  g_autoptr(PlRecord) gone = NULL;
  gint64 count = pl_store_count (store, c->type);
  gint64 id;

  g_assert_true (pl_store_insert (store, record, &error));
  g_assert_no_error (error);
  id = pl_record_get_id (record);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (pl_store_count (store, c->type), ==, count + 1);
  g_assert_nonnull (pl_record_get_created_at (record));

  read = pl_store_get (store, c->type, id, &error);
  g_assert_no_error (error);
  g_assert_true (G_OBJECT_TYPE (read) == c->type);

  pl_record_set_string (read, c->column, c->value);
  g_assert_true (pl_store_update (store, read, &error));
  g_assert_no_error (error);

  updated = pl_store_get (store, c->type, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (updated, c->column), ==, c->value);

  g_assert_true (pl_store_delete (store, c->type, id, &error));
  g_assert_no_error (error);
  gone = pl_store_get (store, c->type, id, &error);
  g_assert_null (gone);
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_assert_cmpint (pl_store_count (store, c->type), ==, count);
}

static void
test_crud_every_type (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) partner = pl_test_insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = pl_test_insert_staff (f->store, pl_record_get_id (partner), "Amira Okafor");
  g_autoptr(PlRecord) employer = pl_test_insert_employer (f->store, "The Quay Bistro", "Catering and Hospitality");
  g_autoptr(PlRecord) placement = pl_record_new (PL_TYPE_PLACEMENT);
  g_autoptr(PlRecord) group = pl_record_new (PL_TYPE_GROUP);
  gint64 partner_id = pl_record_get_id (partner);
  gint64 staff_id = pl_record_get_id (staff);
  gint64 employer_id = pl_record_get_id (employer);
  gint64 catering = pl_test_sector_id (f->store, "Catering and Hospitality");
  gint64 placement_id, group_id;

  g_object_set (placement, "staff-id", staff_id, "sector-id", catering, "status", "request",
                "length", (gint64) 1, "aims", (gint64) 0, NULL);
  g_assert_true (pl_store_insert (f->store, placement, &error));
  g_assert_no_error (error);
  placement_id = pl_record_get_id (placement);

  g_object_set (group, "name", "Maths resilience", "area", "maths", "wave", (gint64) 1, NULL);
  g_assert_true (pl_store_insert (f->store, group, &error));
  g_assert_no_error (error);
  group_id = pl_record_get_id (group);

  {
    const CrudCase c = { PL_TYPE_SECTOR, "name", "Space Technology" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "name", "Maritime", NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_PARTNER, "region", "Yorkshire and the Humber" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "name", "Wolds Coast College", "kind", "college", "status", "active",
                  "contact-email", "cpd@wolds.example.ac.uk", NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_STAFF, "job_title", "Curriculum manager" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "partner-id", partner_id, "name", "Tomasz Nowak", "teaching-days", (gint64) 0,
                  NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_EMPLOYER, "contact_name", "Priya Shah" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "name", "Northgate Builders", "sector-id", pl_test_sector_id (f->store, "Construction"),
                  "relationship", "prospect", "capacity", (gint64) 1, "notice-weeks", (gint64) 2,
                  "preferred-days", (gint64) 31, NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_CONTACT, "summary", "Agreed a visit in March" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "employer-id", employer_id, "staff-id", staff_id, "contact-date", "2026-11-02",
                  "channel", "call", "follow-up", "2026-11-30", NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_EMPLOYER_DOCUMENT, "expires_on", "2027-10-31" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "employer-id", employer_id, "kind", "insurance", "issued-on", "2026-11-01",
                  "expires-on", "2027-11-01", NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_PLACEMENT, "goals", "See a modern pastry section at work" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "staff-id", staff_id, "sector-id", catering, "employer-id", employer_id,
                  "status", "proposed", "length", (gint64) 2, "aims", (gint64) 5, NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_PLACEMENT_EVENT, "reason", "Employer asked for a later date" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "placement-id", placement_id, "changed-on", "2026-11-20",
                  "from-status", "request", "to-status", "proposed", NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_MILESTONE_TEMPLATE, "label", "Site visit" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "kind", "site_visit", "label", "Visit", "anchor", "first",
                  "offset", (gint64) -3, "unit", "weeks", "position", (gint64) 9, NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_MILESTONE, "done", "2026-11-21" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "placement-id", placement_id, "kind", "first_contact",
                  "label", "First contact", "due", "2026-11-10", NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_CASCADE, "notes", "Department meeting" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "placement-id", placement_id, "cascade-date", "2027-01-12",
                  "audience", "colleagues", "people", (gint64) 6, NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_CALENDAR_PERIOD, "label", "Christmas service" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "owner-kind", "employer", "employer-id", employer_id, "kind", "busy",
                  "start-date", "2026-11-20", "end-date", "2027-01-03",
                  "weekdays", (gint64) 127, NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_OBSERVATION, "observer", "R. Castell" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "staff-id", staff_id, "placement-id", placement_id, "phase", "before",
                  "observed-on", "2026-10-01", "technology", (gint64) 3,
                  "learners-progressed", TRUE, NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_SURVEY_RESPONSE, "workplace", "neutral" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "kind", "student", "learning-improved", "agree", NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_GROUP, "aim", "Help learners past maths anxiety" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "name", "Blended learning", "area", "digital", "wave", (gint64) 2, NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_GROUP_MEMBER, "role", "Lead practitioner" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "group-id", group_id, "staff-id", staff_id, "role", "member", NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_GROUP_MEETING, "place", "Online" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "group-id", group_id, "meeting-date", "2026-03-05", NULL);
    check_crud (f->store, r, &c);
  }
  {
    const CrudCase c = { PL_TYPE_GROUP_OUTCOME, "link", "https://example.org/report.pdf" };
    g_autoptr(PlRecord) r = pl_record_new (c.type);
    g_object_set (r, "group-id", group_id, "title", "Growth zone activities", "kind", "resource",
                  NULL);
    check_crud (f->store, r, &c);
  }

  /* Derived columns come back with the record. */
  {
    g_autoptr(PlRecord) read = pl_store_get (f->store, PL_TYPE_PLACEMENT, placement_id, &error);
    g_autofree char *staff_name = NULL;

    g_assert_no_error (error);
    g_object_get (read, "staff-name", &staff_name, NULL);
    g_assert_cmpstr (staff_name, ==, "Amira Okafor");
    g_assert_cmpstr (pl_record_get_string (read, "partner_name"), ==, "Humber Estuary College");
    g_assert_cmpstr (pl_record_get_string (read, "sector_name"), ==, "Catering and Hospitality");
  }
}

static void
test_days (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) partner = pl_test_insert_partner (f->store, "Don Valley College");
  g_autoptr(PlRecord) staff = pl_test_insert_staff (f->store, pl_record_get_id (partner), "Li Wei");
  g_autoptr(PlRecord) placement = pl_record_new (PL_TYPE_PLACEMENT);
  g_autoptr(PlRecord) read = NULL;
  const char *days[] = { "2027-02-03", "2027-02-01", "2027-02-02", NULL };
  const char *bad[] = { "2027-02-04", "2027-02-30", NULL };
  g_auto(GStrv) stored = NULL;

  g_object_set (placement, "staff-id", pl_record_get_id (staff),
                "sector-id", pl_test_sector_id (f->store, "Digital"), "status", "request",
                "length", (gint64) 3, "aims", (gint64) 0, NULL);
  g_assert_true (pl_store_insert (f->store, placement, &error));
  g_assert_no_error (error);

  g_assert_true (pl_store_set_days (f->store, pl_record_get_id (placement), days, &error));
  g_assert_no_error (error);
  stored = pl_store_get_days (f->store, pl_record_get_id (placement));
  g_assert_cmpuint (g_strv_length (stored), ==, 3);
  g_assert_cmpstr (stored[0], ==, "2027-02-01");
  g_assert_cmpstr (stored[2], ==, "2027-02-03");

  /* An impossible date rejects the whole set; the old days stay. */
  g_assert_false (pl_store_set_days (f->store, pl_record_get_id (placement), bad, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_clear_pointer (&stored, g_strfreev);
  stored = pl_store_get_days (f->store, pl_record_get_id (placement));
  g_assert_cmpuint (g_strv_length (stored), ==, 3);

  read = pl_store_get (f->store, PL_TYPE_PLACEMENT, pl_record_get_id (placement), NULL);
  g_assert_cmpstr (pl_record_get_string (read, "first_day"), ==, "2027-02-01");
  g_assert_cmpstr (pl_record_get_string (read, "last_day"), ==, "2027-02-03");
  g_assert_cmpint (pl_record_get_int (read, "n_days"), ==, 3);

  /* The Placements page's "taking place" and "without days" scopes, as the
   * Overview opens them, on every engine. */
  {
    g_autoptr(PlPlacementList) list = pl_placement_list_new (f->store);
    g_autoptr(PlRecord) bare = pl_record_new (PL_TYPE_PLACEMENT);
    PlPlacementFilter filter = { .days_from = "2027-02-03", .days_to = "2027-03-01" };

    g_clear_error (&error);
    g_object_set (bare, "staff-id", pl_record_get_id (staff),
                  "sector-id", pl_test_sector_id (f->store, "Digital"), "status", "request",
                  "length", (gint64) 1, "aims", (gint64) 0, NULL);
    g_assert_true (pl_store_insert (f->store, bare, &error));
    g_assert_no_error (error);

    pl_placement_list_set_filter (list, &filter);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    g_assert_cmpuint (pl_placement_list_find (list, pl_record_get_id (placement)), ==, 0);
    filter.days_from = "2027-02-04";
    pl_placement_list_set_filter (list, &filter);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

    filter = (PlPlacementFilter) { .without_days = TRUE };
    pl_placement_list_set_filter (list, &filter);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    g_assert_cmpuint (pl_placement_list_find (list, pl_record_get_id (bare)), ==, 0);
    /* The Overview's "Show all" of what is overdue and due this week: a
     * milestone not done due in the range, the open end left open. */
    {
      g_autoptr(GPtrArray) milestones = NULL;
      const char *first_due;
      GDate on;

      g_assert_true (pl_milestones_update (f->store, pl_record_get_id (placement), &error));
      g_assert_no_error (error);
      milestones = pl_milestones_list_for_placement (f->store, pl_record_get_id (placement),
                                                     &error);
      g_assert_no_error (error);
      g_assert_cmpuint (milestones->len, >, 1);
      first_due = pl_record_get_string (milestones->pdata[0], "due");

      filter = (PlPlacementFilter) { .milestones_to = first_due };
      pl_placement_list_set_filter (list, &filter);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
      g_assert_cmpuint (pl_placement_list_find (list, pl_record_get_id (placement)), ==, 0);

      filter = (PlPlacementFilter) { .milestones_from = "2030-01-01" };
      pl_placement_list_set_filter (list, &filter);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

      /* Done, it is no longer due. */
      g_assert_true (pl_date_parse (first_due, &on));
      g_assert_true (pl_milestones_set_done (f->store,
                                             pl_record_get_id (milestones->pdata[0]), &on,
                                             &error));
      g_assert_no_error (error);
      filter = (PlPlacementFilter) { .milestones_to = first_due };
      pl_placement_list_set_filter (list, &filter);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
    }
  }
}

static void
assert_rejected (PlStore  *store,
                 PlRecord *record,
                 int       code,
                 const char *needle)
{
  g_autoptr(GError) error = NULL;
  gint64 count = pl_store_count (store, G_OBJECT_TYPE (record));

  g_assert_false (pl_store_insert (store, record, &error));
  g_assert_error (error, PL_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);
  g_assert_cmpint (pl_record_get_id (record), ==, 0);
  g_assert_cmpint (pl_store_count (store, G_OBJECT_TYPE (record)), ==, count);
}

static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) partner = pl_test_insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = pl_test_insert_staff (f->store, pl_record_get_id (partner), "Amira Okafor");
  g_autoptr(PlRecord) employer = pl_test_insert_employer (f->store, "The Quay Bistro", "Catering and Hospitality");
  gint64 catering = pl_test_sector_id (f->store, "Catering and Hospitality");

  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_STAFF);
    g_object_set (r, "partner-id", pl_record_get_id (partner), "name", "Jo Bloggs",
                  "email", "jo@", "teaching-days", (gint64) 0, NULL);
    assert_rejected (f->store, r, PL_ERROR_INVALID, "“jo@” is not an email address");
  }
  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_STAFF);
    g_object_set (r, "partner-id", pl_record_get_id (partner), "name", "   ",
                  "teaching-days", (gint64) 0, NULL);
    assert_rejected (f->store, r, PL_ERROR_INVALID, "Name is required");
  }
  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_EMPLOYER);
    g_object_set (r, "name", "the quay bistro", "sector-id", catering, "relationship", "warm",
                  "capacity", (gint64) 1, "notice-weeks", (gint64) 0,
                  "preferred-days", (gint64) 31, NULL);
    assert_rejected (f->store, r, PL_ERROR_CONSTRAINT, "already exists");
  }
  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_EMPLOYER);
    g_object_set (r, "name", "Tiny Café", "sector-id", catering, "relationship", "warm",
                  "capacity", (gint64) 0, "notice-weeks", (gint64) 0,
                  "preferred-days", (gint64) 31, NULL);
    assert_rejected (f->store, r, PL_ERROR_INVALID, "Capacity");
  }
  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_EMPLOYER);
    g_object_set (r, "name", "Postcode Ltd", "sector-id", catering, "relationship", "friendly",
                  "capacity", (gint64) 1, "notice-weeks", (gint64) 0,
                  "preferred-days", (gint64) 31, NULL);
    assert_rejected (f->store, r, PL_ERROR_INVALID, "“friendly” is not one of");
  }
  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_EMPLOYER);
    g_object_set (r, "name", "Postcode Ltd", "sector-id", catering, "relationship", "warm",
                  "capacity", (gint64) 1, "notice-weeks", (gint64) 0,
                  "preferred-days", (gint64) 31, "postcode", "12345", NULL);
    assert_rejected (f->store, r, PL_ERROR_INVALID, "not a UK postcode");
  }
  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_CONTACT);
    g_object_set (r, "employer-id", pl_record_get_id (employer), "contact-date", "2026-02-30",
                  "channel", "call", NULL);
    assert_rejected (f->store, r, PL_ERROR_INVALID, "not a date");
  }
  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_CONTACT);
    g_object_set (r, "employer-id", pl_record_get_id (employer), "contact-date", "2026-11-10",
                  "follow-up", "2026-11-01", "channel", "call", NULL);
    assert_rejected (f->store, r, PL_ERROR_CONSTRAINT, "follow-up date cannot be before");
  }
  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_PLACEMENT);
    g_object_set (r, "staff-id", pl_record_get_id (staff), "sector-id", catering,
                  "status", "cancelled", "length", (gint64) 1, "aims", (gint64) 0, NULL);
    assert_rejected (f->store, r, PL_ERROR_CONSTRAINT, "needs a reason");
  }
  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_PLACEMENT);
    g_object_set (r, "staff-id", (gint64) 9999, "sector-id", catering,
                  "status", "request", "length", (gint64) 1, "aims", (gint64) 0, NULL);
    assert_rejected (f->store, r, PL_ERROR_CONSTRAINT, "does not exist");
  }
  {
    g_autoptr(PlRecord) r = pl_record_new (PL_TYPE_SURVEY_RESPONSE);
    g_object_set (r, "kind", "student", "host-again", "agree", NULL);
    assert_rejected (f->store, r, PL_ERROR_CONSTRAINT, "other kind of survey");
  }

  /* An update that breaks a rule leaves the stored row as it was. */
  {
    g_autoptr(PlRecord) copy = pl_record_copy (employer);
    g_autoptr(PlRecord) read = NULL;

    pl_record_set_string (copy, "contact_email", "not an address");
    g_assert_false (pl_store_update (f->store, copy, &error));
    g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
    g_clear_error (&error);
    read = pl_store_get (f->store, PL_TYPE_EMPLOYER, pl_record_get_id (employer), NULL);
    g_assert_null (pl_record_get_string (read, "contact_email"));
  }

  /* Deleting a partner with staff explains what depends on it. */
  g_assert_false (pl_store_delete (f->store, PL_TYPE_PARTNER, pl_record_get_id (partner), &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "1 staff member"));
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_PARTNER), ==, 1);
}

static void
test_transaction_rollback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) a = pl_record_new (PL_TYPE_PARTNER);
  g_autoptr(PlRecord) b = pl_record_new (PL_TYPE_PARTNER);

  /* Two writes in one transaction: the second fails, neither stays. */
  g_assert_true (pl_store_begin (f->store, &error));
  g_object_set (a, "name", "First College", "kind", "college", "status", "active", NULL);
  g_assert_true (pl_store_insert (f->store, a, &error));
  g_object_set (b, "name", "first college", "kind", "college", "status", "active", NULL);
  g_assert_false (pl_store_insert (f->store, b, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CONSTRAINT);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_PARTNER), ==, 0);
}

static void
test_list_model (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GListModel) list = pl_store_list (f->store, PL_TYPE_EMPLOYER);
  g_autoptr(PlRecord) a = NULL;
  g_autoptr(PlRecord) b = NULL;
  g_autoptr(PlRecord) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_true (g_list_model_get_item_type (list) == PL_TYPE_EMPLOYER);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  b = pl_test_insert_employer (f->store, "Zest Kitchens", "Catering and Hospitality");
  a = pl_test_insert_employer (f->store, "Anvil Engineering", "Engineering and Manufacturing");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* Sorted by name, and the record handed out follows later edits. */
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (pl_record_get_string (first, "name"), ==, "Anvil Engineering");
  g_assert_cmpstr (pl_record_get_string (first, "sector_name"), ==,
                   "Engineering and Manufacturing");

  pl_record_set_string (a, "contact_name", "Grace Mensah");
  g_assert_true (pl_store_update (f->store, a, &error));
  g_assert_no_error (error);
  g_object_get (first, "contact-name", &name, NULL);
  g_assert_cmpstr (name, ==, "Grace Mensah");

  g_assert_true (pl_store_delete (f->store, PL_TYPE_EMPLOYER, pl_record_get_id (b), &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

static void
test_search_index (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PlRecord) partner = pl_test_insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = pl_test_insert_staff (f->store, pl_record_get_id (partner),
                                                    "Bronwen Jeffries");
  g_autoptr(PlRecord) other = pl_test_insert_staff (f->store, pl_record_get_id (partner),
                                                    "Tomasz Nowak");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) renamed = NULL;
  g_autoptr(GArray) gone = NULL;

  /* A prefix of a word finds the record, and only it. */
  found = pl_search_ids (f->store, "staff", "bronw", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (pl_search_ids_contain (found, pl_record_get_id (staff)));

  /* The index follows an edit... */
  pl_record_set_string (other, "name", "Bronwyn Castell");
  g_assert_true (pl_store_update (f->store, other, &error));
  g_assert_no_error (error);
  renamed = pl_search_ids (f->store, "staff", "bronw", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (renamed->len, ==, 2);

  /* ...and erasing a person removes what the index knew of them. */
  g_assert_true (pl_store_delete (f->store, PL_TYPE_STAFF, pl_record_get_id (staff), &error));
  g_assert_no_error (error);
  gone = pl_search_ids (f->store, "staff", "jeffries", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gone->len, ==, 0);
}

/* Words as a person types them find the same people on either kind of
 * database: an address, a web site and a name with punctuation in it are
 * several words, each found by its beginning; a word typed with its
 * punctuation must appear as written. */
static void
test_search_words (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *typed;
    gboolean    ana, sean, kim;
  } rows[] = {
    { "humber",            TRUE,  FALSE, FALSE },  /* inside an e-mail address */
    { "ac",                TRUE,  TRUE,  FALSE },  /* the .ac.uk of both */
    { "fenw",              TRUE,  FALSE, FALSE },
    { "ana.fen",           TRUE,  FALSE, FALSE },  /* typed with its dot */
    { "humber.ac",         TRUE,  FALSE, FALSE },
    { "ac.humber",         FALSE, FALSE, FALSE },  /* the words out of order */
    { "o'b",               FALSE, TRUE,  FALSE },
    { "brien",             FALSE, TRUE,  FALSE },
    { "based",             FALSE, FALSE, TRUE  },  /* "Hull-based" */
    { "hull-b",            FALSE, FALSE, TRUE  },
    { "uk wolds",          FALSE, TRUE,  FALSE },
    { "kimberl",           FALSE, FALSE, TRUE  },
    { "ac kim",            FALSE, FALSE, FALSE },
  };
  g_autoptr(PlRecord) partner = pl_test_insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) ana = pl_test_insert_staff (f->store, pl_record_get_id (partner),
                                                  "Ana Fenwick");
  g_autoptr(PlRecord) sean = pl_test_insert_staff (f->store, pl_record_get_id (partner),
                                                   "Seán O'Brien");
  g_autoptr(PlRecord) kim = pl_test_insert_staff (f->store, pl_record_get_id (partner),
                                                  "Kimberley Shaw");
  g_autoptr(GError) error = NULL;

  pl_record_set_string (ana, "email", "ana.fenwick@humber.ac.uk");
  pl_record_set_string (sean, "email", "s.obrien@wolds.ac.uk");
  pl_record_set_string (kim, "email", "kshaw@hullfoods.co.uk");
  pl_record_set_string (kim, "job_title", "Hull-based assessor");
  g_assert_true (pl_store_update (f->store, ana, &error));
  g_assert_true (pl_store_update (f->store, sean, &error));
  g_assert_true (pl_store_update (f->store, kim, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GArray) found = pl_search_ids (f->store, "staff", rows[i].typed, &error);

      g_assert_no_error (error);
      g_test_message ("“%s”: %u found", rows[i].typed, found->len);
      g_assert_cmpint (pl_search_ids_contain (found, pl_record_get_id (ana)), ==, rows[i].ana);
      g_assert_cmpint (pl_search_ids_contain (found, pl_record_get_id (sean)), ==, rows[i].sean);
      g_assert_cmpint (pl_search_ids_contain (found, pl_record_get_id (kim)), ==, rows[i].kim);
    }
}

/* What ::changed told, one line a signal: "table id,id" or "table *". */
static void
on_changed (PlStore    *store,
            const char *table,
            GArray     *ids,
            GString    *heard)
{
  g_string_append (heard, table);
  if (ids == NULL)
    g_string_append (heard, " *");
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (heard, "%c%" G_GINT64_FORMAT, i == 0 ? ' ' : ',',
                            g_array_index (ids, gint64, i));
  g_string_append_c (heard, '\n');
}

static void
test_notifications (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) heard = g_string_new (NULL);
  g_autoptr(GString) staff_only = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) partner = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), heard);
  g_signal_connect (f->store, "changed::staff", G_CALLBACK (on_changed), staff_only);

  /* Every write is told once, with its table and row... */
  partner = pl_test_insert_partner (f->store, "Humber Estuary College");
  id = pl_record_get_id (partner);
  expected = g_strdup_printf ("partner %" G_GINT64_FORMAT "\n", id);
  g_assert_cmpstr (heard->str, ==, expected);

  g_string_truncate (heard, 0);
  pl_record_set_string (partner, "region", "Yorkshire and the Humber");
  g_assert_true (pl_store_update (f->store, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (heard->str, ==, expected);

  /* ...once the transaction that holds it commits, not before... */
  g_string_truncate (heard, 0);
  g_assert_true (pl_store_begin (f->store, &error));
  pl_record_set_string (partner, "region", "East Midlands");
  g_assert_true (pl_store_update (f->store, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (heard->str, ==, "");
  g_assert_true (pl_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (heard->str, ==, expected);

  /* ...never for what was rolled back... */
  g_string_truncate (heard, 0);
  g_assert_true (pl_store_begin (f->store, &error));
  pl_record_set_string (partner, "region", "Wales");
  g_assert_true (pl_store_update (f->store, partner, &error));
  pl_store_rollback (f->store);
  g_assert_cmpstr (heard->str, ==, "");

  /* ...and a deletion is told too. A listener of one table hears no other. */
  g_assert_true (pl_store_delete (f->store, PL_TYPE_PARTNER, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (heard->str, ==, expected);
  g_assert_cmpstr (staff_only->str, ==, "");

  g_signal_handlers_disconnect_by_data (f->store, heard);
  g_signal_handlers_disconnect_by_data (f->store, staff_only);
}

static void
test_nested_transactions (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) kept = NULL;
  g_autoptr(PlRecord) abandoned = NULL;

  /* An inner commit is part of the outer transaction: a rollback of the
   * outer one abandons it. */
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (pl_store_begin (f->store, &error));
  abandoned = pl_test_insert_partner (f->store, "Abandoned College");
  g_assert_true (pl_store_commit (f->store, &error));
  g_assert_no_error (error);
  /* A transaction reads its own writes. */
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_PARTNER), ==, 1);
  pl_store_rollback (f->store);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_PARTNER), ==, 0);

  /* The store is usable after it, and the outermost commit keeps all. */
  g_assert_true (pl_store_begin (f->store, &error));
  kept = pl_test_insert_partner (f->store, "Kept College");
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (pl_store_set_setting (f->store, "network_name", "Humber Network", &error));
  g_assert_true (pl_store_commit (f->store, &error));
  g_assert_true (pl_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_PARTNER), ==, 1);
  {
    g_autofree char *name = pl_store_get_setting (f->store, "network_name");
    g_assert_cmpstr (name, ==, "Humber Network");
  }
}

static void
test_lookups (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PlRecord) partner = pl_test_insert_partner (f->store, "Humber Estuary College");
  gint64 partner_id = pl_record_get_id (partner);
  g_autoptr(PlRecord) a = pl_test_insert_staff (f->store, partner_id, "Amira Okafor");
  g_autoptr(PlRecord) b = pl_test_insert_staff (f->store, partner_id, "Li Wei");
  g_autoptr(PlRecord) found = NULL;
  g_autoptr(PlRecord) missing = NULL;
  g_autoptr(GPtrArray) many = NULL;
  g_autoptr(GListModel) of_partner = NULL;
  g_autoptr(PlRecord) c = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { pl_record_get_id (b), 424242, pl_record_get_id (a) };

  /* By name, whatever the case. */
  found = pl_store_find_by_name (f->store, PL_TYPE_STAFF, "li WEI", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_record_get_id (found), ==, pl_record_get_id (b));
  missing = pl_store_find_by_name (f->store, PL_TYPE_STAFF, "Nobody", &error);
  g_assert_null (missing);
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Many at once: the rows that exist, the others left out. */
  many = pl_store_get_many (f->store, PL_TYPE_STAFF, ids, G_N_ELEMENTS (ids));
  g_assert_cmpuint (many->len, ==, 2);

  /* The records of one parent, following later inserts. */
  of_partner = pl_store_list_where (f->store, PL_TYPE_STAFF, "partner_id", partner_id);
  g_assert_cmpuint (g_list_model_get_n_items (of_partner), ==, 2);
  c = pl_test_insert_staff (f->store, partner_id, "Zofia Kowalska");
  g_assert_cmpuint (g_list_model_get_n_items (of_partner), ==, 3);

  /* Settings: a missing one gives the fallback. */
  g_assert_cmpint (pl_store_get_setting_int (f->store, "no_such_setting", 17), ==, 17);
  g_assert_true (pl_store_set_setting (f->store, "lead_time_weeks", "8", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_setting_int (f->store, "lead_time_weeks", 0), ==, 8);
}

static void
on_step (PlStore     *store,
         GBytes      *changes,
         const char  *label,
         GPtrArray   *steps)
{
  g_ptr_array_add (steps, g_bytes_ref (changes));
}

static void
test_undo_steps (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(PlRecord) partner = pl_test_insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = NULL;
  g_autoptr(PlRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 staff_id;

  g_signal_connect (f->store, "step", G_CALLBACK (on_step), steps);
  pl_store_set_recording (f->store, TRUE);

  /* One committed write, one step... */
  staff = pl_test_insert_staff (f->store, pl_record_get_id (partner), "Amira Okafor");
  staff_id = pl_record_get_id (staff);
  g_assert_cmpuint (steps->len, ==, 1);

  /* ...which undoes exactly (the search index too) and redoes with the
   * same id. */
  g_assert_true (pl_store_apply_changes (f->store, g_ptr_array_index (steps, 0), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_STAFF), ==, 0);
  {
    g_autoptr(GArray) found = pl_search_ids (f->store, "staff", "okafor", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 0);
  }

  g_assert_true (pl_store_apply_changes (f->store, g_ptr_array_index (steps, 0), FALSE, &error));
  g_assert_no_error (error);
  back = pl_store_get (f->store, PL_TYPE_STAFF, staff_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (back, "name"), ==, "Amira Okafor");
  {
    g_autoptr(GArray) found = pl_search_ids (f->store, "staff", "okafor", &error);
    g_assert_no_error (error);
    g_assert_true (pl_search_ids_contain (found, staff_id));
  }

  pl_store_set_recording (f->store, FALSE);
  g_signal_handlers_disconnect_by_data (f->store, steps);
}

static void
on_changed_table (PlStore     *store,
                  const char  *table,
                  GArray      *ids,
                  GPtrArray   *tables)
{
  g_ptr_array_add (tables, g_strdup (table));
}

/* An employer's appetite per year: set, changed, forgotten, undone; a
 * "not this year" without a reason changes nothing; it goes with its
 * employer. */
static void
test_appetite (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlRecord) keel = pl_test_insert_employer (f->store, "Keel and Anchor Hotel",
                                                          "Catering and Hospitality");
  g_autoptr(PlRecord) pixel = pl_test_insert_employer (f->store, "Pixelwharf Software", "Digital");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gint64 keel_id = pl_record_get_id (keel);
  gint64 pixel_id = pl_record_get_id (pixel);
  PlAppetiteEntry *entry;

  g_assert_cmpint (pl_store_get_appetite (f->store, keel_id, 2026, NULL), ==,
                   PL_APPETITE_UNKNOWN);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_table), tables);
  g_signal_connect (f->store, "step", G_CALLBACK (on_step), steps);
  pl_store_set_recording (f->store, TRUE);

  g_assert_true (pl_store_set_appetite (f->store, keel_id, 2026, PL_APPETITE_INTERESTED, NULL,
                                        &error));
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (tables, "employer_appetite", g_str_equal,
                                                   NULL));
  g_assert_true (pl_store_set_appetite (f->store, keel_id, 2026, PL_APPETITE_NOT_THIS_YEAR,
                                        "  refurbishment ", &error));
  g_assert_no_error (error);
  g_assert_true (pl_store_set_appetite (f->store, keel_id, 2027, PL_APPETITE_LOOKING, NULL,
                                        &error));
  g_assert_true (pl_store_set_appetite (f->store, pixel_id, 2026, PL_APPETITE_ARRANGED, NULL,
                                        &error));
  g_assert_cmpuint (steps->len, ==, 4);

  g_assert_cmpint (pl_store_get_appetite (f->store, keel_id, 2026, &reason), ==,
                   PL_APPETITE_NOT_THIS_YEAR);
  g_assert_cmpstr (reason, ==, "refurbishment");

  /* Refused, and nothing changed. */
  g_assert_false (pl_store_set_appetite (f->store, pixel_id, 2026, PL_APPETITE_NOT_THIS_YEAR,
                                         "   ", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Pixelwharf Software"));
  g_assert_nonnull (strstr (error->message, "needs a reason"));
  g_clear_error (&error);
  g_assert_false (pl_store_set_appetite (f->store, 424242, 2026, PL_APPETITE_LOOKING, NULL,
                                         &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (pl_store_get_appetite (f->store, pixel_id, 2026, NULL), ==,
                   PL_APPETITE_ARRANGED);
  g_assert_cmpuint (steps->len, ==, 4);

  /* By employer name, then year. */
  entries = pl_store_list_appetite (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = entries->pdata[0];
  g_assert_cmpstr (entry->employer_name, ==, "Keel and Anchor Hotel");
  g_assert_cmpint (entry->year, ==, 2026);
  g_assert_cmpint (entry->state, ==, PL_APPETITE_NOT_THIS_YEAR);
  entry = entries->pdata[1];
  g_assert_cmpint (entry->year, ==, 2027);
  g_assert_null (entry->reason);
  entry = entries->pdata[2];
  g_assert_cmpstr (entry->employer_name, ==, "Pixelwharf Software");
  g_clear_pointer (&entries, g_ptr_array_unref);

  set = pl_store_appetite_employers (f->store, 2027, PL_APPETITE_UNKNOWN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (set), ==, 1);
  g_assert_true (g_hash_table_contains (set, &pixel_id));
  g_clear_pointer (&set, g_hash_table_unref);
  set = pl_store_appetite_employers (f->store, 2026, PL_APPETITE_NOT_THIS_YEAR, &error);
  g_assert_cmpuint (g_hash_table_size (set), ==, 1);
  g_assert_true (g_hash_table_contains (set, &keel_id));
  g_clear_pointer (&set, g_hash_table_unref);

  /* Undoing the last step brings back what it replaced. */
  g_assert_true (pl_store_apply_changes (f->store, g_ptr_array_index (steps, 3), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_appetite (f->store, pixel_id, 2026, NULL), ==,
                   PL_APPETITE_UNKNOWN);

  /* Unknown forgets; the employer takes its appetite with it. */
  g_assert_true (pl_store_set_appetite (f->store, keel_id, 2027, PL_APPETITE_UNKNOWN, NULL,
                                        &error));
  g_assert_no_error (error);
  entries = pl_store_list_appetite (f->store, keel_id, 0, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_true (pl_store_delete (f->store, PL_TYPE_EMPLOYER, keel_id, &error));
  g_assert_no_error (error);
  entries = pl_store_list_appetite (f->store, 0, 0, &error);
  g_assert_cmpuint (entries->len, ==, 0);

  pl_store_set_recording (f->store, FALSE);
  g_signal_handlers_disconnect_by_data (f->store, steps);
  g_signal_handlers_disconnect_by_data (f->store, tables);
}

/* Many records at once, as an import writes them: all or nothing, searchable
 * once committed, told once per table; with days that keep their
 * milestones. Run small (one by one into the index) and many (the index
 * filled at the commit). */
static void
check_bulk (PlStore  *store,
            gboolean  many)
{
  static const char * const columns[] = { "name", "partner_id", "teaching_days", NULL };
  g_autoptr(PlRecord) partner = pl_test_insert_partner (store, many ? "Many College"
                                                                    : "Few College");
  gint64 partner_id = pl_record_get_id (partner);
  g_autoptr(GString) heard = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 before = pl_store_count (store, PL_TYPE_STAFF);
  guint n = many ? 500 : 3;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), heard);

  /* A refused record abandons the whole import. */
  {
    g_autoptr(PlStoreBulk) bulk = pl_store_bulk_new (store, PL_TYPE_STAFF, columns, many, &error);

    g_assert_no_error (error);
    pl_store_bulk_set_int (bulk, 1, partner_id);
    pl_store_bulk_set_int (bulk, 2, 0);
    pl_store_bulk_set_text (bulk, 0, "Abandoned Person");
    g_assert_cmpint (pl_store_bulk_add (bulk, &error), >, 0);
    /* A partner that does not exist: refused when added, or at the
     * latest by the commit. */
    pl_store_bulk_set_int (bulk, 1, 987654);
    if (pl_store_bulk_add (bulk, &error) > 0)
      g_assert_false (pl_store_bulk_commit (bulk, &error));
    g_assert_error (error, PL_ERROR, PL_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }
  g_assert_cmpint (pl_store_count (store, PL_TYPE_STAFF), ==, before);
  g_assert_cmpstr (heard->str, ==, "");

  /* Committed, every record is there, searchable, and the listeners hear
   * of the table once. */
  {
    g_autoptr(PlStoreBulk) bulk = pl_store_bulk_new (store, PL_TYPE_STAFF, columns, many, &error);
    g_autoptr(GArray) found = NULL;

    g_assert_no_error (error);
    pl_store_bulk_set_int (bulk, 1, partner_id);
    pl_store_bulk_set_int (bulk, 2, 2);
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *name = g_strdup_printf ("Imported %s %u", many ? "Quillon" : "Farrow", i);

        pl_store_bulk_set_text (bulk, 0, name);
        g_assert_cmpint (pl_store_bulk_add (bulk, &error), >, 0);
        g_assert_no_error (error);
      }
    g_assert_cmpstr (heard->str, ==, "");
    g_assert_true (pl_store_bulk_commit (bulk, &error));
    g_assert_no_error (error);

    found = pl_search_ids (store, "staff", many ? "quillon" : "farrow", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, n);
  }
  g_assert_cmpint (pl_store_count (store, PL_TYPE_STAFF), ==, before + n);
  g_assert_nonnull (strstr (heard->str, "staff"));
  g_assert_null (strstr (strstr (heard->str, "staff") + 1, "\nstaff"));

  g_signal_handlers_disconnect_by_data (store, heard);
}

static void
test_bulk_import (Fixture       *f,
                  gconstpointer  data)
{
  check_bulk (f->store, FALSE);
  check_bulk (f->store, TRUE);
}

static void
test_backend_missing (gconstpointer data)
{
  g_test_skip (data);
}

static gboolean
has_reminder (GPtrArray      *list,
              PlReminderKind  kind,
              gint64          employer_id)
{
  for (guint i = 0; i < list->len; i++)
    {
      PlReminder *item = g_ptr_array_index (list, i);

      if (item->kind == kind && item->employer_id == employer_id)
        return TRUE;
    }

  return FALSE;
}

/* The morning's reminders, Repeat Next Year and Invite Back read the same
 * on every backend. */
static void
test_reminders_and_repeat (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const days[] = { "2026-03-10", NULL };
  static const char * const coming[] = { "2026-12-14", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) partner = pl_test_insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = pl_test_insert_staff (f->store, pl_record_get_id (partner),
                                                    "Amira Okafor");
  g_autoptr(PlRecord) host = pl_test_insert_employer (f->store, "The Quay Bistro",
                                                      "Catering and Hospitality");
  g_autoptr(PlRecord) other = pl_test_insert_employer (f->store, "Harbour Hotel",
                                                       "Catering and Hospitality");
  g_autoptr(PlRecord) contact = pl_record_new (PL_TYPE_CONTACT);
  g_autoptr(PlRecord) done = pl_record_new (PL_TYPE_PLACEMENT);
  g_autoptr(PlRecord) next = pl_record_new (PL_TYPE_PLACEMENT);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) invite = NULL;
  gint64 staff_id = pl_record_get_id (staff);
  gint64 catering = pl_test_sector_id (f->store, "Catering and Hospitality");
  GDate today;
  gint64 request;
  int year = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, G_DATE_NOVEMBER, 2026);

  g_object_set (contact, "employer-id", pl_record_get_id (host), "contact-date", "2026-11-01",
                "channel", "call", "summary", "Asked for dates", "follow-up", "2026-11-20", NULL);
  g_assert_true (pl_store_insert (f->store, contact, &error));
  g_assert_no_error (error);
  pl_record_set_string (other, "do_not_contact_before", "2026-11-15");
  g_assert_true (pl_store_update (f->store, other, &error));
  g_assert_no_error (error);

  g_object_set (done, "staff-id", staff_id, "employer-id", pl_record_get_id (host),
                "sector-id", catering, "status", "evaluated", "length", (gint64) 1,
                "aims", (gint64) 3, NULL);
  g_assert_true (pl_store_insert (f->store, done, &error));
  g_assert_no_error (error);
  g_assert_true (pl_store_set_days (f->store, pl_record_get_id (done), days, &error));
  g_assert_no_error (error);

  /* Its first contact (12 weeks before 14 December) is overdue. */
  g_object_set (next, "staff-id", staff_id, "employer-id", pl_record_get_id (other),
                "sector-id", catering, "status", "request", "length", (gint64) 1,
                "aims", (gint64) 0, NULL);
  g_assert_true (pl_store_insert (f->store, next, &error));
  g_assert_no_error (error);
  g_assert_true (pl_placement_set_days (f->store, pl_record_get_id (next), coming, &error));
  g_assert_no_error (error);

  reminders = pl_reminders_for_day (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_true (has_reminder (reminders, PL_REMINDER_MILESTONE, pl_record_get_id (other)));
  g_assert_true (has_reminder (reminders, PL_REMINDER_FOLLOW_UP, pl_record_get_id (host)));
  g_assert_true (has_reminder (reminders, PL_REMINDER_CONTACTABLE, pl_record_get_id (other)));

  invite = pl_store_list_invite_back (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invite->len, ==, 1);
  g_assert_cmpint (((PlInviteBack *) g_ptr_array_index (invite, 0))->employer_id, ==,
                   pl_record_get_id (host));

  request = pl_placement_repeat (f->store, pl_record_get_id (done), 0, &today, &year, &error);
  g_assert_no_error (error);
  g_assert_cmpint (request, >, 0);
  g_assert_cmpint (year, ==, 2026);
  {
    g_autoptr(PlRecord) made = pl_store_get (f->store, PL_TYPE_PLACEMENT, request, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (pl_record_get_string (made, "window_start"), ==, "2027-03-10");
    g_assert_cmpint (pl_record_get_int (made, "aims"), ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  char *why = NULL;

  g_test_init (&argc, &argv, NULL);

  if (!pl_test_store_backend_available (&why))
    {
      g_test_add_data_func_full ("/store/conformance/backend", why, test_backend_missing, g_free);
      return g_test_run ();
    }

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/conformance/crud-every-type", test_crud_every_type);
  ADD ("/store/conformance/placement-days", test_days);
  ADD ("/store/conformance/constraints", test_constraints);
  ADD ("/store/conformance/transaction-rollback", test_transaction_rollback);
  ADD ("/store/conformance/nested-transactions", test_nested_transactions);
  ADD ("/store/conformance/list-model", test_list_model);
  ADD ("/store/conformance/lookups", test_lookups);
  ADD ("/store/conformance/search", test_search_index);
  ADD ("/store/conformance/search-words", test_search_words);
  ADD ("/store/conformance/notifications", test_notifications);
  ADD ("/store/conformance/undo-steps", test_undo_steps);
  ADD ("/store/conformance/appetite", test_appetite);
  ADD ("/store/conformance/bulk-import", test_bulk_import);
  ADD ("/store/conformance/reminders-and-repeat", test_reminders_and_repeat);
#undef ADD

  return g_test_run ();
}
