"""torch.autograd.Function, Variable, the functional API, gradcheck/gradgradcheck and anomaly
mode, against torch.
"""

import pytest

from autograd_diff import same, graph, run, compare


def _cls(torch, kind):
    """Custom Functions, defined against the library under test."""
    F = torch.autograd.Function

    class Square(F):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return 2 * x * g

    class ScaleShift(F):  # non-tensor and Python-number arguments
        @staticmethod
        def forward(ctx, x, scale, name, shift=0.0):
            ctx.scale = scale
            ctx.name = name
            return x * scale + shift

        @staticmethod
        def backward(ctx, g):
            return g * ctx.scale, None, None, None

    class SetupCtx(F):  # the setup_context style
        @staticmethod
        def forward(x, w):
            return x * w + x

        @staticmethod
        def setup_context(ctx, inputs, output):
            x, w = inputs
            ctx.save_for_backward(x, w)

        @staticmethod
        def backward(ctx, g):
            x, w = ctx.saved_tensors
            return g * (w + 1), g * x

    class TwoOut(F):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * 2, x * x

        @staticmethod
        def backward(ctx, ga, gb):
            (x,) = ctx.saved_tensors
            return ga * 2 + gb * 2 * x

    class SaveOutput(F):
        @staticmethod
        def forward(ctx, x):
            y = x.exp()
            ctx.save_for_backward(y)
            return y

        @staticmethod
        def backward(ctx, g):
            (y,) = ctx.saved_tensors
            return g * y

    class Dirty(F):
        @staticmethod
        def forward(ctx, x):
            x.mul_(2)
            ctx.mark_dirty(x)
            return x

        @staticmethod
        def backward(ctx, g):
            return g * 2

    class NonDiff(F):
        @staticmethod
        def forward(ctx, x):
            v, i = x.max(0)
            ctx.mark_non_differentiable(i)
            ctx.save_for_backward(x, i)
            return v, i

        @staticmethod
        def backward(ctx, gv, gi):
            x, i = ctx.saved_tensors
            out = torch.zeros_like(x)
            out[i] = gv
            return out

    class NoMaterialize(F):
        @staticmethod
        def forward(ctx, x):
            ctx.set_materialize_grads(False)
            return x * 1, x * 3

        @staticmethod
        def backward(ctx, ga, gb):
            ctx.seen = (ga is None, gb is None)
            out = None
            if ga is not None:
                out = ga
            if gb is not None:
                out = gb * 3 if out is None else out + gb * 3
            return out

    class Materialize(F):
        @staticmethod
        def forward(ctx, x):
            return x * 1, x * 3

        @staticmethod
        def backward(ctx, ga, gb):
            ctx.seen = (ga, gb)
            return ga + gb * 3

    class Once(F):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x ** 3

        @staticmethod
        @torch.autograd.function.once_differentiable
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return 3 * x ** 2 * g

    class Needs(F):
        @staticmethod
        def forward(ctx, a, b, k):
            ctx.record = ctx.needs_input_grad
            return a * b * k

        @staticmethod
        def backward(ctx, g):
            a_req, b_req, _ = ctx.needs_input_grad
            return (g if a_req else None), (g if b_req else None), None

    class Identity(F):  # returns its input as is
        @staticmethod
        def forward(ctx, x):
            return x

        @staticmethod
        def backward(ctx, g):
            return g

    class BadCount(F):
        @staticmethod
        def forward(ctx, x, y):
            return x + y

        @staticmethod
        def backward(ctx, g):
            return g

    class TooMany(F):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g, g

    class TooManyNone(F):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g * 2, None, None

    class BadShape(F):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g.sum(0, keepdim=True).expand(3, 2)

    class Broadcastable(F):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g.expand(3, 2, 2)

    class GradForNumber(F):
        @staticmethod
        def forward(ctx, x, k):
            return x * k

        @staticmethod
        def backward(ctx, g):
            return g, g

    class NoBackward(F):
        @staticmethod
        def forward(ctx, x):
            return x * 2

    class ReturnsNonTensor(F):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return 1.0

    class DoubleDiff(F):  # a backward built from differentiable ops
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x.sin()

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return g * x.cos()

    return locals()[kind]


# --- Function basics -----------------------------------------------------------------------------

def test_forward_backward_statics():
    def f(torch):
        Square = _cls(torch, "Square")
        x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
        y = Square.apply(x)
        y.sum().backward()
        fn = y.grad_fn
        return (y, x.grad, type(fn).__name__, type(fn).__module__, fn.name(), repr(fn),
                graph(fn), fn.next_functions, isinstance(fn, torch.autograd.graph.Node))
    same(f)


