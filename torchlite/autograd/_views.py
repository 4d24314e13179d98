"""In-place ops on views: CopySlices on the base, AsStridedBackward0 on the view.

When an in-place op writes into a view of a tensor that is part of a graph,
torch records the op's node inside a ``CopySlices`` node that becomes the
base's grad_fn: its backward clones the base's gradient, runs the op's
derivative on the slice the view covers, and writes the result back there.
The view itself gets an ``AsStridedBackward0`` node pointing at the base.
"""

from __future__ import annotations

from .._tensor import make
from .._dispatch import defop, record, _edge
from .graph import new_node


def _copy_slices_apply(node, grads_out):
    from .._ops.shape import replay
    from .engine import input_grads
    g = grads_out[0]
    fn = node._saved["fn"]
    steps = node._saved["steps"]
    result = g.clone()
    grad_slice = replay(result, steps)
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
    cs = new_node(COPY_SLICES.node_cls, COPY_SLICES)
    base_edge = _edge(base) if base._requires_grad else (None, 0)
    cs.next_functions = (base_edge,) + fn.next_functions[1:]
    cs._in_meta = [(base._data.shape, base._dtype)] + list(fn._in_meta[1:])
    cs._saved = {"fn": fn, "steps": steps}
    base._grad_fn = cs
    base._output_nr = 0
    base._requires_grad = True
    # the view's new history: a strided view of the base's new history
    record(AS_STRIDED, (view,), (base, base._data.shape, steps))
    view._view.version = view._vc[0]
