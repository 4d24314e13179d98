"""What a benchmark ran on: machine, load, thread counts and versions (best effort, never raises)."""

from __future__ import annotations

import ctypes
import os
import platform
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS")


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def usable_cores():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count()


def load_average():
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def _openblas_function(names):
    """The first of ``names`` exported by the OpenBLAS that NumPy loaded (None when not found)."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    libs = sorted({line.split()[-1] for line in maps.splitlines() if "openblas" in line.lower() and "/" in line})
    for lib in libs:
        try:
            handle = ctypes.CDLL(lib)
        except OSError:
            continue
        for name in names:
            fn = getattr(handle, name, None)
            if fn is not None:
                return fn
    return None


def openblas_threads():
    """NumPy's OpenBLAS thread count, asked of the loaded library (None when not found)."""
    fn = _openblas_function(("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_",
                             "openblas_get_num_threads"))
    if fn is None:
        return None
    fn.restype = ctypes.c_int
    return int(fn())


def set_openblas_threads(n):
    """Set NumPy's OpenBLAS thread count (best effort); True when a setter was found."""
    fn = _openblas_function(("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_",
                             "openblas_set_num_threads"))
    if fn is None:
        return False
    fn.argtypes = [ctypes.c_int]
    fn(int(n))
    return True


def numpy_blas():
    import numpy as np

    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{blas.get('name')} {blas.get('version')}".strip()
    except Exception:  # noqa: BLE001 - older NumPy: no dict mode
        return None


def git_revision():
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "torchlite"],
            cwd=REPO, capture_output=True, text=True, timeout=10,
        ).stdout.strip()
        return f"{rev}{' (torchlite/ modified)' if dirty else ''}" if rev else None
    except (OSError, subprocess.SubprocessError):
        return None


def machine_info(with_torch=True):
    """A JSON-able dict describing the machine and software."""
    import numpy as np

    info = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_model": cpu_model(),
        "logical_cores": os.cpu_count(),
        "usable_cores": usable_cores(),
        "load_average": load_average(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "numpy": np.__version__,
        "numpy_blas": numpy_blas(),
        "numpy_blas_threads": openblas_threads(),
        "thread_env": {k: os.environ[k] for k in THREAD_ENV if k in os.environ},
        "torchlite_revision": git_revision(),
    }
    if with_torch:
        try:
            import torch

            info.update(
                torch=torch.__version__,
                torch_threads=torch.get_num_threads(),
                torch_interop_threads=torch.get_num_interop_threads(),
            )
        except ImportError:
            info["torch"] = None
    for mod in ("matplotlib", "pytest_benchmark"):
        try:
            info[mod] = __import__(mod).__version__
        except (ImportError, AttributeError):
            info[mod] = None
    info["executable"] = sys.executable
    return info


def describe(info):
    """Two lines for a header: the machine, then the software."""
    load = info.get("load_average")
    machine = (
        f"{info['platform']}, {info['cpu_model']}, {info['logical_cores']} logical cores"
        f" ({info['usable_cores']} usable)" + (f", load average {load[0]}" if load else "")
    )
    software = (
        f"{info['python']}, torch {info.get('torch')} ({info.get('torch_threads')} intra-op /"
        f" {info.get('torch_interop_threads')} inter-op threads), NumPy {info['numpy']}"
        f" ({info['numpy_blas']}, {info['numpy_blas_threads']} threads), torchlite {info['torchlite_revision']}"
    )
    if info.get("thread_env"):
        software += ", " + " ".join(f"{k}={v}" for k, v in info["thread_env"].items())
    return machine, software
