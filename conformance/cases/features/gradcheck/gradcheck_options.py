# Gradcheck: fast_mode, inputs without requires_grad (skipped, or an error when none do),
# float32 inputs (the precision warning, recorded here), and gradgradcheck failing for a
# custom Function whose backward is not differentiable correctly.
import warnings
import torch
from torch.autograd import gradcheck, gradgradcheck

x = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64, requires_grad=True)
c = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
print(gradcheck(lambda a, b: a * b.exp(), (x, c)))
print(gradcheck(torch.tanh, (x,), fast_mode=True))
print(gradgradcheck(torch.tanh, (x,), fast_mode=True))
try:
    gradcheck(torch.sin, (c,))
except Exception as e:
    print(type(e).__name__, e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    ok = gradcheck(lambda a: a * 2, (torch.tensor([1.0, 2.0], requires_grad=True),), raise_exception=False,
                   eps=1e-3, atol=1e-2)
print(ok, [(w.category.__name__, str(w.message).split('.')[0]) for w in caught])


class NotTwice(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a ** 3

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return g * 3 * a.detach() ** 2


print(gradcheck(NotTwice.apply, (x,)))
print(gradgradcheck(NotTwice.apply, (x,), raise_exception=False))
