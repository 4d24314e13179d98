"""Discover cases, run each under torch and under torchlite in fresh subprocesses, judge them.

Python API (used by the CLI and by ``tests/test_conformance_corpus.py``)::

    from conformance.runner import discover, run_case, run_cases, Options

    cases = discover()                        # the bundled corpus, conformance/cases/**.py
    cases = discover(["my_script.py", "examples/"], pattern="autograd")
    result = run_case(cases[0])               # Result: .verdict, .detail, .diff, .torch, .torchlite
    results = run_cases(cases, Options(timeout=10), jobs=4)

torch's run is cached per (torch version, Python version, case content and its ``_*.py``
helpers, case path, argv, this runner's child bootstrap, output cap): a rerun after a torchlite
change starts only the torchlite subprocess.
"""

from __future__ import annotations

import concurrent.futures
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence, Union

from .compare import Judgement, NumDiff, RunRecord, Verdict, clean_text, judge, signal_name, transcript

__all__ = [
    "BUNDLED_CASES", "Case", "Options", "Result", "ReferenceCache", "discover", "run_case", "run_cases",
    "run_impl", "default_cache_dir", "torch_version", "default_jobs", "terminate_all",
]

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_CASES = PACKAGE_DIR / "cases"
CHILD_SCRIPT = PACKAGE_DIR / "_child.py"
CACHE_ENV = "TORCHLITE_CONFORMANCE_CACHE"
CACHE_FORMAT = 1  # bump when the cached record format changes
STDERR_CAP = 64 * 1024

PathLike = Union[str, os.PathLike]


# ------------------------------------------------------------------------------------------------
# cases


@dataclass(frozen=True)
class Case:
    """A script to run. ``id`` is what ``-k`` matches and reports show."""

    id: str
    path: Path  # absolute
    group: str  # the name of the case's parent folder

    @property
    def source(self) -> str:
        try:
            return clean_text(self.path.read_bytes().decode("utf-8", "backslashreplace"))
        except OSError as exc:
            return "<cannot read %s: %s>" % (self.path, exc)


def _is_case_file(path: Path) -> bool:
    return path.suffix == ".py" and not path.name.startswith("_")


def _walk(folder: Path) -> list[Path]:
    """Every case below ``folder``: ``*.py`` files not starting with ``_``, in folders not starting
    with ``_`` or ``.`` (helper packages, ``__pycache__``, hidden folders)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(("_", ".")))
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if _is_case_file(p):
                found.append(p)
    return found


def _display_id(path: Path, base: Optional[Path]) -> str:
    """Relative to the bundled corpus for its cases, else to the working folder when inside it."""
    for root in (base, Path.cwd()):
        if root is not None and path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.as_posix()


def discover(paths: Optional[Iterable[PathLike]] = None, pattern: Union[str, Sequence[str], None] = None) -> list[Case]:
    """Find cases.

    ``paths`` None or empty: the bundled corpus (``conformance/cases``, recursively; ids are relative
    to it). Otherwise each path is a script (taken even if its name starts with ``_``) or a folder
    (searched recursively). ``pattern``: keep cases whose id contains it (case-insensitive); a
    list keeps cases matching any. Raises FileNotFoundError for a path that does not exist.
    """
    roots: list[tuple[Path, Optional[Path]]] = []
    if not paths:
        roots.append((BUNDLED_CASES, BUNDLED_CASES))
    else:
        for p in paths:
            path = Path(p).absolute()
            if not path.exists():
                raise FileNotFoundError("no such file or folder: %s" % p)
            roots.append((path, BUNDLED_CASES if path == BUNDLED_CASES else None))
    cases: list[Case] = []
    seen: set[Path] = set()
    for root, base in roots:
        files = [root] if root.is_file() else (_walk(root) if root.is_dir() else [])
        for f in files:
            f = f.absolute()
            key = f.resolve()
            if key in seen:
                continue
            seen.add(key)
            cases.append(Case(id=_display_id(f, base), path=f, group=f.parent.name or "/"))
    if pattern:
        patterns = [pattern] if isinstance(pattern, str) else list(pattern)
        cases = [c for c in cases if any(p.lower() in c.id.lower() for p in patterns)]
    return cases


# ------------------------------------------------------------------------------------------------
# options and environment


def default_cache_dir() -> Path:
    """$TORCHLITE_CONFORMANCE_CACHE, else $XDG_CACHE_HOME/torchlite-conformance, else
    ~/.cache/torchlite-conformance."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "torchlite-conformance"


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@functools.lru_cache(maxsize=None)
def torch_version() -> Optional[str]:
    """The installed torch's version, read from its metadata (torch is not imported here)."""
    try:
        return importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        return None


