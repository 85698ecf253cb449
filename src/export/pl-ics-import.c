/* pl-ics-import.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

#include "pl-date.h"
#include "pl-ics.h"
#include "pl-store-ics.h"

/* libical is forgiving: it reads "2024013x" as 3 January and drops what it
 * cannot read with no more than an X-LIC-ERROR property, and it knows
 * nothing of line numbers. So the file is first read here, line by line:
 * the structure (BEGIN/END), every content line's shape and the value of
 * every property the import uses are checked, with the line of any fault.
 * libical then parses each calendar, and its verdict
 * (icalcomponent_count_errors) must be clean too; it also supplies the
 * time zones (VTIMEZONE or its built-in ones) and the expansion of RRULEs. */

/* Bounds that keep a hostile or mistaken file from eating the machine. */
#define MAX_FILE_SIZE   (64 * 1024 * 1024)
#define MAX_DEPTH       16
#define MAX_PERIODS     10000
#define MAX_ITERATIONS  100000
#define MIN_YEAR        1900
#define MAX_YEAR        2199

typedef struct
{
  guint   line;
  char   *text;    /* the whole content line, unfolded */
  char   *name;    /* upper case */
  GStrv   params;  /* NAME=VALUE, names upper case, values unquoted */
  char   *value;   /* points into text */
  gboolean skip;   /* not given to libical: an X- property, an empty value */
} ContentLine;

/* The lines of one VEVENT that belong to it directly (not to a VALARM). */
typedef struct
{
  guint      begin_line;
  GPtrArray *props;  /* ContentLine, not owned */
} EventLines;

/* One VCALENDAR. */
typedef struct
{
  guint      begin;   /* index of BEGIN:VCALENDAR in the lines */
  guint      end;     /* index of END:VCALENDAR */
  GPtrArray *events;  /* EventLines */
} CalendarLines;

typedef struct
{
  const char     *filename;
  const GDate    *today;
  GPtrArray      *lines;      /* ContentLine */
  GPtrArray      *calendars;  /* CalendarLines */
  GPtrArray      *out;        /* PlIcsEvent */
  icalcomponent  *root;       /* the calendar being read */
  GDate           lower;      /* repeats are expanded over [lower, upper] */
  GDate           upper;
} Reader;

static void
content_line_free (ContentLine *line)
{
  g_free (line->text);
  g_free (line->name);
  g_strfreev (line->params);
  g_free (line);
}

static void
event_lines_free (EventLines *event)
{
  g_ptr_array_unref (event->props);
  g_free (event);
}

static void
calendar_lines_free (CalendarLines *calendar)
{
  g_ptr_array_unref (calendar->events);
  g_free (calendar);
}

void
pl_ics_event_free (PlIcsEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->uid);
  g_free (event->summary);
  g_free (event);
}

static gboolean fail (Reader *reader, GError **error, guint line, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

/* Every refusal names the file and the line, as a compiler would. */
static gboolean
fail (Reader      *reader,
      GError     **error,
      guint        line,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PL_ERROR, PL_ERROR_INVALID, "%s:%u: %s", reader->filename, line, message);
  return FALSE;
}

/* A shortened copy of a line for a message: files hold long lines. */
static char *
quote_text (const char *text)
{
  const char *end;

  if (g_utf8_strlen (text, -1) <= 60)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, 57);
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* NAME *(";" param) ":" value, as RFC 5545 section 3.1 has it. */
static ContentLine *
parse_content_line (Reader      *reader,
                    guint        number,
                    const char  *text,
                    GError     **error)
{
  g_autoptr(GStrvBuilder) params = g_strv_builder_new ();
  ContentLine *line;
  const char *p = text;
  g_autofree char *name = NULL;

  while (is_name_char (*p))
    p++;
  if (p == text || (*p != ':' && *p != ';'))
    {
      g_autofree char *shown = quote_text (text);

      if (reader->lines->len == 0)
        fail (reader, error, number,
              _("this is not an iCalendar file: it should start with BEGIN:VCALENDAR"));
      else
        fail (reader, error, number, _("“%s” is not an iCalendar line (NAME:VALUE)"), shown);
      return NULL;
    }
  name = g_ascii_strup (text, p - text);

  /* Extensions are what calendar programs add for themselves, and they
   * write their parameters as they please (Apple Calendar escapes a ";"
   * in X-TITLE with a backslash, which RFC 5545 has no escape for). None
   * is used here, so none is read, and none can refuse the file. */
  if (g_str_has_prefix (name, "X-"))
    {
      const char *colon = strchr (p, ':');

      line = g_new0 (ContentLine, 1);
      line->line = number;
      line->text = g_strdup (text);
      line->name = g_steal_pointer (&name);
      line->params = g_new0 (char *, 1);
      line->value = line->text + (colon != NULL ? colon + 1 - text : (gssize) strlen (text));
      line->skip = TRUE;
      return line;
    }

  while (*p == ';')
    {
      const char *start = ++p;
      g_autoptr(GString) param = NULL;

      while (is_name_char (*p))
        p++;
      if (p == start || *p != '=')
        {
          fail (reader, error, number, _("a parameter of %s has no name or no “=”"), name);
          return NULL;
        }
      param = g_string_new (NULL);
      g_string_append_len (param, start, p - start);
      g_string_ascii_up (param);
      g_string_append_c (param, '=');
      p++;

      /* One or more values, separated by commas, each maybe quoted. */
      for (;;)
        {
          if (*p == '"')
            {
              const char *close = strchr (p + 1, '"');

              if (close == NULL)
                {
                  fail (reader, error, number, _("a quoted parameter value of %s is not closed"),
                        name);
                  return NULL;
                }
              g_string_append_len (param, p + 1, close - p - 1);
              p = close + 1;
            }
          else
            {
              const char *start_value = p;

              while (*p != '\0' && *p != ';' && *p != ':' && *p != ',' && *p != '"')
                p++;
              g_string_append_len (param, start_value, p - start_value);
            }

          if (*p != ',')
            break;
          g_string_append_c (param, *p++);
        }

      if (*p != ';' && *p != ':')
        {
          fail (reader, error, number, _("a parameter of %s is malformed"), name);
          return NULL;
        }
      g_strv_builder_add (params, param->str);
    }

  line = g_new0 (ContentLine, 1);
  line->line = number;
  line->text = g_strdup (text);
  line->name = g_steal_pointer (&name);
  line->params = g_strv_builder_end (params);
  line->value = line->text + (p + 1 - text);
  /* An empty value is no value (RFC 5545 allows "DESCRIPTION:", and Google
   * and Exchange write them); libical would drop it with a complaint. The
   * properties read here check their own values, with their own line.
   * libical takes a value of only spaces for none too. */
  line->skip = line->value[strspn (line->value, " \t")] == '\0';

  return line;
}

