/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-run.h: runs lirscope-cli ($LIRSCOPE_CLI) for the CLI tests. */
#pragma once

#include <glib.h>

/* Runs lirscope-cli with @args; returns its exit status (-1 if it did not exit). */
int cli_run (const char *const *args, char **out, char **err);
