/* pl-plan-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-context.h"
#include "pl-plan-item.h"
#include "pl-first-step.h"
#include "pl-plan-page.h"
#include "pl-schedule.h"
#include "pl-store-placements.h"
#include "pl-window.h"

/* The open requests of the network. "Plan" runs the solver in a worker
 * thread; its proposals stay on the page, nothing stored, until a person
 * accepts one (it becomes a "proposed" placement, undoable from the toast)
 * or rejects it (the next plan will not make it again). "Suggest" lists the
 * best options for one request around everything else, including the
 * proposals on screen. */

typedef struct
{
  gint64  placement_id;
  gint64  employer_id;
  char   *first_day;
} Rejection;

struct _PlPlanPage
{
  AdwBin                parent_instance;

  PlContext            *context;
  GListStore           *items;
  GHashTable           *proposals;     /* placement id → PlProposal on screen */
  GArray               *rejections;    /* Rejection */
  GCancellable         *cancellable;
  gboolean              planning;
  PlScheduleUndo       *undo;          /* the last acceptance */
  GPtrArray            *accepted;      /* its proposals, to show again on undo */
  GPtrArray            *suggestions;   /* PlSuggestion on show */
  GCancellable         *replan_cancellable;
  PlScheduleResult     *replan;        /* the last check for broken placements */
  guint                 replan_source;
  /* Off screen, the page reads nothing: it catches up when next shown. */
  gboolean              stale;
  gboolean              replan_stale;
  guint                 scroll_source;
  gint64                suggestions_for;
  gboolean              loading_weights;

  /* Template widgets */
  GtkScrolledWindow    *scroller;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
  GtkSortListModel     *sort_model;
  GtkColumnViewColumn  *staff_column;
  GtkColumnViewColumn  *sector_column;
  GtkColumnViewColumn  *window_column;
  GtkColumnViewColumn  *proposal_column;
  GtkColumnViewColumn  *actions_column;
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  GtkButton            *empty_button;
  GtkInfoBar           *replan_bar;
  GtkLabel             *replan_label;
  GtkWidget            *progress_box;
  GtkProgressBar       *progress_bar;
  GtkLabel             *summary_label;
  GtkRevealer          *suggestions_revealer;
  GtkLabel             *suggestions_title;
  GtkListBox           *suggestions_list;
  GtkLabel             *suggestions_empty;
  GtkSpinButton        *weight_sooner;
  GtkSpinButton        *weight_warm;
  GtkSpinButton        *weight_spread;
  GtkSpinButton        *weight_preferred_days;
  GtkSpinButton        *weight_busy;
  GtkSpinButton        *weight_term_end;
};

G_DEFINE_FINAL_TYPE (PlPlanPage, pl_plan_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rejection_clear (gpointer data)
{
  Rejection *rejection = data;

  g_free (rejection->first_day);
}

static GtkSpinButton **
weight_buttons (PlPlanPage *self,
                guint       weight)
{
  GtkSpinButton **buttons[PL_N_WEIGHTS] = {
    [PL_WEIGHT_SOONER] = &self->weight_sooner,
    [PL_WEIGHT_WARM] = &self->weight_warm,
    [PL_WEIGHT_SPREAD] = &self->weight_spread,
    [PL_WEIGHT_PREFERRED_DAYS] = &self->weight_preferred_days,
    [PL_WEIGHT_BUSY] = &self->weight_busy,
    [PL_WEIGHT_TERM_END] = &self->weight_term_end,
  };

  return buttons[weight];
}

static void
show_toast (PlPlanPage *self,
            AdwToast   *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);

  if (window != NULL)
    pl_window_add_toast (PL_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Work in a thread holds the page weakly: a page closed meanwhile is
 * simply not told. */
static GWeakRef *
weak_page (PlPlanPage *self)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  return weak;
}

static PlPlanPage *
weak_page_steal (GWeakRef *weak)
{
  PlPlanPage *self = g_weak_ref_get (weak);

  g_weak_ref_clear (weak);
  g_free (weak);
  return self;
}

static PlPlanItem *
selected_item (PlPlanPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static PlPlanItem *
find_item (PlPlanPage *self,
           gint64      placement_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (pl_plan_item_get_placement_id (item) == placement_id)
        return item;
    }
  return NULL;
}

/* The proposals on screen that place a request, in list order. */
static GPtrArray *
pending_proposals (PlPlanPage *self)
{
  GPtrArray *pending = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (pl_plan_item_get_state (item) == PL_PLAN_ITEM_PROPOSED)
        g_ptr_array_add (pending, (gpointer) pl_plan_item_get_proposal (item));
    }
  return pending;
}

