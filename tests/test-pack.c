/* test-pack.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pl-pack.h"
#include "pl-pack-flow.h"
#include "pl-pack-template.h"
#include "pl-records.h"
#include "pl-store.h"
#include "pl-test-sqlite.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"
#include "pl-test-pdf.h"

/* The employer pack is judged as a person receiving it would: the PDF that
 * placements-cli writes is read back with poppler's tools (pdfinfo,
 * pdffonts, pdftotext), so the tests check pages, fonts, words and where
 * the words sit, not the renderer's internals. */

typedef PlTestDb Fixture;

static gint64
employer_id (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) employer = pl_store_find_by_name (f->store, PL_TYPE_EMPLOYER, name, &error);

  g_assert_no_error (error);
  return pl_record_get_id (employer);
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
}

/* Writes @name's pack to DIR/@file and returns its path. */
static char *
export_pack (Fixture    *f,
             const char *name,
             const char *file)
{
  g_auto(PlTestRun) run = { 0 };
  char *path = g_build_filename (f->dir, file, NULL);

  pl_test_run_cli (&run, f->path, "export", "pack", path, "--employer", name, NULL);
  if (run.status != 0)
    g_error ("export pack for %s failed: %s", name, run.err);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* The text with every run of white space made one space, so that a
 * phrase is found whatever line it was broken across. */
static char *
pdf_words (const char *path)
{
  g_autofree char *text = pl_test_pdf_tool ("pdftotext", path, NULL);
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\f\r", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_has (const char *text,
            const char *phrase)
{
  if (strstr (text, phrase) == NULL)
    g_error ("the pack does not say “%s”", phrase);
}

static void
assert_lacks (const char *text,
              const char *phrase)
{
  if (strstr (text, phrase) != NULL)
    g_error ("the pack says “%s” but should not", phrase);
}

static void
test_sample_pack (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  g_auto(GStrv) rows = NULL;
  guint n_pages, n_fonts = 0;

  path = export_pack (f, "Keel and Anchor Hotel", "keel.pdf");

  n_pages = pl_test_pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 4);
  info = pl_test_pdf_tool ("pdfinfo", path, NULL);
  assert_has (info, "Page size:       595 x 842 pts (A4)");

  /* Every font is embedded, so the pack prints as designed anywhere. */
  fonts = pl_test_pdf_tool ("pdffonts", path, NULL);
  rows = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; rows[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      if (rows[i][0] == '\0')
        continue;
      columns = g_strsplit_set (g_strstrip (rows[i]), " ", -1);
      /* name type [type…] encoding emb sub uni object ID: emb is fifth from the end. */
      for (guint c = 0; columns[c] != NULL; c++)
        if (columns[c][0] != '\0')
          g_ptr_array_add (words, columns[c]);
      g_assert_cmpuint (words->len, >=, 6);
      if (!g_str_equal (g_ptr_array_index (words, words->len - 5), "yes"))
        g_error ("font not embedded: %s", rows[i]);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  text = pdf_words (path);
  assert_has (text, "Keel and Anchor Hotel");
  assert_has (text, "Humber Estuary College");
  /* Who is coming, when, and what they hope for. */
  assert_has (text, "Who is coming");
  assert_has (text, "Ellie Fraser");
  assert_has (text, "Lecturer in Patisserie");
  assert_has (text, "Thursday 7 January 2027");
  assert_has (text, "Work a day with the hotel’s pastry section");
  assert_has (text, pl_enum_label ("current_practice"));
  /* The live figures of the sample network. */
  assert_has (text, "93%");
  assert_has (text, "100%");
  /* The relationship owner and the college. */
  assert_has (text, "Marcus Oyelaran");
  assert_has (text, "marcus.oyelaran@humber-estuary.example.ac.uk");
  assert_has (text, "07700 900412");
  assert_has (text, "helen.barraclough@humber-estuary.example.ac.uk");
  /* The milestones of the coming placement, with their real dates: the
   * induction, two weeks before 7 January, falls in the network’s Christmas
   * closure and so is due on its last working day before. */
  assert_has (text, "Friday 18 December 2026");
  assert_has (text, "Health and safety and induction arranged");
  /* The feedback form asks the employer survey's questions. */
  for (guint i = 0; pl_employer_questions[i] != NULL; i++)
    assert_has (text, pl_enum_label (pl_employer_questions[i]));
  /* No teacher of another employer's placement is named. */
  assert_lacks (text, "Priya Ramanathan");
  assert_lacks (text, "Marguerite Okafor");

  last_page = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  assert_has (text, last_page);
}

static void
add_coming_placement (Fixture    *f,
                      gint64      employer,
                      const char *staff_name,
                      const char *status,
                      const char *const *days,
                      const char *goals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) staff = pl_store_find_by_name (f->store, PL_TYPE_STAFF, staff_name, &error);
  g_autoptr(PlRecord) host = pl_store_get (f->store, PL_TYPE_EMPLOYER, employer, &error);
  g_autoptr(PlRecord) placement = pl_record_new (PL_TYPE_PLACEMENT);

  g_assert_no_error (error);
  pl_record_set_int (placement, "staff_id", pl_record_get_id (staff));
  pl_record_set_int (placement, "employer_id", employer);
  pl_record_set_int (placement, "sector_id", pl_record_get_int (host, "sector_id"));
  pl_record_set_string (placement, "status", status);
  pl_record_set_int (placement, "length", g_strv_length ((char **) days));
  pl_record_set_int (placement, "aims", PL_AIM_TEACHING | PL_AIM_T_LEVELS);
  pl_record_set_string (placement, "goals", goals);
  g_assert_true (pl_store_insert (f->store, placement, &error));
  g_assert_no_error (error);
  g_assert_true (pl_store_set_days (f->store, pl_record_get_id (placement), days, &error));
  g_assert_no_error (error);
}

