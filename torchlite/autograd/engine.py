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
import sys
import threading
import warnings

import numpy as np

from .. import _errors
from .._tensor import Tensor, make, AutogradMeta
from . import grad_mode
from .graph import AccumulateGrad, accumulate_node, AnomalyState
from .._ops._common import quiet_enter, quiet_reset
from .._ops.reduction import sum_array
from .._dispatch import unpack_saved, release_saved, SavedInput, SavedOutput

_state = grad_mode._state
_getrefcount = sys.getrefcount


class _Local(threading.local):
    def __init__(self):
        self.tasks = []


_local = _Local()


class Task:
    """One backward or grad() call."""

    __slots__ = ("nodes", "capture", "__weakref__")

    def __init__(self, nodes, capture=False):
        self.nodes = nodes
        self.capture = capture


def current_task():
    return _local.tasks[-1] if _local.tasks else None


def will_execute_node(node):
    """Whether the running backward will execute ``node`` (torch's _will_engine_execute_node)."""
    task = current_task()
    if task is None:
        raise RuntimeError("_will_engine_execute_node should only be called during the backward pass")
    if node not in task.nodes:
        return False
    if task.capture and type(node) is AccumulateGrad:
        raise RuntimeError("A leaf node was passed to _will_engine_execute_node but we are currently "
                           "running autograd.grad(). This is currently not supported.")
    return True


def sum_to(g, shape):
    """Reduce a broadcast gradient to ``shape`` with Tensor ops (so it can be differentiated).

    As torch: one sum over the leading dims and the broadcast size-1 dims
    (keepdim), then a view to drop the leading dims; a full sum for a 0-dim shape.
    """
    fast = not _state.enabled and g._dtype.is_floating_point  # no graph: the kernel itself
    if not shape:
        if fast:
            return make(sum_array(g._data, None, False, g._dtype), g._dtype)
        return g.sum()  # as torch's sum_to: one SumBackward0 for a 0-dim input
    gshape = g._data.shape
    lead = len(gshape) - len(shape)
    dims = tuple(range(lead)) + tuple(d for d in range(lead, len(gshape))
                                      if shape[d - lead] == 1 and gshape[d] != 1)
    if not dims:
        return g
    if fast:
        r = sum_array(g._data, dims, True, g._dtype)
        if lead:
            r = r.reshape(shape)
        return make(r, g._dtype)
    g = g.sum(dims, keepdim=True)
    if lead:
        g = g.view(shape)
    return g


def _reduce(g, meta, node=None, i=0):
    """Bring the gradient of input ``i`` of ``node`` to that input's shape and dtype."""
    shape, dtype = meta
    if g._data.shape != shape:
        gshape = g._data.shape
        if len(gshape) < len(shape) or not _expandable(shape, gshape):
            raise RuntimeError(_invalid_gradient(node, i, gshape, shape))
        g = sum_to(g, shape)
    if g._dtype is not dtype:
        g = g.to(dtype)
    return g


def _invalid_gradient(node, i, gshape, shape):
    name = "backward" if node is None else node.name()
    return (f"Function {name} returned an invalid gradient at index {i} - got {list(gshape)} but "
            f"expected shape compatible with {list(shape)}")


