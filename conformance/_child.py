"""Child bootstrap of the conformance runner: runs ONE case under ONE implementation.

    python /path/to/conformance/_child.py --impl torch|torchlite --result FILE
           [--target torchlite] [--target-path DIR] [--seed 0] -- case.py [argv...]

This file is executed as a script (never imported by the case) and uses only the standard
library, so the case sees an interpreter that looks like `cd case_dir && python case.py`:

* ``sys.path[0]`` is the case's folder, ``sys.argv`` is ``[case file name, *argv]``, the working
  directory is the case's folder (set by the parent), ``__name__ == "__main__"`` and ``__file__``
  is the absolute path, as Python >= 3.9 does for a script.
* ``--impl torchlite`` installs an import hook in front of ``sys.meta_path``: ``torch`` and every
  ``torch.X.Y`` resolve to ``<target>`` / ``<target>.X.Y``; real torch can no longer be imported.
* The first import of ``torch`` (real or aliased) is followed by ``manual_seed(seed)``: nothing can
  draw random numbers from torch before it is imported, so this is the same as seeding before the
  case, and cases that never import torch do not pay for importing it.
* Warnings go through a ``warnings.showwarning`` replacement (Python's default filters stay in
  place); the uncaught exception is recorded as type and message; ``SystemExit`` is handled the
  way the interpreter handles it.

Results are appended to ``--result`` as JSON lines, written with ``os.write`` as they happen, so
whatever happened before a crash, a timeout or ``os._exit`` is kept. stdout is the case's own
(a pipe read by the parent); the child never writes to it.
"""

import importlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import traceback
import types
import warnings

MAX_TEXT = 20_000  # characters kept of one warning or exception message
MAX_WARNINGS = 1_000  # warnings recorded per run

_state = {"fd": None, "warnings": 0, "seeded": False}


def _emit(event):
    fd = _state["fd"]
    if fd is None:
        return
    try:
        data = (json.dumps(event) + "\n").encode("utf-8", "backslashreplace")
        os.write(fd, data)
    except Exception:  # the case may have closed our descriptor: nothing more to record
        pass


def _text(value):
    try:
        text = str(value)
    except Exception as exc:  # a __str__ that raises
        text = "<str() failed: %s>" % type(exc).__name__
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT] + "...[truncated]"
    return text


def _class_info(cls):
    return {
        "module": getattr(cls, "__module__", None) or "",
        "qualname": getattr(cls, "__qualname__", None) or getattr(cls, "__name__", "?"),
    }


# ----------------------------------------------------------------------------------------------
# seeding and the import hook


def _seed(module, seed):
    if _state["seeded"]:
        return
    _state["seeded"] = True
    manual_seed = getattr(module, "manual_seed", None)
    if callable(manual_seed):
        manual_seed(seed)


class _SeedAfterImport:
    """torch run: find the real torch with the other finders and seed it once it is executed."""

    def __init__(self, seed):
        self.seed = seed
        self.busy = False

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "torch" or self.busy or _state["seeded"]:
            return None
        self.busy = True
        try:
            spec = None
            for finder in list(sys.meta_path):
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(fullname, path, target)
                if spec is not None:
                    break
        finally:
            self.busy = False
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _SeedingLoader(spec.loader, self.seed)
        return spec


class _SeedingLoader:
    def __init__(self, loader, seed):
        self.loader = loader
        self.seed = seed

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        # put the real loader back first, so nothing of the wrapper is left on the module
        module.__loader__ = self.loader
        if getattr(module, "__spec__", None) is not None:
            module.__spec__.loader = self.loader
        self.loader.exec_module(module)
        _seed(module, self.seed)


class _TorchAlias:
    """torchlite run: `torch` and `torch.X.Y` are `<target>` and `<target>.X.Y`."""

    def __init__(self, target, seed, target_path=None):
        self.target = target
        self.seed = seed
        self.target_path = target_path
        self.real_specs = {}

    def _real_name(self, fullname):
        return self.target + fullname[len("torch"):]

    def _call(self, func, name):
        """func(name), with the implementation's folder on sys.path only while it is imported."""
        if not self.target_path or self.target in sys.modules:
            return func(name)
        sys.path.insert(1, self.target_path)
        try:
            return func(name)
        finally:
            try:
                sys.path.remove(self.target_path)
            except ValueError:
                pass

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "torch" and not fullname.startswith("torch."):
            return None
        try:
            found = self._call(importlib.util.find_spec, self._real_name(fullname))
        except ModuleNotFoundError:
            found = None
        if found is None:
            # never return None here: the next finder would find the real torch
            raise ModuleNotFoundError("No module named %r" % fullname, name=fullname)
        return importlib.util.spec_from_loader(
            fullname, self, origin=found.origin, is_package=found.submodule_search_locations is not None
        )

    def create_module(self, spec):
        module = self._call(importlib.import_module, self._real_name(spec.name))
        self.real_specs[spec.name] = getattr(module, "__spec__", None)
        return module

    def exec_module(self, module):
        # the import system stamped our alias spec on the (already executed) module: undo that
        alias = getattr(module, "__spec__", None)
        name = getattr(alias, "name", None)
        if name in self.real_specs:
            real_spec = self.real_specs.pop(name)
            if real_spec is not None:
                module.__spec__ = real_spec
        if name == "torch":
            _seed(module, self.seed)


