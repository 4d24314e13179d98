"""Differential tests of the shape and index ops beyond the op table's samples: the nodes torch
records (ReshapeAliasBackward0, NotImplemented, TakeBackward0/PutBackward0, the squeezes'
double backward), the values their nodes save (as torch shows them), the errors of their
argument checks, and torch's float16 accumulation in scatter_add/index_add.  Each case runs
under torch and torchlite at test time and is compared (values, dtypes, grad_fn names,
exceptions, warnings)."""

import numpy as np
import pytest

from _diffcore import check
from autograd_diff import graph

X = "T.arange(24.).reshape(2, 3, 4)"
XG = "T.arange(24.).reshape(2, 3, 4).requires_grad_()"
M = "T.arange(12.).reshape(3, 4)"
MG = "T.arange(12.).reshape(3, 4).requires_grad_()"


def saved(fn):
    """The grad_fn's name and every _saved_* attribute it shows (tensors as they are)."""
    return (fn.name(),) + tuple((a, getattr(fn, a)) for a in sorted(dir(fn))
                                if a.startswith("_saved_"))


def grad2(T, f, x, up=None):
    """(gradient, the graph of the gradient) of f at x with create_graph=True, the upstream
    gradient requiring grad (so the rules' nodes are recorded)."""
    x = x.detach().requires_grad_()
    y = f(x)
    if up is None:
        up = T.ones_like(y).mul(T.arange(1., y.numel() + 1).reshape(y.shape)).requires_grad_()
    g, = T.autograd.grad(y, x, up, create_graph=True)
    return g, graph(g.grad_fn)


def run_case(src):
    env = {"np": np, "saved": saved, "grad2": grad2, "graph": graph}
    for k, v in (("XG", XG), ("MG", MG), ("X", X), ("M", M)):
        src = src.replace(k, v)
    # torch warns once per process about reduce= with a Tensor src (TORCH_WARN_ONCE): whether a
    # case sees it depends on what ran before it in the worker
    check(eval("lambda T: " + src, env), check_warnings="reduce=" not in src)