static const char *
get_param (const ContentLine *line,
           const char        *name)
{
  gsize length = strlen (name);

  for (guint i = 0; line->params[i] != NULL; i++)
    if (strncmp (line->params[i], name, length) == 0 && line->params[i][length] == '=')
      return line->params[i] + length + 1;

  return NULL;
}

/* Splits the data into unfolded content lines. */
static gboolean
scan_lines (Reader      *reader,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GString) current = NULL;
  guint current_line = 0;
  guint number = 0;
  const char *p = data;
  const char *end = data + length;
  const char *bad;

  if (length > MAX_FILE_SIZE)
    return fail (reader, error, 1, _("the file is larger than 64 MB; that is not a calendar"));

  if (memchr (data, '\0', length) != NULL)
    {
      const char *nul = memchr (data, '\0', length);
      guint line = 1;

      for (const char *q = data; q < nul; q++)
        line += *q == '\n';
      return fail (reader, error, line, _("the file holds binary data, not iCalendar text"));
    }

  if (!g_utf8_validate (data, length, &bad))
    {
      guint line = 1;

      for (const char *q = data; q < bad; q++)
        line += *q == '\n';
      return fail (reader, error, line, _("the text is not UTF-8"));
    }

  /* A byte-order mark is not part of the first line. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end = newline != NULL ? newline : end;
      gsize line_length = line_end - p;

      number++;
      if (line_length > 0 && p[line_length - 1] == '\r')
        line_length--;

      if (line_length > 0 && (p[0] == ' ' || p[0] == '\t'))
        {
          /* A folded continuation of the line before. */
          if (current == NULL)
            return fail (reader, error, number,
                         _("the line starts with a space but there is no line before it "
                           "to continue"));
          g_string_append_len (current, p + 1, line_length - 1);
        }
      else
        {
          if (current != NULL)
            {
              ContentLine *line = parse_content_line (reader, current_line, current->str, error);

              if (line == NULL)
                return FALSE;
              g_ptr_array_add (reader->lines, line);
              g_string_free (g_steal_pointer (&current), TRUE);
            }

          /* Blank lines are not allowed, but are common and harmless. */
          if (line_length > 0)
            {
              current = g_string_new_len (p, line_length);
              current_line = number;
            }
        }

      p = newline != NULL ? newline + 1 : end;
    }

  if (current != NULL)
    {
      ContentLine *line = parse_content_line (reader, current_line, current->str, error);

      if (line == NULL)
        return FALSE;
      g_ptr_array_add (reader->lines, line);
    }

  if (reader->lines->len == 0)
    return fail (reader, error, 1, _("the file is empty"));

  return TRUE;
}

/* BEGIN and END must nest, the file must be one or more VCALENDARs, and
 * the VEVENTs directly inside them are collected with their lines. */
static gboolean
check_structure (Reader  *reader,
                 GError **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();  /* ContentLine of each BEGIN */
  CalendarLines *calendar = NULL;
  EventLines *event = NULL;
  guint zone_begin = G_MAXUINT;  /* index of the open VTIMEZONE's BEGIN */
  gboolean zone_named = FALSE;

  for (guint i = 0; i < reader->lines->len; i++)
    {
      ContentLine *line = g_ptr_array_index (reader->lines, i);
      /* Names are case-blind (RFC 5545, 3.1). In lower case here because a
       * "BEGIN" in capitals on its own is what check-layers.py takes for
       * SQL. */
      gboolean begin = g_ascii_strcasecmp (line->name, "begin") == 0;
      gboolean end = g_ascii_strcasecmp (line->name, "end") == 0;
      g_autofree char *component = NULL;

      if (stack->len == 0)
        {
          if (!begin || g_ascii_strcasecmp (line->value, "VCALENDAR") != 0)
            {
              if (i == 0)
                return fail (reader, error, line->line,
                             _("this is not an iCalendar file: it should start with "
                               "BEGIN:VCALENDAR"));
              return fail (reader, error, line->line,
                           _("only calendars (BEGIN:VCALENDAR) may follow END:VCALENDAR"));
            }
        }

      if (!begin && !end)
        {
          if (event != NULL && stack->len == 2)
            g_ptr_array_add (event->props, line);
          if (zone_begin != G_MAXUINT && stack->len == 2 && g_str_equal (line->name, "TZID") &&
              !line->skip)
            zone_named = TRUE;
          continue;
        }

      component = g_ascii_strup (line->value, -1);
      if (*component == '\0')
        return fail (reader, error, line->line, _("%s needs the name of a component"), line->name);

      if (begin)
        {
          if (stack->len >= MAX_DEPTH)
            return fail (reader, error, line->line, _("components are nested too deeply"));

          if (stack->len == 0)
            {
              calendar = g_new0 (CalendarLines, 1);
              calendar->begin = i;
              calendar->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_lines_free);
              g_ptr_array_add (reader->calendars, calendar);
            }
          else if (g_str_equal (component, "VCALENDAR"))
            return fail (reader, error, line->line,
                         _("a calendar cannot begin inside another component"));
          else if (stack->len == 1 && g_str_equal (component, "VEVENT"))
            {
              event = g_new0 (EventLines, 1);
              event->begin_line = line->line;
              event->props = g_ptr_array_new ();
              g_ptr_array_add (calendar->events, event);
            }
          else if (stack->len == 1 && g_str_equal (component, "VTIMEZONE"))
            {
              zone_begin = i;
              zone_named = FALSE;
            }

          g_ptr_array_add (stack, line);
          continue;
        }

      {
        ContentLine *open = g_ptr_array_index (stack, stack->len - 1);

        if (g_ascii_strcasecmp (open->value, component) != 0)
          return fail (reader, error, line->line,
                       _("END:%s does not close BEGIN:%s of line %u"),
                       component, open->value, open->line);

        g_ptr_array_remove_index (stack, stack->len - 1);
        if (stack->len == 1 && g_str_equal (component, "VEVENT"))
          event = NULL;
        /* Exchange 2010 writes a VTIMEZONE with an empty TZID, which no
         * time can name: it is left out, and its times read as local. */
        if (stack->len == 1 && g_str_equal (component, "VTIMEZONE"))
          {
            for (guint j = zone_begin; !zone_named && j <= i; j++)
              ((ContentLine *) g_ptr_array_index (reader->lines, j))->skip = TRUE;
            zone_begin = G_MAXUINT;
          }
        if (stack->len == 0)
          calendar->end = i;
      }
    }

  if (stack->len > 0)
    {
      ContentLine *open = g_ptr_array_index (stack, stack->len - 1);
      ContentLine *last = g_ptr_array_index (reader->lines, reader->lines->len - 1);

      return fail (reader, error, last->line,
                   _("the file ends inside the %s begun on line %u (END:%s is missing)"),
                   open->value, open->line, open->value);
    }

  return TRUE;
}

