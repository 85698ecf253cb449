/* pl-focus.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-focus.h"

/* Why the focus is moved by hand before a part of the window is hidden.
 *
 * When a widget holding the focus is hidden or taken out, GTK 4.8's window
 * does not move the focus at once: it keeps a reference to the widget and
 * moves the focus after the next frame is painted. A second widget hidden
 * in the same way before that frame takes the first one's place, and the
 * first reference is never given back: the widget, everything under it and
 * what those hold (a page's store, and with it the database) then outlive
 * the window. On a loaded machine two such changes in one frame are
 * ordinary: deleting the record on show and then going to another page.
 *
 * So the stacks that hide a page or a record's detail take the focus out
 * of the child they hide first, synchronously, and then give it to the
 * child they show, as GtkStack itself would. */

#define LAST_FOCUS_KEY "pl-focus-last"

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* The focus widget, when it is @widget or inside it; %NULL otherwise. */
static GtkWidget *
focus_inside (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus;

  if (root == NULL || GTK_WIDGET (root) == widget)
    return NULL;

  focus = gtk_root_get_focus (root);
  if (focus == NULL || (focus != widget && !gtk_widget_is_ancestor (focus, widget)))
    return NULL;
  return focus;
}

/**
 * pl_focus_leave:
 * @leaving: a widget about to be hidden or removed
 *
 * Takes the keyboard focus away from @leaving and whatever is inside it, at
 * once; the focus is then nowhere until something takes it.
 *
 * Returns: whether the focus was there
 */
gboolean
pl_focus_leave (GtkWidget *leaving)
{
  g_return_val_if_fail (GTK_IS_WIDGET (leaving), FALSE);

  if (focus_inside (leaving) == NULL)
    return FALSE;

  gtk_root_set_focus (gtk_widget_get_root (leaving), NULL);
  return TRUE;
}

/**
 * pl_focus_show_child:
 * @stack: a stack
 * @child: the child of @stack to show
 * @fallback: (nullable): what takes the focus when it was in the child
 *   hidden and has not been in @child before, instead of the first thing
 *   in @child that takes it (a record's list, say, when "No Record
 *   Selected" replaces the record)
 *
 * Shows @child the way gtk_stack_set_visible_child() does, the keyboard
 * focus included: if it was in the child hidden, it goes back to where it
 * last was in @child, or to @fallback, or to the first thing in @child
 * that takes it. The focus leaves the hidden child before it is hidden.
 */
void
pl_focus_show_child (GtkStack  *stack,
                     GtkWidget *child,
                     GtkWidget *fallback)
{
  GtkWidget *old;
  GtkWidget *focus = NULL;
  GWeakRef *last;
  g_autoptr(GtkWidget) restore = NULL;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (GTK_IS_WIDGET (child));

  old = gtk_stack_get_visible_child (stack);
  if (old == child || old == NULL || (focus = focus_inside (old)) == NULL)
    {
      gtk_stack_set_visible_child (stack, child);
      return;
    }

  /* Remembered, as GtkStack does, for when @old is shown again. */
  last = g_new0 (GWeakRef, 1);
  g_weak_ref_init (last, focus);
  g_object_set_data_full (G_OBJECT (old), LAST_FOCUS_KEY, last, weak_ref_free);

  pl_focus_leave (old);
  gtk_stack_set_visible_child (stack, child);

  last = g_object_get_data (G_OBJECT (child), LAST_FOCUS_KEY);
  if (last != NULL)
    restore = g_weak_ref_get (last);
  if (restore != NULL && gtk_widget_is_ancestor (restore, child) && gtk_widget_grab_focus (restore))
    return;
  if (fallback != NULL && gtk_widget_grab_focus (fallback))
    return;
  gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

/**
 * pl_focus_show_named:
 * @stack: a stack
 * @name: the name of the child of @stack to show
 * @fallback: (nullable): as for pl_focus_show_child()
 *
 * pl_focus_show_child() for the child called @name.
 */
void
pl_focus_show_named (GtkStack   *stack,
                     const char *name,
                     GtkWidget  *fallback)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (name != NULL);

  child = gtk_stack_get_child_by_name (stack, name);
  g_return_if_fail (child != NULL);

  pl_focus_show_child (stack, child, fallback);
}
