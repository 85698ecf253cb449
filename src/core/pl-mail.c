/* pl-mail.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-mail"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-enums.h"
#include "pl-mail.h"
#include "pl-records.h"
#include "pl-store-mail.h"

/* The texts are ours, written for the steps of a placement as the case
 * study describes them: approach, agreement, confirmation with dates,
 * health and safety, thanks with the feedback form, and next year. */
static const PlMailTemplate templates[] = {
  { "first_approach", N_("First approach"),
    N_("Hosting a teacher from {network} for a few days?"),
    N_("Dear {contact},\n"
       "\n"
       "I coordinate teacher industry placements for {network}. Our lecturers spend a few days "
       "with an employer to see how their industry works today, and take what they learn back "
       "to their students.\n"
       "\n"
       "Would {employer} consider hosting one of our {sector} staff for one to five days, at a "
       "time that suits you? We plan well ahead and work around your busy periods.\n"
       "\n"
       "I would be glad to call you to talk it through.\n"
       "\n"
       "Kind regards,\n"
       "{coordinator}\n"
       "{network}\n"),
    7 },
  { "agreement", N_("Agreement to sign"),
    N_("Placement agreement for {staff} at {employer}"),
    N_("Dear {contact},\n"
       "\n"
       "Thank you for agreeing to host {staff} at {employer}. The days we have in mind are "
       "{dates}.\n"
       "\n"
       "Before the placement can go ahead we need the placement agreement signed by someone at "
       "{employer}. It sets out what the placement involves, who is responsible for what and how "
       "to reach us. Could you sign it and send it back, or tell me if anything in it needs "
       "to change?\n"
       "\n"
       "Kind regards,\n"
       "{coordinator}\n"
       "{network}\n"),
    7 },
  { "confirmation", N_("Confirmation with dates"),
    N_("Confirmed: {staff} at {employer}, {dates}"),
    N_("Dear {contact},\n"
       "\n"
       "I am pleased to confirm the industry placement of {staff} ({job_title}) at {employer} "
       "on {dates}.\n"
       "\n"
       "What {staff} hopes to gain from the placement:\n"
       "{aims}\n"
       "\n"
       "I attach the dates as a calendar file. If anything changes on your side, however late, "
       "please tell me and we will find other days.\n"
       "\n"
       "Kind regards,\n"
       "{coordinator}\n"
       "{network}\n"),
    3 },
  { "health_safety", N_("Health and safety request"),
    N_("Health and safety and induction for {staff}'s placement"),
    N_("Dear {contact},\n"
       "\n"
       "Ahead of {staff}'s placement at {employer} on {dates}, could you send us:\n"
       "\n"
       "- your employer's liability insurance certificate,\n"
       "- your health and safety policy, and\n"
       "- the risk assessment for the work {staff} will see or do?\n"
       "\n"
       "It would also help to know what the induction on the first morning covers, who "
       "{staff} should ask for on arrival, and what to wear.\n"
       "\n"
       "Kind regards,\n"
       "{coordinator}\n"
       "{network}\n"),
    5 },
  { "thank_you", N_("Thank-you with the feedback form"),
    N_("Thank you for hosting {staff}"),
    N_("Dear {contact},\n"
       "\n"
       "Thank you for hosting {staff} at {employer} on {dates}. Placements like this one keep "
       "our teaching close to what employers do today, and our students notice the "
       "difference.\n"
       "\n"
       "Could you spare five minutes for the feedback form at the back of the employer pack? "
       "Your answers tell us what to improve and help us show our funders what placements "
       "achieve.\n"
       "\n"
       "With thanks,\n"
       "{coordinator}\n"
       "{network}\n"),
    14 },
  { "invite_back", N_("Invitation back"),
    N_("Would {employer} host a teacher placement again this year?"),
    N_("Dear {contact},\n"
       "\n"
       "Last year {employer} hosted {staff} from {network}, and what {staff} learned has since "
       "reached colleagues and students.\n"
       "\n"
       "We are planning this year's placements now. Would you be willing to host one of our "
       "{sector} staff again? Tell me the weeks that suit you best, and the ones to avoid, and "
       "I will plan around them.\n"
       "\n"
       "Kind regards,\n"
       "{coordinator}\n"
       "{network}\n"),
    10 },
};

static const char * const field_names[] = {
  "employer", "contact", "staff", "job_title", "sector", "dates", "aims", "goals",
  "coordinator", "network", NULL
};

