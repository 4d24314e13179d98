"""Linear algebra: mm, bmm, mv, dot and matmul's decomposition into them, einsum."""

from __future__ import annotations

import builtins

import numpy as np

from .. import _dtype as D
from .._dispatch import defop, finish
from ._common import check_tensor, wrap_dim, broadcast_shapes
from . import shape as S

_isinstance = isinstance

# Backward of a matrix product is a matrix product: g @ b.T and a.T @ g, no copies.
MM = defop("mm", "MmBackward0", ("self", "mat2", "self_sym_sizes", "mat2_sym_sizes",
                                 "self_sym_strides", "mat2_sym_strides"), inputs=2,
           also_save=("self_sym_sizes", "mat2_sym_sizes", "self_sym_strides", "mat2_sym_strides"),
           self=lambda grad, mat2: grad.mm(mat2.t()),
           mat2=lambda grad, self: self.t().mm(grad))
BMM = defop("bmm", "BmmBackward0", ("self", "mat2"),
            self=lambda grad, mat2: grad.bmm(mat2.transpose(1, 2)),
            mat2=lambda grad, self: self.transpose(1, 2).bmm(grad))
MV = defop("mv", "MvBackward0", ("self", "vec"),
           self=lambda grad, vec: _outer_grad(grad, vec),
           vec=lambda grad, self: self.t().mv(grad))
DOT = defop("dot", "DotBackward0", ("self", "tensor"),
            self=lambda grad, tensor: grad * tensor,
            tensor=lambda grad, self: grad * self)
ADDMM = defop("addmm", "AddmmBackward0", ("self", "mat1", "mat2", "beta", "alpha"), inputs=3,
              self=lambda grad, beta: grad if beta == 1 else grad * beta,
              mat1=lambda grad, mat2, alpha: _scale(grad.mm(mat2.t()), alpha),
              mat2=lambda grad, mat1, alpha: _scale(mat1.t().mm(grad), alpha))
BADDBMM = defop("baddbmm", "BaddbmmBackward0", ("self", "batch1", "batch2", "beta", "alpha"),
                inputs=3,
                self=lambda grad, beta: grad if beta == 1 else grad * beta,
                batch1=lambda grad, batch2, alpha: _scale(grad.bmm(batch2.transpose(1, 2)), alpha),
                batch2=lambda grad, batch1, alpha: _scale(batch1.transpose(1, 2).bmm(grad), alpha))
CROSS = defop("linalg_cross", "LinalgCrossBackward0", ("self", "other", "dim"), inputs=2,
              self=lambda grad, other, dim: other.cross(grad, dim=dim),
              other=lambda grad, self, dim: grad.cross(self, dim=dim))


def _outer_grad(grad, vec):
    """mv's gradient for the matrix: the outer product grad ⊗ vec."""
    return grad.unsqueeze(1) * vec.unsqueeze(0)


def _scale(t, alpha):
    return t if alpha == 1 else t * alpha


def _scalar_name_lower(d):
    return {"float32": "float", "float64": "double", "int64": "long int", "int32": "int",
            "float16": "c10::Half", "int16": "short int", "int8": "signed char",
            "uint8": "unsigned char", "bool": "bool"}[d.name]


def _check_same_dtype(a, b):
    if a._dtype is not b._dtype:
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: "
                           f"{_scalar_name_lower(a._dtype)} != {_scalar_name_lower(b._dtype)}")


def _strides(a):
    return tuple(s // a.itemsize for s in a.strides)


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
    res = finish(MM, _matmul_np(a, b), input._dtype,
                 (input, mat2, a.shape, b.shape, _strides(a), _strides(b)))
    if out is not None:
        from ._common import handle_out
        return handle_out(res, out, "mm")
    return res


def bmm(input, mat2, *, out=None):
    check_tensor(input, "bmm")
    a, b = input._data, mat2._data
    if a.ndim != 3:
        raise RuntimeError("batch1 must be a 3D tensor")
    if b.ndim != 3:
        raise RuntimeError("batch2 must be a 3D tensor")
    if b.shape[0] != a.shape[0] or b.shape[1] != a.shape[2]:
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: "
                           f"[{a.shape[0]}, {a.shape[2]}] but got: [{b.shape[0]}, {b.shape[1]}].")
    _check_same_dtype(input, mat2)
    return finish(BMM, _matmul_np(a, b), input._dtype, (input, mat2))


def mv(input, vec, *, out=None):
    check_tensor(input, "mv")
    a, b = input._data, vec._data
    if a.ndim != 2 or b.ndim != 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got 1, {a.ndim}, {b.ndim}")
    if a.shape[1] != b.shape[0]:
        raise RuntimeError(f"size mismatch, got input ({a.shape[0]}), mat ({a.shape[0]}x{a.shape[1]}), "
                           f"vec ({b.shape[0]})")
    _check_same_dtype(input, vec)
    return finish(MV, _matmul_np(a, b), input._dtype, (input, vec))


