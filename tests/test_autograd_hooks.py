"""Hooks against torch: tensor hooks, Node hooks and pre-hooks, post-accumulate-grad hooks,
retain_grad, multi-grad hooks, the order in which all of them fire, saved-tensor hooks, and
grad_fn metadata and ``_saved_*`` attributes.

Orders are compared by recording a list of events in both libraries.
"""

import pytest

from autograd_diff import same, graph


# --- tensor hooks ----------------------------------------------------------------------------

def test_hook_replaces_gradient_on_leaf():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        seen = []
        x.register_hook(lambda g: seen.append(g.clone()) or g * 10)
        (x * x).sum().backward()
        return seen, x.grad
    same(f)


def test_hook_replaces_gradient_on_non_leaf():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 3
        h.register_hook(lambda g: g + 1)
        (h * h).sum().backward()
        return x.grad
    same(f)


def test_hook_returning_none_keeps_gradient_and_chain_order():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        ev = []
        h.register_hook(lambda g: ev.append(("a", g.clone())))
        h.register_hook(lambda g: g * 2)
        h.register_hook(lambda g: ev.append(("c", g.clone())))
        h.sum().backward()
        return ev, x.grad
    same(f)


def test_handle_remove():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h1 = x.register_hook(lambda g: g * 100)
        h2 = x.register_hook(lambda g: g + 1)
        h1.remove()
        h1.remove()  # twice is fine
        (x * 2).sum().backward()
        first = x.grad.clone()
        h2.remove()
        x.grad = None
        (x * 2).sum().backward()
        return first, x.grad, type(h1).__name__, type(h1).__module__
    same(f)


def test_handle_as_context_manager():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        with x.register_hook(lambda g: g * 100):
            (x * 2).sum().backward()
        first = x.grad.clone()
        (x * 2).sum().backward()
        return first, x.grad
    same(f)


def test_hook_on_tensor_without_grad():
    def f(torch):
        torch.tensor([1.0]).register_hook(lambda g: g)
    same(f)


def test_hook_wrong_shape():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        h.register_hook(lambda g: g.sum())
        h.sum().backward()
    same(f)


def test_hook_wrong_shape_leaf():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        x.register_hook(lambda g: torch.ones(3))
        (x * 2).sum().backward()
    same(f)


def test_hook_wrong_dtype():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        h.register_hook(lambda g: g.double())
        h.sum().backward()
        return x.grad
    same(f)


def test_hook_returns_non_tensor():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        h.register_hook(lambda g: 1.0)
        h.sum().backward()
    same(f)


@pytest.mark.parametrize("case", ["prehook_int", "prehook_list", "prehook_none_element",
                                  "posthook_count", "posthook_replace_none", "posthook_shape",
                                  "acc_posthook_count", "acc_prehook_shape", "callable_object",
                                  "partial"])
def test_node_hook_result_checks(case):
    def f(torch):
        import functools
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 3
        fn = y.grad_fn
        acc = fn.next_functions[0][0]

        class Hook:
            def __call__(self, g):
                return g.sum()
        if case == "prehook_int":
            fn.register_prehook(lambda go: 5)
        elif case == "prehook_list":
            fn.register_prehook(lambda go: [go[0] * 2])
        elif case == "prehook_none_element":
            fn.register_prehook(lambda go: (None,))
        elif case == "posthook_count":
            fn.register_hook(lambda gi, go: (gi[0],))
        elif case == "posthook_replace_none":
            fn.register_hook(lambda gi, go: (gi[0], gi[0]))
        elif case == "posthook_shape":
            fn.register_hook(lambda gi, go: (gi[0][:1], None))
        elif case == "acc_posthook_count":
            acc.register_hook(lambda gi, go: (go[0],))
        elif case == "acc_prehook_shape":
            acc.register_prehook(lambda go: (go[0].sum(),))
        elif case == "callable_object":
            y.register_hook(Hook())
        else:
            y.register_hook(functools.partial(lambda a, g: g.sum(), 1))
        y.sum().backward()
        return x.grad
    same(f)


def test_hooks_called_with_none_for_missing_gradient():
    def f(torch):
        ev = []
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        a, b = x.unbind(0)
        b.register_hook(lambda g: ev.append(("b", g)))
        a.register_hook(lambda g: ev.append(("a", g)))
        b.retain_grad()
        a.grad_fn.register_prehook(lambda go: ev.append(("pre", go)))
        a.grad_fn.register_hook(lambda gi, go: ev.append(("post", gi, go)))
        a.sum().backward()
        return ev, b.grad, x.grad
    same(f)


