"""The backward engine against torch: backward()/grad() arguments and errors, accumulation,
freeing, gradient reduction, higher order, derivatives at ties and boundaries, deep graphs,
fan-out and the structure of next_functions.

Every test runs the same function with torch and with torchlite (``same``) and compares
results, warnings and exceptions; nothing torch prints is hard-coded.
"""

import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings, HealthCheck
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from autograd_diff import same, graph

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


# --- backward() arguments -------------------------------------------------------------

def test_scalar_backward():
    def f(torch):
        x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
        y = (x * x * 3 + x).sum()
        r = y.backward()
        return r, x.grad, y.grad_fn, y.is_leaf
    same(f)


@pytest.mark.parametrize("how", ["method", "function", "function_list", "grad_tensors_tensor"])
def test_gradient_argument(how):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        y = x * x
        g = torch.tensor([[1.0, 0.5], [-1.0, 2.0]])
        if how == "method":
            y.backward(g)
        elif how == "function":
            torch.autograd.backward(y, g)
        elif how == "function_list":
            torch.autograd.backward([y], [g])
        else:
            torch.autograd.backward(y, grad_tensors=g)
        return x.grad
    same(f)


def test_backward_several_roots_with_none_gradient():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        a = (x * 3).sum()
        b = x * x
        torch.autograd.backward([a, b], [None, torch.tensor([1.0, -1.0])])
        return x.grad
    same(f)


def test_gradient_of_other_dtype_is_cast():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        y.backward(torch.tensor([1.0, 3.0], dtype=torch.float64))
        return x.grad
    same(f)


def test_gradient_integer_for_float_output():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        y.backward(torch.tensor([1, 3]))
        return x.grad
    same(f)


def test_backward_on_leaf():
    def f(torch):
        x = torch.tensor([2.0], requires_grad=True)
        x.backward()
        x.backward(torch.tensor([3.0]))
        return x.grad
    same(f)


def test_retain_graph_twice_accumulates():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = (x.exp() * x).sum()
        y.backward(retain_graph=True)
        first = x.grad.clone()
        y.backward()
        return first, x.grad
    same(f, tol=1e-6)


def test_create_graph_grad_has_history():
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = (x ** 3).sum()
        y.backward(create_graph=True)
        g = x.grad
        out = [g, g.grad_fn, g.requires_grad]
        x.grad = None
        g.sum().backward()
        out.append(x.grad)
        return out
    # the reference-cycle warning is once per process: compared in a fresh process below
    same(f, check_warnings=False)


@pytest.mark.parametrize("kind", ["list", "tuple", "tensor", "nonleaf", "dict"])
def test_backward_inputs(kind):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([3.0, -1.0], requires_grad=True)
        h = x * w
        y = (h * h).sum()
        if kind == "list":
            y.backward(inputs=[w])
        elif kind == "tuple":
            y.backward(inputs=(x,))
        elif kind == "tensor":
            y.backward(inputs=x)
        elif kind == "nonleaf":
            y.backward(inputs=[h, x])
            return x.grad, w.grad, h.grad
        else:
            y.backward(inputs={"a": x})
        return x.grad, w.grad
    same(f)


def test_backward_inputs_not_requiring_grad():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        (x * 2).sum().backward(inputs=[x, torch.tensor([1.0])])
    same(f)


def test_backward_inputs_other_mapping():
    def f(torch):
        import collections
        x = torch.tensor([1.0], requires_grad=True)
        (x * 2).sum().backward(inputs=collections.OrderedDict(a=x))
    same(f)


def test_grad_inputs_other_mapping():
    def f(torch):
        import types
        x = torch.tensor([1.0], requires_grad=True)
        torch.autograd.grad((x * 2).sum(), types.MappingProxyType({"a": x}))
    same(f)


def test_exception_in_backward_leaves_engine_usable():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x.exp()
        y = h * 3
        h.register_hook(lambda g: 1 / 0)
        out = []
        try:
            y.sum().backward()
        except ZeroDivisionError as e:
            out.append(e)
        out.append(torch.is_grad_enabled())
        try:
            y.sum().backward()  # MulBackward0 ran (and freed) before the hook raised
        except RuntimeError as e:
            out.append(e)
        z = (x * x).sum()
        z.backward()
        return out, x.grad
    same(f)


def test_backward_inputs_empty():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        (x * 2).sum().backward(inputs=[])
    same(f)


def test_backward_inputs_not_in_graph():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        z = torch.tensor([1.0], requires_grad=True)
        (x * 2).sum().backward(inputs=[z])
        return x.grad, z.grad
    same(f)


def test_grad_variables_future_warning():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        torch.autograd.backward(y, grad_variables=[torch.tensor([1.0, 1.0])])
        return x.grad
    same(f)


def test_grad_variables_and_grad_tensors():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        g = torch.tensor([1.0, 1.0])
        torch.autograd.backward(y, grad_tensors=[g], grad_variables=[g])
    same(f)


# --- grad() arguments ------------------------------------------------------------------

def test_grad_basic_does_not_touch_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([0.5, 2.0], requires_grad=True)
        y = (x * w).sum()
        g = torch.autograd.grad(y, [x, w])
        return g, x.grad, w.grad
    same(f)


@pytest.mark.parametrize("inputs", ["tensor", "tuple", "list", "dict"])
def test_grad_inputs_forms(inputs):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([0.5, 2.0], requires_grad=True)
        y = (x * x * w).sum()
        arg = {"tensor": x, "tuple": (x, w), "list": [w, x], "dict": {"w": w, "x": x}}[inputs]
        return torch.autograd.grad(y, arg)
    same(f)


def test_grad_outputs():
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = x * x
        z = x.sum() * 2
        g1 = torch.autograd.grad(y, x, grad_outputs=torch.tensor([1.0, 0.0, -1.0]), retain_graph=True)
        g2 = torch.autograd.grad([y, z], x, grad_outputs=[torch.ones(3), None])
        return g1, g2
    same(f)


def test_grad_only_inputs_false_warns():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([1.0, 2.0], requires_grad=True)
        y = (x * w).sum()
        g = torch.autograd.grad(y, x, only_inputs=False)
        return g, w.grad
    same(f)


def test_grad_allow_unused():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        z = torch.tensor([1.0, 2.0], requires_grad=True)
        y = (x * 2).sum()
        return torch.autograd.grad(y, [x, z], allow_unused=True)
    same(f)


