"""Grad modes against torch: no_grad, enable_grad, set_grad_enabled, inference_mode (as
context managers, decorators, on generators, with exceptions), inference tensors used later,
and the thread-locality of the modes (two threads at once, and two concurrent backward passes).
"""

import threading

import pytest

from autograd_diff import same


def _state(torch, x):
    y = x * 2
    return torch.is_grad_enabled(), y.requires_grad, y.grad_fn


# --- no_grad ------------------------------------------------------------------------------------------

def test_no_grad_context_and_nesting():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        out = [_state(torch, x)]
        with torch.no_grad():
            out.append(_state(torch, x))
            with torch.no_grad():
                out.append(_state(torch, x))
            out.append(_state(torch, x))
            with torch.enable_grad():
                out.append(_state(torch, x))
            out.append(_state(torch, x))
        out.append(_state(torch, x))
        return out
    same(f)


def test_no_grad_restores_after_exception():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        out = []
        try:
            with torch.no_grad():
                out.append(torch.is_grad_enabled())
                raise ValueError("boom")
        except ValueError as e:
            out.append(e)
        out.append(_state(torch, x))
        return out
    same(f)


def test_no_grad_context_value_and_reuse():
    def f(torch):
        cm = torch.no_grad()
        out = []
        with cm as v:
            out.append((v, torch.is_grad_enabled()))
        with cm:
            out.append(torch.is_grad_enabled())
        out.append(torch.is_grad_enabled())
        return out
    same(f)


@pytest.mark.parametrize("form", ["parens", "bare"])
def test_no_grad_decorator(form):
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)

        def g(a, k=2):
            """doc of g"""
            return _state(torch, a * k)
        dec = torch.no_grad() if form == "parens" else torch.no_grad
        h = dec(g)
        return h(x), h(x, k=3), h.__name__, h.__doc__, _state(torch, x)
    same(f)


def test_enable_grad_decorator_inside_no_grad():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)

        @torch.enable_grad()
        def g():
            return _state(torch, x)

        @torch.enable_grad
        def g2():
            return _state(torch, x)
        with torch.no_grad():
            return g(), g2(), _state(torch, x)
    same(f)


def test_decorator_restores_after_exception():
    def f(torch):
        @torch.no_grad()
        def g():
            raise KeyError("inside")
        out = []
        try:
            g()
        except KeyError as e:
            out.append(e)
        out.append(torch.is_grad_enabled())
        return out
    same(f)


@pytest.mark.parametrize("mode", ["no_grad", "enable_grad", "inference_mode", "set_grad_enabled"])
def test_decorated_generator(mode):
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        dec = {"no_grad": torch.no_grad(), "enable_grad": torch.enable_grad(),
               "inference_mode": torch.inference_mode(),
               "set_grad_enabled": torch.set_grad_enabled(False)}[mode]
        ev = []

        @dec
        def gen(n):
            for i in range(n):
                got = yield (i, torch.is_grad_enabled(), torch.is_inference_mode_enabled(),
                             (x * 2).requires_grad)
                ev.append(("sent", got, torch.is_grad_enabled()))
            return "done"
        g = gen(3)
        ev.append(next(g))
        ev.append(("between", torch.is_grad_enabled()))
        ev.append(g.send("a"))
        with torch.no_grad():
            ev.append(g.send("b"))
        try:
            g.send("c")
        except StopIteration as stop:
            ev.append(("stop", stop.value))
        ev.append(torch.is_grad_enabled())
        return ev
    same(f)


def test_decorated_generator_throw_and_close():
    def f(torch):
        ev = []

        @torch.no_grad()
        def gen():
            try:
                yield 1
            except ValueError:
                ev.append(("caught", torch.is_grad_enabled()))
                yield 2
            finally:
                ev.append(("finally", torch.is_grad_enabled()))
        g = gen()
        ev.append(next(g))
        ev.append(g.throw(ValueError("x")))
        g.close()
        ev.append(torch.is_grad_enabled())
        return ev
    same(f)


def test_decorating_a_class():
    def f(torch):
        @torch.no_grad()
        class A:
            def __init__(self, k):
                self.k = k
                self.mode = torch.is_grad_enabled()
        a = A(3)
        return type(a).__name__, a.k, a.mode, torch.is_grad_enabled(), callable(A)
    same(f)


def test_no_grad_on_method():
    def f(torch):
        class M:
            def __init__(self):
                self.w = torch.tensor([1.0], requires_grad=True)

            @torch.no_grad()
            def step(self):
                self.w -= 0.5
                return torch.is_grad_enabled()
        m = M()
        return m.step(), m.w, m.w.is_leaf, torch.is_grad_enabled()
    same(f)


# --- set_grad_enabled, is_grad_enabled ------------------------------------------------------------

def test_set_grad_enabled_as_function():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        out = []
        r = torch.set_grad_enabled(False)
        out.append((_state(torch, x), type(r).__name__))
        torch.set_grad_enabled(True)
        out.append(_state(torch, x))
        torch.autograd.set_grad_enabled(False)
        out.append(torch.is_grad_enabled())
        torch.set_grad_enabled(True)
        return out
    same(f)


