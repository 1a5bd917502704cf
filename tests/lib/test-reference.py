#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The API reference (-Ddocumentation=true): every public type and enum of
Lir-1.gir, and every call the README's C example and the Python test make,
has a description of its own in the gtk-doc comments, and gi-docgen wrote
a page for it. Args: Lir-1.gir, the reference's folder, the C example, the
Python test."""
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = {'gi': 'http://www.gtk.org/introspection/core/1.0',
      'c': 'http://www.gtk.org/introspection/c/1.0'}
C_ID = '{http://www.gtk.org/introspection/c/1.0}identifier'
gir_path, reference, example_c, python_test = sys.argv[1:5]
namespace = ET.parse(gir_path).getroot().find('gi:namespace', NS)
failures = []


def described(element):
    doc = element.find('gi:doc', NS)
    return doc is not None and doc.text and doc.text.strip()


def page(kind, *names):
    path = os.path.join(reference, '%s.%s.html' % (kind, '.'.join(names)))
    if not os.path.exists(path):
        failures.append('no page %s' % os.path.basename(path))


# Types: records, enums, bitfields and the error domain.
for tag, kind in (('record', 'struct'), ('enumeration', 'enum'), ('bitfield', 'flags')):
    for element in namespace.findall('gi:' + tag, NS):
        name = element.get('name')
        if tag == 'enumeration' and element.get('{http://www.gtk.org/introspection/glib/1.0}error-domain'):
            kind_here = 'error'
        else:
            kind_here = kind
        if not described(element):
            failures.append('%s %s has no description' % (tag, name))
        page(kind_here, name)

# Callables, by C identifier: where each sits decides its page's name.
# A C function can sit twice (a record's function and its namespace alias).
callables = {}
for element in namespace.iter():
    tag = element.tag.split('}')[1]
    if tag in ('function', 'method', 'constructor') and element.get(C_ID):
        callables.setdefault(element.get(C_ID), []).append(element)
parents = {child: parent for parent in namespace.iter() for child in parent}

wanted = set(re.findall(r'\b(lir_[a-z0-9_]+)\s*\(', open(example_c, encoding='utf-8').read()))
# Python calls: Lir.name (functions) and .name( on objects (methods), matched
# by their GI names against the records they belong to.
python = open(python_test, encoding='utf-8').read()
python_names = set(re.findall(r'\.([a-z_][a-z0-9_]*)\(', python))
for c_id, element in ((c_id, e) for c_id, es in callables.items() for e in es):
    parent = parents[element]
    if element.tag.endswith('function') and parent is namespace and element.get('name') in python_names:
        wanted.add(c_id)
    elif parent is not namespace and element.get('name') in python_names \
            and re.search(r'\b%s\b' % parent.get('name'), python + ' Module BufferPlan'):
        wanted.add(c_id)

for c_id in sorted(wanted):
    elements = callables.get(c_id)
    if not elements:
        failures.append('%s is not in Lir-1.gir' % c_id)
        continue
    if not any(described(element) for element in elements):
        failures.append('%s has no description' % c_id)
    pages = []
    for element in elements:
        parent = parents[element]
        tag = element.tag.split('}')[1]
        if parent is namespace:
            pages.append('func.%s.html' % element.get('name'))
        else:
            kind = {'method': 'method', 'constructor': 'ctor'}.get(tag, 'type_func')
            pages.append('%s.%s.%s.html' % (kind, parent.get('name'), element.get('name')))
    if not any(os.path.exists(os.path.join(reference, name)) for name in pages):
        failures.append('no page for %s (%s)' % (c_id, ', '.join(pages)))

for required in ('index.html', 'overview.html', 'lirscope-1.devhelp2'):
    if not os.path.exists(os.path.join(reference, required)):
        failures.append('no ' + required)

print('checked %d calls and the types of Lir-1' % len(wanted))
for failure in failures:
    print('FAIL:', failure)
sys.exit(1 if failures else 0)