def test_grad_unused_input_error():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        z = torch.tensor([1.0, 2.0], requires_grad=True)
        y = (x * 2).sum()
        return torch.autograd.grad(y, [x, z])
    same(f)


def test_grad_unused_input_error_index():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        z = torch.tensor([1.0, 2.0], requires_grad=True)
        y = (x * 2).sum()
        return torch.autograd.grad(y, [z, x])
    same(f)


@pytest.mark.parametrize("allow_unused", [None, True, False])
def test_grad_materialize_grads(allow_unused):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        z = torch.tensor([[1.0, 2.0]], requires_grad=True, dtype=torch.float64)
        y = (x * 2).sum()
        kw = {} if allow_unused is None else {"allow_unused": allow_unused}
        return torch.autograd.grad(y, [x, z], materialize_grads=True, **kw)
    same(f)


def test_grad_is_grads_batched():
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = x * x
        eye = torch.eye(3)
        (jac,) = torch.autograd.grad(y, x, grad_outputs=eye, is_grads_batched=True)
        return jac
    same(f)


def test_grad_is_grads_batched_shape_error():
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = x * x
        return torch.autograd.grad(y, x, grad_outputs=torch.ones(2, 2), is_grads_batched=True)
    same(f)


def test_grad_is_grads_batched_two_inputs():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([3.0, 4.0], requires_grad=True)
        y = x * w
        return torch.autograd.grad(y, (x, w), grad_outputs=torch.eye(2), is_grads_batched=True)
    same(f)


def test_grad_of_non_leaf_input():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 3
        y = (h * h).sum()
        return torch.autograd.grad(y, [h, x])
    same(f)


def test_grad_of_same_input_twice():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = (x * x).sum()
        return torch.autograd.grad(y, [x, x])
    same(f)


def test_grad_outputs_and_inputs_sharing_a_tensor():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        return torch.autograd.grad(y, y, torch.tensor([1.0, 5.0]))
    same(f)


def test_grad_empty_inputs():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        return torch.autograd.grad((x * 2).sum(), [])
    same(f)


# --- argument errors -----------------------------------------------------------------

def test_non_scalar_without_gradient():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        (x * 2).backward()
    same(f)


def test_non_scalar_without_gradient_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        torch.autograd.grad(x * 2, x)
    same(f)


@pytest.mark.parametrize("shape", [(3,), (2, 1), (1, 2), ()])
def test_wrong_gradient_shape(shape):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        (x * 2).backward(torch.ones(shape))
    same(f)


def test_wrong_gradient_shape_grad_second_output():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        torch.autograd.grad([x * 2, x * 3], x, [torch.ones(2), torch.ones(3)])
    same(f)


def test_gradient_count_mismatch():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        torch.autograd.backward([x * 2], [torch.ones(2), torch.ones(2)])
    same(f)


def test_gradient_not_a_tensor():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        torch.autograd.backward([x.sum()], [1.0])
    same(f)


def test_backward_no_grad_required():
    def f(torch):
        torch.tensor(1.0).backward()
    same(f)


def test_backward_second_root_no_grad():
    def f(torch):
        x = torch.tensor(1.0, requires_grad=True)
        torch.autograd.backward([x * 2, torch.tensor(2.0)])
    same(f)


def test_backward_under_no_grad():
    def f(torch):
        x = torch.tensor(1.0, requires_grad=True)
        with torch.no_grad():
            y = x * 2
        y.backward()
    same(f)


def test_grad_input_does_not_require_grad():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        z = torch.tensor([1.0])
        torch.autograd.grad((x * z).sum(), [x, z])
    same(f)


def test_grad_output_does_not_require_grad():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        torch.autograd.grad(torch.tensor(1.0), [x])
    same(f)


def test_grad_outputs_count_mismatch():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        torch.autograd.grad(x * 2, x, [torch.ones(1), torch.ones(1)])
    same(f)


def test_integer_tensor_requires_grad():
    def f(torch):
        torch.tensor([1, 2], requires_grad=True)
    same(f)


# --- accumulation, zeroing, .grad of non-leaves ----------------------------------------

def test_accumulation_in_place():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        (x * 3).sum().backward()
        g = x.grad
        (x * x).sum().backward()
        return g, x.grad, g is x.grad
    same(f)


@pytest.mark.parametrize("case", ["user_grad_t", "user_grad_view", "hook_keeps_t", "mm_t",
                                  "bias_sum", "two_leaves_one_view", "saved_base",
                                  "function_returns_held", "function_returns_view",
                                  "function_returns_t", "function_returns_itself"])
def test_gradient_views_become_grad_only_when_unshared(case):
    # a gradient that is a view (a transpose, a reshape) becomes .grad without a copy only when
    # nothing else holds its memory: writing to what the user holds afterwards shows whether
    # .grad aliases it (compared with torch)
    def f(torch):
        w = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
        kept = []
        if case == "user_grad_t":
            g = torch.ones(3, 2)
            (w + 0).backward(g.t())
            g.mul_(7)
        elif case == "user_grad_view":
            g = torch.ones(6)
            (w + 0).backward(g.view(2, 3))
            g.mul_(7)
        elif case == "hook_keeps_t":
            y = (w * 2).t()
            y.register_hook(lambda gr: kept.append(gr))
            (y * 1).sum().backward()
            kept[0].mul_(7)
        elif case == "mm_t":
            x = torch.tensor([[1.0, 0.5], [2.0, -1.0], [0.0, 3.0]])
            (x @ w).sum().backward()
        elif case == "bias_sum":
            b = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
            ((w + b) ** 2).sum().backward()
            kept.append(b.grad.clone())
            w.grad.mul_(7)
            kept.append(b.grad)
        elif case == "two_leaves_one_view":
            v = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
            ((w + v) * 1).t().sum().backward()
            w.grad.mul_(7)
            kept.append(v.grad)
        elif case == "saved_base":
            h = (w * 3).t()
            (h * h).t().sum().backward()
            kept.append(h)
        else:
            # a custom backward returns a tensor the user holds, a view of one, a transpose
            held = torch.ones({"function_returns_view": (6,),
                               "function_returns_itself": (2, 3)}.get(case, (3, 2)))

            class F(torch.autograd.Function):
                @staticmethod
                def forward(ctx, a):
                    return a * 1

                @staticmethod
                def backward(ctx, g):
                    if case == "function_returns_held":
                        return held.t().contiguous().t().t()
                    if case == "function_returns_itself":  # torch copies: the user holds it
                        return held
                    return held.view(2, 3) if case == "function_returns_view" else held.t()

            F.apply(w).sum().backward()
            held.mul_(7)
        return w.grad, w.grad.stride(), w.grad.is_contiguous(), kept
    same(f)