@pytest.mark.parametrize("mode", [False, True, 0, 1])
def test_set_grad_enabled_context(mode):
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        out = []
        with torch.no_grad():
            with torch.set_grad_enabled(mode):
                out.append(_state(torch, x))
            out.append(_state(torch, x))
        with torch.set_grad_enabled(mode):
            out.append(_state(torch, x))
        out.append(_state(torch, x))
        return out
    same(f)


def test_set_grad_enabled_object_entered_later():
    def f(torch):
        cm = torch.set_grad_enabled(False)
        out = [torch.is_grad_enabled(), repr(cm), str(cm)]
        torch.set_grad_enabled(True)
        with cm:
            out.append(torch.is_grad_enabled())
        out.append(torch.is_grad_enabled())
        return out
    same(f)


def test_set_grad_enabled_decorator():
    def f(torch):
        @torch.set_grad_enabled(False)
        def g():
            return torch.is_grad_enabled()
        before = torch.is_grad_enabled()
        return before, g(), torch.is_grad_enabled()
    same(f)


def test_set_grad_enabled_bad_argument():
    def f(torch):
        torch.set_grad_enabled("yes")
    try:
        same(f)
    finally:
        import torch
        import torchlite
        torch.set_grad_enabled(True)
        torchlite.set_grad_enabled(True)


def test_mode_objects_module_and_names():
    def f(torch):
        return [(type(m).__name__, type(m).__module__) for m in
                (torch.no_grad(), torch.enable_grad(), torch.inference_mode())]
    same(f)


# --- inference mode -----------------------------------------------------------------------------

def test_inference_mode_basics():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        n = torch.tensor([3.0])
        with torch.inference_mode():
            y = x * 2
            z = torch.ones(2)
            inside = (torch.is_grad_enabled(), torch.is_inference_mode_enabled(), y.requires_grad,
                      y.is_inference(), z.is_inference(), y.grad_fn, n.is_inference())
        return inside, y.is_inference(), torch.is_inference_mode_enabled(), x.is_inference(), y
    same(f)


def test_inference_mode_false_and_nesting():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        out = []
        with torch.inference_mode(False):
            out.append((torch.is_inference_mode_enabled(), _state(torch, x)))
        with torch.inference_mode():
            with torch.inference_mode(False):
                y = x * 2
                out.append((torch.is_inference_mode_enabled(), torch.is_grad_enabled(),
                            y.requires_grad, y.is_inference()))
            out.append(torch.is_inference_mode_enabled())
        with torch.no_grad():
            with torch.inference_mode(False):
                out.append(torch.is_grad_enabled())
        return out
    same(f)


@pytest.mark.parametrize("form", ["parens", "bare", "false"])
def test_inference_mode_decorator(form):
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)

        def g():
            y = x * 2
            return torch.is_inference_mode_enabled(), y.is_inference(), y.requires_grad
        dec = {"parens": torch.inference_mode(), "bare": torch.inference_mode,
               "false": torch.inference_mode(False)}[form]
        return dec(g)(), torch.is_inference_mode_enabled()
    same(f)


INFERENCE_LATER = {
    "inplace": lambda torch, t, x: t.add_(1),
    "inplace_view": lambda torch, t, x: t[0].mul_(2),
    "setitem": lambda torch, t, x: t.__setitem__(0, 1.0),
    "saved_for_backward": lambda torch, t, x: (t * x).sum().backward(),
    "not_saved": lambda torch, t, x: ((t + x).sum().backward(), x.grad),
    "requires_grad_": lambda torch, t, x: t.requires_grad_(),
    "requires_grad_attr": lambda torch, t, x: setattr(t, "requires_grad", True),
    "version": lambda torch, t, x: t._version,
    "clone": lambda torch, t, x: (t.clone().is_inference(), t.clone().add_(1)),
    "view": lambda torch, t, x: (t.view(2, 1).is_inference(), t[0].is_inference()),
    "detach": lambda torch, t, x: t.detach().is_inference(),
    "out_of_place": lambda torch, t, x: ((t * 2).is_inference(), t * 2),
    "matmul_saved": lambda torch, t, x: (x @ t).backward(),
    "inplace_no_grad": lambda torch, t, x: torch.no_grad().__enter__() or t.add_(1),
    "mixed_inplace_into_normal": lambda torch, t, x: torch.zeros(2).add_(t),
}


@pytest.mark.parametrize("case", sorted(INFERENCE_LATER))
def test_inference_tensor_used_later(case):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        with torch.inference_mode():
            t = torch.tensor([3.0, 4.0]) * 1
        try:
            return INFERENCE_LATER[case](torch, t, x)
        finally:
            torch.set_grad_enabled(True)
    same(f)


