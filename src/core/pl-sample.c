/* pl-sample.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-sample"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-sample.h"
#include "pl-lifecycle-private.h"
#include "pl-store-private.h"
#include "pl-terms.h"

/* The sample network is modelled on a published case study of teacher
 * industry placements. Its pilot year (the academic year before the one
 * holding "today") is entered as the individual records behind the figures
 * the case study reports, so that pl_stats_compute() finds them again; the
 * current year holds a pipeline of placements still being arranged.
 *
 * Nothing here names a calendar year. Pilot dates are a week number and a
 * weekday counted from the first Monday of the pilot year's September;
 * pipeline dates count days or weeks from today. Week 5 is therefore always
 * early October, weeks 7-8 hold the autumn half-term, weeks 15-17 Christmas,
 * weeks 18-20 January and weeks 23-24 the February half-term.
 *
 * The people and organisations are invented. */

/* Days of a week, as offsets from Monday and as weekday mask bits. */
enum { MON, TUE, WED, THU, FRI };

#define D_MON (1 << 0)
#define D_TUE (1 << 1)
#define D_WED (1 << 2)
#define D_THU (1 << 3)
#define D_FRI (1 << 4)
#define D_WEEK (D_MON | D_TUE | D_WED | D_THU | D_FRI)

#define NONE (-1)

/* A date given relative to the pilot year or to today. */
typedef enum
{
  AT_NONE,
  AT_PILOT,   /* n = week, weekday = offset from Monday */
  AT_TODAY,   /* n = days from today, moved back to a weekday */
} WhenBase;

typedef struct
{
  WhenBase base;
  int      n;
  int      weekday;
} When;

#define NEVER        { AT_NONE, 0, 0 }
#define PILOT(w, d)  { AT_PILOT, (w), (d) }
#define TODAY(n)     { AT_TODAY, (n), 0 }

/* Survey answers. */
#define AG "agree"
#define NE "neutral"
#define DI "disagree"
#define NA NULL

/* ------------------------------------------------------------------------
 * Partners
 */

enum
{
  PA_HUMBER,
  PA_HOLDERNESS,
  PA_DEARNESIDE,
  PA_BRIGHTPATH,
  N_PARTNERS
};

typedef struct
{
  const char *name;
  const char *kind;
  const char *region;
  gboolean    is_lead;
  When        withdrawn_on;
  const char *withdrawn_reason;
  const char *contact_name;
  const char *contact_email;
  const char *contact_phone;
  const char *notes;
} SamplePartner;

static const SamplePartner partners[N_PARTNERS] = {
  [PA_HUMBER] = {
    "Humber Estuary College", "college", "Yorkshire and the Humber", TRUE, NEVER, NULL,
    "Helen Barraclough", "helen.barraclough@humber-estuary.example.ac.uk", "01632 960101",
    "Lead partner: runs the network's meetings, keeps the employer log and writes the "
    "reports to the funder." },
  [PA_HOLDERNESS] = {
    "Holderness Coast College", "college", "East Riding of Yorkshire", FALSE, NEVER, NULL,
    "Catherine Moss", "catherine.moss@holderness-coast.example.ac.uk", "01632 960214",
    "Coastal and rural catchment; staff travel far, so placements near the main campus "
    "are preferred." },
  [PA_DEARNESIDE] = {
    "Dearneside College", "college", "South Yorkshire", FALSE, NEVER, NULL,
    "Andrew Kowalczyk", "andrew.kowalczyk@dearneside.example.ac.uk", "01632 960327",
    "Joined with several placements planned; staff shortages left time for one in the "
    "pilot year." },
  [PA_BRIGHTPATH] = {
    "Brightpath Training", "training_provider", "North Lincolnshire", FALSE, PILOT (9, FRI),
    "A change of ownership and a cut in contracts left no staff time for CPD placements.",
    "Martin Ellery", "martin.ellery@brightpath.example.co.uk", "01632 960488",
    "Private provider of apprenticeships in business and care." },
};

/* ------------------------------------------------------------------------
 * Staff
 */

enum
{
  /* Humber Estuary College */
  ST_MARGUERITE, ST_HAMISH, ST_PRIYA, ST_TOMASZ, ST_DECLAN, ST_ADEBAYO, ST_ZOFIA, ST_IMRAN,
  ST_BETH, ST_KIERAN, ST_JODIE, ST_NIAMH, ST_SAMIRA, ST_OWEN, ST_GRACE, ST_FAISAL, ST_KIRSTY,
  ST_HELEN, ST_MARCUS, ST_YUSUF, ST_NATALIE, ST_ELLIE, ST_KWAME, ST_ROSA, ST_TOBIAS,
  ST_FATIMA, ST_GWEN,
  /* Holderness Coast College */
  ST_AISHA, ST_CALLUM, ST_OLUSEGUN, ST_REBECCA, ST_LIAM, ST_CATHERINE, ST_DANIEL, ST_MEILING,
  ST_IAN, ST_NADIA,
  /* Dearneside College */
  ST_RHYS, ST_HOLLIE, ST_ANDREW, ST_SOFIA, ST_JAMAL, ST_CHLOE,
  /* Brightpath Training */
  ST_GEMMA, ST_RAVI,
  N_STAFF
};

typedef struct
{
  int         partner;
  const char *name;
  const char *job_title;
  const char *email;
  const char *phone;
  const char *sector;
  const char *curriculum_area;
  int         teaching_days;
  const char *notes;
} SampleStaff;

#define HU "@humber-estuary.example.ac.uk"
#define HO "@holderness-coast.example.ac.uk"
#define DE "@dearneside.example.ac.uk"
#define BR "@brightpath.example.co.uk"

static const SampleStaff staff[N_STAFF] = {
  [ST_MARGUERITE] = { PA_HUMBER, "Marguerite Okafor", "Lecturer in Professional Cookery",
                      "marguerite.okafor" HU, NULL, "Catering and Hospitality",
                      "Professional Cookery", D_MON | D_WED | D_THU,
                      "Runs the training restaurant kitchen." },
  [ST_HAMISH] = { PA_HUMBER, "Hamish Lindqvist", "Programme Leader, Level 3 Professional Cookery",
                  "hamish.lindqvist" HU, "01632 960115", "Catering and Hospitality",
                  "Professional Cookery", D_WED | D_THU | D_FRI, NULL },
  [ST_PRIYA] = { PA_HUMBER, "Priya Ramanathan", "Lecturer in Food and Beverage Service",
                 "priya.ramanathan" HU, NULL, "Catering and Hospitality", "Hospitality",
                 D_MON | D_TUE | D_THU, NULL },
  [ST_TOMASZ] = { PA_HUMBER, "Tomasz Nowak", "Curriculum Manager, Hospitality and Catering",
                  "tomasz.nowak" HU, "01632 960117", "Catering and Hospitality", "Hospitality",
                  D_MON | D_TUE | D_WED, NULL },
  [ST_DECLAN] = { PA_HUMBER, "Declan Fairweather", "Skills and Employability Trainer",
                  "declan.fairweather" HU, NULL, "Catering and Hospitality", "Hospitality",
                  D_MON | D_WED | D_FRI,
                  "Half teaching, half arranging work experience with employers." },
  [ST_ADEBAYO] = { PA_HUMBER, "Adebayo Clarke", "Lecturer in Media Production",
                   "adebayo.clarke" HU, NULL, "Creative and Design", "Media",
                   D_TUE | D_WED | D_THU, "Also teaches the creative media apprentices." },
  [ST_ZOFIA] = { PA_HUMBER, "Zofia Wiśniewska", "Lecturer in Graphic Design",
                 "zofia.wisniewska" HU, NULL, "Creative and Design", "Art and Design",
                 D_MON | D_TUE | D_WED | D_THU, NULL },
  [ST_IMRAN] = { PA_HUMBER, "Imran Siddiqui", "Lecturer in Computing", "imran.siddiqui" HU,
                 "01632 960121", "Digital", "Computing", 0,
                 "Timetable shared with Owen Pritchard, so any weekday can be covered." },
  [ST_BETH] = { PA_HUMBER, "Beth Harrington", "Course Leader, IT", "beth.harrington" HU, NULL,
                "Digital", "Computing", D_MON | D_TUE | D_WED, NULL },
  [ST_KIERAN] = { PA_HUMBER, "Kieran Ashworth", "Lecturer in Bricklaying",
                  "kieran.ashworth" HU, NULL, "Construction", "Construction Trades",
                  D_MON | D_TUE | D_WED | D_FRI, NULL },
  [ST_JODIE] = { PA_HUMBER, "Jodie Kaur", "Lecturer in Hairdressing and Barbering",
                 "jodie.kaur" HU, NULL, "Hair and Beauty", "Hair and Beauty",
                 D_WED | D_THU | D_FRI, NULL },
  [ST_NIAMH] = { PA_HUMBER, "Niamh Whitfield", "Lecturer in Engineering and CAD",
                 "niamh.whitfield" HU, NULL, "Engineering and Manufacturing", "Engineering",
                 D_MON | D_WED | D_THU, "Leads the college's Women into Engineering club." },
  [ST_SAMIRA] = { PA_HUMBER, "Samira Haddad", "Lecturer in Professional Cookery",
                  "samira.haddad" HU, NULL, "Catering and Hospitality", "Professional Cookery",
                  D_MON | D_TUE | D_WED | D_THU, NULL },
  [ST_OWEN] = { PA_HUMBER, "Owen Pritchard", "Lecturer in Computing", "owen.pritchard" HU, NULL,
                "Digital", "Computing", D_TUE | D_WED | D_THU | D_FRI, NULL },
  [ST_GRACE] = { PA_HUMBER, "Grace Mensah", "Lecturer in Creative Media", "grace.mensah" HU,
                 NULL, "Creative and Design", "Media", D_MON | D_TUE | D_THU, NULL },
  [ST_FAISAL] = { PA_HUMBER, "Faisal Rahman", "Lecturer in Hospitality Supervision",
                  "faisal.rahman" HU, NULL, "Catering and Hospitality", "Hospitality",
                  D_MON | D_TUE | D_WED, NULL },
  [ST_KIRSTY] = { PA_HUMBER, "Kirsty Doyle", "Lecturer in Carpentry and Joinery",
                  "kirsty.doyle" HU, NULL, "Construction", "Construction Trades",
                  D_MON | D_TUE | D_THU | D_FRI, NULL },
  [ST_HELEN] = { PA_HUMBER, "Helen Barraclough", "CPD and Quality Improvement Manager",
                 "helen.barraclough" HU, "01632 960101", NULL, "Quality", 0,
                 "Coordinates the network and owns most employer relationships." },
  [ST_MARCUS] = { PA_HUMBER, "Marcus Oyelaran", "Employer Engagement Coordinator",
                  "marcus.oyelaran" HU, "07700 900412", NULL, "Employer Engagement", 0, NULL },
  [ST_YUSUF] = { PA_HUMBER, "Yusuf Demir", "Lecturer in Cyber Security", "yusuf.demir" HU,
                 NULL, "Digital", "Computing", D_MON | D_TUE | D_WED, NULL },
  [ST_NATALIE] = { PA_HUMBER, "Natalie Brennan", "Lecturer in Health and Science",
                   "natalie.brennan" HU, NULL, "Health and Science", "Health and Science",
                   D_WED | D_THU | D_FRI, NULL },
  [ST_ELLIE] = { PA_HUMBER, "Ellie Fraser", "Lecturer in Patisserie", "ellie.fraser" HU, NULL,
                 "Catering and Hospitality", "Professional Cookery", D_MON | D_TUE | D_WED,
                 NULL },
  [ST_KWAME] = { PA_HUMBER, "Kwame Asante", "Lecturer in Mechanical Engineering",
                 "kwame.asante" HU, NULL, "Engineering and Manufacturing", "Engineering",
                 D_WED | D_THU, NULL },
  [ST_ROSA] = { PA_HUMBER, "Rosa Delgado", "Lecturer in Mathematics", "rosa.delgado" HU, NULL,
                NULL, "Maths", D_MON | D_TUE | D_WED | D_THU, NULL },
  [ST_TOBIAS] = { PA_HUMBER, "Tobias Green", "Lecturer in English", "tobias.green" HU, NULL,
                  NULL, "English", D_TUE | D_WED | D_THU | D_FRI, NULL },
  [ST_FATIMA] = { PA_HUMBER, "Fatima Noor", "ESOL Tutor", "fatima.noor" HU, NULL, NULL, "ESOL",
                  D_MON | D_TUE | D_WED, NULL },
  [ST_GWEN] = { PA_HUMBER, "Gwen Harper", "Additional Learning Support Coordinator",
                "gwen.harper" HU, NULL, NULL, "SEND", 0, NULL },

  [ST_AISHA] = { PA_HOLDERNESS, "Aisha Bello", "Lecturer, Professional Chef Diploma",
                 "aisha.bello" HO, NULL, "Catering and Hospitality", "Professional Cookery",
                 D_MON | D_TUE | D_THU, NULL },
  [ST_CALLUM] = { PA_HOLDERNESS, "Callum Pettersen", "Catering Team Leader",
                  "callum.pettersen" HO, "01632 960230", "Catering and Hospitality",
                  "Professional Cookery", D_MON | D_FRI,
                  "Worked as a sous chef for ten years before teaching." },
  [ST_OLUSEGUN] = { PA_HOLDERNESS, "Olusegun Adeyemi", "Lecturer in Software Development",
                    "olusegun.adeyemi" HO, NULL, "Digital", "Computing",
                    D_MON | D_TUE | D_THU | D_FRI, NULL },
  [ST_REBECCA] = { PA_HOLDERNESS, "Rebecca Thornton", "Lecturer in Hospitality",
                   "rebecca.thornton" HO, NULL, "Catering and Hospitality", "Hospitality",
                   D_TUE | D_WED | D_THU, NULL },
  [ST_LIAM] = { PA_HOLDERNESS, "Liam Oduya", "Lecturer in Food and Beverage Service",
                "liam.oduya" HO, NULL, "Catering and Hospitality", "Hospitality",
                D_MON | D_TUE | D_FRI, NULL },
  [ST_CATHERINE] = { PA_HOLDERNESS, "Catherine Moss", "Quality and Professional Development Lead",
                     "catherine.moss" HO, "01632 960214", NULL, "Quality", 0, NULL },
  [ST_DANIEL] = { PA_HOLDERNESS, "Daniel Okonkwo", "Lecturer in Plumbing and Heating",
                  "daniel.okonkwo" HO, NULL, "Construction", "Construction Trades",
                  D_MON | D_TUE | D_WED, NULL },
  [ST_MEILING] = { PA_HOLDERNESS, "Mei Ling Chan", "Lecturer in Games Design",
                   "meiling.chan" HO, NULL, "Creative and Design", "Art and Design",
                   D_TUE | D_WED | D_THU, NULL },
  [ST_IAN] = { PA_HOLDERNESS, "Ian McBride", "Lecturer in Mathematics", "ian.mcbride" HO, NULL,
               NULL, "Maths", D_MON | D_TUE | D_WED | D_THU, NULL },
  [ST_NADIA] = { PA_HOLDERNESS, "Nadia Farouk", "ESOL and English Tutor", "nadia.farouk" HO,
                 NULL, NULL, "ESOL", D_MON | D_TUE | D_WED, NULL },

  [ST_RHYS] = { PA_DEARNESIDE, "Rhys Mbeki", "Lecturer in Art and Design", "rhys.mbeki" DE,
                NULL, "Creative and Design", "Art and Design", D_WED | D_THU | D_FRI, NULL },
  [ST_HOLLIE] = { PA_DEARNESIDE, "Hollie Brooks", "Lecturer in Photography", "hollie.brooks" DE,
                  NULL, "Creative and Design", "Art and Design", D_MON | D_TUE | D_WED, NULL },
  [ST_ANDREW] = { PA_DEARNESIDE, "Andrew Kowalczyk", "Head of Teaching, Learning and Assessment",
                  "andrew.kowalczyk" DE, "01632 960327", NULL, "Quality", 0, NULL },
  [ST_SOFIA] = { PA_DEARNESIDE, "Sofia Marques", "Lecturer in Beauty Therapy",
                 "sofia.marques" DE, NULL, "Hair and Beauty", "Hair and Beauty",
                 D_THU | D_FRI, NULL },
  [ST_JAMAL] = { PA_DEARNESIDE, "Jamal Idris", "Lecturer in IT Networking", "jamal.idris" DE,
                 NULL, "Digital", "Computing", D_MON | D_TUE, NULL },
  [ST_CHLOE] = { PA_DEARNESIDE, "Chloe Adamson", "Maths and English Tutor",
                 "chloe.adamson" DE, NULL, NULL, "Maths and English", D_TUE | D_WED | D_THU,
                 NULL },

  [ST_GEMMA] = { PA_BRIGHTPATH, "Gemma Lowther", "Trainer-Assessor, Business Administration",
                 "gemma.lowther" BR, NULL, "Business and Administration",
                 "Business Administration", 0, NULL },
  [ST_RAVI] = { PA_BRIGHTPATH, "Ravi Chandra", "Trainer-Assessor, Adult Care",
                "ravi.chandra" BR, NULL, "Care Services", "Adult Care", 0, NULL },
};

