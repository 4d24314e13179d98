"""The backward walk.  Iterative: no recursion, whatever the depth of the graph.

1. Discover the graph from the roots and count, for each node, the edges that
   point at it (its dependencies).
2. When inputs are given (``grad()``, ``backward(inputs=...)``), keep only
   the nodes from which an input can be reached.
3. Run ready nodes newest first (a heap on the sequence number; leaves'
   AccumulateGrad nodes first of all), as torch does, so hooks fire in torch's
   order.  Gradients arriving at a node are summed in its input buffer.
4. On every edge, reduce the gradient to the input's shape and cast it to the
   input's dtype: the rules never do that themselves.

The rules run with grad mode set to ``create_graph``: with False they record
nothing; with True the backward pass builds a graph of its own.
"""

from __future__ import annotations

import heapq
import threading
import warnings

import numpy as np

from .. import _errors
from .._tensor import make, AutogradMeta
from . import grad_mode
from .graph import AccumulateGrad, accumulate_node, AnomalyState
from .._ops._common import quiet_enter, quiet_reset
from .._dispatch import unpack_saved, release_saved, SavedInput, SavedNumber

_state = grad_mode._state


class _Local(threading.local):
    def __init__(self):
        self.tasks = []


_local = _Local()


class Task:
    """One backward or grad() call."""

    __slots__ = ("nodes", "__weakref__")

    def __init__(self, nodes):
        self.nodes = nodes


def current_task():
    return _local.tasks[-1] if _local.tasks else None


def will_receive_grad(t):
    task = current_task()
    if task is None:
        return False
    fn = t._grad_fn
    if fn is None:
        meta = t._meta
        ref = meta.grad_acc if meta is not None else None
        fn = ref() if ref is not None else None
    return fn is not None and fn in task.nodes


def sum_to(g, shape):
    """Reduce a broadcast gradient to ``shape`` with Tensor ops (so it can be differentiated).

    As torch: one sum over the leading dims and the broadcast size-1 dims
    (keepdim), then a view to drop the leading dims.
    """
    gshape = g._data.shape
    lead = len(gshape) - len(shape)
    dims = tuple(range(lead)) + tuple(d for d in range(lead, len(gshape))
                                      if shape[d - lead] == 1 and gshape[d] != 1)
    if not dims:
        return g
    g = g.sum(dims, keepdim=True)
    if lead:
        g = g.view(shape)
    return g


def _reduce(g, meta):
    """Bring the gradient of one input to that input's shape and dtype."""
    shape, dtype = meta
    if g._data.shape != shape:
        gshape = g._data.shape
        if len(gshape) < len(shape) or not _expandable(shape, gshape):
            raise RuntimeError(f"Function backward returned an invalid gradient: got shape "
                               f"{list(gshape)} but expected shape compatible with {list(shape)}")
        g = sum_to(g, shape)
    if g._dtype is not dtype:
        g = g.to(dtype)
    return g


def _expandable(shape, target):
    lead = len(target) - len(shape)
    for i, s in enumerate(shape):
        if s != 1 and s != target[lead + i]:
            return False
    return True


def _discover(root_nodes):
    """Count dependencies over next_functions (iteratively)."""
    deps = {}
    seen = set()
    stack = []
    for n in root_nodes:
        if n not in seen:
            seen.add(n)
            stack.append(n)
    while stack:
        node = stack.pop()
        for nxt, _ in node.next_functions:
            if nxt is None:
                continue
            deps[nxt] = deps.get(nxt, 0) + 1
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return deps, seen


def _ancestors(nodes, targets):
    """The nodes with a path of one edge or more to a target node."""
    parents = {}
    for node in nodes:
        for nxt, _ in node.next_functions:
            if nxt is not None:
                parents.setdefault(nxt, []).append(node)
    found = set()
    stack = []
    for t in targets:
        stack.extend(parents.get(t, ()))
    while stack:
        n = stack.pop()
        if n in found:
            continue
        found.add(n)
        stack.extend(parents.get(n, ()))
    return found