# ----------------------------------------------------------------------------------------------
# warnings


def _make_showwarning(case_path):
    case_real = os.path.realpath(case_path)

    def showwarning(message, category, filename, lineno, file=None, line=None):
        if _state["warnings"] >= MAX_WARNINGS:
            if _state["warnings"] == MAX_WARNINGS:
                _emit({"ev": "warnings_truncated"})
                _state["warnings"] += 1
            return
        _state["warnings"] += 1
        try:
            in_case = bool(filename) and os.path.realpath(filename) == case_real
        except Exception:
            in_case = False
        event = {"ev": "warning", "message": _text(message), "filename": _text(filename),
                 "lineno": lineno if isinstance(lineno, int) else None, "in_case": in_case}
        event.update({"category_" + k: v for k, v in _class_info(category).items()})
        _emit(event)

    return showwarning


# ----------------------------------------------------------------------------------------------
# running the case


def _exit_code_of(exc):
    """The interpreter's handling of an uncaught SystemExit."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(str(code) + "\n")
    except Exception:
        pass
    return 1


def _parse_args(argv):
    opts = {"impl": None, "result": None, "target": "torchlite", "target_path": None, "seed": 0}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            i += 1
            break
        key = arg[2:].replace("-", "_")
        if not arg.startswith("--") or key not in opts or i + 1 >= len(argv):
            raise SystemExit("conformance child: bad argument %r" % arg)
        opts[key] = argv[i + 1]
        i += 2
    rest = argv[i:]
    if not rest or opts["impl"] not in ("torch", "torchlite") or not opts["result"]:
        raise SystemExit("conformance child: usage: --impl torch|torchlite --result FILE -- case.py [args]")
    opts["seed"] = int(opts["seed"])
    return opts, rest[0], rest[1:]


def main():
    opts, case_arg, case_argv = _parse_args(sys.argv[1:])
    _state["fd"] = os.open(opts["result"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    case_path = os.path.abspath(case_arg)
    case_dir = os.path.dirname(case_path)
    _emit({"ev": "start", "impl": opts["impl"], "python": sys.version.split()[0]})

    # line-buffered like a terminal, so what was printed before a crash or a kill is kept
    try:
        sys.stdout.reconfigure(line_buffering=True)
    except Exception:
        pass

    # the interpreter the case sees: like `cd case_dir && python case.py args`
    sys.path[0] = case_dir
    sys.argv = [os.path.basename(case_path)] + list(case_argv)
    warnings.showwarning = _make_showwarning(case_path)

    if opts["impl"] == "torchlite":
        sys.meta_path.insert(0, _TorchAlias(opts["target"], opts["seed"], opts["target_path"]))
    else:
        sys.meta_path.insert(0, _SeedAfterImport(opts["seed"]))

    _state["child_module"] = sys.modules["__main__"]  # keep our own globals alive
    main_module = types.ModuleType("__main__")
    main_module.__file__ = case_path
    main_module.__builtins__ = __builtins__
    main_module.__spec__ = None
    main_module.__loader__ = importlib.machinery.SourceFileLoader("__main__", case_path)
    main_module.__cached__ = None
    exit_code = 0
    try:
        with open(case_path, "rb") as fh:
            source = fh.read()
        sys.modules["__main__"] = main_module
        code = compile(source, case_path, "exec", dont_inherit=True)
        exec(code, main_module.__dict__)
    except SystemExit as exc:
        exit_code = _exit_code_of(exc)
    except BaseException as exc:  # noqa: B902 - every uncaught exception is a result
        event = {"ev": "exception", "message": _text(exc)}
        event.update({"type_" + k: v for k, v in _class_info(type(exc)).items()})
        _emit(event)
        try:  # what the interpreter would print, without this bootstrap's own frame
            tb = exc.__traceback__.tb_next if exc.__traceback__ is not None else None
            traceback.print_exception(type(exc), exc, tb)
        except Exception:
            pass
        exit_code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    _emit({"ev": "end", "exit_code": exit_code})
    # leave through the interpreter: atexit handlers of the case still run (and print)
    sys.exit(exit_code)


if __name__ == "__main__":
    main()