static void
test_every_visitor (Fixture       *f,
                    gconstpointer  data)
{
  const char *days[] = { "2027-02-23", "2027-02-24", "2027-02-25", NULL };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* A second teacher for the engineering firm, later than the first. */
  add_coming_placement (f, employer_id (f, "Wolds Precision Engineering"), "Kirsty Doyle",
                        "agreed", days, "See how jigs and fixtures are designed for small batches.");
  path = export_pack (f, "Wolds Precision Engineering", "wolds.pdf");
  text = pdf_words (path);

  assert_has (text, "Kwame Asante");
  assert_has (text, "Monday 11 January 2027 to Tuesday 12 January 2027 (2 days)");
  assert_has (text, "Kirsty Doyle");
  assert_has (text, "Tuesday 23 February 2027 to Thursday 25 February 2027 (3 days)");
  assert_has (text, "See how jigs and fixtures are designed for small batches.");
  /* The timeline is the sooner placement's. */
  assert_has (text, "the placement that begins on Monday 11 January 2027");
}

static void
test_no_coming_placement (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "saltmarsh.pdf", NULL);
  g_autofree char *text = NULL;

  /* Every placement at the Saltmarsh Table is in the past. */
  pl_test_run_cli (&run, f->path, "export", "pack", path, "--employer", "The Saltmarsh Table",
                   NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (pl_test_pdf_pages (path), >=, 4);

  text = pdf_words (path);
  assert_has (text, "The Saltmarsh Table");
  assert_lacks (text, "Who is coming");
  assert_lacks (text, "Your next placement");
  /* The timeline falls back on the usual steps, in weeks. */
  assert_has (text, "How a placement is planned");
  assert_has (text, "12 weeks before");
  assert_has (text, "Tomasz Nowak");
}