def dot(input, tensor, *, out=None):
    check_tensor(input, "dot")
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
    return finish(DOT, np.asarray(np.dot(a, b), a.dtype), input._dtype, (input, tensor))


inner = dot
vdot = dot


def matmul(input, other, *, out=None):
    """torch.matmul, decomposed into the same ops torch records for each rank combination."""
    check_tensor(input, "matmul")
    check_tensor(other, "matmul", "other", 2)
    da, db = input._data.ndim, other._data.ndim
    if da == 0 or db == 0:
        raise RuntimeError(f"both arguments to matmul need to be at least 1D, but they are {da}D "
                           f"and {db}D")
    if da == 1 and db == 1:
        res = dot(input, other)
    elif da == 2 and db == 1:
        res = mv(input, other)
    elif da == 1 and db == 2:
        res = S._squeeze_mm(mm(S.unsqueeze(input, 0), other), 0)
    elif da == 2 and db == 2:
        res = mm(input, other)
    elif da >= 3 and db <= 2:
        res = _fold_left(input, other)
    elif da <= 2 and db >= 3:
        # (b^T a^T)^T, as torch folds it
        at = input.t() if da == 2 else input
        bt = S.transpose(other, -1, -2)
        r = _fold_left(bt, at)
        res = S.transpose(r, -1, -2).contiguous() if da == 2 else r
    else:
        res = _batched(input, other)
    if out is not None:
        from ._common import handle_out
        return handle_out(res, out, "matmul")
    return res


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
    """Broadcast the batch dims, fold them into one, bmm, unfold."""
    sa, sb = a._data.shape, b._data.shape
    a2 = a if a._data.ndim >= 2 else S.unsqueeze(a, 0)
    b2 = b if b._data.ndim >= 2 else S.unsqueeze(b, 1)
    sa2, sb2 = a2._data.shape, b2._data.shape
    if sa2[-1] != sb2[-2]:
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: "
                           f"[{_prod(sa2[:-2])}, {sa2[-1]}] but got: [{_prod(sb2[:-2])}, {sb2[-2]}].")
    batch = broadcast_shapes(sa2[:-2], sb2[:-2])
    ea = S.expand(a2, batch + sa2[-2:])
    eb = S.expand(b2, batch + sb2[-2:])
    nb = _prod(batch)
    fa = S.reshape(ea, (nb,) + sa2[-2:])
    fb = S.reshape(eb, (nb,) + sb2[-2:])
    r = bmm(fa, fb)
    out_shape = batch + ((sa2[-2],) if len(sa) >= 2 else ()) + ((sb2[-1],) if len(sb) >= 2 else ())
    return _unsafe_view(r, out_shape)


def outer(input, vec2):
    check_tensor(input, "outer")
    if input._data.ndim != 1:
        raise RuntimeError(f"outer: Expected 1-D argument self, but got {input._data.ndim}-D")
    if vec2._data.ndim != 1:
        raise RuntimeError(f"outer: Expected 1-D argument vec2, but got {vec2._data.ndim}-D")
    return S.reshape(input, (-1, 1)) * vec2


ger = outer


def addmm(input, mat1, mat2, *, beta=1, alpha=1, out=None):
    a, b = mat1._data, mat2._data
    if a.shape[1] != b.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({a.shape[0]}x{a.shape[1]} "
                           f"and {b.shape[0]}x{b.shape[1]})")
    prod = _matmul_np(a, b)
    with np.errstate(all="ignore"):
        r = (input._data * beta if beta != 1 else input._data) + (prod * alpha if alpha != 1 else prod)
    r = np.asarray(r, mat1._dtype.np)
    return finish(ADDMM, r, mat1._dtype, (input, mat1, mat2, beta, alpha))


def baddbmm(input, batch1, batch2, *, beta=1, alpha=1):
    prod = _matmul_np(batch1._data, batch2._data)
    r = np.asarray((input._data * beta if beta != 1 else input._data) +
                   (prod * alpha if alpha != 1 else prod), batch1._dtype.np)
    return finish(BADDBMM, r, batch1._dtype, (input, batch1, batch2, beta, alpha))


def cross(input, other, dim=None):
    check_tensor(input, "cross")
    a, b = input._data, other._data
    if dim is None:
        from .. import _errors
        _errors.warn_once("Using torch.cross without specifying the dim arg is deprecated.\n"
                     "Please either pass the dim explicitly or simply use torch.linalg.cross.\n"
                     "The default value of dim will change to agree with that of linalg.cross in "
                     "a future release.")
        shape = broadcast_shapes(a.shape, b.shape)
        dim = next((i for i, s in enumerate(shape) if s == 3), -1)
    return linalg_cross(input, other, dim=dim)