static void
pl_plan_page_update_actions (PlPlanPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GPtrArray) pending = pending_proposals (self);
  gboolean ready = self->context != NULL && !self->planning;

  gtk_widget_action_set_enabled (widget, "plan.run", ready && n > 0);
  gtk_widget_action_set_enabled (widget, "plan.cancel", self->planning);
  gtk_widget_action_set_enabled (widget, "plan.suggest", ready && selected_item (self) != NULL);
  gtk_widget_action_set_enabled (widget, "plan.accept-all", ready && pending->len > 0);
  gtk_widget_action_set_enabled (widget, "plan.accept", ready);
  gtk_widget_action_set_enabled (widget, "plan.reject", ready);
  gtk_widget_action_set_enabled (widget, "plan.undo", ready && self->undo != NULL);
  gtk_widget_action_set_enabled (widget, "plan.use-suggestion",
                                 ready && self->suggestions != NULL && self->suggestions->len > 0);
  gtk_widget_action_set_enabled (widget, "plan.replan",
                                 ready && self->replan != NULL && self->replan->n_movable > 0);
  gtk_widget_action_set_enabled (widget, "plan.replan-apply",
                                 ready && self->replan != NULL && self->replan->placed->len > 0);
}

static void
pl_plan_page_update_summary (PlPlanPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint proposed = 0, unplaced = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      switch (pl_plan_item_get_state (item))
        {
        case PL_PLAN_ITEM_PROPOSED:
          proposed++;
          break;
        case PL_PLAN_ITEM_UNPLACED:
          unplaced++;
          break;
        case PL_PLAN_ITEM_OPEN:
        default:
          break;
        }
    }

  g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u open request", "%u open requests", n),
                   n);
  if (proposed > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u planned", "%u planned",
                                                 proposed), proposed);
    }
  if (unplaced > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u cannot be placed",
                                                 "%u cannot be placed", unplaced), unplaced);
    }
  gtk_label_set_label (self->summary_label, text->str);
}

static char *
window_text (const char         *start,
             const char         *end,
             const char * const *terms)
{
  if (terms[0] != NULL)
    return g_strjoinv (", ", (char **) terms);
  if (start != NULL && end != NULL)
    return pl_plan_format_range (start, end);
  if (start != NULL)
    {
      g_autofree char *day = pl_plan_format_range (start, start);

      /* TRANSLATORS: a window with only a first day */
      return g_strdup_printf (_("From %s"), day);
    }
  if (end != NULL)
    {
      g_autofree char *day = pl_plan_format_range (end, end);

      /* TRANSLATORS: a window with only a last day */
      return g_strdup_printf (_("Until %s"), day);
    }
  return g_strdup (_("Any time"));
}

/* Reads the open requests again and puts each proposal on screen back on
 * its request. */
static void
pl_plan_page_reload (PlPlanPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GHashTable) open = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  if (self->context == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  requests = pl_store_list_open_requests (pl_context_get_store (self->context), &error);
  if (requests == NULL)
    {
      g_warning ("Cannot read the open requests: %s", error->message);
      return;
    }

  for (guint i = 0; i < requests->len; i++)
    {
      PlOpenRequest *request = g_ptr_array_index (requests, i);
      g_autofree char *window = window_text (request->window_start, request->window_end,
                                             (const char * const *) request->terms);
      PlPlanItem *item = pl_plan_item_new (request->placement_id, request->staff_name,
                                           request->sector_name, window, request->length);
      const PlProposal *proposal = g_hash_table_lookup (self->proposals, &request->placement_id);

      if (proposal != NULL)
        pl_plan_item_set_proposal (item, proposal);
      g_ptr_array_add (items, item);
      g_hash_table_add (open, &request->placement_id);
    }

  /* Proposals for requests that are no longer open are gone for good. */
  g_hash_table_iter_init (&iter, self->proposals);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (open, key))
      g_hash_table_iter_remove (&iter);

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->content_stack, items->len > 0 ? "list" : "empty");
  if (items->len == 0)
    pl_first_step_update (self->empty_page, self->empty_button,
                          pl_context_get_store (self->context), PL_TYPE_PLACEMENT,
                          _("Requests waiting for an employer and dates appear here, ready to "
                            "be planned together."),
                          _("_New Request"), "win.add-first::request");
  if (self->suggestions_for != 0 && find_item (self, self->suggestions_for) == NULL)
    gtk_revealer_set_reveal_child (self->suggestions_revealer, FALSE);

  pl_plan_page_update_summary (self);
  pl_plan_page_update_actions (self);
}

