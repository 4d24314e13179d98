# In-place and versions: __setitem__ and in-place ops through views of a tensor in the
# graph: the base's grad_fn becomes CopySlices, the view's is regenerated, and gradients
# reach both the original values and the written values.
import torch

x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
v = torch.tensor([10.0, 20.0], requires_grad=True)
y = x * 2
y[1:3] = v * v
print(y, y.grad_fn.name(), type(y.grad_fn).__name__)
print(y.grad_fn.next_functions)
y.sum().backward()
print(x.grad, v.grad)
x.grad = None
z = x * 1
z[0] = 100.0
print(z.grad_fn.name(), z)
(z * torch.arange(4.0)).sum().backward()
print(x.grad)
x.grad = None
b = x.view(2, 2) * 1
row = b[1]
print(row.grad_fn.name(), row._base is b)
row.mul_(10)
print(b.grad_fn.name(), row.grad_fn.name(), b)
b.sum().backward()
print(x.grad)
x.grad = None
c = x.sin()
d = c[::2]
d.add_(v)
print(c.grad_fn.name(), d.grad_fn.name())
c.sum().backward()
print(x.grad, v.grad)
x.grad = None
e = x * 1
view = e[2:]
e.add_(1)
print(view.grad_fn.name(), view)
view.sum().backward()
print(x.grad)
x.grad = None
f = x.clone()
mask = f > 2
f[mask] = 0.0
print(f.grad_fn.name(), f)
f.sum().backward()
print(x.grad)
x.grad = None
g = x.clone()
g[torch.tensor([0, 3])] = v
print(g.grad_fn.name(), g)
(g * g).sum().backward()
print(x.grad, v.grad)
