#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Misuse of the library through GObject Introspection must not crash
Python: each probe runs in a child interpreter (criticals not fatal there)
and must end as its row says: 'error' (a GLib.Error with the code given),
'critical' (a g_return precondition message, the call returning nothing),
or 'ok'. Env: LIRSCOPE_EXAMPLES, GI_TYPELIB_PATH / LD_LIBRARY_PATH."""
import os
import subprocess
import sys
import tempfile

examples = os.environ['LIRSCOPE_EXAMPLES']
decoder = os.path.join(examples, 'decoder-block.json')
mlp = os.path.join(examples, 'mlp.json')

PRELUDE = '''
import gi, sys, math
gi.require_version('Lir', '1')
from gi.repository import GLib, Lir
def planned(path):
    m = Lir.Module.new_from_file(path)
    m.ensure_plan(None)
    return m
dec, mlp, tmp = %r, %r, %r
'''

# name: (code, expectation, what must appear in the output)
PROBES = {
    # Reference counting is not Python's to do: the functions are skipped.
    'unref is not introspected': ("m = planned(dec); m.unref()", 'attribute', ''),
    'free is not introspected': ("Lir.PlanOptions.new().free()", 'attribute', ''),
    'ref is not introspected': ("Lir.Graph.new('g').ref()", 'attribute', ''),
    # Another graph's plan (defect 11).
    'module of a foreign plan': ("a = planned(dec); b = planned(mlp)\n"
                                 "print(Lir.Module.new(b.get_graph(), a.get_plan()))",
                                 'critical', 'plan_belongs'),
    'set_plan of a foreign plan': ("a = planned(dec); b = planned(mlp)\n"
                                   "b.set_plan(a.get_plan())\n"
                                   "assert b.get_plan().get_n_nodes() == b.get_graph().get_n_nodes()\n"
                                   "Lir.Renderer.new(b).to_svg(100, 100, None, None)\n"
                                   "Lir.PlanDiff.new(a, b).to_text('a', 'b', 0)",
                                   'critical', 'plan_belongs'),
    'renderer of an unplanned module': ("m = Lir.Module.new_from_file(dec); Lir.Renderer.new(m)",
                                        'critical', 'renderer'),
    'diff of an unplanned module': ("m = Lir.Module.new_from_file(dec); Lir.PlanDiff.new(m, planned(dec))",
                                    'critical', 'diff'),
    'stats of an unplanned module': ("Lir.StatsReport.new(Lir.Module.new_from_file(dec))", 'critical', 'stats'),
    'kinds of an unplanned module': ("k = Lir.Module.new_from_file(dec).get_buffer_kinds()\n"
                                     "assert len(k) == Lir.Module.new_from_file(dec).get_graph().get_n_nodes(), k",
                                     'ok', ''),
    # Arrays carry their length (defect 10).
    'kinds carry their length': ("m = planned(dec); k = m.get_buffer_kinds()\n"
                                 "assert len(k) == m.get_graph().get_n_nodes()", 'ok', ''),
    'bytes with a NUL': ("Lir.Module.new_from_data(b'{\"format\": \"lirscope-graph\\x00\"}')", 'error', 'Lir.Error.PARSE'),
    'bytes not UTF-8': ("Lir.Module.new_from_data(b'\\xff\\xfe')", 'error', ''),
    'empty bytes': ("Lir.Module.new_from_data(b'')", 'error', ''),
    'unplanned fingerprint is stable': ("assert Lir.Module.new_from_file(dec).get_fingerprint() == "
                                        "Lir.Module.new_from_file(dec).get_fingerprint()", 'ok', ''),
    'validate of an unplanned module': ("Lir.Module.new_from_file(dec).validate()", 'error', 'Lir.Error.INVALID'),
    # Ids out of range.
    'node name out of range': ("print(planned(dec).get_graph().get_node_name(10**6))", 'critical', 'node <'),
    'node id beyond 32 bits': ("planned(dec).get_graph().get_node_name(2**40)", 'overflow', ''),
    'slot out of range': ("planned(dec).get_plan().get_slot(10**6)", 'critical', ''),
    'describe out of range': ("Lir.Renderer.new(planned(dec)).describe(10**6)", 'critical', 'node <'),
    'readers out of range': ("assert Lir.Renderer.new(planned(dec)).get_readers(10**6) == []", 'ok', ''),
    'live set past the last step': ("m = planned(dec); i = Lir.PlanIndex.new(m.get_plan())\n"
                                    "Lir.LiveSet.new(m, i, 10**6)", 'critical', ''),
    'peak past the last step': ("m = planned(dec); i = Lir.PlanIndex.new(m.get_plan())\n"
                                "Lir.PeakReport.new(m, i, 10**6)", 'critical', ''),
    'hit far away': ("m = planned(dec); i = Lir.PlanIndex.new(m.get_plan())\n"
                     "assert i.hit(2**32 - 1, 2**64 - 1) == 2**32 - 1", 'ok', ''),
    'index of another module': ("a = planned(dec); b = planned(mlp)\n"
                                "Lir.LiveSet.new(a, Lir.PlanIndex.new(b.get_plan()), 0)", 'critical', ''),
    # Sealed and malformed graphs.
    'add to a sealed graph': ("g = planned(dec).get_graph()\n"
                              "print(g.add_input('z', Lir.Shape.new_static(Lir.DType.F32, [4])))",
                              'critical', 'sealed'),
    'name not UTF-8': ("g = Lir.Graph.new('g'); g.add_input('\\udc80', Lir.Shape.new_static(Lir.DType.F32, [4]))",
                       'typeerror', ''),
    'attrs not an object': ("g = Lir.Graph.new('g'); s = Lir.Shape.new_static(Lir.DType.F32, [4])\n"
                            "g.add_node(Lir.OpKind.INPUT, None, 'x', [], s, '[1, 2]')", 'critical', 'attrs'),
    'too many dims': ("Lir.Shape.new_static(Lir.DType.F32, [1] * 65)", 'critical', 'n_dims'),
    'input that does not exist': ("g = Lir.Graph.new('g'); s = Lir.Shape.new_static(Lir.DType.F32, [4])\n"
                                  "g.add_op('relu', [7], s); Lir.Module.new(g, None).ensure_plan(None)",
                                  'error', 'Lir.Error.INVALID'),
    'huge static shape': ("s = Lir.Shape.new_static(Lir.DType.F32, [2**62, 2**62])\n"
                          "g = Lir.Graph.new('g'); g.add_input('x', s); m = Lir.Module.new(g, None)\n"
                          "m.ensure_plan(None)", 'error', 'Lir.Error.OVERFLOW'),
    # Options.
    'unknown strategy': ("o = Lir.PlanOptions.new(); o.set_strategy('nope'); planned(dec).replan(o)",
                         'error', 'Lir.Error.NOT_FOUND'),
    'binding without a symbol': ("Lir.PlanOptions.new().parse_binding('=3')", 'error', 'Lir.Error.INVALID'),
    'binding an unknown symbol': ("o = Lir.PlanOptions.new(); o.bind('nosuch', 3); planned(dec).replan(o)",
                                  'error', 'Lir.Error.NOT_FOUND'),
    'alignment not a power of two': ("o = Lir.PlanOptions.new(); o.set_alignment(48); planned(dec).replan(o)",
                                     'error', 'Lir.Error.INVALID'),
    'negative time limit': ("Lir.PlanOptions.new().set_time_limit(-1)", 'critical', ''),
    'cancelled before it starts': ("from gi.repository import Gio\n"
                                   "c = Gio.Cancellable(); c.cancel(); o = Lir.PlanOptions.new()\n"
                                   "o.set_strategy('exact'); o.set_cancellable(c); planned(dec).replan(o)",
                                   'error', 'Lir.Error.CANCELLED'),
    # Writing.
    'save over a folder': ("planned(dec).save(tmp)", 'error', 'Lir.Error.IO'),
    'save into /proc': ("planned(dec).save('/proc/version')", 'error', 'Lir.Error.IO'),
    'save with no extension': ("planned(dec).save(tmp + '/x')", 'ok', ''),
    'export to a folder': ("Lir.Renderer.new(planned(dec)).export(tmp, Lir.RenderFormat.SVG, 100, 100, None, None)",
                           'error', 'Lir.Error.IO'),
    'export a huge PNG': ("Lir.Renderer.new(planned(dec)).export_bytes(Lir.RenderFormat.PNG, 1e9, 1e9, None, None)",
                          'error', 'Lir.Error.LIMIT'),
    'export with NaN size': ("Lir.Renderer.new(planned(dec)).export_bytes(Lir.RenderFormat.SVG, math.nan, -5, None, None)",
                             'error', 'Lir.Error.LIMIT'),
    'SVG of NaN size': ("Lir.Renderer.new(planned(dec)).to_svg(math.nan, 100, None, None)", 'critical', 'size'),
    'draw on a null context': ("Lir.Renderer.new(planned(dec)).draw(None, 10, 10, None, None)", 'typeerror', ''),
    'infinite viewport': ("v = Lir.Viewport(); v.step_end = math.inf; v.byte_end = math.nan\n"
                          "Lir.Renderer.new(planned(dec)).to_svg(100, 100, v, None)", 'ok', ''),
    'empty viewport': ("v = Lir.Viewport(); Lir.Renderer.new(planned(dec)).to_svg(100, 100, v, None)", 'ok', ''),
    'inverted viewport': ("v = Lir.Viewport(); v.step_start = 5; v.step_end = 1; v.byte_start = 9; v.byte_end = -3\n"
                          "Lir.Renderer.new(planned(dec)).to_svg(100, 100, v, None)", 'ok', ''),
    'options flagging a foreign node': ("o = Lir.render_options_init(); o.selected = 10**6; o.cursor_step = -7\n"
                                        "Lir.Renderer.new(planned(dec)).to_svg(100, 100, None, o)", 'ok', ''),
    'strategy lookup': ("assert Lir.Strategy.find('nope') is None", 'error', 'Lir.Error.NOT_FOUND'),
    'unknown dtype name': ("Lir.DType.from_string('f33')", 'ok', ''),
}


def run(name, code, expect, needle, tmp):
    env = dict(os.environ)
    env.pop('G_DEBUG', None)
    child = subprocess.run(['/usr/bin/python3', '-c', PRELUDE % (decoder, mlp, tmp) + code],
                           capture_output=True, text=True, env=env, timeout=120)
    out = child.stdout + child.stderr
    if child.returncode < 0:
        return 'killed by signal %d' % -child.returncode
    if expect == 'ok':
        return None if child.returncode == 0 and 'CRITICAL' not in out else out
    if expect == 'critical':
        return None if 'CRITICAL' in out and needle in out and 'Traceback' not in out.split('CRITICAL')[0] else out
    if expect == 'attribute':
        return None if 'AttributeError' in out else out
    if expect == 'typeerror':
        return None if ('TypeError' in out or 'UnicodeEncodeError' in out) and 'CRITICAL' not in out else out
    if expect == 'overflow':
        return None if 'OverflowError' in out else out
    if expect == 'error':
        if 'GLib.GError' not in out and 'gi.repository.GLib.GError' not in out:
            return out
        if needle:
            code_name = needle.split('.')[-1]
            check = subprocess.run(['/usr/bin/python3', '-c', PRELUDE % (decoder, mlp, tmp)
                                    + 'print(int(Lir.Error.%s))' % code_name],
                                   capture_output=True, text=True, env=env)
            if '(%s)' % check.stdout.strip() not in out:
                return 'wanted %s: %s' % (needle, out)
        return None if 'CRITICAL' not in out else out
    return 'unknown expectation ' + expect


failures = 0
with tempfile.TemporaryDirectory() as tmp:
    for name, (code, expect, needle) in PROBES.items():
        problem = run(name, code, expect, needle, tmp)
        if problem is None:
            print('ok', name)
        else:
            failures += 1
            print('FAIL', name, '(%s):' % expect, problem.strip().splitlines()[-3:] if problem.strip() else '')
print('%d probes, %d failures' % (len(PROBES), failures))
sys.exit(1 if failures else 0)
