/* generate.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A deterministic generator of realistic network data, for benchmarks and
 * for trying the app at scale:
 *
 *   generate [--placements N] [--employers M] [--staff K] [--partners P]
 *            [--seed S] [--today DATE] --out DIR [--db PATH]
 *
 * writes DIR/partners.csv, staff.csv, employers.csv and placements.csv in
 * the columns `placements-cli import csv` reads, and with --db imports them
 * into PATH (created if needed) in that order. The same arguments give the
 * same bytes on every machine: the random numbers are splitmix64, not the
 * C library's. Names come from word lists below, sectors are the T Level
 * routes, and placement days fall on working days across the academic
 * years 2025/26 and 2026/27: before --today they have happened (completed,
 * cascaded, evaluated or cancelled), after it they are being arranged. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl-csv.h"
#include "pl-csv-writer.h"
#include "pl-date.h"

static guint64 rng_state;

static guint64
next_random (void)
{
  guint64 z = (rng_state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static guint
pick (guint n)
{
  return (guint) (next_random () % n);
}

static gboolean
chance (guint percent)
{
  return pick (100) < percent;
}

#define ONE_OF(array) (array[pick (G_N_ELEMENTS (array))])

static const char * const first_names[] = {
  "Aisha", "Adebayo", "Alice", "Amara", "Amir", "Andrew", "Anna", "Arjun", "Ben", "Beth",
  "Bilal", "Callum", "Carys", "Catherine", "Chloe", "Chris", "Claire", "Connor", "Daniel",
  "David", "Deborah", "Dev", "Eleanor", "Elena", "Eliza", "Emma", "Ewan", "Faisal", "Fatima",
  "Fiona", "Freya", "Gareth", "Grace", "Hamish", "Hannah", "Harriet", "Helen", "Ian", "Imran",
  "Isla", "Jack", "James", "Jasmine", "Jenny", "Joanne", "John", "Jonah", "Joseph", "Karen",
  "Katie", "Kieran", "Kirsty", "Laura", "Leah", "Liam", "Lily", "Lucy", "Mahmoud", "Margaret",
  "Marguerite", "Mark", "Martha", "Matthew", "Mei", "Michael", "Mohammed", "Naomi", "Natalia",
  "Neil", "Nia", "Niamh", "Noah", "Olivia", "Olusegun", "Owen", "Patrick", "Paul", "Peter",
  "Piotr", "Priya", "Rachel", "Rahul", "Rebecca", "Rhys", "Rosa", "Ruth", "Ryan", "Saira",
  "Sam", "Sarah", "Sean", "Simon", "Sofia", "Sophie", "Stephen", "Tariq", "Thomas", "Tomasz",
  "Una", "Victoria", "Wei", "William", "Yasmin", "Yusuf", "Zainab", "Zoe",
};

static const char * const last_names[] = {
  "Adams", "Adeyemi", "Ahmed", "Ali", "Armstrong", "Ashworth", "Atkinson", "Bailey", "Barker",
  "Barraclough", "Bello", "Bennett", "Booth", "Bradley", "Brennan", "Brown", "Campbell",
  "Carter", "Chaudhry", "Chen", "Clarke", "Cooper", "Costa", "Cox", "Dawson", "Delgado",
  "Dixon", "Doyle", "Duffy", "Edwards", "Ellison", "Evans", "Fletcher", "Foster", "Gallagher",
  "Gibson", "Graham", "Green", "Hall", "Harrington", "Harris", "Hartley", "Hughes", "Hussain",
  "Iqbal", "Jackson", "James", "Jennings", "Johnson", "Jones", "Kaur", "Kelly", "Khan",
  "Kowalczyk", "Lambert", "Lee", "Lewis", "Lindqvist", "Lloyd", "Marsden", "Martin", "McBride",
  "Mensah", "Mitchell", "Moore", "Morgan", "Moss", "Murphy", "Nowak", "Okafor", "Okonjo",
  "O’Brien", "Owen", "Parker", "Patel", "Pearson", "Phillips", "Pritchard", "Rahman",
  "Ramanathan", "Reid", "Richardson", "Roberts", "Robinson", "Rossi", "Scott", "Shah",
  "Siddiqui", "Singh", "Smith", "Stewart", "Sutcliffe", "Taylor", "Thompson", "Turner",
  "Walker", "Walsh", "Ward", "Watson", "White", "Wilson", "Wood", "Wright", "Young", "Zhang",
};

static const char * const towns[] = {
  "Hull", "Beverley", "Bridlington", "Goole", "Grimsby", "Scunthorpe", "Doncaster", "Barnsley",
  "Rotherham", "Sheffield", "Wakefield", "Pontefract", "Leeds", "Bradford", "Halifax",
  "Huddersfield", "York", "Selby", "Harrogate", "Scarborough", "Whitby", "Malton", "Driffield",
  "Hornsea", "Withernsea", "Cleethorpes", "Brigg", "Thorne", "Castleford", "Dewsbury",
};

static const char * const postcode_areas[] = {
  "HU", "YO", "DN", "S", "WF", "LS", "BD", "HX", "HD", "HG",
};

static const char * const streets[] = {
  "High Street", "Station Road", "Church Lane", "Mill Lane", "Market Place", "Dock Street",
  "Quay Road", "Victoria Road", "Park Avenue", "Westgate", "Eastgate", "Northgate",
  "Humber Street", "Carr Lane", "Hessle Road", "Beverley Road", "Spring Bank", "Wold Road",
  "Enterprise Way", "Riverside Park", "Foundry Lane", "Wharf Road",
};

static const char * const partner_kinds[] = {
  "college", "college", "college", "training_provider", "school", "university",
};

static const char * const regions[] = {
  "Humber", "South Yorkshire", "West Yorkshire", "North Yorkshire", "East Riding",
  "North Lincolnshire",
};

/* The T Level routes, as the schema names its sectors, each with words for
 * employers' names, staff's job titles and curriculum areas. */
