"""Linear algebra: mm, bmm, mv, dot and matmul's decomposition into them, einsum."""

from __future__ import annotations

import builtins

import numpy as np

from .. import _dtype as D
from .._dispatch import defop, finish, bump
from .._tensor import scalar_type_name, Tensor
from ._common import check_tensor, wrap_dim, broadcast_shapes, not_implemented_for
from . import shape as S

_isinstance = isinstance

# Backward of a matrix product is a matrix product: g @ b.T and a.T @ g, no copies.
MM = defop("mm", "MmBackward0", ("self", "mat2", "self_sym_sizes", "mat2_sym_sizes",
                                 "self_sym_strides", "mat2_sym_strides"), inputs=2,
           also_save=("self_sym_sizes", "mat2_sym_sizes", "self_sym_strides", "mat2_sym_strides"),
           # a column-major input gets a column-major gradient, as torch computes it
           self=lambda grad, mat2, self_sym_sizes, self_sym_strides:
               mat2.mm(grad.t()).t() if (self_sym_strides[0] == 1 and
                                         self_sym_strides[1] == self_sym_sizes[0])
               else grad.mm(mat2.t()),
           mat2=lambda grad, self, mat2_sym_sizes, mat2_sym_strides:
               grad.t().mm(self).t() if (mat2_sym_strides[0] == 1 and
                                         mat2_sym_strides[1] == mat2_sym_sizes[0])
               else self.t().mm(grad))
BMM = defop("bmm", "BmmBackward0", ("self", "mat2"),
            self=lambda grad, mat2: grad.bmm(mat2.transpose(1, 2)),
            mat2=lambda grad, self: self.transpose(1, 2).bmm(grad))
MV = defop("mv", "MvBackward0", ("self", "vec"),
           self=lambda grad, vec: _outer_grad(grad, vec),
           vec=lambda grad, self: self.t().mv(grad))
DOT = defop("dot", "DotBackward0", ("self", "tensor"),
            self=lambda grad, tensor: grad * tensor,
            tensor=lambda grad, self: grad * self)
VDOT = defop("vdot", "VdotBackward0", ("self", "other"),
             self=lambda grad, other: grad * other,
             other=lambda grad, self: grad * self)
ADDMM = defop("addmm", "AddmmBackward0", ("self", "mat1", "mat2", "beta", "alpha",
                                           "mat1_sym_sizes", "mat1_sym_strides", "mat2_sym_sizes",
                                           "mat2_sym_strides"), inputs=3,
              also_save=("mat1_sym_sizes", "mat1_sym_strides", "mat2_sym_sizes",
                         "mat2_sym_strides"),
              self=lambda grad, beta: _scale(grad, beta),
              mat1=lambda grad, mat2, alpha, mat1_sym_sizes, mat1_sym_strides:
                  _mm_mat1_backward(grad, mat2, mat1_sym_sizes, mat1_sym_strides, alpha),
              mat2=lambda grad, mat1, alpha, mat2_sym_sizes, mat2_sym_strides:
                  _mm_mat2_backward(grad, mat1, mat2_sym_sizes, mat2_sym_strides, alpha))
BADDBMM = defop("baddbmm", "BaddbmmBackward0", ("self", "batch1", "batch2", "beta", "alpha"),
                inputs=3,
                self=lambda grad, beta: _scale(grad, beta),
                batch1=lambda grad, batch2, alpha: _scale(grad.bmm(batch2.transpose(1, 2)), alpha),
                batch2=lambda grad, batch1, alpha: _scale(batch1.transpose(1, 2).bmm(grad), alpha))
CROSS = defop("linalg_cross", "LinalgCrossBackward0", ("self", "other", "dim"), inputs=2,
              self=lambda grad, other, dim: other.cross(grad, dim=dim),
              other=lambda grad, self, dim: grad.cross(self, dim=dim))


def _outer_grad(grad, vec):
    """mv's gradient for the matrix: the outer product grad ⊗ vec (torch: grad.ger(vec))."""
    return outer(grad, vec)


def _scale(t, alpha):
    """torch's maybe_multiply: t, or t * alpha recorded as mul.Scalar (MulBackward1)."""
    if alpha == 1:
        return t
    from .pointwise import mul_scalar
    return mul_scalar(t, alpha)


