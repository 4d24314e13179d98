"""Tensor creation: tensor, the legacy constructors, zeros/ones/full/..., random factories."""

from __future__ import annotations

import builtins
import math
import operator

import numpy as np
from numpy.lib.stride_tricks import as_strided as _np_as_strided

from . import _dtype as D
from . import _errors
from ._tensor import Tensor, make, Size, device as _device_cls, _LEGACY, _LEGACY_TO_DTYPE
from .autograd import grad_mode
from ._dispatch import defop, finish
from ._ops._common import quiet_enter, quiet_reset, size_args, _int_like

_isinstance = isinstance
_state = grad_mode._state


# --- argument checks ----------------------------------------------------------------------

def _tp_name(obj):
    """Python's tp_name of obj's type, as torch's messages show it ('list', 'numpy.float64')."""
    tp = obj if _isinstance(obj, type) else type(obj)
    mod = tp.__module__
    if mod == "numpy":
        return "numpy." + tp.__name__
    return tp.__name__


def _dtype_arg(dtype, fn):
    """A dtype= argument as torch reads it (None, a dtype, or float/int/bool)."""
    if dtype is None or _isinstance(dtype, D.dtype):
        return dtype
    d = D.as_dtype(dtype)
    if d is None:
        raise TypeError(f"{fn}(): argument 'dtype' must be torch.dtype, not {type(dtype).__name__}")
    return d




def _check_device(device, fn=None):
    """torchlite computes on the CPU: any other device (parsed as torch parses it) fails as in
    a CPU-only torch build."""
    if device is None or device == "cpu":
        return
    if _isinstance(device, (str, builtins.int, _device_cls)) and not _isinstance(device, builtins.bool):
        dev = device if _isinstance(device, _device_cls) else _device_cls(device)
        if dev.type == "cuda":
            raise AssertionError("Torch not compiled with CUDA enabled")
        if dev.type != "cpu":
            raise RuntimeError(f"Could not run operations on the '{dev.type}' backend: torchlite "
                               "computes on the CPU only")
        return
    if fn is not None:
        raise TypeError(f"{fn}(): argument 'device' must be torch.device, not {type(device).__name__}")


def _finish_new(t, requires_grad):
    if requires_grad:
        if not t._dtype.is_floating_point:
            raise RuntimeError(_errors.REQUIRES_GRAD_FLOAT_CTOR)
        t._set_requires_grad(True)
    return t


_is_int_arg = _int_like  # an int as torch's argument parser reads one


def _size(size, fn, kw=None, negative_ok=False):
    """f(2, 3) / f((2, 3)) / f([2, 3]) / f(Size) / f(size=...) -> a tuple of ints, with torch's
    errors."""
    if kw is None and size:
        # the common case: plain non-negative ints, as varargs or one tuple/list
        dims = size[0] if len(size) == 1 and type(size[0]) in (tuple, list, Size) else size
        for s in dims:
            if type(s) is not builtins.int or s < 0:
                break
        else:
            return tuple(dims)
    if kw is not None:
        if size:
            raise TypeError(f"{fn}() got multiple values for argument 'size'")
        if not _isinstance(kw, (tuple, list)):
            raise TypeError(f"{fn}(): argument 'size' must be tuple of ints, not "
                            f"{type(kw).__name__}")
        size = (kw,)
    out = size_args(size, fn, "size")
    if not negative_ok:
        for s in out:
            if s < 0:
                raise RuntimeError(f"Trying to create tensor with negative dimension {s}: {list(out)}")
    return tuple(out)


def _default(dtype):
    return D.get_default_dtype() if dtype is None else dtype


