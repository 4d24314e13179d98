"""Peak memory of one workload under one framework, measured in a fresh process.

    python -m benchmarks.memory W3 torchlite [--iterations 3] [--size n=10000]

prints one JSON object. The report runs this once per (workload, framework, repeat), each in its
own subprocess, so no framework sees another's allocations, caches or imported code.

The method (Linux):

1. Warm up: build a throwaway case of the same size and run it twice, then drop it, `gc.collect()`
   and `malloc_trim(0)` (glibc gives the freed pages back to the kernel). What stays resident is
   what persists across iterations in real use and is not counted: imported code, lazily
   initialised state, thread pools, BLAS work buffers that MKL/OpenBLAS keep.
2. Build the measured case (its inputs are allocated), `gc.collect()`, `malloc_trim(0)`, and read
   the resident set size (VmRSS) as the baseline.
3. Reset the kernel's peak-RSS mark (write "5" to /proc/self/clear_refs), run the iterations,
   and read the peak, VmHWM from /proc/self/status. (`resource.getrusage().ru_maxrss` reports the
   same mark, but Linux keeps a larger value inherited across fork and execve: in a child of the
   report process it would show the parent's peak. It is used only where /proc is missing.)
   **rss_peak_delta** = peak RSS - baseline: the extra memory the iterations needed at their
   peak (temporaries, saved tensors, gradients), as the operating system sees it. This is the
   number compared between torch and torchlite, because torch allocates tensor storage in C++,
   where tracemalloc cannot see it.
4. Then, with `tracemalloc` on, run the iterations again: **tracemalloc_peak** is the peak of the
   Python and NumPy allocations made during them (NumPy reports its array buffers to
   tracemalloc). It is exact and free of allocator effects for torchlite and the floor; for torch
   it shows only Python objects.

glibc's malloc adapts its mmap threshold: after a large block is freed, later blocks of that size
come from the heap, whose free pages it keeps, so the RSS of a loop of large temporaries drifts up
with the allocator's caching (torch's W3 grows from 29 MB after one iteration to 72 MB after three)
rather than with what the framework holds. `measure_in_subprocess(..., pin_malloc=True)` (what the
report compares) therefore sets `MALLOC_MMAP_THRESHOLD_=131072` (glibc's initial threshold, made
fixed): every block of 128 KiB or more is then its own mapping, returned on free, and the RSS
follows the live large buffers (for torchlite and the floor it matches tracemalloc within a few
per cent). The report also shows one run with glibc's default behaviour, for reference.

If clear_refs cannot be written, the peak is only trusted when it exceeds the mark left before the
iterations (`rss_peak_delta` is None otherwise, and `hwm_reset` is False).
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _status_kib(field):
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _peak_kib():
    """The peak RSS mark: VmHWM (reset by clear_refs); ru_maxrss only without /proc, since it also
    keeps the peak of the parent process it was forked from."""
    hwm = _status_kib("VmHWM")
    if hwm is not None:
        return hwm
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def _reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _trim():
    """Return freed heap memory to the kernel (glibc only; a no-op elsewhere)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def measure(workload_id, framework, iterations=3, sizes=None):
    """Measure in this process (meant to be a fresh one): see the module docstring."""
    from benchmarks.workloads import WORKLOADS

    w = WORKLOADS[workload_id]
    sizes = dict(sizes or {})
    warm = w.build(framework, **sizes)
    warm.run()
    warm.run()
    del warm
    gc.collect()
    _trim()

    case = w.build(framework, **sizes)
    gc.collect()
    _trim()
    baseline = _status_kib("VmRSS")
    before = _peak_kib()
    reset = _reset_peak()
    for _ in range(iterations):
        case.run()
    peak = _peak_kib()
    if baseline is None:
        delta = None
    elif reset or peak > before:
        delta = max(0, peak - baseline) * 1024
    else:
        delta = None

    gc.collect()
    tracemalloc.start()
    start, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    for _ in range(iterations):
        case.run()
    _, tm_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "workload": workload_id,
        "framework": framework,
        "iterations": iterations,
        "sizes": sizes,
        "baseline_rss_bytes": None if baseline is None else baseline * 1024,
        "rss_peak_delta_bytes": delta,
        "hwm_reset": reset,
        "tracemalloc_peak_bytes": tm_peak - start,
        "malloc_env": {k: os.environ[k] for k in sorted(os.environ) if k.startswith("MALLOC_")},
    }


PINNED_MALLOC = {"MALLOC_MMAP_THRESHOLD_": "131072"}


def measure_in_subprocess(workload_id, framework, iterations=3, sizes=None, pin_malloc=True, timeout=600):
    """Run `measure` in a fresh interpreter; returns its dict (with an 'error' key on failure).
    `pin_malloc` fixes glibc's mmap threshold in that process (see the module docstring)."""
    cmd = [sys.executable, "-m", "benchmarks.memory", workload_id, framework, "--iterations", str(iterations)]
    for key, value in (sizes or {}).items():
        cmd += ["--size", f"{key}={value}"]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    for key in PINNED_MALLOC:
        env.pop(key, None)
    if pin_malloc:
        env.update(PINNED_MALLOC)
    try:
        proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"workload": workload_id, "framework": framework, "error": f"timed out after {timeout} s"}
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"workload": workload_id, "framework": framework, "error": tail}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _size(text):
    key, _, value = text.partition("=")
    if not key or not value:
        raise argparse.ArgumentTypeError(f"expected NAME=INT, got {text!r}")
    return key, int(value)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory", description=__doc__.split("\n")[0])
    parser.add_argument("workload")
    parser.add_argument("framework", choices=("torch", "torchlite", "floor"))
    parser.add_argument("--iterations", type=int, default=3)
    parser.add_argument("--size", type=_size, action="append", default=[], help="size override, e.g. n=10000")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.workload, args.framework, args.iterations, dict(args.size))))


if __name__ == "__main__":
    main()
