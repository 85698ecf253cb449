/* pl-mail-templates-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-mail-templates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-mail.h"
#include "pl-mail-templates-page.h"
#include "pl-store-mail.h"
#include "pl-window.h"

/* The email templates, as the network writes them. Their texts live in
 * the database, so that partners on a shared one write alike; the name
 * that signs them is each coordinator's own, in GSettings. The rows come
 * from the list of templates, so they are built here rather than in a
 * .ui file. A template is saved with its Save button, not as it is typed:
 * half an edited letter is not a template anyone should send. */
struct _PlMailTemplatesPage
{
  AdwPreferencesPage  parent_instance;

  PlContext          *context;
};

G_DEFINE_FINAL_TYPE (PlMailTemplatesPage, pl_mail_templates_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct
{
  PlMailTemplatesPage *self;
  const char          *key;
  AdwExpanderRow      *expander;
  AdwEntryRow         *subject_row;
  GtkTextView         *body_view;
} TemplateRow;

static void
show_error (PlMailTemplatesPage *self,
            const char          *what,
            const GError        *error)
{
  pl_widget_show_error (GTK_WIDGET (self), what, error);
}

static void
template_row_load (TemplateRow *row)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  gboolean edited;

  edited = pl_mail_get_texts (pl_context_get_store (row->self->context), row->key, &subject,
                              &body);
  gtk_editable_set_text (GTK_EDITABLE (row->subject_row), subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (row->body_view), body, -1);
  adw_expander_row_set_subtitle (row->expander, edited ? _("Edited") : _("Built-in"));
}

static void
on_save_clicked (TemplateRow *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (row->body_view);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (row->subject_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (*subject == '\0')
    {
      g_set_error (&error, PL_ERROR, PL_ERROR_INVALID,
                   _("A template needs a subject: the contact log keeps it as the summary."));
      show_error (row->self, _("Could not save the template"), error);
      return;
    }

  if (!pl_store_set_mail_template (pl_context_get_store (row->self->context), row->key, subject,
                                   body, &error))
    {
      show_error (row->self, _("Could not save the template"), error);
      return;
    }
  template_row_load (row);
}

static void
on_reset_clicked (TemplateRow *row)
{
  g_autoptr(GError) error = NULL;

  if (!pl_store_reset_mail_template (pl_context_get_store (row->self->context), row->key,
                                     &error))
    {
      show_error (row->self, _("Could not reset the template"), error);
      return;
    }
  template_row_load (row);
}

static GtkWidget *
make_button (const char *label,
             GCallback   callback,
             TemplateRow *row)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", callback, row);
  return button;
}

static void
add_template (PlMailTemplatesPage  *self,
              AdwPreferencesGroup  *group,
              const PlMailTemplate *template)
{
  TemplateRow *row = g_new0 (TemplateRow, 1);
  GtkWidget *frame, *buttons, *box, *save;
  GtkListBoxRow *holder;

  row->self = self;
  row->key = template->key;
  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), _(template->name));
  g_object_set_data_full (G_OBJECT (row->expander), "pl-template-row", row, g_free);

  row->subject_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->subject_row), _("Subject"));
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->subject_row));

  row->body_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (row->body_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (row->body_view, 12);
  gtk_text_view_set_bottom_margin (row->body_view, 12);
  gtk_text_view_set_left_margin (row->body_view, 12);
  gtk_text_view_set_right_margin (row->body_view, 12);
  gtk_widget_set_size_request (GTK_WIDGET (row->body_view), -1, 240);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->body_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Message"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (row->body_view));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons),
                  make_button (_("_Reset to Built-in"), G_CALLBACK (on_reset_clicked), row));
  save = make_button (_("_Save Template"), G_CALLBACK (on_save_clicked), row);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), save);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), buttons);

  holder = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
  gtk_list_box_row_set_activatable (holder, FALSE);
  gtk_list_box_row_set_child (holder, box);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (holder));

  adw_preferences_group_add (group, GTK_WIDGET (row->expander));
  template_row_load (row);
}

static void
build (PlMailTemplatesPage *self)
{
  GtkWidget *signature = adw_preferences_group_new ();
  GtkWidget *templates_group = adw_preferences_group_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  const char * const *names = pl_mail_get_field_names ();
  const PlMailTemplate *templates;
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autofree char *description = NULL;
  g_autofree char *templates_description = NULL;
  guint n;

  /* TRANSLATORS: %s is the account's full name, used when none is given. */
  description = g_strdup_printf (_("Signs the emails written from templates. Left empty, it is "
                                   "your account’s name, %s."), pl_mail_default_coordinator ());
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (signature), _("Signature"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (signature), description);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Coordinator’s Name"));
  g_settings_bind (pl_context_get_settings (self->context), "coordinator-name", name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (signature), name_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (signature));

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (fields, "%s{%s}", i > 0 ? ", " : "", names[i]);
  /* TRANSLATORS: %s lists the fields, such as "{employer}, {contact}". */
  templates_description = g_strdup_printf (_("Shared by everyone working on this network’s "
                                             "data. Fields in braces are filled from the "
                                             "records: %s."), fields->str);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (templates_group), _("Templates"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (templates_group),
                                         templates_description);
  templates = pl_mail_get_templates (&n);
  for (guint i = 0; i < n; i++)
    add_template (self, ADW_PREFERENCES_GROUP (templates_group), &templates[i]);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self),
                            ADW_PREFERENCES_GROUP (templates_group));
}

static void
pl_mail_templates_page_finalize (GObject *object)
{
  PlMailTemplatesPage *self = PL_MAIL_TEMPLATES_PAGE (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_mail_templates_page_parent_class)->finalize (object);
}

static void
pl_mail_templates_page_class_init (PlMailTemplatesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_mail_templates_page_finalize;
}

static void
pl_mail_templates_page_init (PlMailTemplatesPage *self)
{
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Emails"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "mail-unread-symbolic");
}

GtkWidget *
pl_mail_templates_page_new (PlContext *context)
{
  PlMailTemplatesPage *self;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  self = g_object_new (PL_TYPE_MAIL_TEMPLATES_PAGE, NULL);
  self->context = g_object_ref (context);
  build (self);
  return GTK_WIDGET (self);
}