def _to_leaf(g, node, i, acc):
    """A leaf's shape may have changed (``x.data = ...``) since its AccumulateGrad was made:
    as torch, gradients are checked against the shape the accumulator recorded."""
    shape = acc._in_meta[0][0]
    if g._data.shape == shape:
        return g
    if not _expandable(shape, g._data.shape) or len(g._data.shape) < len(shape):
        raise RuntimeError(_invalid_gradient(node, i, g._data.shape, shape))
    return sum_to(g, shape)


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
        fn = t.grad_fn if t._view is not None else t._grad_fn  # a view's may need refreshing
        root_edges.append((fn, t._output_nr) if fn is not None else (accumulate_node(t), 0))

    deps, nodes = _discover([e[0] for e in root_edges])

    # capture points: leaf input -> its AccumulateGrad; non-leaf -> (grad_fn, output_nr)
    capture_at = None
    input_nodes = None
    if inputs is not None:
        capture_at = {}
        input_nodes = []
        for i, t in enumerate(inputs):
            fn = t.grad_fn if t._view is not None else t._grad_fn
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
        if not capture:
            # backward(inputs=...): the inputs' nodes run too (their hooks fire, they free)
            execute = needed
        # dependencies only count edges between needed nodes
        deps = {}
        for node in needed:
            for nxt, _ in node.next_functions:
                if nxt is not None and nxt in needed:
                    deps[nxt] = deps.get(nxt, 0) + 1
    else:
        needed = execute = nodes

    captured = [None] * len(inputs) if capture else None
    # arrays a hook has seen or a leaf took over: no other .grad may alias them (the user's
    # own gradients are told apart by reference count, see _sole_owner)
    ext_arrays = []

    buffers = {}
    ready = []
    counter = 0
    owned = set()  # ids of buffered gradients only the engine holds (summed into in place)

    # as torch, a root runs even when no input is reached through it: its tensor hooks
    # (retain_grad) fire, then it stops (see the capture_at branch below)
    for (node, nr), g in zip(root_edges, grads):
        _deliver(buffers, node, nr, g, create_graph)
    queued = set()
    for (node, _nr) in root_edges:
        if node not in queued and deps.get(node, 0) == 0 and node in buffers:
            queued.add(node)
            heapq.heappush(ready, (-node._seq, counter, node))
            counter += 1

    if create_graph and not capture and _errors.first_time(_errors.CREATE_GRAPH_CYCLE):
        # torch warns from inside the engine (not on the user's line), once per process
        warnings.warn(_errors.CREATE_GRAPH_CYCLE, UserWarning, stacklevel=1)

    task = Task(needed, capture)
    _local.tasks.append(task)
    prev_mode = _state.enabled
    _state.enabled = create_graph
    quiet_token = quiet_enter()
    heappop, heappush = heapq.heappop, heapq.heappush
    anomaly = AnomalyState
    # a node that became ready while the queue was empty runs next without the heap (a chain's
    # common case); if another becomes ready meanwhile it goes to the heap with the counter it
    # had when it became ready, so the order is the heap's
    direct = None
    direct_count = 0
    try:
        while ready or direct is not None:
            if direct is not None:
                node = direct
                direct = None
            else:
                node = heappop(ready)[2]
            grads_out = buffers.pop(node, None)
            if grads_out is None:
                grads_out = [None] * node._nout
            elif owned:
                for g in grads_out:
                    owned.discard(id(g))
            if node.__class__ is AccumulateGrad:
                _run_accumulate(node, grads_out[0], capture_at, captured, accumulate and not capture,
                                create_graph, ext_arrays)
                continue
            if capture_at is not None or node._extra is not None:
                executes = node in execute
                if captured is not None and executes:
                    _capture(node, grads_out, capture_at, captured)  # as torch: before the hooks
                if node._tensor_hooks or node._retain_hooks:
                    grads_out = _tensor_hooks(node, grads_out, ext_arrays)
                if not executes:
                    if captured is not None:
                        _capture(node, grads_out, capture_at, captured)
                    continue  # a capture point that leads to no other input
                if node._pre_hooks:
                    grads_out = _node_pre_hooks(node, grads_out, ext_arrays)
            op = node._op
            if node._nout == 1 and op.custom_apply is None and not op.variadic \
                    and not anomaly.enabled:
                # the common case, inline (_apply is the general form)
                g = grads_out[0]
                next_functions = node.next_functions
                grad_inputs = [None] * len(next_functions)
                if g is not None:
                    if node._released:
                        raise RuntimeError(_errors.BACKWARD_TWICE)
                    saved = node._saved
                    if saved:
                        # as torch: every saved value is unpacked (its version checked) first
                        values = {}
                        for n in op.unpack_order:
                            if n in saved:
                                v = saved[n]
                                c = v.__class__
                                if c is SavedInput and v.tensor._vc[0] == v.version:
                                    values[n] = v.tensor
                                elif c is float or c is int:  # a number saved as given
                                    values[n] = v
                                elif c is SavedOutput and v.vc[0] == v.version:
                                    values[n] = v.output(node)
                                else:
                                    values[n] = _unpack(saved, node, n)
                    rules = op.rules
                    needs = op.needs
                    in_meta = node._in_meta
                    seq = op.rule_seq
                    leaf_shapes = False  # a leaf's gradient to bring to its shape (seq order)
                    for i in seq or range(len(next_functions)):  # see Op.rule_seq
                        nxt = next_functions[i][0]
                        rule = rules[i]
                        m = in_meta[i]
                        if nxt is None or rule is None or m is None or (
                                needed is not nodes and nxt not in needed):
                            continue
                        names = needs[i]
                        gi = rule(g, *[values[n] for n in names]) if names else rule(g)
                        if gi is not None:
                            if gi._data.shape != m[0] or gi._dtype is not m[1]:
                                gi = _reduce(gi, m, node, i)
                            if nxt.__class__ is AccumulateGrad and \
                                    gi._data.shape != nxt._in_meta[0][0]:
                                if seq is None:
                                    gi = _to_leaf(gi, node, i, nxt)
                                else:
                                    leaf_shapes = True
                            grad_inputs[i] = gi
                    if leaf_shapes:
                        # as torch: the leaves' shapes are checked after all rules, in input order
                        for i, (nxt, _nr) in enumerate(next_functions):
                            gi = grad_inputs[i]
                            if gi is not None and nxt.__class__ is AccumulateGrad and \
                                    gi._data.shape != nxt._in_meta[0][0]:
                                grad_inputs[i] = _to_leaf(gi, node, i, nxt)
                    # drop the locals' references: they must not keep this node's saved
                    # values or last gradient alive while later nodes run (peak memory)
                    values = gi = v = None
            elif anomaly.enabled:
                grad_inputs = _apply_with_anomaly(node, grads_out, needed, retain_graph)
            else:
                grad_inputs = _apply(node, grads_out, needed, retain_graph)
            if node._extra is not None and node._extra.post:
                grad_inputs = _node_post_hooks(node, grad_inputs, grads_out, ext_arrays)
            if not retain_graph and node._saved:
                release_saved(node)
            for (nxt, nr), g in zip(node.next_functions, grad_inputs):
                if nxt is None or (needed is not nodes and nxt not in needed):
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
                            cur, g, create_graph, owned, grads_out, grad_inputs, ext_arrays)
                left = deps[nxt] - 1
                deps[nxt] = left
                if left == 0:
                    if direct is None and not ready:
                        direct = nxt
                        direct_count = counter
                    else:
                        heappush(ready, (-nxt._seq, counter, nxt))
                    counter += 1
            if direct is not None and ready:
                heappush(ready, (-direct._seq, direct_count, direct))
                direct = None
            # (the gradients are in the buffers now: no local may count as a reference to them
            # when a leaf decides whether it may take one over, see _sole_owner)
            grad_inputs = grads_out = g = cur = None
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