@pytest.mark.parametrize("how", ["none", "zero_", "data_zero_", "assign", "del", "mul_0"])
def test_zeroing_variants(how):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        (x * 3).sum().backward()
        old = x.grad
        if how == "none":
            x.grad = None
        elif how == "zero_":
            x.grad.zero_()
        elif how == "data_zero_":
            x.grad.data.zero_()
        elif how == "assign":
            x.grad = torch.zeros(2)
        elif how == "del":
            del x.grad
        else:
            x.grad.mul_(0)
        (x * x).sum().backward()
        return old, x.grad, old is x.grad
    same(f)


def test_leaf_stops_requiring_grad_after_use():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        ev = []
        x.register_hook(lambda g: ev.append(("hook", g)))
        x.register_post_accumulate_grad_hook(lambda t: ev.append("post"))
        acc = (x * 1).grad_fn.next_functions[0][0]
        acc.register_prehook(lambda go: ev.append("acc pre"))
        acc.register_hook(lambda gi, go: ev.append(("acc post", gi, go)))
        y = x * 2
        x.requires_grad_(False)
        y.backward()
        return ev, x.grad
    same(f)


@pytest.mark.parametrize("layout", ["transposed", "expanded_leaf_grad", "sliced", "permuted3d",
                                    "size_one_dims"])
def test_grad_layout_contract(layout):
    """.grad of a dense leaf has the leaf's strides; of any other leaf, contiguous strides."""
    def f(torch):
        if layout == "transposed":
            x = torch.ones(3, 2).t().requires_grad_()
            y = x * 2
        elif layout == "expanded_leaf_grad":
            x = torch.ones(1, 3, requires_grad=True)
            y = x.expand(4, 3)
        elif layout == "sliced":
            x = torch.ones(4, 6)[:, ::2].requires_grad_()
            y = x.t() * 2
        elif layout == "permuted3d":
            x = torch.ones(2, 3, 4).permute(2, 0, 1).requires_grad_()
            y = x.exp()
        else:
            x = torch.ones(1, 3, 1).requires_grad_()
            y = x * x
        y.sum().backward()
        first = (x.grad.stride(), x.grad.is_contiguous())
        y = x * 3
        y.sum().backward()
        return first, x.grad.stride(), x.grad, x.stride()
    same(f, tol=1e-6)


def test_gradient_argument_not_aliased_by_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        gout = torch.tensor([3.0, 4.0])
        x.backward(gout)
        out = [x.grad is gout]
        gout.mul_(100)
        out.append(x.grad.clone())
        x.backward(torch.ones(2))
        return out, gout, x.grad
    same(f)


@pytest.mark.parametrize("first", ["plain", "create_graph"])
@pytest.mark.parametrize("second", ["plain", "create_graph"])
def test_accumulation_with_create_graph(first, second):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        (x ** 2).sum().backward(create_graph=first == "create_graph")
        g1 = x.grad
        g1_fn = g1.grad_fn
        (x ** 3).sum().backward(create_graph=second == "create_graph")
        return (g1_fn, g1, x.grad, x.grad is g1, x.grad.requires_grad,
                type(x.grad.grad_fn).__name__)
    # the create_graph warning is once per process: compared in a fresh process
    same(f, check_warnings=False)


def test_create_graph_grad_of_linear_function():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        gout = torch.tensor([5.0, 6.0])
        x.backward(gout, create_graph=True)
        out = [x.grad, x.grad is gout, x.grad.grad_fn]
        gout.add_(1)
        return out + [x.grad]
    same(f, check_warnings=False)


def test_accumulate_into_assigned_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        g = torch.tensor([10.0, 20.0])
        x.grad = g
        (x * 2).sum().backward()
        return g, x.grad, g is x.grad
    same(f)


def test_grad_assign_errors():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        out = []
        for value in (torch.zeros(3), torch.zeros(2, dtype=torch.float64), 1.0):
            try:
                x.grad = value
            except Exception as e:
                out.append(e)
        return out
    same(f)


def test_non_leaf_grad_warning_on_users_line():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        y.sum().backward()
        return y.grad
    same(f)


def test_non_leaf_grad_warning_via_getattr():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x + 1
        return getattr(y, "grad")
    same(f)


def test_retain_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        y.retain_grad()
        z = y * y
        z.retain_grad()
        z.sum().backward(retain_graph=True)
        first = (y.grad.clone(), z.grad.clone(), y.retains_grad, x.retains_grad)
        z.sum().backward()
        return first, y.grad, z.grad, x.grad
    same(f)


def test_retain_grad_errors_and_leaf_noop():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        x.retain_grad()
        x.sum().backward()
        out = [x.grad, x.retains_grad]
        try:
            torch.tensor([1.0]).retain_grad()
        except Exception as e:
            out.append(e)
        return out
    same(f)


def test_retain_grad_on_root_with_gradient():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        y.retain_grad()
        y.backward(torch.tensor([3.0, 4.0]))
        return y.grad, x.grad
    same(f)


# --- freeing saved tensors ---------------------------------------------------------------

@pytest.mark.parametrize("op", ["mul", "mul_scalar", "exp", "pow", "div", "matmul", "sigmoid",
                                "sum_then_mul", "tanh"])
def test_second_backward_raises(op):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        w = torch.tensor([[0.5, -1.0], [2.0, 1.0]], requires_grad=True)
        y = {"mul": lambda: x * w, "mul_scalar": lambda: x * 2, "exp": lambda: x.exp(),
             "pow": lambda: x ** 2, "div": lambda: x / w, "matmul": lambda: x @ w,
             "sigmoid": lambda: x.sigmoid(), "sum_then_mul": lambda: x.sum() * w,
             "tanh": lambda: x.tanh()}[op]().sum()
        y.backward()
        y.backward()
    same(f)


