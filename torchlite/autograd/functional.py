"""torch.autograd.functional: jacobian, hessian, vjp, jvp, hvp, vhp, built on grad().

Each function works on tuples internally and unpacks at the end, so that a
single Tensor in gives a single Tensor out, as torch does.  Forward products
(jvp, hvp) use the double-backward trick: a vjp is linear in its vector ``u``,
so differentiating it with respect to ``u`` against ``v`` gives the forward
product.  The order of the checks, the grad modes and the messages are
torch's.
"""

from __future__ import annotations

from .._tensor import Tensor
from . import grad_mode

__all__ = ["vjp", "jvp", "jacobian", "hessian", "hvp", "vhp"]


def _pack(value, what, fn):
    """(was it a tuple, the tuple of tensors); torch's TypeError for anything else."""
    was_tuple = isinstance(value, tuple)
    items = value if was_tuple else (value,)
    for i, el in enumerate(items):
        if not isinstance(el, Tensor):
            where = f"value at index {i}" if was_tuple else f"given {what}"
            raise TypeError(f"The {what} given to {fn} must be either a Tensor or a tuple of "
                            f"Tensors but the {where} has type {type(el)}.")
    return was_tuple, tuple(items)


def _unpack(values, was_tuple):
    return tuple(values) if was_tuple else values[0]


def _prepare(tensors, create_graph, need_graph):
    """Differentiable views of the tensors when building a graph, else detached leaves."""
    return tuple(t.view_as(t) if create_graph and t.requires_grad
                 else t.detach().requires_grad_(need_graph) for t in tensors)


def _finish(values, create_graph):
    if values and not isinstance(values[0], Tensor):
        return tuple(_finish(v, create_graph) for v in values)
    return tuple(values) if create_graph else tuple(v.detach() for v in values)


def _check_v(v, other, other_was_tuple):
    if len(v) != len(other):
        if other_was_tuple:
            raise RuntimeError(f"v is a tuple of invalid length: should be {len(other)} but got "
                               f"{len(v)}.")
        raise RuntimeError("The given v should contain a single Tensor.")
    for i, (a, b) in enumerate(zip(v, other)):
        if a.size() != b.size():
            prefix = f"Entry {i} in " if other_was_tuple else ""
            raise RuntimeError(f"{prefix}v has invalid size: should be {b.size()} but got "
                               f"{a.size()}.")


_NOT_REQUIRING = {
    "outputs": "Output {i} of the user-provided function does not require gradients. The outputs "
               "must be computed in a differentiable manner from the input when running in "
               "strict mode.",
    "grad_inputs": "The gradient with respect to input {i} is independent of the inputs of the "
                   "user-provided function. This is not allowed in strict mode.",
    "jacobian": "While computing the hessian, found that the jacobian of the user-provided "
                "function with respect to input {i} is independent of the input. This is not "
                "allowed in strict mode. You should ensure that your function is twice "
                "differentiable and that the jacobian depends on the inputs (this would be "
                "violated by a linear function for example).",
    "hessian": "The hessian of the user-provided function with respect to input {i} is "
               "independent of the input. This is not allowed in strict mode. You should ensure "
               "that your function is thrice differentiable and that the hessian depends on the "
               "inputs.",
}


def _strict_requires_grad(tensors, kind, strict):
    if not strict:
        return
    for i, t in enumerate(tensors):
        if t is None:
            raise RuntimeError(f"The output of the user-provided function is independent of input "
                               f"{i}. This is not allowed in strict mode.")
        if not t.requires_grad:
            raise RuntimeError(_NOT_REQUIRING[kind].format(i=i))


def _grad(outputs, inputs, grad_outputs=None, create_graph=False, retain_graph=None,
          is_grads_batched=False):
    """grad() over the outputs that require grad; None for the inputs they do not reach."""
    from . import grad
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    kept = [(o, g) for o, g in zip(outputs, grad_outputs) if o is not None and o.requires_grad]
    if not kept:
        return (None,) * len(inputs)
    return grad(tuple(o for o, _ in kept), inputs, tuple(g for _, g in kept), allow_unused=True,
                create_graph=create_graph, retain_graph=retain_graph,
                is_grads_batched=is_grads_batched)