def _sum_grads(a, b, create_graph, owned=None, grads_out=(), grad_inputs=(), exposed=()):
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
        if _exclusive(b, grads_out, grad_inputs, exposed) and b._data.shape == a._data.shape:
            np.add(b._data, a._data, out=b._data)
            owned.add(id(b))
            return b
    r = np.add(a._data, b._data)
    if r.__class__ is not np.ndarray:  # 0-d operands give a NumPy scalar
        r = np.asarray(r)
    r = make(r, a._dtype)
    if owned is not None:
        owned.add(id(r))
    return r


def _exclusive(g, grads_out, grad_inputs, exposed):
    """g was computed by the current node, owns its memory, goes to one edge only, and no
    user code (a hook) has seen it."""
    data = g._data
    if data.base is not None or not data.flags.writeable or not data.flags.c_contiguous:
        return False
    for x in exposed:
        if x is data:
            return False
    for x in grads_out:
        if x is g:
            return False
    n = 0
    for x in grad_inputs:
        if x is g:
            n += 1
    return n == 1


def _hook_name(hook):
    name = getattr(hook, "__name__", None)
    return name if isinstance(name, str) else "<unknown>"


def _check_single(hook, original, result):
    """torch's checks on a gradient a hook returned in place of ``original``."""
    if result is None:
        return None
    if original is None:
        raise RuntimeError("can't replace a None gradient with a non-None value")
    if not isinstance(result, Tensor):
        raise TypeError(f"expected Variable, but hook returned '{type(result).__name__}'")
    if result._dtype is not original._dtype:
        from .._dispatch import legacy_type_name
        raise RuntimeError(f"hook '{_hook_name(hook)}' has changed the type of value (was "
                           f"{legacy_type_name(original._dtype)} got "
                           f"{legacy_type_name(result._dtype)})")
    if result._data.shape != original._data.shape:
        raise RuntimeError(f"hook '{_hook_name(hook)}' has changed the size of value")
    return result