static void
on_replan_checked (GObject      *source,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  g_autoptr(PlScheduleResult) result = pl_schedule_run_finish (res, NULL);
  g_autoptr(PlPlanPage) self = weak_page_steal (user_data);

  if (self == NULL || self->context == NULL)
    return;
  /* Only the latest check counts; an earlier one was cancelled. */
  if (g_task_get_cancellable (G_TASK (res)) != self->replan_cancellable)
    return;
  g_clear_object (&self->replan_cancellable);
  if (result == NULL)
    return;

  g_clear_pointer (&self->replan, pl_schedule_result_free);
  self->replan = g_steal_pointer (&result);

  if (self->replan->n_movable > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u proposed or agreed placement no longer fits the "
                                      "calendars.",
                                      "%u proposed or agreed placements no longer fit the "
                                      "calendars.", self->replan->n_movable),
                         self->replan->n_movable);

      gtk_label_set_label (self->replan_label, text);
    }
  gtk_info_bar_set_revealed (self->replan_bar, self->replan->n_movable > 0);
  pl_plan_page_update_actions (self);
}

/* Looks in a worker thread for proposed and agreed placements that a
 * calendar change has left on days that break a rule. */
static gboolean
check_replan (gpointer user_data)
{
  PlPlanPage *self = user_data;
  PlScheduleOptions options = { 0 };
  GDate today;

  self->replan_source = 0;
  g_cancellable_cancel (self->replan_cancellable);
  g_clear_object (&self->replan_cancellable);
  self->replan_cancellable = g_cancellable_new ();

  options.replan = TRUE;
  pl_context_get_today (self->context, &today);
  pl_schedule_run_async (pl_context_get_store (self->context), &today, &options,
                         self->replan_cancellable, NULL, NULL, on_replan_checked,
                         weak_page (self));
  return G_SOURCE_REMOVE;
}

static void
queue_check_replan (PlPlanPage *self)
{
  /* The check plans every proposed and agreed placement again, which on
   * a large network keeps a core busy: only for a page on screen. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->replan_stale = TRUE;
      return;
    }
  self->replan_stale = FALSE;

  /* A burst of changes (an import) is checked once. */
  if (self->replan_source == 0 && self->context != NULL)
    self->replan_source = g_timeout_add (200, check_replan, self);
}

static void
on_store_changed (PlPlanPage *self,
                  const char *table,
                  GArray     *ids,
                  PlStore    *store)
{
  /* A plan in progress reads its own snapshot; the list follows after. */
  if (!self->planning && g_strcmp0 (table, "settings") != 0)
    pl_plan_page_reload (self);
  queue_check_replan (self);
}

static void
pl_plan_page_load_weights (PlPlanPage *self)
{
  PlStore *store = pl_context_get_store (self->context);

  self->loading_weights = TRUE;
  for (guint w = 0; w < PL_N_WEIGHTS; w++)
    gtk_spin_button_set_value (*weight_buttons (self, w),
                               CLAMP (pl_store_get_setting_int (store, pl_weight_keys[w],
                                                                pl_weight_defaults[w]), 0, 10));
  self->loading_weights = FALSE;
}

static void
on_weight_changed (PlPlanPage    *self,
                   GtkSpinButton *button)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (self->loading_weights || self->context == NULL)
    return;

  value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (button));
  for (guint w = 0; w < PL_N_WEIGHTS; w++)
    if (*weight_buttons (self, w) == button &&
        !pl_store_set_setting (pl_context_get_store (self->context), pl_weight_keys[w], value,
                               &error))
      pl_widget_show_error (GTK_WIDGET (self), _("Could not save the preference"), error);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  g_autoptr(PlPlanPage) self = g_weak_ref_get (user_data);

  if (self != NULL && self->context != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
pl_plan_page_set_planning (PlPlanPage *self,
                           gboolean    planning)
{
  self->planning = planning;
  gtk_widget_set_visible (self->progress_box, planning);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), !planning);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  pl_plan_page_update_actions (self);
}