CASES = r"""
XG.transpose(1, 2)[:, :1].reshape(2, 3)
saved(XG.transpose(1, 2)[:, :1].reshape(2, 3).grad_fn)
XG[:, 0].reshape(2, 4)
XG[:, 0].reshape(8)
XG[:, :, :1].flatten()
XG.transpose(1, 2).reshape(-1)
XG[:, :0].reshape(0, 4)
grad2(T, lambda x: x.transpose(0, 1)[:1].reshape(2, 4), XG)
saved(XG[:1].squeeze(0).grad_fn)
saved(XG[:1].squeeze(-3).grad_fn)
saved(XG[:1, :, :1].squeeze((-1, 0)).grad_fn)
saved(XG[:1, :, :1].squeeze().grad_fn)
saved(XG.squeeze(1).grad_fn)
grad2(T, lambda x: x.squeeze(), XG[:1, :, :1])
grad2(T, lambda x: x.squeeze(-1), XG[:1, :, :1])
grad2(T, lambda x: x.squeeze((2, 0)), XG[:1, :, :1])
grad2(T, lambda x: x.squeeze(1), XG)
grad2(T, lambda x: x.squeeze(), XG)
grad2(T, lambda x: x.squeeze(0), XG[0, 0, 0])
grad2(T, lambda x: x @ T.ones(4, 2), XG[0, 0])
saved(XG[:, 1:].grad_fn)
saved(XG[:, -1:].grad_fn)
saved(XG[:, :-1].grad_fn)
saved(XG[:, -10:10].grad_fn)
saved(XG[:, 5:].grad_fn)
saved(XG[1:, ::2].grad_fn)
saved(XG[:, 2:1].grad_fn)
saved(XG[:, np.int64(1):].grad_fn)
saved(XG[:, T.tensor(1):].grad_fn)
saved(XG[:, :-10**20].grad_fn)
saved(XG[:, -2**62 - 1:].grad_fn)
saved(XG[:, -2**62:].grad_fn)
saved(XG[:, 2**63:].grad_fn)
X[:, -10**20:-10**20]
X[:, :-2**63]
X[:, -2**63 + 1:]
X[:, 0:-10**20]
X[:, np.int64(-2**63):]
saved(XG.narrow(2, -2, 1).grad_fn)
grad2(T, lambda x: x[:, -2:], XG)
grad2(T, lambda x: x[:, :-10**20], XG)
[saved(t.grad_fn) for t in T.tensor_split(XG, [1, 9], 2)]
[saved(t.grad_fn) for t in T.tensor_split(XG, [-2], 2)]
[saved(t.grad_fn) for t in T.tensor_split(XG, [3, 1], 2)]
T.tensor_split(XG, [3, 1], 2)
T.tensor_split(XG, [-7, 2, -1], 2)
[saved(t.grad_fn) for t in T.tensor_split(XG, 3, 2)]
saved(XG.index_select(1, T.tensor([2, 0])).grad_fn)
saved(XG.gather(2, T.tensor([[[0], [1], [3]]] * 2)).grad_fn)
saved(T.diag_embed(MG, 1, 0, 2).grad_fn)
saved(T.diag_embed(MG, -1, 2, 0).grad_fn)
saved(T.diag(MG[0], -1).grad_fn)
saved(T.diag(MG, -1).grad_fn)
grad2(T, lambda x: T.diag(x, -1), MG)
grad2(T, lambda x: T.diag(x, 2), MG[0])
T.diag_embed(MG, 2, 0, 1)
T.diag_embed(MG, -1, -1, 0)
T.diag_embed(MG, 0, 1, 1)
T.diag_embed(MG, 0, -3, 0)
T.diag_embed(MG, 0, 0, 3)
T.diag_embed(T.ones(()), 0)
T.diag_embed(T.ones(2, 0), 1)
grad2(T, lambda x: T.diag_embed(x, -1, 2, 0), MG)
XG.index_select(0, T.tensor(1))
grad2(T, lambda x: x.index_select(0, T.tensor(1)), XG[0, 0])
grad2(T, lambda x: x.index_select(0, T.tensor([0])), XG[0, 0, 0])
grad2(T, lambda x: x.index_select(1, T.tensor([2, 0, 2])), XG)
X.index_select(0, T.tensor([-1]))
X.index_select(1, T.tensor([3]))
X.index_select(1, T.tensor([0, -1]))
X.index_select(2, T.tensor([4]))
M.index_select(1, T.tensor([4]))
M[0].index_select(0, T.tensor([4]))
T.ones(3, 0).index_select(1, T.tensor([0]))
T.ones(3, 0).index_select(0, T.tensor([5]))
T.ones(()).index_select(0, T.tensor([0, 0]))
T.ones(()).index_select(0, T.tensor([], dtype=T.long))
M.gather(1, T.tensor([[-1]]))
M.scatter(1, T.tensor([[-1]]), 1.0)
M.scatter_add(1, T.tensor([[4]]), T.ones(1, 1))
M.scatter(1, T.tensor([[0]]), 2.0, reduce="mean")
M.scatter(1, T.tensor([[9]]), 2.0, reduce="sum")
MG.scatter(1, T.tensor([[0, 1], [2, 3], [3, 0]]), T.ones(3, 2).requires_grad_(), reduce="add")
MG.scatter(1, T.tensor([[0, 1]]), T.ones(1, 2).requires_grad_(), reduce="add").grad_fn.next_functions
MG.detach().scatter(1, T.tensor([[0, 1]]), T.ones(1, 2).requires_grad_(), reduce="multiply")
M.scatter(1, T.tensor([[0, 1]]), T.ones(1, 2).requires_grad_(), reduce="add").grad_fn.next_functions
MG.scatter(1, T.tensor([[0, 1]]), T.ones(1, 2), reduce="add").grad_fn.next_functions
MG.scatter(1, T.tensor([[0, 1]]), 2.0, reduce="multiply")
MG.scatter(1, T.tensor([[0, 1]]), 2.0, reduce="add").sum().backward()
(lambda y: y.scatter_(1, T.tensor([[0, 1]]), T.ones(1, 2).requires_grad_(), reduce="add").grad_fn.next_functions)(MG.clone())
(lambda y: y.scatter_(1, T.tensor([[0, 1]]), T.ones(1, 2), reduce="multiply").grad_fn.next_functions)(MG.clone())
(lambda y: y.scatter_(1, T.tensor([[0, 1]]), 2.0, reduce="add").grad_fn.next_functions)(MG.clone())
M.scatter_(1, T.tensor([[0, 1]]), T.ones(1, 2).requires_grad_(), reduce="add").grad_fn.next_functions
M.scatter_(1, T.tensor([[0, 1]]), T.ones(1, 2), reduce="add").grad_fn
T.ones(3, 4).scatter_(1, T.tensor([[0, 1]]), T.ones(1, 2).requires_grad_(), reduce="add").grad_fn.next_functions
(lambda y: (y.scatter_(1, T.tensor([[0, 1]]), T.ones(1, 2).requires_grad_(), reduce="add"), y._base.grad_fn.next_functions))(M)
(lambda y: y.scatter_(1, T.tensor([[0, 1]]), 2.0, reduce="add").sum().backward())(MG.clone())
(lambda y: y.scatter_(1, T.tensor([[0, 1]]), T.ones(1, 2).requires_grad_(), reduce="add").sum().backward())(MG.clone())
(lambda b: (b[0].scatter_(0, T.tensor([0, 1]), T.ones(2).requires_grad_(), reduce="add"), b.grad_fn.next_functions))(MG.clone())
M.index_add(0, T.tensor([0.]), T.ones(1, 4))
M.index_add(0, T.tensor([0], dtype=T.int16), T.ones(1, 4))
M.index_add(0, T.tensor([[0]]), T.ones(1, 4))
M.index_add(0, T.tensor([0]), T.ones(1, 4, dtype=T.float64))
M.index_add(0, T.tensor([0]), T.ones(1, 3))
M.index_add(0, T.tensor([0]), T.ones(1, 4, 1))
M.index_add(0, T.tensor([0]), T.ones(4))
M.index_add(1, T.tensor([0]), T.ones(3))
M.index_add(2, T.tensor([0]), T.ones(1, 4))
M.index_add(0, T.tensor([9]), T.ones(1, 4))
M.index_add(1, T.tensor([-1]), T.ones(3, 1))
M[0].index_add(0, T.tensor([9]), T.ones(1))
T.zeros(()).index_add(0, T.tensor([0]), T.ones(1))
T.zeros(()).index_add(0, T.tensor(0), T.ones(()))
T.zeros(()).index_add(0, T.tensor([1]), T.ones(()))
M.index_add(1, T.tensor([1, 1, 3], dtype=T.int32), T.ones(3, 3), alpha=2.5)
M.long().index_add(0, T.tensor([0, 0]), T.tensor([[3, 5, 7, 1], [1, 1, 1, 1]]), alpha=2.5)
M.long().index_add(0, T.tensor([0, 0]), T.tensor([[3, 5, 7, 1], [1, 1, 1, 1]]), alpha=-1.5)
M.half().index_add(1, T.tensor([0]), T.ones(3, 1, dtype=T.half), alpha=0.1)
M[0].half().index_add(0, T.tensor([0, 0]), T.tensor([1, 2**-11], dtype=T.half), alpha=0.3)
M.index_add(0, [0], T.ones(1, 4))
M.index_add(0, T.tensor([0]), 1.0)
T.take(MG, T.tensor([[0, -1], [5, 5]]))
saved(T.take(MG, T.tensor([[0, -1], [5, 5]])).grad_fn)
T.take(MG.t(), T.tensor([1, 4]))
T.take(M, T.tensor([12]))
T.take(M, T.tensor([-13, 20]))
T.take(M, T.tensor([1.0]))
T.take(M, T.tensor([1], dtype=T.int32))
T.take(M, [1])
T.take(M, T.tensor(3))
T.take(T.ones(0), T.tensor([0]))
T.take(T.ones(0), T.tensor([], dtype=T.long))
T.take(T.ones(()), T.tensor([0, -1]))
grad2(T, lambda x: T.take(x, T.tensor([[0, -1], [5, 5]])), MG)
grad2(T, lambda x: T.take(x, T.tensor([1, 1, 0])), MG.t())
T.take_along_dim(MG, T.tensor([[1, 5], [2, 11]]))
graph(T.take_along_dim(MG, T.tensor([[1, 5], [2, 11]])).grad_fn)
T.take_along_dim(MG.t(), T.tensor([1, 5]))
T.take_along_dim(MG, T.tensor([[1, 5], [2, 11]]).t())
T.take_along_dim(M, T.tensor([12]))
T.take_along_dim(M, T.tensor([-1]))
T.take_along_dim(M, T.tensor([1], dtype=T.int32))
T.take_along_dim(M, T.tensor([1.]))
T.take_along_dim(M, T.tensor([1], dtype=T.int16))
graph(T.take_along_dim(MG, T.tensor([[1, 2, 2, 0]]), 0).grad_fn)
graph(T.take_along_dim(MG, T.tensor([[1], [2], [0]]), -1).grad_fn)
graph(T.take_along_dim(MG, T.tensor([[1, 2, 3, 0]] * 3), 1).grad_fn)
graph(T.take_along_dim(MG[:1], T.tensor([[1, 2, 3, 0]] * 3), 1).grad_fn)
T.take_along_dim(MG[:1], T.tensor([[1, 2], [0, 0], [3, 3]]), 1)
T.take_along_dim(M, T.tensor([[1, 2]]), 0)
T.take_along_dim(M, T.tensor([[[1]]]), 0)
T.take_along_dim(M, T.tensor([1]), 0)
T.take_along_dim(M, T.tensor([[1]], dtype=T.int32), 1)
T.take_along_dim(M, T.tensor([[[1]]], dtype=T.int32), 1)
graph(T.index_put(MG, (T.tensor([0, 2]),), T.ones(2, 4, requires_grad=True)).grad_fn)
saved(T.index_put(MG, (T.tensor([0, 2]),), T.ones(2, 4), True).grad_fn)[:2]
grad2(T, lambda x: T.index_put(x, (T.tensor([0, 2]),), T.ones(4)), MG)
grad2(T, lambda x: T.index_put(x, (T.tensor([0, 2]),), T.ones(4), True), MG)
grad2(T, lambda v: T.index_put(M, (T.tensor([0, 2]), T.tensor(1)), v), T.ones(2))
grad2(T, lambda v: T.index_put(M, (T.tensor([0, 0]),), v, True), T.ones(4))
MG.index_put((T.tensor([0, 2]),), T.ones(2, 4, requires_grad=True))
T.index_put(M, (T.tensor([0, 2]),), T.ones(2, 4, dtype=T.float64))
T.index_put(M, (T.tensor([0, 2]),), T.ones((), dtype=T.int64))
T.index_put(M, (M > 4,), T.tensor(2, dtype=T.int64))
T.index_put(M, (M > 4,), T.tensor([2.], dtype=T.float64))
T.index_put(M, (M[0] > 4,), T.tensor(2.))
T.index_put(M, (T.tensor([True, False, True]),), T.tensor(2.))
T.index_put(M, (T.tensor(True),), T.tensor(2.))
T.index_put(M, (T.tensor(1),), T.tensor(2.))
T.index_put(M, (T.tensor([5]),), T.tensor(1.))
T.index_put(M, (T.tensor([0]), T.tensor([7])), T.tensor(1.))
T.index_put(M, (T.tensor([-3]), T.tensor([-4])), T.tensor(1.))
T.index_put(M, (T.tensor([0]),) * 3, T.tensor(1.))
T.index_put(M, (T.tensor([0.]),), T.tensor(1.))
T.index_put(M, (T.tensor([0, 1]), T.tensor([0, 1, 2])), T.tensor(1.))
T.index_put(M, (T.tensor([0, 1]),), T.ones(3))
T.index_put(M, (T.tensor([1, 1]),), T.tensor([[1.] * 4, [2.] * 4]), True)
T.index_put(M, (T.tensor([1, 1]),), T.tensor([[1.] * 4, [2.] * 4]))
T.index_put(M, [T.tensor([0, 1]), None], T.tensor(2.))
T.index_put(M, [[0, 1]], T.tensor(2.))
T.index_put(M, (T.tensor([0, 2]),), 2.0)
T.broadcast_tensors(MG, MG[0])
[t is MG for t in T.broadcast_tensors(MG, MG[0], MG[:, :1])]
T.broadcast_tensors(MG)[0] is MG
T.broadcast_tensors()
T.broadcast_tensors(MG, 3)
T.broadcast_tensors([MG])
T.fliplr(M[0])
T.fliplr(T.ones(()))
T.flipud(T.ones(()))
M[0].fliplr()
T.flipud(M[0])
saved(T.fliplr(MG).grad_fn)
saved(T.flipud(MG).grad_fn)
T.trace(M.bool())
T.trace(M[0].bool())
T.trace(M.half())
T.trace(M.byte())
T.nonzero(T.tensor(5.))
T.nonzero(T.tensor(0.))
T.argwhere(T.tensor(True))
T.nonzero(T.tensor(5.), as_tuple=True)
T.nonzero(T.tensor(0), as_tuple=True)
""".strip().splitlines()


