# Autograd basics: detach() shares memory and the version counter with its source,
# detach_() turns a non-leaf into a leaf, .data can be read and assigned without tracking.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
d = x.detach()
print(d, d.requires_grad, d.is_leaf, d.grad_fn)
print(x._version, d._version)
d[0] = 100.0
print(x, x._version, d._version)
y = x * 2
yd = y.detach()
yd.add_(1)
print(y, y._version)
e = x.exp()
e.detach().zero_()
try:
    e.sum().backward()
except RuntimeError as err:
    print(type(err).__name__, err)
z = x * 3
print(z.is_leaf, z.grad_fn.name())
r = z.detach_()
print(r is z, z.is_leaf, z.requires_grad, z.grad_fn, z)
print(x.data, x.data.requires_grad, x.data.is_leaf)
x.data.mul_(0.5)
print(x, x._version)
x.data = torch.tensor([7.0, 8.0, 9.0])
print(x, x.requires_grad, x.is_leaf)
x.data = torch.tensor([1.0, 2.0], dtype=torch.float64)
print(x, x.shape, x.dtype)
x.data[0] = -1.0
(x * x).sum().backward()
print(x.grad)
w = torch.ones(2, requires_grad=True)
with torch.no_grad():
    w.data.add_(1)
v = w * w
w.data.mul_(10)
v.sum().backward()
print(w.grad, w)
