/* pl-pack-template.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-pack"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pl-error.h"
#include "pl-pack-template.h"

/* The guide's text is a small XML language of our own rather than C
 * strings, so that a college can rewrite the guide without a compiler and
 * translators see whole paragraphs in context. xgettext extracts it with
 * data/its/employer-guide.its; to find the translation again, the parser
 * rebuilds each text element exactly as xgettext writes its msgid: the
 * element's content with <b> and <i> kept, & and < escaped, and white space
 * collapsed. */

const char * const pl_pack_placeholders[] = {
  "employer", "sector", "partner", "owner", "notice_weeks", "lead_weeks", "next_date",
  "placements", "employers", "sectors", "staff_engaged", "students_reached",
  "colleagues_reached",
  "students_know_more_pct", "students_workplace_pct", "students_learning_pct",
  "student_responses",
  "host_again_pct", "work_with_providers_pct", "vocational_pct", "employer_responses",
  NULL
};

const char * const pl_pack_conditions[] = {
  "coming", "no-coming", "history", "student-survey", "employer-survey", "notice",
  "owner", "no-owner",
  NULL
};

const char * const pl_pack_blocks[] = {
  "contents", "sector-examples", "timeline", "timeline-steps", "who-is-coming", "contacts",
  "feedback-form",
  NULL
};

enum
{
  ATTR_IF      = 1 << 0,
  ATTR_STYLE   = 1 << 1,
  ATTR_ID      = 1 << 2,
  ATTR_PAGE    = 1 << 3,
  ATTR_HEADER  = 1 << 4,
  ATTR_LINES   = 1 << 5,
  ATTR_NAME    = 1 << 6,
  ATTR_WIDTHS  = 1 << 7,
};

typedef struct
{
  const char     *element;
  PlPackNodeKind  kind;
  gboolean        is_text;
  guint           attrs;
  /* The kinds it may appear in, as a mask of 1 << kind; 0 for the root. */
  guint           parents;
} ElementSpec;

#define IN(kind) (1u << PL_PACK_NODE_##kind)

static const ElementSpec specs[] = {
  { "guide", PL_PACK_NODE_GUIDE, FALSE, 0, 0 },
  { "title", PL_PACK_NODE_TITLE, TRUE, 0, IN (GUIDE) | IN (COVER) },
  { "cover", PL_PACK_NODE_COVER, FALSE, 0, IN (GUIDE) },
  { "kicker", PL_PACK_NODE_KICKER, TRUE, 0, IN (COVER) },
  { "prepared-for", PL_PACK_NODE_PREPARED_FOR, TRUE, 0, IN (COVER) },
  { "from", PL_PACK_NODE_FROM, TRUE, 0, IN (COVER) },
  { "blurb", PL_PACK_NODE_BLURB, TRUE, 0, IN (COVER) },
  { "section", PL_PACK_NODE_SECTION, FALSE, ATTR_ID | ATTR_IF | ATTR_PAGE, IN (GUIDE) },
  { "h1", PL_PACK_NODE_H1, TRUE, ATTR_IF, IN (SECTION) },
  { "h2", PL_PACK_NODE_H2, TRUE, ATTR_IF, IN (SECTION) },
  { "p", PL_PACK_NODE_P, TRUE, ATTR_IF | ATTR_STYLE, IN (SECTION) | IN (CALLOUT) },
  { "list", PL_PACK_NODE_LIST, FALSE, ATTR_IF, IN (SECTION) },
  { "checklist", PL_PACK_NODE_CHECKLIST, FALSE, ATTR_IF, IN (SECTION) },
  { "item", PL_PACK_NODE_ITEM, TRUE, ATTR_IF, IN (LIST) | IN (CHECKLIST) },
  { "table", PL_PACK_NODE_TABLE, FALSE, ATTR_IF | ATTR_WIDTHS, IN (SECTION) },
  { "row", PL_PACK_NODE_ROW, FALSE, ATTR_IF | ATTR_HEADER, IN (TABLE) },
  { "cell", PL_PACK_NODE_CELL, TRUE, 0, IN (ROW) },
  { "callout", PL_PACK_NODE_CALLOUT, FALSE, ATTR_IF, IN (SECTION) },
  { "figures", PL_PACK_NODE_FIGURES, FALSE, ATTR_IF, IN (SECTION) },
  { "figure", PL_PACK_NODE_FIGURE, FALSE, ATTR_IF, IN (FIGURES) },
  { "value", PL_PACK_NODE_VALUE, TRUE, 0, IN (FIGURE) },
  { "caption", PL_PACK_NODE_CAPTION, TRUE, 0, IN (FIGURE) },
  { "write", PL_PACK_NODE_WRITE, TRUE, ATTR_IF | ATTR_LINES, IN (SECTION) },
  { "fields", PL_PACK_NODE_FIELDS, FALSE, ATTR_IF, IN (SECTION) },
  { "field", PL_PACK_NODE_FIELD, TRUE, 0, IN (FIELDS) },
  { "pagebreak", PL_PACK_NODE_PAGEBREAK, FALSE, ATTR_IF, IN (SECTION) },
  { "block", PL_PACK_NODE_BLOCK, FALSE, ATTR_IF | ATTR_NAME, IN (SECTION) },
};

