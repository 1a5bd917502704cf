#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The library from Python through GObject Introspection (Lir-1.typelib of
the build tree): load, name, plan with a strategy, validate, statistics,
fingerprint, diff, render. Env: LIRSCOPE_EXAMPLES, LIRSCOPE_CLI, and
GI_TYPELIB_PATH / LD_LIBRARY_PATH set by meson."""
import os
import subprocess
import sys
import tempfile

import gi

gi.require_version('Lir', '1')
from gi.repository import GLib, Lir  # noqa: E402

examples = os.environ['LIRSCOPE_EXAMPLES']
cli = os.environ['LIRSCOPE_CLI']
decoder = os.path.join(examples, 'decoder-block.json')


def check(condition, what):
    if not condition:
        sys.exit('FAIL: ' + what)
    print('ok', what)


module = Lir.Module.new_from_file(decoder)
check(module.get_name() == 'decoder-block', 'new_from_file and get_name: %r' % module.get_name())

options = Lir.PlanOptions.new()
options.set_strategy('best-fit')
planned = module.replan(options)
plan = planned.get_plan()
check(plan.get_strategy() == 'best-fit', 'replan with a named strategy')
check(planned.validate(), 'validate')

stats = Lir.plan_stats_compute(plan)
cli_stats = subprocess.run([cli, 'stats', '--json', '--strategy', 'best-fit', decoder],
                           capture_output=True, text=True, check=True).stdout
import json  # noqa: E402
expected = json.loads(cli_stats)
check(stats.arena_size == expected['arena_size'] == plan.get_arena_size(), 'arena size %d' % stats.arena_size)
check(stats.lower_bound == expected['lower_bound'], 'lower bound %d' % stats.lower_bound)
check(abs(stats.efficiency - expected['efficiency']) < 1e-9, 'efficiency %.4f' % stats.efficiency)
check(stats.peak_step == expected['peak_step'], 'peak step %d' % stats.peak_step)

fingerprint = '%016x' % planned.get_fingerprint()
cli_fp = subprocess.run([cli, 'fingerprint', '--strategy', 'best-fit', decoder],
                        capture_output=True, text=True, check=True).stdout.strip()
check(fingerprint == cli_fp, 'fingerprint %s' % fingerprint)

naive_options = Lir.PlanOptions.new()
naive_options.set_strategy('naive')
naive = module.replan(naive_options)
diff = Lir.PlanDiff.new(planned, naive)
check(diff.get_n_changes() > 0 and diff.get_arena_growth() > 0, 'diff: %d changes, arena %+.1f %%'
      % (diff.get_n_changes(), 100 * diff.get_arena_growth()))
check(Lir.PlanDiff.new(planned, planned).is_empty(), 'diff of a plan with itself is empty')

renderer = Lir.Renderer.new(planned)
with tempfile.TemporaryDirectory() as tmp:
    svg = os.path.join(tmp, 'plan.svg')
    renderer.export(svg, Lir.RenderFormat.SVG, 800, 600, None, None)
    with open(svg, encoding='utf-8') as f:
        text = f.read()
    check(text.startswith('<?xml') and 'decoder-block' in text, 'render to SVG')

try:
    Lir.Module.new_from_file(os.path.join(examples, 'no-such-file.json'))
    check(False, 'a missing file raises')
except GLib.Error as error:
    check(error.domain == 'lir-error-quark' and error.code == Lir.Error.IO, 'LirError: ' + error.message)
