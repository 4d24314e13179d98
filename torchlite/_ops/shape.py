"""Shape ops: views, joins, splits, gathers and scatters.

A view's result is a NumPy view of its input and records a *step*: a
function that applies the same view to any tensor of the input's shape.  The
steps let CopySlices and AsStridedBackward0 replay a view on a gradient, and
give the sub-selecting views (select, slice, diagonal...) one shared
backward: embed the gradient into zeros through the same view.
"""

from __future__ import annotations

import builtins

import numpy as np
from numpy.lib.stride_tricks import as_strided as _np_as_strided

from .. import _dtype as D
from .. import _errors
from .._dispatch import defop, finish, finish_view, finish_multi, record, wants_grad
from .._tensor import Tensor, make, make_view, Size, scalar_type_name, MULTI_OUTPUT
from ._common import check_tensor, wrap_dim, size_args, broadcast_shapes, result_type, array_of
from ._common import _int_like, _tp_name, is_number
from ._common import handle_out, out_dtype_expected, torch_layout, contiguous_array
from ..autograd import grad_mode

_state = grad_mode._state
_isinstance = isinstance
FLOATING = D.FLOATING


# --- the embed op: the backward of every sub-selecting view ----------------------------------

def replay(t, steps):
    for step in steps:
        t = step(t)
    return t


