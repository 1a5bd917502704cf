#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lirscope-torch: small modules written here are exported and checked node
by node (aliases and their offsets, bufferless nodes, tuple results and
their lifetimes); three torchvision models are exported end to end, and the
lower bound Lirscope computes with --no-params --no-inputs is held to an
independent count of the peak live activation bytes made here by walking
the FX graph with the same semantics; plan, validate and render run on each.
Env: LIRSCOPE_TORCH (build/app/lirscope-torch), LIRSCOPE_CLI."""
import csv
import functools
import json
import operator
import os
import subprocess
import sys
import tempfile
import unittest

import torch
import torch.fx
import torchvision

TORCH = os.environ['LIRSCOPE_TORCH']
CLI = os.environ['LIRSCOPE_CLI']
PYTHON = '/usr/bin/python3'

# Each small module sits in a file the exporter loads as FILE.py:make_model.
MODULES = '''
import torch
from torch import nn


class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(8, 8, 3, padding=1, bias=False)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(8, 8, 3, padding=1, bias=False)

    def forward(self, x):
        out = self.relu(self.conv1(x))
        out = self.conv2(out)
        out += x
        return self.relu(out)


class Chunks(nn.Module):
    def forward(self, x):
        # Unpacking a traced value: torch 1.13's tracer needs the
        # exporter's fix for it on Python 3.11.
        top, bottom = torch.chunk(x, 2, dim=0)   # contiguous blocks: views
        left, right = torch.chunk(x, 2, dim=1)   # strided: dense copies
        return top * 2 + bottom.add_(1), left - right


class Split(nn.Module):
    def forward(self, x):
        parts = torch.split(x, [1, 3])
        return parts[0].sum() + parts[1].relu()


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.mha = nn.MultiheadAttention(16, 2, batch_first=True)

    def forward(self, x):
        both = self.mha(x, x, x)
        return both[0].relu() + both[1].sum()


class Sizes(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(48, 10)

    def forward(self, x):
        flat = x.view(x.size(0), -1)
        return self.fc(flat.contiguous())


class Untraceable(nn.Module):
    def forward(self, x):
        if x.sum() > 0:
            return x
        return -x


class TinyNet(nn.Module):
    # A convolution, a norm, an in-place activation, a residual add and a
    # linear head: what a training step saves for each.
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(8)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(8, 8, 3, padding=1)
        self.head = nn.Linear(8, 5)

    def forward(self, x):
        out = self.relu(self.bn(self.conv1(x)))
        out = self.relu(self.conv2(out) + out)
        return self.head(out.mean((2, 3)))


class TinyLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(50, 16)
        self.proj = nn.Linear(16, 50)

    def forward(self, tokens):
        return self.proj(torch.tanh(self.embed(tokens)))


def tiny_net(): return TinyNet()
def tiny_lm():
    torch.manual_seed(0)
    return TinyLM(), torch.randint(0, 50, (2, 7))
class TwoInputs(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 4)
        self.fc = nn.Linear(4, 4)

    def forward(self, tokens, scale):
        return self.fc(self.emb(tokens)) * scale


class Recurrent(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(100, 16)
        self.lstm = nn.LSTM(16, 32, batch_first=True)
        self.out = nn.Linear(32, 100)

    def forward(self, tokens):
        hidden, _ = self.lstm(self.emb(tokens))
        return self.out(hidden)


def raises(): raise ValueError('no GPU here')
def two_inputs(): return TwoInputs()
def recurrent(): return Recurrent()
def inplace_relu():
    return nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(inplace=True), nn.Dropout(), nn.Flatten())
def residual(): return Residual()
def chunks(): return Chunks()
def split(): return Split()
def attention(): return Attention()
def sizes(): return Sizes()
def untraceable(): return Untraceable()
def not_a_module(): return 42
'''


# The same classes, for the tests to count what a model holds.
MODELS = {}
exec(MODULES, MODELS)  # noqa: S102 (the text above, written here)


def run(args, check=True):
    return subprocess.run(args, capture_output=True, text=True, check=check)


def export(spec, *extra):
    out = run([TORCH, spec] + list(extra))
    return json.loads(out.stdout)


def by_name(document):
    return {node['name']: node for node in document['nodes']}


def plan_lifetimes(path):
    """Name -> (first, last) of every buffer that owns arena bytes, from the
    CSV Lirscope writes (half-open upper)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'plan.csv')
        run([CLI, 'plan', path, '-o', out])
        with open(out, encoding='utf-8') as f:
            return {row['id']: (int(row['lower']), int(row['upper']) - 1) for row in csv.DictReader(f)}