static void
on_plan_done (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlScheduleResult) result = pl_schedule_run_finish (res, &error);
  g_autoptr(PlPlanPage) self = weak_page_steal (user_data);

  if (self == NULL || self->context == NULL)
    return;
  g_clear_object (&self->cancellable);
  pl_plan_page_set_planning (self, FALSE);

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, adw_toast_new (_("Planning cancelled")));
      else
        pl_widget_show_error (GTK_WIDGET (self), _("Could not plan"), error);
      pl_plan_page_reload (self);
      return;
    }

  g_hash_table_remove_all (self->proposals);
  for (guint i = 0; i < result->placed->len; i++)
    {
      PlProposal *proposal = pl_proposal_copy (result->placed->pdata[i]);

      g_hash_table_insert (self->proposals, &proposal->placement_id, proposal);
    }
  for (guint i = 0; i < result->unplaced->len; i++)
    {
      PlProposal *proposal = pl_proposal_copy (result->unplaced->pdata[i]);

      g_hash_table_insert (self->proposals, &proposal->placement_id, proposal);
    }

  pl_plan_page_reload (self);
}

static void
pl_plan_page_run (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);
  g_autofree PlRejection *rejections = NULL;
  PlScheduleOptions options = { 0 };
  GWeakRef *weak;
  GDate today;

  if (self->planning || self->context == NULL)
    return;

  rejections = g_new0 (PlRejection, MAX (1, self->rejections->len));
  for (guint i = 0; i < self->rejections->len; i++)
    {
      const Rejection *rejection = &g_array_index (self->rejections, Rejection, i);

      rejections[i].placement_id = rejection->placement_id;
      rejections[i].employer_id = rejection->employer_id;
      rejections[i].first_day = rejection->first_day;
    }
  options.rejections = rejections;
  options.n_rejections = self->rejections->len;

  pl_context_get_today (self->context, &today);
  self->cancellable = g_cancellable_new ();
  pl_plan_page_set_planning (self, TRUE);
  /* One weak reference serves progress and completion: progress stops
   * before completion frees it. */
  weak = weak_page (self);
  pl_schedule_run_async (pl_context_get_store (self->context), &today, &options,
                         self->cancellable, on_progress, weak, on_plan_done, weak);
}

static void
pl_plan_page_cancel (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
on_undo_clicked (AdwToast   *toast,
                 PlPlanPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "plan.undo", NULL);
}

/* Stores @proposals as proposed placements and offers to undo it. */
static void
accept_proposals (PlPlanPage *self,
                  GPtrArray  *proposals)
{
  g_autoptr(PlScheduleUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GPtrArray *accepted;
  AdwToast *toast;
  GDate today;

  if (proposals->len == 0)
    return;

  accepted = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_proposal_free);
  for (guint i = 0; i < proposals->len; i++)
    g_ptr_array_add (accepted, pl_proposal_copy (proposals->pdata[i]));

  pl_context_get_today (self->context, &today);
  if (!pl_schedule_apply (pl_context_get_store (self->context),
                          (PlProposal * const *) accepted->pdata, accepted->len, &today, &undo,
                          &error))
    {
      g_ptr_array_unref (accepted);
      pl_widget_show_error (GTK_WIDGET (self), _("Could not accept the proposal"), error);
      pl_plan_page_reload (self);
      return;
    }

  g_clear_pointer (&self->undo, pl_schedule_undo_free);
  g_clear_pointer (&self->accepted, g_ptr_array_unref);
  self->undo = g_steal_pointer (&undo);
  self->accepted = accepted;

  if (accepted->len == 1)
    {
      const PlProposal *proposal = accepted->pdata[0];

      /* TRANSLATORS: a staff member, then an employer */
      title = g_strdup_printf (_("%s proposed to %s"), proposal->staff_name,
                               proposal->employer_name);
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u placement proposed",
                                          "%u placements proposed", accepted->len),
                             accepted->len);

  {
    /* Toast titles are Pango markup. */
    g_autofree char *markup = g_markup_escape_text (title, -1);

    toast = adw_toast_new (markup);
  }
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  show_toast (self, toast);

  pl_plan_page_update_actions (self);
}

