# Custom Function: several outputs, backward receives one gradient per output (zeros for
# unused outputs unless ctx.set_materialize_grads(False), then None); output grad_fns.
import torch


class SplitStats(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.sum(), x * 2

    @staticmethod
    def backward(ctx, g_sum, g_double):
        print('backward got', g_sum, g_double)
        (x,) = ctx.saved_tensors
        return g_sum * torch.ones_like(x) + 2 * g_double


class SplitStatsNoMat(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        return x.sum(), x * 2

    @staticmethod
    def backward(ctx, g_sum, g_double):
        print('backward got', g_sum, g_double)
        grad = torch.zeros(2)
        if g_sum is not None:
            grad = grad + g_sum
        if g_double is not None:
            grad = grad + 2 * g_double
        return grad


x = torch.tensor([1.0, 2.0], requires_grad=True)
s, d = SplitStats.apply(x)
print(s, d, s.grad_fn is d.grad_fn, s.grad_fn.name())
(s * 3 + d.sum()).backward()
print(x.grad)
x.grad = None
s, d = SplitStats.apply(x)
s.backward()
print(x.grad)
x.grad = None
s, d = SplitStatsNoMat.apply(x)
d.sum().backward()
print(x.grad)
x.grad = None
s, d = SplitStatsNoMat.apply(x)
(s + d[0]).backward()
print(x.grad)
out = SplitStats.apply(x)
print(type(out).__name__, len(out))
