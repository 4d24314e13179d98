"""torch.autograd: backward() and grad(), with torch's signatures and argument checks."""

from __future__ import annotations

from .. import _errors
from .grad_mode import (no_grad, enable_grad, set_grad_enabled, is_grad_enabled,  # noqa: F401
                        inference_mode, set_multithreading_enabled)
from . import grad_mode, graph  # noqa: F401

__all__ = ["backward", "grad", "Function", "Variable", "no_grad", "enable_grad",
           "set_grad_enabled", "inference_mode", "gradcheck", "gradgradcheck",
           "set_detect_anomaly", "detect_anomaly", "functional", "graph",
           "set_multithreading_enabled"]


def _tensor_cls():
    from .._tensor import Tensor
    return Tensor


def _make_grads(outputs, grads, is_grads_batched=False):
    """Check or create the gradient of each output (ones for a scalar output).

    As torch, outputs and gradients are zipped (extra ones are ignored here and
    counted by the engine), and a mismatch names the positions found by
    ``list.index`` (which compares tensors, as torch's message does).
    """
    Tensor = _tensor_cls()
    from .. import _factory
    from .._tensor import Size
    new = []
    for out, g in zip(outputs, grads):
        if isinstance(g, Tensor):
            first = g[0] if is_grads_batched else g
            if first._data.shape != out._data.shape:
                gshape = Size(first._data.shape[1:] if is_grads_batched else first._data.shape)
                if is_grads_batched:
                    raise RuntimeError(
                        "If `is_grads_batched=True`, we interpret the first dimension of each "
                        "grad_output as the batch dimension. The sizes of the remaining dimensions "
                        f"are expected to match the shape of corresponding output, but a mismatch "
                        f"was detected: grad_output[{list(grads).index(g)}] has a shape of "
                        f"{gshape} and output[{list(outputs).index(out)}] has a shape of "
                        f"{Size(out._data.shape)}. If you only want some tensors in `grad_output` "
                        "to be considered batched, consider using vmap.")
                raise RuntimeError(f"Mismatch in shape: grad_output[{list(grads).index(g)}] has a "
                                   f"shape of {gshape} and output[{list(outputs).index(out)}] has a "
                                   f"shape of {Size(out._data.shape)}.")
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


def _tensor_or_tensors_to_tuple(tensors, length):
    if tensors is None:
        return (None,) * length
    if isinstance(tensors, _tensor_cls()):
        return (tensors,)
    return tuple(tensors)


def _inputs_tuple(inputs, fn):
    """``inputs`` of backward()/grad(): a tensor, a sequence, or a dict (its values)."""
    from collections.abc import Mapping
    if isinstance(inputs, _tensor_cls()):
        return (inputs,)
    if type(inputs) is dict:
        return tuple(inputs.values())
    if isinstance(inputs, Mapping):
        raise TypeError(f"`inputs` argument to `{fn}()` must be a dict, not {type(inputs).__name__}. "
                        "Other Mapping types are not supported.")
    return tuple(inputs)


def _check_counts(tensors, grads):
    if len(tensors) != len(grads):
        raise RuntimeError(f"got {len(tensors)} tensors and {len(grads)} gradients")


def _check_roots(tensors):
    for i, t in enumerate(tensors):
        if not t.requires_grad:  # a view's flag follows its base
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
    inputs = None if inputs is None else _inputs_tuple(inputs, "backward")
    if inputs is not None and len(inputs) == 0:
        raise RuntimeError("`inputs` argument to `backward()` cannot be empty.")
    Tensor = _tensor_cls()
    tensors = (tensors,) if isinstance(tensors, Tensor) else tuple(tensors)
    grads = _make_grads(tensors, _tensor_or_tensors_to_tuple(grad_tensors, len(tensors)))
    if retain_graph is None:
        retain_graph = create_graph
    _check_counts(tensors, grads)
    _check_roots(tensors)
    if inputs is not None:
        for t in inputs:
            # torch retains the gradient of a non-leaf input: it lands in its .grad
            t.retain_grad()
            if not t._requires_grad:
                raise RuntimeError("One of the differentiated Tensors does not require grad")
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
    Tensor = _tensor_cls()
    t_outputs = (outputs,) if isinstance(outputs, Tensor) else tuple(outputs)
    t_inputs = _inputs_tuple(inputs, "grad")
    if len(t_inputs) == 0:
        raise RuntimeError("`inputs` argument to `grad()` cannot be empty.")
    if not only_inputs:
        _errors.warn("only_inputs argument is deprecated and is ignored now (defaults to True). To "
                     "accumulate gradient for other parts of the graph, please use "
                     "torch.autograd.backward.", FutureWarning)
    grads = _make_grads(t_outputs, _tensor_or_tensors_to_tuple(grad_outputs, len(t_outputs)),
                        is_grads_batched)
    if retain_graph is None:
        retain_graph = create_graph
    _check_counts(t_outputs, grads)
    _check_roots(t_outputs)
    for t in t_inputs:
        if not t.requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
    from . import engine
    if is_grads_batched:
        result = _batched_grad(t_outputs, t_inputs, grads, retain_graph, create_graph, allow_unused)
    else:
        roots, rgrads = _roots(t_outputs, grads)
        result = engine.run_backward(roots, rgrads, retain_graph, create_graph, inputs=t_inputs,
                                     capture=True, allow_unused=allow_unused)
    if materialize_grads:
        from .._factory import zeros_like
        result = [zeros_like(t, requires_grad=create_graph) if g is None else g
                  for t, g in zip(t_inputs, result)]
    result = tuple(result)
    if type(inputs) is dict:
        return dict(zip(inputs.keys(), result))
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
    # importing the submodule bound its name to the module: rebind every name it provides
    # (gradgradcheck's import must not leave `gradcheck` naming the module)
    for n, (m, attr) in _LAZY.items():
        if m == entry[0] and attr is not None:
            globals()[n] = getattr(mod, attr)
    value = mod if entry[1] is None else getattr(mod, entry[1])
    globals()[name] = value
    return value
