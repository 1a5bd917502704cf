/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-legend.c: what the timeline's colours and marks mean. The row is
 * lir_renderer_draw_legend (), the same legend the exports carry, drawn with
 * the timeline's current options so it follows the colour-by, the theme and
 * compare mode.
 */
#include "lirscope-legend.h"

struct _LirscopeLegend
{
  GtkWidget parent_instance;

  LirscopeTimeline *timeline; /* weak: both live in the same window */
  LirscopeSession *session;
};

G_DEFINE_FINAL_TYPE (LirscopeLegend, lirscope_legend, GTK_TYPE_WIDGET)

static void
lirscope_legend_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LirscopeLegend *self = LIRSCOPE_LEGEND (widget);
  LirRenderer *renderer = self->session != NULL ? lirscope_session_get_renderer (self->session) : NULL;
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  LirRenderOptions options;
  cairo_t *cr;

  if (renderer == NULL || self->timeline == NULL || width < 1)
    return;
  lirscope_timeline_get_frame_options (self->timeline, &options);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  lir_renderer_draw_legend (renderer, cr, width, &options);
  cairo_destroy (cr);
}

static void
lirscope_legend_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                         int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_VERTICAL ? (int)lir_renderer_get_legend_height () : 0;
}

/**
 * lirscope_legend_set_timeline:
 * @self: a legend
 * @timeline: (transfer none): the timeline it explains
 * @session: (transfer none): the timeline's session
 */
void
lirscope_legend_set_timeline (LirscopeLegend *self, LirscopeTimeline *timeline, LirscopeSession *session)
{
  g_return_if_fail (self->session == NULL);
  self->timeline = timeline;
  self->session = g_object_ref (session);
  g_signal_connect_object (timeline, "options-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "plan-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "diff-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
}

static void
lirscope_legend_dispose (GObject *object)
{
  LirscopeLegend *self = LIRSCOPE_LEGEND (object);

  self->timeline = NULL;
  g_clear_object (&self->session);
  G_OBJECT_CLASS (lirscope_legend_parent_class)->dispose (object);
}

static void
lirscope_legend_class_init (LirscopeLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lirscope_legend_dispose;
  widget_class->snapshot = lirscope_legend_snapshot;
  widget_class->measure = lirscope_legend_measure;
  gtk_widget_class_set_css_name (widget_class, "legend");
}

static void
lirscope_legend_init (LirscopeLegend *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}