const PlMailTemplate *
pl_mail_get_templates (guint *n_templates)
{
  if (n_templates != NULL)
    *n_templates = G_N_ELEMENTS (templates);
  return templates;
}

const PlMailTemplate *
pl_mail_find_template (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (templates); i++)
    if (g_str_equal (templates[i].key, key))
      return &templates[i];
  return NULL;
}

const char * const *
pl_mail_get_field_names (void)
{
  return field_names;
}

/**
 * pl_mail_get_texts:
 * @subject: (out) (transfer full):
 * @body: (out) (transfer full):
 *
 * Returns: whether the texts are the network's edit of the template
 */
gboolean
pl_mail_get_texts (PlStore     *store,
                   const char  *key,
                   char       **subject,
                   char       **body)
{
  const PlMailTemplate *template = pl_mail_find_template (key);

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (template != NULL, FALSE);
  g_return_val_if_fail (subject != NULL && body != NULL, FALSE);

  if (pl_store_get_mail_template (store, key, subject, body))
    return TRUE;

  *subject = g_strdup (_(template->subject));
  *body = g_strdup (_(template->body));
  return FALSE;
}

const char *
pl_mail_default_coordinator (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name. */
  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

void
pl_mail_fields_free (PlMailFields *fields)
{
  if (fields == NULL)
    return;
  g_free (fields->to);
  g_free (fields->suggested);
  g_clear_pointer (&fields->values, g_hash_table_unref);
  g_free (fields);
}

const char *
pl_mail_fields_get (PlMailFields *fields,
                    const char   *name)
{
  g_return_val_if_fail (fields != NULL, NULL);
  return g_hash_table_lookup (fields->values, name);
}

static void
set_value (PlMailFields *fields,
           const char   *name,
           const char   *value,
           const char   *missing)
{
  g_hash_table_insert (fields->values, (char *) name,
                       g_strdup (value != NULL && *value != '\0' ? value : missing));
}

static char *
format_day (const GDate *date,
            const char  *format)
{
  char text[128];

  if (g_date_strftime (text, sizeof text, format, date) == 0)
    return pl_date_to_iso (date);
  return g_strdup (text);
}

/* One run of consecutive days in words: "Tuesday 3 March 2026", "Tuesday
 * 3 to Thursday 5 March 2026", "Monday 30 March to Wednesday 1 April 2026". */
static char *
describe_run (const GDate *first,
              const GDate *last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  /* TRANSLATORS: a placement day in an email, as strftime() writes it:
   * "Tuesday 3 March 2026". */
  to = format_day (last, _("%A %-d %B %Y"));
  if (g_date_compare (first, last) == 0)
    return g_steal_pointer (&to);

  if (g_date_get_year (first) != g_date_get_year (last))
    from = format_day (first, _("%A %-d %B %Y"));
  else if (g_date_get_month (first) != g_date_get_month (last))
    /* TRANSLATORS: the first day of a run in the same year: "Monday 30 March". */
    from = format_day (first, _("%A %-d %B"));
  else
    /* TRANSLATORS: the first day of a run in the same month: "Tuesday 3". */
    from = format_day (first, _("%A %-d"));

  /* TRANSLATORS: consecutive placement days: "Tuesday 3 to Thursday 5 March 2026". */
  return g_strdup_printf (_("%s to %s"), from, to);
}

/* The days in words, runs joined as a sentence joins a list; NULL for no
 * days. */
static char *
describe_days (const char * const *days)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  GDate first, last;
  gboolean open = FALSE;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    {
      GDate day, next;

      if (!pl_date_parse (days[i], &day))
        continue;
      next = last;
      if (open)
        g_date_add_days (&next, 1);
      if (open && g_date_compare (&day, &next) == 0)
        {
          last = day;
          continue;
        }
      if (open)
        g_ptr_array_add (runs, describe_run (&first, &last));
      first = last = day;
      open = TRUE;
    }
  if (open)
    g_ptr_array_add (runs, describe_run (&first, &last));

  if (runs->len == 0)
    return NULL;

  for (guint i = 0; i < runs->len; i++)
    {
      if (i > 0 && i == runs->len - 1)
        /* TRANSLATORS: before the last of several runs of days. */
        g_string_append (text, _(" and "));
      else if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (runs, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The aims ticked in the pre-placement planner, one a line. */
static char *
describe_aims (gint64 aims)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < PL_N_AIMS; i++)
    if (aims & (1 << i))
      g_string_append_printf (text, "%s- %s", text->len > 0 ? "\n" : "",
                              pl_enum_label (pl_aim_keys[i]));

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The placement an email about an employer or a staff member speaks of:
 * the next to happen, else the last that happened, else the newest
 * request without days; never a cancelled one. */
static PlRecord *
choose_placement (PlStore     *store,
                  const char  *column,
                  gint64       id,
                  const GDate *today)
{
  g_autoptr(GListModel) placements = pl_store_list_where (store, PL_TYPE_PLACEMENT, column, id);
  g_autofree char *today_iso = pl_date_to_iso (today);
  g_autoptr(PlRecord) next = NULL;
  g_autoptr(PlRecord) last = NULL;
  g_autoptr(PlRecord) undated = NULL;
  g_autofree char *next_day = NULL;
  g_autofree char *last_day = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(PlRecord) placement = g_list_model_get_item (placements, i);
      g_auto(GStrv) days = NULL;
      guint n;

      if (pl_record_get_enum (placement, "status") == PL_PLACEMENT_STATUS_CANCELLED)
        continue;

      days = pl_store_get_days (store, pl_record_get_id (placement));
      n = days != NULL ? g_strv_length (days) : 0;
      if (n == 0)
        {
          if (undated == NULL || pl_record_get_id (placement) > pl_record_get_id (undated))
            g_set_object (&undated, placement);
        }
      else if (g_strcmp0 (days[n - 1], today_iso) >= 0)
        {
          if (next == NULL || g_strcmp0 (days[0], next_day) < 0)
            {
              g_set_object (&next, placement);
              g_free (next_day);
              next_day = g_strdup (days[0]);
            }
        }
      else if (last == NULL || g_strcmp0 (days[n - 1], last_day) > 0)
        {
          g_set_object (&last, placement);
          g_free (last_day);
          last_day = g_strdup (days[n - 1]);
        }
    }

  if (next != NULL)
    return g_steal_pointer (&next);
  if (last != NULL)
    return g_steal_pointer (&last);
  return g_steal_pointer (&undated);
}

/* The template each step of a placement calls for. */
static const char *
suggest_for_status (PlRecord *placement,
                    PlRecord *employer)
{
  if (placement == NULL)
    {
      int stage = employer != NULL ? pl_record_get_enum (employer, "relationship") : -1;

      return stage == PL_RELATIONSHIP_HOST || stage == PL_RELATIONSHIP_LAPSED
             ? "invite_back" : "first_approach";
    }

  switch (pl_record_get_enum (placement, "status"))
    {
    case PL_PLACEMENT_STATUS_PROPOSED:
      return "agreement";
    case PL_PLACEMENT_STATUS_AGREED:
      return "confirmation";
    case PL_PLACEMENT_STATUS_CONFIRMED:
      return "health_safety";
    case PL_PLACEMENT_STATUS_COMPLETED:
    case PL_PLACEMENT_STATUS_CASCADED:
    case PL_PLACEMENT_STATUS_EVALUATED:
      return "thank_you";
    default:
      return "first_approach";
    }
}

static const char *
suggest_for_milestone (const char *kind)
{
  static const struct { const char *milestone; const char *template; } map[] = {
    { "first_contact", "first_approach" },
    { "agreement", "agreement" },
    { "planner", "agreement" },
    { "induction", "health_safety" },
    { "confirmation", "confirmation" },
    { "reflection", "thank_you" },
    { "cascade", "thank_you" },
    { "observation", "thank_you" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].milestone, kind) == 0)
      return map[i].template;
  return NULL;
}

