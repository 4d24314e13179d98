"""The op coverage matrix: every entry of tests/op_db.py against torch, at test time.

For each op and sample:

* forward over every dtype: values bit for bit (except the ops op_db's "numerics" section
  lists, compared within a few ulp), dtype, shape, requires_grad, the grad_fn class name, and
  where torch raises, the same exception type and message;
* the recorded graph (node names, edges, sharing) and, with create_graph=True, the grad_fn of
  each gradient (torch's double-backward nodes);
* the gradient of every input against torch's for the same upstream gradient (float64, and
  float32 for the gradient's dtype);
* torchlite's gradcheck and gradgradcheck wherever torch's own pass (and fail where they fail);
* the Tensor method form, and the dtypes an entry declares against those torch accepts.

Coverage: a public op function without an entry fails, and so does an op-table row that no
sample reaches (forward, or the gradient's graph).  Hypothesis drives the general rules
(broadcasting pairs, values in an op's domain, reduction dims).  Nothing is hard-coded:
torch runs in the same process.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import torchlite
import torchlite._ops
from op_db import (ALL_DTYPES, FLOAT_DTYPES, OPS, DType, NoGrad, Sample, covered_names, op_ids)

pytestmark = pytest.mark.filterwarnings("ignore")

IDS = op_ids()
BY_ID = dict(zip(IDS, OPS))
# float64 gradients: formulas may round differently; a sample that mixes in a lower precision
# (a float32 operand) is compared at that precision
GRAD_TOL = {"float64": dict(rtol=1e-10, atol=1e-12), "float32": dict(rtol=2e-6, atol=1e-6),
            "float16": dict(rtol=2e-3, atol=1e-3)}
MAX_GRADCHECK_SAMPLES = 3
MAX_GRADCHECK_NUMEL = 12


# ======================================================================================
# Building inputs and comparing results
# ======================================================================================

def materialize(obj, lib, grad, leaves, only_float64=False):
    """Sample values -> the library's objects; tensor leaves appended to ``leaves``."""
    if isinstance(obj, (np.ndarray, NoGrad)):
        arr = obj.array if isinstance(obj, NoGrad) else obj
        t = lib.from_numpy(np.copy(arr, order="K"))
        if grad and not isinstance(obj, NoGrad) and arr.dtype.kind == "f" and (
                not only_float64 or arr.dtype == np.float64):
            t.requires_grad_(True)
        leaves.append(t)
        return t
    if isinstance(obj, DType):
        return getattr(lib, obj.name)
    if isinstance(obj, list):
        return [materialize(o, lib, grad, leaves, only_float64) for o in obj]
    if isinstance(obj, tuple):
        return tuple(materialize(o, lib, grad, leaves, only_float64) for o in obj)
    if isinstance(obj, dict):
        return {k: materialize(v, lib, grad, leaves, only_float64) for k, v in obj.items()}
    return obj


def substitute(obj, lib, it):
    """Rebuild a sample's structure with tensors taken from ``it`` (for gradcheck)."""
    if isinstance(obj, (np.ndarray, NoGrad)):
        return next(it)
    if isinstance(obj, DType):
        return getattr(lib, obj.name)
    if isinstance(obj, list):
        return [substitute(o, lib, it) for o in obj]
    if isinstance(obj, tuple):
        return tuple(substitute(o, lib, it) for o in obj)
    if isinstance(obj, dict):
        return {k: substitute(v, lib, it) for k, v in obj.items()}
    return obj


