/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-page.c: what every page of the window shares.
 *
 * A page is given the window's session once; it then follows the session's
 * signals on its own. Choosing a buffer on a page emits ::node-activated,
 * for the window to select and frame it on the timeline.
 */
#include "lirscope-page.h"

typedef struct
{
  LirscopeSession *session;
} LirscopePagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LirscopePage, lirscope_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum
{
  SIGNAL_NODE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Returns: (transfer none) (nullable): the session the page shows */
LirscopeSession *
lirscope_page_get_session (LirscopePage *self)
{
  LirscopePagePrivate *priv = lirscope_page_get_instance_private (self);

  g_return_val_if_fail (LIRSCOPE_IS_PAGE (self), NULL);
  return priv->session;
}

/* Gives the page its session, once. */
void
lirscope_page_set_session (LirscopePage *self, LirscopeSession *session)
{
  LirscopePagePrivate *priv = lirscope_page_get_instance_private (self);

  g_return_if_fail (LIRSCOPE_IS_PAGE (self));
  g_return_if_fail (LIRSCOPE_IS_SESSION (session));
  g_return_if_fail (priv->session == NULL);
  priv->session = g_object_ref (session);
  if (LIRSCOPE_PAGE_GET_CLASS (self)->session_changed != NULL)
    LIRSCOPE_PAGE_GET_CLASS (self)->session_changed (self, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* Asks the window to select and frame @node. */
void
lirscope_page_activate_node (LirscopePage *self, guint32 node)
{
  g_return_if_fail (LIRSCOPE_IS_PAGE (self));
  g_signal_emit (self, signals[SIGNAL_NODE_ACTIVATED], 0, node);
}

static void
lirscope_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, lirscope_page_get_session (LIRSCOPE_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lirscope_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      lirscope_page_set_session (LIRSCOPE_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lirscope_page_dispose (GObject *object)
{
  LirscopePage *self = LIRSCOPE_PAGE (object);
  LirscopePagePrivate *priv = lirscope_page_get_instance_private (self);
  GtkWidget *child;

  /* The concrete page's template, then its unnamed top-level children. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->session);
  G_OBJECT_CLASS (lirscope_page_parent_class)->dispose (object);
}

static void
lirscope_page_class_init (LirscopePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lirscope_page_get_property;
  object_class->set_property = lirscope_page_set_property;
  object_class->dispose = lirscope_page_dispose;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LIRSCOPE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LirscopePage::node-activated:
   * @node: the buffer chosen, in the plan on screen
   */
  signals[SIGNAL_NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
lirscope_page_init (LirscopePage *self)
{
}