/* ------------------------------------------------------------------------
 * Employers
 */

enum
{
  /* the ten hosts of the pilot year */
  EM_SALTMARSH, EM_KEEL, EM_NORTHGATE, EM_LANTERNFISH, EM_FOUNDRY, EM_ESTUARY, EM_PIXELWHARF,
  EM_BARROWBY, EM_SHARP, EM_WOLDS,
  /* the rest of the log */
  EM_VELVET, EM_MEADOWBANK, EM_FREIGHT, EM_GREENACRE, EM_KINGSWAY, EM_CARRSIDE, EM_BRIGHTWATER,
  EM_OLDMILL, EM_CLIFFSIDE,
  N_EMPLOYERS
};

typedef struct
{
  const char *name;
  const char *sector;
  const char *size;
  const char *address;
  const char *postcode;
  const char *website;
  const char *contact_name;
  const char *contact_email;
  const char *contact_phone;
  const char *relationship;
  int         owner;                  /* staff of the lead partner */
  int         do_not_contact_weeks;   /* from today; 0 for none */
  int         capacity;
  int         notice_weeks;
  int         preferred_days;
  const char *notes;
} SampleEmployer;

static const SampleEmployer employers[N_EMPLOYERS] = {
  [EM_SALTMARSH] = {
    "The Saltmarsh Table", "Catering and Hospitality", "small",
    "4 Harbour Row, Saltfleet Quay", "DN36 9QT", "https://saltmarsh-table.example.co.uk",
    "Oliver Brandt", "kitchen@saltmarsh-table.example.co.uk", "01632 960512", "host",
    ST_TOMASZ, 0, 1, 8, D_TUE | D_WED | D_THU,
    "Michelin-starred restaurant. Wants dates agreed well before the Christmas rush; the "
    "head chef hosts one lecturer at a time." },
  [EM_KEEL] = {
    "Keel and Anchor Hotel", "Catering and Hospitality", "medium",
    "Marine Parade, Cleethorpe Sands", "DN35 8XR", "https://keel-and-anchor.example.co.uk",
    "Sunita Varma", "events@keel-and-anchor.example.co.uk", "01632 960523", "host",
    ST_MARCUS, 0, 2, 4, D_WEEK,
    "Family-owned hotel with a busy restaurant; the owner is keen to recruit our leavers." },
  [EM_NORTHGATE] = {
    "Northgate Contract Catering", "Catering and Hospitality", "medium",
    "Unit 7, Northgate Trading Estate", "DN32 7LP", NULL,
    "Barbara Heald", "b.heald@northgate-catering.example.co.uk", "01632 960534", "host",
    ST_MARCUS, 0, 2, 2, D_WEEK,
    "Runs staff restaurants for local factories; practical and unfussy hosts." },
  [EM_LANTERNFISH] = {
    "Lanternfish Media", "Creative and Design", "micro",
    "The Smokehouse Studios, Fish Dock Road", "DN31 3NH", "https://lanternfish.example.co.uk",
    "Jonah Whitlock", "jonah@lanternfish.example.co.uk", "01632 960545", "host",
    ST_HELEN, 0, 1, 3, D_MON | D_TUE | D_FRI,
    "Three-person video and web studio; interested in work experience for learners." },
  [EM_FOUNDRY] = {
    "Foundry Lane Design", "Creative and Design", "small",
    "12 Foundry Lane", "S63 5DG", "https://foundrylane.example.co.uk",
    "Keisha Armitage", "studio@foundrylane.example.co.uk", "01632 960556", "host",
    ST_HELEN, 0, 1, 4, D_MON | D_TUE | D_WED, NULL },
  [EM_ESTUARY] = {
    "Estuary Data Systems", "Digital", "large",
    "Humber Point Business Park", "HU12 8FE", "https://estuary-data.example.com",
    "Graham Loftus", "graham.loftus@estuary-data.example.com", "01632 960567", "host",
    ST_MARCUS, 0, 3, 6, D_WEEK,
    "Software and data services for the energy sector; runs its own placement scheme." },
  [EM_PIXELWHARF] = {
    "Pixelwharf Software", "Digital", "small",
    "Second floor, 3 Wharf Street", "HU1 2BX", "https://pixelwharf.example.co.uk",
    "Anya Petrova", "hello@pixelwharf.example.co.uk", "01632 960578", "host",
    ST_HELEN, 0, 1, 2, D_WED | D_THU, NULL },
  [EM_BARROWBY] = {
    "Barrowby Builders", "Construction", "small",
    "Yard 2, Station Road, Barrowby", "DN40 3HE", NULL,
    "Stuart Pell", "office@barrowby-builders.example.co.uk", "07700 900581", "host",
    ST_MARCUS, 0, 2, 1, D_WEEK,
    "Builds small housing developments; the owner came to the dissemination event and wants "
    "apprentices." },
  [EM_SHARP] = {
    "Sharp and Co Barbers", "Hair and Beauty", "micro",
    "58 Victoria Street", "DN31 1BL", "https://sharpandco.example.co.uk",
    "Marco Bianchi", "marco@sharpandco.example.co.uk", "01632 960592", "host",
    ST_HELEN, 0, 1, 2, D_MON | D_TUE | D_WED, "Men's grooming; busiest on Fridays and Saturdays." },
  [EM_WOLDS] = {
    "Wolds Precision Engineering", "Engineering and Manufacturing", "medium",
    "Carr Lane Industrial Estate", "YO25 6QJ", "https://wolds-precision.example.co.uk",
    "Helen Ostrowski", "training@wolds-precision.example.co.uk", "01632 960603", "host",
    ST_MARCUS, 0, 2, 6, D_MON | D_TUE | D_WED | D_THU,
    "CNC machining and design office; closes for two weeks each summer." },

  [EM_VELVET] = {
    "Velvet Room Salon", "Hair and Beauty", "small",
    "21 Market Street", "S63 7AB", NULL,
    "Layla Hussain", "bookings@velvetroom.example.co.uk", "01632 960614", "warm",
    ST_HELEN, 0, 1, 3, D_MON | D_TUE | D_WED, NULL },
  [EM_MEADOWBANK] = {
    "Meadowbank Care Home", "Care Services", "medium",
    "Meadowbank Road", "DN33 2RR", NULL,
    "Joyce Pennington", "manager@meadowbank-care.example.co.uk", "01632 960625", "contacted",
    ST_HELEN, 0, 1, 6, D_WEEK,
    "Agreed to host a care trainer from Brightpath before the provider withdrew." },
  [EM_FREIGHT] = {
    "Humber Freight Logistics", "Transport and Logistics", "large",
    "Dock Gate 3, Port Road", "DN40 2LZ", "https://humberfreight.example.com",
    "Carl Dempsey", "c.dempsey@humberfreight.example.com", "01632 960636", "contacted",
    ST_MARCUS, 6, 3, 8, D_WEEK,
    "Peak season until the new year: asked us not to call before then." },
  [EM_GREENACRE] = {
    "Greenacre Farm Shop and Kitchen", "Agriculture, Environmental and Animal Care", "small",
    "Greenacre Farm, Low Lane", "LN11 0PQ", NULL,
    NULL, NULL, NULL, "prospect",
    ST_MARCUS, 0, 1, 4, D_WEEK, "Suggested by a catering learner who works there at weekends." },
  [EM_KINGSWAY] = {
    "Kingsway Accountancy", "Legal, Finance and Accounting", "small",
    "9 Kingsway", "DN34 5AA", "https://kingsway-accountancy.example.co.uk",
    "Priyanka Shah", "priyanka@kingsway-accountancy.example.co.uk", "01632 960658",
    "contacted", ST_HELEN, 0, 1, 4, D_TUE | D_WED | D_THU, NULL },
  [EM_CARRSIDE] = {
    "Carrside Civil Engineering", "Construction", "medium",
    "Carrside Depot, Ings Lane", "HU12 9TN", "https://carrside.example.co.uk",
    "Ewan Mackie", "ewan.mackie@carrside.example.co.uk", "01632 960669", "contacted",
    ST_MARCUS, 0, 2, 6, D_WEEK, NULL },
  [EM_BRIGHTWATER] = {
    "Brightwater Digital Agency", "Digital", "small",
    "The Old Chapel, Bridge Street", "HU17 8AB", "https://brightwater.example.co.uk",
    "Tess Ramsay", "tess@brightwater.example.co.uk", "01632 960670", "contacted",
    ST_HELEN, 0, 1, 3, D_MON | D_TUE | D_WED | D_THU, NULL },
  [EM_OLDMILL] = {
    "Old Mill Bakery", "Catering and Hospitality", "micro",
    "The Old Mill, Mill Lane", "LN8 3EF", NULL,
    "Stan Whitby", NULL, "01632 960681", "lapsed",
    ST_TOMASZ, 0, 1, 2, D_MON | D_TUE,
    "Hosted a bakery lecturer some years ago; the founder has since retired." },
  [EM_CLIFFSIDE] = {
    "Cliffside Spa Hotel", "Catering and Hospitality", "medium",
    "North Cliff Road", "YO15 2JG", "https://cliffside-spa.example.co.uk",
    "Darius Nkemelu", "darius@cliffside-spa.example.co.uk", "01632 960692", "contacted",
    ST_TOMASZ, 0, 2, 4, D_WEEK, NULL },
};

/* ------------------------------------------------------------------------
 * The pilot year's placements
 */

enum
{
  PP_MARGUERITE, PP_HAMISH, PP_PRIYA, PP_TOMASZ, PP_DECLAN, PP_AISHA, PP_CALLUM, PP_ADEBAYO,
  PP_ZOFIA, PP_RHYS, PP_IMRAN, PP_BETH, PP_OLUSEGUN, PP_KIERAN, PP_JODIE, PP_NIAMH,
  PP_GEMMA, PP_RAVI,
  N_PILOT
};

typedef struct
{
  int         staff;
  int         employer;
  const char *sector;
  const char *status;
  int         week;      /* pilot week of the first day; 0 for no days */
  int         weekday;
  int         length;    /* consecutive working days */
  guint       aims;
  const char *goals;
  const char *sector_priority;
  const char *equality_aims;
  const char *learned;
  const char *for_students;
  const char *for_colleagues;
  const char *notes;
} PilotPlacement;

#define CANCELLED_REASON "Partner withdrew from the network"

