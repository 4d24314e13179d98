"""The benchmark workloads W1-W5 (issue "Performance"), each defined once.

Every workload has two builders: one taking the library module (`torch` or `torchlite`, the same
code runs under both) and one for the hand-written NumPy floor (the forward plus explicit
gradients: the limit for an autograd engine built on NumPy). A builder allocates the inputs, seeded
and made with NumPy, then converted (`lib.from_numpy(array.copy())`), so every framework starts
from identical values, and returns a `Case`:

- `case.run()` performs one iteration (what is timed);
- `case.result()` returns the loss(es) and gradients of the last iteration as float64 NumPy
  arrays, keyed by name (what the agreement checks compare).

`build(workload_id, framework, **sizes)` is the entry point shared by the pytest-benchmark suite,
the report command and `tests/test_benchmark_workloads.py`; `check_agreement` compares two results
with the workload's tolerances.

Inputs are chosen so that the agreement checks cannot be flaky: a ReLU's mask decides which
gradient rows survive, so a pre-activation that lands within rounding error of 0 could flip between
two BLAS libraries and change a gradient visibly. W4 therefore uses small integer matrices (every
product and partial sum is an integer below 2**24, so all three compute A@B@A exactly, in any
summation order), and W2 uses dyadic inputs and first-layer weights (pixels i/256, weights j/1024:
the first layer's pre-activations are exact, so the ReLU mask is the same everywhere). Timings do
not depend on the values.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

FRAMEWORKS = ("torch", "torchlite", "floor")
LIBRARIES = ("torch", "torchlite")


@dataclass
class Case:
    """One framework's instance of a workload: `run()` is one iteration, `result()` its outputs."""

    run: Callable[[], object]
    result: Callable[[], dict]


def load_library(framework):
    """The module for 'torch' or 'torchlite'."""
    if framework not in LIBRARIES:
        raise ValueError(f"not a library: {framework!r} (expected one of {LIBRARIES})")
    return importlib.import_module(framework)


def _leaf(lib, array):
    """A leaf tensor requiring grad with a private copy of `array` (from NumPy, so both libraries
    get identical values)."""
    return lib.from_numpy(np.array(array, copy=True)).requires_grad_()


def _const(lib, array):
    return lib.from_numpy(np.array(array, copy=True))


def _np(t):
    """A tensor's (or an array's) values as a float64 NumPy array."""
    if isinstance(t, np.ndarray | np.generic | float | int):
        return np.asarray(t, dtype=np.float64)
    return np.asarray(t.detach().numpy(), dtype=np.float64)


# --------------------------------------------------------------------------------------------
# W1: 100 chained elementwise ops on a (2, 2) leaf, then .sum() (per-op overhead)
# --------------------------------------------------------------------------------------------

# The repeating cycle of six ops; n_ops takes whole cycles, then the first n_ops % 6 of the next.
W1_CYCLE = ("mul", "add", "tanh", "mul", "add", "sin")
W1_MODES = ("nograd", "graph", "fwdbwd")


def w1_inputs():
    rng = np.random.default_rng(1)
    return {"a": rng.standard_normal((2, 2)).astype(np.float32)}


