"""The graphs a derivative rule records under create_graph match torch's, node for node.

torch's derivative formulas are C++: "result * 2" there is mul.Scalar (MulBackward1, one
edge), "result + 1" add.Scalar (AddBackward1), "grad / 2" div.Scalar (DivBackward1),
"1 - t" a sub whose number has no edge (SubBackward0 with a None edge); in-place steps
(pow_) save a clone of their input.  A first gradient taken with an upstream gradient that
requires grad shows every node a rule records (also those applied to the upstream gradient
alone), and a second gradient shows the rules' own derivatives.  Each case runs in torch
and torchlite; the graph structures and the values are compared.
"""

from __future__ import annotations

import pytest

from autograd_diff import graph, same

# expressions of x (float64, requires grad); the input's shape is the parameter
CASES = {
    # pointwise, Tensor-Scalar arithmetic inside the rules
    "pow": "x ** 3",
    "pow_half": "x ** 0.5",
    "pow_tensor": "x ** (x.detach() * 0.5)",
    "pow_self": "x ** x",
    "rpow": "2 ** x",
    "square": "x.square()",
    "sqrt": "x.sqrt()",
    "rsqrt": "x.rsqrt()",
    "expm1": "x.expm1()",
    "log2": "x.log2()",
    "log10": "x.log10()",
    "log1p": "x.log1p()",
    "tan": "x.tan()",
    "asin": "(x * 0.1).asin()",
    "acos": "(x * 0.1).acos()",
    "atan": "x.atan()",
    "asinh": "x.asinh()",
    "acosh": "(x + 1).acosh()",
    "atanh": "(x * 0.1).atanh()",
    "sigmoid": "x.sigmoid() * x",
    "tanh": "x.tanh() * x",
    "logit": "(x * 0.1).logit()",
    "logit_eps": "(x * 0.1).logit(1e-3)",
    "erf": "x.erf()",
    "erfinv": "(x * 0.1).erfinv()",
    "deg2rad": "x.deg2rad()",
    "rad2deg": "x.rad2deg()",
    "sinc": "x.sinc()",
    "xlogy_number": "torch.xlogy(2.0, x)",
    "maximum_ties": "torch.maximum(x, x.detach().flip(0) if x.dim() else x.detach())",
    "where": "torch.where(x > 1, x, x * x)",
    "lerp": "torch.lerp(x, x.detach() * 2, 0.3)",
    "lerp_tensor_weight": "torch.lerp(x, x.detach() * 2, x * 0.1)",
    "addcmul": "torch.addcmul(x, x, x, value=0.5)",
    "add_alpha": "torch.add(x.detach(), x, alpha=2)",
    "sub_alpha": "torch.sub(x.detach(), x, alpha=2)",
    "rsub_alpha": "torch.rsub(x, 2, alpha=3)",
    # reductions: the full reduction restores no dims; mean is div.Scalar
    "mean": "x.mean()",
    "mean_dim": "x.mean(0)",
    "amax": "x.amax(0)",
    "var": "x.var()",
    "var_dim": "x.var(0)",
    "var_dims": "x.var((0, -1))",
    "var_biased": "x.var(unbiased=False)",
    "std": "x.std()",
    "std_dim_keepdim": "x.std(0, keepdim=True)",
    "var_mean": "torch.var_mean(x)[0] + torch.var_mean(x)[1]",
    "std_mean_dim": "torch.std_mean(x, 0)[0] * torch.std_mean(x, 0)[1]",
    "norm": "x.norm()",
    "norm_dim": "x.norm(dim=0)",
    "norm_p1": "x.norm(p=1)",
    "norm_p3": "x.norm(p=3)",
    "norm_p1_5": "x.norm(p=1.5)",
    "norm_p0_5": "x.norm(p=0.5)",
    "norm_inf": "x.norm(p=float('inf'))",
    "dist": "torch.dist(x, x.detach() * 2)",
    "dist_p3": "torch.dist(x, x.detach() * 2, 3)",
    "prod": "x.prod()",
    "prod_dim": "x.prod(0)",
    "cumprod": "x.cumprod(0)",
    "cumprod_zero": "(x - 0.47).cumprod(0)",
    "max_all": "x.max()",
    "median_all": "x.median()",
    "nansum": "x.nansum()",
    "nanmean": "x.nanmean()",
    "min_dim": "x.min(0)[0]",
    "sort": "x.sort(0)[0]",
    "topk": "x.topk(1, 0)[0]",
    "cummax": "x.cummax(0)[0]",
    "logsumexp": "x.logsumexp(0)",
    # trace: zeros, then index_fill_ with the gradient (IndexFillBackward1), viewed
    "trace": "x.trace() if x.dim() == 2 else x * 2",
    # linalg
    "mv": "torch.matmul(x, x.detach()[0]) if x.dim() == 2 else x * 2",
    "addmm": "torch.addmm(x.detach()[:, :2], x, x.t(), beta=0.5, alpha=2) if x.dim() == 2 "
             "else x * 2",
}
SHAPES = {"2d": (2, 3), "1d": (3,), "0d": ()}


def _input(torch, shape):
    n = 1
    for s in shape:
        n *= s
    x = torch.arange(1, n + 1, dtype=torch.float64).reshape(shape) * 0.37 + 0.1
    return x.requires_grad_()


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("case", CASES)
def test_gradient_graph_with_upstream_requiring_grad(case, shape):
    def f(torch):
        x = _input(torch, SHAPES[shape])
        y = eval(CASES[case], {"torch": torch, "x": x})
        n = y.numel()
        v = (torch.arange(1, n + 1, dtype=y.dtype).reshape(y.shape) * 0.3).requires_grad_()
        (g,) = torch.autograd.grad(y, x, v, create_graph=True)
        return graph(g.grad_fn), g
    same(f, tol=1e-12)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("case", CASES)
