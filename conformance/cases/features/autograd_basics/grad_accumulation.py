# Autograd basics: .grad is None until backward, accumulates across backward calls,
# and is reset with grad.zero_(), grad.data.zero_() or grad = None; retain_graph reuse;
# a graph that saved nothing (x + 2) can be backpropagated twice, x * 2 cannot.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(x.grad)
(x * x).sum().backward()
print(x.grad)
(x * x).sum().backward()
print(x.grad)
g = x.grad
(3 * x).sum().backward()
print(x.grad, x.grad is g)
x.grad.zero_()
print(x.grad, x.grad is g)
(x ** 3).sum().backward()
print(x.grad)
x.grad.data.zero_()
print(x.grad)
x.grad = None
print(x.grad)
(x.sum() * 2).backward()
print(x.grad, x.grad is g)
x.grad = torch.tensor([10.0, 20.0, 30.0])
x.sum().backward()
print(x.grad)
y = (x * x).sum()
x.grad = None
y.backward(retain_graph=True)
print(x.grad)
y.backward(retain_graph=True)
y.backward()
print(x.grad)
z = x + 2
z.sum().backward()
z.sum().backward()
print(x.grad)
w = x * 2          # multiplying by a Python number saves that number for backward
s = w.sum()
s.backward()
try:
    s.backward()
except RuntimeError as e:
    print(type(e).__name__, str(e)[:60])
print(x.grad)
print(x.grad.requires_grad, x.grad.is_leaf, x.grad.grad_fn, x.grad.dtype)
