/* test-csv.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pl-csv.h"
#include "pl-csv-reader.h"
#include "pl-csv-writer.h"
#include "pl-date.h"
#include "pl-sample.h"
#include "pl-store-appetite.h"
#include "pl-store-bulk.h"
#include "pl-test-sqlite.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"

/* CSV as a coordinator meets it: files from spreadsheets, with quotes,
 * line breaks and byte order marks; exports that import again; and bad
 * files refused with the place of the fault while the database stays as
 * it was, byte for byte. "Unchanged" is checked on the database file
 * itself, read after the store is closed (closing checkpoints the WAL). */

static const PlCsvKind all_kinds[] = {
  PL_CSV_PARTNERS, PL_CSV_STAFF, PL_CSV_EMPLOYERS, PL_CSV_PLACEMENTS, PL_CSV_GROUPS,
};

typedef struct
{
  char *dir;
  char *db;      /* a database holding the sample network, closed */
} Fixture;

static char *
sample_db (const char *dir,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  char *path = g_build_filename (dir, name, NULL);

  store = pl_store_open (path, &error);
  g_assert_no_error (error);
  pl_test_load_sample (store);

  return path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("placements-csv-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = sample_db (f->dir, "sample.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pl_test_remove_folder (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Opens @db, imports @path, closes it again. */
static gboolean
import_path (const char  *db,
             PlCsvKind    kind,
             const char  *path,
             gint64      *n_rows,
             GError     **error)
{
  g_autoptr(PlStore) store = pl_store_open (db, NULL);

  g_assert_nonnull (store);
  return pl_csv_import_file (store, kind, path, NULL, NULL, NULL, n_rows, NULL, error);
}

static void
export_path (const char *db,
             PlCsvKind   kind,
             const char *path,
             gint64     *n_rows)
{
  g_autoptr(PlStore) store = pl_store_open (db, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  g_assert_true (pl_csv_export_file (store, kind, path, NULL, n_rows, &error));
  g_assert_no_error (error);
}

static gint64
count_rows (const char *db,
            const char *table)
{
  g_autoptr(PlStore) store = pl_store_open (db, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The reader */

typedef struct
{
  guint line;
  guint column;
  const char *text;
} Field;

/* Reads @text and checks every field of every record against @expected,
 * records separated by a NULL text. */
static void
assert_reads (const char  *text,
              gssize       length,
              const Field *expected,
              guint        n_expected)
{
  g_autoptr(PlCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint e = 0;

  reader = pl_csv_reader_new (text, length < 0 ? strlen (text) : (gsize) length, "t.csv");
  while (pl_csv_reader_next (reader, &error))
    {
      guint n = pl_csv_reader_get_n_fields (reader);

      for (guint i = 0; i < n; i++, e++)
        {
          guint line, column;

          g_assert_cmpuint (e, <, n_expected);
          g_assert_nonnull (expected[e].text);
          pl_csv_reader_get_position (reader, i, &line, &column);
          g_assert_cmpstr (pl_csv_reader_get_field (reader, i, NULL), ==, expected[e].text);
          g_assert_cmpuint (line, ==, expected[e].line);
          g_assert_cmpuint (column, ==, expected[e].column);
        }
      g_assert_cmpuint (e, <, n_expected);
      g_assert_null (expected[e].text);
      e++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (e, ==, n_expected);
}

static void
test_reader_quoting (void)
{
  static const char text[] =
    "plain,\"with, comma\",\"say \"\"hi\"\"\",\"\"\n"
    "\"two\nlines\",after,\"a\"\"\"\n"
    "a \"bare\" quote,,\n";
  static const Field expected[] = {
    { 1, 1, "plain" }, { 1, 7, "with, comma" }, { 1, 21, "say \"hi\"" }, { 1, 34, "" },
    { 0, 0, NULL },
    { 2, 1, "two\nlines" }, { 3, 8, "after" }, { 3, 14, "a\"" }, { 0, 0, NULL },
    { 4, 1, "a \"bare\" quote" }, { 4, 16, "" }, { 4, 17, "" }, { 0, 0, NULL },
  };

  assert_reads (text, -1, expected, G_N_ELEMENTS (expected));
}

static void
test_reader_line_ends (void)
{
  /* CRLF, LF and a lone CR all end records; a CRLF inside quotes stays in
   * the value and counts as one line; blank lines carry no record. */
  static const char text[] =
    "a,b\r\n"
    "\"x\r\ny\",z\n"
    "\n"
    "c,d\r"
    "e,f";
  static const Field expected[] = {
    { 1, 1, "a" }, { 1, 3, "b" }, { 0, 0, NULL },
    { 2, 1, "x\r\ny" }, { 3, 4, "z" }, { 0, 0, NULL },
    { 5, 1, "c" }, { 5, 3, "d" }, { 0, 0, NULL },
    { 6, 1, "e" }, { 6, 3, "f" }, { 0, 0, NULL },
  };

  assert_reads (text, -1, expected, G_N_ELEMENTS (expected));
}

static void
test_reader_bom (void)
{
  /* The byte order mark is not part of the first field, nor a column of
   * the line; columns count characters, not bytes. */
  static const char text[] = "\xEF\xBB\xBF" "nom,café\nÉcole,\"é,è\",x\n";
  static const Field expected[] = {
    { 1, 1, "nom" }, { 1, 5, "café" }, { 0, 0, NULL },
    { 2, 1, "École" }, { 2, 7, "é,è" }, { 2, 13, "x" }, { 0, 0, NULL },
  };

  assert_reads (text, -1, expected, G_N_ELEMENTS (expected));
}

/* The separator is the one the header line uses most, outside quotes;
 * the same separator then holds for every line. */
static void
test_reader_separators (void)
{
  static const struct
  {
    const char *text;
    char        separator;
    const char *fields;   /* of the second record, joined by | */
  } cases[] = {
    { "\"name\";\"kind\"\r\n\"A, B\";college\r\n", ';', "A, B|college" },
    { "name\tregion\nA;B\tHull, East\n", '\t', "A;B|Hull, East" },
    { "name,region\nA;B,Hull\n", ',', "A;B|Hull" },
    /* A tie goes to the comma, then to the semicolon */
    { "a,b;c\n1,2;3\n", ',', "1|2;3" },
    { "a;b\tc\n1;2\t3\n", ';', "1|2\t3" },
    /* Separators inside quotes do not count */
    { "\"a;b;c\",d\nx,y\n", ',', "x|y" },
    /* One column */
    { "\n\nname\nOnly;One\n", ',', "Only;One" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlCsvReader) reader = pl_csv_reader_new (cases[i].text, strlen (cases[i].text),
                                                         "t.csv");
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) fields = g_string_new (NULL);

      g_assert_true (pl_csv_reader_next (reader, &error));
      g_assert_cmpint (pl_csv_reader_get_format (reader)->separator, ==, cases[i].separator);
      g_assert_true (pl_csv_reader_next (reader, &error));
      for (guint f = 0; f < pl_csv_reader_get_n_fields (reader); f++)
        g_string_append_printf (fields, "%s%s", f ? "|" : "",
                                pl_csv_reader_get_field (reader, f, NULL));
      g_assert_cmpstr (fields->str, ==, cases[i].fields);
      g_assert_false (pl_csv_reader_next (reader, &error));
      g_assert_no_error (error);
    }
}

/* A row whose cells were all cleared is no record; lines still count. */
static void
test_reader_cleared_rows (void)
{
  static const char text[] = "a,b,,\n,,,\n\"\",,,\nc,d,,\n,,,\n";
  static const Field expected[] = {
    { 1, 1, "a" }, { 1, 3, "b" }, { 1, 5, "" }, { 1, 6, "" }, { 0, 0, NULL },
    { 4, 1, "c" }, { 4, 3, "d" }, { 4, 5, "" }, { 4, 6, "" }, { 0, 0, NULL },
  };

  assert_reads (text, -1, expected, G_N_ELEMENTS (expected));
}

/* UTF-16 written by hand (two bytes a character, no surrogates), so that
 * the test does not read back what the converter under test wrote. */
static GString *
utf16 (const char *text,
       gboolean    big_endian)
{
  GString *out = g_string_new (NULL);

  g_string_append_len (out, big_endian ? "\xFE\xFF" : "\xFF\xFE", 2);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_cmpuint (c, <, 0xD800);
      g_string_append_c (out, (char) (big_endian ? c >> 8 : c & 0xFF));
      g_string_append_c (out, (char) (big_endian ? c & 0xFF : c >> 8));
    }
  return out;
}

/* Positions count characters in every encoding; the fields are UTF-8. */
static void
test_reader_encodings (void)
{
  static const Field expected[] = {
    { 1, 1, "nom" }, { 1, 5, "prix" }, { 0, 0, NULL },
    { 2, 1, "Café" }, { 2, 6, "£5" }, { 0, 0, NULL },
  };
  g_autoptr(GString) le = utf16 ("nom\tprix\r\nCafé\t£5\r\n", FALSE);
  g_autoptr(GString) be = utf16 ("nom,prix\nCafé,£5\n", TRUE);
  static const char cp1252[] = "nom;prix\r\nCaf\xE9;\xA3" "5\r\n";
  static const struct
  {
    PlCsvEncoding encoding;
    char          separator;
    const char   *description;
  } formats[] = {
    { PL_CSV_ENCODING_UTF16LE, '\t', "separated by tabs, read as UTF-16" },
    { PL_CSV_ENCODING_UTF16BE, ',', "read as UTF-16" },
    { PL_CSV_ENCODING_WINDOWS_1252, ';', "separated by semicolons, read as Windows-1252" },
  };
  const char *texts[] = { le->str, be->str, cp1252 };
  gsize lengths[] = { le->len, be->len, sizeof cp1252 - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(PlCsvReader) reader = pl_csv_reader_new (texts[i], lengths[i], "t.csv");
      g_autofree char *description = NULL;

      assert_reads (texts[i], (gssize) lengths[i], expected, G_N_ELEMENTS (expected));
      g_assert_true (pl_csv_reader_next (reader, NULL));
      g_assert_cmpint (pl_csv_reader_get_format (reader)->encoding, ==, formats[i].encoding);
      g_assert_cmpint (pl_csv_reader_get_format (reader)->separator, ==, formats[i].separator);
      description = pl_csv_format_describe (pl_csv_reader_get_format (reader));
      g_assert_cmpstr (description, ==, formats[i].description);
    }
}

typedef struct
{
  const char *text;
  gssize      length;
  const char *message;   /* the whole message */
} ReaderError;

static void
test_reader_errors (void)
{
  static const ReaderError cases[] = {
    { "a,\"open\nb\n", -1, "t.csv:1:3: this quoted field has no closing quote (\")." },
    { "a,\"x\"y,b\n", -1, "t.csv:1:6: text follows the closing quote of a quoted field; "
                          "a quote inside a quoted field is written twice (\"\")." },
    { "ok\né,caf\xE9\n", -1, "t.csv:2:6: byte 0xE9 is not UTF-8 text; save the file from the "
                             "spreadsheet as “CSV UTF-8”." },
    { "a\nb\0c\n", 6, "t.csv:2:2: the file holds a NUL byte, so it is not a text file; save it "
                      "from the spreadsheet as “CSV UTF-8”." },
    /* UTF-16 cut short: a lone high surrogate at the end */
    { "\xFF\xFE" "a\0,\0\n\0b\0\0\xD8", 12,
      "t.csv:2:2: the file is marked as UTF-16 text, but this character is cut short or is "
      "not UTF-16; save the file from the spreadsheet again." },
    /* 0x81 has no character in Windows-1252 */
    { "ok\ncaf\xE9,\x81\n", -1, "t.csv:2:6: byte 0x81 is neither UTF-8 nor Windows-1252 "
                                "text; save the file from the spreadsheet as “CSV UTF-8”." },
    /* A byte order mark says UTF-8, so é in Windows-1252 is a fault */
    { "\xEF\xBB\xBF" "caf\xE9\n", -1, "t.csv:1:4: byte 0xE9 is not UTF-8 text; save the file "
                                      "from the spreadsheet as “CSV UTF-8”." },
    /* A NUL inside UTF-16 text */
    { "\xFF\xFE" "a\0\0\0", 6, "t.csv:1:2: the file holds a NUL byte, so it is not a text "
                               "file; save it from the spreadsheet as “CSV UTF-8”." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length < 0 ? strlen (cases[i].text) : (gsize) cases[i].length;
      g_autoptr(PlCsvReader) reader = pl_csv_reader_new (cases[i].text, length, "t.csv");
      g_autoptr(GError) error = NULL;

      while (pl_csv_reader_next (reader, &error))
        ;
      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_writer_quoting (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { " spaced ", " spaced " },
    { "\xEF\xBB\xBF" "bom", "\"\xEF\xBB\xBF" "bom\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      pl_csv_append_field (line, cases[i].in, TRUE);
      g_assert_cmpstr (line->str, ==, cases[i].out);
    }
}

/* A file is replaced only by a finished export, and a failed one leaves
 * no temporary file behind. */
static void
test_writer_atomic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = pl_test_write_file (f->dir, "out.csv", "old contents", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PlCsvWriter *writer;
  guint n_files = 0;
  g_autoptr(GDir) dir = NULL;

  writer = pl_csv_writer_new (path, &error);
  g_assert_no_error (error);
  pl_csv_writer_add (writer, "half");
  g_assert_true (pl_csv_writer_end_record (writer, &error));
  pl_csv_writer_free (writer);

  bytes = pl_test_read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "old contents", 12);
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);   /* sample.db and out.csv */

  writer = pl_csv_writer_new (path, &error);
  pl_csv_writer_add (writer, "a,b");
  pl_csv_writer_add (writer, NULL);
  g_assert_true (pl_csv_writer_end_record (writer, &error));
  g_assert_true (pl_csv_writer_finish (writer, &error));
  g_assert_no_error (error);
  pl_csv_writer_free (writer);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = pl_test_read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   "\xEF\xBB\xBF\"a,b\",\r\n", 11);
}

/* Import and export */

static const char *
file_name (PlCsvKind kind)
{
  return pl_csv_kind_to_string (kind);
}

/* Sample → export → import into an empty database → export again: the
 * same bytes, and the same number of everything. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const tables[] = {
    "partner", "staff", "employer", "placement", "placement_day", "exchange_group",
    "group_member", "group_meeting", "group_outcome", "employer_appetite",
    "search WHERE kind IN ('partner', 'staff', 'employer', 'placement', 'group')",
  };
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;

  g_object_unref (pl_store_open (empty, &error));
  g_assert_no_error (error);

  /* What employers said, a reason with the list's separators in it. */
  {
    g_autoptr(PlStore) store = pl_store_open (f->db, &error);
    g_autoptr(PlRecord) keel = pl_store_find_by_name (store, PL_TYPE_EMPLOYER,
                                                      "Keel and Anchor Hotel", &error);
    g_autoptr(PlRecord) pixel = pl_store_find_by_name (store, PL_TYPE_EMPLOYER,
                                                       "Pixelwharf Software", &error);

    g_assert_no_error (error);
    g_assert_true (pl_store_set_appetite (store, pl_record_get_id (keel), 2026,
                                          PL_APPETITE_NOT_THIS_YEAR,
                                          "refurbishment; kitchen | bar", &error));
    g_assert_true (pl_store_set_appetite (store, pl_record_get_id (keel), 2027,
                                          PL_APPETITE_INTERESTED, NULL, &error));
    g_assert_true (pl_store_set_appetite (store, pl_record_get_id (pixel), 2026,
                                          PL_APPETITE_LOOKING, NULL, &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    {
      g_autofree char *first_name = g_strdup_printf ("%s-1.csv", file_name (all_kinds[i]));
      g_autofree char *second_name = g_strdup_printf ("%s-2.csv", file_name (all_kinds[i]));
      g_autofree char *first = g_build_filename (f->dir, first_name, NULL);
      g_autofree char *second = g_build_filename (f->dir, second_name, NULL);
      g_autoptr(GBytes) a = NULL;
      g_autoptr(GBytes) b = NULL;
      gint64 exported = -1, imported = -1, again = -1;

      export_path (f->db, all_kinds[i], first, &exported);
      g_assert_cmpint (exported, >, 0);
      g_assert_true (import_path (empty, all_kinds[i], first, &imported, &error));
      g_assert_no_error (error);
      g_assert_cmpint (imported, ==, exported);
      export_path (empty, all_kinds[i], second, &again);
      g_assert_cmpint (again, ==, exported);

      a = pl_test_read_bytes (first);
      b = pl_test_read_bytes (second);
      g_assert_true (g_bytes_equal (a, b));
      if (all_kinds[i] == PL_CSV_EMPLOYERS)
        g_assert_nonnull (g_strstr_len (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                                        "2026/27|not_this_year|refurbishment\\; kitchen \\| bar;"
                                        "2027/28|interested"));
    }

  {
    g_autoptr(PlStore) store = pl_store_open (empty, &error);
    g_autoptr(PlRecord) keel = pl_store_find_by_name (store, PL_TYPE_EMPLOYER,
                                                      "Keel and Anchor Hotel", &error);
    g_autofree char *reason = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (pl_store_get_appetite (store, pl_record_get_id (keel), 2026, &reason), ==,
                     PL_APPETITE_NOT_THIS_YEAR);
    g_assert_cmpstr (reason, ==, "refurbishment; kitchen | bar");
  }

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (count_rows (empty, tables[i]), ==, count_rows (f->db, tables[i]));

  /* The copy keeps the data model's rules. */
  {
    g_autoptr(PlStore) store = pl_store_open (empty, NULL);
    g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);

    g_assert_true (pl_store_check (store, report));
    g_assert_cmpuint (report->len, ==, 0);
  }
}

typedef struct
{
  PlCsvKind   kind;
  const char *text;
  gssize      length;
  guint       line;
  guint       column;
  const char *reason;    /* found in the message after FILE:LINE:COLUMN: */
} BadFile;

/* Every file is refused with the place of its first fault; the database
 * file is the same, byte for byte, afterwards. */
static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  static const BadFile cases[] = {
    /* A missing required column */
    { PL_CSV_STAFF, "name,job_title\nJo Bloggs,Lecturer\n", -1, 1, 1,
      "the header has no “partner” column, which staff need." },
    /* An unknown column */
    { PL_CSV_PARTNERS, "name,kind,colour\nA,college,red\n", -1, 1, 11,
      "unknown column “colour”" },
    { PL_CSV_PARTNERS, "name,region,Name\nA,b,c\n", -1, 1, 13, "the column “name” appears twice." },
    /* A column without a name may be empty, but hold nothing */
    { PL_CSV_PARTNERS, "name,region,\nA,b,\nB,c,oops\n", -1, 3, 5,
      "column 3 has no name in the header but this row has “oops” in it" },
    { PL_CSV_PARTNERS, ",name\nx,A\n", -1, 2, 1, "column 1 has no name" },
    /* An unknown sector, partner, staff member */
    { PL_CSV_EMPLOYERS, "name,sector\nAcme Ltd,Digitl\n", -1, 2, 10,
      "column “sector”: there is no sector called “Digitl”." },
    { PL_CSV_STAFF, "name,partner\nJo Bloggs,Nowhere College\n", -1, 2, 11,
      "column “partner”: there is no partner called “Nowhere College”" },
    { PL_CSV_PLACEMENTS, "staff,sector\nNo Such Person,Digital\n", -1, 2, 1,
      "column “staff”: there is no staff member called “No Such Person”" },
    { PL_CSV_GROUPS, "name,area,members\nG,maths,Aisha Bello;Nobody (lead)\n", -1, 2, 9,
      "column “members”: there is no staff member called “Nobody (lead)”" },
    /* A bad email, phone, postcode, web address, number, choice */
    { PL_CSV_STAFF, "name,partner,email\nJo Bloggs,Humber Estuary College,jo@\n", -1, 2, 34,
      "column “email”: Email: “jo@” is not an email address." },
    { PL_CSV_EMPLOYERS, "name,sector,postcode\nAcme Ltd,Digital,XYZ\n", -1, 2, 18,
      "column “postcode”: Postcode: “XYZ” is not a UK postcode." },
    { PL_CSV_EMPLOYERS, "name,sector,capacity\nAcme Ltd,Digital,5000\n", -1, 2, 18,
      "column “capacity”: Capacity: 5000 is not between 1 and 1000." },
    { PL_CSV_EMPLOYERS, "name,sector,capacity\nAcme Ltd,Digital,three\n", -1, 2, 18,
      "column “capacity”: “three” is not a whole number." },
    { PL_CSV_PARTNERS, "name,kind\nA,castle\n", -1, 2, 3,
      "column “kind”: Kind: “castle” is not one of college, training_provider" },
    { PL_CSV_STAFF, "name,partner,teaching_days\nJo,Humber Estuary College,Mon;Fun\n", -1, 2, 27,
      "column “teaching_days”: “Fun” is not a day of the week" },
    /* A bad appetite: its year, its state, a "not this year" without why */
    { PL_CSV_EMPLOYERS, "name,sector,appetite\nAcme Ltd,Digital,2026/28|looking\n", -1, 2, 18,
      "column “appetite”: “2026/28” is not an academic year (YYYY/YY, as in 2026/27)." },
    { PL_CSV_EMPLOYERS, "name,sector,appetite\nAcme Ltd,Digital,2026/27|keen\n", -1, 2, 18,
      "column “appetite”: “keen” is not an appetite" },
    { PL_CSV_EMPLOYERS, "name,sector,appetite\nAcme Ltd,Digital,2026/27|not_this_year\n", -1, 2,
      18, "column “appetite”: 2026/27: “not this year” needs a reason" },
    { PL_CSV_EMPLOYERS, "name,sector,appetite\nAcme Ltd,Digital,2026/27|looking;2026-27|arranged\n",
      -1, 2, 18, "column “appetite”: 2026-27 is given twice." },
    /* A bad date, in a column and in a list */
    { PL_CSV_PLACEMENTS, "staff,sector,window_start\nAisha Bello,Digital,2026-02-30\n", -1, 2, 21,
      "column “window_start”: Window start: “2026-02-30” is not a date (YYYY-MM-DD)." },
    { PL_CSV_PLACEMENTS, "staff,sector,days\nAisha Bello,Digital,2026-03-02;02/03/2026\n", -1,
      2, 21, "column “days”: Day: “02/03/2026” is not a date (YYYY-MM-DD)." },
    { PL_CSV_PLACEMENTS, "staff,sector,days\nAisha Bello,Digital,2026-03-02;2026-03-02\n", -1,
      2, 21, "column “days”: “2026-03-02” is listed twice." },
    /* Rules across columns, said at the column to change */
    { PL_CSV_PLACEMENTS, "staff,sector,status\nAisha Bello,Digital,cancelled\n", -1, 2, 21,
      "column “status”: a cancelled placement needs a reason" },
    { PL_CSV_PLACEMENTS,
      "staff,sector,window_start,window_end\nAisha Bello,Digital,2026-03-02,2026-03-01\n", -1,
      2, 32, "column “window_end”: the window cannot end before it starts." },
    { PL_CSV_PARTNERS, "name,status\nA,withdrawn\n", -1, 2, 3,
      "column “status”: a withdrawn partner needs the date it withdrew" },
    /* A required value left empty */
    { PL_CSV_PARTNERS, "name,kind\n,college\n", -1, 2, 1, "column “name”: Name is required." },
    /* An unterminated quote */
    { PL_CSV_PARTNERS, "name,region\nA,\"Hull\nB,York\n", -1, 2, 3,
      "this quoted field has no closing quote" },
    /* The wrong number of fields */
    { PL_CSV_PARTNERS, "name,region\nA,Hull,extra\n", -1, 2, 8,
      "this row has 3 fields but the header has 2; a value with a comma needs quotes" },
    { PL_CSV_EMPLOYERS, "name,sector\nAcme Ltd\n", -1, 2, 9,
      "this row has 1 field but the header has 2." },
    { PL_CSV_PARTNERS, "\"name\";\"region\"\nA;Hull;East\n", -1, 2, 8,
      "this row has 3 fields but the header has 2; a value with a semicolon needs quotes" },
    /* Broken encodings */
    { PL_CSV_PARTNERS, "name,region\nA,Caf\xE9 \x90\n", -1, 2, 8,
      "byte 0x90 is neither UTF-8 nor Windows-1252 text" },
    { PL_CSV_PARTNERS, "\xFE\xFF\0n\0a\0m\0e\0\n\0", 13, 2, 1,
      "the file is marked as UTF-16 text, but this character is cut short" },
    /* A duplicate name where names are unique: in the file, in the database */
    { PL_CSV_PARTNERS, "name\nNew College\nOther\nnew college\n", -1, 4, 1,
      "column “name”: “new college” is already on line 2; names of partners must be unique." },
    { PL_CSV_EMPLOYERS, "name,sector\nThe Saltmarsh Table,Catering and Hospitality\n", -1, 2, 1,
      "“The Saltmarsh Table” is already in the database; names of employers must be unique." },
    { PL_CSV_GROUPS, "name,area\nNew group,maths\nNEW GROUP,digital\n", -1, 3, 1,
      "is already on line 2" },
    /* Invalid UTF-8, counted in characters after a byte order mark */
    { PL_CSV_PARTNERS, "\xEF\xBB\xBF" "name,region\nÉcole,Caf\xE9\n", -1, 2, 10,
      "byte 0xE9 is not UTF-8 text" },
    /* An empty file, or one of blank lines */
    { PL_CSV_PARTNERS, "", -1, 1, 1, "the file is empty; its first line should name the columns" },
    { PL_CSV_EMPLOYERS, "\xEF\xBB\xBF\r\n\r\n", -1, 1, 1, "the file is empty" },
    /* Lines counted through quoted line breaks and CRLF */
    { PL_CSV_PARTNERS, "name,notes,contact_email\r\n\"Multi\r\nline\",\"a\nb\",bad@\r\n", -1,
      4, 4, "column “contact_email”: Contact email: “bad@” is not an email address." },
    /* A fault in the last row undoes the good rows before it */
    { PL_CSV_PARTNERS, "name,contact_email\nGood One,a@b.example\nGood Two,\nBad,nope\n", -1,
      4, 5, "column “contact_email”" },
    /* Outcomes of a group */
    { PL_CSV_GROUPS, "name,area,outcomes\nG,maths,Guide|nope\n", -1, 2, 9,
      "column “outcomes”: Kind: “nope” is not one of report" },
  };
  g_autoptr(GBytes) before = pl_test_read_bytes (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BadFile *bad = &cases[i];
      g_autofree char *name = g_strdup_printf ("bad-%u.csv", i);
      g_autofree char *path = pl_test_write_file (f->dir, name, bad->text, bad->length);
      g_autofree char *where = g_strdup_printf ("%s:%u:%u: ", path, bad->line, bad->column);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;
      gint64 rows = -1;

      g_test_message ("case %u: %s", i, bad->reason);
      g_assert_false (import_path (f->db, bad->kind, path, &rows, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == PL_ERROR);
      if (!g_str_has_prefix (error->message, where) || strstr (error->message, bad->reason) == NULL)
        g_error ("case %u: expected “%s…%s”, got “%s”", i, where, bad->reason, error->message);
      g_assert_cmpint (rows, ==, -1);

      after = pl_test_read_bytes (f->db);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* What Excel and LibreOffice write, read for what it says: each file's
 * partners are stored with their text in UTF-8, and the result says how the
 * file was read. */
static void
test_spreadsheet_files (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) le = utf16 ("name\tregion\r\nÉcole Nord\t£ Sheffield\r\n"
                                 "\t\r\nTabb & Co\tHull, East\r\n", FALSE);
  g_autoptr(GString) be = utf16 ("name,region\nBig End College,Örebro\n", TRUE);
  const struct
  {
    const char *what;
    const char *text;
    gssize      length;
    gint64      rows;
    const char *stored;       /* name|region of the new partners, in order */
    const char *description;  /* how it was read; NULL: commas, UTF-8 */
  } cases[] = {
    { "LibreOffice, semicolons and quotes",
      "\"name\";\"region\"\r\n\"Semi College\";\"Hull; East\"\r\n\"Colon, Ltd\";York\r\n", -1,
      2, "Semi College|Hull; East;Colon, Ltd|York", "separated by semicolons" },
    { "tab-separated", "name\tregion\nTab College\tYork, North\n", -1,
      1, "Tab College|York, North", "separated by tabs" },
    { "trailing empty columns", "name,region,,\nTrail College,Leeds,,\nTrail Two,,,\n", -1,
      2, "Trail College|Leeds;Trail Two|", NULL },
    { "cleared rows", "name,region\nRow One,Hull\n,\n\"\",\"\"\n,\r\nRow Two,York\n,\n", -1,
      2, "Row One|Hull;Row Two|York", NULL },
    { "rows shorter by the empty columns", "name,region,,\nShort One,Goole\n", -1,
      1, "Short One|Goole", NULL },
    { "Unicode Text (UTF-16LE, tabs)", le->str, (gssize) le->len,
      2, "École Nord|£ Sheffield;Tabb & Co|Hull, East", "separated by tabs, read as UTF-16" },
    { "UTF-16BE", be->str, (gssize) be->len,
      1, "Big End College|Örebro", "read as UTF-16" },
    { "plain CSV on Windows (Windows-1252)",
      "name,region\r\nCaf\xE9 Sud,\xA3" "5 \x80 zone\r\nNa\xEFve Works,\r\n", -1,
      2, "Café Sud|£5 € zone;Naïve Works|", "read as Windows-1252" },
    { "Windows-1252 and semicolons", "name;region\nD\xE9j\xE0 Vu;Hull\n", -1,
      1, "Déjà Vu|Hull", "separated by semicolons, read as Windows-1252" },
    { "CSV UTF-8 with a byte order mark", "\xEF\xBB\xBFname,region\nB\xC3\xB6m College,Hull\n",
      -1, 1, "Böm College|Hull", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("shape-%u.csv", i);
      g_autofree char *path = pl_test_write_file (f->dir, name, cases[i].text, cases[i].length);
      g_autoptr(PlStore) store = pl_store_open (f->db, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *description = NULL;
      g_autofree char *sql = NULL;
      PlCsvFormat format;
      gint64 last, rows = -1;

      g_test_message ("case %u: %s", i, cases[i].what);
      last = pl_test_select_int (store, "SELECT ifnull(max(id), 0) FROM partner");
      g_assert_true (pl_csv_import_file (store, PL_CSV_PARTNERS, path, NULL, NULL, NULL, &rows,
                                         &format, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rows, ==, cases[i].rows);

      sql = g_strdup_printf ("SELECT group_concat(name || '|' || ifnull(region, ''), ';') "
                             "FROM (SELECT * FROM partner WHERE id > %" G_GINT64_FORMAT
                             " ORDER BY id)", last);
      stored = pl_test_select_text (store, sql);
      g_assert_cmpstr (stored, ==, cases[i].stored);
      g_assert_true (g_utf8_validate (stored, -1, NULL));

      description = pl_csv_format_describe (&format);
      g_assert_cmpstr (description, ==, cases[i].description);
    }
}

/* Staff names need not be unique, so a name that two people share cannot
 * pick out a placement's staff member. */
static void
test_ambiguous_staff (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *staff = pl_test_write_file (f->dir, "staff.csv",
                                               "name,partner\n"
                                               "Sam Taylor,Humber Estuary College\n"
                                               "Sam Taylor,Dearneside College\n", -1);
  g_autofree char *placements = pl_test_write_file (f->dir, "placements.csv",
                                                    "staff,sector\nAisha Bello,Digital\n"
                                                    "sam taylor,Digital\n", -1);
  g_autofree char *where = g_strdup_printf ("%s:3:1: column “staff”: more than one staff member "
                                            "is called “sam taylor”", placements);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 rows = 0;

  g_assert_true (import_path (f->db, PL_CSV_STAFF, staff, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 2);

  before = pl_test_read_bytes (f->db);
  g_assert_false (import_path (f->db, PL_CSV_PLACEMENTS, placements, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, where));
  after = pl_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
}

/* What spreadsheets send: headers in any order and case, labels instead of
 * keys, spaces around values, empty cells that take the defaults. */
static void
test_import_values (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *partners = pl_test_write_file (f->dir, "p.csv",
                                                  "Region , NAME,Kind,lead\r\n"
                                                  "Humber,Newland College,"
                                                  "Training provider, yes \r\n",
                                                  -1);
  g_autofree char *employers = pl_test_write_file (f->dir, "e.csv",
                                                   "name,sector,preferred_days,relationship,size\n"
                                                   "Keel Works,digital,,,\n"
                                                   "Quiet Works,Digital,none,Host,MEDIUM\n"
                                                   "Busy Works,Digital,\"tue, Thursday\",warm,\n",
                                                   -1);
  g_autofree char *placements = pl_test_write_file (f->dir, "pl.csv",
                                                    "staff,sector,employer,days,length,status\n"
                                                    "Aisha Bello,Digital,Keel Works,"
                                                    "2027-03-03;2027-03-01; 2027-03-02,,confirmed\n"
                                                    "Aisha Bello,Digital,,,3,\n", -1);
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 rows = 0;

  g_assert_true (import_path (f->db, PL_CSV_PARTNERS, partners, &rows, &error));
  g_assert_no_error (error);
  g_assert_true (import_path (f->db, PL_CSV_EMPLOYERS, employers, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 3);
  g_assert_true (import_path (f->db, PL_CSV_PLACEMENTS, placements, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 2);

  store = pl_store_open (f->db, &error);
  g_assert_no_error (error);

  text = pl_test_select_text (store,
                              "SELECT kind || '/' || region || '/' || is_lead || '/' || status "
                              "FROM partner WHERE name = 'Newland College'");
  g_assert_cmpstr (text, ==, "training_provider/Humber/1/active");
  g_clear_pointer (&text, g_free);

  /* Empty takes the default (Monday to Friday), "none" is no day. */
  text = pl_test_select_text (store,
                              "SELECT group_concat(preferred_days || ':' || relationship || ':' || "
                              "ifnull(size, '-'), ' ') FROM (SELECT * FROM employer WHERE name "
                              "LIKE '% Works' ORDER BY id)");
  g_assert_cmpstr (text, ==, "31:prospect:- 0:host:medium 10:warm:-");
  g_clear_pointer (&text, g_free);

  /* Days make the length when it is empty; without days it is the wish. */
  text = pl_test_select_text (store,
                              "SELECT group_concat(length || ':' || status || ':' || "
                              "(SELECT ifnull(group_concat(day, ';'), '') FROM (SELECT day FROM "
                              "placement_day WHERE placement_id = p.id ORDER BY day)), ' ') "
                              "FROM (SELECT * FROM placement ORDER BY id DESC LIMIT 2) AS p");
  g_assert_cmpstr (text, ==, "3:request: 3:confirmed:2027-03-01;2027-03-02;2027-03-03");
  g_clear_pointer (&text, g_free);

  /* The search index knows the new rows, and its trigger is back. */
  g_assert_cmpint (pl_test_select_int (store, "SELECT count(*) FROM search WHERE search MATCH "
                                              "'\"quiet works\"' AND kind = 'employer'"), ==, 1);
  g_assert_cmpint (pl_test_select_int (store,
                                       "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                       "AND name = 'employer_search_insert'"), ==, 1);
  g_assert_cmpint (pl_store_count (store, PL_TYPE_EMPLOYER), ==,
                   pl_test_select_int (store,
                                       "SELECT count(*) FROM search WHERE kind = 'employer'"));

  /* A header alone imports nothing, and that is not an error. */
  {
    g_autofree char *header = pl_test_write_file (f->dir, "h.csv", "name,sector\r\n", -1);

    g_clear_object (&store);
    g_assert_true (import_path (f->db, PL_CSV_EMPLOYERS, header, &rows, &error));
    g_assert_no_error (error);
    g_assert_cmpint (rows, ==, 0);
  }
}

static char *
trigger_sql (PlStore    *store,
             const char *table)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                                       "SELECT sql FROM sqlite_schema WHERE type = 'trigger' "
                                       "AND tbl_name = ?1 AND sql LIKE '%AFTER INSERT ON%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* The fast path of a large import recognises the search trigger of every
 * kind (a schema change that it no longer understands would quietly make
 * imports slow), indexes the new rows as the trigger would, and puts the
 * trigger back as it was, or leaves it to the rollback. */
static void
test_bulk_search_trigger (Fixture       *f,
                          gconstpointer  data)
{
  static const struct
  {
    GType      (*get_type) (void);
    const char  *table;
    const char  *columns[4];
    const char  *text[3];      /* NULL: the number 1 */
    const char  *kind;
  } cases[] = {
    { pl_partner_get_type, "partner", { "name", "region", NULL },
      { "Zephyr College", "Fenland" }, "partner" },
    { pl_staff_get_type, "staff", { "name", "partner_id", "job_title", NULL },
      { "Zephyr Jones", NULL, "Fenland tutor" }, "staff" },
    { pl_employer_get_type, "employer", { "name", "sector_id", "address", NULL },
      { "Zephyr Works", NULL, "Fenland" }, "employer" },
    { pl_placement_get_type, "placement", { "staff_id", "sector_id", "notes", NULL },
      { NULL, NULL, "Zephyr Fenland" }, "placement" },
    { pl_group_get_type, "exchange_group", { "name", "area", "aim", NULL },
      { "Zephyr group", "maths", "Fenland" }, "group" },
  };
  g_autoptr(PlStore) store = pl_store_open (f->db, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = trigger_sql (store, cases[i].table);
      g_autofree char *during = NULL;
      g_autofree char *after = NULL;
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM search WHERE kind = '%s' "
                                                "AND search MATCH 'zephyr fenland'",
                                                cases[i].kind);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (before);
      for (guint ok = 0; ok < 2; ok++)
        {
          g_autoptr(PlStoreBulk) bulk = pl_store_bulk_new (store, cases[i].get_type (),
                                                           cases[i].columns, TRUE, &error);

          g_assert_no_error (error);
          during = trigger_sql (store, cases[i].table);
          g_assert_null (during);
          for (guint c = 0; cases[i].columns[c] != NULL; c++)
            if (cases[i].text[c] != NULL)
              pl_store_bulk_set_text (bulk, c, cases[i].text[c]);
            else
              pl_store_bulk_set_int (bulk, c, 1);
          g_assert_cmpint (pl_store_bulk_add (bulk, &error), >, 0);
          g_assert_no_error (error);

          if (ok)
            {
              g_assert_true (pl_store_bulk_commit (bulk, &error));
              g_assert_no_error (error);
              g_assert_cmpint (pl_test_select_int (store, count), ==, 1);
              after = trigger_sql (store, cases[i].table);
              g_assert_cmpstr (after, ==, before);
            }
          g_clear_pointer (&bulk, pl_store_bulk_free);

          g_clear_pointer (&after, g_free);
          after = trigger_sql (store, cases[i].table);
          g_assert_cmpstr (after, ==, before);
          g_clear_pointer (&after, g_free);
          g_assert_cmpint (pl_test_select_int (store, count), ==, ok ? 1 : 0);
        }
    }
}

static char *
schema_text (const char *db)
{
  g_autoptr(PlStore) store = pl_store_open (db, NULL);

  g_assert_nonnull (store);
  return pl_test_select_text (store, "SELECT group_concat(type || ' ' || name, ', ') FROM "
                                     "(SELECT type, name FROM sqlite_schema ORDER BY name)");
}

/* Placements enough for the bulk writer to build the indexes of the
 * placements, their days and milestones once at the end, of a real staff
 * member, employer and sector of the sample; the last row from @last. */
static char *
write_many_placements (Fixture    *f,
                       const char *name,
                       guint       n_rows,
                       const char *last)
{
  g_autoptr(PlStore) store = pl_store_open (f->db, NULL);
  g_autofree char *staff = pl_test_select_text (store, "SELECT name FROM staff GROUP BY name "
                                                       "HAVING count(*) = 1 ORDER BY name LIMIT 1");
  g_autofree char *employer = pl_test_select_text (store, "SELECT name FROM employer "
                                                          "ORDER BY name LIMIT 1");
  g_autofree char *sector = pl_test_select_text (store, "SELECT name FROM sector "
                                                        "ORDER BY name LIMIT 1");
  g_autoptr(GString) text = g_string_new ("staff,sector,employer,status,window_start,window_end,"
                                          "days\n");

  for (guint i = 0; i + 1 < n_rows; i++)
    g_string_append_printf (text, "%s,\"%s\",\"%s\",confirmed,,,2027-03-%02u;2027-03-%02u\n",
                            staff, sector, employer, 1 + i % 14, 15 + i % 14);
  g_string_append_printf (text, "%s,\"%s\",\"%s\",%s\n", staff, sector, employer, last);
  return pl_test_write_file (f->dir, name, text->str, (gssize) text->len);
}

/* A large import into tables that hold fewer rows sets their indexes
 * aside until the end: refused at its last row, by the reader or by the
 * schema, it leaves the database as it was, byte for byte; accepted, it
 * leaves the same tables, indexes and triggers as before. */
static void
test_large_last_row (Fixture       *f,
                     gconstpointer  data)
{
  static const struct
  {
    const char *last;
    const char *reason;
  } cases[] = {
    { "confirmed,,,2027-02-30", "column “days”" },
    { "confirmed,2027-05-01,2027-04-01,2027-04-15", "column “window_end”" },
  };
  const guint n_rows = 12000;
  g_autoptr(GBytes) before = pl_test_read_bytes (f->db);
  g_autofree char *schema = schema_text (f->db);
  g_autofree char *schema_after = NULL;
  g_autofree char *good = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rows = -1;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("large-bad-%u.csv", i);
      g_autofree char *path = write_many_placements (f, name, n_rows, cases[i].last);
      g_autofree char *where = g_strdup_printf ("%s:%u:", path, n_rows + 1);
      g_autoptr(GBytes) after = NULL;

      g_assert_false (import_path (f->db, PL_CSV_PLACEMENTS, path, &rows, &error));
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, where) ||
          strstr (error->message, cases[i].reason) == NULL)
        g_error ("case %u: expected “%s…%s”, got “%s”", i, where, cases[i].reason,
                 error->message);
      g_clear_error (&error);
      g_assert_cmpint (rows, ==, -1);

      after = pl_test_read_bytes (f->db);
      g_assert_true (g_bytes_equal (before, after));
    }

  good = write_many_placements (f, "large-good.csv", n_rows, "confirmed,,,2027-04-01");
  g_assert_true (import_path (f->db, PL_CSV_PLACEMENTS, good, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, n_rows);
  schema_after = schema_text (f->db);
  g_assert_cmpstr (schema_after, ==, schema);
}

/* Names with the list separators of groups survive a round trip. */
static void
test_group_lists (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *staff = pl_test_write_file (f->dir, "s.csv",
                                               "name,partner\n"
                                               "\"Smith; Jo\",Humber Estuary College\n"
                                               "Lee (Jnr),Humber Estuary College\n", -1);
  g_autofree char *groups = pl_test_write_file (f->dir, "g.csv",
                                                "name,area,members,meetings,outcomes\n"
                                                "Odd names,english,"
                                                "\"Smith\\; Jo (lead (maths));Lee (Jnr)\","
                                                "2027-01-05;2026-12-01,"
                                                "\"A\\|B guide|guide|https://x.example/a\\;b|"
                                                "2027-02-01;Notes\"\n",
                                                -1);
  g_autofree char *out1 = g_build_filename (f->dir, "g1.csv", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *out2 = g_build_filename (f->dir, "g2.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autofree char *text = NULL;

  g_assert_true (import_path (f->db, PL_CSV_STAFF, staff, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (import_path (f->db, PL_CSV_GROUPS, groups, NULL, &error));
  g_assert_no_error (error);

  store = pl_store_open (f->db, &error);
  text = pl_test_select_text (store,
                              "SELECT group_concat(s.name || '=' || ifnull(m.role, ''), '/') FROM "
                              "group_member AS m JOIN staff AS s ON s.id = m.staff_id JOIN "
                              "exchange_group AS g ON g.id = m.group_id "
                              "WHERE g.name = 'Odd names'");
  g_assert_cmpstr (text, ==, "Smith; Jo=lead (maths)/Lee (Jnr)=");
  g_clear_pointer (&text, g_free);
  text = pl_test_select_text (store,
                              "SELECT group_concat(title || '=' || kind || '=' || ifnull(link, '') "
                              "|| '=' || ifnull(outcome_date, ''), '/') FROM group_outcome WHERE "
                              "group_id = (SELECT id FROM exchange_group "
                              "WHERE name = 'Odd names')");
  g_assert_cmpstr (text, ==, "A|B guide=guide=https://x.example/a;b=2027-02-01/Notes=report==");
  g_clear_object (&store);

  /* Export, import into an empty database, export again: the same. */
  export_path (f->db, PL_CSV_GROUPS, out1, NULL);
  g_object_unref (pl_store_open (empty, NULL));
  {
    g_autofree char *partners = g_build_filename (f->dir, "p.csv", NULL);
    g_autofree char *all_staff = g_build_filename (f->dir, "s-all.csv", NULL);

    export_path (f->db, PL_CSV_PARTNERS, partners, NULL);
    export_path (f->db, PL_CSV_STAFF, all_staff, NULL);
    g_assert_true (import_path (empty, PL_CSV_PARTNERS, partners, NULL, &error));
    g_assert_true (import_path (empty, PL_CSV_STAFF, all_staff, NULL, &error));
    g_assert_true (import_path (empty, PL_CSV_GROUPS, out1, NULL, &error));
    g_assert_no_error (error);
  }
  export_path (empty, PL_CSV_GROUPS, out2, NULL);
  a = pl_test_read_bytes (out1);
  b = pl_test_read_bytes (out2);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                                  "Smith\\; Jo (lead (maths));Lee (Jnr)"));
}

typedef struct
{
  guint   calls;
  goffset last_done;
  goffset total;
  GCancellable *cancel_after_first;
} Progress;

static void
on_progress (goffset  done,
             goffset  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpint (done, >=, progress->last_done);
  g_assert_cmpint (done, <=, total);
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
  if (progress->cancel_after_first != NULL)
    g_cancellable_cancel (progress->cancel_after_first);
}

/* A big file reports its progress and can be cancelled, leaving the
 * database as it was. */
static void
test_progress_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("name,kind\n");
  g_autofree char *path = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = pl_test_read_bytes (f->db);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  gint64 rows = 0;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "Partner %u,school\n", i);
  path = pl_test_write_file (f->dir, "many.csv", text->str, (gssize) text->len);

  {
    g_autoptr(PlStore) store = pl_store_open (f->db, NULL);

    progress.cancel_after_first = cancellable;
    g_assert_false (pl_csv_import_file (store, PL_CSV_PARTNERS, path, on_progress, &progress,
                                        cancellable, &rows, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (progress.calls, ==, 1);
  }
  after = pl_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));

  {
    g_autoptr(PlStore) store = pl_store_open (f->db, NULL);

    progress = (Progress) { 0 };
    g_assert_true (pl_csv_import_file (store, PL_CSV_PARTNERS, path, on_progress, &progress,
                                       NULL, &rows, NULL, NULL));
    g_assert_cmpint (rows, ==, 5000);
    /* A file this size takes the bulk path: the search index has them all. */
    g_assert_cmpuint (text->len, >, 64 * 1024);
    g_assert_cmpint (pl_test_select_int (store,
                                         "SELECT count(*) FROM search WHERE kind = 'partner'"), ==,
                     pl_store_count (store, PL_TYPE_PARTNER));
    g_assert_cmpint (pl_test_select_int (store,
                                         "SELECT count(*) FROM search WHERE kind = 'partner' AND "
                                         "search MATCH '\"partner 4321\"'"), ==, 1);
    g_assert_cmpuint (progress.calls, >=, 2);
    g_assert_cmpint (progress.last_done, ==, (goffset) text->len);
    g_assert_cmpint (progress.total, ==, (goffset) text->len);
  }
}

/* placements-cli import csv / export csv, as scripts run them. */

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *good = pl_test_write_file (f->dir, "good.csv", "name,kind\nA College,college\n"
                                                                  "B School,school\n", -1);
  g_autofree char *bad = pl_test_write_file (f->dir, "bad.csv",
                                             "name,kind\nC College,castle\n", -1);
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_nonnull (g_getenv ("PLACEMENTS_CLI"));

  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->db, "import", "csv", "partners", good, NULL);
    g_assert_cmpint (run.status, ==, 0);
    expected = g_strdup_printf ("Imported 2 partners from %s\n", good);
    g_assert_cmpstr (run.out, ==, expected);
  }

  before = pl_test_read_bytes (f->db);
  {
    g_auto(PlTestRun) run = { 0 };
    g_autofree char *where = g_strdup_printf ("%s:2:11: column “kind”", bad);

    pl_test_run_cli (&run, f->db, "import", "csv", "partners", bad, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, where));
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(PlTestRun) run = { 0 };

    g_autofree char *message = g_strdup_printf ("%s: cannot read the file: %s.\n", missing,
                                                g_strerror (ENOENT));

    pl_test_run_cli (&run, f->db, "import", "csv", "partners", missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, message);
  }
  after = pl_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));

  /* The summary says how a file that is not comma-separated UTF-8 was read. */
  {
    g_auto(PlTestRun) run = { 0 };
    g_autofree char *euro = pl_test_write_file (f->dir, "euro.csv",
                                                "\"name\";\"kind\"\r\nCaf\xE9 College;college\r\n",
                                                -1);
    g_autofree char *summary = g_strdup_printf ("Imported 1 partner from %s (separated by "
                                                "semicolons, read as Windows-1252)\n", euro);

    pl_test_run_cli (&run, f->db, "import", "csv", "partners", euro, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, summary);
  }

  /* Usage errors: no kind or file, an unknown kind, an unknown format. */
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->db, "import", "csv", "partners", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->db, "import", "csv", "widgets", good, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "unknown kind “widgets”"));
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->db, "import", "tsv", "partners", good, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  {
    g_auto(PlTestRun) run = { 0 };
    g_autoptr(GBytes) csv = NULL;
    g_autofree char *summary = g_strdup_printf ("Exported 7 partners to %s\n", out);
    static const char header[] = "\xEF\xBB\xBF" "name,kind,region,status,contact_name,"
                                 "contact_email,contact_phone,withdrawn_on,withdrawn_reason,"
                                 "lead,notes\r\n";

    pl_test_run_cli (&run, f->db, "export", "csv", "partners", out, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, summary);
    csv = pl_test_read_bytes (out);
    g_assert_cmpuint (g_bytes_get_size (csv), >, strlen (header));
    g_assert_cmpmem (g_bytes_get_data (csv, NULL), strlen (header), header, strlen (header));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/quoting", test_reader_quoting);
  g_test_add_func ("/csv/reader/line-ends", test_reader_line_ends);
  g_test_add_func ("/csv/reader/bom", test_reader_bom);
  g_test_add_func ("/csv/reader/errors", test_reader_errors);
  g_test_add_func ("/csv/reader/separators", test_reader_separators);
  g_test_add_func ("/csv/reader/cleared-rows", test_reader_cleared_rows);
  g_test_add_func ("/csv/reader/encodings", test_reader_encodings);
  g_test_add_func ("/csv/writer/quoting", test_writer_quoting);
  g_test_add ("/csv/writer/atomic", Fixture, NULL, fixture_set_up, test_writer_atomic,
              fixture_tear_down);
  g_test_add ("/csv/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/csv/import/bad-files", Fixture, NULL, fixture_set_up, test_bad_files,
              fixture_tear_down);
  g_test_add ("/csv/import/spreadsheet-files", Fixture, NULL, fixture_set_up,
              test_spreadsheet_files, fixture_tear_down);
  g_test_add ("/csv/import/ambiguous-staff", Fixture, NULL, fixture_set_up,
              test_ambiguous_staff, fixture_tear_down);
  g_test_add ("/csv/import/values", Fixture, NULL, fixture_set_up, test_import_values,
              fixture_tear_down);
  g_test_add ("/csv/import/bulk-search-trigger", Fixture, NULL, fixture_set_up,
              test_bulk_search_trigger, fixture_tear_down);
  g_test_add ("/csv/import/large-last-row", Fixture, NULL, fixture_set_up, test_large_last_row,
              fixture_tear_down);
  g_test_add ("/csv/import/group-lists", Fixture, NULL, fixture_set_up, test_group_lists,
              fixture_tear_down);
  g_test_add ("/csv/import/progress-and-cancel", Fixture, NULL, fixture_set_up,
              test_progress_and_cancel, fixture_tear_down);
  g_test_add ("/csv/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