class SmallModules(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.file = os.path.join(cls.tmp.name, 'models.py')
        with open(cls.file, 'w', encoding='utf-8') as f:
            f.write(MODULES)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def spec(self, name):
        return '%s:%s' % (self.file, name)

    def save(self, document, name):
        path = os.path.join(self.tmp.name, name + '.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(document, f)
        return path

    def test_inplace_relu(self):
        doc = export(self.spec('inplace_relu'), '--input', '1x3x8x8')
        nodes = doc['nodes']
        conv, relu, dropout, flatten = (n for n in nodes if n['op'] not in ('input', 'param'))
        self.assertEqual((conv['op'], relu['op'], dropout['op'], flatten['op']),
                         ('conv2d', 'relu', 'dropout', 'flatten'))
        self.assertEqual(relu['alias'], {'of': conv['id'], 'byte_offset': 0, 'kind': 'inplace'})
        self.assertEqual(dropout['alias'], {'of': relu['id'], 'byte_offset': 0, 'kind': 'view'})
        self.assertEqual(flatten['alias'], {'of': dropout['id'], 'byte_offset': 0, 'kind': 'view'})
        self.assertNotIn('alias', conv)
        params = [n['name'] for n in nodes if n['op'] == 'param']
        self.assertEqual(params, ['0.weight', '0.bias'])
        self.assertEqual(conv['inputs'], [0] + [n['id'] for n in nodes if n['op'] == 'param'])
        path = self.save(doc, 'inplace')
        # One arena buffer for the conv, its three aliases inside it.
        stats = json.loads(run([CLI, 'stats', '--json', '--no-params', '--no-inputs', path]).stdout)
        self.assertEqual((stats['buffers'], stats['views']), (1, 3))
        self.assertEqual(stats['lower_bound'], 4 * 6 * 6 * 4)
        # The tooltip keeps the op's own name and says where it writes.
        svg = os.path.join(self.tmp.name, 'inplace.svg')
        run([CLI, 'render', path, '-o', svg])
        with open(svg, encoding='utf-8') as f:
            self.assertTrue('op relu, in-place on _0' in f.read(), 'the tooltip names the op')

    def test_residual_block(self):
        doc = export(self.spec('residual'), '--input', '1x8x6x6')
        nodes = by_name(doc)
        self.assertEqual(nodes['relu']['alias']['kind'], 'inplace')
        self.assertEqual(nodes['relu']['alias']['of'], nodes['conv1']['id'])
        # The tracer turns `out += x` into an addition that makes a new tensor.
        self.assertEqual(nodes['add']['inputs'], [nodes['conv2']['id'], nodes['x']['id']])
        self.assertNotIn('alias', nodes['add'])
        self.assertEqual(nodes['relu_1']['alias'],
                         {'of': nodes['add']['id'], 'byte_offset': 0, 'kind': 'inplace'})
        path = self.save(doc, 'residual')
        life = plan_lifetimes(path)
        # conv1's buffer, written in place by relu, lives until conv2 reads
        # it; the sum, written in place by the last relu, to the end.
        steps = {n['name']: i for i, n in enumerate(doc['nodes'])}
        self.assertEqual(life['x'], (0, len(doc['nodes'])))          # an input: whole run
        self.assertEqual(life['conv1'], (steps['conv1'], steps['conv2']))
        self.assertEqual(life['conv2'], (steps['conv2'], steps['add']))
        self.assertEqual(life['add'], (steps['add'], len(doc['nodes'])))
        self.assertNotIn('relu_1', life)

    def test_chunk_and_getitem(self):
        doc = export(self.spec('chunks'), '--input', '4x6', '--dtype', 'f16')
        nodes = by_name(doc)
        x = nodes['x']
        self.assertEqual(x['shape'], {'dtype': 'f16', 'dims': [4, 6]})
        self.assertFalse(nodes['chunk']['buffer'])
        self.assertNotIn('shape', nodes['chunk'])
        a, b = nodes['getitem'], nodes['getitem_1']
        # Rows 0-1 and 2-3: offsets in f16 bytes (2 rows x 6 x 2 B).
        self.assertEqual(a['alias'], {'of': x['id'], 'byte_offset': 0, 'kind': 'view'})
        self.assertEqual(b['alias'], {'of': x['id'], 'byte_offset': 24, 'kind': 'view'})
        self.assertEqual(nodes['add_']['alias'], {'of': b['id'], 'byte_offset': 0, 'kind': 'inplace'})
        c, d = nodes['getitem_2'], nodes['getitem_3']
        for piece in (c, d):
            self.assertNotIn('alias', piece)
            self.assertEqual(piece['result_of'], nodes['chunk_1']['id'])
            self.assertIn('dense copy', piece['attrs']['memory'])
        path = self.save(doc, 'chunks')
        life = plan_lifetimes(path)
        steps = {n['name']: i for i, n in enumerate(doc['nodes'])}
        self.assertEqual(life['getitem_2'][0], steps['chunk_1'])
        self.assertEqual(run([CLI, 'validate', path]).returncode, 0)

    def test_split(self):
        doc = export(self.spec('split'), '--input', '4x5')
        nodes = by_name(doc)
        self.assertFalse(nodes['split']['buffer'])
        self.assertEqual(nodes['getitem']['alias']['byte_offset'], 0)
        self.assertEqual(nodes['getitem_1']['alias'],
                         {'of': nodes['x']['id'], 'byte_offset': 20, 'kind': 'view'})
        self.assertEqual(nodes['getitem_1']['shape']['dims'], [3, 5])

    def test_multihead_attention(self):
        doc = export(self.spec('attention'), '--input', '2x5x16')
        nodes = by_name(doc)
        mha = nodes['mha']
        self.assertEqual(mha['op'], 'multiheadattention')
        self.assertFalse(mha['buffer'])
        params = [doc['nodes'][i]['name'] for i in mha['inputs'] if doc['nodes'][i]['op'] == 'param']
        self.assertEqual(params, ['mha.in_proj_weight', 'mha.in_proj_bias', 'mha.out_proj.weight',
                                  'mha.out_proj.bias'])
        out, weights = nodes['getitem'], nodes['getitem_1']
        self.assertEqual(out['result_of'], mha['id'])
        self.assertEqual(out['shape']['dims'], [2, 5, 16])
        self.assertEqual(weights['shape']['dims'], [2, 5, 5])
        life = plan_lifetimes(self.save(doc, 'attention'))
        steps = {n['name']: i for i, n in enumerate(doc['nodes'])}
        self.assertEqual(life['getitem'][0], steps['mha'])
        self.assertEqual(life['getitem_1'][0], steps['mha'])

    def test_size_calls(self):
        doc = export(self.spec('sizes'), '--input', '2x3x4x4')
        nodes = by_name(doc)
        self.assertFalse(nodes['size']['buffer'])
        view = nodes['view']
        self.assertEqual(view['inputs'], [nodes['x']['id'], nodes['size']['id']])
        self.assertEqual(view['alias'], {'of': nodes['x']['id'], 'byte_offset': 0, 'kind': 'view'})
        self.assertEqual(nodes['contiguous']['alias']['of'], view['id'])
        self.assertEqual(nodes['fc']['op'], 'linear')
        path = self.save(doc, 'sizes')
        stats = json.loads(run([CLI, 'stats', '--json', path]).stdout)
        self.assertTrue(stats['valid'])
        self.assertEqual(stats['nodes'], len(doc['nodes']))

    def test_inputs(self):
        # Several inputs, integer ones by dtype; the graph named after the callable.
        doc = export(self.spec('two_inputs'), '--input', '2x5:int64', '--input', '2x5x1')
        self.assertEqual(doc['name'], 'two_inputs')
        inputs = [n for n in doc['nodes'] if n['op'] == 'input']
        self.assertEqual([(n['name'], n['shape']) for n in inputs],
                         [('tokens', {'dtype': 'i64', 'dims': [2, 5]}), ('scale', {'dtype': 'f32', 'dims': [2, 5, 1]})])
        doc = export(self.spec('recurrent'), '--input', '2x7:int64')
        self.assertEqual(by_name(doc)['out']['shape']['dims'], [2, 7, 100])
        failed = run([TORCH, self.spec('two_inputs'), '--input', '2x5:int66'], check=False)
        self.assertEqual(failed.returncode, 2)
        self.assertEqual(failed.stderr.strip().count('\n'), 0)  # one line
        self.assertIn("unknown dtype 'int66'", failed.stderr)
        # The real reason, in one line: not ShapeProp's wrapper, no traceback.
        failed = run([TORCH, self.spec('two_inputs'), '--input', '2x5', '--input', '2x5x1'], check=False)
        self.assertEqual(failed.returncode, 2)
        self.assertEqual(failed.stderr.strip().count('\n'), 0)
        self.assertIn("does not run on an input of 2x5, 2x5x1: Expected tensor for argument #1 'indices'",
                      failed.stderr)
        # A Python without torch (-S: no site packages) is told what to use.
        failed = run([PYTHON, '-S', TORCH, 'torchvision:resnet18'], check=False)
        self.assertEqual(failed.returncode, 2)
        self.assertIn('cannot import torch', failed.stderr)
        self.assertNotIn('Traceback', failed.stderr)
        # A factory that raises: its exception and where, exit 2.
        failed = run([TORCH, self.spec('raises')], check=False)
        self.assertEqual(failed.returncode, 2)
        self.assertEqual(failed.stderr.strip().count('\n'), 0)
        self.assertIn('raises raised ValueError: no GPU here (at ', failed.stderr)

    def test_errors(self):
        failed = run([TORCH, self.spec('untraceable')], check=False)
        self.assertEqual(failed.returncode, 2)
        self.assertIn('cannot be traced by torch.fx', failed.stderr)
        self.assertIn('control flow', failed.stderr)
        self.assertIn('models.py:', failed.stderr)            # the line in the user's code
        self.assertNotIn('Traceback', failed.stderr)
        for spec, words in ((self.spec('not_a_module'), 'not a torch.nn.Module'),
                            ('torchvision:no_such_net', 'torchvision has no model'),
                            ('/nonexistent/m.py:f', 'no such file')):
            failed = run([TORCH, spec], check=False)
            self.assertEqual(failed.returncode, 2, spec)
            self.assertIn(words, failed.stderr)
        failed = run([TORCH, 'torchvision:resnet18', '--input', '1x3xbig'], check=False)
        self.assertEqual(failed.returncode, 2)
        self.assertIn('--input 1x3xbig', failed.stderr)
        failed = run([TORCH, self.spec('sizes'), '--input', '2x3x4x4', '-o', '/nonexistent/dir/out.json'],
                     check=False)
        self.assertEqual(failed.returncode, 2)
        self.assertIn('cannot write', failed.stderr)


def document_peak(document):
    """Peak live bytes of a graph document with params and inputs out of
    the arena, by category, counted here from the document alone: a node
    owns a buffer unless it is bufferless or an alias; the buffer is born
    at its node (or at the producer of a tuple it comes out of) and lives
    until the last node that reads it or an alias of it; outputs live to the
    end. Returns (peak bytes, {category: bytes at the first peak step})."""
    nodes = document['nodes']
    dtype_bytes = {'f32': 4, 'f16': 2, 'bf16': 2, 'f64': 8, 'i64': 8, 'i32': 4, 'i16': 2, 'i8': 1,
                   'u8': 1, 'bool': 1}
    root = {}
    for n in nodes:
        alias = n.get('alias')
        root[n['id']] = root[alias['of']] if alias else n['id']
    owners = [n for n in nodes if n.get('buffer', True) and 'alias' not in n
              and n['op'] not in ('param', 'input', 'constant')]
    step = {n['id']: i for i, n in enumerate(nodes)}  # the file's order is the schedule
    born, last = {}, {}
    for n in owners:
        born[n['id']] = step[n.get('result_of', n['id'])]
        last[n['id']] = born[n['id']]
    for n in nodes:
        for i in n.get('inputs', []):
            r = root[i]
            if r in last:
                last[r] = max(last[r], step[n['id']])
    end = len(nodes)
    for o in document['outputs']:
        if root[o] in last:
            last[root[o]] = end

    def size(n):
        count = 1
        for d in n['shape']['dims']:
            count *= d
        return count * dtype_bytes[n['shape']['dtype']]
    best, at = -1, 0
    for step in range(end + 1):
        live = sum(size(n) for n in owners if born[n['id']] <= step <= last[n['id']])
        if live > best:
            best, at = live, step
    by_category = {}
    for n in owners:
        if born[n['id']] <= at <= last[n['id']]:
            by_category[n.get('category', 'none')] = by_category.get(n.get('category', 'none'), 0) + size(n)
    return best, by_category


class TrainingStep(unittest.TestCase):
    """lirscope-torch --train on models written here: categories, saved
    activations, the optimizer's state, and the peak by category held to a
    count made here from the document."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.file = os.path.join(cls.tmp.name, 'models.py')
        with open(cls.file, 'w', encoding='utf-8') as f:
            f.write(MODULES)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def export_step(self, name, *extra):
        path = os.path.join(self.tmp.name, '%s-%d.json' % (name, len(extra)))
        made = run([TORCH, '--train', '%s:%s' % (self.file, name), '-o', path] + list(extra))
        self.assertIn('nodes in', made.stderr)
        with open(path, encoding='utf-8') as f:
            return path, json.load(f)

    def test_categories_and_saved(self):
        path, doc = self.export_step('tiny_net', '--input', '4x3x8x8', '--optimizer', 'none')
        nodes = doc['nodes']
        model = MODELS['TinyNet']()
        names = by_name(doc)
        for pname, tensor in model.named_parameters():
            self.assertEqual(names[pname]['category'], 'parameter', pname)
            self.assertEqual(names[pname]['shape']['dims'], list(tensor.shape))
        self.assertEqual(names['bn.running_mean']['category'], 'parameter')
        self.assertEqual(names['input']['category'], 'input')
        self.assertEqual(names['target']['shape'], {'dtype': 'i64', 'dims': [4]})
        regions = [n['region'] for n in nodes if n['op'] not in ('param', 'input')]
        # Forward, then backward: never back again.
        self.assertEqual(regions, sorted(regions, key=['forward', 'backward'].index))
        forward = {n['id'] for n in nodes if n['region'] == 'forward' and n['op'] not in ('param', 'input')}
        backward = [n for n in nodes if n['region'] == 'backward']
        read_by_backward = {i for n in backward for i in n.get('inputs', [])}
        # Saved exactly when a forward activation is read by the backward pass.
        for n in nodes:
            if n['id'] in forward and n.get('buffer', True):
                if n.get('category') == 'activation':
                    self.assertEqual(n.get('saved', False), n['id'] in read_by_backward, n['name'])
                else:
                    self.assertEqual(n.get('category'), 'autograd_detail', n['name'])
                    self.assertIn(n['id'], read_by_backward)
        self.assertTrue(any(n.get('saved') for n in nodes))
        self.assertEqual(len(names), len(nodes))  # names are unique
        # The head's transposed weight is a view of the weight, as in eager.
        transposed = [n for n in nodes if n['op'] == 't.default' and n['inputs'] == [names['head.weight']['id']]]
        self.assertTrue(transposed)
        for n in transposed:
            self.assertEqual(n['alias'], {'of': names['head.weight']['id'], 'byte_offset': 0, 'kind': 'view'})
            self.assertEqual(n['attrs']['memory'], 'strided view')
        # A gradient per parameter, each an output (kept until the next step).
        grads = [nodes[i] for i in doc['outputs'] if nodes[i]['region'] == 'backward']
        self.assertEqual(sorted(g['shape']['dims'] for g in grads),
                         sorted(list(t.shape) for _, t in model.named_parameters()))
        # Lazy backward order: a backward node that does not need the
        # loss's gradient runs just before its first reader (only others
        # like it in between).
        position = {n['id']: i for i, n in enumerate(nodes)}
        tangent = names['loss.grad']['id']
        needs = {tangent}
        for n in nodes:
            if any(i in needs for i in n.get('inputs', [])):
                needs.add(n['id'])
        independent = {n['id'] for n in backward if n['id'] not in needs and n['op'] != 'input'}
        self.assertTrue(independent)
        for v in independent:
            readers = [position[n['id']] for n in nodes if v in n.get('inputs', [])]
            if readers:
                between = nodes[position[v] + 1:min(readers)]
                self.assertTrue(all(n['id'] in independent for n in between), nodes[position[v]]['name'])
        aot_path, aot = self.export_step('tiny_net', '--input', '4x3x8x8', '--optimizer', 'none',
                                         '--backward-order', 'aot')
        self.assertEqual(sorted(n['id'] for n in aot['nodes']), sorted(n['id'] for n in nodes))
        self.assertEqual(run([CLI, 'validate', aot_path]).returncode, 0)
        # The plan's lower bound and its peak by category, counted here.
        peak, by_category = document_peak(doc)
        stats = json.loads(run([CLI, 'stats', '--json', '--no-params', '--no-inputs', path]).stdout)
        self.assertTrue(stats['valid'])
        self.assertEqual(stats['lower_bound'], peak)
        report = json.loads(run([CLI, 'peak', '--json', '--no-params', '--no-inputs', path]).stdout)
        self.assertEqual({k: v for k, v in report['by_category'].items() if v}, by_category)

    def test_optimizers(self):
        trained = sum(1 for _ in MODELS['TinyNet']().parameters())
        for optimizer, states, temporaries in (('sgd', 0, 0), ('momentum', 1, 0), ('adam', 2, 1),
                                               ('adamw', 2, 1)):
            path, doc = self.export_step('tiny_net', '--input', '2x3x8x8', '--optimizer', optimizer)
            update = [n for n in doc['nodes'] if n['region'] == 'optimizer']
            state = [n for n in update if n['op'] == 'param']
            self.assertEqual(len(state), states * trained, optimizer)
            self.assertTrue(all(n['category'] == 'optimizer_state' for n in state))
            self.assertEqual(sum(1 for n in update if n['category'] == 'temporary'), temporaries * trained)
            written = [n for n in update if n.get('alias', {}).get('kind') == 'inplace'
                       and doc['nodes'][n['alias']['of']]['category'] == 'parameter']
            self.assertGreaterEqual(len(written), trained)
            self.assertEqual(run([CLI, 'validate', path]).returncode, 0)
            peak, _ = document_peak(doc)
            stats = json.loads(run([CLI, 'stats', '--json', '--no-params', '--no-inputs', path]).stdout)
            self.assertEqual(stats['lower_bound'], peak, optimizer)

    def test_language_model_and_losses(self):
        # (N, T, V) logits against integer targets shaped (N, T).
        path, doc = self.export_step('tiny_lm')
        names = by_name(doc)
        self.assertEqual(names['input']['shape'], {'dtype': 'i64', 'dims': [2, 7]})
        self.assertEqual(names['target']['shape'], {'dtype': 'i64', 'dims': [2, 7]})
        self.assertEqual(run([CLI, 'validate', path]).returncode, 0)
        for loss in ('mse', 'sum'):
            path, doc = self.export_step('tiny_net', '--input', '2x3x8x8', '--loss', loss)
            if loss == 'mse':
                self.assertEqual(by_name(doc)['target']['shape']['dims'], [2, 5])
            svg = os.path.join(self.tmp.name, loss + '.svg')
            run([CLI, 'render', path, '-o', svg])
            with open(svg, encoding='utf-8') as f:
                text = f.read()
            self.assertIn('saved activation', text)
            self.assertIn('Backward', text)

    def test_checkpoint_min_cut(self):
        # Recomputing in the backward: some forward ops run again there (as
        # activations of the backward region), nothing more is saved, the
        # step is still a valid plan and its bound no higher.
        _, saved_all = self.export_step('tiny_net', '--input', '8x3x16x16', '--optimizer', 'none')
        path, doc = self.export_step('tiny_net', '--input', '8x3x16x16', '--optimizer', 'none',
                                     '--checkpoint', 'min-cut')
        recomputed = [n for n in doc['nodes'] if n['region'] == 'backward' and n.get('category') == 'activation']
        self.assertTrue(recomputed)

        def saved_bytes(document):
            return sum(4 * functools.reduce(operator.mul, n['shape']['dims'], 1)
                       for n in document['nodes'] if n.get('saved'))
        self.assertLess(saved_bytes(doc), saved_bytes(saved_all))
        self.assertEqual(run([CLI, 'validate', path]).returncode, 0)
        peak, _ = document_peak(doc)
        stats = json.loads(run([CLI, 'stats', '--json', '--no-params', '--no-inputs', path]).stdout)
        self.assertEqual(stats['lower_bound'], peak)
        self.assertLessEqual(peak, document_peak(saved_all)[0])

    def test_errors(self):
        failed = run([TORCH, '--train', '%s:not_a_module' % self.file], check=False)
        self.assertEqual(failed.returncode, 2)
        self.assertIn('not a torch.nn.Module', failed.stderr)
        failed = run([TORCH, '--train', '%s:tiny_net' % self.file, '--input', '2x5'], check=False)
        self.assertEqual(failed.returncode, 2)
        self.assertIn('does not run on an input of 2x5', failed.stderr)


def independent_peak(model, sample):
    """Peak live activation bytes, counted from the FX graph alone: every
    tensor result that PyTorch, given dense inputs, does not return as a
    contiguous block of an input's bytes is a buffer, born at its node
    (or at the tuple-producing node it comes out of) and live until the last
    node that reads it or a view of it; graph outputs live to the end."""
    graph_module = torch.fx.symbolic_trace(model.eval())
    order = [n for n in graph_module.graph.nodes if n.op != 'output']
    step = {n: i for i, n in enumerate(order)}
    env, owner, born, size = {}, {}, {}, {}

    def dense(value):
        return value.contiguous() if isinstance(value, torch.Tensor) else value

    def inputs_of(node):
        found = []
        torch.fx.node.map_arg((node.args, node.kwargs), found.append)
        return found

    for node in order:
        if node.op == 'placeholder':
            env[node] = sample
            continue
        if node.op == 'get_attr':
            env[node] = functools.reduce(getattr, node.target.split('.'), graph_module)
            continue
        handed = []  # the tensors the op is given, with the node each stands for

        def give(n):
            value = dense(env[n])
            if isinstance(value, torch.Tensor):
                handed.append((n, value))
            return value
        args = torch.fx.node.map_arg(node.args, give)
        kwargs = torch.fx.node.map_arg(node.kwargs, give)
        with torch.no_grad():
            if node.op == 'call_module':
                value = graph_module.get_submodule(node.target)(*args, **kwargs)
            elif node.op == 'call_method':
                value = getattr(args[0], node.target)(*args[1:], **kwargs)
            else:
                value = node.target(*args, **kwargs)
        env[node] = value
        source = node.args[0] if node.op == 'call_function' and node.target is operator.getitem else None
        if source is not None and isinstance(env.get(source), (tuple, list)):
            handed = env['given', source]
            birth = step[source]
        else:
            birth = step[node]
        env['given', node] = handed
        if not isinstance(value, torch.Tensor):
            continue
        root = None
        if value.is_contiguous():
            for n, a in handed:
                same = a.storage().data_ptr() == value.storage().data_ptr() and a.dtype == value.dtype
                if same and 0 <= value.data_ptr() - a.data_ptr() \
                        and value.data_ptr() + value.numel() * value.element_size() \
                        <= a.data_ptr() + a.numel() * a.element_size():
                    root = owner.get(n, n)
                    break
        if root is not None:
            owner[node] = root
        else:
            owner[node] = node
            born[node] = birth
            size[node] = value.numel() * value.element_size()
    last = dict(born)
    end = len(order)
    for node in order:
        for n in inputs_of(node):
            if n in owner:
                root = owner[n]
                if root in last:
                    last[root] = max(last[root], step[node])
    for n in inputs_of(next(n for n in graph_module.graph.nodes if n.op == 'output')):
        if n in owner and owner[n] in last:
            last[owner[n]] = end
    activations = [n for n in born if n.op not in ('placeholder', 'get_attr')]
    return max(sum(size[n] for n in activations if born[n] <= s <= last[n]) for s in range(end + 1))


class TorchvisionModels(unittest.TestCase):
    def check_model(self, name):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, name + '.json')
            made = run([TORCH, 'torchvision:' + name, '-o', path])
            self.assertIn('nodes in', made.stderr)
            stats = json.loads(run([CLI, 'stats', '--json', '--no-params', '--no-inputs', path]).stdout)
            torch.manual_seed(0)
            model = torchvision.models.get_model(name, weights=None)
            torch.manual_seed(0)
            expected = independent_peak(model, torch.randn(1, 3, 224, 224))
            self.assertEqual(stats['lower_bound'], expected, name)
            self.assertTrue(stats['valid'])
            planned = os.path.join(tmp, 'planned.json')
            run([CLI, 'plan', path, '--no-params', '--no-inputs', '-o', planned])
            self.assertEqual(run([CLI, 'validate', planned]).returncode, 0)
            svg = os.path.join(tmp, name + '.svg')
            run([CLI, 'render', planned, '-o', svg])
            with open(svg, encoding='utf-8') as f:
                self.assertIn(name, f.read())
            return stats

    def test_resnet18(self):
        self.check_model('resnet18')

    def test_other_families(self):
        # Segmentation and video models build without a download.
        with tempfile.TemporaryDirectory() as tmp:
            for name, first in (('lraspp_mobilenet_v3_large', [1, 3, 224, 224]), ('r3d_18', [1, 3, 16, 112, 112])):
                path = os.path.join(tmp, name + '.json')
                run([TORCH, 'torchvision:' + name, '-o', path])
                with open(path, encoding='utf-8') as f:
                    doc = json.load(f)
                self.assertEqual([n['shape']['dims'] for n in doc['nodes'] if n['op'] == 'input'], [first])
                self.assertEqual(run([CLI, 'validate', path]).returncode, 0)

    def test_mobilenet_v2(self):
        self.check_model('mobilenet_v2')

    def test_squeezenet(self):
        stats = self.check_model('squeezenet1_0')
        self.assertGreater(stats['bytes_saved_by_views'], 0)


if __name__ == '__main__':
    unittest.main(verbosity=2)
