#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shape of the code, kept: no file in core/ or app/ over 900 lines, no
function over 120, no include from a lower folder of core/ to a higher one,
and no two modules that include each other's headers.

core/'s folders, lowest first: ir, alloc, plan, io, report, render. The
headers at core/'s top are either the base every folder may use
(lir-version.h, lir-boxed-private.h) or the umbrellas for code outside
core/ (lir.h, lir-private.h), which no folder of core/ may include. app/
uses core/ only through the umbrellas.

Usage: check-structure.py SOURCE_ROOT"""
import os
import re
import sys

MAX_FILE_LINES = 900
MAX_FUNCTION_LINES = 120
LAYERS = ['ir', 'alloc', 'plan', 'io', 'report', 'render']
BASE = {'lir-version.h', 'lir-boxed-private.h', 'lir-enum-types.h'}
UMBRELLAS = {'lir.h', 'lir-private.h'}

root = sys.argv[1]
failures = []


def sources(folder):
    for here, _, names in os.walk(os.path.join(root, folder)):
        for name in sorted(names):
            if name.endswith(('.c', '.h')):
                yield os.path.join(here, name)


def functions(text):
    """(name, first line, length) of each function definition: a line that
    opens with '{' at column 0 after a signature, to its matching '}'."""
    lines = text.split('\n')
    i = 0
    while i < len(lines):
        if lines[i].startswith('{') and i > 0:
            j, signature = i - 1, ''
            while j >= 0 and lines[j].strip() and not lines[j].startswith(('}', ' *', '/*', '#')):
                signature = lines[j] + ' ' + signature
                j -= 1
            depth, k = 0, i
            while k < len(lines):
                depth += lines[k].count('{') - lines[k].count('}')
                if depth == 0:
                    break
                k += 1
            name = re.search(r'(\w+)\s*\(', signature)
            if name and '=' not in signature.split('(')[0]:
                yield name.group(1), i + 1, k - i + 1
            i = k + 1
        else:
            i += 1


def module(path):
    """A module is a .c with its header and private header."""
    name = os.path.basename(path)
    return re.sub(r'(-private)?\.[ch]$', '', name)


headers = {}  # header name -> core folder ('' for core/ itself)
for path in sources('core'):
    folder = os.path.relpath(os.path.dirname(path), os.path.join(root, 'core'))
    headers[os.path.basename(path)] = '' if folder == '.' else folder

includes = {}  # module -> modules its files include
for top in ('core', 'app'):
    for path in sources(top):
        rel = os.path.relpath(path, root)
        text = open(path, encoding='utf-8').read()
        n_lines = text.count('\n')
        if n_lines > MAX_FILE_LINES:
            failures.append('%s: %d lines, more than %d' % (rel, n_lines, MAX_FILE_LINES))
        for name, line, length in functions(text):
            if length > MAX_FUNCTION_LINES:
                failures.append('%s:%d: %s is %d lines, more than %d' % (rel, line, name, length,
                                                                        MAX_FUNCTION_LINES))
        folder = os.path.relpath(os.path.dirname(path), os.path.join(root, 'core')) if top == 'core' else None
        for included in re.findall(r'^#include "([^"]+)"', text, re.M):
            base = os.path.basename(included)
            includes.setdefault((top, module(path)), set()).add(module(base))
            if base not in headers:
                continue
            target = headers[base]
            if top == 'app':
                if base not in UMBRELLAS and base not in BASE:
                    failures.append('%s includes %s: app/ uses core/ through lir.h or lir-private.h'
                                    % (rel, included))
                continue
            if folder == '.':
                continue  # the umbrellas and the base
            if target == '':
                if base in UMBRELLAS:
                    failures.append('%s includes the umbrella %s' % (rel, base))
                continue
            if LAYERS.index(target) > LAYERS.index(folder):
                failures.append('%s includes %s: %s/ is above %s/' % (rel, included, target, folder))

# Two .c files that include each other's headers call each other. A header
# no .c is named after (an interface, like lir-alloc-private.h) is not a
# module of its own.
with_code = {(top, module(p)) for top in ('core', 'app') for p in sources(top) if p.endswith('.c')}
for (top, a), targets in sorted(includes.items()):
    for b in sorted(targets):
        if (b != a and a < b and (top, a) in with_code and (top, b) in with_code
                and a in includes.get((top, b), set())):
            failures.append('%s/: %s and %s include each other\'s headers' % (top, a, b))

for failure in failures:
    print('FAIL:', failure)
print('%d problems' % len(failures))
sys.exit(1 if failures else 0)
