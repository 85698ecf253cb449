/* test-plan-milestones.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-date.h"
#include "pl-records.h"
#include "pl-schedule.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"
#include "pl-test-milestones.h"

/* A plan the coordinator accepts (`schedule --apply`), and a re-plan that
 * moves what now breaks a rule (`schedule --replan --apply`), give each
 * placement the milestones the model computes, as every other way of
 * setting days does.
 *
 * Today is Sunday 22 November 2026 and the lead time six weeks: the first
 * day a plan may use is Monday 4 January 2027, so that the milestones one
 * week before the placement fall on the substitute Boxing Day (Monday 28
 * December) and move to the working day before. A template counted in
 * working days joins the network's own, so that the working days the
 * milestones are computed with are the store's. */

#define TODAY "2026-11-22"

typedef struct
{
  PlTestDb db;
  gint64   dana;        /* a request at the Keel and Anchor Hotel */
  gint64   ravi;        /* a request at Quayside Kitchen */
  gint64   keel;
} Network;

static void
network_open (Network *net)
{
  g_autoptr(PlRecord) template = pl_record_new (PL_TYPE_MILESTONE_TEMPLATE);
  gint64 partner, quayside;

  pl_test_db_open (&net->db);
  partner = pl_test_partner (net->db.store, "Harbour College");
  net->keel = pl_test_employer (net->db.store, "Keel and Anchor Hotel", "host");
  quayside = pl_test_employer (net->db.store, "Quayside Kitchen", "host");
  net->dana = pl_test_placement (net->db.store, pl_test_staff (net->db.store, partner,
                                                               "Dana Whitfield"),
                                 net->keel, "request", NULL);
  net->ravi = pl_test_placement (net->db.store, pl_test_staff (net->db.store, partner,
                                                               "Ravi Anand"),
                                 quayside, "request", NULL);

  g_object_set (template,
                "kind", "thank_you",
                "label", "Thank-you letter sent",
                "anchor", "last",
                "offset", (gint64) 3,
                "unit", "working_days",
                "position", (gint64) 9,
                NULL);
  pl_test_insert (net->db.store, template);
}

static void
network_close (Network *net)
{
  pl_test_db_close (&net->db);
}

/* `schedule --apply`, with @replan ("--replan", or NULL to plan the
 * requests), on the network's file, the store closed meanwhile, as a
 * script would run it. */
static void
run_schedule (Network    *net,
              const char *replan)
{
  g_auto(PlTestRun) run = { 0, };
  g_autoptr(GError) error = NULL;

  g_clear_object (&net->db.store);
  pl_test_cli_ok (&run, net->db.path, "schedule", "--apply", "--today", TODAY, replan, NULL);
  net->db.store = pl_store_open (net->db.path, &error);
  g_assert_no_error (error);
}

static void
assert_proposed (Network *net,
                 gint64   placement_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) placement = pl_store_get (net->db.store, PL_TYPE_PLACEMENT, placement_id,
                                                &error);
  g_autoptr(GListModel) milestones = pl_store_list_where (net->db.store, PL_TYPE_MILESTONE,
                                                          "placement_id", placement_id);

  g_assert_no_error (error);
  g_assert_cmpint (pl_record_get_enum (placement, "status"), ==, PL_PLACEMENT_STATUS_PROPOSED);
  g_assert_cmpint (pl_record_get_int (placement, "n_days"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), >, 0);
  pl_test_assert_model_milestones (net->db.store, placement_id);

  /* Proposed by the planner is proposed as by hand: the step's milestone
   * (the first contact with the employer) is ticked, on the day. */
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(PlRecord) milestone = g_list_model_get_item (milestones, i);
      const char *kind = pl_record_get_string (milestone, "kind");

      if (g_str_equal (kind, "first_contact"))
        g_assert_cmpstr (pl_record_get_string (milestone, "done"), ==, TODAY);
      else
        g_assert_null (pl_record_get_string (milestone, "done"));
    }
}

static void
test_apply (void)
{
  Network net = { 0, };
  g_auto(GStrv) days = NULL;

  network_open (&net);
  run_schedule (&net, NULL);

  assert_proposed (&net, net.dana);
  assert_proposed (&net, net.ravi);
  days = pl_store_get_days (net.db.store, net.dana);
  g_assert_cmpstr (days[0], ==, "2027-01-04");
  network_close (&net);
}

/* The hotel closes for Dana's days: the re-plan moves her, and her
 * milestones with her; Ravi's stay as they were. */
static void
test_replan (void)
{
  Network net = { 0, };
  g_autoptr(PlRecord) closure = pl_record_new (PL_TYPE_CALENDAR_PERIOD);
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) ravi_before = NULL;
  g_auto(GStrv) ravi_after = NULL;

  network_open (&net);
  run_schedule (&net, NULL);
  before = pl_store_get_days (net.db.store, net.dana);
  ravi_before = pl_store_get_days (net.db.store, net.ravi);
  g_assert_cmpstr (before[0], ==, "2027-01-04");

  g_object_set (closure,
                "owner-kind", "employer",
                "employer-id", net.keel,
                "kind", "blackout",
                "label", "Kitchen refit",
                "start-date", before[0],
                "end-date", before[1],
                "weekdays", (gint64) 127,
                NULL);
  pl_test_insert (net.db.store, closure);
  run_schedule (&net, "--replan");

  after = pl_store_get_days (net.db.store, net.dana);
  g_assert_cmpstr (after[0], !=, before[0]);
  assert_proposed (&net, net.dana);
  ravi_after = pl_store_get_days (net.db.store, net.ravi);
  g_assert_cmpstrv (ravi_after, ravi_before);
  pl_test_assert_model_milestones (net.db.store, net.ravi);
  network_close (&net);
}

/* Undoing an accepted plan takes the days back, and the milestones they
 * gave with them. */
static void
test_undo (void)
{
  Network net = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlScheduleResult) result = NULL;
  g_autoptr(PlScheduleUndo) undo = NULL;
  GDate today;

  network_open (&net);
  g_assert_true (pl_date_parse (TODAY, &today));
  result = pl_schedule_run (net.db.store, &today, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->placed->len, ==, 2);
  g_assert_true (pl_schedule_apply (net.db.store, (PlProposal * const *) result->placed->pdata,
                                    result->placed->len, &today, &undo, &error));
  g_assert_no_error (error);
  assert_proposed (&net, net.dana);

  g_assert_true (pl_schedule_undo (net.db.store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_count (net.db.store, PL_TYPE_PLACEMENT_EVENT), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      gint64 id = i == 0 ? net.dana : net.ravi;
      g_autoptr(PlRecord) placement = pl_store_get (net.db.store, PL_TYPE_PLACEMENT, id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (pl_record_get_enum (placement, "status"), ==,
                       PL_PLACEMENT_STATUS_REQUEST);
      g_assert_cmpint (pl_record_get_int (placement, "n_days"), ==, 0);
      pl_test_assert_model_milestones (net.db.store, id);
    }
  network_close (&net);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-milestones/apply", test_apply);
  g_test_add_func ("/plan-milestones/replan", test_replan);
  g_test_add_func ("/plan-milestones/undo", test_undo);

  return g_test_run ();
}
