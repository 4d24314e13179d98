"""Memory behaviour of the autograd graph.

* A backward without retain_graph releases what the nodes saved, even while the graph (the
  loss) is still referenced; with retain_graph it keeps them.  (torch's side of the same rule,
  the second-backward error, is compared in test_autograd_engine.py; here the release is
  observed directly: a weakref to the saved array, or tracemalloc.)
* Graphs die by reference counting alone: with the garbage collector disabled, dropping the
  output frees the nodes, and a training step leaves no reference cycles behind (checked in
  both libraries: gc.collect() finds nothing).
* A training loop of 10,000 small steps keeps memory flat (tracemalloc, allocated blocks).
"""

import gc
import sys
import tracemalloc
import weakref

import numpy as np
import pytest
import torch

import torchlite


@pytest.fixture
def no_gc():
    """The collector off; objects that existed before the test are frozen, so that
    gc.collect() inspects only what the test made (and is fast)."""
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


def _intermediate_graph(tl):
    """loss = (exp(x) * w).sum(): MulBackward0 saves the intermediate exp(x)."""
    x = tl.tensor(np.linspace(0.0, 1.0, 1000), requires_grad=True)
    w = tl.tensor(np.linspace(1.0, 2.0, 1000), requires_grad=True)
    h = x.exp()
    ref = weakref.ref(h._data)
    loss = (h * w).sum()
    del h
    return x, w, loss, ref


def test_saved_arrays_released_after_backward(no_gc):
    x, w, loss, ref = _intermediate_graph(torchlite)
    assert ref() is not None  # kept by the graph
    loss.backward()
    assert ref() is None  # released although `loss` (and its graph) is still alive
    assert loss.grad_fn is not None


@pytest.mark.parametrize("next_op", ["mm", "mul"])
def test_saved_arrays_released_before_the_next_node_runs(no_gc, next_op):
    """A node's saved output and gradient are gone when the next node runs (peak memory of a
    chain: the engine keeps no reference to them), whichever path runs the next node."""
    a = torchlite.tensor(np.ones((4, 4)), requires_grad=True)
    c = a @ a if next_op == "mm" else a * a
    r = c.relu()  # ReluBackward0 saves its result
    ref = weakref.ref(r._data)
    loss = r.sum()
    del r
    seen = []
    c.grad_fn.register_prehook(lambda grads: seen.append(ref()))
    loss.backward()
    assert seen == [None]


def test_retain_graph_keeps_saved_arrays(no_gc):
    x, w, loss, ref = _intermediate_graph(torchlite)
    loss.backward(retain_graph=True)
    assert ref() is not None
    loss.backward()
    assert ref() is None


def test_grad_releases_saved_arrays(no_gc):
    x, w, loss, ref = _intermediate_graph(torchlite)
    torchlite.autograd.grad(loss, [x])
    assert ref() is None


def test_create_graph_keeps_what_the_gradient_needs(no_gc):
    x, w, loss, ref = _intermediate_graph(torchlite)
    (gw,) = torchlite.autograd.grad(loss, [w], create_graph=True)
    assert ref() is not None  # create_graph retains the graph
    del loss
    assert ref() is not None  # the gradient's own graph uses exp(x)
    (gx,) = torchlite.autograd.grad(gw.sum(), [x])
    del gw
    assert ref() is None


def test_saved_memory_returned_after_backward_tracemalloc():
    def run():
        x = torchlite.ones(200_000, dtype=torchlite.float64, requires_grad=True)
        chain = x
        for _ in range(4):
            chain = chain.exp()  # each ExpBackward0 saves its 1.6 MB result
        loss = (chain * 1.5).sum()
        del chain
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            loss.backward()
            after = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
        return before, after, loss
    gc.collect()
    before, after, loss = run()
    # the four saved results (4 x 1.6 MB, allocated before tracing) do not show here, but x.grad
    # (1.6 MB) does; the backward's temporaries are gone: at most x.grad plus a little
    assert after - before < 1.7e6
    assert loss.grad_fn is not None


# --- graphs collected by reference counting ------------------------------------------------------

GRAPHS = {
    "chain": lambda tl, x: ((x * 2).exp() + 1).sum(),
    "views": lambda tl, x: (x.view(2, 3).t()[1:] * 3).sum(),
    "inplace": lambda tl, x: (x * 1).mul_(2).add_(1).sum(),
    "view_inplace": lambda tl, x: _view_inplace(x),
    "setitem": lambda tl, x: _setitem(x),
    "unbind": lambda tl, x: sum(p.sum() for p in (x * 1).view(2, 3).unbind(0)),
    "hooks": lambda tl, x: _hooked(x),
    "retain_grad": lambda tl, x: _retained(x),
    "function": lambda tl, x: _custom(tl, x),
    "max_indices": lambda tl, x: x.view(2, 3).max(1)[0].sum(),
    "base_changed": lambda tl, x: _base_changed(x),
}


def _view_inplace(x):
    h = x * 1
    h[2:].mul_(3)
    return h.sum()


def _setitem(x):
    h = x * 1
    h[0] = 5.0
    return h.sum()