typedef struct
{
  const char *sector;
  const char *employer_words[6];
  const char *employer_kinds[6];
  const char *curriculum[3];
} Sector;

static const Sector sectors[] = {
  { "Agriculture, Environmental and Animal Care",
    { "Wold", "Meadow", "Carr", "Heath", "Beck", "Oakfield" },
    { "Farm", "Veterinary Practice", "Estates", "Nurseries", "Equestrian Centre", "Kennels" },
    { "Animal Care", "Agriculture", "Horticulture" } },
  { "Business and Administration",
    { "Northgate", "Minster", "Humber", "Crown", "Quayside", "Pennine" },
    { "Business Services", "Office Solutions", "Associates", "Partnership", "Admin Hub", "Group" },
    { "Business", "Administration", "Management" } },
  { "Catering and Hospitality",
    { "Saltmarsh", "Harbour", "Keel and Anchor", "Old Mill", "Copper Pan", "Fig Tree" },
    { "Table", "Hotel", "Kitchen", "Bistro", "Inn", "Catering" },
    { "Professional Cookery", "Hospitality", "Food and Beverage Service" } },
  { "Care Services",
    { "Haven", "Riverside", "Ashgrove", "Willow", "Cedar", "Lighthouse" },
    { "Care Home", "Home Care", "Support Services", "Care Trust", "Day Centre", "Living" },
    { "Health and Social Care", "Adult Care", "Care Practice" } },
  { "Construction",
    { "Stonegate", "Ironbridge", "Keystone", "Redbrick", "Foundry", "Timberline" },
    { "Builders", "Construction", "Contractors", "Joinery", "Roofing", "Civil Engineering" },
    { "Carpentry", "Bricklaying", "Building Services" } },
  { "Creative and Design",
    { "Lantern", "Kite", "Marram", "Northlight", "Ochre", "Prism" },
    { "Studio", "Design", "Media", "Productions", "Creative", "Agency" },
    { "Media", "Art and Design", "Photography" } },
  { "Digital",
    { "Bytewise", "Cobalt", "Datum", "Signal", "Pixel", "Cloudline" },
    { "Software", "Digital", "Systems", "Networks", "Labs", "IT Services" },
    { "Computing", "Software Development", "Digital Support" } },
  { "Education and Childcare",
    { "Little Acorns", "Rainbow", "Bluebell", "Sunflower", "Early Steps", "Treetops" },
    { "Nursery", "Pre-School", "Childcare", "Primary School", "Kids Club", "Academy" },
    { "Early Years", "Childcare", "Education" } },
  { "Engineering and Manufacturing",
    { "Humber", "Precision", "Torque", "Anvil", "Forge", "Dynamo" },
    { "Engineering", "Manufacturing", "Fabrications", "Components", "Marine", "Motors" },
    { "Engineering", "Welding and Fabrication", "Motor Vehicle" } },
  { "Hair and Beauty",
    { "Velvet", "Serenity", "Glow", "Silk", "Luxe", "Bloom" },
    { "Salon", "Hair and Beauty", "Spa", "Barbers", "Studio", "Aesthetics" },
    { "Hairdressing", "Beauty Therapy", "Barbering" } },
  { "Health and Science",
    { "Castle Hill", "Wolds", "Estuary", "Northern", "Genome", "Beacon" },
    { "Pharmacy", "Laboratories", "Clinic", "Health Centre", "Dental Practice", "Hospital Trust" },
    { "Science", "Health", "Laboratory Science" } },
  { "Legal, Finance and Accounting",
    { "Fenwick", "Aldridge", "Marston", "Hargreaves", "Bellamy", "Whitcombe" },
    { "Solicitors", "Accountants", "Financial Planning", "and Co", "Legal",
      "Chartered Accountants" },
    { "Accounting", "Law", "Finance" } },
  { "Protective Services",
    { "Sentinel", "Guardian", "Shield", "Watchtower", "Vanguard", "Bastion" },
    { "Security", "Fire and Rescue", "Safety Services", "Response", "Protection", "Patrol" },
    { "Public Services", "Uniformed Services", "Protective Services" } },
  { "Sales, Marketing and Procurement",
    { "Marketplace", "Brightside", "Horizon", "Catalyst", "Momentum", "Apex" },
    { "Marketing", "Retail", "Sales", "Trading", "Supplies", "Wholesale" },
    { "Retail", "Marketing", "Sales" } },
  { "Transport and Logistics",
    { "Humber", "Portside", "Freightline", "Roadways", "Estuary", "Crossdock" },
    { "Logistics", "Haulage", "Freight", "Distribution", "Shipping", "Transport" },
    { "Logistics", "Warehousing", "Transport" } },
};

