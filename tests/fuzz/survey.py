"""Survey: run many fuzz programs without stopping at the first mismatch, and group them.

    python tests/fuzz/survey.py -n 2000 [--mode backward] [--seed 1] [--show 3]
    python tests/fuzz/survey.py --shrink "<signature substring>" [--mode ...]

The tests stop at the first failing program and shrink it; when torchlite has several bugs
at once, this tool shows them all: each mismatch gets a signature (the kind of difference
with names and numbers blanked), and for each signature the count and the shortest program
seen.  ``--shrink`` asks hypothesis for a minimal program whose differences include the
given signature text (the reproducer to keep in test_regressions.py).
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(1, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from hypothesis import HealthCheck, Phase, find, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fuzz_program import MODES, programs  # noqa: E402
from fuzz_run import N_PERTURBED, compare, run, triage  # noqa: E402

import torch  # noqa: E402
import torchlite  # noqa: E402

_CODE = re.compile(r"`[^`]*`")
_NUM = re.compile(r"-?\b\d+(\.\d+)?(e-?\d+)?\b")
_NAME = re.compile(r"\b[vxg]\d+\b")


def signature(diff):
    s = diff.split("\n")[0] if not diff.startswith("exception") else diff
    s = _CODE.sub("`..`", s)
    s = re.sub(r"tensor\(\[.*?\]\)", "tensor(..)", s)
    s = _NAME.sub("v", s)
    s = _NUM.sub("#", s)
    s = re.sub(r"^(line # `..`|after line #|at the end): ", "", s)
    return s[:300]


def diffs_of(program, all_diffs=False):
    """The differences no known issue explains (all of them with all_diffs), as texts,
    and the names of the known issues seen."""
    ref = run(torch, program)
    perturbed = [run(torch, program, perturb_seed=s) for s in range(N_PERTURBED)]
    lite = run(torchlite, program)
    diffs = compare(ref, lite, perturbed)
    unexplained, names = triage(program, diffs)
    return [d.text for d in (diffs if all_diffs else unexplained)], names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--mode", choices=MODES)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--show", type=int, default=1)
    ap.add_argument("--shrink", default=None)
    ap.add_argument("--all", action="store_true", help="include differences of known issues")
    args = ap.parse_args()

    if args.shrink:
        def bad(p):
            return any(args.shrink in signature(d) or args.shrink in d
                       for d in diffs_of(p, args.all)[0])
        p = find(programs(args.mode), bad, settings=settings(
            max_examples=args.n, deadline=None, database=None,
            suppress_health_check=list(HealthCheck)))
        print(p.to_source())
        print("\n".join("- " + d for d in diffs_of(p, True)[0]))
        return

    buckets = collections.defaultdict(list)
    count = [0, 0]
    known = collections.Counter()
    t0 = time.time()

    @settings(max_examples=args.n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=args.seed is not None)
    @given(programs(args.mode), st.randoms() if args.seed is None else st.just(None))
    def body(program, _):
        count[0] += 1
        try:
            ds, names = diffs_of(program, args.all)
        except Exception as e:  # noqa: BLE001 - a harness crash is a finding too
            ds, names = [f"harness crash: {type(e).__name__}: {e}"], []
        known.update(names[:1])
        if ds:
            count[1] += 1
            for sig in dict.fromkeys(signature(d) for d in ds):
                buckets[sig].append((len(program.to_source()), program, ds))

    body()
    dt = time.time() - t0
    print(f"{count[0]} programs in {dt:.1f}s ({dt / max(count[0], 1) * 1000:.1f} ms each), "
          f"{count[1]} with unexplained differences, {len(buckets)} signatures; "
          f"known issues: {dict(known.most_common())}\n")
    for sig, items in sorted(buckets.items(), key=lambda kv: -len(kv[1])):
        items.sort(key=lambda i: i[0])
        print(f"=== [{len(items)}] {sig}")
        for _, program, ds in items[:args.show]:
            print(program.to_source())
            print("\n".join("- " + d for d in ds[:6]))
            print()


if __name__ == "__main__":
    main()