def _column_major(sizes, strides):
    return strides[0] == 1 and strides[1] == sizes[0]


def _mm_mat1_backward(grad, mat2, sizes, strides, alpha):
    """d(mat1 @ mat2) / d mat1; a column-major mat1 gets a column-major gradient (as torch)."""
    if _column_major(sizes, strides):
        return _scale(mat2.mm(grad.t()).t(), alpha)
    return _scale(grad.mm(mat2.t()), alpha)


def _mm_mat2_backward(grad, mat1, sizes, strides, alpha):
    if _column_major(sizes, strides):
        return _scale(grad.t().mm(mat1).t(), alpha)
    return _scale(mat1.t().mm(grad), alpha)


def _scalar_name_lower(d):
    return {"float32": "float", "float64": "double", "int64": "long int", "int32": "int",
            "float16": "c10::Half", "int16": "short int", "int8": "signed char",
            "uint8": "unsigned char", "bool": "bool"}[d.name]


def _check_same_dtype(a, b):
    if a._dtype is not b._dtype:
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: "
                           f"{_scalar_name_lower(a._dtype)} != {_scalar_name_lower(b._dtype)}")


def _check_scalar_type(a, b):
    """bmm's (and cross's) dtype check, in torch's words."""
    if a._dtype is not b._dtype:
        raise RuntimeError(f"expected scalar type {scalar_type_name(a._dtype)} but found "
                           f"{scalar_type_name(b._dtype)}")


def _no_bool(kernel, t, *empty_ok):
    """torch's kernels refuse bool (an empty operand returns before the kernel runs)."""
    if t._dtype is D.bool_ and not any(x._data.size == 0 for x in empty_ok):
        raise not_implemented_for(kernel, t._dtype)


def _strides(a):
    return tuple(s // a.itemsize for s in a.strides)


def _out(res, out, name, style="expected"):
    """Write ``res`` into ``out=`` after the out-dtype check of the op's kernel, in its words
    (autograd's out= error comes first, as in torch)."""
    if out is None:
        return res
    from ._common import handle_out, _state
    if (isinstance(out, Tensor) and out._dtype is not res._dtype
            and not (_state.enabled and (res._requires_grad or out._requires_grad))):
        o, r = out._dtype, res._dtype
        if style == "dot":
            msg = (f"result dtype {scalar_type_name(o)} does not match input dtype "
                   f"{scalar_type_name(r)}")
        elif style == "addmv":
            msg = (f"addmv input tensors must have the same dtype, but got {scalar_type_name(o)}, "
                   f"{scalar_type_name(r)}, and {scalar_type_name(r)}")
        elif style == "tensordot":
            msg = (f"tensordot: Expected the output tensor to have dtype {scalar_type_name(r)}, "
                   f"but got an output tensor with dtype {scalar_type_name(o)}")
        else:
            msg = (f"Expected out tensor to have dtype {_scalar_name_lower(r)}, but got "
                   f"{_scalar_name_lower(o)} instead")
        raise RuntimeError(msg)
    return handle_out(res, out, name)


def _matmul_np(a, b):
    return np.matmul(a, b)


def mm(input, mat2, *, out=None):
    check_tensor(input, "mm")
    check_tensor(mat2, "mm", "mat2", 2)
    a, b = input._data, mat2._data
    if a.ndim != 2:
        raise RuntimeError("self must be a matrix")
    if b.ndim != 2:
        raise RuntimeError("mat2 must be a matrix")
    if a.shape[1] != b.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({a.shape[0]}x{a.shape[1]} "
                           f"and {b.shape[0]}x{b.shape[1]})")
    _check_same_dtype(input, mat2)
    _no_bool("addmm_impl_cpu_", input, input, mat2)
    res = finish(MM, _matmul_np(a, b), input._dtype,
                 (input, mat2, a.shape, b.shape, _strides(a), _strides(b)))
    return _out(res, out, "mm")


def bmm(input, mat2, *, out=None):
    check_tensor(input, "bmm")
    check_tensor(mat2, "bmm", "mat2", 2)
    a, b = input._data, mat2._data
    if a.ndim != 3:
        raise RuntimeError("batch1 must be a 3D tensor")
    if b.ndim != 3:
        raise RuntimeError("batch2 must be a 3D tensor")
    if b.shape[0] != a.shape[0] or b.shape[1] != a.shape[2]:
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: "
                           f"[{a.shape[0]}, {a.shape[2]}] but got: [{b.shape[0]}, {b.shape[1]}].")
    _check_scalar_type(input, mat2)
    _no_bool("bmm", input, input, mat2)
    return _out(finish(BMM, _matmul_np(a, b), input._dtype, (input, mat2)), out, "bmm")


