"""torch.autograd: backward() and grad(), with torch's signatures and argument checks."""

from __future__ import annotations

from .. import _errors
from .grad_mode import (no_grad, enable_grad, set_grad_enabled, is_grad_enabled,  # noqa: F401
                        inference_mode)
from . import grad_mode, graph  # noqa: F401

__all__ = ["backward", "grad", "Function", "Variable", "no_grad", "enable_grad",
           "set_grad_enabled", "inference_mode", "gradcheck", "gradgradcheck",
           "set_detect_anomaly", "detect_anomaly", "functional", "graph"]


def _tensor_cls():
    from .._tensor import Tensor
    return Tensor


def _as_tuple(x):
    Tensor = _tensor_cls()
    if isinstance(x, Tensor):
        return (x,)
    if isinstance(x, (list, tuple)):
        return tuple(x)
    return tuple(x)


def _make_grads(outputs, grads, is_grads_batched=False):
    """Check or create the gradient of each output (ones for a scalar output)."""
    Tensor = _tensor_cls()
    from .. import _factory
    new = []
    for i, (out, g) in enumerate(zip(outputs, grads)):
        if isinstance(g, Tensor):
            gshape = g._data.shape[1:] if is_grads_batched else g._data.shape
            if gshape != out._data.shape:
                from .._tensor import Size
                if is_grads_batched:
                    raise RuntimeError(
                        "If `is_grads_batched=True`, we interpret the first dimension of each "
                        "grad_output as the batch dimension. The sizes of the remaining dimensions "
                        f"are expected to match the shape of corresponding output, but a mismatch "
                        f"was detected: grad_output[{i}] has a shape of {Size(g._data.shape)} and "
                        f"output[{i}] has a shape of {Size(out._data.shape)}. If you only want "
                        "some tensors in `grad_output` to be considered batched, consider using "
                        "vmap.")
                raise RuntimeError(_errors.grad_shape_mismatch(i, Size(gshape), Size(out._data.shape)))
            if g._dtype.is_floating_point != out._dtype.is_floating_point and \
                    out._dtype.is_floating_point and g._dtype.category == 0:
                raise RuntimeError(f"For complex Tensors, both grad_output and output are required "
                                   f"to have the same dtype. Mismatch in dtype: grad_output[{i}] "
                                   f"has a dtype of {g._dtype} and output[{i}] has a dtype of "
                                   f"{out._dtype}.")
            new.append(g)
        elif g is None:
            if out._requires_grad:
                if out._data.size != 1:
                    raise RuntimeError(_errors.IMPLICIT_SCALAR)
                new.append(_factory.ones_like(out, memory_format=None))
            else:
                new.append(None)
        else:
            raise TypeError(f"gradients can be either Tensors or None, but got {type(g).__name__}")
    return new


def _check_roots(tensors):
    for i, t in enumerate(tensors):
        if not t._requires_grad:
            raise RuntimeError(_errors.no_grad_element(i))


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False,
             grad_variables=None, inputs=None):
    """Accumulate into ``.grad`` of the leaves the gradients of ``tensors``."""
    if grad_variables is not None:
        _errors.warn("`grad_variables` is deprecated. Use `grad_tensors` instead.", FutureWarning)
        if grad_tensors is None:
            grad_tensors = grad_variables
        else:
            raise RuntimeError("`grad_tensors` and `grad_variables` (deprecated) arguments both "
                               "passed to `backward()`. Please only use `grad_tensors`.")
    if inputs is not None and len(_as_tuple(inputs)) == 0:
        raise RuntimeError("`inputs` argument to `backward()` cannot be empty.")
    Tensor = _tensor_cls()
    tensors = (tensors,) if isinstance(tensors, Tensor) else tuple(tensors)
    inputs = None if inputs is None else _as_tuple(inputs)
    if grad_tensors is None:
        grad_tensors = [None] * len(tensors)
    elif isinstance(grad_tensors, Tensor):
        grad_tensors = [grad_tensors]
    else:
        grad_tensors = list(grad_tensors)
    if len(grad_tensors) != len(tensors):
        raise RuntimeError(f"got {len(tensors)} tensors and {len(grad_tensors)} gradients")
    grads = _make_grads(tensors, grad_tensors)
    if retain_graph is None:
        retain_graph = create_graph
    _check_roots(tensors)
    roots, rgrads = _roots(tensors, grads)
    from . import engine
    engine.run_backward(roots, rgrads, retain_graph, create_graph, inputs=inputs)