def test_inference_tensor_inplace_inside_inference_mode():
    def f(torch):
        with torch.inference_mode():
            t = torch.ones(2)
            t.add_(1)
            t[0] = 5.0
        return t, t.is_inference()
    same(f)


def test_normal_tensor_inplace_inside_inference_mode():
    def f(torch):
        a = torch.ones(2)
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        with torch.inference_mode():
            a.add_(1)
            v = a[0]
        return a, a._version, a.is_inference(), v.is_inference(), x.is_inference()
    same(f)


# --- thread-locality -----------------------------------------------------------------------------

def _run_threads(torch, targets):
    results = [None] * len(targets)
    errors = []

    def wrap(i, fn):
        try:
            results[i] = fn()
        except Exception as e:  # noqa: BLE001 - reported to the test
            errors.append(e)
    threads = [threading.Thread(target=wrap, args=(i, fn)) for i, fn in enumerate(targets)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    if errors:
        raise errors[0]
    return results


def test_grad_mode_is_thread_local():
    def f(torch):
        inside = threading.Barrier(2, timeout=30)
        checked = threading.Barrier(2, timeout=30)
        x = torch.tensor([1.0], requires_grad=True)

        def in_no_grad():
            with torch.no_grad():
                inside.wait()          # both threads are now running
                checked.wait()         # the other thread has looked at its own mode
                return _state(torch, x)

        def plain():
            inside.wait()
            r = _state(torch, x)
            checked.wait()
            return r

        def in_inference():
            with torch.inference_mode():
                return torch.is_inference_mode_enabled(), torch.is_grad_enabled()
        res = _run_threads(torch, [in_no_grad, plain])
        res += _run_threads(torch, [in_inference])
        return res, _state(torch, x), torch.is_inference_mode_enabled()
    same(f)


def test_new_thread_starts_with_grad_enabled():
    def f(torch):
        with torch.no_grad():
            res = _run_threads(torch, [lambda: torch.is_grad_enabled()])
        torch.set_grad_enabled(False)
        try:
            res += _run_threads(torch, [lambda: torch.is_grad_enabled()])
        finally:
            torch.set_grad_enabled(True)
        return res
    same(f)


def test_concurrent_backward_in_two_threads():
    def f(torch):
        start = threading.Barrier(2, timeout=30)

        def train(seed):
            w = torch.tensor([[0.5, -1.0], [1.5, 2.0]], dtype=torch.float64, requires_grad=True)
            x = torch.tensor([[1.0 * seed, 2.0], [0.5, -0.5 * seed]], dtype=torch.float64)
            start.wait()
            losses = []
            for step in range(200):
                loss = ((x @ w).tanh() ** 2).sum() * seed
                loss.backward()
                with torch.no_grad():
                    w -= 0.01 * w.grad
                    w.grad.zero_()
                if step % 50 == 0:
                    losses.append(loss.item())
            return losses, w
        return _run_threads(torch, [lambda: train(1.0), lambda: train(3.0)])
    same(f, tol=1e-9)


def test_concurrent_no_grad_and_backward():
    """One thread records nothing under no_grad while the other backpropagates."""
    def f(torch):
        start = threading.Barrier(2, timeout=30)

        def eval_loop():
            w = torch.tensor([1.0, 2.0], requires_grad=True)
            start.wait()
            flags = set()
            with torch.no_grad():
                for _ in range(300):
                    flags.add((w * 2).requires_grad)
            return sorted(flags)

        def train_loop():
            w = torch.tensor([1.0, 2.0], requires_grad=True)
            start.wait()
            for _ in range(300):
                (w * w).sum().backward()
            return w.grad
        return _run_threads(torch, [eval_loop, train_loop])
    same(f)


def test_saved_tensor_hooks_are_thread_local_and_anomaly_is_global():
    def f(torch):
        res = {}

        def worker():
            ev = []
            x = torch.tensor([1.0], requires_grad=True)
            with torch.autograd.graph.saved_tensors_hooks(lambda t: ev.append("mine") or t,
                                                          lambda p: p):
                x * x
            x * x
            res["worker packs"] = ev
            res["worker anomaly"] = torch.is_anomaly_enabled()
            try:
                with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda p: p):
                    res["worker may install"] = True
            except RuntimeError as e:
                res["worker may install"] = e
        outer = []
        with torch.autograd.set_detect_anomaly(True):
            with torch.autograd.graph.disable_saved_tensors_hooks("disabled in main"):
                _run_threads(torch, [worker])
        with torch.autograd.graph.saved_tensors_hooks(lambda t: outer.append("main") or t,
                                                      lambda p: p):
            _run_threads(torch, [lambda: (torch.tensor([1.0], requires_grad=True) * 2) ** 2])
        return res, outer
    same(f)


def test_set_multithreading_enabled():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        with torch.autograd.set_multithreading_enabled(False):
            (x * 2).backward()
        out = [x.grad]
        try:
            torch.autograd.set_multithreading_enabled(1)
        except TypeError as e:
            out.append(e)
        return out
    same(f)