def test_hooks_called_with_none_after_function_returning_none():
    def f(torch):
        class Cut(torch.autograd.Function):
            @staticmethod
            def forward(ctx, a):
                return a * 1

            @staticmethod
            def backward(ctx, g):
                return None
        ev = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        y.register_hook(lambda g: ev.append(("y", g)))
        y.grad_fn.register_prehook(lambda go: ev.append(("y pre", go)))
        y.grad_fn.register_hook(lambda gi, go: ev.append(("y post", gi, go)))
        x.register_hook(lambda g: ev.append(("x", g)))
        x.register_post_accumulate_grad_hook(lambda t: ev.append("x post acc"))
        Cut.apply(y).sum().backward()
        return ev, x.grad
    same(f)


def test_hook_may_keep_the_gradient_it_sees():
    """A gradient a hook kept must not change when .grad accumulates later."""
    def f(torch):
        kept = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([1.0, 2.0], requires_grad=True)
        x.register_hook(lambda g: kept.append(g))
        y = x * w
        y.grad_fn.register_hook(lambda gi, go: kept.append(gi[1]))
        acc = y.grad_fn.next_functions[0][0]
        acc.register_prehook(lambda go: kept.append(go[0]))
        for _ in range(3):
            (x * w).sum().backward()
        return kept, x.grad, w.grad, [k is x.grad for k in kept], [k is w.grad for k in kept]
    same(f)


def test_grad_capture_before_or_after_hooks():
    """grad() captures an input's gradient after its tensor hooks only when its node
    does not run for another input; node pre-hooks do not run for a captured-only node."""
    def f(torch):
        ev = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 3
        y = (h * h).sum()
        h.grad_fn.register_prehook(lambda go: ev.append("h pre") or (go[0] * 100,))
        h.register_hook(lambda g: ev.append("h hook") or g * 2)
        acc = h.grad_fn.next_functions[0][0]
        acc.register_prehook(lambda go: ev.append("acc pre"))
        acc.register_hook(lambda gi, go: ev.append("acc post"))
        x.register_hook(lambda g: ev.append("x hook"))
        x.register_post_accumulate_grad_hook(lambda t: ev.append("post acc"))
        out = []
        for inputs in ([h], [x], [x, h], [h, x]):
            out.append(torch.autograd.grad(y, inputs, retain_graph=True))
            ev.append("|")
        return out, ev, x.grad
    same(f)


def test_backward_inputs_runs_the_inputs_node():
    def f(torch):
        ev = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x.exp()
        y = (h * h).sum()
        h.grad_fn.register_prehook(lambda go: ev.append(("h pre", go)))
        h.grad_fn.register_hook(lambda gi, go: ev.append(("h post", gi)))
        y.backward(inputs=[h])
        y2 = (h * 2).sum()
        try:
            y2.backward()
        except RuntimeError as e:
            ev.append(e)
        return ev, h.grad, x.grad, h.retains_grad
    same(f, tol=1e-6)


def test_hook_raises():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)

        def bad(g):
            raise ValueError("from the hook")
        x.register_hook(bad)
        (x * 2).sum().backward()
    same(f)


def test_hook_in_grad_call_changes_result():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        h.register_hook(lambda g: g * 3)
        x.register_hook(lambda g: g + 1)
        return torch.autograd.grad((h * h).sum(), [x, h])
    same(f)


def test_hook_on_root():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = (x * 2).sum()
        y.register_hook(lambda g: g * 5)
        y.backward()
        return x.grad
    same(f)


def test_hook_registered_after_in_place():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        ev = []
        h.register_hook(lambda g: ev.append(("before", g.clone())))
        h.mul_(3)
        h.register_hook(lambda g: ev.append(("after", g.clone())))
        h.sum().backward()
        return ev, x.grad
    same(f)


# --- Node hooks -----------------------------------------------------------------------------

def test_node_hook_and_prehook():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([3.0, 4.0], requires_grad=True)
        y = x * w
        ev = []
        y.grad_fn.register_prehook(lambda go: ev.append(("pre", go)))
        y.grad_fn.register_hook(lambda gi, go: ev.append(("post", gi, go)))
        y.sum().backward()
        return ev, x.grad, w.grad
    same(f)


