"""torch.autograd.functional: jacobian, hessian, vjp, jvp, hvp, vhp, built on grad().

Each function works on a tuple of inputs internally and unpacks at the end so
that a single Tensor in gives a single Tensor out, as torch does.  Forward-mode
products (jvp, hvp) use the double-backward trick: the vjp is linear in its
vector ``u``, so differentiating it with respect to ``u`` against ``v`` gives
the forward product.
"""

from __future__ import annotations

import numpy as np

from .._tensor import Tensor, make
from . import grad_mode

__all__ = ["vjp", "jvp", "jacobian", "hessian", "hvp", "vhp"]


class _Packed:
    """A tuple of tensors that remembers whether the user passed a tuple."""

    def __init__(self, value, what, fn):
        self.was_tuple = isinstance(value, tuple)
        items = value if self.was_tuple else (value,)
        for i, el in enumerate(items):
            if not isinstance(el, Tensor):
                where = f"the value at index {i} has type" if self.was_tuple else \
                    f"the given {what} has type"
                raise TypeError(f"The {what} given to {fn} must be either a Tensor or a tuple of "
                                f"Tensors but {where} {type(el)}.")
        self.items = tuple(items)

    def unpack(self, values):
        return tuple(values) if self.was_tuple else values[0]


def _zeros(t):
    return make(np.zeros(t._data.shape, t._dtype.np), t._dtype)


def _track(inputs, create_graph):
    """Fresh graph inputs: views (keeping history) when building a graph, else detached leaves."""
    return tuple(t.view_as(t) if create_graph and t.requires_grad else t.detach().requires_grad_(True)
                 for t in inputs)


def _constant(vs, create_graph):
    return tuple(v.view_as(v) if create_graph and v.requires_grad else v.detach() for v in vs)


def _finish(ts, create_graph):
    return tuple(t if create_graph else t.detach() for t in ts)


def _grad(outputs, inputs, grad_outputs=None, create_graph=False, retain_graph=None):
    """grad() over the outputs that require grad; None for inputs they don't reach."""
    from . import grad
    pairs = [(o, None if grad_outputs is None else g)
             for o, g in zip(outputs, grad_outputs or [None] * len(outputs)) if o.requires_grad]
    if not pairs:
        return (None,) * len(inputs)
    return grad([o for o, _ in pairs], inputs, [g for _, g in pairs], allow_unused=True,
                create_graph=create_graph, retain_graph=retain_graph)


def _check_v(v, against, fn):
    if len(v) != len(against.items):
        if against.was_tuple:
            raise RuntimeError(f"v is a tuple of invalid length: should be {len(against.items)} "
                               f"but got {len(v)}.")
        raise RuntimeError("The given v should contain a single Tensor.")
    for i, (a, b) in enumerate(zip(v, against.items)):
        if a.size() != b.size():
            prefix = f"Entry {i} in " if against.was_tuple else ""
            raise RuntimeError(f"{prefix}v has invalid size: should be {b.size()} but got {a.size()}.")


def _strict_outputs(outputs, strict):
    if strict:
        for i, out in enumerate(outputs):
            if not out.requires_grad:
                raise RuntimeError(f"Output {i} of the user-provided function does not require "
                                   "gradients. The outputs must be computed in a differentiable "
                                   "manner from the input when running in strict mode.")


def _or_zeros(grads, refs, strict, message):
    out = []
    for i, (g, ref) in enumerate(zip(grads, refs)):
        if g is None:
            if strict:
                raise RuntimeError(message.format(i=i))
            g = _zeros(ref)
        out.append(g)
    return tuple(out)


_INDEPENDENT = ("The output of the user-provided function is independent of input {i}. "
                "This is not allowed in strict mode.")


def _single_v(v, inputs, fn, subject):
    if v is None:
        if len(inputs.items) != 1 or inputs.items[0].nelement() != 1:
            raise RuntimeError(f"The vector v can only be None if {subject}")
        return None
    return _Packed(v, "v", fn).items


