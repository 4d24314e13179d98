# Hooks: torch.autograd.graph.saved_tensors_hooks pack/unpack calls (when, with what),
# packing to a different object, nesting, and disable_saved_tensors_hooks' error message.
import torch
from torch.autograd.graph import saved_tensors_hooks, disable_saved_tensors_hooks

x = torch.tensor([1.0, 2.0], requires_grad=True)


def pack(t):
    print('pack', tuple(t.shape), t.requires_grad, t.grad_fn is not None)
    return t.detach().clone()


def unpack(p):
    print('unpack', p)
    return p


with saved_tensors_hooks(pack, unpack):
    y = x * x
    z = y.exp()
    s = (z + 1).sum()
print('forward done')
s.backward()
print(x.grad)


def pack_list(t):
    return [t.tolist(), t.dtype]


def unpack_list(p):
    return torch.tensor(p[0], dtype=p[1])


x.grad = None
with saved_tensors_hooks(pack_list, unpack_list):
    out = (x.sin() * x).sum()
out.backward()
print(x.grad)
with saved_tensors_hooks(lambda t: print('outer pack') or t, lambda t: t):
    with saved_tensors_hooks(lambda t: print('inner pack') or t, lambda t: t):
        x.exp()
    x.exp()
with disable_saved_tensors_hooks("no hooks allowed here"):
    try:
        with saved_tensors_hooks(pack, unpack):
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)
    print((x * 2).sum())