_MISSING = {
    "back": "The output of the user-provided function is independent of input {i}. This is not "
            "allowed in strict mode.",
    "back_trick": "The gradient with respect to the input is independent of entry {i} in the "
                  "grad_outputs when using the double backward trick to compute forward mode "
                  "gradients. This is not allowed in strict mode.",
    "double_back": "The jacobian of the user-provided function is independent of input {i}. This "
                   "is not allowed in strict mode.",
    "double_back_trick": "The hessian of the user-provided function is independent of entry {i} "
                         "in the grad_jacobian. This is not allowed in strict mode as it prevents "
                         "from using the double backward trick to replace forward mode AD.",
}


def _zeros_for_missing(grads, refs, strict, create_graph, stage):
    from .._factory import zeros_like
    out = []
    for i, g in enumerate(grads):
        if g is None:
            if strict:
                raise RuntimeError(_MISSING[stage].format(i=i))
            g = zeros_like(refs[i])
        elif strict and create_graph and not g.requires_grad:
            what = "hessian" if "double" in stage else "jacobian"
            raise RuntimeError(f"The {what} of the user-provided function is independent of input "
                               f"{i}. This is not allowed in strict mode when create_graph=True.")
        out.append(g)
    return tuple(out)


def _v_for_inputs(v, inputs, inputs_were_tuple, create_graph, fn):
    if v is None:
        if len(inputs) != 1 or inputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the input to the user-provided "
                               "function is a single Tensor with a single element.")
        return None
    _, v = _pack(v, "v", fn)
    v = _prepare(v, create_graph, False)
    _check_v(v, inputs, inputs_were_tuple)
    return v


def _scalar_outputs(func, inputs, strict, fn):
    out_tuple, outputs = _pack(func(*inputs), "outputs of the user-provided function", fn)
    _strict_requires_grad(outputs, "outputs", strict)
    if out_tuple or not isinstance(outputs[0], Tensor):
        raise RuntimeError(f"The function given to {fn} should return a single Tensor")
    if outputs[0].nelement() != 1:
        raise RuntimeError(f"The Tensor returned by the function given to {fn} should contain a "
                           "single element")
    return out_tuple, outputs


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    with grad_mode.enable_grad():
        in_tuple, inputs = _pack(inputs, "inputs", "vjp")
        inputs = _prepare(inputs, create_graph, True)
        out_tuple, outputs = _pack(func(*inputs), "outputs of the user-provided function", "vjp")
        _strict_requires_grad(outputs, "outputs", strict)
        if v is not None:
            _, v = _pack(v, "v", "vjp")
            v = _prepare(v, create_graph, False)
            _check_v(v, outputs, out_tuple)
        elif len(outputs) != 1 or outputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the user-provided function "
                               "returns a single Tensor with a single element.")
    with grad_mode.set_grad_enabled(True if create_graph else grad_mode.is_grad_enabled()):
        res = _zeros_for_missing(_grad(outputs, inputs, v, create_graph), inputs, strict,
                                 create_graph, "back")
    return (_unpack(_finish(outputs, create_graph), out_tuple),
            _unpack(_finish(res, create_graph), in_tuple))


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    from .._factory import zeros_like
    with grad_mode.enable_grad():
        in_tuple, inputs = _pack(inputs, "inputs", "jvp")
        inputs = _prepare(inputs, create_graph, True)
        v = _v_for_inputs(v, inputs, in_tuple, create_graph, "jvp")
        out_tuple, outputs = _pack(func(*inputs), "outputs of the user-provided function", "jvp")
        _strict_requires_grad(outputs, "outputs", strict)
        us = tuple(zeros_like(o, requires_grad=True) for o in outputs)
        grad_inputs = _grad(outputs, inputs, us, create_graph=True)
        _strict_requires_grad(grad_inputs, "grad_inputs", strict)
    with grad_mode.set_grad_enabled(True if create_graph else grad_mode.is_grad_enabled()):
        res = _zeros_for_missing(_grad(grad_inputs, us, v, create_graph), outputs, strict,
                                 create_graph, "back_trick")
    return (_unpack(_finish(outputs, create_graph), out_tuple),
            _unpack(_finish(res, create_graph), out_tuple))