static void
pl_plan_page_accept (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);
  g_autoptr(GPtrArray) proposals = g_ptr_array_new ();
  PlPlanItem *item = find_item (self, g_variant_get_int64 (parameter));

  if (item == NULL || pl_plan_item_get_state (item) != PL_PLAN_ITEM_PROPOSED)
    return;

  g_ptr_array_add (proposals, (gpointer) pl_plan_item_get_proposal (item));
  accept_proposals (self, proposals);
}

static void
pl_plan_page_accept_all (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);
  g_autoptr(GPtrArray) pending = pending_proposals (self);

  accept_proposals (self, pending);
}

static void
pl_plan_page_undo (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);
  g_autoptr(PlScheduleUndo) undo = g_steal_pointer (&self->undo);
  g_autoptr(GPtrArray) accepted = g_steal_pointer (&self->accepted);
  g_autoptr(GError) error = NULL;

  if (undo == NULL)
    return;

  /* The requests come back with the proposals they had. */
  for (guint i = 0; accepted != NULL && i < accepted->len; i++)
    {
      PlProposal *proposal = pl_proposal_copy (accepted->pdata[i]);

      g_hash_table_insert (self->proposals, &proposal->placement_id, proposal);
    }

  if (!pl_schedule_undo (pl_context_get_store (self->context), undo, &error))
    pl_widget_show_error (GTK_WIDGET (self), _("Could not undo"), error);
  pl_plan_page_reload (self);
}

static void
pl_plan_page_reject (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  PlPlanItem *item = find_item (self, id);
  const PlProposal *proposal;
  Rejection rejection;

  if (item == NULL || pl_plan_item_get_state (item) != PL_PLAN_ITEM_PROPOSED)
    return;

  proposal = pl_plan_item_get_proposal (item);
  rejection.placement_id = id;
  rejection.employer_id = proposal->employer_id;
  rejection.first_day = g_strdup (proposal->days[0]);
  g_array_append_val (self->rejections, rejection);

  g_hash_table_remove (self->proposals, &id);
  pl_plan_page_reload (self);
}

/* Moves the placements the last check found, as one undoable change. */
static void
pl_plan_page_replan_apply (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);
  g_autoptr(PlScheduleResult) replan = g_steal_pointer (&self->replan);

  if (replan == NULL)
    return;

  gtk_info_bar_set_revealed (self->replan_bar, FALSE);
  accept_proposals (self, replan->placed);
}

static void
on_replan_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PlPlanPage       *self)
{
  if (g_str_equal (response, "move"))
    gtk_widget_activate_action (GTK_WIDGET (self), "plan.replan-apply", NULL);
}

static void
pl_plan_page_replan (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);
  GtkWidget *window = gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW);
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  if (self->replan == NULL)
    return;

  for (guint i = 0; i < self->replan->placed->len; i++)
    {
      const PlProposal *proposal = self->replan->placed->pdata[i];
      g_autofree char *before = pl_plan_format_days ((const char * const *) proposal->old_days);
      g_autofree char *after = pl_plan_format_days ((const char * const *) proposal->days);

      /* TRANSLATORS: staff member, employer, old days, new days, the rule
       * the old days broke */
      g_string_append_printf (body, _("%s with %s: %s → %s (%s)\n"), proposal->staff_name,
                              proposal->employer_name, before, after,
                              pl_rule_label (proposal->rule));
    }
  for (guint i = 0; i < self->replan->unplaced->len; i++)
    {
      const PlProposal *proposal = self->replan->unplaced->pdata[i];

      /* TRANSLATORS: staff member, then why the placement cannot move */
      g_string_append_printf (body, _("%s cannot be moved: %s\n"), proposal->staff_name,
                              proposal->reason);
    }
  g_strchomp (body->str);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Move Placements?"), body->str));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_enabled (dialog, "move", self->replan->placed->len > 0);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "move");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replan_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pl_plan_page_show_suggestions (PlPlanPage *self,
                               PlPlanItem *item)
{
  g_autoptr(GPtrArray) pending = pending_proposals (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GPtrArray *suggestions;
  GtkWidget *child;
  GDate today;

  pl_context_get_today (self->context, &today);
  suggestions = pl_schedule_suggest (pl_context_get_store (self->context),
                                     pl_plan_item_get_placement_id (item), &today,
                                     (PlProposal * const *) pending->pdata, pending->len, 10,
                                     &error);
  if (suggestions == NULL)
    {
      pl_widget_show_error (GTK_WIDGET (self), _("Could not suggest"), error);
      return;
    }

  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = suggestions;
  self->suggestions_for = pl_plan_item_get_placement_id (item);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_list))) != NULL)
    gtk_list_box_remove (self->suggestions_list, child);

  for (guint i = 0; i < suggestions->len; i++)
    {
      const PlSuggestion *suggestion = suggestions->pdata[i];
      g_autofree char *days = pl_plan_format_days ((const char * const *) suggestion->days);
      g_autofree char *reasons = g_strjoinv (", ", suggestion->reasons);
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", days, reasons);
      g_autofree char *title_markup = g_markup_escape_text (suggestion->employer_name, -1);
      g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Use"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Propose this employer and these days"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.use-suggestion");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->suggestions_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_list), suggestions->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_empty), suggestions->len == 0);
  if (suggestions->len == 0)
    {
      const PlProposal *proposal = pl_plan_item_get_proposal (item);

      gtk_label_set_label (self->suggestions_empty,
                           proposal != NULL && proposal->reason != NULL
                           ? proposal->reason
                           : _("No employer and days fit this request now."));
    }

  /* TRANSLATORS: %s is a staff member */
  title = g_strdup_printf (_("Options for %s"), pl_plan_item_get_staff (item));
  gtk_label_set_label (self->suggestions_title, title);
  gtk_revealer_set_reveal_child (self->suggestions_revealer, TRUE);
  pl_plan_page_update_actions (self);
}

