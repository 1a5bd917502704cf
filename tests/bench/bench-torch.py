#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every torchvision classification model through lirscope-torch: export
time, node count, and the lower bound and arena (auto) of its activations
(--no-params --no-inputs), as a Markdown table; models that do not trace
are listed with the exporter's reason. A benchmark, never pass/fail.

    tests/bench/bench-torch.py BUILD_DIR [MODEL...]
"""
import json
import os
import subprocess
import sys
import tempfile
import time


def mib(n):
    return '%.2f MiB' % (n / 1048576)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else 'build'
    torch_tool = os.path.join(build, 'app', 'lirscope-torch')
    cli = os.path.join(build, 'app', 'lirscope-cli')
    models = sys.argv[2:]
    if not models:
        import torchvision
        models = torchvision.models.list_models(module=torchvision.models)
    print('| model | export s | nodes | lower bound | arena (auto) | arena / bound | plan s |')
    print('|---|---|---|---|---|---|---|')
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in models:
            path = os.path.join(tmp, name + '.json')
            started = time.monotonic()
            made = subprocess.run([torch_tool, 'torchvision:' + name, '-o', path],
                                  capture_output=True, text=True)
            seconds = time.monotonic() - started
            if made.returncode != 0:
                failed.append((name, made.stderr.strip().splitlines()[-1] if made.stderr else '?'))
                continue
            with open(path, encoding='utf-8') as f:
                nodes = len(json.load(f)['nodes'])
            started = time.monotonic()
            stats = json.loads(subprocess.run([cli, 'stats', '--json', '--no-params', '--no-inputs', path],
                                              capture_output=True, text=True, check=True).stdout)
            plan_seconds = time.monotonic() - started
            print('| %s | %.1f | %d | %s | %s | %.4f | %.2f |'
                  % (name, seconds, nodes, mib(stats['lower_bound']), mib(stats['arena_size']),
                     stats['arena_size'] / max(stats['lower_bound'], 1), plan_seconds), flush=True)
            os.unlink(path)
    if failed:
        print('\nNot exported:\n')
        for name, reason in failed:
            print('- %s: %s' % (name, reason))


if __name__ == '__main__':
    main()