def linalg_cross(input, other, *, dim=-1):
    a, b = input._data, other._data
    shape = broadcast_shapes(a.shape, b.shape)
    d = wrap_dim(dim, len(shape))
    if a.shape[d - len(shape) + a.ndim] != 3 or b.shape[d - len(shape) + b.ndim] != 3:
        raise RuntimeError(f"linalg.cross: inputs dimension {d} must have length 3. Got "
                           f"{a.shape[d - len(shape) + a.ndim]} and {b.shape[d - len(shape) + b.ndim]}")
    dtype = D.promote(input._dtype, other._dtype)
    r = np.cross(np.broadcast_to(a, shape), np.broadcast_to(b, shape), axis=d).astype(dtype.np)
    return finish(CROSS, r, dtype, (input, other, d))


def einsum(equation, *operands):
    """einsum for one or two operands, as permutes, diagonals, sums and one bmm."""
    if len(operands) == 1 and _isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    eq = equation.replace(" ", "")
    lhs, arrow, out = eq.partition("->")
    terms = lhs.split(",")
    if len(terms) != len(operands):
        raise RuntimeError(f"einsum(): more operands were provided than specified in the equation"
                           if len(operands) > len(terms) else
                           "einsum(): fewer operands were provided than specified in the equation")
    terms, ell = _expand_ellipsis(terms, operands)
    if arrow:
        out = out.replace("...", ell)
    else:
        letters = "".join(terms)
        out = ell + "".join(sorted(c for c in set(letters) if letters.count(c) == 1 and c not in ell))
    sizes = {}
    for k, (term, op) in enumerate(zip(terms, operands)):
        if len(term) != op._data.ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({len(term)}) "
                               f"does not match the number of dimensions ({op._data.ndim}) for "
                               f"operand {k} and no ellipsis was given")
        for c, s in zip(term, op._data.shape):
            if c in sizes and sizes[c] != s and s != 1 and sizes[c] != 1:
                raise RuntimeError(f"einsum(): subscript {c} has size {s} for operand {k} which "
                                   f"does not broadcast with previously seen size {sizes[c]}")
            sizes[c] = builtins.max(sizes.get(c, 1), s)
    ops = [_einsum_prepare(t, term, out, terms[:k] + terms[k + 1:])
           for k, (t, term) in enumerate(zip(operands, terms))]
    if len(ops) == 1:
        t, term = ops[0]
        return S.permute(t, [term.index(c) for c in out]) if term != out else t
    if len(ops) > 2:
        result = ops[0]
        for k in range(1, len(ops)):
            later = "".join(term for _, term in ops[k + 1:])
            result = _einsum_pair(result, ops[k], out + later)
        t, term = result
        return S.permute(t, [term.index(c) for c in out]) if term != out else t
    t, term = _einsum_pair(ops[0], ops[1], out)
    return S.permute(t, [term.index(c) for c in out]) if term != out else t


def _expand_ellipsis(terms, operands):
    """Replace '...' by letters of their own, right-aligned across operands (as broadcasting)."""
    used = set("".join(terms))
    pool = [c for c in "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba" if c not in used]
    counts = [op._data.ndim - (len(t) - 3) if "..." in t else 0 for t, op in zip(terms, operands)]
    n = builtins.max(counts, default=0)
    ell = "".join(reversed(pool[:n]))
    return [t.replace("...", ell[n - k:] if k else "") for t, k in zip(terms, counts)], ell


def _einsum_prepare(t, term, out, others):
    """Take diagonals of repeated subscripts, sum subscripts used nowhere else."""
    while len(set(term)) != len(term):
        c = next(ch for ch in term if term.count(ch) > 1)
        i = term.index(c)
        j = term.index(c, i + 1)
        t = t.diagonal(0, i, j)
        term = term[:i] + term[i + 1:j] + term[j + 1:] + c
    rest = "".join(others) + out
    drop = [i for i, c in enumerate(term) if c not in rest]
    if drop:
        t = t.sum(drop)
        term = "".join(c for i, c in enumerate(term) if i not in drop)
    return t, term


def _einsum_pair(left, right, keep):
    (a, ta), (b, tb) = left, right
    batch = [c for c in ta if c in tb and c in keep]
    contract = [c for c in ta if c in tb and c not in keep]
    lonly = [c for c in ta if c not in tb]
    ronly = [c for c in tb if c not in ta]
    pa = S.permute(a, [ta.index(c) for c in batch + lonly + contract])
    pb = S.permute(b, [tb.index(c) for c in batch + contract + ronly])
    sa, sb = pa._data.shape, pb._data.shape
    nb = len(batch)
    bshape = broadcast_shapes(sa[:nb], sb[:nb])
    B = _prod(bshape)
    L = _prod(sa[nb:nb + len(lonly)])
    K = _prod(sa[nb + len(lonly):])
    R = _prod(sb[nb + len(contract):])
    va = S.reshape(S.expand(pa, bshape + sa[nb:]) if sa[:nb] != bshape else pa, (B, L, K))
    vb = S.reshape(S.expand(pb, bshape + sb[nb:]) if sb[:nb] != bshape else pb, (B, K, R))
    r = bmm(va, vb)
    r = S.view(r, bshape + sa[nb:nb + len(lonly)] + sb[nb + len(contract):])
    return r, "".join(batch + lonly + ronly)


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