@pytest.mark.parametrize("op", ["add", "add_scalar", "sub", "neg", "sum", "view", "transpose",
                                "expand", "index", "cat", "mean"])
def test_graph_without_saved_tensors_backward_twice(op):
    def f(torch):
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        w = torch.tensor([[0.5, -1.0], [2.0, 1.0]], requires_grad=True)
        y = {"add": lambda: x + w, "add_scalar": lambda: x + 2, "sub": lambda: x - w,
             "neg": lambda: -x, "sum": lambda: x.sum(1), "view": lambda: x.view(4),
             "transpose": lambda: x.t(), "expand": lambda: x[0].expand(3, 2),
             "index": lambda: x[1:], "cat": lambda: torch.cat([x, w]),
             "mean": lambda: x.mean(0)}[op]().sum()
        y.backward()
        y.backward()
        return x.grad, w.grad
    same(f)


def test_saved_tensor_access_after_free():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * x
        before = y.grad_fn._saved_self
        y.sum().backward()
        return before, y.grad_fn._saved_self
    same(f)


def test_grad_frees_too():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = (x * x).sum()
        torch.autograd.grad(y, x)
        torch.autograd.grad(y, x)
    same(f)


def test_partial_free_then_other_branch():
    """A backward frees only what it ran: the other branch can still be backpropagated."""
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        a = x.exp()
        b = x.sin()
        (g,) = torch.autograd.grad(a.sum(), x)
        b.sum().backward()
        return g, x.grad
    same(f, tol=1e-6)


# --- broadcasting and dtypes -------------------------------------------------------------

@st.composite
def broadcast_pair(draw):
    shapes = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=3))
    return shapes.input_shapes


@SETTINGS
@given(shapes=broadcast_pair(), op=st.sampled_from(["add", "sub", "mul", "div", "where", "maximum"]))
def test_broadcast_gradients_reduced(shapes, op):
    import numpy as np
    sa, sb = shapes
    rng = np.random.default_rng(abs(hash((sa, sb, op))) % 2 ** 32)
    a_np = rng.integers(1, 5, sa).astype(np.float64)
    b_np = rng.integers(1, 5, sb).astype(np.float64)

    def f(torch):
        a = torch.tensor(a_np.tolist(), dtype=torch.float64, requires_grad=True)
        b = torch.tensor(b_np.tolist(), dtype=torch.float64, requires_grad=True)
        if op == "where":
            y = torch.where(a > 2, a, b)
        else:
            y = getattr(torch, op)(a, b)
        (y * y).sum().backward()
        return y, a.grad, b.grad
    same(f, tol=1e-12)


@pytest.mark.parametrize("da,db", [("float32", "float64"), ("float64", "float32"),
                                   ("float16", "float32"), ("float32", "int64"),
                                   ("float64", "bool")])
def test_mixed_dtype_gradients_cast_to_input_dtype(da, db):
    def f(torch):
        a = torch.tensor([1.5, 2.0, -1.0], dtype=getattr(torch, da), requires_grad=True)
        b = torch.tensor([2, 1, 3], dtype=getattr(torch, db))
        if b.is_floating_point():
            b.requires_grad_()
        y = a * b + a
        y.sum().backward()
        return y, a.grad, b.grad
    same(f)


def test_zero_dim_and_broadcast_scalar_tensor():
    def f(torch):
        s = torch.tensor(2.0, requires_grad=True)
        v = torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
        y = (s * v + s).sum()
        y.backward()
        return s.grad, v.grad
    same(f)


def test_expand_gradient():
    def f(torch):
        x = torch.tensor([[1.0], [2.0]], requires_grad=True)
        y = x.expand(2, 3) * torch.tensor([1.0, 2.0, 3.0])
        y.sum().backward()
        return x.grad
    same(f)


# --- higher order -------------------------------------------------------------------------

def test_second_and_third_derivatives():
    def f(torch):
        x = torch.tensor([0.5, 1.0, 2.0], dtype=torch.float64, requires_grad=True)
        y = (x ** 4 + x.sin() * x).sum()
        (g1,) = torch.autograd.grad(y, x, create_graph=True)
        (g2,) = torch.autograd.grad(g1.sum(), x, create_graph=True)
        (g3,) = torch.autograd.grad(g2.sum(), x)
        return g1, g2, g3, g1.grad_fn, g2.grad_fn
    same(f, tol=1e-12)


@pytest.mark.parametrize("op", ["exp", "log", "tanh", "sigmoid", "sqrt", "reciprocal", "pow3",
                                "div", "matmul", "softmax", "mean_var"])
def test_double_backward_ops(op):
    def f(torch):
        x = torch.tensor([[0.5, 1.0], [2.0, 1.5]], dtype=torch.float64, requires_grad=True)
        w = torch.tensor([[1.5, -0.5], [0.25, 2.0]], dtype=torch.float64, requires_grad=True)
        y = {"exp": lambda: x.exp() * w, "log": lambda: x.log() * w, "tanh": lambda: x.tanh() * w,
             "sigmoid": lambda: x.sigmoid() * w, "sqrt": lambda: x.sqrt() * w,
             "reciprocal": lambda: x.reciprocal() * w, "pow3": lambda: x ** 3 * w,
             "div": lambda: w / x, "matmul": lambda: (x @ w) ** 2,
             "softmax": lambda: x.softmax(1) * w, "mean_var": lambda: x.var(0) * x.mean()}[op]()
        gx, gw = torch.autograd.grad(y.sum(), [x, w], create_graph=True)
        hx, hw = torch.autograd.grad((gx ** 2).sum() + gw.sum(), [x, w], allow_unused=True)
        # values here; the first gradient's grad_fn is compared in test_first_gradient_grad_fn
        return gx.detach(), gw.detach(), gx.requires_grad, hx, hw
    same(f, tol=1e-10)


