# Custom Function: the setup_context style (forward without ctx, setup_context(ctx,
# inputs, output) saving tensors and attributes), used with autograd.grad as well.
import torch


class MulAdd(torch.autograd.Function):
    @staticmethod
    def forward(x, w, b):
        return x * w + b

    @staticmethod
    def setup_context(ctx, inputs, output):
        x, w, b = inputs
        ctx.save_for_backward(x, w)
        ctx.out_shape = output.shape
        print('setup_context', len(inputs), tuple(output.shape))

    @staticmethod
    def backward(ctx, grad):
        x, w = ctx.saved_tensors
        print('backward', ctx.out_shape, ctx.needs_input_grad)
        return grad * w, grad * x, grad


x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, 4.0], requires_grad=True)
b = torch.tensor([0.5, 0.5])
y = MulAdd.apply(x, w, b)
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad, w.grad, b.grad)
print(torch.autograd.grad(MulAdd.apply(x, w, b).sum(), w))


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x ** 3

    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(inputs[0])

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return 3 * x ** 2 * g


c = torch.tensor(2.0, requires_grad=True)
print(Cube.apply(c), torch.autograd.grad(Cube.apply(c), c))
