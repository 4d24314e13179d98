# Gradcheck: torch.autograd.gradcheck and gradgradcheck on float64 functions (pass),
# on a custom Function with a wrong backward (GradcheckError message / False), eps/atol.
import torch
from torch.autograd import gradcheck, gradgradcheck

torch.manual_seed(0)
x = torch.randn(3, dtype=torch.float64, requires_grad=True)
w = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
print(gradcheck(torch.sin, (x,)))
print(gradcheck(lambda a, b: (a @ b).tanh(), (x, w)))
print(gradcheck(lambda a: a.softmax(0) * a.exp(), (x,), eps=1e-6, atol=1e-5))
print(gradcheck(lambda a, k: a ** k, (x, 3)))
print(gradgradcheck(lambda a: (a ** 3).sum(), (x,)))
print(gradgradcheck(lambda a, b: (a @ b).sigmoid(), (x, w)))
print(torch.autograd.gradcheck(lambda a: a.max(), (torch.tensor([1.0, 3.0, 2.0], dtype=torch.float64, requires_grad=True),)))


class BadSquare(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a * a

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return g * a


inp = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
print(gradcheck(BadSquare.apply, (inp,), raise_exception=False))
try:
    gradcheck(BadSquare.apply, (inp,))
except Exception as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
    print(e)
print(gradgradcheck(torch.exp, (inp,)))