def run(info, sample, lib, grad, only_float64=False):
    """(result, exception, leaves) of the op on the sample in ``lib``."""
    leaves = []
    args = materialize(sample.args, lib, grad, leaves, only_float64)
    kwargs = materialize(sample.kwargs, lib, grad, leaves, only_float64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return info(lib, *args, **kwargs), None, leaves
        except Exception as e:  # noqa: BLE001 - compared with torch's
            return None, e, leaves


def flat_outputs(out):
    if isinstance(out, (tuple, list)):
        return [x for o in out for x in flat_outputs(o)]
    return [out]


def fail(where, info, sample, msg):
    raise AssertionError(f"{info.name} {where} on {sample!r}: {msg}")


def same_error(e_t, e_l, info, sample, where="forward"):
    if e_l is None:
        fail(where, info, sample, f"torch raised {type(e_t).__name__}: {e_t}; torchlite did not")
    if type(e_l).__name__ != type(e_t).__name__ or str(e_l) != str(e_t):
        fail(where, info, sample, f"torch raised {type(e_t).__name__}: {str(e_t)!r}\n"
                                  f"torchlite raised {type(e_l).__name__}: {str(e_l)!r}")


def to_numpy(t):
    if isinstance(t, torch.Tensor):
        return t.detach().numpy(force=True)  # force: torch's ZeroTensor gradients
    return t.detach().numpy()


def assert_same_values(a, b, ulp=0):
    """Bit for bit (nan == nan, and the sign of zeros), or within ``ulp`` units."""
    assert a.dtype == b.dtype, (a.dtype, b.dtype)
    assert a.shape == b.shape, (a.shape, b.shape)
    if a.dtype.kind != "f":
        assert np.array_equal(a, b), f"\ntorch:     {a!r}\ntorchlite: {b!r}"
        return
    na, nb = np.isnan(a), np.isnan(b)
    assert np.array_equal(na, nb), f"nan positions differ\ntorch:     {a!r}\ntorchlite: {b!r}"
    a, b = a[~na], b[~nb]
    if ulp:
        inf = np.isinf(a) | np.isinf(b)
        assert np.array_equal(a[inf], b[inf]), f"infinities differ\ntorch:     {a!r}\ntorchlite: {b!r}"
        wide = np.float64 if a.dtype != np.float64 else np.longdouble
        scale = np.maximum(np.maximum(np.abs(a), np.abs(b)), a.dtype.type(1))
        with np.errstate(over="ignore"):
            unit = np.spacing(scale).astype(wide)
        unit[~np.isfinite(unit)] = np.inf
        diff = np.abs(a.astype(wide) - b.astype(wide))
        ok = (a == b) | (diff <= ulp * unit)
        assert ok.all(), f"more than {ulp} ulp apart\ntorch:     {a!r}\ntorchlite: {b!r}"
        return
    assert np.array_equal(a, b) and np.array_equal(np.signbit(a), np.signbit(b)), (
        f"\ntorch:     {a!r}\ntorchlite: {b!r}")


def grad_fn_name(t):
    return type(t.grad_fn).__name__


def compare_outputs(info, sample, out_t, out_l):
    if isinstance(out_t, (tuple, list)):
        if not isinstance(out_l, (tuple, list)) or type(out_t).__name__ != type(out_l).__name__:
            fail("forward", info, sample, f"torch returned {type(out_t).__name__}, torchlite "
                                          f"{type(out_l).__name__}")
        if len(out_t) != len(out_l):
            fail("forward", info, sample, f"{len(out_t)} outputs vs {len(out_l)}")
        for a, b in zip(out_t, out_l):
            compare_outputs(info, sample, a, b)
        return
    if isinstance(out_t, torch.Tensor):
        if not isinstance(out_l, torchlite.Tensor):
            fail("forward", info, sample, f"torchlite returned {type(out_l).__name__}")
        if str(out_t.dtype) != str(out_l.dtype):
            fail("forward", info, sample, f"dtype {out_t.dtype} vs {out_l.dtype}")
        if tuple(out_t.shape) != tuple(out_l.shape):
            fail("forward", info, sample, f"shape {tuple(out_t.shape)} vs {tuple(out_l.shape)}")
        if out_t.requires_grad != out_l.requires_grad:
            fail("forward", info, sample, f"requires_grad {out_t.requires_grad} vs "
                                          f"{out_l.requires_grad}")
        if grad_fn_name(out_t) != grad_fn_name(out_l):
            fail("forward", info, sample, f"grad_fn {grad_fn_name(out_t)} vs {grad_fn_name(out_l)}")
        try:
            assert_same_values(to_numpy(out_t), to_numpy(out_l), info.ulp)
        except AssertionError as e:
            fail("forward", info, sample, f"values differ: {e}")
        return
    if type(out_t) is not type(out_l) or out_t != out_l:
        fail("forward", info, sample, f"torch returned {out_t!r}, torchlite {out_l!r}")


def check_forward(info, sample, grad):
    out_t, e_t, _ = run(info, sample, torch, grad)
    out_l, e_l, _ = run(info, sample, torchlite, grad)
    if e_t is not None:
        same_error(e_t, e_l, info, sample)
        return
    if e_l is not None:
        fail("forward", info, sample, f"torchlite raised {type(e_l).__name__}: {e_l}")
    compare_outputs(info, sample, out_t, out_l)


def apply_xfail(request, info, test, dtype=None):
    reason = info.xfail_reason(test, dtype)
    if reason:
        request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason))