def run_backward(roots, grads, retain_graph, create_graph, inputs=None, capture=False,
                 allow_unused=False, accumulate=True):
    """The engine.  ``roots``: tensors; ``grads``: their gradients (Tensors).

    With ``capture`` (autograd.grad) the gradients of ``inputs`` are returned
    instead of accumulated into ``.grad``.
    """
    root_edges = []
    for t in roots:
        fn = t._grad_fn
        root_edges.append((fn, t._output_nr) if fn is not None else (accumulate_node(t), 0))

    deps, nodes = _discover([e[0] for e in root_edges])

    # capture points: leaf input -> its AccumulateGrad; non-leaf -> (grad_fn, output_nr)
    capture_at = None
    input_nodes = None
    if inputs is not None:
        capture_at = {}
        input_nodes = []
        for i, t in enumerate(inputs):
            fn = t._grad_fn
            if fn is None:
                meta = t._meta
                ref = meta.grad_acc if meta is not None else None
                fn = ref() if ref is not None else None
                if fn is None:
                    continue
                key = (fn, 0)
            else:
                key = (fn, t._output_nr)
            capture_at.setdefault(key, []).append(i)
            input_nodes.append(fn)
        execute = _ancestors(nodes, input_nodes)
        needed = execute | set(n for n in input_nodes if n in nodes)
        # dependencies only count edges between needed nodes
        deps = {}
        for node in needed:
            for nxt, _ in node.next_functions:
                if nxt is not None and nxt in needed:
                    deps[nxt] = deps.get(nxt, 0) + 1
    else:
        needed = execute = nodes

    captured = [None] * len(inputs) if capture else None
    ext_arrays = [g._data for g in grads]

    buffers = {}
    ready = []
    counter = 0
    owned = set()  # ids of buffered gradients only the engine holds (summed into in place)

    for (node, nr), g in zip(root_edges, grads):
        if node in needed:
            _deliver(buffers, node, nr, g, create_graph)
    for (node, _nr) in root_edges:
        if node in needed and deps.get(node, 0) == 0 and node in buffers:
            if not any(item[2] is node for item in ready):
                heapq.heappush(ready, (-node._seq, counter, node))
                counter += 1

    task = Task(needed)
    _local.tasks.append(task)
    prev_mode = _state.enabled
    _state.enabled = create_graph
    quiet_token = quiet_enter()
    heappop, heappush = heapq.heappop, heapq.heappush
    try:
        while ready:
            node = heappop(ready)[2]
            grads_out = buffers.pop(node, None)
            if grads_out is None:
                grads_out = [None] * node._nout
            elif owned:
                for g in grads_out:
                    owned.discard(id(g))
            if node.__class__ is AccumulateGrad:
                _run_accumulate(node, grads_out[0], capture_at, captured, accumulate and not capture,
                                inputs, create_graph, ext_arrays)
                continue
            if (capture_at is not None or node._tensor_hooks or node._retain_hooks
                    or node._pre_hooks):
                grads_out = _pre_hooks(node, grads_out, capture_at, captured, inputs)
                if node not in execute:
                    continue  # a capture point that leads to no other input
            if AnomalyState.enabled:
                grad_inputs = _apply_with_anomaly(node, grads_out, needed, retain_graph)
            else:
                grad_inputs = _apply(node, grads_out, needed, retain_graph)
            if node._post_hooks:
                for hook in list(node._post_hooks.values()):
                    res = hook(tuple(grad_inputs), tuple(grads_out))
                    if res is not None:
                        grad_inputs = list(res)
            if not retain_graph and node._saved:
                release_saved(node)
            for (nxt, nr), g in zip(node.next_functions, grad_inputs):
                if nxt is None or nxt not in needed:
                    continue
                if g is not None:
                    buf = buffers.get(nxt)
                    if buf is None:
                        if nxt._nout == 1:
                            buffers[nxt] = [g]
                        else:
                            buf = buffers[nxt] = [None] * nxt._nout
                            buf[nr] = g
                    else:
                        cur = buf[nr]
                        buf[nr] = g if cur is None else _sum_grads(
                            cur, g, create_graph, owned, grads_out, grad_inputs)
                left = deps[nxt] - 1
                deps[nxt] = left
                if left == 0:
                    heappush(ready, (-nxt._seq, counter, nxt))
                    counter += 1
    finally:
        quiet_reset(quiet_token)
        _state.enabled = prev_mode
        _local.tasks.pop()

    if capture:
        for i, g in enumerate(captured):
            if g is None and not allow_unused:
                raise RuntimeError(_errors.unused_input(i))
        return captured
    return None


def _deliver(buffers, node, nr, g, create_graph):
    buf = buffers.get(node)
    if buf is None:
        buf = buffers[node] = [None] * node._nout
    cur = buf[nr]
    buf[nr] = g if cur is None else _sum_grads(cur, g, create_graph)


