"""Tensor creation: tensor, the legacy constructors, zeros/ones/full/..., random factories."""

from __future__ import annotations

import builtins
import math

import numpy as np

from . import _dtype as D
from . import _errors
from ._tensor import Tensor, make, Size, device as _device_cls, _LEGACY, _LEGACY_TO_DTYPE
from .autograd import grad_mode

_isinstance = isinstance
_state = grad_mode._state


# --- argument checks ----------------------------------------------------------------------

def _check_dtype(dtype, fn):
    if dtype is not None and not _isinstance(dtype, D.dtype):
        raise TypeError(f"{fn}(): argument 'dtype' must be torch.dtype, not {type(dtype).__name__}")


def _check_device(device):
    if device is None:
        return
    if _isinstance(device, _device_cls):
        return
    if _isinstance(device, str):
        name = device.split(":")[0]
        if name == "cuda":
            raise AssertionError("Torch not compiled with CUDA enabled")
        if name != "cpu":
            _device_cls(device)
        return
    if _isinstance(device, builtins.int):
        raise AssertionError("Torch not compiled with CUDA enabled")


def _finish_new(t, requires_grad):
    if requires_grad:
        if not t._dtype.is_floating_point:
            raise RuntimeError(_errors.REQUIRES_GRAD_FLOAT_CTOR)
        t._set_requires_grad(True)
    return t


def _size(size, fn):
    """f(2, 3) / f((2, 3)) / f([2, 3]) / f(Size) -> a tuple of ints, with torch's errors."""
    if len(size) == 1 and _isinstance(size[0], (tuple, list, Size)):
        size = tuple(size[0])
        seq = True
    else:
        seq = False
    out = []
    for i, s in enumerate(size):
        if _isinstance(s, Tensor) and s._data.ndim == 0 and s._dtype.category == D.INTEGRAL:
            s = builtins.int(s._data)
        if _isinstance(s, builtins.bool) or not _isinstance(s, (builtins.int, np.integer)):
            if seq or i > 0:
                raise TypeError(f"{fn}(): argument 'size' failed to unpack the object at pos {i + 1} "
                                f"with error \"type must be tuple of ints,but got {type(s).__name__}\"")
            raise TypeError(f"{fn}(): argument 'size' (position 1) must be tuple of ints, not "
                            f"{type(s).__name__}")
        out.append(builtins.int(s))
    for s in out:
        if s < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {s}: {out}")
    return tuple(out)


def _default(dtype):
    return D.get_default_dtype() if dtype is None else dtype


# --- tensor() ------------------------------------------------------------------------------

_NP_SUPPORTED = {np.dtype(d.np) for d in D.ALL}