# ======================================================================================
# Forward over every dtype
# ======================================================================================

@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("op_id", IDS)
def test_forward(op_id, dtype, request):
    info = BY_ID[op_id]
    apply_xfail(request, info, "forward", dtype)
    grad = dtype in FLOAT_DTYPES and info.differentiable
    for sample in info.samples(dtype):
        check_forward(info, sample, grad)


@pytest.mark.parametrize("op_id", IDS)
def test_declared_dtypes(op_id):
    """The entry's dtypes are exactly those torch accepts on the entry's first sample."""
    info = BY_ID[op_id]
    accepted = []
    for dtype in ALL_DTYPES:
        _, e, _ = run(info, info.samples(dtype)[0], torch, False)
        if e is None:
            accepted.append(dtype)
    declared = tuple(d for d in ALL_DTYPES if d in info.dtypes)
    assert tuple(accepted) == declared, f"torch accepts {accepted}; the entry declares {declared}"


METHOD_IDS = [i for i in IDS if BY_ID[i].method == "auto" and hasattr(torch.Tensor, BY_ID[i].name)]


@pytest.mark.parametrize("dtype", ["float32", "int64"])
@pytest.mark.parametrize("op_id", METHOD_IDS)
def test_method_variant(op_id, dtype, request):
    """x.op(*rest) against torch's method."""
    info = BY_ID[op_id]
    apply_xfail(request, info, "method", dtype)
    name = info.name
    minfo = info.with_name(name, op=lambda lib, x, *a, **k: getattr(x, name)(*a, **k))
    for sample in info.samples(dtype):
        if sample.args and isinstance(sample.args[0], np.ndarray):
            check_forward(minfo, sample, dtype == "float32" and info.differentiable)


# ======================================================================================
# Gradients against torch's, and gradcheck
# ======================================================================================

DIFF_IDS = [i for i in IDS if BY_ID[i].differentiable]


def graph_signature(t):
    """The graph behind ``t`` as text: node class names, the edges' output numbers, and
    shared nodes (a node met again is written @k), depth first through next_functions."""
    out, seen = [], {}

    def visit(fn, nr):
        if fn is None:
            out.append("-")
            return
        if id(fn) in seen:
            out.append(f"@{seen[id(fn)]}:{nr}")
            return
        seen[id(fn)] = len(seen)
        out.append(f"{type(fn).__name__}:{nr}(")
        for f, k in fn.next_functions:
            visit(f, k)
        out.append(")")

    visit(t.grad_fn, getattr(t, "output_nr", 0))
    return " ".join(out)


@pytest.mark.parametrize("op_id", DIFF_IDS)
def test_graph(op_id, request):
    """The recorded graph has torch's shape: the same nodes, edges and sharing (float32)."""
    info = BY_ID[op_id]
    apply_xfail(request, info, "graph")
    for sample in info.samples("float32"):
        out_t, e_t, _ = run(info, sample, torch, True)
        out_l, e_l, _ = run(info, sample, torchlite, True)
        if e_t is not None or e_l is not None:
            continue  # test_forward compares the errors
        for k, (a, b) in enumerate(zip(flat_outputs(out_t), flat_outputs(out_l))):
            if isinstance(a, torch.Tensor) and isinstance(b, torchlite.Tensor):
                ga, gb = graph_signature(a), graph_signature(b)
                if ga != gb:
                    fail("graph", info, sample, f"output {k}\ntorch:     {ga}\ntorchlite: {gb}")