def _roots(tensors, grads):
    roots, rgrads = [], []
    for t, g in zip(tensors, grads):
        if g is None:
            continue
        if g._dtype is not t._dtype:
            g = g.to(t._dtype)
        roots.append(t)
        rgrads.append(g)
    return roots, rgrads


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         only_inputs=True, allow_unused=None, is_grads_batched=False, materialize_grads=False):
    """The gradients of ``outputs`` with respect to ``inputs``, without touching ``.grad``."""
    if materialize_grads and allow_unused is False:
        raise ValueError("Expected allow_unused to be True or not passed when materialize_grads=True, "
                         "but got: allow_unused=False.")
    if allow_unused is None:
        allow_unused = materialize_grads
    if not only_inputs:
        _errors.warn("only_inputs argument is deprecated and is ignored now (defaults to True). To "
                     "accumulate gradient for other parts of the graph, please use "
                     "torch.autograd.backward.", FutureWarning)
    Tensor = _tensor_cls()
    as_dict = isinstance(inputs, dict)
    keys = list(inputs.keys()) if as_dict else None
    t_outputs = (outputs,) if isinstance(outputs, Tensor) else tuple(outputs)
    t_inputs = tuple(inputs.values()) if as_dict else _as_tuple(inputs)
    if len(t_inputs) == 0:
        raise RuntimeError("`inputs` argument to `grad()` cannot be empty.")
    for t in t_inputs:
        if not t._requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
    if grad_outputs is None:
        grad_outputs = [None] * len(t_outputs)
    elif isinstance(grad_outputs, Tensor):
        grad_outputs = [grad_outputs]
    else:
        grad_outputs = list(grad_outputs)
    if len(grad_outputs) != len(t_outputs):
        raise RuntimeError(f"got {len(t_outputs)} tensors and {len(grad_outputs)} gradients")
    grads = _make_grads(t_outputs, grad_outputs, is_grads_batched)
    if retain_graph is None:
        retain_graph = create_graph
    _check_roots([t for t, g in zip(t_outputs, grads) if g is not None] if False else t_outputs)
    from . import engine
    if is_grads_batched:
        result = _batched_grad(t_outputs, t_inputs, grads, retain_graph, create_graph, allow_unused)
    else:
        roots, rgrads = _roots(t_outputs, grads)
        result = engine.run_backward(roots, rgrads, retain_graph, create_graph, inputs=t_inputs,
                                     capture=True, allow_unused=allow_unused)
    if materialize_grads:
        from .._factory import zeros_like
        result = [zeros_like(t) if g is None else g for t, g in zip(t_inputs, result)]
    result = tuple(result)
    if as_dict:
        return dict(zip(keys, result))
    return result


def _batched_grad(outputs, inputs, grads, retain_graph, create_graph, allow_unused):
    """is_grads_batched: one grad() per row of the batched grad_outputs, stacked."""
    from .._ops.shape import stack
    from . import engine
    batch = next(g._data.shape[0] for g in grads if g is not None)
    rows = []
    for b in range(batch):
        roots, rgrads = _roots(outputs, [g[b] if g is not None else None for g in grads])
        rows.append(engine.run_backward(roots, rgrads, True if b < batch - 1 else retain_graph,
                                        create_graph, inputs=inputs, capture=True,
                                        allow_unused=allow_unused))
    out = []
    for i in range(len(inputs)):
        col = [r[i] for r in rows]
        out.append(None if col[0] is None else stack(col))
    return out


_LAZY = {
    "Function": ("function", "Function"), "once_differentiable": ("function", "once_differentiable"),
    "Variable": ("variable", "Variable"), "set_detect_anomaly": ("anomaly_mode", "set_detect_anomaly"),
    "detect_anomaly": ("anomaly_mode", "detect_anomaly"), "gradcheck": ("gradcheck", "gradcheck"),
    "gradgradcheck": ("gradcheck", "gradgradcheck"), "functional": ("functional", None),
    "engine": ("engine", None), "function": ("function", None), "variable": ("variable", None),
    "anomaly_mode": ("anomaly_mode", None),
}


def __getattr__(name):
    # submodules that need the Tensor class load on first use (torchlite._tensor imports us)
    entry = _LAZY.get(name)
    if entry is None:
        raise AttributeError(f"module 'torch.autograd' has no attribute '{name}'")
    import importlib
    mod = importlib.import_module(f"{__name__}.{entry[0]}")
    value = mod if entry[1] is None else getattr(mod, entry[1])
    globals()[name] = value  # importing the submodule bound its name to the module
    return value
