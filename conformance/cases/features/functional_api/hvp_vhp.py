# Functional API: hvp and vhp (equal for symmetric Hessians), with one and several
# inputs, create_graph, and the errors for non-scalar functions and bad v shapes.
import torch
from torch.autograd.functional import hvp, vhp, hessian


def f(x):
    return (x ** 3).sum() + x[0] * x[1] * 2


x = torch.tensor([1.0, 2.0])
v = torch.tensor([1.0, -1.0])
print(hvp(f, x, v))
print(vhp(f, x, v))
print(hessian(f, x) @ v)


def g(a, b):
    return (a ** 2 * b).sum()


a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0])
print(hvp(g, (a, b), (torch.ones(2), torch.zeros(2))))
print(vhp(g, (a, b), (torch.zeros(2), torch.ones(2))))
try:
    hvp(lambda t: t ** 2, x, v)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    vhp(f, x, torch.ones(3))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    hvp(f, x)
except RuntimeError as e:
    print(type(e).__name__, e)
print(hvp(lambda t: (t ** 2).sum(), torch.tensor(3.0)))
xr = torch.tensor([1.0, 2.0], requires_grad=True)
out, hv = hvp(lambda t: (t ** 4).sum(), xr, torch.ones(2), create_graph=True)
print(out.detach(), hv.detach(), hv.requires_grad)
hv.sum().backward()
print(xr.grad)
