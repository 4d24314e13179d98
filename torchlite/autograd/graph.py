"""Graph nodes (what ``tensor.grad_fn`` returns) and their hooks.

Every recorded op makes one ``Node``.  Its class is named after torch's
backward function (``MulBackward0``), so ``repr``, ``type()`` and ``name()``
read as in torch.  A node knows its op (the table row with the derivative
rules), the edges to the nodes of its inputs (``next_functions``), what the
rules need (saved values), and the shape/dtype of each input, which the
engine uses to reduce and cast gradients.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections import OrderedDict

__all__ = ["Node", "saved_tensors_hooks", "save_on_cpu", "disable_saved_tensors_hooks",
           "register_multi_grad_hook", "increment_version"]

_seq = itertools.count()


class RemovableHandle:
    """What register_hook returns: ``handle.remove()`` unregisters the hook."""

    __slots__ = ("_store", "id", "__weakref__")
    _next_id = itertools.count()

    def __init__(self, store):
        self._store = weakref.ref(store)
        self.id = next(RemovableHandle._next_id)

    def remove(self):
        store = self._store()
        if store is not None:
            store.pop(self.id, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


RemovableHandle.__module__ = "torch.utils.hooks"


def add_hook(store, fn):
    handle = RemovableHandle(store)
    store[handle.id] = fn
    return handle


class _NodeExtra:
    """A node's hooks (pre, post, tensor: per output, retain: retain_grad per output) and
    metadata."""

    __slots__ = ("pre", "post", "tensor", "retain", "metadata")

    def __init__(self):
        self.pre = self.post = self.tensor = self.retain = self.metadata = None


class _HookDict(OrderedDict):
    """An ordered dict that can be weakly referenced (for RemovableHandle)."""


class Node:
    """Base of every grad_fn class."""

    # Filled by the ops that create nodes; see _dispatch.record.  What few nodes have (hooks,
    # metadata) lives in ``_extra`` (None until needed): a node costs fewer stores to record.
    __slots__ = ("_op", "_seq", "next_functions", "_saved", "_in_meta", "_released", "_nout",
                 "_extra", "__weakref__")

    _torch_name = "Node"

    def _extras(self):
        e = self._extra
        if e is None:
            e = self._extra = _NodeExtra()
        return e

    # a node with hooks (or metadata) takes the engine's slow path
    _hooked = property(lambda self: self._extra is not None)
    _pre_hooks = property(lambda self: None if self._extra is None else self._extra.pre)
    _post_hooks = property(lambda self: None if self._extra is None else self._extra.post)
    _tensor_hooks = property(lambda self: None if self._extra is None else self._extra.tensor)
    _retain_hooks = property(lambda self: None if self._extra is None else self._extra.retain)
    _metadata = property(lambda self: None if self._extra is None else self._extra.metadata)

    def name(self):
        return self._torch_name

    def __repr__(self):
        return f"<{type(self).__name__} object at {id(self):#x}>"

    @property
    def metadata(self):
        e = self._extras()
        if e.metadata is None:
            e.metadata = {}
        return e.metadata

    @property
    def requires_grad(self):
        return True

    def _sequence_nr(self):
        return self._seq

    def register_hook(self, fn):
        """fn(grad_inputs, grad_outputs) runs after the node computes its gradients."""
        e = self._extras()
        if e.post is None:
            e.post = _HookDict()
        return add_hook(e.post, fn)

    def register_prehook(self, fn):
        """fn(grad_outputs) runs before the node computes its gradients."""
        e = self._extras()
        if e.pre is None:
            e.pre = _HookDict()
        return add_hook(e.pre, fn)

    def _tensor_hook_store(self, output_nr):
        e = self._extras()
        if e.tensor is None:
            e.tensor = {}
        store = e.tensor.get(output_nr)
        if store is None:
            store = e.tensor[output_nr] = _HookDict()
        return store

    def __getattr__(self, attr):
        # _saved_<name> shows what the node saved, with torch's names
        if attr.startswith("_saved_"):
            key = attr[7:]
            op = object.__getattribute__(self, "_op")
            saved = object.__getattribute__(self, "_saved")
            if op is not None and key in getattr(op, "saved_names", ()):
                if saved is None or key not in saved:
                    return None  # torch shows None for what this node did not need
                return self._unpack(key)
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{attr}'")

    def __dir__(self):
        names = set(object.__dir__(self))
        op = self._op
        names.update("_saved_" + n for n in getattr(op, "saved_names", ()))
        return sorted(names)

    def _unpack(self, key):
        from .._dispatch import unpack_saved, present_saved
        return present_saved(self, key, unpack_saved(self, key))


Node.__module__ = "torch.autograd.graph"

_node_classes = {}
# nodes implemented in torch's C++ autograd namespace report a qualified name()
_QUALIFIED_NAMES = {n: "torch::autograd::" + n for n in ("CopySlices", "CopyBackwards", "Error",
                                                          "AccumulateGrad", "NotImplemented",
                                                          "DelayedError")}


def node_class(name):
    """The grad_fn class called ``name`` (one class per name, created on first use)."""
    cls = _node_classes.get(name)
    if cls is None:
        cls = type(name, (Node,), {"__slots__": (), "__module__": "builtins",
                                   "_torch_name": _QUALIFIED_NAMES.get(name, name)})
        _node_classes[name] = cls
    return cls


class AnomalyState:
    """Anomaly detection flags (set by torch.autograd.set_detect_anomaly)."""

    enabled = False
    check_nan = True


def new_node(cls, op):
    node = object.__new__(cls)
    node._op = op
    node._seq = next(_seq)
    node._saved = None
    node._in_meta = None
    node._released = False
    node._extra = None
    node._nout = 1
    if AnomalyState.enabled:
        import traceback
        node._extras().metadata = {"traceback_": traceback.format_stack()[:-3]}
    return node


class AccumulateGrad(Node):
    """The node of a leaf that requires grad: it adds the gradient into ``.grad``."""

    __slots__ = ("variable",)
    _torch_name = "torch::autograd::AccumulateGrad"


AccumulateGrad.__module__ = "builtins"
ACC_SEQ = 2 ** 64 - 1  # torch runs accumulators as soon as they are ready


def accumulate_node(t):
    """The (cached) AccumulateGrad node of leaf ``t``."""
    meta = t._meta
    ref = meta.grad_acc
    if ref is not None:
        node = ref()
        # as torch, a new dtype (``x.data = other``) makes a new accumulator; a new shape does not
        if node is not None and node._in_meta[0][1] is t._dtype:
            return node
    node = object.__new__(AccumulateGrad)
    node._op = None
    node._seq = ACC_SEQ
    node.next_functions = ()
    node._saved = None
    node._in_meta = [(t._data.shape, t._dtype)]  # what gradients are checked against
    node._released = False
    node._extra = None
    node._nout = 1
    node.variable = t
    meta.grad_acc = weakref.ref(node)
    return node


# --- saved tensor hooks --------------------------------------------------------

class _SavedHooksState(threading.local):
    """Per thread, as in torch: the installed (pack, unpack) pairs and the disabling message."""

    def __init__(self):
        self.stack = []
        self.disabled_message = None


_saved_hooks = _SavedHooksState()
# saved_tensors_hooks blocks open in any thread, plus 1 while anomaly mode is on: a global read is
# cheaper than the thread-local stack, so the recording fast path checks this alone and leaves
# the per-thread check to the slow one
HOOKS_ACTIVE = [0]


def set_anomaly_enabled(flag):
    """Turn anomaly mode on or off (its nodes record the forward traceback: the slow path)."""
    flag = bool(flag)
    if flag != AnomalyState.enabled:
        HOOKS_ACTIVE[0] += 1 if flag else -1
        AnomalyState.enabled = flag


class saved_tensors_hooks:
    """Pack/unpack hooks applied to tensors saved for backward inside the block."""

    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook

    def __enter__(self):
        if _saved_hooks.disabled_message is not None:
            raise RuntimeError(_saved_hooks.disabled_message)
        _saved_hooks.stack.append((self.pack_hook, self.unpack_hook))
        HOOKS_ACTIVE[0] += 1
        return self

    def __exit__(self, *exc):
        _saved_hooks.stack.pop()
        HOOKS_ACTIVE[0] -= 1


class disable_saved_tensors_hooks:
    """Inside the block, installing saved_tensors_hooks raises with ``error_message``."""

    def __init__(self, error_message):
        self.error_message = error_message
        self.prev = None

    def __enter__(self):
        self.prev = _saved_hooks.disabled_message
        _saved_hooks.disabled_message = self.error_message
        return self

    def __exit__(self, *exc):
        _saved_hooks.disabled_message = self.prev


class save_on_cpu(saved_tensors_hooks):
    """Saved tensors are kept on the CPU: where torchlite keeps everything already."""

    def __init__(self, pin_memory=False, device_type="cuda"):
        def pack(tensor):
            return (tensor.device, tensor.cpu())

        def unpack(packed):
            return packed[1]
        super().__init__(pack, unpack)


def increment_version(tensor):
    """Bump the version counter of a tensor (or of each of several) modified behind autograd."""
    from .._tensor import Tensor
    for t in (tensor,) if isinstance(tensor, Tensor) else tensor:
        if t._vc is not None:
            t._vc[0] += 1


saved_tensors_hooks.__module__ = disable_saved_tensors_hooks.__module__ = "torch.autograd.graph"
save_on_cpu.__module__ = "torch.autograd.graph"


def current_saved_hooks():
    stack = _saved_hooks.stack
    return stack[-1] if stack else None


# --- multi grad hooks ----------------------------------------------------------

class _MultiHandle:
    __slots__ = ("handles",)

    def __init__(self, handles):
        self.handles = handles

    def remove(self):
        for h in self.handles:
            h.remove()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


_MultiHandle.__module__ = "torch.autograd.graph"


def _grad_fn_or_grad_acc(t):
    if t.requires_grad and t.grad_fn is None:
        node = accumulate_node(t)
    else:
        node = t.grad_fn
    if node is None:
        raise AssertionError("Expected gradient function to be set")
    return node


def register_multi_grad_hook(tensors, fn, *, mode="all"):
    """Call fn once per backward: with every gradient once those of all tensors that the
    backward reaches are computed (mode="all"), or with the first one computed (mode="any")."""
    if mode not in ("all", "any"):
        raise ValueError(f"Expects mode to be one of ('all', 'any') but got {mode}")
    from . import engine
    tensors = tuple(tensors)
    if mode == "any":
        ran = weakref.WeakSet()  # the backward calls (tasks) in which fn ran

        def hook(grad):
            task = engine.current_task()
            if task in ran:
                return
            ran.add(task)
            fn(grad)
        return _MultiHandle(tuple(t.register_hook(hook) for t in tensors if t.requires_grad))

    count = len(tensors)
    nodes = [_grad_fn_or_grad_acc(t) for t in tensors]
    state = weakref.WeakKeyDictionary()  # task -> [calls so far, calls expected, grads]

    def make(i):
        def hook(grad):
            task = engine.current_task()
            entry = state.get(task)
            if entry is None:
                expected = sum(1 for n in nodes if engine.will_execute_node(n))
                entry = state[task] = [0, expected, [None] * count]
            entry[0] += 1
            entry[2][i] = grad
            if entry[0] == entry[1]:
                fn(entry[2])
                del state[task]
        return hook

    return _MultiHandle(tuple(t.register_hook(make(i)) for i, t in enumerate(tensors)))