/* The words of every page of @path lie within [left, right] × [0, height]. */
static void
assert_inside (const char *path,
               double      left,
               double      right,
               double      height)
{
  g_autofree char *xml = pl_test_pdf_tool ("pdftotext", path, "-bbox");
  guint n_words = 0;

  for (const char *p = strstr (xml, "<word "); p != NULL; p = strstr (p + 1, "<word "))
    {
      double x_min = g_ascii_strtod (strstr (p, "xMin=\"") + 6, NULL);
      double x_max = g_ascii_strtod (strstr (p, "xMax=\"") + 6, NULL);
      double y_min = g_ascii_strtod (strstr (p, "yMin=\"") + 6, NULL);
      double y_max = g_ascii_strtod (strstr (p, "yMax=\"") + 6, NULL);

      /* Half a point for rounding in the PDF's text positions. */
      if (x_min < left - 0.5 || x_max > right + 0.5 || y_min < 0 || y_max > height)
        {
          g_autofree char *word = g_strndup (p, strcspn (p, "\n"));
          g_error ("%s: a word outside the printable area: %s", path, word);
        }
      n_words++;
    }
  g_assert_cmpuint (n_words, >, 500);
}

static void
test_long_text_wraps (Fixture       *f,
                      gconstpointer  data)
{
  const char *days[] = { "2027-03-03", NULL };
  g_autoptr(GString) aim = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 id = employer_id (f, "Barrowby Builders");

  /* 2,000 characters of aim, one of its "words" a 120-character address. */
  while (aim->len < 1870)
    g_string_append (aim, "Understand how the site team plans each phase of the build. ");
  g_string_append (aim, "https://example.org/");
  while (aim->len < 2000)
    g_string_append_c (aim, 'x');
  g_assert_cmpuint (aim->len, ==, 2000);
  add_coming_placement (f, id, "Kirsty Doyle", "confirmed", days, aim->str);

  /* A name far longer than any line, with a word longer than the header. */
  g_string_append (name, "Barrowby ");
  for (guint i = 0; i < 6; i++)
    g_string_append (name, "Construction Joinery Roofing Groundworks Plastering ");
  g_string_append (name, "Supercalifragilisticexpialidociousbuildersandcontractorsofthehumber Ltd");
  sql = g_strdup_printf ("UPDATE employer SET name = '%s' WHERE id = %" G_GINT64_FORMAT,
                         name->str, id);
  exec_sql (f, sql);

  path = export_pack (f, name->str, "long.pdf");
  assert_inside (path, PL_PACK_MARGIN, PL_PACK_A4_WIDTH - PL_PACK_MARGIN, PL_PACK_A4_HEIGHT);

  /* All of it is there, not cut off. */
  text = pdf_words (path);
  assert_has (text, "Understand how the site team plans each phase");
  assert_has (text, "Kirsty Doyle");
  assert_has (text, "Roofing");
}

static guint
pdf_images (const char *path)
{
  g_autofree char *list = pl_test_pdf_tool ("pdfimages", path, "-list");
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  guint n = 0;

  /* Two heading lines, then one an image. */
  for (guint i = 2; lines[i] != NULL; i++)
    n += lines[i][0] != '\0';
  return n;
}

