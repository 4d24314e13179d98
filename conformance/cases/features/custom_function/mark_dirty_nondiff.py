# Custom Function: ctx.mark_dirty for an in-place forward (the input's history is
# rebased) and ctx.mark_non_differentiable for index-like outputs; related errors.
import torch


class AddOneInplace(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x.add_(1)
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, g):
        return g


a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 1
v0 = b._version
c = AddOneInplace.apply(b)
print(c is b, b, b._version > v0, b.grad_fn.name())
(c * 3).sum().backward()
print(a.grad)
try:
    AddOneInplace.apply(torch.tensor([1.0], requires_grad=True))
except RuntimeError as e:
    print(type(e).__name__, e)


class SortWithIndex(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        values, idx = x.sort()
        ctx.mark_non_differentiable(idx)
        ctx.save_for_backward(idx)
        return values, idx

    @staticmethod
    def backward(ctx, g_values, g_idx):
        print('g_idx', g_idx)
        (idx,) = ctx.saved_tensors
        grad = torch.zeros_like(g_values)
        grad[idx] = g_values
        return grad


x = torch.tensor([3.0, 1.0, 2.0], requires_grad=True)
vals, idx = SortWithIndex.apply(x)
print(vals, idx, vals.requires_grad, idx.requires_grad, idx.grad_fn)
(vals * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
print(x.grad)


class NoSave(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2, g


try:
    NoSave.apply(torch.ones(1, requires_grad=True)).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
