# Higher order: Hessian-vector products by double backward (grad of g.v), the full
# Hessian row by row, compared with torch.autograd.functional.hessian; grad of a Jacobian-vector.
import torch

A = torch.tensor([[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]])


def f(x):
    return 0.5 * x @ A @ x + (x ** 3).sum() / 3


x = torch.tensor([1.0, -1.0, 2.0], requires_grad=True)
v = torch.tensor([1.0, 0.0, -1.0])
(g,) = torch.autograd.grad(f(x), x, create_graph=True)
print(g)
(hv,) = torch.autograd.grad(g @ v, x, retain_graph=True)
print(hv)
rows = [torch.autograd.grad(g[i], x, retain_graph=True)[0] for i in range(3)]
H = torch.stack(rows)
print(H)
print(torch.allclose(H, torch.autograd.functional.hessian(f, x.detach())), torch.allclose(H @ v, hv))
y = x.detach().requires_grad_()
out = torch.stack([y[0] * y[1], y[1] ** 2, y.sum().exp()])
u = torch.ones(3, requires_grad=True)
(vjp,) = torch.autograd.grad(out, y, grad_outputs=u, create_graph=True)
print(vjp)
(jvp,) = torch.autograd.grad(vjp, u, grad_outputs=torch.tensor([1.0, 0.0, 0.0]))
print(jvp)