static const PilotPlacement pilot[N_PILOT] = {
  [PP_MARGUERITE] = {
    ST_MARGUERITE, EM_SALTMARSH, "Catering and Hospitality", "evaluated", 5, TUE, 1,
    PL_AIM_TEACHING | PL_AIM_CURRENT_PRACTICE | PL_AIM_EXPERTISE,
    "See how a starred kitchen plans, preps and plates a tasting menu, and bring back "
    "presentation ideas for the level 2 lunchtime menu in the training restaurant.",
    "Our learners rarely see fine dining from the inside, and what they cook should keep up "
    "with what the best kitchens serve now.",
    "Show learners that top kitchens recruit from every background, and widen the cuisines "
    "our menus draw on.",
    "Pan-Asian flavours are now everyday in high-end kitchens. The brigade times its mise en "
    "place to the minute and tastes every component before service.",
    "Level 2 learners design, cost and cook a lunchtime menu with an Asian influence, "
    "presented to the standard I saw on the pass.",
    "A plating demonstration for the kitchen team and a shared folder of the prep sheets the "
    "chef let me copy.",
    NULL },
  [PP_HAMISH] = {
    ST_HAMISH, EM_SALTMARSH, "Catering and Hospitality", "evaluated", 6, MON, 2,
    PL_AIM_TEACHING | PL_AIM_INDUSTRY_LINKS | PL_AIM_T_LEVELS | PL_AIM_EXPERTISE,
    "As a new programme leader, learn what a starred kitchen expects of a commis chef and "
    "what work placements for our level 3 learners could look like there.",
    "Professional cookery recruits well locally, but level 3 learners should aim higher than "
    "the kitchens they already know.",
    "Ask how the kitchen supports staff with different needs and working patterns, and share "
    "the answers with learners.",
    "Every plate is checked at the pass. New starters learn one section first and move on "
    "as soon as they are ready.",
    "Plating assessments now use the pass check from the placement; learners critique each "
    "other's plates against a photographed standard.",
    "Presented the kitchen's training ladder for new starters to the department; we are "
    "adapting it for first-year learners.",
    "The head chef offered a return visit for learners in the spring." },
  [PP_PRIYA] = {
    ST_PRIYA, EM_KEEL, "Catering and Hospitality", "evaluated", 9, WED, 1,
    PL_AIM_TEACHING | PL_AIM_IAG | PL_AIM_CURRENT_PRACTICE,
    "Follow front of house through lunch and dinner, watching how allergens are recorded and "
    "explained to guests.",
    "Food and beverage service is changing quickly: digital ordering, allergen law and what "
    "guests now expect at the table.",
    "Notice who works front of house and how the team handles language and culture, as a "
    "starting point for a discussion with learners.",
    "Allergens are tracked from the booking to the table with a code on the ticket. Staff walk "
    "guests to their table and talk them through each dish.",
    "The training restaurant records allergens at booking, and learners explain every dish "
    "instead of simply serving it.",
    "Shared the allergen tracking sheet with the service team at a briefing.",
    NULL },
  [PP_TOMASZ] = {
    ST_TOMASZ, EM_KEEL, "Catering and Hospitality", "evaluated", 11, THU, 1,
    PL_AIM_INDUSTRY_LINKS | PL_AIM_PLACEMENT_HOURS | PL_AIM_T_LEVELS,
    "Talk to the owner about recruitment, what she looks for in new starters, and whether the "
    "hotel would offer our learners work experience.",
    "Hospitality employers struggle to recruit; we need to know why our leavers are, or are "
    "not, what they are looking for.",
    "Ask how the hotel recruits and supports staff from many cultures, and what that brings "
    "to its menu and service.",
    "The owner values reliability and attitude above qualifications, and would take learners "
    "for work experience in the quieter months.",
    "Employability sessions include a trial shift modelled on the hotel's own; two learners "
    "have been offered work experience.",
    "Department meeting on the hotel's recruitment process; its managers will be invited to "
    "speak to learners.",
    NULL },
  [PP_DECLAN] = {
    ST_DECLAN, EM_NORTHGATE, "Catering and Hospitality", "completed", 19, TUE, 1,
    PL_AIM_IAG | PL_AIM_PLACEMENT_HOURS | PL_AIM_INDUSTRY_LINKS,
    "Spend time with a contract caterer's team to learn what they expect from new starters "
    "and open work experience for learners.",
    "Contract catering employs many of our leavers, yet learners hardly know it exists.",
    "Discuss the range of jobs and working patterns in contract catering, including part-time "
    "roles that suit learners with caring responsibilities.",
    "Contract catering offers regular hours and clear progression; the site manager would "
    "welcome learners for work experience.",
    "Planned: an employability session on careers in contract catering with a visit from the "
    "site manager.",
    "Planned: share the site manager's list of what she looks for in new starters.",
    NULL },
  [PP_AISHA] = {
    ST_AISHA, EM_NORTHGATE, "Catering and Hospitality", "cascaded", 12, WED, 1,
    PL_AIM_TEACHING | PL_AIM_CURRENT_PRACTICE,
    "Learn how a contract caterer cooks for large numbers safely and to a tight budget.",
    "Large-scale catering is a big local employer, while our curriculum concentrates on "
    "restaurant work.",
    "Bring back examples of menus designed around different dietary and cultural needs.",
    "Menus run on a four-week cycle of costed recipes; halal, vegan and allergen-free dishes "
    "are cooked in separate batches.",
    "Learners plan a costed cycle menu that meets a range of dietary and cultural needs.",
    "Showed the cycle-menu template to the catering team.",
    NULL },
  [PP_CALLUM] = {
    ST_CALLUM, EM_SALTMARSH, "Catering and Hospitality", "cascaded", 18, TUE, 3,
    PL_AIM_TEACHING | PL_AIM_INDUSTRY_LINKS | PL_AIM_CURRENT_PRACTICE | PL_AIM_EXPERTISE,
    "Work three services in a starred kitchen to see how restaurant kitchens have changed "
    "since I left industry.",
    "Level 3 learners need to know what the top of the industry looks like today.",
    "Understand how the kitchen accommodates different needs and shift patterns, and how "
    "varied its brigade is.",
    "Water baths, blast chillers and combi ovens are now standard. The brigade comes from "
    "many countries and the menu shows it.",
    "The training restaurant serves dishes inspired by the placement; level 3 learners use "
    "the combi oven in every practical.",
    "Ran a practical session on sous-vide cooking and rapid chilling for the catering team.",
    NULL },
  [PP_ADEBAYO] = {
    ST_ADEBAYO, EM_LANTERNFISH, "Creative and Design", "evaluated", 9, MON, 1,
    PL_AIM_IAG | PL_AIM_CURRENT_PRACTICE | PL_AIM_INDUSTRY_LINKS,
    "Shadow a small production company to understand how technology and convergence are "
    "changing design and media jobs.",
    "The creative sector is a priority of the local enterprise partnership, which wants more "
    "skills in digital production.",
    "Find out how small creative firms recruit and which routes in exist for learners "
    "without a degree.",
    "Three people handle video, web and social media for their clients; they hire on a "
    "portfolio and on how fast someone picks up new software.",
    "Apprentices interviewed me about the placement and used it as a case study in their "
    "assessment; careers talks now quote the firm's routes in.",
    "Shared the firm's software list and workflow with the media team.",
    NULL },
  [PP_ZOFIA] = {
    ST_ZOFIA, EM_LANTERNFISH, "Creative and Design", "cascaded", 13, FRI, 1,
    PL_AIM_TEACHING | PL_AIM_CURRENT_PRACTICE,
    "See how designers work with clients to a brief and a deadline.",
    "The sector moves fast and learners must understand the pace of client work.",
    "Show learners the range of people working in design and how flexible working opens "
    "the sector up.",
    "Briefs change daily; the studio keeps client feedback on a shared online board that the "
    "whole team sees at once.",
    "Graphic design learners work to briefs that change, with client feedback posted on a "
    "shared board.",
    "Demonstrated the shared-board workflow to a colleague in art and design.",
    NULL },
  [PP_RHYS] = {
    ST_RHYS, EM_FOUNDRY, "Creative and Design", "cascaded", 14, MON, 2,
    PL_AIM_TEACHING | PL_AIM_CURRENT_PRACTICE | PL_AIM_T_LEVELS,
    "Find out what a design studio expects from an entry-level designer, with the coming "
    "T Level in mind.",
    "Applications to creative courses are rising, and they need realistic progression routes "
    "to match.",
    "Use the studio's apprentices as role models for learners who do not yet see themselves "
    "in design.",
    "The studio values drawing by hand as much as software skill, and juniors present their "
    "own work to clients early on.",
    "Learners pitch their work to a mock client panel at the end of each project.",
    "Shared the studio's junior designer brief with a photography colleague.",
    NULL },
  [PP_IMRAN] = {
    ST_IMRAN, EM_ESTUARY, "Digital", "evaluated", 10, MON, 5,
    PL_AIM_TEACHING | PL_AIM_INDUSTRY_LINKS | PL_AIM_CURRENT_PRACTICE | PL_AIM_T_LEVELS
    | PL_AIM_EXPERTISE,
    "Spend a week in a development team to update my knowledge of professional practice, "
    "data protection and team tools ahead of the Digital T Level.",
    "Large employers in the region need digital skills in every department, and the T Level "
    "will need projects shaped by employers.",
    "See how a digital team works with colleagues of different backgrounds and abilities, "
    "and challenge learners' picture of who works in IT.",
    "Work runs in two-week sprints with code review; data protection shapes every design "
    "decision; the team collaborates online even when in the same room.",
    "The level 2 web project became a group project run in sprints, with data protection in "
    "the brief and online collaboration tools.",
    "Department session for the IT team on sprint planning and data protection.",
    "The only five-day placement of the pilot year." },
  [PP_BETH] = {
    ST_BETH, EM_ESTUARY, "Digital", "cascaded", 12, THU, 1,
    PL_AIM_IAG | PL_AIM_INDUSTRY_LINKS | PL_AIM_PLACEMENT_HOURS,
    "Talk to the company about work experience and industry placements for IT learners.",
    "IT learners need industry placements, and this is one of the largest digital employers "
    "in the area.",
    "Ask how the company attracts women and career changers into technical roles.",
    "The company runs a two-week placement scheme and would take two of our learners a year.",
    "Employability sessions describe realistic routes into further study and employment, "
    "using the company as an example.",
    "Briefed the IT team on the placement scheme.",
    NULL },
  [PP_OLUSEGUN] = {
    ST_OLUSEGUN, EM_PIXELWHARF, "Digital", "completed", 20, WED, 1,
    PL_AIM_TEACHING | PL_AIM_CURRENT_PRACTICE,
    "See how a small software company tests and releases its products.",
    "Software testing is a growing source of jobs in the area.",
    "Collect examples of careers in software that are not programming all day.",
    "Tests are automated and run on every change; the team is small, so everyone talks to "
    "customers.",
    "Planned: automated tests in the second-year programming project.",
    NULL,
    NULL },
  [PP_KIERAN] = {
    ST_KIERAN, EM_BARROWBY, "Construction", "evaluated", 6, THU, 1,
    PL_AIM_TEACHING | PL_AIM_INDUSTRY_LINKS | PL_AIM_PLACEMENT_HOURS
    | PL_AIM_CURRENT_PRACTICE,
    "Work on site with a local builder to see current materials and methods, and build a "
    "closer link between the firm and the college.",
    "Materials and methods on site keep changing; we must teach what is used now.",
    "Address the gender imbalance in construction by showing female learners the roles "
    "open to them.",
    "The site uses a moisture-resistant floor panel that also gives bricklayers a solid, "
    "safer platform to work from.",
    "The health and safety unit now covers the new flooring, and learners were seen to make "
    "good progress when observed.",
    "Talked the construction team through the site's materials and safety practice.",
    "Spent part of the day teaching the builder's own apprentices on site." },
  [PP_JODIE] = {
    ST_JODIE, EM_SHARP, "Hair and Beauty", "evaluated", 11, MON, 2,
    PL_AIM_TEACHING | PL_AIM_CURRENT_PRACTICE | PL_AIM_EXPERTISE,
    "Build my skills in men's grooming and see how a barbershop runs as a business.",
    "Men's grooming is the fastest-growing part of hairdressing locally.",
    "Add barbering so that the course appeals to male learners, and raise learners' "
    "ambitions to run a business of their own.",
    "Bookings, retail and social media matter as much as the chair; fades and beard work are "
    "in constant demand.",
    "A barbering module has been added, and learners plan a small salon business as part of "
    "the course.",
    "Demonstrated fade techniques to a colleague.",
    NULL },
  [PP_NIAMH] = {
    ST_NIAMH, EM_WOLDS, "Engineering and Manufacturing", "evaluated", 13, TUE, 1,
    PL_AIM_TEACHING | PL_AIM_IAG | PL_AIM_CURRENT_PRACTICE | PL_AIM_EXPERTISE,
    "Improve my CAD skills on the software the company uses, and find ways to bring more "
    "women into engineering.",
    "Engineering employers cannot fill design roles, and few of our applicants are women.",
    "Set tasks that let every learner start at the beginning and work at their own pace, and "
    "show female learners the roles open to them.",
    "The design office uses parametric 3D CAD; two of its five designers are women who "
    "started as apprentices.",
    "CAD tasks are set in tiers, so that everyone starts from the basics and moves on at "
    "their own pace.",
    "Shared the tiered CAD tasks with the engineering team.",
    NULL },
  [PP_GEMMA] = {
    ST_GEMMA, NONE, "Business and Administration", "cancelled", 0, 0, 1,
    PL_AIM_CURRENT_PRACTICE,
    "Spend a day in a busy office to update my knowledge of administration software.",
    NULL, NULL, NULL, NULL, NULL,
    CANCELLED_REASON },
  [PP_RAVI] = {
    ST_RAVI, EM_MEADOWBANK, "Care Services", "cancelled", 12, TUE, 1,
    PL_AIM_TEACHING | PL_AIM_CURRENT_PRACTICE,
    "Shadow the care team to see how care plans are written and reviewed today.",
    "Adult care apprentices need assessors who know current practice in homes.",
    NULL, NULL, NULL, NULL,
    CANCELLED_REASON },
};

/* Who the learning reached, and when. */
typedef struct
{
  int         placement;
  int         week;
  int         weekday;
  const char *audience;
  int         people;
  const char *notes;
} SampleCascade;

static const SampleCascade cascades[] = {
  { PP_MARGUERITE, 9, TUE, "colleagues", 3, "Plating demonstration in the training kitchen" },
  { PP_MARGUERITE, 10, MON, "students", 28, "Level 2 professional cookery" },
  { PP_HAMISH, 10, WED, "department", 4, "Catering department meeting" },
  { PP_HAMISH, 11, MON, "students", 32, "Level 3 professional cookery" },
  { PP_PRIYA, 11, TUE, "colleagues", 2, NULL },
  { PP_PRIYA, 10, THU, "students", 24, "Training restaurant service teams" },
  { PP_TOMASZ, 13, WED, "department", 5, NULL },
  { PP_TOMASZ, 12, MON, "students", 30, "Employability sessions" },
  { PP_AISHA, 14, MON, "colleagues", 2, NULL },
  { PP_AISHA, 13, THU, "students", 22, NULL },
  { PP_CALLUM, 21, WED, "colleagues", 3, "Practical session on sous-vide and chilling" },
  { PP_CALLUM, 20, FRI, "students", 26, NULL },
  { PP_ADEBAYO, 12, WED, "colleagues", 2, NULL },
  { PP_ADEBAYO, 11, WED, "students", 18, "Creative media apprentices" },
  { PP_ZOFIA, 14, THU, "colleagues", 1, NULL },
  { PP_ZOFIA, 18, TUE, "students", 16, NULL },
  { PP_RHYS, 18, WED, "colleagues", 2, NULL },
  { PP_RHYS, 19, MON, "students", 20, NULL },
  { PP_IMRAN, 13, MON, "department", 4, "IT team development session" },
  { PP_IMRAN, 11, THU, "students", 18, "Level 2 computing, group A" },
  { PP_IMRAN, 12, WED, "students", 16, "Level 2 computing, group B" },
  { PP_BETH, 14, WED, "colleagues", 2, NULL },
  { PP_BETH, 13, MON, "students", 25, NULL },
  { PP_KIERAN, 9, TUE, "colleagues", 2, NULL },
  { PP_KIERAN, 9, THU, "students", 27, NULL },
  { PP_KIERAN, 10, TUE, "other", 4, "The builder's apprentices, on a return visit to the site" },
  { PP_JODIE, 14, TUE, "colleagues", 1, NULL },
  { PP_JODIE, 12, WED, "students", 21, NULL },
  { PP_NIAMH, 18, TUE, "colleagues", 2, NULL },
  { PP_NIAMH, 14, TUE, "students", 33, "Includes the Women into Engineering club" },
};

/* ------------------------------------------------------------------------
 * Lesson observations: the placement staff and the colleagues their
 * learning reached, before and after. Ratings run from 1 (outstanding) to
 * 4 (inadequate); NR means the criterion was not rated. Several people were
 * observed twice on one side, so that "last before" and "first after" are
 * not the only rows.
 */

enum
{
  OB_WHITAKER, OB_GILL, OB_OAKES, OB_LOPES, OB_NWOSU,
  N_OBSERVERS
};

static const struct
{
  const char *name;
  gboolean    independent;
} observers[N_OBSERVERS] = {
  [OB_WHITAKER] = { "Joan Whitaker", TRUE },
  [OB_GILL] = { "Ravinder Gill", TRUE },
  [OB_OAKES] = { "Stephen Oakes", TRUE },
  [OB_LOPES] = { "Maria Lopes", TRUE },
  [OB_NWOSU] = { "Patrick Nwosu", FALSE },
};

typedef struct
{
  int         staff;
  int         placement;
  const char *phase;
  int         week;
  int         weekday;
  int         observer;
  gint8       ratings[6];    /* in the order of pl_criteria */
  int         progressed;
} SampleObservation;

#define NR 0