def _w1_chain(y, n_ops):
    """y*1.01, y+0.5, tanh, y*1.01, y+0.5, sin, repeated: n_ops ops in all (Tensor methods, so
    the same code runs under torch and torchlite)."""
    for _ in range(n_ops // 6):
        y = ((y * 1.01 + 0.5).tanh() * 1.01 + 0.5).sin()
    for op in W1_CYCLE[: n_ops % 6]:
        if op == "mul":
            y = y * 1.01
        elif op == "add":
            y = y + 0.5
        elif op == "tanh":
            y = y.tanh()
        else:
            y = y.sin()
    return y


def w1(lib, mode, n_ops=100):
    """W1 under `lib`: mode 'nograd' (forward under no_grad), 'graph' (forward recording the
    graph) or 'fwdbwd' (forward and backward; the leaf's grad is reset first, so each iteration
    computes one gradient instead of accumulating)."""
    if mode not in W1_MODES:
        raise ValueError(f"W1 mode must be one of {W1_MODES}, got {mode!r}")
    a = _leaf(lib, w1_inputs()["a"])
    last = {}
    if mode == "nograd":
        no_grad = lib.no_grad

        def run():
            with no_grad():
                out = _w1_chain(a, n_ops).sum()
            last["out"] = out
            return out

    elif mode == "graph":

        def run():
            out = _w1_chain(a, n_ops).sum()
            last["out"] = out
            return out

    else:

        def run():
            a.grad = None
            out = _w1_chain(a, n_ops).sum()
            out.backward()
            last["out"] = out
            return out

    def result():
        res = {"loss": _np(last["out"])}
        if mode == "fwdbwd":
            res["a.grad"] = _np(a.grad)
        return res

    return Case(run, result)


def w1_floor(mode, n_ops=100):
    """W1 in plain NumPy. 'graph' keeps what a backward needs (tanh's result, sin's input);
    'fwdbwd' then applies the derivatives by hand: mul -> g*1.01, add -> g, tanh -> g*(1-t*t),
    sin -> g*cos(u)."""
    if mode not in W1_MODES:
        raise ValueError(f"W1 mode must be one of {W1_MODES}, got {mode!r}")
    a = w1_inputs()["a"].copy()
    tanh, sin, cos = np.tanh, np.sin, np.cos
    cycles, rest = divmod(n_ops, 6)
    rest_ops = W1_CYCLE[:rest]
    last = {}

    def forward_nograd():
        y = a
        for _ in range(cycles):
            y = sin(tanh(y * 1.01 + 0.5) * 1.01 + 0.5)
        for op in rest_ops:
            if op == "mul":
                y = y * 1.01
            elif op == "add":
                y = y + 0.5
            elif op == "tanh":
                y = tanh(y)
            else:
                y = sin(y)
        return y.sum()

    def forward_tape():
        y = a
        tape = []  # per cycle: (tanh result, sin input)
        for _ in range(cycles):
            t = tanh(y * 1.01 + 0.5)
            u = t * 1.01 + 0.5
            tape.append((t, u))
            y = sin(u)
        rest_tape = []
        for op in rest_ops:
            if op == "mul":
                y = y * 1.01
            elif op == "add":
                y = y + 0.5
            elif op == "tanh":
                y = tanh(y)
                rest_tape.append(y)
            else:
                rest_tape.append(y)
                y = sin(y)
        return y.sum(), y, tape, rest_tape

    if mode == "nograd":

        def run():
            last["loss"] = forward_nograd()
            return last["loss"]

    elif mode == "graph":

        def run():
            loss, _y, _tape, _rest_tape = forward_tape()
            last["loss"] = loss
            return loss

    else:

        def run():
            loss, y, tape, rest_tape = forward_tape()
            g = np.ones_like(y)
            for op in reversed(rest_ops):
                if op == "mul":
                    g = g * 1.01
                elif op == "tanh":
                    t = rest_tape.pop()
                    g = g * (1 - t * t)
                elif op == "sin":
                    g = g * cos(rest_tape.pop())
            for t, u in reversed(tape):
                g = g * cos(u) * 1.01 * (1 - t * t) * 1.01
            last["loss"], last["grad"] = loss, g
            return loss

    def result():
        res = {"loss": _np(last["loss"])}
        if mode == "fwdbwd":
            res["a.grad"] = _np(last["grad"])
        return res

    return Case(run, result)


# --------------------------------------------------------------------------------------------
# W2: one MLP training step (64x784 batch, 784->256 ReLU 256->10, cross-entropy from primitives)
# --------------------------------------------------------------------------------------------


def w2_inputs(batch=64, d_in=784, hidden=256, classes=10):
    """Dyadic values: pixels i/256 and first-layer parameters j/1024 (|j| <= 32, about torch's
    default bound 1/sqrt(784)), so x @ w1.T + b1 is exact in float32 in any summation order for
    d_in <= 784 (|sum| < 784 * 255 * 32 + 8192 < 2**24 units of 2**-18)."""
    if d_in > 784:
        raise ValueError("W2's exactness argument holds for d_in <= 784")
    rng = np.random.default_rng(2)
    f32 = np.float32
    labels = rng.integers(0, classes, batch)
    return {
        "x": (rng.integers(0, 256, (batch, d_in)) / 256).astype(f32),
        "onehot": np.eye(classes, dtype=f32)[labels],
        "w1": (rng.integers(-32, 33, (hidden, d_in)) / 1024).astype(f32),
        "b1": (rng.integers(-32, 33, hidden) / 1024).astype(f32),
        "w2": (rng.integers(-64, 65, (classes, hidden)) / 1024).astype(f32),
        "b2": (rng.integers(-64, 65, classes) / 1024).astype(f32),
    }


W2_PARAMS = ("w1", "b1", "w2", "b2")
W2_LR = 0.01


def w2(lib, batch=64, d_in=784, hidden=256, classes=10, lr=W2_LR):
    """One training step: zero the grads (set to None, as torch's `zero_grad()` does; done at the
    start of the step so `result()` can still read this step's gradients), forward through
    Linear(784, 256) (weights stored (out, in) as nn.Linear does), ReLU, Linear(256, 10), a
    softmax cross-entropy from primitives (the max shift detached, exp, sum, log, a precomputed
    one-hot), backward, and a hand-written SGD step under no_grad."""
    data = w2_inputs(batch, d_in, hidden, classes)
    x, onehot = _const(lib, data["x"]), _const(lib, data["onehot"])
    params = [_leaf(lib, data[name]) for name in W2_PARAMS]
    w1_, b1, w2_, b2 = params
    no_grad = lib.no_grad
    last = {}

    def run():
        for p in params:
            p.grad = None
        h = (x @ w1_.t() + b1).relu()
        z = h @ w2_.t() + b2
        m = z.max(dim=1, keepdim=True).values.detach()
        s = z - m
        logp = s - s.exp().sum(dim=1, keepdim=True).log()
        loss = -(logp * onehot).sum() / batch
        loss.backward()
        with no_grad():
            for p in params:
                p -= lr * p.grad
        last["loss"] = loss
        return loss

    def result():
        res = {"loss": _np(last["loss"])}
        for name, p in zip(W2_PARAMS, params):
            res[f"{name}.grad"] = _np(p.grad)
        for name, p in zip(W2_PARAMS, params):
            res[f"{name} (after step)"] = _np(p)
        return res

    return Case(run, result)


def w2_floor(batch=64, d_in=784, hidden=256, classes=10, lr=W2_LR):
    """W2 by hand: the same forward, then d(logits) = (softmax - onehot) / batch and the chain
    rule through both layers; the SGD step updates the arrays in place."""
    data = w2_inputs(batch, d_in, hidden, classes)
    x, onehot = data["x"], data["onehot"]
    w1_, b1, w2_, b2 = (data[name].copy() for name in W2_PARAMS)
    last = {}

    def run():
        pre = x @ w1_.T + b1
        h = np.maximum(pre, 0)
        z = h @ w2_.T + b2
        s = z - z.max(axis=1, keepdims=True)
        e = np.exp(s)
        se = e.sum(axis=1, keepdims=True)
        logp = s - np.log(se)
        loss = -(logp * onehot).sum() / batch
        dz = (e / se - onehot) / batch
        gw2 = dz.T @ h
        gb2 = dz.sum(axis=0)
        dpre = (dz @ w2_) * (pre > 0)
        gw1 = dpre.T @ x
        gb1 = dpre.sum(axis=0)
        grads = (gw1, gb1, gw2, gb2)
        for p, g in zip((w1_, b1, w2_, b2), grads):
            p -= lr * g
        last["loss"], last["grads"] = loss, grads
        return loss

    def result():
        res = {"loss": _np(last["loss"])}
        for name, g in zip(W2_PARAMS, last["grads"]):
            res[f"{name}.grad"] = _np(g)
        for name, p in zip(W2_PARAMS, (w1_, b1, w2_, b2)):
            res[f"{name} (after step)"] = _np(p)
        return res

    return Case(run, result)


# --------------------------------------------------------------------------------------------
# W3: large elementwise expression, ((x*y + x).tanh() * y).sum().backward()
# --------------------------------------------------------------------------------------------


def w3_inputs(n=1_000_000):
    rng = np.random.default_rng(3)
    return {"x": rng.standard_normal(n).astype(np.float32), "y": rng.standard_normal(n).astype(np.float32)}


def w3(lib, n=1_000_000):
    data = w3_inputs(n)
    x, y = _leaf(lib, data["x"]), _leaf(lib, data["y"])
    last = {}

    def run():
        x.grad = None
        y.grad = None
        out = ((x * y + x).tanh() * y).sum()
        out.backward()
        last["out"] = out
        return out

    def result():
        return {"loss": _np(last["out"]), "x.grad": _np(x.grad), "y.grad": _np(y.grad)}

    return Case(run, result)


def w3_floor(n=1_000_000):
    """t = tanh(x*y + x); loss = sum(t*y); dt = y; db = dt*(1-t*t); dx = db*y + db; dy = db*x + t."""
    data = w3_inputs(n)
    x, y = data["x"], data["y"]
    last = {}

    def run():
        t = np.tanh(x * y + x)
        loss = (t * y).sum()
        db = y * (1 - t * t)
        gx = db * y + db
        gy = db * x + t
        last["loss"], last["gx"], last["gy"] = loss, gx, gy
        return loss

    def result():
        return {"loss": _np(last["loss"]), "x.grad": _np(last["gx"]), "y.grad": _np(last["gy"])}

    return Case(run, result)


# --------------------------------------------------------------------------------------------
# W4: (A@B@A).relu().sum().backward() with 512x512 matrices
# --------------------------------------------------------------------------------------------


def w4_inputs(n=512):
    """Integers in [-2, 2]: |A@B| <= 4n and |A@B@A| <= 8n**2, below 2**24 for n <= 1024, and so
    are the gradients' entries: every framework computes them exactly."""
    if n > 1024:
        raise ValueError("W4's exactness argument holds for n <= 1024")
    rng = np.random.default_rng(4)
    return {name: rng.integers(-2, 3, (n, n)).astype(np.float32) for name in ("A", "B")}


def w4(lib, n=512):
    data = w4_inputs(n)
    a, b = _leaf(lib, data["A"]), _leaf(lib, data["B"])
    last = {}

    def run():
        a.grad = None
        b.grad = None
        out = (a @ b @ a).relu().sum()
        out.backward()
        last["out"] = out
        return out

    def result():
        return {"loss": _np(last["out"]), "A.grad": _np(a.grad), "B.grad": _np(b.grad)}

    return Case(run, result)


def w4_floor(n=512):
    """P = A@B, Y = P@A, G = [Y > 0]; dP = G@A.T; dA = P.T@G + dP@B.T; dB = A.T@dP."""
    data = w4_inputs(n)
    a, b = data["A"], data["B"]
    last = {}

    def run():
        p = a @ b
        y = p @ a
        loss = np.maximum(y, 0).sum()
        g = (y > 0).astype(np.float32)
        dp = g @ a.T
        ga = p.T @ g + dp @ b.T
        gb = a.T @ dp
        last["loss"], last["ga"], last["gb"] = loss, ga, gb
        return loss

    def result():
        return {"loss": _np(last["loss"]), "A.grad": _np(last["ga"]), "B.grad": _np(last["gb"])}

    return Case(run, result)


# --------------------------------------------------------------------------------------------
# W5: micrograd's test_engine.py "sanity check" and "more ops", float64 0-dim tensors
# --------------------------------------------------------------------------------------------


def w5_inputs():
    return {"x": np.array(-4.0), "a": np.array(-4.0), "b": np.array(2.0)}


def w5(lib):
    """Both expressions of micrograd's tests (in the out-of-place form its torch half uses), each
    followed by backward; grads are reset first so each iteration computes them once."""
    data = w5_inputs()
    x, a, b = (_leaf(lib, data[k]) for k in ("x", "a", "b"))
    last = {}

    def run():
        x.grad = None
        a.grad = None
        b.grad = None
        # "sanity check"
        z = 2 * x + 2 + x
        q = z.relu() + z * x
        h = (z * z).relu()
        y = h + q + q * x
        y.backward()
        # "more ops"
        c = a + b
        d = a * b + b**3
        c = c + c + 1
        c = c + 1 + c + (-a)
        d = d + d * 2 + (b + a).relu()
        d = d + 3 * d + (b - a).relu()
        e = c - d
        f = e**2
        g = f / 2.0
        g = g + 10.0 / f
        g.backward()
        last["y"], last["g"] = y, g
        return g

    def result():
        return {
            "sanity y": _np(last["y"]),
            "sanity x.grad": _np(x.grad),
            "more_ops g": _np(last["g"]),
            "more_ops a.grad": _np(a.grad),
            "more_ops b.grad": _np(b.grad),
        }

    return Case(run, result)


def w5_floor():
    """Both expressions on float64 NumPy scalars, with the derivatives applied by hand."""
    data = w5_inputs()
    x0, a0, b0 = data["x"], data["a"], data["b"]
    relu = np.maximum
    last = {}

    def run():
        # "sanity check": z = 3x + 2, q = relu(z) + z*x, h = relu(z*z), y = h + q + q*x
        x = x0
        z = 2 * x + 2 + x
        q = relu(z, 0.0) + z * x
        zz = z * z
        y = relu(zz, 0.0) + q + q * x
        dq = 1 + x
        dz = (zz > 0) * 2 * z + dq * (z > 0) + dq * x
        gx = q + dq * z + 3 * dz
        # "more ops"
        a, b = a0, b0
        c0 = a + b
        d0 = a * b + b**3
        c1 = c0 + c0 + 1
        c2 = c1 + 1 + c1 + (-a)
        d1 = d0 + d0 * 2 + relu(b + a, 0.0)
        d2 = d1 + 3 * d1 + relu(b - a, 0.0)
        e = c2 - d2
        f = e**2
        g = f / 2.0 + 10.0 / f
        de = (0.5 - 10.0 / (f * f)) * 2 * e
        dd1 = -de * 4
        dd0 = dd1 * 3
        dc0 = de * 4
        r2 = -de * ((b - a) > 0)
        r1 = dd1 * ((b + a) > 0)
        ga = dc0 - de - r2 + r1 + dd0 * b
        gb = dc0 + r2 + r1 + dd0 * (a + 3 * b * b)
        last.update(y=y, gx=gx, g=g, ga=ga, gb=gb)
        return g

    def result():
        return {
            "sanity y": _np(last["y"]),
            "sanity x.grad": _np(last["gx"]),
            "more_ops g": _np(last["g"]),
            "more_ops a.grad": _np(last["ga"]),
            "more_ops b.grad": _np(last["gb"]),
        }

    return Case(run, result)


# --------------------------------------------------------------------------------------------
# The registry
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Workload:
    """A workload as the suites and the report see it.

    `target` is the issue's bound on torchlite time / torch time. `per_iteration` work units make
    one iteration (W1 reports per op: 100). Agreement: |value - reference| <= rtol * |reference| +
    atol * max|reference| elementwise (atol is relative to the array's largest magnitude, so
    entries that cancel to near zero are judged on the array's scale). `small` are the reduced
    sizes of the agreement test; `memory` marks the workloads whose peak memory is compared."""

    id: str
    title: str
    make: Callable[..., Case]
    floor: Callable[..., Case]
    target: float
    rtol: float
    atol: float
    per_iteration: int = 1
    unit: str = "step"
    small: dict = field(default_factory=dict)
    memory: bool = False

    def build(self, framework, **sizes):
        """A fresh Case of this workload for 'torch', 'torchlite' or 'floor'."""
        if framework == "floor":
            return self.floor(**sizes)
        return self.make(load_library(framework), **sizes)


def _w1_make(mode):
    return lambda lib, **sizes: w1(lib, mode, **sizes)


def _w1_floor(mode):
    return lambda **sizes: w1_floor(mode, **sizes)


# Tolerances (float32 unless stated). Elementwise kernels (NumPy's vs torch's tanh/sin/exp/log)
# may differ in the last bit; reductions over many float32 elements may differ in the last bits
# with the summation order (NumPy sums pairwise, torch vectorised); matmuls of non-integer float32
# data differ with the BLAS's blocking. Measured on the reference machine (largest difference of
# torchlite or the floor from torch, relative to the array's largest magnitude), the bounds leave
# at least 10x headroom:
# - W1: loss 7e-8; a.grad 1.5e-5 elementwise relative: the gradient is a product of ~70 factors
#   (about 1e-23 in all), each carrying float32 rounding of the forward values.
# - W2: 3e-7 (BLAS order in the second layer and in the weight gradients).
# - W3: 3e-7 (loss: a float32 sum of 1e6 or 1e4 terms).
# - W4: exact (integer-valued matmuls); the loss is a float32 sum of 262,144 terms.
# - W5: float64, 2e-16.
W1_TOL = dict(rtol=2e-4, atol=1e-6)
W2_TOL = dict(rtol=1e-5, atol=1e-5)
W3_TOL = dict(rtol=1e-5, atol=1e-5)
W4_TOL = dict(rtol=1e-6, atol=0.0)
W5_TOL = dict(rtol=1e-12, atol=1e-12)

WORKLOADS = {
    w.id: w
    for w in (
        Workload(
            "W1-nograd", "W1: 100 chained ops on (2,2), forward under no_grad",
            _w1_make("nograd"), _w1_floor("nograd"), target=0.6, per_iteration=100, unit="op", **W1_TOL,
        ),
        Workload(
            "W1-graph", "W1: 100 chained ops on (2,2), forward recording the graph",
            _w1_make("graph"), _w1_floor("graph"), target=0.6, per_iteration=100, unit="op", **W1_TOL,
        ),
        Workload(
            "W1-fwdbwd", "W1: 100 chained ops on (2,2), forward and backward",
            _w1_make("fwdbwd"), _w1_floor("fwdbwd"), target=0.7, per_iteration=100, unit="op", **W1_TOL,
        ),
        Workload(
            "W2", "W2: MLP training step (64x784, 784-256-10, CE, SGD)",
            w2, w2_floor, target=1.0, memory=True, **W2_TOL,
        ),
        Workload(
            "W3", "W3: ((x*y + x).tanh() * y).sum().backward(), 1e6 elements",
            w3, w3_floor, target=1.0, small=dict(n=10_000), memory=True,
            **W3_TOL,
        ),
        Workload(
            "W4", "W4: (A@B@A).relu().sum().backward(), 512x512",
            w4, w4_floor, target=1.0, small=dict(n=64), memory=True, **W4_TOL,
        ),
        Workload(
            "W5", "W5: micrograd's sanity check and more ops, float64 0-dim",
            w5, w5_floor, target=0.35, **W5_TOL,
        ),
    )
}

MEMORY_TARGET = 1.2  # peak memory of W2, W3, W4: torchlite <= 1.2x torch


def build(workload_id, framework, **sizes):
    """A fresh Case of workload `workload_id` ('W1-nograd', ..., 'W5') for 'torch', 'torchlite'
    or 'floor'; `sizes` override the full-size defaults (e.g. n=10_000 for W3)."""
    return WORKLOADS[workload_id].build(framework, **sizes)


def compare(result, reference, rtol, atol):
    """Mismatches between two results (dicts of arrays) as readable lines; [] when they agree."""
    problems = []
    if set(result) != set(reference):
        problems.append(f"different outputs: {sorted(result)} vs {sorted(reference)}")
    for key in reference:
        if key not in result:
            continue
        got, want = np.asarray(result[key]), np.asarray(reference[key])
        if got.shape != want.shape:
            problems.append(f"{key}: shape {got.shape} vs {want.shape}")
            continue
        if not (np.all(np.isfinite(got)) and np.all(np.isfinite(want))):
            problems.append(f"{key}: non-finite values")
            continue
        scale = float(np.max(np.abs(want))) if want.size else 0.0
        err = np.abs(got - want)
        bound = rtol * np.abs(want) + atol * scale
        if np.any(err > bound):
            i = np.unravel_index(np.argmax(err - bound), err.shape) if err.ndim else ()
            problems.append(
                f"{key}: max |diff| {float(np.max(err)):.3g} exceeds rtol={rtol:g}, atol={atol:g}*{scale:.3g}"
                f" (at {tuple(int(k) for k in i)}: {float(got[i])!r} vs {float(want[i])!r})"
            )
    return problems


def check_agreement(workload_id, result, reference, label="result"):
    """Raise AssertionError naming every mismatch between `result` and the torch `reference`."""
    w = WORKLOADS[workload_id]
    problems = compare(result, reference, w.rtol, w.atol)
    if problems:
        raise AssertionError(f"{workload_id}: {label} disagrees with torch:\n  " + "\n  ".join(problems))