@pytest.mark.parametrize("src", CASES)
def test_case(src):
    run_case(src)


def _half_case(T, fn, shape, dim, k, seed):
    """fn ("index_add" or "scatter_add") on float16 values where rounding after every addition
    and rounding once give different results."""
    rng = np.random.default_rng(seed)
    x = (rng.standard_normal(shape) * 3).astype(np.float16)
    n = shape[dim]
    sshape = list(shape)
    sshape[dim] = k
    src = (rng.standard_normal(sshape) * 3).astype(np.float16)
    if fn == "index_add":
        idx = rng.integers(0, n, k)
        return T.from_numpy(x).index_add(dim, T.from_numpy(idx), T.from_numpy(src))
    idx = rng.integers(0, n, sshape)
    return T.from_numpy(x).scatter_add(dim, T.from_numpy(idx), T.from_numpy(src))


@pytest.mark.parametrize("fn, shape, dim", [
    ("index_add", (9,), 0), ("index_add", (5, 3), 0), ("index_add", (3, 5), 1),
    ("index_add", (2, 5, 3), 1), ("index_add", (2, 3, 5), 2), ("index_add", (2, 3, 4, 5), 2),
    ("scatter_add", (9,), 0), ("scatter_add", (5, 3), 0), ("scatter_add", (2, 5, 3), 1),
])
def test_float16_accumulation(fn, shape, dim):
    """torch's kernels accumulate half in float and round once (scatter_add; index_add along
    the first or last dim of a tensor of 2 or more dims), or round after each addition (other
    index_adds): compared over seeds where the two differ."""
    for seed in range(6):
        check(lambda T: _half_case(T, fn, shape, dim, 12, seed))