FIRST_GRADIENT_OPS = {
    "relu": (lambda torch, x: x.relu(), None),
    "tanh": (lambda torch, x: x.tanh(), None),
    "sigmoid": (lambda torch, x: x.sigmoid(), None),
    "softmax": (lambda torch, x: x.softmax(1), None),
    "log_softmax": (lambda torch, x: x.log_softmax(1), None),
    "pow": (lambda torch, x: x ** 3, None),
    "sqrt": (lambda torch, x: x.sqrt(), None),
    "erf": (lambda torch, x: x.erf(), None),
    "mse": (lambda torch, x: ((x - 1) ** 2).mean(), None),
    "atan": (lambda torch, x: x.atan(), None),
    "var": (lambda torch, x: x.var(), None),
    "var_dim": (lambda torch, x: x.var(0), None),
    "std": (lambda torch, x: x.std(), None),
    "norm": (lambda torch, x: x.norm(), None),
    "prod": (lambda torch, x: x.prod(), None),
    "exp": (lambda torch, x: x.exp(), None),
    "log": (lambda torch, x: x.log(), None),
    "abs": (lambda torch, x: x.abs(), None),
    "sin": (lambda torch, x: x.sin(), None),
    "sum": (lambda torch, x: x.sum(1), None),
    "mean": (lambda torch, x: x.mean(), None),
    "max": (lambda torch, x: x.max(1)[0], None),
    "clamp": (lambda torch, x: x.clamp(0, 1.5), None),
    "index": (lambda torch, x: x[0], None),
    "matmul": (lambda torch, x: x @ x, None),
    "div": (lambda torch, x: 1 / x, None),
    "where": (lambda torch, x: torch.where(x > 1, x, -x), None),
    "mul_broadcast": (lambda torch, x: x * x[0], None),
}


@pytest.mark.parametrize("op", [
    pytest.param(k, marks=pytest.mark.xfail(strict=True, reason=v[1])) if v[1] else k
    for k, v in sorted(FIRST_GRADIENT_OPS.items())])
def test_first_gradient_graph(op):
    """With create_graph, the gradient's graph is the one torch records for the derivative."""
    def f(torch):
        x = torch.tensor([[0.5, 1.0], [2.0, 1.5]], dtype=torch.float64, requires_grad=True)
        y = FIRST_GRADIENT_OPS[op][0](torch, x)
        (g,) = torch.autograd.grad(y.sum(), x, create_graph=True)
        return graph(g.grad_fn), g.requires_grad
    same(f)


def test_broadcast_reduction_graph():
    """The engine reduces broadcast gradients as torch's sum_to: sum(keepdim) then view, and a
    plain sum() for a 0-dim input."""
    def f(torch):
        a = torch.tensor([[1.0], [2.0]], requires_grad=True)
        b = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        c = torch.tensor(2.0, requires_grad=True)
        d = torch.tensor([[[4.0]]], requires_grad=True)
        g = torch.autograd.grad(((a + b) * c * d).sum(), (a, b, c, d), create_graph=True)
        return [graph(t.grad_fn) for t in g] + list(g)
    same(f)


def test_gradient_penalty():
    """grad of a gradient norm (WGAN-GP)."""
    def f(torch):
        w = torch.tensor([[0.5, -1.0], [1.5, 2.0]], dtype=torch.float64, requires_grad=True)
        x = torch.tensor([[1.0, 2.0], [0.5, -0.5]], dtype=torch.float64, requires_grad=True)
        out = (x @ w).tanh().sum()
        (gx,) = torch.autograd.grad(out, x, create_graph=True)
        penalty = ((gx.norm(2, dim=1) - 1) ** 2).mean()
        penalty.backward()
        return penalty, w.grad, x.grad
    same(f, tol=1e-10, check_warnings=False)


def test_hessian_vector_product():
    def f(torch):
        x = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64, requires_grad=True)
        v = torch.tensor([0.1, 0.2, 0.3], dtype=torch.float64)
        y = (x ** 2).sum() * x.prod() + (x.exp() * x).sum()
        (g,) = torch.autograd.grad(y, x, create_graph=True)
        (hv,) = torch.autograd.grad(g, x, grad_outputs=v)
        (hv2,) = torch.autograd.grad((g * v).sum(), x) if False else (None,)
        return g, hv
    same(f, tol=1e-10)


def test_create_graph_backward_then_grad_of_grad():
    def f(torch):
        x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
        y = (x ** 3).sum()
        (g,) = torch.autograd.grad(y, x, create_graph=True)
        g.backward(torch.tensor([1.0, 1.0], dtype=torch.float64))
        return g, x.grad
    same(f)


def test_grad_of_grad_without_create_graph_fails():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        (g,) = torch.autograd.grad((x ** 3).sum(), x)
        return g, g.requires_grad, torch.autograd.grad(g.sum(), x)
    same(f)


# --- ties, zeros and boundaries --------------------------------------------------------------

TIE_CASES = {
    "max_all": lambda torch, x: x.max(),
    "min_all": lambda torch, x: x.min(),
    "amax": lambda torch, x: x.amax(1),
    "amin": lambda torch, x: x.amin(0),
    "max_dim": lambda torch, x: x.max(1).values,
    "min_dim": lambda torch, x: x.min(0)[0],
    "max_dim_keepdim": lambda torch, x: x.max(1, keepdim=True)[0],
    "maximum_self": lambda torch, x: torch.maximum(x, x.flip(1)),
    "minimum_const": lambda torch, x: torch.minimum(x, torch.full_like(x, 2.0)),
    "abs": lambda torch, x: x.abs(),
    "relu": lambda torch, x: x.relu(),
    "relu_fn": lambda torch, x: torch.relu(x),
    "clamp": lambda torch, x: x.clamp(0.0, 2.0),
    "clamp_min": lambda torch, x: x.clamp(min=0.0),
    "clamp_max": lambda torch, x: x.clamp(max=2.0),
    "clamp_tensor": lambda torch, x: x.clamp(torch.zeros_like(x), torch.full_like(x, 2.0)),
    "where": lambda torch, x: torch.where(x > 0, x * 2, x * 0),
    "sqrt": lambda torch, x: x.abs().sqrt(),
    "norm": lambda torch, x: x.norm(),
    "norm_dim": lambda torch, x: x.norm(dim=1),
    "norm_zero": lambda torch, x: (x * 0).norm(),
    "norm_1": lambda torch, x: x.norm(1),
    "norm_inf": lambda torch, x: x.norm(float("inf")),
    "sign": lambda torch, x: x.sign() * x,
    "sort_ties": lambda torch, x: x.sort(1).values * torch.tensor([1.0, 2.0, 3.0]),
    "median": lambda torch, x: x.median(),
    "topk": lambda torch, x: x.topk(2, 1).values,
    "pow0": lambda torch, x: x ** 0.5,
    "pow_zero_exp": lambda torch, x: x ** 0,
    "div_zero": lambda torch, x: x / x.abs(),
    "log_zero": lambda torch, x: (x * x).log(),
}