def test_node_prehook_replaces_grad_outputs():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 3
        y.grad_fn.register_prehook(lambda go: (go[0] * 10,))
        y.sum().backward()
        return x.grad
    same(f)


def test_node_hook_replaces_grad_inputs():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([3.0, 4.0], requires_grad=True)
        y = x * w
        y.grad_fn.register_hook(lambda gi, go: (gi[0] + 1, None))
        y.sum().backward()
        return x.grad, w.grad
    same(f)


def test_node_hook_with_constant_input():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * torch.tensor([3.0, 4.0])
        ev = []
        y.grad_fn.register_hook(lambda gi, go: ev.append((gi, go)))
        y.sum().backward()
        return ev
    same(f)


def test_accumulate_grad_node_hooks():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        acc = y.grad_fn.next_functions[0][0]
        ev = []
        acc.register_prehook(lambda go: ev.append(("pre", go)))
        acc.register_hook(lambda gi, go: ev.append(("post", gi, go)))
        x.register_hook(lambda g: ev.append(("tensor", g)))
        y.sum().backward()
        return ev, x.grad
    same(f)


def test_node_hook_handle_remove():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 3
        h = y.grad_fn.register_prehook(lambda go: (go[0] * 10,))
        h.remove()
        y.sum().backward()
        return x.grad
    same(f)


def test_node_hook_wrong_count():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 3
        y.grad_fn.register_prehook(lambda go: (go[0], go[0]))
        y.sum().backward()
    same(f)


def test_node_hook_on_grad_not_touching_unused_branch():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        z = torch.tensor([1.0, 2.0], requires_grad=True)
        a = x * 2
        b = z * 3
        y = a + b
        ev = []
        b.grad_fn.register_prehook(lambda go: ev.append("b"))
        a.grad_fn.register_prehook(lambda go: ev.append("a"))
        torch.autograd.grad(y.sum(), x)
        return ev
    same(f)


# --- post-accumulate-grad hooks ---------------------------------------------------------------

def test_post_accumulate_grad_hook():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        ev = []

        def hook(t):
            ev.append((t is x, t.grad.clone()))
            with torch.no_grad():
                t.grad.mul_(0.5)
        x.register_post_accumulate_grad_hook(hook)
        (x * 4).sum().backward()
        (x * 4).sum().backward()
        return ev, x.grad
    same(f)


def test_post_accumulate_grad_hook_errors():
    def f(torch):
        out = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        for t in (x * 2, torch.tensor([1.0])):
            try:
                t.register_post_accumulate_grad_hook(lambda t: None)
            except Exception as e:
                out.append(e)
        return out
    same(f)


def test_post_accumulate_grad_hook_not_called_by_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        ev = []
        x.register_post_accumulate_grad_hook(lambda t: ev.append("post"))
        x.register_hook(lambda g: ev.append("tensor"))
        torch.autograd.grad((x * 4).sum(), x)
        return ev, x.grad
    same(f)


def test_post_accumulate_grad_hook_remove():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        ev = []
        h = x.register_post_accumulate_grad_hook(lambda t: ev.append("post"))
        (x * 4).sum().backward()
        h.remove()
        (x * 4).sum().backward()
        return ev
    same(f)


# --- retain_grad interplay ------------------------------------------------------------------

@pytest.mark.parametrize("order", ["hook_first", "retain_first"])
def test_retain_grad_sees_hooked_gradient(order):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        if order == "hook_first":
            h.register_hook(lambda g: g * 10)
            h.retain_grad()
        else:
            h.retain_grad()
            h.register_hook(lambda g: g * 10)
        h.sum().backward()
        return h.grad, x.grad
    same(f)


def test_retain_grad_then_in_place():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        h.retain_grad()
        h.add_(1)
        (h * h).sum().backward()
        return h.grad, x.grad, h.retains_grad
    same(f)


@pytest.mark.parametrize("write", ["setitem", "view_mul_", "view_copy_"])
def test_retain_grad_follows_writes_into_views(write):
    """retain_grad moves to the tensor's new grad_fn (CopySlices) when a view of it is written."""
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        w = torch.tensor([5.0], requires_grad=True)
        h = x * 2
        h.retain_grad()
        if write == "setitem":
            h[0] = 5.0
        elif write == "view_mul_":
            h[1:].mul_(4)
        else:
            h[:1].copy_(w)
        (h * 3).sum().backward()
        return h.grad, x.grad, w.grad, h.retains_grad
    same(f)