_SCATTER_WARN_SCRIPT = r"""
import warnings, sys
import {lib} as T
out = []
for src in (T.ones(1, 1), 2.0, T.ones(1, 1)):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            T.zeros(2, 2).scatter(1, T.tensor([[0]]), src, reduce="mean")
        except RuntimeError as e:
            out.append(str(e))
    out.append([(x.category.__name__, str(x.message).split(" (Triggered")[0]) for x in w])
print(repr(out))
"""


def test_scatter_reduce_tensor_src_warns_once():
    """torch's deprecation warning for reduce= with a Tensor src comes once per process (before
    the check of reduce), in a fresh interpreter for each library."""
    import os
    import subprocess
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    outs = [subprocess.run([sys.executable, "-c", _SCATTER_WARN_SCRIPT.format(lib=lib)], cwd=root,
                           capture_output=True, text=True, check=True, timeout=120).stdout
            for lib in ("torch", "torchlite")]
    assert outs[0] == outs[1], outs
    assert "deprecated" in outs[0]


# --- masked_fill broadcasts self against the mask (out of place); in place, self must hold the
# broadcast shape ---------------------------------------------------------------------------

MASKED_FILL_SHAPES = [((2,), (2, 2)), ((2, 1), (1, 3)), ((3,), (2, 1)), ((), (2,)), ((2,), ()),
                      ((2, 3), (3,)), ((2,), (3,))]