def mv(input, vec, *, out=None):
    check_tensor(input, "mv")
    check_tensor(vec, "mv", "vec", 2)
    a, b = input._data, vec._data
    if a.ndim != 2 or b.ndim != 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got 1, {a.ndim}, {b.ndim}")
    if a.shape[1] != b.shape[0]:
        raise RuntimeError(f"size mismatch, got input ({a.shape[0]}), mat ({a.shape[0]}x{a.shape[1]}), "
                           f"vec ({b.shape[0]})")
    if input._dtype is not vec._dtype:
        v, m = scalar_type_name(vec._dtype), scalar_type_name(input._dtype)
        raise RuntimeError(f"addmv input tensors must have the same dtype, but got {v}, {m}, and {v}")
    _no_bool("addmv_impl_cpu", input, input, vec)
    return _out(finish(MV, _matmul_np(a, b), input._dtype, (input, vec)), out, "mv", "addmv")


def dot(input, tensor, *, out=None):
    return _out(_dot(input, tensor, DOT, "dot"), out, "dot", "dot")


def vdot(input, other, *, out=None):
    return _out(_dot(input, other, VDOT, "vdot"), out, "vdot", "dot")


def _dot(input, tensor, op, name):
    check_tensor(input, name)
    check_tensor(tensor, name, "tensor" if name == "dot" else "other", 2)
    a, b = input._data, tensor._data
    if a.ndim != 1 or b.ndim != 1:
        raise RuntimeError(f"1D tensors expected, but got {a.ndim}D and {b.ndim}D tensors")
    if a.shape[0] != b.shape[0]:
        raise RuntimeError(f"inconsistent tensor size, expected tensor [{a.shape[0]}] and src "
                           f"[{b.shape[0]}] to have the same number of elements, but got "
                           f"{a.shape[0]} and {b.shape[0]} elements respectively")
    if input._dtype is not tensor._dtype:
        from .._tensor import scalar_type_name
        raise RuntimeError(f"dot : expected both vectors to have same dtype, but found "
                           f"{scalar_type_name(input._dtype)} and {scalar_type_name(tensor._dtype)}")
    _no_bool("dot", input)
    return finish(op, np.asarray(np.dot(a, b), a.dtype), input._dtype, (input, tensor))


def inner(input, other, *, out=None):
    """torch.inner: a product with a 0-dim operand, else tensordot over the last dims."""
    if out is not None:
        return _out(inner(input, other), out, "inner", "tensordot")
    check_tensor(input, "inner")
    check_tensor(other, "inner", "other", 2)
    sa, sb = input._data.shape, other._data.shape
    if not sa or not sb:
        from .pointwise import mul
        return mul(input, other)
    if sa[-1] != sb[-1]:
        raise RuntimeError(f"inner() the last dimension must match on both input tensors but got "
                           f"shapes {list(sa)} and {list(sb)}")
    if input._dtype is not other._dtype:
        raise RuntimeError("both inputs should have same dtype")
    # tensordot(input, other, [-1], [-1]): permute the contracted dim last / first, fold, mm
    na, nb = len(sa), len(sb)
    pa = S.permute(input, list(range(na)))
    pb = S.permute(other, [nb - 1] + list(range(nb - 1)))
    if na == 1 and nb == 1:
        return S.reshape(dot(pa, pb), ())
    k = sa[-1]
    r = mm(S.reshape(pa, (_prod(sa[:-1]), k)), S.reshape(pb, (k, _prod(sb[:-1]))))
    return S.reshape(r, sa[:-1] + sb[:-1])


