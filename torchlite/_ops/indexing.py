"""Indexing: ``tensor[index]`` and ``tensor[index] = value``, as torch does them.

Basic indices (ints, slices, None, Ellipsis) become view ops, one node each
(select, slice, unsqueeze, alias); long/int/bool tensors and lists are then
applied in one advanced-indexing op (IndexBackward0), with NumPy's semantics,
which are torch's.  Assignment writes through the view with ``copy_`` or
``fill_`` (so autograd records CopySlices) or, with advanced indices, with
``index_put_``.
"""

from __future__ import annotations

import builtins

import numpy as np

from .. import _dtype as D
from .. import _errors
from .._dispatch import finish, legacy_type_name, SavedNumber
from .._tensor import Tensor, make, scalar_type_name
from . import shape as S
from .shape import INDEX, INDEX_PUT, finish_view, ALIAS

_isinstance = isinstance
_INT_TYPES = (builtins.int, np.integer)


def _is_int(x):
    return _isinstance(x, _INT_TYPES) and not _isinstance(x, (builtins.bool, np.bool_))


_SEQ_WARNING = ("Using a non-tuple sequence for multidimensional indexing is deprecated and "
                "will be changed in pytorch 2.9; use x[tuple(seq)] instead of x[seq]. In pytorch "
                "2.9 this will be interpreted as tensor index, x[torch.tensor(seq)], which will "
                "result either in an error or a different result")


def _is_sequence(x):
    return _isinstance(x, (list, tuple, str)) or (
        not _isinstance(x, (Tensor, np.generic, dict)) and hasattr(type(x), "__getitem__"))


def _normalize(index):
    """The index as a tuple of items, as torch reads it: a short non-tuple sequence holding a
    tensor, a sequence, a slice, None or Ellipsis is a (deprecated) tuple of indices."""
    if _isinstance(index, tuple):
        return index
    if _isinstance(index, (list, str)) and len(index) < 32:
        for x in index:
            if x is None or x is Ellipsis or _isinstance(x, (slice, Tensor)) or _is_sequence(x):
                _errors.warn(_SEQ_WARNING)
                return tuple(index)
    return (index,)


def _zero_dim_error(self, index):
    """torch's error for indexing a 0-dim tensor with a plain int or slice."""
    if _is_int(index):
        if index == 0:
            raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                             "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
        raise IndexError(f"index {index} is out of bounds for dimension 0 with size 0")
    if _isinstance(index, slice):
        if index.step is not None:
            step = int(index.step)
            if step == 0:
                raise ValueError("slice step cannot be zero")
            if step < 0:
                raise ValueError("step must be greater than zero")
        raise IndexError("slice() cannot be applied to a 0-dim tensor.")


def _bad_index(x):
    return IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte "
                      f"Variables are valid indices (got {type(x).__name__})")


def _as_index_array(x, ndim_left):
    """A list or tensor index -> (NumPy array, is_mask)."""
    if _isinstance(x, Tensor):
        d = x._dtype
        if d is D.bool_:
            return x._data, True
        if d is D.uint8:
            _errors.warn("indexing with dtype torch.uint8 is now deprecated, please use a dtype "
                         "torch.bool instead.")
            return x._data.astype(np.bool_), True
        if d is D.int64 or d is D.int32:
            return x._data.astype(np.int64, copy=False), False
        raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
    arr = np.asarray(x)
    if arr.dtype == np.bool_:
        return arr, True
    if arr.size == 0:
        return arr.astype(np.int64), False
    if arr.dtype.kind not in "iu":
        raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
    return arr.astype(np.int64), False


def _count_dims(items):
    n = 0
    for x in items:
        if x is None or x is Ellipsis or _isinstance(x, (builtins.bool, np.bool_)):
            continue
        if _isinstance(x, Tensor) and x._dtype in (D.bool_, D.uint8):
            n += builtins.max(x._data.ndim, 1) if x._data.ndim else 0
        elif _isinstance(x, (list, np.ndarray)) and np.asarray(x).dtype == np.bool_:
            n += np.asarray(x).ndim
        else:
            n += 1
    return n


