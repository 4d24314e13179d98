# Higher order: create_graph=True gradients carry their own grad_fn and requires_grad;
# second and third derivatives of polynomials, sin, exp, and products of two inputs.
import torch

x = torch.tensor([0.5, 2.0], requires_grad=True)
y = (x ** 4).sum()
(g1,) = torch.autograd.grad(y, x, create_graph=True)
print(g1, g1.requires_grad, g1.is_leaf)
(g2,) = torch.autograd.grad(g1.sum(), x, create_graph=True)
print(g2)
(g3,) = torch.autograd.grad(g2.sum(), x, create_graph=True)
print(g3)
(g4,) = torch.autograd.grad(g3.sum(), x, create_graph=True)
print(g4, g4.requires_grad)
(g5,) = torch.autograd.grad(g4.sum(), x, allow_unused=True)
print(g5)
t = torch.tensor(1.0, requires_grad=True)
f = t.sin()
derivs = []
for _ in range(4):
    (f,) = torch.autograd.grad(f, t, create_graph=True)
    derivs.append(round(f.item(), 4))
print(derivs)
e = torch.tensor(0.3, dtype=torch.float64, requires_grad=True)
h = e.exp() * e
d1 = torch.autograd.grad(h, e, create_graph=True)[0]
d2 = torch.autograd.grad(d1, e, create_graph=True)[0]
d3 = torch.autograd.grad(d2, e)[0]
print(f"{d1.item():.12f} {d2.item():.12f} {d3.item():.12f}")
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
z = a ** 2 * b ** 3
ga, gb = torch.autograd.grad(z, (a, b), create_graph=True)
print(ga, gb)
print(torch.autograd.grad(ga, (a, b), retain_graph=True), torch.autograd.grad(gb, (a, b)))
(n,) = torch.autograd.grad((x * 3).sum(), x, create_graph=True)
print(n, n.requires_grad, n.grad_fn)