def _call(func, inputs, fn):
    return _Packed(func(*inputs), "outputs of the user-provided function", fn)


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    with grad_mode.enable_grad():
        packed = _Packed(inputs, "inputs", "vjp")
        ins = _track(packed.items, create_graph)
        outs = _call(func, ins, "vjp")
        _strict_outputs(outs.items, strict)
        if v is None:
            if len(outs.items) != 1 or outs.items[0].nelement() != 1:
                raise RuntimeError("The vector v can only be None if the user-provided function "
                                   "returns a single Tensor with a single element.")
            vs = None
        else:
            vs = _constant(_Packed(v, "v", "vjp").items, create_graph)
            _check_v(vs, outs, "vjp")
        res = _or_zeros(_grad(outs.items, ins, vs, create_graph), ins, strict, _INDEPENDENT)
    return outs.unpack(_finish(outs.items, create_graph)), packed.unpack(_finish(res, create_graph))


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    with grad_mode.enable_grad():
        packed = _Packed(inputs, "inputs", "jvp")
        ins = _track(packed.items, create_graph)
        vs = _single_v(v, packed, "jvp", "the input to the user-provided function is a single "
                                          "Tensor with a single element.")
        if vs is not None:
            vs = _constant(vs, create_graph)
            _check_v(vs, packed, "jvp")
        outs = _call(func, ins, "jvp")
        _strict_outputs(outs.items, strict)
        us = tuple(_zeros(o).requires_grad_(True) for o in outs.items)
        g = _grad(outs.items, ins, us, create_graph=True)
        res = _grad([x for x in g if x is not None], us, vs and [vv for x, vv in zip(g, vs)
                                                                   if x is not None],
                    create_graph) if any(x is not None for x in g) else (None,) * len(us)
        res = _or_zeros(res, outs.items, strict,
                        "The gradient with respect to the input is independent of entry {i} in the "
                        "grad_outputs when using the double backward trick to compute forward mode "
                        "gradients. This is not allowed in strict mode.")
    return outs.unpack(_finish(outs.items, create_graph)), outs.unpack(_finish(res, create_graph))


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False,
             strategy="reverse-mode"):
    if strategy not in ("forward-mode", "reverse-mode"):
        raise ValueError('Expected strategy to be either "forward-mode" or "reverse-mode". Hint: If '
                         'your function has more outputs than inputs, "forward-mode" tends to be '
                         'more performant. Otherwise, prefer to use "reverse-mode".')
    from .._ops.shape import stack
    with grad_mode.enable_grad():
        packed = _Packed(inputs, "inputs", "jacobian")
        ins = _track(packed.items, create_graph)
        outs = _call(func, ins, "jacobian")
        _strict_outputs(outs.items, strict)
        per_output = []
        for i, out in enumerate(outs.items):
            rows = [[] for _ in ins]
            flat = out.reshape(-1)
            for j in range(out.nelement()):
                grads = _grad((flat[j],), ins, create_graph=create_graph, retain_graph=True)
                for k, (g, inp) in enumerate(zip(grads, ins)):
                    if g is None:
                        if strict:
                            raise RuntimeError(f"Output {i} of the user-provided function is "
                                               f"independent of input {k}. This is not allowed in "
                                               "strict mode.")
                        g = _zeros(inp)
                    rows[k].append(g)
            blocks = []
            for k, inp in enumerate(ins):
                shape = tuple(out.size()) + tuple(inp.size())
                blocks.append(stack(rows[k], 0).view(shape) if rows[k] else
                              make(np.zeros(shape, inp._dtype.np), inp._dtype))
            per_output.append(packed.unpack(_finish(blocks, create_graph)))
    return outs.unpack(per_output)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False,
            outer_jacobian_strategy="reverse-mode"):
    packed = _Packed(inputs, "inputs", "hessian")

    def scalar_func(*inp):
        out = func(*inp)
        if isinstance(out, tuple) or not isinstance(out, Tensor):
            _Packed(out, "outputs of the user-provided function", "hessian")
            raise RuntimeError("The function given to hessian should return a single Tensor")
        if out.nelement() != 1:
            raise RuntimeError("The Tensor returned by the function given to hessian should contain "
                               "a single element")
        return out.squeeze()

    def gradient(*inp):
        jac = jacobian(scalar_func, tuple(t.requires_grad_(True) for t in inp), create_graph=True)
        if strict:
            for i, j in enumerate(jac if isinstance(jac, tuple) else (jac,)):
                if not j.requires_grad:
                    raise RuntimeError(
                        "While computing the hessian, found that the jacobian of the "
                        f"user-provided function with respect to input {i} is independent of the "
                        "input. This is not allowed in strict mode. You should ensure that your "
                        "function is twice differentiable and that the jacobian depends on the "
                        "inputs (this would be violated by a linear function for example).")
        return jac

    res = jacobian(gradient, packed.items, create_graph=create_graph, strict=strict,
                   strategy=outer_jacobian_strategy)
    return packed.unpack(tuple(packed.unpack(r) for r in res))