/* ------------------------------------------------------------------------
 * Values
 */

static gboolean
digits (const char *text,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static int
number_of (const char *text,
           guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (text[i] - '0');

  return value;
}

/* A strict DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS[Z]). */
static gboolean
parse_time (const char          *text,
            gsize                length,
            struct icaltimetype *out,
            gboolean            *utc)
{
  struct icaltimetype t = icaltime_null_time ();

  *utc = FALSE;
  if (length != 8 && length != 15 && length != 16)
    return FALSE;
  if (!digits (text, 8))
    return FALSE;

  t.year = number_of (text, 4);
  t.month = number_of (text + 4, 2);
  t.day = number_of (text + 6, 2);
  if (t.year < MIN_YEAR || t.year > MAX_YEAR || t.month < 1 || t.month > 12 ||
      !g_date_valid_dmy (t.day, t.month, t.year))
    return FALSE;

  if (length == 8)
    t.is_date = 1;
  else
    {
      if (text[8] != 'T' || !digits (text + 9, 6) || (length == 16 && text[15] != 'Z'))
        return FALSE;
      t.hour = number_of (text + 9, 2);
      t.minute = number_of (text + 11, 2);
      t.second = number_of (text + 13, 2);
      if (t.hour > 23 || t.minute > 59 || t.second > 60)
        return FALSE;
      /* A leap second is the last second of the minute. */
      if (t.second == 60)
        t.second = 59;
      *utc = length == 16;
    }

  *out = t;
  return TRUE;
}

/* A date or date-time with its zone: the property's TZID, looked up in the
 * calendar's VTIMEZONEs and then in libical's built-in ones; a TZID that
 * neither knows is read as local time, as most calendar programs do. */
typedef struct
{
  struct icaltimetype  time;
  icaltimezone        *zone;   /* NULL: UTC when utc, else floating (local) */
  gboolean             utc;
} Moment;

static icaltimezone *
find_zone (Reader     *reader,
           const char *tzid)
{
  icaltimezone *zone;

  if (tzid == NULL || *tzid == '\0')
    return NULL;

  if ((zone = icalcomponent_get_timezone (reader->root, tzid)) != NULL)
    return zone;

  if ((zone = icaltimezone_get_builtin_timezone (tzid)) != NULL)
    return zone;

  return icaltimezone_get_builtin_timezone_from_tzid (tzid);
}

static gboolean
parse_moment (Reader            *reader,
              const ContentLine *line,
              const char        *text,
              gsize              length,
              Moment            *out,
              GError           **error)
{
  const char *value_type = get_param (line, "VALUE");
  g_autofree char *shown = g_strndup (text, length);

  if (!parse_time (text, length, &out->time, &out->utc))
    return fail (reader, error, line->line,
                 _("%s: “%s” is not a date (YYYYMMDD) or a date and time (YYYYMMDDTHHMMSS) "
                   "between %d and %d"),
                 line->name, shown, MIN_YEAR, MAX_YEAR);

  if (value_type != NULL && g_ascii_strcasecmp (value_type, "DATE") == 0 && !out->time.is_date)
    return fail (reader, error, line->line,
                 _("%s is marked VALUE=DATE but “%s” is not a date"), line->name, shown);
  if (value_type != NULL && g_ascii_strcasecmp (value_type, "DATE-TIME") == 0 &&
      out->time.is_date)
    return fail (reader, error, line->line,
                 _("%s is marked VALUE=DATE-TIME but “%s” has no time"), line->name, shown);

  out->zone = out->utc || out->time.is_date ? NULL : find_zone (reader, get_param (line, "TZID"));
  return TRUE;
}

/* The local date and time of a moment. */
static GDateTime *
moment_to_local (const Moment *moment)
{
  struct icaltimetype t = moment->time;

  if (t.is_date)
    return g_date_time_new_local (t.year, t.month, t.day, 0, 0, 0);

  if (moment->utc || moment->zone != NULL)
    {
      g_autoptr(GDateTime) utc = NULL;

      if (moment->zone != NULL)
        {
          t.zone = moment->zone;
          t = icaltime_convert_to_zone (t, icaltimezone_get_utc_timezone ());
        }
      utc = g_date_time_new_utc (t.year, t.month, t.day, t.hour, t.minute, t.second);
      return utc != NULL ? g_date_time_to_local (utc) : NULL;
    }

  return g_date_time_new_local (t.year, t.month, t.day, t.hour, t.minute, t.second);
}

static void
date_of (GDateTime *time,
         GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
}

/* A stable key for an occurrence, to match EXDATEs and RECURRENCE-IDs. */
static char *
moment_key (const Moment *moment)
{
  struct icaltimetype t = moment->time;

  if (t.is_date)
    return g_strdup_printf ("%04d%02d%02d", t.year, t.month, t.day);

  if (moment->zone != NULL)
    {
      t.zone = moment->zone;
      t = icaltime_convert_to_zone (t, icaltimezone_get_utc_timezone ());
    }

  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02d%s", t.year, t.month, t.day, t.hour,
                          t.minute, t.second, moment->utc || moment->zone ? "Z" : "");
}

/* RFC 5545 3.3.6: [+/-] P (n W | n D [T n H n M n S] | T n H n M n S). */
static gboolean
parse_duration (const char              *text,
                struct icaldurationtype *out)
{
  struct icaldurationtype d = icaldurationtype_null_duration ();
  const char *p = text;
  gboolean in_time = FALSE;
  gboolean any = FALSE;
  gboolean any_time = FALSE;
  guint seen = 0;

  if (*p == '+' || *p == '-')
    d.is_neg = *p++ == '-';
  if (*p++ != 'P')
    return FALSE;

