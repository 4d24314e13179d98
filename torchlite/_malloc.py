"""glibc malloc tuning for large temporaries (a process-wide setting, on by default).

By default glibc serves every allocation of 128 KiB or more with its own mmap
and returns it to the kernel on free.  NumPy temporaries of a few MiB are then
mapped, page-faulted in 4 KiB at a time, and unmapped on every op: a workload
on 1,000,000-element tensors spends most of its time in page faults.  Raising
the mmap and trim thresholds lets freed blocks be reused from the heap, as
PyTorch's own CPU allocator effectively does.

This changes only where memory comes from, never a result.  It affects the
whole process (including NumPy code outside torchlite).  Switch it off with
the environment variable ``TORCHLITE_MALLOC_TUNING=0`` before importing
torchlite.  It is a no-op where glibc's ``mallopt`` is not available.
"""

from __future__ import annotations

import os

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3

# Blocks up to 256 MiB come from the heap; the heap is trimmed only above 512 MiB free.
MMAP_THRESHOLD = 256 * 1024 * 1024
TRIM_THRESHOLD = 512 * 1024 * 1024

applied = False


def tune():
    """Apply the thresholds unless TORCHLITE_MALLOC_TUNING=0.  Returns True if applied."""
    global applied
    if os.environ.get("TORCHLITE_MALLOC_TUNING", "1") == "0":
        return False
    try:
        import ctypes
        import ctypes.util
        name = ctypes.util.find_library("c")
        if not name:
            return False
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    ok = mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 or \
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) == 1  # older glibc caps it at 32 MiB
    ok = mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1 and ok
    applied = ok
    return ok
