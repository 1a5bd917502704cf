#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The installed library exports exactly what its installed headers mark
LIR_AVAILABLE_IN_ALL, and, when the introspection data is given, every one
of those symbols has a description of its own in its doc comment.

Usage: check-exports.py LIBRARY INCLUDE_DIR [Lir-1.gir]"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

library, include_dir = sys.argv[1:3]
gir = sys.argv[3] if len(sys.argv) > 3 else None
failures = []

nm = subprocess.run(['nm', '-D', '--defined-only', library], capture_output=True, text=True,
                    check=True).stdout
exported = {line.split()[2] for line in nm.splitlines()
            if len(line.split()) == 3 and line.split()[1] in 'TDBR'}

declared = set()
marked = re.compile(r'LIR_AVAILABLE_IN_ALL\s+[^;(]*?\b(lir_\w+)\s*\(', re.S)
for folder, _, names in os.walk(include_dir):
    for name in names:
        if name.endswith('.h'):
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                declared.update(marked.findall(f.read()))

for name in sorted(exported - declared):
    failures.append('%s is exported but no installed header declares it' % name)
for name in sorted(declared - exported):
    failures.append('%s is declared but not exported' % name)

if gir:
    ns = {'gi': 'http://www.gtk.org/introspection/core/1.0'}
    c_id = '{http://www.gtk.org/introspection/c/1.0}identifier'
    documented = set()
    seen = set()
    for element in ET.parse(gir).getroot().iter():
        name = element.get(c_id)
        if name is None:
            continue
        seen.add(name)
        doc = element.find('gi:doc', ns)
        if doc is not None and doc.text and doc.text.strip():
            documented.add(name)
    # A get_type function is documented by its type's comment.
    for name in sorted(declared):
        if name.endswith('_get_type'):
            continue
        if name not in seen:
            failures.append('%s is not in the introspection data' % name)
        elif name not in documented:
            failures.append('%s has no description in its doc comment' % name)

print('%d symbols exported, %d declared' % (len(exported), len(declared)))
for failure in failures:
    print('FAIL:', failure)
sys.exit(1 if failures else 0)
