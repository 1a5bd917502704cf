#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every C source file is as clang-format (Debian 12's, with the project's
# .clang-format) writes it. Public and private headers keep their
# hand-aligned declarations and are not checked. To fix: clang-format -i FILE.
# Args: SOURCE_ROOT.
set -eu
cd "$1"
command -v clang-format >/dev/null || { echo "clang-format is not installed (make deps)"; exit 1; }
files=$(find core app tests -name '*.c' -not -path 'tests/data/*' | sort)
clang-format --dry-run --Werror $files
echo "$(echo "$files" | wc -l) files formatted"