@pytest.mark.parametrize("value", ["1.5", "T.tensor(2.0)", "T.tensor(2.0, requires_grad=True)"])
@pytest.mark.parametrize("shapes", MASKED_FILL_SHAPES, ids=str)
def test_masked_fill_broadcasts(shapes, value):
    sx, sm = shapes
    nx, nm = int(np.prod(sx)), int(np.prod(sm))

    def f(T):
        x = T.arange(float(nx)).reshape(sx).requires_grad_()
        m = (T.arange(nm).reshape(sm) % 2) == 0
        v = eval(value, {"T": T})
        y = x.masked_fill(m, v)
        y.sum().backward()
        return y, x.grad, (v.grad if isinstance(v, T.Tensor) else None)
    check(f)


@pytest.mark.parametrize("shapes", MASKED_FILL_SHAPES, ids=str)
def test_masked_fill_inplace_shapes(shapes):
    sx, sm = shapes
    nx, nm = int(np.prod(sx)), int(np.prod(sm))

    def f(T):
        x = T.arange(float(nx)).reshape(sx)
        m = (T.arange(nm).reshape(sm) % 2) == 0
        return x.masked_fill_(m, 1.5)
    check(f)


@pytest.mark.parametrize("src", [
    "x.masked_fill_(T.ones(2), 1.0)",  # the leaf error first
    "x.masked_fill_(T.ones(2, dtype=T.bool), T.ones(2))",
    "(x * 1).masked_fill_(T.ones(3, dtype=T.bool), 1.0)",
    "(x * 1).masked_fill_(T.ones(2, 2, dtype=T.bool), T.ones(2))",  # the value's dim first
    "(x * 1).masked_fill_(T.ones(2), T.ones(2))",  # the value's dim before the mask's dtype
    "(x * 1).masked_fill_(T.ones(2, 2, dtype=T.bool), 1.0)",
    "x.masked_fill(x > 0, 'a')",
    "x.masked_fill_(x > 0, None)",
    "x.masked_fill(1, 2.0)",
    "T.masked_fill(x, x > 0, 'a')",
    "T.masked_fill(x, 1, 2.0)",
    "T.masked_fill(1, x > 0, 2.0)",
])
def test_masked_fill_argument_errors(src):
    def f(T):
        x = T.zeros(2, requires_grad=True)
        return eval(src, {"T": T, "x": x})
    check(f)