def matmul(input, other, *, out=None):
    """torch.matmul, decomposed into the same ops torch records for each rank combination."""
    check_tensor(input, "matmul")
    check_tensor(other, "matmul", "other", 2)
    da, db = input._data.ndim, other._data.ndim
    if da == 0 or db == 0:
        raise RuntimeError(f"both arguments to matmul need to be at least 1D, but they are {da}D "
                           f"and {db}D")
    if da == 1 and db == 1:
        return _out(dot(input, other), out, "matmul", "dot")
    elif da == 2 and db == 1:
        return _out(mv(input, other), out, "matmul", "addmv")
    elif da == 1 and db == 2:
        # torch: mm of the unsqueezed vector, then squeeze_(0), an in-place op: the result
        # starts at version 1; out= is written as the (1, m) product, then squeezed
        r = mm(S.unsqueeze(input, 0), other)
        if out is not None:
            _out(r, out, "matmul")
            out._data = out._data.reshape(out._data.shape[1:])
            bump(out)
            return out
        res = _squeeze_first(r)
        bump(res)
    elif da == 2 and db == 2:
        res = mm(input, other)
    elif (da == 3 and db == 3 and input._data.shape[0] == 1 and other._data.shape[0] != 1
          and input._requires_grad):
        # torch squeezes a batch of one that requires grad, then folds
        return matmul(S.squeeze(input, 0), other, out=out)
    elif (da == 3 and db == 3 and other._data.shape[0] == 1 and input._data.shape[0] != 1
          and other._requires_grad):
        return matmul(input, S.squeeze(other, 0), out=out)
    elif _should_fold(input, other):
        if da >= db:
            res = _fold_left(input, other)
        else:
            # (b^T a^T)^T, as torch folds it
            at = input.t() if da == 2 else input
            bt = S.transpose(other, -1, -2)
            r = _fold_left(bt, at)
            res = S.transpose(r, -1, -2).contiguous() if da == 2 else r
    else:
        res = _batched(input, other)
    return _out(res, out, "matmul")


def _squeeze_first(r):
    """torch squeezes the mm result in place (squeeze_(0)): SqueezeBackward4, not a view."""
    a = r._data
    return finish(S.SQUEEZE_MM, a.reshape(a.shape[1:]), r._dtype, (r, a.shape))


