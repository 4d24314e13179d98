# Warnings: reading .grad of a non-leaf tensor returns None and warns (UserWarning on
# the user's line), once per accessing line; no warning after retain_grad() or on leaves.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
z = y.sum()
z.backward()
print(x.grad)
print(y.grad)
print(y.is_leaf, y.retains_grad)
g = z.grad
print(g)
w = x * 2
w.retain_grad()
w.sum().backward()
print(w.grad, w.retains_grad)
print(torch.ones(2).grad)
d = x.detach()
print(d.grad, d.is_leaf)
