/* pl-mail.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* Emails to employers, written from a template and logged in one step.
 * Placements sends nothing itself: it fills a template from the records,
 * hands the coordinator's own mail program a mailto: URI (RFC 6068), and
 * adds the email to the employer's contact log with a follow-up date.
 *
 * A template's subject and body name fields in braces, "{employer}";
 * pl_mail_fill() replaces those it knows and leaves any other brace
 * alone, so a typing slip shows in the email instead of vanishing. */

typedef struct
{
  const char *key;             /* "confirmation": what the CLI and settings call it */
  const char *name;            /* N_(): what people read */
  const char *subject;         /* N_() */
  const char *body;            /* N_() */
  int         follow_up_days;  /* the contact's follow-up, days after sending */
} PlMailTemplate;

/* The built-in templates, in the order they are offered (transfer none). */
const PlMailTemplate *pl_mail_get_templates   (guint       *n_templates);
/* The built-in template @key, or NULL. */
const PlMailTemplate *pl_mail_find_template   (const char  *key);

/* The template's subject and body as this network writes it: its edit, if
 * one is stored (pl-store-mail.h), else the built-in text, translated
 * (transfer full). Returns whether it is an edit. */
gboolean  pl_mail_get_texts         (PlStore     *store,
                                     const char  *key,
                                     char       **subject,
                                     char       **body);

/* The fields' names, for a list of what a template may use. */
const char * const *pl_mail_get_field_names (void);

/* What an email is about and to whom, read from one record. */
typedef struct
{
  char       *to;            /* the address it goes to; NULL when none is known */
  gint64      employer_id;   /* the employer whose log it joins; 0 when none */
  gint64      placement_id;  /* the placement it speaks of; 0 when none */
  char       *suggested;     /* the template key that suits the record best */
  GHashTable *values;        /* field name → text */
} PlMailFields;

/* Reads the fields of an email about the record @kind ("employer",
 * "contact" — a contact-log entry —, "staff" or "milestone") numbered @id.
 * @placement_id (0: chosen) names the placement whose dates and aims it
 * gives; otherwise the record's own (a milestone's), or the employer's
 * (staff member's) next placement, or the last one. @coordinator signs it.
 * PL_ERROR_NOT_FOUND for a record that does not exist, PL_ERROR_INVALID
 * for a placement that is not the record's. */
PlMailFields *pl_mail_fields_new   (PlStore      *store,
                                    const char   *kind,
                                    gint64        id,
                                    gint64        placement_id,
                                    const char   *coordinator,
                                    const GDate  *today,
                                    GError      **error);
void          pl_mail_fields_free  (PlMailFields *fields);
const char   *pl_mail_fields_get   (PlMailFields *fields,
                                    const char   *name);

/* @text with every {field} it knows replaced (transfer full). */
char     *pl_mail_fill              (const char   *text,
                                     PlMailFields *fields);

/* The mailto: URI (RFC 6068) of an email to @to (nullable; addresses
 * separated by commas) with @subject and @body: every byte but the
 * unreserved ones percent-encoded, text as UTF-8, line breaks as %0D%0A
 * (transfer full). */
char     *pl_mail_build_uri         (const char   *to,
                                     const char   *subject,
                                     const char   *body);

/* Adds the email to the employer's contact log: channel email, @subject
 * as the summary, dated @today, followed up the template's days later,
 * by the employer's relationship owner. Through pl_store_insert(), so it
 * is one step of an undo history. PL_ERROR_INVALID when the email has no
 * employer. Returns the new contact's id, or 0 with @error set. */
gint64    pl_mail_log               (PlStore      *store,
                                     PlMailFields *fields,
                                     const char   *template_key,
                                     const char   *subject,
                                     const GDate  *today,
                                     GError      **error);

/* The coordinator's name when none is set: the account's real name, or
 * its login when that is unknown (transfer none). */
const char *pl_mail_default_coordinator (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlMailFields, pl_mail_fields_free)

G_END_DECLS