def _basic(self, items, setting=False):
    """Apply the basic part of the index; return (view, advanced list).

    ``advanced`` holds, for each remaining dim of the view, None (a full
    slice) or an index array, or is None when there is no advanced index.
    """
    t = self
    ndim = self._data.ndim
    consumed = _count_dims(items)
    if consumed > ndim:
        raise IndexError(f"too many indices for tensor of dimension {ndim}")
    dim = 0
    adv = []
    has_adv = False
    all_trivial = True
    n_adv = 0
    n_items = 0        # advanced items, for the masked_fill fast path of assignment
    masks = 0
    bounds = None      # the first out-of-range index, raised after the broadcast check
    mask_checks = []
    for position, x in enumerate(items):
        if x is Ellipsis:
            skip = ndim - consumed
            adv.extend([None] * skip)
            dim += skip
            consumed = ndim
            continue
        if x is None:
            t = S.unsqueeze(t, dim)
            adv.append(None)
            dim += 1
            all_trivial = False
            continue
        if _isinstance(x, (builtins.bool, np.bool_)):
            t = S.unsqueeze(t, dim)
            adv.append(np.array([0] if x else [], np.int64))
            has_adv = True
            n_items += 1
            n_adv += 1
            dim += 1
            continue
        if _is_int(x) or (_isinstance(x, Tensor) and x._data.ndim == 0 and
                          x._dtype in (D.int64, D.int32, D.int16, D.int8)):
            i = int(x)
            n = t._data.shape[dim]
            if i < -n or i >= n:
                # torch names the position of the item in the index
                raise IndexError(f"index {i} is out of bounds for dimension {position} with size {n}")
            t = S.select(t, dim, i)
            all_trivial = False
            continue
        if _isinstance(x, slice):
            n = t._data.shape[dim]
            step = 1 if x.step is None else int(x.step)
            if step == 0:
                raise ValueError("slice step cannot be zero")
            if step < 0:
                raise ValueError("step must be greater than zero")
            start, stop, _ = slice(x.start, x.stop, step).indices(n)
            stop = builtins.max(stop, start)
            if (start == 0 and _maybe_huge_negative(x.start)) or (
                    stop == 0 and _maybe_huge_negative(x.stop)):
                S._warn_truncated_bounds(x)  # torch warns for a bound below -2**62
            # torch skips a slice whose given start is 0 (not -n) and that covers the dim,
            # except for a lone slice read from the tensor
            raw0 = x.start is None or int(x.start) == 0
            if not (raw0 and stop == n and step == 1) or (len(items) == 1 and not setting):
                t = S._slice(t, dim, start, stop, step, x)  # the node shows x's bounds
                all_trivial = False
            adv.append(None)
            dim += 1
            continue
        if _isinstance(x, (Tensor, list, tuple, np.ndarray)):
            arr, is_mask = _as_index_array(x, ndim - dim)
            has_adv = True
            all_trivial = False
            n_items += 1
            if is_mask:
                if arr.ndim == 0:
                    t = S.unsqueeze(t, dim)
                    adv.append(np.array([0] if arr else [], np.int64))
                    n_adv += 1
                    dim += 1
                    continue
                # checked against the tensor left once every basic index is applied, as torch
                mask_checks.append((arr.shape, dim, len(adv)))
                masks += 1
                nz = np.nonzero(arr)
                adv.extend(nz)
                n_adv += arr.ndim
                dim += arr.ndim
            else:
                n = t._data.shape[dim]
                if arr.size and bounds is None:
                    bad = arr[(arr < -n) | (arr >= n)]
                    if bad.size:
                        # torch counts the advanced indices here
                        bounds = IndexError(f"index {bad.flat[0]} is out of bounds for dimension "
                                            f"{n_adv} with size {n}")
                n_adv += 1
                adv.append(arr)
                dim += 1
            continue
        if _isinstance(x, Tensor):
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        if _isinstance(x, str):
            raise TypeError("new(): invalid data type 'str'")
        raise _bad_index(x)
    if has_adv:
        shape = t._data.shape
        for mshape, mdim, _ in mask_checks:
            for k in range(len(mshape)):
                if mdim + k >= len(shape) or mshape[k] != shape[mdim + k]:
                    raise IndexError(
                        f"The shape of the mask {list(mshape)} at index {k} does not match "
                        f"the shape of the indexed tensor {list(shape)} at index {mdim + k}")
        arrays = [a for a in adv if a is not None]
        try:
            bshape = np.broadcast_shapes(*[a.shape for a in arrays])
        except ValueError:
            raise IndexError("shape mismatch: indexing tensors could not be broadcast "
                             "together with shapes " + ", ".join(str(list(a.shape))
                                                                  for a in arrays)) from None
        if bounds is not None and 0 not in bshape:
            raise bounds  # an empty selection reads nothing, so torch checks nothing
        adv.extend([None] * (t._data.ndim - len(adv)))
        if setting:
            return t, adv, n_items == 1 and masks == 1
        return t, adv, False
    return t, None, all_trivial and t is self


