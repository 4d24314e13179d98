# Grad modes: no_grad/enable_grad decorating generator functions: the mode applies
# inside the generator body at every resumption, and the caller's mode is restored at yields.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)


@torch.no_grad()
def batches(n):
    for i in range(n):
        print('  generator body grad enabled:', torch.is_grad_enabled())
        yield x * i


for b in batches(2):
    print('caller grad enabled:', torch.is_grad_enabled(), 'batch requires_grad:', b.requires_grad)


@torch.enable_grad()
def tracked(n):
    for i in range(n):
        yield x * i, torch.is_grad_enabled()


with torch.no_grad():
    for out, mode in tracked(2):
        print('under no_grad caller:', torch.is_grad_enabled(), 'inside:', mode, out.requires_grad)


def plain():
    yield (x * 2).requires_grad
    with torch.no_grad():
        yield (x * 2).requires_grad, torch.is_grad_enabled()
    yield (x * 2).requires_grad


g = plain()
print(next(g))
print(next(g), 'caller', torch.is_grad_enabled())
print(next(g))


class Model:
    @torch.no_grad()
    def predict(self, t):
        return t * 2

    def forward(self, t):
        return t * 2


m = Model()
print(m.predict(x).requires_grad, m.forward(x).requires_grad)
with torch.no_grad():
    print([(x * k).requires_grad for k in range(2)])
print([(x * k).requires_grad for k in range(2)])
