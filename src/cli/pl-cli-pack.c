/* pl-cli-pack.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pl-cli.h"
#include "pl-pack.h"
#include "pl-store-pack.h"

/* `export pack FILE.pdf --employer NAME` and `export pack --all DIR`: the
 * employer toolkit pack as A4 PDF. With --all every employer that hosts or
 * will host (a placement that is not cancelled) gets its own file, named
 * after it; all of them appear, or none does. */

static gboolean
write_one (PlStore              *store,
           gint64                employer_id,
           const PlPackOptions  *options,
           const char           *path,
           guint                *n_pages,
           GError              **error)
{
  g_autoptr(PlPack) pack = pl_pack_new (store, employer_id, options, error);

  if (pack == NULL || !pl_pack_write_pdf (pack, path, error))
    return FALSE;

  *n_pages = pl_pack_get_n_pages (pack);
  return TRUE;
}

static void
remove_staging (const char *staging)
{
  g_autoptr(GDir) dir = g_dir_open (staging, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (staging, name, NULL);
      g_unlink (path);
    }
  g_rmdir (staging);
}

/* A name of @stem.pdf not yet taken in @used, compared without case since
 * the files may land on a case-insensitive disk (transfer full). */
static char *
unique_name (GHashTable *used,
             const char *stem)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.pdf", stem)
                                     : g_strdup_printf ("%s-%u.pdf", stem, n);
      g_autofree char *folded = g_ascii_strdown (name, -1);

      if (!g_hash_table_contains (used, folded))
        {
          g_hash_table_add (used, g_steal_pointer (&folded));
          return g_steal_pointer (&name);
        }
    }
}

static int
write_all (PlStore             *store,
           const PlPackOptions *options,
           const char          *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *staging = NULL;

  if (!(ids = pl_store_pack_hosting_employers (store, &error)))
    return pl_cli_fail (error);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_printerr (_("placements-cli: cannot create the folder “%s”: %s\n"), dir,
                  g_strerror (saved));
      return PL_EXIT_FAILED;
    }

  /* Every pack is made in a hidden folder beside the others first. */
  staging = g_build_filename (dir, ".packs-XXXXXX", NULL);
  if (g_mkdtemp (staging) == NULL)
    {
      int saved = errno;
      g_printerr (_("placements-cli: cannot write in the folder “%s”: %s\n"), dir,
                  g_strerror (saved));
      return PL_EXIT_FAILED;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(PlRecord) employer = pl_store_get (store, PL_TYPE_EMPLOYER, id, &error);
      g_autofree char *stem = NULL;
      g_autofree char *path = NULL;
      char *name;
      guint n_pages = 0;

      if (employer == NULL)
        break;
      stem = pl_pack_file_stem (pl_record_get_string (employer, "name"));
      name = unique_name (used, stem);
      g_ptr_array_add (names, name);
      path = g_build_filename (staging, name, NULL);
      if (!write_one (store, id, options, path, &n_pages, &error))
        break;
      g_array_append_val (pages, n_pages);
    }

  if (error != NULL)
    {
      remove_staging (staging);
      return pl_cli_fail (error);
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *from = g_build_filename (staging, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);

      if (g_rename (from, to) != 0)
        {
          int saved = errno;
          g_printerr (_("placements-cli: cannot write “%s”: %s\n"), to, g_strerror (saved));
          remove_staging (staging);
          return PL_EXIT_FAILED;
        }
      g_print (ngettext ("%s (%u page)\n", "%s (%u pages)\n", g_array_index (pages, guint, i)),
               to, g_array_index (pages, guint, i));
    }
  remove_staging (staging);

  return PL_EXIT_OK;
}

int
pl_cli_export_pack (PlCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autofree char *employer = NULL;
  g_autofree char *all = NULL;
  g_autofree char *template = NULL;
  g_autofree char *logo = NULL;
  GOptionEntry entries[] = {
    { "employer", 0, 0, G_OPTION_ARG_STRING, &employer, NULL, NULL },
    { "all", 0, 0, G_OPTION_ARG_FILENAME, &all, NULL, NULL },
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template, NULL, NULL },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlRecord) record = NULL;
  PlPackOptions options = { 0 };
  guint n_pages = 0;

  if (!pl_cli_parse_options ("export pack", entries, &argc, &argv))
    return PL_EXIT_USAGE;

  if (all != NULL)
    {
      if (employer != NULL || argc != 1)
        return pl_cli_usage (_("export pack: --all DIR makes every employer's pack; "
                               "give no FILE and no --employer with it"));
    }
  else if (argc != 2 || employer == NULL)
    {
      return pl_cli_usage (_("export pack: give FILE.pdf --employer NAME, or --all DIR"));
    }

  options.template_path = template;
  options.logo_path = logo;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (all != NULL)
    return write_all (store, &options, all);

  record = pl_store_find_by_name (store, PL_TYPE_EMPLOYER, employer, &error);
  if (record == NULL)
    return pl_cli_fail (error);

  if (!write_one (store, pl_record_get_id (record), &options, argv[1], &n_pages, &error))
    return pl_cli_fail (error);

  g_print (ngettext ("%s (%u page)\n", "%s (%u pages)\n", n_pages), argv[1], n_pages);
  return PL_EXIT_OK;
}
