/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-boxed-private.h: how each public type registers its boxed GType,
 * beside the type: ref-counted types box by reference, plain structs by
 * copy (owning copies of the strings they point to). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* G_DEFINE_BOXED_TYPE without its transparent union, which -Wpedantic refuses. */
#define LIR_DEFINE_BOXED_TYPE(TypeName, type_name, copy, free)                                   \
  GType type_name##_get_type (void)                                                             \
  {                                                                                             \
    static gsize type = 0;                                                                      \
                                                                                                \
    if (g_once_init_enter (&type))                                                              \
      g_once_init_leave (&type, g_boxed_type_register_static (g_intern_static_string (#TypeName), \
                                                              (GBoxedCopyFunc)(void (*) (void))copy, \
                                                              (GBoxedFreeFunc)(void (*) (void))free)); \
    return type;                                                                                \
  }

/* A plain struct, copied whole. */
#define LIR_DEFINE_VALUE_TYPE(TypeName, type_name)                                               \
  static gpointer type_name##_copy_boxed (gpointer value)                                       \
  {                                                                                             \
    return g_memdup2 (value, sizeof (TypeName));                                                \
  }                                                                                             \
  LIR_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_copy_boxed, g_free)

/* A plain struct with one string it borrows from what it describes: a
 * boxed copy owns a copy of the string, so it outlives the original. */
#define LIR_DEFINE_VALUE_TYPE_WITH_STRING(TypeName, type_name, field)                            \
  static gpointer type_name##_copy_boxed (gpointer value)                                       \
  {                                                                                             \
    TypeName *copy = g_memdup2 (value, sizeof (TypeName));                                      \
                                                                                                \
    copy->field = g_strdup (copy->field);                                                       \
    return copy;                                                                                \
  }                                                                                             \
  static void type_name##_free_boxed (gpointer value)                                           \
  {                                                                                             \
    g_free ((char *)((TypeName *)value)->field);                                                \
    g_free (value);                                                                             \
  }                                                                                             \
  LIR_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_copy_boxed, type_name##_free_boxed)

G_END_DECLS