def test_retain_grad_of_written_view():
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        h = x * 2
        v = h[1:]
        v.retain_grad()
        v.mul_(4)
        (h * 3).sum().backward()
        return v.grad, x.grad, graph(v.grad_fn)
    same(f)


def test_retain_grad_of_view_after_base_changes():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        v = h[1:]
        v.retain_grad()
        h.mul_(3)
        (v * 5).sum().backward()
        return v.grad, x.grad
    same(f)


@pytest.mark.parametrize("leaf", [False, True])
def test_hook_modifying_gradient_in_place(leaf):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        t = x if leaf else x * 2
        t.register_hook(lambda g: g.mul_(10))
        (t * 3).sum().backward()
        return x.grad
    same(f)


def test_hooks_on_output_captured_by_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        ev = []
        y.register_hook(lambda g: ev.append(g))
        return torch.autograd.grad(y.sum(), y), ev
    same(f)


def test_retain_grad_multi_output():
    def f(torch):
        x = torch.tensor([[1.0, 5.0], [3.0, 2.0]], requires_grad=True)
        a, b = x.unbind(0)
        b.retain_grad()
        (a * b).sum().backward()
        return b.grad, x.grad
    same(f)


def test_retain_grad_on_view():
    def f(torch):
        x = torch.tensor([[1.0, 5.0], [3.0, 2.0]], requires_grad=True)
        h = x * 1
        v = h[0]
        v.retain_grad()
        (v * 3).sum().backward()
        return v.grad, x.grad
    same(f)


# --- multi-grad hooks --------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["all", "any"])
@pytest.mark.parametrize("use", ["both", "first", "second"])
def test_multi_grad_hook(mode, use):
    def f(torch):
        a = torch.tensor([1.0, 2.0], requires_grad=True)
        b = torch.tensor([3.0], requires_grad=True)
        ev = []

        def hook(grads):
            ev.append(grads if mode == "all" else ("any", grads))
        handle = torch.autograd.graph.register_multi_grad_hook((a, b), hook, mode=mode)
        y = {"both": lambda: (a * b).sum(), "first": lambda: (a * 2).sum(),
             "second": lambda: (b * 2).sum()}[use]()
        y.backward()
        ev.append("after first backward")
        {"both": lambda: (a * b).sum(), "first": lambda: (a * 2).sum(),
         "second": lambda: (b * 2).sum()}[use]().backward()
        handle.remove()
        (a * b).sum().backward()
        return ev
    same(f)


def test_multi_grad_hook_non_leaves_and_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        a = x * 2
        b = x * 3
        ev = []
        torch.autograd.graph.register_multi_grad_hook((a, b), lambda gs: ev.append(gs))
        torch.autograd.grad((a * b).sum(), x)
        return ev
    same(f)


def test_multi_grad_hook_bad_mode():
    def f(torch):
        a = torch.tensor([1.0], requires_grad=True)
        torch.autograd.graph.register_multi_grad_hook((a,), lambda g: None, mode="some")
    same(f)


# --- firing order ----------------------------------------------------------------------------

def _events_graph(torch, ev, multi=("x", "c")):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    w = torch.tensor([0.5, -1.0], requires_grad=True)
    a = x * w
    b = a.exp()
    c = a * 2
    d = b + c
    e = d.sum()
    for name, t in (("x", x), ("w", w), ("a", a), ("b", b), ("c", c), ("d", d), ("e", e)):
        t.register_hook(lambda g, name=name: ev.append(("tensor", name)))
        if t.grad_fn is not None:
            t.grad_fn.register_prehook(lambda go, name=name: ev.append(("prehook", name)))
            t.grad_fn.register_hook(lambda gi, go, name=name: ev.append(("hook", name)))
        else:
            t.register_post_accumulate_grad_hook(lambda t, name=name: ev.append(("post_acc", name)))
    for name, t in (("x", x), ("w", w)):
        acc = a.grad_fn.next_functions[0 if name == "x" else 1][0]
        acc.register_prehook(lambda go, name=name: ev.append(("acc_prehook", name)))
        acc.register_hook(lambda gi, go, name=name: ev.append(("acc_hook", name)))
    a.retain_grad()
    named = {"x": x, "w": w, "a": a, "b": b, "c": c}
    torch.autograd.graph.register_multi_grad_hook([named[n] for n in multi],
                                                  lambda gs: ev.append(("multi", multi)))
    return x, w, e


