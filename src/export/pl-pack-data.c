/* pl-pack-data.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-pack"

#include "config.h"

#include <string.h>

#include "pl-pack-data.h"
#include "pl-stats.h"

/* What an employer pack says about its employer, read once from the
 * store (pl-store-pack.h) and put together for the pages. */

void
pl_pack_data_free (PlPackData *data)
{
  if (data == NULL)
    return;

  g_free (data->employer);
  g_free (data->sector);
  g_free (data->contact_name);
  g_free (data->contact_email);
  g_free (data->contact_phone);
  g_free (data->owner_name);
  g_free (data->owner_role);
  g_free (data->owner_email);
  g_free (data->owner_phone);
  g_free (data->partner_name);
  g_free (data->partner_contact);
  g_free (data->partner_email);
  g_free (data->partner_phone);
  g_free (data->network_name);
  g_free (data->logo_path);
  g_clear_pointer (&data->stats, json_node_unref);
  g_clear_pointer (&data->visitors, g_ptr_array_unref);
  g_clear_pointer (&data->milestones, g_ptr_array_unref);
  g_clear_pointer (&data->periods, g_ptr_array_unref);
  g_clear_pointer (&data->steps, g_ptr_array_unref);
  g_clear_pointer (&data->examples, g_ptr_array_unref);
  g_free (data);
}

static gboolean
load_employer (PlPackData  *data,
               PlStore     *store,
               gint64      *owner_partner,
               GError     **error)
{
  g_autoptr(PlPackEmployer) employer = pl_store_pack_get_employer (store, data->employer_id,
                                                                   error);

  if (employer == NULL)
    return FALSE;

  data->employer = g_steal_pointer (&employer->name);
  data->sector = g_steal_pointer (&employer->sector);
  data->contact_name = g_steal_pointer (&employer->contact_name);
  data->contact_email = g_steal_pointer (&employer->contact_email);
  data->contact_phone = g_steal_pointer (&employer->contact_phone);
  data->notice_weeks = employer->notice_weeks;
  data->owner_name = g_steal_pointer (&employer->owner_name);
  data->owner_role = g_steal_pointer (&employer->owner_role);
  data->owner_email = g_steal_pointer (&employer->owner_email);
  data->owner_phone = g_steal_pointer (&employer->owner_phone);
  *owner_partner = employer->owner_partner_id;

  return TRUE;
}

static gboolean
load_visitors (PlPackData  *data,
               PlStore     *store,
               GError     **error)
{
  data->visitors = pl_store_pack_list_visitors (store, data->employer_id, &data->today, error);
  if (data->visitors == NULL)
    return FALSE;

  for (guint i = 0; i < data->visitors->len && data->next == NULL; i++)
    {
      PlPackVisitor *v = g_ptr_array_index (data->visitors, i);

      if (v->days[0] != NULL)
        data->next = v;
    }

  return TRUE;
}

static gboolean
load_partner (PlPackData  *data,
              PlStore     *store,
              gint64       partner_id,
              GError     **error)
{
  g_autoptr(PlPackPartner) partner = pl_store_pack_get_partner (store, partner_id, error);

  if (partner == NULL)
    return FALSE;

  data->partner_name = g_steal_pointer (&partner->name);
  data->partner_contact = g_steal_pointer (&partner->contact);
  data->partner_email = g_steal_pointer (&partner->email);
  data->partner_phone = g_steal_pointer (&partner->phone);
  return TRUE;
}

static gboolean
load_timeline (PlPackData  *data,
               PlStore     *store,
               GError     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!(data->steps = pl_store_pack_list_steps (store, error)))
    return FALSE;

  if (data->next == NULL)
    {
      data->milestones = g_ptr_array_new ();
      data->periods = g_ptr_array_new ();
      return TRUE;
    }

  data->milestones = pl_store_pack_list_milestones (store, data->next->placement_id, error);
  if (data->milestones == NULL)
    return FALSE;

  /* The calendars around the whole timeline: from the earliest step to the
   * latest, the placement's days included. */
  from = g_strdup (data->next->days[0]);
  to = g_strdup (data->next->days[g_strv_length (data->next->days) - 1]);
  for (guint i = 0; i < data->milestones->len; i++)
    {
      PlPackMilestone *m = g_ptr_array_index (data->milestones, i);

      if (strcmp (m->due, from) < 0)
        {
          g_free (from);
          from = g_strdup (m->due);
        }
      if (strcmp (m->due, to) > 0)
        {
          g_free (to);
          to = g_strdup (m->due);
        }
    }

  data->periods = pl_store_pack_list_periods (store, from, to, data->next->partner_id,
                                              data->employer_id, error);
  return data->periods != NULL;
}

/**
 * pl_pack_data_load:
 * @today: the date the pack is made on; coming placements are counted from it
 *
 * Returns: (transfer full) (nullable): the pack's data, or NULL with
 *   PL_ERROR_NOT_FOUND for an unknown employer
 */
PlPackData *
pl_pack_data_load (PlStore      *store,
                   gint64        employer_id,
                   const GDate  *today,
                   GError      **error)
{
  g_autoptr(PlPackData) data = g_new0 (PlPackData, 1);
  gint64 partner_id = 0;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  data->today = *today;
  data->employer_id = employer_id;

  if (!load_employer (data, store, &partner_id, error) ||
      !load_visitors (data, store, error))
    return NULL;

  /* The college that speaks in the guide: the relationship owner's, or
   * else the one sending the next visitor. */
  if (partner_id == 0 && data->visitors->len > 0)
    partner_id = ((PlPackVisitor *) g_ptr_array_index (data->visitors, 0))->partner_id;
  if (!load_partner (data, store, partner_id, error) ||
      !load_timeline (data, store, error) ||
      !(data->examples = pl_store_pack_list_examples (store, employer_id, error)))
    return NULL;

  data->network_name = pl_store_get_setting (store, "network_name");
  data->lead_weeks = (int) pl_store_get_setting_int (store, "lead_time_weeks", 6);
  data->logo_path = pl_store_get_setting (store, "pack_logo");
  if (data->logo_path != NULL && g_strstrip (data->logo_path)[0] == '\0')
    g_clear_pointer (&data->logo_path, g_free);

  if ((data->stats = pl_stats_compute (store, NULL, error)) == NULL)
    return NULL;

  return g_steal_pointer (&data);
}