def _maybe_huge_negative(v):
    return v is not None and not (type(v) is builtins.int and v >= 0)


def _np_index(adv):
    """The NumPy index tuple for a list of per-dim entries (None = full slice)."""
    # mask-derived arrays are already split into one array per dim
    return tuple(slice(None) if a is None else a for a in adv)


def getitem(self, index):
    if self._data.ndim == 0:
        _zero_dim_error(self, index)
    items = _normalize(index)
    t, adv, trivial = _basic(self, items)
    if adv is None:
        if trivial:
            return finish_view(ALIAS, self, self._data.view(), (self,), lambda x: x)
        return t
    idx = _np_index(adv)
    r = t._data[idx]
    if not _isinstance(r, np.ndarray):
        r = np.asarray(r)
    else:
        r = r.copy() if np.may_share_memory(r, t._data) else r
    return finish(INDEX, r, t._dtype, (t, t._data.shape, _saved_indices(t, idx)))


def _saved_indices(t, idx):
    # torch saves the indices as tensors: freed after backward (a second one raises)
    return SavedNumber(idx) if t._requires_grad else idx


def getitem_np(t, idx):
    """t[idx] for a ready NumPy index (the rules of index ops use it)."""
    r = np.asarray(t._data[idx])
    return finish(INDEX, r, t._dtype, (t, t._data.shape, _saved_indices(t, idx)))


def _value_tensor(self, value):
    if _isinstance(value, Tensor):
        return value
    d = self._dtype
    if type(value) is builtins.float and d.is_floating_point:
        return make(np.array(value, d.np) if d is not D.float16 else
                    np.array(np.float32(value), d.np), d)
    if _isinstance(value, (builtins.bool, builtins.int, builtins.float, np.number, np.bool_)):
        from .._factory import _fill_array
        if _isinstance(value, np.generic):
            value = value.item()
        if _isinstance(value, builtins.int) and not -(1 << 63) <= value < (1 << 63):
            raise ValueError("Overflow when unpacking long long")
        d = self._dtype
        if d.is_floating_point:  # unchecked, as torch (a half goes through float)
            return make(np.array(np.float32(value) if d is D.float16 else value, d.np), d)
        return make(_fill_array((), value, d), d)
    raise TypeError(f"can't assign a {type(value).__name__} to a {legacy_type_name(self._dtype)}")


def setitem(self, index, value):
    if self._data.ndim == 0:
        _zero_dim_error(self, index)
    if index is False:
        value = _value_tensor(self, value)
        return  # torch does nothing at all (not even a version bump)
    if index is True:
        _copy_to(S.unsqueeze(self, 0), _value_tensor(self, value))
        return
    items = _normalize(index)
    value = _value_tensor(self, value)
    t, adv, single_mask = _basic(self, items, True)
    if adv is None:
        _copy_to(t, value)
        return
    idx = _np_index(adv)
    if value._dtype is not t._dtype:
        if single_mask and value._data.size == 1:
            # torch's index_put_ takes the masked_fill path: the value is converted
            value = make(value._data.reshape(()).astype(t._dtype.np), t._dtype) if not \
                value._requires_grad else value.to(t._dtype)
        else:
            raise RuntimeError(f"Index put requires the source and destination dtypes match, got "
                               f"{scalar_type_name(t._dtype)} for the destination and "
                               f"{scalar_type_name(value._dtype)} for the source.")
    index_put_(t, idx, value, single_mask=single_mask)