def test_firing_order_backward():
    def f(torch):
        ev = []
        x, w, e = _events_graph(torch, ev)
        e.backward()
        return ev, x.grad, w.grad
    same(f, tol=1e-6)


@pytest.mark.parametrize("multi", [("x", "c"), ("a", "c"), ("w", "b")])
@pytest.mark.parametrize("wrt", ["x", "w", "xw"])
def test_firing_order_grad(multi, wrt):
    def f(torch):
        ev = []
        x, w, e = _events_graph(torch, ev, multi)
        ev.append(torch.autograd.grad(e, [{"x": x, "w": w}[k] for k in wrt]))
        return ev
    same(f, tol=1e-6)


def test_firing_order_backward_inputs():
    def f(torch):
        ev = []
        x, w, e = _events_graph(torch, ev, ("a", "c"))
        e.backward(inputs=[w])
        return ev, x.grad, w.grad
    same(f, tol=1e-6)


def test_firing_order_siblings_by_creation():
    """Independent branches run newest-created first."""
    def f(torch):
        ev = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        outs = []
        for k in range(4):
            o = x * (k + 1)
            o.register_hook(lambda g, k=k: ev.append(k))
            outs.append(o)
        total = outs[2] + outs[0] + outs[3] + outs[1]
        total.sum().backward()
        return ev
    same(f)


def test_firing_order_print_in_hooks(capsys):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        z = y.exp()
        x.register_hook(lambda g: print("x", g))
        y.register_hook(lambda g: print("y", g))
        z.register_hook(lambda g: print("z", g))
        z.sum().backward()
    import torch
    import torchlite
    f(torch)
    out_t = capsys.readouterr().out
    f(torchlite)
    out_l = capsys.readouterr().out
    assert out_l == out_t


# --- saved tensor hooks ------------------------------------------------------------------------

def test_saved_tensors_hooks_pack_unpack():
    def f(torch):
        ev = []

        def pack(t):
            ev.append(("pack", t.shape, t.requires_grad))
            return t * 1

        def unpack(p):
            ev.append(("unpack", p.shape))
            return p
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([3.0, 4.0], requires_grad=True)
        with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
            y = x * w
            z = y.exp()
        ev.append("forward done")
        z.sum().backward()
        return ev, x.grad, w.grad
    same(f, tol=1e-6)


def test_saved_tensors_hooks_change_value():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        with torch.autograd.graph.saved_tensors_hooks(lambda t: t.detach() * 0 + 5, lambda p: p):
            y = x * x
        y.sum().backward()
        return x.grad
    same(f)


def test_saved_tensors_hooks_nested_and_unpack_each_access():
    def f(torch):
        ev = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        with torch.autograd.graph.saved_tensors_hooks(lambda t: ev.append("outer") or t, lambda p: p):
            with torch.autograd.graph.saved_tensors_hooks(lambda t: ev.append("inner") or t,
                                                          lambda p: ev.append("unpack") or p):
                y = x.pow(2)
            z = y.sin()
        y.grad_fn._saved_self
        y.grad_fn._saved_self
        (z.sum()).backward()
        return ev
    same(f, tol=1e-6)


def test_disable_saved_tensors_hooks():
    def f(torch):
        with torch.autograd.graph.disable_saved_tensors_hooks("no hooks here"):
            with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda p: p):
                pass
    same(f)


def test_disable_saved_tensors_hooks_restores():
    def f(torch):
        with torch.autograd.graph.disable_saved_tensors_hooks("no hooks here"):
            pass
        with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda p: p):
            x = torch.tensor([1.0], requires_grad=True)
            y = x * x
        y.backward()
        return x.grad
    same(f)


def test_saved_tensors_hooks_no_grad_forward():
    def f(torch):
        ev = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        with torch.autograd.graph.saved_tensors_hooks(lambda t: ev.append("pack") or t, lambda p: p):
            with torch.no_grad():
                x * x
            (x + 1) * 2
        return ev
    same(f)


# --- grad_fn metadata and saved attributes -----------------------------------------------------

