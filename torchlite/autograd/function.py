"""torch.autograd.Function: user-defined ops with their own backward.

As in torch, the ``ctx`` a Function's forward receives *is* the graph node
(``y.grad_fn``): an instance of a class named ``<Function>Backward`` in the
``torch.autograd.function`` namespace.
"""

from __future__ import annotations

import functools

import numpy as np

from .. import _errors
from .._tensor import Tensor, make, make_view
from . import grad_mode
from .graph import Node, new_node

__all__ = ["Function", "FunctionCtx", "once_differentiable", "InplaceFunction"]

_state = grad_mode._state


class FunctionCtx:
    """The ctx API; mixed into every custom backward node."""

    def save_for_backward(self, *tensors):
        self._to_save = tensors

    def save_for_forward(self, *tensors):
        self._saved_for_forward = tensors

    def mark_dirty(self, *args):
        self._dirty = args

    def mark_non_differentiable(self, *args):
        self._non_differentiable = args

    def set_materialize_grads(self, value):
        self._materialize = bool(value)

    @property
    def saved_tensors(self):
        from .._dispatch import FREED
        saved = self._saved
        if not saved:
            return ()
        v = saved["tensors"]
        if v is FREED:
            raise RuntimeError(_errors.BACKWARD_TWICE)
        return tuple(None if s is None else s.unpack(self) for s in v)

    @property
    def saved_variables(self):
        return self.saved_tensors

    @property
    def needs_input_grad(self):
        return self._needs_input_grad


FunctionCtx.__module__ = "torch.autograd.function"


class _CustomOp:
    """The op object behind a custom node (the engine calls ``custom_apply``)."""

    __slots__ = ("fn_cls", "variadic", "custom_apply", "name", "needs", "rules")

    def __init__(self, fn_cls):
        self.fn_cls = fn_cls
        self.variadic = False
        self.custom_apply = _custom_apply
        self.name = fn_cls.__name__
        self.needs = ()
        self.rules = ()


_backward_classes = {}


def _backward_class(fn_cls):
    cls = _backward_classes.get(fn_cls)
    if cls is None:
        name = fn_cls.__name__ + "Backward"
        cls = type(name, (Node, FunctionCtx), {"__module__": "torch.autograd.function",
                                                "__repr__": object.__repr__, "_torch_name": name})
        cls.__qualname__ = name
        _backward_classes[fn_cls] = cls
    return cls


class FunctionMeta(type):
    def __init__(cls, name, bases, attrs):
        super().__init__(name, bases, attrs)
        cls._backward_cls = None


class Function(metaclass=FunctionMeta):
    """Subclass with static ``forward`` and ``backward``; call ``apply``."""

    def __init__(self, *args, **kwargs):
        _errors.warn(f"{self.__class__} should not be instantiated. Methods on autograd functions "
                     "are all static, so you should invoke them on the class itself. Instantiating "
                     "an autograd function will raise an error in a future version of PyTorch.",
                     DeprecationWarning)

    def __call__(self, *args, **kwargs):
        raise RuntimeError("Legacy autograd function with non-static forward method is deprecated. "
                           "Please use new-style autograd function with static forward method. "
                           "(Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")

    @staticmethod
    def forward(*args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for your "
                                  "custom autograd.Function to use it with backward mode AD.")

    vjp = backward

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError("You must implement the jvp function for custom autograd.Function "
                                  "to use it with forward mode AD.")

    @classmethod
    def apply(cls, *args, **kwargs):
        return _apply(cls, args, kwargs)


Function.__module__ = "torch.autograd.function"


class InplaceFunction(Function):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace


def _uses_setup_context(cls):
    return cls.setup_context is not Function.setup_context