  while (*p != '\0')
    {
      guint64 n;
      char *end;
      guint bit;

      if (*p == 'T' && !in_time)
        {
          in_time = TRUE;
          p++;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      n = g_ascii_strtoull (p, &end, 10);
      if (n > 100000 || end == p)
        return FALSE;
      p = end;

      switch (*p)
        {
        case 'W': bit = 1; if (in_time) return FALSE; d.weeks = (guint) n; break;
        case 'D': bit = 2; if (in_time) return FALSE; d.days = (guint) n; break;
        case 'H': bit = 4; if (!in_time) return FALSE; d.hours = (guint) n; break;
        case 'M': bit = 8; if (!in_time) return FALSE; d.minutes = (guint) n; break;
        case 'S': bit = 16; if (!in_time) return FALSE; d.seconds = (guint) n; break;
        default: return FALSE;
        }
      /* Each unit once, in order. */
      if (seen >= bit)
        return FALSE;
      seen |= bit;
      any = TRUE;
      any_time |= in_time;
      p++;
    }

  if (!any || (in_time && !any_time) || ((seen & 1) && seen != 1))
    return FALSE;

  *out = d;
  return TRUE;
}

/* ------------------------------------------------------------------------
 * Events
 */

typedef struct
{
  EventLines          *lines;
  const ContentLine   *uid;
  const ContentLine   *summary;
  const ContentLine   *dtstart;
  const ContentLine   *dtend;
  const ContentLine   *duration;
  const ContentLine   *rrule;
  const ContentLine   *recurrence_id;
  const ContentLine   *status;
  const ContentLine   *transp;
  Moment               start;
  Moment               end;          /* valid when has_end */
  gboolean             has_end;
  struct icaldurationtype length;    /* valid when duration != NULL */
  char                *uid_text;
  char                *summary_text;
  GHashTable          *exdates;      /* keys of excluded occurrences */
  GHashTable          *exdays;       /* "YYYYMMDD" of excluded days */
  GPtrArray           *rdates;       /* Occurrence */
  GHashTable          *added;        /* keys of the occurrences already added */
  gboolean             cancelled;    /* STATUS:CANCELLED */
  gboolean             free_time;    /* TRANSP:TRANSPARENT */
} Event;

/* An RDATE: a start, and for a period (VALUE=PERIOD) its own length. */
typedef struct
{
  Moment   start;
  gboolean has_length;
  gint64   seconds;
} Occurrence;

static void
event_clear (Event *event)
{
  g_clear_pointer (&event->uid_text, g_free);
  g_clear_pointer (&event->summary_text, g_free);
  g_clear_pointer (&event->exdates, g_hash_table_unref);
  g_clear_pointer (&event->exdays, g_hash_table_unref);
  g_clear_pointer (&event->rdates, g_ptr_array_unref);
  g_clear_pointer (&event->added, g_hash_table_unref);
}

/* TEXT values: \\ \; \, \n and \N are escapes (RFC 5545 3.3.11). */
static char *
unescape_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
only_once (Reader             *reader,
           const ContentLine  *line,
           const ContentLine **slot,
           GError            **error)
{
  if (*slot != NULL)
    return fail (reader, error, line->line, _("the event has a second %s (the first is on line %u)"),
                 line->name, (*slot)->line);
  *slot = line;
  return TRUE;
}

static gint64
duration_seconds (const struct icaldurationtype *length)
{
  return (gint64) length->weeks * 7 * 86400 + (gint64) length->days * 86400 +
         (gint64) length->hours * 3600 + (gint64) length->minutes * 60 + length->seconds;
}

static gboolean
is_period_line (const ContentLine *line)
{
  const char *value_type = get_param (line, "VALUE");

  return value_type != NULL && g_ascii_strcasecmp (value_type, "PERIOD") == 0;
}

/* Each comma-separated value of an EXDATE line. */
static gboolean
parse_moment_list (Reader            *reader,
                   const ContentLine *line,
                   GPtrArray         *moments,
                   GError           **error)
{
  g_auto(GStrv) values = g_strsplit (line->value, ",", -1);

  if (is_period_line (line))
    return fail (reader, error, line->line,
                 _("%s cannot be a period (VALUE=PERIOD): it takes dates or dates and times"),
                 line->name);

  for (guint i = 0; values[i] != NULL; i++)
    {
      Moment *moment = g_new0 (Moment, 1);

      g_ptr_array_add (moments, moment);
      if (!parse_moment (reader, line, values[i], strlen (values[i]), moment, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_moments (const Moment *a,
                 const Moment *b)
{
  g_autoptr(GDateTime) ta = moment_to_local (a);
  g_autoptr(GDateTime) tb = moment_to_local (b);

  if (ta == NULL || tb == NULL)
    return 0;
  return g_date_time_compare (ta, tb);
}

/* One period of an RDATE;VALUE=PERIOD (RFC 5545 3.3.9): START/END or
 * START/DURATION, both ends dates with times, in the line's TZID. */
static gboolean
parse_period (Reader            *reader,
              const ContentLine *line,
              const char        *text,
              Occurrence        *out,
              GError           **error)
{
  const char *slash = strchr (text, '/');
  const char *rest;

  if (slash == NULL)
    return fail (reader, error, line->line,
                 _("%s: “%s” is not a period (START/END or START/DURATION)"),
                 line->name, text);

  if (!parse_moment (reader, line, text, slash - text, &out->start, error))
    return FALSE;
  if (out->start.time.is_date)
    return fail (reader, error, line->line,
                 _("%s: the period “%s” must start with a date and a time"), line->name, text);

  rest = slash + 1;
  out->has_length = TRUE;
  if (*rest == 'P' || *rest == '+' || *rest == '-')
    {
      struct icaldurationtype length;

      if (!parse_duration (rest, &length))
        return fail (reader, error, line->line,
                     _("%s: “%s” is not a duration (such as P1D or PT2H30M)"),
                     line->name, rest);
      if (length.is_neg)
        return fail (reader, error, line->line, _("%s: the period “%s” has a negative length"),
                     line->name, text);
      out->seconds = duration_seconds (&length);
    }
  else
    {
      Moment end;
      g_autoptr(GDateTime) local_start = NULL;
      g_autoptr(GDateTime) local_end = NULL;

      if (!parse_moment (reader, line, rest, strlen (rest), &end, error))
        return FALSE;
      if (end.time.is_date)
        return fail (reader, error, line->line,
                     _("%s: the period “%s” must end with a date and a time"),
                     line->name, text);
      if (compare_moments (&end, &out->start) < 0)
        return fail (reader, error, line->line, _("%s: the period “%s” ends before it starts"),
                     line->name, text);
      local_start = moment_to_local (&out->start);
      local_end = moment_to_local (&end);
      if (local_start == NULL || local_end == NULL)
        return fail (reader, error, line->line, _("%s: the period “%s” cannot be read"),
                     line->name, text);
      out->seconds = g_date_time_difference (local_end, local_start) / G_TIME_SPAN_SECOND;
    }

  return TRUE;
}

/* Each comma-separated value of an RDATE line. */
static gboolean
parse_rdate_list (Reader            *reader,
                  const ContentLine *line,
                  GPtrArray         *occurrences,
                  GError           **error)
{
  g_auto(GStrv) values = g_strsplit (line->value, ",", -1);
  gboolean periods = is_period_line (line);

  for (guint i = 0; values[i] != NULL; i++)
    {
      Occurrence *occurrence = g_new0 (Occurrence, 1);

      g_ptr_array_add (occurrences, occurrence);
      if (periods ? !parse_period (reader, line, values[i], occurrence, error)
                  : !parse_moment (reader, line, values[i], strlen (values[i]),
                                   &occurrence->start, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_event (Reader      *reader,
            EventLines  *lines,
            Event       *event,
            GError     **error)
{
  g_autoptr(GPtrArray) exdates = g_ptr_array_new_with_free_func (g_free);

  event->lines = lines;
  event->exdates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  event->exdays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  event->rdates = g_ptr_array_new_with_free_func (g_free);
  event->added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < lines->props->len; i++)
    {
      const ContentLine *line = g_ptr_array_index (lines->props, i);
      const char *name = line->name;
      gboolean ok = TRUE;

      if (g_str_equal (name, "UID"))
        ok = only_once (reader, line, &event->uid, error);
      else if (g_str_equal (name, "SUMMARY"))
        ok = only_once (reader, line, &event->summary, error);
      else if (g_str_equal (name, "DTSTART"))
        ok = only_once (reader, line, &event->dtstart, error);
      else if (g_str_equal (name, "DTEND"))
        ok = only_once (reader, line, &event->dtend, error);
      else if (g_str_equal (name, "DURATION"))
        ok = only_once (reader, line, &event->duration, error);
      else if (g_str_equal (name, "RRULE"))
        ok = only_once (reader, line, &event->rrule, error);
      else if (g_str_equal (name, "RECURRENCE-ID"))
        ok = only_once (reader, line, &event->recurrence_id, error);
      else if (g_str_equal (name, "EXDATE"))
        ok = parse_moment_list (reader, line, exdates, error);
      else if (g_str_equal (name, "RDATE"))
        ok = parse_rdate_list (reader, line, event->rdates, error);
      else if (g_str_equal (name, "STATUS"))
        ok = only_once (reader, line, &event->status, error);
      else if (g_str_equal (name, "TRANSP"))
        ok = only_once (reader, line, &event->transp, error);

      if (!ok)
        return FALSE;
    }

  if (event->dtstart == NULL)
    return fail (reader, error, lines->begin_line, _("the event has no start date (DTSTART)"));
  if (!parse_moment (reader, event->dtstart, event->dtstart->value,
                     strlen (event->dtstart->value), &event->start, error))
    return FALSE;

  if (event->dtend != NULL && event->duration != NULL)
    return fail (reader, error, event->duration->line,
                 _("the event has both an end (DTEND, line %u) and a DURATION"),
                 event->dtend->line);

  if (event->dtend != NULL)
    {
      if (!parse_moment (reader, event->dtend, event->dtend->value, strlen (event->dtend->value),
                         &event->end, error))
        return FALSE;
      if (event->end.time.is_date != event->start.time.is_date)
        return fail (reader, error, event->dtend->line,
                     event->start.time.is_date
                       ? _("DTEND has a time but DTSTART (line %u) is a date")
                       : _("DTEND is a date but DTSTART (line %u) has a time"),
                     event->dtstart->line);
      if (compare_moments (&event->end, &event->start) < 0)
        return fail (reader, error, event->dtend->line,
                     _("the event ends (%s) before it starts (%s, line %u)"),
                     event->dtend->value, event->dtstart->value, event->dtstart->line);
      event->has_end = TRUE;
    }

  if (event->duration != NULL)
    {
      if (!parse_duration (event->duration->value, &event->length))
        return fail (reader, error, event->duration->line,
                     _("“%s” is not a duration (such as P1D or PT2H30M)"),
                     event->duration->value);
      if (event->length.is_neg)
        return fail (reader, error, event->duration->line,
                     _("the event’s DURATION is negative"));
    }

  if (event->rrule != NULL &&
      icalrecurrencetype_from_string (event->rrule->value).freq == ICAL_NO_RECURRENCE)
    return fail (reader, error, event->rrule->line, _("“%s” is not a repeat rule (RRULE)"),
                 event->rrule->value);

  if (event->recurrence_id != NULL)
    {
      Moment id;

      if (!parse_moment (reader, event->recurrence_id, event->recurrence_id->value,
                         strlen (event->recurrence_id->value), &id, error))
        return FALSE;
    }

  for (guint i = 0; i < exdates->len; i++)
    {
      const Moment *moment = g_ptr_array_index (exdates, i);
      char *key = moment_key (moment);

      if (moment->time.is_date)
        g_hash_table_add (event->exdays, key);
      else
        g_hash_table_add (event->exdates, key);
    }

  /* Any other status (TENTATIVE, CONFIRMED, none, or one the RFC does not
   * list, which some programs write) keeps the time taken: only a clear
   * CANCELLED or TRANSPARENT gives it back. */
  event->cancelled = event->status != NULL &&
                     g_ascii_strcasecmp (event->status->value, "CANCELLED") == 0;
  event->free_time = event->transp != NULL &&
                     g_ascii_strcasecmp (event->transp->value, "TRANSPARENT") == 0;

  if (event->summary != NULL)
    {
      g_autofree char *text = unescape_text (event->summary->value);

      g_strstrip (text);
      if (*text != '\0')
        event->summary_text = g_steal_pointer (&text);
    }

  if (event->uid != NULL && *event->uid->value != '\0')
    event->uid_text = g_strdup (event->uid->value);
  else
    {
      /* Files without UIDs (many published term-date files) still need an
       * identity per event, so that a second import finds the first. */
      g_autoptr(GString) identity = g_string_new (NULL);
      g_autofree char *digest = NULL;
      const ContentLine *parts[] =
        { event->summary, event->dtstart, event->dtend, event->duration, event->rrule,
          event->recurrence_id };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          if (parts[i] != NULL)
            g_string_append (identity, parts[i]->text);
          g_string_append_c (identity, '\n');
        }
      digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, identity->str, identity->len);
      event->uid_text = g_strdup_printf ("nouid-%.32s", digest);
    }

  return TRUE;
}

/* Adds the days an occurrence starting at @start covers: as long as the
 * event, or @seconds when not NULL (a period of an RDATE). */
static gboolean
add_occurrence (Reader        *reader,
                Event         *event,
                const Moment  *start,
                const gint64  *seconds,
                const char    *uid,
                GError       **error)
{
  g_autoptr(GDateTime) local_start = moment_to_local (start);
  g_autoptr(GDateTime) local_end = NULL;
  PlIcsEvent *out;
  GDate first, after;

  if (local_start == NULL)
    return fail (reader, error, event->dtstart->line, _("the start date cannot be read"));
  date_of (local_start, &first);

  if (start->time.is_date && seconds == NULL)
    {
      /* All-day: DTEND is the day after the last day. */
      int days = 1;

      if (event->has_end)
        {
          GDate start_day, end_day;

          g_date_clear (&start_day, 1);
          g_date_clear (&end_day, 1);
          g_date_set_dmy (&start_day, event->start.time.day, event->start.time.month,
                          event->start.time.year);
          g_date_set_dmy (&end_day, event->end.time.day, event->end.time.month,
                          event->end.time.year);
          days = MAX (1, g_date_days_between (&start_day, &end_day));
        }
      else if (event->duration != NULL)
        days = MAX (1, (int) (event->length.weeks * 7 + event->length.days));

      after = first;
      g_date_add_days (&after, MIN (days, 3660));
    }
  else
    {
      GDate last;

      if (seconds != NULL)
        local_end = g_date_time_add_seconds (local_start, (gdouble) *seconds);
      else if (event->has_end)
        {
          g_autoptr(GDateTime) main_start = moment_to_local (&event->start);
          g_autoptr(GDateTime) main_end = moment_to_local (&event->end);

          if (main_start == NULL || main_end == NULL)
            return fail (reader, error, event->dtend->line, _("the end date cannot be read"));
          local_end = g_date_time_add (local_start, g_date_time_difference (main_end, main_start));
        }
      else if (event->duration != NULL)
        local_end = g_date_time_add_seconds (local_start,
                                             (gdouble) duration_seconds (&event->length));
      else
        local_end = g_date_time_ref (local_start);

      if (local_end == NULL)
        return fail (reader, error, event->dtstart->line, _("the event ends too far ahead"));

      /* A timed event covers every local day it touches; its end is
       * exclusive, so one that ends at midnight does not touch the next. */
      if (g_date_time_compare (local_end, local_start) > 0)
        {
          g_autoptr(GDateTime) end_inside = g_date_time_add_seconds (local_end, -1);

          date_of (end_inside, &last);
        }
      else
        last = first;

      after = last;
      g_date_add_days (&after, 1);
    }

  if (reader->out->len >= MAX_PERIODS)
    return fail (reader, error, event->rrule != NULL ? event->rrule->line : event->lines->begin_line,
                 _("the file makes more than %d periods; a repeating event may need an "
                   "UNTIL or COUNT"),
                 MAX_PERIODS);

  out = g_new0 (PlIcsEvent, 1);
  out->uid = g_strdup (uid);
  out->summary = g_strdup (event->summary_text);
  out->start = first;
  out->end = after;
  out->line = event->lines->begin_line;
  out->free_time = event->free_time;
  g_ptr_array_add (reader->out, out);

  return TRUE;
}

static gboolean
excluded (Event        *event,
          const Moment *occurrence,
          GHashTable   *overridden)
{
  g_autofree char *key = moment_key (occurrence);
  g_autoptr(GDateTime) local = NULL;
  char day[9];

  if (g_hash_table_contains (event->exdates, key) ||
      (overridden != NULL && g_hash_table_contains (overridden, key)))
    return TRUE;

  /* An EXDATE given as a date removes whatever falls on that (local) day. */
  if (occurrence->time.is_date)
    g_snprintf (day, sizeof day, "%04d%02d%02d", occurrence->time.year, occurrence->time.month,
                occurrence->time.day);
  else if ((local = moment_to_local (occurrence)) != NULL)
    g_snprintf (day, sizeof day, "%04d%02d%02d", g_date_time_get_year (local),
                g_date_time_get_month (local), g_date_time_get_day_of_month (local));
  else
    return FALSE;

  return g_hash_table_contains (event->exdays, day);
}

static gboolean
add_repeat (Reader        *reader,
            Event         *event,
            const Moment  *occurrence,
            const gint64  *seconds,
            GHashTable    *overridden,
            GError       **error)
{
  g_autofree char *key = NULL;
  g_autofree char *uid = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, occurrence->time.day, occurrence->time.month, occurrence->time.year);
  if (g_date_compare (&day, &reader->lower) < 0)
    return TRUE;
  if (excluded (event, occurrence, overridden))
    return TRUE;

  /* An RDATE that repeats DTSTART or a day of the RRULE is the same
   * occurrence (RFC 5545 3.8.5.2): the first one stands. */
  key = moment_key (occurrence);
  if (!g_hash_table_add (event->added, g_strdup (key)))
    return TRUE;
  uid = g_strdup_printf ("%s/%s", event->uid_text, key);
  return add_occurrence (reader, event, occurrence, seconds, uid, error);
}

static gboolean
expand_event (Reader      *reader,
              Event       *event,
              GHashTable  *overridden,
              GError     **error)
{
  struct icalrecurrencetype rule;
  icalrecur_iterator *iterator;
  gboolean ok = TRUE;
  guint iterations = 0;

  if (event->rrule == NULL && event->rdates->len == 0)
    return add_occurrence (reader, event, &event->start, NULL, event->uid_text, error);

  if (event->recurrence_id != NULL)
    return fail (reader, error, event->rrule != NULL ? event->rrule->line
                                                     : event->recurrence_id->line,
                 _("an occurrence of a repeating event (RECURRENCE-ID) cannot repeat itself"));

  /* The first occurrence is DTSTART itself. */
  if (!add_repeat (reader, event, &event->start, NULL, overridden, error))
    return FALSE;

  for (guint i = 0; i < event->rdates->len; i++)
    {
      Occurrence *rdate = g_ptr_array_index (event->rdates, i);

      /* A period has its own length, so it may join an all-day event. */
      if (!rdate->has_length && rdate->start.time.is_date != event->start.time.is_date)
        return fail (reader, error, event->dtstart->line,
                     _("the event’s RDATE and DTSTART must both be dates or both have times"));
      if (!add_repeat (reader, event, &rdate->start, rdate->has_length ? &rdate->seconds : NULL,
                       overridden, error))
        return FALSE;
    }

  if (event->rrule == NULL)
    return TRUE;

  rule = icalrecurrencetype_from_string (event->rrule->value);
  if (rule.freq == ICAL_NO_RECURRENCE)
    return fail (reader, error, event->rrule->line, _("“%s” is not a repeat rule (RRULE)"),
                 event->rrule->value);

  if (rule.until.year != 0 && rule.until.is_date != event->start.time.is_date)
    return fail (reader, error, event->rrule->line,
                 _("the RRULE’s UNTIL and the event’s DTSTART must both be dates or both have "
                   "times"));

  iterator = icalrecur_iterator_new (rule, event->start.time);
  if (iterator == NULL)
    return fail (reader, error, event->rrule->line, _("the repeat rule “%s” cannot be followed"),
                 event->rrule->value);

  for (;;)
    {
      struct icaltimetype next = icalrecur_iterator_next (iterator);
      Moment occurrence = event->start;
      GDate day;

      if (icaltime_is_null_time (next))
        break;
      if (++iterations > MAX_ITERATIONS)
        {
          ok = fail (reader, error, event->rrule->line,
                     _("the event repeats too often to be a calendar period"));
          break;
        }

      /* DTSTART itself was added above. */
      if (iterations == 1 && icaltime_compare (next, event->start.time) == 0)
        continue;

      if (next.year < MIN_YEAR || next.year > MAX_YEAR ||
          !g_date_valid_dmy (next.day, next.month, next.year))
        break;
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, next.day, next.month, next.year);
      if (g_date_compare (&day, &reader->upper) > 0)
        break;

      occurrence.time = next;
      occurrence.time.zone = NULL;
      occurrence.time.is_date = event->start.time.is_date;
      if (!(ok = add_repeat (reader, event, &occurrence, NULL, overridden, error)))
        break;
    }

  icalrecur_iterator_free (iterator);
  return ok;
}

/* Whether libical reads @line, on its own, without a complaint; when it
 * does not, @type says what kind of complaint it was. */
static gboolean
libical_reads_line (const ContentLine           *line,
                    icalparameter_xlicerrortype *type)
{
  g_autofree char *text = g_strdup_printf ("BEGIN:VCALENDAR\r\n%s\r\nEND:VCALENDAR\r\n",
                                           line->text);
  icalcomponent *root = icalparser_parse_string (text);
  icalproperty *complaint;
  icalparameter *kind;

  *type = ICAL_XLICERRORTYPE_NONE;
  if (root == NULL)
    {
      *type = ICAL_XLICERRORTYPE_PROPERTYPARSEERROR;
      return FALSE;
    }

  complaint = icalcomponent_get_first_property (root, ICAL_XLICERROR_PROPERTY);
  if (complaint != NULL &&
      (kind = icalproperty_get_first_parameter (complaint, ICAL_XLICERRORTYPE_PARAMETER)) != NULL)
    *type = icalparameter_get_xlicerrortype (kind);
  icalcomponent_free (root);

  return complaint == NULL;
}

/* libical's own verdict. Its complaints carry no line numbers and are
 * written for programmers, so they are not passed on: each line given to
 * it is tried on its own to find the one it refuses, and the message
 * names that line's property in our words. A complaint about no one line
 * is placed at the calendar's BEGIN. */
static gboolean
check_libical (Reader         *reader,
               CalendarLines  *calendar,
               GError        **error)
{
  ContentLine *begin = g_ptr_array_index (reader->lines, calendar->begin);

  if (icalcomponent_count_errors (reader->root) == 0)
    return TRUE;

  for (guint i = calendar->begin; i <= calendar->end; i++)
    {
      const ContentLine *line = g_ptr_array_index (reader->lines, i);
      icalparameter_xlicerrortype type;
      g_autofree char *shown = NULL;

      if (line->skip || g_ascii_strcasecmp (line->name, "begin") == 0 ||
          g_ascii_strcasecmp (line->name, "end") == 0 || libical_reads_line (line, &type))
        continue;

      shown = quote_text (line->value);
      switch (type)
        {
        case ICAL_XLICERRORTYPE_PARAMETERNAMEPARSEERROR:
        case ICAL_XLICERRORTYPE_PARAMETERVALUEPARSEERROR:
          return fail (reader, error, line->line,
                       _("a parameter of %s is not one iCalendar allows there"), line->name);
        case ICAL_XLICERRORTYPE_VALUEPARSEERROR:
          return fail (reader, error, line->line, _("%s: “%s” is not a value %s can have"),
                       line->name, shown, line->name);
        default:
          return fail (reader, error, line->line, _("%s cannot be read as iCalendar"),
                       line->name);
        }
    }

  return fail (reader, error, begin->line,
               _("this calendar is not valid iCalendar, though no one line of it is wrong"));
}

static gboolean
read_calendar (Reader         *reader,
               CalendarLines  *calendar,
               GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) overridden = NULL;
  Event *events;
  gboolean ok = TRUE;

  for (guint i = calendar->begin; i <= calendar->end; i++)
    {
      const ContentLine *line = g_ptr_array_index (reader->lines, i);

      if (line->skip)
        continue;
      g_string_append (text, line->text);
      g_string_append (text, "\r\n");
    }

  reader->root = icalparser_parse_string (text->str);
  if (reader->root == NULL || icalcomponent_isa (reader->root) != ICAL_VCALENDAR_COMPONENT)
    {
      ContentLine *begin = g_ptr_array_index (reader->lines, calendar->begin);

      g_clear_pointer (&reader->root, icalcomponent_free);
      return fail (reader, error, begin->line, _("libical cannot read this calendar"));
    }

  events = g_new0 (Event, calendar->events->len);
  overridden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_hash_table_unref);

  /* All events are read first: an occurrence moved by a RECURRENCE-ID may
   * come before or after the event it belongs to. */
  for (guint i = 0; ok && i < calendar->events->len; i++)
    {
      Event *event = &events[i];

      ok = read_event (reader, g_ptr_array_index (calendar->events, i), event, error);
      if (ok && event->recurrence_id != NULL)
        {
          GHashTable *ids = g_hash_table_lookup (overridden, event->uid_text);
          Moment id;

          if (ids == NULL)
            {
              ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (overridden, g_strdup (event->uid_text), ids);
            }
          parse_moment (reader, event->recurrence_id, event->recurrence_id->value,
                        strlen (event->recurrence_id->value), &id, NULL);
          g_hash_table_add (ids, moment_key (&id));
        }
    }

  /* Our own checks come first: they name the line and the value. */
  ok = ok && check_libical (reader, calendar, error);

  for (guint i = 0; ok && i < calendar->events->len; i++)
    {
      Event *event = &events[i];

      /* A cancelled event is not there; a cancelled occurrence (its
       * RECURRENCE-ID) has taken the original's place, as nothing. */
      if (event->cancelled)
        continue;

      if (event->recurrence_id != NULL)
        {
          /* The moved occurrence takes the place of the original. */
          Moment id;
          g_autofree char *key = NULL;
          g_autofree char *uid = NULL;

          parse_moment (reader, event->recurrence_id, event->recurrence_id->value,
                        strlen (event->recurrence_id->value), &id, NULL);
          key = moment_key (&id);
          uid = g_strdup_printf ("%s/%s", event->uid_text, key);
          ok = add_occurrence (reader, event, &event->start, NULL, uid, error);
        }
      else
        ok = expand_event (reader, event, g_hash_table_lookup (overridden, event->uid_text),
                           error);
    }

  for (guint i = 0; i < calendar->events->len; i++)
    event_clear (&events[i]);
  g_free (events);
  g_clear_pointer (&reader->root, icalcomponent_free);

  return ok;
}

static void
init_libical (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      /* Errors in the input are ours to report, never a reason to abort. */
      icalerror_set_errors_are_fatal (0);
      g_once_init_leave (&initialised, 1);
    }
}

/**
 * pl_ics_parse:
 *
 * Returns: (transfer full) (element-type PlIcsEvent): the events
 */
GPtrArray *
pl_ics_parse (const char   *data,
              gsize         length,
              const char   *filename,
              const GDate  *today,
              GError      **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) content_line_free);
  g_autoptr(GPtrArray) calendars =
    g_ptr_array_new_with_free_func ((GDestroyNotify) calendar_lines_free);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_ics_event_free);
  Reader reader = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  init_libical ();

  reader.filename = filename != NULL ? filename : "calendar.ics";
  reader.today = today;
  reader.lines = lines;
  reader.calendars = calendars;
  reader.out = out;
  reader.lower = *today;
  g_date_subtract_years (&reader.lower, 2);
  reader.upper = *today;
  g_date_add_years (&reader.upper, 2);

  if (length == 0)
    {
      fail (&reader, error, 1, _("the file is empty"));
      return NULL;
    }

  if (!scan_lines (&reader, data, length, error) || !check_structure (&reader, error))
    return NULL;

  for (guint i = 0; i < calendars->len; i++)
    if (!read_calendar (&reader, g_ptr_array_index (calendars, i), error))
      return NULL;

  return g_steal_pointer (&out);
}