static const SampleObservation observations[] = {
  { ST_MARGUERITE, PP_MARGUERITE, "before",  2, THU, OB_OAKES,    { 3, 3, 1, 2, 2, 1 }, 1 },
  { ST_MARGUERITE, PP_MARGUERITE, "after",  19, WED, OB_NWOSU,    { 1, 3, 1, 1, 1, 1 }, 1 },
  { ST_HAMISH,     PP_HAMISH,     "before",  1, THU, OB_NWOSU,    { 3, 2, 2, 2, 2, 3 }, 1 },
  { ST_HAMISH,     PP_HAMISH,     "before",  4, WED, OB_OAKES,    { 2, 2, 3, 1, 2, 3 }, 0 },
  { ST_HAMISH,     PP_HAMISH,     "after",  20, TUE, OB_LOPES,    { 2, 2, 2, 1, 1, 3 }, 1 },
  { ST_PRIYA,      PP_PRIYA,      "before",  3, WED, OB_NWOSU,    { 2, 2, 1, 4, 1, 3 }, 0 },
  { ST_PRIYA,      PP_PRIYA,      "after",  18, TUE, OB_NWOSU,    { 2, 3, 1, 3, 1, 2 }, 1 },
  { ST_TOMASZ,     PP_TOMASZ,     "before",  2, WED, OB_GILL,     { 3, 4, 2, 1, 3, 1 }, 1 },
  { ST_TOMASZ,     PP_TOMASZ,     "before",  5, WED, OB_NWOSU,    { 3, 3, 2, 1, 3, 1 }, 1 },
  { ST_TOMASZ,     PP_TOMASZ,     "after",  21, MON, OB_WHITAKER, { 2, 3, 2, 1, 2, 1 }, 1 },
  { ST_DECLAN,     PP_DECLAN,     "before",  4, WED, OB_GILL,     { 3, 3, 3, 3, 2, 2 }, 1 },
  { ST_DECLAN,     PP_DECLAN,     "after",  22, WED, OB_NWOSU,    { 3, 3, 2, 3, 2, 1 }, 1 },
  { ST_DECLAN,     PP_DECLAN,     "after",  26, THU, OB_LOPES,    { 3, 3, 2, 2, 2, 1 }, 0 },
  { ST_AISHA,      PP_AISHA,      "before",  3, WED, OB_LOPES,    { 3, 2, 3, 4, 1, 3 }, 0 },
  { ST_AISHA,      PP_AISHA,      "after",  19, MON, OB_NWOSU,    { 3, 2, 3, 2, 1, 2 }, 1 },
  { ST_AISHA,      PP_AISHA,      "after",  25, THU, OB_WHITAKER, { 3, 1, 3, 2, 1, 2 }, 1 },
  { ST_CALLUM,     PP_CALLUM,     "before",  5, FRI, OB_LOPES,    { NR, 3, 3, 1, 2, 2 }, 1 },
  { ST_CALLUM,     PP_CALLUM,     "after",  21, TUE, OB_NWOSU,    { 1, 3, 3, 1, 1, 2 }, 1 },
  { ST_ADEBAYO,    PP_ADEBAYO,    "before",  1, WED, OB_OAKES,    { 2, 4, 3, 1, 1, 3 }, 1 },
  { ST_ADEBAYO,    PP_ADEBAYO,    "after",  18, FRI, OB_NWOSU,    { 2, 3, 3, 1, 1, 2 }, 1 },
  { ST_ZOFIA,      PP_ZOFIA,      "before",  2, MON, OB_GILL,     { 1, 4, 4, 2, 3, 2 }, 1 },
  { ST_ZOFIA,      PP_ZOFIA,      "before",  6, TUE, OB_WHITAKER, { 1, 3, 3, 1, 2, 2 }, 0 },
  { ST_ZOFIA,      PP_ZOFIA,      "after",  20, TUE, OB_NWOSU,    { 1, 2, 2, 1, 2, 2 }, 1 },
  { ST_RHYS,       PP_RHYS,       "before",  4, TUE, OB_GILL,     { 3, 2, 2, 3, 3, 3 }, 1 },
  { ST_RHYS,       PP_RHYS,       "after",  22, MON, OB_NWOSU,    { 3, 1, 2, 2, 3, 3 }, 1 },
  { ST_IMRAN,      PP_IMRAN,      "before",  3, TUE, OB_LOPES,    { 2, 2, 3, 2, 3, 2 }, 1 },
  { ST_IMRAN,      PP_IMRAN,      "after",  19, WED, OB_NWOSU,    { 1, 1, NR, 2, 3, 2 }, 1 },
  { ST_BETH,       PP_BETH,       "before",  5, THU, OB_LOPES,    { 3, 3, 3, 2, 2, 2 }, 0 },
  { ST_BETH,       PP_BETH,       "after",  21, FRI, OB_NWOSU,    { 3, 2, 3, 2, 2, 1 }, 1 },
  { ST_OLUSEGUN,   PP_OLUSEGUN,   "before",  6, FRI, OB_OAKES,    { 2, 2, 2, 2, 3, 3 }, 1 },
  { ST_OLUSEGUN,   PP_OLUSEGUN,   "after",  25, THU, OB_GILL,     { 2, 1, 2, 2, 3, 2 }, 1 },
  { ST_OLUSEGUN,   PP_OLUSEGUN,   "after",  27, FRI, OB_LOPES,    { 2, 1, 2, 2, 2, 2 }, 1 },
  { ST_KIERAN,     PP_KIERAN,     "before",  2, WED, OB_GILL,     { 4, 2, 1, 2, 4, 3 }, 1 },
  { ST_KIERAN,     PP_KIERAN,     "after",  18, MON, OB_OAKES,    { 3, 2, 1, 1, 3, 3 }, 1 },
  { ST_JODIE,      PP_JODIE,      "before",  4, FRI, OB_GILL,     { 3, 1, 2, 1, 3, 2 }, 1 },
  { ST_JODIE,      PP_JODIE,      "after",  20, TUE, OB_OAKES,    { 3, 1, 1, 1, 2, 2 }, 1 },
  { ST_NIAMH,      PP_NIAMH,      "before",  3, FRI, OB_LOPES,    { 2, 2, 1, 1, 2, 4 }, 1 },
  { ST_NIAMH,      PP_NIAMH,      "after",  22, THU, OB_OAKES,    { 2, 1, 1, 1, 1, 2 }, 1 },
  { ST_SAMIRA,     PP_MARGUERITE, "before",  1, MON, OB_NWOSU,    { 1, 1, 3, 2, 2, 3 }, 1 },
  { ST_SAMIRA,     PP_MARGUERITE, "after",  21, THU, OB_NWOSU,    { 1, 1, 2, 2, 2, 2 }, 1 },
  { ST_OWEN,       PP_IMRAN,      "before",  2, WED, OB_LOPES,    { 3, 4, 4, 3, 3, 3 }, 1 },
  { ST_OWEN,       PP_IMRAN,      "before",  6, THU, OB_OAKES,    { 2, 3, 3, 2, 2, 2 }, 0 },
  { ST_OWEN,       PP_IMRAN,      "after",  22, FRI, OB_LOPES,    { 1, 3, 3, 2, 1, 2 }, 1 },
  { ST_GRACE,      PP_ADEBAYO,    "before",  4, WED, OB_LOPES,    { 1, 3, 2, 2, 1, 2 }, 1 },
  { ST_GRACE,      PP_ADEBAYO,    "after",  19, THU, OB_LOPES,    { 1, 1, 2, 2, 1, 2 }, 1 },
  { ST_FAISAL,     PP_TOMASZ,     "before",  5, MON, OB_OAKES,    { 1, 2, 3, 3, 2, 4 }, 0 },
  { ST_FAISAL,     PP_TOMASZ,     "after",  25, THU, OB_OAKES,    { 1, 2, 3, 2, 2, 2 }, 1 },
  { ST_FAISAL,     PP_TOMASZ,     "after",  28, WED, OB_WHITAKER, { 1, 2, 2, 2, 2, 2 }, 1 },
  { ST_KIRSTY,     PP_KIERAN,     "before",  3, THU, OB_LOPES,    { 3, 3, 3, 2, 2, 3 }, 1 },
  { ST_KIRSTY,     PP_KIERAN,     "after",  20, WED, OB_WHITAKER, { 3, 2, 3, 2, 1, NR }, 1 },
  { ST_REBECCA,    PP_CALLUM,     "before",  6, TUE, OB_NWOSU,    { 3, 2, 3, 2, 3, 2 }, 1 },
  { ST_REBECCA,    PP_CALLUM,     "after",  26, WED, OB_NWOSU,    { 3, 2, 2, 2, 3, 2 }, 1 },
  { ST_LIAM,       PP_AISHA,      "before",  1, THU, OB_OAKES,    { 1, NR, 2, 2, 2, 3 }, 1 },
  { ST_LIAM,       PP_AISHA,      "after",  25, WED, OB_GILL,     { 1, NR, 2, 1, 2, 2 }, 1 },
  { ST_HOLLIE,     PP_RHYS,       "before",  5, TUE, OB_NWOSU,    { 1, 3, 2, 1, 2, 2 }, 1 },
  { ST_HOLLIE,     PP_RHYS,       "after",  26, TUE, OB_WHITAKER, { 1, 3, 2, 1, 1, 2 }, 1 },
};

#undef NR

/* ------------------------------------------------------------------------
 * Surveys. Each row stands for @count identical responses, given on
 * consecutive weekdays from the date. Student responses are linked to the
 * placement whose teacher taught them, to a teacher the learning reached,
 * or to nobody.
 */

typedef struct
{
  int         placement;
  int         staff;       /* when there is no placement */
  int         week;
  int         count;
  const char *answers[4];  /* in the order of pl_student_questions */
} StudentSurvey;

static const StudentSurvey student_survey[] = {
  { PP_MARGUERITE, NONE, 22, 5, { AG, AG, AG, AG } },
  { PP_HAMISH, NONE, 22, 5, { AG, AG, AG, AG } },
  { PP_HAMISH, NONE, 22, 1, { AG, AG, AG, NE } },
  { PP_PRIYA, NONE, 25, 5, { AG, AG, AG, AG } },
  { PP_TOMASZ, NONE, 25, 5, { AG, AG, AG, AG } },
  { PP_AISHA, NONE, 26, 1, { NE, AG, AG, AG } },
  { PP_CALLUM, NONE, 27, 1, { NE, NE, AG, NE } },
  { PP_ADEBAYO, NONE, 25, 5, { AG, AG, AG, AG } },
  { PP_ZOFIA, NONE, 26, 1, { AG, NE, NE, AG } },
  { PP_RHYS, NONE, 27, 1, { AG, NE, AG, NE } },
  { PP_IMRAN, NONE, 22, 5, { AG, AG, AG, AG } },
  { PP_IMRAN, NONE, 26, 1, { AG, AG, AG, NA } },
  { PP_BETH, NONE, 26, 5, { AG, AG, AG, AG } },
  { PP_KIERAN, NONE, 22, 5, { AG, AG, AG, AG } },
  { PP_JODIE, NONE, 25, 5, { AG, AG, AG, AG } },
  { PP_NIAMH, NONE, 27, 5, { AG, AG, AG, AG } },
  { NONE, ST_SAMIRA, 28, 5, { AG, AG, AG, AG } },
  { NONE, NONE, 30, 10, { AG, AG, AG, AG } },
  { NONE, NONE, 31, 1, { DI, DI, DI, AG } },
  { NONE, NONE, 31, 1, { AG, DI, AG, DI } },
};

typedef struct
{
  int         employer;
  int         placement;
  int         week;
  int         count;
  const char *answers[3];  /* in the order of pl_employer_questions */
} EmployerSurvey;

/* The unlinked responses came from the employer engagement event. */
static const EmployerSurvey employer_survey[] = {
  { EM_SALTMARSH, PP_MARGUERITE, 22, 1, { AG, AG, AG } },
  { EM_KEEL, PP_PRIYA, 22, 1, { NE, AG, AG } },
  { EM_NORTHGATE, PP_DECLAN, 25, 1, { AG, AG, AG } },
  { EM_LANTERNFISH, PP_ADEBAYO, 22, 1, { AG, AG, NE } },
  { EM_FOUNDRY, PP_RHYS, 25, 1, { AG, AG, AG } },
  { EM_ESTUARY, PP_IMRAN, 22, 1, { AG, AG, AG } },
  { EM_PIXELWHARF, PP_OLUSEGUN, 26, 1, { AG, AG, AG } },
  { EM_BARROWBY, PP_KIERAN, 22, 1, { AG, AG, AG } },
  { EM_SHARP, PP_JODIE, 25, 1, { AG, AG, AG } },
  { EM_WOLDS, PP_NIAMH, 25, 1, { AG, AG, AG } },
  { NONE, NONE, 30, 11, { AG, AG, AG } },
  { NONE, NONE, 30, 1, { NE, AG, AG } },
  { NONE, NONE, 30, 1, { DI, AG, AG } },
};

/* ------------------------------------------------------------------------
 * The current year's pipeline, relative to today
 */

enum
{
  PQ_YUSUF, PQ_NATALIE, PQ_MEILING, PQ_DANIEL, PQ_SOFIA, PQ_ELLIE, PQ_KWAME, PQ_JAMAL,
  N_PIPELINE
};

typedef struct
{
  int         staff;
  int         employer;
  const char *sector;
  const char *status;
  int         start_weeks;   /* first day at least this many weeks ahead; 0 for no days */
  gboolean    spring;        /* and not before the spring term's second week */
  int         length;
  int         window_from;   /* window in weeks from today; 0 for none */
  int         window_to;
  int         created;       /* days ago each step was reached; 0 when not */
  int         proposed;
  int         agreed;
  int         confirmed;
  guint       aims;
  const char *goals;
  const char *sector_priority;
  const char *equality_aims;
} PipelinePlacement;

static const PipelinePlacement pipeline[N_PIPELINE] = {
  [PQ_YUSUF] = { ST_YUSUF, NONE, "Digital", "request", 0, FALSE, 1, 0, 0, 10, 0, 0, 0, 0,
                 NULL, NULL, NULL },
  [PQ_NATALIE] = { ST_NATALIE, NONE, "Health and Science", "request", 0, FALSE, 1, 0, 0,
                   3, 0, 0, 0, 0, NULL, NULL, NULL },
  [PQ_MEILING] = { ST_MEILING, NONE, "Creative and Design", "request", 0, FALSE, 2, 8, 16,
                   21, 0, 0, 0, PL_AIM_CURRENT_PRACTICE | PL_AIM_T_LEVELS,
                   "Spend two days with a games or animation studio.", NULL, NULL },
  [PQ_DANIEL] = { ST_DANIEL, EM_BARROWBY, "Construction", "proposed", 7, FALSE, 1, 0, 0,
                  30, 20, 0, 0, PL_AIM_TEACHING | PL_AIM_CURRENT_PRACTICE,
                  "See modern plumbing and heating installations on a new housing site, "
                  "including heat pumps.",
                  "Low-carbon heating is changing the plumbing trade faster than our schemes "
                  "of work.",
                  NULL },
  [PQ_SOFIA] = { ST_SOFIA, EM_VELVET, "Hair and Beauty", "proposed", 10, FALSE, 2, 0, 0,
                 40, 25, 0, 0, PL_AIM_EXPERTISE | PL_AIM_CURRENT_PRACTICE,
                 "Update my skills in the newest skin treatments and see how the salon "
                 "markets them online.",
                 "Clients expect treatments our course does not yet cover.",
                 "Discuss with learners how salons serve clients of every skin type and "
                 "gender." },
  [PQ_ELLIE] = { ST_ELLIE, EM_KEEL, "Catering and Hospitality", "agreed", 6, FALSE, 1, 0, 0,
                 60, 45, 6, 0,
                 PL_AIM_TEACHING | PL_AIM_CURRENT_PRACTICE | PL_AIM_EXPERTISE,
                 "Work a day with the hotel's pastry section to update my patisserie "
                 "techniques.",
                 "Patisserie is where learners most often ask about trends we do not teach.",
                 "Show learners that the hotel's pastry team is led by a woman who trained "
                 "at a college like ours." },
  [PQ_KWAME] = { ST_KWAME, EM_WOLDS, "Engineering and Manufacturing", "confirmed", 3, TRUE, 2,
                 0, 0, 110, 90, 60, 20,
                 PL_AIM_TEACHING | PL_AIM_INDUSTRY_LINKS | PL_AIM_T_LEVELS,
                 "Spend two days on the shop floor learning how the CNC cells are programmed "
                 "and maintained.",
                 "The Engineering T Level needs projects drawn from real production.",
                 "Follow up last year's placement by meeting the company's female apprentices "
                 "and inviting them to speak to learners." },
  [PQ_JAMAL] = { ST_JAMAL, EM_ESTUARY, "Digital", "confirmed", 4, TRUE, 1, 0, 0,
                 100, 80, 50, 14, PL_AIM_CURRENT_PRACTICE | PL_AIM_T_LEVELS,
                 "Shadow the network team during a planned infrastructure upgrade.",
                 "Networking learners need to see how change is planned and rolled back in "
                 "a live system.",
                 "Ask how the company supports staff who are neurodivergent, a question "
                 "several learners have raised." },
};

/* Observations before a coming placement: these staff have not been
 * observed after, so the figures leave them out. */
static const struct
{
  int staff;
  int placement;
  int days_ago;
  int observer;
  gint8 ratings[6];
} pipeline_observations[] = {
  { ST_ELLIE, PQ_ELLIE, 16, OB_GILL, { 2, 3, 2, 2, 3, 2 } },
  { ST_KWAME, PQ_KWAME, 9, OB_OAKES, { 3, 3, 2, 3, 3, 3 } },
};