def _infer(data, depth=0, shape=None, state=None):
    """Walk nested sequences: check they are rectangular, find the scalar kinds."""
    if state is None:
        state = {"float": False, "int": False, "bool": False, "np": None}
    if _isinstance(data, Tensor):
        if data._data.ndim and depth > 0:
            if data._data.size != 1:
                raise ValueError("only one element tensors can be converted to Python scalars")
        _note_dtype(state, data._dtype)
        return ()
    if _isinstance(data, np.ndarray):
        _note_dtype(state, D.from_numpy_dtype(data.dtype) or _unsupported_np(data.dtype))
        return data.shape
    if _isinstance(data, np.generic):
        # NumPy scalars keep their dtype, as in torch
        d = D.from_numpy_dtype(data.dtype)
        if d is None:
            _unsupported_np(data.dtype)
        _note_dtype(state, d)
        return ()
    if _isinstance(data, builtins.bool):
        state["bool"] = True
        return ()
    if _isinstance(data, builtins.int):
        state["int"] = True
        return ()
    if _isinstance(data, builtins.float):
        state["float"] = True
        return ()
    if _isinstance(data, (list, tuple)):
        n = len(data)
        if n == 0:
            return (0,)
        if depth == 0 and any(_isinstance(x, np.ndarray) for x in data):
            _errors.warn("Creating a tensor from a list of numpy.ndarrays is extremely slow. Please "
                         "consider converting the list to a single numpy.ndarray with numpy.array() "
                         "before converting to a tensor.")
        sub = None
        for i, item in enumerate(data):
            if not _isinstance(item, (list, tuple, Tensor, np.ndarray, builtins.bool, builtins.int,
                                      builtins.float, np.number, np.bool_)):
                if _isinstance(item, str):
                    raise ValueError("too many dimensions 'str'")
                raise RuntimeError(f"Could not infer dtype of {type(item).__name__}")
            s = _infer(item, depth + 1, None, state)
            if sub is None:
                sub = s
            elif s != sub:
                dim = depth + 1 + next((k for k in range(min(len(s), len(sub))) if s[k] != sub[k]), 0)
                got = s[dim - depth - 1] if len(s) > dim - depth - 1 else 0
                want = sub[dim - depth - 1] if len(sub) > dim - depth - 1 else 0
                raise ValueError(f"expected sequence of length {want} at dim {dim} (got {got})")
        return (n,) + sub
    if _isinstance(data, str):
        if depth == 0:
            raise TypeError("new(): invalid data type 'str'")
        raise ValueError("too many dimensions 'str'")
    raise RuntimeError(f"Could not infer dtype of {type(data).__name__}")


def _unsupported_np(npd):
    raise TypeError(f"can't convert np.ndarray of type numpy.{npd.name}. The only supported types "
                    "are: float64, float32, float16, complex64, complex128, int64, int32, int16, "
                    "int8, uint64, uint32, uint16, uint8, and bool.")


def _note_dtype(state, dtype):
    cur = state["np"]
    state["np"] = dtype if cur is None else D.promote(cur, dtype)


def _inferred_dtype(state):
    if state["np"] is not None:
        d = state["np"]
        if state["float"] and d.category < D.FLOATING:
            return D.get_default_dtype()
        return d
    if state["float"]:
        return D.get_default_dtype()
    if state["int"]:
        return D.int64
    if state["bool"]:
        return D.bool_
    return D.get_default_dtype()


def _to_array(data, dtype):
    """Nested data -> ndarray of ``dtype`` (checked conversion, as torch)."""
    if _isinstance(data, Tensor):
        return data._data.astype(dtype.np)
    if _isinstance(data, np.ndarray):
        with np.errstate(all="ignore"):
            return data.astype(dtype.np)
    if _isinstance(data, (list, tuple)) and any(_isinstance(x, Tensor) for x in _flat_first(data)):
        data = _untensor(data)
    if dtype.category == D.INTEGRAL:
        try:
            arr = np.array(data)
        except OverflowError:
            raise ValueError("Overflow when unpacking long long") from None
        if arr.dtype == object:
            raise ValueError("Overflow when unpacking long long")
        if arr.size and arr.dtype.kind in "fiu" and dtype is not D.int64:
            lo, hi = _convertible_range(dtype)
            vals = np.trunc(arr) if arr.dtype.kind == "f" else arr
            if (vals < lo).any() or (vals > hi).any():
                raise RuntimeError(f"value cannot be converted to type {dtype.name} without overflow")
        with np.errstate(all="ignore"):
            return arr.astype(dtype.np) if arr.size else np.zeros(arr.shape, dtype.np)
    with np.errstate(all="ignore"):
        try:
            return np.array(data, dtype=dtype.np)
        except OverflowError:
            return np.array(data, dtype=np.float64).astype(dtype.np)