def _create_graph_grads(info, sample, lib):
    """(outputs, leaves, gradients with create_graph=True or the exception)."""
    out, e, leaves = run(info, sample, lib, True)
    if e is not None:
        return None, leaves, e
    outs = [o for o in flat_outputs(out) if isinstance(o, lib.Tensor) and o.requires_grad]
    wrt = [t for t in leaves if t.requires_grad]
    if not outs or not wrt:
        return outs, wrt, None
    try:
        gs = lib.autograd.grad(outs, wrt, _upstream(outs, lib, 2), create_graph=True,
                               allow_unused=True)
    except Exception as err:  # noqa: BLE001
        return outs, wrt, err
    return outs, wrt, gs


@pytest.mark.parametrize("op_id", DIFF_IDS)
def test_double_backward_graph(op_id, request):
    """With create_graph=True each gradient has torch's grad_fn and requires_grad (the nodes of
    torch's double backward: ThresholdBackwardBackward0, SoftmaxBackwardDataBackward0...)."""
    info = BY_ID[op_id]
    apply_xfail(request, info, "double_backward")
    for sample in info.samples("float64"):
        outs_t, wrt_t, g_t = _create_graph_grads(info, sample, torch)
        outs_l, wrt_l, g_l = _create_graph_grads(info, sample, torchlite)
        if outs_t is None or not outs_t:
            continue  # the forward is compared elsewhere
        if isinstance(g_t, Exception):
            same_error(g_t, g_l if isinstance(g_l, Exception) else None, info, sample, "backward")
            continue
        if isinstance(g_l, Exception):
            fail("backward", info, sample, f"torchlite raised {type(g_l).__name__}: {g_l}")
        if g_t is None:
            continue
        for k, (a, b) in enumerate(zip(g_t, g_l)):
            if (a is None) != (b is None):
                fail("double backward", info, sample, f"gradient {k}: {a} vs {b}")
            if a is None:
                continue
            if (grad_fn_name(a), a.requires_grad) != (grad_fn_name(b), b.requires_grad):
                fail("double backward", info, sample,
                     f"gradient {k}: torch {grad_fn_name(a)} (requires_grad={a.requires_grad}), "
                     f"torchlite {grad_fn_name(b)} (requires_grad={b.requires_grad})")


def _upstream(outs, lib, seed):
    rng = np.random.default_rng(seed)
    return [lib.from_numpy(rng.standard_normal(tuple(o.shape)).astype(
        str(o.dtype).replace("torch.", ""))) for o in outs]


def check_gradients(info, sample, seed=0):
    out_t, e_t, leaves_t = run(info, sample, torch, True)
    out_l, e_l, leaves_l = run(info, sample, torchlite, True)
    if e_t is not None:
        same_error(e_t, e_l, info, sample)
        return
    if e_l is not None:
        fail("forward", info, sample, f"torchlite raised {type(e_l).__name__}: {e_l}")
    compare_outputs(info, sample, out_t, out_l)
    pairs = [(a, b) for a, b in zip(flat_outputs(out_t), flat_outputs(out_l))
             if isinstance(a, torch.Tensor) and a.requires_grad]
    if not pairs:
        return
    outs_t = [a for a, _ in pairs]
    outs_l = [b for _, b in pairs]
    g_t, g_l = _upstream(outs_t, torch, seed), _upstream(outs_l, torchlite, seed)
    err_t = err_l = None
    try:
        torch.autograd.backward(outs_t, g_t)
    except Exception as e:  # noqa: BLE001
        err_t = e
    try:
        torchlite.autograd.backward(outs_l, g_l)
    except Exception as e:  # noqa: BLE001
        err_l = e
    if err_t is not None:
        same_error(err_t, err_l, info, sample, "backward")
        return
    if err_l is not None:
        fail("backward", info, sample, f"torchlite raised {type(err_l).__name__}: {err_l}")
    precisions = [str(t.dtype) for t in leaves_t + outs_t if t.dtype.is_floating_point]
    tol = GRAD_TOL["float16" if "torch.float16" in precisions else
                   "float32" if "torch.float32" in precisions else "float64"]
    for k, (a, b) in enumerate(zip(leaves_t, leaves_l)):
        if (a.grad is None) != (b.grad is None):
            fail("backward", info, sample, f"input {k}: grad {a.grad} vs {b.grad}")
        if a.grad is None:
            continue
        if str(a.grad.dtype) != str(b.grad.dtype) or tuple(a.grad.shape) != tuple(b.grad.shape):
            fail("backward", info, sample, f"input {k}: grad {a.grad.dtype}{tuple(a.grad.shape)} "
                                           f"vs {b.grad.dtype}{tuple(b.grad.shape)}")
        ga, gb = to_numpy(a.grad), to_numpy(b.grad)
        if not np.allclose(ga, gb, equal_nan=True, **tol) or not np.array_equal(
                np.isinf(ga), np.isinf(gb)):
            fail("backward", info, sample, f"input {k}: grads differ\ntorch:     {ga!r}\n"
                                           f"torchlite: {gb!r}")


