# Autograd basics: a tensor used several times (fan-out) accumulates gradients from
# every use: diamonds, reuse across views, the same tensor on both sides of an op.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a = x * 2
b = x ** 2
c = x.exp()
(a + b + c).sum().backward()
print(x.grad)
x.grad = None
y = x * x * x
y.sum().backward()
print(x.grad)
x.grad = None
m = x.sin()
n = m * m + m.cos() + m
n.sum().backward()
print(x.grad)
x.grad = None
v = x.view(3, 1) * x.view(1, 3)
v.sum().backward()
print(x.grad)
x.grad = None
(x[0] * x[1] + x[1] * x[2] + x[:2].sum() * x[2]).backward()
print(x.grad)
x.grad = None
t = x.unsqueeze(0).expand(4, 3)
(t * torch.arange(4.0).unsqueeze(1)).sum().backward()
print(x.grad)
x.grad = None
parts = x.split(1)
total = parts[0] * 10 + parts[1] * 20 + parts[2] * parts[0]
total.sum().backward()
print(x.grad)
w = torch.tensor([0.5, -0.5], requires_grad=True)
layers = [w]
for i in range(4):
    layers.append(layers[-1] * w + layers[0])
layers[-1].sum().backward()
print(w.grad)
