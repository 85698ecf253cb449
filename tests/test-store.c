/* test-store.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pl-store.h"
#include "pl-store-legacy-private.h"
#include "pl-test-data.h"

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("placements-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pl_test_remove_folder (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static PlRecord *
insert_partner (PlStore    *store,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  PlRecord *partner = pl_record_new (PL_TYPE_PARTNER);

  g_object_set (partner, "name", name, "kind", "college", "status", "active", NULL);
  g_assert_true (pl_store_insert (store, partner, &error));
  g_assert_no_error (error);
  return partner;
}

static PlRecord *
insert_staff (PlStore    *store,
              gint64      partner_id,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  PlRecord *staff = pl_record_new (PL_TYPE_STAFF);

  g_object_set (staff, "partner-id", partner_id, "name", name,
                "email", "someone@college.example.ac.uk", "teaching-days", (gint64) 3, NULL);
  g_assert_true (pl_store_insert (store, staff, &error));
  g_assert_no_error (error);
  return staff;
}

static PlRecord *
insert_employer (PlStore    *store,
                 const char *name,
                 const char *sector)
{
  g_autoptr(GError) error = NULL;
  PlRecord *employer = pl_record_new (PL_TYPE_EMPLOYER);

  g_object_set (employer, "name", name, "sector-id", pl_test_sector (store, sector),
                "relationship", "warm", "capacity", (gint64) 2, "notice-weeks", (gint64) 4,
                "preferred-days", (gint64) 31, "postcode", "DN31 1AA",
                "website", "https://bistro.example.co.uk", NULL);
  g_assert_true (pl_store_insert (store, employer, &error));
  g_assert_no_error (error);
  return employer;
}

static void
test_open_new (Fixture       *f,
               gconstpointer  data)
{
  struct stat st;
  g_autofree char *lead = NULL;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (pl_store_get_schema_version (f->store), ==, PL_SCHEMA_VERSION);
  g_assert_true (pl_store_is_empty (f->store));
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_SECTOR), ==, 15);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_MILESTONE_TEMPLATE), ==, 8);
  g_assert_cmpint (pl_store_get_setting_int (f->store, "lead_time_weeks", 0), ==, 6);

  /* No copy is taken of a brand-new file: there is nothing to lose. */
  g_assert_null (pl_store_get_migration_backup (f->store));
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
  g_autoptr(PlRecord) partner = insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = insert_staff (f->store, pl_record_get_id (partner), "Amira Okafor");
  g_autoptr(PlRecord) employer = insert_employer (f->store, "The Quay Bistro", "Catering and Hospitality");
  g_autoptr(PlRecord) placement = pl_record_new (PL_TYPE_PLACEMENT);
  g_autoptr(PlRecord) group = pl_record_new (PL_TYPE_GROUP);
  gint64 partner_id = pl_record_get_id (partner);
  gint64 staff_id = pl_record_get_id (staff);
  gint64 employer_id = pl_record_get_id (employer);
  gint64 catering = pl_test_sector (f->store, "Catering and Hospitality");
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
    g_object_set (r, "name", "Northgate Builders",
                  "sector-id", pl_test_sector (f->store, "Construction"),
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
  g_autoptr(PlRecord) partner = insert_partner (f->store, "Don Valley College");
  g_autoptr(PlRecord) staff = insert_staff (f->store, pl_record_get_id (partner), "Li Wei");
  g_autoptr(PlRecord) placement = pl_record_new (PL_TYPE_PLACEMENT);
  g_autoptr(PlRecord) read = NULL;
  const char *days[] = { "2027-02-03", "2027-02-01", "2027-02-02", NULL };
  const char *bad[] = { "2027-02-04", "2027-02-30", NULL };
  g_auto(GStrv) stored = NULL;

  g_object_set (placement, "staff-id", pl_record_get_id (staff),
                "sector-id", pl_test_sector (f->store, "Digital"), "status", "request",
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
  g_autoptr(PlRecord) partner = insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = insert_staff (f->store, pl_record_get_id (partner), "Amira Okafor");
  g_autoptr(PlRecord) employer = insert_employer (f->store, "The Quay Bistro", "Catering and Hospitality");
  gint64 catering = pl_test_sector (f->store, "Catering and Hospitality");

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

  b = insert_employer (f->store, "Zest Kitchens", "Catering and Hospitality");
  a = insert_employer (f->store, "Anvil Engineering", "Engineering and Manufacturing");
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
  g_autoptr(PlRecord) partner = insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = insert_staff (f->store, pl_record_get_id (partner), "Bronwen Jeffries");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = pl_store_get_sqlite (f->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM search WHERE search MATCH ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, "bronw*", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);

  /* Erasing a person removes what the index knew of them. */
  g_assert_true (pl_store_delete (f->store, PL_TYPE_STAFF, pl_record_get_id (staff), &error));
  g_assert_no_error (error);
  sqlite3_reset (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) partner = insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = insert_staff (f->store, pl_record_get_id (partner), "Amira Okafor");
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(PlStore) copy = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  struct stat st;

  g_assert_true (pl_store_backup (f->store, copy_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  copy = pl_store_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_check (copy, report));
  g_assert_cmpuint (report->len, ==, 0);
  g_assert_cmpint (pl_store_count (copy, PL_TYPE_STAFF), ==, 1);

  g_assert_false (pl_store_backup (f->store, f->path, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
}

static void
test_check_finds_problems (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlRecord) partner = insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = insert_staff (f->store, pl_record_get_id (partner), "Amira Okafor");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (pl_store_check (f->store, report));

  /* A proposed placement without employer or days breaks the model's rules. */
  sql = g_strdup_printf ("INSERT INTO placement (staff_id, sector_id, status) "
                         "VALUES (%" G_GINT64_FORMAT ", 1, 'proposed')",
                         pl_record_get_id (staff));
  g_assert_true (pl_store_exec (f->store, sql, &error));
  g_assert_false (pl_store_check (f->store, report));
  g_assert_cmpuint (report->len, ==, 2);
}

static void
write_v0_database (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE legacy (name TEXT);"
                                 "INSERT INTO legacy VALUES ('kept'), ('also kept');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
int_query (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_migration_runner (void)
{
  static const PlMigration steps[] = {
    { 1, "ALTER TABLE legacy ADD COLUMN size INTEGER NOT NULL DEFAULT 7;"
         "CREATE TABLE added (x INTEGER);" },
  };
  static const PlMigration failing[] = {
    { 1, "ALTER TABLE legacy ADD COLUMN size INTEGER;" },
    { 2, "CREATE TABLE legacy (oops INTEGER);" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("placements-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v0.bak", NULL);
  g_autofree char *path2 = g_build_filename (dir, "fails.db", NULL);
  g_autoptr(PlStore) store = NULL;

  write_v0_database (path);
  store = pl_store_open_with_migrations (path, steps, G_N_ELEMENTS (steps), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, 1);
  g_assert_cmpstr (pl_store_get_migration_backup (store), ==, backup);
  g_clear_object (&store);

  g_assert_cmpint (int_query (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (int_query (path, "SELECT sum(size) FROM legacy"), ==, 14);
  g_assert_cmpint (int_query (path, "SELECT count(*) FROM added"), ==, 0);

  /* The copy is the file as it was before: version 0, no new column. */
  g_assert_cmpint (int_query (backup, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (int_query (backup, "SELECT count(*) FROM legacy"), ==, 2);
  g_assert_cmpint (int_query (backup, "SELECT count(*) FROM pragma_table_info('legacy')"), ==, 1);

  /* A step that fails is rolled back and leaves the steps before it. */
  write_v0_database (path2);
  store = pl_store_open_with_migrations (path2, failing, G_N_ELEMENTS (failing), &error);
  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_FAILED);
  g_assert_cmpint (int_query (path2, "PRAGMA user_version"), ==, 1);

  pl_test_remove_folder (dir);
}

static void
test_refuses_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("placements-newer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(PlStore) store = pl_store_open (path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = pl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Placements"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  pl_test_remove_folder (dir);
}

static void
test_refuses_foreign (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("placements-foreign-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *after = NULL;
  g_autoptr(PlStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "These are not the records you are looking for.\n",
                                      -1, NULL));
  store = pl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_FAILED);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "These are not the records you are looking for.\n");

  pl_test_remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/open/new-file", test_open_new);
  ADD ("/store/crud/every-type", test_crud_every_type);
  ADD ("/store/placement/days", test_days);
  ADD ("/store/constraints", test_constraints);
  ADD ("/store/transaction/rollback", test_transaction_rollback);
  ADD ("/store/list-model", test_list_model);
  ADD ("/store/search-index", test_search_index);
  ADD ("/store/backup", test_backup);
  ADD ("/store/check", test_check_finds_problems);
#undef ADD
  g_test_add_func ("/store/migration/runner", test_migration_runner);
  g_test_add_func ("/store/migration/refuses-newer", test_refuses_newer);
  g_test_add_func ("/store/open/refuses-foreign", test_refuses_foreign);

  return g_test_run ();
}