static PlRecord *
get_record (PlStore  *store,
            GType     type,
            gint64    id,
            GError  **error)
{
  return id != 0 ? pl_store_get (store, type, id, error) : NULL;
}

/**
 * pl_mail_fields_new:
 *
 * Returns: (transfer full): the fields, or NULL with @error set
 */
PlMailFields *
pl_mail_fields_new (PlStore      *store,
                    const char   *kind,
                    gint64        id,
                    gint64        placement_id,
                    const char   *coordinator,
                    const GDate  *today,
                    GError      **error)
{
  g_autoptr(PlMailFields) fields = NULL;
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(PlRecord) employer = NULL;
  g_autoptr(PlRecord) staff = NULL;
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(PlRecord) sector = NULL;
  g_autofree char *network = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *aims = NULL;
  const char *suggested = NULL;
  GType type;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (g_str_equal (kind, "employer"))
    type = PL_TYPE_EMPLOYER;
  else if (g_str_equal (kind, "contact"))
    type = PL_TYPE_CONTACT;
  else if (g_str_equal (kind, "staff"))
    type = PL_TYPE_STAFF;
  else if (g_str_equal (kind, "milestone"))
    type = PL_TYPE_MILESTONE;
  else
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("“%s” is not something to write an email about (employer, contact, staff or "
                     "milestone)"), kind);
      return NULL;
    }

  if (!(record = pl_store_get (store, type, id, error)))
    return NULL;

  if (placement_id != 0 && !(placement = pl_store_get (store, PL_TYPE_PLACEMENT, placement_id,
                                                       error)))
    return NULL;

  if (type == PL_TYPE_MILESTONE)
    {
      gint64 own = pl_record_get_int (record, "placement_id");

      if (placement == NULL && !(placement = pl_store_get (store, PL_TYPE_PLACEMENT, own, error)))
        return NULL;
      suggested = suggest_for_milestone (pl_record_get_string (record, "kind"));
    }

  if (type == PL_TYPE_EMPLOYER)
    employer = g_object_ref (record);
  else if (type == PL_TYPE_CONTACT &&
           !(employer = get_record (store, PL_TYPE_EMPLOYER,
                                    pl_record_get_int (record, "employer_id"), error)))
    return NULL;
  else if (type == PL_TYPE_STAFF)
    staff = g_object_ref (record);

  /* A placement given with the record must be the record's own. */
  if (placement != NULL && placement_id != 0 &&
      ((employer != NULL && pl_record_get_int (placement, "employer_id") !=
                            pl_record_get_id (employer)) ||
       (staff != NULL && pl_record_get_int (placement, "staff_id") != pl_record_get_id (staff)) ||
       (type == PL_TYPE_MILESTONE && pl_record_get_int (record, "placement_id") != placement_id)))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("Placement %" G_GINT64_FORMAT " is not one of %s’s placements"),
                   placement_id,
                   employer != NULL ? pl_record_get_string (employer, "name")
                   : staff != NULL ? pl_record_get_string (staff, "name")
                   : pl_record_get_string (record, "label"));
      return NULL;
    }

  if (placement == NULL)
    placement = employer != NULL
                ? choose_placement (store, "employer_id", pl_record_get_id (employer), today)
                : choose_placement (store, "staff_id", pl_record_get_id (staff), today);

  if (placement != NULL)
    {
      if (employer == NULL && !pl_record_is_null (placement, "employer_id") &&
          !(employer = get_record (store, PL_TYPE_EMPLOYER,
                                   pl_record_get_int (placement, "employer_id"), error)))
        return NULL;
      if (staff == NULL && !(staff = get_record (store, PL_TYPE_STAFF,
                                                 pl_record_get_int (placement, "staff_id"),
                                                 error)))
        return NULL;
    }

  if (!(sector = get_record (store, PL_TYPE_SECTOR,
                             placement != NULL ? pl_record_get_int (placement, "sector_id")
                             : employer != NULL ? pl_record_get_int (employer, "sector_id")
                             : pl_record_get_int (staff, "sector_id"), NULL)))
    g_debug ("the email has no sector");

  fields = g_new0 (PlMailFields, 1);
  fields->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  fields->employer_id = employer != NULL ? pl_record_get_id (employer) : 0;
  fields->placement_id = placement != NULL ? pl_record_get_id (placement) : 0;
  fields->suggested = g_strdup (suggested != NULL ? suggested
                                                  : suggest_for_status (placement, employer));

  /* An email about a teacher with no host yet goes to the teacher. */
  if (employer != NULL && !pl_record_is_null (employer, "contact_email"))
    fields->to = g_strdup (pl_record_get_string (employer, "contact_email"));
  else if (employer == NULL && staff != NULL && !pl_record_is_null (staff, "email"))
    fields->to = g_strdup (pl_record_get_string (staff, "email"));

  network = pl_store_get_setting (store, "network_name");
  if (placement != NULL)
    {
      g_auto(GStrv) days = pl_store_get_days (store, pl_record_get_id (placement));

      dates = describe_days ((const char * const *) days);
      aims = describe_aims (pl_record_get_int (placement, "aims"));
    }

  set_value (fields, "employer", employer ? pl_record_get_string (employer, "name") : NULL,
             _("your organisation"));
  /* Without a named contact, the greeting goes to the organisation. */
  set_value (fields, "contact", employer ? pl_record_get_string (employer, "contact_name") : NULL,
             employer ? pl_record_get_string (employer, "name")
             : staff ? pl_record_get_string (staff, "name") : _("colleague"));
  set_value (fields, "staff", staff ? pl_record_get_string (staff, "name") : NULL,
             _("one of our teachers"));
  set_value (fields, "job_title", staff ? pl_record_get_string (staff, "job_title") : NULL,
             _("teacher"));
  set_value (fields, "sector", sector ? pl_record_get_string (sector, "name") : NULL,
             _("vocational"));
  set_value (fields, "dates", dates, _("dates still to be agreed"));
  set_value (fields, "aims", aims, _("- to be agreed in the pre-placement planner"));
  set_value (fields, "goals", placement ? pl_record_get_string (placement, "goals") : NULL, "");
  set_value (fields, "coordinator", coordinator, pl_mail_default_coordinator ());
  set_value (fields, "network", network, _("our college"));

  return g_steal_pointer (&fields);
}