/* ------------------------------------------------------------------------
 * The employer log and documents
 */

typedef struct
{
  int         employer;
  int         staff;
  When        date;
  const char *channel;
  const char *summary;
  When        follow_up;
} SampleContact;

static const SampleContact contacts[] = {
  { EM_SALTMARSH, ST_MARCUS, PILOT (-8, TUE), "call",
    "Called the head chef about hosting two cookery lecturers in the autumn. Interested, but "
    "only before the Christmas rush.", PILOT (-6, TUE) },
  { EM_SALTMARSH, ST_TOMASZ, PILOT (-6, TUE), "visit",
    "Visited the kitchen; October dates pencilled in for Marguerite and Hamish.", NEVER },
  { EM_SALTMARSH, ST_CALLUM, PILOT (12, WED), "email",
    "Asked for three January days for Holderness; the chef agreed once the busy season is "
    "over.", NEVER },
  { EM_KEEL, ST_MARCUS, PILOT (-3, MON), "call",
    "The owner will host front-of-house and management placements; wants to talk "
    "recruitment.", NEVER },
  { EM_NORTHGATE, ST_DECLAN, PILOT (0, WED), "call",
    "Site manager happy to host; any weekday, two weeks' notice.", NEVER },
  { EM_LANTERNFISH, ST_HELEN, PILOT (1, THU), "email",
    "Director agreed to host two lecturers; asks about work experience for learners in "
    "return.", NEVER },
  { EM_FOUNDRY, ST_RHYS, PILOT (3, TUE), "call", "Studio agreed to two days in December.",
    NEVER },
  { EM_ESTUARY, ST_MARCUS, PILOT (-2, WED), "event",
    "Met the development manager at a chamber of commerce breakfast; they want input into "
    "the Digital T Level.", PILOT (0, MON) },
  { EM_ESTUARY, ST_IMRAN, PILOT (1, MON), "visit", "Agreed a full week with the development "
    "team in November.", NEVER },
  { EM_PIXELWHARF, ST_OLUSEGUN, PILOT (8, TUE), "call", "One day in January agreed.", NEVER },
  { EM_BARROWBY, ST_KIERAN, PILOT (0, FRI), "call",
    "The owner will show a lecturer round the new site and would like help with his "
    "apprentices.", NEVER },
  { EM_SHARP, ST_JODIE, PILOT (2, MON), "visit", "Two days agreed in November.", NEVER },
  { EM_WOLDS, ST_NIAMH, PILOT (1, TUE), "email",
    "Training manager agreed a day in the design office.", NEVER },
  { EM_MEADOWBANK, ST_HELEN, PILOT (11, FRI), "letter",
    "Wrote to explain that Brightpath has withdrawn and the placement will not go ahead.",
    NEVER },
  { EM_OLDMILL, ST_TOMASZ, PILOT (-30, TUE), "call",
    "The founder has retired; the new owners are not taking visitors for now.", NEVER },

  { EM_KEEL, ST_MARCUS, TODAY (-45), "call",
    "Asked about a pastry placement for Ellie Fraser; the owner is keen.", NEVER },
  { EM_KEEL, ST_ELLIE, TODAY (-6), "email", "Signed agreement received for Ellie's day.",
    NEVER },
  { EM_BARROWBY, ST_MARCUS, TODAY (-20), "call",
    "Offered a day on the new housing site for Daniel Okonkwo; the site manager will confirm "
    "the date.", TODAY (9) },
  { EM_VELVET, ST_HELEN, TODAY (-25), "visit",
    "Visited the salon; the owner will host a beauty therapy lecturer for two days.",
    TODAY (5) },
  { EM_WOLDS, ST_MARCUS, TODAY (-50), "call", "Asked about a return visit for an engineering "
    "lecturer; two days offered.", NEVER },
  { EM_WOLDS, ST_KWAME, TODAY (-21), "email",
    "Confirmed Kwame's two days and sent the induction checklist.", NEVER },
  { EM_ESTUARY, ST_MARCUS, TODAY (-35), "event", "Caught up with the development manager at "
    "the careers fair; the network team can host Jamal Idris.", NEVER },
  { EM_ESTUARY, ST_JAMAL, TODAY (-14), "email", "Date confirmed; security induction booked.",
    NEVER },
  { EM_MEADOWBANK, ST_HELEN, TODAY (-33), "call",
    "The new manager is interested in hosting in the spring; call back after the inspection.",
    TODAY (14) },
  { EM_FREIGHT, ST_MARCUS, TODAY (-12), "call",
    "Transport manager asked us not to call until their peak season is over.", NEVER },
  { EM_KINGSWAY, ST_HELEN, TODAY (-30), "email",
    "Sent the network's information pack; the partner asked for a call back.", TODAY (-9) },
  { EM_CARRSIDE, ST_MARCUS, TODAY (-18), "event",
    "Met the operations director at the college's employer breakfast.", TODAY (10) },
  { EM_BRIGHTWATER, ST_HELEN, TODAY (-9), "visit",
    "Toured the studio; open to a lecturer shadowing the design team.", TODAY (21) },
  { EM_CLIFFSIDE, ST_TOMASZ, TODAY (-15), "call",
    "Head chef would consider a placement after the summer season.", TODAY (12) },
};

typedef struct
{
  int         employer;
  const char *kind;
  const char *reference;
  When        issued_on;
  When        expires_on;
} SampleDocument;

static const SampleDocument documents[] = {
  { EM_SALTMARSH, "insurance", "EL-448120", TODAY (-150), TODAY (215) },
  { EM_SALTMARSH, "risk_assessment", "Kitchen visitors", PILOT (-5, MON), NEVER },
  { EM_SALTMARSH, "agreement", "Network agreement", PILOT (-4, WED), NEVER },
  { EM_KEEL, "insurance", "EL-230915", TODAY (-90), TODAY (275) },
  { EM_KEEL, "health_safety_policy", NULL, PILOT (-2, MON), NEVER },
  { EM_KEEL, "agreement", "Network agreement", TODAY (-6), NEVER },
  { EM_NORTHGATE, "insurance", "EL-771004", TODAY (-385), TODAY (-20) },
  { EM_NORTHGATE, "health_safety_policy", NULL, PILOT (1, MON), NEVER },
  { EM_LANTERNFISH, "insurance", "EL-118342", TODAY (-60), TODAY (305) },
  { EM_LANTERNFISH, "agreement", "Network agreement", PILOT (5, MON), NEVER },
  { EM_ESTUARY, "insurance", "EL-900117", TODAY (-120), TODAY (245) },
  { EM_ESTUARY, "health_safety_policy", "HS policy v7", TODAY (-200), TODAY (530) },
  { EM_ESTUARY, "risk_assessment", "Visitor risk assessment", TODAY (-40), TODAY (325) },
  { EM_ESTUARY, "agreement", "Network agreement", TODAY (-50), NEVER },
  { EM_BARROWBY, "insurance", "EL-552871", TODAY (-30), TODAY (335) },
  { EM_BARROWBY, "risk_assessment", "Site induction", PILOT (5, FRI), NEVER },
  { EM_SHARP, "insurance", "EL-339210", TODAY (-200), TODAY (165) },
  { EM_WOLDS, "insurance", "EL-664503", TODAY (-100), TODAY (265) },
  { EM_WOLDS, "health_safety_policy", "Works safety policy", TODAY (-300), TODAY (430) },
  { EM_WOLDS, "risk_assessment", "Shop floor visitors", TODAY (-60), TODAY (305) },
  { EM_WOLDS, "agreement", "Network agreement", TODAY (-60), NEVER },
  { EM_VELVET, "insurance", "EL-127786", TODAY (-80), TODAY (285) },
};

/* ------------------------------------------------------------------------
 * The calendar. Terms, half-terms and holidays are computed for each
 * college (see pl_academic_year_england()); these are the other periods.
 */

typedef enum
{
  YEAR_PILOT,
  YEAR_CURRENT,
} YearBase;

typedef struct
{
  const char *owner_kind;
  int         owner;        /* partner, employer or staff, by owner_kind */
  const char *kind;
  const char *label;
  YearBase    year;
  int         month;        /* September to December: the first calendar year */
  int         day;
  gboolean    from_monday;  /* start on the first Monday on or after the day */
  int         days;
} SamplePeriod;

static const SamplePeriod periods[] = {
  { "partner", PA_HUMBER, "exam", "Summer examinations", YEAR_PILOT, 5, 11, FALSE, 40 },
  { "partner", PA_HUMBER, "exam", "Summer examinations", YEAR_CURRENT, 5, 11, FALSE, 40 },
  { "partner", PA_HOLDERNESS, "exam", "January assessments", YEAR_PILOT, 1, 12, TRUE, 5 },
  { "partner", PA_HOLDERNESS, "exam", "January assessments", YEAR_CURRENT, 1, 12, TRUE, 5 },
  { "partner", PA_HUMBER, "inset", "Staff development day", YEAR_CURRENT, 1, 4, TRUE, 1 },
  { "employer", EM_SALTMARSH, "busy", "Christmas and New Year service", YEAR_PILOT, 11, 14,
    FALSE, 52 },
  { "employer", EM_SALTMARSH, "busy", "Christmas and New Year service", YEAR_CURRENT, 11, 14,
    FALSE, 52 },
  { "employer", EM_KEEL, "busy", "Wedding season", YEAR_CURRENT, 6, 1, FALSE, 107 },
  { "employer", EM_PIXELWHARF, "blackout", "Release freeze before a product launch",
    YEAR_CURRENT, 3, 2, FALSE, 12 },
  { "employer", EM_WOLDS, "blackout", "Summer shutdown", YEAR_CURRENT, 7, 27, TRUE, 12 },
  { "staff", ST_NATALIE, "unavailable", "Accredited assessor training", YEAR_CURRENT, 2, 1,
    TRUE, 5 },
};

/* ------------------------------------------------------------------------
 * The regional exchange groups of the pilot year
 */

enum
{
  GR_DYSLEXIA, GR_DELIVERY, GR_DIGITAL, GR_RESIT, GR_RETENTION, GR_FUNCTIONAL, GR_ESOL_TOOL,
  GR_ESOL_ACTIVITIES, GR_BEYOND_L2, GR_PROJECTS, GR_NEW_TEACHERS, GR_BLENDED, GR_BEHAVIOUR,
  GR_RESILIENCE,
  N_GROUPS
};

typedef struct
{
  const char *name;
  const char *area;
  int         wave;
  const char *aim;
  const char *facilitator;
  const char *place;
  int         first_week;      /* pilot week of the launch meeting */
  int         n_meetings;
  int         spacing;         /* weeks between meetings */
  const char *outcome_title;
  const char *outcome_kind;
  const char *outcome_slug;
  const char *outcome_description;
} SampleGroup;

static const SampleGroup groups[N_GROUPS] = {
  [GR_DYSLEXIA] = {
    "Dyslexia and ESOL", "send", 2,
    "Find a fair way to notice signs of dyslexia in learners who are still learning English.",
    "Eleanor Marsh", "Online", 22, 4, 5,
    "Dyslexia screening activity for ESOL learners", "tool", "dyslexia-screening-esol",
    "A short classroom activity, with guidance, that flags learners who may need a full "
    "assessment without penalising limited English." },
  [GR_DELIVERY] = {
    "Teaching for different learning needs", "send", 1,
    "Give teachers short, practical guides for adapting sessions to different learning needs.",
    "Eleanor Marsh", "Humber Estuary College, Riverside Centre", 5, 4, 6,
    "Quick-reference delivery guides for different learning needs", "guide", "delivery-guides",
    "One page per need, each with ideas to try in the next session." },
  [GR_DIGITAL] = {
    "Digital skills framework", "digital", 1,
    "Describe the digital skills staff and learners need, and how to recognise them.",
    "Dev Chaudhry", "Online", 6, 4, 6,
    "A digital skills framework for staff and learners", "framework", "digital-framework",
    NULL },
  [GR_RESIT] = {
    "GCSE maths resits: the first six weeks", "maths", 1,
    "Try out ways to engage and motivate resit learners at the start of their course.",
    "Ruth Okonjo", "Holderness Coast College", 5, 3, 8,
    "Strategies for the first six weeks of GCSE maths resits", "report", "gcse-resit-start",
    NULL },
  [GR_RETENTION] = {
    "Keeping adult English learners", "english", 1,
    "Understand why adult learners of English leave early, and what helps them stay.",
    "Simon Tait", "Dearneside College", 9, 3, 7,
    "Improving the retention of adult learners of English", "report", "adult-retention",
    NULL },
  [GR_FUNCTIONAL] = {
    "Active functional maths for apprentices", "maths", 1,
    "Make functional maths in apprenticeships more active and engaging.",
    "Ruth Okonjo", "Humber Estuary College, Riverside Centre", 6, 4, 6,
    "Active approaches to functional maths in apprenticeships", "resource", "functional-maths",
    NULL },
  [GR_ESOL_TOOL] = {
    "Maths assessment for ESOL learners", "maths_esol", 1,
    "Assess ESOL learners' maths without the language getting in the way.",
    "Angela Furness", "Online", 9, 3, 8,
    "An accessible maths assessment tool for ESOL learners", "tool", "esol-maths-assessment",
    NULL },
  [GR_ESOL_ACTIVITIES] = {
    "Functional maths activities for ESOL", "maths_esol", 1,
    "Build practical maths activities around topics whose language challenges ESOL learners.",
    "Angela Furness", "Holderness Coast College", 10, 4, 5,
    "Functional Skills maths activities for ESOL learners", "resource", "esol-maths-activities",
    NULL },
  [GR_BEYOND_L2] = {
    "Maths and English beyond Level 2", "maths", 1,
    "Keep developing the maths and English of work-based trainees who already hold Level 2.",
    "Joseph Mbah", "Dearneside College", 11, 3, 7,
    "Developing maths and English beyond Level 2 in work-based learning", "report",
    "beyond-level-2", NULL },
  [GR_PROJECTS] = {
    "Maths and English project ideas", "english", 2,
    "An offshoot of the Level 2 group, collecting projects that build maths and English.",
    "Joseph Mbah", "Online", 25, 3, 6,
    "Project ideas for developing maths and English skills", "resource", "project-ideas",
    NULL },
  [GR_NEW_TEACHERS] = {
    "Supporting new teachers", "supporting_staff", 1,
    "Make sure teachers new to the sector, or to an organisation, are supported in their "
    "first months.",
    "Margaret Ellison", "Humber Estuary College, Riverside Centre", 5, 4, 6,
    "Supporting new teachers through their first months", "report", "new-teachers", NULL },
  [GR_BLENDED] = {
    "Blended learning that works", "digital", 1,
    "Use blended learning well, taking a national digital competency framework as the "
    "starting point.",
    "Dev Chaudhry", "Online", 11, 3, 7,
    "Making effective use of blended learning", "report", "blended-learning", NULL },
  [GR_BEHAVIOUR] = {
    "Behaviour management self-assessment", "supporting_staff", 2,
    "Help tutors look at their own approach to behaviour and find support where they need it.",
    "Margaret Ellison", "Dearneside College", 22, 3, 7,
    "Self-assessment tool for managing learner behaviour", "tool", "behaviour-self-assessment",
    NULL },
  [GR_RESILIENCE] = {
    "Mathematical resilience", "maths", 2,
    "Explore maths anxiety and help learners describe how they feel about maths.",
    "Ruth Okonjo", "Online", 26, 4, 5,
    "Developing learners' resilience in maths", "report", "maths-resilience", NULL },
};

