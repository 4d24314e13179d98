# In-place and versions: in-place ops on non-leaf tensors rebase their history (the
# grad_fn becomes the in-place op's node) and gradients account for every step.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
print(y.grad_fn.name(), y._version)
r = y.add_(1)
print(r is y, y.grad_fn.name(), y._version, y)
print(y.grad_fn.next_functions[0][0].name())
y.mul_(torch.tensor([1.0, 2.0, 3.0]))
print(y.grad_fn.name())
y.sub_(1).div_(10)
print(y.grad_fn.name(), y.grad_fn.next_functions[0][0].name())
y.exp_()
print(y.grad_fn.name(), y, y._version)
y.sum().backward()
print(x.grad)
y2 = x * 1
y2.exp_()
y2.add_(1)
try:
    y2.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
a = x.clone()
a.clamp_(1.5, 2.5)
a.neg_()
a.masked_fill_(torch.tensor([False, False, True]), 7.0)
print(a, a.grad_fn.name(), a.grad_fn.next_functions[0][0].name())
x.grad = None
a.sum().backward()
print(x.grad)
b = x * 1
b.zero_()
print(b.grad_fn.name())
b.fill_(2.0)
print(b.grad_fn.name(), b)
(b * x).sum().backward()
print(x.grad)
c = x * 1
c.copy_(torch.tensor([9.0, 9.0, 9.0]))
print(c.grad_fn.name(), c)
d = x * 1
d.copy_(x.detach() * 5 + x)
print(d.grad_fn.name())
x.grad = None
d.sum().backward()
print(x.grad)
e = x + 0
e += x
e *= 2
print(e.grad_fn.name(), e)
x.grad = None
e.sum().backward()
print(x.grad)
s = x.sum()
s.add_(1)
print(s, s.grad_fn.name())