static void
test_logo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *logo = g_build_filename (f->dir, "logo.png", NULL);
  g_autofree char *plain = export_pack (f, "Keel and Anchor Hotel", "plain.pdf");
  g_autofree char *with_setting = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(PlTestRun) run = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 80);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.2);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, logo), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* No logo, no image; the college's logo from the settings, one. */
  g_assert_cmpuint (pdf_images (plain), ==, 0);
  g_assert_true (pl_store_set_setting (f->store, "pack_logo", logo, &error));
  g_assert_no_error (error);
  with_setting = export_pack (f, "Keel and Anchor Hotel", "logo.pdf");
  g_assert_cmpuint (pdf_images (with_setting), ==, 1);

  /* A logo that cannot be read stops the export before any file appears. */
  pl_test_run_cli (&run, f->path, "export", "pack", missing, "--employer", "Keel and Anchor Hotel",
                   "--logo", "/no/such/logo.png", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/no/such/logo.png"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static gboolean
safe_name (const char *name)
{
  if (name[0] == '.' || name[0] == '-' || !g_str_has_suffix (name, ".pdf"))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return strstr (name, "..") == NULL && strlen (name) <= 64;
}

static void
test_all (Fixture       *f,
          gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };
  g_autofree char *dir = g_build_filename (f->dir, "packs", "for partners", NULL);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  const char *name;
  guint expected = 0;
  const char *days[] = { "2027-02-09", NULL };

  /* Names that are hard on a file system, two of them alike once made safe. */
  exec_sql (f, "UPDATE employer SET name = '../Café Zoë & Sons/' WHERE name = 'Velvet Room Salon'");
  exec_sql (f, "UPDATE employer SET name = '.hidden' WHERE name = 'Lanternfish Media'");
  exec_sql (f, "UPDATE employer SET name = 'Cafe Zoe & Sons' WHERE name = 'Old Mill Bakery'");
  add_coming_placement (f, employer_id (f, "Cafe Zoe & Sons"), "Samira Haddad", "proposed", days,
                        NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (f->store),
                                       "SELECT count(*) FROM employer e WHERE EXISTS"
                                       " (SELECT 1 FROM placement p WHERE p.employer_id = e.id"
                                       "  AND p.status <> 'cancelled')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  expected = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpuint (expected, >=, 10);

  pl_test_run_cli (&run, f->path, "export", "pack", "--all", dir, NULL);
  g_assert_cmpint (run.status, ==, 0);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *head = NULL;

      if (!safe_name (name))
        g_error ("unsafe file name “%s”", name);
      g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
      g_assert_true (g_str_has_prefix (head, "%PDF-"));
      g_hash_table_add (names, g_strdup (name));
    }

  g_assert_cmpuint (g_hash_table_size (names), ==, expected);
  g_assert_true (g_hash_table_contains (names, "Keel-and-Anchor-Hotel.pdf"));
  g_assert_true (g_hash_table_contains (names, "Cafe-Zoe-Sons.pdf"));
  g_assert_true (g_hash_table_contains (names, "Cafe-Zoe-Sons-2.pdf"));
  g_assert_true (g_hash_table_contains (names, "hidden.pdf"));
  /* An employer with only a cancelled placement gets none. */
  g_assert_false (g_hash_table_contains (names, "Meadowbank-Care-Home.pdf"));
}