static const struct
{
  int         group;
  int         staff;
  const char *role;
} group_members[] = {
  { GR_DYSLEXIA, ST_GWEN, "lead practitioner" },
  { GR_DYSLEXIA, ST_FATIMA, "member" },
  { GR_DYSLEXIA, ST_NADIA, "member" },
  { GR_DYSLEXIA, ST_CHLOE, "member" },
  { GR_DELIVERY, ST_GWEN, "lead practitioner" },
  { GR_DELIVERY, ST_SAMIRA, "member" },
  { GR_DELIVERY, ST_REBECCA, "member" },
  { GR_DELIVERY, ST_HOLLIE, "member" },
  { GR_DIGITAL, ST_BETH, "lead practitioner" },
  { GR_DIGITAL, ST_OWEN, "member" },
  { GR_DIGITAL, ST_OLUSEGUN, "member" },
  { GR_DIGITAL, ST_ANDREW, "manager" },
  { GR_RESIT, ST_ROSA, "lead practitioner" },
  { GR_RESIT, ST_IAN, "member" },
  { GR_RESIT, ST_CHLOE, "member" },
  { GR_RETENTION, ST_TOBIAS, "lead practitioner" },
  { GR_RETENTION, ST_NADIA, "member" },
  { GR_RETENTION, ST_FATIMA, "member" },
  { GR_FUNCTIONAL, ST_IAN, "lead practitioner" },
  { GR_FUNCTIONAL, ST_ROSA, "member" },
  { GR_FUNCTIONAL, ST_KIERAN, "member" },
  { GR_FUNCTIONAL, ST_KIRSTY, "member" },
  { GR_ESOL_TOOL, ST_FATIMA, "lead practitioner" },
  { GR_ESOL_TOOL, ST_ROSA, "member" },
  { GR_ESOL_TOOL, ST_NADIA, "member" },
  { GR_ESOL_ACTIVITIES, ST_NADIA, "lead practitioner" },
  { GR_ESOL_ACTIVITIES, ST_IAN, "member" },
  { GR_ESOL_ACTIVITIES, ST_FATIMA, "member" },
  { GR_ESOL_ACTIVITIES, ST_CHLOE, "member" },
  { GR_BEYOND_L2, ST_CHLOE, "lead practitioner" },
  { GR_BEYOND_L2, ST_DECLAN, "member" },
  { GR_BEYOND_L2, ST_TOBIAS, "member" },
  { GR_BEYOND_L2, ST_JODIE, "member" },
  { GR_PROJECTS, ST_TOBIAS, "lead practitioner" },
  { GR_PROJECTS, ST_CHLOE, "member" },
  { GR_PROJECTS, ST_NIAMH, "member" },
  { GR_NEW_TEACHERS, ST_HELEN, "lead practitioner" },
  { GR_NEW_TEACHERS, ST_CATHERINE, "member" },
  { GR_NEW_TEACHERS, ST_ANDREW, "member" },
  { GR_NEW_TEACHERS, ST_HAMISH, "member" },
  { GR_NEW_TEACHERS, ST_LIAM, "new teacher" },
  { GR_BLENDED, ST_IMRAN, "lead practitioner" },
  { GR_BLENDED, ST_OWEN, "member" },
  { GR_BLENDED, ST_GRACE, "member" },
  { GR_BLENDED, ST_ADEBAYO, "member" },
  { GR_BLENDED, ST_OLUSEGUN, "member" },
  { GR_BLENDED, ST_BETH, "member" },
  { GR_BEHAVIOUR, ST_CATHERINE, "lead practitioner" },
  { GR_BEHAVIOUR, ST_HELEN, "member" },
  { GR_BEHAVIOUR, ST_TOMASZ, "member" },
  { GR_BEHAVIOUR, ST_FAISAL, "member" },
  { GR_RESILIENCE, ST_ROSA, "lead practitioner" },
  { GR_RESILIENCE, ST_IAN, "member" },
  { GR_RESILIENCE, ST_CHLOE, "member" },
  { GR_RESILIENCE, ST_GWEN, "member" },
};

/* ------------------------------------------------------------------------
 * Dates
 */

typedef PlDateSpan Range;

/* One academic year of the colleges' calendar: all the colleges of the
 * sample keep England's typical dates. */
typedef PlAcademicYear AcademicYear;

static void
date_add (GDate *date,
          int    days)
{
  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

/* 0 for Monday to 6 for Sunday: the bit of a weekday mask. */
static int
weekday_bit (const GDate *date)
{
  return g_date_get_weekday (date) - G_DATE_MONDAY;
}

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
weekday_on_or_before (GDate *date)
{
  while (is_weekend (date))
    g_date_subtract_days (date, 1);
}

static gboolean
in_range (const Range *range,
          const GDate *date)
{
  return g_date_compare (date, &range->start) >= 0 && g_date_compare (date, &range->end) <= 0;
}

/* ------------------------------------------------------------------------
 * The loader
 */

typedef struct
{
  PlStore      *store;
  PlDb         *db;
  GError       *error;        /* the first failure; every later step does nothing */

  GDate         today;
  GDate         pilot_monday; /* week 0 of the pilot year */
  AcademicYear  years[3];     /* pilot, current and next */

  PlMilestoneRules *rules;  /* read once the calendar is in */

  gint64        partner_ids[N_PARTNERS];
  gint64        staff_ids[N_STAFF];
  gint64        employer_ids[N_EMPLOYERS];
  gint64        pilot_ids[N_PILOT];
  gint64        pipeline_ids[N_PIPELINE];
  gint64        group_ids[N_GROUPS];

  GDate         pilot_first[N_PILOT];
  GDate         pilot_last[N_PILOT];
  GDate         pipeline_first[N_PIPELINE];
  GDate         pipeline_last[N_PIPELINE];
} Loader;

#define YEAR_OF(self, base) (&(self)->years[(base) == YEAR_PILOT ? 0 : 1])

static void
pilot_day (Loader *self,
           int     week,
           int     weekday,
           GDate  *out)
{
  *out = self->pilot_monday;
  date_add (out, week * 7 + weekday);
}

/* FALSE for AT_NONE: the date is empty. */
static gboolean
resolve (Loader     *self,
         const When *when,
         GDate      *out)
{
  switch (when->base)
    {
    case AT_PILOT:
      pilot_day (self, when->n, when->weekday, out);
      return TRUE;

    case AT_TODAY:
      *out = self->today;
      date_add (out, when->n);
      weekday_on_or_before (out);
      return TRUE;

    case AT_NONE:
    default:
      return FALSE;
    }
}

static void
days_before_today (Loader *self,
                   int     days,
                   GDate  *out)
{
  *out = self->today;
  date_add (out, -days);
}

/* The placement days: @length consecutive working days from @first. */
static void
last_working_day (const GDate *first,
                  int          length,
                  GDate       *last)
{
  *last = *first;
  for (int n = 1; n < length; n++)
    {
      do
        g_date_add_days (last, 1);
      while (is_weekend (last));
    }
}

static void
period_range (Loader             *self,
              const SamplePeriod *period,
              Range              *out)
{
  int year = YEAR_OF (self, period->year)->year + (period->month >= 9 ? 0 : 1);

  set_date (&out->start, year, period->month, period->day);
  if (period->from_monday)
    pl_date_monday_on_or_after (&out->start);
  out->end = out->start;
  g_date_add_days (&out->end, period->days - 1);
}

/* A weekday in term, outside half-terms and the bank holidays that can
 * fall in term. */
static gboolean
is_term_day (Loader      *self,
             const GDate *date)
{
  gboolean in_term = FALSE;

  if (is_weekend (date))
    return FALSE;

  /* The early May bank holiday falls in the summer term. */
  if (g_date_get_month (date) == G_DATE_MAY && g_date_get_day (date) <= 7
      && g_date_get_weekday (date) == G_DATE_MONDAY)
    return FALSE;

  for (guint y = 0; y < G_N_ELEMENTS (self->years); y++)
    for (guint t = 0; t < 3; t++)
      {
        if (in_range (&self->years[y].half_term[t], date))
          return FALSE;
        if (in_range (&self->years[y].term[t], date))
          in_term = TRUE;
      }

  return in_term;
}

/* Whether a pipeline placement may use @date: a term day that is not a
 * teaching day of the member of staff, nor in a period that closes the
 * college, the employer or the person. */
static gboolean
is_open_day (Loader      *self,
             int          staff_key,
             int          employer_key,
             const GDate *date)
{
  const SampleStaff *person = &staff[staff_key];

  if (!is_term_day (self, date) || (person->teaching_days & (1 << weekday_bit (date))) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      const SamplePeriod *period = &periods[i];
      gboolean applies;
      Range range;

      if (g_str_equal (period->owner_kind, "partner"))
        applies = period->owner == person->partner;
      else if (g_str_equal (period->owner_kind, "employer"))
        applies = period->owner == employer_key;
      else
        applies = period->owner == staff_key;

      period_range (self, period, &range);
      if (applies && in_range (&range, date))
        return FALSE;
    }

  return TRUE;
}

/* The first run of @length open working days starting on or after @from. */
static void
first_open_run (Loader      *self,
                int          staff_key,
                int          employer_key,
                const GDate *from,
                int          length,
                GDate       *first,
                GDate       *last)
{
  GDate day = *from;

  for (int tries = 0; tries < 400; tries++, g_date_add_days (&day, 1))
    {
      GDate d = day;
      gboolean open = TRUE;

      for (int n = 0; n < length && open; n++)
        {
          while (n > 0 && is_weekend (&d))
            g_date_add_days (&d, 1);
          open = is_open_day (self, staff_key, employer_key, &d);
          if (n + 1 < length)
            g_date_add_days (&d, 1);
        }

      if (open)
        {
          *first = day;
          last_working_day (first, length, last);
          return;
        }
    }

  /* A calendar with no room at all: any working days will do. */
  *first = *from;
  while (is_weekend (first))
    g_date_add_days (first, 1);
  last_working_day (first, length, last);
}

/* A deterministic wobble of -3 to +2 days, so that milestones are not all
 * done exactly on their due dates. */
static int
jitter (int a,
        int b)
{
  return (a * 7 + b * 3) % 6 - 3;
}

/* ------------------------------------------------------------------------
 * SQL helpers: the first failure is kept in self->error and turns every
 * later step into a no-op, so that the loading code reads as a list.
 */

static void
fail (Loader     *self,
      const char *table,
      GError     *failure)
{
  if (self->error == NULL)
    g_set_error (&self->error, PL_ERROR, PL_ERROR_FAILED,
                 _("Cannot load the sample data (%s): %s"), table,
                 failure != NULL ? failure->message : "");
}

static PlStmt *
prepare (Loader     *self,
         const char *table,
         const char *sql)
{
  g_autoptr(GError) failure = NULL;
  PlStmt *stmt;

  if (self->error != NULL)
    return NULL;

  stmt = pl_db_prepare (self->db, sql, &failure);
  if (stmt == NULL)
    fail (self, table, failure);
  return stmt;
}

static void
bind_text (PlStmt     *stmt,
           int         column,
           const char *text)
{
  pl_stmt_bind_text (stmt, column, text);
}

static void
bind_int (PlStmt *stmt,
          int     column,
          gint64  value)
{
  pl_stmt_bind_int (stmt, column, value);
}

/* An id, or NULL for 0. */
static void
bind_ref (PlStmt *stmt,
          int     column,
          gint64  id)
{
  pl_stmt_bind_id (stmt, column, id > 0 ? id : 0);
}

static void
bind_date (PlStmt      *stmt,
           int          column,
           const GDate *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL || !g_date_valid (date))
    {
      pl_stmt_bind_null (stmt, column);
      return;
    }

  iso = pl_date_to_iso (date);
  pl_stmt_bind_text (stmt, column, iso);
}

static void
bind_when (Loader     *self,
           PlStmt     *stmt,
           int         column,
           const When *when)
{
  GDate date;

  if (resolve (self, when, &date))
    bind_date (stmt, column, &date);
  else
    pl_stmt_bind_null (stmt, column);
}

/* Runs a bound INSERT; returns the new row's id (the statement says
 * RETURNING id), or 0 after a failure. */
static gint64
run (Loader     *self,
     PlStmt     *stmt,
     const char *table)
{
  g_autoptr(GError) failure = NULL;
  gint64 id = 0;

  if (self->error != NULL || stmt == NULL)
    return 0;

  if (pl_stmt_next (stmt, &failure))
    id = pl_stmt_get_int (stmt, 0);
  if (failure != NULL)
    fail (self, table, failure);

  pl_stmt_reset (stmt);
  return id;
}

static gint64
sector_id (Loader     *self,
           const char *name)
{
  g_autoptr(PlStmt) stmt = NULL;
  gint64 id = 0;

  if (self->error != NULL || name == NULL)
    return 0;

  stmt = prepare (self, "sector", "SELECT id FROM sector WHERE name = ?1");
  if (stmt == NULL)
    return 0;

  bind_text (stmt, 1, name);
  if (pl_stmt_next (stmt, NULL))
    id = pl_stmt_get_int (stmt, 0);

  if (id == 0)
    g_set_error (&self->error, PL_ERROR, PL_ERROR_NOT_FOUND,
                 _("The sample data needs the sector “%s”, which is missing."), name);
  return id;
}

/* ------------------------------------------------------------------------
 * Loading, table by table
 */

static void
load_partners (Loader *self)
{
  g_autoptr(PlStmt) stmt =
    prepare (self, "partner",
             "INSERT INTO partner (name, kind, region, status, withdrawn_on, withdrawn_reason,"
             " is_lead, contact_name, contact_email, contact_phone, notes)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");

  for (guint i = 0; i < N_PARTNERS; i++)
    {
      const SamplePartner *p = &partners[i];
      gboolean withdrawn = p->withdrawn_on.base != AT_NONE;

      if (stmt == NULL)
        return;

      bind_text (stmt, 1, p->name);
      bind_text (stmt, 2, p->kind);
      bind_text (stmt, 3, p->region);
      bind_text (stmt, 4, withdrawn ? "withdrawn" : "active");
      bind_when (self, stmt, 5, &p->withdrawn_on);
      bind_text (stmt, 6, p->withdrawn_reason);
      bind_int (stmt, 7, p->is_lead);
      bind_text (stmt, 8, p->contact_name);
      bind_text (stmt, 9, p->contact_email);
      bind_text (stmt, 10, p->contact_phone);
      bind_text (stmt, 11, p->notes);
      self->partner_ids[i] = run (self, stmt, "partner");
    }
}

static void
load_staff (Loader *self)
{
  g_autoptr(PlStmt) stmt =
    prepare (self, "staff",
             "INSERT INTO staff (partner_id, name, job_title, email, phone, sector_id,"
             " curriculum_area, teaching_days, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");

  for (guint i = 0; i < N_STAFF; i++)
    {
      const SampleStaff *s = &staff[i];

      if (stmt == NULL)
        return;

      bind_ref (stmt, 1, self->partner_ids[s->partner]);
      bind_text (stmt, 2, s->name);
      bind_text (stmt, 3, s->job_title);
      bind_text (stmt, 4, s->email);
      bind_text (stmt, 5, s->phone);
      bind_ref (stmt, 6, sector_id (self, s->sector));
      bind_text (stmt, 7, s->curriculum_area);
      bind_int (stmt, 8, s->teaching_days);
      bind_text (stmt, 9, s->notes);
      self->staff_ids[i] = run (self, stmt, "staff");
    }
}