struct _PlPackTemplate
{
  char       *display_name;
  PlPackNode *root;
};

typedef struct
{
  PlPackTemplate *template;
  GPtrArray      *stack;   /* of PlPackNode, the open elements */
  GString        *text;    /* the open text element's markup, or NULL */
  int             inline_depth;
} ParseState;

static void
node_free (PlPackNode *node)
{
  if (node == NULL)
    return;

  g_free (node->text);
  g_free (node->condition);
  g_free (node->style);
  g_free (node->name);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static const ElementSpec *
find_spec (const char *element)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (g_str_equal (specs[i].element, element))
      return &specs[i];

  return NULL;
}

static const ElementSpec *
spec_of_kind (PlPackNodeKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (specs[i].kind == kind)
      return &specs[i];

  g_assert_not_reached ();
}

static gboolean
in_list (const char * const *list,
         const char         *word)
{
  return word != NULL && g_strv_contains (list, word);
}

/* "FILE:LINE:CHAR: " for messages about the template. */
static void
set_error_at (GError              **error,
              GMarkupParseContext  *context,
              ParseState           *state,
              const char           *format,
              ...) G_GNUC_PRINTF (4, 5);

static void
set_error_at (GError              **error,
              GMarkupParseContext  *context,
              ParseState           *state,
              const char           *format,
              ...)
{
  g_autofree char *message = NULL;
  int line = 0, column = 0;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_markup_parse_context_get_position (context, &line, &column);
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID, "%s:%d:%d: %s",
               state->template->display_name, line, column, message);
}

