/* pl-colors.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-calendar.h"
#include "pl-colors.h"

/* From the GNOME palette and its neighbours, in the order of the default
 * sectors, chosen so that the sectors most networks use (catering,
 * construction, creative, digital, engineering, hair and beauty) differ
 * most. */
static const char * const palette[PL_N_SECTOR_COLORS] = {
  "#26a269", /* Agriculture, Environmental and Animal Care: emerald */
  "#5e5c64", /* Business and Administration: slate */
  "#e66100", /* Catering and Hospitality: orange */
  "#f66151", /* Care Services: salmon */
  "#865e3c", /* Construction: brown */
  "#9141ac", /* Creative and Design: purple */
  "#1c71d8", /* Digital: blue */
  "#2190a4", /* Education and Childcare: teal */
  "#e01b24", /* Engineering and Manufacturing: red */
  "#c061cb", /* Hair and Beauty: pink */
  "#2ec27e", /* Health and Science: green */
  "#1a5fb4", /* Legal, Finance and Accounting: navy */
  "#613583", /* Protective Services: plum */
  "#d4a20b", /* Sales, Marketing and Procurement: mustard */
  "#3d9bd8", /* Transport and Logistics: sky */
};

void
pl_sector_color (gint64   sector_id,
                 GdkRGBA *out)
{
  guint index = sector_id > 0 ? (guint) ((sector_id - 1) % PL_N_SECTOR_COLORS) : 13;

  g_return_if_fail (out != NULL);

  gdk_rgba_parse (out, palette[index]);
}

void
pl_period_color (guint    kind,
                 GdkRGBA *out)
{
  const char *hex;

  g_return_if_fail (out != NULL);

  switch (kind)
    {
    case PL_PERIOD_TERM:         hex = "#3584e4"; break;
    case PL_PERIOD_HOLIDAY:      hex = "#e5a50a"; break;
    case PL_PERIOD_BANK_HOLIDAY: hex = "#e5a50a"; break;
    case PL_PERIOD_EXAM:         hex = "#9141ac"; break;
    case PL_PERIOD_INSET:        hex = "#26a269"; break;
    case PL_PERIOD_BLACKOUT:     hex = "#e01b24"; break;
    case PL_PERIOD_BUSY:         hex = "#ff7800"; break;
    case PL_PERIOD_UNAVAILABLE:  hex = "#77767b"; break;
    default:                     hex = "#77767b"; break;
    }

  gdk_rgba_parse (out, hex);
}

void
pl_color_text_on (const GdkRGBA *background,
                  GdkRGBA       *out)
{
  /* Relative luminance, roughly (sRGB weights, no linearisation). */
  double luminance = 0.299 * background->red + 0.587 * background->green +
                     0.114 * background->blue;

  g_return_if_fail (out != NULL);

  if (luminance > 0.62)
    *out = (GdkRGBA) { 0.0, 0.0, 0.0, 0.87 };
  else
    *out = (GdkRGBA) { 1.0, 1.0, 1.0, 1.0 };
}
