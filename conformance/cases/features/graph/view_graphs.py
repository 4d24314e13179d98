# Graph: the nodes recorded for chains of views and reshapes (ViewBackward0,
# UnsafeViewBackward0 for copying reshapes, AsStridedBackward0) and their gradients.
import torch

x = torch.arange(6.0, requires_grad=True)
a = x.view(2, 3)
b = a.t()
c = b.reshape(6)
print(a.grad_fn.name(), b.grad_fn.name(), c.grad_fn.name(), c._base is None)
print(a._base is x, b._base is x, a.is_leaf, x._base)
d = c * torch.arange(6.0)
d.sum().backward()
print(x.grad)
x.grad = None
s = x.as_strided((2, 2), (1, 2), 1)
print(s, s.grad_fn.name())
s.sum().backward()
print(x.grad)
x.grad = None
e = x[::2].unsqueeze(0).expand(3, 3)
print(e.grad_fn.name(), e.grad_fn.next_functions[0][0].name(), e.grad_fn.next_functions[0][0].next_functions[0][0].name())
e.sum().backward()
print(x.grad)
x.grad = None
f = x.view(2, 3).permute(1, 0).flatten()
print(f.grad_fn.name(), f.grad_fn.next_functions[0][0].name())
(f * torch.arange(6.0)).sum().backward()
print(x.grad)
g = x.view(3, 2).diagonal()
print(g.grad_fn.name(), g)