@pytest.mark.parametrize("op_id", DIFF_IDS)
def test_gradients(op_id, request):
    """float64, every floating input requires grad, same upstream gradient in both."""
    info = BY_ID[op_id]
    apply_xfail(request, info, "gradients")
    for sample in info.samples("float64"):
        check_gradients(info, sample)


@pytest.mark.parametrize("op_id", DIFF_IDS)
def test_gradients_float32(op_id, request):
    """The gradient's dtype and values follow the input's dtype (float32)."""
    info = BY_ID[op_id]
    apply_xfail(request, info, "gradients_float32")
    for sample in info.samples("float32"):
        check_gradients(info, sample, seed=1)


def _gradcheck_samples(info):
    if not info.gradcheck:
        return []
    eligible = []
    for s in info.samples("float64"):
        if not s.gradcheck:
            continue
        leaves = []
        materialize((s.args, s.kwargs), torch, False, leaves)
        floats = [t for t in leaves if t.dtype.is_floating_point]
        if not floats or any(t.dtype != torch.float64 for t in floats):
            continue
        if any(t.numel() == 0 for t in floats):  # see test_gradcheck_empty_input
            continue
        out, e, _ = run(info, s, torch, False)
        if e is not None or any(isinstance(o, torch.Tensor) and o.numel() == 0
                                for o in flat_outputs(out)):  # see test_gradgradcheck_empty_output
            continue
        if sum(t.numel() for t in floats) > 2 * MAX_GRADCHECK_NUMEL or any(
                t.numel() > MAX_GRADCHECK_NUMEL for t in floats):
            continue
        eligible.append(s)
    if len(eligible) <= MAX_GRADCHECK_SAMPLES:
        return eligible
    step = len(eligible) / MAX_GRADCHECK_SAMPLES
    return [eligible[int(i * step)] for i in range(MAX_GRADCHECK_SAMPLES)]


def _gradcheck_fn(info, sample, lib):
    leaves = []
    materialize((sample.args, sample.kwargs), lib, True, leaves, only_float64=True)
    for t in leaves:
        if t.dtype.is_floating_point:
            t.requires_grad_(True)

    def fn(*ts):
        it = iter(ts)
        args, kwargs = substitute((sample.args, sample.kwargs), lib, it)
        return info(lib, *args, **kwargs)
    return fn, leaves


def _torch_passes(check, fn, leaves):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return check(fn, tuple(leaves), raise_exception=False)
        except Exception:  # noqa: BLE001
            return False


GRADCHECK_IDS = [i for i in DIFF_IDS if _gradcheck_samples(BY_ID[i])]


@pytest.mark.parametrize("op_id", GRADCHECK_IDS)
def test_gradcheck(op_id, request):
    info = BY_ID[op_id]
    apply_xfail(request, info, "gradcheck")
    for sample in _gradcheck_samples(info):
        fn_t, leaves_t = _gradcheck_fn(info, sample, torch)
        fn_l, leaves_l = _gradcheck_fn(info, sample, torchlite)
        if _torch_passes(torch.autograd.gradcheck, fn_t, leaves_t):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                assert torchlite.autograd.gradcheck(fn_l, tuple(leaves_l)), sample
        else:
            assert not _torch_passes(torchlite.autograd.gradcheck, fn_l, leaves_l), sample


