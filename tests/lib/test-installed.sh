#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary root and builds the README's example
# against the installed library with pkg-config, as another project would;
# checks the soname, that exactly the public lir_ symbols are exported (each
# with a doc comment), that no private header is installed, and the API
# reference when it was built.
# Env: BUILD_ROOT, SOURCE_ROOT, CC, SANITIZE, REFERENCE, GIR (optional).
set -eu
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
meson install -C "$BUILD_ROOT" --no-rebuild --quiet --destdir "$root" >/dev/null
pc=$(find "$root" -name lirscope-1.pc)
lib=$(find "$root" -name 'liblirscope-1.so.1' -type l)
test -n "$pc" || { echo "no lirscope-1.pc installed"; exit 1; }
test -n "$lib" || { echo "no liblirscope-1.so.1 installed"; exit 1; }
test -L "$(dirname "$lib")/liblirscope-1.so" || { echo "no liblirscope-1.so link"; exit 1; }
objdump -p "$lib" | grep -q 'SONAME *liblirscope-1.so.1' || { echo "wrong soname"; exit 1; }
inc=$(find "$root" -type d -name lirscope-1 -path '*include*')
test -f "$inc/lir.h" || { echo "no include/lirscope-1/lir.h"; exit 1; }
if find "$inc" -name '*private*' | grep -q .; then echo "private headers installed"; exit 1; fi

# The API reference, when built (-Ddocumentation=true), with its devhelp index.
if [ -n "${REFERENCE:-}" ]; then
  ref=$(find "$root" -type d -path '*share/doc/lirscope-1')
  test -f "$ref/index.html" || { echo "no share/doc/lirscope-1/index.html"; exit 1; }
  test -f "$ref/lirscope-1.devhelp2" || { echo "no devhelp index"; exit 1; }
  test -f "$ref/ctor.Module.new_from_file.html" || { echo "lir_module_new_from_file is not in the reference"; exit 1; }
fi

# Exports: exactly what the installed headers mark LIR_AVAILABLE_IN_ALL
# (the library is built with -fvisibility=hidden), lir_ functions only.
bad=$(nm -D --defined-only "$lib" | awk '$2 ~ /[TDBR]/ {print $3}' | grep -v '^lir_' || true)
test -z "$bad" || { echo "exported, not lir_: $bad"; exit 1; }
python3 "$SOURCE_ROOT/tests/lib/check-exports.py" "$lib" "$inc" ${GIR:-}

export PKG_CONFIG_PATH="$(dirname "$pc")"
flags=$(pkg-config --cflags --libs lirscope-1)
extra=""
test -z "${SANITIZE:-}" || extra="-fsanitize=$SANITIZE"
${CC:-cc} -o "$root/example" "$SOURCE_ROOT/tests/lib/lirscope-example.c" $flags $extra
LD_LIBRARY_PATH="$(dirname "$lib")" ldd "$root/example" | grep -q "$(dirname "$lib")/liblirscope-1.so.1" ||
  { echo "the example does not link the installed library"; exit 1; }
out=$(LD_LIBRARY_PATH="$(dirname "$lib")" "$root/example" "$SOURCE_ROOT/data/examples/decoder-block.json" best-fit)
echo "$out"
cli=$("$LIRSCOPE_CLI" fingerprint --strategy best-fit "$SOURCE_ROOT/data/examples/decoder-block.json")
case "$out" in
  *"valid, fingerprint $cli"*) ;;
  *) echo "the example's fingerprint is not the CLI's ($cli)"; exit 1 ;;
esac
# The README shows this very program.
body=$(sed -n '/^#include <lir.h>/,$p' "$SOURCE_ROOT/tests/lib/lirscope-example.c")
python3 - "$SOURCE_ROOT/README.md" "$body" <<'PY'
import sys
readme = open(sys.argv[1], encoding='utf-8').read()
sys.exit(0 if sys.argv[2].strip() in readme else "README.md does not show tests/lib/lirscope-example.c")
PY