static const char * const job_titles[] = {
  "Lecturer in ", "Senior Lecturer in ", "Curriculum Manager, ", "Tutor in ",
  "Head of ", "Teacher of ", "Instructor, ", "Assessor, ",
};

static const char * const sizes[] = { "micro", "small", "small", "medium", "medium", "large" };
static const char * const relationships[] = { "prospect", "contacted", "warm", "host", "host",
                                              "lapsed" };
static const char * const notes[] = {
  "Prefers contact by email.", "Busy in the run-up to Christmas.",
  "Asked for a short visit first.", "Happy to host again, with notice.",
  "Can take two staff at once.", "Parking on site; sign in at reception.",
  "Contact is part-time, Tuesday to Thursday.", "Closed for stocktake in January.",
};

static const char * const placement_notes[] = {
  "Would like to see the new equipment in use.", "Interested in current industry practice.",
  "Wants ideas for a live brief with learners.", "Follow-up visit with learners planned.",
  "Shadowing the team leader.", "Focus on health and safety practice.",
};

typedef struct
{
  char  *name;
  guint  sector;
} Employer;

typedef struct
{
  char  *name;
  guint  sector;
} Staff;

/* A name not yet in @seen (which keeps a copy); transfer full. Staff are
 * looked up by name, so the generator never repeats one: after a few
 * tries it adds a middle initial, as people do. */
static char *
person_name (GHashTable *seen)
{
  for (guint attempt = 0;; attempt++)
    {
      char *name;

      if (attempt < 3)
        name = g_strdup_printf ("%s %s", ONE_OF (first_names), ONE_OF (last_names));
      else
        name = g_strdup_printf ("%s %c. %s", ONE_OF (first_names), 'A' + pick (26),
                                ONE_OF (last_names));

      if (!g_hash_table_contains (seen, name))
        {
          g_hash_table_add (seen, g_strdup (name));
          return name;
        }
      g_free (name);
    }
}

