# Hooks: torch.autograd.graph.register_multi_grad_hook in mode "all" (called once with
# every gradient, None for tensors not reached) and mode "any" (called with the first one).
import torch
from torch.autograd.graph import register_multi_grad_hook

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0], requires_grad=True)
c = torch.tensor([4.0], requires_grad=True)


def all_hook(grads):
    print('all:', type(grads).__name__, grads)


h = register_multi_grad_hook((a, b, c), all_hook)
(a.sum() * b * c).sum().backward()
(a * b).sum().backward()
h.remove()
(a * b).sum().backward()
print(a.grad, b.grad, c.grad)
x = a * 2
y = b * 3
register_multi_grad_hook([x, y], lambda g: print('any:', g), mode="any")
(x.sum() + y.sum()).backward()