def _should_fold(t1, t2):
    """torch folds the batch of the larger operand into mm/mv when that costs no copy, or when
    the smaller operand requires grad (a copy then saves a large expand in the backward)."""
    d1, d2 = t1._data.ndim, t2._data.ndim
    big, small = (t1, t2) if d1 >= d2 else (t2, t1)
    a = big._data
    if not (a.ndim >= 3 and small._data.ndim <= 2):
        return False
    if small._requires_grad:
        return True
    if d1 == 2:
        return False
    if a.size == 0:
        return True
    shape, strides = list(a.shape), [st // a.itemsize for st in a.strides]
    if d1 < d2:  # big is t2, used transposed
        shape[-1], shape[-2] = shape[-2], shape[-1]
        strides[-1], strides[-2] = strides[-2], strides[-1]
    for i in range(a.ndim - 2):
        if strides[i] != strides[i + 1] * shape[i + 1]:
            return False
    return True


def _fold_left(a, b):
    """(..., n, k) @ (k, m) or (k,): fold the batch into rows, one mm/mv, unfold."""
    sa = a._data.shape
    if b._data.ndim == 1:
        if sa[-1] != b._data.shape[0]:
            raise RuntimeError(f"size mismatch, got input ({_prod(sa[:-1])}), mat "
                               f"({_prod(sa[:-1])}x{sa[-1]}), vec ({b._data.shape[0]})")
        flat = S.reshape(a, (-1, sa[-1]))
        r = mv(flat, b)
        return _unsafe_view(r, sa[:-1])
    if sa[-1] != b._data.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({_prod(sa[:-1])}x{sa[-1]} "
                           f"and {b._data.shape[0]}x{b._data.shape[1]})")
    flat = S.reshape(a, (-1, sa[-1]))
    r = mm(flat, b)
    return _unsafe_view(r, sa[:-1] + (b._data.shape[1],))


def _prod(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def _unsafe_view(t, shape):
    return finish(S.UNSAFE_VIEW, t._data.reshape(shape), t._dtype, (t, t._data.shape))


def _batched(a, b):
    """Broadcast the batch dims (expand), fold them into one (reshape), bmm, unfold."""
    sa, sb = a._data.shape, b._data.shape
    n = sa[-2] if len(sa) > 1 else 1
    m1 = sa[-1]
    m2, p = (sb[-2], sb[-1]) if len(sb) > 1 else (sb[0], 1)
    if len(sb) == 1:
        b = S.unsqueeze(b, 1)
    batch = broadcast_shapes(sa[:-2], sb[:-2])
    nb = _prod(batch)
    fa = S.reshape(S.expand(a, batch + (n, m1)), (nb, n, m1))
    fb = S.reshape(S.expand(b, batch + (m2, p)), (nb, m2, p))
    r = bmm(fa, fb)
    out_shape = batch + ((n,) if len(sa) > 1 else ()) + ((p,) if len(sb) > 1 else ())
    return _unsafe_view(r, out_shape)


def outer(input, vec2, *, out=None):
    check_tensor(input, "outer")
    if input._data.ndim != 1:
        raise RuntimeError(f"outer: Expected 1-D argument self, but got {input._data.ndim}-D")
    if vec2._data.ndim != 1:
        raise RuntimeError(f"outer: Expected 1-D argument vec2, but got {vec2._data.ndim}-D")
    if out is not None:
        from ._common import handle_out
        return handle_out(S.reshape(input, (-1, 1)) * vec2, out, "mul")  # torch: mul's out=
    return S.reshape(input, (-1, 1)) * vec2


ger = outer


def _scaled(a, k, dtype):
    """k * a in dtype (integer results take the scalar truncated, as torch's CPU gemm)."""
    if k == 1:
        return a
    if dtype.category != D.FLOATING:
        k = int(k)
    return a * np.asarray(k).astype(a.dtype)


def addmm(input, mat1, mat2, *, beta=1, alpha=1, out=None):
    check_tensor(input, "addmm")
    check_tensor(mat1, "addmm", "mat1", 2)
    check_tensor(mat2, "addmm", "mat2", 3)
    a, b = mat1._data, mat2._data
    if a.ndim != 2:
        raise RuntimeError(f"mat1 must be a matrix, got {a.ndim}-D tensor")
    if b.ndim != 2:
        raise RuntimeError(f"mat2 must be a matrix, got {b.ndim}-D tensor")
    if a.shape[1] != b.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({a.shape[0]}x{a.shape[1]} "
                           f"and {b.shape[0]}x{b.shape[1]})")
    if mat1._dtype is not mat2._dtype:
        raise RuntimeError(f"mat1 and mat2 must have the same dtype, but got "
                           f"{scalar_type_name(mat1._dtype)} and {scalar_type_name(mat2._dtype)}")
    if input._dtype is not mat2._dtype:
        raise RuntimeError(f"self and mat2 must have the same dtype, but got "
                           f"{scalar_type_name(input._dtype)} and {scalar_type_name(mat2._dtype)}")
    d = mat1._dtype
    S._expand_shape(input, (a.shape[0], b.shape[1]))
    _no_bool("addmm_impl_cpu_", input)
    with np.errstate(all="ignore"):
        prod = _scaled(_matmul_np(a, b), alpha, d)
        r = prod if beta == 0 else _scaled(input._data, beta, d) + prod
    res = finish(ADDMM, np.asarray(r).astype(d.np, copy=False), d,
                 (input, mat1, mat2, beta, alpha, a.shape, _strides(a), b.shape, _strides(b)))
    return _out(res, out, "addmm")


def baddbmm(input, batch1, batch2, *, beta=1, alpha=1, out=None):
    check_tensor(input, "baddbmm")
    check_tensor(batch1, "baddbmm", "batch1", 2)
    check_tensor(batch2, "baddbmm", "batch2", 3)
    if not (input._dtype is batch1._dtype is batch2._dtype):
        raise RuntimeError(f"Input dtypes must be the same, got: input "
                           f"{_scalar_name_lower(input._dtype)}, batch1: "
                           f"{_scalar_name_lower(batch1._dtype)}, batch2: "
                           f"{_scalar_name_lower(batch2._dtype)}")
    a, b = batch1._data, batch2._data
    if a.ndim != 3:
        raise RuntimeError("batch1 must be a 3D tensor")
    if b.ndim != 3:
        raise RuntimeError("batch2 must be a 3D tensor")
    if b.shape[0] != a.shape[0] or b.shape[1] != a.shape[2]:
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: "
                           f"[{a.shape[0]}, {a.shape[2]}] but got: [{b.shape[0]}, {b.shape[1]}].")
    d = batch1._dtype
    S._expand_shape(input, (a.shape[0], a.shape[1], b.shape[2]))
    _no_bool("baddbmm", input)
    with np.errstate(all="ignore"):
        prod = _scaled(_matmul_np(a, b), alpha, d)
        r = prod if beta == 0 else _scaled(input._data, beta, d) + prod
    res = finish(BADDBMM, np.asarray(r).astype(d.np, copy=False), d,
                 (input, batch1, batch2, beta, alpha))
    return _out(res, out, "baddbmm")


def cross(input, other, dim=None, *, out=None):
    check_tensor(input, "cross")
    check_tensor(other, "cross", "other", 2)
    a, b = input._data, other._data
    if dim is None:
        from .. import _errors
        _errors.warn_once("Using torch.cross without specifying the dim arg is deprecated.\n"
                          "Please either pass the dim explicitly or simply use torch.linalg.cross.\n"
                          "The default value of dim will change to agree with that of linalg.cross in "
                          "a future release.")
        # torch takes the first dim of size 3 of the input (not of the broadcast shape)
        dim = next((i for i, s in enumerate(a.shape) if s == 3), None)
        if dim is None:
            raise RuntimeError("no dimension of size 3 in input")
    return linalg_cross(input, other, dim=dim, out=out)


def linalg_cross(input, other, *, dim=-1, out=None):
    check_tensor(input, "linalg_cross")
    check_tensor(other, "linalg_cross", "other", 2)
    a, b = input._data, other._data
    if a.ndim != b.ndim:
        raise RuntimeError("linalg.cross: inputs must have the same number of dimensions.")
    shape = broadcast_shapes(a.shape, b.shape)
    d = wrap_dim(dim, len(shape))
    if a.shape[d - len(shape) + a.ndim] != 3 or b.shape[d - len(shape) + b.ndim] != 3:
        raise RuntimeError(f"linalg.cross: inputs dimension {d} must have length 3. Got "
                           f"{a.shape[d - len(shape) + a.ndim]} and {b.shape[d - len(shape) + b.ndim]}")
    _check_scalar_type(input, other)
    dtype = input._dtype
    _no_bool("cross", input)
    with np.errstate(all="ignore"):
        r = np.cross(np.broadcast_to(a, shape), np.broadcast_to(b, shape), axis=d).astype(dtype.np)
    return _out(finish(CROSS, r, dtype, (input, other, d)), out, "linalg_cross")


_LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"  # torch's label order
_ELL = "."


def _einsum_check(equation, operands):
    """torch's einsum equation checks, in its order and words (indices into ``equation``)."""
    lhs, arrow, rhs = equation.partition("->")
    n_ops = len(operands)
    labels = [[]]
    found_ell = False
    i = 0
    while i < len(lhs):
        c = lhs[i]
        if c == ".":
            op = len(labels) - 1
            if found_ell:
                raise RuntimeError(f"einsum(): found '.' for operand {op} for which an ellipsis "
                                   "was already found")
            if not (i + 2 < len(lhs) and lhs[i + 1] == "." and lhs[i + 2] == "."):
                raise RuntimeError(f"einsum(): found '.' for operand {op} that is not part of "
                                   "any ellipsis")
            i += 2
            labels[-1].append(_ELL)
            found_ell = True
        elif c == ",":
            labels.append([])
            if len(labels) > n_ops:
                raise RuntimeError("einsum(): fewer operands were provided than specified in the "
                                   "equation")
            found_ell = False
        elif c != " ":
            if not ("a" <= c <= "z" or "A" <= c <= "Z"):
                raise RuntimeError(f"einsum(): invalid subscript given at index {i} in the "
                                   "equation string, subscripts must be in [a-zA-Z]")
            labels[-1].append(c)
        i += 1
    if len(labels) != n_ops:
        raise RuntimeError("einsum(): more operands were provided than specified in the equation")
    counts = {}
    for k, (lab, op) in enumerate(zip(labels, operands)):
        ndim = op._data.ndim if _isinstance(op, Tensor) else 0
        n = len(lab) - (_ELL in lab)
        for c in lab:
            counts[c] = counts.get(c, 0) + 1
        if _ELL in lab and n > ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({n}) is more "
                               f"than the number of dimensions ({ndim}) for operand {k}")
        if _ELL not in lab and n != ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({n}) does not "
                               f"match the number of dimensions ({ndim}) for operand {k} and no "
                               "ellipsis was given")
    if not arrow:
        return
    found_ell = False
    seen = set()
    i = 0
    while i < len(rhs):
        c = rhs[i]
        if c == ".":
            if found_ell:
                raise RuntimeError("einsum(): found '.' for output but an ellipsis (...) was "
                                   "already found")
            if not (i + 2 < len(rhs) and rhs[i + 1] == "." and rhs[i + 2] == "."):
                raise RuntimeError("einsum(): found '.' for output that is not part of any "
                                   "ellipsis (...)")
            i += 2
            found_ell = True
        elif c != " ":
            if not ("a" <= c <= "z" or "A" <= c <= "Z"):
                raise RuntimeError(f"einsum(): invalid subscript given at index {len(lhs) + 2 + i} "
                                   "in the equation string, subscripts must be in [a-zA-Z]")
            if c in seen:
                raise RuntimeError(f"einsum(): output subscript {c} appears more than once in the "
                                   "output")
            if c not in counts:
                raise RuntimeError(f"einsum(): output subscript {c} does not appear in the "
                                   "equation for any input operand")
            seen.add(c)
        i += 1


