# Hooks: Tensor.register_hook on leaves and non-leaves: hooks see the incoming gradient,
# a returned tensor replaces it, several hooks chain in registration order, remove() works.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
h1 = y.register_hook(lambda g: print('y hook 1 sees', g))
h2 = y.register_hook(lambda g: g * 10)
h3 = y.register_hook(lambda g: print('y hook 3 sees', g))
print(type(h1).__name__)
x.register_hook(lambda g: print('x hook sees', g))
y.sum().backward()
print('x.grad', x.grad)
x.grad = None
z = x * 2
hz = z.register_hook(lambda g: g + 1)
hz.remove()
z.sum().backward()
print('after remove', x.grad)
x.grad = None
leaf = torch.tensor([1.0, 1.0], requires_grad=True)
hl = leaf.register_hook(lambda g: g * 0)
(leaf * 5).sum().backward()
print('leaf zeroed by hook', leaf.grad)
hl.remove()
(leaf * 5).sum().backward()
print('leaf after remove', leaf.grad)
w = torch.tensor([2.0], requires_grad=True)
u = w * 3
u.register_hook(lambda g: None)
u.register_hook(lambda g: g.clone().fill_(7.0))
(u * u).sum().backward()
print('w.grad', w.grad)
k = torch.tensor([1.0, 2.0], requires_grad=True)
calls = []
k.register_hook(lambda g: calls.append(g.clone()))
(k * k).sum().backward()
(k * 3).sum().backward()
print(calls, k.grad)
r = torch.tensor([1.0], requires_grad=True)
m = r * 2
m.register_hook(lambda g: print('m hook', g))
out = m * m + m
out.backward()
print(r.grad)