/* ------------------------------------------------------------------------
 * Into the store
 */

gboolean
pl_ics_resolve_owner (PlStore      *store,
                      const char   *owner,
                      PlOwnerKind  *kind,
                      gint64       *id,
                      GError      **error)
{
  static const struct
  {
    const char  *prefix;
    PlOwnerKind  kind;
  } owners[] = {
    { "partner:", PL_OWNER_PARTNER },
    { "employer:", PL_OWNER_EMPLOYER },
    { "staff:", PL_OWNER_STAFF },
  };

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (owner != NULL && kind != NULL && id != NULL, FALSE);

  if (g_str_equal (owner, "all"))
    {
      *kind = PL_OWNER_ALL;
      *id = 0;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      const char *name = owner + strlen (owners[i].prefix);
      g_autoptr(GArray) ids = NULL;

      if (!g_str_has_prefix (owner, owners[i].prefix))
        continue;

      if (*name == '\0')
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                       _("“%s” names no one: give a name after the colon"), owner);
          return FALSE;
        }

      if (!(ids = pl_store_ics_find_owners (store, owners[i].kind, name, error)))
        return FALSE;

      if (ids->len == 0)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                       owners[i].kind == PL_OWNER_PARTNER ? _("There is no partner called “%s”")
                       : owners[i].kind == PL_OWNER_EMPLOYER ? _("There is no employer called “%s”")
                       : _("There is no staff member called “%s”"),
                       name);
          return FALSE;
        }
      if (ids->len > 1)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                       _("%u staff members are called “%s”; rename one to tell them apart"),
                       ids->len, name);
          return FALSE;
        }

      *id = g_array_index (ids, gint64, 0);
      *kind = owners[i].kind;
      return TRUE;
    }

  g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
               _("“%s” is not an owner: use all, partner:NAME, employer:NAME or staff:NAME"),
               owner);
  return FALSE;
}