def test_non_tensor_and_number_arguments():
    def f(torch):
        ScaleShift = _cls(torch, "ScaleShift")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = ScaleShift.apply(x, 3.0, "name", 1.5)
        y2 = ScaleShift.apply(x, 2, "other")
        (y.sum() + y2.sum()).backward()
        return y, y2, x.grad, y.grad_fn.scale, y.grad_fn.name, graph(y.grad_fn)
    same(f)


def test_keyword_arguments_to_apply():
    def f(torch):
        ScaleShift = _cls(torch, "ScaleShift")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        return ScaleShift.apply(x, 3.0, "n", shift=2.0)
    same(f)


def test_setup_context_style():
    def f(torch):
        SetupCtx = _cls(torch, "SetupCtx")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([3.0, -1.0], requires_grad=True)
        y = SetupCtx.apply(x, w)
        y.sum().backward()
        return y, x.grad, w.grad, graph(y.grad_fn), len(y.grad_fn.saved_tensors)
    same(f)


def test_multiple_outputs():
    def f(torch):
        TwoOut = _cls(torch, "TwoOut")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        a, b = TwoOut.apply(x)
        (a.sum() * 3 + b.sum()).backward()
        g1 = x.grad.clone()
        x.grad = None
        a2, b2 = TwoOut.apply(x)
        b2.sum().backward()  # the other output's gradient is materialized as zeros
        return a, b, a.output_nr, b.output_nr, a.grad_fn is b.grad_fn, g1, x.grad
    same(f)


def test_save_output_and_saved_tensors():
    def f(torch):
        SaveOutput = _cls(torch, "SaveOutput")
        x = torch.tensor([0.5, 1.0], requires_grad=True)
        y = SaveOutput.apply(x)
        (s,) = y.grad_fn.saved_tensors
        out = [s, s is y, s.grad_fn is y.grad_fn]
        y.sum().backward()
        out.append(x.grad)
        try:
            y.grad_fn.saved_tensors
        except RuntimeError as e:
            out.append(e)
        return out
    same(f, tol=1e-6)


def test_saved_tensors_backward_twice():
    def f(torch):
        Square = _cls(torch, "Square")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = Square.apply(x).sum()
        y.backward()
        y.backward()
    same(f)


def test_saved_tensor_modified():
    def f(torch):
        Square = _cls(torch, "Square")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 1
        y = Square.apply(h)
        h.add_(1)
        y.sum().backward()
    same(f)


def test_needs_input_grad():
    def f(torch):
        Needs = _cls(torch, "Needs")
        a = torch.tensor([1.0, 2.0], requires_grad=True)
        b = torch.tensor([3.0, 4.0])
        y = Needs.apply(a, b, 2)
        y.sum().backward()
        return y.grad_fn.record, y.grad_fn.needs_input_grad, a.grad, b.grad
    same(f)


def test_mark_dirty():
    def f(torch):
        Dirty = _cls(torch, "Dirty")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 1
        v0 = h._version
        y = Dirty.apply(h)
        out = [y is h, h._version - v0, graph(h.grad_fn), y]
        y.sum().backward()
        return out + [x.grad]
    same(f)


def test_mark_dirty_on_leaf():
    def f(torch):
        Dirty = _cls(torch, "Dirty")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        Dirty.apply(x)
    same(f)


def test_mark_non_differentiable():
    def f(torch):
        NonDiff = _cls(torch, "NonDiff")
        x = torch.tensor([1.0, 5.0, 2.0], requires_grad=True)
        v, i = NonDiff.apply(x)
        v.backward()
        return v, i, i.requires_grad, i.grad_fn, x.grad
    same(f)