static char *
email_of (const char *name,
          const char *domain)
{
  GString *email = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    {
      if (g_ascii_isalpha (*p))
        g_string_append_c (email, g_ascii_tolower (*p));
      else if (*p == ' ' && email->len > 0 && email->str[email->len - 1] != '.')
        g_string_append_c (email, '.');
    }
  g_string_append_printf (email, "@%s", domain);
  return g_string_free (email, FALSE);
}

static char *
domain_of (const char *name)
{
  GString *domain = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (domain, g_ascii_tolower (*p));
      else if (*p == ' ' && domain->len > 0 && domain->str[domain->len - 1] != '-')
        g_string_append_c (domain, '-');
    }
  g_string_append (domain, ".example.co.uk");
  return g_string_free (domain, FALSE);
}

static char *
phone (void)
{
  /* Ofcom's numbers for drama: 01632 960000–960999. */
  return g_strdup_printf ("01632 960%03u", pick (1000));
}

static char *
weekdays (guint min, guint max)
{
  GString *days = g_string_new (NULL);
  static const char * const names[] = { "Mon", "Tue", "Wed", "Thu", "Fri" };
  guint n = min + pick (max - min + 1);
  guint mask = 0;

  while (__builtin_popcount (mask) < (int) n)
    mask |= 1u << pick (5);
  for (guint d = 0; d < 5; d++)
    if (mask & (1u << d))
      g_string_append_printf (days, "%s%s", days->len ? ";" : "", names[d]);
  return g_string_free (days, FALSE);
}

static gboolean
add_row (PlCsvWriter  *writer,
         const char  **cells,
         guint         n,
         GError      **error)
{
  for (guint i = 0; i < n; i++)
    pl_csv_writer_add (writer, cells[i]);
  return pl_csv_writer_end_record (writer, error);
}

static PlCsvWriter *
start_file (const char  *dir,
            const char  *name,
            const char  *header,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_auto(GStrv) columns = g_strsplit (header, ",", -1);
  PlCsvWriter *writer = pl_csv_writer_new (path, error);

  if (writer == NULL)
    return NULL;
  for (guint i = 0; columns[i] != NULL; i++)
    pl_csv_writer_add (writer, columns[i]);
  if (!pl_csv_writer_end_record (writer, error))
    {
      pl_csv_writer_free (writer);
      return NULL;
    }
  return writer;
}

static gboolean
write_partners (const char  *dir,
                GPtrArray   *partners,
                guint        n,
                GError     **error)
{
  g_autoptr(PlCsvWriter) writer = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char * const suffixes[] = { "College", "College", "Sixth Form College",
                                           "Training", "Academy", "University Centre" };

  writer = start_file (dir, "partners.csv",
                       "name,kind,region,status,contact_name,contact_email,contact_phone", error);
  if (writer == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *domain = NULL;
      g_autofree char *contact = NULL;
      g_autofree char *email = NULL;
      g_autofree char *tel = phone ();
      const char *cells[7];

      for (guint attempt = 0; name == NULL; attempt++)
        {
          char *candidate = attempt < 5
            ? g_strdup_printf ("%s %s", ONE_OF (towns), ONE_OF (suffixes))
            : g_strdup_printf ("%s %s %u", ONE_OF (towns), ONE_OF (suffixes), attempt);

          if (!g_hash_table_contains (seen, candidate))
            {
              g_hash_table_add (seen, g_strdup (candidate));
              name = candidate;
            }
          else
            g_free (candidate);
        }

      domain = domain_of (name);
      contact = person_name (people);
      email = email_of (contact, domain);
      cells[0] = name;
      cells[1] = ONE_OF (partner_kinds);
      cells[2] = ONE_OF (regions);
      cells[3] = "active";
      cells[4] = contact;
      cells[5] = email;
      cells[6] = tel;
      if (!add_row (writer, cells, G_N_ELEMENTS (cells), error))
        return FALSE;
      g_ptr_array_add (partners, g_strdup (name));
    }

  return pl_csv_writer_finish (writer, error);
}