@pytest.mark.parametrize("op_id", GRADCHECK_IDS)
def test_gradgradcheck(op_id, request):
    info = BY_ID[op_id]
    apply_xfail(request, info, "gradgradcheck")
    for sample in _gradcheck_samples(info)[-1:]:  # one sample: second order is slow
        fn_t, leaves_t = _gradcheck_fn(info, sample, torch)
        fn_l, leaves_l = _gradcheck_fn(info, sample, torchlite)
        if _torch_passes(torch.autograd.gradgradcheck, fn_t, leaves_t):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                assert torchlite.autograd.gradgradcheck(fn_l, tuple(leaves_l)), sample
        else:
            assert not _torch_passes(torchlite.autograd.gradgradcheck, fn_l, leaves_l), sample


def test_gradcheck_empty_input():
    assert torch.autograd.gradcheck(torch.exp, (torch.zeros(0, dtype=torch.float64,
                                                            requires_grad=True),))
    x = torchlite.zeros(0, dtype=torchlite.float64, requires_grad=True)
    assert torchlite.autograd.gradcheck(torchlite.exp, (x,))


def test_gradgradcheck_empty_output():
    x = torch.ones(3, 4, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradgradcheck(lambda t: t[:, :0] * 2, (x,))
    assert torch.empty(3, 0).stride() == torchlite.empty(3, 0).stride()
    y = torchlite.ones(3, 4, dtype=torchlite.float64, requires_grad=True)
    assert torchlite.autograd.gradgradcheck(lambda t: t[:, :0] * 2, (y,))


# ======================================================================================
# Coverage
# ======================================================================================

# Public names of torchlite defined in torchlite/_ops/* that are not ops.
NOT_OPS = {
    "_broadcast_shapes",  # private helper behind torchlite.broadcast_shapes (returns a Size)
    "result_type",        # dtype arithmetic, tested with the dtype rules, not an op
}

# Table rows no public call records as a forward node.
ROWS_NOT_REACHED = {
    # take's double backward: recorded only when the upstream gradient itself requires grad
    # (the samples' upstream gradients do not); tests/test_shape_index_ops.py compares it
    "PutBackward0",
    # div.Scalar in the rules of mean and maximum/minimum (ties) divides the upstream gradient
    # only; tests/test_gradient_graphs.py compares it with an upstream gradient requiring grad
    "DivBackward1",
    # trace's rule fills zeros with the upstream gradient in place: recorded only when that
    # gradient requires grad; tests/test_gradient_graphs.py compares it
    "IndexFillBackward1",
    # index's rule (zeros.index_put_(indices, grad, True)): recorded only when the upstream
    # gradient requires grad; tests/fuzz/test_regressions.py compares it
    "IndexPutImplBackward0",
}


def public_op_names():
    names = set()
    for name, value in vars(torchlite).items():
        if not callable(value) or isinstance(value, type):
            continue
        fn = getattr(value, "__wrapped_op__", value)
        if (getattr(fn, "__module__", "") or "").startswith("torchlite._ops"):
            names.add(name)
    return names


def test_every_public_op_has_an_entry():
    missing = sorted(public_op_names() - covered_names() - NOT_OPS)
    assert not missing, f"public ops without an op_db entry: {missing}"


def test_allow_list_is_current():
    stale = sorted(NOT_OPS - public_op_names())
    assert not stale, f"NOT_OPS names that are gone from torchlite: {stale}"


def _graph_names(outs):
    seen, names = set(), set()
    stack = [t.grad_fn for t in outs if isinstance(t, torchlite.Tensor) and t.grad_fn is not None]
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        names.add(type(node).__name__)
        stack.extend(fn for fn, _ in node.next_functions)
    return names


def test_every_table_row_is_reached():
    """Each op-table row (grad_fn class) shows up in the graph of some entry's sample, or in
    the graph of its gradient taken with create_graph=True (the double-backward rows)."""
    reached = set()
    for info in OPS:
        if not info.differentiable:
            continue
        for sample in info.samples("float64"):
            outs, _, gs = _create_graph_grads(info, sample, torchlite)
            if outs:
                reached |= _graph_names(outs)
            if gs is not None and not isinstance(gs, Exception):
                reached |= _graph_names([g for g in gs if g is not None])
    rows = {row.node_cls.__name__ for _, _, row in torchlite._ops.all_ops()}
    missing = sorted(rows - reached - set(ROWS_NOT_REACHED))
    assert not missing, f"op-table rows no op_db sample reaches: {missing}"


# ======================================================================================
# Properties (hypothesis)
# ======================================================================================

HSETTINGS = settings(max_examples=12, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.too_slow,
                                            HealthCheck.function_scoped_fixture])


