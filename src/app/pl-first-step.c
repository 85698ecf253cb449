/* pl-first-step.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-first-step"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-first-step.h"
#include "pl-records.h"

const char *
pl_first_step_missing (PlStore *store,
                       GType    type)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if ((type == PL_TYPE_STAFF || type == PL_TYPE_PLACEMENT) &&
      pl_store_count (store, PL_TYPE_PARTNER) == 0)
    return "partner";
  if (type == PL_TYPE_PLACEMENT && pl_store_count (store, PL_TYPE_STAFF) == 0)
    return "staff";
  return NULL;
}

/* Unset first: the old target is not the new action's, nor the other
 * way round. */
static void
set_action (GtkButton  *button,
            const char *detailed)
{
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_action_parse_detailed_name (detailed, &name, &target, &error))
    g_error ("%s: %s", detailed, error->message);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
}

void
pl_first_step_describe (PlStore     *store,
                        GType        type,
                        const char  *description,
                        const char  *label,
                        const char  *action,
                        const char **step_description,
                        const char **step_label,
                        const char **step_action)
{
  const char *missing = store != NULL ? pl_first_step_missing (store, type) : NULL;

  if (g_strcmp0 (missing, "partner") == 0)
    {
      *step_description = type == PL_TYPE_STAFF
                          ? _("Every staff member belongs to a partner college. "
                              "Add your college first.")
                          : _("Requests are for the staff of partner colleges. "
                              "Add your college first, then its staff.");
      *step_label = _("Add Your _College First");
      *step_action = "win.add-first::partner";
    }
  else if (g_strcmp0 (missing, "staff") == 0)
    {
      *step_description = _("Every request is for a member of staff. "
                            "Add the first one, then their request.");
      *step_label = _("Add a _Staff Member First");
      *step_action = "win.add-first::staff";
    }
  else
    {
      *step_description = description;
      *step_label = label;
      *step_action = action;
    }
}

void
pl_first_step_set_button (GtkButton  *button,
                          const char *label,
                          const char *action)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_button_set_label (button, label);
  gtk_button_set_use_underline (button, TRUE);
  set_action (button, action);
}

void
pl_first_step_update (AdwStatusPage *page,
                      GtkButton     *button,
                      PlStore       *store,
                      GType          type,
                      const char    *description,
                      const char    *label,
                      const char    *action)
{
  const char *step_description, *step_label, *step_action;

  g_return_if_fail (ADW_IS_STATUS_PAGE (page));
  g_return_if_fail (GTK_IS_BUTTON (button));

  pl_first_step_describe (store, type, description, label, action,
                          &step_description, &step_label, &step_action);
  adw_status_page_set_description (page, step_description);
  pl_first_step_set_button (button, step_label, step_action);
}

PlRecord *
pl_first_step_new_partner (const char *name,
                           gboolean    lead)
{
  PlRecord *partner = pl_record_new (PL_TYPE_PARTNER);

  pl_record_set_string (partner, "name", name);
  pl_record_set_string (partner, "kind", "college");
  pl_record_set_string (partner, "status", "active");
  pl_record_set_bool (partner, "is_lead", lead);
  return partner;
}

PlRecord *
pl_first_step_new_employer (const char *name,
                            gint64      sector_id)
{
  PlRecord *employer = pl_record_new (PL_TYPE_EMPLOYER);

  pl_record_set_string (employer, "name", name);
  pl_record_set_int (employer, "sector_id", sector_id);
  pl_record_set_string (employer, "relationship", "prospect");
  pl_record_set_int (employer, "capacity", 1);
  pl_record_set_int (employer, "notice_weeks", 0);
  pl_record_set_int (employer, "preferred_days", 31);
  return employer;
}