def _dense_strides(a):
    """a's strides in elements when it is non-overlapping and dense (torch keeps them for
    *_like results and copies), else None."""
    item = a.itemsize
    strides = [s // item for s in a.strides]
    dims = sorted((strides[i], a.shape[i]) for i in range(a.ndim) if a.shape[i] > 1)
    expect = 1
    for s, n in dims:
        if s != expect:
            return None
        expect *= n
    return strides


def _like_array(a, dtype):
    """zeros of ``dtype`` in torch's layout for a result like ``a`` (preserve_format): a's exact
    strides when it is non-overlapping and dense, else a dense layout in a's dimension order."""
    if (a.flags.c_contiguous and 1 not in a.shape) or not a.size:
        return np.zeros(a.shape, dtype.np)
    strides = _dense_strides(a)
    if strides is None:
        strides = _infer_dense_strides(a.shape, [s // a.itemsize for s in a.strides])
    item = dtype.itemsize
    return _np_as_strided(np.zeros(a.size, dtype.np), a.shape, [s * item for s in strides])


def _infer_dense_strides(shape, strides):
    """Dense strides that keep the order of ``strides`` (torch's infer_dense_strides): dims
    sorted by stride, a larger size after a smaller one on ties, zero strides not moved."""
    nd = len(shape)
    perm = list(range(nd - 1, -1, -1))

    def cmp(d0, d1):
        s0, s1 = strides[d0], strides[d1]
        if s0 == 0 or s1 == 0:
            return 0
        if s0 != s1:
            return -1 if s0 < s1 else 1
        return 1 if shape[d0] > shape[d1] else 0

    for i in range(1, nd):
        d1 = i
        for d0 in range(i - 1, -1, -1):
            c = cmp(perm[d0], perm[d1])
            if c > 0:
                perm[d0], perm[d1] = perm[d1], perm[d0]
                d1 = d0
            elif c < 0:
                break
    out = [0] * nd
    cur = 1
    for d in perm:
        out[d] = cur
        if shape[d] > 1:
            cur *= shape[d]
    return out


# --- tensor() ------------------------------------------------------------------------------

def _is_sequence(obj):
    """CPython's PySequence_Check, with torch's Tensor (not a sequence to it) and NumPy scalars
    (sequences to nobody) left out."""
    if _isinstance(obj, (list, tuple, str)):
        return True
    if _isinstance(obj, (Tensor, dict, np.generic)):
        return False
    return hasattr(type(obj), "__getitem__") and not _isinstance(obj, type)


def _compute_sizes(data):
    """The shape torch reads off nested sequences: the length at each level of first items."""
    sizes = []
    seq = data
    while type(seq) is list or type(seq) is tuple or _is_sequence(seq):
        if _isinstance(seq, str):
            raise ValueError("too many dimensions 'str'")
        n = len(seq)
        sizes.append(n)
        if n == 0:
            break
        seq = seq[0]
    return sizes


def _infer_dtype(obj):
    """torch's infer_scalar_type: the promoted dtype of every scalar in nested data."""
    tp = type(obj)
    if tp is builtins.float:
        return D.get_default_dtype()
    if tp is builtins.int:
        return D.int64
    if tp is builtins.bool:
        return D.bool_
    if tp is list or tp is tuple:
        if not obj:
            return D.get_default_dtype()
        d = None
        for item in obj:
            di = _infer_dtype(item)
            d = di if d is None else D.promote(d, di)
        return d
    if _isinstance(obj, Tensor):
        return obj._dtype
    if _isinstance(obj, (str, bytes)):
        raise TypeError(f"new(): invalid data type '{_tp_name(obj)}'")
    if _isinstance(obj, np.generic):
        d = D.from_numpy_dtype(obj.dtype)
        if d is None:
            _unsupported_np(obj.dtype)
        return d
    if _isinstance(obj, np.ndarray):
        d = D.from_numpy_dtype(obj.dtype)
        if d is None:
            _unsupported_np(obj.dtype)
        return d
    if _isinstance(obj, builtins.bool):
        return D.bool_
    if _isinstance(obj, builtins.int):
        return D.int64
    if _isinstance(obj, builtins.float):
        return D.get_default_dtype()
    if _is_sequence(obj):
        return _infer_dtype(list(obj))
    raise RuntimeError(f"Could not infer dtype of {_tp_name(obj)}")


def _unsupported_np(npd):
    raise TypeError(f"can't convert np.ndarray of type {_tp_name(npd.type)}. The only supported "
                    "types are: float64, float32, float16, complex64, complex128, int64, int32, "
                    "int16, int8, uint64, uint32, uint16, uint8, and bool.")


_PLAIN = {builtins.float, builtins.int, builtins.bool}
_INT_RANGE = {d: (builtins.int(np.iinfo(d.np).min), builtins.int(np.iinfo(d.np).max))
              for d in D.INTEGERS}
_I64_MIN, _I64_MAX = _INT_RANGE[D.int64]


def _plain_kinds(seq, dim, sizes, kinds):
    """True when nested lists/tuples match ``sizes`` and every leaf is a Python number (the
    common case, built with one NumPy call); collects the leaf types in ``kinds``."""
    if len(seq) != sizes[dim]:
        return False
    if dim == len(sizes) - 1:
        ts = set(map(type, seq))
        if not ts <= _PLAIN:
            return False
        kinds |= ts
        return True
    for s in seq:
        if (type(s) is not list and type(s) is not tuple) or not _plain_kinds(s, dim + 1, sizes,
                                                                              kinds):
            return False
    return True


def _plain_array(data, dtype, kinds):
    """np.ndarray of ``dtype`` from plain nested numbers, or None to take the exact path."""
    cat = dtype.category
    if cat == D.FLOATING:
        f = np.array(data, dtype=np.float64)
        return _from_double(f, dtype)
    if cat == D.BOOL:
        return np.array(data, dtype=np.bool_)
    if builtins.float in kinds:
        if builtins.int in kinds:
            return None  # exact ints beside floats: the element-wise path keeps them exact
        f = np.array(data, dtype=np.float64)
        lo, hi = _INT_RANGE[dtype]
        if not ((f >= lo) & (f <= hi)).all():
            raise RuntimeError(f"value cannot be converted to type {dtype.name} without overflow")
        return f.astype(dtype.np)
    a = np.array(data, dtype=np.int64)
    if dtype is not D.int64 and a.size:
        lo, hi = _INT_RANGE[dtype]
        if lo == 0:
            lo = -hi
        if a.min() < lo or a.max() > hi:
            raise RuntimeError(f"value cannot be converted to type {dtype.name} without overflow")
        a = a.astype(dtype.np)
    return a


def _from_double(f, dtype):
    """float64 values -> dtype as torch stores them (half through float)."""
    if dtype is D.float64:
        return f
    token = quiet_enter()  # overflow to inf is silent in torch
    try:
        if dtype is D.float16:
            return f.astype(np.float32).astype(np.float16)
        return f.astype(dtype.np)
    finally:
        quiet_reset(token)


def _as_double(obj):
    """PyFloat_AsDouble: floats, ints and objects with __float__/__index__, never strings."""
    if type(obj) is builtins.float:
        return obj
    return math.ldexp(obj, 0)


def _scalar_converter(dtype):
    """torch's store_scalar for ``dtype``: one Python object -> a checked Python number."""
    if dtype.category == D.FLOATING:
        return _as_double
    if dtype.category == D.BOOL:
        def conv(obj):
            if _isinstance(obj, (builtins.float, np.bool_)):
                return builtins.bool(obj)
            return operator.index(obj) != 0
        return conv
    lo, hi = _INT_RANGE[dtype]
    ilo = -hi if lo == 0 else lo
    name = dtype.name

    def conv(obj):
        if _isinstance(obj, builtins.float):
            if not lo <= obj <= hi:
                raise RuntimeError(f"value cannot be converted to type {name} without overflow")
            return builtins.int(obj)
        v = operator.index(obj)
        if not _I64_MIN <= v <= _I64_MAX:
            raise ValueError("Overflow when unpacking long long")
        if not ilo <= v <= hi:
            raise RuntimeError(f"value cannot be converted to type {name} without overflow")
        return v
    return conv


def _store(obj, dim, sizes, conv, out):
    """torch's recursive_store: check the nesting against ``sizes``; convert each scalar."""
    if dim == len(sizes):
        out.append(conv(obj))
        return
    n = sizes[dim]
    if type(obj) is list or type(obj) is tuple:
        seq = obj
    else:
        try:
            it = iter(obj)
        except TypeError:
            raise TypeError("not a sequence") from None
        seq = list(it)
    if len(seq) != n:
        raise ValueError(f"expected sequence of length {n} at dim {dim} (got {len(seq)})")
    for item in seq:
        if _isinstance(item, np.ndarray):
            _errors.warn_once("Creating a tensor from a list of numpy.ndarrays is extremely slow. "
                              "Please consider converting the list to a single numpy.ndarray with "
                              "numpy.array() before converting to a tensor.")
        _store(item, dim + 1, sizes, conv, out)


def _from_data(data, dtype, infer, fn="new"):
    """torch's internal_new_from_data for Python data (not a Tensor or ndarray): an ndarray."""
    if _isinstance(data, (str, bytes)):
        raise TypeError(f"new(): invalid data type '{_tp_name(data)}'")
    sizes = _compute_sizes(data)
    shape = tuple(sizes)
    if (type(data) is list or type(data) is tuple) and sizes[-1]:
        kinds = set()
        if _plain_kinds(data, 0, sizes, kinds):
            # regular nests of Python numbers: one NumPy conversion
            if infer:
                dtype = D.get_default_dtype() if builtins.float in kinds else \
                    D.int64 if builtins.int in kinds else D.bool_
            try:
                arr = _plain_array(data, dtype, kinds)
            except (OverflowError, ValueError, TypeError):
                arr = None
            if arr is not None:
                return arr, dtype
    if infer:
        dtype = _infer_dtype(data)
    if 0 in sizes:
        return np.zeros(shape, dtype.np), dtype
    if not sizes:
        if type(data) in _PLAIN:
            v = _scalar_converter(dtype)(data)
            if dtype.category == D.FLOATING:
                return _from_double(np.array(v, np.float64), dtype), dtype
            return np.array(v, np.int64 if dtype.category == D.INTEGRAL else np.bool_).astype(
                dtype.np), dtype
    out = []
    _store(data, 0, sizes, _scalar_converter(dtype), out)
    if dtype.category == D.FLOATING:
        arr = _from_double(np.array(out, np.float64), dtype)
    elif dtype.category == D.BOOL:
        arr = np.array(out, np.bool_)
    else:
        arr = np.array(out, np.int64).astype(dtype.np, copy=False)
    return arr.reshape(shape), dtype


def _numpy_checks(arr):
    """torch's tensor_from_numpy checks, in its order."""
    item = arr.itemsize
    for s in arr.strides:
        if s % item:
            raise ValueError("given numpy array strides not a multiple of the element byte size. "
                             "Copy the numpy array to reallocate the memory.")
    if any(s < 0 for s in arr.strides):
        raise ValueError("At least one stride in the given numpy array is negative, and tensors "
                         "with negative strides are not currently supported. (You can probably "
                         "work around this by making a copy of your array  with array.copy().) ")
    if not arr.dtype.isnative:
        raise ValueError("given numpy array has byte order different from the native byte order. "
                         "Conversion between byte orders is currently not supported.")
    d = D.from_numpy_dtype(arr.dtype)
    if d is None:
        _unsupported_np(arr.dtype)
    return d


def _warn_not_writeable(arr):
    if not arr.flags.writeable:
        _errors.warn_once(
            "The given NumPy array is not writable, and PyTorch does not support non-writable "
            "tensors. This means writing to this tensor will result in undefined behavior. You may "
            "want to copy the array to protect its data or make it writable before converting it to "
            "a tensor. This type of warning will be suppressed for the rest of this program.")


def _copy_array(a, dtype):
    """A new array of ``dtype`` with ``a``'s values, laid out as torch copies (keeping the
    strides of a dense input)."""
    if a.flags.c_contiguous and a.dtype == dtype.np and 1 not in a.shape:
        return a.copy()
    out = _like_array(a, dtype)
    with np.errstate(all="ignore"):
        np.copyto(out, a, casting="unsafe")
    return out


_MISSING = object()


def tensor(*args, dtype=None, device=None, requires_grad=False, pin_memory=False, **kw):
    if len(args) > 1:
        raise TypeError(f"tensor() takes 1 positional argument but {len(args)} were given")
    for k in kw:
        if k != "data" or args:
            raise TypeError(f"tensor() got an unexpected keyword argument '{k}'" if k != "data"
                            else "tensor() got multiple values for argument 'data'")
    if not args and not kw:
        raise TypeError('tensor() missing 1 required positional arguments: "data"')
    data = args[0] if args else kw["data"]
    dtype = _dtype_arg(dtype, "tensor")
    _check_device(device, "tensor")
    if type(requires_grad) is not builtins.bool:
        raise TypeError(f"tensor(): argument 'requires_grad' must be bool, not "
                        f"{type(requires_grad).__name__}")
    if _isinstance(data, Tensor):
        _errors.warn("To copy construct from a tensor, it is recommended to use "
                     "sourceTensor.detach().clone() or sourceTensor.detach().clone()."
                     "requires_grad_(True), rather than torch.tensor(sourceTensor).")
        d = dtype or data._dtype
        return _finish_new(make(_copy_array(data._data, d), d), requires_grad)
    if _isinstance(data, np.ndarray):
        nd = _numpy_checks(data)
        d = dtype or nd
        return _finish_new(make(_copy_array(data, d), d), requires_grad)
    arr, d = _from_data(data, dtype, dtype is None)
    return _finish_new(make(arr, d), requires_grad)


def as_tensor(data, dtype=None, device=None):
    dtype = _dtype_arg(dtype, "as_tensor")
    _check_device(device, "as_tensor")
    if _isinstance(data, Tensor):
        if dtype is None or dtype is data._dtype:
            return data
        return data.to(dtype)
    if _isinstance(data, np.ndarray):
        _warn_not_writeable(data)
        d = _numpy_checks(data)
        t = make(data, d)
        return t if dtype is None or dtype is d else t.to(dtype)
    arr, d = _from_data(data, dtype, dtype is None)
    return make(arr, d)


asarray = as_tensor


def from_numpy(ndarray):
    if not _isinstance(ndarray, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {_tp_name(ndarray)})")
    _warn_not_writeable(ndarray)
    return make(ndarray, _numpy_checks(ndarray))


def _rebuild(arr, dtype_name, requires_grad):
    t = make(arr, getattr(D, "bool_" if dtype_name == "bool" else dtype_name))
    if requires_grad:
        t._set_requires_grad(True)
    return t


# --- constant factories ------------------------------------------------------------------------

def _invalid_args(fn, got, signatures, kwargs=None):
    """torch's argument-parser error when no signature matches (``got``: the positional
    arguments' type names; ``kwargs`` shown as name=type, last given first)."""
    got = ", ".join(got)
    if kwargs:
        kws = [f"{k}={_kw_type(v)}" for k, v in reversed(list(kwargs.items()))]
        got = f"{got}, {', '.join(kws)}" if got else "".join(k + ", " for k in kws)
    return TypeError(f"{fn}() received an invalid combination of arguments - got "
                     f"({got}), but expected one of:\n"
                     + "".join(f" * ({s})\n" if _isinstance(s, str) else f" * ({s[0]})\n{s[1]}\n"
                               for s in signatures))


_OPTS = ("torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, "
         "bool pin_memory = False, bool requires_grad = False")
_OUT_OPTS = "Tensor out = None, " + _OPTS


def _filled(size, value, dtype, requires_grad, fn, device, kw_size):
    shape = _size(size, fn, kw_size)
    if dtype is not None:
        dtype = _dtype_arg(dtype, fn)
    if device is not None:
        _check_device(device, fn)
    d = _default(dtype)
    arr = np.full(shape, value, d.np) if value != 0 else np.zeros(shape, d.np)
    return _finish_new(make(arr, d), requires_grad)


def zeros(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False,
          pin_memory=False, **kw):
    shape = _size(size, "zeros", _kw_size(kw, "zeros"), True)
    for s in shape:
        if s < 0:
            raise RuntimeError("zeros: Dimension size must be non-negative.")
    if dtype is not None:
        dtype = _dtype_arg(dtype, "zeros")
    if device is not None:
        _check_device(device, "zeros")
    d = dtype or D.get_default_dtype()
    return _finish_new(make(np.zeros(shape, d.np), d), requires_grad)


def _kw_size(kw, fn):
    if not kw:
        return None
    for k in kw:
        if k != "size":
            raise TypeError(f"{fn}() got an unexpected keyword argument '{k}'")
    return kw["size"]


def ones(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False,
         pin_memory=False, **kw):
    return _filled(size, 1, dtype, requires_grad, "ones", device, _kw_size(kw, "ones"))


def empty(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False,
          pin_memory=False, memory_format=None, **kw):
    # torch leaves the memory uninitialised; zeros keep torchlite deterministic
    return _filled(size, 0, dtype, requires_grad, "empty", device, _kw_size(kw, "empty"))


_C_TYPE = {"uint8": "uint8_t", "int8": "int8_t", "int16": "int16_t", "int32": "int",
           "int64": "int64_t", "float16": "c10::Half", "float32": "float", "float64": "double",
           "bool": "bool"}


def _check_fill(fill_value, fn):
    """fill_value as torch's Scalar: a Python number (0-dim tensors and NumPy scalars too)."""
    if _isinstance(fill_value, Tensor):
        if fill_value._data.ndim == 0 and not fn.startswith("new_"):
            return fill_value._data.item()
    elif _isinstance(fill_value, (builtins.bool, builtins.int, builtins.float, np.number,
                                  np.bool_)):
        if _isinstance(fill_value, builtins.int) and not _isinstance(fill_value, builtins.bool):
            if fill_value >= 1 << 64:
                raise OverflowError("int too big to convert")
            if fill_value < -(1 << 63):
                raise OverflowError("can't convert negative int to unsigned")
        return fill_value.item() if _isinstance(fill_value, np.generic) else fill_value
    raise TypeError(f"{fn}(): argument 'fill_value' (position 2) must be Number, not "
                    f"{type(fill_value).__name__}")


_FLOAT_MAX = {d.name: builtins.float(np.finfo(d.np).max) for d in D.FLOATS}


def _scalar_to(value, dtype):
    """c10's checked conversion of a Scalar to ``dtype`` ("value cannot be converted ...")."""
    cat = dtype.category
    if cat == D.BOOL:
        return builtins.bool(value)
    if cat == D.FLOATING:
        if _isinstance(value, builtins.float) and (math.isinf(value) or math.isnan(value)):
            return value
        hi = _FLOAT_MAX[dtype.name]
        if not -hi <= value <= hi:
            raise RuntimeError(f"value cannot be converted to type {_C_TYPE[dtype.name]} without "
                               "overflow")
        return value
    lo, hi = _INT_RANGE[dtype]
    if _isinstance(value, builtins.float):
        ok = lo <= value <= hi
    else:
        value = builtins.int(value)
        ok = (-hi if lo == 0 else lo) <= value <= hi
    if not ok:
        raise RuntimeError(f"value cannot be converted to type {_C_TYPE[dtype.name]} without "
                           "overflow")
    return value


def _fill_array(shape, value, dtype):
    value = _scalar_to(value, dtype)
    if dtype.category == D.INTEGRAL and not _isinstance(value, builtins.float):
        return np.full(shape, np.array(value, np.int64).astype(dtype.np), dtype.np)
    if dtype is D.float16:
        value = np.float32(value)
    return np.full(shape, value, dtype.np)


def _fill_dtype(value):
    """The dtype torch.full infers from fill_value (a NumPy bool counts as a float)."""
    if _isinstance(value, Tensor):
        value = value._data.item()
    if _isinstance(value, builtins.bool):
        return D.bool_
    if _isinstance(value, (builtins.int, np.integer)):
        return D.int64
    return D.get_default_dtype()


def full(size=_MISSING, fill_value=_MISSING, *, out=None, dtype=None, layout=None, device=None,
         requires_grad=False, pin_memory=False):
    if size is _MISSING:
        raise TypeError('full() missing 1 required positional arguments: "size"')
    if fill_value is _MISSING:
        raise TypeError('full() missing 1 required positional arguments: "fill_value"')
    if not _isinstance(size, (tuple, list)):
        raise TypeError(f"full(): argument 'size' (position 1) must be tuple of ints, not "
                        f"{_tp_name(size)}")
    dtype = _dtype_arg(dtype, "full")
    _check_device(device, "full")
    shape = _size((size,), "full")
    value = _check_fill(fill_value, "full")
    d = dtype or _fill_dtype(fill_value)
    return _finish_new(make(_fill_array(shape, value, d), d), requires_grad)


def eye(n=_MISSING, m=_MISSING, *, out=None, dtype=None, layout=None, device=None,
        requires_grad=False, pin_memory=False):
    if n is _MISSING:
        raise TypeError('eye() missing 1 required positional arguments: "n"')
    if not _is_int_arg(n):
        if m is _MISSING:
            raise TypeError(f"eye(): argument 'n' (position 1) must be int, not {_tp_name(n)}")
        raise _invalid_args("eye", [_tp_name(n), _tp_name(m)], _EYE_SIGS)
    if m is not _MISSING and not _is_int_arg(m):
        raise _invalid_args("eye", [_tp_name(n), _tp_name(m)], _EYE_SIGS)
    dtype = _dtype_arg(dtype, "eye")
    _check_device(device, "eye")
    n = builtins.int(n)
    if n < 0:
        raise RuntimeError(f"n must be greater or equal to 0, got {n}")
    m = n if m is _MISSING else builtins.int(m)
    if m < 0:
        raise RuntimeError(f"m must be greater or equal to 0, got {m}")
    d = _default(dtype)
    return _finish_new(make(np.eye(n, m, dtype=d.np), d), requires_grad)


_EYE_SIGS = ("int n, *, " + _OUT_OPTS, "int n, int m, *, " + _OUT_OPTS)


def _like_args(fn, args, kw, names):
    """(input, *names) from a *_like call, with the parser's messages for bad arity."""
    if not kw and len(args) == 1 + len(names):
        return args
    allowed = ("input",) + names
    if len(args) > len(allowed):
        raise TypeError(f"{fn}() takes {len(allowed)} positional argument"
                        f"{'s' if len(allowed) > 1 else ''} but {len(args)} were given")
    vals = dict(zip(allowed, args))
    for k, v in kw.items():
        if k not in allowed:
            raise TypeError(f"{fn}() got an unexpected keyword argument '{k}'")
        if k in vals:
            raise TypeError(f"{fn}() got multiple values for argument '{k}'")
        vals[k] = v
    return tuple(vals.get(n, _MISSING) for n in allowed)


def _like_dtype(input, dtype, fn):
    if dtype is None and type(input) is Tensor:
        return input._dtype
    if input is _MISSING:
        raise TypeError(f'{fn}() missing 1 required positional arguments: "input"')
    if not _isinstance(input, Tensor):
        raise TypeError(f"{fn}(): argument 'input' (position 1) must be Tensor, not "
                        f"{_tp_name(input)}")
    dtype = _dtype_arg(dtype, fn)
    return input._dtype if dtype is None else dtype


def zeros_like(*args, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None, pin_memory=False, **kw):
    input = _like_args('zeros_like', args, kw, ())[0]
    d = _like_dtype(input, dtype, "zeros_like")
    if device is not None:
        _check_device(device, "zeros_like")
    return _finish_new(make(_like_array(input._data, d), d), requires_grad)


def ones_like(*args, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None, pin_memory=False, **kw):
    input = _like_args('ones_like', args, kw, ())[0]
    d = _like_dtype(input, dtype, "ones_like")
    _check_device(device, "ones_like")
    arr = _like_array(input._data, d)
    arr.fill(1)
    return _finish_new(make(arr, d), requires_grad)


def empty_like(*args, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None, pin_memory=False, **kw):
    input = _like_args('empty_like', args, kw, ())[0]
    d = _like_dtype(input, dtype, "empty_like")
    _check_device(device, "empty_like")
    return _finish_new(make(_like_array(input._data, d), d), requires_grad)


def full_like(*args, dtype=None, layout=None, device=None,
              requires_grad=False, memory_format=None, pin_memory=False, **kw):
    input, fill_value = _like_args('full_like', args, kw, ('fill_value',))
    d = _like_dtype(input, dtype, "full_like")
    if fill_value is _MISSING:
        raise TypeError('full_like() missing 1 required positional arguments: "fill_value"')
    _check_device(device, "full_like")
    value = _check_fill(fill_value, "full_like")
    arr = _like_array(input._data, d)
    arr[...] = _fill_array((), value, d)
    return _finish_new(make(arr, d), requires_grad)


_ARANGE_SIGS = ("Number end, *, " + _OUT_OPTS, "Number start, Number end, *, " + _OPTS,
                "Number start, Number end, Number step = 1, *, " + _OUT_OPTS)
_NUMBER = (builtins.bool, builtins.int, builtins.float, np.number, np.bool_)


def _number_arg(v):
    if _isinstance(v, Tensor) and v._data.ndim == 0:
        return v._data.item()
    if _isinstance(v, np.generic):
        return v.item()
    return v


def arange(*args, out=None, dtype=None, layout=None, device=None, requires_grad=False,
           pin_memory=False, **kw):
    if len(args) == 1 and not kw and dtype is None and type(args[0]) is builtins.int and \
            args[0] >= 0:
        return _finish_new(make(np.arange(args[0], dtype=np.int64), D.int64), requires_grad)
    start, end, step = _arange_args(args, kw)
    dtype = _dtype_arg(dtype, "arange")
    _check_device(device, "arange")
    vals = (start, end, step)
    if dtype is None:
        if any(_isinstance(v, builtins.float) for v in vals):
            dtype = D.get_default_dtype()
        else:
            dtype = D.int64
    if dtype is D.bool_:
        raise NotImplementedError("\"arange_cpu\" not implemented for 'Bool'")
    # torch computes in the accumulation type: int64 for integers, double (float for half)
    if dtype.is_floating_point:
        cast = builtins.float
    else:
        cast = _trunc_int
    xstart, xend, xstep = cast(start), cast(end), cast(step)
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if not (math.isfinite(start) and math.isfinite(end)):
        raise RuntimeError(f"unsupported range: {_fmt_num(start)} -> {_fmt_num(end)}")
    if not ((step > 0 and end >= start) or (step < 0 and end <= start)):
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    if dtype is D.int64:
        if xstep == 0:
            raise ValueError("step must be nonzero")
        num = xend - xstart + xstep - (1 if xstep > 0 else -1)
        n = builtins.abs(num) // builtins.abs(xstep) * (1 if (num >= 0) == (xstep > 0) else -1)
    else:
        n = math.ceil((builtins.float(end) - builtins.float(start)) / builtins.float(step))
        if not math.isfinite(n) or n >= 1 << 62:
            raise RuntimeError("invalid size, possible overflow?")
    n = builtins.max(0, builtins.int(n))
    if n > 1 << 40:
        raise RuntimeError(f"Storage size calculation overflowed with sizes=[{n}]")
    if dtype.is_floating_point:
        arr = _arange_float(xstart, xstep, n, dtype)
    else:
        with np.errstate(all="ignore"):
            arr = (xstart + np.arange(n, dtype=np.int64) * xstep).astype(dtype.np)
    return _finish_new(make(arr, dtype), requires_grad)


def _arange_float(start, step, n, d):
    """torch's CPU arange kernel: start + step*i in the accumulation type (double; float for
    half) with fused multiply-adds; whole pairs of 256-bit vectors start from a base value
    rounded to the dtype and add k*step to it, the tail is computed element by element."""
    from ._random import _fma32, _fma64
    if d is D.float16:
        acc, fma = np.float32, _fma32
    else:
        acc, fma = np.float64, _fma64
    s, st = acc(start), acc(step)
    width = 32 // d.itemsize
    idx = np.arange(n)
    nvec = n // (2 * width) * (2 * width)
    out = np.empty(n, d.np)
    with np.errstate(all="ignore"):
        if nvec:
            head = idx[:nvec]
            k = head % width
            base = np.asarray(fma(st, (head - k).astype(acc), s)).astype(d.np)
            out[:nvec] = np.asarray(fma(k.astype(acc), st, base.astype(acc))).astype(d.np)
        if nvec < n:
            out[nvec:] = np.asarray(fma(st, idx[nvec:].astype(acc), s)).astype(d.np)
    return out


def _trunc_int(v):
    return builtins.int(v)


def _fmt_num(v):
    if _isinstance(v, builtins.float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return "%g" % v
    return str(v)


def _arange_args(args, kw):
    names = ("start", "end", "step")
    for k in kw:
        if k not in names:
            raise TypeError(f"arange() got an unexpected keyword argument '{k}'")
    if kw:
        if len(args) == 0 and set(kw) == {"end"}:
            args = (kw["end"],)
        else:
            full_ = dict(zip(names, args))
            full_.update(kw)
            if "end" not in full_:
                raise _invalid_args("arange", [f"{k}={type(v).__name__}" for k, v in kw.items()],
                                    _ARANGE_SIGS)
            args = (full_.get("start", 0), full_["end"], full_.get("step", 1))
    if not 1 <= len(args) <= 3 or any(not (_isinstance(a, _NUMBER) or (
            _isinstance(a, Tensor) and a._data.ndim == 0)) for a in args):
        if len(args) == 1:
            raise TypeError(f"arange(): argument 'end' (position 1) must be Number, not "
                            f"{_tp_name(args[0])}")
        raise _invalid_args("arange", [_tp_name(a) for a in args], _ARANGE_SIGS)
    vals = [_number_arg(a) for a in args]
    if len(vals) == 1:
        return 0, vals[0], 1
    if len(vals) == 2:
        return vals[0], vals[1], 1
    return tuple(vals)


def range_(start=0, end=None, step=1, *, dtype=None, requires_grad=False):
    _errors.warn("torch.range is deprecated and will be removed in a future release because its "
                 "behavior is inconsistent with Python's range builtin. Instead, use torch.arange, "
                 "which produces values in [start, end).")
    if end is None:
        start, end = 0, start
    d = _default(_dtype_arg(dtype, "range"))
    n = int(math.floor((end - start) / step)) + 1
    return _finish_new(make((start + np.arange(n, dtype=np.float64) * step).astype(d.np), d),
                       requires_grad)


_LINSPACE_SIGS = tuple(f"{a} start, {b} end, int steps, *, " + _OUT_OPTS
                       for a, b in (("Tensor", "Tensor"), ("Number", "Tensor"),
                                    ("Tensor", "Number"), ("Number", "Number")))
_LOGSPACE_SIGS = tuple(f"{a} start, {b} end, int steps, float base = 10.0, *, " + _OUT_OPTS
                       for a, b in (("Tensor", "Tensor"), ("Number", "Tensor"),
                                    ("Tensor", "Number"), ("Number", "Number")))


def _space_args(fn, sigs, start, end, steps):
    args = [a for a in (start, end, steps) if a is not _MISSING]
    ok = len(args) == 3 and _is_int_arg(steps) and all(
        _isinstance(a, _NUMBER) or _isinstance(a, Tensor) for a in (start, end))
    if not ok:
        raise _invalid_args(fn, [_tp_name(a) for a in args], sigs)
    return _number_arg(start), _number_arg(end), builtins.int(steps)


def linspace(start=_MISSING, end=_MISSING, steps=_MISSING, *, out=None, dtype=None, layout=None,
             device=None, requires_grad=False, pin_memory=False):
    start, end, steps = _space_args("linspace", _LINSPACE_SIGS, start, end, steps)
    dtype = _dtype_arg(dtype, "linspace")
    _check_device(device, "linspace")
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    d = _default(dtype)
    if d is D.bool_:
        raise NotImplementedError("\"linspace_cpu\" not implemented for 'Bool'")
    arr = _linspace_np(start, end, steps, d)
    return _finish_new(make(arr, d), requires_grad)
def _linspace_np(start, end, steps, d):
    """torch's linspace: start + i*step for the first half, end - (steps-1-i)*step after.

    float32/float64: the step is computed in the result dtype; each element with one fused
    multiply-add, emulated here in a wider type before the final rounding.  float16: every
    operation is rounded to half.  Integers: start and end are first converted to the dtype
    (wrapping), the step and the elements computed in double and truncated.
    """
    if steps == 0:
        return np.zeros((0,), d.np)
    if d.category == D.INTEGRAL:
        s = _wrap_int(start, d)
        e = _wrap_int(end, d)
        if steps == 1:
            return np.array([s], d.np)
        from ._random import _fma64
        step = (builtins.float(e) - builtins.float(s)) / (steps - 1)
        i = np.arange(steps)
        lo = _fma64(step, i.astype(np.float64), builtins.float(s))
        hi = _fma64(-step, (steps - 1 - i).astype(np.float64), builtins.float(e))
        out = np.where(i < steps // 2, lo, hi)
        with np.errstate(all="ignore"):
            return out.astype(np.int64).astype(d.np)
    if d is D.float16:
        f32, h = np.float32, np.float16
        s, e = h(f32(start)), h(f32(end))
        if steps == 1:
            return np.array([s], h)
        step = h(f32(h(f32(e) - f32(s))) / f32(h(steps - 1)))
        i = np.arange(steps)
        lo = (f32(s) + (f32(step) * i.astype(h).astype(f32)).astype(h).astype(f32)).astype(h)
        k = (steps - 1 - i).astype(h).astype(f32)
        hi = (f32(e) - (f32(step) * k).astype(h).astype(f32)).astype(h)
        return np.where(i < steps // 2, lo, hi)
    if steps == 1:
        return np.array([start], d.np)
    from ._random import _fma32, _fma64
    fma = _fma64 if d is D.float64 else _fma32
    s, e = d.np.type(start), d.np.type(end)
    step = (e - s) / d.np.type(steps - 1)
    i = np.arange(steps)
    with np.errstate(all="ignore"):
        lo = np.asarray(fma(step, i.astype(d.np), s), d.np)
        hi = np.asarray(fma(-step, (steps - 1 - i).astype(d.np), e), d.np)
    return np.where(i < steps // 2, lo, hi)


def _wrap_int(v, d):
    """Scalar.to<int type>(): checked, then wrapped into the dtype."""
    v = _scalar_to(v, d)
    return builtins.int(np.array(builtins.int(v), np.int64).astype(d.np))


def logspace(start=_MISSING, end=_MISSING, steps=_MISSING, base=10.0, *, out=None, dtype=None,
             layout=None, device=None, requires_grad=False, pin_memory=False):
    start, end, steps = _space_args("logspace", _LOGSPACE_SIGS, start, end, steps)
    dtype = _dtype_arg(dtype, "logspace")
    _check_device(device, "logspace")
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    d = _default(dtype)
    if d is D.bool_:
        raise NotImplementedError("\"logspace_cpu\" not implemented for 'Bool'")
    return _finish_new(make(_logspace_np(start, end, steps, builtins.float(base), d), d),
                       requires_grad)


def _logspace_np(start, end, steps, base, d):
    """torch's logspace: base ** (start + i*step) for the first half, base ** (end - (steps-1-i)
    * step) after; start and end are first cast to the dtype, the step is a double, and an
    integer dtype raises a float base."""
    if steps == 0:
        return np.zeros((0,), d.np)
    if d.category == D.INTEGRAL:
        s, e = builtins.int(start), builtins.int(end)
        base = builtins.float(np.float32(base))
    else:
        s, e = builtins.float(d.np.type(start)), builtins.float(d.np.type(end))
    if steps == 1:
        vals = [math.pow(base, builtins.float(start))]
    else:
        step = builtins.float(d.np.type(e) - d.np.type(s)) if d.is_floating_point else \
            builtins.float(e - s)
        step /= steps - 1
        half = steps // 2
        vals = []
        for i in range(steps):
            x = s + step * i if i < half else e - step * (steps - i - 1)
            try:
                vals.append(math.pow(base, x))
            except (OverflowError, ValueError):
                vals.append(builtins.float(np.power(np.float64(base), np.float64(x))))
    f = np.array(vals, np.float64)
    if d.category == D.INTEGRAL:
        with np.errstate(all="ignore"):
            return f.astype(np.int64).astype(d.np)
    with np.errstate(all="ignore"):
        return _from_double(f, d)


# --- the legacy constructors --------------------------------------------------------------------

_LEGACY_SIGS = ("*, torch.device device = None", "torch.Storage storage", "Tensor other",
                "tuple of ints size, *, torch.device device = None",
                "object data, *, torch.device device = None")


def _legacy_bad_kwargs(args, kwargs):
    got = [_tp_name(a) for a in args] + [f"{k}={_kw_type(v)}" for k, v in reversed(kwargs.items())]
    sigs = list(_LEGACY_SIGS)
    note = "      didn't match because some of the keywords were incorrect: " + \
        ", ".join(reversed(list(kwargs)))
    for i in ((0,) if len(kwargs) == 1 else (3, 4)):
        sigs[i] = (sigs[i], note)
    return _invalid_args("new", got, sigs)


def _kw_type(v):
    if _isinstance(v, D.dtype):
        return "torch.dtype"
    return _tp_name(v)


_C_NAME = {"float32": "float", "float64": "double", "float16": "c10::Half", "int64": "long int",
           "int32": "int", "int16": "short int", "int8": "signed char", "uint8": "unsigned char",
           "bool": "bool"}


def _options(d):
    return (f"TensorOptions(dtype={_C_NAME[d.name]}, device=cpu, layout=Strided, "
            "requires_grad=false (default), pinned_memory=false (default), "
            "memory_format=(nullopt))")


def legacy_new(cls, *args, device=None, **kwargs):
    """torch.Tensor(...), torch.FloatTensor(...) and friends."""
    return _legacy(getattr(cls, "_legacy_dtype", None), args, device, kwargs)


def _legacy(dtype, args, device, kwargs):
    """The legacy constructor for a fixed dtype (None: torch.Tensor, the default dtype)."""
    if kwargs:
        raise _legacy_bad_kwargs(args, kwargs)
    if device is not None:
        _check_device(_device_type(device), "new")
    d = dtype or D.get_default_dtype()
    if not args:
        return make(np.zeros((0,), d.np), d)
    if len(args) == 1:
        a = args[0]
        if _isinstance(a, Size):
            return make(np.zeros(_size((tuple(a),), "new"), d.np), d)
        if _isinstance(a, Tensor):
            if dtype is not None and a._dtype is not dtype:
                raise TypeError(f"expected {_options(dtype)} (got {_options(a._dtype)})")
            from ._ops.shape import alias
            return alias(a)
        if not _is_int_arg(a):
            if not _is_sequence(a):
                raise TypeError(f"new(): data must be a sequence (got {_tp_name(a)})")
            if _isinstance(a, np.ndarray):
                nd = _numpy_checks(a)
                if nd is d:
                    return make(a, d)
                return make(_copy_array(a, d), d)
            arr, _ = _from_data(a, d, False)
            return make(arr, d)
    shape = _size(args, "new")
    return make(np.zeros(shape, d.np), d)


def _device_type(device):
    """The legacy constructors accept only CPU devices (with torch's message for others)."""
    if _isinstance(device, str):
        try:
            dev = _device_cls(device)
        except RuntimeError:
            return device
        if dev.type != "cpu":
            raise RuntimeError(f"legacy constructor expects device type: cpu but device type: "
                               f"{dev.type} was passed")
    return device


def new(self, *args, device=None, **kwargs):
    """Tensor.new(...): the legacy constructor with the tensor's dtype."""
    return _legacy(self._dtype, args, device, kwargs)


class _LegacyMeta(type):
    def __instancecheck__(cls, obj):
        return _isinstance(obj, Tensor) and obj._dtype is cls._legacy_dtype

    def __repr__(cls):
        return f"<class 'torch.{cls.__name__}'>"


def _legacy_class(name, dtype):
    def __new__(cls, *args, **kwargs):
        return legacy_new(cls, *args, **kwargs)
    cls = _LegacyMeta(name, (), {"__new__": __new__, "_legacy_dtype": dtype, "__module__": "torch",
                                 "dtype": dtype, "is_sparse": False})
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

def new_tensor(self, data, *, dtype=None, device=None, requires_grad=False, pin_memory=False):
    d = _dtype_arg(dtype, "new_tensor") or self._dtype
    _check_device(device, "new_tensor")
    if _isinstance(data, Tensor):
        _errors.warn("To copy construct from a tensor, it is recommended to use "
                     "sourceTensor.detach().clone() or sourceTensor.detach().clone()."
                     "requires_grad_(True), rather than tensor.new_tensor(sourceTensor).")
        return _finish_new(make(_copy_array(data._data, d), d), requires_grad)
    if _isinstance(data, np.ndarray):
        _numpy_checks(data)
        return _finish_new(make(_copy_array(data, d), d), requires_grad)
    arr, _ = _from_data(data, d, False)
    return _finish_new(make(arr, d), requires_grad)


def _new_filled(self, size, value, dtype, device, requires_grad, fn, kw):
    d = _dtype_arg(dtype, fn) or self._dtype
    _check_device(device, fn)
    shape = _size(size, fn, _kw_size(kw, fn))
    arr = np.zeros(shape, d.np) if value == 0 else np.ones(shape, d.np)
    return _finish_new(make(arr, d), requires_grad)


def new_zeros(self, *size, dtype=None, device=None, requires_grad=False, layout=None,
              pin_memory=False, **kw):
    return _new_filled(self, size, 0, dtype, device, requires_grad, "new_zeros", kw)


def new_ones(self, *size, dtype=None, device=None, requires_grad=False, layout=None,
             pin_memory=False, **kw):
    return _new_filled(self, size, 1, dtype, device, requires_grad, "new_ones", kw)


def new_empty(self, *size, dtype=None, device=None, requires_grad=False, layout=None,
              pin_memory=False, **kw):
    return _new_filled(self, size, 0, dtype, device, requires_grad, "new_empty", kw)


def new_full(self, size=_MISSING, fill_value=_MISSING, *, dtype=None, device=None,
             requires_grad=False, layout=None, pin_memory=False):
    if size is _MISSING:
        raise TypeError('new_full() missing 1 required positional arguments: "size"')
    if fill_value is _MISSING:
        raise TypeError('new_full() missing 1 required positional arguments: "fill_value"')
    if not _isinstance(size, (tuple, list)):
        raise TypeError(f"new_full(): argument 'size' (position 1) must be tuple of ints, not "
                        f"{_tp_name(size)}")
    d = _dtype_arg(dtype, "new_full") or self._dtype
    _check_device(device, "new_full")
    shape = _size((size,), "new_full")
    value = _check_fill(fill_value, "new_full")
    return _finish_new(make(_fill_array(shape, value, d), d), requires_grad)


# --- random factories ---------------------------------------------------------------------------

def _gen(generator):
    from . import _random
    if generator is None:
        return _random.default_generator
    return generator


def _zeros_grad(grad):
    return make(np.zeros(grad._data.shape, grad._dtype.np), grad._dtype)


# sampling is not differentiable: torch records these nodes with zero gradients
UNIFORM_ = defop("uniform_", "UniformBackward0", self=lambda grad: _zeros_grad(grad))
NORMAL_ = defop("normal_", "NormalBackward0", self=lambda grad: _zeros_grad(grad))
RANDOM_FROM_TO = defop("random_", "RandomBackward0", self=lambda grad: _zeros_grad(grad))
RANDOM_TO = defop("random_", "RandomBackward1", self=lambda grad: _zeros_grad(grad))
RANDOM_ = defop("random_", "RandomBackward2", self=lambda grad: _zeros_grad(grad))
BERNOULLI_T = defop("bernoulli_", "BernoulliBackward1", ("self", "p"),
                    self=lambda grad: _zeros_grad(grad), p=lambda grad: _zeros_grad(grad))
BERNOULLI_F = defop("bernoulli_", "BernoulliBackward2", self=lambda grad: _zeros_grad(grad))
BERNOULLI = defop("bernoulli", "BernoulliBackward0", self=lambda grad: _zeros_grad(grad))
NORMAL_T_F = defop("normal", "NormalBackward1", ("mean",), mean=lambda grad: _zeros_grad(grad))
NORMAL_F_T = defop("normal", "NormalBackward2", ("std",), std=lambda grad: _zeros_grad(grad))
NORMAL_T_T = defop("normal", "NormalBackward3", ("mean", "std"),
                   mean=lambda grad: _zeros_grad(grad), std=lambda grad: _zeros_grad(grad))


def _random_dtype(dtype, fn):
    d = _default(_dtype_arg(dtype, fn))
    if not d.is_floating_point:
        kernel = "check_uniform_bounds" if fn in ("rand", "rand_like") else "normal_kernel_cpu"
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{_scalar(d)}'")
    return d


def _scalar(d):
    from ._tensor import scalar_type_name
    return scalar_type_name(d)


_GEN_OPTS = "*, torch.Generator generator, " + _OUT_OPTS


def _rand_size(size, fn, kw):
    if not size and not kw:
        raise _invalid_args(fn, [], ("tuple of ints size, " + _GEN_OPTS,
                                     "tuple of ints size, *, " + _OUT_OPTS))
    return _size(size, fn, _kw_size(kw, fn))


def rand(*size, generator=None, out=None, dtype=None, layout=None, device=None,
         requires_grad=False, pin_memory=False, **kw):
    shape = _rand_size(size, "rand", kw)
    d = _random_dtype(dtype, "rand")
    _check_device(device, "rand")
    return _finish_new(make(_gen(generator).uniform(shape, d.np), d), requires_grad)


def randn(*size, generator=None, out=None, dtype=None, layout=None, device=None,
          requires_grad=False, pin_memory=False, **kw):
    shape = _rand_size(size, "randn", kw)
    d = _random_dtype(dtype, "randn")
    _check_device(device, "randn")
    return _finish_new(make(_gen(generator).normal(shape, d.np), d), requires_grad)


def _memory_order(a):
    """A view of ``a`` whose C order is ``a``'s memory order (torch fills in memory order)."""
    if a.flags.c_contiguous or a.ndim < 2:
        return a
    perm = sorted(range(a.ndim), key=lambda i: -a.strides[i])
    return a.transpose(perm)


def _like_random(input, dtype, fn, requires_grad, device):
    d = _like_dtype(input, dtype, fn)
    _check_device(device, fn)
    t = make(_like_array(input._data, d), d)
    return t


def rand_like(*args, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None, generator=None, pin_memory=False, **kw):
    input = _like_args('rand_like', args, kw, ())[0]
    t = _like_random(input, dtype, "rand_like", requires_grad, device)
    _random_dtype(t._dtype, "rand_like")
    _fill_memory_order(t, lambda shape: _gen(generator).uniform(shape, t._dtype.np))
    return _finish_new(t, requires_grad)


def randn_like(*args, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None, generator=None, pin_memory=False, **kw):
    input = _like_args('randn_like', args, kw, ())[0]
    t = _like_random(input, dtype, "randn_like", requires_grad, device)
    _random_dtype(t._dtype, "randn_like")
    contiguous = t._data.flags.c_contiguous
    _fill_memory_order(t, lambda shape: _gen(generator).normal(shape, t._dtype.np,
                                                               contiguous=contiguous))
    return _finish_new(t, requires_grad)


def _fill_memory_order(t, draw):
    view = _memory_order(t._data)
    view[...] = draw(view.shape)


_RANDINT_SIGS = ("int high, tuple of ints size, " + _GEN_OPTS,
                 "int high, tuple of ints size, *, " + _OUT_OPTS,
                 "int low, int high, tuple of ints size, " + _GEN_OPTS,
                 "int low, int high, tuple of ints size, *, " + _OUT_OPTS)


def randint(*args, generator=None, out=None, dtype=None, layout=None, device=None,
            requires_grad=False, pin_memory=False, **kw):
    for k in kw:
        if k not in ("low", "high", "size"):
            raise TypeError(f"randint() got an unexpected keyword argument '{k}'")
    names = ("high", "size") if len(args) + len(kw) == 2 else ("low", "high", "size")
    if "low" in kw and len(args) + len(kw) == 2:
        names = ("low", "high", "size")
    vals = dict(zip(names, args))
    for k, v in kw.items():
        if k in vals:
            raise TypeError(f"randint() got multiple values for argument '{k}'")
        vals[k] = v
    if set(vals) not in ({"high", "size"}, {"low", "high", "size"}):
        raise _invalid_args("randint", [_tp_name(a) for a in args] +
                            [f"{k}={_tp_name(v)}" for k, v in kw.items()], _RANDINT_SIGS)
    low, high, size = vals.get("low", 0), vals["high"], vals["size"]
    if len(vals) == 2:
        if not _is_int_arg(high):
            raise TypeError(f"randint(): argument 'high' (position 1) must be int, not "
                            f"{_tp_name(high)}")
        if not _isinstance(size, (tuple, list)):
            raise TypeError(f"randint(): argument 'size' (position 2) must be tuple of ints, not "
                            f"{_tp_name(size)}")
    elif not (_is_int_arg(low) and _is_int_arg(high) and _isinstance(size, (tuple, list))):
        raise _invalid_args("randint", [_tp_name(a) for a in args] +
                            [f"{k}={_tp_name(v)}" for k, v in kw.items()], _RANDINT_SIGS)
    shape = _size((size,), "randint")
    d = _dtype_arg(dtype, "randint") or D.int64
    _check_device(device, "randint")
    arr = _gen(generator).randint(builtins.int(low), builtins.int(high), shape, d.np)
    return _finish_new(make(arr, d), requires_grad)


_RANDINT_LIKE_SIGS = tuple(
    f"Tensor input, {a}, *, {g}torch.memory_format memory_format = None, " + _OPTS
    for a in ("int low, int high", "Tensor high", "int high")
    for g in ("torch.Generator generator, ", ""))


def randint_like(*args, dtype=None, layout=None, device=None,
                 requires_grad=False, memory_format=None, generator=None, pin_memory=False, **kw):
    input, low, high = _like_args('randint_like', args, kw, ('low', 'high'))
    if input is _MISSING:
        raise TypeError('randint_like() missing 1 required positional arguments: "input"')
    if low is _MISSING and high is _MISSING:
        raise _invalid_args("randint_like", [_tp_name(input)], _RANDINT_LIKE_SIGS)
    if high is _MISSING:
        low, high = 0, low
    elif low is _MISSING:
        low = 0
    t = _like_random(input, dtype, "randint_like", requires_grad, device)
    lo, hi = builtins.int(low), builtins.int(high)
    _fill_memory_order(t, lambda shape: _gen(generator).randint(lo, hi, shape, t._dtype.np))
    return _finish_new(t, requires_grad)


def randperm(n=_MISSING, *, generator=None, out=None, dtype=None, layout=None, device=None,
             requires_grad=False, pin_memory=False):
    if n is _MISSING:
        raise _invalid_args("randperm", [], ("int n, " + _GEN_OPTS, "int n, *, " + _OUT_OPTS))
    if not _is_int_arg(n):
        raise TypeError(f"randperm(): argument 'n' (position 1) must be int, not {_tp_name(n)}")
    d = _dtype_arg(dtype, "randperm") or D.int64
    _check_device(device, "randperm")
    return _finish_new(make(_gen(generator).randperm(builtins.int(n), d.np), d), requires_grad)


_NORMAL_SIGS = (
    "Tensor mean, Tensor std, *, torch.Generator generator = None, Tensor out = None",
    "Tensor mean, float std = 1, *, torch.Generator generator = None, Tensor out = None",
    "float mean, Tensor std, *, torch.Generator generator = None, Tensor out = None",
    "float mean, float std, tuple of ints size, *, torch.Generator generator = None, "
    "Tensor out = None, " + _OPTS)


def normal(*args, generator=None, out=None, dtype=None, layout=None, device=None,
           requires_grad=False, pin_memory=False, **kw):
    names = ("mean", "std", "size")
    vals = dict(zip(names, args))
    for k, v in kw.items():
        if k not in names:
            raise TypeError(f"normal() got an unexpected keyword argument '{k}'")
        vals[k] = v
    mean, std, size = vals.get("mean", _MISSING), vals.get("std", _MISSING), vals.get("size")
    mt, st = _isinstance(mean, Tensor), _isinstance(std, Tensor)
    g = _gen(generator)
    if not mt and not st:
        if size is None or mean is _MISSING or std is _MISSING:
            raise _invalid_args("normal", [_tp_name(a) for a in args], _NORMAL_SIGS)
        shape = _size((size,), "normal")
        d = _default(_dtype_arg(dtype, "normal"))
        _check_device(device, "normal")
        arr = g.normal(shape, d.np, builtins.float(mean), builtins.float(std))
        return _finish_new(make(arr, d), requires_grad)
    if std is _MISSING:
        std = 1.0
    if mt and st:
        shape = _broadcast_shape(mean._data.shape, std._data.shape)
        d = mean._dtype
        arr = g.normal_tensor(mean._data, std._data, shape, d.np)
        return finish(NORMAL_T_T, arr, d, (mean, std))
    if mt:
        d = mean._dtype
        arr = g.normal_tensor(mean._data, builtins.float(std), mean._data.shape, d.np)
        return finish(NORMAL_T_F, arr, d, (mean,))
    d = std._dtype
    arr = g.normal_tensor(builtins.float(mean), std._data, std._data.shape, d.np)
    return finish(NORMAL_F_T, arr, d, (std,))


def _broadcast_shape(a, b):
    from ._ops._common import broadcast_shapes
    return broadcast_shapes(a, b)


def bernoulli(input, p=None, *, generator=None, out=None):
    if not _isinstance(input, Tensor):
        raise TypeError(f"bernoulli(): argument 'input' (position 1) must be Tensor, not "
                        f"{_tp_name(input)}")
    g = _gen(generator)
    shape = input._data.shape
    if p is not None:
        # torch.bernoulli(input, p): a contiguous tensor of input's dtype and shape
        arr = g.bernoulli(builtins.float(p), shape, input._dtype.np)
        return make(np.ascontiguousarray(arr), input._dtype)
    if not input._dtype.is_floating_point:
        raise NotImplementedError("\"bernoulli_tensor_cpu_p_\" not implemented for "
                                  f"'{_scalar(input._dtype)}'")
    arr = g.bernoulli(np.ascontiguousarray(input._data), shape, input._dtype.np)
    return finish(BERNOULLI, np.ascontiguousarray(arr), input._dtype, (input,))


def _perm_of(a):
    return sorted(range(a.ndim), key=lambda i: -a.strides[i])


def multinomial(input, num_samples, replacement=False, *, generator=None):
    raise NotImplementedError("torchlite does not implement multinomial yet")


# In-place random fills (Tensor methods).  torch fills a non-contiguous tensor in memory order.

def _float_arg(fn, name, pos, v):
    if _isinstance(v, Tensor) and v._data.ndim == 0:
        return v._data.item()
    if _isinstance(v, (builtins.int, builtins.float, np.number)) and not \
            _isinstance(v, builtins.bool):
        return builtins.float(v)
    raise TypeError(f"{fn}(): argument '{name}' (position {pos}) must be float, not "
                    f"{_tp_name(v)}")


def _two_floats(fn, names, defaults, args, kw):
    if len(args) > 2:
        raise TypeError(f"{fn}() takes from 0 to 2 positional arguments but {len(args)} were "
                        "given")
    vals = list(defaults)
    for i, a in enumerate(args):
        vals[i] = a
    for k, v in kw.items():
        if k not in names:
            raise TypeError(f"{fn}() got an unexpected keyword argument '{k}'")
        vals[names.index(k)] = v
    return [_float_arg(fn, names[i], i + 1, v) for i, v in enumerate(vals)]


def _random_inplace(op, self, values, draw):
    """Fill self (in memory order) with ``draw(shape)``, recording ``op`` as torch does."""
    from ._ops.pointwise import _inplace

    def compute(a):
        view = _memory_order(a)
        view[...] = draw(view.shape)
    return _inplace(op, self, values, compute)


def uniform_(self, *args, generator=None, **kw):
    lo, hi = _two_floats("uniform_", ("from", "to"), (0.0, 1.0), args, kw)
    if not self._dtype.is_floating_point:
        raise NotImplementedError(f"\"check_uniform_bounds\" not implemented for "
                                  f"'{_scalar(self._dtype)}'")
    g = _gen(generator)
    return _random_inplace(UNIFORM_, self, (self,), lambda s: g.uniform(s, self._dtype.np, lo, hi))


def normal_(self, *args, generator=None, **kw):
    mean, std = _two_floats("normal_", ("mean", "std"), (0.0, 1.0), args, kw)
    if not self._dtype.is_floating_point:
        raise NotImplementedError(f"\"normal_kernel_cpu\" not implemented for "
                                  f"'{_scalar(self._dtype)}'")
    g = _gen(generator)
    contiguous = self._data.flags.c_contiguous
    return _random_inplace(NORMAL_, self, (self,),
                           lambda s: g.normal(s, self._dtype.np, mean, std, contiguous=contiguous))


_RANDOM_SIGS = ("*, torch.Generator generator = None",
                "int from, int to, *, torch.Generator generator = None",
                "int to, *, torch.Generator generator = None")


def random_(self, *args, generator=None, **kw):
    for k in kw:
        if k not in ("from", "to"):
            sigs = list(_RANDOM_SIGS)
            if not args:
                sigs[0] = (sigs[0], "      didn't match because some of the keywords were "
                           "incorrect: " + ", ".join(reversed(list(kw))))
            raise _invalid_args("random_", [_tp_name(a) for a in args], sigs, kw)
    if "from" in kw or len(args) == 2 or (args and "to" in kw):
        vals = dict(zip(("from", "to"), args))
        vals.update(kw)
        from_, to = vals.get("from", 0), vals.get("to")
        ok = _is_int_arg(from_) and (to is None or _is_int_arg(to)) and len(args) <= 2
        op, kind = RANDOM_FROM_TO, 2
    elif args or kw:
        to = args[0] if args else kw["to"]
        from_ = 0
        ok = len(args) <= 1 and _is_int_arg(to)
        op, kind = RANDOM_TO, 1
    else:
        ok, op, kind = True, RANDOM_, 0
    if not ok:
        raise _invalid_args("random_", [_tp_name(a) for a in args] +
                            [f"{k}={_tp_name(v)}" for k, v in kw.items()], _RANDOM_SIGS)
    g = _gen(generator)
    npd = self._dtype.np
    if kind == 0:
        draw = lambda s: g.random_(s, npd)  # noqa: E731
    elif kind == 1:
        draw = lambda s: g.random_(s, npd, 0, builtins.int(to))  # noqa: E731
    else:
        lo = builtins.int(from_)
        hi = None if to is None else builtins.int(to)
        draw = lambda s: g.random_(s, npd, lo, hi, from_given=True)  # noqa: E731
    return _random_inplace(op, self, (self,), draw)


_BERNOULLI_SIGS = ("Tensor p, *, torch.Generator generator = None",
                   "float p = 0.5, *, torch.Generator generator = None")


def bernoulli_(self, p=0.5, *, generator=None):
    g = _gen(generator)
    if _isinstance(p, Tensor):
        if not p._dtype.is_floating_point:
            raise NotImplementedError("\"bernoulli_tensor_cpu_p_\" not implemented for "
                                      f"'{_scalar(p._dtype)}'")
        from ._ops.shape import _expand_shape
        _expand_shape(p, self._data.shape)
        pb = np.broadcast_to(p._data, self._data.shape)

        def draw_p(shape):
            probs = pb.transpose(_perm_of(self._data)) if shape != pb.shape or \
                not self._data.flags.c_contiguous else pb
            return g.bernoulli(np.ascontiguousarray(probs), shape, self._dtype.np)
        return _random_inplace(BERNOULLI_T, self, (self, p), draw_p)
    if not _isinstance(p, (builtins.int, builtins.float, np.number)) or \
            _isinstance(p, builtins.bool):
        raise _invalid_args("bernoulli_", [_tp_name(p)], _BERNOULLI_SIGS)
    pf = builtins.float(p)
    return _random_inplace(BERNOULLI_F, self, (self,),
                           lambda s: g.bernoulli(pf, s, self._dtype.np))


def exponential_(self, lambd=1.0, *, generator=None):
    raise NotImplementedError("torchlite does not implement exponential_ yet")


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


# --- out= of the factories ----------------------------------------------------------------

def _with_out(fn, name):
    """``fn`` (a factory) with torch's ``out=``: the result is computed in out's dtype (a
    different ``dtype=`` is an error), written into ``out`` (resized to the result's shape
    without a warning; arange keeps out's shape when the sizes agree and warns otherwise) and
    ``out`` is returned."""

    def with_out(*args, out=None, **kw):
        if out is None:
            return fn(*args, **kw)
        if not _isinstance(out, Tensor):
            raise TypeError(f"{name}(): argument 'out' must be Tensor, not {_tp_name(out)}")
        dtype = _dtype_arg(kw.get("dtype"), name)
        if dtype is not None and dtype is not out._dtype:
            raise RuntimeError(f"dtype {_scalar(dtype)} does not match dtype of out parameter "
                               f"({_scalar(out._dtype)})")
        if out._requires_grad and _state.enabled:
            if name in ("empty", "randn"):
                raise RuntimeError("cannot resize variables that require grad")
            raise RuntimeError(f"aten::{name}(): functions with out=... arguments don't support "
                               "automatic differentiation, but one of the arguments requires grad.")
        kw["dtype"] = out._dtype
        requires_grad = kw.pop("requires_grad", False)
        res = fn(*args, **kw)
        if res._requires_grad and _state.enabled:
            raise RuntimeError(f"{name}(): functions with out=... arguments don't support "
                               "automatic differentiation, but one of the arguments requires grad.")
        arr = res._data
        shape = out._data.shape
        if shape != arr.shape:
            if name == "arange" and out._data.size == arr.size:
                arr = arr.reshape(shape)
            else:
                if name == "arange" and out._data.size != 0:
                    _errors.warn(
                        f"The number of elements in the out tensor of shape {list(shape)} is "
                        f"{out._data.size} which does not match the computed number of elements "
                        f"{arr.size}. Note that this may occur as a result of rounding error. The "
                        f"out tensor will be resized to a tensor of shape ({arr.size},).")
                out._data = np.empty(arr.shape, out._dtype.np)
        np.copyto(out._data, arr, casting="unsafe")
        if out._vc is not None:
            out._vc[0] += 1
        if requires_grad:
            out.requires_grad_(True)
        return out

    with_out.__name__ = with_out.__qualname__ = fn.__name__
    with_out.__doc__ = fn.__doc__
    with_out.__module__ = fn.__module__
    with_out.__wrapped__ = fn
    return with_out


zeros = _with_out(zeros, "zeros")
ones = _with_out(ones, "ones")
empty = _with_out(empty, "empty")
full = _with_out(full, "full")
eye = _with_out(eye, "eye")
arange = _with_out(arange, "arange")
linspace = _with_out(linspace, "linspace")
logspace = _with_out(logspace, "logspace")
rand = _with_out(rand, "rand")
randn = _with_out(randn, "randn")
randint = _with_out(randint, "randint")
randperm = _with_out(randperm, "randperm")
normal = _with_out(normal, "normal")