def _elements(lo, hi, avoid=()):
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False).filter(
        lambda v: all(abs(v - a) >= 0.1 for a in avoid))


BINARY_H = {  # op -> (other's low, high, avoid)
    "add": (-3, 3, ()), "sub": (-3, 3, ()), "mul": (-3, 3, ()), "div": (-3, 3, (0,)),
    "maximum": (-3, 3, ()), "minimum": (-3, 3, ()), "atan2": (-3, 3, (0,)),
    "hypot": (-3, 3, ()), "xlogy": (0.1, 3, ()), "fmax": (-3, 3, ()), "fmin": (-3, 3, ()),
    "pow": (-2, 2, ()), "remainder": (-3, 3, (0,)), "fmod": (-3, 3, (0,)),
}


@pytest.mark.parametrize("name", sorted(BINARY_H))
@HSETTINGS
@given(data=st.data(), shapes=hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3,
                                                                max_side=3))
def test_binary_broadcasting_property(name, data, shapes):
    info = BY_ID[name]
    lo, hi, avoid = BINARY_H[name]
    x_lo, x_hi = (0.5, 2) if name == "pow" else (-3, 3)
    x = data.draw(hnp.arrays(np.float64, shapes.input_shapes[0], elements=_elements(x_lo, x_hi)))
    y = data.draw(hnp.arrays(np.float64, shapes.input_shapes[1], elements=_elements(lo, hi, avoid)))
    check_gradients(info, Sample((x, y)))


UNARY_H = [i for i in IDS if BY_ID[i].family == "pointwise unary" and "#" not in i
           and BY_ID[i].differentiable and BY_ID[i].gradcheck]


@pytest.mark.parametrize("op_id", UNARY_H)
@HSETTINGS
@given(data=st.data(), dtype=st.sampled_from(["float32", "float64"]))
def test_unary_values_property(op_id, data, dtype):
    info = BY_ID[op_id]
    lo, hi = info.domain
    x = data.draw(hnp.arrays(dtype, hnp.array_shapes(min_dims=0, max_dims=2, max_side=4),
                             elements=_elements(lo, hi, info.avoid).map(
                                 lambda v: float(np.asarray(v, dtype))).filter(
                                     lambda v: lo <= v <= hi)))
    check_forward(info, Sample((x,)), True)
    if dtype == "float64":
        check_gradients(info, Sample((x,)))


REDUCE_H = ["sum", "nansum", "mean", "prod", "amax", "amin", "logsumexp", "var", "std",
            "norm_dim", "softmax", "log_softmax", "cumsum"]


@pytest.mark.parametrize("name", REDUCE_H)
@HSETTINGS
@given(data=st.data(), shape=hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=3))
def test_reduction_dims_property(name, data, shape):
    x = data.draw(hnp.arrays(np.float64, shape, elements=_elements(0.5, 1.5) if name == "prod"
                             else _elements(-3, 3)))
    ndim = len(shape)
    if name in ("prod", "softmax", "log_softmax", "cumsum"):
        dim = data.draw(st.integers(-ndim, ndim - 1))
        sample = Sample((x, dim), {"keepdim": data.draw(st.booleans())} if name == "prod" else {})
    else:
        dims = data.draw(st.lists(st.integers(0, ndim - 1), unique=True, min_size=1,
                                  max_size=ndim))
        keepdim = data.draw(st.booleans())
        sample = Sample((x, tuple(dims)), {"keepdim": keepdim})
    if name == "norm_dim":
        p = data.draw(st.sampled_from([1, 2, 3, math.inf]))
        info = BY_ID["norm"].with_name("norm", op=lambda lib, x, d, keepdim: lib.norm(
            x, p, d, keepdim))
    else:
        info = BY_ID[name]
    check_gradients(info, sample)