def _check_tuple(hook, prev, result):
    """torch's checks on the tuple a Node hook returned in place of ``prev``."""
    if not isinstance(result, tuple):
        raise TypeError(f"expected tuple, but hook returned '{type(result).__name__}'")
    if len(result) != len(prev):
        raise RuntimeError(f"hook '{_hook_name(hook)}' has returned an incorrect number of values "
                           f"(got {len(result)}, but expected {len(prev)})")
    for p, r in zip(prev, result):
        _check_single(hook, p, r)
    return list(result)


def _expose(exposed, grads):
    """Gradients user code has seen: the user may keep them, so .grad must not alias them."""
    for g in grads:
        if g is not None:
            exposed.append(g._data)


def _call_tensor_hooks(hooks, g, exposed):
    for hook in list(hooks.values()):
        if g is not None:
            exposed.append(g._data)
        res = hook(g)
        if res is not None:
            g = _check_single(hook, g, res)
            exposed.append(g._data)
    return g


def _tensor_hooks(node, grads_out, exposed):
    """Tensor hooks (called with None for an output without gradient, as torch), then retain_grad."""
    th = node._tensor_hooks
    if th:
        for nr, store in th.items():
            if store:
                grads_out[nr] = _call_tensor_hooks(store, grads_out[nr], exposed)
    rh = node._retain_hooks
    if rh:
        for nr, ref in rh.items():
            t = ref()
            g = grads_out[nr]
            if t is None or g is None:
                continue
            _retain(t, g)
    return grads_out


def _capture(node, grads_out, capture_at, captured):
    """grad(): keep the gradient of the inputs whose edge is (node, nr)."""
    for nr in range(node._nout):
        idx = capture_at.get((node, nr))
        g = grads_out[nr]
        if not idx or g is None:
            continue
        for i in idx:
            captured[i] = g if captured[i] is None else captured[i] + g


def _node_pre_hooks(node, grads_out, exposed):
    for hook in list(node._pre_hooks.values()):
        _expose(exposed, grads_out)
        res = hook(tuple(grads_out))
        if res is not None:
            grads_out = _check_tuple(hook, tuple(grads_out), res)
            _expose(exposed, grads_out)
    return grads_out


def _node_post_hooks(node, grad_inputs, grads_out, exposed):
    for hook in list(node._post_hooks.values()):
        _expose(exposed, grad_inputs)
        _expose(exposed, grads_out)
        res = hook(tuple(grad_inputs), tuple(grads_out))
        if res is not None:
            grad_inputs = _check_tuple(hook, tuple(grad_inputs), res)
            _expose(exposed, grad_inputs)
    return grad_inputs