def _apply(cls, args, kwargs):
    node_cls = _backward_class(cls)
    ctx = new_node(node_cls, _CustomOp(cls))
    ctx._to_save = None
    ctx._dirty = ()
    ctx._non_differentiable = ()
    ctx._materialize = True
    tensor_pos = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
    needs = tuple(isinstance(a, Tensor) and a._requires_grad for a in args)
    ctx._needs_input_grad = needs
    recording = _state.enabled and any(needs)
    with grad_mode.no_grad():
        if _uses_setup_context(cls):
            outputs = cls.forward(*args, **kwargs)
            cls.setup_context(ctx, args, outputs)
        else:
            outputs = cls.forward(ctx, *args, **kwargs)
    single = not isinstance(outputs, tuple)
    outs = (outputs,) if single else outputs
    dirty_ids = {id(t) for t in ctx._dirty}
    for t in ctx._dirty:
        if _state.enabled and t._requires_grad and t._grad_fn is None:
            raise RuntimeError("a leaf Variable that requires grad has been used in an in-place "
                               "operation.")
    nondiff_ids = {id(t) for t in ctx._non_differentiable}
    input_ids = {id(args[i]) for i in tensor_pos}
    if ctx._to_save is not None:
        for i, t in enumerate(ctx._to_save):
            if t is not None and not isinstance(t, Tensor):
                raise TypeError(f"save_for_backward can only save variables, but argument {i} is "
                                f"of type {type(t).__name__}")
    wrapped = []
    for o in outs:
        if isinstance(o, Tensor) and id(o) in input_ids and id(o) not in dirty_ids:
            # an input returned as is becomes a new view of it, as in torch
            wrapped.append(make_view(o, o._data, o._dtype, _identity))
        else:
            wrapped.append(o)
    if not recording:
        ctx._saved = None
        return outputs if not any(w is not o for w, o in zip(wrapped, outs)) else (
            wrapped[0] if single else tuple(wrapped))
    edges = []
    meta = []
    for i in tensor_pos:
        t = args[i]
        if t._requires_grad:
            from .._dispatch import _edge
            edges.append(_edge(t))
            meta.append((t._data.shape, t._dtype))
        else:
            edges.append((None, 0))
            meta.append(None)
    ctx.next_functions = tuple(edges)
    ctx._in_meta = meta
    ctx._tensor_pos = tensor_pos
    ctx._n_args = len(args)
    ctx._nout = len(outs)
    ctx._out_meta = [(o._data.shape, o._dtype) if isinstance(o, Tensor) else None for o in wrapped]
    for k, o in enumerate(wrapped):
        if not isinstance(o, Tensor):
            continue
        if id(o) in nondiff_ids or not o._dtype.is_floating_point:
            continue
        if id(o) in dirty_ids:
            from .._dispatch import bump
            bump(o)
        elif o._view is not None:
            # a view made by the forward (or an input returned as is) may not be modified in
            # place: the view+inplace logic would bypass the custom backward
            from .._dispatch import IN_CUSTOM_FUNCTION
            o._view.creation = IN_CUSTOM_FUNCTION
            o._view.multi_name = cls.__name__
            o._view.multi_nr = k
        o._grad_fn = ctx
        o._output_nr = k
        o._requires_grad = True
    if ctx._to_save is not None:
        from .._dispatch import SavedTensor
        saved = []
        out_ids = {id(o): k for k, o in enumerate(wrapped) if isinstance(o, Tensor)}
        for t in ctx._to_save:
            if t is None:
                saved.append(None)
            elif id(t) in out_ids and t._grad_fn is ctx:
                saved.append(SavedTensor(t, True, out_ids[id(t)]))
            else:
                saved.append(SavedTensor(t))
        ctx._saved = {"tensors": tuple(saved)}
    else:
        ctx._saved = {}
    ctx._to_save = None
    return wrapped[0] if single else tuple(wrapped)


def _identity(t):
    return t


def _custom_apply(node, grads_out):
    """Run the user's backward; check and route its gradients."""
    cls = node._op.fn_cls
    grads = list(grads_out)
    if node._materialize:
        for k, g in enumerate(grads):
            if g is None and node._out_meta[k] is not None:
                shape, dtype = node._out_meta[k]
                grads[k] = make(np.zeros(shape, dtype.np), dtype)
    if node._released:
        raise RuntimeError(_errors.BACKWARD_TWICE)
    result = cls.backward(node, *grads)
    if not isinstance(result, tuple):
        result = (result,)
    n_args = node._n_args
    name = type(node).__name__
    if len(result) != n_args:
        if len(result) > n_args and all(r is None for r in result[n_args:]):
            result = result[:n_args]
        else:
            raise RuntimeError(f"function {name} returned an incorrect number of gradients "
                               f"(expected {n_args}, got {len(result)})")
    tensor_pos = set(node._tensor_pos)
    for i, g in enumerate(result):
        if g is None:
            continue
        if i not in tensor_pos:
            raise RuntimeError(f"function {name} returned a gradient different than None at "
                               f"position {i + 1}, but the corresponding forward input was not a "
                               "Variable")
        if not isinstance(g, Tensor):
            raise RuntimeError(f"expected Variable or None (got {type(g).__name__})")
    out = []
    for k, i in enumerate(node._tensor_pos):
        g = result[i]
        m = node._in_meta[k]
        if g is not None and m is not None and g._data.shape != m[0]:
            from .engine import _expandable
            if not _expandable(m[0], g._data.shape):
                raise RuntimeError(f"Function {name} returned an invalid gradient at index {k} - "
                                   f"got {list(g._data.shape)} but expected shape compatible with "
                                   f"{list(m[0])}")
        out.append(g if m is not None else None)
    return out


_ONCE_MESSAGE = "trying to differentiate twice a function that was marked with @once_differentiable"


def _raise_once(grads):
    raise RuntimeError(_ONCE_MESSAGE)


# the node that stands for a backward that must not be differentiated again
_ERROR = None


def _error_op():
    global _ERROR
    if _ERROR is None:
        from .._dispatch import defop
        _ERROR = defop("error", "Error", ("tensors",), variadic=True,
                       tensors=lambda grad: _raise_once(grad))
    return _ERROR


def once_differentiable(fn):
    """The decorated backward runs without recording a graph.

    Under create_graph, its results get an ``Error`` node: differentiating
    them again raises torch's error.
    """

    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with grad_mode.no_grad():
            outputs = fn(ctx, *args)
        if not grad_mode.is_grad_enabled():
            return outputs
        if not any(isinstance(a, Tensor) and a._requires_grad for a in args):
            return outputs
        single = not isinstance(outputs, tuple)
        outs = (outputs,) if single else outputs
        from .._dispatch import record
        wrapped = tuple(make(o._data, o._dtype) if isinstance(o, Tensor) else o for o in outs)
        tensors = tuple(o for o in wrapped if isinstance(o, Tensor))
        record(_error_op(), tensors, (tensors,))
        return wrapped[0] if single else wrapped

    return wrapper
