# Hooks: retain_grad() on non-leaves (retains_grad, accumulation across backwards,
# no-op on leaves), and how retained grads relate to tensor hooks registered before/after.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
print(y.retains_grad, x.retains_grad)
y.retain_grad()
y.retain_grad()
print(y.retains_grad)
z = (y * y).sum()
z.backward(retain_graph=True)
print(y.grad, x.grad)
z.backward()
print(y.grad, x.grad)
x.retain_grad()
print(x.retains_grad)
a = x * 2
a.register_hook(lambda g: g * 10)
a.retain_grad()
b = x * 2
b.retain_grad()
b.register_hook(lambda g: g * 10)
(a.sum() + b.sum()).backward()
print(a.grad, b.grad)
c = x.exp()
c.retain_grad()
d = c.view(2, 1)
d.retain_grad()
(d * torch.tensor([[1.0], [2.0]])).sum().backward()
print(c.grad, d.grad, c.grad_fn.name())
e = x + 0
e.retain_grad()
e.grad = torch.tensor([100.0, 100.0])
e.sum().backward()
print(e.grad)
f = torch.tensor(2.0, requires_grad=True) * 1.5
f.retain_grad()
f.backward()
print(f.grad, f.grad.shape, f.is_leaf)
