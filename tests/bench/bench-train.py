#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Training steps against reality: for each model, lirscope-torch --train's
export time and node count, one eager training step of the same model
(forward, cross-entropy loss, backward, and the optimizer's step with
--optimizer) timed and measured by
torch.profiler, and the plan's lower bound and arena with params and inputs
out of the arena, as a Markdown table. A benchmark, never pass/fail.

What the eager peak counts: torch.profiler's allocation events
(profile_memory=True; on torch 1.13 they are in the event tree, with the
allocator's running total), the highest total during the step minus the
total before it. Params, their buffers and the input were allocated before
the step, so it counts what the plan counts: activations, saved tensors,
gradients (set to None before the step, so the backward allocates them) and
the temporaries inside ops that no graph shows.

    tests/bench/bench-train.py BUILD_DIR [--batch N] [MODEL...]
    tests/bench/bench-train.py build tests/bench/models/gpt.py:make_model
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def load_exporter(build):
    """lirscope-torch as a module: the bench builds the model, its input,
    target and loss exactly as the exporter does."""
    import runpy
    return runpy.run_path(os.path.join(build, 'app', 'lirscope-torch'), run_name='lirscope_torch')


def measure(run):
    """(peak bytes above the level before, seconds) of run () under
    torch.profiler's memory profiling."""
    from torch.profiler import profile, ProfilerActivity
    started = time.monotonic()
    with profile(activities=[ProfilerActivity.CPU], profile_memory=True) as prof:
        run()
    seconds = time.monotonic() - started
    events = []
    stack = list(prof.profiler.kineto_results.experimental_event_tree())
    while stack:
        event = stack.pop()
        stack.extend(event.children)
        fields = event.extra_fields
        if type(fields).__name__ == '_ExtraFields_Allocation':
            events.append((event.start_time_ns, fields.alloc_size, fields.total_allocated))
    events.sort()
    if not events:
        return 0, seconds
    before = events[0][2] - events[0][1]
    return max(total for _, _, total in events) - before, seconds


def run_graph(graph_module, values):
    """Runs an FX graph as the plan does: in the graph's order, each value
    dropped after its last use; @values (the placeholders' values) is
    emptied, so the caller holds nothing either."""
    import torch.fx
    nodes = list(graph_module.graph.nodes)
    last = {}
    for i, node in enumerate(nodes):
        for used in node.all_input_nodes:
            last[used] = i
    given = list(reversed(values))  # popped one by one: nothing holds a value once it is bound
    values.clear()
    env = {}
    for i, node in enumerate(nodes):
        if node.op == 'placeholder':
            env[node] = given.pop()
        elif node.op == 'get_attr':
            env[node] = getattr(graph_module, node.target)
        elif node.op == 'call_function':
            args = torch.fx.node.map_arg(node.args, env.__getitem__)
            kwargs = torch.fx.node.map_arg(node.kwargs, env.__getitem__)
            env[node] = node.target(*args, **kwargs)
        elif node.op == 'output':
            return torch.fx.node.map_arg(node.args[0], env.__getitem__)
        for used in node.all_input_nodes:
            if last[used] == i:
                del env[used]
        if node not in last:  # read by nothing
            env.pop(node, None)
    return None


def graphs_step(exporter, step_module, x, target, checkpoint):
    """A measured run of the recomputing graphs themselves: AOT Autograd's
    forward and backward graphs for @checkpoint, run one after the other
    without autograd (which would keep every saved tensor until the whole
    backward ends), the backward in the document's lazy order."""
    import torch
    from functorch.compile import aot_module, make_boxed_func
    graphs = {}

    def keep(kind):
        def compile_graph(graph_module, example_inputs):
            graphs[kind] = graph_module
            return make_boxed_func(graph_module.forward)
        return compile_graph
    compiled = aot_module(step_module, fw_compiler=keep('forward'), bw_compiler=keep('backward'),
                          **exporter['recompute_options'](checkpoint))
    compiled(x, target).backward()
    forward = graphs['forward']
    backward = exporter['lazy_backward_graph'](graphs['backward'])
    primals = [p for _, p in step_module.named_parameters()] + [b for _, b in step_module.named_buffers()]

    def run():
        with torch.no_grad():
            outputs = run_graph(forward, primals + [x, target])
            loss, saved = outputs[0], list(outputs[1:])
            del outputs
            saved.append(torch.ones_like(loss))
            del loss
            run_graph(backward, saved)
    run()  # warm up
    return measure(run)


def eager_step(exporter, spec, shape, checkpoint='none', optimizer='none'):
    """(peak bytes above the level before the step, seconds) of one step;
    with a checkpoint mode, of the recomputing graphs (graphs_step ())."""
    import torch
    model, example = exporter['load_model'](spec)
    model.train()
    x = exporter['random_input'](shape, example)
    target = exporter['example_target'](model, x, 'cross-entropy')
    step_module = exporter['loss_module'](model, 'cross-entropy')
    if checkpoint != 'none':
        return graphs_step(exporter, step_module, x, target, checkpoint)
    update = None
    if optimizer != 'none':
        # Single-tensor code, as lirscope-torch models it; its state is made
        # by the warm-up step, before the measured one, like the params.
        params = list(model.parameters())
        update = {'sgd': lambda: torch.optim.SGD(params, lr=0.01, foreach=False),
                  'momentum': lambda: torch.optim.SGD(params, lr=0.01, momentum=0.9, foreach=False),
                  'adam': lambda: torch.optim.Adam(params, foreach=False),
                  'adamw': lambda: torch.optim.AdamW(params, foreach=False)}[optimizer]()

    def step():
        step_module(x, target).backward()
        if update is not None:
            update.step()
    step()  # warm up: oneDNN's first calls allocate caches of their own
    model.zero_grad(set_to_none=True)
    return measure(step)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('build')
    parser.add_argument('--batch', type=int, default=8)
    parser.add_argument('--checkpoint', default='none', help='none or min-cut, as lirscope-torch takes it')
    parser.add_argument('--optimizer', default='none', help='none, sgd, momentum, adam or adamw')
    parser.add_argument('models', nargs='*', default=['resnet18', 'resnet50', 'mobilenet_v2'],
                        help='torchvision names, or FILE.py:CALLABLE as lirscope-torch takes them')
    args = parser.parse_intermixed_args()
    torch_tool = os.path.join(args.build, 'app', 'lirscope-torch')
    exporter = load_exporter(args.build)
    shape = [args.batch, 3, 224, 224]
    cli = os.path.join(args.build, 'app', 'lirscope-cli')
    print('checkpoint: %s, optimizer: %s\n' % (args.checkpoint, args.optimizer))
    print('| model | batch | nodes | export s | eager step s | export / step | eager peak MB | '
          'lower bound MB | bound / eager | arena / bound |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    with tempfile.TemporaryDirectory() as tmp:
        for model in args.models:
            spec = model if ':' in model else 'torchvision:' + model
            name = exporter['model_name'](spec)
            path = os.path.join(tmp, name + '.json')
            started = time.monotonic()
            made = subprocess.run([torch_tool, '--train', spec, '--optimizer', args.optimizer,
                                   '--checkpoint', args.checkpoint,
                                   '--input', 'x'.join(map(str, shape)), '-o', path],
                                  capture_output=True, text=True)
            export_seconds = time.monotonic() - started
            if made.returncode != 0:
                print('| %s | failed: %s |' % (name, made.stderr.strip().splitlines()[-1]))
                continue
            with open(path, encoding='utf-8') as f:
                nodes = len(json.load(f)['nodes'])
            stats = json.loads(subprocess.run([cli, 'stats', '--json', '--no-params', '--no-inputs', path],
                                              capture_output=True, text=True, check=True).stdout)
            peak, step_seconds = eager_step(exporter, spec, shape, args.checkpoint, args.optimizer)
            bound = stats['lower_bound']
            print('| %s | %d | %d | %.1f | %.2f | %.1f | %.1f | %.1f | %.3f | %.4f |'
                  % (name, args.batch, nodes, export_seconds, step_seconds, export_seconds / step_seconds,
                     peak / 1e6, bound / 1e6, bound / peak if peak else 0,
                     stats['arena_size'] / bound if bound else 0))
            sys.stdout.flush()


if __name__ == '__main__':
    main()
