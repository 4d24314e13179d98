# Functional API: vjp and jvp (outputs and products, default v for scalar functions,
# several inputs, create_graph, strict errors, shape mismatch errors).
import torch
from torch.autograd.functional import vjp, jvp


def f(x):
    return x ** 2 * torch.tensor([1.0, 2.0, 3.0])


x = torch.tensor([1.0, -1.0, 2.0])
v = torch.tensor([1.0, 0.5, 0.25])
out, prod = vjp(f, x, v)
print(out, prod)
print(vjp(lambda t: t.sum(), x))
print(jvp(f, x, v))
print(jvp(lambda t: t.sum(), x, v))
print(jvp(lambda t: t * 2, torch.tensor(3.0)))


def g(a, b):
    return a * b, (a + b).sum()


a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0])
print(vjp(g, (a, b), (torch.ones(2), torch.tensor(2.0))))
print(jvp(g, (a, b), (torch.ones(2), torch.zeros(2))))
try:
    vjp(f, x)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    vjp(f, x, torch.ones(2))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    jvp(f, x, torch.ones(4))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    vjp(lambda t: torch.zeros(3), x, v, strict=True)
except RuntimeError as e:
    print(type(e).__name__, e)
print(vjp(lambda t: torch.zeros(3), x, v))
xr = torch.tensor([1.0, 2.0], requires_grad=True)
o, p = vjp(lambda t: t ** 3, xr, torch.ones(2), create_graph=True)
print(o.detach(), p.detach(), o.requires_grad, p.requires_grad)
p.sum().backward()
print(xr.grad)
o2, t2 = jvp(lambda t: t.sin(), xr, torch.ones(2), create_graph=True)
print(t2.requires_grad)
print(x.requires_grad, v.requires_grad)
