/* test-milestones.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-date.h"
#include "pl-lifecycle.h"
#include "pl-milestones.h"
#include "pl-records.h"
#include "pl-sample.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"
#include "pl-test-milestones.h"

/* Every way a placement gains days ends in the model's one milestone
 * computation: these check the ways that live in core and the CLI. */

static gint64
matched_request (PlStore            *store,
                 const char * const *days)
{
  gint64 partner = pl_test_partner (store, "Harbour College");
  gint64 staff = pl_test_staff (store, partner, "Dana Whitfield");
  gint64 employer = pl_test_employer (store, "Keel and Anchor Hotel", "host");

  return pl_test_placement (store, staff, employer, "request", days);
}

static const char *
milestone_field (PlStore    *store,
                 gint64      placement_id,
                 const char *kind,
                 const char *column)
{
  g_autoptr(GListModel) milestones = pl_store_list_where (store, PL_TYPE_MILESTONE,
                                                          "placement_id", placement_id);
  static char *value;

  g_clear_pointer (&value, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(PlRecord) milestone = g_list_model_get_item (milestones, i);

      if (g_strcmp0 (pl_record_get_string (milestone, "kind"), kind) == 0)
        value = g_strdup (pl_record_get_string (milestone, column));
    }
  return value;
}

/* Every placement of the sample with days has the milestones the model
 * computes, bank holidays and the network's closed days included, so that
 * the first edit of a sample placement moves none of them. */
static void
test_sample (void)
{
  PlTestDb db = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) placements = NULL;
  GDate today;
  guint with_days = 0;

  pl_test_db_open (&db);
  g_date_set_dmy (&today, 6, G_DATE_DECEMBER, 2026);
  g_assert_true (pl_sample_load (db.store, &today, &error));
  g_assert_no_error (error);

  placements = pl_store_list (db.store, PL_TYPE_PLACEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (placements), >, 20);
  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(PlRecord) placement = g_list_model_get_item (placements, i);

      if (pl_record_get_int (placement, "n_days") > 0)
        with_days++;
      pl_test_assert_model_milestones (db.store, pl_record_get_id (placement));
    }
  g_assert_cmpuint (with_days, >, 20);

  /* Moving one a week later and back gives it its dates again. */
  {
    g_autoptr(PlRecord) placement = g_list_model_get_item (placements, 0);
    gint64 id = pl_record_get_id (placement);
    g_auto(GStrv) days = pl_store_get_days (db.store, id);
    g_autoptr(GListModel) before = pl_store_list_where (db.store, PL_TYPE_MILESTONE,
                                                        "placement_id", id);

    g_assert_true (pl_placement_set_days (db.store, id, (const char * const *) days, &error));
    g_assert_no_error (error);
    pl_test_assert_model_milestones (db.store, id);
  }

  pl_test_db_close (&db);
}

/* A placement that has days but no milestones (as one imported before
 * milestones were kept) gets them when it moves on, from the CLI too, and
 * the step's own milestone is ticked. */
static void
test_set_status_makes_them (void)
{
  PlTestDb db = { 0, };
  g_auto(PlTestRun) run = { 0, };
  const char * const days[] = { "2027-03-01", "2027-03-02", "2027-03-03", NULL };
  gint64 id;
  g_autofree char *arg = NULL;

  pl_test_db_open (&db);
  id = matched_request (db.store, days);
  g_assert_null (milestone_field (db.store, id, "first_contact", "due"));
  g_clear_object (&db.store);

  arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  pl_test_cli_ok (&run, db.path, "set-status", arg, "proposed", NULL);

  db.store = pl_store_open (db.path, NULL);
  g_assert_nonnull (db.store);
  pl_test_assert_model_milestones (db.store, id);
  g_assert_cmpstr (milestone_field (db.store, id, "first_contact", "done"), ==, "2026-11-22");
  g_assert_null (milestone_field (db.store, id, "agreement", "done"));
  pl_test_db_close (&db);
}

/* A due date that falls on a bank holiday moves to the working day before
 * (for a milestone before the placement): Monday 28 December 2026 is the
 * substitute Boxing Day, and the 25th is Christmas Day. */
static void
test_bank_holiday (void)
{
  PlTestDb db = { 0, };
  g_autoptr(GError) error = NULL;
  const char * const days[] = { "2027-01-04", "2027-01-05", NULL };
  gint64 id;

  pl_test_db_open (&db);
  id = matched_request (db.store, NULL);
  g_assert_true (pl_placement_set_days (db.store, id, days, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (milestone_field (db.store, id, "confirmation", "due"), ==, "2026-12-24");
  /* Two weeks before is 21 December, a working day: it stays. */
  g_assert_cmpstr (milestone_field (db.store, id, "induction", "due"), ==, "2026-12-21");
  pl_test_assert_model_milestones (db.store, id);
  pl_test_db_close (&db);
}

/* A template renamed (kind and label) keeps being ticked by its step: the
 * link is the template's step, not its name. */
static void
test_renamed_template (void)
{
  PlTestDb db = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) template = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (22, G_DATE_NOVEMBER, 2026);
  const char * const days[] = { "2027-03-01", "2027-03-02", NULL };
  gint64 id;

  pl_test_db_open (&db);
  template = pl_store_find_by_name (db.store, PL_TYPE_MILESTONE_TEMPLATE, "first_contact", NULL);
  if (template == NULL)
    {
      g_autoptr(GListModel) templates = pl_store_list (db.store, PL_TYPE_MILESTONE_TEMPLATE);

      for (guint i = 0; i < g_list_model_get_n_items (templates) && template == NULL; i++)
        {
          g_autoptr(PlRecord) t = g_list_model_get_item (templates, i);

          if (g_strcmp0 (pl_record_get_string (t, "kind"), "first_contact") == 0)
            template = g_steal_pointer (&t);
        }
    }
  g_assert_nonnull (template);
  pl_record_set_string (template, "kind", "call_the_employer");
  pl_record_set_string (template, "label", "Call the employer");
  g_assert_true (pl_store_update (db.store, template, &error));
  g_assert_no_error (error);

  id = matched_request (db.store, NULL);
  g_assert_true (pl_placement_set_days (db.store, id, days, &error));
  g_assert_no_error (error);
  pl_test_assert_model_milestones (db.store, id);

  g_assert_true (pl_lifecycle_set_status (db.store, id, "proposed", NULL, today, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (milestone_field (db.store, id, "call_the_employer", "done"), ==,
                   "2026-11-22");
  g_assert_null (milestone_field (db.store, id, "first_contact", "due"));

  /* Back to request: the tick goes with the step. */
  g_assert_true (pl_lifecycle_set_status (db.store, id, "request", NULL, today, &error));
  g_assert_no_error (error);
  g_assert_null (milestone_field (db.store, id, "call_the_employer", "done"));
  pl_test_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/milestones/sample", test_sample);
  g_test_add_func ("/milestones/set-status-makes-them", test_set_status_makes_them);
  g_test_add_func ("/milestones/bank-holiday", test_bank_holiday);
  g_test_add_func ("/milestones/renamed-template", test_renamed_template);

  return g_test_run ();
}