static gboolean
write_staff (const char  *dir,
             GPtrArray   *partners,
             GArray      *staff,
             guint        n,
             GError     **error)
{
  g_autoptr(PlCsvWriter) writer = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  writer = start_file (dir, "staff.csv",
                       "name,partner,job_title,email,phone,sector,curriculum_area,"
                       "teaching_days,notes", error);
  if (writer == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *partner = partners->pdata[pick (partners->len)];
      guint sector = pick (G_N_ELEMENTS (sectors));
      const char *area = ONE_OF (sectors[sector].curriculum);
      g_autofree char *domain = domain_of (partner);
      g_autofree char *title = g_strconcat (ONE_OF (job_titles), area, NULL);
      g_autofree char *email = NULL;
      g_autofree char *tel = chance (40) ? phone () : NULL;
      g_autofree char *days = weekdays (2, 5);
      const char *cells[9];
      Staff member;

      member.name = person_name (seen);
      member.sector = sector;
      email = email_of (member.name, domain);

      cells[0] = member.name;
      cells[1] = partner;
      cells[2] = title;
      cells[3] = email;
      cells[4] = tel;
      cells[5] = sectors[sector].sector;
      cells[6] = area;
      cells[7] = days;
      cells[8] = chance (10) ? ONE_OF (placement_notes) : NULL;
      if (!add_row (writer, cells, G_N_ELEMENTS (cells), error))
        return FALSE;
      g_array_append_val (staff, member);
    }

  return pl_csv_writer_finish (writer, error);
}

static gboolean
write_employers (const char  *dir,
                 GArray      *employers,
                 guint        n,
                 GError     **error)
{
  g_autoptr(PlCsvWriter) writer = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  writer = start_file (dir, "employers.csv",
                       "name,sector,size,address,postcode,website,contact_name,contact_email,"
                       "contact_phone,relationship,capacity,notice_weeks,preferred_days,notes",
                       error);
  if (writer == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      guint sector = pick (G_N_ELEMENTS (sectors));
      const Sector *s = &sectors[sector];
      const char *town = ONE_OF (towns);
      g_autofree char *address = NULL;
      g_autofree char *postcode = NULL;
      g_autofree char *domain = NULL;
      g_autofree char *website = NULL;
      g_autofree char *contact = NULL;
      g_autofree char *email = NULL;
      g_autofree char *tel = phone ();
      g_autofree char *capacity = g_strdup_printf ("%u", 1 + pick (3));
      g_autofree char *notice = g_strdup_printf ("%u", 2 + pick (7));
      g_autofree char *days = weekdays (3, 5);
      const char *cells[14];
      Employer employer;

      employer.name = NULL;
      for (guint attempt = 0; employer.name == NULL; attempt++)
        {
          char *candidate;

          if (attempt < 2)
            candidate = g_strdup_printf ("%s %s", ONE_OF (s->employer_words),
                                         ONE_OF (s->employer_kinds));
          else if (attempt < 6)
            candidate = g_strdup_printf ("%s %s, %s", ONE_OF (s->employer_words),
                                         ONE_OF (s->employer_kinds), ONE_OF (towns));
          else
            candidate = g_strdup_printf ("%s %s %s, %s", ONE_OF (last_names),
                                         ONE_OF (s->employer_words),
                                         ONE_OF (s->employer_kinds), ONE_OF (towns));
          if (!g_hash_table_contains (seen, candidate))
            {
              g_hash_table_add (seen, g_strdup (candidate));
              employer.name = candidate;
            }
          else
            g_free (candidate);
        }
      employer.sector = sector;

      address = g_strdup_printf ("%u %s\n%s", 1 + pick (180), ONE_OF (streets), town);
      postcode = g_strdup_printf ("%s%u %u%c%c", ONE_OF (postcode_areas), 1 + pick (20),
                                  pick (10), 'A' + pick (26), 'A' + pick (26));
      domain = domain_of (employer.name);
      website = g_strdup_printf ("https://www.%s", domain);
      contact = person_name (people);
      email = email_of (contact, domain);

      cells[0] = employer.name;
      cells[1] = s->sector;
      cells[2] = ONE_OF (sizes);
      cells[3] = address;
      cells[4] = postcode;
      cells[5] = website;
      cells[6] = contact;
      cells[7] = email;
      cells[8] = tel;
      cells[9] = ONE_OF (relationships);
      cells[10] = capacity;
      cells[11] = notice;
      cells[12] = days;
      cells[13] = chance (25) ? ONE_OF (notes) : NULL;
      if (!add_row (writer, cells, G_N_ELEMENTS (cells), error))
        return FALSE;
      g_array_append_val (employers, employer);
    }

  return pl_csv_writer_finish (writer, error);
}