def _unpack2(blocks, out_tuple, in_tuple):
    if not in_tuple:
        blocks = tuple(b[0] for b in blocks)
    return blocks if out_tuple else blocks[0]


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False,
             strategy="reverse-mode"):
    if strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError('Expected strategy to be either "forward-mode" or "reverse-mode". '
                             'Hint: If your function has more outputs than inputs, "forward-mode" '
                             'tends to be more performant. Otherwise, prefer to use "reverse-mode".')
    if strategy == "forward-mode":
        if create_graph:
            raise NotImplementedError(
                "torch.autograd.functional.jacobian: `create_graph=True` and "
                '`strategy="forward-mode"` are not supported together (yet). Please either set '
                '`create_graph=False` or `strategy="reverse-mode"`.')
        if strict:
            raise RuntimeError(
                "torch.autograd.functional.jacobian: `strict=True` and `strategy=\"forward-mode\"` "
                "are not supported together (yet). Please either set `strict=False` or "
                '`strategy="reverse-mode"`.')
        _pack(inputs, "inputs", "jacobian")
        if not vectorize:
            raise NotImplementedError("Computing Jacobian using forward-AD or forward-over-reverse "
                                      "Hessian isonly implemented for `vectorize=True`.")
        # no forward AD here: the same Jacobian, computed in reverse mode, without history
        return _jacobian_reverse(func, inputs, False, False, True)
    return _jacobian_reverse(func, inputs, create_graph, strict, vectorize)


def _jacobian_reverse(func, inputs, create_graph, strict, vectorize):
    from .._ops.shape import stack
    from .._factory import zeros_like
    with grad_mode.enable_grad():
        in_tuple, inputs = _pack(inputs, "inputs", "jacobian")
        inputs = _prepare(inputs, create_graph, True)
        out_tuple, outputs = _pack(func(*inputs), "outputs of the user-provided function",
                                   "jacobian")
        _strict_requires_grad(outputs, "outputs", strict)
        if vectorize:
            if strict:
                raise RuntimeError("torch.autograd.functional.jacobian: `strict=True` and "
                                   "`vectorized=True` are not supported together. Please either "
                                   "set `strict=False` or `vectorize=False`.")
            return _unpack2(_jacobian_batched(outputs, inputs, create_graph), out_tuple, in_tuple)
        blocks = []
        for i, out in enumerate(outputs):
            rows = [[] for _ in inputs]
            flat = out.reshape(-1)
            for j in range(out.nelement()):
                grads = _grad((flat[j],), inputs, retain_graph=True, create_graph=create_graph)
                for k, (g, inp) in enumerate(zip(grads, inputs)):
                    if g is not None:
                        if strict and create_graph and not g.requires_grad:
                            raise RuntimeError(f"The jacobian of the user-provided function is "
                                               f"independent of input {i}. This is not allowed in "
                                               "strict mode when create_graph=True.")
                    else:
                        if strict:
                            raise RuntimeError(f"Output {i} of the user-provided function is "
                                               f"independent of input {k}. This is not allowed in "
                                               "strict mode.")
                        g = zeros_like(inp)
                    rows[k].append(g)
            blocks.append(tuple(stack(rows[k], 0).view(out.size() + inputs[k].size())
                                for k in range(len(inputs))))
        return _unpack2(_finish(tuple(blocks), create_graph), out_tuple, in_tuple)