def _retain(t, g):
    meta = t._meta
    if meta.grad is None:
        meta.grad = make(np.array(g._data, copy=True), g._dtype) if not _state.enabled else g.clone()
    elif _state.enabled:
        meta.grad = meta.grad + g
    else:
        meta.grad = make(np.asarray(meta.grad._data + g._data), g._dtype)


def _apply(node, grads_out, needed, retain_graph):
    """Run the node's derivative rules: one gradient per input edge.

    Without any gradient a node gives none, except a custom Function, whose backward
    runs (with materialized zeros, as in torch)."""
    op = node._op
    if node._nout == 1:
        g = grads_out[0]
        if g is None and not hasattr(op, "fn_cls"):
            return [None] * len(node.next_functions)
    else:
        if all(g is None for g in grads_out) and not hasattr(op, "fn_cls"):
            return [None] * len(node.next_functions)
        g = tuple(grads_out)
    if node._released:
        raise RuntimeError(_errors.BACKWARD_TWICE)
    return input_grads(node, g, lambda i, nxt: nxt is not None and nxt in needed)


def _unpack(saved, node, name):
    v = saved[name]
    c = v.__class__
    if c is SavedInput:
        t = v.tensor
        if t._vc[0] == v.version:
            return t
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
        result = [None if gi is None or m is None else _reduce(gi, m, node, i)
                  for i, (gi, m) in enumerate(zip(grads, node._in_meta))]
    elif op.variadic:
        args = [unpack_saved(node, n) for n in op.needs[0]]
        grads = op.rules[0](g, *args)
        result = [None if (gi is None or not want(i, nxt)) else _reduce(gi, m, node, i)
                  for i, (gi, (nxt, _), m) in enumerate(zip(grads, node.next_functions, node._in_meta))]
    else:
        # as torch, every saved value is unpacked (and its version checked) before the rules
        # run, even those only the gradients not wanted here would read
        saved = node._saved
        if saved:
            values = {n: _unpack(saved, node, n) for n in op.unpack_order if n in saved}
        next_functions = node.next_functions
        result = [None] * len(next_functions)
        rules = op.rules
        needs = op.needs
        for i in op.rule_seq or range(len(next_functions)):  # torch's order (see Op.rule_seq)
            nxt = next_functions[i][0]
            rule = rules[i]
            m = node._in_meta[i]
            if rule is None or m is None or not want(i, nxt):
                continue
            names = needs[i]
            gi = rule(g, *[values[n] for n in names]) if names else rule(g)
            if gi is not None and (gi._data.shape != m[0] or gi._dtype is not m[1]):
                gi = _reduce(gi, m, node, i)
            result[i] = gi
    for i, (nxt, _nr) in enumerate(node.next_functions):
        if type(nxt) is AccumulateGrad and result[i] is not None:
            result[i] = _to_leaf(result[i], node, i, nxt)
    return result


def _run_accumulate(node, g, capture_at, captured, accumulate, create_graph, ext_arrays):
    """A leaf's AccumulateGrad: its tensor hooks, then capture (grad()) or accumulation."""
    t = node.variable
    meta = t._meta
    if meta is not None and meta.hooks:
        g = _call_tensor_hooks(meta.hooks, g, ext_arrays)
    if capture_at is not None:
        idx = capture_at.get((node, 0))
        if captured is not None:
            # grad(): the leaf is only captured; its node does not run
            if idx and g is not None:
                for i in idx:
                    captured[i] = g if captured[i] is None else captured[i] + g
            return
        if not idx:
            return
    if node._pre_hooks:
        g = _node_pre_hooks(node, [g], ext_arrays)[0]
    if accumulate:
        if g is not None and t._requires_grad:
            _accumulate_into(t, g, create_graph, ext_arrays)
        # torch calls these even when no gradient arrived
        if meta is not None and meta.post_acc_hooks:
            for hook in list(meta.post_acc_hooks.values()):
                hook(t)
    if node._post_hooks:
        _node_post_hooks(node, [], [g], ext_arrays)