/* A working day (Monday to Friday, outside the summer holiday) within the
 * two academic years from 1 September 2025. */
static void
random_working_day (GDate *date)
{
  for (;;)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, 1, G_DATE_SEPTEMBER, 2025);
      g_date_add_days (date, pick (730));
      if (g_date_get_weekday (date) <= G_DATE_FRIDAY &&
          g_date_get_month (date) != G_DATE_AUGUST)
        return;
    }
}

static gboolean
write_placements (const char  *dir,
                  GArray      *staff,
                  GArray      *employers,
                  guint        n,
                  const GDate *today,
                  GError     **error)
{
  /* Before "today" placements have happened (or fell through), after it
   * they are being arranged. */
  static const char * const past[] = {
    "completed", "completed", "cascaded", "evaluated", "evaluated", "evaluated", "cancelled",
  };
  static const char * const future[] = {
    "request", "request", "request", "proposed", "agreed", "confirmed", "confirmed",
  };
  g_autoptr(PlCsvWriter) writer = NULL;
  GPtrArray *by_sector[G_N_ELEMENTS (sectors)];
  gboolean ok = FALSE;

  for (guint s = 0; s < G_N_ELEMENTS (sectors); s++)
    by_sector[s] = g_ptr_array_new ();
  for (guint i = 0; i < employers->len; i++)
    {
      Employer *e = &g_array_index (employers, Employer, i);
      g_ptr_array_add (by_sector[e->sector], e->name);
    }

  writer = start_file (dir, "placements.csv",
                       "staff,sector,employer,status,window_start,window_end,length,days,"
                       "standby,notes,cancel_reason", error);
  if (writer == NULL)
    goto out;

  for (guint i = 0; i < n; i++)
    {
      Staff *member = &g_array_index (staff, Staff, pick (staff->len));
      guint sector = chance (80) ? member->sector : pick (G_N_ELEMENTS (sectors));
      const char *status;
      guint length = 1 + pick (chance (70) ? 2 : 5);
      const char *employer = NULL;
      g_autofree char *window_start = NULL;
      g_autofree char *window_end = NULL;
      g_autofree char *length_text = NULL;
      g_autoptr(GString) days = g_string_new (NULL);
      g_autofree char *standby = NULL;
      const char *cells[11];
      GDate date;

      random_working_day (&date);
      status = g_date_compare (&date, today) < 0 ? ONE_OF (past) : ONE_OF (future);

      /* Nobody to host it in its sector yet: still a request. */
      if (by_sector[sector]->len == 0)
        status = "request";

      if (g_str_equal (status, "request"))
        {
          /* A window of four to ten weeks, no days yet. */
          window_start = pl_date_to_iso (&date);
          g_date_add_days (&date, 28 + pick (43));
          window_end = pl_date_to_iso (&date);
          if (chance (50) && by_sector[sector]->len > 0)
            employer = by_sector[sector]->pdata[pick (by_sector[sector]->len)];
        }
      else
        {
          if (by_sector[sector]->len > 0)
            employer = by_sector[sector]->pdata[pick (by_sector[sector]->len)];

          /* Consecutive working days. */
          for (guint d = 0; d < length; d++)
            {
              g_autofree char *iso = NULL;

              while (g_date_get_weekday (&date) > G_DATE_FRIDAY)
                g_date_add_days (&date, 1);
              iso = pl_date_to_iso (&date);
              g_string_append_printf (days, "%s%s", d ? ";" : "", iso);
              g_date_add_days (&date, 1);
            }
          if (chance (15))
            {
              g_date_add_days (&date, 7);
              while (g_date_get_weekday (&date) > G_DATE_FRIDAY)
                g_date_add_days (&date, 1);
              standby = pl_date_to_iso (&date);
            }
        }

      /* With days, the length is theirs; without, it is the days wanted. */
      length_text = days->len ? NULL : g_strdup_printf ("%u", length);

      cells[0] = member->name;
      cells[1] = sectors[sector].sector;
      cells[2] = employer;
      cells[3] = status;
      cells[4] = window_start;
      cells[5] = window_end;
      cells[6] = length_text;
      cells[7] = days->len ? days->str : NULL;
      cells[8] = standby;
      cells[9] = chance (20) ? ONE_OF (placement_notes) : NULL;
      cells[10] = g_str_equal (status, "cancelled") ? "The employer could no longer host." : NULL;
      if (!add_row (writer, cells, G_N_ELEMENTS (cells), error))
        goto out;
    }

  ok = pl_csv_writer_finish (writer, error);

out:
  for (guint s = 0; s < G_N_ELEMENTS (sectors); s++)
    g_ptr_array_unref (by_sector[s]);
  return ok;
}

