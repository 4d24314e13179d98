# Autograd basics: very deep graphs backpropagate without recursion limits: a chain of
# 20,000 adds, a chain of 5,000 multiplications, and gradients through a long loop.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x
for _ in range(20000):
    y = y + 1
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad)
s = torch.tensor(1.0, requires_grad=True)
p = s
for _ in range(5000):
    p = p * 1.0001
print(p)
p.backward()
print(s.grad)
h = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
z = h
for _ in range(3000):
    z = torch.sin(z)
z.backward()
print(z.item() > 0, h.grad.item() > 0, h.grad)
