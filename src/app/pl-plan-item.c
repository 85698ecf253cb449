/* pl-plan-item.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-plan-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-plan-item.h"

struct _PlPlanItem
{
  GObject     parent_instance;

  gint64      placement_id;
  char       *staff;
  char       *sector;
  char       *window;
  guint       length;
  PlProposal *proposal;
  char       *summary;
};

G_DEFINE_FINAL_TYPE (PlPlanItem, pl_plan_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLACEMENT_ID,
  PROP_STAFF,
  PROP_SECTOR,
  PROP_WINDOW,
  PROP_LENGTH,
  PROP_SUMMARY,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
format_day (const char *iso,
            const char *format)
{
  GDate date;
  char buffer[64];

  if (!pl_date_parse (iso, &date) || g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return g_strdup (iso);
  return g_strdup (buffer);
}

char *
pl_plan_format_days (const char * const *days)
{
  guint n = days != NULL ? g_strv_length ((char **) days) : 0;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (n == 0)
    return g_strdup ("");

  /* TRANSLATORS: a day in strftime format, as in "Mon 1 Mar 2027" */
  last = format_day (days[n - 1], _("%a %-d %b %Y"));
  if (n == 1)
    return g_steal_pointer (&last);

  /* TRANSLATORS: the first day of a range in strftime format, as in "Fri 29 Jan" */
  first = format_day (days[0], _("%a %-d %b"));
  /* TRANSLATORS: a range of days, as in "Fri 29 Jan – Mon 1 Feb 2027" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

char *
pl_plan_format_range (const char *first,
                      const char *last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  /* TRANSLATORS: a date in strftime format, as in "12 Mar 2027" */
  to = format_day (last, _("%-d %b %Y"));
  if (g_strcmp0 (first, last) == 0)
    return g_steal_pointer (&to);

  if (strncmp (first, last, 7) == 0)
    {
      /* TRANSLATORS: the first day of a range within one month, as the
       * "12" of "12–23 Jan 2027" */
      from = format_day (first, _("%-d"));
      /* TRANSLATORS: a range of days within one month, as in "12–23 Jan 2027" */
      return g_strdup_printf (_("%s–%s"), from, to);
    }

  /* TRANSLATORS: the first date of a range in strftime format, as in "18 Jan" */
  from = format_day (first, strncmp (first, last, 4) == 0 ? _("%-d %b") : _("%-d %b %Y"));
  return g_strdup_printf (_("%s – %s"), from, to);
}

static void
pl_plan_item_finalize (GObject *object)
{
  PlPlanItem *self = (PlPlanItem *)object;

  g_clear_pointer (&self->staff, g_free);
  g_clear_pointer (&self->sector, g_free);
  g_clear_pointer (&self->window, g_free);
  g_clear_pointer (&self->proposal, pl_proposal_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (pl_plan_item_parent_class)->finalize (object);
}

static void
pl_plan_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlPlanItem *self = PL_PLAN_ITEM (object);

  switch (prop_id)
    {
    case PROP_PLACEMENT_ID:
      g_value_set_int64 (value, self->placement_id);
      break;

    case PROP_STAFF:
      g_value_set_string (value, self->staff);
      break;

    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;

    case PROP_WINDOW:
      g_value_set_string (value, self->window);
      break;

    case PROP_LENGTH:
      g_value_set_uint (value, self->length);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, pl_plan_item_get_summary (self));
      break;

    case PROP_STATE:
      g_value_set_int (value, pl_plan_item_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_plan_item_class_init (PlPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_plan_item_finalize;
  object_class->get_property = pl_plan_item_get_property;

  properties [PROP_PLACEMENT_ID] =
    g_param_spec_int64 ("placement-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STAFF] =
    g_param_spec_string ("staff", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SECTOR] =
    g_param_spec_string ("sector", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_WINDOW] =
    g_param_spec_string ("window", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LENGTH] =
    g_param_spec_uint ("length", NULL, NULL, 0, G_MAXUINT, 1,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* PlPlanItemState, as an int so that a GtkNumericSorter can sort by it. */
  properties [PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, PL_PLAN_ITEM_OPEN, PL_PLAN_ITEM_UNPLACED,
                      PL_PLAN_ITEM_OPEN,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_plan_item_init (PlPlanItem *self)
{
}

PlPlanItem *
pl_plan_item_new (gint64      placement_id,
                  const char *staff,
                  const char *sector,
                  const char *window,
                  guint       length)
{
  PlPlanItem *self = g_object_new (PL_TYPE_PLAN_ITEM, NULL);

  self->placement_id = placement_id;
  self->staff = g_strdup (staff);
  self->sector = g_strdup (sector);
  self->window = g_strdup (window);
  self->length = length;
  return self;
}

gint64
pl_plan_item_get_placement_id (PlPlanItem *self)
{
  g_return_val_if_fail (PL_IS_PLAN_ITEM (self), 0);
  return self->placement_id;
}

const char *
pl_plan_item_get_staff (PlPlanItem *self)
{
  g_return_val_if_fail (PL_IS_PLAN_ITEM (self), NULL);
  return self->staff;
}

PlPlanItemState
pl_plan_item_get_state (PlPlanItem *self)
{
  g_return_val_if_fail (PL_IS_PLAN_ITEM (self), PL_PLAN_ITEM_OPEN);

  if (self->proposal == NULL)
    return PL_PLAN_ITEM_OPEN;
  return self->proposal->days != NULL ? PL_PLAN_ITEM_PROPOSED : PL_PLAN_ITEM_UNPLACED;
}

const PlProposal *
pl_plan_item_get_proposal (PlPlanItem *self)
{
  g_return_val_if_fail (PL_IS_PLAN_ITEM (self), NULL);
  return self->proposal;
}

void
pl_plan_item_set_proposal (PlPlanItem       *self,
                           const PlProposal *proposal)
{
  g_return_if_fail (PL_IS_PLAN_ITEM (self));

  g_clear_pointer (&self->proposal, pl_proposal_free);
  g_clear_pointer (&self->summary, g_free);
  if (proposal != NULL)
    self->proposal = pl_proposal_copy (proposal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
pl_plan_item_get_summary (PlPlanItem *self)
{
  g_return_val_if_fail (PL_IS_PLAN_ITEM (self), NULL);

  if (self->summary != NULL)
    return self->summary;

  switch (pl_plan_item_get_state (self))
    {
    case PL_PLAN_ITEM_PROPOSED:
      {
        g_autofree char *days = pl_plan_format_days ((const char * const *) self->proposal->days);

        /* TRANSLATORS: an employer, then the days, as in "Pixelwharf · Mon 1 Mar 2027" */
        self->summary = g_strdup_printf (_("%s · %s"), self->proposal->employer_name, days);
      }
      break;

    case PL_PLAN_ITEM_UNPLACED:
      self->summary = g_strdup (self->proposal->reason);
      break;

    case PL_PLAN_ITEM_OPEN:
    default:
      self->summary = g_strdup ("");
      break;
    }

  return self->summary;
}