static void
pl_plan_page_suggest (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);
  PlPlanItem *item = selected_item (self);

  if (item != NULL)
    pl_plan_page_show_suggestions (self, item);
}

static void
pl_plan_page_close_suggestions (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);

  gtk_revealer_set_reveal_child (self->suggestions_revealer, FALSE);
}

static void
pl_plan_page_use_suggestion (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);
  guint index = g_variant_get_uint32 (parameter);
  PlPlanItem *item = find_item (self, self->suggestions_for);
  const PlSuggestion *suggestion;
  PlProposal *proposal;

  if (item == NULL || self->suggestions == NULL || index >= self->suggestions->len)
    return;

  suggestion = self->suggestions->pdata[index];
  proposal = g_new0 (PlProposal, 1);
  proposal->placement_id = pl_plan_item_get_placement_id (item);
  proposal->staff_name = g_strdup (pl_plan_item_get_staff (item));
  g_object_get (item, "sector", &proposal->sector_name, NULL);
  proposal->status = g_strdup ("request");
  proposal->employer_id = suggestion->employer_id;
  proposal->employer_name = g_strdup (suggestion->employer_name);
  proposal->days = g_strdupv (suggestion->days);
  proposal->score = suggestion->score;
  g_hash_table_insert (self->proposals, &proposal->placement_id, proposal);

  gtk_revealer_set_reveal_child (self->suggestions_revealer, FALSE);
  pl_plan_page_reload (self);
}

/* Beside the options, the list keeps who and what is proposed: the
 * sector and window give up their room. */
static void
on_suggestions_revealed (PlPlanPage  *self,
                         GParamSpec  *pspec,
                         GtkRevealer *revealer)
{
  gboolean open = gtk_revealer_get_reveal_child (revealer);
  gboolean shown = gtk_column_view_column_get_column_view (self->sector_column) != NULL;

  /* Taken out and put back rather than hidden: GTK 4.8 does not lay the
   * rows out again when a column is hidden. */
  if (open && shown)
    {
      gtk_column_view_remove_column (self->column_view, self->sector_column);
      gtk_column_view_remove_column (self->column_view, self->window_column);
    }
  else if (!open && !shown)
    {
      gtk_column_view_insert_column (self->column_view, 1, self->sector_column);
      gtk_column_view_insert_column (self->column_view, 2, self->window_column);
    }
}

static void
on_row_activated (PlPlanPage  *self,
                  guint        position,
                  GtkColumnView *view)
{
  g_autoptr(PlPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL && !self->planning)
    pl_plan_page_show_suggestions (self, item);
}

static gboolean
scroll_to_top (gpointer user_data)
{
  PlPlanPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->scroll_source = 0;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  return G_SOURCE_REMOVE;
}

