# Errors: autograd misuse: int/bool tensors requiring grad (constructor, attribute,
# requires_grad_()), in-place on a leaf, backward/grad argument errors; exact messages.
import torch


def attempt(label, fn):
    try:
        r = fn()
        print(label, 'no error', r)
    except Exception as e:
        print(label, type(e).__name__, e)


attempt('int ctor', lambda: torch.tensor([1, 2], requires_grad=True))
attempt('bool ctor', lambda: torch.tensor([True], requires_grad=True))
attempt('zeros int', lambda: torch.zeros(2, dtype=torch.int64, requires_grad=True))
attempt('arange', lambda: torch.arange(3, requires_grad=True))
i = torch.tensor([1, 2])
attempt('int attr', lambda: setattr(i, 'requires_grad', True))
attempt('int method', lambda: i.requires_grad_())
attempt('bool method', lambda: torch.tensor([True]).requires_grad_(True))
attempt('int method False', lambda: i.requires_grad_(False))
attempt('uint8 attr', lambda: setattr(torch.zeros(1, dtype=torch.uint8), 'requires_grad', True))
attempt('half ok', lambda: torch.zeros(1, dtype=torch.float16).requires_grad_())
w = torch.ones(3, requires_grad=True)
attempt('leaf add_', lambda: w.add_(1))
attempt('leaf setitem', lambda: w.__setitem__(0, 5.0))
attempt('leaf iadd', lambda: w.__iadd__(1))
attempt('leaf zero_', lambda: w.zero_())
attempt('leaf view mul_', lambda: w[:2].mul_(2))
attempt('leaf copy_', lambda: w.copy_(torch.zeros(3)))
attempt('nonleaf requires_grad False', lambda: setattr(w * 2, 'requires_grad', False))
attempt('non-scalar backward', lambda: (w * 2).backward())
attempt('no grad backward', lambda: torch.ones(2).sum().backward())
attempt('wrong grad shape', lambda: (w * 2).backward(torch.ones(2)))
attempt('wrong grad shape 2', lambda: (w * 2).backward(torch.ones(3, 1)))
attempt('grad of nongrad', lambda: torch.autograd.grad(torch.ones(2).sum(), [w]))
u = torch.ones(2, requires_grad=True)
attempt('unused input', lambda: torch.autograd.grad((w * 2).sum(), [w, u]))
attempt('non-scalar grad()', lambda: torch.autograd.grad(w * 2, w))
attempt('input not requiring grad', lambda: torch.autograd.grad((w * 2).sum(), torch.ones(3)))
attempt('grad_outputs shape', lambda: torch.autograd.grad(w * 2, w, grad_outputs=torch.ones(2)))
attempt('int grad', lambda: (w * 2).sum().backward(torch.tensor(1)))
attempt('grad wrong type', lambda: setattr(w, 'grad', torch.zeros(3, dtype=torch.int64)))
attempt('grad wrong size', lambda: setattr(w, 'grad', torch.zeros(2)))
attempt('detach_ view', lambda: w[:2].detach_())
attempt('retain_grad no grad', lambda: torch.ones(2).retain_grad())
attempt('hook no grad', lambda: torch.ones(2).register_hook(lambda g: g))
print(w.grad)