def _copy_to(view, value):
    if value._data.ndim == 0 and view._data.ndim != 0:
        if 0 in view._data.strides:
            _check_overlap(view, value)
        view.fill_(value)  # torch copies when the shapes are equal, else fills with a 0-dim value
        return
    # torch drops leading size-1 dims of the value before broadcasting it
    extra = value._data.ndim - view._data.ndim
    if extra > 0 and all(s == 1 for s in value._data.shape[:extra]):
        value = value.reshape(value._data.shape[extra:])
    _check_expand(value, view._data.shape)
    if 0 in view._data.strides:
        _check_overlap(view, value)
    view.copy_(value)


def _check_overlap(view, value):
    """torch's copy_/fill_(Tensor) refuse to write an expanded destination (after the
    autograd checks)."""
    from .._dispatch import check_inplace
    check_inplace(view, (view, value), 2, overlap=True)


def _check_expand(value, shape):
    S._expand_shape(value, shape)


def index_put_(self, idx, value, accumulate=False, single_mask=False):
    """self[idx] = value (idx a NumPy index tuple) as torch's index_put_."""
    from .._dispatch import check_inplace, rebase
    target_shape = np.empty(self._data.shape, np.bool_)[idx].shape
    try:
        np.broadcast_to(value._data, target_shape)
    except ValueError:
        raise RuntimeError(f"shape mismatch: value tensor of shape {list(value._data.shape)} cannot "
                           f"be broadcast to indexing result of shape {list(target_shape)}") from None
    values = (self, value, idx, accumulate)
    recording = check_inplace(self, values, 2)
    if 0 in self._data.strides:
        # an expanded self: torch writes, with a deprecation warning (and a second one where a
        # single boolean mask and a one-element value take its masked_fill_ path)
        from .._dispatch import warn_internal_overlap
        warn_internal_overlap(self, "index_put_")
        if not accumulate and value._data.size == 1 and (single_mask or (
                len(idx) == 1 and _isinstance(idx[0], np.ndarray) and idx[0].dtype == np.bool_)):
            warn_internal_overlap(self, "masked_fill_")
    v = value._data.astype(self._dtype.np, copy=False)
    if accumulate:
        np.add.at(self._data, idx, v)
    else:
        self._data[idx] = v
    return rebase(INDEX_PUT, self, values, recording)


def index_put(input, indices, values, accumulate=False):
    """torch.index_put: a copy of ``input`` with ``input[indices] = values`` (or ``+=``), one
    IndexPutBackward0 node over the input and the values."""
    if not _isinstance(input, Tensor):
        raise TypeError(f"index_put(): argument 'input' (position 1) must be Tensor, not "
                        f"{type(input).__name__}")
    if not _isinstance(indices, (tuple, list)):
        raise TypeError(f"index_put(): argument 'indices' (position 2) must be tuple of Tensors, "
                        f"not {type(indices).__name__}")
    for i, x in enumerate(indices):
        if not _isinstance(x, Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument 1, but got "
                            f"{type(x).__name__}")
    if not _isinstance(values, Tensor):
        raise TypeError(f"index_put(): argument 'values' (position 3) must be Tensor, not "
                        f"{type(values).__name__}")
    idx, single_mask = _put_indices(input, indices)
    if values._dtype is not input._dtype:
        if single_mask and values._data.size == 1:
            values = values.to(input._dtype)  # torch's masked_fill path converts the value
        else:
            raise RuntimeError(f"Index put requires the source and destination dtypes match, got "
                               f"{scalar_type_name(input._dtype)} for the destination and "
                               f"{scalar_type_name(values._dtype)} for the source.")
    target_shape = np.empty(input._data.shape, np.bool_)[idx].shape
    try:
        np.broadcast_to(values._data, target_shape)
    except ValueError:
        raise RuntimeError(f"shape mismatch: value tensor of shape {list(values._data.shape)} "
                           f"cannot be broadcast to indexing result of shape "
                           f"{list(target_shape)}") from None
    r = input._data.copy()
    if accumulate:
        np.add.at(r, idx, values._data)
    else:
        r[idx] = values._data
    return finish(INDEX_PUT, r, input._dtype, (input, values, idx, accumulate))