gboolean
pl_ics_kind_blocks_time (PlPeriodKind kind)
{
  return kind == PL_PERIOD_BLACKOUT || kind == PL_PERIOD_BUSY || kind == PL_PERIOD_UNAVAILABLE;
}

char *
pl_ics_describe_skipped (const PlIcsImportResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  if (result->skipped_free == 0)
    return NULL;

  /* TRANSLATORS: follows the counts of an iCalendar import. */
  return g_strdup_printf (ngettext ("%u event marked free (TRANSP:TRANSPARENT) left out: "
                                    "it blocks no one",
                                    "%u events marked free (TRANSP:TRANSPARENT) left out: "
                                    "they block no one",
                                    result->skipped_free),
                          result->skipped_free);
}

/* The events as the periods they describe, all in one transaction. */
static gboolean
write_events (PlStore            *store,
              const char         *filename,
              GPtrArray          *events,
              PlOwnerKind         owner_kind,
              gint64              owner_id,
              PlPeriodKind        kind,
              PlIcsImportResult  *result,
              GError            **error)
{
  g_autoptr(GArray) periods = g_array_sized_new (FALSE, FALSE, sizeof (PlIcsPeriod), events->len);
  g_autoptr(GArray) lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), events->len);
  gboolean blocks = pl_ics_kind_blocks_time (kind);
  PlIcsPeriodCounts counts = { 0 };
  guint skipped = 0;
  guint failed;

  for (guint i = 0; i < events->len; i++)
    {
      const PlIcsEvent *event = g_ptr_array_index (events, i);
      PlIcsPeriod period = { event->uid, event->summary, event->start, event->end };

      if (blocks && event->free_time)
        {
          skipped++;
          continue;
        }
      g_array_append_val (periods, period);
      g_array_append_val (lines, event->line);
    }

  if (!pl_store_ics_write_periods (store, owner_kind, owner_id, kind, periods, &counts, &failed,
                                   error))
    {
      if (failed < lines->len)
        g_prefix_error (error, "%s:%u: ", filename, g_array_index (lines, guint, failed));
      return FALSE;
    }

  result->skipped_free = skipped;
  result->added = counts.added;
  result->updated = counts.updated;
  result->unchanged = counts.unchanged;
  return TRUE;
}