static void
load_employers (Loader *self)
{
  g_autoptr(PlStmt) stmt =
    prepare (self, "employer",
             "INSERT INTO employer (name, sector_id, size, address, postcode, website,"
             " contact_name, contact_email, contact_phone, relationship, owner_id,"
             " do_not_contact_before, capacity, notice_weeks, preferred_days, notes)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");

  for (guint i = 0; i < N_EMPLOYERS; i++)
    {
      const SampleEmployer *e = &employers[i];
      GDate not_before = self->today;

      if (stmt == NULL)
        return;

      bind_text (stmt, 1, e->name);
      bind_ref (stmt, 2, sector_id (self, e->sector));
      bind_text (stmt, 3, e->size);
      bind_text (stmt, 4, e->address);
      bind_text (stmt, 5, e->postcode);
      bind_text (stmt, 6, e->website);
      bind_text (stmt, 7, e->contact_name);
      bind_text (stmt, 8, e->contact_email);
      bind_text (stmt, 9, e->contact_phone);
      bind_text (stmt, 10, e->relationship);
      bind_ref (stmt, 11, e->owner != NONE ? self->staff_ids[e->owner] : 0);
      g_date_add_days (&not_before, e->do_not_contact_weeks * 7);
      bind_date (stmt, 12, e->do_not_contact_weeks > 0 ? &not_before : NULL);
      bind_int (stmt, 13, e->capacity);
      bind_int (stmt, 14, e->notice_weeks);
      bind_int (stmt, 15, e->preferred_days);
      bind_text (stmt, 16, e->notes);
      self->employer_ids[i] = run (self, stmt, "employer");
    }
}

static void
load_contacts (Loader *self)
{
  g_autoptr(PlStmt) stmt =
    prepare (self, "contact",
             "INSERT INTO contact (employer_id, staff_id, contact_date, channel, summary,"
             " follow_up) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      const SampleContact *c = &contacts[i];

      if (stmt == NULL)
        return;

      bind_ref (stmt, 1, self->employer_ids[c->employer]);
      bind_ref (stmt, 2, c->staff != NONE ? self->staff_ids[c->staff] : 0);
      bind_when (self, stmt, 3, &c->date);
      bind_text (stmt, 4, c->channel);
      bind_text (stmt, 5, c->summary);
      bind_when (self, stmt, 6, &c->follow_up);
      run (self, stmt, "contact");
    }
}

static void
load_documents (Loader *self)
{
  g_autoptr(PlStmt) stmt =
    prepare (self, "employer_document",
             "INSERT INTO employer_document (employer_id, kind, reference, issued_on,"
             " expires_on) VALUES (?, ?, ?, ?, ?) RETURNING id");

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      const SampleDocument *d = &documents[i];

      if (stmt == NULL)
        return;

      bind_ref (stmt, 1, self->employer_ids[d->employer]);
      bind_text (stmt, 2, d->kind);
      bind_text (stmt, 3, d->reference);
      bind_when (self, stmt, 4, &d->issued_on);
      bind_when (self, stmt, 5, &d->expires_on);
      run (self, stmt, "employer_document");
    }
}

static void
insert_period (Loader       *self,
               PlStmt       *stmt,
               const char   *owner_kind,
               gint64        owner_id,
               const char   *kind,
               const char   *label,
               const Range  *range)
{
  if (stmt == NULL)
    return;

  bind_text (stmt, 1, owner_kind);
  bind_ref (stmt, 2, g_str_equal (owner_kind, "partner") ? owner_id : 0);
  bind_ref (stmt, 3, g_str_equal (owner_kind, "employer") ? owner_id : 0);
  bind_ref (stmt, 4, g_str_equal (owner_kind, "staff") ? owner_id : 0);
  bind_text (stmt, 5, kind);
  bind_text (stmt, 6, label);
  bind_date (stmt, 7, &range->start);
  bind_date (stmt, 8, &range->end);
  run (self, stmt, "calendar_period");
}

static void
load_calendar (Loader *self)
{
  static const char * const term_names[] = { "Autumn term", "Spring term", "Summer term" };
  static const char * const half_term_names[] =
    { "Autumn half-term", "February half-term", "May half-term" };
  g_autoptr(PlStmt) stmt =
    prepare (self, "calendar_period",
             "INSERT INTO calendar_period (owner_kind, partner_id, employer_id, staff_id,"
             " kind, label, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");

  /* The pilot and current years; the next one only guides the pipeline. */
  for (guint y = 0; y < 2; y++)
    {
      const AcademicYear *year = &self->years[y];
      g_autofree char *christmas = g_strdup_printf ("Christmas holiday %d", year->year);
      g_autofree char *easter = g_strdup_printf ("Easter holiday %d", year->year + 1);

      for (guint p = 0; p < N_PARTNERS; p++)
        {
          if (!g_str_equal (partners[p].kind, "college"))
            continue;

          for (guint t = 0; t < 3; t++)
            {
              int calendar_year = g_date_get_year (&year->term[t].start);
              g_autofree char *term = g_strdup_printf ("%s %d", term_names[t], calendar_year);
              g_autofree char *half =
                g_strdup_printf ("%s %d", half_term_names[t], calendar_year);

              insert_period (self, stmt, "partner", self->partner_ids[p], "term", term,
                             &year->term[t]);
              insert_period (self, stmt, "partner", self->partner_ids[p], "holiday", half,
                             &year->half_term[t]);
            }
        }

      insert_period (self, stmt, "all", 0, "holiday", christmas, &year->christmas);
      insert_period (self, stmt, "all", 0, "holiday", easter, &year->easter);
    }

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      const SamplePeriod *period = &periods[i];
      g_autofree char *label = NULL;
      gint64 owner_id;
      Range range;

      if (g_str_equal (period->owner_kind, "partner"))
        owner_id = self->partner_ids[period->owner];
      else if (g_str_equal (period->owner_kind, "employer"))
        owner_id = self->employer_ids[period->owner];
      else
        owner_id = self->staff_ids[period->owner];

      period_range (self, period, &range);
      label = g_strdup_printf ("%s %d", period->label, g_date_get_year (&range.start));
      insert_period (self, stmt, period->owner_kind, owner_id, period->kind, label, &range);
    }
}

/* Inserts the placement row itself; the days, milestones and history
 * follow. */
static gint64
insert_placement (Loader                  *self,
                  PlStmt                  *stmt,
                  int                      staff_key,
                  int                      employer_key,
                  const char              *sector,
                  const char              *status,
                  const char              *cancel_reason,
                  const GDate             *window_start,
                  const GDate             *window_end,
                  int                      length,
                  const GDate             *standby,
                  const GDate             *agreed_on,
                  guint                    aims,
                  const char * const      *texts,
                  const char              *notes)
{
  if (stmt == NULL)
    return 0;

  bind_ref (stmt, 1, self->staff_ids[staff_key]);
  bind_ref (stmt, 2, employer_key != NONE ? self->employer_ids[employer_key] : 0);
  bind_ref (stmt, 3, sector_id (self, sector));
  bind_text (stmt, 4, status);
  bind_text (stmt, 5, cancel_reason);
  bind_date (stmt, 6, window_start);
  bind_date (stmt, 7, window_end);
  bind_int (stmt, 8, length);
  bind_date (stmt, 9, standby);
  bind_date (stmt, 10, agreed_on);
  bind_int (stmt, 11, aims);
  for (guint i = 0; i < 6; i++)
    bind_text (stmt, 12 + i, texts[i]);
  bind_text (stmt, 18, notes);
  return run (self, stmt, "placement");
}

#define PLACEMENT_INSERT \
  "INSERT INTO placement (staff_id, employer_id, sector_id, status, cancel_reason," \
  " window_start, window_end, length, standby, agreed_on, aims, goals, sector_priority," \
  " equality_aims, reflection_learned, reflection_students, reflection_colleagues, notes)" \
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"

/* Gives the placement @length consecutive weekdays from @first, through
 * the model's own rule for days (pl-lifecycle.c), which also gives it the
 * milestones of the templates, due as for any other placement. */
static void
place_days (Loader      *self,
            gint64       placement_id,
            const GDate *first,
            int          length)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) failure = NULL;
  GDate day = *first;

  if (self->error != NULL || placement_id == 0)
    return;

  if (self->rules == NULL)
    {
      self->rules = pl_milestone_rules_new (self->store, &failure);
      if (self->rules == NULL)
        {
          fail (self, "milestone_template", failure);
          return;
        }
    }

  for (int n = 0; n < length; n++)
    {
      while (is_weekend (&day))
        g_date_add_days (&day, 1);
      g_ptr_array_add (days, pl_date_to_iso (&day));
      g_date_add_days (&day, 1);
    }
  g_ptr_array_add (days, NULL);

  if (!pl_placement_set_days_with_rules (self->store, self->rules, placement_id,
                                         (const char * const *) days->pdata, &failure))
    fail (self, "placement_day", failure);
}

static void
insert_event (Loader       *self,
              PlStmt       *stmt,
              gint64        placement_id,
              const GDate  *date,
              const char   *from,
              const char   *to,
              const char   *reason)
{
  if (stmt == NULL)
    return;

  bind_int (stmt, 1, placement_id);
  bind_date (stmt, 2, date);
  bind_text (stmt, 3, from);
  bind_text (stmt, 4, to);
  bind_text (stmt, 5, reason);
  run (self, stmt, "placement_event");
}

/* The date the cascade milestone was met: the first time the learning
 * reached colleagues. */
static gboolean
first_colleague_cascade (Loader *self,
                         int     placement,
                         GDate  *out)
{
  gboolean found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (cascades); i++)
    {
      const SampleCascade *c = &cascades[i];
      GDate date;

      if (c->placement != placement
          || !(g_str_equal (c->audience, "colleagues") || g_str_equal (c->audience, "department")))
        continue;

      pilot_day (self, c->week, c->weekday, &date);
      if (!found || g_date_compare (&date, out) < 0)
        *out = date;
      found = TRUE;
    }

  return found;
}

/* The date of the first observation after the placement of its own staff. */
static gboolean
first_after_observation (Loader *self,
                         int     placement,
                         GDate  *out)
{
  gboolean found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (observations); i++)
    {
      const SampleObservation *o = &observations[i];
      GDate date;

      if (o->placement != placement || o->staff != pilot[placement].staff
          || !g_str_equal (o->phase, "after"))
        continue;

      pilot_day (self, o->week, o->weekday, &date);
      if (!found || g_date_compare (&date, out) < 0)
        *out = date;
      found = TRUE;
    }

  return found;
}

/* Dates of the steps of a pilot placement's history. The agreement and
 * the milestones that mirror these steps use the same dates. */
typedef struct
{
  GDate    created;
  GDate    proposed;
  GDate    agreed;
  GDate    confirmed;
  GDate    completed;
  GDate    cascaded;
  GDate    evaluated;
  gboolean has_cascade;
  gboolean has_evaluation;
} PilotSteps;

static void
pilot_steps (Loader     *self,
             int         key,
             PilotSteps *out)
{
  const GDate *first = &self->pilot_first[key];

  out->created = *first;
  date_add (&out->created, -14 * 7);
  out->proposed = *first;
  date_add (&out->proposed, -12 * 7 + jitter (key, 1));
  out->agreed = *first;
  date_add (&out->agreed, -8 * 7 + jitter (key, 2));
  out->confirmed = *first;
  date_add (&out->confirmed, -7 + jitter (key, 5));
  weekday_on_or_before (&out->proposed);
  weekday_on_or_before (&out->agreed);
  weekday_on_or_before (&out->confirmed);
  out->completed = self->pilot_last[key];
  out->has_cascade = first_colleague_cascade (self, key, &out->cascaded);
  out->has_evaluation = first_after_observation (self, key, &out->evaluated);
}

/* Milestones follow the templates of the store. The kinds the network's
 * defaults define are done on the date of the step they stand for; any
 * other kind is done around its due date once that date has passed. */
typedef struct
{
  const char  *kind;
  const GDate *done;   /* NULL: not done */
} KnownStep;

typedef struct
{
  gint64  id;
  char   *kind;
  GDate   due;
  int     position;
} Due;

static void
due_clear (gpointer data)
{
  g_free (((Due *) data)->kind);
}

/* The model has made the milestones and their due dates; this ticks
 * those the sample's history has done. */
static void
mark_milestones (Loader          *self,
                 gint64           placement_id,
                 int              key,
                 const KnownStep *steps,
                 guint            n_steps,
                 gboolean         pilot_year)
{
  g_autoptr(PlStmt) find = NULL;
  g_autoptr(PlStmt) mark = NULL;
  g_autoptr(GArray) dues = g_array_new (FALSE, TRUE, sizeof (Due));
  g_autoptr(GError) failure = NULL;

  g_array_set_clear_func (dues, due_clear);

  find = prepare (self, "milestone",
                  "SELECT m.id, m.kind, m.due, coalesce(t.position, 0) FROM milestone AS m "
                  "LEFT JOIN milestone_template AS t ON t.kind = m.kind "
                  "WHERE m.placement_id = ?1 ORDER BY m.id");
  mark = prepare (self, "milestone", "UPDATE milestone SET done = ?2 WHERE id = ?1");
  if (find == NULL || mark == NULL)
    return;

  pl_stmt_bind_int (find, 1, placement_id);
  while (pl_stmt_next (find, &failure))
    {
      Due d = { 0, };

      d.id = pl_stmt_get_int (find, 0);
      d.kind = pl_stmt_dup_text (find, 1);
      d.position = (int) pl_stmt_get_int (find, 3);
      if (!pl_date_parse (pl_stmt_get_text (find, 2), &d.due))
        g_date_clear (&d.due, 1);
      g_array_append_val (dues, d);
    }
  if (failure != NULL)
    {
      fail (self, "milestone", failure);
      return;
    }

  for (guint m = 0; m < dues->len && self->error == NULL; m++)
    {
      const Due *d = &g_array_index (dues, Due, m);
      gboolean known = FALSE;
      gboolean is_done = FALSE;
      GDate done;

      for (guint i = 0; i < n_steps; i++)
        if (g_str_equal (d->kind, steps[i].kind))
          {
            known = TRUE;
            if (steps[i].done != NULL)
              {
                done = *steps[i].done;
                is_done = TRUE;
              }
          }

      if (!known && pilot_year && g_date_valid (&d->due) &&
          g_date_compare (&d->due, &self->today) < 0)
        {
          done = d->due;
          date_add (&done, jitter (key, d->position));
          weekday_on_or_before (&done);
          is_done = TRUE;
        }

      if (!is_done)
        continue;
      if (g_date_compare (&done, &self->today) > 0)
        done = self->today;

      pl_stmt_bind_int (mark, 1, d->id);
      bind_date (mark, 2, &done);
      if (!pl_stmt_run (mark, &failure))
        fail (self, "milestone", failure);
      pl_stmt_reset (mark);
    }
}

#define EVENT_INSERT \
  "INSERT INTO placement_event (placement_id, changed_on, from_status, to_status, reason)" \
  " VALUES (?, ?, ?, ?, ?) RETURNING id"