static void
test_unknown_employer (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };
  g_auto(PlTestRun) usage = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "nobody.pdf", NULL);

  pl_test_run_cli (&run, f->path, "export", "pack", path, "--employer", "Nobody Ltd", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Nobody Ltd"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  pl_test_run_cli (&usage, f->path, "export", "pack", path, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_template_override (Fixture       *f,
                        gconstpointer  data)
{
  static const char template[] =
    "<guide><title>Our own guide</title>"
    "<cover><kicker>K</kicker><title>T</title><prepared-for>For</prepared-for>"
    "<from>with {partner}</from><blurb>B</blurb></cover>"
    "<section id=\"one\"><h1>A chapter written by the college</h1>"
    "<p>Dear {employer}, our own words.</p><block name=\"contacts\"/></section>"
    "<section id=\"two\" page=\"new\"><h1>Second</h1><p>More.</p></section>"
    "<section id=\"three\" page=\"new\"><h1>Third</h1><p>More.</p></section>"
    "</guide>";
  g_autofree char *config = g_build_filename (f->dir, "config", NULL);
  g_autofree char *folder = g_build_filename (config, "placements", NULL);
  g_autofree char *user_template = g_build_filename (folder, "employer-guide.xml", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.xml", NULL);
  g_autofree char *path = g_build_filename (f->dir, "own.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *config_env = g_strconcat ("XDG_CONFIG_HOME=", config, NULL);
  const char *env[] = { config_env, NULL };
  g_auto(PlTestRun) run = { 0 };
  g_auto(PlTestRun) bad = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (user_template, template, -1, NULL));

  /* The person's own copy replaces the built-in text. */
  pl_test_run_cli_env (&run, f->path, env, "export", "pack", path,
                       "--employer", "Keel and Anchor Hotel", NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_words (path);
  assert_has (text, "A chapter written by the college");
  assert_has (text, "Dear Keel and Anchor Hotel, our own words.");
  assert_lacks (text, "Why host a teacher?");
  g_assert_cmpuint (pl_test_pdf_pages (path), ==, 4);

  /* A template with a mistake says where, and writes nothing. */
  g_assert_true (g_file_set_contents (broken, "<guide>\n<title>x</title>\n<p>{employers_name}</p>"
                                      "</guide>", -1, NULL));
  g_assert_cmpint (g_unlink (path), ==, 0);
  pl_test_run_cli (&bad, f->path, "export", "pack", path, "--employer", "Keel and Anchor Hotel",
                   "--template", broken, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "broken.xml:3:"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
expect_template_error (const char *text,
                       const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPackTemplate) template = pl_pack_template_new_from_data (text, -1, "t.xml", &error);

  g_assert_null (template);
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
}

static void
test_template_errors (void)
{
  expect_template_error ("<guide><title>x</title><cover/><section id=\"a\"><blink/></section>"
                         "</guide>", "t.xml:1:");
  expect_template_error ("<guide><section id=\"a\"><p>{nope}</p></section></guide>",
                         "unknown placeholder “{nope}”");
  expect_template_error ("<guide><section id=\"a\" if=\"sunny\"/></guide>",
                         "unknown condition “sunny”");
  expect_template_error ("<guide><section id=\"a\"><block name=\"weather\"/></section></guide>",
                         "unknown block “weather”");
  expect_template_error ("<guide><section id=\"a\"><p>Hello <u>you</u></p></section></guide>",
                         "<u>");
  expect_template_error ("<guide><section id=\"a\">loose text</section></guide>",
                         "text must stand inside");
  expect_template_error ("<guide><section id=\"a\"/></guide>",
                         "exactly one <title> and one <cover>");
}

static void
collect_msgids (const PlPackNode *node,
                GHashTable       *msgids)
{
  if (node->text != NULL)
    g_hash_table_add (msgids, g_strdup (node->text));
  for (guint i = 0; i < node->children->len; i++)
    collect_msgids (g_ptr_array_index (node->children, i), msgids);
}

/* The msgids of a .pot written by xgettext, with C escapes undone. */
static GHashTable *
read_pot (const char *pot)
{
  GHashTable *msgids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit (pot, "\n", -1);
  GString *current = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quoted = NULL;

      if (g_str_has_prefix (line, "msgid \""))
        {
          current = g_string_new (NULL);
          quoted = line + strlen ("msgid ");
        }
      else if (current != NULL && line[0] == '"')
        {
          quoted = line;
        }
      else if (current != NULL)
        {
          if (current->len > 0)
            g_hash_table_add (msgids, g_string_free (current, FALSE));
          else
            g_string_free (current, TRUE);
          current = NULL;
        }

      if (quoted != NULL)
        {
          g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted) - 2);
          g_autofree char *plain = g_strcompress (inner);

          g_string_append (current, plain);
        }
    }
  if (current != NULL)
    g_string_free (current, TRUE);

  return msgids;
}