def _sum_grads(a, b, create_graph, owned=None, grads_out=(), grad_inputs=()):
    """Gradients meeting at a node add up.

    Without create_graph, the sum goes in place into a gradient the engine alone
    holds (one this node just computed, not an incoming gradient passed through,
    not a view, given to one edge only); otherwise into a new tensor.
    """
    if create_graph:
        return a + b
    if owned is not None:
        if id(a) in owned:
            np.add(a._data, b._data, out=a._data)
            return a
        if _exclusive(b, grads_out, grad_inputs) and b._data.shape == a._data.shape:
            np.add(b._data, a._data, out=b._data)
            owned.add(id(b))
            return b
    r = make(a._data + b._data, a._dtype)
    if owned is not None:
        owned.add(id(r))
    return r


def _exclusive(g, grads_out, grad_inputs):
    """g was computed by the current node, owns its memory, and goes to one edge only."""
    data = g._data
    if data.base is not None or not data.flags.writeable or not data.flags.c_contiguous:
        return False
    for x in grads_out:
        if x is g:
            return False
    n = 0
    for x in grad_inputs:
        if x is g:
            n += 1
    return n == 1


def _pre_hooks(node, grads_out, capture_at, captured, inputs):
    """Tensor hooks, retain_grad, capture for grad(), then the node's pre-hooks."""
    th = node._tensor_hooks
    if th:
        for nr, store in th.items():
            g = grads_out[nr]
            if g is None:
                continue
            for hook in list(store.values()):
                res = hook(g)
                if res is not None:
                    g = res
            grads_out[nr] = g
    rh = node._retain_hooks
    if rh:
        for nr, ref in rh.items():
            t = ref()
            g = grads_out[nr]
            if t is None or g is None:
                continue
            _retain(t, g)
    if capture_at is not None:
        for nr in range(node._nout):
            idx = capture_at.get((node, nr))
            g = grads_out[nr]
            if not idx or g is None:
                continue
            for i in idx:
                if captured is not None:
                    captured[i] = g if captured[i] is None else captured[i] + g
                else:
                    # backward(inputs=[non-leaf]): its .grad accumulates, as a leaf's would
                    _accumulate_into(inputs[i], g, _state.enabled, [])
    ph = node._pre_hooks
    if ph:
        for hook in list(ph.values()):
            res = hook(tuple(grads_out))
            if res is not None:
                grads_out = list(res)
    return grads_out


def _retain(t, g):
    meta = t._meta
    if meta.grad is None:
        meta.grad = make(np.array(g._data, copy=True), g._dtype) if not _state.enabled else g.clone()
    elif _state.enabled:
        meta.grad = meta.grad + g
    else:
        meta.grad = make(meta.grad._data + g._data, g._dtype)


def _apply(node, grads_out, needed, retain_graph):
    """Run the node's derivative rules: one gradient per input edge."""
    if node._released:
        raise RuntimeError(_errors.BACKWARD_TWICE)
    op = node._op
    if node._nout == 1:
        g = grads_out[0]
        if g is None:
            return [None] * len(node.next_functions)
        if op.custom_apply is None and not op.variadic:
            # the common case, inline: one output, one rule per input
            saved = node._saved
            result = []
            for (nxt, _nr), rule, names, m in zip(node.next_functions, op.rules, op.needs,
                                                  node._in_meta):
                if nxt is None or rule is None or m is None or nxt not in needed:
                    result.append(None)
                    continue
                if names:
                    gi = rule(g, *[_unpack(saved, node, n) for n in names])
                else:
                    gi = rule(g)
                if gi is not None and (gi._data.shape != m[0] or gi._dtype is not m[1]):
                    gi = _reduce(gi, m)
                result.append(gi)
            return result
    else:
        if all(g is None for g in grads_out):
            return [None] * len(node.next_functions)
        g = tuple(grads_out)
    return input_grads(node, g, lambda i, nxt: nxt is not None and nxt in needed)


def _unpack(saved, node, name):
    v = saved[name]
    c = v.__class__
    if c is SavedInput:
        t = v.tensor
        if t._vc[0] == v.version:
            return t
    elif c is SavedNumber:
        return v.value
    return unpack_saved(node, name)


