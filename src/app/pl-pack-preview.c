/* pl-pack-preview.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-pack-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-pack-preview.h"

/* The print preview, drawn inside the app. Left to itself GTK hands a
 * preview to an external PDF viewer, and where none is installed nothing
 * happens; here the operation's own pages (the pack's renderer, laid out
 * for the chosen paper) are drawn one at a time, scaled to the window. */
struct _PlPackPreview
{
  AdwWindow                 parent_instance;

  GtkPrintOperation        *operation;
  GtkPrintOperationPreview *preview;
  GtkPrintContext          *context;
  guint                     n_pages;
  guint                     page;
  double                    page_width;    /* points */
  double                    page_height;
  gboolean                  ended;

  /* Template widgets */
  AdwWindowTitle           *window_title;
  GtkLabel                 *page_label;
  GtkDrawingArea           *area;
};

G_DEFINE_FINAL_TYPE (PlPackPreview, pl_pack_preview, ADW_TYPE_WINDOW)

/* The space around the sheet, in pixels. */
#define SHEET_MARGIN 18.0

static void
update_page (PlPackPreview *self)
{
  g_autofree char *text = NULL;

  if (self->n_pages > 0)
    /* TRANSLATORS: the page shown in the print preview, "Page 2 of 9" */
    text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  gtk_label_set_label (self->page_label, text != NULL ? text : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next",
                                 self->page + 1 < self->n_pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
page_size_from_setup (PlPackPreview *self,
                      GtkPageSetup  *setup)
{
  self->page_width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  self->page_height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  if (gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_LANDSCAPE ||
      gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE)
    {
      double width = self->page_width;

      self->page_width = self->page_height;
      self->page_height = width;
    }
}

/* Paginated: begin-print has laid the pack out for the paper. */
static void
on_ready (GtkPrintOperationPreview *preview,
          GtkPrintContext          *context,
          PlPackPreview            *self)
{
  int n_pages = 0;

  g_object_get (self->operation, "n-pages", &n_pages, NULL);
  self->n_pages = (guint) MAX (n_pages, 0);
  page_size_from_setup (self, gtk_print_context_get_page_setup (context));
  self->page = 0;
  update_page (self);
}

static void
on_got_page_size (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  GtkPageSetup             *setup,
                  PlPackPreview            *self)
{
  page_size_from_setup (self, setup);
}

/**
 * pl_pack_preview_draw:
 * @cr: where to draw, @width by @height pixels
 *
 * Draws the page shown, as a sheet of paper scaled to fit.
 */
void
pl_pack_preview_draw (PlPackPreview *self,
                      cairo_t       *cr,
                      int            width,
                      int            height)
{
  double scale, x, y;

  g_return_if_fail (PL_IS_PACK_PREVIEW (self));

  if (self->n_pages == 0 || self->ended || self->page_width <= 0 || self->page_height <= 0)
    return;

  scale = MIN ((width - 2 * SHEET_MARGIN) / self->page_width,
               (height - 2 * SHEET_MARGIN) / self->page_height);
  if (scale <= 0)
    return;
  x = floor ((width - self->page_width * scale) / 2);
  y = floor ((height - self->page_height * scale) / 2);

  cairo_save (cr);
  /* A soft shadow under white paper: the pack is printed on white in
   * light and dark styles alike. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 2, y + 3, self->page_width * scale, self->page_height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, self->page_width * scale, self->page_height * scale);
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  /* In points at 72 dpi the context adds no scale of its own. */
  gtk_print_context_set_cairo_context (self->context, cr, 72, 72);
  gtk_print_operation_preview_render_page (self->preview, (int) self->page);
  cairo_restore (cr);
}

static void
draw_area (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  pl_pack_preview_draw (PL_PACK_PREVIEW (user_data), cr, width, height);
}

static void
end_preview (PlPackPreview *self)
{
  if (self->ended || self->preview == NULL)
    return;

  self->ended = TRUE;
  gtk_print_operation_preview_end_preview (self->preview);
}

static gboolean
pl_pack_preview_close_request (GtkWindow *window)
{
  end_preview (PL_PACK_PREVIEW (window));

  return GTK_WINDOW_CLASS (pl_pack_preview_parent_class)->close_request (window);
}

static void
step_page (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  PlPackPreview *self = PL_PACK_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.next"))
    pl_pack_preview_set_page (self, self->page + 1);
  else if (self->page > 0)
    pl_pack_preview_set_page (self, self->page - 1);
}

static void
pl_pack_preview_dispose (GObject *object)
{
  PlPackPreview *self = PL_PACK_PREVIEW (object);

  end_preview (self);
  if (self->preview != NULL)
    g_signal_handlers_disconnect_by_data (self->preview, self);
  self->preview = NULL;
  g_clear_object (&self->context);
  g_clear_object (&self->operation);

  G_OBJECT_CLASS (pl_pack_preview_parent_class)->dispose (object);
}

static void
pl_pack_preview_class_init (PlPackPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pl_pack_preview_dispose;
  window_class->close_request = pl_pack_preview_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-pack-preview.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlPackPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlPackPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, PlPackPreview, area);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, step_page);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, step_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_pack_preview_init (PlPackPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->area, draw_area, self, NULL);
  update_page (self);
}

static gboolean
on_preview (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            gpointer                  user_data)
{
  PlPackPreview *self = g_object_new (PL_TYPE_PACK_PREVIEW, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;

  self->operation = g_object_ref (operation);
  self->preview = preview;   /* the operation itself */
  self->context = g_object_ref (context);
  g_signal_connect_object (preview, "ready", G_CALLBACK (on_ready), self, 0);
  g_signal_connect_object (preview, "got-page-size", G_CALLBACK (on_got_page_size), self, 0);

  /* GTK lays the pages out before anything is drawn, so it wants a cairo
   * context now; the real one is the window's, page by page. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  {
    g_autofree char *job_name = NULL;

    g_object_get (operation, "job-name", &job_name, NULL);
    adw_window_title_set_subtitle (self->window_title, job_name);
  }
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      if (gtk_window_get_application (parent) != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  gtk_window_present (GTK_WINDOW (self));

  return TRUE;
}

/**
 * pl_pack_preview_attach:
 *
 * Makes @operation's preview a window of the app instead of an external
 * viewer.
 */
void
pl_pack_preview_attach (GtkPrintOperation *operation)
{
  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));

  g_signal_connect (operation, "preview", G_CALLBACK (on_preview), NULL);
}

guint
pl_pack_preview_get_n_pages (PlPackPreview *self)
{
  g_return_val_if_fail (PL_IS_PACK_PREVIEW (self), 0);

  return self->n_pages;
}

guint
pl_pack_preview_get_page (PlPackPreview *self)
{
  g_return_val_if_fail (PL_IS_PACK_PREVIEW (self), 0);

  return self->page;
}

void
pl_pack_preview_set_page (PlPackPreview *self,
                          guint          page)
{
  g_return_if_fail (PL_IS_PACK_PREVIEW (self));

  if (self->n_pages == 0)
    return;
  self->page = MIN (page, self->n_pages - 1);
  update_page (self);
}