static void
test_template_msgids (void)
{
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                   "employer-guide.xml", NULL);
  g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPackTemplate) template = NULL;
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) theirs = NULL;
  g_autofree char *data_env = g_strconcat ("GETTEXTDATADIRS=", data_dir, NULL);
  const char *env[] = { data_env, NULL };
  g_auto(PlTestRun) run = { 0 };
  const char *argv[] = { "xgettext", "--from-code=UTF-8", "-o", "-", source, NULL };
  GHashTableIter iter;
  gpointer key;

  if (xgettext == NULL)
    {
      g_test_skip ("xgettext is not installed");
      return;
    }

  /* The built-in template is the file translators see. */
  template = pl_pack_template_load (NULL, &error);
  g_assert_no_error (error);
  collect_msgids (pl_pack_template_get_root (template), ours);

  pl_test_run_program (&run, argv, env);
  g_assert_cmpint (run.status, ==, 0);
  theirs = read_pot (run.out);
  g_assert_cmpuint (g_hash_table_size (theirs), >, 50);

  /* Every text the renderer looks up is one xgettext extracted, and no
   * extracted text is left unused. */
  g_hash_table_iter_init (&iter, ours);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (theirs, key))
      g_error ("not in the .pot as the renderer looks it up: “%s”", (char *) key);
  g_hash_table_iter_init (&iter, theirs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (ours, key))
      g_error ("in the .pot but never looked up: “%s”", (char *) key);
}

static void
test_file_stem (void)
{
  const char *cases[][2] = {
    { "Keel and Anchor Hotel", "Keel-and-Anchor-Hotel" },
    { "Café Zoë & Sons", "Cafe-Zoe-Sons" },
    { "../../etc/passwd", "etc-passwd" },
    { ".hidden", "hidden" },
    { "--force", "force" },
    { "a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j" },
    { "snake_case_ltd", "snake_case_ltd" },
    { "日本料理", "employer" },
    { "", "employer" },
    { "   ", "employer" },
  };
  g_autofree char *long_name = g_strnfill (300, 'w');
  g_autofree char *long_stem = pl_pack_file_stem (long_name);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stem = pl_pack_file_stem (cases[i][0]);
      g_assert_cmpstr (stem, ==, cases[i][1]);
    }
  g_assert_cmpuint (strlen (long_stem), ==, 60);
}

/* Wherever a heading falls, it starts the same page as the first lines
 * of its paragraph; tried after every number of lines that could push it
 * to the foot of a page. */
static void
test_flow_keeps_headings (void)
{
  for (guint n = 0; n < 30; n++)
    {
      g_autoptr(PlFlow) flow = pl_flow_new (PL_PACK_A4_WIDTH, 300, PL_PACK_MARGIN, 20, 280);

      for (guint i = 0; i < n; i++)
        pl_flow_add_text (flow, PL_FLOW_BODY, "One line.", -1, 0, PL_FLOW_MARK_NONE, NULL);
      pl_flow_add_text (flow, PL_FLOW_H2, "A heading", -1, 0, PL_FLOW_MARK_NONE, "heading");
      pl_flow_add_text (flow, PL_FLOW_BODY, "Its paragraph, long enough to wrap onto several "
                        "lines of the page: the first two of them must stay with the heading, "
                        "and the last two must stay together too, whatever the page holds, "
                        "so that no line is left alone at either end of a page.",
                        -1, 0, PL_FLOW_MARK_NONE, "paragraph");
      pl_flow_paginate (flow);

      if (pl_flow_get_anchor_page (flow, "heading") != pl_flow_get_anchor_page (flow, "paragraph"))
        g_error ("after %u lines the heading was left at the foot of a page", n);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add (name, Fixture, NULL, pl_test_db_set_up_sample, fn, pl_test_db_tear_down)
  ADD ("/pack/pdf/sample", test_sample_pack);
  ADD ("/pack/pdf/every-visitor", test_every_visitor);
  ADD ("/pack/pdf/no-coming-placement", test_no_coming_placement);
  ADD ("/pack/pdf/long-text-wraps", test_long_text_wraps);
  ADD ("/pack/pdf/logo", test_logo);
  ADD ("/pack/cli/all", test_all);
  ADD ("/pack/cli/unknown-employer", test_unknown_employer);
  ADD ("/pack/template/override", test_template_override);
#undef ADD
  g_test_add_func ("/pack/template/errors", test_template_errors);
  g_test_add_func ("/pack/template/msgids", test_template_msgids);
  g_test_add_func ("/pack/file-stem", test_file_stem);
  g_test_add_func ("/pack/flow/keeps-headings", test_flow_keeps_headings);

  return g_test_run ();
}