@pytest.mark.parametrize("case", sorted(TIE_CASES))
def test_ties_zeros_boundaries(case):
    def f(torch):
        x = torch.tensor([[2.0, 0.0, 2.0], [-1.0, 0.0, 0.0]], requires_grad=True)
        y = TIE_CASES[case](torch, x)
        y.sum().backward()
        return y, x.grad, y.grad_fn
    same(f)


def test_max_of_all_equal():
    def f(torch):
        x = torch.tensor([3.0, 3.0, 3.0, 3.0], requires_grad=True)
        x.max().backward()
        g1 = x.grad.clone()
        x.grad = None
        torch.max(x, 0).values.backward()
        return g1, x.grad
    same(f)


def test_maximum_ties_and_nan():
    def f(torch):
        a = torch.tensor([1.0, 2.0, float("nan"), 4.0], requires_grad=True)
        b = torch.tensor([1.0, 3.0, 0.0, float("nan")], requires_grad=True)
        y = torch.maximum(a, b) + torch.minimum(a, b)
        y.sum().backward()
        return y, a.grad, b.grad
    same(f)


# --- deep graphs, fan-out, structure ------------------------------------------------------------

def test_deep_chain_no_recursion_error():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        y = x
        for _ in range(100_000):
            y = y * 1.0
        y.sum().backward()
        g = x.grad
        del y
        return g
    same(f)


def test_fan_out_summed_once_per_node():
    def f(torch):
        calls = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        h = x * 2
        h.register_hook(lambda g: calls.append(g.clone()))
        y = h * h + h.exp() + h.sum() + h[0]
        y.sum().backward()
        return calls, x.grad
    same(f, tol=1e-6)


def test_fan_out_leaf_hook_once():
    def f(torch):
        calls = []
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        x.register_hook(lambda g: calls.append(g.clone()))
        y = x * 3 + x * x + x.sum()
        y.sum().backward()
        return calls, x.grad
    same(f)


def test_diamond_graph():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        a = x * 2
        b = a + 1
        c = a * 3
        d = b * c
        e = d + a
        e.sum().backward()
        return x.grad, graph(e.grad_fn)
    same(f)


GRAPHS = {
    "mul_add_sum": lambda torch, x, w: (x * w + 2).sum(),
    "mul_const": lambda torch, x, w: x * 2,
    "mul_tensor_const": lambda torch, x, w: x * torch.tensor([1.0, 2.0]),
    "exp_mul": lambda torch, x, w: x.exp() * w,
    "matmul": lambda torch, x, w: x.view(1, 2) @ w.view(2, 1),
    "view_chain": lambda torch, x, w: x.view(2, 1).t().reshape(2),
    "index": lambda torch, x, w: x[0] + w[1:],
    "cat_stack": lambda torch, x, w: torch.cat([x, w]) + torch.stack([x, w]).sum(0).repeat(2),
    "same_input_twice": lambda torch, x, w: x * x,
    "sub_rsub": lambda torch, x, w: 1 - x - w,
    "pow_forms": lambda torch, x, w: x ** 2 + x ** w + 2 ** w,
    "sum_forms": lambda torch, x, w: x.sum() + w.sum(0) + x.mean(),
    "max_forms": lambda torch, x, w: x.max() + w.max(0)[0] + torch.max(x, w),
    "where": lambda torch, x, w: torch.where(x > 1, x, w),
    "clone_detach": lambda torch, x, w: x.clone() + w.detach(),
    "float_double": lambda torch, x, w: x.double() + w.to(torch.float64),
    "unbind": lambda torch, x, w: torch.unbind(x)[1] * w,
    "split": lambda torch, x, w: x.split(1)[0] + w.chunk(2)[1],
    "reshape_contiguous": lambda torch, x, w: x.view(2, 1).reshape(2),
    "reshape_strided_view": lambda torch, x, w: torch.stack([x, w]).t()[0:1].reshape(-1),
    "reshape_copy": lambda torch, x, w: torch.stack([x, w]).t().reshape(-1),
}


@pytest.mark.parametrize("case", sorted(GRAPHS))
def test_next_functions_structure(case):
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        w = torch.tensor([3.0, 4.0], requires_grad=True)
        y = GRAPHS[case](torch, x, w)
        return graph(y.grad_fn), y
    same(f, tol=1e-6)


def test_accumulate_grad_node_identity_and_variable():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        a = x * 2
        b = x + 1
        na, nb = a.grad_fn.next_functions[0][0], b.grad_fn.next_functions[0][0]
        return na is nb, na.variable is x, na.name(), type(na).__name__, na.next_functions
    same(f)


def test_node_name_and_metadata():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x.exp()
        fn = y.grad_fn
        fn.metadata["k"] = 1
        return fn.name(), fn.metadata, y.grad_fn.metadata is fn.metadata, fn.next_functions
    same(f)


def test_output_nr_multi_output():
    def f(torch):
        x = torch.tensor([[1.0, 5.0], [3.0, 2.0]], requires_grad=True)
        v, i = x.max(1)
        a, b = x.unbind(0)
        return v.output_nr, i.requires_grad, a.output_nr, b.output_nr, graph(b.grad_fn), i
    same(f)


def test_requires_grad_propagation():
    def f(torch):
        x = torch.tensor([1.0], requires_grad=True)
        c = torch.tensor([2.0])
        return [(x * c).requires_grad, (c * c).requires_grad, (x > 0).requires_grad,
                x.argmax().requires_grad, (x * c).is_leaf, (c * c).is_leaf, x.detach().requires_grad,
                x.long().requires_grad, x.double().requires_grad]
    same(f)


# --- once-per-process warnings, compared in fresh processes ----------------------------------

def _fresh(code, lib):
    src = f"import {lib} as torch\nimport warnings\nwarnings.simplefilter('always')\n" + \
        textwrap.dedent(code)
    proc = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True, timeout=120)
    return proc.stdout, proc.returncode