def test_second_gradient_graph(case, shape):
    def f(torch):
        x = _input(torch, SHAPES[shape])
        y = eval(CASES[case], {"torch": torch, "x": x})
        (g,) = torch.autograd.grad(y.sum(), x, create_graph=True)
        (g2,) = torch.autograd.grad((g * g).sum(), x, create_graph=True)
        return graph(g2.grad_fn), g2 + 0  # + 0: torch may return a ZeroTensor
    same(f, tol=1e-10)


# the order in which a node's rules run decides the sequence numbers of the nodes they record,
# hence the order of a later backward through them; "AB": the gradient of a is visited first
RULE_ORDER = {
    "mul": "a * b",
    "div": "a / b",
    "pow": "a ** b",
    "hypot": "torch.hypot(a, b)",
    "maximum": "torch.maximum(a, b)",
    "xlogy": "torch.xlogy(a, b)",
    "where": "torch.where(a > 1, a, b)",
    "atan2": "torch.atan2(a, b)",
    "addcmul": "torch.addcmul(a, a, b)",
    "dot": "torch.dot(a, b)",
    "matmul": "a @ b",
    "sub": "torch.sub(a, b, alpha=2)",
    "rsub": "b - a",
    "lerp_scalar": "torch.lerp(a, b, 0.3)",
    "lerp_tensor": "torch.lerp(a, b, a)",
    "addcdiv": "torch.addcdiv(a, a, b)",
    "minimum": "torch.minimum(a, b)",
    "fmax": "torch.fmax(a, b)",
    "fmin": "torch.fmin(a, b)",
    "float_power": "torch.float_power(a, b)",
    "clamp_min": "torch.clamp(a, min=b)",
    "clamp_both": "torch.clamp(a, b, b + 1)",
    "dist": "torch.dist(a, b)",
    "vdot": "torch.vdot(a, b)",
    "inner": "torch.inner(a, b)",
    "cat": "torch.cat([a * b, b * a])",
}


@pytest.mark.parametrize("case", RULE_ORDER)
def test_rules_run_in_torch_order(case):
    def f(torch):
        a = torch.tensor([0.5, 1.5], dtype=torch.float64, requires_grad=True)
        b = torch.tensor([0.7, 1.2], dtype=torch.float64, requires_grad=True)
        y = eval(RULE_ORDER[case], {"torch": torch, "a": a, "b": b})
        v = (torch.ones_like(y) * 2).requires_grad_()
        ga, gb = torch.autograd.grad(y, (a, b), v, create_graph=True)
        order, seen = [], set()
        for tag, g in (("A", ga), ("B", gb)):
            stack = [g.grad_fn]
            while stack:
                n = stack.pop()
                if n is None or id(n) in seen:
                    continue
                seen.add(id(n))
                n.register_prehook(lambda grads, tag=tag: order.append(tag))
                stack.extend(m for m, _ in n.next_functions)
        torch.autograd.grad((ga + gb).sum(), v)
        return "".join(order)
    same(f)


# gradients at special points (nan, zeros, ties, the ends of a domain)
SPECIAL = {
    "logit": ("x.logit()", [float("nan"), 0.0, 1e-4, 0.5, 1.0, 1.5]),
    "logit_eps": ("x.logit(1e-3)", [float("nan"), 0.0, 1e-4, 0.5, 1.0, 1.5]),
    "norm_nan": ("x.norm()", [1.0, float("nan"), 2.0]),
    "norm_inf_nan": ("x.norm(p=float('inf'))", [1.0, float("nan"), 2.0]),
    "norm_inf_ties": ("x.norm(p=float('inf'))", [-2.0, 1.0, 2.0]),
    "norm_zero": ("x.norm(p=3)", [0.0, 0.0, 0.0]),
    "norm_p0_5_zero": ("x.norm(p=0.5)", [0.0, 1.0, 2.0]),
    "prod_one_zero": ("x.prod()", [0.0, 2.0, 1.0, 3.0]),
    "prod_two_zeros": ("x.prod()", [0.0, 2.0, 0.0, 3.0]),
    "prod_dim_zero": ("x.reshape(2, 2).prod(1)", [0.0, 2.0, 1.0, 3.0]),
    "prod_dim_keepdim_zero": ("x.reshape(2, 2).prod(0, keepdim=True)", [0.0, 2.0, 0.0, 3.0]),
    "var_dof0": ("x.var(correction=2)", [2.0, 2.0]),
    "var_dim_dof_negative": ("x.var(0, correction=3)", [2.0, 1.0]),
    "std_constant": ("x.std()", [2.0, 2.0, 2.0]),
    "amax_ties": ("x.amax()", [1.0, 3.0, 3.0]),
    "maximum_ties": ("torch.maximum(x, x.detach().flip(0))", [1.0, 2.0, 1.0]),
    "sinc_zero": ("x.sinc()", [0.0, 0.5, -1.0]),
    "rpow_zero_base": ("0 ** x", [0.0, 1.0, -1.0]),
}


@pytest.mark.parametrize("case", SPECIAL)
def test_gradient_at_special_points(case):
    def f(torch):
        expr, values = SPECIAL[case]
        x = torch.tensor(values, dtype=torch.float64, requires_grad=True)
        y = eval(expr, {"torch": torch, "x": x})
        (g,) = torch.autograd.grad(y.sum(), x, create_graph=True)
        return g, graph(g.grad_fn)
    same(f, tol=1e-12, check_warnings=False)