def _hooked(x):
    h = x * 2
    h.register_hook(lambda g: g * 2)
    h.grad_fn.register_prehook(lambda go: None)
    h.grad_fn.register_hook(lambda gi, go: None)
    return h.sum()


def _retained(x):
    h = x * 2
    h.retain_grad()
    return h.sum()


def _custom(tl, x):
    class Sq(tl.autograd.Function):
        @staticmethod
        def forward(ctx, a):
            y = a * a
            ctx.save_for_backward(a, y)
            return y

        @staticmethod
        def backward(ctx, g):
            a, _ = ctx.saved_tensors
            return 2 * a * g
    return Sq.apply(x).sum()


def _base_changed(x):
    h = x * 1
    v = h[1:]
    h.mul_(2)
    return v.sum()


@pytest.mark.parametrize("case", sorted(GRAPHS))
@pytest.mark.parametrize("lib", ["torch", "torchlite"])
@pytest.mark.parametrize("backward", [False, True])
def test_graph_freed_without_gc(no_gc, case, lib, backward):
    tl = torch if lib == "torch" else torchlite
    x = tl.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], requires_grad=True)
    out = GRAPHS[case](tl, x)
    if backward:
        out.backward(retain_graph=True)
    refs = [weakref.ref(out)]
    if lib == "torchlite":  # torch's Python node objects are made on access; only ours here
        refs.append(weakref.ref(out.grad_fn))
        refs.append(weakref.ref(out.grad_fn.next_functions[0][0]))
    del out
    assert [r() for r in refs] == [None] * len(refs)
    x.grad = None
    assert gc.collect() == 0 or lib == "torch"


@pytest.mark.parametrize("lib", ["torch", "torchlite"])
def test_training_steps_leave_no_cycles(no_gc, lib):
    tl = torch if lib == "torch" else torchlite
    tl.manual_seed(0)
    w = tl.randn(4, 3, requires_grad=True)
    b = tl.zeros(3, requires_grad=True)
    x = tl.randn(8, 4)
    y = tl.randn(8, 3)
    for _ in range(20):
        loss = (((x @ w + b).relu() - y) ** 2).mean()
        loss.backward()
        with tl.no_grad():
            w -= 0.01 * w.grad
            b -= 0.01 * b.grad
        w.grad = None
        b.grad.zero_()
        (g,) = tl.autograd.grad((w ** 3).sum(), w, create_graph=True)
        g.sum().backward()
        w.grad = None
    assert gc.collect() == 0


def test_deep_graph_freed_without_gc(no_gc):
    x = torchlite.tensor([1.0], requires_grad=True)
    y = x
    for _ in range(20_000):
        y = y + 1.0
    root = weakref.ref(y.grad_fn)
    first = y.grad_fn
    for _ in range(19_999):
        first = first.next_functions[0][0]
    bottom = weakref.ref(first)
    del first
    del y
    assert root() is None and bottom() is None


def test_leaf_and_accumulator_freed(no_gc):
    x = torchlite.tensor([1.0, 2.0], requires_grad=True)
    (x * 2).sum().backward()
    acc = (x * 1).grad_fn.next_functions[0][0]
    refs = (weakref.ref(x), weakref.ref(acc), weakref.ref(x.grad))
    del x, acc
    assert [r() for r in refs] == [None, None, None]


# --- a long training loop ---------------------------------------------------------------------------

def test_training_loop_memory_is_flat():
    tl = torchlite
    tl.manual_seed(0)
    w = tl.randn(4, 3, requires_grad=True)
    b = tl.zeros(3, requires_grad=True)
    x = tl.randn(8, 4)
    y = tl.randn(8, 3)
    lr = 0.01

    def steps(n):
        for _ in range(n):
            loss = ((x @ w + b - y) ** 2).mean()
            loss.backward()
            with tl.no_grad():
                w.sub_(lr * w.grad)
                b.sub_(lr * b.grad)
                w.grad.zero_()
                b.grad.zero_()
    steps(100)  # warm up caches (node classes, first-time paths)
    gc.collect()
    gc.freeze()  # later collections only look at new objects
    try:
        # 2,100 steps traced by tracemalloc (slow) in windows of 400, then 7,800 counted in
        # allocated blocks (fast).  NumPy's small-buffer caches and one-time reallocations of
        # pre-existing tables add a few kB to some windows; a leak adds to every one.
        tracemalloc.start()
        try:
            steps(100)
            growth = []
            for _ in range(5):
                gc.collect()
                before = tracemalloc.get_traced_memory()[0]
                steps(400)
                gc.collect()
                growth.append(tracemalloc.get_traced_memory()[0] - before)
        finally:
            tracemalloc.stop()
        blocks = sys.getallocatedblocks()
        steps(7800)
        gc.collect()
        block_growth = sys.getallocatedblocks() - blocks
    finally:
        gc.unfreeze()
    # an object of 32 bytes kept per step would add 12.8 kB to every window
    assert min(growth) < 4_000, growth
    # one object kept per step would be 7,800 blocks
    assert block_growth < 500, block_growth
    assert np.isfinite(w._data).all()
