# Grad modes: torch.no_grad as a context manager and a decorator: results do not require
# grad, is_grad_enabled, nesting, tensors created inside, in-place leaf updates (SGD step).
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
print(torch.is_grad_enabled())
with torch.no_grad():
    print(torch.is_grad_enabled())
    y = x * 2
    print(y, y.requires_grad, y.grad_fn, y.is_leaf)
    z = torch.ones(2, requires_grad=True)
    print(z.requires_grad, (z + 1).requires_grad)
    with torch.no_grad():
        print('nested', torch.is_grad_enabled())
    print('after nested', torch.is_grad_enabled())
print(torch.is_grad_enabled(), (x * 2).requires_grad)


@torch.no_grad()
def evaluate(t):
    return t * 3, torch.is_grad_enabled()


@torch.no_grad
def evaluate_bare(t):
    return t * 3


print(evaluate(x), evaluate_bare(x), torch.is_grad_enabled())
print(evaluate.__name__)
w = torch.tensor([0.5, -1.0], requires_grad=True)
loss = (w * torch.tensor([2.0, 3.0])).sum()
loss.backward()
with torch.no_grad():
    w -= 0.1 * w.grad
print(w, w.is_leaf, w.grad_fn, w.grad)
with torch.no_grad():
    w.add_(1.0)
    w[0] = 10.0
    w.mul_(torch.tensor([1.0, 2.0]))
print(w, w.requires_grad, w.is_leaf)
w.grad.zero_()
(w ** 2).sum().backward()
print(w.grad)
try:
    with torch.no_grad():
        raise ValueError('boom')
except ValueError as e:
    print('exception passed through', e, torch.is_grad_enabled())
with torch.no_grad():
    v = x.view(2, 1)
print(v.requires_grad, v.grad_fn, v._base is x)
