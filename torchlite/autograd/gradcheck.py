"""gradcheck / gradgradcheck: analytical gradients against central finite differences."""

from __future__ import annotations

import numpy as np

from .. import _errors
from .._tensor import Tensor, make

__all__ = ["gradcheck", "gradgradcheck", "GradcheckError"]


class GradcheckError(RuntimeError):
    """Raised by gradcheck when a gradient does not match."""


GradcheckError.__module__ = "torch.autograd.gradcheck"


def _tuple(x):
    return tuple(x) if isinstance(x, (tuple, list)) else (x,)


def _outputs(func, inputs):
    out = func(*inputs)
    return tuple(o for o in _tuple(out) if isinstance(o, Tensor))


def _numerical(func, inputs, wrt, outputs, eps):
    """J[in][out] by central differences, perturbing one input element at a time in place.

    The function runs in the caller's grad mode (gradgradcheck's needs it on).
    """
    jac = [[np.zeros((x.numel(), o.numel()), np.float64) for o in outputs] for x in wrt]
    for k, x in enumerate(wrt):
        if not x._data.flags.c_contiguous:
            raise ValueError("gradcheck needs contiguous inputs")
        flat = x._data.reshape(-1)
        for j in range(flat.size):
            orig = flat[j].item()
            flat[j] = orig - eps
            lo = [o._data.astype(np.float64).ravel().copy() for o in _outputs(func, inputs)]
            flat[j] = orig + eps
            hi = [o._data.astype(np.float64).ravel().copy() for o in _outputs(func, inputs)]
            flat[j] = orig
            for m in range(len(outputs)):
                jac[k][m][j] = (hi[m] - lo[m]) / (2 * eps)
    return jac


def _analytical(inputs, wrt, outputs):
    from . import grad
    jac = [[np.zeros((x.numel(), o.numel()), np.float64) for o in outputs] for x in wrt]
    for m, out in enumerate(outputs):
        if not out.requires_grad:
            continue
        flat = out.reshape(-1)
        for i in range(out.numel()):
            gs = grad(flat[i], wrt, retain_graph=True, allow_unused=True)
            for k, g in enumerate(gs):
                if g is not None:
                    jac[k][m][:, i] = g._data.astype(np.float64).ravel()
    return jac


def _fmt(arr, dtype):
    return repr(make(np.asarray(arr, order="C").astype(dtype.np), dtype))


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True,
              nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False,
              check_batched_grad=False, check_batched_forward_grad=False, check_forward_ad=False,
              check_backward_ad=True, fast_mode=False, masked=None):
    inputs = _tuple(inputs)
    wrt = [x for x in inputs if isinstance(x, Tensor) and x.requires_grad]
    if not wrt:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but "
                         "none of them have requires_grad=True.")
    for idx, x in enumerate(inputs):
        if isinstance(x, Tensor) and x.requires_grad and x._dtype.name != "float64":
            _errors.warn(f"Input #{idx} requires gradient and is not a double precision floating "
                         "point or complex. This check will likely fail if all the inputs are not "
                         "of double precision floating point or complex. ")
    outputs = _outputs(func, inputs)
    numerical = _numerical(func, inputs, wrt, outputs, eps)
    analytical = _analytical(inputs, wrt, outputs)
    positions = [i for i, x in enumerate(inputs) if isinstance(x, Tensor) and x.requires_grad]
    for k, x in enumerate(wrt):
        for m, out in enumerate(outputs):
            a, n = analytical[k][m], numerical[k][m]
            if not np.allclose(a, n, rtol=rtol, atol=atol):
                if not raise_exception:
                    return False
                raise GradcheckError(
                    f"Jacobian mismatch for output {m} with respect to input {positions[k]},\n"
                    f"numerical:{_fmt(n, out._dtype)}\nanalytical:{_fmt(a, out._dtype)}\n")
    return True


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-6, atol=1e-5, rtol=1e-3,
                  gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0,
                  check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
                  check_fwd_over_rev=False, check_rev_over_rev=True, fast_mode=False, masked=False):
    """Check second derivatives: gradcheck of the function (inputs, v) -> vjp(inputs, v)."""
    from . import grad
    inputs = _tuple(inputs)
    outputs = _outputs(func, inputs)
    if grad_outputs is None:
        rng = np.random.default_rng(0)
        grad_outputs = tuple(
            make(rng.uniform(-1, 1, o._data.shape).astype(o._dtype.np), o._dtype).requires_grad_(True)
            for o in outputs)
    else:
        grad_outputs = _tuple(grad_outputs)
    n_in = len(inputs)

    def first_derivative(*args):
        ins, gos = args[:n_in], args[n_in:]
        outs = _outputs(func, ins)
        wrt = [x for x in ins if isinstance(x, Tensor) and x.requires_grad]
        pairs = [(o, g) for o, g in zip(outs, gos) if o.requires_grad]
        gs = grad([o for o, _ in pairs], wrt, [g for _, g in pairs], create_graph=True,
                  allow_unused=True)
        return tuple(g for g in gs if g is not None)

    return gradcheck(first_derivative, inputs + tuple(grad_outputs), eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception)