def _apply_with_anomaly(node, grads_out, needed, retain_graph):
    """_apply, then torch's anomaly checks: nan gradients, and the forward traceback on error."""
    try:
        grads = _apply(node, grads_out, needed, retain_graph)
        if AnomalyState.check_nan:
            for i, g in enumerate(grads):
                if g is not None and g._dtype.is_floating_point and np.isnan(g._data).any():
                    raise RuntimeError(f"Function '{node.name()}' returned nan values in its "
                                       f"{i}th output.")
        return grads
    except Exception:
        stack = (node._metadata or {}).get("traceback_")
        if stack is not None:
            warnings.warn(f"Error detected in {node.name()}. Traceback of forward call that "
                          f"caused the error:\n{''.join(stack)}", UserWarning, stacklevel=1)
        raise


def input_grads(node, g, want):
    """The gradient of each input of ``node`` given its output gradient(s) ``g``.

    ``want(i, next_node)`` says which inputs to compute; the others are None.
    Each gradient is reduced to its input's shape and cast to its dtype.
    """
    op = node._op
    custom = op.custom_apply
    if custom is not None:
        grads = custom(node, g if type(g) is tuple else (g,))
        return [None if gi is None or m is None else _reduce(gi, m)
                for gi, m in zip(grads, node._in_meta)]
    if op.variadic:
        args = [unpack_saved(node, n) for n in op.needs[0]]
        grads = op.rules[0](g, *args)
        return [None if (gi is None or not want(i, nxt)) else _reduce(gi, m)
                for i, (gi, (nxt, _), m) in enumerate(zip(grads, node.next_functions, node._in_meta))]
    result = []
    rules = op.rules
    needs = op.needs
    for i, (nxt, _nr) in enumerate(node.next_functions):
        rule = rules[i]
        if rule is None or not want(i, nxt) or node._in_meta[i] is None:
            result.append(None)
            continue
        names = needs[i]
        gi = rule(g, *[unpack_saved(node, n) for n in names]) if names else rule(g)
        if gi is not None:
            gi = _reduce(gi, node._in_meta[i])
        result.append(gi)
    return result


def _run_accumulate(node, g, capture_at, captured, accumulate, inputs, create_graph, ext_arrays):
    t = node.variable
    meta = t._meta
    if g is None:
        return
    if meta is not None and meta.hooks:
        for hook in list(meta.hooks.values()):
            res = hook(g)
            if res is not None:
                g = res
                ext_arrays.append(g._data)
    if node._pre_hooks:
        for hook in list(node._pre_hooks.values()):
            res = hook((g,))
            if res is not None:
                g = res[0]
                ext_arrays.append(g._data)
    if capture_at is not None:
        idx = capture_at.get((node, 0))
        if captured is not None:
            if idx:
                for i in idx:
                    captured[i] = g if captured[i] is None else captured[i] + g
            return
        if not idx:
            return
    if not accumulate:
        return
    _accumulate_into(t, g, create_graph, ext_arrays)
    if meta is not None and meta.post_acc_hooks:
        for hook in list(meta.post_acc_hooks.values()):
            hook(t)
    if node._post_hooks:
        for hook in list(node._post_hooks.values()):
            hook((), (g,))


def _accumulate_into(t, g, create_graph, ext_arrays):
    meta = t._meta
    if meta is None:
        meta = t._meta = AutogradMeta()
    old = meta.grad
    if old is None:
        if create_graph and g._requires_grad:
            # the gradient keeps its graph, so .grad refers back to the parameter
            if _errors.first_time(_errors.CREATE_GRAPH_CYCLE):
                # torch raises it from inside the library, not on the user's line
                warnings.warn(_errors.CREATE_GRAPH_CYCLE, UserWarning, stacklevel=1)
            from .._factory import zeros_like
            meta.grad = zeros_like(g).copy_(g)
            return
        if create_graph:
            meta.grad = g
            return
        data = g._data
        shared = any(np.may_share_memory(data, e) for e in ext_arrays)
        if shared or (t._data.flags.c_contiguous and not data.flags.c_contiguous) \
                or data.base is not None or not data.flags.writeable:
            data = np.array(data, copy=True, order="C" if t._data.flags.c_contiguous else "K")
        new = make(data, g._dtype)
        meta.grad = new
        return
    if create_graph:
        meta.grad = old + g
        return
    # in place, so that references to .grad see the update, as in torch
    if old._requires_grad:
        meta.grad = make(old._data + g._data, old._dtype)
    else:
        np.add(old._data, g._data, out=old._data, casting="unsafe")
        if old._vc is not None:
            old._vc[0] += 1
