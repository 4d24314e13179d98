# Custom Function: a backward written with differentiable torch ops supports create_graph
# (second derivatives through it); @once_differentiable makes double backward raise.
import torch
from torch.autograd.function import once_differentiable


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return 3 * x ** 2 * g


class CubeOnce(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    @once_differentiable
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        print('inside once_differentiable: grad mode', torch.is_grad_enabled(), g.requires_grad)
        return 3 * x ** 2 * g


x = torch.tensor([1.0, 2.0], requires_grad=True)
y = Cube.apply(x).sum()
(g,) = torch.autograd.grad(y, x, create_graph=True)
print(g, g.grad_fn.name())
(g2,) = torch.autograd.grad(g.sum(), x, create_graph=True)
print(g2)
(g3,) = torch.autograd.grad(g2.sum(), x)
print(g3)
z = CubeOnce.apply(x).sum()
(h,) = torch.autograd.grad(z, x, create_graph=True)
print(h, h.requires_grad, h.grad_fn)
try:
    h.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
go = torch.tensor(1.0, requires_grad=True)
(k,) = torch.autograd.grad(CubeOnce.apply(x).sum(), x, grad_outputs=go, create_graph=True)
print(k, k.requires_grad, k.grad_fn.name())
try:
    k.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
w = CubeOnce.apply(x).sum()
w.backward()
print(x.grad)