def _scalar_output(func, ins, fn):
    outs = _call(func, ins, fn)
    if outs.was_tuple:
        raise RuntimeError(f"The function given to {fn} should return a single Tensor")
    if outs.items[0].nelement() != 1:
        raise RuntimeError(f"The Tensor returned by the function given to {fn} should contain a "
                           "single element")
    return outs


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    with grad_mode.enable_grad():
        packed = _Packed(inputs, "inputs", "vhp")
        ins = _track(packed.items, create_graph)
        vs = _single_v(v, packed, "vhp", "the input to the user-provided function is a single "
                                          "Tensor with a single element.")
        if vs is not None:
            vs = _constant(vs, create_graph)
            _check_v(vs, packed, "vhp")
        outs = _scalar_output(func, ins, "vhp")
        _strict_outputs(outs.items, strict)
        first = _grad(outs.items, ins, create_graph=True)
        res = _grad([g for g in first if g is not None], ins,
                    vs and [vv for g, vv in zip(first, vs) if g is not None], create_graph) \
            if any(g is not None for g in first) else (None,) * len(ins)
        res = _or_zeros(res, ins, strict, "The jacobian of the user-provided function is "
                                          "independent of input {i}. This is not allowed in strict mode.")
    return outs.unpack(_finish(outs.items, create_graph)), packed.unpack(_finish(res, create_graph))


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    with grad_mode.enable_grad():
        packed = _Packed(inputs, "inputs", "hvp")
        ins = _track(packed.items, create_graph)
        vs = _single_v(v, packed, "hvp", "the input to the user-provided function is a single "
                                          "Tensor with a single element.")
        if vs is not None:
            vs = _constant(vs, create_graph)
            _check_v(vs, packed, "hvp")
        outs = _scalar_output(func, ins, "hvp")
        _strict_outputs(outs.items, strict)
        first = _grad(outs.items, ins, create_graph=True)
        us = tuple(_zeros(t).requires_grad_(True) for t in ins)
        kept = [(g, u) for g, u in zip(first, us) if g is not None]
        second = _grad([g for g, _ in kept], ins, [u for _, u in kept], create_graph=True) \
            if kept else (None,) * len(ins)
        kept2 = [(s, vv) for s, vv in zip(second, vs or [None] * len(ins)) if s is not None]
        res = _grad([s for s, _ in kept2], us, vs and [vv for _, vv in kept2], create_graph) \
            if kept2 else (None,) * len(us)
        res = _or_zeros(res, ins, strict, "The hessian of the user-provided function is "
                                          "independent of entry {i} in the grad_jacobian. This is "
                                          "not allowed in strict mode as it prevents from using the "
                                          "double backward trick to replace forward mode AD.")
    return outs.unpack(_finish(outs.items, create_graph)), packed.unpack(_finish(res, create_graph))