def test_create_graph_backward_warns_once_per_process():
    code = """
    import warnings
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        torch.autograd.grad((torch.ones(1, requires_grad=True) ** 2).sum(), [], create_graph=True) \
            if False else None
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        torch.autograd.grad((x ** 2).sum(), x, create_graph=True)
        print('after grad:', len(w))
        (x * 2).sum().backward(create_graph=True)  # linear: the gradient has no graph
        print('after linear backward:', len(w))
        for _ in range(2):
            x = torch.tensor([1.0, 2.0], requires_grad=True)
            (x ** 3).sum().backward(create_graph=True)
    for a in w:
        print(a.category.__name__, str(a.message).split(' (Triggered')[0])
    print(x.grad)
    """
    assert _fresh(code, "torchlite") == _fresh(code, "torch")


def test_non_leaf_grad_assigned_is_returned():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2
        y.grad = torch.ones(2)
        return y.grad
    same(f)


def test_data_assignment_of_other_shape():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 2  # x's AccumulateGrad is made here, for shape [2]
        x.data = torch.tensor([5.0, 6.0, 7.0])
        (x * 3).sum().backward()
        return x.grad
    same(f)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_data_assignment_of_other_dtype_and_shape(dtype):
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = x * 2
        x.data = torch.tensor([1.0, 2.0], dtype=getattr(torch, dtype))
        (x * x).sum().backward()
        return x.grad, x
    same(f)


def test_data_assignment_before_first_use():
    def f(torch):
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        x.data = torch.tensor([5.0, 6.0, 7.0])
        (x * 3).sum().backward()
        return x.grad, x
    same(f)


# --- assorted situations ---------------------------------------------------------------------

