"""gradcheck / gradgradcheck: analytical gradients against central finite differences.

As torch (slow mode): the numerical Jacobian perturbs one input element at a
time, in place, by +-eps; the analytical one backpropagates each element of
each differentiable output; a mismatch raises GradcheckError with both
Jacobians printed.  gradgradcheck draws its random grad_outputs from the global
generator exactly as torch does (``empty(...).uniform_(-1, 1)``), so the random
stream after it stays in step with torch's.
"""

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


def _differentiable(out):
    return tuple(o for o in _tuple(out) if isinstance(o, Tensor) and o.requires_grad)


def _float_outputs(out):
    return tuple(o for o in _tuple(out) if isinstance(o, Tensor) and o._dtype.is_floating_point)


def _numerical(func, inputs, wrt, eps, func_out):
    """J[input][output] by central differences (the floating-point outputs of func).

    Each element is perturbed in place through the input's own array, whatever its
    strides; the function runs in the caller's grad mode (gradgradcheck needs it on).
    ``func_out`` (func's result at the inputs) sizes the Jacobians, so an empty input
    gets empty ones.
    """
    jac = [[np.zeros((w.numel(), o.numel()), np.float64) for o in _float_outputs(func_out)]
           for w in wrt]
    for k, x in enumerate(wrt):
        arr = x._data
        for j, idx in enumerate(np.ndindex(arr.shape)):
            orig = arr[idx].item()
            arr[idx] = orig - eps
            lo = [o._data.astype(np.float64).ravel().copy() for o in _float_outputs(func(*inputs))]
            arr[idx] = orig + eps
            hi = [o._data.astype(np.float64).ravel().copy() for o in _float_outputs(func(*inputs))]
            arr[idx] = orig
            for m in range(len(hi)):
                jac[k][m][j] = (hi[m] - lo[m]) / (2 * eps)
    return jac


def _analytical(wrt, output):
    """J[input] of one differentiable output, one backward per output element."""
    from . import grad
    jac = [np.zeros((x.numel(), output.numel()), np.float64) for x in wrt]
    flat = output.reshape(-1)
    for i in range(output.numel()):
        gs = grad(flat[i], wrt, retain_graph=True, allow_unused=True)
        for k, g in enumerate(gs):
            if g is not None:
                jac[k][:, i] = g._data.astype(np.float64).ravel()
    return jac


def _fmt(arr, dtype):
    return repr(make(np.asarray(arr, order="C").astype(dtype.np), dtype))


def _check_inputs(inputs):
    any_requires_grad = False
    for idx, x in enumerate(inputs):
        if isinstance(x, Tensor) and x.requires_grad:
            if x._dtype.name != "float64":
                _errors.warn(f"Input #{idx} requires gradient and is not a double precision "
                             "floating point or complex. This check will likely fail if all the "
                             "inputs are not of double precision floating point or complex. ")
            if not all(st > 0 or sz <= 1 for st, sz in zip(x.stride(), x.size())):
                raise RuntimeError(f"The {idx}th input has a dimension with stride 0. gradcheck "
                                   "only supports inputs that are non-overlapping to be able to "
                                   "compute the numerical gradients correctly. You should call "
                                   ".contiguous on the input before passing it to gradcheck.")
            any_requires_grad = True
    if not any_requires_grad:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but "
                         "none of them have requires_grad=True.")


def _run(func, inputs, eps, atol, rtol):
    inputs = _tuple(inputs)
    _check_inputs(inputs)
    func_out = func(*inputs)
    outputs = _differentiable(func_out)
    wrt = [x for x in inputs if isinstance(x, Tensor) and x.requires_grad]
    numerical = _numerical(func, inputs, wrt, eps, func_out)
    per_output = list(zip(*numerical))  # [output][input]
    if not outputs:
        for per_input in numerical:
            for jac in per_input:
                if np.count_nonzero(jac):
                    raise GradcheckError("Numerical gradient for function expected to be zero")
        return
    # as torch: the floating outputs' Jacobians are paired with the outputs in order, then
    # those of outputs not requiring grad are dropped (an int output shifts the pairing)
    per_output = [nj for o, nj in zip(_tuple(func_out), per_output) if o.requires_grad]
    for i, out in enumerate(outputs):
        analytical = _analytical(wrt, out)
        for k, (a, n) in enumerate(zip(analytical, per_output[i])):
            if not np.allclose(a, n, rtol=rtol, atol=atol):
                raise GradcheckError(
                    f"Jacobian mismatch for output {i} with respect to input {k},\n"
                    f"numerical:{_fmt(n, out._dtype)}\nanalytical:{_fmt(a, out._dtype)}\n")


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True,
              nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False,
              check_batched_grad=False, check_batched_forward_grad=False, check_forward_ad=False,
              check_backward_ad=True, fast_mode=False, masked=None):
    try:
        _run(func, inputs, eps, atol, rtol)
    except GradcheckError:
        if raise_exception:
            raise
        return False
    return True


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-6, atol=1e-5, rtol=1e-3,
                  gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0,
                  check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
                  check_fwd_over_rev=False, check_rev_over_rev=True, fast_mode=False, masked=False):
    """Check second derivatives: gradcheck of the function (inputs, v) -> vjp(inputs, v)."""
    from . import grad
    from .._factory import empty
    from .. import _dtype as D
    inputs = _tuple(inputs)
    if grad_outputs is None:
        # random grad_outputs drawn as torch draws them, from the global generator
        grad_outputs = tuple(
            empty(tuple(o.shape), dtype=o._dtype if o._dtype.is_floating_point else D.float64)
            .uniform_(-1, 1).requires_grad_(True)
            for o in _differentiable(func(*inputs)))
    else:
        grad_outputs = _tuple(grad_outputs)
    n_in = len(inputs)
    wrt_idx = {i for i, x in enumerate(inputs) if isinstance(x, Tensor) and x.requires_grad}

    def first_derivative(*args):
        ins = tuple(x.requires_grad_() if i in wrt_idx else x for i, x in enumerate(args[:n_in]))
        outs = _differentiable(func(*ins))
        wrt = tuple(x for x in ins if isinstance(x, Tensor) and x.requires_grad)
        gs = grad(outs, wrt, args[n_in:], create_graph=True, allow_unused=True)
        return tuple(g for g in gs if g is not None)

    return gradcheck(first_derivative, inputs + tuple(grad_outputs), eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception)