static gboolean
import_all (const char  *dir,
            const char  *db,
            GError     **error)
{
  static const PlCsvKind order[] = { PL_CSV_PARTNERS, PL_CSV_STAFF, PL_CSV_EMPLOYERS,
                                     PL_CSV_PLACEMENTS };
  g_autoptr(PlStore) store = pl_store_open (db, error);

  if (store == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *name = g_strconcat (pl_csv_kind_to_string (order[i]), ".csv", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gint64 rows = 0;

      if (!pl_csv_import_file (store, order[i], path, NULL, NULL, NULL, &rows, NULL, error))
        return FALSE;
      g_print ("imported %" G_GINT64_FORMAT " %s\n", rows, pl_csv_kind_to_string (order[i]));
    }

  return TRUE;
}

static void
free_named (gpointer data)
{
  g_free (*(char **) data);
}

int
main (int   argc,
      char *argv[])
{
  gint64 n_placements = 1000, n_employers = 200, n_staff = 500, n_partners = 0, seed = 1;
  g_autofree char *out = NULL;
  g_autofree char *db = NULL;
  g_autofree char *today_text = NULL;
  GDate today;
  GOptionEntry entries[] = {
    { "placements", 0, 0, G_OPTION_ARG_INT64, &n_placements, "Placements to write", "N" },
    { "employers", 0, 0, G_OPTION_ARG_INT64, &n_employers, "Employers to write", "M" },
    { "staff", 0, 0, G_OPTION_ARG_INT64, &n_staff, "Staff to write", "K" },
    { "partners", 0, 0, G_OPTION_ARG_INT64, &n_partners, "Partners (default: staff / 400)", "P" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random numbers", "S" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      "Placements before it have happened (default 2026-11-22)", "DATE" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "Folder for the CSV files", "DIR" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Also import them into this database", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- generate network data");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) staff = g_array_new (FALSE, FALSE, sizeof (Staff));
  g_autoptr(GArray) employers = g_array_new (FALSE, FALSE, sizeof (Employer));

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("generate: %s\n", error->message);
      return 2;
    }
  if (out == NULL || n_placements < 0 || n_employers < 1 || n_staff < 1 || n_partners < 0)
    {
      g_printerr ("generate: give --out DIR, and at least one employer and staff member\n");
      return 2;
    }
  if (n_partners == 0)
    n_partners = MAX (4, n_staff / 400);
  /* A fixed default, not the clock: the same arguments give the same files. */
  if (!pl_date_parse (today_text ? today_text : "2026-11-22", &today))
    {
      g_printerr ("generate: --today needs a date (YYYY-MM-DD)\n");
      return 2;
    }

  g_array_set_clear_func (staff, free_named);
  g_array_set_clear_func (employers, free_named);
  rng_state = (guint64) seed;

  if (g_mkdir_with_parents (out, 0700) != 0)
    {
      g_printerr ("generate: cannot create %s\n", out);
      return 1;
    }

  if (!write_partners (out, partners, (guint) n_partners, &error) ||
      !write_staff (out, partners, staff, (guint) n_staff, &error) ||
      !write_employers (out, employers, (guint) n_employers, &error) ||
      !write_placements (out, staff, employers, (guint) n_placements, &today, &error))
    {
      g_printerr ("generate: %s\n", error->message);
      return 1;
    }

  g_print ("wrote %" G_GINT64_FORMAT " partners, %" G_GINT64_FORMAT " staff, %" G_GINT64_FORMAT
           " employers and %" G_GINT64_FORMAT " placements to %s\n",
           n_partners, n_staff, n_employers, n_placements, out);

  if (db != NULL && !import_all (out, db, &error))
    {
      g_printerr ("generate: %s\n", error->message);
      return 1;
    }

  return 0;
}