def _einsum_parse(equation, operands):
    _einsum_check(equation, operands)
    eq = equation.replace(" ", "")
    lhs, arrow, rhs = eq.partition("->")
    terms = lhs.split(",")
    if len(terms) != len(operands):
        raise RuntimeError("einsum(): more operands were provided than specified in the equation"
                           if len(operands) > len(terms) else
                           "einsum(): fewer operands were provided than specified in the equation")
    labels = []
    ell_ndim = 0
    for k, (term, op) in enumerate(zip(terms, operands)):
        lab = list(term.replace("...", _ELL))
        ndim = op._data.ndim
        if _ELL in lab:
            ell_ndim = builtins.max(ell_ndim, ndim - (len(lab) - 1))
        elif len(lab) != ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({len(lab)}) "
                               f"does not match the number of dimensions ({ndim}) for operand {k} "
                               "and no ellipsis was given")
        labels.append(lab)
    if arrow:
        out = list(rhs.replace("...", _ELL))
    else:
        counts = {}
        for lab in labels:
            for c in lab:
                counts[c] = counts.get(c, 0) + 1
        out = ([_ELL] if ell_ndim or any(_ELL in lab for lab in labels) else []) + \
            [c for c in _LABELS if counts.get(c) == 1]
    return labels, out, ell_ndim