def test_mark_non_differentiable_float_output():
    def f(torch):
        class F(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                a, b = x * 2, x * 3
                ctx.mark_non_differentiable(b)
                return a, b

            @staticmethod
            def backward(ctx, ga, gb):
                return ga * 2 + (0 if gb is None else gb)
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        a, b = F.apply(x)
        out = [b.requires_grad, b.grad_fn, a.requires_grad]
        try:
            b.sum().backward()
        except RuntimeError as e:
            out.append(e)
        a.sum().backward()
        return out + [x.grad]
    same(f)


@pytest.mark.parametrize("use", ["first", "second", "both"])
def test_set_materialize_grads(use):
    def f(torch):
        NoMat = _cls(torch, "NoMaterialize")
        Mat = _cls(torch, "Materialize")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        out = []
        for cls in (NoMat, Mat):
            a, b = cls.apply(x)
            y = {"first": a.sum(), "second": b.sum(), "both": a.sum() + b.sum()}[use]
            y.backward()
            out += [a.grad_fn.seen, x.grad.clone()]
        return out
    same(f)


def test_once_differentiable():
    def f(torch):
        Once = _cls(torch, "Once")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = Once.apply(x)
        (g,) = torch.autograd.grad(y.sum(), x, create_graph=True)
        out = [g, g.requires_grad, graph(g.grad_fn)]
        try:
            g.sum().backward()
        except RuntimeError as e:
            out.append(e)
        return out
    same(f)


def test_once_differentiable_without_create_graph():
    def f(torch):
        Once = _cls(torch, "Once")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = Once.apply(x)
        y.sum().backward()
        return x.grad
    same(f)


def test_custom_function_inside_create_graph():
    def f(torch):
        DoubleDiff = _cls(torch, "DoubleDiff")
        x = torch.tensor([0.5, 1.0], dtype=torch.float64, requires_grad=True)
        y = DoubleDiff.apply(x * 2)
        (g,) = torch.autograd.grad(y.sum(), x, create_graph=True)
        (h,) = torch.autograd.grad(g.sum(), x)
        return g, h, graph(g.grad_fn)
    same(f, tol=1e-12)


def test_function_output_used_twice_and_hooks():
    def f(torch):
        Square = _cls(torch, "Square")
        ev = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = Square.apply(x)
        y.register_hook(lambda g: ev.append(("y", g)))
        y.grad_fn.register_prehook(lambda go: ev.append(("pre", go)))
        y.grad_fn.register_hook(lambda gi, go: ev.append(("post", gi, go)))
        (y * y + y).sum().backward()
        return ev, x.grad
    same(f)


def test_returns_input_as_is():
    def f(torch):
        Identity = _cls(torch, "Identity")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = Identity.apply(x)
        out = [y is x, y._base is x, graph(y.grad_fn), y]
        (y * 3).sum().backward()
        return out + [x.grad]
    same(f)


def test_returns_input_as_is_then_inplace():
    def f(torch):
        Identity = _cls(torch, "Identity")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 1
        y = Identity.apply(h)
        y.mul_(2)
    same(f)


def test_view_made_in_forward_then_inplace():
    def f(torch):
        class V(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                return x.view(-1)

            @staticmethod
            def backward(ctx, g):
                return g.view(2, 2)
        x = torch.ones(2, 2, requires_grad=True)
        h = x * 1
        y = V.apply(h)
        out = [y._base is h, graph(y.grad_fn)]
        try:
            y.mul_(2)
        except RuntimeError as e:
            out.append(e)
        return out
    same(f)


def test_returned_input_after_base_inplace():
    def f(torch):
        Identity = _cls(torch, "Identity")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 1
        y = Identity.apply(h)
        h.mul_(2)
        out = []
        for use in (lambda: y.grad_fn, lambda: y * 2):
            try:
                out.append(use())
            except RuntimeError as e:
                out.append(e)
        return out
    same(f)


def test_returned_input_without_grad_may_be_modified():
    def f(torch):
        Identity = _cls(torch, "Identity")
        x = torch.tensor([1.0, 2.0])
        y = Identity.apply(x)
        y.mul_(2)
        return x, y, y._base is x, y.requires_grad
    same(f)


def test_backward_runs_without_incoming_gradient():
    def f(torch):
        seen = []

        class Probe(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                return x * 2

            @staticmethod
            def backward(ctx, g):
                seen.append(g)
                return g

        class Cut(torch.autograd.Function):
            @staticmethod
            def forward(ctx, a):
                return a * 1

            @staticmethod
            def backward(ctx, g):
                return None
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        Cut.apply(Probe.apply(x)).sum().backward()
        return seen, x.grad
    same(f)


def test_reentrant_backward_checkpoint_style():
    """A backward that recomputes its forward and backpropagates through it (checkpointing)."""
    def f(torch):
        ev = []

        class Checkpoint(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                ctx.save_for_backward(x)
                return (x.exp() * x).sum(0)

            @staticmethod
            def backward(ctx, g):
                (x,) = ctx.saved_tensors
                with torch.enable_grad():
                    inner = x.detach().requires_grad_()
                    out = (inner.exp() * inner).sum(0)
                    ev.append(torch.is_grad_enabled())
                    out.backward(g)
                return inner.grad
        x = torch.tensor([[0.5, 1.0], [2.0, -1.0]], requires_grad=True)
        h = x * 2
        h.register_hook(lambda g: ev.append(("h", g)))
        y = Checkpoint.apply(h)
        (y * torch.tensor([1.0, 3.0])).sum().backward()
        return ev, x.grad
    same(f, tol=1e-6)


def test_backward_inside_hook():
    def f(torch):
        ev = []
        w = torch.tensor([2.0], requires_grad=True)

        def hook(g):
            aux = (w * g.sum()).sum()
            aux.backward()
            ev.append(w.grad.clone())
            return g
        x = torch.tensor([1.0, 3.0], requires_grad=True)
        h = x * 5
        h.register_hook(hook)
        h.sum().backward()
        return ev, x.grad, w.grad
    same(f)


def test_no_input_requires_grad():
    def f(torch):
        Square = _cls(torch, "Square")
        x = torch.tensor([1.0, 2.0])
        y = Square.apply(x)
        return y, y.grad_fn, y.requires_grad
    same(f)


def test_apply_under_no_grad():
    def f(torch):
        Square = _cls(torch, "Square")
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        with torch.no_grad():
            y = Square.apply(x)
        return y, y.grad_fn, y.requires_grad
    same(f)


def test_forward_runs_without_grad():
    def f(torch):
        seen = []

        class Probe(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                seen.append(torch.is_grad_enabled())
                y = x * 2
                seen.append(y.requires_grad)
                return y

            @staticmethod
            def backward(ctx, g):
                seen.append(torch.is_grad_enabled())
                return g * 2
        x = torch.tensor([1.0], requires_grad=True)
        Probe.apply(x).sum().backward()
        torch.autograd.grad(Probe.apply(x).sum(), x, create_graph=True)
        return seen
    same(f)


@pytest.mark.parametrize("kind", ["BadCount", "TooMany", "TooManyNone", "BadShape", "Broadcastable",
                                  "GradForNumber", "NoBackward", "ReturnsNonTensor"])
def test_backward_result_errors(kind):
    def f(torch):
        cls = _cls(torch, kind)
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        if kind == "BadCount":
            y = cls.apply(x, torch.ones(2, 2))
        elif kind == "GradForNumber":
            y = cls.apply(x, 2.0)
        else:
            y = cls.apply(x)
        y.sum().backward()
        return x.grad
    same(f)


def test_function_instantiation_and_legacy_call():
    def f(torch):
        Square = _cls(torch, "Square")
        obj = Square()
        x = torch.tensor([1.0], requires_grad=True)
        return obj(x)
    same(f)


def test_ctx_attributes_and_save_for_backward_of_non_tensor():
    def f(torch):
        class F(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                ctx.save_for_backward(x, None)
                return x * 2

            @staticmethod
            def backward(ctx, g):
                x, none = ctx.saved_tensors
                return g * 2 + (0 if none is None else 1)
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = F.apply(x)
        saved = y.grad_fn.saved_tensors
        y.sum().backward()
        return saved, x.grad
    same(f)


def test_save_for_backward_rejects_non_tensor():
    def f(torch):
        class F(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                ctx.save_for_backward(x, 3)
                return x * 2

            @staticmethod
            def backward(ctx, g):
                return g
        F.apply(torch.tensor([1.0], requires_grad=True))
    same(f)


def test_save_intermediate():
    def f(torch):
        class F(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                t = x * 3
                ctx.save_for_backward(t)
                return t + 1

            @staticmethod
            def backward(ctx, g):
                (t,) = ctx.saved_tensors
                return g * t
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = F.apply(x)
        y.sum().backward()
        return x.grad
    same(f)


def test_function_with_mixed_dtypes_and_broadcast_gradient():
    def f(torch):
        class F(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x, w):
                return x * w

            @staticmethod
            def backward(ctx, g):
                return g.double(), g  # gradient dtypes differ from the inputs'
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([3.0, 4.0], dtype=torch.float64, requires_grad=True)
        F.apply(x, w).sum().backward()
        return x.grad, w.grad
    same(f)


def test_function_returning_non_tensor_output():
    def f(torch):
        class F(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                return x * 2, 7

            @staticmethod
            def backward(ctx, g, _):
                return g * 2
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y, k = F.apply(x)
        y.sum().backward()
        return y, k, x.grad
    same(f)


# --- Variable ---------------------------------------------------------------------------------------

def test_variable():
    def f(torch):
        Variable = torch.autograd.Variable
        t = torch.tensor([1.0, 2.0])
        v = Variable(t)
        w = Variable(t, requires_grad=True)
        (w * 2).sum().backward()
        return (v, w, w.grad, isinstance(t, Variable), isinstance(w, torch.Tensor),
                type(w).__name__, v.requires_grad)
    same(f)


def test_variable_volatile_warning():
    def f(torch):
        Variable = torch.autograd.Variable
        return Variable(torch.tensor([1.0]), volatile=True)
    same(f)


# --- functional API ---------------------------------------------------------------------------------

def _fn(torch, kind):
    return {
        "single": lambda x: (x ** 3).sum(),
        "vector": lambda x: x.exp() * x,
        "pair": lambda x, y: (x * y).sum() + (x ** 2).sum(),
        "pair_vec": lambda x, y: x * y.sum(),
        "two_out": lambda x: (x * 2, x.sum()),
        "const": lambda x: torch.ones(2),
        "linear": lambda x: (x * 3).sum(),
        "unused": lambda x, y: (x ** 2).sum(),
    }[kind]


def _inputs(torch, n=1):
    x = torch.tensor([0.5, 1.0], dtype=torch.float64)
    y = torch.tensor([2.0, -1.0], dtype=torch.float64)
    return x if n == 1 else (x, y)


FUNCTIONAL = {
    "jacobian_single": lambda torch, F: F.jacobian(_fn(torch, "vector"), _inputs(torch)),
    "jacobian_tuple1": lambda torch, F: F.jacobian(_fn(torch, "vector"), (_inputs(torch),)),
    "jacobian_pair": lambda torch, F: F.jacobian(_fn(torch, "pair_vec"), _inputs(torch, 2)),
    "jacobian_two_out": lambda torch, F: F.jacobian(_fn(torch, "two_out"), _inputs(torch)),
    "jacobian_create": lambda torch, F: F.jacobian(_fn(torch, "vector"), _inputs(torch),
                                                   create_graph=True),
    "jacobian_strict_const": lambda torch, F: F.jacobian(_fn(torch, "const"), _inputs(torch),
                                                         strict=True),
    "jacobian_const": lambda torch, F: F.jacobian(_fn(torch, "const"), _inputs(torch)),
    "jacobian_strict_unused": lambda torch, F: F.jacobian(_fn(torch, "unused"), _inputs(torch, 2),
                                                          strict=True),
    "jacobian_vectorize": lambda torch, F: F.jacobian(_fn(torch, "vector"), _inputs(torch),
                                                      vectorize=True),
    "jacobian_bad_strategy": lambda torch, F: F.jacobian(_fn(torch, "vector"), _inputs(torch),
                                                         strategy="sideways"),
    "hessian_single": lambda torch, F: F.hessian(_fn(torch, "single"), _inputs(torch)),
    "hessian_pair": lambda torch, F: F.hessian(_fn(torch, "pair"), _inputs(torch, 2)),
    "hessian_create": lambda torch, F: F.hessian(_fn(torch, "single"), _inputs(torch),
                                                 create_graph=True),
    "hessian_strict_linear": lambda torch, F: F.hessian(_fn(torch, "linear"), _inputs(torch),
                                                        strict=True),
    "hessian_non_scalar": lambda torch, F: F.hessian(_fn(torch, "vector"), _inputs(torch)),
    "vjp_single": lambda torch, F: F.vjp(_fn(torch, "vector"), _inputs(torch),
                                         torch.tensor([1.0, 2.0], dtype=torch.float64)),
    "vjp_scalar_no_v": lambda torch, F: F.vjp(_fn(torch, "single"), _inputs(torch)),
    "vjp_pair": lambda torch, F: F.vjp(_fn(torch, "pair"), _inputs(torch, 2)),
    "vjp_missing_v": lambda torch, F: F.vjp(_fn(torch, "vector"), _inputs(torch)),
    "vjp_bad_v_size": lambda torch, F: F.vjp(_fn(torch, "vector"), _inputs(torch),
                                             torch.ones(3, dtype=torch.float64)),
    "vjp_strict_unused": lambda torch, F: F.vjp(_fn(torch, "unused"), _inputs(torch, 2),
                                                strict=True),
    "vjp_create": lambda torch, F: F.vjp(_fn(torch, "single"), _inputs(torch), create_graph=True),
    "jvp_single": lambda torch, F: F.jvp(_fn(torch, "vector"), _inputs(torch),
                                         torch.tensor([1.0, 0.5], dtype=torch.float64)),
    "jvp_pair": lambda torch, F: F.jvp(_fn(torch, "pair_vec"), _inputs(torch, 2),
                                       (torch.ones(2, dtype=torch.float64),
                                        torch.ones(2, dtype=torch.float64))),
    "jvp_missing_v": lambda torch, F: F.jvp(_fn(torch, "vector"), _inputs(torch)),
    "jvp_strict_const": lambda torch, F: F.jvp(_fn(torch, "const"), _inputs(torch),
                                               torch.ones(2, dtype=torch.float64), strict=True),
    "jvp_create": lambda torch, F: F.jvp(_fn(torch, "vector"), _inputs(torch),
                                         torch.ones(2, dtype=torch.float64), create_graph=True),
    "hvp_single": lambda torch, F: F.hvp(_fn(torch, "single"), _inputs(torch),
                                         torch.tensor([1.0, 2.0], dtype=torch.float64)),
    "hvp_pair": lambda torch, F: F.hvp(_fn(torch, "pair"), _inputs(torch, 2),
                                       (torch.ones(2, dtype=torch.float64),
                                        torch.ones(2, dtype=torch.float64))),
    "hvp_strict_linear": lambda torch, F: F.hvp(_fn(torch, "linear"), _inputs(torch),
                                                torch.ones(2, dtype=torch.float64), strict=True),
    "hvp_create": lambda torch, F: F.hvp(_fn(torch, "single"), _inputs(torch),
                                         torch.ones(2, dtype=torch.float64), create_graph=True),
    "hvp_non_scalar": lambda torch, F: F.hvp(_fn(torch, "vector"), _inputs(torch),
                                             torch.ones(2, dtype=torch.float64)),
    "vhp_single": lambda torch, F: F.vhp(_fn(torch, "single"), _inputs(torch),
                                         torch.tensor([1.0, 2.0], dtype=torch.float64)),
    "vhp_pair": lambda torch, F: F.vhp(_fn(torch, "pair"), _inputs(torch, 2),
                                       (torch.ones(2, dtype=torch.float64),
                                        torch.ones(2, dtype=torch.float64))),
    "vhp_strict_linear": lambda torch, F: F.vhp(_fn(torch, "linear"), _inputs(torch),
                                                torch.ones(2, dtype=torch.float64), strict=True),
    "vhp_create": lambda torch, F: F.vhp(_fn(torch, "single"), _inputs(torch),
                                         torch.ones(2, dtype=torch.float64), create_graph=True),
    "jacobian_vectorize_pair": lambda torch, F: F.jacobian(_fn(torch, "pair_vec"), _inputs(torch, 2),
                                                           vectorize=True),
    "jacobian_vectorize_create": lambda torch, F: F.jacobian(_fn(torch, "two_out"), _inputs(torch),
                                                             vectorize=True, create_graph=True),
    "jacobian_vectorize_strict": lambda torch, F: F.jacobian(_fn(torch, "vector"), _inputs(torch),
                                                             vectorize=True, strict=True),
    "jacobian_forward_mode": lambda torch, F: F.jacobian(_fn(torch, "vector"), _inputs(torch),
                                                         vectorize=True, strategy="forward-mode"),
    "jacobian_forward_no_vectorize": lambda torch, F: F.jacobian(_fn(torch, "vector"),
                                                                 _inputs(torch),
                                                                 strategy="forward-mode"),
    "jacobian_forward_create": lambda torch, F: F.jacobian(_fn(torch, "vector"), _inputs(torch),
                                                           create_graph=True,
                                                           strategy="forward-mode"),
    "jacobian_forward_strict": lambda torch, F: F.jacobian(_fn(torch, "vector"), _inputs(torch),
                                                           strict=True, strategy="forward-mode"),
    "hessian_vectorize": lambda torch, F: F.hessian(_fn(torch, "pair"), _inputs(torch, 2),
                                                    vectorize=True),
    "hessian_bad_strategy": lambda torch, F: F.hessian(_fn(torch, "single"), _inputs(torch),
                                                       outer_jacobian_strategy="x"),
    "hessian_tuple_output": lambda torch, F: F.hessian(lambda x: (x.sum(),), _inputs(torch)),
    "vhp_no_v_single_element": lambda torch, F: F.vhp(lambda x: x ** 3,
                                                      torch.tensor([2.0], dtype=torch.float64)),
    "vhp_missing_v": lambda torch, F: F.vhp(_fn(torch, "single"), _inputs(torch)),
    "hvp_bad_v_len": lambda torch, F: F.hvp(_fn(torch, "pair"), _inputs(torch, 2),
                                            (torch.ones(2, dtype=torch.float64),)),
    "vjp_v_wrong_entry": lambda torch, F: F.vjp(_fn(torch, "two_out"), _inputs(torch),
                                                (torch.ones(2, dtype=torch.float64),
                                                 torch.ones(2, dtype=torch.float64))),
    "vjp_list_input": lambda torch, F: F.vjp(_fn(torch, "single"), [_inputs(torch)]),
    "vjp_strict_const_output": lambda torch, F: F.vjp(_fn(torch, "const"), _inputs(torch),
                                                      torch.ones(2), strict=True),
    "jvp_strict_create_linear": lambda torch, F: F.jvp(_fn(torch, "linear"), _inputs(torch),
                                                       torch.ones(2, dtype=torch.float64),
                                                       strict=True, create_graph=True),
    "vjp_strict_create_linear": lambda torch, F: F.vjp(_fn(torch, "linear"), _inputs(torch),
                                                       strict=True, create_graph=True),
    "bad_input_type": lambda torch, F: F.jacobian(_fn(torch, "vector"), [1.0, 2.0]),
    "bad_output_type": lambda torch, F: F.vjp(lambda x: 3.0, _inputs(torch)),
}


@pytest.mark.parametrize("case", sorted(FUNCTIONAL))
def test_functional(case):
    def f(torch):
        F = torch.autograd.functional
        return FUNCTIONAL[case](torch, F)
    # torch's first forward-mode call imports code that gives internal DeprecationWarnings,
    # hidden from users by Python's default filters
    same(f, tol=1e-12, check_warnings=case != "jacobian_forward_mode")


def test_functional_under_no_grad():
    def f(torch):
        F = torch.autograd.functional
        x = torch.tensor([0.5, 1.0], dtype=torch.float64)
        with torch.no_grad():
            a = F.vjp(lambda t: (t ** 2).sum(), x)
            b = F.hvp(lambda t: (t ** 3).sum(), x, torch.ones(2, dtype=torch.float64))
            c = F.jacobian(lambda t: t.exp(), x)
        return a, b, c
    same(f, tol=1e-12)


def test_functional_inputs_requiring_grad_and_create_graph():
    def f(torch):
        x = torch.tensor([0.5, 1.0], dtype=torch.float64, requires_grad=True)
        F = torch.autograd.functional
        jac = F.jacobian(lambda t: t ** 3, x, create_graph=True)
        jac.sum().backward()
        out = [jac, x.grad]
        jac2 = F.jacobian(lambda t: t ** 3, x)
        return out + [jac2, x.grad]
    same(f, tol=1e-12)


# --- gradcheck ----------------------------------------------------------------------------------------

def _gc_inputs(torch, dtype="float64"):
    d = getattr(torch, dtype)
    return (torch.tensor([[0.5, 1.5], [2.0, -1.0]], dtype=d, requires_grad=True),
            torch.tensor([[1.0, 2.0], [0.25, 0.75]], dtype=d, requires_grad=True))


def _first_line(outcome):
    if outcome.exc is not None:
        outcome.exc = type(outcome.exc)(str(outcome.exc).split("\n")[0])
    return outcome


@pytest.mark.parametrize("case", ["mul", "matmul", "sigmoid", "softmax", "one_input",
                                  "tuple_out", "non_tensor_arg"])
def test_gradcheck_passes(case):
    def f(torch):
        a, b = _gc_inputs(torch)
        fn, args = {
            "mul": (lambda x, y: x * y, (a, b)),
            "matmul": (lambda x, y: (x @ y).tanh(), (a, b)),
            "sigmoid": (lambda x: x.sigmoid(), (a,)),
            "softmax": (lambda x: x.softmax(1), (a,)),
            "one_input": (lambda x: x ** 3, a),
            "tuple_out": (lambda x, y: (x * y, x.exp()), (a, b)),
            "non_tensor_arg": (lambda x, k: x * k, (a, 3.0)),
        }[case]
        return (torch.autograd.gradcheck(fn, args),
                torch.autograd.gradgradcheck(fn, args) if case != "non_tensor_arg" else True)
    same(f)


def _wrong_function(torch):
    class Wrong(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return g * x  # should be 2 * x
    return Wrong


def test_gradcheck_fails():
    def f(torch):
        a, _ = _gc_inputs(torch)
        torch.autograd.gradcheck(_wrong_function(torch).apply, (a,))
    out_t = _first_line(run(f, __import__("torch")))
    out_l = _first_line(run(f, __import__("torchlite")))
    compare(out_t, out_l, f.__code__.co_filename)


def test_gradcheck_failure_message():
    """The whole message: the numerical and analytical Jacobians, printed as torch prints them."""
    def f(torch):
        x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
        torch.autograd.gradcheck(_wrong_function(torch).apply, (x,))
    same(f)


def test_gradcheck_raise_exception_false():
    def f(torch):
        a, _ = _gc_inputs(torch)
        return (torch.autograd.gradcheck(_wrong_function(torch).apply, (a,), raise_exception=False),
                torch.autograd.gradgradcheck(lambda x: x ** 2, (a,), raise_exception=False))
    same(f)


def test_gradgradcheck_fails_for_once_differentiable():
    def f(torch):
        Once = _cls(torch, "Once")
        a, _ = _gc_inputs(torch)
        return torch.autograd.gradgradcheck(Once.apply, (a,))
    out_t = _first_line(run(f, __import__("torch")))
    out_l = _first_line(run(f, __import__("torchlite")))
    compare(out_t, out_l, f.__code__.co_filename)


def test_gradgradcheck_failure_message_and_random_stream():
    """gradgradcheck draws its grad_outputs from the global generator as torch does."""
    def f(torch):
        torch.manual_seed(0)
        Wrong = _wrong_function(torch)
        x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
        out = []
        try:
            torch.autograd.gradgradcheck(lambda a: Wrong.apply(a) * a, (x,))
        except RuntimeError as e:
            out.append(e)
        out.append(torch.rand(2))
        out.append(torch.autograd.gradgradcheck(lambda a: (a * a, a.exp()), (x,)))
        out.append(torch.rand(2))
        return out
    same(f)


def test_gradcheck_mismatch_numbers_differentiable_inputs():
    def f(torch):
        Wrong = _wrong_function(torch)
        x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
        torch.autograd.gradcheck(lambda k, c, b: Wrong.apply(b) * k, (3.0, torch.ones(2), x))
    same(f)


@pytest.mark.parametrize("case", ["transposed", "sliced", "expanded", "no_diff_output_zero",
                                  "no_diff_output_nonzero", "int_output", "first_of_two_wrong"])
def test_gradcheck_input_and_output_forms(case):
    def f(torch):
        base = torch.tensor([[0.5, 1.5, 2.0], [2.0, -1.0, 0.25]], dtype=torch.float64)
        Wrong = _wrong_function(torch)
        if case == "transposed":
            return torch.autograd.gradcheck(lambda a: a.exp(), base.t().requires_grad_())
        if case == "sliced":
            leaf = base.clone().requires_grad_()
            return torch.autograd.gradcheck(lambda a: a * a, (leaf[:, 1:].detach().requires_grad_(),))
        if case == "expanded":
            return torch.autograd.gradcheck(lambda a: a * 2, base[0].expand(2, 3).requires_grad_())
        x = base.requires_grad_()
        if case == "no_diff_output_zero":
            return torch.autograd.gradcheck(lambda a: torch.ones(2), x)
        if case == "no_diff_output_nonzero":
            return torch.autograd.gradcheck(lambda a: a.detach() * 2, x)
        if case == "int_output":
            return torch.autograd.gradcheck(lambda a: (a.argmax(), Wrong.apply(a)), x)
        return torch.autograd.gradcheck(lambda a: (Wrong.apply(a), a * 2), x)
    same(f)


def test_gradcheck_float32_warns():
    def f(torch):
        a, b = _gc_inputs(torch, "float32")
        return torch.autograd.gradcheck(lambda x, y: x + y, (a, b), eps=1e-3, atol=1e-2)
    same(f)


def test_gradcheck_no_input_requires_grad():
    def f(torch):
        x = torch.tensor([1.0], dtype=torch.float64)
        torch.autograd.gradcheck(lambda t: t * 2, (x,))
    same(f)


def test_gradcheck_single_tensor_input_and_output_not_requiring_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
        return torch.autograd.gradcheck(lambda t: (t * 2, torch.ones(1)), x)
    same(f)


# --- anomaly mode --------------------------------------------------------------------------------------

def test_detect_anomaly_nan():
    def f(torch):
        x = torch.tensor([0.0, 1.0], requires_grad=True)
        with torch.autograd.detect_anomaly():
            y = x.sqrt() * 0  # inf * 0 -> nan in the backward of sqrt
            y.sum().backward()
    out_t = run(f, __import__("torch"))
    out_l = run(f, __import__("torchlite"))
    # the forward traceback differs (library frames); compare its first line
    for o in (out_t, out_l):
        for w in o.warnings:
            w.message = str(w.message).split("\n")[0]
    compare(out_t, out_l, f.__code__.co_filename)


def test_detect_anomaly_check_nan_false_and_flags():
    def f(torch):
        x = torch.tensor([0.0, 1.0], requires_grad=True)
        out = [torch.is_anomaly_enabled()]
        with torch.autograd.detect_anomaly(check_nan=False):
            out.append((torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()))
            (x.sqrt() * 0).sum().backward()
        out.append((torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled(), x.grad))
        return out
    same(f)


def test_set_detect_anomaly_function_and_context():
    def f(torch):
        out = []
        torch.autograd.set_detect_anomaly(True)
        out.append(torch.is_anomaly_enabled())
        torch.autograd.set_detect_anomaly(False)
        out.append(torch.is_anomaly_enabled())
        with torch.autograd.set_detect_anomaly(True):
            out.append(torch.is_anomaly_enabled())
        out.append(torch.is_anomaly_enabled())
        return out
    same(f)


def test_detect_anomaly_as_decorator():
    def f(torch):
        @torch.autograd.detect_anomaly()
        def g():
            return torch.is_anomaly_enabled()
        return g(), torch.is_anomaly_enabled()
    same(f)


def test_anomaly_error_in_backward_names_forward():
    def f(torch):
        Bad = _cls(torch, "BadShape")
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        with torch.autograd.detect_anomaly():
            Bad.apply(x).sum().backward()
    out_t = run(f, __import__("torch"))
    out_l = run(f, __import__("torchlite"))
    for o in (out_t, out_l):
        for w in o.warnings:
            w.message = str(w.message).split("\n")[0]
    compare(out_t, out_l, f.__code__.co_filename)


@pytest.mark.parametrize("first", ["gradgradcheck", "gradcheck", "Function", "functional"])
def test_lazy_autograd_names_in_any_order(first):
    # torch.autograd.gradcheck is the function whatever was read first (torchlite loads these
    # submodules lazily, and importing one binds its name to the module); a fresh process
    import subprocess
    import sys
    code = (f"import torchlite, torch\nfor lib in (torch, torchlite):\n"
            f"    getattr(lib.autograd, {first!r})\n"
            f"    print([type(getattr(lib.autograd, n)).__name__ for n in "
            f"('gradcheck', 'gradgradcheck', 'Function', 'function', 'functional')])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    torch_line, lite_line = out.stdout.splitlines()
    assert lite_line == torch_line