def _jacobian_batched(outputs, inputs, create_graph):
    """vectorize=True: one batched grad() over the rows of an identity matrix."""
    from .._factory import zeros, zeros_like
    numels = tuple(o.numel() for o in outputs)
    total = sum(numels)
    basis = []
    start = 0
    for o, n in zip(outputs, numels):
        chunk = zeros(total, n, dtype=o.dtype)
        chunk.diagonal(-start).fill_(1)
        basis.append(chunk)
        start += n
    flat = tuple(o.reshape(-1) for o in outputs)
    vj = list(_grad(flat, inputs, tuple(basis), create_graph=create_graph, is_grads_batched=True))
    for k, g in enumerate(vj):
        if g is None:
            vj[k] = zeros_like(inputs[k]).expand((total,) + tuple(inputs[k].shape))
    per_input = [[j.view(o.shape + inp.shape) for j, o in zip(g.split(numels, dim=0), outputs)]
                 for g, inp in zip(vj, inputs)]
    return _finish(tuple(zip(*per_input)), create_graph)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False,
            outer_jacobian_strategy="reverse-mode"):
    in_tuple, inputs = _pack(inputs, "inputs", "hessian")
    if outer_jacobian_strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError('Expected strategy to be either "forward-mode" or "reverse-mode".')

    def single_output(*inp):
        out = func(*inp)
        out_tuple, outs = _pack(out, "outputs of the user-provided function", "hessian")
        _strict_requires_grad(outs, "outputs", strict)
        if out_tuple or not isinstance(out, Tensor):
            raise RuntimeError("The function given to hessian should return a single Tensor")
        if out.nelement() != 1:
            raise RuntimeError("The Tensor returned by the function given to hessian should "
                               "contain a single element")
        return out.squeeze()

    def gradient(*inp):
        if outer_jacobian_strategy == "forward-mode":
            inp = tuple(t.requires_grad_(True) for t in inp)
        jac = jacobian(single_output, inp, create_graph=True)
        _strict_requires_grad(jac, "jacobian", strict)
        return jac

    res = jacobian(gradient, inputs, create_graph=create_graph, strict=strict,
                   vectorize=vectorize, strategy=outer_jacobian_strategy)
    return _unpack2(res, in_tuple, in_tuple)


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    with grad_mode.enable_grad():
        in_tuple, inputs = _pack(inputs, "inputs", "vhp")
        inputs = _prepare(inputs, create_graph, True)
        v = _v_for_inputs(v, inputs, in_tuple, create_graph, "vhp")
        out_tuple, outputs = _scalar_outputs(func, inputs, strict, "vhp")
        jac = _grad(outputs, inputs, create_graph=True)
        _strict_requires_grad(jac, "jacobian", strict)
    with grad_mode.set_grad_enabled(True if create_graph else grad_mode.is_grad_enabled()):
        res = _zeros_for_missing(_grad(jac, inputs, v, create_graph), inputs, strict,
                                 create_graph, "double_back")
    return (_unpack(_finish(outputs, create_graph), out_tuple),
            _unpack(_finish(res, create_graph), in_tuple))


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    from .._factory import zeros_like
    with grad_mode.enable_grad():
        in_tuple, inputs = _pack(inputs, "inputs", "hvp")
        inputs = _prepare(inputs, create_graph, True)
        v = _v_for_inputs(v, inputs, in_tuple, create_graph, "hvp")
        out_tuple, outputs = _scalar_outputs(func, inputs, strict, "hvp")
        jac = _grad(outputs, inputs, create_graph=True)
        _strict_requires_grad(jac, "jacobian", strict)
        us = tuple(zeros_like(t, requires_grad=True) for t in inputs)
        double_back = _grad(jac, inputs, us, create_graph=True)
        _strict_requires_grad(jac, "hessian", strict)
    with grad_mode.set_grad_enabled(True if create_graph else grad_mode.is_grad_enabled()):
        res = _zeros_for_missing(_grad(double_back, us, v, create_graph), inputs, strict,
                                 create_graph, "double_back_trick")
    return (_unpack(_finish(outputs, create_graph), out_tuple),
            _unpack(_finish(res, create_graph), in_tuple))
