"""Differential harness for the autograd tests: run the same code with torch and torchlite.

A test writes a function of the library module, ``f(torch)``, that builds a graph,
backpropagates and returns whatever should agree (tensors, grads, grad_fn nodes,
graph structure, Python values).  ``same(f)`` runs it once with ``torch`` and
once with ``torchlite`` and compares:

* the returned values (tensors by dtype, shape, values, requires_grad, grad_fn
  name and is_leaf; nodes by class name and ``name()``; containers recursively);
* every warning: category, message, and, when torch attributes the warning to a
  line of the test module, the same file and line;
* the exception raised, if any: type name and message.

Nothing is hard-coded: torch's behaviour is measured at test time.
"""

from __future__ import annotations

import math
import re
import warnings

import numpy as np
import torch

import torchlite

LIBS = (torch, torchlite)
_ADDR = re.compile(r"0x[0-9a-fA-F]+")
_TRIGGERED = re.compile(r" \(Triggered internally at [^)]*\)")


def _text(s):
    return _TRIGGERED.sub("", _ADDR.sub("0x?", str(s)))


def is_tensor(x):
    return isinstance(x, (torch.Tensor, torchlite.Tensor))


def array(t):
    """The values of a torch or torchlite tensor as a NumPy array (a copy)."""
    if isinstance(t, torch.Tensor):
        with torch.no_grad():
            return np.array(t.detach().cpu().numpy(), copy=True)
    return np.array(t._data, copy=True)


def _is_node(x):
    return hasattr(x, "next_functions") and hasattr(x, "name") and callable(x.name)


class _Tensor:
    """A normalised tensor: compared by dtype, shape, values and autograd flags."""

    def __init__(self, t, tol):
        self.dtype = str(t.dtype)
        self.shape = tuple(t.shape)
        self.values = array(t)
        self.requires_grad = t.requires_grad
        fn = t.grad_fn
        self.grad_fn = None if fn is None else type(fn).__name__
        self.is_leaf = t.is_leaf
        self.tol = tol

    def key(self):
        return (self.dtype, self.shape, self.requires_grad, self.grad_fn, self.is_leaf)

    def __eq__(self, other):
        if not isinstance(other, _Tensor) or self.key() != other.key():
            return False
        a, b = self.values, other.values
        if a.dtype != b.dtype:
            return False
        if self.tol is None or a.dtype.kind not in "fc":
            return np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
        return np.allclose(a, b, rtol=self.tol, atol=self.tol, equal_nan=True)

    def __repr__(self):
        return (f"Tensor({self.values.tolist()!r}, dtype={self.dtype}, shape={self.shape}, "
                f"requires_grad={self.requires_grad}, grad_fn={self.grad_fn}, "
                f"is_leaf={self.is_leaf})")


class _Float:
    def __init__(self, v, tol):
        self.v = v
        self.tol = tol

    def __eq__(self, other):
        if not isinstance(other, _Float):
            return False
        if math.isnan(self.v) or math.isnan(other.v):
            return math.isnan(self.v) and math.isnan(other.v)
        if self.tol is None:
            return self.v == other.v
        return math.isclose(self.v, other.v, rel_tol=self.tol, abs_tol=self.tol)

    def __repr__(self):
        return repr(self.v)


def norm(x, tol=None):
    """A library-independent, comparable form of ``x``."""
    if is_tensor(x):
        return _Tensor(x, tol)
    if x is None or isinstance(x, (bool, int, str)):
        return _text(x) if isinstance(x, str) else x
    if isinstance(x, float):
        return _Float(x, tol)
    if isinstance(x, (torch.Size, torchlite.Size)):
        return ("Size", tuple(x))
    if isinstance(x, (torch.dtype, torchlite.dtype)):
        return ("dtype", str(x))
    if _is_node(x):
        return ("node", type(x).__name__, x.name())
    if isinstance(x, (list, tuple)):
        return (type(x).__name__, tuple(norm(v, tol) for v in x))
    if isinstance(x, dict):
        return ("dict", tuple((k, norm(v, tol)) for k, v in x.items()))
    if isinstance(x, Exception):
        return ("exception", type(x).__name__, _text(x))
    return ("object", type(x).__name__)


class Outcome:
    def __init__(self, result, warns, exc):
        self.result = result
        self.warnings = warns
        self.exc = exc


def run(fn, lib, *args):
    """Run ``fn(lib)``: its result, the warnings it gave, the exception it raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result, exc = fn(lib, *args), None
        except Exception as e:  # noqa: BLE001 - compared against torch's
            result, exc = None, e
    return Outcome(result, list(caught), exc)


def _warn_key(w):
    return (w.category.__name__, _text(w.message))


def compare(out_t, out_l, test_file, tol=None, check_warnings=True):
    """Assert that two outcomes (torch's first) agree."""
    if out_t.exc is not None or out_l.exc is not None:
        et = None if out_t.exc is None else (type(out_t.exc).__name__, _text(out_t.exc))
        el = None if out_l.exc is None else (type(out_l.exc).__name__, _text(out_l.exc))
        if el != et and out_l.exc is not None and out_t.exc is None:
            raise AssertionError(f"torchlite raised, torch did not: {el}") from out_l.exc
        assert el == et, f"\nexception\n torch:     {et}\n torchlite: {el}"
    else:
        rt, rl = norm(out_t.result, tol), norm(out_l.result, tol)
        assert rl == rt, f"\nresult\n torch:     {rt!r}\n torchlite: {rl!r}"
    if check_warnings:
        wt = [_warn_key(w) for w in out_t.warnings]
        wl = [_warn_key(w) for w in out_l.warnings]
        assert wl == wt, f"\nwarnings\n torch:     {wt}\n torchlite: {wl}"
        for a, b in zip(out_t.warnings, out_l.warnings):
            if a.filename == test_file:
                assert (b.filename, b.lineno) == (a.filename, a.lineno), (
                    f"warning {_warn_key(a)} attributed to {b.filename}:{b.lineno}, "
                    f"torch: {a.filename}:{a.lineno}")


def same(fn, *args, tol=None, check_warnings=True):
    """Run ``fn(torch, *args)`` and ``fn(torchlite, *args)`` and compare everything.

    Returns the two outcomes (torch's first) for further checks.
    """
    out_t = run(fn, torch, *args)
    out_l = run(fn, torchlite, *args)
    compare(out_t, out_l, fn.__code__.co_filename, tol, check_warnings)
    return out_t, out_l


def graph(node, depth=64):
    """The structure of a graph from ``node``: names, output numbers, leaf variables.

    Works with both libraries; a node met twice shows as a back-reference by
    its discovery index, so shared sub-graphs are visible.
    """
    seen = {}
    alive = []  # torch's Python wrappers of nodes must outlive the walk (ids are reused)

    def walk(n, d):
        if n is None:
            return None
        if id(n) in seen:
            return ("ref", seen[id(n)])
        seen[id(n)] = len(seen)
        alive.append(n)
        entry = [type(n).__name__, n.name()]
        if hasattr(n, "variable"):
            entry.append(("variable", n.variable))
        if d > 0:
            entry.append(tuple((walk(m, d - 1), nr) for m, nr in n.next_functions))
        return tuple(entry)

    return walk(node, depth)