/* A list sorted anew starts from its top; the list view would otherwise
 * keep the selected row in place, wherever it went. */
static void
on_sort_changed (PlPlanPage *self)
{
  if (self->scroll_source == 0)
    self->scroll_source = g_idle_add_full (G_PRIORITY_LOW, scroll_to_top, self, NULL);
}

static void
on_selection_changed (PlPlanPage *self)
{
  pl_plan_page_update_actions (self);
}

/* The proposal cell: the employer over the days, or why the request
 * cannot be placed, in full. */
static void
setup_proposal (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* Rows are as tall as the cell at its narrowest, so the narrowest is
   * set wide enough for a reason to take two or three lines. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (title), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 32);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_proposal (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  PlPlanItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const PlProposal *proposal = pl_plan_item_get_proposal (item);
  PlPlanItemState state = pl_plan_item_get_state (item);

  gtk_widget_remove_css_class (title, "dim-label");
  gtk_widget_remove_css_class (title, "warning");
  gtk_widget_set_visible (subtitle, state == PL_PLAN_ITEM_PROPOSED);
  gtk_widget_set_tooltip_text (box, state == PL_PLAN_ITEM_UNPLACED ? proposal->reason : NULL);

  switch (state)
    {
    case PL_PLAN_ITEM_PROPOSED:
      {
        g_autofree char *days = pl_plan_format_days ((const char * const *) proposal->days);

        gtk_label_set_label (GTK_LABEL (title), proposal->employer_name);
        gtk_label_set_label (GTK_LABEL (subtitle), days);
      }
      break;

    case PL_PLAN_ITEM_UNPLACED:
      gtk_label_set_label (GTK_LABEL (title), proposal->reason);
      gtk_widget_add_css_class (title, "warning");
      break;


    case PL_PLAN_ITEM_OPEN:
    default:
      gtk_label_set_label (GTK_LABEL (title), _("Not planned yet"));
      gtk_widget_add_css_class (title, "dim-label");
      break;
    }
}