char *
pl_mail_fill (const char   *text,
              PlMailFields *fields)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 256);
  for (p = text; *p != '\0';)
    {
      const char *close;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, close - p - 1);
          const char *value = g_hash_table_lookup (fields->values, name);

          if (value != NULL)
            {
              g_string_append (out, value);
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* RFC 3986's unreserved characters stand as they are; everything else,
 * each byte of a UTF-8 sequence included, is percent-encoded. An address
 * keeps its "@" and the commas between addresses. Line breaks become
 * CRLF (%0D%0A) in the body, as RFC 6068 asks, and spaces in a header. */
static void
append_encoded (GString    *out,
                const char *text,
                gboolean    address,
                gboolean    multiline)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          g_string_append (out, multiline ? "%0D%0A" : "%20");
        }
      else if (g_ascii_isalnum (c) || c == '-' || c == '.' || c == '_' || c == '~' ||
               (address && (c == '@' || c == ',')))
        g_string_append_c (out, (char) c);
      else
        g_string_append_printf (out, "%%%02X", c);
    }
}

char *
pl_mail_build_uri (const char *to,
                   const char *subject,
                   const char *body)
{
  GString *out = g_string_new ("mailto:");
  char separator = '?';

  if (to != NULL)
    append_encoded (out, to, TRUE, FALSE);
  if (subject != NULL)
    {
      g_string_append_printf (out, "%csubject=", separator);
      append_encoded (out, subject, FALSE, FALSE);
      separator = '&';
    }
  if (body != NULL)
    {
      g_string_append_printf (out, "%cbody=", separator);
      append_encoded (out, body, FALSE, TRUE);
    }

  return g_string_free (out, FALSE);
}