def _misc_retain_in_grad(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    h = x * 2
    h.retain_grad()
    y = (h * h).sum()
    g = torch.autograd.grad(y, x)
    return g, h.grad


def _misc_hook_create_graph(torch):
    ev = []
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    h = x ** 2
    h.register_hook(lambda g: ev.append((g.requires_grad, g.grad_fn)))
    x.register_hook(lambda g: ev.append(("x", g.requires_grad, g.grad_fn)))
    (g,) = torch.autograd.grad((h ** 2).sum(), x, create_graph=True)
    return ev, g


def _misc_retain_create_graph(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    h = x ** 2
    h.retain_grad()
    (h ** 2).sum().backward(create_graph=True)
    return h.grad, h.grad.grad_fn, x.grad.grad_fn


def _misc_retain_twice_create_graph(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    h = x ** 2
    h.retain_grad()
    (h ** 2).sum().backward(retain_graph=True)
    g1 = h.grad
    (h ** 2).sum().backward()
    return g1, h.grad, g1 is h.grad


def _misc_grad_of_leaf_with_hook_and_grad_call(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    x.register_hook(lambda g: g * 100)
    y = (x * x).sum()
    return torch.autograd.grad(y, x), x.grad


def _misc_unused_leaf_never_used(torch):
    x = torch.tensor([1.0], requires_grad=True)
    z = torch.tensor([1.0], requires_grad=True)
    return torch.autograd.grad((x*2).sum(), [x, z], allow_unused=True)


def _misc_grad_nonleaf_not_in_graph(torch):
    x = torch.tensor([1.0], requires_grad=True)
    h = x * 3
    y = (x * 2).sum()
    return torch.autograd.grad(y, [h], allow_unused=True)


def _misc_grad_wrt_output_itself(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = (x * 2).sum()
    return torch.autograd.grad(y, [y, x])


def _misc_grad_leaf_output(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    return torch.autograd.grad(x, x, torch.ones(2))


def _misc_backward_leaf_root_with_hook(torch):
    ev = []
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    x.register_hook(lambda g: ev.append(g) or g * 2)
    x.backward(torch.ones(2))
    return ev, x.grad


def _misc_sum_of_list_of_outputs(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    outs = [x * i for i in range(1, 4)]
    torch.autograd.backward(outs, [torch.ones(2)] * 3)
    return x.grad


def _misc_backward_same_root_twice(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 3
    torch.autograd.backward([y, y], [torch.ones(2), torch.ones(2) * 2])
    return x.grad


def _misc_grad_same_output_twice(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    return torch.autograd.grad([y, y], x, [torch.ones(2), torch.ones(2) * 2])


def _misc_zero_size(torch):
    x = torch.zeros(0, 3, requires_grad=True)
    y = (x * 2).sum()
    y.backward()
    return y, x.grad


def _misc_zero_dim_chain(torch):
    x = torch.tensor(3.0, requires_grad=True)
    y = x.exp().log() * x
    y.backward()
    return x.grad, graph(y.grad_fn)


def _misc_int_grad_output_to_float(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    return torch.autograd.grad(x * 2, x, torch.tensor([1, 2]))


def _misc_double_grad_output(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    return torch.autograd.grad(x * 2, x, torch.tensor([1.0, 2.0], dtype=torch.float64))


def _misc_half_grad(torch):
    x = torch.tensor([1.0, 2.0], dtype=torch.float16, requires_grad=True)
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * w).sum().backward()
    return x.grad, w.grad


def _misc_requires_grad_in_no_grad_leaf(torch):
    with torch.no_grad():
        x = torch.tensor([1.0], requires_grad=True)
        y = x * 2
    return y.requires_grad, x.requires_grad


def _misc_detached_then_requires_grad(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    d = x.detach().requires_grad_()
    (d * 3).sum().backward()
    return d.grad, x.grad


def _misc_clone_grad(torch):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    c = x.clone()
    (c * c).sum().backward()
    return x.grad, graph(c.grad_fn)


def _misc_contiguous_grad(torch):
    x = torch.ones(2, 3, requires_grad=True)
    c = x.t().contiguous()
    (c * 2).sum().backward()
    return x.grad, graph(c.grad_fn), x.t().contiguous().grad_fn


def _misc_to_same_dtype(torch):
    x = torch.ones(2, requires_grad=True)
    return x.to(torch.float32) is x, x.float() is x, graph(x.double().grad_fn)


def _misc_numpy_requires_grad(torch):
    x = torch.ones(2, requires_grad=True)
    x.numpy()


MISC = {k[6:]: v for k, v in globals().items() if k.startswith("_misc_")}


@pytest.mark.parametrize("case", sorted(MISC))
def test_misc(case):
    same(MISC[case])


# --- random programs ---------------------------------------------------------------------------

_UNARY = ["exp", "tanh", "sigmoid", "neg", "square", "relu", "sin", "t", "flip", "sum0",
          "mean1", "row0", "col1", "clone", "detach", "mul_scalar", "view6", "unsqueeze",
          "max1", "cumsum"]
_BINARY = ["add", "sub", "mul", "div_safe", "maximum", "where", "matmul_t", "cat0"]
_INPLACE = ["add_", "mul_", "exp_", "zero_row", "setitem", "view_mul_", "clamp_", "sigmoid_"]


def _apply_unary(torch, k, t):
    if t.dim() != 2 and k in ("t", "row0", "col1", "sum0", "mean1", "max1", "cumsum", "flip"):
        return t * 1
    return {
        "exp": lambda: (t * 0.1).exp(), "tanh": lambda: t.tanh(), "sigmoid": lambda: t.sigmoid(),
        "neg": lambda: -t, "square": lambda: t * t, "relu": lambda: t.relu(), "sin": lambda: t.sin(),
        "t": lambda: t.t(), "flip": lambda: t.flip(0), "sum0": lambda: t.sum(0, keepdim=True),
        "mean1": lambda: t.mean(1, keepdim=True), "row0": lambda: t[0:1], "col1": lambda: t[:, 1:],
        "clone": lambda: t.clone(), "detach": lambda: t.detach(), "mul_scalar": lambda: t * 1.5,
        "view6": lambda: t.contiguous().view(-1), "unsqueeze": lambda: t.unsqueeze(0),
        "max1": lambda: t.max(1, keepdim=True)[0], "cumsum": lambda: t.cumsum(1),
    }[k]()


def _apply_binary(torch, k, a, b):
    if a.shape != b.shape:
        try:
            torch.broadcast_shapes(a.shape, b.shape)
        except RuntimeError:
            b = b.sum() * 1
    if k in ("matmul_t", "cat0") and (a.dim() != 2 or b.dim() != 2 or a.shape != b.shape):
        k = "add"
    return {
        "add": lambda: a + b, "sub": lambda: a - b, "mul": lambda: a * b,
        "div_safe": lambda: a / (b * b + 1), "maximum": lambda: torch.maximum(a, b),
        "where": lambda: torch.where(a > b, a, b), "matmul_t": lambda: a @ b.t(),
        "cat0": lambda: torch.cat([a, b], 0),
    }[k]()


def _apply_inplace(torch, k, t, other):
    if k == "add_":
        t.add_(other if other.shape == t.shape else 1.0)
    elif k == "mul_":
        t.mul_(2.0)
    elif k == "exp_":
        t.mul_(0.1).exp_()
    elif k == "zero_row":
        t[0].zero_() if t.dim() >= 1 and t.shape[0] > 0 else t.zero_()
    elif k == "setitem":
        t[..., 0] = other.sum() if other.requires_grad else 3.0
    elif k == "view_mul_":
        t.view(-1)[:1].mul_(3.0)
    elif k == "clamp_":
        t.clamp_(-1.0, 1.0)
    else:
        t.sigmoid_()


@st.composite
def _programs(draw):
    mode = draw(st.sampled_from(["backward", "grad", "backward_inputs", "create_graph"]))
    steps = []
    n = 2
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["unary", "unary", "binary", "binary", "inplace", "retain",
                                     "hook"]))
        if kind == "unary":
            steps.append(("unary", draw(st.sampled_from(_UNARY)), draw(st.integers(0, n - 1))))
            n += 1
        elif kind == "binary":
            steps.append(("binary", draw(st.sampled_from(_BINARY)), draw(st.integers(0, n - 1)),
                          draw(st.integers(0, n - 1))))
            n += 1
        elif kind == "inplace":
            steps.append(("inplace", draw(st.sampled_from(_INPLACE)), draw(st.integers(2, n + 1)),
                          draw(st.integers(0, n - 1))))
        else:
            steps.append((kind, draw(st.integers(0, n - 1))))
    roots = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3))
    wrt = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3))
    return steps, roots, mode, wrt


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program=_programs())
def test_random_programs(program):
    """Random graphs of views, in-place ops, hooks and retain_grad: the same values, grads,
    graph structure, errors and hook calls as torch."""
    steps, roots, mode, wrt = program

    def f(torch):
        a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], dtype=torch.float64,
                         requires_grad=True)
        b = torch.tensor([[1.0, 2.0, -3.0], [0.5, -0.75, 1.25]], dtype=torch.float64,
                         requires_grad=True)
        pool = [a, b]
        ev = []
        retained = []
        for step in steps:
            if step[0] == "unary":
                pool.append(_apply_unary(torch, step[1], pool[step[2]]))
            elif step[0] == "binary":
                pool.append(_apply_binary(torch, step[1], pool[step[2]], pool[step[3]]))
            elif step[0] == "inplace":
                if step[2] < len(pool):
                    _apply_inplace(torch, step[1], pool[step[2]], pool[step[3]])
            elif pool[step[1]].requires_grad:
                t = pool[step[1]]
                if step[0] == "retain":
                    t.retain_grad()
                    retained.append(t)
                else:
                    i = step[1]
                    t.register_hook(lambda g, i=i: ev.append((i, g.clone())))
        outs = [pool[r] for r in roots if pool[r].requires_grad]
        if not outs:
            return [graph(t.grad_fn) for t in pool]
        loss = sum((o * (k + 1)).sum() for k, o in enumerate(outs))
        inputs = [pool[i] for i in wrt if pool[i].requires_grad] or [a]
        res = None
        if mode == "backward":
            loss.backward()
        elif mode == "backward_inputs":
            loss.backward(inputs=inputs)
        elif mode == "grad":
            res = torch.autograd.grad(loss, inputs, allow_unused=True)
        else:
            res = torch.autograd.grad(loss, inputs, allow_unused=True, create_graph=True)
            second = sum(g.sum() for g in res if g is not None and g.requires_grad)
            if torch.is_tensor(second):
                res = res + torch.autograd.grad(second, [a, b], allow_unused=True)
            # the graphs of gradients are compared in test_first_gradient_graph
            res = [None if g is None else (g.detach(), g.requires_grad) for g in res]
        return ([graph(t.grad_fn) for t in pool], pool, a.grad, b.grad, ev,
                [t.grad for t in retained], res)
    same(f, tol=1e-10)