def einsum(equation, *operands):
    """torch.einsum, recording the ops torch records: per operand diagonals (movedim), unsqueezes
    and one permute into a common order (output dims, then contracted dims by label); then
    left to right, sums of dims no later operand needs and a bmm per pair (a mul if nothing is
    contracted)."""
    if len(operands) == 1 and _isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    labels, out, ell_ndim = _einsum_parse(equation, operands)
    # positions in the common order
    pos = {}
    n = 0
    for c in out:
        if c == _ELL:
            pos[_ELL] = n
            n += ell_ndim
        else:
            pos[c] = n
            n += 1
    out_ndim = n
    if _ELL not in pos and ell_ndim:
        pos[_ELL] = n
        n += ell_ndim
    used = {c for lab in labels for c in lab}
    for c in _LABELS:
        if c in used and c not in pos:
            pos[c] = n
            n += 1
    sizes = {}
    permuted = []
    for k, (t, lab) in enumerate(zip(operands, labels)):
        perm = [-1] * n
        seen = {}
        j = 0
        shape = t._data.shape
        for c in lab:
            if c == _ELL:
                covered = len(shape) - (len(lab) - 1)
                for _ in range(ell_ndim - covered):
                    t = S.unsqueeze(t, j)
                for i in range(ell_ndim):
                    perm[pos[_ELL] + i] = j
                    j += 1
            elif c in seen:
                d = seen[c]
                if t._data.shape[j] != t._data.shape[d]:
                    raise RuntimeError(f"einsum(): subscript {c} is repeated for operand {k} but "
                                       f"the sizes don't match, {t._data.shape[j]} != "
                                       f"{t._data.shape[d]}")
                t = S.movedim(t.diagonal(0, d, j), -1, d)
            else:
                size = t._data.shape[j]
                prev = sizes.get(c)
                if prev is not None and prev != size and size != 1 and prev != 1:
                    raise RuntimeError(f"einsum(): subscript {c} has size {size} for operand {k} "
                                       f"which does not broadcast with previously seen size {prev}")
                if prev is None or prev == 1:
                    sizes[c] = size
                seen[c] = j
                perm[pos[c]] = j
                j += 1
        for i in range(n):
            if perm[i] == -1:
                t = S.unsqueeze(t, -1)
                perm[i] = j
                j += 1
        permuted.append(S.permute(t, perm))
    if len(permuted) == 1:
        r = permuted[0]
        return r.sum(list(range(out_ndim, n))) if n > out_ndim else r
    counts = [0] * n
    for t in permuted:
        for d in range(out_ndim, n):
            if t._data.shape[d] != 1:
                counts[d] += 1
    ops = list(permuted)
    while len(ops) > 1:
        a, b = ops.pop(0), ops.pop(0)
        sum_dims, a_only, b_only = [], [], []
        for d in range(out_ndim, n):
            na, nb = a._data.shape[d] != 1, b._data.shape[d] != 1
            if na and nb:
                counts[d] -= 1
                if counts[d] == 1:
                    sum_dims.append(d)
                    counts[d] = 0
            elif counts[d] == 1:
                if na:
                    a_only.append(d)
                    counts[d] = 0
                elif nb:
                    b_only.append(d)
                    counts[d] = 0
        if a_only:
            a = a.sum(a_only, keepdim=True)
        if b_only:
            b = b.sum(b_only, keepdim=True)
        ops.insert(0, _sumproduct_pair(a, b, sum_dims))
    r = ops[0]
    if n > out_ndim:
        r = S.view(r, r._data.shape[:out_ndim])
    return r