@functools.lru_cache(maxsize=None)
def _target_path(target: str) -> Optional[str]:
    """The folder to put on the child's sys.path for importing ``target`` (e.g. torchlite)."""
    try:
        spec = importlib.util.find_spec(target)
    except (ImportError, ValueError):
        spec = None
    if spec is not None:
        if spec.submodule_search_locations:
            return str(Path(list(spec.submodule_search_locations)[0]).parent)
        if spec.origin and spec.origin not in ("built-in", "frozen"):
            return str(Path(spec.origin).parent)
        return None
    sibling = PACKAGE_DIR.parent / target
    if (sibling / "__init__.py").exists() or sibling.with_suffix(".py").exists():
        return str(PACKAGE_DIR.parent)
    return None


@functools.lru_cache(maxsize=None)
def _child_digest() -> str:
    return hashlib.sha256(CHILD_SCRIPT.read_bytes()).hexdigest()


@dataclass
class Options:
    timeout: float = 60.0  # seconds per run
    max_output: int = 1_000_000  # bytes of stdout kept per run; past it the run is stopped
    rtol: float = 1e-5
    atol: float = 1e-8
    use_cache: bool = True  # reuse torch's cached run
    cache_dir: Optional[PathLike] = None  # default: default_cache_dir()
    case_args: tuple = ()  # sys.argv[1:] of every case
    seed: int = 0
    target: str = "torchlite"  # the package that answers `import torch` in the torchlite run
    python: str = sys.executable

    def resolved_cache_dir(self) -> Path:
        return Path(self.cache_dir).expanduser() if self.cache_dir is not None else default_cache_dir()


def _child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"  # same set/dict-of-str order in both runs
    env["PYTHONIOENCODING"] = "utf-8"
    # one thread: reproducible float reductions, and --jobs processes do not fight over cores
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        env.setdefault(var, "1")
    return env


# ------------------------------------------------------------------------------------------------
# the reference cache