static char *
join_words (const char * const *words)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", words[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
read_attributes (GMarkupParseContext  *context,
                 ParseState           *state,
                 const ElementSpec    *spec,
                 PlPackNode           *node,
                 const char          **names,
                 const char          **values,
                 GError              **error)
{
  static const struct {
    const char *name;
    guint       flag;
  } known[] = {
    { "if", ATTR_IF }, { "style", ATTR_STYLE }, { "id", ATTR_ID }, { "page", ATTR_PAGE },
    { "header", ATTR_HEADER }, { "lines", ATTR_LINES }, { "name", ATTR_NAME },
    { "widths", ATTR_WIDTHS },
  };

  for (guint i = 0; names[i] != NULL; i++)
    {
      guint flag = 0;

      for (guint k = 0; k < G_N_ELEMENTS (known); k++)
        if (g_str_equal (known[k].name, names[i]))
          flag = known[k].flag;

      if ((spec->attrs & flag) == 0)
        {
          set_error_at (error, context, state, _("<%s> has no attribute “%s”"),
                        spec->element, names[i]);
          return FALSE;
        }

      switch (flag)
        {
        case ATTR_IF:
          if (!in_list (pl_pack_conditions, values[i]))
            {
              g_autofree char *list = join_words (pl_pack_conditions);
              set_error_at (error, context, state,
                            _("unknown condition “%s”; the conditions are %s"), values[i], list);
              return FALSE;
            }
          node->condition = g_strdup (values[i]);
          break;

        case ATTR_STYLE:
          if (!g_str_equal (values[i], "lead") && !g_str_equal (values[i], "small"))
            {
              set_error_at (error, context, state,
                            _("unknown paragraph style “%s”; use “lead” or “small”"), values[i]);
              return FALSE;
            }
          node->style = g_strdup (values[i]);
          break;

        case ATTR_WIDTHS:
          node->style = g_strdup (values[i]);
          break;

        case ATTR_ID:
          node->name = g_strdup (values[i]);
          break;

        case ATTR_NAME:
          if (!in_list (pl_pack_blocks, values[i]))
            {
              g_autofree char *list = join_words (pl_pack_blocks);
              set_error_at (error, context, state,
                            _("unknown block “%s”; the blocks are %s"), values[i], list);
              return FALSE;
            }
          node->name = g_strdup (values[i]);
          break;

        case ATTR_PAGE:
          if (!g_str_equal (values[i], "new"))
            {
              set_error_at (error, context, state, _("page=\"%s\": the only value is “new”"),
                            values[i]);
              return FALSE;
            }
          node->new_page = TRUE;
          break;

        case ATTR_HEADER:
          node->header = g_str_equal (values[i], "yes");
          break;

        case ATTR_LINES:
          {
            gint64 lines = 0;

            if (!g_ascii_string_to_signed (values[i], 10, 1, 20, &lines, NULL))
              {
                set_error_at (error, context, state,
                              _("lines=\"%s\" is not a number from 1 to 20"), values[i]);
                return FALSE;
              }
            node->lines = (int) lines;
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (spec->kind == PL_PACK_NODE_SECTION && node->name == NULL)
    {
      set_error_at (error, context, state, _("<section> needs an id"));
      return FALSE;
    }
  if (spec->kind == PL_PACK_NODE_BLOCK && node->name == NULL)
    {
      set_error_at (error, context, state, _("<block> needs a name"));
      return FALSE;
    }
  if (spec->kind == PL_PACK_NODE_WRITE && node->lines == 0)
    node->lines = 3;

  return TRUE;
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;
  const ElementSpec *spec;
  PlPackNode *parent = NULL;
  PlPackNode *node;
  int line = 0;

  if (state->text != NULL)
    {
      /* Inside a text element only emphasis is allowed; it stays part of
       * the sentence, as the ITS rules tell xgettext. */
      if ((g_str_equal (element, "b") || g_str_equal (element, "i")) && names[0] == NULL)
        {
          g_string_append_printf (state->text, "<%s>", element);
          state->inline_depth++;
          return;
        }
      set_error_at (error, context, state, _("<%s> cannot stand inside text; only <b> and <i> can"),
                    element);
      return;
    }

  spec = find_spec (element);
  if (spec == NULL)
    {
      set_error_at (error, context, state, _("unknown element <%s>"), element);
      return;
    }

  if (state->stack->len > 0)
    parent = g_ptr_array_index (state->stack, state->stack->len - 1);

  if ((parent == NULL) != (spec->parents == 0) ||
      (parent != NULL && (spec->parents & (1u << parent->kind)) == 0))
    {
      if (parent == NULL)
        set_error_at (error, context, state, _("the document must start with <guide>, not <%s>"),
                      element);
      else
        set_error_at (error, context, state, _("<%s> cannot stand inside <%s>"),
                      element, spec_of_kind (parent->kind)->element);
      return;
    }

  g_markup_parse_context_get_position (context, &line, NULL);
  node = g_new0 (PlPackNode, 1);
  node->kind = spec->kind;
  node->line = line;
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);

  if (!read_attributes (context, state, spec, node, names, values, error))
    {
      node_free (node);
      return;
    }

  if (parent != NULL)
    g_ptr_array_add (parent->children, node);
  else
    state->template->root = node;
  g_ptr_array_add (state->stack, node);

  if (spec->is_text)
    state->text = g_string_new (NULL);
}

/* Collapses runs of white space to one space and trims the ends, as
 * xgettext does for an element without xml:space="preserve". */
static char *
collapse_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          pending = TRUE;
          continue;
        }
      if (pending && out->len > 0)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
check_placeholders (GMarkupParseContext  *context,
                    ParseState           *state,
                    const char           *text,
                    GError              **error)
{
  for (const char *p = strchr (text, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      const char *end = strchr (p, '}');
      g_autofree char *name = NULL;

      if (end == NULL)
        break;
      name = g_strndup (p + 1, end - p - 1);
      if (!in_list (pl_pack_placeholders, name))
        {
          g_autofree char *list = join_words (pl_pack_placeholders);
          set_error_at (error, context, state,
                        _("unknown placeholder “{%s}”; the placeholders are %s"), name, list);
          return FALSE;
        }
    }

  return TRUE;
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;
  PlPackNode *node;

  if (state->inline_depth > 0)
    {
      g_string_append_printf (state->text, "</%s>", element);
      state->inline_depth--;
      return;
    }

  node = g_ptr_array_steal_index (state->stack, state->stack->len - 1);
  if (state->text != NULL)
    {
      node->text = collapse_space (state->text->str);
      g_string_free (g_steal_pointer (&state->text), TRUE);
      if (node->text[0] == '\0')
        {
          set_error_at (error, context, state, _("<%s> is empty"), element);
          return;
        }
      if (!check_placeholders (context, state, node->text, error))
        return;
    }
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  if (state->text == NULL)
    {
      for (gsize i = 0; i < length; i++)
        if (!g_ascii_isspace (text[i]))
          {
            set_error_at (error, context, state, _("text must stand inside a text element "
                                                   "such as <p>"));
            return;
          }
      return;
    }

  /* GMarkup has already decoded the entities; put back the two that the
   * source must have used, so that the text matches xgettext's msgid. */
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '&')
        g_string_append (state->text, "&amp;");
      else if (text[i] == '<')
        g_string_append (state->text, "&lt;");
      else
        g_string_append_c (state->text, text[i]);
    }
}