def _convertible_range(dtype):
    """The values torch accepts when converting a Python number to an integer dtype."""
    info = np.iinfo(dtype.np)
    if info.min == 0:  # unsigned: negative values down to -(max+1)/2 wrap around
        return -((int(info.max) + 1) // 2), int(info.max)
    return int(info.min), int(info.max)


def _flat_first(data):
    while _isinstance(data, (list, tuple)) and data:
        yield from (x for x in data if _isinstance(x, Tensor))
        data = data[0]


def _untensor(data):
    if _isinstance(data, Tensor):
        return data._data.item() if data._data.size == 1 else data._data.tolist()
    if _isinstance(data, (list, tuple)):
        return [_untensor(x) for x in data]
    return data


_MISSING = object()


def tensor(data=_MISSING, *, dtype=None, device=None, requires_grad=False, pin_memory=False):
    if data is _MISSING:
        raise TypeError('tensor() missing 1 required positional arguments: "data"')
    _check_dtype(dtype, "tensor")
    _check_device(device)
    if _isinstance(data, Tensor):
        _errors.warn("To copy construct from a tensor, it is recommended to use "
                     "sourceTensor.detach().clone() or sourceTensor.detach().clone()."
                     "requires_grad_(True), rather than torch.tensor(sourceTensor).")
        d = dtype or data._dtype
        t = make(data._data.astype(d.np, copy=True), d)
        return _finish_new(t, requires_grad)
    state = {"float": False, "int": False, "bool": False, "np": None}
    _infer(data, 0, None, state)
    d = dtype or _inferred_dtype(state)
    arr = _to_array(data, d)
    if _isinstance(data, np.ndarray) and arr is data:
        arr = data.copy()
    t = make(np.asarray(arr, order="C"), d)
    return _finish_new(t, requires_grad)


def as_tensor(data, dtype=None, device=None):
    _check_dtype(dtype, "as_tensor")
    if _isinstance(data, Tensor):
        if dtype is None or dtype is data._dtype:
            return data
        return data.to(dtype)
    if _isinstance(data, np.ndarray):
        d = D.from_numpy_dtype(data.dtype) or _unsupported_np(data.dtype)
        t = from_numpy(data)
        return t if dtype is None or dtype is d else t.to(dtype)
    state = {"float": False, "int": False, "bool": False, "np": None}
    _infer(data, 0, None, state)
    d = dtype or _inferred_dtype(state)
    return make(np.asarray(_to_array(data, d), order="C"), d)


asarray = as_tensor


def from_numpy(ndarray):
    if not _isinstance(ndarray, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(ndarray).__name__})")
    d = D.from_numpy_dtype(ndarray.dtype)
    if d is None:
        _unsupported_np(ndarray.dtype)
    if not ndarray.dtype.isnative:
        raise ValueError("given numpy array has byte order different from the native byte order. "
                         "Conversion between byte orders is currently not supported.")
    if not ndarray.flags.writeable:
        _errors.warn_once(
            "The given NumPy array is not writable, and PyTorch does not support non-writable "
            "tensors. This means writing to this tensor will result in undefined behavior. You may "
            "want to copy the array to protect its data or make it writable before converting it to "
            "a tensor. This type of warning will be suppressed for the rest of this program.")
    return make(ndarray, d)


def _rebuild(arr, dtype_name, requires_grad):
    t = make(arr, getattr(D, "bool_" if dtype_name == "bool" else dtype_name))
    if requires_grad:
        t._set_requires_grad(True)
    return t


# --- constant factories ------------------------------------------------------------------------

def _filled(size, value, dtype, requires_grad, fn, device=None):
    _check_dtype(dtype, fn)
    _check_device(device)
    shape = _size(size, fn)
    d = _default(dtype)
    arr = np.full(shape, value, d.np) if value != 0 else np.zeros(shape, d.np)
    return _finish_new(make(arr, d), requires_grad)


def zeros(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False):
    if len(size) == 1 and _isinstance(size[0], (builtins.int, np.integer)) and size[0] < 0:
        raise RuntimeError("zeros: Dimension size must be non-negative.")
    return _filled(size, 0, dtype, requires_grad, "zeros", device)


def ones(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False):
    return _filled(size, 1, dtype, requires_grad, "ones", device)