# --- IndexBackward0 saves its indices as tensors: freed by a backward --------------------------

@pytest.mark.parametrize("index", ["[[1, 0]]", "[T.tensor([True, False, True])]",
                                   "[[0, 2], 0]", "[1:, [0]]"])
def test_index_backward_frees_indices(index):
    def f(T):
        x = T.arange(6.).reshape(3, 2).requires_grad_()
        y = eval(f"x{index}", {"T": T, "x": x})
        y.sum().backward(retain_graph=True)
        y.sum().backward()  # retained: works
        try:
            y.sum().backward()
        except RuntimeError as e:
            return x.grad, str(e)
        return x.grad, None
    check(f)


@pytest.mark.parametrize("fn", ["max", "min"])
@pytest.mark.parametrize("keepdim", [False, True])
def test_max_min_dim_signed_zero_ties_and_nan(fn, keepdim):
    # the values are those at the returned indices: -0. and 0. tie, nan wins
    def f(T):
        x = T.tensor([[0.0, -0.0, -1.0], [-0.0, 0.0, -2.0], [float("nan"), 1.0, 2.0],
                      [3.0, 3.0, 1.0]], requires_grad=True)
        out = []
        for dim in (0, 1, -1):
            v, i = getattr(x, fn)(dim=dim, keepdim=keepdim)
            out += [v, i, T.signbit(v), v.stride()]
        return out
    check(f)
