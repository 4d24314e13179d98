# Functional API: torch.autograd.functional.jacobian for scalar/vector/matrix functions,
# several inputs and outputs (nested tuples), create_graph and strict.
import torch
from torch.autograd.functional import jacobian


def f(x):
    return x ** 2 + x.sum()


x = torch.tensor([1.0, 2.0, 3.0])
print(jacobian(f, x))
print(jacobian(lambda t: t.sum(), x))
print(jacobian(lambda t: t.exp(), torch.tensor(0.5)))
print(jacobian(lambda t: t @ torch.tensor([[1.0, 2.0], [3.0, 4.0]]), torch.ones(2, 2)).shape)


def g(a, b):
    return a * b, a + b.sum()


a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0, 5.0])
try:
    jacobian(g, (a, b))
except RuntimeError as e:
    print(type(e).__name__, e)
b2 = torch.tensor([3.0, 4.0])
jac = jacobian(g, (a, b2))
print(type(jac).__name__, len(jac), type(jac[0]).__name__)
print(jac)
print(jacobian(lambda p, q: (p * q).sum(), (a, b2)))
j = jacobian(lambda t: t ** 3, x, create_graph=True)
print(j.requires_grad, j.grad_fn is not None)
xr = torch.tensor([1.0, 2.0], requires_grad=True)
jr = jacobian(lambda t: t ** 3, xr, create_graph=True)
print(jr.detach(), jr.requires_grad)
jr.sum().backward()
print(xr.grad)
print(jacobian(lambda t: torch.ones(2), x))
try:
    jacobian(lambda t: torch.ones(2), x, strict=True)
except RuntimeError as e:
    print(type(e).__name__, e)
print(jacobian(lambda t: t.detach() * 2 + t, torch.tensor([1.0, 1.0])))
print(jacobian(f, x, vectorize=True))
print(x.requires_grad, x.grad)
