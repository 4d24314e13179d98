"""In-place ops on views: CopySlices on the base, AsStridedBackward0 on the view.

When an in-place op writes into a view of a tensor that is part of a graph,
torch records the op's node inside a ``CopySlices`` node that becomes the
base's grad_fn: its backward copies the base's gradient, runs the op's
derivative on the slice the view covers (as_strided), and writes the result back.
The view itself gets an ``AsStridedBackward0`` node pointing at the base.
"""

from __future__ import annotations

import weakref

import numpy as np

from .._tensor import make
from .._dispatch import (defop, record, _edge, _move_retain_grad, bump_after_record,
                         SavedOutput, SavedOutputOfView)
from .graph import new_node


def _copy_slices_apply(node, grads_out):
    """As torch: the base's gradient is copied into a new tensor laid out as the base, the
    slice the view covers is taken with as_strided, the op's derivative runs on (a clone of)
    that slice and its result is written back in place."""
    from .._ops.shape import replay, as_strided
    from .engine import input_grads
    g = grads_out[0]
    fn = node._saved["fn"]
    geometry = node._saved["geometry"]
    if geometry is not None:
        result = make(np.empty(g._data.shape, g._dtype.np), g._dtype).copy_(g)
        grad_slice = as_strided(result, *geometry)
    else:  # a base that is not contiguous: replay the view's steps on a copy
        result = g.clone()
        grad_slice = replay(result, node._saved["steps"])
    res = input_grads(fn, grad_slice.clone(), lambda i, nxt: i == 0 or nxt is not None)
    if res[0] is not None:
        grad_slice.copy_(res[0])
    else:
        grad_slice.zero_()
    return [result] + list(res[1:])


COPY_SLICES = defop("copy_slices", "CopySlices", ("self",), inputs=1,
                    custom_apply=_copy_slices_apply)


def record_copy_slices(op, view, values, save_copy):
    """``view`` (a view of a base) was just written in place by ``op``."""
    from .._ops.shape import AS_STRIDED
    base, steps = view._view.base, view._view.steps
    # the op's own node: its first input is the view's old history
    old = make(view._data, view._dtype)
    old._grad_fn, old._output_nr, old._requires_grad = view._grad_fn, view._output_nr, view._requires_grad
    proxy = make(view._data, view._dtype)
    proxy._vc = view._vc
    fn = record(op, (proxy,), (old,) + tuple(values[1:]), save_copy)
    bump_after_record(view, fn)  # the inputs' edges and saved versions are from before the write
    cs = new_node(COPY_SLICES.node_cls, COPY_SLICES)
    base_edge = _edge(base) if base._requires_grad else (None, 0)
    cs.next_functions = (base_edge,) + fn.next_functions[1:]
    cs._in_meta = [(base._data.shape, base._dtype)] + list(fn._in_meta[1:])
    if base._data.flags.c_contiguous:
        item = view._data.itemsize
        geometry = (tuple(view._data.shape), tuple(st // item for st in view._data.strides),
                    view.storage_offset())
    else:
        geometry = None
    cs._saved = {"fn": fn, "steps": steps, "geometry": geometry}
    base._grad_fn = cs
    base._output_nr = 0
    base._requires_grad = True
    _move_retain_grad(base, cs)
    # the view's new history: a strided view of the base's new history
    record(AS_STRIDED, (view,), (base, base._data.shape, steps))
    saved = fn._saved
    if saved:
        for k, v in saved.items():
            if v.__class__ is SavedOutput:  # as torch: named after the view's grad_fn now
                sv = saved[k] = SavedOutputOfView.__new__(SavedOutputOfView)
                sv.data, sv.dtype, sv.vc, sv.version, sv.output_nr = \
                    v.data, v.dtype, v.vc, v.version, v.output_nr
                sv.view_fn = weakref.ref(view._grad_fn)
    _move_retain_grad(view, view._grad_fn)
    view._view.version = view._vc[0]
