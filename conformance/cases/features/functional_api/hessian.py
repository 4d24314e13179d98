# Functional API: torch.autograd.functional.hessian for one input, several inputs
# (nested tuple of blocks), non-scalar-output errors, create_graph and strict.
import torch
from torch.autograd.functional import hessian


def f(x):
    return (x ** 3).sum() + x[0] * x[1]


x = torch.tensor([1.0, 2.0])
print(hessian(f, x))
print(hessian(lambda t: (t ** 2).sum(), torch.ones(2, 2)).shape)
print(hessian(lambda t: t.exp().sum(), torch.tensor(0.0)))


def g(a, b):
    return (a * b).sum() + (a ** 2).sum()


a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0])
h = hessian(g, (a, b))
print(type(h).__name__, len(h), len(h[0]))
print(h)
try:
    hessian(lambda t: t ** 2, x)
except RuntimeError as e:
    print(type(e).__name__, e)
print(hessian(lambda t: t.sum(), x))
try:
    hessian(lambda t: t.sum(), x, strict=True)
except RuntimeError as e:
    print(type(e).__name__, e)
xr = torch.tensor([1.0, 2.0], requires_grad=True)
hr = hessian(lambda t: (t ** 4).sum(), xr, create_graph=True)
print(hr.detach(), hr.requires_grad)
hr.trace().backward()
print(xr.grad)
print(hessian(lambda t: (t ** 3).sum(), torch.tensor([1.0, 2.0], dtype=torch.float64)))
