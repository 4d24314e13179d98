# Custom Function: errors: a gradient of the wrong shape or dtype kind, a wrong number of
# gradients, saved tensors read twice after backward, calling forward without apply.
import torch


def attempt(label, fn):
    try:
        r = fn()
        print(label, 'no error', r)
    except Exception as e:
        print(label, type(e).__name__, e)


class BadShape(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return torch.ones(3)


class BroadcastableGrad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return torch.ones(1, 2)


class TooFew(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        return x + y

    @staticmethod
    def backward(ctx, g):
        return (g,)


class Saver(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.clone()

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * x


x = torch.tensor([1.0, 2.0], requires_grad=True)
attempt('bad shape', lambda: BadShape.apply(x).sum().backward())
attempt('broadcastable grad', lambda: BroadcastableGrad.apply(x).sum().backward())
print(x.grad)
attempt('too few', lambda: TooFew.apply(x, x).sum().backward())
s = Saver.apply(x)
s.sum().backward()
attempt('saved after backward', lambda: s.grad_fn.saved_tensors)
attempt('second backward', lambda: s.sum().backward())
attempt('forward directly', lambda: Saver.forward(None, x))
attempt('instantiate and call', lambda: Saver()(x))