def _sumproduct_pair(left, right, sum_dims):
    """left * right summed over sum_dims (kept as size 1): permute, fold, bmm, unfold, permute."""
    if not sum_dims:
        from .pointwise import mul
        return mul(left, right)
    ndim = left._data.ndim
    lro, lo, ro = [], [], []
    lro_size = lo_size = ro_size = sum_size = 1
    for i in range(ndim):
        sl, sr = left._data.shape[i] != 1, right._data.shape[i] != 1
        if i in sum_dims:
            if sl and sr:
                if left._data.shape[i] != right._data.shape[i]:
                    raise RuntimeError("non-broadcast dimensions must match")
                sum_size *= left._data.shape[i]
            elif sl:
                left = left.sum(i, keepdim=True)
            elif sr:
                right = right.sum(i, keepdim=True)
        elif sl and sr:
            if left._data.shape[i] != right._data.shape[i]:
                raise RuntimeError("non-broadcast dimensions must match")
            lro.append(i)
            lro_size *= left._data.shape[i]
        elif sl:
            lo.append(i)
            lo_size *= left._data.shape[i]
        else:
            ro.append(i)
            ro_size *= right._data.shape[i]
    out_size = ([left._data.shape[d] for d in lro] + [left._data.shape[d] for d in lo] +
                [1] * len(sum_dims) + [right._data.shape[d] for d in ro])
    lperm = lro + lo + list(sum_dims) + ro
    rperm = lro + list(sum_dims) + ro + lo
    operm = [0] * len(lperm)
    for k, d in enumerate(lperm):
        operm[d] = k
    la = S.reshape(S.permute(left, lperm), (lro_size, lo_size, sum_size))
    rb = S.reshape(S.permute(right, rperm), (lro_size, sum_size, ro_size))
    return S.permute(S.view(bmm(la, rb), out_size), operm)


def linalg_vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None):
    from .reduction import vector_norm
    return vector_norm(x, ord, dim, keepdim)


def linalg_norm(x, ord=None, dim=None, keepdim=False, *, dtype=None):
    from .reduction import vector_norm
    if ord is None or ord == "fro":
        return vector_norm(x, 2, dim, keepdim)
    return vector_norm(x, ord, dim, keepdim)


__all__ = ["mm", "bmm", "mv", "dot", "matmul", "outer", "ger", "addmm", "baddbmm", "cross",
           "linalg_cross", "einsum", "inner", "vdot"]
