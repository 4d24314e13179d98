# Autograd basics: requires_grad via constructor, attribute and requires_grad_(); how
# it propagates through ops; is_leaf and grad_fn for leaves, results and non-float results.
import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0])
print(a.requires_grad, a.is_leaf, a.grad_fn, b.requires_grad, b.is_leaf, b.grad_fn)
b.requires_grad = True
print(b.requires_grad, b.is_leaf, b)
b.requires_grad = False
print(b.requires_grad)
c = torch.zeros(2)
r = c.requires_grad_()
print(r is c, c.requires_grad, c.requires_grad_(False).requires_grad)
s = a + torch.ones(2)
print(s.requires_grad, s.is_leaf, s.grad_fn)
n = torch.ones(2) * 3
print(n.requires_grad, n.is_leaf, n.grad_fn)
m = a * b
print(m.requires_grad, m.is_leaf)
print((a > 1).requires_grad, (a > 1).grad_fn, a.argmax().requires_grad, a.long().requires_grad)
print(a.sum().is_leaf, a.detach().is_leaf, a.detach().requires_grad, a.clone().is_leaf, a.clone().grad_fn)
print(a[0].is_leaf, a.view(2, 1).is_leaf, a.float() is a, a.to(torch.float64).is_leaf)
print(torch.zeros(2, requires_grad=True).is_leaf, torch.ones(2).requires_grad_().is_leaf)
w = torch.randn(2, 2) * 0.1
print(w.is_leaf, w.requires_grad)
w.requires_grad_()
print(w.is_leaf, w.requires_grad)
v = torch.autograd.Variable(torch.ones(2), requires_grad=True)
print(type(v).__name__, v, v.is_leaf, isinstance(v, torch.Tensor))
print(torch.autograd.Variable(torch.ones(1)).requires_grad)
print(a.sum().item(), a.tolist(), float(a[1].detach()))