def _dense(a):
    """Non-overlapping and dense: the elements fill one block, whatever the order of the dims."""
    expected = a.itemsize
    for st, n in sorted((abs(st), n) for st, n in zip(a.strides, a.shape) if n != 1):
        if st != expected:
            return False
        expected *= n
    return True


def _obeys_layout(data, var):
    """torch's gradient layout contract: a dense leaf's .grad has the leaf's strides,
    any other leaf's .grad is contiguous."""
    if _dense(var):
        for n, gs, vs in zip(data.shape, data.strides, var.strides):
            if (n != 1 and gs != vs) or (n == 1 and gs == 0):
                return False
        return True
    return data.flags.c_contiguous


def _layout_like(var, dtype):
    """An empty array laid out as .grad of ``var`` must be."""
    if var.flags.c_contiguous and 1 not in var.shape:  # (size-1 dims may have any stride)
        return np.empty(var.shape, dtype)
    if _dense(var):
        return np.empty_like(var, dtype=dtype, order="K")
    return np.empty(var.shape, dtype)


def _sole_owner(g):
    """No user-visible reference to gradient ``g`` exists: the engine's are all (torch's
    AccumulateGrad rule, on the tensor's use count, whatever shares its memory).  Then .grad
    may take g over without a copy (a transposed or reshaped gradient too: mm's, sum_to's);
    a tensor a custom backward returned that the user still holds is copied."""
    # the engine's references: the node's input buffer, the parameters of _run_accumulate,
    # _accumulate_into and this function, and getrefcount's argument
    return _getrefcount(g) <= 5


def _accumulate_into(t, g, create_graph, ext_arrays):
    meta = t._meta
    if meta is None:
        meta = t._meta = AutogradMeta()
    old = meta.grad
    if old is None:
        if create_graph:
            # torch copies into a new tensor laid out as the leaf; under create_graph the copy
            # is recorded (CopyBackwards), so .grad refers back to the parameter
            meta.grad = make(_layout_like(t._data, g._dtype.np), g._dtype).copy_(g)
            return
        data = g._data
        var = t._data
        # (an empty gradient is copied: torchlite does not track the strides torch gives empty
        # views, which decide whether torch takes one over)
        if not _sole_owner(g) or not data.flags.writeable or not data.size or (
                # (the same strides as a C-contiguous leaf's, none 0: the layout .grad needs)
                not (data.strides == var.strides and var.flags.c_contiguous and 0 not in var.strides)
                and not _obeys_layout(data, var)) \
                or (ext_arrays and any(np.may_share_memory(data, e) for e in ext_arrays)):
            # the gradient's memory is held elsewhere (another tensor's, the user's, a hook's)
            # or laid out otherwise: .grad gets a copy
            out = _layout_like(t._data, data.dtype)
            np.copyto(out, data)
            data = out
        else:
            # stolen: another leaf handed the same gradient (x0 + x1) must copy it
            ext_arrays.append(data)
            # as torch's g.detach(): the version counter stays shared (with the user's tensor
            # when g is a view of it)
            grad = meta.grad = make(data, g._dtype)
            if g._vc is not None:
                grad._vc = g._vc
            return
        meta.grad = make(data, g._dtype)
        return
    if create_graph:
        meta.grad = old + g
        return
    # in place (under no grad), so that references to .grad see the update, as in torch
    if not old._data.flags.writeable:
        meta.grad = make(np.asarray(old._data + g._data), old._dtype)
        return
    np.add(old._data, g._data, out=old._data, casting="unsafe")
    if old._vc is not None:
        old._vc[0] += 1