def _embed_forward(grad, shape, steps):
    z = np.zeros(shape, grad._dtype.np)
    with grad_mode.no_grad():
        view = replay(make(z, grad._dtype), steps)
    v = view._data
    if any(s == 0 and n > 1 for s, n in zip(v.strides, v.shape)):
        # an expanded (overlapping) view: every element it repeats gets the sum of its grads
        item = v.itemsize
        offs = np.full(v.shape, (v.__array_interface__["data"][0]
                                 - z.__array_interface__["data"][0]) // item, np.int64)
        for k, (n, s) in enumerate(zip(v.shape, v.strides)):
            offs += (np.arange(n) * (s // item)).reshape((n,) + (1,) * (v.ndim - k - 1))
        np.add.at(z.reshape(-1), offs.reshape(-1), np.broadcast_to(grad._data, v.shape).reshape(-1))
        return z
    v[...] = grad._data
    return z


def _make_embed(name):
    op = defop("embed", name, ("grad", "shape", "steps"), inputs=1,
               grad=lambda g, steps: replay(g, steps))

    def embed(grad, shape, steps):
        return finish(op, _embed_forward(grad, shape, steps), grad._dtype, (grad, shape, steps))
    return embed


_embed_slice = _make_embed("SliceBackwardBackward0")
_embed_select = _make_embed("SelectBackwardBackward0")
_embed_strided = _make_embed("AsStridedBackwardBackward0")
_embed_diagonal = _make_embed("DiagonalBackwardBackward0")
_embed_split = _make_embed("SplitBackwardBackward0")
_embed_unbind = _make_embed("UnbindBackwardBackward0")


def embed(grad, shape, steps):
    """zeros(shape) with ``grad`` written through the view ``steps`` (differentiable)."""
    return _embed_strided(grad, shape, steps)


# ==================================================================================
# The table
# ==================================================================================

VIEW = defop("view", "ViewBackward0", ("self", "self_sym_sizes"), inputs=1,
             self=lambda grad, self_sym_sizes: grad.reshape(self_sym_sizes))
UNSAFE_VIEW = defop("_unsafe_view", "UnsafeViewBackward0", ("self", "self_sym_sizes"), inputs=1,
                    self=lambda grad, self_sym_sizes: grad.reshape(self_sym_sizes))
# reshape of a non-contiguous tensor that can be viewed (torch's _reshape_alias)
RESHAPE_ALIAS = defop("_reshape_alias", "ReshapeAliasBackward0", ("self", "self_sym_sizes"),
                      inputs=1, self=lambda grad, self_sym_sizes: grad.reshape(self_sym_sizes))
ALIAS = defop("alias", "AliasBackward0", self=lambda grad: grad)
# the squeezes' rules unsqueeze back the dims that were squeezed (torch's unsqueeze_to); dims
# are saved as the user gave them, negative ones shown modulo 2**64 as torch shows them
SQUEEZE = defop("squeeze", "SqueezeBackward0", ("self", "self_sym_sizes"), inputs=1,
                self=lambda grad, self_sym_sizes: _unsqueeze_to(grad, None, self_sym_sizes))
SQUEEZE_DIM = defop("squeeze", "SqueezeBackward1", ("self", "dim", "self_sym_sizes"), inputs=1,
                    self=lambda grad, dim, self_sym_sizes:
                        _unsqueeze_to(grad, (dim,), self_sym_sizes))
SQUEEZE_DIMS = defop("squeeze", "SqueezeBackward2", ("self", "dim", "self_sym_sizes"), inputs=1,
                     self=lambda grad, dim, self_sym_sizes:
                         _unsqueeze_to(grad, dim, self_sym_sizes))
# matmul's squeeze_(0) of a (1, n) result (linalg._squeeze_first): dim 0
SQUEEZE_MM = defop("squeeze", "SqueezeBackward4", ("self", "self_sym_sizes"), inputs=1,
                   self=lambda grad, self_sym_sizes: _unsqueeze_to(grad, (0,), self_sym_sizes))
UNSQUEEZE = defop("unsqueeze", "UnsqueezeBackward0", ("self", "dim"), inputs=1,
                  self=lambda grad, dim: grad.squeeze(dim))
TRANSPOSE = defop("transpose", "TransposeBackward0", ("self", "dim0", "dim1"), inputs=1,
                  self=lambda grad, dim0, dim1: grad.transpose(dim0, dim1))
T_OP = defop("t", "TBackward0", self=lambda grad: grad.t())
PERMUTE = defop("permute", "PermuteBackward0", ("self", "dims"), inputs=1,
                self=lambda grad, dims: grad.permute(_inverse_perm(dims)))
EXPAND = defop("expand", "ExpandBackward0", ("self", "self_sym_sizes"), inputs=1,
               self=lambda grad, self_sym_sizes: _sum_to(grad, self_sym_sizes))
SELECT = defop("select", "SelectBackward0", ("self", "dim", "index", "self_sym_sizes"), inputs=1,
               self=lambda grad, dim, index, self_sym_sizes:
                   _embed_select(grad, self_sym_sizes, (_select_step(dim, index),)))
# start/end as the user wrote them (None: 0 and 2**63 - 1; negative: modulo 2**64, as torch
# shows them); the rule clamps them to the dim
SLICE = defop("slice", "SliceBackward0", ("self", "dim", "start", "end", "step", "self_sym_sizes"),
              inputs=1,
              self=lambda grad, dim, start, end, step, self_sym_sizes:
                  _embed_slice(grad, self_sym_sizes, (_saved_slice_step(dim, start, end, step,
                                                                        self_sym_sizes),)))
DIAGONAL = defop("diagonal", "DiagonalBackward0", ("self", "offset", "dim1", "dim2",
                                                   "self_sym_sizes"), inputs=1,
                 self=lambda grad, offset, dim1, dim2, self_sym_sizes:
                     _embed_diagonal(grad, self_sym_sizes, (_diagonal_step(offset, dim1, dim2),)))
AS_STRIDED = defop("as_strided", "AsStridedBackward0", ("self", "self_sym_sizes", "steps"),
                   inputs=1,
                   self=lambda grad, self_sym_sizes, steps: _embed_strided(grad, self_sym_sizes, steps))
SPLIT = defop("Split", "SplitBackward0", ("self", "shape", "steps"), inputs=1,
              self=lambda grad, shape, steps: _join_backward(grad, shape, steps, _embed_split))
SPLIT_SIZES = defop("SplitWithSizes", "SplitWithSizesBackward0", ("self", "shape", "steps"),
                    inputs=1,
                    self=lambda grad, shape, steps: _join_backward(grad, shape, steps, _embed_split))
UNBIND = defop("Unbind", "UnbindBackward0", ("self", "shape", "steps"), inputs=1,
               self=lambda grad, shape, steps: _join_backward(grad, shape, steps, _embed_unbind))
CLONE = defop("clone", "CloneBackward0", self=lambda grad: grad)
TO_COPY = defop("_to_copy", "ToCopyBackward0", ("self", "dtype"), inputs=1,
                self=lambda grad, dtype: grad.to(dtype))
REPEAT = defop("repeat", "RepeatBackward0", ("self", "self_sym_sizes", "repeats"), inputs=1,
               self=lambda grad, self_sym_sizes, repeats: _repeat_backward(grad, self_sym_sizes, repeats))
CAT = defop("cat", "CatBackward0", ("tensors", "dim", "sizes"), variadic=True,
            tensors=lambda grad, dim, sizes: _split_sizes(grad, sizes, dim))
STACK = defop("stack", "StackBackward0", ("tensors", "dim"), variadic=True,
              tensors=lambda grad, dim: grad.unbind(dim))
INDEX_SELECT = defop("index_select", "IndexSelectBackward0", ("self", "dim", "index",
                                                             "self_sym_sizes"), inputs=1,
                     self=lambda grad, dim, index, self_sym_sizes:
                         _index_select_backward(grad, self_sym_sizes, dim, index))
GATHER = defop("gather", "GatherBackward0", ("self", "dim", "index", "sparse_grad"), inputs=1,
               also_save=("sparse_grad",),
               self=lambda grad, self, dim, index: _zeros_of(self, grad).scatter_add(dim, index, grad))
SCATTER = defop("scatter", "ScatterBackward0", ("self", "src", "dim", "index"), inputs=2,
                self=lambda grad, dim, index: grad.scatter(dim, index, 0),
                src=lambda grad, dim, index: grad.gather(dim, index))
SCATTER_VALUE = defop("scatter", "ScatterBackward1", ("self", "dim", "index", "value"), inputs=1,
                      self=lambda grad, dim, index: grad.scatter(dim, index, 0))
# scatter with reduce= has no derivative: torch's NotImplemented node, with an edge only for the
# inputs that require grad
def _scatter_reduce_ops(name):
    """The three NotImplemented rows of ``name`` (scatter, or in-place scatter_): edges for
    self and src, self only, src only."""
    fail = lambda grad: _not_differentiable(name)  # noqa: E731
    return (defop(name, "NotImplemented", ("self", "src"), self=fail, src=fail),
            defop(name, "NotImplemented", ("self", "src"), inputs=1, self=fail),
            defop(name, "NotImplemented", ("src", "self"), inputs=1, src=fail))


SCATTER_REDUCE, SCATTER_REDUCE_SELF, SCATTER_REDUCE_SRC = _scatter_reduce_ops("scatter")
SCATTER_REDUCE_, SCATTER_REDUCE_SELF_, SCATTER_REDUCE_SRC_ = _scatter_reduce_ops("scatter_")
SCATTER_ADD = defop("scatter_add", "ScatterAddBackward0", ("self", "src", "dim", "index"), inputs=2,
                    self=lambda grad: grad,
                    src=lambda grad, dim, index: grad.gather(dim, index))
MASKED_FILL = defop("masked_fill", "MaskedFillBackward0", ("self", "mask"), inputs=1,
                    self=lambda grad, mask: grad.masked_fill(mask, 0))
MASKED_FILL_T = defop("masked_fill", "MaskedFillBackward1", ("self", "value", "mask"), inputs=2,
                      self=lambda grad, mask: grad.masked_fill(mask, 0),
                      value=lambda grad, mask: _masked_sum(grad, mask))
MASKED_SELECT = defop("masked_select", "MaskedSelectBackward0", ("self", "mask"), inputs=1,
                      self=lambda grad, self, mask: _masked_select_backward(grad, self, mask))
FLIP = defop("flip", "FlipBackward0", ("self", "dims"), inputs=1,
             self=lambda grad, dims: grad.flip(dims))
ROLL = defop("roll", "RollBackward0", ("self", "shifts", "dims"), inputs=1,
             self=lambda grad, shifts, dims: grad.roll(_neg(shifts) if dims is not None else
                                                       -shifts[0], dims))
TRIL = defop("tril", "TrilBackward0", ("self", "diagonal"), inputs=1,
             self=lambda grad, diagonal: grad.tril(diagonal))
TRIU = defop("triu", "TriuBackward0", ("self", "diagonal"), inputs=1,
             self=lambda grad, diagonal: grad.triu(diagonal))
DIAG_EMBED = defop("diag_embed", "DiagEmbedBackward0", ("self", "offset", "dim1", "dim2"), inputs=1,
                   self=lambda grad, offset, dim1, dim2:
                       grad.diagonal(_s64(offset), _s64(dim1), _s64(dim2)))
DIAG_COPY = defop("diagonal_copy", "DiagonalBackward0_copy", ("self", "offset", "dim1", "dim2",
                                                             "self_sym_sizes"), inputs=1,
                  self=lambda grad, offset, dim1, dim2, self_sym_sizes:
                      _embed_diagonal(grad, self_sym_sizes,
                                      (_diagonal_step(_s64(offset), dim1, dim2),)))
TRACE = defop("trace", "TraceBackward0", ("self", "shape"), inputs=1,
              self=lambda grad, shape: _trace_backward(grad, shape))
# the index_fill_(dim, index, value: Tensor) trace's rule records (torch's index_fill_.int_Tensor);
# value's rule sums grad at index (torch: at its unique entries; trace's are distinct)
TRACE_INDEX_FILL = defop("index_fill_", "IndexFillBackward1", ("self", "value", "dim", "index"),
                         inputs=2,
                         self=lambda grad, dim, index: grad.index_fill(dim, index, 0),
                         value=lambda grad, dim, index: grad.index_select(dim, index).sum())
INDEX = defop("index", "IndexBackward0", ("self", "shape", "indices"), inputs=1,
              self=lambda grad, shape, indices: index_put_zeros(grad, shape, indices))
TAKE = defop("take", "TakeBackward0", ("self", "index"), inputs=1,
             self=lambda grad, self, index: _put(_zeros_of(self, grad), index, grad, True))
# torch.put (out of place), what TakeBackward0's rule records
PUT = defop("put", "PutBackward0", ("self", "source", "index", "accumulate", "source_sizes"),
            inputs=2,
            self=lambda grad, index, source_sizes, accumulate: grad if accumulate else
                _put(grad, index, _zeros_shaped(grad, source_sizes), False),
            source=lambda grad, index, source_sizes: _take(grad, index).reshape(source_sizes))
# IndexBackward0's rule: zeros(shape).index_put_(indices, grad, accumulate=True), which torch
# records as _index_put_impl_ (an edge for the zeros, None, and one for the values)
INDEX_PUT_ZEROS = defop("_index_put_impl_", "IndexPutImplBackward0",
                        ("self", "values", "indices", "accumulate"), inputs=2,
                        self=lambda grad: grad,
                        values=lambda grad, indices: _getitem_np_index(grad, indices))
# index_put and index_put_ (``indices``: a NumPy index tuple)
INDEX_PUT = defop("index_put_", "IndexPutBackward0", ("self", "values", "indices", "accumulate"),
                  inputs=2,
                  self=lambda grad, indices, accumulate: grad if accumulate else
                      _index_fill_zero(grad, indices),
                  values=lambda grad, indices: _getitem_np_index(grad, indices))
INDEX_ADD = defop("index_add", "IndexAddBackward0", ("self", "source", "dim", "index", "alpha"),
                  inputs=2,
                  self=lambda grad: grad,
                  source=lambda grad, dim, index, source, alpha:
                      _index_add_source_grad(grad, dim, index, source, alpha))


def _neg(shifts):
    return tuple(-s for s in shifts)


def _u64(v):
    """An int as torch shows a saved int64: negative values modulo 2**64."""
    return v + 18446744073709551616 if v < 0 else v


def _s64(v):
    """The int64 behind a value saved with _u64."""
    return v - 18446744073709551616 if v >= 9223372036854775808 else v


def _unsqueeze_to(grad, dims, sizes):
    """Unsqueeze ``grad`` back to ``sizes`` at the given dims (all dims: None) that were squeezed
    (size 1), in increasing order; dims as saved (see _u64)."""
    n = len(sizes)
    if dims is None:
        todo = [i for i, s in enumerate(sizes) if s == 1]
    else:
        todo = sorted({_s64(d) % n for d in dims} if n else ())
    for d in todo:
        if sizes[d] == 1:
            grad = grad.unsqueeze(d)
    return grad


def _saved_slice_step(dim, start, end, step, sizes):
    """The slice step of a SliceBackward0 from its saved values (see _slice)."""
    start, end, _ = builtins.slice(_s64(start), _s64(end), step).indices(sizes[dim])
    return _slice_step(dim, start, builtins.max(end, start), step)


def _not_differentiable(name):
    # the message of torch's NotImplemented node
    raise RuntimeError(f"derivative for aten::{name} is not implemented")


def _zeros_shaped(grad, shape):
    return make(np.zeros(shape, grad._dtype.np), grad._dtype)


def _take(input, index):
    from .indexing import take
    return take(input, index)


def _put(input, index, source, accumulate):
    """torch.put (out of place): a copy of ``input`` with source written (or added) at the flat
    positions ``index``.  Used by the rules of take and put."""
    a = input._data
    out = np.array(a, order="C")
    flat = out.reshape(-1)
    idx = index._data.reshape(-1)
    src = source._data.reshape(-1).astype(a.dtype, copy=False)
    if accumulate:
        np.add.at(flat, idx, src)  # float16: rounded after each addition, as torch's put
    else:
        flat[idx] = src
    return finish(PUT, out, input._dtype, (input, source, index, accumulate, source._data.shape))


def _add_at(out, key, vals):
    """np.add.at(out, key, vals), with float16 accumulated in float32 and rounded once (as torch's
    kernels do)."""
    if out.dtype == np.float16:
        acc = out.astype(np.float32)
        np.add.at(acc, key, np.asarray(vals, np.float32))
        out[...] = acc
        return
    np.add.at(out, key, vals)


def _inverse_perm(dims):
    inv = [0] * len(dims)
    for i, d in enumerate(dims):
        inv[d] = i
    return tuple(inv)


def _sum_to(grad, shape):
    from ..autograd.engine import sum_to
    return sum_to(grad, shape)


def _zeros_of(self, grad):
    return make(np.zeros(self._data.shape, grad._dtype.np), grad._dtype)


def _join_backward(grads, shape, steps, embed_fn):
    """split/unbind: each output's gradient goes back to its slice; missing ones are zeros."""
    if _isinstance(grads, Tensor):
        grads = (grads,)  # a node with one output gets its gradient unwrapped
    total = None
    for g, step in zip(grads, steps):
        if g is None:
            continue
        part = embed_fn(g, shape, (step,))
        total = part if total is None else total + part
    return total


def _split_sizes(grad, sizes, dim):
    out = []
    start = 0
    for s in sizes:
        out.append(grad.narrow(dim, start, s) if s is not None else None)
        start += s if s is not None else 0
    return out


def _repeat_backward(grad, shape, repeats):
    pad = len(repeats) - len(shape)
    full = (1,) * pad + tuple(shape)
    inter = []
    for r, s in zip(repeats, full):
        inter += [r, s]
    g = grad.reshape(inter)
    g = g.sum(tuple(range(0, len(inter), 2)))
    return g.reshape(shape)


def _index_select_backward(grad, sizes, dim, index):
    return _zeros_shaped(grad, sizes).index_add(dim, index, grad)


def _masked_sum(grad, mask):
    return grad.masked_fill(mask.logical_not(), 0).sum()


def _masked_select_backward(grad, self, mask):
    shape = broadcast_shapes(self._data.shape, mask._data.shape)
    z = make(np.zeros(shape, grad._dtype.np), grad._dtype)
    m = mask.expand(shape) if mask._data.shape != shape else mask
    return z.masked_scatter(m, grad)


def _trace_backward(grad, shape):
    """torch: zeros(n * m).index_fill_(0, arange(0, n * m, m + 1), grad).view(shape); the
    zeros' zero_ and the index_fill_ each bump the version (the gradient is at version 2)."""
    from .._dispatch import bump
    from .pointwise import _assign_inplace
    numel = shape[0] * shape[1]
    d = grad._dtype
    flat = make(np.zeros(numel, d.np), d)
    bump(flat)
    index = make(np.arange(0, numel, shape[1] + 1, dtype=np.int64), D.int64)
    filled = np.zeros(numel, d.np)
    filled[index._data] = grad._data
    _assign_inplace(TRACE_INDEX_FILL, flat, (flat, grad, 0, index), make(filled, d))
    return flat.view(shape)


def _getitem_np_index(grad, indices):
    return _getitem_arrays(grad, indices)


def _index_fill_zero(grad, indices):
    """grad with zeros at indices: an out-of-place index_put (one node over grad)."""
    z = make(np.zeros((), grad._dtype.np), grad._dtype)
    r = grad._data.copy()
    r[indices] = 0
    return finish(INDEX_PUT, r, grad._dtype, (grad, z, indices, False))


def _index_add_source_grad(grad, dim, index, source, alpha):
    g = grad.index_select(dim, index) if grad._data.ndim else grad
    if alpha != 1:
        g = g * alpha
    return g.reshape(source.shape) if source._data.ndim != g._data.ndim else g


# ==================================================================================
# Views
# ==================================================================================

def _infer_size(shape, numel):
    neg = [i for i, s in enumerate(shape) if s == -1]
    if len(neg) > 1:
        raise RuntimeError("only one dimension can be inferred")
    for s in shape:
        if s < -1:
            raise RuntimeError(f"invalid shape dimension {s}")
    if neg:
        known = 1
        for s in shape:
            if s != -1:
                known *= s
        if known == 0 or numel % known:
            raise RuntimeError(_errors.invalid_shape(shape, numel))
        shape = tuple(numel // known if s == -1 else s for s in shape)
    n = 1
    for s in shape:
        n *= s
    if n != numel:
        raise RuntimeError(_errors.invalid_shape(shape, numel))
    return shape


def _try_view(a, shape):
    """The NumPy view of ``a`` with ``shape``, or None when a copy would be needed."""
    if a.flags.c_contiguous:
        return a.reshape(shape)
    v = a.view()
    try:
        v.shape = shape
    except AttributeError:
        return None
    return v


def view(self, *shape):
    if not shape:
        raise TypeError("view() received an invalid combination of arguments - got (), but "
                        "expected one of:\n * (torch.dtype dtype)\n * (tuple of ints size)\n")
    if len(shape) == 1 and _isinstance(shape[0], D.dtype):
        return _view_dtype(self, shape[0])
    first = shape[0]
    if not (_int_like(first) or _isinstance(first, (tuple, list))):
        # neither signature matches: view(dtype) or view(*size)
        got = ", ".join(_tp_name(a) for a in shape)
        note = "" if len(shape) > 1 else (
            f"      didn't match because some of the arguments have invalid types: "
            f"(!{_tp_name(first)}!)\n")
        raise TypeError(f"view() received an invalid combination of arguments - got ({got}), "
                        f"but expected one of:\n * (torch.dtype dtype)\n{note}"
                        f" * (tuple of ints size)\n{note}")
    shape = _infer_size(size_args(shape, "view"), self._data.size)
    v = _try_view(self._data, shape)
    if v is None:
        raise RuntimeError(_errors.VIEW_STRIDE)
    old = self._data.shape
    return finish_view(VIEW, self, v, (self, old), lambda t: t.view(shape))


def _view_dtype(self, dtype):
    a = self._data
    if dtype.itemsize != a.itemsize:
        if a.ndim == 0 or a.shape[-1] * a.itemsize % dtype.itemsize:
            raise RuntimeError(f"self.size(-1) must be divisible by {dtype.itemsize // a.itemsize if dtype.itemsize > a.itemsize else 1} "
                               f"to view {scalar_type_name(self._dtype)} as {scalar_type_name(dtype)} "
                               f"(different element sizes), but got {a.shape[-1] if a.ndim else 1}")
    return make_view(self, a.view(dtype.np), dtype, None)


def view_as(self, other):
    return view(self, other._data.shape)


def reshape(self, *shape):
    if not shape:
        raise TypeError('reshape() missing 1 required positional arguments: "shape"')
    shape = _infer_size(size_args(shape, "reshape"), self._data.size)
    a = self._data
    if a.flags.c_contiguous:
        return finish_view(VIEW, self, a.reshape(shape), (self, a.shape), lambda t: t.view(shape))
    v = _try_view(a, shape)
    if v is not None:  # torch's _reshape_alias
        return finish_view(RESHAPE_ALIAS, self, v, (self, a.shape), lambda t: t.view(shape))
    c = finish(CLONE, np.array(self._data, order="C"), self._dtype, (self,))
    return finish(UNSAFE_VIEW, c._data.reshape(shape), self._dtype, (c, self._data.shape))


def reshape_as(self, other):
    return reshape(self, other._data.shape)


def flatten(input, start_dim=0, end_dim=-1):
    check_tensor(input, "flatten")
    nd = input._data.ndim
    if nd == 0:
        return reshape(input, (1,))
    s = wrap_dim(start_dim, nd)
    e = wrap_dim(end_dim, nd)
    if s > e:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if s == e:
        return input
    shape = input._data.shape
    n = 1
    for k in range(s, e + 1):
        n *= shape[k]
    return reshape(input, shape[:s] + (n,) + shape[e + 1:])


def unflatten(input, dim, sizes):
    nd = input._data.ndim
    d = wrap_dim(dim, nd)
    sizes = tuple(sizes)
    shape = input._data.shape
    known = 1
    for s in sizes:
        if s != -1:
            known *= s
    if -1 in sizes:
        inferred = tuple(shape[d] // known if s == -1 else s for s in sizes)
    else:
        inferred = sizes
    prod = 1
    for s in inferred:
        prod *= s
    if prod != shape[d]:
        raise RuntimeError(f"unflatten: Provided sizes {list(sizes)} don't multiply up to the size "
                           f"of dim {dim} ({shape[d]}) in the input tensor")
    return view(input, shape[:d] + inferred + shape[d + 1:])


def squeeze(input, dim=None):
    check_tensor(input, "squeeze")
    a = input._data
    old = a.shape
    if dim is None:
        new = tuple(s for s in old if s != 1)
        step = lambda t: t.squeeze()  # noqa: E731
        return finish_view(SQUEEZE, input, a.reshape(new), (input, old), step)
    if _isinstance(dim, (tuple, list)):
        dims = {wrap_dim(d, a.ndim) for d in dim}
        new = tuple(s for i, s in enumerate(old) if not (i in dims and s == 1))
        step = lambda t: t.squeeze(tuple(dims))  # noqa: E731
        return finish_view(SQUEEZE_DIMS, input, a.reshape(new),
                           (input, tuple(_u64(int(d)) for d in dim), old), step)
    d = wrap_dim(dim, a.ndim)
    new = tuple(s for i, s in enumerate(old) if not (i == d and s == 1)) if a.ndim else ()
    step = lambda t: t.squeeze(d)  # noqa: E731
    return finish_view(SQUEEZE_DIM, input, a.reshape(new), (input, _u64(int(dim)), old), step)


def unsqueeze(input, dim):
    check_tensor(input, "unsqueeze")
    a = input._data
    d = wrap_dim(dim, a.ndim + 1)
    # torch keeps every stride and gives the new dim sizes[d] * strides[d] (1 at the end)
    sh, st = a.shape, a.strides
    if a.flags.c_contiguous and 1 not in sh:
        r = a.reshape(sh[:d] + (1,) + sh[d:])  # NumPy's strides are torch's here, and cheaper
    else:
        new = sh[d] * st[d] if d < a.ndim else a.itemsize
        r = _np_as_strided(a, sh[:d] + (1,) + sh[d:], st[:d] + (new,) + st[d:])
    return finish_view(UNSQUEEZE, input, r, (input, d), lambda t: t.unsqueeze(d))


def transpose(input, dim0, dim1):
    check_tensor(input, "transpose")
    a = input._data
    nd = a.ndim
    d0, d1 = wrap_dim(dim0, nd), wrap_dim(dim1, nd)
    if nd == 0:
        r = a.view()
    else:
        r = np.swapaxes(a, d0, d1)
    return finish_view(TRANSPOSE, input, r, (input, d0, d1), lambda t: t.transpose(d0, d1))


swapaxes = swapdims = transpose


def t(input):
    check_tensor(input, "t")
    a = input._data
    if a.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {a.ndim}D")
    r = a.T if a.ndim == 2 else a.view()
    return finish_view(T_OP, input, r, (input,), lambda x: x.t())


def permute(input, *dims):
    if not dims:
        raise TypeError('permute() missing 1 required positional arguments: "dims"')
    check_tensor(input, "permute")
    dims = size_args(dims, "permute")
    a = input._data
    if len(dims) != a.ndim:
        raise RuntimeError("permute(sparse_coo): number of dimensions in the tensor input does not "
                           "match the length of the desired ordering of dimensions i.e. input.dim() "
                           f"= {a.ndim} is not equal to len(dims) = {len(dims)}")
    wd = tuple(wrap_dim(d, a.ndim) for d in dims)
    if len(set(wd)) != len(wd):
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return finish_view(PERMUTE, input, np.transpose(a, wd), (input, wd), lambda x: x.permute(wd))


def movedim(input, source, destination):
    nd = input._data.ndim
    src = (source,) if _isinstance(source, builtins.int) else tuple(source)
    dst = (destination,) if _isinstance(destination, builtins.int) else tuple(destination)
    src = [wrap_dim(s, nd) for s in src]
    dst = [wrap_dim(d, nd) for d in dst]
    order = [None] * nd
    for s, d in zip(src, dst):
        order[d] = s
    rest = iter(i for i in range(nd) if i not in src)
    order = [next(rest) if o is None else o for o in order]
    return permute(input, order)


moveaxis = movedim


def T_prop(self):
    nd = self._data.ndim
    if nd == 0:
        _errors.warn_once("Tensor.T is deprecated on 0-D tensors. This function is the identity "
                          "in these cases.")
    elif nd != 2:
        _errors.warn_once("The use of `x.T` on tensors of dimension other than 2 to reverse their shape "
                     "is deprecated and it will throw an error in a future release. Consider "
                     "`x.mT` to transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, "
                     "-1, -1))` to reverse the dimensions of a tensor.")
    return permute(self, tuple(range(nd - 1, -1, -1)))


def mT_prop(self):
    if self._data.ndim < 2:
        raise RuntimeError("tensor.mT is only supported on matrices or batches of matrices. "
                           f"Got {self._data.ndim}-D tensor.")
    return transpose(self, -2, -1)


def _expand_shape(self, sizes):
    a = self._data
    if len(sizes) < a.ndim:
        raise RuntimeError(f"expand({_legacy(self)}{{{list(a.shape)}}}, size={list(sizes)}): the "
                           f"number of sizes provided ({len(sizes)}) must be greater or equal to "
                           f"the number of dimensions in the tensor ({a.ndim})")
    lead = len(sizes) - a.ndim
    if a.ndim == 0 and any(s < 0 for s in sizes):
        raise RuntimeError("numel: integer multiplication overflow")
    out = [0] * len(sizes)
    for i in range(len(sizes) - 1, -1, -1):  # torch checks from the last dim
        s = sizes[i]
        if i < lead:
            if s < 0:
                raise RuntimeError(f"The expanded size of the tensor ({s}) isn't allowed in a "
                                   f"leading, non-existing dimension {i}")
            out[i] = s
            continue
        cur = a.shape[i - lead]
        if s == -1:
            out[i] = cur
        elif cur == 1 or cur == s:
            out[i] = s
        else:
            raise RuntimeError(f"The expanded size of the tensor ({s}) must match the existing size "
                               f"({cur}) at non-singleton dimension {i}.  Target sizes: "
                               f"{list(sizes)}.  Tensor sizes: {list(a.shape)}")
    return tuple(out)


def _legacy(t):
    from .._dispatch import legacy_type_name
    return legacy_type_name(t._dtype)


def _broadcast_view(a, shape):
    """A writable view of ``a`` broadcast to ``shape`` (zero strides, like torch's expand)."""
    lead = len(shape) - a.ndim
    strides = [0] * lead
    for i, s in enumerate(a.shape):
        strides.append(0 if (s == 1 and shape[lead + i] != 1) else a.strides[i])
    return _np_as_strided(a, shape, strides)


def expand(self, *sizes):
    if not sizes:
        raise TypeError('expand() missing 1 required positional arguments: "size"')
    sizes = size_args(sizes, "expand")
    shape = _expand_shape(self, sizes)
    old = self._data.shape
    return finish_view(EXPAND, self, _broadcast_view(self._data, shape), (self, old),
                       lambda t: t.expand(shape))


def expand_as(self, other):
    return expand(self, other._data.shape)


def broadcast_to(input, size):
    return expand(input, tuple(size))


def broadcast_tensors(*tensors):
    for i, t in enumerate(tensors):
        if not _isinstance(t, Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got "
                            f"{type(t).__name__}")
    shape = broadcast_shapes(*[t._data.shape for t in tensors])
    # a tensor that already has the broadcast shape is returned as it is (torch: no expand)
    return tuple(t if t._data.shape == shape else expand(t, shape) for t in tensors)


def alias(self):
    return finish_view(ALIAS, self, self._data.view(), (self,), lambda t: t)


def select(input, dim, index):
    check_tensor(input, "select")
    a = input._data
    if a.ndim == 0:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    d = wrap_dim(dim, a.ndim)
    n = a.shape[d]
    i = int(index)
    if i < -n or i >= n:
        raise IndexError(f"select(): index {i} out of range for tensor of size {list(a.shape)} at "
                         f"dimension {d}")
    if i < 0:
        i += n
    key = (slice(None),) * d + (i, Ellipsis)
    return finish_view(SELECT, input, a[key], (input, d, i, a.shape), _select_step(d, i))


def _slice(input, d, start, stop, step, written=None):
    """input[..., start:stop:step, ...] along dim d (start/stop already clamped).

    ``written``: the slice as the user wrote it, when not the clamped values: SliceBackward0
    shows its start and stop (see _written_bound).
    """
    a = input._data
    key = (slice(None),) * d + (slice(start, stop, step), Ellipsis)
    if written is None or not (input._requires_grad and _state.enabled):
        values = (input, d, start, stop, step, a.shape)
    else:  # only a recorded slice needs them
        s0, s1 = written.start, written.stop
        values = (input, d, 0 if s0 is None else s0 if type(s0) is int and 0 <= s0 <= _INT64_MAX
                  else _written_bound(s0),
                  _INT64_MAX if s1 is None else s1 if type(s1) is int and 0 <= s1 <= _INT64_MAX
                  else _written_bound(s1), step, a.shape)
    return finish_view(SLICE, input, a[key], values, _slice_step(d, start, stop, step))


_INT64_MAX = (1 << 63) - 1
_TRUNCATE_WARNING = ("Truncating the start/stop/step of slice. This is likely because of saved old "
                     "models when the start/stop/step were larger.")


def _written_bound(v):
    """A slice's start or stop as SliceBackward0 shows it: clamped to int64 as Python clamps a
    slice bound, raised to torch's smallest representable bound (-2**62), negative values
    modulo 2**64."""
    v = int(v)
    if v >= 0:
        return v if v <= _INT64_MAX else _INT64_MAX
    return builtins.max(v, -(1 << 62)) + (1 << 64)


def _warn_truncated_bounds(written):
    """torch's warning for each bound of an index slice below -2**62 (it raises them to that)."""
    for v in (written.start, written.stop):
        if v is not None and int(v) < -(1 << 62):
            _errors.warn(_TRUNCATE_WARNING)


def narrow(input, dim, start, length):
    check_tensor(input, "narrow")
    a = input._data
    d = wrap_dim(dim, a.ndim)
    n = a.shape[d]
    if _isinstance(start, Tensor):
        start = int(start)
    if start < -n or start > n:
        raise IndexError(f"start out of range (expected to be in range of [{-n}, {n}], but got {start})")
    if start < 0:
        start += n
    if length < 0:
        raise RuntimeError("narrow(): length must be non-negative.")
    if start + length > n:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({n}).")
    return _slice(input, d, start, start + length, 1)


def _diagonal_view(a, offset, d1, d2):
    """A writable NumPy view of the diagonal (np.diagonal's is read-only)."""
    key = [slice(None)] * a.ndim
    if offset >= 0:
        key[d2] = slice(offset, None)
    else:
        key[d1] = slice(-offset, None)
    b = a[tuple(key)]
    n = builtins.max(builtins.min(b.shape[d1], b.shape[d2]), 0)
    keep = [i for i in range(a.ndim) if i not in (d1, d2)]
    shape = [b.shape[i] for i in keep] + [n]
    strides = [b.strides[i] for i in keep] + [b.strides[d1] + b.strides[d2]]
    return _np_as_strided(b, shape, strides)


def diagonal(input, offset=0, dim1=0, dim2=1):
    check_tensor(input, "diagonal")
    a = input._data
    d1, d2 = wrap_dim(dim1, a.ndim), wrap_dim(dim2, a.ndim)
    if d1 == d2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    v = _diagonal_view(a, offset, d1, d2)
    return finish_view(DIAGONAL, input, v, (input, offset, d1, d2, a.shape),
                       _diagonal_step(offset, d1, d2))


def as_strided(input, size, stride, storage_offset=None):
    """A view with explicit sizes and strides (in elements) over the input's storage."""
    root = input._view.base if input._view is not None else input
    off = storage_offset if storage_offset is not None else input.storage_offset()
    flat = root._data.reshape(-1)  # the storage, when the root owns contiguous memory
    item = flat.itemsize
    v = _np_as_strided(flat[off:], tuple(size), tuple(s * item for s in stride))
    def step(t):
        return t.as_strided(size, stride, storage_offset)
    return finish_view(AS_STRIDED, input, v, (input, input._data.shape, (step,)), step)


# ==================================================================================
# Copies, joins and splits
# ==================================================================================

def clone(input, *, memory_format=None):
    check_tensor(input, "clone")
    a = input._data
    if a.flags.c_contiguous and 1 not in a.shape:
        r = a.copy()
    elif memory_format is None or getattr(memory_format, "name", None) == "preserve_format":
        from .._factory import _copy_array  # torch keeps a dense input's strides
        r = _copy_array(a, input._dtype)
    else:
        r = np.array(a, copy=True, order="C")
    return finish(CLONE, r, input._dtype, (input,))


def contiguous(self, memory_format=None):
    if self._data.flags.c_contiguous:
        return self
    return finish(CLONE, np.asarray(self._data, order="C"), self._dtype, (self,))


def to_dtype(self, dtype, copy=False):
    if dtype is self._dtype and not copy:
        return self
    r = torch_layout(self._data, dtype.np)
    return finish(TO_COPY, r, dtype, (self, self._dtype))


def repeat(self, *repeats):
    if not repeats:
        raise TypeError('repeat() missing 1 required positional arguments: "repeats"')
    repeats = size_args(repeats, "repeat")
    a = self._data
    if len(repeats) < a.ndim:
        raise RuntimeError("Number of dimensions of repeat dims can not be smaller than number of "
                           "dimensions of tensor")
    pad = len(repeats) - a.ndim
    shape = (1,) * pad + a.shape
    target = [n * k for n, k in zip(shape, repeats)]  # torch checks the result's size
    for n in target:
        if n < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {n}: {target}")
    r = np.tile(a.reshape(shape), [builtins.max(k, 0) for k in repeats])
    return finish(REPEAT, r, self._dtype, (self, a.shape, repeats))


def tile(input, dims):
    dims = tuple(dims) if not _isinstance(dims, builtins.int) else (dims,)
    nd = input._data.ndim
    if len(dims) < nd:
        dims = (1,) * (nd - len(dims)) + dims
    return repeat(input, dims)


def _check_tensor_list(tensors, fn):
    if _isinstance(tensors, Tensor):
        raise TypeError(f"{fn}(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor")
    tensors = list(tensors)
    for i, x in enumerate(tensors):
        if not _isinstance(x, Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {type(x).__name__}")
    return tensors


def cat(tensors, dim=0, *, out=None):
    tensors = _check_tensor_list(tensors, "cat")
    if not tensors:
        raise ValueError("torch.cat(): expected a non-empty list of Tensors")
    dtype = result_type(*tensors)
    # legacy: 1-D empty tensors are skipped
    parts = [x for x in tensors if not (x._data.ndim == 1 and x._data.shape[0] == 0)]
    if not parts:
        return finish(CAT, np.empty((0,), dtype.np), dtype, (tuple(tensors), 0, [0] * len(tensors)))
    ref = parts[0]._data
    if ref.ndim == 0:
        raise RuntimeError("zero-dimensional tensor (at position 0) cannot be concatenated")
    d = wrap_dim(dim, ref.ndim)
    for i, x in enumerate(tensors):
        xa = x._data
        if xa.ndim == 1 and xa.shape[0] == 0:
            continue
        if xa.ndim != ref.ndim:
            raise RuntimeError(f"Tensors must have same number of dimensions: got {ref.ndim} and {xa.ndim}")
        for k in range(ref.ndim):
            if k != d and xa.shape[k] != ref.shape[k]:
                raise RuntimeError(f"Sizes of tensors must match except in dimension {d}. Expected "
                                   f"size {ref.shape[k]} but got size {xa.shape[k]} for tensor "
                                   f"number {i} in the list.")
    arrays = [array_of(x, dtype) for x in parts]
    r = contiguous_array(np.concatenate(arrays, axis=d))  # torch's cat: contiguous
    sizes = [x._data.shape[d] if x._data.ndim == ref.ndim else None for x in tensors]
    res = finish(CAT, r, dtype, (tuple(tensors), d, sizes))
    if out is not None:
        from ._common import handle_out
        return handle_out(res, out, "cat")
    return res


concat = concatenate = cat


def stack(tensors, dim=0, *, out=None):
    tensors = _check_tensor_list(tensors, "stack")
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    shape0 = tensors[0]._data.shape
    for i, x in enumerate(tensors):
        if x._data.shape != shape0:
            raise RuntimeError(f"stack expects each tensor to be equal size, but got {list(shape0)} "
                               f"at entry 0 and {list(x._data.shape)} at entry {i}")
    dtype = result_type(*tensors)
    d = wrap_dim(dim, len(shape0) + 1)
    r = contiguous_array(np.stack([array_of(x, dtype) for x in tensors], axis=d))
    res = finish(STACK, r, dtype, (tuple(tensors), d))
    return res if out is None else handle_out(res, out, "stack", _cat_out_dtype)


def _cat_out_dtype(result_dtype, out_dtype):
    """stack's out= (a cat): any dtype the inputs cast to, else cat's TypeError."""
    if D.can_cast(result_dtype, out_dtype):
        return None
    return TypeError(f"torch.cat(): input types can't be cast to the desired output type "
                     f"{scalar_type_name(out_dtype)}")


def _atleast_1d(x):
    return view(x, (1,)) if x._data.ndim == 0 else x


def _atleast_2d(x):
    nd = x._data.ndim
    if nd == 0:
        return view(x, (1, 1))
    return unsqueeze(x, 0) if nd == 1 else x


def hstack(tensors):
    tensors = [_atleast_1d(x) for x in _check_tensor_list(tensors, "hstack")]
    if not tensors:
        raise RuntimeError("hstack expects a non-empty TensorList")
    return cat(tensors, 0 if tensors[0]._data.ndim == 1 else 1)


def vstack(tensors):
    tensors = [_atleast_2d(x) for x in _check_tensor_list(tensors, "vstack")]
    if not tensors:
        raise RuntimeError("vstack expects a non-empty TensorList")
    return cat(tensors, 0)


def _multi_view(op, input, pieces, steps):
    """Several views of one input made by one node (split, unbind)."""
    a = input._data
    outs = []
    for k, (arr, step) in enumerate(zip(pieces, steps)):
        t = make_view(input, arr, input._dtype, step, MULTI_OUTPUT)
        t._view.multi_name = op.name
        t._view.multi_nr = k
        outs.append(t)
    outs = tuple(outs)
    if wants_grad((input,), 1):
        record(op, outs, (input, a.shape, tuple(steps)))
    return outs


def split(tensor, split_size_or_sections, dim=0):
    check_tensor(tensor, "split")
    a = tensor._data
    d = wrap_dim(dim, a.ndim)
    n = a.shape[d]
    if _isinstance(split_size_or_sections, (builtins.int, np.integer)):
        size = int(split_size_or_sections)
        if size <= 0 and n > 0:
            raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got dimension size of {n}")
        # a size-0 dim splits into one empty piece
        bounds = [(s, builtins.min(s + size, n)) for s in range(0, n, size)] if n else [(0, 0)]
        op = SPLIT
    else:
        sizes = list(split_size_or_sections)
        if builtins.sum(sizes) != n:
            raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {n} (input "
                               f"tensor's size at dimension {d}), but got split_sizes={sizes}")
        bounds = []
        s = 0
        for k in sizes:
            bounds.append((s, s + k))
            s += k
        op = SPLIT_SIZES
    pieces, steps = [], []
    for (s, e) in bounds:
        key = (slice(None),) * d + (slice(s, e), Ellipsis)
        pieces.append(a[key])
        steps.append(_slice_step(d, s, e))
    return _multi_view(op, tensor, pieces, steps)


def _slice_step(d, start, end, step=1):
    return lambda t: _slice(t, d, start, end, step)


def _select_step(d, i):
    return lambda t: t.select(d, i)


def _diagonal_step(offset, d1, d2):
    return lambda t: t.diagonal(offset, d1, d2)


def chunk(input, chunks, dim=0):
    check_tensor(input, "chunk")
    if chunks <= 0:
        raise RuntimeError("chunk expects `chunks` to be greater than 0, got: " + str(chunks))
    a = input._data
    d = wrap_dim(dim, a.ndim)
    n = a.shape[d]
    size = -(-n // chunks) if n else 0
    if size == 0:
        return split(input, [0] * chunks if n == 0 else [n], d) if n == 0 else split(input, n, d)
    return split(input, size, d)


def unbind(input, dim=0):
    check_tensor(input, "unbind")
    a = input._data
    if a.ndim == 0:
        raise IndexError("Dimension specified as 0 but tensor has no dimensions")
    d = wrap_dim(dim, a.ndim)
    pieces = [a[(slice(None),) * d + (i, Ellipsis)] for i in range(a.shape[d])]
    steps = [_select_step(d, i) for i in range(a.shape[d])]
    return _multi_view(UNBIND, input, pieces, steps)


def tensor_split(input, indices_or_sections, dim=0):
    a = input._data
    d = wrap_dim(dim, a.ndim)
    n = a.shape[d]
    # torch makes each part with its own slice (SliceBackward0), not one multi-output node
    parts = []
    if _isinstance(indices_or_sections, builtins.int):
        k = indices_or_sections
        q, r = divmod(n, k)
        start = 0
        for s in [q + 1] * r + [q] * (k - r):
            parts.append(_slice(input, d, start, start + s, 1))
            start += s
        return tuple(parts)
    # each part is input[idx[i]:idx[i + 1]] with Python's slice rules; the node shows the
    # indices as given
    idx = [0] + [int(i) for i in indices_or_sections] + [n]
    for i in range(len(idx) - 1):
        start, end, _ = slice(idx[i], idx[i + 1]).indices(n)
        parts.append(_slice(input, d, start, builtins.max(start, end), 1,
                            slice(idx[i], idx[i + 1])))
    return tuple(parts)


# ==================================================================================
# Index-based ops
# ==================================================================================

def _check_index(index, fn, allow_int32=True):
    if not _isinstance(index, Tensor):
        raise TypeError(f"{fn}(): argument 'index' must be Tensor, not {type(index).__name__}")
    if index._dtype is not D.int64 and not (allow_int32 and index._dtype is D.int32):
        raise RuntimeError(f"{fn}(): Expected dtype int32 or int64 for index")


def index_select(input, dim, index, *, out=None):
    if out is not None:
        return handle_out(index_select(input, dim, index), out, "index_select",
                          _same_scalar_type("index_select"))
    check_tensor(input, "index_select")
    _check_index(index, "index_select")
    if index._data.ndim > 1:
        raise IndexError("index_select(): Index is supposed to be a vector")
    a = input._data
    d = wrap_dim(dim, a.ndim)
    idx = index._data.reshape(-1)
    if a.ndim == 0 and idx.size != 1:
        raise RuntimeError("index_select(): Index to scalar can have only 1 value, got "
                           f"{idx.size} value(s)")
    n = a.shape[d] if a.ndim else 1
    if idx.size:
        bad = idx[(idx < 0) | (idx >= n)]
        if bad.size:
            if a.ndim <= 1:
                raise IndexError("index out of range in self")
            if n == 0:
                raise RuntimeError("index_select(): self indexing axis dim should be positive")
            if d == 1 or a.size == 0:  # the kernel torch picks for these reports its own way
                raise RuntimeError(f"INDICES element is out of DATA bounds, id={bad[0]} "
                                   f"axis_dim={n}")
            raise IndexError("index out of range in self")
    r = np.take(a, idx, axis=d) if a.ndim else a.copy()
    return finish(INDEX_SELECT, r, input._dtype, (input, d, index, a.shape))


def gather(input, dim, index, *, sparse_grad=False, out=None):
    if out is not None:
        return handle_out(gather(input, dim, index, sparse_grad=sparse_grad), out, "gather",
                          out_dtype_expected)
    check_tensor(input, "gather")
    if index._dtype is not D.int64 and index._dtype is not D.int32:
        raise RuntimeError("gather(): Expected dtype int32/int64 for index")
    a = input._data
    d = wrap_dim(dim, a.ndim)
    idx = index._data
    if builtins.max(idx.ndim, 1) != builtins.max(a.ndim, 1):  # a 0-dim one counts as 1-dim
        raise RuntimeError("Index tensor must have the same number of dimensions as input tensor")
    out_shape = idx.shape
    if a.ndim == 0 or idx.ndim == 0:  # torch reads a 0-dim input or index as one element
        a = a.reshape((1,) * builtins.max(idx.ndim, 1)) if a.ndim == 0 else a
        idx = idx.reshape((1,) * a.ndim) if idx.ndim == 0 else idx
    n = a.shape[d]
    for k in range(a.ndim):
        if k != d and idx.shape[k] > a.shape[k]:
            raise RuntimeError(f"Size does not match at dimension {k} expected index {list(idx.shape)} "
                               f"to be no larger than self {list(a.shape)} apart from dimension {d}")
    if idx.size and (idx.min() < 0 or idx.max() >= n):
        badv = idx[(idx < 0) | (idx >= n)].flat[0]
        raise RuntimeError(f"index {badv} is out of bounds for dimension {d} with size {n}")
    sub = a[tuple(slice(0, idx.shape[k]) if k != d else slice(None) for k in range(a.ndim))]
    r = contiguous_array(np.take_along_axis(sub, idx, axis=d).reshape(out_shape))
    return finish(GATHER, r, input._dtype, (input, d, index, sparse_grad))


def _scatter_np(a, d, idx, src, reduce=None):
    """out[idx[i][j]][j] = src[i][j] for dim 0 (and so on), on a copy of a.  A 0-dim self or
    index is one element (as torch reads it)."""
    shape = a.shape
    if a.ndim == 0 or idx.ndim == 0:
        a = a.reshape((1,) * builtins.max(idx.ndim, 1)) if a.ndim == 0 else a
        idx = idx.reshape((1,) * a.ndim) if idx.ndim == 0 else idx
        if _isinstance(src, np.ndarray) and src.ndim and src.ndim != a.ndim:
            src = src.reshape(idx.shape)
    out = a.copy()
    grids = np.indices(idx.shape, sparse=True)
    key = tuple(idx if k == d else grids[k] for k in range(a.ndim))
    if _isinstance(src, np.ndarray) and src.ndim:
        vals = src[tuple(slice(0, s) for s in idx.shape)]
    else:
        vals = src
    if reduce == "add":
        _add_at(out, key, vals)
    elif reduce == "multiply":
        np.multiply.at(out, key, vals)
    else:
        out[key] = vals
    return out.reshape(shape)


def _scatter_checks(input, dim, index, fn, src=None):
    if not _isinstance(index, Tensor):
        raise TypeError(f"{fn}(): argument 'index' must be Tensor, not {type(index).__name__}")
    if index._dtype is not D.int64 and index._dtype is not D.int32:
        raise RuntimeError("scatter(): Expected dtype int32/int64 for index")
    a = input._data
    d = wrap_dim(dim, a.ndim)
    idx = index._data
    # torch's shape checks (a 0-dim tensor counts as 1-dim): index against self, then src, whose
    # sizes are read per index dim (a src with fewer dims fails on reading one)
    if builtins.max(idx.ndim, 1) != builtins.max(a.ndim, 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as self tensor")
    if _isinstance(src, Tensor):
        sn = src._data.ndim
        if 0 < sn < idx.ndim:
            wrap_dim(sn, sn)  # torch's IndexError for the first dim src lacks
        if builtins.max(sn, 1) != builtins.max(idx.ndim, 1):
            raise RuntimeError("Index tensor must have the same number of dimensions as src tensor")
    n = a.shape[d] if a.ndim else 1
    if idx.size and (idx.min() < 0 or idx.max() >= n):
        badv = idx[(idx < 0) | (idx >= n)].flat[0]
        raise RuntimeError(f"index {badv} is out of bounds for dimension {d} with size {n}")
    return a, d, idx


def scatter(input, dim, index, src=None, value=None, *, reduce=None):
    check_tensor(input, "scatter")
    if src is None and value is not None:
        src = value
    if reduce is not None:
        if _isinstance(src, Tensor):
            _errors.warn_once("The reduce argument of torch.scatter with Tensor src is deprecated "
                              "and will be removed in a future PyTorch release. Use "
                              "torch.scatter_reduce instead for more reduction options.")
        if reduce not in ("add", "multiply"):
            raise RuntimeError("reduce argument must be either add or multiply.")
    a, d, idx = _scatter_checks(input, dim, index, "scatter", src)
    if _isinstance(src, Tensor):
        if src._dtype is not input._dtype:
            raise RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype")
        r = _scatter_np(a, d, idx, src._data, reduce)
        if reduce is not None:
            return _scatter_reduce_result(r, input, src)
        return finish(SCATTER, r, input._dtype, (input, src, d, index))
    r = _scatter_np(a, d, idx, array_of(src, input._dtype), reduce)
    if reduce is not None:
        return _scatter_reduce_result(r, input, None)
    return finish(SCATTER_VALUE, r, input._dtype, (input, d, index, src))


def _scatter_reduce_result(r, input, src):
    """scatter(..., reduce=): torch records its NotImplemented node, edges only for the inputs
    that require grad."""
    if src is not None and src._requires_grad:
        if input._requires_grad:
            return finish(SCATTER_REDUCE, r, input._dtype, (input, src))
        return finish(SCATTER_REDUCE_SRC, r, input._dtype, (src, input))
    return finish(SCATTER_REDUCE_SELF, r, input._dtype, (input, src))


def scatter_add(input, dim, index, src):
    check_tensor(input, "scatter_add")
    a, d, idx = _scatter_checks(input, dim, index, "scatter_add", src)
    r = _scatter_np(a, d, idx, src._data, "add")
    return finish(SCATTER_ADD, r, input._dtype, (input, src, d, index))


def index_add(input, dim, index, source, *, alpha=1):
    check_tensor(input, "index_add")
    if not _isinstance(index, Tensor):
        raise TypeError(f"index_add(): argument 'index' (position 2) must be Tensor, not "
                        f"{type(index).__name__}")
    if not _isinstance(source, Tensor):
        raise TypeError(f"index_add(): argument 'source' (position 3) must be Tensor, not "
                        f"{type(source).__name__}")
    a = input._data
    d = wrap_dim(dim, a.ndim)
    idx = index._data
    if idx.ndim > 1:
        raise IndexError(f"index_add_(): Index is supposed to be a vector, but got dim: {idx.ndim} "
                         f"with type: {scalar_type_name(index._dtype)} and size: "
                         f"{list(idx.shape)}")
    if index._dtype is not D.int64 and index._dtype is not D.int32:
        raise RuntimeError("index_add_(): Expected dtype int32/int64 for index but got: "
                           f"{scalar_type_name(index._dtype)}")
    if source._dtype is not input._dtype:
        raise RuntimeError(f"index_add_(): self ({scalar_type_name(input._dtype)}) and source "
                           f"({scalar_type_name(source._dtype)}) must have the same scalar type")
    s = source._data
    if d != 0 and d >= s.ndim:
        raise RuntimeError(f"index_add_(): Indexing dim {d} is out of bounds of the source tensor "
                           f"with dim {s.ndim}")
    ns = s.shape[d] if s.ndim else 1
    if idx.size != ns:
        raise RuntimeError(f"index_add_(): Number of indices ({idx.size}) should be equal to "
                           f"source.size(dim): ({ns}), for dim: {d}")
    if (a.shape[:d] + a.shape[d + 1:] != s.shape[:d] + s.shape[d + 1:]) if (a.ndim and s.ndim) \
            else a.shape != s.shape:
        raise RuntimeError("source tensor shape must match self tensor shape, excluding the "
                           f"specified dimension. Got self.shape = {list(a.shape)} source.shape = "
                           f"{list(s.shape)}")
    idx = idx.reshape(-1)
    n = a.shape[d] if a.ndim else 1
    if idx.size:
        bad = idx[(idx < 0) | (idx >= n)]
        if bad.size:
            if a.ndim <= 1:
                raise IndexError("index out of range in self")
            raise RuntimeError(f"index {bad[0]} is out of bounds for dimension {d} with size {n}")
    out = a.copy()
    if a.ndim == 0:
        out = out + (s.reshape(()) if alpha == 1 else s.reshape(()) * alpha)
    elif a.dtype == np.float16 and (d == 0 or d == a.ndim - 1) and a.ndim > 1:
        # this kernel of torch's accumulates in float and rounds once
        acc = out.astype(np.float32)
        src = s.astype(np.float32) if alpha == 1 else s.astype(np.float32) * np.float32(alpha)
        np.add.at(acc, (slice(None),) * d + (idx,), src.reshape(
            s.shape if s.ndim == a.ndim else s.shape[:d] + (1,) + s.shape[d:]))
        out[...] = acc
    else:
        if alpha != 1 and input._dtype.category != FLOATING:
            src = s * int(alpha)  # torch converts alpha to the integer type
        else:
            src = s if alpha == 1 else s * alpha
        src = np.asarray(src, a.dtype)
        np.add.at(out, (slice(None),) * d + (idx,), src if src.ndim == a.ndim else
                  np.expand_dims(src, d))
    return finish(INDEX_ADD, np.asarray(out, a.dtype), input._dtype,
                  (input, source, d, index, alpha))


def _check_mask(mask, fn):
    if not _isinstance(mask, Tensor):
        raise TypeError(f"{fn}(): argument 'mask' (position 1) must be Tensor, not {type(mask).__name__}")
    if mask._dtype is not D.bool_:
        raise RuntimeError(f"{fn} only supports boolean masks, but got mask with dtype "
                           f"{_lower_name(mask._dtype)}")


def _lower_name(d):
    return {"float32": "float", "float64": "double", "int64": "long int", "int32": "int",
            "uint8": "unsigned char", "float16": "c10::Half", "int16": "short int",
            "int8": "signed char", "bool": "bool"}[d.name]


_MASKED_FILL_SIGS = (("(Tensor input, Tensor mask, Tensor value)", ("Tensor", "Tensor", "Tensor")),
                     ("(Tensor input, Tensor mask, Number value)", ("Tensor", "Tensor", "Number")))


def _masked_fill_types(name, input, mask, value):
    """torch's parser error for masked_fill(input, mask, value) (two overloads: a Tensor or a
    Number value)."""
    if not (_isinstance(input, Tensor) and _isinstance(mask, Tensor)
            and (_isinstance(value, Tensor) or is_number(value))):
        raise _errors.invalid_arguments(name, (input, mask, value), _MASKED_FILL_SIGS,
                                        lambda kind, v: _isinstance(v, Tensor))


def masked_fill(input, mask, value):
    _masked_fill_types("masked_fill", input, mask, value)
    _check_mask(mask, "masked_fill_")
    a = input._data
    if mask._data.shape != a.shape:
        # the result has the broadcast shape of input and mask
        from ._common import broadcast_error
        try:
            np.broadcast_shapes(a.shape, mask._data.shape)
        except ValueError:
            raise broadcast_error(mask._data.shape, a.shape) from None
    if _isinstance(value, Tensor):
        if value._data.ndim != 0:
            raise RuntimeError("masked_fill_ only supports a 0-dimensional value tensor, but got "
                               f"tensor with {value._data.ndim} dimension(s).")
        r = np.where(mask._data, value._data.astype(a.dtype), a)
        return finish(MASKED_FILL_T, r, input._dtype, (input, value, mask))
    r = np.where(mask._data, array_of(value, input._dtype), a)
    if r.dtype != a.dtype:
        r = r.astype(a.dtype)
    return finish(MASKED_FILL, r, input._dtype, (input, mask))


def masked_select(input, mask, *, out=None):
    if out is not None:
        return handle_out(masked_select(input, mask), out, "masked_select",
                          _same_scalar_type("masked_select"))
    check_tensor(input, "masked_select")
    _check_mask(mask, "masked_select")
    shape = broadcast_shapes(mask._data.shape, input._data.shape)  # torch's order (its errors)
    a = np.broadcast_to(input._data, shape)
    m = np.broadcast_to(mask._data, shape)
    return finish(MASKED_SELECT, a[m], input._dtype, (input, mask))


def masked_scatter(input, mask, source):
    r = input._data.copy()
    m = np.broadcast_to(mask._data, r.shape)
    n = int(m.sum())
    r[m] = source._data.reshape(-1)[:n]
    return make(r, input._dtype) if not wants_grad((input, source), 2) else _masked_scatter_diff(
        input, mask, source, r)


def _masked_scatter_diff(input, mask, source, r):
    op = MASKED_SCATTER
    return finish(op, r, input._dtype, (input, source, mask))


MASKED_SCATTER = defop("masked_scatter", "MaskedScatterBackward0", ("self", "source", "mask"),
                       inputs=2,
                       self=lambda grad, mask: grad.masked_fill(mask, 0),
                       source=lambda grad, source, mask: _masked_scatter_source(grad, source, mask))


def _masked_scatter_source(grad, source, mask):
    sel = grad.masked_select(mask)
    n = source.numel()
    pad = n - sel.numel()
    if pad:
        sel = cat([sel, make(np.zeros(pad, grad._dtype.np), grad._dtype)])
    return sel.reshape(source.shape)


def flip(input, *dims):
    if not dims:
        raise TypeError('flip() missing 1 required positional arguments: "dims"')
    if len(dims) == 1 and _isinstance(dims[0], (tuple, list)):
        dims = tuple(dims[0])
    a = input._data
    wd = tuple(wrap_dim(d, a.ndim) for d in dims)
    return finish(FLIP, torch_layout(a, values=np.flip(a, wd)), input._dtype, (input, wd))


def fliplr(input):
    check_tensor(input, "fliplr")
    if input._data.ndim < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return flip(input, 1)


def flipud(input):
    check_tensor(input, "flipud")
    if input._data.ndim < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return flip(input, 0)


def roll(input, shifts, dims=None):
    a = input._data
    sh = (shifts,) if _isinstance(shifts, builtins.int) else tuple(shifts)
    if dims is None:
        # the flattened tensor rolls; one node, as in torch
        r = np.roll(a.reshape(-1), sh[0]).reshape(a.shape)
        return finish(ROLL, contiguous_array(r), input._dtype, (input, sh, None))
    dd = (dims,) if _isinstance(dims, builtins.int) else tuple(dims)
    dd = tuple(wrap_dim(d, a.ndim) for d in dd)
    return finish(ROLL, contiguous_array(np.roll(a, sh, dd)), input._dtype, (input, sh, dd))


def _tri(input, diagonal, upper):
    a = input._data
    if a.ndim < 2:
        raise RuntimeError(f"{'triu' if upper else 'tril'}: input tensor must have at least 2 dimensions")
    r = contiguous_array(np.triu(a, diagonal) if upper else np.tril(a, diagonal))
    return finish(TRIU if upper else TRIL, r, input._dtype, (input, diagonal))


def tril(input, diagonal=0, *, out=None):
    res = _tri(input, diagonal, False)
    return res if out is None else handle_out(res, out, "tril", out_dtype_expected)


def triu(input, diagonal=0, *, out=None):
    res = _tri(input, diagonal, True)
    return res if out is None else handle_out(res, out, "triu", out_dtype_expected)


def _same_scalar_type(fn):
    """index_select/masked_select's out= must have self's dtype."""
    return lambda result_dtype, out_dtype: RuntimeError(
        f"{fn}(): self and result must have the same scalar type")


def diag(input, diagonal=0):
    check_tensor(input, "diag")
    a = input._data
    if a.ndim == 1:
        n = a.shape[0] + builtins.abs(diagonal)
        r = np.zeros((n, n), a.dtype)
        v = _diagonal_view(r, diagonal, 0, 1)
        v[...] = a
        # torch's diag of a vector is diag_embed(input, diagonal, -2, -1)
        return finish(DIAG_EMBED, r, input._dtype, (input, _u64(diagonal), _u64(-2), _u64(-1)))
    if a.ndim == 2:
        v = _diagonal_view(a, diagonal, 0, 1).copy()
        return finish(DIAG_COPY, v, input._dtype, (input, _u64(diagonal), 0, 1, a.shape))
    raise RuntimeError("diag(): Supports 1D or 2D tensors. Got " + f"{a.ndim}D")


def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    check_tensor(input, "diag_embed")
    a = input._data
    nd = a.ndim + 1
    d1, d2 = wrap_dim(dim1, nd), wrap_dim(dim2, nd)
    if d1 == d2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    # the input's last dim goes on the diagonal of the output dims d1 and d2; its other dims
    # fill the other output dims in order
    n = a.shape[-1] + builtins.abs(offset)
    rest = iter(a.shape[:-1])
    shape = tuple(n if k == d1 or k == d2 else next(rest) for k in range(nd))
    r = np.zeros(shape, a.dtype)
    v = _diagonal_view(r, offset, d1, d2)
    v[...] = a
    return finish(DIAG_EMBED, r, input._dtype, (input, _u64(offset), _u64(dim1), _u64(dim2)))


def trace(input):
    check_tensor(input, "trace")
    a = input._data
    if input._dtype is D.bool_:
        from ._common import not_implemented_for
        raise not_implemented_for("trace", D.bool_)
    if a.ndim != 2:
        raise RuntimeError(f"trace: expected a matrix, but got tensor with dim {a.ndim}")
    d = input._dtype
    rd = D.int64 if d.category != FLOATING else d
    return finish(TRACE, np.asarray(np.trace(a, dtype=rd.np)), rd, (input, a.shape))


def index_put_zeros(grad, shape, indices):
    d = grad._dtype
    zeros = make(np.zeros(shape, d.np), d)
    z = np.zeros(shape, d.np)
    np.add.at(z, indices, grad._data)
    res = finish(INDEX_PUT_ZEROS, z, d, (zeros, grad, indices, True))
    res._vc[0] += 1  # written in place, as torch's
    return res


def _getitem_arrays(t, indices):
    """t[indices] where indices is a NumPy index tuple (already validated)."""
    from .indexing import getitem_np
    return getitem_np(t, indices)


__all__ = [n for n in dir() if not n.startswith("_") and n not in ("np", "builtins", "D")]
