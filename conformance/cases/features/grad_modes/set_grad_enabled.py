# Grad modes: torch.set_grad_enabled as a function and a context manager (restoring the
# previous mode), torch.enable_grad inside no_grad, as a context manager and decorator.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
torch.set_grad_enabled(False)
print(torch.is_grad_enabled(), (x * 2).requires_grad)
torch.set_grad_enabled(True)
print(torch.is_grad_enabled(), (x * 2).requires_grad)
for mode in (False, True):
    with torch.set_grad_enabled(mode):
        print('inside', mode, torch.is_grad_enabled(), (x * 2).requires_grad)
    print('after', torch.is_grad_enabled())
with torch.no_grad():
    with torch.set_grad_enabled(True):
        print('set True inside no_grad', (x * 2).requires_grad)
    with torch.enable_grad():
        y = x * 2
        print('enable_grad inside no_grad', y.requires_grad, y.grad_fn.name())
    print('back in no_grad', torch.is_grad_enabled())
y.sum().backward()
print(x.grad)


@torch.enable_grad()
def grad_inside(t):
    return t * t


with torch.no_grad():
    r = grad_inside(x)
print(r.requires_grad, r.grad_fn.name())
with torch.enable_grad():
    print(torch.is_grad_enabled())
m = torch.set_grad_enabled(False)
print(type(m).__name__, torch.is_grad_enabled())
torch.set_grad_enabled(True)
print(torch.is_grad_enabled())


@torch.set_grad_enabled(False)
def frozen(t):
    return t * 5


print(frozen(x).requires_grad, torch.is_grad_enabled())