static void
load_pilot_placements (Loader *self)
{
  g_autoptr(PlStmt) stmt = prepare (self, "placement", PLACEMENT_INSERT);
  g_autoptr(PlStmt) events = prepare (self, "placement_event", EVENT_INSERT);

  for (int key = 0; key < N_PILOT; key++)
    {
      const PilotPlacement *p = &pilot[key];
      const char *texts[6] = { p->goals, p->sector_priority, p->equality_aims,
                               p->learned, p->for_students, p->for_colleagues };
      gboolean cancelled = g_str_equal (p->status, "cancelled");
      gboolean has_days = p->week > 0;
      PilotSteps steps;
      gint64 id;

      if (has_days)
        {
          pilot_day (self, p->week, p->weekday, &self->pilot_first[key]);
          last_working_day (&self->pilot_first[key], p->length, &self->pilot_last[key]);
          pilot_steps (self, key, &steps);
        }

      if (cancelled)
        {
          GDate withdrawn, created;

          pilot_day (self, 1 + key % 3, key % 5, &created);
          resolve (self, &partners[staff[p->staff].partner].withdrawn_on, &withdrawn);
          id = insert_placement (self, stmt, p->staff, p->employer, p->sector, p->status,
                                 p->notes, NULL, NULL, p->length, NULL, NULL, p->aims, texts,
                                 NULL);
          if (has_days)
            place_days (self, id, &self->pilot_first[key], p->length);
          insert_event (self, events, id, &created, NULL, "request", NULL);
          if (p->employer != NONE)
            {
              GDate proposed = created;

              g_date_add_days (&proposed, 14);
              insert_event (self, events, id, &proposed, "request", "proposed", NULL);
              insert_event (self, events, id, &withdrawn, "proposed", "cancelled", p->notes);
            }
          else
            insert_event (self, events, id, &withdrawn, "request", "cancelled", p->notes);

          self->pilot_ids[key] = id;
          continue;
        }

      {
        gboolean cascaded = !g_str_equal (p->status, "completed");
        gboolean evaluated = g_str_equal (p->status, "evaluated");
        const KnownStep known[] = {
          { "first_contact", &steps.proposed },
          { "agreement", &steps.agreed },
          { "confirmation", &steps.confirmed },
          { "cascade", cascaded && steps.has_cascade ? &steps.cascaded : NULL },
          { "observation", steps.has_evaluation ? &steps.evaluated : NULL },
        };

        id = insert_placement (self, stmt, p->staff, p->employer, p->sector, p->status, NULL,
                               NULL, NULL, p->length, NULL, &steps.agreed, p->aims, texts,
                               p->notes);
        place_days (self, id, &self->pilot_first[key], p->length);

        insert_event (self, events, id, &steps.created, NULL, "request", NULL);
        insert_event (self, events, id, &steps.proposed, "request", "proposed", NULL);
        insert_event (self, events, id, &steps.agreed, "proposed", "agreed", NULL);
        insert_event (self, events, id, &steps.confirmed, "agreed", "confirmed", NULL);
        insert_event (self, events, id, &steps.completed, "confirmed", "completed", NULL);
        if (cascaded)
          insert_event (self, events, id, &steps.cascaded, "completed", "cascaded", NULL);
        if (evaluated)
          insert_event (self, events, id, &steps.evaluated, "cascaded", "evaluated", NULL);

        mark_milestones (self, id, key, known, G_N_ELEMENTS (known), TRUE);
        self->pilot_ids[key] = id;
      }
    }
}

static void
load_pipeline (Loader *self)
{
  static const char * const walk[] = { "request", "proposed", "agreed", "confirmed" };
  g_autoptr(PlStmt) stmt = prepare (self, "placement", PLACEMENT_INSERT);
  g_autoptr(PlStmt) events = prepare (self, "placement_event", EVENT_INSERT);

  for (int key = 0; key < N_PIPELINE; key++)
    {
      const PipelinePlacement *p = &pipeline[key];
      const char *texts[6] = { p->goals, p->sector_priority, p->equality_aims, NULL, NULL,
                               NULL };
      int ago[G_N_ELEMENTS (walk)] = { p->created, p->proposed, p->agreed, p->confirmed };
      GDate step[G_N_ELEMENTS (walk)];
      GDate window_start, window_end, standby;
      gboolean has_window = p->window_from > 0;
      gboolean has_standby = FALSE;
      gint64 id;

      for (guint s = 0; s < G_N_ELEMENTS (walk); s++)
        if (ago[s] > 0)
          {
            days_before_today (self, ago[s], &step[s]);
            weekday_on_or_before (&step[s]);
          }
        else
          g_date_clear (&step[s], 1);

      if (p->start_weeks > 0)
        {
          GDate from = self->today;

          g_date_add_days (&from, p->start_weeks * 7);
          if (p->spring)
            {
              GDate spring = self->years[1].term[1].start;

              g_date_add_days (&spring, 7 * (key % 2 + 1));
              if (g_date_compare (&spring, &from) > 0)
                from = spring;
            }

          first_open_run (self, p->staff, p->employer, &from, p->length,
                          &self->pipeline_first[key], &self->pipeline_last[key]);

          /* A confirmed placement keeps a standby day in case the host changes its mind. */
          if (g_str_equal (p->status, "confirmed"))
            {
              GDate later = self->pipeline_last[key], standby_last;

              g_date_add_days (&later, 7);
              first_open_run (self, p->staff, p->employer, &later, 1, &standby, &standby_last);
              has_standby = TRUE;
            }
        }

      if (has_window)
        {
          window_start = self->today;
          g_date_add_days (&window_start, p->window_from * 7);
          pl_date_monday_on_or_after (&window_start);
          window_end = self->today;
          g_date_add_days (&window_end, p->window_to * 7);
          pl_date_friday_on_or_before (&window_end);
        }

      id = insert_placement (self, stmt, p->staff, p->employer, p->sector, p->status, NULL,
                             has_window ? &window_start : NULL, has_window ? &window_end : NULL,
                             p->length, has_standby ? &standby : NULL,
                             p->agreed > 0 ? &step[2] : NULL, p->aims, texts, NULL);
      self->pipeline_ids[key] = id;

      for (guint s = 0; s < G_N_ELEMENTS (walk); s++)
        if (g_date_valid (&step[s]))
          insert_event (self, events, id, &step[s], s > 0 ? walk[s - 1] : NULL, walk[s], NULL);

      if (p->start_weeks > 0)
        {
          const KnownStep known[] = {
            { "first_contact", g_date_valid (&step[1]) ? &step[1] : NULL },
            { "agreement", g_date_valid (&step[2]) ? &step[2] : NULL },
            { "planner", g_date_valid (&step[3]) ? &step[3] : NULL },
            { "induction", g_date_valid (&step[3]) ? &step[3] : NULL },
            { "confirmation", g_date_valid (&step[3]) ? &step[3] : NULL },
          };

          place_days (self, id, &self->pipeline_first[key], p->length);
          mark_milestones (self, id, key, known, G_N_ELEMENTS (known), FALSE);
        }
    }
}

static void
load_cascades (Loader *self)
{
  g_autoptr(PlStmt) stmt =
    prepare (self, "cascade",
             "INSERT INTO cascade (placement_id, cascade_date, audience, people, notes)"
             " VALUES (?, ?, ?, ?, ?) RETURNING id");

  for (guint i = 0; i < G_N_ELEMENTS (cascades); i++)
    {
      const SampleCascade *c = &cascades[i];
      GDate date;

      if (stmt == NULL)
        return;

      pilot_day (self, c->week, c->weekday, &date);
      bind_int (stmt, 1, self->pilot_ids[c->placement]);
      bind_date (stmt, 2, &date);
      bind_text (stmt, 3, c->audience);
      bind_int (stmt, 4, c->people);
      bind_text (stmt, 5, c->notes);
      run (self, stmt, "cascade");
    }
}

static void
insert_observation (Loader       *self,
                    PlStmt       *stmt,
                    gint64        staff_id,
                    gint64        placement_id,
                    const char   *phase,
                    const GDate  *date,
                    int           observer,
                    const gint8  *ratings,
                    int           progressed)
{
  if (stmt == NULL)
    return;

  bind_int (stmt, 1, staff_id);
  bind_ref (stmt, 2, placement_id);
  bind_text (stmt, 3, phase);
  bind_date (stmt, 4, date);
  bind_text (stmt, 5, observers[observer].name);
  bind_int (stmt, 6, observers[observer].independent);
  for (guint c = 0; c < 6; c++)
    {
      if (ratings[c] > 0)
        bind_int (stmt, 7 + c, ratings[c]);
      else
        pl_stmt_bind_null (stmt, 7 + c);
    }
  bind_int (stmt, 13, progressed);
  run (self, stmt, "observation");
}

static void
load_observations (Loader *self)
{
  g_autoptr(PlStmt) stmt =
    prepare (self, "observation",
             "INSERT INTO observation (staff_id, placement_id, phase, observed_on, observer,"
             " independent, industry_standards, technology, active_learning, engagement,"
             " equality_diversity, differentiation, learners_progressed)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");

  for (guint i = 0; i < G_N_ELEMENTS (observations); i++)
    {
      const SampleObservation *o = &observations[i];
      GDate date;

      pilot_day (self, o->week, o->weekday, &date);
      insert_observation (self, stmt, self->staff_ids[o->staff], self->pilot_ids[o->placement],
                          o->phase, &date, o->observer, o->ratings, o->progressed);
    }

  for (guint i = 0; i < G_N_ELEMENTS (pipeline_observations); i++)
    {
      GDate date;

      days_before_today (self, pipeline_observations[i].days_ago, &date);
      weekday_on_or_before (&date);
      insert_observation (self, stmt, self->staff_ids[pipeline_observations[i].staff],
                          self->pipeline_ids[pipeline_observations[i].placement], "before",
                          &date, pipeline_observations[i].observer,
                          pipeline_observations[i].ratings, 1);
    }
}

static void
load_surveys (Loader *self)
{
  g_autoptr(PlStmt) stmt =
    prepare (self, "survey_response",
             "INSERT INTO survey_response (kind, placement_id, staff_id, employer_id,"
             " responded_on, learning_improved, employment_opportunities, workplace,"
             " equality_diversity, vocational_education_important, host_again,"
             " work_with_providers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");

  for (guint i = 0; i < G_N_ELEMENTS (student_survey); i++)
    {
      const StudentSurvey *s = &student_survey[i];
      int teacher = s->placement != NONE ? pilot[s->placement].staff : s->staff;

      for (int n = 0; n < s->count; n++)
        {
          GDate date;

          if (stmt == NULL)
            return;

          pilot_day (self, s->week, n % 5, &date);
          bind_text (stmt, 1, "student");
          bind_ref (stmt, 2, s->placement != NONE ? self->pilot_ids[s->placement] : 0);
          bind_ref (stmt, 3, teacher != NONE ? self->staff_ids[teacher] : 0);
          pl_stmt_bind_null (stmt, 4);
          bind_date (stmt, 5, &date);
          for (guint q = 0; q < 4; q++)
            bind_text (stmt, 6 + q, s->answers[q]);
          for (guint q = 0; q < 3; q++)
            pl_stmt_bind_null (stmt, 10 + q);
          run (self, stmt, "survey_response");
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (employer_survey); i++)
    {
      const EmployerSurvey *s = &employer_survey[i];

      for (int n = 0; n < s->count; n++)
        {
          GDate date;

          if (stmt == NULL)
            return;

          pilot_day (self, s->week, s->placement != NONE ? n % 5 : THU, &date);
          bind_text (stmt, 1, "employer");
          bind_ref (stmt, 2, s->placement != NONE ? self->pilot_ids[s->placement] : 0);
          bind_ref (stmt, 3, s->placement != NONE ? self->staff_ids[pilot[s->placement].staff]
                                                  : 0);
          bind_ref (stmt, 4, s->employer != NONE ? self->employer_ids[s->employer] : 0);
          bind_date (stmt, 5, &date);
          for (guint q = 0; q < 4; q++)
            pl_stmt_bind_null (stmt, 6 + q);
          for (guint q = 0; q < 3; q++)
            bind_text (stmt, 10 + q, s->answers[q]);
          run (self, stmt, "survey_response");
        }
    }
}

static void
load_groups (Loader *self)
{
  g_autoptr(PlStmt) stmt =
    prepare (self, "exchange_group",
             "INSERT INTO exchange_group (name, area, wave, aim, facilitator)"
             " VALUES (?, ?, ?, ?, ?) RETURNING id");
  g_autoptr(PlStmt) meetings =
    prepare (self, "group_meeting",
             "INSERT INTO group_meeting (group_id, meeting_date, place, notes)"
             " VALUES (?, ?, ?, ?) RETURNING id");
  g_autoptr(PlStmt) outcomes =
    prepare (self, "group_outcome",
             "INSERT INTO group_outcome (group_id, title, kind, link, outcome_date, description)"
             " VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  g_autoptr(PlStmt) members =
    prepare (self, "group_member",
             "INSERT INTO group_member (group_id, staff_id, role) VALUES (?, ?, ?) RETURNING id");

  for (guint i = 0; i < N_GROUPS; i++)
    {
      const SampleGroup *g = &groups[i];
      g_autofree char *link = NULL;
      GDate date;

      if (stmt == NULL || meetings == NULL || outcomes == NULL)
        return;

      bind_text (stmt, 1, g->name);
      bind_text (stmt, 2, g->area);
      bind_int (stmt, 3, g->wave);
      bind_text (stmt, 4, g->aim);
      bind_text (stmt, 5, g->facilitator);
      self->group_ids[i] = run (self, stmt, "exchange_group");

      for (int m = 0; m < g->n_meetings; m++)
        {
          const char *notes = NULL;

          if (m == 0)
            notes = "Launch meeting";
          else if (m == g->n_meetings - 1)
            notes = "Final meeting: outcome agreed";
          else
            notes = "Progress review: what members tried in their own sessions";

          /* Meetings that would fall in a holiday move on a week at a time. */
          pilot_day (self, g->first_week + m * g->spacing, WED + i % 2, &date);
          while (!is_term_day (self, &date))
            g_date_add_days (&date, 7);
          bind_int (meetings, 1, self->group_ids[i]);
          bind_date (meetings, 2, &date);
          bind_text (meetings, 3, g->place);
          bind_text (meetings, 4, notes);
          run (self, meetings, "group_meeting");
        }

      g_date_add_days (&date, 20);
      link = g_strdup_printf ("https://exchange.example.org/outcomes/%s", g->outcome_slug);
      bind_int (outcomes, 1, self->group_ids[i]);
      bind_text (outcomes, 2, g->outcome_title);
      bind_text (outcomes, 3, g->outcome_kind);
      bind_text (outcomes, 4, link);
      bind_date (outcomes, 5, &date);
      bind_text (outcomes, 6, g->outcome_description);
      run (self, outcomes, "group_outcome");
    }

  for (guint i = 0; i < G_N_ELEMENTS (group_members); i++)
    {
      if (members == NULL)
        return;

      bind_int (members, 1, self->group_ids[group_members[i].group]);
      bind_int (members, 2, self->staff_ids[group_members[i].staff]);
      bind_text (members, 3, group_members[i].role);
      run (self, members, "group_member");
    }
}

/**
 * pl_sample_load:
 * @store: an empty store
 * @today: the date the sample is built around
 * @error: return location for a #GError
 *
 * Fills @store with the sample network: a pilot year that reproduces the
 * case study's published figures, and a pipeline of placements after
 * @today. Fails with %PL_ERROR_INVALID, leaving @store alone, when it
 * already holds partners, staff, employers or placements.
 *
 * Returns: %TRUE on success
 */
gboolean
pl_sample_load (PlStore      *store,
                const GDate  *today,
                GError      **error)
{
  Loader self = { 0 };
  GDate year_start, pilot_start;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pl_store_is_empty (store))
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID,
                           _("The sample data can only be loaded into an empty database."));
      return FALSE;
    }

  self.store = store;
  self.db = pl_store_get_db (store);
  self.today = *today;

  pl_date_academic_year_start (today, &year_start);
  pilot_start = year_start;
  g_date_subtract_years (&pilot_start, 1);
  self.pilot_monday = pilot_start;
  pl_date_monday_on_or_after (&self.pilot_monday);

  for (guint y = 0; y < G_N_ELEMENTS (self.years); y++)
    pl_academic_year_england (g_date_get_year (&pilot_start) + (int) y, &self.years[y]);

  if (!pl_store_begin (store, error))
    return FALSE;

  load_partners (&self);
  load_staff (&self);
  load_employers (&self);
  load_contacts (&self);
  load_documents (&self);
  load_calendar (&self);
  load_pilot_placements (&self);
  load_pipeline (&self);
  load_cascades (&self);
  load_observations (&self);
  load_surveys (&self);
  load_groups (&self);

  g_clear_pointer (&self.rules, pl_milestone_rules_free);

  if (self.error != NULL)
    {
      pl_store_rollback (store);
      g_propagate_error (error, self.error);
      return FALSE;
    }

  /* The store tells of every row written once the commit has succeeded,
   * and of none otherwise. */
  return pl_store_commit (store, error);
}