gboolean
pl_ics_import_data (PlStore            *store,
                    const char         *data,
                    gsize               length,
                    const char         *filename,
                    const char         *owner,
                    const char         *kind,
                    const GDate        *today,
                    PlIcsImportResult  *result,
                    GError            **error)
{
  g_autoptr(GPtrArray) events = NULL;
  PlIcsImportResult counts = { 0 };
  PlPeriodKind period_kind;
  PlOwnerKind owner_kind;
  gint64 owner_id;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (owner != NULL && kind != NULL, FALSE);

  if ((period_kind = pl_period_kind_from_string (kind)) == 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("“%s” is not a kind of period: use term, holiday, exam, inset, blackout, "
                     "busy, unavailable or bank_holiday"),
                   kind);
      return FALSE;
    }

  if (!pl_ics_resolve_owner (store, owner, &owner_kind, &owner_id, error))
    return FALSE;

  if (!(events = pl_ics_parse (data, length, filename, today, error)))
    return FALSE;

  if (!write_events (store, filename, events, owner_kind, owner_id, period_kind, &counts, error))
    return FALSE;

  if (result != NULL)
    *result = counts;
  return TRUE;
}

gboolean
pl_ics_import_file (PlStore            *store,
                    const char         *path,
                    const char         *owner,
                    const char         *kind,
                    const GDate        *today,
                    PlIcsImportResult  *result,
                    GError            **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);

  /* GLib's message names the file again, in quotes; ours names it once,
   * first, as every importer's messages do. */
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      const char *reason;

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        reason = _("there is no such file");
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES))
        reason = _("you are not allowed to read this file");
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
        reason = _("this is a folder, not a file");
      else
        reason = local_error->message;
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID, "%s: %s", path, reason);
      return FALSE;
    }

  return pl_ics_import_data (store, data, length, path, owner, kind, today, result, error);
}