gint64
pl_mail_log (PlStore      *store,
             PlMailFields *fields,
             const char   *template_key,
             const char   *subject,
             const GDate  *today,
             GError      **error)
{
  const PlMailTemplate *template = pl_mail_find_template (template_key);
  g_autoptr(PlRecord) employer = NULL;
  g_autoptr(PlRecord) contact = NULL;
  g_autofree char *date = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), 0);
  g_return_val_if_fail (fields != NULL, 0);
  g_return_val_if_fail (template != NULL, 0);
  g_return_val_if_fail (today != NULL, 0);

  if (fields->employer_id == 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("This email is not to an employer, so there is no contact log to add it to"));
      return 0;
    }
  stripped = g_strstrip (g_strdup (subject != NULL ? subject : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("The email has no subject, which the contact log needs as its summary"));
      return 0;
    }

  if (!(employer = pl_store_get (store, PL_TYPE_EMPLOYER, fields->employer_id, error)))
    return 0;

  date = pl_date_to_iso (today);
  contact = pl_record_new (PL_TYPE_CONTACT);
  pl_record_set_int (contact, "employer_id", fields->employer_id);
  pl_record_set_string (contact, "contact_date", date);
  pl_record_set_string (contact, "channel", "email");
  pl_record_set_string (contact, "summary", subject);
  if (template->follow_up_days > 0)
    {
      g_autofree char *follow_up = pl_date_iso_add_days (date, template->follow_up_days);

      pl_record_set_string (contact, "follow_up", follow_up);
    }
  if (!pl_record_is_null (employer, "owner_id"))
    pl_record_set_int (contact, "staff_id", pl_record_get_int (employer, "owner_id"));

  if (!pl_store_insert (store, contact, error))
    return 0;
  return pl_record_get_id (contact);
}