def empty(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False,
          pin_memory=False, memory_format=None):
    # torch leaves the memory uninitialised; zeros keep torchlite deterministic
    return _filled(size, 0, dtype, requires_grad, "empty", device)


def full(size, fill_value, *, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    _check_dtype(dtype, "full")
    if dtype is None:
        dtype = D.scalar_dtype(fill_value) if not _isinstance(fill_value, Tensor) else fill_value._dtype
    shape = _size((size,), "full")
    value = fill_value.item() if _isinstance(fill_value, Tensor) else fill_value
    arr = np.full(shape, value, dtype.np)
    return _finish_new(make(arr, dtype), requires_grad)


def eye(n, m=None, *, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    _check_dtype(dtype, "eye")
    if n < 0:
        raise RuntimeError(f"n must be greater or equal to 0, got {n}")
    d = _default(dtype)
    return _finish_new(make(np.eye(n, n if m is None else m, dtype=d.np), d), requires_grad)


def _like_dtype(input, dtype, fn):
    _check_dtype(dtype, fn)
    return input._dtype if dtype is None else dtype


def zeros_like(input, *, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None):
    d = _like_dtype(input, dtype, "zeros_like")
    return _finish_new(make(np.zeros(input._data.shape, d.np), d), requires_grad)


def ones_like(input, *, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None):
    d = _like_dtype(input, dtype, "ones_like")
    return _finish_new(make(np.ones(input._data.shape, d.np), d), requires_grad)


def empty_like(input, *, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None):
    return zeros_like(input, dtype=dtype, requires_grad=requires_grad)


def full_like(input, fill_value, *, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None):
    d = _like_dtype(input, dtype, "full_like")
    arr = np.full(input._data.shape, np.array(fill_value).astype(d.np), d.np)
    return _finish_new(make(arr, d), requires_grad)


def _arange_len(start, end, step):
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if (end - start) * step < 0 and end != start:
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    return builtins.max(0, math.ceil((end - start) / step))


def arange(start=0, end=None, step=1, *, out=None, dtype=None, layout=None, device=None,
           requires_grad=False):
    _check_dtype(dtype, "arange")
    if end is None:
        start, end = 0, start
    vals = [v.item() if _isinstance(v, Tensor) else v for v in (start, end, step)]
    start, end, step = vals
    if dtype is None:
        if any(_isinstance(v, (builtins.float, np.floating)) for v in vals):
            dtype = D.get_default_dtype()
        else:
            dtype = D.int64
    n = _arange_len(start, end, step)
    if dtype.is_floating_point:
        calc = np.longdouble if dtype is D.float64 else np.float64
        arr = (calc(start) + np.arange(n, dtype=calc) * calc(step)).astype(dtype.np)
    else:
        arr = (start + np.arange(n, dtype=np.int64) * step).astype(dtype.np) if \
            _isinstance(start, builtins.int) and _isinstance(step, builtins.int) else \
            (start + np.arange(n, dtype=np.float64) * step).astype(dtype.np)
    return _finish_new(make(arr, dtype), requires_grad)


def range_(start=0, end=None, step=1, *, dtype=None, requires_grad=False):
    _errors.warn("torch.range is deprecated and will be removed in a future release because its "
                 "behavior is inconsistent with Python's range builtin. Instead, use torch.arange, "
                 "which produces values in [start, end).")
    if end is None:
        start, end = 0, start
    d = _default(dtype)
    n = int(math.floor((end - start) / step)) + 1
    return _finish_new(make((start + np.arange(n, dtype=np.float64) * step).astype(d.np), d),
                       requires_grad)


def linspace(start, end, steps, *, out=None, dtype=None, layout=None, device=None,
             requires_grad=False):
    _check_dtype(dtype, "linspace")
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    d = _default(dtype)
    start = start.item() if _isinstance(start, Tensor) else start
    end = end.item() if _isinstance(end, Tensor) else end
    arr = _linspace_np(start, end, steps, d)
    return _finish_new(make(arr, d), requires_grad)


def _linspace_np(start, end, steps, d):
    """torch's linspace: start + i*step for the first half, end - (steps-1-i)*step after.

    The step is computed in the result dtype; each element with one fused
    multiply-add, emulated here in a wider type before the final rounding.
    """
    if steps == 0:
        return np.zeros((0,), d.np)
    if steps == 1:
        return np.array([start], d.np)
    if not d.is_floating_point:
        step = (end - start) / (steps - 1)
        i = np.arange(steps)
        out = np.where(i < steps // 2, start + step * i, end - step * (steps - 1 - i))
        return out.astype(d.np)
    s, e = d.np.type(start), d.np.type(end)
    step = (e - s) / d.np.type(steps - 1)
    wide = np.longdouble if d is D.float64 else np.float64
    i = np.arange(steps, dtype=wide)
    lo = wide(s) + wide(step) * i
    hi = wide(e) - wide(step) * (wide(steps - 1) - i)
    return np.where(np.arange(steps) < steps // 2, lo, hi).astype(d.np)


def logspace(start, end, steps, base=10.0, *, out=None, dtype=None, layout=None, device=None,
             requires_grad=False):
    d = _default(dtype)
    exps = _linspace_np(start, end, steps, D.float64)
    return _finish_new(make(np.power(base, exps).astype(d.np), d), requires_grad)


# --- the legacy constructors --------------------------------------------------------------------

def legacy_new(cls, *args, dtype=None, device=None):
    """torch.Tensor(...), torch.FloatTensor(...) and friends."""
    dtype = dtype or getattr(cls, "_legacy_dtype", None) or D.get_default_dtype()
    _check_device(device)
    if not args:
        return make(np.zeros((0,), dtype.np), dtype)
    if len(args) == 1:
        a = args[0]
        if _isinstance(a, Size):
            return make(np.zeros(tuple(a), dtype.np), dtype)
        if _isinstance(a, Tensor):
            if a._dtype is not dtype:
                raise TypeError(f"expected {dtype} (got {a._dtype})")
            return _alias(a)
        if _isinstance(a, (list, tuple, np.ndarray)):
            state = {"float": False, "int": False, "bool": False, "np": None}
            _infer(a, 0, None, state)
            return make(np.asarray(_to_array(a, dtype), order="C"), dtype)
        if _isinstance(a, (builtins.float, np.floating)) or _isinstance(a, builtins.bool):
            raise TypeError(f"new(): data must be a sequence (got {type(a).__name__})")
    shape = _size(args, "new")
    return make(np.zeros(shape, dtype.np), dtype)


def _alias(t):
    out = make(t._data, t._dtype)
    out._vc = t._vc
    return out


class _LegacyMeta(type):
    def __instancecheck__(cls, obj):
        return _isinstance(obj, Tensor) and obj._dtype is cls._legacy_dtype

    def __repr__(cls):
        return f"<class 'torch.{cls.__name__}'>"


def _legacy_class(name, dtype):
    def __new__(cls, *args, **kwargs):
        return legacy_new(cls, *args, **kwargs)
    cls = _LegacyMeta(name, (), {"__new__": __new__, "_legacy_dtype": dtype, "__module__": "torch"})
    return cls


FloatTensor = _legacy_class("FloatTensor", D.float32)
DoubleTensor = _legacy_class("DoubleTensor", D.float64)
HalfTensor = _legacy_class("HalfTensor", D.float16)
LongTensor = _legacy_class("LongTensor", D.int64)
IntTensor = _legacy_class("IntTensor", D.int32)
ShortTensor = _legacy_class("ShortTensor", D.int16)
CharTensor = _legacy_class("CharTensor", D.int8)
ByteTensor = _legacy_class("ByteTensor", D.uint8)
BoolTensor = _legacy_class("BoolTensor", D.bool_)

LEGACY_CLASSES = {c.__name__: c for c in (FloatTensor, DoubleTensor, HalfTensor, LongTensor,
                                          IntTensor, ShortTensor, CharTensor, ByteTensor, BoolTensor)}
assert set(LEGACY_CLASSES) == set(_LEGACY.values())
del _LEGACY_TO_DTYPE


# --- new_* methods ------------------------------------------------------------------------

def new_tensor(self, data, *, dtype=None, device=None, requires_grad=False):
    if _isinstance(data, Tensor):
        _errors.warn("To copy construct from a tensor, it is recommended to use "
                     "sourceTensor.detach().clone() or sourceTensor.detach().clone()."
                     "requires_grad_(True), rather than tensor.new_tensor(sourceTensor).")
        d = dtype or data._dtype
        return _finish_new(make(data._data.astype(d.np, copy=True), d), requires_grad)
    d = dtype or self._dtype
    _infer(data)
    return _finish_new(make(np.asarray(_to_array(data, d), order="C"), d), requires_grad)


def new_zeros(self, *size, dtype=None, device=None, requires_grad=False):
    return zeros(*size, dtype=dtype or self._dtype, requires_grad=requires_grad)


def new_ones(self, *size, dtype=None, device=None, requires_grad=False):
    return ones(*size, dtype=dtype or self._dtype, requires_grad=requires_grad)


def new_empty(self, *size, dtype=None, device=None, requires_grad=False):
    return zeros(*size, dtype=dtype or self._dtype, requires_grad=requires_grad)


def new_full(self, size, fill_value, *, dtype=None, device=None, requires_grad=False):
    return full(size, fill_value, dtype=dtype or self._dtype, requires_grad=requires_grad)


# --- random factories ---------------------------------------------------------------------------

def _gen(generator):
    from . import _random
    if generator is None:
        return _random.default_generator
    return generator


def _random_dtype(dtype, fn):
    _check_dtype(dtype, fn)
    d = _default(dtype)
    if not d.is_floating_point:
        raise RuntimeError(f'"{"check_uniform_bounds" if fn == "rand" else "normal_kernel_cpu"}" '
                           f"not implemented for '{_scalar(d)}'")
    return d


def _scalar(d):
    from ._tensor import scalar_type_name
    return scalar_type_name(d)


def rand(*size, generator=None, out=None, dtype=None, layout=None, device=None,
         requires_grad=False, pin_memory=False):
    shape = _size(size, "rand")
    d = _random_dtype(dtype, "rand")
    return _finish_new(make(_gen(generator).uniform(shape, d.np), d), requires_grad)


def randn(*size, generator=None, out=None, dtype=None, layout=None, device=None,
          requires_grad=False, pin_memory=False):
    shape = _size(size, "randn")
    d = _random_dtype(dtype, "randn")
    return _finish_new(make(_gen(generator).normal(shape, d.np), d), requires_grad)


def rand_like(input, *, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None):
    d = _random_dtype(dtype or input._dtype, "rand")
    return _finish_new(make(_gen(None).uniform(input._data.shape, d.np), d), requires_grad)


def randn_like(input, *, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None):
    d = _random_dtype(dtype or input._dtype, "randn")
    return _finish_new(make(_gen(None).normal(input._data.shape, d.np), d), requires_grad)


def randint(*args, low=None, high=None, size=None, generator=None, out=None, dtype=None,
            layout=None, device=None, requires_grad=False):
    args = list(args)
    if size is None and args:
        size = args.pop()
    if high is None and args:
        high = args.pop()
    if low is None:
        low = args.pop() if args else 0
    if high is None or size is None or args:
        raise TypeError("randint() received an invalid combination of arguments")
    _check_dtype(dtype, "randint")
    d = dtype or D.int64
    if low >= high:
        raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}")
    shape = _size((size,), "randint")
    return _finish_new(make(_gen(generator).randint(low, high, shape, d.np), d), requires_grad)


def randint_like(input, low=0, high=None, *, dtype=None, layout=None, device=None,
                 requires_grad=False, memory_format=None):
    if high is None:
        low, high = 0, low
    d = dtype or input._dtype
    return _finish_new(make(_gen(None).randint(low, high, input._data.shape, d.np), d), requires_grad)


def randperm(n, *, generator=None, out=None, dtype=None, layout=None, device=None,
             requires_grad=False, pin_memory=False):
    _check_dtype(dtype, "randperm")
    if n < 0:
        raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{n}]")
    d = dtype or D.int64
    return _finish_new(make(_gen(generator).randperm(n, d.np), d), requires_grad)


def normal(mean=0.0, std=1.0, size=None, *, generator=None, out=None, dtype=None, layout=None,
           device=None, requires_grad=False):
    g = _gen(generator)
    mt, st = _isinstance(mean, Tensor), _isinstance(std, Tensor)
    if not mt and not st:
        if size is None:
            raise TypeError("normal() received an invalid combination of arguments - got "
                            f"({type(mean).__name__}, {type(std).__name__})")
        shape = _size((size,), "normal")
        d = _default(dtype)
        if std < 0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {std}")
        return _finish_new(make(g.normal(shape, d.np, mean, std), d), requires_grad)
    d = mean._dtype if mt else std._dtype
    if mt and st:
        d = D.promote(mean._dtype, std._dtype)
    m = mean._data if mt else mean
    s = std._data if st else std
    if st and (std._data < 0).any():
        raise RuntimeError("normal expects all elements of std >= 0.0")
    shape = np.broadcast_shapes(np.shape(m), np.shape(s)) if not (mt and st) else \
        (mean._data.shape if mean._data.size >= std._data.size else std._data.shape)
    return make(g.normal_tensor(m, s, shape, d.np), d)


def bernoulli(input, p=None, *, generator=None, out=None):
    g = _gen(generator)
    probs = input._data if p is None else np.full(input._data.shape, p)
    return make(g.bernoulli(probs, input._data.shape, input._dtype.np), input._dtype)


def multinomial(input, num_samples, replacement=False, *, generator=None):
    raise NotImplementedError("torchlite does not implement multinomial yet")


# In-place random fills (Tensor methods)

def uniform_(self, from_=0.0, to=1.0, *, generator=None):
    return _fill_random(self, _gen(generator).uniform(self._data.shape, self._dtype.np, from_, to))


def normal_(self, mean=0.0, std=1.0, *, generator=None):
    if std < 0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {std}")
    return _fill_random(self, _gen(generator).normal(self._data.shape, self._dtype.np, mean, std))


def random_(self, from_=0, to=None, *, generator=None):
    if to is None and from_ != 0:
        from_, to = 0, from_
    return _fill_random(self, _gen(generator).random_(self._data.shape, self._dtype.np, from_, to))


def bernoulli_(self, p=0.5, *, generator=None):
    probs = p._data if _isinstance(p, Tensor) else np.full(self._data.shape, p)
    return _fill_random(self, _gen(generator).bernoulli(probs, self._data.shape, self._dtype.np))


def exponential_(self, lambd=1.0, *, generator=None):
    raise NotImplementedError("torchlite does not implement exponential_ yet")


def _fill_random(self, values):
    from ._dispatch import check_inplace, bump
    if _state.enabled and self._requires_grad and self._grad_fn is None:
        raise RuntimeError(_errors.LEAF_INPLACE)
    check_inplace(self, (self,), 1)
    self._data[...] = values
    bump(self)
    return self


def manual_seed(seed):
    from . import _random
    return _random.manual_seed(seed)


def seed():
    from . import _random
    return _random.seed()


def initial_seed():
    from . import _random
    return _random.initial_seed()


def get_rng_state():
    from . import _random
    return make(_random.get_rng_state(), D.uint8)


def set_rng_state(new_state):
    from . import _random
    _random.set_rng_state(new_state._data if _isinstance(new_state, Tensor) else new_state)