def _put_indices(input, indices):
    """index_put's tensors (all advanced indices, 0-dim ones too) as a NumPy index tuple, with
    torch's checks; and whether it is a single mask."""
    shape = input._data.shape
    consumed = _count_dims(indices)
    if consumed > len(shape):
        raise IndexError(f"too many indices for tensor of dimension {len(shape)} (got {consumed})")
    out = []
    dim = 0
    bounds = None
    single_mask = False
    for x in indices:
        arr, is_mask = _as_index_array(x, 0)
        if is_mask:
            if arr.ndim:
                for k in range(arr.ndim):
                    if arr.shape[k] != shape[dim + k]:
                        raise IndexError(
                            f"The shape of the mask {list(arr.shape)} at index {k} does not match "
                            f"the shape of the indexed tensor {list(shape)} at index {dim + k}")
                out.extend(np.nonzero(arr))
                dim += arr.ndim
            else:
                out.append(arr)  # NumPy's 0-dim mask: a new dim of size 1 or 0
            single_mask = len(indices) == 1
            continue
        n = shape[dim]
        if arr.size and bounds is None:
            bad = arr[(arr < -n) | (arr >= n)]
            if bad.size:
                bounds = IndexError(f"index {bad.flat[0]} is out of bounds for dimension {dim} "
                                    f"with size {n}")
        out.append(arr)
        dim += 1
    try:
        bshape = np.broadcast_shapes(*[a.shape for a in out if a.ndim or a.dtype != np.bool_])
    except ValueError:
        raise IndexError("shape mismatch: indexing tensors could not be broadcast together with "
                         "shapes " + ", ".join(str(list(a.shape)) for a in out)) from None
    if bounds is not None and 0 not in bshape:
        raise bounds
    return tuple(out), single_mask


def nonzero(input, *, as_tuple=False):
    a = input._data
    if as_tuple:
        nz = np.nonzero(a) if a.ndim else np.nonzero(a.reshape(1))
        return tuple(make(x.astype(np.int64), D.int64) for x in nz)
    if a.ndim == 0:  # one row per nonzero, no dims to index
        return make(np.zeros((1 if a else 0, 0), np.int64), D.int64)
    nz = np.nonzero(a)
    return make(np.stack(nz, axis=1).astype(np.int64), D.int64)


def argwhere(input):
    return nonzero(input)


def take(input, index):
    if not _isinstance(input, Tensor):
        raise TypeError(f"take(): argument 'input' (position 1) must be Tensor, not "
                        f"{type(input).__name__}")
    if not _isinstance(index, Tensor):
        raise TypeError(f"take(): argument 'index' (position 2) must be Tensor, not "
                        f"{type(index).__name__}")
    if index._dtype is not D.int64:
        raise RuntimeError(f"take(): Expected a long tensor for index, but got "
                           f"{scalar_type_name(index._dtype)}")
    a = input._data
    idx = index._data
    n = a.size
    if idx.size:
        if n == 0:
            raise IndexError("take(): tried to take from an empty tensor")
        bad = idx[(idx < -n) | (idx >= n)]
        if bad.size:
            raise IndexError(f"out of range: tried to access index {bad.flat[0]} on a tensor of "
                             f"{n} elements.")
    flat = a.reshape(-1)  # a copy when a is not contiguous
    return finish(S.TAKE, flat[idx], input._dtype, (input, index))


def take_along_dim(input, indices, dim=None):
    if dim is None:
        # torch: input.view(-1).gather(0, indices.view(-1))
        return S.gather(S.view(input, -1), 0, S.view(indices, -1))
    a = input._data
    ia = indices._data
    if a.ndim != ia.ndim:
        raise RuntimeError("torch.take_along_dim(): input and indices should have the same number "
                           f"of dimensions, but got {a.ndim} dimensions for input, and {ia.ndim} "
                           "dimensions for indices")
    if indices._dtype is not D.int64:
        raise RuntimeError("torch.take_along_dim(): dtype of indices should be Long but got "
                           f"{scalar_type_name(indices._dtype)}")
    d = S.wrap_dim(dim, a.ndim)
    # broadcast both to a common shape, except along dim (torch expands both, always)
    sizes = list(a.shape)
    sizes[d] = ia.shape[d]
    shape = list(S.broadcast_shapes(tuple(sizes), ia.shape))
    idx_b = S.expand(indices, tuple(shape))
    shape[d] = a.shape[d]
    return S.gather(S.expand(input, tuple(shape)), d, idx_b)


__all__ = ["getitem", "setitem", "index_put_", "index_put", "nonzero", "argwhere", "take",
           "take_along_dim"]