static const GMarkupParser parser = {
  on_start_element,
  on_end_element,
  on_text,
  NULL,
  NULL,
};

static gboolean
check_structure (PlPackTemplate  *self,
                 GError         **error)
{
  guint n_titles = 0, n_covers = 0;

  if (self->root == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID, _("%s: the template is empty"),
                   self->display_name);
      return FALSE;
    }

  for (guint i = 0; i < self->root->children->len; i++)
    {
      PlPackNode *child = g_ptr_array_index (self->root->children, i);

      n_titles += child->kind == PL_PACK_NODE_TITLE;
      n_covers += child->kind == PL_PACK_NODE_COVER;
    }

  if (n_titles != 1 || n_covers != 1)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("%s: the guide needs exactly one <title> and one <cover>"),
                   self->display_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * pl_pack_template_new_from_data:
 * @display_name: how messages name the source, such as a file name
 *
 * Returns: (transfer full) (nullable): the parsed template, or NULL with
 *   @error saying where the text is wrong
 */
PlPackTemplate *
pl_pack_template_new_from_data (const char  *data,
                                gssize       length,
                                const char  *display_name,
                                GError     **error)
{
  g_autoptr(PlPackTemplate) self = g_new0 (PlPackTemplate, 1);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  ParseState state = { 0 };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self->display_name = g_strdup (display_name);
  state.template = self;
  state.stack = stack;

  context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  if (!g_markup_parse_context_parse (context, data, length, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (state.text != NULL)
        g_string_free (state.text, TRUE);
      if (local_error->domain == PL_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PL_ERROR, PL_ERROR_INVALID, "%s: %s", display_name,
                     local_error->message);
      return NULL;
    }

  if (!check_structure (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pl_pack_template_new_from_file:
 *
 * Returns: (transfer full) (nullable): the template in @path
 */
PlPackTemplate *
pl_pack_template_new_from_file (const char  *path,
                                GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("Cannot read the guide template: %s"), local_error->message);
      return NULL;
    }

  return pl_pack_template_new_from_data (data, length, path, error);
}

extern GResource *pl_export_get_resource (void);

/**
 * pl_pack_template_load:
 * @path: (nullable): a template chosen by the person, or NULL
 *
 * Returns: (transfer full) (nullable): the template to use
 */
PlPackTemplate *
pl_pack_template_load (const char  *path,
                       GError     **error)
{
  g_autofree char *user_path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (path != NULL)
    return pl_pack_template_new_from_file (path, error);

  user_path = g_build_filename (g_get_user_config_dir (), "placements", "employer-guide.xml",
                                NULL);
  if (g_file_test (user_path, G_FILE_TEST_IS_REGULAR))
    return pl_pack_template_new_from_file (user_path, error);

  bytes = g_resource_lookup_data (pl_export_get_resource (), PL_PACK_TEMPLATE_RESOURCE, 0, NULL);
  g_assert (bytes != NULL);
  return pl_pack_template_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         "employer-guide.xml", error);
}

void
pl_pack_template_free (PlPackTemplate *self)
{
  if (self == NULL)
    return;

  node_free (self->root);
  g_free (self->display_name);
  g_free (self);
}

const PlPackNode *
pl_pack_template_get_root (PlPackTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->root;
}

const char *
pl_pack_template_translate (const char *msgid)
{
  /* gettext ("") is the catalogue's header, never a translation. */
  if (msgid == NULL || msgid[0] == '\0')
    return "";

  return _(msgid);
}

char *
pl_pack_template_expand (const char *markup,
                         GHashTable *values)
{
  GString *out;
  const char *p = markup;

  g_return_val_if_fail (markup != NULL, NULL);

  out = g_string_sized_new (strlen (markup) + 32);
  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      g_autofree char *name = NULL;
      const char *value;

      if (open == NULL || (close = strchr (open, '}')) == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, open - p);
      name = g_strndup (open + 1, close - open - 1);
      value = values != NULL ? g_hash_table_lookup (values, name) : NULL;
      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }

  return g_string_free (out, FALSE);
}
