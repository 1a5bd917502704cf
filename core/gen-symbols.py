#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes the linker version script of liblirscope-1: every lir_ function
declared in the public headers (those lir.h includes) is exported, nothing
else. Usage: gen-symbols.py OUTPUT HEADER..."""
import re
import sys

DECL = re.compile(r'^[A-Za-z_][\w \t\*]*?\b(lir_\w+)\s*\(', re.M)


def main():
    out, headers = sys.argv[1], sys.argv[2:]
    names = set()
    for path in headers:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        # Drop comments, macros and static inline bodies: only declarations remain.
        text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
        text = re.sub(r'^#.*$', '', text, flags=re.M)
        text = re.sub(r'static inline[^{]*\{.*?\n\}', '', text, flags=re.S)
        names.update(DECL.findall(text))
    with open(out, 'w', encoding='utf-8') as f:
        f.write('LIRSCOPE_1 {\n  global:\n')
        for name in sorted(names):
            f.write('    %s;\n' % name)
        f.write('  local:\n    *;\n};\n')


if __name__ == '__main__':
    main()