class ReferenceCache:
    """torch's runs, one JSON file per key, written atomically (safe for parallel runs)."""

    def __init__(self, directory: PathLike):
        self.directory = Path(directory)

    @staticmethod
    def key(case: Case, options: Options) -> Optional[str]:
        version = torch_version()
        if version is None:
            return None
        h = hashlib.sha256()

        def add(label: str, data: Union[str, bytes]) -> None:
            data = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
            h.update(b"%s:%d:" % (label.encode(), len(data)))
            h.update(data)

        add("format", str(CACHE_FORMAT))
        add("torch", version)
        add("python", "%d.%d" % sys.version_info[:2])
        add("child", _child_digest())
        add("case", case.path.read_bytes())
        add("path", str(case.path))
        add("argv", json.dumps(list(options.case_args)))
        add("seed", str(options.seed))
        add("cap", str(options.max_output))
        # helper modules beside the case (not cases themselves) change what it prints
        for helper in sorted(case.path.parent.glob("_*.py")):
            add("helper:" + helper.name, helper.read_bytes())
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / (key + ".json")

    def get(self, key: Optional[str]) -> Optional[RunRecord]:
        if key is None:
            return None
        try:
            data = json.loads(self._file(key).read_text(encoding="utf-8"))
            rec = RunRecord.from_dict(data)
        except (OSError, ValueError, TypeError):
            return None
        rec.cached = True
        return rec

    def put(self, key: Optional[str], rec: RunRecord) -> None:
        if key is None or rec.status not in ("completed", "flooded", "unfinished"):
            return  # timeouts, signals, runner errors may be accidents of this machine's load
        path = self._file(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(rec.to_dict(), fh)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written is only slower


# ------------------------------------------------------------------------------------------------
# running one implementation

_live_lock = threading.Lock()
_live: set = set()


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - not POSIX
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass


def terminate_all() -> None:
    """Kill every child process (and its process group) still running; for Ctrl-C."""
    with _live_lock:
        procs = list(_live)
    for proc in procs:
        _kill_group(proc)


class _Capture(threading.Thread):
    """Reads a pipe to its end, keeping at most ``cap`` bytes; calls ``on_overflow`` once."""

    def __init__(self, pipe, cap: int, on_overflow: Optional[Callable[[], None]] = None):
        super().__init__(daemon=True)
        self.pipe = pipe
        self.cap = cap
        self.on_overflow = on_overflow
        self.chunks: list[bytes] = []
        self.kept = 0
        self.overflow = False

    def run(self) -> None:
        fd = self.pipe.fileno()
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            room = self.cap - self.kept
            if room > 0:
                piece = data[:room]
                self.chunks.append(piece)
                self.kept += len(piece)
            if len(data) > max(room, 0):
                if not self.overflow:
                    self.overflow = True
                    if self.on_overflow is not None:
                        self.on_overflow()

    def data(self) -> bytes:
        return b"".join(self.chunks)


def run_impl(case: Case, impl: str, options: Optional[Options] = None) -> RunRecord:
    """Run ``case`` once under ``impl`` ("torch" or "torchlite") in a fresh subprocess."""
    options = options or Options()
    name = case.path.name
    impl_modules = ("torch", options.target)
    with tempfile.TemporaryDirectory(prefix="tlconf-") as tmp:
        result_file = Path(tmp) / ("%s.jsonl" % impl)
        cmd = [options.python, str(CHILD_SCRIPT), "--impl", impl, "--result", str(result_file),
               "--seed", str(options.seed), "--target", options.target]
        target_path = _target_path(options.target) if impl == "torchlite" else None
        if target_path:
            cmd += ["--target-path", target_path]
        cmd += ["--", str(case.path), *options.case_args]
        start = time.monotonic()
        try:
            proc = subprocess.Popen(
                cmd, cwd=str(case.path.parent), env=_child_env(), stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
            )
        except OSError as exc:
            return RunRecord(impl=impl, error="cannot start %s: %s" % (options.python, exc))
        with _live_lock:
            _live.add(proc)
        try:
            out = _Capture(proc.stdout, options.max_output, on_overflow=lambda: _kill_group(proc))
            err = _Capture(proc.stderr, STDERR_CAP)
            out.start()
            err.start()
            timed_out = False
            try:
                proc.wait(timeout=options.timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                _kill_group(proc)
                proc.wait()
            duration = time.monotonic() - start
            _kill_group(proc)  # whatever the case left running in its process group
            out.join(timeout=5)
            err.join(timeout=5)
        finally:
            with _live_lock:
                _live.discard(proc)
            for pipe in (proc.stdout, proc.stderr):
                try:
                    pipe.close()
                except OSError:
                    pass
        events = []
        try:
            raw = result_file.read_bytes()
        except OSError:
            raw = b""
        for line in raw.split(b"\n"):
            try:
                ev = json.loads(line)
            except ValueError:
                continue  # an empty or half-written last line
            if isinstance(ev, dict):
                events.append(ev)
    rc = proc.returncode
    stdout_bytes = out.data()
    stderr_text = err.data().decode("utf-8", "backslashreplace") + ("\n[stderr cut]" if err.overflow else "")
    if not timed_out and not any(ev.get("ev") == "start" for ev in events):
        # the bootstrap itself failed: never let two broken runs compare as "identical"
        tail = "\n".join(stderr_text.strip().splitlines()[-5:])
        return RunRecord(impl=impl, error="the child bootstrap did not start (exit code %s): %s" % (rc, tail),
                         stderr=stderr_text, returncode=rc, duration=duration)
    return RunRecord.from_events(
        impl, events, name, impl_modules,
        stdout=stdout_bytes.decode("utf-8", "backslashreplace"),
        stdout_bytes=len(stdout_bytes),
        truncated=out.overflow and not timed_out,
        max_output=options.max_output,
        stderr=stderr_text,
        returncode=rc,
        signal=signal_name(rc) if rc is not None and rc < 0 and not timed_out else None,
        timed_out=timed_out,
        timeout=options.timeout,
        duration=duration,
    )


# ------------------------------------------------------------------------------------------------
# a case: both runs, judged


@dataclass
class Result:
    case: Case
    verdict: Verdict
    detail: str
    diff: str
    torch: RunRecord
    torchlite: RunRecord
    max_diff: Optional[NumDiff] = None
    duration: float = 0.0

    def ok(self, allow_tolerance: bool = False) -> bool:
        return self.verdict is Verdict.IDENTICAL or (allow_tolerance and self.verdict is Verdict.TOLERANT)

    def report(self) -> str:
        """A plain-text account: verdict, detail, diff (what a failing test shows)."""
        lines = ["%s: %s" % (self.case.id, self.verdict.value)]
        if self.detail:
            lines.append(self.detail)
        if self.diff:
            lines += ["", self.diff]
        for rec in (self.torch, self.torchlite):
            if rec.stderr.strip() and (rec.status != "completed" or rec.exception is not None):
                tail = rec.stderr.strip().splitlines()[-15:]
                lines += ["", "%s stderr (last lines):" % rec.impl] + ["  " + t for t in tail]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "id": self.case.id,
            "path": str(self.case.path),
            "group": self.case.group,
            "verdict": self.verdict.value,
            "detail": self.detail,
            "diff": self.diff,
            "max_diff": None if self.max_diff is None else {
                "torch": self.max_diff.torch, "torchlite": self.max_diff.torchlite,
                "abs": self.max_diff.abs, "rel": self.max_diff.rel},
            "duration": round(self.duration, 3),
            "reference_cached": self.torch.cached,
            "torch": dict(self.torch.to_dict(), transcript=transcript(self.torch)),
            "torchlite": dict(self.torchlite.to_dict(), transcript=transcript(self.torchlite)),
        }


def _error_result(case: Case, message: str) -> Result:
    rec = RunRecord(impl="torch", error=message)
    return Result(case, Verdict.ERROR, message, "", rec, RunRecord(impl="torchlite", error=message))


def run_case(case: Case, options: Optional[Options] = None, **overrides) -> Result:
    """Run ``case`` under torch (or take torch's cached run) and under torchlite; judge.

    Keyword overrides are Options fields, e.g. ``run_case(case, timeout=5, use_cache=False)``.
    """
    options = replace(options or Options(), **overrides) if overrides else (options or Options())
    start = time.monotonic()
    if not case.path.is_file():
        return _error_result(case, "no such file: %s" % case.path)
    if torch_version() is None:
        return _error_result(case, "PyTorch is not installed: the reference runs need it")
    cache = ReferenceCache(options.resolved_cache_dir())
    try:
        key = cache.key(case, options)
    except OSError as exc:
        return _error_result(case, "cannot read the case: %s" % exc)
    ref = cache.get(key) if options.use_cache else None
    if ref is None:
        ref = run_impl(case, "torch", options)
        cache.put(key, ref)  # with --no-cache too: the fresh run replaces the stored one
    lite = run_impl(case, "torchlite", options)
    j: Judgement = judge(ref, lite, options.rtol, options.atol)
    return Result(case, j.verdict, j.detail, j.diff, ref, lite, j.max_diff, time.monotonic() - start)


def run_cases(cases: Sequence[Case], options: Optional[Options] = None, jobs: Optional[int] = None,
              on_result: Optional[Callable[[Result], None]] = None) -> list[Result]:
    """Run many cases with ``jobs`` worker threads (default: the number of CPUs).

    ``on_result`` is called in the calling thread as each case finishes. Results come back in
    the order of ``cases``. On KeyboardInterrupt every child process is killed.
    """
    options = options or Options()
    jobs = max(1, jobs or default_jobs())
    results: dict[int, Result] = {}
    futures: dict = {}
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="conformance")
    try:
        futures = {pool.submit(run_case, case, options): i for i, case in enumerate(cases)}
        for fut in concurrent.futures.as_completed(futures):
            i = futures[fut]
            try:
                res = fut.result()
            except Exception as exc:  # a runner bug must not stop the other cases
                res = _error_result(cases[i], "runner error: %s: %s" % (type(exc).__name__, exc))
            results[i] = res
            if on_result is not None:
                on_result(res)
    except BaseException:
        for fut in futures:
            fut.cancel()
        terminate_all()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return [results[i] for i in range(len(cases))]