SAVED = {
    "mul": (lambda torch, x, w: x * w, ["_saved_self", "_saved_other"]),
    "mul_scalar": (lambda torch, x, w: x * 2.5, ["_saved_self", "_saved_other"]),
    "mul_const": (lambda torch, x, w: x * w.detach(), ["_saved_self", "_saved_other"]),
    "div": (lambda torch, x, w: x / w, ["_saved_self", "_saved_other"]),
    "add": (lambda torch, x, w: torch.add(x, w, alpha=2), ["_saved_alpha"]),
    "sub": (lambda torch, x, w: x - w, ["_saved_alpha"]),
    "pow": (lambda torch, x, w: x ** 3, ["_saved_self", "_saved_exponent"]),
    "pow_tensor": (lambda torch, x, w: x ** w, ["_saved_self", "_saved_exponent", "_saved_result"]),
    "exp": (lambda torch, x, w: x.exp(), ["_saved_result"]),
    "log": (lambda torch, x, w: x.log(), ["_saved_self"]),
    "tanh": (lambda torch, x, w: x.tanh(), ["_saved_result"]),
    "sigmoid": (lambda torch, x, w: x.sigmoid(), ["_saved_result"]),
    "relu": (lambda torch, x, w: x.relu(), ["_saved_result"]),
    "sum": (lambda torch, x, w: x.sum(), ["_saved_self_sym_sizes"]),
    "sum_dim": (lambda torch, x, w: x.sum(1, keepdim=True),
                ["_saved_self_sym_sizes", "_saved_dim", "_saved_keepdim"]),
    "mean": (lambda torch, x, w: x.mean(), ["_saved_self_sym_sizes", "_saved_self_sym_numel"]),
    "mean_dim": (lambda torch, x, w: x.mean(0), ["_saved_self_sym_sizes", "_saved_dim",
                                                  "_saved_keepdim", "_saved_self_sym_numel"]),
    "view": (lambda torch, x, w: x.view(4), ["_saved_self_sym_sizes"]),
    "reshape": (lambda torch, x, w: x.reshape(-1), ["_saved_self_sym_sizes"]),
    "transpose": (lambda torch, x, w: x.transpose(0, 1), ["_saved_dim0", "_saved_dim1"]),
    "t": (lambda torch, x, w: x.t(), []),
    "permute": (lambda torch, x, w: x.permute(1, 0), ["_saved_dims"]),
    "unsqueeze": (lambda torch, x, w: x.unsqueeze(1), ["_saved_dim"]),
    "squeeze": (lambda torch, x, w: x[:1].squeeze(0), ["_saved_dim", "_saved_self_sym_sizes"]),
    "expand": (lambda torch, x, w: x[:1].expand(3, 2), ["_saved_self_sym_sizes"]),
    "max_dim": (lambda torch, x, w: x.max(1)[0], ["_saved_dim", "_saved_keepdim", "_saved_indices",
                                                   "_saved_self_sym_sizes"]),
    "max_all": (lambda torch, x, w: x.max(), ["_saved_self", "_saved_result"]),
    "matmul": (lambda torch, x, w: x @ w, ["_saved_self", "_saved_mat2"]),
    "select": (lambda torch, x, w: x[1], ["_saved_dim", "_saved_index", "_saved_self_sym_sizes"]),
    "slice": (lambda torch, x, w: x[:, 1:], ["_saved_dim", "_saved_start", "_saved_end",
                                             "_saved_step", "_saved_self_sym_sizes"]),
    "softmax": (lambda torch, x, w: x.softmax(1), ["_saved_dim", "_saved_result"]),
    "log_softmax": (lambda torch, x, w: x.log_softmax(0), ["_saved_dim", "_saved_result"]),
    "clamp": (lambda torch, x, w: x.clamp(0.5, 2.5), ["_saved_min", "_saved_max", "_saved_self"]),
    "clamp_min": (lambda torch, x, w: x.clamp(min=1.5), ["_saved_min", "_saved_self"]),
    "where": (lambda torch, x, w: torch.where(x > 2, x, w), ["_saved_condition"]),
    "cat": (lambda torch, x, w: torch.cat([x, w], 1), ["_saved_dim"]),
    "index_select": (lambda torch, x, w: x.index_select(0, torch.tensor([1, 0])),
                     ["_saved_dim", "_saved_index", "_saved_self_sym_sizes"]),
    "gather": (lambda torch, x, w: x.gather(1, torch.tensor([[0], [1]])),
               ["_saved_dim", "_saved_index", "_saved_self", "_saved_sparse_grad"]),
    "abs": (lambda torch, x, w: x.abs(), ["_saved_self"]),
    "sqrt": (lambda torch, x, w: x.sqrt(), ["_saved_result"]),
    "var": (lambda torch, x, w: x.var(0), ["_saved_self", "_saved_dim", "_saved_correction",
                                            "_saved_keepdim"]),
    "norm": (lambda torch, x, w: x.norm(), ["_saved_self", "_saved_p", "_saved_result"]),
    "clone": (lambda torch, x, w: x.clone(), []),
    "neg": (lambda torch, x, w: -x, []),
    "to_double": (lambda torch, x, w: x.double(), ["_saved_self_scalar_type"]),
    # the in-place view methods (on a clone, so the leaf stays a leaf)
    "t_": (lambda torch, x, w: x.clone().t_(), []),
    "transpose_": (lambda torch, x, w: x.clone().transpose_(-1, 0), ["_saved_dim0", "_saved_dim1"]),
    "unsqueeze_": (lambda torch, x, w: x.clone().unsqueeze_(-1), ["_saved_dim"]),
    "squeeze_": (lambda torch, x, w: x[:1].clone().squeeze_(), ["_saved_self_sym_sizes"]),
    "squeeze_dim_": (lambda torch, x, w: x[:1].clone().squeeze_(-2),
                     ["_saved_dim", "_saved_self_sym_sizes"]),
    "squeeze_dims_": (lambda torch, x, w: x[:1].clone().squeeze_((0, -1)),
                      ["_saved_dim", "_saved_self_sym_sizes"]),
}