static void
setup_actions (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *accept = gtk_button_new_from_icon_name ("object-select-symbolic");
  GtkWidget *reject = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_set_tooltip_text (accept, _("Accept: propose to the employer"));
  gtk_widget_set_tooltip_text (reject, _("Reject: plan this request elsewhere"));
  /* The target first: an action with a parameter cannot be without one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (accept), "x", (gint64) 0);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (reject), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "plan.accept");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reject), "plan.reject");
  gtk_widget_add_css_class (accept, "flat");
  gtk_widget_add_css_class (reject, "flat");
  gtk_box_append (GTK_BOX (box), accept);
  gtk_box_append (GTK_BOX (box), reject);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_actions (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  PlPlanItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  gint64 id = pl_plan_item_get_placement_id (item);

  /* Hidden, not removed, so that every row keeps the same height. */
  gtk_widget_set_opacity (box, pl_plan_item_get_state (item) == PL_PLAN_ITEM_PROPOSED ? 1 : 0);
  gtk_widget_set_sensitive (box, pl_plan_item_get_state (item) == PL_PLAN_ITEM_PROPOSED);
  for (GtkWidget *button = gtk_widget_get_first_child (box); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
}

static void
pl_plan_page_set_context (PlPlanPage *self,
                          PlContext  *context)
{
  g_return_if_fail (self->context == NULL);

  if (context == NULL)
    return;

  self->context = g_object_ref (context);
  g_signal_connect_object (pl_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  pl_plan_page_load_weights (self);
  pl_plan_page_reload (self);
  queue_check_replan (self);
}

static void
pl_plan_page_map (GtkWidget *widget)
{
  PlPlanPage *self = PL_PLAN_PAGE (widget);

  GTK_WIDGET_CLASS (pl_plan_page_parent_class)->map (widget);

  if (self->stale)
    pl_plan_page_reload (self);
  if (self->replan_stale)
    queue_check_replan (self);
}

static void
pl_plan_page_dispose (GObject *object)
{
  PlPlanPage *self = (PlPlanPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->replan_cancellable);
  g_clear_handle_id (&self->replan_source, g_source_remove);
  /* Taking the columns down changes the sorter: nothing to scroll then. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          on_sort_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PLAN_PAGE);
  g_clear_handle_id (&self->scroll_source, g_source_remove);

  g_clear_object (&self->sector_column);
  g_clear_object (&self->window_column);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->replan_cancellable);
  g_clear_pointer (&self->replan, pl_schedule_result_free);
  g_clear_object (&self->context);
  g_clear_object (&self->items);
  g_clear_pointer (&self->proposals, g_hash_table_unref);
  g_clear_pointer (&self->rejections, g_array_unref);
  g_clear_pointer (&self->undo, pl_schedule_undo_free);
  g_clear_pointer (&self->accepted, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_plan_page_parent_class)->dispose (object);
}

static void
pl_plan_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlPlanPage *self = PL_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_plan_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlPlanPage *self = PL_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      pl_plan_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_plan_page_class_init (PlPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_plan_page_dispose;
  object_class->get_property = pl_plan_page_get_property;
  object_class->set_property = pl_plan_page_set_property;
  widget_class->map = pl_plan_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PL_TYPE_PLAN_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-plan-page.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, staff_column);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, sector_column);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, window_column);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, proposal_column);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, actions_column);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, replan_bar);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, replan_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, suggestions_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, suggestions_title);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, suggestions_empty);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, weight_sooner);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, weight_warm);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, weight_spread);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, weight_preferred_days);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, weight_busy);
  gtk_widget_class_bind_template_child (widget_class, PlPlanPage, weight_term_end);

  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestions_revealed);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_changed);

  gtk_widget_class_install_action (widget_class, "plan.run", NULL, pl_plan_page_run);
  gtk_widget_class_install_action (widget_class, "plan.cancel", NULL, pl_plan_page_cancel);
  gtk_widget_class_install_action (widget_class, "plan.suggest", NULL, pl_plan_page_suggest);
  gtk_widget_class_install_action (widget_class, "plan.close-suggestions", NULL,
                                   pl_plan_page_close_suggestions);
  gtk_widget_class_install_action (widget_class, "plan.use-suggestion", "u",
                                   pl_plan_page_use_suggestion);
  gtk_widget_class_install_action (widget_class, "plan.accept", "x", pl_plan_page_accept);
  gtk_widget_class_install_action (widget_class, "plan.reject", "x", pl_plan_page_reject);
  gtk_widget_class_install_action (widget_class, "plan.accept-all", NULL,
                                   pl_plan_page_accept_all);
  gtk_widget_class_install_action (widget_class, "plan.undo", NULL, pl_plan_page_undo);
  gtk_widget_class_install_action (widget_class, "plan.replan", NULL, pl_plan_page_replan);
  gtk_widget_class_install_action (widget_class, "plan.replan-apply", NULL,
                                   pl_plan_page_replan_apply);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "plan.close-suggestions", NULL);
}

static void
pl_plan_page_init (PlPlanPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (PL_TYPE_PLAN_ITEM);
  self->proposals = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                           (GDestroyNotify) pl_proposal_free);
  self->rejections = g_array_new (FALSE, TRUE, sizeof (Rejection));
  g_array_set_clear_func (self->rejections, rejection_clear);

  /* Kept while taken out of the view beside the options. */
  g_object_ref (self->sector_column);
  g_object_ref (self->window_column);

  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->items));
  gtk_column_view_sort_by_column (self->column_view, self->staff_column, GTK_SORT_ASCENDING);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_proposal), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_proposal), NULL);
  gtk_column_view_column_set_factory (self->proposal_column, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_actions), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_actions), NULL);
  gtk_column_view_column_set_factory (self->actions_column, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
  pl_plan_page_update_actions (self);
}

GListModel *
pl_plan_page_get_items (PlPlanPage *self)
{
  g_return_val_if_fail (PL_IS_PLAN_PAGE (self), NULL);
  return G_LIST_MODEL (self->items);
}

gboolean
pl_plan_page_is_busy (PlPlanPage *self)
{
  g_return_val_if_fail (PL_IS_PLAN_PAGE (self), FALSE);
  return self->planning || self->replan_source != 0 || self->replan_cancellable != NULL;
}

guint
pl_plan_page_get_n_broken (PlPlanPage *self)
{
  g_return_val_if_fail (PL_IS_PLAN_PAGE (self), 0);
  return self->replan != NULL ? self->replan->n_movable : 0;
}

gboolean
pl_plan_page_is_planning (PlPlanPage *self)
{
  g_return_val_if_fail (PL_IS_PLAN_PAGE (self), FALSE);
  return self->planning;
}
