"""Differential harness for the tensor-core tests: run the same code under torch and torchlite.

A case is a function of the library module (``lambda T: T.zeros(2, 3)``).  ``check(fn)`` runs it
under both libraries and compares the results (dtype, shape, bit-exact values, requires_grad,
grad_fn name, types of containers and numbers), or the exceptions (type name and message), and
the warnings (category and message).  Nothing here knows what torch prints: every expected
value is measured at test time.
"""

from __future__ import annotations

import math
import re
import warnings

import numpy as np
import torch
import torchlite

LIBS = (torch, torchlite)
_TRIGGERED = re.compile(r" \(Triggered internally at .*\)$", re.S)
_ADDR = re.compile(r"0x[0-9a-fA-F]+")

TORCH_DTYPES = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
                torch.float16, torch.float32, torch.float64]
DTYPE_NAMES = [str(d).split(".")[1] for d in TORCH_DTYPES]


def dt(T, name):
    """The dtype called ``name`` ('float32', 'bool', ...) in library T."""
    return getattr(T, name)


def norm_msg(msg):
    return _ADDR.sub("0x?", _TRIGGERED.sub("", str(msg)))


class Outcome:
    __slots__ = ("value", "exc", "warnings")

    def __init__(self, value, exc, warns):
        self.value = value
        self.exc = exc
        self.warnings = warns

    def __repr__(self):
        if self.exc is not None:
            return f"raises {type(self.exc).__name__}: {norm_msg(self.exc)}"
        return f"returns {self.value!r}"


def run(fn, T):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            value, exc = fn(T), None
        except Exception as e:  # noqa: BLE001 - compared below
            value, exc = None, e
    warns = [(x.category.__name__, norm_msg(x.message)) for x in w]
    return Outcome(value, exc, warns)


def check(fn, *, check_warnings=True, values=True):
    """Run fn under torch and torchlite; assert the same result or the same exception."""
    ot = run(fn, torch)
    ol = run(fn, torchlite)
    compare_outcomes(ot, ol, check_warnings=check_warnings, values=values)
    return ot, ol


# torch gives these once per process (TORCH_WARN_ONCE); whether a test sees one depends on what
# ran before it in the worker, so they are left out here (test_attributes checks the once
# behaviour in fresh interpreters)
WARN_ONCE = (
    "Converting a tensor with requires_grad=True to a scalar may lead to unexpected behavior.",
    "Tensor.T is deprecated on 0-D tensors.",
    "The use of `x.T` on tensors of dimension other than 2",
    "The given NumPy array is not writable",
    "Creating a tensor from a list of numpy.ndarrays is extremely slow.",
)


def _kept(warns):
    return [w for w in warns if not w[1].startswith(WARN_ONCE)]


def compare_outcomes(ot, ol, *, check_warnings=True, values=True):
    if ot.exc is not None or ol.exc is not None:
        assert ot.exc is not None and ol.exc is not None, f"torch {ot!r}\ntorchlite {ol!r}"
        assert type(ot.exc).__name__ == type(ol.exc).__name__, f"torch {ot!r}\ntorchlite {ol!r}"
        assert norm_msg(ot.exc) == norm_msg(ol.exc), f"torch {ot!r}\ntorchlite {ol!r}"
    else:
        assert_same(ot.value, ol.value, values=values)
    if check_warnings:
        assert _kept(ot.warnings) == _kept(ol.warnings), (
            f"torch {ot.warnings}\ntorchlite {ol.warnings}")


def _bits_equal(a, b):
    a = np.ascontiguousarray(a)
    b = np.ascontiguousarray(b)
    if a.tobytes() == b.tobytes():
        return True
    if a.dtype.kind == "f":
        na, nb = np.isnan(a), np.isnan(b)
        return bool((na == nb).all()) and a[~na].tobytes() == b[~nb].tobytes()
    return False


def assert_same(a, b, path="result", values=True):
    """a (from torch) and b (from torchlite) are the same thing."""
    if isinstance(a, torch.Tensor):
        assert isinstance(b, torchlite.Tensor), f"{path}: torch gives a Tensor, torchlite {type(b)}"
        assert type(a).__name__ == type(b).__name__, f"{path}: {type(a)} vs {type(b)}"
        assert str(a.dtype) == str(b.dtype), f"{path}: dtype {a.dtype} vs {b.dtype}"
        assert tuple(a.shape) == tuple(b.shape), f"{path}: shape {tuple(a.shape)} vs {tuple(b.shape)}"
        assert a.requires_grad == b.requires_grad, f"{path}: requires_grad {a.requires_grad}"
        ga = None if a.grad_fn is None else type(a.grad_fn).__name__
        gb = None if b.grad_fn is None else type(b.grad_fn).__name__
        assert ga == gb, f"{path}: grad_fn {ga} vs {gb}"
        if values:
            na = a.detach().numpy()
            nb = b._data
            assert _bits_equal(na, nb), f"{path}: values\n{na!r}\nvs\n{nb!r}"
        return
    if isinstance(a, torch.Size):
        assert type(b).__name__ == "Size" and isinstance(b, tuple), f"{path}: {type(b)}"
        assert tuple(a) == tuple(b), f"{path}: {a} vs {b}"
        return
    if isinstance(a, torch.dtype):
        assert isinstance(b, torchlite.dtype) and str(a) == str(b), f"{path}: {a} vs {b!r}"
        return
    if isinstance(a, torch.device):
        assert isinstance(b, torchlite.device) and repr(a) == repr(b), f"{path}: {a!r} vs {b!r}"
        return
    if isinstance(a, np.ndarray):
        assert isinstance(b, np.ndarray), f"{path}: {type(b)}"
        assert a.dtype == b.dtype and a.shape == b.shape, f"{path}: {a.dtype}{a.shape} vs {b.dtype}{b.shape}"
        assert _bits_equal(a, b), f"{path}: {a!r} vs {b!r}"
        return
    if isinstance(a, (tuple, list)):
        assert type(a).__name__ == type(b).__name__, f"{path}: {type(a)} vs {type(b)}"
        assert len(a) == len(b), f"{path}: len {len(a)} vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            assert_same(x, y, f"{path}[{i}]", values)
        return
    if isinstance(a, dict):
        assert isinstance(b, dict) and list(a) == list(b), f"{path}: {a} vs {b}"
        for k in a:
            assert_same(a[k], b[k], f"{path}[{k!r}]", values)
        return
    if isinstance(a, (bool, int, float, complex, np.generic)):
        assert type(a) is type(b), f"{path}: {type(a)} {a!r} vs {type(b)} {b!r}"
        if isinstance(a, float) and math.isnan(a):
            assert math.isnan(b), f"{path}: {a} vs {b}"
        else:
            assert a == b, f"{path}: {a!r} vs {b!r}"
        return
    if a is None or isinstance(a, (str, bytes)):
        assert a == b, f"{path}: {a!r} vs {b!r}"
        return
    if isinstance(a, type):
        assert repr(a) == repr(b), f"{path}: {a!r} vs {b!r}"
        return
    assert norm_msg(repr(a)) == norm_msg(repr(b)), f"{path}: {a!r} vs {b!r}"


def raises_same(fn):
    """check() for a case that must raise in torch; returns the torchlite exception."""
    ot, ol = check(fn)
    assert ot.exc is not None, f"torch did not raise: {ot!r}"
    return ol.exc


def to_lite(t):
    """A torchlite tensor with the same values and dtype as the torch tensor t."""
    return torchlite.from_numpy(t.detach().numpy().copy())