SAVED["slice_neg"] = (lambda torch, x, w: x[:, -1:] + x[:, :-1],
                      ["_saved_dim", "_saved_start", "_saved_end", "_saved_step"])


@pytest.mark.parametrize("case", sorted(SAVED))
def test_saved_attributes(case):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        w = torch.tensor([[0.5, 1.5], [2.5, -1.0]], requires_grad=True)
        op, names = SAVED[case]
        y = op(torch, x, w)
        fns = [y.grad_fn]
        if case == "slice_neg":  # the two slices under the add
            fns = [fn for fn, _ in y.grad_fn.next_functions]
        out = []
        for fn in fns:
            out.append(fn.name())
            for n in names:
                try:
                    v = getattr(fn, n)
                except Exception as e:
                    v = e
                if isinstance(v, (torch.Tensor,)):
                    v = (v, v is x, v is w, v is y)
                out.append((n, v))
        return out
    same(f, tol=1e-6)


def test_saved_attribute_unknown():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        return (x * 2).grad_fn._saved_nothing
    same(f)


def test_saved_result_is_output():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x.exp()
        r = y.grad_fn._saved_result
        return r, r is y, r.grad_fn, r.requires_grad
    same(f, tol=1e-6)


def test_saved_attributes_listed_in_dir():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        return [sorted(a for a in dir(t.grad_fn) if a.startswith("_saved_"))
                for t in (x * x, x.sum(), x.exp(), x.transpose(0, 0))]
    same(f)


def test_node_attributes():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        fn = y.grad_fn
        return (isinstance(fn, torch.autograd.graph.Node), fn.requires_grad,
                isinstance(fn.next_functions[0][0], torch.autograd.graph.Node),
                fn._sequence_nr() < (y * 2).grad_fn._sequence_nr(), type(fn).__module__,
                graph(fn))
    same(f)


def test_grad_fn_metadata_dict():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        y.grad_fn.metadata["tag"] = "mine"
        z = y.exp()
        return y.grad_fn.metadata, z.grad_fn.metadata, type(y.grad_fn.metadata).__name__
    same(f)


@pytest.mark.parametrize("code", ["y.grad_fn.tag = 1", "y.grad_fn.__dict__",
                                  "y.grad_fn.next_functions[0][0].tag = 1"])
def test_grad_fn_has_no_instance_dict(code):
    # torch's nodes take no new attributes (torchlite keeps its rare ones in one slot)
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        y.grad_fn.register_hook(lambda gi, go: None)
        exec(code)
    same(f)


def test_save_on_cpu_and_increment_version():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        with torch.autograd.graph.save_on_cpu():
            y = x * x
        h = x * 1
        z = h * h
        torch.autograd.graph.increment_version(h)
        torch.autograd.graph.increment_version([x, h])
        out = [x._version, h._version]
        y.sum().backward()
        out.append(x.grad)
        try:
            z.sum().backward()
        except RuntimeError as e:
            out.append(e)
        return out
    same(f)
