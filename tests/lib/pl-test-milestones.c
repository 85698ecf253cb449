/* pl-test-milestones.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-date.h"
#include "pl-milestones.h"
#include "pl-records.h"
#include "pl-test-milestones.h"
#include "pl-workdays.h"

void
pl_test_assert_model_milestones (PlStore *store,
                                 gint64   placement_id)
{
  g_autoptr(GListModel) templates = pl_store_list (store, PL_TYPE_MILESTONE_TEMPLATE);
  g_autoptr(GListModel) milestones = pl_store_list_where (store, PL_TYPE_MILESTONE,
                                                          "placement_id", placement_id);
  g_autoptr(PlWorkdays) workdays = pl_workdays_new_for_store (store);
  g_auto(GStrv) days = pl_store_get_days (store, placement_id);
  guint n_templates = g_list_model_get_n_items (templates);
  guint n_milestones = g_list_model_get_n_items (milestones);
  GDate first, last;

  if (days == NULL || days[0] == NULL)
    {
      for (guint m = 0; m < n_milestones; m++)
        {
          g_autoptr(PlRecord) milestone = g_list_model_get_item (milestones, m);
          g_assert_nonnull (pl_record_get_string (milestone, "done"));
        }
      return;
    }

  g_assert_true (pl_date_parse (days[0], &first));
  g_assert_true (pl_date_parse (days[g_strv_length (days) - 1], &last));
  g_assert_cmpuint (n_milestones, ==, n_templates);

  for (guint t = 0; t < n_templates; t++)
    {
      g_autoptr(PlRecord) template = g_list_model_get_item (templates, t);
      const char *kind = pl_record_get_string (template, "kind");
      g_autoptr(PlRecord) found = NULL;
      g_autofree char *expected = NULL;
      GDate due;

      for (guint m = 0; m < n_milestones && found == NULL; m++)
        {
          g_autoptr(PlRecord) milestone = g_list_model_get_item (milestones, m);

          if (g_strcmp0 (pl_record_get_string (milestone, "kind"), kind) == 0)
            found = g_steal_pointer (&milestone);
        }

      if (found == NULL)
        g_error ("placement %" G_GINT64_FORMAT " has no “%s” milestone", placement_id, kind);

      pl_milestones_due (workdays, &first, &last, pl_record_get_string (template, "anchor"),
                         (int) pl_record_get_int (template, "offset"),
                         pl_record_get_string (template, "unit"), &due);
      expected = pl_date_to_iso (&due);
      g_assert_cmpstr (pl_record_get_string (found, "label"), ==,
                       pl_record_get_string (template, "label"));
      /* A milestone that is done keeps the date it was due when it was
       * done: moving the days later does not rewrite what happened. */
      if (pl_record_get_string (found, "done") != NULL)
        continue;
      if (g_strcmp0 (pl_record_get_string (found, "due"), expected) != 0)
        g_error ("placement %" G_GINT64_FORMAT ", milestone “%s”: due %s, the model says %s",
                 placement_id, kind, pl_record_get_string (found, "due"), expected);
    }
}
